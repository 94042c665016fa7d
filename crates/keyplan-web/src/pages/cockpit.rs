//! The sales manager's cockpit (`/cockpit`): the organisation's totals and
//! their trend, one row per KAM with the plans they hold against the limit,
//! what needs attention, and the exceptions to the limits; every figure links
//! to the items behind it (`/cockpit/items`). `/cockpit.xlsx` is the same as a
//! workbook. Who sees which rows is decided by `keyplan_app::cockpit`.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::cockpit::{self as svc, Cockpit, Filters, What};
use keyplan_domain::cockpit::{Direction, Figure, ReviewState};
use keyplan_domain::{Message, UserId};
use keyplan_i18n::Tr;
use serde::Deserialize;

use super::{Chrome, render};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::views::{CoachMarkView, Opt};
use crate::{AppError, AppState};

/// The page's parameters: the filters, and for the items the KAM and the figure.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CockpitQuery {
    #[serde(flatten)]
    pub filters: Filters,
    pub kam: String,
    pub what: String,
}

impl CockpitQuery {
    /// The KAM asked for (`kam=ID`), if any.
    pub fn kam(&self) -> Result<Option<UserId>, AppError> {
        match self.kam.trim() {
            "" => Ok(None),
            s => s
                .parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .map(|n| Some(UserId::new(n)))
                .ok_or_else(|| AppError::field("kam", Message::new("cockpit-err-kam"))),
        }
    }
    pub fn what(&self) -> Result<What, AppError> {
        What::parse(&self.what).ok_or_else(|| AppError::field("what", Message::new("cockpit-err-what")))
    }
}

/// `region=…&industry=…&team=…` of the filters set (empty when none).
pub fn filter_query(f: &Filters) -> String {
    let pairs: Vec<(&str, &str)> = [("region", &f.region), ("industry", &f.industry), ("team", &f.team)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.as_str()))
        .collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The link to the items behind a figure.
pub fn items_href(f: &Filters, kam: Option<UserId>, what: What) -> String {
    let mut q = match kam {
        Some(k) => format!("kam={}&what={}", k.get(), what.as_str()),
        None => format!("what={}", what.as_str()),
    };
    let filters = filter_query(f);
    if !filters.is_empty() {
        q.push('&');
        q.push_str(&filters);
    }
    format!("/cockpit/items?{q}")
}

pub struct FigureView {
    pub name: &'static str,
    pub label: String,
    pub now: String,
    /// "was 5" or "no comparison yet".
    pub then: String,
    /// "+2", "−3", "±0" or empty.
    pub change: String,
    pub direction: &'static str,
    pub href: Option<String>,
}

/// A count that links to its items.
pub struct Count {
    pub n: i64,
    pub href: String,
}

pub struct PlanView {
    pub id: i64,
    pub title: String,
    pub account_id: i64,
    pub account_name: String,
    pub status: &'static str,
    pub status_label: String,
    pub counts: bool,
    pub mark: Option<CoachMarkView>,
    pub review: &'static str,
    pub review_label: String,
    pub next_review: String,
}

pub struct KamView {
    pub id: i64,
    pub name: String,
    pub team: String,
    pub active: Count,
    pub limit: u32,
    pub over_limit: bool,
    pub plans: Vec<PlanView>,
    pub overdue_commitments: Count,
    pub unaccepted_commitments: Count,
    pub blocked_obstacles: Count,
    pub overdue_reviews: Count,
    pub stale_reviews: Count,
    pub goal: String,
    pub goal_pct: u8,
    pub has_goal: bool,
}

pub struct AttentionView {
    pub kind: &'static str,
    pub kind_label: String,
    pub urgency: u8,
    pub title: String,
    pub href: String,
    pub plan_id: i64,
    pub plan_title: String,
    pub account_id: i64,
    pub account_name: String,
    pub owner: String,
    pub since: String,
    pub days: String,
}

pub struct ExceptionView {
    pub plan_id: i64,
    pub plan_title: String,
    pub account_name: String,
    pub kam: String,
    pub limits: String,
    pub reason: String,
    pub by: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "cockpit.html")]
struct CockpitPage {
    chrome: Chrome,
    as_of: String,
    limit: u32,
    compared_with: String,
    figures: Vec<FigureView>,
    kams: Vec<KamView>,
    attention: Vec<AttentionView>,
    attention_more: usize,
    exceptions: Vec<ExceptionView>,
    regions: Vec<Opt>,
    industries: Vec<Opt>,
    teams: Vec<Opt>,
    filters: Filters,
    filtered: bool,
    export_href: String,
}

