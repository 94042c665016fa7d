//! Contacts: the people at the customer.

use keyplan_domain::contact::ContactData;
use keyplan_domain::{AccountId, ContactId, OrgId, UserId};

use crate::error::OptionalExt;
use crate::rows::Contact;
use crate::{Store, StoreError, StoreResult, now, on_pool};

pub(crate) const SELECT: &str = "SELECT id, org_id, account_id, name, title, business_unit, reports_to_id, buying_role, influence, attitude, \
    relationship_owner_id, objective, last_contact_date, email, phone, version, updated_at, updated_by, crm_id FROM contacts";

/// A contact's columns, as [`Contact`] reads them (a macro, so that the
/// one-table reads stay fixed strings; the plan's read uses the constant).
macro_rules! contact_columns {
    () => {
        "id, org_id, account_id, name, title, business_unit, reports_to_id, buying_role, influence, attitude, \
         relationship_owner_id, objective, last_contact_date, email, phone, version, updated_at, updated_by, crm_id"
    };
}
pub(crate) const CONTACT_COLUMNS: &str = contact_columns!();

impl Store {
    pub async fn contacts(&self, org: OrgId, account: AccountId) -> StoreResult<Vec<Contact>> {
        const SQL: &str =
            concat!("SELECT ", contact_columns!(), " FROM contacts WHERE org_id = $1 AND account_id = $2 ORDER BY LOWER(name), id");
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(account).fetch_all(p).await)?)
    }

    pub async fn contact(&self, org: OrgId, id: ContactId) -> StoreResult<Contact> {
        const SQL: &str = concat!("SELECT ", contact_columns!(), " FROM contacts WHERE org_id = $1 AND id = $2");
        on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    async fn check_contact_refs(&self, org: OrgId, account: AccountId, id: Option<ContactId>, data: &ContactData) -> StoreResult<()> {
        if let Some(boss) = data.reports_to_id {
            if Some(boss) == id {
                return Err(StoreError::invalid("reports_to_id", keyplan_domain::Message::new("err-reports-to-self")));
            }
            let c = self.contact(org, boss).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("reports_to_id", keyplan_domain::Message::new("err-no-contact")),
                e => e,
            })?;
            if c.account_id != account {
                return Err(StoreError::invalid("reports_to_id", keyplan_domain::Message::new("err-contact-same-account")));
            }
            // Walk up the chain: a reporting line must not loop back to this contact.
            if let Some(me) = id {
                let all = self.contacts(org, account).await?;
                let mut cur = Some(boss);
                for _ in 0..all.len() {
                    match cur {
                        Some(c) if c == me => {
                            return Err(StoreError::invalid("reports_to_id", keyplan_domain::Message::new("err-reporting-loop")));
                        }
                        Some(c) => cur = all.iter().find(|x| x.id == c).and_then(|x| x.reports_to_id),
                        None => break,
                    }
                }
            }
        }
        if let Some(owner) = data.relationship_owner_id {
            self.user(org, owner).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("relationship_owner_id", keyplan_domain::Message::new("err-no-user")),
                e => e,
            })?;
        }
        Ok(())
    }

    pub async fn create_contact(&self, org: OrgId, account: AccountId, data: &ContactData, actor: UserId) -> StoreResult<Contact> {
        self.account(org, account).await?;
        self.check_contact_refs(org, account, None, data).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO contacts (org_id, account_id, name, title, business_unit, reports_to_id, buying_role, influence, attitude, \
             relationship_owner_id, objective, last_contact_date, email, phone, created_at, updated_at, updated_by, crm_id, crm_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18) RETURNING {}",
            &SELECT["SELECT ".len()..SELECT.len() - " FROM contacts".len()]
        ));
        on_pool!(self, p => sqlx::query_as(sql)
            .bind(org).bind(account).bind(&data.name).bind(&data.title).bind(&data.business_unit).bind(data.reports_to_id)
            .bind(data.buying_role.map(|r| r.as_str())).bind(data.influence).bind(data.attitude.map(|a| a.as_str()))
            .bind(data.relationship_owner_id).bind(&data.objective).bind(data.last_contact_date).bind(&data.email).bind(&data.phone)
            .bind(now()).bind(actor).bind(&data.crm_id).bind(crate::accounts::crm_key(&data.crm_id)).fetch_one(p).await)
        .map_err(crate::accounts::crm_id_taken)
    }

    pub async fn update_contact(&self, org: OrgId, id: ContactId, version: i64, data: &ContactData, actor: UserId) -> StoreResult<Contact> {
        let current = self.contact(org, id).await?;
        self.check_contact_refs(org, current.account_id, Some(id), data).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE contacts SET name = $1, title = $2, business_unit = $3, reports_to_id = $4, buying_role = $5, influence = $6, attitude = $7, \
             relationship_owner_id = $8, objective = $9, last_contact_date = $10, email = $11, phone = $12, version = version + 1, \
             updated_at = $13, updated_by = $14, crm_id = $18, crm_key = $19 WHERE org_id = $15 AND id = $16 AND version = $17 RETURNING {}",
            &SELECT["SELECT ".len()..SELECT.len() - " FROM contacts".len()]
        ));
        let updated: Option<Contact> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(&data.name).bind(&data.title).bind(&data.business_unit).bind(data.reports_to_id)
            .bind(data.buying_role.map(|r| r.as_str())).bind(data.influence).bind(data.attitude.map(|a| a.as_str()))
            .bind(data.relationship_owner_id).bind(&data.objective).bind(data.last_contact_date).bind(&data.email).bind(&data.phone)
            .bind(now()).bind(actor).bind(org).bind(id).bind(version)
            .bind(&data.crm_id).bind(crate::accounts::crm_key(&data.crm_id)).fetch_optional(p).await)
        .map_err(crate::accounts::crm_id_taken)?;
        match updated {
            Some(c) => Ok(c),
            None => Err(StoreError::Conflict { current: self.contact(org, id).await?.version }),
        }
    }

    pub async fn delete_contact(&self, org: OrgId, id: ContactId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM contacts WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        self.unlink_contact(org, id).await
    }
}
