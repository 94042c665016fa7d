//! A small W3C WebDriver client for browser tests: starts `chromedriver` on a
//! free port, opens a headless Chromium session with a fresh profile and drives
//! it over plain HTTP (reqwest). Only what keyplan's tests need.
//!
//! ```no_run
//! # async fn demo() -> keyplan_testkit::webdriver::Result<()> {
//! use keyplan_testkit::webdriver::Browser;
//! let Some(browser) = Browser::for_test().await else { return Ok(()) };
//! browser.goto("http://127.0.0.1:8080/login").await?;
//! browser.find("input[name=email]").await?.send_keys("kim@example.com").await?;
//! # Ok(()) }
//! ```
//!
//! Environment: `CHROMEDRIVER` and `CHROMIUM` override the binaries
//! (default `/usr/bin/chromedriver`, `/usr/bin/chromium`); with
//! `KEYPLAN_REQUIRE_BROWSER=1` a missing browser fails the test instead of
//! skipping it; `KEYPLAN_CHROMEDRIVER_LOG=FILE` keeps chromedriver's log.

use std::fmt;
use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The W3C key under which an element reference travels.
pub const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long [`Browser::find`] and the `wait_*` helpers poll by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(50);
const STARTUP: Duration = Duration::from_secs(15);

/// A failed WebDriver command: the W3C error code (`no such element`,
/// `stale element reference`, …, or `client` for transport problems and
/// `timeout` for the polling helpers) and the driver's message.
#[derive(Clone)]
pub struct Error {
    pub code: String,
    pub message: String,
    /// What was being attempted, e.g. `POST /element`.
    pub context: String,
}

impl Error {
    fn new(code: &str, message: impl Into<String>, context: impl Into<String>) -> Error {
        Error { code: code.into(), message: message.into(), context: context.into() }
    }
    /// True for this W3C error code.
    pub fn is(&self, code: &str) -> bool {
        self.code == code
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.context, self.code, self.message)
    }
}

// Tests returning `Result` print errors with Debug: make that readable.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

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
}

/// The HTTP side of one session, shared by the browser and its elements.
struct Conn {
    http: reqwest::Client,
    /// `http://127.0.0.1:PORT/session/ID`
    session: String,
    wait: std::sync::Mutex<Duration>,
}

