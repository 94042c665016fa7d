//! Finding the largest size at which a one-page document fits (issue 18).
//!
//! Every layout tells how far the content ran: the template ends with a
//! marker (`<kp-end>`), and its page and height give the content's length in
//! pages. From that length the next size to try is estimated, instead of
//! halving the range of sizes blindly. Each layout still narrows the range,
//! so the search ends after at most one layout per size, and its answer is
//! the one a plain search would give: the largest size that fits, given that
//! a smaller size never needs more pages.
//!
//! Where the machine has a second core, two sizes are laid out at once: the
//! size the estimate names and the one above it, which is what it takes to
//! know that a size is the largest that fits. A plan that needs 9.5 pt (the
//! demo plan) is then found in one round, 10 pt and 9.5 pt side by side,
//! instead of two layouts one after the other.

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
/// sample plans, laying out one size at a time, 1.5 took the fewest layouts
/// (30; 1.25 took 31, 1.75 32, 2.0 33); halving the range takes 46.
const GROWTH: f64 = 1.5;

/// The bounds of a growth measured between two sizes: a page break or a
/// column that wraps differently can make one pair of layouts look flat or
/// steep.
const MIN_GROWTH: f64 = 1.0;
const MAX_GROWTH: f64 = 2.0;

/// Above this many bytes of input, a document is far more than a page holds
/// at the smallest size (a full landscape page at 7 pt is about 10 KB of
/// text; the tests' longest sample plan is 12 KB of input).
const LONG_INPUT: usize = 48 * 1024;

/// How many sizes of `document` are laid out at once: two where there is a
/// second core (the search's rounds are then fewer: one for a plan that
/// fits at 10 or 9.5 pt), else one. A document far too long for one page
/// is laid out one size at a time: its layouts are large, and two at once
/// would double the memory only to answer that it does not fit.
pub(crate) fn sizes_at_once(document: &Document) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(2);
    let long = serde_json::to_vec(document).map_or(true, |json| json.len() > LONG_INPUT);
    if long { 1 } else { cores }
}

/// What is known after each round of layouts.
struct Search {
    /// The largest index of [`ONE_PAGE_SIZES`] known to need several pages,
    /// with that layout's page count.
    too_big: Option<(usize, usize)>,
    /// The smallest index known to fit, with its layout.
    fits: Option<(usize, PagedDocument)>,
    /// The sizes found too big with the content's length at each, smallest
    /// size last.
    lengths: Vec<(f32, f64)>,
}

impl Search {
    /// The indices not yet decided: `low..high`.
    fn open(&self) -> (usize, usize) {
        let low = self.too_big.map_or(0, |(i, _)| i + 1);
        let high = self.fits.as_ref().map_or(ONE_PAGE_SIZES.len(), |(i, _)| *i);
        (low, high)
    }

    /// The sizes to lay out next, at most `width` of them, all undecided.
    fn next_round(&self, width: usize) -> Vec<usize> {
        let (low, high) = self.open();
        let first = if self.too_big.is_none() {
            // Nothing laid out yet: the largest size, which most plans are written for.
            low
        } else {
            next_index(self.estimate(), low, high - 1)
        };
        let mut round = vec![first];
        if width > 1 {
            // The size above the estimate goes along, which proves the
            // estimate's size the largest that fits; at the top of the open
            // range (or in the first round), the size below is the hedge.
            if first > low {
                round.insert(0, first - 1);
            } else if first + 1 < high {
                round.push(first + 1);
            }
        }
        round
    }

    /// The size at which the content would just fill one page, from the
    /// smallest size found too big. Once two neighbouring sizes were found
    /// too big (a round of two), the content's growth between them is used
    /// instead of [`GROWTH`]: it is measured where the answer lies. (Between
    /// sizes further apart it estimated worse than [`GROWTH`] on the tests'
    /// sample plans.)
    fn estimate(&self) -> Option<f64> {
        let (size, length) = *self.lengths.last()?;
        let growth = match self.lengths.len().checked_sub(2).map(|i| self.lengths[i]) {
            Some((larger, longer)) if neighbours(larger, size) && longer > length && length > 0.0 => {
                ((longer / length).ln() / (f64::from(larger) / f64::from(size)).ln()).clamp(MIN_GROWTH, MAX_GROWTH)
            }
            _ => GROWTH,
        };
        estimate(size, length, growth)
    }

