//! "My commitments": what is assigned to me across all plans, with accept,
//! decline and propose-date, and the progress noted on each; and new dates
//! waiting for me as the author.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::NodeId;
use keyplan_domain::acceptance::Response as Answer;
use keyplan_domain::tree::{Acceptance, CommitmentStatus};
use serde::Deserialize;

use super::{Chrome, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::{self, FormView};
use crate::{AppError, AppState};

pub struct Item {
    pub id: i64,
    pub version: i64,
    pub title: String,
    pub plan_id: i64,
    pub plan_title: String,
    pub account_name: String,
    pub author: String,
    pub owner: String,
    pub due: String,
    pub due_iso: String,
    pub proposed_due: String,
    pub done_criterion: String,
    pub how: String,
    pub status: &'static str,
    pub status_label: String,
    pub decline_reason: String,
    pub overdue: bool,
    /// A refused answer.
    pub form: FormView,
    /// Its progress notes, newest first, and the form to add one (as refused).
    pub notes: Vec<super::progress_view::NoteView>,
    pub progress_form: FormView,
}

impl Item {
    /// Where the progress form comes back to: this commitment in my list.
    pub fn progress_back(&self) -> String {
        format!("/me/commitments#c-{}", self.id)
    }
}

#[derive(Template)]
#[template(path = "my_commitments.html")]
struct MinePage {
    chrome: Chrome,
    to_answer: Vec<Item>,
    dates_to_answer: Vec<Item>,
    waiting_for_author: Vec<Item>,
    accepted: Vec<Item>,
    closed: Vec<Item>,
    declined: Vec<Item>,
    statuses: Vec<views::Opt>,
    /// Today, the progress form's default and latest day.
    today: String,
}

pub async fn mine(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    mine_page(&state, &auth, &headers, None, StatusCode::OK).await
}

pub(super) async fn mine_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    failed: Option<(i64, FormView)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (list, notes) =
        tokio::try_join!(state.store.my_commitments(auth.org(), auth.id()), state.store.my_progress_notes(auth.org(), auth.id()))
            .map_err(AppError::from)?;
    let today = keyplan_app::today();
    let chrome = Chrome::new(auth, "mine", headers);
    let t = chrome.t;
    let mut page = MinePage {
        chrome,
        to_answer: vec![],
        dates_to_answer: vec![],
        waiting_for_author: vec![],
        accepted: vec![],
        closed: vec![],
        declined: vec![],
        statuses: CommitmentStatus::ALL.iter().map(|s| views::Opt::new(s.as_str(), t.enum_label("status", s.as_str()))).collect(),
        today: super::progress_view::today_iso(),
    };
    let mut failed = failed;
    for c in list {
        let n = &c.node;
        let mut form = match &failed {
            Some((id, _)) if *id == n.id.get() => failed.take().map(|(_, f)| f).unwrap_or_default(),
            _ => FormView::default(),
        };
        form.localise(t);
        let (form, progress_form) = if super::progress_view::is_progress_form(&form) {
            super::progress_view::name_fields(&mut form, t);
            (FormView::default(), form)
        } else {
            (form, FormView::default())
        };
        let status = n.status().unwrap_or(CommitmentStatus::Open);
        let item = Item {
            id: n.id.get(),
            version: n.version,
            title: n.title.clone(),
            plan_id: n.plan_id.get(),
            plan_title: c.plan_title.clone(),
            account_name: c.account_name.clone(),
            author: c.author_name.clone().unwrap_or_default(),
            owner: c.owner_name.clone().unwrap_or_default(),
            due: t.opt_date(n.due_date()),
            due_iso: n.due_date().map(keyplan_domain::validate::format_date).unwrap_or_default(),
            proposed_due: t.opt_date(n.proposed_due_date()),
            done_criterion: n.done_criterion().clone().unwrap_or_default(),
            how: n.how().clone().unwrap_or_default(),
            status: status.as_str(),
            status_label: t.enum_label("status", status.as_str()),
            decline_reason: n.decline_reason().clone().unwrap_or_default(),
            overdue: n.is_overdue(today),
            form,
            progress_form,
            notes: notes.iter().filter(|p| p.node_id == n.id).map(|p| super::progress_view::NoteView::new(p, t)).collect(),
        };
        let mine = n.owner_id() == Some(auth.id());
        match n.acceptance().unwrap_or(Acceptance::Proposed) {
            Acceptance::DateProposed if n.author_id() == Some(auth.id()) && !mine => page.dates_to_answer.push(item),
            Acceptance::DateProposed => page.waiting_for_author.push(item),
            Acceptance::Proposed => page.to_answer.push(item),
            Acceptance::Declined => page.declined.push(item),
            Acceptance::Accepted if n.status().is_some_and(CommitmentStatus::is_closed) => page.closed.push(item),
            Acceptance::Accepted => page.accepted.push(item),
        }
    }
    let had_flash = page.chrome.flash.is_some();
    Ok(render(status, &page, had_flash))
}