impl Conn {
    async fn cmd(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Result<Value> {
        let context = format!("{method} {path}");
        let url = format!("{}{path}", self.session);
        request(&self.http, method, &url, body, &context).await
    }
    async fn get(&self, path: &str) -> Result<Value> {
        self.cmd(reqwest::Method::GET, path, None).await
    }
    async fn post(&self, path: &str, body: Value) -> Result<Value> {
        self.cmd(reqwest::Method::POST, path, Some(body)).await
    }
    fn wait(&self) -> Duration {
        *self.wait.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Sends one WebDriver request and unwraps `value`, turning error bodies into [`Error`].
async fn request(http: &reqwest::Client, method: reqwest::Method, url: &str, body: Option<Value>, context: &str) -> Result<Value> {
    let mut req = http.request(method.clone(), url);
    // POST commands must carry a JSON body, even an empty one.
    if let Some(b) = body {
        req = req.json(&b);
    } else if method == reqwest::Method::POST {
        req = req.json(&json!({}));
    }
    let res = req.send().await.map_err(|e| Error::new("client", e.to_string(), context))?;
    let status = res.status();
    let text = res.text().await.map_err(|e| Error::new("client", e.to_string(), context))?;
    let parsed: Value = serde_json::from_str(&text)
        .map_err(|_| Error::new("client", format!("HTTP {status}, not JSON: {}", truncate(&text, 300)), context))?;
    let value = parsed.get("value").cloned().unwrap_or(Value::Null);
    if let Some(code) = value.get("error").and_then(Value::as_str) {
        let message = value.get("message").and_then(Value::as_str).unwrap_or_default();
        return Err(Error::new(code, message, context));
    }
    if !status.is_success() {
        return Err(Error::new("client", format!("HTTP {status}: {}", truncate(&text, 300)), context));
    }
    Ok(value)
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
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

/// A headless Chromium driven through chromedriver. Dropping it ends the
/// session, stops chromedriver and removes the browser profile.
pub struct Browser {
    conn: Arc<Conn>,
    /// `http://127.0.0.1:PORT`
    driver_url: String,
    session_id: String,
    driver: Option<Child>,
    profile: PathBuf,
}

impl Browser {
    /// Headless Chromium with JavaScript on, 1280×900.
    pub async fn start() -> Result<Browser> {
        Self::start_with(Options::default()).await
    }

    /// For tests: `None` (after saying so) when the browser is not installed,
    /// see [`skip_without_browser`]; panics when it is installed but does not start.
    pub async fn for_test() -> Option<Browser> {
        Self::for_test_with(Options::default()).await
    }

    pub async fn for_test_with(options: Options) -> Option<Browser> {
        if skip_without_browser() {
            return None;
        }
        match Self::start_with(options).await {
            Ok(b) => Some(b),
            Err(e) => panic!("could not start the browser: {e}"),
        }
    }

    pub async fn start_with(options: Options) -> Result<Browser> {
        // The free port may be taken between probing and chromedriver binding it: retry.
        let mut last = None;
        for _ in 0..3 {
            match Self::try_start(&options).await {
                Ok(b) => return Ok(b),
                Err(e) if e.context.starts_with("chromedriver") => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| Error::new("client", "did not start", "chromedriver")))
    }

    async fn try_start(options: &Options) -> Result<Browser> {
        let port = free_port()?;
        let mut cmd = Command::new(chromedriver_path());
        cmd.arg(format!("--port={port}")).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        if let Some(log) = std::env::var_os("KEYPLAN_CHROMEDRIVER_LOG") {
            let mut arg = std::ffi::OsString::from("--log-path=");
            arg.push(log);
            cmd.arg(arg).arg("--verbose");
        }
        let mut child =
            cmd.spawn().map_err(|e| Error::new("client", format!("{e} ({})", chromedriver_path().display()), "chromedriver: spawn"))?;
        let driver_url = format!("http://127.0.0.1:{port}");
        let http = match reqwest::Client::builder().timeout(Duration::from_secs(120)).build() {
            Ok(c) => c,
            Err(e) => {
                kill(&mut child);
                return Err(Error::new("client", e.to_string(), "http client"));
            }
        };

        // Ready?
        let deadline = Instant::now() + STARTUP;
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                return Err(Error::new("client", format!("exited with {status}"), "chromedriver: start"));
            }
            let ready = request(&http, reqwest::Method::GET, &format!("{driver_url}/status"), None, "GET /status").await;
            if ready.as_ref().is_ok_and(|v| v["ready"].as_bool() == Some(true)) {
                break;
            }
            if Instant::now() > deadline {
                kill(&mut child);
                return Err(Error::new("timeout", format!("not ready after {STARTUP:?}"), "chromedriver: start"));
            }
            tokio::time::sleep(POLL).await;
        }

        let profile = match fresh_profile_dir() {
            Ok(p) => p,
            Err(e) => {
                kill(&mut child);
                return Err(e);
            }
        };
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
        args.push(format!("--window-size={},{}", options.width, options.height));
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(options.args.iter().cloned());
        let mut chrome = json!({ "binary": chromium_path().display().to_string(), "args": args });
        if !options.javascript {
            chrome["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "goog:chromeOptions": chrome,
            "pageLoadStrategy": "normal",
            // Leave alerts open so tests can see them (see `alert_text`).
            "unhandledPromptBehavior": "ignore",
            "timeouts": { "implicit": 0, "pageLoad": 30000, "script": 30000 },
        }}});
        let created = match request(&http, reqwest::Method::POST, &format!("{driver_url}/session"), Some(caps), "POST /session").await {
            Ok(v) => v,
            Err(e) => {
                kill(&mut child);
                let _ = std::fs::remove_dir_all(&profile);
                return Err(e);
            }
        };
        let Some(session_id) = created["sessionId"].as_str().map(str::to_string) else {
            kill(&mut child);
            let _ = std::fs::remove_dir_all(&profile);
            return Err(Error::new("client", format!("no sessionId in {created}"), "POST /session"));
        };
        let conn =
            Arc::new(Conn { http, session: format!("{driver_url}/session/{session_id}"), wait: std::sync::Mutex::new(DEFAULT_WAIT) });
        Ok(Browser { conn, driver_url, session_id, driver: Some(child), profile })
    }

