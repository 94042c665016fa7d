//! Background work shared by many servers on one database: named leases for
//! jobs only one server should run at a time, claims on the notifications a
//! mail round sends, and the sign-in attempt counters, each taken or counted in
//! one statement so two servers (or two requests) never both get the same.

use time::OffsetDateTime;

use crate::collab::Unmailed;
use crate::{Backend, Store, StoreResult, Ts, now, on_pool};
use keyplan_domain::NotificationId;

impl Store {
    /// Takes (or renews) the lease called `name` for `holder` until `ttl` from
    /// now, when nobody else holds it unexpired. Answers whether `holder` has it.
    pub async fn try_lease(&self, name: &str, holder: &str, ttl: time::Duration) -> StoreResult<bool> {
        const SQL: &str = "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
            WHERE job_leases.expires_at < $4 OR job_leases.holder = excluded.holder RETURNING holder";
        let at = now();
        let until = Ts(at.0 + ttl);
        let got: Option<(String,)> =
            on_pool!(self, p => sqlx::query_as(SQL).bind(name).bind(holder).bind(until).bind(at).fetch_optional(p).await)?;
        Ok(got.is_some_and(|(h,)| h == holder))
    }

    /// Gives the lease back early (the job is done before it would lapse).
    pub async fn release_lease(&self, name: &str, holder: &str) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM job_leases WHERE name = $1 AND holder = $2")
            .bind(name).bind(holder).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Claims up to `limit` notifications created after `since`, not yet
    /// mailed and not claimed by a round whose claim still runs, for the round
    /// `claim` until `ttl` from now; answers them, oldest first. On PostgreSQL
    /// rows another server is claiming at the same moment are skipped
    /// (`FOR UPDATE SKIP LOCKED`); SQLite runs one write at a time.
    pub async fn claim_unmailed(&self, claim: &str, since: OffsetDateTime, ttl: time::Duration, limit: i64) -> StoreResult<Vec<Unmailed>> {
        let lock = match self.backend() {
            Backend::Postgres => " FOR UPDATE OF n SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE notifications SET mail_claim = $1, mail_claimed_until = $2 WHERE id IN (\
             SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id \
             WHERE n.emailed_at IS NULL AND u.active AND n.created_at > $3 \
             AND (n.mail_claimed_until IS NULL OR n.mail_claimed_until < $4) \
             ORDER BY n.created_at, n.id LIMIT $5{lock})"
        ));
        let at = now();
        on_pool!(self, p => sqlx::query(sql).bind(claim).bind(Ts(at.0 + ttl)).bind(Ts(since)).bind(at).bind(limit)
            .execute(p).await.map(|r| r.rows_affected()))?;
        const SQL: &str = "SELECT n.id, n.kind, u.email, u.name, n.message_code, n.message_args, n.link, u.language \
            FROM notifications n JOIN users u ON u.id = n.user_id \
            WHERE n.mail_claim = $1 AND n.emailed_at IS NULL ORDER BY n.created_at, n.id";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(claim).fetch_all(p).await)?)
    }

    /// Marks a claimed notification mailed (or given up on for good).
    pub async fn mark_claimed_emailed(&self, id: NotificationId) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("UPDATE notifications SET emailed_at = $1, mail_claim = NULL, mail_claimed_until = NULL WHERE id = $2")
            .bind(now()).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Lets go of the round's unsent notifications, for the next round of any server.
    pub async fn release_unmailed(&self, claim: &str) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query(
            "UPDATE notifications SET mail_claim = NULL, mail_claimed_until = NULL WHERE mail_claim = $1 AND emailed_at IS NULL")
            .bind(claim).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Counts one sign-in attempt under `key` (`email:…`, `ip:…`) and answers
    /// the attempts in the current window, this one included. One statement:
    /// simultaneous attempts each see their own count. A window older than
    /// `window` starts again at 1.
    pub async fn count_login_attempt(&self, key: &str, window: time::Duration) -> StoreResult<i64> {
        const SQL: &str = "INSERT INTO login_throttle (key, attempts, window_start) VALUES ($1, 1, $2) \
            ON CONFLICT (key) DO UPDATE SET \
            attempts = CASE WHEN login_throttle.window_start < $3 THEN 1 ELSE login_throttle.attempts + 1 END, \
            window_start = CASE WHEN login_throttle.window_start < $3 THEN $2 ELSE login_throttle.window_start END \
            RETURNING attempts";
        let at = now();
        let (n,): (i64,) = on_pool!(self, p => sqlx::query_as(SQL).bind(key).bind(at).bind(Ts(at.0 - window)).fetch_one(p).await)?;
        Ok(n)
    }

    /// Takes back one counted attempt (it succeeded: only failures count).
    pub async fn uncount_login_attempt(&self, key: &str) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("UPDATE login_throttle SET attempts = attempts - 1 WHERE key = $1 AND attempts > 0")
            .bind(key).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Forgets attempt counters whose window started before `before`.
    pub async fn purge_login_throttle(&self, before: OffsetDateTime) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM login_throttle WHERE window_start < $1")
            .bind(Ts(before)).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
