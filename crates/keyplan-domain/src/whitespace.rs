//! The whitespace matrix: the company's offerings against the account's business
//! units. Each cell says whether we sell there, are selling, could sell, or
//! whether it does not apply, with a value.

use serde::{Deserialize, Serialize};

use crate::validate::{self, FieldError, Validation};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellStatus {
    Sold,
    InProgress,
    Opportunity,
    NotRelevant,
}

impl CellStatus {
    pub const ALL: [CellStatus; 4] = [CellStatus::Sold, CellStatus::InProgress, CellStatus::Opportunity, CellStatus::NotRelevant];
    pub fn as_str(self) -> &'static str {
        match self {
            CellStatus::Sold => "sold",
            CellStatus::InProgress => "in_progress",
            CellStatus::Opportunity => "opportunity",
            CellStatus::NotRelevant => "not_relevant",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            CellStatus::Sold => "Sold",
            CellStatus::InProgress => "In progress",
            CellStatus::Opportunity => "Opportunity",
            CellStatus::NotRelevant => "Not relevant",
        }
    }
    /// Whether the cell's value is still to be won.
    pub fn is_open(self) -> bool {
        matches!(self, CellStatus::InProgress | CellStatus::Opportunity)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellData {
    pub status: CellStatus,
    pub value: Option<f64>,
    pub note: Option<String>,
}

/// A cell as typed. An empty status clears the cell.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CellInput {
    pub status: String,
    pub value: String,
    pub note: String,
}

impl CellInput {
    /// `None`: the cell is cleared (no status chosen).
    pub fn validate(&self) -> Result<Option<CellData>, Vec<FieldError>> {
        let mut v = Validation::new();
        let status = match self.status.trim() {
            "" => None,
            s => {
                let st = CellStatus::parse(s);
                if st.is_none() {
                    v.push("status", crate::Message::new("err-cell-status"));
                }
                st
            }
        };
        let value = v.check(validate::optional_amount("value", Some(&self.value))).flatten();
        let note = v.check(validate::optional("note", Some(&self.note), 500)).flatten();
        v.finish(|| status.map(|status| CellData { status, value, note }))
    }
}

/// The name of an offering or a business unit.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct NameInput {
    pub name: String,
    pub description: String,
}

impl NameInput {
    pub fn validate(&self) -> Result<(String, Option<String>), Vec<FieldError>> {
        let mut v = Validation::new();
        let name = v.check(validate::required("name", &self.name, 120));
        let description = v.check(validate::optional("description", Some(&self.description), 500)).flatten();
        v.finish(|| (name.unwrap_or_default(), description))
    }
}

/// Sums over a matrix: what we sell today and what is still open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub current: f64,
    pub open: f64,
    pub sold_cells: u32,
    pub open_cells: u32,
    pub empty_cells: u32,
}

/// `cells`: the status and value of every filled cell; `size`: rows x columns.
pub fn totals(cells: impl IntoIterator<Item = (CellStatus, Option<f64>)>, size: usize) -> Totals {
    let mut t = Totals::default();
    let mut filled = 0usize;
    for (status, value) in cells {
        filled += 1;
        let value = value.unwrap_or(0.0);
        match status {
            CellStatus::Sold => {
                t.current += value;
                t.sold_cells += 1;
            }
            s if s.is_open() => {
                t.open += value;
                t.open_cells += 1;
            }
            _ => {}
        }
    }
    t.empty_cells = size.saturating_sub(filled) as u32;
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_split_current_from_open_potential() {
        let t = totals(
            [
                (CellStatus::Sold, Some(100.0)),
                (CellStatus::Sold, None),
                (CellStatus::InProgress, Some(40.0)),
                (CellStatus::Opportunity, Some(60.0)),
                (CellStatus::NotRelevant, Some(999.0)),
            ],
            9,
        );
        assert_eq!((t.current, t.open), (100.0, 100.0));
        assert_eq!((t.sold_cells, t.open_cells, t.empty_cells), (2, 2, 4));
    }

    #[test]
    fn cell_input_clears_or_validates() {
        assert_eq!(CellInput::default().validate().unwrap(), None);
        let c = CellInput { status: "opportunity".into(), value: "250000".into(), note: String::new() }.validate().unwrap().unwrap();
        assert_eq!((c.status, c.value), (CellStatus::Opportunity, Some(250000.0)));
        let e = CellInput { status: "maybe".into(), value: "-5".into(), note: String::new() }.validate().unwrap_err();
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["status", "value"]);
    }

    #[test]
    fn names_are_required_and_descriptions_optional() {
        let ok = NameInput { name: "  Sensors ".into(), description: String::new() }.validate().unwrap();
        assert_eq!(ok, ("Sensors".to_string(), None));
        let e = NameInput { name: " ".into(), description: "x".repeat(501) }.validate().unwrap_err();
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "description"]);
    }
}
