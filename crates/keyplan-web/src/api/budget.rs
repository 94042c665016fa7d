//! The budget basis of a fiscal year (issue 17, `keyplan_app::budget`):
//! `GET /budget-basis?year=` as JSON, `GET /budget-basis.xlsx?year=` as a
//! workbook and `GET /budget-basis.csv?year=` as CSV. Managers and
//! administrators only (others: 403).

use axum::Json;
use axum::extract::{Query, State};
use axum::response::Response;
use keyplan_app::budget::{self as svc, BudgetBasis};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::ApiUser;
use crate::{ApiError, AppError, AppState};

#[derive(Deserialize, IntoParams)]
pub struct BudgetQuery {
    /// The fiscal year (the calendar year), 1900 to 2999; by default this year.
    pub year: Option<String>,
    /// `en` or `de` for the files' labels; by default the user's language.
    pub lang: Option<String>,
}

async fn basis(state: &AppState, auth: &crate::auth::Auth, q: &BudgetQuery) -> Result<BudgetBasis, AppError> {
    let year = svc::parse_year(q.year.as_deref())?;
    svc::budget_basis(&state.store, auth, year).await
}

fn lang(q: &BudgetQuery) -> Result<keyplan_i18n::Tr, AppError> {
    let lang = keyplan_export::parse_lang("lang", q.lang.as_deref().unwrap_or_default(), crate::lang::current()).map_err(AppError::from)?;
    Ok(keyplan_i18n::Tr::new(lang))
}

/// One row per account with an active plan (active, in review or approved) covering the year:
/// the account, its KAM, region and industry, current revenue, potential, the plans' money goals
/// (baseline and target in the goal's currency, target date), the whitespace potential (cells marked
/// opportunity), the weighted pipeline (open opportunities: amount × probability / 100, in the
/// organisation's currency) and the latest quality rating; and the totals of all rows and per KAM,
/// region and industry.
#[utoipa::path(get, path = "/budget-basis", tag = "organisation", params(BudgetQuery),
    responses((status = 200, description = "`{\"year\", \"currency\", \"accounts\": [...], \"totals\": {\"all\", \"by_kam\", \"by_region\", \"by_industry\"}}`", body = Object),
        (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn json(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(q): Query<BudgetQuery>,
) -> Result<Json<BudgetBasis>, ApiError> {
    Ok(Json(basis(&state, &auth, &q).await?))
}

/// The budget basis as a workbook: the accounts, the money goals, and the totals per KAM, region and
/// industry, one sheet each; figures are number cells.
#[utoipa::path(get, path = "/budget-basis.xlsx", tag = "organisation", params(BudgetQuery),
    responses((status = 200, description = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn xlsx(State(state): State<AppState>, ApiUser(auth): ApiUser, Query(q): Query<BudgetQuery>) -> Result<Response, ApiError> {
    let t = lang(&q)?;
    let b = basis(&state, &auth, &q).await?;
    let bytes = keyplan_export::xlsx::budget_workbook(&b, t).map_err(|e| AppError::Internal(anyhow::anyhow!("budget workbook: {e}")))?;
    Ok(crate::download(keyplan_export::ExportFile {
        bytes,
        content_type: keyplan_export::xlsx::CONTENT_TYPE,
        file_name: format!("budget-basis-{}.xlsx", b.year),
    }))
}

/// The budget basis as CSV (UTF-8): the accounts, then the money goals and the totals per KAM, region
/// and industry, each section under a title line. Text that would start a formula begins with `'`.
#[utoipa::path(get, path = "/budget-basis.csv", tag = "organisation", params(BudgetQuery),
    responses((status = 200, description = "text/csv"),
        (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn csv(State(state): State<AppState>, ApiUser(auth): ApiUser, Query(q): Query<BudgetQuery>) -> Result<Response, ApiError> {
    let t = lang(&q)?;
    let b = basis(&state, &auth, &q).await?;
    Ok(crate::download(keyplan_export::ExportFile {
        bytes: keyplan_export::budget_csv::budget_csv(&b, t).into_bytes(),
        content_type: keyplan_export::budget_csv::CONTENT_TYPE,
        file_name: format!("budget-basis-{}.csv", b.year),
    }))
}
