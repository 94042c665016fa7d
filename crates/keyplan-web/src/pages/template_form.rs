//! The template editor's form as posted: the template's fields, one row per
//! section (with its "Remove" tick), and which button was pressed. Reading it
//! and turning it into a template file is kept apart from the page so it can
//! be tested without HTTP.

use keyplan_domain::FieldError;
use keyplan_domain::template::{SectionRow, TemplateDoc, TemplateForm};

/// Rows the editor accepts in one post (the template allows 40 sections).
const MAX_ROWS: usize = 60;

/// One section row as typed, and whether it is ticked for removal.
#[derive(Clone, Debug, Default)]
pub struct TypedRow {
    pub row: SectionRow,
    pub remove: bool,
}

impl TypedRow {
    pub(super) fn blank() -> Self {
        TypedRow { row: SectionRow { kind: "free_text".into(), budget_unit: "words".into(), ..Default::default() }, remove: false }
    }

    /// Nothing typed: the empty row offered for a new section.
    pub(super) fn is_blank(&self) -> bool {
        let r = &self.row;
        [&r.key, &r.title, &r.guidance, &r.budget_limit].iter().all(|s| s.trim().is_empty())
    }
}

/// The whole editor form as typed.
#[derive(Clone, Debug, Default)]
pub struct Editing {
    /// The template's edit version the form is based on (guards against concurrent saves).
    pub version: String,
    /// The content version the form started from (shown when someone else saved meanwhile).
    pub based_on: String,
    pub key: String,
    pub name: String,
    pub description: String,
    pub budget_pages: String,
    pub rows: Vec<TypedRow>,
}

impl Editing {
    pub(super) fn from_doc(doc: &TemplateDoc, version: i64, based_on: i32) -> Self {
        let form = TemplateForm::from_doc(doc);
        Editing {
            version: version.to_string(),
            based_on: based_on.to_string(),
            key: form.key,
            name: form.name,
            description: form.description,
            budget_pages: form.budget_pages,
            rows: form.sections.into_iter().map(|row| TypedRow { row, remove: false }).collect(),
        }
    }

    /// The form as posted; unknown fields are ignored.
    pub(super) fn parse(pairs: Vec<(String, String)>) -> (Editing, Action) {
        let mut e = Editing::default();
        let mut action = Action::Save;
        let mut rows: std::collections::BTreeMap<usize, TypedRow> = Default::default();
        for (k, v) in pairs {
            match k.as_str() {
                "version" => e.version = v,
                "based_on" => e.based_on = v,
                "key" => e.key = v,
                "name" => e.name = v,
                "description" => e.description = v,
                "budget_pages" => e.budget_pages = v,
                "move" => action = Action::parse(&v),
                _ => {
                    let Some((i, field)) = k.strip_prefix("sections[").and_then(|r| r.split_once("].")) else { continue };
                    let Some(i) = i.parse::<usize>().ok().filter(|i| *i < MAX_ROWS) else { continue };
                    let r = rows.entry(i).or_default();
                    match field {
                        "key" => r.row.key = v,
                        "title" => r.row.title = v,
                        "kind" => r.row.kind = v,
                        "guidance" => r.row.guidance = v,
                        "budget_unit" => r.row.budget_unit = v,
                        "budget_limit" => r.row.budget_limit = v,
                        "remove" => r.remove = !v.is_empty(),
                        _ => {}
                    }
                }
            }
        }
        e.rows = rows.into_values().collect();
        (e, action)
    }

