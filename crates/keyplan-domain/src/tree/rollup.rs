//! The nested tree built from a plan's flat nodes, with health rolled up from the
//! commitments to the goal and the counts shown in the plan header.

use serde::Serialize;
use time::Date;

use super::kind::{Acceptance, CommitmentStatus, NodeKind};
use super::node::Node;
use crate::NodeId;

/// The rolled-up state of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    /// Resolved: commitment done, obstacle overcome, condition met, factor secured, goal's tree resolved.
    Resolved,
    /// Work under way and nothing has gone wrong.
    OnTrack,
    /// Something needs attention: an unaccepted or overdue commitment underneath.
    AtRisk,
    /// A commitment underneath was missed or declined without replacement.
    OffTrack,
    /// Nothing planned yet (e.g. an obstacle with no accepted commitment).
    Open,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Resolved => "resolved",
            Health::OnTrack => "on_track",
            Health::AtRisk => "at_risk",
            Health::OffTrack => "off_track",
            Health::Open => "open",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Health::Resolved => "Resolved",
            Health::OnTrack => "On track",
            Health::AtRisk => "At risk",
            Health::OffTrack => "Off track",
            Health::Open => "Not yet addressed",
        }
    }
    /// How bad: the worst child decides a parent's health when it is not resolved.
    fn severity(self) -> u8 {
        match self {
            Health::Resolved => 0,
            Health::OnTrack => 1,
            Health::Open => 2,
            Health::AtRisk => 3,
            Health::OffTrack => 4,
        }
    }
}

/// A node with its children and rolled-up health.
#[derive(Clone, Debug, Serialize)]
pub struct TreeNode {
    #[serde(flatten)]
    pub node: Node,
    pub health: Health,
    pub overdue: bool,
    pub children: Vec<TreeNode>,
}

/// Counts shown in the plan header: how much of the tree is resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TreeSummary {
    pub goals: usize,
    pub factors: usize,
    pub factors_secured: usize,
    pub conditions: usize,
    pub conditions_met: usize,
    pub obstacles: usize,
    pub obstacles_overcome: usize,
    pub commitments: usize,
    pub commitments_accepted: usize,
    pub commitments_done: usize,
    pub commitments_unaccepted: usize,
    pub commitments_overdue: usize,
    pub commitments_missed: usize,
    /// Resolved obstacles as a share of all obstacles, 0..=100.
    pub percent_resolved: u8,
}

/// Builds the nested tree from flat nodes (any order) and rolls status up.
/// Nodes whose parent is missing are dropped rather than shown in the wrong place.
pub fn build_tree(mut nodes: Vec<Node>, today: Date) -> (Vec<TreeNode>, TreeSummary) {
    nodes.sort_by_key(|n| (n.position, n.id));
    let mut by_parent: std::collections::HashMap<Option<NodeId>, Vec<Node>> = std::collections::HashMap::new();
    for n in nodes {
        by_parent.entry(n.parent_id).or_default().push(n);
    }
    let mut summary = TreeSummary::default();
    let roots = by_parent.remove(&None).unwrap_or_default();
    let tree: Vec<TreeNode> =
        roots.into_iter().filter(|n| n.kind() == NodeKind::Goal).map(|n| assemble(n, &mut by_parent, today, &mut summary, 0)).collect();
    summary.percent_resolved = (summary.obstacles_overcome * 100).checked_div(summary.obstacles).unwrap_or(0) as u8;
    (tree, summary)
}

fn assemble(
    node: Node,
    by_parent: &mut std::collections::HashMap<Option<NodeId>, Vec<Node>>,
    today: Date,
    summary: &mut TreeSummary,
    depth: usize,
) -> TreeNode {
    let kids = if depth < 8 { by_parent.remove(&Some(node.id)).unwrap_or_default() } else { Vec::new() };
    let children: Vec<TreeNode> = kids
        .into_iter()
        .filter(|c| node.kind() != NodeKind::Commitment && c.kind().allowed_parents().contains(&node.kind()))
        .map(|c| assemble(c, by_parent, today, summary, depth + 1))
        .collect();
    let overdue = node.is_overdue(today);
    let health = match node.kind() {
        NodeKind::Commitment => commitment_health(&node, today),
        NodeKind::Obstacle => obstacle_health(&children),
        _ => parent_health(&children),
    };
    count(&node, health, overdue, summary);
    TreeNode { node, health, overdue, children }
}

