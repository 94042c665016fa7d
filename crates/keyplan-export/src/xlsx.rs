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

use std::collections::BTreeMap;

use keyplan_domain::Lang;
use keyplan_domain::audience::Audience;
use keyplan_domain::template::{Section, SectionKind, TemplateDoc};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Health, Node, NodeKind, TreeNode};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use time::Date;

use crate::markdown::{story_gaps_in, value_discipline};
use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;

/// The content type of the download.
pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// keyplan's brand colour and its soft tint.
const BRAND: u32 = 0x0F4C5C;
const BRAND_SOFT: u32 = 0xE6F1F3;
/// The longest text one cell holds (in UTF-16 units).
const MAX_CELL: usize = 32_767;
/// The longest sheet name (in UTF-16 units).
const MAX_SHEET_NAME: usize = 31;
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

/// `s` with its first letter upper case, as a cell starts.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// --- the sheets' content -------------------------------------------------------------

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

fn overview(b: &PlanBundle, doc: &TemplateDoc, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![Col::new(t.s("xlsx-col-plan"), 36.0), Col::wrap("", 64.0)]);
    sheet.filter = false;
    let s = &b.summary;
    let mut row = |label: String, value: Cell| {
        if !value.is_empty() {
            sheet.rows.push(vec![Cell::Label(label), value]);
        }
    };
    let text = |s: &str| Cell::Text(s.to_string());
    let count = |n: usize| Cell::Num(Some(n as f64));
    row(t.s("xlsx-title"), text(&b.plan.title));
    row(t.s("xlsx-account"), text(&b.account.name));
    row(t.s("xlsx-industry"), Cell::text(b.account.industry.as_deref()));
    row(t.s("xlsx-region"), Cell::text(b.account.region.as_deref()));
    row(t.s("xlsx-account-owner"), Cell::text(b.user_name(b.account.owner_id)));
    row(t.s("xlsx-template"), text(&t.s2("xlsx-template-version", "name", &doc.name, "version", b.template_version.to_string())));
    row(t.s("export-status"), text(&t.enum_label("plan-status", b.plan.status().as_str())));
    row(t.s("xlsx-period-from"), Cell::Date(Some(b.plan.period_start)));
    row(t.s("xlsx-period-to"), Cell::Date(Some(b.plan.period_end)));
    row(t.s("xlsx-audience"), text(&audience_label(t, b.audience)));
    row(t.s("xlsx-as-of"), Cell::Date(Some(keyplan_app::today())));
    row(t.s("xlsx-length"), text(&t.length(&b.page_report())));
    let cur = b.settings.currency.as_str();
    row(t.s1("xlsx-our-revenue", "currency", cur), Cell::Num(b.account.current_revenue));
    row(t.s1("xlsx-total-spend", "currency", cur), Cell::Num(b.account.total_spend));
    row(t.s1("xlsx-potential", "currency", cur), Cell::Num(b.account.potential));
    row(t.s("xlsx-share-of-wallet"), Cell::Pct(b.account.share_of_wallet()));
    if let Some(ws) = &b.whitespace
        && !ws.cells.is_empty()
    {
        let totals = ws.totals();
        row(t.s1("xlsx-ws-current", "currency", cur), Cell::Num(Some(totals.current)));
        row(t.s1("xlsx-ws-open", "currency", cur), Cell::Num(Some(totals.open)));
    }
    row(t.s("xlsx-goals"), count(s.goals));
    row(t.s("export-csf-plural"), count(s.factors));
    row(t.s("xlsx-factors-secured"), count(s.factors_secured));
    row(t.s("export-conditions-plural"), count(s.conditions));
    row(t.s("xlsx-conditions-met"), count(s.conditions_met));
    row(t.s("export-obstacles-plural"), count(s.obstacles));
    row(t.s("xlsx-obstacles-overcome"), count(s.obstacles_overcome));
    row(t.s("xlsx-obstacles-overcome-share"), Cell::Pct(Some(f64::from(s.percent_resolved) / 100.0)));
    row(t.s("export-commitments"), count(s.commitments));
    row(t.s("xlsx-commitments-accepted"), count(s.commitments_accepted));
    row(t.s("xlsx-commitments-done"), count(s.commitments_done));
    row(t.s("xlsx-commitments-awaiting"), count(s.commitments_unaccepted));
    row(t.s("xlsx-commitments-overdue"), count(s.commitments_overdue));
    row(t.s("xlsx-commitments-missed"), count(s.commitments_missed));
    sheet
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

fn item_text(item: &keyplan_store::Item, t: Tr) -> String {
    let mut text = item.text.clone();
    if let Some(r) = &item.response {
        text.push_str(&format!(" — {r}"));
    }
    if let Some(src) = &item.source {
        text.push_str(&format!(" ({})", t.s1("export-source", "source", src)));
    }
    text
}

