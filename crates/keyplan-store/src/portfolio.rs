//! The account portfolio (issue 13): every account of the organisation with
//! its figures, its KAM, its best current plan (an active one before a draft)
//! with the plan's review rhythm and the coach's kept mark, in one statement
//! whatever the number of accounts; and the filter choices (regions,
//! industries, KAMs) in one more.
//!
//! The plan state (no plan, draft, active, overdue review) is read from the
//! row by `keyplan_domain::portfolio::PlanState::of`, so the store and the
//! review pages agree on when a review is overdue.

use keyplan_domain::plan::PlanStatus;
use keyplan_domain::portfolio::{CurrentPlan, PlanState};
use keyplan_domain::{AccountId, OrgId, PlanId, UserId};
use serde::Serialize;
use time::Date;

use crate::{Store, StoreResult, on_pool};

/// Which accounts the portfolio shows. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortfolioFilter {
    /// The account's owner (its KAM).
    pub owner: Option<UserId>,
    /// Exactly this region.
    pub region: Option<String>,
    /// Exactly this industry.
    pub industry: Option<String>,
    pub state: Option<PlanState>,
}

impl PortfolioFilter {
    /// Whether any field filters.
    pub fn is_empty(&self) -> bool {
        self == &PortfolioFilter::default()
    }

    /// Whether `a` passes the filter. Region and industry match exactly (after
    /// trimming the filter's text).
    pub fn matches(&self, a: &PortfolioAccount) -> bool {
        let text = |want: &Option<String>, have: &Option<String>| match want.as_deref().map(str::trim) {
            None | Some("") => true,
            Some(w) => have.as_deref().unwrap_or("") == w,
        };
        self.owner.is_none_or(|o| a.owner_id == Some(o))
            && text(&self.region, &a.region)
            && text(&self.industry, &a.industry)
            && self.state.is_none_or(|s| s == a.plan_state)
    }
}

/// Sorts accounts by name, case-insensitively, then by id; each name is
/// lowered once, not at every comparison.
pub fn sort_by_name(accounts: &mut [PortfolioAccount]) {
    accounts.sort_by_cached_key(|a| (a.name.to_lowercase(), a.id));
}

/// One account of the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PortfolioAccount {
    pub id: AccountId,
    pub name: String,
    pub owner_id: Option<UserId>,
    pub owner_name: Option<String>,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub current_revenue: Option<f64>,
    pub total_spend: Option<f64>,
    pub potential: Option<f64>,
    pub plan_state: PlanState,
    /// The best current plan: the newest active one, else the newest draft.
    pub plan_id: Option<PlanId>,
    /// The coach's kept mark of that plan, if it was marked.
    pub coach_level: Option<i32>,
    pub coach_score: Option<f64>,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: AccountId,
    name: String,
    owner_id: Option<UserId>,
    owner_name: Option<String>,
    region: Option<String>,
    industry: Option<String>,
    current_revenue: Option<f64>,
    total_spend: Option<f64>,
    potential: Option<f64>,
}

#[derive(sqlx::FromRow)]
struct PlanRow {
    account_id: AccountId,
    plan_id: PlanId,
    plan_status: PlanStatus,
    period_start: Date,
    review_cadence_months: Option<i32>,
    next_review_date: Option<Date>,
    last_held: Option<Date>,
    plan_updated_at: time::OffsetDateTime,
    last_activity: Option<time::OffsetDateTime>,
    update_interval_days: i32,
    coach_level: Option<i32>,
    coach_score: Option<f64>,
}

impl AccountRow {
    fn into_account(self, plan: Option<&PlanRow>, today: Date) -> PortfolioAccount {
        let current = plan.map(|p| CurrentPlan {
            status: p.plan_status,
            period_start: p.period_start,
            review_cadence_months: p.review_cadence_months.unwrap_or(3),
            next_review_date: p.next_review_date,
            last_held: p.last_held,
            last_update: crate::reviews::last_update(p.plan_updated_at, p.last_activity),
            update_interval_days: u32::try_from(p.update_interval_days).unwrap_or(1),
        });
        PortfolioAccount {
            id: self.id,
            name: self.name,
            owner_id: self.owner_id,
            owner_name: self.owner_name,
            region: self.region,
            industry: self.industry,
            current_revenue: self.current_revenue,
            total_spend: self.total_spend,
            potential: self.potential,
            plan_state: PlanState::of(current.as_ref(), today),
            plan_id: plan.map(|p| p.plan_id),
            coach_level: plan.and_then(|p| p.coach_level),
            coach_score: plan.and_then(|p| p.coach_score),
        }
    }
}

/// What the portfolio's filters offer: sorted, without empty values.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PortfolioChoices {
    pub regions: Vec<String>,
    pub industries: Vec<String>,
    /// Users who own at least one account, by name.
    pub kams: Vec<(UserId, String)>,
}

