//! The typed records of one data row, per kind. Every field is optional: an
//! empty cell, or a column the file does not carry, is `None` and must never
//! blank a stored value.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::account::GrowthTrend;
use crate::crm::error::CellError;

/// An opportunity's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OppStatus {
    Open,
    Won,
    Lost,
}

impl OppStatus {
    pub const ALL: [OppStatus; 3] = [OppStatus::Open, OppStatus::Won, OppStatus::Lost];

    pub fn as_str(self) -> &'static str {
        match self {
            OppStatus::Open => "open",
            OppStatus::Won => "won",
            OppStatus::Lost => "lost",
        }
    }

    /// A status cell as the CRMs write it (English, German, French).
    pub fn parse(s: &str) -> Option<OppStatus> {
        match s.trim().to_lowercase().as_str() {
            "open" | "offen" | "ouvert" | "ouverte" | "in progress" => Some(OppStatus::Open),
            "won" | "gewonnen" | "gagné" | "gagnée" | "closed won" => Some(OppStatus::Won),
            "lost" | "verloren" | "perdu" | "perdue" | "closed lost" => Some(OppStatus::Lost),
            _ => None,
        }
    }

    /// The status a stage name implies: closed stages say won or lost, any
    /// other stage is open.
    pub fn from_stage(stage: &str) -> OppStatus {
        let s: String = stage.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
        if matches!(s.as_str(), "closedwon" | "abgeschlossenundgewonnen" | "gewonnen" | "gagné" | "gagnée" | "won") {
            OppStatus::Won
        } else if matches!(s.as_str(), "closedlost" | "abgeschlossenundverloren" | "verloren" | "perdu" | "perdue" | "lost") {
            OppStatus::Lost
        } else {
            OppStatus::Open
        }
    }
}

/// An account row. `annual_revenue` is the customer's own turnover;
/// `current_revenue` (our revenue with them) only ever comes from a mapping.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AccountRow {
    pub crm_id: Option<String>,
    pub name: Option<String>,
    pub industry: Option<String>,
    pub region: Option<String>,
    pub annual_revenue: Option<f64>,
    pub current_revenue: Option<f64>,
    pub total_spend: Option<f64>,
    pub potential: Option<f64>,
    pub growth_trend: Option<GrowthTrend>,
    pub parent_crm_id: Option<String>,
    pub parent_name: Option<String>,
    pub owner_email: Option<String>,
    pub owner_name: Option<String>,
    /// From a currency column or the first money cell's symbol.
    pub currency: Option<String>,
}

/// A contact row; `name` is the full name, or first and last name joined.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ContactRow {
    pub crm_id: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
    pub business_unit: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub account_crm_id: Option<String>,
    pub account_name: Option<String>,
    pub reports_to_crm_id: Option<String>,
    pub relationship_owner_email: Option<String>,
    pub relationship_owner_name: Option<String>,
}

/// An opportunity row; `probability` is in percent (0–100).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OpportunityRow {
    pub crm_id: Option<String>,
    pub name: Option<String>,
    pub account_crm_id: Option<String>,
    pub account_name: Option<String>,
    pub stage: Option<String>,
    pub status: Option<OppStatus>,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub probability: Option<f64>,
    pub close_date: Option<Date>,
    pub owner_email: Option<String>,
    pub owner_name: Option<String>,
    pub next_step: Option<String>,
}

/// One row's record.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Account(AccountRow),
    Contact(ContactRow),
    Opportunity(OpportunityRow),
}

impl Record {
    pub fn crm_id(&self) -> Option<&str> {
        match self {
            Record::Account(a) => a.crm_id.as_deref(),
            Record::Contact(c) => c.crm_id.as_deref(),
            Record::Opportunity(o) => o.crm_id.as_deref(),
        }
    }

    pub fn name(&self) -> Option<&str> {
        match self {
            Record::Account(a) => a.name.as_deref(),
            Record::Contact(c) => c.name.as_deref(),
            Record::Opportunity(o) => o.name.as_deref(),
        }
    }
}

/// A data row, read: its record and what is wrong with it. A row with errors
/// is invalid as a whole; warnings do not stop it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedRow {
    /// 1 for the first data row.
    pub row: u64,
    pub record: Record,
    pub errors: Vec<CellError>,
    pub warnings: Vec<CellError>,
}

impl ParsedRow {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}
