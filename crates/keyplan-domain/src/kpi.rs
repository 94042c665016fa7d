//! Key performance indicators: what is measured, from where to where by when, and
//! how far the recorded actuals have come (seed 002: the scorecard shows progress to
//! target and a trend).

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::validate::{self, FieldError, Validation};

/// How often actuals are recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month,
    Quarter,
}

impl Period {
    pub const ALL: [Period; 2] = [Period::Month, Period::Quarter];
    pub fn parse(s: &str) -> Option<Period> {
        match s {
            "month" => Some(Period::Month),
            "quarter" => Some(Period::Quarter),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Period::Month => "Monthly",
            Period::Quarter => "Quarterly",
        }
    }

    /// The first day of the month or quarter `d` falls in.
    pub fn start_of(self, d: Date) -> Date {
        let month = match self {
            Period::Month => d.month(),
            Period::Quarter => Month::try_from(((d.month() as u8 - 1) / 3) * 3 + 1).unwrap_or(Month::January),
        };
        Date::from_calendar_date(d.year(), month, 1).unwrap_or(d)
    }

    /// "2026-03" or "Q1 2026".
    pub fn label_of(self, start: Date) -> String {
        match self {
            Period::Month => format!("{} {}", &month_name(start.month())[..3], start.year()),
            Period::Quarter => format!("Q{} {}", (start.month() as u8 - 1) / 3 + 1, start.year()),
        }
    }
}

fn month_name(m: Month) -> &'static str {
    match m {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

/// Raw KPI fields from a form or a JSON body.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct KpiInput {
    pub name: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    pub target_date: String,
    pub period: String,
    /// The goal this KPI measures (a goal node of the same plan), or empty.
    pub goal_id: String,
}

/// A validated KPI.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiData {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_date: Option<Date>,
    pub period: Period,
    pub goal_id: Option<i64>,
}

impl KpiInput {
    pub fn validate(&self) -> Result<KpiData, Vec<FieldError>> {
        let mut v = Validation::new();
        let name = v.check(validate::required("name", &self.name, 200));
        let unit = v.check(validate::optional("unit", Some(&self.unit), 40)).flatten();
        let baseline = v.check(validate::optional_number("baseline", Some(&self.baseline))).flatten();
        let target = v.check(validate::optional_number("target", Some(&self.target))).flatten();
        if let (Some(b), Some(t)) = (baseline, target)
            && b == t
        {
            v.push("target", crate::Message::new("doc-err-baseline"));
        }
        let target_date = v.check(validate::optional_date("target_date", Some(&self.target_date))).flatten();
        let period = match self.period.trim() {
            "" => Some(Period::Quarter),
            p => Period::parse(p),
        };
        if period.is_none() {
            v.push("period", crate::Message::new("err-period"));
        }
        let goal_id = match self.goal_id.trim() {
            "" => None,
            s => match s.parse::<i64>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    v.push("goal_id", crate::Message::new("err-goal-of-plan"));
                    None
                }
            },
        };
        v.finish(|| KpiData {
            name: name.unwrap_or_default(),
            unit,
            baseline,
            target,
            target_date,
            period: period.unwrap_or(Period::Quarter),
            goal_id,
        })
    }
}

/// Raw fields of one recorded actual.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ActualInput {
    /// Any date in the period; it is moved to the period's first day.
    pub period_start: String,
    pub value: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActualData {
    pub period_start: Date,
    pub value: f64,
    pub note: Option<String>,
}

impl ActualInput {
    pub fn validate(&self, period: Period) -> Result<ActualData, Vec<FieldError>> {
        let mut v = Validation::new();
        let start = match self.period_start.trim() {
            "" => {
                v.push("period_start", crate::Message::new("err-required"));
                None
            }
            s => v.check(validate::parse_date("period_start", s)).map(|d| period.start_of(d)),
        };
        let value = match v.check(validate::optional_number("value", Some(&self.value))) {
            Some(Some(n)) => Some(n),
            Some(None) => {
                v.push("value", crate::Message::new("err-required"));
                None
            }
            None => None,
        };
        let note = v.check(validate::optional("note", Some(&self.note), 500)).flatten();
        v.finish(|| ActualData { period_start: start.unwrap_or(Date::MIN), value: value.unwrap_or_default(), note })
    }
}

/// Share of the way from baseline to target, 0.0..=1.0 (clamped); none when the
/// baseline, target or a value is missing.
pub fn progress(baseline: Option<f64>, target: Option<f64>, latest: Option<f64>) -> Option<f64> {
    let (b, t, l) = (baseline?, target?, latest?);
    if (t - b).abs() < f64::EPSILON {
        return None;
    }
    Some(((l - b) / (t - b)).clamp(0.0, 1.0))
}

/// Where a KPI stands against a straight line from baseline (at `start`) to target
/// (at `target_date`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    OnTrack,
    Behind,
    Ahead,
    /// Baseline, target, target date or any actual is missing.
    Unknown,
}

impl Judgement {
    pub fn as_str(self) -> &'static str {
        match self {
            Judgement::OnTrack => "on_track",
            Judgement::Behind => "behind",
            Judgement::Ahead => "ahead",
            Judgement::Unknown => "unknown",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Judgement::OnTrack => "On track",
            Judgement::Behind => "Behind",
            Judgement::Ahead => "Ahead",
            Judgement::Unknown => "No data",
        }
    }
}

