//! The management committee's pages, for managers and administrators:
//! `/committees` lists the sessions with their outcomes, `/committees/new`
//! opens one (the plans of greatest potential ticked), and
//! `/committees/{id}` shows the agenda, the pack download and a form per plan
//! to record the committee's outcome.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::committees;
use keyplan_domain::committee::{Outcome, OutcomeInput, SessionInput};
use keyplan_domain::{CommitteeId, FieldError, PlanId};
use keyplan_i18n::Tr;
use keyplan_store::Committee;

use super::{Chrome, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::{Id, Ids};
use crate::{AppError, AppState};

pub struct SessionRow {
    pub id: i64,
    pub date: String,
    pub plans: i64,
    pub decided: String,
    pub outcomes: Vec<(&'static str, String, i64)>,
}

#[derive(Template)]
#[template(path = "committees.html")]
struct ListPage {
    chrome: Chrome,
    sessions: Vec<SessionRow>,
}

/// A choice on the new-session form.
pub struct Choice {
    pub id: i64,
    pub label: String,
    pub detail: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "committee_new.html")]
struct NewPage {
    chrome: Chrome,
    date: String,
    people: Vec<Choice>,
    plans: Vec<Choice>,
    default_count: usize,
    errors: Vec<(String, String)>,
}

pub struct PlanRow {
    pub plan_id: i64,
    pub account: String,
    pub title: String,
    pub kam: String,
    pub potential: String,
    /// The outcome's key, empty before the committee decided.
    pub outcome: &'static str,
    pub outcome_label: String,
    pub text: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "committee.html")]
struct SessionPage {
    chrome: Chrome,
    id: i64,
    date: String,
    participants: String,
    plans: Vec<PlanRow>,
    outcomes: Vec<(&'static str, String)>,
}

fn outcome_label(o: Option<Outcome>, t: Tr) -> String {
    match o {
        Some(o) => t.s(&format!("committee-outcome-{}", o.as_str())),
        None => t.s("committee-outcome-none"),
    }
}

/// `GET /committees`.
pub async fn list(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    let chrome = Chrome::new(&auth, "committees", &headers);
    let t = chrome.t;
    let sessions = committees::list(&state.store, &auth)
        .await?
        .iter()
        .map(|s| SessionRow {
            id: s.id.get(),
            date: t.date(s.held_on),
            plans: s.plans,
            decided: t.a("committee-decided", &[("decided", s.decided.into()), ("plans", s.plans.into())]),
            outcomes: [
                (Outcome::Endorsed, s.endorsed),
                (Outcome::EndorsedWithConditions, s.with_conditions),
                (Outcome::SentBack, s.sent_back),
            ]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(o, n)| (o.as_str(), outcome_label(Some(o), t), n))
            .collect(),
        })
        .collect();
    let page = ListPage { chrome, sessions };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(StatusCode::OK, &page, had_flash))
}

async fn new_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    input: Option<&SessionInput>,
    errors: &[FieldError],
) -> Result<Response, PageError> {
    let chrome = Chrome::new(auth, "committees", headers);
    let t = chrome.t;
    let (candidates, chosen) = committees::choices(&state.store, auth).await?;
    let users = state.store.list_users(auth.org()).await?;
    let currency = state.store.org(auth.org()).await?.currency;
    let ticked_people: Vec<i64> = input.map(|i| i.participant_ids.clone()).unwrap_or_else(|| vec![auth.id().get()]);
    let ticked_plans: Vec<i64> = match input {
        Some(i) => i.plan_ids.clone().unwrap_or_default(),
        None => chosen.iter().map(|p| p.get()).collect(),
    };
    let mut people: Vec<Choice> = users
        .iter()
        .filter(|u| u.active)
        .map(|u| Choice {
            id: u.id.get(),
            label: u.name.clone(),
            detail: t.enum_label("role", u.role.as_str()),
            checked: ticked_people.contains(&u.id.get()),
        })
        .collect();
    people.sort_by_key(|c| c.label.to_lowercase());
    let plans = candidates
        .iter()
        .map(|c| Choice {
            id: c.plan.get(),
            label: c.title.clone(),
            detail: c.potential.map(|p| t.money(Some(p), &currency)).unwrap_or_else(|| "—".into()),
            checked: ticked_plans.contains(&c.plan.get()),
        })
        .collect();
    let date = input.map(|i| i.date.clone()).unwrap_or_else(|| keyplan_domain::validate::format_date(keyplan_app::today()));
    let errors = errors.iter().map(|e| (e.field.clone(), t.msg(&e.message))).collect();
    let status = if input.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = NewPage { chrome, date, people, plans, default_count: chosen.len(), errors };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(status, &page, had_flash))
}

