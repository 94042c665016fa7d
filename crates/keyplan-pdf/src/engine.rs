//! Typesetting in-process: a minimal typst world holding the embedded template,
//! the bundled fonts and the document's data as a JSON file.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The template that turns the JSON data into pages. User text only ever
/// reaches it as data, never as markup.
const TEMPLATE: &str = include_str!("document.typ");

/// Compiled-once state shared by every render: building the font book means
/// parsing every font, which is far too slow to repeat per request.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = bundled_fonts().iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
    let book = FontBook::from_fonts(&fonts);
    Shared {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(book),
        fonts,
        main: Source::new(file_id("/document.typ"), TEMPLATE.to_owned()),
        data_id: file_id("/data.json"),
    }
});

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// DejaVu Sans in its regular and condensed widths; the condensed cut lets a
/// one-page plan hold more text at the same size.
fn bundled_fonts() -> [&'static [u8]; 8] {
    use dejavu::{sans, sans_condensed};
    [
        sans::regular(),
        sans::bold(),
        sans::oblique(),
        sans::bold_oblique(),
        sans_condensed::regular(),
        sans_condensed::bold(),
        sans_condensed::oblique(),
        sans_condensed::bold_oblique(),
    ]
}

/// Builds the font book and template ahead of the first render.
pub(crate) fn warm_up() {
    LazyLock::force(&SHARED);
}

/// The world for one compilation: shared state plus this document's data.
struct DocWorld {
    data: Bytes,
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        SHARED.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == SHARED.main.id() { Ok(SHARED.main.clone()) } else { Err(not_found(id)) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == SHARED.data_id {
            Ok(self.data.clone())
        } else if id == SHARED.main.id() {
            Ok(Bytes::from_string(SHARED.main.text().to_owned()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The caller prints dates itself; a PDF must not depend on the clock.
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

/// Lays out the document described by `data` (the template's JSON input).
pub(crate) fn compile(data: Vec<u8>) -> Result<PagedDocument, String> {
    let world = DocWorld { data: Bytes::new(data) };
    let result = typst::compile::<PagedDocument>(&world).output;
    // Memoised layouts of old documents are of no use to later ones; keep the cache small.
    typst::comemo::evict(8);
    result.map_err(|diags| describe(&diags))
}

/// Drops every memoised result of the typesetter (a finished document's
/// layouts are of no use to the next one).
pub(crate) fn forget() {
    typst::comemo::evict(0);
}

/// Writes a laid-out document as PDF.
pub(crate) fn export(document: &PagedDocument) -> Result<Vec<u8>, String> {
    let options = typst_pdf::PdfOptions { creator: Smart::Custom(Some("keyplan".into())), ..Default::default() };
    typst_pdf::pdf(document, &options).map_err(|diags| describe(&diags))
}

fn describe(diags: &[SourceDiagnostic]) -> String {
    diags.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_book_knows_dejavu_sans_in_both_widths() {
        let book = &SHARED.book;
        assert!(book.contains_family("dejavu sans"), "families: {:?}", book.families().map(|(f, _)| f).collect::<Vec<_>>());
        assert_eq!(SHARED.fonts.len(), 8);
    }

    #[test]
    fn the_world_serves_only_the_template_and_the_data() {
        let world = DocWorld { data: Bytes::new(b"{}".to_vec()) };
        assert!(world.file(SHARED.data_id).is_ok());
        assert!(world.source(world.main()).is_ok());
        assert!(world.file(file_id("/etc/passwd")).is_err());
    }
}
