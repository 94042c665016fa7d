//! Working together: the activity history, comments, notifications and their
//! reminders, and the calendar feed. Called by the service layer after writes;
//! history and notifications are a by-product, so their failures are logged and
//! never undo or fail the write that caused them.

use keyplan_domain::review::ReviewKind;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Node, NodeKind};
use keyplan_domain::{ItemId, Message, NodeId, OrgId, PlanId, UserId};
use keyplan_store::{Comment, NewNotification, Store};
use time::{Date, Duration};

use crate::AppError;
use crate::Result;
use crate::auth::Auth;
use keyplan_domain::calendar::Event;

/// How far ahead due dates and reviews are announced.
pub const REMIND_DAYS: i64 = 7;

/// Adds one entry to a plan's history (one INSERT), and keeps the coach's
/// mark of the plan current (see [`crate::coach::marks`]); a failure is only
/// logged.
pub async fn record_activity(store: &Store, auth: &Auth, plan: PlanId, action: &str, kind: &str, id: Option<i64>, message: &Message) {
    if let Err(e) = store.record_activity(auth.org(), plan, Some(auth.id()), action, kind, id, message).await {
        tracing::warn!(error = %e, plan = plan.get(), action, "recording activity failed");
    }
    if action != "commented" {
        crate::coach::marks::remark(store, auth.org(), plan).await;
    }
}

/// History entry for a write to a node of the tree.
pub async fn node_activity(store: &Store, auth: &Auth, action: &str, node: &Node) {
    let summary = written(action, short(&node.title)).label("what", "node-kind", node.kind().as_str());
    record_activity(store, auth, node.plan_id, action, "node", Some(node.id.get()), &summary).await;
}

/// History entry for a write to an analysis item, SWOT entry, opportunity or risk.
pub async fn item_activity(store: &Store, auth: &Auth, action: &str, item: &keyplan_store::Item) {
    let summary = match item.category() {
        Some(c) => written(action, short(&item.text)).label("what", "item-category", c.as_str()),
        None => written(action, short(&item.text)).label("what", "item-kind", item.kind().as_str()),
    };
    record_activity(store, auth, item.plan_id, action, "item", Some(item.id.get()), &summary).await;
}

/// "added obstacle “…”" without its kind (`what`).
fn written(action: &str, title: String) -> Message {
    let verb = match action {
        "created" => "added",
        "deleted" => "deleted",
        _ => "edited",
    };
    Message::new("stored-written").arg("verb", verb).arg("title", title)
}

/// Creates a notification; a failure is only logged.
async fn notify(store: &Store, n: NewNotification<'_>) {
    if let Err(e) = store.notify(&n).await {
        tracing::warn!(error = %e, user = n.user.get(), kind = n.kind, "creating a notification failed");
    }
}

/// After a commitment was created or edited: tell its owner when it is
/// (again) proposed to them by someone else.
pub async fn commitment_written(store: &Store, auth: &Auth, before: Option<&Node>, node: &Node) {
    if node.kind() != NodeKind::Commitment {
        return;
    }
    let asked = node.acceptance() == Some(Acceptance::Proposed)
        && before.is_none_or(|b| b.acceptance() != Some(Acceptance::Proposed) || b.owner_id() != node.owner_id());
    if asked {
        commitment_proposed(store, auth.org(), auth.id(), auth.name(), node).await;
    }
}

/// Tells a commitment's owner that `actor` (named `actor_name`) proposed it to
/// them; nothing when the actor is the owner. The API, the pages and the import
/// of a plan document all tell the owner this one way.
pub async fn commitment_proposed(store: &Store, org: OrgId, actor: UserId, actor_name: &str, node: &Node) {
    let Some(owner) = node.owner_id().filter(|o| *o != actor) else { return };
    {
        let message = Message::new("stored-notif-proposed").arg("name", actor_name).arg("title", &node.title);
        let key = format!("proposed:{}:{}", node.id.get(), node.version);
        notify(
            store,
            NewNotification {
                org,
                user: owner,
                kind: "commitment_proposed",
                plan: Some(node.plan_id),
                message: &message,
                link: "/me/commitments",
                dedupe_key: Some(&key),
            },
        )
        .await;
    }
}

