//! The account portfolio (PRODUCT.md C8, issue 13): where every account stands
//! by share of wallet and growth potential, which quadrant that puts it in,
//! which accounts deserve a plan and which plans to reconsider, and the
//! organisation's limits on active plans (seeds 003 and 004).
//!
//! Pure figures over plain numbers: the store aggregates, this module judges.
//!
//! * [`Figures::place`] turns an account's revenue, spend and potential into a
//!   point, or says which figures are missing.
//! * [`Lines`] are the quadrant lines: the organisation's thresholds, else the
//!   medians of the points ([`Lines::medians`]).
//! * [`candidates`] and [`to_reconsider`] mark the accounts.
//! * [`limits`] checks activating a plan against the limits.
//! * [`PlanState`] says where an account stands with its plans.

pub mod limits;
mod state;

pub use state::{CurrentPlan, PlanState};

use serde::Serialize;

/// The share of wallet at or above which a plan rarely pays off (seed 003:
/// "you are already getting the maximum share of their spend").
pub const DEFAULT_SHARE_THRESHOLD: f64 = 0.6;

/// An account's figures as entered (currency amounts of one year).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Figures {
    /// Our current revenue with the customer.
    pub revenue: Option<f64>,
    /// The customer's total spend in our categories.
    pub spend: Option<f64>,
    /// What the customer could buy from us.
    pub potential: Option<f64>,
}

/// A figure the portfolio needs and the account lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingFigure {
    Revenue,
    /// No total spend, or a total spend of zero (no share can be taken of it).
    Spend,
    Potential,
}

impl MissingFigure {
    pub fn as_str(self) -> &'static str {
        match self {
            MissingFigure::Revenue => "revenue",
            MissingFigure::Spend => "spend",
            MissingFigure::Potential => "potential",
        }
    }
}

/// An account's place in the portfolio picture.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    /// Current revenue ÷ total spend, 0 to 1 (revenue above the spend counts as 1).
    pub share: f64,
    /// Potential − current revenue, never below zero.
    pub growth: f64,
    /// Current revenue: the bubble's area.
    pub revenue: f64,
}

impl Figures {
    /// The account's point, or every figure it lacks (sorted). A revenue of
    /// zero is a figure; a spend of zero is not (nothing to take a share of).
    pub fn place(&self) -> Result<Point, Vec<MissingFigure>> {
        let usable = |v: Option<f64>| v.filter(|x| x.is_finite() && *x >= 0.0);
        let revenue = usable(self.revenue);
        let spend = usable(self.spend).filter(|s| *s > 0.0);
        let potential = usable(self.potential);
        match (revenue, spend, potential) {
            (Some(revenue), Some(spend), Some(potential)) => {
                Ok(Point { share: (revenue / spend).clamp(0.0, 1.0), growth: (potential - revenue).max(0.0), revenue })
            }
            _ => {
                let mut missing = Vec::new();
                if revenue.is_none() {
                    missing.push(MissingFigure::Revenue);
                }
                if spend.is_none() {
                    missing.push(MissingFigure::Spend);
                }
                if potential.is_none() {
                    missing.push(MissingFigure::Potential);
                }
                Err(missing)
            }
        }
    }
}

/// The four quadrants, each with a policy (texts `portfolio-quadrant-*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Low share, high growth potential: plan here.
    Develop,
    /// High share, high growth potential: defend and grow with the customer.
    Maintain,
    /// High share, little growth potential: serve efficiently.
    Harvest,
    /// Low share, little growth potential: invest only selectively.
    Selective,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Quadrant::Develop, Quadrant::Maintain, Quadrant::Harvest, Quadrant::Selective];

    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::Develop => "develop",
            Quadrant::Maintain => "maintain",
            Quadrant::Harvest => "harvest",
            Quadrant::Selective => "selective",
        }
    }
}

/// Where the quadrant lines cross.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Lines {
    /// Share of wallet, 0 to 1: at or above it is "high share".
    pub share: f64,
    /// Growth potential: at or above it is "high growth".
    pub growth: f64,
}

impl Lines {
    /// The medians of the points (the organisation's middle); `None` without
    /// any point.
    pub fn medians(points: &[Point]) -> Option<Lines> {
        Some(Lines { share: median(points.iter().map(|p| p.share).collect())?, growth: median(points.iter().map(|p| p.growth).collect())? })
    }

    /// The organisation's thresholds where set, else the medians (else the
    /// default share threshold and no growth line).
    pub fn chosen(share: Option<f64>, growth: Option<f64>, points: &[Point]) -> Lines {
        let medians = Lines::medians(points);
        Lines {
            share: share.or(medians.map(|m| m.share)).unwrap_or(DEFAULT_SHARE_THRESHOLD),
            growth: growth.or(medians.map(|m| m.growth)).unwrap_or(0.0),
        }
    }

    pub fn quadrant(&self, p: &Point) -> Quadrant {
        match (p.share >= self.share, p.growth >= self.growth) {
            (false, true) => Quadrant::Develop,
            (true, true) => Quadrant::Maintain,
            (true, false) => Quadrant::Harvest,
            (false, false) => Quadrant::Selective,
        }
    }
}

/// The median of finite values (the mean of the middle two for an even count).
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2.0 } else { values[mid] })
}

/// One account as the marks read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed<K> {
    pub key: K,
    pub point: Point,
    /// The account has an active plan (active, in review or approved).
    pub has_active_plan: bool,
}

/// Plan candidates: the accounts with the greatest growth potential that have
/// no active plan and whose share of wallet is below `share_threshold`, at
/// most `count` of them, greatest growth first (ties by key).
pub fn candidates<K: Copy + Ord>(accounts: &[Placed<K>], share_threshold: f64, count: usize) -> Vec<K> {
    let mut open: Vec<&Placed<K>> =
        accounts.iter().filter(|a| !a.has_active_plan && a.point.share < share_threshold && a.point.growth > 0.0).collect();
    open.sort_by(|a, b| b.point.growth.total_cmp(&a.point.growth).then(a.key.cmp(&b.key)));
    open.into_iter().take(count).map(|a| a.key).collect()
}

/// Why an active plan is worth reconsidering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reconsider {
    /// The share of wallet is already at the threshold or above.
    ShareAtThreshold,
    /// Little growth potential: below the growth line.
    LittleGrowth,
}

/// Active plans to reconsider, each with its reasons (share first).
pub fn to_reconsider<K: Copy>(accounts: &[Placed<K>], lines: &Lines, share_threshold: f64) -> Vec<(K, Vec<Reconsider>)> {
    accounts
        .iter()
        .filter(|a| a.has_active_plan)
        .filter_map(|a| {
            let mut why = Vec::new();
            if a.point.share >= share_threshold {
                why.push(Reconsider::ShareAtThreshold);
            }
            if a.point.growth < lines.growth {
                why.push(Reconsider::LittleGrowth);
            }
            (!why.is_empty()).then_some((a.key, why))
        })
        .collect()
}

#[cfg(test)]
mod tests;
