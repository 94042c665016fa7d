//! Accounts and their teams.

use keyplan_domain::account::AccountData;
use keyplan_domain::permissions::AccountAccess;
use keyplan_domain::{AccountId, OrgId, UserId};
use serde::Serialize;

use crate::error::OptionalExt;
use crate::rows::Account;
use crate::{Store, StoreError, StoreResult, now, on_pool, on_tx};

pub(crate) const COLUMNS: &str = "id, org_id, name, industry, region, parent_id, crm_id, annual_revenue, current_revenue, total_spend, potential, \
                       growth_trend, owner_id, version, created_at, updated_at, updated_by";

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct TeamMember {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub function: String,
}

/// An account's columns, as [`Account`] reads them (a macro, so that the
/// one-row reads stay fixed strings; the plan's read uses the constant).
macro_rules! account_columns {
    () => {
        "id, org_id, name, industry, region, parent_id, crm_id, annual_revenue, current_revenue, total_spend, \
         potential, growth_trend, owner_id, version, created_at, updated_at, updated_by"
    };
}
pub(crate) const ACCOUNT_COLUMNS: &str = account_columns!();
/// A team member's columns (`t` the team row, `u` the user).
macro_rules! team_columns {
    () => {
        "t.user_id, u.name, u.email, t.function"
    };
}
pub(crate) const TEAM_COLUMNS: &str = team_columns!();

impl Store {
    /// The organisation an account belongs to. Unscoped: for the command line, which
    /// runs with direct access to the database, never for web requests.
    pub async fn account_org(&self, id: AccountId) -> StoreResult<OrgId> {
        let row: Option<(OrgId,)> =
            on_pool!(self, p => sqlx::query_as("SELECT org_id FROM accounts WHERE id = $1").bind(id).fetch_optional(p).await)?;
        row.map(|r| r.0).found()
    }

