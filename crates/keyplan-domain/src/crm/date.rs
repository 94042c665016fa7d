//! Dates as CRM exports write them: ISO `2026-12-31`, Salesforce date-times
//! (`2026-12-31T10:00:00.000Z`, `…+0000`; the date part is taken as written),
//! `31.12.2026` and `1.7.2027` (dots are always day first), and slash dates,
//! whose order the preset or the mapping gives. A time after the date
//! (`12/5/2026 9:14 AM`) is ignored. Years run from 1900 to 2999, as
//! everywhere in keyplan.

use time::{Date, Month};

use crate::crm::error::CrmError;

/// Which comes first in a date that is not ISO and has no dots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `12/31/2026`: US exports (Salesforce, HubSpot, Pipedrive).
    #[default]
    MonthFirst,
    /// `31/12/2026`, `31-12-2026`.
    DayFirst,
}

impl DateOrder {
    /// The order a mapping's `date_format` names: `DD.MM.YYYY`, `D.M.YYYY`,
    /// `MM/DD/YYYY`, `M/D/YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY`, `YYYY-MM-DD`.
    pub fn from_format(format: &str) -> Result<DateOrder, CrmError> {
        let f = format.trim().to_ascii_uppercase();
        let parts: Vec<&str> = f.split(['.', '/', '-']).collect();
        let is = |p: &str, c: char| !p.is_empty() && p.len() <= 2 && p.chars().all(|x| x == c);
        match parts.as_slice() {
            [y, m, d] if *y == "YYYY" && is(m, 'M') && is(d, 'D') => Ok(DateOrder::DayFirst),
            [d, m, y] if *y == "YYYY" && is(d, 'D') && is(m, 'M') => Ok(DateOrder::DayFirst),
            [m, d, y] if *y == "YYYY" && is(m, 'M') && is(d, 'D') => Ok(DateOrder::MonthFirst),
            _ => Err(CrmError::MappingDateFormat(format.to_string())),
        }
    }
}

/// Parses a date; `None` for anything else.
pub fn parse_date(text: &str, order: DateOrder) -> Option<Date> {
    let t = text.trim();
    // The date part of a date-time: up to a `T` after ISO digits, or a space.
    let date_part = match t.find(' ') {
        Some(i) => &t[..i],
        None => t,
    };
    let date_part = match date_part.find('T') {
        Some(10) => &date_part[..10],
        Some(_) => return None,
        None => date_part,
    };
    let sep = date_part.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let parts: Vec<&str> = date_part.split(sep).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    if ![a, b, c].iter().all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_ascii_digit())) {
        return None;
    }
    let (y, m, d) = if a.len() == 4 {
        (*a, *b, *c)
    } else if c.len() == 4 {
        match (sep, order) {
            ('.', _) | (_, DateOrder::DayFirst) => (*c, *b, *a),
            (_, DateOrder::MonthFirst) => (*c, *a, *b),
        }
    } else {
        return None;
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    if !(1900..=2999).contains(&year) {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year, month, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn us(t: &str) -> Option<Date> {
        parse_date(t, DateOrder::MonthFirst)
    }

    #[test]
    fn iso_and_salesforce() {
        assert_eq!(us("2026-12-31"), Some(date!(2026 - 12 - 31)));
        assert_eq!(us("2026-12-31T10:00:00.000Z"), Some(date!(2026 - 12 - 31)));
        assert_eq!(us("2026-12-31T10:00:00.000+0000"), Some(date!(2026 - 12 - 31)));
        assert_eq!(us(" 2027-01-05 08:15:00 "), Some(date!(2027 - 01 - 05)));
    }

    #[test]
    fn dotted_is_day_first_always() {
        assert_eq!(us("31.12.2026"), Some(date!(2026 - 12 - 31)));
        assert_eq!(us("1.7.2027"), Some(date!(2027 - 07 - 01)));
        assert_eq!(parse_date("01.07.2027", DateOrder::DayFirst), Some(date!(2027 - 07 - 01)));
    }

    #[test]
    fn slashes_follow_the_order() {
        assert_eq!(us("12/31/2026"), Some(date!(2026 - 12 - 31)));
        assert_eq!(us("7/1/2027"), Some(date!(2027 - 07 - 01)));
        assert_eq!(us("12/5/2026 9:14 AM"), Some(date!(2026 - 12 - 05)));
        assert_eq!(parse_date("31/12/2026", DateOrder::DayFirst), Some(date!(2026 - 12 - 31)));
        assert_eq!(parse_date("01/07/2027", DateOrder::DayFirst), Some(date!(2027 - 07 - 01)));
        assert_eq!(parse_date("31-12-2026", DateOrder::DayFirst), Some(date!(2026 - 12 - 31)));
        assert_eq!(us("31/12/2026"), None);
    }

    #[test]
    fn out_of_range_and_garbage() {
        for bad in ["", "2026-13-01", "2026-02-30", "1899-12-31", "3000-01-01", "12/31/26", "tomorrow", "2026-12-31X", "31.12"] {
            assert_eq!(us(bad), None, "{bad}");
        }
        assert_eq!(us("1900-01-01"), Some(date!(1900 - 01 - 01)));
        assert_eq!(us("2999-12-31"), Some(date!(2999 - 12 - 31)));
    }

    #[test]
    fn formats_of_a_mapping() {
        assert_eq!(DateOrder::from_format("DD.MM.YYYY"), Ok(DateOrder::DayFirst));
        assert_eq!(DateOrder::from_format("D.M.YYYY"), Ok(DateOrder::DayFirst));
        assert_eq!(DateOrder::from_format("MM/DD/YYYY"), Ok(DateOrder::MonthFirst));
        assert_eq!(DateOrder::from_format("DD/MM/YYYY"), Ok(DateOrder::DayFirst));
        assert_eq!(DateOrder::from_format("YYYY-MM-DD"), Ok(DateOrder::DayFirst));
        assert!(DateOrder::from_format("YY/MM").is_err());
    }
}
