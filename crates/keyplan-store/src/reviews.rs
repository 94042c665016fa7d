//! Reviews of a plan, who takes part in them, the plan's review schedule, and the
//! frozen snapshots a held review keeps. A snapshot is written once and never
//! updated: there is no function here that changes one.

use keyplan_domain::plan::PlanStatus;
use keyplan_domain::review::{ReviewKind, Signoff};
use keyplan_domain::{AccountId, ContactId, OrgId, PlanId, ReviewId, SnapshotId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{CoachMark, Store, StoreError, StoreResult, now, on_pool, on_tx};

#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Review {
    pub id: ReviewId,
    pub plan_id: PlanId,
    pub kind: ReviewKind,
    pub review_date: Date,
    pub notes: Option<String>,
    pub decisions: Option<String>,
    #[serde(deserialize_with = "crate::json_rows::opt_ts", default)]
    pub held_at: Option<OffsetDateTime>,
    pub snapshot_id: Option<SnapshotId>,
    pub signoff: Option<Signoff>,
    pub signoff_comment: Option<String>,
    pub signoff_by: Option<UserId>,
    #[serde(deserialize_with = "crate::json_rows::opt_ts", default)]
    pub signoff_at: Option<OffsetDateTime>,
    /// The coach's score (one decimal) when the review was held.
    pub coach_score: Option<f64>,
    /// The plan's excellence level (1 to 5) when the review was held.
    pub coach_level: Option<i32>,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    pub created_by: Option<UserId>,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
}

impl Review {
    pub fn kind(&self) -> ReviewKind {
        self.kind
    }
    pub fn signoff(&self) -> Option<Signoff> {
        self.signoff
    }
    pub fn is_held(&self) -> bool {
        self.held_at.is_some()
    }
}

/// What the team writes on a review: its date, notes and decisions.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewText {
    pub review_date: Date,
    pub notes: Option<String>,
    pub decisions: Option<String>,
}

/// One participant: one of our users or a customer contact.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Participant {
    pub id: i64,
    pub review_id: ReviewId,
    pub user_id: Option<UserId>,
    pub contact_id: Option<ContactId>,
}

/// A snapshot without its data, for lists.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct SnapshotInfo {
    pub id: SnapshotId,
    pub plan_id: PlanId,
    pub label: String,
    pub taken_at: OffsetDateTime,
    pub taken_by: Option<UserId>,
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Snapshot {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub info: SnapshotInfo,
    /// The plan as JSON (`keyplan_domain::snapshot::PlanSnapshot`).
    pub data: String,
}

/// How often a plan is reviewed, when next, and when it last was.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct ReviewSchedule {
    pub plan_id: PlanId,
    pub account_id: keyplan_domain::AccountId,
    pub status: PlanStatus,
    pub period_start: Date,
    pub review_cadence_months: i32,
    pub next_review_date: Option<Date>,
    pub last_held: Option<Date>,
    /// When the plan's own fields last changed.
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub plan_updated_at: OffsetDateTime,
    /// The latest change recorded in the plan's history (its tree, sections, items…).
    #[serde(deserialize_with = "crate::json_rows::opt_ts", default)]
    pub last_activity: Option<OffsetDateTime>,
    /// The organisation's `update_interval_days`.
    pub update_interval_days: i32,
}

impl ReviewSchedule {
    /// The day of the plan's latest update: its own fields or anything in its history.
    pub fn last_update(&self) -> Date {
        last_update(self.plan_updated_at, self.last_activity)
    }
}

/// The day of a plan's latest update (UTC), from its own `updated_at` and its history's latest entry.
pub fn last_update(plan_updated_at: OffsetDateTime, last_activity: Option<OffsetDateTime>) -> Date {
    last_activity.map_or(plan_updated_at, |a| a.max(plan_updated_at)).to_offset(time::UtcOffset::UTC).date()
}

/// The columns that give a plan's last update and the organisation's update
/// interval, for a query over `plans p JOIN organisations o ON o.id = p.org_id`.
pub(crate) const UPDATE_FACTS: &str = "p.updated_at AS plan_updated_at, \
    (SELECT MAX(ac.at) FROM activity ac WHERE ac.plan_id = p.id) AS last_activity, o.update_interval_days";

