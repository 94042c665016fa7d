//! The company's plan templates: the list in the order new plans offer them,
//! reorder, retire and restore, export a template file and import one. Everyone
//! signed in may look; administrators change (the editor is `template_editor`).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use keyplan_domain::TemplateId;
use keyplan_store::ImportOutcome;
use serde::Deserialize;

use super::{Chrome, form_version, path_id, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::template_service as tpl;
use crate::views::FormView;
use crate::{AppError, AppState};

pub struct TemplateRow {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub description: String,
    pub sections: usize,
    pub pages: String,
    pub version: i32,
    pub row_version: i64,
    pub plans: i64,
    pub retired: bool,
    pub first: bool,
    pub last: bool,
}

#[derive(Template)]
#[template(path = "templates.html")]
struct TemplatesPage {
    chrome: Chrome,
    can_manage: bool,
    rows: Vec<TemplateRow>,
    offered: usize,
    import: FormView,
    import_errors: Vec<String>,
}

/// "1 page", "3.5 pages".
pub fn pages_label(pages: f64) -> String {
    let n = crate::service::num(pages);
    if pages == 1.0 { format!("{n} page") } else { format!("{n} pages") }
}

pub async fn list(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, AppError> {
    list_page(&state, &auth, &headers, FormView::default(), Vec::new(), StatusCode::OK).await
}

async fn list_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    import: FormView,
    import_errors: Vec<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let templates = state.store.templates(auth.org(), true).await?;
    let rows: Vec<TemplateRow> = templates
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // Moves happen among the current templates, or among the retired ones.
            let same = |j: usize| templates.get(j).is_some_and(|o| o.retired == t.retired);
            TemplateRow {
                id: t.id.get(),
                key: t.key.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                sections: t.doc().sections.len(),
                pages: pages_label(t.budget_pages),
                version: t.current_version,
                row_version: t.version,
                plans: t.plans,
                retired: t.retired,
                first: i == 0 || !same(i - 1),
                last: !same(i + 1),
            }
        })
        .collect();
    let chrome = Chrome::new(auth, "templates", headers);
    let had_flash = chrome.flash.is_some();
    let page = TemplatesPage {
        chrome,
        can_manage: tpl::can_manage(auth),
        offered: rows.iter().filter(|r| !r.retired).count(),
        rows,
        import,
        import_errors,
    };
    Ok(render(status, &page, had_flash))
}

#[derive(Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    json: String,
}

/// `POST /admin/templates/import`: a template file pasted into the form.
pub async fn import(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<ImportForm>,
) -> Result<Response, AppError> {
    crate::service::require(tpl::can_manage(&auth))?;
    let result = match form.json.trim() {
        "" => Err(AppError::field("json", "paste the contents of a template file")),
        text => match tpl::parse_file(text) {
            Ok(doc) => tpl::import(&state.store, &auth, &doc).await,
            Err(e) => Err(e),
        },
    };
    let problems: Vec<String> = match result {
        Ok((t, outcome)) => {
            let message = match outcome {
                ImportOutcome::Created => format!("Imported “{}” as a new template (version 1).", t.name),
                ImportOutcome::NewVersion => {
                    format!("Imported “{}” as version {}. Plans made earlier keep their version.", t.name, t.current_version)
                }
                ImportOutcome::Unchanged => {
                    format!("“{}” is unchanged (still version {}); nothing was imported.", t.name, t.current_version)
                }
            };
            return Ok(redirect_with(&format!("/admin/templates#template-{}", t.id), &message));
        }
        Err(AppError::BadRequest(m)) => vec![m],
        Err(AppError::Validation(errors)) => errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect(),
        Err(e) => return Err(e),
    };
    let mut f = FormView { open: true, ..Default::default() };
    f.values.insert("json".into(), form.json);
    list_page(&state, &auth, &headers, f, problems, StatusCode::UNPROCESSABLE_ENTITY).await
}

pub async fn retire(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(form): Form<super::RetireForm>,
) -> Result<Response, AppError> {
    let id = TemplateId::new(path_id(&id)?);
    let version = form_version(&form.version)?;
    let retired = form.retired()?;
    let t = tpl::set_retired(&state.store, &auth, id, Some(version), retired).await?;
    let message = if t.retired {
        format!("“{}” retired: it is no longer offered for new plans; plans made from it keep it.", t.name)
    } else {
        format!("“{}” is offered for new plans again.", t.name)
    };
    Ok(redirect_with(&format!("/admin/templates#template-{id}"), &message))
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

pub async fn move_template(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let id = TemplateId::new(path_id(&id)?);
    let up = match form.direction.trim() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::field("direction", "must be up or down")),
    };
    let t = tpl::move_template(&state.store, &auth, id, up).await?;
    Ok(redirect_with(&format!("/admin/templates#template-{id}"), &format!("“{}” moved {}.", t.name, form.direction.trim())))
}

#[derive(Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    version: String,
}

/// `GET /admin/templates/{id}/export[?version=N]`: the template file as a download.
pub async fn export(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let t = state.store.template(auth.org(), TemplateId::new(path_id(&id)?)).await?;
    let (doc, number) = match q.version.trim() {
        "" => (t.doc(), t.current_version),
        n => {
            let n: i32 = n.parse().map_err(|_| AppError::NotFound)?;
            let versions = state.store.template_versions(auth.org(), t.id).await?;
            let v = versions.iter().find(|v| v.number == n).ok_or(AppError::NotFound)?;
            (v.doc(), v.number)
        }
    };
    let body = tpl::to_file(&doc)?;
    let mut r = ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response();
    // Keys are lower-case letters, digits, '-' and '_': safe in a header.
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}-v{number}.json\"", t.key)) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}
