//! The account portfolio (issue 13): every account placed by share of wallet
//! and growth potential, its quadrant, the plan candidates and the plans to
//! reconsider, for the portfolio page, its exports and `GET /api/v1/portfolio`.
//!
//! Who may see it: every signed-in user of the organisation, whatever the role
//! (viewers read everything in their organisation; the portfolio shows
//! nothing a user could not read account by account). A customer visiting a
//! share link is never signed in and never reaches it.
//!
//! The lines, the candidates and the plans to reconsider are always judged on
//! the whole organisation, so an account keeps its quadrant and its marks
//! whatever the filters show: the medians are the organisation's middle, and
//! the candidates are the organisation's top [`CANDIDATES`].

use keyplan_domain::portfolio::{self, Figures, Lines, MissingFigure, Placed, PlanState, Point, Quadrant, Reconsider};
use keyplan_domain::{AccountId, Message, OrgId, UserId};
use keyplan_store::{PortfolioAccount, PortfolioFilter, Store};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::{AppError, Auth, Result};

/// How many plan candidates the portfolio names: the top ten accounts by
/// growth potential without an active plan and below the share threshold. Ten
/// is the bottom of seed 003's "10 to 15 master plans per company", the same
/// for every organisation.
pub const CANDIDATES: usize = 10;

/// The filters as a page's form or the API's query sends them: `kam` (a user
/// id), `region`, `industry` and `state` (`no_plan`, `draft`, `active`,
/// `overdue_review`); empty means all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct FilterInput {
    pub kam: String,
    pub region: String,
    pub industry: String,
    pub state: String,
}

impl FilterInput {
    /// The filter, or a field error naming the wrong parameter.
    pub fn filter(&self) -> Result<PortfolioFilter> {
        let kam = match self.kam.trim() {
            "" => None,
            k => Some(k.parse::<i64>().map(UserId::new).map_err(|_| AppError::field("kam", Message::new("portfolio-err-kam")))?),
        };
        let state = match self.state.trim() {
            "" => None,
            s => Some(PlanState::parse(s).ok_or_else(|| AppError::field("state", Message::new("portfolio-err-state")))?),
        };
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(PortfolioFilter { owner: kam, region: text(&self.region), industry: text(&self.industry), state })
    }

    /// The filters as a query string (`kam=3&state=draft`), empty when none.
    pub fn query(&self) -> String {
        [("kam", &self.kam), ("region", &self.region), ("industry", &self.industry), ("state", &self.state)]
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// `s` for a query string: unreserved characters as they are, the rest as `%XX`.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where a quadrant line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineSource {
    /// The organisation's median of the placed accounts.
    Median,
    /// The organisation's setting.
    Setting,
}

/// The quadrant lines and where each comes from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ChosenLines {
    pub lines: Lines,
    pub share_source: LineSource,
    pub growth_source: LineSource,
}

impl ChosenLines {
    /// `setting` or `median` when both lines agree, else `mixed`.
    pub fn source(&self) -> &'static str {
        match (self.share_source, self.growth_source) {
            (LineSource::Setting, LineSource::Setting) => "setting",
            (LineSource::Median, LineSource::Median) => "median",
            _ => "mixed",
        }
    }
}

/// One placed account.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub account: PortfolioAccount,
    pub point: Point,
    pub quadrant: Quadrant,
    /// One of the organisation's plan candidates.
    pub candidate: bool,
    /// Why its active plan is worth reconsidering (empty: it is not).
    pub reconsider: Vec<Reconsider>,
}

/// An account the picture cannot place, with what it lacks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unplaced {
    pub account: PortfolioAccount,
    pub missing: Vec<MissingFigure>,
}

/// The portfolio as shown: the accounts the filter lets through.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Portfolio {
    pub lines: ChosenLines,
    pub share_of_wallet_threshold: f64,
    /// The organisation's currency, for money.
    pub currency: String,
    /// Placed accounts, by name.
    pub entries: Vec<Entry>,
    /// Accounts lacking figures, by name.
    pub missing: Vec<Unplaced>,
    /// Candidates among the entries, greatest growth potential first.
    pub candidates: Vec<AccountId>,
    /// Plans to reconsider among the entries, in the entries' order.
    pub reconsider: Vec<AccountId>,
}

