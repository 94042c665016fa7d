//! The account portfolio picture on one landscape A4 page, typeset by
//! `keyplan_pdf` (which embeds the SVG as it is), with the filters and the
//! date in its head and a caption beneath (the picture names the quadrants' policies).

use keyplan_app::portfolio::Portfolio;
use keyplan_i18n::Tr;
use keyplan_pdf::{Block, Document, Layout};
use time::Date;

use crate::pdf::pdf_lang;
use crate::portfolio_svg::portfolio_svg;

/// The picture's share of the page's width: what leaves room for the head and
/// the caption on one landscape page.
const WIDTH: f32 = 0.74;

/// The portfolio `p` as a one-page PDF; `filters` describes what is shown,
/// `org` is the organisation's name. CPU-bound: call it on a blocking thread.
pub fn portfolio_pdf(p: &Portfolio, org: &str, filters: &str, today: Date, t: Tr) -> Result<Vec<u8>, keyplan_pdf::PdfError> {
    let mut doc = Document::new(t.s("portfolio-title"), pdf_lang(t.lang), Layout::OnePage);
    doc.subtitle = format!("{org} · {}", t.s1("portfolio-pdf-filters", "filters", filters));
    doc.meta = vec![t.s1("portfolio-pdf-as-of", "date", t.date(today))];
    // The picture names each quadrant's policy itself: nothing repeats it beneath.
    doc.blocks.push(Block::Svg { svg: portfolio_svg(p, None, "", t), width: WIDTH, caption: t.s("portfolio-pdf-caption") });
    Ok(keyplan_pdf::render(&doc)?.bytes)
}

#[cfg(test)]
mod tests {
    use keyplan_app::portfolio::build;

    use super::*;

    #[test]
    fn an_empty_portfolio_fits_one_page() {
        let p = build(vec![], None, 0.6, None, None, "EUR".into());
        let bytes = portfolio_pdf(&p, "Acme", "all accounts", time::macros::date!(2026 - 03 - 15), Tr::default()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }
}
