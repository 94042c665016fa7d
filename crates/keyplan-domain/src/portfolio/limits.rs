//! The organisation's limits on active plans (seed 004: the top 3 per KAM;
//! seed 003: 10 to 15 master plans per company). A plan counts as active from
//! the moment it leaves the draft until it is archived: active, in review or
//! approved. Activating a plan over a limit is refused unless a manager allows
//! the exception with a reason (recorded by the application).

use serde::Serialize;

use crate::UserId;
use crate::plan::PlanStatus;

/// Active plans one KAM may hold (seed 004).
pub const DEFAULT_PER_KAM: u32 = 3;
/// Active master plans the company may hold (seed 003).
pub const DEFAULT_PER_COMPANY: u32 = 15;

/// The organisation's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PlanLimits {
    pub per_kam: u32,
    pub per_company: u32,
}

impl Default for PlanLimits {
    fn default() -> Self {
        PlanLimits { per_kam: DEFAULT_PER_KAM, per_company: DEFAULT_PER_COMPANY }
    }
}

/// Whether a plan in `status` counts against the limits.
pub fn counts(status: PlanStatus) -> bool {
    matches!(status, PlanStatus::Active | PlanStatus::InReview | PlanStatus::Approved)
}

/// One plan that counts against the limits, with its KAM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActivePlan<K> {
    pub key: K,
    pub kam: Option<UserId>,
}

/// Which limit a plan would break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    PerKam,
    PerCompany,
}

impl Limit {
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::PerKam => "active_plans_per_kam",
            Limit::PerCompany => "master_plans_per_company",
        }
    }
}

/// A limit the activation would break, and the plans that already fill it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Breach<K> {
    pub limit: Limit,
    pub allowed: u32,
    pub filled_by: Vec<K>,
}

/// Checks activating `plan` (held by `kam`) against `active`, the plans that
/// count now (the plan itself, if listed, is left out: re-activating an
/// active plan never breaks a limit). Every limit broken, the KAM's first.
pub fn check<K: Copy + PartialEq>(limits: &PlanLimits, plan: K, kam: Option<UserId>, active: &[ActivePlan<K>]) -> Vec<Breach<K>> {
    let others: Vec<&ActivePlan<K>> = active.iter().filter(|a| a.key != plan).collect();
    let mut breaches = Vec::new();
    if let Some(kam) = kam {
        let held: Vec<K> = others.iter().filter(|a| a.kam == Some(kam)).map(|a| a.key).collect();
        if held.len() >= limits.per_kam as usize {
            breaches.push(Breach { limit: Limit::PerKam, allowed: limits.per_kam, filled_by: held });
        }
    }
    if others.len() >= limits.per_company as usize {
        breaches.push(Breach { limit: Limit::PerCompany, allowed: limits.per_company, filled_by: others.iter().map(|a| a.key).collect() });
    }
    breaches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kam(n: i64) -> Option<UserId> {
        Some(UserId::new(n))
    }

    fn active(list: &[(i64, i64)]) -> Vec<ActivePlan<i64>> {
        list.iter().map(|&(key, k)| ActivePlan { key, kam: kam(k) }).collect()
    }

    #[test]
    fn only_plans_out_of_draft_and_not_archived_count() {
        let counted: Vec<_> = PlanStatus::ALL.into_iter().filter(|s| counts(*s)).collect();
        assert_eq!(counted, [PlanStatus::Active, PlanStatus::InReview, PlanStatus::Approved]);
    }

    #[test]
    fn a_fourth_plan_for_one_kam_breaks_the_default_limit() {
        let limits = PlanLimits::default();
        let now = active(&[(1, 7), (2, 7), (3, 7), (4, 8)]);
        let breaches = check(&limits, 9, kam(7), &now);
        assert_eq!(breaches, vec![Breach { limit: Limit::PerKam, allowed: 3, filled_by: vec![1, 2, 3] }]);
        assert!(check(&limits, 9, kam(8), &now).is_empty(), "another KAM holds one");
        assert!(check(&limits, 3, kam(7), &now).is_empty(), "an active plan made active again");
        assert!(check(&limits, 9, None, &now).is_empty(), "no KAM: only the company's limit applies");
    }

    #[test]
    fn the_company_limit_counts_every_kam() {
        let limits = PlanLimits { per_kam: 10, per_company: 3 };
        let breaches = check(&limits, 9, kam(1), &active(&[(1, 1), (2, 2), (3, 3)]));
        assert_eq!(breaches, vec![Breach { limit: Limit::PerCompany, allowed: 3, filled_by: vec![1, 2, 3] }]);
        assert!(check(&limits, 9, kam(1), &active(&[(1, 1), (2, 2)])).is_empty());
        let both = check(&PlanLimits { per_kam: 1, per_company: 1 }, 9, kam(1), &active(&[(1, 1)]));
        assert_eq!(both.iter().map(|b| b.limit).collect::<Vec<_>>(), [Limit::PerKam, Limit::PerCompany]);
    }

    #[test]
    fn a_limit_of_zero_refuses_every_activation() {
        let limits = PlanLimits { per_kam: 0, per_company: 15 };
        assert_eq!(check(&limits, 1, kam(1), &[])[0], Breach { limit: Limit::PerKam, allowed: 0, filled_by: vec![] });
    }
}
