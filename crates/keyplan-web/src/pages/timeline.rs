//! The plan's 12-month timeline on a page of its own, full width.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::PlanId;

use super::{Chrome, render};
use crate::AppState;
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::Id;

#[derive(Template)]
#[template(path = "plan_timeline.html")]
struct TimelinePage {
    chrome: Chrome,
    id: i64,
    title: String,
    account_id: i64,
    account_name: String,
    period: String,
    rows: usize,
    overdue: usize,
    svg: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
) -> Result<Response, PageError> {
    let b = keyplan_app::bundle::plan_bundle(&state.store, &auth, id, crate::lang::current()).await?;
    let chrome = Chrome::new(&auth, "accounts", &headers);
    let t = chrome.t;
    let picture = keyplan_export::timeline_svg::plan_timeline_in(&b, keyplan_app::today(), t);
    let had_flash = chrome.flash.is_some();
    let page = TimelinePage {
        chrome,
        id: b.plan.id.get(),
        title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        period: format!("{} – {}", t.date(b.plan.period_start), t.date(b.plan.period_end)),
        rows: picture.rows,
        overdue: picture.overdue,
        svg: picture.svg,
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}
