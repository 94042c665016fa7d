//! Reviews on both databases: planning and editing with versions, holding (which
//! stores a snapshot that never changes afterwards), participants, sign-off moving
//! the plan's status, the review schedule, and organisation scoping.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{PASSWORD_HASH, assert_conflict, assert_invalid, assert_not_found};
use keyplan_domain::account::AccountInput;
use keyplan_domain::contact::ContactInput;
use keyplan_domain::plan::{PlanInput, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::review::{ReviewKind, Signoff};
use keyplan_domain::{OrgId, Role};
use keyplan_store::{NewUser, Plan, ReviewText, Store, User};
use time::macros::date;

on_both_databases! {
    reviews_plan_edit_and_hold => sqlite_reviews_plan_edit_and_hold, postgres_reviews_plan_edit_and_hold;
    snapshots_never_change => sqlite_snapshots_never_change, postgres_snapshots_never_change;
    signoff_moves_the_plan_status => sqlite_signoff_moves_the_plan_status, postgres_signoff_moves_the_plan_status;
    participants_are_users_or_contacts => sqlite_participants_are_users_or_contacts, postgres_participants_are_users_or_contacts;
    schedule_and_scoping => sqlite_schedule_and_scoping, postgres_schedule_and_scoping;
}

struct World {
    org: OrgId,
    kam: User,
    plan: Plan,
}

async fn world(store: &Store, org_name: &str) -> World {
    let org = store.ensure_org(org_name).await.unwrap().id;
    let email = format!("kam@{}.test", org_name.to_lowercase().replace(' ', ""));
    let kam =
        store.create_user(org, NewUser { email: &email, name: "Kim Kamara", role: Role::Kam, password_hash: PASSWORD_HASH }).await.unwrap();
    let data = AccountInput { name: "Globex".into(), ..Default::default() }.validate().unwrap();
    let account = store.create_account(org, &data, kam.id).await.unwrap();
    let pdata = PlanInput { title: "Globex 2027".into(), period_start: "2027-01-01".into(), ..Default::default() }
        .validate(date!(2026 - 11 - 01))
        .unwrap();
    let plan = store.create_plan(org, account.id, &pdata, TEMPLATE_ONE_PAGE, kam.id).await.unwrap();
    World { org, kam, plan }
}

async fn reviews_plan_edit_and_hold(store: &Store) {
    let w = world(store, "Acme").await;
    let r = store.create_review(w.org, w.plan.id, ReviewKind::Team, date!(2027 - 03 - 31), Some(w.kam.id)).await.unwrap();
    assert_eq!((r.kind(), r.version, r.is_held()), (ReviewKind::Team, 1, false));
    let text = ReviewText { review_date: date!(2027 - 04 - 01), notes: Some("Trial is late".into()), decisions: Some("Escalate".into()) };
    let r2 = store.update_review(w.org, r.id, 1, &text, w.kam.id).await.unwrap();
    assert_eq!((r2.version, r2.review_date, r2.notes.as_deref()), (2, date!(2027 - 04 - 01), Some("Trial is late")));
    assert_conflict(store.update_review(w.org, r.id, 1, &text, w.kam.id).await, 2);

    assert_conflict(store.hold_review(w.org, r.id, 1, "{}", None, date!(2027 - 07 - 01), Some(w.kam.id)).await, 2);
    let held = store.hold_review(w.org, r.id, 2, r#"{"title":"Globex 2027"}"#, None, date!(2027 - 07 - 01), Some(w.kam.id)).await.unwrap();
    assert!(held.is_held() && held.snapshot_id.is_some());
    assert_invalid(store.hold_review(w.org, r.id, 3, "{}", None, date!(2027 - 07 - 01), Some(w.kam.id)).await, "held_at");
    let sched = store.review_schedule(w.org, w.plan.id).await.unwrap();
    assert_eq!((sched.next_review_date, sched.last_held), (Some(date!(2027 - 07 - 01)), Some(date!(2027 - 04 - 01))));

    let listed = store.reviews(w.org, w.plan.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    let snaps = store.snapshots(w.org, w.plan.id).await.unwrap();
    assert_eq!(snaps.len(), 1);
    assert_eq!(snaps[0].label, "Team review 2027-04-01");
}

async fn snapshots_never_change(store: &Store) {
    let w = world(store, "Acme").await;
    let r = store.create_review(w.org, w.plan.id, ReviewKind::Team, date!(2027 - 03 - 31), Some(w.kam.id)).await.unwrap();
    let data = r#"{"title":"Globex 2027","status":"Draft"}"#;
    let held = store.hold_review(w.org, r.id, r.version, data, None, date!(2027 - 06 - 30), Some(w.kam.id)).await.unwrap();
    let id = held.snapshot_id.unwrap();
    // Edit the plan and the review afterwards: the stored snapshot stays as taken.
    let edited =
        PlanInput { title: "Renamed".into(), status: "active".into(), ..Default::default() }.validate(date!(2027 - 01 - 01)).unwrap();
    store.update_plan(w.org, w.plan.id, w.plan.version, &edited, w.kam.id).await.unwrap();
    let text = ReviewText { review_date: date!(2027 - 04 - 02), notes: Some("later".into()), decisions: None };
    store.update_review(w.org, r.id, held.version, &text, w.kam.id).await.unwrap();
    let s = store.snapshot(w.org, id).await.unwrap();
    assert_eq!(s.data, data);
    assert_eq!(s.info.plan_id, w.plan.id);
    let extra = store.create_snapshot(w.org, w.plan.id, "On demand", "{}", Some(w.kam.id)).await.unwrap();
    assert_eq!(store.snapshots(w.org, w.plan.id).await.unwrap().iter().map(|s| s.id).collect::<Vec<_>>(), vec![id, extra.id]);
}

async fn signoff_moves_the_plan_status(store: &Store) {
    let w = world(store, "Acme").await;
    let r = store.create_review(w.org, w.plan.id, ReviewKind::Management, date!(2027 - 03 - 31), Some(w.kam.id)).await.unwrap();
    let held = store.hold_review(w.org, r.id, 1, "{}", None, date!(2027 - 06 - 30), Some(w.kam.id)).await.unwrap();
    let before = store.plan(w.org, w.plan.id).await.unwrap();
    let signed = store.signoff_review(w.org, r.id, held.version, Signoff::Approved, Some("Go"), w.kam.id).await.unwrap();
    assert_eq!(
        (signed.signoff(), signed.signoff_comment.as_deref(), signed.signoff_by),
        (Some(Signoff::Approved), Some("Go"), Some(w.kam.id))
    );
    let after = store.plan(w.org, w.plan.id).await.unwrap();
    assert_eq!((after.status(), after.version), (PlanStatus::Approved, before.version + 1));
    assert_conflict(store.signoff_review(w.org, r.id, held.version, Signoff::ChangesRequested, None, w.kam.id).await, signed.version);
    store.signoff_review(w.org, r.id, signed.version, Signoff::ChangesRequested, Some("Add KPIs"), w.kam.id).await.unwrap();
    assert_eq!(store.plan(w.org, w.plan.id).await.unwrap().status(), PlanStatus::Active);
}

async fn participants_are_users_or_contacts(store: &Store) {
    let w = world(store, "Acme").await;
    let r = store.create_review(w.org, w.plan.id, ReviewKind::Customer, date!(2027 - 03 - 31), Some(w.kam.id)).await.unwrap();
    let cdata = ContactInput { name: "Ines Roth".into(), ..Default::default() }.validate().unwrap();
    let contact = store.create_contact(w.org, w.plan.account_id, &cdata, w.kam.id).await.unwrap();
    store.add_participant(w.org, r.id, Some(w.kam.id), None).await.unwrap();
    store.add_participant(w.org, r.id, None, Some(contact.id)).await.unwrap();
    store.add_participant(w.org, r.id, Some(w.kam.id), None).await.unwrap();
    let ps = store.participants(w.org, r.id).await.unwrap();
    assert_eq!(ps.len(), 2, "adding twice keeps one");
    assert_eq!((ps[0].user_id, ps[1].contact_id), (Some(w.kam.id), Some(contact.id)));
    assert_invalid(store.add_participant(w.org, r.id, None, None).await, "user_id");
    let other = world(store, "Globex Corp").await;
    assert_invalid(store.add_participant(w.org, r.id, Some(other.kam.id), None).await, "user_id");
    store.remove_participant(w.org, r.id, ps[0].id).await.unwrap();
    assert_not_found(store.remove_participant(w.org, r.id, ps[0].id).await);
    assert_eq!(store.participants(w.org, r.id).await.unwrap().len(), 1);
}

async fn schedule_and_scoping(store: &Store) {
    let w = world(store, "Acme").await;
    let s = store.review_schedule(w.org, w.plan.id).await.unwrap();
    assert_eq!((s.review_cadence_months, s.next_review_date, s.last_held), (3, None, None));
    let s = store.set_review_schedule(w.org, w.plan.id, w.plan.version, 6, Some(date!(2027 - 02 - 15)), w.kam.id).await.unwrap();
    assert_eq!((s.review_cadence_months, s.next_review_date), (6, Some(date!(2027 - 02 - 15))));
    assert_conflict(store.set_review_schedule(w.org, w.plan.id, w.plan.version, 3, None, w.kam.id).await, w.plan.version + 1);
    assert_eq!(store.review_schedules(w.org).await.unwrap().len(), 1);

    let other = world(store, "Globex Corp").await;
    let r = store.create_review(w.org, w.plan.id, ReviewKind::Team, date!(2027 - 03 - 31), Some(w.kam.id)).await.unwrap();
    assert_not_found(store.review(other.org, r.id).await);
    assert_not_found(store.create_review(other.org, w.plan.id, ReviewKind::Team, date!(2027 - 03 - 31), Some(other.kam.id)).await);
    let held = store.hold_review(w.org, r.id, 1, "{}", None, date!(2027 - 06 - 30), Some(w.kam.id)).await.unwrap();
    assert_not_found(store.snapshot(other.org, held.snapshot_id.unwrap()).await);
    assert!(store.snapshots(other.org, w.plan.id).await.unwrap().is_empty());
    assert!(store.reviews(other.org, w.plan.id).await.unwrap().is_empty());
}
