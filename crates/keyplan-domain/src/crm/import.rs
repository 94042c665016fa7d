//! Opening an export: decode, find the delimiter, read the header, settle
//! preset, kind and column map; then the typed rows, one at a time, and a
//! preview of the first rows for the mapping page.

use crate::crm::build;
use crate::crm::decode::{self, Encoding};
use crate::crm::error::CrmError;
use crate::crm::fields::Kind;
use crate::crm::mapping::{ColumnMap, Mapping};
use crate::crm::preset::{self, Preset};
use crate::crm::reader::{RawRow, Rows};
use crate::crm::record::ParsedRow;
use crate::crm::sniff::{self, Delimiter};

/// What the caller says about a file; everything left `None` is detected.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// `None` is `auto`.
    pub preset: Option<Preset>,
    pub kind: Option<Kind>,
    pub mapping: Option<Mapping>,
}

/// An opened export, ready to read its rows.
pub struct CrmFile {
    pub encoding: Encoding,
    pub delimiter: Delimiter,
    pub map: ColumnMap,
    rows: Rows,
}

/// Opens an export. The preset is the caller's, else detected from the
/// headers, else `generic` when a mapping is given. With a mapping and no
/// preset, a detected preset is only used when it knows at least as many of
/// the headers as the mapping names: a few headers an ERP list happens to
/// share with a CRM must not turn it into that CRM's export. The kind is the
/// caller's, else the mapping's, else detected.
pub fn open(bytes: &[u8], options: &ImportOptions) -> Result<CrmFile, CrmError> {
    let mut decoded = decode::decode(bytes)?;
    let delimiter = match sniff::declared(&decoded.text) {
        Some((d, line)) => {
            decoded.text.drain(..line);
            d
        }
        None => sniff::sniff(&decoded.text),
    };
    let rows = Rows::new(decoded.text, delimiter).ok_or(CrmError::Empty)?;
    let headers = rows.headers().to_vec();
    let mapping = options.mapping.as_ref();
    let stated_kind = options.kind.or_else(|| mapping.and_then(Mapping::kind));
    let mapped = mapping.map_or(0, |m| m.mapped_headers(&headers));
    let detected = preset::detect_scored(&headers).filter(|(_, _, score)| *score >= mapped).map(|(p, k, _)| (p, k));
    let preset = match (options.preset, detected, mapping) {
        (Some(p), _, _) => p,
        (None, Some((p, _)), _) => p,
        (None, None, Some(_)) => Preset::Generic,
        (None, None, None) => return Err(CrmError::KindUnknown),
    };
    if preset == Preset::Generic && mapping.is_none() {
        return Err(CrmError::MappingRequired);
    }
    let kind = match stated_kind {
        Some(k) => k,
        None if options.preset.is_none() => detected.map(|(_, k)| k).ok_or(CrmError::KindUnknown)?,
        None => preset.detect_kind(&headers).ok_or(CrmError::KindUnknown)?,
    };
    let map = ColumnMap::new(&headers, preset, kind, mapping, delimiter)?;
    Ok(CrmFile { encoding: decoded.encoding, delimiter, map, rows })
}

impl CrmFile {
    pub fn preset(&self) -> Preset {
        self.map.preset
    }

    pub fn kind(&self) -> Kind {
        self.map.kind
    }

    pub fn headers(&self) -> &[String] {
        &self.map.headers
    }

    /// Headers that fill no field, once each.
    pub fn ignored_columns(&self) -> &[String] {
        &self.map.ignored_columns
    }

    /// Footer and instruction records skipped so far; complete once every
    /// row has been read.
    pub fn ignored_lines(&self) -> u64 {
        self.rows.ignored_lines()
    }

    /// The next data row's raw cells (for a preview).
    pub fn next_raw(&mut self) -> Option<RawRow> {
        self.rows.next()
    }
}

/// The typed rows, read lazily from the file.
impl Iterator for CrmFile {
    type Item = ParsedRow;

    fn next(&mut self) -> Option<ParsedRow> {
        let raw = self.rows.next()?;
        Some(build::build(&self.map, &raw))
    }
}

/// What the mapping page shows before an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub encoding: Encoding,
    pub delimiter: Delimiter,
    pub preset: Preset,
    pub kind: Kind,
    pub headers: Vec<String>,
    /// Per header, the field name it fills (`None`: ignored).
    pub fields: Vec<Option<&'static str>>,
    pub ignored_columns: Vec<String>,
    /// The first data rows' cells, as many as the header has.
    pub rows: Vec<Vec<String>>,
}

/// Opens a file and reads its first `n` data rows for the mapping page.
pub fn preview(bytes: &[u8], options: &ImportOptions, n: usize) -> Result<Preview, CrmError> {
    let mut file = open(bytes, options)?;
    let rows = std::iter::from_fn(|| file.next_raw()).take(n).map(|r| r.cells).collect();
    Ok(Preview {
        encoding: file.encoding,
        delimiter: file.delimiter,
        preset: file.preset(),
        kind: file.kind(),
        headers: file.map.headers.clone(),
        fields: file.map.field_names(),
        ignored_columns: file.map.ignored_columns.clone(),
        rows,
    })
}
