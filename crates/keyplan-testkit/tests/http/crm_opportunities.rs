//! Opportunities through `POST /api/v1/crm/imports`: a Salesforce report
//! after its accounts (15-character account ids finding 18-character ones,
//! owners by name, footers ignored), an idempotent re-import, a changed
//! re-export that updates one deal and keeps its goal link, deals whose
//! account matches nothing refused by column, and a KAM limited to the
//! accounts they own.

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../keyplan-domain/tests/fixtures/crm/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn import(api: &Api, query: &str, body: Vec<u8>) -> (StatusCode, Value) {
    let res = api
        .client
        .post(format!("{}/api/v1/crm/imports{query}", api.base))
        .bearer_auth(&api.token)
        .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
        .body(body)
        .send()
        .await
        .expect("POST /crm/imports");
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn figures(r: &Value) -> [u64; 4] {
    ["created", "updated", "unchanged", "skipped"].map(|k| r[k].as_u64().unwrap_or(u64::MAX))
}

async fn account_id(api: &Api, name: &str) -> i64 {
    let (_, list) = api.get("/accounts").await;
    let items = list["items"].as_array().or(list.as_array()).cloned().unwrap_or_default();
    items.iter().find(|a| a["name"] == name).and_then(|a| a["id"].as_i64()).unwrap_or_else(|| panic!("no account {name:?} in {list}"))
}

async fn deals(api: &Api, account: i64) -> Vec<Value> {
    let (status, list) = api.get(&format!("/accounts/{account}/opportunities")).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().cloned().unwrap_or_default()
}

fn named<'a>(deals: &'a [Value], name: &str) -> &'a Value {
    deals.iter().find(|d| d["name"] == name).unwrap_or_else(|| panic!("no deal {name:?} in {deals:?}"))
}

#[tokio::test]
async fn salesforce_deals_import_after_their_accounts_and_reimport_idempotently() {
    let app = TestApp::spawn().await;
    let jane = app.user("Acme", "jane.doe@example.com", "Jane Doe", Role::Manager).await;
    let max = app.user("Acme", "max.weber@example.com", "Max Weber", Role::Kam).await;
    let api = app.api("jane.doe@example.com").await;
    let (status, r) = import(&api, "", fixture("salesforce_accounts_dataloader.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [4, 0, 0, 0]), "{r}");

    let report = fixture("salesforce_opportunities_report.csv");
    let (status, r) = import(&api, "", report.clone()).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [3, 0, 0, 0]), "{r}");
    assert_eq!(
        (r["kind"].as_str(), r["preset"].as_str(), r["rows"].as_u64(), r["ignored_lines"].as_u64()),
        (Some("opportunities"), Some("salesforce"), Some(3), Some(7))
    );
    assert_eq!(r["errors"], json!([]), "{r}");

    let mueller = account_id(&api, "Müller Maschinenbau GmbH").await;
    let list = deals(&api, mueller).await;
    assert_eq!(list.len(), 2, "{list:?}");
    let press = named(&list, "Press line retrofit 2027");
    assert_eq!(
        (press["status"].as_str(), press["amount"].as_f64(), press["currency"].as_str(), press["probability"].as_i64()),
        (Some("open"), Some(1_250_000.0), Some("EUR"), Some(75))
    );
    assert_eq!((press["close_date"].as_str(), press["owner_id"].as_i64()), (Some("2026-12-31"), Some(jane.id.get())));
    assert_eq!((press["crm_id"].as_str(), press["next_step"].as_str()), (Some("006Dn00000Op1Aa"), Some("-send revised quote")));
    assert_eq!(named(&list, "Spare parts framework")["status"], "won");
    let home = deals(&api, account_id(&api, "@Home Wohnbau AG").await).await;
    let lost = named(&home, "Warehouse automation – phase 2");
    assert_eq!((lost["status"].as_str(), lost["currency"].as_str()), (Some("lost"), Some("USD")));
    assert_eq!((lost["owner_id"].as_i64(), lost["next_step"].as_str()), (Some(max.id.get()), Some("=HYPERLINK(\"http://x\")")));

    // The same file again changes nothing.
    let (status, r) = import(&api, "", report.clone()).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [0, 0, 3, 0]), "{r}");
    assert_eq!(deals(&api, mueller).await.iter().map(|d| d["version"].as_i64()).collect::<Vec<_>>(), [Some(1), Some(1)]);

    // A goal linked by hand survives a re-export with a changed amount, which updates that deal only.
    let (_, plan) = api.post(&format!("/accounts/{mueller}/plans"), json!({"title": "FY27 Müller"})).await;
    let plan_id = plan["id"].as_i64().unwrap_or_else(|| panic!("{plan}"));
    let (status, goal) =
        api.post(&format!("/plans/{plan_id}/nodes"), json!({"kind": "goal", "title": "Grow", "baseline": 1e6, "target": 3e6})).await;
    assert_eq!(status, StatusCode::CREATED, "{goal}");
    let (status, linked) = api.patch(&format!("/opportunities/{}", press["id"]), json!({"goal_id": goal["id"], "version": 1})).await;
    assert_eq!((status, linked["version"].as_i64()), (StatusCode::OK, Some(2)), "{linked}");
    let changed = String::from_utf8(report).unwrap().replace("\"1,250,000.00\"", "\"1,300,000.00\"");
    let (status, r) = import(&api, "", changed.into_bytes()).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [0, 1, 2, 0]), "{r}");
    let press = deals(&api, mueller).await.into_iter().find(|d| d["name"] == "Press line retrofit 2027").unwrap();
    assert_eq!((press["amount"].as_f64(), press["version"].as_i64(), &press["goal_id"]), (Some(1_300_000.0), Some(3), &goal["id"]));
}

