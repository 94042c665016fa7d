//! The open plan document (see [`keyplan_domain::document`]): written from a plan
//! bundle for one audience, and read back into an account as a new plan.

use std::collections::HashMap;

use keyplan_domain::acceptance;
use keyplan_domain::analysis::{ItemData, SectionText};
use keyplan_domain::contact::ContactData;
use keyplan_domain::document::{self, DocCell, DocError, DocPerson, PlanDocument};
use keyplan_domain::kpi::{ActualData, KpiData};
use keyplan_domain::plan::PlanData;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, CellId, OrgId, UserId, permissions};
use keyplan_store::{
    ContactRef, ImportItem, ImportKpi, ImportLink, ImportNode, ImportProgress, ImportSection, LinkTarget, NodeWrite, Plan, PlanImport,
    Store,
};

use crate::AppError;
use crate::Result;
use crate::audience::MANAGEMENT_ASKS_KEY;
use crate::auth::Auth;

/// What an import made.
#[derive(Debug)]
pub struct Imported {
    pub plan: Plan,
    /// Contacts the account did not have yet and that were added to it.
    pub contacts_added: usize,
    /// Parts that could not be placed in this account and were left out (links to
    /// whitespace cells the account does not have).
    pub skipped: Vec<String>,
}

/// Reads a document into `account` for a signed-in user who may edit its plans.
pub async fn import(store: &Store, auth: &Auth, account: AccountId, doc: &PlanDocument) -> Result<Imported> {
    crate::access::require_plan_editor(store, auth, account).await?;
    if doc.plan.status.needs_manager() && !permissions::can_approve_plans(auth.actor()) {
        return Err(AppError::field("plan.status", keyplan_domain::Message::new("doc-err-approve")));
    }
    let imported = import_as(store, auth.org(), auth.id(), account, doc).await?;
    let summary = keyplan_domain::Message::new("stored-plan-imported").arg("goals", doc.goals.len());
    crate::collab::record_activity(store, auth, imported.plan.id, "created", "plan", Some(imported.plan.id.get()), &summary).await;
    Ok(imported)
}

fn invalid(e: DocError) -> AppError {
    AppError::field(&e.path, e.message)
}

