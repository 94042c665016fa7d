//! The account page: key figures, contacts, team, plans.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::account::{AccountInput, GrowthTrend};
use keyplan_domain::contact::{Attitude, BuyingRole, ContactInput};
use keyplan_domain::permissions;
use keyplan_domain::plan::PlanInput;
use keyplan_domain::{AccountId, UserId};
use keyplan_store::TeamMember;
use serde::Deserialize;

use super::account_list::trend_options;
use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::{Id, Ids};
use crate::views::{CoachMarkView, FormView, Opt};
use crate::{AppError, AppState};
use keyplan_i18n::Tr;

// --- the account page --------------------------------------------------------------------

pub struct ContactRow {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub business_unit: String,
    pub role: &'static str,
    pub role_label: String,
    pub influence: i16,
    pub attitude: &'static str,
    pub attitude_label: String,
    pub owner: String,
    pub reports_to: String,
    pub objective: String,
}

pub struct PlanRow {
    pub id: i64,
    pub title: String,
    pub status: &'static str,
    pub status_label: String,
    pub period: String,
    pub commitments: i64,
    pub accepted: i64,
    pub done: i64,
    /// Its review is overdue.
    pub stale: bool,
    pub coach: Option<CoachMarkView>,
}

/// A template the new-plan form offers.
pub struct TemplateChoice {
    pub key: String,
    pub name: String,
    pub description: String,
    /// "5 sections · 3 pages".
    pub facts: String,
}

#[derive(Default)]
pub struct AccountForms {
    pub edit: Option<FormView>,
    pub contact: FormView,
    pub plan: FormView,
    pub team: FormView,
    /// A plan document pasted to import; its errors name the path in the document.
    pub import: FormView,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    id: i64,
    name: String,
    subtitle: String,
    parent: Option<(i64, String)>,
    crm_id: String,
    owner: String,
    revenue: String,
    total_spend: String,
    potential: String,
    /// The customer's own turnover (not our revenue with them).
    annual_revenue: String,
    growth: String,
    share: String,
    share_pct: u8,
    trend: &'static str,
    trend_label: String,
    contacts: Vec<ContactRow>,
    /// The buying-centre map (trusted SVG, its text escaped when drawn) and its warnings.
    stakeholder_svg: String,
    stakeholder_warnings: Vec<String>,
    team: Vec<TeamMember>,
    plans: Vec<PlanRow>,
    templates: Vec<TemplateChoice>,
    can_edit_account: bool,
    can_edit_plans: bool,
    forms: AccountForms,
    contact_opts: Vec<Opt>,
    roles: Vec<Opt>,
    attitudes: Vec<Opt>,
    trends: Vec<Opt>,
    /// The opportunities card, rendered by its own template.
    opportunities_card: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
) -> Result<Response, PageError> {
    account_page(&state, &auth, &headers, id, AccountForms::default(), StatusCode::OK).await
}

