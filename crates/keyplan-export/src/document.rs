//! The open plan document (see [`keyplan_domain::document`]) written from a plan
//! bundle for one audience. Reading it back into an account is
//! [`keyplan_app::documents`].

use std::collections::HashMap;

use keyplan_app::PlanBundle;
use keyplan_app::audience::MANAGEMENT_ASKS_KEY;
use keyplan_domain::analysis::LinkKind;
use keyplan_domain::document::{
    self, DocAccount, DocActual, DocCell, DocContact, DocItem, DocKpi, DocLink, DocNode, DocPerson, DocPlan, DocProgress, DocSection,
    PlanDocument,
};
use keyplan_domain::tree::{NodeKind, TreeNode};
use keyplan_store::{Visibilities, VisibilityTarget};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The plan as a document. `vis` are the plan's visibilities (from the same load as `b`).
pub fn document(b: &PlanBundle, vis: &Visibilities) -> PlanDocument {
    let contact_ids: HashMap<i64, String> = b.contacts.iter().enumerate().map(|(i, c)| (c.id.get(), format!("c{}", i + 1))).collect();
    let mut node_ids = HashMap::new();
    let mut counter = 0;
    let goals = b.tree.iter().map(|t| doc_node(b, vis, t, &contact_ids, &mut node_ids, &mut counter)).collect();
    let item_ids: HashMap<i64, String> = b.items.iter().enumerate().map(|(i, it)| (it.id.get(), format!("i{}", i + 1))).collect();
    let items = b
        .items
        .iter()
        .map(|it| DocItem {
            id: item_ids[&it.id.get()].clone(),
            section: it.section_key.clone(),
            kind: it.kind(),
            category: it.category(),
            text: it.text.clone(),
            source: it.source.clone(),
            item_date: it.item_date,
            derived_from: it.derived_from_id.and_then(|d| item_ids.get(&d.get()).cloned()),
            response: it.response.clone(),
            visibility: vis.get(VisibilityTarget::Item, it.id.get()),
        })
        .collect();
    // The template's sections in its order, then "what we need from management", kept outside every template.
    let keys = b.doc.sections.iter().map(|s| s.key.as_str()).chain([MANAGEMENT_ASKS_KEY]);
    let sections: Vec<DocSection> = keys
        .filter_map(|k| b.section_text(k))
        .filter(|t| t.body.is_some() || t.so_what.is_some())
        .map(|t| DocSection {
            key: t.section_key.clone(),
            body: t.body.clone(),
            so_what: t.so_what.clone(),
            visibility: vis.get(VisibilityTarget::Section, t.id.get()),
        })
        .collect();
    let cells: HashMap<i64, DocCell> = b
        .whitespace
        .iter()
        .flat_map(|ws| {
            ws.cells.iter().filter_map(|c| {
                let offering = ws.offerings.iter().find(|o| o.id == c.offering_id)?;
                let unit = ws.units.iter().find(|u| u.id == c.business_unit_id)?;
                Some((c.id.get(), DocCell { offering: offering.name.clone(), business_unit: unit.name.clone() }))
            })
        })
        .collect();
    let links = b
        .links
        .iter()
        .filter_map(|l| {
            let goal = node_ids.get(&l.goal_id.get())?.clone();
            let mut link = DocLink { goal, item: None, section: None, contact: None, cell: None };
            match l.target_kind() {
                LinkKind::Item => link.item = Some(item_ids.get(&l.target_id)?.clone()),
                LinkKind::Section => {
                    let s = b.sections.iter().find(|s| s.id.get() == l.target_id)?;
                    sections.iter().find(|d| d.key == s.section_key && d.so_what.is_some())?;
                    link.section = Some(s.section_key.clone());
                }
                LinkKind::Contact => link.contact = Some(contact_ids.get(&l.target_id)?.clone()),
                LinkKind::Cell => link.cell = Some(cells.get(&l.target_id)?.clone()),
            }
            Some(link)
        })
        .collect();
    let kpis = b
        .kpis
        .iter()
        .map(|k| DocKpi {
            name: k.name.clone(),
            unit: k.unit.clone(),
            baseline: k.baseline,
            target: k.target,
            target_date: k.target_date,
            period: k.period,
            goal: k.goal_id.and_then(|g| node_ids.get(&g.get()).cloned()),
            visibility: vis.get(VisibilityTarget::Kpi, k.id.get()),
            actuals: b
                .kpi_actuals
                .iter()
                .filter(|a| a.kpi_id == k.id)
                .map(|a| DocActual { period_start: a.period_start, value: a.value, note: a.note.clone() })
                .collect(),
        })
        .collect();
    PlanDocument {
        format: document::FORMAT.into(),
        version: document::VERSION,
        exported_at: OffsetDateTime::now_utc().replace_nanosecond(0).ok().and_then(|t| t.format(&Rfc3339).ok()),
        audience: b.audience,
        account: Some(DocAccount { name: b.account.name.clone() }),
        plan: DocPlan {
            title: b.plan.title.clone(),
            template: b.plan.template.clone(),
            status: b.plan.status(),
            period_start: b.plan.period_start,
            period_end: b.plan.period_end,
        },
        contacts: b
            .contacts
            .iter()
            .map(|c| DocContact {
                id: contact_ids[&c.id.get()].clone(),
                name: c.name.clone(),
                title: c.title.clone(),
                business_unit: c.business_unit.clone(),
                buying_role: c.buying_role(),
                influence: c.influence,
                attitude: c.attitude(),
                objective: c.objective.clone(),
                // Named like a commitment's owner; a customer's bundle has no owners left.
                relationship_owner: c
                    .relationship_owner_id
                    .and_then(|o| b.users.iter().find(|u| u.id == o))
                    .map(|u| DocPerson { email: Some(u.email.clone()).filter(|e| !e.is_empty()), name: Some(u.name.clone()) }),
            })
            .collect(),
        goals,
        sections,
        items,
        links,
        kpis,
    }
}

