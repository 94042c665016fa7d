//! Signing in and out, the sign-in rate limit, deactivated users, and what
//! anonymous callers get.

use keyplan_domain::Role;
use keyplan_testkit::{PASSWORD, TestApp, location};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{
    ORG, assert_error, cookie_value, get, login_form, raw_location, redirected_to_login, set_cookie, set_cookies, submit_login,
};

#[tokio::test]
async fn wrong_password_is_401_and_opens_no_session() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let (client, csrf) = login_form(&app).await;
    let res = submit_login(&app, &client, &csrf, "kim@acme.test", "wrong horse battery", "/accounts").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(set_cookie(&set_cookies(&res), "kp_session").is_none(), "no session cookie on failure");
    let page = res.text().await.unwrap();
    assert!(page.contains("do not match"), "the page says why: {page}");
    assert!(page.contains("value=\"kim@acme.test\""), "the e-mail is kept in the form");
    assert!(redirected_to_login(&client, &app.url("/accounts")).await, "still signed out");

    // Unknown addresses get the same answer.
    let (client, csrf) = login_form(&app).await;
    let res = submit_login(&app, &client, &csrf, "nobody@acme.test", PASSWORD, "/accounts").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn correct_password_sets_a_safe_session_cookie() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let (client, csrf) = login_form(&app).await;
    // E-mail addresses are case-insensitive.
    let res = submit_login(&app, &client, &csrf, "  Kim@ACME.test ", PASSWORD, "/me/commitments").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/me/commitments");
    let cookies = set_cookies(&res);
    let session = set_cookie(&cookies, "kp_session").expect("kp_session is set");
    let attrs: Vec<&str> = session.split(';').map(str::trim).collect();
    assert!(attrs.contains(&"HttpOnly"), "{session}");
    assert!(attrs.contains(&"SameSite=Lax"), "{session}");
    assert!(attrs.contains(&"Path=/"), "{session}");
    assert_eq!(cookie_value(session).len(), 64, "a 256-bit random token: {session}");
    let login = set_cookie(&cookies, "kp_login").expect("the sign-in form's cookie is cleared");
    assert!(login.contains("Max-Age=0"), "{login}");

    let (status, page) = get(&client, &app.url("/accounts")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Kim Kamara"), "signed in as Kim");
    // Signed in, the sign-in page sends you on.
    let res = client.get(app.url("/login")).send().await.unwrap();
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/accounts".to_string()));
}

#[tokio::test]
async fn next_only_leads_to_this_site() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    for next in ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"] {
        let (client, csrf) = login_form(&app).await;
        let res = submit_login(&app, &client, &csrf, "kim@acme.test", PASSWORD, next).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "next {next:?}");
        assert_eq!(location(&res), "/accounts", "next {next:?}");
    }
}

