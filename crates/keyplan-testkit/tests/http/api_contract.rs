//! The API contract: the OpenAPI document keeps the structural rules a
//! validator checks, every timestamp is RFC 3339, and every error, even one
//! the router answers by itself, is `{"error": {...}}` JSON.

use std::collections::{BTreeMap, BTreeSet};

use keyplan_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{id, planned};

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch", "head", "options", "trace"];

#[tokio::test]
async fn openapi_document_keeps_the_structural_rules() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client().get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    let mut ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let template: BTreeSet<&str> = path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))).collect();
        for (method, op) in item.as_object().unwrap().iter().filter(|(m, _)| METHODS.contains(&m.as_str())) {
            let here = format!("{} {path}", method.to_uppercase());
            match op["operationId"].as_str() {
                Some(oid) => ids.entry(oid.to_string()).or_default().push(here.clone()),
                None => problems.push(format!("{here}: no operationId")),
            }
            let responses = op["responses"].as_object().expect("responses");
            assert!(!responses.is_empty(), "{here}: no responses");
            for (status, response) in responses {
                if response["description"].as_str().is_none_or(|d| d.trim().is_empty()) {
                    problems.push(format!("{here} {status}: no description"));
                }
            }
            let mut in_path = BTreeSet::new();
            for p in op["parameters"].as_array().into_iter().flatten() {
                let name = p["name"].as_str().unwrap_or_default();
                if p["in"] == "path" {
                    in_path.insert(name);
                    if !template.contains(name) {
                        problems.push(format!("{here}: `{name}` is declared in the path but is not in its template"));
                    }
                    if p["required"] != true {
                        problems.push(format!("{here}: path parameter `{name}` is not required"));
                    }
                }
            }
            for t in &template {
                if !in_path.contains(t) {
                    problems.push(format!("{here}: `{t}` of the template is not declared"));
                }
            }
            let public = op["security"].as_array().is_some_and(|s| s.iter().all(|r| r.as_object().is_some_and(|o| o.is_empty())));
            if !public && responses.get("401").is_none() {
                problems.push(format!("{here}: signed-in only but no 401"));
            }
            if !template.is_empty() && responses.get("404").is_none() {
                problems.push(format!("{here}: has an id in its path but no 404"));
            }
            if let Some(body) = op.get("requestBody")
                && body["content"].as_object().is_none_or(|c| c.is_empty())
            {
                problems.push(format!("{here}: a request body without content"));
            }
        }
    }
    for (oid, ops) in &ids {
        if ops.len() > 1 {
            problems.push(format!("operationId `{oid}` is used by {ops:?}"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(ids.len() > 100, "only {} operations", ids.len());
}

/// `2026-12-05T11:00:08.050389Z` or with an offset `+01:00`: RFC 3339.
fn is_rfc3339(v: &Value) -> bool {
    v.as_str().is_some_and(|s| time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok())
}

/// Every field of `v` named like a timestamp (`*_at`) is RFC 3339 or null.
fn timestamps(what: &str, v: &Value, seen: &mut usize) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if k.ends_with("_at") && !x.is_null() {
                    assert!(is_rfc3339(x), "{what}.{k} is not RFC 3339: {x}");
                    *seen += 1;
                } else {
                    timestamps(what, x, seen);
                }
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| timestamps(what, x, seen)),
        _ => {}
    }
}

