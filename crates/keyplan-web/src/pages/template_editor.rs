//! The template editor: one form with the template's name, description and page
//! budget and one row per section. Without JavaScript: the per-row ↑/↓ buttons
//! and "Add a row" post the whole form back and re-render it with the rows moved
//! (nothing is saved, typed edits are kept); "Save" writes the next version.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::template::{SectionKind, TemplateForm};
use keyplan_domain::{FieldError, TemplateId};
use keyplan_store::Template as StoredTemplate;
use serde::Deserialize;

use super::template_form::{Action, Editing, TypedRow};
use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::{ConflictLine, FormView, Opt};
use crate::{AppError, AppState};
use keyplan_app::templates as tpl;
use keyplan_i18n::Tr;

// --- the page ----------------------------------------------------------------------------------

pub struct EditorRow {
    pub index: usize,
    pub key: String,
    pub title: String,
    pub kind: String,
    pub guidance: String,
    pub budget_unit: String,
    pub budget_limit: String,
    pub remove: bool,
    /// The empty row for a new section (no number, no "Remove" box).
    pub blank: bool,
    pub first: bool,
    pub last: bool,
    pub e_key: Option<String>,
    pub e_title: Option<String>,
    pub e_kind: Option<String>,
    pub e_guidance: Option<String>,
    pub e_budget: Option<String>,
}

pub struct HistoryRow {
    pub number: i32,
    pub date: String,
    pub author: String,
    pub current: bool,
}

pub struct KindHelp {
    pub label: String,
    pub help: String,
}

#[derive(Template)]
#[template(path = "template_edit.html")]
struct EditorPage {
    chrome: Chrome,
    can_edit: bool,
    /// The stored template; none for a new one.
    id: Option<i64>,
    action: String,
    heading: String,
    current_version: i32,
    retired: bool,
    plans: i64,
    form: FormView,
    rows: Vec<EditorRow>,
    /// Every problem, listed above the form with a link to where it is shown.
    problems: Vec<Problem>,
    kinds: Vec<Opt>,
    kind_help: Vec<KindHelp>,
    history: Vec<HistoryRow>,
    /// Said above the form after a re-render that saved nothing.
    notice: Option<String>,
}

impl EditorPage {
    fn next_version(&self) -> i32 {
        self.current_version + 1
    }
}

/// What the editor shows besides the typed form.
struct Shown {
    errors: Vec<FieldError>,
    conflict: Vec<ConflictLine>,
    notice: Option<String>,
    status: StatusCode,
}

impl Shown {
    fn ok() -> Self {
        Shown { errors: Vec::new(), conflict: Vec::new(), notice: None, status: StatusCode::OK }
    }
}

pub struct Problem {
    pub href: String,
    pub text: String,
}

/// A problem as listed above the form: "Section 3, title: must not be empty", linking to the row.
fn problem(e: &FieldError, t: Tr) -> Problem {
    let row = e.field.strip_prefix("sections[").and_then(|r| r.split_once("].")).and_then(|(i, f)| Some((i.parse::<usize>().ok()?, f)));
    let message = t.msg(&e.message);
    match row {
        Some((i, field)) => Problem {
            href: format!("#row-{i}"),
            text: t.s3("templates-problem-row", "n", i + 1, "field", field_name(&field.replace(['_', '.'], " "), t), "message", message),
        },
        None => Problem {
            href: "#template-form".into(),
            text: t.s2("templates-problem", "field", field_name(&e.field.replace('_', " "), t), "message", message),
        },
    }
}

/// A field named in a problem ("title", "budget limit"): as written in English,
/// else the label the form shows.
fn field_name(field: &str, t: Tr) -> String {
    if t.lang == keyplan_domain::Lang::En {
        return field.to_string();
    }
    let id = match field {
        "title" => "templates-section-title",
        "kind" => "templates-kind",
        "guidance" => "templates-guidance",
        "budget limit" | "budget unit" | "budget" | "budget limit " => "templates-budget",
        "name" => "templates-name",
        "key" => "templates-key",
        "description" => "templates-description",
        "budget pages" => "templates-length",
        _ => return field.to_string(),
    };
    t.s(id)
}

