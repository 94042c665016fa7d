//! What the pages and the API both do: permission checks, validation and the
//! acceptance rules, on top of the store. Handlers stay thin.

use keyplan_domain::acceptance::{self, AcceptanceState, Response};
use keyplan_domain::account::AccountInput;
use keyplan_domain::contact::ContactInput;
use keyplan_domain::permissions::{self, AccountAccess};
use keyplan_domain::plan::PlanInput;
use keyplan_domain::tree::{self, Acceptance, CommitmentStatus, Node, NodeInput, NodeKind, TreeNode, TreeSummary};
use keyplan_domain::validate::format_date;
use keyplan_domain::{AccountId, ContactId, NodeId, PlanId, UserId};
use keyplan_store::{Account, Contact, NodeWrite, Plan, Store, TeamMember, User};
use time::Date;

use crate::AppError;
use crate::auth::Auth;

pub type Result<T> = std::result::Result<T, AppError>;

pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// Everything the plan page, the plan API and the exports show, loaded with a
/// fixed number of queries however large the plan.
pub struct PlanBundle {
    pub plan: Plan,
    pub account: Account,
    pub access: AccountAccess,
    pub tree: Vec<TreeNode>,
    pub summary: TreeSummary,
    pub users: Vec<User>,
    pub contacts: Vec<Contact>,
    pub team: Vec<TeamMember>,
    pub can_edit: bool,
    /// The template version the plan was made with, and its number.
    pub doc: keyplan_domain::template::TemplateDoc,
    pub template_version: i32,
    pub sections: Vec<keyplan_store::PlanSection>,
    pub items: Vec<keyplan_store::Item>,
    pub links: Vec<keyplan_store::GoalLink>,
    pub settings: keyplan_store::OrgSettings,
    pub whitespace: Option<keyplan_store::Whitespace>,
    pub kpis: Vec<keyplan_store::Kpi>,
    pub kpi_actuals: Vec<keyplan_store::KpiActual>,
    /// Review dates for the timeline.
    pub review_marks: Vec<keyplan_store::ReviewMark>,
    /// Who this bundle is for; anything but the team has been through [`crate::audience::redact`].
    pub audience: keyplan_domain::audience::Audience,
}

impl PlanBundle {
    pub fn user_name(&self, id: Option<UserId>) -> Option<&str> {
        id.and_then(|id| self.users.iter().find(|u| u.id == id)).map(|u| u.name.as_str())
    }
    pub fn contact_name(&self, id: Option<ContactId>) -> Option<&str> {
        id.and_then(|id| self.contacts.iter().find(|c| c.id == id)).map(|c| c.name.as_str())
    }
}

pub async fn plan_bundle(store: &Store, auth: &Auth, id: PlanId) -> Result<PlanBundle> {
    plan_bundle_for(store, auth.org(), Some(auth.actor()), id).await
}

