//! The import report: the figures, errors and warnings every way of importing
//! answers with, as one JSON shape whose messages are in the reader's language.

use keyplan_domain::Message;
use keyplan_domain::crm::{CellError, CrmFile, Kind, Preset};
use keyplan_i18n::Tr;
use serde_json::{Value, json};

use super::ImportRequest;

/// An error or warning about a row (0: the whole file) and its column's header.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub row: u64,
    pub column: Option<String>,
    pub message: Message,
}

impl From<&CellError> for Issue {
    fn from(e: &CellError) -> Self {
        Issue { row: e.row, column: e.column.clone(), message: e.to_message() }
    }
}

/// What happened to one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
    Refused,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Created => "created",
            Outcome::Updated => "updated",
            Outcome::Unchanged => "unchanged",
            Outcome::Refused => "refused",
        }
    }
}

/// One row's outcome, for the browser's dry run.
#[derive(Clone, Debug, PartialEq)]
pub struct RowOutcome {
    pub row: u64,
    pub name: String,
    pub outcome: Outcome,
}

/// What an import did, or would have done.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub kind: Option<Kind>,
    pub preset: Option<Preset>,
    pub encoding: Option<&'static str>,
    pub delimiter: Option<char>,
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Invalid rows, not stored.
    pub skipped: u64,
    pub ignored_lines: u64,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub dry_run: bool,
    /// Invalid rows (or an unreadable file) and no `skip_invalid`: nothing stored.
    pub refused: bool,
    /// The rows were written for good.
    pub stored: bool,
    /// Per row, when the request asked for it.
    pub trace: Vec<RowOutcome>,
    trace_rows: usize,
}

impl Report {
    pub(super) fn new(req: &ImportRequest) -> Report {
        Report { dry_run: req.dry_run, trace_rows: req.trace_rows, preset: req.preset, kind: req.kind, ..Report::default() }
    }

    pub(super) fn describe(&mut self, file: &CrmFile) {
        self.kind = Some(file.kind());
        self.preset = Some(file.preset());
        self.encoding = Some(file.encoding.as_str());
        self.delimiter = Some(file.delimiter.as_char());
    }

    pub(super) fn count(&mut self, row: u64, name: &str, outcome: Outcome) {
        match outcome {
            Outcome::Created => self.created += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Refused => self.skipped += 1,
        }
        if self.trace.len() < self.trace_rows {
            self.trace.push(RowOutcome { row, name: name.to_string(), outcome });
        }
    }

    pub(super) fn warn(&mut self, row: u64, column: Option<&str>, code: &str) {
        self.warnings.push(Issue { row, column: column.map(str::to_string), message: Message::new(code) });
    }

    /// The report as every way of importing answers it, messages in `t`'s language.
    pub fn to_json(&self, t: Tr) -> Value {
        let issues = |list: &[Issue]| -> Vec<Value> {
            list.iter().map(|i| json!({"row": i.row, "column": i.column, "message": t.msg(&i.message)})).collect()
        };
        json!({
            "kind": self.kind.map(Kind::as_str),
            "preset": self.preset.map(Preset::as_str),
            "encoding": self.encoding,
            "delimiter": self.delimiter.map(String::from),
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "ignored_lines": self.ignored_lines,
            "errors": issues(&self.errors),
            "warnings": issues(&self.warnings),
            "dry_run": self.dry_run,
        })
    }
}