    fn learn(&mut self, index: usize, laid_out: PagedDocument) {
        let pages = laid_out.pages().len();
        if pages == 1 {
            if self.fits.as_ref().is_none_or(|(i, _)| index < *i) {
                self.fits = Some((index, laid_out));
            }
        } else if self.too_big.is_none_or(|(i, _)| index > i) {
            self.too_big = Some((index, pages));
            if let Some(length) = length_in_pages(&laid_out) {
                self.lengths.push((ONE_PAGE_SIZES[index], length));
            }
        }
    }
}

/// The largest of [`ONE_PAGE_SIZES`] at which `document` fits on one page,
/// with its layout; `lay_out` typesets it at a size, up to `width` sizes at
/// once on as many threads.
pub(crate) fn fit_on_one_page(
    document: &Document,
    width: usize,
    lay_out: impl Fn(&Document, f32) -> Result<PagedDocument, PdfError> + Sync,
) -> Result<(PagedDocument, f32), PdfError> {
    let mut search = Search { too_big: None, fits: None, lengths: Vec::new() };
    loop {
        let (low, high) = search.open();
        if low >= high {
            break;
        }
        let round = search.next_round(width);
        for (index, laid_out) in round.iter().copied().zip(lay_out_all(document, &round, &lay_out)?) {
            search.learn(index, laid_out);
        }
    }
    match (search.fits, search.too_big) {
        (Some((i, laid_out)), _) => Ok((laid_out, ONE_PAGE_SIZES[i])),
        // The range closed at the smallest size, which needs this many pages.
        (None, Some((_, pages))) => Err(PdfError::TooBigForOnePage { pages_at_minimum: pages }),
        (None, None) => unreachable!("every size is decided, so one was laid out"),
    }
}

/// Lays out `document` at each of the sizes at `indices`: the first on this
/// thread, the others on threads of their own, all at once.
fn lay_out_all(
    document: &Document,
    indices: &[usize],
    lay_out: &(impl Fn(&Document, f32) -> Result<PagedDocument, PdfError> + Sync),
) -> Result<Vec<PagedDocument>, PdfError> {
    let Some((first, rest)) = indices.split_first() else { return Ok(Vec::new()) };
    std::thread::scope(|scope| {
        let others: Vec<_> = rest.iter().map(|i| scope.spawn(move || lay_out(document, ONE_PAGE_SIZES[*i]))).collect();
        let mut all = vec![lay_out(document, ONE_PAGE_SIZES[*first])];
        all.extend(others.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))));
        all.into_iter().collect()
    })
}

/// The size at which content that took `length` pages at `size` would just
/// fill one page.
fn estimate(size: f32, length: f64, growth: f64) -> Option<f64> {
    (length > 0.0).then(|| f64::from(size) * length.powf(-1.0 / growth))
}

