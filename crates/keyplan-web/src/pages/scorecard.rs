//! The KAM scorecard page (`/users/{id}/scorecard?from=&to=`) and its
//! workbook (`/users/{id}/scorecard.xlsx`): the figures of
//! `keyplan_app::scorecard` over a period chosen in a plain GET form, so the
//! page works without JavaScript. A bad date re-renders the page with the
//! message beside the form.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::scorecard as svc;
use keyplan_domain::UserId;
use keyplan_domain::validate::format_date;
use keyplan_i18n::Tr;

use super::{Chrome, render};
use crate::api::scorecard::ScorecardQuery;
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::Id;
use crate::{AppError, AppState};

pub struct FigureView {
    pub label: String,
    pub value: String,
}

pub struct SectionView {
    pub title: String,
    pub figures: Vec<FigureView>,
}

pub struct PlanView {
    pub id: i64,
    pub title: String,
    pub account: String,
    pub quality: String,
    pub progress: String,
}

#[derive(Template)]
#[template(path = "scorecard.html")]
struct ScorecardPage {
    chrome: Chrome,
    user_id: i64,
    name: String,
    from: String,
    to: String,
    error: Option<String>,
    xlsx_href: String,
    sections: Vec<SectionView>,
    plans: Vec<PlanView>,
}

fn value(t: Tr, v: Option<f64>, share: bool) -> String {
    match v {
        None => t.s("scorecard-none"),
        Some(x) if share => format!("{:.0} %", x * 100.0),
        Some(x) if x.fract() == 0.0 => format!("{x:.0}"),
        Some(x) => format!("{x:.1}"),
    }
}

fn sections(s: &svc::Scorecard, t: Tr) -> Vec<SectionView> {
    let mut out: Vec<SectionView> = Vec::new();
    let mut last = "";
    for (section, label, v, share) in keyplan_export::xlsx::figure_rows(s) {
        if section != last {
            out.push(SectionView { title: t.s(section), figures: Vec::new() });
            last = section;
        }
        if let Some(sec) = out.last_mut() {
            sec.figures.push(FigureView { label: t.s(label), value: value(t, v, share) });
        }
    }
    out
}

/// `GET /users/{id}/scorecard?from=&to=`.
pub async fn page(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<UserId>,
    Query(q): Query<ScorecardQuery>,
) -> Result<Response, PageError> {
    let chrome = Chrome::new(&auth, "scorecard", &headers);
    let t = chrome.t;
    let (period, error, status) = match svc::parse_period(q.from.as_deref(), q.to.as_deref()) {
        Ok(p) => (p, None, StatusCode::OK),
        Err(AppError::Validation(errs)) => {
            let message = errs.iter().map(|f| t.msg(&f.message)).collect::<Vec<_>>().join(" ");
            (svc::parse_period(None, None)?, Some(message), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => return Err(e.into()),
    };
    let s = svc::scorecard(&state.store, &auth, id, period.0, period.1).await?;
    let (from, to) = (format_date(s.from), format_date(s.to));
    let plans = s
        .plan_rows
        .iter()
        .map(|p| PlanView {
            id: p.id,
            title: p.title.clone(),
            account: p.account.clone(),
            quality: value(t, p.quality, true),
            progress: value(t, p.goal_progress, true),
        })
        .collect();
    let page = ScorecardPage {
        user_id: s.user_id,
        name: s.name.clone(),
        xlsx_href: format!("/users/{}/scorecard.xlsx?from={from}&to={to}", s.user_id),
        sections: sections(&s, t),
        from,
        to,
        error,
        plans,
        chrome,
    };
    Ok(render(status, &page, false))
}

/// `GET /users/{id}/scorecard.xlsx?from=&to=`.
pub async fn xlsx(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<UserId>,
    Query(q): Query<ScorecardQuery>,
) -> Result<Response, PageError> {
    let (from, to) = svc::parse_period(q.from.as_deref(), q.to.as_deref())?;
    let s = svc::scorecard(&state.store, &auth, id, from, to).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let bytes =
        keyplan_export::xlsx::scorecard_workbook(&s, t).map_err(|e| AppError::Internal(anyhow::anyhow!("scorecard workbook: {e}")))?;
    Ok(crate::download(keyplan_export::ExportFile {
        bytes,
        content_type: keyplan_export::xlsx::CONTENT_TYPE,
        file_name: format!("scorecard-{}-{}-{}.xlsx", s.user_id, format_date(s.from), format_date(s.to)),
    }))
}
