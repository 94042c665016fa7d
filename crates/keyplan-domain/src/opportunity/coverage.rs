//! Pipeline coverage of a money goal: how much of the gap between baseline and
//! target the linked opportunities already cover.
//!
//! - A goal is a money goal when its unit names a currency, optionally with a
//!   scale: `EUR`, `€`, `k€`, `TEUR`, `m€`, `Mio. €`, `$m`, `USD`.
//! - gap = (target − baseline) × scale; a missing baseline is zero.
//! - open = the amounts of open opportunities; weighted = each open amount times
//!   its probability (no probability counts as 0 %); won = the amounts of won ones.
//! - coverage = (weighted + won) / gap; none when the gap is zero or negative.
//! - Only opportunities in the goal's currency are summed. Others are counted
//!   in `other_currency` and shown as such, never converted: keyplan keeps no
//!   exchange rates, and a silently converted pipeline would look precise.
//! - An open opportunity whose close date has passed is counted in `overdue`.

use std::collections::HashMap;

use serde::Serialize;
use time::Date;

use super::{OppStatus, is_overdue};
use crate::NodeId;
use crate::tree::{Node, NodeKind};

/// ISO codes taken as currencies in a goal's unit. A list rather than "any three
/// letters", so that units such as `pcs` or `day` are not mistaken for money.
const CODES: [&str; 28] = [
    "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "CAD", "AUD", "NZD", "INR", "BRL", "MXN", "ZAR",
    "SGD", "HKD", "KRW", "TRY", "AED", "SAR", "ILS", "RON", "BGN",
];

/// The currency of a money goal's unit and what one unit is worth in it.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyUnit {
    pub currency: String,
    /// 1, 1 000 or 1 000 000.
    pub scale: f64,
}

fn currency_code(t: &str) -> Option<String> {
    let code = crate::crm::number::parse_currency(t)?;
    CODES.contains(&code.as_str()).then_some(code)
}

/// Reads a goal's unit: `None` when it names no currency.
pub fn money_unit(unit: &str) -> Option<MoneyUnit> {
    let t = unit.trim();
    if let Some(currency) = currency_code(t) {
        return Some(MoneyUnit { currency, scale: 1.0 });
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
    const SCALES: [(&str, f64); 10] =
        [("Mio", 1e6), ("Mrd", 1e9), ("Tsd", 1e3), ("bn", 1e9), ("M", 1e6), ("m", 1e6), ("k", 1e3), ("K", 1e3), ("T", 1e3), ("B", 1e9)];
    for (prefix, scale) in SCALES {
        let rest = compact.strip_prefix(prefix).or_else(|| compact.strip_suffix(prefix));
        if let Some(currency) = rest.and_then(currency_code) {
            return Some(MoneyUnit { currency, scale });
        }
    }
    None
}

/// What coverage needs of one linked opportunity.
#[derive(Clone, Copy, Debug)]
pub struct Deal<'a> {
    pub status: OppStatus,
    pub amount: Option<f64>,
    pub currency: &'a str,
    pub probability: Option<i16>,
    pub close_date: Option<Date>,
}

/// The pipeline behind one money goal, in the goal's currency.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    pub currency: String,
    /// Target minus baseline, in the currency (not the goal's unit).
    pub gap: f64,
    pub open: f64,
    pub weighted: f64,
    pub won: f64,
    /// (weighted + won) / gap; `None` when there is no positive gap.
    pub ratio: Option<f64>,
    pub open_count: u32,
    pub won_count: u32,
    pub lost_count: u32,
    /// Open opportunities past their close date.
    pub overdue: u32,
    /// Linked opportunities in another currency: listed, not summed.
    pub other_currency: u32,
}

impl Coverage {
    /// The won part of the bar, 0 to 1 of the gap.
    pub fn won_share(&self) -> f64 {
        share(self.won, self.gap)
    }
    /// The weighted open part of the bar, 0 to 1 of the gap, after the won part.
    pub fn weighted_share(&self) -> f64 {
        share(self.weighted, self.gap).min(1.0 - self.won_share())
    }
    /// The coverage as a whole percentage, when there is a gap.
    pub fn percent(&self) -> Option<i64> {
        self.ratio.map(|r| (r * 100.0).round() as i64)
    }
}

