//! What reviews leave behind besides themselves: entries in the plan's history
//! and notifications for the people concerned. Like the rest of the history, a
//! failure here is logged and never undoes the review write that caused it.

use keyplan_domain::review::Signoff;
use keyplan_domain::{Message, OrgId, UserId};
use keyplan_store::{NewNotification, Review, Store};

/// One history entry about review `r`; `actor` none: the command line.
pub async fn record(store: &Store, org: OrgId, actor: Option<UserId>, r: &Review, action: &str, summary: &Message) {
    if let Err(e) = store.record_activity(org, r.plan_id, actor, action, "review", Some(r.id.get()), summary).await {
        tracing::warn!(error = %e, review = r.id.get(), action, "recording review activity failed");
    }
    crate::coach::marks::remark(store, org, r.plan_id).await;
}

/// "team review of 15 Jan 2027", for history lines and messages.
pub fn describe(r: &Review) -> Message {
    Message::new("stored-review").arg("kind", r.kind().as_str()).date("date", r.review_date)
}

/// A history line about review `r`: `code` with the review's description as `review`.
pub fn line(code: &str, r: &Review) -> Message {
    Message::new(code).arg("review", describe(r))
}

async fn notify(store: &Store, n: NewNotification<'_>) {
    if let Err(e) = store.notify(&n).await {
        tracing::warn!(error = %e, user = n.user.get(), kind = n.kind, "creating a notification failed");
    }
}

/// Tells `users` (the review's participants from our side) that the review they
/// take part in is scheduled for its date. Once per person and date: being added
/// twice is one message, moving the review to another date is a new one.
pub async fn scheduled(store: &Store, org: OrgId, actor: UserId, actor_name: &str, r: &Review, users: &[UserId]) {
    let plan = match store.plan(org, r.plan_id).await {
        Ok(p) => p,
        Err(e) => return tracing::warn!(error = %e, review = r.id.get(), "loading the plan for a review notice failed"),
    };
    let message = line("stored-notif-review-scheduled", r).arg("name", actor_name).arg("plan", &plan.title);
    let link = format!("/reviews/{}", r.id.get());
    for user in users.iter().copied().filter(|u| *u != actor) {
        let key = format!("review_scheduled:{}:{}:{}", r.id.get(), user.get(), r.review_date);
        let n = NewNotification {
            org,
            user,
            kind: "review_scheduled",
            plan: Some(r.plan_id),
            message: &message,
            link: &link,
            dedupe_key: Some(&key),
        };
        notify(store, n).await;
    }
}

/// Tells the plan's owner — the account's key account manager, else whoever made
/// the plan — how a manager signed off its management review.
pub async fn signed_off(store: &Store, org: OrgId, actor: UserId, actor_name: &str, r: &Review) {
    let owner = async {
        let plan = store.plan(org, r.plan_id).await?;
        let account = store.account(org, plan.account_id).await?;
        Ok::<_, keyplan_store::StoreError>((plan.title.clone(), account.owner_id.or(plan.created_by)))
    };
    let (title, owner) = match owner.await {
        Ok(x) => x,
        Err(e) => return tracing::warn!(error = %e, review = r.id.get(), "loading the plan owner for a sign-off failed"),
    };
    let Some(user) = owner.filter(|u| *u != actor) else { return };
    let message = match (r.signoff(), r.signoff_comment.as_deref()) {
        (Some(Signoff::ChangesRequested), Some(c)) => line("stored-notif-changes", r).arg("comment", c),
        (Some(Signoff::ChangesRequested), None) => line("stored-notif-changes-plain", r),
        _ => line("stored-notif-approved", r),
    };
    let message = message.arg("name", actor_name).arg("plan", title);
    // A new sign-off (a later decision) is a new review version: told again.
    let key = format!("review_signoff:{}:{}", r.id.get(), r.version);
    let link = format!("/reviews/{}#signoff", r.id.get());
    let n = NewNotification {
        org,
        user,
        kind: "review_signoff",
        plan: Some(r.plan_id),
        message: &message,
        link: &link,
        dedupe_key: Some(&key),
    };
    notify(store, n).await;
}
