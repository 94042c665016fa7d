//! The analysis half of a plan: analysis items, SWOT entries, opportunities and
//! risks, the company's value discipline, and the links from goals to the
//! evidence that justifies them (seed 004: analysis - consequence - goal - plan).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::validate::{self, FieldError, Validation};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Analysis,
    Swot,
    Opportunity,
    Risk,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [ItemKind::Analysis, ItemKind::Swot, ItemKind::Opportunity, ItemKind::Risk];
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Analysis => "analysis",
            ItemKind::Swot => "swot",
            ItemKind::Opportunity => "opportunity",
            ItemKind::Risk => "risk",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Analysis => "Analysis item",
            ItemKind::Swot => "SWOT entry",
            ItemKind::Opportunity => "Opportunity",
            ItemKind::Risk => "Risk",
        }
    }
    /// The categories an item of this kind must have (none: no category).
    pub fn categories(self) -> &'static [Category] {
        match self {
            ItemKind::Analysis => &[Category::Customer, Category::Market, Category::Competitor, Category::OwnPosition],
            ItemKind::Swot => &[Category::Strength, Category::Weakness, Category::Opportunity, Category::Threat],
            ItemKind::Opportunity | ItemKind::Risk => &[],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Customer,
    Market,
    Competitor,
    OwnPosition,
    Strength,
    Weakness,
    Opportunity,
    Threat,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Customer,
        Category::Market,
        Category::Competitor,
        Category::OwnPosition,
        Category::Strength,
        Category::Weakness,
        Category::Opportunity,
        Category::Threat,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Customer => "customer",
            Category::Market => "market",
            Category::Competitor => "competitor",
            Category::OwnPosition => "own_position",
            Category::Strength => "strength",
            Category::Weakness => "weakness",
            Category::Opportunity => "opportunity",
            Category::Threat => "threat",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Category::Customer => "Customer",
            Category::Market => "Market",
            Category::Competitor => "Competitor",
            Category::OwnPosition => "Own position",
            Category::Strength => "Strengths",
            Category::Weakness => "Weaknesses",
            Category::Opportunity => "Opportunities",
            Category::Threat => "Threats",
        }
    }
}

/// An item as validated, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemData {
    pub kind: ItemKind,
    pub category: Option<Category>,
    pub text: String,
    pub source: Option<String>,
    pub item_date: Option<Date>,
    pub derived_from_id: Option<i64>,
    pub response: Option<String>,
}

/// Raw item fields from a form or a JSON body.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ItemInput {
    pub kind: String,
    pub category: String,
    pub text: String,
    pub source: String,
    pub item_date: String,
    pub derived_from_id: String,
    pub response: String,
}

impl ItemInput {
    pub fn validate(&self) -> Result<ItemData, Vec<FieldError>> {
        let mut v = Validation::new();
        let kind = ItemKind::parse(self.kind.trim());
        if kind.is_none() {
            v.push("kind", crate::Message::new("err-item-kind"));
        }
        let category = match (kind, self.category.trim()) {
            (Some(k), c) if !k.categories().is_empty() => match Category::parse(c).filter(|c| k.categories().contains(c)) {
                Some(c) => Some(c),
                None => {
                    let names: Vec<&str> = k.categories().iter().map(|c| c.as_str()).collect();
                    v.push("category", crate::Message::new("err-one-of").arg("allowed", names.join(", ")));
                    None
                }
            },
            _ => None,
        };
        let text = v.check(validate::required("text", &self.text, 2000));
        let source = v.check(validate::optional("source", Some(&self.source), 300)).flatten();
        let item_date = v.check(validate::optional_date("item_date", Some(&self.item_date))).flatten();
        let derivable = matches!(kind, Some(ItemKind::Opportunity | ItemKind::Risk));
        let derived_from_id = match self.derived_from_id.trim() {
            "" => None,
            _ if !derivable => {
                v.push("derived_from_id", crate::Message::new("doc-err-derived"));
                None
            }
            s => match s.parse::<i64>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    v.push("derived_from_id", crate::Message::new("err-swot-id"));
                    None
                }
            },
        };
        let response = v.check(validate::optional("response", Some(&self.response), 2000)).flatten();
        v.finish(|| ItemData {
            kind: kind.unwrap_or(ItemKind::Analysis),
            category,
            text: text.unwrap_or_default(),
            source,
            item_date,
            derived_from_id,
            response,
        })
    }
}

