//! The customer at the table: commitments offered to the customer as joint
//! commitments and the customer's answers, comments written through share
//! links, and the facts about a plan's customer involvement that the
//! excellence ladder reads. Each write of a visitor is one transaction with
//! its history line and the notification to the plan's KAM.

use keyplan_domain::customer::{CustomerEvidence, CustomerTarget, JointAnswer};
use keyplan_domain::tree::Node;
use keyplan_domain::{ContactId, CustomerCommentId, Message, NodeId, OrgId, PlanId, ShareLinkId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::collab::args_json;
use crate::error::OptionalExt;
use crate::rows::NodeRow;
use crate::{Comment, NewNotification, Store, StoreError, StoreResult, Tx, now, on_pool, on_tx};

/// A commitment offered to the customer, with the commitment as stored and the
/// customer's answer. `answered_name` and `answer_reason` are what a visitor
/// wrote: only the team, and the visitors of the link it came through
/// (`answered_via`), may read them.
#[derive(Clone, Debug, Serialize)]
pub struct JointCommitment {
    pub node: Node,
    /// The contact on the customer's side.
    pub contact_id: Option<ContactId>,
    pub offered_by: Option<UserId>,
    pub offered_at: OffsetDateTime,
    pub answer: JointAnswer,
    pub answer_reason: Option<String>,
    pub answered_name: Option<String>,
    pub answered_at: Option<OffsetDateTime>,
    pub answered_via: Option<ShareLinkId>,
    /// The label of the link the answer came through.
    pub answered_via_label: Option<String>,
    pub version: i64,
}

/// The joint-commitment columns of a node row (all empty when the node was never offered).
#[derive(sqlx::FromRow)]
struct OfferRow {
    #[sqlx(flatten)]
    node: NodeRow,
    j_version: Option<i64>,
    j_contact_id: Option<ContactId>,
    j_offered_by: Option<UserId>,
    j_offered_at: Option<OffsetDateTime>,
    j_answer: Option<JointAnswer>,
    j_answer_reason: Option<String>,
    j_answered_name: Option<String>,
    j_answered_at: Option<OffsetDateTime>,
    j_answered_via: Option<ShareLinkId>,
    j_answered_via_label: Option<String>,
}

impl OfferRow {
    fn split(self) -> (Node, Option<JointCommitment>) {
        let node = Node::from(self.node);
        let joint = match (self.j_version, self.j_offered_at, self.j_answer) {
            (Some(version), Some(offered_at), Some(answer)) => Some(JointCommitment {
                node: node.clone(),
                contact_id: self.j_contact_id,
                offered_by: self.j_offered_by,
                offered_at,
                answer,
                answer_reason: self.j_answer_reason,
                answered_name: self.j_answered_name,
                answered_at: self.j_answered_at,
                answered_via: self.j_answered_via,
                answered_via_label: self.j_answered_via_label,
                version,
            }),
            _ => None,
        };
        (node, joint)
    }
}

/// A comment a visitor wrote through a share link.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct CustomerComment {
    pub id: CustomerCommentId,
    pub plan_id: PlanId,
    pub share_link_id: ShareLinkId,
    /// The label of the link it came through ("Q3 review").
    pub link_label: String,
    /// `plan`, `node`, `item`, `section` or `kpi`.
    pub target_kind: String,
    pub target_id: i64,
    /// The name the visitor gave.
    pub author_name: String,
    pub body: String,
    /// Shown to the visitors of every link of the plan, not only its own link's.
    pub customer_visible: bool,
    pub created_at: OffsetDateTime,
}

impl CustomerComment {
    pub fn target(&self) -> Option<CustomerTarget> {
        CustomerTarget::from_parts(&self.target_kind, self.target_id)
    }
}

/// A visitor's comment to store.
#[derive(Clone, Debug)]
pub struct NewCustomerComment<'a> {
    pub org: OrgId,
    pub plan: PlanId,
    pub link: ShareLinkId,
    pub target: CustomerTarget,
    pub author_name: &'a str,
    pub body: &'a str,
}

/// A visitor's answer to store.
#[derive(Clone, Debug)]
pub struct NewCustomerAnswer<'a> {
    pub org: OrgId,
    pub plan: PlanId,
    pub node: NodeId,
    pub link: ShareLinkId,
    pub answer: JointAnswer,
    pub reason: Option<&'a str>,
    pub name: &'a str,
}

