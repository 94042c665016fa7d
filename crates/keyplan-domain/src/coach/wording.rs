//! Wording a coach sends back: vague actions (seed 003: "more than personal
//! account visits once a month … more than introductions to upper management …
//! more than a commitment … to submit the lowest bid") and goals written as
//! last year plus a few percent (seed 004).
//!
//! A phrase is a short list of words; each word matches exactly or as a stem
//! (`visit*` matches "visits" and "visiting"). A text matches a phrase when its
//! words appear in that order with at most [`MAX_GAP`] other words between two
//! of them, ignoring case: "die Beziehung zum Einkauf pflegen" is "Beziehung
//! pflegen". Words are cut at anything that is not a letter or a digit. The text
//! is lower-cased once and split once; no regular expressions.

/// How many other words may stand between two words of a phrase.
pub const MAX_GAP: usize = 3;

/// One word of a phrase: any of these forms.
#[derive(Clone, Copy)]
enum W {
    /// Exactly these words.
    Is(&'static [&'static str]),
    /// Any word starting with one of these stems.
    Stem(&'static [&'static str]),
}

impl W {
    fn matches(self, word: &str) -> bool {
        match self {
            W::Is(words) => words.contains(&word),
            W::Stem(stems) => stems.iter().any(|s| word.starts_with(s)),
        }
    }
}

/// Vague action wording, English then German. "Visit" alone is not vague: a
/// dated visit with a result is an action; "visit monthly" is a routine.
const VAGUE: &[&[W]] = &[
    // English
    &[W::Stem(&["visit"]), W::Is(&["monthly"])],
    &[W::Stem(&["visit"]), W::Is(&["once"]), W::Is(&["a"]), W::Is(&["month"])],
    &[W::Stem(&["visit"]), W::Is(&["every"]), W::Is(&["month"])],
    &[W::Is(&["monthly"]), W::Stem(&["visit"])],
    &[W::Stem(&["introduc"]), W::Is(&["to"]), W::Is(&["upper", "top", "senior"]), W::Stem(&["management"])],
    &[W::Stem(&["submit", "offer"]), W::Is(&["lowest"]), W::Stem(&["bid", "price"])],
    &[W::Stem(&["follow"]), W::Is(&["up"])],
    &[W::Is(&["stay", "stays", "staying"]), W::Is(&["in"]), W::Is(&["touch"])],
    &[W::Is(&["keep", "keeps", "keeping", "kept"]), W::Is(&["informed"])],
    &[W::Stem(&["improv"]), W::Stem(&["relationship"])],
    &[W::Is(&["as"]), W::Is(&["needed"])],
    &[W::Is(&["try", "tries", "trying"]), W::Is(&["to"])],
    &[W::Is(&["regularly"])],
    // German; "ß" lower-cases from "SS" as "ss", so both spellings.
    &[W::Stem(&["regelmäßig", "regelmässig"])],
    &[W::Stem(&["nachfass"])],
    &[W::Is(&["nachgefasst"])],
    &[W::Is(&["in"]), W::Is(&["kontakt"]), W::Stem(&["bleib"])],
    &[W::Stem(&["beziehung"]), W::Stem(&["verbesser", "pfleg", "gepflegt"])],
    &[W::Is(&["bei"]), W::Is(&["bedarf"])],
    // Not the noun "Versuch" (a trial run), only the verb.
    &[W::Is(&["versuchen", "versuche", "versucht", "versuchte", "versuchten"])],
    &[W::Stem(&["niedrigst", "günstigst"]), W::Stem(&["angebot", "preis"])],
    &[W::Stem(&["monatlich"]), W::Stem(&["besuch"])],
    &[W::Stem(&["besuch"]), W::Stem(&["monatlich"])],
    &[W::Is(&["einmal"]), W::Is(&["im"]), W::Is(&["monat"])],
    &[W::Stem(&["geschäftsleitung", "geschäftsführung"]), W::Stem(&["vorstell", "vorgestellt"])],
];

/// A text split into lower-case words, once.
pub(super) struct Words {
    lower: String,
    /// Byte ranges of the words in `lower`.
    spans: Vec<(usize, usize)>,
}

impl Words {
    pub fn new(text: &str) -> Self {
        let lower = text.to_lowercase();
        let mut spans = Vec::new();
        let mut start = None;
        for (at, c) in lower.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    spans.push((s, at));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            spans.push((s, lower.len()));
        }
        Words { lower, spans }
    }

    fn word(&self, i: usize) -> &str {
        let (s, e) = self.spans[i];
        &self.lower[s..e]
    }

    /// The first vague phrase in the text, as it stands there (lower case, from
    /// its first to its last word).
    pub fn vague(&self) -> Option<String> {
        for phrase in VAGUE {
            for start in 0..self.spans.len() {
                if phrase[0].matches(self.word(start))
                    && let Some(end) = self.rest(&phrase[1..], start)
                {
                    return Some(self.lower[self.spans[start].0..self.spans[end].1].to_string());
                }
            }
        }
        None
    }

    /// Where the rest of a phrase ends when its previous word is word `prev`.
    /// Tries every candidate within the gap: the nearest one may leave the next
    /// word out of reach where a farther one would not.
    fn rest(&self, phrase: &[W], prev: usize) -> Option<usize> {
        let Some((first, others)) = phrase.split_first() else { return Some(prev) };
        let last = (prev + 1 + MAX_GAP).min(self.spans.len().saturating_sub(1));
        (prev + 1..=last).filter(|&i| first.matches(self.word(i))).find_map(|i| self.rest(others, i))
    }
}

