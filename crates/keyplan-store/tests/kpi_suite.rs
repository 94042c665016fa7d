//! KPIs and their actuals on both databases: create / update with versions /
//! move / delete, the goal a KPI measures (a goal of the same plan), actuals
//! recorded once per period with versions, and organisation scoping.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{PASSWORD_HASH, assert_conflict, assert_invalid, assert_not_found, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::kpi::{ActualData, KpiData, Period};
use keyplan_domain::tree::NodeKind;
use keyplan_domain::{KpiActualId, KpiId, NodeId, OrgId, Role};
use keyplan_store::{NewUser, NodeWrite, Store, User};
use time::Date;
use time::macros::date;

on_both_databases! {
    kpis_create_update_move_delete => sqlite_kpis_create_update_move_delete, postgres_kpis_create_update_move_delete;
    kpi_goal_must_be_a_goal_of_the_plan => sqlite_kpi_goal_must_be_a_goal_of_the_plan, postgres_kpi_goal_must_be_a_goal_of_the_plan;
    actuals_are_one_per_period_with_versions => sqlite_actuals_are_one_per_period_with_versions, postgres_actuals_are_one_per_period_with_versions;
    kpis_are_scoped_to_their_org => sqlite_kpis_are_scoped_to_their_org, postgres_kpis_are_scoped_to_their_org;
}

fn kpi(name: &str, goal: Option<NodeId>) -> KpiData {
    KpiData {
        name: name.into(),
        unit: Some("%".into()),
        baseline: Some(12.0),
        target: Some(20.0),
        target_date: Some(date!(2026 - 12 - 31)),
        period: Period::Quarter,
        goal_id: goal.map(NodeId::get),
    }
}

fn actual(start: Date, value: f64) -> ActualData {
    ActualData { period_start: start, value, note: Some("From the QBR".into()) }
}

struct World {
    org: OrgId,
    ann: User,
    plan: keyplan_domain::PlanId,
    goal: NodeId,
    other_plan: keyplan_domain::PlanId,
    other_goal: NodeId,
    globex: OrgId,
    gus: User,
}

async fn world(store: &Store) -> World {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = store
        .create_user(org, NewUser { email: "ann@example.com", name: "Ann Baker", role: Role::Kam, password_hash: PASSWORD_HASH })
        .await
        .unwrap();
    let gus = store
        .create_user(globex, NewUser { email: "gus@example.com", name: "Gus Dunn", role: Role::Kam, password_hash: PASSWORD_HASH })
        .await
        .unwrap();
    let acct = store
        .create_account(org, &AccountInput { name: "Northwind".into(), ..Default::default() }.validate().unwrap(), ann.id)
        .await
        .unwrap();
    let plan = store.create_plan(org, acct.id, &plan_input("FY26 Northwind"), "strategic", ann.id).await.unwrap().id;
    let other_plan = store.create_plan(org, acct.id, &plan_input("FY27 Northwind"), "strategic", ann.id).await.unwrap().id;
    let goal = store.create_node(org, plan, NodeKind::Goal, None, &NodeWrite::titled("Grow share of wallet"), ann.id).await.unwrap().id;
    let other_goal = store.create_node(org, other_plan, NodeKind::Goal, None, &NodeWrite::titled("Other"), ann.id).await.unwrap().id;
    World { org, ann, plan, goal, other_plan, other_goal, globex, gus }
}

async fn kpis_create_update_move_delete(store: &Store) {
    let w = world(store).await;
    let a = store.create_kpi(w.org, w.plan, &kpi("Share of wallet", Some(w.goal)), w.ann.id).await.unwrap();
    let b = store.create_kpi(w.org, w.plan, &kpi("NPS", None), w.ann.id).await.unwrap();
    assert_eq!(
        (a.plan_id, a.goal_id, a.name.as_str(), a.unit.as_deref(), a.period.as_str()),
        (w.plan, Some(w.goal), "Share of wallet", Some("%"), "quarter")
    );
    assert_eq!((a.baseline, a.target, a.target_date, a.version), (Some(12.0), Some(20.0), Some(date!(2026 - 12 - 31)), 1));
    assert_eq!(a.updated_by, Some(w.ann.id));
    assert!(b.position > a.position);

    let mut data = kpi("Share of wallet (EU)", None);
    data.period = Period::Month;
    data.baseline = None;
    let a2 = store.update_kpi(w.org, a.id, 1, &data, w.ann.id).await.unwrap();
    assert_eq!(
        (a2.name.as_str(), a2.goal_id, a2.baseline, a2.period.as_str(), a2.version),
        ("Share of wallet (EU)", None, None, "month", 2)
    );
    assert_conflict(store.update_kpi(w.org, a.id, 1, &data, w.ann.id).await, 2);

    assert!(store.move_kpi(w.org, b.id, true).await.unwrap());
    assert!(!store.move_kpi(w.org, b.id, true).await.unwrap(), "already first");
    let ids: Vec<KpiId> = store.kpis(w.org, w.plan).await.unwrap().iter().map(|k| k.id).collect();
    assert_eq!(ids, [b.id, a.id]);

    store.record_actual(w.org, a.id, 0, &actual(date!(2026 - 01 - 01), 13.0), w.ann.id).await.unwrap();
    store.delete_kpi(w.org, a.id).await.unwrap();
    assert_not_found(store.kpi(w.org, a.id).await);
    assert_not_found(store.delete_kpi(w.org, a.id).await);
    assert!(store.kpi_actuals(w.org, w.plan).await.unwrap().is_empty(), "actuals go with their KPI");
    assert_eq!(store.kpis(w.org, w.other_plan).await.unwrap().len(), 0);
}

