//! Records as they come out of the database. Enumerations are decoded into
//! their types as the row is read (see `keyplan_domain::stored`): a text that
//! names no value fails the read instead of becoming a default.

use keyplan_domain::account::{self, GrowthTrend};
use keyplan_domain::analysis::Benefit;
use keyplan_domain::contact::{Attitude, BuyingRole};
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::tree::{Acceptance, CommitmentDetail, CommitmentStatus, GoalFields, Node, NodeDetail, NodeKind};
use keyplan_domain::*;
use serde::Serialize;
use time::{Date, OffsetDateTime};

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    pub currency: String,
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct User {
    pub id: UserId,
    pub org_id: OrgId,
    pub email: String,
    pub name: String,
    pub role: Role,
    #[serde(deserialize_with = "crate::json_rows::flag")]
    pub active: bool,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    /// The sales team (free text, e.g. "DACH"); KAMs of one team see each other in the cockpit.
    #[sqlx(default)]
    pub team: Option<String>,
}

impl User {
    pub fn role(&self) -> Role {
        self.role
    }
    pub fn initials(&self) -> String {
        self.name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect::<String>().to_uppercase()
    }
}

/// The signed-in user behind a session or API token.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionUser {
    #[sqlx(flatten)]
    pub user: User,
    pub org_name: String,
    /// Present for browser sessions; API tokens need none.
    pub csrf_token: Option<String>,
    /// Unread notifications (browser sessions; the top bar's badge).
    #[sqlx(default)]
    pub unread_notifications: i64,
    /// The language the user chose; `None` follows the browser.
    #[sqlx(default)]
    pub language: Option<Lang>,
    /// The organisation's change mark, read with the session (issue 18: a
    /// conditional GET costs the one statement that finds the reader).
    #[sqlx(default)]
    pub mark_latest: Option<i64>,
    #[sqlx(default)]
    pub mark_kept: Option<i64>,
}

impl SessionUser {
    /// `user` acting without a browser session (the command line, the demo's
    /// seeding, benchmarks): no form token, no badge, no chosen language and
    /// no change mark read.
    pub fn acting(user: User, org_name: impl Into<String>) -> SessionUser {
        SessionUser {
            user,
            org_name: org_name.into(),
            csrf_token: None,
            unread_notifications: 0,
            language: None,
            mark_latest: None,
            mark_kept: None,
        }
    }
    /// The organisation's change mark when the session was read, if it was read with it.
    pub fn change_mark(&self) -> Option<crate::ChangeMark> {
        Some(crate::ChangeMark { latest: self.mark_latest?, kept: self.mark_kept? })
    }
    /// The language the user chose, if any.
    pub fn language(&self) -> Option<Lang> {
        self.language
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Account {
    pub id: AccountId,
    pub org_id: OrgId,
    pub name: String,
    pub industry: Option<String>,
    pub region: Option<String>,
    pub parent_id: Option<AccountId>,
    pub crm_id: Option<String>,
    /// The customer's own yearly turnover.
    pub annual_revenue: Option<f64>,
    pub current_revenue: Option<f64>,
    pub total_spend: Option<f64>,
    pub potential: Option<f64>,
    pub growth_trend: Option<GrowthTrend>,
    pub owner_id: Option<UserId>,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

impl Account {
    pub fn growth_trend(&self) -> Option<GrowthTrend> {
        self.growth_trend
    }
    pub fn share_of_wallet(&self) -> Option<f64> {
        account::share_of_wallet(self.current_revenue, self.total_spend)
    }
    pub fn growth_potential(&self) -> Option<f64> {
        account::growth_potential(self.current_revenue, self.potential)
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub org_id: OrgId,
    pub account_id: AccountId,
    pub name: String,
    pub title: Option<String>,
    pub business_unit: Option<String>,
    pub reports_to_id: Option<ContactId>,
    pub buying_role: Option<BuyingRole>,
    pub influence: Option<i16>,
    pub attitude: Option<Attitude>,
    pub relationship_owner_id: Option<UserId>,
    pub objective: Option<String>,
    pub last_contact_date: Option<Date>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
    pub crm_id: Option<String>,
}

impl Contact {
    /// What we want to achieve with this contact, when one is written.
    pub fn stated_objective(&self) -> Option<&str> {
        self.objective.as_deref().map(str::trim).filter(|o| !o.is_empty())
    }

    pub fn buying_role(&self) -> Option<BuyingRole> {
        self.buying_role
    }
    pub fn attitude(&self) -> Option<Attitude> {
        self.attitude
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Plan {
    pub id: PlanId,
    pub org_id: OrgId,
    pub account_id: AccountId,
    pub title: String,
    pub template: String,
    pub template_version_id: Option<TemplateVersionId>,
    pub status: PlanStatus,
    pub period_start: Date,
    pub period_end: Date,
    pub version: i64,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
    /// The title customer outputs show, when one was written (lists leave it out).
    #[sqlx(default)]
    pub customer_title: Option<String>,
}

impl Plan {
    pub fn status(&self) -> PlanStatus {
        self.status
    }
}

/// A plan in a list, with its account's name and its commitment counts.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct PlanSummary {
    #[sqlx(flatten)]
    pub plan: Plan,
    pub account_name: String,
    pub commitments: i64,
    pub commitments_accepted: i64,
    pub commitments_done: i64,
    /// The coach's kept mark (see `plan_coach_marks`); none until the plan was marked.
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    pub coach_blockers: Option<i32>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub(crate) struct NodeRow {
    pub id: NodeId,
    pub plan_id: PlanId,
    pub parent_id: Option<NodeId>,
    pub kind: NodeKind,
    pub position: i32,
    pub title: String,
    pub notes: Option<String>,
    pub metric: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub target_date: Option<Date>,
    pub benefit: Option<Benefit>,
    pub owner_id: Option<UserId>,
    pub contact_id: Option<ContactId>,
    pub author_id: Option<UserId>,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub done_criterion: Option<String>,
    pub how: Option<String>,
    pub status: Option<CommitmentStatus>,
    pub acceptance: Option<Acceptance>,
    pub decline_reason: Option<String>,
    pub proposed_due_date: Option<Date>,
    pub version: i64,
}

/// A row becomes a node of its kind: the goal columns are read on a goal, the
/// commitment columns on a commitment, and the columns of other kinds are not
/// part of the node (the store writes them empty, see `NodeWrite::for_kind`).
impl From<NodeRow> for Node {
    fn from(r: NodeRow) -> Node {
        let detail = match r.kind {
            NodeKind::Goal => NodeDetail::Goal(GoalFields {
                metric: r.metric,
                baseline: r.baseline,
                target: r.target,
                unit: r.unit,
                target_date: r.target_date,
                benefit: r.benefit,
            }),
            NodeKind::Csf => NodeDetail::Csf,
            NodeKind::Condition => NodeDetail::Condition,
            NodeKind::Obstacle => NodeDetail::Obstacle,
            NodeKind::Commitment => NodeDetail::Commitment(CommitmentDetail {
                owner_id: r.owner_id,
                contact_id: r.contact_id,
                author_id: r.author_id,
                start_date: r.start_date,
                due_date: r.due_date,
                done_criterion: r.done_criterion,
                how: r.how,
                status: r.status,
                acceptance: r.acceptance,
                decline_reason: r.decline_reason,
                proposed_due_date: r.proposed_due_date,
            }),
        };
        Node {
            id: r.id,
            plan_id: r.plan_id,
            parent_id: r.parent_id,
            position: r.position,
            title: r.title,
            notes: r.notes,
            version: r.version,
            detail,
        }
    }
}
