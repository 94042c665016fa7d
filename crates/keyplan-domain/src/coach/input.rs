//! What the coach reads: one plan as plain data, borrowed from wherever it was
//! loaded. The application layer fills a [`CoachInput`] from its database rows
//! (with [`CoachNode::from_node`] for the tree); [`CoachInput::from_document`]
//! fills it from an open plan document. Texts are borrowed; ids are text so
//! that database ids (`"42"`) and a document's local ids (`"n4"`) look alike
//! in findings.

use std::borrow::Cow;

use time::Date;

use crate::analysis::{Benefit, ItemKind};
use crate::contact::BuyingRole;
use crate::plan::PlanStatus;
use crate::template::TemplateDoc;
use crate::tree::{Acceptance, CommitmentStatus, Node, NodeDetail};

/// One plan as the coach reads it.
#[derive(Clone, Debug)]
pub struct CoachInput<'a> {
    /// The id findings about the whole plan carry (`"plan"` for a document).
    pub plan_id: Cow<'a, str>,
    /// The template version the plan follows. `None` when it is not known (a
    /// document naming a company template, linted without a database): section
    /// kinds are then inferred from the items, and no length budget applies.
    pub template: Option<Cow<'a, TemplateDoc>>,
    pub status: PlanStatus,
    pub period_start: Date,
    pub period_end: Date,
    /// The server's date in UTC.
    pub today: Date,
    /// The constraint tree, flat, parents before or after children, siblings in
    /// the order the plan shows them. Nodes whose parent is missing or of a kind
    /// they may not hang under are ignored, as the plan page drops them.
    pub nodes: Vec<CoachNode<'a>>,
    /// The text and "so what?" of the plan's sections.
    pub sections: Vec<CoachSection<'a>>,
    /// Analysis items, SWOT entries, opportunities and risks.
    pub items: Vec<CoachItem<'a>>,
    /// Goals' links to analysis. Links to contacts and whitespace cells are no
    /// evidence of analysis; leave them out.
    pub links: Vec<CoachLink<'a>>,
    /// The account's contacts the plan shows.
    pub contacts: Vec<CoachContact<'a>>,
    /// Cells of the account's whitespace matrix (a whitespace section's size
    /// when counted in items); 0 for a document.
    pub whitespace_cells: usize,
    /// Held and planned reviews of every kind; none for a document.
    pub reviews: Vec<CoachReview<'a>>,
    /// When the next review is due (`review::next_review_due`); `None` for a
    /// document.
    pub next_review: Option<Date>,
    /// Whether the organisation has chosen its value discipline; `None` when
    /// unknown (a document linted without a database).
    pub value_discipline_chosen: Option<bool>,
    /// The pages the plan's PDF takes, when the caller typeset it. The plan's
    /// length is then that count rather than an estimate, and a section over
    /// its own budget is flagged only while the whole plan is too long (issue
    /// 15: the chip, the section budgets and the PDF agree).
    pub printed_pages: Option<u32>,
}

/// A node of the constraint tree.
#[derive(Clone, Debug, PartialEq)]
pub struct CoachNode<'a> {
    pub id: Cow<'a, str>,
    /// The parent's id; `None` for a goal.
    pub parent: Option<Cow<'a, str>>,
    pub title: &'a str,
    pub notes: Option<&'a str>,
    pub detail: CoachDetail<'a>,
}

