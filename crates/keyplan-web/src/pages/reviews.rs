//! Review pages: the "Reviews" card on the plan page, the review page (opening with
//! what changed since the last review) and their forms.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::permissions;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::snapshot::{Change, ChangeKind};
use keyplan_domain::{ContactId, PlanId, ReviewId, UserId};
use keyplan_store::Review;
use serde::{Deserialize, Serialize};

use super::{Chrome, form_version, path_id, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::review_service;
use crate::service::PlanBundle;
use crate::views::{self, FormView, Opt};
use crate::{AppError, AppState};

/// One review in a list.
pub struct ReviewRow {
    pub id: i64,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub date: String,
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
            held: r.is_held(),
            signoff: s.map(|s| s.as_str()).unwrap_or(""),
            signoff_label: s.map(|s| s.label()).unwrap_or(""),
        }
    }
}

/// The "Reviews" card of the plan page.
pub struct ReviewsCard {
    pub plan_id: i64,
    pub cadence: i32,
    pub due: String,
    pub overdue: bool,
    pub reviews: Vec<ReviewRow>,
    pub kinds: Vec<Opt>,
    /// The "plan a review" form and the schedule form, with what was typed after an error.
    pub add: FormView,
    pub sched: FormView,
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

/// The card's forms coming back after a refused post.
#[derive(Default)]
pub struct CardForms {
    pub add: Option<FormView>,
    pub sched: Option<FormView>,
}

/// The card's data for a plan already loaded (two queries: the schedule and the reviews).
pub async fn card(state: &AppState, b: &PlanBundle, forms: CardForms) -> Result<ReviewsCard, AppError> {
    let org = b.plan.org_id;
    let (sched, reviews) = tokio::try_join!(review_service::schedule(&state.store, org, b.plan.id), async {
        state.store.reviews(org, b.plan.id).await.map_err(AppError::from)
    })?;
    Ok(ReviewsCard {
        plan_id: b.plan.id.get(),
        cadence: sched.cadence_months,
        due: views::date(sched.due),
        overdue: sched.overdue,
        reviews: reviews.iter().map(ReviewRow::new).collect(),
        kinds: kinds(),
        add: forms.add.unwrap_or_else(|| {
            let today = keyplan_domain::validate::format_date(crate::service::today());
            FormView::from_input(&NewReviewForm { kind: ReviewKind::Team.as_str().into(), review_date: today }, 0)
        }),
        sched: forms.sched.unwrap_or_else(|| {
            let typed = ScheduleInput {
                review_cadence_months: sched.cadence_months.to_string(),
                next_review_date: sched.next_review_date.map(keyplan_domain::validate::format_date).unwrap_or_default(),
            };
            FormView::from_input(&typed, b.plan.version)
        }),
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

pub(super) fn grouped(changes: &[Change]) -> Vec<ChangeGroup> {
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
    notes_form: FormView,
    signoff_form: FormView,
    hold_error: String,
}

/// The review page's forms coming back after a refused post.
#[derive(Default)]
pub struct ReviewForms {
    notes: Option<FormView>,
    signoff: Option<FormView>,
    /// Why holding was refused.
    hold: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    review_page(&state, &auth, &headers, id, ReviewForms::default(), StatusCode::OK).await
}

async fn review_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: ReviewId,
    forms: ReviewForms,
    status: StatusCode,
) -> Result<Response, AppError> {
    let r = state.store.review(auth.org(), id).await?;
    let (b, participants, wc) = tokio::try_join!(
        crate::service::plan_bundle(&state.store, auth, r.plan_id),
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
    let chrome = Chrome::new(auth, "accounts", headers);
    let had_flash = chrome.flash.is_some();
    let page = ReviewPage {
        notes_form: forms.notes.unwrap_or_else(|| FormView::from_input(&ReviewForm::of(&r), r.version)),
        signoff_form: forms.signoff.unwrap_or_else(|| {
            let fresh = SignoffForm { version: String::new(), decision: "approved".into(), comment: String::new() };
            FormView::from_input(&fresh, r.version)
        }),
        hold_error: forms.hold.unwrap_or_default(),
        chrome,
        r: ReviewRow::new(&r),
        plan_id: b.plan.id.get(),
        plan_title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        version: r.version,
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
    Ok(render(status, &page, had_flash))
}

/// What went wrong, for a flash message after a form that has no field to mark.
fn problem(e: &AppError) -> Option<String> {
    match e {
        AppError::Validation(errors) => {
            Some(errors.iter().map(|f| format!("{}: {}", f.field.replace('_', " "), f.message)).collect::<Vec<_>>().join("; "))
        }
        AppError::Conflict { .. } => Some(CONFLICT.into()),
        AppError::State(m) => Some(m.clone()),
        _ => None,
    }
}

const CONFLICT: &str = "Someone else changed this in the meantime; nothing was saved. Here is the current version.";

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

/// The plan page again, its reviews card showing the refused form.
async fn plan_again(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    plan: PlanId,
    f: CardForms,
    status: StatusCode,
) -> Result<Response, AppError> {
    let forms = super::plans::PlanForms { reviews: f, ..Default::default() };
    super::plans::plan_page(state, auth, headers, plan, forms, status).await
}

#[derive(Deserialize, Serialize, Default)]
pub struct NewReviewForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    review_date: String,
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<NewReviewForm>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    match review_service::create_review(&state.store, &auth, plan, &f.kind, &f.review_date).await {
        Ok(r) => Ok(redirect_with(&format!("/reviews/{}", r.id), "Review planned. Add who takes part, then hold it on the day.")),
        Err(AppError::Validation(errors)) => {
            let add = FormView::from_input(&f, 0).with_errors(&errors);
            plan_again(&state, &auth, &headers, plan, CardForms { add: Some(add), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Serialize)]
struct ScheduleInput {
    review_cadence_months: String,
    next_review_date: String,
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
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    let version = form_version(&f.version)?;
    let typed = ScheduleInput { review_cadence_months: f.review_cadence_months.clone(), next_review_date: f.next_review_date.clone() };
    let (sched, status) =
        match review_service::set_schedule(&state.store, &auth, plan, version, &f.review_cadence_months, &f.next_review_date).await {
            Ok(_) => return Ok(redirect_with(&format!("/plans/{plan}#reviews"), "Review schedule saved.")),
            Err(AppError::Validation(errors)) => {
                (FormView::from_input(&typed, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(AppError::Conflict { current_version }) => {
                let now = review_service::schedule(&state.store, auth.org(), plan).await?;
                let stored = ScheduleInput {
                    review_cadence_months: now.cadence_months.to_string(),
                    next_review_date: now.next_review_date.map(keyplan_domain::validate::format_date).unwrap_or_default(),
                };
                (FormView::conflicted(&stored, &typed, current_version), StatusCode::CONFLICT)
            }
            Err(e) => return Err(e),
        };
    plan_again(&state, &auth, &headers, plan, CardForms { sched: Some(sched), ..Default::default() }, status).await
}

#[derive(Deserialize, Serialize)]
pub struct ReviewForm {
    #[serde(default, skip_serializing)]
    version: String,
    #[serde(default)]
    review_date: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    decisions: String,
}

impl ReviewForm {
    fn of(r: &Review) -> Self {
        ReviewForm {
            version: r.version.to_string(),
            review_date: keyplan_domain::validate::format_date(r.review_date),
            notes: r.notes.clone().unwrap_or_default(),
            decisions: r.decisions.clone().unwrap_or_default(),
        }
    }
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let version = form_version(&f.version)?;
    let r = review_service::update_review(&state.store, &auth, id, version, Some(&f.review_date), Some(&f.notes), Some(&f.decisions)).await;
    let (notes, status) = match r {
        Ok(_) => return Ok(redirect_with(&format!("/reviews/{id}"), "Notes and decisions saved.")),
        Err(AppError::Validation(errors)) => (FormView::from_input(&f, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.review(auth.org(), id).await?;
            (FormView::conflicted(&ReviewForm::of(&stored), &f, current_version), StatusCode::CONFLICT)
        }
        Err(e) => return Err(e),
    };
    review_page(&state, &auth, &headers, id, ReviewForms { notes: Some(notes), ..Default::default() }, status).await
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

#[derive(Deserialize)]
pub struct HoldForm {
    #[serde(default)]
    version: String,
}

/// Holds the review the user saw: a stale version answers 409 with the page as it
/// is now and nothing held.
pub async fn hold(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<HoldForm>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let version = form_version(&f.version)?;
    match review_service::hold_review(&state.store, &auth, id, version).await {
        Err(AppError::Conflict { current_version }) => {
            let msg = format!(
                "This review was changed by someone else since you opened it (it is now at version {current_version}); it was not held. \
                 Check the page as it is now and hold it again."
            );
            review_page(&state, &auth, &headers, id, ReviewForms { hold: Some(msg), ..Default::default() }, StatusCode::CONFLICT).await
        }
        r => outcome(r, &format!("/reviews/{id}"), "Review held: the plan as it stands now is frozen as this review's snapshot."),
    }
}

#[derive(Deserialize, Serialize)]
pub struct SignoffForm {
    #[serde(default, skip_serializing)]
    version: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

pub async fn signoff(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<SignoffForm>,
) -> Result<Response, AppError> {
    let id = ReviewId::new(path_id(&id)?);
    let version = form_version(&f.version)?;
    let (form, status) = match review_service::signoff(&state.store, &auth, id, Some(version), &f.decision, Some(&f.comment)).await {
        Ok(_) => return Ok(redirect_with(&format!("/reviews/{id}"), "Signed off; the plan's status follows the decision.")),
        Err(AppError::Validation(errors)) => (FormView::from_input(&f, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.review(auth.org(), id).await?;
            let now = SignoffForm {
                version: String::new(),
                decision: stored.signoff().map(|s| s.as_str().to_string()).unwrap_or_default(),
                comment: stored.signoff_comment.clone().unwrap_or_default(),
            };
            (FormView::conflicted(&now, &f, current_version), StatusCode::CONFLICT)
        }
        Err(e) => return outcome::<()>(Err(e), &format!("/reviews/{id}#signoff"), ""),
    };
    review_page(&state, &auth, &headers, id, ReviewForms { signoff: Some(form), ..Default::default() }, status).await
}
