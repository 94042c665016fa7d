//! The account portfolio page (`/portfolio`): the picture inline, filters as
//! a GET form, the quadrants with their policies, the candidates and the plans
//! to reconsider, a table sorted by query parameter, and the accounts lacking
//! figures; and its downloads `/portfolio.svg`, `/portfolio.pdf` and
//! `/portfolio.xlsx`, which honour the same filters.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::portfolio::{Entry, FilterInput, Portfolio};
use keyplan_domain::AccountId;
use keyplan_domain::portfolio::{PlanState, Quadrant};
use keyplan_export::ExportFile;
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

/// The page's parameters: the filters, the table's order and the account the
/// picture names and rings.
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
}

/// The columns the table sorts by, with whether they start descending.
const SORTS: [(&str, bool); 8] = [
    ("name", false),
    ("kam", false),
    ("revenue", true),
    ("share", true),
    ("growth", true),
    ("potential", true),
    ("quadrant", false),
    ("state", false),
];

/// Sorts `entries` by `key` (`growth` when empty), descending when `desc`
/// (else the column's own direction); ties by name.
pub fn sort_entries(entries: &mut [Entry], key: &str, dir: &str) -> Result<(), AppError> {
    let key = if key.trim().is_empty() { "growth" } else { key.trim() };
    let Some((_, desc_first)) = SORTS.iter().find(|(k, _)| *k == key) else {
        return Err(AppError::field("sort", keyplan_domain::Message::new("portfolio-err-sort")));
    };
    let desc = match dir.trim() {
        "asc" => false,
        "desc" => true,
        _ => *desc_first,
    };
    let quadrant = |q: Quadrant| Quadrant::ALL.iter().position(|x| *x == q).unwrap_or(0);
    let name = |e: &Entry| e.account.name.to_lowercase();
    entries.sort_by(|a, b| {
        let order = match key {
            "name" => name(a).cmp(&name(b)),
            "kam" => a
                .account
                .owner_name
                .as_deref()
                .unwrap_or("")
                .to_lowercase()
                .cmp(&b.account.owner_name.as_deref().unwrap_or("").to_lowercase()),
            "revenue" => a.point.revenue.total_cmp(&b.point.revenue),
            "share" => a.point.share.total_cmp(&b.point.share),
            "potential" => a.account.potential.unwrap_or(0.0).total_cmp(&b.account.potential.unwrap_or(0.0)),
            "quadrant" => quadrant(a.quadrant).cmp(&quadrant(b.quadrant)),
            "state" => a.account.plan_state.cmp(&b.account.plan_state),
            _ => a.point.growth.total_cmp(&b.point.growth),
        };
        (if desc { order.reverse() } else { order }).then_with(|| name(a).cmp(&name(b))).then(a.account.id.cmp(&b.account.id))
    });
    Ok(())
}

/// The portfolio the parameters ask for, sorted.
async fn load(state: &AppState, auth: &Auth, q: &PageQuery) -> Result<Portfolio, PageError> {
    let filter = q.filter.filter()?;
    let mut p = keyplan_app::portfolio::portfolio(&state.store, auth, &filter, keyplan_app::today()).await?;
    sort_entries(&mut p.entries, &q.sort, &q.dir)?;
    Ok(p)
}

/// The portfolio and the filters' choices, side by side.
async fn load_with_choices(
    state: &AppState,
    auth: &Auth,
    q: &PageQuery,
) -> Result<(Portfolio, keyplan_store::PortfolioChoices), PageError> {
    tokio::try_join!(load(state, auth, q), async { Ok::<_, PageError>(state.store.portfolio_choices(auth.org()).await?) })
}

fn selected(q: &PageQuery) -> Option<AccountId> {
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
    lines: String,
    quadrants: Vec<QuadrantView>,
    columns: Vec<Column>,
    rows: Vec<Row>,
    candidates: Vec<Marked>,
    reconsider: Vec<Marked>,
    missing: Vec<Lacking>,
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
    let (p, choices) = load_with_choices(&state, &auth, &q).await?;
    let chrome = Chrome::new(&auth, "portfolio", &headers);
    let t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let page = page(chrome, &p, choices, &q, t);
    Ok(render(StatusCode::OK, &page, had_flash))
}