/// A history line and (for a visitor's write) the notification that go with a write.
#[derive(Clone, Debug)]
pub struct SideEffects<'a> {
    pub action: &'a str,
    pub actor: Option<UserId>,
    pub history: &'a Message,
    pub notify: Option<NewNotification<'a>>,
}

const JOINT_SELECT: &str = "SELECT n.id, n.plan_id, n.parent_id, n.kind, n.position, n.title, n.notes, n.metric, n.baseline, n.target, \
    n.unit, n.target_date, n.benefit, n.owner_id, n.contact_id, n.author_id, n.start_date, n.due_date, n.done_criterion, n.how, n.status, \
    n.acceptance, n.decline_reason, n.proposed_due_date, n.version, \
    j.version AS j_version, j.contact_id AS j_contact_id, j.offered_by AS j_offered_by, j.offered_at AS j_offered_at, j.answer AS j_answer, \
    j.answer_reason AS j_answer_reason, j.answered_name AS j_answered_name, j.answered_at AS j_answered_at, \
    j.answered_via AS j_answered_via, s.label AS j_answered_via_label \
    FROM nodes n LEFT JOIN joint_commitments j ON j.node_id = n.id AND j.org_id = n.org_id \
    LEFT JOIN share_links s ON s.id = j.answered_via";

const CUSTOMER_COMMENT_SELECT: &str = "SELECT k.id, k.plan_id, k.share_link_id, s.label AS link_label, k.target_kind, k.target_id, \
    k.author_name, k.body, k.customer_visible, k.created_at FROM customer_comments k JOIN share_links s ON s.id = k.share_link_id";

/// One row of a plan's discussion: a team comment or a visitor's.
#[derive(sqlx::FromRow)]
struct DiscussionRow {
    source: String,
    id: i64,
    plan_id: PlanId,
    target_kind: String,
    target_id: i64,
    author_id: Option<UserId>,
    author_name: String,
    body: String,
    created_at: OffsetDateTime,
    share_link_id: Option<ShareLinkId>,
    link_label: Option<String>,
    customer_visible: bool,
}

impl Store {
    // --- joint commitments --------------------------------------------------------------

    /// All nodes of a plan and the joint commitments among them, in one query
    /// (the plan bundle loads the tree through this).
    pub async fn nodes_with_offers(&self, org: OrgId, plan: PlanId) -> StoreResult<(Vec<Node>, Vec<JointCommitment>)> {
        let sql = sqlx::AssertSqlSafe(format!("{JOINT_SELECT} WHERE n.org_id = $1 AND n.plan_id = $2 ORDER BY n.position, n.id"));
        let rows: Vec<OfferRow> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?;
        let (mut nodes, mut joint) = (Vec::with_capacity(rows.len()), Vec::new());
        for r in rows {
            let (n, j) = r.split();
            nodes.push(n);
            joint.extend(j);
        }
        Ok((nodes, joint))
    }

