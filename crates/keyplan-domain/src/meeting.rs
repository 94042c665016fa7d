//! The regular sales meeting (seed 004 #6: plans "should be discussed in the
//! regular sales and KAM meetings"). A meeting has a date and plans on its
//! agenda; by default the plans with the most change or risk since the last
//! meeting. This module holds the rules without I/O: what a meeting, a
//! decision and a follow-up must carry, what counts as change or risk, and
//! how the default agenda is ranked.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use crate::validate::{self, FieldError, Validation};
use crate::{Message, PlanId};

/// The most plans one agenda may take (a meeting of an hour or two).
pub const MAX_PLANS: usize = 30;
/// Plans the default agenda takes at most.
pub const DEFAULT_PLANS: usize = 10;
/// A review due within this many days of the meeting puts the plan on the agenda.
pub const REVIEW_WINDOW_DAYS: i64 = 14;
/// Without an earlier meeting, "since the last meeting" reaches back this far.
pub const FIRST_MEETING_LOOKBACK_DAYS: i64 = 30;
/// The longest title a meeting may carry.
pub const MAX_TITLE: usize = 200;

/// A meeting as asked for: the date, a title, and the plans (`None`: the default agenda).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingData {
    pub held_on: Date,
    pub title: Option<String>,
    pub plans: Option<Vec<PlanId>>,
}

/// A meeting as sent to the API or typed in the form, checked by [`MeetingInput::validate`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MeetingInput {
    pub date: String,
    pub title: Option<String>,
    pub plan_ids: Option<Vec<i64>>,
}

impl MeetingInput {
    /// Every field error at once. Plan ids are deduplicated in the order given.
    pub fn validate(&self) -> Result<MeetingData, Vec<FieldError>> {
        let mut v = Validation::new();
        let held_on = v.check(validate::required_date("date", &self.date));
        let title = v.check(validate::optional("title", self.title.as_deref(), MAX_TITLE)).flatten();
        let plans = match &self.plan_ids {
            None => None,
            Some(list) if list.is_empty() => {
                v.push("plan_ids", Message::new("err-meeting-no-plans"));
                None
            }
            Some(list) => Some(
                validate::unique_ids(&mut v, "plan_ids", list, MAX_PLANS, "err-meeting-too-many").into_iter().map(PlanId::new).collect(),
            ),
        };
        v.finish(|| MeetingData { held_on: held_on.unwrap_or(Date::MIN), title, plans })
    }
}

/// A decision taken about one plan of the agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionData {
    pub plan: PlanId,
    pub text: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    pub plan_id: i64,
    pub text: String,
}

impl DecisionInput {
    pub fn validate(&self) -> Result<DecisionData, Vec<FieldError>> {
        let mut v = Validation::new();
        if self.plan_id <= 0 {
            v.push("plan_id", Message::new("err-required"));
        }
        let text = v.check(validate::required("text", &self.text, crate::text::MAX_SHORT_TEXT));
        v.finish(|| DecisionData { plan: PlanId::new(self.plan_id), text: text.unwrap_or_default() })
    }
}

/// What may have changed about a plan since the last meeting, as counted by the store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signals {
    pub plan: PlanId,
    pub title: String,
    pub account_name: String,
    /// The account's potential; ranks ties.
    pub potential: Option<f64>,
    /// Obstacles added since the last meeting.
    pub new_obstacles: u32,
    /// Commitments whose owner declined them since the last meeting.
    pub declined: u32,
    /// Commitments open or in progress whose due date passed before the meeting.
    pub overdue: u32,
    /// Goals added or changed since the last meeting.
    pub changed_goals: u32,
    /// When the plan's next review is due, if the plan has a review rhythm.
    pub review_due: Option<Date>,
}

/// Why a plan is on the agenda, in the order a chair reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// New blockers: obstacles added and commitments declined.
    NewBlockers {
        count: u32,
    },
    OverdueCommitments {
        count: u32,
    },
    ChangedGoals {
        count: u32,
    },
    ReviewOverdue {
        due: Date,
    },
    ReviewDue {
        due: Date,
    },
}

