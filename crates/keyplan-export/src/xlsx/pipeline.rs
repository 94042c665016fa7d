//! The pipeline behind each money goal: gap, open and weighted pipeline, won,
//! coverage, and the linked opportunities under each goal (overdue ones flagged).

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::opportunity::{OppStatus, is_overdue};
use keyplan_i18n::Tr;

use super::{Cell, Col, Sheet, Tone};

pub(super) fn pipeline_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::wrap(t.s("export-goal"), 44.0),
        Col::new(t.s("opp-col-status"), 14.0),
        Col::new(t.s("opp-col-close"), 13.0).optional(),
        Col::new(t.s("opp-field-currency"), 10.0),
        Col::new(t.s("cov-col-gap"), 14.0),
        Col::new(t.s("cov-col-open"), 14.0),
        Col::new(t.s("cov-col-weighted"), 14.0),
        Col::new(t.s("cov-col-won"), 14.0),
        Col::new(t.s("cov-col-coverage"), 12.0),
    ]);
    sheet.filter = false;
    let today = keyplan_app::today();
    let goals = b.goals();
    let nodes: Vec<_> = goals.iter().map(|g| (*g).clone()).collect();
    let coverage = keyplan_app::opportunities::coverage_of(&nodes, &b.opportunities, today);
    for g in &goals {
        let Some(c) = coverage.get(&g.id) else { continue };
        sheet.rows.push(vec![
            Cell::Label(g.title.clone()),
            Cell::Empty,
            Cell::Empty,
            Cell::Text(c.currency.clone()),
            Cell::Num(Some(c.gap)),
            Cell::Num(Some(c.open)),
            Cell::Num(Some(c.weighted)),
            Cell::Num(Some(c.won)),
            Cell::Pct(c.ratio),
        ]);
        for o in b.opportunities.iter().filter(|o| o.goal_id == Some(g.id)) {
            let overdue = is_overdue(o.status, o.close_date, today);
            let mut status = t.enum_label("opp-status", o.status.as_str());
            if overdue {
                status = format!("{status} · {}", t.s("opp-overdue"));
            }
            let tone = if overdue { Some(Tone::Danger) } else { None };
            let same = o.currency.eq_ignore_ascii_case(&c.currency);
            let amount = o.amount.filter(|_| same);
            let open = amount.filter(|_| o.status == OppStatus::Open);
            sheet.rows.push(vec![
                Cell::Indented(o.name.clone(), 1),
                Cell::Toned(status, tone),
                Cell::Date(o.close_date),
                Cell::Text(o.currency.clone()),
                Cell::Empty,
                Cell::Num(open),
                Cell::Num(open.map(|a| a * f64::from(o.probability.unwrap_or(0)) / 100.0)),
                Cell::Num(amount.filter(|_| o.status == OppStatus::Won)),
                Cell::Empty,
            ]);
        }
    }
    sheet
}
