//! What can go wrong while reading a CRM export: one error for the whole file,
//! or an error (or warning) about one cell or row. Both carry a Fluent message
//! code (`crm-error-…`, `crm-warning-…`) and never a finished sentence.

use serde::Serialize;

use crate::message::Message;

/// The whole file cannot be read: nothing of it may be stored.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CrmError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary, not text")]
    Binary,
    #[error("the file's text cannot be decoded")]
    Undecodable,
    #[error("the mapping cannot be read: {0}")]
    MappingInvalid(String),
    #[error("the mapping names unknown fields: {}", .0.join(", "))]
    MappingUnknownFields(Vec<String>),
    #[error("the mapping's date format is not supported: {0}")]
    MappingDateFormat(String),
    #[error("the generic preset needs a mapping")]
    MappingRequired,
    #[error("the kind of records (accounts, contacts, opportunities) cannot be told from the headers")]
    KindUnknown,
}

impl CrmError {
    /// The Fluent id of the message.
    pub fn code(&self) -> &'static str {
        match self {
            CrmError::Empty => "crm-error-empty-file",
            CrmError::Binary => "crm-error-binary-file",
            CrmError::Undecodable => "crm-error-undecodable",
            CrmError::MappingInvalid(_) => "crm-error-mapping-invalid",
            CrmError::MappingUnknownFields(_) => "crm-error-mapping-unknown-fields",
            CrmError::MappingDateFormat(_) => "crm-error-mapping-date-format",
            CrmError::MappingRequired => "crm-error-mapping-required",
            CrmError::KindUnknown => "crm-error-kind-unknown",
        }
    }

    /// The message to show, with its `$detail` when it has one.
    pub fn message(&self) -> Message {
        let m = Message::new(self.code());
        match self.detail() {
            Some(d) => m.arg("detail", d),
            None => m,
        }
    }

    /// The value for the message's `$detail` placeholder, if it has one.
    pub fn detail(&self) -> Option<String> {
        match self {
            CrmError::MappingInvalid(d) | CrmError::MappingDateFormat(d) => Some(d.clone()),
            CrmError::MappingUnknownFields(f) => Some(f.join(", ")),
            _ => None,
        }
    }
}

/// An error or warning about one data row, or one cell of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellError {
    /// The data row's number: 1 is the first row after the header.
    pub row: u64,
    /// The file's header text of the cell; `None` for the row as a whole.
    pub column: Option<String>,
    /// The Fluent id of the message.
    pub message: &'static str,
}

impl CellError {
    pub fn new(row: u64, column: Option<&str>, message: &'static str) -> Self {
        CellError { row, column: column.map(str::to_string), message }
    }

    /// The message to show.
    pub fn to_message(&self) -> Message {
        Message::new(self.message)
    }
}

/// Every message code of a CRM import, for the translation tests.
pub const ALL_CODES: [&str; 19] = [
    "crm-error-empty-file",
    "crm-error-binary-file",
    "crm-error-undecodable",
    "crm-error-mapping-invalid",
    "crm-error-mapping-unknown-fields",
    "crm-error-mapping-date-format",
    "crm-error-mapping-required",
    "crm-error-kind-unknown",
    BAD_NUMBER,
    BAD_DATE,
    BAD_PROBABILITY,
    BAD_STATUS,
    BAD_CURRENCY,
    BAD_BOOLEAN,
    BAD_TREND,
    TOO_MANY_FIELDS,
    MISSING_NAME,
    MISSING_ACCOUNT,
    WARN_DELETED,
];

pub const BAD_NUMBER: &str = "crm-error-bad-number";
pub const BAD_DATE: &str = "crm-error-bad-date";
pub const BAD_PROBABILITY: &str = "crm-error-bad-probability";
pub const BAD_STATUS: &str = "crm-error-bad-status";
pub const BAD_CURRENCY: &str = "crm-error-bad-currency";
pub const BAD_BOOLEAN: &str = "crm-error-bad-boolean";
pub const BAD_TREND: &str = "crm-error-bad-trend";
pub const TOO_MANY_FIELDS: &str = "crm-error-too-many-fields";
pub const MISSING_NAME: &str = "crm-error-missing-name";
pub const MISSING_ACCOUNT: &str = "crm-error-missing-account";
/// A Pipedrive deal marked deleted: imported without a status.
pub const WARN_DELETED: &str = "crm-warning-deal-deleted";