/// `GET /committees/new`.
pub async fn new(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    new_page(&state, &auth, &headers, None, &[]).await
}

/// `POST /committees`: the ticked people and plans (none ticked is an error, not the default choice).
pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ids = |name: &str| fields.iter().filter(|(k, _)| k == name).filter_map(|(_, v)| v.trim().parse::<i64>().ok()).collect::<Vec<_>>();
    let date = fields.iter().find(|(k, _)| k == "date").map(|(_, v)| v.clone()).unwrap_or_default();
    let input = SessionInput { date, participant_ids: ids("participant_ids"), plan_ids: Some(ids("plan_ids")) };
    match committees::create(&state.store, &auth, &input).await {
        Ok(c) => {
            let t = crate::lang::for_user(&auth, &headers);
            Ok(redirect_with(&format!("/committees/{}", c.id.get()), &t.s1("committee-created", "count", c.plans.len() as i64)))
        }
        Err(AppError::Validation(errors)) => new_page(&state, &auth, &headers, Some(&input), &errors).await,
        Err(e) => Err(e.into()),
    }
}

fn rows(c: &Committee, currency: &str, t: Tr, failed: Option<(PlanId, &OutcomeInput, String)>) -> Vec<PlanRow> {
    c.plans
        .iter()
        .map(|p| {
            let (outcome, text, error) = match &failed {
                Some((plan, input, message)) if *plan == p.plan_id => {
                    (Outcome::parse(&input.outcome), input.text.clone().unwrap_or_default(), Some(message.clone()))
                }
                _ => (p.outcome(), p.outcome_text.clone().unwrap_or_default(), None),
            };
            PlanRow {
                plan_id: p.plan_id.get(),
                account: p.account_name.clone(),
                title: p.plan_title.clone(),
                kam: p.kam_name.clone().unwrap_or_else(|| "—".into()),
                potential: p.potential.map(|v| t.money(Some(v), currency)).unwrap_or_else(|| "—".into()),
                outcome: outcome.map_or("", Outcome::as_str),
                outcome_label: outcome_label(p.outcome(), t),
                text,
                error,
            }
        })
        .collect()
}

async fn session_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: CommitteeId,
    failed: Option<(PlanId, &OutcomeInput, &[FieldError])>,
) -> Result<Response, PageError> {
    let chrome = Chrome::new(auth, "committees", headers);
    let t = chrome.t;
    let c = committees::get(&state.store, auth, id).await?;
    let currency = state.store.org(auth.org()).await?.currency;
    let names: Vec<&str> = c.participants.iter().map(|p| p.name.as_str()).collect();
    let status = if failed.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let failed = failed.map(|(plan, input, errors)| {
        let message = errors.iter().map(|e| t.msg(&e.message)).collect::<Vec<_>>().join("; ");
        (plan, input, message)
    });
    let page = SessionPage {
        chrome,
        id: c.id.get(),
        date: t.date(c.held_on),
        participants: if names.is_empty() { "—".into() } else { names.join(", ") },
        plans: rows(&c, &currency, t, failed),
        outcomes: Outcome::ALL.into_iter().map(|o| (o.as_str(), outcome_label(Some(o), t))).collect(),
    };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(status, &page, had_flash))
}

/// `GET /committees/{id}`.
pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<CommitteeId>,
) -> Result<Response, PageError> {
    session_page(&state, &auth, &headers, id, None).await
}

#[derive(serde::Deserialize)]
pub struct OutcomeForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    text: String,
}

/// `POST /committees/{id}/outcomes/{plan_id}`.
pub async fn record(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Ids(id, plan): Ids<CommitteeId, PlanId>,
    Form(form): Form<OutcomeForm>,
) -> Result<Response, PageError> {
    let input = OutcomeInput { outcome: form.outcome, text: Some(form.text) };
    match committees::record_outcome(&state.store, &auth, id, plan, &input).await {
        Ok(c) => {
            let t = crate::lang::for_user(&auth, &headers);
            let title = c.plans.iter().find(|p| p.plan_id == plan).map(|p| p.plan_title.clone()).unwrap_or_default();
            Ok(redirect_with(&format!("/committees/{}#plan-{}", id.get(), plan.get()), &t.s1("committee-recorded", "plan", title)))
        }
        Err(AppError::Validation(errors)) => session_page(&state, &auth, &headers, id, Some((plan, &input, &errors))).await,
        Err(e) => Err(e.into()),
    }
}

/// `GET /committees/{id}/pack.pdf`.
pub async fn pack(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<CommitteeId>,
) -> Result<Response, PageError> {
    let lang = crate::lang::for_user(&auth, &headers).lang;
    Ok(crate::api::committees::pack_response(&state, &auth, id, lang).await?)
}
