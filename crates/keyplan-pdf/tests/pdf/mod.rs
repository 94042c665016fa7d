//! Reads back what a test rendered: pages, their sizes and the text.
#![allow(dead_code)]

use lopdf::{Document, Object};

/// Width and height of every page in points.
pub fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_object(id).and_then(Object::as_dict).expect("a page dictionary");
            let media = page.get(b"MediaBox").and_then(Object::as_array).expect("a media box on every page");
            let n: Vec<f32> = media.iter().map(|o| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).expect("a number")).collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

pub fn is_a4_landscape((w, h): (f32, f32)) -> bool {
    (w - 841.89).abs() < 1.0 && (h - 595.28).abs() < 1.0
}

pub fn is_a4_portrait((w, h): (f32, f32)) -> bool {
    is_a4_landscape((h, w))
}

/// The text of each page as a PDF reader would extract it, one line per line.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages().keys().map(|&number| doc.extract_text(&[number]).expect("extractable text")).collect()
}

/// The whole document's text.
pub fn text(pdf: &[u8]) -> String {
    page_texts(pdf).join("\n")
}

/// Text without line breaks, spaces and hyphens, so that a phrase is found
/// wherever the typesetter broke or hyphenated it.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}').collect()
}

/// Whether `needle` appears in the extracted `text`, however it was broken into lines.
pub fn contains(text: &str, needle: &str) -> bool {
    squeeze(text).contains(&squeeze(needle))
}
