//! Renders real documents and reads the PDFs back.

mod common;
mod pdf;

use keyplan_pdf::{Block, Document, Lang, Layout, PdfError, Table, Tone, render};

#[test]
fn a_normal_constraint_plan_fits_on_one_a4_landscape_page() {
    let doc = common::one_page_plan();
    let out = render(&doc).unwrap();
    assert_eq!(out.pages, 1);
    let sizes = pdf::page_sizes(&out.bytes);
    assert_eq!(sizes.len(), 1);
    assert!(pdf::is_a4_landscape(sizes[0]), "page size {:?}", sizes[0]);
    assert!((7.0..=10.0).contains(&out.base_font_pt), "base size {}", out.base_font_pt);

    let text = pdf::text(&out.bytes);
    assert!(pdf::contains(&text, common::GOAL), "goal missing from:\n{text}");
    for [commitment, owner, ..] in common::commitments() {
        assert!(pdf::contains(&text, &commitment), "commitment {commitment:?} missing from:\n{text}");
        assert!(pdf::contains(&text, &owner));
    }
    for item in common::FACTORS.iter().chain(&common::CONDITIONS).chain(&common::OBSTACLES) {
        assert!(pdf::contains(&text, item), "{item:?} missing");
    }
}

#[test]
fn a_short_plan_keeps_the_comfortable_size_and_a_long_one_shrinks() {
    let short = common::constraint_plan(
        &[common::GOAL.to_string()],
        &common::FACTORS[..1],
        &common::CONDITIONS[..2],
        &common::OBSTACLES[..2],
        vec![],
    );
    assert_eq!(render(&short).unwrap().base_font_pt, keyplan_pdf::ONE_PAGE_SIZES[0]);

    let mut commitments = common::commitments();
    commitments.extend(common::commitments().into_iter().take(8));
    let long = common::constraint_plan(&[common::GOAL.to_string()], &common::FACTORS, &common::CONDITIONS, &common::OBSTACLES, commitments);
    let out = render(&long).unwrap();
    assert_eq!(out.pages, 1);
    assert!(out.base_font_pt < keyplan_pdf::ONE_PAGE_SIZES[0], "a 20-commitment plan should need smaller text");
}

#[test]
fn a_huge_plan_is_too_big_for_one_page() {
    match render(&common::huge_plan()) {
        Err(PdfError::TooBigForOnePage { pages_at_minimum }) => assert!(pages_at_minimum >= 2),
        other => panic!("expected TooBigForOnePage, got {other:?}"),
    }
}

#[test]
fn a_compact_plan_runs_over_several_numbered_portrait_pages() {
    let out = render(&common::compact_plan(60)).unwrap();
    assert!(out.pages > 1, "{} pages", out.pages);
    assert_eq!(out.base_font_pt, keyplan_pdf::COMPACT_SIZE);
    let sizes = pdf::page_sizes(&out.bytes);
    assert_eq!(sizes.len(), out.pages);
    assert!(sizes.iter().all(|&s| pdf::is_a4_portrait(s)), "{sizes:?}");

    let pages = pdf::page_texts(&out.bytes);
    let last = out.pages;
    for (i, page) in pages.iter().enumerate() {
        let number = format!("Page {} of {last}", i + 1);
        assert!(pdf::contains(page, &number), "page {} does not say {number:?}:\n{page}", i + 1);
    }
    let text = pages.join("\n");
    // Every row of the long table made it, including those on later pages.
    for i in 0..60 {
        assert!(pdf::contains(&text, &format!("Row{i:02}")), "row {i} missing");
    }
}

#[test]
fn svg_text_is_set_in_the_bundled_font_and_extractable() {
    let mut doc = Document::new("Buying centre", Lang::En, Layout::Compact);
    doc.blocks.push(Block::svg(common::org_chart_svg(6), 0.8));
    let out = render(&doc).unwrap();
    let text = pdf::text(&out.bytes);
    // The chart's <text> elements come out as real text, not as outlines or nothing.
    assert!(pdf::contains(&text, "Orgchart Dr. Weiß"), "SVG text missing from:\n{text}");
    assert!(pdf::contains(&text, "Stakeholder 5"));
    let raw = String::from_utf8_lossy(&out.bytes);
    assert!(raw.contains("DejaVuSans"), "the SVG text should use the bundled font");
}

const HOSTILE: [&str; 12] = [
    "#set page(width: 1cm)",
    "*bold* and _emph_",
    "$x^2$",
    "] closes [ opens",
    r"back\slash \ end",
    "<label>",
    "@ref",
    r#"#panic("x")"#,
    "#{ 1 + 1 }",
    "// not a comment",
    "```raw```",
    "= not a heading",
];

fn hostile_plan(texts: &[&str]) -> Document {
    let goal = [common::GOAL.to_string()];
    let mut doc = common::constraint_plan(&goal, &common::FACTORS[..1], &common::CONDITIONS[..1], &common::OBSTACLES[..1], vec![]);
    doc.title = texts[0].to_string();
    doc.subtitle = texts[1].to_string();
    doc.meta = texts.iter().take(3).map(|s| s.to_string()).collect();
    doc.footer = texts[3].to_string();
    doc.blocks.push(Block::paragraph(texts.join(" | ")));
    doc.blocks.push(Block::bullets(texts.iter().copied()));
    doc.blocks.push(Block::key_values(texts.iter().map(|t| (*t, *t))));
    doc.blocks.push(Block::callout(texts[4], texts[5], Some(Tone::Danger)));
    doc.blocks.push(Table::new(texts.iter().take(3).copied()).row(texts.iter().skip(3).take(3).copied(), Some(Tone::Ok)).into());
    doc
}

