//! Reviews of a plan (PRODUCT.md C6, seed 004): their kinds, the sign-off of a
//! management review, when the next review is due, and the organisation's
//! update interval (seed 002, the setting `update_interval_days`): a plan that
//! goes longer than the interval without an update (any change to the plan,
//! its tree, sections or items) and without a held review is stale, and its
//! KAM is reminded [`UPDATE_REMINDER_DAYS`] days before.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use crate::plan::PlanStatus;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    Team,
    Management,
    Customer,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 3] = [ReviewKind::Team, ReviewKind::Management, ReviewKind::Customer];
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::Team => "team",
            ReviewKind::Management => "management",
            ReviewKind::Customer => "customer",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ReviewKind::Team => "Team review",
            ReviewKind::Management => "Management review",
            ReviewKind::Customer => "Customer joint review",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// A manager's decision on a held management review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signoff {
    Approved,
    ChangesRequested,
}

impl Signoff {
    pub const ALL: [Signoff; 2] = [Signoff::Approved, Signoff::ChangesRequested];
    pub fn as_str(self) -> &'static str {
        match self {
            Signoff::Approved => "approved",
            Signoff::ChangesRequested => "changes_requested",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Signoff::Approved => "Approved",
            Signoff::ChangesRequested => "Changes requested",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
    /// The plan's status after the sign-off: approved, or back to work (active).
    pub fn plan_status(self) -> PlanStatus {
        match self {
            Signoff::Approved => PlanStatus::Approved,
            Signoff::ChangesRequested => PlanStatus::Active,
        }
    }
}

/// Review cadences a plan may have, in months.
pub fn valid_cadence(months: i32) -> bool {
    (1..=24).contains(&months)
}

/// `date` plus `months` (clamped to the month's last day).
pub fn add_months(date: Date, months: i32) -> Date {
    let total = date.year() * 12 + (date.month() as i32 - 1) + months;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = time::Month::try_from(month0 as u8 + 1).unwrap_or(time::Month::January);
    let day = date.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// When the next review is due. The date the team set wins; otherwise one cadence
/// after the last held review, or after the start of the plan's period.
pub fn next_review_due(set: Option<Date>, last_held: Option<Date>, period_start: Date, cadence_months: i32) -> Date {
    set.unwrap_or_else(|| add_months(last_held.unwrap_or(period_start), cadence_months))
}

/// A plan is stale when its next review is in the past (archived plans never are).
pub fn is_overdue(due: Date, status: PlanStatus, today: Date) -> bool {
    status != PlanStatus::Archived && due < today
}

/// How many days before the update interval runs out the KAM is reminded.
pub const UPDATE_REMINDER_DAYS: i64 = 7;

/// The plan's last sign of life: the later of its last update and its last held review.
pub fn last_touched(last_update: Date, last_held: Option<Date>) -> Date {
    last_held.map_or(last_update, |h| h.max(last_update))
}

/// The last day of the current update interval: `interval_days` after the
/// plan's last update or held review. The plan is stale from the day after.
pub fn update_due(last_update: Date, last_held: Option<Date>, interval_days: u32) -> Date {
    let touched = last_touched(last_update, last_held);
    touched.checked_add(Duration::days(i64::from(interval_days))).unwrap_or(touched)
}

/// Whether the plan went longer than `interval_days` without an update and
/// without a held review (archived plans never do).
pub fn past_update_interval(last_update: Date, last_held: Option<Date>, interval_days: u32, status: PlanStatus, today: Date) -> bool {
    status != PlanStatus::Archived && today > update_due(last_update, last_held, interval_days)
}

/// The KAM's reminder on `today`: due in the last [`UPDATE_REMINDER_DAYS`]
/// days of the interval, up to and including its last day (never for an
/// archived plan). Answers the interval's last day, which names the interval:
/// one reminder is sent per such date, and an update starts a new one.
pub fn update_reminder(last_update: Date, last_held: Option<Date>, interval_days: u32, status: PlanStatus, today: Date) -> Option<Date> {
    let due = update_due(last_update, last_held, interval_days);
    let left = (due - today).whole_days();
    (status != PlanStatus::Archived && (0..=UPDATE_REMINDER_DAYS).contains(&left)).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 11 - 15), 3), date!(2027 - 02 - 15));
        assert_eq!(add_months(date!(2026 - 03 - 01), -3), date!(2025 - 12 - 01));
    }

    #[test]
    fn next_review_due_prefers_the_set_date() {
        let start = date!(2026 - 01 - 01);
        assert_eq!(next_review_due(None, None, start, 3), date!(2026 - 04 - 01));
        assert_eq!(next_review_due(None, Some(date!(2026 - 05 - 10)), start, 3), date!(2026 - 08 - 10));
        assert_eq!(next_review_due(Some(date!(2026 - 02 - 02)), Some(date!(2026 - 05 - 10)), start, 3), date!(2026 - 02 - 02));
        assert!(is_overdue(date!(2026 - 02 - 02), PlanStatus::Active, date!(2026 - 02 - 03)));
        assert!(!is_overdue(date!(2026 - 02 - 02), PlanStatus::Archived, date!(2026 - 02 - 03)));
        assert!(!is_overdue(date!(2026 - 02 - 02), PlanStatus::Active, date!(2026 - 02 - 02)));
    }

    #[test]
    fn a_plan_without_update_or_review_for_longer_than_the_interval_is_stale() {
        let updated = date!(2026 - 01 - 01);
        assert_eq!(update_due(updated, None, 90), date!(2026 - 04 - 01));
        // The last day of the interval is still fine; the day after is stale.
        assert!(!past_update_interval(updated, None, 90, PlanStatus::Active, date!(2026 - 04 - 01)));
        assert!(past_update_interval(updated, None, 90, PlanStatus::Active, date!(2026 - 04 - 02)));
        assert!(!past_update_interval(updated, None, 90, PlanStatus::Archived, date!(2027 - 01 - 01)), "archived plans never are");
        // A held review counts as much as an update, whichever is later.
        assert_eq!(update_due(updated, Some(date!(2026 - 03 - 01)), 90), date!(2026 - 05 - 30));
        assert!(!past_update_interval(updated, Some(date!(2026 - 03 - 01)), 90, PlanStatus::Active, date!(2026 - 04 - 15)));
        assert_eq!(update_due(date!(2026 - 03 - 10), Some(date!(2026 - 03 - 01)), 30), date!(2026 - 04 - 09));
        // A shorter interval makes the same plan stale sooner.
        assert!(past_update_interval(updated, None, 30, PlanStatus::Draft, date!(2026 - 02 - 01)));
    }

    #[test]
    fn the_update_reminder_falls_in_the_last_seven_days_of_the_interval() {
        let updated = date!(2026 - 01 - 01);
        let at = |today| update_reminder(updated, None, 90, PlanStatus::Active, today);
        assert_eq!(at(date!(2026 - 03 - 24)), None, "eight days before");
        assert_eq!(at(date!(2026 - 03 - 25)), Some(date!(2026 - 04 - 01)), "seven days before");
        assert_eq!(at(date!(2026 - 04 - 01)), Some(date!(2026 - 04 - 01)), "the last day");
        assert_eq!(at(date!(2026 - 04 - 02)), None, "stale by then: no reminder");
        assert_eq!(update_reminder(updated, None, 90, PlanStatus::Archived, date!(2026 - 03 - 30)), None);
        // An update starts a new interval, named by its own last day.
        assert_eq!(
            update_reminder(date!(2026 - 03 - 28), None, 90, PlanStatus::Active, date!(2026 - 06 - 21)),
            Some(date!(2026 - 06 - 26))
        );
    }

    #[test]
    fn kinds_and_signoffs() {
        assert_eq!(ReviewKind::parse("management"), Some(ReviewKind::Management));
        assert_eq!(ReviewKind::parse("weekly"), None);
        assert_eq!(Signoff::parse("changes_requested").map(Signoff::plan_status), Some(PlanStatus::Active));
        assert_eq!(Signoff::Approved.plan_status(), PlanStatus::Approved);
    }
}
