//! Finding the largest size at which a one-page document fits (issue 18).
//!
//! Every layout tells how far the content ran: the template ends with a
//! marker (`<kp-end>`), and its page and height give the content's length in
//! pages. From that length the next size to try is estimated, instead of
//! halving the range of sizes blindly: a plan that needs 9.5 pt is found in
//! two layouts (10 pt, then 9.5 pt) instead of four. Each layout still
//! narrows the range, so the search ends after at most one layout per size,
//! and its answer is the one a plain search would give: the largest size
//! that fits, given that a smaller size never needs more pages.

use typst::foundations::Label;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::{Document, ONE_PAGE_SIZES, PdfError};

/// The one-page template's margins on its landscape A4 page, in points
/// (`document.typ`: top 1.1 cm, bottom 1.3 cm).
const TOP_PT: f64 = 1.1 / 2.54 * 72.0;
const BOTTOM_PT: f64 = 1.3 / 2.54 * 72.0;

/// How the content's length grows with the text size: as the size to this
/// power. Text that wraps grows with the square (taller lines, fewer words
/// per line); short lines and fixed gaps grow linearly. On the tests' twelve
/// sample plans, 1.5 took the fewest layouts (30; 1.25 took 31, 1.75 32,
/// 2.0 33); halving the range takes 46.
const GROWTH: f64 = 1.5;

/// The largest of [`ONE_PAGE_SIZES`] at which `document` fits on one page,
/// with its layout; `lay_out` typesets it at a size.
pub(crate) fn fit_on_one_page(
    document: &Document,
    lay_out: impl Fn(&Document, f32) -> Result<PagedDocument, PdfError>,
) -> Result<(PagedDocument, f32), PdfError> {
    let sizes = ONE_PAGE_SIZES;
    let largest = lay_out(document, sizes[0])?;
    if largest.pages().len() == 1 {
        return Ok((largest, sizes[0]));
    }
    // Invariant: sizes[too_big] needs several pages; sizes[fits] (when
    // known) needs one; nothing between them has been laid out.
    let (mut too_big, mut fits): (usize, Option<(usize, PagedDocument)>) = (0, None);
    let (mut size, mut length, mut pages) = (sizes[0], length_in_pages(&largest), largest.pages().len());
    loop {
        let upper = fits.as_ref().map_or(sizes.len(), |(i, _)| *i);
        if upper - too_big <= 1 {
            break;
        }
        let next = next_index(estimate(size, length), too_big + 1, upper - 1);
        let attempt = lay_out(document, sizes[next])?;
        (size, length, pages) = (sizes[next], length_in_pages(&attempt), attempt.pages().len());
        if pages == 1 {
            fits = Some((next, attempt));
        } else {
            too_big = next;
        }
    }
    match fits {
        Some((i, laid_out)) => Ok((laid_out, sizes[i])),
        // The range closed at the smallest size, which was the last one laid out.
        None => Err(PdfError::TooBigForOnePage { pages_at_minimum: pages }),
    }
}

/// The size at which content that took `length` pages at `size` would just
/// fill one page.
fn estimate(size: f32, length: Option<f64>) -> Option<f64> {
    length.filter(|l| *l > 0.0).map(|l| f64::from(size) * l.powf(-1.0 / GROWTH))
}

/// The index of the largest size not above `estimate`, kept within
/// `low..=high`; without an estimate, the middle of the range.
fn next_index(estimate: Option<f64>, low: usize, high: usize) -> usize {
    match estimate {
        Some(e) => ONE_PAGE_SIZES.iter().position(|s| f64::from(*s) <= e + 1e-6).unwrap_or(ONE_PAGE_SIZES.len() - 1).clamp(low, high),
        None => (low + high) / 2,
    }
}

