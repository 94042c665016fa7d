//! Working together on a plan: comments, the activity history, in-app
//! notifications (with reminders kept from repeating by a dedupe key) and each
//! user's secret calendar feed.

use keyplan_domain::review::ReviewKind;
use keyplan_domain::tree::CommitmentStatus;
use std::collections::BTreeMap;

use keyplan_domain::{CommentId, Lang, Message, MsgArg, NodeId, NotificationId, OrgId, PlanId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, Ts, now, on_pool};

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Comment {
    pub id: CommentId,
    pub plan_id: PlanId,
    pub target_kind: String,
    pub target_id: i64,
    pub author_id: UserId,
    pub author_name: String,
    pub body: String,
    pub created_at: OffsetDateTime,
}

/// One entry of a plan's history. `at` is kept as fixed-width UTC text
/// (`2026-03-15T09:30:00.250000Z`) on both databases.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Activity {
    pub id: i64,
    pub plan_id: PlanId,
    pub actor_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    /// What happened, by code: the Fluent id and its arguments (see [`Activity::message`]).
    pub message_code: String,
    #[sqlx(try_from = "String")]
    pub message_args: MessageArgs,
    pub at: OffsetDateTime,
}

impl Activity {
    /// What happened, to be written in the reader's language.
    pub fn message(&self) -> Message {
        Message { code: self.message_code.clone(), args: self.message_args.0.clone() }
    }
}

/// A stored message's arguments, read from their JSON column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct MessageArgs(pub BTreeMap<String, MsgArg>);

impl TryFrom<String> for MessageArgs {
    type Error = serde_json::Error;
    fn try_from(json: String) -> Result<Self, Self::Error> {
        serde_json::from_str(&json).map(MessageArgs)
    }
}

/// The JSON that [`MessageArgs`] reads back.
pub(crate) fn args_json(m: &Message) -> String {
    serde_json::to_string(&m.args).unwrap_or_else(|_| "{}".into())
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Notification {
    pub id: NotificationId,
    pub user_id: UserId,
    pub kind: String,
    pub plan_id: Option<PlanId>,
    pub message_code: String,
    #[sqlx(try_from = "String")]
    pub message_args: MessageArgs,
    pub link: String,
    pub created_at: OffsetDateTime,
    pub read_at: Option<OffsetDateTime>,
}

impl Notification {
    /// What the notification says, to be written in the reader's language.
    pub fn message(&self) -> Message {
        Message { code: self.message_code.clone(), args: self.message_args.0.clone() }
    }
}

/// A notification to create; `dedupe_key` makes the insert idempotent per user.
#[derive(Clone, Debug)]
pub struct NewNotification<'a> {
    pub org: OrgId,
    pub user: UserId,
    pub kind: &'a str,
    pub plan: Option<PlanId>,
    pub message: &'a Message,
    pub link: &'a str,
    pub dedupe_key: Option<&'a str>,
}

/// A notification not yet mailed, with where to send it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Unmailed {
    pub id: NotificationId,
    pub kind: String,
    pub email: String,
    pub name: String,
    pub message_code: String,
    #[sqlx(try_from = "String")]
    pub message_args: MessageArgs,
    pub link: String,
    /// The recipient's language, when they chose one.
    pub language: Option<Lang>,
}

impl Unmailed {
    /// What the notification says, to be written in the recipient's language.
    pub fn message(&self) -> Message {
        Message { code: self.message_code.clone(), args: self.message_args.0.clone() }
    }
}

/// An accepted, unfinished commitment with its due date (for reminders and feeds).
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct DueCommitment {
    pub id: NodeId,
    pub org_id: OrgId,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub title: String,
    pub owner_id: UserId,
    pub due_date: Date,
    pub done_criterion: Option<String>,
    pub status: Option<CommitmentStatus>,
}

/// A review someone takes part in (or, for plans without a scheduled review, the
/// plan's next review date and its account owner: `review_id` and `kind` are then none).
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct ReviewDate {
    pub review_id: Option<i64>,
    pub org_id: OrgId,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub kind: Option<ReviewKind>,
    pub review_date: Date,
    pub user_id: UserId,
}

/// Fixed-width UTC text, the same on both databases (sorts as text).
const COMMENT_COLUMNS: &str = "c.id, c.plan_id, c.target_kind, c.target_id, c.author_id, u.name AS author_name, c.body, c.created_at";
const NOTIFICATION_COLUMNS: &str = "id, user_id, kind, plan_id, message_code, message_args, link, created_at, read_at";

impl Store {
    // --- comments ---------------------------------------------------------------------

    /// Adds a comment on the plan or one of its items (the caller checks the target).
    pub async fn add_comment(
        &self,
        org: OrgId,
        plan: PlanId,
        target_kind: &str,
        target_id: i64,
        author: UserId,
        body: &str,
    ) -> StoreResult<Comment> {
        self.plan(org, plan).await?;
        let id: CommentId = on_pool!(self, p => sqlx::query_scalar(
            "INSERT INTO comments (org_id, plan_id, target_kind, target_id, author_id, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
            .bind(org).bind(plan).bind(target_kind).bind(target_id).bind(author).bind(body).bind(now()).fetch_one(p).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COMMENT_COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id WHERE c.org_id = $1 AND c.id = $2"
        ));
        let c: Option<Comment> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?;
        c.found()
    }

