//! The plan as an XLSX workbook, for one audience: an overview sheet, then one
//! sheet per template section that has content, laid out like the spreadsheet
//! templates key account managers know — a bold header row that stays in view,
//! sensible column widths, dates as dates and numbers as numbers.
//!
//! The workbook is made only from an audience-redacted [`PlanBundle`], so it
//! holds nothing the bundle does not. Every piece of text is written as a
//! string cell, never as a formula: a title such as `=HYPERLINK(…)` or
//! `+49 30 1234` stays the text the user typed.
//!
//! Sheet names, headers, row labels and status labels are in one language
//! ([`workbook_in`]): the ids `xlsx-…` in `locales/*/xlsx.ftl`, the shared
//! export words `export-…` and the enumeration labels of `common.ftl`. Dates
//! and numbers stay real Excel dates and numbers; Excel shows them the way the
//! reader's own Excel writes them.
//!
//! The sheets live one kind to a file; this module has the entry point, the
//! table model every sheet fills and the choice of sheet per section.

mod budget;
pub mod cockpit;
mod goals;
mod items;
mod kpi;
mod names;
mod overview;
mod pipeline;
mod portfolio;
mod scorecard;
mod stakeholders;
mod tree;
mod whitespace;
mod write;

use keyplan_domain::audience::Audience;
use keyplan_domain::template::{Section, SectionKind};
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};
use time::Date;

use crate::markdown::{story_gaps_in, value_discipline};
use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;

pub use budget::budget_workbook;
use goals::goals_sheet;
use items::{item_text, items_sheet};
use kpi::kpi_sheet;
use names::Names;
use overview::overview;
use pipeline::pipeline_sheet;
pub use portfolio::{portfolio_workbook, reason_code};
pub use scorecard::{figure_rows, scorecard_workbook};
use stakeholders::stakeholder_sheet;
use tree::{action_sheet, tree_sheet};
use whitespace::whitespace_sheet;
use write::{Styles, clip, write_sheet};

/// The content type of the download.
pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// How far the deepest level of the constraint tree is indented.
const MAX_INDENT: u8 = 4;

/// The workbook for `b` in English, as the bytes of an `.xlsx` file.
pub fn workbook(b: &PlanBundle) -> Result<Vec<u8>, XlsxError> {
    workbook_in(b, Tr::default())
}

/// The workbook for `b` with its labels in `t`'s language, as the bytes of an `.xlsx` file.
pub fn workbook_in(b: &PlanBundle, t: Tr) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new(t);
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(clip(&b.plan.title, 250))
        .set_subject(clip(&format!("{} · {}", b.account.name, audience_label(t, b.audience)), 250));
    wb.set_properties(&props);

    // Section titles of a built-in template the company left as they were, in `t`'s language.
    let doc = keyplan_i18n::templates::localised(b.doc.clone(), t);
    let mut names = Names::new(t.s("xlsx-sheet-fallback"));
    write_sheet(&mut wb, &st, b, names.take(&t.s("xlsx-sheet-overview")), overview(b, &doc, t))?;
    // The tabs follow the template's order; a section without content has none.
    for sec in &doc.sections {
        let sheet = section_sheet(b, sec, t);
        if !sheet.is_empty() {
            write_sheet(&mut wb, &st, b, names.take(&sec.title), sheet)?;
        }
    }
    // KPIs are kept whatever the template; without a scorecard section they get their own sheet.
    if !b.kpis.is_empty() && !doc.sections.iter().any(|s| s.kind == SectionKind::KpiScorecard) {
        write_sheet(&mut wb, &st, b, names.take(&t.s("export-kpi-scorecard")), kpi_sheet(b, false, t))?;
    }
    // The pipeline behind the money goals (empty, and left out, when the audience sees no commercial figures).
    let pipeline = pipeline_sheet(b, t);
    if !pipeline.is_empty() {
        write_sheet(&mut wb, &st, b, names.take(&t.s("cov-title")), pipeline)?;
    }
    // The story's gaps are the team's homework, not part of a briefing or excerpt.
    if b.audience == Audience::Team {
        let gaps = story_gaps_in(&b.story(t), t);
        if !gaps.is_empty() {
            let mut sheet = Sheet::new(vec![Col::wrap(t.s("xlsx-col-gap"), 110.0)]);
            sheet.rows = gaps.into_iter().map(|g| vec![Cell::Text(g)]).collect();
            write_sheet(&mut wb, &st, b, names.take(&t.s("xlsx-sheet-gaps")), sheet)?;
        }
    }
    wb.save_to_buffer()
}

/// "Team", "Management briefing", "Customer excerpt".
fn audience_label(t: Tr, a: Audience) -> String {
    t.enum_label("export-audience", a.as_str())
}

