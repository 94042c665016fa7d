//! Plans in the business rhythm (issue 17): the KAM's reminder before a plan
//! runs past the organisation's update interval, and the manager's quality
//! rating of a plan at a held management review.
//!
//! The reminder falls in the last [`review::UPDATE_REMINDER_DAYS`] days of the
//! interval (`keyplan_domain::review::update_reminder`). It is sent once per
//! interval: the store records it under the interval's last day in the same
//! transaction as the notification, so a second round, a second server or a
//! restart finds it sent; an update starts a new interval with a new last day.

use keyplan_domain::quality::{self, QualityScale};
use keyplan_domain::review::{self, ReviewKind};
use keyplan_domain::{Message, PlanId, ReviewId};
use keyplan_store::{NewNotification, NewRating, Rating, Store, UpdateFacts};
use time::Date;

use crate::access::require;
use crate::{AppError, Auth, Result};

/// The notification kind of an update reminder.
pub const UPDATE_REMINDER_KIND: &str = "plan_update_due";

/// The interval's last day when `f`'s KAM is due a reminder on `today`.
pub fn update_reminder_due(f: &UpdateFacts, today: Date) -> Option<Date> {
    let interval = u32::try_from(f.update_interval_days).unwrap_or(1);
    review::update_reminder(f.last_update(), f.last_held, interval, f.status, today)
}

/// Sends the update reminders due on `today` in every organisation. Answers
/// how many were sent now (those sent before are not sent again).
pub async fn send_update_reminders(store: &Store, today: Date) -> Result<usize> {
    let mut sent = 0;
    for f in store.update_facts().await? {
        let (Some(kam), Some(end)) = (f.kam_id, update_reminder_due(&f, today)) else { continue };
        let message = Message::new("stored-notif-update-due").arg("plan", &f.plan_title).iso_date("date", end);
        let link = format!("/plans/{}", f.plan_id.get());
        let key = format!("{UPDATE_REMINDER_KIND}:{}:{end}", f.plan_id.get());
        let n = NewNotification {
            org: f.org_id,
            user: kam,
            kind: UPDATE_REMINDER_KIND,
            plan: Some(f.plan_id),
            message: &message,
            link: &link,
            dedupe_key: Some(&key),
        };
        if store.send_update_reminder(f.plan_id, end, &n).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Fails unless `auth` may read the plan's ratings: managers, administrators
/// and the plan's KAM (the account's owner, else whoever made the plan).
async fn require_reader(store: &Store, auth: &Auth, plan: PlanId) -> Result<()> {
    let p = store.plan(auth.org(), plan).await?;
    let account = store.account(auth.org(), p.account_id).await?;
    let kam = account.owner_id.or(p.created_by);
    require(quality::can_read_ratings(auth.actor(), kam == Some(auth.id())))
}

/// The plan's ratings, newest first.
pub async fn ratings(store: &Store, auth: &Auth, plan: PlanId) -> Result<Vec<Rating>> {
    require_reader(store, auth, plan).await?;
    Ok(store.ratings(auth.org(), plan).await?)
}

/// Whether `auth` may read the plan's ratings (for pages that show them or not).
pub async fn may_read(store: &Store, auth: &Auth, plan: PlanId) -> Result<bool> {
    match require_reader(store, auth, plan).await {
        Ok(()) => Ok(true),
        Err(AppError::Forbidden(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// A manager or administrator rates the plan's quality at one of its held
/// management reviews, on the organisation's scale and with a comment; the
/// coach's score and level at this moment are kept with it. One rating per
/// review.
pub async fn rate(store: &Store, auth: &Auth, plan: PlanId, review: ReviewId, score: i64, comment: &str) -> Result<Rating> {
    let p = store.plan(auth.org(), plan).await?;
    require(quality::can_rate(auth.actor()))?;
    let r = match store.review(auth.org(), review).await {
        Ok(r) if r.plan_id == p.id => r,
        Ok(_) | Err(keyplan_store::StoreError::NotFound) => {
            return Err(AppError::field("review_id", Message::new("rating-err-review")));
        }
        Err(e) => return Err(e.into()),
    };
    if r.kind() != ReviewKind::Management || !r.is_held() {
        return Err(AppError::field("review_id", Message::new("rating-err-held-management")));
    }
    let scale: QualityScale = store.organisation_settings(auth.org()).await?.0.quality_scale;
    let comment = scale.rating(score, comment).map_err(AppError::Validation)?;
    let score = i32::try_from(score).unwrap_or_default();
    let mark = crate::coach::mark_now(store, auth.org(), plan, crate::today()).await?;
    let new = NewRating {
        plan,
        review,
        score,
        scale_min: scale.min,
        scale_max: scale.max,
        label: scale.label(score).unwrap_or_default(),
        comment: &comment,
        coach_score: Some(mark.score),
        coach_level: Some(mark.level),
        rated_by: auth.id(),
    };
    match store.add_rating(auth.org(), &new).await {
        Ok(rating) => Ok(rating),
        Err(e) if e.is_unique_violation() => Err(AppError::field("review_id", Message::new("rating-err-rated"))),
        Err(e) => Err(e.into()),
    }
}