async fn kpi_goal_must_be_a_goal_of_the_plan(store: &Store) {
    let w = world(store).await;
    let csf = store.create_node(w.org, w.plan, NodeKind::Csf, Some(w.goal), &NodeWrite::titled("A CSF"), w.ann.id).await.unwrap();
    for bad in [csf.id, w.other_goal, NodeId::new(w.goal.get() + 10_000)] {
        assert_invalid(store.create_kpi(w.org, w.plan, &kpi("X", Some(bad)), w.ann.id).await, "goal_id");
    }
    let k = store.create_kpi(w.org, w.plan, &kpi("X", None), w.ann.id).await.unwrap();
    assert_invalid(store.update_kpi(w.org, k.id, 1, &kpi("X", Some(w.other_goal)), w.ann.id).await, "goal_id");
    // When the goal goes, the KPI stays and measures nothing.
    let k2 = store.update_kpi(w.org, k.id, 1, &kpi("X", Some(w.goal)), w.ann.id).await.unwrap();
    assert_eq!(k2.goal_id, Some(w.goal));
    store.delete_node(w.org, w.goal).await.unwrap();
    assert_eq!(store.kpi(w.org, k.id).await.unwrap().goal_id, None);
}

async fn actuals_are_one_per_period_with_versions(store: &Store) {
    let w = world(store).await;
    let k = store.create_kpi(w.org, w.plan, &kpi("Share", None), w.ann.id).await.unwrap();
    let q1 = store.record_actual(w.org, k.id, 0, &actual(date!(2026 - 01 - 01), 13.0), w.ann.id).await.unwrap();
    assert_eq!(
        (q1.kpi_id, q1.period_start, q1.value, q1.note.as_deref(), q1.recorded_by, q1.version),
        (k.id, date!(2026 - 01 - 01), 13.0, Some("From the QBR"), Some(w.ann.id), 1)
    );
    // Recording the same period again without having seen it is a conflict.
    assert_conflict(store.record_actual(w.org, k.id, 0, &actual(date!(2026 - 01 - 01), 14.0), w.ann.id).await, 1);
    let q1b = store.record_actual(w.org, k.id, 1, &actual(date!(2026 - 01 - 01), 14.0), w.ann.id).await.unwrap();
    assert_eq!((q1b.id, q1b.value, q1b.version), (q1.id, 14.0, 2));
    assert_conflict(store.record_actual(w.org, k.id, 1, &actual(date!(2026 - 01 - 01), 15.0), w.ann.id).await, 2);
    // A version for a period with no value yet is stale too.
    assert_conflict(store.record_actual(w.org, k.id, 3, &actual(date!(2026 - 04 - 01), 15.0), w.ann.id).await, 0);
    let q2 = store.record_actual(w.org, k.id, 0, &actual(date!(2026 - 04 - 01), 16.0), w.ann.id).await.unwrap();
    let all: Vec<(Date, f64)> = store.kpi_actuals(w.org, w.plan).await.unwrap().iter().map(|a| (a.period_start, a.value)).collect();
    assert_eq!(all, [(date!(2026 - 01 - 01), 14.0), (date!(2026 - 04 - 01), 16.0)]);
    assert_eq!(store.kpi_actual(w.org, q2.id).await.unwrap().value, 16.0);
    store.delete_actual(w.org, q2.id).await.unwrap();
    assert_not_found(store.delete_actual(w.org, q2.id).await);
    assert_not_found(store.record_actual(w.org, KpiId::new(k.id.get() + 10_000), 0, &actual(date!(2026 - 01 - 01), 1.0), w.ann.id).await);
}

async fn kpis_are_scoped_to_their_org(store: &Store) {
    let w = world(store).await;
    let k = store.create_kpi(w.org, w.plan, &kpi("Share", None), w.ann.id).await.unwrap();
    let a = store.record_actual(w.org, k.id, 0, &actual(date!(2026 - 01 - 01), 13.0), w.ann.id).await.unwrap();
    let g = w.globex;
    assert_not_found(store.create_kpi(g, w.plan, &kpi("Theirs", None), w.gus.id).await);
    assert_not_found(store.kpi(g, k.id).await);
    assert_not_found(store.update_kpi(g, k.id, 1, &kpi("Theirs", None), w.gus.id).await);
    assert_not_found(store.move_kpi(g, k.id, true).await);
    assert_not_found(store.record_actual(g, k.id, 0, &actual(date!(2026 - 04 - 01), 1.0), w.gus.id).await);
    assert_not_found(store.delete_actual(g, a.id).await);
    assert_not_found(store.delete_kpi(g, k.id).await);
    assert_not_found(store.kpi_actual(g, KpiActualId::new(a.id.get())).await);
    assert!(store.kpis(g, w.plan).await.unwrap().is_empty());
    assert!(store.kpi_actuals(g, w.plan).await.unwrap().is_empty());
    assert_eq!(store.kpis(w.org, w.plan).await.unwrap().len(), 1);
}
