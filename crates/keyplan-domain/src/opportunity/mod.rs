//! Opportunities: deals of an account as the CRM tracks them (stage, amount,
//! probability, close date), optionally linked to the goal they pay into and to
//! a whitespace cell. [`coverage`] sums them per money goal.

pub mod coverage;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::account::optional_id;
use crate::crm::CrmId;
use crate::validate::{self, FieldError, Validation};
use crate::{CellId, Message, NodeId, UserId};

pub use crate::crm::OppStatus;

/// Characters of a CRM id (Salesforce ids have 18, GUIDs 38 with braces).
pub const MAX_CRM_ID: usize = 100;

/// An opportunity as validated, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct OpportunityData {
    /// The id in the CRM as written; unique per organisation through [`OpportunityData::crm_key`].
    pub crm_id: Option<String>,
    pub name: String,
    /// The CRM's stage name, free text ("Negotiation/Review").
    pub stage: Option<String>,
    pub status: OppStatus,
    pub amount: Option<f64>,
    /// ISO 4217 code, upper case.
    pub currency: String,
    /// 0 to 100.
    pub probability: Option<i16>,
    pub close_date: Option<Date>,
    pub owner_id: Option<UserId>,
    pub next_step: Option<String>,
    /// A goal node of a plan of the same account.
    pub goal_id: Option<NodeId>,
    /// A filled cell of the same account's whitespace matrix.
    pub whitespace_cell_id: Option<CellId>,
}

impl OpportunityData {
    /// The key two spellings of the same CRM id share (see [`CrmId::key`]):
    /// a Salesforce 15-character id finds the record stored with its 18-character form.
    pub fn crm_key(&self) -> Option<String> {
        self.crm_id.as_deref().and_then(CrmId::new).map(|c| c.key().to_string())
    }
}

/// An opportunity as typed in a form or sent to the API: text, checked by [`OpportunityInput::validate`].
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct OpportunityInput {
    pub crm_id: String,
    pub name: String,
    pub stage: String,
    pub status: String,
    pub amount: String,
    pub currency: String,
    pub probability: String,
    pub close_date: String,
    pub owner_id: String,
    pub next_step: String,
    pub goal_id: String,
    pub whitespace_cell_id: String,
}

impl OpportunityInput {
    /// Checks every field; an empty status is `open`, an empty currency is `default_currency`
    /// (the organisation's).
    pub fn validate(&self, default_currency: &str) -> Result<OpportunityData, Vec<FieldError>> {
        let mut v = Validation::new();
        let crm_id = v.check(validate::optional("crm_id", Some(&self.crm_id), MAX_CRM_ID));
        let name = v.check(validate::required("name", &self.name, crate::text::MAX_NAME));
        let stage = v.check(validate::optional("stage", Some(&self.stage), crate::text::MAX_NAME));
        let status = v.check(status(&self.status));
        let amount = v.check(validate::optional_amount("amount", Some(&self.amount)));
        let currency = v.check(currency("currency", &self.currency, default_currency));
        let probability = v.check(probability(&self.probability));
        let close_date = v.check(validate::optional_date("close_date", Some(&self.close_date)));
        let owner_id = v.check(optional_id("owner_id", &self.owner_id));
        let next_step = v.check(validate::optional("next_step", Some(&self.next_step), crate::text::MAX_SHORT_TEXT));
        let goal_id = v.check(optional_id("goal_id", &self.goal_id));
        let whitespace_cell_id = v.check(optional_id("whitespace_cell_id", &self.whitespace_cell_id));
        v.finish(|| OpportunityData {
            crm_id: crm_id.flatten(),
            name: name.unwrap_or_default(),
            stage: stage.flatten(),
            status: status.unwrap_or(OppStatus::Open),
            amount: amount.flatten(),
            currency: currency.unwrap_or_default(),
            probability: probability.flatten(),
            close_date: close_date.flatten(),
            owner_id: owner_id.flatten().map(UserId::new),
            next_step: next_step.flatten(),
            goal_id: goal_id.flatten().map(NodeId::new),
            whitespace_cell_id: whitespace_cell_id.flatten().map(CellId::new),
        })
    }
}

fn status(value: &str) -> Result<OppStatus, FieldError> {
    match value.trim() {
        "" => Ok(OppStatus::Open),
        s => OppStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| FieldError::new("status", Message::new("err-one-of-colon").arg("allowed", "open, won or lost"))),
    }
}