/// After a commitment was edited: when its status became done or missed, a
/// history line says so (action `done` or `missed`); the scorecard dates
/// deliveries by it.
pub async fn commitment_completed(store: &Store, auth: &Auth, before: &Node, node: &Node) {
    let (action, code) = match node.status() {
        Some(CommitmentStatus::Done) => ("done", "stored-commitment-done"),
        Some(CommitmentStatus::Missed) => ("missed", "stored-commitment-missed"),
        _ => return,
    };
    if node.kind() != NodeKind::Commitment || before.status() == node.status() {
        return;
    }
    let summary = Message::new(code).arg("title", short(&node.title));
    record_activity(store, auth, node.plan_id, action, "node", Some(node.id.get()), &summary).await;
}

/// After an answer to a commitment: record it and tell the other side (the
/// author when the owner answered, the owner when the author did).
pub async fn commitment_answered(store: &Store, auth: &Auth, node: &Node) {
    let (action, code) = match (node.acceptance(), node.decline_reason(), node.proposed_due_date()) {
        (Some(Acceptance::Accepted), _, _) => ("accepted", "stored-commitment-accepted"),
        (Some(Acceptance::Declined), Some(_), _) => ("declined", "stored-commitment-declined-because"),
        (Some(Acceptance::Declined), None, _) => ("declined", "stored-commitment-declined"),
        (Some(Acceptance::DateProposed), _, Some(_)) => ("date_proposed", "stored-commitment-date-proposed"),
        // Not expected: a proposed date without the date.
        (Some(Acceptance::DateProposed), _, None) => ("date_proposed", "stored-commitment-date-proposed-bare"),
        _ => ("answered", "stored-commitment-answered"),
    };
    let mut summary = Message::new(code).arg("title", &node.title);
    if let (Some(Acceptance::Declined), Some(r)) = (node.acceptance(), node.decline_reason()) {
        summary = summary.arg("reason", r);
    }
    if let (Some(Acceptance::DateProposed), Some(d)) = (node.acceptance(), node.proposed_due_date()) {
        summary = summary.iso_date("date", d);
    }
    record_activity(store, auth, node.plan_id, action, "node", Some(node.id.get()), &summary).await;
    let other = if node.owner_id() == Some(auth.id()) { node.author_id() } else { node.owner_id() };
    let Some(user) = other.filter(|u| *u != auth.id()) else { return };
    let message = Message::new("stored-notif-answered").arg("name", auth.name()).arg("line", summary);
    let key = format!("answer:{}:{}", node.id.get(), node.version);
    let link = format!("/plans/{}#node-{}", node.plan_id.get(), node.id.get());
    notify(
        store,
        NewNotification {
            org: auth.org(),
            user,
            kind: "commitment_answered",
            plan: Some(node.plan_id),
            message: &message,
            link: &link,
            dedupe_key: Some(&key),
        },
    )
    .await;
}

/// What a comment can be about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Plan,
    Node(NodeId),
    Item(ItemId),
}

impl Target {
    /// Reads `plan`, `node:ID` or `item:ID` (as the comment form's select sends it).
    pub fn parse(kind: &str, id: Option<i64>) -> Option<Target> {
        match (kind, id) {
            ("plan" | "", _) => Some(Target::Plan),
            ("node", Some(i)) if i > 0 => Some(Target::Node(NodeId::new(i))),
            ("item", Some(i)) if i > 0 => Some(Target::Item(ItemId::new(i))),
            _ => None,
        }
    }
    pub fn from_ref(s: &str) -> Option<Target> {
        match s.split_once(':') {
            Some((k, i)) => Target::parse(k, Some(i.parse().ok()?)),
            None => Target::parse(s, None),
        }
    }
}

