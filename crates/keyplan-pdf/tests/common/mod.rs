//! Sample documents shared by the tests, the benchmark and the sample example.
#![allow(dead_code)]

use keyplan_pdf::{Block, Document, Lang, Layout, Table, Tone};

pub const GOAL: &str = "Grow Northwind's annual revenue with us from 2.8 M EUR to 4.2 M EUR by December 2027 by becoming their preferred partner for cold-chain logistics in DACH";

pub const FACTORS: [&str; 3] = [
    "Be the logistics partner Northwind's COO trusts with the new Leipzig hub",
    "Prove our cold-chain quality with audited data, not promises",
    "Win the procurement framework renewal in Q3 2026",
];

pub const CONDITIONS: [&str; 6] = [
    "Regular executive meetings between our MD and Northwind's COO",
    "A joint steering committee for the Leipzig hub ramp-up",
    "Temperature data from every shipment available to their QA team",
    "An external GDP audit passed without major findings",
    "Procurement sees us on par with the two cheaper competitors on total cost",
    "A reference customer from pharma willing to talk to Northwind",
];

pub const OBSTACLES: [&str; 8] = [
    "The COO associates us with the 2024 delivery failures in Hamburg",
    "Our account team has no contact to the new head of supply chain",
    "Telematics data sits in three systems and cannot be shared as is",
    "Last audit found gaps in the calibration records of two depots",
    "Procurement compares unit prices only and ignores damage rates",
    "Competitor offers a 12 % discount for a three-year contract",
    "Our pharma references are bound by confidentiality clauses",
    "Capacity in Leipzig is booked until spring 2026",
];

/// Twelve commitments, each with a distinct phrase the tests can look for.
pub fn commitments() -> Vec<[String; 4]> {
    let texts = [
        "Present the Hamburg root-cause analysis and remedies to the COO in person",
        "Map the new supply-chain organisation and win an introduction via the QA lead",
        "Build a shared temperature dashboard fed from all three telematics systems",
        "Close the calibration gaps in Bremen and Dortmund and document them",
        "Book the external GDP audit for both depots before the framework tender",
        "Prepare a total-cost-of-ownership model including damage and claim rates",
        "Offer a gain-share clause instead of a flat discount on the three-year deal",
        "Ask two pharma customers for an anonymised reference call",
        "Reserve 1,200 pallet places in Leipzig with the network planning team",
        "Run a quarterly business review with Northwind procurement and QA",
        "Train the account team on the Northwind quality KPIs and escalation path",
        "Agree the steering-committee charter and first meeting date with the COO office",
    ];
    let owners = ["Lena Hoffmann", "Omar Haddad", "Jonas Becker", "Sofia Rossi"];
    let dates = ["2026-01-15", "2026-02-28", "2026-03-31", "2026-05-15", "2026-06-30", "2026-09-30"];
    let states = ["accepted", "proposed", "done", "accepted"];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| [t.to_string(), owners[i % 4].to_string(), dates[i % 6].to_string(), states[i % 4].to_string()])
        .collect()
}

fn tone(state: &str) -> Option<Tone> {
    match state {
        "done" => Some(Tone::Muted),
        "proposed" => Some(Tone::Warning),
        _ => Some(Tone::Ok),
    }
}

/// A one-page constraint plan of normal size.
pub fn one_page_plan() -> Document {
    constraint_plan(&[GOAL.to_string()], &FACTORS, &CONDITIONS, &OBSTACLES, commitments())
}

pub fn constraint_plan<S: AsRef<str>>(
    goal: &[String],
    factors: &[S],
    conditions: &[S],
    obstacles: &[S],
    commitments: Vec<[String; 4]>,
) -> Document {
    let mut doc = Document::new("Northwind Traders GmbH", Lang::En, Layout::OnePage);
    doc.subtitle = "Account plan 2026 · Constraint plan · For the account team".into();
    doc.meta = vec!["Owner: Lena Hoffmann (KAM)".into(), "Period: Jan – Dec 2026".into(), "As of 23 Nov 2026".into()];
    doc.footer = "Northwind Traders GmbH · Confidential · keyplan".into();
    doc.blocks.push(Block::callout("ACCOUNT SALES GOAL", goal.join(" "), None));
    let column = |title: &str, items: &[S]| vec![Block::heading(3, title), Block::bullets(items.iter().map(|s| s.as_ref().to_string()))];
    doc.blocks.push(Block::columns(vec![
        column("CRITICAL SUCCESS FACTORS", factors),
        column("NECESSARY CONDITIONS", conditions),
        column("OBSTACLES", obstacles),
    ]));
    doc.blocks.push(Block::heading(3, "COMMITMENTS"));
    let mut table = Table::new(["Commitment", "Owner", "Due", "Status"]).widths([1.0, 0.0, 0.0, 0.0]);
    for [text, owner, due, state] in commitments {
        let t = tone(&state);
        table = table.row([text, owner, due, state], t);
    }
    doc.blocks.push(table.into());
    doc
}