/// Browsers drop tabs and line breaks from URLs, so `/<TAB>/evil.example`
/// becomes `//evil.example`, another site. And a line break in `next` must not
/// turn a successful sign-in into a server error.
#[tokio::test]
async fn next_with_control_characters_stays_on_this_site() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let mut problems = Vec::new();
    for next in ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example"] {
        let (client, csrf) = login_form(&app).await;
        let res = submit_login(&app, &client, &csrf, "kim@acme.test", PASSWORD, next).await;
        let loc: Vec<u8> = raw_location(&res).into_iter().filter(|b| !matches!(b, b'\t' | b'\r' | b'\n')).collect();
        if res.status() != StatusCode::SEE_OTHER {
            problems.push(format!("next {next:?}: status {}", res.status()));
        } else if !loc.starts_with(b"/") || loc.starts_with(b"//") {
            problems.push(format!("next {next:?}: leads to {:?} in a browser", String::from_utf8_lossy(&loc)));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let (client, csrf) = login_form(&app).await;
    let res = submit_login(&app, &client, &csrf, "kim@acme.test", PASSWORD, "/accounts").await;
    let token = cookie_value(set_cookie(&set_cookies(&res), "kp_session").unwrap()).to_string();
    let page = get(&client, &app.url("/accounts")).await.1;
    let session_csrf = keyplan_testkit::hidden_value(&page, "_csrf").unwrap();

    // Without the CSRF token, signing out is refused and the session lives on.
    let res = client.post(app.url("/logout")).form(&[("_csrf", "nope")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(get(&client, &app.url("/accounts")).await.0, StatusCode::OK);

    let res = client.post(app.url("/logout")).form(&[("_csrf", session_csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login");
    let cleared = set_cookies(&res);
    assert!(set_cookie(&cleared, "kp_session").is_some_and(|c| c.contains("Max-Age=0")), "{cleared:?}");
    assert!(redirected_to_login(&client, &app.url("/accounts")).await);

    // The old cookie, replayed by hand, is dead on the server too.
    let bare = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let res = bare.get(app.url("/accounts")).header("cookie", format!("kp_session={token}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login"));
    let res = bare.get(app.url("/api/v1/me")).header("cookie", format!("kp_session={token}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn five_failures_lock_the_address_even_for_the_right_password() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let (client, mut csrf) = login_form(&app).await;
    for i in 0..5 {
        // Case does not help to get around the count.
        let email = if i % 2 == 0 { "kim@acme.test" } else { "KIM@acme.test" };
        let res = submit_login(&app, &client, &csrf, email, &format!("guess {i}"), "/accounts").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "attempt {}", i + 1);
        // Each answer is a fresh form with a fresh token.
        csrf = keyplan_testkit::hidden_value(&res.text().await.unwrap(), "_csrf").expect("the form again");
    }
    let res = submit_login(&app, &client, &csrf, "kim@acme.test", PASSWORD, "/accounts").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(set_cookie(&set_cookies(&res), "kp_session").is_none(), "no session while locked");
    let page = res.text().await.unwrap();
    assert!(page.contains("Too many failed sign-in attempts"), "{page}");
    assert!(redirected_to_login(&client, &app.url("/accounts")).await);
    assert!(app.try_login("kim@acme.test", PASSWORD).await.is_err_and(|(s, _)| s == StatusCode::TOO_MANY_REQUESTS));

    // The limit is per address: a colleague signs in as usual.
    app.login("max@acme.test").await;
}

#[tokio::test]
async fn deactivated_users_are_locked_out_everywhere() {
    let app = TestApp::spawn().await;
    app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let mel = app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let mel_session = app.login("mel@acme.test").await;
    let mel_api = app.api("mel@acme.test").await;
    assert_eq!(mel_api.get("/me").await.0, StatusCode::OK);

    let admin = app.login("ada@acme.test").await;
    let version = mel.version.to_string();
    // No "active" field: the checkbox is unticked.
    let res =
        admin.post(&format!("/admin/users/{}", mel.id), &[("version", version.as_str()), ("name", "Mel Member"), ("role", "member")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stored = app.store.user(mel.org_id, mel.id).await.unwrap();
    assert!(!stored.active);

    let err = app.try_login("mel@acme.test", PASSWORD).await.err().expect("sign-in refused");
    assert_eq!(err.0, StatusCode::UNAUTHORIZED);
    assert!(redirected_to_login(&mel_session.client, &app.url("/accounts")).await, "old session ended");
    assert_error(&mel_api.get("/me").await, StatusCode::UNAUTHORIZED, "unauthorized", None);
}

#[tokio::test]
async fn anonymous_pages_redirect_to_sign_in_with_next() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let res = client.get(app.url("/accounts")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?next=%2Faccounts");
    let res = client.get(app.url("/plans/7?tab=tree")).send().await.unwrap();
    assert_eq!(location(&res), "/login?next=%2Fplans%2F7%3Ftab%3Dtree");
    for path in ["/me/commitments", "/admin/users", "/contacts/1", "/accounts/1"] {
        assert!(redirected_to_login(&client, &app.url(path)).await, "{path}");
    }
    // The sign-in page carries `next` through its form.
    let (_, page) = get(&client, &app.url("/login?next=%2Fplans%2F7")).await;
    assert!(page.contains("name=\"next\" value=\"/plans/7\""), "{page}");

    // An anonymous form post is sent to sign in and stores nothing.
    let res = client.post(app.url("/accounts")).form(&[("name", "Sneaky Ltd")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login"));
    let org = app.store.ensure_org(ORG).await.unwrap();
    assert_eq!(app.store.count_accounts(org.id).await.unwrap(), 0);
}

#[tokio::test]
async fn anonymous_api_calls_get_401_json() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for (method, path) in
        [(reqwest::Method::GET, "/api/v1/accounts"), (reqwest::Method::GET, "/api/v1/me"), (reqwest::Method::POST, "/api/v1/accounts")]
    {
        let res = client.request(method.clone(), app.url(path)).json(&json!({"name": "Sneaky Ltd"})).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "unauthorized", "{body}");
    }
    // A wrong token says so, with the standard header.
    let res = client.get(app.url("/api/v1/accounts")).bearer_auth("kp_not_a_real_token").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let www = res.headers().get("www-authenticate").expect("WWW-Authenticate").to_str().unwrap().to_string();
    assert!(www.starts_with("Bearer") && www.contains("invalid_token"), "{www}");
    let org = app.store.ensure_org(ORG).await.unwrap();
    assert_eq!(app.store.count_accounts(org.id).await.unwrap(), 0);
}
