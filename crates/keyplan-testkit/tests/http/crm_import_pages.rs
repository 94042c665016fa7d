//! The *Import from CRM* page: upload (multipart, its CSRF token in the query),
//! the mapping step on a preview, a dry run row by row, the import; roles and
//! uploads kept for their uploader only.

use keyplan_domain::Role;
use keyplan_testkit::{Session, TestApp, location};
use reqwest::StatusCode;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../keyplan-domain/tests/fixtures/crm/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

/// Posts the upload form as a browser does.
async fn upload(s: &Session, csrf: &str, file_name: &str, bytes: &[u8]) -> reqwest::Response {
    let mut body = b"--kpBoundary7\r\nContent-Disposition: form-data; name=\"file\"; filename=\"".to_vec();
    body.extend_from_slice(file_name.as_bytes());
    body.extend_from_slice(b"\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--kpBoundary7--\r\n");
    s.client
        .post(format!("{}/crm/import?_csrf={csrf}", s.base))
        .header(reqwest::header::CONTENT_TYPE, "multipart/form-data; boundary=kpBoundary7")
        .body(body)
        .send()
        .await
        .expect("upload")
}

#[tokio::test]
async fn upload_map_dry_run_and_import() {
    let app = TestApp::spawn().await;
    app.user("Acme", "jane.doe@example.com", "Jane Doe", Role::Manager).await;
    app.user("Acme", "max.weber@example.com", "Max Weber", Role::Kam).await;
    app.user("Acme", "vic@example.com", "Vic View", Role::Viewer).await;
    let s = app.login("jane.doe@example.com").await;

    let (status, accounts) = s.get("/accounts").await;
    assert!(status.is_success() && accounts.contains("href=\"/crm/import\""), "the accounts list links the page");
    let (status, html) = s.get("/crm/import").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("enctype=\"multipart/form-data\"") && html.contains(&format!("/crm/import?_csrf={}", s.csrf)), "{html}");

    // Without the session's token the upload is refused.
    let res = upload(&s, "wrong", "x.csv", &fixture("dynamics_accounts.csv")).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let res = upload(&s, &s.csrf, "Kunden Export.csv", &fixture("dynamics_accounts.csv")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let step = location(&res);
    assert!(step.starts_with("/crm/import/"), "{step}");
    let (status, html) = s.get(&step).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "windows-1252",
        "value=\"dynamics\" selected",
        "value=\"accounts\" selected",
        "name=\"col_3\"",
        "Müller Maschinenbau GmbH",
        "Kunden Export.csv",
    ] {
        assert!(html.contains(expected), "the mapping step shows {expected:?}");
    }
    // Another user of the organisation cannot see the upload.
    let max = app.login("max.weber@example.com").await;
    assert_eq!(max.get(&step).await.0, StatusCode::NOT_FOUND);
    let vic = app.login("vic@example.com").await;
    assert_eq!(vic.get("/crm/import").await.0, StatusCode::FORBIDDEN);

    // A dry run lists each row's outcome and stores nothing; map "Industry" away to see the mapping apply.
    let mut fields: Vec<(String, String)> = vec![("kind".into(), "accounts".into()), ("preset".into(), "dynamics".into())];
    fields.push(("action".into(), "dry_run".into()));
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = s.post(&step, &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"crm-import-result\"") && html.contains("outcome-created"), "{html}");
    assert_eq!(html.matches("outcome-created").count(), 3);
    assert!(app.store.count_accounts(app.org_id("Acme").await).await.unwrap() == 0);

    fields.retain(|(k, _)| k != "action");
    fields.push(("action".into(), "import".into()));
    fields.push(("col_9".into(), "ignore".into()));
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = s.post(&step, &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("Imported"), "{html}");
    assert_eq!(app.store.count_accounts(app.org_id("Acme").await).await.unwrap(), 3);
    let (_, list) = s.get("/accounts").await;
    assert!(list.contains("Müller Service – Süd"));
    // The upload is gone once imported.
    assert_eq!(s.get(&step).await.0, StatusCode::NOT_FOUND);
}
