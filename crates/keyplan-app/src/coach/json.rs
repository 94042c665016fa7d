//! The coach as JSON, exactly as `GET /api/v1/plans/{id}/coach` answers and
//! `keyplan coach --json` prints it:
//!
//! ```json
//! {"score": 78.3, "level": 2,
//!  "findings": [{"rule": "commitment-vague", "severity": "warning",
//!                "message": "…", "hint": "…", "target": {"kind": "node", "id": "42"}}],
//!  "next_level": {"level": 3, "missing": ["…"]}}
//! ```
//!
//! * `score`: 0 to 100 with one decimal; `level`: 1 to 5.
//! * `message`, `hint` and `missing` are written in the language asked for.
//! * `target.kind` is `plan`, `node`, `item`, `section`, `contact`, `review` or
//!   `kpi`; `target.id` is always a string: a database id (`"42"`), a section's
//!   key (`"swot"`), or, for a plan document, its local id (`"n4"`, `"plan"`).
//! * `next_level` is `null` at level 5.

use keyplan_domain::coach::{RuleId, Severity, Target};
use keyplan_i18n::Tr;
use serde::{Deserialize, Serialize};

use super::CoachReport;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoachJson {
    pub score: f64,
    pub level: u8,
    pub findings: Vec<FindingJson>,
    pub next_level: Option<NextLevelJson>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingJson {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
    pub hint: String,
    pub target: Target,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextLevelJson {
    pub level: u8,
    pub missing: Vec<String>,
}

impl CoachReport {
    /// The report with its texts written in `t`'s language.
    pub fn to_json(&self, t: Tr) -> CoachJson {
        CoachJson {
            score: self.assessment.score.rounded(),
            level: self.ladder.level,
            findings: self
                .assessment
                .findings
                .iter()
                .map(|f| FindingJson {
                    rule: f.rule,
                    severity: f.severity,
                    message: t.msg(&f.message),
                    hint: t.msg(&f.hint),
                    target: f.target.clone(),
                })
                .collect(),
            next_level: self
                .ladder
                .next
                .as_ref()
                .map(|n| NextLevelJson { level: n.level, missing: n.missing.iter().map(|m| t.msg(m)).collect() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use keyplan_domain::Lang;
    use keyplan_domain::coach::large_plan_document;
    use serde_json::Value;
    use time::macros::date;

    use super::*;

    #[test]
    fn the_object_has_exactly_the_documented_shape_in_both_languages() {
        let doc = large_plan_document(date!(2027 - 01 - 01));
        let report = super::super::lint_document(&doc, date!(2027 - 06 - 15));
        assert!(!report.assessment.findings.is_empty());
        let en = serde_json::to_value(report.to_json(Tr::new(Lang::En))).unwrap();
        let de = serde_json::to_value(report.to_json(Tr::new(Lang::De))).unwrap();
        let keys = |v: &Value| {
            let mut k = v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
            k.sort();
            k
        };
        assert_eq!(keys(&en), ["findings", "level", "next_level", "score"]);
        let f = &en["findings"][0];
        assert_eq!(keys(f), ["hint", "message", "rule", "severity", "target"]);
        assert_eq!(keys(&f["target"]), ["id", "kind"]);
        assert!(f["target"]["id"].is_string());
        assert_eq!(en["level"], 1);
        assert_eq!(keys(&en["next_level"]), ["level", "missing"]);
        assert_ne!(en["findings"][0]["message"], de["findings"][0]["message"], "written in the language asked for");
        assert_eq!(en["findings"][0]["rule"], de["findings"][0]["rule"]);
        let back: CoachJson = serde_json::from_value(en.clone()).unwrap();
        assert_eq!(serde_json::to_value(back).unwrap(), en);
    }
}
