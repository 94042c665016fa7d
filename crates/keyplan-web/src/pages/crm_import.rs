//! The *Import from CRM* page (`/crm/import`), for KAMs, managers and
//! administrators, without JavaScript: upload a file (kept in the database
//! for a day, for its uploader only, so any server can take the next step),
//! see what was detected and adjust the column mapping on a preview of the
//! first rows, run a dry run that lists each row's outcome, then import.
//!
//! The upload is `multipart/form-data`; its CSRF token travels in the query
//! string and is checked by the authentication middleware.

use askama::Template;
use axum::Form;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use keyplan_app::crm_import::{self, ImportRequest, Report};
use keyplan_domain::crm::{self, Field, ImportOptions, Mapping};
use keyplan_i18n::Tr;

use super::crm_import_upload as upload;
use super::{Chrome, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::{AppError, AppState};

/// A column of the preview and the field it fills.
pub struct ColumnView {
    pub index: usize,
    pub header: String,
    /// (field name, selected).
    pub options: Vec<(&'static str, bool)>,
}

/// The uploaded file as detected.
pub struct FileView {
    pub id: i64,
    pub name: String,
    pub encoding: &'static str,
    pub delimiter: String,
    pub preset: &'static str,
    pub kind: &'static str,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<Vec<String>>,
}

pub struct RowView {
    pub row: u64,
    pub name: String,
    pub outcome: &'static str,
    pub label: String,
}

/// What a dry run or an import did.
pub struct ResultView {
    pub title: String,
    pub figures: Vec<(String, u64)>,
    pub rows: Vec<RowView>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Template)]
#[template(path = "crm_import.html")]
struct CrmImportPage {
    chrome: Chrome,
    upload_action: String,
    error: Option<String>,
    file: Option<FileView>,
    result: Option<ResultView>,
    /// The file is imported: no further step.
    done: bool,
}

fn require(auth: &Auth) -> Result<(), PageError> {
    if crm_import::may_import(auth) { Ok(()) } else { Err(AppError::forbidden().into()) }
}

async fn page(
    auth: &Auth,
    headers: &HeaderMap,
    status: StatusCode,
    view: (Option<String>, Option<FileView>, Option<ResultView>, bool),
) -> Response {
    let chrome = Chrome::new(auth, "accounts", headers);
    let upload_action = format!("/crm/import?_csrf={}", chrome.csrf);
    let (error, file, result, done) = view;
    let page = CrmImportPage { chrome, upload_action, error, file, result, done };
    let had_flash = page.chrome.flash.is_some();
    render(status, &page, had_flash)
}

/// `GET /crm/import`: the upload form.
pub async fn show(PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    require(&auth)?;
    Ok(page(&auth, &headers, StatusCode::OK, (None, None, None, false)).await)
}

/// `POST /crm/import`: keeps the upload and goes to its mapping step.
pub async fn receive(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, PageError> {
    require(&auth)?;
    let t = crate::lang::for_user(&auth, &headers);
    let limit = state.config.crm_import_max_bytes;
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        let message = t.msg(&keyplan_domain::Message::new("crm-import-error-too-large").arg("limit", limit.div_ceil(1024 * 1024) as i64));
        return Ok(page(&auth, &headers, StatusCode::PAYLOAD_TOO_LARGE, (Some(message), None, None, false)).await);
    };
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let parsed =
        upload::boundary(content_type).and_then(|b| upload::parse(&bytes, &b)).filter(|u| !u.file_name.is_empty() || !u.bytes.is_empty());
    let Some(file) = parsed else {
        return Ok(page(&auth, &headers, StatusCode::UNPROCESSABLE_ENTITY, (Some(t.s("crm-import-page-no-file")), None, None, false)).await);
    };
    let id = state.store.save_crm_upload(auth.org(), auth.id(), &file.file_name, &file.bytes).await.map_err(AppError::from)?;
    Ok(Redirect::to(&format!("/crm/import/{id}")).into_response())
}

/// The options a step's form chose, and the mapping its selects make.
fn options(fields: &[(String, String)], headers: &[String]) -> Result<(ImportOptions, bool), AppError> {
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str()).unwrap_or("");
    let kind = crm_import::parse_kind(get("kind"))?;
    let preset = crm_import::parse_preset(get("preset"))?;
    let columns: std::collections::BTreeMap<String, String> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| Some((h.clone(), fields.iter().find(|(n, _)| *n == format!("col_{i}"))?.1.clone())))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    let mapping = (!columns.is_empty()).then(|| Mapping { kind: kind.map(|k| k.as_str().to_string()), columns, ..Mapping::default() });
    Ok((ImportOptions { preset, kind, mapping }, get("skip_invalid") == "on"))
}