    /// The WebDriver session id.
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// How long `find` and the `wait_*` helpers poll.
    pub fn set_wait(&self, wait: Duration) {
        *self.conn.wait.lock().unwrap_or_else(|e| e.into_inner()) = wait;
    }

    // --- navigation --------------------------------------------------------------------

    /// Loads a page and waits for it.
    pub async fn goto(&self, url: &str) -> Result<()> {
        self.conn.post("/url", json!({ "url": url })).await.map(drop)
    }

    pub async fn current_url(&self) -> Result<String> {
        Ok(self.conn.get("/url").await?.as_str().unwrap_or_default().to_string())
    }

    pub async fn title(&self) -> Result<String> {
        Ok(self.conn.get("/title").await?.as_str().unwrap_or_default().to_string())
    }

    pub async fn back(&self) -> Result<()> {
        self.conn.post("/back", json!({})).await.map(drop)
    }

    pub async fn refresh(&self) -> Result<()> {
        self.conn.post("/refresh", json!({})).await.map(drop)
    }

    pub async fn page_source(&self) -> Result<String> {
        Ok(self.conn.get("/source").await?.as_str().unwrap_or_default().to_string())
    }

    pub async fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.conn.post("/window/rect", json!({ "width": width, "height": height })).await.map(drop)
    }

    // --- finding -----------------------------------------------------------------------

    /// The first element matching `css`, polling until it exists (see [`Browser::set_wait`]).
    pub async fn find(&self, css: &str) -> Result<Element> {
        find_in(&self.conn, "", css).await
    }

    /// All elements matching `css` right now (no waiting).
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        find_all_in(&self.conn, "", css).await
    }

    /// The first element matching `css` whose text contains `text`, polling until there is one.
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        find_text_in(&self.conn, "", css, text).await
    }

    /// Whether an element matching `css` exists right now.
    pub async fn exists(&self, css: &str) -> Result<bool> {
        Ok(!self.find_all(css).await?.is_empty())
    }

    // --- waiting -----------------------------------------------------------------------

    /// Polls `check` until it returns `Some`, for at most the session's wait.
    /// Errors from `check` count as "not yet"; the last one is reported on timeout.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, check: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>>>,
    {
        poll(self.conn.wait(), what, check).await
    }

    /// Waits until the current URL satisfies `pred`; returns it.
    pub async fn wait_for_url(&self, what: &str, pred: impl Fn(&str) -> bool) -> Result<String> {
        self.wait_for(what, || async {
            let url = self.current_url().await?;
            Ok(pred(&url).then_some(url))
        })
        .await
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        self.wait_for(&format!("no element matches {css}"), || async { Ok((!self.exists(css).await?).then_some(())) }).await
    }

    /// Clicks `el` and waits until the browser has left the current document
    /// (the old root element goes stale), i.e. a form post or link has loaded.
    pub async fn click_and_wait(&self, el: &Element) -> Result<()> {
        let root = self.find("html").await?;
        el.click().await?;
        self.wait_stale(&root).await
    }

    /// Waits until `el` no longer belongs to the current document.
    pub async fn wait_stale(&self, el: &Element) -> Result<()> {
        self.wait_for("the page to be replaced", || async {
            match el.tag_name().await {
                Err(e) if e.is("stale element reference") || e.is("no such element") => Ok(Some(())),
                Err(e) => Err(e),
                Ok(_) => Ok(None),
            }
        })
        .await
    }

    // --- scripts, alerts, screenshots ---------------------------------------------------

    /// Runs `script` as a function body with `args` (use [`Element::json`] for
    /// elements); returns its result.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.conn.post("/execute/sync", json!({ "script": script, "args": args })).await
    }

    /// The text of the open alert, confirm or prompt, if any.
    pub async fn alert_text(&self) -> Result<Option<String>> {
        match self.conn.get("/alert/text").await {
            Ok(v) => Ok(Some(v.as_str().unwrap_or_default().to_string())),
            Err(e) if e.is("no such alert") => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub async fn dismiss_alert(&self) -> Result<()> {
        self.conn.post("/alert/dismiss", json!({})).await.map(drop)
    }

    /// A PNG of the viewport.
    pub async fn screenshot_png(&self) -> Result<Vec<u8>> {
        let b64 = self.conn.get("/screenshot").await?;
        base64_decode(b64.as_str().unwrap_or_default()).ok_or_else(|| Error::new("client", "screenshot is not base64", "GET /screenshot"))
    }

    /// Saves a PNG of the viewport to `path`.
    pub async fn screenshot(&self, path: impl AsRef<Path>) -> Result<()> {
        let png = self.screenshot_png().await?;
        let path = path.as_ref();
        std::fs::write(path, png).map_err(|e| Error::new("client", e.to_string(), format!("write {}", path.display())))
    }

    // --- forms ---------------------------------------------------------------------------

    /// Opens the `<details>` matching `css` by clicking its summary (if it is
    /// not open yet) and returns it.
    pub async fn open_details(&self, css: &str) -> Result<Element> {
        let d = self.find(css).await?;
        d.open_details().await?;
        Ok(d)
    }

    /// Finds the form field matching `css`, clears it and types `text`.
    pub async fn fill(&self, css: &str, text: &str) -> Result<Element> {
        let el = self.find(css).await?;
        el.clear().await?;
        el.send_keys(text).await?;
        Ok(el)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Drop may run inside the test's runtime, which must not be blocked on:
        // talk to chromedriver from a thread with its own small runtime.
        let session = self.conn.session.clone();
        let driver_url = self.driver_url.clone();
        let quit = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            rt.block_on(async {
                let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().ok()?;
                let _ = http.delete(&session).send().await;
                let _ = http.get(format!("{driver_url}/shutdown")).timeout(Duration::from_secs(3)).send().await;
                Some(())
            })
        });
        let _ = quit.join();
        if let Some(mut child) = self.driver.take() {
            let deadline = Instant::now() + Duration::from_secs(3);
            loop {
                match child.try_wait() {
                    Ok(Some(_)) => break,
                    Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
                    _ => {
                        kill(&mut child);
                        break;
                    }
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

async fn poll<T, F, Fut>(wait: Duration, what: &str, mut check: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Option<T>>>,
{
    let deadline = Instant::now() + wait;
    let mut last_error: Option<Error> = None;
    loop {
        match check().await {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) => last_error = Some(e),
        }
        if Instant::now() >= deadline {
            let detail = last_error.map(|e| format!(" (last error: {e})")).unwrap_or_default();
            return Err(Error::new("timeout", format!("gave up after {wait:?}{detail}"), format!("waiting for {what}")));
        }
        tokio::time::sleep(POLL).await;
    }
}

fn element_from(conn: &Arc<Conn>, v: &Value) -> Option<Element> {
    v.get(ELEMENT_KEY).and_then(Value::as_str).map(|id| Element { conn: conn.clone(), id: id.to_string() })
}

/// `scope`: "" for the document, "/element/ID" for within an element.
async fn find_in(conn: &Arc<Conn>, scope: &str, css: &str) -> Result<Element> {
    let path = format!("{scope}/element");
    let deadline = Instant::now() + conn.wait();
    loop {
        match conn.post(&path, json!({ "using": "css selector", "value": css })).await {
            Ok(v) => {
                return element_from(conn, &v).ok_or_else(|| Error::new("client", format!("not an element: {v}"), format!("find {css}")));
            }
            Err(e) if e.is("no such element") && Instant::now() < deadline => tokio::time::sleep(POLL).await,
            Err(mut e) => {
                e.context = format!("find {css:?} ({})", e.context);
                return Err(e);
            }
        }
    }
}

async fn find_all_in(conn: &Arc<Conn>, scope: &str, css: &str) -> Result<Vec<Element>> {
    let v = conn.post(&format!("{scope}/elements"), json!({ "using": "css selector", "value": css })).await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|e| element_from(conn, e)).collect()).unwrap_or_default())
}

async fn find_text_in(conn: &Arc<Conn>, scope: &str, css: &str, text: &str) -> Result<Element> {
    poll(conn.wait(), &format!("{css:?} containing {text:?}"), || async {
        for el in find_all_in(conn, scope, css).await? {
            if el.text().await?.contains(text) {
                return Ok(Some(el));
            }
        }
        Ok(None)
    })
    .await
}

/// An element of the current page.
#[derive(Clone)]
pub struct Element {
    conn: Arc<Conn>,
    id: String,
}

impl fmt::Debug for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Element({})", self.id)
    }
}

