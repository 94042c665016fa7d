//! The customer at the table in a real (headless) Chromium: the KAM offers a
//! commitment to the customer on the plan page; a signed-out visitor of the
//! share link, in a browser of their own, comments on the shared goal and
//! accepts the joint commitment; the KAM then sees both on the plan page,
//! marked as from the customer and the link it came through, and the plan's
//! excellence level rises from 3 (the team's work) to 5.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`. `KEYPLAN_SHOTS=DIR` saves the share page there.
//!
//! ```sh
//! KEYPLAN_REQUIRE_BROWSER=1 cargo test -p keyplan-testkit --test browser_customer
//! ```

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Result};
use keyplan_testkit::{PASSWORD, TestApp};
use reqwest::Method;
use serde_json::json;

const KAM: &str = "kim.kamp@acme.test";
const PLAN: &str = "Helix growth plan";
const GOAL: &str = "Double the service contract base";
const PILOT: &str = "Run a joint pilot of predictive maintenance at the Bremen plant";
const COMMENT: &str = "Could the pilot start in March, before our shutdown?";
const LABEL: &str = "Helix QBR";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_out_customer_comments_and_accepts_a_joint_commitment() -> Result<()> {
    let Some(kam) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    let kim = app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Helix Pumps").await;
    let (_, dana) = api.post(&format!("/accounts/{account}/contacts"), json!({"name": "Dana Ruiz", "title": "Head of Maintenance"})).await;
    // The plan started five months ago, so the team's reviews fall inside it.
    let today = time::OffsetDateTime::now_utc().date();
    let day = |offset: i64| keyplan_domain::validate::format_date(today + time::Duration::days(offset));
    let (_, created) =
        api.post(&format!("/accounts/{account}/plans"), json!({"title": PLAN, "period_start": day(-150), "period_end": day(214)})).await;
    let plan = created["id"].as_i64().expect("the plan's id");
    let goal = api.node(plan, json!({"kind": "goal", "title": GOAL, "metric": "Contracts", "baseline": 40, "target": 80})).await["id"]
        .as_i64()
        .unwrap();
    let due = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(75));
    let pilot = api
        .node(
            plan,
            json!({"kind": "commitment", "parent_id": goal, "title": PILOT, "owner_id": kim.id.get(), "due_date": due,
            "done_criterion": "Pilot report signed by both plant managers", "contact_id": dana["id"]}),
        )
        .await["id"]
        .as_i64()
        .unwrap();
    for node in [goal, pilot] {
        let body = json!({"target_kind": "node", "target_id": node, "visibility": "customer"});
        api.call(Method::PUT, &format!("/plans/{plan}/visibility"), Some(body)).await;
    }
    // The team at work: a colleague accepts a commitment (level 2) and two
    // team reviews were held, the last within the cadence (level 3).
    let mel = app.user("Acme", "mel@acme.test", "Mel Member", Role::Member).await;
    api.call(Method::PUT, &format!("/accounts/{account}/team/{}", mel.id.get()), Some(json!({"function": "service"}))).await;
    let training = api
        .node(
            plan,
            json!({"kind": "commitment", "parent_id": goal, "title": "Train the Bremen maintenance crew on the sensor kit", "owner_id": mel.id.get(),
            "due_date": day(60), "done_criterion": "Twelve technicians certified"}),
        )
        .await;
    let (status, v) = app.api("mel@acme.test").await.post(&format!("/commitments/{}/accept", training["id"]), json!({})).await;
    assert!(status.is_success(), "{v}");
    for when in [day(-100), day(-10)] {
        let (_, r) = api.post(&format!("/plans/{plan}/reviews"), json!({"kind": "team", "review_date": when})).await;
        let (status, v) = api.post(&format!("/reviews/{}/hold", r["id"]), json!({"version": r["version"]})).await;
        assert!(status.is_success(), "{v}");
    }
    assert_eq!(api.get(&format!("/plans/{plan}/coach")).await.1["level"], 3, "the team's rungs hold");

    let until = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
    let (_, created) = api.post(&format!("/plans/{plan}/share-links"), json!({"label": LABEL, "expires_on": until})).await;
    let link = created["url"].as_str().expect("the link's address").to_string();

    // The KAM signs in and offers the commitment to the customer on the plan page.
    kam.goto(&app.url("/login")).await?;
    kam.fill("input[name=email]", KAM).await?;
    kam.fill("input[name=password]", PASSWORD).await?;
    kam.click_and_wait(&kam.find("form[action='/login'] button[type=submit]").await?).await?;
    kam.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;
    let account_page = app.url(&format!("/accounts/{account}"));
    kam.goto(&account_page).await?;
    let mark = kam.find(".plan-mark").await?;
    assert_eq!(mark.attribute("data-level").await?.as_deref(), Some("3"), "level 3 before the customer took part");
    kam.goto(&app.url(&format!("/plans/{plan}#coach"))).await?;
    let level = kam.find("#coach #h-coach").await?.text().await?;
    assert!(level.starts_with("Level 3"), "the coach panel before: {level}");
    kam.goto(&app.url(&format!("/plans/{plan}#customer"))).await?;
    let offer = kam.open_details("#customer details.add").await?;
    offer.find("select[name=node_id]").await?.select_by_value(&pilot.to_string()).await?;
    offer.find("select[name=contact_id]").await?.select_by_text("Dana Ruiz").await?;
    kam.click_and_wait(&offer.find("button[type=submit]").await?).await?;
    kam.wait_for_url("back on the plan", |u| u.contains(&format!("/plans/{plan}"))).await?;
    let state = kam.find(&format!("#customer #joint-{pilot} .joint-state")).await?.text().await?;
    assert_eq!(state, "Waiting for the customer’s answer");

    // A visitor, never signed in, opens the link in a browser of their own.
    let visitor = Browser::start().await?;
    visitor.goto(&link).await?;
    // The customer reads the plan under its customer title (by default the account and the period), never the internal one.
    let heading = visitor.find("h1").await?.text().await?;
    assert!(heading.starts_with("Helix Pumps · 20") && !heading.contains(PLAN), "{heading}");
    let offered = visitor.find(&format!("#joint-{pilot}")).await?.text().await?;
    assert!(offered.contains(PILOT) && offered.contains("Dana Ruiz") && offered.contains("Kim Kamp"), "{offered}");
    assert!(offered.contains("Awaiting your answer"), "{offered}");

    // They comment on the goal...
    let thread = format!("[data-thread='node:{goal}']");
    let form = visitor.open_details(&format!("{thread} > details.x-reply")).await?;
    form.find("textarea[name=body]").await?.send_keys(COMMENT).await?;
    form.find("input[name=name]").await?.send_keys("Dana Ruiz").await?;
    visitor.click_and_wait(&form.find("button[type=submit]").await?).await?;
    let thanks = visitor.find(".share-flash").await?.text().await?;
    assert!(thanks.contains("your comment was sent"), "{thanks}");
    let shown = visitor.find(&format!("{thread} .x-comment")).await?.text().await?;
    assert!(shown.contains(COMMENT) && shown.contains("Dana Ruiz"), "{shown}");

    if let Some(dir) = shots() {
        visitor.open_details(&format!("#joint-{pilot} details.x-decline")).await?;
        visitor.screenshot(dir.join("share-page-offer.png")).await?;
    }

    // ... and accept the joint commitment; their name is filled in already.
    let answer = visitor.find(&format!("#joint-{pilot} .x-answer")).await?;
    assert_eq!(answer.find("input[name=name]").await?.value().await?, "Dana Ruiz");
    visitor.click_and_wait(&answer.find("button[value=accept]").await?).await?;
    let thanks = visitor.find(".share-flash").await?.text().await?;
    assert!(thanks.contains("you accepted the commitment"), "{thanks}");
    let state = visitor.find(&format!("#joint-{pilot} .joint-state")).await?.text().await?;
    assert!(state.starts_with("Accepted by Dana Ruiz on"), "{state}");
    assert!(!visitor.exists(&format!("#joint-{pilot} .x-answer")).await?, "answered once");
    assert!(!visitor.exists("a[href^='/plans'], a[href^='/accounts'], input[name=password]").await?, "nothing of the app");

    if let Some(dir) = shots() {
        visitor.goto(&link).await?;
        visitor.screenshot(dir.join("share-page.png")).await?;
        let height = visitor.execute("return document.documentElement.scrollHeight;", vec![]).await?.as_u64().unwrap_or(900);
        visitor.set_window_size(1280, height.clamp(900, 6000) as u32).await?;
        visitor.screenshot(dir.join("share-page-full.png")).await?;
        visitor.set_window_size(390, 844).await?;
        visitor.screenshot(dir.join("share-page-phone.png")).await?;
    }

    // The KAM sees both, marked as from the customer (a fresh load: the
    // address differs from the last one only by its fragment).
    kam.goto(&app.url(&format!("/plans/{plan}"))).await?;
    kam.goto(&app.url(&format!("/plans/{plan}#discussion"))).await?;
    let comment = kam.find_with_text("#discussion li.comment", COMMENT).await?;
    assert!(comment.has_class("from-customer").await?);
    let text = comment.text().await?;
    assert!(text.contains("Dana Ruiz") && text.contains(&format!("customer, via share link “{LABEL}”")), "{text}");
    let line = kam.find_with_text("#discussion ol.activity li", "accepted the joint commitment").await?;
    assert!(line.has_class("from-customer").await?);
    assert!(line.text().await?.contains(&format!("Dana Ruiz (customer, via share link “{LABEL}”)")));
    kam.goto(&app.url(&format!("/plans/{plan}#customer"))).await?;
    let state = kam.find(&format!("#customer #joint-{pilot} .joint-state")).await?.text().await?;
    assert!(state.starts_with(&format!("Accepted by Dana Ruiz (customer, via share link “{LABEL}”) on")), "{state}");
    let badge = kam.find(&format!("#node-{pilot} .joint-badge")).await?.text().await?;
    assert_eq!(badge, "Accepted by the customer");

    // The customer opened the link (level 4) and accepted a joint commitment:
    // the plan now stands on the top rung, on the account page too.
    kam.goto(&account_page).await?;
    let mark = kam.find(".plan-mark").await?;
    assert_eq!(mark.attribute("data-level").await?.as_deref(), Some("5"), "the level rose with the customer");
    assert!(mark.text().await?.contains("Level 5"));
    kam.goto(&app.url(&format!("/plans/{plan}#coach"))).await?;
    let level = kam.find("#coach #h-coach").await?.text().await?;
    assert!(level.starts_with("Level 5"), "the coach panel after: {level}");
    if let Some(dir) = shots() {
        kam.screenshot(dir.join("plan-coach.png")).await?;
        kam.goto(&account_page).await?;
        kam.screenshot(dir.join("account-coach-mark.png")).await?;
    }
    if let Some(dir) = shots() {
        kam.goto(&app.url(&format!("/plans/{plan}#customer"))).await?;
        kam.screenshot(dir.join("plan-customer.png")).await?;
        kam.goto(&app.url(&format!("/plans/{plan}#discussion"))).await?;
        kam.screenshot(dir.join("plan-discussion.png")).await?;
    }
    Ok(())
}

/// Where to save screenshots (`KEYPLAN_SHOTS`), if anywhere.
fn shots() -> Option<std::path::PathBuf> {
    let dir = std::path::PathBuf::from(std::env::var_os("KEYPLAN_SHOTS").filter(|d| !d.is_empty())?);
    std::fs::create_dir_all(&dir).expect("create KEYPLAN_SHOTS");
    Some(dir)
}
