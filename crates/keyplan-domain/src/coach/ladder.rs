//! The excellence ladder of seed 004, computed from evidence, never entered by
//! hand:
//!
//! 1. prepared by the KAM alone;
//! 2. the team contributed: another team member wrote content or accepted a
//!    commitment;
//! 3. regularly reflected on by the team: a team review held within the
//!    current cadence, and at least two in the last 12 months (or since the
//!    plan started, if that is more recent);
//! 4. parts shown to the customer to gain insight: in the last 12 months a
//!    customer opened a share link, or a customer joint review was held;
//! 5. developed and implemented with the customer: the customer accepted a
//!    joint commitment, or a held joint review recorded decisions, and no
//!    customer-accepted commitment is overdue.
//!
//! A rung counts only when every rung below it holds. Windows are calendar
//! months back from today, both ends included.

use serde::Serialize;
use time::Date;

use crate::Message;
use crate::review::add_months;

/// The facts the application gathers for one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LadderEvidence {
    /// The server's date in UTC.
    pub today: Date,
    /// The start of the plan's period.
    pub plan_start: Date,
    /// Another team member than the KAM wrote content or accepted a commitment.
    pub team_contributed: bool,
    /// The dates of held team reviews.
    pub team_reviews_held: Vec<Date>,
    /// The plan's review cadence in months (the current cadence window reaches
    /// this many months back from today).
    pub cadence_months: i32,
    /// When a customer last opened one of the plan's share links.
    pub last_share_open: Option<Date>,
    /// Held customer joint reviews.
    pub joint_reviews_held: Vec<JointReview>,
    /// How many joint commitments the customer has accepted.
    pub customer_accepted_commitments: usize,
    /// Whether a commitment the customer accepted is overdue.
    pub customer_commitment_overdue: bool,
}

/// A held customer joint review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JointReview {
    pub date: Date,
    /// Whether its decisions were recorded.
    pub decisions_recorded: bool,
}

/// Where a plan stands on the ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ladder {
    /// 1 to 5.
    pub level: u8,
    /// The next rung and what it lacks; `None` at the top.
    pub next: Option<NextLevel>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextLevel {
    pub level: u8,
    /// Exactly what is missing for it, one message per missing fact.
    pub missing: Vec<Message>,
}

impl Ladder {
    /// The level's name ("Regularly reflected on by the team").
    pub fn title(&self) -> Message {
        match self.level {
            5 => Message::new("coach-level-5"),
            4 => Message::new("coach-level-4"),
            3 => Message::new("coach-level-3"),
            2 => Message::new("coach-level-2"),
            _ => Message::new("coach-level-1"),
        }
    }
}

/// Climbs the ladder as far as the evidence carries.
pub fn ladder(e: &LadderEvidence) -> Ladder {
    for level in 2..=5 {
        let missing = lacking(e, level);
        if !missing.is_empty() {
            return Ladder { level: level - 1, next: Some(NextLevel { level, missing }) };
        }
    }
    Ladder { level: 5, next: None }
}

fn within(d: Date, from: Date, today: Date) -> bool {
    from <= d && d <= today
}

