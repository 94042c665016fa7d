//! What the budget basis reads (issue 17, `keyplan_domain::budget`): the
//! organisation's accounts with an active plan covering a fiscal year, those
//! plans' goals, the accounts' whitespace opportunities and open pipeline, and
//! the plans' quality ratings. Five statements, whatever the number of
//! accounts; every one filtered by the organisation.

use keyplan_domain::{AccountId, NodeId, OrgId, PlanId, UserId};
use time::{Date, OffsetDateTime};

use crate::{Store, StoreResult, on_pool};

/// A planned account.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct BudgetAccount {
    pub id: AccountId,
    pub name: String,
    pub owner_id: Option<UserId>,
    pub owner_name: Option<String>,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub current_revenue: Option<f64>,
    pub potential: Option<f64>,
}

/// A goal of a covering plan.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct BudgetGoal {
    pub id: NodeId,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub account_id: AccountId,
    pub title: String,
    pub metric: Option<String>,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_date: Option<Date>,
}

/// The open opportunities of an account in one currency, weighted.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct BudgetPipeline {
    pub account_id: AccountId,
    pub currency: String,
    pub deals: i64,
    pub weighted: f64,
}

/// A quality rating of a covering plan.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct BudgetRating {
    pub plan_id: PlanId,
    pub account_id: AccountId,
    pub score: i32,
    pub scale_min: i32,
    pub scale_max: i32,
    pub label: String,
    pub rated_at: OffsetDateTime,
}

/// Everything the budget basis of one fiscal year reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BudgetFacts {
    pub accounts: Vec<BudgetAccount>,
    pub goals: Vec<BudgetGoal>,
    /// The sum of the values of each account's whitespace cells marked opportunity.
    pub whitespace: Vec<(AccountId, f64)>,
    pub pipeline: Vec<BudgetPipeline>,
    /// Newest first.
    pub ratings: Vec<BudgetRating>,
}

/// The plans that count as active and overlap the year `$2`..`$3`.
const COVERING: &str = "p.org_id = $1 AND p.status IN ('active', 'in_review', 'approved') AND p.period_start <= $3 AND p.period_end >= $2";

impl Store {
    /// The budget basis's facts for the fiscal year from `first` to `last` (five statements).
    pub async fn budget_facts(&self, org: OrgId, first: Date, last: Date) -> StoreResult<BudgetFacts> {
        let accounts = sqlx::AssertSqlSafe(format!(
            "SELECT a.id, a.name, a.owner_id, u.name AS owner_name, a.region, a.industry, a.current_revenue, a.potential \
             FROM accounts a LEFT JOIN users u ON u.id = a.owner_id \
             WHERE a.org_id = $1 AND EXISTS (SELECT 1 FROM plans p WHERE p.account_id = a.id AND {COVERING}) \
             ORDER BY LOWER(a.name), a.id"
        ));
        let goals = sqlx::AssertSqlSafe(format!(
            "SELECT n.id, n.plan_id, p.title AS plan_title, p.account_id, n.title, n.metric, n.unit, n.baseline, n.target, n.target_date \
             FROM nodes n JOIN plans p ON p.id = n.plan_id \
             WHERE n.org_id = $1 AND n.kind = 'goal' AND {COVERING} ORDER BY p.account_id, p.id, n.position, n.id"
        ));
        let ratings = sqlx::AssertSqlSafe(format!(
            "SELECT g.plan_id, p.account_id, g.score, g.scale_min, g.scale_max, g.label, g.rated_at \
             FROM plan_ratings g JOIN plans p ON p.id = g.plan_id \
             WHERE g.org_id = $1 AND {COVERING} ORDER BY g.rated_at DESC, g.id DESC"
        ));
        const WHITESPACE: &str = "SELECT c.account_id, SUM(c.value) AS total FROM whitespace_cells c \
            WHERE c.org_id = $1 AND c.status = 'opportunity' AND c.value IS NOT NULL GROUP BY c.account_id";
        const PIPELINE: &str = "SELECT o.account_id, o.currency, COUNT(*) AS deals, \
            SUM(COALESCE(o.amount, 0) * COALESCE(o.probability, 0) / 100.0) AS weighted \
            FROM opportunities o WHERE o.org_id = $1 AND o.status = 'open' GROUP BY o.account_id, o.currency";
        let (accounts, goals, ratings, whitespace, pipeline) = tokio::try_join!(
            async { on_pool!(self, p => sqlx::query_as(accounts).bind(org).bind(first).bind(last).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(goals).bind(org).bind(first).bind(last).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(ratings).bind(org).bind(first).bind(last).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as::<_, (AccountId, f64)>(WHITESPACE).bind(org).fetch_all(p).await) },
            async { on_pool!(self, p => sqlx::query_as(PIPELINE).bind(org).fetch_all(p).await) },
        )?;
        Ok(BudgetFacts { accounts, goals, whitespace, pipeline, ratings })
    }
}
