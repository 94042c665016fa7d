//! Starting the browser: where chromedriver and Chromium are, whether tests
//! may skip without them, the session's capabilities, and a chromedriver
//! process with a fresh profile that is cleaned up on drop.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{Error, POLL, Result};

const STARTUP: Duration = Duration::from_secs(15);

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(default))
}

fn chromedriver_path() -> PathBuf {
    env_path("CHROMEDRIVER", "/usr/bin/chromedriver")
}

fn chromium_path() -> PathBuf {
    env_path("CHROMIUM", "/usr/bin/chromium")
}

/// True when both chromedriver and Chromium are installed.
pub fn available() -> bool {
    chromedriver_path().is_file() && chromium_path().is_file()
}

/// For browser tests: `true` means "skip this test" (and says so). Panics
/// instead when `KEYPLAN_REQUIRE_BROWSER=1`, so CI cannot skip silently.
pub fn skip_without_browser() -> bool {
    if available() {
        return false;
    }
    if std::env::var("KEYPLAN_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!(
            "KEYPLAN_REQUIRE_BROWSER=1 but chromium/chromedriver are not installed ({} / {})",
            chromium_path().display(),
            chromedriver_path().display()
        );
    }
    eprintln!("skipped: chromium/chromedriver not installed");
    true
}

/// How to start the browser.
#[derive(Debug, Clone)]
pub struct Options {
    /// Run page scripts (off: the `javascript` content setting is blocked).
    pub javascript: bool,
    pub width: u32,
    pub height: u32,
    /// Further Chromium arguments.
    pub args: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { javascript: true, width: 1280, height: 900, args: Vec::new() }
    }
}

impl Options {
    /// A browser that does not run page scripts.
    pub fn no_js() -> Options {
        Options { javascript: false, ..Options::default() }
    }

    /// The session's capabilities: headless Chromium with a fresh profile and
    /// no background traffic (a closed network refuses it, many at a time).
    pub(super) fn capabilities(&self, profile: &Path) -> serde_json::Map<String, Value> {
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--window-size={},{}", self.width, self.height));
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(self.args.iter().cloned());
        let mut chrome = json!({ "binary": chromium_path().display().to_string(), "args": args });
        if !self.javascript {
            chrome["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let caps = json!({
            "goog:chromeOptions": chrome,
            "pageLoadStrategy": "normal",
            // Leave alerts open so tests can see them (see `alert_text`).
            "unhandledPromptBehavior": "ignore",
            "timeouts": { "implicit": 0, "pageLoad": 30000, "script": 30000 },
        });
        match caps {
            Value::Object(map) => map,
            _ => unreachable!("a JSON object literal"),
        }
    }
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| Error::new("client", e.to_string(), "bind a free port"))?;
    let port = listener.local_addr().map_err(|e| Error::new("client", e.to_string(), "bind a free port"))?.port();
    drop(listener);
    Ok(port)
}

fn fresh_profile_dir() -> Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("kp-chromium-{}-{nanos}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).map_err(|e| Error::new("client", e.to_string(), format!("create {}", dir.display())))?;
    Ok(dir)
}

/// A running chromedriver and the browser profile it uses; stopping it (on
/// drop) ends the session, stops the driver and removes the profile.
pub(super) struct Driver {
    /// `http://127.0.0.1:PORT`
    pub(super) url: String,
    pub(super) child: Option<Child>,
    pub(super) profile: PathBuf,
    pub(super) session: Option<String>,
}

impl Driver {
    pub(super) async fn spawn() -> Result<Driver> {
        let port = free_port()?;
        let mut cmd = Command::new(chromedriver_path());
        cmd.arg(format!("--port={port}")).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        if let Some(log) = std::env::var_os("KEYPLAN_CHROMEDRIVER_LOG") {
            let mut arg = std::ffi::OsString::from("--log-path=");
            arg.push(log);
            cmd.arg(arg).arg("--verbose");
        }
        let profile = fresh_profile_dir()?;
        let child = cmd.spawn().map_err(|e| {
            let _ = std::fs::remove_dir_all(&profile);
            Error::new("client", format!("{e} ({})", chromedriver_path().display()), "chromedriver: spawn")
        })?;
        let mut driver = Driver { url: format!("http://127.0.0.1:{port}"), child: Some(child), profile, session: None };
        // Ready when its port answers.
        let deadline = Instant::now() + STARTUP;
        loop {
            if let Some(Ok(Some(status))) = driver.child.as_mut().map(Child::try_wait) {
                return Err(Error::new("client", format!("exited with {status}"), "chromedriver: start"));
            }
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(driver);
            }
            if Instant::now() > deadline {
                return Err(Error::new("timeout", format!("not ready after {STARTUP:?}"), "chromedriver: start"));
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Drop may run inside the test's runtime, which must not be blocked on:
        // ask chromedriver to end the session and stop from a thread with its own
        // small runtime, so the browser it started exits with it.
        let (url, session) = (self.url.clone(), self.session.clone());
        let quit = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            rt.block_on(async {
                let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().ok()?;
                if let Some(id) = session {
                    let _ = http.delete(format!("{url}/session/{id}")).send().await;
                }
                let _ = http.get(format!("{url}/shutdown")).timeout(Duration::from_secs(3)).send().await;
                Some(())
            })
        });
        let _ = quit.join();
        if let Some(mut child) = self.child.take() {
            let deadline = Instant::now() + Duration::from_secs(3);
            loop {
                match child.try_wait() {
                    Ok(Some(_)) => break,
                    Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
                    _ => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break;
                    }
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
