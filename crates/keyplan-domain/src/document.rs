//! The open plan document: a whole plan as one versioned JSON file, for backups,
//! moving plans between systems and scripts. Its JSON Schema is `plan.schema.json`
//! (served at `/api/v1/schema/plan.json`).
//!
//! Everything in a document refers to other parts of the same document by a local
//! `id` (`n1`, `i3`, `c2`), never by a database id, so a document imports into any
//! account. People are named by e-mail. Reviews, comments, history and share links
//! are not part of a plan document.
//!
//! [`parse`] reads a document and reports the first error with its path
//! (`goals[0].children[2].due_date`); [`check`] adds the rules the schema cannot
//! say (one id per part, references that resolve, the shape of the tree).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::analysis::{Benefit, Category, ItemKind};
use crate::audience::{Audience, Visibility};
use crate::contact::{Attitude, BuyingRole};
use crate::kpi::Period;
use crate::plan::PlanStatus;
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

/// The value of `format` in every plan document.
pub const FORMAT: &str = "keyplan-plan";
/// The document version this code writes and reads.
pub const VERSION: u32 = 1;
/// The JSON Schema of version 1.
pub const SCHEMA: &str = include_str!("plan.schema.json");

/// A whole plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for this code.
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CommitmentStatus>,
    /// Whether the owner has accepted; a commitment without it is proposed to its owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_due_date: Option<Date>,
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<DocNode>,
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
            status: None,
            acceptance: None,
            decline_reason: None,
            proposed_due_date: None,
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
#[error("{path}: {message}")]
pub struct DocError {
    /// Like `goals[0].children[2].due_date`; `$` is the document itself.
    pub path: String,
    pub message: String,
}

impl DocError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        DocError { path: path.into(), message: message.into() }
    }
}

/// Reads a document: JSON, the right format and version, the shape of the schema,
/// then [`check`]. The error names the path of the first problem.
pub fn parse(json: &[u8]) -> Result<PlanDocument, DocError> {
    let value: serde_json::Value = serde_json::from_slice(json)
        .map_err(|e| DocError::new("$", format!("not valid JSON (line {}, column {}): {e}", e.line(), e.column())))?;
    let Some(obj) = value.as_object() else {
        return Err(DocError::new("$", "must be a JSON object"));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(DocError::new("format", format!("must be \"{FORMAT}\", not \"{other}\""))),
        None => return Err(DocError::new("format", format!("missing: a plan document says \"format\": \"{FORMAT}\""))),
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(DocError::new("version", format!("this is a version {v} document; this keyplan reads version {VERSION}"))),
        None => return Err(DocError::new("version", format!("missing or not a number: this keyplan reads version {VERSION}"))),
    }
    let doc: PlanDocument = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path.is_empty() || path == "." { "$".to_string() } else { path };
        DocError::new(path, e.into_inner().to_string())
    })?;
    check(&doc)?;
    Ok(doc)
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

fn required(path: &str, s: &str, max: usize) -> Result<(), DocError> {
    if s.trim().is_empty() {
        return Err(DocError::new(path, "must not be empty"));
    }
    within(path, Some(s), max)
}

fn within(path: &str, s: Option<&str>, max: usize) -> Result<(), DocError> {
    match s {
        Some(s) if s.chars().count() > max => Err(DocError::new(path, format!("must be at most {max} characters"))),
        _ => Ok(()),
    }
}

fn unique_id<'a>(seen: &mut HashSet<&'a str>, path: String, id: &'a str) -> Result<(), DocError> {
    if id.trim().is_empty() {
        return Err(DocError::new(path, "must not be empty"));
    }
    if !seen.insert(id) {
        return Err(DocError::new(path, format!("\"{id}\" is used twice")));
    }
    Ok(())
}