pub async fn account_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: AccountId,
    forms: AccountForms,
    status: StatusCode,
) -> Result<Response, PageError> {
    let org = auth.org();
    let a = state.store.account(org, id).await?;
    let currency = state.store.org(org).await?.currency;
    let team = state.store.team(org, id).await?;
    let contacts = state.store.contacts(org, id).await?;
    let plans = state.store.plans_of_account(org, id).await?;
    let users = state.store.list_users(org).await?;
    let parent_name = match a.parent_id {
        Some(p) => state.store.account_name(org, p).await?.map(|n| (p.get(), n)),
        None => None,
    };
    let templates = state.store.templates(org, false).await?;
    let access = keyplan_domain::permissions::AccountAccess { owner_id: a.owner_id, team: team.iter().map(|t| t.user_id).collect() };
    let user_name = |id: Option<UserId>| id.and_then(|id| users.iter().find(|u| u.id == id)).map(|u| u.name.clone()).unwrap_or_default();
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;
    let contact_rows = contacts
        .iter()
        .map(|c| ContactRow {
            id: c.id.get(),
            name: c.name.clone(),
            title: c.title.clone().unwrap_or_default(),
            business_unit: c.business_unit.clone().unwrap_or_default(),
            role: c.buying_role().map(BuyingRole::as_str).unwrap_or(""),
            role_label: t.enum_label("buying-role", c.buying_role().map(BuyingRole::as_str).unwrap_or("")),
            influence: c.influence.unwrap_or(0),
            attitude: c.attitude().map(Attitude::as_str).unwrap_or(""),
            attitude_label: t.enum_label("attitude", c.attitude().map(Attitude::as_str).unwrap_or("")),
            owner: user_name(c.relationship_owner_id),
            reports_to: c.reports_to_id.and_then(|r| contacts.iter().find(|x| x.id == r)).map(|x| x.name.clone()).unwrap_or_default(),
            objective: c.objective.clone().unwrap_or_default(),
        })
        .collect();
    let stakeholders = keyplan_export::stakeholder_svg::stakeholder_picture_in(&contacts, &users, t);
    let overdue = keyplan_app::reviews::overdue_plans(&state.store, org, &[id]).await?;
    let plan_rows = plans
        .iter()
        .map(|s| PlanRow {
            id: s.plan.id.get(),
            title: s.plan.title.clone(),
            status: s.plan.status().as_str(),
            status_label: t.enum_label("plan-status", s.plan.status().as_str()),
            period: format!("{} – {}", t.date(s.plan.period_start), t.date(s.plan.period_end)),
            commitments: s.commitments,
            accepted: s.commitments_accepted,
            done: s.commitments_done,
            stale: overdue.iter().any(|(_, p)| *p == s.plan.id),
            coach: CoachMarkView::new(t, s.coach_score, s.coach_level, s.coach_blockers),
        })
        .collect();
    let mut forms = forms;
    if forms.edit.is_none() {
        let mut edit = FormView::from_input(&keyplan_app::accounts::account_to_input(&a), a.version);
        // The search fields show names; the ids go along as hints.
        edit.values.insert("parent".into(), parent_name.as_ref().map(|p| p.1.clone()).unwrap_or_default());
        edit.values.insert("owner".into(), user_name(a.owner_id));
        forms.edit = Some(edit);
    }
    if forms.plan.values.is_empty() {
        let title = t.s2("account-default-plan-title", "name", &a.name, "year", keyplan_app::today().year().to_string());
        forms.plan.values.insert("title".into(), title);
    }
    super::search_fields::fill_owner_name(&mut forms.contact, &users);
    for f in [forms.edit.as_mut(), Some(&mut forms.contact), Some(&mut forms.plan), Some(&mut forms.team), Some(&mut forms.import)]
        .into_iter()
        .flatten()
    {
        f.localise(t);
    }
    let can_edit_plans = permissions::can_edit_plans(auth.actor(), &access);
    let opportunities_card = super::opportunities::account_card(&state.store, org, id, &users, t, can_edit_plans).await?;
    let had_flash = chrome.flash.is_some();
    let trend = a.growth_trend();
    let subtitle = [a.industry.clone(), a.region.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let page = AccountPage {
        chrome,
        id: a.id.get(),
        name: a.name.clone(),
        subtitle,
        parent: parent_name,
        crm_id: a.crm_id.clone().unwrap_or_default(),
        owner: user_name(a.owner_id),
        revenue: t.money(a.current_revenue, &currency),
        total_spend: t.money(a.total_spend, &currency),
        potential: t.money(a.potential, &currency),
        annual_revenue: t.money(a.annual_revenue, &currency),
        growth: t.money(a.growth_potential(), &currency),
        share: t.pct(a.share_of_wallet()),
        share_pct: a.share_of_wallet().map(|s| (s * 100.0).round() as u8).unwrap_or(0),
        trend: trend.map(GrowthTrend::as_str).unwrap_or(""),
        trend_label: t.enum_label("trend", trend.map(GrowthTrend::as_str).unwrap_or("")),
        contacts: contact_rows,
        stakeholder_warnings: stakeholders.warnings_in(t),
        stakeholder_svg: stakeholders.svg,
        team,
        plans: plan_rows,
        templates: templates
            .iter()
            .map(|tpl| TemplateChoice {
                key: tpl.key.clone(),
                name: keyplan_i18n::templates::localise_name(&tpl.key, &tpl.name, t),
                description: keyplan_i18n::templates::localise_description(&tpl.key, &tpl.description, t),
                facts: template_facts(t, tpl.doc().sections.len(), tpl.budget_pages),
            })
            .collect(),
        can_edit_account: permissions::can_edit_account(auth.actor(), &access),
        can_edit_plans,
        forms,
        contact_opts: contacts.iter().map(|c| Opt::new(c.id, &c.name)).collect(),
        roles: BuyingRole::ALL.iter().map(|r| Opt::new(r.as_str(), t.enum_label("buying-role", r.as_str()))).collect(),
        attitudes: Attitude::ALL.iter().map(|r| Opt::new(r.as_str(), t.enum_label("attitude", r.as_str()))).collect(),
        trends: trend_options(t),
        opportunities_card,
    };
    Ok(render(status, &page, had_flash))
}

/// "5 sections · 3 pages" for the new-plan form's template choice.
fn template_facts(t: Tr, sections: usize, pages: f64) -> String {
    let sections = t.s1("account-template-sections", "count", sections);
    format!("{sections} · {}", t.s2("account-template-pages", "count", pages, "pages", t.num(pages)))
}

#[derive(Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: AccountInput,
    #[serde(flatten)]
    pickers: super::search_fields::AccountPickers,
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(form): Form<AccountForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let mut input = form.input;
    let result = match form.pickers.apply(&state.store, auth.org(), &mut input).await {
        Ok(()) => keyplan_app::accounts::update_account(&state.store, &auth, id, version, &input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(a) => Ok(redirect_with(&format!("/accounts/{}", a.id), &crate::lang::for_user(&auth, &headers).s("account-saved"))),
        Err(AppError::Validation(errors)) => {
            let mut edit = FormView::from_input(&input, version).with_errors(&errors);
            form.pickers.keep(&mut edit);
            account_page(
                &state,
                &auth,
                &headers,
                id,
                AccountForms { edit: Some(edit), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.account(auth.org(), id).await?;
            let mut edit = FormView::conflicted(&keyplan_app::accounts::account_to_input(&stored), &input, current_version);
            form.pickers.keep(&mut edit);
            account_page(&state, &auth, &headers, id, AccountForms { edit: Some(edit), ..Default::default() }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
) -> Result<Response, PageError> {
    let a = state.store.account(auth.org(), id).await?;
    keyplan_app::accounts::delete_account(&state.store, &auth, id).await?;
    Ok(redirect_with("/accounts", &crate::lang::for_user(&auth, &headers).s1("accounts-deleted", "name", &a.name)))
}

#[derive(Deserialize)]
pub struct TeamForm {
    #[serde(default)]
    user_id: String,
    /// The colleague's name or e-mail, typed into the search field.
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    function: String,
    /// Where to go once added (a page of this site), else the account's team.
    #[serde(default)]
    back: String,
}

pub async fn add_team_member(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(form): Form<TeamForm>,
) -> Result<Response, PageError> {
    let result = match &form.user {
        Some(text) => crate::pickers::resolve(&state.store, auth.org(), &crate::pickers::COLLEAGUE, text, &form.user_id).await,
        None => Ok(form.user_id.clone()),
    };
    let result = match result {
        Ok(user_id) => {
            let user = crate::extract::parse_id::<UserId>(user_id.trim());
            keyplan_app::accounts::set_team_member(&state.store, &auth, id, user, &form.function).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => {
            let back = super::local_path(form.back.trim()).map(str::to_string).unwrap_or_else(|| format!("/accounts/{id}#team"));
            Ok(redirect_with(&back, &crate::lang::for_user(&auth, &headers).s("account-team-updated")))
        }
        Err(AppError::Validation(errors)) => {
            let mut team = FormView::default().with_errors(&errors);
            team.values.insert("user_id".into(), form.user_id.clone());
            team.values.insert("user".into(), form.user.clone().unwrap_or_default());
            team.values.insert("function".into(), form.function.clone());
            account_page(&state, &auth, &headers, id, AccountForms { team, ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_team_member(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Ids(id, user): Ids<AccountId, UserId>,
) -> Result<Response, PageError> {
    keyplan_app::accounts::remove_team_member(&state.store, &auth, id, user).await?;
    Ok(redirect_with(&format!("/accounts/{id}#team"), &crate::lang::for_user(&auth, &headers).s("account-team-removed")))
}

/// Re-renders the account page with the new-contact form showing its problems.
pub async fn contact_form_error(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: AccountId,
    input: &ContactInput,
    pickers: &super::search_fields::ContactPickers,
    errors: &[keyplan_domain::FieldError],
) -> Result<Response, PageError> {
    let mut contact = FormView::from_input(input, 0).with_errors(errors);
    pickers.keep(&mut contact);
    account_page(state, auth, headers, id, AccountForms { contact, ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// Re-renders the account page with the new-plan form showing its problems.
#[derive(Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    document: String,
}

/// `POST /accounts/{id}/plans/import`: a plan document (see `keyplan export plan
/// ID --format json`) pasted into the form becomes a new plan of the account.
/// A problem keeps the pasted text and names the path in the document.
pub async fn import_plan(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(form): Form<ImportForm>,
) -> Result<Response, PageError> {
    let t = crate::lang::for_user(&auth, &headers);
    let result = match form.document.trim() {
        "" => Err(AppError::field("document", keyplan_domain::Message::new("account-import-empty"))),
        text => match keyplan_domain::document::parse(text.as_bytes()) {
            Ok(doc) => keyplan_app::documents::import(&state.store, &auth, id, &doc).await,
            Err(e) => Err(AppError::field(&e.path, e.message)),
        },
    };
    match result {
        Ok(imported) => {
            let mut message = t.s1("account-imported", "title", &imported.plan.title);
            if imported.contacts_added > 0 {
                message = format!("{message} {}", t.s1("account-imported-contacts", "count", imported.contacts_added));
            }
            Ok(redirect_with(&format!("/plans/{}", imported.plan.id), &message))
        }
        Err(AppError::Validation(errors)) => {
            let mut import = FormView { open: true, ..Default::default() };
            import.values.insert("document".into(), form.document);
            let problem = errors.first().map(|e| format!("{}: {}", e.field, t.msg(&e.message))).unwrap_or_default();
            import.errors.insert("document".into(), problem);
            account_page(&state, &auth, &headers, id, AccountForms { import, ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn plan_form_error(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: AccountId,
    input: &PlanInput,
    template: &str,
    errors: &[keyplan_domain::FieldError],
) -> Result<Response, PageError> {
    let mut plan = FormView::from_input(input, 0).with_errors(errors);
    plan.values.insert("template".into(), template.to_string());
    account_page(state, auth, headers, id, AccountForms { plan, ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
}
