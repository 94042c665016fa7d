//! Writing CRM imports: one transaction ([`CrmTx`]) in which the import reads
//! what reference resolution needs (ids, CRM keys, names) and inserts or
//! updates accounts and contacts. Nothing is visible to others until
//! [`CrmTx::commit`]; dropping the transaction (or [`CrmTx::rollback`]) undoes
//! every write, which is how a dry run and a refused file leave no trace.
//!
//! Every statement filters on the caller's organisation: CRM ids colliding
//! with another organisation's never reach its records.

use keyplan_domain::account::AccountData;
use keyplan_domain::contact::ContactData;
use keyplan_domain::opportunity::OpportunityData;
use keyplan_domain::{AccountId, ContactId, OpportunityId, OrgId, UserId};

use crate::accounts::{COLUMNS, crm_key};
use crate::error::OptionalExt;
use crate::opportunities::Opportunity;
use crate::rows::{Account, Contact};
use crate::{Store, StoreResult, Tx, now, on_pool, on_tx};

/// What reference resolution needs of a stored account.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CrmAccountRef {
    pub id: AccountId,
    pub crm_key: Option<String>,
    pub name: String,
    pub owner_id: Option<UserId>,
}

/// What reference resolution needs of a stored contact with a CRM id.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CrmContactRef {
    pub id: ContactId,
    pub crm_key: String,
    pub account_id: AccountId,
}

/// An import's write transaction (see the module documentation).
pub struct CrmTx {
    store: Store,
    tx: Tx,
}

impl Store {
    /// Refreshes the query planner's statistics of the tables an import
    /// writes. PostgreSQL plans from them: right after a first import of
    /// 10,000 accounts, before the autovacuum daemon has looked, it still
    /// believes in a few dozen rows and picks nested loops (the accounts list
    /// by plan state took 225 ms instead of 10). SQLite keeps no statistics
    /// here, and its plans were chosen without them.
    pub async fn refresh_statistics(&self) -> StoreResult<()> {
        if self.backend() == crate::Backend::Postgres {
            on_pool!(self, p => sqlx::query("ANALYZE accounts, contacts, opportunities").execute(p).await.map(drop))?;
        }
        Ok(())
    }

    /// Starts an import's transaction.
    pub async fn crm_begin(&self) -> StoreResult<CrmTx> {
        Ok(CrmTx { store: self.clone(), tx: self.begin().await? })
    }
}

impl CrmTx {
    pub async fn commit(self) -> StoreResult<()> {
        self.tx.commit().await
    }

    /// Undoes every write of the transaction.
    pub async fn rollback(self) -> StoreResult<()> {
        match self.tx {
            Tx::Sqlite(t) => t.rollback().await?,
            Tx::Postgres(t) => t.rollback().await?,
        }
        Ok(())
    }

    /// Every account of the organisation, for matching by CRM key and name.
    pub async fn account_refs(&mut self, org: OrgId) -> StoreResult<Vec<CrmAccountRef>> {
        const SQL: &str = "SELECT id, crm_key, name, owner_id FROM accounts WHERE org_id = $1 ORDER BY id";
        Ok(on_tx!(self.store, self.tx, c => sqlx::query_as(SQL).bind(org).fetch_all(c).await)?)
    }

    /// Every contact of the organisation that has a CRM id.
    pub async fn contact_refs(&mut self, org: OrgId) -> StoreResult<Vec<CrmContactRef>> {
        const SQL: &str = "SELECT id, crm_key, account_id FROM contacts WHERE org_id = $1 AND crm_key IS NOT NULL ORDER BY id";
        Ok(on_tx!(self.store, self.tx, c => sqlx::query_as(SQL).bind(org).fetch_all(c).await)?)
    }

    /// Every contact's reporting line (id, reports-to), for finding loops.
    pub async fn reporting_lines(&mut self, org: OrgId) -> StoreResult<Vec<(ContactId, Option<ContactId>)>> {
        const SQL: &str = "SELECT id, reports_to_id FROM contacts WHERE org_id = $1 AND reports_to_id IS NOT NULL";
        Ok(on_tx!(self.store, self.tx, c => sqlx::query_as(SQL).bind(org).fetch_all(c).await)?)
    }

