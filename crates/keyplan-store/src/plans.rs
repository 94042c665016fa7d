//! Plans.

use keyplan_domain::plan::PlanData;
use keyplan_domain::{AccountId, OrgId, PlanId, UserId};

use crate::error::OptionalExt;
use crate::rows::{Plan, PlanSummary};
use crate::{Store, StoreError, StoreResult, now, on_pool};

pub(crate) const RETURNING: &str = "RETURNING id, org_id, account_id, title, template, template_version_id, status, period_start, period_end, version, created_by, created_at, updated_at, updated_by, customer_title";

const SUMMARY: &str = "SELECT p.id, p.org_id, p.account_id, p.title, p.template, p.template_version_id, p.status, p.period_start, p.period_end, p.version, \
    p.created_by, p.created_at, p.updated_at, p.updated_by, a.name AS account_name, \
    (SELECT COUNT(*) FROM nodes n WHERE n.plan_id = p.id AND n.kind = 'commitment') AS commitments, \
    (SELECT COUNT(*) FROM nodes n WHERE n.plan_id = p.id AND n.kind = 'commitment' AND n.acceptance = 'accepted') AS commitments_accepted, \
    (SELECT COUNT(*) FROM nodes n WHERE n.plan_id = p.id AND n.kind = 'commitment' AND n.acceptance = 'accepted' AND n.status = 'done') AS commitments_done, \
    m.score AS coach_score, m.level AS coach_level, m.blockers AS coach_blockers \
    FROM plans p JOIN accounts a ON a.id = p.account_id LEFT JOIN plan_coach_marks m ON m.plan_id = p.id";

impl Store {
    pub async fn plans_of_account(&self, org: OrgId, account: AccountId) -> StoreResult<Vec<PlanSummary>> {
        let sql =
            sqlx::AssertSqlSafe(format!("{SUMMARY} WHERE p.org_id = $1 AND p.account_id = $2 ORDER BY p.period_start DESC, p.id DESC"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(account).fetch_all(p).await)?)
    }

    /// Plans of the organisation that are not archived, for overviews.
    pub async fn open_plans(&self, org: OrgId) -> StoreResult<Vec<PlanSummary>> {
        let sql = sqlx::AssertSqlSafe(format!("{SUMMARY} WHERE p.org_id = $1 AND p.status <> 'archived' ORDER BY LOWER(a.name), p.id"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_all(p).await)?)
    }

    /// The organisation a plan belongs to. Unscoped: for the command line, which
    /// runs with direct access to the database, never for web requests.
    pub async fn plan_org(&self, id: PlanId) -> StoreResult<OrgId> {
        let row: Option<(OrgId,)> =
            on_pool!(self, p => sqlx::query_as("SELECT org_id FROM plans WHERE id = $1").bind(id).fetch_optional(p).await)?;
        row.map(|r| r.0).found()
    }

    pub async fn plan(&self, org: OrgId, id: PlanId) -> StoreResult<Plan> {
        const SQL: &str = "SELECT id, org_id, account_id, title, template, template_version_id, status, period_start, period_end, version, created_by, created_at, \
                           updated_at, updated_by, customer_title FROM plans WHERE org_id = $1 AND id = $2";
        on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// Creates a plan from the current version of the template called `template`
    /// (a retired template is refused); the plan keeps that version for good.
    pub async fn create_plan(&self, org: OrgId, account: AccountId, data: &PlanData, template: &str, actor: UserId) -> StoreResult<Plan> {
        self.account(org, account).await?;
        let t = match self.template_by_key(org, template).await {
            Ok(t) if !t.retired => t,
            Ok(_) => {
                return Err(StoreError::invalid("template", keyplan_domain::Message::new("err-template-retired").arg("name", template)));
            }
            Err(StoreError::NotFound) => {
                return Err(StoreError::invalid("template", keyplan_domain::Message::new("err-no-template").arg("name", template)));
            }
            Err(e) => return Err(e),
        };
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO plans (org_id, account_id, title, template, template_version_id, status, period_start, period_end, created_by, \
             created_at, updated_at, updated_by, customer_title) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $9, $11) {RETURNING}"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql)
            .bind(org).bind(account).bind(&data.title).bind(&t.key).bind(t.version_id).bind(data.status.as_str()).bind(data.period_start)
            .bind(data.period_end).bind(actor).bind(now()).bind(&data.customer_title).fetch_one(p).await)?)
    }

    pub async fn update_plan(&self, org: OrgId, id: PlanId, version: i64, data: &PlanData, actor: UserId) -> StoreResult<Plan> {
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE plans SET title = $1, status = $2, period_start = $3, period_end = $4, version = version + 1, updated_at = $5, updated_by = $6, \
             customer_title = $10 WHERE org_id = $7 AND id = $8 AND version = $9 {RETURNING}"
        ));
        let updated: Option<Plan> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(&data.title).bind(data.status.as_str()).bind(data.period_start).bind(data.period_end).bind(now()).bind(actor)
            .bind(org).bind(id).bind(version).bind(&data.customer_title).fetch_optional(p).await)?;
        match updated {
            Some(p) => Ok(p),
            None => Err(StoreError::Conflict { current: self.plan(org, id).await?.version }),
        }
    }

    pub async fn delete_plan(&self, org: OrgId, id: PlanId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM plans WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }
}
