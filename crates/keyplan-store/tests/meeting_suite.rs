//! Regular sales meetings on both databases: the counts the default agenda
//! ranks by (new obstacles and declined commitments since a moment, overdue
//! commitments on a day, changed goals), a meeting keeps its agenda in order
//! with a snapshot per plan, closing takes the snapshots again once, the
//! earlier snapshots are found per plan, a decision writes its item, history
//! line and notification in one transaction (or nothing when the plan is not
//! on the agenda), and nothing crosses organisations.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{assert_invalid, assert_not_found, kam, user};
use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::PlanInput;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, Message, NodeId, OrgId, PlanId, Role};
use keyplan_store::{NewMeetingSnapshot, NewNotification, NodeWrite, Store, User};
use time::macros::date;
use time::{Duration, OffsetDateTime};

on_both_databases! {
    signals_count_what_moved => sqlite_signals_count_what_moved, postgres_signals_count_what_moved;
    meetings_keep_agenda_snapshots_and_items => sqlite_meetings_keep_agenda_snapshots_and_items, postgres_meetings_keep_agenda_snapshots_and_items;
    meetings_stay_in_their_organisation => sqlite_meetings_stay_in_their_organisation, postgres_meetings_stay_in_their_organisation;
}

async fn account(store: &Store, org: OrgId, name: &str, owner: &User) -> AccountId {
    let input = AccountInput { name: name.into(), potential: "1000000".into(), owner_id: owner.id.to_string(), ..Default::default() };
    store.create_account(org, &input.validate().unwrap(), owner.id).await.unwrap().id
}

async fn plan(store: &Store, org: OrgId, account: AccountId, title: &str, status: &str, by: &User) -> PlanId {
    let data = PlanInput { title: title.into(), status: status.into(), ..Default::default() }.validate(common::TODAY).unwrap();
    store.create_plan(org, account, &data, "strategic", by.id).await.unwrap().id
}

async fn node(store: &Store, org: OrgId, plan: PlanId, kind: NodeKind, parent: Option<NodeId>, w: NodeWrite, by: &User) -> NodeId {
    store.create_node(org, plan, kind, parent, &w, by.id).await.unwrap().id
}

fn commitment(title: &str, owner: &User, due: time::Date, acceptance: Acceptance) -> NodeWrite {
    NodeWrite {
        owner_id: Some(owner.id),
        due_date: Some(due),
        status: Some(CommitmentStatus::Open),
        acceptance: Some(acceptance),
        ..NodeWrite::titled(title)
    }
}

async fn signals_count_what_moved(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let kim = kam(store, org, "Kim Kamara").await;
    let a = account(store, org, "Northwind", &kim).await;
    let busy = plan(store, org, a, "Busy", "active", &kim).await;
    let archived = plan(store, org, a, "Old", "archived", &kim).await;
    let quiet = plan(store, org, a, "Quiet", "draft", &kim).await;
    let goal = node(store, org, busy, NodeKind::Goal, None, NodeWrite::titled("Grow"), &kim).await;
    let csf = node(store, org, busy, NodeKind::Csf, Some(goal), NodeWrite::titled("Factor"), &kim).await;
    let cond = node(store, org, busy, NodeKind::Condition, Some(csf), NodeWrite::titled("Condition"), &kim).await;
    let obstacle = node(store, org, busy, NodeKind::Obstacle, Some(cond), NodeWrite::titled("Obstacle"), &kim).await;
    let on = date!(2027 - 03 - 15);
    node(
        store,
        org,
        busy,
        NodeKind::Commitment,
        Some(obstacle),
        commitment("Late", &kim, date!(2027 - 03 - 01), Acceptance::Accepted),
        &kim,
    )
    .await;
    node(
        store,
        org,
        busy,
        NodeKind::Commitment,
        Some(obstacle),
        commitment("Later", &kim, date!(2027 - 04 - 01), Acceptance::Accepted),
        &kim,
    )
    .await;
    node(store, org, busy, NodeKind::Commitment, Some(goal), commitment("No", &kim, date!(2027 - 04 - 01), Acceptance::Declined), &kim)
        .await;
    let ago = OffsetDateTime::now_utc() - Duration::days(1);
    let signals = store.meeting_signals(org, ago, on).await.unwrap();
    let ids: Vec<PlanId> = signals.iter().map(|s| s.plan).collect();
    assert_eq!(ids, [busy, quiet], "archived plans never go on an agenda");
    assert!(!ids.contains(&archived));
    let b = &signals[0];
    assert_eq!((b.new_obstacles, b.declined, b.overdue, b.changed_goals), (1, 1, 1, 1), "{b:?}");
    assert_eq!((b.title.as_str(), b.account_name.as_str(), b.potential), ("Busy", "Northwind", Some(1e6)));
    let q = &signals[1];
    assert_eq!((q.new_obstacles, q.declined, q.overdue, q.changed_goals), (0, 0, 0, 0));
    // Nothing is new since tomorrow; the overdue commitment still is.
    let later = store.meeting_signals(org, OffsetDateTime::now_utc() + Duration::days(1), on).await.unwrap();
    assert_eq!((later[0].new_obstacles, later[0].declined, later[0].overdue, later[0].changed_goals), (0, 0, 1, 0));
    // On an earlier day nothing is overdue yet.
    assert_eq!(store.meeting_signals(org, ago, date!(2027 - 02 - 01)).await.unwrap()[0].overdue, 0);
}

