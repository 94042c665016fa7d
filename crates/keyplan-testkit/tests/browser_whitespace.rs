//! The whitespace matrix in a real (headless) Chromium with JavaScript switched
//! off: a KAM opens the matrix from the account page, assesses an empty cell and
//! adds a business unit, by clicking and typing only.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`.

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Options, Result};
use keyplan_testkit::{PASSWORD, TestApp};
use serde_json::json;

const KAM: &str = "kim.kamp@acme.test";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kam_assesses_a_cell_without_javascript() -> Result<()> {
    let Some(b) = Browser::for_test_with(Options::no_js()).await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    app.user("Acme", "max@acme.test", "Max Manager", Role::Manager).await;
    let manager = app.api("max@acme.test").await;
    let api = app.api(KAM).await;
    let account = api.account("Globex Automotive").await;
    for name in ["Sensors", "Valves"] {
        manager.post("/offerings", json!({ "name": name })).await;
    }
    api.post(&format!("/accounts/{account}/business-units"), json!({"name": "Powertrain"})).await;

    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", KAM).await?;
    b.fill("input[name=password]", PASSWORD).await?;
    b.click_and_wait(&b.find("form[action='/login'] button[type=submit]").await?).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

    b.goto(&app.url(&format!("/accounts/{account}"))).await?;
    b.click_and_wait(&b.find_with_text("a.btn", "Whitespace matrix").await?).await?;
    b.wait_for_url("the matrix", |u| u.ends_with("/whitespace")).await?;
    assert_eq!(b.find(".ws-fig-empty strong").await?.text().await?, "2", "two empty cells");

    // Valves x Powertrain: empty, so the link says "Assess".
    let cell = b.find("a.ws-cell.ws-empty[aria-label^='Valves × Powertrain']").await?;
    b.click_and_wait(&cell).await?;
    let editor = b.find("#cell-edit").await?;
    assert!(editor.text().await?.contains("Valves × Powertrain"));
    editor.find("select[name=status]").await?.select_by_value("opportunity").await?;
    b.fill("#cell-edit input[name=value]", "250000").await?;
    b.fill("#cell-edit textarea[name=note]", "New e-axle line").await?;
    b.click_and_wait(&b.find_with_text("#cell-edit button", "Save cell").await?).await?;

    let url = b.wait_for_url("back on the matrix at the cell", |u| u.contains("#ws-cell-")).await?;
    let anchor = url.rsplit_once('#').map(|(_, a)| a.to_string()).unwrap_or_default();
    let saved = b.find(&format!("#{anchor}")).await?;
    assert!(saved.has_class("ws-opportunity").await?);
    assert!(saved.text().await?.contains("€250k"));
    assert!(b.find(".flash").await?.text().await?.contains("Valves × Powertrain: Opportunity, €250k"));
    assert_eq!(b.find(".ws-fig-open strong").await?.text().await?, "€250k");
    assert_eq!(b.find(".ws-fig-empty strong").await?.text().await?, "1");

    // A second business unit becomes a new column.
    b.fill("form.ws-add-unit input[name=name]", "Chassis").await?;
    b.click_and_wait(&b.find_with_text("form.ws-add-unit button", "Add").await?).await?;
    let heads: Vec<String> = {
        let mut v = Vec::new();
        for th in b.find_all("table.ws-matrix thead th.ws-unit").await? {
            v.push(th.text().await?);
        }
        v
    };
    assert_eq!(heads, ["POWERTRAIN", "CHASSIS"], "column headers (shown in capitals)");
    Ok(())
}
