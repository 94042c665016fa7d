//! The open plan document (see [`keyplan_domain::document`]): written from a plan
//! bundle for one audience, and read back into an account as a new plan.

use std::collections::HashMap;

use keyplan_domain::analysis::{ItemData, SectionText};
use keyplan_domain::contact::ContactData;
use keyplan_domain::document::{self, DocCell, DocError, PlanDocument};
use keyplan_domain::kpi::{ActualData, KpiData};
use keyplan_domain::plan::PlanData;
use keyplan_domain::tree::{Acceptance, NodeKind};
use keyplan_domain::{AccountId, CellId, OrgId, UserId, permissions};
use keyplan_store::{
    ContactRef, ImportItem, ImportKpi, ImportLink, ImportNode, ImportSection, LinkTarget, NodeWrite, Plan, PlanImport, Store,
};

use crate::AppError;
use crate::Result;
use crate::audience::MANAGEMENT_ASKS_KEY;
use crate::auth::Auth;
use keyplan_i18n::Tr;

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
        return Err(AppError::field("plan.status", "only a manager can approve a plan: import it as draft or active"));
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
        Ok(_) => return Err(AppError::field("plan.template", format!("the template \"{}\" is retired", doc.plan.template))),
        Err(keyplan_store::StoreError::NotFound) => {
            return Err(AppError::field("plan.template", format!("this organisation has no template \"{}\"", doc.plan.template)));
        }
        Err(e) => return Err(e.into()),
    };
    let tdoc = template.doc();
    let (users, existing, whitespace) =
        tokio::try_join!(store.list_users(org), store.contacts(org, account), store.whitespace(org, account)).map_err(AppError::from)?;
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
    for c in &doc.contacts {
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
                relationship_owner_id: None,
                objective: c.objective.clone(),
                last_contact_date: None,
                email: None,
                phone: None,
            });
            ContactRef::New(new_contacts.len() - 1)
        });
        contact_refs.insert(c.id.as_str(), r);
    }

    // The tree, parents first; owners by e-mail among the organisation's active users.
    let placed = doc.placed_nodes();
    let mut node_index: HashMap<&str, usize> = HashMap::new();
    let mut nodes = Vec::with_capacity(placed.len());
    for (i, pl) in placed.iter().enumerate() {
        let n = pl.node;
        node_index.insert(n.id.as_str(), i);
        let owner_id = match &n.owner {
            None => None,
            Some(o) => {
                let path = format!("{}.owner.email", pl.path);
                let Some(email) = o.email.as_deref().map(str::trim) else {
                    let msg = "the owner has no e-mail (a customer's copy names people only): import the team's document";
                    return Err(invalid(DocError::new(path, msg)));
                };
                let u = users
                    .iter()
                    .find(|u| u.active && u.email.eq_ignore_ascii_case(email))
                    .ok_or_else(|| invalid(DocError::new(path, format!("no active user with the e-mail {email} in this organisation"))))?;
                Some(u.id)
            }
        };
        let commitment = n.kind == NodeKind::Commitment;
        let write = NodeWrite {
            owner_id,
            author_id: Some(actor),
            start_date: n.start_date,
            due_date: n.due_date,
            done_criterion: n.done_criterion.clone(),
            status: n.status.or(commitment.then_some(keyplan_domain::tree::CommitmentStatus::Open)),
            acceptance: n.acceptance.or(commitment.then_some(Acceptance::Proposed)),
            decline_reason: n.decline_reason.clone(),
            proposed_due_date: n.proposed_due_date,
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
        },
        template: template.key.clone(),
        new_contacts,
        nodes,
        sections,
        items,
        links,
        kpis,
    };
    let contacts_added = import.new_contacts.len();
    let plan = store.import_plan(org, account, &import, actor).await?;
    Ok(Imported { plan, contacts_added, skipped })
}

fn no_section(key: &str, template: &str) -> String {
    format!("the template \"{template}\" has no section \"{key}\"")
}

/// A problem with a plan document in `t`'s language, for the import form: the
/// checks write English; the known forms are rebuilt, titles and ids stay.
pub fn problem_of(m: &keyplan_domain::Message, t: Tr) -> String {
    match keyplan_domain::validate::field_text(m) {
        Some(text) => problem_in(text, t),
        None => t.msg(m),
    }
}

