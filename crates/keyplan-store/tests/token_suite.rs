//! API tokens on both databases: an expired or revoked token opens nothing,
//! use is noted (at most once a minute), lists and revocation stay inside the organisation.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use keyplan_domain::Role;
use keyplan_store::Store;
use time::{Duration, OffsetDateTime};

on_both_databases! {
    token_life => sqlite_token_life, postgres_token_life;
}

async fn token_life(store: &Store) {
    let org = store.ensure_org("Acme").await.unwrap().id;
    let other = store.ensure_org("Other").await.unwrap().id;
    let ann = common::kam(store, org, "Ann").await;
    let bob = common::user(store, org, "Bob", Role::Member).await;
    let zoe = common::kam(store, other, "Zoe").await;
    let now = OffsetDateTime::now_utc();

    let sync = store.create_api_token(ann.id, "CRM sync", "h-sync", Some(now + Duration::days(30))).await.unwrap();
    let old = store.create_api_token(ann.id, "old script", "h-old", Some(now - Duration::seconds(1))).await.unwrap();
    let forever = store.create_api_token(bob.id, "report", "h-bob", None).await.unwrap();
    let theirs = store.create_api_token(zoe.id, "theirs", "h-zoe", None).await.unwrap();

    assert!(store.token_user("h-sync").await.unwrap().is_some());
    assert!(store.token_user("h-old").await.unwrap().is_none(), "an expired token opens nothing");
    assert!(store.token_user("h-bob").await.unwrap().is_some(), "no expiry: works");

    let mine = store.list_api_tokens(Some(org), Some(ann.id)).await.unwrap();
    assert_eq!(mine.iter().map(|t| t.id).collect::<Vec<_>>(), [old, sync], "newest first, only Ann's");
    let used = mine.iter().find(|t| t.id == sync).unwrap();
    assert!(used.last_used_at.is_some_and(|at| at >= now - Duration::seconds(5)), "use is noted");
    assert_eq!(used.state(OffsetDateTime::now_utc()), "live");
    // Used again within the minute: one statement that reads, and the noted time stays.
    let before = store.query_count();
    assert!(store.token_user("h-sync").await.unwrap().is_some());
    assert_eq!(store.query_count() - before, 1, "a repeated use within the minute writes nothing");
    let again = store.api_token(Some(org), sync).await.unwrap().unwrap();
    assert_eq!(again.last_used_at, used.last_used_at);
    let expired = mine.iter().find(|t| t.id == old).unwrap();
    assert_eq!((expired.state(OffsetDateTime::now_utc()), expired.last_used_at), ("expired", None));
    assert_eq!((used.user_name.as_str(), used.name.as_str()), ("Ann", "CRM sync"));

    let all = store.list_api_tokens(Some(org), None).await.unwrap();
    assert_eq!(all.len(), 3, "the organisation's tokens, none of another's");
    assert!(all.iter().all(|t| t.id != theirs));
    assert_eq!(store.list_api_tokens(None, None).await.unwrap().len(), 4, "the operator sees every organisation's");

    assert!(!store.revoke_api_token(Some(org), theirs).await.unwrap(), "another organisation's token is not found");
    assert!(store.token_user("h-zoe").await.unwrap().is_some());
    assert!(store.api_token(Some(org), theirs).await.unwrap().is_none());

    assert!(store.revoke_api_token(Some(org), forever).await.unwrap());
    assert!(store.token_user("h-bob").await.unwrap().is_none(), "revoked");
    let first = store.api_token(Some(org), forever).await.unwrap().unwrap().revoked_at;
    assert!(store.revoke_api_token(Some(org), forever).await.unwrap(), "again: still there");
    assert_eq!(store.api_token(Some(org), forever).await.unwrap().unwrap().revoked_at, first, "the first revocation stays");
    assert_eq!(store.api_token(Some(org), forever).await.unwrap().unwrap().state(OffsetDateTime::now_utc()), "revoked");
}
