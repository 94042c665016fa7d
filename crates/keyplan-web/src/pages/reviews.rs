//! Review pages: the "Reviews" card on the plan page, the review page (opening with
//! what changed since the last review), and comparing any two versions of a plan.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::permissions;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::snapshot::{Change, ChangeKind};
use keyplan_domain::{ContactId, PlanId, ReviewId, UserId};
use keyplan_store::Review;
use serde::Deserialize;

use super::{Chrome, form_version, path_id, redirect_with, render};
use crate::auth::PageUser;
use crate::review_service;
use crate::service::PlanBundle;
use crate::snapshots::Version;
use crate::views::{self, Opt};
use crate::{AppError, AppState};

/// One review in a list.
pub struct ReviewRow {
    pub id: i64,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub date: String,
    /// The date as a date input wants it.
    pub iso_date: String,
    pub held: bool,
    pub signoff: &'static str,
    pub signoff_label: &'static str,
}

impl ReviewRow {
    fn new(r: &Review) -> Self {
        let s = r.signoff();
        ReviewRow {
            id: r.id.get(),
            kind: r.kind().as_str(),
            kind_label: r.kind().label(),
            date: views::date(r.review_date),
            iso_date: keyplan_domain::validate::format_date(r.review_date),
            held: r.is_held(),
            signoff: s.map(|s| s.as_str()).unwrap_or(""),
            signoff_label: s.map(|s| s.label()).unwrap_or(""),
        }
    }
}

/// The "Reviews" card of the plan page.
pub struct ReviewsCard {
    pub plan_id: i64,
    pub plan_version: i64,
    pub cadence: i32,
    pub next_set: String,
    pub due: String,
    pub overdue: bool,
    pub reviews: Vec<ReviewRow>,
    pub kinds: Vec<Opt>,
    pub today: String,
}

impl ReviewsCard {
    pub fn cadence_label(&self) -> String {
        match self.cadence {
            1 => "monthly".into(),
            3 => "quarterly".into(),
            6 => "every six months".into(),
            12 => "yearly".into(),
            n => format!("every {n} months"),
        }
    }
}

fn kinds() -> Vec<Opt> {
    ReviewKind::ALL.iter().map(|k| Opt::new(k.as_str(), k.label())).collect()
}

/// The card's data for a plan already loaded (two queries: the schedule and the reviews).
pub async fn card(state: &AppState, b: &PlanBundle) -> Result<ReviewsCard, AppError> {
    let org = b.plan.org_id;
    let (sched, reviews) = tokio::try_join!(review_service::schedule(&state.store, org, b.plan.id), async {
        state.store.reviews(org, b.plan.id).await.map_err(AppError::from)
    })?;
    Ok(ReviewsCard {
        plan_id: b.plan.id.get(),
        plan_version: b.plan.version,
        cadence: sched.cadence_months,
        next_set: sched.next_review_date.map(keyplan_domain::validate::format_date).unwrap_or_default(),
        due: views::date(sched.due),
        overdue: sched.overdue,
        reviews: reviews.iter().map(ReviewRow::new).collect(),
        kinds: kinds(),
        today: keyplan_domain::validate::format_date(crate::service::today()),
    })
}

// --- the review page -------------------------------------------------------------------

pub struct ChangeView {
    pub kind: &'static str,
    pub entity: String,
    pub subject: String,
    pub field: String,
    pub before: String,
    pub after: String,
    pub text: String,
}

impl ChangeView {
    fn new(c: &Change) -> Self {
        ChangeView {
            kind: match c.kind {
                ChangeKind::Added => "added",
                ChangeKind::Removed => "removed",
                ChangeKind::Changed => "changed",
            },
            entity: c.entity.clone(),
            subject: c.subject.clone(),
            field: c.field.clone().unwrap_or_default(),
            before: c.before.clone().unwrap_or_default(),
            after: c.after.clone().unwrap_or_default(),
            text: c.text.clone(),
        }
    }
}

/// Changes grouped by what sort of thing changed, for reading.
pub struct ChangeGroup {
    pub entity: String,
    pub changes: Vec<ChangeView>,
}

