//! The KAM scorecard (issue 17): a key account manager's figures over a
//! period, computed from recorded events only — review rows with their due and
//! held dates, commitments with their owner, author, due date, status and the
//! history lines of their acceptance and completion, the managers' quality
//! ratings and the KPIs' actuals. Nothing here is typed in by anyone.
//!
//! The rules:
//! - a review counts when it was due in the period; held on or before its due
//!   date is on time, held after it is late, not held and due before today is
//!   overdue, otherwise it is still upcoming;
//! - a commitment the KAM owns counts when it is accepted and due in the
//!   period; done on or before its due date (by the history line of its
//!   completion) is on time, after it is late, marked missed or still open
//!   after its due date is missed; done without a recorded completion date is
//!   counted apart, never guessed; open and not yet due is open;
//! - a commitment the KAM asked of someone else counts when it was asked in
//!   the period; the time to accept runs from asking to the first acceptance
//!   recorded in the history;
//! - the average quality is the mean of the ratings given in the period, as a
//!   share of each rating's own scale (0 at the bottom, 1 at the top), with the
//!   mean score beside it when all share one scale;
//! - goal progress is the mean over the plans of each plan's mean KPI progress
//!   from baseline to target (`kpi::progress`), by the latest actual.

use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::tree::{Acceptance, CommitmentStatus};

#[cfg(test)]
mod tests;

/// The longest period a scorecard covers, in days (a little over five years).
pub const MAX_DAYS: i64 = 5 * 366;

/// A review of one of the KAM's plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewRecord {
    pub due: Date,
    pub held: Option<Date>,
}

/// A commitment the KAM owns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnedCommitment {
    pub acceptance: Option<Acceptance>,
    pub status: Option<CommitmentStatus>,
    pub due: Option<Date>,
    /// When the history recorded it done; `None` when no such line exists.
    pub done_on: Option<Date>,
}

/// A commitment the KAM asked of someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AskedCommitment {
    pub asked_at: OffsetDateTime,
    pub acceptance: Option<Acceptance>,
    /// The first acceptance recorded in the history at or after asking.
    pub accepted_at: Option<OffsetDateTime>,
}

/// A manager's quality rating of one of the KAM's plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RatingRecord {
    pub score: i32,
    pub scale_min: i32,
    pub scale_max: i32,
}

/// Plans held and their rated quality.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlanFigures {
    pub held: u32,
    pub ratings: u32,
    /// Mean rating as a share of its scale, 0.0..=1.0.
    pub average_quality: Option<f64>,
    /// Mean score, when all ratings share one scale.
    pub average_score: Option<f64>,
    pub scale_min: Option<i32>,
    pub scale_max: Option<i32>,
}

/// Reviews due in the period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReviewFigures {
    pub due: u32,
    pub on_time: u32,
    pub late: u32,
    pub overdue: u32,
    pub upcoming: u32,
}

/// Accepted commitments the KAM owns, due in the period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OwnedFigures {
    pub due: u32,
    pub on_time: u32,
    pub late: u32,
    pub missed: u32,
    /// Done, but the history holds no completion date (done before it was recorded).
    pub done_undated: u32,
    pub open: u32,
}

/// Commitments the KAM asked of others in the period.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AskedFigures {
    pub asked: u32,
    pub accepted: u32,
    pub declined: u32,
    pub pending: u32,
    /// Hours from asking to acceptance, over those with a recorded acceptance.
    pub median_hours_to_accept: Option<f64>,
    pub average_hours_to_accept: Option<f64>,
}

/// Goal progress of the KAM's plans.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GoalFigures {
    /// Plans with at least one measured KPI.
    pub plans_measured: u32,
    /// Mean of the plans' progress, 0.0..=1.0.
    pub average_progress: Option<f64>,
}

