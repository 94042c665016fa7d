//! The accounts list: one page of 50 accounts at a time, sorted and searched in
//! SQL, and the new-account form with search fields for the parent account and
//! the key account manager.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::account::{AccountInput, GrowthTrend};
use keyplan_domain::permissions;
use keyplan_store::AccountSort;
use serde::Deserialize;

use super::{Chrome, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::listing::{ListParams, RawListQuery};
use crate::views::{CoachMarkView, FormView, Opt};
use crate::{AppError, AppState};
use keyplan_i18n::Tr;

pub(super) fn trend_options(t: Tr) -> Vec<Opt> {
    GrowthTrend::ALL.iter().map(|g| Opt::new(g.as_str(), t.enum_label("trend", g.as_str()))).collect()
}

pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub industry: String,
    pub region: String,
    pub owner: String,
    pub revenue: String,
    pub potential: String,
    pub growth: String,
    pub share: String,
    pub share_pct: u8,
    pub trend: &'static str,
    pub trend_label: String,
    pub plans: i64,
    pub plan_id: Option<i64>,
    /// A plan of this account is overdue for review.
    pub stale: bool,
    /// The coach's mark of the active plan.
    pub coach: Option<CoachMarkView>,
}

/// A sortable column head: where it leads and how the list is sorted by it now.
pub struct SortHead {
    pub href: String,
    /// `ascending`, `descending` or empty (for `aria-sort`).
    pub state: &'static str,
}

#[derive(Template)]
#[template(path = "accounts.html")]
struct AccountsPage {
    chrome: Chrome,
    rows: Vec<AccountRow>,
    q: String,
    total: i64,
    /// "1–50 of 10,000".
    showing: String,
    page_label: String,
    prev: Option<String>,
    next: Option<String>,
    /// The page is past the end of a non-empty list.
    beyond: bool,
    heads: Vec<(&'static str, SortHead)>,
    can_create: bool,
    form: FormView,
    trends: Vec<Opt>,
}

pub async fn list(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(raw): Query<RawListQuery>,
) -> Result<Response, PageError> {
    let params = ListParams::parse(&raw)?;
    accounts_page(&state, &auth, &headers, &params, FormView::default(), StatusCode::OK).await
}

impl SortHead {
    fn new(params: &ListParams, sort: AccountSort) -> SortHead {
        let state = match (params.sort == sort, params.descending) {
            (false, _) => "",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        SortHead { href: format!("/accounts?{}", params.sort_query(sort)), state }
    }
}

async fn accounts_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    params: &ListParams,
    form: FormView,
    status: StatusCode,
) -> Result<Response, PageError> {
    let filter = params.filter();
    let (store, o) = (&state.store, auth.org());
    // The organisation beside the page and its count, then the page's plans
    // overdue for review.
    let (org, (accounts, total)) = tokio::try_join!(async { Ok::<_, AppError>(store.org(o).await?) }, async {
        Ok::<_, AppError>(store.list_accounts_counted(o, &filter).await?)
    },)?;
    let shown: Vec<_> = accounts.iter().map(|s| s.account.id).collect();
    let overdue = keyplan_app::reviews::overdue_plans(store, o, &shown).await?;
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;
    let mut form = form;
    form.localise(t);
    let rows: Vec<AccountRow> = accounts
        .iter()
        .map(|s| {
            let a = &s.account;
            let trend = a.growth_trend();
            AccountRow {
                id: a.id.get(),
                name: a.name.clone(),
                industry: a.industry.clone().unwrap_or_default(),
                region: a.region.clone().unwrap_or_default(),
                owner: s.owner_name.clone().unwrap_or_default(),
                revenue: t.money(a.current_revenue, &org.currency),
                potential: t.money(a.potential, &org.currency),
                growth: t.money(a.growth_potential(), &org.currency),
                share: t.pct(a.share_of_wallet()),
                share_pct: a.share_of_wallet().map(|s| (s * 100.0).round() as u8).unwrap_or(0),
                trend: trend.map(GrowthTrend::as_str).unwrap_or(""),
                trend_label: t.enum_label("trend", trend.map(GrowthTrend::as_str).unwrap_or("")),
                plans: s.plan_count,
                plan_id: s.active_plan_id,
                stale: overdue.iter().any(|(acc, _)| *acc == a.id),
                coach: CoachMarkView::new(t, s.coach_score, s.coach_level, s.coach_blockers),
            }
        })
        .collect();
    let from = if rows.is_empty() { 0 } else { params.offset + 1 };
    let to = params.offset + rows.len() as i64;
    let showing = t.s3("listing-showing", "from", t.num(from as f64), "to", t.num(to as f64), "total", t.num(total as f64));
    let page_label = t.s2("listing-page", "page", params.page, "pages", params.pages(total));
    let heads = [
        ("name", AccountSort::Name),
        ("revenue", AccountSort::Revenue),
        ("share", AccountSort::Share),
        ("potential", AccountSort::Potential),
        ("plan_state", AccountSort::PlanState),
    ]
    .into_iter()
    .map(|(k, s)| (k, SortHead::new(params, s)))
    .collect();
    let had_flash = chrome.flash.is_some();
    let page = AccountsPage {
        chrome,
        beyond: rows.is_empty() && total > 0,
        rows,
        q: params.q.clone(),
        total,
        showing,
        page_label,
        prev: params.has_prev().then(|| format!("/accounts?{}", params.query_for(-1, false))),
        next: params.has_next(total).then(|| format!("/accounts?{}", params.query_for(1, false))),
        heads,
        can_create: permissions::can_create_account(auth.actor()),
        form,
        trends: trend_options(t),
    };
    Ok(render(status, &page, had_flash))
}

#[derive(Deserialize)]
pub struct NewAccountForm {
    #[serde(flatten)]
    input: AccountInput,
    #[serde(flatten)]
    pickers: super::search_fields::AccountPickers,
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<NewAccountForm>,
) -> Result<Response, PageError> {
    let mut input = form.input;
    let result = match form.pickers.apply(&state.store, auth.org(), &mut input).await {
        Ok(()) => keyplan_app::accounts::create_account(&state.store, &auth, &input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(a) => Ok(redirect_with(
            &format!("/accounts/{}", a.id),
            &crate::lang::for_user(&auth, &headers).s1("accounts-created", "name", &a.name),
        )),
        Err(AppError::Validation(errors)) => {
            let mut form_view = FormView::from_input(&input, 0).with_errors(&errors);
            form.pickers.keep(&mut form_view);
            let params = ListParams::parse(&RawListQuery::default())?;
            accounts_page(&state, &auth, &headers, &params, form_view, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
