//! The constraint tree's nodes and the answers to commitments (acceptance).

use keyplan_domain::acceptance::{self, AcceptanceState, Response};
use keyplan_domain::permissions::{self};
use keyplan_domain::settings;
use keyplan_domain::tree::{self, Acceptance, CommitmentStatus, Node, NodeInput, NodeKind};
use keyplan_domain::validate::format_date;
use keyplan_domain::{NodeId, PlanId, UserId};
use keyplan_store::{NodeWrite, Store};

use crate::access::{access, require, require_plan_editor};
use crate::num;
use crate::{AppError, Auth, Result};

pub async fn create_node(
    store: &Store,
    auth: &Auth,
    plan: PlanId,
    kind: NodeKind,
    parent: Option<NodeId>,
    input: &NodeInput,
) -> Result<Node> {
    let plan_row = store.plan(auth.org(), plan).await?;
    require_plan_editor(store, auth, plan_row.account_id).await?;
    let content = input.validate(kind)?;
    let ((settings, _), nodes) = tokio::try_join!(store.organisation_settings(auth.org()), store.nodes(auth.org(), plan))?;
    settings::within_limit("nodes", "err-limit-nodes", nodes.len(), 1, settings.max_nodes_per_plan)?;
    let mut w = NodeWrite::titled(content.title);
    w.notes = content.notes;
    if kind == NodeKind::Goal {
        set_goal_fields(&mut w, content.goal);
    }
    if let Some(c) = content.commitment {
        let acceptance = acceptance::initial(auth.id(), c.owner_id);
        acceptance::check_status_change(acceptance, c.status)?;
        w.owner_id = Some(c.owner_id);
        w.contact_id = c.contact_id;
        w.author_id = Some(auth.id());
        w.start_date = c.start_date;
        w.due_date = c.due_date;
        w.done_criterion = c.done_criterion;
        w.how = c.how;
        w.status = Some(c.status);
        w.acceptance = Some(acceptance);
    }
    let node = store.create_node(auth.org(), plan, kind, parent, &w, auth.id()).await?;
    crate::collab::node_activity(store, auth, "created", &node).await;
    crate::collab::commitment_written(store, auth, None, &node).await;
    Ok(node)
}

/// An add form at workshop speed: several lines pasted into the title make
/// one node per non-empty line, each with the form's other fields (owner,
/// dates…). Every line is checked, and the plan's node limit too, before the
/// first is written, so a bad line adds nothing.
pub async fn create_node_lines(
    store: &Store,
    auth: &Auth,
    plan: PlanId,
    kind: NodeKind,
    parent: Option<NodeId>,
    input: &NodeInput,
) -> Result<Vec<Node>> {
    let lines: Vec<&str> = input.title.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() <= 1 {
        return Ok(vec![create_node(store, auth, plan, kind, parent, input).await?]);
    }
    let plan_row = store.plan(auth.org(), plan).await?;
    require_plan_editor(store, auth, plan_row.account_id).await?;
    let one = |line: &str| NodeInput { title: line.to_string(), ..input.clone() };
    for line in &lines {
        one(line).validate(kind)?;
    }
    let ((settings, _), nodes) = tokio::try_join!(store.organisation_settings(auth.org()), store.nodes(auth.org(), plan))?;
    settings::within_limit("nodes", "err-limit-nodes", nodes.len(), lines.len(), settings.max_nodes_per_plan)?;
    let mut created = Vec::with_capacity(lines.len());
    for line in lines {
        created.push(create_node(store, auth, plan, kind, parent, &one(line)).await?);
    }
    Ok(created)
}

/// Edits a node. Plan editors may change everything; a commitment's owner who is
/// not an editor may report its status and notes and say how they deliver it.
pub async fn update_node(store: &Store, auth: &Auth, id: NodeId, version: i64, input: &NodeInput) -> Result<Node> {
    let node = store.node(auth.org(), id).await?;
    let plan = store.plan(auth.org(), node.plan_id).await?;
    let access = access(store, auth, plan.account_id).await?;
    let editor = permissions::can_edit_plans(auth.actor(), &access);
    let is_owner = node.kind() == NodeKind::Commitment && node.owner_id() == Some(auth.id()) && auth.role() != keyplan_domain::Role::Viewer;
    require(editor || is_owner)?;
    let content = input.validate(node.kind())?;
    let mut w = NodeWrite::from_node(&node);
    if !editor {
        // The owner reports progress; what was promised stays as agreed.
        let c = content.commitment.as_ref().ok_or_else(|| AppError::field("status", keyplan_domain::Message::new("err-missing")))?;
        let unchanged = content.title == node.title && c.owner_id == node.owner_id().unwrap_or(c.owner_id) && c.due_date == node.due_date();
        if !unchanged {
            return Err(AppError::Forbidden(keyplan_domain::Message::new("err-owner-reports-only")));
        }
        acceptance::check_status_change(node.acceptance().unwrap_or(Acceptance::Proposed), c.status)?;
        w.status = Some(c.status);
        w.notes = content.notes;
        w.how = c.how.clone();
        let updated = store.update_node(auth.org(), id, version, &w, auth.id()).await?;
        crate::collab::node_activity(store, auth, "updated", &updated).await;
        crate::collab::commitment_completed(store, auth, &node, &updated).await;
        return Ok(updated);
    }
    w.title = content.title.clone();
    w.notes = content.notes;
    if node.kind() == NodeKind::Goal {
        set_goal_fields(&mut w, content.goal);
    }
    if let Some(c) = content.commitment {
        let owner = node.owner_id().unwrap_or(c.owner_id);
        let state = acceptance_state(&node, owner);
        let material = content.title != node.title || c.due_date != node.due_date() || &c.done_criterion != node.done_criterion();
        let next = acceptance::after_edit(&state, auth.id(), c.owner_id, material);
        if next != state.acceptance {
            // Asked again: whoever asked is now the author, and old answers are void.
            w.author_id = Some(auth.id());
            w.decline_reason = None;
            w.proposed_due_date = None;
        }
        // Progress counts only on an accepted commitment; asking again resets it.
        if Some(c.status) != node.status() {
            acceptance::check_status_change(next, c.status)?;
        }
        let status = if next == Acceptance::Accepted { c.status } else { CommitmentStatus::Open };
        w.owner_id = Some(c.owner_id);
        w.contact_id = c.contact_id;
        w.start_date = c.start_date;
        w.due_date = c.due_date;
        w.done_criterion = c.done_criterion;
        // How it is delivered is the owner's way to the promise, not the promise:
        // changing it does not ask the owner again.
        w.how = c.how;
        w.status = Some(status);
        w.acceptance = Some(next);
    }
    let updated = store.update_node(auth.org(), id, version, &w, auth.id()).await?;
    crate::collab::node_activity(store, auth, "updated", &updated).await;
    crate::collab::commitment_completed(store, auth, &node, &updated).await;
    crate::collab::commitment_written(store, auth, Some(&node), &updated).await;
    Ok(updated)
}

