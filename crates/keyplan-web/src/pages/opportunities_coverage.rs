//! The pipeline coverage bar of money goals, as the plan page, the story view
//! and the management briefing show it: computed from the bundle's linked
//! opportunities (loaded in one statement with the plan).

use std::collections::HashMap;

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::opportunity::coverage::Coverage;
use keyplan_i18n::Tr;

/// One goal's bar, with its texts in the page's language.
pub struct CoverageView {
    /// "46% covered", or "no gap to cover".
    pub headline: String,
    /// "won €150k · weighted €125k of €300k open · gap €600k".
    pub detail: String,
    /// Width of the won part and of the weighted open part, in percent of the gap.
    pub won_pct: u32,
    pub weighted_pct: u32,
    /// `good` (covered), `warn` (half or more), `bad` (less than half), `none` (no gap).
    pub tone: &'static str,
    /// Past close dates, other currencies.
    pub flags: Vec<String>,
}

impl CoverageView {
    pub fn new(c: &Coverage, t: Tr) -> Self {
        let money = |n: f64| t.money(Some(n), &c.currency);
        let headline = match c.ratio {
            Some(r) => t.s1("cov-covered", "percent", t.pct(Some(r))),
            None => t.s("cov-no-gap"),
        };
        let tone = match c.ratio {
            None => "none",
            Some(r) if r >= 1.0 => "good",
            Some(r) if r >= 0.5 => "warn",
            Some(_) => "bad",
        };
        let mut flags = Vec::new();
        if c.overdue > 0 {
            flags.push(t.s1("cov-overdue", "count", c.overdue));
        }
        if c.other_currency > 0 {
            flags.push(t.s1("cov-other-currency", "count", c.other_currency));
        }
        CoverageView {
            headline,
            detail: t.a(
                "cov-detail",
                &[
                    ("won", money(c.won).into()),
                    ("weighted", money(c.weighted).into()),
                    ("open", money(c.open).into()),
                    ("gap", money(c.gap).into()),
                ],
            ),
            won_pct: (c.won_share() * 100.0).round() as u32,
            weighted_pct: (c.weighted_share() * 100.0).round() as u32,
            tone,
            flags,
        }
    }
}

/// The bars of a plan's money goals, by goal id.
#[derive(Default)]
pub struct Pipeline(HashMap<i64, CoverageView>);

impl Pipeline {
    pub fn of_bundle(b: &PlanBundle, t: Tr) -> Self {
        let nodes: Vec<_> = b.tree.iter().map(|tn| tn.node.clone()).collect();
        let coverage = keyplan_app::opportunities::coverage_of(&nodes, &b.opportunities, keyplan_app::today());
        Pipeline(coverage.iter().map(|(id, c)| (id.get(), CoverageView::new(c, t))).collect())
    }

    /// The bar of the goal whose discussion thread is `thread` (`node:ID`).
    pub fn of_thread(&self, thread: &str) -> Option<&CoverageView> {
        thread.strip_prefix("node:").and_then(|id| id.parse().ok()).and_then(|id: i64| self.of(&id))
    }

    /// The bar of goal `id`, if it has a money target.
    pub fn of(&self, id: &i64) -> Option<&CoverageView> {
        self.0.get(id)
    }
}
