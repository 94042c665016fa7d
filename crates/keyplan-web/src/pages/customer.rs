//! The team's side of the customer at the table, as forms on the plan page:
//! offering a commitment to the customer, offering it again or taking it back,
//! and choosing which customer comments every share link shows.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::joint;
use keyplan_domain::{CustomerCommentId, NodeId, PlanId};
use serde::Deserialize;

use super::plan::{PlanForms, plan_page};
use super::redirect_with;
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::Id;
use crate::views::FormView;
use crate::{AppError, AppState};

#[derive(Deserialize)]
pub struct OfferForm {
    #[serde(default)]
    node_id: String,
    #[serde(default)]
    contact_id: String,
}

/// Offers one of the plan's commitments to the customer (`node_id`, `contact_id`).
pub async fn offer(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(plan): Id<PlanId>,
    Form(f): Form<OfferForm>,
) -> Result<Response, PageError> {
    let node = f.node_id.trim().parse::<i64>().ok().filter(|n| *n > 0).map(NodeId::new);
    let node = match node {
        Some(n) => state.store.node(auth.org(), n).await.ok().filter(|x| x.plan_id == plan).map(|x| x.id),
        None => None,
    };
    let result = match node {
        Some(n) => joint::offer(&state.store, &auth, n, &f.contact_id, 0).await,
        None => Err(AppError::field("node_id", keyplan_domain::Message::new("joint-err-commitment"))),
    };
    match result {
        Ok(_) => {
            let t = crate::lang::for_user(&auth, &headers);
            Ok(redirect_with(&format!("/plans/{plan}?tab=customer#customer"), &t.s("joint-offered")))
        }
        Err(AppError::Validation(errors)) => {
            let typed = [("node_id", f.node_id.clone()), ("contact_id", f.contact_id.clone())];
            let mut form = FormView::default().with_errors(&errors);
            form.values = typed.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            let forms = PlanForms { customer: Some(form), ..Default::default() };
            plan_page(&state, &auth, &headers, plan, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct JointForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    contact_id: String,
    #[serde(default)]
    version: String,
}

/// Offers a commitment again (`action=offer`, `contact_id`, `version`) or takes
/// the offer back (`action=withdraw`, `version`).
pub async fn change(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<NodeId>,
    Form(f): Form<JointForm>,
) -> Result<Response, PageError> {
    let version = super::form_version(&f.version)?;
    let plan = state.store.node(auth.org(), id).await?.plan_id;
    let t = crate::lang::for_user(&auth, &headers);
    let done = match f.action.as_str() {
        "offer" => {
            joint::offer(&state.store, &auth, id, &f.contact_id, version).await?;
            t.s("joint-offered-again")
        }
        "withdraw" => {
            joint::withdraw(&state.store, &auth, id, Some(version)).await?;
            t.s("joint-withdrawn")
        }
        _ => return Err(AppError::bad_request("common-err-unknown-action").into()),
    };
    Ok(redirect_with(&format!("/plans/{plan}?tab=customer#customer"), &done))
}

#[derive(Deserialize)]
pub struct VisibleForm {
    #[serde(default)]
    visible: String,
}

/// Shows a customer's comment on every share link of the plan (`visible=true`),
/// or only on its own link again (`visible=false`).
pub async fn comment_visibility(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<CustomerCommentId>,
    Form(f): Form<VisibleForm>,
) -> Result<Response, PageError> {
    let visible = match f.visible.trim() {
        "true" | "on" => true,
        "false" | "" => false,
        _ => return Err(AppError::field("visible", keyplan_domain::Message::new("err-bool")).into()),
    };
    let c = joint::set_comment_visible(&state.store, &auth, id, visible).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let done = if visible { t.s("discussion-shared-done") } else { t.s("discussion-unshared-done") };
    Ok(redirect_with(&format!("/plans/{}?tab=discussion#customer-comment-{}", c.plan_id, c.id), &done))
}
