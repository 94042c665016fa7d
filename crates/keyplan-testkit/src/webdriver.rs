//! Browser tests over the thirtyfour WebDriver client: starts `chromedriver` on
//! a free port, opens a headless Chromium session and adds the few helpers
//! keyplan's tests share (CSS finds that wait, form filling, waiting for a page
//! to be replaced). Everything else is thirtyfour's own API, reached through
//! `Deref` on [`Browser`] and [`Element`].
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

use std::future::Future;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow};
use serde_json::json;
use thirtyfour::components::SelectElement;
use thirtyfour::error::WebDriverErrorInner;
use thirtyfour::extensions::query::{ElementPollerWithTimeout, ElementQuery};
use thirtyfour::prelude::*;
use thirtyfour::stringmatch::StringMatch;

pub use anyhow::Result;

/// How long finds and the `wait_*` helpers poll, and how often.
const WAIT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(50);
const STARTUP: Duration = Duration::from_secs(15);

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).filter(|v| !v.is_empty()).map_or_else(|| PathBuf::from(default), PathBuf::from)
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

    fn capabilities(&self, profile: &Path) -> Result<Capabilities> {
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&chromium_path().to_string_lossy())?;
        let size = format!("--window-size={},{}", self.width, self.height);
        let profile = format!("--user-data-dir={}", profile.display());
        let fixed = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ];
        for arg in fixed.into_iter().chain([size.as_str(), profile.as_str()]).chain(self.args.iter().map(String::as_str)) {
            caps.add_arg(arg)?;
        }
        if !self.javascript {
            caps.add_experimental_option("prefs", json!({ "profile.managed_default_content_settings.javascript": 2 }))?;
        }
        // Leave alerts open so tests can see them (see `alert_text`).
        caps.set("unhandledPromptBehavior", "ignore")?;
        Ok(caps.into())
    }
}

/// A chromedriver process on a free port and the browser profile it uses;
/// stopped and removed on drop.
///
/// Hand-written on purpose: thirtyfour's own launcher (its `manager` feature)
/// is built around downloading drivers, which these tests must not do (the
/// distribution's chromedriver matches its Chromium), and it would bring an
/// archive and download stack into the build for what is a spawn, a readiness
/// poll and a shutdown.
struct Chromedriver {
    child: Child,
    port: u16,
    url: String,
    // Our own profile: with chromedriver's, Chromium leaves a directory behind
    // in the temp dir after every test.
    profile: tempfile::TempDir,
}

impl Chromedriver {
    async fn start() -> Result<Chromedriver> {
        let profile = tempfile::Builder::new().prefix("kp-chromium-").tempdir()?;
        // Probe a free port; chromedriver binds it a moment later.
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut cmd = Command::new(chromedriver_path());
        cmd.arg(format!("--port={port}")).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        if let Some(log) = std::env::var_os("KEYPLAN_CHROMEDRIVER_LOG") {
            let mut arg = std::ffi::OsString::from("--log-path=");
            arg.push(log);
            cmd.arg(arg).arg("--verbose");
        }
        let child = cmd.spawn().with_context(|| format!("spawn {}", chromedriver_path().display()))?;
        let mut driver = Chromedriver { child, port, url: format!("http://127.0.0.1:{port}"), profile };
        let http = reqwest::Client::new();
        let deadline = Instant::now() + STARTUP;
        loop {
            if let Some(status) = driver.child.try_wait()? {
                return Err(anyhow!("chromedriver exited with {status}"));
            }
            let ready = match http.get(format!("{}/status", driver.url)).send().await {
                Ok(res) => res.json::<serde_json::Value>().await.is_ok_and(|v| v["value"]["ready"] == true),
                Err(_) => false,
            };
            if ready {
                return Ok(driver);
            }
            if Instant::now() > deadline {
                return Err(anyhow!("chromedriver not ready after {STARTUP:?}"));
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        // Ask chromedriver to quit before killing it: it then closes any browser
        // whose session is still open, which a kill alone would leave running.
        // Blocking HTTP by hand, as drop may run inside the test's runtime.
        if let Ok(mut conn) = std::net::TcpStream::connect(("127.0.0.1", self.port)) {
            let _ = conn.set_read_timeout(Some(Duration::from_secs(3)));
            let _ =
                conn.write_all(format!("GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n", self.port).as_bytes());
            let _ = conn.read(&mut [0; 256]);
        }
        let deadline = Instant::now() + Duration::from_secs(3);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        // `profile` is removed after this, when the browser is gone.
    }
}

/// A headless Chromium driven through chromedriver; derefs to thirtyfour's
/// [`WebDriver`]. Dropping it ends the session, then stops chromedriver.
pub struct Browser {
    // Field order is drop order: the session is deleted (closing Chromium)
    // while chromedriver still runs.
    driver: WebDriver,
    _chromedriver: Chromedriver,
}

impl Deref for Browser {
    type Target = WebDriver;
    fn deref(&self) -> &WebDriver {
        &self.driver
    }
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
            Err(e) => panic!("could not start the browser: {e:#}"),
        }
    }

