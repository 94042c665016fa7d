//! The account portfolio page (`/portfolio`): the picture inline, filters as
//! a GET form, the quadrants with their policies, the candidates and the plans
//! to reconsider, a table sorted by query parameter and shown
//! [`PAGE_ROWS`] rows at a time, and the accounts lacking figures; its
//! downloads (in [`files`]) honour the same filters. Nothing on the page grows
//! with the number of accounts: the picture groups what it cannot draw one by
//! one, the table pages, and the list of accounts lacking figures stops at
//! [`MISSING_SHOWN`].

mod files;

pub use files::{pdf, svg, xlsx};

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use std::collections::HashMap;

use keyplan_app::portfolio::{Entry, FilterInput, Order, Portfolio, SORTS};
use keyplan_domain::portfolio::{PlanState, Quadrant};
use keyplan_domain::{AccountId, Message};
use keyplan_export::portfolio_svg::portfolio_svg;
use keyplan_export::xlsx::reason_code;
use keyplan_i18n::Tr;
use keyplan_store::PortfolioChoices;
use serde::Deserialize;

use super::{Chrome, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::views::{CoachMarkView, Opt};
use crate::{AppError, AppState};

/// Rows of the table on one page.
pub const PAGE_ROWS: usize = 50;
/// Accounts lacking figures listed on the page (the XLSX lists them all).
pub const MISSING_SHOWN: usize = 50;

/// The page's parameters: the filters, the table's order and page, and the
/// account the picture names and rings (the table opens on its page).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(flatten)]
    pub filter: FilterInput,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub dir: String,
    #[serde(default)]
    pub selected: String,
    #[serde(default)]
    pub page: String,
}

/// The portfolio the parameters ask for, sorted.
pub(super) async fn load(state: &AppState, auth: &Auth, q: &PageQuery) -> Result<Portfolio, PageError> {
    let filter = q.filter.filter()?;
    let order = Order::parse(&q.sort, &q.dir)?;
    let mut p = keyplan_app::portfolio::portfolio(&state.store, auth, &filter, keyplan_app::today()).await?;
    order.sort(&mut p.entries);
    Ok(p)
}

/// The portfolio and the filters' choices, side by side.
pub(super) async fn load_with_choices(
    state: &AppState,
    auth: &Auth,
    q: &PageQuery,
) -> Result<(Portfolio, keyplan_store::PortfolioChoices), PageError> {
    tokio::try_join!(load(state, auth, q), async { Ok::<_, PageError>(state.store.portfolio_choices(auth.org()).await?) })
}

pub(super) fn selected(q: &PageQuery) -> Option<AccountId> {
    q.selected.trim().parse::<i64>().ok().map(AccountId::new)
}

pub struct Row {
    pub id: i64,
    pub name: String,
    pub sub: String,
    pub kam: String,
    pub revenue: String,
    pub share: String,
    pub share_pct: u8,
    pub growth: String,
    pub potential: String,
    pub quadrant: &'static str,
    pub quadrant_label: String,
    pub state: &'static str,
    pub state_label: String,
    pub plan_id: Option<i64>,
    pub coach: Option<CoachMarkView>,
    pub candidate: bool,
    pub reasons: Vec<String>,
    pub selected: bool,
}

pub struct Lacking {
    pub id: i64,
    pub name: String,
    pub kam: String,
    pub lacks: String,
}

pub struct Marked {
    pub id: i64,
    pub name: String,
    pub note: String,
}

pub struct Column {
    pub label: String,
    pub href: String,
    /// `ascending`, `descending` or `none`, for `aria-sort`.
    pub sorted: &'static str,
    pub num: bool,
}

pub struct QuadrantView {
    pub code: &'static str,
    pub name: String,
    pub policy: String,
    pub count: usize,
}

/// One page of the table, with its neighbours.
pub struct Pager {
    pub showing: String,
    pub label: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "portfolio.html")]