    /// A contact of the account without a CRM id, by e-mail (without case)
    /// when one is given, else by name (without case): how rows of exports
    /// that carry no ids (a Pipedrive import sheet) find the contact again.
    pub async fn contact_without_id(
        &mut self,
        org: OrgId,
        account: AccountId,
        email: Option<&str>,
        name: &str,
    ) -> StoreResult<Option<ContactId>> {
        const BY_EMAIL: &str =
            "SELECT id FROM contacts WHERE org_id = $1 AND account_id = $2 AND crm_key IS NULL AND LOWER(email) = $3 ORDER BY id LIMIT 1";
        const BY_NAME: &str =
            "SELECT id FROM contacts WHERE org_id = $1 AND account_id = $2 AND crm_key IS NULL AND LOWER(name) = $3 ORDER BY id LIMIT 1";
        let (sql, value) = match email {
            Some(e) => (BY_EMAIL, e.to_lowercase()),
            None => (BY_NAME, name.trim().to_lowercase()),
        };
        let row: Option<(ContactId,)> =
            on_tx!(self.store, self.tx, c => sqlx::query_as(sql).bind(org).bind(account).bind(&value).fetch_optional(c).await)?;
        Ok(row.map(|r| r.0))
    }

    pub async fn account(&mut self, org: OrgId, id: AccountId) -> StoreResult<Account> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM accounts WHERE org_id = $1 AND id = $2"));
        on_tx!(self.store, self.tx, c => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(c).await)?.found()
    }

    pub async fn contact(&mut self, org: OrgId, id: ContactId) -> StoreResult<Contact> {
        let sql = sqlx::AssertSqlSafe(format!("{} WHERE org_id = $1 AND id = $2", crate::contacts::SELECT));
        on_tx!(self.store, self.tx, c => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(c).await)?.found()
    }

    /// A new account; its owner joins its team as key account manager, as
    /// when an account is created by hand.
    pub async fn insert_account(&mut self, org: OrgId, data: &AccountData, actor: UserId) -> StoreResult<AccountId> {
        const SQL: &str = "INSERT INTO accounts (org_id, name, industry, region, parent_id, crm_id, current_revenue, total_spend, potential, \
            growth_trend, owner_id, created_at, updated_at, updated_by, annual_revenue, crm_key) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15) RETURNING id";
        let (id,): (AccountId,) = on_tx!(self.store, self.tx, c => sqlx::query_as(SQL)
            .bind(org).bind(&data.name).bind(&data.industry).bind(&data.region).bind(data.parent_id).bind(&data.crm_id)
            .bind(data.current_revenue).bind(data.total_spend).bind(data.potential).bind(data.growth_trend.map(|t| t.as_str()))
            .bind(data.owner_id).bind(now()).bind(actor).bind(data.annual_revenue).bind(crm_key(&data.crm_id)).fetch_one(c).await)?;
        if let Some(owner) = data.owner_id {
            on_tx!(self.store, self.tx, c => sqlx::query(
                "INSERT INTO account_team (org_id, account_id, user_id, function) VALUES ($1, $2, $3, 'Key account manager')")
                .bind(org).bind(id).bind(owner).execute(c).await.map(|r| r.rows_affected()))?;
        }
        Ok(id)
    }

    /// Writes all fields of an account and bumps its version, so that an
    /// edit form opened before the import conflicts instead of overwriting.
    pub async fn update_account(&mut self, org: OrgId, id: AccountId, data: &AccountData, actor: UserId) -> StoreResult<()> {
        const SQL: &str = "UPDATE accounts SET name = $1, industry = $2, region = $3, parent_id = $4, crm_id = $5, current_revenue = $6, \
            total_spend = $7, potential = $8, growth_trend = $9, owner_id = $10, annual_revenue = $11, crm_key = $12, \
            version = version + 1, updated_at = $13, updated_by = $14 WHERE org_id = $15 AND id = $16";
        let n = on_tx!(self.store, self.tx, c => sqlx::query(SQL)
            .bind(&data.name).bind(&data.industry).bind(&data.region).bind(data.parent_id).bind(&data.crm_id)
            .bind(data.current_revenue).bind(data.total_spend).bind(data.potential).bind(data.growth_trend.map(|t| t.as_str()))
            .bind(data.owner_id).bind(data.annual_revenue).bind(crm_key(&data.crm_id)).bind(now()).bind(actor).bind(org).bind(id)
            .execute(c).await.map(|r| r.rows_affected()))?;
        (n == 1).then_some(()).found()
    }

    /// Sets a parent found later in the same import (no new version: the
    /// account was written by this import already).
    pub async fn set_account_parent(&mut self, org: OrgId, id: AccountId, parent: AccountId) -> StoreResult<()> {
        on_tx!(self.store, self.tx, c => sqlx::query("UPDATE accounts SET parent_id = $1 WHERE org_id = $2 AND id = $3")
            .bind(parent).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn insert_contact(&mut self, org: OrgId, account: AccountId, data: &ContactData, actor: UserId) -> StoreResult<ContactId> {
        const SQL: &str = "INSERT INTO contacts (org_id, account_id, name, title, business_unit, reports_to_id, buying_role, influence, \
            attitude, relationship_owner_id, objective, last_contact_date, email, phone, created_at, updated_at, updated_by, crm_id, crm_key) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18) RETURNING id";
        let (id,): (ContactId,) = on_tx!(self.store, self.tx, c => sqlx::query_as(SQL)
            .bind(org).bind(account).bind(&data.name).bind(&data.title).bind(&data.business_unit).bind(data.reports_to_id)
            .bind(data.buying_role.map(|r| r.as_str())).bind(data.influence).bind(data.attitude.map(|a| a.as_str()))
            .bind(data.relationship_owner_id).bind(&data.objective).bind(data.last_contact_date).bind(&data.email).bind(&data.phone)
            .bind(now()).bind(actor).bind(&data.crm_id).bind(crm_key(&data.crm_id)).fetch_one(c).await)?;
        Ok(id)
    }

    /// Writes all fields of a contact (and its account, when the CRM moved
    /// it) and bumps its version.
    pub async fn update_contact(
        &mut self,
        org: OrgId,
        id: ContactId,
        account: AccountId,
        data: &ContactData,
        actor: UserId,
    ) -> StoreResult<()> {
        const SQL: &str = "UPDATE contacts SET account_id = $1, name = $2, title = $3, business_unit = $4, reports_to_id = $5, \
            relationship_owner_id = $6, email = $7, phone = $8, crm_id = $9, crm_key = $10, version = version + 1, updated_at = $11, \
            updated_by = $12 WHERE org_id = $13 AND id = $14";
        let n = on_tx!(self.store, self.tx, c => sqlx::query(SQL)
            .bind(account).bind(&data.name).bind(&data.title).bind(&data.business_unit).bind(data.reports_to_id)
            .bind(data.relationship_owner_id).bind(&data.email).bind(&data.phone).bind(&data.crm_id).bind(crm_key(&data.crm_id))
            .bind(now()).bind(actor).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        (n == 1).then_some(()).found()
    }

    /// Sets (or clears) a reporting line found later in the same import, or
    /// breaks a loop (no new version: the contact was written by this import).
    pub async fn set_reports_to(&mut self, org: OrgId, id: ContactId, boss: Option<ContactId>) -> StoreResult<()> {
        on_tx!(self.store, self.tx, c => sqlx::query("UPDATE contacts SET reports_to_id = $1 WHERE org_id = $2 AND id = $3")
            .bind(boss).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The stored opportunity with this CRM key.
    pub async fn opportunity_by_key(&mut self, org: OrgId, key: &str) -> StoreResult<Option<Opportunity>> {
        self.store.opportunity_by_crm_key_in(&mut self.tx, org, key).await
    }

    /// An opportunity of the account without a CRM id, by name.
    pub async fn opportunity_without_id(&mut self, org: OrgId, account: AccountId, name: &str) -> StoreResult<Option<Opportunity>> {
        self.store.opportunity_without_id_in(&mut self.tx, org, account, name).await
    }

    pub async fn insert_opportunity(
        &mut self,
        org: OrgId,
        account: AccountId,
        data: &OpportunityData,
        actor: UserId,
    ) -> StoreResult<Opportunity> {
        self.store.insert_opportunity_in(&mut self.tx, org, account, data, actor).await
    }

    /// Writes all fields of an opportunity and bumps its version; `move_to`:
    /// the account the CRM moved it to (its goal and cell links are cleared
    /// first, so `data` must carry none of the old account's).
    pub async fn update_opportunity(
        &mut self,
        org: OrgId,
        id: OpportunityId,
        move_to: Option<AccountId>,
        data: &OpportunityData,
        actor: UserId,
    ) -> StoreResult<Opportunity> {
        if let Some(account) = move_to {
            self.store.move_opportunity_in(&mut self.tx, org, id, account).await?;
        }
        self.store.update_opportunity_in(&mut self.tx, org, id, None, data, actor).await
    }
}
