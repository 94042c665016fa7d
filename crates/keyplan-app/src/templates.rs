//! Plan templates as the pages, the API and the command line change them: who
//! may, how a template file is read (with errors that name the field the way the
//! JSON spells it, `sections[1].kind`), and the rules around the store: a new
//! template gets a key from its name, and the last current template cannot be
//! retired (new plans need one).

use keyplan_domain::template::{SectionKind, TemplateDoc, unique_key};
use keyplan_domain::{FieldError, Message, TemplateId, permissions};
use keyplan_store::{ImportOutcome, Store, Template};
use serde_json::{Map, Value};

use crate::AppError;
use crate::Result;
use crate::access::require;
use crate::auth::Auth;

/// Whether the signed-in user may change templates (everyone signed in may read them).
pub fn can_manage(auth: &Auth) -> bool {
    permissions::can_manage_templates(auth.actor())
}

fn require_manager(auth: &Auth) -> Result<()> {
    require(can_manage(auth))
}

// --- the template file ---------------------------------------------------------------------

const DOC_FIELDS: &[&str] = &["format", "format_version", "key", "name", "description", "budget_pages", "sections"];
const SECTION_FIELDS: &[&str] = &["key", "title", "kind", "guidance", "budget"];
const BUDGET_FIELDS: &[&str] = &["unit", "limit"];

/// Reads a template file (`docs/template-format.md`). Text that is not JSON is a
/// bad request naming the line and column; a document of the wrong shape or with
/// invalid values answers field errors.
pub fn parse_file(text: &str) -> Result<TemplateDoc> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| AppError::BadRequest(Message::new("templates-file-json").arg("detail", e.to_string())))?;
    match value {
        Value::Object(map) => doc_from_json(&map),
        _ => Err(AppError::bad_request("templates-file-object")),
    }
}

/// Checks a JSON object field by field, then reads and validates it as a template.
pub fn doc_from_json(map: &Map<String, Value>) -> Result<TemplateDoc> {
    let mut errors = Vec::new();
    check_document(map, &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let doc: TemplateDoc = serde_json::from_value(Value::Object(map.clone()))
        .map_err(|e| AppError::field("format", keyplan_domain::Message::new("templates-file-unreadable").arg("detail", e.to_string())))?;
    doc.validate()?;
    Ok(doc)
}

/// The file as written by an export: pretty JSON ending in a new line.
pub fn to_file(doc: &TemplateDoc) -> Result<String> {
    Ok(serde_json::to_string_pretty(doc).map_err(|e| AppError::Internal(e.into()))? + "\n")
}

fn unknown_fields(map: &Map<String, Value>, allowed: &[&str], prefix: &str, errors: &mut Vec<FieldError>) {
    for key in map.keys().filter(|k| !allowed.contains(&k.as_str())) {
        errors.push(FieldError::new(
            format!("{prefix}{key}"),
            keyplan_domain::Message::new("templates-file-unknown-field").arg("detail", allowed.join(", ")),
        ));
    }
}

fn string_field(map: &Map<String, Value>, key: &str, field: &str, required: bool, errors: &mut Vec<FieldError>) {
    match map.get(key) {
        Some(Value::String(_)) => {}
        None | Some(Value::Null) if !required => {}
        None => errors.push(FieldError::new(field, keyplan_domain::Message::new("templates-file-required"))),
        Some(_) => errors.push(FieldError::new(field, keyplan_domain::Message::new("templates-file-string"))),
    }
}

fn check_document(map: &Map<String, Value>, errors: &mut Vec<FieldError>) {
    unknown_fields(map, DOC_FIELDS, "", errors);
    string_field(map, "format", "format", true, errors);
    match map.get("format_version") {
        Some(Value::Number(n)) if n.as_u64().is_some() => {}
        None => errors.push(FieldError::new("format_version", keyplan_domain::Message::new("templates-file-version-required"))),
        Some(_) => errors.push(FieldError::new("format_version", keyplan_domain::Message::new("templates-file-version-number"))),
    }
    string_field(map, "key", "key", true, errors);
    string_field(map, "name", "name", true, errors);
    string_field(map, "description", "description", false, errors);
    match map.get("budget_pages") {
        Some(Value::Number(_)) => {}
        None => errors.push(FieldError::new("budget_pages", keyplan_domain::Message::new("templates-file-pages-required"))),
        Some(_) => errors.push(FieldError::new("budget_pages", keyplan_domain::Message::new("templates-file-pages-number"))),
    }
    match map.get("sections") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check_section(&format!("sections[{i}]"), item, errors);
            }
        }
        None => errors.push(FieldError::new("sections", keyplan_domain::Message::new("templates-file-sections-required"))),
        Some(_) => errors.push(FieldError::new("sections", keyplan_domain::Message::new("templates-file-sections-list"))),
    }
}

