//! Opportunities of an account: create, edit and delete, with the same
//! permissions as the account's contacts (those who may edit its plans), and
//! the pipeline coverage of a plan's money goals.

use std::collections::HashMap;

use keyplan_domain::opportunity::OpportunityInput;
use keyplan_domain::opportunity::coverage::{self, Coverage, Deal};
use keyplan_domain::tree::Node;
use keyplan_domain::validate::format_date;
use keyplan_domain::{AccountId, NodeId, OpportunityId, OrgId, PlanId};
use keyplan_store::{Opportunity, Store};
use time::Date;

use crate::access::require_plan_editor;
use crate::{Auth, Result};

pub async fn create_opportunity(store: &Store, auth: &Auth, account: AccountId, input: &OpportunityInput) -> Result<Opportunity> {
    require_plan_editor(store, auth, account).await?;
    let currency = store.org(auth.org()).await?.currency;
    let data = input.validate(&currency)?;
    Ok(store.create_opportunity(auth.org(), account, &data, auth.id()).await?)
}

pub async fn update_opportunity(
    store: &Store,
    auth: &Auth,
    id: OpportunityId,
    version: i64,
    input: &OpportunityInput,
) -> Result<Opportunity> {
    let current = store.opportunity(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    let data = input.validate(&current.currency)?;
    Ok(store.update_opportunity(auth.org(), id, version, &data, auth.id()).await?)
}

pub async fn delete_opportunity(store: &Store, auth: &Auth, id: OpportunityId) -> Result<Opportunity> {
    let current = store.opportunity(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    store.delete_opportunity(auth.org(), id).await?;
    Ok(current)
}

/// The stored opportunity as form or API input (the starting point of a partial change).
pub fn opportunity_to_input(o: &Opportunity) -> OpportunityInput {
    OpportunityInput {
        crm_id: o.crm_id.clone().unwrap_or_default(),
        name: o.name.clone(),
        stage: o.stage.clone().unwrap_or_default(),
        status: o.status.as_str().into(),
        amount: o.amount.map(|a| a.to_string()).unwrap_or_default(),
        currency: o.currency.clone(),
        probability: o.probability.map(|p| p.to_string()).unwrap_or_default(),
        close_date: o.close_date.map(format_date).unwrap_or_default(),
        owner_id: o.owner_id.map(|i| i.to_string()).unwrap_or_default(),
        next_step: o.next_step.clone().unwrap_or_default(),
        goal_id: o.goal_id.map(|i| i.to_string()).unwrap_or_default(),
        whitespace_cell_id: o.whitespace_cell_id.map(|i| i.to_string()).unwrap_or_default(),
    }
}

/// The coverage of each money goal among `nodes` (the plan's), from
/// opportunities already loaded with [`Store::plan_opportunities`].
pub fn coverage_of(nodes: &[Node], opportunities: &[Opportunity], today: Date) -> HashMap<NodeId, Coverage> {
    let deals = opportunities.iter().filter_map(|o| {
        let deal = Deal { status: o.status, amount: o.amount, currency: &o.currency, probability: o.probability, close_date: o.close_date };
        o.goal_id.map(|g| (g, deal))
    });
    coverage::plan_coverage(nodes, deals, today)
}

/// Loads the plan's linked opportunities (one statement) and sums them per money goal.
pub async fn plan_coverage(store: &Store, org: OrgId, plan: PlanId, nodes: &[Node], today: Date) -> Result<HashMap<NodeId, Coverage>> {
    let opportunities = store.plan_opportunities(org, plan).await?;
    Ok(coverage_of(nodes, &opportunities, today))
}
