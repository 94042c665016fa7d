//! Numbers as CRM exports write them: `1234.56`, `1,234.56`, `1.234,56`,
//! `$3,000`, `4.250.000,50 €`, `EUR 1.000`, `1 234,56`, `-12.5`, `(1,000)`, and
//! probabilities as `25`, `25%` or (HubSpot) `0.25`.
//!
//! Which separator is the decimal one:
//! - both `.` and `,` appear: the last one is decimal, the other groups thousands;
//! - one of them appears more than once: it groups thousands;
//! - one appears once: with a hint (`decimal_comma`) the hint decides, except
//!   that the thousands separator is only taken as such when exactly three
//!   digits follow it (`1.5` stays one and a half in a decimal-comma file);
//!   without a hint, `,` followed by exactly three digits groups thousands
//!   (`1,234` is 1234) and is decimal otherwise (`1,5`); `.` is decimal
//!   (`1.234` is 1.234) unless the amount is in euros (`EUR 1.000`,
//!   `1.000 €`), where continental writing is the rule.
//!
//! The callers give the hint: the mapping's `decimal_comma`, else a
//! semicolon-separated file (Excel writes those where the comma is decimal).

/// A parsed amount and the currency its symbol or code named.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub currency: Option<String>,
}

/// Symbols and their ISO codes.
const SYMBOLS: [(&str, &str); 5] = [("€", "EUR"), ("$", "USD"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR")];

/// The ISO code of a currency cell: `EUR`, `eur`, `€`, `Euro`, `US Dollar`.
pub fn parse_currency(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some((_, code)) = SYMBOLS.iter().find(|(s, _)| *s == t) {
        return Some(code.to_string());
    }
    let lower = t.to_lowercase();
    let named = match lower.as_str() {
        "euro" | "euros" => Some("EUR"),
        "us dollar" | "us-dollar" | "dollar" => Some("USD"),
        "pound sterling" | "british pound" | "britisches pfund" => Some("GBP"),
        "swiss franc" | "schweizer franken" | "franc suisse" => Some("CHF"),
        _ => None,
    };
    if let Some(code) = named {
        return Some(code.to_string());
    }
    (t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic())).then(|| t.to_ascii_uppercase())
}

/// Takes a currency symbol or a three-letter upper-case code off either end.
fn strip_currency(t: &str) -> (&str, Option<String>) {
    for (sym, code) in SYMBOLS {
        if let Some(rest) = t.strip_prefix(sym).or_else(|| t.strip_suffix(sym)) {
            return (rest.trim(), Some(code.to_string()));
        }
    }
    let is_code = |s: &str| s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase());
    if t.len() > 3 {
        if t.is_char_boundary(3) && is_code(&t[..3]) {
            return (t[3..].trim(), Some(t[..3].to_string()));
        }
        let cut = t.len() - 3;
        if t.is_char_boundary(cut) && is_code(&t[cut..]) {
            return (t[..cut].trim(), Some(t[cut..].to_string()));
        }
    }
    (t, None)
}

/// Parses an amount; `None` for text that is not a number.
pub fn parse_amount(text: &str, decimal_comma: Option<bool>) -> Option<Amount> {
    let mut t = text.trim();
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        negative = true;
        t = inner.trim();
    }
    if let Some(rest) = t.strip_prefix(['-', '−']) {
        negative = !negative;
        t = rest.trim();
    }
    let (t, currency) = strip_currency(t);
    // A sign may also stand after the symbol: `€ -5`, `$-3,000`.
    let (t, negative) = match t.strip_prefix(['-', '−']) {
        Some(rest) if currency.is_some() => (rest.trim(), !negative),
        _ => (t, negative),
    };
    let digits: String = t.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’')).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let euro = currency.as_deref() == Some("EUR");
    let (decimal, group) = separators(&digits, decimal_comma.or(euro.then_some(true)))?;
    let normalised: String = digits.chars().filter(|&c| c != group).map(|c| if Some(c) == decimal { '.' } else { c }).collect();
    if normalised.starts_with('.') || normalised.ends_with('.') {
        return None;
    }
    let value: f64 = normalised.parse().ok()?;
    Some(Amount { value: if negative { -value } else { value }, currency })
}

/// The decimal separator of a string of digits, `.` and `,` (`None` when
/// there is none) and the thousands separator; `None` when the separators
/// make no sense.
fn separators(digits: &str, decimal_comma: Option<bool>) -> Option<(Option<char>, char)> {
    let other = |c: char| if c == ',' { '.' } else { ',' };
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let (dots, commas) = (digits.matches('.').count(), digits.matches(',').count());
    let (decimal, group) = match (last_dot, last_comma) {
        (None, None) => (None, ','),
        (Some(d), Some(c)) => {
            let dec = if d > c { '.' } else { ',' };
            // The decimal separator appears once, after every group separator.
            if digits.matches(dec).count() > 1 {
                return None;
            }
            (Some(dec), other(dec))
        }
        (Some(_), None) if dots > 1 => (None, '.'),
        (None, Some(_)) if commas > 1 => (None, ','),
        (Some(d), None) => {
            let three_after = digits.len() - d - 1 == 3;
            match decimal_comma {
                Some(true) if three_after => (None, '.'),
                _ => (Some('.'), ','),
            }
        }
        (None, Some(c)) => {
            let three_after = digits.len() - c - 1 == 3;
            match decimal_comma {
                Some(true) => (Some(','), '.'),
                _ if three_after => (None, ','),
                _ => (Some(','), '.'),
            }
        }
    };
    groups_are_valid(digits, group, decimal).then_some((decimal, group))
}

