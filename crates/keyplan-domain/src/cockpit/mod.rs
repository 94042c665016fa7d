//! The sales manager's cockpit (issue 13): one row per KAM with the plans they
//! hold against the limit, and the judgements the cockpit makes about them —
//! whether a plan's review is on time, stale or overdue, how far its goals
//! have come, what needs attention first, who sees which rows, and how the
//! organisation's totals moved against 90 days ago.

use serde::Serialize;
use time::{Date, Duration};

use crate::plan::PlanStatus;
use crate::review::{add_months, is_overdue, next_review_due, past_update_interval};
use crate::{Role, UserId};

#[cfg(test)]
mod tests;

/// How far back the trend looks.
pub const TREND_DAYS: i64 = 90;
/// An unaccepted commitment needs attention once it has waited this long.
pub const UNACCEPTED_AFTER_DAYS: i64 = 14;

/// Where a plan's review stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Held within the rhythm, the next one still ahead.
    Ok,
    /// Not overdue by the date the team set, but the last review (or the plan's
    /// start, when none was held) lies more than one cadence back: the date was
    /// pushed beyond the rhythm; or the plan went longer than the organisation's
    /// update interval without an update or a held review.
    Stale,
    /// The next review date has passed and no review was held on or after it.
    Overdue,
    /// No review held yet and none due yet (or an archived plan).
    None,
}

impl ReviewState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Ok => "ok",
            ReviewState::Stale => "stale",
            ReviewState::Overdue => "overdue",
            ReviewState::None => "none",
        }
    }
}

/// A plan's review facts as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewFacts {
    pub status: PlanStatus,
    pub period_start: Date,
    pub cadence_months: i32,
    /// The next review date the team set, if any.
    pub next_set: Option<Date>,
    /// The date of the latest held review.
    pub last_held: Option<Date>,
    /// The day of the plan's latest change (the plan, its tree, sections or items).
    pub last_update: Date,
    /// The organisation's `update_interval_days`.
    pub update_interval_days: u32,
}

impl ReviewFacts {
    /// When the next review is due (as on the plan page).
    pub fn next_due(&self) -> Date {
        next_review_due(self.next_set, self.last_held, self.period_start, self.cadence_months)
    }

    /// Judges the review on `today`; overdue as the coach reads it.
    pub fn judge(&self, today: Date) -> ReviewState {
        if self.status == PlanStatus::Archived {
            return ReviewState::None;
        }
        let due = self.next_due();
        if is_overdue(due, self.status, today) && self.last_held.is_none_or(|h| h < due) {
            return ReviewState::Overdue;
        }
        let since = self.last_held.unwrap_or(self.period_start);
        let unrefreshed = past_update_interval(self.last_update, self.last_held, self.update_interval_days, self.status, today);
        if add_months(since, self.cadence_months) < today || unrefreshed {
            return ReviewState::Stale;
        }
        if self.last_held.is_none() { ReviewState::None } else { ReviewState::Ok }
    }
}

/// A plan's goal progress, 0.0..=1.0: the mean progress from baseline to
/// target of its measured KPIs (by their latest actuals); a plan with none
/// measured uses the constraint tree's roll-up, the share of obstacles
/// overcome; `None` when it has neither.
pub fn goal_progress(kpi_progress: &[f64], obstacles_overcome: i64, obstacles: i64) -> Option<f64> {
    mean(kpi_progress.iter().copied()).or_else(|| (obstacles > 0).then(|| (obstacles_overcome as f64 / obstacles as f64).clamp(0.0, 1.0)))
}

/// The mean of the values, `None` for none.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.into_iter().filter(|v| v.is_finite()).fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// What needs attention, in order of urgency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttentionKind {
    OverdueReview,
    BlockedObstacle,
    OverdueCommitment,
    UnacceptedCommitment,
}

impl AttentionKind {
    pub const ALL: [AttentionKind; 4] = [
        AttentionKind::OverdueReview,
        AttentionKind::BlockedObstacle,
        AttentionKind::OverdueCommitment,
        AttentionKind::UnacceptedCommitment,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            AttentionKind::OverdueReview => "overdue_review",
            AttentionKind::BlockedObstacle => "blocked_obstacle",
            AttentionKind::OverdueCommitment => "overdue_commitment",
            AttentionKind::UnacceptedCommitment => "unaccepted_commitment",
        }
    }
    /// 1 is the most urgent.
    pub fn urgency(self) -> u8 {
        self as u8 + 1
    }
}

/// Something that may need attention: its kind and since when.
pub trait Attention {
    fn kind(&self) -> AttentionKind;
    fn since(&self) -> Date;
}

/// Days from `since` to `today` (0 when in the future).
pub fn days_since(since: Date, today: Date) -> i64 {
    (today - since).whole_days().max(0)
}

/// The items that need attention, most urgent first: overdue reviews, blocked
/// obstacles, overdue commitments, then commitments unaccepted for more than
/// [`UNACCEPTED_AFTER_DAYS`] days; within a kind the oldest first. Younger
/// unaccepted commitments are left out.
pub fn needs_attention<T: Attention>(mut items: Vec<T>, today: Date) -> Vec<T> {
    items.retain(|i| i.kind() != AttentionKind::UnacceptedCommitment || days_since(i.since(), today) > UNACCEPTED_AFTER_DAYS);
    items.sort_by_key(|i| (i.kind(), i.since()));
    items
}

