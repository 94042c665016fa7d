//! Every file keyplan writes: the plan as PDF, XLSX workbook, Markdown, story
//! text and open plan document; the calendar feed; and the SVG pictures (the
//! 12-month timeline, the stakeholder map and the account portfolio).
//!
//! [`render`] is the one way to turn a plan into a file. Pages, the API, the
//! share page and the command line all call it, so the same plan gives the same
//! file name and content type wherever it is downloaded.
#![forbid(unsafe_code)]

pub mod briefing;
pub mod budget_csv;
pub mod changes;
pub mod committee_pdf;
pub mod document;
pub mod ics;
pub mod markdown;
mod markdown_pipeline;
pub mod meeting_agenda;
pub mod pdf;
pub mod pdf_tree;
pub mod portfolio_pdf;
pub mod portfolio_svg;
pub mod stakeholder_svg;
pub mod timeline_svg;
pub mod top_to_top;
pub mod xlsx;

use keyplan_app::PlanBundle;
use keyplan_domain::{FieldError, Lang};
use keyplan_store::Visibilities;

/// The formats a plan exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Xlsx,
    Markdown,
    Json,
    /// The plan's story (analysis → so what → goal → commitments) as plain text.
    Story,
}

impl Format {
    /// The formats downloads offer, by their parameter value.
    pub const DOWNLOADS: [Format; 4] = [Format::Pdf, Format::Xlsx, Format::Markdown, Format::Json];

    /// The parameter value and file extension: `pdf`, `xlsx`, `md`, `json`, `txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Story => "txt",
        }
    }

    /// Reads a download's `format` parameter.
    pub fn parse(field: &str, s: &str) -> Result<Format, FieldError> {
        Format::DOWNLOADS
            .into_iter()
            .find(|f| f.as_str() == s.trim())
            .ok_or_else(|| FieldError::new(field, keyplan_domain::Message::new("err-export-format")))
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Xlsx => xlsx::CONTENT_TYPE,
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Json => "application/json",
            Format::Story => "text/plain; charset=utf-8",
        }
    }
}

/// How a PDF is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// The template's own: one A4 landscape page for the one-page constraint plan.
    #[default]
    Template,
    /// The multi-page layout, also for a one-page plan.
    Compact,
}

impl Layout {
    /// Reads the `layout` parameter: empty (or `auto`) means the template's own layout.
    pub fn parse(field: &str, s: &str) -> Result<Layout, FieldError> {
        match s.trim() {
            "" | "auto" => Ok(Layout::Template),
            "compact" => Ok(Layout::Compact),
            _ => Err(FieldError::new(field, keyplan_domain::Message::new("err-export-layout"))),
        }
    }
}

/// Reads a `lang` parameter; empty means `default` (the reader's language).
pub fn parse_lang(field: &str, s: &str, default: Lang) -> Result<Lang, FieldError> {
    match s.trim() {
        "" => Ok(default),
        other => Lang::parse(other).ok_or_else(|| FieldError::new(field, keyplan_domain::Message::new("err-lang"))),
    }
}

/// A finished file.
#[derive(Clone, Debug)]
pub struct ExportFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub file_name: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A one-page plan that does not fit on one page; ask again with [`Layout::Compact`].
    #[error(transparent)]
    TooBigForOnePage(keyplan_pdf::PdfError),
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

impl ExportError {
    /// For a plan too big for one page: how many pages it needs at the smallest readable type.
    pub fn pages_at_minimum(&self) -> Option<usize> {
        match self {
            ExportError::TooBigForOnePage(keyplan_pdf::PdfError::TooBigForOnePage { pages_at_minimum }) => Some(*pages_at_minimum),
            _ => None,
        }
    }
}

