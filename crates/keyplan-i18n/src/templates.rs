//! The built-in plan templates in the reader's language.
//!
//! Every organisation starts with a copy of the four built-in templates
//! ([`keyplan_domain::builtin`]), stored in English and editable by its admins.
//! Read-only displays (plan pages, exports, the new-plan form) show a text of
//! such a copy in the reader's language only while it still reads exactly like
//! the built-in English text: a name, description, section title or guidance
//! the company has edited is its own and stays as written. The admin template
//! editor shows the stored texts and does not use this module.
//!
//! The translations are in `locales/*/templates_builtin.ftl` with the ids
//! `tpl-<template key>-name`, `tpl-<template key>-description`,
//! `tpl-<template key>-<section key>-title` and `…-guidance`.

use std::sync::OnceLock;

use keyplan_domain::Lang;
use keyplan_domain::builtin::builtin_templates;
use keyplan_domain::template::TemplateDoc;

use crate::Tr;

/// The built-in templates, built once.
fn builtins() -> &'static [TemplateDoc] {
    static BUILTINS: OnceLock<Vec<TemplateDoc>> = OnceLock::new();
    BUILTINS.get_or_init(builtin_templates)
}

/// The built-in template with this key.
fn builtin(key: &str) -> Option<&'static TemplateDoc> {
    builtins().iter().find(|d| d.key == key)
}

/// `text` in `t`'s language when it is still the built-in `original` or its
/// translation (a doc already shown in one language can be shown in another:
/// an export in English from a German page).
fn translated(text: &mut String, original: &str, id: &str, t: Tr) {
    if *text == original || *text == Tr::new(Lang::De).s(id) {
        *text = if t.lang == Lang::En { original.to_string() } else { t.s(id) };
    }
}

/// Translates the texts of a built-in template's copy that still read exactly
/// like the built-in English ones; edited texts, texts of the company's own
/// templates and everything in English stay as they are.
pub fn localise(doc: &mut TemplateDoc, t: Tr) {
    let Some(b) = builtin(&doc.key) else { return };
    let key = &b.key;
    translated(&mut doc.name, &b.name, &format!("tpl-{key}-name"), t);
    translated(&mut doc.description, &b.description, &format!("tpl-{key}-description"), t);
    for s in &mut doc.sections {
        let Some(bs) = b.sections.iter().find(|bs| bs.key == s.key) else { continue };
        translated(&mut s.title, &bs.title, &format!("tpl-{key}-{}-title", bs.key), t);
        translated(&mut s.guidance, &bs.guidance, &format!("tpl-{key}-{}-guidance", bs.key), t);
    }
}

/// [`localise`] on an owned doc.
pub fn localised(mut doc: TemplateDoc, t: Tr) -> TemplateDoc {
    localise(&mut doc, t);
    doc
}

/// The name of the template `key` in `t`'s language, for lists that show only
/// the name: translated while it is still the built-in English name.
pub fn localise_name(key: &str, name: &str, t: Tr) -> String {
    let mut name = name.to_string();
    if let Some(b) = builtin(key) {
        translated(&mut name, &b.name, &format!("tpl-{key}-name"), t);
    }
    name
}

