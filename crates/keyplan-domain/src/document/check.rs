//! The rules of a plan document that its JSON Schema cannot say.

use std::collections::{HashMap, HashSet};

use crate::Message;
use crate::analysis::ItemKind;
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

use super::model::{DocError, DocNode, DocPerson, PlanDocument};

fn required(path: &str, s: &str, max: usize) -> Result<(), DocError> {
    if s.trim().is_empty() {
        return Err(DocError::new(path, Message::new("err-required")));
    }
    within(path, Some(s), max)?;
    crate::text::visible(path, s.trim()).map_err(field)
}

fn within(path: &str, s: Option<&str>, max: usize) -> Result<(), DocError> {
    match s {
        Some(s) if s.chars().count() > max => Err(DocError::new(path, Message::new("err-too-long").arg("max", max))),
        Some(s) => crate::text::check(path, s).map_err(field),
        None => Ok(()),
    }
}

fn field(e: crate::validate::FieldError) -> DocError {
    DocError::new(e.field, e.message)
}

/// Every date of the document lies in the years the text policy allows.
fn dates(doc: &PlanDocument) -> Result<(), DocError> {
    let mut all: Vec<(String, Option<time::Date>)> =
        vec![("plan.period_start".into(), Some(doc.plan.period_start)), ("plan.period_end".into(), Some(doc.plan.period_end))];
    for pl in doc.placed_nodes() {
        let (p, n) = (&pl.path, pl.node);
        for (f, d) in [
            ("target_date", n.target_date),
            ("start_date", n.start_date),
            ("due_date", n.due_date),
            ("proposed_due_date", n.proposed_due_date),
        ] {
            all.push((format!("{p}.{f}"), d));
        }
        for (j, note) in n.progress.iter().enumerate() {
            all.push((format!("{p}.progress[{j}].on"), Some(note.on)));
        }
    }
    for (i, it) in doc.items.iter().enumerate() {
        all.push((format!("items[{i}].item_date"), it.item_date));
    }
    for (i, k) in doc.kpis.iter().enumerate() {
        all.push((format!("kpis[{i}].target_date"), k.target_date));
        for (j, a) in k.actuals.iter().enumerate() {
            all.push((format!("kpis[{i}].actuals[{j}].period_start"), Some(a.period_start)));
        }
    }
    for (path, d) in all {
        if let Some(d) = d {
            crate::text::date(&path, d).map_err(field)?;
        }
    }
    Ok(())
}

fn unique_id<'a>(seen: &mut HashSet<&'a str>, path: String, id: &'a str) -> Result<(), DocError> {
    if id.trim().is_empty() {
        return Err(DocError::new(path, Message::new("err-required")));
    }
    if !seen.insert(id) {
        return Err(DocError::new(path, Message::new("doc-err-twice").arg("id", id)));
    }
    Ok(())
}

/// The rules a schema cannot say: lengths, one id per part, references that
/// resolve, fields that belong to the node's kind, the shape of the tree.
pub fn check(doc: &PlanDocument) -> Result<(), DocError> {
    required("plan.title", &doc.plan.title, 200)?;
    dates(doc)?;
    required("plan.template", &doc.plan.template, 100)?;
    if doc.plan.period_end <= doc.plan.period_start {
        return Err(DocError::new("plan.period_end", Message::new("err-period-end")));
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
            return Err(DocError::new(format!("{p}.influence"), Message::new("doc-err-influence")));
        }
        if let Some(owner) = &c.relationship_owner {
            check_person(&format!("{p}.relationship_owner"), owner)?;
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
                return Err(DocError::new(
                    format!("{p}.category"),
                    Message::new("doc-err-category-takes").arg("kind", it.kind.as_str()).arg("allowed", allowed),
                ));
            }
            None if !cats.is_empty() => {
                let names: Vec<&str> = cats.iter().map(|c| c.as_str()).collect();
                return Err(DocError::new(format!("{p}.category"), Message::new("err-one-of").arg("allowed", names.join(", "))));
            }
            _ => {}
        }
        required(&format!("{p}.text"), &it.text, 2000)?;
        within(&format!("{p}.source"), it.source.as_deref(), 300)?;
        within(&format!("{p}.response"), it.response.as_deref(), 2000)?;
        if let Some(from) = &it.derived_from {
            if !matches!(it.kind, ItemKind::Opportunity | ItemKind::Risk) {
                return Err(DocError::new(format!("{p}.derived_from"), Message::new("doc-err-derived")));
            }
            if !swot.contains(from.as_str()) {
                return Err(DocError::new(format!("{p}.derived_from"), Message::new("doc-err-no-swot").arg("id", from.as_str())));
            }
        }
    }

    let with_so_what: HashSet<&str> =
        doc.sections.iter().filter(|s| s.so_what.as_deref().is_some_and(|w| !w.trim().is_empty())).map(|s| s.key.as_str()).collect();
    let mut links = HashSet::new();
    for (i, l) in doc.links.iter().enumerate() {
        let p = format!("links[{i}]");
        if !goal_ids.contains(l.goal.as_str()) {
            return Err(DocError::new(format!("{p}.goal"), Message::new("doc-err-no-goal").arg("id", l.goal.as_str())));
        }
        let targets = [l.item.is_some(), l.section.is_some(), l.contact.is_some(), l.cell.is_some()];
        if targets.iter().filter(|t| **t).count() != 1 {
            return Err(DocError::new(p, Message::new("doc-err-one-target")));
        }
        if let Some(it) = &l.item
            && !item_ids.contains(it.as_str())
        {
            return Err(DocError::new(format!("{p}.item"), Message::new("doc-err-no-item").arg("id", it.as_str())));
        }
        if let Some(s) = &l.section
            && !with_so_what.contains(s.as_str())
        {
            return Err(DocError::new(format!("{p}.section"), Message::new("doc-err-no-section").arg("id", s.as_str())));
        }
        if let Some(c) = &l.contact
            && !contact_ids.contains(c.as_str())
        {
            return Err(DocError::new(format!("{p}.contact"), Message::new("doc-err-no-contact").arg("id", c.as_str())));
        }
        if let Some(c) = &l.cell {
            required(&format!("{p}.cell.offering"), &c.offering, 200)?;
            required(&format!("{p}.cell.business_unit"), &c.business_unit, 200)?;
        }
        if !links.insert((l.goal.as_str(), l.item.as_deref(), l.section.as_deref(), l.contact.as_deref(), l.cell.as_ref())) {
            return Err(DocError::new(p, Message::new("doc-err-link-twice")));
        }
    }

    for (i, k) in doc.kpis.iter().enumerate() {
        let p = format!("kpis[{i}]");
        required(&format!("{p}.name"), &k.name, 200)?;
        within(&format!("{p}.unit"), k.unit.as_deref(), 40)?;
        if let (Some(b), Some(t)) = (k.baseline, k.target)
            && b == t
        {
            return Err(DocError::new(format!("{p}.target"), Message::new("doc-err-baseline")));
        }
        if let Some(g) = &k.goal
            && !goal_ids.contains(g.as_str())
        {
            return Err(DocError::new(format!("{p}.goal"), Message::new("doc-err-no-goal").arg("id", g.as_str())));
        }
        let mut periods = HashMap::new();
        for (j, a) in k.actuals.iter().enumerate() {
            let ap = format!("{p}.actuals[{j}]");
            if k.period.start_of(a.period_start) != a.period_start {
                return Err(DocError::new(
                    format!("{ap}.period_start"),
                    Message::new("doc-err-first-day").arg("detail", k.period.as_str()),
                ));
            }
            if periods.insert(a.period_start, j).is_some() {
                return Err(DocError::new(format!("{ap}.period_start"), Message::new("doc-err-period-twice")));
            }
            within(&format!("{ap}.note"), a.note.as_deref(), 500)?;
        }
    }
    Ok(())
}

