//! One regular sales meeting, `/meetings/{id}`: per plan why it is on the
//! agenda, what changed since the last meeting, its open asks, and forms to
//! record a decision and add a follow-up commitment (which its owner then
//! accepts as usual); the agenda downloads as PDF and Markdown, and closing
//! the meeting snapshots its plans for the next one.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::meetings::{self, AgendaPlan, FollowUpInput};
use keyplan_domain::meeting::DecisionInput;
use keyplan_domain::{FieldError, MeetingId};
use keyplan_export::changes::{ChangeGroup, grouped};
use keyplan_export::meeting_agenda::{ask_lines, changes_heading, meeting_title};
use keyplan_i18n::Tr;

use super::{Chrome, redirect_with, render};
use crate::api::meetings::{Format, agenda_response};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::{AppError, AppState};

/// A form that failed, to show again with its message under its plan.
pub struct Failed {
    pub plan_id: i64,
    /// `decision` or `follow_up`.
    pub form: &'static str,
    pub message: String,
    pub text: String,
    pub parent_id: i64,
    pub owner_id: String,
    pub due_date: String,
}

pub struct PlanView {
    pub plan_id: i64,
    pub account: String,
    pub title: String,
    pub kam: String,
    pub reasons: Vec<String>,
    pub changes_heading: String,
    pub has_base: bool,
    pub groups: Vec<ChangeGroup>,
    pub asks: Vec<String>,
    pub management_asks: Option<String>,
    pub decisions: Vec<(String, String)>,
    /// (text, link to the commitment in the plan, who added it).
    pub follow_ups: Vec<(String, Option<String>, String)>,
    pub parents: Vec<(i64, String)>,
    /// What a failed decision form held, and why it failed.
    pub decision_text: String,
    pub decision_error: Option<String>,
    /// What a failed follow-up form held, and why it failed.
    pub fu_title: String,
    pub fu_parent: i64,
    pub fu_owner: String,
    pub fu_due: String,
    pub fu_error: Option<String>,
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    chrome: Chrome,
    id: i64,
    title: String,
    date: String,
    since: String,
    closed: Option<String>,
    plans: Vec<PlanView>,
    people: Vec<(String, String)>,
}

fn plan_view(a: &AgendaPlan, t: Tr, failed: Option<&Failed>) -> PlanView {
    let here = |form: &str| failed.filter(|f| f.plan_id == a.plan.plan_id.get() && f.form == form);
    let (decision, fu) = (here("decision"), here("follow_up"));
    let who = |name: &Option<String>| name.clone().unwrap_or_else(|| "—".into());
    PlanView {
        plan_id: a.plan.plan_id.get(),
        account: a.plan.account_name.clone(),
        title: a.plan.plan_title.clone(),
        kam: who(&a.plan.kam_name),
        reasons: a.reasons.iter().map(|r| t.msg(&r.message())).collect(),
        changes_heading: changes_heading(a, t),
        has_base: a.base.is_some(),
        groups: grouped(&a.changes, t),
        asks: ask_lines(a, t),
        management_asks: a.management_asks.clone(),
        decisions: a.decisions.iter().map(|d| (d.text.clone(), who(&d.created_by_name))).collect(),
        follow_ups: a
            .follow_ups
            .iter()
            .map(|f| {
                (f.text.clone(), f.node_id.map(|n| format!("/plans/{}#node-{}", a.plan.plan_id.get(), n.get())), who(&f.created_by_name))
            })
            .collect(),
        parents: a
            .parents
            .iter()
            .map(|(id, kind, title)| {
                let kind = if kind == keyplan_domain::tree::NodeKind::Goal.label() { "goal" } else { "obstacle" };
                (id.get(), format!("{}: {title}", t.enum_label("node-kind", kind)))
            })
            .collect(),
        decision_text: decision.map(|f| f.text.clone()).unwrap_or_default(),
        decision_error: decision.map(|f| f.message.clone()),
        fu_title: fu.map(|f| f.text.clone()).unwrap_or_default(),
        fu_parent: fu.map_or(0, |f| f.parent_id),
        fu_owner: fu.map(|f| f.owner_id.clone()).unwrap_or_default(),
        fu_due: fu.map(|f| f.due_date.clone()).unwrap_or_default(),
        fu_error: fu.map(|f| f.message.clone()),
    }
}

