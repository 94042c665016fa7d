//! The languages keyplan speaks and how each writes dates and numbers.
//!
//! Pure rules only: which language a browser asks for (`Accept-Language`) and
//! how a date, a number, a percentage or a short amount of money is written in
//! it. The texts themselves live in the web layer's Fluent files.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// A language of the user interface and of exports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The stable code: `en`, `de` (stored, in URLs and in the API).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The code as stored; also accepts a region (`de-AT`) and any case.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// The language's own name, as a language chooser shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    /// The best language of an `Accept-Language` header, honouring q-values;
    /// `None` when it asks for none keyplan speaks.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (pos, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let mut q = 1.0f32;
            for p in pieces {
                if let Some(v) = p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")) {
                    q = v.trim().parse::<f32>().ok().filter(|q| q.is_finite()).unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
            let Some(lang) = Lang::parse(tag) else { continue };
            if q <= 0.0 {
                continue;
            }
            // Highest q wins; at equal q the earlier entry wins.
            if best.is_none_or(|(bq, _, _)| q > bq) {
                best = Some((q, pos, lang));
            }
        }
        best.map(|(_, _, l)| l)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The month as written in a date: `Mar` in English, `März` in German.
pub fn month_name(m: Month, lang: Lang) -> &'static str {
    match lang {
        Lang::En => crate::plan::month_name(m),
        Lang::De => match m {
            Month::January => "Januar",
            Month::February => "Februar",
            Month::March => "März",
            Month::April => "April",
            Month::May => "Mai",
            Month::June => "Juni",
            Month::July => "Juli",
            Month::August => "August",
            Month::September => "September",
            Month::October => "Oktober",
            Month::November => "November",
            Month::December => "Dezember",
        },
    }
}

/// A date as pages show it: `5 Mar 2026`, `5. März 2026`.
pub fn format_date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year()),
        Lang::De => format!("{}. {} {}", d.day(), month_name(d.month(), lang), d.year()),
    }
}

/// A date in tables and exports where space is short: `2026-03-05`, `05.03.2026`.
pub fn format_date_numeric(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
        Lang::De => format!("{:02}.{:02}.{:04}", d.day(), u8::from(d.month()), d.year()),
    }
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::De => ('.', ','),
    }
}

/// Groups the digits of a whole number: `1,234,568` / `1.234.568`.
fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A number rounded to a whole one: `1,234,568` / `1.234.568`.
pub fn format_integer(n: f64, lang: Lang) -> String {
    let (thousands, _) = separators(lang);
    let digits = format!("{:.0}", n.abs());
    let body = group(&digits, thousands);
    if n < 0.0 && digits != "0" { format!("-{body}") } else { body }
}

/// A number as written in a measurable goal, without needless decimals:
/// `1,234.5` / `1.234,5`, `12` / `12`.
pub fn format_number(n: f64, lang: Lang) -> String {
    if n.fract() == 0.0 || !n.is_finite() {
        return format_integer(n, lang);
    }
    let (thousands, decimal) = separators(lang);
    let text = format!("{}", n.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if n < 0.0 { "-" } else { "" };
    format!("{sign}{}{decimal}{frac}", group(int, thousands))
}

/// A share as a percentage: `26%` / `26 %`.
pub fn format_percent(share: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{:.0}%", share * 100.0),
        Lang::De => format!("{:.0}\u{a0}%", share * 100.0),
    }
}

