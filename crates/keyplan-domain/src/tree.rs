//! The constraint tree of seed 000 (PRODUCT.md C4):
//! goal -> critical success factors -> necessary conditions -> obstacles -> commitments,
//! with status rolled up from the commitments to the goal.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::analysis::Benefit;
use crate::validate::{self, FieldError, Validation};
use crate::{ContactId, NodeId, PlanId, UserId};

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
            (NodeKind::Goal, Some(_)) => Err(FieldError::new("parent_id", "a goal is the top of the tree and has no parent")),
            (_, None) => Err(FieldError::new("parent_id", format!("a {} needs a parent", self.as_str()))),
            (k, Some(p)) if k.allowed_parents().contains(&p) => Ok(()),
            (k, Some(p)) => Err(FieldError::new(
                "parent_id",
                format!(
                    "a {} must hang under a {}, not under a {}",
                    k.as_str(),
                    k.allowed_parents().iter().map(|k| k.as_str()).collect::<Vec<_>>().join(" or "),
                    p.as_str()
                ),
            )),
        }
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

/// The fields of a goal that make it measurable.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalFields {
    pub metric: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub target_date: Option<Date>,
    pub benefit: Option<Benefit>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommitmentFields {
    pub owner_id: UserId,
    pub contact_id: Option<ContactId>,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub done_criterion: Option<String>,
    pub status: CommitmentStatus,
}

/// The content a user writes into a node; validated per kind.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeContent {
    pub title: String,
    pub notes: Option<String>,
    pub goal: GoalFields,
    pub commitment: Option<CommitmentFields>,
}

/// Raw node fields from a form or a JSON body (numbers and dates as text).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct NodeInput {
    pub title: String,
    pub notes: String,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    pub unit: String,
    pub target_date: String,
    /// customer, us or both (goals only).
    pub benefit: String,
    pub owner_id: String,
    pub contact_id: String,
    pub start_date: String,
    pub due_date: String,
    pub done_criterion: String,
    pub status: String,
}

impl NodeInput {
    pub fn validate(&self, kind: NodeKind) -> Result<NodeContent, Vec<FieldError>> {
        let mut v = Validation::new();
        let title = v.check(validate::required("title", &self.title, 300));
        let notes = v.check(validate::optional("notes", Some(&self.notes), 4000)).flatten();
        let mut goal = GoalFields::default();
        let mut commitment = None;
        match kind {
            NodeKind::Goal => {
                goal.metric = v.check(validate::optional("metric", Some(&self.metric), 200)).flatten();
                goal.baseline = v.check(validate::optional_number("baseline", Some(&self.baseline))).flatten();
                goal.target = v.check(validate::optional_number("target", Some(&self.target))).flatten();
                goal.unit = v.check(validate::optional("unit", Some(&self.unit), 40)).flatten();
                goal.target_date = v.check(validate::optional_date("target_date", Some(&self.target_date))).flatten();
                goal.benefit = match self.benefit.trim() {
                    "" => None,
                    s => {
                        let b = Benefit::parse(s);
                        if b.is_none() {
                            v.push("benefit", "must be customer, us or both");
                        }
                        b
                    }
                };
            }
            NodeKind::Commitment => {
                let owner = match self.owner_id.trim() {
                    "" => {
                        v.push("owner_id", "every commitment needs an owner");
                        None
                    }
                    s => match s.parse::<i64>() {
                        Ok(n) if n > 0 => Some(UserId::new(n)),
                        _ => {
                            v.push("owner_id", "must be the id of a user");
                            None
                        }
                    },
                };
                let contact = match self.contact_id.trim() {
                    "" => Some(None),
                    s => match s.parse::<i64>() {
                        Ok(n) if n > 0 => Some(Some(ContactId::new(n))),
                        _ => {
                            v.push("contact_id", "must be the id of a contact");
                            None
                        }
                    },
                };
                let start = v.check(validate::optional_date("start_date", Some(&self.start_date))).flatten();
                let due = v.check(validate::optional_date("due_date", Some(&self.due_date))).flatten();
                if let (Some(s), Some(d)) = (start, due)
                    && d < s
                {
                    v.push("due_date", "must not be before the start date");
                }
                let done_criterion = v.check(validate::optional("done_criterion", Some(&self.done_criterion), 1000)).flatten();
                let status = match self.status.trim() {
                    "" => Some(CommitmentStatus::Open),
                    s => {
                        let st = CommitmentStatus::parse(s);
                        if st.is_none() {
                            v.push("status", "must be open, in_progress, done or missed");
                        }
                        st
                    }
                };
                if let (Some(owner_id), Some(contact_id), Some(status)) = (owner, contact, status) {
                    commitment = Some(CommitmentFields { owner_id, contact_id, start_date: start, due_date: due, done_criterion, status });
                }
            }
            NodeKind::Csf | NodeKind::Condition | NodeKind::Obstacle => {}
        }
        v.finish(|| NodeContent { title: title.unwrap_or_default(), notes, goal, commitment })
    }
}