/// A person on our side: an e-mail address, or at least a name (a customer's
/// document carries names only).
fn check_person(path: &str, person: &DocPerson) -> Result<(), DocError> {
    if let Some(email) = &person.email {
        within(&format!("{path}.email"), Some(email), 254)?;
        if !email.contains('@') {
            return Err(DocError::new(format!("{path}.email"), Message::new("doc-err-email")));
        }
    } else if person.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        return Err(DocError::new(path, Message::new("doc-err-owner-email")));
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
        ("how", n.how.is_some()),
        ("status", n.status.is_some()),
        ("acceptance", n.acceptance.is_some()),
        ("decline_reason", n.decline_reason.is_some()),
        ("proposed_due_date", n.proposed_due_date.is_some()),
        ("progress", !n.progress.is_empty()),
    ];
    if n.kind != NodeKind::Goal
        && let Some((f, _)) = goal_fields.iter().find(|(_, set)| *set)
    {
        return Err(DocError::new(
            format!("{p}.{f}"),
            Message::new("doc-err-goal-field").arg("field", *f).arg("kind", n.kind.as_str()).label(
                "kind_label",
                "node-kind",
                n.kind.as_str(),
            ),
        ));
    }
    if n.kind != NodeKind::Commitment
        && let Some((f, _)) = commitment_fields.iter().find(|(_, set)| *set)
    {
        return Err(DocError::new(
            format!("{p}.{f}"),
            Message::new("doc-err-commitment-field").arg("field", *f).arg("kind", n.kind.as_str()).label(
                "kind_label",
                "node-kind",
                n.kind.as_str(),
            ),
        ));
    }
    within(&format!("{p}.metric"), n.metric.as_deref(), 200)?;
    within(&format!("{p}.unit"), n.unit.as_deref(), 40)?;
    if n.kind != NodeKind::Commitment {
        return Ok(());
    }
    match &n.owner {
        None => return Err(DocError::new(format!("{p}.owner"), Message::new("doc-err-owner"))),
        Some(o) => check_person(&format!("{p}.owner"), o)?,
    }
    if let Some(c) = &n.contact
        && !contacts.contains(c.as_str())
    {
        return Err(DocError::new(format!("{p}.contact"), Message::new("doc-err-no-contact").arg("id", c.as_str())));
    }
    if let (Some(s), Some(d)) = (n.start_date, n.due_date)
        && d < s
    {
        return Err(DocError::new(format!("{p}.due_date"), Message::new("err-before-start")));
    }
    within(&format!("{p}.done_criterion"), n.done_criterion.as_deref(), 1000)?;
    within(&format!("{p}.how"), n.how.as_deref(), crate::tree::MAX_HOW)?;
    for (j, note) in n.progress.iter().enumerate() {
        let np = format!("{p}.progress[{j}]");
        required(&format!("{np}.text"), &note.text, crate::tree::progress::MAX_TEXT)?;
        if let Some(author) = &note.author {
            check_person(&format!("{np}.author"), author)?;
        }
    }
    within(&format!("{p}.decline_reason"), n.decline_reason.as_deref(), 1000)?;
    // The state as a whole, by the rules the answers keep (a missing acceptance is proposed).
    let acceptance = n.acceptance.unwrap_or(Acceptance::Proposed);
    let status = n.status.unwrap_or(CommitmentStatus::Open);
    crate::acceptance::check_state(acceptance, status, n.decline_reason.as_deref(), n.proposed_due_date)
        .map_err(|e| DocError::new(format!("{p}.{}", e.field), e.message))
}