/// How much progress a straight line would have made by `on` (0.0..=1.0).
pub fn expected_progress(start: Date, target_date: Date, on: Date) -> f64 {
    let span = (target_date - start).whole_days();
    if span <= 0 {
        return 1.0;
    }
    ((on - start).whole_days() as f64 / span as f64).clamp(0.0, 1.0)
}

/// Unclamped progress, so "ahead" can show beyond the line.
fn raw_progress(b: f64, t: f64, l: f64) -> f64 {
    (l - b) / (t - b)
}

/// Judges the latest actual against a straight line from the baseline (at `start`,
/// the plan's start) to the target (at `target_date`) as of `on` (today). Within 10
/// points of the line is on track.
pub fn judge(
    baseline: Option<f64>,
    target: Option<f64>,
    start: Date,
    target_date: Option<Date>,
    latest: Option<f64>,
    on: Date,
) -> Judgement {
    let (Some(b), Some(t), Some(td), Some(l)) = (baseline, target, target_date, latest) else { return Judgement::Unknown };
    if (t - b).abs() < f64::EPSILON {
        return Judgement::Unknown;
    }
    let actual = raw_progress(b, t, l);
    if actual >= 1.0 {
        return Judgement::Ahead;
    }
    let expected = expected_progress(start, td, on);
    if actual < expected - 0.1 {
        Judgement::Behind
    } else if actual > expected + 0.1 {
        Judgement::Ahead
    } else {
        Judgement::OnTrack
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn input(name: &str, baseline: &str, target: &str) -> KpiInput {
        KpiInput {
            name: name.into(),
            baseline: baseline.into(),
            target: target.into(),
            target_date: "2026-12-31".into(),
            period: "quarter".into(),
            ..Default::default()
        }
    }

    #[test]
    fn validates_with_field_names() {
        let errs = KpiInput { name: " ".into(), baseline: "x".into(), period: "week".into(), goal_id: "-3".into(), ..Default::default() }
            .validate()
            .unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "baseline", "period", "goal_id"]);
        let errs = input("Share", "5", "5").validate().unwrap_err();
        assert_eq!(errs[0].field, "target");
        let ok = input(" Share of wallet ", "12", "20").validate().unwrap();
        assert_eq!(ok.name, "Share of wallet");
        assert_eq!(ok.period, Period::Quarter);
        assert_eq!(ok.target_date, Some(date!(2026 - 12 - 31)));
    }

    #[test]
    fn period_start_is_normalised() {
        assert_eq!(Period::Quarter.start_of(date!(2026 - 05 - 17)), date!(2026 - 04 - 01));
        assert_eq!(Period::Quarter.start_of(date!(2026 - 12 - 31)), date!(2026 - 10 - 01));
        assert_eq!(Period::Month.start_of(date!(2026 - 02 - 28)), date!(2026 - 02 - 01));
        let a = ActualInput { period_start: "2026-08-09".into(), value: "14.5".into(), note: "".into() }.validate(Period::Quarter).unwrap();
        assert_eq!(a.period_start, date!(2026 - 07 - 01));
        assert_eq!(a.value, 14.5);
        let errs = ActualInput::default().validate(Period::Month).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["period_start", "value"]);
        assert_eq!(Period::Quarter.label_of(date!(2026 - 07 - 01)), "Q3 2026");
        assert_eq!(Period::Month.label_of(date!(2026 - 07 - 01)), "Jul 2026");
    }

    #[test]
    fn progress_is_clamped_and_handles_gaps() {
        assert_eq!(progress(Some(10.0), Some(20.0), Some(15.0)), Some(0.5));
        assert_eq!(progress(Some(10.0), Some(20.0), Some(25.0)), Some(1.0));
        assert_eq!(progress(Some(10.0), Some(20.0), Some(5.0)), Some(0.0));
        // Going down is progress when the target is below the baseline.
        assert_eq!(progress(Some(40.0), Some(20.0), Some(35.0)), Some(0.25));
        assert_eq!(progress(None, Some(20.0), Some(15.0)), None);
        assert_eq!(progress(Some(10.0), Some(20.0), None), None);
        assert_eq!(progress(Some(10.0), Some(10.0), Some(10.0)), None);
    }

    #[test]
    fn judged_against_the_straight_line() {
        let start = date!(2026 - 01 - 01);
        let td = Some(date!(2027 - 01 - 01));
        let mid = date!(2026 - 07 - 02);
        assert_eq!(judge(Some(0.0), Some(100.0), start, td, Some(50.0), mid), Judgement::OnTrack);
        assert_eq!(judge(Some(0.0), Some(100.0), start, td, Some(20.0), mid), Judgement::Behind);
        assert_eq!(judge(Some(0.0), Some(100.0), start, td, Some(80.0), mid), Judgement::Ahead);
        assert_eq!(judge(Some(0.0), Some(100.0), start, td, Some(120.0), mid), Judgement::Ahead);
        assert_eq!(judge(Some(0.0), Some(100.0), start, td, None, mid), Judgement::Unknown);
        assert_eq!(judge(Some(0.0), Some(100.0), start, None, Some(50.0), mid), Judgement::Unknown);
        assert_eq!(expected_progress(start, start, mid), 1.0);
    }
}
