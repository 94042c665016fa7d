//! Numbers and dates as keyplan writes them in English texts that are kept
//! (history lines, notifications) and in number fields a user types back.

use time::Date;

/// `1234567.8` -> `1,234,568`.
pub fn thousands(n: f64) -> String {
    let neg = n < 0.0;
    let digits = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if neg { format!("-{out}") } else { out }
}

/// A number as written in a measurable goal: no needless decimals.
pub fn figure(n: f64) -> String {
    if n.fract() == 0.0 { thousands(n) } else { format!("{n}") }
}

/// `2026-03-05` -> `5 Mar 2026`.
pub fn date(d: Date) -> String {
    format!("{} {} {}", d.day(), keyplan_domain::plan::month_name(d.month()), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn formats() {
        assert_eq!(thousands(1234567.8), "1,234,568");
        assert_eq!(thousands(-999.0), "-999");
        assert_eq!(date(date!(2026 - 03 - 05)), "5 Mar 2026");
        assert_eq!(figure(12.5), "12.5");
    }
}
