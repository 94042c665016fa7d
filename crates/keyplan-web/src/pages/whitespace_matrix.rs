//! The whitespace matrix as pages show it: a read-only table (offerings x business
//! units) with row and column totals, rendered by the macros in
//! `templates/whitespace_matrix.html`. The account's whitespace page makes its
//! cells links to their edit form; a plan section shows it as it is:
//!
//! ```text
//! // Rust: fields of the page struct
//! matrix: whitespace_view_in(&store.whitespace(org, account).await?, &currency, chrome.t),
//! // template
//! {% import "whitespace_matrix.html" as wsm %}
//! {% call wsm::summary(matrix) %}{% endcall %}
//! {% call wsm::matrix(matrix) %}{% endcall %}
//! ```
//!
//! Every filled cell has the element id `ws-cell-{CellId}` (see [`cell_anchor`]),
//! so goal links can point at it. Labels and money follow the page's language.

use keyplan_domain::CellId;
use keyplan_domain::whitespace::{CellStatus, Totals};
use keyplan_store::{Cell, Whitespace};

use keyplan_i18n::Tr;

/// The matrix, ready for the template.
pub struct WhitespaceView {
    pub units: Vec<UnitColumn>,
    pub rows: Vec<MatrixRow>,
    pub totals: Totals,
    /// Sold, as money.
    pub current: String,
    /// In progress plus opportunity, as money.
    pub open: String,
    /// Number of cells (rows x columns).
    pub size: usize,
    /// Shares of current and open money in their sum, in whole percent (for the bar).
    pub current_pct: u32,
    pub open_pct: u32,
    /// Every filled cell with its label, e.g. "Sensors × Powertrain: Opportunity, €250k".
    pub cells: Vec<(CellId, String)>,
    /// Set by the whitespace page: cells link to `{edit_base}?cell=OFFERING-UNIT`.
    pub edit_base: Option<String>,
}

impl WhitespaceView {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() || self.units.is_empty()
    }

    /// Cells link to their edit form on `base` (the account's whitespace page);
    /// `selected` (`"OFFERING-UNIT"`) is outlined.
    pub fn editable(mut self, base: impl Into<String>, selected: Option<&str>) -> Self {
        self.edit_base = Some(base.into());
        for row in &mut self.rows {
            for cell in &mut row.cells {
                cell.selected = selected == Some(cell.key.as_str());
            }
        }
        self
    }
}

/// A column: one business unit with its totals.
pub struct UnitColumn {
    pub id: i64,
    pub name: String,
    pub sums: Sums,
}

/// A row: one offering with its cells and totals.
pub struct MatrixRow {
    pub offering_id: i64,
    pub name: String,
    pub description: String,
    pub retired: bool,
    pub cells: Vec<MatrixCell>,
    pub sums: Sums,
}

/// Current and open money of a row or column, formatted ("" when nothing).
pub struct Sums {
    pub current: String,
    pub open: String,
}

impl Sums {
    fn of(totals: &Totals, currency: &str, t: Tr) -> Self {
        let money = |n: f64, cells: u32| if cells > 0 { t.money(Some(n), currency) } else { String::new() };
        Sums { current: money(totals.current, totals.sold_cells), open: money(totals.open, totals.open_cells) }
    }
    pub fn is_empty(&self) -> bool {
        self.current.is_empty() && self.open.is_empty()
    }
}

pub struct MatrixCell {
    /// `"OFFERING-UNIT"`, as in the edit link.
    pub key: String,
    /// 0 when the cell is empty.
    pub cell_id: i64,
    /// `sold`, `in_progress`, `opportunity`, `not_relevant` or `empty`.
    pub status: &'static str,
    pub status_label: String,
    /// The value as money ("" when none).
    pub value: String,
    pub note: String,
    /// What the cell says, for screen readers and tooltips.
    pub label: String,
    /// Whether the edit link makes sense (no new cells on retired offerings).
    pub can_fill: bool,
    pub selected: bool,
}

/// The element id of a filled cell in the rendered matrix.
pub fn cell_anchor(id: CellId) -> String {
    format!("ws-cell-{id}")
}

