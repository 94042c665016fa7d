//! Formatting for pages: numbers, money, dates, and forms that remember what
//! was typed.

use std::collections::HashMap;

use serde::Serialize;

/// A form's values and errors, keyed by field name.
#[derive(Clone, Debug, Default)]
pub struct FormView {
    pub values: HashMap<String, String>,
    /// The errors as shown: in English until [`FormView::localise`] writes
    /// them in the page's language.
    pub errors: HashMap<String, String>,
    /// The errors by code, per field.
    pub messages: HashMap<String, keyplan_domain::Message>,
    /// Open the form (its `<details>`) when the page loads: it has something to show.
    pub open: bool,
    /// Put the keyboard in its first field (the add form opened again after an add).
    pub focus: bool,
    /// Set when the edit was based on an old version: what is stored now.
    pub conflict: Vec<ConflictLine>,
    /// The version the form edits.
    pub version: i64,
    /// The reader's language, once [`FormView::localise`] has run: field names in words.
    pub lang: Option<keyplan_domain::Lang>,
}

#[derive(Clone, Debug)]
pub struct ConflictLine {
    pub field: String,
    pub stored: String,
    pub yours: String,
}

impl FormView {
    /// A form filled from an input struct (all string fields).
    pub fn from_input<T: Serialize>(input: &T, version: i64) -> Self {
        let mut values = HashMap::new();
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(input) {
            for (k, v) in map {
                if let serde_json::Value::String(s) = v {
                    values.insert(k, s);
                }
            }
        }
        FormView { values, version, ..Default::default() }
    }

    /// The form of an edit that was based on an old version: what the user typed,
    /// open, with the fields whose stored value now differs, at the current version.
    pub fn conflicted<T: Serialize>(stored: &T, typed: &T, current_version: i64) -> Self {
        let mut f = FormView::from_input(typed, current_version);
        f.conflict = conflict_lines(stored, typed);
        f.open = true;
        f
    }

    pub fn with_errors(mut self, errors: &[keyplan_domain::FieldError]) -> Self {
        let en = keyplan_i18n::Tr::new(keyplan_domain::Lang::En);
        for e in errors {
            self.errors.entry(e.field.clone()).or_insert_with(|| en.msg(&e.message));
            self.messages.entry(e.field.clone()).or_insert_with(|| e.message.clone());
        }
        self.open = true;
        self
    }

    /// Shows the form's error messages in the page's language; call it where
    /// the page is built, after the form has its errors.
    pub fn localise(&mut self, t: keyplan_i18n::Tr) {
        self.lang = Some(t.lang);
        for (field, m) in &self.messages {
            self.errors.insert(field.clone(), t.msg(m));
        }
    }

    pub fn v(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or("")
    }

    pub fn is(&self, field: &str, value: &str) -> bool {
        self.v(field) == value
    }

    pub fn e(&self, field: &str) -> Option<&str> {
        self.errors.get(field).map(String::as_str)
    }

    /// Errors for fields the form has no input for (shown at the top), each
    /// after its field's name in words.
    pub fn other_errors(&self, shown: &str) -> Vec<String> {
        let shown: Vec<&str> = shown.split(',').map(str::trim).collect();
        let t = keyplan_i18n::Tr::new(self.lang.unwrap_or(keyplan_domain::Lang::En));
        let mut v: Vec<String> =
            self.errors.iter().filter(|(k, _)| !shown.contains(&k.as_str())).map(|(k, m)| format!("{}: {m}", t.field_name(k))).collect();
        v.sort();
        v
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// Compares what the user typed with what is stored now, field by field.
pub fn conflict_lines<T: Serialize>(stored: &T, typed: &T) -> Vec<ConflictLine> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) = (serde_json::to_value(stored), serde_json::to_value(typed))
    else {
        return Vec::new();
    };
    let mut lines: Vec<ConflictLine> = a
        .iter()
        .filter_map(|(k, v)| {
            let yours = b.get(k)?;
            (v != yours).then(|| ConflictLine {
                field: k.replace('_', " "),
                stored: v.as_str().unwrap_or_default().to_string(),
                yours: yours.as_str().unwrap_or_default().to_string(),
            })
        })
        .collect();
    lines.sort_by(|x, y| x.field.cmp(&y.field));
    lines
}

pub use keyplan_i18n::fmt::figure;

/// Select options as (value, label) pairs.
#[derive(Clone, Debug)]
pub struct Opt {
    pub value: String,
    pub label: String,
}

impl Opt {
    pub fn new(value: impl ToString, label: impl Into<String>) -> Self {
        Opt { value: value.to_string(), label: label.into() }
    }
}

/// The coach's kept mark of a plan as lists show it: the score, the level and
/// a tone for its colour (see `plan_coach_marks`).
#[derive(Clone, Debug)]
pub struct CoachMarkView {
    pub score: String,
    pub level: i32,
    /// `good` (no blocker, 80 or more), `fair` (no blocker, 50 or more) or `poor`.
    pub tone: &'static str,
    pub level_label: String,
    /// Score, level and the level's meaning, for the title attribute.
    pub title: String,
}

impl CoachMarkView {
    /// `None` while the plan has not been marked.
    pub fn new(t: keyplan_i18n::Tr, score: Option<f64>, level: Option<i32>, blockers: Option<i32>) -> Option<CoachMarkView> {
        let (score, level) = (score?, level?);
        let shown = score.round();
        let tone = match blockers.unwrap_or(0) {
            0 if shown >= 80.0 => "good",
            0 if shown >= 50.0 => "fair",
            _ => "poor",
        };
        let meaning = t.s(&format!("coach-level-{}", level.clamp(1, 5)));
        Some(CoachMarkView {
            score: t.num(shown),
            level,
            tone,
            level_label: t.s1("coach-mark-level", "level", level),
            title: t.s3("coach-mark-title", "score", t.num(shown), "level", level, "meaning", meaning),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_remember_and_compare() {
        #[derive(Serialize)]
        struct In {
            name: String,
            region: String,
        }
        let f = FormView::from_input(&In { name: "Acme".into(), region: String::new() }, 3)
            .with_errors(&[keyplan_domain::FieldError::new("name", keyplan_domain::Message::new("err-required"))]);
        assert_eq!((f.v("name"), f.e("name"), f.open, f.version), ("Acme", Some("must not be empty"), true, 3));
        let lines = conflict_lines(&In { name: "Acme Ltd".into(), region: "EU".into() }, &In { name: "Acme".into(), region: "EU".into() });
        assert_eq!(lines.len(), 1);
        assert_eq!((lines[0].stored.as_str(), lines[0].yours.as_str()), ("Acme Ltd", "Acme"));
    }
}
