//! Plans: create, edit and delete; status changes that need a manager.

use keyplan_domain::permissions::{self};
use keyplan_domain::plan::PlanInput;
use keyplan_domain::validate::format_date;
use keyplan_domain::{AccountId, Message, PlanId};
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
    let plan = store.create_plan(auth.org(), account, &data, template, auth.id()).await?;
    crate::collab::record_activity(store, auth, plan.id, "created", "plan", Some(plan.id.get()), &Message::new("stored-plan-created"))
        .await;
    Ok(plan)
}

pub async fn update_plan(store: &Store, auth: &Auth, id: PlanId, version: i64, input: &PlanInput) -> Result<Plan> {
    let current = store.plan(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    let data = input.validate(today())?;
    if data.status != current.status()
        && (data.status.needs_manager() || current.status().needs_manager())
        && !permissions::can_approve_plans(auth.actor())
    {
        return Err(AppError::field("status", keyplan_domain::Message::new("err-approve-withdraw")));
    }
    let plan = store.update_plan(auth.org(), id, version, &data, auth.id()).await?;
    crate::collab::record_activity(store, auth, id, "updated", "plan", Some(id.get()), &Message::new("stored-plan-edited")).await;
    Ok(plan)
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
    }
}