/// Comments on a plan (or one of its items). Anyone in the organisation who may
/// see the plan may comment, viewers included; the item's owner and author hear of it.
pub async fn add_comment(store: &Store, auth: &Auth, plan: PlanId, target: Target, body: &str) -> Result<Comment> {
    let plan_row = store.plan(auth.org(), plan).await?;
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::field("body", keyplan_domain::Message::new("discussion-err-empty")));
    }
    if body.chars().count() > 4000 {
        return Err(AppError::field("body", keyplan_domain::Message::new("discussion-err-too-long")));
    }
    keyplan_domain::text::check("body", body)?;
    keyplan_domain::text::visible("body", body)?;
    let (kind, id, about, people): (&str, i64, Option<String>, Vec<UserId>) = match target {
        Target::Plan => ("plan", plan.get(), None, vec![]),
        Target::Node(n) => {
            let node = store
                .node(auth.org(), n)
                .await
                .map_err(|_| AppError::field("target", keyplan_domain::Message::new("discussion-err-target")))?;
            if node.plan_id != plan {
                return Err(AppError::field("target", keyplan_domain::Message::new("discussion-err-target")));
            }
            let people = node.owner_id().into_iter().chain(node.author_id()).collect();
            ("node", n.get(), Some(node.title), people)
        }
        Target::Item(i) => {
            let item = store
                .item(auth.org(), i)
                .await
                .map_err(|_| AppError::field("target", keyplan_domain::Message::new("discussion-err-target")))?;
            if item.plan_id != plan {
                return Err(AppError::field("target", keyplan_domain::Message::new("discussion-err-target")));
            }
            ("item", i.get(), Some(short(&item.text)), item.author_id.into_iter().collect())
        }
    };
    let comment = store.add_comment(auth.org(), plan, kind, id, auth.id(), body).await?;
    let (line, message) = match about {
        Some(title) => (Message::new("stored-commented").arg("title", &title), Message::new("stored-notif-comment").arg("title", title)),
        None => (Message::new("stored-commented-plan"), Message::new("stored-notif-comment-plan")),
    };
    record_activity(store, auth, plan, "commented", kind, Some(id), &line).await;
    let message = message.arg("name", auth.name()).arg("plan", &plan_row.title).arg("body", short(body));
    let key = format!("comment:{}", comment.id.get());
    let link = format!("/plans/{}?tab=discussion#discussion", plan.get());
    let mut told = vec![auth.id()];
    for user in people {
        if told.contains(&user) {
            continue;
        }
        told.push(user);
        let n = NewNotification {
            org: auth.org(),
            user,
            kind: "comment",
            plan: Some(plan),
            message: &message,
            link: &link,
            dedupe_key: Some(&key),
        };
        notify(store, n).await;
    }
    Ok(comment)
}

fn short(s: &str) -> String {
    shorten(s, 80)
}

/// At most `max` characters, the last an ellipsis when something was cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max { s.to_string() } else { format!("{}\u{2026}", s.chars().take(max - 1).collect::<String>().trim_end()) }
}

// --- reminders -------------------------------------------------------------------------------

/// A reminder to create (pure: decided from dates, no I/O).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub org: OrgId,
    pub user: UserId,
    pub plan: PlanId,
    pub kind: &'static str,
    pub message: Message,
    pub link: String,
    pub dedupe_key: String,
}

/// Due soon (within [`REMIND_DAYS`]) or overdue; one reminder of each per due date.
pub fn commitment_reminder(c: &keyplan_store::DueCommitment, today: Date) -> Option<Reminder> {
    let days = (c.due_date - today).whole_days();
    let (kind, message) = if days < 0 {
        ("commitment_overdue", Message::new("stored-notif-overdue").iso_date("date", c.due_date))
    } else if days <= REMIND_DAYS {
        let when = match days {
            0 => Message::new("stored-today"),
            1 => Message::new("stored-tomorrow"),
            d => Message::new("stored-in-days").arg("days", d).iso_date("date", c.due_date),
        };
        ("commitment_due", Message::new("stored-notif-due").arg("when", when))
    } else {
        return None;
    };
    let message = message.arg("title", &c.title).arg("plan", &c.plan_title);
    Some(Reminder {
        org: c.org_id,
        user: c.owner_id,
        plan: c.plan_id,
        kind,
        message,
        link: "/me/commitments".into(),
        dedupe_key: format!("{kind}:{}:{}", c.id.get(), c.due_date),
    })
}

/// A review due within [`REMIND_DAYS`] or overdue (not held), once per date.
pub fn review_reminder(r: &keyplan_store::ReviewDate, today: Date) -> Option<Reminder> {
    let days = (r.review_date - today).whole_days();
    if days > REMIND_DAYS {
        return None;
    }
    let code = if days < 0 { "stored-notif-review-overdue" } else { "stored-notif-review-due" };
    let kind = r.kind.map_or("plan", ReviewKind::as_str);
    let key = match r.review_id {
        Some(id) => format!("review:{id}:{}", r.review_date),
        None => format!("plan_review:{}:{}", r.plan_id.get(), r.review_date),
    };
    Some(Reminder {
        org: r.org_id,
        user: r.user_id,
        plan: r.plan_id,
        kind: if days < 0 { "review_overdue" } else { "review_due" },
        message: Message::new(code).arg("kind", kind).arg("plan", &r.plan_title).iso_date("date", r.review_date),
        link: format!("/plans/{}", r.plan_id.get()),
        dedupe_key: key,
    })
}

