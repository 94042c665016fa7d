//! A management committee session in a real (headless) Chromium with
//! JavaScript switched off: a manager opens a session from the committee page,
//! unticks one of the plans chosen by potential, opens the session, records
//! an outcome that needs conditions (and is told so when they are missing),
//! and sees the outcomes in the session list.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`.

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Options, Result};
use keyplan_testkit::{PASSWORD, TestApp};
use serde_json::json;

const MANAGER: &str = "mia@acme.test";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_runs_a_committee_session_without_javascript() -> Result<()> {
    let Some(b) = Browser::for_test_with(Options::no_js()).await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", MANAGER, "Mia Manager", Role::Manager).await;
    let kim = app.user("Acme", "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let mia = app.api(MANAGER).await;
    let kim_api = app.api("kim@acme.test").await;
    let mut plans = Vec::new();
    for (name, potential) in [("Northwind", 5e6), ("Initech", 3e6), ("Globex", 1e6)] {
        let (_, a) = mia.post("/accounts", json!({"name": name, "potential": potential, "owner_id": kim.id.get()})).await;
        let (_, p) =
            kim_api.post(&format!("/accounts/{}/plans", a["id"]), json!({"title": format!("{name} FY27"), "status": "active"})).await;
        plans.push(p["id"].as_i64().expect("plan id"));
    }

    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", MANAGER).await?;
    b.fill("input[name=password]", PASSWORD).await?;
    b.click_and_wait(&b.find("form[action='/login'] button[type=submit]").await?).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

    b.click_and_wait(&b.find_with_text("nav.mainnav a", "Committee").await?).await?;
    b.click_and_wait(&b.find_with_text("a.btn", "New session").await?).await?;
    // The plans of greatest potential are ticked; the manager drops Globex.
    let mut ticked = Vec::new();
    for c in b.find_all("input[name=plan_ids]").await? {
        if c.is_selected().await? {
            ticked.push(c.attribute("value").await?.unwrap_or_default());
        }
    }
    assert_eq!(ticked, plans.iter().map(|p| p.to_string()).collect::<Vec<_>>(), "all three, by potential");
    b.find(&format!("input[name=plan_ids][value='{}']", plans[2])).await?.click().await?;
    b.find("input[name=date]").await?.set_date("2027-03-15").await?;
    b.click_and_wait(&b.find_with_text("form.committee-form button", "Open session").await?).await?;
    b.wait_for_url("the session page", |u| u.contains("/committees/")).await?;
    assert!(b.find(".flash").await?.text().await?.contains("2 plans"));
    let agenda = b.find("ol.committee-plans").await?.text().await?;
    assert!(agenda.contains("Northwind FY27") && agenda.contains("Initech FY27") && !agenda.contains("Globex FY27"), "{agenda}");

    // Conditions without their text are refused with the reason; with it, recorded.
    let first = format!("#plan-{}", plans[0]);
    b.find(&format!("{first} input[value=endorsed_with_conditions]")).await?.click().await?;
    b.click_and_wait(&b.find(&format!("{first} button[type=submit]")).await?).await?;
    assert!(b.find(&format!("{first} .field-error")).await?.text().await?.contains("conditions"));
    assert!(b.find(&format!("{first} input[value=endorsed_with_conditions]")).await?.is_selected().await?, "the choice is kept");
    b.fill(&format!("{first} textarea[name=text]"), "Add a second sponsor by June").await?;
    b.click_and_wait(&b.find(&format!("{first} button[type=submit]")).await?).await?;
    assert!(b.find(".flash").await?.text().await?.contains("Outcome recorded for Northwind FY27"));
    assert_eq!(b.find(&format!("{first} .outcome-badge")).await?.text().await?, "Endorsed with conditions");

    let second = format!("#plan-{}", plans[1]);
    b.find(&format!("{second} input[value=sent_back]")).await?.click().await?;
    b.click_and_wait(&b.find(&format!("{second} button[type=submit]")).await?).await?;
    assert_eq!(b.find(&format!("{second} .outcome-badge")).await?.text().await?, "Sent back");

    b.click_and_wait(&b.find_with_text("nav.crumbs a", "Management committee").await?).await?;
    let row = b.find("table.committees tbody tr").await?.text().await?;
    assert!(row.contains("2 of 2 decided") && row.contains("Endorsed with conditions: 1") && row.contains("Sent back: 1"), "{row}");
    Ok(())
}
