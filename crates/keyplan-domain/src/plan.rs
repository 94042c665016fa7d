//! Plans: one account, one period, a status and a template.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::validate::{self, FieldError, Validation};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Active,
    InReview,
    Approved,
    Archived,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 5] =
        [PlanStatus::Draft, PlanStatus::Active, PlanStatus::InReview, PlanStatus::Approved, PlanStatus::Archived];
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Active => "active",
            PlanStatus::InReview => "in_review",
            PlanStatus::Approved => "approved",
            PlanStatus::Archived => "archived",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Draft => "Draft",
            PlanStatus::Active => "Active",
            PlanStatus::InReview => "In review",
            PlanStatus::Approved => "Approved",
            PlanStatus::Archived => "Archived",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// Approving a plan is a management decision (PRODUCT.md C6).
    pub fn needs_manager(self) -> bool {
        matches!(self, PlanStatus::Approved)
    }
}

/// The plan formats keyplan knows. Company-edited templates come later; the
/// constraint plan is the built-in starting point.
pub const TEMPLATE_ONE_PAGE: &str = "one_page_constraint";

#[derive(Clone, Debug, PartialEq)]
pub struct PlanData {
    pub title: String,
    pub status: PlanStatus,
    pub period_start: Date,
    pub period_end: Date,
    /// The title customer outputs show; `None`: [`customer_title`]'s default.
    pub customer_title: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct PlanInput {
    pub title: String,
    pub status: String,
    pub period_start: String,
    pub period_end: String,
    /// The title the customer reads; empty: the account's name and the
    /// period; absent (`None`): unchanged by an edit.
    pub customer_title: Option<String>,
    /// A manager's reason for activating the plan over the organisation's
    /// limits on active plans (`keyplan_domain::portfolio::limits`); empty
    /// otherwise. Not part of the plan: it is recorded with the activation.
    pub limit_exception: String,
}

impl PlanInput {
    /// `today` fills the default period: twelve months from today (seed 003).
    pub fn validate(&self, today: Date) -> Result<PlanData, Vec<FieldError>> {
        let mut v = Validation::new();
        let title = v.check(validate::required("title", &self.title, 200));
        let customer_title = v.check(validate::optional("customer_title", self.customer_title.as_deref(), 200));
        let status = match self.status.trim() {
            "" => Some(PlanStatus::Draft),
            s => {
                let p = PlanStatus::parse(s);
                if p.is_none() {
                    v.push("status", crate::Message::new("err-plan-status"));
                }
                p
            }
        };
        let start = v.check(validate::optional_date("period_start", Some(&self.period_start)));
        let end = v.check(validate::optional_date("period_end", Some(&self.period_end)));
        let (start, end) = match (start, end) {
            (Some(s), Some(e)) => {
                let s = s.unwrap_or(today);
                let e = e.unwrap_or_else(|| default_period_end(s));
                (Some(s), Some(e))
            }
            _ => (None, None),
        };
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            v.push("period_end", crate::Message::new("err-period-end"));
        }
        v.finish(|| PlanData {
            title: title.unwrap_or_default(),
            status: status.unwrap_or(PlanStatus::Draft),
            period_start: start.unwrap_or(today),
            period_end: end.unwrap_or(today),
            customer_title: customer_title.flatten(),
        })
    }
}

/// The plan's title as customer outputs show it: the one written for the
/// customer, else the account's name and the plan's years ("Globex · 2027",
/// "Globex · 2026–2027"). Never the internal title.
pub fn customer_title(written: Option<&str>, account: &str, start: Date, end: Date) -> String {
    if let Some(t) = written.map(str::trim).filter(|t| !t.is_empty()) {
        return t.to_string();
    }
    let years = if start.year() == end.year() { start.year().to_string() } else { format!("{}–{}", start.year(), end.year()) };
    format!("{account} · {years}")
}

/// The last day of a twelve-month period starting on `start`.
pub fn default_period_end(start: Date) -> Date {
    let year = start.year() + 1;
    let month = start.month();
    let last = time::util::days_in_month(month, year);
    if start.day() > last {
        // 29 February: the year ends on the last day of the next February.
        return Date::from_calendar_date(year, month, last).unwrap_or(start);
    }
    Date::from_calendar_date(year, month, start.day()).map(|d| d.previous_day().unwrap_or(d)).unwrap_or(start)
}

/// Months covered by a period, for the header ("12 months").
pub fn period_months(start: Date, end: Date) -> i32 {
    let next = end.next_day().unwrap_or(end);
    let mut months = (next.year() - start.year()) * 12 + (next.month() as i32 - start.month() as i32);
    if next.day() < start.day() {
        months -= 1;
    }
    months.max(1)
}

pub fn month_name(m: Month) -> &'static str {
    match m {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn default_period_is_twelve_months() {
        assert_eq!(default_period_end(date!(2026 - 11 - 23)), date!(2027 - 11 - 22));
        assert_eq!(default_period_end(date!(2028 - 02 - 29)), date!(2029 - 02 - 28));
        assert_eq!(period_months(date!(2026 - 11 - 23), date!(2027 - 11 - 22)), 12);
        let p = PlanInput { title: "FY plan".into(), ..Default::default() }.validate(date!(2026 - 01 - 01)).unwrap();
        assert_eq!((p.period_start, p.period_end, p.status), (date!(2026 - 01 - 01), date!(2026 - 12 - 31), PlanStatus::Draft));
    }

    #[test]
    fn period_must_move_forward() {
        let e = PlanInput { title: "x".into(), period_start: "2026-05-01".into(), period_end: "2026-04-01".into(), ..Default::default() }
            .validate(date!(2026 - 01 - 01))
            .unwrap_err();
        assert_eq!(e[0].field, "period_end");
        let e = PlanInput { title: "x".into(), status: "done".into(), ..Default::default() }.validate(date!(2026 - 01 - 01)).unwrap_err();
        assert_eq!(e[0].field, "status");
    }
}