/// A plan far too long for one page.
pub fn huge_plan() -> Document {
    let many = |prefix: &str, n: usize| (0..n).map(|i| format!("{prefix} {i}: {}", OBSTACLES[i % 8])).collect::<Vec<_>>();
    let commitments = (0..80).flat_map(|_| commitments()).take(80).collect();
    constraint_plan(&[GOAL.to_string()], &many("Factor", 12), &many("Condition", 30), &many("Obstacle", 40), commitments)
}

/// A stakeholder org chart as the web app would draw it: boxes, lines and text.
pub fn org_chart_svg(people: usize) -> String {
    let width = 760;
    let height = 60 + people.div_ceil(4) * 90;
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="sans-serif">"##
    );
    svg.push_str(r##"<rect x="300" y="10" width="160" height="40" rx="6" fill="#e6f1f3" stroke="#0f4c5c"/>"##);
    svg.push_str(r##"<text x="380" y="35" text-anchor="middle" font-size="13" fill="#1b2430">Orgchart Dr. Weiß</text>"##);
    for i in 0..people {
        let (x, y) = (20 + (i % 4) * 185, 90 + (i / 4) * 90);
        svg.push_str(&format!(r##"<line x1="380" y1="50" x2="{}" y2="{y}" stroke="#b0b8c4"/>"##, x + 80));
        svg.push_str(&format!(r##"<rect x="{x}" y="{y}" width="160" height="44" rx="6" fill="#ffffff" stroke="#6b7584"/>"##));
        svg.push_str(&format!(
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="#1b2430">Stakeholder {i}</text>"##,
            x + 80,
            y + 27
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A compact multi-page plan: sections, an org chart and a 60-row table.
pub fn compact_plan(rows: usize) -> Document {
    let mut doc = Document::new("Northwind Traders GmbH", Lang::En, Layout::Compact);
    doc.subtitle = "Strategic account plan 2026 · Full plan · For management review".into();
    doc.meta = vec!["Owner: Lena Hoffmann".into(), "Period: 2026".into(), "As of 23 Nov 2026".into()];
    doc.footer = "Northwind Traders GmbH · Confidential".into();
    doc.blocks.push(Block::heading(1, "Summary"));
    doc.blocks.push(Block::paragraph(
        "Northwind is our fourth-largest account. Revenue grew 9 % last year, but our share of their logistics spend fell to 18 % as two cheaper competitors entered. The plan concentrates on the Leipzig hub and on proving our cold-chain quality with data.",
    ));
    doc.blocks.push(Block::key_values([
        ("Revenue 2025", "2.8 M EUR"),
        ("Share of wallet", "18 %"),
        ("Potential", "6.5 M EUR"),
        ("Trend", "growing"),
    ]));
    doc.blocks.push(Block::callout(
        "NOTE",
        "The framework tender opens in Q3 2026; every commitment below is timed against it.",
        Some(Tone::Warning),
    ));
    doc.blocks.push(Block::heading(1, "Buying centre"));
    let mut chart = Block::svg(org_chart_svg(24), 1.0);
    if let Block::Svg { caption, .. } = &mut chart {
        *caption = "Stakeholders by role and influence".into();
    }
    doc.blocks.push(chart);
    doc.blocks.push(Block::heading(1, "Action plan"));
    let mut table = Table::new(["#", "Action", "Owner", "Due", "Status"]).widths([0.0, 1.0, 0.0, 0.0, 0.0]);
    let all = commitments();
    for i in 0..rows {
        let [text, owner, due, state] = all[i % all.len()].clone();
        table = table.row([format!("{}", i + 1), format!("Row{i:02} {text}"), owner, due, state.clone()], tone(&state));
    }
    doc.blocks.push(table.into());
    doc.blocks.push(Block::heading(2, "Open questions"));
    doc.blocks.push(Block::bullets(["Who signs the framework on Northwind's side?", "Does the QA lead have budget authority?"]));
    doc
}
