//! The organisation's change mark: every write to a table that carries
//! `org_id` leaves a row in `org_changes` (triggers, migration 0024). The
//! latest row's id and the number of rows kept change with every committed
//! write, so a reader can tell in one cheap statement whether anything it
//! rendered before may have changed (ETags, cached rankings).

use keyplan_domain::OrgId;

use crate::{Store, StoreResult, on_pool};

/// Where the organisation's data stands: equal marks, equal data.
///
/// The count matters on PostgreSQL, where a transaction that took an earlier
/// id may commit after a later one: the latest id stays, the count grows.
/// SQLite commits one writer at a time, so its ids grow in commit order and
/// the latest id alone marks the data (`kept` is 0 there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ChangeMark {
    pub latest: i64,
    pub kept: i64,
}

impl Store {
    /// The organisation's change mark: one statement on an index.
    pub async fn change_mark(&self, org: OrgId) -> StoreResult<ChangeMark> {
        // The count walks the organisation's rows since the last purge (tens of
        // thousands after a CRM import); the maximum is one seek on the index.
        let sql = match self.backend() {
            crate::Backend::Sqlite => "SELECT COALESCE(MAX(id), 0), 0 FROM org_changes WHERE org_id = $1",
            crate::Backend::Postgres => "SELECT COALESCE(MAX(id), 0), COUNT(*) FROM org_changes WHERE org_id = $1",
        };
        let (latest, kept): (i64, i64) = on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_one(p).await)?;
        Ok(ChangeMark { latest, kept })
    }

    /// Keeps only each organisation's latest change row (every minute, and in the hourly purge).
    pub async fn purge_changes(&self) -> StoreResult<u64> {
        const SQL: &str = "DELETE FROM org_changes WHERE id < (SELECT MAX(c.id) FROM org_changes c WHERE c.org_id = org_changes.org_id)";
        Ok(on_pool!(self, p => sqlx::query(SQL).execute(p).await.map(|r| r.rows_affected()))?)
    }
}
