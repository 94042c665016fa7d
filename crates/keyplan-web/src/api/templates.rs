//! Plan templates over the API. A template travels as the template file
//! (`docs/template-format.md`): `GET /templates/{key}` answers exactly what
//! `keyplan template export` writes, and `POST /templates` takes what it reads.
//! Reading is for everyone signed in; changes are for administrators.

use super::schema::{body, integer, list_of, nullable, number, object_of, text};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use keyplan_domain::template::TemplateDoc;
use keyplan_store::{ImportOutcome, Template, TemplateVersion};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::JsonObject;
use super::dto::{ErrorBody, MoveDto};
use crate::auth::{ApiUser, Auth};
use crate::{ApiError, AppError, AppState};
use keyplan_app::templates as tpl;

// --- shapes ------------------------------------------------------------------------------

/// A template in the list: its current version and where it stands.
#[derive(Serialize, ToSchema)]
pub struct TemplateDto {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub description: String,
    /// The length of a whole plan, in printed pages.
    pub budget_pages: f64,
    /// How many sections the current version has.
    pub sections: usize,
    /// The number of the current content version. A plan keeps the version it was made with.
    pub current_version: i32,
    /// The edit version: send it as `version` with `PUT /templates/{key}` to be told (409) when someone else saved meanwhile.
    pub version: i64,
    /// Retired templates are not offered for new plans; plans made from them keep them.
    pub retired: bool,
    /// Order in which new plans offer templates (smaller first).
    pub position: i32,
    /// Plans made from any version of the template.
    pub plans: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&Template> for TemplateDto {
    fn from(t: &Template) -> Self {
        TemplateDto {
            id: t.id.get(),
            key: t.key.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
            budget_pages: t.budget_pages,
            sections: t.doc().sections.len(),
            current_version: t.current_version,
            version: t.version,
            retired: t.retired,
            position: t.position,
            plans: t.plans,
            updated_at: t.updated_at,
        }
    }
}

/// One stored version of a template (versions are never changed once written).
#[derive(Serialize, ToSchema)]
pub struct TemplateVersionDto {
    pub number: i32,
    pub name: String,
    pub sections: usize,
    pub budget_pages: f64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Who saved it; null for the built-in copies and command-line imports.
    pub created_by: Option<i64>,
    pub author: Option<String>,
}

impl From<&TemplateVersion> for TemplateVersionDto {
    fn from(v: &TemplateVersion) -> Self {
        TemplateVersionDto {
            number: v.number,
            name: v.name.clone(),
            sections: v.doc().sections.len(),
            budget_pages: v.budget_pages,
            created_at: v.created_at,
            created_by: v.created_by.map(|u| u.get()),
            author: v.author_name.clone(),
        }
    }
}

/// What an import or a save did.
#[derive(Serialize, ToSchema)]
pub struct ImportResultDto {
    /// `created` (201), `new_version` or `unchanged` (200).
    pub outcome: String,
    pub template: TemplateDto,
}

body! {
    /// The template file: `{"format": "keyplan-template", "format_version": 1, ...}` (see `docs/template-format.md`).
    TemplateFileDto {
        /// Always `keyplan-template`.
        format: text(),
        /// Always 1.
        format_version: integer(),
        /// 1 to 60 lower-case letters, digits, `-` or `_`; names the template in files, the API and the command line.
        key: text(),
        name: text(),
        description: nullable(text()),
        /// The length of a whole plan in printed pages (0.5 to 50).
        budget_pages: number(),
        /// In plan order; 1 to 40.
        sections: list_of::<TemplateSectionDto>(),
    }
}

body! {
    TemplateSectionDto {
        /// Stable across versions: a plan files its content under it. Unique within the template.
        key: text(),
        title: text(),
        /// `free_text`, `analysis`, `swot`, `stakeholder_map`, `whitespace`, `goals`, `constraint_tree`,
        /// `action_plan`, `kpi_scorecard`, `value_proposition` or `risks`.
        kind: text(),
        /// Shown to the writer of the section.
        guidance: nullable(text()),
        /// Omitted or null: no budget.
        budget: nullable(object_of::<BudgetDto>()),
    }
}

body! {
    BudgetDto {
        /// `words` or `items`.
        unit: text(),
        /// 1 to 20000.
        limit: integer(),
    }
}

fn outcome_name(o: ImportOutcome) -> &'static str {
    match o {
        ImportOutcome::Created => "created",
        ImportOutcome::NewVersion => "new_version",
        ImportOutcome::Unchanged => "unchanged",
    }
}

