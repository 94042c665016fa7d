//! The records of a decoded file, one at a time: the header, then the data rows
//! numbered from 1, padded to the header's width. Empty lines and rows whose
//! cells are all empty are skipped and get no number. Report footers and an import
//! sheet's instruction row are left out and counted in `ignored_lines`.
//!
//! Footers are only known at the end, so rows that could belong to one (a
//! single cell, a totals row, an empty row) are held back until a row that is
//! certainly data releases them, or the end of the file shows them to be a
//! footer. At most [`MAX_HELD`] rows are held, so memory stays bounded.

use std::collections::VecDeque;
use std::io::Cursor;

use crate::crm::noise::{self, Shape};
use crate::crm::sniff::Delimiter;

/// A footer is a few lines; more rows than this that look like one are data.
const MAX_HELD: usize = 64;

/// One data row's cells, as many as the header has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRow {
    /// 1 for the first data row; records, not physical lines, are counted.
    pub row: u64,
    pub cells: Vec<String>,
    /// The row had non-empty cells beyond the header's width (a row error);
    /// they are cut off here.
    pub too_many_fields: bool,
}

struct Held {
    cells: Vec<String>,
    /// Blank lines just before it.
    blank_lines: u64,
    strong: bool,
    empty: bool,
}

/// Reads data rows lazily from the file's text.
pub struct Rows {
    reader: csv::Reader<Cursor<String>>,
    headers: Vec<String>,
    record: csv::StringRecord,
    held: VecDeque<Held>,
    ready: VecDeque<Vec<String>>,
    next_row: u64,
    ignored: u64,
    first: bool,
    done: bool,
}

/// A header cell as written, without surrounding spaces or a byte-order mark.
pub fn clean_header(h: &str) -> String {
    h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').to_string()
}

impl Rows {
    /// Starts reading `text`; the first record is the header (`None` when the
    /// text has no record at all).
    pub fn new(text: String, delimiter: Delimiter) -> Option<Rows> {
        let mut reader =
            csv::ReaderBuilder::new().delimiter(delimiter.as_byte()).has_headers(false).flexible(true).from_reader(Cursor::new(text));
        let mut record = csv::StringRecord::new();
        if !reader.read_record(&mut record).unwrap_or(false) {
            return None;
        }
        let mut headers: Vec<String> = record.iter().map(clean_header).collect();
        // Trailing empty header cells (Excel's stray delimiters) are no columns.
        while headers.len() > 1 && headers.last().is_some_and(String::is_empty) {
            headers.pop();
        }
        Some(Rows {
            reader,
            headers,
            record,
            held: VecDeque::new(),
            ready: VecDeque::new(),
            next_row: 1,
            ignored: 0,
            first: true,
            done: false,
        })
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Footer and instruction records skipped so far (all of them once the
    /// iterator is exhausted); blank lines count when they are part of a footer.
    pub fn ignored_lines(&self) -> u64 {
        self.ignored
    }

    /// Blank lines between the previous record and the current one.
    fn blank_lines_before(&self) -> u64 {
        let Some(pos) = self.record.position() else { return 0 };
        let text = self.reader.get_ref().get_ref().as_bytes();
        let start = pos.byte() as usize;
        let mut i = start;
        // The reader may stop between the CR and LF of the previous line end.
        if i > 0 && text.get(i - 1) == Some(&b'\r') && text.get(i) == Some(&b'\n') {
            i += 1;
        }
        let mut lines = 0;
        while let Some(&b) = text.get(i) {
            match b {
                b'\n' => lines += 1,
                b'\r' if text.get(i + 1) != Some(&b'\n') => lines += 1,
                b'\r' => {}
                _ => break,
            }
            i += 1;
        }
        lines
    }

    fn release_held(&mut self) {
        for h in self.held.drain(..) {
            if !h.empty {
                self.ready.push_back(h.cells);
            }
        }
    }

    /// Reads records until one data row is ready or the file ends.
    fn fill(&mut self) {
        while self.ready.is_empty() && !self.done {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {}
                _ => {
                    self.done = true;
                    let footer = self.held.iter().any(|h| h.strong);
                    if footer {
                        let blank: u64 = self.held.iter().map(|h| h.blank_lines).sum();
                        self.ignored += self.held.len() as u64 + blank;
                        self.held.clear();
                    } else {
                        self.release_held();
                    }
                    return;
                }
            }
            let cells: Vec<String> = self.record.iter().map(str::to_string).collect();
            if std::mem::take(&mut self.first) && noise::is_instruction_row(&cells) {
                self.ignored += 1;
                continue;
            }
            let blank_lines = self.blank_lines_before();
            match noise::shape(&cells) {
                Shape::Data => {
                    self.release_held();
                    self.ready.push_back(cells);
                }
                Shape::Empty => self.held.push_back(Held { cells, blank_lines, strong: false, empty: true }),
                Shape::FooterLike { strong } => self.held.push_back(Held { cells, blank_lines, strong, empty: false }),
            }
            if self.held.len() > MAX_HELD {
                self.release_held();
            }
        }
    }
}

impl Iterator for Rows {
    type Item = RawRow;

