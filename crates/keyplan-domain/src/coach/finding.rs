//! What the coach says about a plan: one [`Finding`] per defect, with its rule,
//! its severity, a message and a fix hint (by code, rendered in the reader's
//! language elsewhere) and the part of the plan it is about.

use serde::{Deserialize, Serialize};

use super::rules::RuleId;
use crate::Message;

/// How much a finding matters. Declared from worst to mildest, so sorting by
/// severity lists blockers first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan cannot work as written (a goal nobody can measure, an obstacle nobody removes).
    Blocker,
    /// Weakens the plan; a coach would ask for it to be fixed before the next review.
    Warning,
    /// Worth a thought; no plan fails because of it.
    Hint,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Blocker, Severity::Warning, Severity::Hint];

    /// The code as serialised: `blocker`, `warning`, `hint`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Blocker => "blocker",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The label shown on the settings page and above a group of findings.
    pub fn label(self) -> Message {
        match self {
            Severity::Blocker => Message::new("coach-severity-blocker"),
            Severity::Warning => Message::new("coach-severity-warning"),
            Severity::Hint => Message::new("coach-severity-hint"),
        }
    }
}

/// What kind of part of the plan a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Plan,
    /// A node of the constraint tree: goal, factor, condition, obstacle or commitment.
    Node,
    /// An analysis item, SWOT entry, opportunity or risk.
    Item,
    /// A template section, named by its key.
    Section,
    Contact,
    Review,
    Kpi,
}

/// The part of the plan a finding is about. `id` is whatever the caller named
/// the part with in the [`CoachInput`](super::CoachInput): a database id as
/// text, or a plan document's local id (`n4`, `c2`); sections by their key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Target {
    pub kind: TargetKind,
    pub id: String,
}

impl Target {
    pub fn new(kind: TargetKind, id: impl Into<String>) -> Self {
        Target { kind, id: id.into() }
    }
}

/// One thing the coach would tell the team to fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    /// What is wrong, naming the part (`coach-…` code).
    pub message: Message,
    /// What to do about it (`coach-…` code).
    pub hint: Message,
    pub target: Target,
}

impl Finding {
    /// A finding of `rule` at its default severity.
    pub fn new(rule: RuleId, target: Target, message: Message, hint: Message) -> Self {
        Finding { rule, severity: rule.default_severity(), message, hint, target }
    }
}

/// The target of a finding about a node.
pub(super) fn node_target(id: &str) -> Target {
    Target::new(TargetKind::Node, id)
}

/// "a and b", "a, b and c" in the reader's language; `None` for nothing.
pub(super) fn list(parts: Vec<Message>) -> Option<Message> {
    let mut parts = parts.into_iter();
    Some(match (parts.next()?, parts.next(), parts.next(), parts.next()) {
        (a, Some(b), Some(c), Some(d)) => Message::new("coach-list-4").arg("a", a).arg("b", b).arg("c", c).arg("d", d),
        (a, Some(b), Some(c), None) => Message::new("coach-list-3").arg("a", a).arg("b", b).arg("c", c),
        (a, Some(b), None, _) => Message::new("coach-list-2").arg("a", a).arg("b", b),
        (a, None, ..) => a,
    })
}