fn grouped(changes: &[Change]) -> Vec<ChangeGroup> {
    let mut groups: Vec<ChangeGroup> = Vec::new();
    for c in changes {
        match groups.iter_mut().find(|g| g.entity == c.entity) {
            Some(g) => g.changes.push(ChangeView::new(c)),
            None => groups.push(ChangeGroup { entity: c.entity.clone(), changes: vec![ChangeView::new(c)] }),
        }
    }
    groups
}

pub struct ParticipantView {
    pub id: i64,
    pub initial: String,
    pub name: String,
    pub detail: String,
    pub customer: bool,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage {
    chrome: Chrome,
    r: ReviewRow,
    plan_id: i64,
    plan_title: String,
    account_id: i64,
    account_name: String,
    version: i64,
    notes: String,
    decisions: String,
    signoff_comment: String,
    signoff_by: String,
    from_label: String,
    has_baseline: bool,
    compare_link: String,
    change_count: usize,
    groups: Vec<ChangeGroup>,
    participants: Vec<ParticipantView>,
    user_opts: Vec<Opt>,
    contact_opts: Vec<Opt>,
    can_edit: bool,
    can_signoff: bool,
    is_management: bool,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let r = state.store.review(auth.org(), id).await?;
    let (b, participants, wc) = tokio::try_join!(
        crate::service::plan_bundle(&state.store, &auth, r.plan_id),
        async { state.store.participants(auth.org(), id).await.map_err(AppError::from) },
        review_service::what_changed(&state.store, auth.org(), &r),
    )?;
    let participants: Vec<ParticipantView> = participants
        .iter()
        .map(|p| match (p.user_id, p.contact_id) {
            (Some(u), _) => {
                let user = b.users.iter().find(|x| x.id == u);
                ParticipantView {
                    id: p.id,
                    initial: String::new(),
                    name: user.map(|x| x.name.clone()).unwrap_or_default(),
                    detail: user.map(|x| x.role().label().to_string()).unwrap_or_default(),
                    customer: false,
                }
            }
            (None, c) => {
                let contact = b.contacts.iter().find(|x| Some(x.id) == c);
                ParticipantView {
                    id: p.id,
                    initial: String::new(),
                    name: contact.map(|x| x.name.clone()).unwrap_or_default(),
                    detail: contact.and_then(|x| x.title.clone()).unwrap_or_else(|| b.account.name.clone()),
                    customer: true,
                }
            }
        })
        .map(|mut p: ParticipantView| {
            p.initial = p.name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
            p
        })
        .collect();
    let compare_link = match wc.from {
        Some(from) => format!("/plans/{}/compare?from={}&to={}", b.plan.id, from.as_param(), wc.to.as_param()),
        None => format!("/plans/{}/compare", b.plan.id),
    };
    let chrome = Chrome::new(&auth, "accounts", &headers);
    let had_flash = chrome.flash.is_some();
    let page = ReviewPage {
        chrome,
        r: ReviewRow::new(&r),
        plan_id: b.plan.id.get(),
        plan_title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        version: r.version,
        notes: r.notes.clone().unwrap_or_default(),
        decisions: r.decisions.clone().unwrap_or_default(),
        signoff_comment: r.signoff_comment.clone().unwrap_or_default(),
        signoff_by: b.user_name(r.signoff_by).unwrap_or_default().to_string(),
        from_label: wc.from_label.clone(),
        has_baseline: wc.from.is_some(),
        compare_link,
        change_count: wc.changes.len(),
        groups: grouped(&wc.changes),
        user_opts: b
            .users
            .iter()
            .filter(|u| u.active && !participants.iter().any(|p| !p.customer && p.name == u.name))
            .map(|u| Opt::new(u.id, &u.name))
            .collect(),
        contact_opts: b
            .contacts
            .iter()
            .filter(|c| !participants.iter().any(|p| p.customer && p.name == c.name))
            .map(|c| Opt::new(c.id, &c.name))
            .collect(),
        participants,
        can_edit: b.can_edit,
        can_signoff: permissions::can_approve_plans(auth.actor()) && r.kind() == ReviewKind::Management && r.is_held(),
        is_management: r.kind() == ReviewKind::Management,
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}

/// What went wrong, for a flash message after a form (the page shows it on reload).
fn problem(e: &AppError) -> Option<String> {
    match e {
        AppError::Validation(errors) => {
            Some(errors.iter().map(|f| format!("{}: {}", f.field.replace('_', " "), f.message)).collect::<Vec<_>>().join("; "))
        }
        AppError::Conflict { .. } => {
            Some("Someone else changed this in the meantime; nothing was saved. Here is the current version.".into())
        }
        AppError::State(m) => Some(m.clone()),
        _ => None,
    }
}

/// Redirects with the outcome: success message, or the problem for known errors.
fn outcome<T>(result: Result<T, AppError>, to: &str, ok: &str) -> Result<Response, AppError> {
    match result {
        Ok(_) => Ok(redirect_with(to, ok)),
        Err(e) => match problem(&e) {
            Some(msg) => Ok(redirect_with(to, &msg)),
            None => Err(e),
        },
    }
}

#[derive(Deserialize)]
pub struct NewReviewForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    review_date: String,
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(f): Form<NewReviewForm>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    match review_service::create_review(&state.store, &auth, plan, &f.kind, &f.review_date).await {
        Ok(r) => Ok(redirect_with(&format!("/reviews/{}", r.id), "Review planned. Add who takes part, then hold it on the day.")),
        Err(e) => outcome::<()>(Err(e), &format!("/plans/{plan}#reviews"), ""),
    }
}

#[derive(Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    review_cadence_months: String,
    #[serde(default)]
    next_review_date: String,
}