/// The rules a schema cannot say: lengths, one id per part, references that
/// resolve, fields that belong to the node's kind, the shape of the tree.
pub fn check(doc: &PlanDocument) -> Result<(), DocError> {
    required("plan.title", &doc.plan.title, 200)?;
    required("plan.template", &doc.plan.template, 100)?;
    if doc.plan.period_end <= doc.plan.period_start {
        return Err(DocError::new("plan.period_end", "must be after the start of the period"));
    }
    if let Some(a) = &doc.account {
        within("account.name", Some(&a.name), 200)?;
    }

    let mut contact_ids = HashSet::new();
    for (i, c) in doc.contacts.iter().enumerate() {
        let p = format!("contacts[{i}]");
        unique_id(&mut contact_ids, format!("{p}.id"), &c.id)?;
        required(&format!("{p}.name"), &c.name, 200)?;
        within(&format!("{p}.title"), c.title.as_deref(), 200)?;
        within(&format!("{p}.business_unit"), c.business_unit.as_deref(), 200)?;
        within(&format!("{p}.objective"), c.objective.as_deref(), 1000)?;
        if let Some(n) = c.influence
            && !(1..=5).contains(&n)
        {
            return Err(DocError::new(format!("{p}.influence"), "must be 1 to 5"));
        }
    }

    let placed = doc.placed_nodes();
    let mut node_ids = HashSet::new();
    let mut goal_ids = HashSet::new();
    for pl in &placed {
        let (p, n) = (&pl.path, pl.node);
        unique_id(&mut node_ids, format!("{p}.id"), &n.id)?;
        let parent_kind = pl.parent.map(|i| placed[i].node.kind);
        n.kind.check_parent(parent_kind).map_err(|e| DocError::new(format!("{p}.kind"), e.message))?;
        if n.kind == NodeKind::Goal {
            goal_ids.insert(n.id.as_str());
        }
        required(&format!("{p}.title"), &n.title, 300)?;
        within(&format!("{p}.notes"), n.notes.as_deref(), 4000)?;
        check_node_fields(p, n, &contact_ids)?;
    }

    let mut section_keys = HashSet::new();
    for (i, s) in doc.sections.iter().enumerate() {
        let p = format!("sections[{i}]");
        unique_id(&mut section_keys, format!("{p}.key"), &s.key)?;
        within(&format!("{p}.body"), s.body.as_deref(), 20_000)?;
        within(&format!("{p}.so_what"), s.so_what.as_deref(), 2000)?;
    }

    let mut item_ids = HashSet::new();
    let swot: HashSet<&str> = doc.items.iter().filter(|i| i.kind == ItemKind::Swot).map(|i| i.id.as_str()).collect();
    for (i, it) in doc.items.iter().enumerate() {
        let p = format!("items[{i}]");
        unique_id(&mut item_ids, format!("{p}.id"), &it.id)?;
        required(&format!("{p}.section"), &it.section, 100)?;
        let cats = it.kind.categories();
        match it.category {
            Some(c) if !cats.contains(&c) => {
                let names: Vec<&str> = cats.iter().map(|c| c.as_str()).collect();
                let allowed = if names.is_empty() { "none".to_string() } else { names.join(", ") };
                return Err(DocError::new(format!("{p}.category"), format!("a {} item takes {allowed}", it.kind.as_str())));
            }
            None if !cats.is_empty() => {
                let names: Vec<&str> = cats.iter().map(|c| c.as_str()).collect();
                return Err(DocError::new(format!("{p}.category"), format!("must be one of {}", names.join(", "))));
            }
            _ => {}
        }
        required(&format!("{p}.text"), &it.text, 2000)?;
        within(&format!("{p}.source"), it.source.as_deref(), 300)?;
        within(&format!("{p}.response"), it.response.as_deref(), 2000)?;
        if let Some(from) = &it.derived_from {
            if !matches!(it.kind, ItemKind::Opportunity | ItemKind::Risk) {
                return Err(DocError::new(format!("{p}.derived_from"), "only opportunities and risks are derived from a SWOT entry"));
            }
            if !swot.contains(from.as_str()) {
                return Err(DocError::new(
                    format!("{p}.derived_from"),
                    format!("\"{from}\" is not the id of a SWOT entry in this document"),
                ));
            }
        }
    }

    let with_so_what: HashSet<&str> =
        doc.sections.iter().filter(|s| s.so_what.as_deref().is_some_and(|w| !w.trim().is_empty())).map(|s| s.key.as_str()).collect();
    let mut links = HashSet::new();
    for (i, l) in doc.links.iter().enumerate() {
        let p = format!("links[{i}]");
        if !goal_ids.contains(l.goal.as_str()) {
            return Err(DocError::new(format!("{p}.goal"), format!("\"{}\" is not the id of a goal in this document", l.goal)));
        }
        let targets = [l.item.is_some(), l.section.is_some(), l.contact.is_some(), l.cell.is_some()];
        if targets.iter().filter(|t| **t).count() != 1 {
            return Err(DocError::new(p, "must name exactly one of item, section, contact or cell"));
        }
        if let Some(it) = &l.item
            && !item_ids.contains(it.as_str())
        {
            return Err(DocError::new(format!("{p}.item"), format!("\"{it}\" is not the id of an item in this document")));
        }
        if let Some(s) = &l.section
            && !with_so_what.contains(s.as_str())
        {
            return Err(DocError::new(format!("{p}.section"), format!("\"{s}\" is not a section with a \"so what?\" in this document")));
        }
        if let Some(c) = &l.contact
            && !contact_ids.contains(c.as_str())
        {
            return Err(DocError::new(format!("{p}.contact"), format!("\"{c}\" is not the id of a contact in this document")));
        }
        if let Some(c) = &l.cell {
            required(&format!("{p}.cell.offering"), &c.offering, 200)?;
            required(&format!("{p}.cell.business_unit"), &c.business_unit, 200)?;
        }
        if !links.insert((l.goal.as_str(), l.item.as_deref(), l.section.as_deref(), l.contact.as_deref(), l.cell.as_ref())) {
            return Err(DocError::new(p, "the same link is listed twice"));
        }
    }

    for (i, k) in doc.kpis.iter().enumerate() {
        let p = format!("kpis[{i}]");
        required(&format!("{p}.name"), &k.name, 200)?;
        within(&format!("{p}.unit"), k.unit.as_deref(), 40)?;
        if let (Some(b), Some(t)) = (k.baseline, k.target)
            && b == t
        {
            return Err(DocError::new(format!("{p}.target"), "must differ from the baseline"));
        }
        if let Some(g) = &k.goal
            && !goal_ids.contains(g.as_str())
        {
            return Err(DocError::new(format!("{p}.goal"), format!("\"{g}\" is not the id of a goal in this document")));
        }
        let mut periods = HashMap::new();
        for (j, a) in k.actuals.iter().enumerate() {
            let ap = format!("{p}.actuals[{j}]");
            if k.period.start_of(a.period_start) != a.period_start {
                return Err(DocError::new(format!("{ap}.period_start"), format!("must be the first day of a {}", k.period.as_str())));
            }
            if periods.insert(a.period_start, j).is_some() {
                return Err(DocError::new(format!("{ap}.period_start"), "this period has a value already"));
            }
            within(&format!("{ap}.note"), a.note.as_deref(), 500)?;
        }
    }
    Ok(())
}