/// [`problem_of`] for a check's English sentence.
pub fn problem_in(m: &str, t: Tr) -> String {
    if t.lang == keyplan_domain::Lang::En {
        return m.to_string();
    }
    let fixed = [
        ("every commitment needs an owner", "doc-err-owner"),
        ("must be an e-mail address", "doc-err-email"),
        ("must be 1 to 5", "doc-err-influence"),
        ("must be a JSON object", "doc-err-object"),
        ("must differ from the baseline", "doc-err-baseline"),
        ("must name exactly one of item, section, contact or cell", "doc-err-one-target"),
        ("name the owner's e-mail", "doc-err-owner-email"),
        ("only a declined commitment has a decline reason", "doc-err-decline-reason"),
        ("only opportunities and risks are derived from a SWOT entry", "doc-err-derived"),
        ("the same link is listed twice", "doc-err-link-twice"),
        ("this period has a value already", "doc-err-period-twice"),
        ("only a commitment with acceptance date_proposed has a proposed due date", "doc-err-proposed-date"),
        ("the owner has no e-mail (a customer's copy names people only): import the team's document", "doc-err-customer-copy"),
        ("only a manager can approve a plan: import it as draft or active", "doc-err-approve"),
    ];
    if let Some((_, id)) = fixed.iter().find(|(english, _)| *english == m) {
        return t.s(id);
    }
    // `"n3" is not the id of a goal in this document` and its kin.
    if let Some((id, rest)) = m.strip_prefix('"').and_then(|r| r.split_once("\" ")) {
        let which = match rest {
            "is used twice" => Some("doc-err-twice"),
            "is not the id of a goal in this document" => Some("doc-err-no-goal"),
            "is not the id of an item in this document" => Some("doc-err-no-item"),
            "is not the id of a contact in this document" => Some("doc-err-no-contact"),
            "is not the id of a SWOT entry in this document" => Some("doc-err-no-swot"),
            "is not a section with a \"so what?\" in this document" => Some("doc-err-no-section"),
            _ => None,
        };
        if let Some(which) = which {
            return t.s1(which, "id", id);
        }
    }
    let prefixed = [
        ("no active user with the e-mail ", " in this organisation", "doc-err-no-user"),
        ("must be the first day of a ", "", "doc-err-first-day"),
        ("this organisation has no template \"", "\"", "doc-err-no-template"),
        ("the template \"", "\" is retired", "doc-err-retired"),
        ("not valid JSON ", "", "doc-err-json"),
        ("this is a version ", " document; this keyplan reads version 1", "doc-err-version"),
        ("unknown variant `", "", "doc-err-variant"),
        ("unknown field `", "", "doc-err-field"),
        ("missing field `", "`", "doc-err-missing"),
        ("invalid type: ", "", "doc-err-type"),
    ];
    for (prefix, suffix, id) in prefixed {
        if let Some(detail) = m.strip_prefix(prefix).and_then(|r| r.strip_suffix(suffix)) {
            // serde: "unknown variant `hurdle`, expected one of `goal`, `csf`".
            if let Some((name, expected)) = detail.split_once("`, expected ") {
                let allowed = expected.trim_start_matches("one of ").replace('`', "");
                return t.s2(&format!("{id}-allowed"), "detail", name.replace('`', ""), "allowed", allowed);
            }
            return t.s1(id, "detail", detail.replace('`', ""));
        }
    }
    t.field_error(m)
}

#[cfg(test)]
mod tests {
    use keyplan_domain::Lang;

    use super::*;

    #[test]
    fn document_problems_read_in_german() {
        let de = Tr::new(Lang::De);
        assert_eq!(problem_in("every commitment needs an owner", de), de.s("doc-err-owner"));
        assert_eq!(problem_in("\"n9\" is not the id of a goal in this document", de), de.s1("doc-err-no-goal", "id", "n9"));
        assert_eq!(
            problem_in("unknown variant `hurdle`, expected one of `goal`, `csf`", de),
            de.s2("doc-err-variant-allowed", "detail", "hurdle", "allowed", "goal, csf")
        );
        assert_eq!(problem_in("missing field `title`", de), de.s1("doc-err-missing", "detail", "title"));
        assert_eq!(problem_in("must not be empty", de), de.s("err-required"));
        assert_eq!(problem_in("every commitment needs an owner", Tr::new(Lang::En)), "every commitment needs an owner");
    }
}
