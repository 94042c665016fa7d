//! One text policy on SQLite and PostgreSQL (run both with `KEYPLAN_TEST_DB`):
//! NUL and other control characters are refused with a field error on every
//! way in and nothing is stored; names of invisible characters only are
//! refused; dates lie in the years 1900–2999.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, assert_error, commitment, planned};

#[tokio::test]
async fn nul_in_a_comment_is_a_field_error_and_nothing_is_stored() {
    let p = planned().await;
    let path = format!("/plans/{}/comments", p.plan);
    for body in ["Looks \u{0} right", "bell \u{7}", "escape \u{1b}[2J"] {
        let got = p.api.post(&path, json!({"body": body})).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("body"));
        assert!(got.1["error"]["message"].as_str().unwrap().contains("control characters"), "{}", got.1);
    }
    // Tabs and line breaks are text.
    let (s, v) = p.api.post(&path, json!({"body": "First line\n\tsecond line"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (_, list) = p.api.get(&path).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "only the good comment is stored: {list}");

    // The page form refuses it too and stores nothing.
    let kim = p.app.login("kim@acme.test").await;
    let res = kim.post(&path, &[("target", "plan"), ("body", "page \u{0} comment")]).await;
    assert!(res.status().is_redirection() || res.status() == StatusCode::UNPROCESSABLE_ENTITY, "{}", res.status());
    let (_, list) = p.api.get(&path).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
}

/// A path in a document and the change that puts a control character there.
type Case = (&'static str, fn(&mut Value));

#[tokio::test]
async fn nul_in_a_plan_document_is_refused_with_its_path() {
    let p = planned().await;
    commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Run the trial", "2027-03-15").await;
    let (_, doc) = p.api.get(&format!("/plans/{}/export?format=json&audience=team", p.plan)).await;
    let before = p.api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    let cases: [Case; 3] = [
        ("plan.title", |d| d["plan"]["title"] = json!("Plan\u{0}2027")),
        ("goals[0].children[0].title", |d| d["goals"][0]["children"][0]["title"] = json!("Be\u{0}preferred")),
        ("goals[0].children[0].children[0].children[0].children[0].done_criterion", |d| {
            d["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["done_criterion"] = json!("signed\u{1}")
        }),
    ];
    for (path, change) in cases {
        let mut bad = doc.clone();
        change(&mut bad);
        let got = p.api.call(Method::POST, &format!("/plans/import?account_id={}", p.account), Some(bad)).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(path));
    }
    let after = p.api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    assert_eq!(after, before, "nothing was stored");
}

#[tokio::test]
async fn control_characters_in_any_api_field_are_refused() {
    let p = planned().await;
    let account = format!("/accounts/{}", p.account);
    let (_, before) = p.api.get(&account).await;
    let got = p.api.patch(&account, json!({"name": "Globex\u{0}", "version": before["version"]})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    let got = p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Dana", "title": "Head\u{0}of"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("title"));
    let got = p.api.patch(&format!("/nodes/{}", p.tree[0]), json!({"notes": "x\u{0}", "version": 1})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("notes"));
    let (_, after) = p.api.get(&account).await;
    assert_eq!(after, before, "nothing changed");
    // A page form is refused with the field's error (422).
    let kim = p.app.login("kim@acme.test").await;
    let res = kim.post("/accounts", &[("name", "Nul\u{0}Corp"), ("industry", "")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("control characters"));
    assert_eq!(crate::helpers::account_count(&p.app, ORG).await, 1, "no account stored");
}

#[tokio::test]
async fn names_of_invisible_characters_only_are_refused() {
    let p = planned().await;
    for name in ["\u{200B}", "\u{200B}\u{200C}\u{200D}\u{2060}", "\u{FEFF} \u{3164}"] {
        let got = p.api.post("/accounts", json!({"name": name})).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
        let got = p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": name})).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    }
    assert_eq!(crate::helpers::account_count(&p.app, ORG).await, 1);
    // A visible name with a zero-width character in it is a name.
    let (s, v) = p.api.post("/accounts", json!({"name": "Zero\u{200B}Width GmbH"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn dates_lie_in_the_years_1900_to_2999() {
    let p = planned().await;
    for bad in ["0000-01-01", "1899-12-31", "3000-01-01", "9999-12-31"] {
        let got = p
            .api
            .post(&format!("/accounts/{}/plans", p.account), json!({"title": "Old", "period_start": bad, "period_end": "2027-12-31"}))
            .await;
        assert_eq!(got.0, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", got.1);
        assert_eq!(got.1["error"]["field"], "period_start", "{bad}: {}", got.1);
        let got = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": bad})).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review_date"));
    }
    let (_, doc) = p.api.get(&format!("/plans/{}/export?format=json&audience=team", p.plan)).await;
    let mut bad = doc.clone();
    bad["plan"]["period_end"] = json!("9999-12-31");
    let got = p.api.call(Method::POST, &format!("/plans/import?account_id={}", p.account), Some(bad)).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("plan.period_end"));
    let (s, v) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": "2999-12-31"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}
