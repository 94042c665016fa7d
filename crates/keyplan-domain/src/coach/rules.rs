//! The coach's rules by id, with their default severities (issue 12). The ids
//! are a contract: the API, the organisation's settings and stored findings
//! name rules by them.

use serde::{Deserialize, Serialize};

use super::severity::Severity;
use crate::Message;

/// One rule of the coach. Declared in the order the coach runs them, which is
/// the order of its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    GoalNotMeasurable,
    GoalWithoutEvidence,
    GoalLastYearPlus,
    NoCustomerGoal,
    TooManyGoals,
    GoalWithoutCommitment,
    TreeIncomplete,
    ObstacleWithoutCommitment,
    CommitmentIncomplete,
    CommitmentUnaccepted,
    CommitmentVague,
    CommitmentOverdue,
    ActionsBunched,
    SectionWithoutSoWhat,
    OverLengthBudget,
    ReviewOverdue,
    DecisionMakerUnmapped,
    ContactWithoutOwner,
    ContactWithoutObjective,
    ValuePropositionUnanchored,
}

/// A rule and the severity it has unless the organisation changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    pub severity: Severity,
}

const fn rule(id: RuleId, severity: Severity) -> Rule {
    Rule { id, severity }
}

/// Every rule with its default severity, in the order the coach runs them.
pub const RULES: [Rule; 20] = {
    use RuleId::*;
    use Severity::*;
    [
        rule(GoalNotMeasurable, Blocker),
        rule(GoalWithoutEvidence, Warning),
        rule(GoalLastYearPlus, Warning),
        rule(NoCustomerGoal, Warning),
        rule(TooManyGoals, Warning),
        rule(GoalWithoutCommitment, Warning),
        rule(TreeIncomplete, Warning),
        rule(ObstacleWithoutCommitment, Blocker),
        rule(CommitmentIncomplete, Blocker),
        rule(CommitmentUnaccepted, Warning),
        rule(CommitmentVague, Warning),
        rule(CommitmentOverdue, Warning),
        rule(ActionsBunched, Hint),
        rule(SectionWithoutSoWhat, Warning),
        rule(OverLengthBudget, Warning),
        rule(ReviewOverdue, Warning),
        rule(DecisionMakerUnmapped, Warning),
        rule(ContactWithoutOwner, Warning),
        rule(ContactWithoutObjective, Hint),
        rule(ValuePropositionUnanchored, Warning),
    ]
};

impl RuleId {
    /// The id as the API and the settings write it: `commitment-vague`.
    pub fn as_str(self) -> &'static str {
        use RuleId::*;
        match self {
            GoalNotMeasurable => "goal-not-measurable",
            GoalWithoutEvidence => "goal-without-evidence",
            GoalLastYearPlus => "goal-last-year-plus",
            NoCustomerGoal => "no-customer-goal",
            TooManyGoals => "too-many-goals",
            GoalWithoutCommitment => "goal-without-commitment",
            TreeIncomplete => "tree-incomplete",
            ObstacleWithoutCommitment => "obstacle-without-commitment",
            CommitmentIncomplete => "commitment-incomplete",
            CommitmentUnaccepted => "commitment-unaccepted",
            CommitmentVague => "commitment-vague",
            CommitmentOverdue => "commitment-overdue",
            ActionsBunched => "actions-bunched",
            SectionWithoutSoWhat => "section-without-so-what",
            OverLengthBudget => "over-length-budget",
            ReviewOverdue => "review-overdue",
            DecisionMakerUnmapped => "decision-maker-unmapped",
            ContactWithoutOwner => "contact-without-owner",
            ContactWithoutObjective => "contact-without-objective",
            ValuePropositionUnanchored => "value-proposition-unanchored",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        RULES.iter().map(|r| r.id).find(|id| id.as_str() == s)
    }

    pub fn default_severity(self) -> Severity {
        RULES.iter().find(|r| r.id == self).map_or(Severity::Warning, |r| r.severity)
    }

    /// The rule's name on the settings page.
    pub fn label(self) -> Message {
        use RuleId::*;
        match self {
            GoalNotMeasurable => Message::new("coach-rule-goal-not-measurable"),
            GoalWithoutEvidence => Message::new("coach-rule-goal-without-evidence"),
            GoalLastYearPlus => Message::new("coach-rule-goal-last-year-plus"),
            NoCustomerGoal => Message::new("coach-rule-no-customer-goal"),
            TooManyGoals => Message::new("coach-rule-too-many-goals"),
            GoalWithoutCommitment => Message::new("coach-rule-goal-without-commitment"),
            TreeIncomplete => Message::new("coach-rule-tree-incomplete"),
            ObstacleWithoutCommitment => Message::new("coach-rule-obstacle-without-commitment"),
            CommitmentIncomplete => Message::new("coach-rule-commitment-incomplete"),
            CommitmentUnaccepted => Message::new("coach-rule-commitment-unaccepted"),
            CommitmentVague => Message::new("coach-rule-commitment-vague"),
            CommitmentOverdue => Message::new("coach-rule-commitment-overdue"),
            ActionsBunched => Message::new("coach-rule-actions-bunched"),
            SectionWithoutSoWhat => Message::new("coach-rule-section-without-so-what"),
            OverLengthBudget => Message::new("coach-rule-over-length-budget"),
            ReviewOverdue => Message::new("coach-rule-review-overdue"),
            DecisionMakerUnmapped => Message::new("coach-rule-decision-maker-unmapped"),
            ContactWithoutOwner => Message::new("coach-rule-contact-without-owner"),
            ContactWithoutObjective => Message::new("coach-rule-contact-without-objective"),
            ValuePropositionUnanchored => Message::new("coach-rule-value-proposition-unanchored"),
        }
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets callers compare a finding's rule with its id as text (`f.rule == "commitment-vague"`).
impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_follow_the_declaration_order() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(RuleId::parse(r.id.as_str()), Some(r.id));
            assert_eq!(serde_json::to_value(r.id).unwrap(), r.id.as_str());
            assert_eq!(r.id.default_severity(), r.severity);
            assert_eq!(r.id.label().code, format!("coach-rule-{}", r.id));
            if i > 0 {
                assert!(RULES[i - 1].id < r.id, "{} is out of order", r.id);
            }
        }
        assert_eq!(RuleId::parse("goal-vague"), None);
        assert!(RuleId::CommitmentVague == "commitment-vague");
        assert!(RuleId::CommitmentVague == *"commitment-vague");
        assert_eq!(serde_json::to_value(Severity::Blocker).unwrap(), "blocker");
        assert_eq!(Severity::parse("hint"), Some(Severity::Hint));
    }

    #[test]
    fn the_issue_fixes_the_default_severities() {
        let of = |s: &str| RuleId::parse(s).map(RuleId::default_severity);
        use Severity::*;
        for (id, sev) in [
            ("goal-not-measurable", Blocker),
            ("obstacle-without-commitment", Blocker),
            ("commitment-incomplete", Blocker),
            ("actions-bunched", Hint),
            ("contact-without-objective", Hint),
            ("commitment-vague", Warning),
            ("value-proposition-unanchored", Warning),
        ] {
            assert_eq!(of(id), Some(sev), "{id}");
        }
    }
}
