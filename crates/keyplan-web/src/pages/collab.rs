//! Discussion and notifications pages: comments and recent activity on the plan
//! page, a plan's full history, my notifications, and my calendar feed.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use keyplan_domain::{NotificationId, PlanId};
use keyplan_store::{Activity, CustomerComment, Store};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{Chrome, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::Opt;
use crate::{AppError, AppState};
use keyplan_app::bundle::PlanBundle;
use keyplan_app::collab::{self, Target};
use keyplan_i18n::Tr;

/// How many history entries the plan page shows.
const RECENT: i64 = 30;

pub struct CommentView {
    /// A customer's comment: its id (for the visibility switch); 0 for the team's.
    pub customer_id: i64,
    /// "customer, via share link “Q3 review”"; empty for the team's comments.
    pub customer: String,
    /// A customer's comment shown on every share link of the plan.
    pub shared: bool,
    pub author: String,
    pub initials: String,
    pub when: String,
    pub about: String,
    pub body: String,
}

pub struct ActivityView {
    /// Written by a share link's visitor: the summary names them.
    pub customer: bool,
    pub actor: String,
    pub summary: String,
    pub when: String,
}

/// The plan page's "Discussion & activity" card.
pub struct Discussion {
    pub comments: Vec<CommentView>,
    pub activity: Vec<ActivityView>,
    pub targets: Vec<Opt>,
    /// Comments per commented thing, by (`node` | `item`, id): counted from the
    /// comments already loaded, so the counts cost no query of their own.
    pub counts: std::collections::HashMap<(String, i64), usize>,
}

impl Discussion {
    pub fn count(&self, kind: &str, id: i64) -> usize {
        self.counts.get(&(kind.to_string(), id)).copied().unwrap_or(0)
    }
}

/// `5 Mar 2026, 14:05` / `5. März 2026, 14:05` (UTC).
fn when_in(at: OffsetDateTime, t: Tr) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!("{}, {:02}:{:02}", t.date(at.date()), at.hour(), at.minute())
}

fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect::<String>().to_uppercase()
}

/// One history entry, stored by message code and shown in the reader's language.
fn activity_view(a: &Activity, t: Tr) -> ActivityView {
    // A visitor of a share link is nobody in the organisation: the line itself names them.
    let customer = a.actor_id.is_none() && a.action.starts_with("customer_");
    ActivityView {
        customer,
        actor: if customer { String::new() } else { a.actor_name.clone().unwrap_or_else(|| t.s("activity-someone")) },
        summary: t.msg(&a.message()),
        when: when_in(a.at, t),
    }
}

/// What a comment is about, as the plan names it.
fn about(b: &PlanBundle, target_kind: &str, target_id: i64, t: Tr) -> String {
    match target_kind {
        "node" => flat(&b.tree)
            .into_iter()
            .find(|n| n.id.get() == target_id)
            .map(|n| n.title.clone())
            .unwrap_or_else(|| t.s("discussion-removed-item")),
        "item" => {
            b.items.iter().find(|i| i.id.get() == target_id).map(|i| short(&i.text)).unwrap_or_else(|| t.s("discussion-removed-item"))
        }
        "section" => b
            .sections
            .iter()
            .find(|s| s.id.get() == target_id)
            .and_then(|s| b.doc.section(&s.section_key))
            .map(|s| s.title.clone())
            .unwrap_or_else(|| t.s("discussion-removed-item")),
        "kpi" => b.kpis.iter().find(|k| k.id.get() == target_id).map(|k| short(&k.name)).unwrap_or_else(|| t.s("discussion-removed-item")),
        _ => String::new(),
    }
}

/// A customer's comment in the team's discussion: marked, with its link.
fn customer_comment_view(b: &PlanBundle, c: &CustomerComment, t: Tr) -> CommentView {
    CommentView {
        customer_id: c.id.get(),
        customer: t.s1("discussion-from-customer", "link", &c.link_label),
        shared: c.customer_visible,
        author: c.author_name.clone(),
        initials: initials(&c.author_name),
        when: when_in(c.created_at, t),
        about: about(b, &c.target_kind, c.target_id, t),
        body: c.body.clone(),
    }
}

/// The tree's nodes in reading order.
fn flat(tree: &[keyplan_domain::tree::TreeNode]) -> Vec<&keyplan_domain::tree::Node> {
    let mut out = Vec::new();
    for t in tree {
        out.push(&t.node);
        out.extend(flat(&t.children));
    }
    out
}