/// Goal fields only on goals, commitment fields only on commitments, and what a
/// commitment needs.
fn check_node_fields(p: &str, n: &DocNode, contacts: &HashSet<&str>) -> Result<(), DocError> {
    let goal_fields = [
        ("metric", n.metric.is_some()),
        ("baseline", n.baseline.is_some()),
        ("target", n.target.is_some()),
        ("unit", n.unit.is_some()),
        ("target_date", n.target_date.is_some()),
        ("benefit", n.benefit.is_some()),
    ];
    let commitment_fields = [
        ("owner", n.owner.is_some()),
        ("contact", n.contact.is_some()),
        ("start_date", n.start_date.is_some()),
        ("due_date", n.due_date.is_some()),
        ("done_criterion", n.done_criterion.is_some()),
        ("status", n.status.is_some()),
        ("acceptance", n.acceptance.is_some()),
        ("decline_reason", n.decline_reason.is_some()),
        ("proposed_due_date", n.proposed_due_date.is_some()),
    ];
    if n.kind != NodeKind::Goal
        && let Some((f, _)) = goal_fields.iter().find(|(_, set)| *set)
    {
        return Err(DocError::new(format!("{p}.{f}"), format!("only goals have a {f}; this is a {}", n.kind.as_str())));
    }
    if n.kind != NodeKind::Commitment
        && let Some((f, _)) = commitment_fields.iter().find(|(_, set)| *set)
    {
        return Err(DocError::new(format!("{p}.{f}"), format!("only commitments have a {f}; this is a {}", n.kind.as_str())));
    }
    within(&format!("{p}.metric"), n.metric.as_deref(), 200)?;
    within(&format!("{p}.unit"), n.unit.as_deref(), 40)?;
    if n.kind != NodeKind::Commitment {
        return Ok(());
    }
    match &n.owner {
        None => return Err(DocError::new(format!("{p}.owner"), "every commitment needs an owner")),
        Some(o) => {
            if let Some(email) = &o.email {
                within(&format!("{p}.owner.email"), Some(email), 254)?;
                if !email.contains('@') {
                    return Err(DocError::new(format!("{p}.owner.email"), "must be an e-mail address"));
                }
            } else if o.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
                return Err(DocError::new(format!("{p}.owner"), "name the owner's e-mail"));
            }
        }
    }
    if let Some(c) = &n.contact
        && !contacts.contains(c.as_str())
    {
        return Err(DocError::new(format!("{p}.contact"), format!("\"{c}\" is not the id of a contact in this document")));
    }
    if let (Some(s), Some(d)) = (n.start_date, n.due_date)
        && d < s
    {
        return Err(DocError::new(format!("{p}.due_date"), "must not be before the start date"));
    }
    within(&format!("{p}.done_criterion"), n.done_criterion.as_deref(), 1000)?;
    within(&format!("{p}.decline_reason"), n.decline_reason.as_deref(), 1000)?;
    if n.decline_reason.is_some() && n.acceptance != Some(Acceptance::Declined) {
        return Err(DocError::new(format!("{p}.decline_reason"), "only a declined commitment has a decline reason"));
    }
    if n.proposed_due_date.is_some() && n.acceptance != Some(Acceptance::DateProposed) {
        return Err(DocError::new(
            format!("{p}.proposed_due_date"),
            "only a commitment with acceptance date_proposed has a proposed due date",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> serde_json::Value {
        json!({
            "format": "keyplan-plan",
            "version": 1,
            "audience": "team",
            "plan": {"title": "Brightwater 2027", "template": "one_page_constraint", "status": "active",
                     "period_start": "2027-01-01", "period_end": "2027-12-31"},
            "contacts": [{"id": "c1", "name": "Dana Ruiz", "buying_role": "decision_maker", "influence": 5}],
            "goals": [{
                "id": "n1", "kind": "goal", "title": "Grow to 2.4m", "baseline": 1800000.0, "target": 2400000.0, "visibility": "customer",
                "children": [{"id": "n2", "kind": "csf", "title": "Preferred supplier", "children": [
                    {"id": "n3", "kind": "condition", "title": "Trial passed", "children": [
                        {"id": "n4", "kind": "obstacle", "title": "No trial budget", "children": [
                            {"id": "n5", "kind": "commitment", "title": "Run the trial", "owner": {"email": "lena@northwind.example"},
                             "contact": "c1", "due_date": "2027-03-31", "status": "open", "acceptance": "accepted"}
                        ]}
                    ]}
                ]}]
            }],
            "sections": [{"key": "analysis", "body": "Market grows", "so_what": "Win the trial", "visibility": "management"}],
            "items": [
                {"id": "i1", "section": "swot", "kind": "swot", "category": "strength", "text": "Fast service"},
                {"id": "i2", "section": "opps", "kind": "opportunity", "text": "New plant", "derived_from": "i1"}
            ],
            "links": [{"goal": "n1", "item": "i2"}, {"goal": "n1", "section": "analysis"}, {"goal": "n1", "contact": "c1"}],
            "kpis": [{"name": "Revenue", "period": "quarter", "goal": "n1", "baseline": 1.8, "target": 2.4,
                      "actuals": [{"period_start": "2027-01-01", "value": 1.9}]}]
        })
    }

    fn parse_value(v: &serde_json::Value) -> Result<PlanDocument, DocError> {
        parse(&serde_json::to_vec(v).unwrap())
    }

    fn error_of(f: impl FnOnce(&mut serde_json::Value)) -> DocError {
        let mut v = sample();
        f(&mut v);
        parse_value(&v).unwrap_err()
    }

    #[test]
    fn a_complete_document_reads_and_writes_back_the_same() {
        let doc = parse_value(&sample()).unwrap();
        assert_eq!(doc.placed_nodes().len(), 5);
        assert_eq!(doc.placed_nodes()[4].parent, Some(3));
        assert_eq!(doc.goals[0].visibility, Visibility::Customer);
        assert_eq!(doc.sections[0].visibility, Visibility::Management);
        assert_eq!(doc.items[0].visibility, Visibility::Team, "team is the default");
        let again = parse(&serde_json::to_vec(&doc).unwrap()).unwrap();
        assert_eq!(again, doc);
    }

    #[test]
    fn errors_name_the_path_of_the_first_problem() {
        let e = error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["due_date"] = json!("31.03.2027"));
        assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].due_date");
        let e = error_of(|v| v["goals"][0]["children"][0]["kind"] = json!("hurdle"));
        assert_eq!(e.path, "goals[0].children[0].kind");
        assert!(e.message.contains("hurdle"), "{e}");
        let e = error_of(|v| v["items"][1]["colour"] = json!("red"));
        assert_eq!(e.path, "items[1].colour");
        let e = error_of(|v| v["plan"].as_object_mut().unwrap().remove("title").map(|_| ()).unwrap());
        assert_eq!(e.path, "plan");
        assert!(e.message.contains("title"), "{e}");
    }

    #[test]
    fn format_and_version_are_checked_first() {
        assert_eq!(error_of(|v| v["format"] = json!("something-else")).path, "format");
        let e = error_of(|v| {
            v["version"] = json!(2);
            v["goals"] = json!("whatever a later version holds");
        });
        assert_eq!(e.path, "version");
        assert!(e.message.contains("version 2"), "{e}");
        assert_eq!(parse(b"[1, 2]").unwrap_err().path, "$");
        assert!(parse(b"{not json").unwrap_err().message.contains("not valid JSON"));
    }

    #[test]
    fn the_tree_keeps_its_shape() {
        let e = error_of(|v| v["goals"][0]["kind"] = json!("obstacle"));
        assert_eq!(e.path, "goals[0].kind");
        let e = error_of(|v| v["goals"][0]["children"][0]["children"][0]["kind"] = json!("goal"));
        assert_eq!(e.path, "goals[0].children[0].children[0].kind");
        let e = error_of(|v| v["goals"][0]["children"][0]["metric"] = json!("share"));
        assert_eq!(e.path, "goals[0].children[0].metric");
        let e = error_of(|v| v["goals"][0]["owner"] = json!({"email": "a@b.example"}));
        assert_eq!(e.path, "goals[0].owner");
    }

    #[test]
    fn commitments_need_an_owner_and_consistent_dates() {
        let e = error_of(|v| {
            v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0].as_object_mut().unwrap().remove("owner");
        });
        assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].owner");
        let e = error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["start_date"] = json!("2027-06-01"));
        assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].due_date");
        let e =
            error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["decline_reason"] = json!("no time"));
        assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].decline_reason");
    }

    #[test]
    fn references_must_resolve_and_ids_be_unique() {
        assert_eq!(error_of(|v| v["goals"][0]["children"][0]["id"] = json!("n1")).path, "goals[0].children[0].id");
        assert_eq!(error_of(|v| v["links"][0]["goal"] = json!("n2")).path, "links[0].goal");
        assert_eq!(error_of(|v| v["links"][0]["item"] = json!("i9")).path, "links[0].item");
        assert_eq!(error_of(|v| v["links"][1]["item"] = json!("i1")).path, "links[1]");
        assert_eq!(error_of(|v| v["links"][2]["contact"] = json!("c7")).path, "links[2].contact");
        assert_eq!(error_of(|v| v["items"][1]["derived_from"] = json!("i2")).path, "items[1].derived_from");
        assert_eq!(error_of(|v| v["kpis"][0]["goal"] = json!("n5")).path, "kpis[0].goal");
        assert_eq!(
            error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["contact"] = json!("c2")).path,
            "goals[0].children[0].children[0].children[0].children[0].contact"
        );
    }

    #[test]
    fn items_kpis_and_contacts_follow_their_rules() {
        assert_eq!(error_of(|v| v["items"][0]["category"] = json!("market")).path, "items[0].category");
        assert_eq!(error_of(|v| v["items"][0]["text"] = json!("  ")).path, "items[0].text");
        assert_eq!(error_of(|v| v["kpis"][0]["actuals"][0]["period_start"] = json!("2027-02-01")).path, "kpis[0].actuals[0].period_start");
        assert_eq!(error_of(|v| v["kpis"][0]["target"] = json!(1.8)).path, "kpis[0].target");
        assert_eq!(error_of(|v| v["contacts"][0]["influence"] = json!(9)).path, "contacts[0].influence");
        assert_eq!(error_of(|v| v["plan"]["period_end"] = json!("2026-01-01")).path, "plan.period_end");
        assert_eq!(error_of(|v| v["plan"]["title"] = json!("x".repeat(201))).path, "plan.title");
    }

    #[test]
    fn the_schema_is_json_and_names_the_format() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        assert_eq!(schema["properties"]["format"]["const"], FORMAT);
        assert_eq!(schema["properties"]["version"]["const"], VERSION);
    }
}
