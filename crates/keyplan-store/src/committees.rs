//! Management committee sessions: the date, the participants, the plans
//! chosen and each plan's outcome. Recording an outcome writes the plan's
//! history line and its KAM's notification in the same transaction.
//!
//! Every statement filters on the organisation; a session reads in three
//! statements however many plans it holds, and the list of sessions in one.

use keyplan_domain::committee::{Candidate, Outcome, OutcomeData};
use keyplan_domain::{CommitteeId, Message, OrgId, PlanId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{NewNotification, Store, StoreError, StoreResult, now, on_pool, on_tx};

/// A session as listed, with how far the committee got.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct CommitteeSummary {
    pub id: CommitteeId,
    pub held_on: Date,
    pub plans: i64,
    pub decided: i64,
    pub endorsed: i64,
    pub with_conditions: i64,
    pub sent_back: i64,
}

/// A participant of a session.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct CommitteeMember {
    pub user_id: UserId,
    pub name: String,
}

/// A plan of a session, with its account, KAM and outcome.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct CommitteePlan {
    pub plan_id: PlanId,
    pub position: i32,
    pub plan_title: String,
    pub account_id: keyplan_domain::AccountId,
    pub account_name: String,
    pub potential: Option<f64>,
    /// The plan's KAM: the account's owner, else whoever made the plan.
    pub kam_id: Option<UserId>,
    pub kam_name: Option<String>,
    #[serde(skip)]
    pub outcome_code: Option<String>,
    pub outcome_text: Option<String>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<OffsetDateTime>,
}

impl CommitteePlan {
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome_code.as_deref().and_then(Outcome::parse)
    }
}

/// A session with everything its page and its pack show.
#[derive(Clone, Debug, Serialize)]
pub struct Committee {
    pub id: CommitteeId,
    pub held_on: Date,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub participants: Vec<CommitteeMember>,
    pub plans: Vec<CommitteePlan>,
}

#[derive(sqlx::FromRow)]
struct Head {
    id: CommitteeId,
    held_on: Date,
    created_by: Option<UserId>,
    created_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    id: PlanId,
    title: String,
    potential: Option<f64>,
}

/// What plan statuses may go before the committee: neither drafts nor archived plans.
const LIVE: &str = "p.status IN ('active', 'in_review', 'approved')";