    fn next(&mut self) -> Option<RawRow> {
        self.fill();
        let mut cells = self.ready.pop_front()?;
        let width = self.headers.len();
        let too_many_fields = cells.len() > width && cells[width..].iter().any(|c| !c.trim().is_empty());
        // Excel leaves out trailing empty cells; extra empty ones are stray delimiters.
        cells.resize(width, String::new());
        let row = self.next_row;
        self.next_row += 1;
        Some(RawRow { row, cells, too_many_fields })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, d: Delimiter) -> (Vec<String>, Vec<RawRow>, u64) {
        let mut rows = Rows::new(text.to_string(), d).unwrap();
        let all: Vec<RawRow> = rows.by_ref().collect();
        (rows.headers().to_vec(), all, rows.ignored_lines())
    }

    #[test]
    fn headers_are_trimmed_and_rows_numbered() {
        let (h, rows, ignored) = read("\u{feff} Name , City\r\nAcme,Berlin\r\n\r\nBeta,Köln\r\n", Delimiter::Comma);
        assert_eq!(h, ["Name", "City"]);
        assert_eq!(
            rows.iter().map(|r| (r.row, r.cells.join("|"))).collect::<Vec<_>>(),
            [(1, "Acme|Berlin".into()), (2, "Beta|Köln".into())]
        );
        assert_eq!(ignored, 0);
    }

    #[test]
    fn padding_and_extra_fields() {
        let (_, rows, _) = read("A;B;C\n1\n1;2;3;;\n1;2;3;4\n", Delimiter::Semicolon);
        assert_eq!(rows[0].cells, ["1", "", ""]);
        assert!(!rows[0].too_many_fields);
        assert_eq!(rows[1].cells, ["1", "2", "3"]);
        assert!(!rows[1].too_many_fields);
        assert!(rows[2].too_many_fields);
        assert_eq!(rows[2].row, 3);
    }

    #[test]
    fn embedded_line_breaks_count_as_one_row() {
        let (_, rows, _) = read("Name\tNote\nAcme\t\"first\nsecond\"\nBeta\tx\n", Delimiter::Tab);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[1], "first\nsecond");
        assert_eq!(rows[1].row, 2);
    }

    #[test]
    fn salesforce_footer_is_ignored_and_counted() {
        let text = "\"Name\",\"Amount\"\r\n\"Acme\",\"10\"\r\n\"Beta\",\"20\"\r\n\r\n\"Total\"\r\n\r\n\
            \"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\r\n\
            \"Confidential Information - Do Not Distribute\"\r\n\"Generated By:  Jane Doe  12/5/2026 9:14 AM\"\r\n\
            \"Northwind GmbH\"\r\n";
        let (_, rows, ignored) = read(text, Delimiter::Comma);
        assert_eq!(rows.len(), 2);
        // Five footer records and the two blank lines inside the footer.
        assert_eq!(ignored, 7);
    }

    #[test]
    fn single_cell_rows_without_footer_text_are_data() {
        let (_, rows, ignored) = read("Name,City\nAcme,Berlin\n\nBeta\n;;\n", Delimiter::Comma);
        assert_eq!(rows.iter().map(|r| r.cells[0].as_str()).collect::<Vec<_>>(), ["Acme", "Beta", ";;"]);
        assert_eq!(ignored, 0);
        let (_, rows, _) = read("Name,City\nAcme,Berlin\n,\nBeta\nGamma,Bonn\n", Delimiter::Comma);
        assert_eq!(rows.iter().map(|r| r.cells[0].as_str()).collect::<Vec<_>>(), ["Acme", "Beta", "Gamma"]);
    }

    #[test]
    fn instruction_row_right_after_header() {
        let text = "Person - Name,Person - Email\nRequired,Optional - a valid e-mail address\nAnna,anna@example.com\n";
        let (_, rows, ignored) = read(text, Delimiter::Comma);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].row, 1);
        assert_eq!(ignored, 1);
    }
}
