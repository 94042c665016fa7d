//! The account portfolio's storage on both databases: every account of the
//! organisation with its figures, KAM, plan state (no plan, draft, active,
//! overdue review) and the coach's mark of its best current plan in one
//! statement; the filters by KAM, region, industry and plan state; the filter
//! choices in one more; and another organisation's accounts never.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{TODAY, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::portfolio::PlanState;
use keyplan_domain::{AccountId, OrgId, UserId};
use keyplan_store::{PlanMark, PortfolioFilter, Store};
use time::macros::date;

on_both_databases! {
    two_statements_for_every_account => sqlite_two_statements_for_every_account, postgres_two_statements_for_every_account;
    filters_and_choices => sqlite_filters_and_choices, postgres_filters_and_choices;
}

struct World {
    acme: OrgId,
    globex: OrgId,
    ann: UserId,
    ben: UserId,
}

async fn account(
    store: &Store,
    org: OrgId,
    name: &str,
    owner: Option<UserId>,
    place: (&str, &str),
    figures: Option<(u32, u32, u32)>,
) -> AccountId {
    let input = AccountInput {
        name: name.into(),
        owner_id: owner.map(|o| o.to_string()).unwrap_or_default(),
        region: place.0.into(),
        industry: place.1.into(),
        current_revenue: figures.map(|f| f.0.to_string()).unwrap_or_default(),
        total_spend: figures.map(|f| f.1.to_string()).unwrap_or_default(),
        potential: figures.map(|f| f.2.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    let actor = owner.unwrap_or(UserId::new(1));
    store.create_account(org, &input.validate().unwrap(), actor).await.unwrap().id
}

async fn plan(store: &Store, org: OrgId, account: AccountId, status: PlanStatus, actor: UserId) -> keyplan_store::Plan {
    let mut data = plan_input("FY26");
    data.status = status;
    store.create_plan(org, account, &data, "strategic", actor).await.unwrap()
}

/// Acme: Alpha (Ann, no plan), Beta (Ann, a draft and an archived plan),
/// Gamma (Ben, an active plan reviewed on time with a coach mark, and a newer
/// draft), Delta (Ben, an active plan whose review is overdue), Epsilon (no
/// KAM, no figures). Globex: Zeta.
async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, acme, "Ann Archer").await.id;
    let ben = kam(store, acme, "Ben Baker").await.id;
    let zed = kam(store, globex, "Zed Zimmer").await.id;
    account(store, acme, "Alpha", Some(ann), ("North", "Chemicals"), Some((100, 1000, 900))).await;
    let beta = account(store, acme, "Beta", Some(ann), ("South", "Retail"), Some((500, 1000, 600))).await;
    plan(store, acme, beta, PlanStatus::Archived, ann).await;
    plan(store, acme, beta, PlanStatus::Draft, ann).await;
    let gamma = account(store, acme, "Gamma", Some(ben), ("North", "Chemicals"), Some((300, 600, 2000))).await;
    let active = plan(store, acme, gamma, PlanStatus::Active, ben).await;
    store.set_plan_mark(acme, active.id, PlanMark { score: 71.5, level: 3, blockers: 0 }, time::OffsetDateTime::now_utc()).await.unwrap();
    plan(store, acme, gamma, PlanStatus::Draft, ben).await;
    let delta = account(store, acme, "Delta", Some(ben), ("South", "Retail"), Some((50, 100, 60))).await;
    let late = plan(store, acme, delta, PlanStatus::Approved, ben).await;
    store.set_review_schedule(acme, late.id, late.version, 3, Some(date!(2026 - 03 - 01)), ben).await.unwrap();
    account(store, acme, "Epsilon", None, ("", ""), None).await;
    account(store, globex, "Zeta", Some(zed), ("North", "Chemicals"), Some((1, 2, 3))).await;
    World { acme, globex, ann, ben }
}