fn items_sheet(b: &PlanBundle, sec: &Section, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("export-kind"), 16.0),
        Col::wrap(t.s("export-entry"), 70.0),
        Col::wrap(t.s("xlsx-col-response"), 40.0).optional(),
        Col::wrap(t.s("xlsx-col-derived-from"), 40.0).optional(),
        Col::wrap(t.s("xlsx-col-source"), 28.0).optional(),
        Col::new(t.s("xlsx-col-date"), 13.0).optional(),
    ]);
    for item in b.items_of(&sec.key) {
        let derived = item.derived_from_id.and_then(|d| b.items.iter().find(|i| i.id == d)).map(|i| i.text.as_str());
        sheet.rows.push(vec![
            Cell::Text(t.item_label(item)),
            Cell::Text(item.text.clone()),
            Cell::text(item.response.as_deref()),
            Cell::text(derived),
            Cell::text(item.source.as_deref()),
            Cell::Date(item.item_date),
        ]);
    }
    sheet
}

fn health_tone(h: Health) -> Option<Tone> {
    match h {
        Health::Resolved => Some(Tone::Ok),
        Health::AtRisk => Some(Tone::Warning),
        Health::OffTrack => Some(Tone::Danger),
        Health::OnTrack | Health::Open => None,
    }
}

/// A commitment's state as the plan shows it: its status once accepted, else where its acceptance stands.
fn commitment_state(n: &Node, overdue: bool, t: Tr) -> (String, Option<Tone>) {
    match n.acceptance {
        Some(Acceptance::Accepted) | None => {
            let status = n.status.unwrap_or(CommitmentStatus::Open);
            let tone = match status {
                CommitmentStatus::Done => Some(Tone::Ok),
                CommitmentStatus::Missed => Some(Tone::Danger),
                _ if overdue => Some(Tone::Danger),
                _ => None,
            };
            let label = t.enum_label("status", status.as_str());
            let label = if overdue && status != CommitmentStatus::Done { format!("{label} · {}", t.s("export-overdue")) } else { label };
            (label, tone)
        }
        Some(Acceptance::Declined) => (t.enum_label("acceptance", Acceptance::Declined.as_str()), Some(Tone::Muted)),
        Some(a) => (t.enum_label("acceptance", a.as_str()), Some(Tone::Warning)),
    }
}

fn tree_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("xlsx-col-level"), 7.0),
        Col::new(t.s("xlsx-col-element"), 24.0),
        Col::wrap(t.s("xlsx-title"), 60.0),
        Col::new(t.s("export-owner"), 22.0).optional(),
        Col::new(t.s("export-due-col"), 13.0).optional(),
        Col::new(t.s("export-status"), 22.0).optional(),
        Col::new(t.s("xlsx-col-health"), 13.0),
        Col::wrap(t.s("xlsx-col-done-when"), 40.0).optional(),
        Col::wrap(t.s("export-metric"), 28.0).optional(),
        Col::new(t.s("export-baseline"), 12.0).optional(),
        Col::new(t.s("export-target"), 12.0).optional(),
        Col::new(t.s("export-unit"), 10.0).optional(),
        Col::new(t.s("export-target-date"), 13.0).optional(),
    ]);
    fn walk(b: &PlanBundle, tn: &TreeNode, depth: u8, t: Tr, rows: &mut Vec<Vec<Cell>>) {
        let n = &tn.node;
        let (status, tone) = if n.kind == NodeKind::Commitment { commitment_state(n, tn.overdue, t) } else { (String::new(), None) };
        rows.push(vec![
            Cell::Num(Some(f64::from(depth) + 1.0)),
            Cell::Text(t.enum_label("node-kind", n.kind.as_str())),
            Cell::Indented(n.title.clone(), depth.min(MAX_INDENT)),
            Cell::text(b.user_name(n.owner_id)),
            Cell::Date(n.due_date),
            Cell::Toned(status, tone),
            Cell::Toned(t.enum_label("health", tn.health.as_str()), health_tone(tn.health)),
            Cell::text(n.done_criterion.as_deref()),
            Cell::text(n.metric.as_deref()),
            Cell::Num(n.baseline),
            Cell::Num(n.target),
            Cell::text(n.unit.as_deref()),
            Cell::Date(n.target_date),
        ]);
        for c in &tn.children {
            walk(b, c, depth.saturating_add(1), t, rows);
        }
    }
    for tn in &b.tree {
        walk(b, tn, 0, t, &mut sheet.rows);
    }
    sheet
}

