//! Where an account stands with its plans, as the portfolio colours it: no
//! plan, a draft, an active plan, or an active plan whose review is overdue
//! or that went past the organisation's update interval (stale).

use serde::Serialize;
use time::Date;

use crate::plan::PlanStatus;
use crate::review;

/// An account's plan state in the portfolio (texts `portfolio-state-*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanState {
    /// No plan, or only archived ones.
    NoPlan,
    /// Only drafts.
    Draft,
    /// An active plan (active, in review or approved) reviewed on time.
    Active,
    /// An active plan whose next review is past, or that went longer than the
    /// organisation's update interval without an update or a held review.
    OverdueReview,
}

/// The facts of an account's current plan the state is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurrentPlan {
    pub status: PlanStatus,
    pub period_start: Date,
    pub review_cadence_months: i32,
    pub next_review_date: Option<Date>,
    pub last_held: Option<Date>,
    /// The day of the plan's latest update.
    pub last_update: Date,
    /// The organisation's `update_interval_days`.
    pub update_interval_days: u32,
}

impl PlanState {
    pub const ALL: [PlanState; 4] = [PlanState::NoPlan, PlanState::Draft, PlanState::Active, PlanState::OverdueReview];

    pub fn as_str(self) -> &'static str {
        match self {
            PlanState::NoPlan => "no_plan",
            PlanState::Draft => "draft",
            PlanState::Active => "active",
            PlanState::OverdueReview => "overdue_review",
        }
    }

    pub fn parse(s: &str) -> Option<PlanState> {
        PlanState::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }

    /// Whether the account has an active plan (active, in review or approved).
    pub fn has_active_plan(self) -> bool {
        matches!(self, PlanState::Active | PlanState::OverdueReview)
    }

    /// The state of an account whose best current plan is `plan` (an active
    /// one before a draft), as of `today`. The next review is due as
    /// [`review::next_review_due`] says.
    pub fn of(plan: Option<&CurrentPlan>, today: Date) -> PlanState {
        let Some(p) = plan else { return PlanState::NoPlan };
        match p.status {
            PlanStatus::Archived => PlanState::NoPlan,
            PlanStatus::Draft => PlanState::Draft,
            PlanStatus::Active | PlanStatus::InReview | PlanStatus::Approved => {
                let due = review::next_review_due(p.next_review_date, p.last_held, p.period_start, p.review_cadence_months);
                let stale = review::past_update_interval(p.last_update, p.last_held, p.update_interval_days, p.status, today);
                if review::is_overdue(due, p.status, today) || stale { PlanState::OverdueReview } else { PlanState::Active }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn plan(status: PlanStatus, next: Option<Date>, last_held: Option<Date>) -> CurrentPlan {
        CurrentPlan {
            status,
            period_start: date!(2026 - 01 - 01),
            review_cadence_months: 3,
            next_review_date: next,
            last_held,
            last_update: date!(2026 - 03 - 01),
            update_interval_days: 90,
        }
    }

    #[test]
    fn states_from_the_current_plan() {
        let today = date!(2026 - 03 - 15);
        assert_eq!(PlanState::of(None, today), PlanState::NoPlan);
        assert_eq!(PlanState::of(Some(&plan(PlanStatus::Archived, None, None)), today), PlanState::NoPlan);
        assert_eq!(PlanState::of(Some(&plan(PlanStatus::Draft, Some(date!(2026 - 01 - 02)), None)), today), PlanState::Draft);
        // Due one cadence after the period's start (1 April): on time.
        assert_eq!(PlanState::of(Some(&plan(PlanStatus::Active, None, None)), today), PlanState::Active);
        assert_eq!(PlanState::of(Some(&plan(PlanStatus::Approved, Some(date!(2026 - 03 - 14)), None)), today), PlanState::OverdueReview);
        assert_eq!(
            PlanState::of(Some(&plan(PlanStatus::InReview, None, Some(date!(2025 - 11 - 01)))), today),
            PlanState::OverdueReview,
            "three months after the last held review"
        );
        // On time for review, but untouched for longer than the update interval: stale.
        let quiet = CurrentPlan { update_interval_days: 10, ..plan(PlanStatus::Active, None, None) };
        assert_eq!(PlanState::of(Some(&quiet), today), PlanState::OverdueReview);
        assert_eq!(PlanState::of(Some(&CurrentPlan { update_interval_days: 14, ..quiet }), today), PlanState::Active);
        assert!(PlanState::OverdueReview.has_active_plan() && !PlanState::Draft.has_active_plan());
    }

    #[test]
    fn codes_round_trip() {
        for s in PlanState::ALL {
            assert_eq!(PlanState::parse(s.as_str()), Some(s));
        }
        assert_eq!(PlanState::parse("archived"), None);
    }
}
