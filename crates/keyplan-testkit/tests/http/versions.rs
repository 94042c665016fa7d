//! Optimistic locking: an edit based on an old version is refused with 409 and
//! changes nothing; pages show what changed and keep what was typed.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Planned, assert_error, id, input_value, planned, section, textarea_value};

/// PATCHes `path` twice from version 1: the first wins, the second is stale.
/// `field` is the text field changed; returns the stored record afterwards.
async fn stale_patch(p: &Planned, path: &str, field: &str, first: &str, stale: &str) -> Value {
    let (status, v) = p.api.patch(path, json!({ field: first, "version": 1 })).await;
    assert_eq!(status, StatusCode::OK, "{path}: {v}");
    assert_eq!(v["version"], 2, "{path}: {v}");
    let got = p.api.patch(path, json!({ field: stale, "version": 1 })).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    assert_eq!(got.1["error"]["current_version"], 2, "{path}: {}", got.1);
    let (status, stored) = p.api.get(path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored[field], first, "{path}: the stale edit changed nothing");
    assert_eq!(stored["version"], 2, "{path}");
    stored
}

#[tokio::test]
async fn stale_api_edits_are_409_and_change_nothing() {
    let p = planned().await;
    let (_, contact) = p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Dana Ruiz", "influence": 3})).await;
    let contact = id(&contact);

    stale_patch(&p, &format!("/accounts/{}", p.account), "name", "Globex Chemicals AG", "Globex Stale").await;
    let c = stale_patch(&p, &format!("/contacts/{contact}"), "name", "Dana Ruiz-Ortega", "Dana Stale").await;
    assert_eq!(c["influence"], 3, "other fields kept");
    stale_patch(&p, &format!("/plans/{}", p.plan), "title", "Globex plan 2027 (rev)", "Stale plan").await;
    stale_patch(&p, &format!("/nodes/{}", p.tree[1]), "title", "Approved supplier status", "Stale factor").await;
    let g = stale_patch(&p, &format!("/nodes/{}", p.tree[0]), "metric", "Net revenue", "Stale metric").await;
    assert_eq!(g["title"], "Grow to 2m");

    // A newer version than stored is just as wrong.
    let got = p.api.patch(&format!("/accounts/{}", p.account), json!({"name": "Future", "version": 99})).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
}

#[tokio::test]
async fn patch_needs_a_numeric_version() {
    let p = planned().await;
    let path = format!("/accounts/{}", p.account);
    assert_error(&p.api.patch(&path, json!({"name": "No version"})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("version"));
    assert_error(
        &p.api.patch(&path, json!({"name": "Text version", "version": "1"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("version"),
    );
    assert_error(
        &p.api.patch(&path, json!({"name": "Float version", "version": 1.5})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("version"),
    );
    let node = format!("/nodes/{}", p.tree[1]);
    assert_error(&p.api.patch(&node, json!({"title": "x"})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("version"));
    let (_, stored) = p.api.get(&path).await;
    assert_eq!((stored["name"].as_str(), stored["version"].as_i64()), (Some("Globex Chemicals"), Some(1)));
}

#[tokio::test]
async fn stale_node_form_shows_the_conflict_and_keeps_the_typed_value() {
    let p = planned().await;
    let s = p.app.login("kim@acme.test").await;
    let node = p.tree[1];
    // Someone else saves first.
    let (status, _) = p.api.patch(&format!("/nodes/{node}"), json!({"title": "Approved supplier (AG)", "version": 1})).await;
    assert_eq!(status, StatusCode::OK);

    let res = s.post(&format!("/nodes/{node}"), &[("version", "1"), ("title", "My typed title"), ("notes", "typed notes")]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    let form = section(&page, &format!("<form method=\"post\" action=\"/nodes/{node}\" class=\"form-grid node-edit-form\">"), "</form>");
    assert!(form.contains("changed this while you were editing"), "conflict box in the node's form: {form}");
    assert!(form.contains("Approved supplier (AG)"), "shows what is stored now");
    assert_eq!(textarea_value(form, "title").as_deref(), Some("My typed title"));
    assert_eq!(textarea_value(form, "notes").as_deref(), Some("typed notes"));
    assert_eq!(input_value(form, "version").as_deref(), Some("2"), "saving again applies on top of the current version");

    let (_, stored) = p.api.get(&format!("/nodes/{node}")).await;
    assert_eq!(
        (stored["title"].as_str(), stored["version"].as_i64(), stored["notes"].as_str()),
        (Some("Approved supplier (AG)"), Some(2), None)
    );

    // Saving again from the re-shown form works.
    let res = s.post(&format!("/nodes/{node}"), &[("version", "2"), ("title", "My typed title")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, stored) = p.api.get(&format!("/nodes/{node}")).await;
    assert_eq!((stored["title"].as_str(), stored["version"].as_i64()), (Some("My typed title"), Some(3)));
}

#[tokio::test]
async fn stale_account_form_shows_the_conflict() {
    let p = planned().await;
    let s = p.app.login("kim@acme.test").await;
    let path = format!("/accounts/{}", p.account);
    p.api.patch(&path, json!({"region": "DACH", "version": 1})).await;
    let res = s.post(&path, &[("version", "1"), ("name", "Globex Typed"), ("region", "Nordics")]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    let form = section(&page, &format!("<form method=\"post\" action=\"{path}\""), "</form>");
    assert!(form.contains("changed this while you were editing"), "{form}");
    assert_eq!(input_value(form, "name").as_deref(), Some("Globex Typed"));
    assert_eq!(input_value(form, "region").as_deref(), Some("Nordics"));
    let (_, stored) = p.api.get(&path).await;
    assert_eq!(
        (stored["name"].as_str(), stored["region"].as_str(), stored["version"].as_i64()),
        (Some("Globex Chemicals"), Some("DACH"), Some(2))
    );
}
