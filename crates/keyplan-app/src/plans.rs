//! Plans: create, edit and delete; status changes that need a manager, and
//! the organisation's limits on active plans (an activation over a limit needs
//! a manager's reason, kept in the plan's history and listed for managers).

use keyplan_domain::permissions::{self};
use keyplan_domain::plan::{PlanInput, PlanStatus};
use keyplan_domain::portfolio::limits::{self, ActivePlan, Limit};
use keyplan_domain::validate::format_date;
use keyplan_domain::{AccountId, Message, PlanId, UserId};
use keyplan_store::{Plan, Store};

use crate::access::require_plan_editor;
use crate::today;
use crate::{AppError, Auth, Result};

pub async fn create_plan(store: &Store, auth: &Auth, account: AccountId, input: &PlanInput, template: &str) -> Result<Plan> {
    require_plan_editor(store, auth, account).await?;
    let data = input.validate(today())?;
    if data.status.needs_manager() && !permissions::can_approve_plans(auth.actor()) {
        return Err(AppError::field("status", keyplan_domain::Message::new("err-approve-manager")));
    }
    let kam = store.account(auth.org(), account).await?.owner_id.or(Some(auth.id()));
    let (plan, exception) = limited(store, auth.org(), None, data.status, async {
        let exception = check_limits(store, auth, None, kam, None, data.status, input).await?;
        Ok((store.create_plan(auth.org(), account, &data, template, auth.id()).await?, exception))
    })
    .await?;
    crate::collab::record_activity(store, auth, plan.id, "created", "plan", Some(plan.id.get()), &Message::new("stored-plan-created"))
        .await;
    record_exception(store, auth, plan.id, exception).await;
    Ok(plan)
}