/// A review's kind, or none for the plan's own next review date.
fn review_label(kind: Option<ReviewKind>) -> &'static str {
    kind.map_or("Plan review", ReviewKind::label)
}

/// Creates the due, overdue and review reminders for `today` in every
/// organisation. Idempotent: a reminder already given is not repeated.
/// Answers how many notifications were created.
pub async fn generate_reminders(store: &Store, today: Date) -> Result<usize> {
    let until = today + Duration::days(REMIND_DAYS);
    let (commitments, reviews) = tokio::try_join!(store.commitments_due_by(until), store.reviews_due_by(until))?;
    let reminders =
        commitments.iter().filter_map(|c| commitment_reminder(c, today)).chain(reviews.iter().filter_map(|r| review_reminder(r, today)));
    let mut created = 0;
    for r in reminders {
        let n = NewNotification {
            org: r.org,
            user: r.user,
            kind: r.kind,
            plan: Some(r.plan),
            message: &r.message,
            link: &r.link,
            dedupe_key: Some(&r.dedupe_key),
        };
        if store.notify(&n).await? {
            created += 1;
        }
    }
    Ok(created)
}

/// Runs [`generate_reminders`] now and then every `every`.
pub fn spawn_reminders(store: Store, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
    // One server at a time; the reminders themselves are kept once each too.
    crate::jobs::spawn_leased(store, "reminders", every, |store| async move {
        match generate_reminders(&store, crate::today()).await {
            Ok(n) if n > 0 => tracing::info!(created = n, "reminders"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = ?e, "generating reminders failed"),
        }
        // The KAMs' update reminders (issue 17), each recorded once per interval.
        match crate::rhythm::send_update_reminders(&store, crate::today()).await {
            Ok(n) if n > 0 => tracing::info!(sent = n, "update reminders"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = ?e, "sending update reminders failed"),
        }
    })
}

// --- calendar feed ---------------------------------------------------------------------------

/// Gives the user a new secret feed token (the old one stops working) and answers it.
pub async fn new_calendar_token(store: &Store, auth: &Auth) -> Result<String> {
    let token = crate::auth::random_token();
    store.set_calendar_feed(auth.org(), auth.id(), &crate::auth::token_hash(&token)).await?;
    Ok(token)
}

