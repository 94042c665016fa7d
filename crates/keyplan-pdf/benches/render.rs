//! Mean time per render for a normal one-page plan and a four-page compact plan.
//! Run with `cargo bench -p keyplan-pdf`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use keyplan_pdf::{Document, render};

fn bench(name: &str, doc: &Document, runs: u32) {
    let first = Instant::now();
    let out = render(doc).expect("sample renders");
    let first = first.elapsed();
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(render(std::hint::black_box(doc)).expect("sample renders"));
    }
    let mean = start.elapsed() / runs;
    println!(
        "{name}: {} page(s) at {} pt, {} KiB; first render {}, then mean {} over {runs} runs",
        out.pages,
        out.base_font_pt,
        out.bytes.len() / 1024,
        ms(first),
        ms(mean)
    );
}

fn fresh(name: &str, runs: u32, make: impl Fn(u32) -> Document) {
    let docs: Vec<Document> = (0..runs).map(make).collect();
    let start = Instant::now();
    for doc in &docs {
        render(doc).expect("sample renders");
    }
    println!("{name}, a new title each time: mean {}", ms(start.elapsed() / runs));
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let start = Instant::now();
    keyplan_pdf::warm_up(keyplan_pdf::Lang::En);
    println!("warm-up (font book, template, a few words typeset): {}", ms(start.elapsed()));
    bench("one-page plan", &common::one_page_plan(), 20);
    let compact = common::compact_plan(60);
    bench("compact plan", &compact, 10);
    // A different document each time, as in production, where no layout is cached.
    fresh("one-page plan", 10, |i| {
        let mut doc = common::one_page_plan();
        doc.title = format!("Account {i}");
        doc
    });
    fresh("compact plan", 5, |i| {
        let mut doc = common::compact_plan(60);
        doc.title = format!("Account {i}");
        doc
    });
}
