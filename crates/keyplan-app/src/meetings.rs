//! The regular sales meeting (issue 17 point 4). Managers and administrators
//! set a meeting's date and agenda (by default the plans with the most change
//! or risk since the last meeting), read per plan what changed since the last
//! meeting and its open asks, record decisions and follow-up commitments that
//! go into the plan, and close the meeting. Each agenda plan is snapshotted
//! when the meeting is made and again when it closes: the next meeting
//! compares against that snapshot.

use keyplan_domain::meeting::{self, DecisionInput, Reason, Signals};
use keyplan_domain::review::next_review_due;
use keyplan_domain::snapshot::{Change, PlanSnapshot, diff};
use keyplan_domain::tree::{Node, NodeInput, NodeKind};
use keyplan_domain::{FieldError, MeetingId, Message, NodeId, PlanId, Role};
use keyplan_store::{Meeting, MeetingItem, MeetingPlan, MeetingSummary, NewMeetingSnapshot, NewNotification, OpenAsk, Store};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, Time};

use crate::access::require;
use crate::{AppError, Auth, Result};

/// The English label of a meeting's snapshots; pages translate it.
pub const SNAPSHOT_LABEL: &str = "Sales meeting";

/// Who runs meetings: managers and administrators.
pub fn may_run(auth: &Auth) -> bool {
    matches!(auth.role(), Role::Manager | Role::Admin)
}

/// The plans a meeting on `on` would discuss, most change or risk first, and since when.
#[derive(Clone, Debug, Serialize)]
pub struct Proposal {
    pub on: Date,
    pub since: Date,
    pub last_meeting: Option<Date>,
    /// Plans where something moved, ranked, each with why.
    pub ranked: Vec<Proposed>,
    /// The default agenda: the first of `ranked`.
    pub chosen: Vec<PlanId>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Proposed {
    #[serde(flatten)]
    pub signals: Signals,
    pub reasons: Vec<Reason>,
}

async fn signals(store: &Store, auth: &Auth, on: Date, before: Option<MeetingId>) -> Result<(Option<Date>, Date, Vec<Signals>)> {
    let last = store.last_meeting_before(auth.org(), on, before).await?;
    let since = meeting::since(on, last);
    let from = OffsetDateTime::new_utc(since, Time::MIDNIGHT);
    let (mut signals, schedules) = tokio::try_join!(store.meeting_signals(auth.org(), from, on), store.review_schedules(auth.org()))?;
    let due: std::collections::HashMap<PlanId, Date> = schedules
        .iter()
        .map(|s| (s.plan_id, next_review_due(s.next_review_date, s.last_held, s.period_start, s.review_cadence_months)))
        .collect();
    for s in &mut signals {
        s.review_due = due.get(&s.plan).copied();
    }
    Ok((last, since, signals))
}

/// What a meeting held on `on` would put on its agenda.
pub async fn proposal(store: &Store, auth: &Auth, on: Date) -> Result<Proposal> {
    require(may_run(auth))?;
    let (last_meeting, since, all) = signals(store, auth, on, None).await?;
    let ranked: Vec<Proposed> = meeting::rank(all, on).into_iter().map(|s| Proposed { reasons: s.reasons(on), signals: s }).collect();
    let chosen = ranked.iter().take(meeting::DEFAULT_PLANS).map(|p| p.signals.plan).collect();
    Ok(Proposal { on, since, last_meeting, ranked, chosen })
}

async fn snapshots_of(store: &Store, auth: &Auth, plans: &[PlanId]) -> Result<Vec<NewMeetingSnapshot>> {
    let mut out = Vec::with_capacity(plans.len());
    for plan in plans {
        let snap = crate::snapshots::current(store, auth.org(), *plan).await?;
        let data = serde_json::to_string(&snap).map_err(|e| AppError::Internal(e.into()))?;
        out.push(NewMeetingSnapshot { plan: *plan, data });
    }
    Ok(out)
}

fn label(on: Date) -> String {
    format!("{SNAPSHOT_LABEL} {}", keyplan_domain::validate::format_date(on))
}

/// Makes a meeting; without plans, the default agenda. Every agenda plan is
/// snapshotted with it, in one transaction.
pub async fn create(store: &Store, auth: &Auth, input: &meeting::MeetingInput) -> Result<Meeting> {
    require(may_run(auth))?;
    let data = input.validate().map_err(AppError::Validation)?;
    let plans = match data.plans {
        Some(p) => p,
        None => proposal(store, auth, data.held_on).await?.chosen,
    };
    if plans.is_empty() {
        return Err(AppError::field("plan_ids", Message::new("err-meeting-nothing-moved")));
    }
    let known = store.agenda_plans_known(auth.org(), &plans).await?;
    if let Some(unknown) = plans.iter().find(|p| !known.contains(p)) {
        return Err(AppError::field("plan_ids", Message::new("err-meeting-unknown").arg("id", unknown.to_string())));
    }
    let agenda = snapshots_of(store, auth, &plans).await?;
    let title = data.title.unwrap_or_default();
    let id = store.create_meeting(auth.org(), &title, data.held_on, &agenda, &label(data.held_on), auth.id()).await?;
    Ok(store.meeting(auth.org(), id).await?)
}

pub async fn list(store: &Store, auth: &Auth) -> Result<Vec<MeetingSummary>> {
    require(may_run(auth))?;
    Ok(store.meetings(auth.org()).await?)
}

/// What a plan's changes are compared against.
#[derive(Clone, Debug, Serialize)]
pub struct Base {
    /// The snapshot's label as stored (English for meetings and reviews).
    pub label: String,
    pub taken_at: OffsetDateTime,
    /// The day of the earlier meeting that took it; none when it is a review's or on demand.
    pub meeting_on: Option<Date>,
}

/// One plan of a meeting's agenda, with everything its page and agenda show.
#[derive(Clone, Debug, Serialize)]
pub struct AgendaPlan {
    #[serde(flatten)]
    pub plan: MeetingPlan,
    /// Why it is on the agenda (change or risk since the last meeting).
    pub reasons: Vec<Reason>,
    /// What "what changed" compares against; none when the plan has no earlier snapshot.
    pub base: Option<Base>,
    pub changes: Vec<Change>,
    /// Commitments asked of someone and not accepted yet.
    pub open_asks: Vec<OpenAsk>,
    /// "What we need from management", if the plan says it.
    pub management_asks: Option<String>,
    pub decisions: Vec<MeetingItem>,
    pub follow_ups: Vec<MeetingItem>,
    /// Goals and obstacles a follow-up commitment may hang under.
    #[serde(skip)]
    pub parents: Vec<(NodeId, String, String)>,
}

/// A meeting with its agenda as it reads.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingView {
    #[serde(flatten)]
    pub meeting: Meeting,
    /// Where "since the last meeting" starts.
    pub since: Date,
    pub last_meeting: Option<Date>,
    pub agenda: Vec<AgendaPlan>,
}