/// Reads the plans' figures: `held` plans, the ratings given in the period.
pub fn plan_figures(held: u32, ratings: &[RatingRecord]) -> PlanFigures {
    let shares = ratings
        .iter()
        .filter(|r| r.scale_max > r.scale_min)
        .map(|r| f64::from(r.score - r.scale_min) / f64::from(r.scale_max - r.scale_min));
    let one_scale = ratings.first().filter(|f| ratings.iter().all(|r| (r.scale_min, r.scale_max) == (f.scale_min, f.scale_max)));
    PlanFigures {
        held,
        ratings: count(ratings.len()),
        average_quality: mean(shares),
        average_score: one_scale.and_then(|_| mean(ratings.iter().map(|r| f64::from(r.score)))),
        scale_min: one_scale.map(|r| r.scale_min),
        scale_max: one_scale.map(|r| r.scale_max),
    }
}

/// Classifies the reviews due from `from` to `to` (both inclusive).
pub fn review_figures(reviews: &[ReviewRecord], from: Date, to: Date, today: Date) -> ReviewFigures {
    let mut f = ReviewFigures::default();
    for r in reviews.iter().filter(|r| r.due >= from && r.due <= to) {
        f.due += 1;
        match r.held {
            Some(h) if h <= r.due => f.on_time += 1,
            Some(_) => f.late += 1,
            None if r.due < today => f.overdue += 1,
            None => f.upcoming += 1,
        }
    }
    f
}

/// Classifies the accepted commitments due from `from` to `to` (both inclusive).
pub fn owned_figures(commitments: &[OwnedCommitment], from: Date, to: Date, today: Date) -> OwnedFigures {
    let mut f = OwnedFigures::default();
    for c in commitments {
        let Some(due) = c.due.filter(|d| *d >= from && *d <= to) else { continue };
        if c.acceptance != Some(Acceptance::Accepted) {
            continue;
        }
        f.due += 1;
        match (c.status.unwrap_or(CommitmentStatus::Open), c.done_on) {
            (CommitmentStatus::Done, Some(done)) if done <= due => f.on_time += 1,
            (CommitmentStatus::Done, Some(_)) => f.late += 1,
            (CommitmentStatus::Done, None) => f.done_undated += 1,
            (CommitmentStatus::Missed, _) => f.missed += 1,
            _ if due < today => f.missed += 1,
            _ => f.open += 1,
        }
    }
    f
}

/// Counts the commitments asked from `from` to `to` (both inclusive) and how fast they were accepted.
pub fn asked_figures(commitments: &[AskedCommitment], from: Date, to: Date) -> AskedFigures {
    let mut f = AskedFigures::default();
    let mut hours = Vec::new();
    for c in commitments.iter().filter(|c| c.asked_at.date() >= from && c.asked_at.date() <= to) {
        f.asked += 1;
        match c.acceptance.unwrap_or(Acceptance::Proposed) {
            Acceptance::Accepted => {
                f.accepted += 1;
                if let Some(at) = c.accepted_at.filter(|at| *at >= c.asked_at) {
                    hours.push((at - c.asked_at).as_seconds_f64() / 3600.0);
                }
            }
            Acceptance::Declined => f.declined += 1,
            Acceptance::Proposed | Acceptance::DateProposed => f.pending += 1,
        }
    }
    f.average_hours_to_accept = mean(hours.iter().copied());
    f.median_hours_to_accept = median(&mut hours);
    f
}

/// The goal progress of plans, given each plan's KPI progress values.
pub fn goal_figures(plans: &[Vec<f64>]) -> GoalFigures {
    let per_plan: Vec<f64> = plans.iter().filter_map(|p| mean(p.iter().copied())).collect();
    GoalFigures { plans_measured: count(per_plan.len()), average_progress: mean(per_plan) }
}

/// Whether `from`..=`to` is a period a scorecard covers.
pub fn valid_period(from: Date, to: Date) -> bool {
    from <= to && (to - from).whole_days() <= MAX_DAYS
}

/// The default period: the twelve months up to and including `today`.
pub fn default_from(today: Date) -> Date {
    crate::review::add_months(today, -12).next_day().unwrap_or(today)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.into_iter().filter(|v| v.is_finite()).fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2.0 } else { values[mid] })
}
