//! Health check, the OpenAPI document, and the API's published formats.

use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, assert_error, planned};

#[tokio::test]
async fn healthz_answers_ok_with_security_headers() {
    let app = TestApp::spawn().await;
    let res = app.client().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert_eq!(res.text().await.unwrap(), "ok");
    assert_eq!(h.get("x-frame-options").unwrap(), "DENY");
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
}

#[tokio::test]
async fn openapi_document_describes_the_api() {
    let app = TestApp::spawn().await;
    // Public: no sign-in needed to read the description.
    let res = app.client().get(app.url("/api/v1/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("content-type").unwrap().to_str().unwrap().starts_with("application/json"));
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")), "not OpenAPI 3: {}", doc["openapi"]);
    assert_eq!(doc["info"]["title"], "keyplan API");
    let paths = doc["paths"].as_object().expect("paths");
    let expect: &[(&str, &[&str])] = &[
        ("/api/v1/accounts", &["get", "post"]),
        ("/api/v1/accounts/{id}", &["get", "patch", "delete"]),
        ("/api/v1/accounts/{id}/team/{user_id}", &["put", "delete"]),
        ("/api/v1/accounts/{id}/contacts", &["get", "post"]),
        ("/api/v1/contacts/{id}", &["get", "patch", "delete"]),
        ("/api/v1/accounts/{id}/plans", &["get", "post"]),
        ("/api/v1/plans/{id}", &["get", "patch", "delete"]),
        ("/api/v1/plans/{id}/nodes", &["post"]),
        ("/api/v1/nodes/{id}", &["get", "patch", "delete"]),
        ("/api/v1/nodes/{id}/move", &["post"]),
        ("/api/v1/commitments/{id}/accept", &["post"]),
        ("/api/v1/commitments/{id}/decline", &["post"]),
        ("/api/v1/commitments/{id}/propose-date", &["post"]),
        ("/api/v1/commitments/{id}/accept-date", &["post"]),
        ("/api/v1/commitments/{id}/reject-date", &["post"]),
        ("/api/v1/me", &["get"]),
        ("/api/v1/me/commitments", &["get"]),
        ("/api/v1/users", &["get"]),
    ];
    for (path, methods) in expect {
        let item =
            paths.get(*path).unwrap_or_else(|| panic!("{path} missing from the OpenAPI paths: {:?}", paths.keys().collect::<Vec<_>>()));
        for m in *methods {
            assert!(item.get(*m).is_some(), "{path} lacks {m}");
        }
    }
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"].as_str().map(str::to_lowercase).as_deref(), Some("bearer"));
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object(), "error shape documented");
}

#[tokio::test]
async fn unknown_routes_are_404_in_the_right_format() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    assert_error(&api.get("/no-such-thing").await, StatusCode::NOT_FOUND, "not_found", None);
    let s = app.login("kim@acme.test").await;
    let (status, body) = s.get("/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Not found"), "{body}");
}

/// The OpenAPI document promises dates as `YYYY-MM-DD` strings (and the API
/// takes them that way), so answers must send them the same way.
#[tokio::test]
async fn api_dates_are_iso_strings_as_documented() {
    let p = planned().await;
    let doc: Value = p.app.client().get(p.app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    let due = &doc["components"]["schemas"]["CommitmentFieldsDto"]["properties"]["due_date"];
    assert!(due.to_string().contains("\"format\":\"date\""), "documented as a date string: {due}");

    let c = p
        .api
        .node(p.plan, json!({"kind": "commitment", "parent_id": p.tree[3], "title": "Line trial", "owner_id": p.kam.id.get(), "due_date": "2027-03-31"}))
        .await;
    assert_eq!(c["due_date"], "2027-03-31", "{c}");
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    assert!(plan["period_start"].is_string(), "period_start: {}", plan["period_start"]);
    assert!(plan["updated_at"].is_string(), "updated_at: {}", plan["updated_at"]);
    let (_, account) = p.api.get(&format!("/accounts/{}", p.account)).await;
    assert!(account["updated_at"].is_string(), "updated_at: {}", account["updated_at"]);
}

/// The document and the router come from one route list: every documented
/// route is served (signed out, a served route answers 401 or, when public,
/// 200; an unserved one would be the API's 404 or a 405).
#[tokio::test]
async fn every_documented_route_is_served() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client().get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.len() > 50, "only {} paths documented", paths.len());
    let mut checked = 0;
    for (path, item) in paths {
        assert!(path.starts_with("/api/v1/"), "{path} is not under /api/v1");
        // Every parameter is an id or a key; 1 fits both.
        let url = path.split('/').map(|seg| if seg.starts_with('{') { "1" } else { seg }).collect::<Vec<_>>().join("/");
        for method in item.as_object().unwrap().keys().filter(|m| !m.starts_with('x') && *m != "parameters") {
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let res = app.client().request(m, app.url(&url)).send().await.unwrap();
            let status = res.status();
            assert!(
                status == StatusCode::UNAUTHORIZED || status == StatusCode::OK,
                "{method} {path} is documented but answers {status}: {}",
                res.text().await.unwrap_or_default()
            );
            checked += 1;
        }
    }
    assert!(checked > 70, "only {checked} operations checked");
}