fn share(part: f64, gap: f64) -> f64 {
    if gap > 0.0 { (part / gap).clamp(0.0, 1.0) } else { 0.0 }
}

/// The coverage of a goal, or `None` when it has no money target.
pub fn goal_coverage<'a>(
    target: Option<f64>,
    baseline: Option<f64>,
    unit: Option<&str>,
    deals: impl IntoIterator<Item = Deal<'a>>,
    today: Date,
) -> Option<Coverage> {
    let money = money_unit(unit?)?;
    let gap = (target? - baseline.unwrap_or(0.0)) * money.scale;
    let mut c = Coverage {
        currency: money.currency,
        gap,
        open: 0.0,
        weighted: 0.0,
        won: 0.0,
        ratio: None,
        open_count: 0,
        won_count: 0,
        lost_count: 0,
        overdue: 0,
        other_currency: 0,
    };
    for d in deals {
        if !d.currency.eq_ignore_ascii_case(&c.currency) {
            c.other_currency += 1;
            continue;
        }
        let amount = d.amount.unwrap_or(0.0);
        match d.status {
            OppStatus::Open => {
                c.open_count += 1;
                c.open += amount;
                c.weighted += amount * f64::from(d.probability.unwrap_or(0)) / 100.0;
                if is_overdue(d.status, d.close_date, today) {
                    c.overdue += 1;
                }
            }
            OppStatus::Won => {
                c.won_count += 1;
                c.won += amount;
            }
            OppStatus::Lost => c.lost_count += 1,
        }
    }
    c.ratio = (gap > 0.0).then(|| (c.weighted + c.won) / gap);
    Some(c)
}