/// A meeting with, per plan, why it is there, what changed since the last
/// meeting, its open asks, and what this meeting recorded about it.
pub async fn view(store: &Store, auth: &Auth, id: MeetingId) -> Result<MeetingView> {
    require(may_run(auth))?;
    let mut m = store.meeting(auth.org(), id).await?;
    let on = m.held_on;
    let plan_ids: Vec<PlanId> = m.plans.iter().map(|p| p.plan_id).collect();
    let ((last_meeting, since, signals), earlier, asks) = tokio::try_join!(
        signals(store, auth, on, Some(id)),
        async { store.earlier_snapshots(auth.org(), &m).await.map_err(AppError::from) },
        async { store.open_asks(auth.org(), &plan_ids).await.map_err(AppError::from) },
    )?;
    let items = std::mem::take(&mut m.items);
    let mut agenda = Vec::with_capacity(m.plans.len());
    for p in &m.plans {
        let reasons = signals.iter().find(|s| s.plan == p.plan_id).map(|s| s.reasons(on)).unwrap_or_default();
        let mine: Vec<_> = earlier.iter().filter(|e| e.plan_id == p.plan_id).collect();
        // The snapshot of the last meeting; else the latest taken before this meeting was made.
        let base = mine
            .iter()
            .filter(|e| e.meeting_on.is_some())
            .max_by_key(|e| (e.meeting_on, e.taken_at, e.snapshot_id))
            .or_else(|| mine.iter().filter(|e| e.taken_at <= m.created_at).max_by_key(|e| (e.taken_at, e.snapshot_id)))
            .copied();
        let after = match (m.closed_at, p.snapshot_id) {
            (Some(_), Some(s)) => crate::snapshots::stored(store, auth.org(), p.plan_id, s).await?,
            _ => crate::snapshots::current(store, auth.org(), p.plan_id).await?,
        };
        let (base_view, changes) = match base {
            Some(b) => {
                let before = crate::snapshots::stored(store, auth.org(), p.plan_id, b.snapshot_id).await?;
                (Some(Base { label: b.label.clone(), taken_at: b.taken_at, meeting_on: b.meeting_on }), diff(&before, &after))
            }
            None => (None, Vec::new()),
        };
        agenda.push(AgendaPlan {
            reasons,
            base: base_view,
            changes,
            open_asks: asks.iter().filter(|a| a.plan_id == p.plan_id).cloned().collect(),
            management_asks: management_asks(&after),
            decisions: items.iter().filter(|i| i.plan_id == p.plan_id && i.kind == "decision").cloned().collect(),
            follow_ups: items.iter().filter(|i| i.plan_id == p.plan_id && i.kind == "follow_up").cloned().collect(),
            parents: parents(&after),
            plan: p.clone(),
        });
    }
    m.items = items;
    Ok(MeetingView { meeting: m, since, last_meeting, agenda })
}

fn management_asks(s: &PlanSnapshot) -> Option<String> {
    s.sections.iter().find(|x| x.key == crate::audience::MANAGEMENT_ASKS_KEY).map(|x| x.body.trim().to_string()).filter(|b| !b.is_empty())
}

