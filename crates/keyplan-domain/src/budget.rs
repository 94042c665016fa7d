//! The budget basis (issue 17, seeds 002 and 004): for one fiscal year, one
//! row per planned account with the figures the annual target and budget
//! planning starts from, and the same figures totalled per KAM, region and
//! industry.
//!
//! - The fiscal year is the calendar year. A plan covers it when its period
//!   overlaps the year; an account is planned when one of its plans that
//!   count as active (active, in review, approved) covers it.
//! - Money goals are the goals of those plans whose unit names a currency
//!   ([`crate::opportunity::coverage::money_unit`]); baseline and target are
//!   given in that currency (`k€` 120 is 120,000 EUR).
//! - The whitespace potential is the sum of the values of the account's
//!   whitespace cells marked as opportunity.
//! - The weighted pipeline is the sum over the account's open opportunities
//!   of amount × probability / 100 (no probability counts as 0 %), in the
//!   organisation's currency; deals in another currency are counted apart,
//!   never converted.
//! - The rating is the latest quality rating of the account's covering plans.
//! - Totals add every row's figures; goal baselines and targets only in the
//!   organisation's currency.

use std::collections::BTreeMap;

use serde::Serialize;
use time::{Date, Month, OffsetDateTime};

/// The earliest and latest fiscal year.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// The first and last day of fiscal year `year`; `None` outside [`YEARS`].
pub fn fiscal_year(year: i32) -> Option<(Date, Date)> {
    if !YEARS.contains(&year) {
        return None;
    }
    Some((Date::from_calendar_date(year, Month::January, 1).ok()?, Date::from_calendar_date(year, Month::December, 31).ok()?))
}

/// Whether a plan's period overlaps fiscal year `year`.
pub fn covers(period_start: Date, period_end: Date, year: i32) -> bool {
    period_start.year() <= year && period_end.year() >= year
}

/// An open opportunity's weight: amount × probability / 100.
pub fn weighted(amount: Option<f64>, probability: Option<i16>) -> f64 {
    amount.unwrap_or(0.0) * f64::from(probability.unwrap_or(0).clamp(0, 100)) / 100.0
}

/// An id and a name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

/// One money goal of a planned account.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MoneyGoal {
    pub plan_id: i64,
    pub plan_title: String,
    pub goal_id: i64,
    pub title: String,
    pub metric: Option<String>,
    /// The goal's unit as written (`k€`).
    pub unit: String,
    /// The currency the unit names.
    pub currency: String,
    /// In the currency (the unit's scale applied).
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_date: Option<Date>,
}

/// The latest quality rating of an account's plans.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LatestRating {
    pub plan_id: i64,
    pub score: i32,
    pub scale_min: i32,
    pub scale_max: i32,
    pub label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub rated_at: OffsetDateTime,
}

/// One planned account.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetRow {
    pub account: Named,
    pub kam: Option<Named>,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub current_revenue: Option<f64>,
    pub potential: Option<f64>,
    pub goals: Vec<MoneyGoal>,
    pub whitespace_potential: f64,
    pub weighted_pipeline: f64,
    /// Open opportunities in another currency than the organisation's: not summed.
    pub pipeline_other_currency: u32,
    pub rating: Option<LatestRating>,
}

/// The figures of a group of rows (or of all of them).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Total {
    /// The KAM's, region's or industry's name; `None` for rows without one.
    pub key: Option<String>,
    pub accounts: u32,
    pub current_revenue: f64,
    pub potential: f64,
    /// Money goals in the organisation's currency.
    pub goal_baseline: f64,
    pub goal_target: f64,
    pub whitespace_potential: f64,
    pub weighted_pipeline: f64,
}

impl Total {
    fn add(&mut self, r: &BudgetRow, currency: &str) {
        self.accounts += 1;
        self.current_revenue += r.current_revenue.unwrap_or(0.0);
        self.potential += r.potential.unwrap_or(0.0);
        for g in r.goals.iter().filter(|g| g.currency.eq_ignore_ascii_case(currency)) {
            self.goal_baseline += g.baseline.unwrap_or(0.0);
            self.goal_target += g.target.unwrap_or(0.0);
        }
        self.whitespace_potential += r.whitespace_potential;
        self.weighted_pipeline += r.weighted_pipeline;
    }
}

/// The totals of every row, and per KAM, region and industry (each ordered
/// by name, rows without one last).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub all: Total,
    pub by_kam: Vec<Total>,
    pub by_region: Vec<Total>,
    pub by_industry: Vec<Total>,
}

