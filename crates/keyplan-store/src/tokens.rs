//! API tokens (issue 14): made with a name and an optional expiry, listed and
//! revoked by their owner and by administrators, revoked all at once by a
//! password reset or a deactivation. Only a token's hash is stored.

use keyplan_domain::{OrgId, TokenId, UserId};
use time::OffsetDateTime;

use crate::{SessionUser, Store, StoreResult, Ts, now, on_pool};

/// An API token as its owner and the administrators see it (never the secret).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApiToken {
    pub id: TokenId,
    pub user_id: UserId,
    pub user_name: String,
    pub user_email: String,
    pub org_id: OrgId,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub expires_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

impl ApiToken {
    /// `live`, `expired` or `revoked`.
    pub fn state(&self, now: OffsetDateTime) -> &'static str {
        if self.revoked_at.is_some() {
            "revoked"
        } else if self.expires_at.is_some_and(|e| e <= now) {
            "expired"
        } else {
            "live"
        }
    }
}

const COLUMNS: &str = "t.id, t.user_id, u.org_id, u.name AS user_name, u.email AS user_email, t.name, t.created_at, t.last_used_at, t.expires_at, t.revoked_at";

/// How often a token's last use is written: a busy script does not write on
/// every request, and "last used" stays right to the minute.
const LAST_USED_GRAIN: time::Duration = time::Duration::MINUTE;

/// A token's user and when the token was last noted as used.
#[derive(sqlx::FromRow)]
struct TokenUser {
    #[sqlx(flatten)]
    user: SessionUser,
    token_last_used_at: Option<OffsetDateTime>,
}

/// The statement that finds a token's user, with the organisation's change mark.
macro_rules! token_sql {
    ($db:ident) => {
        concat!(
            "SELECT ",
            crate::users::user_columns!(),
            ", o.name AS org_name, NULL AS csrf_token, u.language, t.last_used_at AS token_last_used_at, ",
            crate::changes::mark_columns!($db, "u.org_id"),
            " FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.org_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.active"
        )
    };
}

impl Store {
    pub async fn create_api_token(
        &self,
        user: UserId,
        name: &str,
        token_hash: &str,
        expires_at: Option<OffsetDateTime>,
    ) -> StoreResult<TokenId> {
        let (id,): (TokenId,) = on_pool!(self, p => sqlx::query_as(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(user).bind(name).bind(token_hash).bind(now()).bind(expires_at.map(Ts)).fetch_one(p).await)?;
        Ok(id)
    }

    /// The active user behind an API token, if the token is valid: not revoked,
    /// not expired. Notes the token's use (at most once a minute).
    pub async fn token_user(&self, token_hash: &str) -> StoreResult<Option<SessionUser>> {
        let sql = match self.backend() {
            crate::Backend::Sqlite => token_sql!(sqlite),
            crate::Backend::Postgres => token_sql!(postgres),
        };
        let at = now();
        let found: Option<TokenUser> = on_pool!(self, p => sqlx::query_as(sql).bind(token_hash).bind(at).fetch_optional(p).await)?;
        let Some(TokenUser { user, token_last_used_at }) = found else { return Ok(None) };
        // Written only when the last note is older than the grain: a busy
        // script's requests read, and do not each take the database's write lock.
        let stale = Ts(at.0 - LAST_USED_GRAIN);
        if token_last_used_at.is_none_or(|t| t < stale.0) {
            on_pool!(self, p => sqlx::query(
                "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 AND (last_used_at IS NULL OR last_used_at < $3)")
                .bind(at).bind(token_hash).bind(stale).execute(p).await.map(|r| r.rows_affected()))?;
        }
        Ok(Some(user))
    }

    /// The organisation's tokens, or one user's: newest first, revoked ones too.
    /// Every organisation's (`org` `None`) only for the operator's command line.
    pub async fn list_api_tokens(&self, org: Option<OrgId>, user: Option<UserId>) -> StoreResult<Vec<ApiToken>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE ($1 IS NULL OR u.org_id = $1) AND ($2 IS NULL OR t.user_id = $2) ORDER BY t.created_at DESC, t.id DESC"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(user).fetch_all(p).await)?)
    }

    /// One token of the organisation (of any, `None`, for the operator's command line).
    pub async fn api_token(&self, org: Option<OrgId>, id: TokenId) -> StoreResult<Option<ApiToken>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE ($1 IS NULL OR u.org_id = $1) AND t.id = $2"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?)
    }

    /// Revokes one token of the organisation (of any, `None`, for the
    /// operator's command line); again: no change. False when there is no such token.
    pub async fn revoke_api_token(&self, org: Option<OrgId>, id: TokenId) -> StoreResult<bool> {
        let n = on_pool!(self, p => sqlx::query(
            "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) \
             WHERE id = $2 AND user_id IN (SELECT id FROM users WHERE $3 IS NULL OR org_id = $3)")
            .bind(now()).bind(id).bind(org).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// Revokes every API token of `user` that is not revoked yet.
    pub async fn revoke_tokens_of(&self, user: UserId) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
            .bind(now()).bind(user).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