/// The events behind a feed token: the user's accepted commitments and their reviews.
/// An unknown (revoked, replaced) token is not found.
pub async fn calendar_feed(store: &Store, token: &str, base_url: &str) -> Result<Vec<Event>> {
    let (org, user) = store.calendar_feed_user(&crate::auth::token_hash(token)).await?.ok_or(AppError::NotFound)?;
    let (commitments, reviews) = tokio::try_join!(store.accepted_commitments_of(org, user), store.reviews_of(org, user))?;
    let mut events = Vec::with_capacity(commitments.len() + reviews.len());
    for c in &commitments {
        let mut description = format!("Commitment in {}.", c.plan_title);
        if let Some(d) = c.done_criterion.as_deref().filter(|d| !d.is_empty()) {
            description.push_str(&format!("\nDone when: {d}"));
        }
        if let Some(s) = &c.status {
            description.push_str(&format!("\nStatus: {}", s.as_str().replace('_', " ")));
        }
        events.push(Event {
            uid: format!("commitment-{}@keyplan", c.id.get()),
            date: c.due_date,
            summary: format!("Due: {}", c.title),
            description,
            url: format!("{base_url}/plans/{}#node-{}", c.plan_id.get(), c.id.get()),
        });
    }
    for r in reviews.iter().filter(|r| r.review_id.is_some()) {
        events.push(Event {
            uid: format!("review-{}@keyplan", r.review_id.unwrap_or_default()),
            date: r.review_date,
            summary: format!("{} of {}", review_label(r.kind), r.plan_title),
            description: format!("Review of the plan {}.", r.plan_title),
            url: format!("{base_url}/plans/{}", r.plan_id.get()),
        });
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyplan_store::{DueCommitment, ReviewDate};
    use time::macros::date;

    /// A reminder's text as an English reader sees it.
    fn english(m: &Message) -> String {
        keyplan_i18n::Tr::new(keyplan_domain::Lang::En).msg(m)
    }

    fn commitment(due: Date) -> DueCommitment {
        DueCommitment {
            id: NodeId::new(5),
            org_id: OrgId::new(1),
            plan_id: PlanId::new(2),
            plan_title: "Plan".into(),
            title: "Workshop".into(),
            owner_id: UserId::new(3),
            due_date: due,
            done_criterion: None,
            status: Some(keyplan_domain::tree::CommitmentStatus::Open),
        }
    }

    #[test]
    fn commitments_are_reminded_within_a_week_and_when_overdue() {
        let today = date!(2026 - 11 - 23);
        assert_eq!(commitment_reminder(&commitment(date!(2026 - 12 - 01)), today), None, "8 days ahead: not yet");
        let week = commitment_reminder(&commitment(date!(2026 - 11 - 30)), today).expect("7 days ahead");
        assert_eq!(week.kind, "commitment_due");
        assert_eq!(week.dedupe_key, "commitment_due:5:2026-11-30");
        assert!(english(&commitment_reminder(&commitment(today), today).expect("today").message).starts_with("Due today"));
        let late = commitment_reminder(&commitment(date!(2026 - 11 - 22)), today).expect("overdue");
        assert_eq!(late.kind, "commitment_overdue");
        assert_eq!(late.user, UserId::new(3));
        // A new due date is a new reminder; the same date never twice.
        assert_ne!(late.dedupe_key, commitment_reminder(&commitment(date!(2026 - 11 - 21)), today).unwrap().dedupe_key);
    }

    #[test]
    fn reviews_are_reminded_within_a_week() {
        let today = date!(2026 - 11 - 23);
        let review = |d: Date, id: Option<i64>| ReviewDate {
            review_id: id,
            org_id: OrgId::new(1),
            plan_id: PlanId::new(2),
            plan_title: "Northwind 2027".into(),
            kind: id.map(|_| ReviewKind::Management),
            review_date: d,
            user_id: UserId::new(4),
        };
        assert_eq!(review_reminder(&review(date!(2026 - 12 - 05), Some(9)), today), None);
        let due = review_reminder(&review(date!(2026 - 11 - 25), Some(9)), today).unwrap();
        assert_eq!((due.kind, due.dedupe_key.as_str()), ("review_due", "review:9:2026-11-25"));
        assert!(english(&due.message).starts_with("Management review of Northwind 2027"));
        let plan = review_reminder(&review(date!(2026 - 11 - 01), None), today).unwrap();
        assert_eq!((plan.kind, plan.dedupe_key.as_str()), ("review_overdue", "plan_review:2:2026-11-01"));
    }

    #[test]
    fn history_lines_read_in_english_as_they_always_were() {
        use keyplan_domain::analysis::{Category, ItemKind};
        for kind in NodeKind::ALL {
            let line = written("created", "Grow".into()).label("what", "node-kind", kind.as_str());
            assert_eq!(english(&line), format!("added {} \u{201c}Grow\u{201d}", kind.label().to_lowercase()));
        }
        for c in Category::ALL {
            let line = written("deleted", "X".into()).label("what", "item-category", c.as_str());
            assert_eq!(english(&line), format!("deleted {} \u{201c}X\u{201d}", c.label().to_lowercase()));
        }
        for k in ItemKind::ALL {
            let line = written("updated", "X".into()).label("what", "item-kind", k.as_str());
            assert_eq!(english(&line), format!("edited {} \u{201c}X\u{201d}", k.label().to_lowercase()));
        }
        let review = |kind: ReviewKind| Message::new("stored-review").arg("kind", kind.as_str()).date("date", date!(2027 - 01 - 15));
        for kind in ReviewKind::ALL {
            let held = Message::new("stored-review-held").arg("review", review(kind));
            assert_eq!(
                english(&held),
                format!("held the {} of 15 Jan 2027; the plan was frozen as a snapshot", kind.label().to_lowercase())
            );
        }
    }

    #[test]
    fn comment_targets_parse() {
        assert_eq!(Target::from_ref("plan"), Some(Target::Plan));
        assert_eq!(Target::from_ref("node:4"), Some(Target::Node(NodeId::new(4))));
        assert_eq!(Target::from_ref("item:2"), Some(Target::Item(ItemId::new(2))));
        assert_eq!(Target::from_ref("node:x"), None);
        assert_eq!(Target::from_ref("kpi:1"), None);
    }
}