// --- the table every sheet fills ------------------------------------------------------

/// A colour for a status or health cell.
#[derive(Clone, Copy)]
enum Tone {
    Ok,
    Warning,
    Danger,
    Muted,
}

/// One cell of a table row.
enum Cell {
    Empty,
    Text(String),
    /// Bold text, for the label of a row.
    Label(String),
    /// Text indented by a level of the tree.
    Indented(String, u8),
    Toned(String, Option<Tone>),
    Date(Option<Date>),
    Num(Option<f64>),
    /// A share, 0.0..=1.0, shown as a percentage.
    Pct(Option<f64>),
}

impl Cell {
    fn text(s: Option<&str>) -> Cell {
        s.map(|s| Cell::Text(s.to_string())).unwrap_or(Cell::Empty)
    }
    fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) | Cell::Label(s) | Cell::Indented(s, _) | Cell::Toned(s, _) => s.trim().is_empty(),
            Cell::Date(d) => d.is_none(),
            Cell::Num(n) | Cell::Pct(n) => n.is_none(),
        }
    }
}

struct Col {
    header: String,
    width: f64,
    /// Long text: wrapped within the column.
    wrap: bool,
    /// Left out when no row has a value in it.
    optional: bool,
}

impl Col {
    fn new(header: impl Into<String>, width: f64) -> Col {
        Col { header: header.into(), width, wrap: false, optional: false }
    }
    fn wrap(header: impl Into<String>, width: f64) -> Col {
        Col { wrap: true, ..Col::new(header, width) }
    }
    fn optional(mut self) -> Col {
        self.optional = true;
        self
    }
}

/// A sheet before it is written: a table, and text (label, paragraph) below it.
struct Sheet {
    cols: Vec<Col>,
    rows: Vec<Vec<Cell>>,
    notes: Vec<(String, String)>,
    /// Whether the table gets filter buttons in its header.
    filter: bool,
}

impl Sheet {
    fn new(cols: Vec<Col>) -> Sheet {
        Sheet { cols, rows: Vec::new(), notes: Vec::new(), filter: true }
    }
    fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.notes.is_empty()
    }
    /// Drops the optional columns nobody filled in.
    fn prune(&mut self) {
        let keep: Vec<bool> = (0..self.cols.len())
            .map(|c| !self.cols[c].optional || self.rows.iter().any(|r| r.get(c).is_some_and(|x| !x.is_empty())))
            .collect();
        let mut i = 0;
        self.cols.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        for row in &mut self.rows {
            let mut i = 0;
            row.retain(|_| {
                i += 1;
                keep.get(i - 1).copied().unwrap_or(false)
            });
        }
    }
}

/// The sheet of one template section: its table, its items and its text.
fn section_sheet(b: &PlanBundle, sec: &Section, t: Tr) -> Sheet {
    let (mut sheet, own_table) = match sec.kind {
        SectionKind::ConstraintTree => (tree_sheet(b, t), true),
        SectionKind::Goals => (goals_sheet(b, t), true),
        SectionKind::ActionPlan => (action_sheet(b, t), true),
        SectionKind::KpiScorecard => (kpi_sheet(b, true, t), true),
        SectionKind::StakeholderMap => (stakeholder_sheet(b, t), true),
        SectionKind::Whitespace => (whitespace_sheet(b, t), true),
        _ => (items_sheet(b, sec, t), false),
    };
    if sec.kind == SectionKind::Whitespace
        && let Some(ws) = &b.whitespace
        && !ws.cells.is_empty()
    {
        let totals = ws.totals();
        let cur = &b.settings.currency;
        let line = t.s2("export-ws-totals", "current", t.money(Some(totals.current), cur), "open", t.money(Some(totals.open), cur));
        sheet.notes.push((t.s("xlsx-note-totals"), line));
    }
    if sec.kind == SectionKind::ValueProposition
        && let Some(d) = b.settings.value_discipline()
    {
        let (label, meaning) = value_discipline(t, d);
        sheet.notes.push((t.s("export-value-discipline"), format!("{label} — {meaning}")));
    }
    if own_table {
        // Items filed under a section of another kind: kept, as text below its table.
        for item in b.items_of(&sec.key) {
            sheet.notes.push((t.item_label(item), item_text(item, t)));
        }
    }
    if let Some(text) = b.section_text(&sec.key) {
        if let Some(body) = &text.body {
            for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                sheet.notes.push((t.s("xlsx-text"), para.to_string()));
            }
        }
        if let Some(w) = &text.so_what {
            sheet.notes.push((t.s("export-so-what"), w.clone()));
        }
    }
    sheet
}

#[cfg(test)]
mod tests;
