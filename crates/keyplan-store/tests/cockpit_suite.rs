//! The cockpit's statements on both databases: each plan's counts of overdue
//! and unaccepted commitments and of overcome and blocked obstacles, the
//! KPIs' latest actuals, the lists behind the figures, the filters by region
//! and industry, the choices of the filters, users' teams, and the daily
//! totals kept once per day; another organisation's rows never appear.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{TODAY, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::cockpit::Totals;
use keyplan_domain::kpi::{ActualData, KpiData, Period};
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{NodeId, OrgId, PlanId, UserId};
use keyplan_store::{CockpitFilter, NodeWrite, Store};
use time::Duration;
use time::macros::date;

on_both_databases! {
    plans_are_counted_in_the_database => sqlite_plans_are_counted_in_the_database, postgres_plans_are_counted_in_the_database;
    daily_totals_are_kept_once => sqlite_daily_totals_are_kept_once, postgres_daily_totals_are_kept_once;
}

async fn plan(store: &Store, org: OrgId, owner: UserId, name: &str, region: &str, industry: &str, status: PlanStatus) -> PlanId {
    let input = AccountInput {
        name: name.into(),
        region: region.into(),
        industry: industry.into(),
        owner_id: owner.get().to_string(),
        ..Default::default()
    };
    let account = store.create_account(org, &input.validate().unwrap(), owner).await.unwrap();
    let mut data = plan_input(&format!("{name} plan"));
    data.status = status;
    store.create_plan(org, account.id, &data, keyplan_domain::plan::TEMPLATE_ONE_PAGE, owner).await.unwrap().id
}

async fn node(store: &Store, org: OrgId, plan: PlanId, kind: NodeKind, parent: Option<NodeId>, title: &str, by: UserId) -> NodeId {
    store.create_node(org, plan, kind, parent, &NodeWrite::titled(title), by).await.unwrap().id
}

#[allow(clippy::too_many_arguments)]
async fn commitment(
    store: &Store,
    org: OrgId,
    plan: PlanId,
    obstacle: NodeId,
    title: &str,
    by: UserId,
    acc: Acceptance,
    st: CommitmentStatus,
    due_in: i64,
) {
    let w = NodeWrite {
        owner_id: Some(by),
        author_id: Some(by),
        acceptance: Some(acc),
        status: Some(st),
        due_date: Some(TODAY + Duration::days(due_in)),
        ..NodeWrite::titled(title)
    };
    store.create_node(org, plan, NodeKind::Commitment, Some(obstacle), &w, by).await.unwrap();
}

