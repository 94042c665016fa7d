//! What a management briefing reports about a plan's tree, computed from the
//! whole tree (issue 15 point 5): every open obstacle, and every commitment
//! at risk (declined, waiting for its owner, a new date proposed, missed or
//! overdue). The briefing page and the committee pack both word these facts.

use super::{Acceptance, CommitmentStatus, Health, Node, NodeKind, TreeNode};

/// An obstacle not yet resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenObstacle<'a> {
    pub node: &'a Node,
    pub health: Health,
    /// No accepted commitment works on it yet.
    pub uncommitted: bool,
}

/// Why a commitment is at risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    Declined,
    /// Proposed, not yet accepted by its owner.
    Waiting,
    /// Its owner proposed another date.
    DateProposed,
    Missed,
    /// Past its due date and not done.
    Overdue,
}

/// A commitment at risk.
#[derive(Clone, Debug, PartialEq)]
pub struct AtRisk<'a> {
    pub node: &'a Node,
    pub why: Why,
}

/// The open obstacles and the commitments at risk, in tree order.
pub fn facts(tree: &[TreeNode]) -> (Vec<OpenObstacle<'_>>, Vec<AtRisk<'_>>) {
    fn walk<'a>(tn: &'a TreeNode, obstacles: &mut Vec<OpenObstacle<'a>>, at_risk: &mut Vec<AtRisk<'a>>) {
        let n = &tn.node;
        if n.kind() == NodeKind::Obstacle && tn.health != Health::Resolved {
            let uncommitted = !tn.children.iter().any(|c| c.node.is_accepted_commitment());
            obstacles.push(OpenObstacle { node: n, health: tn.health, uncommitted });
        }
        if n.kind() == NodeKind::Commitment {
            let why = match n.acceptance() {
                Some(Acceptance::Declined) => Some(Why::Declined),
                Some(Acceptance::Proposed) => Some(Why::Waiting),
                Some(Acceptance::DateProposed) => Some(Why::DateProposed),
                _ if n.status() == Some(CommitmentStatus::Missed) => Some(Why::Missed),
                _ if tn.overdue => Some(Why::Overdue),
                _ => None,
            };
            if let Some(why) = why {
                at_risk.push(AtRisk { node: n, why });
            }
        }
        for c in &tn.children {
            walk(c, obstacles, at_risk);
        }
    }
    let (mut obstacles, mut at_risk) = (Vec::new(), Vec::new());
    for tn in tree {
        walk(tn, &mut obstacles, &mut at_risk);
    }
    (obstacles, at_risk)
}