fn snap(plan: PlanId, title: &str) -> NewMeetingSnapshot {
    NewMeetingSnapshot { plan, data: format!("{{\"title\": \"{title}\"}}") }
}

async fn meetings_keep_agenda_snapshots_and_items(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let kim = kam(store, org, "Kim Kamara").await;
    let mia = user(store, org, "Mia Manager", Role::Manager).await;
    let a = account(store, org, "Northwind", &kim).await;
    let one = plan(store, org, a, "One", "active", &kim).await;
    let two = plan(store, org, a, "Two", "active", &kim).await;
    let old = plan(store, org, a, "Old", "archived", &kim).await;
    assert_eq!(store.agenda_plans_known(org, &[two, old, one]).await.unwrap().len(), 2, "archived plans are not known to agendas");
    assert_eq!(store.last_meeting_before(org, date!(2027 - 03 - 15), None).await.unwrap(), None);

    let first = store
        .create_meeting(org, "KAM round", date!(2027 - 03 - 01), &[snap(two, "v1"), snap(one, "v1")], "Sales meeting 2027-03-01", mia.id)
        .await
        .unwrap();
    let m = store.meeting(org, first).await.unwrap();
    assert_eq!(m.plans.iter().map(|p| (p.plan_id, p.position)).collect::<Vec<_>>(), [(two, 1), (one, 2)], "in the order given");
    assert!(m.plans.iter().all(|p| p.snapshot_id.is_some()));
    assert_eq!((m.plans[0].kam_id, m.plans[0].account_name.as_str()), (Some(kim.id), "Northwind"));
    let taken = store.snapshot(org, m.plans[0].snapshot_id.unwrap()).await.unwrap();
    assert_eq!((taken.info.label.as_str(), taken.data.as_str()), ("Sales meeting 2027-03-01", "{\"title\": \"v1\"}"));

    // Closing takes the snapshots again, once.
    store.close_meeting(org, first, &[snap(two, "v2"), snap(one, "v2")], "Sales meeting 2027-03-01", mia.id).await.unwrap();
    let closed = store.meeting(org, first).await.unwrap();
    assert!(closed.closed_at.is_some());
    assert_ne!(closed.plans[0].snapshot_id, m.plans[0].snapshot_id);
    assert_eq!(store.snapshot(org, closed.plans[0].snapshot_id.unwrap()).await.unwrap().data, "{\"title\": \"v2\"}");
    assert_invalid(store.close_meeting(org, first, &[snap(two, "v3")], "x", mia.id).await, "meeting");
    assert_eq!(
        store.snapshot(org, closed.plans[0].snapshot_id.unwrap()).await.unwrap().data,
        "{\"title\": \"v2\"}",
        "nothing half-written"
    );

    let second =
        store.create_meeting(org, "", date!(2027 - 03 - 15), &[snap(one, "v3")], "Sales meeting 2027-03-15", mia.id).await.unwrap();
    assert_eq!(store.last_meeting_before(org, date!(2027 - 03 - 15), Some(second)).await.unwrap(), Some(date!(2027 - 03 - 01)));
    let m2 = store.meeting(org, second).await.unwrap();
    let earlier = store.earlier_snapshots(org, &m2).await.unwrap();
    let from_meetings: Vec<_> = earlier.iter().filter(|e| e.meeting_on.is_some()).collect();
    assert_eq!(from_meetings.len(), 1, "the closing snapshot of the first meeting: {earlier:?}");
    assert_eq!((from_meetings[0].plan_id, from_meetings[0].meeting_on), (one, Some(date!(2027 - 03 - 01))));
    assert!(earlier.iter().all(|e| e.plan_id == one && Some(e.snapshot_id) != m2.plans[0].snapshot_id));

    // A decision writes the item, the history line and the notification together.
    let history = Message::new("meeting-history-decision").arg("date", "2027-03-15").arg("text", "Go");
    let n = NewNotification {
        org,
        user: kim.id,
        kind: "meeting_decision",
        plan: Some(one),
        message: &history,
        link: "/plans/1",
        dedupe_key: None,
    };
    let item = store.record_meeting_item(org, second, one, "decision", "Go", None, mia.id, &history, Some(&n)).await.unwrap();
    assert_eq!((item.kind.as_str(), item.text.as_str(), item.created_by_name.as_deref()), ("decision", "Go", Some("Mia Manager")));
    let lines = store.activity(org, one, None).await.unwrap();
    assert_eq!(lines.iter().filter(|a| a.action == "meeting").count(), 1);
    assert_eq!(store.notifications(org, kim.id, 10).await.unwrap().len(), 1);
    // Not on the agenda: nothing at all.
    assert_not_found(store.record_meeting_item(org, second, two, "decision", "No", None, mia.id, &history, Some(&n)).await);
    assert_eq!(store.activity(org, two, None).await.unwrap().iter().filter(|a| a.action == "meeting").count(), 0);
    assert_eq!(store.notifications(org, kim.id, 10).await.unwrap().len(), 1);

    let list = store.meetings(org).await.unwrap();
    assert_eq!(list.iter().map(|m| m.held_on).collect::<Vec<_>>(), [date!(2027 - 03 - 15), date!(2027 - 03 - 01)]);
    assert_eq!((list[0].plans, list[0].decisions, list[0].follow_ups), (1, 1, 0));
    assert_eq!((list[1].plans, list[1].decisions, list[1].closed_at.is_some()), (2, 0, true));

    // Open asks: commitments asked of someone and not accepted.
    let goal = node(store, org, one, NodeKind::Goal, None, NodeWrite::titled("Grow"), &kim).await;
    node(store, org, one, NodeKind::Commitment, Some(goal), commitment("Asked", &mia, date!(2027 - 04 - 01), Acceptance::Proposed), &kim)
        .await;
    node(store, org, one, NodeKind::Commitment, Some(goal), commitment("Taken", &kim, date!(2027 - 04 - 01), Acceptance::Accepted), &kim)
        .await;
    let asks = store.open_asks(org, &[one, two]).await.unwrap();
    assert_eq!(asks.iter().map(|a| (a.title.as_str(), a.owner_name.as_deref())).collect::<Vec<_>>(), [("Asked", Some("Mia Manager"))]);
}

