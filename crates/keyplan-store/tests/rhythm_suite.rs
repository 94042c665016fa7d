//! Plans in the business rhythm on both databases (issue 17): the update
//! facts the reminders read (the plan's own change and its history), an update
//! reminder recorded and notified once per interval however often it is sent,
//! the organisation's update interval and quality scale, the managers' quality
//! ratings (one per review, each organisation its own), and the budget basis's
//! facts in a fixed number of statements.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{kam, plan_input, user};
use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::quality::QualityScale;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::{Message, OrgId, Role};
use keyplan_store::{NewNotification, NewRating, Plan, Store, User};
use time::{Duration, OffsetDateTime};

on_both_databases! {
    update_reminders_are_sent_once_per_interval => sqlite_update_reminders_are_sent_once_per_interval, postgres_update_reminders_are_sent_once_per_interval;
    interval_and_scale_settings => sqlite_interval_and_scale_settings, postgres_interval_and_scale_settings;
    ratings_one_per_review_and_scoped => sqlite_ratings_one_per_review_and_scoped, postgres_ratings_one_per_review_and_scoped;
    budget_facts_in_five_statements => sqlite_budget_facts_in_five_statements, postgres_budget_facts_in_five_statements;
}

struct World {
    org: OrgId,
    kam: User,
    plan: Plan,
}

async fn world(store: &Store, org_name: &str) -> World {
    let org = store.ensure_org(org_name).await.unwrap().id;
    let kam = kam(store, org, &format!("Kim {org_name}")).await;
    let data = AccountInput { name: "Globex".into(), ..Default::default() }.validate().unwrap();
    let account = store.create_account(org, &data, kam.id).await.unwrap();
    let plan = store.create_plan(org, account.id, &plan_input("Globex 2027"), TEMPLATE_ONE_PAGE, kam.id).await.unwrap();
    World { org, kam, plan }
}

async fn update_reminders_are_sent_once_per_interval(store: &Store) {
    let w = world(store, "Acme").await;
    let today = OffsetDateTime::now_utc().date();
    let facts = store.update_facts().await.unwrap();
    assert_eq!(facts.len(), 1);
    let f = &facts[0];
    assert_eq!((f.plan_id, f.kam_id, f.update_interval_days, f.last_held), (w.plan.id, Some(w.kam.id), 90, None));
    assert_eq!(f.last_update(), today, "made today");
    // A change in the plan's history counts as an update.
    store.record_activity(w.org, w.plan.id, Some(w.kam.id), "updated", "node", None, &Message::new("stored-node-updated")).await.unwrap();
    let f = store.update_facts().await.unwrap().remove(0);
    assert!(f.last_activity.is_some() && f.last_update() == today);
    let sched = store.review_schedule(w.org, w.plan.id).await.unwrap();
    assert_eq!((sched.last_update(), sched.update_interval_days), (today, 90));

    let end = today + Duration::days(90);
    let message = Message::new("stored-notif-update-due").arg("plan", "Globex 2027").iso_date("date", end);
    let key = format!("plan_update_due:{}:{end}", w.plan.id.get());
    let n = NewNotification {
        org: w.org,
        user: w.kam.id,
        kind: "plan_update_due",
        plan: Some(w.plan.id),
        message: &message,
        link: "/plans/1",
        dedupe_key: Some(&key),
    };
    // Three servers at once, then one more round: one reminder.
    let (a, b, c) = tokio::join!(
        store.send_update_reminder(w.plan.id, end, &n),
        store.send_update_reminder(w.plan.id, end, &n),
        store.send_update_reminder(w.plan.id, end, &n)
    );
    let sent = [a.unwrap(), b.unwrap(), c.unwrap()];
    assert_eq!(sent.iter().filter(|s| **s).count(), 1, "{sent:?}");
    assert!(!store.send_update_reminder(w.plan.id, end, &n).await.unwrap(), "not again for the same interval");
    let notes = store.notifications(w.org, w.kam.id, 10).await.unwrap();
    assert_eq!(notes.iter().filter(|x| x.kind == "plan_update_due").count(), 1);
    assert_eq!(store.update_reminders(w.org, w.plan.id).await.unwrap(), vec![(w.kam.id, end)]);
    // A later interval (the plan was updated since) has its own reminder.
    let later = end + Duration::days(40);
    let key2 = format!("plan_update_due:{}:{later}", w.plan.id.get());
    assert!(store.send_update_reminder(w.plan.id, later, &NewNotification { dedupe_key: Some(&key2), ..n.clone() }).await.unwrap());
    assert_eq!(store.update_reminders(w.org, w.plan.id).await.unwrap().len(), 2);
    // Another organisation sees none of it.
    let other = world(store, "Other").await;
    assert!(store.update_reminders(other.org, w.plan.id).await.unwrap().is_empty());
}

