//! The "Reviews" card of the plan page: held and planned reviews, the cadence,
//! and the forms to plan the next one.

use crate::error::PageError;
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};
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

/// The "Reviews" card of the plan page.
pub struct ReviewsCard {
    pub plan_id: i64,
    pub due: String,
    /// "Reviewed quarterly."
    pub cadence_text: String,
    pub overdue: bool,
    pub reviews: Vec<ReviewRow>,
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

/// The card's data for a plan already loaded (two queries: the schedule and the
/// reviews), its texts in `t`'s language.
pub async fn card_in(state: &AppState, b: &PlanBundle, forms: CardForms, t: Tr) -> Result<ReviewsCard, PageError> {
    let org = b.plan.org_id;
    let (sched, reviews) = tokio::try_join!(keyplan_app::reviews::schedule(&state.store, org, b.plan.id), async {
        state.store.reviews(org, b.plan.id).await.map_err(AppError::from)
    })?;
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
        reviews: reviews.iter().map(|r| ReviewRow::new(r, t)).collect(),
        trend: super::coach_panel::trend_of(&reviews),
        kinds: kinds(t),
        add,
        sched: sched_form,
    })
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
