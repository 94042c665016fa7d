//! What guards the share page's forms, kept in the database so that every
//! application server behind a load balancer agrees: the count of actions per
//! link and client address (the rate limit), and the server-wide secret the
//! per-link form tokens are signed with.

use keyplan_domain::{OrgId, ShareLinkId};
use time::OffsetDateTime;

use crate::{Store, StoreResult, Ts, now, on_pool};

/// How many actions a share link admits: at most `per_address` from one client
/// address since `address_since`, and `per_link` from everyone since `link_since`.
#[derive(Clone, Copy, Debug)]
pub struct ShareLimits {
    pub per_address: i64,
    pub address_since: OffsetDateTime,
    pub per_link: i64,
    pub link_since: OffsetDateTime,
}

impl Store {
    /// Counts one action (a comment or an answer) through a link from
    /// `client_addr`, if both limits allow it; answers whether it was admitted.
    /// One statement: the check and the count cannot be split by another
    /// server's request on SQLite; on PostgreSQL two servers admitting at the
    /// same instant may each pass the limit by one.
    pub async fn admit_share_action(&self, org: OrgId, link: ShareLinkId, client_addr: &str, limits: ShareLimits) -> StoreResult<bool> {
        const SQL: &str = "INSERT INTO share_link_actions (org_id, share_link_id, client_addr, at) SELECT $1, $2, $3, $4 \
            WHERE (SELECT COUNT(*) FROM share_link_actions WHERE share_link_id = $2 AND client_addr = $3 AND at > $5) < $6 \
            AND (SELECT COUNT(*) FROM share_link_actions WHERE share_link_id = $2 AND at > $7) < $8";
        let n = on_pool!(self, p => sqlx::query(SQL)
            .bind(org).bind(link).bind(client_addr).bind(now())
            .bind(Ts(limits.address_since)).bind(limits.per_address).bind(Ts(limits.link_since)).bind(limits.per_link)
            .execute(p).await.map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// Forgets actions older than `before` (the limits look back an hour at most).
    pub async fn purge_share_actions(&self, before: OffsetDateTime) -> StoreResult<u64> {
        Ok(on_pool!(self, p => sqlx::query("DELETE FROM share_link_actions WHERE at < $1")
            .bind(Ts(before)).execute(p).await.map(|r| r.rows_affected()))?)
    }

    /// The secret named `name`, made from `candidate` by the first server that
    /// asks; every later call, on any server, answers that first one.
    pub async fn server_secret(&self, name: &str, candidate: &str) -> StoreResult<String> {
        on_pool!(self, p => sqlx::query(
            "INSERT INTO server_secrets (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING")
            .bind(name).bind(candidate).bind(now()).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(on_pool!(self, p => sqlx::query_scalar("SELECT secret FROM server_secrets WHERE name = $1").bind(name).fetch_one(p).await)?)
    }
}