#[tokio::test]
async fn deals_whose_account_matches_nothing_are_refused_by_column() {
    let app = TestApp::spawn().await;
    app.user("Acme", "jane.doe@example.com", "Jane Doe", Role::Manager).await;
    let api = app.api("jane.doe@example.com").await;
    let (status, r) = import(&api, "", fixture("salesforce_accounts_dataloader.csv")).await;
    assert_eq!(status, StatusCode::OK, "{r}");

    // Pipedrive: Müller is found by name; the other organisations do not exist.
    let (status, r) = import(&api, "?kind=opportunities", fixture("pipedrive_deals.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::UNPROCESSABLE_ENTITY, [1, 0, 0, 3]), "{r}");
    let refused: Vec<(u64, &str)> =
        r["errors"].as_array().unwrap().iter().map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap_or(""))).collect();
    assert_eq!(refused, [(2, "Organization - ID"), (3, "Organization - ID"), (4, "Organization - ID")], "{r}");
    let mueller = account_id(&api, "Müller Maschinenbau GmbH").await;
    assert!(deals(&api, mueller).await.is_empty(), "a refused file stores nothing");

    let (status, r) = import(&api, "?skip_invalid=true", fixture("pipedrive_deals.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [1, 0, 0, 3]), "{r}");
    let list = deals(&api, mueller).await;
    assert_eq!((list.len(), list[0]["name"].as_str(), list[0]["amount"].as_f64()), (1, Some("Müller retrofit"), Some(125_000.0)));
    // The owner "Jane Doe" matches by name; a re-import finds the deal by its Pipedrive id.
    let (status, r) = import(&api, "?skip_invalid=true", fixture("pipedrive_deals.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [0, 0, 1, 3]), "{r}");
}

#[tokio::test]
async fn a_kam_imports_deals_only_into_accounts_they_own() {
    let app = TestApp::spawn().await;
    app.user("Acme", "jane.doe@example.com", "Jane Doe", Role::Manager).await;
    app.user("Acme", "max.weber@example.com", "Max Weber", Role::Kam).await;
    let manager = app.api("jane.doe@example.com").await;
    let (status, r) = import(&manager, "", fixture("salesforce_accounts_dataloader.csv")).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    // Max owns "@Home Wohnbau AG" (by the accounts file's owner e-mail), not Müller.
    let kam = app.api("max.weber@example.com").await;
    let (status, r) = import(&kam, "", fixture("salesforce_opportunities_report.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::UNPROCESSABLE_ENTITY, [1, 0, 0, 2]), "{r}");
    let (status, r) = import(&kam, "?skip_invalid=true", fixture("salesforce_opportunities_report.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [1, 0, 0, 2]), "{r}");
    assert_eq!(deals(&manager, account_id(&manager, "@Home Wohnbau AG").await).await.len(), 1);
    assert!(deals(&manager, account_id(&manager, "Müller Maschinenbau GmbH").await).await.is_empty());
}
