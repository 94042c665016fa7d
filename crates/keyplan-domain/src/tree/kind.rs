//! What a node is: the five kinds of the constraint tree, and the status and
//! acceptance texts a commitment carries.

use serde::{Deserialize, Serialize};

use crate::Message;
use crate::validate::FieldError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Goal,
    Csf,
    Condition,
    Obstacle,
    Commitment,
}

impl NodeKind {
    pub const ALL: [NodeKind; 5] = [NodeKind::Goal, NodeKind::Csf, NodeKind::Condition, NodeKind::Obstacle, NodeKind::Commitment];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Goal => "goal",
            NodeKind::Csf => "csf",
            NodeKind::Condition => "condition",
            NodeKind::Obstacle => "obstacle",
            NodeKind::Commitment => "commitment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Goal => "Account sales goal",
            NodeKind::Csf => "Critical success factor",
            NodeKind::Condition => "Necessary condition",
            NodeKind::Obstacle => "Obstacle",
            NodeKind::Commitment => "Commitment",
        }
    }

    /// The kinds a node of this kind may hang under (`None`: the root).
    pub fn allowed_parents(self) -> &'static [NodeKind] {
        match self {
            NodeKind::Goal => &[],
            NodeKind::Csf => &[NodeKind::Goal],
            NodeKind::Condition => &[NodeKind::Csf],
            NodeKind::Obstacle => &[NodeKind::Condition],
            // A commitment overcomes an obstacle, or serves a goal directly.
            NodeKind::Commitment => &[NodeKind::Obstacle, NodeKind::Goal],
        }
    }

    /// Checks that a node of this kind may be placed under `parent`.
    pub fn check_parent(self, parent: Option<NodeKind>) -> Result<(), FieldError> {
        match (self, parent) {
            (NodeKind::Goal, None) => Ok(()),
            (NodeKind::Goal, Some(_)) => Err(FieldError::new("parent_id", Message::new("err-goal-parent"))),
            (_, None) => Err(FieldError::new("parent_id", self.named(Message::new("err-needs-parent"), "kind"))),
            (k, Some(p)) if k.allowed_parents().contains(&p) => Ok(()),
            (k, Some(p)) => {
                // The English text names kinds by their codes ("a csf"); other
                // languages by their labels. At most two kinds are allowed.
                let allowed = k.allowed_parents();
                let m = match allowed {
                    [one] => one.named(Message::new("err-wrong-parent"), "allowed"),
                    [first, second, ..] => second.named(first.named(Message::new("err-wrong-parent-two"), "allowed"), "or"),
                    [] => Message::new("err-goal-parent"),
                };
                Err(FieldError::new("parent_id", p.named(k.named(m, "kind"), "parent")))
            }
        }
    }

    /// Adds this kind to `m` as `name` (its code) and `name_label` (its label).
    fn named(self, m: Message, name: &str) -> Message {
        m.arg(name, self.as_str()).label(&format!("{name}_label"), "node-kind", self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    Open,
    InProgress,
    Done,
    Missed,
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 4] =
        [CommitmentStatus::Open, CommitmentStatus::InProgress, CommitmentStatus::Done, CommitmentStatus::Missed];
    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentStatus::Open => "open",
            CommitmentStatus::InProgress => "in_progress",
            CommitmentStatus::Done => "done",
            CommitmentStatus::Missed => "missed",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            CommitmentStatus::Open => "Open",
            CommitmentStatus::InProgress => "In progress",
            CommitmentStatus::Done => "Done",
            CommitmentStatus::Missed => "Missed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn is_closed(self) -> bool {
        matches!(self, CommitmentStatus::Done | CommitmentStatus::Missed)
    }
}

/// Where a commitment stands with its owner (seed 003: tasks assigned to others
/// must be accepted before they are part of the plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Acceptance {
    Proposed,
    Accepted,
    Declined,
    DateProposed,
}

impl Acceptance {
    pub const ALL: [Acceptance; 4] = [Acceptance::Proposed, Acceptance::Accepted, Acceptance::Declined, Acceptance::DateProposed];
    pub fn as_str(self) -> &'static str {
        match self {
            Acceptance::Proposed => "proposed",
            Acceptance::Accepted => "accepted",
            Acceptance::Declined => "declined",
            Acceptance::DateProposed => "date_proposed",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Acceptance::Proposed => "Awaiting acceptance",
            Acceptance::Accepted => "Accepted",
            Acceptance::Declined => "Declined",
            Acceptance::DateProposed => "New date proposed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_kinds_are_enforced() {
        assert!(NodeKind::Goal.check_parent(None).is_ok());
        assert!(NodeKind::Csf.check_parent(Some(NodeKind::Goal)).is_ok());
        assert!(NodeKind::Commitment.check_parent(Some(NodeKind::Obstacle)).is_ok());
        let e = NodeKind::Obstacle.check_parent(Some(NodeKind::Goal)).unwrap_err();
        assert_eq!(e.field, "parent_id");
        assert!(NodeKind::Csf.check_parent(None).is_err());
        assert!(NodeKind::Goal.check_parent(Some(NodeKind::Goal)).is_err());
    }
}
