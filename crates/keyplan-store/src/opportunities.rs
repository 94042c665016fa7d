//! Opportunities: an account's deals, each optionally linked to a goal of one
//! of the account's plans and to a cell of its whitespace matrix.
//!
//! For the CRM import, which writes many rows in one transaction, the
//! `*_in` functions run inside a caller's [`Tx`]:
//! [`Store::opportunity_by_crm_key_in`], [`Store::insert_opportunity_in`] and
//! [`Store::update_opportunity_in`]. They check references the same way the
//! single-record calls do. On PostgreSQL a failed statement ends the
//! transaction, so look an id up before inserting rather than catching the
//! unique violation.

use keyplan_domain::crm::OppStatus;
use keyplan_domain::opportunity::OpportunityData;
use keyplan_domain::{AccountId, CellId, Message, NodeId, OpportunityId, OrgId, PlanId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, Tx, now, on_pool, on_tx};

/// An opportunity as stored.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Opportunity {
    pub id: OpportunityId,
    pub org_id: OrgId,
    pub account_id: AccountId,
    pub crm_id: Option<String>,
    /// The canonical form of `crm_id` (see `keyplan_domain::crm::CrmId::key`).
    pub crm_key: Option<String>,
    pub name: String,
    pub stage: Option<String>,
    pub status: OppStatus,
    pub amount: Option<f64>,
    pub currency: String,
    pub probability: Option<i16>,
    pub close_date: Option<Date>,
    pub owner_id: Option<UserId>,
    pub next_step: Option<String>,
    pub goal_id: Option<NodeId>,
    pub whitespace_cell_id: Option<CellId>,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

/// A goal an opportunity of the account may be linked to.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct GoalChoice {
    pub id: NodeId,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub title: String,
    pub unit: Option<String>,
}

pub(crate) const COLUMNS: &str = "o.id, o.org_id, o.account_id, o.crm_id, o.crm_key, o.name, o.stage, o.status, o.amount, o.currency, \
    o.probability, o.close_date, o.owner_id, o.next_step, o.goal_id, o.whitespace_cell_id, o.version, o.created_at, o.updated_at, o.updated_by";

/// The columns as `RETURNING` names them (no table alias there).
fn returning() -> String {
    COLUMNS.replace("o.", "")
}

pub(crate) const ORDER_KEYS: &str = "o.close_date IS NULL, o.close_date, LOWER(o.name), o.id";

