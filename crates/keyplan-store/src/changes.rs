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

/// The change mark's two columns (`mark_latest`, `mark_kept`) for the
/// organisation given by the SQL expression `$org`: one text for
/// [`Store::change_mark`] (`$1`) and for the statements that find a session's
/// or a token's user (`u.org_id`), so a request learns the mark with its reader.
macro_rules! mark_columns {
    (sqlite, $org:literal) => {
        concat!("(SELECT COALESCE(MAX(c.id), 0) FROM org_changes c WHERE c.org_id = ", $org, ") AS mark_latest, 0 AS mark_kept")
    };
    (postgres, $org:literal) => {
        concat!(
            "(SELECT COALESCE(MAX(c.id), 0) FROM org_changes c WHERE c.org_id = ",
            $org,
            ") AS mark_latest, (SELECT COUNT(*) FROM org_changes c WHERE c.org_id = ",
            $org,
            ") AS mark_kept"
        )
    };
}
pub(crate) use mark_columns;

/// Purged rows after which PostgreSQL vacuums the change marks' table at once.
const VACUUM_AFTER: u64 = 1000;

impl Store {
    /// The organisation's change mark: one statement on an index.
    pub async fn change_mark(&self, org: OrgId) -> StoreResult<ChangeMark> {
        // The count walks the organisation's rows since the last purge (tens of
        // thousands after a CRM import); the maximum is one seek on the index.
        let sql = match self.backend() {
            crate::Backend::Sqlite => concat!("SELECT ", mark_columns!(sqlite, "$1")),
            crate::Backend::Postgres => concat!("SELECT ", mark_columns!(postgres, "$1")),
        };
        let (latest, kept): (i64, i64) = on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_one(p).await)?;
        Ok(ChangeMark { latest, kept })
    }

    /// Keeps only each organisation's latest change row (every minute, and in the hourly purge).
    ///
    /// On PostgreSQL the deleted rows stay in the table and its index until
    /// they are vacuumed, and counting the kept rows walks them: after a CRM
    /// import of 10,000 accounts the mark took 7 ms instead of a tenth of one,
    /// on every request (it is read with the session). A purge of many rows
    /// therefore vacuums the table at once, instead of waiting for the
    /// autovacuum daemon.
    pub async fn purge_changes(&self) -> StoreResult<u64> {
        const SQL: &str = "DELETE FROM org_changes WHERE id < (SELECT MAX(c.id) FROM org_changes c WHERE c.org_id = org_changes.org_id)";
        let purged = on_pool!(self, p => sqlx::query(SQL).execute(p).await.map(|r| r.rows_affected()))?;
        if purged >= VACUUM_AFTER
            && let crate::Pool::Postgres(p) = self.pool.as_ref()
        {
            sqlx::query("VACUUM org_changes").execute(p).await?;
        }
        Ok(purged)
    }
}