pub async fn delete_node(store: &Store, auth: &Auth, id: NodeId) -> Result<Node> {
    let node = store.node(auth.org(), id).await?;
    let plan = store.plan(auth.org(), node.plan_id).await?;
    require_plan_editor(store, auth, plan.account_id).await?;
    store.delete_node(auth.org(), id).await?;
    crate::collab::node_activity(store, auth, "deleted", &node).await;
    Ok(node)
}

pub async fn move_node(store: &Store, auth: &Auth, id: NodeId, up: bool) -> Result<Node> {
    let node = store.node(auth.org(), id).await?;
    let plan = store.plan(auth.org(), node.plan_id).await?;
    require_plan_editor(store, auth, plan.account_id).await?;
    store.move_node(auth.org(), id, up).await?;
    Ok(node)
}

/// The owner's (or author's) answer to a commitment. `version`, when given,
/// must match; the answer is always checked against the stored state.
pub async fn respond(store: &Store, auth: &Auth, id: NodeId, version: Option<i64>, response: Response) -> Result<Node> {
    let node = store.node(auth.org(), id).await?;
    if node.kind() != NodeKind::Commitment {
        return Err(AppError::NotFound);
    }
    if let Some(v) = version
        && v != node.version
    {
        return Err(AppError::Conflict { current_version: node.version });
    }
    let plan = store.plan(auth.org(), node.plan_id).await?;
    let access = access(store, auth, plan.account_id).await?;
    let actor = acceptance::Actor {
        user_id: auth.id(),
        may_act_for_author: auth.role().is_manager_like()
            || (permissions::can_edit_plans(auth.actor(), &access) && node.author_id().is_none()),
    };
    let owner = node.owner_id().ok_or_else(|| AppError::state("err-no-owner"))?;
    let state = acceptance_state(&node, owner);
    let next = acceptance::respond(&state, actor, response)?;
    let mut w = NodeWrite::from_node(&node);
    w.acceptance = Some(next.acceptance);
    w.due_date = next.due_date;
    w.proposed_due_date = next.proposed_due_date;
    w.decline_reason = next.decline_reason;
    if next.acceptance != Acceptance::Accepted {
        w.status = Some(CommitmentStatus::Open);
    }
    let answered = store.update_node(auth.org(), id, node.version, &w, auth.id()).await?;
    crate::collab::commitment_answered(store, auth, &answered).await;
    Ok(answered)
}

fn set_goal_fields(w: &mut NodeWrite, goal: tree::GoalFields) {
    w.metric = goal.metric;
    w.baseline = goal.baseline;
    w.target = goal.target;
    w.unit = goal.unit;
    w.target_date = goal.target_date;
    w.benefit = goal.benefit;
}

/// The acceptance-related part of a stored commitment.
fn acceptance_state(node: &Node, owner: UserId) -> AcceptanceState {
    AcceptanceState {
        owner_id: owner,
        author_id: node.author_id(),
        acceptance: node.acceptance().unwrap_or(Acceptance::Proposed),
        due_date: node.due_date(),
        proposed_due_date: node.proposed_due_date(),
        decline_reason: node.decline_reason().clone(),
    }
}

pub fn node_to_input(n: &Node) -> NodeInput {
    NodeInput {
        title: n.title.clone(),
        notes: n.notes.clone().unwrap_or_default(),
        metric: n.metric().clone().unwrap_or_default(),
        baseline: n.baseline().map(num).unwrap_or_default(),
        target: n.target().map(num).unwrap_or_default(),
        unit: n.unit().clone().unwrap_or_default(),
        target_date: n.target_date().map(format_date).unwrap_or_default(),
        benefit: n.benefit().map(|b| b.as_str().to_string()).unwrap_or_default(),
        owner_id: n.owner_id().map(|i| i.to_string()).unwrap_or_default(),
        contact_id: n.contact_id().map(|i| i.to_string()).unwrap_or_default(),
        start_date: n.start_date().map(format_date).unwrap_or_default(),
        due_date: n.due_date().map(format_date).unwrap_or_default(),
        done_criterion: n.done_criterion().clone().unwrap_or_default(),
        how: n.how().clone().unwrap_or_default(),
        status: n.status().map(|s| s.as_str().to_string()).unwrap_or_default(),
    }
}
