//! The mapping file, and the column map it makes together with a preset: which
//! column fills which field, and how the file writes dates and numbers.
//!
//! ```json
//! {"kind": "accounts", "columns": {"Kundennr.": "crm_id", "Umsatz": "current_revenue"},
//!  "date_format": "DD.MM.YYYY", "decimal_comma": true, "values": {"status": {"offen": "open"}}}
//! ```
//! Headers match after trimming spaces and a byte-order mark, ignoring case.
//! With a preset other than `generic`, the mapping's columns override or
//! extend the preset's; the field `ignore` leaves a column out.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::crm::date::DateOrder;
use crate::crm::error::CrmError;
use crate::crm::fields::{Field, Kind};
use crate::crm::preset::{Preset, header_key};
use crate::crm::sniff::Delimiter;

/// A mapping file as written.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    #[serde(default)]
    pub date_format: Option<String>,
    #[serde(default)]
    pub decimal_comma: Option<bool>,
    /// Per field, cell values (any case) and what they stand for.
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
}

impl Mapping {
    /// Reads a mapping file; its kind and date format are checked here, its
    /// field names once the kind is known ([`ColumnMap::new`]).
    pub fn from_json(text: &str) -> Result<Mapping, CrmError> {
        let m: Mapping = serde_json::from_str(text).map_err(|e| CrmError::MappingInvalid(e.to_string()))?;
        if let Some(k) = &m.kind
            && Kind::parse(k).is_none()
        {
            return Err(CrmError::MappingInvalid(format!("kind \"{k}\"")));
        }
        if let Some(f) = &m.date_format {
            DateOrder::from_format(f)?;
        }
        Ok(m)
    }

    pub fn kind(&self) -> Option<Kind> {
        self.kind.as_deref().and_then(Kind::parse)
    }

    /// How many of the headers the mapping's columns name.
    pub fn mapped_headers(&self, headers: &[String]) -> usize {
        let keys: Vec<String> = self.columns.keys().map(|h| header_key(h)).collect();
        headers.iter().filter(|h| keys.contains(&header_key(h))).count()
    }

    /// Field names the mapping uses that a file of this kind does not have.
    fn unknown_fields(&self, kind: Kind) -> Vec<String> {
        let mut unknown: Vec<String> =
            self.columns.values().chain(self.values.keys()).filter(|name| Field::from_name(kind, name).is_none()).cloned().collect();
        unknown.sort();
        unknown.dedup();
        unknown
    }
}

/// Which column fills which field, and how cells are read.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnMap {
    pub preset: Preset,
    pub kind: Kind,
    /// The file's headers as written (trimmed).
    pub headers: Vec<String>,
    /// Per column, the field it fills.
    pub fields: Vec<Option<Field>>,
    /// Headers that fill nothing, once each, for the mapping page.
    pub ignored_columns: Vec<String>,
    pub decimal_comma: Option<bool>,
    pub date_order: DateOrder,
    pub probability_fraction: bool,
    values: HashMap<Field, HashMap<String, String>>,
}

