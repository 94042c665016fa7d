//! The account portfolio: `GET /portfolio` with the page's filters, the
//! accounts placed by share of wallet and growth potential with their
//! quadrant, plan state, coach mark and marks, one page at a time (100 unless
//! `per_page` says otherwise, at most 1,000), and the accounts lacking figures
//! apart, paged the same way.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use keyplan_app::portfolio::{FilterInput, Order, Portfolio};
use keyplan_domain::Message;
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
    /// Only the accounts with at least this share of wallet (0 to 1).
    #[param(value_type = Option<f64>)]
    share_min: Option<String>,
    /// Only the accounts with a share of wallet below this (0 to 1).
    #[param(value_type = Option<f64>)]
    share_max: Option<String>,
    /// Only the accounts with at least this growth potential.
    #[param(value_type = Option<f64>)]
    growth_min: Option<String>,
    /// Only the accounts with a growth potential below this.
    #[param(value_type = Option<f64>)]
    growth_max: Option<String>,
    /// `name` (default), `kam`, `revenue`, `share`, `growth`, `potential`, `quadrant` or `state`.
    sort: Option<String>,
    /// `asc` (default for `name`, `kam`, `quadrant`, `state`) or `desc` (default for the figures).
    dir: Option<String>,
    /// The page, from 1.
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    /// Accounts per page, 1 to 1,000 (default 100).
    #[param(value_type = Option<i64>)]
    per_page: Option<String>,
}

/// Accounts per page of the API unless `per_page` says otherwise.
pub const PER_PAGE: usize = 100;
/// The most accounts one answer holds.
pub const MAX_PER_PAGE: usize = 1000;

fn whole(field: &str, raw: Option<&str>, max: usize, message: Message) -> Result<Option<usize>, AppError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse::<usize>().ok().filter(|n| (1..=max).contains(n)).map(Some).ok_or_else(|| AppError::field(field, message)),
    }
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
pub struct QuadrantCountsDto {
    pub develop: usize,
    pub maintain: usize,
    pub harvest: usize,
    pub selective: usize,
}

#[derive(Serialize, ToSchema)]
pub struct PortfolioDto {
    pub lines: LinesDto,
    /// The organisation's share of wallet (0 to 1) from which an account is no plan candidate.
    pub share_of_wallet_threshold: f64,
    /// How many placed accounts the filters let through (all pages).
    pub total: usize,
    /// This page, from 1.
    pub page: usize,
    pub per_page: usize,
    /// How many of the placed accounts (all pages) fall in each quadrant.
    pub quadrants: QuadrantCountsDto,
    /// The plan candidates among them (all pages), greatest growth potential first.
    pub candidates: Vec<i64>,
    /// The plans to reconsider among them (all pages): the accounts' ids.
    pub reconsider: Vec<i64>,
    /// This page of the placed accounts, by name unless `sort` says otherwise.
    pub accounts: Vec<PortfolioAccountDto>,
    /// This page of the accounts lacking a figure, by name (the same `page`
    /// and `per_page` as `accounts`): not placed.
    pub missing_figures: Vec<MissingFiguresDto>,
    /// How many accounts the filters let through lack a figure (all pages).
    pub missing_total: usize,
}

fn source(s: keyplan_app::portfolio::LineSource) -> &'static str {
    match s {
        keyplan_app::portfolio::LineSource::Median => "median",
        keyplan_app::portfolio::LineSource::Setting => "setting",
    }
}

impl PortfolioDto {
    /// The page `page` (from 1) of `per_page` accounts of `p`.
    fn page(p: &Portfolio, page: usize, per_page: usize) -> Self {
        let [develop, maintain, harvest, selective] = p.quadrant_counts();
        PortfolioDto {
            total: p.entries.len(),
            page,
            per_page,
            quadrants: QuadrantCountsDto { develop, maintain, harvest, selective },
            candidates: p.candidates.iter().map(|id| id.get()).collect(),
            reconsider: p.reconsider.iter().map(|id| id.get()).collect(),
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
                .skip((page - 1) * per_page)
                .take(per_page)
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
            missing_total: p.missing.len(),
            missing_figures: p
                .missing
                .iter()
                .skip((page - 1) * per_page)
                .take(per_page)
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
/// organisation; the filters only choose which accounts are listed. One page
/// at a time: `Link` (RFC 8288) names the `next` and `prev` pages and
/// `X-Total-Count` how many placed accounts match.
#[utoipa::path(get, path = "/portfolio", tag = "portfolio", params(PortfolioQuery),
    responses((status = 200, description = "The portfolio, one page of accounts", body = PortfolioDto, headers(("Link" = String), ("X-Total-Count" = i64))),
        (status = 401, description = "Not signed in", body = super::dto::ErrorBody),
        (status = 422, description = "A parameter is wrong; the error names it", body = super::dto::ErrorBody)))]
pub async fn portfolio(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    headers: HeaderMap,
    query: Result<Query<PortfolioQuery>, QueryRejection>,
) -> Result<(HeaderMap, Json<PortfolioDto>), ApiError> {
    let Query(q) = query.map_err(|e| AppError::BadRequest(Message::new("api-err-query").arg("detail", e.body_text())))?;
    let input = FilterInput {
        kam: q.kam.unwrap_or_default(),
        region: q.region.unwrap_or_default(),
        industry: q.industry.unwrap_or_default(),
        state: q.state.unwrap_or_default(),
        share_min: q.share_min.unwrap_or_default(),
        share_max: q.share_max.unwrap_or_default(),
        growth_min: q.growth_min.unwrap_or_default(),
        growth_max: q.growth_max.unwrap_or_default(),
    };
    let filter = input.filter()?;
    let sort = q.sort.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or("name");
    let dir = q.dir.unwrap_or_default();
    let order = Order::parse(sort, &dir)?;
    let page = whole("page", q.page.as_deref(), 1_000_000, Message::new("listing-err-page"))?.unwrap_or(1);
    let per_page =
        whole("per_page", q.per_page.as_deref(), MAX_PER_PAGE, Message::new("listing-err-per-page").arg("max", MAX_PER_PAGE.to_string()))?
            .unwrap_or(PER_PAGE);
    let mut p = keyplan_app::portfolio::portfolio(&state.store, &auth, &filter, keyplan_app::today()).await?;
    order.sort(&mut p.entries);
    let total = p.entries.len();
    let mut out = HeaderMap::new();
    out.insert("x-total-count", HeaderValue::from(total));
    let base = format!("{}/api/v1/portfolio", crate::pages::base_url(&headers, state.config.secure_cookies));
    let mut query = input.query();
    for (k, v) in [("sort", sort), ("dir", if order.descending { "desc" } else { "asc" })] {
        query.push_str(&format!("{}{k}={v}", if query.is_empty() { "" } else { "&" }));
    }
    let link = |n: usize, rel: &str| format!("<{base}?{query}&page={n}&per_page={per_page}>; rel=\"{rel}\"");
    let mut links = Vec::new();
    if page * per_page < total.max(p.missing.len()) {
        links.push(link(page + 1, "next"));
    }
    if page > 1 {
        links.push(link(page - 1, "prev"));
    }
    if let Some(v) = Some(links.join(", ")).filter(|l| !l.is_empty()).and_then(|l| HeaderValue::from_str(&l).ok()) {
        out.insert(header::LINK, v);
    }
    Ok((out, Json(PortfolioDto::page(&p, page, per_page))))
}
