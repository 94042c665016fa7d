//! Everything a plan's page, API and files need besides its tree, read in one
//! statement (issue 18): the plan with its latest limit exception as columns,
//! and its account, team, contacts, section texts, items, goal links, KPIs
//! and actuals, reviews, opportunities, review schedule, whitespace matrix,
//! template version, the organisation's settings and its users as JSON
//! columns (see [`crate::json_rows`]). Each part is read with the same
//! columns, filter and order as its one-table read, so both answer the same
//! rows (the store suite `plan_read_suite.rs` compares them on both databases).

use std::sync::OnceLock;

use crate::accounts::{ACCOUNT_COLUMNS, TEAM_COLUMNS};
use crate::contacts::CONTACT_COLUMNS;
use crate::content::{ITEM_COLUMNS, LINK_COLUMNS, SECTION_COLUMNS};
use crate::error::OptionalExt;
use crate::json_rows::{list, one, read};
use crate::kpis::{ACTUAL_COLUMNS, KPI_COLUMNS};
use crate::limits::ExceptionColumns;
use crate::reviews::{COLUMNS as REVIEW_COLUMNS, SCHEDULE_COLUMNS};
use crate::templates::VERSION_COLUMNS;
use crate::users::{SETTINGS_COLUMNS, USER_COLUMNS};
use crate::whitespace::{CELL_COLUMNS, OFFERING_COLUMNS, UNIT_COLUMNS};
use crate::{
    Account, Backend, Contact, GoalLink, Item, Kpi, KpiActual, OrgSettings, Plan, PlanLimitNote, PlanSection, Review, ReviewSchedule,
    Store, StoreResult, TeamMember, TemplateVersion, User, Whitespace, on_pool,
};
use keyplan_domain::{OrgId, PlanId};

/// A plan and the parts read with it.
#[derive(Clone, Debug)]
pub struct PlanReads {
    pub plan: Plan,
    pub limit_exception: Option<PlanLimitNote>,
    pub account: Account,
    pub team: Vec<TeamMember>,
    pub contacts: Vec<Contact>,
    pub sections: Vec<PlanSection>,
    pub items: Vec<Item>,
    pub links: Vec<GoalLink>,
    pub kpis: Vec<Kpi>,
    pub kpi_actuals: Vec<KpiActual>,
    pub reviews: Vec<Review>,
    pub opportunities: Vec<crate::Opportunity>,
    pub schedule: ReviewSchedule,
    pub whitespace: Whitespace,
    /// The version the plan was made with; none for a plan from before versions.
    pub template_version: Option<TemplateVersion>,
    pub settings: OrgSettings,
    pub users: Vec<User>,
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    plan: Plan,
    #[sqlx(flatten)]
    exception: ExceptionColumns,
    j_account: Option<String>,
    j_team: String,
    j_contacts: String,
    j_sections: String,
    j_items: String,
    j_links: String,
    j_kpis: String,
    j_actuals: String,
    j_reviews: String,
    j_opportunities: String,
    j_schedule: Option<String>,
    j_offerings: String,
    j_units: String,
    j_cells: String,
    j_version: Option<String>,
    j_settings: Option<String>,
    j_users: String,
}

/// The statement for `backend`, built once: `$1` the organisation, `$2` the plan.
fn sql(backend: Backend) -> &'static str {
    static SQLITE: OnceLock<String> = OnceLock::new();
    static POSTGRES: OnceLock<String> = OnceLock::new();
    let cell = match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    };
    cell.get_or_init(|| build(backend))
}

