//! Opportunities over the API: an account's deals, with their link to a goal
//! and to a whitespace cell. Same permissions as the account's contacts.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use keyplan_domain::opportunity::OpportunityInput;
use keyplan_domain::{AccountId, OpportunityId};
use keyplan_store::Opportunity;
use serde::Serialize;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::JsonObject;
use super::dto::ErrorBody;
use super::schema::{Body, body, date, integer, nullable, number, text};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppState};

/// A deal of the account, usually mirrored from the CRM.
#[derive(Serialize, ToSchema)]
pub struct OpportunityDto {
    pub id: i64,
    pub account_id: i64,
    /// The id in the CRM, as written; unique per organisation (a Salesforce
    /// 15-character id and its 18-character form are the same id).
    pub crm_id: Option<String>,
    pub name: String,
    /// The CRM's stage name, free text.
    pub stage: Option<String>,
    /// `open`, `won` or `lost`.
    pub status: String,
    pub amount: Option<f64>,
    /// ISO 4217 code.
    pub currency: String,
    /// 0 to 100.
    pub probability: Option<i16>,
    pub close_date: Option<Date>,
    /// Open and past its close date.
    pub overdue: bool,
    pub owner_id: Option<i64>,
    pub next_step: Option<String>,
    /// A goal of a plan of the same account.
    pub goal_id: Option<i64>,
    /// A filled cell of the account's whitespace matrix.
    pub whitespace_cell_id: Option<i64>,
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&Opportunity> for OpportunityDto {
    fn from(o: &Opportunity) -> Self {
        OpportunityDto {
            id: o.id.get(),
            account_id: o.account_id.get(),
            crm_id: o.crm_id.clone(),
            name: o.name.clone(),
            stage: o.stage.clone(),
            status: o.status.as_str().into(),
            amount: o.amount,
            currency: o.currency.clone(),
            probability: o.probability,
            close_date: o.close_date,
            overdue: keyplan_domain::opportunity::is_overdue(o.status, o.close_date, keyplan_app::today()),
            owner_id: o.owner_id.map(|i| i.get()),
            next_step: o.next_step.clone(),
            goal_id: o.goal_id.map(|i| i.get()),
            whitespace_cell_id: o.whitespace_cell_id.map(|i| i.get()),
            version: o.version,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

body! {
    /// An opportunity's fields; a PATCH sends only those it changes, and `version`.
    OpportunityWrite {
        crm_id: nullable(text()),
        name: nullable(text()),
        /// Free text, as in the CRM.
        stage: nullable(text()),
        /// `open` (the default), `won` or `lost`.
        status: nullable(text()),
        amount: nullable(number()),
        /// Three letters; the organisation's currency when left out on creation.
        currency: nullable(text()),
        /// A whole number from 0 to 100.
        probability: nullable(integer()),
        close_date: nullable(date()),
        owner_id: nullable(integer()),
        next_step: nullable(text()),
        goal_id: nullable(integer()),
        whitespace_cell_id: nullable(integer()),
        version: nullable(integer()),
    }
}

/// The account's opportunities, soonest close date first.
#[utoipa::path(get, path = "/accounts/{id}/opportunities", tag = "opportunities", params(("id" = i64, Path)),
    responses((status = 200, body = [OpportunityDto]), (status = 404, description = "No such account in your organisation", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
) -> Result<Json<Vec<OpportunityDto>>, ApiError> {
    state.store.account(auth.org(), id).await?;
    let list = state.store.opportunities(auth.org(), id).await?;
    Ok(Json(list.iter().map(OpportunityDto::from).collect()))
}

#[utoipa::path(post, path = "/accounts/{id}/opportunities", tag = "opportunities", params(("id" = i64, Path)), request_body = OpportunityWrite,
    responses((status = 201, body = OpportunityDto),
        (status = 403, description = "You may not edit this account's plans", body = ErrorBody),
        (status = 404, description = "No such account in your organisation", body = ErrorBody),
        (status = 422, description = "A field is invalid; `field` names it", body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<OpportunityDto>), ApiError> {
    let input: OpportunityInput = body.merge_into(&OpportunityInput::default(), &OpportunityWrite::fields_except(&["version"]), &[])?;
    let created = keyplan_app::opportunities::create_opportunity(&state.store, &auth, id, &input).await?;
    Ok((StatusCode::CREATED, Json(OpportunityDto::from(&created))))
}

#[utoipa::path(get, path = "/opportunities/{id}", tag = "opportunities", params(("id" = i64, Path)),
    responses((status = 200, body = OpportunityDto), (status = 404, description = "No such opportunity in your organisation", body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<OpportunityId>,
) -> Result<Json<OpportunityDto>, ApiError> {
    let o = state.store.opportunity(auth.org(), id).await?;
    Ok(Json(OpportunityDto::from(&o)))
}

#[utoipa::path(patch, path = "/opportunities/{id}", tag = "opportunities", params(("id" = i64, Path)), request_body = OpportunityWrite,
    responses((status = 200, body = OpportunityDto),
        (status = 403, description = "You may not edit this account's plans", body = ErrorBody),
        (status = 404, description = "No such opportunity in your organisation", body = ErrorBody),
        (status = 409, description = "The version is stale: someone else changed the opportunity", body = ErrorBody),
        (status = 422, description = "A field is invalid; `field` names it", body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<OpportunityId>,
    body: JsonObject,
) -> Result<Json<OpportunityDto>, ApiError> {
    let current = state.store.opportunity(auth.org(), id).await?;
    let version = body.version()?;
    let base = keyplan_app::opportunities::opportunity_to_input(&current);
    let input = body.merge_into(&base, &OpportunityWrite::fields_except(&["version"]), &["version"])?;
    let updated = keyplan_app::opportunities::update_opportunity(&state.store, &auth, id, version, &input).await?;
    Ok(Json(OpportunityDto::from(&updated)))
}

#[utoipa::path(delete, path = "/opportunities/{id}", tag = "opportunities", params(("id" = i64, Path)),
    responses((status = 204),
        (status = 403, description = "You may not edit this account's plans", body = ErrorBody),
        (status = 404, description = "No such opportunity in your organisation", body = ErrorBody)))]
pub async fn delete(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<OpportunityId>) -> Result<StatusCode, ApiError> {
    keyplan_app::opportunities::delete_opportunity(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
