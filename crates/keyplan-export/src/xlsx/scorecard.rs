//! The KAM scorecard as a workbook (`/users/{id}/scorecard.xlsx`): one sheet
//! of figures (a label and a number cell per row) and one sheet of the plans
//! counted, with their latest rated quality and goal progress. Counts and
//! hours are number cells, shares percentage cells, text is never a formula.

use keyplan_app::scorecard::Scorecard;
use keyplan_i18n::Tr;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use super::write::{Styles, header_text, write_table};
use super::{Cell, Col, Sheet};

/// The scorecard as the bytes of an `.xlsx` file, labelled in `t`'s language.
pub fn scorecard_workbook(s: &Scorecard, t: Tr) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new(t);
    let mut wb = Workbook::new();
    let title = format!("{} · {}", t.s("scorecard-title"), s.name);
    wb.set_properties(&DocProperties::new().set_title(&title));
    let period = format!("{} – {}", t.date(s.from), t.date(s.to));
    let header = format!("&L{}&R{}", header_text(&title), header_text(&period));
    write_table(&mut wb, &st, t.s("scorecard-sheet-figures"), figures(s, t), header.clone(), &title)?;
    write_table(&mut wb, &st, t.s("scorecard-sheet-plans"), plans(s, t), header, &title)?;
    wb.save_to_buffer()
}

/// The figures in the order of the page, each under its section's name.
pub fn figure_rows(s: &Scorecard) -> Vec<(&'static str, &'static str, Option<f64>, bool)> {
    let n = |v: u32| Some(f64::from(v));
    let (p, r, o, a, g) = (&s.plans, &s.reviews, &s.commitments_owned, &s.commitments_asked, &s.goals);
    vec![
        ("scorecard-plans", "scorecard-plans-held", n(p.held), false),
        ("scorecard-plans", "scorecard-plans-ratings", n(p.ratings), false),
        ("scorecard-plans", "scorecard-plans-quality", p.average_quality, true),
        ("scorecard-plans", "scorecard-plans-score", p.average_score, false),
        ("scorecard-reviews", "scorecard-due", n(r.due), false),
        ("scorecard-reviews", "scorecard-on-time", n(r.on_time), false),
        ("scorecard-reviews", "scorecard-late", n(r.late), false),
        ("scorecard-reviews", "scorecard-overdue", n(r.overdue), false),
        ("scorecard-reviews", "scorecard-upcoming", n(r.upcoming), false),
        ("scorecard-owned", "scorecard-due", n(o.due), false),
        ("scorecard-owned", "scorecard-on-time", n(o.on_time), false),
        ("scorecard-owned", "scorecard-late", n(o.late), false),
        ("scorecard-owned", "scorecard-missed", n(o.missed), false),
        ("scorecard-owned", "scorecard-done-undated", n(o.done_undated), false),
        ("scorecard-owned", "scorecard-open", n(o.open), false),
        ("scorecard-asked", "scorecard-asked-count", n(a.asked), false),
        ("scorecard-asked", "scorecard-accepted", n(a.accepted), false),
        ("scorecard-asked", "scorecard-declined", n(a.declined), false),
        ("scorecard-asked", "scorecard-pending", n(a.pending), false),
        ("scorecard-asked", "scorecard-median-hours", a.median_hours_to_accept, false),
        ("scorecard-asked", "scorecard-average-hours", a.average_hours_to_accept, false),
        ("scorecard-goals", "scorecard-plans-measured", n(g.plans_measured), false),
        ("scorecard-goals", "scorecard-goal-progress", g.average_progress, true),
    ]
}

fn figures(s: &Scorecard, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("scorecard-col-section"), 30.0),
        Col::new(t.s("scorecard-col-figure"), 40.0),
        Col::new(t.s("scorecard-col-value"), 14.0),
    ]);
    for (section, label, value, share) in figure_rows(s) {
        let v = value.map(|x| (x * 100.0).round() / 100.0);
        sheet.rows.push(vec![Cell::Label(t.s(section)), Cell::Text(t.s(label)), if share { Cell::Pct(v) } else { Cell::Num(v) }]);
    }
    sheet
}

fn plans(s: &Scorecard, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("scorecard-col-account"), 28.0),
        Col::new(t.s("scorecard-col-plan"), 32.0),
        Col::new(t.s("scorecard-col-quality"), 14.0),
        Col::new(t.s("scorecard-col-progress"), 14.0),
    ]);
    for p in &s.plan_rows {
        sheet.rows.push(vec![
            Cell::Label(p.account.clone()),
            Cell::Text(p.title.clone()),
            Cell::Pct(p.quality),
            Cell::Pct(p.goal_progress),
        ]);
    }
    sheet
}
