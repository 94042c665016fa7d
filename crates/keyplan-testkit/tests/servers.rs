//! Several real `keyplan serve` processes (the built binary), as in
//! production behind a load balancer (issue 14):
//!
//! - three servers on one fresh PostgreSQL database with a local SMTP sink:
//!   fifty commitments proposed through all three are mailed exactly fifty
//!   times (each mail round claims its notifications first);
//! - one server's memory during sixty simultaneous sign-ins and after: the
//!   password checks run a few at a time, so it stays small and comes back.
//!
//! Run with `cargo test -p keyplan-testkit --test servers`; the PostgreSQL test
//! needs `KEYPLAN_TEST_PG` (skipped without it unless `KEYPLAN_REQUIRE_PG=1`).

use std::collections::BTreeSet;
use std::time::Duration;

use keyplan_domain::Role;
use keyplan_store::{NewUser, Store};
use keyplan_testkit::process::{FreshDb, ServerProcess, memory};
use keyplan_testkit::smtp::SmtpSink;
use keyplan_testkit::{Api, PASSWORD, hidden_value};
use reqwest::StatusCode;
use serde_json::json;

/// A user with [`PASSWORD`] and, when asked, an API token for it.
async fn user(store: &Store, email: &str, name: &str, role: Role) -> (i64, String) {
    let org = store.ensure_org("Acme").await.expect("organisation");
    let hash = keyplan_app::auth::hash_password(PASSWORD.into()).await.expect("hash");
    let u = store.create_user(org.id, NewUser { email, name, role, password_hash: &hash }).await.expect("user");
    let token = keyplan_app::auth::new_api_token();
    store.create_api_token(u.id, "test", &keyplan_app::auth::token_hash(&token), None).await.expect("token");
    (u.id.get(), token)
}

fn mail_env(smtp_port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("KEYPLAN_PUBLIC_URL", "https://plans.example.com".into()),
        ("KEYPLAN_SMTP_ENABLED", "true".into()),
        ("KEYPLAN_SMTP_HOST", "127.0.0.1".into()),
        ("KEYPLAN_SMTP_PORT", smtp_port.to_string()),
        ("KEYPLAN_SMTP_TLS", "none".into()),
        ("KEYPLAN_SMTP_FROM", "keyplan <plans@acme.test>".into()),
        ("KEYPLAN_SMTP_INTERVAL_SECONDS", "1".into()),
    ]
}

