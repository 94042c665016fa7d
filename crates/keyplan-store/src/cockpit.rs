//! The sales manager's cockpit: every non-archived plan of the organisation
//! with its KAM, coach mark, review facts and the counts of its commitments
//! and obstacles (one statement, aggregated in the database), the KPIs'
//! latest actuals, the commitments and obstacles behind the figures, the
//! choices of the filters, and the organisation's daily totals for the trend.
//!
//! A plan's KAM is the account's owner, else whoever made the plan (as for the
//! limits). The rules the counts follow:
//! - overdue commitment: accepted, due before today, neither done nor missed
//!   (`Node::is_overdue`);
//! - unaccepted commitment: proposed or with a new date proposed (not accepted,
//!   not declined; the tree's `commitments_unaccepted`);
//! - overcome obstacle: it has accepted commitments and all are done (the
//!   tree's roll-up);
//! - blocked obstacle: not overcome, and a commitment under it was missed or
//!   declined (the tree shows it off track).

use keyplan_domain::cockpit::Totals;
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::tree::Acceptance;
use keyplan_domain::{AccountId, NodeId, OrgId, PlanId, UserId};
use time::{Date, OffsetDateTime};

use crate::reviews::UPDATE_FACTS;
use crate::{Store, StoreResult, Ts, on_pool};

/// Which accounts the cockpit counts: exact region and industry, empty for all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CockpitFilter {
    pub region: String,
    pub industry: String,
}

/// One non-archived plan with what the cockpit shows of it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct CockpitPlan {
    pub id: PlanId,
    pub title: String,
    pub status: PlanStatus,
    pub account_id: AccountId,
    pub account_name: String,
    pub kam_id: Option<UserId>,
    pub period_start: Date,
    pub review_cadence_months: i32,
    pub next_review_date: Option<Date>,
    pub last_held: Option<Date>,
    /// When the plan's own fields last changed.
    pub plan_updated_at: OffsetDateTime,
    /// The latest change in the plan's history.
    pub last_activity: Option<OffsetDateTime>,
    /// The organisation's `update_interval_days`.
    pub update_interval_days: i32,
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    pub coach_blockers: Option<i32>,
    pub overdue_commitments: i64,
    pub unaccepted_commitments: i64,
    pub obstacles: i64,
    pub obstacles_overcome: i64,
    pub blocked_obstacles: i64,
}

/// A KPI of a non-archived plan with its latest actual.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct CockpitKpi {
    pub plan_id: PlanId,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub latest: Option<f64>,
}

/// A commitment behind the figures: overdue or not yet accepted.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct CockpitCommitment {
    pub id: NodeId,
    pub title: String,
    pub plan_id: PlanId,
    pub owner_id: Option<UserId>,
    pub owner_name: Option<String>,
    pub acceptance: Option<Acceptance>,
    pub due_date: Option<Date>,
    pub created_at: OffsetDateTime,
    pub overdue: bool,
}

/// A blocked obstacle, with when its latest missed or declined commitment changed.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct CockpitObstacle {
    pub id: NodeId,
    pub title: String,
    pub plan_id: PlanId,
    pub blocked_since: OffsetDateTime,
}

/// The values the filters offer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CockpitChoices {
    pub regions: Vec<String>,
    pub industries: Vec<String>,
    pub teams: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct TotalsRow {
    kams: i64,
    active_plans: i64,
    kams_over_limit: i64,
    overdue_commitments: i64,
    unaccepted_commitments: i64,
    blocked_obstacles: i64,
    overdue_reviews: i64,
    stale_reviews: i64,
    goal_progress: Option<f64>,
}

impl From<TotalsRow> for Totals {
    fn from(r: TotalsRow) -> Totals {
        Totals {
            kams: r.kams,
            active_plans: r.active_plans,
            kams_over_limit: r.kams_over_limit,
            overdue_commitments: r.overdue_commitments,
            unaccepted_commitments: r.unaccepted_commitments,
            blocked_obstacles: r.blocked_obstacles,
            overdue_reviews: r.overdue_reviews,
            stale_reviews: r.stale_reviews,
            goal_progress: r.goal_progress,
        }
    }
}

/// Plans counted: the organisation's, not archived, of accounts in the filter ($2 region, $3 industry).
const PLANS_IN: &str = "p.org_id = $1 AND p.status <> 'archived' AND ($2 = '' OR a.region = $2) AND ($3 = '' OR a.industry = $3)";

/// Per commitment: accepted, due before $4 and still open.
const OVERDUE: &str = "n.acceptance = 'accepted' AND n.due_date < $4 AND COALESCE(n.status, 'open') NOT IN ('done', 'missed')";
const UNACCEPTED: &str = "COALESCE(n.acceptance, 'proposed') IN ('proposed', 'date_proposed')";

