//! The neutral document model. It knows nothing about plans: the caller decides
//! which headings, tables and pictures a document consists of.
//!
//! Every string is shown literally. The model is handed to the typesetter as
//! JSON data, so no text can be read as markup or code.

use serde::Serialize;

/// A document to be typeset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The large heading on the first page, also the PDF's title.
    pub title: String,
    /// One line under the title, e.g. "Account · Plan · Audience". Empty for none.
    pub subtitle: String,
    /// Short lines shown beside the title, e.g. owner, period, date.
    pub meta: Vec<String>,
    /// Small print at the bottom of every page, e.g. "Confidential".
    pub footer: String,
    /// The language of the text: hyphenation and the few words printed by this crate.
    pub lang: Lang,
    pub layout: Layout,
    pub blocks: Vec<Block>,
}

impl Document {
    /// A document with a title and nothing else yet.
    pub fn new(title: impl Into<String>, lang: Lang, layout: Layout) -> Self {
        Document { title: title.into(), subtitle: String::new(), meta: Vec::new(), footer: String::new(), lang, layout, blocks: Vec::new() }
    }
}

/// The document's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    En,
    De,
}

impl Lang {
    /// The ISO 639-1 code, e.g. for hyphenation.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// "Page 1 of 2" is printed as `{page} 1 {of} 2`.
    pub(crate) fn page_words(self) -> (&'static str, &'static str) {
        match self {
            Lang::En => ("Page", "of"),
            Lang::De => ("Seite", "von"),
        }
    }
}

/// How the document is put on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// A4 landscape, exactly one page: the text shrinks until it fits.
    OnePage,
    /// A4 portrait, as many pages as needed, with page numbers.
    Compact,
}

/// A status shown as a coloured marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Ok,
    Warning,
    Danger,
    /// Done, dropped or otherwise out of focus: greyed out.
    Muted,
}

/// One piece of the document, laid out top to bottom.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Level 1 is a section, 2 a subsection, 3 a small label (e.g. a column's heading).
    Heading {
        level: u8,
        text: String,
    },
    /// Line breaks in the text are kept.
    Paragraph {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    /// Label and value pairs, e.g. "Owner: Lena Hoffmann".
    KeyValues {
        items: Vec<(String, String)>,
    },
    Table(Table),
    /// A picture given as SVG source. Its `<text>` is set in the document's font.
    Svg {
        svg: String,
        /// The share of the available width, from 0 to 1.
        width: f32,
        /// A line under the picture. Empty for none.
        caption: String,
    },
    /// A highlighted box, e.g. the goal of a plan or a note. Without a tone it uses the accent colour.
    Callout {
        title: String,
        text: String,
        tone: Option<Tone>,
    },
    /// Blocks side by side in equally wide columns.
    Columns {
        columns: Vec<Vec<Block>>,
    },
    /// A tree laid out as columns, one per level: each entry spans the rows of
    /// everything under it, so it sits beside its children and its parent.
    Tree(TreeGrid),
    /// What follows starts on a new page (nothing when the page is fresh).
    PageBreak,
    /// A table of contents: every level-1 heading with its page number.
    Outline {
        title: String,
    },
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading { level, text: text.into() }
    }

    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph { text: text.into() }
    }

    pub fn bullets<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Self {
        Block::Bullets { items: items.into_iter().map(Into::into).collect() }
    }

    pub fn key_values<K: Into<String>, V: Into<String>>(items: impl IntoIterator<Item = (K, V)>) -> Self {
        Block::KeyValues { items: items.into_iter().map(|(k, v)| (k.into(), v.into())).collect() }
    }

    /// A picture spanning `width` (0 to 1) of the available width.
    pub fn svg(svg: impl Into<String>, width: f32) -> Self {
        Block::Svg { svg: svg.into(), width, caption: String::new() }
    }

    pub fn callout(title: impl Into<String>, text: impl Into<String>, tone: Option<Tone>) -> Self {
        Block::Callout { title: title.into(), text: text.into(), tone }
    }

    pub fn columns(columns: Vec<Vec<Block>>) -> Self {
        Block::Columns { columns }
    }
}

/// A table with a header row. Rows may be shorter than the header; missing cells stay empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// Relative column widths, e.g. `[3.0, 1.0, 0.0]`; a 0 or `None` sizes a column by its content.
    pub widths: Option<Vec<f32>>,
}

impl Table {
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Self {
        Table { header: header.into_iter().map(Into::into).collect(), rows: Vec::new(), widths: None }
    }

    pub fn widths(mut self, widths: impl IntoIterator<Item = f32>) -> Self {
        self.widths = Some(widths.into_iter().collect());
        self
    }

    pub fn row<S: Into<String>>(mut self, cells: impl IntoIterator<Item = S>, tone: Option<Tone>) -> Self {
        self.rows.push(Row { cells: cells.into_iter().map(Into::into).collect(), tone });
        self
    }
}

impl From<Table> for Block {
    fn from(table: Table) -> Self {
        Block::Table(table)
    }
}

/// The grid of a [`Block::Tree`]: a header per column and cells placed by
/// row and column, spanning rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TreeGrid {
    pub header: Vec<String>,
    /// Relative column widths, one per header.
    pub widths: Vec<f32>,
    /// The number of rows under the header.
    pub rows: u32,
    pub cells: Vec<TreeCell>,
    /// A line under the grid explaining its markers. Empty for none.
    pub legend: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreeCell {
    pub column: u32,
    /// The first row (0 is the first row under the header).
    pub row: u32,
    /// At least 1.
    pub rowspan: u32,
    pub text: String,
    /// A small line under the text, e.g. owner and date. Empty for none.
    pub note: String,
    pub tone: Option<Tone>,
}

impl From<TreeGrid> for Block {
    fn from(grid: TreeGrid) -> Self {
        Block::Tree(grid)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub cells: Vec<String>,
    pub tone: Option<Tone>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_serialize_with_a_kind_tag() {
        let json = serde_json::to_value(Block::heading(2, "Goal")).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "heading", "level": 2, "text": "Goal"}));
        let table: Block = Table::new(["A", "B"]).widths([2.0, 1.0]).row(["x", "y"], Some(Tone::Danger)).into();
        let json = serde_json::to_value(table).unwrap();
        assert_eq!(json["kind"], "table");
        assert_eq!(json["rows"][0]["tone"], "danger");
        assert_eq!(json["widths"][0], 2.0);
        let kv = serde_json::to_value(Block::key_values([("Owner", "Lena")])).unwrap();
        assert_eq!(kv["items"][0], serde_json::json!(["Owner", "Lena"]));
    }

    #[test]
    fn lang_words() {
        assert_eq!(Lang::De.page_words().0, "Seite");
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(serde_json::to_value(Layout::OnePage).unwrap(), "one_page");
    }
}
