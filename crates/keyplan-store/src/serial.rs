//! Work that must not run twice at once for an organisation, however many
//! servers share the database: counting the active plans and then activating
//! one, for example, where two activations at the same moment could each see
//! room under a limit. On PostgreSQL a transaction-scoped advisory lock keyed
//! by the organisation and the kind of work (released when the transaction
//! ends, also when the request is cancelled); on SQLite, which one server
//! uses, a lock in the process.

use std::future::Future;

use keyplan_domain::OrgId;

use crate::{Pool, Store, StoreResult};

/// The SQLite server's lock: activations are rare, so one lock for all
/// organisations costs nothing.
static SQLITE_SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The advisory lock's key: the organisation in the high half, the kind of
/// work (a small hash of its name) in the low half.
fn key(org: OrgId, what: &str) -> i64 {
    let kind = what.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    (org.get() << 32) ^ i64::from(kind)
}

impl Store {
    /// Runs `work` while no other server or request runs work of the kind
    /// `what` for `org`.
    pub async fn serialized<T>(&self, org: OrgId, what: &str, work: impl Future<Output = T>) -> StoreResult<T> {
        match &*self.pool {
            Pool::Sqlite(_) => {
                let _held = SQLITE_SERIAL.lock().await;
                Ok(work.await)
            }
            Pool::Postgres(p) => {
                let mut tx = p.begin().await?;
                self.count_query();
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(key(org, what)).execute(&mut *tx).await?;
                let out = work.await;
                tx.commit().await?;
                Ok(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_organisation_and_kind() {
        let (a, b) = (OrgId::new(1), OrgId::new(2));
        assert_ne!(key(a, "plan-limits"), key(b, "plan-limits"));
        assert_ne!(key(a, "plan-limits"), key(a, "other"));
        assert_eq!(key(a, "plan-limits"), key(a, "plan-limits"));
    }
}
