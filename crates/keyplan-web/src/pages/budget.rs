//! The budget basis page for managers and administrators (`/budget-basis`):
//! the figures of one fiscal year per planned account and their totals per
//! KAM, region and industry, with the workbook and CSV downloads of the API
//! (`keyplan_app::budget`).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::budget::{self as svc, BudgetBasis};
use keyplan_domain::budget::Total;
use keyplan_i18n::Tr;
use serde::Deserialize;

use super::{Chrome, render};
use crate::AppState;
use crate::auth::PageUser;
use crate::error::PageError;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BudgetPageQuery {
    pub year: String,
}

pub struct RowView {
    pub account_id: i64,
    pub account: String,
    pub kam: String,
    pub region: String,
    pub industry: String,
    pub revenue: String,
    pub potential: String,
    /// "Grow share: 1.2m → 1.8m by 31 Dec 2027", one per money goal.
    pub goals: Vec<String>,
    pub whitespace: String,
    pub pipeline: String,
    pub rating: String,
}

pub struct TotalView {
    pub key: String,
    pub accounts: u32,
    pub revenue: String,
    pub potential: String,
    pub goal_target: String,
    pub whitespace: String,
    pub pipeline: String,
}

pub struct GroupView {
    pub title: String,
    pub rows: Vec<TotalView>,
}

#[derive(Template)]
#[template(path = "budget.html")]
struct BudgetPage {
    chrome: Chrome,
    year: i32,
    xlsx_href: String,
    csv_href: String,
    rows: Vec<RowView>,
    groups: Vec<GroupView>,
    total: TotalView,
}

fn total_view(g: &Total, key: String, cur: &str, t: Tr) -> TotalView {
    TotalView {
        key,
        accounts: g.accounts,
        revenue: t.money(Some(g.current_revenue), cur),
        potential: t.money(Some(g.potential), cur),
        goal_target: t.money(Some(g.goal_target), cur),
        whitespace: t.money(Some(g.whitespace_potential), cur),
        pipeline: t.money(Some(g.weighted_pipeline), cur),
    }
}

fn rows(b: &BudgetBasis, t: Tr) -> Vec<RowView> {
    let cur = b.currency.as_str();
    b.accounts
        .iter()
        .map(|r| RowView {
            account_id: r.account.id,
            account: r.account.name.clone(),
            kam: r.kam.as_ref().map(|k| k.name.clone()).unwrap_or_default(),
            region: r.region.clone().unwrap_or_default(),
            industry: r.industry.clone().unwrap_or_default(),
            revenue: t.money(r.current_revenue, cur),
            potential: t.money(r.potential, cur),
            goals: r
                .goals
                .iter()
                .map(|g| {
                    let date = g.target_date.map(|d| format!(" ({})", t.date(d))).unwrap_or_default();
                    format!("{}: {} → {}{date}", g.title, t.money(g.baseline, &g.currency), t.money(g.target, &g.currency))
                })
                .collect(),
            whitespace: t.money(Some(r.whitespace_potential), cur),
            pipeline: t.money(Some(r.weighted_pipeline), cur),
            rating: r.rating.as_ref().map(|g| format!("{}/{} {}", g.score, g.scale_max, g.label)).unwrap_or_default(),
        })
        .collect()
}

/// `GET /budget-basis?year=`.
pub async fn page(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<BudgetPageQuery>,
) -> Result<Response, PageError> {
    let year = svc::parse_year(Some(&q.year))?;
    let b = svc::budget_basis(&state.store, &auth, year).await?;
    let chrome = Chrome::new(&auth, "budget", &headers);
    let t = chrome.t;
    let cur = b.currency.as_str();
    let unassigned = t.s("budget-unassigned");
    let group = |title: &str, groups: &[Total]| GroupView {
        title: t.s(title),
        rows: groups.iter().map(|g| total_view(g, g.key.clone().unwrap_or_else(|| unassigned.clone()), cur, t)).collect(),
    };
    let groups = vec![
        group("budget-sheet-kam", &b.totals.by_kam),
        group("budget-sheet-region", &b.totals.by_region),
        group("budget-sheet-industry", &b.totals.by_industry),
    ];
    let page = BudgetPage {
        year,
        xlsx_href: format!("/api/v1/budget-basis.xlsx?year={year}"),
        csv_href: format!("/api/v1/budget-basis.csv?year={year}"),
        rows: rows(&b, t),
        total: total_view(&b.totals.all, t.s("budget-total"), cur, t),
        groups,
        chrome,
    };
    Ok(render(StatusCode::OK, &page, false))
}
