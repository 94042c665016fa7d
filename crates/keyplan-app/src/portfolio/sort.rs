//! The orders the portfolio's table and API offer, by column. The entries
//! arrive by name, so a stable sort on the column alone leaves ties by name.

use keyplan_domain::Message;
use keyplan_domain::portfolio::Quadrant;

use super::Entry;
use crate::{AppError, Result};

/// The columns the table sorts by, with whether they start descending.
pub const SORTS: [(&str, bool); 8] = [
    ("name", false),
    ("kam", false),
    ("revenue", true),
    ("share", true),
    ("growth", true),
    ("potential", true),
    ("quadrant", false),
    ("state", false),
];

/// A checked order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Order {
    pub key: &'static str,
    pub descending: bool,
}

impl Order {
    /// `sort` (`growth` when empty) and `dir` (`asc`, `desc`, or empty for the
    /// column's own direction), or a field error naming the wrong one.
    pub fn parse(sort: &str, dir: &str) -> Result<Order> {
        let want = if sort.trim().is_empty() { "growth" } else { sort.trim() };
        let Some((key, desc_first)) = SORTS.iter().find(|(k, _)| *k == want) else {
            return Err(AppError::field("sort", Message::new("portfolio-err-sort")));
        };
        let descending = match dir.trim() {
            "" => *desc_first,
            "asc" => false,
            "desc" => true,
            _ => return Err(AppError::field("dir", Message::new("listing-err-dir"))),
        };
        Ok(Order { key, descending })
    }

    /// Sorts `entries` (which arrive by name); ties keep the name order.
    pub fn sort(&self, entries: &mut [Entry]) {
        let quadrant = |q: Quadrant| Quadrant::ALL.iter().position(|x| *x == q).unwrap_or(0);
        let rev = |o: std::cmp::Ordering| if self.descending { o.reverse() } else { o };
        match self.key {
            "name" => {
                if self.descending {
                    entries.reverse();
                }
            }
            "kam" => {
                let mut keyed: Vec<(String, usize)> =
                    entries.iter().enumerate().map(|(i, e)| (e.account.owner_name.as_deref().unwrap_or("").to_lowercase(), i)).collect();
                keyed.sort_by(|a, b| rev(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
                let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
                reorder(entries, &order);
            }
            key => entries.sort_by(|a, b| {
                rev(match key {
                    "revenue" => a.point.revenue.total_cmp(&b.point.revenue),
                    "share" => a.point.share.total_cmp(&b.point.share),
                    "potential" => a.account.potential.unwrap_or(0.0).total_cmp(&b.account.potential.unwrap_or(0.0)),
                    "quadrant" => quadrant(a.quadrant).cmp(&quadrant(b.quadrant)),
                    "state" => a.account.plan_state.cmp(&b.account.plan_state),
                    _ => a.point.growth.total_cmp(&b.point.growth),
                })
            }),
        }
    }
}

/// Puts `entries` into the order of the indices `order` (a permutation).
fn reorder(entries: &mut [Entry], order: &[usize]) {
    let taken: Vec<Entry> = order.iter().map(|i| entries[*i].clone()).collect();
    for (slot, e) in entries.iter_mut().zip(taken) {
        *slot = e;
    }
}