/// The detected file with its preview; an error message when it cannot be read.
fn file_view(id: i64, name: &str, bytes: &[u8], options: &ImportOptions, t: Tr) -> Result<FileView, String> {
    let p = crm::preview(bytes, options, 5).map_err(|e| t.msg(&e.message()))?;
    let names: Vec<&'static str> = Field::names(p.kind).collect();
    let columns = p
        .headers
        .iter()
        .zip(&p.fields)
        .enumerate()
        .map(|(index, (h, f))| ColumnView {
            index,
            header: h.clone(),
            options: names.iter().map(|n| (*n, Some(*n) == *f || (f.is_none() && *n == "ignore"))).collect(),
        })
        .collect();
    let delimiter = match p.delimiter.as_char() {
        '\t' => t.s("crm-import-page-tab"),
        c => c.to_string(),
    };
    Ok(FileView {
        id,
        name: name.to_string(),
        encoding: p.encoding.as_str(),
        delimiter,
        preset: p.preset.as_str(),
        kind: p.kind.as_str(),
        columns,
        rows: p.rows,
    })
}

/// `GET /crm/import/{id}`: what was detected, and the mapping on a preview.
pub async fn mapping(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    require(&auth)?;
    let t = crate::lang::for_user(&auth, &headers);
    let up = state.store.crm_upload(auth.org(), auth.id(), id).await.map_err(AppError::from)?.ok_or(AppError::NotFound)?;
    let view = match file_view(up.id, &up.file_name, &up.bytes, &ImportOptions::default(), t) {
        Ok(f) => (None, Some(f), None, false),
        Err(message) => (Some(message), None, None, false),
    };
    Ok(page(&auth, &headers, StatusCode::OK, view).await)
}

/// `POST /crm/import/{id}`: a dry run (`action=dry_run`) or the import.
pub async fn run(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    require(&auth)?;
    let t = crate::lang::for_user(&auth, &headers);
    let up = state.store.crm_upload(auth.org(), auth.id(), id).await.map_err(AppError::from)?.ok_or(AppError::NotFound)?;
    let headers_of_file = crm::preview(&up.bytes, &ImportOptions::default(), 0).map(|p| p.headers).unwrap_or_default();
    let (options, skip_invalid) = options(&fields, &headers_of_file)?;
    let action = fields.iter().find(|(k, _)| k == "action").map(|(_, v)| v.as_str()).unwrap_or("");
    if action == "preview" {
        let view = match file_view(up.id, &up.file_name, &up.bytes, &options, t) {
            Ok(f) => (None, Some(f), None, false),
            Err(message) => (Some(message), None, None, false),
        };
        return Ok(page(&auth, &headers, StatusCode::OK, view).await);
    }
    let dry_run = action != "import";
    let req = ImportRequest {
        kind: options.kind,
        preset: options.preset,
        mapping: options.mapping.clone(),
        dry_run,
        skip_invalid,
        trace_rows: 500,
    };
    let report = match crm_import::import(&state.store, &auth, &up.bytes, &req).await {
        Ok(r) => r,
        Err(AppError::BadRequest(m)) => {
            let file = file_view(up.id, &up.file_name, &up.bytes, &options, t).ok();
            return Ok(page(&auth, &headers, StatusCode::UNPROCESSABLE_ENTITY, (Some(t.msg(&m)), file, None, false)).await);
        }
        Err(e) => return Err(e.into()),
    };
    let done = report.stored;
    if done {
        state.store.delete_crm_upload(auth.org(), auth.id(), id).await.map_err(AppError::from)?;
    }
    let file = if done { None } else { file_view(up.id, &up.file_name, &up.bytes, &options, t).ok() };
    let status = if report.refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok(page(&auth, &headers, status, (None, file, Some(result_view(&report, t)), done)).await)
}

fn result_view(r: &Report, t: Tr) -> ResultView {
    let title = if r.stored {
        t.s("crm-import-page-imported")
    } else if r.refused {
        t.s("crm-import-page-refused-title")
    } else {
        t.s("crm-import-page-dry-run-done")
    };
    let figures =
        [("created", r.created), ("updated", r.updated), ("unchanged", r.unchanged), ("skipped", r.skipped), ("ignored", r.ignored_lines)]
            .into_iter()
            .map(|(k, n)| (t.s(&format!("crm-import-page-{k}")), n))
            .collect();
    let line = |i: &crm_import::Issue| match (&i.column, i.row) {
        (_, 0) => t.msg(&i.message),
        (Some(c), row) => format!("{} {row}, {c}: {}", t.s("crm-import-page-row"), t.msg(&i.message)),
        (None, row) => format!("{} {row}: {}", t.s("crm-import-page-row"), t.msg(&i.message)),
    };
    ResultView {
        title,
        figures,
        rows: r
            .trace
            .iter()
            .map(|x| RowView {
                row: x.row,
                name: x.name.clone(),
                outcome: x.outcome.as_str(),
                label: t.s(&format!("crm-import-page-{}", x.outcome.as_str())),
            })
            .collect(),
        errors: r.errors.iter().map(line).collect(),
        warnings: r.warnings.iter().map(line).collect(),
    }
}
