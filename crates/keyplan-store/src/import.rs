//! A whole plan written at once, in one transaction: an imported plan document
//! either arrives complete or not at all.

use keyplan_domain::analysis::{Category, ItemData, LinkKind, SectionText};
use keyplan_domain::audience::Visibility;
use keyplan_domain::contact::ContactData;
use keyplan_domain::kpi::{ActualData, KpiData};
use keyplan_domain::plan::PlanData;
use keyplan_domain::tree::NodeKind;
use keyplan_domain::{AccountId, CellId, ContactId, OrgId, UserId};

use crate::nodes::NodeWrite;
use crate::{Plan, Store, StoreError, StoreResult, now, on_tx};

/// A contact the plan refers to: one the account has, or one to create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactRef {
    Existing(ContactId),
    /// The index into [`PlanImport::new_contacts`].
    New(usize),
}

#[derive(Clone, Debug)]
pub struct ImportNode {
    pub kind: NodeKind,
    /// The index of the parent in [`PlanImport::nodes`]; parents come first.
    pub parent: Option<usize>,
    /// Everything but the contact, which is `contact`.
    pub write: NodeWrite,
    pub contact: Option<ContactRef>,
    pub visibility: Visibility,
}

#[derive(Clone, Debug)]
pub struct ImportSection {
    pub key: String,
    pub text: SectionText,
    pub visibility: Visibility,
}

#[derive(Clone, Debug)]
pub struct ImportItem {
    pub section_key: String,
    /// `derived_from_id` is ignored: see `derived_from`.
    pub data: ItemData,
    /// The index of the SWOT entry in [`PlanImport::items`] it comes from.
    pub derived_from: Option<usize>,
    pub visibility: Visibility,
}

#[derive(Clone, Debug)]
pub enum LinkTarget {
    /// An index into [`PlanImport::items`].
    Item(usize),
    /// A section key (the section's "so what?").
    Section(String),
    Contact(ContactRef),
    Cell(CellId),
}

#[derive(Clone, Debug)]
pub struct ImportLink {
    /// The index of the goal in [`PlanImport::nodes`].
    pub goal: usize,
    pub target: LinkTarget,
}

#[derive(Clone, Debug)]
pub struct ImportKpi {
    /// `goal_id` is ignored: see `goal`.
    pub data: KpiData,
    pub goal: Option<usize>,
    pub visibility: Visibility,
    pub actuals: Vec<ActualData>,
}

/// A dated progress note on a commitment of the import.
#[derive(Clone, Debug)]
pub struct ImportProgress {
    /// The index of the commitment in [`PlanImport::nodes`].
    pub node: usize,
    pub data: keyplan_domain::tree::ProgressData,
    pub author: UserId,
}

/// A plan with everything in it, its references already resolved by the caller.
#[derive(Clone, Debug)]
pub struct PlanImport {
    pub plan: PlanData,
    pub template: String,
    pub new_contacts: Vec<ContactData>,
    pub nodes: Vec<ImportNode>,
    pub sections: Vec<ImportSection>,
    pub items: Vec<ImportItem>,
    pub links: Vec<ImportLink>,
    pub kpis: Vec<ImportKpi>,
    /// Progress notes, newest first (stored oldest first, so that notes of one
    /// day keep their order).
    pub progress: Vec<ImportProgress>,
}

fn bad_index(what: &str) -> StoreError {
    StoreError::invalid(what, keyplan_domain::Message::new("err-bad-index"))
}