impl Store {
    /// The account's opportunities, soonest close date first (undated last).
    pub async fn opportunities(&self, org: OrgId, account: AccountId) -> StoreResult<Vec<Opportunity>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM opportunities o WHERE o.org_id = $1 AND o.account_id = $2 ORDER BY {ORDER_KEYS}"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(account).fetch_all(p).await)?)
    }

    /// The opportunities linked to any goal of the plan, in one statement
    /// (the plan page, story, briefing and exports sum them per goal).
    pub async fn plan_opportunities(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<Opportunity>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM opportunities o JOIN nodes n ON n.id = o.goal_id AND n.org_id = o.org_id \
             WHERE o.org_id = $1 AND n.plan_id = $2 AND n.kind = 'goal' ORDER BY {ORDER_KEYS}"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    /// The goals of every plan of the account (newest plan first), for the
    /// opportunity form's goal choice and the account page's goal column.
    pub async fn opportunity_goal_choices(&self, org: OrgId, account: AccountId) -> StoreResult<Vec<GoalChoice>> {
        const SQL: &str = "SELECT n.id, n.plan_id, p.title AS plan_title, n.title, n.unit FROM nodes n JOIN plans p ON p.id = n.plan_id \
            WHERE n.org_id = $1 AND p.org_id = $1 AND p.account_id = $2 AND n.kind = 'goal' \
            ORDER BY p.period_start DESC, p.id DESC, n.position, n.id";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(account).fetch_all(p).await)?)
    }

    pub async fn opportunity(&self, org: OrgId, id: OpportunityId) -> StoreResult<Opportunity> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM opportunities o WHERE o.org_id = $1 AND o.id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// The organisation's opportunity with this CRM id key (`CrmId::key()`), if any.
    pub async fn opportunity_by_crm_key(&self, org: OrgId, key: &str) -> StoreResult<Option<Opportunity>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM opportunities o WHERE o.org_id = $1 AND o.crm_key = $2"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(key).fetch_optional(p).await)?)
    }

    /// [`Store::opportunity_by_crm_key`] inside the caller's transaction.
    pub(crate) async fn opportunity_by_crm_key_in(&self, tx: &mut Tx, org: OrgId, key: &str) -> StoreResult<Option<Opportunity>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM opportunities o WHERE o.org_id = $1 AND o.crm_key = $2"));
        Ok(on_tx!(self, *tx, c => sqlx::query_as(sql).bind(org).bind(key).fetch_optional(c).await)?)
    }

    /// An opportunity of the account without a CRM id, by name (without case),
    /// inside the caller's transaction: how rows of exports that carry no ids
    /// (a Pipedrive import sheet) find the deal again.
    pub(crate) async fn opportunity_without_id_in(
        &self,
        tx: &mut Tx,
        org: OrgId,
        account: AccountId,
        name: &str,
    ) -> StoreResult<Option<Opportunity>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM opportunities o WHERE o.org_id = $1 AND o.account_id = $2 AND o.crm_key IS NULL \
             AND LOWER(o.name) = $3 ORDER BY o.id LIMIT 1"
        ));
        let name = name.trim().to_lowercase();
        Ok(on_tx!(self, *tx, c => sqlx::query_as(sql).bind(org).bind(account).bind(&name).fetch_optional(c).await)?)
    }

    /// Moves an opportunity to another account inside the caller's
    /// transaction (the CRM moved the deal); its goal and cell links, which
    /// belong to the old account, are cleared.
    pub(crate) async fn move_opportunity_in(&self, tx: &mut Tx, org: OrgId, id: OpportunityId, account: AccountId) -> StoreResult<()> {
        const SQL: &str =
            "UPDATE opportunities SET account_id = $1, goal_id = NULL, whitespace_cell_id = NULL WHERE org_id = $2 AND id = $3";
        let n = on_tx!(self, *tx, c => sqlx::query(SQL).bind(account).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        (n == 1).then_some(()).found()
    }

    pub async fn create_opportunity(
        &self,
        org: OrgId,
        account: AccountId,
        data: &OpportunityData,
        actor: UserId,
    ) -> StoreResult<Opportunity> {
        let mut tx = self.begin().await?;
        let created = self.insert_opportunity_in(&mut tx, org, account, data, actor).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Writes `data` over the opportunity if it is still at `version`; else
    /// [`StoreError::Conflict`] with the version it is at.
    pub async fn update_opportunity(
        &self,
        org: OrgId,
        id: OpportunityId,
        version: i64,
        data: &OpportunityData,
        actor: UserId,
    ) -> StoreResult<Opportunity> {
        let mut tx = self.begin().await?;
        let updated = self.update_opportunity_in(&mut tx, org, id, Some(version), data, actor).await?;
        tx.commit().await?;
        Ok(updated)
    }

    pub async fn delete_opportunity(&self, org: OrgId, id: OpportunityId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM opportunities WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    /// Inserts an opportunity of `account` inside the caller's transaction, after
    /// checking the account, owner, goal and cell belong to the organisation (and
    /// the goal and cell to the account). A CRM id another opportunity of the
    /// organisation has (by key) is a field error on `crm_id`.
    pub(crate) async fn insert_opportunity_in(
        &self,
        tx: &mut Tx,
        org: OrgId,
        account: AccountId,
        data: &OpportunityData,
        actor: UserId,
    ) -> StoreResult<Opportunity> {
        self.check_opportunity_refs(tx, org, account, data).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO opportunities (org_id, account_id, crm_id, crm_key, name, stage, status, amount, currency, probability, \
             close_date, owner_id, next_step, goal_id, whitespace_cell_id, created_at, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17) RETURNING {}",
            returning()
        ));
        let r: StoreResult<Opportunity> = on_tx!(self, *tx, c => sqlx::query_as(sql)
            .bind(org).bind(account).bind(&data.crm_id).bind(data.crm_key()).bind(&data.name).bind(&data.stage)
            .bind(data.status.as_str()).bind(data.amount).bind(&data.currency).bind(data.probability).bind(data.close_date)
            .bind(data.owner_id).bind(&data.next_step).bind(data.goal_id).bind(data.whitespace_cell_id)
            .bind(now()).bind(actor).fetch_one(c).await)
        .map_err(StoreError::from);
        r.map_err(crm_id_taken)
    }

    /// Updates an opportunity inside the caller's transaction. `version`: the
    /// version the caller read (a stale one is [`StoreError::Conflict`]); `None`
    /// overwrites whatever is stored (an import holds the CRM as the source).
    pub(crate) async fn update_opportunity_in(
        &self,
        tx: &mut Tx,
        org: OrgId,
        id: OpportunityId,
        version: Option<i64>,
        data: &OpportunityData,
        actor: UserId,
    ) -> StoreResult<Opportunity> {
        let current_sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM opportunities o WHERE o.org_id = $1 AND o.id = $2"));
        let current: Opportunity =
            on_tx!(self, *tx, c => sqlx::query_as(current_sql).bind(org).bind(id).fetch_optional(c).await)?.found()?;
        if let Some(v) = version
            && v != current.version
        {
            return Err(StoreError::Conflict { current: current.version });
        }
        self.check_opportunity_refs(tx, org, current.account_id, data).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE opportunities SET crm_id = $1, crm_key = $2, name = $3, stage = $4, status = $5, amount = $6, currency = $7, \
             probability = $8, close_date = $9, owner_id = $10, next_step = $11, goal_id = $12, whitespace_cell_id = $13, \
             version = version + 1, updated_at = $14, updated_by = $15 WHERE org_id = $16 AND id = $17 AND version = $18 RETURNING {}",
            returning()
        ));
        let r: StoreResult<Option<Opportunity>> = on_tx!(self, *tx, c => sqlx::query_as(sql)
            .bind(&data.crm_id).bind(data.crm_key()).bind(&data.name).bind(&data.stage).bind(data.status.as_str())
            .bind(data.amount).bind(&data.currency).bind(data.probability).bind(data.close_date).bind(data.owner_id)
            .bind(&data.next_step).bind(data.goal_id).bind(data.whitespace_cell_id).bind(now()).bind(actor)
            .bind(org).bind(id).bind(current.version).fetch_optional(c).await)
        .map_err(StoreError::from);
        r.map_err(crm_id_taken)?.ok_or(StoreError::Conflict { current: current.version + 1 })
    }

    /// One statement checks every reference: the account is the organisation's,
    /// the owner one of its users, the goal a goal node of a plan of the account,
    /// the cell a cell of the account's matrix.
    async fn check_opportunity_refs(&self, tx: &mut Tx, org: OrgId, account: AccountId, data: &OpportunityData) -> StoreResult<()> {
        const SQL: &str = "SELECT \
            (SELECT COUNT(*) FROM accounts WHERE org_id = $1 AND id = $2), \
            (SELECT COUNT(*) FROM users WHERE org_id = $1 AND id = $3), \
            (SELECT COUNT(*) FROM nodes n JOIN plans p ON p.id = n.plan_id \
               WHERE n.org_id = $1 AND n.id = $4 AND n.kind = 'goal' AND p.account_id = $2), \
            (SELECT COUNT(*) FROM whitespace_cells WHERE org_id = $1 AND id = $5 AND account_id = $2)";
        let (acc, owner, goal, cell): (i64, i64, i64, i64) = on_tx!(self, *tx, c => sqlx::query_as(SQL)
            .bind(org).bind(account).bind(data.owner_id).bind(data.goal_id).bind(data.whitespace_cell_id)
            .fetch_one(c).await)?;
        if acc == 0 {
            return Err(StoreError::NotFound);
        }
        if data.owner_id.is_some() && owner == 0 {
            return Err(StoreError::invalid("owner_id", Message::new("err-no-user")));
        }
        if data.goal_id.is_some() && goal == 0 {
            return Err(StoreError::invalid("goal_id", Message::new("err-opp-goal")));
        }
        if data.whitespace_cell_id.is_some() && cell == 0 {
            return Err(StoreError::invalid("whitespace_cell_id", Message::new("err-opp-cell")));
        }
        Ok(())
    }
}

fn crm_id_taken(e: StoreError) -> StoreError {
    if e.is_unique_violation() { StoreError::invalid("crm_id", Message::new("err-opp-crm-id-taken")) } else { e }
}