impl Portfolio {
    pub fn entry(&self, id: AccountId) -> Option<&Entry> {
        self.entries.iter().find(|e| e.account.id == id)
    }
}

/// The portfolio of the signed-in user's organisation, filtered, as of `today`.
pub async fn portfolio(store: &Store, auth: &Auth, filter: &PortfolioFilter, today: Date) -> Result<Portfolio> {
    load(store, auth.org(), filter, today).await
}

/// [`portfolio`] for an organisation (the caller checked who asks). A fixed
/// number of statements: settings, organisation, the accounts, and the
/// organisation's whole portfolio again when a filter is set.
pub async fn load(store: &Store, org: OrgId, filter: &PortfolioFilter, today: Date) -> Result<Portfolio> {
    let (settings, _) = store.organisation_settings(org).await?;
    let currency = store.org(org).await?.currency;
    let all = store.portfolio(org, &PortfolioFilter::default(), today).await?;
    let shown = if filter.is_empty() { None } else { Some(store.portfolio(org, filter, today).await?) };
    Ok(build(all, shown, settings.share_of_wallet_threshold, settings.quadrant_share_line, settings.quadrant_growth_line, currency))
}

/// Judges the organisation's accounts `all` and keeps those in `shown`
/// (every one when `None`). Pure: the tests call it directly.
pub fn build(
    all: Vec<PortfolioAccount>,
    shown: Option<Vec<PortfolioAccount>>,
    threshold: f64,
    share_line: Option<f64>,
    growth_line: Option<f64>,
    currency: String,
) -> Portfolio {
    let placed: Vec<Placed<AccountId>> = all
        .iter()
        .filter_map(|a| figures(a).place().ok().map(|point| Placed { key: a.id, point, has_active_plan: a.plan_state.has_active_plan() }))
        .collect();
    let points: Vec<Point> = placed.iter().map(|p| p.point).collect();
    let lines = Lines::chosen(share_line, growth_line, &points);
    let source = |set: Option<f64>| if set.is_some() { LineSource::Setting } else { LineSource::Median };
    let chosen = ChosenLines { lines, share_source: source(share_line), growth_source: source(growth_line) };
    let candidates_all = portfolio::candidates(&placed, threshold, CANDIDATES);
    let reconsider_all = portfolio::to_reconsider(&placed, &lines, threshold);

    let mut entries = Vec::new();
    let mut missing = Vec::new();
    for account in shown.unwrap_or(all) {
        match figures(&account).place() {
            Ok(point) => {
                let reconsider = reconsider_all.iter().find(|(k, _)| *k == account.id).map(|(_, why)| why.clone()).unwrap_or_default();
                entries.push(Entry {
                    quadrant: lines.quadrant(&point),
                    candidate: candidates_all.contains(&account.id),
                    reconsider,
                    point,
                    account,
                });
            }
            Err(lacks) => missing.push(Unplaced { account, missing: lacks }),
        }
    }
    let candidates = candidates_all.iter().copied().filter(|id| entries.iter().any(|e| e.account.id == *id)).collect();
    let reconsider = entries.iter().filter(|e| !e.reconsider.is_empty()).map(|e| e.account.id).collect();
    Portfolio { lines: chosen, share_of_wallet_threshold: threshold, currency, entries, missing, candidates, reconsider }
}

fn figures(a: &PortfolioAccount) -> Figures {
    Figures { revenue: a.current_revenue, spend: a.total_spend, potential: a.potential }
}

#[cfg(test)]
mod tests {
    use keyplan_domain::PlanId;

    use super::*;

