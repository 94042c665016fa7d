//! The plan coach in the application (issue 12): the domain's rules
//! (`keyplan_domain::coach`) over a loaded plan, under the organisation's rule
//! settings, with the excellence ladder read from the plan's life.
//!
//! * [`plan_coach`] answers the coach for one plan: the plan bundle's fixed
//!   number of statements, plus one for the organisation's settings and two
//!   for the ladder's evidence ([`gather_evidence`]).
//! * A page that already holds the [`PlanBundle`] calls [`coach_of_bundle`]
//!   with the settings ([`settings`]) and the evidence instead: no statement
//!   runs twice.
//! * [`lint_document`] reads an open plan document without any database.
//! * [`CoachReport::to_json`] gives the object the API and `keyplan coach
//!   --json` print (see [`json`]).
//! * Holding a review keeps the score and level with it ([`mark_now`]);
//!   [`score_trend`] lists them.

pub mod json;
pub mod marks;
mod settings;

use keyplan_domain::coach::{self, Assessment, CoachInput, CoachSettings, JointReview, Ladder, LadderEvidence};
use keyplan_domain::document::PlanDocument;
use keyplan_domain::review::{self, ReviewKind};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeDetail};
use keyplan_domain::{Lang, OrgId, PlanId, ReviewId, UserId};
use keyplan_store::{CoachMark, Store};
use time::Date;

use crate::bundle::{self, PlanBundle};
use crate::{AppError, Auth, Result};

pub use json::CoachJson;
pub use settings::{save_settings, settings};

/// What the coach says about a plan, and where it stands on the ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct CoachReport {
    pub assessment: Assessment,
    pub ladder: Ladder,
}

impl CoachReport {
    pub fn has_blocker(&self) -> bool {
        self.assessment.findings.iter().any(|f| f.severity == coach::Severity::Blocker)
    }

    /// What the account list shows: the rounded score, the level and the blockers.
    pub fn plan_mark(&self) -> keyplan_store::PlanMark {
        let blockers = self.assessment.findings.iter().filter(|f| f.severity == coach::Severity::Blocker).count();
        keyplan_store::PlanMark {
            score: self.assessment.score.rounded(),
            level: i32::from(self.ladder.level),
            blockers: i32::try_from(blockers).unwrap_or(i32::MAX),
        }
    }

    /// What a held review keeps: the rounded score and the level.
    pub fn mark(&self) -> CoachMark {
        CoachMark { score: self.assessment.score.rounded(), level: i32::from(self.ladder.level) }
    }
}

/// What the coach needs about a plan beyond the bundle: the ladder's evidence
/// and when the next review is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanEvidence {
    pub ladder: LadderEvidence,
    /// When the next review is due (`keyplan_domain::review::next_review_due`).
    pub next_review: Date,
}

/// The coach for one plan, for anyone who may read it; texts of built-in
/// templates (section titles in findings) in `lang`.
pub async fn plan_coach(store: &Store, auth: &Auth, plan: PlanId, lang: Lang, today: Date) -> Result<CoachReport> {
    report_for(store, auth.org(), plan, lang, today).await
}

/// The coach for a plan of `org` without a signed-in user (the command line).
pub async fn report_for(store: &Store, org: OrgId, plan: PlanId, lang: Lang, today: Date) -> Result<CoachReport> {
    let bundle = bundle::plan_bundle_for(store, org, None, plan, lang).await?;
    let (settings, evidence) =
        tokio::try_join!(async { store.coach_settings(org).await.map_err(AppError::from) }, gather_evidence(store, org, &bundle, today))?;
    Ok(coach_of_bundle(&bundle, &settings, &evidence, today))
}

/// The coach over an already loaded plan: no statement runs.
pub fn coach_of_bundle(bundle: &PlanBundle, settings: &CoachSettings, evidence: &PlanEvidence, today: Date) -> CoachReport {
    let input = bundle.coach_input(today, Some(evidence.next_review));
    report(&input, settings, &evidence.ladder)
}

fn report(input: &CoachInput<'_>, settings: &CoachSettings, evidence: &LadderEvidence) -> CoachReport {
    CoachReport { assessment: coach::assess(input, settings), ladder: coach::ladder(evidence) }
}

/// The plan's KAM: the account's owner, else whoever made the plan.
fn kam(bundle: &PlanBundle) -> Option<UserId> {
    bundle.account.owner_id.or(bundle.plan.created_by)
}