fn goals_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::wrap(t.s("export-goal"), 40.0),
        Col::new(t.s("xlsx-col-for"), 14.0).optional(),
        Col::wrap(t.s("export-metric"), 28.0).optional(),
        Col::new(t.s("export-baseline"), 12.0).optional(),
        Col::new(t.s("export-target"), 12.0).optional(),
        Col::new(t.s("export-unit"), 10.0).optional(),
        Col::new(t.s("export-target-date"), 13.0).optional(),
        Col::wrap(t.s("xlsx-col-strategy"), 50.0).optional(),
        Col::wrap(t.s("xlsx-col-based-on"), 50.0).optional(),
        Col::wrap(t.s("xlsx-col-implemented-by"), 50.0).optional(),
    ]);
    let story = b.story(t);
    let not_yet = format!(" ({})", t.s("xlsx-not-yet-accepted"));
    for g in b.goals() {
        let sg = story.goals.iter().find(|s| s.id == g.id.get());
        let evidence = sg.map(|s| s.evidence.iter().map(|e| e.label.clone()).collect::<Vec<_>>().join("\n")).unwrap_or_default();
        let commitments = sg
            .map(|s| {
                s.commitments
                    .iter()
                    .map(|c| {
                        let who = c.owner.as_deref().map(|o| format!(" — {o}")).unwrap_or_default();
                        format!("{}{who}{}", c.title, if c.accepted { "" } else { not_yet.as_str() })
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        sheet.rows.push(vec![
            Cell::Text(g.title.clone()),
            Cell::text(g.benefit.map(|x| t.enum_label("export-benefit", x.as_str())).as_deref()),
            Cell::text(g.metric.as_deref()),
            Cell::Num(g.baseline),
            Cell::Num(g.target),
            Cell::text(g.unit.as_deref()),
            Cell::Date(g.target_date),
            Cell::text(g.notes.as_deref()),
            Cell::Text(evidence),
            Cell::Text(commitments),
        ]);
    }
    sheet
}

fn action_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::wrap(t.s("export-commitment"), 50.0),
        Col::new(t.s("export-owner"), 22.0),
        Col::new(t.s("xlsx-col-start"), 13.0).optional(),
        Col::new(t.s("export-due-col"), 13.0),
        Col::new(t.s("export-status"), 24.0),
        Col::wrap(t.s("xlsx-col-done-when"), 40.0).optional(),
        Col::wrap(t.s("xlsx-col-serves-goal"), 40.0),
    ]);
    let today = keyplan_app::today();
    let goals = b.goals();
    for (g, c) in b.goal_commitments() {
        let goal = goals.iter().find(|n| n.id == g).map(|n| n.title.clone()).unwrap_or_default();
        let (state, tone) = commitment_state(c, c.is_overdue(today), t);
        sheet.rows.push(vec![
            Cell::Text(c.title.clone()),
            Cell::text(b.user_name(c.owner_id)),
            Cell::Date(c.start_date),
            Cell::Date(c.due_date),
            Cell::Toned(state, tone),
            Cell::text(c.done_criterion.as_deref()),
            Cell::Text(goal),
        ]);
    }
    sheet
}

/// The scorecard: each KPI with baseline, target, latest actual, progress and
/// one column of actuals per period; with `goals`, the goals' measures first.
fn kpi_sheet(b: &PlanBundle, goals: bool, t: Tr) -> Sheet {
    let all = b.kpi_progress();
    // The periods that have an actual, oldest first, each named as its KPI counts it.
    let mut periods: BTreeMap<Date, String> = BTreeMap::new();
    for p in &all {
        for a in &p.actuals {
            periods.entry(a.period_start).or_insert_with(|| t.period(p.period, a.period_start));
        }
    }
    let mut cols = vec![
        Col::wrap(t.s("xlsx-col-measure"), 40.0),
        Col::new(t.s("xlsx-col-type"), 10.0),
        Col::new(t.s("export-unit"), 10.0).optional(),
        Col::new(t.s("export-baseline"), 12.0),
        Col::new(t.s("export-target"), 12.0),
        Col::new(t.s("export-target-date"), 13.0).optional(),
        Col::new(t.s("export-latest"), 12.0).optional(),
        Col::new(t.s("xlsx-col-latest-period"), 14.0).optional(),
        Col::new(t.s("export-progress-col"), 11.0).optional(),
        Col::new(t.s("xlsx-col-judgement"), 12.0).optional(),
    ];
    cols.extend(periods.values().map(|label| Col::new(label.clone(), 11.0)));
    let mut sheet = Sheet::new(cols);
    if goals {
        for g in b.goals().into_iter().filter(|g| g.metric.is_some() || g.baseline.is_some() || g.target.is_some()) {
            let name = match &g.metric {
                Some(m) => format!("{} ({m})", g.title),
                None => g.title.clone(),
            };
            let mut row = vec![
                Cell::Text(name),
                Cell::Text(t.s("export-goal")),
                Cell::text(g.unit.as_deref()),
                Cell::Num(g.baseline),
                Cell::Num(g.target),
                Cell::Date(g.target_date),
            ];
            row.extend((0..4 + periods.len()).map(|_| Cell::Empty));
            sheet.rows.push(row);
        }
    }
    for p in &all {
        let k = p.kpi;
        let judged = p.progress.is_some();
        let mut row = vec![
            Cell::Text(k.name.clone()),
            Cell::Text(t.s("export-kpi")),
            Cell::text(k.unit.as_deref()),
            Cell::Num(k.baseline),
            Cell::Num(k.target),
            Cell::Date(k.target_date),
            Cell::Num(p.latest.map(|a| a.value)),
            Cell::text(p.latest.map(|a| t.period(p.period, a.period_start)).as_deref()),
            Cell::Pct(p.progress),
            if judged { Cell::Text(t.enum_label("export-judgement", p.judgement.as_str())) } else { Cell::Empty },
        ];
        row.extend(periods.keys().map(|d| Cell::Num(p.actuals.iter().find(|a| a.period_start == *d).map(|a| a.value))));
        sheet.rows.push(row);
    }
    sheet
}