fn check_section(prefix: &str, value: &Value, errors: &mut Vec<FieldError>) {
    let Value::Object(s) = value else {
        errors.push(FieldError::new(prefix, keyplan_domain::Message::new("templates-file-section-object")));
        return;
    };
    unknown_fields(s, SECTION_FIELDS, &format!("{prefix}."), errors);
    string_field(s, "key", &format!("{prefix}.key"), true, errors);
    string_field(s, "title", &format!("{prefix}.title"), true, errors);
    string_field(s, "guidance", &format!("{prefix}.guidance"), false, errors);
    let kinds = || SectionKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
    match s.get("kind") {
        Some(Value::String(k)) if SectionKind::parse(k).is_some() => {}
        Some(Value::String(k)) => errors.push(FieldError::new(
            format!("{prefix}.kind"),
            keyplan_domain::Message::new("templates-file-not-kind").arg("kind", k.as_str()).arg("detail", kinds()),
        )),
        None => errors.push(FieldError::new(
            format!("{prefix}.kind"),
            keyplan_domain::Message::new("templates-file-kind-required").arg("detail", kinds()),
        )),
        Some(_) => errors.push(FieldError::new(format!("{prefix}.kind"), keyplan_domain::Message::new("templates-file-string"))),
    }
    match s.get("budget") {
        None | Some(Value::Null) => {}
        Some(Value::Object(b)) => {
            unknown_fields(b, BUDGET_FIELDS, &format!("{prefix}.budget."), errors);
            match b.get("unit") {
                Some(Value::String(u)) if u == "words" || u == "items" => {}
                _ => errors.push(FieldError::new(format!("{prefix}.budget.unit"), keyplan_domain::Message::new("templates-file-unit"))),
            }
            match b.get("limit") {
                Some(Value::Number(n)) if n.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)) => {}
                _ => errors.push(FieldError::new(format!("{prefix}.budget.limit"), keyplan_domain::Message::new("templates-err-whole"))),
            }
        }
        Some(_) => errors.push(FieldError::new(format!("{prefix}.budget"), keyplan_domain::Message::new("templates-file-budget"))),
    }
}

// --- changes ---------------------------------------------------------------------------------

/// A key for a new template made from its name, unused in the organisation.
pub async fn new_key(store: &Store, auth: &Auth, name: &str) -> Result<String> {
    let existing = store.templates(auth.org(), true).await?;
    let taken: Vec<&str> = existing.iter().map(|t| t.key.as_str()).collect();
    Ok(unique_key(name, &taken))
}

pub async fn create(store: &Store, auth: &Auth, doc: &TemplateDoc) -> Result<Template> {
    require_manager(auth)?;
    doc.validate()?;
    Ok(store.create_template(auth.org(), doc, Some(auth.id())).await?)
}

/// Saves new content; `true` when it became a new version (unchanged content writes nothing).
pub async fn save(store: &Store, auth: &Auth, id: TemplateId, version: i64, doc: &TemplateDoc) -> Result<(Template, bool)> {
    require_manager(auth)?;
    let mut doc = doc.clone();
    doc.key = store.template(auth.org(), id).await?.key;
    doc.validate()?;
    Ok(store.save_template(auth.org(), id, version, &doc, Some(auth.id())).await?)
}