#[tokio::test]
async fn every_timestamp_is_rfc3339() {
    let p = planned().await;
    let (s, review) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": "2027-01-15"})).await;
    assert_eq!(s, StatusCode::CREATED, "{review}");
    let (s, held) = p.api.post(&format!("/reviews/{}/hold", id(&review)), json!({"version": review["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{held}");
    assert!(is_rfc3339(&held["held_at"]), "held_at: {}", held["held_at"]);
    let until = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
    let (s, link) = p.api.post(&format!("/plans/{}/share-links", p.plan), json!({"label": "Procurement", "expires_on": until})).await;
    assert_eq!(s, StatusCode::CREATED, "{link}");
    assert!(is_rfc3339(&link["created_at"]), "created_at: {}", link["created_at"]);
    let snapshot = held["snapshot_id"].as_i64().expect("snapshot");
    let mut seen = 0;
    for path in [
        format!("/reviews/{}", id(&review)),
        format!("/plans/{}/reviews", p.plan),
        format!("/plans/{}/snapshots", p.plan),
        format!("/snapshots/{snapshot}"),
        format!("/plans/{}/share-links", p.plan),
        format!("/plans/{}", p.plan),
        format!("/accounts/{}", p.account),
        "/me/notifications".to_string(),
    ] {
        let (s, v) = p.api.get(&path).await;
        assert_eq!(s, StatusCode::OK, "{path}: {v}");
        timestamps(&path, &v, &mut seen);
    }
    assert!(seen >= 6, "only {seen} timestamps seen");
}

/// Asserts an error answer is the API's JSON error with this status.
async fn json_error(res: reqwest::Response, status: StatusCode, what: &str) {
    assert_eq!(res.status(), status, "{what}");
    json_4xx(res, what).await;
}

/// Asserts an answer is a 4xx with the API's JSON error.
async fn json_4xx(res: reqwest::Response, what: &str) {
    assert!(res.status().is_client_error(), "{what}: {}", res.status());
    let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(ct.starts_with("application/json"), "{what}: content type {ct:?}");
    let body: Value = res.json().await.unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    assert!(body["error"]["code"].is_string() && body["error"]["message"].is_string(), "{what}: {body}");
}

#[tokio::test]
async fn every_error_is_json() {
    let p = planned().await;
    let app = &p.app;
    let token = app.token("kim@acme.test").await;
    let c = app.client();
    let auth = |r: reqwest::RequestBuilder| r.bearer_auth(&token);
    json_error(c.get(app.url("/api/v1/accounts")).send().await.unwrap(), StatusCode::UNAUTHORIZED, "signed out").await;
    json_error(auth(c.put(app.url("/api/v1/accounts"))).send().await.unwrap(), StatusCode::METHOD_NOT_ALLOWED, "405").await;
    json_error(c.delete(app.url("/api/v1/openapi.json")).send().await.unwrap(), StatusCode::METHOD_NOT_ALLOWED, "405 public").await;
    json_error(auth(c.get(app.url("/api/v1/no-such-thing"))).send().await.unwrap(), StatusCode::NOT_FOUND, "unknown v1 path").await;
    json_error(c.get(app.url("/api/v2/accounts")).send().await.unwrap(), StatusCode::NOT_FOUND, "unknown API version").await;
    // axum's own query rejection (a field given twice) was text/plain.
    json_error(auth(c.get(app.url("/api/v1/users?q=a&q=b"))).send().await.unwrap(), StatusCode::BAD_REQUEST, "bad query").await;
    let coach = format!("/api/v1/plans/{}/coach?lang=en&lang=de", p.plan);
    json_error(auth(c.get(app.url(&coach))).send().await.unwrap(), StatusCode::BAD_REQUEST, "bad query").await;
    json_4xx(auth(c.get(app.url(&format!("/api/v1/plans/{}/export?format=", p.plan)))).send().await.unwrap(), "export").await;
    json_4xx(auth(c.get(app.url(&format!("/api/v1/plans/{}/diff?from=x", p.plan)))).send().await.unwrap(), "diff").await;
    let bad_json = auth(c.post(app.url("/api/v1/accounts"))).header("content-type", "application/json").body("{").send().await.unwrap();
    json_error(bad_json, StatusCode::BAD_REQUEST, "malformed JSON").await;
    let no_type = auth(c.post(app.url("/api/v1/accounts"))).body("name=x").send().await.unwrap();
    json_error(no_type, StatusCode::BAD_REQUEST, "not JSON").await;
    json_error(auth(c.get(app.url("/api/v1/accounts/abc"))).send().await.unwrap(), StatusCode::NOT_FOUND, "id not a number").await;
    // axum's path rejection (not UTF-8) was text/plain.
    json_error(auth(c.get(app.url("/api/v1/templates/%FF/versions/x"))).send().await.unwrap(), StatusCode::BAD_REQUEST, "bad key").await;
}