/// The coverage of every money goal among `nodes`, from the plan's linked
/// opportunities given as (goal, deal): one pass, whatever the number of goals.
pub fn plan_coverage<'a>(nodes: &[Node], deals: impl IntoIterator<Item = (NodeId, Deal<'a>)>, today: Date) -> HashMap<NodeId, Coverage> {
    let mut per_goal: HashMap<NodeId, Vec<Deal<'a>>> = HashMap::new();
    for (goal, deal) in deals {
        per_goal.entry(goal).or_default().push(deal);
    }
    nodes
        .iter()
        .filter(|n| n.kind() == NodeKind::Goal)
        .filter_map(|n| {
            let deals = per_goal.remove(&n.id).unwrap_or_default();
            goal_coverage(n.target(), n.baseline(), n.unit().as_deref(), deals, today).map(|c| (n.id, c))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    const TODAY: Date = date!(2026 - 12 - 06);

    fn deal(status: OppStatus, amount: f64, currency: &str, probability: i16) -> Deal<'_> {
        Deal { status, amount: Some(amount), currency, probability: Some(probability), close_date: None }
    }

    #[test]
    fn units_name_currency_and_scale() {
        for (unit, currency, scale) in [
            ("EUR", "EUR", 1.0),
            ("€", "EUR", 1.0),
            ("eur", "EUR", 1.0),
            ("k€", "EUR", 1e3),
            ("TEUR", "EUR", 1e3),
            ("Tsd. €", "EUR", 1e3),
            ("m€", "EUR", 1e6),
            ("M€", "EUR", 1e6),
            ("Mio. EUR", "EUR", 1e6),
            ("$m", "USD", 1e6),
            ("USD", "USD", 1.0),
            ("kCHF", "CHF", 1e3),
        ] {
            assert_eq!(money_unit(unit), Some(MoneyUnit { currency: currency.into(), scale }), "{unit}");
        }
        for unit in ["%", "pcs", "day", "lines", "kg", "", "points"] {
            assert_eq!(money_unit(unit), None, "{unit} is no money");
        }
    }

    #[test]
    fn sums_weights_and_covers() {
        let deals = [
            deal(OppStatus::Open, 200_000.0, "EUR", 50),
            deal(OppStatus::Open, 100_000.0, "eur", 25),
            deal(OppStatus::Won, 150_000.0, "EUR", 100),
            deal(OppStatus::Lost, 999_000.0, "EUR", 0),
        ];
        let c = goal_coverage(Some(2.4), Some(1.8), Some("m€"), deals, TODAY).unwrap();
        assert!((c.gap - 600_000.0).abs() < 1e-6);
        assert_eq!((c.open, c.weighted, c.won), (300_000.0, 125_000.0, 150_000.0));
        assert_eq!((c.open_count, c.won_count, c.lost_count, c.other_currency), (2, 1, 1, 0));
        assert_eq!(c.percent(), Some(46), "(125k + 150k) / 600k");
        assert!((c.won_share() - 0.25).abs() < 1e-9);
    }

    #[test]
    fn other_currencies_are_counted_not_summed() {
        let deals = [deal(OppStatus::Open, 100.0, "USD", 90), deal(OppStatus::Won, 50.0, "EUR", 100)];
        let c = goal_coverage(Some(100.0), None, Some("EUR"), deals, TODAY).unwrap();
        assert_eq!((c.open, c.won, c.other_currency), (0.0, 50.0, 1));
        assert_eq!(c.percent(), Some(50));
    }

    #[test]
    fn no_gap_no_pipeline_no_money() {
        let none: [Deal; 0] = [];
        let flat = goal_coverage(Some(1.0), Some(1.0), Some("m€"), none, TODAY).unwrap();
        assert_eq!((flat.gap, flat.ratio, flat.won_share(), flat.weighted_share()), (0.0, None, 0.0, 0.0));
        let empty = goal_coverage(Some(2.0), Some(1.0), Some("m€"), none, TODAY).unwrap();
        assert_eq!((empty.ratio, empty.open_count), (Some(0.0), 0));
        assert_eq!(goal_coverage(Some(2.0), Some(1.0), Some("%"), none, TODAY), None);
        assert_eq!(goal_coverage(None, Some(1.0), Some("EUR"), none, TODAY), None);
        assert_eq!(goal_coverage(Some(2.0), None, None, none, TODAY), None);
    }

    #[test]
    fn a_plan_sums_per_goal() {
        use crate::tree::{GoalFields, NodeDetail};
        let goal = |id: i64, unit: &str| {
            let mut n = Node::new(NodeId::new(id), crate::PlanId::new(1), None, NodeKind::Goal, "g");
            n.detail = NodeDetail::Goal(GoalFields { target: Some(10.0), unit: Some(unit.into()), ..GoalFields::default() });
            n
        };
        let nodes = [goal(1, "EUR"), goal(2, "k€"), goal(3, "%")];
        let deals = [(NodeId::new(1), deal(OppStatus::Won, 4.0, "EUR", 100)), (NodeId::new(2), deal(OppStatus::Open, 5000.0, "EUR", 20))];
        let c = plan_coverage(&nodes, deals, TODAY);
        assert_eq!(c.len(), 2, "the percentage goal has no money target");
        assert_eq!(c[&NodeId::new(1)].percent(), Some(40));
        assert_eq!((c[&NodeId::new(2)].gap, c[&NodeId::new(2)].weighted), (10_000.0, 1000.0));
    }

    #[test]
    fn overdue_and_bar_shares_are_capped() {
        let mut late = deal(OppStatus::Open, 80.0, "EUR", 100);
        late.close_date = Some(date!(2026 - 11 - 30));
        let won = deal(OppStatus::Won, 90.0, "EUR", 100);
        let c = goal_coverage(Some(100.0), None, Some("EUR"), [late, won], TODAY).unwrap();
        assert_eq!(c.overdue, 1);
        assert_eq!(c.percent(), Some(170), "over-covered");
        assert!((c.won_share() - 0.9).abs() < 1e-9);
        assert!((c.weighted_share() - 0.1).abs() < 1e-9, "the bar never exceeds the gap");
    }
}
