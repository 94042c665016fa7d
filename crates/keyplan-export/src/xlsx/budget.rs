//! The budget basis of a fiscal year as a workbook (`/api/v1/budget-basis.xlsx`):
//! one row per planned account, one row per money goal, then the totals per
//! KAM, region and industry. Figures are number cells, dates date cells, and
//! every text a string cell (never a formula).

use keyplan_app::budget::BudgetBasis;
use keyplan_domain::budget::Total;
use keyplan_i18n::Tr;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use super::write::{Styles, header_text, write_table};
use super::{Cell, Col, Sheet};

/// The budget basis as the bytes of an `.xlsx` file, labelled in `t`'s language.
pub fn budget_workbook(b: &BudgetBasis, t: Tr) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new(t);
    let mut wb = Workbook::new();
    let title = format!("{} {}", t.s("budget-title"), b.year);
    wb.set_properties(&DocProperties::new().set_title(&title));
    let header = format!("&L{}&R{}", header_text(&title), header_text(&b.currency));
    write_table(&mut wb, &st, t.s("budget-sheet-accounts"), accounts(b, t), header.clone(), &title)?;
    write_table(&mut wb, &st, t.s("budget-sheet-goals"), goals(b, t), header.clone(), &title)?;
    write_table(&mut wb, &st, t.s("budget-sheet-kam"), totals(&b.totals.by_kam, &b.totals.all, t), header.clone(), &title)?;
    write_table(&mut wb, &st, t.s("budget-sheet-region"), totals(&b.totals.by_region, &b.totals.all, t), header.clone(), &title)?;
    write_table(&mut wb, &st, t.s("budget-sheet-industry"), totals(&b.totals.by_industry, &b.totals.all, t), header, &title)?;
    wb.save_to_buffer()
}

fn money(header: String) -> Col {
    Col::new(header, 16.0)
}

fn accounts(b: &BudgetBasis, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("budget-col-account"), 28.0),
        Col::new(t.s("budget-col-kam"), 22.0),
        Col::new(t.s("budget-col-region"), 14.0),
        Col::new(t.s("budget-col-industry"), 16.0),
        money(t.s("budget-col-revenue")),
        money(t.s("budget-col-potential")),
        Col::new(t.s("budget-col-goals"), 10.0),
        money(t.s("budget-col-baseline")),
        money(t.s("budget-col-target")),
        money(t.s("budget-col-whitespace")),
        money(t.s("budget-col-pipeline")),
        Col::new(t.s("budget-col-rating"), 10.0),
        Col::new(t.s("budget-col-rating-label"), 14.0),
    ]);
    for r in &b.accounts {
        let own: Vec<_> = r.goals.iter().filter(|g| g.currency.eq_ignore_ascii_case(&b.currency)).collect();
        let sum = |f: fn(&keyplan_domain::budget::MoneyGoal) -> Option<f64>| {
            (!own.is_empty()).then(|| own.iter().map(|g| f(g).unwrap_or(0.0)).sum::<f64>())
        };
        sheet.rows.push(vec![
            Cell::Label(r.account.name.clone()),
            Cell::text(r.kam.as_ref().map(|k| k.name.as_str())),
            Cell::text(r.region.as_deref()),
            Cell::text(r.industry.as_deref()),
            Cell::Num(r.current_revenue),
            Cell::Num(r.potential),
            Cell::Num(Some(r.goals.len() as f64)),
            Cell::Num(sum(|g| g.baseline)),
            Cell::Num(sum(|g| g.target)),
            Cell::Num(Some(r.whitespace_potential)),
            Cell::Num(Some(r.weighted_pipeline)),
            Cell::Num(r.rating.as_ref().map(|g| f64::from(g.score))),
            Cell::text(r.rating.as_ref().map(|g| g.label.as_str())),
        ]);
    }
    sheet
}

fn goals(b: &BudgetBasis, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("budget-col-account"), 26.0),
        Col::wrap(t.s("budget-col-plan"), 30.0),
        Col::wrap(t.s("budget-col-goal"), 36.0),
        Col::new(t.s("budget-col-currency"), 10.0),
        money(t.s("budget-col-baseline")),
        money(t.s("budget-col-target")),
        Col::new(t.s("budget-col-date"), 14.0),
    ]);
    for r in &b.accounts {
        for g in &r.goals {
            sheet.rows.push(vec![
                Cell::Label(r.account.name.clone()),
                Cell::Text(g.plan_title.clone()),
                Cell::Text(g.title.clone()),
                Cell::Text(g.currency.clone()),
                Cell::Num(g.baseline),
                Cell::Num(g.target),
                Cell::Date(g.target_date),
            ]);
        }
    }
    sheet
}

fn totals(groups: &[Total], all: &Total, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("budget-col-group"), 26.0),
        Col::new(t.s("budget-col-accounts"), 10.0),
        money(t.s("budget-col-revenue")),
        money(t.s("budget-col-potential")),
        money(t.s("budget-col-baseline")),
        money(t.s("budget-col-target")),
        money(t.s("budget-col-whitespace")),
        money(t.s("budget-col-pipeline")),
    ]);
    sheet.filter = false;
    let unassigned = t.s("budget-unassigned");
    let total_label = t.s("budget-total");
    for (label, g) in groups.iter().map(|g| (g.key.clone().unwrap_or_else(|| unassigned.clone()), g)).chain([(total_label, all)]) {
        sheet.rows.push(vec![
            Cell::Label(label),
            Cell::Num(Some(f64::from(g.accounts))),
            Cell::Num(Some(g.current_revenue)),
            Cell::Num(Some(g.potential)),
            Cell::Num(Some(g.goal_baseline)),
            Cell::Num(Some(g.goal_target)),
            Cell::Num(Some(g.whitespace_potential)),
            Cell::Num(Some(g.weighted_pipeline)),
        ]);
    }
    sheet
}