async fn editor_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    stored: Option<&StoredTemplate>,
    editing: Editing,
    shown: Shown,
) -> Result<Response, PageError> {
    let history = match stored {
        Some(t) => state.store.template_versions(auth.org(), t.id).await?,
        None => Vec::new(),
    };
    let editing = editing.with_blank_row();
    let chrome = Chrome::new(auth, "templates", headers);
    let t = chrome.t;
    let err = |field: String| shown.errors.iter().find(|e| e.field == field).map(|e| t.msg(&e.message));
    let count = editing.rows.len();
    let rows = editing
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let f = |name: &str| format!("sections[{i}].{name}");
            EditorRow {
                index: i,
                key: r.row.key.clone(),
                title: r.row.title.clone(),
                kind: r.row.kind.clone(),
                guidance: r.row.guidance.clone(),
                budget_unit: if r.row.budget_unit.is_empty() {
                    SectionKind::parse(&r.row.kind).map_or("words", |k| k.default_unit().as_str()).into()
                } else {
                    r.row.budget_unit.clone()
                },
                budget_limit: r.row.budget_limit.clone(),
                remove: r.remove,
                blank: r.is_blank(),
                first: i == 0,
                last: editing.rows[i + 1..].iter().all(TypedRow::is_blank) || i + 1 == count,
                e_key: err(f("key")),
                e_title: err(f("title")),
                e_kind: err(f("kind")),
                e_guidance: err(f("guidance")),
                e_budget: err(f("budget_limit")).or_else(|| err(f("budget_unit"))).or_else(|| err(f("budget.limit"))),
            }
        })
        .collect();
    let mut form = FormView::default().with_errors(&shown.errors);
    for (field, m) in &form.messages {
        form.errors.insert(field.clone(), t.msg(m));
    }
    form.open = false;
    for (k, v) in
        [("name", &editing.name), ("description", &editing.description), ("budget_pages", &editing.budget_pages), ("key", &editing.key)]
    {
        form.values.insert(k.into(), v.clone());
    }
    form.values.insert("based_on".into(), editing.based_on.clone());
    form.version = editing.version.trim().parse().unwrap_or(0);
    form.conflict = shown.conflict;
    let problems = shown.errors.iter().map(|e| problem(e, t)).collect();
    let had_flash = chrome.flash.is_some();
    let page = EditorPage {
        chrome,
        can_edit: tpl::can_manage(auth),
        id: stored.map(|t| t.id.get()),
        action: stored.map_or("/admin/templates".into(), |t| format!("/admin/templates/{}", t.id)),
        heading: match stored {
            Some(t) => t.name.clone(),
            None if editing.name.trim().is_empty() => t.s("templates-new-heading"),
            None => editing.name.trim().to_string(),
        },
        current_version: stored.map_or(0, |t| t.current_version),
        retired: stored.is_some_and(|t| t.retired),
        plans: stored.map_or(0, |t| t.plans),
        form,
        rows,
        problems,
        kinds: SectionKind::ALL.iter().map(|k| Opt::new(k.as_str(), t.enum_label("plan-section-kind", k.as_str()))).collect(),
        kind_help: SectionKind::ALL
            .iter()
            .map(|k| KindHelp {
                label: t.enum_label("plan-section-kind", k.as_str()),
                help: t.enum_label("templates-kind-help", k.as_str()),
            })
            .collect(),
        history: history
            .iter()
            .map(|v| HistoryRow {
                number: v.number,
                date: t.date(v.created_at.date()),
                author: v.author_name.clone().unwrap_or_else(|| t.s("templates-author-builtin")),
                current: stored.is_some_and(|t| t.current_version == v.number),
            })
            .collect(),
        notice: shown.notice,
    };
    Ok(render(shown.status, &page, had_flash))
}

/// `GET /admin/templates/{id}`: the editor (read-only for those who may not change templates).
pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<TemplateId>,
) -> Result<Response, PageError> {
    let t = state.store.template(auth.org(), id).await?;
    let editing = Editing::from_doc(&t.doc(), t.version, t.current_version);
    editor_page(&state, &auth, &headers, Some(&t), editing, Shown::ok()).await
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    copy: String,
}

/// `GET /admin/templates/new[?copy=ID]`: an empty editor, or a copy of a template.
pub async fn new(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    keyplan_app::access::require(tpl::can_manage(&auth))?;
    let editing = match q.copy.trim() {
        "" => Editing { budget_pages: "1".into(), ..Default::default() },
        raw => {
            let t = state.store.template(auth.org(), crate::extract::parse_id::<TemplateId>(raw).ok_or(AppError::NotFound)?).await?;
            let mut e = Editing::from_doc(&t.doc(), 0, 0);
            e.key = String::new();
            e.name = crate::lang::for_user(&auth, &headers).s1("templates-copy-of", "name", &t.name);
            e
        }
    };
    editor_page(&state, &auth, &headers, None, editing, Shown::ok()).await
}

