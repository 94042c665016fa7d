//! The accounts list, one page at a time (sorted, searched and counted in SQL), and
//! the small searches behind the account, user and contact search fields.

use keyplan_domain::{OrgId, UserId};
use serde::Serialize;

use crate::rows::{Account, Contact, User};
use crate::{Store, StoreResult, on_pool};

/// An account in the list, with what the list shows about it.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct AccountSummary {
    #[sqlx(flatten)]
    pub account: Account,
    pub owner_name: Option<String>,
    pub plan_count: i64,
    pub active_plan_id: Option<i64>,
    /// The coach's kept mark of the active plan, if it was marked.
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    pub coach_blockers: Option<i32>,
    /// With a search: how many accounts it finds on all pages (read in the same walk).
    #[sqlx(default)]
    #[serde(skip)]
    pub matching: Option<i64>,
}

/// What the accounts list is ordered by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AccountSort {
    #[default]
    Name,
    Potential,
    /// Share of wallet: current revenue over total spend.
    Share,
    Revenue,
    /// The state of the account's current plan: draft, in review, approved, active.
    PlanState,
}

impl AccountSort {
    pub const ALL: [AccountSort; 5] =
        [AccountSort::Name, AccountSort::Potential, AccountSort::Share, AccountSort::Revenue, AccountSort::PlanState];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountSort::Name => "name",
            AccountSort::Potential => "potential",
            AccountSort::Share => "share",
            AccountSort::Revenue => "revenue",
            AccountSort::PlanState => "plan_state",
        }
    }

    pub fn parse(raw: &str) -> Option<AccountSort> {
        AccountSort::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The key in SQL; accounts without it (NULL) come last in both directions.
    fn key(self) -> &'static str {
        match self {
            AccountSort::Name => "LOWER(a.name)",
            AccountSort::Potential => "a.potential",
            // The expression of the `accounts_org_share` index (migration 0027), to the letter.
            AccountSort::Share => {
                "CASE WHEN a.total_spend > 0 AND a.current_revenue IS NOT NULL THEN a.current_revenue / a.total_spend END"
            }
            AccountSort::Revenue => "a.current_revenue",
            AccountSort::PlanState => {
                "CASE cp.status WHEN 'draft' THEN 1 WHEN 'in_review' THEN 2 WHEN 'approved' THEN 3 WHEN 'active' THEN 4 END"
            }
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct AccountFilter {
    /// Case-insensitive part of the name, industry, region or CRM id.
    pub search: Option<String>,
    pub owner: Option<UserId>,
    pub sort: AccountSort,
    pub descending: bool,
    /// At most 1000; 0 means 500.
    pub limit: i64,
    pub offset: i64,
}

/// One suggestion of a search field: an account, a user or a contact.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Choice {
    pub id: i64,
    pub label: String,
    /// What tells two of the same name apart: CRM id, e-mail, account.
    pub detail: Option<String>,
    /// The typed text is the whole name (or CRM id, or e-mail), not a part of it.
    pub exact: bool,
}

/// `%text%` for LIKE, lower-case, with the user's wildcards taken literally; empty
/// for no search.
fn like_pattern(search: Option<&str>) -> String {
    match search.map(str::trim) {
        None | Some("") => String::new(),
        Some(s) => {
            let text: String = s.to_lowercase().chars().filter(|c| !c.is_control()).collect();
            format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
        }
    }
}

/// The search and owner conditions. Both databases search `search_text`, the
/// four columns lowered and joined by line breaks (migration 0028): SQLite
/// keeps it in an index that the search walks alone, PostgreSQL with the row,
/// trigram-indexed where the server allows. Four `LIKE`s per account, each
/// reaching the row (SQLite) or lowering it first (PostgreSQL), were most of a
/// search's time at 10,000 accounts. The pattern comes lower-cased, without
/// line breaks, from [`like_pattern`]. A search gets its own statement, without
/// the "no search" test: the database then plans the search with its index,
/// and the list without a search with the index of its order.
fn search_sql(pattern: &str) -> &'static str {
    if pattern.is_empty() {
        "$2 = '' AND ($3 = 0 OR a.owner_id = $3)"
    } else {
        "a.search_text LIKE $2 ESCAPE '\\' AND ($3 = 0 OR a.owner_id = $3)"
    }
}

