//! What the KAM scorecard reads (issue 17, `keyplan_domain::scorecard`): the
//! plans of the KAM's accounts that ran in the period, their reviews due in
//! it, the commitments the KAM owns due in it with the history line of their
//! completion, the commitments the KAM asked of others with the history line
//! of their first acceptance, the plans' quality ratings and their KPIs with
//! the latest actual. Six statements, whatever the number of plans; every one
//! filtered by the organisation.
//!
//! A plan's KAM is the account's owner, else whoever made the plan (as in the
//! cockpit).

use keyplan_domain::tree::{Acceptance, CommitmentStatus};
use keyplan_domain::{OrgId, PlanId, UserId};
use time::{Date, OffsetDateTime};

use crate::{Store, StoreResult, on_pool};

/// A plan of the KAM that ran in the period (not a draft).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ScorecardPlan {
    pub id: PlanId,
    pub title: String,
    pub account_name: String,
}

/// A review of one of those plans, due in the period.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ScorecardReview {
    pub plan_id: PlanId,
    pub review_date: Date,
    pub held_at: Option<OffsetDateTime>,
}

/// A commitment the KAM owns, due in the period, with its latest `done` history line.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ScorecardOwned {
    pub acceptance: Option<Acceptance>,
    pub status: Option<CommitmentStatus>,
    pub due_date: Option<Date>,
    pub done_at: Option<OffsetDateTime>,
}

/// A commitment the KAM asked of someone else, with its first `accepted` history line.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ScorecardAsked {
    pub created_at: OffsetDateTime,
    pub acceptance: Option<Acceptance>,
    pub accepted_at: Option<OffsetDateTime>,
}

/// A quality rating of one of the KAM's plans.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ScorecardRating {
    pub plan_id: PlanId,
    pub score: i32,
    pub scale_min: i32,
    pub scale_max: i32,
    pub rated_at: OffsetDateTime,
}

/// A KPI of one of the KAM's plans with its latest actual up to the period's end.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ScorecardKpi {
    pub plan_id: PlanId,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub latest: Option<f64>,
}

/// Everything one KAM's scorecard over a period reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScorecardFacts {
    pub plans: Vec<ScorecardPlan>,
    pub reviews: Vec<ScorecardReview>,
    pub owned: Vec<ScorecardOwned>,
    pub asked: Vec<ScorecardAsked>,
    pub ratings: Vec<ScorecardRating>,
    pub kpis: Vec<ScorecardKpi>,
}

/// The KAM's (`$2`) plans of the organisation (`$1`) that ran from `$3` to `$4`.
const KAM_PLANS: &str = "p.org_id = $1 AND COALESCE(a.owner_id, p.created_by) = $2 AND p.status <> 'draft' \
    AND p.period_start <= $4 AND p.period_end >= $3";

impl Store {
    /// The scorecard's facts for `kam` from `from` to `to` (six statements).
    pub async fn scorecard_facts(&self, org: OrgId, kam: UserId, from: Date, to: Date) -> StoreResult<ScorecardFacts> {
        let plans = sqlx::AssertSqlSafe(format!(
            "SELECT p.id, p.title, a.name AS account_name FROM plans p JOIN accounts a ON a.id = p.account_id \
             WHERE {KAM_PLANS} ORDER BY LOWER(a.name), p.id"
        ));
        let reviews = sqlx::AssertSqlSafe(format!(
            "SELECT r.plan_id, r.review_date, r.held_at FROM reviews r JOIN plans p ON p.id = r.plan_id JOIN accounts a ON a.id = p.account_id \
             WHERE r.org_id = $1 AND r.review_date >= $3 AND r.review_date <= $4 AND {KAM_PLANS} ORDER BY r.review_date, r.id"
        ));
        let ratings = sqlx::AssertSqlSafe(format!(
            "SELECT g.plan_id, g.score, g.scale_min, g.scale_max, g.rated_at FROM plan_ratings g \
             JOIN plans p ON p.id = g.plan_id JOIN accounts a ON a.id = p.account_id \
             WHERE g.org_id = $1 AND {KAM_PLANS} ORDER BY g.rated_at, g.id"
        ));
        let kpis = sqlx::AssertSqlSafe(format!(
            "SELECT k.plan_id, k.baseline, k.target, v.value AS latest FROM kpis k \
             JOIN plans p ON p.id = k.plan_id JOIN accounts a ON a.id = p.account_id \
             LEFT JOIN (SELECT x.kpi_id, MAX(x.period_start) AS period_start FROM kpi_actuals x \
               WHERE x.org_id = $1 AND x.period_start <= $4 GROUP BY x.kpi_id) l ON l.kpi_id = k.id \
             LEFT JOIN kpi_actuals v ON v.kpi_id = k.id AND v.period_start = l.period_start \
             WHERE k.org_id = $1 AND {KAM_PLANS} ORDER BY k.plan_id, k.position, k.id"
        ));
        const OWNED: &str = "SELECT n.acceptance, n.status, n.due_date, d.done_at FROM nodes n \
            LEFT JOIN (SELECT h.target_id, MAX(h.at) AS done_at FROM activity h \
              WHERE h.org_id = $1 AND h.action = 'done' AND h.target_kind = 'node' GROUP BY h.target_id) d ON d.target_id = n.id \
            WHERE n.org_id = $1 AND n.kind = 'commitment' AND n.owner_id = $2 AND n.due_date >= $3 AND n.due_date <= $4 \
            ORDER BY n.due_date, n.id";
        // The asking moment is a timestamp; the day filter is the domain's (`asked_figures`).
        const ASKED: &str = "SELECT n.created_at, n.acceptance, \
            (SELECT MIN(h.at) FROM activity h WHERE h.org_id = $1 AND h.action = 'accepted' AND h.target_kind = 'node' \
              AND h.target_id = n.id AND h.at >= n.created_at) AS accepted_at \
            FROM nodes n WHERE n.org_id = $1 AND n.kind = 'commitment' AND n.author_id = $2 \
            AND n.owner_id IS NOT NULL AND n.owner_id <> $2 ORDER BY n.created_at, n.id";
        let (plans, reviews, owned, asked, ratings, kpis) = tokio::try_join!(
            async { on_pool!(self, p => sqlx::query_as(plans).bind(org).bind(kam).bind(from).bind(to).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(reviews).bind(org).bind(kam).bind(from).bind(to).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(OWNED).bind(org).bind(kam).bind(from).bind(to).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(ASKED).bind(org).bind(kam).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(ratings).bind(org).bind(kam).bind(from).bind(to).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(kpis).bind(org).bind(kam).bind(from).bind(to).fetch_all(p).await) },
        )?;
        Ok(ScorecardFacts { plans, reviews, owned, asked, ratings, kpis })
    }
}
