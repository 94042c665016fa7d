//! Key performance indicators of a plan and their recorded actuals.

use keyplan_domain::kpi::{ActualData, KpiData, Period};
use keyplan_domain::review::ReviewKind;
use keyplan_domain::tree::NodeKind;
use keyplan_domain::{KpiActualId, KpiId, NodeId, OrgId, PlanId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, now, on_pool, on_tx};

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Kpi {
    pub id: KpiId,
    pub plan_id: PlanId,
    pub goal_id: Option<NodeId>,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_date: Option<Date>,
    /// How often actuals are recorded.
    pub period: Period,
    pub position: i32,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct KpiActual {
    pub id: KpiActualId,
    pub kpi_id: KpiId,
    /// The first day of the month or quarter the value is for.
    pub period_start: Date,
    pub value: f64,
    pub note: Option<String>,
    pub recorded_by: Option<UserId>,
    #[serde(deserialize_with = "crate::json_rows::ts")]
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

const ACTUAL_WRITE_COLUMNS: &str = "id, kpi_id, period_start, value, note, recorded_by, recorded_at, version";

/// A review date for the timeline (reviews themselves live in `reviews.rs`).
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct ReviewMark {
    pub id: i64,
    pub kind: ReviewKind,
    pub review_date: Date,
    pub held_at: Option<OffsetDateTime>,
}

impl Store {
    pub async fn kpi(&self, org: OrgId, id: KpiId) -> StoreResult<Kpi> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {KPI_COLUMNS} FROM kpis WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    pub async fn kpi_actual(&self, org: OrgId, id: KpiActualId) -> StoreResult<KpiActual> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {ACTUAL_COLUMNS} FROM kpi_actuals a WHERE a.org_id = $1 AND a.id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// A KPI may measure a goal: one of the same plan.
    async fn check_goal(&self, org: OrgId, plan: PlanId, goal: Option<i64>) -> StoreResult<Option<NodeId>> {
        let Some(g) = goal else { return Ok(None) };
        match self.node(org, NodeId::new(g)).await {
            Ok(n) if n.plan_id == plan && n.kind() == NodeKind::Goal => Ok(Some(n.id)),
            Ok(_) | Err(StoreError::NotFound) => Err(StoreError::invalid("goal_id", keyplan_domain::Message::new("err-goal-of-this-plan"))),
            Err(e) => Err(e),
        }
    }

    pub async fn create_kpi(&self, org: OrgId, plan: PlanId, data: &KpiData, actor: UserId) -> StoreResult<Kpi> {
        self.plan(org, plan).await?;
        let goal = self.check_goal(org, plan, data.goal_id).await?;
        let mut tx = self.begin().await?;
        // Serialises concurrent adds to the same plan (positions stay unique).
        on_tx!(self, tx, c => sqlx::query("UPDATE plans SET version = version WHERE id = $1").bind(plan).execute(c).await.map(|r| r.rows_affected()))?;
        let (next,): (i32,) = on_tx!(self, tx, c => sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM kpis WHERE plan_id = $1")
            .bind(plan).fetch_one(c).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO kpis (org_id, plan_id, goal_id, name, unit, baseline, target, target_date, period, position, created_at, updated_at, \
             updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING {KPI_COLUMNS}"
        ));
        let kpi: Kpi = on_tx!(self, tx, c => sqlx::query_as(sql).bind(org).bind(plan).bind(goal).bind(&data.name).bind(&data.unit)
            .bind(data.baseline).bind(data.target).bind(data.target_date).bind(data.period.as_str()).bind(next).bind(now()).bind(actor)
            .fetch_one(c).await)?;
        tx.commit().await?;
        Ok(kpi)
    }

    /// Rewrites a KPI last read at `version`; a stale version answers Conflict.
    pub async fn update_kpi(&self, org: OrgId, id: KpiId, version: i64, data: &KpiData, actor: UserId) -> StoreResult<Kpi> {
        let current = self.kpi(org, id).await?;
        let goal = self.check_goal(org, current.plan_id, data.goal_id).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE kpis SET goal_id = $1, name = $2, unit = $3, baseline = $4, target = $5, target_date = $6, period = $7, \
             version = version + 1, updated_at = $8, updated_by = $9 WHERE org_id = $10 AND id = $11 AND version = $12 RETURNING {KPI_COLUMNS}"
        ));
        let r: Option<Kpi> = on_pool!(self, p => sqlx::query_as(sql).bind(goal).bind(&data.name).bind(&data.unit).bind(data.baseline)
            .bind(data.target).bind(data.target_date).bind(data.period.as_str()).bind(now()).bind(actor).bind(org).bind(id).bind(version)
            .fetch_optional(p).await)?;
        match r {
            Some(k) => Ok(k),
            None => Err(StoreError::Conflict { current: self.kpi(org, id).await?.version }),
        }
    }

    /// Deletes a KPI and its actuals.
    pub async fn delete_kpi(&self, org: OrgId, id: KpiId) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("DELETE FROM kpi_actuals WHERE org_id = $1 AND kpi_id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        let n = on_tx!(self, tx, c => sqlx::query("DELETE FROM kpis WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await
    }

    /// Swaps a KPI with its neighbour; false when it is already first (last).
    pub async fn move_kpi(&self, org: OrgId, id: KpiId, up: bool) -> StoreResult<bool> {
        let me = self.kpi(org, id).await?;
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("UPDATE plans SET version = version WHERE id = $1").bind(me.plan_id).execute(c).await.map(|r| r.rows_affected()))?;
        let sql = if up {
            "SELECT id, position FROM kpis WHERE plan_id = $1 AND (position < $2 OR (position = $2 AND id < $3)) ORDER BY position DESC, id DESC LIMIT 1"
        } else {
            "SELECT id, position FROM kpis WHERE plan_id = $1 AND (position > $2 OR (position = $2 AND id > $3)) ORDER BY position, id LIMIT 1"
        };
        let other: Option<(KpiId, i32)> =
            on_tx!(self, tx, c => sqlx::query_as(sql).bind(me.plan_id).bind(me.position).bind(id).fetch_optional(c).await)?;
        let Some((other_id, other_pos)) = other else { return Ok(false) };
        let (a, b) = crate::swapped(me.position, other_pos, up);
        on_tx!(self, tx, c => sqlx::query("UPDATE kpis SET position = $1 WHERE id = $2").bind(a).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("UPDATE kpis SET position = $1 WHERE id = $2").bind(b).bind(other_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records the value of one period. `version` is what the writer saw: 0 when the
    /// period had no value yet. A stale version changes nothing and answers Conflict.
    pub async fn record_actual(&self, org: OrgId, kpi: KpiId, version: i64, data: &ActualData, actor: UserId) -> StoreResult<KpiActual> {
        self.kpi(org, kpi).await?;
        let existing = |s: &Store| {
            let sql = sqlx::AssertSqlSafe(format!(
                "SELECT {ACTUAL_COLUMNS} FROM kpi_actuals a WHERE a.org_id = $1 AND a.kpi_id = $2 AND a.period_start = $3"
            ));
            let s = s.clone();
            async move {
                on_pool!(s, p => sqlx::query_as::<_, KpiActual>(sql).bind(org).bind(kpi).bind(data.period_start).fetch_optional(p).await)
            }
        };
        let current = existing(self).await?;
        let conflict = |c: Option<&KpiActual>| StoreError::Conflict { current: c.map(|a| a.version).unwrap_or(0) };
        match current {
            None if version != 0 => Err(conflict(None)),
            None => {
                let sql = sqlx::AssertSqlSafe(format!(
                    "INSERT INTO kpi_actuals (org_id, kpi_id, period_start, value, note, recorded_by, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {ACTUAL_WRITE_COLUMNS}"
                ));
                let r: Result<KpiActual, StoreError> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(kpi).bind(data.period_start)
                    .bind(data.value).bind(&data.note).bind(actor).bind(now()).fetch_one(p).await)
                .map_err(StoreError::from);
                match r {
                    Err(e) if e.is_unique_violation() => Err(conflict(existing(self).await?.as_ref())),
                    other => other,
                }
            }
            Some(c) => {
                let sql = sqlx::AssertSqlSafe(format!(
                    "UPDATE kpi_actuals SET value = $1, note = $2, recorded_by = $3, recorded_at = $4, version = version + 1 \
                     WHERE org_id = $5 AND id = $6 AND version = $7 RETURNING {ACTUAL_WRITE_COLUMNS}"
                ));
                let r: Option<KpiActual> = on_pool!(self, p => sqlx::query_as(sql).bind(data.value).bind(&data.note).bind(actor).bind(now())
                    .bind(org).bind(c.id).bind(version).fetch_optional(p).await)?;
                match r {
                    Some(a) => Ok(a),
                    None => Err(conflict(existing(self).await?.as_ref())),
                }
            }
        }
    }

    pub async fn delete_actual(&self, org: OrgId, id: KpiActualId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM kpi_actuals WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }
}
