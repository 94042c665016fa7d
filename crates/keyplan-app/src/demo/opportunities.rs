//! The demo's opportunities: Brightwater's pipeline behind its revenue goal, so
//! that the plan, story, briefing and exports show a coverage bar with an
//! overdue deal and one in another currency.

use keyplan_domain::opportunity::{OppStatus, OpportunityData};
use keyplan_domain::{AccountId, NodeId};

use super::Demo;

/// (name, CRM id, stage, status, amount, currency, probability, close in days, owner, next step)
type Deal = (&'static str, &'static str, &'static str, OppStatus, f64, &'static str, i16, i64, &'static str, &'static str);

const BRIGHTWATER: &[Deal] = &[
    ("Leipzig plant — dosing line 1", "0065g00000BwLp1", "Closed Won", OppStatus::Won, 320_000.0, "EUR", 100, -40, "lena.hoffmann", ""),
    (
        "Leipzig plant — dosing lines 2 and 3",
        "0065g00000BwLp2",
        "Negotiation/Review",
        OppStatus::Open,
        280_000.0,
        "EUR",
        60,
        45,
        "lena.hoffmann",
        "Revised volume price to the CFO",
    ),
    (
        "Service contract, all plants",
        "0065g00000BwSvc",
        "Proposal/Price Quote",
        OppStatus::Open,
        150_000.0,
        "EUR",
        40,
        -10,
        "omar.haddad",
        "Chase the signed proposal",
    ),
    (
        "Spare parts framework",
        "0065g00000BwSpr",
        "Qualification",
        OppStatus::Open,
        90_000.0,
        "EUR",
        20,
        120,
        "omar.haddad",
        "Site visit in Hamburg",
    ),
    ("Swiss filling line retrofit", "0065g00000BwChf", "Prospecting", OppStatus::Open, 60_000.0, "CHF", 10, 200, "lena.hoffmann", ""),
    ("Pilot line upgrade", "0065g00000BwLst", "Closed Lost", OppStatus::Lost, 75_000.0, "EUR", 0, -90, "lena.hoffmann", ""),
];

impl Demo<'_> {
    /// Brightwater's deals, linked to the revenue goal `goal`.
    pub(super) async fn brightwater_opportunities(&self, account: AccountId, goal: NodeId) -> anyhow::Result<()> {
        for &(name, crm, stage, status, amount, currency, probability, days, owner, next) in BRIGHTWATER {
            let data = OpportunityData {
                crm_id: Some(crm.into()),
                name: name.into(),
                stage: Some(stage.into()),
                status,
                amount: Some(amount),
                currency: currency.into(),
                probability: Some(probability),
                close_date: Some(self.day(days)),
                owner_id: Some(self.user(owner)),
                next_step: (!next.is_empty()).then(|| next.to_string()),
                goal_id: Some(goal),
                whitespace_cell_id: None,
            };
            self.store.create_opportunity(self.org, account, &data, self.user(owner)).await?;
        }
        Ok(())
    }
}
