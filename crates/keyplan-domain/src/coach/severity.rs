//! How much a finding matters: blocker, warning or hint. Its own module, so
//! that the rules (which name a default severity) and the findings (which
//! carry one) both use it without importing each other.

use serde::{Deserialize, Serialize};

use crate::Message;

/// How much a finding matters. Declared from worst to mildest, so sorting by
/// severity lists blockers first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan cannot work as written (a goal nobody can measure, an obstacle nobody removes).
    Blocker,
    /// Weakens the plan; a coach would ask for it to be fixed before the next review.
    Warning,
    /// Worth a thought; no plan fails because of it.
    Hint,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Blocker, Severity::Warning, Severity::Hint];

    /// The code as serialised: `blocker`, `warning`, `hint`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Blocker => "blocker",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The label shown on the settings page and above a group of findings.
    pub fn label(self) -> Message {
        match self {
            Severity::Blocker => Message::new("coach-severity-blocker"),
            Severity::Warning => Message::new("coach-severity-warning"),
            Severity::Hint => Message::new("coach-severity-hint"),
        }
    }
}