fn count(node: &Node, health: Health, overdue: bool, s: &mut TreeSummary) {
    let resolved = health == Health::Resolved;
    match node.kind() {
        NodeKind::Goal => s.goals += 1,
        NodeKind::Csf => {
            s.factors += 1;
            s.factors_secured += usize::from(resolved);
        }
        NodeKind::Condition => {
            s.conditions += 1;
            s.conditions_met += usize::from(resolved);
        }
        NodeKind::Obstacle => {
            s.obstacles += 1;
            s.obstacles_overcome += usize::from(resolved);
        }
        NodeKind::Commitment => {
            s.commitments += 1;
            if node.is_accepted_commitment() {
                s.commitments_accepted += 1;
                s.commitments_done += usize::from(node.status() == Some(CommitmentStatus::Done));
                s.commitments_missed += usize::from(node.status() == Some(CommitmentStatus::Missed));
                s.commitments_overdue += usize::from(overdue);
            } else if node.acceptance() != Some(Acceptance::Declined) {
                s.commitments_unaccepted += 1;
            }
        }
    }
}

fn commitment_health(node: &Node, today: Date) -> Health {
    match node.acceptance() {
        Some(Acceptance::Accepted) => match node.status() {
            Some(CommitmentStatus::Done) => Health::Resolved,
            Some(CommitmentStatus::Missed) => Health::OffTrack,
            _ if node.is_overdue(today) => Health::AtRisk,
            _ => Health::OnTrack,
        },
        Some(Acceptance::Declined) => Health::OffTrack,
        _ => Health::AtRisk,
    }
}

/// An obstacle is overcome when it has accepted commitments and all of them are done.
/// Unaccepted commitments do not count towards it, but they do make it "at risk"
/// when they are all it has.
fn obstacle_health(children: &[TreeNode]) -> Health {
    let accepted: Vec<&TreeNode> = children.iter().filter(|c| c.node.is_accepted_commitment()).collect();
    if !accepted.is_empty() && accepted.iter().all(|c| c.health == Health::Resolved) {
        return Health::Resolved;
    }
    worst(children).unwrap_or(Health::Open)
}

/// A condition is met when all its obstacles are overcome (and it has at least one:
/// an empty branch has not been thought through yet); the same rule climbs to the goal.
fn parent_health(children: &[TreeNode]) -> Health {
    if children.is_empty() {
        return Health::Open;
    }
    let relevant: Vec<&TreeNode> =
        children.iter().filter(|c| c.node.kind() != NodeKind::Commitment || c.node.is_accepted_commitment()).collect();
    if !relevant.is_empty() && relevant.iter().all(|c| c.health == Health::Resolved) {
        return Health::Resolved;
    }
    worst(children).unwrap_or(Health::Open)
}

