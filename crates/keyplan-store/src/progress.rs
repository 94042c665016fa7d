//! Dated progress notes on commitments (issue 15 point 7): written with the
//! plan's history line in one transaction, read per commitment, per plan (for
//! the exports) and for someone's own commitments, newest first.

use keyplan_domain::tree::ProgressData;
use keyplan_domain::{Message, NodeId, OrgId, PlanId, ProgressNoteId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{Store, StoreResult, now, on_pool, on_tx};

/// One note: the day it speaks of, what it says, and who wrote it when.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize)]
pub struct ProgressNote {
    pub id: ProgressNoteId,
    pub plan_id: PlanId,
    pub node_id: NodeId,
    pub on: Date,
    pub text: String,
    pub author_id: UserId,
    pub author_name: String,
    /// The author's e-mail, for the plan document (which names people by it).
    #[serde(skip)]
    pub author_email: String,
    pub created_at: OffsetDateTime,
}

const SELECT: &str = "SELECT g.id, g.plan_id, g.node_id, g.note_on AS \"on\", g.body AS text, g.author_id, u.name AS author_name, \
    u.email AS author_email, g.created_at FROM progress_notes g JOIN users u ON u.id = g.author_id";
/// Newest first: by the day spoken of, then by when it was written.
const NEWEST_FIRST: &str = "ORDER BY g.note_on DESC, g.created_at DESC, g.id DESC";

impl Store {
    /// Adds a note to commitment `node` of the organisation, with the plan's
    /// history line `history`, in one transaction. A node that is not a
    /// commitment of the organisation is not found, and nothing is written.
    pub async fn add_progress_note(
        &self,
        org: OrgId,
        node: NodeId,
        author: UserId,
        data: &ProgressData,
        history: &Message,
    ) -> StoreResult<ProgressNote> {
        let mut tx = self.begin().await?;
        let row: Option<(ProgressNoteId, PlanId)> = on_tx!(self, tx, c => sqlx::query_as(
            "INSERT INTO progress_notes (org_id, plan_id, node_id, author_id, note_on, body, created_at) \
             SELECT n.org_id, n.plan_id, n.id, $3, $4, $5, $6 FROM nodes n WHERE n.org_id = $1 AND n.id = $2 AND n.kind = 'commitment' \
             RETURNING id, plan_id")
            .bind(org).bind(node).bind(author).bind(data.on).bind(&data.text).bind(now()).fetch_optional(c).await)?;
        let (id, plan) = row.found()?;
        self.history_line_tx(&mut tx, org, plan, author, "progress", ("node", node.get()), history).await?;
        let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE g.org_id = $1 AND g.id = $2"));
        let note: ProgressNote = on_tx!(self, tx, c => sqlx::query_as(sql).bind(org).bind(id).fetch_one(c).await)?;
        tx.commit().await?;
        Ok(note)
    }

    /// The notes on one node, newest first.
    pub async fn progress_notes(&self, org: OrgId, node: NodeId) -> StoreResult<Vec<ProgressNote>> {
        let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE g.org_id = $1 AND g.node_id = $2 {NEWEST_FIRST}"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(node).fetch_all(p).await)?)
    }

    /// The notes on all commitments of a plan, newest first (one statement).
    pub async fn plan_progress_notes(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<ProgressNote>> {
        let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE g.org_id = $1 AND g.plan_id = $2 {NEWEST_FIRST}"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    /// The notes on the commitments in `user`'s own list (see
    /// [`Store::my_commitments`]), newest first, in one statement.
    pub async fn my_progress_notes(&self, org: OrgId, user: UserId) -> StoreResult<Vec<ProgressNote>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "{SELECT} JOIN nodes n ON n.id = g.node_id JOIN plans p ON p.id = n.plan_id \
             WHERE g.org_id = $1 AND p.status <> 'archived' \
               AND (n.owner_id = $2 OR (n.author_id = $2 AND n.acceptance = 'date_proposed')) {NEWEST_FIRST}"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(user).fetch_all(p).await)?)
    }
}