/// The bundle for an organisation; `viewer` decides `can_edit` (none: read-only,
/// as for command-line exports).
pub async fn plan_bundle_for(
    store: &Store,
    org: keyplan_domain::OrgId,
    viewer: Option<permissions::Actor>,
    id: PlanId,
) -> Result<PlanBundle> {
    let plan = store.plan(org, id).await?;
    let a = plan.account_id;
    // Independent reads: run them side by side on the pool (a fixed number, however large the plan).
    let (account, team, nodes, users, contacts, (doc, template_version), sections, items, links, settings, whitespace, kpi) = tokio::try_join!(
        async { store.account(org, a).await.map_err(AppError::from) },
        async { store.team(org, a).await.map_err(AppError::from) },
        async { store.nodes(org, id).await.map_err(AppError::from) },
        async { store.list_users(org).await.map_err(AppError::from) },
        async { store.contacts(org, a).await.map_err(AppError::from) },
        crate::plan_content::plan_template(store, org, &plan),
        async { store.plan_sections(org, id).await.map_err(AppError::from) },
        async { store.items(org, id).await.map_err(AppError::from) },
        async { store.goal_links(org, id).await.map_err(AppError::from) },
        async { store.org_settings(org).await.map_err(AppError::from) },
        async { store.whitespace(org, a).await.map_err(AppError::from) },
        async { tokio::try_join!(store.kpis(org, id), store.kpi_actuals(org, id), store.review_marks(org, id)).map_err(AppError::from) },
    )?;
    let (kpis, kpi_actuals, review_marks) = kpi;
    let doc = crate::template_i18n::localised(doc, crate::i18n::Tr::new(crate::i18n::current()));
    let access = AccountAccess { owner_id: account.owner_id, team: team.iter().map(|t| t.user_id).collect() };
    let (tree, summary) = tree::build_tree(nodes, today());
    let can_edit = viewer.is_some_and(|a| permissions::can_edit_plans(a, &access));
    let whitespace = Some(whitespace);
    Ok(PlanBundle {
        plan,
        account,
        access,
        tree,
        summary,
        users,
        contacts,
        team,
        can_edit,
        doc,
        template_version,
        sections,
        items,
        links,
        settings,
        whitespace,
        kpis,
        kpi_actuals,
        review_marks,
        audience: keyplan_domain::audience::Audience::Team,
    })
}

pub async fn access(store: &Store, auth: &Auth, account: AccountId) -> Result<AccountAccess> {
    Ok(store.account_access(auth.org(), account).await?)
}

pub fn require(allowed: bool) -> Result<()> {
    if allowed { Ok(()) } else { Err(AppError::forbidden()) }
}

pub(crate) async fn require_plan_editor(store: &Store, auth: &Auth, account: AccountId) -> Result<()> {
    let access = access(store, auth, account).await?;
    require(permissions::can_edit_plans(auth.actor(), &access))
}

// --- accounts --------------------------------------------------------------------------

pub async fn create_account(store: &Store, auth: &Auth, input: &AccountInput) -> Result<Account> {
    require(permissions::can_create_account(auth.actor()))?;
    let mut data = input.validate()?;
    if data.owner_id.is_none() && auth.role() == keyplan_domain::Role::Kam {
        data.owner_id = Some(auth.id());
    }
    Ok(store.create_account(auth.org(), &data, auth.id()).await?)
}

pub async fn update_account(store: &Store, auth: &Auth, id: AccountId, version: i64, input: &AccountInput) -> Result<Account> {
    let access = access(store, auth, id).await?;
    require(permissions::can_edit_account(auth.actor(), &access))?;
    let data = input.validate()?;
    Ok(store.update_account(auth.org(), id, version, &data, auth.id()).await?)
}

pub async fn delete_account(store: &Store, auth: &Auth, id: AccountId) -> Result<()> {
    let access = access(store, auth, id).await?;
    require(permissions::can_edit_account(auth.actor(), &access))?;
    Ok(store.delete_account(auth.org(), id).await?)
}

pub fn account_to_input(a: &Account) -> AccountInput {
    AccountInput {
        name: a.name.clone(),
        industry: a.industry.clone().unwrap_or_default(),
        region: a.region.clone().unwrap_or_default(),
        parent_id: a.parent_id.map(|i| i.to_string()).unwrap_or_default(),
        crm_id: a.crm_id.clone().unwrap_or_default(),
        current_revenue: a.current_revenue.map(num).unwrap_or_default(),
        total_spend: a.total_spend.map(num).unwrap_or_default(),
        potential: a.potential.map(num).unwrap_or_default(),
        growth_trend: a.growth_trend_text.clone().unwrap_or_default(),
        owner_id: a.owner_id.map(|i| i.to_string()).unwrap_or_default(),
    }
}

/// A number as a user would type it back (no exponent, no trailing ".0").
pub fn num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

// --- contacts --------------------------------------------------------------------------

