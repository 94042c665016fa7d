//! Importing CRM exports (accounts, contacts, opportunities) into the organisation: the one
//! service the command line, the API and the browser page call.
//!
//! The file is read twice from its bytes, never held as a list of rows: the
//! first pass collects what references need (CRM keys, names, the account of
//! each contact), the second resolves and writes row by row. Everything runs
//! in one transaction; a dry run, or a file with invalid rows and no
//! `skip_invalid`, is rolled back at the end, so the figures of a refusal say
//! exactly what the valid rows would have done.

mod accounts;
mod contacts;
mod opportunities;
mod refs;
mod report;

use keyplan_domain::crm::{self, CrmError, Kind, Mapping, Preset};
use keyplan_domain::{Message, Role};
use keyplan_store::Store;

pub use report::{Issue, Outcome, Report, RowOutcome};

use crate::{AppError, Auth, Result};

/// What the caller asks for. `None` is detected from the file.
#[derive(Clone, Debug, Default)]
pub struct ImportRequest {
    pub kind: Option<Kind>,
    /// `None` is `auto`.
    pub preset: Option<Preset>,
    pub mapping: Option<Mapping>,
    pub dry_run: bool,
    pub skip_invalid: bool,
    /// Keep each row's outcome (for the browser's dry run), up to this many rows.
    pub trace_rows: usize,
}

/// Whether the user may import at all: KAMs (into accounts they own or
/// create), managers and administrators.
pub fn may_import(auth: &Auth) -> bool {
    matches!(auth.role(), Role::Admin | Role::Manager | Role::Kam)
}

/// Reads an option value as the API and the command line take it.
pub fn parse_kind(s: &str) -> Result<Option<Kind>> {
    match s.trim() {
        "" => Ok(None),
        k => Kind::parse(k).map(Some).ok_or_else(|| AppError::BadRequest(Message::new("crm-import-error-unknown-kind").arg("value", k))),
    }
}

/// `auto` (or nothing) is `None`.
pub fn parse_preset(s: &str) -> Result<Option<Preset>> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" | "auto" => Ok(None),
        p => {
            Preset::parse(p).map(Some).ok_or_else(|| AppError::BadRequest(Message::new("crm-import-error-unknown-preset").arg("value", p)))
        }
    }
}

/// Reads a mapping file; a bad one is a usage error.
pub fn parse_mapping(text: &str) -> Result<Mapping> {
    Mapping::from_json(text).map_err(|e| AppError::BadRequest(e.message()))
}

/// Imports one file. Usage errors (a generic preset without a mapping, a
/// mapping that does not fit) are [`AppError::BadRequest`];
/// a file that cannot be read, or invalid rows, give a report with
/// `refused` set and nothing stored.
/// From this many rows written, an import refreshes the planner's statistics.
const BULK_ROWS: u64 = 500;

pub async fn import(store: &Store, auth: &Auth, bytes: &[u8], req: &ImportRequest) -> Result<Report> {
    if !may_import(auth) {
        return Err(AppError::forbidden());
    }
    let options = crm::ImportOptions { preset: req.preset, kind: req.kind, mapping: req.mapping.clone() };
    let mut report = Report::new(req);
    let file = match crm::open(bytes, &options) {
        Ok(f) => f,
        Err(e) => return file_error(report, e),
    };
    report.describe(&file);
    let kind = file.kind();
    drop(file);
    // Read before the transaction: on SQLite it holds the only writer.
    let owners = refs::Owners::load(store, auth.org()).await?;
    let currency = if kind == Kind::Opportunities { store.org(auth.org()).await?.currency } else { String::new() };
    let mut tx = store.crm_begin().await?;
    match kind {
        Kind::Accounts => accounts::run(&mut tx, auth, &owners, bytes, &options, &mut report).await?,
        Kind::Contacts => contacts::run(&mut tx, auth, &owners, bytes, &options, &mut report).await?,
        Kind::Opportunities => opportunities::run(&mut tx, auth, &owners, &currency, bytes, &options, &mut report).await?,
    }
    report.refused = !report.errors.is_empty() && !req.skip_invalid;
    if req.dry_run || report.refused {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
        report.stored = true;
        // A large import changes what the planner should expect (see `refresh_statistics`).
        if report.created + report.updated >= BULK_ROWS
            && let Err(e) = store.refresh_statistics().await
        {
            tracing::warn!(error = %e, "refreshing the planner's statistics after an import failed");
        }
    }
    Ok(report)
}

/// A whole-file error: a usage error when it is about the options, else a
/// refused report with the one message.
fn file_error(mut report: Report, e: CrmError) -> Result<Report> {
    match e {
        CrmError::MappingInvalid(_) | CrmError::MappingUnknownFields(_) | CrmError::MappingDateFormat(_) | CrmError::MappingRequired => {
            Err(AppError::BadRequest(e.message()))
        }
        CrmError::Empty | CrmError::Binary | CrmError::Undecodable | CrmError::KindUnknown => {
            report.errors.push(Issue { row: 0, column: None, message: e.message() });
            report.refused = true;
            Ok(report)
        }
    }
}
