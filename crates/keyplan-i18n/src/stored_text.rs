//! History lines and notifications in the reader's language.
//!
//! keyplan writes these texts once, in English, when something happens (`added
//! obstacle “…”`, `Lena proposed a commitment to you: …`) and keeps them as
//! written. A reader with another language sees them translated here: each kind
//! of text keyplan writes is recognised by its fixed words and rebuilt from its
//! parts (titles, names and comments stay as people wrote them; dates and kinds
//! are translated). A text that matches no known form is shown as it is.

use keyplan_domain::Lang;
use time::{Date, Month};

use crate::{Arg, Tr};

/// A history line (without the actor's name in front) in `t`'s language.
pub fn activity(summary: &str, t: Tr) -> String {
    if t.lang == Lang::En {
        return summary.to_string();
    }
    activity_in(summary, t).unwrap_or_else(|| summary.to_string())
}

/// A notification's message in `t`'s language.
pub fn notification(kind: &str, message: &str, t: Tr) -> String {
    if t.lang == Lang::En {
        return message.to_string();
    }
    notification_in(kind, message, t).unwrap_or_else(|| message.to_string())
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

/// A date as keyplan writes it in English texts: `24 Oct 2026`, `24 October 2026` or `2026-10-24`.
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = keyplan_domain::validate::parse_date("date", s) {
        return Some(d);
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
    Date::from_calendar_date(year.parse().ok()?, *month, day.parse().ok()?).ok()
}

/// `“title”` → `title`.
fn quoted(s: &str) -> Option<&str> {
    s.strip_prefix('\u{201c}')?.strip_suffix('\u{201d}')
}

/// "team review of 24 Oct 2026" in `t`'s language.
fn review(s: &str, t: Tr) -> Option<String> {
    let (kind, date) = s.split_once(" of ")?;
    let code = REVIEW_KINDS.iter().find(|(en, _)| en.eq_ignore_ascii_case(kind))?.1;
    Some(t.s2("stored-review", "kind", code, "date", t.date(parse_date(date)?)))
}

fn activity_in(s: &str, t: Tr) -> Option<String> {
    let fixed = [
        ("created the plan", "stored-plan-created"),
        ("edited the plan's title, status or period", "stored-plan-edited"),
        ("linked a goal to its evidence", "stored-link-added"),
        ("removed a link from a goal", "stored-link-removed"),
        ("commented on the plan", "stored-commented-plan"),
    ];
    if let Some((_, id)) = fixed.iter().find(|(en, _)| *en == s) {
        return Some(t.s(id));
    }
    for (verb, id) in [("added ", "added"), ("deleted ", "deleted"), ("edited ", "edited")] {
        if let Some(rest) = s.strip_prefix(verb)
            && let Some((what, title)) = rest.split_once(" \u{201c}").map(|(w, r)| (w, format!("\u{201c}{r}")))
            && let Some(title) = quoted(&title)
        {
            if let Some((_, kind)) = NODE_KINDS.iter().find(|(en, _)| *en == what) {
                let kind = t.enum_label("node-kind", kind);
                return Some(t.s3("stored-written", "verb", id, "what", kind, "title", title));
            }
            if let Some((_, enum_kind, code)) = ITEM_LABELS.iter().find(|(en, _, _)| *en == what) {
                let label = t.enum_label(enum_kind, code);
                return Some(t.s3("stored-written", "verb", id, "what", label, "title", title));
            }
        }
    }
    if let Some(rest) = s.strip_prefix("proposed a new date for commitment ")
        && let Some((title, date)) = rest.rsplit_once(" (")
    {
        let date = parse_date(date.strip_suffix(')')?)?;
        return Some(t.s2("stored-commitment-date-proposed", "title", quoted(title)?, "date", t.date(date)));
    }
    for (verb, id) in [("accepted", "accepted"), ("declined", "declined"), ("answered", "answered")] {
        if let Some(rest) = s.strip_prefix(&format!("{verb} commitment ")) {
            return Some(match rest.split_once("\u{201d}: ") {
                Some((title, reason)) => {
                    t.s2("stored-commitment-declined-because", "title", title.strip_prefix('\u{201c}')?, "reason", reason)
                }
                None => t.s1(&format!("stored-commitment-{id}"), "title", quoted(rest)?),
            });
        }
    }
    if let Some(key) = s.strip_prefix("edited the section ") {
        return Some(t.s1("stored-section-edited", "section", key));
    }
    if let Some(n) = s.strip_prefix("imported the plan from a file (").and_then(|r| r.strip_suffix(" goals)")) {
        return Some(t.s1("stored-plan-imported", "goals", n.parse::<i64>().ok()?));
    }
    if let Some(about) = s.strip_prefix("commented on ") {
        return Some(t.s1("stored-commented", "title", quoted(about)?));
    }
    if let Some(label) = s.strip_prefix("created the share link ") {
        return Some(t.s1("stored-share-created", "label", quoted(label)?));
    }
    if let Some(label) = s.strip_prefix("revoked the share link ") {
        return Some(t.s1("stored-share-revoked", "label", quoted(label)?));
    }
    if let Some(r) = s.strip_prefix("scheduled the ") {
        return Some(t.s1("stored-review-scheduled", "review", review(r, t)?));
    }
    if let Some(rest) = s.strip_prefix("moved the ")
        && let Some((r, date)) = rest.rsplit_once(" to ")
    {
        return Some(t.s2("stored-review-moved", "review", review(r, t)?, "date", t.date(parse_date(date)?)));
    }
    if let Some(r) = s.strip_prefix("held the ").and_then(|r| r.strip_suffix("; the plan was frozen as a snapshot")) {
        return Some(t.s1("stored-review-held", "review", review(r, t)?));
    }
    if let Some(rest) = s.strip_prefix("signed off the ")
        && let Some((r, outcome)) = rest.split_once(": ")
    {
        let review = review(r, t)?;
        return Some(match outcome.strip_prefix("requested changes: ") {
            Some(c) => t.s2("stored-review-changes", "review", review, "comment", c),
            None if outcome == "approved the plan" => t.s1("stored-review-approved", "review", review),
            None => return None,
        });
    }
    if let Some(rest) = s.strip_prefix("added ")
        && let Some((who, r)) = rest.split_once(" to the ")
    {
        return Some(t.s2("stored-participant-added", "name", who, "review", review(r, t)?));
    }
    if let Some(rest) = s.strip_prefix("removed ")
        && let Some((who, r)) = rest.split_once(" from the ")
    {
        return Some(t.s2("stored-participant-removed", "name", who, "review", review(r, t)?));
    }
    None
}

fn notification_in(kind: &str, m: &str, t: Tr) -> Option<String> {
    match kind {
        "commitment_proposed" => {
            let (actor, title) = m.split_once(" proposed a commitment to you: ")?;
            Some(t.s2("stored-notif-proposed", "name", actor, "title", title))
        }
        "commitment_answered" => {
            // "{actor} {history line}": the actor's name ends where a known line starts.
            for (i, _) in m.match_indices(' ') {
                if let Some(line) = activity_in(&m[i + 1..], t) {
                    return Some(format!("{} {line}", &m[..i]));
                }
            }
            None
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
                Some(title) => t.a(
                    "stored-notif-comment",
                    &[("name", actor.arg()), ("title", title.arg()), ("plan", plan.arg()), ("body", body.arg())],
                ),
                None => t.s3("stored-notif-comment-plan", "name", actor, "plan", plan, "body", body),
            })
        }
        "commitment_overdue" => {
            let (date, rest) = m.strip_prefix("Overdue since ")?.split_once(": ")?;
            let (title, plan) = rest.rsplit_once(" (")?;
            Some(t.s3("stored-notif-overdue", "date", t.date(parse_date(date)?), "title", title, "plan", plan.strip_suffix(')')?))
        }
        "commitment_due" => {
            let (when, rest) = m.strip_prefix("Due ")?.split_once(": ")?;
            let (title, plan) = rest.rsplit_once(" (")?;
            let when = match when {
                "today" => t.s("stored-today"),
                "tomorrow" => t.s("stored-tomorrow"),
                w => {
                    let (days, date) = w.strip_prefix("in ")?.split_once(" days, on ")?;
                    t.s2("stored-in-days", "days", days.parse::<i64>().ok()?, "date", t.date(parse_date(date)?))
                }
            };
            Some(t.s3("stored-notif-due", "when", when, "title", title, "plan", plan.strip_suffix(')')?))
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
            Some(t.s3(id, "kind", code, "plan", plan, "date", t.date(parse_date(date)?)))
        }
        "review_scheduled" => {
            let (actor, rest) = m.split_once(" scheduled the ")?;
            let (r, plan) = rest.strip_suffix("; you take part.")?.split_once(" in ")?;
            Some(t.s3("stored-notif-review-scheduled", "name", actor, "review", review(r, t)?, "plan", plan))
        }
        "review_signoff" => {
            if let Some((actor, rest)) = m.split_once(" approved ") {
                let (plan, r) = rest.strip_suffix('.')?.rsplit_once(" in the ")?;
                return Some(t.s3("stored-notif-approved", "name", actor, "plan", plan, "review", review(r, t)?));
            }
            let (actor, rest) = m.split_once(" requested changes to ")?;
            let (plan, rest) = rest.split_once(" in the ")?;
            Some(match rest.split_once(": ") {
                Some((r, c)) => t.a(
                    "stored-notif-changes",
                    &[("name", actor.arg()), ("plan", plan.arg()), ("review", review(r, t)?.arg()), ("comment", c.arg())],
                ),
                None => t.s3("stored-notif-changes-plain", "name", actor, "plan", plan, "review", review(rest.strip_suffix('.')?, t)?),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(s: &str) -> String {
        activity(s, Tr::new(Lang::De))
    }

    #[test]
    fn history_lines_read_in_german() {
        assert_eq!(de("created the plan"), Tr::new(Lang::De).s("stored-plan-created"));
        assert_eq!(de("added obstacle “No budget”"), "hat hinzugefügt: Hindernis „No budget“");
        assert_eq!(de("edited account sales goal “Grow”"), format!("hat bearbeitet: {} „Grow“", Tr::new(Lang::De).s("node-kind-goal")));
        assert_eq!(
            de("deleted strengths “Fast service”"),
            format!("hat gelöscht: {} „Fast service“", Tr::new(Lang::De).s("item-category-strength"))
        );
        assert_eq!(de("declined commitment “Run trial”: no time"), "hat die Zusage „Run trial“ abgelehnt: no time");
        assert_eq!(de("accepted commitment “Run trial”"), "hat die Zusage „Run trial“ angenommen");
        assert_eq!(
            de("proposed a new date for commitment “Run trial” (2027-03-31)"),
            "hat für die Zusage „Run trial“ einen neuen Termin vorgeschlagen (31. März 2027)"
        );
        assert_eq!(
            de("held the team review of 24 Oct 2026; the plan was frozen as a snapshot"),
            "hat die Team-Überprüfung vom 24. Oktober 2026 abgehalten; der Plan wurde als Stand eingefroren"
        );
        assert_eq!(
            de("moved the management review of 3 Nov 2026 to 10 Nov 2026"),
            "hat die Management-Überprüfung vom 3. November 2026 auf den 10. November 2026 verschoben"
        );
        assert_eq!(
            de("signed off the management review of 3 Nov 2026: approved the plan"),
            "hat die Management-Überprüfung vom 3. November 2026 abgezeichnet: Plan freigegeben"
        );
        assert_eq!(de("imported the plan from a file (2 goals)"), "hat den Plan aus einer Datei importiert (2 Ziele)");
        assert_eq!(de("created the share link “QBR”"), "hat den Freigabelink „QBR“ erstellt");
        // Unknown forms and English stay as written.
        assert_eq!(de("did something new"), "did something new");
        assert_eq!(activity("added obstacle “x”", Tr::new(Lang::En)), "added obstacle “x”");
    }

    #[test]
    fn notifications_read_in_german() {
        let t = Tr::new(Lang::De);
        assert_eq!(
            notification("commitment_proposed", "Lena Hoffmann proposed a commitment to you: Run the trial", t),
            "Lena Hoffmann hat Ihnen eine Zusage vorgeschlagen: Run the trial"
        );
        assert_eq!(
            notification("commitment_answered", "Omar Haddad declined commitment “Run the trial”: no capacity", t),
            "Omar Haddad hat die Zusage „Run the trial“ abgelehnt: no capacity"
        );
        assert_eq!(
            notification("commitment_due", "Due in 3 days, on 2027-03-31: Run the trial (Brightwater 2027)", t),
            "Fällig in 3 Tagen, am 31. März 2027: Run the trial (Brightwater 2027)"
        );
        assert_eq!(
            notification("commitment_overdue", "Overdue since 2027-03-31: Run the trial (Brightwater 2027)", t),
            "Überfällig seit 31. März 2027: Run the trial (Brightwater 2027)"
        );
        assert_eq!(
            notification("review_due", "Team review of Brightwater 2027 on 2027-01-15", t),
            "Team-Überprüfung von Brightwater 2027 am 15. Januar 2027"
        );
        assert_eq!(
            notification("comment", "Lena Hoffmann commented on “Run the trial” in Brightwater 2027: Looks good", t),
            "Lena Hoffmann hat „Run the trial“ in Brightwater 2027 kommentiert: Looks good"
        );
        assert_eq!(
            notification("review_signoff", "Martin Keller approved Brightwater 2027 in the management review of 3 Nov 2026.", t),
            "Martin Keller hat Brightwater 2027 in der Management-Überprüfung vom 3. November 2026 freigegeben."
        );
        assert_eq!(notification("other", "Something", t), "Something");
    }
}
