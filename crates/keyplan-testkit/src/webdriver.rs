//! Browser tests' handle on a headless Chromium: starts `chromedriver` on a
//! free port and drives a session through the `fantoccini` WebDriver client.
//! What stays here is the launcher (binary paths, a fresh profile, the flags a
//! closed network needs, cleanup on drop) and a few waits keyplan's tests share.
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
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// How long [`Browser::find`] and the `wait_*` helpers poll by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(50);
const STARTUP: Duration = Duration::from_secs(15);

/// A failed browser command: the W3C error code (`no such element`,
/// `stale element reference`, …, or `client` for transport problems and
/// `timeout` for the polling helpers) and the driver's message.
#[derive(Clone)]
pub struct Error {
    pub code: String,
    pub message: String,
    /// What was being attempted, e.g. `find "form"`.
    pub context: String,
}

impl Error {
    fn new(code: &str, message: impl Into<String>, context: impl Into<String>) -> Error {
        Error { code: code.into(), message: message.into(), context: context.into() }
    }

    fn from_cmd(e: CmdError, context: impl Into<String>) -> Error {
        match e {
            CmdError::Standard(w) => Error::new(w.error.description(), w.message.to_string(), context),
            CmdError::WaitTimeout => Error::new("timeout", "gave up waiting", context),
            other => Error::new("client", other.to_string(), context),
        }
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

/// Adds what was being attempted to a fantoccini error.
trait Context<T> {
    fn ctx(self, context: &str) -> Result<T>;
}

impl<T> Context<T> for Result<T, CmdError> {
    fn ctx(self, context: &str) -> Result<T> {
        self.map_err(|e| Error::from_cmd(e, context))
    }
}

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
    fn capabilities(&self, profile: &Path) -> serde_json::Map<String, Value> {
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
struct Driver {
    /// `http://127.0.0.1:PORT`
    url: String,
    child: Option<Child>,
    profile: PathBuf,
    session: Option<String>,
}

impl Driver {
    async fn spawn() -> Result<Driver> {
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

/// A headless Chromium driven through chromedriver. Dropping it ends the
/// session, stops chromedriver and removes the browser profile.
pub struct Browser {
    client: Client,
    wait: Arc<Mutex<Duration>>,
    session_id: String,
    // Dropped last: the driver outlives the client.
    _driver: Driver,
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
        let mut driver = Driver::spawn().await?;
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(options.capabilities(&driver.profile))
            .connect(&driver.url)
            .await
            .map_err(|e| Error::new("client", e.to_string(), "chromedriver: new session"))?;
        let session_id = client.session_id().await.ctx("session id")?.unwrap_or_default();
        driver.session = Some(session_id.clone());
        Ok(Browser { client, wait: Arc::new(Mutex::new(DEFAULT_WAIT)), session_id, _driver: driver })
    }

    fn wait(&self) -> Duration {
        *self.wait.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn element(&self, inner: fantoccini::elements::Element) -> Element {
        Element { inner, client: self.client.clone(), wait: self.wait.clone() }
    }

    /// The WebDriver session id.
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// How long `find` and the `wait_*` helpers poll.
    pub fn set_wait(&self, wait: Duration) {
        *self.wait.lock().unwrap_or_else(|e| e.into_inner()) = wait;
    }

    // --- navigation --------------------------------------------------------------------

    /// Loads a page and waits for it.
    pub async fn goto(&self, url: &str) -> Result<()> {
        self.client.goto(url).await.ctx(&format!("goto {url}"))
    }

    pub async fn current_url(&self) -> Result<String> {
        Ok(self.client.current_url().await.ctx("current url")?.to_string())
    }

    pub async fn title(&self) -> Result<String> {
        self.client.title().await.ctx("title")
    }

    pub async fn back(&self) -> Result<()> {
        self.client.back().await.ctx("back")
    }

    pub async fn refresh(&self) -> Result<()> {
        self.client.refresh().await.ctx("refresh")
    }

    pub async fn page_source(&self) -> Result<String> {
        self.client.source().await.ctx("page source")
    }

    pub async fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.client.set_window_size(width, height).await.ctx("set window size")
    }

    // --- finding -----------------------------------------------------------------------

    /// The first element matching `css`, polling until it exists (see [`Browser::set_wait`]).
    pub async fn find(&self, css: &str) -> Result<Element> {
        let found = poll_find(self.wait(), css, || self.client.find(Locator::Css(css))).await?;
        Ok(self.element(found))
    }

    /// All elements matching `css` right now (no waiting).
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self.client.find_all(Locator::Css(css)).await.ctx(&format!("find all {css:?}"))?;
        Ok(found.into_iter().map(|e| self.element(e)).collect())
    }

    /// The first element matching `css` whose text contains `text`, polling until there is one.
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        poll(self.wait(), &format!("{css:?} containing {text:?}"), || async { first_with_text(self.find_all(css).await?, text).await })
            .await
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
        poll(self.wait(), what, check).await
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
        self.client.execute(script, args).await.ctx("execute script")
    }

    /// The text of the open alert, confirm or prompt, if any.
    pub async fn alert_text(&self) -> Result<Option<String>> {
        match self.client.get_alert_text().await {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.is_no_such_alert() => Ok(None),
            Err(e) => Err(Error::from_cmd(e, "alert text")),
        }
    }

    pub async fn dismiss_alert(&self) -> Result<()> {
        self.client.dismiss_alert().await.ctx("dismiss alert")
    }

    /// A PNG of the viewport.
    pub async fn screenshot_png(&self) -> Result<Vec<u8>> {
        self.client.screenshot().await.ctx("screenshot")
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

/// Repeats `find` while it answers "no such element", for at most `wait`.
async fn poll_find<F, Fut>(wait: Duration, css: &str, mut find: F) -> Result<fantoccini::elements::Element>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<fantoccini::elements::Element, CmdError>>,
{
    let deadline = Instant::now() + wait;
    loop {
        match find().await {
            Ok(found) => return Ok(found),
            Err(e) if e.is_no_such_element() && Instant::now() < deadline => tokio::time::sleep(POLL).await,
            Err(e) => return Err(Error::from_cmd(e, format!("find {css:?}"))),
        }
    }
}

async fn first_with_text(candidates: Vec<Element>, text: &str) -> Result<Option<Element>> {
    for el in candidates {
        if el.text().await?.contains(text) {
            return Ok(Some(el));
        }
    }
    Ok(None)
}

/// An element of the current page.
#[derive(Clone)]
pub struct Element {
    inner: fantoccini::elements::Element,
    client: Client,
    wait: Arc<Mutex<Duration>>,
}

impl fmt::Debug for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Element({})", self.inner.element_id())
    }
}

impl Element {
    fn wait(&self) -> Duration {
        *self.wait.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wrap(&self, inner: fantoccini::elements::Element) -> Element {
        Element { inner, client: self.client.clone(), wait: self.wait.clone() }
    }

    /// The reference to pass in [`Browser::execute`]'s arguments.
    pub fn json(&self) -> Value {
        serde_json::to_value(&self.inner).unwrap_or(Value::Null)
    }

    /// The first descendant matching `css`, polling like [`Browser::find`].
    pub async fn find(&self, css: &str) -> Result<Element> {
        let found = poll_find(self.wait(), css, || self.inner.find(Locator::Css(css))).await?;
        Ok(self.wrap(found))
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self.inner.find_all(Locator::Css(css)).await.ctx(&format!("find all {css:?}"))?;
        Ok(found.into_iter().map(|e| self.wrap(e)).collect())
    }

    /// The first descendant matching `css` whose text contains `text` (polls).
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        poll(self.wait(), &format!("{css:?} containing {text:?}"), || async { first_with_text(self.find_all(css).await?, text).await })
            .await
    }

    /// The rendered (visible) text.
    pub async fn text(&self) -> Result<String> {
        self.inner.text().await.ctx("element text")
    }

    pub async fn tag_name(&self) -> Result<String> {
        Ok(self.inner.tag_name().await.ctx("tag name")?.to_lowercase())
    }

    /// An HTML attribute (`None` when absent).
    pub async fn attribute(&self, name: &str) -> Result<Option<String>> {
        self.inner.attr(name).await.ctx(&format!("attribute {name}"))
    }

    /// A DOM property (`Value::Null` when absent).
    pub async fn property(&self, name: &str) -> Result<Value> {
        match self.inner.prop(name).await {
            Ok(None) => Ok(Value::Null),
            Ok(Some(b)) if b == "true" || b == "false" => Ok(Value::Bool(b == "true")),
            Ok(Some(s)) => Ok(Value::String(s)),
            // Numbers and objects: fantoccini leaves them to the caller.
            Err(CmdError::NotW3C(v)) => Ok(v),
            Err(e) => Err(Error::from_cmd(e, format!("property {name}"))),
        }
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
        self.inner.is_displayed().await.ctx("is displayed")
    }

    pub async fn is_enabled(&self) -> Result<bool> {
        self.inner.is_enabled().await.ctx("is enabled")
    }

    pub async fn is_selected(&self) -> Result<bool> {
        self.inner.is_selected().await.ctx("is selected")
    }

    /// Scrolls the element into view and clicks its centre, like a user.
    pub async fn click(&self) -> Result<()> {
        self.inner.click().await.ctx("click")
    }

    pub async fn clear(&self) -> Result<()> {
        self.inner.clear().await.ctx("clear")
    }

    /// Focuses the element and types `text` (WebDriver key codes such as
    /// `"\u{E007}"` for Enter work too).
    pub async fn send_keys(&self, text: &str) -> Result<()> {
        self.inner.send_keys(text).await.ctx("send keys")
    }

    /// Chooses the `<option>` of this `<select>` whose visible text is `text`
    /// by clicking it.
    pub async fn select_by_text(&self, text: &str) -> Result<()> {
        let option = poll(self.wait(), &format!("an option {text:?}"), || async {
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
        let option = poll(self.wait(), &format!("an option with value {value:?}"), || async {
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
            self.wrap(self.inner.find(Locator::XPath("ancestor::form[1]")).await.ctx("submit: the enclosing form")?)
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
        poll(self.wait(), "the <details> to open", || async { Ok((self.property("open").await?.as_bool() == Some(true)).then_some(())) })
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
            .client
            .execute("try { return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22)).map(p => p.type).filter(t => t === 'day' || t === 'month' || t === 'year'); } catch (e) { return null; }", vec![])
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
        self.client
            .execute(
                "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![self.json(), json!(iso)],
            )
            .await
            .ctx("set_date by script")?;
        let now = self.value().await?;
        if now == iso { Ok(false) } else { Err(Error::new("client", format!("the date field holds {now:?}, not {iso:?}"), "set_date")) }
    }
}