fn build(b: Backend) -> String {
    let parts = [
        ("j_account", one(b, ACCOUNT_COLUMNS, "FROM accounts WHERE org_id = $1 AND id = p.account_id")),
        (
            "j_team",
            list(
                b,
                TEAM_COLUMNS,
                "FROM account_team t JOIN users u ON u.id = t.user_id WHERE t.org_id = $1 AND t.account_id = p.account_id",
                "u.name",
            ),
        ),
        ("j_contacts", list(b, CONTACT_COLUMNS, "FROM contacts WHERE org_id = $1 AND account_id = p.account_id", "LOWER(name), id")),
        ("j_sections", list(b, SECTION_COLUMNS, "FROM plan_sections WHERE org_id = $1 AND plan_id = $2", "id")),
        ("j_items", list(b, ITEM_COLUMNS, "FROM plan_items WHERE org_id = $1 AND plan_id = $2", "section_key, position, id")),
        ("j_links", list(b, LINK_COLUMNS, "FROM goal_links WHERE org_id = $1 AND plan_id = $2", "id")),
        ("j_kpis", list(b, KPI_COLUMNS, "FROM kpis WHERE org_id = $1 AND plan_id = $2", "position, id")),
        (
            "j_actuals",
            list(
                b,
                ACTUAL_COLUMNS,
                "FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id WHERE a.org_id = $1 AND k.plan_id = $2",
                "a.kpi_id, a.period_start",
            ),
        ),
        ("j_reviews", list(b, REVIEW_COLUMNS, "FROM reviews WHERE org_id = $1 AND plan_id = $2", "review_date DESC, id DESC")),
        (
            "j_opportunities",
            list(
                b,
                crate::opportunities::COLUMNS,
                "FROM opportunities o JOIN nodes n ON n.id = o.goal_id AND n.org_id = o.org_id WHERE o.org_id = $1 AND n.plan_id = $2 AND n.kind = 'goal'",
                crate::opportunities::ORDER_KEYS,
            ),
        ),
        ("j_schedule", one(b, SCHEDULE_COLUMNS, "FROM organisations o WHERE o.id = p.org_id")),
        (
            "j_offerings",
            list(
                b,
                &OFFERING_COLUMNS.split(", ").map(|c| format!("o.{c}")).collect::<Vec<_>>().join(", "),
                "FROM offerings o WHERE o.org_id = $1 AND (o.retired = FALSE OR EXISTS \
                 (SELECT 1 FROM whitespace_cells c WHERE c.offering_id = o.id AND c.account_id = p.account_id))",
                "o.position, o.id",
            ),
        ),
        ("j_units", list(b, UNIT_COLUMNS, "FROM business_units WHERE org_id = $1 AND account_id = p.account_id", "position, id")),
        ("j_cells", list(b, CELL_COLUMNS, "FROM whitespace_cells WHERE org_id = $1 AND account_id = p.account_id", "id")),
        (
            "j_version",
            one(
                b,
                VERSION_COLUMNS,
                "FROM template_versions v JOIN templates t ON t.id = v.template_id LEFT JOIN users u ON u.id = v.created_by \
                 WHERE v.org_id = $1 AND v.id = p.template_version_id",
            ),
        ),
        ("j_settings", one(b, SETTINGS_COLUMNS, "FROM organisations WHERE id = $1")),
        ("j_users", list(b, USER_COLUMNS, "FROM users u WHERE u.org_id = $1", "u.name, u.id")),
    ];
    let json: Vec<String> = parts.into_iter().map(|(name, expr)| format!("{expr} AS {name}")).collect();
    format!(
        "SELECT p.id, p.org_id, p.account_id, p.title, p.template, p.template_version_id, p.status, p.period_start, \
         p.period_end, p.version, p.created_by, p.created_at, p.updated_at, p.updated_by, p.customer_title, \
         {}, {} FROM plans p {} WHERE p.org_id = $1 AND p.id = $2",
        ExceptionColumns::SELECT,
        json.join(", "),
        ExceptionColumns::JOIN
    )
}

impl Store {
    /// The plan `id` of `org` and everything read with it, in one statement.
    pub async fn plan_reads(&self, org: OrgId, id: PlanId) -> StoreResult<PlanReads> {
        let sql = sql(self.backend());
        let row: Option<Row> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?;
        let r = row.found()?;
        Ok(PlanReads {
            plan: r.plan,
            limit_exception: r.exception.note(),
            account: required(r.j_account, "account")?,
            team: read(&r.j_team, "team")?,
            contacts: read(&r.j_contacts, "contacts")?,
            sections: read(&r.j_sections, "section texts")?,
            items: read(&r.j_items, "items")?,
            links: read(&r.j_links, "goal links")?,
            kpis: read(&r.j_kpis, "KPIs")?,
            kpi_actuals: read(&r.j_actuals, "KPI actuals")?,
            reviews: read(&r.j_reviews, "reviews")?,
            opportunities: read(&r.j_opportunities, "opportunities")?,
            schedule: required(r.j_schedule, "review schedule")?,
            whitespace: Whitespace {
                offerings: read(&r.j_offerings, "offerings")?,
                units: read(&r.j_units, "business units")?,
                cells: read(&r.j_cells, "whitespace cells")?,
            },
            template_version: r.j_version.as_deref().map(|j| read(j, "template version")).transpose()?,
            settings: required(r.j_settings, "organisation settings")?,
            users: read(&r.j_users, "users")?,
        })
    }
}

/// A part that always exists beside a plan (the account, the organisation):
/// its absence is a broken database, not a missing plan.
fn required<T: serde::de::DeserializeOwned>(json: Option<String>, what: &str) -> StoreResult<T> {
    let json = json.ok_or_else(|| crate::StoreError::Config(format!("the plan's {what} is missing")))?;
    read(&json, what)
}