/// Whether `a` and `b` are next to each other in [`ONE_PAGE_SIZES`].
fn neighbours(a: f32, b: f32) -> bool {
    ONE_PAGE_SIZES.windows(2).any(|w| (w[0] == a && w[1] == b) || (w[0] == b && w[1] == a))
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
    use std::sync::atomic::{AtomicUsize, Ordering};

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

    /// Searches `doc` `width` sizes at a time; answers what it found, the
    /// layouts it took and its rounds (a round's first layout runs on the
    /// calling thread).
    fn search(doc: &Document, width: usize) -> (Result<f32, PdfError>, usize, usize) {
        let (layouts, rounds) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let caller = std::thread::current().id();
        let found = fit_on_one_page(doc, width, |d, s| {
            layouts.fetch_add(1, Ordering::Relaxed);
            if std::thread::current().id() == caller {
                rounds.fetch_add(1, Ordering::Relaxed);
            }
            crate::lay_out(d, s)
        })
        .map(|(laid_out, size)| {
            assert_eq!(laid_out.pages().len(), 1);
            size
        });
        (found, layouts.into_inner(), rounds.into_inner())
    }

    const PLANS: [(usize, usize); 12] =
        [(4, 3), (15, 10), (19, 14), (21, 15), (22, 16), (23, 17), (24, 18), (25, 19), (27, 21), (29, 23), (31, 25), (40, 30)];

    #[test]
    fn the_search_finds_what_laying_out_every_size_finds_in_fewer_layouts() {
        let (mut one_total, mut two_layouts, mut two_rounds) = (0, 0, 0);
        for (n, words) in PLANS {
            let doc = plan(n, words);
            let expected = by_every_size(&doc);
            for width in [1, 2] {
                let (found, layouts, rounds) = search(&doc, width);
                match (found, expected) {
                    (Ok(size), Some(want)) => assert_eq!(size, want, "{n} entries, {width} at once"),
                    (Err(PdfError::TooBigForOnePage { pages_at_minimum }), None) => {
                        let at_minimum = crate::lay_out(&doc, ONE_PAGE_SIZES[ONE_PAGE_SIZES.len() - 1]).unwrap().pages().len();
                        assert_eq!(pages_at_minimum, at_minimum);
                    }
                    (found, expected) => panic!("{n} entries, {width} at once: found {found:?}, every size: {expected:?}"),
                }
                if width == 1 {
                    assert_eq!(layouts, rounds);
                    assert!(layouts <= 3, "{n} entries took {layouts} layouts");
                    one_total += layouts;
                } else {
                    assert!(rounds <= 3, "{n} entries took {rounds} rounds of two");
                    if expected.is_some_and(|size| size >= ONE_PAGE_SIZES[1]) {
                        assert_eq!(rounds, 1, "{n} entries fit at one of the two largest sizes");
                    }
                    two_layouts += layouts;
                    two_rounds += rounds;
                }
            }
        }
        // Halving the range takes 46 layouts for these plans (1 for a plan
        // that fits at the largest size, 2 for one too big, else 4 or 5).
        assert!(one_total <= 30, "{one_total} layouts for 12 plans, one at a time");
        // Two at a time: 24 rounds instead of 30 (one round for a plan that
        // fits at 10 or 9.5 pt, at most three for any), for 47 layouts.
        assert!(two_rounds <= 24, "{two_rounds} rounds for 12 plans, two at a time");
        assert!(two_layouts <= 48, "{two_layouts} layouts for 12 plans, two at a time");
    }

    #[test]
    fn a_document_far_too_long_is_laid_out_one_size_at_a_time() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(2);
        let longest = plan(40, 30);
        assert!(serde_json::to_vec(&longest).unwrap().len() < LONG_INPUT / 2);
        assert_eq!(sizes_at_once(&longest), cores);
        assert_eq!(sizes_at_once(&plan(400, 300)), 1);
    }

    #[test]
    fn a_plan_that_needs_the_second_size_takes_one_round_of_two() {
        let doc = plan(19, 14);
        assert_eq!(by_every_size(&doc), Some(ONE_PAGE_SIZES[1]), "the sample plan for this test needs the second size");
        let (found, layouts, rounds) = search(&doc, 2);
        assert_eq!(found.unwrap(), ONE_PAGE_SIZES[1]);
        assert_eq!((layouts, rounds), (2, 1));
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
        let e = estimate(10.0, 4.0 / 3.0, GROWTH).unwrap();
        assert!((8.0..8.4).contains(&e), "{e}");
        assert_eq!(estimate(10.0, 0.0, GROWTH), None);
    }

    #[test]
    fn two_sizes_too_big_give_the_growth_between_them() {
        let at = |lengths: Vec<(f32, f64)>| Search { too_big: Some((1, 2)), fits: None, lengths }.estimate().unwrap();
        // 10 % longer for a size 5 % larger: the content grows with about the
        // square, so 10 % too long needs about 5 % smaller.
        let steep = at(vec![(10.0, 1.21 * 1.05), (9.5, 1.1 * 1.05)]);
        let assumed = at(vec![(9.5, 1.1 * 1.05)]);
        assert!(steep > assumed, "a steeper growth needs a smaller step: {steep} vs {assumed}");
        // A flat pair is held to the least growth that is believable.
        let flat = at(vec![(10.0, 1.2), (9.5, 1.2)]);
        assert_eq!(flat, at(vec![(9.5, 1.2)]), "no growth measured: the assumed one");
        let apart = at(vec![(10.0, 1.21 * 1.05), (8.5, 1.1 * 1.05)]);
        assert_eq!(apart, at(vec![(8.5, 1.1 * 1.05)]), "sizes apart: the assumed growth");
        let least = at(vec![(10.0, 1.201), (9.5, 1.2)]);
        assert!((least - 9.5 / 1.2).abs() < 1e-9, "held to linear growth: {least}");
    }
}