#[tokio::test]
async fn three_servers_on_one_postgres_database_mail_each_notification_once() {
    let Some(db) = FreshDb::postgres().await else { return };
    let sink = SmtpSink::start().await;
    // The first server migrates the new database; the others find it ready.
    let first = ServerProcess::start(&db.url, &mail_env(sink.port)).await;
    let store = Store::connect(&db.url).await.expect("connect");
    let (_, kim_token) = user(&store, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let mut members = Vec::new();
    for i in 0..5 {
        members.push(user(&store, &format!("m{i}@acme.test"), &format!("Member {i}"), Role::Member).await.0);
    }
    let servers =
        vec![first, ServerProcess::start(&db.url, &mail_env(sink.port)).await, ServerProcess::start(&db.url, &mail_env(sink.port)).await];
    let apis: Vec<Api> =
        servers.iter().map(|s| Api { client: reqwest::Client::new(), token: kim_token.clone(), base: s.base.clone() }).collect();
    let account = apis[0].account("Globex Chemicals").await;
    let plan = apis[1].plan(account, "Globex plan 2027").await;
    let tree = apis[2].skeleton(plan).await;
    // Fifty proposals, spread over the three servers like a load balancer would.
    for i in 0..50 {
        let api = &apis[i % 3];
        let body = json!({"kind": "commitment", "parent_id": tree[3], "title": format!("Trial run {i:02}"),
            "owner_id": members[i % members.len()], "due_date": "2027-03-31", "done_criterion": "Signed off"});
        let (s, v) = api.post(&format!("/plans/{plan}/nodes"), body).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let got = sink.wait_for(50, 90).await;
    assert_eq!(got.len(), 50, "every notification mailed");
    // Three more mail rounds on every server: nothing is sent twice.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let got = sink.received();
    let titles: BTreeSet<String> =
        got.iter().filter_map(|m| m.data.replace("\n ", " ").split("Trial run ").nth(1).map(|t| t[..2].to_string())).collect();
    assert_eq!(got.len(), 50, "exactly fifty mails for fifty notifications");
    assert_eq!(titles.len(), 50, "one for each commitment: {titles:?}");
    store.close().await;
    for s in servers {
        s.kill9().await;
    }
}

/// A fresh sign-in form's client and CSRF token.
async fn form(base: &str) -> (reqwest::Client, String) {
    let c = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let page = c.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = hidden_value(&page, "_csrf").unwrap();
    (c, csrf)
}

/// Sixty people at sixty addresses, wrong passwords, all at once. Answers the
/// statuses and the largest anonymous memory (KiB) sampled meanwhile.
async fn burst(server: &ServerProcess, round: usize) -> (Vec<StatusCode>, u64) {
    let mut forms = Vec::new();
    for i in 0..60 {
        forms.push((form(&server.base).await, i));
    }
    let pid = server.pid;
    let (stop_tx, mut stop_rx) = tokio::sync::oneshot::channel::<()>();
    let sampler = tokio::spawn(async move {
        let mut peak = 0;
        // Bounded: at most 60 s of samples.
        for _ in 0..3000 {
            peak = peak.max(memory(pid).anon);
            if stop_rx.try_recv().is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        peak
    });
    let mut tasks = Vec::new();
    for ((c, csrf), i) in forms {
        let url = server.url("/login");
        tasks.push(tokio::spawn(async move {
            c.post(url)
                .header("x-forwarded-for", format!("198.51.{round}.{}", i + 1))
                .form(&[("_csrf", csrf.as_str()), ("email", &format!("p{i}@acme.test")), ("password", "wrong horse")])
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let _ = stop_tx.send(());
    (statuses, sampler.await.unwrap())
}

#[tokio::test]
async fn sixty_simultaneous_sign_ins_keep_the_server_small() {
    let db = FreshDb::sqlite();
    let env = vec![("KEYPLAN_TRUST_PROXY", "true".to_string())];
    let server = ServerProcess::start(&db.url, &env).await;
    let store = Store::connect(&db.url).await.expect("connect");
    user(&store, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let start = server.memory();
    // A sign-in warms the server up (one password check).
    let (client, csrf) = form(&server.base).await;
    let res = client
        .post(server.url("/login"))
        .form(&[("_csrf", csrf.as_str()), ("email", "kim@acme.test"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let before = server.memory();

    let (statuses, anon_peak) = burst(&server, 1).await;
    let during = server.memory();
    // Quiet for a moment, the server gives the password checks' buffers back
    // (the trimmer looks once a second): wait up to 5 s for that.
    let given_back = |m: &keyplan_testkit::process::Memory| m.anon < start.anon + 16 * 1024;
    let mut after = server.memory();
    for _ in 0..50 {
        if given_back(&after) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        after = server.memory();
    }
    // The same again: the memory does not grow with every burst.
    let (again, anon_peak_again) = burst(&server, 2).await;
    let after_again = server.memory();
    let mib = |k: u64| k / 1024;
    eprintln!(
        "server memory (MiB): at start RSS {} (anon {}, binary and files {}); after one sign-in RSS {} (anon {}); \
         first burst: peak RSS (VmHWM) {}, peak anon {}, once quiet RSS {} (anon {}); second burst: peak anon {}, VmHWM {}",
        mib(start.rss),
        mib(start.anon),
        mib(start.file),
        mib(before.rss),
        mib(before.anon),
        mib(during.hwm),
        mib(anon_peak),
        mib(after.rss),
        mib(after.anon),
        mib(anon_peak_again),
        mib(after_again.hwm),
    );
    for s in [&statuses, &again] {
        let wrong = s.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
        let busy = s.iter().filter(|s| **s == StatusCode::SERVICE_UNAVAILABLE).count();
        eprintln!("{wrong} x 401, {busy} x 503");
        assert_eq!(wrong + busy, 60, "{s:?}");
        assert!(busy > 0, "over the limit, callers are told to try again: {s:?}");
    }
    // What the server allocates stays far below 100 MiB: one Argon2 buffer per core.
    assert!(anon_peak < 100 * 1024, "peak anonymous memory {anon_peak} KiB");
    assert!(anon_peak_again <= anon_peak + 8 * 1024, "a second burst needs no more: {anon_peak_again} KiB after {anon_peak} KiB");
    assert!(after.anon < 100 * 1024, "afterwards: {} KiB", after.anon);
    // Kept for good, Argon2's buffers held 19 MiB per core after the first
    // sign-in for the server's whole life (issue 18): now, once the server
    // is quiet, less than one buffer above the start is left.
    assert!(given_back(&after), "quiet after the burst: anon {} KiB, at start {} KiB", after.anon, start.anon);
    store.close().await;
    server.kill9().await;
}
