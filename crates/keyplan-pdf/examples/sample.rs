//! Writes the sample documents as PDF files into the directory given as the
//! first argument, to look at the layout: `cargo run -p keyplan-pdf --example sample -- DIR`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let mut german = common::compact_plan(12);
    german.lang = keyplan_pdf::Lang::De;
    german.title = "Müller & Söhne Kältelogistik GmbH".into();
    german.blocks.insert(0, keyplan_pdf::Block::paragraph("Größter Hebel: die Übergabe im Lager Leipzig, Fußnoten und Maßnahmenplan."));
    for (name, doc) in [("one-page", common::one_page_plan()), ("compact", common::compact_plan(60)), ("compact-de", german)] {
        let pdf = keyplan_pdf::render(&doc).expect("sample renders");
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf.bytes).expect("writable output directory");
        println!("{}: {} page(s) at {} pt", path.display(), pdf.pages, pdf.base_font_pt);
    }
}
