//! Crash safety (issue 14): writes go through the API of a real `keyplan
//! serve` process, which is killed with SIGKILL in the middle of them, five
//! times, and restarted. Every write the server acknowledged must be there
//! afterwards, and SQLite's `PRAGMA integrity_check` must say `ok`. The same
//! once on a fresh PostgreSQL database (needs `KEYPLAN_TEST_PG`).
//!
//! Run with `cargo test -p keyplan-testkit --test crash`.

use std::sync::{Arc, Mutex};

use keyplan_domain::Role;
use keyplan_store::{NewUser, Store};
use keyplan_testkit::process::{FreshDb, ServerProcess};
use keyplan_testkit::{Api, PASSWORD};
use reqwest::StatusCode;
use serde_json::json;
use sqlx::Connection;

/// Acknowledged writes a round waits for before it pulls the plug.
const ACKED_PER_ROUND: usize = 40;
/// Writers sending at the same time.
const WRITERS: usize = 4;

async fn token(db: &FreshDb) -> String {
    let store = Store::connect(&db.url).await.expect("connect");
    let org = store.ensure_org("Acme").await.expect("organisation");
    let hash = keyplan_app::auth::hash_password(PASSWORD.into()).await.expect("hash");
    let kim = store
        .create_user(org.id, NewUser { email: "kim@acme.test", name: "Kim Kamara", role: Role::Kam, password_hash: &hash })
        .await
        .expect("user");
    let token = keyplan_app::auth::new_api_token();
    store.create_api_token(kim.id, "crash test", &keyplan_app::auth::token_hash(&token), None).await.expect("token");
    store.close().await;
    token
}

/// One round: writers create accounts until enough are acknowledged, then the
/// server is killed while they go on. Answers the acknowledged names.
async fn round(db: &FreshDb, token: &str, round: usize) -> Vec<String> {
    let server = ServerProcess::start(&db.url, &[]).await;
    let acked = Arc::new(Mutex::new(Vec::new()));
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let api = Api { client: reqwest::Client::new(), token: token.to_string(), base: server.base.clone() };
        let acked = acked.clone();
        writers.push(tokio::spawn(async move {
            // Bounded: a writer stops at its 10,000th write or the first refused connection.
            for i in 0..10_000 {
                let name = format!("Crash r{round} w{w} n{i}");
                let req = api.client.post(format!("{}/api/v1/accounts", api.base)).bearer_auth(&api.token).json(&json!({ "name": name }));
                match req.send().await {
                    Ok(res) if res.status() == StatusCode::CREATED => acked.lock().unwrap().push(name),
                    Ok(res) => panic!("unexpected answer {} for {name}", res.status()),
                    // The server is gone: what it did not acknowledge may or may not be stored.
                    Err(_) => return,
                }
            }
        }));
    }
    // Bounded wait for enough acknowledged writes (the writers stop by themselves too).
    for _ in 0..6000 {
        if acked.lock().unwrap().len() >= ACKED_PER_ROUND {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    server.kill9().await;
    for w in writers {
        w.await.expect("writer");
    }
    let names = acked.lock().unwrap().clone();
    assert!(names.len() >= ACKED_PER_ROUND, "round {round}: only {} writes acknowledged", names.len());
    names
}

async fn stored_names(db: &FreshDb) -> Vec<String> {
    const SQL: &str = "SELECT name FROM accounts";
    let rows: Vec<(String,)> = if db.is_postgres() {
        let mut c = sqlx::PgConnection::connect(&db.url).await.expect("connect");
        let rows = sqlx::query_as(SQL).fetch_all(&mut c).await.expect("accounts");
        let _ = c.close().await;
        rows
    } else {
        let mut c = sqlx::SqliteConnection::connect(&db.url).await.expect("connect");
        let rows = sqlx::query_as(SQL).fetch_all(&mut c).await.expect("accounts");
        let _ = c.close().await;
        rows
    };
    rows.into_iter().map(|r| r.0).collect()
}

async fn crash_rounds(db: &FreshDb, rounds: usize) {
    // The first start migrates the database.
    ServerProcess::start(&db.url, &[]).await.kill9().await;
    let token = token(db).await;
    let mut acknowledged = Vec::new();
    for r in 0..rounds {
        acknowledged.extend(round(db, &token, r).await);
    }
    // Restarted once more: the server comes up on what the crashes left.
    let server = ServerProcess::start(&db.url, &[]).await;
    let res = reqwest::get(server.url("/healthz")).await.expect("healthz");
    assert_eq!(res.status(), StatusCode::OK);
    server.kill9().await;
    let stored = stored_names(db).await;
    let missing: Vec<&String> = acknowledged.iter().filter(|n| !stored.contains(n)).collect();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    eprintln!("{} rounds, {} acknowledged writes, {} stored, none lost", rounds, acknowledged.len(), stored.len());
}

#[tokio::test]
async fn sqlite_keeps_every_acknowledged_write_over_five_kills() {
    let db = FreshDb::sqlite();
    crash_rounds(&db, 5).await;
    let mut conn = sqlx::SqliteConnection::connect(&db.url).await.expect("open the file");
    let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&mut conn).await.expect("integrity_check");
    assert_eq!(check, "ok");
    let _ = conn.close().await;
}

#[tokio::test]
async fn postgres_keeps_every_acknowledged_write_over_a_kill() {
    let Some(db) = FreshDb::postgres().await else { return };
    assert!(db.is_postgres());
    crash_rounds(&db, 2).await;
}