/// Whether the loaded plan shows someone other than the KAM at work: a
/// commitment written by a colleague, one a colleague owns and has accepted,
/// or an analysis item a colleague wrote.
fn others_in_bundle(bundle: &PlanBundle, kam: Option<UserId>) -> bool {
    let other = |u: Option<UserId>| u.is_some() && u != kam;
    let in_tree = bundle.all_nodes().into_iter().any(|n| match &n.detail {
        NodeDetail::Commitment(c) => other(c.author_id) || (other(c.owner_id) && c.acceptance == Some(Acceptance::Accepted)),
        _ => false,
    });
    in_tree || bundle.items.iter().any(|i| other(i.author_id))
}

/// The facts the excellence ladder and the review rule read, in two
/// statements side by side (the plan's history, rhythm and visitors' openings
/// of its share links in one; its reviews in the other), whatever the plan's
/// size. The customer's answers to joint commitments come with the bundle.
pub async fn gather_evidence(store: &Store, org: OrgId, bundle: &PlanBundle, today: Date) -> Result<PlanEvidence> {
    let plan = bundle.plan.id;
    let kam = kam(bundle);
    // The reviews come with the bundle (a team bundle: an audience's drops them).
    let facts = store.coach_facts(org, plan, kam).await.map_err(AppError::from)?;
    let reviews = &bundle.reviews;
    let held = |kind: ReviewKind| reviews.iter().filter(move |r| r.kind == kind && r.is_held());
    let filled = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
    let ladder = LadderEvidence {
        today,
        plan_start: facts.period_start,
        team_contributed: facts.others_wrote || others_in_bundle(bundle, kam),
        team_reviews_held: held(ReviewKind::Team).map(|r| r.review_date).collect(),
        cadence_months: facts.review_cadence_months,
        last_share_open: facts.last_share_open.map(|t| t.to_offset(time::UtcOffset::UTC).date()),
        joint_reviews_held: held(ReviewKind::Customer)
            .map(|r| JointReview { date: r.review_date, decisions_recorded: filled(&r.decisions) })
            .collect(),
        customer_accepted_commitments: customer_accepted(bundle).count(),
        // Overdue as the `commitment-overdue` rule reads it: due before today and
        // not done (a missed commitment stays overdue).
        customer_commitment_overdue: customer_accepted(bundle)
            .any(|n| n.commitment().is_some_and(|c| c.due_date.is_some_and(|d| d < today) && c.status != Some(CommitmentStatus::Done))),
    };
    let next_review = review::next_review_due(facts.next_review_date, facts.last_held, facts.period_start, facts.review_cadence_months);
    Ok(PlanEvidence { ladder, next_review })
}

/// The commitments the customer accepted as joint commitments.
fn customer_accepted(bundle: &PlanBundle) -> impl Iterator<Item = &keyplan_domain::tree::Node> {
    bundle.joint.iter().filter(|j| j.answer == keyplan_domain::customer::JointAnswer::Accepted).map(|j| &j.node)
}

/// The coach over an open plan document, without a database: target ids are
/// the document's local ids, every rule runs at its default severity, and the
/// template is the built-in one the document names (unknown for a company
/// template: its section kinds are then read from the items, and no length
/// budget applies). A document carries no history, so its ladder has no
/// evidence: level 1.
pub fn lint_document(doc: &PlanDocument, today: Date) -> CoachReport {
    let input = CoachInput::from_document(doc, None, today);
    let evidence = LadderEvidence {
        today,
        plan_start: doc.plan.period_start,
        team_contributed: false,
        team_reviews_held: Vec::new(),
        cadence_months: 3,
        last_share_open: None,
        joint_reviews_held: Vec::new(),
        customer_accepted_commitments: 0,
        customer_commitment_overdue: false,
    };
    report(&input, &CoachSettings::default(), &evidence)
}

/// The coach's mark of the plan as it is now, for a review being held.
pub async fn mark_now(store: &Store, org: OrgId, plan: PlanId, today: Date) -> Result<CoachMark> {
    Ok(report_for(store, org, plan, Lang::En, today).await?.mark())
}

/// The score and level kept with one held review.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct TrendPoint {
    pub review_id: ReviewId,
    pub kind: ReviewKind,
    pub date: Date,
    pub score: f64,
    pub level: i32,
}

/// The plan's score at each held review, oldest first (two statements). Reviews
/// held before the coach existed have no score and are left out.
pub async fn score_trend(store: &Store, auth: &Auth, plan: PlanId) -> Result<Vec<TrendPoint>> {
    store.plan(auth.org(), plan).await?;
    let mut points: Vec<TrendPoint> = store
        .reviews(auth.org(), plan)
        .await?
        .into_iter()
        .filter(|r| r.is_held())
        .filter_map(|r| {
            Some(TrendPoint { review_id: r.id, kind: r.kind, date: r.review_date, score: r.coach_score?, level: r.coach_level? })
        })
        .collect();
    points.sort_by_key(|p| (p.date, p.review_id));
    Ok(points)
}
