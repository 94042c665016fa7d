//! The plan's own forms: create, edit and delete a plan, and add, edit, delete
//! and reorder the nodes of its constraint tree.

use super::plan::{PlanForms, plan_page};
use super::{form_version, redirect_with};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::FormView;
use crate::{AppError, AppState};
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::plan::{PlanInput, TEMPLATE_ONE_PAGE};
use keyplan_domain::tree::{NodeInput, NodeKind};
use keyplan_domain::{AccountId, NodeId, PlanId, UserId};
use serde::Deserialize;

// --- plan-level forms --------------------------------------------------------------------

#[derive(Deserialize)]
pub struct NewPlanForm {
    #[serde(default)]
    template: String,
    #[serde(flatten)]
    input: PlanInput,
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(form): Form<NewPlanForm>,
) -> Result<Response, PageError> {
    let template = if form.template.is_empty() { TEMPLATE_ONE_PAGE } else { form.template.as_str() };
    match keyplan_app::plans::create_plan(&state.store, &auth, id, &form.input, template).await {
        Ok(p) => Ok(redirect_with(&format!("/plans/{}", p.id), &crate::lang::for_user(&auth, &headers).s("plan-created"))),
        Err(AppError::Validation(errors)) => {
            super::accounts::plan_form_error(&state, &auth, &headers, id, &form.input, template, &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: PlanInput,
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(form): Form<PlanForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    match keyplan_app::plans::update_plan(&state.store, &auth, id, version, &form.input).await {
        Ok(p) => Ok(redirect_with(&format!("/plans/{}", p.id), &crate::lang::for_user(&auth, &headers).s("plan-saved"))),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, version).with_errors(&errors);
            plan_page(&state, &auth, &headers, id, PlanForms { plan: Some(f), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.plan(auth.org(), id).await?;
            let f = FormView::conflicted(&keyplan_app::plans::plan_to_input(&stored), &form.input, current_version);
            plan_page(&state, &auth, &headers, id, PlanForms { plan: Some(f), ..Default::default() }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
) -> Result<Response, PageError> {
    let p = keyplan_app::plans::delete_plan(&state.store, &auth, id).await?;
    let message = crate::lang::for_user(&auth, &headers).s1("account-plan-deleted", "title", &p.title);
    Ok(redirect_with(&format!("/accounts/{}", p.account_id), &message))
}

// --- node forms --------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct AddNodeForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent_id: String,
    /// The owner's name or e-mail as typed in the search field.
    #[serde(default)]
    owner: Option<String>,
    #[serde(flatten)]
    input: NodeInput,
}

pub async fn add_node(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(form): Form<AddNodeForm>,
) -> Result<Response, PageError> {
    let plan = id;
    let t = crate::lang::for_user(&auth, &headers);
    let kind = NodeKind::parse(form.kind.trim()).ok_or_else(|| AppError::bad_request("tree-unknown-kind"))?;
    let parent = match form.parent_id.trim() {
        "" => None,
        p => Some(crate::extract::parse_id::<NodeId>(p).ok_or_else(|| AppError::bad_request("tree-unknown-parent"))?),
    };
    let mut input = form.input;
    let created = match super::search_fields::resolve_node_owner(&state.store, auth.org(), form.owner.as_deref(), &mut input).await {
        Ok(()) => keyplan_app::nodes::create_node_lines(&state.store, &auth, plan, kind, parent, &input).await,
        Err(e) => Err(e),
    };
    match created {
        Ok(nodes) => {
            // The same form opens again for the next sibling (workshop speed).
            let slot = parent.map_or_else(|| "goal".to_string(), |p| p.to_string());
            let label = t.enum_label("node-kind", kind.as_str());
            let flash = if nodes.len() > 1 {
                t.s2("tree-added-many", "count", nodes.len(), "kind", label)
            } else {
                t.s1("tree-added", "kind", label)
            };
            // The new node stays the anchor; the focused form brings the next one's title into view.
            let last = nodes.last().map(|n| n.id.get()).unwrap_or_default();
            // An owner from outside the account team is offered a place on it.
            let team = match nodes.last().and_then(|n| n.owner_id()) {
                Some(owner) => match on_account_team(&state, &auth, plan, owner).await? {
                    true => String::new(),
                    false => format!("&team={owner}"),
                },
                None => String::new(),
            };
            Ok(redirect_with(&format!("/plans/{plan}?add={slot}{team}#node-{last}"), &flash))
        }
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::from_input(&input, 0).with_errors(&errors);
            f.values.insert("owner".into(), form.owner.clone().unwrap_or_default());
            plan_page(
                &state,
                &auth,
                &headers,
                plan,
                PlanForms { add: Some((parent, f)), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Whether `user` is the plan's account's KAM or on its team.
async fn on_account_team(state: &AppState, auth: &Auth, plan: PlanId, user: UserId) -> Result<bool, PageError> {
    let account = state.store.account(auth.org(), state.store.plan(auth.org(), plan).await?.account_id).await?;
    Ok(account.owner_id == Some(user) || state.store.team(auth.org(), account.id).await?.iter().any(|m| m.user_id == user))
}

#[derive(Deserialize)]
pub struct EditNodeForm {
    #[serde(default)]
    version: String,
    /// The owner's name or e-mail as typed in the search field.
    #[serde(default)]
    owner: Option<String>,
    #[serde(flatten)]
    input: NodeInput,
}

pub async fn edit_node(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<NodeId>,
    Form(form): Form<EditNodeForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let current = state.store.node(auth.org(), id).await?;
    let mut input = form.input;
    if current.kind() == NodeKind::Commitment && input.status.is_empty() {
        input.status = current.status().map(|s| s.as_str().to_string()).unwrap_or_default();
    }
    let updated = match super::search_fields::resolve_node_owner(&state.store, auth.org(), form.owner.as_deref(), &mut input).await {
        Ok(()) => keyplan_app::nodes::update_node(&state.store, &auth, id, version, &input).await,
        Err(e) => Err(e),
    };
    match updated {
        Ok(n) => Ok(redirect_with(&format!("/plans/{}#node-{}", n.plan_id, n.id), &crate::lang::for_user(&auth, &headers).s("tree-saved"))),
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::from_input(&input, version).with_errors(&errors);
            f.values.insert("owner".into(), form.owner.clone().unwrap_or_default());
            super::plan::node_edit::edit_page(&state, &auth, &headers, id, Some(f), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.node(auth.org(), id).await?;
            let mut f = FormView::conflicted(&keyplan_app::nodes::node_to_input(&stored), &input, current_version);
            f.values.insert("owner".into(), form.owner.clone().unwrap_or_default());
            super::plan::node_edit::edit_page(&state, &auth, &headers, id, Some(f), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_node(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<NodeId>,
) -> Result<Response, PageError> {
    let n = keyplan_app::nodes::delete_node(&state.store, &auth, id).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let message = t.s2("tree-deleted", "kind", t.enum_label("node-kind", n.kind().as_str()), "title", &n.title);
    Ok(redirect_with(&format!("/plans/{}", n.plan_id), &message))
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

pub async fn move_node(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<NodeId>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let up = form.direction == "up";
    let n = keyplan_app::nodes::move_node(&state.store, &auth, id, up).await?;
    Ok(axum::response::IntoResponse::into_response(axum::response::Redirect::to(&format!("/plans/{}#node-{}", n.plan_id, n.id))))
}
