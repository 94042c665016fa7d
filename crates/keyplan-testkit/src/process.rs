//! The built `keyplan` binary as a separate process, for tests a single
//! in-process server cannot make: several servers on one database, memory of
//! the server alone, `kill -9` in the middle of writes. Also fresh databases
//! such processes share, and the server's memory as the kernel reports it.

use std::path::PathBuf;
use std::process::Stdio;

use sqlx::Connection;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The `keyplan` binary: `KEYPLAN_BIN`, else the one next to this test's own
/// build (built first when the test runs under cargo).
pub fn keyplan_binary() -> PathBuf {
    if let Ok(p) = std::env::var("KEYPLAN_BIN") {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("the test's own path");
    // target/<profile>/deps/<test> -> target/<profile>/keyplan
    let profile_dir = exe.parent().and_then(|d| d.parent()).expect("the test runs from target/<profile>/deps").to_path_buf();
    let bin = profile_dir.join("keyplan");
    if let Ok(cargo) = std::env::var("CARGO") {
        let status = std::process::Command::new(cargo)
            .args(["build", "--quiet", "-p", "keyplan-cli", "--bin", "keyplan"])
            .status()
            .expect("run cargo build for the keyplan binary");
        assert!(status.success(), "building the keyplan binary failed");
    }
    assert!(bin.exists(), "no keyplan binary at {} (build it: cargo build -p keyplan-cli, or set KEYPLAN_BIN)", bin.display());
    bin
}

/// A database for processes to share; removed when dropped.
pub struct FreshDb {
    pub url: String,
    cleanup: Option<(String, String)>,
    file: Option<PathBuf>,
}

impl FreshDb {
    pub fn sqlite() -> FreshDb {
        let path = std::env::temp_dir().join(format!("kp-proc-{:016x}.db", rand::random::<u64>()));
        FreshDb { url: format!("sqlite://{}", path.display()), cleanup: None, file: Some(path) }
    }

    /// A new database on `KEYPLAN_TEST_PG`. `None` when that is not set
    /// (then the test is skipped), unless `KEYPLAN_REQUIRE_PG=1`.
    pub async fn postgres() -> Option<FreshDb> {
        let Ok(base) = std::env::var("KEYPLAN_TEST_PG") else {
            assert!(
                !std::env::var("KEYPLAN_REQUIRE_PG").is_ok_and(|v| v.trim() == "1"),
                "KEYPLAN_REQUIRE_PG=1 but KEYPLAN_TEST_PG is not set"
            );
            eprintln!("skipped: set KEYPLAN_TEST_PG to run on PostgreSQL");
            return None;
        };
        let name = format!("kp_proc_{:016x}", rand::random::<u64>());
        let mut admin = sqlx::PgConnection::connect(&base).await.expect("connect to PostgreSQL (KEYPLAN_TEST_PG)");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.expect("create database");
        let _ = admin.close().await;
        let i = base.rfind('/').expect("KEYPLAN_TEST_PG ends in /DATABASE");
        Some(FreshDb { url: format!("{}/{name}", &base[..i]), cleanup: Some((base, name)), file: None })
    }

    pub fn is_postgres(&self) -> bool {
        self.cleanup.is_some()
    }
}

impl Drop for FreshDb {
    fn drop(&mut self) {
        if let Some(path) = self.file.take() {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
        if let Some((base, name)) = self.cleanup.take() {
            crate::drop_pg_database(base, name);
        }
    }
}

/// A running `keyplan serve`. Dropping it kills the process.
pub struct ServerProcess {
    child: Child,
    pub pid: u32,
    pub port: u16,
    pub base: String,
}

impl ServerProcess {
    /// Starts `keyplan serve --db URL --bind 127.0.0.1:0` with these
    /// `KEYPLAN_*` variables and waits until it listens.
    pub async fn start(db_url: &str, env: &[(&str, String)]) -> ServerProcess {
        let mut cmd = Command::new(keyplan_binary());
        cmd.args(["serve", "--db", db_url, "--bind", "127.0.0.1:0"])
            .current_dir(std::env::temp_dir())
            .env("KEYPLAN_CONFIG", std::env::temp_dir().join("kp-no-such-config.toml"))
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start keyplan serve");
        let pid = child.id().expect("pid");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let port = tokio::time::timeout(std::time::Duration::from_secs(60), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(rest) = line.strip_prefix("keyplan is running at http://127.0.0.1:") {
                    return rest.split('/').next().and_then(|p| p.parse::<u16>().ok());
                }
            }
            None
        })
        .await
        .ok()
        .flatten()
        .expect("keyplan serve says where it listens");
        // Keep reading its output so it never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        ServerProcess { child, pid, port, base: format!("http://127.0.0.1:{port}") }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `kill -9`, and waits until it is gone.
    pub async fn kill9(mut self) {
        let _ = self.child.start_kill();
        let _ = self.child.wait().await;
    }

    /// The process's memory as the kernel reports it.
    pub fn memory(&self) -> Memory {
        memory(self.pid)
    }
}

/// Memory of a process from `/proc/PID/status`, in KiB (0 when unknown).
#[derive(Clone, Copy, Debug, Default)]
pub struct Memory {
    /// `VmRSS`: resident now.
    pub rss: u64,
    /// `VmHWM`: the peak of `VmRSS`.
    pub hwm: u64,
    /// `RssAnon`: resident memory the process allocated (heap, stacks).
    pub anon: u64,
    /// `RssFile`: resident pages of mapped files, mostly the binary itself.
    pub file: u64,
}

pub fn memory(pid: u32) -> Memory {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Memory { rss: field("VmRSS:"), hwm: field("VmHWM:"), anon: field("RssAnon:"), file: field("RssFile:") }
}
