//! A regular sales meeting in a real (headless) Chromium with JavaScript
//! switched off: a manager opens "Meetings", makes a meeting from the proposed
//! agenda (the plans where something moved ticked, each with why, the quiet
//! plan left out), records a decision, adds a follow-up commitment that its
//! owner is then asked to accept, closes the meeting, and sees it in the list.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`.

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Options, Result};
use keyplan_testkit::{PASSWORD, TestApp};
use serde_json::json;

const MANAGER: &str = "mia@acme.test";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_runs_a_sales_meeting_without_javascript() -> Result<()> {
    let Some(b) = Browser::for_test_with(Options::no_js()).await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", MANAGER, "Mia Manager", Role::Manager).await;
    let kim = app.user("Acme", "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let mia = app.api(MANAGER).await;
    let kim_api = app.api("kim@acme.test").await;
    let mut plans = Vec::new();
    for name in ["Northwind", "Initech", "Globex"] {
        let (_, a) = mia.post("/accounts", json!({"name": name, "owner_id": kim.id.get()})).await;
        let (_, p) =
            kim_api.post(&format!("/accounts/{}/plans", a["id"]), json!({"title": format!("{name} FY27"), "status": "active"})).await;
        plans.push(p["id"].as_i64().expect("plan id"));
    }
    // Northwind gains an obstacle, Initech a goal; Globex stays quiet.
    let [_, _, _, obstacle] = kim_api.skeleton(plans[0]).await;
    kim_api.node(plans[1], json!({"kind": "goal", "title": "Keep the volume"})).await;

    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", MANAGER).await?;
    b.fill("input[name=password]", PASSWORD).await?;
    b.click_and_wait(&b.find("form[action='/login'] button[type=submit]").await?).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

    b.click_and_wait(&b.find_with_text("nav.mainnav a", "Meetings").await?).await?;
    b.click_and_wait(&b.find_with_text("a.btn", "New meeting").await?).await?;
    let proposed = b.find("fieldset.meeting-proposed").await?.text().await?;
    assert!(proposed.contains("Northwind FY27") && proposed.contains("1 new blocker"), "{proposed}");
    assert!(proposed.contains("Initech FY27") && proposed.contains("1 goal changed"), "{proposed}");
    assert!(!proposed.contains("Globex"), "nothing moved there: {proposed}");
    let mut ticked = Vec::new();
    for c in b.find_all("input[name=plan_ids]").await? {
        if c.is_selected().await? {
            ticked.push(c.attribute("value").await?.unwrap_or_default());
        }
    }
    assert_eq!(ticked, [plans[0].to_string(), plans[1].to_string()], "the busiest first");
    b.fill("input[name=title]", "KAM round").await?;
    b.click_and_wait(&b.find_with_text("form.meeting-form button", "Make the meeting").await?).await?;
    b.wait_for_url("the meeting page", |u| u.contains("/meetings/")).await?;
    assert!(b.find(".flash").await?.text().await?.contains("2 plans"));
    assert!(b.find("h1").await?.text().await?.contains("KAM round"));

    let first = format!("#plan-{}", plans[0]);
    b.fill(&format!("{first} textarea[name=text]"), "Escalate the design review").await?;
    b.click_and_wait(&b.find_with_text(&format!("{first} button"), "Record the decision").await?).await?;
    assert!(b.find(".flash").await?.text().await?.contains("Decision recorded"));
    assert!(b.find(&format!("{first} .meeting-decisions")).await?.text().await?.contains("Escalate the design review"));

    // A follow-up for Kim, under the obstacle: it waits for Kim's acceptance.
    b.fill(&format!("{first} input[name=title]"), "Book the engineers' workshop").await?;
    b.find(&format!("{first} select[name=parent_id]")).await?.select_by_value(&obstacle.to_string()).await?;
    b.find(&format!("{first} select[name=owner_id]")).await?.select_by_text("Kim Kamara").await?;
    b.find(&format!("{first} input[name=due_date]")).await?.set_date("2027-06-30").await?;
    b.click_and_wait(&b.find_with_text(&format!("{first} button"), "Add the commitment").await?).await?;
    assert!(b.find(".flash").await?.text().await?.contains("asked to accept"));
    let follow = b.find(&format!("{first} .meeting-follow-ups")).await?.text().await?;
    assert!(follow.contains("Book the engineers' workshop"), "{follow}");

    // Back at the top of the meeting (the redirect scrolled to the plan), then close it.
    let url = b.current_url().await?;
    b.goto(url.split('#').next().unwrap_or(&url)).await?;
    b.click_and_wait(&b.find_with_text("button", "Close the meeting").await?).await?;
    assert!(b.find(".flash").await?.text().await?.contains("Meeting closed"));
    b.click_and_wait(&b.find_with_text("nav.crumbs a", "Sales meetings").await?).await?;
    let row = b.find("table.meetings tbody tr").await?.text().await?;
    assert!(row.contains("KAM round") && row.contains("Closed"), "{row}");
    Ok(())
}
