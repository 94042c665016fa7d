//! Opportunities on both databases: create, read, versions, CRM id keys unique
//! per organisation, references checked against the account, links that go
//! with deleted goals and cells, the plan's linked opportunities in one
//! statement, and organisation scoping.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{assert_conflict, assert_invalid, assert_not_found, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::opportunity::{OppStatus, OpportunityData, OpportunityInput};
use keyplan_domain::tree::NodeKind;
use keyplan_domain::whitespace::{CellData, CellStatus};
use keyplan_domain::{AccountId, NodeId, OrgId, PlanId};
use keyplan_store::{NodeWrite, Store, User};
use time::macros::date;

on_both_databases! {
    opportunities_round_trip_with_versions => sqlite_opportunities_round_trip_with_versions, postgres_opportunities_round_trip_with_versions;
    crm_ids_are_unique_by_key_per_org => sqlite_crm_ids_are_unique_by_key_per_org, postgres_crm_ids_are_unique_by_key_per_org;
    references_stay_inside_the_account => sqlite_references_stay_inside_the_account, postgres_references_stay_inside_the_account;
    plan_opportunities_in_one_statement => sqlite_plan_opportunities_in_one_statement, postgres_plan_opportunities_in_one_statement;
}

struct World {
    acme: OrgId,
    globex: OrgId,
    ann: User,
    zed: User,
    acct: AccountId,
    other_acct: AccountId,
    globex_acct: AccountId,
    plan: PlanId,
    goal: NodeId,
}

async fn account(store: &Store, org: OrgId, name: &str, owner: &User) -> AccountId {
    let data = AccountInput { name: name.into(), owner_id: owner.id.to_string(), ..Default::default() }.validate().unwrap();
    store.create_account(org, &data, owner.id).await.unwrap().id
}

async fn goal(store: &Store, org: OrgId, plan: PlanId, title: &str, by: &User) -> NodeId {
    let w = NodeWrite { target: Some(2.0), baseline: Some(1.0), unit: Some("m€".into()), ..NodeWrite::titled(title) };
    store.create_node(org, plan, NodeKind::Goal, None, &w, by.id).await.unwrap().id
}

async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, acme, "Ann Archer").await;
    let zed = kam(store, globex, "Zed Zorn").await;
    let acct = account(store, acme, "Northwind", &ann).await;
    let other_acct = account(store, acme, "Southwind", &ann).await;
    let globex_acct = account(store, globex, "Initech", &zed).await;
    let plan = store.create_plan(acme, acct, &plan_input("FY26 Northwind"), "strategic", ann.id).await.unwrap().id;
    let goal = goal(store, acme, plan, "Grow to 2m", &ann).await;
    World { acme, globex, ann, zed, acct, other_acct, globex_acct, plan, goal }
}

fn opp(name: &str) -> OpportunityData {
    OpportunityInput { name: name.into(), amount: "100000".into(), probability: "50".into(), ..Default::default() }.validate("EUR").unwrap()
}

async fn opportunities_round_trip_with_versions(store: &Store) {
    let w = world(store).await;
    let data = OpportunityData {
        crm_id: Some("0065g00000AbCdE".into()),
        stage: Some("Negotiation/Review".into()),
        close_date: Some(date!(2027 - 03 - 31)),
        owner_id: Some(w.ann.id),
        next_step: Some("Send the revised offer".into()),
        goal_id: Some(w.goal),
        ..opp("Line 4 retrofit")
    };
    let created = store.create_opportunity(w.acme, w.acct, &data, w.ann.id).await.unwrap();
    assert_eq!((created.version, created.status, created.currency.as_str()), (1, OppStatus::Open, "EUR"));
    assert_eq!(created.crm_key.as_deref(), Some("0065g00000AbCdEAAV"), "the 18-character key");
    assert_eq!((created.close_date, created.goal_id, created.probability), (Some(date!(2027 - 03 - 31)), Some(w.goal), Some(50)));
    let read = store.opportunity(w.acme, created.id).await.unwrap();
    common::assert_same(&read, &created);
    store.create_opportunity(w.acme, w.acct, &opp("Undated"), w.ann.id).await.unwrap();
    let early = OpportunityData { close_date: Some(date!(2026 - 06 - 30)), ..opp("Spares") };
    store.create_opportunity(w.acme, w.acct, &early, w.ann.id).await.unwrap();
    let names: Vec<String> = store.opportunities(w.acme, w.acct).await.unwrap().into_iter().map(|o| o.name).collect();
    assert_eq!(names, ["Spares", "Line 4 retrofit", "Undated"], "soonest close date first, undated last");

    let won = OpportunityData { status: OppStatus::Won, probability: Some(100), ..data.clone() };
    let updated = store.update_opportunity(w.acme, created.id, 1, &won, w.ann.id).await.unwrap();
    assert_eq!((updated.version, updated.status), (2, OppStatus::Won));
    assert_conflict(store.update_opportunity(w.acme, created.id, 1, &data, w.ann.id).await, 2);
    assert_not_found(store.opportunity(w.globex, created.id).await);
    assert_not_found(store.update_opportunity(w.globex, created.id, 2, &data, w.zed.id).await);
    assert_not_found(store.delete_opportunity(w.globex, created.id).await);
    store.delete_opportunity(w.acme, created.id).await.unwrap();
    assert_not_found(store.opportunity(w.acme, created.id).await);
    assert_not_found(store.delete_opportunity(w.acme, created.id).await);
}