/// What a node is, with what the coach reads of its kind.
#[derive(Clone, Debug, PartialEq)]
pub enum CoachDetail<'a> {
    Goal(CoachGoal<'a>),
    Csf,
    Condition,
    Obstacle,
    Commitment(CoachCommitment<'a>),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CoachGoal<'a> {
    pub metric: Option<&'a str>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_date: Option<Date>,
    pub benefit: Option<Benefit>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CoachCommitment<'a> {
    /// Whether someone owns it (a user, or a person named in a document).
    pub has_owner: bool,
    pub due_date: Option<Date>,
    pub done_criterion: Option<&'a str>,
    pub status: CommitmentStatus,
    /// A commitment without an answer from its owner is proposed.
    pub acceptance: Acceptance,
    /// The owner's counter-date, while `acceptance` is `DateProposed`.
    pub proposed_due_date: Option<Date>,
}

/// A section's text, filed under its template key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoachSection<'a> {
    pub key: &'a str,
    pub body: Option<&'a str>,
    pub so_what: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CoachItem<'a> {
    pub id: Cow<'a, str>,
    /// The key of the section it belongs to.
    pub section: &'a str,
    pub kind: ItemKind,
    pub text: &'a str,
    pub source: Option<&'a str>,
    pub response: Option<&'a str>,
}

/// A goal's link to the analysis it follows from.
#[derive(Clone, Debug, PartialEq)]
pub struct CoachLink<'a> {
    /// The goal's id.
    pub goal: Cow<'a, str>,
    pub target: LinkTarget<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LinkTarget<'a> {
    /// An item, by id.
    Item(Cow<'a, str>),
    /// A section's "so what?", by the section's key.
    SoWhat(&'a str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CoachContact<'a> {
    pub id: Cow<'a, str>,
    pub name: &'a str,
    pub buying_role: Option<BuyingRole>,
    /// 1 (little) to 5 (decisive).
    pub influence: Option<i16>,
    /// Whether someone on our side calls on this person.
    pub has_relationship_owner: bool,
    pub objective: Option<&'a str>,
}

impl CoachContact<'_> {
    /// A decision maker, an economic buyer, or anyone of influence 4 or 5: the
    /// people someone on our side must own (seed 003: who calls on whom).
    pub fn is_key_person(&self) -> bool {
        matches!(self.buying_role, Some(BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer)) || self.influence.is_some_and(|i| i >= 4)
    }
}

/// A review of any kind: any held review keeps the plan's rhythm.
#[derive(Clone, Debug, PartialEq)]
pub struct CoachReview<'a> {
    pub id: Cow<'a, str>,
    /// The review's date (planned, or when it was held).
    pub date: Date,
    pub held: bool,
}

impl<'a> CoachNode<'a> {
    /// A stored node as the coach reads it. Storage may leave a commitment's
    /// status and acceptance empty: read as open and proposed, as the tree does.
    pub fn from_node(n: &'a Node) -> Self {
        let detail = match &n.detail {
            NodeDetail::Goal(g) => CoachDetail::Goal(CoachGoal {
                metric: g.metric.as_deref(),
                baseline: g.baseline,
                target: g.target,
                target_date: g.target_date,
                benefit: g.benefit,
            }),
            NodeDetail::Csf => CoachDetail::Csf,
            NodeDetail::Condition => CoachDetail::Condition,
            NodeDetail::Obstacle => CoachDetail::Obstacle,
            NodeDetail::Commitment(c) => CoachDetail::Commitment(CoachCommitment {
                has_owner: c.owner_id.is_some(),
                due_date: c.due_date,
                done_criterion: c.done_criterion.as_deref(),
                status: c.status.unwrap_or(CommitmentStatus::Open),
                acceptance: c.acceptance.unwrap_or(Acceptance::Proposed),
                proposed_due_date: c.proposed_due_date,
            }),
        };
        CoachNode {
            id: Cow::Owned(n.id.to_string()),
            parent: n.parent_id.map(|p| Cow::Owned(p.to_string())),
            title: &n.title,
            notes: n.notes.as_deref(),
            detail,
        }
    }

    pub fn kind(&self) -> crate::tree::NodeKind {
        use crate::tree::NodeKind;
        match self.detail {
            CoachDetail::Goal(_) => NodeKind::Goal,
            CoachDetail::Csf => NodeKind::Csf,
            CoachDetail::Condition => NodeKind::Condition,
            CoachDetail::Obstacle => NodeKind::Obstacle,
            CoachDetail::Commitment(_) => NodeKind::Commitment,
        }
    }

    pub fn goal(&self) -> Option<&CoachGoal<'a>> {
        match &self.detail {
            CoachDetail::Goal(g) => Some(g),
            _ => None,
        }
    }

    pub fn commitment(&self) -> Option<&CoachCommitment<'a>> {
        match &self.detail {
            CoachDetail::Commitment(c) => Some(c),
            _ => None,
        }
    }
}

/// Text that is there: not absent and not only blanks.
pub(super) fn filled(t: Option<&str>) -> bool {
    t.is_some_and(|t| !t.trim().is_empty())
}
