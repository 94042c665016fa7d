//! The organisation's whole portfolio, judged once per change (issue 13).
//!
//! Placing 10,000 accounts means reading all of them and ranking them for
//! the medians and the candidates; doing that on every request made the
//! portfolio page the slowest of the product. The judged portfolio is kept
//! in memory per store and organisation, together with the organisation's
//! change mark and the day it was judged on. A request reads the mark (one
//! statement on an index) and uses the kept portfolio while the mark and the
//! day are the same; any committed write in the organisation, on any server,
//! changes the mark. The mark is read before the accounts, so a write that
//! lands in between leaves a newer portfolio under an older mark, which the
//! next request replaces: never an older portfolio under a newer mark.
//!
//! One request builds an organisation's portfolio at a time: requests that
//! miss at once wait for it and take the kept result, instead of each
//! reading and ranking every account (sixteen at once after a change held
//! 20 MiB more of the server's memory after a load at 10,000 accounts,
//! issue 18).
//!
//! Hand-written rather than a caching crate: it is one small map with a
//! fixed bound, and the rule that matters (the mark) is ours.

use std::sync::{Arc, Mutex};

use keyplan_domain::OrgId;
use keyplan_store::{ChangeMark, PortfolioFilter, Store};
use time::Date;

use super::{Portfolio, build};
use crate::Result;

/// How many organisations' portfolios a server keeps (the least recently
/// used goes first). About 3 MB each at 10,000 accounts.
const KEPT: usize = 8;

struct Kept {
    store: u64,
    org: OrgId,
    mark: ChangeMark,
    day: Date,
    portfolio: Arc<Portfolio>,
}

static PORTFOLIOS: Mutex<Vec<Kept>> = Mutex::new(Vec::new());

/// The organisations whose portfolio is being built, each with the lock its
/// builder holds; an entry goes once nobody waits on it.
type Building = Vec<((u64, OrgId), Arc<tokio::sync::Mutex<()>>)>;
static BUILDING: Mutex<Building> = Mutex::new(Vec::new());

/// The lock of one organisation's build (made when first asked for).
fn build_lock(store: u64, org: OrgId) -> Arc<tokio::sync::Mutex<()>> {
    let mut building = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
    // Locks nobody holds or waits on any more are dropped.
    building.retain(|(_, lock)| Arc::strong_count(lock) > 1);
    if let Some((_, lock)) = building.iter().find(|(key, _)| *key == (store, org)) {
        return lock.clone();
    }
    let lock = Arc::new(tokio::sync::Mutex::new(()));
    building.push(((store, org), lock.clone()));
    lock
}

fn lookup(store: u64, org: OrgId, mark: ChangeMark, day: Date) -> Option<Arc<Portfolio>> {
    let mut kept = PORTFOLIOS.lock().unwrap_or_else(|e| e.into_inner());
    let i = kept.iter().position(|k| k.store == store && k.org == org && k.mark == mark && k.day == day)?;
    // The most recently used goes last.
    let k = kept.remove(i);
    let p = k.portfolio.clone();
    kept.push(k);
    Some(p)
}

fn keep(k: Kept) {
    let mut kept = PORTFOLIOS.lock().unwrap_or_else(|e| e.into_inner());
    kept.retain(|o| !(o.store == k.store && o.org == k.org));
    if kept.len() >= KEPT {
        kept.remove(0);
    }
    kept.push(k);
}

/// The organisation's whole portfolio as of `today`, judged on every account.
pub async fn whole(store: &Store, org: OrgId, today: Date) -> Result<Arc<Portfolio>> {
    let mark = store.change_mark(org).await?;
    if let Some(p) = lookup(store.instance(), org, mark, today) {
        return Ok(p);
    }
    let lock = build_lock(store.instance(), org);
    let _building = lock.lock().await;
    // Whoever held the lock before may have kept the portfolio asked for.
    let mark = store.change_mark(org).await?;
    if let Some(p) = lookup(store.instance(), org, mark, today) {
        return Ok(p);
    }
    let (settings, _) = store.organisation_settings(org).await?;
    let currency = store.org(org).await?.currency;
    let all = store.portfolio(org, &PortfolioFilter::default(), today).await?;
    let p = Arc::new(build(
        all,
        None,
        settings.share_of_wallet_threshold,
        settings.quadrant_share_line,
        settings.quadrant_growth_line,
        currency,
    ));
    keep(Kept { store: store.instance(), org, mark, day: today, portfolio: p.clone() });
    Ok(p)
}