/// One stored node, as loaded from the database.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    pub id: NodeId,
    pub plan_id: PlanId,
    pub parent_id: Option<NodeId>,
    pub kind: NodeKind,
    pub position: i32,
    pub title: String,
    pub notes: Option<String>,
    pub metric: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub target_date: Option<Date>,
    pub benefit: Option<Benefit>,
    pub owner_id: Option<UserId>,
    pub contact_id: Option<ContactId>,
    pub author_id: Option<UserId>,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub done_criterion: Option<String>,
    pub status: Option<CommitmentStatus>,
    pub acceptance: Option<Acceptance>,
    pub decline_reason: Option<String>,
    pub proposed_due_date: Option<Date>,
    pub version: i64,
}

impl Node {
    /// A node with a title and nothing else filled in (version 1, first position):
    /// the starting point of fixtures and pictures built without a database.
    pub fn new(id: NodeId, plan_id: PlanId, parent_id: Option<NodeId>, kind: NodeKind, title: impl Into<String>) -> Node {
        Node {
            id,
            plan_id,
            parent_id,
            kind,
            position: 0,
            title: title.into(),
            notes: None,
            metric: None,
            baseline: None,
            target: None,
            unit: None,
            target_date: None,
            benefit: None,
            owner_id: None,
            contact_id: None,
            author_id: None,
            start_date: None,
            due_date: None,
            done_criterion: None,
            status: None,
            acceptance: None,
            decline_reason: None,
            proposed_due_date: None,
            version: 1,
        }
    }

    /// Only accepted commitments are part of the plan (PRODUCT.md principle 5).
    pub fn is_accepted_commitment(&self) -> bool {
        self.kind == NodeKind::Commitment && self.acceptance == Some(Acceptance::Accepted)
    }

    pub fn is_overdue(&self, today: Date) -> bool {
        self.kind == NodeKind::Commitment
            && self.due_date.is_some_and(|d| d < today)
            && !self.status.is_some_and(CommitmentStatus::is_closed)
    }
}

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
        roots.into_iter().filter(|n| n.kind == NodeKind::Goal).map(|n| assemble(n, &mut by_parent, today, &mut summary, 0)).collect();
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
        .filter(|c| node.kind != NodeKind::Commitment && c.kind.allowed_parents().contains(&node.kind))
        .map(|c| assemble(c, by_parent, today, summary, depth + 1))
        .collect();
    let overdue = node.is_overdue(today);
    let health = match node.kind {
        NodeKind::Commitment => commitment_health(&node, today),
        NodeKind::Obstacle => obstacle_health(&children),
        _ => parent_health(&children),
    };
    count(&node, health, overdue, summary);
    TreeNode { node, health, overdue, children }
}

fn count(node: &Node, health: Health, overdue: bool, s: &mut TreeSummary) {
    let resolved = health == Health::Resolved;
    match node.kind {
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
                s.commitments_done += usize::from(node.status == Some(CommitmentStatus::Done));
                s.commitments_missed += usize::from(node.status == Some(CommitmentStatus::Missed));
                s.commitments_overdue += usize::from(overdue);
            } else if node.acceptance != Some(Acceptance::Declined) {
                s.commitments_unaccepted += 1;
            }
        }
    }
}

fn commitment_health(node: &Node, today: Date) -> Health {
    match node.acceptance {
        Some(Acceptance::Accepted) => match node.status {
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
        children.iter().filter(|c| c.node.kind != NodeKind::Commitment || c.node.is_accepted_commitment()).collect();
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
            owner_id: Some(UserId::new(7)),
            acceptance: Some(acceptance),
            status: Some(status),
            due_date: Some(date!(2026 - 09 - 01)),
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
        late.due_date = Some(date!(2026 - 05 - 01));
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

    #[test]
    fn node_input_validates_per_kind() {
        let goal =
            NodeInput { title: "Grow to 2.4m".into(), target: "2400000".into(), baseline: "1,800,000.0".into(), ..Default::default() }
                .validate(NodeKind::Goal)
                .unwrap();
        assert_eq!((goal.goal.baseline, goal.goal.target), (Some(1_800_000.0), Some(2_400_000.0)));
        let errs = NodeInput { title: "Run trial".into(), due_date: "soon".into(), ..Default::default() }
            .validate(NodeKind::Commitment)
            .unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["owner_id", "due_date"]);
        let errs = NodeInput {
            title: "Run trial".into(),
            owner_id: "3".into(),
            start_date: "2026-05-01".into(),
            due_date: "2026-04-01".into(),
            ..Default::default()
        }
        .validate(NodeKind::Commitment)
        .unwrap_err();
        assert_eq!(errs[0].field, "due_date");
        assert_eq!(NodeInput::default().validate(NodeKind::Obstacle).unwrap_err()[0].field, "title");
    }
}
