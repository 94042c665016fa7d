//! An all-day calendar event, as the calendar feed lists commitments and reviews.

use time::Date;

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable across feeds, e.g. `commitment-42@keyplan`.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    pub url: String,
}
