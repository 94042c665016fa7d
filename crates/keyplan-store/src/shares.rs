//! Who may see each item of a plan, and the read-only links that show a plan's
//! customer excerpt. A link's token is kept only as its SHA-256.

use std::collections::HashMap;

use keyplan_domain::audience::Visibility;
use keyplan_domain::{OrgId, PlanId, ShareLinkId, UnknownText, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, now, on_pool, on_tx};

/// The kinds of plan content that carry a visibility of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VisibilityTarget {
    Node,
    Item,
    Section,
    Kpi,
}

impl VisibilityTarget {
    pub const ALL: [VisibilityTarget; 4] =
        [VisibilityTarget::Node, VisibilityTarget::Item, VisibilityTarget::Section, VisibilityTarget::Kpi];

    pub fn as_str(self) -> &'static str {
        match self {
            VisibilityTarget::Node => "node",
            VisibilityTarget::Item => "item",
            VisibilityTarget::Section => "section",
            VisibilityTarget::Kpi => "kpi",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    fn table(self) -> &'static str {
        match self {
            VisibilityTarget::Node => "nodes",
            VisibilityTarget::Item => "plan_items",
            VisibilityTarget::Section => "plan_sections",
            VisibilityTarget::Kpi => "kpis",
        }
    }
}

/// Every visibility of one plan's items, loaded in one statement. Rows that are
/// missing here (written after loading) count as team only.
#[derive(Clone, Debug, Default)]
pub struct Visibilities {
    map: HashMap<(VisibilityTarget, i64), Visibility>,
}

