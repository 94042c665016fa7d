//! A node's edit form as its own page, `/nodes/{id}/edit` (issue 18). The plan
//! page links each node's ✎ here instead of carrying an edit form per node;
//! without JavaScript the link opens this page, with it the plan page's script
//! fetches the form into place. A refused edit comes back here with its errors.
//! A commitment's page also lists its progress notes, with the form to add one.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::NodeId;
use keyplan_domain::tree::{CommitmentStatus, TreeNode};

use super::{NodeView, PlanForms, node_view, plan_people};
use crate::AppError;
use crate::AppState;
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::pages::progress_view::{self as progress, NoteView};
use crate::pages::{Chrome, render};
use crate::views::{FormView, Opt};

#[derive(Template)]
#[template(path = "node_edit.html")]
struct NodeEditPage {
    chrome: Chrome,
    n: NodeView,
    plan_id: i64,
    plan_title: String,
    account_id: i64,
    account_name: String,
    users: Vec<Opt>,
    contacts: Vec<Opt>,
    statuses: Vec<Opt>,
    /// A commitment's progress notes, newest first, and the form to add one.
    progress: Vec<NoteView>,
    progress_form: FormView,
    progress_back: String,
    today: String,
}

/// `GET /nodes/{id}/edit`.
pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<NodeId>,
) -> Result<Response, PageError> {
    edit_page(&state, &auth, &headers, id, None, StatusCode::OK).await
}

/// The edit page of node `id`, with `form` as refused (else the node as stored).
pub async fn edit_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: NodeId,
    form: Option<FormView>,
    status: StatusCode,
) -> Result<Response, PageError> {
    edit_page_with(state, auth, headers, id, form, None, status).await
}

/// [`edit_page`], with the progress form as refused.
pub async fn edit_page_with(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: NodeId,
    form: Option<FormView>,
    progress_form: Option<FormView>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let node = state.store.node(auth.org(), id).await?;
    let b = keyplan_app::bundle::plan_bundle(&state.store, auth, node.plan_id, crate::lang::current()).await?;
    if !b.can_edit {
        return Err(AppError::forbidden().into());
    }
    let (tree_node, first, last) = find(&b.tree, id).ok_or(AppError::NotFound)?;
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;
    let mut forms = PlanForms::default();
    if let Some(mut f) = form {
        f.localise(t);
        forms.edit = Some((id, f));
    }
    let mut n = node_view(t, &b, auth.id(), tree_node, first, last, &mut forms);
    n.children.clear();
    let notes = if n.is_commitment() { state.store.progress_notes(auth.org(), id).await? } else { Vec::new() };
    let mut progress_form = progress_form.unwrap_or_default();
    progress_form.localise(t);
    progress::name_fields(&mut progress_form, t);
    let had_flash = chrome.flash.is_some();
    let page = NodeEditPage {
        progress: notes.iter().map(|p| NoteView::new(p, t)).collect(),
        progress_form,
        progress_back: format!("/nodes/{id}/edit#progress"),
        today: progress::today_iso(),
        chrome,
        n,
        plan_id: b.plan.id.get(),
        plan_title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        users: plan_people(&b, auth.id()),
        contacts: b.contacts.iter().map(|c| Opt::new(c.id, &c.name)).collect(),
        statuses: CommitmentStatus::ALL.iter().map(|s| Opt::new(s.as_str(), t.enum_label("status", s.as_str()))).collect(),
    };
    Ok(render(status, &page, had_flash))
}

/// The node `id` and whether it is the first and the last among its siblings
/// (which of up and down it can move).
fn find(nodes: &[TreeNode], id: NodeId) -> Option<(&TreeNode, bool, bool)> {
    let count = nodes.len();
    nodes.iter().enumerate().find_map(|(i, n)| if n.node.id == id { Some((n, i == 0, i + 1 == count)) } else { find(&n.children, id) })
}