pub async fn update_plan(store: &Store, auth: &Auth, id: PlanId, version: i64, input: &PlanInput) -> Result<Plan> {
    let current = store.plan(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    let mut data = input.validate(today())?;
    if input.customer_title.is_none() {
        // A form or body without the field leaves the customer's title as it is.
        data.customer_title = current.customer_title.clone();
    }
    if data.status != current.status()
        && (data.status.needs_manager() || current.status().needs_manager())
        && !permissions::can_approve_plans(auth.actor())
    {
        return Err(AppError::field("status", keyplan_domain::Message::new("err-approve-withdraw")));
    }
    let kam = store.account(auth.org(), current.account_id).await?.owner_id.or(current.created_by);
    let (plan, exception) = limited(store, auth.org(), Some(current.status()), data.status, async {
        let exception = check_limits(store, auth, Some(id), kam, Some(current.status()), data.status, input).await?;
        Ok((store.update_plan(auth.org(), id, version, &data, auth.id()).await?, exception))
    })
    .await?;
    crate::collab::record_activity(store, auth, id, "updated", "plan", Some(id.get()), &Message::new("stored-plan-edited")).await;
    record_exception(store, auth, id, exception).await;
    Ok(plan)
}

/// Runs the check against the limits and the write of a plan going from
/// `from` to `to` one at a time for the organisation when the change is an
/// activation, so that two activations at once cannot both see room under a
/// limit; any other change runs as it is.
async fn limited<T>(
    store: &Store,
    org: keyplan_domain::OrgId,
    from: Option<PlanStatus>,
    to: PlanStatus,
    work: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    if activates(from, to) { store.serialized(org, "plan-limits", work).await? } else { work.await }
}

/// Whether going from `from` (none: a new plan) to `to` makes an active plan.
fn activates(from: Option<PlanStatus>, to: PlanStatus) -> bool {
    limits::counts(to) && !from.is_some_and(limits::counts)
}

/// The longest reason for an exception to the limits.
const REASON_MAX: usize = 500;

/// An allowed exception: the limits broken (setting keys) and the reason.
struct Exception {
    limits: String,
    reason: String,
}

/// Checks a plan going from `from` (none: a new plan) to `to` against the
/// organisation's limits on active plans. Only an activation (from a draft,
/// an archived plan or nothing to active, in review or approved) is checked.
/// Over a limit it is refused, naming the limit and the plans that fill it,
/// unless a manager gives a reason (`limit_exception`), which is then
/// recorded.
async fn check_limits(
    store: &Store,
    auth: &Auth,
    plan: Option<PlanId>,
    kam: Option<UserId>,
    from: Option<PlanStatus>,
    to: PlanStatus,
    input: &PlanInput,
) -> Result<Option<Exception>> {
    let reason = input.limit_exception.trim();
    if reason.chars().count() > REASON_MAX {
        return Err(AppError::field("limit_exception", Message::new("err-too-long").arg("max", REASON_MAX)));
    }
    keyplan_domain::text::check("limit_exception", reason)?;
    if !activates(from, to) {
        return Ok(None);
    }
    let ((settings, _), active) = tokio::try_join!(store.organisation_settings(auth.org()), store.active_plans(auth.org()))?;
    let rows: Vec<ActivePlan<PlanId>> = active.iter().map(|a| ActivePlan { key: a.id, kam: a.kam }).collect();
    // A new plan has no id yet: no listed plan is it.
    let key = plan.unwrap_or(PlanId::new(0));
    let breaches = limits::check(&settings.limits(), key, kam, &rows);
    if breaches.is_empty() {
        return Ok(None);
    }
    if !reason.is_empty() && permissions::can_approve_plans(auth.actor()) {
        let keys: Vec<&str> = breaches.iter().map(|b| b.limit.as_str()).collect();
        return Ok(Some(Exception { limits: keys.join(","), reason: reason.to_string() }));
    }
    let title = |id: &PlanId| active.iter().find(|a| a.id == *id).map(|a| format!("{} ({})", a.title, a.account_name)).unwrap_or_default();
    let errors = breaches
        .iter()
        .map(|b| {
            let plans: Vec<String> = b.filled_by.iter().map(title).collect();
            let code = match b.limit {
                Limit::PerKam => "limit-err-per-kam",
                Limit::PerCompany => "limit-err-per-company",
            };
            let mut m = Message::new(code).arg("allowed", i64::from(b.allowed)).arg("plans", plans.join("; "));
            m = if reason.is_empty() {
                m.arg("how", Message::new("limit-err-how"))
            } else {
                m.arg("how", Message::new("limit-err-manager"))
            };
            keyplan_domain::FieldError::new("status", m)
        })
        .collect();
    Err(AppError::Validation(errors))
}

/// Keeps an allowed exception with the plan and in its history; a failure is logged.
async fn record_exception(store: &Store, auth: &Auth, plan: PlanId, exception: Option<Exception>) {
    let Some(e) = exception else { return };
    if let Err(err) = store.record_limit_exception(auth.org(), plan, &e.limits, &e.reason, auth.id()).await {
        tracing::warn!(error = %err, plan = plan.get(), "recording a limit exception failed");
    }
    let line = Message::new("stored-limit-exception").arg("limits", e.limits.replace(',', ", ")).arg("reason", e.reason);
    crate::collab::record_activity(store, auth, plan, "limit_exception", "plan", Some(plan.get()), &line).await;
}

/// Every exception to the limits in the organisation, newest first (managers and administrators).
pub async fn limit_exceptions(store: &Store, auth: &Auth) -> Result<Vec<keyplan_store::LimitException>> {
    crate::access::require(permissions::can_approve_plans(auth.actor()))?;
    Ok(store.limit_exceptions(auth.org()).await?)
}

pub async fn delete_plan(store: &Store, auth: &Auth, id: PlanId) -> Result<Plan> {
    let current = store.plan(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    store.delete_plan(auth.org(), id).await?;
    Ok(current)
}

pub fn plan_to_input(p: &Plan) -> PlanInput {
    PlanInput {
        title: p.title.clone(),
        status: p.status.as_str().into(),
        period_start: format_date(p.period_start),
        period_end: format_date(p.period_end),
        customer_title: Some(p.customer_title.clone().unwrap_or_default()),
        limit_exception: String::new(),
    }
}
