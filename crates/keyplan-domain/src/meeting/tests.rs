//! The meeting's rules: what a meeting and a decision must carry, what puts a
//! plan on the agenda, and in which order.

use super::*;
use time::macros::date;

fn plan(id: i64, title: &str) -> Signals {
    Signals::quiet(PlanId::new(id), title)
}

const ON: Date = date!(2027 - 03 - 15);

#[test]
fn a_plan_where_nothing_moved_stays_off_the_agenda() {
    let quiet = plan(1, "Quiet");
    assert!(quiet.reasons(ON).is_empty());
    assert_eq!(quiet.score(ON), 0);
    let far_review = Signals { review_due: Some(date!(2027 - 06 - 01)), ..plan(2, "Later") };
    assert!(far_review.reasons(ON).is_empty(), "a review months away is no reason");
    assert!(default_agenda(vec![quiet, far_review], ON).is_empty());
}

#[test]
fn every_kind_of_change_or_risk_is_a_reason() {
    let s =
        Signals { new_obstacles: 1, declined: 1, overdue: 3, changed_goals: 1, review_due: Some(date!(2027 - 03 - 20)), ..plan(1, "Busy") };
    assert_eq!(
        s.reasons(ON),
        [
            Reason::NewBlockers { count: 2 },
            Reason::OverdueCommitments { count: 3 },
            Reason::ChangedGoals { count: 1 },
            Reason::ReviewDue { due: date!(2027 - 03 - 20) },
        ]
    );
    assert_eq!(s.score(ON), 3 * 2 + 2 * 3 + 2 + 1);
    let late = Signals { review_due: Some(date!(2027 - 03 - 01)), ..plan(2, "Late") };
    assert_eq!(late.reasons(ON), [Reason::ReviewOverdue { due: date!(2027 - 03 - 01) }]);
    let edge = Signals { review_due: Some(ON + Duration::days(REVIEW_WINDOW_DAYS)), ..plan(3, "Edge") };
    assert_eq!(edge.reasons(ON).len(), 1, "due on the window's last day still counts");
    assert_eq!(Reason::NewBlockers { count: 2 }.message().code, "meeting-reason-blockers");
}

#[test]
fn the_agenda_puts_the_most_change_first() {
    let blockers = Signals { new_obstacles: 1, ..plan(1, "Blocked") };
    let overdue = Signals { overdue: 1, potential: Some(5e6), ..plan(2, "Overdue big") };
    let overdue_small = Signals { overdue: 1, potential: Some(1e6), ..plan(3, "Overdue small") };
    let review = Signals { review_due: Some(date!(2027 - 03 - 16)), potential: Some(9e9), ..plan(4, "Review") };
    let quiet = Signals { potential: Some(1e12), ..plan(5, "Quiet") };
    let agenda = default_agenda(vec![quiet, review, overdue_small, overdue, blockers], ON);
    assert_eq!(agenda, [PlanId::new(1), PlanId::new(2), PlanId::new(3), PlanId::new(4)]);
}

#[test]
fn the_default_agenda_is_bounded() {
    let many: Vec<Signals> = (1..=40).map(|i| Signals { overdue: 1, ..plan(i, &format!("Plan {i:02}")) }).collect();
    let agenda = default_agenda(many, ON);
    assert_eq!(agenda.len(), DEFAULT_PLANS);
    assert_eq!(agenda[0], PlanId::new(1), "ties read in title order");
}

#[test]
fn since_the_last_meeting_or_a_month() {
    assert_eq!(since(ON, Some(date!(2027 - 03 - 01))), date!(2027 - 03 - 01));
    assert_eq!(since(ON, None), date!(2027 - 02 - 13));
}

#[test]
fn a_meeting_needs_a_date_and_sane_plans() {
    let ok =
        MeetingInput { date: "2027-03-15".into(), title: Some("  KAM round ".into()), plan_ids: Some(vec![4, 2, 4]) }.validate().unwrap();
    assert_eq!(ok.title.as_deref(), Some("KAM round"));
    assert_eq!(ok.plans, Some(vec![PlanId::new(4), PlanId::new(2)]), "deduplicated in order");
    let fields = |i: MeetingInput| i.validate().unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>();
    assert_eq!(fields(MeetingInput::default()), ["date"]);
    assert_eq!(fields(MeetingInput { date: "15.03.2027".into(), ..Default::default() }), ["date"]);
    assert_eq!(fields(MeetingInput { date: "2027-03-15".into(), plan_ids: Some(vec![]), ..Default::default() }), ["plan_ids"]);
    assert_eq!(fields(MeetingInput { date: "2027-03-15".into(), plan_ids: Some(vec![-1]), ..Default::default() }), ["plan_ids"]);
    let many = MeetingInput { date: "2027-03-15".into(), plan_ids: Some((1..=31).collect()), ..Default::default() };
    assert_eq!(fields(many), ["plan_ids"]);
    let long = MeetingInput { date: "2027-03-15".into(), title: Some("x".repeat(MAX_TITLE + 1)), ..Default::default() };
    assert_eq!(fields(long), ["title"]);
}

#[test]
fn a_decision_needs_its_plan_and_text() {
    let d = DecisionInput { plan_id: 3, text: " Escalate the price review to Martin ".into() }.validate().unwrap();
    assert_eq!(d, DecisionData { plan: PlanId::new(3), text: "Escalate the price review to Martin".into() });
    let fields = |i: DecisionInput| i.validate().unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>();
    assert_eq!(fields(DecisionInput { plan_id: 3, text: "  ".into() }), ["text"]);
    assert_eq!(fields(DecisionInput { plan_id: 0, text: "x".into() }), ["plan_id"]);
}