/// How many items the page lists under "needs attention" (the API and the export list all).
const ATTENTION_SHOWN: usize = 30;

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<CockpitQuery>,
) -> Result<Response, PageError> {
    let c = svc::cockpit(&state.store, &auth, &q.filters).await?;
    let chrome = Chrome::new(&auth, "cockpit", &headers);
    let t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let opts = |list: &[String]| list.iter().map(|v| Opt::new(v, v.clone())).collect::<Vec<_>>();
    let attention = attention_views(t, &c);
    let attention_more = attention.len().saturating_sub(ATTENTION_SHOWN);
    let query = filter_query(&c.filters);
    let page = CockpitPage {
        as_of: t.date(c.as_of),
        limit: c.limit,
        compared_with: c.compared_with.map(|d| t.date(d)).unwrap_or_default(),
        figures: figure_views(t, &c),
        kams: kam_views(t, &c),
        attention: attention.into_iter().take(ATTENTION_SHOWN).collect(),
        attention_more,
        exceptions: exception_views(t, &c),
        regions: opts(&c.choices.regions),
        industries: opts(&c.choices.industries),
        teams: opts(&c.choices.teams),
        filtered: !c.filters.is_empty(),
        export_href: if query.is_empty() { "/cockpit.xlsx".into() } else { format!("/cockpit.xlsx?{query}") },
        filters: c.filters,
        chrome,
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}

fn figure_link(f: Figure) -> Option<What> {
    match f {
        Figure::ActivePlans => Some(What::ActivePlans),
        Figure::OverdueCommitments => Some(What::OverdueCommitments),
        Figure::UnacceptedCommitments => Some(What::UnacceptedCommitments),
        Figure::BlockedObstacles => Some(What::BlockedObstacles),
        Figure::OverdueReviews => Some(What::OverdueReviews),
        Figure::StaleReviews => Some(What::StaleReviews),
        Figure::GoalProgress | Figure::Kams | Figure::KamsOverLimit => None,
    }
}

/// A figure's value as shown: a count, or a share for the goal progress.
pub fn figure_value(t: Tr, f: Figure, v: Option<f64>) -> String {
    match f {
        Figure::GoalProgress => t.pct(v),
        _ => v.map(|n| t.num(n)).unwrap_or_else(|| "—".into()),
    }
}

fn figure_views(t: Tr, c: &Cockpit) -> Vec<FigureView> {
    c.totals
        .iter()
        .map(|tr| {
            let change = match tr.change() {
                None => String::new(),
                Some(d) if d.abs() < 1e-9 => "±0".into(),
                Some(d) if tr.figure == Figure::GoalProgress => format!("{}{}", if d > 0.0 { "+" } else { "−" }, t.pct(Some(d.abs()))),
                Some(d) => format!("{}{}", if d > 0.0 { "+" } else { "−" }, t.num(d.abs())),
            };
            let then = match (tr.ninety_days_ago, c.compared_with) {
                (Some(v), _) => t.s1("cockpit-was", "value", figure_value(t, tr.figure, Some(v))),
                (None, Some(_)) => String::new(),
                (None, None) => t.s("cockpit-no-comparison"),
            };
            FigureView {
                name: tr.figure.as_str(),
                label: t.enum_label("cockpit-fig", tr.figure.as_str()),
                now: figure_value(t, tr.figure, tr.now),
                then,
                change,
                direction: match tr.direction() {
                    Direction::Better => "better",
                    Direction::Worse => "worse",
                    Direction::Same => "same",
                    Direction::Neutral => "neutral",
                },
                href: figure_link(tr.figure).map(|w| items_href(&c.filters, None, w)),
            }
        })
        .collect()
}

fn kam_views(t: Tr, c: &Cockpit) -> Vec<KamView> {
    c.kams
        .iter()
        .map(|r| {
            let count = |n: i64, w: What| Count { n, href: items_href(&c.filters, Some(r.id), w) };
            KamView {
                id: r.id.get(),
                name: r.name.clone(),
                team: r.team.clone().unwrap_or_default(),
                active: count(r.active_plans, What::ActivePlans),
                limit: r.limit,
                over_limit: r.over_limit,
                plans: r
                    .plans
                    .iter()
                    .map(|p| PlanView {
                        id: p.id.get(),
                        title: p.title.clone(),
                        account_id: p.account_id.get(),
                        account_name: p.account_name.clone(),
                        status: p.status.as_str(),
                        status_label: t.enum_label("plan-status", p.status.as_str()),
                        counts: p.counts,
                        mark: CoachMarkView::new(t, p.coach_score, p.coach_level, p.coach_blockers),
                        review: p.review.as_str(),
                        review_label: t.enum_label("cockpit-review", p.review.as_str()),
                        next_review: if p.review == ReviewState::None && p.next_review < c.as_of {
                            String::new()
                        } else {
                            t.date(p.next_review)
                        },
                    })
                    .collect(),
                overdue_commitments: count(r.overdue_commitments, What::OverdueCommitments),
                unaccepted_commitments: count(r.unaccepted_commitments, What::UnacceptedCommitments),
                blocked_obstacles: count(r.blocked_obstacles, What::BlockedObstacles),
                overdue_reviews: count(r.overdue_reviews, What::OverdueReviews),
                stale_reviews: count(r.stale_reviews, What::StaleReviews),
                goal: t.pct(r.goal_progress),
                goal_pct: r.goal_progress.map(|g| (g * 100.0).round().clamp(0.0, 100.0) as u8).unwrap_or(0),
                has_goal: r.goal_progress.is_some(),
            }
        })
        .collect()
}

pub fn attention_views(t: Tr, c: &Cockpit) -> Vec<AttentionView> {
    c.needs_attention
        .iter()
        .map(|a| AttentionView {
            kind: a.kind.as_str(),
            kind_label: t.enum_label("cockpit-kind", a.kind.as_str()),
            urgency: a.kind.urgency(),
            title: a.item_title.clone(),
            href: a.href.clone(),
            plan_id: a.plan_id.get(),
            plan_title: a.plan_title.clone(),
            account_id: a.account_id.get(),
            account_name: a.account_name.clone(),
            owner: a.owner_name.clone().unwrap_or_default(),
            since: t.date(a.since),
            days: t.s1("cockpit-days", "count", a.days),
        })
        .collect()
}

fn exception_views(t: Tr, c: &Cockpit) -> Vec<ExceptionView> {
    c.limit_exceptions
        .iter()
        .map(|e| ExceptionView {
            plan_id: e.plan_id.get(),
            plan_title: e.plan_title.clone(),
            account_name: e.account_name.clone(),
            kam: e.kam_name.clone().unwrap_or_default(),
            limits: e.limits.split(',').map(|l| t.enum_label("cockpit-limit", l.trim())).collect::<Vec<_>>().join(", "),
            reason: e.reason.clone(),
            by: e.allowed_by_name.clone().unwrap_or_default(),
            when: t.date(e.allowed_at.date()),
        })
        .collect()
}

pub struct ItemView {
    pub title: String,
    pub href: String,
    pub plan_id: i64,
    pub plan_title: String,
    pub account_name: String,
    pub owner: String,
    pub date: String,
    pub days: String,
    pub badge: String,
    pub badge_class: String,
}

#[derive(Template)]
#[template(path = "cockpit_items.html")]
struct ItemsPage {
    chrome: Chrome,
    heading: String,
    who: String,
    date_label: String,
    items: Vec<ItemView>,
    back: String,
}

pub async fn items(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<CockpitQuery>,
) -> Result<Response, PageError> {
    let (kam, what) = (q.kam()?, q.what()?);
    let c = svc::cockpit(&state.store, &auth, &q.filters).await?;
    let lines = svc::items(&c, kam, what)?;
    let chrome = Chrome::new(&auth, "cockpit", &headers);
    let t = chrome.t;
    let who = match kam.and_then(|k| c.kams.iter().find(|r| r.id == k)) {
        Some(r) => r.name.clone(),
        None => t.s("cockpit-everyone"),
    };
    let query = filter_query(&c.filters);
    let page = ItemsPage {
        heading: t.enum_label("cockpit-what", what.as_str()),
        who,
        date_label: t.enum_label("cockpit-date", what.as_str()),
        items: lines
            .into_iter()
            .map(|l| {
                let (badge, badge_class) = match (l.review, l.status) {
                    (Some(r), _) if matches!(what, What::OverdueReviews | What::StaleReviews) => {
                        (t.enum_label("cockpit-review", r.as_str()), format!("review-{}", r.as_str()))
                    }
                    (_, Some(s)) => (t.enum_label("plan-status", s.as_str()), format!("status-{}", s.as_str())),
                    _ => (String::new(), String::new()),
                };
                ItemView {
                    title: l.title,
                    href: l.href,
                    plan_id: l.plan_id.get(),
                    plan_title: l.plan_title,
                    account_name: l.account_name,
                    owner: l.owner_name.unwrap_or_default(),
                    date: t.opt_date(l.date),
                    days: l.days.map(|d| t.s1("cockpit-days", "count", d)).unwrap_or_default(),
                    badge,
                    badge_class,
                }
            })
            .collect(),
        back: if query.is_empty() { "/cockpit".into() } else { format!("/cockpit?{query}") },
        chrome,
    };
    Ok(render(StatusCode::OK, &page, false))
}

/// `/cockpit.xlsx`: the rows per KAM and the attention list as a workbook, with the filters.
pub async fn export(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<CockpitQuery>,
) -> Result<Response, PageError> {
    let c = svc::cockpit(&state.store, &auth, &q.filters).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let bytes = keyplan_export::xlsx::cockpit::workbook(&c, t).map_err(|e| AppError::Internal(anyhow::anyhow!("cockpit workbook: {e}")))?;
    Ok(crate::download(keyplan_export::ExportFile {
        bytes,
        content_type: keyplan_export::xlsx::CONTENT_TYPE,
        file_name: format!("cockpit-{}.xlsx", c.as_of),
    }))
}
