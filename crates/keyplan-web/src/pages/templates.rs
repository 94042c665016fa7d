//! The company's plan templates: the list in the order new plans offer them,
//! reorder, retire and restore, export a template file and import one. Everyone
//! signed in may look; administrators change (the editor is `template_editor`).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use keyplan_domain::TemplateId;
use keyplan_store::ImportOutcome;
use serde::Deserialize;

use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::FormView;
use crate::{AppError, AppState};
use keyplan_app::templates as tpl;
use keyplan_i18n::Tr;

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

/// "1 page", "3.5 pages" / "1 Seite", "3,5 Seiten".
pub fn pages_label(t: Tr, pages: f64) -> String {
    // The plural follows the number as shown: 1 is singular, 1.5 is not.
    let count = if pages == 1.0 { 1 } else { 2 };
    t.s2("templates-pages", "count", count, "pages", t.num(pages))
}

pub async fn list(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    list_page(&state, &auth, &headers, FormView::default(), Vec::new(), StatusCode::OK).await
}

async fn list_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    import: FormView,
    import_errors: Vec<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let templates = state.store.templates(auth.org(), true).await?;
    let chrome = Chrome::new(auth, "templates", headers);
    let t = chrome.t;
    let rows: Vec<TemplateRow> = templates
        .iter()
        .enumerate()
        .map(|(i, tpl)| {
            // Moves happen among the current templates, or among the retired ones.
            let same = |j: usize| templates.get(j).is_some_and(|o| o.retired == tpl.retired);
            TemplateRow {
                id: tpl.id.get(),
                key: tpl.key.clone(),
                name: keyplan_i18n::templates::localise_name(&tpl.key, &tpl.name, t),
                description: keyplan_i18n::templates::localise_description(&tpl.key, &tpl.description, t),
                sections: tpl.doc().sections.len(),
                pages: pages_label(t, tpl.budget_pages),
                version: tpl.current_version,
                row_version: tpl.version,
                plans: tpl.plans,
                retired: tpl.retired,
                first: i == 0 || !same(i - 1),
                last: !same(i + 1),
            }
        })
        .collect();
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
) -> Result<Response, PageError> {
    keyplan_app::access::require(tpl::can_manage(&auth))?;
    let tr = crate::lang::for_user(&auth, &headers);
    let result = match form.json.trim() {
        "" => Err(AppError::field("json", keyplan_domain::Message::new("templates-err-paste"))),
        text => match tpl::parse_file(text) {
            Ok(doc) => tpl::import(&state.store, &auth, &doc).await,
            Err(e) => Err(e),
        },
    };
    let problems: Vec<String> = match result {
        Ok((t, outcome)) => {
            let message = match outcome {
                ImportOutcome::Created => tr.s1("templates-imported-new", "name", &t.name),
                ImportOutcome::NewVersion => tr.s2("templates-imported-version", "name", &t.name, "version", t.current_version),
                ImportOutcome::Unchanged => tr.s2("templates-import-unchanged", "name", &t.name, "version", t.current_version),
            };
            return Ok(redirect_with(&format!("/admin/templates#template-{}", t.id), &message));
        }
        Err(AppError::BadRequest(m)) => vec![tr.msg(&m)],
        Err(AppError::Validation(errors)) => errors.iter().map(|e| format!("{}: {}", e.field, tr.msg(&e.message))).collect(),
        Err(e) => return Err(e.into()),
    };
    let mut f = FormView { open: true, ..Default::default() };
    f.values.insert("json".into(), form.json);
    list_page(&state, &auth, &headers, f, problems, StatusCode::UNPROCESSABLE_ENTITY).await
}

pub async fn retire(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<TemplateId>,
    Form(form): Form<super::RetireForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let retired = form.retired()?;
    let t = tpl::set_retired(&state.store, &auth, id, Some(version), retired).await?;
    let tr = crate::lang::for_user(&auth, &headers);
    let message = if t.retired { tr.s1("templates-retired-flash", "name", &t.name) } else { tr.s1("templates-restored", "name", &t.name) };
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
    headers: HeaderMap,
    Id(id): Id<TemplateId>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let up = match form.direction.trim() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::field("direction", keyplan_domain::Message::new("err-direction")).into()),
    };
    let t = tpl::move_template(&state.store, &auth, id, up).await?;
    let id_text = if up { "templates-moved-up" } else { "templates-moved-down" };
    Ok(redirect_with(&format!("/admin/templates#template-{id}"), &crate::lang::for_user(&auth, &headers).s1(id_text, "name", &t.name)))
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
    Id(id): Id<TemplateId>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let t = state.store.template(auth.org(), id).await?;
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

#[cfg(test)]
mod tests {
    use keyplan_domain::Lang;

    use super::*;

    /// The file's problems are messages by code, read in the page's language.
    #[test]
    fn template_file_problems_read_in_both_languages() {
        let (de, en) = (Tr::new(Lang::De), Tr::new(Lang::En));
        let file = serde_json::json!({"format": "keyplan-template", "colour": "red", "sections": "none"});
        let Err(AppError::Validation(errors)) = keyplan_app::templates::doc_from_json(file.as_object().unwrap()) else {
            panic!("the file is not valid")
        };
        let message = |field: &str| &errors.iter().find(|e| e.field == field).unwrap().message;
        assert!(en.msg(message("colour")).starts_with("is not a field here; the fields are format, "), "{:?}", en.msg(message("colour")));
        assert_eq!(en.msg(message("sections")), "must be a list of sections");
        assert_eq!(en.msg(message("key")), "is required");
        assert_eq!(de.msg(message("key")), de.s("templates-file-required"));
        assert!(!de.msg(message("sections")).contains("must"), "{}", de.msg(message("sections")));
    }
}