/// The organisation's accounts with their figures and KAM: one plain pass over
/// the accounts, whatever their number. No `ORDER BY`: the caller sorts.
const ACCOUNTS: &str = "SELECT a.id, a.name, a.owner_id, u.name AS owner_name, a.region, a.industry, \
    a.current_revenue, a.total_spend, a.potential \
    FROM accounts a LEFT JOIN users u ON u.id = a.owner_id WHERE a.org_id = $1";

/// The best current plan of each account that has one: active (active, in
/// review, approved) before draft, then the newest; archived plans never;
/// with its last held review, its last update (its own and its history's),
/// the organisation's update interval and the coach's kept mark. The organisation's
/// few hundred plans are ranked once; joining them to the accounts happens in
/// memory (a join to a ranked subquery made SQLite scan the plans once per
/// account).
const BEST_PLANS: &str = "WITH ranked AS (SELECT q.id, q.account_id, q.status, q.period_start, q.review_cadence_months, \
      q.next_review_date, q.updated_at, ROW_NUMBER() OVER (PARTITION BY q.account_id ORDER BY \
        CASE WHEN q.status IN ('active', 'in_review', 'approved') THEN 0 ELSE 1 END, q.id DESC) AS pos \
      FROM plans q WHERE q.org_id = $1 AND q.status <> 'archived') \
    SELECT b.account_id, b.id AS plan_id, b.status AS plan_status, b.period_start, b.review_cadence_months, b.next_review_date, \
      (SELECT MAX(r.review_date) FROM reviews r WHERE r.plan_id = b.id AND r.held_at IS NOT NULL) AS last_held, \
      b.updated_at AS plan_updated_at, (SELECT MAX(ac.at) FROM activity ac WHERE ac.plan_id = b.id) AS last_activity, \
      (SELECT o.update_interval_days FROM organisations o WHERE o.id = $1) AS update_interval_days, \
      m.level AS coach_level, m.score AS coach_score \
    FROM ranked b LEFT JOIN plan_coach_marks m ON m.plan_id = b.id WHERE b.pos = 1";

const CHOICES: &str = "SELECT 'region' AS kind, CAST(0 AS BIGINT) AS id, a.region AS name FROM accounts a \
      WHERE a.org_id = $1 AND a.region IS NOT NULL AND a.region <> '' GROUP BY a.region \
    UNION ALL SELECT 'industry', CAST(0 AS BIGINT), a.industry FROM accounts a \
      WHERE a.org_id = $1 AND a.industry IS NOT NULL AND a.industry <> '' GROUP BY a.industry \
    UNION ALL SELECT 'kam', CAST(u.id AS BIGINT), u.name FROM users u \
      WHERE u.org_id = $1 AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = u.org_id AND a.owner_id = u.id)";

impl Store {
    /// Every account of the organisation that `filter` lets through, by name,
    /// with its plan state as of `today`: two statements (the accounts, and
    /// the organisation's best plans).
    pub async fn portfolio(&self, org: OrgId, filter: &PortfolioFilter, today: Date) -> StoreResult<Vec<PortfolioAccount>> {
        let rows: Vec<AccountRow> = on_pool!(self, p => sqlx::query_as(ACCOUNTS).bind(org).fetch_all(p).await)?;
        let plans: Vec<PlanRow> = on_pool!(self, p => sqlx::query_as(BEST_PLANS).bind(org).fetch_all(p).await)?;
        let plans: std::collections::HashMap<AccountId, &PlanRow> = plans.iter().map(|p| (p.account_id, p)).collect();
        let mut accounts: Vec<PortfolioAccount> = rows
            .into_iter()
            .map(|r| {
                let plan = plans.get(&r.id).copied();
                r.into_account(plan, today)
            })
            .filter(|a| filter.matches(a))
            .collect();
        sort_by_name(&mut accounts);
        Ok(accounts)
    }

    /// The regions, industries and KAMs the organisation's accounts have: one statement.
    pub async fn portfolio_choices(&self, org: OrgId) -> StoreResult<PortfolioChoices> {
        let rows: Vec<(String, i64, String)> = on_pool!(self, p => sqlx::query_as(CHOICES).bind(org).fetch_all(p).await)?;
        let mut choices = PortfolioChoices::default();
        for (kind, id, name) in rows {
            match kind.as_str() {
                "region" => choices.regions.push(name),
                "industry" => choices.industries.push(name),
                _ => choices.kams.push((UserId::new(id), name)),
            }
        }
        let by_name = |a: &String, b: &String| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b));
        choices.regions.sort_by(by_name);
        choices.industries.sort_by(by_name);
        choices.kams.sort_by(|a, b| by_name(&a.1, &b.1).then(a.0.cmp(&b.0)));
        Ok(choices)
    }
}
