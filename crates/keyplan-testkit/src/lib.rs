//! Test support: the real keyplan server on port 0 with an isolated database,
//! signed-in HTTP sessions, fixture builders, and a small WebDriver client for
//! browser tests.
//!
//! The database is SQLite in a temporary file unless `KEYPLAN_TEST_DB=postgres`,
//! in which case a fresh PostgreSQL database is created on the server named by
//! `KEYPLAN_TEST_PG` (default `postgres://postgres@127.0.0.1:5432/postgres`).
#![forbid(unsafe_code)]

pub mod process;
pub mod smtp;
pub mod webdriver;

use std::path::PathBuf;

use keyplan_domain::{OrgId, Role};
use keyplan_store::{NewUser, Store, User};
use keyplan_web::{Application, Config};
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use serde_json::Value;
use sqlx::Connection;

/// Drops the test database `name` through the server at `base`, from a thread
/// with its own runtime (a `Drop` runs inside the test's runtime, which cannot
/// block on another future).
pub fn drop_pg_database(base: String, name: String) {
    let _ = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
        rt.block_on(async {
            let mut admin = sqlx::PgConnection::connect(&base).await.ok()?;
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).execute(&mut admin).await.ok()?;
            Some(())
        })
    })
    .join();
}

pub const PASSWORD: &str = "correct horse battery";

enum Cleanup {
    File(PathBuf),
    Postgres { base: String, name: String },
}

/// A running keyplan with its own database. Dropping it stops the server and
/// removes the database.
pub struct TestApp {
    pub base: String,
    pub port: u16,
    pub store: Store,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    cleanup: Option<Cleanup>,
}

fn random_hex() -> String {
    format!("{:016x}", rand::random::<u64>())
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_configured(|_| {}).await
    }

    /// With the demo organisation loaded.
    pub async fn spawn_demo() -> TestApp {
        Self::spawn_configured(|c| c.demo = true).await
    }

    /// With settings of the test's own (e-mail, say) on top of the test database.
    pub async fn spawn_configured(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let (url, cleanup) = if std::env::var("KEYPLAN_TEST_DB").is_ok_and(|v| v == "postgres") {
            let base = std::env::var("KEYPLAN_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
            let name = format!("kp_http_{}", random_hex());
            let mut admin = sqlx::PgConnection::connect(&base).await.expect("connect to PostgreSQL (KEYPLAN_TEST_PG)");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.expect("create test database");
            let _ = admin.close().await;
            let url = match base.rfind('/') {
                Some(i) => format!("{}/{name}", &base[..i]),
                None => panic!("KEYPLAN_TEST_PG must end in /DATABASE"),
            };
            (url, Cleanup::Postgres { base, name })
        } else {
            let path = std::env::temp_dir().join(format!("kp-http-{}.db", random_hex()));
            (format!("sqlite://{}", path.display()), Cleanup::File(path))
        };
        let mut config = Config { database_url: url, bind: "127.0.0.1:0".into(), ..Config::default() };
        adjust(&mut config);
        let app = Application::build(config).await.expect("build the application");
        let port = app.port();
        let store = app.store();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = app
                .run_until_stopped(async move {
                    let _ = rx.await;
                })
                .await;
        });
        TestApp { base: format!("http://127.0.0.1:{port}"), port, store, shutdown: Some(tx), cleanup: Some(cleanup) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client that keeps cookies and does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("http client")
    }

    /// Creates a user (and its organisation when missing) with [`PASSWORD`].
    pub async fn user(&self, org: &str, email: &str, name: &str, role: Role) -> User {
        let org = self.store.ensure_org(org).await.expect("organisation");
        let hash = keyplan_app::auth::hash_password(PASSWORD.into()).await.expect("hash");
        self.store.create_user(org.id, NewUser { email, name, role, password_hash: &hash }).await.expect("user")
    }

    pub async fn org_id(&self, name: &str) -> OrgId {
        self.store.ensure_org(name).await.expect("organisation").id
    }

    /// Signs in through the sign-in form, like a browser.
    pub async fn login(&self, email: &str) -> Session {
        self.try_login(email, PASSWORD).await.expect("sign-in succeeds")
    }

    pub async fn try_login(&self, email: &str, password: &str) -> Result<Session, (StatusCode, String)> {
        let client = self.client();
        let page = client.get(self.url("/login")).send().await.expect("GET /login").text().await.expect("body");
        let csrf = hidden_value(&page, "_csrf").expect("sign-in form has a CSRF field");
        let res = client
            .post(self.url("/login"))
            .form(&[("_csrf", csrf.as_str()), ("email", email), ("password", password), ("next", "/accounts")])
            .send()
            .await
            .expect("POST /login");
        if res.status() != StatusCode::SEE_OTHER {
            let status = res.status();
            return Err((status, res.text().await.unwrap_or_default()));
        }
        let page = client.get(self.url("/accounts")).send().await.expect("GET /accounts").text().await.expect("body");
        let csrf = hidden_value(&page, "_csrf").expect("signed-in pages carry the session's CSRF token");
        Ok(Session { client, csrf, base: self.base.clone() })
    }

    /// A new API token for the user with this e-mail.
    pub async fn token(&self, email: &str) -> String {
        let user = self.store.user_by_email(email).await.expect("lookup").expect("user exists");
        let token = keyplan_app::auth::new_api_token();
        self.store.create_api_token(user.id, "test", &keyplan_app::auth::token_hash(&token), None).await.expect("token");
        token
    }

    /// An API client authenticated by a bearer token.
    pub async fn api(&self, email: &str) -> Api {
        Api { client: self.client(), token: self.token(email).await, base: self.base.clone() }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.cleanup.take() {
            Some(Cleanup::File(path)) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Some(Cleanup::Postgres { base, name }) => {
                drop_pg_database(base, name);
            }
            None => {}
        }
    }
}