fn names(rows: &[keyplan_store::PortfolioAccount]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

async fn two_statements_for_every_account(store: &Store) {
    let w = world(store).await;
    let before = store.query_count();
    let rows = store.portfolio(w.acme, &PortfolioFilter::default(), TODAY).await.unwrap();
    assert_eq!(store.query_count() - before, 2, "two statements: the accounts and the best plans");
    assert_eq!(names(&rows), ["Alpha", "Beta", "Delta", "Epsilon", "Gamma"], "by name, only Acme's");
    let by = |n: &str| rows.iter().find(|r| r.name == n).unwrap();
    let states: Vec<PlanState> = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"].iter().map(|n| by(n).plan_state).collect();
    assert_eq!(states, [PlanState::NoPlan, PlanState::Draft, PlanState::Active, PlanState::OverdueReview, PlanState::NoPlan]);
    let gamma = by("Gamma");
    assert_eq!((gamma.coach_level, gamma.coach_score), (Some(3), Some(71.5)), "the active plan's mark, not the newer draft's");
    assert_eq!(gamma.owner_name.as_deref(), Some("Ben Baker"));
    assert_eq!((gamma.current_revenue, gamma.total_spend, gamma.potential), (Some(300.0), Some(600.0), Some(2000.0)));
    assert_eq!((gamma.region.as_deref(), gamma.industry.as_deref()), (Some("North"), Some("Chemicals")));
    assert!(by("Beta").plan_id.is_some() && by("Alpha").plan_id.is_none());
    let epsilon = by("Epsilon");
    assert_eq!((epsilon.owner_id, epsilon.current_revenue, epsilon.coach_level), (None, None, None));
    // As of a day before the overdue review was due, Delta is on time.
    let earlier = store.portfolio(w.acme, &PortfolioFilter::default(), date!(2026 - 02 - 28)).await.unwrap();
    assert_eq!(earlier.iter().find(|r| r.name == "Delta").unwrap().plan_state, PlanState::Active);
    let globex = store.portfolio(w.globex, &PortfolioFilter::default(), TODAY).await.unwrap();
    assert_eq!(names(&globex), ["Zeta"]);
}

async fn filters_and_choices(store: &Store) {
    let w = world(store).await;
    let get = |f: PortfolioFilter| async move { names(&store.portfolio(w.acme, &f, TODAY).await.unwrap()).join(",") };
    assert_eq!(get(PortfolioFilter { owner: Some(w.ann), ..Default::default() }).await, "Alpha,Beta");
    assert_eq!(get(PortfolioFilter { owner: Some(w.ben), region: Some("South".into()), ..Default::default() }).await, "Delta");
    assert_eq!(
        get(PortfolioFilter { region: Some("North".into()), industry: Some("Chemicals".into()), ..Default::default() }).await,
        "Alpha,Gamma"
    );
    assert_eq!(get(PortfolioFilter { industry: Some("Retail".into()), ..Default::default() }).await, "Beta,Delta");
    assert_eq!(get(PortfolioFilter { state: Some(PlanState::OverdueReview), ..Default::default() }).await, "Delta");
    assert_eq!(get(PortfolioFilter { state: Some(PlanState::NoPlan), ..Default::default() }).await, "Alpha,Epsilon");
    assert_eq!(get(PortfolioFilter { region: Some("Nowhere".into()), ..Default::default() }).await, "");

    let before = store.query_count();
    let choices = store.portfolio_choices(w.acme).await.unwrap();
    assert_eq!(store.query_count() - before, 1, "one statement");
    assert_eq!(choices.regions, ["North", "South"]);
    assert_eq!(choices.industries, ["Chemicals", "Retail"]);
    assert_eq!(choices.kams, [(w.ann, "Ann Archer".to_string()), (w.ben, "Ben Baker".to_string())]);
    let globex = store.portfolio_choices(w.globex).await.unwrap();
    assert_eq!(globex.kams.len(), 1);
    assert_eq!(globex.regions, ["North"]);
}
