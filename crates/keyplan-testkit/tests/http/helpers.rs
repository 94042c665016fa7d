//! Small helpers shared by the HTTP tests: API error checks, cookies, bits of
//! HTML, and a standard organisation with a plan.

use keyplan_domain::{AccountId, PlanId, Role};
use keyplan_store::User;
use keyplan_testkit::{Api, TestApp, hidden_value};
use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;
use serde_json::{Value, json};

pub const ORG: &str = "Acme Industrial";
pub const OTHER_ORG: &str = "Borealis Trading";

/// Asserts an API error answer: status, `error.code`, a message, and (when given) `error.field`.
#[track_caller]
pub fn assert_error(got: &(StatusCode, Value), status: StatusCode, code: &str, field: Option<&str>) {
    let (s, v) = got;
    assert_eq!(*s, status, "unexpected status; body {v}");
    assert_eq!(v["error"]["code"], code, "unexpected error code; body {v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "error without a message: {v}");
    if let Some(f) = field {
        assert_eq!(v["error"]["field"], f, "unexpected error field; body {v}");
    }
}

#[track_caller]
pub fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// A date from an API answer, which sends them as `YYYY-MM-DD` strings.
pub fn date(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// All `Set-Cookie` headers of a response.
pub fn set_cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers().get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).map(str::to_string).collect()
}

/// The `Set-Cookie` header that sets `name`, if any.
pub fn set_cookie<'a>(cookies: &'a [String], name: &str) -> Option<&'a str> {
    let prefix = format!("{name}=");
    cookies.iter().find(|c| c.starts_with(&prefix)).map(String::as_str)
}

/// The value a `Set-Cookie` header gives its cookie.
pub fn cookie_value(header: &str) -> &str {
    header.split(';').next().and_then(|kv| kv.split_once('=')).map(|(_, v)| v).unwrap_or("")
}

/// The raw `Location` header (also when it holds bytes `to_str` refuses).
pub fn raw_location(res: &reqwest::Response) -> Vec<u8> {
    res.headers().get("location").map(|v| v.as_bytes().to_vec()).unwrap_or_default()
}

/// A fresh cookie-keeping client that has loaded the sign-in form; returns the
/// client and the form's CSRF token.
pub async fn login_form(app: &TestApp) -> (reqwest::Client, String) {
    let client = app.client();
    let res = client.get(app.url("/login")).send().await.expect("GET /login");
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.expect("body");
    let csrf = hidden_value(&page, "_csrf").expect("sign-in form has a CSRF field");
    (client, csrf)
}

/// Posts the sign-in form.
pub async fn submit_login(
    app: &TestApp,
    client: &reqwest::Client,
    csrf: &str,
    email: &str,
    password: &str,
    next: &str,
) -> reqwest::Response {
    client
        .post(app.url("/login"))
        .form(&[("_csrf", csrf), ("email", email), ("password", password), ("next", next)])
        .send()
        .await
        .expect("POST /login")
}

/// Status and body of a GET with the given client.
pub async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let res = client.get(url).send().await.expect("GET");
    let s = res.status();
    (s, res.text().await.unwrap_or_default())
}

/// True when a GET of `url` sends the client to the sign-in page.
pub async fn redirected_to_login(client: &reqwest::Client, url: &str) -> bool {
    let res = client.get(url).send().await.expect("GET");
    res.status() == StatusCode::SEE_OTHER && keyplan_testkit::location(&res).starts_with("/login")
}

/// The part of `html` from `start` up to the next `end` after it.
#[track_caller]
pub fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start:?} not in the page"));
    let rest = &html[from..];
    let to = rest.find(end).map(|i| i + end.len()).unwrap_or(rest.len());
    &rest[..to]
}

/// The text of the first `<textarea name="NAME" ...>` in `html`.
pub fn textarea_value(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("<textarea name=\"{name}\""))?;
    let open_end = html[start..].find('>')? + start + 1;
    let close = html[open_end..].find("</textarea>")? + open_end;
    Some(html[open_end..close].to_string())
}

