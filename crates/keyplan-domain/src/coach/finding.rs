//! What the coach says about a plan: one [`Finding`] per defect, with its rule,
//! its severity, a message and a fix hint (by code, rendered in the reader's
//! language elsewhere) and the part of the plan it is about.

use serde::{Deserialize, Serialize};

use super::rules::RuleId;
pub use super::severity::Severity;
use crate::Message;

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
