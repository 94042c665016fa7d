//! What a plan says besides its constraint tree: the text of its sections (body
//! and "so what?"), its analysis items, SWOT entries, opportunities and risks, and
//! the links from goals to the evidence behind them.

use keyplan_domain::analysis::{Category, ItemData, ItemKind, LinkKind, SectionText};
use keyplan_domain::tree::NodeKind;
use keyplan_domain::{ContactId, ItemId, LinkId, NodeId, OrgId, PlanId, SectionId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, now, on_pool, on_tx};

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct PlanSection {
    pub id: SectionId,
    pub plan_id: PlanId,
    pub section_key: String,
    pub body: Option<String>,
    pub so_what: Option<String>,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Item {
    pub id: ItemId,
    pub plan_id: PlanId,
    pub section_key: String,
    pub kind: ItemKind,
    pub category: Option<Category>,
    pub text: String,
    pub source: Option<String>,
    pub item_date: Option<Date>,
    pub author_id: Option<UserId>,
    pub derived_from_id: Option<ItemId>,
    pub response: Option<String>,
    pub position: i32,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

impl Item {
    pub fn kind(&self) -> ItemKind {
        self.kind
    }
    pub fn category(&self) -> Option<Category> {
        self.category
    }
    /// "Market", "Strengths", "Risk": how the item is introduced in lists.
    pub fn label(&self) -> &'static str {
        match self.category() {
            Some(c) => c.label(),
            None => self.kind().label(),
        }
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct GoalLink {
    pub id: LinkId,
    pub plan_id: PlanId,
    pub goal_id: NodeId,
    pub target_kind: LinkKind,
    pub target_id: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
}

impl GoalLink {
    pub fn target_kind(&self) -> LinkKind {
        self.target_kind
    }
}

pub(crate) const ITEM_COLUMNS: &str = "id, plan_id, section_key, kind, category, text, source, item_date, author_id, derived_from_id, response, \
    position, version, created_at, updated_at, updated_by";
pub(crate) const SECTION_COLUMNS: &str = "id, plan_id, section_key, body, so_what, version, updated_at, updated_by";
pub(crate) const LINK_COLUMNS: &str = "id, plan_id, goal_id, target_kind, target_id, created_at";

impl Store {
    // --- section text ---------------------------------------------------------------

    pub async fn plan_sections(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<PlanSection>> {
        let sql =
            sqlx::AssertSqlSafe(format!("SELECT {SECTION_COLUMNS} FROM plan_sections WHERE org_id = $1 AND plan_id = $2 ORDER BY id"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    pub async fn plan_section(&self, org: OrgId, plan: PlanId, key: &str) -> StoreResult<Option<PlanSection>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {SECTION_COLUMNS} FROM plan_sections WHERE org_id = $1 AND plan_id = $2 AND section_key = $3"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).bind(key).fetch_optional(p).await)?)
    }

    /// Writes a section's text. `version` is what the writer saw: 0 when the section
    /// had no text yet. A stale version changes nothing and answers Conflict.
    pub async fn save_section(
        &self,
        org: OrgId,
        plan: PlanId,
        key: &str,
        version: i64,
        text: &SectionText,
        actor: UserId,
    ) -> StoreResult<PlanSection> {
        self.plan(org, plan).await?;
        let current = self.plan_section(org, plan, key).await?;
        let conflict = |c: Option<&PlanSection>| StoreError::Conflict { current: c.map(|s| s.version).unwrap_or(0) };
        match current {
            None if version != 0 => Err(conflict(None)),
            None => {
                let sql = sqlx::AssertSqlSafe(format!(
                    "INSERT INTO plan_sections (org_id, plan_id, section_key, body, so_what, updated_at, updated_by) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {SECTION_COLUMNS}"
                ));
                let r: Result<PlanSection, StoreError> =
                    on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).bind(key).bind(&text.body)
                    .bind(&text.so_what).bind(now()).bind(actor).fetch_one(p).await)
                    .map_err(StoreError::from);
                match r {
                    Err(e) if e.is_unique_violation() => Err(conflict(self.plan_section(org, plan, key).await?.as_ref())),
                    other => other,
                }
            }
            Some(c) => {
                let sql = sqlx::AssertSqlSafe(format!(
                    "UPDATE plan_sections SET body = $1, so_what = $2, version = version + 1, updated_at = $3, updated_by = $4 \
                     WHERE org_id = $5 AND id = $6 AND version = $7 RETURNING {SECTION_COLUMNS}"
                ));
                let r: Option<PlanSection> = on_pool!(self, p => sqlx::query_as(sql).bind(&text.body).bind(&text.so_what).bind(now())
                    .bind(actor).bind(org).bind(c.id).bind(version).fetch_optional(p).await)?;
                match r {
                    Some(s) => Ok(s),
                    None => Err(conflict(self.plan_section(org, plan, key).await?.as_ref())),
                }
            }
        }
    }

    // --- items ----------------------------------------------------------------------

    pub async fn items(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<Item>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {ITEM_COLUMNS} FROM plan_items WHERE org_id = $1 AND plan_id = $2 ORDER BY section_key, position, id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    pub async fn item(&self, org: OrgId, id: ItemId) -> StoreResult<Item> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {ITEM_COLUMNS} FROM plan_items WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// An opportunity or risk may name the SWOT entry it comes from: one of the same plan.
    async fn check_derived(&self, org: OrgId, plan: PlanId, data: &ItemData) -> StoreResult<()> {
        if let Some(from) = data.derived_from_id {
            match self.item(org, ItemId::new(from)).await {
                Ok(i) if i.plan_id == plan && i.kind() == ItemKind::Swot => {}
                Ok(_) | Err(StoreError::NotFound) => {
                    return Err(StoreError::invalid("derived_from_id", keyplan_domain::Message::new("err-swot-of-plan")));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    pub async fn create_item(&self, org: OrgId, plan: PlanId, section_key: &str, data: &ItemData, actor: UserId) -> StoreResult<Item> {
        self.plan(org, plan).await?;
        self.check_derived(org, plan, data).await?;
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("UPDATE plans SET version = version WHERE id = $1").bind(plan).execute(c).await.map(|r| r.rows_affected()))?;
        let (next,): (i32,) = on_tx!(self, tx, c => sqlx::query_as(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM plan_items WHERE plan_id = $1 AND section_key = $2")
            .bind(plan).bind(section_key).fetch_one(c).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO plan_items (org_id, plan_id, section_key, kind, category, text, source, item_date, author_id, derived_from_id, \
             response, position, created_at, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $9) \
             RETURNING {ITEM_COLUMNS}"
        ));
        let item: Item = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(org).bind(plan).bind(section_key).bind(data.kind.as_str()).bind(data.category.map(Category::as_str)).bind(&data.text)
            .bind(&data.source).bind(data.item_date).bind(actor).bind(data.derived_from_id).bind(&data.response).bind(next).bind(now())
            .fetch_one(c).await)?;
        tx.commit().await?;
        Ok(item)
    }

    /// Rewrites an item last read at `version`. Its kind and section stay.
    pub async fn update_item(&self, org: OrgId, id: ItemId, version: i64, data: &ItemData, actor: UserId) -> StoreResult<Item> {
        let current = self.item(org, id).await?;
        if current.kind() != data.kind {
            return Err(StoreError::invalid(
                "kind",
                keyplan_domain::Message::new("err-item-kind-stays").arg("kind", current.kind().as_str()),
            ));
        }
        if data.derived_from_id == Some(id.get()) {
            return Err(StoreError::invalid("derived_from_id", keyplan_domain::Message::new("err-derived-self")));
        }
        self.check_derived(org, current.plan_id, data).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE plan_items SET category = $1, text = $2, source = $3, item_date = $4, derived_from_id = $5, response = $6, \
             version = version + 1, updated_at = $7, updated_by = $8 WHERE org_id = $9 AND id = $10 AND version = $11 RETURNING {ITEM_COLUMNS}"
        ));
        let r: Option<Item> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(data.category.map(Category::as_str)).bind(&data.text).bind(&data.source).bind(data.item_date).bind(data.derived_from_id)
            .bind(&data.response).bind(now()).bind(actor).bind(org).bind(id).bind(version).fetch_optional(p).await)?;
        match r {
            Some(i) => Ok(i),
            None => Err(StoreError::Conflict { current: self.item(org, id).await?.version }),
        }
    }

    /// Deletes an item and the links that named it as evidence.
    pub async fn delete_item(&self, org: OrgId, id: ItemId) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("DELETE FROM goal_links WHERE org_id = $1 AND target_kind = 'item' AND target_id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        let n = on_tx!(self, tx, c => sqlx::query("DELETE FROM plan_items WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await
    }

    /// Swaps an item with its neighbour within its section.
    pub async fn move_item(&self, org: OrgId, id: ItemId, up: bool) -> StoreResult<bool> {
        let me = self.item(org, id).await?;
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("UPDATE plans SET version = version WHERE id = $1").bind(me.plan_id).execute(c).await.map(|r| r.rows_affected()))?;
        let sql = if up {
            "SELECT id, position FROM plan_items WHERE plan_id = $1 AND section_key = $2 AND (position < $3 OR (position = $3 AND id < $4)) \
             ORDER BY position DESC, id DESC LIMIT 1"
        } else {
            "SELECT id, position FROM plan_items WHERE plan_id = $1 AND section_key = $2 AND (position > $3 OR (position = $3 AND id > $4)) \
             ORDER BY position, id LIMIT 1"
        };
        let other: Option<(ItemId, i32)> = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(me.plan_id).bind(&me.section_key).bind(me.position).bind(id).fetch_optional(c).await)?;
        let Some((other_id, other_pos)) = other else { return Ok(false) };
        let (a, b) = crate::swapped(me.position, other_pos, up);
        on_tx!(self, tx, c => sqlx::query("UPDATE plan_items SET position = $1 WHERE id = $2").bind(a).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("UPDATE plan_items SET position = $1 WHERE id = $2").bind(b).bind(other_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    // --- links ----------------------------------------------------------------------

    pub async fn goal_links(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<GoalLink>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {LINK_COLUMNS} FROM goal_links WHERE org_id = $1 AND plan_id = $2 ORDER BY id"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    pub async fn goal_link(&self, org: OrgId, id: LinkId) -> StoreResult<GoalLink> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {LINK_COLUMNS} FROM goal_links WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// Links a goal of `plan` to evidence of the same plan (items, section
    /// conclusions) or of its account (whitespace cells, contacts). Linking twice
    /// answers the existing link.
    pub async fn create_link(
        &self,
        org: OrgId,
        plan: PlanId,
        goal: NodeId,
        kind: LinkKind,
        target: i64,
        actor: UserId,
    ) -> StoreResult<GoalLink> {
        let plan_row = self.plan(org, plan).await?;
        match self.node(org, goal).await {
            Ok(n) if n.plan_id == plan && n.kind() == NodeKind::Goal => {}
            Ok(_) | Err(StoreError::NotFound) => {
                return Err(StoreError::invalid("goal_id", keyplan_domain::Message::new("err-goal-of-this-plan")));
            }
            Err(e) => return Err(e),
        }
        let exists_sql = match kind {
            LinkKind::Item => "SELECT COUNT(*) FROM plan_items WHERE org_id = $1 AND id = $2 AND plan_id = $3",
            LinkKind::Section => {
                "SELECT COUNT(*) FROM plan_sections WHERE org_id = $1 AND id = $2 AND plan_id = $3 AND so_what IS NOT NULL AND so_what <> ''"
            }
            LinkKind::Cell => "SELECT COUNT(*) FROM whitespace_cells WHERE org_id = $1 AND id = $2 AND account_id = $3",
            LinkKind::Contact => "SELECT COUNT(*) FROM contacts WHERE org_id = $1 AND id = $2 AND account_id = $3",
        };
        // The scope: the plan for its own items and sections, the account for cells and contacts.
        let scope = match kind {
            LinkKind::Item | LinkKind::Section => plan.get(),
            LinkKind::Cell | LinkKind::Contact => plan_row.account_id.get(),
        };
        let (n,): (i64,) = on_pool!(self, p => sqlx::query_as(exists_sql).bind(org).bind(target).bind(scope).fetch_one(p).await)?;
        if n == 0 {
            let code = match kind {
                LinkKind::Item => "err-link-item",
                LinkKind::Section => "err-link-section",
                LinkKind::Cell => "err-link-cell",
                LinkKind::Contact => "err-link-contact",
            };
            return Err(StoreError::invalid("target_id", keyplan_domain::Message::new(code)));
        }
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO goal_links (org_id, plan_id, goal_id, target_kind, target_id, created_at, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {LINK_COLUMNS}"
        ));
        let r: Result<GoalLink, StoreError> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).bind(goal).bind(kind.as_str())
            .bind(target).bind(now()).bind(actor).fetch_one(p).await)
        .map_err(StoreError::from);
        match r {
            Err(e) if e.is_unique_violation() => {
                let sql = sqlx::AssertSqlSafe(format!(
                    "SELECT {LINK_COLUMNS} FROM goal_links WHERE org_id = $1 AND goal_id = $2 AND target_kind = $3 AND target_id = $4"
                ));
                on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(goal).bind(kind.as_str()).bind(target).fetch_optional(p).await)?
                    .found()
            }
            other => other,
        }
    }

    pub async fn delete_link(&self, org: OrgId, id: LinkId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM goal_links WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    /// Removes the links that name a contact (when the contact goes).
    pub(crate) async fn unlink_contact(&self, org: OrgId, contact: ContactId) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM goal_links WHERE org_id = $1 AND target_kind = 'contact' AND target_id = $2")
            .bind(org).bind(contact).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