fn stakeholder_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("xlsx-col-name"), 26.0),
        Col::wrap(t.s("xlsx-col-job-title"), 26.0).optional(),
        Col::new(t.s("xlsx-col-business-unit"), 18.0).optional(),
        Col::new(t.s("xlsx-col-reports-to"), 22.0).optional(),
        Col::new(t.s("xlsx-col-buying-role"), 18.0).optional(),
        Col::new(t.s("xlsx-col-influence"), 10.0).optional(),
        Col::new(t.s("xlsx-col-attitude"), 14.0).optional(),
        Col::new(t.s("xlsx-col-our-contact"), 22.0).optional(),
        Col::wrap(t.s("xlsx-col-objective"), 40.0).optional(),
        Col::new(t.s("xlsx-col-last-contact"), 13.0).optional(),
    ]);
    for c in &b.contacts {
        sheet.rows.push(vec![
            Cell::Text(c.name.clone()),
            Cell::text(c.title.as_deref()),
            Cell::text(c.business_unit.as_deref()),
            Cell::text(b.contact_name(c.reports_to_id)),
            Cell::text(c.buying_role().map(|r| t.enum_label("buying-role", r.as_str())).as_deref()),
            Cell::Num(c.influence.map(f64::from)),
            Cell::text(c.attitude().map(|a| t.enum_label("attitude", a.as_str())).as_deref()),
            Cell::text(b.user_name(c.relationship_owner_id)),
            Cell::text(c.objective.as_deref()),
            Cell::Date(c.last_contact_date),
        ]);
    }
    sheet
}

fn whitespace_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::wrap(t.s("xlsx-col-offering"), 30.0),
        Col::wrap(t.s("xlsx-col-business-unit"), 24.0),
        Col::new(t.s("export-status"), 18.0),
        Col::new(t.s1("xlsx-col-value", "currency", b.settings.currency.as_str()), 14.0).optional(),
        Col::wrap(t.s("xlsx-col-note"), 40.0).optional(),
    ]);
    if let Some(ws) = &b.whitespace {
        for o in &ws.offerings {
            for u in &ws.units {
                if let Some(c) = ws.cell(o.id, u.id) {
                    sheet.rows.push(vec![
                        Cell::Text(o.name.clone()),
                        Cell::Text(u.name.clone()),
                        Cell::Text(capitalised(&t.enum_label("ws-status", c.status().as_str()))),
                        Cell::Num(c.value),
                        Cell::text(c.note.as_deref()),
                    ]);
                }
            }
        }
    }
    sheet
}

// --- writing -------------------------------------------------------------------------

struct Styles {
    /// The language, for a date Excel cannot hold.
    t: Tr,
    header: Format,
    text: Format,
    wrap: Format,
    label: Format,
    note: Format,
    date: Format,
    int: Format,
    dec: Format,
    pct: Format,
    indent: Vec<Format>,
    ok: Format,
    warning: Format,
    danger: Format,
    muted: Format,
}

