//! The one text policy of every way in (forms, the JSON API, plan documents,
//! the command line), the same on SQLite and PostgreSQL: no NUL and no other
//! control character (tab and line breaks are text), no name made only of
//! invisible characters, and dates in the years 1900–2999.

use time::Date;

use crate::FieldError;
use crate::Message;

/// Characters of a name or a title (accounts, contacts, plans, nodes, KPIs).
pub const MAX_NAME: usize = 200;
/// Characters of a short text (a criterion, a reason, an item).
pub const MAX_SHORT_TEXT: usize = 4000;
/// Characters of a long text (a section, review notes and decisions).
pub const MAX_LONG_TEXT: usize = 20_000;

/// The first year a date may have.
pub const MIN_YEAR: i32 = 1900;
/// The last year a date may have.
pub const MAX_YEAR: i32 = 2999;

/// Whether `c` may not appear in stored text: NUL and the other control
/// characters, except tab, line feed and carriage return.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Characters that show nothing: white space, zero-width spaces and joiners,
/// direction marks, the byte-order mark, soft hyphens and blank fillers.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Refuses a text holding a forbidden character (`err-control`).
pub fn check(field: &str, s: &str) -> Result<(), FieldError> {
    if s.chars().any(is_forbidden) { Err(FieldError::new(field, Message::new("err-control"))) } else { Ok(()) }
}

/// Refuses a text that is not empty but shows nothing (`err-invisible`).
pub fn visible(field: &str, s: &str) -> Result<(), FieldError> {
    if !s.is_empty() && s.chars().all(is_invisible) {
        return Err(FieldError::new(field, Message::new("err-invisible")));
    }
    Ok(())
}

/// Whether a text is empty or shows nothing.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_invisible)
}

/// Refuses a date outside the years [`MIN_YEAR`]–[`MAX_YEAR`] (`err-date-range`).
pub fn date(field: &str, d: Date) -> Result<Date, FieldError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(FieldError::new(field, Message::new("err-date-range").arg("min", MIN_YEAR.to_string()).arg("max", MAX_YEAR.to_string())))
    }
}

/// Checks every string (and every key) of a JSON value by [`check`]; the
/// error names the path of the first bad one (`goals[0].title`, under `base`).
pub fn check_json(base: &str, v: &serde_json::Value) -> Result<(), FieldError> {
    use serde_json::Value;
    let join = |key: &str| if base.is_empty() { key.to_string() } else { format!("{base}.{key}") };
    match v {
        Value::String(s) => check(if base.is_empty() { "$" } else { base }, s),
        Value::Array(a) => a.iter().enumerate().try_for_each(|(i, x)| check_json(&format!("{base}[{i}]"), x)),
        Value::Object(m) => m.iter().try_for_each(|(k, x)| {
            check(&join(k), k)?;
            check_json(&join(k), x)
        }),
        _ => Ok(()),
    }
}

/// Refuses a text of more than `max` characters (`err-too-long`): the
/// organisation's ceiling for every text field (`max_text_chars`).
pub fn within(field: &str, s: &str, max: usize) -> Result<(), FieldError> {
    // Bytes bound characters from above: most texts need no count.
    if s.len() > max && s.chars().count() > max {
        return Err(FieldError::new(field, Message::new("err-too-long").arg("max", max.to_string())));
    }
    Ok(())
}

/// Checks every string of a JSON value by [`within`]; the error names the
/// path of the first one that is too long (`goals[0].title`, under `base`).
pub fn within_json(base: &str, v: &serde_json::Value, max: usize) -> Result<(), FieldError> {
    use serde_json::Value;
    let join = |key: &str| if base.is_empty() { key.to_string() } else { format!("{base}.{key}") };
    match v {
        Value::String(s) => within(if base.is_empty() { "$" } else { base }, s, max),
        Value::Array(a) => a.iter().enumerate().try_for_each(|(i, x)| within_json(&format!("{base}[{i}]"), x, max)),
        Value::Object(m) => m.iter().try_for_each(|(k, x)| within_json(&join(k), x, max)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_organisations_ceiling_names_the_first_long_field() {
        assert!(within("body", &"ä".repeat(100), 100).is_ok(), "characters, not bytes");
        assert_eq!(within("body", &"a".repeat(101), 100).unwrap_err().field, "body");
        let doc = serde_json::json!({"title": "ok", "goals": [{"title": "short"}, {"notes": "x".repeat(101)}]});
        assert_eq!(within_json("", &doc, 100).unwrap_err().field, "goals[1].notes");
        assert!(within_json("", &doc, 101).is_ok());
    }

    #[test]
    fn control_characters_are_refused_but_tabs_and_line_breaks_are_text() {
        assert!(check("body", "a\tb\r\nc").is_ok());
        for bad in ["a\u{0}b", "\u{1b}[31m", "x\u{7f}", "\u{85}", "\u{8}"] {
            assert_eq!(check("body", bad).unwrap_err().field, "body", "{bad:?}");
        }
    }

    #[test]
    fn names_of_invisible_characters_only_are_refused() {
        for bad in ["\u{200B}", "\u{200B}\u{200C}\u{200D}", "\u{FEFF} \u{2060}", "\u{3164}", "\u{00AD}"] {
            assert_eq!(visible("name", bad).unwrap_err().message.code, "err-invisible", "{bad:?}");
        }
        assert!(visible("name", "Acme\u{200B}").is_ok());
        assert!(visible("name", "").is_ok(), "empty is the business of `required`");
    }

    #[test]
    fn dates_lie_in_the_years_1900_to_2999() {
        assert!(date("d", date!(1900 - 01 - 01)).is_ok());
        assert!(date("d", date!(2999 - 12 - 31)).is_ok());
        assert!(date("d", date!(1899 - 12 - 31)).is_err());
        assert!(date("d", date!(3000 - 01 - 01)).is_err());
    }

    #[test]
    fn json_strings_are_checked_with_their_path() {
        let v = serde_json::json!({"goals": [{"title": "ok"}, {"title": "a\u{0}b"}]});
        assert_eq!(check_json("", &v).unwrap_err().field, "goals[1].title");
        assert!(check_json("", &serde_json::json!({"notes": "line\nbreak"})).is_ok());
    }

    /// Every string made of allowed characters passes; any string with one
    /// forbidden character in it fails (a property over generated strings).
    #[test]
    fn the_policy_holds_for_generated_strings() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let len = (next() % 40) as usize;
            let s: String = (0..len).filter_map(|_| char::from_u32((next() % 0x3_0000) as u32)).collect();
            let bad = s.chars().any(is_forbidden);
            assert_eq!(check("f", &s).is_err(), bad, "{s:?}");
            let clean: String = s.chars().filter(|c| !is_forbidden(*c)).collect();
            assert!(check("f", &clean).is_ok());
            let at = (next() as usize) % (clean.chars().count() + 1);
            let mut dirty: String = clean.chars().take(at).collect();
            dirty.push(char::from_u32((next() % 32) as u32).filter(|c| is_forbidden(*c)).unwrap_or('\u{0}'));
            dirty.extend(clean.chars().skip(at));
            assert!(check("f", &dirty).is_err(), "{dirty:?}");
        }
    }
}
