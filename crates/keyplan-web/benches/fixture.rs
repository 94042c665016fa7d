//! A demo database, a signed-in session and a way to grow a plan, shared by the
//! plan-page benchmark and the query-count test.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{NodeId, PlanId, Role};
use keyplan_store::{NodeWrite, Store};
use keyplan_web::{AppState, Config};
use tower::ServiceExt;

pub struct Fixture {
    pub store: Store,
    pub router: axum::Router,
    pub cookie: String,
    pub path: std::path::PathBuf,
    /// The database's URL (for bulk loads through a second connection).
    pub url: String,
    /// A PostgreSQL database made for this run: the server's URL and its name.
    pub pg: Option<(String, String)>,
}

/// A GET through `router` with the session `cookie`: the status and the body's size.
#[allow(dead_code)]
pub async fn get_with(router: &axum::Router, cookie: &str, path: &str) -> (StatusCode, usize) {
    let req = Request::get(path).header("cookie", cookie).body(Body::empty()).expect("request");
    let res = router.clone().oneshot(req).await.expect("response");
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("body");
    (status, body.len())
}

impl Fixture {
    /// A fresh SQLite file with the demo organisation, signed in as its first KAM.
    pub async fn demo() -> Fixture {
        let path = std::env::temp_dir().join(format!("kp-bench-{:016x}.db", rand::random::<u64>()));
        let url = format!("sqlite://{}", path.display());
        Fixture::demo_at(url, path, None).await
    }

    /// A fresh PostgreSQL database on the server at `server_url` with the demo
    /// organisation (dropped again by [`Fixture::cleanup_async`]).
    pub async fn demo_postgres(server_url: &str) -> Fixture {
        use sqlx::Connection;
        let name = format!("kp_bench_{:016x}", rand::random::<u64>());
        let mut admin = sqlx::PgConnection::connect(server_url).await.expect("connect to PostgreSQL");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.expect("create database");
        let _ = admin.close().await;
        let (base, query) = server_url.split_once('?').map(|(u, q)| (u, format!("?{q}"))).unwrap_or((server_url, String::new()));
        let host_start = base.find("://").map_or(0, |i| i + 3);
        let server = base[host_start..].find('/').map_or(base, |slash| &base[..host_start + slash]);
        let url = format!("{server}/{name}{query}");
        Fixture::demo_at(url, std::path::PathBuf::new(), Some((server_url.to_string(), name))).await
    }

    async fn demo_at(url: String, path: std::path::PathBuf, pg: Option<(String, String)>) -> Fixture {
        let store = Store::connect(&url).await.expect("open");
        store.migrate().await.expect("migrate");
        keyplan_app::demo::load(&store, time::OffsetDateTime::now_utc().date()).await.expect("demo");
        let user = store.user_by_email(keyplan_app::demo::DEMO_SIGN_INS[0].0).await.expect("lookup").expect("demo KAM");
        assert_eq!(user.role(), Role::Kam);
        let token = keyplan_app::auth::random_token();
        let expires = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
        store.create_session(user.id, &keyplan_app::auth::token_hash(&token), "csrf", expires).await.expect("session");
        let state = AppState::new(store.clone(), Config { database_url: url.clone(), ..Config::default() });
        let router = keyplan_web::router(state);
        Fixture { store, router, cookie: format!("{}={token}", keyplan_web::auth::SESSION_COOKIE), path, url, pg }
    }

    /// The same fixture signed in as someone else (a demo user's e-mail).
    pub async fn sign_in(&self, email: &str) -> Fixture {
        let user = self.store.user_by_email(email).await.expect("lookup").expect("demo user");
        let token = keyplan_app::auth::random_token();
        let expires = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
        self.store.create_session(user.id, &keyplan_app::auth::token_hash(&token), "csrf", expires).await.expect("session");
        Fixture {
            store: self.store.clone(),
            router: self.router.clone(),
            cookie: format!("{}={token}", keyplan_web::auth::SESSION_COOKIE),
            path: self.path.clone(),
            url: self.url.clone(),
            // The original fixture owns (and drops) any database made for the run.
            pg: None,
        }
    }

    /// GETs a page; returns status and body length.
    pub async fn get(&self, path: &str) -> (StatusCode, usize) {
        get_with(&self.router, &self.cookie, path).await
    }

    /// Statements the store runs to serve one GET.
    pub async fn queries_for(&self, path: &str) -> u64 {
        let before = self.store.query_count();
        let (status, _) = self.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        self.store.query_count() - before
    }

    /// Adds `factors` success factors, each with 2 conditions of 2 obstacles with
    /// 3 commitments (12 commitments per factor), to the plan's first goal.
    pub async fn grow(&self, plan: PlanId, factors: usize) {
        let org = self.store.plan_org(plan).await.expect("plan");
        let nodes = self.store.nodes(org, plan).await.expect("nodes");
        let goal = nodes.iter().find(|n| n.kind() == NodeKind::Goal).expect("goal").id;
        let owner = nodes.iter().find_map(|n| n.owner_id()).expect("an owner");
        let add = |kind, parent: NodeId, title: String| {
            let store = self.store.clone();
            async move {
                let mut w = NodeWrite::titled(title);
                if kind == NodeKind::Commitment {
                    w.owner_id = Some(owner);
                    w.author_id = Some(owner);
                    w.acceptance = Some(Acceptance::Accepted);
                    w.status = Some(CommitmentStatus::InProgress);
                    w.due_date = Some(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
                }
                store.create_node(org, plan, kind, Some(parent), &w, owner).await.expect("node").id
            }
        };
        for f in 0..factors {
            let csf = add(NodeKind::Csf, goal, format!("Factor {f}")).await;
            for c in 0..2 {
                let cond = add(NodeKind::Condition, csf, format!("Condition {f}.{c}")).await;
                for o in 0..2 {
                    let obst = add(NodeKind::Obstacle, cond, format!("Obstacle {f}.{c}.{o}")).await;
                    for k in 0..3 {
                        add(NodeKind::Commitment, obst, format!("Commitment {f}.{c}.{o}.{k}")).await;
                    }
                }
            }
        }
    }

    /// Removes the database, whichever it is.
    pub async fn cleanup_async(&self) {
        use sqlx::Connection;
        self.store.close().await;
        match &self.pg {
            Some((server, name)) => {
                if let Ok(mut admin) = sqlx::PgConnection::connect(server).await {
                    let _ =
                        sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).execute(&mut admin).await;
                }
            }
            None => self.cleanup(),
        }
    }

    pub fn cleanup(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
}