fn doc_node(
    b: &PlanBundle,
    vis: &Visibilities,
    t: &TreeNode,
    contacts: &HashMap<i64, String>,
    ids: &mut HashMap<i64, String>,
    counter: &mut usize,
) -> DocNode {
    *counter += 1;
    let n = &t.node;
    let id = format!("n{counter}");
    ids.insert(n.id.get(), id.clone());
    let mut d = DocNode::new(id, n.kind(), n.title.clone());
    d.notes = n.notes.clone();
    d.metric = n.metric().clone();
    d.baseline = n.baseline();
    d.target = n.target();
    d.unit = n.unit().clone();
    d.target_date = n.target_date();
    d.benefit = n.benefit();
    if n.kind() == NodeKind::Commitment {
        // A customer's bundle has had our people's e-mail removed: names only then.
        d.owner = n
            .owner_id()
            .and_then(|o| b.users.iter().find(|u| u.id == o))
            .map(|u| DocPerson { email: Some(u.email.clone()).filter(|e| !e.is_empty()), name: Some(u.name.clone()) });
        d.contact = n.contact_id().and_then(|c| contacts.get(&c.get()).cloned());
        d.start_date = n.start_date();
        d.due_date = n.due_date();
        d.done_criterion = n.done_criterion().clone();
        d.how = n.how().clone();
        d.status = n.status();
        d.acceptance = n.acceptance();
        d.decline_reason = n.decline_reason().clone();
        d.proposed_due_date = n.proposed_due_date();
        // Loaded only for audiences that see internal notes; a customer's bundle has none.
        d.progress = b
            .progress_of(n.id)
            .map(|p| DocProgress {
                on: p.on,
                text: p.text.clone(),
                author: Some(DocPerson {
                    email: Some(p.author_email.clone()).filter(|e| !e.is_empty()),
                    name: Some(p.author_name.clone()),
                }),
            })
            .collect();
    }
    d.visibility = vis.get(VisibilityTarget::Node, n.id.get());
    d.children = t.children.iter().map(|c| doc_node(b, vis, c, contacts, ids, counter)).collect();
    d
}