impl Element {
    fn path(&self, rest: &str) -> String {
        format!("/element/{}{rest}", self.id)
    }

    /// The reference to pass in [`Browser::execute`]'s arguments.
    pub fn json(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// The first descendant matching `css`, polling like [`Browser::find`].
    pub async fn find(&self, css: &str) -> Result<Element> {
        find_in(&self.conn, &self.path(""), css).await
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        find_all_in(&self.conn, &self.path(""), css).await
    }

    /// The first descendant matching `css` whose text contains `text` (polls).
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        find_text_in(&self.conn, &self.path(""), css, text).await
    }

    /// The rendered (visible) text.
    pub async fn text(&self) -> Result<String> {
        Ok(self.conn.get(&self.path("/text")).await?.as_str().unwrap_or_default().to_string())
    }

    pub async fn tag_name(&self) -> Result<String> {
        Ok(self.conn.get(&self.path("/name")).await?.as_str().unwrap_or_default().to_lowercase())
    }

    /// An HTML attribute (`None` when absent).
    pub async fn attribute(&self, name: &str) -> Result<Option<String>> {
        Ok(self.conn.get(&self.path(&format!("/attribute/{name}"))).await?.as_str().map(str::to_string))
    }

    /// A DOM property (`Value::Null` when absent).
    pub async fn property(&self, name: &str) -> Result<Value> {
        self.conn.get(&self.path(&format!("/property/{name}"))).await
    }

