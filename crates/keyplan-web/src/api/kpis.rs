//! The KPI scorecard through the API: KPIs of a plan, their actuals per period and
//! where each stands. `GET /plans/{id}` carries the same in `kpis`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use keyplan_domain::kpi::{ActualInput, KpiInput};
use keyplan_domain::{KpiActualId, KpiId, PlanId};
use keyplan_store::KpiActual;
use serde::Serialize;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::JsonObject;
use super::schema::{Body, body, date, integer, nullable, number, text};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppState};
use keyplan_app::kpis::KpiProgress;

body! {
    /// A KPI to add to the plan's scorecard.
    KpiWrite {
        name: text(),
        unit: nullable(text()),
        baseline: nullable(number()),
        target: nullable(number()),
        target_date: nullable(date()),
        /// `month` or `quarter`.
        period: nullable(text()),
        /// The goal this KPI measures (a goal of the same plan).
        goal_id: nullable(integer()),
    }
}

body! {
    /// An edit of a KPI; fields left out keep their value.
    KpiEdit {
        /// The KPI's version as read; 409 when someone changed it since.
        version: integer(),
        name: nullable(text()),
        unit: nullable(text()),
        baseline: nullable(number()),
        target: nullable(number()),
        target_date: nullable(date()),
        period: nullable(text()),
        goal_id: nullable(integer()),
    }
}

