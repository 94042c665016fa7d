//! Work shared by many servers, on both databases: named job leases, the
//! claims a mail round takes on notifications (a lapsed claim is taken over,
//! a live one is not), and sign-in attempt counters taken in one statement.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use keyplan_domain::Message;
use keyplan_store::{NewNotification, Store};

on_both_databases! {
    leases => sqlite_leases, postgres_leases;
    mail_claims => sqlite_mail_claims, postgres_mail_claims;
    login_counters => sqlite_login_counters, postgres_login_counters;
}

async fn leases(store: &Store) {
    let hour = time::Duration::HOUR;
    assert!(store.try_lease("reminders", "server-a", hour).await.unwrap());
    assert!(!store.try_lease("reminders", "server-b", hour).await.unwrap(), "held by a");
    assert!(store.try_lease("reminders", "server-a", hour).await.unwrap(), "a renews its own");
    assert!(store.try_lease("purge", "server-b", hour).await.unwrap(), "another job's lease is separate");
    store.release_lease("reminders", "server-a").await.unwrap();
    assert!(store.try_lease("reminders", "server-b", -time::Duration::SECOND).await.unwrap(), "given back: b takes it");
    assert!(store.try_lease("reminders", "server-c", hour).await.unwrap(), "b's lease has lapsed: c takes it");
}

async fn mail_claims(store: &Store) {
    let org = store.ensure_org("Acme").await.unwrap().id;
    let ben = common::kam(store, org, "Ben").await;
    for i in 0..5 {
        let message = Message::verbatim(format!("note {i}"));
        let n = NewNotification { org, user: ben.id, kind: "comment", plan: None, message: &message, link: "/", dedupe_key: None };
        assert!(store.notify(&n).await.unwrap());
    }
    let since = time::OffsetDateTime::now_utc() - time::Duration::HOUR;
    let minutes = time::Duration::minutes(5);
    // A server claimed all five and died: its claim (here: already lapsed) is taken over.
    let dead = store.claim_unmailed("round-dead", since, -time::Duration::SECOND, 10).await.unwrap();
    assert_eq!(dead.len(), 5);
    let a = store.claim_unmailed("round-a", since, minutes, 3).await.unwrap();
    assert_eq!(a.len(), 3, "the lapsed claim is taken over; the batch size holds");
    let b = store.claim_unmailed("round-b", since, minutes, 10).await.unwrap();
    assert_eq!(b.len(), 2, "the rest, never what a holds");
    assert!(a.iter().all(|x| b.iter().all(|y| x.id != y.id)));
    assert!(store.claim_unmailed("round-c", since, minutes, 10).await.unwrap().is_empty(), "all claimed");
    // a mails one; b is cut off (server unreachable) and lets go at once.
    store.mark_claimed_emailed(a[0].id).await.unwrap();
    store.release_unmailed("round-b").await.unwrap();
    let c = store.claim_unmailed("round-c", since, minutes, 10).await.unwrap();
    assert_eq!(c.len(), 2, "b's released notifications, not a's live claims");
    for n in c.iter().chain(&a[1..]) {
        store.mark_claimed_emailed(n.id).await.unwrap();
    }
    assert!(store.claim_unmailed("round-d", since, minutes, 10).await.unwrap().is_empty(), "all mailed");
    assert!(store.unmailed_notifications(since, 10).await.unwrap().is_empty());
}

async fn login_counters(store: &Store) {
    let window = time::Duration::minutes(15);
    for expected in 1..=3 {
        assert_eq!(store.count_login_attempt("email:kim@acme.test", window).await.unwrap(), expected);
    }
    assert_eq!(store.count_login_attempt("ip:127.0.0.1", window).await.unwrap(), 1, "keys are separate");
    store.uncount_login_attempt("email:kim@acme.test").await.unwrap();
    assert_eq!(store.count_login_attempt("email:kim@acme.test", window).await.unwrap(), 3);
    // An empty window: the count starts again.
    assert_eq!(store.count_login_attempt("email:kim@acme.test", -time::Duration::SECOND).await.unwrap(), 1);
    // Simultaneous attempts each see their own number.
    let counts = futures_join(store, "email:burst@acme.test", 20, window).await;
    let mut sorted = counts.clone();
    sorted.sort();
    assert_eq!(sorted, (1..=20).collect::<Vec<i64>>(), "{counts:?}");
}

async fn futures_join(store: &Store, key: &str, n: usize, window: time::Duration) -> Vec<i64> {
    let mut tasks = Vec::new();
    for _ in 0..n {
        let (store, key) = (store.clone(), key.to_string());
        tasks.push(tokio::spawn(async move { store.count_login_attempt(&key, window).await.unwrap() }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}
