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

mod filter;
mod kept;
mod sort;

pub use filter::{Area, Filter, FilterInput, encode};
use keyplan_domain::portfolio::{self, Figures, Lines, MissingFigure, Placed, Point, Quadrant, Reconsider};
use keyplan_domain::{AccountId, OrgId};
use keyplan_store::{PortfolioAccount, Store};
use serde::Serialize;
pub use sort::{Order, SORTS};
use time::Date;

use crate::{Auth, Result};

/// How many plan candidates the portfolio names: the top ten accounts by
/// growth potential without an active plan and below the share threshold. Ten
/// is the bottom of seed 003's "10 to 15 master plans per company", the same
/// for every organisation.
pub const CANDIDATES: usize = 10;

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

/// One placed account. The account is shared, so that a filtered view of the
/// kept portfolio copies no names (10,000 accounts per request).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub account: std::sync::Arc<PortfolioAccount>,
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

    /// How many of the shown accounts fall in each quadrant, in [`Quadrant::ALL`]'s order.
    pub fn quadrant_counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for e in &self.entries {
            if let Some(i) = Quadrant::ALL.iter().position(|q| *q == e.quadrant) {
                counts[i] += 1;
            }
        }
        counts
    }
}

/// The portfolio of the signed-in user's organisation, filtered, as of `today`.
pub async fn portfolio(store: &Store, auth: &Auth, filter: &Filter, today: Date) -> Result<Portfolio> {
    load(store, auth.org(), filter, today).await
}

/// [`portfolio`] for an organisation (the caller checked who asks). One
/// statement while the organisation is unchanged (its change mark; the
/// judged portfolio is kept, see [`kept`]), else four: the mark, settings,
/// organisation, and the organisation's accounts, read once (the filters
/// choose among them here).
pub async fn load(store: &Store, org: OrgId, filter: &Filter, today: Date) -> Result<Portfolio> {
    Ok(kept::whole(store, org, today).await?.shown(filter))
}

impl Portfolio {
    /// The accounts `filter` lets through, each judged as part of the whole
    /// organisation: the same as [`build`] given only those to show.
    pub fn shown(&self, filter: &Filter) -> Portfolio {
        let lets = |a: &PortfolioAccount| filter.accounts.is_empty() || filter.accounts.matches(a);
        let entries: Vec<Entry> = self.entries.iter().filter(|e| lets(&e.account)).cloned().collect();
        let missing = self.missing.iter().filter(|u| lets(&u.account)).cloned().collect();
        let ids: std::collections::HashSet<AccountId> = entries.iter().map(|e| e.account.id).collect();
        let mut p = Portfolio {
            lines: self.lines,
            share_of_wallet_threshold: self.share_of_wallet_threshold,
            currency: self.currency.clone(),
            candidates: self.candidates.iter().copied().filter(|id| ids.contains(id)).collect(),
            reconsider: self.reconsider.iter().copied().filter(|id| ids.contains(id)).collect(),
            entries,
            missing,
        };
        if !filter.area.is_empty() {
            p.keep_area(&filter.area);
        }
        p
    }
}

impl Portfolio {
    /// Keeps the placed accounts inside `area` (and none lacking figures: they
    /// have no place in the picture).
    pub fn keep_area(&mut self, area: &Area) {
        self.entries.retain(|e| area.contains(&e.point));
        self.missing.clear();
        let kept = |id: &AccountId| self.entries.iter().any(|e| e.account.id == *id);
        let candidates = self.candidates.iter().copied().filter(kept).collect();
        let reconsider = self.reconsider.iter().copied().filter(kept).collect();
        (self.candidates, self.reconsider) = (candidates, reconsider);
    }
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
    let reconsider_all: std::collections::HashMap<AccountId, Vec<Reconsider>> =
        portfolio::to_reconsider(&placed, &lines, threshold).into_iter().collect();

    let mut entries = Vec::new();
    let mut missing = Vec::new();
    for account in shown.unwrap_or(all) {
        match figures(&account).place() {
            Ok(point) => {
                let reconsider = reconsider_all.get(&account.id).cloned().unwrap_or_default();
                entries.push(Entry {
                    quadrant: lines.quadrant(&point),
                    candidate: candidates_all.contains(&account.id),
                    reconsider,
                    point,
                    account: std::sync::Arc::new(account),
                });
            }
            Err(lacks) => missing.push(Unplaced { account, missing: lacks }),
        }
    }
    let shown_ids: std::collections::HashSet<AccountId> = entries.iter().map(|e| e.account.id).collect();
    let candidates = candidates_all.iter().copied().filter(|id| shown_ids.contains(id)).collect();
    let reconsider = entries.iter().filter(|e| !e.reconsider.is_empty()).map(|e| e.account.id).collect();
    Portfolio { lines: chosen, share_of_wallet_threshold: threshold, currency, entries, missing, candidates, reconsider }
}

fn figures(a: &PortfolioAccount) -> Figures {
    Figures { revenue: a.current_revenue, spend: a.total_spend, potential: a.potential }
}

#[cfg(test)]
mod tests {
    use keyplan_domain::portfolio::PlanState;
    use keyplan_domain::{PlanId, UserId};
    use keyplan_store::PortfolioFilter;

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
    fn a_filtered_view_of_the_whole_judges_like_building_only_the_shown() {
        let mut all = sample();
        all.extend((5..40).map(|i| account(i, Some(i as f64 * 10.0), Some(1000.0), Some(400.0 + i as f64 * 7.0), PlanState::NoPlan)));
        let whole = build(all.clone(), None, 0.6, None, None, "EUR".into());
        let filters = [
            PortfolioFilter { region: Some("North".into()), ..Default::default() },
            PortfolioFilter { owner: Some(UserId::new(2)), ..Default::default() },
            PortfolioFilter { state: Some(PlanState::Active), ..Default::default() },
            PortfolioFilter::default(),
        ];
        for accounts in filters {
            let shown: Vec<PortfolioAccount> = all.iter().filter(|a| accounts.matches(a)).cloned().collect();
            let filter = Filter { accounts: accounts.clone(), area: Area::default() };
            let expected = build(all.clone(), (!accounts.is_empty()).then_some(shown), 0.6, None, None, "EUR".into());
            assert_eq!(whole.shown(&filter), expected, "{accounts:?}");
        }
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
