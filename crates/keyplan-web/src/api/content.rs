//! The plan's template-driven content through the API: section text, analysis
//! items, SWOT entries, opportunities and risks, links from goals to evidence, the
//! story, and the organisation's value discipline. `GET /plans/{id}` carries all
//! of it (see [`FullPlanDto`]).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use keyplan_domain::analysis::{ItemInput, LinkInput, SectionTextInput, ValueDisciplineInput};
use keyplan_domain::story::Story;
use keyplan_domain::template::{PageReport, Section, SizeReport};
use keyplan_domain::{ItemId, LinkId, PlanId};
use keyplan_store::{GoalLink, Item, OrgSettings, PlanSection};
use serde::Serialize;
use time::Date;
use utoipa::ToSchema;

use super::JsonObject;
use super::dto::PlanDto;
use super::schema::{Body, body, date, integer, nullable, text};
use crate::auth::ApiUser;
use crate::extract::{Id, IdAnd};
use crate::{ApiError, AppError, AppState};
use keyplan_app::bundle::PlanBundle;

/// One section of the plan: the template's definition, the writer's text and its size.
#[derive(Serialize, ToSchema)]
pub struct SectionDto {
    pub key: String,
    pub title: String,
    /// One of the template section kinds (`analysis`, `swot`, `goals`, …).
    pub kind: String,
    pub guidance: String,
    #[schema(value_type = Object)]
    pub budget: Option<keyplan_domain::template::Budget>,
    /// The size against the budget, e.g. `{"used":212,"limit":150,"unit":"words","over":true}`.
    #[schema(value_type = Object)]
    pub size: Option<SizeReport>,
    pub size_label: Option<String>,
    pub body: Option<String>,
    pub so_what: Option<String>,
    /// The stored text's id (links to a so-what name it) and version (0: nothing written yet).
    pub text_id: Option<i64>,
    pub text_version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TemplateRefDto {
    pub key: String,
    pub name: String,
    /// The template version this plan was made with; later edits of the template do not change it.
    pub version: i32,
    pub budget_pages: f64,
}

#[derive(Serialize, ToSchema)]
pub struct ItemDto {
    pub id: i64,
    pub section: String,
    /// `analysis`, `swot`, `opportunity` or `risk`.
    pub kind: String,
    /// Analysis: `customer`, `market`, `competitor`, `own_position`; SWOT: `strength`, `weakness`, `opportunity`, `threat`.
    pub category: Option<String>,
    pub text: String,
    pub source: Option<String>,
    pub item_date: Option<Date>,
    pub author_id: Option<i64>,
    /// For opportunities and risks: the SWOT entry they come from.
    pub derived_from_id: Option<i64>,
    /// How we use an opportunity, or counter a risk.
    pub response: Option<String>,
    pub position: i32,
    pub version: i64,
}

impl From<&Item> for ItemDto {
    fn from(i: &Item) -> Self {
        ItemDto {
            id: i.id.get(),
            section: i.section_key.clone(),
            kind: i.kind.as_str().into(),
            category: i.category.map(|c| c.as_str().into()),
            text: i.text.clone(),
            source: i.source.clone(),
            item_date: i.item_date,
            author_id: i.author_id.map(|a| a.get()),
            derived_from_id: i.derived_from_id.map(|d| d.get()),
            response: i.response.clone(),
            position: i.position,
            version: i.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LinkDto {
    pub id: i64,
    pub goal_id: i64,
    /// `item`, `section` (its so-what), `cell` (whitespace) or `contact`.
    pub target_kind: String,
    pub target_id: i64,
}

impl From<&GoalLink> for LinkDto {
    fn from(l: &GoalLink) -> Self {
        LinkDto { id: l.id.get(), goal_id: l.goal_id.get(), target_kind: l.target_kind.as_str().into(), target_id: l.target_id }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ValueDisciplineDto {
    /// `operational_excellence`, `product_leadership`, `customer_intimacy` or null.
    pub value_discipline: Option<String>,
    pub label: Option<String>,
    pub value_statement: Option<String>,
    pub version: i64,
}

impl From<&OrgSettings> for ValueDisciplineDto {
    fn from(s: &OrgSettings) -> Self {
        ValueDisciplineDto {
            value_discipline: s.value_discipline.map(|d| d.as_str().into()),
            label: s.value_discipline().map(|d| d.label().to_string()),
            value_statement: s.value_statement.clone(),
            version: s.version,
        }
    }
}

/// The whole plan: tree, template sections with their text and size, items,
/// links, the story with its gaps, the length, the value discipline and the
/// account's whitespace matrix.
#[derive(Serialize, ToSchema)]
pub struct FullPlanDto {
    #[serde(flatten)]
    pub plan: PlanDto,
    pub template_ref: TemplateRefDto,
    pub sections: Vec<SectionDto>,
    pub items: Vec<ItemDto>,
    pub links: Vec<LinkDto>,
    #[schema(value_type = Object)]
    pub story: Story,
    #[schema(value_type = Object)]
    pub length: PageReport,
    pub length_label: String,
    pub value_discipline: ValueDisciplineDto,
    #[schema(value_type = Object)]
    pub whitespace: Option<keyplan_store::Whitespace>,
    /// The KPI scorecard: each KPI with its actuals, progress and status.
    pub kpis: Vec<super::kpis::KpiDto>,
}

fn section_dto(b: &PlanBundle, s: &Section) -> SectionDto {
    let t: Option<&PlanSection> = b.section_text(&s.key);
    let size = b.section_size(s);
    SectionDto {
        key: s.key.clone(),
        title: s.title.clone(),
        kind: s.kind.as_str().into(),
        guidance: s.guidance.clone(),
        budget: s.budget,
        size_label: size.as_ref().map(SizeReport::label),
        size,
        body: t.and_then(|t| t.body.clone()),
        so_what: t.and_then(|t| t.so_what.clone()),
        text_id: t.map(|t| t.id.get()),
        text_version: t.map(|t| t.version).unwrap_or(0),
    }
}

impl FullPlanDto {
    pub fn new(b: &PlanBundle) -> Self {
        let length = b.page_report();
        FullPlanDto {
            plan: PlanDto::new(&b.plan, &b.tree, &b.summary),
            template_ref: TemplateRefDto {
                key: b.plan.template.clone(),
                name: b.doc.name.clone(),
                version: b.template_version,
                budget_pages: b.doc.budget_pages,
            },
            sections: b.doc.sections.iter().map(|s| section_dto(b, s)).collect(),
            items: b.items.iter().map(ItemDto::from).collect(),
            links: b.links.iter().map(LinkDto::from).collect(),
            story: b.story(keyplan_i18n::Tr::new(crate::lang::current())),
            length_label: length.label(),
            length,
            value_discipline: ValueDisciplineDto::from(&b.settings),
            whitespace: b.whitespace.clone(),
            kpis: super::kpis::kpi_dtos(b),
        }
    }
}

body! {
    /// A section's text and "so what?"; fields left out keep their value.
    SectionWrite {
        /// The section's `text_version` as read (0 when nothing was written yet).
        version: integer(),
        body: nullable(text()),
        /// The section's conclusion.
        so_what: nullable(text()),
    }
}

body! {
    /// An item to add to a section.
    ItemWrite {
        /// The section's key.
        section: text(),
        /// `analysis`, `swot`, `opportunity` or `risk`.
        kind: text(),
        /// Analysis: `customer`, `market`, `competitor` or `own_position`; SWOT: `strength`, `weakness`,
        /// `opportunity` or `threat`; none for opportunities and risks.
        category: nullable(text()),
        text: text(),
        source: nullable(text()),
        item_date: nullable(date()),
        /// The analysis item an opportunity or risk is derived from.
        derived_from_id: nullable(integer()),
        /// For a risk: how the team responds.
        response: nullable(text()),
    }
}

body! {
    /// An edit of an item; fields left out keep their value.
    ItemEdit {
        /// The item's version as read; 409 when someone changed it since.
        version: integer(),
        kind: nullable(text()),
        category: nullable(text()),
        text: nullable(text()),
        source: nullable(text()),
        item_date: nullable(date()),
        derived_from_id: nullable(integer()),
        response: nullable(text()),
    }
}

body! {
    /// A goal linked to its evidence.
    LinkWrite {
        /// A goal of the plan.
        goal_id: integer(),
        /// `item`, `section`, `cell` or `contact`.
        target_kind: text(),
        target_id: integer(),
    }
}

body! {
    /// The organisation's value discipline; fields left out keep their value.
    ValueDisciplineWrite {
        /// The settings' version as read; 409 when someone changed them since.
        version: integer(),
        /// `operational_excellence`, `product_leadership` or `customer_intimacy`; empty for none.
        value_discipline: nullable(text()),
        value_statement: nullable(text()),
    }
}

/// Writes a section's text and "so what?". `version` is the `text_version` read (0 when nothing was written yet).
#[utoipa::path(put, path = "/plans/{id}/sections/{key}", tag = "plan content", params(("id" = i64, Path), ("key" = String, Path)), request_body = SectionWrite,
    responses((status = 200, body = SectionDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn put_section(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    IdAnd(plan, key): IdAnd<PlanId>,
    body: JsonObject,
) -> Result<Json<SectionDto>, ApiError> {
    let version = body.version()?;
    let current = state.store.plan_section(auth.org(), plan, &key).await?;
    let base = SectionTextInput {
        body: current.as_ref().and_then(|s| s.body.clone()).unwrap_or_default(),
        so_what: current.as_ref().and_then(|s| s.so_what.clone()).unwrap_or_default(),
    };
    let input: SectionTextInput = body.merge_into(&base, &SectionWrite::fields_except(&["version"]), &["version"])?;
    keyplan_app::content::save_section(&state.store, &auth, plan, &key, version, &input).await?;
    let b = keyplan_app::bundle::plan_bundle(&state.store, &auth, plan, crate::lang::current()).await?;
    let s = b.doc.section(&key).ok_or(AppError::NotFound)?;
    Ok(Json(section_dto(&b, s)))
}

/// The plan's items (analysis, SWOT, opportunities, risks), by section and position.
#[utoipa::path(get, path = "/plans/{id}/items", tag = "plan content", params(("id" = i64, Path)), responses((status = 200, body = [ItemDto])))]
pub async fn list_items(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<Vec<ItemDto>>, ApiError> {
    let plan = id;
    state.store.plan(auth.org(), plan).await?;
    Ok(Json(state.store.items(auth.org(), plan).await?.iter().map(ItemDto::from).collect()))
}

/// Adds an item to a section: `section` (its key), `kind`, `category`, `text`, `source`, `item_date`, `derived_from_id`, `response`.
#[utoipa::path(post, path = "/plans/{id}/items", tag = "plan content", params(("id" = i64, Path)), request_body = ItemWrite,
    responses((status = 201, body = ItemDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create_item(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<ItemDto>), ApiError> {
    let plan = id;
    let section = body.str_field("section")?.ok_or_else(|| AppError::field("section", keyplan_domain::Message::new("err-item-section")))?;
    let input: ItemInput = body.merge_into(&ItemInput::default(), &ItemWrite::fields_except(&["section"]), &["section"])?;
    let item = keyplan_app::content::create_item(&state.store, &auth, plan, &section, &input).await?;
    Ok((StatusCode::CREATED, Json(ItemDto::from(&item))))
}

#[utoipa::path(patch, path = "/items/{id}", tag = "plan content", params(("id" = i64, Path)), request_body = ItemEdit,
    responses((status = 200, body = ItemDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update_item(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<ItemId>,
    body: JsonObject,
) -> Result<Json<ItemDto>, ApiError> {
    let current = state.store.item(auth.org(), id).await?;
    let version = body.version()?;
    let input: ItemInput =
        body.merge_into(&keyplan_app::content::item_to_input(&current), &ItemEdit::fields_except(&["version"]), &["version", "section"])?;
    let item = keyplan_app::content::update_item(&state.store, &auth, id, version, &input).await?;
    Ok(Json(ItemDto::from(&item)))
}

#[utoipa::path(delete, path = "/items/{id}", tag = "plan content", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete_item(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<ItemId>) -> Result<StatusCode, ApiError> {
    keyplan_app::content::delete_item(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Moves an item one place `up` or `down` within its section.
#[utoipa::path(post, path = "/items/{id}/move", tag = "plan content", params(("id" = i64, Path)), request_body = super::dto::MoveDto,
    responses((status = 200, body = ItemDto)))]
pub async fn move_item(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<ItemId>,
    body: JsonObject,
) -> Result<Json<ItemDto>, ApiError> {
    let up = match body.str_field("direction")?.as_deref() {
        Some("up") => true,
        Some("down") => false,
        _ => return Err(AppError::field("direction", keyplan_domain::Message::new("err-direction")).into()),
    };
    keyplan_app::content::move_item(&state.store, &auth, id, up).await?;
    Ok(Json(ItemDto::from(&state.store.item(auth.org(), id).await?)))
}

/// Links a goal to its evidence: `goal_id`, `target_kind` (`item`, `section`, `cell`, `contact`), `target_id`.
#[utoipa::path(post, path = "/plans/{id}/links", tag = "plan content", params(("id" = i64, Path)), request_body = LinkWrite,
    responses((status = 201, body = LinkDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create_link(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<LinkDto>), ApiError> {
    let plan = id;
    let input: LinkInput = body.merge_into(&LinkInput::default(), LinkWrite::FIELDS, &[])?;
    let link = keyplan_app::content::create_link(&state.store, &auth, plan, &input).await?;
    Ok((StatusCode::CREATED, Json(LinkDto::from(&link))))
}

#[utoipa::path(delete, path = "/links/{id}", tag = "plan content", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete_link(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<LinkId>) -> Result<StatusCode, ApiError> {
    keyplan_app::content::delete_link(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Analysis -> so what -> goal -> commitments, with what hangs in the air.
#[utoipa::path(get, path = "/plans/{id}/story", tag = "plan content", params(("id" = i64, Path)), responses((status = 200, body = Object)))]
pub async fn story(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<Story>, ApiError> {
    let b = keyplan_app::bundle::plan_bundle(&state.store, &auth, id, crate::lang::current()).await?;
    Ok(Json(b.story(keyplan_i18n::Tr::new(crate::lang::current()))))
}

/// The organisation's value discipline.
#[utoipa::path(get, path = "/organisation/value-discipline", tag = "plan content", responses((status = 200, body = ValueDisciplineDto)))]
pub async fn get_discipline(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<ValueDisciplineDto>, ApiError> {
    Ok(Json(ValueDisciplineDto::from(&state.store.org_settings(auth.org()).await?)))
}

/// Sets the value discipline (admins): `value_discipline`, `value_statement`, `version`.
#[utoipa::path(put, path = "/organisation/value-discipline", tag = "plan content", request_body = ValueDisciplineWrite,
    responses((status = 200, body = ValueDisciplineDto), (status = 403, body = super::dto::ErrorBody), (status = 409, body = super::dto::ErrorBody)))]
pub async fn put_discipline(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: JsonObject,
) -> Result<Json<ValueDisciplineDto>, ApiError> {
    let current = state.store.org_settings(auth.org()).await?;
    let version = body.version()?;
    let base = ValueDisciplineInput {
        value_discipline: current.value_discipline.map(|d| d.as_str().into()).unwrap_or_default(),
        value_statement: current.value_statement.clone().unwrap_or_default(),
    };
    let input: ValueDisciplineInput = body.merge_into(&base, &ValueDisciplineWrite::fields_except(&["version"]), &["version"])?;
    let s = keyplan_app::content::update_value_discipline(&state.store, &auth, version, &input).await?;
    Ok(Json(ValueDisciplineDto::from(&s)))
}
