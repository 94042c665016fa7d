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

mod element;
mod launch;

use std::fmt;
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::Value;

pub use element::Element;
use launch::Driver;
pub use launch::{Options, available, skip_without_browser};

/// How long [`Browser::find`] and the `wait_*` helpers poll by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);
pub(super) const POLL: Duration = Duration::from_millis(50);

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
pub(super) trait Context<T> {
    fn ctx(self, context: &str) -> Result<T>;
}

impl<T> Context<T> for Result<T, CmdError> {
    fn ctx(self, context: &str) -> Result<T> {
        self.map_err(|e| Error::from_cmd(e, context))
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

    /// Signs in on keyplan's sign-in page at `login_url` and waits to leave it.
    pub async fn sign_in(&self, login_url: &str, email: &str, password: &str) -> Result<()> {
        self.goto(login_url).await?;
        self.fill("input[name=email]", email).await?;
        self.fill("input[name=password]", password).await?;
        self.click_and_wait(&self.find("form[action='/login'] button[type=submit]").await?).await?;
        self.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;
        Ok(())
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

    // --- the keyboard alone -----------------------------------------------------------

    /// The element that has the keyboard focus.
    pub async fn active(&self) -> Result<Element> {
        let inner = self.client.active_element().await.ctx("active element")?;
        Ok(self.element(inner))
    }

    /// Presses keys on whatever has the focus, as a keyboard would (WebDriver
    /// key codes: `\u{E004}` Tab, `\u{E007}` Enter).
    pub async fn press(&self, keys: &str) -> Result<()> {
        self.active().await?.send_keys(keys).await
    }

    /// Presses Tab until the focused element matches `css` (at most `max`
    /// times); fails naming where the focus went instead.
    pub async fn tab_to(&self, css: &str, max: usize) -> Result<Element> {
        let mut seen = Vec::new();
        for _ in 0..max {
            self.press("\u{E004}").await?;
            let el = self.active().await?;
            let hit = self.execute("return arguments[0].matches(arguments[1])", vec![el.json(), Value::from(css)]).await?;
            if hit.as_bool() == Some(true) {
                return Ok(el);
            }
            let what = self.execute("const e = arguments[0]; return e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.name || '').trim().slice(0, 40)", vec![el.json()]).await?;
            seen.push(what.as_str().unwrap_or_default().to_string());
        }
        Err(Error::new("keyboard", format!("{css} not reached in {max} presses of Tab; focus went to {}", seen.join(" → ")), "tab_to"))
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

    /// The plan tree's add form under `parent` (an entry's id, or `goal`), open.
    /// The page carries a link for each closed one: it is followed (with the
    /// script, the form is fetched into its place; without, the page reloads
    /// with it open).
    pub async fn open_add(&self, parent: &str) -> Result<Element> {
        let open = format!("details.add#add-{parent}[open]");
        if self.find_all(&open).await?.is_empty() {
            self.find(&format!("a.add-link#add-{parent}")).await?.click().await?;
        }
        self.find(&open).await
    }

    /// Finds the form field matching `css`, clears it and types `text`.
    pub async fn fill(&self, css: &str, text: &str) -> Result<Element> {
        let el = self.find(css).await?;
        el.clear().await?;
        el.send_keys(text).await?;
        Ok(el)
    }
}

pub(super) async fn poll<T, F, Fut>(wait: Duration, what: &str, mut check: F) -> Result<T>
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
pub(super) async fn poll_find<F, Fut>(wait: Duration, css: &str, mut find: F) -> Result<fantoccini::elements::Element>
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

pub(super) async fn first_with_text(candidates: Vec<Element>, text: &str) -> Result<Option<Element>> {
    for el in candidates {
        if el.text().await?.contains(text) {
            return Ok(Some(el));
        }
    }
    Ok(None)
}
