//! The sheet of a section made of items (analysis, SWOT, value proposition
//! and the other item lists), and an item as one line of text.

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::template::Section;
use keyplan_i18n::Tr;

use super::{Cell, Col, Sheet};

pub(super) fn item_text(item: &keyplan_store::Item, t: Tr) -> String {
    let mut text = item.text.clone();
    if let Some(r) = &item.response {
        text.push_str(&format!(" — {r}"));
    }
    if let Some(src) = &item.source {
        text.push_str(&format!(" ({})", t.s1("export-source", "source", src)));
    }
    text
}

pub(super) fn items_sheet(b: &PlanBundle, sec: &Section, t: Tr) -> Sheet {
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