pub(crate) const COLUMNS: &str = "id, plan_id, kind, review_date, notes, decisions, held_at, snapshot_id, signoff, signoff_comment, signoff_by, signoff_at, \
    coach_score, coach_level, version, created_at, created_by, updated_at";
const SNAP_INFO: &str = "id, plan_id, label, taken_at, taken_by";
pub(crate) const SCHEDULE_COLUMNS: &str = "p.id AS plan_id, p.account_id, p.status, p.period_start, p.review_cadence_months, p.next_review_date, \
    (SELECT MAX(r.review_date) FROM reviews r WHERE r.plan_id = p.id AND r.held_at IS NOT NULL) AS last_held, \
    p.updated_at AS plan_updated_at, (SELECT MAX(ac.at) FROM activity ac WHERE ac.plan_id = p.id) AS last_activity, \
    o.update_interval_days";
const SCHEDULE_FROM: &str = "FROM plans p JOIN organisations o ON o.id = p.org_id";

impl Store {
    /// The plan's reviews, latest date first.
    pub async fn reviews(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<Review>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews WHERE org_id = $1 AND plan_id = $2 ORDER BY review_date DESC, id DESC"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    pub async fn review(&self, org: OrgId, id: ReviewId) -> StoreResult<Review> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM reviews WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// The organisation a review belongs to. Unscoped: for the command line only.
    pub async fn review_org(&self, id: ReviewId) -> StoreResult<OrgId> {
        let row: Option<(OrgId,)> =
            on_pool!(self, p => sqlx::query_as("SELECT org_id FROM reviews WHERE id = $1").bind(id).fetch_optional(p).await)?;
        row.map(|r| r.0).found()
    }

    pub async fn create_review(
        &self,
        org: OrgId,
        plan: PlanId,
        kind: ReviewKind,
        date: Date,
        actor: Option<UserId>,
    ) -> StoreResult<Review> {
        self.plan(org, plan).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO reviews (org_id, plan_id, kind, review_date, created_at, created_by, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $5, $6) RETURNING {COLUMNS}"
        ));
        Ok(
            on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).bind(kind.as_str()).bind(date).bind(now()).bind(actor).fetch_one(p).await)?,
        )
    }

    /// Rewrites date, notes and decisions of a review last read at `version`.
    pub async fn update_review(&self, org: OrgId, id: ReviewId, version: i64, text: &ReviewText, actor: UserId) -> StoreResult<Review> {
        let (date, notes, decisions) = (text.review_date, text.notes.as_deref(), text.decisions.as_deref());
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE reviews SET review_date = $1, notes = $2, decisions = $3, version = version + 1, updated_at = $4, updated_by = $5 \
             WHERE org_id = $6 AND id = $7 AND version = $8 RETURNING {COLUMNS}"
        ));
        let row: Option<Review> = on_pool!(self, p => sqlx::query_as(sql).bind(date).bind(notes).bind(decisions).bind(now()).bind(actor)
            .bind(org).bind(id).bind(version).fetch_optional(p).await)?;
        match row {
            Some(r) => Ok(r),
            None => Err(StoreError::Conflict { current: self.review(org, id).await?.version }),
        }
    }

    pub async fn delete_review(&self, org: OrgId, id: ReviewId) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM reviews WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    /// Holds a review: stores the snapshot (`data`, JSON) and the coach's mark of
    /// the plan as it is now, marks the review held and moves the plan's next
    /// review date, all or nothing. A review is held once.
    #[allow(clippy::too_many_arguments)]
    pub async fn hold_review(
        &self,
        org: OrgId,
        id: ReviewId,
        version: i64,
        data: &str,
        coach: Option<CoachMark>,
        next_review: Date,
        actor: Option<UserId>,
    ) -> StoreResult<Review> {
        let current = self.review(org, id).await?;
        if current.is_held() {
            return Err(StoreError::invalid("held_at", keyplan_domain::Message::new("err-review-held")));
        }
        if current.version != version {
            return Err(StoreError::Conflict { current: current.version });
        }
        let label = format!("{} {}", current.kind().label(), current.review_date);
        let at = now();
        let mut tx = self.begin().await?;
        let (snap,): (SnapshotId,) = on_tx!(self, tx, c => sqlx::query_as(
            "INSERT INTO plan_snapshots (org_id, plan_id, label, data, taken_at, taken_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(org).bind(current.plan_id).bind(&label).bind(data).bind(at).bind(actor).fetch_one(c).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE reviews SET held_at = $1, snapshot_id = $2, version = version + 1, updated_at = $1, updated_by = $3, \
             coach_score = $7, coach_level = $8 WHERE org_id = $4 AND id = $5 AND version = $6 AND held_at IS NULL RETURNING {COLUMNS}"
        ));
        let (score, level) = (coach.map(|c| c.score), coach.map(|c| c.level));
        let row: Option<Review> = on_tx!(self, tx, c => sqlx::query_as(sql).bind(at).bind(snap).bind(actor).bind(org).bind(id).bind(version)
            .bind(score).bind(level).fetch_optional(c).await)?;
        let Some(review) = row else {
            return Err(StoreError::Conflict { current: self.review(org, id).await?.version });
        };
        on_tx!(self, tx, c => sqlx::query("UPDATE plans SET next_review_date = $1 WHERE org_id = $2 AND id = $3")
            .bind(next_review).bind(org).bind(current.plan_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(review)
    }

    /// Dates a held review, and the snapshot it froze, to `at`: for the demo,
    /// whose reviews were held weeks before the day it is loaded.
    pub async fn date_held_review(&self, org: OrgId, id: ReviewId, at: time::OffsetDateTime) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query(
            "UPDATE plan_snapshots SET taken_at = $1 WHERE org_id = $2 AND id = (SELECT snapshot_id FROM reviews WHERE org_id = $2 AND id = $3)")
            .bind(at).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("UPDATE reviews SET held_at = $1, updated_at = $1 WHERE org_id = $2 AND id = $3 AND held_at IS NOT NULL")
            .bind(at).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a manager's sign-off and sets the plan's status to match (approved, or
    /// back to active for changes), together.
    pub async fn signoff_review(
        &self,
        org: OrgId,
        id: ReviewId,
        version: i64,
        decision: Signoff,
        comment: Option<&str>,
        actor: UserId,
    ) -> StoreResult<Review> {
        let plan_status: PlanStatus = decision.plan_status();
        let at = now();
        let mut tx = self.begin().await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE reviews SET signoff = $1, signoff_comment = $2, signoff_by = $3, signoff_at = $4, version = version + 1, updated_at = $4, \
             updated_by = $3 WHERE org_id = $5 AND id = $6 AND version = $7 RETURNING {COLUMNS}"
        ));
        let row: Option<Review> = on_tx!(self, tx, c => sqlx::query_as(sql).bind(decision.as_str()).bind(comment).bind(actor).bind(at)
            .bind(org).bind(id).bind(version).fetch_optional(c).await)?;
        let Some(review) = row else {
            return Err(StoreError::Conflict { current: self.review(org, id).await?.version });
        };
        on_tx!(self, tx, c => sqlx::query(
            "UPDATE plans SET status = $1, version = version + 1, updated_at = $2, updated_by = $3 WHERE org_id = $4 AND id = $5")
            .bind(plan_status.as_str()).bind(at).bind(actor).bind(org).bind(review.plan_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(review)
    }

    pub async fn participants(&self, org: OrgId, review: ReviewId) -> StoreResult<Vec<Participant>> {
        Ok(on_pool!(self, p => sqlx::query_as(
            "SELECT id, review_id, user_id, contact_id FROM review_participants WHERE org_id = $1 AND review_id = $2 ORDER BY id")
            .bind(org).bind(review).fetch_all(p).await)?)
    }

    /// Adds a user or a contact (exactly one) unless already taking part.
    pub async fn add_participant(&self, org: OrgId, review: ReviewId, user: Option<UserId>, contact: Option<ContactId>) -> StoreResult<()> {
        self.check_participant(org, review, user, contact).await?;
        let existing = self.participants(org, review).await?;
        if existing.iter().any(|p| (user.is_some() && p.user_id == user) || (contact.is_some() && p.contact_id == contact)) {
            return Ok(());
        }
        on_pool!(self, p => sqlx::query("INSERT INTO review_participants (org_id, review_id, user_id, contact_id) VALUES ($1, $2, $3, $4)")
            .bind(org).bind(review).bind(user).bind(contact).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Whether `add_participant` would take this participant (one of us of the
    /// organisation, or a contact of the plan's account), without writing.
    pub async fn check_participant(
        &self,
        org: OrgId,
        review: ReviewId,
        user: Option<UserId>,
        contact: Option<ContactId>,
    ) -> StoreResult<()> {
        let r = self.review(org, review).await?;
        if let Some(u) = user {
            self.user(org, u).await.map_err(|_| StoreError::invalid("user_id", keyplan_domain::Message::new("err-not-org-user")))?;
        }
        if let Some(c) = contact {
            let plan = self.plan(org, r.plan_id).await?;
            match self.contact(org, c).await {
                Ok(found) if found.account_id == plan.account_id => {}
                _ => return Err(StoreError::invalid("contact_id", keyplan_domain::Message::new("err-not-account-contact"))),
            }
        }
        if user.is_some() == contact.is_some() {
            return Err(StoreError::invalid("user_id", keyplan_domain::Message::new("err-us-or-contact")));
        }
        Ok(())
    }

    pub async fn remove_participant(&self, org: OrgId, review: ReviewId, participant: i64) -> StoreResult<()> {
        let n = on_pool!(self, p => sqlx::query("DELETE FROM review_participants WHERE org_id = $1 AND review_id = $2 AND id = $3")
            .bind(org).bind(review).bind(participant).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
    }

    /// The plan's snapshots, oldest first.
    pub async fn snapshots(&self, org: OrgId, plan: PlanId) -> StoreResult<Vec<SnapshotInfo>> {
        let sql =
            sqlx::AssertSqlSafe(format!("SELECT {SNAP_INFO} FROM plan_snapshots WHERE org_id = $1 AND plan_id = $2 ORDER BY taken_at, id"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_all(p).await)?)
    }

    pub async fn snapshot(&self, org: OrgId, id: SnapshotId) -> StoreResult<Snapshot> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {SNAP_INFO}, data FROM plan_snapshots WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// Stores a snapshot taken outside a review (on demand, or by the demo).
    pub async fn create_snapshot(
        &self,
        org: OrgId,
        plan: PlanId,
        label: &str,
        data: &str,
        actor: Option<UserId>,
    ) -> StoreResult<SnapshotInfo> {
        self.plan(org, plan).await?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO plan_snapshots (org_id, plan_id, label, data, taken_at, taken_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {SNAP_INFO}"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).bind(label).bind(data).bind(now()).bind(actor).fetch_one(p).await)?)
    }

    pub async fn review_schedule(&self, org: OrgId, plan: PlanId) -> StoreResult<ReviewSchedule> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {SCHEDULE_COLUMNS} {SCHEDULE_FROM} WHERE p.org_id = $1 AND p.id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).fetch_optional(p).await)?.found()
    }

    /// Every plan's schedule in one query (the meeting's proposal reads them all).
    pub async fn review_schedules(&self, org: OrgId) -> StoreResult<Vec<ReviewSchedule>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {SCHEDULE_COLUMNS} {SCHEDULE_FROM} WHERE p.org_id = $1"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_all(p).await)?)
    }

    /// The schedules of the plans of `accounts` in one query: a list page marks
    /// its own rows' stale plans, without reading the whole organisation's.
    pub async fn review_schedules_of(&self, org: OrgId, accounts: &[AccountId]) -> StoreResult<Vec<ReviewSchedule>> {
        let ids = crate::id_list(accounts.iter().map(|a| a.get()));
        let sql = sqlx::AssertSqlSafe(format!("SELECT {SCHEDULE_COLUMNS} {SCHEDULE_FROM} WHERE p.org_id = $1 AND p.account_id IN ({ids})"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_all(p).await)?)
    }

    /// Sets how often the plan is reviewed and when next (checked against the plan's `version`).
    pub async fn set_review_schedule(
        &self,
        org: OrgId,
        plan: PlanId,
        version: i64,
        cadence_months: i32,
        next: Option<Date>,
        actor: UserId,
    ) -> StoreResult<ReviewSchedule> {
        let n = on_pool!(self, p => sqlx::query(
            "UPDATE plans SET review_cadence_months = $1, next_review_date = $2, version = version + 1, updated_at = $3, updated_by = $4 \
             WHERE org_id = $5 AND id = $6 AND version = $7")
            .bind(cadence_months).bind(next).bind(now()).bind(actor).bind(org).bind(plan).bind(version).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::Conflict { current: self.plan(org, plan).await?.version });
        }
        self.review_schedule(org, plan).await
    }
}
