//! One stored node of the constraint tree. What a node carries besides its place
//! in the tree depends on its kind: a goal is measurable ([`GoalFields`]), a
//! commitment is someone's promise ([`CommitmentDetail`]), and the kinds in between
//! are a title and notes. [`NodeDetail`] says which, so an obstacle cannot carry a
//! target and a goal cannot carry an owner.

use serde::{Serialize, Serializer};
use time::Date;

use super::kind::{Acceptance, CommitmentStatus, NodeKind};
use crate::analysis::Benefit;
use crate::{ContactId, NodeId, PlanId, UserId};

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

/// What a stored commitment carries: who owes it to whom, by when, how it is
/// judged done and how it will be delivered, where it stands, and the owner's
/// answer to it. The owner, status
/// and acceptance may be empty in storage (the columns allow it), so they are
/// optional here too; a commitment written through [`super::NodeInput`] has all three.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommitmentDetail {
    pub owner_id: Option<UserId>,
    pub contact_id: Option<ContactId>,
    pub author_id: Option<UserId>,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub done_criterion: Option<String>,
    /// How the owner will deliver it (PRODUCT.md C5).
    pub how: Option<String>,
    pub status: Option<CommitmentStatus>,
    pub acceptance: Option<Acceptance>,
    pub decline_reason: Option<String>,
    pub proposed_due_date: Option<Date>,
}

/// What a node is, with the fields only that kind has.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeDetail {
    Goal(GoalFields),
    Csf,
    Condition,
    Obstacle,
    Commitment(CommitmentDetail),
}

impl NodeDetail {
    /// A node of `kind` with none of its own fields filled in.
    pub fn empty(kind: NodeKind) -> NodeDetail {
        match kind {
            NodeKind::Goal => NodeDetail::Goal(GoalFields::default()),
            NodeKind::Csf => NodeDetail::Csf,
            NodeKind::Condition => NodeDetail::Condition,
            NodeKind::Obstacle => NodeDetail::Obstacle,
            NodeKind::Commitment => NodeDetail::Commitment(CommitmentDetail::default()),
        }
    }

    pub fn kind(&self) -> NodeKind {
        match self {
            NodeDetail::Goal(_) => NodeKind::Goal,
            NodeDetail::Csf => NodeKind::Csf,
            NodeDetail::Condition => NodeKind::Condition,
            NodeDetail::Obstacle => NodeKind::Obstacle,
            NodeDetail::Commitment(_) => NodeKind::Commitment,
        }
    }

    /// The same node seen as `kind`: its own fields stay when the kind stays, and
    /// are dropped when it changes (a goal's target means nothing on an obstacle).
    pub fn with_kind(self, kind: NodeKind) -> NodeDetail {
        if self.kind() == kind { self } else { NodeDetail::empty(kind) }
    }

    pub fn goal(&self) -> Option<&GoalFields> {
        match self {
            NodeDetail::Goal(g) => Some(g),
            _ => None,
        }
    }

    pub fn commitment(&self) -> Option<&CommitmentDetail> {
        match self {
            NodeDetail::Commitment(c) => Some(c),
            _ => None,
        }
    }

    pub fn goal_mut(&mut self) -> Option<&mut GoalFields> {
        match self {
            NodeDetail::Goal(g) => Some(g),
            _ => None,
        }
    }

    pub fn commitment_mut(&mut self) -> Option<&mut CommitmentDetail> {
        match self {
            NodeDetail::Commitment(c) => Some(c),
            _ => None,
        }
    }
}

/// The text field a node of another kind does not have.
static NO_TEXT: Option<String> = None;

/// One stored node, as loaded from the database.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: NodeId,
    pub plan_id: PlanId,
    pub parent_id: Option<NodeId>,
    pub position: i32,
    pub title: String,
    pub notes: Option<String>,
    pub version: i64,
    /// The kind, with the fields only that kind has.
    pub detail: NodeDetail,
}

impl Node {
    /// A node with a title and nothing else filled in (version 1, first position):
    /// the starting point of fixtures and pictures built without a database.
    pub fn new(id: NodeId, plan_id: PlanId, parent_id: Option<NodeId>, kind: NodeKind, title: impl Into<String>) -> Node {
        Node { id, plan_id, parent_id, position: 0, title: title.into(), notes: None, version: 1, detail: NodeDetail::empty(kind) }
    }

    pub fn kind(&self) -> NodeKind {
        self.detail.kind()
    }

    /// A goal's measurable fields; `None` on every other kind.
    pub fn goal(&self) -> Option<&GoalFields> {
        self.detail.goal()
    }