fn worst(children: &[TreeNode]) -> Option<Health> {
    children.iter().map(|c| c.health).filter(|h| *h != Health::Resolved).max_by_key(|h| h.severity()).or_else(|| {
        // Everything underneath resolved but the rule above did not apply (e.g. only
        // unaccepted siblings resolved): work is on track.
        (!children.is_empty()).then_some(Health::OnTrack)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::{CommitmentDetail, NodeDetail};
    use crate::{PlanId, UserId};
    use time::macros::date;

    const TODAY: Date = date!(2026 - 06 - 01);

    fn node(id: i64, parent: Option<i64>, kind: NodeKind) -> Node {
        Node {
            position: id as i32,
            ..Node::new(NodeId::new(id), PlanId::new(1), parent.map(NodeId::new), kind, format!("{} {id}", kind.as_str()))
        }
    }

    fn commitment(id: i64, parent: i64, acceptance: Acceptance, status: CommitmentStatus) -> Node {
        Node {
            detail: NodeDetail::Commitment(CommitmentDetail {
                owner_id: Some(UserId::new(7)),
                acceptance: Some(acceptance),
                status: Some(status),
                due_date: Some(date!(2026 - 09 - 01)),
                ..CommitmentDetail::default()
            }),
            ..node(id, Some(parent), NodeKind::Commitment)
        }
    }

    fn skeleton() -> Vec<Node> {
        vec![
            node(1, None, NodeKind::Goal),
            node(2, Some(1), NodeKind::Csf),
            node(3, Some(2), NodeKind::Condition),
            node(4, Some(3), NodeKind::Obstacle),
            node(5, Some(3), NodeKind::Obstacle),
        ]
    }

    #[test]
    fn obstacle_is_overcome_when_all_accepted_commitments_are_done() {
        let mut nodes = skeleton();
        nodes.push(commitment(10, 4, Acceptance::Accepted, CommitmentStatus::Done));
        nodes.push(commitment(11, 4, Acceptance::Accepted, CommitmentStatus::InProgress));
        nodes.push(commitment(12, 5, Acceptance::Accepted, CommitmentStatus::Done));
        let (tree, summary) = build_tree(nodes, TODAY);
        let condition = &tree[0].children[0].children[0];
        assert_eq!(condition.children[0].health, Health::OnTrack, "one of two still in progress");
        assert_eq!(condition.children[1].health, Health::Resolved);
        assert_eq!(condition.health, Health::OnTrack);
        assert_eq!((summary.obstacles, summary.obstacles_overcome, summary.percent_resolved), (2, 1, 50));
    }

    #[test]
    fn condition_met_and_goal_resolved_roll_up() {
        let mut nodes = skeleton();
        nodes.push(commitment(10, 4, Acceptance::Accepted, CommitmentStatus::Done));
        nodes.push(commitment(12, 5, Acceptance::Accepted, CommitmentStatus::Done));
        let (tree, summary) = build_tree(nodes, TODAY);
        assert_eq!(tree[0].health, Health::Resolved);
        assert_eq!((summary.conditions_met, summary.factors_secured, summary.percent_resolved, summary.commitments_done), (1, 1, 100, 2));
    }

    #[test]
    fn unaccepted_commitments_do_not_count() {
        let mut nodes = skeleton();
        nodes.push(commitment(10, 4, Acceptance::Proposed, CommitmentStatus::Done));
        nodes.push(commitment(12, 5, Acceptance::DateProposed, CommitmentStatus::Open));
        let (tree, summary) = build_tree(nodes, TODAY);
        let obstacles = &tree[0].children[0].children[0].children;
        assert_eq!(obstacles[0].health, Health::AtRisk, "a proposed commitment does not overcome an obstacle");
        assert_eq!(summary.obstacles_overcome, 0);
        assert_eq!(summary.commitments_unaccepted, 2);
        assert_eq!(summary.commitments_accepted, 0);
    }

    #[test]
    fn accepted_done_overcomes_even_with_a_pending_sibling() {
        let mut nodes = skeleton();
        nodes.push(commitment(10, 4, Acceptance::Accepted, CommitmentStatus::Done));
        nodes.push(commitment(11, 4, Acceptance::Proposed, CommitmentStatus::Open));
        let (tree, _) = build_tree(nodes, TODAY);
        assert_eq!(tree[0].children[0].children[0].children[0].health, Health::Resolved);
    }

    #[test]
    fn missed_declined_and_overdue_show_up() {
        let mut nodes = skeleton();
        nodes.push(commitment(10, 4, Acceptance::Accepted, CommitmentStatus::Missed));
        let mut late = commitment(11, 5, Acceptance::Accepted, CommitmentStatus::Open);
        late.detail.commitment_mut().unwrap().due_date = Some(date!(2026 - 05 - 01));
        nodes.push(late);
        let (tree, summary) = build_tree(nodes.clone(), TODAY);
        let obstacles = &tree[0].children[0].children[0].children;
        assert_eq!(obstacles[0].health, Health::OffTrack);
        assert_eq!(obstacles[1].health, Health::AtRisk);
        assert!(obstacles[1].children[0].overdue);
        assert_eq!(tree[0].health, Health::OffTrack, "the worst branch decides");
        assert_eq!((summary.commitments_missed, summary.commitments_overdue), (1, 1));

        nodes[5] = commitment(10, 4, Acceptance::Declined, CommitmentStatus::Open);
        let (_, summary) = build_tree(nodes, TODAY);
        assert_eq!(summary.commitments_unaccepted, 0, "declined is not waiting for anyone");
    }

    #[test]
    fn empty_branches_are_open_not_resolved() {
        let (tree, summary) = build_tree(skeleton(), TODAY);
        assert_eq!(tree[0].health, Health::Open);
        assert_eq!(summary.percent_resolved, 0);
        let (tree, _) = build_tree(vec![node(1, None, NodeKind::Goal)], TODAY);
        assert_eq!(tree[0].health, Health::Open);
    }

    #[test]
    fn orphans_and_misplaced_nodes_are_dropped() {
        let nodes = vec![node(1, None, NodeKind::Goal), node(2, Some(99), NodeKind::Csf), node(3, Some(1), NodeKind::Obstacle)];
        let (tree, summary) = build_tree(nodes, TODAY);
        assert!(tree[0].children.is_empty());
        assert_eq!(summary.factors, 0);
    }
}
