//! History lines and notifications from before keyplan stored them by code.
//!
//! Until migration 0007 keyplan wrote these texts once, in English (`added
//! obstacle “…”`, `Lena proposed a commitment to you: …`). [`Store::migrate`]
//! reads each such row once, recognises its form by the fixed words, and stores
//! the message code with its parts as arguments (titles, names and comments as
//! people wrote them; dates and kinds as values), so every row is shown in the
//! reader's language without parsing English again. A text that matches no
//! known form is kept as written ([`Message::verbatim`]).
//!
//! [`Store::migrate`]: crate::Store::migrate

use keyplan_domain::{Message, MsgArg};
use time::{Date, Month};

use crate::collab::args_json;
use crate::{Store, StoreResult, on_pool};

impl Store {
    /// Gives every history line and notification written before migration 0007
    /// its message code (once: afterwards no row is without one).
    pub(crate) async fn convert_legacy_text(&self) -> StoreResult<()> {
        let lines: Vec<(i64, String)> = on_pool!(self, p => sqlx::query_as(
            "SELECT id, summary FROM activity WHERE message_code IS NULL ORDER BY id").fetch_all(p).await)?;
        for (id, summary) in lines {
            let m = activity(&summary);
            on_pool!(self, p => sqlx::query("UPDATE activity SET message_code = $1, message_args = $2 WHERE id = $3")
                .bind(&m.code).bind(args_json(&m)).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        }
        let notes: Vec<(i64, String, String)> = on_pool!(self, p => sqlx::query_as(
            "SELECT id, kind, message FROM notifications WHERE message_code IS NULL ORDER BY id").fetch_all(p).await)?;
        for (id, kind, message) in notes {
            let m = notification(&kind, &message);
            on_pool!(self, p => sqlx::query("UPDATE notifications SET message_code = $1, message_args = $2 WHERE id = $3")
                .bind(&m.code).bind(args_json(&m)).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }
}

/// The message of a history line (without the actor's name in front).
pub fn activity(summary: &str) -> Message {
    activity_in(summary).unwrap_or_else(|| Message::verbatim(summary))
}

/// The message of a notification of `kind`.
pub fn notification(kind: &str, message: &str) -> Message {
    notification_in(kind, message).unwrap_or_else(|| Message::verbatim(message))
}

const NODE_KINDS: &[(&str, &str)] = &[
    ("account sales goal", "goal"),
    ("critical success factor", "csf"),
    ("necessary condition", "condition"),
    ("obstacle", "obstacle"),
    ("commitment", "commitment"),
];

const ITEM_LABELS: &[(&str, &str, &str)] = &[
    ("customer", "item-category", "customer"),
    ("market", "item-category", "market"),
    ("competitor", "item-category", "competitor"),
    ("own position", "item-category", "own_position"),
    ("strengths", "item-category", "strength"),
    ("weaknesses", "item-category", "weakness"),
    ("opportunities", "item-category", "opportunity"),
    ("threats", "item-category", "threat"),
    ("analysis item", "item-kind", "analysis"),
    ("swot entry", "item-kind", "swot"),
    ("opportunity", "item-kind", "opportunity"),
    ("risk", "item-kind", "risk"),
];

const REVIEW_KINDS: &[(&str, &str)] =
    &[("team review", "team"), ("management review", "management"), ("customer joint review", "customer"), ("plan review", "plan")];

const MONTHS: [Month; 12] = [
    Month::January,
    Month::February,
    Month::March,
    Month::April,
    Month::May,
    Month::June,
    Month::July,
    Month::August,
    Month::September,
    Month::October,
    Month::November,
    Month::December,
];

/// A date as keyplan wrote it: `2026-10-24` (kept so in English) or `24 Oct 2026`.
/// Another spelling is not a known form: the English text must come out the same.
fn date_arg(s: &str) -> Option<MsgArg> {
    if let Ok(d) = keyplan_domain::validate::parse_date("date", s) {
        return (keyplan_domain::validate::format_date(d) == s).then_some(MsgArg::IsoDate(d));
    }
    let mut parts = s.split(' ');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let month = MONTHS.iter().find(|m| {
        let name = format!("{m}");
        name.eq_ignore_ascii_case(month) || name[..3].eq_ignore_ascii_case(month)
    })?;
    let d = Date::from_calendar_date(year.parse().ok()?, *month, day.parse().ok()?).ok()?;
    (keyplan_domain::lang::format_date(d, keyplan_domain::Lang::En) == s).then_some(MsgArg::Date(d))
}

/// `“title”` → `title`.
fn quoted(s: &str) -> Option<&str> {
    s.strip_prefix('\u{201c}')?.strip_suffix('\u{201d}')
}

/// "team review of 24 Oct 2026".
fn review(s: &str) -> Option<Message> {
    let (kind, date) = s.split_once(" of ")?;
    let code = REVIEW_KINDS.iter().find(|(en, _)| en.eq_ignore_ascii_case(kind))?.1;
    Some(Message::new("stored-review").arg("kind", code).arg("date", date_arg(date)?))
}

fn activity_in(s: &str) -> Option<Message> {
    let fixed = [
        ("created the plan", "stored-plan-created"),
        ("edited the plan's title, status or period", "stored-plan-edited"),
        ("linked a goal to its evidence", "stored-link-added"),
        ("removed a link from a goal", "stored-link-removed"),
        ("commented on the plan", "stored-commented-plan"),
    ];
    if let Some((_, id)) = fixed.iter().find(|(en, _)| *en == s) {
        return Some(Message::new(*id));
    }
    for (verb, id) in [("added ", "added"), ("deleted ", "deleted"), ("edited ", "edited")] {
        if let Some(rest) = s.strip_prefix(verb)
            && let Some((what, title)) = rest.split_once(" \u{201c}").map(|(w, r)| (w, format!("\u{201c}{r}")))
            && let Some(title) = quoted(&title)
        {
            let written = Message::new("stored-written").arg("verb", id).arg("title", title);
            if let Some((_, kind)) = NODE_KINDS.iter().find(|(en, _)| *en == what) {
                return Some(written.label("what", "node-kind", kind));
            }
            if let Some((_, enum_kind, code)) = ITEM_LABELS.iter().find(|(en, _, _)| *en == what) {
                return Some(written.label("what", enum_kind, code));
            }
        }
    }
    if let Some(rest) = s.strip_prefix("proposed a new date for commitment ")
        && let Some((title, date)) = rest.rsplit_once(" (")
    {
        let date = date_arg(date.strip_suffix(')')?)?;
        return Some(Message::new("stored-commitment-date-proposed").arg("title", quoted(title)?).arg("date", date));
    }
    for verb in ["accepted", "declined", "answered"] {
        if let Some(rest) = s.strip_prefix(&format!("{verb} commitment ")) {
            return Some(match rest.split_once("\u{201d}: ") {
                Some((title, reason)) => {
                    Message::new("stored-commitment-declined-because").arg("title", title.strip_prefix('\u{201c}')?).arg("reason", reason)
                }
                None => Message::new(format!("stored-commitment-{verb}")).arg("title", quoted(rest)?),
            });
        }
    }
    if let Some(key) = s.strip_prefix("edited the section ") {
        return Some(Message::new("stored-section-edited").arg("section", key));
    }
    if let Some(n) = s.strip_prefix("imported the plan from a file (").and_then(|r| r.strip_suffix(" goals)")) {
        let goals: i64 = n.parse().ok()?;
        return (goals.to_string() == n).then(|| Message::new("stored-plan-imported").arg("goals", goals));
    }
    if let Some(about) = s.strip_prefix("commented on ") {
        return Some(Message::new("stored-commented").arg("title", quoted(about)?));
    }
    if let Some(label) = s.strip_prefix("created the share link ") {
        return Some(Message::new("stored-share-created").arg("label", quoted(label)?));
    }
    if let Some(label) = s.strip_prefix("revoked the share link ") {
        return Some(Message::new("stored-share-revoked").arg("label", quoted(label)?));
    }
    if let Some(r) = s.strip_prefix("scheduled the ") {
        return Some(Message::new("stored-review-scheduled").arg("review", review(r)?));
    }
    if let Some(rest) = s.strip_prefix("moved the ")
        && let Some((r, date)) = rest.rsplit_once(" to ")
    {
        return Some(Message::new("stored-review-moved").arg("review", review(r)?).arg("date", date_arg(date)?));
    }
    if let Some(r) = s.strip_prefix("held the ").and_then(|r| r.strip_suffix("; the plan was frozen as a snapshot")) {
        return Some(Message::new("stored-review-held").arg("review", review(r)?));
    }
    if let Some(rest) = s.strip_prefix("signed off the ")
        && let Some((r, outcome)) = rest.split_once(": ")
    {
        let review = review(r)?;
        return Some(match outcome.strip_prefix("requested changes: ") {
            Some(c) => Message::new("stored-review-changes").arg("review", review).arg("comment", c),
            None if outcome == "approved the plan" => Message::new("stored-review-approved").arg("review", review),
            None => return None,
        });
    }
    if let Some(rest) = s.strip_prefix("added ")
        && let Some((who, r)) = rest.split_once(" to the ")
    {
        return Some(Message::new("stored-participant-added").arg("name", who).arg("review", review(r)?));
    }
    if let Some(rest) = s.strip_prefix("removed ")
        && let Some((who, r)) = rest.split_once(" from the ")
    {
        return Some(Message::new("stored-participant-removed").arg("name", who).arg("review", review(r)?));
    }
    None
}

/// "Plan (Brightwater 2027)" → ("Plan", "Brightwater 2027").
fn title_and_plan(rest: &str) -> Option<(&str, &str)> {
    let (title, plan) = rest.rsplit_once(" (")?;
    Some((title, plan.strip_suffix(')')?))
}

fn notification_in(kind: &str, m: &str) -> Option<Message> {
    match kind {
        "commitment_proposed" => {
            let (actor, title) = m.split_once(" proposed a commitment to you: ")?;
            Some(Message::new("stored-notif-proposed").arg("name", actor).arg("title", title))
        }
        "commitment_answered" => {
            // "{actor} {history line}": the actor's name ends where a known line starts.
            m.match_indices(' ').find_map(|(i, _)| {
                let line = activity_in(&m[i + 1..])?;
                Some(Message::new("stored-notif-answered").arg("name", &m[..i]).arg("line", line))
            })
        }
        "comment" => {
            let (actor, rest) = m.split_once(" commented on ")?;
            let (about, rest) = if let Some(r) = rest.strip_prefix("the plan in ") {
                (None, r)
            } else {
                let (title, r) = rest.strip_prefix('\u{201c}')?.split_once("\u{201d} in ")?;
                (Some(title), r)
            };
            let (plan, body) = rest.split_once(": ")?;
            Some(match about {
                Some(title) => {
                    Message::new("stored-notif-comment").arg("name", actor).arg("title", title).arg("plan", plan).arg("body", body)
                }
                None => Message::new("stored-notif-comment-plan").arg("name", actor).arg("plan", plan).arg("body", body),
            })
        }
        "commitment_overdue" => {
            let (date, rest) = m.strip_prefix("Overdue since ")?.split_once(": ")?;
            let (title, plan) = title_and_plan(rest)?;
            Some(Message::new("stored-notif-overdue").arg("date", date_arg(date)?).arg("title", title).arg("plan", plan))
        }
        "commitment_due" => {
            let (when, rest) = m.strip_prefix("Due ")?.split_once(": ")?;
            let (title, plan) = title_and_plan(rest)?;
            let when = match when {
                "today" => Message::new("stored-today"),
                "tomorrow" => Message::new("stored-tomorrow"),
                w => {
                    let (days, date) = w.strip_prefix("in ")?.split_once(" days, on ")?;
                    Message::new("stored-in-days").arg("days", days.parse::<i64>().ok()?).arg("date", date_arg(date)?)
                }
            };
            Some(Message::new("stored-notif-due").arg("when", when).arg("title", title).arg("plan", plan))
        }
        "review_due" | "review_overdue" => {
            let (what, rest) = m.split_once(" of ")?;
            let code = REVIEW_KINDS.iter().find(|(en, _)| en.eq_ignore_ascii_case(what))?.1;
            let (plan, date, id) = if let Some((plan, date)) = rest.rsplit_once(" was due on ") {
                (plan, date, "stored-notif-review-overdue")
            } else {
                let (plan, date) = rest.rsplit_once(" on ")?;
                (plan, date, "stored-notif-review-due")
            };
            Some(Message::new(id).arg("kind", code).arg("plan", plan).arg("date", date_arg(date)?))
        }
        "review_scheduled" => {
            let (actor, rest) = m.split_once(" scheduled the ")?;
            let (r, plan) = rest.strip_suffix("; you take part.")?.split_once(" in ")?;
            Some(Message::new("stored-notif-review-scheduled").arg("name", actor).arg("review", review(r)?).arg("plan", plan))
        }
        "review_signoff" => {
            if let Some((actor, rest)) = m.split_once(" approved ") {
                let (plan, r) = rest.strip_suffix('.')?.rsplit_once(" in the ")?;
                return Some(Message::new("stored-notif-approved").arg("name", actor).arg("plan", plan).arg("review", review(r)?));
            }
            let (actor, rest) = m.split_once(" requested changes to ")?;
            let (plan, rest) = rest.split_once(" in the ")?;
            let base = Message::new("stored-notif-changes").arg("name", actor).arg("plan", plan);
            Some(match rest.split_once(": ") {
                Some((r, c)) => base.arg("review", review(r)?).arg("comment", c),
                None => Message { code: "stored-notif-changes-plain".into(), ..base }.arg("review", review(rest.strip_suffix('.')?)?),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn known_forms_become_codes_with_their_parts() {
        assert_eq!(activity("created the plan"), Message::new("stored-plan-created"));
        assert_eq!(
            activity("added obstacle “No budget”"),
            Message::new("stored-written").arg("verb", "added").arg("title", "No budget").label("what", "node-kind", "obstacle")
        );
        assert_eq!(
            activity("proposed a new date for commitment “Run trial” (2027-03-31)"),
            Message::new("stored-commitment-date-proposed").arg("title", "Run trial").iso_date("date", date!(2027 - 03 - 31))
        );
        let review = Message::new("stored-review").arg("kind", "team").date("date", date!(2026 - 10 - 24));
        assert_eq!(
            activity("held the team review of 24 Oct 2026; the plan was frozen as a snapshot"),
            Message::new("stored-review-held").arg("review", review)
        );
        assert_eq!(
            notification("commitment_due", "Due tomorrow: Run the trial (Brightwater 2027)"),
            Message::new("stored-notif-due")
                .arg("when", Message::new("stored-tomorrow"))
                .arg("title", "Run the trial")
                .arg("plan", "Brightwater 2027")
        );
    }

    #[test]
    fn unknown_forms_are_kept_as_written() {
        assert_eq!(activity("did something new"), Message::verbatim("did something new"));
        // A date spelled otherwise than keyplan writes it would not come out the same.
        assert_eq!(
            activity("moved the team review of 3 Nov 2026 to 10 November 2026"),
            Message::verbatim("moved the team review of 3 Nov 2026 to 10 November 2026")
        );
        assert_eq!(notification("other", "Something"), Message::verbatim("Something"));
    }
}