/// Per obstacle of the organisation: its accepted, done, missed and declined commitments.
const OBSTACLE_COUNTS: &str = "SELECT o.plan_id, o.id, o.title, \
    SUM(CASE WHEN n.acceptance = 'accepted' THEN 1 ELSE 0 END) AS accepted, \
    SUM(CASE WHEN n.acceptance = 'accepted' AND n.status = 'done' THEN 1 ELSE 0 END) AS done, \
    SUM(CASE WHEN n.acceptance = 'accepted' AND n.status = 'missed' THEN 1 ELSE 0 END) AS missed, \
    SUM(CASE WHEN n.acceptance = 'declined' THEN 1 ELSE 0 END) AS declined, \
    MAX(CASE WHEN n.acceptance = 'declined' OR n.status = 'missed' THEN n.updated_at END) AS blocked_since \
    FROM nodes o LEFT JOIN nodes n ON n.parent_id = o.id AND n.kind = 'commitment' \
    WHERE o.org_id = $1 AND o.kind = 'obstacle' GROUP BY o.plan_id, o.id, o.title";
const OVERCOME: &str = "x.accepted > 0 AND x.accepted = x.done";
const BLOCKED: &str = "NOT (x.accepted > 0 AND x.accepted = x.done) AND (x.missed > 0 OR x.declined > 0)";