fn short(s: &str) -> String {
    if s.chars().count() <= 60 { s.to_string() } else { format!("{}\u{2026}", s.chars().take(59).collect::<String>()) }
}

/// The plan page's discussion card, its texts in `t`'s language: the team's
/// comments and the customer's (marked, with the link they came through), one list.
pub async fn discussion_in(store: &Store, auth: &Auth, b: &PlanBundle, t: Tr) -> Result<Discussion, PageError> {
    let ((comments, customer), activity) =
        tokio::try_join!(store.plan_comments(auth.org(), b.plan.id), store.activity(auth.org(), b.plan.id, Some(RECENT)))?;
    let mut targets = vec![Opt::new("plan", t.s("discussion-whole-plan"))];
    for n in flat(&b.tree) {
        targets.push(Opt::new(
            format!("node:{}", n.id.get()),
            format!("{}: {}", t.enum_label("node-kind", n.kind().as_str()), short(&n.title)),
        ));
    }
    for i in &b.items {
        targets.push(Opt::new(format!("item:{}", i.id.get()), format!("{}: {}", t.item_label(i), short(&i.text))));
    }
    let mut counts = std::collections::HashMap::new();
    for (kind, id) in comments.iter().map(|c| (&c.target_kind, c.target_id)).chain(customer.iter().map(|c| (&c.target_kind, c.target_id))) {
        *counts.entry((kind.clone(), id)).or_insert(0) += 1;
    }
    let mut views: Vec<(OffsetDateTime, CommentView)> = comments
        .iter()
        .map(|c| {
            let v = CommentView {
                customer_id: 0,
                customer: String::new(),
                shared: false,
                author: c.author_name.clone(),
                initials: initials(&c.author_name),
                when: when_in(c.created_at, t),
                about: about(b, &c.target_kind, c.target_id, t),
                body: c.body.clone(),
            };
            (c.created_at, v)
        })
        .collect();
    views.extend(customer.iter().map(|c| (c.created_at, customer_comment_view(b, c, t))));
    views.sort_by_key(|(at, _)| *at);
    Ok(Discussion {
        counts,
        comments: views.into_iter().map(|(_, v)| v).collect(),
        activity: activity.iter().map(|a| activity_view(a, t)).collect(),
        targets,
    })
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    target: String,
    #[serde(default)]
    body: String,
}

pub async fn add_comment(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<PlanId>,
    Form(form): Form<CommentForm>,
) -> Result<Response, PageError> {
    let plan = id;
    let back = format!("/plans/{}?tab=discussion#discussion", plan.get());
    let target = Target::from_ref(form.target.trim()).ok_or_else(|| AppError::bad_request("discussion-err-unknown-target"))?;
    match collab::add_comment(&state.store, &auth, plan, target, &form.body).await {
        Ok(_) => Ok(redirect_with(&back, &tr().s("discussion-added"))),
        Err(AppError::Validation(errors)) => {
            let t = tr();
            Ok(redirect_with(
                &back,
                &errors.iter().map(|e| t.s1("discussion-error", "message", comment_error(&e.message, t))).collect::<Vec<_>>().join("; "),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "plan_activity.html")]
struct ActivityPage {
    chrome: Chrome,
    id: i64,
    title: String,
    account_name: String,
    entries: Vec<ActivityView>,
}

pub async fn activity(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
) -> Result<Response, PageError> {
    let plan = state.store.plan(auth.org(), id).await?;
    let (account, entries) =
        tokio::try_join!(state.store.account(auth.org(), plan.account_id), state.store.activity(auth.org(), plan.id, None))?;
    let chrome = Chrome::new(&auth, "accounts", &headers);
    let t = chrome.t;
    let page = ActivityPage {
        chrome,
        id: plan.id.get(),
        title: plan.title,
        account_name: account.name,
        entries: entries.iter().map(|a| activity_view(a, t)).collect(),
    };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(StatusCode::OK, &page, had_flash))
}

// --- notifications -----------------------------------------------------------------------------

pub struct NotificationView {
    pub id: i64,
    pub icon: &'static str,
    pub kind: String,
    pub message: String,
    pub when: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    chrome: Chrome,
    items: Vec<NotificationView>,
    unread: usize,
}

/// A notification's icon and the code of its label (`notif-kind-<code>`).
fn kind_label(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "commitment_proposed" => ("+", "commitment_proposed"),
        "commitment_answered" => ("↩", "commitment_answered"),
        "commitment_due" => ("◷", "commitment_due"),
        "commitment_overdue" => ("!", "commitment_overdue"),
        "review_due" => ("◷", "review_due"),
        "review_overdue" => ("!", "review_overdue"),
        "plan_update_due" => ("◷", "plan_update_due"),
        "comment" => ("“", "comment"),
        "customer_comment" => ("“", "customer_comment"),
        "customer_answer" => ("↩", "customer_answer"),
        _ => ("•", "other"),
    }
}

pub async fn notifications(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    let list = state.store.notifications(auth.org(), auth.id(), 200).await?;
    let chrome = Chrome::new(&auth, "notifications", &headers);
    let t = chrome.t;
    let items: Vec<NotificationView> = list
        .iter()
        .map(|n| {
            let (icon, kind) = kind_label(&n.kind);
            NotificationView {
                id: n.id.get(),
                icon,
                kind: t.enum_label("notif-kind", kind),
                message: t.msg(&n.message()),
                when: when_in(n.created_at, t),
                unread: n.read_at.is_none(),
            }
        })
        .collect();
    let unread = items.iter().filter(|n| n.unread).count();
    let page = NotificationsPage { chrome, items, unread };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(StatusCode::OK, &page, had_flash))
}