impl Styles {
    fn new(t: Tr) -> Styles {
        let base = Format::new().set_align(FormatAlign::Top);
        let wrap = base.clone().set_text_wrap();
        // Excel writes the month's name in the reader's own language.
        let date_format = match t.lang {
            Lang::En => "d mmm yyyy",
            Lang::De => "d. mmm yyyy",
        };
        Styles {
            t,
            header: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(BRAND))
                .set_align(FormatAlign::VerticalCenter)
                .set_border_bottom(FormatBorder::Thin),
            label: base.clone().set_bold().set_background_color(Color::RGB(BRAND_SOFT)),
            note: wrap.clone(),
            date: base.clone().set_num_format(date_format).set_align(FormatAlign::Left),
            int: base.clone().set_num_format("#,##0"),
            dec: base.clone().set_num_format("#,##0.0##"),
            pct: base.clone().set_num_format("0%"),
            indent: (0..=MAX_INDENT).map(|i| wrap.clone().set_indent(i)).collect(),
            ok: base.clone().set_font_color(Color::RGB(0x2E7D32)),
            warning: base.clone().set_font_color(Color::RGB(0xB26A00)),
            danger: base.clone().set_font_color(Color::RGB(0xC62828)).set_bold(),
            muted: base.clone().set_font_color(Color::RGB(0x757575)),
            wrap,
            text: base,
        }
    }
}

/// Writes text as a string cell (never a formula), cut to what a cell holds.
fn put_text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, clip(s, MAX_CELL), f)?;
    Ok(())
}

fn put(ws: &mut Worksheet, st: &Styles, row: u32, col: u16, wrap: bool, cell: &Cell) -> Result<(), XlsxError> {
    let text_format = if wrap { &st.wrap } else { &st.text };
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => put_text(ws, row, col, s, text_format)?,
        Cell::Label(s) => put_text(ws, row, col, s, &st.label)?,
        Cell::Indented(s, level) => put_text(ws, row, col, s, &st.indent[usize::from((*level).min(MAX_INDENT))])?,
        Cell::Toned(s, tone) => {
            let f = match tone {
                Some(Tone::Ok) => &st.ok,
                Some(Tone::Warning) => &st.warning,
                Some(Tone::Danger) => &st.danger,
                Some(Tone::Muted) => &st.muted,
                None => text_format,
            };
            put_text(ws, row, col, s, f)?;
        }
        Cell::Date(Some(d)) => match excel_date(*d) {
            Some(x) => {
                ws.write_date_with_format(row, col, &x, &st.date)?;
            }
            None => put_text(ws, row, col, &st.t.date(*d), text_format)?,
        },
        Cell::Num(Some(n)) if n.is_finite() => {
            ws.write_number_with_format(row, col, *n, if n.fract() == 0.0 { &st.int } else { &st.dec })?;
        }
        Cell::Pct(Some(n)) if n.is_finite() => {
            ws.write_number_with_format(row, col, *n, &st.pct)?;
        }
        Cell::Date(None) | Cell::Num(_) | Cell::Pct(_) => {}
    }
    Ok(())
}

fn excel_date(d: Date) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, u8::from(d.month()), d.day()).ok()
}

fn write_sheet(wb: &mut Workbook, st: &Styles, b: &PlanBundle, name: String, mut sheet: Sheet) -> Result<(), XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(&name)?;
    sheet.prune();
    // A section with text only: the text is the table.
    let table = !sheet.rows.is_empty();
    if !table {
        sheet.cols = vec![Col::new(st.t.s("xlsx-col-part"), 20.0), Col::wrap(st.t.s("xlsx-text"), 100.0)];
        sheet.rows = std::mem::take(&mut sheet.notes).into_iter().map(|(l, t)| vec![Cell::Label(l), Cell::Text(t)]).collect();
    }
    let last_col = u16::try_from(sheet.cols.len().saturating_sub(1)).unwrap_or(u16::MAX);
    for (c, col) in sheet.cols.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.set_column_width(c, col.width)?;
        put_text(&mut ws, 0, c, &col.header, &st.header)?;
    }
    ws.set_row_height(0, 20)?;
    ws.set_freeze_panes(1, 0)?;
    let mut r: u32 = 1;
    for row in &sheet.rows {
        for (c, cell) in row.iter().enumerate() {
            let wrap = sheet.cols.get(c).is_some_and(|col| col.wrap);
            put(&mut ws, st, r, u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?, wrap, cell)?;
        }
        r += 1;
    }
    if table && sheet.filter && sheet.cols.len() > 1 {
        ws.autofilter(0, 0, r - 1, last_col)?;
    }
    // Text below the table: a label, then the text across the table's width.
    if !sheet.notes.is_empty() {
        r += 1;
        let span: f64 = sheet.cols.iter().skip(1).map(|c| c.width).sum::<f64>().max(20.0);
        for (label, text) in &sheet.notes {
            put_text(&mut ws, r, 0, label, &st.label)?;
            if last_col >= 2 {
                ws.merge_range(r, 1, r, last_col, &clip(text, MAX_CELL), &st.note)?;
            } else {
                put_text(&mut ws, r, 1, text, &st.note)?;
            }
            // Excel does not fit a merged cell's height to its text; estimate it.
            let lines: f64 = text.lines().map(|l| (l.chars().count() as f64 / (span * 1.1)).ceil().max(1.0)).sum::<f64>().max(1.0);
            ws.set_row_height(r, (lines * 15.0).min(409.0))?;
            r += 1;
        }
    }
    // Printing: landscape A4, one page wide, the header row on every page.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_header(format!("&L{}&R{}", header_text(&b.plan.title), header_text(&b.account.name)));
    let t = st.t;
    let footer = match b.audience {
        Audience::Customer => t.s("export-footer-customer"),
        a => t.s1("export-footer-audience", "audience", audience_label(t, a)),
    };
    ws.set_footer(format!("&L{}&R{}", header_text(&footer), t.s("xlsx-footer-page")));
    wb.push_worksheet(ws);
    Ok(())
}

