//! Writing a [`Sheet`] into a worksheet: the styles, one cell at a time (text
//! never as a formula, dates as dates), the header row, the text below the
//! table and the print setup.

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::Lang;
use keyplan_domain::audience::Audience;
use keyplan_i18n::Tr;
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use time::Date;

use super::{Cell, Col, MAX_INDENT, Sheet, Tone, audience_label};

/// keyplan's brand colour and its soft tint.
const BRAND: u32 = 0x0F4C5C;
const BRAND_SOFT: u32 = 0xE6F1F3;
/// The longest text one cell holds (in UTF-16 units).
const MAX_CELL: usize = 32_767;

pub(super) struct Styles {
    /// The language, for a date Excel cannot hold.
    t: Tr,
    header: Format,
    text: Format,
    wrap: Format,
    label: Format,
    note: Format,
    date: Format,
    int: Format,
    dec: Format,
    pct: Format,
    indent: Vec<Format>,
    ok: Format,
    warning: Format,
    danger: Format,
    muted: Format,
}

impl Styles {
    pub(super) fn new(t: Tr) -> Styles {
        let base = Format::new().set_align(FormatAlign::Top);
        let wrap = base.clone().set_text_wrap();
        // Excel writes the month's name in the reader's own language.
        let date_format = match t.lang {
            Lang::En => "d mmm yyyy",
            Lang::De => "d. mmm yyyy",
        };
        Styles {
            t,
            header: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(BRAND))
                .set_align(FormatAlign::VerticalCenter)
                .set_border_bottom(FormatBorder::Thin),
            label: base.clone().set_bold().set_background_color(Color::RGB(BRAND_SOFT)),
            note: wrap.clone(),
            date: base.clone().set_num_format(date_format).set_align(FormatAlign::Left),
            int: base.clone().set_num_format("#,##0"),
            dec: base.clone().set_num_format("#,##0.0##"),
            pct: base.clone().set_num_format("0%"),
            indent: (0..=MAX_INDENT).map(|i| wrap.clone().set_indent(i)).collect(),
            ok: base.clone().set_font_color(Color::RGB(0x2E7D32)),
            warning: base.clone().set_font_color(Color::RGB(0xB26A00)),
            danger: base.clone().set_font_color(Color::RGB(0xC62828)).set_bold(),
            muted: base.clone().set_font_color(Color::RGB(0x757575)),
            wrap,
            text: base,
        }
    }
}

/// Writes text as a string cell (never a formula), cut to what a cell holds.
fn put_text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, clip(s, MAX_CELL), f)?;
    Ok(())
}

fn put(ws: &mut Worksheet, st: &Styles, row: u32, col: u16, wrap: bool, cell: &Cell) -> Result<(), XlsxError> {
    let text_format = if wrap { &st.wrap } else { &st.text };
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => put_text(ws, row, col, s, text_format)?,
        Cell::Label(s) => put_text(ws, row, col, s, &st.label)?,
        Cell::Indented(s, level) => put_text(ws, row, col, s, &st.indent[usize::from((*level).min(MAX_INDENT))])?,
        Cell::Toned(s, tone) => {
            let f = match tone {
                Some(Tone::Ok) => &st.ok,
                Some(Tone::Warning) => &st.warning,
                Some(Tone::Danger) => &st.danger,
                Some(Tone::Muted) => &st.muted,
                None => text_format,
            };
            put_text(ws, row, col, s, f)?;
        }
        Cell::Date(Some(d)) => match excel_date(*d) {
            Some(x) => {
                ws.write_date_with_format(row, col, &x, &st.date)?;
            }
            None => put_text(ws, row, col, &st.t.date(*d), text_format)?,
        },
        Cell::Num(Some(n)) if n.is_finite() => {
            ws.write_number_with_format(row, col, *n, if n.fract() == 0.0 { &st.int } else { &st.dec })?;
        }
        Cell::Pct(Some(n)) if n.is_finite() => {
            ws.write_number_with_format(row, col, *n, &st.pct)?;
        }
        Cell::Date(None) | Cell::Num(_) | Cell::Pct(_) => {}
    }
    Ok(())
}

fn excel_date(d: Date) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, u8::from(d.month()), d.day()).ok()
}

pub(super) fn write_sheet(wb: &mut Workbook, st: &Styles, b: &PlanBundle, name: String, sheet: Sheet) -> Result<(), XlsxError> {
    let t = st.t;
    let footer = match b.audience {
        Audience::Customer => t.s("export-footer-customer"),
        a => t.s1("export-footer-audience", "audience", audience_label(t, a)),
    };
    write_table(wb, st, name, sheet, (&b.plan.title, &b.account.name), &footer)
}