#[test]
fn hostile_text_appears_literally_and_does_not_change_the_layout() {
    let out = render(&hostile_plan(&HOSTILE)).unwrap();
    assert_eq!(out.pages, 1);
    let sizes = pdf::page_sizes(&out.bytes);
    assert!(pdf::is_a4_landscape(sizes[0]), "page size changed to {:?}", sizes[0]);
    let text = pdf::text(&out.bytes);
    for hostile in HOSTILE {
        assert!(pdf::contains(&text, hostile), "{hostile:?} not shown literally in:\n{text}");
    }

    // The same plan with harmless text of the same length is set the same way.
    let harmless: Vec<String> = HOSTILE.iter().map(|s| "x".repeat(s.chars().count())).collect();
    let harmless: Vec<&str> = harmless.iter().map(String::as_str).collect();
    let plain = render(&hostile_plan(&harmless)).unwrap();
    assert_eq!(plain.pages, out.pages);
    assert_eq!(pdf::page_sizes(&plain.bytes), sizes);
}

#[test]
fn emoji_long_words_and_urls_do_not_break_the_page() {
    let mut doc = common::one_page_plan();
    let url =
        "https://crm.example.com/accounts/northwind-traders/opportunities/2026/cold-chain-framework-renewal?view=full&tab=stakeholders";
    let word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller";
    let token = "A".repeat(180);
    doc.blocks.push(Block::paragraph(format!("Party 🎉 time ✅ {url} {word} {token}")));
    doc.blocks.push(Table::new(["Link", "Word"]).row([url, word], None).into());
    let out = render(&doc).unwrap();
    assert_eq!(out.pages, 1);
    assert!(pdf::is_a4_landscape(pdf::page_sizes(&out.bytes)[0]));
    let text = pdf::text(&out.bytes);
    // Long tokens may break anywhere, but their text stays intact for copying.
    assert!(pdf::contains(&text, url), "{text}");
    assert!(pdf::contains(&text, word) && pdf::contains(&text, &token));
    assert!(pdf::contains(&text, "Party") && pdf::contains(&text, "time"));
}

#[test]
fn german_text_round_trips_and_pages_say_seite() {
    let mut doc = common::compact_plan(60);
    doc.lang = Lang::De;
    let german = "Größere Übergabe: Fußgängerüberweg, Äpfel, Öl, Maß und Straße — „Anführungszeichen“";
    doc.title = "Müller & Söhne GmbH".into();
    doc.blocks.insert(0, Block::paragraph(german));
    let out = render(&doc).unwrap();
    let text = pdf::text(&out.bytes);
    assert!(pdf::contains(&text, german), "umlauts lost in:\n{text}");
    assert!(pdf::contains(&text, "Müller & Söhne GmbH"));
    assert!(pdf::contains(&text, &format!("Seite 1 von {}", out.pages)), "{text}");
    assert!(!text.contains("Page 1"));
}

#[test]
fn line_breaks_in_a_paragraph_are_kept() {
    let mut doc = Document::new("Notes", Lang::En, Layout::Compact);
    doc.blocks.push(Block::paragraph("first line\nsecond line"));
    let out = render(&doc).unwrap();
    let text = pdf::text(&out.bytes);
    let first = text.find("first line").expect("first line");
    let second = text.find("second line").expect("second line");
    assert!(text[first..second].contains('\n'), "no break between the lines in {text:?}");
}

#[test]
fn rendering_is_repeatable() {
    let doc = common::one_page_plan();
    let a = render(&doc).unwrap();
    let b = render(&doc).unwrap();
    assert_eq!(a.bytes, b.bytes, "same document, same bytes");
}

#[test]
fn a_broken_svg_is_an_error_not_a_panic() {
    let mut doc = Document::new("Broken", Lang::En, Layout::Compact);
    doc.blocks.push(Block::svg("<svg><text>unclosed", 1.0));
    match render(&doc) {
        Err(PdfError::Typeset(message)) => assert!(!message.is_empty()),
        other => panic!("expected a typeset error, got {other:?}"),
    }
}

#[test]
fn odd_shapes_render_without_errors() {
    let mut doc = Document::new("", Lang::De, Layout::Compact);
    doc.blocks = vec![
        Block::heading(0, "level zero"),
        Block::heading(9, "level nine"),
        Table::new(Vec::<String>::new()).row(["headerless", "row"], Some(Tone::Danger)).into(),
        Table::new(["one"])
            .widths([1.0, 2.0])
            .row(["longer", "than", "the header"], None)
            .row(Vec::<String>::new(), Some(Tone::Muted))
            .into(),
        Block::columns(vec![]),
        Block::columns(vec![
            vec![],
            vec![Block::columns(vec![vec![Block::paragraph("nested")], vec![Block::bullets(Vec::<String>::new())]])],
        ]),
        Block::callout("", "", None),
        Block::key_values(Vec::<(String, String)>::new()),
        Block::svg(common::org_chart_svg(1), 7.0),
    ];
    let out = render(&doc).unwrap();
    let text = pdf::text(&out.bytes);
    for needle in ["level zero", "level nine", "headerless", "the header", "nested", "Stakeholder 0"] {
        assert!(pdf::contains(&text, needle), "{needle:?} missing from:\n{text}");
    }
}