fn label(offering: &str, unit: &str, cell: Option<&Cell>, currency: &str, t: Tr) -> String {
    let status = match cell {
        None => t.s("ws-cell-empty"),
        Some(c) => match c.value {
            Some(v) => format!("{}, {}", status_label(c.status(), t), t.money(Some(v), currency)),
            None => status_label(c.status(), t),
        },
    };
    t.s3("ws-cell-label", "offering", offering, "unit", unit, "status", status)
}

/// A cell status in the page's language: `ws-status-<code>`.
pub fn status_label(s: CellStatus, t: Tr) -> String {
    t.enum_label("ws-status", s.as_str())
}

/// The matrix of `ws` with money in `currency` (the organisation's), in the
/// language of `t`.
pub fn whitespace_view_in(ws: &Whitespace, currency: &str, t: Tr) -> WhitespaceView {
    let units = ws
        .units
        .iter()
        .map(|u| UnitColumn { id: u.id.get(), name: u.name.clone(), sums: Sums::of(&ws.unit_totals(u.id), currency, t) })
        .collect();
    let rows = ws
        .offerings
        .iter()
        .map(|o| MatrixRow {
            offering_id: o.id.get(),
            name: o.name.clone(),
            description: o.description.clone().unwrap_or_default(),
            retired: o.retired,
            cells: ws
                .units
                .iter()
                .map(|u| {
                    let cell = ws.cell(o.id, u.id);
                    let status = cell.map(Cell::status);
                    MatrixCell {
                        key: format!("{}-{}", o.id, u.id),
                        cell_id: cell.map_or(0, |c| c.id.get()),
                        status: status.map_or("empty", CellStatus::as_str),
                        status_label: status.map(|s| status_label(s, t)).unwrap_or_default(),
                        value: cell.and_then(|c| c.value).map(|v| t.money(Some(v), currency)).unwrap_or_default(),
                        note: cell.and_then(|c| c.note.clone()).unwrap_or_default(),
                        label: label(&o.name, &u.name, cell, currency, t),
                        can_fill: cell.is_some() || !o.retired,
                        selected: false,
                    }
                })
                .collect(),
            sums: Sums::of(&ws.offering_totals(o.id), currency, t),
        })
        .collect();
    let totals = ws.totals();
    let sum = totals.current + totals.open;
    let current_pct = if sum > 0.0 { (totals.current / sum * 100.0).round() as u32 } else { 0 };
    WhitespaceView {
        units,
        rows,
        totals,
        current: t.money(Some(totals.current), currency),
        open: t.money(Some(totals.open), currency),
        size: ws.offerings.len() * ws.units.len(),
        current_pct,
        open_pct: if sum > 0.0 { 100 - current_pct } else { 0 },
        cells: cell_labels_in(ws, currency, t),
        edit_base: None,
    }
}

/// Every filled cell on the matrix with what it says, in matrix order (row by
/// row), e.g. `(CellId(7), "Sensors × Powertrain: Opportunity, €250k")`.
pub fn cell_labels_in(ws: &Whitespace, currency: &str, t: Tr) -> Vec<(CellId, String)> {
    ws.offerings
        .iter()
        .flat_map(|o| {
            ws.units.iter().filter_map(move |u| ws.cell(o.id, u.id).map(|c| (c.id, label(&o.name, &u.name, Some(c), currency, t))))
        })
        .collect()
}