/// The current plan of each account: its newest plan that is not archived.
const CURRENT_PLAN: &str = "LEFT JOIN (SELECT account_id, MAX(id) AS plan_id FROM plans WHERE org_id = $1 AND status <> 'archived' \
     GROUP BY account_id) lp ON lp.account_id = a.id LEFT JOIN plans cp ON cp.id = lp.plan_id";

impl Store {
    /// One page of the organisation's accounts, in one statement: the page is chosen
    /// on the sort key alone, then only its rows get owners, plan counts and marks.
    pub async fn list_accounts(&self, org: OrgId, filter: &AccountFilter) -> StoreResult<Vec<AccountSummary>> {
        self.list_accounts_in(org, filter, false).await
    }

    /// One page of accounts and how many the filter finds on all pages. A search
    /// walks every account anyway, so its count comes from the same statement; a
    /// list without one counts from an index, side by side with the page.
    pub async fn list_accounts_counted(&self, org: OrgId, filter: &AccountFilter) -> StoreResult<(Vec<AccountSummary>, i64)> {
        if like_pattern(filter.search.as_deref()).is_empty() {
            return tokio::try_join!(self.list_accounts(org, filter), self.count_matching_accounts(org, filter));
        }
        let rows = self.list_accounts_in(org, filter, true).await?;
        match rows.first().and_then(|r| r.matching) {
            Some(n) => Ok((rows, n)),
            // A page past the last: nothing to read the count from.
            None => Ok((rows, self.count_matching_accounts(org, filter).await?)),
        }
    }

    async fn list_accounts_in(&self, org: OrgId, filter: &AccountFilter, counted: bool) -> StoreResult<Vec<AccountSummary>> {
        let key = filter.sort.key();
        let dir = if filter.descending { "DESC" } else { "ASC" };
        let join = if filter.sort == AccountSort::PlanState { CURRENT_PLAN } else { "" };
        // Name ties are broken by id in the same direction; other keys by name.
        let order = |k: &str, name: &str| match filter.sort {
            AccountSort::Name => format!("{k} {dir}, a.id {dir}"),
            _ => format!("{k} {dir} NULLS LAST, {name}, a.id"),
        };
        let inner = order(key, "LOWER(a.name)");
        let outer = order("page.k", "LOWER(a.name)");
        let pattern = like_pattern(filter.search.as_deref());
        let search = search_sql(&pattern);
        let (total, matching) = if counted { (", COUNT(*) OVER () AS total", ", page.total AS matching") } else { ("", "") };
        let sql = format!(
            "WITH page AS (SELECT a.id, {key} AS k{total} FROM accounts a {join} WHERE a.org_id = $1 AND {search} \
             ORDER BY {inner} LIMIT $4 OFFSET $5) \
             SELECT a.id, a.org_id, a.name, a.industry, a.region, a.parent_id, a.crm_id, a.annual_revenue, a.current_revenue, a.total_spend, \
             a.potential, a.growth_trend, a.owner_id, a.version, a.created_at, a.updated_at, a.updated_by, u.name AS owner_name, \
             (SELECT COUNT(*) FROM plans p WHERE p.account_id = a.id AND p.status <> 'archived') AS plan_count, \
             ap.id AS active_plan_id, m.score AS coach_score, m.level AS coach_level, m.blockers AS coach_blockers{matching} \
             FROM page JOIN accounts a ON a.id = page.id LEFT JOIN users u ON u.id = a.owner_id \
             LEFT JOIN plans ap ON ap.id = (SELECT MAX(p.id) FROM plans p WHERE p.account_id = a.id AND p.status <> 'archived') \
             LEFT JOIN plan_coach_marks m ON m.plan_id = ap.id \
             ORDER BY {outer}"
        );
        // Only fixed pieces of SQL are put together above; every value is bound.
        let sql = sqlx::AssertSqlSafe(sql);
        let owner = filter.owner.map(UserId::get).unwrap_or(0);
        let limit = if filter.limit <= 0 { 500 } else { filter.limit.min(1000) };
        Ok(on_pool!(self, p => sqlx::query_as(sql)
            .bind(org).bind(&pattern).bind(owner).bind(limit).bind(filter.offset.max(0)).fetch_all(p).await)?)
    }

