//! The manager's quality rating on a held management review's page (issue 17):
//! the rating given at this review, shown to managers, administrators and the
//! plan's KAM, and the form a manager or administrator rates with (once per
//! review) on the organisation's quality scale.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::bundle::PlanBundle;
use keyplan_domain::quality;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::{FieldError, Message, ReviewId};
use keyplan_i18n::Tr;
use keyplan_store::{Rating, Review};
use serde::{Deserialize, Serialize};

use super::page::{ReviewForms, review_page, tr};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::pages::redirect_with;
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};

/// A rating as the page shows it.
pub struct RatingView {
    /// "4 of 5: Good".
    pub score: String,
    pub comment: String,
    /// "Mia Manager, 5 Mar 2027".
    pub by: String,
    /// "Coach score then: 78.3"; empty when not kept.
    pub coach: String,
}

impl RatingView {
    pub fn new(r: &Rating, t: Tr) -> Self {
        let score = Message::new("rating-score").arg("score", i64::from(r.score)).arg("max", i64::from(r.scale_max)).arg("label", &r.label);
        let by = Message::new("rating-by").arg("name", r.rated_by_name.clone().unwrap_or_default()).arg("date", t.date(r.rated_at.date()));
        RatingView {
            score: t.msg(&score),
            comment: r.comment.clone(),
            by: t.msg(&by),
            coach: r.coach_score.map(|s| t.s1("rating-coach", "score", format!("{s:.1}"))).unwrap_or_default(),
        }
    }
}

/// The rating section of a review page.
#[derive(Default)]
pub struct RatingSection {
    /// A held management review: the section shows at all.
    pub shown: bool,
    /// The rating given at this review, for those who may read it.
    pub rating: Option<RatingView>,
    /// A manager or administrator, and this review not yet rated.
    pub can_rate: bool,
    /// The steps of the organisation's scale: "4 — Good".
    pub steps: Vec<Opt>,
    pub form: FormView,
}

/// What the rating form sends.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RatingForm {
    pub score: String,
    pub comment: String,
}

/// The section for review `r` of the plan in `b` (no statement unless the
/// review is a held management review).
pub async fn section(
    state: &AppState,
    auth: &Auth,
    b: &PlanBundle,
    r: &Review,
    form: Option<FormView>,
    t: Tr,
) -> Result<RatingSection, PageError> {
    if r.kind() != ReviewKind::Management || !r.is_held() {
        return Ok(RatingSection::default());
    }
    let kam = b.account.owner_id.or(b.plan.created_by);
    let may_read = quality::can_read_ratings(auth.actor(), kam == Some(auth.id()));
    let ratings = if may_read { state.store.ratings(auth.org(), r.plan_id).await? } else { Vec::new() };
    let given = ratings.iter().find(|g| g.review_id == r.id);
    let can_rate = quality::can_rate(auth.actor()) && given.is_none();
    let mut steps = Vec::new();
    if can_rate {
        let scale = state.store.organisation_settings(auth.org()).await?.0.quality_scale;
        steps = (scale.min..=scale.max).rev().map(|s| Opt::new(s, format!("{s} — {}", scale.label(s).unwrap_or_default()))).collect();
    }
    let mut form = form.unwrap_or_else(|| FormView::from_input(&RatingForm::default(), 0));
    form.localise(t);
    Ok(RatingSection { shown: true, rating: given.map(|g| RatingView::new(g, t)), can_rate, steps, form })
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