/// The description of the template `key` in `t`'s language, like [`localise_name`].
pub fn localise_description(key: &str, description: &str, t: Tr) -> String {
    let mut description = description.to_string();
    if let Some(b) = builtin(key) {
        translated(&mut description, &b.description, &format!("tpl-{key}-description"), t);
    }
    description
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Tr {
        Tr::new(Lang::En)
    }

    fn de() -> Tr {
        Tr::new(Lang::De)
    }

    /// Every text of a template with its message id.
    fn texts(doc: &TemplateDoc) -> Vec<(String, String)> {
        let key = &doc.key;
        let mut out = vec![(format!("tpl-{key}-name"), doc.name.clone()), (format!("tpl-{key}-description"), doc.description.clone())];
        for s in &doc.sections {
            out.push((format!("tpl-{key}-{}-title", s.key), s.title.clone()));
            out.push((format!("tpl-{key}-{}-guidance", s.key), s.guidance.clone()));
        }
        out
    }

    #[test]
    fn the_english_texts_are_the_builtin_ones() {
        let docs = builtin_templates();
        assert_eq!(docs.len(), 4);
        let mut checked = 0;
        for doc in &docs {
            for (id, text) in texts(doc) {
                assert_eq!(en().s(&id), text, "{id} differs from builtin.rs");
                checked += 1;
            }
        }
        assert!(checked > 60, "only {checked} texts");
    }

    #[test]
    fn every_text_has_its_own_german_translation() {
        for doc in builtin_templates() {
            for (id, text) in texts(&doc) {
                let german = de().s(&id);
                assert!(!german.trim().is_empty(), "{id}: empty");
                assert_ne!(german, text, "{id}: German is the English text");
            }
        }
    }

    #[test]
    fn an_unedited_copy_reads_in_german() {
        for original in builtin_templates() {
            let mut doc = original.clone();
            localise(&mut doc, de());
            assert_eq!(doc.name, de().s(&format!("tpl-{}-name", doc.key)));
            assert_eq!(doc.description, de().s(&format!("tpl-{}-description", doc.key)));
            for (s, o) in doc.sections.iter().zip(&original.sections) {
                assert_eq!((&s.key, s.kind, s.budget), (&o.key, o.kind, o.budget), "only texts change");
                assert_ne!(s.title, o.title);
                assert_ne!(s.guidance, o.guidance);
            }
            assert_eq!(localise_name(&original.key, &original.name, de()), doc.name);
            assert_eq!(localise_description(&original.key, &original.description, de()), doc.description);
            // Shown in German once, it can still be shown in English (an export from a German page).
            assert_eq!(localised(doc.clone(), en()), original);
            assert_eq!(localise_name(&original.key, &doc.name, en()), original.name);
        }
    }

    #[test]
    fn english_changes_nothing() {
        for original in builtin_templates() {
            let mut doc = original.clone();
            localise(&mut doc, en());
            assert_eq!(doc, original);
            assert_eq!(localise_name(&original.key, &original.name, en()), original.name);
        }
    }

    #[test]
    fn edited_texts_stay_as_written() {
        let original = builtin_templates().into_iter().find(|d| d.key == "strategic").unwrap();
        let mut doc = original.clone();
        doc.name = "Acme account plan".into();
        doc.sections[0].title = "Customer at a glance".into();
        doc.sections[1].guidance = format!("{} ", original.sections[1].guidance);
        localise(&mut doc, de());
        assert_eq!(doc.name, "Acme account plan");
        assert_eq!(doc.sections[0].title, "Customer at a glance");
        assert_eq!(doc.sections[0].guidance, de().s("tpl-strategic-customer-profile-guidance"), "the unedited guidance is German");
        assert_eq!(doc.sections[1].title, de().s("tpl-strategic-customer-objectives-title"));
        assert_eq!(doc.sections[1].guidance, format!("{} ", original.sections[1].guidance), "even a changed space counts as an edit");
        assert_eq!(doc.description, de().s("tpl-strategic-description"));
        assert_eq!(localise_name("strategic", "Acme account plan", de()), "Acme account plan");
    }

    #[test]
    fn own_templates_and_unknown_sections_are_untouched() {
        // A company's own template, even one reusing a built-in title.
        let mut own = builtin_templates().remove(0);
        own.key = "acme_quarterly".into();
        let before = own.clone();
        localise(&mut own, de());
        assert_eq!(own, before);
        assert_eq!(localise_name("acme_quarterly", &before.name, de()), before.name);
        assert_eq!(localise_description("acme_quarterly", &before.description, de()), before.description);

        // A section the company added to a built-in template's copy.
        let mut doc = builtin_templates().remove(0);
        let mut added = doc.sections[0].clone();
        added.key = "pricing".into();
        doc.sections.push(added.clone());
        localise(&mut doc, de());
        assert_eq!(doc.sections.last().unwrap(), &added);
        assert_eq!(doc.sections[0].title, de().s("tpl-one_page_constraint-constraint-tree-title"));
    }
}