async fn crm_ids_are_unique_by_key_per_org(store: &Store) {
    let w = world(store).await;
    let with_id = |id: &str, name: &str| OpportunityData { crm_id: Some(id.into()), ..opp(name) };
    let long = store.create_opportunity(w.acme, w.acct, &with_id("0065g00000AbCdEAAV", "A"), w.ann.id).await.unwrap();
    assert_invalid(store.create_opportunity(w.acme, w.other_acct, &with_id("0065g00000AbCdE", "B"), w.ann.id).await, "crm_id");
    let found = store.opportunity_by_crm_key(w.acme, "0065g00000AbCdEAAV").await.unwrap().expect("found by key");
    assert_eq!(found.id, long.id);
    assert!(store.opportunity_by_crm_key(w.globex, "0065g00000AbCdEAAV").await.unwrap().is_none(), "another org's ids are not ours");
    // Another organisation may hold the same CRM id.
    store.create_opportunity(w.globex, w.globex_acct, &with_id("0065g00000AbCdE", "G"), w.zed.id).await.unwrap();
    let other = store.create_opportunity(w.acme, w.acct, &with_id("{6F9619FF-8B86-D011-B42D-00C04FC964FF}", "C"), w.ann.id).await.unwrap();
    assert_eq!(other.crm_key.as_deref(), Some("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
    let taken = store.update_opportunity(w.acme, other.id, 1, &with_id("0065g00000AbCdE", "C"), w.ann.id).await;
    assert_invalid(taken, "crm_id");
    let cleared = store.update_opportunity(w.acme, other.id, 1, &opp("C"), w.ann.id).await.unwrap();
    assert_eq!((cleared.crm_id, cleared.crm_key), (None, None));
}

async fn references_stay_inside_the_account(store: &Store) {
    let w = world(store).await;
    let other_plan = store.create_plan(w.acme, w.other_acct, &plan_input("Southwind"), "strategic", w.ann.id).await.unwrap().id;
    let foreign_goal = goal(store, w.acme, other_plan, "Elsewhere", &w.ann).await;
    let factor = store.create_node(w.acme, w.plan, NodeKind::Csf, Some(w.goal), &NodeWrite::titled("Factor"), w.ann.id).await.unwrap().id;
    let with_goal = |g| OpportunityData { goal_id: Some(g), ..opp("X") };
    assert_invalid(store.create_opportunity(w.acme, w.acct, &with_goal(foreign_goal), w.ann.id).await, "goal_id");
    assert_invalid(store.create_opportunity(w.acme, w.acct, &with_goal(factor), w.ann.id).await, "goal_id");
    let stranger = OpportunityData { owner_id: Some(w.zed.id), ..opp("X") };
    assert_invalid(store.create_opportunity(w.acme, w.acct, &stranger, w.ann.id).await, "owner_id");
    assert_not_found(store.create_opportunity(w.acme, w.globex_acct, &opp("X"), w.ann.id).await);

    let offering = store.create_offering(w.acme, "Sensors", None).await.unwrap();
    let unit = store.create_business_unit(w.acme, w.acct, "Leeds").await.unwrap();
    let other_unit = store.create_business_unit(w.acme, w.other_acct, "Hull").await.unwrap();
    let data = CellData { status: CellStatus::Opportunity, value: Some(50.0), note: None };
    let cell = store.set_cell(w.acme, w.acct, offering.id, unit.id, 0, Some(&data), w.ann.id).await.unwrap().unwrap();
    let other_cell = store.set_cell(w.acme, w.other_acct, offering.id, other_unit.id, 0, Some(&data), w.ann.id).await.unwrap().unwrap();
    let in_other = OpportunityData { whitespace_cell_id: Some(other_cell.id), ..opp("X") };
    assert_invalid(store.create_opportunity(w.acme, w.acct, &in_other, w.ann.id).await, "whitespace_cell_id");

    let linked = OpportunityData { whitespace_cell_id: Some(cell.id), goal_id: Some(w.goal), ..opp("Linked") };
    let o = store.create_opportunity(w.acme, w.acct, &linked, w.ann.id).await.unwrap();
    store.set_cell(w.acme, w.acct, offering.id, unit.id, cell.version, None, w.ann.id).await.unwrap();
    store.delete_node(w.acme, w.goal).await.unwrap();
    let after = store.opportunity(w.acme, o.id).await.unwrap();
    assert_eq!((after.goal_id, after.whitespace_cell_id, after.version), (None, None, 1), "links go, the opportunity stays");
}

async fn plan_opportunities_in_one_statement(store: &Store) {
    let w = world(store).await;
    let second = goal(store, w.acme, w.plan, "Win Basel", &w.ann).await;
    for (name, g) in [("A", Some(w.goal)), ("B", Some(second)), ("C", None), ("D", Some(w.goal))] {
        store.create_opportunity(w.acme, w.acct, &OpportunityData { goal_id: g, ..opp(name) }, w.ann.id).await.unwrap();
    }
    let other_plan = store.create_plan(w.acme, w.acct, &plan_input("FY27"), "strategic", w.ann.id).await.unwrap().id;
    let later = goal(store, w.acme, other_plan, "Later", &w.ann).await;
    store.create_opportunity(w.acme, w.acct, &OpportunityData { goal_id: Some(later), ..opp("E") }, w.ann.id).await.unwrap();

    let before = store.query_count();
    let linked = store.plan_opportunities(w.acme, w.plan).await.unwrap();
    assert_eq!(store.query_count() - before, 1);
    let mut names: Vec<(String, Option<NodeId>)> = linked.into_iter().map(|o| (o.name, o.goal_id)).collect();
    names.sort();
    assert_eq!(names, [("A".into(), Some(w.goal)), ("B".into(), Some(second)), ("D".into(), Some(w.goal))]);
    assert!(store.plan_opportunities(w.globex, w.plan).await.unwrap().is_empty(), "another org sees none");
}