/// Imports a template file: a new key creates a template, a known one gets a new
/// version when its content differs.
pub async fn import(store: &Store, auth: &Auth, doc: &TemplateDoc) -> Result<(Template, ImportOutcome)> {
    require_manager(auth)?;
    doc.validate()?;
    Ok(store.import_template(auth.org(), doc, Some(auth.id())).await?)
}

/// Retires a template (no longer offered for new plans; plans made from it keep
/// it) or restores it. `version` guards against a concurrent change when given.
pub async fn set_retired(store: &Store, auth: &Auth, id: TemplateId, version: Option<i64>, retired: bool) -> Result<Template> {
    require_manager(auth)?;
    let t = store.template(auth.org(), id).await?;
    if retired && !t.retired && store.templates(auth.org(), false).await?.len() <= 1 {
        return Err(AppError::State(Message::new("templates-err-last-offered").arg("name", &t.name)));
    }
    Ok(store.set_template_retired(auth.org(), id, version.unwrap_or(t.version), retired, auth.id()).await?)
}

/// Moves a template one place up or down in the list new plans choose from.
pub async fn move_template(store: &Store, auth: &Auth, id: TemplateId, up: bool) -> Result<Template> {
    require_manager(auth)?;
    store.move_template(auth.org(), id, up).await?;
    Ok(store.template(auth.org(), id).await?)
}

/// What each section kind shows in a plan, for the editor and the documentation.
pub fn kind_help(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::FreeText => "Free text the team writes, closed by a “so what?” conclusion.",
        SectionKind::Analysis => {
            "A list of analysis items (customer, market, competitor, own position) with source and date, closed by a “so what?”."
        }
        SectionKind::Swot => "Strengths, weaknesses, opportunities and threats as items, closed by a “so what?”.",
        SectionKind::StakeholderMap => "The buying-centre map drawn from the account's contacts, with a note and a “so what?”.",
        SectionKind::Whitespace => "The whitespace matrix (our offerings × their business units), with a note and a “so what?”.",
        SectionKind::Goals => "Measurable goals (metric, baseline, target, date), each linked to the analysis that justifies it.",
        SectionKind::ConstraintTree => "Goal → success factors → conditions → obstacles → commitments, with status rolled up the tree.",
        SectionKind::ActionPlan => "Commitments with owner, due date and a measurable done-criterion; each owner accepts their part.",
        SectionKind::KpiScorecard => "KPIs with unit, baseline and target, tracked over the plan's period.",
        SectionKind::ValueProposition => "The plan's value proposition as text, tied to the company's value discipline.",
        SectionKind::Risks => "Opportunities and risks, each derived from a SWOT entry where it can be, closed by a “so what?”.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(r: Result<TemplateDoc>) -> Vec<String> {
        match r {
            Err(AppError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    const GOOD: &str = r#"{"format":"keyplan-template","format_version":1,"key":"mini","name":"Mini plan","budget_pages":1,
        "sections":[{"key":"goal","title":"Goal","kind":"goals","budget":{"unit":"items","limit":3}}]}"#;

    #[test]
    fn a_good_file_reads_and_writes_back_the_same() {
        let doc = parse_file(GOOD).unwrap();
        assert_eq!((doc.key.as_str(), doc.sections[0].kind), ("mini", SectionKind::Goals));
        assert_eq!(parse_file(&to_file(&doc).unwrap()).unwrap(), doc);
    }

    #[test]
    fn errors_name_the_json_field() {
        assert!(matches!(parse_file("{\"format\": "), Err(AppError::BadRequest(m)) if crate::english(&m).contains("line 1")));
        assert!(matches!(parse_file("[]"), Err(AppError::BadRequest(_))));
        let bad = GOOD.replace("\"goals\"", "\"poem\"").replace("\"limit\":3", "\"limit\":-3").replace("\"name\"", "\"titel\"");
        assert_eq!(fields(parse_file(&bad)), ["titel", "name", "sections[0].kind", "sections[0].budget.limit"]);
        let blank = GOOD.replace("\"title\":\"Goal\"", "\"title\":\"\"");
        assert_eq!(fields(parse_file(&blank)), ["sections[0].title"]);
    }
}