struct PortfolioPage {
    chrome: Chrome,
    svg: String,
    filter: FilterInput,
    kams: Vec<Opt>,
    regions: Vec<String>,
    industries: Vec<String>,
    states: Vec<Opt>,
    filtered: bool,
    /// The area of the picture the table is narrowed to, in words, and the link back.
    area: Option<(String, String)>,
    placed: usize,
    lines: String,
    quadrants: Vec<QuadrantView>,
    columns: Vec<Column>,
    rows: Vec<Row>,
    pager: Option<Pager>,
    candidates: Vec<Marked>,
    reconsider: Vec<Marked>,
    missing: Vec<Lacking>,
    missing_total: usize,
    missing_more: usize,
    threshold: String,
    candidate_count: usize,
    /// The filters (and order) as a query string for the download links, with its `?`.
    query: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let page_no = match q.page.trim() {
        "" => None,
        v => Some(
            v.parse::<usize>()
                .ok()
                .filter(|n| (1..=1_000_000).contains(n))
                .ok_or_else(|| AppError::field("page", Message::new("listing-err-page")))?,
        ),
    };
    let (p, choices) = load_with_choices(&state, &auth, &q).await?;
    let chrome = Chrome::new(&auth, "portfolio", &headers);
    let t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let page = page(chrome, &p, choices, &q, page_no, t);
    Ok(render(StatusCode::OK, &page, had_flash))
}

/// The table's page to show: the one asked for, else the selected account's, else the first.
fn page_index(p: &Portfolio, asked: Option<usize>, selected: Option<AccountId>) -> usize {
    let pages = p.entries.len().div_ceil(PAGE_ROWS).max(1);
    match (asked, selected) {
        (Some(n), _) => n.min(pages),
        (None, Some(id)) => p.entries.iter().position(|e| e.account.id == id).map(|i| i / PAGE_ROWS + 1).unwrap_or(1),
        (None, None) => 1,
    }
}

fn row(e: &Entry, cur: &str, sel: Option<AccountId>, t: Tr) -> Row {
    let a = &e.account;
    let sub: Vec<&str> = [a.industry.as_deref(), a.region.as_deref()].into_iter().flatten().filter(|s| !s.is_empty()).collect();
    Row {
        id: a.id.get(),
        name: a.name.clone(),
        sub: sub.join(" · "),
        kam: a.owner_name.clone().unwrap_or_default(),
        revenue: t.money(Some(e.point.revenue), cur),
        share: t.pct(Some(e.point.share)),
        share_pct: (e.point.share * 100.0).round().clamp(0.0, 100.0) as u8,
        growth: t.money(Some(e.point.growth), cur),
        potential: t.money(a.potential, cur),
        quadrant: e.quadrant.as_str(),
        quadrant_label: t.enum_label("portfolio-quadrant", e.quadrant.as_str()),
        state: a.plan_state.as_str(),
        state_label: t.enum_label("portfolio-state", a.plan_state.as_str()),
        plan_id: a.plan_id.map(|id| id.get()),
        coach: CoachMarkView::new(t, a.coach_score, a.coach_level, None),
        candidate: e.candidate,
        reasons: e.reconsider.iter().map(|r| t.enum_label("portfolio-reason", reason_code(*r))).collect(),
        selected: sel == Some(a.id),
    }
}

fn columns(order: Order, with_filters: &dyn Fn(String) -> String, t: Tr) -> Vec<Column> {
    SORTS
        .iter()
        .map(|(key, desc_first)| {
            let current = *key == order.key;
            let next = if current {
                if order.descending { "asc" } else { "desc" }
            } else if *desc_first {
                "desc"
            } else {
                "asc"
            };
            Column {
                label: t.s(&format!("portfolio-col-{key}")),
                href: format!("{}#table", with_filters(format!("/portfolio?sort={key}&dir={next}"))),
                sorted: if !current {
                    "none"
                } else if order.descending {
                    "descending"
                } else {
                    "ascending"
                },
                num: *desc_first,
            }
        })
        .collect()
}

/// The area of the picture the filters narrow the table to, in words, and
/// the link to the whole picture with the other filters.
fn area_words(q: &PageQuery, cur: &str, t: Tr) -> Option<(String, String)> {
    if !q.filter.has_area() {
        return None;
    }
    let f = q.filter.filter().map(|f| f.area).unwrap_or_default();
    let share = format!("{} – {}", t.pct(f.share_min.or(Some(0.0))), t.pct(f.share_max.or(Some(1.0))));
    let growth = match f.growth_max {
        Some(m) => format!("{} – {}", t.money(f.growth_min.or(Some(0.0)), cur), t.money(Some(m), cur)),
        None => format!("≥ {}", t.money(f.growth_min.or(Some(0.0)), cur)),
    };
    let back = q.filter.without_area().query();
    Some((
        t.s2("portfolio-area", "share", share, "growth", growth),
        if back.is_empty() { "/portfolio".into() } else { format!("/portfolio?{back}") },
    ))
}

