//! Working together, on both databases: comments and the activity history,
//! notifications with their dedupe keys and read state, the queries behind due
//! and review reminders, and calendar feed tokens. All scoped to the organisation.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{assert_not_found, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{Message, NotificationId, OrgId, PlanId};
use keyplan_store::{NewNotification, NodeWrite, Plan, Store, User};
use time::Date;
use time::macros::date;

on_both_databases! {
    comments_and_activity => sqlite_comments_and_activity, postgres_comments_and_activity;
    notifications_dedupe_and_read => sqlite_notifications_dedupe_and_read, postgres_notifications_dedupe_and_read;
    reminder_and_calendar_queries => sqlite_reminder_and_calendar_queries, postgres_reminder_and_calendar_queries;
    calendar_feed_tokens => sqlite_calendar_feed_tokens, postgres_calendar_feed_tokens;
}

struct World {
    acme: OrgId,
    globex: OrgId,
    ann: User,
    ben: User,
    plan: Plan,
    other_org_plan: Plan,
}

async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, acme, "Ann Archer").await;
    let ben = kam(store, acme, "Ben Baker").await;
    let gil = kam(store, globex, "Gil Grey").await;
    let data = AccountInput { name: "Northwind".into(), owner_id: ann.id.to_string(), ..Default::default() }.validate().unwrap();
    let acct = store.create_account(acme, &data, ann.id).await.unwrap();
    let plan = store.create_plan(acme, acct.id, &plan_input("FY26 Northwind"), "strategic", ann.id).await.unwrap();
    let gdata = AccountInput { name: "Initech".into(), ..Default::default() }.validate().unwrap();
    let gacct = store.create_account(globex, &gdata, gil.id).await.unwrap();
    let other_org_plan = store.create_plan(globex, gacct.id, &plan_input("Initech"), "strategic", gil.id).await.unwrap();
    World { acme, globex, ann, ben, plan, other_org_plan }
}

async fn comments_and_activity(store: &Store) {
    let w = world(store).await;
    let c1 = store.add_comment(w.acme, w.plan.id, "plan", w.plan.id.get(), w.ann.id, "First thoughts").await.unwrap();
    let c2 = store.add_comment(w.acme, w.plan.id, "node", 42, w.ben.id, "On the goal").await.unwrap();
    assert_eq!(c1.author_name, "Ann Archer");
    let list = store.comments(w.acme, w.plan.id).await.unwrap();
    assert_eq!(list.iter().map(|c| (c.id, c.body.as_str())).collect::<Vec<_>>(), [(c1.id, "First thoughts"), (c2.id, "On the goal")]);
    assert_eq!((list[1].target_kind.as_str(), list[1].target_id), ("node", 42));
    // Another organisation's plan does not exist for us.
    assert_not_found(store.add_comment(w.acme, w.other_org_plan.id, "plan", 1, w.ann.id, "x").await);
    assert!(store.comments(w.globex, w.plan.id).await.unwrap().is_empty());

    for i in 0..3 {
        store
            .record_activity(w.acme, w.plan.id, Some(w.ann.id), "updated", "node", Some(i), &Message::verbatim(format!("edit {i}")))
            .await
            .unwrap();
    }
    let all = store.activity(w.acme, w.plan.id, None).await.unwrap();
    assert_eq!(all.iter().map(|a| a.message()).collect::<Vec<_>>(), ["edit 2", "edit 1", "edit 0"].map(Message::verbatim), "newest first");
    assert_eq!(all[0].actor_name.as_deref(), Some("Ann Archer"));
    // A timestamp on both databases (TIMESTAMPTZ on PostgreSQL since migration 0004), to the microsecond.
    let age = time::OffsetDateTime::now_utc() - all[0].at;
    assert!(age >= time::Duration::ZERO && age < time::Duration::minutes(1), "recorded just now: {}", all[0].at);
    assert_eq!(all[0].at.nanosecond() % 1000, 0, "microseconds, as PostgreSQL keeps them");
    assert!(all[0].at >= all[1].at && all[1].at >= all[2].at);
    assert_eq!(store.activity(w.acme, w.plan.id, Some(2)).await.unwrap().len(), 2);
    assert!(store.activity(w.globex, w.plan.id, None).await.unwrap().is_empty());
}

