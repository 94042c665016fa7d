//! The whitespace matrix as a list: one row per offering and business unit
//! that has a cell.

use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;

use super::{Cell, Col, Sheet};

pub(super) fn whitespace_sheet(b: &PlanBundle, t: Tr) -> Sheet {
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

/// `s` with its first letter upper case, as a cell starts.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