/// Opens a notification: marks it read and goes where it points.
pub async fn open_notification(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<NotificationId>,
) -> Result<Response, PageError> {
    state.store.mark_notification_read(auth.org(), auth.id(), id).await?;
    let list = state.store.notifications(auth.org(), auth.id(), 500).await?;
    let link = list.iter().find(|n| n.id == id).map(|n| n.link.clone()).filter(|l| l.starts_with('/') && !l.starts_with("//"));
    Ok(Redirect::to(link.as_deref().unwrap_or("/me/notifications")).into_response())
}

pub async fn read_all(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    let n = state.store.mark_all_notifications_read(auth.org(), auth.id()).await?;
    let msg = crate::lang::for_user(&auth, &headers).s1("notif-marked-read", "count", n);
    Ok(redirect_with("/me/notifications", &msg))
}

/// Why a comment was refused, in `t`'s language.
fn comment_error(m: &keyplan_domain::Message, t: Tr) -> String {
    t.msg(m)
}

/// The translator for a flash message: the request's language.
fn tr() -> Tr {
    Tr::new(crate::lang::current())
}

// --- calendar feed ----------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    chrome: Chrome,
    created: Option<String>,
    /// Shown once, right after it is made.
    new_url: Option<String>,
}

/// The address the browser used, for links that leave the app (feeds, mails).
pub fn base_url(headers: &HeaderMap, secure: bool) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    format!("{}://{host}", if secure { "https" } else { "http" })
}

async fn calendar_page(state: &AppState, auth: &Auth, headers: &HeaderMap, new_url: Option<String>) -> Result<Response, PageError> {
    let chrome = Chrome::new(auth, "calendar", headers);
    let t = chrome.t;
    let created = state.store.calendar_feed_created(auth.org(), auth.id()).await?.map(|at| when_in(at, t));
    let page = CalendarPage { chrome, created, new_url };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(StatusCode::OK, &page, had_flash))
}

pub async fn calendar(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    calendar_page(&state, &auth, &headers, None).await
}

#[derive(Deserialize)]
pub struct CalendarForm {
    #[serde(default)]
    action: String,
}

pub async fn calendar_submit(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<CalendarForm>,
) -> Result<Response, PageError> {
    match form.action.as_str() {
        "revoke" => {
            state.store.delete_calendar_feed(auth.org(), auth.id()).await?;
            Ok(redirect_with("/me/calendar", &tr().s("calendar-turned-off")))
        }
        "create" => {
            let token = collab::new_calendar_token(&state.store, &auth).await?;
            let url = format!("{}/calendar/{token}.ics", base_url(&headers, state.config.cookies_secure()));
            calendar_page(&state, &auth, &headers, Some(url)).await
        }
        _ => Err(AppError::bad_request("common-err-unknown-action").into()),
    }
}

/// The feed itself: no session, the secret in the address is the key.
pub async fn feed(State(state): State<AppState>, headers: HeaderMap, Path(file): Path<String>) -> Result<Response, PageError> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound.into());
    }
    let events = collab::calendar_feed(&state.store, token, &base_url(&headers, state.config.cookies_secure())).await?;
    let body = keyplan_export::ics::calendar(keyplan_export::ics::FEED_NAME, &events, time::OffsetDateTime::now_utc());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"keyplan.ics\""),
        ],
        body,
    )
        .into_response())
}