impl ColumnMap {
    /// The map for a file's headers. Number and date rules: the mapping's,
    /// else what the preset and the delimiter tell (a semicolon-separated file
    /// comes from a locale with a decimal comma and day-first dates; the US
    /// CRMs write slash dates month first).
    pub fn new(
        headers: &[String],
        preset: Preset,
        kind: Kind,
        mapping: Option<&Mapping>,
        delimiter: Delimiter,
    ) -> Result<ColumnMap, CrmError> {
        if let Some(m) = mapping {
            let unknown = m.unknown_fields(kind);
            if !unknown.is_empty() {
                return Err(CrmError::MappingUnknownFields(unknown));
            }
        }
        let overrides: HashMap<String, Field> = mapping
            .map(|m| m.columns.iter().filter_map(|(h, f)| Some((header_key(h), Field::from_name(kind, f)?))).collect())
            .unwrap_or_default();
        let mut fields = Vec::with_capacity(headers.len());
        let mut ignored_columns = Vec::new();
        for h in headers {
            let field = overrides.get(&header_key(h)).copied().or_else(|| preset.field_for(kind, h));
            if field.is_none() && !h.is_empty() && !ignored_columns.contains(h) {
                ignored_columns.push(h.clone());
            }
            fields.push(field.filter(|f| *f != Field::Skip));
        }
        let semicolon = delimiter == Delimiter::Semicolon;
        let decimal_comma = mapping.and_then(|m| m.decimal_comma).or(semicolon.then_some(true));
        let date_order = match mapping.and_then(|m| m.date_format.as_deref()) {
            Some(f) => DateOrder::from_format(f)?,
            None => match preset {
                Preset::Salesforce | Preset::Hubspot | Preset::Pipedrive => DateOrder::MonthFirst,
                Preset::Dynamics | Preset::Generic if semicolon => DateOrder::DayFirst,
                Preset::Dynamics | Preset::Generic => DateOrder::MonthFirst,
            },
        };
        let values = mapping
            .map(|m| {
                m.values
                    .iter()
                    .filter_map(|(f, vals)| {
                        let field = Field::from_name(kind, f)?;
                        Some((field, vals.iter().map(|(k, v)| (k.trim().to_lowercase(), v.clone())).collect()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(ColumnMap {
            preset,
            kind,
            headers: headers.to_vec(),
            fields,
            ignored_columns,
            decimal_comma,
            date_order,
            probability_fraction: preset.probability_is_fraction(),
            values,
        })
    }

    /// A cell's value after the mapping's `values` for its field.
    pub fn translate<'a>(&'a self, field: Field, cell: &'a str) -> &'a str {
        self.values.get(&field).and_then(|m| m.get(&cell.trim().to_lowercase())).map(String::as_str).unwrap_or(cell)
    }

    /// Per column, the field name a mapping file would use (`None`: ignored).
    pub fn field_names(&self) -> Vec<Option<&'static str>> {
        self.fields.iter().map(|f| f.map(|f| f.name(self.kind))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_and_validates_a_mapping() {
        let m = Mapping::from_json(
            r#"{"kind": "opportunities", "columns": {" Auftrag ": "name", "Kunde": "account_name", "Wert": "amount", "Phase": "status"},
                "date_format": "DD.MM.YYYY", "decimal_comma": true, "values": {"status": {"Offen": "open"}}}"#,
        )
        .unwrap();
        assert_eq!(m.kind(), Some(Kind::Opportunities));
        let map = ColumnMap::new(
            &h(&["auftrag", "KUNDE", "Wert", "Phase", "Notiz"]),
            Preset::Generic,
            Kind::Opportunities,
            Some(&m),
            Delimiter::Comma,
        )
        .unwrap();
        assert_eq!(map.field_names(), [Some("name"), Some("account_name"), Some("amount"), Some("status"), None]);
        assert_eq!(map.ignored_columns, ["Notiz"]);
        assert_eq!((map.decimal_comma, map.date_order), (Some(true), DateOrder::DayFirst));
        assert_eq!(map.translate(Field::Status, " OFFEN"), "open");
        assert_eq!(map.translate(Field::Status, "won"), "won");
    }

    #[test]
    fn unknown_fields_are_named() {
        let m = Mapping::from_json(r#"{"kind": "accounts", "columns": {"A": "name", "B": "revenue", "C": "stage"}}"#).unwrap();
        let err = ColumnMap::new(&h(&["A"]), Preset::Generic, Kind::Accounts, Some(&m), Delimiter::Comma).unwrap_err();
        assert_eq!(err, CrmError::MappingUnknownFields(vec!["revenue".into(), "stage".into()]));
        assert_eq!(err.code(), "crm-error-mapping-unknown-fields");
    }

    #[test]
    fn bad_mapping_files() {
        assert!(matches!(Mapping::from_json("{"), Err(CrmError::MappingInvalid(_))));
        assert!(matches!(Mapping::from_json(r#"{"kind": "leads"}"#), Err(CrmError::MappingInvalid(_))));
        assert!(matches!(Mapping::from_json(r#"{"colums": {}}"#), Err(CrmError::MappingInvalid(_))));
        assert!(matches!(Mapping::from_json(r#"{"date_format": "YYMMDD"}"#), Err(CrmError::MappingDateFormat(_))));
    }

    #[test]
    fn mapping_extends_a_preset() {
        let m = Mapping::from_json(r#"{"columns": {"Umsatz mit uns": "current_revenue", "Main Phone": "ignore"}}"#).unwrap();
        let headers = h(&[
            "(Do Not Modify) Account",
            "(Do Not Modify) Row Checksum",
            "Account Name",
            "Main Phone",
            "Umsatz mit uns",
            "Annual Revenue",
        ]);
        let map = ColumnMap::new(&headers, Preset::Dynamics, Kind::Accounts, Some(&m), Delimiter::Semicolon).unwrap();
        assert_eq!(map.field_names(), [Some("crm_id"), None, Some("name"), None, Some("current_revenue"), Some("annual_revenue")]);
        assert!(map.ignored_columns.is_empty());
        assert_eq!((map.decimal_comma, map.date_order), (Some(true), DateOrder::DayFirst));
    }
}
