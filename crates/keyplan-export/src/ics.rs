//! iCalendar (RFC 5545) text, written by hand: all-day events only, CRLF line
//! ends, text values escaped and lines folded at 75 octets.

use time::{Date, OffsetDateTime};

pub use keyplan_domain::calendar::Event;

/// The name of the feed keyplan serves.
pub const FEED_NAME: &str = "keyplan commitments and reviews";

/// A whole calendar.
pub fn calendar(name: &str, events: &[Event], stamp: OffsetDateTime) -> String {
    let dtstamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        stamp.year(),
        u8::from(stamp.month()),
        stamp.day(),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    let mut out = String::new();
    let mut line = |l: String| {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//keyplan//keyplan calendar//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", e.uid));
        line(format!("DTSTAMP:{dtstamp}"));
        line(format!("DTSTART;VALUE=DATE:{}", date(e.date)));
        line(format!("DTEND;VALUE=DATE:{}", date(e.date.next_day().unwrap_or(e.date))));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if !e.url.is_empty() {
            line(format!("URL:{}", e.url));
        }
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line so that no physical line exceeds 75 octets, never
/// splitting a UTF-8 character; continuation lines start with one space.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape("line\r\nnext"), "line\\nnext");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let long = format!("SUMMARY:{}", "é".repeat(100));
        let folded = fold(&long);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
        assert_eq!(fold("short"), "short");
        let exact = "x".repeat(75);
        assert_eq!(fold(&exact), exact);
        assert_eq!(fold(&"x".repeat(76)), format!("{}\r\n x", "x".repeat(75)));
    }

    #[test]
    fn writes_all_day_events_with_crlf() {
        let e = Event {
            uid: "commitment-7@keyplan".into(),
            date: date!(2026 - 12 - 31),
            summary: "Run workshop, then report; done".into(),
            description: "Plan: Northwind".into(),
            url: "https://kp.example/plans/1".into(),
        };
        let text = calendar("keyplan", &[e], datetime!(2026-11-23 13:05:09 UTC));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("\r\nUID:commitment-7@keyplan\r\n"));
        assert!(text.contains("\r\nDTSTAMP:20261123T130509Z\r\n"));
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
        assert!(text.contains("\r\nSUMMARY:Run workshop\\, then report\\; done\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF line ends");
    }
}