/// Text for a printed page header: `&` is a control character there.
fn header_text(s: &str) -> String {
    clip(s, 80).replace('&', "&&")
}

/// `s` cut to at most `max` UTF-16 units, on a character boundary.
fn clip(s: &str, max: usize) -> String {
    let mut n = 0;
    let mut out = String::new();
    for c in s.chars() {
        n += c.len_utf16();
        if n > max {
            break;
        }
        out.push(c);
    }
    out
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe, and unique (Excel ignores case).
struct Names {
    taken: Vec<String>,
    /// The name of a sheet whose wanted name is empty ("Sheet").
    fallback: String,
}

impl Names {
    fn new(fallback: String) -> Names {
        Names { taken: Vec::new(), fallback }
    }

    fn take(&mut self, wanted: &str) -> String {
        let clean: String =
            wanted.chars().map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() { ' ' } else { c }).collect();
        let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
        let clean = clean.trim_matches('\'').trim().to_string();
        let base = if clean.is_empty() { self.fallback.clone() } else { clean };
        let mut n = 1;
        loop {
            let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
            let name = shorten(&base, MAX_SHEET_NAME - suffix.len()) + &suffix;
            let name = name.trim_matches('\'').to_string();
            if !self.taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) && name.to_lowercase() != "history" {
                self.taken.push(name.clone());
                return name;
            }
            n += 1;
        }
    }
}

