//! The JSON shapes of the API. Kept apart from the domain and the store so the
//! published format changes only on purpose.

use super::schema::{body, date, integer, nullable, number, text};
use keyplan_domain::tree::{CommitmentDetail, GoalFields, Node, TreeNode, TreeSummary};
use keyplan_store::{Account, Contact, MyCommitment, Plan, PlanSummary, TeamMember, User};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// `invalid`, `not_found`, `unauthorized`, `forbidden`, `conflict`, `invalid_state`, `bad_request`, `too_many_requests`, `internal`.
    pub code: String,
    pub message: String,
    /// The input field at fault, for `invalid`.
    pub field: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OrgDto {
    pub id: i64,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// `admin`, `manager`, `kam`, `member` or `viewer`.
    pub role: String,
    pub organisation: OrgDto,
    /// The language the user chose for the interface and exports, `en` or `de`;
    /// `null` follows the browser's `Accept-Language`.
    pub language: Option<String>,
}

/// The language of the interface and of exports.
#[derive(Deserialize, ToSchema)]
pub struct LanguageWrite {
    /// `en`, `de`, or `null` (or `auto`) to follow the browser's `Accept-Language`.
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LanguageDto {
    /// `en`, `de`, or `null`: the browser's `Accept-Language` decides.
    pub language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UserDto {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub active: bool,
    /// The sales team (free text); KAMs of one team see each other in the cockpit.
    pub team: Option<String>,
}

impl From<&User> for UserDto {
    fn from(u: &User) -> Self {
        UserDto {
            id: u.id.get(),
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role.as_str().into(),
            active: u.active,
            team: u.team.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AccountDto {
    pub id: i64,
    pub name: String,
    pub industry: Option<String>,
    pub region: Option<String>,
    pub parent_id: Option<i64>,
    pub crm_id: Option<String>,
    /// The customer's own yearly turnover (from the CRM's "Annual Revenue"); not our revenue with them.
    pub annual_revenue: Option<f64>,
    /// Our current yearly revenue with the customer.
    pub current_revenue: Option<f64>,
    /// The customer's total yearly spend in our categories.
    pub total_spend: Option<f64>,
    /// Estimated yearly potential.
    pub potential: Option<f64>,
    /// `growing`, `stable` or `declining`.
    pub growth_trend: Option<String>,
    pub owner_id: Option<i64>,
    /// current_revenue / total_spend, 0..1.
    pub share_of_wallet: Option<f64>,
    /// potential - current_revenue.
    pub growth_potential: Option<f64>,
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&Account> for AccountDto {
    fn from(a: &Account) -> Self {
        AccountDto {
            id: a.id.get(),
            name: a.name.clone(),
            industry: a.industry.clone(),
            region: a.region.clone(),
            parent_id: a.parent_id.map(|i| i.get()),
            crm_id: a.crm_id.clone(),
            annual_revenue: a.annual_revenue,
            current_revenue: a.current_revenue,
            total_spend: a.total_spend,
            potential: a.potential,
            growth_trend: a.growth_trend.map(|t| t.as_str().into()),
            owner_id: a.owner_id.map(|i| i.get()),
            share_of_wallet: a.share_of_wallet(),
            growth_potential: a.growth_potential(),
            version: a.version,
            updated_at: a.updated_at,
        }
    }
}

body! {
    /// Fields accepted by `POST /accounts` and `PATCH /accounts/{id}` (PATCH also needs `version`).
    AccountWrite {
        name: nullable(text()),
        industry: nullable(text()),
        region: nullable(text()),
        parent_id: nullable(integer()),
        crm_id: nullable(text()),
        annual_revenue: nullable(number()),
        current_revenue: nullable(number()),
        total_spend: nullable(number()),
        potential: nullable(number()),
        growth_trend: nullable(text()),
        owner_id: nullable(integer()),
        version: nullable(integer()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct TeamMemberDto {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub function: String,
}

impl From<&TeamMember> for TeamMemberDto {
    fn from(t: &TeamMember) -> Self {
        TeamMemberDto { user_id: t.user_id.get(), name: t.name.clone(), email: t.email.clone(), function: t.function.clone() }
    }
}

body! {
    TeamWrite {
        /// The member's function on the team, e.g. "Service", "Management sponsor".
        function: text(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ContactDto {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub business_unit: Option<String>,
    pub reports_to_id: Option<i64>,
    /// `decision_maker`, `economic_buyer`, `user`, `technical`, `influencer`, `gatekeeper` or `coach`.
    pub buying_role: Option<String>,
    /// 1 (little) to 5 (decisive).
    pub influence: Option<i16>,
    /// `supporter`, `neutral`, `sceptic` or `opponent`.
    pub attitude: Option<String>,
    pub relationship_owner_id: Option<i64>,
    pub objective: Option<String>,
    pub last_contact_date: Option<Date>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The contact's id in the company's CRM.
    pub crm_id: Option<String>,
    pub version: i64,
}

impl From<&Contact> for ContactDto {
    fn from(c: &Contact) -> Self {
        ContactDto {
            id: c.id.get(),
            account_id: c.account_id.get(),
            name: c.name.clone(),
            title: c.title.clone(),
            business_unit: c.business_unit.clone(),
            reports_to_id: c.reports_to_id.map(|i| i.get()),
            buying_role: c.buying_role.map(|r| r.as_str().into()),
            influence: c.influence,
            attitude: c.attitude.map(|a| a.as_str().into()),
            relationship_owner_id: c.relationship_owner_id.map(|i| i.get()),
            objective: c.objective.clone(),
            last_contact_date: c.last_contact_date,
            email: c.email.clone(),
            phone: c.phone.clone(),
            crm_id: c.crm_id.clone(),
            version: c.version,
        }
    }
}

body! {
    ContactWrite {
        name: nullable(text()),
        title: nullable(text()),
        business_unit: nullable(text()),
        reports_to_id: nullable(integer()),
        buying_role: nullable(text()),
        influence: nullable(integer()),
        attitude: nullable(text()),
        relationship_owner_id: nullable(integer()),
        objective: nullable(text()),
        last_contact_date: nullable(date()),
        email: nullable(text()),
        phone: nullable(text()),
        crm_id: nullable(text()),
        version: nullable(integer()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct PlanListItem {
    pub id: i64,
    pub account_id: i64,
    pub account_name: String,
    pub title: String,
    pub template: String,
    pub status: String,
    pub period_start: Date,
    pub period_end: Date,
    pub commitments: i64,
    pub commitments_accepted: i64,
    pub commitments_done: i64,
    pub version: i64,
}

impl From<&PlanSummary> for PlanListItem {
    fn from(s: &PlanSummary) -> Self {
        let p = &s.plan;
        PlanListItem {
            id: p.id.get(),
            account_id: p.account_id.get(),
            account_name: s.account_name.clone(),
            title: p.title.clone(),
            template: p.template.clone(),
            status: p.status.as_str().into(),
            period_start: p.period_start,
            period_end: p.period_end,
            commitments: s.commitments,
            commitments_accepted: s.commitments_accepted,
            commitments_done: s.commitments_done,
            version: p.version,
        }
    }
}

/// A whole plan with its constraint tree.
#[derive(Serialize, ToSchema)]
pub struct PlanDto {
    pub id: i64,
    pub account_id: i64,
    pub title: String,
    /// The title customer outputs show, when one was written.
    pub customer_title: Option<String>,
    pub template: String,
    /// `draft`, `active`, `in_review`, `approved` or `archived`.
    pub status: String,
    pub period_start: Date,
    pub period_end: Date,
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// How much of the tree is resolved.
    #[schema(value_type = Object)]
    pub summary: TreeSummary,
    /// The goals, each with its factors, conditions, obstacles and commitments nested as `children`.
    pub tree: Vec<NodeDto>,
}

impl PlanDto {
    pub fn new(p: &Plan, tree: &[TreeNode], summary: &TreeSummary) -> Self {
        PlanDto {
            id: p.id.get(),
            account_id: p.account_id.get(),
            title: p.title.clone(),
            customer_title: p.customer_title.clone(),
            template: p.template.clone(),
            status: p.status.as_str().into(),
            period_start: p.period_start,
            period_end: p.period_end,
            version: p.version,
            updated_at: p.updated_at,
            summary: summary.clone(),
            tree: tree.iter().map(NodeDto::from_tree).collect(),
        }
    }
}

body! {
    PlanWrite {
        title: nullable(text()),
        /// The title customer outputs show (share links, the customer excerpt and its exports); empty: the account's name and the period.
        customer_title: nullable(text()),
        status: nullable(text()),
        period_start: nullable(date()),
        period_end: nullable(date()),
        /// Only `one_page_constraint` for now.
        template: nullable(text()),
        version: nullable(integer()),
        /// A manager's reason for activating the plan although it breaks a limit on active plans
        /// (`active_plans_per_kam`, `master_plans_per_company`); recorded in the plan's history.
        limit_exception: nullable(text()),
    }
}

/// One node of the constraint tree.
#[derive(Serialize, ToSchema)]
pub struct NodeDto {
    pub id: i64,
    /// `goal`, `csf`, `condition`, `obstacle` or `commitment`.
    pub kind: String,
    pub version: i64,
    pub parent_id: Option<i64>,
    pub position: i32,
    pub title: String,
    pub notes: Option<String>,
    /// Rolled up from the commitments: `resolved`, `on_track`, `at_risk`, `off_track` or `open`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub goal: Option<GoalFieldsDto>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<CommitmentFieldsDto>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub children: Option<Vec<NodeDto>>,
}

#[derive(Serialize, ToSchema)]
pub struct GoalFieldsDto {
    pub metric: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub target_date: Option<Date>,
    /// Whom the goal serves: `customer`, `us` or `both`.
    pub benefit: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CommitmentFieldsDto {
    pub owner_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub author_id: Option<i64>,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub done_criterion: Option<String>,
    /// How the owner will deliver it.
    pub how: Option<String>,
    /// `open`, `in_progress`, `done` or `missed`.
    pub status: Option<String>,
    /// `proposed`, `accepted`, `declined` or `date_proposed`.
    pub acceptance: Option<String>,
    pub decline_reason: Option<String>,
    pub proposed_due_date: Option<Date>,
}

impl From<&GoalFields> for GoalFieldsDto {
    fn from(g: &GoalFields) -> Self {
        GoalFieldsDto {
            metric: g.metric.clone(),
            baseline: g.baseline,
            target: g.target,
            unit: g.unit.clone(),
            target_date: g.target_date,
            benefit: g.benefit.map(|b| b.as_str().into()),
        }
    }
}

impl From<&CommitmentDetail> for CommitmentFieldsDto {
    fn from(c: &CommitmentDetail) -> Self {
        CommitmentFieldsDto {
            owner_id: c.owner_id.map(|i| i.get()),
            contact_id: c.contact_id.map(|i| i.get()),
            author_id: c.author_id.map(|i| i.get()),
            start_date: c.start_date,
            due_date: c.due_date,
            done_criterion: c.done_criterion.clone(),
            how: c.how.clone(),
            status: c.status.map(|s| s.as_str().into()),
            acceptance: c.acceptance.map(|a| a.as_str().into()),
            decline_reason: c.decline_reason.clone(),
            proposed_due_date: c.proposed_due_date,
        }
    }
}

impl NodeDto {
    pub fn from_node(n: &Node) -> Self {
        NodeDto {
            id: n.id.get(),
            kind: n.kind().as_str().into(),
            version: n.version,
            parent_id: n.parent_id.map(|i| i.get()),
            position: n.position,
            title: n.title.clone(),
            notes: n.notes.clone(),
            health: None,
            goal: n.goal().map(GoalFieldsDto::from),
            commitment: n.commitment().map(CommitmentFieldsDto::from),
            children: None,
        }
    }

    pub fn from_tree(t: &TreeNode) -> Self {
        let mut dto = NodeDto::from_node(&t.node);
        dto.health = Some(t.health.as_str().into());
        dto.children = Some(t.children.iter().map(NodeDto::from_tree).collect());
        dto
    }
}

body! {
    /// Body of `POST /plans/{id}/nodes` and `PATCH /nodes/{id}` (PATCH: no `kind`/`parent_id`, needs `version`).
    NodeWriteDto {
        /// `goal`, `csf`, `condition`, `obstacle` or `commitment`.
        kind: nullable(text()),
        /// The node this one hangs under: csf under goal, condition under csf, obstacle under condition, commitment under obstacle (or goal).
        parent_id: nullable(integer()),
        title: nullable(text()),
        notes: nullable(text()),
        metric: nullable(text()),
        baseline: nullable(number()),
        target: nullable(number()),
        unit: nullable(text()),
        target_date: nullable(date()),
        /// Goals: `customer`, `us` or `both`.
        benefit: nullable(text()),
        owner_id: nullable(integer()),
        contact_id: nullable(integer()),
        start_date: nullable(date()),
        due_date: nullable(date()),
        done_criterion: nullable(text()),
        /// Commitments: how the owner will deliver it, at most 1000 characters. The owner may change it without editing the plan.
        how: nullable(text()),
        status: nullable(text()),
        version: nullable(integer()),
    }
}

body! {
    MoveDto {
        /// `up` or `down`.
        direction: text(),
    }
}

body! {
    DeclineDto {
        reason: text(),
        version: nullable(integer()),
    }
}

body! {
    ProposeDateDto {
        due_date: date(),
        version: nullable(integer()),
    }
}

/// A commitment in the caller's own list.
#[derive(Serialize, ToSchema)]
pub struct MyCommitmentDto {
    #[serde(flatten)]
    pub node: NodeDto,
    pub plan_id: i64,
    pub plan_title: String,
    pub account_id: i64,
    pub account_name: String,
    /// `owner` (the caller must accept, decline or re-date it, or report progress) or `author` (a new date waits for the caller).
    pub role: String,
}

impl MyCommitmentDto {
    pub fn new(c: &MyCommitment, me: keyplan_domain::UserId) -> Self {
        MyCommitmentDto {
            node: NodeDto::from_node(&c.node),
            plan_id: c.node.plan_id.get(),
            plan_title: c.plan_title.clone(),
            account_id: c.account_id.get(),
            account_name: c.account_name.clone(),
            role: if c.node.owner_id() == Some(me) { "owner".into() } else { "author".into() },
        }
    }
}
