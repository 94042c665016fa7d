//! The account portfolio as a workbook: one sheet with every placed account
//! (figures as numbers, the share as a percentage, quadrant, plan state, the
//! coach's mark and the marks), one with the accounts lacking figures.

use keyplan_app::portfolio::Portfolio;
use keyplan_i18n::Tr;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use super::write::{Styles, header_text, write_table};
use super::{Cell, Col, Sheet};

/// The workbook of `p` in `t`'s language; `subtitle` (the filters) goes into
/// the printed header.
pub fn portfolio_workbook(p: &Portfolio, subtitle: &str, t: Tr) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new(t);
    let mut wb = Workbook::new();
    let title = t.s("portfolio-title");
    wb.set_properties(&DocProperties::new().set_title(&title).set_subject(subtitle));
    let header = format!("&L{}&R{}", header_text(&title), header_text(subtitle));
    let money = |id: &str| Col::new(format!("{} ({})", t.s(id), p.currency), 14.0);
    let mut sheet = Sheet::new(vec![
        Col::wrap(t.s("portfolio-col-account"), 30.0),
        Col::new(t.s("portfolio-col-kam"), 20.0),
        Col::new(t.s("portfolio-col-region"), 14.0).optional(),
        Col::new(t.s("portfolio-col-industry"), 16.0).optional(),
        money("portfolio-col-revenue"),
        money("portfolio-col-spend"),
        money("portfolio-col-potential"),
        Col::new(t.s("portfolio-col-share"), 11.0),
        money("portfolio-col-growth"),
        Col::new(t.s("portfolio-col-quadrant"), 13.0),
        Col::new(t.s("portfolio-col-state"), 20.0),
        Col::new(t.s("portfolio-col-coach"), 8.0).optional(),
        Col::new(t.s("portfolio-col-score"), 11.0).optional(),
        Col::new(t.s("portfolio-candidate"), 14.0),
        Col::wrap(t.s("portfolio-reconsider"), 34.0),
    ]);
    for e in &p.entries {
        let a = &e.account;
        let reasons: Vec<String> = e.reconsider.iter().map(|r| t.enum_label("portfolio-reason", reason_code(*r))).collect();
        sheet.rows.push(vec![
            Cell::Text(a.name.clone()),
            Cell::text(a.owner_name.as_deref()),
            Cell::text(a.region.as_deref()),
            Cell::text(a.industry.as_deref()),
            Cell::Num(a.current_revenue),
            Cell::Num(a.total_spend),
            Cell::Num(a.potential),
            Cell::Pct(Some(e.point.share)),
            Cell::Num(Some(e.point.growth)),
            Cell::Text(t.enum_label("portfolio-quadrant", e.quadrant.as_str())),
            Cell::Text(t.enum_label("portfolio-state", a.plan_state.as_str())),
            Cell::Num(a.coach_level.map(f64::from)),
            Cell::Num(a.coach_score),
            if e.candidate { Cell::Text(t.s("portfolio-yes")) } else { Cell::Empty },
            Cell::Text(reasons.join("; ")),
        ]);
    }
    write_table(&mut wb, &st, t.s("portfolio-sheet"), sheet, header.clone(), subtitle)?;
    if !p.missing.is_empty() {
        let mut sheet = Sheet::new(vec![
            Col::wrap(t.s("portfolio-col-account"), 30.0),
            Col::new(t.s("portfolio-col-kam"), 20.0),
            Col::wrap(t.s("portfolio-col-missing"), 40.0),
            money("portfolio-col-revenue"),
            money("portfolio-col-spend"),
            money("portfolio-col-potential"),
        ]);
        for u in &p.missing {
            let a = &u.account;
            let lacks: Vec<String> = u.missing.iter().map(|m| t.enum_label("portfolio-missing", m.as_str())).collect();
            sheet.rows.push(vec![
                Cell::Text(a.name.clone()),
                Cell::text(a.owner_name.as_deref()),
                Cell::Text(lacks.join(", ")),
                Cell::Num(a.current_revenue),
                Cell::Num(a.total_spend),
                Cell::Num(a.potential),
            ]);
        }
        write_table(&mut wb, &st, t.s("portfolio-sheet-missing"), sheet, header, subtitle)?;
    }
    wb.save_to_buffer()
}

/// The code of a reason to reconsider, as the texts `portfolio-reason-*` and the API name it.
pub fn reason_code(r: keyplan_domain::portfolio::Reconsider) -> &'static str {
    match r {
        keyplan_domain::portfolio::Reconsider::ShareAtThreshold => "share_at_threshold",
        keyplan_domain::portfolio::Reconsider::LittleGrowth => "little_growth",
    }
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};
    use keyplan_app::portfolio::build;
    use keyplan_domain::portfolio::PlanState;
    use keyplan_domain::{AccountId, UserId};
    use keyplan_store::PortfolioAccount;
    use std::io::Cursor;

    use super::*;

    fn account(id: i64, name: &str, revenue: Option<f64>) -> PortfolioAccount {
        PortfolioAccount {
            id: AccountId::new(id),
            name: name.into(),
            owner_id: Some(UserId::new(1)),
            owner_name: Some("Kim".into()),
            region: Some("North".into()),
            industry: None,
            current_revenue: revenue,
            total_spend: Some(1000.0),
            potential: Some(900.0),
            plan_state: PlanState::NoPlan,
            plan_id: None,
            coach_level: None,
            coach_score: None,
        }
    }

    #[test]
    fn rows_as_numbers_and_the_missing_apart() {
        let p = build(vec![account(1, "=HYPERLINK(\"x\")", Some(250.0)), account(2, "Contoso", None)], None, 0.6, None, None, "EUR".into());
        let bytes = portfolio_workbook(&p, "All accounts", Tr::default()).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["Portfolio", "Lacking figures"]);
        let sheet = book.worksheet_range("Portfolio").unwrap();
        assert_eq!(sheet.get((0, 0)), Some(&Data::String("Account".into())));
        assert_eq!(sheet.get((1, 0)), Some(&Data::String("=HYPERLINK(\"x\")".into())), "text, never a formula");
        assert_eq!(sheet.get((1, 3)), Some(&Data::Float(250.0)), "revenue as a number (the empty industry column is left out)");
        assert_eq!(sheet.get((1, 6)), Some(&Data::Float(0.25)), "the share as a fraction shown in percent");
        let missing = book.worksheet_range("Lacking figures").unwrap();
        assert_eq!(missing.get((1, 2)), Some(&Data::String("current revenue".into())));
    }
}
