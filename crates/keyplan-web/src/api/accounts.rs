//! The accounts API: list, create, read, update and delete accounts, and their teams.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use keyplan_domain::account::AccountInput;
use keyplan_domain::{AccountId, UserId};
use keyplan_store::AccountFilter;

use super::JsonObject;
use super::dto::{AccountDto, AccountWrite, TeamMemberDto, TeamWrite};
use super::schema::Body;
use crate::auth::ApiUser;
use crate::extract::{Id, Ids};
use crate::listing::{self, ListParams, RawListQuery};
use crate::{ApiError, AppError, AppState};

fn int_param(field: &str, raw: Option<&str>) -> Result<Option<i64>, AppError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse::<i64>().map(Some).map_err(|_| AppError::field(field, keyplan_domain::Message::new("templates-err-whole"))),
    }
}

/// Accounts of the organisation, one page at a time (50 unless `per_page` says
/// otherwise, at most 200), by name unless `sort` says otherwise. The body is the
/// array of accounts; `Link` (RFC 8288) names the `next` and `prev` pages and
/// `X-Total-Count` how many accounts match.
#[utoipa::path(get, path = "/accounts", tag = "accounts", params(RawListQuery),
    responses((status = 200, body = [AccountDto], headers(("Link" = String), ("X-Total-Count" = i64))), (status = 422, body = super::dto::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    headers: HeaderMap,
    query: Result<Query<RawListQuery>, QueryRejection>,
) -> Result<(HeaderMap, Json<Vec<AccountDto>>), ApiError> {
    let Query(raw) = query.map_err(|e| AppError::BadRequest(keyplan_domain::Message::new("api-err-query").arg("detail", e.body_text())))?;
    let params = ListParams::parse(&raw)?;
    let filter = AccountFilter { owner: int_param("owner_id", raw.owner_id.as_deref())?.map(UserId::new), ..params.filter() };
    let (rows, total) = state.store.list_accounts_counted(auth.org(), &filter).await?;
    let mut out = HeaderMap::new();
    out.insert("x-total-count", HeaderValue::from(total));
    let base = format!("{}/api/v1/accounts", crate::pages::base_url(&headers, state.config.cookies_secure()));
    if let Some(link) = listing::link_header(&base, &params, total).and_then(|l| HeaderValue::from_str(&l).ok()) {
        out.insert(header::LINK, link);
    }
    Ok((out, Json(rows.iter().map(|r| AccountDto::from(&r.account)).collect())))
}

#[utoipa::path(post, path = "/accounts", tag = "accounts", request_body = AccountWrite,
    responses((status = 201, body = AccountDto), (status = 422, body = super::dto::ErrorBody), (status = 403, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: JsonObject,
) -> Result<(StatusCode, Json<AccountDto>), ApiError> {
    let input: AccountInput = body.merge_into(&AccountInput::default(), &AccountWrite::fields_except(&["version"]), &[])?;
    let account = keyplan_app::accounts::create_account(&state.store, &auth, &input).await?;
    Ok((StatusCode::CREATED, Json(AccountDto::from(&account))))
}

#[utoipa::path(get, path = "/accounts/{id}", tag = "accounts", params(("id" = i64, Path)), responses((status = 200, body = AccountDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn get(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<AccountId>) -> Result<Json<AccountDto>, ApiError> {
    let account = state.store.account(auth.org(), id).await?;
    Ok(Json(AccountDto::from(&account)))
}

#[utoipa::path(patch, path = "/accounts/{id}", tag = "accounts", params(("id" = i64, Path)), request_body = AccountWrite,
    responses((status = 200, body = AccountDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
    body: JsonObject,
) -> Result<Json<AccountDto>, ApiError> {
    let current = state.store.account(auth.org(), id).await?;
    let version = body.version()?;
    let input =
        body.merge_into(&keyplan_app::accounts::account_to_input(&current), &AccountWrite::fields_except(&["version"]), &["version"])?;
    let account = keyplan_app::accounts::update_account(&state.store, &auth, id, version, &input).await?;
    Ok(Json(AccountDto::from(&account)))
}

/// Deletes the account with its contacts, team and plans.
#[utoipa::path(delete, path = "/accounts/{id}", tag = "accounts", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<AccountId>) -> Result<StatusCode, ApiError> {
    keyplan_app::accounts::delete_account(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/accounts/{id}/team", tag = "accounts", params(("id" = i64, Path)), responses((status = 200, body = [TeamMemberDto])))]
pub async fn team(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
) -> Result<Json<Vec<TeamMemberDto>>, ApiError> {
    state.store.account(auth.org(), id).await?;
    let team = state.store.team(auth.org(), id).await?;
    Ok(Json(team.iter().map(TeamMemberDto::from).collect()))
}

/// Puts a user on the account team (or changes their function).
#[utoipa::path(put, path = "/accounts/{id}/team/{user_id}", tag = "accounts", params(("id" = i64, Path), ("user_id" = i64, Path)),
    request_body = TeamWrite, responses((status = 200, body = [TeamMemberDto])))]
pub async fn set_team_member(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Ids(id, user): Ids<AccountId, UserId>,
    body: JsonObject,
) -> Result<Json<Vec<TeamMemberDto>>, ApiError> {
    let function = body.str_field("function")?.unwrap_or_default();
    keyplan_app::accounts::set_team_member(&state.store, &auth, id, Some(user), &function).await?;
    let team = state.store.team(auth.org(), id).await?;
    Ok(Json(team.iter().map(TeamMemberDto::from).collect()))
}

#[utoipa::path(delete, path = "/accounts/{id}/team/{user_id}", tag = "accounts", params(("id" = i64, Path), ("user_id" = i64, Path)), responses((status = 204)))]
pub async fn remove_team_member(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Ids(id, user): Ids<AccountId, UserId>,
) -> Result<StatusCode, ApiError> {
    keyplan_app::accounts::remove_team_member(&state.store, &auth, id, user).await?;
    Ok(StatusCode::NO_CONTENT)
}