/// Totals `rows` in `currency` (the organisation's).
pub fn totals(rows: &[BudgetRow], currency: &str) -> Totals {
    let group = |key: &dyn Fn(&BudgetRow) -> Option<String>| {
        let mut groups: BTreeMap<(bool, String), Total> = BTreeMap::new();
        for r in rows {
            let k = key(r).filter(|k| !k.trim().is_empty());
            let entry = groups
                .entry((k.is_none(), k.clone().unwrap_or_default().to_lowercase()))
                .or_insert_with(|| Total { key: k, ..Total::default() });
            entry.add(r, currency);
        }
        groups.into_values().collect::<Vec<_>>()
    };
    let mut all = Total::default();
    for r in rows {
        all.add(r, currency);
    }
    Totals {
        all,
        by_kam: group(&|r| r.kam.as_ref().map(|k| k.name.clone())),
        by_region: group(&|r| r.region.clone()),
        by_industry: group(&|r| r.industry.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn row(name: &str, kam: Option<&str>, region: Option<&str>, revenue: f64, goals: Vec<MoneyGoal>) -> BudgetRow {
        BudgetRow {
            account: Named { id: 1, name: name.into() },
            kam: kam.map(|k| Named { id: 9, name: k.into() }),
            region: region.map(String::from),
            industry: Some("Chemicals".into()),
            current_revenue: Some(revenue),
            potential: None,
            goals,
            whitespace_potential: 10.0,
            weighted_pipeline: 2.5,
            pipeline_other_currency: 0,
            rating: None,
        }
    }

    fn goal(currency: &str, target: f64) -> MoneyGoal {
        MoneyGoal {
            plan_id: 1,
            plan_title: "P".into(),
            goal_id: 1,
            title: "G".into(),
            metric: None,
            unit: currency.into(),
            currency: currency.into(),
            baseline: Some(1.0),
            target: Some(target),
            target_date: Some(date!(2027 - 12 - 31)),
        }
    }

    #[test]
    fn fiscal_years_and_coverage() {
        assert_eq!(fiscal_year(2027), Some((date!(2027 - 01 - 01), date!(2027 - 12 - 31))));
        assert_eq!(fiscal_year(1899), None);
        assert_eq!(fiscal_year(3000), None);
        assert!(covers(date!(2026 - 07 - 01), date!(2027 - 06 - 30), 2027));
        assert!(covers(date!(2026 - 07 - 01), date!(2027 - 06 - 30), 2026));
        assert!(!covers(date!(2026 - 07 - 01), date!(2027 - 06 - 30), 2028));
        assert_eq!(weighted(Some(200_000.0), Some(25)), 50_000.0);
        assert_eq!(weighted(Some(200_000.0), None), 0.0, "no probability counts as 0 %");
        assert_eq!(weighted(None, Some(50)), 0.0);
    }

    #[test]
    fn totals_per_kam_region_and_industry() {
        let rows = vec![
            row("A", Some("Lena"), Some("DACH"), 100.0, vec![goal("EUR", 5.0), goal("USD", 1000.0)]),
            row("B", Some("lena"), None, 50.0, vec![goal("EUR", 7.0)]),
            row("C", None, Some("Nordics"), 25.0, vec![]),
        ];
        let t = totals(&rows, "EUR");
        assert_eq!((t.all.accounts, t.all.current_revenue, t.all.goal_target, t.all.goal_baseline), (3, 175.0, 12.0, 2.0));
        assert_eq!((t.all.whitespace_potential, t.all.weighted_pipeline), (30.0, 7.5));
        let kams: Vec<_> = t.by_kam.iter().map(|k| (k.key.clone(), k.accounts, k.current_revenue)).collect();
        assert_eq!(kams, [(Some("Lena".to_string()), 2, 150.0), (None, 1, 25.0)], "names group without case; none last");
        let regions: Vec<_> = t.by_region.iter().map(|k| (k.key.clone(), k.accounts)).collect();
        assert_eq!(regions, [(Some("DACH".to_string()), 1), (Some("Nordics".to_string()), 1), (None, 1)]);
        assert_eq!(t.by_industry.len(), 1);
        let rated = LatestRating {
            plan_id: 1,
            score: 4,
            scale_min: 1,
            scale_max: 5,
            label: "Good".into(),
            rated_at: datetime!(2027-01-01 0:00 UTC),
        };
        assert_eq!(serde_json::to_value(&rated).unwrap()["rated_at"], "2027-01-01T00:00:00Z");
    }
}