/// Whether a goal's title says it is last year plus a few percent:
/// `last year + N %`, "previous year", or "Vorjahr" (also inside a compound
/// such as "Vorjahresumsatz").
pub(super) fn says_last_year_plus(title: &str) -> bool {
    let lower = title.to_lowercase();
    if lower.contains("previous year") || lower.contains("vorjahr") {
        return true;
    }
    lower.match_indices("last year").any(|(at, m)| uplift_follows(&lower[at + m.len()..]))
}

/// `+ 10 %`, `+10%`, `+ 7.5 percent` at the start of `rest`.
fn uplift_follows(rest: &str) -> bool {
    let Some(rest) = rest.trim_start().strip_prefix('+') else { return false };
    let rest = rest.trim_start();
    let number_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
    if !rest[..number_len].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let rest = rest[number_len..].trim_start();
    rest.starts_with('%') || rest.starts_with("percent")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vague(s: &str) -> Option<String> {
        Words::new(s).vague()
    }

    #[test]
    fn english_phrases_match_ignoring_case() {
        for (text, phrase) in [
            ("Visit the buyer monthly", "visit the buyer monthly"),
            ("VISITS to the plant once a month", "visits to the plant once a month"),
            ("Introduce our CEO to upper management", "introduce our ceo to upper management"),
            ("Introduction to the top management", "introduction to the top management"),
            ("Work with management to submit the lowest bid", "submit the lowest bid"),
            ("Offer the lowest price in the tender", "offer the lowest price"),
            ("Follow-up with purchasing", "follow-up"),
            ("Stay in touch with Dana", "stay in touch"),
            ("Keep them informed", "keep them informed"),
            ("Improve the relationship with R&D", "improve the relationship"),
            ("Support the plant as needed", "as needed"),
            ("Try to win the trial", "try to"),
            ("Call Dana Regularly", "regularly"),
        ] {
            assert_eq!(vague(text).as_deref(), Some(phrase), "{text}");
        }
    }

    #[test]
    fn german_phrases_match_with_umlauts_and_case() {
        for (text, phrase) in [
            ("Regelmäßige Termine mit dem Einkauf", "regelmäßige"),
            ("REGELMÄSSIG anrufen", "regelmässig"),
            ("Beim Einkauf nachfassen", "nachfassen"),
            ("Mit Frau Berg in Kontakt bleiben", "in kontakt bleiben"),
            ("Die Beziehung zum Einkauf pflegen", "beziehung zum einkauf pflegen"),
            ("Beziehung verbessern", "beziehung verbessern"),
            ("Technik bei Bedarf unterstützen", "bei bedarf"),
            ("Versuchen, den Auftrag zu gewinnen", "versuchen"),
            ("Das günstigste Angebot abgeben", "günstigste angebot"),
            ("Den niedrigsten Preis bieten", "niedrigsten preis"),
            ("Kunden monatlich besuchen", "monatlich besuchen"),
            ("Herrn Kurz der Geschäftsleitung vorstellen", "geschäftsleitung vorstellen"),
        ] {
            assert_eq!(vague(text).as_deref(), Some(phrase), "{text}");
        }
    }

    #[test]
    fn up_to_three_words_may_stand_between_but_not_four() {
        assert!(vague("visit one two three monthly").is_some());
        assert!(vague("visit one two three four monthly").is_none());
        assert!(vague("die Beziehung zu drei Werken pflegen").is_some());
        assert!(vague("die Beziehung zu allen drei Werken pflegen").is_none());
        // From the nearest "to", "upper" is out of reach; from the second it is not.
        assert!(vague("Introduce to Dana, to our new upper management").is_some());
    }

    #[test]
    fn a_specific_dated_visit_is_not_vague() {
        assert_eq!(vague("Visit the Hamburg plant with Dr. Berg by 15 March 2027 to agree the trial scope"), None);
        assert_eq!(vague("Signed trial agreement for line 3, 500 units, by 31 March"), None);
        assert_eq!(vague("Versuch in Werk 2 bis 31.03. abschließen"), None);
        assert_eq!(vague("Trial order placed, as agreed on 3 May"), None, "words, not letters, are matched");
    }

    #[test]
    fn last_year_plus_is_found_in_titles() {
        for t in [
            "Revenue last year + 10 %",
            "Last Year +7.5%",
            "last year + 3 percent",
            "Umsatz Vorjahr + 5 %",
            "Vorjahresniveau halten",
            "Previous year plus a bit",
        ] {
            assert!(says_last_year_plus(t), "{t}");
        }
        for t in ["Regain last year's volume", "Last year we lost the tender", "last year + more", "Grow share of wallet to 30 %"] {
            assert!(!says_last_year_plus(t), "{t}");
        }
    }
}