impl Store {
    /// Every non-archived plan in the filter with its KAM, mark, review facts and counts.
    pub async fn cockpit_plans(&self, org: OrgId, filter: &CockpitFilter, today: Date) -> StoreResult<Vec<CockpitPlan>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT p.id, p.title, p.status, p.account_id, a.name AS account_name, COALESCE(a.owner_id, p.created_by) AS kam_id, \
             p.period_start, p.review_cadence_months, p.next_review_date, h.last_held, {UPDATE_FACTS}, m.score AS coach_score, m.level AS coach_level, m.blockers AS coach_blockers, \
             COALESCE(c.overdue, 0) AS overdue_commitments, COALESCE(c.unaccepted, 0) AS unaccepted_commitments, \
             COALESCE(ob.obstacles, 0) AS obstacles, COALESCE(ob.overcome, 0) AS obstacles_overcome, COALESCE(ob.blocked, 0) AS blocked_obstacles \
             FROM plans p JOIN accounts a ON a.id = p.account_id JOIN organisations o ON o.id = p.org_id \
             LEFT JOIN plan_coach_marks m ON m.plan_id = p.id \
             LEFT JOIN (SELECT r.plan_id, MAX(r.review_date) AS last_held FROM reviews r \
               WHERE r.org_id = $1 AND r.held_at IS NOT NULL GROUP BY r.plan_id) h ON h.plan_id = p.id \
             LEFT JOIN (SELECT n.plan_id, SUM(CASE WHEN {OVERDUE} THEN 1 ELSE 0 END) AS overdue, \
               SUM(CASE WHEN {UNACCEPTED} THEN 1 ELSE 0 END) AS unaccepted \
               FROM nodes n WHERE n.org_id = $1 AND n.kind = 'commitment' GROUP BY n.plan_id) c ON c.plan_id = p.id \
             LEFT JOIN (SELECT x.plan_id, COUNT(*) AS obstacles, SUM(CASE WHEN {OVERCOME} THEN 1 ELSE 0 END) AS overcome, \
               SUM(CASE WHEN {BLOCKED} THEN 1 ELSE 0 END) AS blocked FROM ({OBSTACLE_COUNTS}) x GROUP BY x.plan_id) ob ON ob.plan_id = p.id \
             WHERE {PLANS_IN} ORDER BY LOWER(a.name), p.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql)
            .bind(org).bind(&filter.region).bind(&filter.industry).bind(today).fetch_all(p).await)?)
    }

    /// The KPIs of the plans in the filter, each with its latest actual.
    pub async fn cockpit_kpis(&self, org: OrgId, filter: &CockpitFilter) -> StoreResult<Vec<CockpitKpi>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT k.plan_id, k.baseline, k.target, v.value AS latest FROM kpis k \
             JOIN plans p ON p.id = k.plan_id JOIN accounts a ON a.id = p.account_id \
             LEFT JOIN (SELECT x.kpi_id, MAX(x.period_start) AS period_start FROM kpi_actuals x WHERE x.org_id = $1 GROUP BY x.kpi_id) l \
               ON l.kpi_id = k.id \
             LEFT JOIN kpi_actuals v ON v.kpi_id = k.id AND v.period_start = l.period_start \
             WHERE k.org_id = $1 AND {PLANS_IN} ORDER BY k.plan_id, k.position, k.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(&filter.region).bind(&filter.industry).fetch_all(p).await)?)
    }

    /// The overdue and the unaccepted commitments of the plans in the filter, oldest first.
    pub async fn cockpit_commitments(&self, org: OrgId, filter: &CockpitFilter, today: Date) -> StoreResult<Vec<CockpitCommitment>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT n.id, n.title, n.plan_id, n.owner_id, u.name AS owner_name, n.acceptance, n.due_date, n.created_at, \
             CASE WHEN {OVERDUE} THEN TRUE ELSE FALSE END AS overdue \
             FROM nodes n JOIN plans p ON p.id = n.plan_id JOIN accounts a ON a.id = p.account_id LEFT JOIN users u ON u.id = n.owner_id \
             WHERE n.org_id = $1 AND n.kind = 'commitment' AND {PLANS_IN} AND (({OVERDUE}) OR {UNACCEPTED}) \
             ORDER BY n.due_date, n.created_at, n.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql)
            .bind(org).bind(&filter.region).bind(&filter.industry).bind(today).fetch_all(p).await)?)
    }

    /// The blocked obstacles of the plans in the filter.
    pub async fn cockpit_blocked_obstacles(&self, org: OrgId, filter: &CockpitFilter) -> StoreResult<Vec<CockpitObstacle>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT x.id, x.title, x.plan_id, x.blocked_since FROM ({OBSTACLE_COUNTS}) x \
             JOIN plans p ON p.id = x.plan_id JOIN accounts a ON a.id = p.account_id \
             WHERE {BLOCKED} AND {PLANS_IN} ORDER BY x.blocked_since, x.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(&filter.region).bind(&filter.industry).fetch_all(p).await)?)
    }

    /// The regions and industries of the organisation's accounts and its users' teams.
    pub async fn cockpit_choices(&self, org: OrgId) -> StoreResult<CockpitChoices> {
        const SQL: &str = "SELECT DISTINCT 'region' AS what, region AS value FROM accounts WHERE org_id = $1 AND region IS NOT NULL \
            UNION SELECT DISTINCT 'industry', industry FROM accounts WHERE org_id = $1 AND industry IS NOT NULL \
            UNION SELECT DISTINCT 'team', team FROM users WHERE org_id = $1 AND team IS NOT NULL";
        let rows: Vec<(String, String)> = on_pool!(self, p => sqlx::query_as(SQL).bind(org).fetch_all(p).await)?;
        let mut c = CockpitChoices::default();
        for (what, value) in rows {
            if value.trim().is_empty() {
                continue;
            }
            match what.as_str() {
                "region" => c.regions.push(value),
                "industry" => c.industries.push(value),
                _ => c.teams.push(value),
            }
        }
        for list in [&mut c.regions, &mut c.industries, &mut c.teams] {
            list.sort_by_key(|s| s.to_lowercase());
        }
        Ok(c)
    }

    /// The stored totals nearest to, on or before, `day`.
    pub async fn cockpit_totals_on_or_before(&self, org: OrgId, day: Date) -> StoreResult<Option<(Date, Totals)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            day: Date,
            #[sqlx(flatten)]
            totals: TotalsRow,
        }
        const SQL: &str = "SELECT day, kams, active_plans, kams_over_limit, overdue_commitments, unaccepted_commitments, \
            blocked_obstacles, overdue_reviews, stale_reviews, goal_progress FROM cockpit_daily_totals \
            WHERE org_id = $1 AND day <= $2 ORDER BY day DESC LIMIT 1";
        let row: Option<Row> = on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(day).fetch_optional(p).await)?;
        Ok(row.map(|r| (r.day, r.totals.into())))
    }

    /// Keeps the organisation's totals of `day`, unless that day's are kept
    /// already (the first server to write them wins). Returns whether it wrote.
    pub async fn record_cockpit_totals(&self, org: OrgId, day: Date, t: &Totals) -> StoreResult<bool> {
        const SQL: &str = "INSERT INTO cockpit_daily_totals (org_id, day, kams, active_plans, kams_over_limit, overdue_commitments, \
            unaccepted_commitments, blocked_obstacles, overdue_reviews, stale_reviews, goal_progress, recorded_at) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (org_id, day) DO NOTHING";
        let n = on_pool!(self, p => sqlx::query(SQL)
            .bind(org).bind(day).bind(t.kams).bind(t.active_plans).bind(t.kams_over_limit).bind(t.overdue_commitments)
            .bind(t.unaccepted_commitments).bind(t.blocked_obstacles).bind(t.overdue_reviews).bind(t.stale_reviews)
            .bind(t.goal_progress.map(|g| g.clamp(0.0, 1.0))).bind(Ts(OffsetDateTime::now_utc()))
            .execute(p).await.map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// The organisations whose totals of `day` are not kept yet.
    pub async fn orgs_without_cockpit_totals(&self, day: Date) -> StoreResult<Vec<OrgId>> {
        const SQL: &str = "SELECT o.id FROM organisations o WHERE NOT EXISTS \
            (SELECT 1 FROM cockpit_daily_totals t WHERE t.org_id = o.id AND t.day = $1) ORDER BY o.id";
        let rows: Vec<(OrgId,)> = on_pool!(self, p => sqlx::query_as(SQL).bind(day).fetch_all(p).await)?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }
}