    /// The name of one account of the organisation, if there is one.
    pub async fn account_name(&self, org: OrgId, id: AccountId) -> StoreResult<Option<String>> {
        let row: Option<(String,)> = on_pool!(self, p => sqlx::query_as("SELECT name FROM accounts WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).fetch_optional(p).await)?;
        Ok(row.map(|r| r.0))
    }

    pub async fn count_accounts(&self, org: OrgId) -> StoreResult<i64> {
        let (n,): (i64,) =
            on_pool!(self, p => sqlx::query_as("SELECT COUNT(*) FROM accounts WHERE org_id = $1").bind(org).fetch_one(p).await)?;
        Ok(n)
    }

    pub async fn account(&self, org: OrgId, id: AccountId) -> StoreResult<Account> {
        const SQL: &str = concat!("SELECT ", account_columns!(), " FROM accounts WHERE org_id = $1 AND id = $2");
        on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// Who owns the account and who is on its team (for permission checks).
    pub async fn account_access(&self, org: OrgId, id: AccountId) -> StoreResult<AccountAccess> {
        let rows: Vec<(Option<UserId>, Option<UserId>)> = on_pool!(self, p => sqlx::query_as(
            "SELECT a.owner_id, t.user_id FROM accounts a LEFT JOIN account_team t ON t.account_id = a.id WHERE a.org_id = $1 AND a.id = $2")
            .bind(org).bind(id).fetch_all(p).await)?;
        let first = rows.first().ok_or(StoreError::NotFound)?;
        Ok(AccountAccess { owner_id: first.0, team: rows.iter().filter_map(|r| r.1).collect() })
    }

    /// Checks that references in `data` point into the organisation.
    async fn check_account_refs(&self, org: OrgId, id: Option<AccountId>, data: &AccountData) -> StoreResult<()> {
        if let Some(parent) = data.parent_id {
            if Some(parent) == id {
                return Err(StoreError::invalid("parent_id", keyplan_domain::Message::new("err-own-parent-account")));
            }
            self.account(org, parent).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("parent_id", keyplan_domain::Message::new("err-no-account")),
                e => e,
            })?;
        }
        if let Some(owner) = data.owner_id {
            self.user(org, owner).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("owner_id", keyplan_domain::Message::new("err-no-user")),
                e => e,
            })?;
        }
        Ok(())
    }

    pub async fn create_account(&self, org: OrgId, data: &AccountData, actor: UserId) -> StoreResult<Account> {
        self.check_account_refs(org, None, data).await?;
        let sql = format!(
            "INSERT INTO accounts (org_id, name, industry, region, parent_id, crm_id, current_revenue, total_spend, potential, growth_trend, \
             owner_id, created_at, updated_at, updated_by, annual_revenue, crm_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15) RETURNING {COLUMNS}"
        );
        let sql = sqlx::AssertSqlSafe(sql);
        let mut tx = self.begin().await?;
        let account: Account = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(org).bind(&data.name).bind(&data.industry).bind(&data.region).bind(data.parent_id).bind(&data.crm_id)
            .bind(data.current_revenue).bind(data.total_spend).bind(data.potential).bind(data.growth_trend.map(|t| t.as_str()))
            .bind(data.owner_id).bind(now()).bind(actor).bind(data.annual_revenue).bind(crm_key(&data.crm_id)).fetch_one(c).await)
        .map_err(crm_id_taken)?;
        if let Some(owner) = data.owner_id {
            on_tx!(self, tx, c => sqlx::query("INSERT INTO account_team (org_id, account_id, user_id, function) VALUES ($1, $2, $3, 'Key account manager')")
                .bind(org).bind(account.id).bind(owner).execute(c).await.map(|r| r.rows_affected()))?;
        }
        tx.commit().await?;
        Ok(account)
    }

    pub async fn update_account(&self, org: OrgId, id: AccountId, version: i64, data: &AccountData, actor: UserId) -> StoreResult<Account> {
        self.check_account_refs(org, Some(id), data).await?;
        let sql = format!(
            "UPDATE accounts SET name = $1, industry = $2, region = $3, parent_id = $4, crm_id = $5, current_revenue = $6, total_spend = $7, \
             potential = $8, growth_trend = $9, owner_id = $10, version = version + 1, updated_at = $11, updated_by = $12, \
             annual_revenue = $16, crm_key = $17 WHERE org_id = $13 AND id = $14 AND version = $15 RETURNING {COLUMNS}"
        );
        let sql = sqlx::AssertSqlSafe(sql);
        let updated: Option<Account> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(&data.name).bind(&data.industry).bind(&data.region).bind(data.parent_id).bind(&data.crm_id)
            .bind(data.current_revenue).bind(data.total_spend).bind(data.potential).bind(data.growth_trend.map(|t| t.as_str()))
            .bind(data.owner_id).bind(now()).bind(actor).bind(org).bind(id).bind(version)
            .bind(data.annual_revenue).bind(crm_key(&data.crm_id)).fetch_optional(p).await)
        .map_err(crm_id_taken)?;
        match updated {
            Some(a) => Ok(a),
            None => Err(StoreError::Conflict { current: self.account(org, id).await?.version }),
        }
    }

    /// Deletes the account with its contacts, team and plans.
    pub async fn delete_account(&self, org: OrgId, id: AccountId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM accounts WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    pub async fn team(&self, org: OrgId, account: AccountId) -> StoreResult<Vec<TeamMember>> {
        const SQL: &str = concat!(
            "SELECT ",
            team_columns!(),
            " FROM account_team t JOIN users u ON u.id = t.user_id WHERE t.org_id = $1 AND t.account_id = $2 ORDER BY u.name"
        );
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(account).fetch_all(p).await)?)
    }

    /// Adds a user to the account team, or changes their function on it.
    pub async fn set_team_member(&self, org: OrgId, account: AccountId, user: UserId, function: &str) -> StoreResult<()> {
        self.account(org, account).await?;
        self.user(org, user).await.map_err(|e| match e {
            StoreError::NotFound => StoreError::invalid("user_id", keyplan_domain::Message::new("err-no-user")),
            e => e,
        })?;
        on_pool!(self, p => sqlx::query(
            "INSERT INTO account_team (org_id, account_id, user_id, function) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (account_id, user_id) DO UPDATE SET function = excluded.function")
            .bind(org).bind(account).bind(user).bind(function).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn remove_team_member(&self, org: OrgId, account: AccountId, user: UserId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM account_team WHERE org_id = $1 AND account_id = $2 AND user_id = $3")
            .bind(org).bind(account).bind(user).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }
}

/// The key a CRM id is matched and kept unique by (see `keyplan_domain::crm::CrmId::key`).
pub(crate) fn crm_key(crm_id: &Option<String>) -> Option<String> {
    crm_id.as_deref().and_then(keyplan_domain::crm::CrmId::new).map(|id| id.key().to_string())
}

/// A second record of the organisation with the same CRM id: an input error, not a crash.
pub(crate) fn crm_id_taken(e: sqlx::Error) -> StoreError {
    let e = StoreError::from(e);
    if e.is_unique_violation() { StoreError::invalid("crm_id", keyplan_domain::Message::new("err-crm-id-taken")) } else { e }
}
