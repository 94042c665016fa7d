//! `POST /api/v1/crm/imports`: a CRM export's raw bytes in, the import report
//! out. The body may have any content type (`text/csv`,
//! `application/octet-stream`, `text/plain`, …): the content decides, never
//! a file name or type. Its size limit is `crm_import_max_bytes` (default
//! 50 MB), not the API's general one.

use axum::Json;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use keyplan_app::crm_import::{self, ImportRequest};
use keyplan_domain::Message;
use keyplan_i18n::Tr;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::ApiUser;
use crate::{ApiError, AppError, AppState};

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// `accounts` or `contacts` (`opportunities`: not available yet); detected from the headers when left out.
    #[serde(default)]
    pub kind: Option<String>,
    /// `auto` (the default), `salesforce`, `hubspot`, `dynamics`, `pipedrive` or `generic` (needs `mapping`).
    #[serde(default)]
    pub preset: Option<String>,
    /// `true`: report what would happen and store nothing.
    #[serde(default)]
    pub dry_run: Option<bool>,
    /// `true`: store the valid rows even when others are invalid (those count as `skipped`).
    #[serde(default)]
    pub skip_invalid: Option<bool>,
    /// A mapping as JSON, URL-encoded (the format of the mapping file, see the README:
    /// `{"kind", "columns", "date_format", "decimal_comma", "values"}`). Needed for the generic preset.
    #[serde(default)]
    pub mapping: Option<String>,
}

/// One error or warning of an import.
#[derive(Serialize, ToSchema)]
pub struct ImportIssue {
    /// The data row (1 = the first row after the header); 0 for the whole file.
    pub row: u64,
    /// The file's header text of the cell; null for the row as a whole.
    pub column: Option<String>,
    /// In the reader's language.
    pub message: String,
}

/// What an import did, or (dry run, refusal) would have done.
#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    /// `accounts`, `contacts` or `opportunities`; null when the file cannot be read.
    pub kind: Option<String>,
    pub preset: Option<String>,
    /// `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    pub encoding: Option<String>,
    /// The delimiter itself: `,`, `;`, `|` or a tab (`"\t"`).
    pub delimiter: Option<String>,
    /// Data rows read.
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Invalid rows, not stored.
    pub skipped: u64,
    /// Report footers and instruction rows, recognised and left out.
    pub ignored_lines: u64,
    pub errors: Vec<ImportIssue>,
    pub warnings: Vec<ImportIssue>,
    pub dry_run: bool,
}

/// Imports accounts or contacts from a CRM export (Salesforce, HubSpot,
/// Dynamics 365, Pipedrive, or any CSV with a `mapping`): the body is the
/// file's raw bytes, in any content type, encoding (UTF-8, UTF-16 with a
/// byte-order mark, Windows-1252) and delimiter. Rows are matched by CRM id
/// (re-importing changes only what changed); nothing is deleted. For KAMs,
/// managers and administrators; a KAM imports only into accounts they own or
/// create. All or nothing: with invalid rows and without `skip_invalid`,
/// nothing is stored and the answer is 422 with the same report.
#[utoipa::path(post, path = "/crm/imports", tag = "crm", params(ImportQuery),
    request_body(content = Vec<u8>, description = "The exported file's raw bytes (CSV, tab-separated text; any content type)",
        content_type = "application/octet-stream"),
    responses(
        (status = 200, body = ImportReport, description = "Imported, or a clean dry run."),
        (status = 400, body = super::dto::ErrorBody, description = "A usage error: an unknown kind or preset, the generic preset without a mapping, a mapping that cannot be read, or opportunities (not available yet)."),
        (status = 403, body = super::dto::ErrorBody, description = "Members and viewers do not import."),
        (status = 413, body = super::dto::ErrorBody, description = "The file is larger than the import's limit (`crm_import_max_bytes`, default 50 MB)."),
        (status = 422, body = ImportReport, description = "Nothing was stored: the file cannot be read (empty, binary, undecodable, unknown kind) or has invalid rows; the report says which, and what the valid rows would have done.")))]
pub async fn import(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(q): Query<ImportQuery>,
    body: Body,
) -> Result<Response, ApiError> {
    if !crm_import::may_import(&auth) {
        return Err(AppError::forbidden().into());
    }
    let limit = state.config.crm_import_max_bytes;
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(_) => return Ok(too_large(limit)),
    };
    let req = ImportRequest {
        kind: crm_import::parse_kind(q.kind.as_deref().unwrap_or(""))?,
        preset: crm_import::parse_preset(q.preset.as_deref().unwrap_or(""))?,
        mapping: q.mapping.as_deref().filter(|m| !m.trim().is_empty()).map(crm_import::parse_mapping).transpose()?,
        dry_run: q.dry_run.unwrap_or(false),
        skip_invalid: q.skip_invalid.unwrap_or(false),
        trace_rows: 0,
    };
    let report = crm_import::import(&state.store, &auth, &bytes, &req).await?;
    let status = if report.refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, Json(report.to_json(Tr::new(crate::lang::current())))).into_response())
}

/// 413 with a message naming the limit in megabytes.
fn too_large(limit: usize) -> Response {
    let mb = limit.div_ceil(1024 * 1024);
    let message = Tr::new(crate::lang::current()).msg(&Message::new("crm-import-error-too-large").arg("limit", mb as i64));
    let body = serde_json::json!({"error": {"code": "payload_too_large", "message": message, "field": null, "limit_bytes": limit}});
    (StatusCode::PAYLOAD_TOO_LARGE, Json(body)).into_response()
}
