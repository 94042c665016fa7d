//! The cockpit's judgements: reviews, goal progress, urgency, visibility, trend.

use time::macros::date;

use super::*;

fn facts(status: PlanStatus, next_set: Option<Date>, last_held: Option<Date>) -> ReviewFacts {
    ReviewFacts {
        status,
        period_start: date!(2026 - 01 - 01),
        cadence_months: 3,
        next_set,
        last_held,
        last_update: date!(2026 - 02 - 20),
        update_interval_days: 90,
    }
}

#[test]
fn reviews_are_judged_by_the_due_date_and_the_rhythm() {
    let today = date!(2026 - 03 - 01);
    // Started two months ago, nothing held, nothing due yet.
    assert_eq!(facts(PlanStatus::Active, None, None).judge(today), ReviewState::None);
    // Held a month ago: the next is in two months.
    assert_eq!(facts(PlanStatus::Active, None, Some(date!(2026 - 02 - 01))).judge(today), ReviewState::Ok);
    // The set date has passed and nothing was held since.
    let overdue = facts(PlanStatus::Active, Some(date!(2026 - 02 - 15)), Some(date!(2026 - 02 - 01)));
    assert_eq!(overdue.judge(today), ReviewState::Overdue);
    assert_eq!(overdue.next_due(), date!(2026 - 02 - 15));
    // ... unless a review was held on or after it.
    assert_eq!(facts(PlanStatus::Active, Some(date!(2026 - 02 - 15)), Some(date!(2026 - 02 - 20))).judge(today), ReviewState::Ok);
    // Without a set date, one cadence after the start.
    assert_eq!(facts(PlanStatus::Active, None, None).judge(date!(2026 - 04 - 02)), ReviewState::Overdue);
    // The date was pushed out beyond the rhythm: stale, not overdue.
    let pushed = facts(PlanStatus::Active, Some(date!(2026 - 09 - 01)), Some(date!(2025 - 11 - 01)));
    assert_eq!(pushed.judge(today), ReviewState::Stale);
    // Reviewed on time, but nothing changed and nothing held for longer than the update interval: stale.
    // (Updated on 20 February, held on 1 February: eight days run out on 28 February, nine on 1 March.)
    let quiet = ReviewFacts { update_interval_days: 8, ..facts(PlanStatus::Active, None, Some(date!(2026 - 02 - 01))) };
    assert_eq!(quiet.judge(today), ReviewState::Stale);
    assert_eq!(ReviewFacts { update_interval_days: 9, ..quiet }.judge(today), ReviewState::Ok, "the interval's last day");
    // Archived plans are never judged.
    assert_eq!(facts(PlanStatus::Archived, Some(date!(2026 - 02 - 15)), None).judge(today), ReviewState::None);
}

#[test]
fn goal_progress_prefers_measured_kpis_then_the_tree() {
    assert_eq!(goal_progress(&[0.5, 1.0], 0, 4), Some(0.75));
    assert_eq!(goal_progress(&[], 1, 4), Some(0.25));
    assert_eq!(goal_progress(&[], 0, 0), None);
    assert_eq!(mean([]), None);
    assert_eq!(mean([0.2, f64::NAN, 0.4]).map(|m| (m * 10.0).round()), Some(3.0));
}

struct Item(AttentionKind, Date, &'static str);

impl Attention for Item {
    fn kind(&self) -> AttentionKind {
        self.0
    }
    fn since(&self) -> Date {
        self.1
    }
}

#[test]
fn attention_is_ordered_by_urgency_then_age() {
    let today = date!(2026 - 03 - 31);
    let items = vec![
        Item(AttentionKind::UnacceptedCommitment, date!(2026 - 03 - 01), "old proposal"),
        Item(AttentionKind::UnacceptedCommitment, date!(2026 - 03 - 20), "young proposal"),
        Item(AttentionKind::OverdueCommitment, date!(2026 - 03 - 25), "late task"),
        Item(AttentionKind::OverdueCommitment, date!(2026 - 02 - 25), "very late task"),
        Item(AttentionKind::BlockedObstacle, date!(2026 - 03 - 30), "blocked"),
        Item(AttentionKind::OverdueReview, date!(2026 - 03 - 30), "review"),
    ];
    let order: Vec<&str> = needs_attention(items, today).iter().map(|i| i.2).collect();
    assert_eq!(order, ["review", "blocked", "very late task", "late task", "old proposal"]);
    assert_eq!(AttentionKind::OverdueReview.urgency(), 1);
    assert_eq!(AttentionKind::UnacceptedCommitment.urgency(), 4);
    assert_eq!(days_since(date!(2026 - 03 - 01), today), 30);
    assert_eq!(days_since(date!(2026 - 04 - 01), today), 0);
}

#[test]
fn managers_see_everyone_kams_their_team() {
    let (me, other) = (UserId::new(1), UserId::new(2));
    assert!(sees(Role::Manager, me, None, other, None));
    assert!(sees(Role::Admin, me, None, other, Some("DACH")));
    assert!(sees(Role::Kam, me, None, me, None));
    assert!(!sees(Role::Kam, me, None, other, None));
    assert!(sees(Role::Kam, me, Some(" dach "), other, Some("DACH")));
    assert!(!sees(Role::Kam, me, Some("DACH"), other, Some("International")));
    assert!(!sees(Role::Member, me, Some("DACH"), me, Some("DACH")));
    assert!(can_open(Role::Kam) && !can_open(Role::Viewer) && !can_open(Role::Member));
}

#[test]
fn trends_compare_with_ninety_days_ago() {
    let now = Totals { overdue_commitments: 2, goal_progress: Some(0.5), active_plans: 4, ..Totals::default() };
    let then = Totals { overdue_commitments: 5, goal_progress: Some(0.6), active_plans: 3, ..Totals::default() };
    let t = trends(&now, Some(&then));
    let of = |f: Figure| *t.iter().find(|x| x.figure == f).unwrap();
    assert_eq!(of(Figure::OverdueCommitments).change(), Some(-3.0));
    assert_eq!(of(Figure::OverdueCommitments).direction(), Direction::Better);
    assert_eq!(of(Figure::GoalProgress).direction(), Direction::Worse);
    assert_eq!(of(Figure::ActivePlans).direction(), Direction::Neutral);
    assert_eq!(of(Figure::BlockedObstacles).direction(), Direction::Same);
    let none = trends(&now, None);
    assert!(none.iter().all(|x| x.ninety_days_ago.is_none() && x.direction() == Direction::Neutral));
    assert_eq!(comparison_day(date!(2026 - 03 - 31)), date!(2025 - 12 - 31));
    assert_eq!(Figure::ALL.iter().map(|f| f.as_str()).filter(|s| s.contains('-')).count(), 0);
}