pub async fn create_contact(store: &Store, auth: &Auth, account: AccountId, input: &ContactInput) -> Result<Contact> {
    require_plan_editor(store, auth, account).await?;
    let data = input.validate()?;
    Ok(store.create_contact(auth.org(), account, &data, auth.id()).await?)
}

pub async fn update_contact(store: &Store, auth: &Auth, id: ContactId, version: i64, input: &ContactInput) -> Result<Contact> {
    let current = store.contact(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    let data = input.validate()?;
    Ok(store.update_contact(auth.org(), id, version, &data, auth.id()).await?)
}

pub async fn delete_contact(store: &Store, auth: &Auth, id: ContactId) -> Result<Contact> {
    let current = store.contact(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    store.delete_contact(auth.org(), id).await?;
    Ok(current)
}

pub fn contact_to_input(c: &Contact) -> ContactInput {
    ContactInput {
        name: c.name.clone(),
        title: c.title.clone().unwrap_or_default(),
        business_unit: c.business_unit.clone().unwrap_or_default(),
        reports_to_id: c.reports_to_id.map(|i| i.to_string()).unwrap_or_default(),
        buying_role: c.buying_role_text.clone().unwrap_or_default(),
        influence: c.influence.map(|i| i.to_string()).unwrap_or_default(),
        attitude: c.attitude_text.clone().unwrap_or_default(),
        relationship_owner_id: c.relationship_owner_id.map(|i| i.to_string()).unwrap_or_default(),
        objective: c.objective.clone().unwrap_or_default(),
        last_contact_date: c.last_contact_date.map(format_date).unwrap_or_default(),
        email: c.email.clone().unwrap_or_default(),
        phone: c.phone.clone().unwrap_or_default(),
    }
}

// --- plans -----------------------------------------------------------------------------

pub async fn create_plan(store: &Store, auth: &Auth, account: AccountId, input: &PlanInput, template: &str) -> Result<Plan> {
    require_plan_editor(store, auth, account).await?;
    let data = input.validate(today())?;
    if data.status.needs_manager() && !permissions::can_approve_plans(auth.actor()) {
        return Err(AppError::field("status", "only a manager can approve a plan"));
    }
    let plan = store.create_plan(auth.org(), account, &data, template, auth.id()).await?;
    crate::collab::record_activity(store, auth, plan.id, "created", "plan", Some(plan.id.get()), "created the plan").await;
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
        return Err(AppError::field("status", "only a manager can approve a plan or withdraw an approval"));
    }
    let plan = store.update_plan(auth.org(), id, version, &data, auth.id()).await?;
    crate::collab::record_activity(store, auth, id, "updated", "plan", Some(id.get()), "edited the plan's title, status or period").await;
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
        status: p.status_text.clone(),
        period_start: format_date(p.period_start),
        period_end: format_date(p.period_end),
    }
}

// --- tree nodes ------------------------------------------------------------------------

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
        w.status = Some(c.status);
        w.acceptance = Some(acceptance);
    }
    let node = store.create_node(auth.org(), plan, kind, parent, &w, auth.id()).await?;
    crate::collab::node_activity(store, auth, "created", &node).await;
    crate::collab::commitment_written(store, auth, None, &node).await;
    Ok(node)
}

