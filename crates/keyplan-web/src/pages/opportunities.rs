//! An account's opportunities: the card on the account page, and the form to
//! add, edit and delete one (server-rendered; the goal, owner and whitespace
//! cell are plain selects, so it works without JavaScript).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::opportunity::coverage::money_unit;
use keyplan_domain::opportunity::{OppStatus, OpportunityInput, is_overdue};
use keyplan_domain::{AccountId, OpportunityId, OrgId};
use keyplan_i18n::Tr;
use keyplan_store::{GoalChoice, Opportunity, Store, User};
use serde::Deserialize;

use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};

/// One line of the account page's table.
pub struct OpportunityRow {
    pub id: i64,
    pub name: String,
    pub crm_id: String,
    pub stage: String,
    pub status: &'static str,
    pub status_label: String,
    pub amount: String,
    pub probability: String,
    pub close_date: String,
    pub overdue: bool,
    pub owner: String,
    pub goal: String,
    pub goal_plan_id: i64,
}

#[derive(Template)]
#[template(path = "opportunities_card.html")]
struct Card {
    t: Tr,
    account_id: i64,
    rows: Vec<OpportunityRow>,
    can_edit: bool,
}

/// The account page's opportunities card as HTML (its text escaped by the template).
pub async fn account_card(
    store: &Store,
    org: OrgId,
    account: AccountId,
    users: &[User],
    t: Tr,
    can_edit: bool,
) -> Result<String, AppError> {
    let (list, goals) = tokio::try_join!(store.opportunities(org, account), store.opportunity_goal_choices(org, account))?;
    let today = keyplan_app::today();
    let rows = list.iter().map(|o| row(o, users, &goals, t, today)).collect();
    Card { t, account_id: account.get(), rows, can_edit }.render().map_err(|e| AppError::Internal(anyhow::anyhow!("rendering failed: {e}")))
}

fn row(o: &Opportunity, users: &[User], goals: &[GoalChoice], t: Tr, today: time::Date) -> OpportunityRow {
    let goal = o.goal_id.and_then(|g| goals.iter().find(|c| c.id == g));
    OpportunityRow {
        id: o.id.get(),
        name: o.name.clone(),
        crm_id: o.crm_id.clone().unwrap_or_default(),
        stage: o.stage.clone().unwrap_or_default(),
        status: o.status.as_str(),
        status_label: t.enum_label("opp-status", o.status.as_str()),
        amount: o.amount.map(|a| t.money(Some(a), &o.currency)).unwrap_or_default(),
        probability: o.probability.map(|p| t.pct(Some(f64::from(p) / 100.0))).unwrap_or_default(),
        close_date: o.close_date.map(|d| t.date(d)).unwrap_or_default(),
        overdue: is_overdue(o.status, o.close_date, today),
        owner: o.owner_id.and_then(|id| users.iter().find(|u| u.id == id)).map(|u| u.name.clone()).unwrap_or_default(),
        goal: goal.map(|g| g.title.clone()).unwrap_or_default(),
        goal_plan_id: goal.map(|g| g.plan_id.get()).unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "opportunity.html")]
struct OpportunityPage {
    chrome: Chrome,
    /// `None`: a new opportunity.
    id: Option<i64>,
    name: String,
    account_id: i64,
    account_name: String,
    form: FormView,
    can_edit: bool,
    statuses: Vec<Opt>,
    owners: Vec<Opt>,
    goals: Vec<Opt>,
    cells: Vec<Opt>,
}

/// The choices of the form: money goals of the account's plans (and the goal
/// already linked, whatever its unit), the organisation's users, the filled cells.
async fn choices(
    state: &AppState,
    org: OrgId,
    account: AccountId,
    linked: Option<&str>,
) -> Result<(Vec<Opt>, Vec<Opt>, Vec<Opt>), AppError> {
    let (goals, users, ws) = tokio::try_join!(
        state.store.opportunity_goal_choices(org, account),
        state.store.list_users(org),
        state.store.whitespace(org, account)
    )?;
    let goals = goals
        .iter()
        .filter(|g| g.unit.as_deref().and_then(money_unit).is_some() || linked == Some(g.id.to_string().as_str()))
        .map(|g| Opt::new(g.id, format!("{} — {}", g.title, g.plan_title)))
        .collect();
    let owners = users.iter().filter(|u| u.active).map(|u| Opt::new(u.id, &u.name)).collect();
    let cells = ws
        .cells
        .iter()
        .map(|c| {
            let offering = ws.offerings.iter().find(|o| o.id == c.offering_id).map(|o| o.name.as_str()).unwrap_or("");
            let unit = ws.units.iter().find(|u| u.id == c.business_unit_id).map(|u| u.name.as_str()).unwrap_or("");
            Opt::new(c.id, format!("{offering} × {unit}"))
        })
        .collect();
    Ok((goals, owners, cells))
}

