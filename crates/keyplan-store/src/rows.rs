//! Records as they come out of the database. Enumerations are kept as the text
//! the database checked and parsed by the accessors.

use keyplan_domain::account::{self, GrowthTrend};
use keyplan_domain::contact::{Attitude, BuyingRole};
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Node, NodeKind};
use keyplan_domain::*;
use serde::Serialize;
use time::{Date, OffsetDateTime};

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    pub currency: String,
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct User {
    pub id: UserId,
    pub org_id: OrgId,
    pub email: String,
    pub name: String,
    #[sqlx(rename = "role")]
    pub role_text: String,
    pub active: bool,
    pub version: i64,
    pub created_at: OffsetDateTime,
}

impl User {
    pub fn role(&self) -> Role {
        Role::parse(&self.role_text).unwrap_or(Role::Viewer)
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
    /// The language the user chose (`en`, `de`); `None` follows the browser.
    #[sqlx(default)]
    pub language: Option<String>,
}

impl SessionUser {
    /// The language the user chose, if any.
    pub fn language(&self) -> Option<Lang> {
        self.language.as_deref().and_then(Lang::parse)
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub org_id: OrgId,
    pub name: String,
    pub industry: Option<String>,
    pub region: Option<String>,
    pub parent_id: Option<AccountId>,
    pub crm_id: Option<String>,
    pub current_revenue: Option<f64>,
    pub total_spend: Option<f64>,
    pub potential: Option<f64>,
    #[sqlx(rename = "growth_trend")]
    pub growth_trend_text: Option<String>,
    pub owner_id: Option<UserId>,
    pub version: i64,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

impl Account {
    pub fn growth_trend(&self) -> Option<GrowthTrend> {
        self.growth_trend_text.as_deref().and_then(GrowthTrend::parse)
    }
    pub fn share_of_wallet(&self) -> Option<f64> {
        account::share_of_wallet(self.current_revenue, self.total_spend)
    }
    pub fn growth_potential(&self) -> Option<f64> {
        account::growth_potential(self.current_revenue, self.potential)
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Contact {
    pub id: ContactId,
    pub org_id: OrgId,
    pub account_id: AccountId,
    pub name: String,
    pub title: Option<String>,
    pub business_unit: Option<String>,
    pub reports_to_id: Option<ContactId>,
    #[sqlx(rename = "buying_role")]
    pub buying_role_text: Option<String>,
    pub influence: Option<i16>,
    #[sqlx(rename = "attitude")]
    pub attitude_text: Option<String>,
    pub relationship_owner_id: Option<UserId>,
    pub objective: Option<String>,
    pub last_contact_date: Option<Date>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub version: i64,
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

impl Contact {
    pub fn buying_role(&self) -> Option<BuyingRole> {
        self.buying_role_text.as_deref().and_then(BuyingRole::parse)
    }
    pub fn attitude(&self) -> Option<Attitude> {
        self.attitude_text.as_deref().and_then(Attitude::parse)
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
    #[sqlx(rename = "status")]
    pub status_text: String,
    pub period_start: Date,
    pub period_end: Date,
    pub version: i64,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

impl Plan {
    pub fn status(&self) -> PlanStatus {
        PlanStatus::parse(&self.status_text).unwrap_or(PlanStatus::Draft)
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
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub(crate) struct NodeRow {
    pub id: NodeId,
    pub plan_id: PlanId,
    pub parent_id: Option<NodeId>,
    pub kind: String,
    pub position: i32,
    pub title: String,
    pub notes: Option<String>,
    pub metric: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub target_date: Option<Date>,
    pub benefit: Option<String>,
    pub owner_id: Option<UserId>,
    pub contact_id: Option<ContactId>,
    pub author_id: Option<UserId>,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub done_criterion: Option<String>,
    pub status: Option<String>,
    pub acceptance: Option<String>,
    pub decline_reason: Option<String>,
    pub proposed_due_date: Option<Date>,
    pub version: i64,
}

impl From<NodeRow> for Node {
    fn from(r: NodeRow) -> Node {
        Node {
            id: r.id,
            plan_id: r.plan_id,
            parent_id: r.parent_id,
            kind: NodeKind::parse(&r.kind).unwrap_or(NodeKind::Obstacle),
            position: r.position,
            title: r.title,
            notes: r.notes,
            metric: r.metric,
            baseline: r.baseline,
            target: r.target,
            unit: r.unit,
            target_date: r.target_date,
            benefit: r.benefit.as_deref().and_then(keyplan_domain::analysis::Benefit::parse),
            owner_id: r.owner_id,
            contact_id: r.contact_id,
            author_id: r.author_id,
            start_date: r.start_date,
            due_date: r.due_date,
            done_criterion: r.done_criterion,
            status: r.status.as_deref().and_then(CommitmentStatus::parse),
            acceptance: r.acceptance.as_deref().and_then(Acceptance::parse),
            decline_reason: r.decline_reason,
            proposed_due_date: r.proposed_due_date,
            version: r.version,
        }
    }
}
