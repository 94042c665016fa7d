//! Sign-in under bursts (issue 14): attempts are counted in the database
//! before the password is checked, so simultaneous wrong passwords for one
//! e-mail meet the limit; password checks run a few at a time and callers over
//! that are told to try again; behind a load balancer the client is the
//! right-most forwarded address that is not a trusted proxy.

use keyplan_domain::Role;
use keyplan_testkit::{PASSWORD, TestApp};
use reqwest::StatusCode;

use crate::helpers::{ORG, login_form, submit_login};

/// Fills in `n` sign-in forms first, then posts them all at once; answers the statuses.
async fn burst(app: &TestApp, n: usize, email: impl Fn(usize) -> String, forwarded: impl Fn(usize) -> Option<String>) -> Vec<StatusCode> {
    let mut forms = Vec::new();
    for i in 0..n {
        forms.push((login_form(app).await, email(i), forwarded(i)));
    }
    let posts = forms.into_iter().map(|((client, csrf), email, xff)| {
        let url = app.url("/login");
        async move {
            let mut req =
                client.post(url).form(&[("_csrf", csrf.as_str()), ("email", &email), ("password", "wrong horse"), ("next", "/accounts")]);
            if let Some(x) = xff {
                req = req.header("x-forwarded-for", x);
            }
            let res = req.send().await.expect("POST /login");
            if res.status() == StatusCode::SERVICE_UNAVAILABLE {
                assert_eq!(res.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("1"), "says when to try again");
            }
            res.status()
        }
    });
    let mut handles = Vec::new();
    for p in posts {
        handles.push(tokio::spawn(p));
    }
    let mut statuses = Vec::new();
    for h in handles {
        statuses.push(h.await.expect("request task"));
    }
    statuses
}

fn count(statuses: &[StatusCode], s: StatusCode) -> usize {
    statuses.iter().filter(|&&x| x == s).count()
}

#[tokio::test]
async fn forty_wrong_passwords_at_once_for_one_email_meet_the_limit() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let statuses = burst(&app, 40, |_| "kim@acme.test".into(), |_| None).await;
    let (wrong, limited, busy) = (
        count(&statuses, StatusCode::UNAUTHORIZED),
        count(&statuses, StatusCode::TOO_MANY_REQUESTS),
        count(&statuses, StatusCode::SERVICE_UNAVAILABLE),
    );
    assert_eq!(wrong + limited + busy, 40, "only 401, 429 or 503: {statuses:?}");
    assert!(wrong <= 5, "at most the 5 allowed failures reach the password check: {statuses:?}");
    assert!(limited >= 35 - busy.min(5), "the rest are refused before it: {statuses:?}");
    // The limit holds for the right password too, until the window ends.
    let (client, csrf) = login_form(&app).await;
    let res = submit_login(&app, &client, &csrf, "kim@acme.test", PASSWORD, "/accounts").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn sixty_at_once_keep_to_the_password_check_limit() {
    let app = TestApp::spawn_configured(|c| {
        c.login_concurrency = 2;
        c.trust_proxy = true;
    })
    .await;
    // Sixty people from sixty addresses: no rate limit applies, all want Argon2.
    let statuses = burst(&app, 60, |i| format!("person{i}@acme.test"), |i| Some(format!("198.51.100.{}", i + 1))).await;
    let (wrong, busy) = (count(&statuses, StatusCode::UNAUTHORIZED), count(&statuses, StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(wrong + busy, 60, "401 or 503 only: {statuses:?}");
    assert!(wrong >= 2, "the slots were used: {statuses:?}");
    assert!(busy > 0, "over the limit, callers are told to try again rather than queued: {statuses:?}");
    // A 503 does not count as a failed attempt: the same people may sign in at once.
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    assert!(kim.active);
    app.login("kim@acme.test").await;
}

/// One wrong password for `email`, with `X-Forwarded-For: xff`.
async fn fail_once(app: &TestApp, email: &str, xff: &str) -> StatusCode {
    let (client, csrf) = login_form(app).await;
    let res = client
        .post(app.url("/login"))
        .header("x-forwarded-for", xff)
        .form(&[("_csrf", csrf.as_str()), ("email", email), ("password", "wrong horse"), ("next", "/")])
        .send()
        .await
        .expect("POST /login");
    res.status()
}

#[tokio::test]
async fn behind_a_proxy_the_client_is_the_right_most_untrusted_address() {
    let app = TestApp::spawn_configured(|c| c.trust_proxy = true).await;
    // Twenty failures from one client, each with a different forged left-most entry.
    for i in 0..20 {
        let s = fail_once(&app, &format!("p{i}@acme.test"), &format!("10.66.0.{i}, 203.0.113.9")).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let s = fail_once(&app, "other@acme.test", "10.66.1.1, 203.0.113.9").await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "the forged entries do not hide the client");
    // Another client behind the same (trusted, loopback) balancer is not limited.
    let s = fail_once(&app, "other@acme.test", "10.66.1.1, 203.0.113.10").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_untrusted_peer_cannot_choose_its_address() {
    // The test client connects from loopback; trust only another address.
    let app = TestApp::spawn_configured(|c| {
        c.trust_proxy = true;
        c.trusted_proxies = vec!["192.0.2.1".into()];
    })
    .await;
    for i in 0..20 {
        let s = fail_once(&app, &format!("q{i}@acme.test"), &format!("203.0.113.{}", i + 1)).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let s = fail_once(&app, "r@acme.test", "203.0.113.200").await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "all twenty came from the same peer, whatever they said");
}