async fn plans_are_counted_in_the_database(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, org, "Ann Baker").await;
    let gus = kam(store, globex, "Gus Grant").await;
    let p = plan(store, org, ann.id, "Brightwater", "DACH", "Food", PlanStatus::Active).await;
    let q = plan(store, org, ann.id, "Nordlys", "Nordics", "Energy", PlanStatus::Draft).await;
    let _archived = plan(store, org, ann.id, "Oldco", "DACH", "Food", PlanStatus::Archived).await;
    let g = plan(store, globex, gus.id, "Globex customer", "DACH", "Food", PlanStatus::Active).await;

    let goal = node(store, org, p, NodeKind::Goal, None, "Grow", ann.id).await;
    let csf = node(store, org, p, NodeKind::Csf, Some(goal), "Factor", ann.id).await;
    let cond = node(store, org, p, NodeKind::Condition, Some(csf), "Condition", ann.id).await;
    let open = node(store, org, p, NodeKind::Obstacle, Some(cond), "Open obstacle", ann.id).await;
    commitment(store, org, p, open, "Late task", ann.id, Acceptance::Accepted, CommitmentStatus::InProgress, -5).await;
    commitment(store, org, p, open, "Proposed task", ann.id, Acceptance::Proposed, CommitmentStatus::Open, 20).await;
    commitment(store, org, p, open, "New date", ann.id, Acceptance::DateProposed, CommitmentStatus::Open, 20).await;
    let blocked = node(store, org, p, NodeKind::Obstacle, Some(cond), "Blocked obstacle", ann.id).await;
    commitment(store, org, p, blocked, "Missed task", ann.id, Acceptance::Accepted, CommitmentStatus::Missed, -10).await;
    let declined = node(store, org, p, NodeKind::Obstacle, Some(cond), "Declined but overcome", ann.id).await;
    commitment(store, org, p, declined, "Declined task", ann.id, Acceptance::Declined, CommitmentStatus::Open, 5).await;
    commitment(store, org, p, declined, "Done task", ann.id, Acceptance::Accepted, CommitmentStatus::Done, -3).await;
    // Another organisation's overdue commitment and blocked obstacle.
    let gg = node(store, globex, g, NodeKind::Goal, None, "Theirs", gus.id).await;
    let gc = node(store, globex, g, NodeKind::Csf, Some(gg), "Theirs", gus.id).await;
    let gd = node(store, globex, g, NodeKind::Condition, Some(gc), "Theirs", gus.id).await;
    let go = node(store, globex, g, NodeKind::Obstacle, Some(gd), "Their obstacle", gus.id).await;
    commitment(store, globex, g, go, "Their late task", gus.id, Acceptance::Accepted, CommitmentStatus::Missed, -5).await;
    commitment(store, globex, g, go, "Their overdue task", gus.id, Acceptance::Accepted, CommitmentStatus::Open, -5).await;

    // A KPI with two actuals: the latest counts.
    let kpi = KpiData {
        name: "Share".into(),
        unit: None,
        baseline: Some(0.0),
        target: Some(10.0),
        target_date: None,
        period: Period::Quarter,
        goal_id: Some(goal.get()),
    };
    let k = store.create_kpi(org, p, &kpi, ann.id).await.unwrap();
    for (start, value) in [(date!(2026 - 01 - 01), 2.0), (date!(2026 - 04 - 01), 5.0)] {
        store.record_actual(org, k.id, 0, &ActualData { period_start: start, value, note: None }, ann.id).await.unwrap();
    }

    let all = CockpitFilter::default();
    let plans = store.cockpit_plans(org, &all, TODAY).await.unwrap();
    assert_eq!(plans.iter().map(|x| x.id).collect::<Vec<_>>(), [p, q], "archived plans and other organisations are left out");
    let bp = &plans[0];
    assert_eq!(bp.kam_id, Some(ann.id));
    assert_eq!((bp.overdue_commitments, bp.unaccepted_commitments), (1, 2));
    assert_eq!((bp.obstacles, bp.obstacles_overcome, bp.blocked_obstacles), (3, 1, 1));
    assert_eq!(bp.last_held, None);
    assert_eq!((plans[1].obstacles, plans[1].overdue_commitments), (0, 0));

    let dach = CockpitFilter { region: "DACH".into(), industry: String::new() };
    assert_eq!(store.cockpit_plans(org, &dach, TODAY).await.unwrap().len(), 1);
    let energy = CockpitFilter { region: String::new(), industry: "Energy".into() };
    assert_eq!(store.cockpit_plans(org, &energy, TODAY).await.unwrap()[0].id, q);

    let kpis = store.cockpit_kpis(org, &all).await.unwrap();
    assert_eq!(kpis.len(), 1);
    assert_eq!((kpis[0].plan_id, kpis[0].latest), (p, Some(5.0)));
    assert!(store.cockpit_kpis(org, &energy).await.unwrap().is_empty());

    let commitments = store.cockpit_commitments(org, &all, TODAY).await.unwrap();
    let mut titles: Vec<(&str, bool)> = commitments.iter().map(|c| (c.title.as_str(), c.overdue)).collect();
    titles.sort();
    assert_eq!(titles, [("Late task", true), ("New date", false), ("Proposed task", false)]);
    assert_eq!(commitments.iter().find(|c| c.overdue).unwrap().owner_name.as_deref(), Some("Ann Baker"));
    let obstacles = store.cockpit_blocked_obstacles(org, &all).await.unwrap();
    assert_eq!(obstacles.iter().map(|o| o.title.as_str()).collect::<Vec<_>>(), ["Blocked obstacle"]);
    assert!(store.cockpit_blocked_obstacles(org, &energy).await.unwrap().is_empty());

    // Teams and the filters' choices.
    let ann = store.set_user_team(org, ann.id, ann.version, Some("DACH")).await.unwrap();
    assert_eq!(ann.team.as_deref(), Some("DACH"));
    assert_eq!(store.user(org, ann.id).await.unwrap().team.as_deref(), Some("DACH"));
    assert!(store.set_user_team(org, ann.id, ann.version - 1, None).await.is_err(), "a stale version is refused");
    let choices = store.cockpit_choices(org).await.unwrap();
    assert_eq!(choices.regions, ["DACH", "Nordics"]);
    assert_eq!(choices.industries, ["Energy", "Food"]);
    assert_eq!(choices.teams, ["DACH"]);
    assert!(store.cockpit_choices(globex).await.unwrap().teams.is_empty());
}

async fn daily_totals_are_kept_once(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let then = Totals { kams: 2, active_plans: 3, overdue_commitments: 4, goal_progress: Some(0.25), ..Totals::default() };
    let old = TODAY - Duration::days(100);
    assert!(store.record_cockpit_totals(org, old, &then).await.unwrap());
    let again = Totals { overdue_commitments: 9, ..then };
    assert!(!store.record_cockpit_totals(org, old, &again).await.unwrap(), "the day's first totals stay");
    assert!(store.record_cockpit_totals(org, TODAY - Duration::days(80), &again).await.unwrap());

    let (day, kept) = store.cockpit_totals_on_or_before(org, TODAY - Duration::days(90)).await.unwrap().unwrap();
    assert_eq!((day, kept), (old, then), "the nearest on or before the day");
    assert_eq!(store.cockpit_totals_on_or_before(org, old - Duration::days(1)).await.unwrap(), None);
    assert_eq!(store.cockpit_totals_on_or_before(globex, TODAY).await.unwrap(), None);

    let missing = store.orgs_without_cockpit_totals(old).await.unwrap();
    assert!(missing.contains(&globex) && !missing.contains(&org));
}
