//! The open plan document: a whole plan as one versioned JSON file, for backups,
//! moving plans between systems and scripts. Its JSON Schema is `plan.schema.json`
//! (served at `/api/v1/schema/plan.json`).
//!
//! Everything in a document refers to other parts of the same document by a local
//! `id` (`n1`, `i3`, `c2`), never by a database id, so a document imports into any
//! account. People are named by e-mail. Reviews, comments, history and share links
//! are not part of a plan document.
//!
//! [`parse`] reads a document and reports the first error with its path
//! (`goals[0].children[2].due_date`); [`check`] adds the rules the schema cannot
//! say (one id per part, references that resolve, the shape of the tree).

mod check;
mod model;
#[cfg(test)]
mod tests;

pub use check::check;
pub use model::*;

/// The value of `format` in every plan document.
pub const FORMAT: &str = "keyplan-plan";
/// The document version this code writes and reads.
pub const VERSION: u32 = 1;
/// The JSON Schema of version 1.
pub const SCHEMA: &str = include_str!("plan.schema.json");

/// Reads a document: JSON, the right format and version, the shape of the schema,
/// then [`check`]. The error names the path of the first problem.
pub fn parse(json: &[u8]) -> Result<PlanDocument, DocError> {
    let value: serde_json::Value = serde_json::from_slice(json)
        .map_err(|e| DocError::new("$", format!("not valid JSON (line {}, column {}): {e}", e.line(), e.column())))?;
    let Some(obj) = value.as_object() else {
        return Err(DocError::new("$", "must be a JSON object"));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(DocError::new("format", format!("must be \"{FORMAT}\", not \"{other}\""))),
        None => return Err(DocError::new("format", format!("missing: a plan document says \"format\": \"{FORMAT}\""))),
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(DocError::new("version", format!("this is a version {v} document; this keyplan reads version {VERSION}"))),
        None => return Err(DocError::new("version", format!("missing or not a number: this keyplan reads version {VERSION}"))),
    }
    let doc: PlanDocument = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path.is_empty() || path == "." { "$".to_string() } else { path };
        DocError::new(path, e.into_inner().to_string())
    })?;
    check(&doc)?;
    Ok(doc)
}
