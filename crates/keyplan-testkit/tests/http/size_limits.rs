//! The organisation's size limits (`max_nodes_per_plan`, `max_items_per_plan`,
//! `max_contacts_per_account`): set through the settings, refused with a field
//! error on the API, the pages and the import, and nothing stored over them.

use keyplan_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{ORG, assert_error, contact_count, node_count, planned};

#[tokio::test]
async fn nodes_items_and_contacts_stop_at_the_organisations_limits() {
    let p = planned().await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = p.app.api("ada@acme.test").await;
    let (s, v) = admin
        .patch("/organisation/settings", json!({"max_nodes_per_plan": 5, "max_items_per_plan": 1, "max_contacts_per_account": 2}))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_error(
        &admin.patch("/organisation/settings", json!({"max_nodes_per_plan": 0})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("max_nodes_per_plan"),
    );

    // Nodes: the skeleton has 4; one more fits, the sixth is refused.
    let body = |t: &str| json!({"kind": "obstacle", "parent_id": p.tree[2], "title": t});
    let (s, v) = p.api.post(&format!("/plans/{}/nodes", p.plan), body("Fifth")).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let got = p.api.post(&format!("/plans/{}/nodes", p.plan), body("Sixth")).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("nodes"));
    assert!(got.1["error"]["message"].as_str().unwrap().contains("at most 5"), "{}", got.1);
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 5);

    // Contacts: two fit, the third is refused, on the API and on the page.
    for name in ["Dana", "Eli"] {
        let (s, v) = p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": name})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let got = p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Fay"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("contacts"));
    let kim = p.app.login("kim@acme.test").await;
    let res = kim.post(&format!("/accounts/{}/contacts", p.account), &[("name", "Gus")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(contact_count(&p.app, ORG, p.account).await, 2);

    // Import: a document over a limit is refused whole.
    let (_, doc) = p.api.get(&format!("/plans/{}/export?format=json&audience=team", p.plan)).await;
    let mut bigger = doc.clone();
    bigger["goals"][0]["children"][0]["children"][0]["children"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "extra", "kind": "obstacle", "title": "One too many"}));
    let before = p.api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    let got = p.api.call(Method::POST, &format!("/plans/import?account_id={}", p.account), Some(bigger)).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("goals"));
    let mut more_people = doc.clone();
    more_people["contacts"] = json!([{"id": "c9", "name": "Hal"}]);
    let got = p.api.call(Method::POST, &format!("/plans/import?account_id={}", p.account), Some(more_people)).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("contacts"));
    let after = p.api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    assert_eq!(after, before, "nothing stored");

    // Items: a strategic plan takes one, not two.
    let (s, plan) = p.api.post(&format!("/accounts/{}/plans", p.account), json!({"title": "Strategic", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let items = format!("/plans/{}/items", plan["id"]);
    let item = |t: &str| json!({"section": "customer-profile", "kind": "analysis", "category": "customer", "text": t});
    let (s, v) = p.api.post(&items, item("First")).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_error(&p.api.post(&items, item("Second")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("items"));
    assert_eq!(p.api.get(&items).await.1.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn no_text_field_passes_the_organisations_ceiling_on_any_way_in() {
    let p = planned().await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = p.app.api("ada@acme.test").await;
    assert_error(
        &admin.patch("/organisation/settings", json!({"max_text_chars": 20_001})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("max_text_chars"),
    );
    let (s, v) = admin.patch("/organisation/settings", json!({"max_text_chars": 120})).await;
    assert_eq!((s, &v["max_text_chars"]), (StatusCode::OK, &json!(120)), "{v}");
    let long = "ü".repeat(121);

    // API: the field is named, nothing is stored.
    let node = format!("/nodes/{}", p.tree[3]);
    let (_, before) = p.api.get(&node).await;
    let got = p.api.patch(&node, json!({"version": before["version"], "notes": long})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("notes"));
    assert!(got.1["error"]["message"].as_str().unwrap().contains("120"), "{}", got.1);
    assert_eq!(p.api.get(&node).await.1["version"], before["version"], "unchanged");
    let (s, _) = p.api.patch(&node, json!({"version": before["version"], "notes": "ü".repeat(120)})).await;
    assert_eq!(s, StatusCode::OK, "exactly the ceiling fits");

    // Pages: a comment over the ceiling is refused.
    let kim = p.app.login("kim@acme.test").await;
    let res = kim.post(&format!("/plans/{}/comments", p.plan), &[("body", &long)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("120"), "the page says the limit");
    assert!(p.api.get(&format!("/plans/{}/comments", p.plan)).await.1.as_array().unwrap().is_empty());

    // Import: the path of the first long text.
    let (_, mut doc) = p.api.get(&format!("/plans/{}/export?format=json&audience=team", p.plan)).await;
    doc["goals"][0]["title"] = json!(long.clone());
    let got = p.api.call(Method::POST, &format!("/plans/import?account_id={}", p.account), Some(doc)).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("goals[0].title"));
}