    fn account(id: i64, revenue: Option<f64>, spend: Option<f64>, potential: Option<f64>, state: PlanState) -> PortfolioAccount {
        PortfolioAccount {
            id: AccountId::new(id),
            name: format!("Account {id}"),
            owner_id: Some(UserId::new(1 + id % 2)),
            owner_name: Some("Kim".into()),
            region: Some(if id % 2 == 0 { "North" } else { "South" }.into()),
            industry: None,
            current_revenue: revenue,
            total_spend: spend,
            potential,
            plan_state: state,
            plan_id: state.has_active_plan().then_some(PlanId::new(id)),
            coach_level: None,
            coach_score: None,
        }
    }

    fn sample() -> Vec<PortfolioAccount> {
        vec![
            account(1, Some(100.0), Some(1000.0), Some(900.0), PlanState::NoPlan), // share 0.1, growth 800
            account(2, Some(800.0), Some(1000.0), Some(850.0), PlanState::Active), // share 0.8, growth 50
            account(3, Some(300.0), Some(1000.0), Some(500.0), PlanState::Draft),  // share 0.3, growth 200
            account(4, None, Some(1000.0), None, PlanState::NoPlan),
        ]
    }

    #[test]
    fn filters_from_parameters() {
        let input = FilterInput { kam: "7".into(), region: " North ".into(), industry: String::new(), state: "overdue_review".into() };
        let f = input.filter().unwrap();
        assert_eq!(f.owner, Some(UserId::new(7)));
        assert_eq!(f.region.as_deref(), Some("North"));
        assert_eq!(f.state, Some(PlanState::OverdueReview));
        assert_eq!(input.query(), "kam=7&region=North&state=overdue_review");
        assert_eq!(FilterInput { region: "Süd & West".into(), ..Default::default() }.query(), "region=S%C3%BCd%20%26%20West");
        assert!(FilterInput::default().filter().unwrap().is_empty());
        assert!(
            matches!(FilterInput { kam: "x".into(), ..Default::default() }.filter(), Err(AppError::Validation(e)) if e[0].field == "kam")
        );
        assert!(
            matches!(FilterInput { state: "archived".into(), ..Default::default() }.filter(), Err(AppError::Validation(e)) if e[0].field == "state")
        );
    }

    #[test]
    fn medians_quadrants_and_marks() {
        let p = build(sample(), None, 0.6, None, None, "EUR".into());
        assert_eq!(p.lines.source(), "median");
        assert_eq!((p.lines.lines.share, p.lines.lines.growth), (0.3, 200.0));
        let q: Vec<Quadrant> = p.entries.iter().map(|e| e.quadrant).collect();
        assert_eq!(q, [Quadrant::Develop, Quadrant::Harvest, Quadrant::Maintain]);
        assert_eq!(p.candidates, [AccountId::new(1), AccountId::new(3)]);
        assert_eq!(p.entries[1].reconsider, [Reconsider::ShareAtThreshold, Reconsider::LittleGrowth]);
        assert_eq!(p.reconsider, [AccountId::new(2)]);
        assert_eq!(p.missing.len(), 1);
        assert_eq!(p.missing[0].missing, [MissingFigure::Revenue, MissingFigure::Potential]);
    }

    #[test]
    fn filters_keep_the_organisations_lines_and_marks() {
        let all = sample();
        let south: Vec<PortfolioAccount> = all.iter().filter(|a| a.id.get() % 2 == 1).cloned().collect();
        let p = build(all, Some(south), 0.6, Some(0.5), None, "EUR".into());
        assert_eq!(p.lines.source(), "mixed");
        assert_eq!((p.lines.lines.share, p.lines.lines.growth), (0.5, 200.0), "the growth median of the whole organisation");
        assert_eq!(p.entries.iter().map(|e| e.account.id.get()).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(p.candidates, [AccountId::new(1), AccountId::new(3)]);
        assert!(p.reconsider.is_empty(), "account 2 is filtered out");
        let p = build(sample(), None, 0.6, Some(0.5), Some(100.0), "EUR".into());
        assert_eq!(p.lines.source(), "setting");
    }
}
