//! The server's limits and hygiene (issue 14): idle and slow connections are
//! closed, a crowd of idle sockets does not keep `/healthz` from answering,
//! an oversized body gets a JSON 413 on the API, nothing signed-in is cached,
//! the session cookie is `Secure` whenever keyplan is reached over HTTPS, and
//! absurd paging parameters are refused.

use std::time::Duration;

use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{ORG, assert_error, login_form, set_cookie, set_cookies, submit_login};

async fn short_timeouts(max_connections: usize) -> TestApp {
    TestApp::spawn_configured(|c| {
        c.header_read_timeout_seconds = 1;
        c.idle_timeout_seconds = 1;
        c.max_connections = max_connections;
    })
    .await
}

/// Reads until the server closes the connection; answers what came. Bounded:
/// gives up (and fails) after `secs` seconds.
async fn read_until_closed(stream: &mut TcpStream, secs: u64) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let read = async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(secs), read).await.expect("the server closes the connection");
    String::from_utf8_lossy(&got).into_owned()
}

#[tokio::test]
async fn a_silent_connection_is_closed() {
    let app = short_timeouts(64).await;
    let mut stream = TcpStream::connect(("127.0.0.1", app.port)).await.unwrap();
    read_until_closed(&mut stream, 20).await;
    // Half a request line, then nothing: closed too.
    let mut slow = TcpStream::connect(("127.0.0.1", app.port)).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    read_until_closed(&mut slow, 20).await;
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_its_answer() {
    let app = short_timeouts(64).await;
    let mut stream = TcpStream::connect(("127.0.0.1", app.port)).await.unwrap();
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").await.unwrap();
    let answer = read_until_closed(&mut stream, 20).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("ok"), "{answer}");
}

#[tokio::test]
async fn healthz_answers_while_many_idle_sockets_are_open() {
    let app = short_timeouts(16).await;
    let mut idle = Vec::new();
    for _ in 0..64 {
        idle.push(TcpStream::connect(("127.0.0.1", app.port)).await.unwrap());
    }
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
    let res = client.get(app.url("/healthz")).send().await.expect("/healthz answers");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "ok");
    drop(idle);
}

#[tokio::test]
async fn an_oversized_body_gets_a_json_413_on_the_api() {
    let app = TestApp::spawn_configured(|c| c.max_body_bytes = 4096).await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let got = api.post("/accounts", json!({ "name": "Globex", "notes": "x".repeat(10_000) })).await;
    assert_error(&got, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", None);
    assert!(got.1["error"]["message"].as_str().unwrap().contains("4096"), "{}", got.1);
    // Below the limit, the same call works.
    let (s, v) = api.post("/accounts", json!({ "name": "Globex" })).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn signed_in_pages_api_answers_and_downloads_are_not_cached() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Globex").await;
    let plan = api.plan(account, "Globex plan").await;
    let session = app.login("kim@acme.test").await;
    let cache = |res: &reqwest::Response| res.headers().get("cache-control").and_then(|v| v.to_str().ok()).map(str::to_string);
    for path in ["/accounts".to_string(), format!("/plans/{plan}"), format!("/plans/{plan}/export.md")] {
        let res = session.client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(cache(&res).as_deref(), Some("no-store"), "{path}");
    }
    for path in ["/api/v1/accounts".to_string(), format!("/api/v1/plans/{plan}"), format!("/api/v1/plans/{plan}/export?format=md")] {
        let res = api.client.get(app.url(&path)).bearer_auth(&api.token).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(cache(&res).as_deref(), Some("no-store"), "{path}");
    }
    // Errors too; static assets may be cached.
    let res = app.client().get(app.url("/api/v1/accounts")).send().await.unwrap();
    assert_eq!((res.status(), cache(&res).as_deref()), (StatusCode::UNAUTHORIZED, Some("no-store")));
    let res = app.client().get(app.url("/static/app.css")).send().await.unwrap();
    assert_ne!(cache(&res).as_deref(), Some("no-store"));
}

#[tokio::test]
async fn the_session_cookie_is_secure_when_keyplan_is_reached_over_https() {
    let app = TestApp::spawn_configured(|c| c.public_url = "https://plans.example.com".into()).await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let (client, csrf) = login_form(&app).await;
    let res = submit_login(&app, &client, &csrf, "kim@acme.test", keyplan_testkit::PASSWORD, "/accounts").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cookies = set_cookies(&res);
    let session = set_cookie(&cookies, "kp_session").expect("session cookie");
    assert!(session.split(';').any(|p| p.trim() == "Secure"), "{session}");
    let form = app.client().get(app.url("/login")).send().await.unwrap();
    let login = set_cookies(&form);
    let login = set_cookie(&login, "kp_login").expect("sign-in form cookie");
    assert!(login.split(';').any(|p| p.trim() == "Secure"), "{login}");

    // Over plain HTTP (a laptop, a test) it is not, unless asked.
    let plain = TestApp::spawn().await;
    plain.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let (client, csrf) = login_form(&plain).await;
    let res = submit_login(&plain, &client, &csrf, "kim@acme.test", keyplan_testkit::PASSWORD, "/accounts").await;
    let cookies = set_cookies(&res);
    let session = set_cookie(&cookies, "kp_session").expect("session cookie");
    assert!(!session.split(';').any(|p| p.trim() == "Secure"), "{session}");
}

#[tokio::test]
async fn absurd_paging_parameters_are_refused_on_every_list() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    api.account("Globex").await;
    let cases = [
        ("/accounts?limit=-5", "limit"),
        ("/accounts?limit=99999999999999999999", "limit"),
        ("/accounts?page=0", "page"),
        ("/accounts?page=-1", "page"),
        ("/accounts?page=99999999999999999", "page"),
        ("/accounts?per_page=-5", "per_page"),
        ("/accounts?per_page=1000000", "per_page"),
        ("/accounts?offset=-5", "offset"),
        ("/users?per_page=-5", "per_page"),
        ("/users?per_page=0", "per_page"),
        ("/users?per_page=100000", "per_page"),
        ("/contacts?per_page=-5", "per_page"),
        ("/contacts?per_page=999999999999", "per_page"),
    ];
    for (path, field) in cases {
        let got = api.get(path).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }
}
