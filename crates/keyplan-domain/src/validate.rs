//! Field validation shared by the HTML forms, the JSON API and the CLI.
//! Errors name the field the way the API names it.

use serde::Serialize;
use time::Date;

use crate::Message;
use time::macros::format_description;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: Message,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: Message) -> Self {
        Self { field: field.into(), message }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The domain writes no sentences: the field and the message's code.
        write!(f, "{}: {}", self.field, self.message.code)
    }
}

impl std::error::Error for FieldError {}

/// Collects every field error of one form so the user sees them all at once.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Validation {
    pub errors: Vec<FieldError>,
}

impl Validation {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the error of `result`, if any, and returns its value.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, field: &str, message: Message) {
        self.errors.push(FieldError::new(field, message));
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The first error, or the value built by `f` when there is none.
    pub fn finish<T>(self, f: impl FnOnce() -> T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() { Ok(f()) } else { Err(self.errors) }
    }
}

/// A required single-line text: trimmed, not empty, at most `max` characters.
pub fn required(field: &str, value: &str, max: usize) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::new(field, Message::new("err-required")));
    }
    length(field, v, max)?;
    crate::text::visible(field, v)?;
    Ok(v.to_string())
}

/// An optional text: empty means absent.
pub fn optional(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            length(field, v, max)?;
            Ok(Some(v.to_string()))
        }
    }
}

fn length(field: &str, v: &str, max: usize) -> Result<(), FieldError> {
    if v.chars().count() > max {
        return Err(FieldError::new(field, Message::new("err-too-long").arg("max", max.to_string())));
    }
    crate::text::check(field, v)
}

/// An optional calendar date written `YYYY-MM-DD`.
pub fn optional_date(field: &str, value: Option<&str>) -> Result<Option<Date>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => parse_date(field, v).map(Some),
    }
}

/// A required calendar date written `YYYY-MM-DD`.
pub fn required_date(field: &str, value: &str) -> Result<Date, FieldError> {
    match value.trim() {
        "" => Err(FieldError::new(field, Message::new("err-required"))),
        v => parse_date(field, v),
    }
}

/// A list of ids as given: each must be positive (else `err-id`), and at most
/// `max` different ones (else `too_many` with `max`); deduplicated in order.
pub fn unique_ids(v: &mut Validation, field: &str, list: &[i64], max: usize, too_many: &str) -> Vec<i64> {
    if list.iter().any(|id| *id <= 0) {
        v.push(field, Message::new("err-id"));
    }
    let mut seen = Vec::new();
    for id in list {
        if !seen.contains(id) {
            seen.push(*id);
        }
    }
    if seen.len() > max {
        v.push(field, Message::new(too_many).arg("max", max.to_string()));
    }
    seen
}

pub fn parse_date(field: &str, v: &str) -> Result<Date, FieldError> {
    let d =
        Date::parse(v.trim(), format_description!("[year]-[month]-[day]")).map_err(|_| FieldError::new(field, Message::new("err-date")))?;
    crate::text::date(field, d)
}

pub fn format_date(d: Date) -> String {
    d.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

/// An optional amount: empty means absent; must be a finite number not below zero.
pub fn optional_amount(field: &str, value: Option<&str>) -> Result<Option<f64>, FieldError> {
    match optional_number(field, value)? {
        Some(n) if n < 0.0 => Err(FieldError::new(field, Message::new("err-negative"))),
        other => Ok(other),
    }
}

/// An optional number; accepts `1234.5`, `1,234.5` and `1 234,5` is refused as ambiguous.
pub fn optional_number(field: &str, value: Option<&str>) -> Result<Option<f64>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            let cleaned: String = v.chars().filter(|c| *c != '_' && *c != ' ').collect();
            let cleaned = if cleaned.contains('.') { cleaned.replace(',', "") } else { cleaned };
            match cleaned.parse::<f64>() {
                Ok(n) if n.is_finite() => Ok(Some(n)),
                _ => Err(FieldError::new(field, Message::new("err-number"))),
            }
        }
    }
}

/// Checks a number that arrived as JSON.
pub fn finite(field: &str, value: Option<f64>, non_negative: bool) -> Result<Option<f64>, FieldError> {
    match value {
        Some(n) if !n.is_finite() => Err(FieldError::new(field, Message::new("err-number"))),
        Some(n) if non_negative && n < 0.0 => Err(FieldError::new(field, Message::new("err-negative"))),
        other => Ok(other),
    }
}

/// A plausible e-mail address (we do not send mail to it here; it is the sign-in name).
pub fn email(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim().to_lowercase();
    let ok = v.len() <= 254
        && v.split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.'))
        && !v.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok { Ok(v) } else { Err(FieldError::new(field, Message::new("err-email"))) }
}

/// Passwords: long enough to resist guessing, short enough to hash cheaply.
pub fn password(field: &str, value: &str) -> Result<String, FieldError> {
    let n = value.chars().count();
    if n < 8 {
        return Err(FieldError::new(field, crate::Message::new("err-password-short")));
    }
    if n > 256 {
        return Err(FieldError::new(field, Message::new("err-too-long").arg("max", "256")));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_trims_and_rejects_empty() {
        assert_eq!(required("name", "  Acme ", 10).unwrap(), "Acme");
        assert_eq!(required("name", "   ", 10).unwrap_err().field, "name");
        assert!(required("name", "abcdefghijk", 10).is_err());
        assert!(required("name", "a\u{0}b", 10).is_err());
        assert_eq!(required("name", "\u{200B}\u{200D}", 10).unwrap_err().message.code, "err-invisible");
        // The text policy on every optional text: refused, or (a white-space control at an edge) trimmed away.
        for c in (0u32..32).chain(127..160).filter_map(char::from_u32).filter(|c| crate::text::is_forbidden(*c)) {
            assert_eq!(optional("notes", Some(&format!("a{c}b")), 10).unwrap_err().message.code, "err-control", "{c:?}");
            if let Ok(v) = optional("notes", Some(&format!("{c}ab")), 10) {
                assert!(!v.unwrap_or_default().chars().any(crate::text::is_forbidden), "{c:?}");
            }
        }
    }

    #[test]
    fn dates_and_numbers() {
        assert_eq!(optional_date("due_date", Some("")).unwrap(), None);
        assert!(optional_date("due_date", Some("2026-02-30")).is_err());
        assert!(optional_date("due_date", Some("0000-01-01")).is_err());
        assert!(optional_date("due_date", Some("9999-12-31")).is_err());
        assert_eq!(format_date(parse_date("d", "2026-03-01").unwrap()), "2026-03-01");
        assert_eq!(optional_amount("revenue", Some("1,250,000.5")).unwrap(), Some(1_250_000.5));
        assert_eq!(optional_amount("revenue", Some("1 000")).unwrap(), Some(1000.0));
        assert!(optional_amount("revenue", Some("-1")).is_err());
        assert!(optional_number("target", Some("lots")).is_err());
        assert!(finite("target", Some(f64::NAN), false).is_err());
    }

    #[test]
    fn emails_and_passwords() {
        assert_eq!(email("email", " Anna@Example.COM ").unwrap(), "anna@example.com");
        assert!(email("email", "anna").is_err());
        assert!(email("email", "anna@example").is_err());
        assert!(password("password", "short").is_err());
        assert!(password("password", "long enough").is_ok());
    }
}
