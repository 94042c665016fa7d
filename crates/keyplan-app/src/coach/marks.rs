//! The coach's kept mark of each plan (score, level, blockers), which the
//! account list and the account page show without running the coach per row.
//!
//! The mark is written again after every change the coach reads: a write to
//! the plan's content (through the history, [`crate::collab::record_activity`]),
//! a review, a KPI, a contact of the account, the customer's answers and
//! visits, and the organisation's settings. Date-driven changes (a commitment
//! falling overdue overnight) are caught by [`refresh_stale`], which the
//! server runs at start and once a day; marking is idempotent, so two servers
//! doing it at once only repeat each other's work.
//!
//! Like the history, marking is a by-product: a failure is logged and never
//! fails the write that caused it.

use keyplan_domain::{AccountId, Lang, OrgId, PlanId};
use keyplan_store::{PlanMark, Store};
use time::OffsetDateTime;

/// Reads the plan with the coach and keeps its mark; a failure is only logged.
pub async fn remark(store: &Store, org: OrgId, plan: PlanId) {
    if let Err(e) = try_remark(store, org, plan).await {
        tracing::warn!(error = %e, plan = plan.get(), "keeping the coach's mark failed");
    }
}

async fn try_remark(store: &Store, org: OrgId, plan: PlanId) -> crate::Result<PlanMark> {
    let read_at = OffsetDateTime::now_utc();
    let report = super::report_for(store, org, plan, Lang::En, crate::today()).await?;
    let mark = report.plan_mark();
    store.set_plan_mark(org, plan, mark, read_at).await?;
    Ok(mark)
}

/// Marks every plan of an account again (a contact of it changed).
pub async fn remark_account(store: &Store, org: OrgId, account: AccountId) {
    match store.plans_of_account(org, account).await {
        Ok(plans) => {
            for p in plans {
                remark(store, org, p.plan.id).await;
            }
        }
        Err(e) => tracing::warn!(error = %e, account = account.get(), "listing plans to mark failed"),
    }
}

/// The organisation's settings changed: forget every mark of it now (lists
/// show none rather than a wrong one), and mark its plans again in the
/// background.
pub async fn remark_organisation(store: &Store, org: OrgId) {
    if let Err(e) = store.forget_plan_marks(org).await {
        tracing::warn!(error = %e, org = org.get(), "forgetting the coach's marks failed");
        return;
    }
    let store = store.clone();
    tokio::spawn(async move { refresh_stale(&store, OffsetDateTime::now_utc()).await });
}

/// How many plans one pass of [`refresh_stale`] marks before it looks again.
const BATCH: i64 = 200;

/// Marks every plan whose mark is missing or was read before `before`, in
/// batches; returns how many it marked. A plan that fails is logged and not
/// retried in this pass.
pub async fn refresh_stale(store: &Store, before: OffsetDateTime) -> usize {
    let mut done = 0;
    let mut failed = std::collections::HashSet::new();
    loop {
        let batch = match store.plans_to_mark(before, BATCH + failed.len() as i64).await {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!(error = %e, "listing plans to mark failed");
                return done;
            }
        };
        let todo: Vec<_> = batch.into_iter().filter(|p| !failed.contains(p)).collect();
        if todo.is_empty() {
            return done;
        }
        for (org, plan) in todo {
            match try_remark(store, org, plan).await {
                Ok(_) => done += 1,
                Err(e) => {
                    tracing::warn!(error = %e, plan = plan.get(), "keeping the coach's mark failed");
                    failed.insert((org, plan));
                }
            }
        }
    }
}

/// The start of today in UTC: marks read before it may be out of date.
pub fn start_of_today() -> OffsetDateTime {
    crate::today().midnight().assume_utc()
}