async fn meetings_stay_in_their_organisation(store: &Store) {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let kim = kam(store, acme, "Kim Kamara").await;
    let zed = user(store, globex, "Zed Boss", Role::Manager).await;
    let a = account(store, acme, "Northwind", &kim).await;
    let ours = plan(store, acme, a, "Ours", "active", &kim).await;
    let id = store.create_meeting(acme, "", date!(2027 - 03 - 01), &[snap(ours, "v1")], "Sales meeting 2027-03-01", kim.id).await.unwrap();
    assert_not_found(store.meeting(globex, id).await);
    assert!(store.meetings(globex).await.unwrap().is_empty());
    assert!(store.agenda_plans_known(globex, &[ours]).await.unwrap().is_empty());
    assert!(store.meeting_signals(globex, OffsetDateTime::now_utc() - Duration::days(1), date!(2027 - 03 - 01)).await.unwrap().is_empty());
    assert!(store.open_asks(globex, &[ours]).await.unwrap().is_empty());
    assert_eq!(store.last_meeting_before(globex, date!(2027 - 12 - 31), None).await.unwrap(), None);
    let history = Message::new("x");
    assert_not_found(store.record_meeting_item(globex, id, ours, "decision", "Mine", None, zed.id, &history, None).await);
    assert_invalid(store.close_meeting(globex, id, &[], "x", zed.id).await, "meeting");
    assert!(store.meeting(acme, id).await.unwrap().closed_at.is_none());
}
