//! Audience views of a plan, item visibility and customer share links.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use keyplan_domain::audience::Audience;
use keyplan_domain::{PlanId, ShareLinkId};
use keyplan_store::ShareLink;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::JsonObject;
use crate::auth::ApiUser;
use crate::extract::{Id, IdAnd};
use crate::{ApiError, AppError, AppState};
use keyplan_app::sharing;

#[derive(Serialize, ToSchema)]
pub struct ShareLinkDto {
    pub id: i64,
    pub plan_id: i64,
    pub label: String,
    /// The last day the link works.
    pub expires_on: Date,
    pub created_by: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_opened_at: Option<OffsetDateTime>,
    pub open_count: i64,
    /// `live`, `expired` or `revoked`.
    pub state: String,
    /// Only in the answer that created the link: keyplan keeps just its hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl ShareLinkDto {
    fn new(l: &ShareLink, url: Option<String>) -> Self {
        let today = keyplan_app::today();
        let state = if l.revoked_at.is_some() {
            "revoked"
        } else if l.expired(today) {
            "expired"
        } else {
            "live"
        };
        ShareLinkDto {
            id: l.id.get(),
            plan_id: l.plan_id.get(),
            label: l.label.clone(),
            expires_on: l.expires_on,
            created_by: l.created_by_name.clone(),
            created_at: l.created_at,
            revoked_at: l.revoked_at,
            last_opened_at: l.last_opened_at,
            open_count: l.open_count,
            state: state.into(),
            url,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct ShareLinkWrite {
    pub label: String,
    /// YYYY-MM-DD, today to a year ahead.
    pub expires_on: String,
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct VisibilityDto {
    /// `node`, `item`, `section` or `kpi`.
    pub target_kind: String,
    pub target_id: i64,
    /// `team`, `management` or `customer`.
    pub visibility: String,
}

/// The plan as one audience sees it: `team` (everything), `management` or `customer`
/// (only what is marked for them; internal content is removed on the server).
#[utoipa::path(get, path = "/plans/{id}/views/{audience}", tag = "sharing",
    params(("id" = i64, Path), ("audience" = String, Path, description = "team, management or customer")),
    responses((status = 200, body = super::content::FullPlanDto), (status = 404, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn view(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    IdAnd(id, audience): IdAnd<PlanId>,
) -> Result<Json<super::content::FullPlanDto>, ApiError> {
    let audience = Audience::validate("audience", &audience).map_err(AppError::from)?;
    let (b, _) =
        keyplan_app::audience::audience_bundle(&state.store, auth.org(), Some(auth.actor()), id, audience, crate::lang::current()).await?;
    Ok(Json(super::content::FullPlanDto::new(&b)))
}

/// Sets who may see one item of the plan.
#[utoipa::path(put, path = "/plans/{id}/visibility", tag = "sharing", params(("id" = i64, Path)), request_body = VisibilityDto,
    responses((status = 200, body = VisibilityDto), (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn put_visibility(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<Json<VisibilityDto>, ApiError> {
    let kind = body
        .str_field("target_kind")?
        .ok_or_else(|| AppError::field("target_kind", keyplan_domain::Message::new("templates-file-required")))?;
    let target =
        body.id_field("target_id")?.ok_or_else(|| AppError::field("target_id", keyplan_domain::Message::new("templates-file-required")))?;
    let v = body
        .str_field("visibility")?
        .ok_or_else(|| AppError::field("visibility", keyplan_domain::Message::new("templates-file-required")))?;
    let v = sharing::set_visibility(&state.store, &auth, id, &kind, target, &v).await?;
    Ok(Json(VisibilityDto { target_kind: kind, target_id: target, visibility: v.as_str().into() }))
}

/// The plan's share links, newest first.
#[utoipa::path(get, path = "/plans/{id}/share-links", tag = "sharing", params(("id" = i64, Path)),
    responses((status = 200, body = [ShareLinkDto]), (status = 404, body = super::dto::ErrorBody)))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<Vec<ShareLinkDto>>, ApiError> {
    let links = sharing::links(&state.store, &auth, id).await?;
    Ok(Json(links.iter().map(|l| ShareLinkDto::new(l, None)).collect()))
}

/// Creates a read-only link to the plan's customer excerpt. The answer carries the
/// link's `url` this once.
#[utoipa::path(post, path = "/plans/{id}/share-links", tag = "sharing", params(("id" = i64, Path)), request_body = ShareLinkWrite,
    responses((status = 201, body = ShareLinkDto), (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    headers: axum::http::HeaderMap,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<ShareLinkDto>), ApiError> {
    let label = body.str_field("label")?.unwrap_or_default();
    let expires = body.str_field("expires_on")?.unwrap_or_default();
    let (link, token) = sharing::create_link(&state.store, &auth, id, &label, &expires).await?;
    let url = format!("{}/s/{token}", crate::pages::base_url(&headers, state.config.cookies_secure()));
    Ok((StatusCode::CREATED, Json(ShareLinkDto::new(&link, Some(url)))))
}

/// Revokes a share link: it answers 410 from then on.
#[utoipa::path(post, path = "/share-links/{id}/revoke", tag = "sharing", params(("id" = i64, Path)),
    responses((status = 200, body = ShareLinkDto), (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<ShareLinkId>,
) -> Result<Json<ShareLinkDto>, ApiError> {
    let link = sharing::revoke(&state.store, &auth, id).await?;
    Ok(Json(ShareLinkDto::new(&link, None)))
}