/// The text of a plan section: a body and its "so what?" conclusion.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SectionTextInput {
    pub body: String,
    pub so_what: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionText {
    pub body: Option<String>,
    pub so_what: Option<String>,
}

impl SectionTextInput {
    pub fn validate(&self) -> Result<SectionText, Vec<FieldError>> {
        let mut v = Validation::new();
        let body = v.check(validate::optional("body", Some(&self.body.replace("\r\n", "\n")), 20_000)).flatten();
        let so_what = v.check(validate::optional("so_what", Some(&self.so_what.replace("\r\n", "\n")), 2000)).flatten();
        v.finish(|| SectionText { body, so_what })
    }
}

/// Whom a goal serves (seed 001: goals for the customer and for us).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Benefit {
    Customer,
    Us,
    Both,
}

impl Benefit {
    pub const ALL: [Benefit; 3] = [Benefit::Customer, Benefit::Us, Benefit::Both];
    pub fn as_str(self) -> &'static str {
        match self {
            Benefit::Customer => "customer",
            Benefit::Us => "us",
            Benefit::Both => "both",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Benefit::Customer => "For the customer",
            Benefit::Us => "For us",
            Benefit::Both => "For both",
        }
    }
}

/// The company's value discipline (seed 003): where it chooses to excel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueDiscipline {
    OperationalExcellence,
    ProductLeadership,
    CustomerIntimacy,
}

impl ValueDiscipline {
    pub const ALL: [ValueDiscipline; 3] =
        [ValueDiscipline::OperationalExcellence, ValueDiscipline::ProductLeadership, ValueDiscipline::CustomerIntimacy];
    pub fn as_str(self) -> &'static str {
        match self {
            ValueDiscipline::OperationalExcellence => "operational_excellence",
            ValueDiscipline::ProductLeadership => "product_leadership",
            ValueDiscipline::CustomerIntimacy => "customer_intimacy",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            ValueDiscipline::OperationalExcellence => "Operational excellence",
            ValueDiscipline::ProductLeadership => "Product leadership",
            ValueDiscipline::CustomerIntimacy => "Customer intimacy",
        }
    }
    /// What the discipline asks of a plan, shown next to the value proposition.
    pub fn meaning(self) -> &'static str {
        match self {
            ValueDiscipline::OperationalExcellence => {
                "We win on reliability, ease and total cost: the plan should make buying from us simpler and cheaper for the customer."
            }
            ValueDiscipline::ProductLeadership => {
                "We win with the best and newest offering: the plan should put our innovations into the customer's most important projects first."
            }
            ValueDiscipline::CustomerIntimacy => {
                "We win by knowing the customer better than anyone: the plan should tailor solutions to their processes and deepen relationships."
            }
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ValueDisciplineInput {
    pub value_discipline: String,
    pub value_statement: String,
}

impl ValueDisciplineInput {
    pub fn validate(&self) -> Result<(Option<ValueDiscipline>, Option<String>), Vec<FieldError>> {
        let mut v = Validation::new();
        let discipline = match self.value_discipline.trim() {
            "" => None,
            s => {
                let d = ValueDiscipline::parse(s);
                if d.is_none() {
                    v.push("value_discipline", crate::Message::new("err-value-discipline"));
                }
                d
            }
        };
        let statement = v.check(validate::optional("value_statement", Some(&self.value_statement), 2000)).flatten();
        v.finish(|| (discipline, statement))
    }
}

/// What a goal can be linked to as its evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// An analysis item, SWOT entry, opportunity or risk.
    Item,
    /// A section's "so what?" conclusion.
    Section,
    /// A whitespace cell.
    Cell,
    Contact,
}

