//! Contacts: the people at the customer, with their place in the buying centre.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::account::optional_id;
use crate::validate::{self, FieldError, Validation};
use crate::{ContactId, UserId};

/// The part a person plays in the customer's buying decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyingRole {
    DecisionMaker,
    EconomicBuyer,
    User,
    Technical,
    Influencer,
    Gatekeeper,
    Coach,
}

impl BuyingRole {
    pub const ALL: [BuyingRole; 7] = [
        BuyingRole::DecisionMaker,
        BuyingRole::EconomicBuyer,
        BuyingRole::User,
        BuyingRole::Technical,
        BuyingRole::Influencer,
        BuyingRole::Gatekeeper,
        BuyingRole::Coach,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            BuyingRole::DecisionMaker => "decision_maker",
            BuyingRole::EconomicBuyer => "economic_buyer",
            BuyingRole::User => "user",
            BuyingRole::Technical => "technical",
            BuyingRole::Influencer => "influencer",
            BuyingRole::Gatekeeper => "gatekeeper",
            BuyingRole::Coach => "coach",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            BuyingRole::DecisionMaker => "Decision maker",
            BuyingRole::EconomicBuyer => "Economic buyer",
            BuyingRole::User => "User",
            BuyingRole::Technical => "Technical / specifier",
            BuyingRole::Influencer => "Influencer",
            BuyingRole::Gatekeeper => "Gatekeeper",
            BuyingRole::Coach => "Coach / champion",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// How the person stands towards us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attitude {
    Supporter,
    Neutral,
    Sceptic,
    Opponent,
}

impl Attitude {
    pub const ALL: [Attitude; 4] = [Attitude::Supporter, Attitude::Neutral, Attitude::Sceptic, Attitude::Opponent];
    pub fn as_str(self) -> &'static str {
        match self {
            Attitude::Supporter => "supporter",
            Attitude::Neutral => "neutral",
            Attitude::Sceptic => "sceptic",
            Attitude::Opponent => "opponent",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Attitude::Supporter => "Supporter",
            Attitude::Neutral => "Neutral",
            Attitude::Sceptic => "Sceptic",
            Attitude::Opponent => "Opponent",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContactData {
    pub name: String,
    pub title: Option<String>,
    pub business_unit: Option<String>,
    pub reports_to_id: Option<ContactId>,
    pub buying_role: Option<BuyingRole>,
    /// 1 (little) to 5 (decisive).
    pub influence: Option<i16>,
    pub attitude: Option<Attitude>,
    /// Who on our side calls on this person.
    pub relationship_owner_id: Option<UserId>,
    pub objective: Option<String>,
    pub last_contact_date: Option<Date>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The contact's id in the company's CRM.
    pub crm_id: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ContactInput {
    pub name: String,
    pub title: String,
    pub business_unit: String,
    pub reports_to_id: String,
    pub buying_role: String,
    pub influence: String,
    pub attitude: String,
    pub relationship_owner_id: String,
    pub objective: String,
    pub last_contact_date: String,
    pub email: String,
    pub phone: String,
    pub crm_id: String,
}

impl ContactInput {
    pub fn validate(&self) -> Result<ContactData, Vec<FieldError>> {
        let mut v = Validation::new();
        let name = v.check(validate::required("name", &self.name, 200));
        let title = v.check(validate::optional("title", Some(&self.title), 200));
        let business_unit = v.check(validate::optional("business_unit", Some(&self.business_unit), 200));
        let reports_to_id = v.check(optional_id("reports_to_id", &self.reports_to_id));
        let relationship_owner_id = v.check(optional_id("relationship_owner_id", &self.relationship_owner_id));
        let buying_role = v.check(enum_field(
            "buying_role",
            &self.buying_role,
            BuyingRole::parse,
            "decision_maker, economic_buyer, user, technical, influencer, gatekeeper or coach",
        ));
        let attitude = v.check(enum_field("attitude", &self.attitude, Attitude::parse, "supporter, neutral, sceptic or opponent"));
        let influence = v.check(influence(&self.influence));
        let objective = v.check(validate::optional("objective", Some(&self.objective), 1000));
        let last_contact_date = v.check(validate::optional_date("last_contact_date", Some(&self.last_contact_date)));
        let email = match self.email.trim() {
            "" => Some(None),
            e => v.check(validate::email("email", e)).map(Some),
        };
        let phone = v.check(validate::optional("phone", Some(&self.phone), 60));
        let crm_id = v.check(validate::optional("crm_id", Some(&self.crm_id), 120));
        v.finish(|| ContactData {
            name: name.unwrap_or_default(),
            title: title.flatten(),
            business_unit: business_unit.flatten(),
            reports_to_id: reports_to_id.flatten().map(ContactId::new),
            buying_role: buying_role.flatten(),
            influence: influence.flatten(),
            attitude: attitude.flatten(),
            relationship_owner_id: relationship_owner_id.flatten().map(UserId::new),
            objective: objective.flatten(),
            last_contact_date: last_contact_date.flatten(),
            email: email.flatten(),
            phone: phone.flatten(),
            crm_id: crm_id.flatten(),
        })
    }
}

fn influence(value: &str) -> Result<Option<i16>, FieldError> {
    match value.trim() {
        "" => Ok(None),
        s => match s.parse::<i16>() {
            Ok(n) if (1..=5).contains(&n) => Ok(Some(n)),
            _ => Err(FieldError::new("influence", crate::Message::new("err-one-to-five"))),
        },
    }
}

pub(crate) fn enum_field<T>(field: &str, value: &str, parse: fn(&str) -> Option<T>, allowed: &str) -> Result<Option<T>, FieldError> {
    match value.trim() {
        "" => Ok(None),
        s => parse(s).map(Some).ok_or_else(|| FieldError::new(field, crate::Message::new("err-one-of-colon").arg("allowed", allowed))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn influence_is_one_to_five() {
        for (raw, ok) in [("0", false), ("1", true), ("5", true), ("6", false), ("x", false), ("", true)] {
            let input = ContactInput { name: "Dana".into(), influence: raw.into(), ..Default::default() };
            assert_eq!(input.validate().is_ok(), ok, "influence {raw:?}");
        }
    }

    #[test]
    fn roles_and_attitudes_parse() {
        let c = ContactInput {
            name: "Dana Ruiz".into(),
            buying_role: "decision_maker".into(),
            attitude: "sceptic".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(c.buying_role, Some(BuyingRole::DecisionMaker));
        assert_eq!(c.attitude, Some(Attitude::Sceptic));
        let err = ContactInput { name: "x".into(), attitude: "friendly".into(), ..Default::default() }.validate().unwrap_err();
        assert_eq!(err[0].field, "attitude");
    }
}