impl Reason {
    /// The reason as a message for the reader's language.
    pub fn message(&self) -> Message {
        match self {
            Reason::NewBlockers { count } => Message::new("meeting-reason-blockers").arg("count", i64::from(*count)),
            Reason::OverdueCommitments { count } => Message::new("meeting-reason-overdue").arg("count", i64::from(*count)),
            Reason::ChangedGoals { count } => Message::new("meeting-reason-goals").arg("count", i64::from(*count)),
            Reason::ReviewOverdue { due } => Message::new("meeting-reason-review-overdue").date("date", *due),
            Reason::ReviewDue { due } => Message::new("meeting-reason-review-due").date("date", *due),
        }
    }
}

impl Signals {
    /// A plan where nothing moved.
    pub fn quiet(plan: PlanId, title: impl Into<String>) -> Signals {
        Signals {
            plan,
            title: title.into(),
            account_name: String::new(),
            potential: None,
            new_obstacles: 0,
            declined: 0,
            overdue: 0,
            changed_goals: 0,
            review_due: None,
        }
    }

    /// Why this plan belongs on the agenda of a meeting held `on`; empty when nothing moved.
    pub fn reasons(&self, on: Date) -> Vec<Reason> {
        let mut out = Vec::new();
        let blockers = self.new_obstacles + self.declined;
        if blockers > 0 {
            out.push(Reason::NewBlockers { count: blockers });
        }
        if self.overdue > 0 {
            out.push(Reason::OverdueCommitments { count: self.overdue });
        }
        if self.changed_goals > 0 {
            out.push(Reason::ChangedGoals { count: self.changed_goals });
        }
        match self.review_due {
            Some(due) if due < on => out.push(Reason::ReviewOverdue { due }),
            Some(due) if due <= on + Duration::days(REVIEW_WINDOW_DAYS) => out.push(Reason::ReviewDue { due }),
            _ => {}
        }
        out
    }

    /// How much a plan needs the meeting: blockers weigh most, then overdue
    /// commitments and changed goals, then a review falling due.
    pub fn score(&self, on: Date) -> u32 {
        self.reasons(on)
            .iter()
            .map(|r| match r {
                Reason::NewBlockers { count } => 3 * count,
                Reason::OverdueCommitments { count } | Reason::ChangedGoals { count } => 2 * count,
                Reason::ReviewOverdue { .. } => 2,
                Reason::ReviewDue { .. } => 1,
            })
            .sum()
    }
}

/// Where "since the last meeting" starts: the day of the last meeting before
/// this one, else [`FIRST_MEETING_LOOKBACK_DAYS`] before it.
pub fn since(on: Date, last_meeting: Option<Date>) -> Date {
    last_meeting.unwrap_or(on - Duration::days(FIRST_MEETING_LOOKBACK_DAYS))
}

/// Orders plans by how much they need the meeting, most first (ties by
/// potential, then title, then id, so the order is stable), and drops the
/// plans where nothing moved.
pub fn rank(mut signals: Vec<Signals>, on: Date) -> Vec<Signals> {
    signals.retain(|s| s.score(on) > 0);
    signals.sort_by(|a, b| {
        let pa = a.potential.unwrap_or(f64::NEG_INFINITY);
        let pb = b.potential.unwrap_or(f64::NEG_INFINITY);
        b.score(on)
            .cmp(&a.score(on))
            .then(pb.total_cmp(&pa))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then(a.plan.cmp(&b.plan))
    });
    signals
}

/// The default agenda: the first [`DEFAULT_PLANS`] of [`rank`].
pub fn default_agenda(signals: Vec<Signals>, on: Date) -> Vec<PlanId> {
    rank(signals, on).into_iter().take(DEFAULT_PLANS).map(|s| s.plan).collect()
}

#[cfg(test)]
mod tests;