fn page(chrome: Chrome, p: &Portfolio, choices: PortfolioChoices, q: &PageQuery, t: Tr) -> PortfolioPage {
    let cur = &p.currency;
    let sel = selected(q);
    let rows = p
        .entries
        .iter()
        .map(|e| {
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
        })
        .collect();
    let filter_query = q.filter.query();
    let sort_key = if q.sort.trim().is_empty() { "growth" } else { q.sort.trim() };
    let columns = SORTS
        .iter()
        .map(|(key, desc_first)| {
            let current = *key == sort_key;
            let desc_now = match q.dir.trim() {
                "asc" => false,
                "desc" => true,
                _ => *desc_first,
            };
            let next = if current {
                if desc_now { "asc" } else { "desc" }
            } else if *desc_first {
                "desc"
            } else {
                "asc"
            };
            let mut href = format!("/portfolio?sort={key}&dir={next}");
            if !filter_query.is_empty() {
                href = format!("{href}&{filter_query}");
            }
            Column {
                label: t.s(&format!("portfolio-col-{key}")),
                href: format!("{href}#table"),
                sorted: if !current {
                    "none"
                } else if desc_now {
                    "descending"
                } else {
                    "ascending"
                },
                num: *desc_first,
            }
        })
        .collect();
    let name_of = |id: &AccountId| p.entry(*id).map(|e| e.account.name.clone()).unwrap_or_default();
    let lines = &p.lines.lines;
    let (share, growth) = (t.pct(Some(lines.share)), t.money(Some(lines.growth), cur));
    PortfolioPage {
        svg: portfolio_svg(p, sel, t),
        kams: choices.kams.iter().map(|(id, name)| Opt::new(id, name)).collect(),
        regions: choices.regions,
        industries: choices.industries,
        states: PlanState::ALL.iter().map(|s| Opt::new(s.as_str(), t.enum_label("portfolio-state", s.as_str()))).collect(),
        filtered: !filter_query.is_empty(),
        lines: t.s2(&format!("portfolio-lines-{}", p.lines.source()), "share", share, "growth", growth),
        quadrants: Quadrant::ALL
            .iter()
            .map(|qd| QuadrantView {
                code: qd.as_str(),
                name: t.enum_label("portfolio-quadrant", qd.as_str()),
                policy: t.enum_label("portfolio-policy", qd.as_str()),
                count: p.entries.iter().filter(|e| e.quadrant == *qd).count(),
            })
            .collect(),
        columns,
        rows,
        candidates: p
            .candidates
            .iter()
            .map(|id| Marked {
                id: id.get(),
                name: name_of(id),
                note: p.entry(*id).map(|e| t.s1("portfolio-tip-growth", "value", t.money(Some(e.point.growth), cur))).unwrap_or_default(),
            })
            .collect(),
        reconsider: p
            .reconsider
            .iter()
            .map(|id| Marked {
                id: id.get(),
                name: name_of(id),
                note: p
                    .entry(*id)
                    .map(|e| e.reconsider.iter().map(|r| t.enum_label("portfolio-reason", reason_code(*r))).collect::<Vec<_>>().join(", "))
                    .unwrap_or_default(),
            })
            .collect(),
        missing: p
            .missing
            .iter()
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
        threshold: t.pct(Some(p.share_of_wallet_threshold)),
        candidate_count: keyplan_app::portfolio::CANDIDATES,
        query: if filter_query.is_empty() { String::new() } else { format!("?{filter_query}") },
        filter: q.filter.clone(),
        chrome,
    }
}

/// What the filters show, in words, for a download's head.
fn filter_words(p: &PageQuery, choices: Option<&PortfolioChoices>, t: Tr) -> String {
    let f = &p.filter;
    let mut parts = Vec::new();
    if !f.kam.trim().is_empty() {
        let name = choices.and_then(|c| c.kams.iter().find(|(id, _)| id.to_string() == f.kam.trim()).map(|(_, n)| n.clone()));
        parts.push(format!("{} {}", t.s("portfolio-filter-kam"), name.unwrap_or_else(|| f.kam.trim().to_string())));
    }
    for (id, v) in [("portfolio-filter-region", &f.region), ("portfolio-filter-industry", &f.industry)] {
        if !v.trim().is_empty() {
            parts.push(format!("{} {}", t.s(id), v.trim()));
        }
    }
    if let Some(s) = PlanState::parse(&f.state) {
        parts.push(t.enum_label("portfolio-state", s.as_str()));
    }
    if parts.is_empty() { t.s("portfolio-filter-all") } else { parts.join(" · ") }
}

fn file(bytes: Vec<u8>, content_type: &'static str, ext: &str) -> Response {
    crate::download(ExportFile { bytes, content_type, file_name: format!("portfolio.{ext}") })
}

/// `/portfolio.svg`: the picture.
pub async fn svg(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let p = load(&state, &auth, &q).await?;
    let t = crate::lang::for_user(&auth, &headers);
    Ok(file(portfolio_svg(&p, selected(&q), t).into_bytes(), "image/svg+xml", "svg"))
}

/// `/portfolio.xlsx`: the table, and the accounts lacking figures.
pub async fn xlsx(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let (p, choices) = load_with_choices(&state, &auth, &q).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let bytes = keyplan_export::xlsx::portfolio_workbook(&p, &filter_words(&q, Some(&choices), t), t)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("portfolio workbook: {e}")))?;
    Ok(file(bytes, keyplan_export::xlsx::CONTENT_TYPE, "xlsx"))
}

/// `/portfolio.pdf`: the picture on a landscape page.
pub async fn pdf(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let (p, choices) = load_with_choices(&state, &auth, &q).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let (org, filters, today) = (auth.user.org_name.clone(), filter_words(&q, Some(&choices), t), keyplan_app::today());
    let bytes = tokio::task::spawn_blocking(move || keyplan_export::portfolio_pdf::portfolio_pdf(&p, &org, &filters, today, t))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("portfolio PDF: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("portfolio PDF: {e}")))?;
    Ok(file(bytes, "application/pdf", "pdf"))
}