    /// A plan's comments, oldest first.
    pub async fn comments(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<Comment>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COMMENT_COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id \
             WHERE c.org_id = $1 AND c.plan_id = $2 ORDER BY c.created_at, c.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    // --- activity ---------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    pub async fn record_activity(
        &self,
        org: OrgId,
        plan: PlanId,
        actor: Option<UserId>,
        action: &str,
        target_kind: &str,
        target_id: Option<i64>,
        message: &Message,
    ) -> StoreResult<()> {
        // `summary` holds the English text of rows from before migration 0007 only.
        on_pool!(self, p => sqlx::query(
            "INSERT INTO activity (org_id, plan_id, actor_id, action, target_kind, target_id, summary, message_code, message_args, at) \
             VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9)")
            .bind(org).bind(plan).bind(actor).bind(action).bind(target_kind).bind(target_id)
            .bind(&message.code).bind(args_json(message)).bind(now())
            .execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// A plan's history, newest first; `limit` none: all of it.
    pub async fn activity(&self, org: OrgId, plan: PlanId, limit: Option<i64>) -> StoreResult<Vec<Activity>> {
        const SQL: &str = "SELECT a.id, a.plan_id, a.actor_id, u.name AS actor_name, a.action, a.target_kind, a.target_id, a.message_code, a.message_args, a.at \
            FROM activity a LEFT JOIN users u ON u.id = a.actor_id WHERE a.org_id = $1 AND a.plan_id = $2 ORDER BY a.at DESC, a.id DESC LIMIT $3";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(plan).bind(limit.unwrap_or(i64::MAX)).fetch_all(p).await)?)
    }

    // --- notifications ----------------------------------------------------------------

    /// Creates a notification; with a dedupe key already used for this user it
    /// changes nothing and answers false.
    pub async fn notify(&self, n: &NewNotification<'_>) -> StoreResult<bool> {
        // `message` holds the English text of rows from before migration 0007 only.
        let rows = on_pool!(self, p => sqlx::query(
            "INSERT INTO notifications (org_id, user_id, kind, plan_id, message, message_code, message_args, link, dedupe_key, created_at) \
             VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9) ON CONFLICT (user_id, dedupe_key) DO NOTHING")
            .bind(n.org).bind(n.user).bind(n.kind).bind(n.plan).bind(&n.message.code).bind(args_json(n.message))
            .bind(n.link).bind(n.dedupe_key).bind(now())
            .execute(p).await.map(|r| r.rows_affected()))?;
        Ok(rows > 0)
    }