async fn interval_and_scale_settings(store: &Store) {
    let w = world(store, "Acme").await;
    let (s, version) = store.organisation_settings(w.org).await.unwrap();
    assert_eq!((s.update_interval_days, &s.quality_scale), (90, &QualityScale::default()));
    let scale = QualityScale { min: 0, max: 2, labels: vec!["No".into(), "Partly".into(), "Yes".into()] };
    let next = keyplan_domain::settings::OrganisationSettings { update_interval_days: 30, quality_scale: scale.clone(), ..s.clone() };
    let (saved, _) = store.set_organisation_settings(w.org, version, &next).await.unwrap().expect("saved");
    assert_eq!((saved.update_interval_days, &saved.quality_scale), (30, &scale));
    let (read, v2) = store.organisation_settings(w.org).await.unwrap();
    assert_eq!(read, next);
    assert_eq!(store.review_schedule(w.org, w.plan.id).await.unwrap().update_interval_days, 30);
    // Back to the default scale.
    let back = keyplan_domain::settings::OrganisationSettings { quality_scale: QualityScale::default(), ..read };
    let (saved, _) = store.set_organisation_settings(w.org, v2, &back).await.unwrap().expect("saved");
    assert_eq!(saved.quality_scale, QualityScale::default());
}

async fn ratings_one_per_review_and_scoped(store: &Store) {
    let w = world(store, "Acme").await;
    let mia = user(store, w.org, "Mia Manager", Role::Manager).await;
    let today = OffsetDateTime::now_utc().date();
    let r = store.create_review(w.org, w.plan.id, ReviewKind::Management, today, Some(w.kam.id)).await.unwrap();
    let rating = |score: i32, comment: &'static str| NewRating {
        plan: w.plan.id,
        review: r.id,
        score,
        scale_min: 1,
        scale_max: 5,
        label: "Good",
        comment,
        coach_score: Some(71.5),
        coach_level: Some(2),
        rated_by: mia.id,
    };
    let g = store.add_rating(w.org, &rating(4, "Clear goals")).await.unwrap();
    assert_eq!(
        (g.score, g.label.as_str(), g.comment.as_str(), g.coach_score, g.rated_by_name.as_deref()),
        (4, "Good", "Clear goals", Some(71.5), Some("Mia Manager"))
    );
    let again = store.add_rating(w.org, &rating(2, "Second thoughts")).await.unwrap_err();
    assert!(again.is_unique_violation(), "one rating per review: {again:?}");
    let r2 = store.create_review(w.org, w.plan.id, ReviewKind::Management, today, Some(w.kam.id)).await.unwrap();
    store.add_rating(w.org, &NewRating { review: r2.id, ..rating(3, "Later") }).await.unwrap();
    let list = store.ratings(w.org, w.plan.id).await.unwrap();
    assert_eq!(list.iter().map(|g| g.comment.as_str()).collect::<Vec<_>>(), ["Later", "Clear goals"], "newest first");
    let other = world(store, "Other").await;
    assert!(store.ratings(other.org, w.plan.id).await.unwrap().is_empty(), "another organisation's plan");
}

async fn budget_facts_in_five_statements(store: &Store) {
    let w = world(store, "Acme").await;
    let year = w.plan.period_start.year();
    let (first, last) = keyplan_domain::budget::fiscal_year(year).unwrap();
    let before = store.query_count();
    let f = store.budget_facts(w.org, first, last).await.unwrap();
    assert_eq!(store.query_count() - before, 5, "five statements");
    assert!(f.accounts.is_empty(), "a draft plan does not make an account planned");
    let active = |title: &str| PlanData { status: PlanStatus::Active, ..plan_input(title) };
    store.update_plan(w.org, w.plan.id, w.plan.version, &active("Globex 2027"), w.kam.id).await.unwrap();
    for i in 0..3 {
        let data = AccountInput { name: format!("More {i}"), ..Default::default() }.validate().unwrap();
        let a = store.create_account(w.org, &data, w.kam.id).await.unwrap();
        store.create_plan(w.org, a.id, &active("More"), TEMPLATE_ONE_PAGE, w.kam.id).await.unwrap();
    }
    let before = store.query_count();
    let f = store.budget_facts(w.org, first, last).await.unwrap();
    assert_eq!(store.query_count() - before, 5, "still five with four accounts");
    assert_eq!(f.accounts.len(), 4);
    assert_eq!(f.accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Globex", "More 0", "More 1", "More 2"]);
    let (first, last) = keyplan_domain::budget::fiscal_year(year + 5).unwrap();
    assert!(store.budget_facts(w.org, first, last).await.unwrap().accounts.is_empty(), "no plan covers that year");
    let other = world(store, "Other").await;
    let (first, last) = keyplan_domain::budget::fiscal_year(year).unwrap();
    assert!(store.budget_facts(other.org, first, last).await.unwrap().accounts.is_empty(), "each organisation its own");
}
