//! Key performance indicators of a plan and their recorded actuals.

use keyplan_domain::{KpiActualId, KpiId, NodeId, OrgId, PlanId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::{Store, StoreResult, on_pool};

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Kpi {
    pub id: KpiId,
    pub plan_id: PlanId,
    pub goal_id: Option<NodeId>,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_date: Option<Date>,
    /// `month` or `quarter`: how often actuals are recorded.
    pub period: String,
    pub position: i32,
    pub version: i64,
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct KpiActual {
    pub id: KpiActualId,
    pub kpi_id: KpiId,
    /// The first day of the month or quarter the value is for.
    pub period_start: Date,
    pub value: f64,
    pub note: Option<String>,
    pub recorded_by: Option<UserId>,
    pub recorded_at: OffsetDateTime,
    pub version: i64,
}

pub(crate) const KPI_COLUMNS: &str =
    "id, plan_id, goal_id, name, unit, baseline, target, target_date, period, position, version, updated_at, updated_by";
pub(crate) const ACTUAL_COLUMNS: &str = "a.id, a.kpi_id, a.period_start, a.value, a.note, a.recorded_by, a.recorded_at, a.version";

impl Store {
    /// The plan's KPIs in their order.
    pub async fn kpis(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<Kpi>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {KPI_COLUMNS} FROM kpis WHERE org_id = $1 AND plan_id = $2 ORDER BY position, id"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    /// Every actual of the plan's KPIs, oldest period first.
    pub async fn kpi_actuals(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<KpiActual>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {ACTUAL_COLUMNS} FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id \
             WHERE a.org_id = $1 AND k.plan_id = $2 ORDER BY a.kpi_id, a.period_start"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }
}
