//! Regular sales meetings: the agenda's plans with the snapshot taken at the
//! meeting, the decisions and follow-up commitments recorded in it, and the
//! counts the default agenda ranks by.
//!
//! Every statement filters on the organisation. A meeting reads in three
//! statements however many plans it holds, the list of meetings in one, and
//! the counts for the default agenda in one for the whole organisation.

use keyplan_domain::meeting::Signals;
use keyplan_domain::tree::Acceptance;
use keyplan_domain::{AccountId, MeetingId, Message, NodeId, OrgId, PlanId, SnapshotId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{NewNotification, Store, StoreError, StoreResult, Ts, now, on_pool, on_tx};

/// A meeting as listed.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub title: String,
    pub held_on: Date,
    pub closed_at: Option<OffsetDateTime>,
    pub plans: i64,
    pub decisions: i64,
    pub follow_ups: i64,
}

/// A plan on a meeting's agenda, with its account, KAM and the snapshot taken at the meeting.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct MeetingPlan {
    pub plan_id: PlanId,
    pub position: i32,
    pub plan_title: String,
    pub account_id: AccountId,
    pub account_name: String,
    /// The plan's KAM: the account's owner, else whoever made the plan.
    pub kam_id: Option<UserId>,
    pub kam_name: Option<String>,
    pub snapshot_id: Option<SnapshotId>,
}

/// A decision or follow-up commitment recorded in a meeting.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct MeetingItem {
    pub id: i64,
    pub plan_id: PlanId,
    /// `decision` or `follow_up`.
    pub kind: String,
    pub text: String,
    /// The follow-up's commitment in the plan's tree (none once deleted there).
    pub node_id: Option<NodeId>,
    pub created_by: Option<UserId>,
    pub created_by_name: Option<String>,
    pub created_at: OffsetDateTime,
}

/// A meeting with its agenda and what was recorded.
#[derive(Clone, Debug, Serialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub title: String,
    pub held_on: Date,
    pub closed_at: Option<OffsetDateTime>,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub plans: Vec<MeetingPlan>,
    pub items: Vec<MeetingItem>,
}

/// A commitment asked of someone that they have not accepted yet.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct OpenAsk {
    pub plan_id: PlanId,
    pub node_id: NodeId,
    pub title: String,
    pub owner_id: Option<UserId>,
    pub owner_name: Option<String>,
    pub acceptance: Acceptance,
    pub due_date: Option<Date>,
    pub proposed_due_date: Option<Date>,
    pub decline_reason: Option<String>,
}

/// A snapshot of an agenda plan taken before this meeting: at an earlier
/// meeting (`meeting_on` set) or otherwise (a review, on demand).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EarlierSnapshot {
    pub plan_id: PlanId,
    pub snapshot_id: SnapshotId,
    pub label: String,
    pub taken_at: OffsetDateTime,
    pub meeting_on: Option<Date>,
}

/// A snapshot to store with a meeting: the plan and its JSON.
pub struct NewMeetingSnapshot {
    pub plan: PlanId,
    pub data: String,
}