/// The `value` attribute of the first tag with `name="NAME"` in `html`
/// (attributes in any order).
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!(" name=\"{name}\""))?;
    let start = html[..at].rfind('<')?;
    let end = html[at..].find('>')? + at;
    let tag = &html[start..end];
    let v = tag.find(" value=\"")? + " value=\"".len();
    let len = tag[v..].find('"')?;
    Some(tag[v..v + len].to_string())
}

/// The page with askama's numeric entities (`&#60;`) written as the named
/// ones (`&lt;`), so that escaped text can be looked for in one spelling.
pub fn named_entities(html: &str) -> String {
    html.replace("&#60;", "&lt;").replace("&#62;", "&gt;").replace("&#38;", "&amp;").replace("&#34;", "&quot;").replace("&#39;", "&apos;")
}

pub async fn account_count(app: &TestApp, org: &str) -> i64 {
    app.store.count_accounts(app.org_id(org).await).await.expect("count accounts")
}

pub async fn contact_count(app: &TestApp, org: &str, account: i64) -> usize {
    app.store.contacts(app.org_id(org).await, AccountId::new(account)).await.expect("contacts").len()
}

pub async fn node_count(app: &TestApp, org: &str, plan: i64) -> usize {
    app.store.nodes(app.org_id(org).await, PlanId::new(plan)).await.expect("nodes").len()
}

/// One organisation with a KAM who owns an account with a plan and its
/// goal -> csf -> condition -> obstacle skeleton.
pub struct Planned {
    pub app: TestApp,
    pub kam: User,
    pub api: Api,
    pub account: i64,
    pub plan: i64,
    /// goal, csf, condition, obstacle
    pub tree: [i64; 4],
}

pub async fn planned() -> Planned {
    let app = TestApp::spawn().await;
    let kam = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Globex Chemicals").await;
    let plan = api.plan(account, "Globex plan 2027").await;
    let tree = api.skeleton(plan).await;
    Planned { app, kam, api, account, plan, tree }
}

/// A commitment under `parent` owned by `owner`, due on `due`.
pub async fn commitment(api: &Api, plan: i64, parent: i64, owner: i64, title: &str, due: &str) -> Value {
    api.node(plan, json!({"kind": "commitment", "parent_id": parent, "title": title, "owner_id": owner, "due_date": due, "done_criterion": "Signed off by the plant manager"}))
        .await
}

/// The element around `marker`: from the last `open` before it (e.g. `<article`)
/// to the next `close` after it (e.g. `</article>`).
#[track_caller]
pub fn enclosing<'a>(html: &'a str, marker: &str, open: &str, close: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("{marker:?} not in the page"));
    let from = html[..at].rfind(open).unwrap_or_else(|| panic!("no {open:?} before {marker:?}"));
    let to = html[at..].find(close).map(|i| at + i + close.len()).unwrap_or(html.len());
    &html[from..to]
}

/// The browser language of a German reader.
pub const GERMAN: &str = "de-DE,de;q=0.9,en;q=0.8";

/// A page of the session, asked for in `lang` (`Accept-Language`; none when
/// empty); it must answer 200.
pub async fn page_in(s: &keyplan_testkit::Session, path: &str, lang: &str) -> String {
    let mut req = s.client.get(format!("{}{path}", s.base));
    if !lang.is_empty() {
        req = req.header("accept-language", lang);
    }
    let res = req.send().await.expect("GET");
    let status = res.status();
    let body = res.text().await.unwrap_or_default();
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

/// Every one of `texts` is on the page.
#[track_caller]
pub fn has_all(html: &str, what: &str, texts: &[&str]) {
    for t in texts {
        assert!(html.contains(t), "{what}: {t:?} missing");
    }
}

/// None of `texts` is on the page (an English text a German page replaced).
#[track_caller]
pub fn has_none(html: &str, what: &str, texts: &[&str]) {
    for t in texts {
        assert!(!html.contains(t), "{what}: {t:?} should not be on the page");
    }
}
