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

#[derive(Deserialize, IntoParams)]
pub struct TopToTopQuery {
    /// The meeting's name, the page's title ("Top-to-top with Brightwater's board").
    #[serde(default)]
    pub meeting: String,
    /// The meeting's date (`YYYY-MM-DD`), optional.
    #[serde(default)]
    pub date: String,
    /// `customer` (default), `management` or `team`; attitudes and internal asks only for the internal audiences.
    #[serde(default)]
    pub audience: String,
    /// `en` or `de`; by default the user's language.
    #[serde(default)]
    pub lang: String,
}

/// The top-to-top briefing: one landscape page for a named executive meeting
/// with the customer's top management (their objectives, our goals for them,
/// the executive contacts, the open joint commitments, the asks), for one
/// audience; by default the customer's, which never shows internal attitudes.
#[utoipa::path(get, path = "/plans/{id}/top-to-top.pdf", tag = "sharing", params(("id" = i64, Path), TopToTopQuery),
    responses(
        (status = 200, description = "The briefing (application/pdf)"),
        (status = 404, body = super::dto::ErrorBody),
        (status = 422, body = super::dto::ErrorBody)))]
pub async fn top_to_top(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    Query(q): Query<TopToTopQuery>,
) -> Result<Response, ApiError> {
    Ok(top_to_top_response(&state, &auth, id, &q, crate::lang::current()).await?)
}

/// The briefing as a download, for the API and the plan's pages.
pub(crate) async fn top_to_top_response(
    state: &AppState,
    auth: &keyplan_app::Auth,
    id: PlanId,
    q: &TopToTopQuery,
    fallback: keyplan_domain::Lang,
) -> Result<Response, AppError> {
    let audience = if q.audience.trim().is_empty() { Audience::Customer } else { Audience::validate("audience", &q.audience)? };
    let lang = keyplan_export::parse_lang("lang", &q.lang, fallback)?;
    let on = keyplan_domain::validate::optional_date("date", Some(&q.date)).map_err(|e| AppError::Validation(vec![e]))?;
    let meeting = keyplan_domain::validate::optional("meeting", Some(&q.meeting), keyplan_domain::text::MAX_NAME)
        .map_err(|e| AppError::Validation(vec![e]))?
        .unwrap_or_default();
    let (b, _) = keyplan_app::audience::audience_bundle(&state.store, auth.org(), Some(auth.actor()), id, audience, lang).await?;
    let pdf_lang = keyplan_export::pdf::pdf_lang(lang);
    let name = keyplan_export::file_name(&format!("{} top-to-top", b.account.name), audience, "pdf");
    let rendered = keyplan_export::typeset(move || keyplan_export::top_to_top::render(&b, &meeting, on, pdf_lang))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("top-to-top briefing: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("top-to-top briefing: {e}")))?;
    let disposition = format!("attachment; filename=\"{name}\"");
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/pdf".to_string()), (axum::http::header::CONTENT_DISPOSITION, disposition)],
        rendered.bytes,
    )
        .into_response())
}
