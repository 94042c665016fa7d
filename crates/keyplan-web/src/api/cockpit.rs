//! The sales manager's cockpit as JSON: `GET /cockpit` (the same figures as the
//! page, with the filters `region`, `industry` and `team`) and `GET
//! /cockpit/items` (the items behind one figure). Managers and administrators
//! see every KAM, a KAM their own row and their team's; members and viewers
//! get 403.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Query, State};
use keyplan_app::cockpit::{self as svc, Cockpit};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::ApiUser;
use crate::pages::cockpit::{CockpitQuery, items_href};
use crate::{ApiError, AppState};

#[derive(Deserialize, IntoParams)]
#[allow(dead_code)] // documents the query the handlers read as a `CockpitQuery`
pub struct CockpitParams {
    /// Only accounts in this region (exact; empty for all).
    pub region: Option<String>,
    /// Only accounts of this industry (exact; empty for all).
    pub industry: Option<String>,
    /// Only KAMs of this team (ignoring case; empty for all).
    pub team: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[allow(dead_code)] // documents the query the handler reads as a `CockpitQuery`
pub struct ItemsParams {
    /// The KAM whose items to list; left out: every KAM the caller sees.
    pub kam: Option<i64>,
    /// `plans`, `active_plans`, `overdue_commitments`, `unaccepted_commitments`, `overdue_reviews`, `stale_reviews` or `blocked_obstacles`.
    pub what: String,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub team: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RefDto {
    pub id: i64,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct ItemRefDto {
    pub id: i64,
    pub title: String,
}

#[derive(Serialize, ToSchema)]
pub struct TotalDto {
    pub now: Option<f64>,
    /// The organisation's kept totals nearest to (on or before) 90 days ago;
    /// null when there are none yet, or when the caller does not see the whole
    /// organisation unfiltered.
    pub ninety_days_ago: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct CockpitPlanDto {
    pub id: i64,
    pub title: String,
    pub account: RefDto,
    /// `draft`, `active`, `in_review` or `approved` (archived plans are left out).
    pub status: String,
    /// Whether it counts against the limit.
    pub counts: bool,
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    /// `ok`, `stale`, `overdue` or `none`.
    pub review: String,
    pub next_review: time::Date,
    /// 0 to 1.
    pub goal_progress: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct KamDto {
    pub id: i64,
    pub name: String,
    pub team: Option<String>,
    pub active_plans: i64,
    pub limit: u32,
    pub over_limit: bool,
    pub plans: Vec<CockpitPlanDto>,
    pub overdue_commitments: i64,
    pub unaccepted_commitments: i64,
    pub blocked_obstacles: i64,
    pub overdue_reviews: i64,
    pub stale_reviews: i64,
    /// 0 to 1: the mean of the plans' goal progress.
    pub goal_progress: Option<f64>,
    /// Links to the items behind each figure of the row, by figure.
    pub links: BTreeMap<String, String>,
}

#[derive(Serialize, ToSchema)]
pub struct AttentionDto {
    /// `overdue_review`, `blocked_obstacle`, `overdue_commitment` or `unaccepted_commitment`.
    pub kind: String,
    /// 1 (most urgent) to 4, by kind; the list is ordered by it, then oldest first.
    pub urgency: u8,
    pub plan: ItemRefDto,
    pub account: RefDto,
    /// The commitment or obstacle; for a review, the plan.
    pub item: ItemRefDto,
    pub owner: Option<RefDto>,
    pub since: time::Date,
    pub days: i64,
    pub href: String,
}

#[derive(Serialize, ToSchema)]
pub struct CockpitDto {
    pub as_of: time::Date,
    /// Active plans one KAM may hold.
    pub limit: u32,
    pub filters: BTreeMap<String, String>,
    /// The day of the kept totals compared with; null: no comparison.
    pub compared_with: Option<time::Date>,
    /// Every figure (snake_case) now and 90 days ago.
    pub totals: BTreeMap<String, TotalDto>,
    pub kams: Vec<KamDto>,
    pub needs_attention: Vec<AttentionDto>,
    #[schema(value_type = Vec<Object>)]
    pub limit_exceptions: Vec<keyplan_store::LimitException>,
}

fn to_dto(c: Cockpit) -> CockpitDto {
    let filters = [("region", &c.filters.region), ("industry", &c.filters.industry), ("team", &c.filters.team)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let totals =
        c.totals.iter().map(|t| (t.figure.as_str().to_string(), TotalDto { now: t.now, ninety_days_ago: t.ninety_days_ago })).collect();
    let kams = c
        .kams
        .iter()
        .map(|r| KamDto {
            id: r.id.get(),
            name: r.name.clone(),
            team: r.team.clone(),
            active_plans: r.active_plans,
            limit: r.limit,
            over_limit: r.over_limit,
            plans: r
                .plans
                .iter()
                .map(|p| CockpitPlanDto {
                    id: p.id.get(),
                    title: p.title.clone(),
                    account: RefDto { id: p.account_id.get(), name: p.account_name.clone() },
                    status: p.status.as_str().into(),
                    counts: p.counts,
                    coach_score: p.coach_score,
                    coach_level: p.coach_level,
                    review: p.review.as_str().into(),
                    next_review: p.next_review,
                    goal_progress: p.goal_progress,
                })
                .collect(),
            overdue_commitments: r.overdue_commitments,
            unaccepted_commitments: r.unaccepted_commitments,
            blocked_obstacles: r.blocked_obstacles,
            overdue_reviews: r.overdue_reviews,
            stale_reviews: r.stale_reviews,
            goal_progress: r.goal_progress,
            links: svc::What::ALL.iter().map(|w| (w.as_str().to_string(), items_href(&c.filters, Some(r.id), *w))).collect(),
        })
        .collect();
    let needs_attention = c
        .needs_attention
        .iter()
        .map(|a| AttentionDto {
            kind: a.kind.as_str().into(),
            urgency: a.kind.urgency(),
            plan: ItemRefDto { id: a.plan_id.get(), title: a.plan_title.clone() },
            account: RefDto { id: a.account_id.get(), name: a.account_name.clone() },
            item: ItemRefDto { id: a.item_id.unwrap_or(a.plan_id.get()), title: a.item_title.clone() },
            owner: a.owner_id.map(|id| RefDto { id: id.get(), name: a.owner_name.clone().unwrap_or_default() }),
            since: a.since,
            days: a.days,
            href: a.href.clone(),
        })
        .collect();
    CockpitDto {
        as_of: c.as_of,
        limit: c.limit,
        filters,
        compared_with: c.compared_with,
        totals,
        kams,
        needs_attention,
        limit_exceptions: c.limit_exceptions,
    }
}

/// The cockpit: one row per KAM the caller sees, the totals and their trend,
/// what needs attention (most urgent first) and the exceptions to the limits.
#[utoipa::path(get, path = "/cockpit", tag = "cockpit", params(CockpitParams),
    responses((status = 200, body = CockpitDto), (status = 403, body = super::dto::ErrorBody)))]
pub async fn get_cockpit(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(q): Query<CockpitQuery>,
) -> Result<Json<CockpitDto>, ApiError> {
    Ok(Json(to_dto(svc::cockpit(&state.store, &auth, &q.filters).await?)))
}

/// The items behind one figure of the cockpit, with links to them.
#[utoipa::path(get, path = "/cockpit/items", tag = "cockpit", params(ItemsParams),
    responses((status = 200, body = [ItemDto]), (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn get_items(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(q): Query<CockpitQuery>,
) -> Result<Json<Vec<ItemDto>>, ApiError> {
    let (kam, what) = (q.kam()?, q.what()?);
    let c = svc::cockpit(&state.store, &auth, &q.filters).await?;
    let items = svc::items(&c, kam, what)?;
    Ok(Json(
        items
            .into_iter()
            .map(|l| ItemDto {
                title: l.title,
                href: l.href,
                plan: ItemRefDto { id: l.plan_id.get(), title: l.plan_title },
                account_name: l.account_name,
                owner_name: l.owner_name,
                date: l.date,
                days: l.days,
                status: l.status.map(|s| s.as_str().to_string()),
                review: l.review.map(|r| r.as_str().to_string()),
            })
            .collect(),
    ))
}

/// One item behind a figure: a plan, commitment or obstacle, with its link.
#[derive(Serialize, ToSchema)]
#[schema(as = CockpitItemDto)]
pub struct ItemDto {
    pub title: String,
    pub href: String,
    pub plan: ItemRefDto,
    pub account_name: String,
    pub owner_name: Option<String>,
    /// Due date, proposed on, blocked since or review due.
    pub date: Option<time::Date>,
    pub days: Option<i64>,
    /// For plans: the plan's status.
    pub status: Option<String>,
    /// For plans: `ok`, `stale`, `overdue` or `none`.
    pub review: Option<String>,
}
