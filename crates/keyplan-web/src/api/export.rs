//! The plan as a file: PDF, XLSX workbook, Markdown or JSON, for one audience.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use keyplan_domain::PlanId;
use keyplan_domain::audience::Audience;
use serde::Deserialize;
use serde_json::json;
use utoipa::IntoParams;

use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};
use keyplan_export::{ExportError, Format, Layout};

#[derive(Deserialize, IntoParams)]
pub struct ExportQuery {
    /// `pdf`, `xlsx`, `md` or `json`.
    #[serde(default)]
    pub format: String,
    /// `team` (default), `management` or `customer`.
    #[serde(default)]
    pub audience: String,
    /// `en` or `de`; by default the user's language (their setting, else `Accept-Language`).
    #[serde(default)]
    pub lang: String,
    /// `compact` forces the multi-page PDF layout, also for a one-page plan.
    #[serde(default)]
    pub layout: String,
}

/// The plan exported for one audience. Everything the audience may not see is
/// removed on the server before the file is made. `xlsx` is a workbook: an
/// overview sheet, then one sheet per template section that has content. A
/// one-page plan that does not fit on one page answers 422 with the code
/// `too_big_for_one_page`; ask again with `layout=compact`.
#[utoipa::path(get, path = "/plans/{id}/export", tag = "sharing", params(("id" = i64, Path), ExportQuery),
    responses(
        (status = 200, description = "The file: application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/markdown or application/json"),
        (status = 404, body = super::dto::ErrorBody),
        (status = 422, body = super::dto::ErrorBody)))]
pub async fn export(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let format = Format::parse("format", &q.format).map_err(AppError::from)?;
    let audience = Audience::validate("audience", &q.audience).map_err(AppError::from)?;
    let lang = keyplan_export::parse_lang("lang", &q.lang, crate::lang::current()).map_err(AppError::from)?;
    let layout = Layout::parse("layout", &q.layout).map_err(AppError::from)?;
    let (b, vis) = keyplan_app::audience::audience_bundle(&state.store, auth.org(), Some(auth.actor()), id, audience, lang).await?;
    match keyplan_export::render_blocking(b, vis, format, lang, layout).await {
        Ok(file) => Ok(crate::download(file)),
        Err(ExportError::TooBigForOnePage(e)) => {
            let body = json!({ "error": { "code": "too_big_for_one_page", "message": e.to_string(), "field": null } });
            Ok((StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response())
        }
        Err(ExportError::Failed(e)) => Err(AppError::Internal(e).into()),
    }
}