async fn by_key(state: &AppState, auth: &Auth, key: &str) -> Result<Template, ApiError> {
    Ok(state.store.template_by_key(auth.org(), key).await?)
}

fn require_manager(auth: &Auth) -> Result<(), ApiError> {
    Ok(keyplan_app::access::require(tpl::can_manage(auth))?)
}

// --- reading -------------------------------------------------------------------------------

/// The organisation's templates: first those offered for new plans in their order, then the retired ones.
#[utoipa::path(get, path = "/templates", tag = "templates", responses((status = 200, body = [TemplateDto])))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<Vec<TemplateDto>>, ApiError> {
    let templates = state.store.templates(auth.org(), true).await?;
    Ok(Json(templates.iter().map(TemplateDto::from).collect()))
}

/// The current version as a template file, exactly as `keyplan template export KEY` writes it.
#[utoipa::path(get, path = "/templates/{key}", tag = "templates", params(("key" = String, Path)),
    responses((status = 200, body = TemplateFileDto), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, ApiUser(auth): ApiUser, Path(key): Path<String>) -> Result<Json<TemplateDoc>, ApiError> {
    Ok(Json(by_key(&state, &auth, &key).await?.doc()))
}

/// Every version of the template, newest first.
#[utoipa::path(get, path = "/templates/{key}/versions", tag = "templates", params(("key" = String, Path)),
    responses((status = 200, body = [TemplateVersionDto]), (status = 404, body = ErrorBody)))]
pub async fn versions(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path(key): Path<String>,
) -> Result<Json<Vec<TemplateVersionDto>>, ApiError> {
    let t = by_key(&state, &auth, &key).await?;
    let versions = state.store.template_versions(auth.org(), t.id).await?;
    Ok(Json(versions.iter().map(TemplateVersionDto::from).collect()))
}

/// One version as a template file (such as the one an older plan was made with).
#[utoipa::path(get, path = "/templates/{key}/versions/{number}", tag = "templates", params(("key" = String, Path), ("number" = i32, Path)),
    responses((status = 200, body = TemplateFileDto), (status = 404, body = ErrorBody)))]
pub async fn get_version(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path((key, number)): Path<(String, String)>,
) -> Result<Json<TemplateDoc>, ApiError> {
    let t = by_key(&state, &auth, &key).await?;
    let number = number.parse::<i32>().ok().filter(|n| *n > 0).ok_or(AppError::NotFound)?;
    let versions = state.store.template_versions(auth.org(), t.id).await?;
    let v = versions.iter().find(|v| v.number == number).ok_or(AppError::NotFound)?;
    Ok(Json(v.doc()))
}

// --- changes -------------------------------------------------------------------------------

/// Imports a template file. A new key creates a template (201, `created`); a known key gets a new
/// version when the content differs (200, `new_version`) and nothing otherwise (200, `unchanged`).
/// Problems answer 422 naming the field as the file spells it (`sections[1].kind`).
#[utoipa::path(post, path = "/templates", tag = "templates", request_body = TemplateFileDto,
    responses((status = 201, body = ImportResultDto), (status = 200, body = ImportResultDto), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn import(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: JsonObject,
) -> Result<(StatusCode, Json<ImportResultDto>), ApiError> {
    require_manager(&auth)?;
    let doc = tpl::doc_from_json(&body.0)?;
    let (t, outcome) = tpl::import(&state.store, &auth, &doc).await?;
    let status = if outcome == ImportOutcome::Created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(ImportResultDto { outcome: outcome_name(outcome).into(), template: TemplateDto::from(&t) })))
}

