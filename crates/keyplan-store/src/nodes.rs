//! The nodes of a plan's constraint tree.

use keyplan_domain::analysis::Benefit;
use keyplan_domain::tree::{Acceptance, CommitmentDetail, CommitmentStatus, GoalFields, Node, NodeDetail, NodeKind};
use keyplan_domain::{AccountId, ContactId, NodeId, OrgId, PlanId, UserId};
use serde::Serialize;
use time::Date;

use crate::error::OptionalExt;
use crate::rows::NodeRow;
use crate::{Store, StoreError, StoreResult, now, on_pool, on_tx};

const COLUMNS: &str = "id, plan_id, parent_id, kind, position, title, notes, metric, baseline, target, unit, target_date, benefit, owner_id, \
    contact_id, author_id, start_date, due_date, done_criterion, how, status, acceptance, decline_reason, proposed_due_date, version";

/// Everything a node stores besides its identity, written as a whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeWrite {
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
}

impl NodeWrite {
    pub fn titled(title: impl Into<String>) -> Self {
        NodeWrite { title: title.into(), ..Default::default() }
    }

    pub fn from_node(n: &Node) -> Self {
        NodeWrite::with_detail(n.title.clone(), n.notes.clone(), &n.detail)
    }

    /// The columns of a node with `title`, `notes` and the fields of its kind;
    /// the columns of the other kinds stay empty.
    pub fn with_detail(title: impl Into<String>, notes: Option<String>, detail: &NodeDetail) -> Self {
        let mut w = NodeWrite { notes, ..NodeWrite::titled(title) };
        if let Some(g) = detail.goal() {
            w.metric = g.metric.clone();
            w.baseline = g.baseline;
            w.target = g.target;
            w.unit = g.unit.clone();
            w.target_date = g.target_date;
            w.benefit = g.benefit;
        }
        if let Some(c) = detail.commitment() {
            w.owner_id = c.owner_id;
            w.contact_id = c.contact_id;
            w.author_id = c.author_id;
            w.start_date = c.start_date;
            w.due_date = c.due_date;
            w.done_criterion = c.done_criterion.clone();
            w.how = c.how.clone();
            w.status = c.status;
            w.acceptance = c.acceptance;
            w.decline_reason = c.decline_reason.clone();
            w.proposed_due_date = c.proposed_due_date;
        }
        w
    }

    /// What a node of `kind` keeps of these columns: the fields of its kind.
    pub fn detail(&self, kind: NodeKind) -> NodeDetail {
        match kind {
            NodeKind::Goal => NodeDetail::Goal(GoalFields {
                metric: self.metric.clone(),
                baseline: self.baseline,
                target: self.target,
                unit: self.unit.clone(),
                target_date: self.target_date,
                benefit: self.benefit,
            }),
            NodeKind::Commitment => NodeDetail::Commitment(CommitmentDetail {
                owner_id: self.owner_id,
                contact_id: self.contact_id,
                author_id: self.author_id,
                start_date: self.start_date,
                due_date: self.due_date,
                done_criterion: self.done_criterion.clone(),
                how: self.how.clone(),
                status: self.status,
                acceptance: self.acceptance,
                decline_reason: self.decline_reason.clone(),
                proposed_due_date: self.proposed_due_date,
            }),
            kind => NodeDetail::empty(kind),
        }
    }

    /// These columns as a node of `kind` stores them: the other kinds' columns empty.
    pub fn for_kind(&self, kind: NodeKind) -> NodeWrite {
        NodeWrite::with_detail(self.title.clone(), self.notes.clone(), &self.detail(kind))
    }
}

/// A commitment in someone's own list, with where it comes from.
#[derive(Clone, Debug, Serialize)]
pub struct MyCommitment {
    pub node: Node,
    pub plan_title: String,
    pub account_id: AccountId,
    pub account_name: String,
    pub author_name: Option<String>,
    pub owner_name: Option<String>,
}

