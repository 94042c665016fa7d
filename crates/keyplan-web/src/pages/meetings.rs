//! The regular sales meetings' list and the form to make one, for managers
//! and administrators: `/meetings` lists them, `/meetings/new?date=` proposes
//! the agenda (the plans with the most change or risk since the last meeting
//! ticked, each with why) and `POST /meetings` makes it. The meeting's own
//! page is in [`super::meeting_page`].

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::meetings;
use keyplan_domain::meeting::MeetingInput;
use keyplan_domain::{FieldError, PlanId};

use super::{Chrome, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::{AppError, AppState};

/// Other plans the form offers besides the proposed ones, largest potential first.
const MAX_OTHER_PLANS: usize = 300;

pub struct MeetingRow {
    pub id: i64,
    pub title: String,
    pub date: String,
    pub closed: bool,
    pub plans: i64,
    pub decisions: i64,
    pub follow_ups: i64,
}

#[derive(Template)]
#[template(path = "meetings.html")]
struct ListPage {
    chrome: Chrome,
    meetings: Vec<MeetingRow>,
}

/// A plan on the new-meeting form.
pub struct Choice {
    pub id: i64,
    pub label: String,
    pub reasons: Vec<String>,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "meeting_new.html")]
struct NewPage {
    chrome: Chrome,
    date: String,
    title: String,
    since: String,
    proposed: Vec<Choice>,
    others: Vec<Choice>,
    others_cut: bool,
    default_count: usize,
    errors: Vec<(String, String)>,
}

/// `GET /meetings`.
pub async fn list(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    let chrome = Chrome::new(&auth, "meetings", &headers);
    let t = chrome.t;
    let meetings = meetings::list(&state.store, &auth)
        .await?
        .iter()
        .map(|m| MeetingRow {
            id: m.id.get(),
            title: if m.title.is_empty() { t.s("meeting-default-title") } else { m.title.clone() },
            date: t.date(m.held_on),
            closed: m.closed_at.is_some(),
            plans: m.plans,
            decisions: m.decisions,
            follow_ups: m.follow_ups,
        })
        .collect();
    let page = ListPage { chrome, meetings };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(StatusCode::OK, &page, had_flash))
}

#[derive(serde::Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    date: String,
}

#[allow(clippy::too_many_arguments)]
async fn new_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    date: &str,
    title: &str,
    input: Option<&MeetingInput>,
    errors: &[FieldError],
) -> Result<Response, PageError> {
    let chrome = Chrome::new(auth, "meetings", headers);
    let t = chrome.t;
    let mut errors: Vec<(String, String)> = errors.iter().map(|e| (e.field.clone(), t.msg(&e.message))).collect();
    let on = match date.trim() {
        "" => keyplan_app::today(),
        d => match keyplan_domain::validate::parse_date("date", d) {
            Ok(d) => d,
            Err(e) => {
                // A posted form's date error is among `errors` already.
                if input.is_none() {
                    errors.push((e.field, t.msg(&e.message)));
                }
                keyplan_app::today()
            }
        },
    };
    let (proposal, candidates) = tokio::try_join!(meetings::proposal(&state.store, auth, on), async {
        state.store.committee_candidates(auth.org()).await.map_err(AppError::from)
    })?;
    let ticked: Vec<i64> = match input {
        Some(i) => i.plan_ids.clone().unwrap_or_default(),
        None => proposal.chosen.iter().map(|p| p.get()).collect(),
    };
    let proposed: Vec<Choice> = proposal
        .ranked
        .iter()
        .map(|p| Choice {
            id: p.signals.plan.get(),
            label: format!("{} — {}", p.signals.account_name, p.signals.title),
            reasons: p.reasons.iter().map(|r| t.msg(&r.message())).collect(),
            checked: ticked.contains(&p.signals.plan.get()),
        })
        .collect();
    let mut candidates = candidates;
    keyplan_domain::committee::rank(&mut candidates);
    let listed: Vec<PlanId> = proposal.ranked.iter().map(|p| p.signals.plan).collect();
    let rest: Vec<_> = candidates.iter().filter(|c| !listed.contains(&c.plan)).collect();
    let others_cut = rest.len() > MAX_OTHER_PLANS;
    let others = rest
        .into_iter()
        .take(MAX_OTHER_PLANS)
        .map(|c| Choice { id: c.plan.get(), label: c.title.clone(), reasons: Vec::new(), checked: ticked.contains(&c.plan.get()) })
        .collect();
    let since = match proposal.last_meeting {
        Some(d) => t.s1("meeting-since-last", "date", t.date(d)),
        None => t.s1("meeting-since-first", "date", t.date(proposal.since)),
    };
    let status = if input.is_some() || !errors.is_empty() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = NewPage {
        chrome,
        date: keyplan_domain::validate::format_date(on),
        title: title.to_string(),
        since,
        default_count: proposal.chosen.len(),
        proposed,
        others,
        others_cut,
        errors,
    };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(status, &page, had_flash))
}

/// `GET /meetings/new?date=`.
pub async fn new(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    new_page(&state, &auth, &headers, &q.date, "", None, &[]).await
}

/// `POST /meetings`: the ticked plans (none ticked is an error, not the default
/// agenda); with `action=propose`, the form again for the date typed.
pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let value = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let plan_ids = fields.iter().filter(|(k, _)| k == "plan_ids").filter_map(|(_, v)| v.trim().parse::<i64>().ok()).collect();
    let title = Some(value("title")).filter(|t| !t.trim().is_empty());
    let input = MeetingInput { date: value("date"), title, plan_ids: Some(plan_ids) };
    if value("action") == "propose" {
        // "Propose for this date": the form again, with the agenda proposed for the date typed.
        return new_page(&state, &auth, &headers, &input.date, &value("title"), None, &[]).await;
    }
    match meetings::create(&state.store, &auth, &input).await {
        Ok(m) => {
            let t = crate::lang::for_user(&auth, &headers);
            Ok(redirect_with(&format!("/meetings/{}", m.id.get()), &t.s1("meeting-created", "count", m.plans.len() as i64)))
        }
        Err(AppError::Validation(errors)) => new_page(&state, &auth, &headers, &input.date, &value("title"), Some(&input), &errors).await,
        Err(e) => Err(e.into()),
    }
}
