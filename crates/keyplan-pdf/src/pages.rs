//! How many pages a document takes, without exporting it (issue 15: the size
//! chip, the section budgets and the PDF agree because the chip asks the
//! typesetter).
//!
//! - A one-page document is laid out once at the smallest readable size: if it
//!   fits there, [`crate::render`] prints it on one page; if not, the count is
//!   the pages it would need even then.
//! - A compact document is laid out once at its size.
//!
//! A layout takes milliseconds in an optimised build, and plan pages are read
//! far more often than they change, so counts are remembered by the
//! document's content: an unchanged plan is never laid out twice, and an edit
//! (any change to what would be printed) is counted afresh.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;

use crate::{COMPACT_SIZE, Document, Layout, ONE_PAGE_SIZES, PdfError};

/// Counts remembered at most; the memo is emptied when it is full, which
/// costs one layout per plan read afterwards.
const REMEMBERED: usize = 2048;

static COUNTS: Mutex<Option<HashMap<u64, usize>>> = Mutex::new(None);

/// The pages `document` takes when printed: 1 for a one-page document that
/// fits at the smallest readable size, else the pages it would need.
pub fn page_count(document: &Document) -> Result<usize, PdfError> {
    let (key, data) = keyed(document)?;
    if let Some(n) = lookup(key) {
        return Ok(n);
    }
    let pages = crate::laid_out_data(data)?.pages().len();
    let mut memo = COUNTS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let memo = memo.get_or_insert_with(HashMap::new);
    if memo.len() >= REMEMBERED {
        memo.clear();
    }
    memo.insert(key, pages);
    Ok(pages)
}

/// The count [`page_count`] remembers for `document`, if any: no layout, so a
/// caller on an async runtime can skip the hop to a blocking thread.
pub fn remembered_page_count(document: &Document) -> Option<usize> {
    keyed(document).ok().and_then(|(key, _)| lookup(key))
}

fn keyed(document: &Document) -> Result<(u64, Vec<u8>), PdfError> {
    let size = match document.layout {
        Layout::OnePage => ONE_PAGE_SIZES[ONE_PAGE_SIZES.len() - 1],
        Layout::Compact => COMPACT_SIZE,
    };
    let data = crate::input_json(document, size)?;
    let mut h = DefaultHasher::new();
    data.hash(&mut h);
    Ok((h.finish(), data))
}

fn lookup(key: u64) -> Option<usize> {
    COUNTS.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_ref().and_then(|m| m.get(&key).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Block, Lang};

    fn long(n: usize, layout: Layout) -> Document {
        let mut doc = Document::new("Plan", Lang::En, layout);
        for i in 0..n {
            doc.blocks.push(Block::heading(2, format!("Section {i}")));
            doc.blocks.push(Block::paragraph(
                "The account team agrees the frame contract with purchasing before the budget round closes. ".repeat(6),
            ));
        }
        doc
    }

    #[test]
    fn the_count_is_the_printed_page_count() {
        for (n, layout) in [(2, Layout::OnePage), (60, Layout::OnePage), (3, Layout::Compact), (40, Layout::Compact)] {
            let doc = long(n, layout);
            let printed = match crate::render(&doc) {
                Ok(r) => r.pages,
                Err(PdfError::TooBigForOnePage { pages_at_minimum }) => pages_at_minimum,
                Err(e) => panic!("{e}"),
            };
            assert_eq!(page_count(&doc).unwrap(), printed, "{n} sections, {layout:?}");
            assert_eq!(remembered_page_count(&doc), Some(printed));
            // Remembered: the same answer again, and a changed document is counted afresh.
            assert_eq!(page_count(&doc).unwrap(), printed);
        }
        assert_eq!(page_count(&long(2, Layout::OnePage)).unwrap(), 1);
        assert!(page_count(&long(60, Layout::OnePage)).unwrap() > 1);
        assert!(page_count(&long(40, Layout::Compact)).unwrap() > page_count(&long(3, Layout::Compact)).unwrap());
    }
}
