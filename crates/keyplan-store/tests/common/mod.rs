//! Test databases for the backend-agnostic store suite: a fresh SQLite file or a
//! fresh PostgreSQL database per test, migrated, and removed afterwards.

use std::fmt::Debug;
use std::future::Future;
use std::path::PathBuf;

use keyplan_store::{Backend, Store, StoreError, StoreResult};
use sqlx::Connection;

/// Generates `sqlite_<name>` and `postgres_<name>` tests that run `scenario` on each
/// database. After `with_url:` the scenario also gets the database's URL.
macro_rules! on_both_databases {
    ($($scenario:ident => $sqlite:ident, $postgres:ident;)+) => {$(
        #[tokio::test]
        async fn $sqlite() {
            let db = common::TestDb::sqlite().await;
            db.run(|store| async move { $scenario(&store).await }).await;
        }

        #[tokio::test]
        async fn $postgres() {
            let Some(db) = common::TestDb::postgres().await else { return };
            db.run(|store| async move { $scenario(&store).await }).await;
        }
    )+};
    (with_url: $($scenario:ident => $sqlite:ident, $postgres:ident;)+) => {$(
        #[tokio::test]
        async fn $sqlite() {
            let db = common::TestDb::sqlite().await;
            let url = db.url();
            db.run(|store| async move { $scenario(&store, &url).await }).await;
        }

        #[tokio::test]
        async fn $postgres() {
            let Some(db) = common::TestDb::postgres().await else { return };
            let url = db.url();
            db.run(|store| async move { $scenario(&store, &url).await }).await;
        }
    )+};
}

enum Cleanup {
    SqliteFile(PathBuf),
    PostgresDb { base_url: String, name: String },
}

pub struct TestDb {
    store: Store,
    cleanup: Cleanup,
}

fn random_hex() -> String {
    format!("{:016x}", rand::random::<u64>())
}

impl TestDb {
    /// A migrated SQLite database in a new temporary file (WAL mode, busy timeout).
    pub async fn sqlite() -> TestDb {
        let path = std::env::temp_dir().join(format!("kp-{}.db", random_hex()));
        let store = Store::connect(&format!("sqlite://{}", path.display())).await.expect("open SQLite file");
        assert_eq!(store.backend(), Backend::Sqlite);
        store.migrate().await.expect("migrate SQLite");
        assert!(path.exists(), "the database is a file: {}", path.display());
        TestDb { store, cleanup: Cleanup::SqliteFile(path) }
    }

    /// A migrated, newly created PostgreSQL database on the server named by
    /// `KEYPLAN_TEST_PG`; `None` (test skipped) when that is unset, unless
    /// `KEYPLAN_REQUIRE_PG=1`.
    pub async fn postgres() -> Option<TestDb> {
        let base_url = match std::env::var("KEYPLAN_TEST_PG") {
            Ok(url) if !url.trim().is_empty() => url.trim().to_string(),
            _ => {
                if std::env::var("KEYPLAN_REQUIRE_PG").is_ok_and(|v| v.trim() == "1") {
                    panic!("KEYPLAN_REQUIRE_PG=1 but KEYPLAN_TEST_PG is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)");
                }
                eprintln!("skipped: set KEYPLAN_TEST_PG=postgres://USER@HOST:PORT/DB to run the PostgreSQL tests");
                return None;
            }
        };
        let name = format!("kp_test_{}", random_hex());
        let mut admin = sqlx::PgConnection::connect(&base_url)
            .await
            .unwrap_or_else(|e| panic!("connect to KEYPLAN_TEST_PG ({}): {e}", keyplan_store::redact(&base_url)));
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e}"));
        let _ = admin.close().await;
        let store = Store::connect(&with_database(&base_url, &name)).await.expect("connect to the test database");
        assert_eq!(store.backend(), Backend::Postgres);
        store.migrate().await.expect("migrate PostgreSQL");
        Some(TestDb { store, cleanup: Cleanup::PostgresDb { base_url, name } })
    }

    /// The database's URL, for a second connection that writes what the store never would.
    pub fn url(&self) -> String {
        match &self.cleanup {
            Cleanup::SqliteFile(path) => format!("sqlite://{}", path.display()),
            Cleanup::PostgresDb { base_url, name } => with_database(base_url, name),
        }
    }

    /// Runs a scenario, removes the database (also when the scenario fails) and
    /// then reports the scenario's panic, if any.
    pub async fn run<F, Fut>(self, scenario: F)
    where
        F: FnOnce(Store) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let outcome = tokio::spawn(scenario(self.store.clone())).await;
        self.store.close().await;
        match self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
            Cleanup::PostgresDb { base_url, name } => {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&base_url).await {
                    let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                    if let Err(e) = sqlx::query(sqlx::AssertSqlSafe(drop)).execute(&mut admin).await {
                        eprintln!("could not drop test database {name}: {e}");
                    }
                    let _ = admin.close().await;
                }
            }
        }
        if let Err(e) = outcome {
            match e.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(e) => panic!("scenario did not finish: {e}"),
            }
        }
    }
}

