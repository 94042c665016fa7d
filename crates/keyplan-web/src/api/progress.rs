//! A commitment's dated progress notes through the API (issue 15 point 7).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use keyplan_domain::NodeId;
use keyplan_domain::tree::ProgressInput;
use keyplan_store::ProgressNote;
use serde::Serialize;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::JsonObject;
use super::schema::{Body, body, date, nullable, text};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppState};

/// A dated progress note on a commitment. Internal: never in a customer's view or file.
#[derive(Serialize, ToSchema)]
pub struct ProgressNoteDto {
    pub id: i64,
    /// The commitment.
    pub node_id: i64,
    /// The day the note speaks of.
    pub on: Date,
    pub text: String,
    pub author_id: i64,
    pub author_name: String,
    /// When it was written (UTC, RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

impl From<&ProgressNote> for ProgressNoteDto {
    fn from(n: &ProgressNote) -> Self {
        ProgressNoteDto {
            id: n.id.get(),
            node_id: n.node_id.get(),
            on: n.on,
            text: n.text.clone(),
            author_id: n.author_id.get(),
            author_name: n.author_name.clone(),
            created_at: n.created_at,
        }
    }
}

body! {
    /// A progress note: `{"on": "2026-03-15", "text": "Trial plan agreed with QA"}`.
    ProgressWriteDto {
        /// The day the note speaks of: today or earlier; left out or null: today.
        on: nullable(date()),
        /// What happened, 1 to 2000 characters.
        text: text(),
    }
}

/// The commitment's progress notes, newest first (by day, then by when they were written).
#[utoipa::path(get, path = "/nodes/{id}/progress", tag = "commitments", params(("id" = i64, Path)),
    responses((status = 200, body = [ProgressNoteDto]), (status = 404, body = super::dto::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<NodeId>,
) -> Result<Json<Vec<ProgressNoteDto>>, ApiError> {
    let notes = keyplan_app::progress::list(&state.store, &auth, id).await?;
    Ok(Json(notes.iter().map(ProgressNoteDto::from).collect()))
}

/// Notes progress on a commitment: its owner or anyone who may edit the plan.
/// The plan's history records it.
#[utoipa::path(post, path = "/nodes/{id}/progress", tag = "commitments", params(("id" = i64, Path)), request_body = ProgressWriteDto,
    responses((status = 201, body = ProgressNoteDto), (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody),
        (status = 422, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<NodeId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<ProgressNoteDto>), ApiError> {
    let input: ProgressInput = body.merge_into(&ProgressInput::default(), ProgressWriteDto::FIELDS, &[])?;
    let note = keyplan_app::progress::add(&state.store, &auth, id, &input).await?;
    Ok((StatusCode::CREATED, Json(ProgressNoteDto::from(&note))))
}
