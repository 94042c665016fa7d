//! The signed-out share page at `/s/{token}`: the customer excerpt, the joint
//! commitments offered to the customer, and the visitor's comments and answers.
//!
//! The visitor has no session. Their forms carry a token signed for the link
//! and for a random value in a cookie scoped to the link's path (SameSite
//! strict), so another site cannot post in their name and a page of one link
//! cannot post to another. A revoked or expired link answers 410 to every
//! request, a form without a valid token 403, and too many posts 429.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, SameSite};
use keyplan_app::customer::{self, Found};
use keyplan_app::sharing;
use keyplan_domain::customer::{CustomerAnswerInput, CustomerCommentInput};
use keyplan_domain::{FieldError, NodeId};
use keyplan_i18n::Tr;
use keyplan_store::{CustomerComment, ShareLink};

use super::audience_views::{Discuss, Excerpt, FormState, ThreadComment, excerpt, joint_views};
use super::login::{ClientAddr, client_ip};
use super::{FLASH_COOKIE, decode_flash, redirect_with, render};
use crate::auth::{self, Auth};
use crate::error::PageError;
use crate::{AppError, AppState};

/// The visitor's random value the form token is signed over, scoped to the link.
const FORM_COOKIE: &str = "kp_share_form";
/// The name the visitor gave last, to fill in the next form.
const NAME_COOKIE: &str = "kp_share_name";
/// How long both last: a week of coming back to the same link.
const COOKIE_SECONDS: i64 = 7 * 24 * 3600;

#[derive(Template)]
#[template(path = "share.html")]
struct SharePage {
    t: Tr,
    ex: Excerpt,
    expires: String,
    flash: Option<String>,
    /// Why the last form was refused, the fields named in words.
    problem: Option<String>,
}

#[derive(Template)]
#[template(path = "share_gone.html")]
struct ShareMessage {
    t: Tr,
    heading: String,
    message: String,
    /// Where "back to the plan" goes; none on a page without a plan to go back to.
    back: Option<String>,
}

/// What a request to the share page brings along.
struct Visitor {
    t: Tr,
    addr: String,
    nonce: Option<String>,
    name: String,
}

impl Visitor {
    fn new(state: &AppState, headers: &HeaderMap, peer: Option<std::net::SocketAddr>) -> Self {
        Visitor {
            // The customer's browser decides the language, whoever shared the link.
            t: crate::lang::from_headers(headers),
            addr: client_ip(state, headers, peer),
            nonce: auth::cookie(headers, FORM_COOKIE).filter(|n| n.len() == 64 && n.bytes().all(|b| b.is_ascii_hexdigit())),
            name: auth::cookie(headers, NAME_COOKIE).as_deref().and_then(decode_flash).unwrap_or_default(),
        }
    }
}

/// A cookie only this link's pages send back, never to scripts, never from other sites.
fn link_cookie(name: &'static str, value: String, token: &str, secure: bool) -> Option<HeaderValue> {
    let c = Cookie::build((name, value))
        .path(format!("/s/{token}"))
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(time::Duration::seconds(COOKIE_SECONDS))
        .secure(secure)
        .build();
    HeaderValue::from_str(&c.to_string()).ok()
}

/// The token is in the address: keep it out of caches and other sites' logs.
fn private(mut r: Response) -> Response {
    r.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    r.headers_mut().insert("x-robots-tag", HeaderValue::from_static("noindex"));
    r
}

fn message(v: &Visitor, status: StatusCode, heading: &str, text: String, back: Option<String>) -> Response {
    let t = v.t;
    private(render(status, &ShareMessage { t, heading: t.s(heading), message: text, back }, false))
}

fn gone(v: &Visitor) -> Response {
    message(v, StatusCode::GONE, "share-gone-title", v.t.s("share-gone-text"), None)
}

fn unknown(v: &Visitor) -> Response {
    message(v, StatusCode::NOT_FOUND, "share-unknown-title", v.t.s("share-unknown-text"), None)
}