impl Store {
    /// Every live plan of the organisation with its account's potential, for the default choice.
    pub async fn committee_candidates(&self, org: OrgId) -> StoreResult<Vec<Candidate>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT p.id, p.title, a.potential FROM plans p JOIN accounts a ON a.id = p.account_id \
             WHERE p.org_id = $1 AND {LIVE} ORDER BY p.id"
        ));
        let rows: Vec<CandidateRow> = on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_all(p).await)?;
        Ok(rows.into_iter().map(|r| Candidate { plan: r.id, potential: r.potential, title: r.title }).collect())
    }

    /// Creates a session. Every participant must be a user of the organisation
    /// and every plan one of its plans, else a field error naming the list.
    pub async fn create_committee(
        &self,
        org: OrgId,
        held_on: Date,
        participants: &[UserId],
        plans: &[PlanId],
        actor: UserId,
    ) -> StoreResult<CommitteeId> {
        let mut tx = self.begin().await?;
        for (field, table, ids) in [
            ("participant_ids", "users", participants.iter().map(|u| u.get()).collect::<Vec<_>>()),
            ("plan_ids", "plans", plans.iter().map(|p| p.get()).collect()),
        ] {
            for id in ids {
                let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table} WHERE org_id = $1 AND id = $2"));
                let (n,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(sql).bind(org).bind(id).fetch_one(c).await)?;
                if n == 0 {
                    return Err(StoreError::invalid(field, Message::new("err-committee-unknown").arg("id", id.to_string())));
                }
            }
        }
        let (id,): (CommitteeId,) = on_tx!(self, tx, c => sqlx::query_as(
            "INSERT INTO committees (org_id, held_on, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(org).bind(held_on).bind(actor).bind(now()).fetch_one(c).await)?;
        for user in participants {
            on_tx!(self, tx, c => sqlx::query("INSERT INTO committee_participants (committee_id, org_id, user_id) VALUES ($1, $2, $3)")
                .bind(id).bind(org).bind(*user).execute(c).await.map(|r| r.rows_affected()))?;
        }
        for (i, plan) in plans.iter().enumerate() {
            on_tx!(self, tx, c => sqlx::query(
                "INSERT INTO committee_plans (committee_id, org_id, plan_id, position) VALUES ($1, $2, $3, $4)")
                .bind(id).bind(org).bind(*plan).bind(i as i32 + 1).execute(c).await.map(|r| r.rows_affected()))?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The organisation's sessions, newest first, with their outcome counts (one statement).
    pub async fn committees(&self, org: OrgId) -> StoreResult<Vec<CommitteeSummary>> {
        const SQL: &str = "SELECT c.id, c.held_on, COUNT(cp.plan_id) AS plans, COUNT(cp.outcome) AS decided, \
            COALESCE(SUM(CASE WHEN cp.outcome = 'endorsed' THEN 1 ELSE 0 END), 0) AS endorsed, \
            COALESCE(SUM(CASE WHEN cp.outcome = 'endorsed_with_conditions' THEN 1 ELSE 0 END), 0) AS with_conditions, \
            COALESCE(SUM(CASE WHEN cp.outcome = 'sent_back' THEN 1 ELSE 0 END), 0) AS sent_back \
            FROM committees c LEFT JOIN committee_plans cp ON cp.committee_id = c.id AND cp.org_id = c.org_id \
            WHERE c.org_id = $1 GROUP BY c.id, c.held_on ORDER BY c.held_on DESC, c.id DESC";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).fetch_all(p).await)?)
    }

    /// One session with its participants and plans (three statements side by side).
    pub async fn committee(&self, org: OrgId, id: CommitteeId) -> StoreResult<Committee> {
        const HEAD: &str = "SELECT id, held_on, created_by, created_at FROM committees WHERE org_id = $1 AND id = $2";
        const MEMBERS: &str = "SELECT u.id AS user_id, u.name FROM committee_participants cp JOIN users u ON u.id = cp.user_id \
            WHERE cp.org_id = $1 AND cp.committee_id = $2 ORDER BY LOWER(u.name), u.id";
        const PLANS: &str = "SELECT cp.plan_id, cp.position, p.title AS plan_title, a.id AS account_id, a.name AS account_name, \
            a.potential, COALESCE(a.owner_id, p.created_by) AS kam_id, u.name AS kam_name, cp.outcome AS outcome_code, \
            cp.outcome_text, cp.decided_by, cp.decided_at \
            FROM committee_plans cp JOIN plans p ON p.id = cp.plan_id JOIN accounts a ON a.id = p.account_id \
            LEFT JOIN users u ON u.id = COALESCE(a.owner_id, p.created_by) \
            WHERE cp.org_id = $1 AND cp.committee_id = $2 ORDER BY cp.position, cp.plan_id";
        let (head, participants, plans) = tokio::try_join!(
            async {
                on_pool!(self, p => sqlx::query_as::<_, Head>(HEAD).bind(org).bind(id).fetch_optional(p).await).map_err(StoreError::from)
            },
            async { on_pool!(self, p => sqlx::query_as(MEMBERS).bind(org).bind(id).fetch_all(p).await).map_err(StoreError::from) },
            async { on_pool!(self, p => sqlx::query_as(PLANS).bind(org).bind(id).fetch_all(p).await).map_err(StoreError::from) },
        )?;
        let head = head.found()?;
        Ok(Committee { id: head.id, held_on: head.held_on, created_by: head.created_by, created_at: head.created_at, participants, plans })
    }

    /// Records (or changes) the committee's outcome for one of its plans, with
    /// the plan's history line and, when given, the KAM's notification, in one
    /// transaction. A plan not in the session is not found.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_committee_outcome(
        &self,
        org: OrgId,
        id: CommitteeId,
        plan: PlanId,
        data: &OutcomeData,
        actor: UserId,
        history: &Message,
        notify: Option<&NewNotification<'_>>,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let n = on_tx!(self, tx, c => sqlx::query(
            "UPDATE committee_plans SET outcome = $1, outcome_text = $2, decided_by = $3, decided_at = $4 \
             WHERE org_id = $5 AND committee_id = $6 AND plan_id = $7")
            .bind(data.outcome.as_str()).bind(&data.text).bind(actor).bind(now()).bind(org).bind(id).bind(plan)
            .execute(c).await.map(|r| r.rows_affected()))?;
        (n == 1).then_some(()).found()?;
        self.history_line_tx(&mut tx, org, plan, actor, "committee", ("committee", id.get()), history).await?;
        if let Some(n) = notify {
            self.notify_tx(&mut tx, n).await?;
        }
        tx.commit().await
    }
}