    /// A commitment's fields; `None` on every other kind.
    pub fn commitment(&self) -> Option<&CommitmentDetail> {
        self.detail.commitment()
    }

    /// The owner of a commitment (other kinds have none).
    pub fn owner_id(&self) -> Option<UserId> {
        self.commitment().and_then(|c| c.owner_id)
    }

    /// Who asked for a commitment (other kinds have none).
    pub fn author_id(&self) -> Option<UserId> {
        self.commitment().and_then(|c| c.author_id)
    }

    /// When a commitment is due (other kinds have no due date).
    pub fn due_date(&self) -> Option<Date> {
        self.commitment().and_then(|c| c.due_date)
    }

    /// Where a commitment stands (other kinds have no status).
    pub fn status(&self) -> Option<CommitmentStatus> {
        self.commitment().and_then(|c| c.status)
    }

    /// The owner's answer to a commitment (other kinds have none).
    pub fn acceptance(&self) -> Option<Acceptance> {
        self.commitment().and_then(|c| c.acceptance)
    }

    // Read access to the fields of one kind from any node: `None` on the other kinds.

    pub fn metric(&self) -> &Option<String> {
        self.goal().map_or(&NO_TEXT, |g| &g.metric)
    }

    pub fn baseline(&self) -> Option<f64> {
        self.goal().and_then(|g| g.baseline)
    }

    pub fn target(&self) -> Option<f64> {
        self.goal().and_then(|g| g.target)
    }

    pub fn unit(&self) -> &Option<String> {
        self.goal().map_or(&NO_TEXT, |g| &g.unit)
    }

    pub fn target_date(&self) -> Option<Date> {
        self.goal().and_then(|g| g.target_date)
    }

    pub fn benefit(&self) -> Option<Benefit> {
        self.goal().and_then(|g| g.benefit)
    }

    pub fn contact_id(&self) -> Option<ContactId> {
        self.commitment().and_then(|c| c.contact_id)
    }

    pub fn start_date(&self) -> Option<Date> {
        self.commitment().and_then(|c| c.start_date)
    }

    pub fn done_criterion(&self) -> &Option<String> {
        self.commitment().map_or(&NO_TEXT, |c| &c.done_criterion)
    }

    /// How the owner will deliver a commitment (other kinds have no "how").
    pub fn how(&self) -> &Option<String> {
        self.commitment().map_or(&NO_TEXT, |c| &c.how)
    }

    pub fn decline_reason(&self) -> &Option<String> {
        self.commitment().map_or(&NO_TEXT, |c| &c.decline_reason)
    }

    pub fn proposed_due_date(&self) -> Option<Date> {
        self.commitment().and_then(|c| c.proposed_due_date)
    }

    /// Only accepted commitments are part of the plan (PRODUCT.md principle 5).
    pub fn is_accepted_commitment(&self) -> bool {
        self.acceptance() == Some(Acceptance::Accepted)
    }

    pub fn is_overdue(&self, today: Date) -> bool {
        self.commitment().is_some_and(|c| c.due_date.is_some_and(|d| d < today) && !c.status.is_some_and(CommitmentStatus::is_closed))
    }
}