async fn notifications_dedupe_and_read(store: &Store) {
    let w = world(store).await;
    let texts = ["Due soon", "Due soon again", "No key"].map(Message::verbatim);
    let n = |key: Option<&'static str>, msg: &'static str| NewNotification {
        org: w.acme,
        user: w.ben.id,
        kind: "commitment_due",
        plan: Some(w.plan.id),
        message: texts.iter().find(|m| m.args["text"] == msg.into()).unwrap(),
        link: "/me/commitments",
        dedupe_key: key,
    };
    assert!(store.notify(&n(Some("due:1:2026-03-20"), "Due soon")).await.unwrap());
    assert!(!store.notify(&n(Some("due:1:2026-03-20"), "Due soon again")).await.unwrap(), "same key: nothing new");
    assert!(store.notify(&n(None, "No key")).await.unwrap());
    assert!(store.notify(&n(None, "No key")).await.unwrap(), "without a key nothing is deduplicated");
    // The same key for someone else is a separate notification.
    assert!(store.notify(&NewNotification { user: w.ann.id, ..n(Some("due:1:2026-03-20"), "Due soon") }).await.unwrap());

    assert_eq!(store.unread_notifications(w.acme, w.ben.id).await.unwrap(), 3);
    let list = store.notifications(w.acme, w.ben.id, 50).await.unwrap();
    assert_eq!(list.len(), 3);
    store.mark_notification_read(w.acme, w.ben.id, list[2].id).await.unwrap();
    assert_eq!(store.unread_notifications(w.acme, w.ben.id).await.unwrap(), 2);
    let list = store.notifications(w.acme, w.ben.id, 50).await.unwrap();
    assert!(list[2].read_at.is_some(), "read ones come last");
    // Someone else's notification, or another organisation's view: not found.
    let anns = store.notifications(w.acme, w.ann.id, 50).await.unwrap();
    assert_not_found(store.mark_notification_read(w.acme, w.ben.id, anns[0].id).await);
    assert_not_found(store.mark_notification_read(w.globex, w.ann.id, anns[0].id).await);
    assert_not_found(store.mark_notification_read(w.acme, w.ann.id, NotificationId::new(999_999)).await);
    assert_eq!(store.mark_all_notifications_read(w.acme, w.ben.id).await.unwrap(), 2);
    assert_eq!(store.unread_notifications(w.acme, w.ben.id).await.unwrap(), 0);

    let hour_ago = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    let unmailed = store.unmailed_notifications(hour_ago, 10).await.unwrap();
    assert_eq!(unmailed.len(), 4);
    assert!(unmailed.iter().all(|u| !u.email.is_empty() && !u.kind.is_empty()));
    store.mark_notification_emailed(unmailed[0].id).await.unwrap();
    assert_eq!(store.unmailed_notifications(hour_ago, 10).await.unwrap().len(), 3);
    assert_eq!(store.unmailed_notifications(hour_ago, 2).await.unwrap().len(), 2, "the limit holds");
    // Older news is not mailed when mail is switched on later.
    let in_a_minute = time::OffsetDateTime::now_utc() + time::Duration::minutes(1);
    assert!(store.unmailed_notifications(in_a_minute, 10).await.unwrap().is_empty());
}

async fn commitment(store: &Store, w: &World, plan: PlanId, title: &str, due: Date, acceptance: Acceptance, status: CommitmentStatus) {
    let goal =
        store.create_node(w.acme, plan, NodeKind::Goal, None, &NodeWrite::titled(format!("Goal for {title}")), w.ann.id).await.unwrap();
    let write = NodeWrite {
        owner_id: Some(w.ben.id),
        author_id: Some(w.ann.id),
        acceptance: Some(acceptance),
        status: Some(status),
        due_date: Some(due),
        ..NodeWrite::titled(title)
    };
    store.create_node(w.acme, plan, NodeKind::Commitment, Some(goal.id), &write, w.ann.id).await.unwrap();
}

async fn reminder_and_calendar_queries(store: &Store) {
    let w = world(store).await;
    let soon = date!(2026 - 03 - 20);
    commitment(store, &w, w.plan.id, "Accepted soon", soon, Acceptance::Accepted, CommitmentStatus::Open).await;
    commitment(store, &w, w.plan.id, "Accepted late", date!(2026 - 03 - 01), Acceptance::Accepted, CommitmentStatus::InProgress).await;
    commitment(store, &w, w.plan.id, "Accepted far", date!(2026 - 06 - 01), Acceptance::Accepted, CommitmentStatus::Open).await;
    commitment(store, &w, w.plan.id, "Done already", soon, Acceptance::Accepted, CommitmentStatus::Done).await;
    commitment(store, &w, w.plan.id, "Only proposed", soon, Acceptance::Proposed, CommitmentStatus::Open).await;

    let due = store.commitments_due_by(date!(2026 - 03 - 22)).await.unwrap();
    assert_eq!(due.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["Accepted late", "Accepted soon"]);
    assert_eq!((due[0].owner_id, due[0].org_id, due[0].plan_title.as_str()), (w.ben.id, w.acme, "FY26 Northwind"));

    let mine = store.accepted_commitments_of(w.acme, w.ben.id).await.unwrap();
    assert_eq!(
        mine.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(),
        ["Accepted late", "Accepted soon", "Done already", "Accepted far"]
    );
    assert!(store.accepted_commitments_of(w.globex, w.ben.id).await.unwrap().is_empty());
    assert!(store.reviews_of(w.acme, w.ben.id).await.unwrap().is_empty());
    assert!(store.reviews_due_by(date!(2026 - 03 - 22)).await.unwrap().iter().all(|r| r.plan_id != w.plan.id || r.user_id == w.ann.id));
}

async fn calendar_feed_tokens(store: &Store) {
    let w = world(store).await;
    assert_eq!(store.calendar_feed_created(w.acme, w.ben.id).await.unwrap(), None);
    store.set_calendar_feed(w.acme, w.ben.id, "hash-one").await.unwrap();
    assert_eq!(store.calendar_feed_user("hash-one").await.unwrap(), Some((w.acme, w.ben.id)));
    store.set_calendar_feed(w.acme, w.ben.id, "hash-two").await.unwrap();
    assert_eq!(store.calendar_feed_user("hash-one").await.unwrap(), None, "a new token replaces the old");
    assert_eq!(store.calendar_feed_user("hash-two").await.unwrap(), Some((w.acme, w.ben.id)));
    assert!(store.calendar_feed_created(w.acme, w.ben.id).await.unwrap().is_some());
    store.delete_calendar_feed(w.globex, w.ben.id).await.unwrap();
    assert!(store.calendar_feed_user("hash-two").await.unwrap().is_some(), "another organisation cannot revoke it");
    store.delete_calendar_feed(w.acme, w.ben.id).await.unwrap();
    assert_eq!(store.calendar_feed_user("hash-two").await.unwrap(), None);
}
