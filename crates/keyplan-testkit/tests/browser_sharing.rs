//! Customer share links in a real (headless) Chromium: a KAM marks one goal for
//! the customer while another stays with the team, creates a link with an expiry
//! date and reads it off the page; a signed-out visitor in a browser of their own
//! sees only the customer's goal, and after the KAM revokes the link, a page
//! saying the link is no longer valid.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`.
//!
//! ```sh
//! KEYPLAN_REQUIRE_BROWSER=1 cargo test -p keyplan-testkit --test browser_sharing
//! ```

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Result};
use keyplan_testkit::{PASSWORD, TestApp};
use serde_json::json;
use time::{Duration, OffsetDateTime};

const KAM: &str = "kim.kamp@acme.test";
const SHARED: &str = "SHARED-GOAL-3F7K Double the service contract base";
const TEAM_ONLY: &str = "TEAMONLY-GOAL-9Q2X Win back the Bremen plant";
const LABEL: &str = "Helix procurement team";

/// Everything the visitor's page shows, as text.
async fn body_text(b: &Browser) -> Result<String> {
    b.find("body").await?.text().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kam_shares_the_customer_excerpt_and_revokes_the_link() -> Result<()> {
    let Some(kam) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Helix Pumps").await;
    let plan = api.plan(account, "Helix growth plan").await;
    let shared = api.node(plan, json!({"kind": "goal", "title": SHARED})).await["id"].as_i64().unwrap();
    let team_only = api.node(plan, json!({"kind": "goal", "title": TEAM_ONLY})).await["id"].as_i64().unwrap();

    // The KAM signs in and opens the plan.
    kam.goto(&app.url("/login")).await?;
    kam.fill("input[name=email]", KAM).await?;
    kam.fill("input[name=password]", PASSWORD).await?;
    kam.click_and_wait(&kam.find("form[action='/login'] button[type=submit]").await?).await?;
    kam.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;
    kam.goto(&app.url(&format!("/plans/{plan}"))).await?;
    assert_eq!(kam.find("h1").await?.text().await?, "Helix growth plan");

    // Visibility & share links.
    kam.click_and_wait(&kam.find_with_text("nav.audience-tabs a", "Visibility & share links").await?).await?;
    kam.wait_for_url("the sharing page", |u| u.ends_with(&format!("/plans/{plan}/sharing"))).await?;
    let shared_select = format!("select[name='node-{shared}']");
    let team_select = format!("select[name='node-{team_only}']");
    assert_eq!(kam.find(&shared_select).await?.value().await?, "team", "team only by default");
    kam.find(&format!("select[aria-label='Visibility of {SHARED}']")).await?.select_by_value("customer").await?;
    kam.click_and_wait(&kam.find_with_text(".visibility-card button[type=submit]", "Save visibility").await?).await?;
    kam.wait_for_url("back on the sharing page", |u| u.contains("/sharing")).await?;
    assert_eq!(kam.find(&shared_select).await?.value().await?, "customer", "the choice was saved");
    assert_eq!(kam.find(&team_select).await?.value().await?, "team", "the other goal stays with the team");

    // A share link with an expiry date two months ahead.
    let expires = OffsetDateTime::now_utc().date() + Duration::days(60);
    let iso = format!("{}-{:02}-{:02}", expires.year(), u8::from(expires.month()), expires.day());
    kam.fill("form.new-link-form input[name=label]", LABEL).await?;
    let date = kam.find("form.new-link-form input[name=expires_on]").await?;
    if !date.set_date(&iso).await? {
        eprintln!("note: typing into input[type=date] did not take; the value was set by script");
    }
    assert_eq!(date.value().await?, iso);
    kam.click_and_wait(&kam.find_with_text("form.new-link-form button", "Create share link").await?).await?;
    let callout = kam.find(".callout.new-link").await?;
    assert!(callout.text().await?.contains("Share link created"));
    let link = kam.find("input#new-link").await?.value().await?;
    assert!(link.starts_with(&app.url("/s/")), "the link points at this server: {link}");
    let token = link.rsplit('/').next().unwrap_or_default();
    assert_eq!(token.len(), 64, "a long random token: {link}");
    let row = kam.find_with_text(".links-table tbody tr", LABEL).await?;
    assert!(row.text().await?.contains(&views_date(expires)), "the list shows the expiry date: {}", row.text().await?);

    // The link is shown once: the sharing page, opened again, does not show it.
    kam.goto(&app.url(&format!("/plans/{plan}/sharing"))).await?;
    assert!(!kam.exists("input#new-link").await?);
    assert!(!kam.page_source().await?.contains(token), "the token is not on the page any more");

    // A visitor with a browser of their own, never signed in, opens the link.
    let visitor = Browser::start().await?;
    visitor.goto(&link).await?;
    let text = body_text(&visitor).await?;
    assert!(text.contains("Helix Pumps · 20") && !text.contains("Helix growth plan"), "the customer's title, not ours: {text}");
    assert!(text.contains(SHARED), "the customer-visible goal is shown: {text}");
    assert!(!text.contains(TEAM_ONLY), "the team-only goal is not shown: {text}");
    assert!(!visitor.page_source().await?.contains("TEAMONLY-GOAL-9Q2X"), "not even hidden in the markup");
    assert!(!visitor.exists("input[name=password]").await?, "no sign-in form");
    assert!(!visitor.exists("form[action='/login'], form[action='/logout']").await?);
    assert!(!visitor.exists("nav.audience-tabs").await?, "no audience tabs");
    assert!(!visitor.exists("a[href^='/plans'], a[href^='/accounts'], a[href='/']").await?, "no links into the app");
    assert!(!visitor.exists("header .me-name").await?, "nobody is signed in");
    assert_eq!(visitor.current_url().await?, link, "not redirected to sign in");

    // The opening is counted on the KAM's list.
    kam.refresh().await?;
    let row = kam.find_with_text(".links-table tbody tr", LABEL).await?;
    assert!(row.text().await?.contains("(1×)"), "one opening: {}", row.text().await?);

    // The KAM revokes the link.
    let revoke = row.find("form[action$='/revoke'] button").await?;
    assert_eq!(revoke.text().await?, "Revoke");
    kam.click_and_wait(&revoke).await?;
    kam.wait_for_url("back on the sharing page", |u| u.contains("/sharing")).await?;
    assert!(kam.find(".flash").await?.text().await?.contains("no longer opens"));
    let row = kam.find_with_text(".links-table tbody tr", LABEL).await?;
    assert!(row.find_all("form[action$='/revoke']").await?.is_empty(), "a revoked link has no Revoke button");

    // The visitor, reloading, is told the link no longer works, and sees nothing of the plan.
    visitor.refresh().await?;
    assert_eq!(visitor.find("h1").await?.text().await?, "This link is no longer valid");
    let text = body_text(&visitor).await?;
    assert!(!text.contains(SHARED) && !text.contains(TEAM_ONLY), "no plan content: {text}");
    assert!(!visitor.exists("input[name=password]").await?, "no sign-in form");

    // An unknown token is a different page.
    visitor.goto(&app.url(&format!("/s/{}", "0".repeat(64)))).await?;
    assert_eq!(visitor.find("h1").await?.text().await?, "Link not found");
    Ok(())
}

/// A date as the pages show it: `5 Mar 2026`.
fn views_date(d: time::Date) -> String {
    format!("{} {} {}", d.day(), keyplan_domain::plan::month_name(d.month()), d.year())
}
