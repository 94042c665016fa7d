//! The manager's quality rating on a held management review's page (issue 17):
//! the rating given at this review, shown to managers, administrators and the
//! plan's KAM, and the form a manager or administrator rates with (once per
//! review) on the organisation's quality scale (posted to `forms::rate`).

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::Message;
use keyplan_domain::quality;
use keyplan_domain::review::ReviewKind;
use keyplan_i18n::Tr;
use keyplan_store::{Rating, Review};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::auth::Auth;
use crate::error::PageError;
use crate::views::{FormView, Opt};

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
    // Those who may neither read nor rate (other KAMs, members, viewers) do not see the section at all.
    Ok(RatingSection { shown: may_read || can_rate, rating: given.map(|g| RatingView::new(g, t)), can_rate, steps, form })
}
