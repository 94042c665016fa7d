//! Dated progress notes on a commitment (PRODUCT.md C5 "progress notes"): the
//! day a note speaks of and what happened. A note is about what has happened,
//! so its day is never after today; without a day it is today's. Notes are the
//! team's own record and never reach the customer.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::Message;
use crate::validate::{self, FieldError, Validation};

/// The most characters one note may have.
pub const MAX_TEXT: usize = 2000;

/// A note as sent to the API or typed in the form: `on` (`YYYY-MM-DD`, empty
/// for today) and `text`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ProgressInput {
    pub on: String,
    pub text: String,
}

/// A checked note: its day and its text (trimmed, 1 to [`MAX_TEXT`] characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressData {
    pub on: Date,
    pub text: String,
}

impl ProgressInput {
    /// Every field error at once; `today` is the day it is written on.
    pub fn validate(&self, today: Date) -> Result<ProgressData, Vec<FieldError>> {
        let mut v = Validation::new();
        let on = match v.check(validate::optional_date("on", Some(&self.on))) {
            Some(Some(d)) if d > today => {
                v.push("on", Message::new("err-progress-future"));
                None
            }
            Some(d) => Some(d.unwrap_or(today)),
            None => None,
        };
        let text = v.check(validate::required("text", &self.text, MAX_TEXT));
        v.finish(|| ProgressData { on: on.unwrap_or(today), text: text.unwrap_or_default() })
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    const TODAY: Date = date!(2026 - 03 - 15);

    fn input(on: &str, text: &str) -> ProgressInput {
        ProgressInput { on: on.into(), text: text.into() }
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors.iter().map(|e| (e.field.as_str(), e.message.code.as_str())).collect()
    }

    #[test]
    fn a_note_has_a_day_no_later_than_today_and_a_text() {
        let n = input("2026-03-01", "  Trial plan agreed with QA\nnext: samples  ").validate(TODAY).unwrap();
        assert_eq!(n, ProgressData { on: date!(2026 - 03 - 01), text: "Trial plan agreed with QA\nnext: samples".into() });
        assert_eq!(input("2026-03-15", "Today").validate(TODAY).unwrap().on, TODAY, "today is allowed");
        assert_eq!(input(" ", "No day given").validate(TODAY).unwrap().on, TODAY, "no day: today");
    }

    #[test]
    fn an_empty_text_is_refused() {
        assert_eq!(fields(&input("", "").validate(TODAY).unwrap_err()), [("text", "err-required")]);
        assert_eq!(fields(&input("", " \n\t ").validate(TODAY).unwrap_err()), [("text", "err-required")]);
    }

    #[test]
    fn a_text_of_more_than_2000_characters_is_refused() {
        assert!(input("", &"ä".repeat(MAX_TEXT)).validate(TODAY).is_ok());
        assert_eq!(fields(&input("", &"ä".repeat(MAX_TEXT + 1)).validate(TODAY).unwrap_err()), [("text", "err-too-long")]);
    }

    #[test]
    fn a_day_in_the_future_or_not_a_date_is_refused() {
        assert_eq!(fields(&input("2026-03-16", "Tomorrow").validate(TODAY).unwrap_err()), [("on", "err-progress-future")]);
        assert_eq!(fields(&input("15.03.2026", "Written the German way").validate(TODAY).unwrap_err()), [("on", "err-date")]);
        // Both problems at once.
        assert_eq!(
            fields(&input("2027-01-01", "").validate(TODAY).unwrap_err()),
            [("on", "err-progress-future"), ("text", "err-required")]
        );
    }
}
