//! The *Import from CRM* page in a real (headless) Chromium with JavaScript
//! switched off: a manager uploads a German Excel export (Windows-1252,
//! semicolons), sees what was detected, maps one column away on the preview,
//! runs a dry run that stores nothing, and imports.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`.

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Options, Result};
use keyplan_testkit::{PASSWORD, TestApp};
use serde_json::Value;

const MANAGER: &str = "jane.doe@example.com";

fn fixture(name: &str) -> String {
    let path = format!("{}/../keyplan-domain/tests/fixtures/crm/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::canonicalize(&path).unwrap_or_else(|e| panic!("{path}: {e}")).display().to_string()
}

async fn figure(b: &Browser, label: &str) -> Result<String> {
    for f in b.find_all("#crm-import-result .figure").await? {
        let text = f.text().await?;
        if text.to_lowercase().contains(&label.to_lowercase()) {
            return f.find("strong").await?.text().await;
        }
    }
    panic!("no figure {label:?}: {}", b.find("#crm-import-result").await?.text().await?);
}

fn names(list: &Value) -> Vec<String> {
    let items = list["items"].as_array().or(list.as_array()).cloned().unwrap_or_default();
    let mut v: Vec<String> = items.iter().filter_map(|a| a["name"].as_str().map(str::to_string)).collect();
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_map_dry_run_and_import_without_javascript() -> Result<()> {
    let Some(b) = Browser::for_test_with(Options::no_js()).await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", MANAGER, "Jane Doe", Role::Manager).await;
    let api = app.api(MANAGER).await;

    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", MANAGER).await?;
    b.fill("input[name=password]", PASSWORD).await?;
    b.click_and_wait(&b.find("form[action='/login'] button[type=submit]").await?).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

    b.goto(&app.url("/crm/import")).await?;
    b.find("#crm-import-upload input[type=file]").await?.send_keys(&fixture("dynamics_accounts.csv")).await?;
    b.click_and_wait(&b.find("#crm-import-upload button[type=submit]").await?).await?;

    // What was detected, and the preview of the first rows.
    let detected = b.find("#crm-import-mapping .detected").await?.text().await?;
    assert!(detected.contains("windows-1252") && detected.contains(';'), "{detected}");
    assert_eq!(b.find("#crm-import-mapping select[name=preset]").await?.selected_text().await?.as_deref(), Some("dynamics"));
    assert_eq!(b.find("#crm-import-mapping select[name=kind]").await?.selected_text().await?.as_deref(), Some("Accounts"));
    let preview = b.find("table.crm-preview").await?.text().await?;
    assert!(preview.contains("Müller Maschinenbau GmbH") && preview.contains("Nord – Süd Logistik AG"), "never garbled: {preview}");

    // The industry column is mapped away on the preview.
    let mut industry = None;
    for (i, th) in b.find_all("table.crm-preview thead tr:first-child th").await?.into_iter().enumerate() {
        if th.text().await?.to_lowercase().contains("industry") {
            industry = Some(i);
        }
    }
    let index = industry.expect("an industry column");
    // The fields are offered by their names in words; the mapping keeps the field's key.
    let option = b.find(&format!("select[name=col_{index}] option[value=annual_revenue]")).await?;
    assert_eq!(option.text().await?, "Customer's annual revenue");
    b.find(&format!("select[name=col_{index}]")).await?.select_by_value("ignore").await?;

    b.click_and_wait(&b.find("#crm-import-mapping button[value=dry_run]").await?).await?;
    assert_eq!(figure(&b, "created").await?, "3");
    let rows = b.find("table.crm-rows").await?.text().await?;
    assert!(rows.contains("Müller Service – Süd"), "row by row: {rows}");
    let (_, list) = api.get("/accounts").await;
    assert!(names(&list).is_empty(), "a dry run stores nothing: {list}");

    // The mapping survives the dry run; importing stores the three accounts without an industry.
    let select = b.find(&format!("select[name=col_{index}]")).await?;
    assert_eq!(select.value().await?, "ignore");
    b.click_and_wait(&b.find("#crm-import-mapping button[value=import]").await?).await?;
    assert_eq!(figure(&b, "created").await?, "3");
    let (_, list) = api.get("/accounts").await;
    assert_eq!(names(&list), ["Müller Maschinenbau GmbH", "Müller Service – Süd", "Nord – Süd Logistik AG"], "{list}");
    let items = list["items"].as_array().or(list.as_array()).cloned().unwrap_or_default();
    assert!(items.iter().all(|a| a["industry"].is_null()), "the industry column was ignored: {list}");
    Ok(())
}
