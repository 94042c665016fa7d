//! The "Reviews" card of the plan page: held and planned reviews, the cadence,
//! and the forms to plan the next one.

use crate::AppState;
use crate::error::PageError;
use crate::views::{FormView, Opt};
use keyplan_app::bundle::PlanBundle;
use keyplan_domain::review::ReviewKind;
use keyplan_i18n::Tr;
use keyplan_store::Review;
use serde::{Deserialize, Serialize};

/// One review in a list.
pub struct ReviewRow {
    pub id: i64,
    pub kind: &'static str,
    pub kind_label: String,
    pub date: String,
    pub held: bool,
    pub signoff: &'static str,
    pub signoff_label: String,
}

impl ReviewRow {
    pub fn new(r: &Review, t: Tr) -> Self {
        let s = r.signoff().map(|s| s.as_str()).unwrap_or("");
        ReviewRow {
            id: r.id.get(),
            kind: r.kind().as_str(),
            kind_label: t.enum_label("review-kind", r.kind().as_str()),
            date: t.date(r.review_date),
            held: r.is_held(),
            signoff: s,
            signoff_label: t.enum_label("review-signoff", s),
        }
    }
}

/// A quality rating in the card: "4 of 5: Good", the comment, who and when.
pub struct RatingLine {
    pub review_id: i64,
    pub score: String,
    pub comment: String,
    pub by: String,
}

/// The "Reviews" card of the plan page.
pub struct ReviewsCard {
    pub plan_id: i64,
    pub due: String,
    /// "Reviewed quarterly."
    pub cadence_text: String,
    pub overdue: bool,
    /// Past the organisation's update interval: "Not updated since …"; else empty.
    pub unrefreshed: String,
    /// "Update or review by …".
    pub update_due: String,
    pub reviews: Vec<ReviewRow>,
    /// The managers' quality ratings, newest first, for those who may read them.
    pub ratings: Vec<RatingLine>,
    /// The coach's score kept with each held review, oldest first.
    pub trend: Vec<keyplan_app::coach::TrendPoint>,
    pub kinds: Vec<Opt>,
    /// The "plan a review" form and the schedule form, with what was typed after an error.
    pub add: FormView,
    pub sched: FormView,
}

/// "quarterly", "every 4 months".
pub(crate) fn cadence_label(months: i32, t: Tr) -> String {
    match months {
        1 | 3 | 6 | 12 => t.s(&format!("review-cadence-{months}")),
        n => t.s1("review-cadence-n", "n", n),
    }
}

fn kinds(t: Tr) -> Vec<Opt> {
    ReviewKind::ALL.iter().map(|k| Opt::new(k.as_str(), t.enum_label("review-kind", k.as_str()))).collect()
}

/// The card's forms coming back after a refused post.
#[derive(Default)]
pub struct CardForms {
    pub add: Option<FormView>,
    pub sched: Option<FormView>,
}

/// The card's data for a plan already loaded (its schedule and reviews come
/// with the plan; ratings after a held management review take one query),
/// its texts in `t`'s language.
pub async fn card_in(
    state: &AppState,
    actor: keyplan_domain::permissions::Actor,
    b: &PlanBundle,
    forms: CardForms,
    t: Tr,
) -> Result<ReviewsCard, PageError> {
    let org = b.plan.org_id;
    // The schedule comes with the plan's read; a bundle made without it reads it.
    let sched = match &b.schedule {
        Some(s) => keyplan_app::reviews::ScheduleView::new(s, keyplan_app::today()),
        None => keyplan_app::reviews::schedule(&state.store, org, b.plan.id).await?,
    };
    let reviews = &b.reviews;
    // Ratings are given at held management reviews: without one there is nothing to read.
    let kam = b.account.owner_id.or(b.plan.created_by);
    let rated = reviews.iter().any(|r| r.kind() == ReviewKind::Management && r.is_held());
    let ratings = if rated && keyplan_domain::quality::can_read_ratings(actor, kam == Some(actor.user_id)) {
        state.store.ratings(org, b.plan.id).await?
    } else {
        Vec::new()
    };
    let mut add = forms.add.unwrap_or_else(|| {
        let today = keyplan_domain::validate::format_date(keyplan_app::today());
        FormView::from_input(&NewReviewForm { kind: ReviewKind::Team.as_str().into(), review_date: today }, 0)
    });
    localise_review_errors(&mut add, t);
    let mut sched_form = forms.sched.unwrap_or_else(|| {
        let typed = ScheduleInput {
            review_cadence_months: sched.cadence_months.to_string(),
            next_review_date: sched.next_review_date.map(keyplan_domain::validate::format_date).unwrap_or_default(),
        };
        FormView::from_input(&typed, b.plan.version)
    });
    localise_review_errors(&mut sched_form, t);
    Ok(ReviewsCard {
        plan_id: b.plan.id.get(),
        cadence_text: t.s1("review-cadence", "cadence", cadence_label(sched.cadence_months, t)),
        due: t.date(sched.due),
        overdue: sched.overdue,
        unrefreshed: if sched.unrefreshed { t.s1("review-unrefreshed", "date", t.date(sched.last_update)) } else { String::new() },
        update_due: t.s1("review-update-due", "date", t.date(sched.update_due)),
        reviews: reviews.iter().map(|r| ReviewRow::new(r, t)).collect(),
        ratings: ratings.iter().map(|g| rating_line(g, t)).collect(),
        trend: super::coach_panel::trend_of(reviews),
        kinds: kinds(t),
        add,
        sched: sched_form,
    })
}

fn rating_line(g: &keyplan_store::Rating, t: Tr) -> RatingLine {
    let score = keyplan_domain::Message::new("rating-score")
        .arg("score", i64::from(g.score))
        .arg("max", i64::from(g.scale_max))
        .arg("label", &g.label);
    let by = keyplan_domain::Message::new("rating-by")
        .arg("name", g.rated_by_name.clone().unwrap_or_default())
        .arg("date", t.date(g.rated_at.date()));
    RatingLine { review_id: g.review_id.get(), score: t.msg(&score), comment: g.comment.clone(), by: t.msg(&by) }
}

#[derive(Deserialize, Serialize, Default)]
pub struct NewReviewForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub review_date: String,
}

#[derive(Serialize)]
pub struct ScheduleInput {
    pub review_cadence_months: String,
    pub next_review_date: String,
}

/// The review forms' error messages in `t`'s language.
pub fn localise_review_errors(f: &mut FormView, t: Tr) {
    f.localise(t);
}
