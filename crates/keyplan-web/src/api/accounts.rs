use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use keyplan_domain::account::AccountInput;
use keyplan_domain::{AccountId, UserId};
use keyplan_store::AccountFilter;
use serde::Deserialize;

use super::dto::{AccountDto, AccountWrite, TeamMemberDto, TeamWrite};
use super::{JsonObject, path_id};
use crate::auth::ApiUser;
use crate::{ApiError, AppError, AppState};

const FIELDS: &[&str] =
    &["name", "industry", "region", "parent_id", "crm_id", "current_revenue", "total_spend", "potential", "growth_trend", "owner_id"];

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// Part of the name, industry, region or CRM id.
    q: Option<String>,
    #[param(value_type = Option<i64>)]
    owner_id: Option<String>,
    #[param(value_type = Option<i64>)]
    limit: Option<String>,
    #[param(value_type = Option<i64>)]
    offset: Option<String>,
}

fn int_param(field: &str, raw: Option<&str>) -> Result<Option<i64>, AppError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse::<i64>().map(Some).map_err(|_| AppError::field(field, "must be a whole number")),
    }
}

/// Accounts of the organisation, by name.
#[utoipa::path(get, path = "/api/v1/accounts", tag = "accounts", params(ListQuery), responses((status = 200, body = [AccountDto])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<Vec<AccountDto>>, ApiError> {
    let Query(q) = query.map_err(|e| AppError::BadRequest(format!("Invalid query string: {}", e.body_text())))?;
    let filter = AccountFilter {
        search: q.q,
        owner: int_param("owner_id", q.owner_id.as_deref())?.map(UserId::new),
        limit: int_param("limit", q.limit.as_deref())?.unwrap_or(500),
        offset: int_param("offset", q.offset.as_deref())?.unwrap_or(0),
    };
    let rows = state.store.list_accounts(auth.org(), &filter).await?;
    Ok(Json(rows.iter().map(|r| AccountDto::from(&r.account)).collect()))
}

#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = AccountWrite,
    responses((status = 201, body = AccountDto), (status = 422, body = super::dto::ErrorBody), (status = 403, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: JsonObject,
) -> Result<(StatusCode, Json<AccountDto>), ApiError> {
    let input: AccountInput = body.merge_into(&AccountInput::default(), FIELDS, &[])?;
    let account = keyplan_app::accounts::create_account(&state.store, &auth, &input).await?;
    Ok((StatusCode::CREATED, Json(AccountDto::from(&account))))
}

#[utoipa::path(get, path = "/api/v1/accounts/{id}", tag = "accounts", params(("id" = i64, Path)), responses((status = 200, body = AccountDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn get(State(state): State<AppState>, ApiUser(auth): ApiUser, Path(id): Path<String>) -> Result<Json<AccountDto>, ApiError> {
    let account = state.store.account(auth.org(), AccountId::new(path_id(&id)?)).await?;
    Ok(Json(AccountDto::from(&account)))
}

#[utoipa::path(patch, path = "/api/v1/accounts/{id}", tag = "accounts", params(("id" = i64, Path)), request_body = AccountWrite,
    responses((status = 200, body = AccountDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path(id): Path<String>,
    body: JsonObject,
) -> Result<Json<AccountDto>, ApiError> {
    let id = AccountId::new(path_id(&id)?);
    let current = state.store.account(auth.org(), id).await?;
    let version = body.version()?;
    let input = body.merge_into(&keyplan_app::accounts::account_to_input(&current), FIELDS, &["version"])?;
    let account = keyplan_app::accounts::update_account(&state.store, &auth, id, version, &input).await?;
    Ok(Json(AccountDto::from(&account)))
}

/// Deletes the account with its contacts, team and plans.
#[utoipa::path(delete, path = "/api/v1/accounts/{id}", tag = "accounts", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete(State(state): State<AppState>, ApiUser(auth): ApiUser, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    keyplan_app::accounts::delete_account(&state.store, &auth, AccountId::new(path_id(&id)?)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/accounts/{id}/team", tag = "accounts", params(("id" = i64, Path)), responses((status = 200, body = [TeamMemberDto])))]
pub async fn team(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<TeamMemberDto>>, ApiError> {
    let id = AccountId::new(path_id(&id)?);
    state.store.account(auth.org(), id).await?;
    let team = state.store.team(auth.org(), id).await?;
    Ok(Json(team.iter().map(TeamMemberDto::from).collect()))
}

/// Puts a user on the account team (or changes their function).
#[utoipa::path(put, path = "/api/v1/accounts/{id}/team/{user_id}", tag = "accounts", params(("id" = i64, Path), ("user_id" = i64, Path)),
    request_body = TeamWrite, responses((status = 200, body = [TeamMemberDto])))]
pub async fn set_team_member(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path((id, user_id)): Path<(String, String)>,
    body: JsonObject,
) -> Result<Json<Vec<TeamMemberDto>>, ApiError> {
    let id = AccountId::new(path_id(&id)?);
    let user = UserId::new(path_id(&user_id)?);
    let access = keyplan_app::access::access(&state.store, &auth, id).await?;
    keyplan_app::access::require(keyplan_domain::permissions::can_edit_account(auth.actor(), &access))?;
    let function = body.str_field("function")?.unwrap_or_default();
    let function = keyplan_domain::validate::required("function", &function, 120)?;
    state.store.set_team_member(auth.org(), id, user, &function).await?;
    let team = state.store.team(auth.org(), id).await?;
    Ok(Json(team.iter().map(TeamMemberDto::from).collect()))
}

#[utoipa::path(delete, path = "/api/v1/accounts/{id}/team/{user_id}", tag = "accounts", params(("id" = i64, Path), ("user_id" = i64, Path)), responses((status = 204)))]
pub async fn remove_team_member(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path((id, user_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let id = AccountId::new(path_id(&id)?);
    let access = keyplan_app::access::access(&state.store, &auth, id).await?;
    keyplan_app::access::require(keyplan_domain::permissions::can_edit_account(auth.actor(), &access))?;
    state.store.remove_team_member(auth.org(), id, UserId::new(path_id(&user_id)?)).await?;
    Ok(StatusCode::NO_CONTENT)
}