    /// The current `value` of a form field.
    pub async fn value(&self) -> Result<String> {
        let v = self.property("value").await?;
        Ok(v.as_str().map(str::to_string).unwrap_or_else(|| if v.is_null() { String::new() } else { v.to_string() }))
    }

    /// Whether the class attribute contains `class`.
    pub async fn has_class(&self, class: &str) -> Result<bool> {
        Ok(self.attribute("class").await?.unwrap_or_default().split_whitespace().any(|c| c == class))
    }

    pub async fn is_displayed(&self) -> Result<bool> {
        Ok(self.conn.get(&self.path("/displayed")).await?.as_bool().unwrap_or(false))
    }

    pub async fn is_enabled(&self) -> Result<bool> {
        Ok(self.conn.get(&self.path("/enabled")).await?.as_bool().unwrap_or(false))
    }

    pub async fn is_selected(&self) -> Result<bool> {
        Ok(self.conn.get(&self.path("/selected")).await?.as_bool().unwrap_or(false))
    }

    /// Scrolls the element into view and clicks its centre, like a user.
    pub async fn click(&self) -> Result<()> {
        self.conn.post(&self.path("/click"), json!({})).await.map(drop)
    }

    pub async fn clear(&self) -> Result<()> {
        self.conn.post(&self.path("/clear"), json!({})).await.map(drop)
    }

    /// Focuses the element and types `text` (WebDriver key codes such as
    /// `"\u{E007}"` for Enter work too).
    pub async fn send_keys(&self, text: &str) -> Result<()> {
        self.conn.post(&self.path("/value"), json!({ "text": text })).await.map(drop)
    }

    /// Chooses the `<option>` of this `<select>` whose visible text is `text`
    /// by clicking it.
    pub async fn select_by_text(&self, text: &str) -> Result<()> {
        let option = poll(self.conn.wait(), &format!("an option {text:?}"), || async {
            for o in self.find_all("option").await? {
                if o.text().await?.trim() == text.trim() {
                    return Ok(Some(o));
                }
            }
            Ok(None)
        })
        .await?;
        self.choose(&option).await
    }

    /// Chooses the `<option>` of this `<select>` with this `value` by clicking it.
    pub async fn select_by_value(&self, value: &str) -> Result<()> {
        let option = poll(self.conn.wait(), &format!("an option with value {value:?}"), || async {
            for o in self.find_all("option").await? {
                if o.attribute("value").await?.as_deref() == Some(value) {
                    return Ok(Some(o));
                }
            }
            Ok(None)
        })
        .await?;
        self.choose(&option).await
    }

    async fn choose(&self, option: &Element) -> Result<()> {
        option.click().await?;
        if option.is_selected().await? {
            Ok(())
        } else {
            Err(Error::new("client", "the option was clicked but is not selected", "select option"))
        }
    }

