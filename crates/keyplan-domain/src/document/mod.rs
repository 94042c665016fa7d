//! The open plan document: a whole plan as one versioned JSON file, for backups,
//! moving plans between systems and scripts. Its JSON Schema is `plan.schema.json`
//! (served at `/api/v1/schema/plan.json`).
//!
//! Everything in a document refers to other parts of the same document by a local
//! `id` (`n1`, `i3`, `c2`), never by a database id, so a document imports into any
//! account. People are named by e-mail. Reviews, comments, history and share links
//! are not part of a plan document; a commitment's dated progress notes are
//! (internal: a customer's document has none).
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

use crate::Message;

/// The value of `format` in every plan document.
pub const FORMAT: &str = "keyplan-plan";
/// The document version this code writes and reads.
pub const VERSION: u32 = 1;
/// The JSON Schema of version 1.
pub const SCHEMA: &str = include_str!("plan.schema.json");

/// Reads a document: JSON, the right format and version, the shape of the schema,
/// then [`check`]. The error names the path of the first problem.
pub fn parse(json: &[u8]) -> Result<PlanDocument, DocError> {
    let value: serde_json::Value = serde_json::from_slice(json).map_err(|e| {
        DocError::new("$", Message::new("doc-err-json").arg("detail", format!("(line {}, column {}): {e}", e.line(), e.column())))
    })?;
    let Some(obj) = value.as_object() else {
        return Err(DocError::new("$", Message::new("doc-err-object")));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(DocError::new("format", Message::new("doc-err-format").arg("expected", FORMAT).arg("found", other))),
        None => return Err(DocError::new("format", Message::new("doc-err-format-missing").arg("expected", FORMAT))),
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(DocError::new("version", Message::new("doc-err-version").arg("detail", v.to_string()))),
        None => return Err(DocError::new("version", Message::new("doc-err-version-missing").arg("version", i64::from(VERSION)))),
    }
    // No control character anywhere in the document (the text policy, one path per problem).
    crate::text::check_json("", &value).map_err(|e| DocError::new(e.field, e.message))?;
    let doc: PlanDocument = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path.is_empty() || path == "." { "$".to_string() } else { path };
        DocError::new(path, serde_message(&e.into_inner().to_string()))
    })?;
    check(&doc)?;
    Ok(doc)
}

/// serde's description of a shape error (always English, from the library) as
/// a message by code: what was wrong (`detail`) and what is allowed. A text of
/// a kind not known here is kept as written.
fn serde_message(text: &str) -> Message {
    let kinds = [
        ("unknown variant `", "doc-err-variant"),
        ("unknown field `", "doc-err-field"),
        ("missing field `", "doc-err-missing"),
        ("invalid type: ", "doc-err-type"),
    ];
    // serde appends " at line 1 column 5" when it reads text; a value has no lines.
    for (prefix, code) in kinds {
        let Some(rest) = text.strip_prefix(prefix) else { continue };
        let (detail, allowed) = match rest.split_once(", expected ") {
            Some((d, a)) => (d, Some(a.trim_start_matches("one of ").replace('`', ""))),
            None => (rest, None),
        };
        let detail = detail.replace('`', "");
        return match allowed {
            Some(a) => Message::new(format!("{code}-allowed")).arg("detail", detail).arg("allowed", a),
            None => Message::new(code).arg("detail", detail),
        };
    }
    Message::new("doc-err-other").arg("detail", text)
}