/// Reads a document into `account` on behalf of `actor` (the command line, which
/// has no session). Every reference is resolved first: nothing is stored when any
/// part does not fit.
pub async fn import_as(store: &Store, org: OrgId, actor: UserId, account: AccountId, doc: &PlanDocument) -> Result<Imported> {
    document::check(doc).map_err(invalid)?;
    store.account(org, account).await?;
    let template = match store.template_by_key(org, &doc.plan.template).await {
        Ok(t) if !t.retired => t,
        Ok(_) => {
            return Err(AppError::field(
                "plan.template",
                keyplan_domain::Message::new("doc-err-retired").arg("detail", doc.plan.template.as_str()),
            ));
        }
        Err(keyplan_store::StoreError::NotFound) => {
            return Err(AppError::field(
                "plan.template",
                keyplan_domain::Message::new("doc-err-no-template").arg("detail", doc.plan.template.as_str()),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let tdoc = template.doc();
    let (users, existing, whitespace, (settings, _)) = tokio::try_join!(
        store.list_users(org),
        store.contacts(org, account),
        store.whitespace(org, account),
        store.organisation_settings(org)
    )
    .map_err(AppError::from)?;
    // The organisation's size limits, before anything is read further.
    keyplan_domain::settings::within_limit("goals", "err-limit-nodes", 0, doc.placed_nodes().len(), settings.max_nodes_per_plan)?;
    keyplan_domain::settings::within_limit("items", "err-limit-items", 0, doc.items.len(), settings.max_items_per_plan)?;
    // And its ceiling on any one text field, with the path of the first too long.
    let as_json = serde_json::to_value(doc).map_err(|e| AppError::Internal(e.into()))?;
    keyplan_domain::text::within_json("", &as_json, settings.max_text_chars as usize)?;
    for (i, s) in doc.sections.iter().enumerate() {
        if tdoc.section(&s.key).is_none() && s.key != MANAGEMENT_ASKS_KEY {
            return Err(invalid(DocError::new(format!("sections[{i}].key"), no_section(&s.key, &template.name))));
        }
    }
    for (i, it) in doc.items.iter().enumerate() {
        if tdoc.section(&it.section).is_none() {
            return Err(invalid(DocError::new(format!("items[{i}].section"), no_section(&it.section, &template.name))));
        }
    }

    // Contacts: the account's own by name, the others added.
    let mut new_contacts = Vec::new();
    let mut contact_refs: HashMap<&str, ContactRef> = HashMap::new();
    let mut by_name: HashMap<String, ContactRef> =
        existing.iter().map(|c| (c.name.trim().to_lowercase(), ContactRef::Existing(c.id))).collect();
    for (i, c) in doc.contacts.iter().enumerate() {
        // Who calls on them: by e-mail among the organisation's active users, like a commitment's owner.
        let relationship_owner_id = match &c.relationship_owner {
            None => None,
            Some(o) => Some(active_user(&users, o, &format!("contacts[{i}].relationship_owner.email"))?),
        };
        let key = c.name.trim().to_lowercase();
        let r = *by_name.entry(key).or_insert_with(|| {
            new_contacts.push(ContactData {
                name: c.name.trim().to_string(),
                title: c.title.clone(),
                business_unit: c.business_unit.clone(),
                reports_to_id: None,
                buying_role: c.buying_role,
                influence: c.influence,
                attitude: c.attitude,
                relationship_owner_id,
                objective: c.objective.clone(),
                last_contact_date: None,
                email: None,
                phone: None,
                crm_id: None,
            });
            ContactRef::New(new_contacts.len() - 1)
        });
        contact_refs.insert(c.id.as_str(), r);
    }

    // The tree, parents first; owners by e-mail among the organisation's active users.
    let placed = doc.placed_nodes();
    let mut node_index: HashMap<&str, usize> = HashMap::new();
    let mut nodes = Vec::with_capacity(placed.len());
    let mut progress = Vec::new();
    for (i, pl) in placed.iter().enumerate() {
        let n = pl.node;
        node_index.insert(n.id.as_str(), i);
        let owner_id = match &n.owner {
            None => None,
            Some(o) => Some(active_user(&users, o, &format!("{}.owner.email", pl.path))?),
        };
        let state = (n.kind == NodeKind::Commitment).then(|| commitment_state(n, actor, owner_id));
        let write = NodeWrite {
            owner_id,
            author_id: Some(actor),
            start_date: n.start_date,
            due_date: n.due_date,
            done_criterion: n.done_criterion.clone(),
            how: n.how.clone(),
            status: state.as_ref().map(|s| s.status),
            acceptance: state.as_ref().map(|s| s.acceptance),
            decline_reason: state.as_ref().and_then(|s| s.decline_reason.clone()),
            proposed_due_date: state.as_ref().and_then(|s| s.proposed_due_date),
            notes: n.notes.clone(),
            metric: n.metric.clone(),
            baseline: n.baseline,
            target: n.target,
            unit: n.unit.clone(),
            target_date: n.target_date,
            benefit: n.benefit,
            ..NodeWrite::titled(n.title.trim())
        };
        nodes.push(ImportNode {
            kind: n.kind,
            parent: pl.parent,
            write,
            contact: n.contact.as_deref().and_then(|c| contact_refs.get(c).copied()),
            visibility: n.visibility,
        });
        // Notes keep their author when the organisation knows the e-mail; else the importer wrote them.
        for p in &n.progress {
            let author = p
                .author
                .as_ref()
                .and_then(|a| a.email.as_deref())
                .and_then(|e| users.iter().find(|u| u.email.eq_ignore_ascii_case(e.trim())))
                .map_or(actor, |u| u.id);
            let data = keyplan_domain::tree::ProgressData { on: p.on, text: p.text.trim().to_string() };
            progress.push(ImportProgress { node: i, data, author });
        }
    }

    let sections = doc
        .sections
        .iter()
        .map(|s| ImportSection {
            key: s.key.clone(),
            text: SectionText { body: s.body.clone(), so_what: s.so_what.clone() },
            visibility: s.visibility,
        })
        .collect();
    let item_index: HashMap<&str, usize> = doc.items.iter().enumerate().map(|(i, it)| (it.id.as_str(), i)).collect();
    let items = doc
        .items
        .iter()
        .map(|it| ImportItem {
            section_key: it.section.clone(),
            data: ItemData {
                kind: it.kind,
                category: it.category,
                text: it.text.trim().to_string(),
                source: it.source.clone(),
                item_date: it.item_date,
                derived_from_id: None,
                response: it.response.clone(),
            },
            derived_from: it.derived_from.as_deref().and_then(|d| item_index.get(d).copied()),
            visibility: it.visibility,
        })
        .collect();

    let cells: HashMap<DocCell, CellId> = whitespace
        .cells
        .iter()
        .filter_map(|c| {
            let offering = whitespace.offerings.iter().find(|o| o.id == c.offering_id)?;
            let unit = whitespace.units.iter().find(|u| u.id == c.business_unit_id)?;
            Some((DocCell { offering: offering.name.clone(), business_unit: unit.name.clone() }, c.id))
        })
        .collect();
    let mut skipped = Vec::new();
    let mut links = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for l in &doc.links {
        let goal = node_index[l.goal.as_str()];
        let target = if let Some(i) = &l.item {
            LinkTarget::Item(item_index[i.as_str()])
        } else if let Some(s) = &l.section {
            LinkTarget::Section(s.clone())
        } else if let Some(c) = &l.contact {
            LinkTarget::Contact(contact_refs[c.as_str()])
        } else if let Some(cell) = &l.cell {
            match cells.get(cell) {
                Some(id) => LinkTarget::Cell(*id),
                None => {
                    skipped.push(format!("the link to the whitespace cell {} × {}", cell.offering, cell.business_unit));
                    continue;
                }
            }
        } else {
            continue;
        };
        // Two contacts of the document may be one person of the account: link once.
        if seen.insert(format!("{goal}:{target:?}")) {
            links.push(ImportLink { goal, target });
        }
    }

    let kpis = doc
        .kpis
        .iter()
        .map(|k| ImportKpi {
            data: KpiData {
                name: k.name.trim().to_string(),
                unit: k.unit.clone(),
                baseline: k.baseline,
                target: k.target,
                target_date: k.target_date,
                period: k.period,
                goal_id: None,
            },
            goal: k.goal.as_deref().map(|g| node_index[g]),
            visibility: k.visibility,
            actuals: k.actuals.iter().map(|a| ActualData { period_start: a.period_start, value: a.value, note: a.note.clone() }).collect(),
        })
        .collect();

    let import = PlanImport {
        plan: PlanData {
            title: doc.plan.title.trim().to_string(),
            status: doc.plan.status,
            period_start: doc.plan.period_start,
            period_end: doc.plan.period_end,
            customer_title: None,
        },
        template: template.key.clone(),
        new_contacts,
        nodes,
        sections,
        items,
        links,
        kpis,
        progress,
    };
    let contacts_added = import.new_contacts.len();
    keyplan_domain::settings::within_limit(
        "contacts",
        "err-limit-contacts",
        existing.len(),
        contacts_added,
        settings.max_contacts_per_account,
    )?;
    let plan = store.import_plan(org, account, &import, actor).await?;
    // Commitments proposed to someone else: their owners hear of it as from the API.
    let actor_name = users.iter().find(|u| u.id == actor).map(|u| u.name.clone()).unwrap_or_default();
    match store.nodes(org, plan.id).await {
        Ok(stored) => {
            for node in stored.iter().filter(|n| n.kind() == NodeKind::Commitment && n.acceptance() == Some(Acceptance::Proposed)) {
                crate::collab::commitment_proposed(store, org, actor, &actor_name, node).await;
            }
        }
        Err(e) => tracing::warn!(error = %e, plan = plan.id.get(), "reading the imported commitments to notify their owners failed"),
    }
    Ok(Imported { plan, contacts_added, skipped })
}

/// The acceptance state a document's commitment is stored with. The document's
/// state was checked as a whole ([`document::check`], by the rules of the
/// answers); it is kept only for the importer's own commitments. A commitment
/// for someone else is proposed to them, as when it is written through the API:
/// nobody accepts, declines or reports progress for another person by a file.
fn commitment_state(n: &document::DocNode, actor: UserId, owner: Option<UserId>) -> AcceptanceState {
    let own = owner.is_some_and(|o| acceptance::initial(actor, o) == Acceptance::Accepted);
    if own {
        AcceptanceState {
            acceptance: n.acceptance.unwrap_or(Acceptance::Proposed),
            status: n.status.unwrap_or(CommitmentStatus::Open),
            decline_reason: n.decline_reason.clone(),
            proposed_due_date: n.proposed_due_date,
        }
    } else {
        AcceptanceState { acceptance: Acceptance::Proposed, status: CommitmentStatus::Open, decline_reason: None, proposed_due_date: None }
    }
}

/// What [`commitment_state`] decides.
struct AcceptanceState {
    acceptance: Acceptance,
    status: CommitmentStatus,
    decline_reason: Option<String>,
    proposed_due_date: Option<time::Date>,
}

/// The active user of the organisation a document names by e-mail (`path`
/// names the field in errors). A person named only by name (a customer's copy)
/// cannot be placed.
fn active_user(users: &[keyplan_store::User], person: &DocPerson, path: &str) -> Result<UserId> {
    let Some(email) = person.email.as_deref().map(str::trim) else {
        return Err(invalid(DocError::new(path, keyplan_domain::Message::new("doc-err-customer-copy"))));
    };
    users
        .iter()
        .find(|u| u.active && u.email.eq_ignore_ascii_case(email))
        .map(|u| u.id)
        .ok_or_else(|| invalid(DocError::new(path, keyplan_domain::Message::new("doc-err-no-user").arg("detail", email))))
}

fn no_section(key: &str, template: &str) -> keyplan_domain::Message {
    keyplan_domain::Message::new("doc-err-no-template-section").arg("key", key).arg("template", template)
}

#[cfg(test)]
mod tests {
    use keyplan_domain::Lang;
    use keyplan_i18n::Tr;

    use super::*;

    /// The document's problems are messages by code: the same problem reads
    /// in English and German, with ids and names kept as written.
    #[test]
    fn document_problems_read_in_both_languages() {
        let (de, en) = (Tr::new(Lang::De), Tr::new(Lang::En));
        let doc = |kind: &str| {
            format!(
                r#"{{"format": "keyplan-plan", "version": 1,
                "plan": {{"title": "P", "template": "strategic", "period_start": "2027-01-01", "period_end": "2027-12-31"}},
                "goals": [{{"id": "n1", "kind": "{kind}", "title": "Grow"}}]}}"#
            )
        };
        let e = document::parse(doc("hurdle").as_bytes()).unwrap_err();
        assert_eq!(e.path, "goals[0].kind");
        let allowed = "goal, csf, condition, obstacle, commitment";
        assert_eq!(en.msg(&e.message), format!("unknown value \"hurdle\"; allowed: {allowed}"));
        assert_eq!(de.msg(&e.message), de.s2("doc-err-variant-allowed", "detail", "hurdle", "allowed", allowed));
        let e = document::parse(doc("goal").replace(r#""title": "Grow""#, r#""title": " ""#).as_bytes()).unwrap_err();
        assert_eq!((en.msg(&e.message).as_str(), de.msg(&e.message)), ("must not be empty", de.s("err-required")));
        let m = no_section("swot", "Strategic");
        assert_eq!(en.msg(&m), "the template \"Strategic\" has no section \"swot\"");
        assert!(de.msg(&m).contains("„swot“"), "{}", de.msg(&m));
    }
}
