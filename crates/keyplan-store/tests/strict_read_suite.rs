//! Strict reads on both databases: an enumeration text the code does not know,
//! written behind the store's back, fails every read of its row with
//! `StoreError::Corrupt` (naming the column and the text) instead of passing for
//! a default such as an obstacle or a viewer. NULL in an optional column still
//! reads as none.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use std::str::FromStr;
use std::time::Duration;

use common::{TODAY, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::analysis::{Category, ItemData, ItemKind, LinkKind};
use keyplan_domain::contact::ContactInput;
use keyplan_domain::kpi::{KpiData, Period};
use keyplan_domain::plan::{PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::review::ReviewKind;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::whitespace::{CellData, CellStatus};
use keyplan_domain::{OrgId, Role, UnknownText};
use keyplan_store::{NewNotification, NodeWrite, Store, StoreError, StoreResult, User};
use sqlx::Connection;
use time::macros::date;

on_both_databases! {
    with_url:
    unknown_enum_texts_fail_the_read => sqlite_unknown_enum_texts_fail_the_read, postgres_unknown_enum_texts_fail_the_read;
}

const SESSION: &str = "session-hash";

/// Where each unknown text goes: table, column, the text, and what it should have named.
const CASES: &[(&str, &str, &str, &str)] = &[
    ("users", "role", "wizard", "role"),
    ("users", "language", "fr", "language"),
    ("organisations", "value_discipline", "cheapest", "value discipline"),
    ("accounts", "growth_trend", "sideways", "growth trend"),
    ("contacts", "buying_role", "kingmaker", "buying role"),
    ("contacts", "attitude", "hostile", "attitude"),
    ("plans", "status", "shelved", "plan status"),
    ("nodes", "kind", "banana", "node kind"),
    ("nodes", "benefit", "nobody", "benefit"),
    ("nodes", "status", "stalled", "commitment status"),
    ("nodes", "acceptance", "maybe", "acceptance"),
    ("nodes", "visibility", "public", "visibility"),
    ("plan_items", "kind", "gossip", "item kind"),
    ("plan_items", "category", "weather", "item category"),
    ("plan_items", "visibility", "everyone", "visibility"),
    ("goal_links", "target_kind", "rumour", "link target kind"),
    ("reviews", "kind", "party", "review kind"),
    ("reviews", "signoff", "shrug", "sign-off"),
    ("whitespace_cells", "status", "won", "whitespace cell status"),
    ("kpis", "period", "fortnight", "KPI period"),
    ("kpis", "visibility", "world", "visibility"),
];

/// One row of every table that keeps an enumeration.
struct World {
    org: OrgId,
    ann: User,
    account: i64,
    contact: i64,
    plan: keyplan_domain::PlanId,
    goal: i64,
    commitment: i64,
    item: i64,
    link: i64,
    review: i64,
    cell: i64,
    kpi: i64,
}

async fn world(store: &Store) -> World {
    let org = store.ensure_org("Acme").await.unwrap().id;
    let ann = kam(store, org, "Ann Baker").await;
    store.create_session(ann.id, SESSION, "csrf", time::OffsetDateTime::now_utc() + time::Duration::days(1)).await.unwrap();
    let account_data = AccountInput { name: "Northwind".into(), ..Default::default() }.validate().unwrap();
    let account = store.create_account(org, &account_data, ann.id).await.unwrap();
    let contact_data = ContactInput { name: "Nina North".into(), ..Default::default() }.validate().unwrap();
    let contact = store.create_contact(org, account.id, &contact_data, ann.id).await.unwrap();
    let plan = store.create_plan(org, account.id, &plan_input("Northwind 2026"), TEMPLATE_ONE_PAGE, ann.id).await.unwrap();
    let goal = store.create_node(org, plan.id, NodeKind::Goal, None, &NodeWrite::titled("Grow"), ann.id).await.unwrap();
    let commitment = NodeWrite {
        owner_id: Some(ann.id),
        author_id: Some(ann.id),
        acceptance: Some(Acceptance::Accepted),
        status: Some(CommitmentStatus::Open),
        due_date: Some(TODAY),
        ..NodeWrite::titled("Workshop")
    };
    let commitment = store.create_node(org, plan.id, NodeKind::Commitment, Some(goal.id), &commitment, ann.id).await.unwrap();
    let item_data = ItemData {
        kind: ItemKind::Analysis,
        category: Some(Category::Customer),
        text: "Buys on price".into(),
        source: None,
        item_date: None,
        derived_from_id: None,
        response: None,
    };
    let item = store.create_item(org, plan.id, "analysis", &item_data, ann.id).await.unwrap();
    let link = store.create_link(org, plan.id, goal.id, LinkKind::Item, item.id.get(), ann.id).await.unwrap();
    let review = store.create_review(org, plan.id, ReviewKind::Team, TODAY, Some(ann.id)).await.unwrap();
    store.add_participant(org, review.id, Some(ann.id), None).await.unwrap();
    let offering = store.create_offering(org, "Sensors", None).await.unwrap();
    let unit = store.create_business_unit(org, account.id, "Powertrain").await.unwrap();
    let cell_data = CellData { status: CellStatus::Sold, value: None, note: None };
    let cell = store.set_cell(org, account.id, offering.id, unit.id, 0, Some(&cell_data), ann.id).await.unwrap().unwrap();
    let kpi_data = KpiData {
        name: "Share of wallet".into(),
        unit: None,
        baseline: None,
        target: None,
        target_date: None,
        period: Period::Quarter,
        goal_id: None,
    };
    let kpi = store.create_kpi(org, plan.id, &kpi_data, ann.id).await.unwrap();
    let note = NewNotification {
        org,
        user: ann.id,
        kind: "commitment_due",
        plan: Some(plan.id),
        message: &keyplan_domain::Message::new("stored-notif-due"),
        link: "/me/commitments",
        dedupe_key: None,
    };
    store.notify(&note).await.unwrap();
    World {
        org,
        ann,
        account: account.id.get(),
        contact: contact.id.get(),
        plan: plan.id,
        goal: goal.id.get(),
        commitment: commitment.id.get(),
        item: item.id.get(),
        link: link.id.get(),
        review: review.id.get(),
        cell: cell.id.get(),
        kpi: kpi.id.get(),
    }
}

/// The row of `table` whose `column` a case spoils.
fn row_id(w: &World, table: &str, column: &str) -> i64 {
    match (table, column) {
        ("users", _) => w.ann.id.get(),
        ("organisations", _) => w.org.get(),
        ("accounts", _) => w.account,
        ("contacts", _) => w.contact,
        ("plans", _) => w.plan.get(),
        ("nodes", "status" | "acceptance") => w.commitment,
        ("nodes", _) => w.goal,
        ("plan_items", _) => w.item,
        ("goal_links", _) => w.link,
        ("reviews", _) => w.review,
        ("whitespace_cells", _) => w.cell,
        ("kpis", _) => w.kpi,
        _ => unreachable!("no row for {table}"),
    }
}

/// Every store read that decodes `table.column`, by name.
async fn reads(store: &Store, w: &World, table: &str, column: &str) -> Vec<(&'static str, StoreResult<()>)> {
    use keyplan_domain::{AccountId, ContactId, ItemId, KpiId, LinkId, NodeId, ReviewId};
    let (org, plan, ann) = (w.org, w.plan, w.ann.id);
    let account = AccountId::new(w.account);
    let node = NodeId::new(row_id(w, table, column));
    let far = date!(2099 - 12 - 31);
    let hour_ago = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    match (table, column) {
        ("users", "role") => vec![
            ("user", store.user(org, ann).await.map(drop)),
            ("list_users", store.list_users(org).await.map(drop)),
            ("user_by_email", store.user_by_email(&w.ann.email).await.map(drop)),
            ("session_user", store.session_user(SESSION).await.map(drop)),
        ],
        ("users", "language") => vec![
            ("user_language", store.user_language(org, ann).await.map(drop)),
            ("session_user", store.session_user(SESSION).await.map(drop)),
            ("unmailed_notifications", store.unmailed_notifications(hour_ago, 10).await.map(drop)),
        ],
        ("organisations", _) => vec![("org_settings", store.org_settings(org).await.map(drop))],
        ("accounts", _) => vec![
            ("account", store.account(org, account).await.map(drop)),
            ("list_accounts", store.list_accounts(org, &keyplan_store::AccountFilter { limit: 10, ..Default::default() }).await.map(drop)),
        ],
        ("contacts", _) => vec![
            ("contact", store.contact(org, ContactId::new(w.contact)).await.map(drop)),
            ("contacts", store.contacts(org, account).await.map(drop)),
        ],
        ("plans", _) => vec![
            ("plan", store.plan(org, plan).await.map(drop)),
            ("plans_of_account", store.plans_of_account(org, account).await.map(drop)),
            ("open_plans", store.open_plans(org).await.map(drop)),
            ("review_schedule", store.review_schedule(org, plan).await.map(drop)),
            ("review_schedules", store.review_schedules(org).await.map(drop)),
        ],
        ("nodes", "visibility") | ("plan_items", "visibility") | ("kpis", "visibility") => {
            vec![("visibilities", store.visibilities(org, plan).await.map(drop))]
        }
        ("nodes", "status") => vec![
            ("node", store.node(org, node).await.map(drop)),
            ("nodes", store.nodes(org, plan).await.map(drop)),
            ("my_commitments", store.my_commitments(org, ann).await.map(drop)),
            ("accepted_commitments_of", store.accepted_commitments_of(org, ann).await.map(drop)),
        ],
        ("nodes", "acceptance") => vec![
            ("node", store.node(org, node).await.map(drop)),
            ("nodes", store.nodes(org, plan).await.map(drop)),
            ("my_commitments", store.my_commitments(org, ann).await.map(drop)),
        ],
        ("nodes", _) => vec![("node", store.node(org, node).await.map(drop)), ("nodes", store.nodes(org, plan).await.map(drop))],
        ("plan_items", _) => {
            vec![("item", store.item(org, ItemId::new(w.item)).await.map(drop)), ("items", store.items(org, plan).await.map(drop))]
        }
        ("goal_links", _) => vec![
            ("goal_link", store.goal_link(org, LinkId::new(w.link)).await.map(drop)),
            ("goal_links", store.goal_links(org, plan).await.map(drop)),
        ],
        ("reviews", "kind") => vec![
            ("review", store.review(org, ReviewId::new(w.review)).await.map(drop)),
            ("reviews", store.reviews(org, plan).await.map(drop)),
            ("reviews_of", store.reviews_of(org, ann).await.map(drop)),
            ("reviews_due_by", store.reviews_due_by(far).await.map(drop)),
        ],
        ("reviews", _) => vec![
            ("review", store.review(org, ReviewId::new(w.review)).await.map(drop)),
            ("reviews", store.reviews(org, plan).await.map(drop)),
        ],
        ("whitespace_cells", _) => vec![
            ("cell", store.cell(org, keyplan_domain::CellId::new(w.cell)).await.map(drop)),
            ("cells", store.cells(org, account).await.map(drop)),
            ("whitespace", store.whitespace(org, account).await.map(drop)),
        ],
        ("kpis", _) => {
            vec![("kpi", store.kpi(org, KpiId::new(w.kpi)).await.map(drop)), ("kpis", store.kpis(org, plan).await.map(drop))]
        }
        _ => unreachable!("no reads for {table}.{column}"),
    }
}

/// A second connection that writes what the store never would: on SQLite with
/// CHECK constraints ignored, on PostgreSQL (a database of this test only) with
/// the column's CHECK constraints dropped.
enum Raw {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Raw {
    async fn open(url: &str) -> Raw {
        if url.starts_with("sqlite:") {
            let opts = sqlx::sqlite::SqliteConnectOptions::from_str(url).unwrap().busy_timeout(Duration::from_secs(5));
            let mut c = sqlx::SqliteConnection::connect_with(&opts).await.unwrap();
            sqlx::query("PRAGMA ignore_check_constraints = ON").execute(&mut c).await.unwrap();
            Raw::Sqlite(c)
        } else {
            Raw::Postgres(sqlx::PgConnection::connect(url).await.unwrap())
        }
    }

    async fn get(&mut self, table: &str, column: &str, id: i64) -> Option<String> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {column} FROM {table} WHERE id = $1"));
        match self {
            Raw::Sqlite(c) => sqlx::query_scalar(sql).bind(id).fetch_one(c).await.unwrap(),
            Raw::Postgres(c) => sqlx::query_scalar(sql).bind(id).fetch_one(c).await.unwrap(),
        }
    }

    async fn set(&mut self, table: &str, column: &str, id: i64, value: Option<&str>) {
        let sql = sqlx::AssertSqlSafe(format!("UPDATE {table} SET {column} = $1 WHERE id = $2"));
        let n = match self {
            Raw::Sqlite(c) => sqlx::query(sql).bind(value).bind(id).execute(c).await.map(|r| r.rows_affected()),
            Raw::Postgres(c) => sqlx::query(sql).bind(value).bind(id).execute(c).await.map(|r| r.rows_affected()),
        };
        assert_eq!(n.unwrap_or_else(|e| panic!("write {table}.{column} = {value:?}: {e}")), 1);
    }

    async fn allow_any(&mut self, table: &str, column: &str) {
        let Raw::Postgres(c) = self else { return };
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT conname::TEXT FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c' \
             AND pg_get_constraintdef(oid) LIKE '%' || $2 || '%'",
        )
        .bind(table)
        .bind(column)
        .fetch_all(&mut *c)
        .await
        .unwrap();
        for name in names {
            let sql = sqlx::AssertSqlSafe(format!("ALTER TABLE {table} DROP CONSTRAINT {name}"));
            sqlx::query(sql).execute(&mut *c).await.unwrap();
        }
    }
}

async fn unknown_enum_texts_fail_the_read(store: &Store, url: &str) {
    let w = world(store).await;
    // NULL in an optional column is none, not an error.
    assert_eq!(store.user_language(w.org, w.ann.id).await.unwrap(), None);
    assert_eq!(store.org_settings(w.org).await.unwrap().value_discipline(), None);
    assert_eq!(store.account(w.org, keyplan_domain::AccountId::new(w.account)).await.unwrap().growth_trend(), None);
    let contact = store.contact(w.org, keyplan_domain::ContactId::new(w.contact)).await.unwrap();
    assert_eq!((contact.buying_role(), contact.attitude()), (None, None));
    assert_eq!(store.review(w.org, keyplan_domain::ReviewId::new(w.review)).await.unwrap().signoff(), None);
    assert_eq!(store.node(w.org, keyplan_domain::NodeId::new(w.goal)).await.unwrap().goal().unwrap().benefit, None);
    assert_eq!(store.plan(w.org, w.plan).await.unwrap().status(), PlanStatus::Draft);
    assert_eq!(store.user(w.org, w.ann.id).await.unwrap().role(), Role::Kam);

    let mut raw = Raw::open(url).await;
    for &(table, column, bad, what) in CASES {
        for (read, r) in reads(store, &w, table, column).await {
            assert!(r.is_ok(), "{read} before spoiling {table}.{column}: {r:?}");
        }
        let id = row_id(&w, table, column);
        let original = raw.get(table, column, id).await;
        raw.allow_any(table, column).await;
        raw.set(table, column, id, Some(bad)).await;
        for (read, r) in reads(store, &w, table, column).await {
            match r {
                Err(StoreError::Corrupt { column: c, value }) => {
                    assert_eq!(c, column, "{read} names the column");
                    assert_eq!(value, UnknownText { what, text: bad.into() }, "{read} names the text");
                }
                other => panic!("{read} with {table}.{column} = {bad:?}: expected Corrupt, got {other:?}"),
            }
        }
        // The error is the message an operator reads in the log.
        let shown = StoreError::Corrupt { column: column.into(), value: UnknownText { what, text: bad.into() } }.to_string();
        assert!(shown.contains(column) && shown.contains(bad), "{shown}");
        // Put back, every read works again: nothing else was in the way.
        raw.set(table, column, id, original.as_deref()).await;
        for (read, r) in reads(store, &w, table, column).await {
            assert!(r.is_ok(), "{read} after restoring {table}.{column}: {r:?}");
        }
    }
    match raw {
        Raw::Sqlite(c) => c.close().await.unwrap(),
        Raw::Postgres(c) => c.close().await.unwrap(),
    }
}