impl Store {
    /// All nodes of a plan, in one query.
    pub async fn nodes(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<Node>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM nodes WHERE org_id = $1 AND plan_id = $2 ORDER BY position, id"));
        let rows: Vec<NodeRow> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Node::from).collect())
    }

    pub async fn node(&self, org: OrgId, id: NodeId) -> StoreResult<Node> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM nodes WHERE org_id = $1 AND id = $2"));
        let row: Option<NodeRow> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?;
        row.map(Node::from).found()
    }

    /// Checks that the people a node refers to belong here: the owner to the
    /// organisation, the contact to the plan's account.
    async fn check_node_refs(&self, org: OrgId, account: AccountId, w: &NodeWrite) -> StoreResult<()> {
        if let Some(owner) = w.owner_id {
            let u = self.user(org, owner).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("owner_id", keyplan_domain::Message::new("err-no-user")),
                e => e,
            })?;
            if !u.active {
                return Err(StoreError::invalid("owner_id", keyplan_domain::Message::new("err-user-inactive")));
            }
        }
        if let Some(contact) = w.contact_id {
            let c = self.contact(org, contact).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("contact_id", keyplan_domain::Message::new("err-no-contact")),
                e => e,
            })?;
            if c.account_id != account {
                return Err(StoreError::invalid("contact_id", keyplan_domain::Message::new("err-contact-of-account")));
            }
        }
        Ok(())
    }

    /// Adds a node at the end of its siblings. The parent must be in the same plan
    /// and of a kind this node may hang under.
    pub async fn create_node(
        &self,
        org: OrgId,
        plan: PlanId,
        kind: NodeKind,
        parent: Option<NodeId>,
        w: &NodeWrite,
        actor: UserId,
    ) -> StoreResult<Node> {
        let plan_row = self.plan(org, plan).await?;
        let parent_kind = match parent {
            None => None,
            Some(pid) => {
                let parent = self.node(org, pid).await.map_err(|e| match e {
                    StoreError::NotFound => StoreError::invalid("parent_id", keyplan_domain::Message::new("err-no-node")),
                    e => e,
                })?;
                if parent.plan_id != plan {
                    return Err(StoreError::invalid("parent_id", keyplan_domain::Message::new("err-node-same-plan")));
                }
                Some(parent.kind())
            }
        };
        kind.check_parent(parent_kind).map_err(StoreError::Invalid)?;
        let w = &w.for_kind(kind);
        self.check_node_refs(org, plan_row.account_id, w).await?;
        let mut tx = self.begin().await?;
        // Lock the plan row before reading the siblings' last position, so that concurrent
        // inserts into one plan take turns (on SQLite, BEGIN IMMEDIATE already does this).
        on_tx!(self, tx, c => sqlx::query("UPDATE plans SET version = version WHERE id = $1")
            .bind(plan).execute(c).await.map(|r| r.rows_affected()))?;
        let (next,): (i32,) = on_tx!(self, tx, c => sqlx::query_as(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM nodes WHERE plan_id = $1 AND ((parent_id IS NULL AND $2 = 0) OR parent_id = $2)")
            .bind(plan).bind(parent.map(NodeId::get).unwrap_or(0)).fetch_one(c).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO nodes (org_id, plan_id, parent_id, kind, position, title, notes, metric, baseline, target, unit, target_date, owner_id, \
             contact_id, author_id, start_date, due_date, done_criterion, status, acceptance, decline_reason, proposed_due_date, created_at, \
             updated_at, updated_by, benefit, how) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
             $21, $22, $23, $23, $24, $25, $26) RETURNING {COLUMNS}"
        ));
        let row: NodeRow = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(org).bind(plan).bind(parent).bind(kind.as_str()).bind(next).bind(&w.title).bind(&w.notes).bind(&w.metric)
            .bind(w.baseline).bind(w.target).bind(&w.unit).bind(w.target_date).bind(w.owner_id).bind(w.contact_id).bind(w.author_id)
            .bind(w.start_date).bind(w.due_date).bind(&w.done_criterion).bind(w.status.map(|s| s.as_str()))
            .bind(w.acceptance.map(|a| a.as_str())).bind(&w.decline_reason).bind(w.proposed_due_date).bind(now()).bind(actor)
            .bind(w.benefit.map(Benefit::as_str)).bind(&w.how).fetch_one(c).await)?;
        tx.commit().await?;
        Ok(row.into())
    }

    /// Writes all fields of a node, if it is still at `version`.
    pub async fn update_node(&self, org: OrgId, id: NodeId, version: i64, w: &NodeWrite, actor: UserId) -> StoreResult<Node> {
        let current = self.node(org, id).await?;
        let plan = self.plan(org, current.plan_id).await?;
        let w = &w.for_kind(current.kind());
        self.check_node_refs(org, plan.account_id, w).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE nodes SET title = $1, notes = $2, metric = $3, baseline = $4, target = $5, unit = $6, target_date = $7, owner_id = $8, \
             contact_id = $9, author_id = $10, start_date = $11, due_date = $12, done_criterion = $13, status = $14, acceptance = $15, \
             decline_reason = $16, proposed_due_date = $17, version = version + 1, updated_at = $18, updated_by = $19, \
             benefit = $23, how = $24 WHERE org_id = $20 AND id = $21 AND version = $22 RETURNING {COLUMNS}"
        ));
        let row: Option<NodeRow> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(&w.title).bind(&w.notes).bind(&w.metric).bind(w.baseline).bind(w.target).bind(&w.unit).bind(w.target_date)
            .bind(w.owner_id).bind(w.contact_id).bind(w.author_id).bind(w.start_date).bind(w.due_date).bind(&w.done_criterion)
            .bind(w.status.map(|s| s.as_str())).bind(w.acceptance.map(|a| a.as_str())).bind(&w.decline_reason).bind(w.proposed_due_date)
            .bind(now()).bind(actor).bind(org).bind(id).bind(version).bind(w.benefit.map(Benefit::as_str)).bind(&w.how)
            .fetch_optional(p).await)?;
        match row {
            Some(r) => Ok(r.into()),
            None => Err(StoreError::Conflict { current: self.node(org, id).await?.version }),
        }
    }

    /// Deletes a node and everything under it.
    pub async fn delete_node(&self, org: OrgId, id: NodeId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM nodes WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    /// Swaps a node with its previous (`up`) or next sibling. Returns false when it
    /// is already first or last. Order is not content: versions stay as they are.
    pub async fn move_node(&self, org: OrgId, id: NodeId, up: bool) -> StoreResult<bool> {
        let plan = self.node(org, id).await?.plan_id;
        let mut tx = self.begin().await?;
        // Same lock as inserts: moves within one plan take turns, and the node's
        // position is read again under the lock.
        on_tx!(self, tx, c => sqlx::query("UPDATE plans SET version = version WHERE id = $1")
            .bind(plan).execute(c).await.map(|r| r.rows_affected()))?;
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM nodes WHERE org_id = $1 AND id = $2"));
        let row: Option<NodeRow> = on_tx!(self, tx, c => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(c).await)?;
        let node: Node = row.map(Node::from).found()?;
        let parent = node.parent_id.map(NodeId::get).unwrap_or(0);
        let sql = if up {
            "SELECT id, position FROM nodes WHERE plan_id = $1 AND ((parent_id IS NULL AND $2 = 0) OR parent_id = $2) \
             AND (position < $3 OR (position = $3 AND id < $4)) ORDER BY position DESC, id DESC LIMIT 1"
        } else {
            "SELECT id, position FROM nodes WHERE plan_id = $1 AND ((parent_id IS NULL AND $2 = 0) OR parent_id = $2) \
             AND (position > $3 OR (position = $3 AND id > $4)) ORDER BY position, id LIMIT 1"
        };
        let other: Option<(NodeId, i32)> = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(node.plan_id).bind(parent).bind(node.position).bind(node.id).fetch_optional(c).await)?;
        let Some((other_id, other_pos)) = other else {
            return Ok(false);
        };
        // Equal positions (never written by us, but possible after imports) still swap.
        let (mine, theirs) = if other_pos == node.position {
            if up { (other_pos, other_pos + 1) } else { (other_pos + 1, other_pos) }
        } else {
            (other_pos, node.position)
        };
        on_tx!(self, tx, c => sqlx::query("UPDATE nodes SET position = $1 WHERE id = $2").bind(mine).bind(node.id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("UPDATE nodes SET position = $1 WHERE id = $2").bind(theirs).bind(other_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    /// Commitments owned by `user`, and those whose proposed date waits for `user`
    /// as author, across all plans of the organisation.
    pub async fn my_commitments(&self, org: OrgId, user: UserId) -> StoreResult<Vec<MyCommitment>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            node: NodeRow,
            plan_title: String,
            account_id: AccountId,
            account_name: String,
            author_name: Option<String>,
            owner_name: Option<String>,
        }
        let cols = COLUMNS.split(", ").map(|c| format!("n.{c}")).collect::<Vec<_>>().join(", ");
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {cols}, p.title AS plan_title, a.id AS account_id, a.name AS account_name, au.name AS author_name, ow.name AS owner_name \
             FROM nodes n JOIN plans p ON p.id = n.plan_id JOIN accounts a ON a.id = p.account_id \
             LEFT JOIN users au ON au.id = n.author_id LEFT JOIN users ow ON ow.id = n.owner_id \
             WHERE n.org_id = $1 AND n.kind = 'commitment' AND p.status <> 'archived' \
               AND (n.owner_id = $2 OR (n.author_id = $2 AND n.acceptance = 'date_proposed')) \
             ORDER BY CASE WHEN n.due_date IS NULL THEN 1 ELSE 0 END, n.due_date, n.id"
        ));
        let rows: Vec<Row> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(user).fetch_all(p).await)?;
        Ok(rows
            .into_iter()
            .map(|r| MyCommitment {
                node: r.node.into(),
                plan_title: r.plan_title,
                account_id: r.account_id,
                account_name: r.account_name,
                author_name: r.author_name,
                owner_name: r.owner_name,
            })
            .collect())
    }
}
