//! The KPI scorecard: permission checks and validation for KPIs and their actuals,
//! and what the scorecard shows (latest value, progress to target, judgement).
//! Shared by the plan page and the API.

use keyplan_domain::kpi::{self, ActualInput, Judgement, KpiInput, Period};
use keyplan_domain::validate::format_date;
use keyplan_domain::{KpiActualId, KpiId, PlanId};
use keyplan_store::{Kpi, KpiActual, Store};
use time::Date;

use crate::Result;
use crate::access::require_plan_editor;
use crate::auth::Auth;
use crate::bundle::PlanBundle;
use crate::num;

/// One KPI with its actuals and where it stands.
pub struct KpiProgress<'a> {
    pub kpi: &'a Kpi,
    /// Oldest period first.
    pub actuals: Vec<&'a KpiActual>,
    pub period: Period,
    pub latest: Option<&'a KpiActual>,
    /// 0.0..=1.0 of the way from baseline to target.
    pub progress: Option<f64>,
    pub judgement: Judgement,
}

impl<'a> KpiProgress<'a> {
    pub fn new(plan_start: Date, kpi: &'a Kpi, all: &'a [KpiActual]) -> Self {
        let actuals: Vec<&KpiActual> = all.iter().filter(|a| a.kpi_id == kpi.id).collect();
        let latest = actuals.iter().max_by_key(|a| a.period_start).copied();
        let progress = kpi::progress(kpi.baseline, kpi.target, latest.map(|a| a.value));
        let judgement = kpi::judge(kpi.baseline, kpi.target, plan_start, kpi.target_date, latest.map(|a| a.value), crate::today());
        KpiProgress { kpi, actuals, period: kpi.period, latest, progress, judgement }
    }

    /// "62%" or "—".
    pub fn progress_label(&self) -> String {
        self.progress.map(|p| format!("{:.0}%", p * 100.0)).unwrap_or_else(|| "—".into())
    }
}

impl PlanBundle {
    /// The scorecard: every KPI of the plan in order.
    pub fn kpi_progress(&self) -> Vec<KpiProgress<'_>> {
        self.kpis.iter().map(|k| KpiProgress::new(self.plan.period_start, k, &self.kpi_actuals)).collect()
    }
}

/// The coach reads a plan's KPIs: keep its mark current.
async fn remark(store: &Store, auth: &Auth, plan: PlanId) {
    crate::coach::marks::remark(store, auth.org(), plan).await;
}

async fn editable(store: &Store, auth: &Auth, plan: PlanId) -> Result<()> {
    let p = store.plan(auth.org(), plan).await?;
    require_plan_editor(store, auth, p.account_id).await
}

pub async fn create_kpi(store: &Store, auth: &Auth, plan: PlanId, input: &KpiInput) -> Result<Kpi> {
    editable(store, auth, plan).await?;
    let data = input.validate()?;
    let kpi = store.create_kpi(auth.org(), plan, &data, auth.id()).await?;
    remark(store, auth, plan).await;
    Ok(kpi)
}

pub async fn update_kpi(store: &Store, auth: &Auth, id: KpiId, version: i64, input: &KpiInput) -> Result<Kpi> {
    let current = store.kpi(auth.org(), id).await?;
    editable(store, auth, current.plan_id).await?;
    let data = input.validate()?;
    let kpi = store.update_kpi(auth.org(), id, version, &data, auth.id()).await?;
    remark(store, auth, current.plan_id).await;
    Ok(kpi)
}

pub async fn delete_kpi(store: &Store, auth: &Auth, id: KpiId) -> Result<Kpi> {
    let current = store.kpi(auth.org(), id).await?;
    editable(store, auth, current.plan_id).await?;
    store.delete_kpi(auth.org(), id).await?;
    remark(store, auth, current.plan_id).await;
    Ok(current)
}

pub async fn move_kpi(store: &Store, auth: &Auth, id: KpiId, up: bool) -> Result<Kpi> {
    let current = store.kpi(auth.org(), id).await?;
    editable(store, auth, current.plan_id).await?;
    store.move_kpi(auth.org(), id, up).await?;
    Ok(current)
}

/// Records (or corrects) the value of one period; the date is moved to the
/// period's first day. Plan editors — the account's owner and team — record them.
pub async fn record_actual(store: &Store, auth: &Auth, id: KpiId, version: i64, input: &ActualInput) -> Result<KpiActual> {
    let k = store.kpi(auth.org(), id).await?;
    editable(store, auth, k.plan_id).await?;
    let data = input.validate(k.period)?;
    Ok(store.record_actual(auth.org(), id, version, &data, auth.id()).await?)
}

pub async fn delete_actual(store: &Store, auth: &Auth, id: KpiActualId) -> Result<KpiActual> {
    let a = store.kpi_actual(auth.org(), id).await?;
    let k = store.kpi(auth.org(), a.kpi_id).await?;
    editable(store, auth, k.plan_id).await?;
    store.delete_actual(auth.org(), id).await?;
    Ok(a)
}

pub fn kpi_to_input(k: &Kpi) -> KpiInput {
    KpiInput {
        name: k.name.clone(),
        unit: k.unit.clone().unwrap_or_default(),
        baseline: k.baseline.map(num).unwrap_or_default(),
        target: k.target.map(num).unwrap_or_default(),
        target_date: k.target_date.map(format_date).unwrap_or_default(),
        period: k.period.as_str().into(),
        goal_id: k.goal_id.map(|g| g.to_string()).unwrap_or_default(),
    }
}

/// The period an actual would be recorded for today.
pub fn current_period(k: &Kpi) -> Date {
    k.period.start_of(crate::today())
}