pub async fn schedule(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    let version = form_version(&f.version)?;
    let r = review_service::set_schedule(&state.store, &auth, plan, version, &f.review_cadence_months, &f.next_review_date).await;
    outcome(r, &format!("/plans/{plan}#reviews"), "Review schedule saved.")
}

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    review_date: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    decisions: String,
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let version = form_version(&f.version)?;
    let r = review_service::update_review(&state.store, &auth, id, version, Some(&f.review_date), Some(&f.notes), Some(&f.decisions)).await;
    outcome(r, &format!("/reviews/{id}"), "Notes and decisions saved.")
}

#[derive(Deserialize)]
pub struct ParticipantForm {
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    contact_id: String,
}

pub async fn add_participant(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(f): Form<ParticipantForm>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let user = f.user_id.trim().parse::<i64>().ok().map(UserId::new);
    let contact = f.contact_id.trim().parse::<i64>().ok().map(ContactId::new);
    let r = review_service::add_participant(&state.store, &auth, id, user, contact).await;
    outcome(r, &format!("/reviews/{id}#participants"), "Participant added.")
}

pub async fn remove_participant(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path((id, pid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let r = review_service::remove_participant(&state.store, &auth, id, path_id(&pid)?).await;
    outcome(r, &format!("/reviews/{id}#participants"), "Participant removed.")
}

pub async fn hold(State(state): State<AppState>, PageUser(auth): PageUser, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let r = review_service::hold_review(&state.store, &auth, id, None).await;
    outcome(r, &format!("/reviews/{id}"), "Review held: the plan as it stands now is frozen as this review's snapshot.")
}

#[derive(Deserialize)]
pub struct SignoffForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

pub async fn signoff(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(f): Form<SignoffForm>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let version = form_version(&f.version)?;
    let r = review_service::signoff(&state.store, &auth, id, Some(version), &f.decision, Some(&f.comment)).await;
    outcome(r, &format!("/reviews/{id}"), "Signed off; the plan's status follows the decision.")
}

// --- compare ---------------------------------------------------------------------------

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
    Path(id): Path<String>,
    Query(q): Query<CompareQuery>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
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
    let changes = review_service::diff(&state.store, auth.org(), plan, from, to).await?;
    let mut versions: Vec<Opt> =
        snaps.iter().map(|s| Opt::new(s.id, format!("{} (taken {})", s.label, views::date(s.taken_at.date())))).collect();
    versions.push(Opt::new("current", "The plan as it is now"));
    let chrome = Chrome::new(&auth, "accounts", &headers);
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
        groups: grouped(&changes),
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}