/// Writes `sheet` as a worksheet called `name`, with `header` (left, right)
/// and `footer` on every printed page.
pub(super) fn write_table(
    wb: &mut Workbook,
    st: &Styles,
    name: String,
    mut sheet: Sheet,
    header: (&str, &str),
    footer: &str,
) -> Result<(), XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(&name)?;
    sheet.prune();
    // A section with text only: the text is the table.
    let table = !sheet.rows.is_empty();
    if !table {
        sheet.cols = vec![Col::new(st.t.s("xlsx-col-part"), 20.0), Col::wrap(st.t.s("xlsx-text"), 100.0)];
        sheet.rows = std::mem::take(&mut sheet.notes).into_iter().map(|(l, t)| vec![Cell::Label(l), Cell::Text(t)]).collect();
    }
    let last_col = u16::try_from(sheet.cols.len().saturating_sub(1)).unwrap_or(u16::MAX);
    for (c, col) in sheet.cols.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.set_column_width(c, col.width)?;
        put_text(&mut ws, 0, c, &col.header, &st.header)?;
    }
    ws.set_row_height(0, 20)?;
    ws.set_freeze_panes(1, 0)?;
    let mut r: u32 = 1;
    for row in &sheet.rows {
        for (c, cell) in row.iter().enumerate() {
            let wrap = sheet.cols.get(c).is_some_and(|col| col.wrap);
            put(&mut ws, st, r, u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?, wrap, cell)?;
        }
        r += 1;
    }
    if table && sheet.filter && sheet.cols.len() > 1 {
        ws.autofilter(0, 0, r - 1, last_col)?;
    }
    // Text below the table: a label, then the text across the table's width.
    if !sheet.notes.is_empty() {
        r += 1;
        let span: f64 = sheet.cols.iter().skip(1).map(|c| c.width).sum::<f64>().max(20.0);
        for (label, text) in &sheet.notes {
            put_text(&mut ws, r, 0, label, &st.label)?;
            if last_col >= 2 {
                ws.merge_range(r, 1, r, last_col, &clip(text, MAX_CELL), &st.note)?;
            } else {
                put_text(&mut ws, r, 1, text, &st.note)?;
            }
            // Excel does not fit a merged cell's height to its text; estimate it.
            let lines: f64 = text.lines().map(|l| (l.chars().count() as f64 / (span * 1.1)).ceil().max(1.0)).sum::<f64>().max(1.0);
            ws.set_row_height(r, (lines * 15.0).min(409.0))?;
            r += 1;
        }
    }
    // Printing: landscape A4, one page wide, the header row on every page.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_header(format!("&L{}&R{}", header_text(header.0), header_text(header.1)));
    ws.set_footer(format!("&L{}&R{}", header_text(footer), st.t.s("xlsx-footer-page")));
    wb.push_worksheet(ws);
    Ok(())
}

/// Text for a printed page header: `&` is a control character there.
fn header_text(s: &str) -> String {
    clip(s, 80).replace('&', "&&")
}

/// `s` cut to at most `max` UTF-16 units, on a character boundary.
pub(super) fn clip(s: &str, max: usize) -> String {
    let mut n = 0;
    let mut out = String::new();
    for c in s.chars() {
        n += c.len_utf16();
        if n > max {
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    /// A minimal sheet written the way the workbook writes one.
    fn one_sheet(cells: Vec<Cell>) -> Vec<u8> {
        let st = Styles::new(Tr::default());
        let mut ws = Worksheet::new();
        ws.set_name("Test").unwrap();
        for (c, cell) in cells.iter().enumerate() {
            put(&mut ws, &st, 1, c as u16, false, cell).unwrap();
        }
        let mut wb = Workbook::new();
        wb.push_worksheet(ws);
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn text_that_looks_like_a_formula_stays_text() {
        let risky = ["=HYPERLINK(\"http://x.example\",\"x\")", "+49 30 1234", "-1+2", "@SUM(A1:A2)", "=1+1", "<b>&amp;\u{1}_x0041_"];
        let bytes = one_sheet(risky.iter().map(|s| Cell::Text(s.to_string())).collect());
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Test").unwrap();
        for (c, s) in risky.iter().enumerate() {
            assert_eq!(range.get_value((1, c as u32)), Some(&Data::String(s.to_string())), "{s}");
        }
        let formulas = book.worksheet_formula("Test").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell has a formula");
    }

    #[test]
    fn dates_are_dates_and_numbers_numbers() {
        let d = Date::from_calendar_date(2027, time::Month::March, 15).unwrap();
        let bytes = one_sheet(vec![Cell::Date(Some(d)), Cell::Num(Some(1234.5)), Cell::Pct(Some(0.25))]);
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Test").unwrap();
        match range.get_value((1, 0)) {
            Some(Data::DateTime(x)) => assert_eq!(x.as_f64(), 46461.0),
            other => panic!("not a date: {other:?}"),
        }
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(1234.5)));
        assert_eq!(range.get_value((1, 2)), Some(&Data::Float(0.25)));
    }

    #[test]
    fn clip_counts_utf16_units() {
        assert_eq!(clip("äöü", 2), "äö");
        assert_eq!(clip("a😀b", 2), "a");
        assert_eq!(header_text("R&D"), "R&&D");
    }
}
