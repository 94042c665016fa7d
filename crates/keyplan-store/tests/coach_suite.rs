//! The plan coach's storage on both databases: the organisation's rule
//! settings (partial changes that keep what they leave out, scoped to the
//! organisation, strict reads), the facts the excellence ladder reads in one
//! statement, the coach's mark kept with a held review, and each plan's
//! latest mark that lists show.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{kam, plan_input, user};
use keyplan_domain::account::AccountInput;
use keyplan_domain::coach::{CoachSettings, RULES, RuleId, RuleSetting, Severity};
use keyplan_domain::review::ReviewKind;
use keyplan_domain::{Message, OrgId, Role};
use keyplan_store::{AccountFilter, CoachMark, Plan, PlanMark, RuleChange, Store, StoreError, User};
use sqlx::Connection;
use time::macros::date;

on_both_databases! {
    rule_settings_change_only_what_is_sent => sqlite_rule_settings_change_only_what_is_sent, postgres_rule_settings_change_only_what_is_sent;
    facts_for_the_ladder => sqlite_facts_for_the_ladder, postgres_facts_for_the_ladder;
    a_held_review_keeps_the_coach_mark => sqlite_a_held_review_keeps_the_coach_mark, postgres_a_held_review_keeps_the_coach_mark;
    plan_marks_are_kept_newest_first => sqlite_plan_marks_are_kept_newest_first, postgres_plan_marks_are_kept_newest_first;
}

on_both_databases! {
    with_url:
    an_unknown_stored_rule_fails_the_read => sqlite_an_unknown_stored_rule_fails_the_read, postgres_an_unknown_stored_rule_fails_the_read;
}

struct World {
    acme: OrgId,
    globex: OrgId,
    ann: User,
    omar: User,
    plan: Plan,
}

/// Acme (Ann, the KAM of Northwind, and Omar on her team) and Globex.
async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, acme, "Ann Archer").await;
    let omar = user(store, acme, "Omar Ortiz", Role::Member).await;
    let data = AccountInput { name: "Northwind".into(), owner_id: ann.id.to_string(), ..Default::default() }.validate().unwrap();
    let acct = store.create_account(acme, &data, ann.id).await.unwrap();
    let plan = store.create_plan(acme, acct.id, &plan_input("FY26 Northwind"), "strategic", ann.id).await.unwrap();
    World { acme, globex, ann, omar, plan }
}

fn change(rule: RuleId, enabled: Option<bool>, severity: Option<Severity>) -> RuleChange {
    RuleChange { rule, enabled, severity }
}

async fn rule_settings_change_only_what_is_sent(store: &Store) {
    let w = world(store).await;
    assert_eq!(store.coach_settings(w.acme).await.unwrap(), CoachSettings::default(), "nothing saved: every rule at its default");

    let saved = store
        .set_coach_rules(
            w.acme,
            &[change(RuleId::CommitmentVague, Some(false), None), change(RuleId::ActionsBunched, None, Some(Severity::Blocker))],
        )
        .await
        .unwrap();
    assert_eq!(saved.get(RuleId::CommitmentVague), RuleSetting { enabled: false, severity: Severity::Warning });
    assert_eq!(saved.get(RuleId::ActionsBunched), RuleSetting { enabled: true, severity: Severity::Blocker });
    assert_eq!(saved.get(RuleId::TooManyGoals), RuleSetting { enabled: true, severity: Severity::Warning });
    assert_eq!(saved.iter().count(), RULES.len());
    assert_eq!(store.coach_settings(w.acme).await.unwrap(), saved, "read back as saved");

    // A second change names only the severity: the rule stays disabled.
    let again = store.set_coach_rules(w.acme, &[change(RuleId::CommitmentVague, None, Some(Severity::Hint))]).await.unwrap();
    assert_eq!(again.get(RuleId::CommitmentVague), RuleSetting { enabled: false, severity: Severity::Hint });
    assert_eq!(again.get(RuleId::ActionsBunched), RuleSetting { enabled: true, severity: Severity::Blocker }, "other rules kept");

    // Another organisation's coach is its own.
    assert_eq!(store.coach_settings(w.globex).await.unwrap(), CoachSettings::default());
    let g = store.set_coach_rules(w.globex, &[change(RuleId::ReviewOverdue, Some(false), Some(Severity::Hint))]).await.unwrap();
    assert!(!g.get(RuleId::ReviewOverdue).enabled);
    assert!(store.coach_settings(w.acme).await.unwrap().get(RuleId::ReviewOverdue).enabled);
    assert!(matches!(store.set_coach_rules(OrgId::new(9_999), &[]).await, Err(StoreError::NotFound)));
}

