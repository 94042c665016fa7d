//! The organisation's coach: which rules run and how severe each is (issue 12:
//! the company owns the coach). As JSON, one entry per rule id:
//!
//! ```json
//! {"commitment-vague": {"enabled": true, "severity": "warning"}, "actions-bunched": {"enabled": false, "severity": "hint"}}
//! ```
//!
//! A body may name only the rules it changes, and may leave out `enabled` or
//! `severity`; what it leaves out keeps its default. [`CoachSettings`] always
//! holds every rule and serialises all of them, in the order of [`RULES`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::finding::{Finding, Severity};
use super::rules::{RULES, RuleId};
use crate::Message;
use crate::validate::{FieldError, Validation};

/// How the organisation wants one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSetting {
    pub enabled: bool,
    pub severity: Severity,
}

/// Every rule's setting. Reading one from JSON validates it (unknown rule ids
/// and severities fail loudly); use [`CoachSettingsInput::validate`] to get the
/// errors per field.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "CoachSettingsInput")]
pub struct CoachSettings {
    rules: BTreeMap<RuleId, RuleSetting>,
}

impl Default for CoachSettings {
    /// Every rule enabled, at its default severity.
    fn default() -> Self {
        CoachSettings { rules: RULES.iter().map(|r| (r.id, RuleSetting { enabled: true, severity: r.severity })).collect() }
    }
}

impl Serialize for CoachSettings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Keys are rule ids; a `RuleId` orders as `RULES` lists it.
        self.rules.serialize(s)
    }
}

impl CoachSettings {
    /// How the organisation wants `rule`.
    pub fn get(&self, rule: RuleId) -> RuleSetting {
        self.rules.get(&rule).copied().unwrap_or(RuleSetting { enabled: true, severity: rule.default_severity() })
    }

    pub fn set(&mut self, rule: RuleId, setting: RuleSetting) {
        self.rules.insert(rule, setting);
    }

    /// Every rule with its setting, in the order of [`RULES`] (the settings page).
    pub fn iter(&self) -> impl Iterator<Item = (RuleId, RuleSetting)> + '_ {
        RULES.iter().map(|r| (r.id, self.get(r.id)))
    }

    /// The findings as the organisation wants them: those of disabled rules
    /// dropped, the others at the organisation's severity, order kept.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                let s = self.get(f.rule);
                s.enabled.then(|| {
                    f.severity = s.severity;
                    f
                })
            })
            .collect()
    }
}

/// One rule's setting as sent (the settings form, `PUT
/// /api/v1/organisation/coach-rules`): what is left out keeps its default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSettingInput {
    #[serde(default)]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub severity: Option<String>,
}

/// Settings as sent: rule id to setting, not yet checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CoachSettingsInput(pub BTreeMap<String, RuleSettingInput>);

impl CoachSettingsInput {
    /// Checks every entry against the defaults. Errors name the rule id
    /// (`commitment-vage`) or its severity (`commitment-vague.severity`).
    pub fn validate(&self) -> Result<CoachSettings, Vec<FieldError>> {
        let mut v = Validation::new();
        let mut settings = CoachSettings::default();
        for (id, input) in &self.0 {
            let Some(rule) = RuleId::parse(id) else {
                v.push(id, Message::new("coach-err-unknown-rule").arg("rule", id.as_str()));
                continue;
            };
            let mut setting = settings.get(rule);
            if let Some(enabled) = input.enabled {
                setting.enabled = enabled;
            }
            if let Some(severity) = &input.severity {
                match Severity::parse(severity.trim()) {
                    Some(s) => setting.severity = s,
                    None => v.push(&format!("{id}.severity"), Message::new("coach-err-severity").arg("severity", severity.as_str())),
                }
            }
            settings.set(rule, setting);
        }
        v.finish(|| settings)
    }
}

impl TryFrom<CoachSettingsInput> for CoachSettings {
    type Error = String;
    fn try_from(input: CoachSettingsInput) -> Result<Self, Self::Error> {
        input.validate().map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{Target, TargetKind};
    use serde_json::json;

    fn finding(rule: RuleId) -> Finding {
        Finding::new(rule, Target::new(TargetKind::Plan, "plan"), rule.label(), rule.label())
    }

    #[test]
    fn defaults_list_every_rule_in_order_with_the_documented_shape() {
        let text = serde_json::to_string(&CoachSettings::default()).unwrap();
        let at: Vec<usize> = RULES.iter().map(|r| text.find(&format!("\"{}\":", r.id)).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v.as_object().unwrap().len(), RULES.len());
        assert_eq!(v["commitment-vague"], json!({"enabled": true, "severity": "warning"}));
        assert_eq!(v["goal-not-measurable"], json!({"enabled": true, "severity": "blocker"}));
        let back: CoachSettings = serde_json::from_value(v).unwrap();
        assert_eq!(back, CoachSettings::default());
    }

    #[test]
    fn a_body_changes_only_what_it_names() {
        let input: CoachSettingsInput = serde_json::from_value(json!({
            "commitment-vague": {"enabled": false, "severity": "warning"},
            "actions-bunched": {"severity": "blocker"}
        }))
        .unwrap();
        let s = input.validate().unwrap();
        assert_eq!(s.get(RuleId::CommitmentVague), RuleSetting { enabled: false, severity: Severity::Warning });
        assert_eq!(s.get(RuleId::ActionsBunched), RuleSetting { enabled: true, severity: Severity::Blocker });
        assert_eq!(s.get(RuleId::TooManyGoals), RuleSetting { enabled: true, severity: Severity::Warning });
        assert_eq!(s.iter().count(), RULES.len());
    }

    #[test]
    fn unknown_rules_and_severities_are_field_errors_by_code() {
        let input: CoachSettingsInput = serde_json::from_value(json!({
            "commitment-vage": {"enabled": true},
            "review-overdue": {"severity": "fatal"}
        }))
        .unwrap();
        let errors = input.validate().unwrap_err();
        let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message.code.as_str())).collect();
        assert_eq!(fields, [("commitment-vage", "coach-err-unknown-rule"), ("review-overdue.severity", "coach-err-severity")]);
        let stored = serde_json::from_value::<CoachSettings>(json!({"review-overdue": {"enabled": true, "severity": "fatal"}}));
        assert!(stored.unwrap_err().to_string().contains("review-overdue.severity"));
        assert!(serde_json::from_value::<CoachSettingsInput>(json!({"review-overdue": {"colour": "red"}})).is_err());
    }

    #[test]
    fn applying_drops_disabled_rules_and_changes_severities() {
        let mut s = CoachSettings::default();
        s.set(RuleId::CommitmentVague, RuleSetting { enabled: false, severity: Severity::Warning });
        s.set(RuleId::ActionsBunched, RuleSetting { enabled: true, severity: Severity::Blocker });
        let out = s.apply(vec![finding(RuleId::CommitmentVague), finding(RuleId::ActionsBunched), finding(RuleId::TooManyGoals)]);
        let got: Vec<(RuleId, Severity)> = out.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(got, [(RuleId::ActionsBunched, Severity::Blocker), (RuleId::TooManyGoals, Severity::Warning)]);
    }
}
