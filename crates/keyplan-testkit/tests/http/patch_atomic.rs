//! Validate, then write: every PATCH of the API applies all of its changes or
//! none. A refused edit (one good field, one bad) answers 422 and leaves the
//! record as it was, version included. Redirect targets of forms are checked
//! before anything is saved.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, assert_error, id, planned};

/// The record `id` as the API reads it: `GET read` itself, or the entry with
/// that id in the list `read` answers.
async fn read(api: &Api, read: &str, id: Option<i64>) -> Value {
    let (s, v) = api.get(read).await;
    assert_eq!(s, StatusCode::OK, "{read}: {v}");
    match id {
        None => v,
        Some(i) => v.as_array().and_then(|a| a.iter().find(|x| x["id"] == i)).cloned().unwrap_or_else(|| panic!("{i} in {v}")),
    }
}

/// PATCHes `path` with `body` (a good change plus a bad `field`): 422 naming
/// `field`, and the record reads as before.
async fn refused(api: &Api, path: &str, body: Value, field: &str, read_path: &str, id: Option<i64>) {
    let before = read(api, read_path, id).await;
    let got = api.patch(path, body).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    let after = read(api, read_path, id).await;
    assert_eq!(after, before, "{path}: a refused PATCH changed the record");
}

#[tokio::test]
async fn a_refused_review_patch_saves_nothing() {
    let p = planned().await;
    let (s, r) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": "2027-01-15"})).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    let path = format!("/reviews/{}", id(&r));
    let v = r["version"].clone();
    // A participant that is no one of the organisation, a participant id of the wrong type,
    // a bad date, control characters in the decisions: nothing of the good fields is saved.
    let olga = p.app.user(crate::helpers::OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Kam).await.id.get();
    let cases = [
        (json!({"version": v, "notes": "Saved?", "review_date": "2027-02-01", "add_user_id": olga}), "user_id"),
        (json!({"version": v, "notes": "Saved?", "review_date": "2027-02-01", "add_contact_id": "x"}), "add_contact_id"),
        (json!({"version": v, "notes": "Saved?", "review_date": "2027-02-31"}), "review_date"),
        (json!({"version": v, "notes": "Saved?", "decisions": "bad\u{0}"}), "decisions"),
        (json!({"version": v, "notes": "x".repeat(20_001)}), "notes"),
    ];
    for (body, field) in cases {
        refused(&p.api, &path, body, field, &path, None).await;
    }
    let (_, now) = p.api.get(&path).await;
    assert_eq!((now["notes"].clone(), now["version"].clone(), now["review_date"].clone()), (Value::Null, v, json!("2027-01-15")));
}

#[tokio::test]
async fn every_other_patch_is_all_or_nothing() {
    let p = planned().await;
    let api = &p.api;
    let (plan, account) = (p.plan, p.account);

    let acc = format!("/accounts/{account}");
    refused(api, &acc, json!({"version": 1, "name": "Renamed", "annual_revenue": "lots"}), "annual_revenue", &acc, None).await;

    let (_, c) = api.post(&format!("/accounts/{account}/contacts"), json!({"name": "Dana Ruiz", "influence": 3})).await;
    let contact = format!("/contacts/{}", id(&c));
    refused(api, &contact, json!({"version": 1, "name": "Dana R.", "influence": 9}), "influence", &contact, None).await;

    let pl = format!("/plans/{plan}");
    refused(api, &pl, json!({"version": 1, "title": "Renamed plan", "period_end": "2020-01-01"}), "period_end", &pl, None).await;

    let node = format!("/nodes/{}", p.tree[0]);
    refused(api, &node, json!({"version": 1, "title": "Renamed goal", "target": "much"}), "target", &node, None).await;

    let (s, k) = api.post(&format!("/plans/{plan}/kpis"), json!({"name": "Share of wallet", "unit": "%"})).await;
    assert_eq!(s, StatusCode::CREATED, "{k}");
    let kpis = format!("/plans/{plan}/kpis");
    refused(
        api,
        &format!("/kpis/{}", id(&k)),
        json!({"version": 1, "name": "Wallet", "baseline": "lots"}),
        "baseline",
        &kpis,
        Some(id(&k)),
    )
    .await;

    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = p.app.api("ada@acme.test").await;
    let (s, o) = admin.post("/offerings", json!({"name": "Sensors"})).await;
    assert_eq!(s, StatusCode::CREATED, "{o}");
    let body = json!({"version": 1, "description": "New text", "name": ""});
    refused(&admin, &format!("/offerings/{}", id(&o)), body, "name", "/offerings", Some(id(&o))).await;

    let units = format!("/accounts/{account}/business-units");
    let (s, u) = api.post(&units, json!({"name": "Coatings"})).await;
    assert_eq!(s, StatusCode::CREATED, "{u}");
    refused(api, &format!("/business-units/{}", id(&u)), json!({"version": 1, "name": "\u{200B}"}), "name", &units, Some(id(&u))).await;

    let body = json!({"active_plans_per_kam": 4, "master_plans_per_company": -1});
    refused(&admin, "/organisation/settings", body, "master_plans_per_company", "/organisation/settings", None).await;
}

#[tokio::test]
async fn a_refused_item_patch_changes_nothing() {
    let p = planned().await;
    let (s, plan) = p.api.post(&format!("/accounts/{}/plans", p.account), json!({"title": "Strategic", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let plan = id(&plan);
    let (s, it) = p
        .api
        .post(
            &format!("/plans/{plan}/items"),
            json!({"section": "customer-profile", "kind": "analysis", "category": "customer", "text": "Strong"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{it}");
    let body = json!({"version": 1, "text": "Stronger", "category": "nonsense"});
    refused(&p.api, &format!("/items/{}", id(&it)), body, "category", &format!("/plans/{plan}/items"), Some(id(&it))).await;
}

/// A `back` target with CR/LF is no place to go: the answer is saved and the
/// browser goes to a safe page (no 500 after the write).
#[tokio::test]
async fn a_bad_back_target_is_replaced_before_saving() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let c = crate::helpers::commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Run a trial", "2027-03-31").await;
    let s = p.app.login("mel@acme.test").await;
    let back = format!("/plans/{}\r\nSet-Cookie: evil=1", p.plan);
    let res = s
        .post(&format!("/commitments/{}/respond", id(&c)), &[("action", "accept"), ("version", &c["version"].to_string()), ("back", &back)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(keyplan_testkit::location(&res), "/me/commitments");
    assert!(res.headers().get_all("set-cookie").iter().all(|v| !v.to_str().unwrap_or("").contains("evil")));
    let (_, n) = p.api.get(&format!("/nodes/{}", id(&c))).await;
    assert_eq!(n["acceptance"], "accepted", "{n}");
    // Elsewhere than a plan page: my list too.
    for back in ["https://evil.example/", "//evil.example", "/plans/1\\..\\x"] {
        let c = crate::helpers::commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Another", "2027-03-31").await;
        let res = s.post(&format!("/commitments/{}/respond", id(&c)), &[("action", "accept"), ("version", "1"), ("back", back)]).await;
        assert_eq!(keyplan_testkit::location(&res), "/me/commitments", "{back}");
    }
}