pub async fn open(
    State(state): State<AppState>,
    headers: HeaderMap,
    ClientAddr(peer): ClientAddr,
    auth: Option<axum::Extension<Auth>>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let v = Visitor::new(&state, &headers, peer);
    let viewer_org = auth.map(|a| a.org());
    match sharing::open(&state.store, &token, &v.addr, v.t.lang, viewer_org).await? {
        sharing::Opened::Plan(b, _, link) => {
            let flash = auth::cookie(&headers, FLASH_COOKIE).as_deref().and_then(decode_flash);
            share_page(&state, &v, &b, &link, &token, StatusCode::OK, Refused::default(), flash).await
        }
        sharing::Opened::Gone => Ok(gone(&v)),
        sharing::Opened::Unknown => Ok(unknown(&v)),
    }
}

/// A refused form, to show again with its problems.
#[derive(Default)]
struct Refused {
    form: Option<FormState>,
    problem: Option<String>,
}

/// Renders the share page of `link` for this visitor, and gives them the
/// link's form cookie (the same value again, or a new one).
#[allow(clippy::too_many_arguments)]
async fn share_page(
    state: &AppState,
    v: &Visitor,
    b: &keyplan_app::PlanBundle,
    link: &ShareLink,
    token: &str,
    status: StatusCode,
    refused: Refused,
    flash: Option<String>,
) -> Result<Response, PageError> {
    let t = v.t;
    let nonce = v.nonce.clone().unwrap_or_else(auth::random_token);
    let key = state.share_form_key().await?;
    let comments = state.store.customer_comments_for_link(link.org_id, link.plan_id, link.id).await?;
    let mut ex = excerpt(b, t);
    ex.joint = joint_views(b, &customer::joint_for_link(b, link), t);
    ex.discuss = Some(Discuss {
        action: format!("/s/{token}"),
        csrf: customer::form_token(key, link, &nonce),
        name: v.name.clone(),
        threads: threads(&comments, t),
        failed: refused.form,
    });
    let had_flash = flash.is_some();
    let page = SharePage { t, ex, expires: t.date(link.expires_on), flash, problem: refused.problem };
    let mut r = render(status, &page, had_flash);
    if let Some(c) = link_cookie(FORM_COOKIE, nonce, token, state.config.cookies_secure()) {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(private(r))
}

/// The visitor's comments by what they are about (`plan`, `node:12`, ...).
fn threads(comments: &[CustomerComment], t: Tr) -> HashMap<String, Vec<ThreadComment>> {
    let mut out: HashMap<String, Vec<ThreadComment>> = HashMap::new();
    for c in comments {
        let Some(target) = c.target() else { continue };
        let at = c.created_at.to_offset(time::UtcOffset::UTC);
        out.entry(target.key()).or_default().push(ThreadComment {
            id: c.id.get(),
            author: c.author_name.clone(),
            initials: c.author_name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect::<String>().to_uppercase(),
            when: format!("{}, {:02}:{:02}", t.date(at.date()), at.hour(), at.minute()),
            body: c.body.clone(),
        });
    }
    out
}

/// The link behind a posted form, with its form token checked: 404, 410 or 403 otherwise.
async fn posted_link(
    state: &AppState,
    v: &Visitor,
    token: &str,
    fields: &[(String, String)],
) -> Result<Result<ShareLink, Response>, PageError> {
    let link = match customer::find_link(&state.store, token).await? {
        Found::Live(link) => link,
        Found::Gone => return Ok(Err(gone(v))),
        Found::Unknown => return Ok(Err(unknown(v))),
    };
    let sent = field(fields, auth::CSRF_FIELD);
    let key = state.share_form_key().await?;
    if !customer::form_token_ok(key, &link, v.nonce.as_deref().unwrap_or(""), sent) {
        tracing::warn!(link = link.id.get(), "share form without a valid token");
        let back = Some(format!("/s/{token}"));
        return Ok(Err(message(v, StatusCode::FORBIDDEN, "share-csrf-title", v.t.s("share-csrf-text"), back)));
    }
    Ok(Ok(link))
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// A field's name as the share page's labels write it.
fn field_label(field: &str, t: Tr) -> String {
    match field {
        "name" => t.s("share-field-name"),
        "body" => t.s("share-field-comment"),
        "reason" => t.s("share-field-reason"),
        "answer" => t.s("share-field-answer"),
        _ => t.s("share-field-target"),
    }
}

/// A form refused for these problems: its values, the problems by field, and
/// one line naming each field in words.
fn refused(form: String, values: &[(&str, &str)], errors: &[FieldError], t: Tr) -> Refused {
    let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let errors: HashMap<String, String> = errors.iter().map(|e| (e.field.clone(), t.msg(&e.message))).collect();
    let mut lines: Vec<String> = errors.iter().map(|(f, m)| format!("{}: {m}", field_label(f, t))).collect();
    lines.sort();
    Refused { form: Some(FormState { form, values, errors }), problem: Some(t.s1("share-not-sent", "problems", lines.join("; "))) }
}

/// After a refused form: the page again with its problems, or a page of its own.
async fn refused_page(
    state: &AppState,
    v: &Visitor,
    link: &ShareLink,
    token: &str,
    error: AppError,
    form: String,
    values: &[(&str, &str)],
) -> Result<Response, PageError> {
    let t = v.t;
    let (status, refused) = match error {
        AppError::Validation(errors) => (StatusCode::UNPROCESSABLE_ENTITY, refused(form, values, &errors, t)),
        AppError::State(m) => (StatusCode::CONFLICT, Refused { form: None, problem: Some(t.msg(&m)) }),
        AppError::TooManyRequests(m) => {
            return Ok(message(v, StatusCode::TOO_MANY_REQUESTS, "share-too-many-title", t.msg(&m), Some(format!("/s/{token}"))));
        }
        AppError::NotFound => return Ok(unknown(v)),
        e => return Err(e.into()),
    };
    let b = customer::visible_plan(&state.store, link, t.lang).await?;
    share_page(state, v, &b, link, token, status, refused, None).await
}

/// Remembers the visitor's name for their next form, and says thank you.
fn sent(state: &AppState, v: &Visitor, token: &str, anchor: &str, name: &str, thanks: &str) -> Response {
    let mut r = redirect_with(&format!("/s/{token}#{anchor}"), &v.t.s(thanks));
    if let Some(c) = link_cookie(NAME_COOKIE, auth::urlencode(name), token, state.config.cookies_secure()) {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    private(r)
}

/// A visitor's comment on the plan or one of its parts: `target`, `name`, `body`.
pub async fn comment(
    State(state): State<AppState>,
    headers: HeaderMap,
    ClientAddr(peer): ClientAddr,
    Path(token): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let v = Visitor::new(&state, &headers, peer);
    let link = match posted_link(&state, &v, &token, &fields).await? {
        Ok(link) => link,
        Err(r) => return Ok(r),
    };
    let (target, name, body) = (field(&fields, "target"), field(&fields, "name"), field(&fields, "body"));
    let input = CustomerCommentInput { name: name.to_string(), body: body.to_string() };
    match customer::comment(&state.store, &link, &v.addr, target, &input, v.t.lang).await {
        Ok(c) => Ok(sent(&state, &v, &token, &format!("c-{}", c.id.get()), name, "share-comment-thanks")),
        Err(e) => {
            let values = [("name", name), ("body", body)];
            refused_page(&state, &v, &link, &token, e, format!("comment:{}", target.trim()), &values).await
        }
    }
}

/// A visitor's answer to a joint commitment: `answer` (`accept` or `decline`), `name`, `reason`.
pub async fn answer(
    State(state): State<AppState>,
    headers: HeaderMap,
    ClientAddr(peer): ClientAddr,
    Path((token, node)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let v = Visitor::new(&state, &headers, peer);
    let link = match posted_link(&state, &v, &token, &fields).await? {
        Ok(link) => link,
        Err(r) => return Ok(r),
    };
    let Some(node) = node.parse::<i64>().ok().filter(|n| *n > 0).map(NodeId::new) else { return Ok(unknown(&v)) };
    let (choice, name, reason) = (field(&fields, "answer"), field(&fields, "name"), field(&fields, "reason"));
    let input = CustomerAnswerInput { answer: choice.to_string(), name: name.to_string(), reason: reason.to_string() };
    match customer::answer(&state.store, &link, &v.addr, node, &input).await {
        Ok(j) => {
            let thanks = if j.answer.as_str() == "accepted" { "share-accepted-thanks" } else { "share-declined-thanks" };
            Ok(sent(&state, &v, &token, &format!("joint-{}", node.get()), name, thanks))
        }
        Err(e) => {
            let values = [("answer", choice), ("name", name), ("reason", reason)];
            refused_page(&state, &v, &link, &token, e, format!("answer:{}", node.get()), &values).await
        }
    }
}
