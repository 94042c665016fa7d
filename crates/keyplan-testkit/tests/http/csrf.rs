//! CSRF protection: page forms need the session's `_csrf` field, API calls
//! with the session cookie need `X-CSRF-Token`, the sign-in form needs its
//! double-submit cookie.

use keyplan_domain::Role;
use keyplan_testkit::{PASSWORD, TestApp, location};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{ORG, account_count, assert_error, contact_count, login_form, node_count, planned, set_cookie, set_cookies};

#[tokio::test]
async fn page_forms_without_the_session_token_are_refused_and_store_nothing() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let s = app.login("kim@acme.test").await;

    let missing = s.post_raw("/accounts", &[("name", "No Token Ltd")]).await;
    assert_eq!(missing.status(), StatusCode::FORBIDDEN);
    assert!(missing.text().await.unwrap().contains("expired or did not come from keyplan"));
    let wrong = s.post_raw("/accounts", &[("_csrf", "0123456789abcdef"), ("name", "Wrong Token Ltd")]).await;
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    // Right length, wrong secret.
    let forged = "f".repeat(s.csrf.len());
    let wrong = s.post_raw("/accounts", &[("_csrf", forged.as_str()), ("name", "Forged Token Ltd")]).await;
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    // A token in the query string does not count either.
    let res = s.client.post(format!("{}/accounts?_csrf={}", s.base, s.csrf)).form(&[("name", "Query Token Ltd")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(account_count(&app, ORG).await, 0, "nothing stored");

    // The same form with the token works.
    let ok = s.post("/accounts", &[("name", "Token Ltd")]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(account_count(&app, ORG).await, 1);
}

#[tokio::test]
async fn every_kind_of_page_form_checks_the_token() {
    let p = planned().await;
    let s = p.app.login("kim@acme.test").await;
    let before_nodes = node_count(&p.app, ORG, p.plan).await;
    let goal = p.tree[0].to_string();
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (format!("/accounts/{}/contacts", p.account), vec![("name", "Dana Ruiz")]),
        (format!("/plans/{}/nodes", p.plan), vec![("kind", "csf"), ("parent_id", goal.as_str()), ("title", "Sneaky factor")]),
        (format!("/nodes/{}/delete", p.tree[3]), vec![]),
        (format!("/accounts/{}/delete", p.account), vec![]),
        (format!("/plans/{}/delete", p.plan), vec![]),
        (format!("/accounts/{}", p.account), vec![("version", "1"), ("name", "Renamed")]),
    ];
    for (path, fields) in &posts {
        let res = s.post_raw(path, fields).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "POST {path} without _csrf");
    }
    assert_eq!(contact_count(&p.app, ORG, p.account).await, 0);
    assert_eq!(node_count(&p.app, ORG, p.plan).await, before_nodes);
    let (_, account) = p.api.get(&format!("/accounts/{}", p.account)).await;
    assert_eq!((account["name"].as_str(), account["version"].as_i64()), (Some("Globex Chemicals"), Some(1)));
}

#[tokio::test]
async fn one_users_token_does_not_work_in_anothers_session() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "kai@acme.test", "Kai Kowalski", Role::Kam).await;
    let kim = app.login("kim@acme.test").await;
    let kai = app.login("kai@acme.test").await;
    assert_ne!(kim.csrf, kai.csrf);
    let res = kai.post_raw("/accounts", &[("_csrf", kim.csrf.as_str()), ("name", "Borrowed Token Ltd")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(account_count(&app, ORG).await, 0);
}

#[tokio::test]
async fn api_with_the_session_cookie_needs_the_csrf_header() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let s = app.login("kim@acme.test").await;

    // Reading needs no header.
    let (status, list) = s.api(Method::GET, "/accounts", None, false).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list, json!([]));

    let got = s.api(Method::POST, "/accounts", Some(json!({"name": "Headerless Ltd"})), false).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    assert!(got.1["error"]["message"].as_str().unwrap().to_lowercase().contains("x-csrf-token"), "{}", got.1);
    let wrong = s
        .client
        .post(format!("{}/api/v1/accounts", s.base))
        .header("x-csrf-token", "not-the-token")
        .json(&json!({"name": "Wrong Header Ltd"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    assert_eq!(account_count(&app, ORG).await, 0, "nothing stored");

    let (status, created) = s.api(Method::POST, "/accounts", Some(json!({"name": "Header Ltd"})), true).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(account_count(&app, ORG).await, 1);
    let id = created["id"].as_i64().unwrap();

    // PATCH and DELETE are guarded the same way.
    let got = s.api(Method::PATCH, &format!("/accounts/{id}"), Some(json!({"name": "Changed", "version": 1})), false).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    let got = s.api(Method::DELETE, &format!("/accounts/{id}"), None, false).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    let (_, stored) = s.api(Method::GET, &format!("/accounts/{id}"), None, false).await;
    assert_eq!((stored["name"].as_str(), stored["version"].as_i64()), (Some("Header Ltd"), Some(1)));
    let (status, _) = s.api(Method::DELETE, &format!("/accounts/{id}"), None, true).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(account_count(&app, ORG).await, 0);
}

#[tokio::test]
async fn bearer_tokens_need_no_csrf_header() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let (status, v) = api.post("/accounts", json!({"name": "Token Ltd"})).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    assert_eq!(account_count(&app, ORG).await, 1);
}

#[tokio::test]
async fn sign_in_form_needs_its_matching_cookie() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let (_, csrf) = login_form(&app).await;

    // A client that never loaded the form has no kp_login cookie.
    let stranger = app.client();
    let res = stranger
        .post(app.url("/login"))
        .form(&[("_csrf", csrf.as_str()), ("email", "kim@acme.test"), ("password", PASSWORD), ("next", "/accounts")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(set_cookie(&set_cookies(&res), "kp_session").is_none());

    // A cookie from one page load and a field from another do not match.
    let (client, own) = login_form(&app).await;
    let res = client
        .post(app.url("/login"))
        .form(&[("_csrf", csrf.as_str()), ("email", "kim@acme.test"), ("password", PASSWORD), ("next", "/accounts")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = client.post(app.url("/login")).form(&[("email", "kim@acme.test"), ("password", PASSWORD)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no field at all");
    assert!(set_cookie(&set_cookies(&res), "kp_session").is_none());

    // The matching pair signs in.
    let res = client
        .post(app.url("/login"))
        .form(&[("_csrf", own.as_str()), ("email", "kim@acme.test"), ("password", PASSWORD), ("next", "/accounts")])
        .send()
        .await
        .unwrap();
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/accounts".to_string()));
}
