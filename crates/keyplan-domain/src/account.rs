//! Accounts: the customer companies a plan is written for (PRODUCT.md C1).

use serde::{Deserialize, Serialize};

use crate::validate::{self, FieldError, Validation};
use crate::{AccountId, UserId};

/// The account's direction of travel as the KAM judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthTrend {
    Growing,
    Stable,
    Declining,
}

impl GrowthTrend {
    pub const ALL: [GrowthTrend; 3] = [GrowthTrend::Growing, GrowthTrend::Stable, GrowthTrend::Declining];
    pub fn as_str(self) -> &'static str {
        match self {
            GrowthTrend::Growing => "growing",
            GrowthTrend::Stable => "stable",
            GrowthTrend::Declining => "declining",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            GrowthTrend::Growing => "Growing",
            GrowthTrend::Stable => "Stable",
            GrowthTrend::Declining => "Declining",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Validated account fields, as written by a form, the API or an import.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountData {
    pub name: String,
    pub industry: Option<String>,
    pub region: Option<String>,
    pub parent_id: Option<AccountId>,
    pub crm_id: Option<String>,
    /// The customer's own yearly turnover (never our revenue with them).
    pub annual_revenue: Option<f64>,
    /// Our current yearly revenue with the customer.
    pub current_revenue: Option<f64>,
    /// The customer's total yearly spend in our categories.
    pub total_spend: Option<f64>,
    /// Estimated yearly potential for us.
    pub potential: Option<f64>,
    pub growth_trend: Option<GrowthTrend>,
    pub owner_id: Option<UserId>,
}

/// Raw account fields as text; empty strings mean "not given".
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AccountInput {
    pub name: String,
    pub industry: String,
    pub region: String,
    pub parent_id: String,
    pub crm_id: String,
    pub annual_revenue: String,
    pub current_revenue: String,
    pub total_spend: String,
    pub potential: String,
    pub growth_trend: String,
    pub owner_id: String,
}

impl AccountInput {
    pub fn validate(&self) -> Result<AccountData, Vec<FieldError>> {
        let mut v = Validation::new();
        let name = v.check(validate::required("name", &self.name, 200));
        let industry = v.check(validate::optional("industry", Some(&self.industry), 120));
        let region = v.check(validate::optional("region", Some(&self.region), 120));
        let crm_id = v.check(validate::optional("crm_id", Some(&self.crm_id), 120));
        let parent_id = v.check(optional_id("parent_id", &self.parent_id)).map(|o| o.map(AccountId::new));
        let owner_id = v.check(optional_id("owner_id", &self.owner_id)).map(|o| o.map(UserId::new));
        let annual_revenue = v.check(validate::optional_amount("annual_revenue", Some(&self.annual_revenue)));
        let current_revenue = v.check(validate::optional_amount("current_revenue", Some(&self.current_revenue)));
        let total_spend = v.check(validate::optional_amount("total_spend", Some(&self.total_spend)));
        let potential = v.check(validate::optional_amount("potential", Some(&self.potential)));
        let growth_trend = match self.growth_trend.trim() {
            "" => Some(None),
            s => match GrowthTrend::parse(s) {
                Some(t) => Some(Some(t)),
                None => {
                    v.push("growth_trend", crate::Message::new("err-trend"));
                    None
                }
            },
        };
        let data = AccountData {
            name: name.unwrap_or_default(),
            industry: industry.flatten(),
            region: region.flatten(),
            parent_id: parent_id.flatten(),
            crm_id: crm_id.flatten(),
            annual_revenue: annual_revenue.flatten(),
            current_revenue: current_revenue.flatten(),
            total_spend: total_spend.flatten(),
            potential: potential.flatten(),
            growth_trend: growth_trend.flatten(),
            owner_id: owner_id.flatten(),
        };
        data.check_consistency(&mut v);
        v.finish(|| data)
    }
}

impl AccountData {
    /// Rules that involve more than one field.
    pub fn check_consistency(&self, v: &mut Validation) {
        if let (Some(ours), Some(total)) = (self.current_revenue, self.total_spend)
            && ours > total
        {
            v.push("total_spend", crate::Message::new("err-spend-below-revenue"));
        }
    }

    /// Our share of the customer's spend in our categories, 0..=1.
    pub fn share_of_wallet(&self) -> Option<f64> {
        share_of_wallet(self.current_revenue, self.total_spend)
    }
}

pub fn share_of_wallet(current: Option<f64>, total: Option<f64>) -> Option<f64> {
    match (current, total) {
        (Some(c), Some(t)) if t > 0.0 => Some((c / t).clamp(0.0, 1.0)),
        _ => None,
    }
}

/// Growth potential: what we could still win (potential minus current business).
pub fn growth_potential(current: Option<f64>, potential: Option<f64>) -> Option<f64> {
    potential.map(|p| (p - current.unwrap_or(0.0)).max(0.0))
}

pub(crate) fn optional_id(field: &str, value: &str) -> Result<Option<i64>, FieldError> {
    match value.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().ok().filter(|n| *n > 0).map(Some).ok_or_else(|| FieldError::new(field, crate::Message::new("err-record"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_is_required_and_numbers_are_checked() {
        let errs = AccountInput { current_revenue: "abc".into(), ..Default::default() }.validate().unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "current_revenue"]);
    }

    #[test]
    fn revenue_cannot_exceed_total_spend() {
        let input = AccountInput { name: "Acme".into(), current_revenue: "200".into(), total_spend: "100".into(), ..Default::default() };
        assert_eq!(input.validate().unwrap_err()[0].field, "total_spend");
    }

    #[test]
    fn share_of_wallet_and_growth_potential() {
        let data = AccountInput {
            name: "Acme".into(),
            current_revenue: "250000".into(),
            total_spend: "1000000".into(),
            potential: "600000".into(),
            growth_trend: "growing".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(data.share_of_wallet(), Some(0.25));
        assert_eq!(growth_potential(data.current_revenue, data.potential), Some(350_000.0));
        assert_eq!(share_of_wallet(Some(1.0), Some(0.0)), None);
    }
}
