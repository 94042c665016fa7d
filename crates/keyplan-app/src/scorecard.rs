//! The KAM scorecard (issue 17; the rules are `keyplan_domain::scorecard`).
//!
//! Who may read it: the user themself, and the organisation's managers and
//! administrators for any of its users. keyplan keeps no "manager of" relation,
//! so every manager of the organisation counts as the KAM's manager. Anyone
//! else (another KAM, a team member, a viewer) meets 403; a user of another
//! organisation is not found. A constant number of statements: the user and
//! the six of `Store::scorecard_facts`.

use std::collections::BTreeMap;

use keyplan_domain::scorecard::{
    self, AskedCommitment, AskedFigures, GoalFigures, OwnedCommitment, OwnedFigures, PlanFigures, RatingRecord, ReviewFigures, ReviewRecord,
};
use keyplan_domain::validate::optional_date;
use keyplan_domain::{Message, UserId, kpi};
use keyplan_store::{ScorecardFacts, Store};
use serde::Serialize;
use time::Date;

use crate::access::require;
use crate::{AppError, Auth, Result};

/// A plan counted on the scorecard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScorecardPlanRow {
    pub id: i64,
    pub title: String,
    pub account: String,
    /// The plan's latest rating in the period, as a share of its scale.
    pub quality: Option<f64>,
    /// The plan's mean KPI progress, 0.0..=1.0.
    pub goal_progress: Option<f64>,
}

/// One KAM's figures over a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scorecard {
    pub user_id: i64,
    pub name: String,
    #[serde(with = "iso")]
    pub from: Date,
    #[serde(with = "iso")]
    pub to: Date,
    pub plans: PlanFigures,
    pub reviews: ReviewFigures,
    pub commitments_owned: OwnedFigures,
    pub commitments_asked: AskedFigures,
    pub goals: GoalFigures,
    pub plan_rows: Vec<ScorecardPlanRow>,
}

time::serde::format_description!(iso, Date, "[year]-[month]-[day]");

/// Reads the `from` and `to` parameters (YYYY-MM-DD); by default the twelve
/// months up to today. A bad date is 422 naming its field; `to` before `from`
/// or a period over five years is 422 on `to`.
pub fn parse_period(from: Option<&str>, to: Option<&str>) -> Result<(Date, Date)> {
    let to = optional_date("to", to)?.unwrap_or_else(crate::today);
    let from = optional_date("from", from)?.unwrap_or_else(|| scorecard::default_from(to));
    if !scorecard::valid_period(from, to) {
        return Err(AppError::field("to", Message::new("scorecard-err-period")));
    }
    Ok((from, to))
}

/// Whether `auth` may read the scorecard of `user`.
pub fn may_read(auth: &Auth, user: UserId) -> bool {
    auth.id() == user || auth.role().is_manager_like()
}

/// The scorecard of `user` from `from` to `to`.
pub async fn scorecard(store: &Store, auth: &Auth, user: UserId, from: Date, to: Date) -> Result<Scorecard> {
    let kam = store.user(auth.org(), user).await?;
    require(may_read(auth, kam.id))?;
    let facts = store.scorecard_facts(auth.org(), kam.id, from, to).await?;
    Ok(figures(kam.id.get(), kam.name, &facts, from, to, crate::today()))
}

/// The figures from the facts (pure; `today` decides what is overdue).
pub fn figures(user_id: i64, name: String, f: &ScorecardFacts, from: Date, to: Date, today: Date) -> Scorecard {
    let in_period = |d: Date| d >= from && d <= to;
    let ratings: Vec<_> = f.ratings.iter().filter(|r| in_period(r.rated_at.date())).collect();
    let records: Vec<RatingRecord> =
        ratings.iter().map(|r| RatingRecord { score: r.score, scale_min: r.scale_min, scale_max: r.scale_max }).collect();
    let reviews: Vec<ReviewRecord> =
        f.reviews.iter().map(|r| ReviewRecord { due: r.review_date, held: r.held_at.map(|h| h.date()) }).collect();
    let owned: Vec<OwnedCommitment> = f
        .owned
        .iter()
        .map(|c| OwnedCommitment { acceptance: c.acceptance, status: c.status, due: c.due_date, done_on: c.done_at.map(|d| d.date()) })
        .collect();
    let asked: Vec<AskedCommitment> =
        f.asked.iter().map(|c| AskedCommitment { asked_at: c.created_at, acceptance: c.acceptance, accepted_at: c.accepted_at }).collect();
    let mut progress: BTreeMap<i64, Vec<f64>> = f.plans.iter().map(|p| (p.id.get(), Vec::new())).collect();
    for k in &f.kpis {
        if let (Some(list), Some(p)) = (progress.get_mut(&k.plan_id.get()), kpi::progress(k.baseline, k.target, k.latest)) {
            list.push(p);
        }
    }
    let plan_rows = f
        .plans
        .iter()
        .map(|p| {
            let latest = ratings.iter().rev().find(|r| r.plan_id == p.id).filter(|r| r.scale_max > r.scale_min);
            let values = progress.get(&p.id.get()).filter(|v| !v.is_empty());
            ScorecardPlanRow {
                id: p.id.get(),
                title: p.title.clone(),
                account: p.account_name.clone(),
                quality: latest.map(|r| f64::from(r.score - r.scale_min) / f64::from(r.scale_max - r.scale_min)),
                goal_progress: values.map(|v| v.iter().sum::<f64>() / v.len() as f64),
            }
        })
        .collect();
    let held = u32::try_from(f.plans.len()).unwrap_or(u32::MAX);
    Scorecard {
        user_id,
        name,
        from,
        to,
        plans: scorecard::plan_figures(held, &records),
        reviews: scorecard::review_figures(&reviews, from, to, today),
        commitments_owned: scorecard::owned_figures(&owned, from, to, today),
        commitments_asked: scorecard::asked_figures(&asked, from, to),
        goals: scorecard::goal_figures(&progress.into_values().collect::<Vec<_>>()),
        plan_rows,
    }
}
