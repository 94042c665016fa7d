//! Organisations are sealed off from each other: another organisation's ids
//! are simply not found, and lists show only one's own records.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, Planned, assert_error, commitment, id, planned};

/// Org A (from [`planned`]) with a contact and a commitment for a member, plus
/// org B with an administrator, the most powerful role there is.
struct TwoOrgs {
    a: Planned,
    contact: i64,
    commitment: i64,
    member_a: i64,
    b: Api,
    b_user: i64,
}

async fn two_orgs() -> TwoOrgs {
    let a = planned().await;
    let mel = a.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let (s, c) = a.api.post(&format!("/accounts/{}/contacts", a.account), json!({"name": "Dana Ruiz", "influence": 4})).await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let cm = commitment(&a.api, a.plan, a.tree[3], mel.id.get(), "Run a line trial", "2027-03-31").await;
    let bee = a.app.user(OTHER_ORG, "bo@borealis.test", "Bo Boss", Role::Admin).await;
    let b = a.app.api("bo@borealis.test").await;
    TwoOrgs { contact: id(&c), commitment: id(&cm), member_a: mel.id.get(), b, b_user: bee.id.get(), a }
}

#[track_caller]
fn not_found(got: &(StatusCode, Value), what: &str) {
    assert_eq!(got.0, StatusCode::NOT_FOUND, "{what}: {}", got.1);
    assert_eq!(got.1["error"]["code"], "not_found", "{what}: {}", got.1);
}

#[tokio::test]
async fn other_organisations_records_are_not_found_over_the_api() {
    let t = two_orgs().await;
    let (acc, plan, contact, cm) = (t.a.account, t.a.plan, t.contact, t.commitment);
    let node = t.a.tree[1];
    let b = &t.b;
    let calls: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, format!("/accounts/{acc}"), None),
        (Method::PATCH, format!("/accounts/{acc}"), Some(json!({"name": "Taken over", "version": 1}))),
        (Method::DELETE, format!("/accounts/{acc}"), None),
        (Method::GET, format!("/accounts/{acc}/team"), None),
        (Method::PUT, format!("/accounts/{acc}/team/{}", t.b_user), Some(json!({"function": "Spy"}))),
        (Method::DELETE, format!("/accounts/{acc}/team/{}", t.a.kam.id), None),
        (Method::GET, format!("/accounts/{acc}/contacts"), None),
        (Method::POST, format!("/accounts/{acc}/contacts"), Some(json!({"name": "Plant"}))),
        (Method::GET, format!("/accounts/{acc}/plans"), None),
        (Method::POST, format!("/accounts/{acc}/plans"), Some(json!({"title": "Hostile plan"}))),
        (Method::GET, format!("/contacts/{contact}"), None),
        (Method::PATCH, format!("/contacts/{contact}"), Some(json!({"name": "Changed", "version": 1}))),
        (Method::DELETE, format!("/contacts/{contact}"), None),
        (Method::GET, format!("/plans/{plan}"), None),
        (Method::PATCH, format!("/plans/{plan}"), Some(json!({"title": "Changed", "version": 1}))),
        (Method::DELETE, format!("/plans/{plan}"), None),
        (Method::POST, format!("/plans/{plan}/nodes"), Some(json!({"kind": "goal", "title": "Hostile goal"}))),
        (Method::GET, format!("/nodes/{node}"), None),
        (Method::PATCH, format!("/nodes/{node}"), Some(json!({"title": "Changed", "version": 1}))),
        (Method::DELETE, format!("/nodes/{node}"), None),
        (Method::POST, format!("/nodes/{node}/move"), Some(json!({"direction": "up"}))),
        (Method::GET, format!("/nodes/{cm}"), None),
        (Method::POST, format!("/commitments/{cm}/accept"), Some(json!({}))),
        (Method::POST, format!("/commitments/{cm}/decline"), Some(json!({"reason": "Not mine"}))),
        (Method::POST, format!("/commitments/{cm}/propose-date"), Some(json!({"due_date": "2027-06-30"}))),
        (Method::POST, format!("/commitments/{cm}/accept-date"), Some(json!({}))),
        (Method::POST, format!("/commitments/{cm}/reject-date"), Some(json!({}))),
    ];
    for (method, path, body) in calls {
        let got = b.call(method.clone(), &path, body).await;
        not_found(&got, &format!("{method} {path}"));
    }

    // Org A's records are untouched.
    let api = &t.a.api;
    let (_, account) = api.get(&format!("/accounts/{acc}")).await;
    assert_eq!((account["name"].as_str(), account["version"].as_i64()), (Some("Globex Chemicals"), Some(1)));
    let (_, c) = api.get(&format!("/contacts/{contact}")).await;
    assert_eq!((c["name"].as_str(), c["version"].as_i64()), (Some("Dana Ruiz"), Some(1)));
    let (_, p) = api.get(&format!("/plans/{plan}")).await;
    assert_eq!(
        (p["title"].as_str(), p["version"].as_i64(), p["tree"].as_array().map(Vec::len)),
        (Some("Globex plan 2027"), Some(1), Some(1))
    );
    let (_, n) = api.get(&format!("/nodes/{node}")).await;
    assert_eq!((n["title"].as_str(), n["version"].as_i64()), (Some("Approved supplier"), Some(1)));
    let (_, c) = api.get(&format!("/nodes/{cm}")).await;
    assert_eq!((c["acceptance"].as_str(), c["version"].as_i64()), (Some("proposed"), Some(1)));
    let (_, team) = api.get(&format!("/accounts/{acc}/team")).await;
    assert_eq!(team.as_array().unwrap().len(), 1, "{team}");
}

