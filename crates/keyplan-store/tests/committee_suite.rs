//! Management committee sessions on both databases: candidates are the live
//! plans with their account's potential, a session keeps its participants
//! and plans in order, the list counts outcomes in one statement, an outcome
//! writes the plan's history and the KAM's notification in one transaction,
//! and nothing crosses organisations.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{assert_invalid, assert_not_found, kam, user};
use keyplan_domain::account::AccountInput;
use keyplan_domain::committee::{Outcome, OutcomeData};
use keyplan_domain::plan::PlanInput;
use keyplan_domain::{AccountId, Message, OrgId, PlanId, Role};
use keyplan_store::{NewNotification, Store, User};
use time::macros::date;

on_both_databases! {
    sessions_keep_their_people_and_plans => sqlite_sessions_keep_their_people_and_plans, postgres_sessions_keep_their_people_and_plans;
    outcomes_write_history_and_notification => sqlite_outcomes_write_history_and_notification, postgres_outcomes_write_history_and_notification;
    nothing_crosses_organisations => sqlite_nothing_crosses_organisations, postgres_nothing_crosses_organisations;
}

async fn account(store: &Store, org: OrgId, name: &str, potential: f64, owner: &User) -> AccountId {
    let input = AccountInput { name: name.into(), potential: potential.to_string(), owner_id: owner.id.to_string(), ..Default::default() };
    store.create_account(org, &input.validate().unwrap(), owner.id).await.unwrap().id
}

async fn plan(store: &Store, org: OrgId, account: AccountId, title: &str, status: &str, by: &User) -> PlanId {
    let data = PlanInput { title: title.into(), status: status.into(), ..Default::default() }.validate(common::TODAY).unwrap();
    store.create_plan(org, account, &data, "strategic", by.id).await.unwrap().id
}

async fn sessions_keep_their_people_and_plans(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let kim = kam(store, org, "Kim Kamara").await;
    let mia = user(store, org, "Mia Manager", Role::Manager).await;
    let north = account(store, org, "Northwind", 5e6, &kim).await;
    let south = account(store, org, "Southwind", 1e6, &kim).await;
    let live = plan(store, org, north, "Northwind FY27", "active", &kim).await;
    let draft = plan(store, org, south, "Southwind draft", "draft", &kim).await;
    let archived = plan(store, org, south, "Southwind old", "archived", &kim).await;
    let approved = plan(store, org, south, "Southwind FY27", "approved", &kim).await;

    let candidates = store.committee_candidates(org).await.unwrap();
    let ids: Vec<PlanId> = candidates.iter().map(|c| c.plan).collect();
    assert_eq!(ids, [live, approved], "neither drafts nor archived plans");
    assert_eq!(candidates[0].potential, Some(5e6));
    assert!(!ids.contains(&draft) && !ids.contains(&archived));

    let id = store.create_committee(org, date!(2027 - 03 - 15), &[mia.id, kim.id], &[approved, live], mia.id).await.unwrap();
    let c = store.committee(org, id).await.unwrap();
    assert_eq!(c.held_on, date!(2027 - 03 - 15));
    assert_eq!(c.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Kim Kamara", "Mia Manager"]);
    assert_eq!(c.plans.iter().map(|p| (p.plan_id, p.position)).collect::<Vec<_>>(), [(approved, 1), (live, 2)], "in the order given");
    assert_eq!((c.plans[1].account_name.as_str(), c.plans[1].kam_id, c.plans[1].outcome()), ("Northwind", Some(kim.id), None));

    let list = store.committees(org).await.unwrap();
    assert_eq!((list.len(), list[0].plans, list[0].decided), (1, 2, 0));
}

async fn outcomes_write_history_and_notification(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let kim = kam(store, org, "Kim Kamara").await;
    let mia = user(store, org, "Mia Manager", Role::Manager).await;
    let north = account(store, org, "Northwind", 5e6, &kim).await;
    let live = plan(store, org, north, "Northwind FY27", "active", &kim).await;
    let other = plan(store, org, north, "Northwind services", "active", &kim).await;
    let id = store.create_committee(org, date!(2027 - 03 - 15), &[mia.id], &[live], mia.id).await.unwrap();

    let data = OutcomeData { outcome: Outcome::EndorsedWithConditions, text: Some("A second sponsor".into()) };
    let history = Message::new("committee-history-conditions").arg("date", "2027-03-15").arg("text", "A second sponsor");
    let notice = Message::new("committee-history-conditions-notice").arg("plan", "Northwind FY27");
    let n = NewNotification {
        org,
        user: kim.id,
        kind: "committee_outcome",
        plan: Some(live),
        message: &notice,
        link: "/plans/1",
        dedupe_key: None,
    };
    store.record_committee_outcome(org, id, live, &data, mia.id, &history, Some(&n)).await.unwrap();
    let c = store.committee(org, id).await.unwrap();
    assert_eq!(
        (c.plans[0].outcome(), c.plans[0].outcome_text.as_deref()),
        (Some(Outcome::EndorsedWithConditions), Some("A second sponsor"))
    );
    assert_eq!((c.plans[0].decided_by, c.plans[0].decided_at.is_some()), (Some(mia.id), true));
    let log = store.activity(org, live, None).await.unwrap();
    assert_eq!(log[0].message_code, "committee-history-conditions");
    let inbox = store.notifications(org, kim.id, 10).await.unwrap();
    assert_eq!(inbox[0].message().code, "committee-history-conditions-notice");

    // Changed later: recorded again, counted once.
    let endorsed = OutcomeData { outcome: Outcome::Endorsed, text: None };
    store.record_committee_outcome(org, id, live, &endorsed, mia.id, &history, None).await.unwrap();
    let list = store.committees(org).await.unwrap();
    assert_eq!((list[0].decided, list[0].endorsed, list[0].with_conditions), (1, 1, 0));
    // A plan not in the session: not found, and nothing written.
    let before = store.activity(org, other, None).await.unwrap().len();
    assert_not_found(store.record_committee_outcome(org, id, other, &endorsed, mia.id, &history, None).await);
    assert_eq!(store.activity(org, other, None).await.unwrap().len(), before);
}

async fn nothing_crosses_organisations(store: &Store) {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let kim = kam(store, acme, "Kim Kamara").await;
    let zed = kam(store, globex, "Zed Zorn").await;
    let ours = plan(store, acme, account(store, acme, "Northwind", 5e6, &kim).await, "Northwind FY27", "active", &kim).await;
    let theirs = plan(store, globex, account(store, globex, "Initech", 9e6, &zed).await, "Initech FY27", "active", &zed).await;

    assert_eq!(store.committee_candidates(acme).await.unwrap().iter().map(|c| c.plan).collect::<Vec<_>>(), [ours]);
    assert_invalid(store.create_committee(acme, date!(2027 - 03 - 15), &[kim.id], &[theirs], kim.id).await, "plan_ids");
    assert_invalid(store.create_committee(acme, date!(2027 - 03 - 15), &[zed.id], &[ours], kim.id).await, "participant_ids");
    let id = store.create_committee(acme, date!(2027 - 03 - 15), &[kim.id], &[ours], kim.id).await.unwrap();
    assert_not_found(store.committee(globex, id).await);
    assert!(store.committees(globex).await.unwrap().is_empty());
    let endorsed = OutcomeData { outcome: Outcome::Endorsed, text: None };
    assert_not_found(store.record_committee_outcome(globex, id, ours, &endorsed, zed.id, &Message::new("x"), None).await);
    assert_eq!(store.committee(acme, id).await.unwrap().plans[0].outcome(), None);
}
