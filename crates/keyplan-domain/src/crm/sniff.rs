//! Which character separates the fields: comma, semicolon (Excel where the
//! decimal separator is a comma), tab (Excel's "Unicode text") or pipe. The
//! content decides, never the file name.

/// A field delimiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
    Pipe,
}

impl Delimiter {
    /// In order of preference when two fit equally well.
    pub const ALL: [Delimiter; 4] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab, Delimiter::Pipe];

    pub fn as_char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
            Delimiter::Pipe => '|',
        }
    }

    /// The character itself, as the import report gives it (`"\t"` in JSON for a tab).
    pub fn as_str(self) -> &'static str {
        match self {
            Delimiter::Comma => ",",
            Delimiter::Semicolon => ";",
            Delimiter::Tab => "\t",
            Delimiter::Pipe => "|",
        }
    }

    pub fn as_byte(self) -> u8 {
        self.as_char() as u8
    }
}

/// Excel's `sep=;` first line, which names the delimiter: the delimiter and
/// the length of the line with its line end, to be dropped before reading.
pub fn declared(text: &str) -> Option<(Delimiter, usize)> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let line = text[..line_end].trim_end_matches(['\r', '\n']);
    let rest = line.get(..4).filter(|p| p.eq_ignore_ascii_case("sep=")).map(|_| &line[4..])?;
    let mut chars = rest.chars();
    let c = chars.next()?;
    let d = Delimiter::ALL.into_iter().find(|d| d.as_char() == c)?;
    chars.next().is_none().then_some((d, line_end))
}

/// How much of the file the guess looks at.
const SAMPLE_BYTES: usize = 64 * 1024;
const SAMPLE_RECORDS: usize = 30;

/// Guesses the delimiter from the first records (quotes respected, so a
/// delimiter inside a quoted cell does not count): the one that splits the
/// header into more than one field and gives the most later records that same
/// field count wins; then the one with more fields; then the order of
/// [`Delimiter::ALL`]. A file with one column reads as comma-separated.
pub fn sniff(text: &str) -> Delimiter {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let truncated = end < text.len();
    let sample = &text.as_bytes()[..end];
    let mut best: Option<(f64, usize, Delimiter)> = None;
    for d in Delimiter::ALL {
        let mut reader = csv::ReaderBuilder::new().delimiter(d.as_byte()).has_headers(false).flexible(true).from_reader(sample);
        let mut counts: Vec<usize> = reader.byte_records().take(SAMPLE_RECORDS + 1).filter_map(Result::ok).map(|r| r.len()).collect();
        // The last record of a cut sample may be cut itself.
        if truncated && counts.len() > 1 {
            counts.pop();
        }
        let Some(&fields) = counts.first() else { continue };
        if fields < 2 {
            continue;
        }
        let rest = &counts[1..];
        let consistency = if rest.is_empty() { 1.0 } else { rest.iter().filter(|&&n| n == fields).count() as f64 / rest.len() as f64 };
        let better = match best {
            None => true,
            Some((c, f, _)) => consistency > c + 1e-9 || ((consistency - c).abs() <= 1e-9 && fields > f),
        };
        if better {
            best = Some((consistency, fields, d));
        }
    }
    best.map(|(_, _, d)| d).unwrap_or(Delimiter::Comma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_delimiter() {
        assert_eq!(sniff("Name,City,Revenue\nAcme,Berlin,100\n"), Delimiter::Comma);
        assert_eq!(sniff("Name;City;Revenue\nMüller AG;München;1.234,56\n"), Delimiter::Semicolon);
        assert_eq!(sniff("Name\tCity\r\nAcme, Inc.\tBerlin\r\n"), Delimiter::Tab);
        assert_eq!(sniff("Name|City|Note\nAcme|Berlin|a, b; c\n"), Delimiter::Pipe);
    }

    #[test]
    fn quotes_and_line_breaks_are_respected() {
        // Commas inside quotes would give the comma more fields on some lines only.
        let text = "\"Name\";\"Note\"\n\"Acme, Inc.\";\"line one\nline, two\"\n\"B\";\"x\"\n";
        assert_eq!(sniff(text), Delimiter::Semicolon);
        assert_eq!(Delimiter::Tab.as_str(), "\t");
    }

    #[test]
    fn excels_sep_line() {
        assert_eq!(declared("sep=;\r\nName;City\r\n"), Some((Delimiter::Semicolon, 7)));
        assert_eq!(declared("SEP=|\nName|City\n"), Some((Delimiter::Pipe, 6)));
        assert_eq!(declared("sep=;x\nName\n"), None);
        assert_eq!(declared("Name;City\n"), None);
    }

    #[test]
    fn single_column_is_comma() {
        assert_eq!(sniff("Name\nAcme\nBeta\n"), Delimiter::Comma);
    }

    #[test]
    fn consistency_beats_a_header_accident() {
        // The header has a comma in one label, the data are semicolon-separated.
        let text = "Name;Revenue, EUR;City\nA;1,5;X\nB;2,5;Y\n";
        assert_eq!(sniff(text), Delimiter::Semicolon);
    }
}