async fn meeting_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: MeetingId,
    failed: Option<Failed>,
) -> Result<Response, PageError> {
    let chrome = Chrome::new(auth, "meetings", headers);
    let t = chrome.t;
    let (view, users) = tokio::try_join!(meetings::view(&state.store, auth, id), async {
        state.store.list_users(auth.org()).await.map_err(AppError::from)
    })?;
    let since = match view.last_meeting {
        Some(d) => t.s1("meeting-since-last", "date", t.date(d)),
        None => t.s1("meeting-since-first", "date", t.date(view.since)),
    };
    let status = if failed.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = MeetingPage {
        id: view.meeting.id.get(),
        title: meeting_title(&view, t),
        date: t.date(view.meeting.held_on),
        since,
        closed: view.meeting.closed_at.map(|c| t.date(c.date())),
        plans: view.agenda.iter().map(|a| plan_view(a, t, failed.as_ref())).collect(),
        people: users.iter().filter(|u| u.active).map(|u| (u.id.get().to_string(), u.name.clone())).collect(),
        chrome,
    };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(status, &page, had_flash))
}

/// `GET /meetings/{id}`.
pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<MeetingId>,
) -> Result<Response, PageError> {
    meeting_page(&state, &auth, &headers, id, None).await
}

fn message(errors: &[FieldError], t: Tr) -> String {
    errors.iter().map(|e| t.msg(&e.message)).collect::<Vec<_>>().join("; ")
}

#[derive(serde::Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    plan_id: i64,
    #[serde(default)]
    text: String,
}

/// `POST /meetings/{id}/decisions`.
pub async fn decide(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<MeetingId>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, PageError> {
    let input = DecisionInput { plan_id: form.plan_id, text: form.text };
    let t = crate::lang::for_user(&auth, &headers);
    match meetings::decide(&state.store, &auth, id, &input).await {
        Ok(_) => Ok(redirect_with(&format!("/meetings/{}#plan-{}", id.get(), input.plan_id), &t.s("meeting-decision-recorded"))),
        Err(AppError::Validation(errors)) => {
            let failed = Failed {
                plan_id: input.plan_id,
                form: "decision",
                message: message(&errors, t),
                text: input.text,
                parent_id: 0,
                owner_id: String::new(),
                due_date: String::new(),
            };
            meeting_page(&state, &auth, &headers, id, Some(failed)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize)]
pub struct FollowUpForm {
    #[serde(default)]
    plan_id: i64,
    #[serde(default)]
    parent_id: i64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner_id: String,
    #[serde(default)]
    due_date: String,
}

/// `POST /meetings/{id}/follow-ups`.
pub async fn follow_up(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<MeetingId>,
    Form(form): Form<FollowUpForm>,
) -> Result<Response, PageError> {
    let input = FollowUpInput {
        plan_id: form.plan_id,
        parent_id: form.parent_id,
        title: form.title,
        owner_id: form.owner_id,
        due_date: form.due_date,
        done_criterion: String::new(),
    };
    let t = crate::lang::for_user(&auth, &headers);
    match meetings::follow_up(&state.store, &auth, id, &input).await {
        Ok((item, _)) => Ok(redirect_with(
            &format!("/meetings/{}#plan-{}", id.get(), input.plan_id),
            &t.s1("meeting-follow-up-added", "title", item.text),
        )),
        Err(AppError::Validation(errors)) => {
            let failed = Failed {
                plan_id: input.plan_id,
                form: "follow_up",
                message: message(&errors, t),
                text: input.title,
                parent_id: input.parent_id,
                owner_id: input.owner_id,
                due_date: input.due_date,
            };
            meeting_page(&state, &auth, &headers, id, Some(failed)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /meetings/{id}/close`.
pub async fn close(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<MeetingId>,
) -> Result<Response, PageError> {
    let t = crate::lang::for_user(&auth, &headers);
    match meetings::close(&state.store, &auth, id).await {
        Ok(_) => Ok(redirect_with(&format!("/meetings/{}", id.get()), &t.s("meeting-closed-flash"))),
        Err(AppError::Validation(errors)) => Ok(redirect_with(&format!("/meetings/{}", id.get()), &message(&errors, t))),
        Err(e) => Err(e.into()),
    }
}

/// `GET /meetings/{id}/agenda.pdf`.
pub async fn agenda_pdf(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<MeetingId>,
) -> Result<Response, PageError> {
    let lang = crate::lang::for_user(&auth, &headers).lang;
    Ok(agenda_response(&state, &auth, id, lang, Format::Pdf).await?)
}

/// `GET /meetings/{id}/agenda.md`.
pub async fn agenda_md(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<MeetingId>,
) -> Result<Response, PageError> {
    let lang = crate::lang::for_user(&auth, &headers).lang;
    Ok(agenda_response(&state, &auth, id, lang, Format::Markdown).await?)
}
