//! The buying centre as a table: one row per contact.

use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;

use super::{Cell, Col, Sheet};

pub(super) fn stakeholder_sheet(b: &PlanBundle, t: Tr) -> Sheet {
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