async fn facts_for_the_ladder(store: &Store) {
    let w = world(store).await;
    let facts = store.coach_facts(w.acme, w.plan.id, Some(w.ann.id)).await.unwrap();
    assert_eq!((facts.review_cadence_months, facts.next_review_date, facts.last_held), (3, None, None));
    assert_eq!((facts.others_wrote, facts.last_share_open), (false, None));
    assert_eq!(facts.period_start, w.plan.period_start);

    // The KAM's own writing is no team contribution, nor is a colleague's comment.
    let m = Message::new("stored-written");
    store.record_activity(w.acme, w.plan.id, Some(w.ann.id), "created", "node", Some(1), &m).await.unwrap();
    store.record_activity(w.acme, w.plan.id, Some(w.omar.id), "commented", "node", Some(1), &m).await.unwrap();
    store.record_activity(w.acme, w.plan.id, Some(w.omar.id), "review_held", "review", Some(1), &m).await.unwrap();
    assert!(!store.coach_facts(w.acme, w.plan.id, Some(w.ann.id)).await.unwrap().others_wrote);
    store.record_activity(w.acme, w.plan.id, Some(w.omar.id), "accepted", "node", Some(1), &m).await.unwrap();
    assert!(store.coach_facts(w.acme, w.plan.id, Some(w.ann.id)).await.unwrap().others_wrote);
    assert!(store.coach_facts(w.acme, w.plan.id, None).await.unwrap().others_wrote, "without a KAM anyone counts");

    // Held reviews and share-link openings.
    let r = store.create_review(w.acme, w.plan.id, ReviewKind::Team, date!(2026 - 02 - 10), Some(w.ann.id)).await.unwrap();
    store.create_review(w.acme, w.plan.id, ReviewKind::Team, date!(2026 - 05 - 10), Some(w.ann.id)).await.unwrap();
    store.hold_review(w.acme, r.id, r.version, "{}", None, date!(2026 - 05 - 10), Some(w.ann.id)).await.unwrap();
    let link = store.create_share_link(w.acme, w.plan.id, "hash-1", "QBR", date!(2026 - 06 - 30), w.ann.id).await.unwrap();
    store.create_share_link(w.acme, w.plan.id, "hash-2", "unopened", date!(2026 - 06 - 30), w.ann.id).await.unwrap();
    store.record_share_opening(w.acme, link.id, "203.0.113.9").await.unwrap();
    let opened = store.share_link(w.acme, link.id).await.unwrap().last_opened_at;
    let facts = store.coach_facts(w.acme, w.plan.id, Some(w.ann.id)).await.unwrap();
    assert_eq!((facts.last_held, facts.next_review_date), (Some(date!(2026 - 02 - 10)), Some(date!(2026 - 05 - 10))));
    assert_eq!(facts.last_share_open, opened);
    assert!(opened.is_some());

    // Scoped to the organisation.
    assert!(matches!(store.coach_facts(w.globex, w.plan.id, None).await, Err(StoreError::NotFound)));
}

async fn a_held_review_keeps_the_coach_mark(store: &Store) {
    let w = world(store).await;
    let r = store.create_review(w.acme, w.plan.id, ReviewKind::Team, date!(2026 - 03 - 01), Some(w.ann.id)).await.unwrap();
    assert_eq!((r.coach_score, r.coach_level), (None, None));
    let mark = CoachMark { score: 78.3, level: 2 };
    let held = store.hold_review(w.acme, r.id, r.version, "{}", Some(mark), date!(2026 - 06 - 01), Some(w.ann.id)).await.unwrap();
    assert_eq!((held.coach_score, held.coach_level), (Some(78.3), Some(2)));
    let listed = store.reviews(w.acme, w.plan.id).await.unwrap();
    assert_eq!((listed[0].coach_score, listed[0].coach_level), (Some(78.3), Some(2)));
}