body! {
    /// The value of one period.
    ActualWrite {
        /// Any day of the month or quarter.
        period_start: date(),
        value: number(),
        note: nullable(text()),
        /// 0 or left out when the period has no value yet; else the actual's version.
        version: nullable(integer()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ActualDto {
    pub id: i64,
    pub kpi_id: i64,
    /// The first day of the month or quarter.
    pub period_start: Date,
    pub value: f64,
    pub note: Option<String>,
    pub recorded_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
    pub version: i64,
}

impl From<&KpiActual> for ActualDto {
    fn from(a: &KpiActual) -> Self {
        ActualDto {
            id: a.id.get(),
            kpi_id: a.kpi_id.get(),
            period_start: a.period_start,
            value: a.value,
            note: a.note.clone(),
            recorded_by: a.recorded_by.map(|u| u.get()),
            recorded_at: a.recorded_at,
            version: a.version,
        }
    }
}

/// A KPI with its actuals (oldest first) and where it stands.
#[derive(Serialize, ToSchema)]
pub struct KpiDto {
    pub id: i64,
    pub plan_id: i64,
    /// The goal this KPI measures.
    pub goal_id: Option<i64>,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_date: Option<Date>,
    /// `month` or `quarter`.
    pub period: String,
    pub position: i32,
    pub version: i64,
    pub latest: Option<f64>,
    /// 0.0–1.0 of the way from baseline to target (clamped); null without baseline, target or actual.
    pub progress: Option<f64>,
    /// `on_track`, `behind`, `ahead` or `unknown`.
    pub status: String,
    pub actuals: Vec<ActualDto>,
}

impl From<&KpiProgress<'_>> for KpiDto {
    fn from(p: &KpiProgress<'_>) -> Self {
        let k = p.kpi;
        KpiDto {
            id: k.id.get(),
            plan_id: k.plan_id.get(),
            goal_id: k.goal_id.map(|g| g.get()),
            name: k.name.clone(),
            unit: k.unit.clone(),
            baseline: k.baseline,
            target: k.target,
            target_date: k.target_date,
            period: k.period.as_str().into(),
            position: k.position,
            version: k.version,
            latest: p.latest.map(|a| a.value),
            progress: p.progress,
            status: p.judgement.as_str().into(),
            actuals: p.actuals.iter().map(|a| ActualDto::from(*a)).collect(),
        }
    }
}

/// The scorecard of a loaded plan.
pub fn kpi_dtos(b: &keyplan_app::bundle::PlanBundle) -> Vec<KpiDto> {
    b.kpi_progress().iter().map(KpiDto::from).collect()
}

async fn one(state: &AppState, auth: &crate::auth::Auth, id: KpiId) -> Result<KpiDto, ApiError> {
    let k = state.store.kpi(auth.org(), id).await?;
    let actuals = state.store.kpi_actuals(auth.org(), k.plan_id).await?;
    let plan = state.store.plan(auth.org(), k.plan_id).await?;
    Ok(KpiDto::from(&KpiProgress::new(plan.period_start, &k, &actuals)))
}

/// The plan's KPIs in order, each with its actuals, progress and status.
#[utoipa::path(get, path = "/plans/{id}/kpis", tag = "kpis", params(("id" = i64, Path)), responses((status = 200, body = [KpiDto])))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<Vec<KpiDto>>, ApiError> {
    let b = keyplan_app::bundle::plan_bundle(&state.store, &auth, id, crate::lang::current()).await?;
    Ok(Json(kpi_dtos(&b)))
}

/// Adds a KPI: `name`, `unit`, `baseline`, `target`, `target_date`, `period` (`month` | `quarter`), `goal_id`.
#[utoipa::path(post, path = "/plans/{id}/kpis", tag = "kpis", params(("id" = i64, Path)), request_body = KpiWrite,
    responses((status = 201, body = KpiDto), (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<KpiDto>), ApiError> {
    let plan = id;
    let input: KpiInput = body.merge_into(&KpiInput::default(), KpiWrite::FIELDS, &[])?;
    let k = keyplan_app::kpis::create_kpi(&state.store, &auth, plan, &input).await?;
    Ok((StatusCode::CREATED, Json(one(&state, &auth, k.id).await?)))
}

/// Changes the fields sent; `version` is required.
#[utoipa::path(patch, path = "/kpis/{id}", tag = "kpis", params(("id" = i64, Path)), request_body = KpiEdit,
    responses((status = 200, body = KpiDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<KpiId>,
    body: JsonObject,
) -> Result<Json<KpiDto>, ApiError> {
    let current = state.store.kpi(auth.org(), id).await?;
    let version = body.version()?;
    let input: KpiInput = body.merge_into(&keyplan_app::kpis::kpi_to_input(&current), KpiWrite::FIELDS, &["version"])?;
    keyplan_app::kpis::update_kpi(&state.store, &auth, id, version, &input).await?;
    Ok(Json(one(&state, &auth, id).await?))
}

/// Deletes a KPI and its actuals.
#[utoipa::path(delete, path = "/kpis/{id}", tag = "kpis", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<KpiId>) -> Result<StatusCode, ApiError> {
    keyplan_app::kpis::delete_kpi(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records the value of one period: `period_start` (any day of the month or quarter), `value`, `note`, and `version`
/// (0 when the period has no value yet; the actual's version to replace it).
#[utoipa::path(put, path = "/kpis/{id}/actuals", tag = "kpis", params(("id" = i64, Path)), request_body = ActualWrite,
    responses((status = 200, body = ActualDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn put_actual(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<KpiId>,
    body: JsonObject,
) -> Result<Json<ActualDto>, ApiError> {
    let version = body.optional_version()?.unwrap_or(0);
    let input: ActualInput = body.merge_into(&ActualInput::default(), &ActualWrite::fields_except(&["version"]), &["version"])?;
    let a = keyplan_app::kpis::record_actual(&state.store, &auth, id, version, &input).await?;
    Ok(Json(ActualDto::from(&a)))
}

/// Moves a KPI one place `up` or `down` in the plan's scorecard.
#[utoipa::path(post, path = "/kpis/{id}/move", tag = "kpis", params(("id" = i64, Path)), request_body = super::dto::MoveDto,
    responses((status = 200, body = KpiDto), (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn move_kpi(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<KpiId>,
    body: JsonObject,
) -> Result<Json<KpiDto>, ApiError> {
    let up = match body.str_field("direction")?.as_deref() {
        Some("up") => true,
        Some("down") => false,
        _ => return Err(crate::AppError::field("direction", keyplan_domain::Message::new("err-direction")).into()),
    };
    keyplan_app::kpis::move_kpi(&state.store, &auth, id, up).await?;
    Ok(Json(one(&state, &auth, id).await?))
}

#[utoipa::path(delete, path = "/kpi-actuals/{id}", tag = "kpis", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete_actual(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<KpiActualId>) -> Result<StatusCode, ApiError> {
    keyplan_app::kpis::delete_actual(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