async fn page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    account: AccountId,
    existing: Option<&Opportunity>,
    form: FormView,
    status: StatusCode,
) -> Result<Response, PageError> {
    let org = auth.org();
    let a = state.store.account(org, account).await?;
    let access = keyplan_app::access::access(&state.store, auth, account).await?;
    let (goals, owners, cells) = choices(state, org, account, Some(form.v("goal_id"))).await?;
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let mut form = form;
    form.localise(t);
    let p = OpportunityPage {
        chrome,
        id: existing.map(|o| o.id.get()),
        name: existing.map(|o| o.name.clone()).unwrap_or_else(|| t.s("opp-new-title")),
        account_id: a.id.get(),
        account_name: a.name.clone(),
        form,
        can_edit: keyplan_domain::permissions::can_edit_plans(auth.actor(), &access),
        statuses: OppStatus::ALL.iter().map(|s| Opt::new(s.as_str(), t.enum_label("opp-status", s.as_str()))).collect(),
        owners,
        goals,
        cells,
    };
    Ok(render(status, &p, had_flash))
}

pub async fn new(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
) -> Result<Response, PageError> {
    keyplan_app::access::require_plan_editor(&state.store, &auth, id).await?;
    let currency = state.store.org(auth.org()).await?.currency;
    let input = OpportunityInput { currency, status: OppStatus::Open.as_str().into(), ..Default::default() };
    page(&state, &auth, &headers, id, None, FormView::from_input(&input, 0), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct OpportunityForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: OpportunityInput,
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(form): Form<OpportunityForm>,
) -> Result<Response, PageError> {
    match keyplan_app::opportunities::create_opportunity(&state.store, &auth, id, &form.input).await {
        Ok(o) => Ok(redirect_with(
            &format!("/accounts/{id}#opportunities"),
            &crate::lang::for_user(&auth, &headers).s1("opp-added", "name", &o.name),
        )),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, 0).with_errors(&errors);
            page(&state, &auth, &headers, id, None, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<OpportunityId>,
) -> Result<Response, PageError> {
    let o = state.store.opportunity(auth.org(), id).await?;
    let f = FormView::from_input(&keyplan_app::opportunities::opportunity_to_input(&o), o.version);
    page(&state, &auth, &headers, o.account_id, Some(&o), f, StatusCode::OK).await
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<OpportunityId>,
    Form(form): Form<OpportunityForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    match keyplan_app::opportunities::update_opportunity(&state.store, &auth, id, version, &form.input).await {
        Ok(o) => {
            let message = crate::lang::for_user(&auth, &headers).s1("opp-saved", "name", &o.name);
            Ok(redirect_with(&format!("/accounts/{}#opportunities", o.account_id), &message))
        }
        Err(AppError::Validation(errors)) => {
            let stored = state.store.opportunity(auth.org(), id).await?;
            let f = FormView::from_input(&form.input, version).with_errors(&errors);
            page(&state, &auth, &headers, stored.account_id, Some(&stored), f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.opportunity(auth.org(), id).await?;
            let f = FormView::conflicted(&keyplan_app::opportunities::opportunity_to_input(&stored), &form.input, current_version);
            page(&state, &auth, &headers, stored.account_id, Some(&stored), f, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<OpportunityId>,
) -> Result<Response, PageError> {
    let o = keyplan_app::opportunities::delete_opportunity(&state.store, &auth, id).await?;
    let message = crate::lang::for_user(&auth, &headers).s1("opp-removed", "name", &o.name);
    Ok(redirect_with(&format!("/accounts/{}#opportunities", o.account_id), &message))
}