/// A signed-in browser-like session: cookies plus the CSRF token of its pages.
pub struct Session {
    pub client: reqwest::Client,
    pub csrf: String,
    pub base: String,
}

impl Session {
    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        let res = self.client.get(format!("{}{path}", self.base)).send().await.expect("GET");
        let status = res.status();
        (status, res.text().await.unwrap_or_default())
    }

    /// Posts a form with the session's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        self.client.post(format!("{}{path}", self.base)).form(&form).send().await.expect("POST")
    }

    /// Posts a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.base)).form(fields).send().await.expect("POST")
    }

    /// Calls the JSON API with the session cookie (and the CSRF header when `csrf`).
    pub async fn api(&self, method: reqwest::Method, path: &str, body: Option<Value>, csrf: bool) -> (StatusCode, Value) {
        let mut req = self.client.request(method, format!("{}/api/v1{path}", self.base));
        if csrf {
            req = req.header("x-csrf-token", &self.csrf);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("API call");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }
}

/// A bearer-token API client.
pub struct Api {
    pub client: reqwest::Client,
    pub token: String,
    pub base: String,
}

impl Api {
    pub async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut req = self.client.request(method, format!("{}/api/v1{path}", self.base)).bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("API call");
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::GET, path, None).await
    }
    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::POST, path, Some(body)).await
    }
    pub async fn patch(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::PATCH, path, Some(body)).await
    }
    pub async fn delete(&self, path: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::DELETE, path, None).await
    }

    /// Creates an account and returns its id.
    pub async fn account(&self, name: &str) -> i64 {
        let (s, v) = self.post("/accounts", serde_json::json!({ "name": name })).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["id"].as_i64().expect("id")
    }

    /// Creates a plan on the account and returns its id.
    pub async fn plan(&self, account: i64, title: &str) -> i64 {
        let (s, v) = self.post(&format!("/accounts/{account}/plans"), serde_json::json!({ "title": title })).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v["id"].as_i64().expect("id")
    }

    /// Adds a node and returns the created object.
    pub async fn node(&self, plan: i64, body: Value) -> Value {
        let (s, v) = self.post(&format!("/plans/{plan}/nodes"), body).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v
    }

    /// goal -> csf -> condition -> obstacle, returning their ids.
    pub async fn skeleton(&self, plan: i64) -> [i64; 4] {
        let goal = self.node(plan, serde_json::json!({"kind": "goal", "title": "Grow to 2m", "metric": "Revenue", "baseline": 1000000, "target": 2000000, "unit": "EUR", "target_date": "2027-06-30"})).await;
        let csf = self.node(plan, serde_json::json!({"kind": "csf", "parent_id": goal["id"], "title": "Approved supplier"})).await;
        let cond =
            self.node(plan, serde_json::json!({"kind": "condition", "parent_id": csf["id"], "title": "Specified in the design"})).await;
        let obst = self
            .node(plan, serde_json::json!({"kind": "obstacle", "parent_id": cond["id"], "title": "Engineers know only the competitor"}))
            .await;
        [goal["id"].as_i64().unwrap(), csf["id"].as_i64().unwrap(), cond["id"].as_i64().unwrap(), obst["id"].as_i64().unwrap()]
    }
}

/// The value of the first hidden input called `name` in a page.
pub fn hidden_value(html: &str, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\" value=\"");
    let start = html.find(&needle)? + needle.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

/// The location a redirect points to.
pub fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}
