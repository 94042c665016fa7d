//! `POST /api/v1/crm/imports`: every encoding of the CRM fixtures through the
//! API, roles, organisations with colliding CRM ids, dry runs, all or nothing,
//! content types and the upload limit; and the CRM fields of accounts and
//! contacts in the API.

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../keyplan-domain/tests/fixtures/crm/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Posts a file's bytes with a content type.
async fn import_as(api: &Api, query: &str, body: Vec<u8>, content_type: &str) -> (StatusCode, Value) {
    let res = api
        .client
        .post(format!("{}/api/v1/crm/imports{query}", api.base))
        .bearer_auth(&api.token)
        .header(reqwest::header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .expect("POST /crm/imports");
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn import(api: &Api, query: &str, body: Vec<u8>) -> (StatusCode, Value) {
    import_as(api, query, body, "text/csv").await
}

fn figures(r: &Value) -> [u64; 4] {
    ["created", "updated", "unchanged", "skipped"].map(|k| r[k].as_u64().unwrap_or(u64::MAX))
}

fn described(r: &Value) -> (Option<&str>, Option<&str>, Option<&str>, Option<&str>) {
    (r["kind"].as_str(), r["preset"].as_str(), r["encoding"].as_str(), r["delimiter"].as_str())
}

async fn acme() -> (TestApp, Api) {
    let app = TestApp::spawn().await;
    app.user("Acme", "jane.doe@example.com", "Jane Doe", Role::Manager).await;
    app.user("Acme", "max.weber@example.com", "Max Weber", Role::Kam).await;
    let api = app.api("jane.doe@example.com").await;
    (app, api)
}

/// The stored account of this name, through the API.
async fn account_named(api: &Api, name: &str) -> Value {
    let (_, list) = api.get("/accounts").await;
    let items = list["items"].as_array().or(list.as_array()).cloned().unwrap_or_default();
    items.into_iter().find(|a| a["name"] == name).unwrap_or_else(|| panic!("no account {name:?} in {list}"))
}

#[tokio::test]
async fn every_encoding_imports_through_the_api() {
    let (_app, api) = acme().await;
    // Windows-1252, semicolons, a Dynamics export with its hidden columns and a parent by name.
    let (status, r) = import(&api, "", fixture("dynamics_accounts.csv")).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(described(&r), (Some("accounts"), Some("dynamics"), Some("windows-1252"), Some(";")));
    assert_eq!(figures(&r), [3, 0, 0, 0], "{r}");
    let mueller = account_named(&api, "Müller Maschinenbau GmbH").await;
    assert_eq!((mueller["annual_revenue"].as_f64(), &mueller["current_revenue"]), (Some(4_250_000.5), &Value::Null), "{mueller}");
    assert_eq!(mueller["crm_id"].as_str(), Some("8f2c1a3b-4d5e-6f70-8192-a3b4c5d6e7f8"));
    let service = account_named(&api, "Müller Service – Süd").await;
    assert_eq!(service["parent_id"], mueller["id"], "the parent found by its name");

    // UTF-16 LE with a byte-order mark, tab-separated; the contact without a company is a row error.
    let contacts = fixture("dynamics_contacts_utf16le.txt");
    let (status, r) = import(&api, "", contacts.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
    assert_eq!(described(&r), (Some("contacts"), Some("dynamics"), Some("utf-16le"), Some("\t")));
    assert_eq!((figures(&r), r["errors"][0]["row"].as_u64()), ([2, 0, 0, 1], Some(3)), "{r}");
    let (status, r) = import(&api, "?skip_invalid=true", contacts.clone()).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [2, 0, 0, 1]), "{r}");
    let (_, list) = api.get(&format!("/accounts/{}/contacts", mueller["id"])).await;
    let jurgen = list.as_array().and_then(|l| l.iter().find(|c| c["name"] == "Jürgen Müller")).cloned().expect("Jürgen");
    assert_eq!(jurgen["crm_id"].as_str(), Some("{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}"));
    assert_eq!(jurgen["title"].as_str(), Some("Leiter Einkauf – Werk Nord"));

    // The same rows as UTF-16 BE: the same contacts (GUIDs compare without case or braces).
    let units: Vec<u16> = contacts[2..].chunks(2).map(|b| u16::from_le_bytes([b[0], b[1]])).collect();
    let mut be = vec![0xFE, 0xFF];
    be.extend(units.iter().flat_map(|u| u.to_be_bytes()));
    let (status, r) = import(&api, "?skip_invalid=true", be).await;
    assert_eq!((status, r["encoding"].as_str(), figures(&r)), (StatusCode::OK, Some("utf-16be"), [0, 0, 2, 1]), "{r}");

    // UTF-8 with a byte-order mark and German HubSpot headers; the accounts come from the French company export.
    let (status, r) = import(&api, "", fixture("hubspot_companies_fr.csv")).await;
    assert_eq!(
        (status, described(&r), figures(&r)),
        (StatusCode::OK, (Some("accounts"), Some("hubspot"), Some("utf-8"), Some(",")), [3, 0, 0, 0]),
        "{r}"
    );
    let (status, r) = import(&api, "?skip_invalid=true", fixture("hubspot_contacts_de.csv")).await;
    assert_eq!((status, described(&r)), (StatusCode::OK, (Some("contacts"), Some("hubspot"), Some("utf-8"), Some(";"))), "{r}");
    assert_eq!(figures(&r), [2, 0, 0, 1], "{r}");

    // A Pipedrive import sheet: no ids, an instruction row; a second import finds the people again.
    let (status, r) = import(&api, "?skip_invalid=true", fixture("pipedrive_people_import.csv")).await;
    assert_eq!((status, r["ignored_lines"].as_u64()), (StatusCode::OK, Some(1)), "{r}");
    let again = import(&api, "?skip_invalid=true", fixture("pipedrive_people_import.csv")).await.1;
    assert_eq!((again["created"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)), "{again}");
}

#[tokio::test]
async fn members_and_viewers_may_not_import() {
    let (app, _api) = acme().await;
    for (email, role) in [("mo@example.com", Role::Member), ("vi@example.com", Role::Viewer)] {
        app.user("Acme", email, "Someone", role).await;
        let api = app.api(email).await;
        let (status, body) = import(&api, "", fixture("salesforce_accounts_dataloader.csv")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role:?}: {body}");
    }
    // A KAM imports, and becomes the owner of what they create.
    let kam = app.api("max.weber@example.com").await;
    let (status, r) = import(&kam, "", fixture("salesforce_accounts_dataloader.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [4, 0, 0, 0]), "{r}");
    let (_, me) = kam.get("/me").await;
    assert_eq!(account_named(&kam, "@Home Wohnbau AG").await["owner_id"], me["id"]);
}

#[tokio::test]
async fn colliding_crm_ids_never_touch_another_organisation() {
    let (app, acme_api) = acme().await;
    app.user("Globex", "gus@globex.example", "Gus Dunn", Role::Admin).await;
    let globex = app.api("gus@globex.example").await;
    let file = fixture("salesforce_accounts_dataloader.csv");
    assert_eq!(figures(&import(&acme_api, "", file.clone()).await.1), [4, 0, 0, 0]);
    let before = account_named(&acme_api, "Müller Maschinenbau GmbH").await;
    let changed = String::from_utf8(file).unwrap().replace("\"Machinery\"", "\"Robotics\"");
    let (status, r) = import(&globex, "", changed.into_bytes()).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [4, 0, 0, 0]), "{r}");
    let after = account_named(&acme_api, "Müller Maschinenbau GmbH").await;
    assert_eq!((after["version"].clone(), after["industry"].clone()), (before["version"].clone(), json!("Machinery")));
    assert_eq!(account_named(&globex, "Müller Maschinenbau GmbH").await["industry"], "Robotics");
}

#[tokio::test]
async fn a_dry_run_and_a_refused_file_store_nothing() {
    let (_app, api) = acme().await;
    let (status, r) = import(&api, "?dry_run=true", fixture("salesforce_accounts_dataloader.csv")).await;
    assert_eq!((status, figures(&r), r["dry_run"].as_bool()), (StatusCode::OK, [4, 0, 0, 0], Some(true)), "{r}");
    // Parents by 18-character id: the child's parent would be set too; still nothing is there.
    let (_, list) = api.get("/accounts").await;
    assert_eq!(list["total"].as_i64().or(list.as_array().map(|l| l.len() as i64)), Some(0), "{list}");

    // A generic file through a mapping given in the query: row 4 is invalid, so nothing is stored.
    let mapping = String::from_utf8(fixture("generic_erp_mapping.json")).unwrap();
    let query = format!("?preset=generic&mapping={}", urlencode(&mapping));
    let (status, r) = import(&api, &query, fixture("generic_erp_customers.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::UNPROCESSABLE_ENTITY, [3, 0, 0, 1]), "{r}");
    assert!(r["errors"].as_array().is_some_and(|e| e.iter().all(|e| e["row"] == 4)), "{r}");
    let (_, list) = api.get("/accounts").await;
    assert_eq!(list["total"].as_i64().or(list.as_array().map(|l| l.len() as i64)), Some(0), "{list}");
    let (status, r) = import(&api, &format!("{query}&skip_invalid=true"), fixture("generic_erp_customers.csv")).await;
    assert_eq!((status, figures(&r)), (StatusCode::OK, [3, 0, 0, 1]), "{r}");
    let mueller = account_named(&api, "Müller Maschinenbau GmbH").await;
    assert_eq!((mueller["current_revenue"].as_f64(), &mueller["annual_revenue"]), (Some(1_234_567.89), &Value::Null));

    // Usage errors: 400.
    for q in ["?preset=generic", "?kind=deals", "?preset=sap", "?mapping=%7Bnope"] {
        let (status, body) = import(&api, q, fixture("salesforce_accounts_dataloader.csv")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{q}: {body}");
    }
    // Empty or binary: 422 with one message.
    for body in [Vec::new(), vec![0u8, 1, 2, 3, 0, 0, 255, 7]] {
        let (status, r) = import(&api, "", body).await;
        assert_eq!((status, r["errors"].as_array().map(Vec::len)), (StatusCode::UNPROCESSABLE_ENTITY, Some(1)), "{r}");
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn any_content_type_is_taken() {
    let (_app, api) = acme().await;
    let file = fixture("salesforce_accounts_dataloader.csv");
    let mut expected = [4, 0, 0, 0];
    for ct in ["text/csv", "application/octet-stream", "text/plain; charset=utf-8", "application/vnd.ms-excel"] {
        let (status, r) = import_as(&api, "", file.clone(), ct).await;
        assert_eq!((status, figures(&r)), (StatusCode::OK, expected), "{ct}: {r}");
        expected = [0, 0, 4, 0];
    }
}

#[tokio::test]
async fn uploads_have_their_own_limit() {
    let app = TestApp::spawn_configured(|c| {
        c.max_body_bytes = 1024;
        c.crm_import_max_bytes = 8 * 1024;
    })
    .await;
    app.user("Acme", "jane.doe@example.com", "Jane Doe", Role::Manager).await;
    let api = app.api("jane.doe@example.com").await;
    // Larger than the general limit, within the import's.
    let mut csv = String::from("Id,Name,Industry\n");
    for i in 0..60 {
        csv.push_str(&format!("K-{i:04},Customer number {i:04},Industry\n"));
    }
    assert!(csv.len() > 1024 && csv.len() < 8 * 1024);
    let (status, r) = import(&api, "?preset=salesforce&kind=accounts", csv.clone().into_bytes()).await;
    assert_eq!((status, r["created"].as_u64()), (StatusCode::OK, Some(60)), "{r}");
    // Past it: 413, naming the limit.
    let big = csv.repeat(5);
    let (status, body) = import(&api, "", big.into_bytes()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("1 MB")), "{body}");
}

#[tokio::test]
async fn contacts_carry_their_crm_id_and_accounts_their_annual_revenue() {
    let (_app, api) = acme().await;
    let (status, a) = api.post("/accounts", json!({"name": "Initech", "crm_id": "001Dn00000Kq7aB", "annual_revenue": 5e6})).await;
    assert_eq!((status, a["annual_revenue"].as_f64()), (StatusCode::CREATED, Some(5e6)), "{a}");
    // The same id in its 18-character form is the same record: taken.
    let (status, body) = api.post("/accounts", json!({"name": "Initech 2", "crm_id": "001Dn00000Kq7aBIAR"})).await;
    assert_eq!((status, body["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("crm_id")), "{body}");
    let id = a["id"].as_i64().unwrap();
    let (status, c) = api.post(&format!("/accounts/{id}/contacts"), json!({"name": "Dana Ruiz", "crm_id": "003-77"})).await;
    assert_eq!((status, c["crm_id"].as_str()), (StatusCode::CREATED, Some("003-77")), "{c}");
    let (status, c) = api.patch(&format!("/contacts/{}", c["id"]), json!({"crm_id": "003-78", "version": c["version"]})).await;
    assert_eq!((status, c["crm_id"].as_str()), (StatusCode::OK, Some("003-78")), "{c}");
}
