//! The organisation's limits on active plans: which plans count now (one
//! statement), and the exceptions managers allowed, with their reasons.

use keyplan_domain::{OrgId, PlanId, UserId};
use serde::Serialize;
use time::OffsetDateTime;

use crate::{Store, StoreResult, now, on_pool};

/// A plan that counts against the limits: active, in review or approved.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ActivePlanRow {
    pub id: PlanId,
    /// The account's owner, else whoever made the plan.
    pub kam: Option<UserId>,
    pub title: String,
    pub account_name: String,
}

/// An exception a manager allowed to the limits.
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct LimitException {
    pub id: i64,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub account_name: String,
    /// The plan's KAM: the account's owner, else whoever made the plan.
    pub kam_id: Option<UserId>,
    pub kam_name: Option<String>,
    /// The limits broken, as setting keys separated by commas.
    pub limits: String,
    pub reason: String,
    pub allowed_by: Option<UserId>,
    pub allowed_by_name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub allowed_at: OffsetDateTime,
}

const EXCEPTIONS: &str = "SELECT e.id, e.plan_id, p.title AS plan_title, a.name AS account_name, \
    COALESCE(a.owner_id, p.created_by) AS kam_id, k.name AS kam_name, e.limits, e.reason, e.allowed_by, \
    u.name AS allowed_by_name, e.allowed_at FROM plan_limit_exceptions e JOIN plans p ON p.id = e.plan_id \
    JOIN accounts a ON a.id = p.account_id LEFT JOIN users u ON u.id = e.allowed_by \
    LEFT JOIN users k ON k.id = COALESCE(a.owner_id, p.created_by)";

impl Store {
    /// Every plan of the organisation that counts against the limits.
    pub async fn active_plans(&self, org: OrgId) -> StoreResult<Vec<ActivePlanRow>> {
        const SQL: &str = "SELECT p.id, COALESCE(a.owner_id, p.created_by) AS kam, p.title, a.name AS account_name \
            FROM plans p JOIN accounts a ON a.id = p.account_id \
            WHERE p.org_id = $1 AND p.status IN ('active', 'in_review', 'approved') ORDER BY LOWER(a.name), p.id";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).fetch_all(p).await)?)
    }

    /// Records that `by` allowed `plan` to break `limits` because of `reason`.
    pub async fn record_limit_exception(&self, org: OrgId, plan: PlanId, limits: &str, reason: &str, by: UserId) -> StoreResult<()> {
        const SQL: &str = "INSERT INTO plan_limit_exceptions (org_id, plan_id, limits, reason, allowed_by, allowed_at) \
            SELECT p.org_id, p.id, $3, $4, $5, $6 FROM plans p WHERE p.org_id = $1 AND p.id = $2";
        on_pool!(self, p => sqlx::query(SQL).bind(org).bind(plan).bind(limits).bind(reason).bind(by).bind(now()).execute(p).await.map(|_| ()))?;
        Ok(())
    }

    /// Every exception of the organisation, newest first.
    pub async fn limit_exceptions(&self, org: OrgId) -> StoreResult<Vec<LimitException>> {
        let sql = sqlx::AssertSqlSafe(format!("{EXCEPTIONS} WHERE e.org_id = $1 ORDER BY e.allowed_at DESC, e.id DESC"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_all(p).await)?)
    }

    /// The exceptions allowed for one plan, newest first.
    pub async fn plan_limit_exceptions(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<LimitException>> {
        let sql = sqlx::AssertSqlSafe(format!("{EXCEPTIONS} WHERE e.org_id = $1 AND e.plan_id = $2 ORDER BY e.allowed_at DESC, e.id DESC"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }
}

/// The latest exception to the limits allowed for a plan, as the plan shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanLimitNote {
    /// The limits broken, as setting keys separated by commas.
    pub limits: String,
    pub reason: String,
    pub allowed_by_name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub allowed_at: OffsetDateTime,
}

/// A plan's latest exception as columns of the plan's read (`plan_read.rs`),
/// joined as `e` (the exception) and `eu` (who allowed it).
#[derive(sqlx::FromRow)]
pub(crate) struct ExceptionColumns {
    exception_limits: Option<String>,
    exception_reason: Option<String>,
    exception_by: Option<String>,
    exception_at: Option<OffsetDateTime>,
}

impl ExceptionColumns {
    pub(crate) const SELECT: &str =
        "e.limits AS exception_limits, e.reason AS exception_reason, eu.name AS exception_by, e.allowed_at AS exception_at";
    pub(crate) const JOIN: &str = "LEFT JOIN plan_limit_exceptions e ON e.id = (SELECT MAX(x.id) FROM plan_limit_exceptions x WHERE x.plan_id = p.id) \
        LEFT JOIN users eu ON eu.id = e.allowed_by";

    /// The note, when the plan has an exception.
    pub(crate) fn note(self) -> Option<PlanLimitNote> {
        match (self.exception_limits, self.exception_reason, self.exception_at) {
            (Some(limits), Some(reason), Some(allowed_at)) => {
                Some(PlanLimitNote { limits, reason, allowed_by_name: self.exception_by, allowed_at })
            }
            _ => None,
        }
    }
}
