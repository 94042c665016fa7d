//! Comparing any two versions of a plan: snapshots taken when reviews were held,
//! or the plan as it is now.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::PlanId;
use serde::Deserialize;

use super::reviews::{ChangeGroup, grouped, snapshot_label};
use super::{Chrome, render};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::Id;
use crate::views::Opt;
use crate::{AppError, AppState};
use keyplan_app::snapshots::Version;

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage {
    chrome: Chrome,
    plan_id: i64,
    plan_title: String,
    account_id: i64,
    account_name: String,
    from: String,
    to: String,
    versions: Vec<Opt>,
    change_count: usize,
    groups: Vec<ChangeGroup>,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    from: Option<String>,
    to: Option<String>,
}

pub async fn compare(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Query(q): Query<CompareQuery>,
) -> Result<Response, PageError> {
    let plan = id;
    let (p, snaps) = tokio::try_join!(async { state.store.plan(auth.org(), plan).await.map_err(AppError::from) }, async {
        state.store.snapshots(auth.org(), plan).await.map_err(AppError::from)
    })?;
    let account = state.store.account(auth.org(), p.account_id).await?;
    // By default: the latest snapshot against the plan as it is now.
    let default_from = snaps.last().map(|s| Version::Snapshot(s.id)).unwrap_or(Version::Current);
    let parse = |raw: Option<&str>, default: Version| match raw {
        None | Some("") => Ok(default),
        Some(r) => Version::parse(r).ok_or(AppError::NotFound),
    };
    let from = parse(q.from.as_deref(), default_from)?;
    let to = parse(q.to.as_deref(), Version::Current)?;
    let changes = keyplan_app::reviews::diff(&state.store, auth.org(), plan, from, to).await?;
    let chrome = Chrome::new(&auth, "accounts", &headers);
    let t = chrome.t;
    let mut versions: Vec<Opt> = snaps
        .iter()
        .map(|s| Opt::new(s.id, t.s2("compare-version", "label", snapshot_label(&s.label, t), "date", t.date(s.taken_at.date()))))
        .collect();
    versions.push(Opt::new("current", t.s("compare-current")));
    let had_flash = chrome.flash.is_some();
    let page = ComparePage {
        chrome,
        plan_id: p.id.get(),
        plan_title: p.title.clone(),
        account_id: account.id.get(),
        account_name: account.name.clone(),
        from: from.as_param(),
        to: to.as_param(),
        versions,
        change_count: changes.len(),
        groups: grouped(&changes, t),
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}