    /// The visible text of the selected option of this `<select>`.
    pub async fn selected_text(&self) -> Result<Option<String>> {
        for o in self.find_all("option").await? {
            if o.is_selected().await? {
                return Ok(Some(o.text().await?));
            }
        }
        Ok(None)
    }

    /// Submits the form this element is (or is in) by clicking its first submit
    /// button, as a user would; works without JavaScript.
    pub async fn submit(&self) -> Result<()> {
        let form = if self.tag_name().await? == "form" {
            self.clone()
        } else {
            // The nearest enclosing form, by XPath (no page script needed).
            let v = self.conn.post(&self.path("/element"), json!({ "using": "xpath", "value": "ancestor::form[1]" })).await?;
            element_from(&self.conn, &v).ok_or_else(|| Error::new("client", "not in a form", "submit"))?
        };
        let button = form.find("button[type=submit], input[type=submit], button:not([type])").await?;
        button.click().await
    }

    /// Opens this `<details>` by clicking its own `<summary>`; no-op when open.
    pub async fn open_details(&self) -> Result<()> {
        if self.property("open").await?.as_bool() == Some(true) {
            return Ok(());
        }
        self.find(":scope > summary").await?.click().await?;
        poll(self.conn.wait(), "the <details> to open", || async {
            Ok((self.property("open").await?.as_bool() == Some(true)).then_some(()))
        })
        .await
    }

    /// Sets an `<input type=date>` to `iso` (YYYY-MM-DD) by typing the digits in
    /// the order the browser's locale shows them; falls back to setting the
    /// value by script (with input/change events) when typing did not take.
    /// Returns whether typing worked.
    pub async fn set_date(&self, iso: &str) -> Result<bool> {
        let parts: Vec<&str> = iso.split('-').collect();
        let [y, m, d] = parts[..] else {
            return Err(Error::new("client", format!("{iso:?} is not YYYY-MM-DD"), "set_date"));
        };
        let order = self
            .conn
            .post(
                "/execute/sync",
                json!({ "script": "try { return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22)).map(p => p.type).filter(t => t === 'day' || t === 'month' || t === 'year'); } catch (e) { return null; }", "args": [] }),
            )
            .await
            .ok()
            .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect::<Vec<_>>()))
            .filter(|o| o.len() == 3)
            .unwrap_or_else(|| vec!["month".into(), "day".into(), "year".into()]);
        let keys: String = order
            .iter()
            .map(|p| match p.as_str() {
                "day" => d,
                "month" => m,
                _ => y,
            })
            .collect();
        let _ = self.send_keys(&keys).await;
        if self.value().await? == iso {
            return Ok(true);
        }
        self.conn
            .post(
                "/execute/sync",
                json!({ "script": "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));", "args": [self.json(), iso] }),
            )
            .await?;
        let now = self.value().await?;
        if now == iso { Ok(false) } else { Err(Error::new("client", format!("the date field holds {now:?}, not {iso:?}"), "set_date")) }
    }
}

/// Decodes standard base64 (with or without padding; whitespace ignored).
pub fn base64_decode(input: &str) -> Option<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    }
    let clean: Vec<u8> = input.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let body = match clean.iter().position(|&c| c == b'=') {
        Some(i) if clean[i..].iter().all(|&c| c == b'=') && clean[i..].len() <= 2 => &clean[..i],
        Some(_) => return None,
        None => &clean[..],
    };
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.chunks(4) {
        let mut acc = 0u32;
        for &c in chunk {
            acc = (acc << 6) | sextet(c)?;
        }
        acc <<= 6 * (4 - chunk.len() as u32);
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::base64_decode;

    #[test]
    fn base64_round_trips_known_vectors() {
        for (enc, dec) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zm8=", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"),
            ("Zm9vYmFy", "foobar"),
            ("Zm9vYmE", "fooba"),
        ] {
            assert_eq!(base64_decode(enc).as_deref(), Some(dec.as_bytes()), "{enc}");
        }
        assert_eq!(base64_decode("iVBORw0KGgo=").unwrap(), [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]);
        assert_eq!(base64_decode("Zm9v\nYmFy"), Some(b"foobar".to_vec()));
        assert!(base64_decode("Zm9v!").is_none());
        assert!(base64_decode("Z").is_none());
        assert!(base64_decode("Zg==Zg").is_none());
    }
}
