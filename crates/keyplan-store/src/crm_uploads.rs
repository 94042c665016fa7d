//! The CRM side of the store outside an import's transaction: files kept
//! between the steps of the browser import, and the CRM keys of accounts
//! stored before keys existed.

use keyplan_domain::{OrgId, UserId};

use crate::{Store, StoreResult, Ts, now, on_pool};

/// How long an uploaded file is kept for the browser import's next steps.
const UPLOAD_LIFE: time::Duration = time::Duration::days(1);

/// An uploaded file waiting for its import.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CrmUpload {
    pub id: i64,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Store {
    /// Keeps an upload for its owner; uploads older than a day go first.
    pub async fn save_crm_upload(&self, org: OrgId, user: UserId, file_name: &str, bytes: &[u8]) -> StoreResult<i64> {
        let cutoff = Ts(now().0 - UPLOAD_LIFE);
        on_pool!(self, p => sqlx::query("DELETE FROM crm_uploads WHERE created_at < $1").bind(cutoff).execute(p).await.map(|r| r.rows_affected()))?;
        let (id,): (i64,) = on_pool!(self, p => sqlx::query_as(
            "INSERT INTO crm_uploads (org_id, user_id, file_name, bytes, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(org).bind(user).bind(file_name).bind(bytes).bind(now()).fetch_one(p).await)?;
        Ok(id)
    }

    /// An upload of this user in this organisation, if it is still kept.
    pub async fn crm_upload(&self, org: OrgId, user: UserId, id: i64) -> StoreResult<Option<CrmUpload>> {
        let cutoff = Ts(now().0 - UPLOAD_LIFE);
        Ok(on_pool!(self, p => sqlx::query_as(
            "SELECT id, file_name, bytes FROM crm_uploads WHERE org_id = $1 AND user_id = $2 AND id = $3 AND created_at >= $4")
            .bind(org).bind(user).bind(id).bind(cutoff).fetch_optional(p).await)?)
    }

    /// Forgets an upload once it is imported.
    pub async fn delete_crm_upload(&self, org: OrgId, user: UserId, id: i64) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM crm_uploads WHERE org_id = $1 AND user_id = $2 AND id = $3")
            .bind(org).bind(user).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Fills the CRM key of accounts that have a CRM id but no key yet (those
    /// stored before keys existed). An id another account of the organisation
    /// already holds keeps no key: that account stays matchable by name only.
    pub(crate) async fn backfill_crm_keys(&self) -> StoreResult<()> {
        let rows: Vec<(i64, String)> = on_pool!(self, p => sqlx::query_as(
            "SELECT id, crm_id FROM accounts WHERE crm_id IS NOT NULL AND crm_key IS NULL ORDER BY id").fetch_all(p).await)?;
        for (id, crm_id) in rows {
            let Some(key) = crate::accounts::crm_key(&Some(crm_id)) else { continue };
            let done = on_pool!(self, p => sqlx::query("UPDATE accounts SET crm_key = $1 WHERE id = $2").bind(&key).bind(id)
                .execute(p).await.map(|r| r.rows_affected()));
            match done.map_err(crate::StoreError::from) {
                Ok(_) => {}
                Err(e) if e.is_unique_violation() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}
