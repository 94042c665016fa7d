//! History lines and notifications written before migration 0007, when keyplan
//! kept them as English text, on both databases: after migrating, every such row
//! has a message code, reads in English exactly as written and in German as
//! keyplan has always shown it. Rows written since then are left alone.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use std::str::FromStr;

use common::{kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::{Lang, Message};
use keyplan_i18n::Tr;
use keyplan_store::{NewNotification, Store};
use sqlx::Connection;

on_both_databases! {
    with_url:
    old_rows_read_translated_after_migrating => sqlite_old_rows_read_translated_after_migrating, postgres_old_rows_read_translated_after_migrating;
}

/// A second connection that writes rows the way keyplan did before migration 0007.
enum Raw {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Raw {
    async fn open(url: &str) -> Raw {
        if url.starts_with("sqlite:") {
            let opts = sqlx::sqlite::SqliteConnectOptions::from_str(url).unwrap().busy_timeout(std::time::Duration::from_secs(5));
            Raw::Sqlite(sqlx::SqliteConnection::connect_with(&opts).await.unwrap())
        } else {
            Raw::Postgres(sqlx::PgConnection::connect(url).await.unwrap())
        }
    }

    /// Turns every row of `table` into an old-style one: its English text in
    /// `column` (in id order) and no message code.
    async fn make_old(&mut self, table: &str, column: &str, texts: &[&str]) {
        let ids_sql = sqlx::AssertSqlSafe(format!("SELECT id FROM {table} ORDER BY id"));
        let ids: Vec<i64> = match self {
            Raw::Sqlite(c) => sqlx::query_scalar(ids_sql).fetch_all(c).await.unwrap(),
            Raw::Postgres(c) => sqlx::query_scalar(ids_sql).fetch_all(c).await.unwrap(),
        };
        assert_eq!(ids.len(), texts.len());
        for (id, text) in ids.into_iter().zip(texts) {
            let sql =
                sqlx::AssertSqlSafe(format!("UPDATE {table} SET {column} = $1, message_code = NULL, message_args = NULL WHERE id = $2"));
            let n = match self {
                Raw::Sqlite(c) => sqlx::query(sql).bind(*text).bind(id).execute(c).await.map(|r| r.rows_affected()),
                Raw::Postgres(c) => sqlx::query(sql).bind(*text).bind(id).execute(c).await.map(|r| r.rows_affected()),
            };
            assert_eq!(n.unwrap(), 1);
        }
    }

    /// Forgets that the fix-ups ran, as in a database older than the
    /// record of them (migration 0029), which is where old rows live.
    async fn forget_upkeep(&mut self) {
        let sql = "DELETE FROM schema_upkeep";
        let n = match self {
            Raw::Sqlite(c) => sqlx::query(sql).execute(c).await.map(|r| r.rows_affected()),
            Raw::Postgres(c) => sqlx::query(sql).execute(c).await.map(|r| r.rows_affected()),
        };
        assert_eq!(n.unwrap(), 1, "the migrated database recorded its fix-ups");
    }

    async fn close(self) {
        let _ = match self {
            Raw::Sqlite(c) => c.close().await,
            Raw::Postgres(c) => c.close().await,
        };
    }
}

/// How an old English line reads now: as written, with its dates in the pages' form.
fn reads(english: &str) -> String {
    english.replace("2027-03-31", "31 Mar 2027")
}

/// History lines as keyplan wrote them, and how a German reader has always seen them.
const LINES: &[(&str, &str)] = &[
    ("created the plan", "hat den Plan angelegt"),
    ("added obstacle “No budget”", "hat hinzugefügt: Hindernis „No budget“"),
    ("declined commitment “Run trial”: no time", "hat die Zusage „Run trial“ abgelehnt: no time"),
    (
        "proposed a new date for commitment “Run trial” (2027-03-31)",
        "hat für die Zusage „Run trial“ einen neuen Termin vorgeschlagen (31. März 2027)",
    ),
    (
        "held the team review of 24 Oct 2026; the plan was frozen as a snapshot",
        "hat die Team-Überprüfung vom 24. Oktober 2026 abgehalten; der Plan wurde als Stand eingefroren",
    ),
    ("did something new", "did something new"),
];

/// Notifications (all of kind `commitment_due` or `comment`) as keyplan wrote them, and in German.
const NOTES: &[(&str, &str, &str)] = &[
    (
        "commitment_due",
        "Due in 3 days, on 2027-03-31: Run the trial (Brightwater 2027)",
        "Fällig in 3 Tagen, am 31. März 2027: Run the trial (Brightwater 2027)",
    ),
    (
        "comment",
        "Lena Hoffmann commented on “Run the trial” in Brightwater 2027: Looks good",
        "Lena Hoffmann hat „Run the trial“ in Brightwater 2027 kommentiert: Looks good",
    ),
    ("comment", "Something else", "Something else"),
];

async fn old_rows_read_translated_after_migrating(store: &Store, url: &str) {
    let (en, de) = (Tr::new(Lang::En), Tr::new(Lang::De));
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let ann = kam(store, org, "Ann Archer").await;
    let data = AccountInput { name: "Brightwater".into(), owner_id: ann.id.to_string(), ..Default::default() }.validate().unwrap();
    let account = store.create_account(org, &data, ann.id).await.unwrap();
    let plan = store.create_plan(org, account.id, &plan_input("Brightwater 2027"), "strategic", ann.id).await.unwrap();
    let placeholder = Message::new("stored-plan-created");
    for i in 0..LINES.len() {
        store.record_activity(org, plan.id, Some(ann.id), "updated", "node", Some(i as i64), &placeholder).await.unwrap();
    }
    for (kind, _, _) in NOTES {
        let n = NewNotification {
            org,
            user: ann.id,
            kind,
            plan: Some(plan.id),
            message: &placeholder,
            link: "/me/commitments",
            dedupe_key: None,
        };
        assert!(store.notify(&n).await.unwrap());
    }
    let mut raw = Raw::open(url).await;
    raw.make_old("activity", "summary", &LINES.iter().map(|(en, _)| *en).collect::<Vec<_>>()).await;
    raw.make_old("notifications", "message", &NOTES.iter().map(|(_, en, _)| *en).collect::<Vec<_>>()).await;
    raw.forget_upkeep().await;
    raw.close().await;

    // Migrating (as every start does) gives the old rows their codes.
    store.migrate().await.unwrap();

    let mut history = store.activity(org, plan.id, None).await.unwrap();
    history.reverse();
    assert_eq!(history.len(), LINES.len());
    for (a, (english, german)) in history.iter().zip(LINES) {
        let m = a.message();
        assert_eq!(en.msg(&m), reads(english), "{m:?}");
        assert_eq!(de.msg(&m), *german, "{m:?}");
    }
    assert_eq!(history[1].message_code, "stored-written");
    assert_eq!(history[5].message(), Message::verbatim("did something new"), "an unknown form is kept as written");

    let mut notes = store.notifications(org, ann.id, 10).await.unwrap();
    notes.sort_by_key(|n| n.id);
    assert_eq!(notes.len(), NOTES.len());
    for (n, (kind, english, german)) in notes.iter().zip(NOTES) {
        assert_eq!(n.kind, *kind);
        assert_eq!(en.msg(&n.message()), reads(english));
        assert_eq!(de.msg(&n.message()), *german);
    }
    let hour_ago = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    let unmailed = store.unmailed_notifications(hour_ago, 10).await.unwrap();
    assert_eq!(en.msg(&unmailed[0].message()), reads(NOTES[0].1), "mail reads the same message");

    // Migrating again changes nothing; rows written by code are never parsed.
    store.migrate().await.unwrap();
    let again = store.activity(org, plan.id, None).await.unwrap();
    assert_eq!(again.iter().map(|a| a.message()).collect::<Vec<_>>(), history.iter().rev().map(|a| a.message()).collect::<Vec<_>>());
}
