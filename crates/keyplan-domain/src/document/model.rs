//! The parts of a plan document as they are written in its JSON.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::analysis::{Benefit, Category, ItemKind};
use crate::audience::{Audience, Visibility};
use crate::contact::{Attitude, BuyingRole};
use crate::kpi::Period;
use crate::plan::PlanStatus;
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

/// A whole plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    /// Always [`FORMAT`](super::FORMAT).
    pub format: String,
    /// Always [`VERSION`](super::VERSION) for this code.
    pub version: u32,
    /// When the file was written (RFC 3339); not read on import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// Who the document was written for: a customer document holds only what the customer may see.
    #[serde(default)]
    pub audience: Audience,
    /// The account the plan was written for; on import the plan goes into the account the importer names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<DocAccount>,
    pub plan: DocPlan,
    /// The account's people the plan refers to (stakeholder map, commitments with the customer, evidence).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<DocContact>,
    /// The constraint tree: goals with their factors, conditions, obstacles and commitments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<DocNode>,
    /// The text and "so what?" of the template's sections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<DocSection>,
    /// Analysis findings, SWOT entries, opportunities and risks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<DocItem>,
    /// What each goal is based on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<DocLink>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<DocKpi>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocAccount {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocPlan {
    pub title: String,
    /// The key of the template (`one_page_constraint`, `strategic`, or a company template).
    pub template: String,
    #[serde(default = "draft")]
    pub status: PlanStatus,
    pub period_start: Date,
    pub period_end: Date,
}

fn draft() -> PlanStatus {
    PlanStatus::Draft
}

/// A person on our side, found by e-mail on import. A customer's document names
/// people without their e-mail; it cannot be imported with its commitments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocPerson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A person at the customer, found by name in the account on import (created when missing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocContact {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buying_role: Option<BuyingRole>,
    /// 1 (little) to 5 (decisive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<i16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// Who on our side calls on this person (seed 003: who calls on whom), named
    /// as a commitment names its owner: by e-mail, or by name in a customer's document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship_owner: Option<DocPerson>,
}

/// A node of the constraint tree with its children.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocNode {
    pub id: String,
    pub kind: NodeKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    // Goals only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit: Option<Benefit>,
    // Commitments only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<DocPerson>,
    /// The customer's person who shares this commitment (a contact's `id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_criterion: Option<String>,
    /// How the owner will deliver it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CommitmentStatus>,
    /// Whether the owner has accepted; a commitment without it is proposed to its owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_due_date: Option<Date>,
    /// The commitment's dated progress notes, newest first (internal: never in a customer's document).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<DocProgress>,
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<DocNode>,
}

/// A dated progress note on a commitment. On import its author is found by
/// e-mail among the organisation's people; one not found there becomes the importer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocProgress {
    /// The day the note speaks of.
    pub on: Date,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<DocPerson>,
}

impl DocNode {
    /// A node with a title and nothing else.
    pub fn new(id: impl Into<String>, kind: NodeKind, title: impl Into<String>) -> Self {
        DocNode {
            id: id.into(),
            kind,
            title: title.into(),
            notes: None,
            metric: None,
            baseline: None,
            target: None,
            unit: None,
            target_date: None,
            benefit: None,
            owner: None,
            contact: None,
            start_date: None,
            due_date: None,
            done_criterion: None,
            how: None,
            status: None,
            acceptance: None,
            decline_reason: None,
            proposed_due_date: None,
            progress: Vec::new(),
            visibility: Visibility::Team,
            children: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSection {
    /// The template section's key.
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub so_what: Option<String>,
    #[serde(default)]
    pub visibility: Visibility,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocItem {
    pub id: String,
    /// The template section's key.
    pub section: String,
    pub kind: ItemKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_date: Option<Date>,
    /// For opportunities and risks: the SWOT entry (an item's `id`) they come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(default)]
    pub visibility: Visibility,
}

/// A goal's evidence: exactly one of `item`, `section` (its "so what?"), `contact` or `cell`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocLink {
    /// The goal's `id`.
    pub goal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<DocCell>,
}

/// A cell of the account's whitespace matrix, by the names of its row and column.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocCell {
    pub offering: String,
    pub business_unit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocKpi {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<Date>,
    pub period: Period,
    /// The goal (its `id`) this KPI measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<DocActual>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocActual {
    /// The first day of the month or quarter.
    pub period_start: Date,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The first thing wrong with a document, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {}", message.code)]
pub struct DocError {
    /// Like `goals[0].children[2].due_date`; `$` is the document itself.
    pub path: String,
    /// What is wrong, by code; the reader's language is chosen where it is shown.
    pub message: crate::Message,
}

impl DocError {
    pub fn new(path: impl Into<String>, message: crate::Message) -> Self {
        DocError { path: path.into(), message }
    }
}

/// One node of the tree with its place: its path in the document and its parent's
/// index in the same list (nodes are listed parents first).
pub struct Placed<'a> {
    pub path: String,
    pub node: &'a DocNode,
    pub parent: Option<usize>,
}

impl PlanDocument {
    /// Every node of the tree, parents before children, in document order.
    pub fn placed_nodes(&self) -> Vec<Placed<'_>> {
        fn walk<'a>(nodes: &'a [DocNode], prefix: &str, parent: Option<usize>, out: &mut Vec<Placed<'a>>) {
            for (i, n) in nodes.iter().enumerate() {
                let path = format!("{prefix}[{i}]");
                let me = out.len();
                out.push(Placed { path: path.clone(), node: n, parent });
                walk(&n.children, &format!("{path}.children"), Some(me), out);
            }
        }
        let mut out = Vec::new();
        walk(&self.goals, "goals", None, &mut out);
        out
    }
}