/// Groups after the first have exactly three digits: `1.234.567`, not `1.23.4`.
fn groups_are_valid(digits: &str, group: char, decimal: Option<char>) -> bool {
    let integer = match decimal {
        Some(d) => digits.split(d).next().unwrap_or(""),
        None => digits,
    };
    let mut parts = integer.split(group);
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    rest.is_empty() || (!first.is_empty() && first.len() <= 3 && rest.iter().all(|g| g.len() == 3))
}

/// A probability in percent (0–100): `25`, `25%`, `25,5 %`; with
/// `fraction` (HubSpot's deal probability), a value up to 1 is a share of one.
pub fn parse_probability(text: &str, decimal_comma: Option<bool>, fraction: bool) -> Option<f64> {
    let t = text.trim();
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim(), true),
        None => (t, false),
    };
    let value = parse_amount(t, decimal_comma).filter(|a| a.currency.is_none())?.value;
    let value = if fraction && !percent && value <= 1.0 { value * 100.0 } else { value };
    (0.0..=100.0).contains(&value).then_some((value * 1e6).round() / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Option<f64> {
        parse_amount(text, None).map(|a| a.value)
    }

    fn c(text: &str) -> Option<String> {
        parse_amount(text, None).and_then(|a| a.currency)
    }

    #[test]
    fn plain_and_grouped() {
        assert_eq!(v("1234.56"), Some(1234.56));
        assert_eq!(v("1,234.56"), Some(1234.56));
        assert_eq!(v("1.234,56"), Some(1234.56));
        assert_eq!(v("1 234,56"), Some(1234.56));
        assert_eq!(v("1\u{a0}234,56"), Some(1234.56));
        assert_eq!(v("4\u{202f}250\u{202f}000,50"), Some(4_250_000.5));
        assert_eq!(v("ü"), None);
        assert_eq!(v("-12.5"), Some(-12.5));
        assert_eq!(v("(1,000)"), Some(-1000.0));
        assert_eq!(v("1,234,567"), Some(1_234_567.0));
        assert_eq!(v("4.250.000"), Some(4_250_000.0));
        assert_eq!(v("0"), Some(0.0));
    }

    #[test]
    fn currencies() {
        assert_eq!(v("$3,000"), Some(3000.0));
        assert_eq!(c("$3,000").as_deref(), Some("USD"));
        assert_eq!(v("4.250.000,50 €"), Some(4_250_000.5));
        assert_eq!(c("4.250.000,50 €").as_deref(), Some("EUR"));
        assert_eq!(v("EUR 1.000"), Some(1000.0));
        assert_eq!(c("EUR 1.000").as_deref(), Some("EUR"));
        assert_eq!(v("CHF 1'250.50"), Some(1250.5));
        assert_eq!(c("CHF 1'250.50").as_deref(), Some("CHF"));
        assert_eq!(v("£ 99"), Some(99.0));
        assert_eq!(c("£ 99").as_deref(), Some("GBP"));
        assert_eq!(v("1500 USD"), Some(1500.0));
        assert_eq!(v("-$3,000"), Some(-3000.0));
        assert_eq!(parse_currency("eur").as_deref(), Some("EUR"));
        assert_eq!(parse_currency("US Dollar").as_deref(), Some("USD"));
        assert_eq!(parse_currency("€").as_deref(), Some("EUR"));
        assert_eq!(parse_currency("Euro-ish"), None);
    }

    #[test]
    fn ambiguous_single_separator() {
        assert_eq!(v("1,234"), Some(1234.0));
        assert_eq!(v("1,5"), Some(1.5));
        assert_eq!(v("1.234"), Some(1.234));
        assert_eq!(parse_amount("1.234", Some(true)).unwrap().value, 1234.0);
        assert_eq!(parse_amount("1.5", Some(true)).unwrap().value, 1.5);
        assert_eq!(parse_amount("1,234", Some(true)).unwrap().value, 1.234);
        assert_eq!(parse_amount("1,5", Some(false)).unwrap().value, 1.5);
        assert_eq!(parse_amount("1,234", Some(false)).unwrap().value, 1234.0);
    }

    #[test]
    fn not_numbers() {
        for bad in ["", "abc", "12a", "1.2.3,4,5", "1,23,4", "--1", "1.", ",5", "=1+2", "1.234.56"] {
            assert_eq!(v(bad), None, "{bad}");
        }
    }

    #[test]
    fn probabilities() {
        assert_eq!(parse_probability("25", None, false), Some(25.0));
        assert_eq!(parse_probability("25%", None, false), Some(25.0));
        assert_eq!(parse_probability("25 %", None, true), Some(25.0));
        assert_eq!(parse_probability("0.25", None, true), Some(25.0));
        assert_eq!(parse_probability("1", None, true), Some(100.0));
        assert_eq!(parse_probability("40", None, true), Some(40.0));
        assert_eq!(parse_probability("0,1", Some(true), true), Some(10.0));
        assert_eq!(parse_probability("120", None, false), None);
        assert_eq!(parse_probability("-5", None, false), None);
        assert_eq!(parse_probability("$5", None, false), None);
    }
}
