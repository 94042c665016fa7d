//! keyplan's storage: one [`Store`] over SQLite (embedded, the default) or
//! PostgreSQL (for larger deployments), chosen from the database URL.
//!
//! Every query is written once, with `$n` placeholders that both databases
//! understand, and runs on whichever pool the store holds (see [`on_pool!`]).
//! Every method that reads or writes organisation data takes the caller's
//! [`OrgId`] and filters on it.
#![forbid(unsafe_code)]

mod account_list;
mod accounts;
mod budget;
mod changes;
mod coach;
mod cockpit;
mod collab;
mod committees;
mod contacts;
mod content;
mod crm;
mod crm_uploads;
mod customer;
mod error;
mod history_tx;
mod import;
mod jobs;
mod json_rows;
mod kpis;
pub mod legacy_text;
mod limits;
mod meetings;
mod nodes;
mod opportunities;
mod plan_read;
mod plans;
mod portfolio;
mod progress;
mod reviews;
mod rhythm;
mod rows;
mod scorecard;
mod serial;
mod settings;
mod share_guard;
mod shares;
mod templates;
mod tokens;
mod users;
mod whitespace;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

pub use account_list::{AccountFilter, AccountSort, AccountSummary, Choice};
pub use accounts::TeamMember;
pub use budget::{BudgetAccount, BudgetFacts, BudgetGoal, BudgetPipeline, BudgetRating};
pub use changes::ChangeMark;
pub use coach::{CoachFacts, CoachMark, PlanMark, RuleChange};
pub use cockpit::{CockpitChoices, CockpitCommitment, CockpitFilter, CockpitKpi, CockpitObstacle, CockpitPlan};
pub use collab::{Activity, Comment, DueCommitment, MessageArgs, NewNotification, Notification, ReviewDate, Unmailed};
pub use committees::{Committee, CommitteeMember, CommitteePlan, CommitteeSummary};
pub use content::{GoalLink, Item, PlanSection};
pub use crm::{CrmAccountRef, CrmContactRef, CrmTx};
pub use crm_uploads::CrmUpload;
pub use customer::{CustomerComment, JointCommitment, NewCustomerAnswer, NewCustomerComment, SideEffects};
pub use error::{StoreError, StoreResult};
pub use import::{ContactRef, ImportItem, ImportKpi, ImportLink, ImportNode, ImportProgress, ImportSection, LinkTarget, PlanImport};
pub use kpis::{Kpi, KpiActual, ReviewMark};
pub use limits::{ActivePlanRow, LimitException, PlanLimitNote};
pub use meetings::{EarlierSnapshot, Meeting, MeetingItem, MeetingPlan, MeetingSummary, NewMeetingSnapshot, OpenAsk};
pub use nodes::{MyCommitment, NodeWrite};
pub use opportunities::{GoalChoice, Opportunity};
pub use plan_read::PlanReads;
pub use portfolio::{PortfolioAccount, PortfolioChoices, PortfolioFilter, sort_by_name};
pub use progress::ProgressNote;
pub use reviews::{Participant, Review, ReviewSchedule, ReviewText, Snapshot, SnapshotInfo, last_update};
pub use rhythm::{NewRating, Rating, UpdateFacts};
pub use rows::{Account, Contact, Organisation, Plan, PlanSummary, SessionUser, User};
pub use scorecard::{ScorecardAsked, ScorecardFacts, ScorecardKpi, ScorecardOwned, ScorecardPlan, ScorecardRating, ScorecardReview};
pub use share_guard::ShareLimits;
pub use shares::{ShareLink, ShareOpening, Visibilities, VisibilityTarget};
pub use templates::{ImportOutcome, Template, TemplateVersion};
pub use tokens::ApiToken;
pub use users::{NewUser, OrgSettings};
pub use whitespace::{BusinessUnit, Cell, Offering, OfferingUsage, Whitespace};

pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The database, shared by all requests (cheap to clone).
#[derive(Clone)]
pub struct Store {
    pool: Arc<Pool>,
    queries: Arc<AtomicU64>,
    instance: u64,
}

/// Numbers each connected store, so that what is kept in memory for one
/// database is never taken for another's (tests open many in one process).
static INSTANCES: AtomicU64 = AtomicU64::new(1);

/// Which database a store talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs `$body` with `$p` bound to the pool, whichever database it is, and counts
/// the statement (the count lets tests prove a page needs a fixed number of queries).
macro_rules! on_pool {
    ($store:expr, $p:ident => $body:expr) => {{
        $store.count_query();
        match &*$store.pool {
            $crate::Pool::Sqlite($p) => $body,
            $crate::Pool::Postgres($p) => $body,
        }
    }};
}
pub(crate) use on_pool;

