//! The portfolio's filters as a page's form or the API's query sends them:
//! who owns the account, its region, industry and plan state, and an area of
//! the picture (a range of share of wallet and of growth potential, which is
//! where a group of small bubbles links to).

use keyplan_domain::portfolio::{PlanState, Point};
use keyplan_domain::{Message, UserId};
use keyplan_store::PortfolioFilter;
use serde::{Deserialize, Serialize};

use crate::{AppError, Result};

/// The filters as typed: `kam` (a user id), `region`, `industry`, `state`
/// (`no_plan`, `draft`, `active`, `overdue_review`), and the area
/// `share_min`/`share_max` (0 to 1) and `growth_min`/`growth_max` (money),
/// each minimum included and each maximum excluded; empty means all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct FilterInput {
    pub kam: String,
    pub region: String,
    pub industry: String,
    pub state: String,
    pub share_min: String,
    pub share_max: String,
    pub growth_min: String,
    pub growth_max: String,
}

/// A range of the picture: share of wallet and growth potential, each bound
/// optional, minimum included, maximum excluded.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Area {
    pub share_min: Option<f64>,
    pub share_max: Option<f64>,
    pub growth_min: Option<f64>,
    pub growth_max: Option<f64>,
}

impl Area {
    pub fn is_empty(&self) -> bool {
        self == &Area::default()
    }

    pub fn contains(&self, p: &Point) -> bool {
        self.share_min.is_none_or(|m| p.share >= m)
            && self.share_max.is_none_or(|m| p.share < m)
            && self.growth_min.is_none_or(|m| p.growth >= m)
            && self.growth_max.is_none_or(|m| p.growth < m)
    }
}

/// Checked filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub accounts: PortfolioFilter,
    pub area: Area,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty() && self.area.is_empty()
    }
}

fn number(field: &str, raw: &str, min: f64, max: f64, code: &str) -> Result<Option<f64>> {
    match raw.trim() {
        "" => Ok(None),
        v => match v.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= min && n <= max => Ok(Some(n)),
            _ => Err(AppError::field(field, Message::new(code))),
        },
    }
}

impl FilterInput {
    /// The filter, or a field error naming the wrong parameter.
    pub fn filter(&self) -> Result<Filter> {
        let kam = match self.kam.trim() {
            "" => None,
            k => Some(k.parse::<i64>().map(UserId::new).map_err(|_| AppError::field("kam", Message::new("portfolio-err-kam")))?),
        };
        let state = match self.state.trim() {
            "" => None,
            s => Some(PlanState::parse(s).ok_or_else(|| AppError::field("state", Message::new("portfolio-err-state")))?),
        };
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let area = Area {
            share_min: number("share_min", &self.share_min, 0.0, 1.0, "portfolio-err-share-range")?,
            share_max: number("share_max", &self.share_max, 0.0, 1.0, "portfolio-err-share-range")?,
            growth_min: number("growth_min", &self.growth_min, 0.0, 1e15, "portfolio-err-growth-range")?,
            growth_max: number("growth_max", &self.growth_max, 0.0, 1e15, "portfolio-err-growth-range")?,
        };
        Ok(Filter { accounts: PortfolioFilter { owner: kam, region: text(&self.region), industry: text(&self.industry), state }, area })
    }

    /// The filters as a query string (`kam=3&state=draft`), empty when none.
    pub fn query(&self) -> String {
        self.pairs()
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The filters without the area: what the form shows.
    pub fn without_area(&self) -> FilterInput {
        FilterInput {
            kam: self.kam.clone(),
            region: self.region.clone(),
            industry: self.industry.clone(),
            state: self.state.clone(),
            ..Default::default()
        }
    }

    /// Whether an area of the picture is chosen.
    pub fn has_area(&self) -> bool {
        [&self.share_min, &self.share_max, &self.growth_min, &self.growth_max].iter().any(|v| !v.trim().is_empty())
    }

    fn pairs(&self) -> [(&'static str, &String); 8] {
        [
            ("kam", &self.kam),
            ("region", &self.region),
            ("industry", &self.industry),
            ("state", &self.state),
            ("share_min", &self.share_min),
            ("share_max", &self.share_max),
            ("growth_min", &self.growth_min),
            ("growth_max", &self.growth_max),
        ]
    }
}

/// `s` for a query string: unreserved characters as they are, the rest as `%XX`.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_from_parameters() {
        let input = FilterInput { kam: "7".into(), region: " North ".into(), state: "overdue_review".into(), ..Default::default() };
        let f = input.filter().unwrap();
        assert_eq!(f.accounts.owner, Some(UserId::new(7)));
        assert_eq!(f.accounts.region.as_deref(), Some("North"));
        assert_eq!(f.accounts.state, Some(PlanState::OverdueReview));
        assert!(f.area.is_empty());
        assert_eq!(input.query(), "kam=7&region=North&state=overdue_review");
        assert_eq!(FilterInput { region: "Süd & West".into(), ..Default::default() }.query(), "region=S%C3%BCd%20%26%20West");
        assert!(FilterInput::default().filter().unwrap().is_empty());
        for (field, input) in [
            ("kam", FilterInput { kam: "x".into(), ..Default::default() }),
            ("state", FilterInput { state: "archived".into(), ..Default::default() }),
            ("share_max", FilterInput { share_max: "1.5".into(), ..Default::default() }),
            ("growth_min", FilterInput { growth_min: "-1".into(), ..Default::default() }),
            ("growth_max", FilterInput { growth_max: "NaN".into(), ..Default::default() }),
        ] {
            assert!(matches!(input.filter(), Err(AppError::Validation(e)) if e[0].field == field), "{field}");
        }
    }

    #[test]
    fn an_area_includes_its_minimum_and_excludes_its_maximum() {
        let input = FilterInput { share_min: "0.2".into(), share_max: "0.4".into(), growth_min: "100".into(), ..Default::default() };
        assert!(input.has_area());
        assert_eq!(input.without_area(), FilterInput::default());
        let area = input.filter().unwrap().area;
        let at = |share, growth| area.contains(&Point { share, growth, revenue: 1.0 });
        assert!(at(0.2, 100.0));
        assert!(at(0.39, 1e9));
        assert!(!at(0.4, 100.0));
        assert!(!at(0.3, 99.0));
    }
}
