//! Organisations, users, sessions, API tokens and sign-in attempts.

use keyplan_domain::analysis::ValueDiscipline;
use keyplan_domain::{Lang, OrgId, Role, UserId};
use time::OffsetDateTime;

use crate::error::OptionalExt;
use crate::rows::{Organisation, SessionUser, User};
use crate::{Store, StoreError, StoreResult, Ts, now, on_pool};

/// A user's columns, as the one-row reads and the plan's read (`plan_read.rs`) select them.
macro_rules! user_columns {
    () => {
        "u.id, u.org_id, u.email, u.name, u.role, u.active, u.version, u.created_at, u.team"
    };
}
pub(crate) use user_columns;
pub(crate) const USER_COLUMNS: &str = user_columns!();

/// The organisation's settings, as [`OrgSettings`] reads them.
pub(crate) const SETTINGS_COLUMNS: &str = "value_discipline, value_statement, version, currency";
const SETTINGS_SQL: &str = "SELECT value_discipline, value_statement, version, currency FROM organisations WHERE id = $1";

#[derive(Clone, Debug, Default, sqlx::FromRow, serde::Serialize, serde::Deserialize)]
pub struct OrgSettings {
    pub value_discipline: Option<ValueDiscipline>,
    pub value_statement: Option<String>,
    pub version: i64,
    pub currency: String,
}

impl OrgSettings {
    pub fn value_discipline(&self) -> Option<ValueDiscipline> {
        self.value_discipline
    }
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
}

/// The statement that finds a session's user, with the organisation's change mark.
macro_rules! session_sql {
    ($db:ident) => {
        concat!(
            "SELECT ",
            user_columns!(),
            ", o.name AS org_name, s.csrf_token, u.language, \
             (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread_notifications, ",
            crate::changes::mark_columns!($db, "u.org_id"),
            " FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.org_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active"
        )
    };
}

impl Store {
    pub async fn org_by_name(&self, name: &str) -> StoreResult<Option<Organisation>> {
        Ok(
            on_pool!(self, p => sqlx::query_as("SELECT id, name, currency FROM organisations WHERE name = $1").bind(name).fetch_optional(p).await)?,
        )
    }

    pub async fn org(&self, id: OrgId) -> StoreResult<Organisation> {
        on_pool!(self, p => sqlx::query_as("SELECT id, name, currency FROM organisations WHERE id = $1").bind(id).fetch_optional(p).await)?
            .found()
    }

    /// The organisation called `name`, created when missing.
    pub async fn ensure_org(&self, name: &str) -> StoreResult<Organisation> {
        if let Some(org) = self.org_by_name(name).await? {
            return Ok(org);
        }
        let created: StoreResult<Organisation> = on_pool!(self, p => sqlx::query_as(
            "INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id, name, currency")
            .bind(name).bind(now()).fetch_one(p).await)
        .map_err(StoreError::from);
        let org = match created {
            Err(e) if e.is_unique_violation() => self.org_by_name(name).await?.found(),
            other => other,
        }?;
        self.ensure_builtin_templates(org.id).await?;
        Ok(org)
    }

    /// The organisation's value discipline and how it lives it (seed 003).
    pub async fn org_settings(&self, org: OrgId) -> StoreResult<OrgSettings> {
        on_pool!(self, p => sqlx::query_as(SETTINGS_SQL)
            .bind(org).fetch_optional(p).await)?
        .found()
    }

    pub async fn update_org_settings(
        &self,
        org: OrgId,
        version: i64,
        discipline: Option<ValueDiscipline>,
        statement: Option<&str>,
    ) -> StoreResult<OrgSettings> {
        let r: Option<OrgSettings> = on_pool!(self, p => sqlx::query_as(
            "UPDATE organisations SET value_discipline = $1, value_statement = $2, version = version + 1 WHERE id = $3 AND version = $4 \
             RETURNING value_discipline, value_statement, version, currency")
            .bind(discipline.map(ValueDiscipline::as_str)).bind(statement).bind(org).bind(version).fetch_optional(p).await)?;
        match r {
            Some(s) => Ok(s),
            None => Err(StoreError::Conflict { current: self.org_settings(org).await?.version }),
        }
    }