/// `POST /admin/templates`: the editor of a new template (move rows, or create it).
pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    keyplan_app::access::require(tpl::can_manage(&auth))?;
    let (mut editing, action) = Editing::parse(pairs);
    if action != Action::Save {
        return rearrange(&state, &auth, &headers, None, editing, action).await;
    }
    if editing.key.trim().is_empty() && !editing.name.trim().is_empty() {
        editing.key = tpl::new_key(&state.store, &auth, &editing.name).await?;
    }
    let result = match editing.to_doc() {
        Ok(doc) => tpl::create(&state.store, &auth, &doc).await,
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match result {
        Ok(t) => Ok(redirect_with(
            &format!("/admin/templates/{}", t.id),
            &crate::lang::for_user(&auth, &headers).s1("templates-created", "name", &t.name),
        )),
        Err(AppError::Validation(errors)) => {
            let shown = Shown { errors, status: StatusCode::UNPROCESSABLE_ENTITY, ..Shown::ok() };
            editor_page(&state, &auth, &headers, None, editing, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/templates/{id}`: move rows without saving, or save the next version.
pub async fn submit(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<TemplateId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    keyplan_app::access::require(tpl::can_manage(&auth))?;
    let stored = state.store.template(auth.org(), id).await?;
    let (mut editing, action) = Editing::parse(pairs);
    // The key of a stored template never changes, whatever the form says.
    editing.key = stored.key.clone();
    if action != Action::Save {
        return rearrange(&state, &auth, &headers, Some(&stored), editing, action).await;
    }
    let version = form_version(&editing.version)?;
    let result = match editing.to_doc() {
        Ok(doc) => tpl::save(&state.store, &auth, id, version, &doc).await,
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match result {
        Ok((t, true)) => Ok(redirect_with(
            &format!("/admin/templates/{id}"),
            &crate::lang::for_user(&auth, &headers).s1("templates-saved-version", "version", t.current_version),
        )),
        Ok((t, false)) => Ok(redirect_with(
            &format!("/admin/templates/{id}"),
            &crate::lang::for_user(&auth, &headers).s1("templates-unchanged", "version", t.current_version),
        )),
        Err(AppError::Validation(errors)) => {
            let shown = Shown { errors, status: StatusCode::UNPROCESSABLE_ENTITY, ..Shown::ok() };
            editor_page(&state, &auth, &headers, Some(&stored), editing, shown).await
        }
        Err(AppError::Conflict { current_version }) => {
            let now = state.store.template(auth.org(), id).await?;
            let t = crate::lang::for_user(&auth, &headers);
            let conflict = conflict_lines(&now, &state.store.template_versions(auth.org(), id).await?, &editing, t);
            let editing = Editing { version: current_version.to_string(), ..editing };
            let shown = Shown { conflict, status: StatusCode::CONFLICT, ..Shown::ok() };
            editor_page(&state, &auth, &headers, Some(&now), editing, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Re-renders the form with a row moved or a row added; nothing is stored.
async fn rearrange(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    stored: Option<&StoredTemplate>,
    mut editing: Editing,
    action: Action,
) -> Result<Response, PageError> {
    let t = crate::lang::for_user(auth, headers);
    let n = editing.rows.len();
    let notice = match action {
        Action::Up(i) if i > 0 && i < n => {
            editing.rows.swap(i, i - 1);
            t.s("templates-moved-section-up")
        }
        Action::Down(i) if i + 1 < n => {
            editing.rows.swap(i, i + 1);
            t.s("templates-moved-section-down")
        }
        Action::AddRow => {
            editing = editing.with_blank_row();
            editing.rows.push(TypedRow::blank());
            t.s("templates-row-added")
        }
        _ => t.s("templates-nothing-moved"),
    };
    let save = if stored.is_some() { t.s("templates-keep-order") } else { t.s("templates-keep-new") };
    let shown = Shown { notice: Some(t.s2("templates-rearranged", "what", notice, "save", save)), ..Shown::ok() };
    editor_page(state, auth, headers, stored, editing, shown).await
}

/// What is stored now against what the user typed, for the "changed by someone else" box.
fn conflict_lines(now: &StoredTemplate, history: &[keyplan_store::TemplateVersion], typed: &Editing, t: Tr) -> Vec<ConflictLine> {
    let doc = now.doc();
    let by = history.iter().find(|v| v.number == now.current_version).and_then(|v| v.author_name.clone());
    let mut lines = vec![ConflictLine {
        field: t.s("templates-conflict-version"),
        stored: match by {
            Some(name) => t.s2("templates-conflict-stored-by", "version", now.current_version, "name", name),
            None => t.s1("templates-conflict-stored", "version", now.current_version),
        },
        yours: t.s1("templates-conflict-yours", "version", typed.based_on.trim()),
    }];
    let stored_pages = TemplateForm::from_doc(&doc).budget_pages;
    let stored_titles = doc.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>().join(" · ");
    for (field, stored, yours) in [
        ("templates-conflict-name", doc.name.clone(), typed.name.trim().to_string()),
        ("templates-conflict-description", doc.description.clone(), typed.description.trim().to_string()),
        ("templates-conflict-pages", stored_pages, typed.budget_pages.trim().to_string()),
        ("templates-conflict-sections", stored_titles, typed.section_titles()),
    ] {
        if stored != yours {
            lines.push(ConflictLine { field: t.s(field), stored, yours });
        }
    }
    lines
}