/// Who may open the cockpit: managers and administrators see everyone, a KAM
/// their own row and their team's; members and viewers hold no plans against
/// the limit and are refused (their own work is on "My commitments").
pub fn can_open(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Manager | Role::Kam)
}

/// Whether `me` (with `my_role`, in `my_team`) sees the row of `kam` (in `kam_team`).
/// Teams match ignoring case and surrounding spaces; no team matches nobody.
pub fn sees(my_role: Role, me: UserId, my_team: Option<&str>, kam: UserId, kam_team: Option<&str>) -> bool {
    match my_role {
        Role::Admin | Role::Manager => true,
        Role::Kam => kam == me || same_team(my_team, kam_team),
        Role::Member | Role::Viewer => false,
    }
}

/// Whether two teams are the same (ignoring case and surrounding spaces); no team matches nobody.
pub fn same_team(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.map(str::trim).filter(|s| !s.is_empty()), b.map(str::trim).filter(|s| !s.is_empty())) {
        (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
        _ => false,
    }
}

/// The organisation's totals on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub kams: i64,
    pub active_plans: i64,
    pub kams_over_limit: i64,
    pub overdue_commitments: i64,
    pub unaccepted_commitments: i64,
    pub blocked_obstacles: i64,
    pub overdue_reviews: i64,
    pub stale_reviews: i64,
    /// Mean of the plans' goal progress, 0.0..=1.0.
    pub goal_progress: Option<f64>,
}

/// One of the totals, by its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    Kams,
    ActivePlans,
    KamsOverLimit,
    OverdueCommitments,
    UnacceptedCommitments,
    BlockedObstacles,
    OverdueReviews,
    StaleReviews,
    GoalProgress,
}

impl Figure {
    pub const ALL: [Figure; 9] = [
        Figure::Kams,
        Figure::ActivePlans,
        Figure::KamsOverLimit,
        Figure::OverdueCommitments,
        Figure::UnacceptedCommitments,
        Figure::BlockedObstacles,
        Figure::OverdueReviews,
        Figure::StaleReviews,
        Figure::GoalProgress,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Figure::Kams => "kams",
            Figure::ActivePlans => "active_plans",
            Figure::KamsOverLimit => "kams_over_limit",
            Figure::OverdueCommitments => "overdue_commitments",
            Figure::UnacceptedCommitments => "unaccepted_commitments",
            Figure::BlockedObstacles => "blocked_obstacles",
            Figure::OverdueReviews => "overdue_reviews",
            Figure::StaleReviews => "stale_reviews",
            Figure::GoalProgress => "goal_progress",
        }
    }
    /// Whether a rise is good news (more goal progress) or bad (more overdue items);
    /// `None` when it is neither (how many KAMs and plans there are).
    pub fn rise_is_good(self) -> Option<bool> {
        match self {
            Figure::Kams | Figure::ActivePlans => None,
            Figure::GoalProgress => Some(true),
            _ => Some(false),
        }
    }
    /// The figure's value in `t`.
    pub fn of(self, t: &Totals) -> Option<f64> {
        Some(match self {
            Figure::Kams => t.kams as f64,
            Figure::ActivePlans => t.active_plans as f64,
            Figure::KamsOverLimit => t.kams_over_limit as f64,
            Figure::OverdueCommitments => t.overdue_commitments as f64,
            Figure::UnacceptedCommitments => t.unaccepted_commitments as f64,
            Figure::BlockedObstacles => t.blocked_obstacles as f64,
            Figure::OverdueReviews => t.overdue_reviews as f64,
            Figure::StaleReviews => t.stale_reviews as f64,
            Figure::GoalProgress => return t.goal_progress,
        })
    }
}

/// Which way a figure moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Better,
    Worse,
    Same,
    /// Changed, but neither better nor worse (or no comparison).
    Neutral,
}

/// A figure now and 90 days ago.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Trend {
    pub figure: Figure,
    pub now: Option<f64>,
    pub ninety_days_ago: Option<f64>,
}

impl Trend {
    /// The change since then, `None` without a comparison.
    pub fn change(&self) -> Option<f64> {
        Some(self.now? - self.ninety_days_ago?)
    }
    pub fn direction(&self) -> Direction {
        match (self.change(), self.figure.rise_is_good()) {
            (None, _) => Direction::Neutral,
            (Some(c), _) if c.abs() < 1e-9 => Direction::Same,
            (Some(_), None) => Direction::Neutral,
            (Some(c), Some(good)) => {
                if (c > 0.0) == good {
                    Direction::Better
                } else {
                    Direction::Worse
                }
            }
        }
    }
}

/// Every figure of `now` against `then` (the stored totals nearest to, on or
/// before, 90 days ago; `None`: no comparison yet).
pub fn trends(now: &Totals, then: Option<&Totals>) -> Vec<Trend> {
    Figure::ALL.into_iter().map(|f| Trend { figure: f, now: f.of(now), ninety_days_ago: then.and_then(|t| f.of(t)) }).collect()
}

/// The day the trend compares with.
pub fn comparison_day(today: Date) -> Date {
    today - Duration::days(TREND_DAYS)
}