impl LinkKind {
    pub const ALL: [LinkKind; 4] = [LinkKind::Item, LinkKind::Section, LinkKind::Cell, LinkKind::Contact];
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Item => "item",
            LinkKind::Section => "section",
            LinkKind::Cell => "cell",
            LinkKind::Contact => "contact",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A link as typed: `target` is "item:12", "section:4", "cell:7" or "contact:3"
/// (the form's select), or `target_kind` and `target_id` (the API).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct LinkInput {
    pub goal_id: String,
    pub target: String,
    pub target_kind: String,
    pub target_id: String,
}

impl LinkInput {
    pub fn validate(&self) -> Result<(i64, LinkKind, i64), Vec<FieldError>> {
        let mut v = Validation::new();
        let goal = match self.goal_id.trim().parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                v.push("goal_id", crate::Message::new("err-link-goal"));
                None
            }
        };
        let (kind, id) = match self.target.trim().split_once(':') {
            Some((k, i)) => (k.to_string(), i.to_string()),
            None => (self.target_kind.trim().to_string(), self.target_id.trim().to_string()),
        };
        let field = if self.target.trim().is_empty() { "target_kind" } else { "target" };
        let kind = LinkKind::parse(&kind);
        if kind.is_none() {
            v.push(field, crate::Message::new("err-link-target"));
        }
        let id = match id.parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                if kind.is_some() {
                    v.push(if field == "target" { "target" } else { "target_id" }, crate::Message::new("err-existing-item"));
                }
                None
            }
        };
        v.finish(|| (goal.unwrap_or(0), kind.unwrap_or(LinkKind::Item), id.unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_items_need_an_area_and_swot_entries_a_quadrant() {
        let mut i = ItemInput { kind: "analysis".into(), category: "threat".into(), text: "Volumes fall".into(), ..Default::default() };
        let e = i.validate().unwrap_err();
        assert_eq!(e[0].field, "category");
        assert!(format!("{:?}", e[0].message.args).contains("own_position"));
        i.category = "market".into();
        i.item_date = "2026-10-01".into();
        let d = i.validate().unwrap();
        assert_eq!(d.category, Some(Category::Market));
        i.kind = "swot".into();
        assert_eq!(i.validate().unwrap_err()[0].field, "category");
        i.category = "weakness".into();
        assert!(i.validate().is_ok());
    }

    #[test]
    fn only_opportunities_and_risks_derive_from_swot() {
        let mut i = ItemInput { kind: "risk".into(), text: "Price war".into(), derived_from_id: "5".into(), ..Default::default() };
        let d = i.validate().unwrap();
        assert_eq!((d.category, d.derived_from_id), (None, Some(5)));
        i.kind = "analysis".into();
        i.category = "market".into();
        assert_eq!(i.validate().unwrap_err()[0].field, "derived_from_id");
        i.kind = "opportunity".into();
        i.derived_from_id = "x".into();
        assert_eq!(i.validate().unwrap_err()[0].field, "derived_from_id");
    }

    #[test]
    fn unknown_kind_and_empty_text_are_named() {
        let e = ItemInput { kind: "gossip".into(), ..Default::default() }.validate().unwrap_err();
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "text"]);
    }

    #[test]
    fn links_parse_from_the_form_and_from_json() {
        let l = LinkInput { goal_id: "3".into(), target: "item:12".into(), ..Default::default() };
        assert_eq!(l.validate().unwrap(), (3, LinkKind::Item, 12));
        let l = LinkInput { goal_id: "3".into(), target_kind: "contact".into(), target_id: "4".into(), ..Default::default() };
        assert_eq!(l.validate().unwrap(), (3, LinkKind::Contact, 4));
        let e = LinkInput { goal_id: "".into(), target: "rumour:1".into(), ..Default::default() }.validate().unwrap_err();
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["goal_id", "target"]);
    }

    #[test]
    fn value_discipline_is_one_of_three() {
        let ok = ValueDisciplineInput { value_discipline: "customer_intimacy".into(), value_statement: "We know them.".into() };
        assert_eq!(ok.validate().unwrap().0, Some(ValueDiscipline::CustomerIntimacy));
        let bad = ValueDisciplineInput { value_discipline: "cheap".into(), ..Default::default() };
        assert_eq!(bad.validate().unwrap_err()[0].field, "value_discipline");
    }
}