    /// The template document, or the problems named after the rows as shown
    /// (`sections[2].title`). Rows ticked "remove" and untouched empty rows are left
    /// out; a row with content but no title is an error rather than a silent deletion.
    pub(super) fn to_doc(&self) -> Result<TemplateDoc, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut kept = Vec::new();
        let mut shown_at = Vec::new();
        for (i, r) in self.rows.iter().enumerate() {
            if r.remove || r.is_blank() {
                continue;
            }
            if r.row.title.trim().is_empty() {
                errors.push(FieldError::new(format!("sections[{i}].title"), keyplan_domain::Message::new("templates-err-title")));
                continue;
            }
            kept.push(r.row.clone());
            shown_at.push(i);
        }
        let form = TemplateForm {
            key: self.key.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            budget_pages: self.budget_pages.clone(),
            sections: kept,
        };
        match form.to_doc() {
            Ok(doc) if errors.is_empty() => Ok(doc),
            Ok(_) => Err(errors),
            Err(found) => {
                errors.extend(found.into_iter().map(|e| renumber(e, &shown_at)));
                Err(errors)
            }
        }
    }

    /// Keeps one empty row at the end for a new section.
    pub(super) fn with_blank_row(mut self) -> Self {
        if self.rows.last().is_none_or(|r| !r.is_blank()) {
            self.rows.push(TypedRow::blank());
        }
        self
    }

    pub(super) fn section_titles(&self) -> String {
        self.rows.iter().filter(|r| !r.remove && !r.row.title.trim().is_empty()).map(|r| r.row.title.trim()).collect::<Vec<_>>().join(" · ")
    }
}

/// `sections[j].x` of the compacted list -> `sections[i].x` of the rows on the page.
fn renumber(e: FieldError, shown_at: &[usize]) -> FieldError {
    let renamed = e.field.strip_prefix("sections[").and_then(|rest| {
        let (n, tail) = rest.split_once(']')?;
        let i = shown_at.get(n.parse::<usize>().ok()?)?;
        Some(format!("sections[{i}]{tail}"))
    });
    match renamed {
        Some(field) => FieldError::new(field, e.message),
        None => e,
    }
}

/// What the submit button asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Action {
    Save,
    Up(usize),
    Down(usize),
    AddRow,
}

impl Action {
    pub(super) fn parse(raw: &str) -> Action {
        let n = |s: &str| s.parse::<usize>().ok().filter(|i| *i < MAX_ROWS);
        match raw.split_once(':') {
            Some(("up", i)) => n(i).map_or(Action::Save, Action::Up),
            Some(("down", i)) => n(i).map_or(Action::Save, Action::Down),
            _ if raw == "add" => Action::AddRow,
            _ => Action::Save,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_posted_form_is_read_row_by_row() {
        let (e, action) = Editing::parse(pairs(&[
            ("name", "Mini"),
            ("budget_pages", "1"),
            ("sections[1].title", "Second"),
            ("sections[1].kind", "swot"),
            ("sections[0].title", "First"),
            ("sections[0].kind", "goals"),
            ("sections[0].remove", "on"),
            ("sections[999].title", "ignored"),
            ("move", "up:1"),
        ]));
        assert_eq!(action, Action::Up(1));
        assert_eq!(e.rows.iter().map(|r| (r.row.title.as_str(), r.remove)).collect::<Vec<_>>(), [("First", true), ("Second", false)]);
        assert_eq!((Action::parse("down:2"), Action::parse("add"), Action::parse("up:x")), (Action::Down(2), Action::AddRow, Action::Save));
    }

    #[test]
    fn errors_are_named_after_the_rows_on_the_page() {
        let (e, _) = Editing::parse(pairs(&[
            ("key", "mini"),
            ("name", "Mini"),
            ("sections[0].title", "Dropped"),
            ("sections[0].kind", "goals"),
            ("sections[0].remove", "on"),
            ("sections[1].title", ""),
            ("sections[1].guidance", "typed but untitled"),
            ("sections[2].title", "Kept"),
            ("sections[2].kind", "poem"),
            ("sections[3].kind", "free_text"),
        ]));
        let errors = e.to_doc().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["sections[1].title", "sections[2].kind"]);
    }

    #[test]
    fn removed_and_blank_rows_are_left_out() {
        let (e, _) = Editing::parse(pairs(&[
            ("key", "mini"),
            ("name", "Mini"),
            ("budget_pages", "2"),
            ("sections[0].title", "Goal"),
            ("sections[0].kind", "goals"),
            ("sections[1].title", "Gone"),
            ("sections[1].kind", "swot"),
            ("sections[1].remove", "on"),
            ("sections[2].kind", "free_text"),
            ("sections[2].budget_unit", "words"),
        ]));
        let doc = e.to_doc().unwrap();
        assert_eq!(doc.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(), ["Goal"]);
        assert_eq!(doc.budget_pages, 2.0);
    }
}
