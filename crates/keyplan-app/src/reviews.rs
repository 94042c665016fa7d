//! Reviews for the pages, the API and the command line: planning, holding (which
//! freezes a snapshot), signing off, the review schedule and "what changed".
//!
//! Next review due: the date the team set on the plan wins; holding a review sets it
//! to the review's date plus the cadence; a plan with neither is due one cadence
//! after the start of its period (`keyplan_domain::review::next_review_due`).

use keyplan_domain::permissions;
use keyplan_domain::review::{self, ReviewKind, Signoff};
use keyplan_domain::snapshot::{self, Change};
use keyplan_domain::validate::{optional_date, parse_date};
use keyplan_domain::{OrgId, PlanId, ReviewId};
use keyplan_store::{Review, ReviewSchedule, ReviewText, Store};
use time::Date;

use crate::AppError;
use crate::Result;
use crate::access::require;
use crate::access::require_plan_editor;
use crate::auth::Auth;
use crate::review_events;
use crate::snapshots::{self, Version};
use crate::today;

/// A plan's schedule as people read it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ScheduleView {
    pub cadence_months: i32,
    /// The date set on the plan, if any.
    pub next_review_date: Option<Date>,
    /// When the next review is due (set, or computed).
    pub due: Date,
    pub overdue: bool,
    pub last_held: Option<Date>,
    /// The day of the plan's latest update (any change to the plan).
    pub last_update: Date,
    /// The last day of the organisation's update interval: the plan must be
    /// updated or reviewed by then.
    pub update_due: Date,
    /// Past the update interval: no update and no held review for longer than it.
    pub unrefreshed: bool,
}

impl ScheduleView {
    pub fn new(s: &ReviewSchedule, today: Date) -> ScheduleView {
        let status = s.status;
        let due = review::next_review_due(s.next_review_date, s.last_held, s.period_start, s.review_cadence_months);
        let (last_update, interval) = (s.last_update(), u32::try_from(s.update_interval_days).unwrap_or(1));
        ScheduleView {
            cadence_months: s.review_cadence_months,
            next_review_date: s.next_review_date,
            due,
            overdue: review::is_overdue(due, status, today),
            last_held: s.last_held,
            last_update,
            update_due: review::update_due(last_update, s.last_held, interval),
            unrefreshed: review::past_update_interval(last_update, s.last_held, interval, status, today),
        }
    }
}

pub async fn schedule(store: &Store, org: OrgId, plan: PlanId) -> Result<ScheduleView> {
    Ok(ScheduleView::new(&store.review_schedule(org, plan).await?, today()))
}

/// Plans of `accounts` whose review is overdue or that went past the
/// organisation's update interval, with their accounts, for list pages (one
/// query for the accounts shown).
pub async fn overdue_plans(
    store: &Store,
    org: OrgId,
    accounts: &[keyplan_domain::AccountId],
) -> Result<Vec<(keyplan_domain::AccountId, PlanId)>> {
    let t = today();
    // Asked even for no accounts (it matches nothing): a page runs the same
    // statements however many rows it shows.
    Ok(store
        .review_schedules_of(org, accounts)
        .await?
        .iter()
        .filter(|s| {
            let v = ScheduleView::new(s, t);
            v.overdue || v.unrefreshed
        })
        .map(|s| (s.account_id, s.plan_id))
        .collect())
}

pub async fn set_schedule(store: &Store, auth: &Auth, plan: PlanId, version: i64, cadence: &str, next: &str) -> Result<ScheduleView> {
    let p = store.plan(auth.org(), plan).await?;
    require_plan_editor(store, auth, p.account_id).await?;
    let cadence: i32 = match cadence.trim() {
        "" => 3,
        c => c
            .parse()
            .ok()
            .filter(|m| review::valid_cadence(*m))
            .ok_or_else(|| AppError::field("review_cadence_months", keyplan_domain::Message::new("review-err-cadence")))?,
    };
    let next = optional_date("next_review_date", Some(next)).map_err(|e| AppError::Validation(vec![e]))?;
    let s = store.set_review_schedule(auth.org(), plan, version, cadence, next, auth.id()).await?;
    Ok(ScheduleView::new(&s, today()))
}