#[derive(sqlx::FromRow)]
struct Head {
    id: MeetingId,
    title: String,
    held_on: Date,
    closed_at: Option<OffsetDateTime>,
    created_by: Option<UserId>,
    created_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct SignalRow {
    plan_id: PlanId,
    title: String,
    account_name: String,
    potential: Option<f64>,
    new_obstacles: i64,
    declined: i64,
    overdue: i64,
    changed_goals: i64,
}

/// Plans that may go on an agenda: not archived.
const LIVE: &str = "p.status <> 'archived'";

use crate::id_list;

impl Store {
    /// Which of `plans` are live plans of the organisation (one statement).
    pub async fn agenda_plans_known(&self, org: OrgId, plans: &[PlanId]) -> StoreResult<Vec<PlanId>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT p.id FROM plans p WHERE p.org_id = $1 AND {LIVE} AND p.id IN ({})",
            id_list(plans.iter().map(|p| p.get()))
        ));
        let rows: Vec<(PlanId,)> = on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_all(p).await)?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// The day of the latest meeting before one held `on` (meetings of the same
    /// day count when made earlier, that is with a smaller id than `before`).
    pub async fn last_meeting_before(&self, org: OrgId, on: Date, before: Option<MeetingId>) -> StoreResult<Option<Date>> {
        const SQL: &str = "SELECT MAX(held_on) FROM meetings WHERE org_id = $1 AND (held_on < $2 OR (held_on = $2 AND id < $3))";
        let before = before.map_or(i64::MAX, |m| m.get());
        let (d,): (Option<Date>,) = on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(on).bind(before).fetch_one(p).await)?;
        Ok(d)
    }

    /// For every live plan of the organisation, what changed since `since`
    /// and what is overdue on `on` (review dates are the caller's). One statement.
    pub async fn meeting_signals(&self, org: OrgId, since: OffsetDateTime, on: Date) -> StoreResult<Vec<Signals>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT p.id AS plan_id, p.title, a.name AS account_name, a.potential, \
               COALESCE(SUM(CASE WHEN n.kind = 'obstacle' AND n.created_at >= $2 THEN 1 ELSE 0 END), 0) AS new_obstacles, \
               COALESCE(SUM(CASE WHEN n.kind = 'commitment' AND n.acceptance = 'declined' AND n.updated_at >= $2 THEN 1 ELSE 0 END), 0) AS declined, \
               COALESCE(SUM(CASE WHEN n.kind = 'commitment' AND n.status IN ('open', 'in_progress') AND n.due_date < $3 THEN 1 ELSE 0 END), 0) AS overdue, \
               COALESCE(SUM(CASE WHEN n.kind = 'goal' AND n.updated_at >= $2 THEN 1 ELSE 0 END), 0) AS changed_goals \
             FROM plans p JOIN accounts a ON a.id = p.account_id LEFT JOIN nodes n ON n.plan_id = p.id AND n.org_id = p.org_id \
             WHERE p.org_id = $1 AND {LIVE} GROUP BY p.id, p.title, a.name, a.potential ORDER BY p.id"
        ));
        let rows: Vec<SignalRow> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(Ts(since)).bind(on).fetch_all(p).await)?;
        let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
        Ok(rows
            .into_iter()
            .map(|r| Signals {
                plan: r.plan_id,
                title: r.title,
                account_name: r.account_name,
                potential: r.potential,
                new_obstacles: n(r.new_obstacles),
                declined: n(r.declined),
                overdue: n(r.overdue),
                changed_goals: n(r.changed_goals),
                review_due: None,
            })
            .collect())
    }

    /// Creates a meeting with its agenda and the snapshot of each plan, in one
    /// transaction. The caller checked the plans with [`Store::agenda_plans_known`].
    pub async fn create_meeting(
        &self,
        org: OrgId,
        title: &str,
        held_on: Date,
        agenda: &[NewMeetingSnapshot],
        label: &str,
        actor: UserId,
    ) -> StoreResult<MeetingId> {
        let mut tx = self.begin().await?;
        let (id,): (MeetingId,) = on_tx!(self, tx, c => sqlx::query_as(
            "INSERT INTO meetings (org_id, title, held_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(org).bind(title).bind(held_on).bind(actor).bind(now()).fetch_one(c).await)?;
        for (i, s) in agenda.iter().enumerate() {
            let snap = self.meeting_snapshot_tx(&mut tx, org, s, label, actor).await?;
            on_tx!(self, tx, c => sqlx::query(
                "INSERT INTO meeting_plans (meeting_id, org_id, plan_id, position, snapshot_id) VALUES ($1, $2, $3, $4, $5)")
                .bind(id).bind(org).bind(s.plan).bind(i as i32 + 1).bind(snap).execute(c).await.map(|r| r.rows_affected()))?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn meeting_snapshot_tx(
        &self,
        tx: &mut crate::Tx,
        org: OrgId,
        s: &NewMeetingSnapshot,
        label: &str,
        actor: UserId,
    ) -> StoreResult<SnapshotId> {
        let (snap,): (SnapshotId,) = on_tx!(self, *tx, c => sqlx::query_as(
            "INSERT INTO plan_snapshots (org_id, plan_id, label, data, taken_at, taken_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(org).bind(s.plan).bind(label).bind(&s.data).bind(now()).bind(actor).fetch_one(c).await)?;
        Ok(snap)
    }

    /// Closes a meeting: each plan's snapshot is taken again, as the plan stood
    /// when the meeting ended, for the next meeting to compare against.
    pub async fn close_meeting(
        &self,
        org: OrgId,
        id: MeetingId,
        agenda: &[NewMeetingSnapshot],
        label: &str,
        actor: UserId,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let n = on_tx!(self, tx, c => sqlx::query("UPDATE meetings SET closed_at = $1 WHERE org_id = $2 AND id = $3 AND closed_at IS NULL")
            .bind(now()).bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if n != 1 {
            return Err(StoreError::invalid("meeting", Message::new("err-meeting-closed")));
        }
        for s in agenda {
            let snap = self.meeting_snapshot_tx(&mut tx, org, s, label, actor).await?;
            on_tx!(self, tx, c => sqlx::query("UPDATE meeting_plans SET snapshot_id = $1 WHERE org_id = $2 AND meeting_id = $3 AND plan_id = $4")
                .bind(snap).bind(org).bind(id).bind(s.plan).execute(c).await.map(|r| r.rows_affected()))?;
        }
        tx.commit().await
    }

    /// The organisation's meetings, latest first, with what each recorded (one statement).
    pub async fn meetings(&self, org: OrgId) -> StoreResult<Vec<MeetingSummary>> {
        const SQL: &str = "SELECT m.id, m.title, m.held_on, m.closed_at, \
            (SELECT COUNT(*) FROM meeting_plans mp WHERE mp.meeting_id = m.id) AS plans, \
            (SELECT COUNT(*) FROM meeting_items mi WHERE mi.meeting_id = m.id AND mi.kind = 'decision') AS decisions, \
            (SELECT COUNT(*) FROM meeting_items mi WHERE mi.meeting_id = m.id AND mi.kind = 'follow_up') AS follow_ups \
            FROM meetings m WHERE m.org_id = $1 ORDER BY m.held_on DESC, m.id DESC";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).fetch_all(p).await)?)
    }

    /// One meeting with its agenda and items (three statements side by side).
    pub async fn meeting(&self, org: OrgId, id: MeetingId) -> StoreResult<Meeting> {
        const HEAD: &str = "SELECT id, title, held_on, closed_at, created_by, created_at FROM meetings WHERE org_id = $1 AND id = $2";
        const PLANS: &str = "SELECT mp.plan_id, mp.position, p.title AS plan_title, a.id AS account_id, a.name AS account_name, \
            COALESCE(a.owner_id, p.created_by) AS kam_id, u.name AS kam_name, mp.snapshot_id \
            FROM meeting_plans mp JOIN plans p ON p.id = mp.plan_id JOIN accounts a ON a.id = p.account_id \
            LEFT JOIN users u ON u.id = COALESCE(a.owner_id, p.created_by) \
            WHERE mp.org_id = $1 AND mp.meeting_id = $2 ORDER BY mp.position, mp.plan_id";
        const ITEMS: &str = "SELECT mi.id, mi.plan_id, mi.kind, mi.text, mi.node_id, mi.created_by, u.name AS created_by_name, mi.created_at \
            FROM meeting_items mi LEFT JOIN users u ON u.id = mi.created_by \
            WHERE mi.org_id = $1 AND mi.meeting_id = $2 ORDER BY mi.created_at, mi.id";
        let (head, plans, items) = tokio::try_join!(
            async {
                on_pool!(self, p => sqlx::query_as::<_, Head>(HEAD).bind(org).bind(id).fetch_optional(p).await).map_err(StoreError::from)
            },
            async { on_pool!(self, p => sqlx::query_as(PLANS).bind(org).bind(id).fetch_all(p).await).map_err(StoreError::from) },
            async { on_pool!(self, p => sqlx::query_as(ITEMS).bind(org).bind(id).fetch_all(p).await).map_err(StoreError::from) },
        )?;
        let h = head.found()?;
        Ok(Meeting {
            id: h.id,
            title: h.title,
            held_on: h.held_on,
            closed_at: h.closed_at,
            created_by: h.created_by,
            created_at: h.created_at,
            plans,
            items,
        })
    }

    /// For each plan of `meeting`'s agenda, every other snapshot, latest
    /// first, each marked with the day of the earlier meeting that took it
    /// (one statement; the caller picks the base to compare against).
    pub async fn earlier_snapshots(&self, org: OrgId, meeting: &Meeting) -> StoreResult<Vec<EarlierSnapshot>> {
        let plans = id_list(meeting.plans.iter().map(|p| p.plan_id.get()));
        let own = id_list(meeting.plans.iter().filter_map(|p| p.snapshot_id.map(|s| s.get())));
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT s.plan_id, s.id AS snapshot_id, s.label, s.taken_at, \
               (SELECT MAX(m.held_on) FROM meeting_plans mp JOIN meetings m ON m.id = mp.meeting_id \
                 WHERE mp.snapshot_id = s.id AND (m.held_on < $2 OR (m.held_on = $2 AND m.id < $3))) AS meeting_on \
             FROM plan_snapshots s WHERE s.org_id = $1 AND s.plan_id IN ({plans}) AND s.id NOT IN ({own}) \
             ORDER BY s.taken_at DESC, s.id DESC"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(meeting.held_on).bind(meeting.id).fetch_all(p).await)?)
    }

    /// Commitments of `plans` asked of someone and not accepted yet (one statement).
    pub async fn open_asks(&self, org: OrgId, plans: &[PlanId]) -> StoreResult<Vec<OpenAsk>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT n.plan_id, n.id AS node_id, n.title, n.owner_id, u.name AS owner_name, n.acceptance, n.due_date, \
               n.proposed_due_date, n.decline_reason \
             FROM nodes n LEFT JOIN users u ON u.id = n.owner_id \
             WHERE n.org_id = $1 AND n.kind = 'commitment' AND n.acceptance IN ('proposed', 'date_proposed', 'declined') \
               AND n.plan_id IN ({}) ORDER BY n.plan_id, n.position, n.id",
            id_list(plans.iter().map(|p| p.get()))
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_all(p).await)?)
    }

    /// Records a decision or a follow-up about a plan on the meeting's agenda,
    /// with the plan's history line and, when given, its KAM's notification, in
    /// one transaction. A plan not on the agenda is not found.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_meeting_item(
        &self,
        org: OrgId,
        id: MeetingId,
        plan: PlanId,
        kind: &str,
        text: &str,
        node: Option<NodeId>,
        actor: UserId,
        history: &Message,
        notify: Option<&NewNotification<'_>>,
    ) -> StoreResult<MeetingItem> {
        let mut tx = self.begin().await?;
        let (on_agenda,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
            "SELECT COUNT(*) FROM meeting_plans WHERE org_id = $1 AND meeting_id = $2 AND plan_id = $3")
            .bind(org).bind(id).bind(plan).fetch_one(c).await)?;
        (on_agenda == 1).then_some(()).found()?;
        let (item,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
            "INSERT INTO meeting_items (meeting_id, org_id, plan_id, kind, text, node_id, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
            .bind(id).bind(org).bind(plan).bind(kind).bind(text).bind(node).bind(actor).bind(now()).fetch_one(c).await)?;
        self.history_line_tx(&mut tx, org, plan, actor, "meeting", ("meeting", id.get()), history).await?;
        if let Some(n) = notify {
            self.notify_tx(&mut tx, n).await?;
        }
        const ITEM: &str = "SELECT mi.id, mi.plan_id, mi.kind, mi.text, mi.node_id, mi.created_by, u.name AS created_by_name, mi.created_at \
            FROM meeting_items mi LEFT JOIN users u ON u.id = mi.created_by WHERE mi.org_id = $1 AND mi.id = $2";
        let row: MeetingItem = on_tx!(self, tx, c => sqlx::query_as(ITEM).bind(org).bind(item).fetch_one(c).await)?;
        tx.commit().await?;
        Ok(row)
    }
}