/// A three-letter currency code; lower case is accepted and stored upper case.
pub fn currency(field: &str, value: &str, default: &str) -> Result<String, FieldError> {
    let v = match value.trim() {
        "" => default.trim(),
        v => v,
    };
    if v.len() == 3 && v.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(v.to_ascii_uppercase())
    } else {
        Err(FieldError::new(field, Message::new("err-currency-code")))
    }
}

fn probability(value: &str) -> Result<Option<i16>, FieldError> {
    match value.trim() {
        "" => Ok(None),
        s => match s.parse::<f64>() {
            // A whole percentage: the CRMs show and export no fractions.
            Ok(n) if (0.0..=100.0).contains(&n) && n.fract() == 0.0 => Ok(Some(n as i16)),
            _ => Err(FieldError::new("probability", Message::new("err-probability"))),
        },
    }
}

/// Whether an opportunity that is still open has passed its close date.
pub fn is_overdue(status: OppStatus, close_date: Option<Date>, today: Date) -> bool {
    status == OppStatus::Open && close_date.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn input() -> OpportunityInput {
        OpportunityInput { name: "Line 4 retrofit".into(), ..Default::default() }
    }

    #[test]
    fn defaults_and_parsing() {
        let d = OpportunityInput {
            crm_id: " 0065g00000AbCdE ".into(),
            status: "won".into(),
            amount: "250,000.50".into(),
            currency: "chf".into(),
            probability: "40".into(),
            close_date: "2027-03-31".into(),
            goal_id: "7".into(),
            ..input()
        }
        .validate("EUR")
        .unwrap();
        assert_eq!(d.status, OppStatus::Won);
        assert_eq!((d.amount, d.currency.as_str(), d.probability), (Some(250_000.5), "CHF", Some(40)));
        assert_eq!((d.close_date, d.goal_id), (Some(date!(2027 - 03 - 31)), Some(NodeId::new(7))));
        assert_eq!(d.crm_id.as_deref(), Some("0065g00000AbCdE"));
        assert_eq!(d.crm_key().as_deref().map(str::len), Some(18), "the 15-character id keys as its 18-character form");
        let plain = input().validate("EUR").unwrap();
        assert_eq!((plain.status, plain.currency.as_str(), plain.crm_key()), (OppStatus::Open, "EUR", None));
    }

    #[test]
    fn field_errors_name_their_fields() {
        let cases = [
            (OpportunityInput { name: " ".into(), ..input() }, "name"),
            (OpportunityInput { status: "pending".into(), ..input() }, "status"),
            (OpportunityInput { amount: "-5".into(), ..input() }, "amount"),
            (OpportunityInput { amount: "lots".into(), ..input() }, "amount"),
            (OpportunityInput { currency: "EURO".into(), ..input() }, "currency"),
            (OpportunityInput { probability: "101".into(), ..input() }, "probability"),
            (OpportunityInput { probability: "12.5".into(), ..input() }, "probability"),
            (OpportunityInput { close_date: "3001-01-01".into(), ..input() }, "close_date"),
            (OpportunityInput { close_date: "31.12.2026".into(), ..input() }, "close_date"),
            (OpportunityInput { owner_id: "x".into(), ..input() }, "owner_id"),
            (OpportunityInput { goal_id: "0".into(), ..input() }, "goal_id"),
            (OpportunityInput { stage: "Neg\u{0}otiation".into(), ..input() }, "stage"),
        ];
        for (case, field) in cases {
            let err = case.validate("EUR").unwrap_err();
            assert_eq!(err[0].field, field, "{case:?}");
        }
        for p in ["0", "100", ""] {
            assert!(OpportunityInput { probability: p.into(), ..input() }.validate("EUR").is_ok(), "probability {p:?}");
        }
    }

    #[test]
    fn only_open_opportunities_are_overdue() {
        let today = date!(2026 - 12 - 06);
        assert!(is_overdue(OppStatus::Open, Some(date!(2026 - 12 - 05)), today));
        assert!(!is_overdue(OppStatus::Open, Some(today), today));
        assert!(!is_overdue(OppStatus::Won, Some(date!(2026 - 01 - 01)), today));
        assert!(!is_overdue(OppStatus::Open, None, today));
    }
}