/// `s` in at most `max` UTF-16 units, marked with an ellipsis where it is cut:
/// after a whole word unless that loses more than a word's worth.
fn shorten(s: &str, max: usize) -> String {
    if s.encode_utf16().count() <= max {
        return s.to_string();
    }
    let cut = clip(s, max - 1);
    let at_word = match cut.rfind(' ') {
        Some(i) if cut.len() - i <= 10 => cut[..i].trim_end().to_string(),
        _ => cut.trim_end().to_string(),
    };
    format!("{at_word}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    /// A minimal sheet written the way [`workbook`] writes one.
    fn one_sheet(cells: Vec<Cell>) -> Vec<u8> {
        let st = Styles::new(Tr::default());
        let mut ws = Worksheet::new();
        ws.set_name("Test").unwrap();
        for (c, cell) in cells.iter().enumerate() {
            put(&mut ws, &st, 1, c as u16, false, cell).unwrap();
        }
        let mut wb = Workbook::new();
        wb.push_worksheet(ws);
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn text_that_looks_like_a_formula_stays_text() {
        let risky = ["=HYPERLINK(\"http://x.example\",\"x\")", "+49 30 1234", "-1+2", "@SUM(A1:A2)", "=1+1", "<b>&amp;\u{1}_x0041_"];
        let bytes = one_sheet(risky.iter().map(|s| Cell::Text(s.to_string())).collect());
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Test").unwrap();
        for (c, s) in risky.iter().enumerate() {
            assert_eq!(range.get_value((1, c as u32)), Some(&Data::String(s.to_string())), "{s}");
        }
        let formulas = book.worksheet_formula("Test").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell has a formula");
    }

    #[test]
    fn dates_are_dates_and_numbers_numbers() {
        let d = Date::from_calendar_date(2027, time::Month::March, 15).unwrap();
        let bytes = one_sheet(vec![Cell::Date(Some(d)), Cell::Num(Some(1234.5)), Cell::Pct(Some(0.25))]);
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Test").unwrap();
        match range.get_value((1, 0)) {
            Some(Data::DateTime(x)) => assert_eq!(x.as_f64(), 46461.0),
            other => panic!("not a date: {other:?}"),
        }
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(1234.5)));
        assert_eq!(range.get_value((1, 2)), Some(&Data::Float(0.25)));
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut names = Names::new("Sheet".into());
        assert_eq!(names.take("Goals"), "Goals");
        assert_eq!(names.take("Buying centre and relationships"), "Buying centre and relationships");
        assert_eq!(names.take("Customer profile and key figures"), "Customer profile and key…");
        let long = names.take("Customer's top objectives: what/why?");
        assert!(long.encode_utf16().count() <= 31 && long.ends_with('…'), "{long}");
        assert!(!long.contains([':', '/', '?']), "{long}");
        assert_eq!(names.take("GOALS"), "GOALS (2)");
        assert_eq!(names.take("'[]'"), "Sheet");
        assert_eq!(names.take("History"), "History (2)");
        let twice = names.take(&"x".repeat(40));
        let again = names.take(&"x".repeat(40));
        assert!(again.encode_utf16().count() <= 31 && twice != again, "{twice} {again}");
    }

    /// A small plan: one branch of the tree from the goal down to an overdue
    /// commitment, and a KPI with one actual, on the one-page template.
    fn bundle() -> PlanBundle {
        use keyplan_domain::tree::{Node, build_tree};
        use keyplan_domain::{AccountId, KpiActualId, KpiId, NodeId, OrgId, PlanId};
        let day = |y, m, d| Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap();
        let now = time::OffsetDateTime::UNIX_EPOCH;
        let plan_id = PlanId::new(1);
        let node = |id: i64, parent: Option<i64>, kind: NodeKind, title: &str| Node {
            version: 0,
            ..Node::new(NodeId::new(id), plan_id, parent.map(NodeId::new), kind, title)
        };
        let mut goal = node(1, None, NodeKind::Goal, "Grow to 2m");
        goal.metric = Some("Revenue".into());
        goal.baseline = Some(1.2);
        goal.target = Some(2.0);
        goal.target_date = Some(day(2027, 12, 31));
        goal.benefit = Some(keyplan_domain::analysis::Benefit::Both);
        let mut commitment = node(5, Some(4), NodeKind::Commitment, "Run the plant trial");
        commitment.due_date = Some(day(2020, 3, 15));
        commitment.done_criterion = Some("Trial report signed".into());
        commitment.status = Some(CommitmentStatus::InProgress);
        commitment.acceptance = Some(Acceptance::Accepted);
        let nodes = vec![
            goal,
            node(2, Some(1), NodeKind::Csf, "Approved supplier"),
            node(3, Some(2), NodeKind::Condition, "Specified in the design"),
            node(4, Some(3), NodeKind::Obstacle, "Engineers know only the competitor"),
            commitment,
            node(6, None, NodeKind::Goal, "Enter the coatings business"),
        ];
        let (tree, summary) = build_tree(nodes, keyplan_app::today());
        let doc = keyplan_domain::builtin::builtin_templates().into_iter().find(|d| d.key == "one_page_constraint").unwrap();
        PlanBundle {
            plan: keyplan_store::Plan {
                id: plan_id,
                org_id: OrgId::new(1),
                account_id: AccountId::new(1),
                title: "Globex plan 2027".into(),
                template: doc.key.clone(),
                template_version_id: None,
                status: keyplan_domain::plan::PlanStatus::Active,
                period_start: day(2026, 1, 1),
                period_end: day(2027, 12, 31),
                version: 0,
                created_by: None,
                created_at: now,
                updated_at: now,
                updated_by: None,
            },
            account: keyplan_store::Account {
                id: AccountId::new(1),
                org_id: OrgId::new(1),
                name: "Globex Chemicals".into(),
                industry: Some("Chemicals".into()),
                region: None,
                parent_id: None,
                crm_id: None,
                current_revenue: Some(1_200_000.0),
                total_spend: Some(4_000_000.0),
                potential: None,
                growth_trend: None,
                owner_id: None,
                version: 0,
                created_at: now,
                updated_at: now,
                updated_by: None,
            },
            access: keyplan_domain::permissions::AccountAccess { owner_id: None, team: Vec::new() },
            tree,
            summary,
            users: Vec::new(),
            contacts: Vec::new(),
            team: Vec::new(),
            can_edit: false,
            doc,
            template_version: 1,
            sections: Vec::new(),
            items: Vec::new(),
            links: Vec::new(),
            settings: keyplan_store::OrgSettings { value_discipline: None, value_statement: None, version: 0, currency: "EUR".into() },
            whitespace: None,
            kpis: vec![keyplan_store::Kpi {
                id: KpiId::new(1),
                plan_id,
                goal_id: Some(NodeId::new(1)),
                name: "Share of wallet".into(),
                unit: Some("%".into()),
                baseline: Some(10.0),
                target: Some(30.0),
                target_date: Some(day(2027, 12, 31)),
                period: keyplan_domain::kpi::Period::Quarter,
                position: 0,
                version: 0,
                updated_at: now,
                updated_by: None,
            }],
            kpi_actuals: vec![keyplan_store::KpiActual {
                id: KpiActualId::new(1),
                kpi_id: KpiId::new(1),
                period_start: day(2026, 1, 1),
                value: 15.5,
                note: None,
                recorded_by: None,
                recorded_at: now,
                version: 0,
            }],
            review_marks: Vec::new(),
            audience: Audience::Team,
        }
    }

    /// The first row of a sheet, as text.
    fn header_of(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<String> {
        let range = book.worksheet_range(sheet).unwrap();
        range.rows().next().unwrap().iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_workbook_speaks_english_and_german() {
        let b = bundle();
        let mut en: Xlsx<_> = Xlsx::new(Cursor::new(workbook(&b).unwrap())).unwrap();
        assert_eq!(en.sheet_names(), ["Overview", "From goal to commitments", "Commitments and owners", "KPI scorecard", "Open gaps"]);
        assert_eq!(header_of(&mut en, "Commitments and owners"), ["Commitment", "Owner", "Due", "Status", "Done when", "Serves goal"]);

        let de_bytes = workbook_in(&b, Tr::new(Lang::De)).unwrap();
        let mut de: Xlsx<_> = Xlsx::new(Cursor::new(de_bytes)).unwrap();
        let names = de.sheet_names();
        assert_eq!(names, ["Überblick", "Vom Ziel zu den Zusagen", "Zusagen und Verantwortliche", "Kennzahlen", "Offene Lücken"]);
        assert!(names.iter().all(|n| n.encode_utf16().count() <= MAX_SHEET_NAME), "{names:?}");

        let tree = header_of(&mut de, &names[1]);
        assert_eq!(&tree[..7], ["Ebene", "Element", "Titel", "Fällig", "Status", "Zustand", "Erledigt, wenn"]);
        let actions = header_of(&mut de, &names[2]);
        assert_eq!(actions, ["Zusage", "Verantwortlich", "Fällig", "Status", "Erledigt, wenn", "Dient dem Ziel"]);
        let kpis = header_of(&mut de, "Kennzahlen");
        assert_eq!(&kpis[..3], ["Messgröße", "Typ", "Einheit"]);
        assert!(kpis.contains(&"Q1 2026".to_string()), "{kpis:?}");

        let overview = de.worksheet_range("Überblick").unwrap();
        let value = |label: &str| {
            let row = overview.rows().find(|r| r[0] == Data::String(label.into())).unwrap_or_else(|| panic!("no row {label}"));
            row[1].clone()
        };
        assert_eq!(value("Titel"), Data::String("Globex plan 2027".into()));
        assert_eq!(value("Status"), Data::String("Aktiv".into()));
        assert_eq!(value("Zielgruppe"), Data::String("Team".into()));
        assert_eq!(value("Unser Umsatz (EUR)"), Data::Float(1_200_000.0));
        assert_eq!(value("Lieferanteil"), Data::Float(0.3));
        assert!(matches!(value("Zeitraum von"), Data::DateTime(_)), "a date stays a date");

        // Labels and states in German: the tree's elements, health and an overdue commitment.
        let tree = de.worksheet_range(&names[1]).unwrap();
        let cells: Vec<String> = tree.used_cells().map(|(_, _, c)| c.to_string()).collect();
        for german in ["Account-Umsatzziel", "Erfolgsfaktor", "Voraussetzung", "Hindernis", "Zusage", "In Arbeit · überfällig"] {
            assert!(cells.iter().any(|c| c == german), "{german} missing in {cells:?}");
        }

        // No English header or label is left anywhere in the German workbook.
        let mut all = Vec::new();
        for name in &names {
            all.extend(de.worksheet_range(name).unwrap().used_cells().map(|(_, _, c)| c.to_string()));
        }
        let english = [
            "Overview",
            "Title",
            "Account owner",
            "Period from",
            "Audience",
            "As of",
            "Length",
            "Goals",
            "Critical success factors",
            "Obstacles overcome",
            "Commitments accepted",
            "Level",
            "Health",
            "Done when",
            "Owner",
            "Due",
            "Commitment",
            "Serves goal",
            "Measure",
            "Type",
            "Unit",
            "Baseline",
            "Target",
            "Target date",
            "Latest",
            "Latest period",
            "Progress",
            "Judgement",
            "Open gap in the story",
            "Goal without commitment: Enter the coatings business",
            "Account sales goal",
            "In progress · overdue",
            "Active",
            "On track",
            "Behind",
            "KPI scorecard",
        ];
        let left: Vec<_> = english.iter().filter(|e| all.iter().any(|c| c == *e)).collect();
        assert!(left.is_empty(), "English left in the German workbook: {left:?}");
    }

    #[test]
    fn clip_counts_utf16_units() {
        assert_eq!(clip("äöü", 2), "äö");
        assert_eq!(clip("a😀b", 2), "a");
        assert_eq!(header_text("R&D"), "R&&D");
    }
}