/// Saves new content for an existing template: the body is a template file (its `key` may be left out,
/// and must otherwise be the one in the URL) plus, optionally, the `version` of the template it is based on —
/// when given and stale, the answer is 409 and nothing is stored. Without `version` it behaves like an import
/// of that key. Answers `new_version` or `unchanged`.
#[utoipa::path(put, path = "/templates/{key}", tag = "templates", params(("key" = String, Path)), request_body = TemplateFileDto,
    responses((status = 200, body = ImportResultDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path(key): Path<String>,
    body: JsonObject,
) -> Result<Json<ImportResultDto>, ApiError> {
    require_manager(&auth)?;
    let t = by_key(&state, &auth, &key).await?;
    let version = body.optional_version()?;
    let mut map = body.0;
    map.remove("version");
    match map.get("key") {
        None => {
            map.insert("key".into(), Value::String(t.key.clone()));
        }
        Some(Value::String(k)) if *k == t.key => {}
        Some(_) => {
            return Err(AppError::field("key", keyplan_domain::Message::new("err-template-key-fixed").arg("key", t.key.as_str())).into());
        }
    }
    let doc = tpl::doc_from_json(&map)?;
    let (t, changed) = tpl::save(&state.store, &auth, t.id, version.unwrap_or(t.version), &doc).await?;
    let outcome = if changed { ImportOutcome::NewVersion } else { ImportOutcome::Unchanged };
    Ok(Json(ImportResultDto { outcome: outcome_name(outcome).into(), template: TemplateDto::from(&t) }))
}

/// Retires the template: no longer offered for new plans (creating one from it answers 422 on `template`);
/// plans made from it keep it. The last template offered cannot be retired (409).
#[utoipa::path(post, path = "/templates/{key}/retire", tag = "templates", params(("key" = String, Path)),
    responses((status = 200, body = TemplateDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn retire(State(state): State<AppState>, ApiUser(auth): ApiUser, Path(key): Path<String>) -> Result<Json<TemplateDto>, ApiError> {
    require_manager(&auth)?;
    let t = by_key(&state, &auth, &key).await?;
    Ok(Json(TemplateDto::from(&tpl::set_retired(&state.store, &auth, t.id, None, true).await?)))
}

/// Offers a retired template for new plans again.
#[utoipa::path(post, path = "/templates/{key}/restore", tag = "templates", params(("key" = String, Path)),
    responses((status = 200, body = TemplateDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn restore(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path(key): Path<String>,
) -> Result<Json<TemplateDto>, ApiError> {
    require_manager(&auth)?;
    let t = by_key(&state, &auth, &key).await?;
    Ok(Json(TemplateDto::from(&tpl::set_retired(&state.store, &auth, t.id, None, false).await?)))
}

/// Moves the template one place up or down in the order new plans offer templates.
#[utoipa::path(post, path = "/templates/{key}/move", tag = "templates", params(("key" = String, Path)), request_body = MoveDto,
    responses((status = 200, body = TemplateDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn move_template(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Path(key): Path<String>,
    body: JsonObject,
) -> Result<Json<TemplateDto>, ApiError> {
    require_manager(&auth)?;
    let up = match body.str_field("direction")?.as_deref().map(str::trim) {
        Some("up") => true,
        Some("down") => false,
        _ => return Err(AppError::field("direction", keyplan_domain::Message::new("err-direction")).into()),
    };
    let t = by_key(&state, &auth, &key).await?;
    Ok(Json(TemplateDto::from(&tpl::move_template(&state.store, &auth, t.id, up).await?)))
}