    /// The organisation used when none is named: the first one, or a new one.
    pub async fn default_org(&self) -> StoreResult<Organisation> {
        let first: Option<Organisation> = on_pool!(self, p => sqlx::query_as("SELECT id, name, currency FROM organisations ORDER BY id LIMIT 1").fetch_optional(p).await)?;
        match first {
            Some(org) => Ok(org),
            None => self.ensure_org("My company").await,
        }
    }

    pub async fn count_users(&self) -> StoreResult<i64> {
        let (n,): (i64,) = on_pool!(self, p => sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(p).await)?;
        Ok(n)
    }

    pub async fn create_user(&self, org: OrgId, new: NewUser<'_>) -> StoreResult<User> {
        let sql = "INSERT INTO users (org_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
                   RETURNING id, org_id, email, name, role, active, version, created_at";
        let res: Result<User, sqlx::Error> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(org).bind(new.email).bind(new.name).bind(new.role.as_str()).bind(new.password_hash).bind(now())
            .fetch_one(p).await);
        res.map_err(|e| {
            let e = StoreError::from(e);
            if e.is_unique_violation() { StoreError::invalid("email", keyplan_domain::Message::new("err-email-taken")) } else { e }
        })
    }

    pub async fn list_users(&self, org: OrgId) -> StoreResult<Vec<User>> {
        const SQL: &str = concat!("SELECT ", user_columns!(), " FROM users u WHERE u.org_id = $1 ORDER BY u.name, u.id");
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).fetch_all(p).await)?)
    }

    pub async fn user(&self, org: OrgId, id: UserId) -> StoreResult<User> {
        const SQL: &str = concat!("SELECT ", user_columns!(), " FROM users u WHERE u.org_id = $1 AND u.id = $2");
        on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// The user with this e-mail and their password hash, in any organisation (sign-in).
    pub async fn user_for_login(&self, email: &str) -> StoreResult<Option<(User, String)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: User,
            password_hash: String,
        }
        const SQL: &str = "SELECT u.id, u.org_id, u.email, u.name, u.role, u.active, u.version, u.created_at, u.team, u.password_hash FROM users u WHERE u.email = $1";
        let row: Option<Row> = on_pool!(self, p => sqlx::query_as(SQL).bind(email).fetch_optional(p).await)?;
        Ok(row.map(|r| (r.user, r.password_hash)))
    }

    pub async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        Ok(self.user_for_login(email).await?.map(|(u, _)| u))
    }

    /// Changes name, role and whether the user may sign in. `version` guards against
    /// two admins editing the same user.
    pub async fn update_user(&self, org: OrgId, id: UserId, version: i64, name: &str, role: Role, active: bool) -> StoreResult<User> {
        let sql = "UPDATE users SET name = $1, role = $2, active = $3, version = version + 1 \
                   WHERE org_id = $4 AND id = $5 AND version = $6 RETURNING id, org_id, email, name, role, active, version, created_at, team";
        let updated: Option<User> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(name).bind(role.as_str()).bind(active).bind(org).bind(id).bind(version).fetch_optional(p).await)?;
        match updated {
            Some(u) => {
                if !active {
                    self.delete_sessions_of(id).await?;
                    self.revoke_tokens_of(id).await?;
                }
                Ok(u)
            }
            None => Err(StoreError::Conflict { current: self.user(org, id).await?.version }),
        }
    }

    /// Sets (or, with `None`, clears) a user's team. `version` guards against two
    /// admins editing the same user.
    pub async fn set_user_team(&self, org: OrgId, id: UserId, version: i64, team: Option<&str>) -> StoreResult<User> {
        let sql = "UPDATE users SET team = $1, version = version + 1 WHERE org_id = $2 AND id = $3 AND version = $4 \
                   RETURNING id, org_id, email, name, role, active, version, created_at, team";
        let updated: Option<User> =
            on_pool!(self, p => sqlx::query_as(sql).bind(team).bind(org).bind(id).bind(version).fetch_optional(p).await)?;
        match updated {
            Some(u) => Ok(u),
            None => Err(StoreError::Conflict { current: self.user(org, id).await?.version }),
        }
    }

    /// Sets a new password hash and signs the user out everywhere: sessions
    /// end and API tokens are revoked.
    pub async fn set_password(&self, org: OrgId, id: UserId, password_hash: &str) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("UPDATE users SET password_hash = $1, version = version + 1 WHERE org_id = $2 AND id = $3")
            .bind(password_hash).bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        self.revoke_tokens_of(id).await?;
        self.delete_sessions_of(id).await
    }

    /// The language a user chose; `None` follows the browser.
    pub async fn user_language(&self, org: OrgId, id: UserId) -> StoreResult<Option<Lang>> {
        // Named, not a tuple: a bad text is then reported with its column.
        #[derive(sqlx::FromRow)]
        struct Row {
            language: Option<Lang>,
        }
        let row: Option<Row> = on_pool!(self, p => sqlx::query_as("SELECT language FROM users WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).fetch_optional(p).await)?;
        Ok(row.found()?.language)
    }

    /// Sets (or, with `None`, clears) the language a user chose for the interface and
    /// exports. A personal preference: it does not change the user's version.
    pub async fn set_user_language(&self, org: OrgId, id: UserId, language: Option<Lang>) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("UPDATE users SET language = $1 WHERE org_id = $2 AND id = $3")
            .bind(language.map(Lang::as_str)).bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    // --- sessions ---------------------------------------------------------------------

    pub async fn create_session(&self, user: UserId, token_hash: &str, csrf_token: &str, expires_at: OffsetDateTime) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(token_hash).bind(user).bind(csrf_token).bind(now()).bind(Ts(expires_at)).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The active user behind a session, if the session is valid and unexpired.
    pub async fn session_user(&self, token_hash: &str) -> StoreResult<Option<SessionUser>> {
        let sql = match self.backend() {
            crate::Backend::Sqlite => session_sql!(sqlite),
            crate::Backend::Postgres => session_sql!(postgres),
        };
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(token_hash).bind(now()).fetch_optional(p).await)?)
    }

    pub async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn delete_sessions_of(&self, user: UserId) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Removes expired sessions, old sign-in attempts and old share-link actions.
    pub async fn purge_expired(&self) -> StoreResult<()> {
        let cutoff = Ts(now().0 - time::Duration::days(1));
        on_pool!(self, p => sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(now()).execute(p).await.map(|r| r.rows_affected()))?;
        on_pool!(self, p => sqlx::query("DELETE FROM login_attempts WHERE at < $1").bind(cutoff).execute(p).await.map(|r| r.rows_affected()))?;
        self.purge_share_actions(cutoff.0).await?;
        self.purge_login_throttle(cutoff.0).await?;
        self.purge_changes().await?;
        Ok(())
    }

    // --- sign-in attempts -----------------------------------------------------------------

    pub async fn record_login_attempt(&self, email: &str, ip: &str, succeeded: bool) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("INSERT INTO login_attempts (email, ip, succeeded, at) VALUES ($1, $2, $3, $4)")
            .bind(email).bind(ip).bind(succeeded).bind(now()).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Failed attempts since `since`, for this e-mail and for this address.
    pub async fn recent_failures(&self, email: &str, ip: &str, since: OffsetDateTime) -> StoreResult<(i64, i64)> {
        let (by_email,): (i64,) = on_pool!(self, p => sqlx::query_as(
            "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND at > $2 AND NOT succeeded")
            .bind(email).bind(Ts(since)).fetch_one(p).await)?;
        let (by_ip,): (i64,) = on_pool!(self, p => sqlx::query_as(
            "SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND at > $2 AND NOT succeeded")
            .bind(ip).bind(Ts(since)).fetch_one(p).await)?;
        Ok((by_email, by_ip))
    }
}
