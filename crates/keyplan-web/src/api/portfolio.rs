//! The account portfolio: `GET /portfolio` with the page's filters, every
//! account placed by share of wallet and growth potential with its quadrant,
//! plan state, coach mark and marks, and the accounts lacking figures apart.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use keyplan_app::portfolio::{FilterInput, Portfolio};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::ApiUser;
use crate::{ApiError, AppError, AppState};

#[derive(Deserialize, utoipa::IntoParams)]
pub struct PortfolioQuery {
    /// Only the accounts this user (their KAM) owns.
    #[param(value_type = Option<i64>)]
    kam: Option<String>,
    /// Only the accounts of exactly this region.
    region: Option<String>,
    /// Only the accounts of exactly this industry.
    industry: Option<String>,
    /// Only the accounts in this plan state: `no_plan`, `draft`, `active`, `overdue_review`.
    state: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LinesDto {
    /// Where the share-of-wallet line stands, 0 to 1.
    pub share: f64,
    /// Where the growth-potential line stands (money).
    pub growth: f64,
    /// `setting` (both lines are the organisation's settings), `median` (both are the organisation's medians) or `mixed`.
    pub source: &'static str,
    /// `setting` or `median`.
    pub share_source: &'static str,
    /// `setting` or `median`.
    pub growth_source: &'static str,
}

#[derive(Serialize, ToSchema)]
#[schema(as = PortfolioKamDto)]
pub struct KamDto {
    pub id: Option<i64>,
    pub name: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PortfolioAccountDto {
    pub id: i64,
    pub name: String,
    /// The account's owner; both null when it has none.
    pub kam: KamDto,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub current_revenue: f64,
    pub total_spend: f64,
    pub potential: f64,
    /// Current revenue ÷ total spend, 0 to 1.
    pub share_of_wallet: f64,
    /// Potential − current revenue, never below zero.
    pub growth_potential: f64,
    /// `develop`, `maintain`, `harvest` or `selective`.
    pub quadrant: &'static str,
    /// `no_plan`, `draft`, `active` or `overdue_review` (an active plan whose next review is past).
    pub plan_state: &'static str,
    /// The best current plan: the newest active one, else the newest draft.
    pub plan_id: Option<i64>,
    /// The coach's level (1 to 5) of that plan, once marked.
    pub coach_level: Option<i32>,
    /// The coach's score (0 to 100) of that plan, once marked.
    pub coach_score: Option<f64>,
    /// One of the organisation's top 10 accounts by growth potential without an active plan and below the share threshold.
    pub candidate: bool,
    /// Why its active plan is worth reconsidering: `share_at_threshold`, `little_growth`; empty when it is not.
    pub reconsider: Vec<&'static str>,
}

#[derive(Serialize, ToSchema)]
pub struct MissingFiguresDto {
    pub id: i64,
    pub name: String,
    /// `revenue`, `spend` (none, or zero), `potential`.
    pub missing: Vec<&'static str>,
}

#[derive(Serialize, ToSchema)]
pub struct PortfolioDto {
    pub lines: LinesDto,
    /// The organisation's share of wallet (0 to 1) from which an account is no plan candidate.
    pub share_of_wallet_threshold: f64,
    /// The accounts placed, by name.
    pub accounts: Vec<PortfolioAccountDto>,
    /// The accounts lacking a figure, by name: not placed.
    pub missing_figures: Vec<MissingFiguresDto>,
}

fn source(s: keyplan_app::portfolio::LineSource) -> &'static str {
    match s {
        keyplan_app::portfolio::LineSource::Median => "median",
        keyplan_app::portfolio::LineSource::Setting => "setting",
    }
}

impl From<&Portfolio> for PortfolioDto {
    fn from(p: &Portfolio) -> Self {
        PortfolioDto {
            lines: LinesDto {
                share: p.lines.lines.share,
                growth: p.lines.lines.growth,
                source: p.lines.source(),
                share_source: source(p.lines.share_source),
                growth_source: source(p.lines.growth_source),
            },
            share_of_wallet_threshold: p.share_of_wallet_threshold,
            accounts: p
                .entries
                .iter()
                .map(|e| {
                    let a = &e.account;
                    PortfolioAccountDto {
                        id: a.id.get(),
                        name: a.name.clone(),
                        kam: KamDto { id: a.owner_id.map(|u| u.get()), name: a.owner_name.clone() },
                        region: a.region.clone(),
                        industry: a.industry.clone(),
                        current_revenue: a.current_revenue.unwrap_or(0.0),
                        total_spend: a.total_spend.unwrap_or(0.0),
                        potential: a.potential.unwrap_or(0.0),
                        share_of_wallet: e.point.share,
                        growth_potential: e.point.growth,
                        quadrant: e.quadrant.as_str(),
                        plan_state: a.plan_state.as_str(),
                        plan_id: a.plan_id.map(|id| id.get()),
                        coach_level: a.coach_level,
                        coach_score: a.coach_score,
                        candidate: e.candidate,
                        reconsider: e.reconsider.iter().map(|r| keyplan_export::xlsx::reason_code(*r)).collect(),
                    }
                })
                .collect(),
            missing_figures: p
                .missing
                .iter()
                .map(|u| MissingFiguresDto {
                    id: u.account.id.get(),
                    name: u.account.name.clone(),
                    missing: u.missing.iter().map(|m| m.as_str()).collect(),
                })
                .collect(),
        }
    }
}

/// The organisation's account portfolio (every signed-in user): each account
/// with all three figures placed by share of wallet and growth potential, its
/// quadrant by the chosen lines, its plan state and the coach's mark of its
/// plan, the plan candidates and the plans to reconsider; accounts lacking a
/// figure are listed apart. The lines and marks are judged on the whole
/// organisation; the filters only choose which accounts are listed.
#[utoipa::path(get, path = "/portfolio", tag = "portfolio", params(PortfolioQuery),
    responses((status = 200, body = PortfolioDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn portfolio(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    query: Result<Query<PortfolioQuery>, QueryRejection>,
) -> Result<Json<PortfolioDto>, ApiError> {
    let Query(q) = query.map_err(|e| AppError::BadRequest(keyplan_domain::Message::new("api-err-query").arg("detail", e.body_text())))?;
    let input = FilterInput {
        kam: q.kam.unwrap_or_default(),
        region: q.region.unwrap_or_default(),
        industry: q.industry.unwrap_or_default(),
        state: q.state.unwrap_or_default(),
    };
    let p = keyplan_app::portfolio::portfolio(&state.store, &auth, &input.filter()?, keyplan_app::today()).await?;
    Ok(Json(PortfolioDto::from(&p)))
}
