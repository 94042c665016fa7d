//! Plans, their constraint tree and commitments through the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use keyplan_domain::acceptance::Response;
use keyplan_domain::plan::{PlanInput, TEMPLATE_ONE_PAGE};
use keyplan_domain::tree::{NodeInput, NodeKind};
use keyplan_domain::{AccountId, NodeId, PlanId};

use super::JsonObject;
use super::dto::{DeclineDto, MoveDto, MyCommitmentDto, NodeDto, NodeWriteDto, PlanDto, PlanListItem, PlanWrite, ProposeDateDto};
use super::schema::Body;
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};

/// The account's plans, newest period first.
#[utoipa::path(get, path = "/accounts/{id}/plans", tag = "plans", params(("id" = i64, Path)), responses((status = 200, body = [PlanListItem])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
) -> Result<Json<Vec<PlanListItem>>, ApiError> {
    state.store.account(auth.org(), id).await?;
    let plans = state.store.plans_of_account(auth.org(), id).await?;
    Ok(Json(plans.iter().map(PlanListItem::from).collect()))
}

/// Creates a plan; the period defaults to twelve months from today.
#[utoipa::path(post, path = "/accounts/{id}/plans", tag = "plans", params(("id" = i64, Path)), request_body = PlanWrite,
    responses((status = 201, body = super::content::FullPlanDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<super::content::FullPlanDto>), ApiError> {
    let template = body.str_field("template")?.unwrap_or_else(|| TEMPLATE_ONE_PAGE.to_string());
    let input: PlanInput = body.merge_into(&PlanInput::default(), &PlanWrite::fields_except(&["template", "version"]), &["template"])?;
    let plan = keyplan_app::plans::create_plan(&state.store, &auth, id, &input, &template).await?;
    let b = keyplan_app::bundle::plan_bundle(&state.store, &auth, plan.id, crate::lang::current()).await?;
    Ok((StatusCode::CREATED, Json(super::content::FullPlanDto::new(&b))))
}

/// The whole plan: nested tree and roll-up, the template's sections with their text and size, analysis items,
/// SWOT, opportunities and risks, links from goals to evidence, the story, the length, the value discipline
/// and the account's whitespace matrix.
/// The whole plan. The answer carries an `ETag`; a request whose
/// `If-None-Match` names it gets 304 while nothing in the organisation changed.
#[utoipa::path(get, path = "/plans/{id}", tag = "plans", params(("id" = i64, Path), ("If-None-Match" = Option<String>, Header)),
    responses((status = 200, body = super::content::FullPlanDto), (status = 304, description = "Not modified since the tag in If-None-Match"),
        (status = 404, body = super::dto::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    headers: axum::http::HeaderMap,
    uri: axum::http::Uri,
    Id(id): Id<PlanId>,
) -> Result<axum::response::Response, ApiError> {
    let tag = crate::etag::tag(&state, &auth, &uri).await?;
    let render = async {
        let mut b = keyplan_app::bundle::plan_bundle(&state.store, &auth, id, crate::lang::current()).await?;
        crate::printed::count_pages(&mut b).await;
        Ok::<_, ApiError>(Json(super::content::FullPlanDto::new(&b)).into_response())
    };
    crate::etag::answer(&state, &headers, tag, render).await
}

#[utoipa::path(patch, path = "/plans/{id}", tag = "plans", params(("id" = i64, Path)), request_body = PlanWrite,
    responses((status = 200, body = PlanDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<Json<PlanDto>, ApiError> {
    let current = state.store.plan(auth.org(), id).await?;
    let version = body.version()?;
    let input =
        body.merge_into(&keyplan_app::plans::plan_to_input(&current), &PlanWrite::fields_except(&["template", "version"]), &["version"])?;
    keyplan_app::plans::update_plan(&state.store, &auth, id, version, &input).await?;
    let b = keyplan_app::bundle::plan_bundle(&state.store, &auth, id, crate::lang::current()).await?;
    Ok(Json(PlanDto::new(&b.plan, &b.tree, &b.summary)))
}

#[utoipa::path(delete, path = "/plans/{id}", tag = "plans", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<StatusCode, ApiError> {
    keyplan_app::plans::delete_plan(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a node to the plan's tree, at the end of its siblings.
#[utoipa::path(post, path = "/plans/{id}/nodes", tag = "plans", params(("id" = i64, Path)), request_body = NodeWriteDto,
    responses((status = 201, body = NodeDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create_node(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<NodeDto>), ApiError> {
    let plan = id;
    let kind_text = body.str_field("kind")?.unwrap_or_default();
    let kind = NodeKind::parse(kind_text.trim()).ok_or_else(|| AppError::field("kind", keyplan_domain::Message::new("err-node-kind")))?;
    let parent = body.id_field("parent_id")?.map(NodeId::new);
    let input: NodeInput =
        body.merge_into(&NodeInput::default(), &NodeWriteDto::fields_except(&["kind", "parent_id", "version"]), &["kind", "parent_id"])?;
    let node = keyplan_app::nodes::create_node(&state.store, &auth, plan, kind, parent, &input).await?;
    Ok((StatusCode::CREATED, Json(NodeDto::from_node(&node))))
}

#[utoipa::path(get, path = "/nodes/{id}", tag = "plans", params(("id" = i64, Path)), responses((status = 200, body = NodeDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn get_node(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<NodeId>) -> Result<Json<NodeDto>, ApiError> {
    let node = state.store.node(auth.org(), id).await?;
    Ok(Json(NodeDto::from_node(&node)))
}

/// Edits a node. Changing a commitment's owner, date or promise asks the owner to accept it again.
#[utoipa::path(patch, path = "/nodes/{id}", tag = "plans", params(("id" = i64, Path)), request_body = NodeWriteDto,
    responses((status = 200, body = NodeDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update_node(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<NodeId>,
    body: JsonObject,
) -> Result<Json<NodeDto>, ApiError> {
    let current = state.store.node(auth.org(), id).await?;
    let version = body.version()?;
    for fixed in ["kind", "parent_id"] {
        if body.0.contains_key(fixed) {
            return Err(AppError::field(fixed, keyplan_domain::Message::new("err-node-fixed")).into());
        }
    }
    let input = body.merge_into(
        &keyplan_app::nodes::node_to_input(&current),
        &NodeWriteDto::fields_except(&["kind", "parent_id", "version"]),
        &["version"],
    )?;
    let node = keyplan_app::nodes::update_node(&state.store, &auth, id, version, &input).await?;
    Ok(Json(NodeDto::from_node(&node)))
}

/// Deletes the node and everything under it.
#[utoipa::path(delete, path = "/nodes/{id}", tag = "plans", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete_node(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<NodeId>) -> Result<StatusCode, ApiError> {
    keyplan_app::nodes::delete_node(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Moves the node one place up or down among its siblings.
#[utoipa::path(post, path = "/nodes/{id}/move", tag = "plans", params(("id" = i64, Path)), request_body = MoveDto, responses((status = 200, body = PlanDto)))]
pub async fn move_node(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<NodeId>,
    body: JsonObject,
) -> Result<Json<PlanDto>, ApiError> {
    let up = match body.str_field("direction")?.as_deref() {
        Some("up") => true,
        Some("down") => false,
        _ => return Err(AppError::field("direction", keyplan_domain::Message::new("err-direction")).into()),
    };
    let node = keyplan_app::nodes::move_node(&state.store, &auth, id, up).await?;
    let b = keyplan_app::bundle::plan_bundle(&state.store, &auth, node.plan_id, crate::lang::current()).await?;
    Ok(Json(PlanDto::new(&b.plan, &b.tree, &b.summary)))
}

async fn answer(
    state: &AppState,
    auth: &crate::auth::Auth,
    id: NodeId,
    body: Option<&JsonObject>,
    response: Response,
) -> Result<Json<NodeDto>, ApiError> {
    let version = match body {
        Some(b) => b.optional_version()?,
        None => None,
    };
    let node = keyplan_app::nodes::respond(&state.store, auth, id, version, response).await?;
    Ok(Json(NodeDto::from_node(&node)))
}

/// The owner accepts the commitment.
#[utoipa::path(post, path = "/commitments/{id}/accept", tag = "commitments", params(("id" = i64, Path)),
    responses((status = 200, body = NodeDto), (status = 403, body = super::dto::ErrorBody), (status = 409, body = super::dto::ErrorBody)))]
pub async fn accept(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<NodeId>) -> Result<Json<NodeDto>, ApiError> {
    answer(&state, &auth, id, None, Response::Accept).await
}

/// The owner declines the commitment, with a reason.
#[utoipa::path(post, path = "/commitments/{id}/decline", tag = "commitments", params(("id" = i64, Path)), request_body = DeclineDto,
    responses((status = 200, body = NodeDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn decline(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<NodeId>,
    body: JsonObject,
) -> Result<Json<NodeDto>, ApiError> {
    let reason = body.str_field("reason")?.unwrap_or_default();
    answer(&state, &auth, id, Some(&body), Response::Decline { reason }).await
}

/// The owner proposes another due date, which the author then accepts or rejects.
#[utoipa::path(post, path = "/commitments/{id}/propose-date", tag = "commitments", params(("id" = i64, Path)), request_body = ProposeDateDto,
    responses((status = 200, body = NodeDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn propose_date(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<NodeId>,
    body: JsonObject,
) -> Result<Json<NodeDto>, ApiError> {
    let raw = body.str_field("due_date")?.ok_or_else(|| AppError::field("due_date", keyplan_domain::Message::new("err-date-required")))?;
    let due_date = keyplan_domain::validate::parse_date("due_date", &raw)?;
    answer(&state, &auth, id, Some(&body), Response::ProposeDate { due_date }).await
}

/// The author accepts the owner's proposed date.
#[utoipa::path(post, path = "/commitments/{id}/accept-date", tag = "commitments", params(("id" = i64, Path)), responses((status = 200, body = NodeDto)))]
pub async fn accept_date(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<NodeId>) -> Result<Json<NodeDto>, ApiError> {
    answer(&state, &auth, id, None, Response::AcceptProposedDate).await
}

/// The author rejects the owner's proposed date; the commitment is proposed again with its original date.
#[utoipa::path(post, path = "/commitments/{id}/reject-date", tag = "commitments", params(("id" = i64, Path)), responses((status = 200, body = NodeDto)))]
pub async fn reject_date(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<NodeId>) -> Result<Json<NodeDto>, ApiError> {
    answer(&state, &auth, id, None, Response::RejectProposedDate).await
}

/// Commitments assigned to the caller across all plans, and date proposals waiting for the caller as author.
#[utoipa::path(get, path = "/me/commitments", tag = "commitments", responses((status = 200, body = [MyCommitmentDto])))]
pub async fn my_commitments(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<Vec<MyCommitmentDto>>, ApiError> {
    let list = state.store.my_commitments(auth.org(), auth.id()).await?;
    Ok(Json(list.iter().map(|c| MyCommitmentDto::new(c, auth.id())).collect()))
}