/// Edits a node. Plan editors may change everything; a commitment's owner who is
/// not an editor may report its status and notes.
pub async fn update_node(store: &Store, auth: &Auth, id: NodeId, version: i64, input: &NodeInput) -> Result<Node> {
    let node = store.node(auth.org(), id).await?;
    let plan = store.plan(auth.org(), node.plan_id).await?;
    let access = access(store, auth, plan.account_id).await?;
    let editor = permissions::can_edit_plans(auth.actor(), &access);
    let is_owner = node.kind == NodeKind::Commitment && node.owner_id == Some(auth.id()) && auth.role() != keyplan_domain::Role::Viewer;
    require(editor || is_owner)?;
    let content = input.validate(node.kind)?;
    let mut w = NodeWrite::from_node(&node);
    if !editor {
        // The owner reports progress; what was promised stays as agreed.
        let c = content.commitment.as_ref().ok_or_else(|| AppError::field("status", "missing"))?;
        let unchanged = content.title == node.title && c.owner_id == node.owner_id.unwrap_or(c.owner_id) && c.due_date == node.due_date;
        if !unchanged {
            return Err(AppError::Forbidden(
                "As the owner you can report status and notes; ask the plan's editors to change what was promised.".into(),
            ));
        }
        acceptance::check_status_change(node.acceptance.unwrap_or(Acceptance::Proposed), c.status)?;
        w.status = Some(c.status);
        w.notes = content.notes;
        let updated = store.update_node(auth.org(), id, version, &w, auth.id()).await?;
        crate::collab::node_activity(store, auth, "updated", &updated).await;
        return Ok(updated);
    }
    w.title = content.title.clone();
    w.notes = content.notes;
    if node.kind == NodeKind::Goal {
        set_goal_fields(&mut w, content.goal);
    }
    if let Some(c) = content.commitment {
        let owner = node.owner_id.unwrap_or(c.owner_id);
        let state = acceptance_state(&node, owner);
        let material = content.title != node.title || c.due_date != node.due_date || c.done_criterion != node.done_criterion;
        let next = acceptance::after_edit(&state, auth.id(), c.owner_id, material);
        if next != state.acceptance {
            // Asked again: whoever asked is now the author, and old answers are void.
            w.author_id = Some(auth.id());
            w.decline_reason = None;
            w.proposed_due_date = None;
        }
        // Progress counts only on an accepted commitment; asking again resets it.
        if Some(c.status) != node.status {
            acceptance::check_status_change(next, c.status)?;
        }
        let status = if next == Acceptance::Accepted { c.status } else { CommitmentStatus::Open };
        w.owner_id = Some(c.owner_id);
        w.contact_id = c.contact_id;
        w.start_date = c.start_date;
        w.due_date = c.due_date;
        w.done_criterion = c.done_criterion;
        w.status = Some(status);
        w.acceptance = Some(next);
    }
    let updated = store.update_node(auth.org(), id, version, &w, auth.id()).await?;
    crate::collab::node_activity(store, auth, "updated", &updated).await;
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
    if node.kind != NodeKind::Commitment {
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
            || (permissions::can_edit_plans(auth.actor(), &access) && node.author_id.is_none()),
    };
    let owner = node.owner_id.ok_or_else(|| AppError::State("this commitment has no owner yet".into()))?;
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
        author_id: node.author_id,
        acceptance: node.acceptance.unwrap_or(Acceptance::Proposed),
        due_date: node.due_date,
        proposed_due_date: node.proposed_due_date,
        decline_reason: node.decline_reason.clone(),
    }
}

pub fn node_to_input(n: &Node) -> NodeInput {
    NodeInput {
        title: n.title.clone(),
        notes: n.notes.clone().unwrap_or_default(),
        metric: n.metric.clone().unwrap_or_default(),
        baseline: n.baseline.map(num).unwrap_or_default(),
        target: n.target.map(num).unwrap_or_default(),
        unit: n.unit.clone().unwrap_or_default(),
        target_date: n.target_date.map(format_date).unwrap_or_default(),
        benefit: n.benefit.map(|b| b.as_str().to_string()).unwrap_or_default(),
        owner_id: n.owner_id.map(|i| i.to_string()).unwrap_or_default(),
        contact_id: n.contact_id.map(|i| i.to_string()).unwrap_or_default(),
        start_date: n.start_date.map(format_date).unwrap_or_default(),
        due_date: n.due_date.map(format_date).unwrap_or_default(),
        done_criterion: n.done_criterion.clone().unwrap_or_default(),
        status: n.status.map(|s| s.as_str().to_string()).unwrap_or_default(),
    }
}