fn kind(raw: &str) -> Result<ReviewKind> {
    ReviewKind::parse(raw).ok_or_else(|| AppError::field("kind", keyplan_domain::Message::new("review-err-kind")))
}

fn date(field: &str, raw: &str) -> Result<Date> {
    parse_date(field, raw).map_err(|e| AppError::Validation(vec![e]))
}

fn optional_text(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

pub async fn create_review(store: &Store, auth: &Auth, plan: PlanId, kind_raw: &str, date_raw: &str) -> Result<Review> {
    let p = store.plan(auth.org(), plan).await?;
    require_plan_editor(store, auth, p.account_id).await?;
    let k = kind(kind_raw)?;
    let d = if date_raw.trim().is_empty() { today() } else { date("review_date", date_raw)? };
    let r = store.create_review(auth.org(), plan, k, d, Some(auth.id())).await?;
    review_events::record(store, auth.org(), Some(auth.id()), &r, "review_scheduled", &review_events::line("stored-review-scheduled", &r))
        .await;
    Ok(r)
}

/// The users (not customer contacts) taking part in a review.
async fn user_participants(store: &Store, org: OrgId, id: ReviewId) -> Result<Vec<keyplan_domain::UserId>> {
    Ok(store.participants(org, id).await?.iter().filter_map(|p| p.user_id).collect())
}

/// The review and the plan's account, checking the caller may edit the plan.
async fn editable(store: &Store, auth: &Auth, id: ReviewId) -> Result<Review> {
    let r = store.review(auth.org(), id).await?;
    let p = store.plan(auth.org(), r.plan_id).await?;
    require_plan_editor(store, auth, p.account_id).await?;
    Ok(r)
}

/// A participant to add along with an edit: one of us, or a contact.
pub type NewParticipant = (Option<keyplan_domain::UserId>, Option<keyplan_domain::ContactId>);

/// Edits a review's date, notes and decisions, and adds a participant when
/// asked. Everything is checked before anything is written: a refused edit
/// changes nothing and bumps no version.
#[allow(clippy::too_many_arguments)]
pub async fn update_review(
    store: &Store,
    auth: &Auth,
    id: ReviewId,
    version: i64,
    date_raw: Option<&str>,
    notes: Option<&str>,
    decisions: Option<&str>,
    participant: Option<NewParticipant>,
) -> Result<Review> {
    let r = editable(store, auth, id).await?;
    let review_date = match date_raw {
        Some(d) if !d.trim().is_empty() => date("review_date", d)?,
        _ => r.review_date,
    };
    for (field, text) in [("notes", notes), ("decisions", decisions)] {
        let Some(text) = text else { continue };
        if text.chars().count() > 20_000 {
            return Err(AppError::field(field, keyplan_domain::Message::new("review-err-too-long")));
        }
        keyplan_domain::text::check(field, text)?;
    }
    if let Some((user, contact)) = participant {
        store.check_participant(auth.org(), id, user, contact).await?;
    }
    if r.version != version {
        return Err(AppError::Conflict { current_version: r.version });
    }
    let text = ReviewText { review_date, notes: optional_text(notes), decisions: optional_text(decisions) };
    let mut updated = store.update_review(auth.org(), id, version, &text, auth.id()).await?;
    if let Some((user, contact)) = participant {
        add_participant(store, auth, id, user, contact).await?;
        updated = store.review(auth.org(), id).await?;
    }
    if updated.review_date != r.review_date {
        let summary = review_events::line("stored-review-moved", &r).date("date", updated.review_date);
        review_events::record(store, auth.org(), Some(auth.id()), &updated, "review_rescheduled", &summary).await;
        let users = user_participants(store, auth.org(), id).await?;
        review_events::scheduled(store, auth.org(), auth.id(), auth.name(), &updated, &users).await;
    }
    Ok(updated)
}

/// Adds one of us or a customer contact of the plan's account.
pub async fn add_participant(
    store: &Store,
    auth: &Auth,
    id: ReviewId,
    user: Option<keyplan_domain::UserId>,
    contact: Option<keyplan_domain::ContactId>,
) -> Result<()> {
    let r = editable(store, auth, id).await?;
    let before = store.participants(auth.org(), id).await?;
    store.add_participant(auth.org(), id, user, contact).await?;
    let already = before.iter().any(|p| (user.is_some() && p.user_id == user) || (contact.is_some() && p.contact_id == contact));
    if !already {
        let who = participant_name(store, auth.org(), user, contact).await;
        review_events::record(
            store,
            auth.org(),
            Some(auth.id()),
            &r,
            "participant_added",
            &review_events::line("stored-participant-added", &r).arg("name", who),
        )
        .await;
    }
    if let Some(u) = user {
        review_events::scheduled(store, auth.org(), auth.id(), auth.name(), &r, &[u]).await;
    }
    Ok(())
}

/// A participant's name for the history (the id when it cannot be read).
async fn participant_name(
    store: &Store,
    org: OrgId,
    user: Option<keyplan_domain::UserId>,
    contact: Option<keyplan_domain::ContactId>,
) -> String {
    match (user, contact) {
        (Some(u), _) => store.user(org, u).await.map(|u| u.name).unwrap_or_else(|_| format!("user {u}")),
        (None, Some(c)) => store.contact(org, c).await.map(|c| c.name).unwrap_or_else(|_| format!("contact {c}")),
        (None, None) => "someone".into(),
    }
}

pub async fn remove_participant(store: &Store, auth: &Auth, id: ReviewId, participant: i64) -> Result<()> {
    let r = editable(store, auth, id).await?;
    let gone = store.participants(auth.org(), id).await?.into_iter().find(|p| p.id == participant);
    store.remove_participant(auth.org(), id, participant).await?;
    if let Some(p) = gone {
        let who = participant_name(store, auth.org(), p.user_id, p.contact_id).await;
        let summary = review_events::line("stored-participant-removed", &r).arg("name", who);
        review_events::record(store, auth.org(), Some(auth.id()), &r, "participant_removed", &summary).await;
    }
    Ok(())
}

pub async fn delete_review(store: &Store, auth: &Auth, id: ReviewId) -> Result<Review> {
    let r = editable(store, auth, id).await?;
    if r.is_held() {
        return Err(AppError::state("review-err-held-stays"));
    }
    store.delete_review(auth.org(), id).await?;
    Ok(r)
}

/// Holds a review: freezes the plan as it is now, keeps the coach's score and
/// level with it, and moves the next review date.
/// `version` is the review's version the caller saw; a stale one answers a conflict.
pub async fn hold_review(store: &Store, auth: &Auth, id: ReviewId, version: i64) -> Result<Review> {
    let r = editable(store, auth, id).await?;
    hold_as(store, auth.org(), &r, Some(version), Some(auth.id())).await
}

/// Holds `r` on behalf of `actor` (none: the command line). Checks no permissions.
pub async fn hold_as(store: &Store, org: OrgId, r: &Review, version: Option<i64>, actor: Option<keyplan_domain::UserId>) -> Result<Review> {
    if r.is_held() {
        return Err(AppError::state("review-err-already-held"));
    }
    let snap = snapshots::current(store, org, r.plan_id).await?;
    let data = serde_json::to_string(&snap).map_err(|e| AppError::Internal(e.into()))?;
    let (sched, mark) = tokio::try_join!(
        async { store.review_schedule(org, r.plan_id).await.map_err(AppError::from) },
        crate::coach::mark_now(store, org, r.plan_id, today())
    )?;
    let next = review::add_months(r.review_date.max(today()), sched.review_cadence_months);
    let held = store.hold_review(org, r.id, version.unwrap_or(r.version), &data, Some(mark), next, actor).await?;
    review_events::record(store, org, actor, &held, "review_held", &review_events::line("stored-review-held", &held)).await;
    Ok(held)
}

/// A manager signs off a held management review; the plan's status follows.
pub async fn signoff(
    store: &Store,
    auth: &Auth,
    id: ReviewId,
    version: Option<i64>,
    decision: &str,
    comment: Option<&str>,
) -> Result<Review> {
    let r = store.review(auth.org(), id).await?;
    require(permissions::can_approve_plans(auth.actor()))?;
    if r.kind() != ReviewKind::Management {
        return Err(AppError::state("review-err-only-management"));
    }
    if !r.is_held() {
        return Err(AppError::state("review-err-hold-first"));
    }
    let decision =
        Signoff::parse(decision).ok_or_else(|| AppError::field("decision", keyplan_domain::Message::new("review-err-decision")))?;
    let comment = optional_text(comment);
    if decision == Signoff::ChangesRequested && comment.is_none() {
        return Err(AppError::field("comment", keyplan_domain::Message::new("review-err-which-changes")));
    }
    let signed = store.signoff_review(auth.org(), id, version.unwrap_or(r.version), decision, comment.as_deref(), auth.id()).await?;
    let outcome = match decision {
        Signoff::Approved => review_events::line("stored-review-approved", &signed),
        Signoff::ChangesRequested => {
            review_events::line("stored-review-changes", &signed).arg("comment", comment.as_deref().unwrap_or_default())
        }
    };
    review_events::record(store, auth.org(), Some(auth.id()), &signed, "review_signed_off", &outcome).await;
    review_events::signed_off(store, auth.org(), auth.id(), auth.name(), &signed).await;
    Ok(signed)
}

/// What differs between two versions of a plan.
pub async fn diff(store: &Store, org: OrgId, plan: PlanId, from: Version, to: Version) -> Result<Vec<Change>> {
    store.plan(org, plan).await?;
    let (a, b) = tokio::try_join!(snapshots::load(store, org, plan, from), snapshots::load(store, org, plan, to))?;
    Ok(snapshot::diff(&a, &b))
}

/// "What changed since the last review" for a review: from the snapshot of the
/// previous held review (or the plan's first snapshot) to this review's snapshot
/// when held, else to the current plan. `None` for `from` when there is nothing
/// earlier to compare with.
pub struct WhatChanged {
    pub from: Option<Version>,
    pub from_label: String,
    /// When `from` is a review's snapshot: that review's kind and date, for
    /// naming it in the reader's language.
    pub from_review: Option<(ReviewKind, Date)>,
    pub to: Version,
    pub changes: Vec<Change>,
}

pub async fn what_changed(store: &Store, org: OrgId, r: &Review) -> Result<WhatChanged> {
    let (reviews, snaps) = tokio::try_join!(async { store.reviews(org, r.plan_id).await.map_err(AppError::from) }, async {
        store.snapshots(org, r.plan_id).await.map_err(AppError::from)
    },)?;
    let to = r.snapshot_id.map(Version::Snapshot).unwrap_or(Version::Current);
    // The last review held before this one (by date, then by when it was held).
    let previous = reviews
        .iter()
        .filter(|o| o.id != r.id && o.snapshot_id.is_some() && o.held_at.is_some())
        .filter(|o| match r.held_at {
            Some(h) => o.held_at < Some(h),
            None => true,
        })
        .max_by_key(|o| (o.held_at, o.id));
    let from = match previous {
        Some(p) => p.snapshot_id.map(|s| (s, format!("{} of {}", p.kind().label(), keyplan_i18n::fmt::date(p.review_date)))),
        None => snaps.first().filter(|s| Some(s.id) != r.snapshot_id).map(|s| (s.id, s.label.clone())),
    };
    let Some((from_id, from_label)) = from else {
        return Ok(WhatChanged { from: None, from_label: String::new(), from_review: None, to, changes: Vec::new() });
    };
    let changes = diff(store, org, r.plan_id, Version::Snapshot(from_id), to).await?;
    let from_review = previous.filter(|p| p.snapshot_id == Some(from_id)).map(|p| (p.kind(), p.review_date));
    Ok(WhatChanged { from: Some(Version::Snapshot(from_id)), from_label, from_review, to, changes })
}