/// What rung `level` lacks; empty when it holds.
fn lacking(e: &LadderEvidence, level: u8) -> Vec<Message> {
    let year_ago = add_months(e.today, -12);
    let mut missing = Vec::new();
    match level {
        2 => {
            if !e.team_contributed {
                missing.push(Message::new("coach-ladder-missing-team"));
            }
        }
        3 => {
            let months = e.cadence_months.max(1);
            let window = add_months(e.today, -months);
            if !e.team_reviews_held.iter().any(|d| within(*d, window, e.today)) {
                missing.push(Message::new("coach-ladder-missing-team-review-window").arg("months", i64::from(months)));
            }
            let since = year_ago.max(e.plan_start);
            let held = e.team_reviews_held.iter().filter(|d| within(**d, since, e.today)).count();
            if held < 2 {
                missing.push(Message::new("coach-ladder-missing-team-reviews").arg("count", held).date("since", since));
            }
        }
        4 => {
            let opened = e.last_share_open.is_some_and(|d| within(d, year_ago, e.today));
            let joint = e.joint_reviews_held.iter().any(|r| within(r.date, year_ago, e.today));
            if !opened && !joint {
                missing.push(Message::new("coach-ladder-missing-customer-insight").date("since", year_ago));
            }
        }
        _ => {
            let together = e.customer_accepted_commitments > 0 || e.joint_reviews_held.iter().any(|r| r.decisions_recorded);
            if !together {
                missing.push(Message::new("coach-ladder-missing-customer-joint"));
            }
            if e.customer_commitment_overdue {
                missing.push(Message::new("coach-ladder-missing-customer-overdue"));
            }
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2027 - 06 - 15);

    fn alone() -> LadderEvidence {
        LadderEvidence {
            today: TODAY,
            plan_start: date!(2026 - 01 - 01),
            team_contributed: false,
            team_reviews_held: Vec::new(),
            cadence_months: 3,
            last_share_open: None,
            joint_reviews_held: Vec::new(),
            customer_accepted_commitments: 0,
            customer_commitment_overdue: false,
        }
    }

    /// Evidence for every rung up to and including the one before the top.
    fn up_to_4() -> LadderEvidence {
        LadderEvidence {
            team_contributed: true,
            team_reviews_held: vec![date!(2026 - 12 - 01), date!(2027 - 04 - 01)],
            last_share_open: Some(date!(2027 - 05 - 01)),
            ..alone()
        }
    }

    fn codes(l: &Ladder) -> Vec<&str> {
        l.next.as_ref().map(|n| n.missing.iter().map(|m| m.code.as_str()).collect()).unwrap_or_default()
    }

    #[test]
    fn level_1_says_the_team_is_missing() {
        let l = ladder(&alone());
        assert_eq!((l.level, l.next.as_ref().map(|n| n.level)), (1, Some(2)));
        assert_eq!(codes(&l), ["coach-ladder-missing-team"]);
        assert_eq!(l.title().code, "coach-level-1");
    }

    #[test]
    fn level_2_needs_a_review_in_the_cadence_and_two_in_a_year() {
        let mut e = LadderEvidence { team_contributed: true, ..alone() };
        let l = ladder(&e);
        assert_eq!(l.level, 2);
        assert_eq!(codes(&l), ["coach-ladder-missing-team-review-window", "coach-ladder-missing-team-reviews"]);
        // On the window's first day (three months back) still counts; the day before does not.
        e.team_reviews_held = vec![date!(2027 - 03 - 15), date!(2026 - 06 - 14)];
        assert_eq!(codes(&ladder(&e)), ["coach-ladder-missing-team-reviews"], "the older review is 12 months and a day ago");
        e.team_reviews_held = vec![date!(2027 - 03 - 14), date!(2026 - 06 - 15)];
        assert_eq!(codes(&ladder(&e)), ["coach-ladder-missing-team-review-window"]);
        e.team_reviews_held = vec![date!(2027 - 03 - 15), date!(2026 - 06 - 15)];
        assert_eq!(ladder(&e).level, 3);
    }

    #[test]
    fn a_young_plan_counts_its_reviews_since_it_started() {
        let e = LadderEvidence {
            team_contributed: true,
            plan_start: date!(2027 - 04 - 01),
            team_reviews_held: vec![date!(2027 - 05 - 01), date!(2027 - 03 - 20)],
            ..alone()
        };
        let l = ladder(&e);
        assert_eq!(l.level, 2, "the review before the plan started does not count");
        let since = &l.next.as_ref().unwrap().missing[0];
        assert_eq!(since.args.get("since"), Some(&crate::MsgArg::Date(date!(2027 - 04 - 01))));
        assert_eq!(since.args.get("count"), Some(&crate::MsgArg::Int(1)));
    }

    #[test]
    fn level_4_needs_the_customer_within_a_year() {
        let mut e = LadderEvidence { last_share_open: Some(date!(2026 - 06 - 14)), ..up_to_4() };
        let l = ladder(&e);
        assert_eq!((l.level, codes(&l)), (3, vec!["coach-ladder-missing-customer-insight"]));
        e.last_share_open = Some(date!(2026 - 06 - 15));
        assert_eq!(ladder(&e).level, 4);
        e.last_share_open = None;
        e.joint_reviews_held = vec![JointReview { date: date!(2027 - 01 - 10), decisions_recorded: false }];
        assert_eq!(ladder(&e).level, 4, "a joint review is insight too");
    }

    #[test]
    fn level_5_needs_joint_work_and_nothing_overdue() {
        let mut e = up_to_4();
        let l = ladder(&e);
        assert_eq!((l.level, codes(&l)), (4, vec!["coach-ladder-missing-customer-joint"]));
        e.customer_accepted_commitments = 1;
        let l = ladder(&e);
        assert_eq!((l.level, l.next.clone()), (5, None));
        assert_eq!(l.title().code, "coach-level-5");
        e.customer_commitment_overdue = true;
        assert_eq!(codes(&ladder(&e)), ["coach-ladder-missing-customer-overdue"]);
        e.customer_accepted_commitments = 0;
        e.customer_commitment_overdue = false;
        e.joint_reviews_held = vec![JointReview { date: date!(2025 - 01 - 10), decisions_recorded: true }];
        assert_eq!(ladder(&e).level, 5, "decisions recorded at any held joint review");
    }

    #[test]
    fn a_rung_counts_only_on_the_rungs_below() {
        let e = LadderEvidence { team_contributed: false, customer_accepted_commitments: 3, ..up_to_4() };
        let l = ladder(&e);
        assert_eq!((l.level, codes(&l)), (1, vec!["coach-ladder-missing-team"]));
        let e = LadderEvidence { team_reviews_held: Vec::new(), customer_accepted_commitments: 3, ..up_to_4() };
        assert_eq!(ladder(&e).level, 2);
    }
}
