//! The portfolio's downloads `/portfolio.svg`, `/portfolio.pdf` and
//! `/portfolio.xlsx`: the same filters and order as the page, every account
//! (not one page of the table), and the filters in words in their heads.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use keyplan_domain::portfolio::PlanState;
use keyplan_export::ExportFile;
use keyplan_export::portfolio_svg::portfolio_svg;
use keyplan_i18n::Tr;
use keyplan_store::PortfolioChoices;

use super::{PageQuery, load, load_with_choices, selected};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::{AppError, AppState};

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
    Ok(file(portfolio_svg(&p, selected(&q), &q.filter.without_area().query(), t).into_bytes(), "image/svg+xml", "svg"))
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
    let bytes = keyplan_export::typeset(move || keyplan_export::portfolio_pdf::portfolio_pdf(&p, &org, &filters, today, t))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("portfolio PDF: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("portfolio PDF: {e}")))?;
    Ok(file(bytes, "application/pdf", "pdf"))
}
