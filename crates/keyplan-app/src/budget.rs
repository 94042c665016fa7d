//! The budget basis of a fiscal year (issue 17; the rules are
//! `keyplan_domain::budget`): managers and administrators only, for their
//! organisation, in a constant number of statements (the organisation and the
//! five of `Store::budget_facts`).

use std::collections::HashMap;

use keyplan_domain::budget::{self, BudgetRow, LatestRating, MoneyGoal, Named, Totals};
use keyplan_domain::opportunity::coverage::money_unit;
use keyplan_domain::{AccountId, Message, permissions};
use keyplan_store::{BudgetFacts, Store};
use serde::Serialize;

use crate::access::require;
use crate::{AppError, Auth, Result};

/// The budget basis of one fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetBasis {
    pub year: i32,
    /// The organisation's currency: of revenue, potential, pipeline and the goal totals.
    pub currency: String,
    pub accounts: Vec<BudgetRow>,
    pub totals: Totals,
}

/// Reads a `year` parameter: a whole year from 1900 to 2999; none: this year.
pub fn parse_year(raw: Option<&str>) -> Result<i32> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else { return Ok(crate::today().year()) };
    raw.parse::<i32>().ok().filter(|y| budget::YEARS.contains(y)).ok_or_else(|| AppError::field("year", Message::new("budget-err-year")))
}

/// The budget basis of fiscal year `year` (managers and administrators).
pub async fn budget_basis(store: &Store, auth: &Auth, year: i32) -> Result<BudgetBasis> {
    require(permissions::can_approve_plans(auth.actor()))?;
    let (first, last) = budget::fiscal_year(year).ok_or_else(|| AppError::field("year", Message::new("budget-err-year")))?;
    let (org, facts) = tokio::try_join!(store.org(auth.org()), store.budget_facts(auth.org(), first, last))?;
    let accounts = rows(&facts, &org.currency);
    let totals = budget::totals(&accounts, &org.currency);
    Ok(BudgetBasis { year, currency: org.currency, accounts, totals })
}

/// One row per planned account, in the order the store gave them (by name).
fn rows(f: &BudgetFacts, currency: &str) -> Vec<BudgetRow> {
    let mut goals: HashMap<AccountId, Vec<MoneyGoal>> = HashMap::new();
    for g in &f.goals {
        let Some(money) = g.unit.as_deref().and_then(money_unit) else { continue };
        goals.entry(g.account_id).or_default().push(MoneyGoal {
            plan_id: g.plan_id.get(),
            plan_title: g.plan_title.clone(),
            goal_id: g.id.get(),
            title: g.title.clone(),
            metric: g.metric.clone(),
            unit: g.unit.clone().unwrap_or_default(),
            currency: money.currency.clone(),
            baseline: g.baseline.map(|b| b * money.scale),
            target: g.target.map(|t| t * money.scale),
            target_date: g.target_date,
        });
    }
    let whitespace: HashMap<AccountId, f64> = f.whitespace.iter().copied().collect();
    let mut pipeline: HashMap<AccountId, (f64, u32)> = HashMap::new();
    for p in &f.pipeline {
        let entry = pipeline.entry(p.account_id).or_default();
        if p.currency.eq_ignore_ascii_case(currency) {
            entry.0 += p.weighted;
        } else {
            entry.1 += u32::try_from(p.deals).unwrap_or(u32::MAX);
        }
    }
    let mut rating: HashMap<AccountId, LatestRating> = HashMap::new();
    for r in &f.ratings {
        // Newest first: the first one met is the latest.
        rating.entry(r.account_id).or_insert_with(|| LatestRating {
            plan_id: r.plan_id.get(),
            score: r.score,
            scale_min: r.scale_min,
            scale_max: r.scale_max,
            label: r.label.clone(),
            rated_at: r.rated_at,
        });
    }
    f.accounts
        .iter()
        .map(|a| {
            let (weighted, other) = pipeline.get(&a.id).copied().unwrap_or_default();
            BudgetRow {
                account: Named { id: a.id.get(), name: a.name.clone() },
                kam: a.owner_id.map(|id| Named { id: id.get(), name: a.owner_name.clone().unwrap_or_default() }),
                region: a.region.clone().filter(|r| !r.trim().is_empty()),
                industry: a.industry.clone().filter(|i| !i.trim().is_empty()),
                current_revenue: a.current_revenue,
                potential: a.potential,
                goals: goals.remove(&a.id).unwrap_or_default(),
                whitespace_potential: whitespace.get(&a.id).copied().unwrap_or(0.0),
                weighted_pipeline: weighted,
                pipeline_other_currency: other,
                rating: rating.remove(&a.id),
            }
        })
        .collect()
}
