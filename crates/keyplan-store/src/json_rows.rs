//! Lists of rows read as one JSON column of a larger statement (issue 18: the
//! plan page reads its many small parts in one statement, not one each).
//!
//! Each database builds the JSON itself: SQLite with `json_group_array` and
//! `json_object` (aggregate `ORDER BY` needs SQLite 3.44, which the bundled
//! driver has), PostgreSQL with `json_agg` and `json_build_object`. The rows
//! come back into the same structs the one-table reads fill, through serde;
//! the few column types whose JSON differs between the two databases
//! (timestamps, booleans) have their own lenient readers below.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::{Backend, StoreError, StoreResult};

/// `columns` split at its top-level commas into (expression, key) pairs: the
/// key is the alias after `AS`, else the column's name without its table.
fn pairs(columns: &str) -> Vec<(&str, &str)> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, ch) in columns.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&columns[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&columns[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .map(|part| match part.rfind(" AS ") {
            Some(at) if !part[at..].contains(')') => (part[..at].trim(), part[at + 4..].trim()),
            _ => (part, part.rsplit('.').next().unwrap_or(part)),
        })
        .collect()
}

/// The JSON object of one row: `json_object('id', i.id, …)`.
fn object(backend: Backend, columns: &str) -> String {
    let args: Vec<String> = pairs(columns).into_iter().map(|(expr, key)| format!("'{key}', {expr}")).collect();
    let f = match backend {
        Backend::Sqlite => "json_object",
        Backend::Postgres => "json_build_object",
    };
    format!("{f}({})", args.join(", "))
}

/// A sub-select giving the rows of `from` (`FROM … WHERE …`) as a JSON array
/// text, in `order`; `[]` when there are none.
pub(crate) fn list(backend: Backend, columns: &str, from: &str, order: &str) -> String {
    let obj = object(backend, columns);
    match backend {
        Backend::Sqlite => format!("(SELECT json_group_array({obj} ORDER BY {order}) {from})"),
        Backend::Postgres => format!("(SELECT COALESCE(json_agg({obj} ORDER BY {order}), '[]'::json)::text {from})"),
    }
}

/// A sub-select giving the one row of `from` as a JSON object text; NULL without a row.
pub(crate) fn one(backend: Backend, columns: &str, from: &str) -> String {
    let obj = object(backend, columns);
    match backend {
        Backend::Sqlite => format!("(SELECT {obj} {from})"),
        Backend::Postgres => format!("(SELECT {obj}::text {from})"),
    }
}

/// Reads a JSON text made by [`list`] or [`one`]; a failure names what was read.
pub(crate) fn read<T: DeserializeOwned>(json: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(json).map_err(|e| StoreError::Db(sqlx::Error::ColumnDecode { index: what.to_owned(), source: Box::new(e) }))
}

/// A timestamp as either database writes it into JSON: PostgreSQL in RFC 3339
/// in the session's time zone, SQLite as stored (RFC 3339 in UTC from this
/// store, or older text with a space and no offset, which is UTC). Always
/// answered in UTC, as the drivers answer a column.
fn parse_ts(text: &str) -> Option<OffsetDateTime> {
    let utc = |t: OffsetDateTime| t.to_offset(time::UtcOffset::UTC);
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(utc(t));
    }
    let mut t = text.trim().replacen(' ', "T", 1);
    let time_part = t.split_once('T').map_or("", |(_, time)| time);
    if !time_part.contains(['Z', 'z', '+', '-']) {
        t.push('Z');
    }
    OffsetDateTime::parse(&t, &Rfc3339).ok().map(utc)
}

pub(crate) fn ts<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
    let text = String::deserialize(d)?;
    parse_ts(&text).ok_or_else(|| serde::de::Error::custom(format!("not a timestamp: {text:?}")))
}

pub(crate) fn opt_ts<'de, D: Deserializer<'de>>(d: D) -> Result<Option<OffsetDateTime>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_ts(&text).map(Some).ok_or_else(|| serde::de::Error::custom(format!("not a timestamp: {text:?}"))),
    }
}

/// A boolean: `true`/`false` from PostgreSQL, `1`/`0` from SQLite.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Int(i64),
    }
    Ok(match Flag::deserialize(d)? {
        Flag::Bool(b) => b,
        Flag::Int(i) => i != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_aliases_or_column_names() {
        let cols = "o.id, o.name AS title, (SELECT MAX(r.d) FROM r WHERE r.x = o.id) AS last, COALESCE(a, b) AS c, plain";
        assert_eq!(
            pairs(cols),
            vec![
                ("o.id", "id"),
                ("o.name", "title"),
                ("(SELECT MAX(r.d) FROM r WHERE r.x = o.id)", "last"),
                ("COALESCE(a, b)", "c"),
                ("plain", "plain")
            ]
        );
    }

    #[test]
    fn timestamps_of_both_databases_read_as_utc() {
        let want = time::macros::datetime!(2026-03-15 09:30:00.25 UTC);
        for text in [
            "2026-03-15T09:30:00.250000Z",
            "2026-03-15T09:30:00.25+00:00",
            "2026-03-15T10:30:00.25+01:00",
            "2026-03-15 09:30:00.25",
            "2026-03-15 09:30:00.250+00:00",
        ] {
            let got = parse_ts(text).unwrap_or_else(|| panic!("{text} reads"));
            assert_eq!(got, want, "{text}");
            assert_eq!(got.offset(), time::UtcOffset::UTC, "{text}");
        }
        assert_eq!(parse_ts("2026-03-15 09:30:00"), Some(time::macros::datetime!(2026-03-15 09:30:00 UTC)));
        assert_eq!(parse_ts("yesterday"), None);
        assert_eq!(parse_ts(""), None);
    }

    #[test]
    fn flags_read_from_numbers_and_booleans() {
        #[derive(Deserialize)]
        struct R {
            #[serde(deserialize_with = "flag")]
            f: bool,
        }
        for (json, want) in [(r#"{"f":1}"#, true), (r#"{"f":0}"#, false), (r#"{"f":true}"#, true), (r#"{"f":false}"#, false)] {
            assert_eq!(serde_json::from_str::<R>(json).unwrap().f, want, "{json}");
        }
        assert!(serde_json::from_str::<R>(r#"{"f":"yes"}"#).is_err());
    }
}