/// A write transaction on either database.
pub(crate) enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs `$body` with `$c` bound to the transaction's connection.
macro_rules! on_tx {
    ($store:expr, $tx:expr, $c:ident => $body:expr) => {{
        $store.count_query();
        match &mut $tx {
            $crate::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    }};
}
pub(crate) use on_tx;

impl Tx {
    pub(crate) async fn commit(self) -> StoreResult<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

impl Store {
    /// Connects to `url` (`sqlite://FILE`, `sqlite::memory:` or `postgres://...`).
    /// SQLite files are created when missing.
    pub async fn connect(url: &str) -> StoreResult<Store> {
        Store::connect_sized(url, None).await
    }

    /// Connects with one connection: for a command that reads and ends, such
    /// as an export, where opening more (each SQLite connection reads the
    /// schema again) costs more than it saves (issue 18).
    pub async fn connect_single(url: &str) -> StoreResult<Store> {
        Store::connect_sized(url, Some(1)).await
    }

    async fn connect_sized(url: &str, connections: Option<u32>) -> StoreResult<Store> {
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url).map_err(|e| StoreError::Config(format!("invalid PostgreSQL URL: {e}")))?;
            let pool = PgPoolOptions::new()
                .max_connections(connections.unwrap_or(16))
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await
                .map_err(|e| StoreError::Config(format!("cannot connect to PostgreSQL: {e}")))?;
            Pool::Postgres(pool)
        } else if url.starts_with("sqlite:") {
            let memory = url.contains(":memory:") || url.contains("mode=memory");
            let opts = SqliteConnectOptions::from_str(url)
                .map_err(|e| StoreError::Config(format!("invalid SQLite URL: {e}")))?
                .create_if_missing(true)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .synchronous(SqliteSynchronous::Normal);
            let opts = if memory { opts } else { opts.journal_mode(SqliteJournalMode::Wal) };
            let pool = SqlitePoolOptions::new()
                // An in-memory database lives in one connection.
                .max_connections(if memory { 1 } else { connections.unwrap_or_else(sqlite_pool_size) })
                .min_connections(if memory { 1 } else { 0 })
                .idle_timeout(if memory { None } else { Some(Duration::from_secs(600)) })
                .max_lifetime(if memory { None } else { Some(Duration::from_secs(3600)) })
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await
                .map_err(|e| StoreError::Config(format!("cannot open SQLite database: {e}")))?;
            Pool::Sqlite(pool)
        } else {
            return Err(StoreError::Config(format!("unsupported database URL {:?}: use sqlite://FILE or postgres://...", redact(url))));
        };
        let instance = INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Store { pool: Arc::new(pool), queries: Arc::new(AtomicU64::new(0)), instance })
    }

    /// Brings the schema up to date. Safe to run on every start.
    ///
    /// A database already up to date, fix-ups included, costs one statement:
    /// the migrations' own bookkeeping (several statements) and the data
    /// fix-ups are skipped. Every other case runs them all, so a start that
    /// crashed between migrating and fixing up finishes the work next time.
    pub async fn migrate(&self) -> StoreResult<()> {
        let newest = match &*self.pool {
            Pool::Sqlite(_) => SQLITE_MIGRATIONS.migrations.iter().map(|m| m.version).max(),
            Pool::Postgres(_) => POSTGRES_MIGRATIONS.migrations.iter().map(|m| m.version).max(),
        }
        .unwrap_or_default();
        if self.upkept_at().await == Some(newest) {
            return Ok(());
        }
        match &*self.pool {
            Pool::Sqlite(p) => SQLITE_MIGRATIONS.run(p).await?,
            Pool::Postgres(p) => POSTGRES_MIGRATIONS.run(p).await?,
        }
        self.convert_legacy_text().await?;
        self.backfill_crm_keys().await?;
        self.seed_templates().await?;
        on_pool!(self, p => sqlx::query(
            "INSERT INTO schema_upkeep (name, version) VALUES ('fix-ups', $1) ON CONFLICT (name) DO UPDATE SET version = excluded.version")
            .bind(newest).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The newest migration, if the database has it and the fix-ups ran
    /// after it. `None` for a new database (whose tables do not exist yet),
    /// so any error sends [`Store::migrate`] the long way.
    async fn upkept_at(&self) -> Option<i64> {
        let row: Result<(Option<i64>, Option<i64>), _> = on_pool!(self, p => sqlx::query_as(
            "SELECT (SELECT MAX(version) FROM _sqlx_migrations WHERE success = TRUE), \
             (SELECT version FROM schema_upkeep WHERE name = 'fix-ups')").fetch_one(p).await);
        match row {
            Ok((Some(applied), Some(fixed))) if applied == fixed => Some(applied),
            _ => None,
        }
    }

    /// Has every idle SQLite connection give back the memory it keeps
    /// between statements, chiefly its page cache (`PRAGMA shrink_memory`);
    /// for a quiet moment, as the pages are read again from the file when
    /// next needed. Connections in use are left alone. Answers how many
    /// connections were shrunk (none for PostgreSQL, whose server keeps it).
    pub async fn release_memory(&self) -> usize {
        let Pool::Sqlite(pool) = &*self.pool else { return 0 };
        // Taken all at once, so that each idle connection is visited once.
        let mut idle = Vec::new();
        while let Some(conn) = pool.try_acquire() {
            idle.push(conn);
        }
        for conn in &mut idle {
            if let Err(e) = sqlx::query("PRAGMA shrink_memory").execute(&mut **conn).await {
                tracing::warn!(error = %e, "shrinking an idle SQLite connection's memory failed");
            }
        }
        idle.len()
    }

    /// This connected store's number in the process; clones share it.
    pub fn instance(&self) -> u64 {
        self.instance
    }

    pub fn backend(&self) -> Backend {
        match &*self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Checks that the database answers (for `/healthz`).
    pub async fn ping(&self) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("SELECT 1").execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn close(&self) {
        match &*self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }

    /// Statements run so far through this store (all clones share the counter).
    pub fn query_count(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    pub(crate) fn count_query(&self) {
        self.queries.fetch_add(1, Ordering::Relaxed);
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`) so that two writers never deadlock on an upgrade.
    pub(crate) async fn begin(&self) -> StoreResult<Tx> {
        self.count_query();
        Ok(match &*self.pool {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }
}

/// New positions (mine, the neighbour's) when a row swaps with its neighbour; equal
/// positions (never written by us, but possible after imports) still swap.
pub(crate) fn swapped(mine: i32, other: i32, up: bool) -> (i32, i32) {
    if other == mine { if up { (other, other + 1) } else { (other + 1, other) } } else { (other, mine) }
}

/// Hides a password in a database URL before it is shown anywhere.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}://{}:***@{}", &url[..scheme], user, &url[at + 1..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// How many SQLite connections a server keeps (each is a thread of the
/// driver's): `KEYPLAN_SQLITE_POOL`, else two per core, at least 4 and at
/// most 16. Measured on 2 cores (issue 18) with a mixed load of pages, API
/// answers and PDFs: 4 connections served as many requests as 8 and left
/// the server 7 MiB smaller; 2 served 7 % fewer.
fn sqlite_pool_size() -> u32 {
    let per_core = std::thread::available_parallelism().map(|n| n.get() as u32 * 2).unwrap_or(4).clamp(4, 16);
    std::env::var("KEYPLAN_SQLITE_POOL").ok().and_then(|v| v.parse().ok()).filter(|n| (1..=64).contains(n)).unwrap_or(per_core)
}

/// A list of ids as SQL literals for `IN (…)`. Ids are integers, never text
/// from a user; an empty list is `NULL`, which matches nothing.
pub(crate) fn id_list(ids: impl IntoIterator<Item = i64>) -> String {
    let list: Vec<String> = ids.into_iter().map(|i| i.to_string()).collect();
    if list.is_empty() { "NULL".into() } else { list.join(", ") }
}

pub(crate) fn now() -> Ts {
    let now = time::OffsetDateTime::now_utc();
    // Microseconds: what PostgreSQL keeps, so both databases hand back the same value.
    Ts(now.replace_nanosecond(now.nanosecond() / 1000 * 1000).unwrap_or(now))
}

/// A timestamp as a query parameter. SQLite keeps timestamps as text and compares
/// them as text, so this writes them in UTC with a fixed width
/// (`2026-03-15T09:30:00.250000Z`); sqlx's own text keeps the caller's offset and
/// drops trailing zeros (`…:00Z` sorts after `…:00.5Z`). PostgreSQL gets the value as is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ts(pub(crate) time::OffsetDateTime);

impl sqlx::Type<sqlx::Sqlite> for Ts {
    fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
        <time::OffsetDateTime as sqlx::Type<sqlx::Sqlite>>::type_info()
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Sqlite> for Ts {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Sqlite as sqlx::Database>::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
        let text = self.0.to_offset(time::UtcOffset::UTC).format(&format)?;
        <String as sqlx::Encode<'q, sqlx::Sqlite>>::encode(text, buf)
    }
}

impl sqlx::Type<sqlx::Postgres> for Ts {
    fn type_info() -> sqlx::postgres::PgTypeInfo {
        <time::OffsetDateTime as sqlx::Type<sqlx::Postgres>>::type_info()
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Postgres> for Ts {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Postgres as sqlx::Database>::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <time::OffsetDateTime as sqlx::Encode<'q, sqlx::Postgres>>::encode_by_ref(&self.0, buf)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(super::redact("postgres://app:secret@db:5432/kp"), "postgres://app:***@db:5432/kp");
        assert_eq!(super::redact("sqlite://keyplan.db"), "sqlite://keyplan.db");
    }
}