/// `base_url` with its database name replaced by `name` (query parameters kept).
fn with_database(base_url: &str, name: &str) -> String {
    let (url, query) = match base_url.split_once('?') {
        Some((url, query)) => (url, format!("?{query}")),
        None => (base_url, String::new()),
    };
    let host_start = url.find("://").map_or(0, |i| i + 3);
    let server = match url[host_start..].find('/') {
        Some(slash) => &url[..host_start + slash],
        None => url,
    };
    format!("{server}/{name}{query}")
}

// --- assertions on store errors ------------------------------------------------------------

#[track_caller]
pub fn assert_invalid<T: Debug>(result: StoreResult<T>, field: &str) {
    match result {
        Err(StoreError::Invalid(e)) => assert_eq!(e.field, field, "wrong field in {e}"),
        other => panic!("expected Invalid({field}), got {other:?}"),
    }
}

#[track_caller]
pub fn assert_conflict<T: Debug>(result: StoreResult<T>, current: i64) {
    match result {
        Err(StoreError::Conflict { current: c }) => {
            assert_eq!(c, current, "conflict reports the stored version")
        }
        other => panic!("expected Conflict {{ current: {current} }}, got {other:?}"),
    }
}

#[track_caller]
pub fn assert_not_found<T: Debug>(result: StoreResult<T>) {
    match result {
        Err(StoreError::NotFound) => {}
        other => panic!("expected NotFound, got {other:?}"),
    }
}

/// Compares two records field by field through `Debug` (for rows without `PartialEq`).
#[track_caller]
pub fn assert_same<T: Debug>(left: &T, right: &T) {
    assert_eq!(format!("{left:#?}"), format!("{right:#?}"));
}

#[test]
fn database_name_is_replaced() {
    assert_eq!(with_database("postgres://pg@h:5432/postgres", "kp_x"), "postgres://pg@h:5432/kp_x");
    assert_eq!(with_database("postgres://pg@h:5432", "kp_x"), "postgres://pg@h:5432/kp_x");
    assert_eq!(with_database("postgresql://pg:pw@h/db?sslmode=disable", "kp_x"), "postgresql://pg:pw@h/kp_x?sslmode=disable");
}

/// The day the suites treat as today.
pub const TODAY: time::Date = time::macros::date!(2026 - 03 - 15);
/// A stored password hash for users made directly in the store (nobody signs in).
pub const PASSWORD_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

/// A plan of twelve months from [`TODAY`].
pub fn plan_input(title: &str) -> keyplan_domain::plan::PlanData {
    keyplan_domain::plan::PlanInput { title: title.into(), ..Default::default() }.validate(TODAY).expect("valid plan")
}

/// A user of `org` named `name` (e-mail `first.last@example.com`).
pub async fn user(store: &Store, org: keyplan_domain::OrgId, name: &str, role: keyplan_domain::Role) -> keyplan_store::User {
    let email = format!("{}@example.com", name.to_lowercase().replace(' ', "."));
    let new = keyplan_store::NewUser { email: &email, name, role, password_hash: PASSWORD_HASH };
    store.create_user(org, new).await.expect("create user")
}

/// A key account manager of `org`.
pub async fn kam(store: &Store, org: keyplan_domain::OrgId, name: &str) -> keyplan_store::User {
    user(store, org, name, keyplan_domain::Role::Kam).await
}