/// The statuses as the legend and the edit form list them.
pub fn statuses(t: Tr) -> Vec<(&'static str, String)> {
    CellStatus::ALL.iter().map(|s| (s.as_str(), status_label(*s, t))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyplan_domain::{AccountId, BusinessUnitId, OfferingId, OrgId};
    use keyplan_store::{BusinessUnit, Offering};
    use time::OffsetDateTime;

    fn offering(id: i64, name: &str, retired: bool) -> Offering {
        let now = OffsetDateTime::UNIX_EPOCH;
        Offering {
            id: OfferingId::new(id),
            org_id: OrgId::new(1),
            name: name.into(),
            description: None,
            position: id as i32,
            retired,
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }

    fn unit(id: i64, name: &str) -> BusinessUnit {
        let now = OffsetDateTime::UNIX_EPOCH;
        BusinessUnit {
            id: BusinessUnitId::new(id),
            org_id: OrgId::new(1),
            account_id: AccountId::new(1),
            name: name.into(),
            position: id as i32,
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }

    fn cell(id: i64, o: i64, u: i64, status: CellStatus, value: Option<f64>) -> Cell {
        Cell {
            id: CellId::new(id),
            org_id: OrgId::new(1),
            account_id: AccountId::new(1),
            offering_id: OfferingId::new(o),
            business_unit_id: BusinessUnitId::new(u),
            status,
            value,
            note: None,
            version: 1,
            updated_at: OffsetDateTime::UNIX_EPOCH,
            updated_by: None,
        }
    }

    fn sample() -> Whitespace {
        Whitespace {
            offerings: vec![offering(1, "Sensors", false), offering(2, "Valves", false), offering(3, "Gauges", true)],
            units: vec![unit(10, "Powertrain"), unit(11, "Chassis")],
            cells: vec![
                cell(100, 1, 10, CellStatus::Sold, Some(400_000.0)),
                cell(101, 1, 11, CellStatus::Opportunity, Some(250_000.0)),
                cell(102, 2, 10, CellStatus::NotRelevant, None),
                cell(103, 3, 11, CellStatus::InProgress, Some(50_000.0)),
            ],
        }
    }

    #[test]
    fn labels_name_offering_unit_status_and_value() {
        let labels = cell_labels_in(&sample(), "EUR", Tr::default());
        assert_eq!(
            labels,
            [
                (CellId::new(100), "Sensors × Powertrain: Sold, €400k".to_string()),
                (CellId::new(101), "Sensors × Chassis: Opportunity, €250k".to_string()),
                (CellId::new(102), "Valves × Powertrain: Not relevant".to_string()),
                (CellId::new(103), "Gauges × Chassis: In progress, €50k".to_string()),
            ]
        );
    }

    #[test]
    fn view_has_rows_columns_and_totals() {
        let v = whitespace_view_in(&sample(), "EUR", Tr::default()).editable("/accounts/1/whitespace", Some("2-11"));
        assert_eq!((v.current.as_str(), v.open.as_str(), v.size, v.totals.empty_cells), ("€400k", "€300k", 6, 2));
        assert_eq!(v.rows.len(), 3);
        let sensors = &v.rows[0];
        assert_eq!((sensors.sums.current.as_str(), sensors.sums.open.as_str()), ("€400k", "€250k"));
        assert_eq!(sensors.cells[1].status, "opportunity");
        assert_eq!(sensors.cells[1].cell_id, 101);
        let valves = &v.rows[1];
        assert!(valves.sums.is_empty(), "not relevant counts for nothing");
        assert!(valves.cells[1].selected && valves.cells[1].status == "empty" && valves.cells[1].cell_id == 0);
        assert!(!v.rows[2].cells[0].can_fill, "no new cells on a retired offering");
        assert!(v.rows[2].cells[1].can_fill, "its existing cells stay editable");
        assert_eq!(v.units[1].sums.open, "€300k");
        assert_eq!(cell_anchor(CellId::new(7)), "ws-cell-7");
    }

    #[test]
    fn german_labels_and_money() {
        let de = Tr::new(keyplan_domain::Lang::De);
        let labels = cell_labels_in(&sample(), "EUR", de);
        assert_eq!(labels[0].1, "Sensors × Powertrain: verkauft, 400\u{a0}Tsd.\u{a0}€");
        assert_eq!(labels[2].1, "Valves × Powertrain: nicht relevant");
        let v = whitespace_view_in(&sample(), "EUR", de);
        assert_eq!(v.rows[0].cells[1].status_label, "Chance");
        assert_eq!(statuses(de).iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(), ["verkauft", "in Arbeit", "Chance", "nicht relevant"]);
    }
}
