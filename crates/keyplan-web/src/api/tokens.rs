//! API tokens: `GET`/`POST /tokens`, `DELETE /tokens/{id}`. Everyone manages
//! their own; administrators list (`?all=true`) and revoke everyone's.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use keyplan_app::tokens::{self, Life};
use keyplan_domain::TokenId;
use keyplan_store::ApiToken;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::JsonObject;
use super::dto::ErrorBody;
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct TokenDto {
    pub id: i64,
    pub name: String,
    pub user_id: i64,
    pub user_name: String,
    pub user_email: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    /// When the token stops working; `null`: never.
    #[serde(with = "time::serde::rfc3339::option")]
    pub expires_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
    /// `live`, `expired` or `revoked`.
    pub state: String,
    /// The secret, only in the answer that made the token: keyplan keeps just its hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

impl TokenDto {
    pub fn new(t: &ApiToken, secret: Option<String>) -> Self {
        TokenDto {
            id: t.id.get(),
            name: t.name.clone(),
            user_id: t.user_id.get(),
            user_name: t.user_name.clone(),
            user_email: t.user_email.clone(),
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            expires_at: t.expires_at,
            revoked_at: t.revoked_at,
            state: t.state(OffsetDateTime::now_utc()).to_string(),
            token: secret,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct TokenWrite {
    /// What the token is for (`CRM sync`).
    pub name: String,
    /// Days the token works, 1 to 3650; `null`: no expiry; left out: the
    /// organisation's default (`api_token_days`).
    #[schema(nullable)]
    pub expires_in_days: Option<i64>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct TokenQuery {
    /// `true`: every token of the organisation (administrators only).
    pub all: Option<bool>,
}

/// The caller's API tokens, newest first, revoked and expired ones too; with
/// `all=true`, the organisation's (administrators).
#[utoipa::path(get, path = "/tokens", tag = "tokens", params(TokenQuery),
    responses((status = 200, body = [TokenDto]), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(q): Query<TokenQuery>,
) -> Result<Json<Vec<TokenDto>>, ApiError> {
    let list = tokens::list(&state.store, &auth, q.all.unwrap_or(false)).await?;
    Ok(Json(list.iter().map(|t| TokenDto::new(t, None)).collect()))
}

/// Makes an API token for the caller. The answer carries its secret `token`
/// this once.
#[utoipa::path(post, path = "/tokens", tag = "tokens", request_body = TokenWrite,
    responses((status = 201, body = TokenDto), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: JsonObject,
) -> Result<(StatusCode, Json<TokenDto>), ApiError> {
    if let Some(key) = body.0.keys().find(|k| !matches!(k.as_str(), "name" | "expires_in_days")) {
        return Err(AppError::field(key, keyplan_domain::Message::new("err-not-a-field").arg("allowed", "name, expires_in_days")).into());
    }
    let name = body.str_field("name")?.unwrap_or_default();
    let life = match body.0.get("expires_in_days") {
        None => Life::Default,
        Some(Value::Null) => Life::Never,
        Some(v) => v.as_i64().map(|d| Life::days("expires_in_days", d)).unwrap_or_else(|| Life::days("expires_in_days", 0))?,
    };
    let (token, secret) = tokens::create(&state.store, &auth, &name, life).await?;
    Ok((StatusCode::CREATED, Json(TokenDto::new(&token, Some(secret)))))
}

/// Revokes an API token (the caller's own, or any of the organisation's for an
/// administrator): it answers 401 from then on. Revoking again changes nothing.
#[utoipa::path(delete, path = "/tokens/{id}", tag = "tokens", params(("id" = i64, Path)),
    responses((status = 200, body = TokenDto), (status = 404, body = ErrorBody)))]
pub async fn revoke(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<TokenId>) -> Result<Json<TokenDto>, ApiError> {
    let token = tokens::revoke(&state.store, &auth, id).await?;
    Ok(Json(TokenDto::new(&token, None)))
}