impl Visibilities {
    pub fn get(&self, target: VisibilityTarget, id: i64) -> Visibility {
        self.map.get(&(target, id)).copied().unwrap_or_default()
    }
    pub fn set(&mut self, target: VisibilityTarget, id: i64, v: Visibility) {
        self.map.insert((target, id), v);
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct ShareLink {
    pub id: ShareLinkId,
    pub org_id: OrgId,
    pub plan_id: PlanId,
    pub label: String,
    /// The last day the link works.
    pub expires_on: Date,
    pub created_by: Option<UserId>,
    pub created_by_name: Option<String>,
    pub created_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    pub last_opened_at: Option<OffsetDateTime>,
    pub open_count: i64,
}

impl ShareLink {
    pub fn expired(&self, today: Date) -> bool {
        today > self.expires_on
    }
    /// Whether the link still opens the excerpt today.
    pub fn live(&self, today: Date) -> bool {
        self.revoked_at.is_none() && !self.expired(today)
    }
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct ShareOpening {
    pub opened_at: OffsetDateTime,
    pub client_addr: String,
}

const LINK_COLUMNS: &str = "s.id, s.org_id, s.plan_id, s.label, s.expires_on, s.created_by, u.name AS created_by_name, s.created_at, \
    s.revoked_at, s.last_opened_at, s.open_count";
const LINK_FROM: &str = "share_links s LEFT JOIN users u ON u.id = s.created_by";

impl Store {
    // --- visibility -------------------------------------------------------------------

    /// The visibility of every node, item, section text and KPI of a plan.
    pub async fn visibilities(&self, org: OrgId, plan: PlanId) -> StoreResult<Visibilities> {
        const SQL: &str = "SELECT 'node' AS target, id, visibility FROM nodes WHERE org_id = $1 AND plan_id = $2 \
            UNION ALL SELECT 'item', id, visibility FROM plan_items WHERE org_id = $1 AND plan_id = $2 \
            UNION ALL SELECT 'section', id, visibility FROM plan_sections WHERE org_id = $1 AND plan_id = $2 \
            UNION ALL SELECT 'kpi', id, visibility FROM kpis WHERE org_id = $1 AND plan_id = $2";
        #[derive(sqlx::FromRow)]
        struct Row {
            target: String,
            id: i64,
            visibility: Visibility,
        }
        let rows: Vec<Row> = on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(plan).fetch_all(p).await)?;
        let mut out = Visibilities::default();
        for r in rows {
            // The target is a literal of the statement above, so this cannot fail unless the two disagree.
            let t = VisibilityTarget::parse(&r.target).ok_or_else(|| StoreError::Corrupt {
                column: "target".into(),
                value: UnknownText { what: "visibility target", text: r.target.clone() },
            })?;
            out.set(t, r.id, r.visibility);
        }
        Ok(out)
    }

    /// Sets who may see one item of a plan. Sharing is not content: the item's
    /// version stays, so an edit form open elsewhere is not made stale by it.
    pub async fn set_visibility(&self, org: OrgId, plan: PlanId, target: VisibilityTarget, id: i64, v: Visibility) -> StoreResult<()> {
        let sql =
            sqlx::AssertSqlSafe(format!("UPDATE {} SET visibility = $1 WHERE org_id = $2 AND plan_id = $3 AND id = $4", target.table()));
        let n = on_pool!(self, p => sqlx::query(sql).bind(v.as_str()).bind(org).bind(plan).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    // --- share links ------------------------------------------------------------------

    pub async fn create_share_link(
        &self,
        org: OrgId,
        plan: PlanId,
        token_hash: &str,
        label: &str,
        expires_on: Date,
        actor: UserId,
    ) -> StoreResult<ShareLink> {
        self.plan(org, plan).await?;
        let id: ShareLinkId = on_pool!(self, p => sqlx::query_scalar(
            "INSERT INTO share_links (org_id, plan_id, token_hash, label, expires_on, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
            .bind(org).bind(plan).bind(token_hash).bind(label).bind(expires_on).bind(actor).bind(now()).fetch_one(p).await)?;
        self.share_link(org, id).await
    }

    /// A plan's share links, newest first.
    pub async fn share_links(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<ShareLink>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {LINK_COLUMNS} FROM {LINK_FROM} WHERE s.org_id = $1 AND s.plan_id = $2 ORDER BY s.created_at DESC, s.id DESC"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    pub async fn share_link(&self, org: OrgId, id: ShareLinkId) -> StoreResult<ShareLink> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {LINK_COLUMNS} FROM {LINK_FROM} WHERE s.org_id = $1 AND s.id = $2"));
        let r: Option<ShareLink> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?;
        r.found()
    }

    /// The link a token opens, revoked and expired ones included (the caller
    /// answers those differently from unknown tokens).
    pub async fn share_link_by_hash(&self, token_hash: &str) -> StoreResult<Option<ShareLink>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {LINK_COLUMNS} FROM {LINK_FROM} WHERE s.token_hash = $1"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(token_hash).fetch_optional(p).await)?)
    }

    /// Revokes a link (again: no change). Answers the link as it is now.
    pub async fn revoke_share_link(&self, org: OrgId, id: ShareLinkId, actor: UserId) -> StoreResult<ShareLink> {
        on_pool!(self, p => sqlx::query(
            "UPDATE share_links SET revoked_at = $1, revoked_by = $2 WHERE org_id = $3 AND id = $4 AND revoked_at IS NULL")
            .bind(now()).bind(actor).bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        self.share_link(org, id).await
    }

    /// Logs one opening of a link by a visitor and keeps its "last opened" up to date.
    pub async fn record_share_opening(&self, org: OrgId, id: ShareLinkId, client_addr: &str) -> StoreResult<()> {
        self.record_share_opening_as(org, id, client_addr, false).await
    }

    /// Logs one opening; `by_team`: by someone signed in to the link's
    /// organisation, which is no evidence that the customer looked.
    pub async fn record_share_opening_as(&self, org: OrgId, id: ShareLinkId, client_addr: &str, by_team: bool) -> StoreResult<()> {
        let at = now();
        let mut tx = self.begin().await?;
        let n = on_tx!(self, tx, c => sqlx::query(
            "UPDATE share_links SET last_opened_at = $1, open_count = open_count + 1 WHERE org_id = $2 AND id = $3")
            .bind(at).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        on_tx!(self, tx, c => sqlx::query(
            "INSERT INTO share_link_openings (org_id, share_link_id, opened_at, client_addr, by_team) VALUES ($1, $2, $3, $4, $5)")
            .bind(org).bind(id).bind(at).bind(client_addr).bind(by_team).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await
    }

    /// A link's openings, newest first.
    pub async fn share_openings(&self, org: OrgId, id: ShareLinkId) -> StoreResult<Vec<ShareOpening>> {
        Ok(on_pool!(self, p => sqlx::query_as(
            "SELECT opened_at, client_addr FROM share_link_openings WHERE org_id = $1 AND share_link_id = $2 ORDER BY opened_at DESC, id DESC")
            .bind(org).bind(id).fetch_all(p).await)?)
    }

    /// The stored hash of a link's token (for tests and audits: never the token).
    pub async fn share_link_hash(&self, org: OrgId, id: ShareLinkId) -> StoreResult<String> {
        let r: Option<String> = on_pool!(self, p => sqlx::query_scalar("SELECT token_hash FROM share_links WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).fetch_optional(p).await)?;
        r.found()
    }
}
