//! The whitespace matrix over the API: the company's offerings, an account's
//! business units, and its cells.

use super::schema::{body, boolean, integer, nullable, number, text};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use keyplan_domain::whitespace::{CellInput, NameInput, Totals};
use keyplan_domain::{AccountId, BusinessUnitId, OfferingId, permissions};
use keyplan_store::{BusinessUnit, Cell, Offering};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::JsonObject;
use super::dto::{ErrorBody, MoveDto};
use super::schema::Body;
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};
use keyplan_app::whitespace::{self as ws_service, CellRef};

// --- shapes ------------------------------------------------------------------------------

/// One of the company's offerings: a row of every account's whitespace matrix.
#[derive(Serialize, ToSchema)]
pub struct OfferingDto {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    /// Order on the matrix (smaller first).
    pub position: i32,
    /// Retired offerings take no new cells; their existing cells stay.
    pub retired: bool,
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&Offering> for OfferingDto {
    fn from(o: &Offering) -> Self {
        OfferingDto {
            id: o.id.get(),
            name: o.name.clone(),
            description: o.description.clone(),
            position: o.position,
            retired: o.retired,
            version: o.version,
            updated_at: o.updated_at,
        }
    }
}

body! {
    /// Body of `POST /offerings` and `PATCH /offerings/{id}` (PATCH needs `version`).
    OfferingWrite {
        name: nullable(text()),
        description: nullable(text()),
        /// PATCH only: retire (`true`) or restore (`false`).
        retired: nullable(boolean()),
        version: nullable(integer()),
    }
}

/// A business unit of the customer: a column of the account's matrix.
#[derive(Serialize, ToSchema)]
pub struct BusinessUnitDto {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub position: i32,
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&BusinessUnit> for BusinessUnitDto {
    fn from(u: &BusinessUnit) -> Self {
        BusinessUnitDto {
            id: u.id.get(),
            account_id: u.account_id.get(),
            name: u.name.clone(),
            position: u.position,
            version: u.version,
            updated_at: u.updated_at,
        }
    }
}

body! {
    /// Body of `POST /accounts/{id}/business-units` and `PATCH /business-units/{id}` (PATCH needs `version`).
    BusinessUnitWrite {
        name: nullable(text()),
        version: nullable(integer()),
    }
}

/// A filled cell; a pair of offering and business unit without one is empty.
#[derive(Serialize, ToSchema)]
pub struct CellDto {
    pub id: i64,
    pub account_id: i64,
    pub offering_id: i64,
    pub business_unit_id: i64,
    /// `sold`, `in_progress`, `opportunity` or `not_relevant`.
    pub status: String,
    /// Yearly value in the organisation's currency.
    pub value: Option<f64>,
    pub note: Option<String>,
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<i64>,
}

impl From<&Cell> for CellDto {
    fn from(c: &Cell) -> Self {
        CellDto {
            id: c.id.get(),
            account_id: c.account_id.get(),
            offering_id: c.offering_id.get(),
            business_unit_id: c.business_unit_id.get(),
            status: c.status.as_str().into(),
            value: c.value,
            note: c.note.clone(),
            version: c.version,
            updated_at: c.updated_at,
            updated_by: c.updated_by.map(|u| u.get()),
        }
    }
}

body! {
    /// Body of `PUT /accounts/{id}/whitespace/cells`.
    CellWrite {
        offering_id: integer(),
        business_unit_id: integer(),
        /// `sold`, `in_progress`, `opportunity` or `not_relevant`; empty or missing clears the cell.
        status: nullable(text()),
        /// Yearly value, not negative.
        value: nullable(number()),
        note: nullable(text()),
        /// The version of the cell you are changing; 0 or missing when it was empty.
        version: nullable(integer()),
    }
}

/// Sums over the matrix.
#[derive(Serialize, ToSchema)]
pub struct TotalsDto {
    /// Value of the sold cells: current business.
    pub current: f64,
    /// Value of the cells in progress or opportunity: open potential.
    pub open: f64,
    pub sold_cells: u32,
    pub open_cells: u32,
    /// Pairs of offering and business unit without a cell.
    pub empty_cells: u32,
}

impl From<Totals> for TotalsDto {
    fn from(t: Totals) -> Self {
        TotalsDto { current: t.current, open: t.open, sold_cells: t.sold_cells, open_cells: t.open_cells, empty_cells: t.empty_cells }
    }
}

/// An account's whole matrix.
#[derive(Serialize, ToSchema)]
pub struct WhitespaceDto {
    pub account_id: i64,
    /// Currency of the values (the organisation's).
    pub currency: String,
    /// The rows: offerings not retired, plus retired ones that still have cells here.
    pub offerings: Vec<OfferingDto>,
    /// The columns.
    pub business_units: Vec<BusinessUnitDto>,
    pub cells: Vec<CellDto>,
    pub totals: TotalsDto,
}

// --- offerings ---------------------------------------------------------------------------

#[derive(Deserialize, utoipa::IntoParams)]
pub struct OfferingsQuery {
    /// `true` to list retired offerings too.
    #[param(value_type = Option<bool>)]
    include_retired: Option<String>,
}

fn require_offering_manager(auth: &crate::auth::Auth) -> Result<(), AppError> {
    keyplan_app::access::require(permissions::can_manage_offerings(auth.actor()))
}

/// The company's offerings in matrix order.
#[utoipa::path(get, path = "/offerings", tag = "whitespace", params(OfferingsQuery), responses((status = 200, body = [OfferingDto])))]
pub async fn list_offerings(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    query: Result<Query<OfferingsQuery>, QueryRejection>,
) -> Result<Json<Vec<OfferingDto>>, ApiError> {
    let Query(q) = query.map_err(|e| AppError::BadRequest(keyplan_domain::Message::new("api-err-query").arg("detail", e.body_text())))?;
    let include_retired = match q.include_retired.as_deref().map(str::trim) {
        None | Some("") | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(AppError::field("include_retired", keyplan_domain::Message::new("err-bool")).into()),
    };
    let list = state.store.offerings(auth.org(), include_retired).await?;
    Ok(Json(list.iter().map(OfferingDto::from).collect()))
}

/// Adds an offering at the end of the list (managers and administrators).
#[utoipa::path(post, path = "/offerings", tag = "whitespace", request_body = OfferingWrite,
    responses((status = 201, body = OfferingDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_offering(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: JsonObject,
) -> Result<(StatusCode, Json<OfferingDto>), ApiError> {
    require_offering_manager(&auth)?;
    let input: NameInput = body.merge_into(&NameInput::default(), &OfferingWrite::fields_except(&["retired", "version"]), &[])?;
    let o = ws_service::create_offering(&state.store, &auth, &input).await?;
    Ok((StatusCode::CREATED, Json(OfferingDto::from(&o))))
}

/// Renames, re-describes, retires or restores an offering (managers and administrators).
#[utoipa::path(patch, path = "/offerings/{id}", tag = "whitespace", params(("id" = i64, Path)), request_body = OfferingWrite,
    responses((status = 200, body = OfferingDto), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_offering(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<OfferingId>,
    body: JsonObject,
) -> Result<Json<OfferingDto>, ApiError> {
    let current = state.store.offering(auth.org(), id).await?;
    require_offering_manager(&auth)?;
    let version = body.version()?;
    let retired = match body.0.get("retired") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(AppError::field("retired", keyplan_domain::Message::new("err-bool")).into()),
    };
    let input =
        body.merge_into(&ws_service::offering_to_input(&current), &OfferingWrite::fields_except(&["version"]), &["version", "retired"])?;
    let edits_text = body.0.contains_key("name") || body.0.contains_key("description");
    let mut o = current;
    if edits_text {
        o = ws_service::update_offering(&state.store, &auth, id, version, &input).await?;
    } else if o.version != version {
        return Err(AppError::Conflict { current_version: o.version }.into());
    }
    if let Some(r) = retired
        && r != o.retired
    {
        o = ws_service::set_offering_retired(&state.store, &auth, id, o.version, r).await?;
    }
    Ok(Json(OfferingDto::from(&o)))
}

/// Deletes an offering with its cells in every account (retiring keeps them).
#[utoipa::path(delete, path = "/offerings/{id}", tag = "whitespace", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_offering(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<OfferingId>,
) -> Result<StatusCode, ApiError> {
    ws_service::delete_offering(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn direction(body: &JsonObject) -> Result<bool, AppError> {
    match body.str_field("direction")?.as_deref() {
        Some("up") => Ok(true),
        Some("down") => Ok(false),
        _ => Err(AppError::field("direction", keyplan_domain::Message::new("err-direction"))),
    }
}

/// Moves an offering one place up or down; answers the whole list.
#[utoipa::path(post, path = "/offerings/{id}/move", tag = "whitespace", params(("id" = i64, Path)), request_body = MoveDto,
    responses((status = 200, body = [OfferingDto])))]
pub async fn move_offering(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<OfferingId>,
    body: JsonObject,
) -> Result<Json<Vec<OfferingDto>>, ApiError> {
    let up = direction(&body)?;
    ws_service::move_offering(&state.store, &auth, id, up).await?;
    let list = state.store.offerings(auth.org(), true).await?;
    Ok(Json(list.iter().map(OfferingDto::from).collect()))
}

// --- business units ----------------------------------------------------------------------

/// The account's business units in matrix order.
#[utoipa::path(get, path = "/accounts/{id}/business-units", tag = "whitespace", params(("id" = i64, Path)),
    responses((status = 200, body = [BusinessUnitDto]), (status = 404, body = ErrorBody)))]
pub async fn list_units(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
) -> Result<Json<Vec<BusinessUnitDto>>, ApiError> {
    state.store.account(auth.org(), id).await?;
    let units = state.store.business_units(auth.org(), id).await?;
    Ok(Json(units.iter().map(BusinessUnitDto::from).collect()))
}

#[utoipa::path(post, path = "/accounts/{id}/business-units", tag = "whitespace", params(("id" = i64, Path)), request_body = BusinessUnitWrite,
    responses((status = 201, body = BusinessUnitDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_unit(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<BusinessUnitDto>), ApiError> {
    let input: NameInput = body.merge_into(&NameInput::default(), &BusinessUnitWrite::fields_except(&["version"]), &[])?;
    let u = ws_service::create_business_unit(&state.store, &auth, id, &input).await?;
    Ok((StatusCode::CREATED, Json(BusinessUnitDto::from(&u))))
}

#[utoipa::path(patch, path = "/business-units/{id}", tag = "whitespace", params(("id" = i64, Path)), request_body = BusinessUnitWrite,
    responses((status = 200, body = BusinessUnitDto), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_unit(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<BusinessUnitId>,
    body: JsonObject,
) -> Result<Json<BusinessUnitDto>, ApiError> {
    let current = state.store.business_unit(auth.org(), id).await?;
    let version = body.version()?;
    let base = NameInput { name: current.name.clone(), description: String::new() };
    let input = body.merge_into(&base, &BusinessUnitWrite::fields_except(&["version"]), &["version"])?;
    let u = ws_service::update_business_unit(&state.store, &auth, id, version, &input).await?;
    Ok(Json(BusinessUnitDto::from(&u)))
}

/// Deletes a business unit with its cells.
#[utoipa::path(delete, path = "/business-units/{id}", tag = "whitespace", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_unit(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<BusinessUnitId>,
) -> Result<StatusCode, ApiError> {
    ws_service::delete_business_unit(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Moves a business unit one place left (`up`) or right (`down`); answers the account's units.
#[utoipa::path(post, path = "/business-units/{id}/move", tag = "whitespace", params(("id" = i64, Path)), request_body = MoveDto,
    responses((status = 200, body = [BusinessUnitDto])))]
pub async fn move_unit(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<BusinessUnitId>,
    body: JsonObject,
) -> Result<Json<Vec<BusinessUnitDto>>, ApiError> {
    let up = direction(&body)?;
    let u = ws_service::move_business_unit(&state.store, &auth, id, up).await?;
    let units = state.store.business_units(auth.org(), u.account_id).await?;
    Ok(Json(units.iter().map(BusinessUnitDto::from).collect()))
}

// --- the matrix --------------------------------------------------------------------------

/// The account's matrix: offerings, business units, filled cells and totals.
#[utoipa::path(get, path = "/accounts/{id}/whitespace", tag = "whitespace", params(("id" = i64, Path)),
    responses((status = 200, body = WhitespaceDto), (status = 404, body = ErrorBody)))]
pub async fn get_whitespace(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
) -> Result<Json<WhitespaceDto>, ApiError> {
    state.store.account(auth.org(), id).await?;
    let currency = state.store.org(auth.org()).await?.currency;
    let ws = state.store.whitespace(auth.org(), id).await?;
    Ok(Json(WhitespaceDto {
        account_id: id.get(),
        currency,
        offerings: ws.offerings.iter().map(OfferingDto::from).collect(),
        business_units: ws.units.iter().map(BusinessUnitDto::from).collect(),
        cells: ws.cells.iter().map(CellDto::from).collect(),
        totals: ws.totals().into(),
    }))
}

/// Fills, changes or clears one cell. Send the `version` you saw (0 or none for an
/// empty cell); a stale one answers 409 with `current_version` (0: the cell is empty
/// now). Answers the cell, or 204 when it was cleared.
#[utoipa::path(put, path = "/accounts/{id}/whitespace/cells", tag = "whitespace", params(("id" = i64, Path)), request_body = CellWrite,
    responses((status = 200, body = CellDto), (status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_cell(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
    body: JsonObject,
) -> Result<Response, ApiError> {
    let offering = body
        .id_field("offering_id")?
        .ok_or_else(|| AppError::field("offering_id", keyplan_domain::Message::new("templates-file-required")))?;
    let unit = body
        .id_field("business_unit_id")?
        .ok_or_else(|| AppError::field("business_unit_id", keyplan_domain::Message::new("templates-file-required")))?;
    let version = body.optional_version()?.unwrap_or(0);
    let input: CellInput = body.merge_into(
        &CellInput::default(),
        &CellWrite::fields_except(&["offering_id", "business_unit_id", "version"]),
        &["offering_id", "business_unit_id", "version"],
    )?;
    let at = CellRef { offering: OfferingId::new(offering), unit: BusinessUnitId::new(unit) };
    Ok(match ws_service::set_cell(&state.store, &auth, id, at, version, &input).await? {
        Some(cell) => Json(CellDto::from(&cell)).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}