#[tokio::test]
async fn other_organisations_pages_are_not_found() {
    let t = two_orgs().await;
    let s = t.a.app.login("bo@borealis.test").await;
    for path in [format!("/accounts/{}", t.a.account), format!("/plans/{}", t.a.plan), format!("/contacts/{}", t.contact)] {
        let (status, body) = s.get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "GET {path}");
        assert!(!body.contains("Globex"), "nothing of org A leaks on {path}");
    }
    let cm = t.commitment.to_string();
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (format!("/accounts/{}", t.a.account), vec![("version", "1"), ("name", "Taken over")]),
        (format!("/accounts/{}/contacts", t.a.account), vec![("name", "Plant")]),
        (format!("/accounts/{}/delete", t.a.account), vec![]),
        (format!("/plans/{}/nodes", t.a.plan), vec![("kind", "goal"), ("title", "Hostile goal")]),
        (format!("/nodes/{}", t.a.tree[1]), vec![("version", "1"), ("title", "Changed")]),
        (format!("/nodes/{}/delete", t.a.tree[1]), vec![]),
        (format!("/commitments/{cm}/respond"), vec![("action", "accept")]),
        (format!("/contacts/{}/delete", t.contact), vec![]),
    ];
    for (path, fields) in &posts {
        let res = s.post(path, fields).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "POST {path}");
    }
    let (_, account) = t.a.api.get(&format!("/accounts/{}", t.a.account)).await;
    assert_eq!(account["version"], 1, "{account}");
    let (_, c) = t.a.api.get(&format!("/nodes/{}", t.commitment)).await;
    assert_eq!(c["acceptance"], "proposed");
}

#[tokio::test]
async fn lists_show_only_the_own_organisation() {
    let t = two_orgs().await;
    let (s, _) = t.b.post("/accounts", json!({"name": "Borealis Own Account"})).await;
    assert_eq!(s, StatusCode::CREATED);

    let names = |v: &Value| v.as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let (_, a_list) = t.a.api.get("/accounts").await;
    assert_eq!(names(&a_list), vec!["Globex Chemicals"]);
    let (_, b_list) = t.b.get("/accounts").await;
    assert_eq!(names(&b_list), vec!["Borealis Own Account"]);
    // Searching does not widen the scope.
    let (_, found) = t.a.api.get("/accounts?q=borealis").await;
    assert_eq!(found, json!([]));
    let (_, users) = t.b.get("/users").await;
    let emails: Vec<&str> = users.as_array().unwrap().iter().map(|u| u["email"].as_str().unwrap()).collect();
    assert_eq!(emails, vec!["bo@borealis.test"]);
    let (_, mine) = t.b.get("/me/commitments").await;
    assert_eq!(mine, json!([]));

    let s = t.a.app.login("kim@acme.test").await;
    let (_, page) = s.get("/accounts").await;
    assert!(page.contains("Globex Chemicals") && !page.contains("Borealis Own Account"));
    assert!(page.contains("1 accounts"), "the count is the own organisation's");
    let s = t.a.app.login("bo@borealis.test").await;
    let (_, page) = s.get("/accounts").await;
    assert!(!page.contains("Globex") && page.contains("Borealis Own Account"));
}

#[tokio::test]
async fn references_into_another_organisation_are_refused() {
    let t = two_orgs().await;
    let b = &t.b;
    let (_, acc) = b.post("/accounts", json!({"name": "Borealis Own Account"})).await;
    let b_acc = id(&acc);
    let b_plan = b.plan(b_acc, "Borealis plan").await;
    let b_goal = id(&b.node(b_plan, json!({"kind": "goal", "title": "Grow"})).await);

    let got = b.post("/accounts", json!({"name": "Poached", "owner_id": t.a.kam.id.get()})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("owner_id"));
    let got = b.post("/accounts", json!({"name": "Child", "parent_id": t.a.account})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("parent_id"));
    let got = b
        .post(
            &format!("/plans/{b_plan}/nodes"),
            json!({"kind": "commitment", "parent_id": b_goal, "title": "Do it", "owner_id": t.member_a}),
        )
        .await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("owner_id"));
    let got = b.post(&format!("/plans/{b_plan}/nodes"), json!({"kind": "condition", "parent_id": t.a.tree[1], "title": "Grafted"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("parent_id"));
    let got = b.post(&format!("/accounts/{b_acc}/contacts"), json!({"name": "Spy", "reports_to_id": t.contact})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("reports_to_id"));
    let got = b.call(Method::PUT, &format!("/accounts/{b_acc}/team/{}", t.member_a), Some(json!({"function": "Service"}))).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("user_id"));

    assert_eq!(b.get("/accounts").await.1.as_array().unwrap().len(), 1, "no account stored");
    assert_eq!(b.get(&format!("/plans/{b_plan}")).await.1["tree"][0]["children"], json!([]), "no node stored");
    assert_eq!(b.get(&format!("/accounts/{b_acc}/contacts")).await.1, json!([]));
    assert_eq!(b.get(&format!("/accounts/{b_acc}/team")).await.1, json!([]));
}
