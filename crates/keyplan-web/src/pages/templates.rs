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
        "" => Err(AppError::field("json", tr.s("templates-err-paste"))),
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
        Err(AppError::Validation(errors)) => errors.iter().map(|e| format!("{}: {}", e.field, file_message(&e.message, tr))).collect(),
        Err(e) => return Err(e.into()),
    };
    let mut f = FormView { open: true, ..Default::default() };
    f.values.insert("json".into(), form.json);
    list_page(&state, &auth, &headers, f, problems, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// A problem with an imported template file in `t`'s language: the checks of
/// the file are written in English; the field paths stay as they are in the file.
fn file_message(m: &keyplan_domain::Message, t: Tr) -> String {
    match keyplan_domain::validate::field_text(m) {
        Some(text) => file_text(text, t),
        None => t.msg(m),
    }
}

/// [`file_message`] for a check's English sentence.
fn file_text(m: &str, t: Tr) -> String {
    if t.lang == keyplan_domain::Lang::En {
        return m.to_string();
    }
    let fixed = [
        ("is required", "templates-file-required"),
        ("must be a string", "templates-file-string"),
        ("is required (1)", "templates-file-version-required"),
        ("must be a whole number (1)", "templates-file-version-number"),
        ("is required: the plan's length in pages", "templates-file-pages-required"),
        ("must be a number of pages", "templates-file-pages-number"),
        ("is required: the list of sections", "templates-file-sections-required"),
        ("must be a list of sections", "templates-file-sections-list"),
        ("must be an object with key, title, kind, guidance and budget", "templates-file-section-object"),
        ("must be \"words\" or \"items\"", "templates-err-unit"),
        ("must be a whole number", "templates-err-whole"),
        ("must be a number of pages between 0.5 and 50", "templates-err-pages-range"),
        ("a template needs at least one section", "templates-err-no-section"),
        ("at most 40 sections", "templates-err-too-many"),
        ("must be between 1 and 20000", "templates-err-budget-range"),
        ("use 1 to 60 lower-case letters, digits, '-' or '_'", "templates-err-key"),
        ("A template file is one JSON object with \"format\": \"keyplan-template\".", "templates-file-object"),
    ];
    if let Some((_, id)) = fixed.iter().find(|(english, _)| *english == m) {
        return t.s(id);
    }
    let prefixed = [
        ("The template file is not valid JSON: ", "templates-file-json"),
        ("is not a field here; the fields are ", "templates-file-unknown-field"),
        ("is required; one of ", "templates-file-kind-required"),
        ("cannot be read: ", "templates-file-unreadable"),
        ("must be \"", "templates-file-must-be"),
    ];
    for (prefix, id) in prefixed {
        if let Some(rest) = m.strip_prefix(prefix) {
            return t.s1(id, "detail", rest.trim_end_matches('.').trim_end_matches('"'));
        }
    }
    t.field_error(m)
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
        _ => return Err(AppError::field("direction", "must be up or down").into()),
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

    #[test]
    fn template_file_problems_read_in_german() {
        let de = Tr::new(Lang::De);
        assert_eq!(file_text("is required", de), de.s("templates-file-required"));
        assert_eq!(
            file_text("The template file is not valid JSON: EOF at line 1.", de),
            de.s1("templates-file-json", "detail", "EOF at line 1")
        );
        assert_eq!(
            file_text("is not a field here; the fields are key, title", de),
            de.s1("templates-file-unknown-field", "detail", "key, title")
        );
        assert!(!file_text("must be a list of sections", de).contains("must"));
        assert_eq!(file_text("is required", Tr::new(Lang::En)), "is required");
    }
}