/// Goals and obstacles of a plan, for the follow-up form: (id, kind, title).
fn parents(s: &PlanSnapshot) -> Vec<(NodeId, String, String)> {
    s.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Goal.label() || n.kind == NodeKind::Obstacle.label())
        .map(|n| (NodeId::new(n.id), n.kind.clone(), n.title.clone()))
        .collect()
}

fn on_agenda(m: &Meeting, plan: PlanId) -> Result<&MeetingPlan> {
    m.plans.iter().find(|p| p.plan_id == plan).ok_or_else(|| AppError::field("plan_id", Message::new("err-meeting-not-on-agenda")))
}

/// Records a decision about a plan on the agenda: it lands in the plan's
/// history and its KAM is told (unless the KAM recorded it), in one transaction.
pub async fn decide(store: &Store, auth: &Auth, id: MeetingId, input: &DecisionInput) -> Result<MeetingItem> {
    require(may_run(auth))?;
    let data = input.validate().map_err(AppError::Validation)?;
    let m = store.meeting(auth.org(), id).await?;
    let entry = on_agenda(&m, data.plan)?;
    let date = keyplan_domain::validate::format_date(m.held_on);
    let history = Message::new("meeting-history-decision").arg("date", date).arg("text", data.text.clone());
    let notice =
        Message { code: "meeting-history-decision-notice".into(), args: history.clone().arg("plan", entry.plan_title.clone()).args };
    let link = format!("/plans/{}", data.plan.get());
    let notify = entry.kam_id.filter(|k| *k != auth.id()).map(|user| NewNotification {
        org: auth.org(),
        user,
        kind: "meeting_decision",
        plan: Some(data.plan),
        message: &notice,
        link: &link,
        dedupe_key: None,
    });
    Ok(store.record_meeting_item(auth.org(), id, data.plan, "decision", &data.text, None, auth.id(), &history, notify.as_ref()).await?)
}

/// A follow-up commitment as sent to the API or typed in the form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FollowUpInput {
    pub plan_id: i64,
    /// The goal or obstacle it serves.
    pub parent_id: i64,
    pub title: String,
    pub owner_id: String,
    pub due_date: String,
    pub done_criterion: String,
}

/// Adds a follow-up commitment to a plan on the agenda. It enters the plan's
/// tree like any commitment, so its owner is asked to accept it; the meeting
/// keeps a link to it and the plan's history says where it came from.
pub async fn follow_up(store: &Store, auth: &Auth, id: MeetingId, input: &FollowUpInput) -> Result<(MeetingItem, Node)> {
    require(may_run(auth))?;
    let mut errors = Vec::new();
    if input.plan_id <= 0 {
        errors.push(FieldError::new("plan_id", Message::new("err-required")));
    }
    if input.parent_id <= 0 {
        errors.push(FieldError::new("parent_id", Message::new("err-meeting-parent")));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let plan = PlanId::new(input.plan_id);
    let m = store.meeting(auth.org(), id).await?;
    on_agenda(&m, plan)?;
    let parent = store.node(auth.org(), NodeId::new(input.parent_id)).await.map_err(|_| parent_error())?;
    if parent.plan_id != plan || !matches!(parent.kind(), NodeKind::Goal | NodeKind::Obstacle) {
        return Err(parent_error());
    }
    let node_input = NodeInput {
        title: input.title.clone(),
        owner_id: input.owner_id.clone(),
        due_date: input.due_date.clone(),
        done_criterion: input.done_criterion.clone(),
        ..Default::default()
    };
    let node = crate::nodes::create_node(store, auth, plan, NodeKind::Commitment, Some(parent.id), &node_input).await?;
    let date = keyplan_domain::validate::format_date(m.held_on);
    let history = Message::new("meeting-history-follow-up").arg("date", date).arg("text", node.title.clone());
    let item = store.record_meeting_item(auth.org(), id, plan, "follow_up", &node.title, Some(node.id), auth.id(), &history, None).await?;
    Ok((item, node))
}

fn parent_error() -> AppError {
    AppError::field("parent_id", Message::new("err-meeting-parent"))
}

/// Closes a meeting: every agenda plan is snapshotted as it stands now, for
/// the next meeting's "what changed". A closed meeting is not closed again.
pub async fn close(store: &Store, auth: &Auth, id: MeetingId) -> Result<Meeting> {
    require(may_run(auth))?;
    let m = store.meeting(auth.org(), id).await?;
    if m.closed_at.is_some() {
        return Err(AppError::field("meeting", Message::new("err-meeting-closed")));
    }
    let plans: Vec<PlanId> = m.plans.iter().map(|p| p.plan_id).collect();
    let agenda = snapshots_of(store, auth, &plans).await?;
    store.close_meeting(auth.org(), id, &agenda, &label(m.held_on), auth.id()).await?;
    Ok(store.meeting(auth.org(), id).await?)
}