/// The mark lists show: kept per plan, never replaced by an older reading,
/// scoped to the organisation, read with the account list and the plan
/// summaries, forgotten for a whole organisation, and found when stale.
async fn plan_marks_are_kept_newest_first(store: &Store) {
    let w = world(store).await;
    let t0 = time::OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let first = PlanMark { score: 61.5, level: 2, blockers: 1 };
    assert_eq!(store.plan_mark(w.acme, w.plan.id).await.unwrap(), None);
    assert_eq!(store.plans_to_mark(t0, 10).await.unwrap(), vec![(w.acme, w.plan.id)], "an unmarked plan is stale");
    store.set_plan_mark(w.acme, w.plan.id, first, t0).await.unwrap();
    assert_eq!(store.plan_mark(w.acme, w.plan.id).await.unwrap(), Some(first));
    // An older reading that finishes late keeps the newer mark.
    store.set_plan_mark(w.acme, w.plan.id, PlanMark { score: 12.0, level: 1, blockers: 5 }, t0 - time::Duration::SECOND).await.unwrap();
    assert_eq!(store.plan_mark(w.acme, w.plan.id).await.unwrap(), Some(first));
    let newer = PlanMark { score: 88.2, level: 3, blockers: 0 };
    store.set_plan_mark(w.acme, w.plan.id, newer, t0 + time::Duration::SECOND).await.unwrap();
    assert_eq!(store.plan_mark(w.acme, w.plan.id).await.unwrap(), Some(newer));
    // Another organisation can neither write nor read it.
    store.set_plan_mark(w.globex, w.plan.id, first, t0 + time::Duration::HOUR).await.unwrap();
    assert_eq!(store.plan_mark(w.acme, w.plan.id).await.unwrap(), Some(newer));
    assert_eq!(store.plan_mark(w.globex, w.plan.id).await.unwrap(), None);
    // Lists read it without a statement of their own.
    let listed = store.list_accounts(w.acme, &AccountFilter::default()).await.unwrap();
    assert_eq!((listed[0].coach_score, listed[0].coach_level, listed[0].coach_blockers), (Some(88.2), Some(3), Some(0)));
    let plans = store.plans_of_account(w.acme, w.plan.account_id).await.unwrap();
    assert_eq!((plans[0].coach_score, plans[0].coach_level), (Some(88.2), Some(3)));
    assert!(store.plans_to_mark(t0, 10).await.unwrap().is_empty());
    assert_eq!(store.plans_to_mark(t0 + time::Duration::MINUTE, 10).await.unwrap(), vec![(w.acme, w.plan.id)]);
    store.forget_plan_marks(w.globex).await.unwrap();
    assert_eq!(store.plan_mark(w.acme, w.plan.id).await.unwrap(), Some(newer), "forgetting is per organisation");
    store.forget_plan_marks(w.acme).await.unwrap();
    assert_eq!(store.plan_mark(w.acme, w.plan.id).await.unwrap(), None);
}

async fn an_unknown_stored_rule_fails_the_read(store: &Store, url: &str) {
    let w = world(store).await;
    store.set_coach_rules(w.acme, &[change(RuleId::CommitmentVague, Some(false), None)]).await.unwrap();
    let sql = "UPDATE coach_rules SET rule = 'commitment-vage' WHERE rule = 'commitment-vague'";
    if url.starts_with("postgres") {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    } else {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    }
    match store.coach_settings(w.acme).await {
        Err(StoreError::Corrupt { column, value }) => assert_eq!((column.as_str(), value.text.as_str()), ("rule", "commitment-vage")),
        other => panic!("expected a corrupt read, got {other:?}"),
    }
}
