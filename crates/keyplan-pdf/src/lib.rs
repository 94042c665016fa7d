//! PDF export for keyplan without any external program: a neutral document
//! model (headings, paragraphs, lists, tables, SVG pictures, callouts, columns)
//! typeset in-process with typst, with DejaVu Sans bundled as a dependency.
//!
//! - User text is handed to the typesetter as JSON data and always shown
//!   literally: no string is ever read as markup or code.
//! - Fonts come from the `dejavu` crate (DejaVu Sans and Sans Condensed, under
//!   the Bitstream Vera / DejaVu font licence, which allows bundling them with
//!   software); nothing is read from the machine at run time. Characters the
//!   font lacks, such as colour emoji, show as a box.
//! - One layout of a normal one-page plan takes some tens of milliseconds in
//!   an optimised build; fitting it on one page takes one to three layouts, rarely more (see `fit`).
//!
//! ```no_run
//! use keyplan_pdf::{Block, Document, Lang, Layout, render};
//!
//! let mut doc = Document::new("Northwind Traders", Lang::En, Layout::OnePage);
//! doc.blocks.push(Block::callout("Goal", "Grow revenue to 4.2 M EUR by 2027", None));
//! let pdf = render(&doc)?;
//! assert_eq!(pdf.pages, 1);
//! # Ok::<(), keyplan_pdf::PdfError>(())
//! ```

mod engine;
mod fit;
mod model;

pub use model::{Block, Document, Lang, Layout, Row, Table, Tone, TreeCell, TreeGrid};

mod positions;
pub use positions::{Placed, text_positions};

mod pages;
pub use pages::{page_count, remembered_page_count};

use serde::Serialize;
use typst_layout::PagedDocument;

/// Base font sizes tried for a one-page document, largest first. Below the
/// last one a printed plan is no longer comfortable to read.
pub const ONE_PAGE_SIZES: [f32; 7] = [10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0];

/// The base font size of a compact multi-page document.
pub const COMPACT_SIZE: f32 = 9.5;

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// The body text size the document was set in, in points.
    pub base_font_pt: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "The plan does not fit on one page, even in the smallest readable text size ({pages_at_minimum} pages). \
         Shorten or remove some entries, or download the compact version, which may run over several pages."
    )]
    TooBigForOnePage { pages_at_minimum: usize },
    /// The typesetter failed. This is a bug in this crate, not in the user's text.
    #[error("the PDF could not be typeset: {0}")]
    Typeset(String),
}

/// One document is typeset at a time in the whole process.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Typesets `document` as PDF.
///
/// A [`Layout::OnePage`] document is set in the largest of [`ONE_PAGE_SIZES`]
/// that fits on one page; if even the smallest does not, the error says how
/// many pages it would take. A [`Layout::Compact`] document takes as many pages
/// as it needs.
///
/// Memory is bounded: one document is typeset at a time in the whole process
/// (a second request waits its turn), and the typesetter's memoised layouts
/// are dropped afterwards, so the largest plan the organisation's limits allow
/// costs its peak once and gives it back.
pub fn render(document: &Document) -> Result<Rendered, PdfError> {
    one_at_a_time(|| render_now(document))
}

/// Runs `work` as the process's only typesetting, then drops the
/// typesetter's memoised layouts (see [`render`]).
fn one_at_a_time<T>(work: impl FnOnce() -> T) -> T {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let result = work();
    engine::forget();
    result
}

fn render_now(document: &Document) -> Result<Rendered, PdfError> {
    let (laid_out, size) = lay_out_at_its_size(document)?;
    let bytes = engine::export(&laid_out).map_err(PdfError::Typeset)?;
    Ok(Rendered { bytes, pages: laid_out.pages().len(), base_font_pt: size })
}

fn lay_out_at_its_size(document: &Document) -> Result<(PagedDocument, f32), PdfError> {
    match document.layout {
        Layout::Compact => Ok((lay_out(document, COMPACT_SIZE)?, COMPACT_SIZE)),
        Layout::OnePage => fit::fit_on_one_page(document, fit::sizes_at_once(document), lay_out),
    }
}

/// The layout [`render`] would export, under the same one-at-a-time rule.
pub(crate) fn laid_out(document: &Document) -> Result<PagedDocument, PdfError> {
    one_at_a_time(|| lay_out_at_its_size(document).map(|(d, _)| d))
}

