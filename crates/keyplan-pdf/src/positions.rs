//! Where each run of text lands on the page: for tests that check a layout
//! (an obstacle level with its condition), not for producing documents.

use typst::layout::{Frame, FrameItem, Point, Transform};

use crate::{Document, PdfError};

/// One run of text as typeset: its page (from 0) and the top-left of its
/// baseline box, in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// Lays `document` out as [`crate::render`] would (the one-page size search
/// included, under the same one-at-a-time rule) and lists every run of text
/// with its position, in reading order of the layout.
pub fn text_positions(document: &Document) -> Result<Vec<Placed>, PdfError> {
    let laid_out = crate::laid_out(document)?;
    let mut out = Vec::new();
    for (page, p) in laid_out.pages().iter().enumerate() {
        walk(&p.frame, Transform::identity(), page, &mut out);
    }
    Ok(out)
}

fn walk(frame: &Frame, ts: Transform, page: usize, out: &mut Vec<Placed>) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(g) => walk(&g.frame, here.pre_concat(g.transform), page, out),
            FrameItem::Text(t) => {
                let p = Point::zero().transform(here);
                out.push(Placed { page, x: p.x.to_pt(), y: p.y.to_pt(), text: t.text.to_string() });
            }
            _ => {}
        }
    }
}
