//! Opportunities end to end: the API (create, read, partial change with
//! versions, delete, field errors), roles like the account's contacts,
//! organisation scoping, and the account page's card and form.

use keyplan_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{ORG, OTHER_ORG, assert_error, id, planned};

#[tokio::test]
async fn api_crud_versions_and_field_errors() {
    let p = planned().await;
    let api = &p.api;
    let list = format!("/accounts/{}/opportunities", p.account);
    let goal = p.tree[0];
    let body = json!({"name": "Line 4 retrofit", "crm_id": "0065g00000AbCdE", "stage": "Negotiation/Review", "amount": 250000,
        "probability": 40, "close_date": "2027-03-31", "owner_id": p.kam.id.get(), "next_step": "Revised offer", "goal_id": goal});
    let (s, created) = api.post(&list, body).await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    assert_eq!(
        (created["status"].as_str(), created["currency"].as_str(), created["probability"].as_i64(), created["version"].as_i64()),
        (Some("open"), Some("EUR"), Some(40), Some(1)),
        "open and in the organisation's currency by default"
    );
    assert_eq!((created["goal_id"].as_i64(), created["amount"].as_f64()), (Some(goal), Some(250000.0)));
    assert!(created["updated_at"].as_str().is_some_and(|t| t.ends_with('Z') && t.contains('T')), "RFC 3339: {created}");
    assert_eq!(created["overdue"], false);
    let path = format!("/opportunities/{}", id(&created));

    for (body, field) in [
        (json!({}), "name"),
        (json!({"name": "X", "status": "pending"}), "status"),
        (json!({"name": "X", "probability": 120}), "probability"),
        (json!({"name": "X", "amount": -1}), "amount"),
        (json!({"name": "X", "currency": "EURO"}), "currency"),
        (json!({"name": "X", "close_date": "3001-01-01"}), "close_date"),
        (json!({"name": "X", "goal_id": p.tree[1]}), "goal_id"),
        (json!({"name": "X", "whitespace_cell_id": 99999}), "whitespace_cell_id"),
        (json!({"name": "X", "crm_id": "0065g00000AbCdEAAV"}), "crm_id"),
        (json!({"name": "X", "colour": "red"}), "colour"),
    ] {
        assert_error(&api.post(&list, body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }

    let (s, v) = api.patch(&path, json!({"status": "won", "probability": 100, "version": 1})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((v["status"].as_str(), v["version"].as_i64(), v["name"].as_str()), (Some("won"), Some(2), Some("Line 4 retrofit")));
    assert_eq!(v["crm_id"], "0065g00000AbCdE", "a PATCH keeps what it does not send");
    let got = api.patch(&path, json!({"name": "Stale", "version": 1})).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    assert_eq!(got.1["error"]["current_version"], 2);
    assert_error(&api.patch(&path, json!({"name": "No version"})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("version"));
    let late = json!({"name": "Spares", "close_date": "2020-01-31", "amount": 1000});
    let (_, late) = api.post(&list, late).await;
    assert_eq!(late["overdue"], true, "open and past its close date");

    let (s, all) = api.get(&list).await;
    assert_eq!(s, StatusCode::OK);
    let names: Vec<&str> = all.as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Spares", "Line 4 retrofit"]);
    assert_eq!(api.get(&path).await.1["status"], "won");
    assert_eq!(api.delete(&path).await.0, StatusCode::NO_CONTENT);
    assert_error(&api.get(&path).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&api.delete(&path).await, StatusCode::NOT_FOUND, "not_found", None);
}

#[tokio::test]
async fn roles_and_organisations() {
    let p = planned().await;
    let list = format!("/accounts/{}/opportunities", p.account);
    let (_, o) = p.api.post(&list, json!({"name": "Line 4 retrofit"})).await;
    let path = format!("/opportunities/{}", id(&o));

    p.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let viewer = p.app.api("vic@acme.test").await;
    assert_eq!(viewer.get(&list).await.0, StatusCode::OK, "viewers read");
    assert_eq!(viewer.get(&path).await.0, StatusCode::OK);
    assert_error(&viewer.post(&list, json!({"name": "X"})).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&viewer.patch(&path, json!({"name": "X", "version": 1})).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&viewer.delete(&path).await, StatusCode::FORBIDDEN, "forbidden", None);

    p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let member = p.app.api("mel@acme.test").await;
    assert_error(&member.post(&list, json!({"name": "X"})).await, StatusCode::FORBIDDEN, "forbidden", None);
    p.app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let manager = p.app.api("max@acme.test").await;
    let (s, v) = manager.patch(&path, json!({"stage": "Proposal", "version": 1})).await;
    assert_eq!(s, StatusCode::OK, "managers edit every account's: {v}");

    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = p.app.api("olga@borealis.test").await;
    assert_error(&other.get(&path).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.patch(&path, json!({"name": "Mine", "version": 2})).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.delete(&path).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.get(&list).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.post(&list, json!({"name": "X"})).await, StatusCode::NOT_FOUND, "not_found", None);
    // An owner from another organisation is no user of ours.
    let stranger = p.app.user(OTHER_ORG, "oscar@borealis.test", "Oscar Other", Role::Kam).await;
    let got = p.api.patch(&path, json!({"owner_id": stranger.id.get(), "version": 2})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("owner_id"));
    assert_eq!(p.api.get(&path).await.1["version"], 2, "nothing written");
}

#[tokio::test]
async fn pages_card_form_errors_and_coverage() {
    let p = planned().await;
    let s = p.app.login("kim@acme.test").await;
    let goal = p.tree[0].to_string();
    let new = format!("/accounts/{}/opportunities/new", p.account);
    let (status, form) = s.get(&new).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains(&format!("<option value=\"{goal}\"")), "the money goal is a choice");
    assert!(form.contains("name=\"_csrf\""));

    // A field error re-renders the form with what was typed and the message next to the field.
    let post = format!("/accounts/{}/opportunities", p.account);
    let res = s.post(&post, &[("name", "Line 4 retrofit"), ("amount", "lots"), ("probability", "40"), ("goal_id", &goal)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("value=\"Line 4 retrofit\""), "typed values stay");
    assert!(html.contains("name=\"amount\" inputmode=\"decimal\" value=\"lots\" aria-invalid=\"true\""), "the field is marked");
    assert!(html.contains("class=\"field-error\""), "the message is shown");
    assert_eq!(p.api.get(&format!("/accounts/{}/opportunities", p.account)).await.1.as_array().unwrap().len(), 0, "nothing stored");

    let fields = [
        ("name", "Line 4 retrofit"),
        ("amount", "250000"),
        ("probability", "40"),
        ("goal_id", goal.as_str()),
        ("close_date", "2020-06-30"),
    ];
    let res = s.post(&post, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = s.get(&format!("/accounts/{}", p.account)).await;
    let card = crate::helpers::section(&page, "id=\"opportunities\"", "</section>");
    assert!(card.contains("Line 4 retrofit") && card.contains("Grow to 2m"), "listed with its goal: {card}");
    assert!(card.contains("badge overdue"), "open and past its close date");

    // The plan shows the goal's coverage: gap 1m, weighted 100k of 250k open.
    let (_, plan) = s.get(&format!("/plans/{}", p.plan)).await;
    assert!(plan.contains("class=\"coverage"), "a coverage bar");
    assert!(plan.contains("10% covered"), "weighted 100k of a 1m gap");
    // Shown to the customer, so that both other views show the goal; only management sees its pipeline.
    let shown = json!({"target_kind": "node", "target_id": p.tree[0], "visibility": "customer"});
    let (status, v) = p.api.call(reqwest::Method::PUT, &format!("/plans/{}/visibility", p.plan), Some(shown)).await;
    assert!(status.is_success(), "{v}");
    let (_, briefing) = s.get(&format!("/plans/{}/view/management", p.plan)).await;
    assert!(briefing.contains("Grow to 2m") && briefing.contains("10% covered"), "management sees the pipeline");
    let (_, excerpt) = s.get(&format!("/plans/{}/view/customer", p.plan)).await;
    assert!(excerpt.contains("Grow to 2m") && !excerpt.contains("class=\"coverage"), "the customer never sees our pipeline");
    let (_, story) = s.get(&format!("/plans/{}/story", p.plan)).await;
    assert!(story.contains("10% covered"));

    // Editing with a stale version shows the conflict; a bad probability is a field error.
    let (_, list) = p.api.get(&format!("/accounts/{}/opportunities", p.account)).await;
    let edit = format!("/opportunities/{}", id(&list[0]));
    let res = s.post(&edit, &[("version", "1"), ("name", "Line 4 retrofit"), ("probability", "140")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("name=\"probability\" value=\"140\" aria-invalid=\"true\""));
    let res =
        s.post(&edit, &[("version", "1"), ("name", "Line 4 retrofit"), ("status", "won"), ("amount", "250000"), ("goal_id", &goal)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = s.post(&edit, &[("version", "1"), ("name", "Stale")]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let (_, plan) = s.get(&format!("/plans/{}", p.plan)).await;
    assert!(plan.contains("25% covered"), "won 250k of a 1m gap");
    let res = s.post(&format!("{edit}/delete"), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.get(&edit).await.0, StatusCode::NOT_FOUND);
}
