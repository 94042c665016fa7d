//! Reading CRM exports (Salesforce, HubSpot, Dynamics 365, Pipedrive, or any
//! CSV through a mapping) into typed account, contact and opportunity rows.
//! Pure: bytes in, rows and messages out. Storing them, resolving references
//! against stored records and the import report belong to the application.
//!
//! [`open`] decodes ([`decode`]), finds the delimiter ([`sniff`]), settles the
//! preset and kind ([`preset`]) and the column map ([`mapping`]); the returned
//! [`CrmFile`] then yields one [`ParsedRow`] at a time, so a large file never
//! becomes a list of rows. [`CrmId`] compares ids across exports.

mod build;
pub mod crm_id;
pub mod date;
pub mod decode;
pub mod error;
pub mod fields;
mod headers;
mod import;
pub mod mapping;
pub mod noise;
pub mod number;
pub mod preset;
pub mod reader;
pub mod record;
pub mod sniff;

pub use crm_id::CrmId;
pub use decode::Encoding;
pub use error::{CellError, CrmError};
pub use fields::{Field, Kind};
pub use import::{CrmFile, ImportOptions, Preview, open, preview};
pub use mapping::{ColumnMap, Mapping};
pub use preset::Preset;
pub use record::{AccountRow, ContactRow, OppStatus, OpportunityRow, ParsedRow, Record};
pub use sniff::Delimiter;