/// A node serialises as one flat object, as it did before it had a [`NodeDetail`]:
/// every field of every kind, `null` where the kind does not have it.
impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Flat<'a> {
            id: NodeId,
            plan_id: PlanId,
            parent_id: Option<NodeId>,
            kind: NodeKind,
            position: i32,
            title: &'a str,
            notes: Option<&'a str>,
            metric: Option<&'a str>,
            baseline: Option<f64>,
            target: Option<f64>,
            unit: Option<&'a str>,
            target_date: Option<Date>,
            benefit: Option<Benefit>,
            owner_id: Option<UserId>,
            contact_id: Option<ContactId>,
            author_id: Option<UserId>,
            start_date: Option<Date>,
            due_date: Option<Date>,
            done_criterion: Option<&'a str>,
            how: Option<&'a str>,
            status: Option<CommitmentStatus>,
            acceptance: Option<Acceptance>,
            decline_reason: Option<&'a str>,
            proposed_due_date: Option<Date>,
            version: i64,
        }
        let g = self.goal();
        let c = self.commitment();
        Flat {
            id: self.id,
            plan_id: self.plan_id,
            parent_id: self.parent_id,
            kind: self.kind(),
            position: self.position,
            title: &self.title,
            notes: self.notes.as_deref(),
            metric: g.and_then(|g| g.metric.as_deref()),
            baseline: g.and_then(|g| g.baseline),
            target: g.and_then(|g| g.target),
            unit: g.and_then(|g| g.unit.as_deref()),
            target_date: g.and_then(|g| g.target_date),
            benefit: g.and_then(|g| g.benefit),
            owner_id: c.and_then(|c| c.owner_id),
            contact_id: c.and_then(|c| c.contact_id),
            author_id: c.and_then(|c| c.author_id),
            start_date: c.and_then(|c| c.start_date),
            due_date: c.and_then(|c| c.due_date),
            done_criterion: c.and_then(|c| c.done_criterion.as_deref()),
            how: c.and_then(|c| c.how.as_deref()),
            status: c.and_then(|c| c.status),
            acceptance: c.and_then(|c| c.acceptance),
            decline_reason: c.and_then(|c| c.decline_reason.as_deref()),
            proposed_due_date: c.and_then(|c| c.proposed_due_date),
            version: self.version,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn goal() -> Node {
        let mut n = Node::new(NodeId::new(1), PlanId::new(2), None, NodeKind::Goal, "Grow");
        n.detail = NodeDetail::Goal(GoalFields { target: Some(2.0), unit: Some("M€".into()), ..GoalFields::default() });
        n
    }

    fn commitment() -> Node {
        let mut n = Node::new(NodeId::new(5), PlanId::new(2), Some(NodeId::new(4)), NodeKind::Commitment, "Run trial");
        n.detail = NodeDetail::Commitment(CommitmentDetail {
            owner_id: Some(UserId::new(7)),
            due_date: Some(date!(2026 - 05 - 01)),
            status: Some(CommitmentStatus::Open),
            acceptance: Some(Acceptance::Accepted),
            ..CommitmentDetail::default()
        });
        n
    }

    #[test]
    fn the_kind_comes_from_the_detail() {
        for kind in NodeKind::ALL {
            assert_eq!(NodeDetail::empty(kind).kind(), kind);
            assert_eq!(Node::new(NodeId::new(1), PlanId::new(1), None, kind, "x").kind(), kind);
        }
        assert_eq!(goal().goal().and_then(|g| g.target), Some(2.0));
        assert!(goal().commitment().is_none());
        assert!(commitment().goal().is_none());
    }

    #[test]
    fn only_commitments_have_owners_dates_and_answers() {
        let c = commitment();
        assert_eq!(
            (c.owner_id(), c.due_date(), c.status()),
            (Some(UserId::new(7)), Some(date!(2026 - 05 - 01)), Some(CommitmentStatus::Open))
        );
        assert!(c.is_accepted_commitment());
        assert!(c.is_overdue(date!(2026 - 06 - 01)));
        assert!(!c.is_overdue(date!(2026 - 05 - 01)));
        let g = goal();
        assert_eq!((g.owner_id(), g.due_date(), g.status(), g.acceptance()), (None, None, None, None));
        assert!(!g.is_accepted_commitment());
        assert!(!g.is_overdue(date!(2030 - 01 - 01)));
    }

    #[test]
    fn a_kind_change_keeps_own_fields_and_drops_foreign_ones() {
        let g = goal().detail;
        assert_eq!(g.clone().with_kind(NodeKind::Goal), g, "same kind: the target stays");
        assert_eq!(g.with_kind(NodeKind::Obstacle), NodeDetail::Obstacle, "an obstacle cannot carry a target");
        let c = commitment().detail;
        assert_eq!(c.clone().with_kind(NodeKind::Commitment), c);
        assert_eq!(c.with_kind(NodeKind::Goal), NodeDetail::Goal(GoalFields::default()), "a goal cannot carry an owner");
        assert_eq!(NodeDetail::Csf.with_kind(NodeKind::Commitment), NodeDetail::Commitment(CommitmentDetail::default()));
    }

    #[test]
    fn a_node_serialises_flat_with_nulls_for_other_kinds() {
        let v = serde_json::to_value(goal()).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 25);
        assert_eq!((v["kind"].as_str(), v["target"].as_f64(), v["unit"].as_str()), (Some("goal"), Some(2.0), Some("M€")));
        assert!(v["owner_id"].is_null() && v["status"].is_null() && v["due_date"].is_null());
        let expected = r#"{"id":5,"plan_id":2,"parent_id":4,"kind":"commitment","position":0,"title":"Run trial","notes":null,"metric":null,"baseline":null,"target":null,"unit":null,"target_date":null,"benefit":null,"owner_id":7,"contact_id":null,"author_id":null,"start_date":null,"due_date":"2026-05-01","done_criterion":null,"how":null,"status":"open","acceptance":"accepted","decline_reason":null,"proposed_due_date":null,"version":1}"#;
        assert_eq!(serde_json::to_string(&commitment()).unwrap(), expected);
    }
}
