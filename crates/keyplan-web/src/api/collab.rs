//! Comments, activity, notifications and the calendar feed through the API.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use keyplan_domain::{NotificationId, PlanId};
use keyplan_store::{Activity, Comment, Notification};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::JsonObject;
use super::schema::{body, integer, nullable, text};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};
use keyplan_app::collab::{self, Target};

#[derive(Serialize, ToSchema)]
pub struct CommentDto {
    pub id: i64,
    /// `plan`, `node` or `item`.
    pub target_kind: String,
    pub target_id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

impl From<&Comment> for CommentDto {
    fn from(c: &Comment) -> Self {
        CommentDto {
            id: c.id.get(),
            target_kind: c.target_kind.clone(),
            target_id: c.target_id,
            author_id: c.author_id.get(),
            author_name: c.author_name.clone(),
            body: c.body.clone(),
            created_at: c.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ActivityDto {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    /// `created`, `updated`, `deleted`, `accepted`, `declined`, `date_proposed`, `commented`, `progress` (a progress note), …
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    pub summary: String,
    /// UTC, RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: OffsetDateTime,
}

impl From<&Activity> for ActivityDto {
    fn from(a: &Activity) -> Self {
        ActivityDto {
            id: a.id,
            actor_id: a.actor_id.map(|u| u.get()),
            actor_name: a.actor_name.clone(),
            action: a.action.clone(),
            target_kind: a.target_kind.clone(),
            target_id: a.target_id,
            // The API speaks English, as keyplan always wrote these lines.
            summary: keyplan_i18n::Tr::new(keyplan_domain::Lang::En).msg(&a.message()),
            at: a.at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct NotificationDto {
    pub id: i64,
    /// `commitment_proposed`, `commitment_answered`, `commitment_due`, `commitment_overdue`,
    /// `review_due`, `review_overdue`, `plan_update_due`, `review_scheduled`, `review_signoff` or `comment`.
    pub kind: String,
    pub plan_id: Option<i64>,
    pub message: String,
    /// A path in the web application.
    pub link: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub read: bool,
}

impl From<&Notification> for NotificationDto {
    fn from(n: &Notification) -> Self {
        NotificationDto {
            id: n.id.get(),
            kind: n.kind.clone(),
            plan_id: n.plan_id.map(|p| p.get()),
            message: keyplan_i18n::Tr::new(keyplan_domain::Lang::En).msg(&n.message()),
            link: n.link.clone(),
            created_at: n.created_at,
            read: n.read_at.is_some(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct NotificationsDto {
    pub unread: i64,
    pub notifications: Vec<NotificationDto>,
}

#[derive(Serialize, ToSchema)]
pub struct CalendarFeedDto {
    /// The secret feed address; shown only now. Creating again replaces it.
    pub url: String,
}

/// The plan's comments, oldest first.
#[utoipa::path(get, path = "/plans/{id}/comments", tag = "collaboration", params(("id" = i64, Path)), request_body = CommentWrite,
    responses((status = 200, body = [CommentDto]), (status = 404, body = super::dto::ErrorBody)))]
pub async fn list_comments(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
) -> Result<Json<Vec<CommentDto>>, ApiError> {
    let plan = id;
    state.store.plan(auth.org(), plan).await?;
    Ok(Json(state.store.comments(auth.org(), plan).await?.iter().map(CommentDto::from).collect()))
}

body! {
    /// A comment on the plan or on one of its items.
    CommentWrite {
        body: text(),
        /// `plan` (left out: the plan), `node` or `item`.
        target_kind: nullable(text()),
        /// The node or item commented on.
        target_id: nullable(integer()),
    }
}

/// Comments on the plan (`target_kind` `plan`, the default) or on one of its
/// items (`node` or `item` with `target_id`): `{"body": "...", "target_kind": "node", "target_id": 12}`.
#[utoipa::path(post, path = "/plans/{id}/comments", tag = "collaboration", params(("id" = i64, Path)), request_body = CommentWrite,
    responses((status = 201, body = CommentDto), (status = 422, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody)))]
pub async fn create_comment(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    JsonObject(body): JsonObject,
) -> Result<(StatusCode, Json<CommentDto>), ApiError> {
    let plan = id;
    let text = match body.get("body") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(AppError::field("body", keyplan_domain::Message::new("templates-file-required")).into()),
    };
    let kind = match body.get("target_kind") {
        None | Some(Value::Null) => "plan".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(AppError::field("target_kind", keyplan_domain::Message::new("err-comment-target")).into()),
    };
    let target_id = body.get("target_id").and_then(Value::as_i64);
    let target = Target::parse(&kind, target_id)
        .ok_or_else(|| AppError::field("target_kind", keyplan_domain::Message::new("err-comment-target-id")))?;
    let c = collab::add_comment(&state.store, &auth, plan, target, &text).await?;
    Ok((StatusCode::CREATED, Json(CommentDto::from(&c))))
}

/// The plan's history, newest first.
#[utoipa::path(get, path = "/plans/{id}/activity", tag = "collaboration", params(("id" = i64, Path)),
    responses((status = 200, body = [ActivityDto]), (status = 404, body = super::dto::ErrorBody)))]
pub async fn activity(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
) -> Result<Json<Vec<ActivityDto>>, ApiError> {
    let plan = id;
    state.store.plan(auth.org(), plan).await?;
    Ok(Json(state.store.activity(auth.org(), plan, None).await?.iter().map(ActivityDto::from).collect()))
}

/// My notifications (unread first) and the unread count.
#[utoipa::path(get, path = "/me/notifications", tag = "collaboration", responses((status = 200, body = NotificationsDto)))]
pub async fn notifications(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<NotificationsDto>, ApiError> {
    let (list, unread) =
        tokio::try_join!(state.store.notifications(auth.org(), auth.id(), 200), state.store.unread_notifications(auth.org(), auth.id()))
            .map_err(AppError::from)?;
    Ok(Json(NotificationsDto { unread, notifications: list.iter().map(NotificationDto::from).collect() }))
}

/// Marks one of my notifications read.
#[utoipa::path(post, path = "/notifications/{id}/read", tag = "collaboration", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn read(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<NotificationId>) -> Result<StatusCode, ApiError> {
    state.store.mark_notification_read(auth.org(), auth.id(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Marks all my notifications read.
#[utoipa::path(post, path = "/me/notifications/read-all", tag = "collaboration", responses((status = 204)))]
pub async fn read_all(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<StatusCode, ApiError> {
    state.store.mark_all_notifications_read(auth.org(), auth.id()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Makes a new secret calendar feed address (the previous one stops working).
#[utoipa::path(post, path = "/me/calendar", tag = "collaboration", responses((status = 201, body = CalendarFeedDto)))]
pub async fn create_calendar(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    headers: HeaderMap,
) -> Result<(StatusCode, Json<CalendarFeedDto>), ApiError> {
    let token = collab::new_calendar_token(&state.store, &auth).await?;
    let url = format!("{}/calendar/{token}.ics", crate::pages::base_url(&headers, state.config.cookies_secure()));
    Ok((StatusCode::CREATED, Json(CalendarFeedDto { url })))
}

/// Turns my calendar feed off.
#[utoipa::path(delete, path = "/me/calendar", tag = "collaboration", responses((status = 204)))]
pub async fn delete_calendar(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<StatusCode, ApiError> {
    state.store.delete_calendar_feed(auth.org(), auth.id()).await?;
    Ok(StatusCode::NO_CONTENT)
}