    /// The offer on one commitment (not offered: not found).
    pub async fn joint_commitment(&self, org: OrgId, node: NodeId) -> StoreResult<JointCommitment> {
        let sql = sqlx::AssertSqlSafe(format!("{JOINT_SELECT} WHERE n.org_id = $1 AND n.id = $2 AND j.id IS NOT NULL"));
        let row: Option<OfferRow> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(node).fetch_optional(p).await)?;
        row.and_then(|r| r.split().1).found()
    }

    /// Offers a commitment of `plan` to the customer, naming `contact`, or offers
    /// it again (a new question: an earlier answer is cleared). `version` is the
    /// offer's version the caller saw, 0 for none; another answers a conflict.
    pub async fn offer_joint(
        &self,
        org: OrgId,
        plan: PlanId,
        node: NodeId,
        contact: ContactId,
        version: i64,
        effects: &SideEffects<'_>,
    ) -> StoreResult<JointCommitment> {
        let mut tx = self.begin().await?;
        let current: Option<i64> = on_tx!(self, tx, c => sqlx::query_scalar(
            "SELECT version FROM joint_commitments WHERE org_id = $1 AND node_id = $2").bind(org).bind(node).fetch_optional(c).await)?;
        if current.unwrap_or(0) != version {
            return Err(StoreError::Conflict { current: current.unwrap_or(0) });
        }
        let at = now();
        if current.is_some() {
            on_tx!(self, tx, c => sqlx::query(
                "UPDATE joint_commitments SET contact_id = $1, offered_by = $2, offered_at = $3, answer = 'open', answer_reason = NULL, \
                 answered_name = NULL, answered_at = NULL, answered_via = NULL, version = version + 1 WHERE org_id = $4 AND node_id = $5")
                .bind(contact).bind(effects.actor).bind(at).bind(org).bind(node).execute(c).await.map(|r| r.rows_affected()))?;
        } else {
            on_tx!(self, tx, c => sqlx::query(
                "INSERT INTO joint_commitments (org_id, plan_id, node_id, contact_id, offered_by, offered_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(org).bind(plan).bind(node).bind(contact).bind(effects.actor).bind(at).execute(c).await.map(|r| r.rows_affected()))?;
        }
        self.side_effects(&mut tx, org, plan, "node", Some(node.get()), effects).await?;
        tx.commit().await?;
        self.joint_commitment(org, node).await
    }

    /// Takes an offer back (`version`: the one the caller saw; none: whatever it is now).
    pub async fn withdraw_joint(
        &self,
        org: OrgId,
        plan: PlanId,
        node: NodeId,
        version: Option<i64>,
        effects: &SideEffects<'_>,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let current: Option<i64> = on_tx!(self, tx, c => sqlx::query_scalar(
            "SELECT version FROM joint_commitments WHERE org_id = $1 AND plan_id = $2 AND node_id = $3")
            .bind(org).bind(plan).bind(node).fetch_optional(c).await)?;
        let current = current.ok_or(StoreError::NotFound)?;
        if version.is_some_and(|v| v != current) {
            return Err(StoreError::Conflict { current });
        }
        on_tx!(self, tx, c => sqlx::query("DELETE FROM joint_commitments WHERE org_id = $1 AND node_id = $2")
            .bind(org).bind(node).execute(c).await.map(|r| r.rows_affected()))?;
        self.side_effects(&mut tx, org, plan, "node", Some(node.get()), effects).await?;
        tx.commit().await
    }

    /// Records a visitor's answer to an open offer, with its history line and
    /// notification. `None` when the offer is not open (answered meanwhile):
    /// then nothing is written.
    pub async fn answer_joint(&self, a: &NewCustomerAnswer<'_>, effects: &SideEffects<'_>) -> StoreResult<Option<JointCommitment>> {
        let mut tx = self.begin().await?;
        let n = on_tx!(self, tx, c => sqlx::query(
            "UPDATE joint_commitments SET answer = $1, answer_reason = $2, answered_name = $3, answered_at = $4, answered_via = $5, \
             version = version + 1 WHERE org_id = $6 AND plan_id = $7 AND node_id = $8 AND answer = 'open'")
            .bind(a.answer.as_str()).bind(a.reason).bind(a.name).bind(now()).bind(a.link).bind(a.org).bind(a.plan).bind(a.node)
            .execute(c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Ok(None);
        }
        self.side_effects(&mut tx, a.org, a.plan, "node", Some(a.node.get()), effects).await?;
        tx.commit().await?;
        self.joint_commitment(a.org, a.node).await.map(Some)
    }

    // --- comments from share links ------------------------------------------------------

    /// Stores a visitor's comment with its history line and notification.
    pub async fn add_customer_comment(&self, c: &NewCustomerComment<'_>, effects: &SideEffects<'_>) -> StoreResult<CustomerComment> {
        let target_id = c.target.id().unwrap_or(c.plan.get());
        let mut tx = self.begin().await?;
        let id: CustomerCommentId = on_tx!(self, tx, x => sqlx::query_scalar(
            "INSERT INTO customer_comments (org_id, plan_id, share_link_id, target_kind, target_id, author_name, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
            .bind(c.org).bind(c.plan).bind(c.link).bind(c.target.kind()).bind(target_id).bind(c.author_name).bind(c.body).bind(now())
            .fetch_one(x).await)?;
        self.side_effects(&mut tx, c.org, c.plan, c.target.kind(), Some(target_id), effects).await?;
        tx.commit().await?;
        self.customer_comment(c.org, id).await
    }

    pub async fn customer_comment(&self, org: OrgId, id: CustomerCommentId) -> StoreResult<CustomerComment> {
        let sql = sqlx::AssertSqlSafe(format!("{CUSTOMER_COMMENT_SELECT} WHERE k.org_id = $1 AND k.id = $2"));
        let r: Option<CustomerComment> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?;
        r.found()
    }

    /// Every comment the customer wrote on a plan, through any link, oldest first.
    pub async fn customer_comments(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<CustomerComment>> {
        let sql =
            sqlx::AssertSqlSafe(format!("{CUSTOMER_COMMENT_SELECT} WHERE k.org_id = $1 AND k.plan_id = $2 ORDER BY k.created_at, k.id"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    /// What a link's visitors may read: the comments written through that link,
    /// and those the team marked customer-visible. Oldest first.
    pub async fn customer_comments_for_link(&self, org: OrgId, plan: PlanId, link: ShareLinkId) -> StoreResult<Vec<CustomerComment>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "{CUSTOMER_COMMENT_SELECT} WHERE k.org_id = $1 AND k.plan_id = $2 AND (k.share_link_id = $3 OR k.customer_visible) \
             ORDER BY k.created_at, k.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).bind(link).fetch_all(p).await)?)
    }

    /// Shows a visitor's comment to every link's visitors, or only to its own link's again.
    pub async fn set_customer_comment_visible(&self, org: OrgId, id: CustomerCommentId, visible: bool) -> StoreResult<CustomerComment> {
        let n = on_pool!(self, p => sqlx::query("UPDATE customer_comments SET customer_visible = $1 WHERE org_id = $2 AND id = $3")
            .bind(visible).bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        self.customer_comment(org, id).await
    }

    /// A plan's discussion in one query: the team's comments and the customer's,
    /// each oldest first.
    pub async fn plan_comments(&self, org: OrgId, plan: PlanId) -> StoreResult<(Vec<Comment>, Vec<CustomerComment>)> {
        const SQL: &str = "SELECT 'team' AS source, c.id AS id, c.plan_id, c.target_kind, c.target_id, c.author_id, u.name AS author_name, c.body, \
            c.created_at AS created_at, CAST(NULL AS BIGINT) AS share_link_id, CAST(NULL AS TEXT) AS link_label, FALSE AS customer_visible \
            FROM comments c JOIN users u ON u.id = c.author_id WHERE c.org_id = $1 AND c.plan_id = $2 \
            UNION ALL SELECT 'customer', k.id, k.plan_id, k.target_kind, k.target_id, CAST(NULL AS BIGINT), k.author_name, k.body, \
            k.created_at, k.share_link_id, s.label, k.customer_visible \
            FROM customer_comments k JOIN share_links s ON s.id = k.share_link_id WHERE k.org_id = $1 AND k.plan_id = $2 \
            ORDER BY created_at, id";
        let rows: Vec<DiscussionRow> = on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(plan).fetch_all(p).await)?;
        let (mut team, mut customer) = (Vec::new(), Vec::new());
        for r in rows {
            match (r.source.as_str(), r.author_id, r.share_link_id) {
                ("team", Some(author_id), _) => team.push(Comment {
                    id: keyplan_domain::CommentId::new(r.id),
                    plan_id: r.plan_id,
                    target_kind: r.target_kind,
                    target_id: r.target_id,
                    author_id,
                    author_name: r.author_name,
                    body: r.body,
                    created_at: r.created_at,
                }),
                (_, _, Some(link)) => customer.push(CustomerComment {
                    id: CustomerCommentId::new(r.id),
                    plan_id: r.plan_id,
                    share_link_id: link,
                    link_label: r.link_label.unwrap_or_default(),
                    target_kind: r.target_kind,
                    target_id: r.target_id,
                    author_name: r.author_name,
                    body: r.body,
                    customer_visible: r.customer_visible,
                    created_at: r.created_at,
                }),
                _ => {}
            }
        }
        Ok((team, customer))
    }

    // --- evidence for the excellence ladder ---------------------------------------------

    /// The facts about one plan's customer involvement, in one statement:
    /// openings of its links by visitors (not by the team), held customer
    /// reviews, customer comments, and the customer's answers to joint
    /// commitments with those accepted and now overdue (due before `today`,
    /// neither done nor missed) or missed.
    pub async fn customer_evidence(&self, org: OrgId, plan: PlanId, today: Date) -> StoreResult<CustomerEvidence> {
        const SQL: &str = "SELECT \
            (SELECT MAX(o.opened_at) FROM share_link_openings o JOIN share_links s ON s.id = o.share_link_id \
              WHERE s.org_id = $1 AND s.plan_id = $2 AND NOT o.by_team) AS last_link_open, \
            (SELECT MAX(r.review_date) FROM reviews r WHERE r.org_id = $1 AND r.plan_id = $2 AND r.kind = 'customer' \
              AND r.held_at IS NOT NULL) AS last_customer_review, \
            (SELECT MAX(r.review_date) FROM reviews r WHERE r.org_id = $1 AND r.plan_id = $2 AND r.kind = 'customer' \
              AND r.held_at IS NOT NULL AND r.decisions IS NOT NULL AND TRIM(r.decisions) <> '') AS last_decisions, \
            (SELECT COUNT(*) FROM customer_comments k WHERE k.org_id = $1 AND k.plan_id = $2) AS comments, \
            (SELECT MAX(k.created_at) FROM customer_comments k WHERE k.org_id = $1 AND k.plan_id = $2) AS last_comment, \
            (SELECT COUNT(*) FROM joint_commitments j WHERE j.org_id = $1 AND j.plan_id = $2 AND j.answer = 'open') AS joint_open, \
            (SELECT COUNT(*) FROM joint_commitments j WHERE j.org_id = $1 AND j.plan_id = $2 AND j.answer = 'accepted') AS joint_accepted, \
            (SELECT COUNT(*) FROM joint_commitments j WHERE j.org_id = $1 AND j.plan_id = $2 AND j.answer = 'declined') AS joint_declined, \
            (SELECT COUNT(*) FROM joint_commitments j JOIN nodes n ON n.id = j.node_id WHERE j.org_id = $1 AND j.plan_id = $2 \
              AND j.answer = 'accepted' AND n.due_date < $3 AND (n.status IS NULL OR n.status NOT IN ('done', 'missed'))) AS overdue, \
            (SELECT COUNT(*) FROM joint_commitments j JOIN nodes n ON n.id = j.node_id WHERE j.org_id = $1 AND j.plan_id = $2 \
              AND j.answer = 'accepted' AND n.status = 'missed') AS missed";
        #[derive(sqlx::FromRow)]
        struct Row {
            last_link_open: Option<OffsetDateTime>,
            last_customer_review: Option<Date>,
            last_decisions: Option<Date>,
            comments: i64,
            last_comment: Option<OffsetDateTime>,
            joint_open: i64,
            joint_accepted: i64,
            joint_declined: i64,
            overdue: i64,
            missed: i64,
        }
        let r: Row = on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(plan).bind(today).fetch_one(p).await)?;
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        let day = |t: OffsetDateTime| t.to_offset(time::UtcOffset::UTC).date();
        Ok(CustomerEvidence {
            last_link_open: r.last_link_open.map(day),
            last_customer_review: r.last_customer_review,
            last_customer_review_with_decisions: r.last_decisions,
            customer_comments: count(r.comments),
            last_customer_comment: r.last_comment.map(day),
            joint_open: count(r.joint_open),
            joint_accepted: count(r.joint_accepted),
            joint_declined: count(r.joint_declined),
            joint_accepted_overdue: count(r.overdue),
            joint_accepted_missed: count(r.missed),
        })
    }

    // --- the history line and notification of a write ------------------------------------

    /// Writes a history line and the notification, if any, inside `tx`.
    async fn side_effects(
        &self,
        tx: &mut Tx,
        org: OrgId,
        plan: PlanId,
        target_kind: &str,
        target_id: Option<i64>,
        e: &SideEffects<'_>,
    ) -> StoreResult<()> {
        on_tx!(self, *tx, c => sqlx::query(
            "INSERT INTO activity (org_id, plan_id, actor_id, action, target_kind, target_id, summary, message_code, message_args, at) \
             VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9)")
            .bind(org).bind(plan).bind(e.actor).bind(e.action).bind(target_kind).bind(target_id)
            .bind(&e.history.code).bind(args_json(e.history)).bind(now())
            .execute(c).await.map(|r| r.rows_affected()))?;
        if let Some(n) = &e.notify {
            on_tx!(self, *tx, c => sqlx::query(
                "INSERT INTO notifications (org_id, user_id, kind, plan_id, message, message_code, message_args, link, dedupe_key, created_at) \
                 VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9) ON CONFLICT (user_id, dedupe_key) DO NOTHING")
                .bind(n.org).bind(n.user).bind(n.kind).bind(n.plan).bind(&n.message.code).bind(args_json(n.message))
                .bind(n.link).bind(n.dedupe_key).bind(now())
                .execute(c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }
}