    pub async fn start_with(options: Options) -> Result<Browser> {
        // The probed port may be taken before chromedriver binds it: retry.
        let mut chromedriver = Chromedriver::start().await;
        for _ in 0..2 {
            if chromedriver.is_ok() {
                break;
            }
            chromedriver = Chromedriver::start().await;
        }
        let chromedriver = chromedriver?;
        // No pooled connections: thirtyfour ends a dropped session from a thread
        // of its own with a clone of this client, and a pooled connection would
        // belong to the test's runtime, which is blocked in that drop (a
        // single-threaded test then hangs until the request times out).
        let http = reqwest::Client::builder().pool_max_idle_per_host(0).timeout(Duration::from_secs(120)).build()?;
        let caps = options.capabilities(chromedriver.profile.path())?;
        let driver = WebDriver::builder(chromedriver.url.as_str(), caps)
            .client(http)
            .poller(Arc::new(ElementPollerWithTimeout::new(WAIT, POLL)))
            .await
            .context("open a browser session")?;
        Ok(Browser { driver, _chromedriver: chromedriver })
    }

    pub async fn current_url(&self) -> Result<String> {
        Ok(self.driver.current_url().await?.to_string())
    }

    /// The first element matching `css`, polling until it exists.
    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(Element(self.driver.query(By::Css(css)).first().await?))
    }

    /// All elements matching `css` right now (no waiting).
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        Ok(self.driver.find_all(By::Css(css)).await?.into_iter().map(Element).collect())
    }

    /// The first element matching `css` whose text contains `text`, polling until there is one.
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        first_with_text(self.driver.query(By::Css(css)), css, text).await
    }

    /// Whether an element matching `css` exists right now.
    pub async fn exists(&self, css: &str) -> Result<bool> {
        Ok(self.driver.query(By::Css(css)).nowait().exists().await?)
    }

    /// Polls `check` until it returns `Some`. Errors from `check` count as
    /// "not yet"; the last one is reported on timeout. (thirtyfour's waiters
    /// take element conditions only; this takes any, on thirtyfour's poller.)
    pub async fn wait_for<T, F, Fut>(&self, what: &str, mut check: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>>>,
    {
        let mut poller = ElementPollerWithTimeout::new(WAIT, POLL);
        let mut last_error = None;
        loop {
            match check().await {
                Ok(Some(v)) => return Ok(v),
                Ok(None) => {}
                Err(e) => last_error = Some(e),
            }
            if !poller.tick().await {
                let timeout = format!("gave up after {WAIT:?} waiting for {what}");
                return Err(match last_error {
                    Some(e) => e.context(timeout),
                    None => anyhow!(timeout),
                });
            }
        }
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
        Ok(self.driver.query(By::Css(css)).wait_until_gone().await?)
    }

    /// Clicks `el` and waits until the browser has left the current document
    /// (the old root element goes stale), i.e. a form post or link has loaded.
    pub async fn click_and_wait(&self, el: &Element) -> Result<()> {
        let root = self.driver.find(By::Tag("html")).await?;
        el.click().await?;
        root.wait_until().error("the page to be replaced").stale().await?;
        Ok(())
    }

    /// The text of the open alert, confirm or prompt, if any.
    pub async fn alert_text(&self) -> Result<Option<String>> {
        match self.driver.get_alert_text().await {
            Ok(text) => Ok(Some(text)),
            Err(e) if matches!(*e, WebDriverErrorInner::NoSuchAlert(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Saves a PNG of the viewport to `path`.
    pub async fn screenshot(&self, path: impl AsRef<Path>) -> Result<()> {
        Ok(self.driver.screenshot(path.as_ref()).await?)
    }

    /// Opens the `<details>` matching `css` (see [`Element::open_details`]) and returns it.
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

/// The first element of `query` whose text contains `text`, polling until there is one.
async fn first_with_text(query: ElementQuery, css: &str, text: &str) -> Result<Element> {
    // Elements replaced while their text is read count as "not yet".
    let query = query.ignore_errors(true).with_text(StringMatch::new(text).partial());
    Ok(Element(query.first().await.with_context(|| format!("no {css:?} containing {text:?}"))?))
}

/// An element of the current page; derefs to thirtyfour's [`WebElement`].
#[derive(Debug, Clone)]
pub struct Element(pub WebElement);

impl Deref for Element {
    type Target = WebElement;
    fn deref(&self) -> &WebElement {
        &self.0
    }
}

impl Element {
    /// The first descendant matching `css`, polling like [`Browser::find`].
    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(Element(self.0.query(By::Css(css)).first().await?))
    }

    /// All descendants matching `css` right now.
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        Ok(self.0.find_all(By::Css(css)).await?.into_iter().map(Element).collect())
    }

    /// The first descendant matching `css` whose text contains `text` (polls).
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        first_with_text(self.0.query(By::Css(css)), css, text).await
    }

    /// The current `value` of a form field ("" when it has none).
    pub async fn value(&self) -> Result<String> {
        Ok(self.0.value().await?.unwrap_or_default())
    }

    /// Whether the class attribute contains `class`.
    pub async fn has_class(&self, class: &str) -> Result<bool> {
        Ok(self.class_name().await?.unwrap_or_default().split_whitespace().any(|c| c == class))
    }

    /// Chooses the `<option>` of this `<select>` whose visible text is `text`.
    pub async fn select_by_text(&self, text: &str) -> Result<()> {
        Ok(SelectElement::new(&self.0).await?.select_by_visible_text(text).await?)
    }

    /// Chooses the `<option>` of this `<select>` with this `value`.
    pub async fn select_by_value(&self, value: &str) -> Result<()> {
        Ok(SelectElement::new(&self.0).await?.select_by_value(value).await?)
    }

    /// Opens this `<details>` by clicking its own `<summary>`, as a user would
    /// (works without page scripts); no-op when open.
    pub async fn open_details(&self) -> Result<()> {
        if self.prop("open").await?.as_deref() == Some("true") {
            return Ok(());
        }
        self.find(":scope > summary").await?.click().await?;
        Ok(self.wait_until().error("the <details> to open").has_property("open", "true").await?)
    }

    /// Sets an `<input type=date>` to `iso` (YYYY-MM-DD) by typing the digits in
    /// the order the browser's locale shows them; falls back to setting the
    /// value by script (with input/change events) when typing did not take.
    /// Returns whether typing worked. Hand-written: WebDriver has no date
    /// command, and how a date field takes keys depends on the locale.
    pub async fn set_date(&self, iso: &str) -> Result<bool> {
        let parts: Vec<&str> = iso.split('-').collect();
        let [y, m, d] = parts[..] else {
            return Err(anyhow!("{iso:?} is not YYYY-MM-DD"));
        };
        let order_js = "try { return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22))\
            .map(p => p.type).filter(t => t === 'day' || t === 'month' || t === 'year'); } catch (e) { return null; }";
        let order: Vec<String> = match self.handle().execute(order_js, vec![]).await {
            Ok(ret) => ret.convert().unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        let order = if order.len() == 3 { order } else { vec!["month".into(), "day".into(), "year".into()] };
        let keys: String = order
            .iter()
            .map(|p| match p.as_str() {
                "day" => d,
                "month" => m,
                _ => y,
            })
            .collect();
        let _ = self.send_keys(keys).await;
        if self.value().await? == iso {
            return Ok(true);
        }
        let set_js = "const el = arguments[0]; el.value = arguments[1]; \
            el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));";
        self.handle().execute(set_js, vec![self.to_json()?, json!(iso)]).await?;
        let now = self.value().await?;
        if now == iso { Ok(false) } else { Err(anyhow!("the date field holds {now:?}, not {iso:?}")) }
    }
}