/// How long the content is, in pages of the one-page body: whole pages
/// before the one where the end marker sits, plus the share of that page it
/// reaches down to. `None` if the marker cannot be found.
pub(crate) fn length_in_pages(laid_out: &PagedDocument) -> Option<f64> {
    let introspector = laid_out.introspector();
    let label = Label::new(PicoStr::intern("kp-end"))?;
    let end = introspector.elements().query_label(label).ok()?.location()?;
    let at = introspector.position(end)?;
    let page_height = laid_out.pages().first()?.frame.height().to_pt();
    let body = page_height - TOP_PT - BOTTOM_PT;
    if body <= 0.0 {
        return None;
    }
    let share = ((at.point.y.to_pt() - TOP_PT) / body).clamp(0.0, 1.0);
    Some((at.page.get() - 1) as f64 + share)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::{Block, Lang, Layout};

    /// A one-page plan of `n` entries per column, in three columns, with a
    /// goal and a paragraph: wrapping text and short lines, as plans have.
    fn plan(n: usize, words: usize) -> Document {
        let mut doc = Document::new("Globex Chemicals", Lang::En, Layout::OnePage);
        doc.blocks.push(Block::callout("Goal", "Grow revenue with Globex to 2.6 M EUR by the end of 2027", None));
        doc.blocks.push(Block::paragraph("The buying centre changes after the merger; ".repeat(words)));
        let column = |title: &str| {
            let items: Vec<String> = (0..n).map(|i| format!("{title} {i}: {}", "agree the frame contract ".repeat(1 + i % 3))).collect();
            vec![Block::heading(2, title), Block::bullets(items)]
        };
        doc.blocks.push(Block::columns(vec![column("Factor"), column("Condition"), column("Commitment")]));
        doc
    }

    /// The largest size with one page, by laying out every size.
    fn by_every_size(doc: &Document) -> Option<f32> {
        ONE_PAGE_SIZES.iter().copied().find(|s| crate::lay_out(doc, *s).unwrap().pages().len() == 1)
    }

    #[test]
    fn the_search_finds_what_laying_out_every_size_finds_in_fewer_layouts() {
        let mut layouts_total = 0;
        for (n, words) in
            [(4, 3), (15, 10), (19, 14), (21, 15), (22, 16), (23, 17), (24, 18), (25, 19), (27, 21), (29, 23), (31, 25), (40, 30)]
        {
            let doc = plan(n, words);
            let layouts = Cell::new(0);
            let found = fit_on_one_page(&doc, |d, s| {
                layouts.set(layouts.get() + 1);
                crate::lay_out(d, s)
            });
            let expected = by_every_size(&doc);
            match (found, expected) {
                (Ok((laid_out, size)), Some(want)) => {
                    assert_eq!(size, want, "{n} entries");
                    assert_eq!(laid_out.pages().len(), 1);
                }
                (Err(PdfError::TooBigForOnePage { pages_at_minimum }), None) => {
                    let at_minimum = crate::lay_out(&doc, ONE_PAGE_SIZES[ONE_PAGE_SIZES.len() - 1]).unwrap().pages().len();
                    assert_eq!(pages_at_minimum, at_minimum);
                }
                (found, expected) => panic!("{n} entries: found {:?}, every size: {expected:?}", found.map(|(_, s)| s)),
            }
            assert!(layouts.get() <= 3, "{n} entries took {} layouts", layouts.get());
            layouts_total += layouts.get();
        }
        // Halving the range takes 46 layouts for these plans (1 for a plan
        // that fits at the largest size, 2 for one too big, else 4 or 5).
        assert!(layouts_total <= 30, "{layouts_total} layouts for 12 plans");
    }

    #[test]
    fn the_end_marker_measures_how_far_the_content_ran() {
        let short = crate::lay_out(&plan(2, 1), 10.0).unwrap();
        let long = crate::lay_out(&plan(40, 30), 10.0).unwrap();
        let (short, long) = (length_in_pages(&short).unwrap(), length_in_pages(&long).unwrap());
        assert!(short > 0.0 && short < 0.6, "{short}");
        assert!(long > 1.0, "{long}");
    }

    #[test]
    fn the_next_size_is_the_largest_not_above_the_estimate_within_the_range() {
        assert_eq!(next_index(Some(9.7), 1, 6), 1, "9.5 is the largest size not above 9.7");
        assert_eq!(next_index(Some(9.5), 1, 6), 1);
        assert_eq!(next_index(Some(12.0), 1, 6), 1, "never the size known not to fit");
        assert_eq!(next_index(Some(6.0), 1, 6), 6, "below the smallest: the smallest");
        assert_eq!(next_index(Some(8.2), 1, 3), 3, "never past a size known to fit");
        assert_eq!(next_index(None, 1, 5), 3, "without a measure: the middle");
    }

    #[test]
    fn content_a_third_too_long_is_estimated_smaller_by_a_fifth() {
        let e = estimate(10.0, Some(4.0 / 3.0)).unwrap();
        assert!((8.0..8.4).contains(&e), "{e}");
        assert_eq!(estimate(10.0, Some(0.0)), None);
        assert_eq!(estimate(10.0, None), None);
    }
}
