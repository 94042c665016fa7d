//! Worksheet names as Excel accepts them: short, without forbidden
//! characters and unique.

use super::write::clip;

/// The longest sheet name (in UTF-16 units).
pub(super) const MAX_SHEET_NAME: usize = 31;

/// Sheet names: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe, and unique (Excel ignores case).
pub(super) struct Names {
    taken: Vec<String>,
    /// The name of a sheet whose wanted name is empty ("Sheet").
    fallback: String,
}

impl Names {
    pub(super) fn new(fallback: String) -> Names {
        Names { taken: Vec::new(), fallback }
    }

    pub(super) fn take(&mut self, wanted: &str) -> String {
        let clean: String =
            wanted.chars().map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() { ' ' } else { c }).collect();
        let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
        let clean = clean.trim_matches('\'').trim().to_string();
        let base = if clean.is_empty() { self.fallback.clone() } else { clean };
        let mut n = 1;
        loop {
            let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
            let name = shorten(&base, MAX_SHEET_NAME - suffix.len()) + &suffix;
            let name = name.trim_matches('\'').to_string();
            if !self.taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) && name.to_lowercase() != "history" {
                self.taken.push(name.clone());
                return name;
            }
            n += 1;
        }
    }
}

/// `s` in at most `max` UTF-16 units, marked with an ellipsis where it is cut:
/// after a whole word unless that loses more than a word's worth.
fn shorten(s: &str, max: usize) -> String {
    if s.encode_utf16().count() <= max {
        return s.to_string();
    }
    let cut = clip(s, max - 1);
    let at_word = match cut.rfind(' ') {
        Some(i) if cut.len() - i <= 10 => cut[..i].trim_end().to_string(),
        _ => cut.trim_end().to_string(),
    };
    format!("{at_word}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut names = Names::new("Sheet".into());
        assert_eq!(names.take("Goals"), "Goals");
        assert_eq!(names.take("Buying centre and relationships"), "Buying centre and relationships");
        assert_eq!(names.take("Customer profile and key figures"), "Customer profile and key…");
        let long = names.take("Customer's top objectives: what/why?");
        assert!(long.encode_utf16().count() <= 31 && long.ends_with('…'), "{long}");
        assert!(!long.contains([':', '/', '?']), "{long}");
        assert_eq!(names.take("GOALS"), "GOALS (2)");
        assert_eq!(names.take("'[]'"), "Sheet");
        assert_eq!(names.take("History"), "History (2)");
        let twice = names.take(&"x".repeat(40));
        let again = names.take(&"x".repeat(40));
        assert!(again.encode_utf16().count() <= 31 && twice != again, "{twice} {again}");
    }
}
