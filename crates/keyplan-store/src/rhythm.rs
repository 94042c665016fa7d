//! Plans in the business rhythm (issue 17): the plans whose KAM may be due an
//! update reminder, the reminders sent (one per plan and interval, kept in
//! `plan_update_reminders` so that any number of servers send each once), and
//! the managers' quality ratings of plans at held management reviews.

use keyplan_domain::plan::PlanStatus;
use keyplan_domain::{OrgId, PlanId, ReviewId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::collab::{NewNotification, args_json};
use crate::reviews::UPDATE_FACTS;
use crate::{Store, StoreResult, now, on_pool, on_tx};

/// A plan not archived, with its KAM and what its update interval reads.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UpdateFacts {
    pub org_id: OrgId,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub status: PlanStatus,
    /// The plan's KAM: the account's owner, else whoever made the plan.
    pub kam_id: Option<UserId>,
    pub last_held: Option<Date>,
    pub plan_updated_at: OffsetDateTime,
    pub last_activity: Option<OffsetDateTime>,
    pub update_interval_days: i32,
}

impl UpdateFacts {
    /// The day of the plan's latest update.
    pub fn last_update(&self) -> Date {
        crate::reviews::last_update(self.plan_updated_at, self.last_activity)
    }
}

/// A manager's rating of a plan's quality at a held management review.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize)]
pub struct Rating {
    pub id: i64,
    pub plan_id: PlanId,
    pub review_id: ReviewId,
    pub score: i32,
    /// The scale the score was given on, and the step's label, as they were then.
    pub scale_min: i32,
    pub scale_max: i32,
    pub label: String,
    pub comment: String,
    /// The coach's score and level at the moment of rating.
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    pub rated_by: Option<UserId>,
    pub rated_by_name: Option<String>,
    pub rated_at: OffsetDateTime,
}

/// A rating to store.
#[derive(Clone, Debug)]
pub struct NewRating<'a> {
    pub plan: PlanId,
    pub review: ReviewId,
    pub score: i32,
    pub scale_min: i32,
    pub scale_max: i32,
    pub label: &'a str,
    pub comment: &'a str,
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    pub rated_by: UserId,
}

const RATING_COLUMNS: &str = "g.id, g.plan_id, g.review_id, g.score, g.scale_min, g.scale_max, g.label, g.comment, g.coach_score, \
    g.coach_level, g.rated_by, u.name AS rated_by_name, g.rated_at";

impl Store {
    /// Every plan not archived, of every organisation, with its update facts
    /// (one statement: for the hourly reminders).
    pub async fn update_facts(&self) -> StoreResult<Vec<UpdateFacts>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT p.org_id, p.id AS plan_id, p.title AS plan_title, p.status, COALESCE(a.owner_id, p.created_by) AS kam_id, \
             (SELECT MAX(r.review_date) FROM reviews r WHERE r.plan_id = p.id AND r.held_at IS NOT NULL) AS last_held, {UPDATE_FACTS} \
             FROM plans p JOIN accounts a ON a.id = p.account_id JOIN organisations o ON o.id = p.org_id \
             WHERE p.status <> 'archived' ORDER BY p.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).fetch_all(p).await)?)
    }

    /// Records the update reminder of `plan` for the interval ending on
    /// `interval_end` and creates its notification, in one transaction; does
    /// nothing when that interval's reminder was sent already. Answers whether
    /// it was sent now.
    pub async fn send_update_reminder(&self, plan: PlanId, interval_end: Date, n: &NewNotification<'_>) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let at = now();
        let inserted = on_tx!(self, tx, c => sqlx::query(
            "INSERT INTO plan_update_reminders (org_id, plan_id, user_id, interval_end, sent_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (plan_id, interval_end) DO NOTHING")
            .bind(n.org).bind(plan).bind(n.user).bind(interval_end).bind(at).execute(c).await.map(|r| r.rows_affected()))?;
        if inserted == 0 {
            return Ok(false);
        }
        on_tx!(self, tx, c => sqlx::query(
            "INSERT INTO notifications (org_id, user_id, kind, plan_id, message, message_code, message_args, link, dedupe_key, created_at) \
             VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9) ON CONFLICT (user_id, dedupe_key) DO NOTHING")
            .bind(n.org).bind(n.user).bind(n.kind).bind(n.plan).bind(&n.message.code).bind(args_json(n.message))
            .bind(n.link).bind(n.dedupe_key).bind(at)
            .execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    /// The update reminders sent for a plan: the last days of their intervals, oldest first.
    pub async fn update_reminders(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<(UserId, Date)>> {
        Ok(on_pool!(self, p => sqlx::query_as(
            "SELECT user_id, interval_end FROM plan_update_reminders WHERE org_id = $1 AND plan_id = $2 ORDER BY interval_end, id")
            .bind(org).bind(plan).fetch_all(p).await)?)
    }

    /// Stores a rating; a second rating of the same review is refused as a
    /// unique violation ([`crate::StoreError::is_unique_violation`]).
    pub async fn add_rating(&self, org: OrgId, r: &NewRating<'_>) -> StoreResult<Rating> {
        let (id,): (i64,) = on_pool!(self, p => sqlx::query_as(
            "INSERT INTO plan_ratings (org_id, plan_id, review_id, score, scale_min, scale_max, label, comment, coach_score, coach_level, \
             rated_by, rated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id")
            .bind(org).bind(r.plan).bind(r.review).bind(r.score).bind(r.scale_min).bind(r.scale_max).bind(r.label).bind(r.comment)
            .bind(r.coach_score).bind(r.coach_level).bind(r.rated_by).bind(now()).fetch_one(p).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {RATING_COLUMNS} FROM plan_ratings g LEFT JOIN users u ON u.id = g.rated_by WHERE g.org_id = $1 AND g.id = $2"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_one(p).await)?)
    }

    /// A plan's ratings, newest first.
    pub async fn ratings(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<Rating>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {RATING_COLUMNS} FROM plan_ratings g LEFT JOIN users u ON u.id = g.rated_by \
             WHERE g.org_id = $1 AND g.plan_id = $2 ORDER BY g.rated_at DESC, g.id DESC"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }
}