/// The plan `b` (already redacted for its audience; `vis` from the same load) as
/// a file in `format`, with its labels, dates and numbers in `lang`. CPU-bound:
/// call it on a blocking thread from async code ([`render_blocking`]).
pub fn render(b: &PlanBundle, vis: &Visibilities, format: Format, lang: Lang, layout: Layout) -> Result<ExportFile, ExportError> {
    let t = keyplan_i18n::Tr::new(lang);
    let bytes = match format {
        Format::Pdf => match pdf::render(b, pdf::pdf_lang(lang), layout == Layout::Compact) {
            Ok(r) => r.bytes,
            Err(e @ keyplan_pdf::PdfError::TooBigForOnePage { .. }) => return Err(ExportError::TooBigForOnePage(e)),
            Err(e) => return Err(anyhow::Error::new(e).into()),
        },
        Format::Xlsx => xlsx::workbook_in(b, t).map_err(anyhow::Error::new)?,
        Format::Markdown => markdown::markdown_in(b, t).into_bytes(),
        Format::Json => {
            let doc = document::document(b, vis);
            (serde_json::to_string_pretty(&doc).map_err(anyhow::Error::new)? + "\n").into_bytes()
        }
        Format::Story => markdown::story_text(b, t).into_bytes(),
    };
    Ok(ExportFile { bytes, content_type: format.content_type(), file_name: file_name(&b.plan.title, b.audience, format.as_str()) })
}

/// [`render`] on a blocking thread, for async callers (the typesetter is
/// CPU-bound); a PDF waits for its turn first (see [`typeset`]).
pub async fn render_blocking(
    b: PlanBundle,
    vis: Visibilities,
    format: Format,
    lang: Lang,
    layout: Layout,
) -> Result<ExportFile, ExportError> {
    let work = move || render(&b, &vis, format, lang, layout);
    let done = if format == Format::Pdf { typeset(work).await } else { tokio::task::spawn_blocking(work).await };
    done.map_err(anyhow::Error::new)?
}

/// The process's turn to typeset, for async callers.
static TYPESETTING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs `work`, a typesetting (any PDF), on a blocking thread once the
/// process's other typesetting is done. The typesetter sets one document at a
/// time anyway; waiting here rather than on a blocking thread means sixteen
/// PDF requests at once hold one thread, not sixteen, each with its stack
/// and its allocator cache (issue 18, memory after load).
pub async fn typeset<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, tokio::task::JoinError> {
    let _turn = TYPESETTING.lock().await;
    tokio::task::spawn_blocking(work).await
}

/// A file name for the download: the plan title in ASCII letters, digits and dashes.
pub fn file_name(title: &str, audience: keyplan_domain::audience::Audience, ext: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    let stem = if stem.is_empty() { "plan".to_string() } else { stem };
    format!("{stem}-{}.{ext}", audience.as_str())
}

#[cfg(test)]
mod tests {
    use keyplan_domain::audience::Audience;

    use super::*;

    #[test]
    fn file_names_are_ascii() {
        assert_eq!(file_name("Northwind 2027: Grow ÄÖ!", Audience::Customer, "pdf"), "northwind-2027-grow-customer.pdf");
        assert_eq!(file_name("ÄÖ", Audience::Team, "pdf"), "plan-team.pdf");
    }

    #[test]
    fn lang_and_layout_parameters() {
        assert!(matches!(parse_lang("lang", "de", Lang::En), Ok(Lang::De)));
        assert!(matches!(parse_lang("lang", "", Lang::De), Ok(Lang::De)));
        assert!(parse_lang("lang", "fr", Lang::En).is_err());
        assert_eq!(Layout::parse("layout", "compact").unwrap(), Layout::Compact);
        assert!(Layout::parse("layout", "huge").is_err());
    }

    #[test]
    fn formats_by_parameter() {
        for f in Format::DOWNLOADS {
            assert_eq!(Format::parse("format", f.as_str()).unwrap(), f);
        }
        assert!(Format::parse("format", "docx").is_err());
        assert_eq!(Format::Markdown.content_type(), "text/markdown; charset=utf-8");
    }

    /// Typesettings asked for at once run one after the other.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn typesetting_takes_turns() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let mut all = tokio::task::JoinSet::new();
        for i in 0..8 {
            let (running, most) = (running.clone(), most.clone());
            all.spawn(typeset(move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(5));
                running.fetch_sub(1, Ordering::SeqCst);
                i
            }));
        }
        let mut done = Vec::new();
        while let Some(r) = all.join_next().await {
            done.push(r.expect("task").expect("typesetting"));
        }
        done.sort();
        assert_eq!(done, (0..8).collect::<Vec<_>>());
        assert_eq!(most.load(Ordering::SeqCst), 1, "two typesettings ran at once");
    }
}