    /// A user's notifications, unread first, then newest first.
    pub async fn notifications(&self, org: OrgId, user: UserId, limit: i64) -> StoreResult<Vec<Notification>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {NOTIFICATION_COLUMNS} FROM notifications WHERE org_id = $1 AND user_id = $2 \
             ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, created_at DESC, id DESC LIMIT $3"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(user).bind(limit).fetch_all(p).await)?)
    }

    pub async fn unread_notifications(&self, org: OrgId, user: UserId) -> StoreResult<i64> {
        Ok(on_pool!(self, p => sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE org_id = $1 AND user_id = $2 AND read_at IS NULL")
            .bind(org).bind(user).fetch_one(p).await)?)
    }

    /// Marks one of the user's notifications read (another user's: not found).
    pub async fn mark_notification_read(&self, org: OrgId, user: UserId, id: NotificationId) -> StoreResult<()> {
        let rows = on_pool!(self, p => sqlx::query(
            "UPDATE notifications SET read_at = COALESCE(read_at, $1) WHERE org_id = $2 AND user_id = $3 AND id = $4")
            .bind(now()).bind(org).bind(user).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if rows == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    pub async fn mark_all_notifications_read(&self, org: OrgId, user: UserId) -> StoreResult<u64> {
        Ok(on_pool!(self, p => sqlx::query(
            "UPDATE notifications SET read_at = $1 WHERE org_id = $2 AND user_id = $3 AND read_at IS NULL")
            .bind(now()).bind(org).bind(user).execute(p).await.map(|r| r.rows_affected()))?)
    }

    /// Notifications created after `since` and not yet mailed, of active users,
    /// oldest first. `since` keeps a server that turns mail on from sending
    /// weeks of old news.
    pub async fn unmailed_notifications(&self, since: time::OffsetDateTime, limit: i64) -> StoreResult<Vec<Unmailed>> {
        const SQL: &str = "SELECT n.id, n.kind, u.email, u.name, n.message_code, n.message_args, n.link, u.language FROM notifications n JOIN users u ON u.id = n.user_id \
            WHERE n.emailed_at IS NULL AND u.active AND n.created_at > $1 ORDER BY n.created_at, n.id LIMIT $2";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(Ts(since)).bind(limit).fetch_all(p).await)?)
    }

    pub async fn mark_notification_emailed(&self, id: NotificationId) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("UPDATE notifications SET emailed_at = $1 WHERE id = $2")
            .bind(now()).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    // --- reminders and calendar ----------------------------------------------------------

    /// Accepted, unfinished commitments due on or before `until`, in all organisations.
    pub async fn commitments_due_by(&self, until: Date) -> StoreResult<Vec<DueCommitment>> {
        const SQL: &str = "SELECT n.id, n.org_id, n.plan_id, p.title AS plan_title, n.title, n.owner_id, n.due_date, n.done_criterion, n.status \
            FROM nodes n JOIN plans p ON p.id = n.plan_id \
            WHERE n.kind = 'commitment' AND n.acceptance = 'accepted' AND n.status IN ('open', 'in_progress') \
            AND n.owner_id IS NOT NULL AND n.due_date IS NOT NULL AND n.due_date <= $1 ORDER BY n.due_date, n.id";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(until).fetch_all(p).await)?)
    }

    /// Reviews not yet held on or before `until`, once per taking-part user, and
    /// plans whose next review date falls by then, for the account owner.
    pub async fn reviews_due_by(&self, until: Date) -> StoreResult<Vec<ReviewDate>> {
        const SQL: &str = "SELECT r.id AS review_id, r.org_id, r.plan_id, p.title AS plan_title, r.kind, r.review_date, rp.user_id \
            FROM reviews r JOIN plans p ON p.id = r.plan_id JOIN review_participants rp ON rp.review_id = r.id \
            WHERE r.held_at IS NULL AND r.review_date <= $1 AND rp.user_id IS NOT NULL \
            UNION ALL \
            SELECT NULL AS review_id, p.org_id, p.id AS plan_id, p.title AS plan_title, NULL AS kind, p.next_review_date AS review_date, \
            a.owner_id AS user_id FROM plans p JOIN accounts a ON a.id = p.account_id \
            WHERE p.next_review_date IS NOT NULL AND p.next_review_date <= $1 AND a.owner_id IS NOT NULL AND p.status <> 'archived'";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(until).fetch_all(p).await)?)
    }

    /// A user's accepted commitments with a due date (any status), for the calendar.
    pub async fn accepted_commitments_of(&self, org: OrgId, user: UserId) -> StoreResult<Vec<DueCommitment>> {
        const SQL: &str = "SELECT n.id, n.org_id, n.plan_id, p.title AS plan_title, n.title, n.owner_id, n.due_date, n.done_criterion, n.status \
            FROM nodes n JOIN plans p ON p.id = n.plan_id \
            WHERE n.org_id = $1 AND n.owner_id = $2 AND n.kind = 'commitment' AND n.acceptance = 'accepted' AND n.due_date IS NOT NULL \
            ORDER BY n.due_date, n.id";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(user).fetch_all(p).await)?)
    }

    /// The reviews a user takes part in.
    pub async fn reviews_of(&self, org: OrgId, user: UserId) -> StoreResult<Vec<ReviewDate>> {
        const SQL: &str = "SELECT r.id AS review_id, r.org_id, r.plan_id, p.title AS plan_title, r.kind, r.review_date, rp.user_id \
            FROM reviews r JOIN plans p ON p.id = r.plan_id JOIN review_participants rp ON rp.review_id = r.id \
            WHERE r.org_id = $1 AND rp.user_id = $2 ORDER BY r.review_date, r.id";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(user).fetch_all(p).await)?)
    }

    /// Sets (or replaces) the user's calendar feed token; the old one stops working.
    pub async fn set_calendar_feed(&self, org: OrgId, user: UserId, token_hash: &str) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query(
            "INSERT INTO calendar_feeds (user_id, org_id, token_hash, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at")
            .bind(user).bind(org).bind(token_hash).bind(now()).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn delete_calendar_feed(&self, org: OrgId, user: UserId) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM calendar_feeds WHERE org_id = $1 AND user_id = $2")
            .bind(org).bind(user).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// When the user's feed was created, if they have one.
    pub async fn calendar_feed_created(&self, org: OrgId, user: UserId) -> StoreResult<Option<OffsetDateTime>> {
        Ok(on_pool!(self, p => sqlx::query_scalar("SELECT created_at FROM calendar_feeds WHERE org_id = $1 AND user_id = $2")
            .bind(org).bind(user).fetch_optional(p).await)?)
    }

    /// The active user (and organisation) a feed token belongs to.
    pub async fn calendar_feed_user(&self, token_hash: &str) -> StoreResult<Option<(OrgId, UserId)>> {
        Ok(on_pool!(self, p => sqlx::query_as(
            "SELECT f.org_id, f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1 AND u.active")
            .bind(token_hash).fetch_optional(p).await)?)
    }
}