#[derive(Deserialize)]
pub struct RespondForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    due_date: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    version: String,
    /// Where to go afterwards (the plan page or my list).
    #[serde(default)]
    back: String,
}

pub async fn respond(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<NodeId>,
    Form(form): Form<RespondForm>,
) -> Result<Response, PageError> {
    let version = form.version.trim().parse::<i64>().ok();
    // Where to go afterwards is settled before anything is saved: a plan page of this site, or my list.
    let back = super::local_path(&form.back).filter(|b| b.starts_with("/plans/")).unwrap_or("/me/commitments").to_string();
    let t = crate::lang::for_user(&auth, &headers);
    let result = match form.action.as_str() {
        "accept" => keyplan_app::nodes::respond(&state.store, &auth, id, version, Answer::Accept).await.map(|_| t.s("mine-flash-accepted")),
        "decline" => keyplan_app::nodes::respond(&state.store, &auth, id, version, Answer::Decline { reason: form.reason.clone() })
            .await
            .map(|_| t.s("mine-flash-declined")),
        "propose_date" => match keyplan_domain::validate::parse_date("due_date", &form.due_date) {
            Ok(d) => keyplan_app::nodes::respond(&state.store, &auth, id, version, Answer::ProposeDate { due_date: d })
                .await
                .map(|_| t.s("mine-flash-date-proposed")),
            Err(f) => Err(AppError::Validation(vec![f])),
        },
        "accept_date" => keyplan_app::nodes::respond(&state.store, &auth, id, version, Answer::AcceptProposedDate)
            .await
            .map(|_| t.s("mine-flash-date-accepted")),
        "reject_date" => keyplan_app::nodes::respond(&state.store, &auth, id, version, Answer::RejectProposedDate)
            .await
            .map(|_| t.s("mine-flash-date-rejected")),
        "status" => set_status(&state, &auth, id, version, &form.status).await.map(|_| t.s("mine-flash-status")),
        _ => Err(AppError::bad_request("mine-unknown-answer")),
    };
    match result {
        Ok(message) => Ok(redirect_with(&back, &message)),
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::default().with_errors(&errors);
            f.values.insert("action".into(), form.action.clone());
            f.values.insert("reason".into(), form.reason.clone());
            f.values.insert("due_date".into(), form.due_date.clone());
            mine_page(&state, &auth, &headers, Some((id.get(), f)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_status(state: &AppState, auth: &Auth, id: NodeId, version: Option<i64>, status: &str) -> Result<(), AppError> {
    let node = state.store.node(auth.org(), id).await?;
    let mut input = keyplan_app::nodes::node_to_input(&node);
    input.status = status.to_string();
    keyplan_app::nodes::update_node(&state.store, auth, id, version.unwrap_or(node.version), &input).await?;
    Ok(())
}
