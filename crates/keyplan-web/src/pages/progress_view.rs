//! Progress notes as the pages show them: shared by the node's edit page and
//! "My commitments" (the form's handler is `pages::progress`).

use keyplan_i18n::Tr;
use keyplan_store::ProgressNote;

use crate::views::FormView;

/// One note as the pages show it.
pub struct NoteView {
    /// The day, in the reader's form, and as `YYYY-MM-DD`.
    pub on: String,
    pub on_iso: String,
    pub author: String,
    pub text: String,
}

impl NoteView {
    pub fn new(n: &ProgressNote, t: Tr) -> NoteView {
        NoteView {
            on: t.date(n.on),
            on_iso: keyplan_domain::validate::format_date(n.on),
            author: n.author_name.clone(),
            text: n.text.clone(),
        }
    }
}

/// Today as the form's date field wants it (its default and its latest day).
pub fn today_iso() -> String {
    keyplan_domain::validate::format_date(keyplan_app::today())
}

/// Whether a refused form of "My commitments" is the progress form.
pub fn is_progress_form(f: &FormView) -> bool {
    f.is("action", "progress")
}

/// Names the field in words in front of each of the form's problems; call it
/// after [`FormView::localise`].
pub fn name_fields(f: &mut FormView, t: Tr) {
    for (field, problem) in f.errors.iter_mut() {
        let label = match field.as_str() {
            "on" => t.s("progress-field-on"),
            _ => t.s("progress-field-text"),
        };
        *problem = t.s2("progress-field-problem", "field", label, "problem", problem.as_str());
    }
}
