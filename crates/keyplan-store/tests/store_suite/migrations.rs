//! Migrations on both databases: running them again keeps the data, an
//! up-to-date database is checked with one statement, and a quiet SQLite
//! pool gives back its idle connections' caches.

use keyplan_store::{Backend, Store};

use super::common;

on_both_databases! {
    migrations_and_ping => sqlite_migrations_and_ping, postgres_migrations_and_ping;
}

async fn migrations_and_ping(store: &Store) {
    let org = store.default_org().await.unwrap();
    assert_eq!((org.name.as_str(), org.currency.as_str()), ("My company", "EUR"));
    // The harness migrated once already; running again changes nothing and keeps data.
    store.migrate().await.expect("second migrate");
    // An up-to-date database is checked with one statement (issue 18).
    let before = store.query_count();
    store.migrate().await.expect("third migrate");
    assert_eq!(store.query_count(), before + 1, "migrating an up-to-date database");
    assert_eq!(store.org(org.id).await.unwrap().name, "My company");
    assert_eq!(store.default_org().await.unwrap().id, org.id);
    assert_eq!(store.count_users().await.unwrap(), 0);

    let before = store.query_count();
    store.ping().await.expect("ping");
    assert_eq!(store.query_count(), before + 1);

    // A quiet server has its idle SQLite connections give back their caches;
    // the store works on as before. PostgreSQL's server keeps its own.
    match store.backend() {
        Backend::Sqlite => {
            assert!(shrunk_when_idle(store).await >= 1, "the pool's idle connection was shrunk");
            assert_eq!(store.org(org.id).await.unwrap().name, "My company");
            assert!(shrunk_when_idle(store).await >= 1, "the connections went back to the pool");
        }
        Backend::Postgres => assert_eq!(store.release_memory().await, 0),
    }
    assert_eq!(store.org(org.id).await.unwrap().name, "My company");
}

/// [`Store::release_memory`] once a connection is idle: the pool takes a
/// used connection back on a task of its own, a moment after the statement.
async fn shrunk_when_idle(store: &Store) -> usize {
    for _ in 0..500 {
        let n = store.release_memory().await;
        if n > 0 {
            return n;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    0
}
