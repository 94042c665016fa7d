//! The forms of reviews: planning one from the plan page, the review schedule,
//! notes, participants, holding the review, the manager's sign-off and quality
//! rating.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::{ContactId, FieldError, Message, PlanId, ReviewId, UserId};
use serde::Deserialize;

use super::page::{ReviewForm, ReviewForms, SignoffForm, outcome, plan_again, review_page, tr};
use super::rating::RatingForm;
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::{Id, IdAnd};
use crate::pages::plan::reviews_card::{CardForms, NewReviewForm, ScheduleInput};
use crate::pages::{form_version, redirect_with};
use crate::views::FormView;
use crate::{AppError, AppState};

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(f): Form<NewReviewForm>,
) -> Result<Response, PageError> {
    let plan = id;
    match keyplan_app::reviews::create_review(&state.store, &auth, plan, &f.kind, &f.review_date).await {
        Ok(r) => Ok(redirect_with(&format!("/reviews/{}", r.id), &tr().s("review-planned-flash"))),
        Err(AppError::Validation(errors)) => {
            let add = FormView::from_input(&f, 0).with_errors(&errors);
            plan_again(&state, &auth, &headers, plan, CardForms { add: Some(add), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Err(e) => Err(e.into()),
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
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, PageError> {
    let plan = id;
    let version = form_version(&f.version)?;
    let typed = ScheduleInput { review_cadence_months: f.review_cadence_months.clone(), next_review_date: f.next_review_date.clone() };
    let (sched, status) =
        match keyplan_app::reviews::set_schedule(&state.store, &auth, plan, version, &f.review_cadence_months, &f.next_review_date).await {
            Ok(_) => return Ok(redirect_with(&format!("/plans/{plan}?tab=reviews#reviews"), &tr().s("review-schedule-saved"))),
            Err(AppError::Validation(errors)) => {
                (FormView::from_input(&typed, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(AppError::Conflict { current_version }) => {
                let now = keyplan_app::reviews::schedule(&state.store, auth.org(), plan).await?;
                let stored = ScheduleInput {
                    review_cadence_months: now.cadence_months.to_string(),
                    next_review_date: now.next_review_date.map(keyplan_domain::validate::format_date).unwrap_or_default(),
                };
                (FormView::conflicted(&stored, &typed, current_version), StatusCode::CONFLICT)
            }
            Err(e) => return Err(e.into()),
        };
    plan_again(&state, &auth, &headers, plan, CardForms { sched: Some(sched), ..Default::default() }, status).await
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    let version = form_version(&f.version)?;
    let r = keyplan_app::reviews::update_review(
        &state.store,
        &auth,
        id,
        version,
        Some(&f.review_date),
        Some(&f.notes),
        Some(&f.decisions),
        None,
    )
    .await;
    let (notes, status) = match r {
        Ok(_) => return Ok(redirect_with(&format!("/reviews/{id}"), &tr().s("review-notes-saved"))),
        Err(AppError::Validation(errors)) => (FormView::from_input(&f, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.review(auth.org(), id).await?;
            (FormView::conflicted(&ReviewForm::of(&stored), &f, current_version), StatusCode::CONFLICT)
        }
        Err(e) => return Err(e.into()),
    };
    review_page(&state, &auth, &headers, id, ReviewForms { notes: Some(notes), ..Default::default() }, status).await
}

#[derive(Deserialize)]
pub struct ParticipantForm {
    /// A colleague's name or e-mail as typed in the search field (`user_id` is the hint).
    #[serde(default)]
    participant: Option<String>,
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    contact_id: String,
}

pub async fn add_participant(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<ReviewId>,
    Form(f): Form<ParticipantForm>,
) -> Result<Response, PageError> {
    let user = match f.participant.as_deref() {
        Some(text) => crate::pickers::resolve(&state.store, auth.org(), &crate::pickers::COLLEAGUE, text, &f.user_id).await,
        None => Ok(f.user_id.clone()),
    };
    let r = match user {
        Ok(user) => {
            let user = user.trim().parse::<i64>().ok().map(UserId::new);
            let contact = f.contact_id.trim().parse::<i64>().ok().map(ContactId::new);
            keyplan_app::reviews::add_participant(&state.store, &auth, id, user, contact).await
        }
        Err(e) => Err(e),
    };
    outcome(r, &format!("/reviews/{id}#participants"), &tr().s("review-participant-added"))
}

pub async fn remove_participant(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    IdAnd(id, pid): IdAnd<ReviewId>,
) -> Result<Response, PageError> {
    let pid = pid.parse::<i64>().ok().filter(|n| *n > 0).ok_or(AppError::NotFound)?;
    let r = keyplan_app::reviews::remove_participant(&state.store, &auth, id, pid).await;
    outcome(r, &format!("/reviews/{id}#participants"), &tr().s("review-participant-removed"))
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
    Id(id): Id<ReviewId>,
    Form(f): Form<HoldForm>,
) -> Result<Response, PageError> {
    let version = form_version(&f.version)?;
    match keyplan_app::reviews::hold_review(&state.store, &auth, id, version).await {
        Err(AppError::Conflict { current_version }) => {
            let msg = tr().s1("review-hold-conflict", "version", current_version);
            review_page(&state, &auth, &headers, id, ReviewForms { hold: Some(msg), ..Default::default() }, StatusCode::CONFLICT).await
        }
        r => outcome(r, &format!("/reviews/{id}"), &tr().s("review-held-flash")),
    }
}

pub async fn signoff(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
    Form(f): Form<SignoffForm>,
) -> Result<Response, PageError> {
    let version = form_version(&f.version)?;
    let (form, status) = match keyplan_app::reviews::signoff(&state.store, &auth, id, Some(version), &f.decision, Some(&f.comment)).await {
        Ok(_) => return Ok(redirect_with(&format!("/reviews/{id}"), &tr().s("review-signed-off"))),
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

/// `POST /reviews/{id}/rating`: rates the plan at this held management review.
pub async fn rate(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
    Form(f): Form<RatingForm>,
) -> Result<Response, PageError> {
    let r = state.store.review(auth.org(), id).await?;
    let result = match f.score.trim().parse::<i64>() {
        Ok(score) => keyplan_app::rhythm::rate(&state.store, &auth, r.plan_id, id, score, &f.comment).await,
        Err(_) => Err(AppError::Validation(vec![FieldError::new("score", Message::new("rating-err-score-missing"))])),
    };
    match result {
        Ok(_) => Ok(redirect_with(&format!("/reviews/{id}#rating"), &tr().s("rating-saved"))),
        Err(AppError::Validation(errors)) if errors.iter().any(|e| e.field == "review_id") => {
            let t = tr();
            let text = errors.iter().map(|e| t.msg(&e.message)).collect::<Vec<_>>().join("; ");
            Ok(redirect_with(&format!("/reviews/{id}#rating"), &text))
        }
        Err(AppError::Validation(errors)) => {
            let form = FormView::from_input(&f, 0).with_errors(&errors);
            review_page(
                &state,
                &auth,
                &headers,
                id,
                ReviewForms { rating: Some(form), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
