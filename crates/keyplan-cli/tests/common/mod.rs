//! What the command-line tests share: the built binary run with a clean
//! environment, and a database file removed afterwards.

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_keyplan");

/// Runs `keyplan ARGS` with `stdin`, no `KEYPLAN_DB` and no configuration file.
pub fn keyplan(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("KEYPLAN_DB")
        .env("KEYPLAN_CONFIG", "/nonexistent/keyplan.toml")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run keyplan");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("wait")
}

/// A SQLite database file in the temporary directory, removed with its journal.
pub struct TempDb(pub std::path::PathBuf);

impl TempDb {
    pub fn new(prefix: &str) -> TempDb {
        TempDb(std::env::temp_dir().join(format!("{prefix}-{:016x}.db", rand::random::<u64>())))
    }
    pub fn url(&self) -> String {
        format!("sqlite://{}", self.0.display())
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for s in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{s}", self.0.display()));
        }
    }
}