impl Store {
    /// Creates the plan in `account` with all its parts; nothing is stored if any part fails.
    pub async fn import_plan(&self, org: OrgId, account: AccountId, import: &PlanImport, actor: UserId) -> StoreResult<Plan> {
        let t = match self.template_by_key(org, &import.template).await {
            Ok(t) if !t.retired => t,
            Ok(_) => {
                return Err(StoreError::invalid(
                    "template",
                    keyplan_domain::Message::new("err-template-retired").arg("name", import.template.as_str()),
                ));
            }
            Err(StoreError::NotFound) => {
                return Err(StoreError::invalid(
                    "template",
                    keyplan_domain::Message::new("err-no-template").arg("name", import.template.as_str()),
                ));
            }
            Err(e) => return Err(e),
        };
        let now = now();
        let mut tx = self.begin().await?;
        let (found,): (i64,) = on_tx!(self, tx, c => sqlx::query_as("SELECT COUNT(*) FROM accounts WHERE org_id = $1 AND id = $2")
            .bind(org).bind(account).fetch_one(c).await)?;
        if found == 0 {
            return Err(StoreError::NotFound);
        }
        let d = &import.plan;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO plans (org_id, account_id, title, template, template_version_id, status, period_start, period_end, created_by, \
             created_at, updated_at, updated_by, customer_title) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $9, $11) {}",
            crate::plans::RETURNING
        ));
        let plan: Plan = on_tx!(self, tx, c => sqlx::query_as(sql).bind(org).bind(account).bind(&d.title).bind(&t.key).bind(t.version_id)
            .bind(d.status.as_str()).bind(d.period_start).bind(d.period_end).bind(actor).bind(now).bind(&d.customer_title).fetch_one(c).await)?;

        let mut contacts = Vec::with_capacity(import.new_contacts.len());
        for cd in &import.new_contacts {
            let (id,): (ContactId,) = on_tx!(self, tx, c => sqlx::query_as(
                "INSERT INTO contacts (org_id, account_id, name, title, business_unit, buying_role, influence, attitude, objective, \
                 relationship_owner_id, created_at, updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $12, $10, $10, $11) RETURNING id")
                .bind(org).bind(account).bind(&cd.name).bind(&cd.title).bind(&cd.business_unit).bind(cd.buying_role.map(|r| r.as_str()))
                .bind(cd.influence).bind(cd.attitude.map(|a| a.as_str())).bind(&cd.objective).bind(now).bind(actor)
                .bind(cd.relationship_owner_id).fetch_one(c).await)?;
            contacts.push(id);
        }
        let contact = |r: ContactRef| -> StoreResult<ContactId> {
            match r {
                ContactRef::Existing(id) => Ok(id),
                ContactRef::New(i) => contacts.get(i).copied().ok_or_else(|| bad_index("contact")),
            }
        };

        let mut nodes = Vec::with_capacity(import.nodes.len());
        let mut positions: std::collections::HashMap<Option<usize>, i32> = std::collections::HashMap::new();
        for n in &import.nodes {
            let parent = match n.parent {
                None => None,
                Some(i) => Some(*nodes.get(i).ok_or_else(|| bad_index("parent"))?),
            };
            let pos = positions.entry(n.parent).or_insert(0);
            *pos += 1;
            let w = &n.write;
            let contact_id = n.contact.map(contact).transpose()?;
            let (id,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
                "INSERT INTO nodes (org_id, plan_id, parent_id, kind, position, title, notes, metric, baseline, target, unit, target_date, \
                 owner_id, contact_id, author_id, start_date, due_date, done_criterion, status, acceptance, decline_reason, proposed_due_date, \
                 created_at, updated_at, updated_by, benefit, visibility, how) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, \
                 $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23, $15, $24, $25, $26) RETURNING id")
                .bind(org).bind(plan.id).bind(parent).bind(n.kind.as_str()).bind(*pos).bind(&w.title).bind(&w.notes).bind(&w.metric)
                .bind(w.baseline).bind(w.target).bind(&w.unit).bind(w.target_date).bind(w.owner_id).bind(contact_id).bind(actor)
                .bind(w.start_date).bind(w.due_date).bind(&w.done_criterion).bind(w.status.map(|s| s.as_str()))
                .bind(w.acceptance.map(|a| a.as_str())).bind(&w.decline_reason).bind(w.proposed_due_date).bind(now)
                .bind(w.benefit.map(|b| b.as_str())).bind(n.visibility.as_str()).bind(&w.how).fetch_one(c).await)?;
            nodes.push(id);
        }
        for p in import.progress.iter().rev() {
            let node = *nodes.get(p.node).ok_or_else(|| bad_index("progress"))?;
            on_tx!(self, tx, c => sqlx::query(
                "INSERT INTO progress_notes (org_id, plan_id, node_id, author_id, note_on, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(org).bind(plan.id).bind(node).bind(p.author).bind(p.data.on).bind(&p.data.text).bind(now)
                .execute(c).await.map(|r| r.rows_affected()))?;
        }

        let mut sections = std::collections::HashMap::new();
        for s in &import.sections {
            let (id,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
                "INSERT INTO plan_sections (org_id, plan_id, section_key, body, so_what, updated_at, updated_by, visibility) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
                .bind(org).bind(plan.id).bind(&s.key).bind(&s.text.body).bind(&s.text.so_what).bind(now).bind(actor)
                .bind(s.visibility.as_str()).fetch_one(c).await)?;
            sections.insert(s.key.as_str(), id);
        }

        let mut items = Vec::with_capacity(import.items.len());
        let mut item_positions: std::collections::HashMap<&str, i32> = std::collections::HashMap::new();
        for it in &import.items {
            let pos = item_positions.entry(it.section_key.as_str()).or_insert(0);
            *pos += 1;
            let data = &it.data;
            let (id,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
                "INSERT INTO plan_items (org_id, plan_id, section_key, kind, category, text, source, item_date, author_id, derived_from_id, \
                 response, position, created_at, updated_at, updated_by, visibility) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $9, $14) RETURNING id")
                .bind(org).bind(plan.id).bind(&it.section_key).bind(data.kind.as_str()).bind(data.category.map(Category::as_str))
                .bind(&data.text).bind(&data.source).bind(data.item_date).bind(actor).bind(None::<i64>).bind(&data.response).bind(*pos)
                .bind(now).bind(it.visibility.as_str()).fetch_one(c).await)?;
            items.push(id);
        }
        // An opportunity may come before the SWOT entry it is derived from: link them once all are in.
        for (it, id) in import.items.iter().zip(&items) {
            if let Some(from) = it.derived_from {
                let from = *items.get(from).ok_or_else(|| bad_index("derived_from"))?;
                on_tx!(self, tx, c => sqlx::query("UPDATE plan_items SET derived_from_id = $1 WHERE id = $2")
                    .bind(from).bind(*id).execute(c).await.map(|r| r.rows_affected()))?;
            }
        }

        for l in &import.links {
            let goal = *nodes.get(l.goal).ok_or_else(|| bad_index("goal"))?;
            let (kind, target) = match &l.target {
                LinkTarget::Item(i) => (LinkKind::Item, *items.get(*i).ok_or_else(|| bad_index("item"))?),
                LinkTarget::Section(key) => (LinkKind::Section, *sections.get(key.as_str()).ok_or_else(|| bad_index("section"))?),
                LinkTarget::Contact(r) => (LinkKind::Contact, contact(*r)?.get()),
                LinkTarget::Cell(id) => (LinkKind::Cell, id.get()),
            };
            on_tx!(self, tx, c => sqlx::query(
                "INSERT INTO goal_links (org_id, plan_id, goal_id, target_kind, target_id, created_at, created_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(org).bind(plan.id).bind(goal).bind(kind.as_str()).bind(target).bind(now).bind(actor)
                .execute(c).await.map(|r| r.rows_affected()))?;
        }

        for (pos, k) in import.kpis.iter().enumerate() {
            let goal = match k.goal {
                None => None,
                Some(i) => Some(*nodes.get(i).ok_or_else(|| bad_index("goal"))?),
            };
            let d = &k.data;
            let (id,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
                "INSERT INTO kpis (org_id, plan_id, goal_id, name, unit, baseline, target, target_date, period, position, created_at, \
                 updated_at, updated_by, visibility) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13) RETURNING id")
                .bind(org).bind(plan.id).bind(goal).bind(&d.name).bind(&d.unit).bind(d.baseline).bind(d.target).bind(d.target_date)
                .bind(d.period.as_str()).bind(pos as i32 + 1).bind(now).bind(actor).bind(k.visibility.as_str()).fetch_one(c).await)?;
            for a in &k.actuals {
                on_tx!(self, tx, c => sqlx::query(
                    "INSERT INTO kpi_actuals (org_id, kpi_id, period_start, value, note, recorded_by, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(org).bind(id).bind(a.period_start).bind(a.value).bind(&a.note).bind(actor).bind(now)
                    .execute(c).await.map(|r| r.rows_affected()))?;
            }
        }
        tx.commit().await?;
        Ok(plan)
    }
}
