//! The plan as a file: PDF, XLSX workbook, Markdown or JSON, for one audience.

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use keyplan_domain::PlanId;
use keyplan_domain::audience::Audience;
use serde::Deserialize;
use serde_json::json;
use utoipa::IntoParams;

use super::path_id;
use crate::auth::ApiUser;
use crate::pdf_export;
use crate::{ApiError, AppError, AppState};

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
#[utoipa::path(get, path = "/api/v1/plans/{id}/export", tag = "sharing", params(("id" = i64, Path), ExportQuery),
    responses(
        (status = 200, description = "The file: application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/markdown or application/json"),
        (status = 404, body = super::dto::ErrorBody),
        (status = 422, body = super::dto::ErrorBody)))]
pub async fn export(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path(id): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let id = PlanId::new(path_id(&id)?);
    let format = match q.format.trim() {
        f @ ("pdf" | "xlsx" | "md" | "json") => f,
        _ => return Err(AppError::field("format", "must be pdf, xlsx, md or json").into()),
    };
    let audience = Audience::validate("audience", &q.audience).map_err(AppError::from)?;
    let lang = pdf_export::parse_lang("lang", &q.lang)?;
    let compact = pdf_export::parse_compact("layout", &q.layout)?;
    let (b, vis) = crate::audience::audience_bundle(&state.store, auth.org(), Some(auth.actor()), id, audience).await?;
    let name = |ext: &str| pdf_export::file_name(&b.plan.title, audience, ext);
    let (body, ctype, file) = match format {
        "pdf" => match pdf_export::render(&b, lang, compact).await? {
            Ok(pdf) => return Ok(crate::pages::share_pdf_response(pdf.bytes, &name("pdf"))),
            Err(e @ keyplan_pdf::PdfError::TooBigForOnePage { .. }) => {
                let body = json!({ "error": { "code": "too_big_for_one_page", "message": e.to_string(), "field": null } });
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response());
            }
            Err(e) => return Err(AppError::Internal(e.into()).into()),
        },
        "xlsx" => {
            let bytes = crate::xlsx_export::file_in(&b, crate::i18n::Tr::new(pdf_export::ui_lang(lang)))?;
            let disposition = format!("attachment; filename=\"{}\"", name("xlsx"));
            return Ok((
                [(header::CONTENT_TYPE, crate::xlsx_export::CONTENT_TYPE.to_string()), (header::CONTENT_DISPOSITION, disposition)],
                bytes,
            )
                .into_response());
        }
        "md" => {
            (crate::export::markdown_in(&b, crate::i18n::Tr::new(pdf_export::ui_lang(lang))), "text/markdown; charset=utf-8", name("md"))
        }
        _ => (
            serde_json::to_string_pretty(&crate::export::json(&b, &vis)).map_err(|e| AppError::Internal(e.into()))?,
            "application/json",
            name("json"),
        ),
    };
    let disposition = format!("attachment; filename=\"{file}\"");
    Ok(([(header::CONTENT_TYPE, ctype.to_string()), (header::CONTENT_DISPOSITION, disposition)], body).into_response())
}
