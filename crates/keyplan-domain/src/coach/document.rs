//! The coach over an open plan document, without a database: the document's
//! local ids become the findings' target ids, and what a document does not
//! carry (reviews, the whitespace matrix, the organisation's value discipline)
//! is left empty or unknown, so the rules that need it stay silent.

use std::borrow::Cow;

use time::Date;

use super::input::{
    CoachCommitment, CoachContact, CoachDetail, CoachGoal, CoachInput, CoachItem, CoachLink, CoachNode, CoachSection, LinkTarget,
};
use crate::builtin::builtin_templates;
use crate::document::{DocNode, DocPerson, PlanDocument};
use crate::template::TemplateDoc;
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

/// The id of findings about the whole plan: a document gives its plan none.
pub const DOCUMENT_PLAN_ID: &str = "plan";

/// The built-in template with this key, if there is one.
pub fn builtin_template(key: &str) -> Option<TemplateDoc> {
    builtin_templates().into_iter().find(|t| t.key == key)
}

impl<'a> CoachInput<'a> {
    /// Reads a plan document. `template` is the template the document's
    /// `plan.template` names, when the caller has it (a company template from
    /// the database or a file); without it the built-in template of that key is
    /// used, and when there is none the template stays unknown (see
    /// [`CoachInput::template`]).
    pub fn from_document(doc: &'a PlanDocument, template: Option<&'a TemplateDoc>, today: Date) -> Self {
        let template = match template {
            Some(t) => Some(Cow::Borrowed(t)),
            None => builtin_template(&doc.plan.template).map(Cow::Owned),
        };
        let mut nodes = Vec::new();
        for goal in &doc.goals {
            walk(goal, None, &mut nodes);
        }
        let links = doc
            .links
            .iter()
            .filter_map(|l| {
                let target = match (&l.item, &l.section) {
                    (Some(item), _) => LinkTarget::Item(Cow::Borrowed(item)),
                    (None, Some(section)) => LinkTarget::SoWhat(section),
                    // Contacts and whitespace cells are no analysis.
                    (None, None) => return None,
                };
                Some(CoachLink { goal: Cow::Borrowed(&l.goal), target })
            })
            .collect();
        CoachInput {
            plan_id: Cow::Borrowed(DOCUMENT_PLAN_ID),
            template,
            status: doc.plan.status,
            period_start: doc.plan.period_start,
            period_end: doc.plan.period_end,
            today,
            nodes,
            sections: doc
                .sections
                .iter()
                .map(|s| CoachSection { key: &s.key, body: s.body.as_deref(), so_what: s.so_what.as_deref() })
                .collect(),
            items: doc
                .items
                .iter()
                .map(|i| CoachItem {
                    id: Cow::Borrowed(&i.id),
                    section: &i.section,
                    kind: i.kind,
                    text: &i.text,
                    source: i.source.as_deref(),
                    response: i.response.as_deref(),
                })
                .collect(),
            links,
            contacts: doc
                .contacts
                .iter()
                .map(|c| CoachContact {
                    id: Cow::Borrowed(&c.id),
                    name: &c.name,
                    buying_role: c.buying_role,
                    influence: c.influence,
                    has_relationship_owner: c.relationship_owner.as_ref().is_some_and(names_someone),
                    objective: c.objective.as_deref(),
                })
                .collect(),
            whitespace_cells: 0,
            reviews: Vec::new(),
            next_review: None,
            value_discipline_chosen: None,
            printed_pages: None,
        }
    }
}

/// A person named by e-mail or, in a customer's document, by name.
fn names_someone(p: &DocPerson) -> bool {
    [&p.email, &p.name].into_iter().any(|t| t.as_deref().is_some_and(|t| !t.trim().is_empty()))
}

fn walk<'a>(n: &'a DocNode, parent: Option<&'a str>, out: &mut Vec<CoachNode<'a>>) {
    let detail = match n.kind {
        NodeKind::Goal => CoachDetail::Goal(CoachGoal {
            metric: n.metric.as_deref(),
            baseline: n.baseline,
            target: n.target,
            target_date: n.target_date,
            benefit: n.benefit,
        }),
        NodeKind::Csf => CoachDetail::Csf,
        NodeKind::Condition => CoachDetail::Condition,
        NodeKind::Obstacle => CoachDetail::Obstacle,
        NodeKind::Commitment => CoachDetail::Commitment(CoachCommitment {
            has_owner: n.owner.as_ref().is_some_and(names_someone),
            due_date: n.due_date,
            done_criterion: n.done_criterion.as_deref(),
            status: n.status.unwrap_or(CommitmentStatus::Open),
            // The document's rule: a commitment without acceptance is proposed to its owner.
            acceptance: n.acceptance.unwrap_or(Acceptance::Proposed),
            proposed_due_date: n.proposed_due_date,
        }),
    };
    out.push(CoachNode { id: Cow::Borrowed(&n.id), parent: parent.map(Cow::Borrowed), title: &n.title, notes: n.notes.as_deref(), detail });
    for c in &n.children {
        walk(c, Some(&n.id), out);
    }
}
