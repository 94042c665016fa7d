//! The plan's score, 0 to 100, from its findings (after the organisation's
//! settings). Each finding keeps a share of the score:
//!
//! ```text
//! score = 100 × 0.85^blockers × 0.94^warnings × 0.98^hints
//! ```
//!
//! so a blocker costs 15 % of what is left, a warning 6 %, a hint 2 %. A plan
//! without findings scores 100; one more finding of any severity always gives a
//! strictly lower score, and no number of findings reaches 0 (for any plan with
//! fewer than about 4,000 findings, where `f64` would run out of range). The
//! score depends only on how many findings of each severity there are, not on
//! their order. [`Score::rounded`] gives one decimal for display; the exact
//! value is what compares.

use serde::{Serialize, Serializer};

use super::finding::{Finding, Severity};

/// The share of the score a finding of this severity takes.
pub fn weight(s: Severity) -> f64 {
    match s {
        Severity::Blocker => 0.15,
        Severity::Warning => 0.06,
        Severity::Hint => 0.02,
    }
}

/// A plan's score. Serialises as its rounded value (`87.3`).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Score {
    exact: f64,
}

impl Score {
    /// The score of these findings, as they are after the organisation's settings.
    pub fn of(findings: &[Finding]) -> Score {
        let count = |s: Severity| i32::try_from(findings.iter().filter(|f| f.severity == s).count()).unwrap_or(i32::MAX);
        let exact = Severity::ALL.into_iter().fold(100.0, |score, s| score * (1.0 - weight(s)).powi(count(s)));
        Score { exact }
    }

    /// The exact value, above 0 and at most 100.
    pub fn exact(self) -> f64 {
        self.exact
    }

    /// The value with one decimal, for display.
    pub fn rounded(self) -> f64 {
        (self.exact * 10.0).round() / 10.0
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.rounded())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{RuleId, Target, TargetKind};

    fn finding(severity: Severity) -> Finding {
        let mut f = Finding::new(
            RuleId::CommitmentVague,
            Target::new(TargetKind::Plan, "plan"),
            RuleId::CommitmentVague.label(),
            Severity::Hint.label(),
        );
        f.severity = severity;
        f
    }

    #[test]
    fn each_severity_costs_its_share() {
        assert_eq!(Score::of(&[]).exact(), 100.0);
        assert_eq!(Score::of(&[finding(Severity::Blocker)]).rounded(), 85.0);
        assert_eq!(Score::of(&[finding(Severity::Warning)]).rounded(), 94.0);
        assert_eq!(Score::of(&[finding(Severity::Hint)]).rounded(), 98.0);
        let mixed = [finding(Severity::Blocker), finding(Severity::Warning), finding(Severity::Hint)];
        assert!((Score::of(&mixed).exact() - 100.0 * 0.85 * 0.94 * 0.98).abs() < 1e-9);
        assert_eq!(Score::of(&mixed).rounded(), 78.3);
        assert_eq!(serde_json::to_string(&Score::of(&mixed)).unwrap(), "78.3");
    }

    #[test]
    fn order_does_not_matter_and_many_findings_stay_above_zero() {
        let a = [finding(Severity::Hint), finding(Severity::Blocker)];
        let b = [finding(Severity::Blocker), finding(Severity::Hint)];
        assert_eq!(Score::of(&a), Score::of(&b));
        let many: Vec<Finding> = (0..2000).map(|_| finding(Severity::Blocker)).collect();
        let fewer = Score::of(&many[1..]);
        assert!(Score::of(&many).exact() > 0.0);
        assert!(Score::of(&many) < fewer);
    }
}