/// Short money for key figures: `€2.4m`, `$850k`, `€900` in English;
/// `2,4 Mio. €`, `850 Tsd. $`, `900 €` in German.
pub fn format_money_short(n: f64, currency: &str, lang: Lang) -> String {
    let sym = match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        other => other,
    };
    let a = n.abs();
    match lang {
        Lang::En => {
            let sym = if sym == "CHF" { "CHF " } else { sym };
            let body = if a >= 1_000_000.0 {
                format!("{:.1}m", n / 1_000_000.0).replace(".0m", "m")
            } else if a >= 10_000.0 {
                format!("{:.0}k", n / 1_000.0)
            } else {
                format_integer(n, lang)
            };
            format!("{sym}{body}")
        }
        Lang::De => {
            let body = if a >= 1_000_000.0 {
                let m = format!("{:.1}", n / 1_000_000.0).replace(".0", "").replace('.', ",");
                format!("{m}\u{a0}Mio.")
            } else if a >= 10_000.0 {
                format!("{:.0}\u{a0}Tsd.", n / 1_000.0)
            } else {
                format_integer(n, lang)
            };
            format!("{body}\u{a0}{sym}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.as_str()), Some(l));
            assert_eq!(serde_json::to_string(&l).unwrap(), format!("\"{}\"", l.as_str()));
            assert_eq!(serde_json::from_str::<Lang>(&format!("\"{l}\"")).unwrap(), l);
        }
        assert_eq!(Lang::parse("DE-at"), Some(Lang::De));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(Lang::from_accept_language("de-CH,de;q=0.9,en;q=0.8"), Some(Lang::De));
        assert_eq!(Lang::from_accept_language("fr,en;q=0.5"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("fr"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language("en;q=0.4, de;q=0.7"), Some(Lang::De));
        assert_eq!(Lang::from_accept_language("de;q=0, en"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de;q=0"), None);
        assert_eq!(Lang::from_accept_language("en-US,de"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("*"), None);
        assert_eq!(Lang::from_accept_language("de;q=abc,en;q=0.1"), Some(Lang::En));
    }

    #[test]
    fn dates_per_language() {
        let d = date!(2026 - 03 - 05);
        assert_eq!(format_date(d, Lang::En), "5 Mar 2026");
        assert_eq!(format_date(d, Lang::De), "5. März 2026");
        assert_eq!(format_date(date!(2026 - 12 - 31), Lang::De), "31. Dezember 2026");
        assert_eq!(format_date_numeric(d, Lang::En), "2026-03-05");
        assert_eq!(format_date_numeric(d, Lang::De), "05.03.2026");
    }

    #[test]
    fn numbers_per_language() {
        assert_eq!(format_integer(1234567.8, Lang::En), "1,234,568");
        assert_eq!(format_integer(1234567.8, Lang::De), "1.234.568");
        assert_eq!(format_integer(-999.0, Lang::En), "-999");
        assert_eq!(format_integer(-0.2, Lang::De), "0");
        assert_eq!(format_number(1234.5, Lang::En), "1,234.5");
        assert_eq!(format_number(1234.5, Lang::De), "1.234,5");
        assert_eq!(format_number(12.0, Lang::De), "12");
        assert_eq!(format_number(-0.25, Lang::De), "-0,25");
        assert_eq!(format_percent(0.256, Lang::En), "26%");
        assert_eq!(format_percent(0.256, Lang::De), "26\u{a0}%");
    }

    #[test]
    fn money_per_language() {
        assert_eq!(format_money_short(2_400_000.0, "EUR", Lang::En), "€2.4m");
        assert_eq!(format_money_short(3_000_000.0, "EUR", Lang::En), "€3m");
        assert_eq!(format_money_short(850_000.0, "USD", Lang::En), "$850k");
        assert_eq!(format_money_short(9_500.0, "CHF", Lang::En), "CHF 9,500");
        assert_eq!(format_money_short(2_400_000.0, "EUR", Lang::De), "2,4\u{a0}Mio.\u{a0}€");
        assert_eq!(format_money_short(3_000_000.0, "EUR", Lang::De), "3\u{a0}Mio.\u{a0}€");
        assert_eq!(format_money_short(850_000.0, "USD", Lang::De), "850\u{a0}Tsd.\u{a0}$");
        assert_eq!(format_money_short(9_500.0, "CHF", Lang::De), "9.500\u{a0}CHF");
    }
}