    /// How many accounts the filter finds (all pages).
    pub async fn count_matching_accounts(&self, org: OrgId, filter: &AccountFilter) -> StoreResult<i64> {
        let pattern = like_pattern(filter.search.as_deref());
        let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM accounts a WHERE a.org_id = $1 AND {}", search_sql(&pattern)));
        let owner = filter.owner.map(UserId::get).unwrap_or(0);
        let (n,): (i64,) = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(&pattern).bind(owner).fetch_one(p).await)?;
        Ok(n)
    }

    /// Accounts whose name or CRM id contains `text`, whole matches first.
    pub async fn account_choices(&self, org: OrgId, text: &str, limit: i64) -> StoreResult<Vec<Choice>> {
        const SQL: &str = "SELECT id, name AS label, crm_id AS detail, \
            (LOWER(name) = $2 OR LOWER(COALESCE(crm_id, '')) = $2) AS exact FROM accounts \
            WHERE org_id = $1 AND ($3 = '' OR LOWER(name) LIKE $3 ESCAPE '\\' OR LOWER(COALESCE(crm_id, '')) LIKE $3 ESCAPE '\\') \
            ORDER BY exact DESC, LOWER(name), id LIMIT $4";
        self.choices(SQL, org, text, limit).await
    }

    /// Active users whose name or e-mail contains `text`, whole matches first.
    pub async fn user_choices(&self, org: OrgId, text: &str, limit: i64) -> StoreResult<Vec<Choice>> {
        const SQL: &str = "SELECT id, name AS label, email AS detail, (LOWER(name) = $2 OR LOWER(email) = $2) AS exact FROM users \
            WHERE org_id = $1 AND active AND ($3 = '' OR LOWER(name) LIKE $3 ESCAPE '\\' OR LOWER(email) LIKE $3 ESCAPE '\\') \
            ORDER BY exact DESC, LOWER(name), id LIMIT $4";
        self.choices(SQL, org, text, limit).await
    }

    /// Contacts of any account whose name or e-mail contains `text`, with their account.
    pub async fn contact_choices(&self, org: OrgId, text: &str, limit: i64) -> StoreResult<Vec<Choice>> {
        const SQL: &str = "SELECT c.id, c.name AS label, a.name AS detail, \
            (LOWER(c.name) = $2 OR LOWER(COALESCE(c.email, '')) = $2) AS exact FROM contacts c JOIN accounts a ON a.id = c.account_id \
            WHERE c.org_id = $1 AND ($3 = '' OR LOWER(c.name) LIKE $3 ESCAPE '\\' OR LOWER(COALESCE(c.email, '')) LIKE $3 ESCAPE '\\') \
            ORDER BY exact DESC, LOWER(c.name), c.id LIMIT $4";
        self.choices(SQL, org, text, limit).await
    }

    /// Users of the organisation whose name or e-mail contains `text` (all when empty).
    pub async fn search_users(&self, org: OrgId, text: &str, limit: i64) -> StoreResult<Vec<User>> {
        const SQL: &str = "SELECT u.id, u.org_id, u.email, u.name, u.role, u.active, u.version, u.created_at FROM users u \
            WHERE u.org_id = $1 AND ($2 = '' OR LOWER(u.name) LIKE $2 ESCAPE '\\' OR LOWER(u.email) LIKE $2 ESCAPE '\\') \
            ORDER BY LOWER(u.name), u.id LIMIT $3";
        let pattern = like_pattern(Some(text));
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(&pattern).bind(limit.clamp(1, 1000)).fetch_all(p).await)?)
    }

    /// Contacts of any account whose name or e-mail contains `text`.
    pub async fn search_contacts(&self, org: OrgId, text: &str, limit: i64) -> StoreResult<Vec<Contact>> {
        const SQL: &str = "SELECT id, org_id, account_id, name, title, business_unit, reports_to_id, buying_role, influence, attitude, \
            relationship_owner_id, objective, last_contact_date, email, phone, version, updated_at, updated_by, crm_id FROM contacts \
            WHERE org_id = $1 AND ($2 = '' OR LOWER(name) LIKE $2 ESCAPE '\\' OR LOWER(COALESCE(email, '')) LIKE $2 ESCAPE '\\') \
            ORDER BY LOWER(name), id LIMIT $3";
        let pattern = like_pattern(Some(text));
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(&pattern).bind(limit.clamp(1, 200)).fetch_all(p).await)?)
    }

    async fn choices(&self, sql: &'static str, org: OrgId, text: &str, limit: i64) -> StoreResult<Vec<Choice>> {
        let whole: String = text.trim().to_lowercase();
        let pattern = like_pattern(Some(text));
        let limit = limit.clamp(1, 200);
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(&whole).bind(&pattern).bind(limit).fetch_all(p).await)?)
    }
}