fn page(chrome: Chrome, p: &Portfolio, choices: PortfolioChoices, q: &PageQuery, asked: Option<usize>, t: Tr) -> PortfolioPage {
    let cur = &p.currency;
    let sel = selected(q);
    let page_no = page_index(p, asked, sel);
    let start = (page_no - 1) * PAGE_ROWS;
    let rows = p.entries.iter().skip(start).take(PAGE_ROWS).map(|e| row(e, cur, sel, t)).collect();
    let filter_query = q.filter.query();
    let with_filters = |href: String| if filter_query.is_empty() { href } else { format!("{href}&{filter_query}") };
    let order = Order::parse(&q.sort, &q.dir).unwrap_or(Order { key: "growth", descending: true });
    let total = p.entries.len();
    let pages = total.div_ceil(PAGE_ROWS).max(1);
    let dir = if order.descending { "desc" } else { "asc" };
    let page_href = |n: usize| format!("{}#table", with_filters(format!("/portfolio?sort={}&dir={dir}&page={n}", order.key)));
    let pager = (pages > 1).then(|| Pager {
        showing: t.s3("listing-showing", "from", start + 1, "to", (start + PAGE_ROWS).min(total), "total", total),
        label: t.s2("listing-page", "page", page_no, "pages", pages),
        prev: (page_no > 1).then(|| page_href(page_no - 1)),
        next: (page_no < pages).then(|| page_href(page_no + 1)),
    });
    let by_id: HashMap<AccountId, &Entry> = p.entries.iter().map(|e| (e.account.id, e)).collect();
    let lines = &p.lines.lines;
    let (share, growth) = (t.pct(Some(lines.share)), t.money(Some(lines.growth), cur));
    let marked = |ids: &[AccountId], note: &dyn Fn(&Entry) -> String| -> Vec<Marked> {
        ids.iter()
            .take(MISSING_SHOWN)
            .filter_map(|id| by_id.get(id))
            .map(|e| Marked { id: e.account.id.get(), name: e.account.name.clone(), note: note(e) })
            .collect()
    };
    PortfolioPage {
        svg: portfolio_svg(p, sel, &q.filter.without_area().query(), t),
        kams: choices.kams.iter().map(|(id, name)| Opt::new(id, name)).collect(),
        regions: choices.regions,
        industries: choices.industries,
        states: PlanState::ALL.iter().map(|s| Opt::new(s.as_str(), t.enum_label("portfolio-state", s.as_str()))).collect(),
        filtered: !filter_query.is_empty(),
        area: area_words(q, cur, t),
        placed: total,
        lines: t.s2(&format!("portfolio-lines-{}", p.lines.source()), "share", share, "growth", growth),
        quadrants: Quadrant::ALL
            .iter()
            .zip(p.quadrant_counts())
            .map(|(qd, count)| QuadrantView {
                code: qd.as_str(),
                name: t.enum_label("portfolio-quadrant", qd.as_str()),
                policy: t.enum_label("portfolio-policy", qd.as_str()),
                count,
            })
            .collect(),
        columns: columns(order, &with_filters, t),
        rows,
        pager,
        candidates: marked(&p.candidates, &|e| t.s1("portfolio-tip-growth", "value", t.money(Some(e.point.growth), cur))),
        reconsider: marked(&p.reconsider, &|e| {
            e.reconsider.iter().map(|r| t.enum_label("portfolio-reason", reason_code(*r))).collect::<Vec<_>>().join(", ")
        }),
        missing: p
            .missing
            .iter()
            .take(MISSING_SHOWN)
            .map(|u| Lacking {
                id: u.account.id.get(),
                name: u.account.name.clone(),
                kam: u.account.owner_name.clone().unwrap_or_default(),
                lacks: t.s1(
                    "portfolio-missing-lacks",
                    "what",
                    u.missing.iter().map(|m| t.enum_label("portfolio-missing", m.as_str())).collect::<Vec<_>>().join(", "),
                ),
            })
            .collect(),
        missing_total: p.missing.len(),
        missing_more: p.missing.len().saturating_sub(MISSING_SHOWN),
        threshold: t.pct(Some(p.share_of_wallet_threshold)),
        candidate_count: keyplan_app::portfolio::CANDIDATES,
        query: if filter_query.is_empty() { String::new() } else { format!("?{filter_query}") },
        filter: q.filter.without_area(),
        chrome,
    }
}