/// Builds the bundled font book and the template now, then typesets and
/// writes a few words in `lang` once, so that the first document does not
/// pay for it: a process that will print does this while it reads its data.
///
/// The typesetter builds much on first use (its functions' descriptions,
/// the template's patterns, line breaking, the fonts' shaping and the PDF
/// writer's colour profile), and the code and memory for it are faulted in.
/// Measured on the 2-core machine in alternation, 100 runs each, the median
/// `keyplan export --format pdf` went from 33.7 to 31.4 ms as a whole
/// process with the words typeset here (issue 18); the PDF is the same.
/// The typesetter's memoised results are kept for the next document; no
/// lock is taken, so this can run beside a render.
pub fn warm_up(lang: Lang) {
    engine::warm_up();
    let mut words = Document::new("keyplan", lang, Layout::OnePage);
    words.blocks.push(Block::paragraph("Key account plan"));
    if let Ok(data) = input_json(&words, ONE_PAGE_SIZES[0])
        && let Ok(laid_out) = engine::compile(data)
    {
        let _ = engine::export(&laid_out);
    }
}

/// The template's input: the document plus what the template cannot know.
#[derive(Serialize)]
struct Input<'a> {
    doc: &'a Document,
    base: f32,
    words: Words,
}

#[derive(Serialize)]
struct Words {
    page: &'static str,
    of: &'static str,
}

fn lay_out(document: &Document, base: f32) -> Result<PagedDocument, PdfError> {
    engine::compile(input_json(document, base)?).map_err(PdfError::Typeset)
}

/// The template's input for `document` set at `base` points.
fn input_json(document: &Document, base: f32) -> Result<Vec<u8>, PdfError> {
    let (page, of) = document.lang.page_words();
    let input = Input { doc: document, base, words: Words { page, of } };
    serde_json::to_vec(&input).map_err(|e| PdfError::Typeset(e.to_string()))
}

/// Lays out an already prepared input, under the one-at-a-time rule.
fn laid_out_data(data: Vec<u8>) -> Result<PagedDocument, PdfError> {
    one_at_a_time(|| engine::compile(data).map_err(PdfError::Typeset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_run_from_comfortable_to_smallest_readable() {
        assert!(ONE_PAGE_SIZES.windows(2).all(|w| w[0] > w[1]));
        assert!(ONE_PAGE_SIZES[0] >= 10.0 && *ONE_PAGE_SIZES.last().unwrap() >= 6.5);
    }

    #[test]
    fn the_too_big_message_speaks_to_a_kam() {
        let message = PdfError::TooBigForOnePage { pages_at_minimum: 3 }.to_string();
        assert!(message.contains("does not fit on one page") && message.contains("3 pages"), "{message}");
    }

    #[test]
    fn a_tall_picture_fits_its_page_under_the_title() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 2400" width="400" height="2400"><rect width="400" height="2400" fill="#eee"/><text x="10" y="2390" font-size="20">LEGENDLINE</text></svg>"##;
        let mut doc = Document::new("Master plan", Lang::En, Layout::Compact);
        doc.blocks.push(Block::heading(1, "2. Objectives per contact"));
        doc.blocks.push(Block::Svg { svg: svg.into(), width: 1.0, caption: "CAPTIONLINE".into() });
        let pdf = render(&doc).unwrap();
        assert_eq!(pdf.pages, 1, "the picture is scaled to fit instead of running off the page");
        let placed = text_positions(&doc).unwrap();
        // The picture itself is an image (its text is not a run of the page); its caption comes after it.
        for token in ["Master plan", "Objectives per contact", "CAPTIONLINE"] {
            let p = placed.iter().find(|p| p.text.contains(token)).unwrap_or_else(|| panic!("{token} not typeset"));
            assert_eq!(p.page, 0, "{token} on the first page");
            assert!(p.y < 842.0, "{token} inside the page");
        }
    }

    #[test]
    fn an_empty_document_renders() {
        let pdf = render(&Document::new("Empty", Lang::En, Layout::OnePage)).unwrap();
        assert_eq!((pdf.pages, pdf.base_font_pt), (1, 10.0));
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        let pdf = render(&Document::new("Empty", Lang::De, Layout::Compact)).unwrap();
        assert_eq!((pdf.pages, pdf.base_font_pt), (1, COMPACT_SIZE));
    }
}
