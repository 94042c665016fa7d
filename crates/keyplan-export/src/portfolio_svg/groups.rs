//! Many accounts in one picture: beyond [`DETAILED`] accounts, the picture
//! draws the accounts that matter one by one (the selected one, the plan
//! candidates, the plans to reconsider, every account with a plan, then the
//! largest by revenue) and groups the rest by area: a grid of share-of-wallet
//! columns and growth-potential rows, one square per occupied cell whose size
//! says how many accounts it holds and which links to the table of exactly
//! those accounts. The picture, and the page that carries it, then stay the
//! same size whether the organisation has 500 accounts or 50,000.

use keyplan_app::portfolio::{Entry, Portfolio};
use keyplan_domain::AccountId;
use keyplan_domain::portfolio::PlanState;

/// The most accounts drawn one by one.
pub const DETAILED: usize = 150;
/// Share-of-wallet columns of the grid (each ten points wide).
pub const COLS: usize = 10;
/// Growth-potential rows of the grid, of equal height on the picture's scale.
pub const ROWS: usize = 8;

/// One occupied cell of the grid: where it lies in figures (each minimum
/// included, each maximum excluded, none on the last column and row) and how
/// many accounts it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub col: usize,
    pub row: usize,
    pub count: usize,
    pub share_min: f64,
    pub share_max: Option<f64>,
    pub growth_min: f64,
    pub growth_max: Option<f64>,
}

impl Cell {
    /// The cell's area as query parameters for the portfolio's table.
    pub fn query(&self) -> String {
        let mut q = format!("share_min={}&growth_min={}", self.share_min, self.growth_min);
        if let Some(m) = self.share_max {
            q.push_str(&format!("&share_max={m}"));
        }
        if let Some(m) = self.growth_max {
            q.push_str(&format!("&growth_max={m}"));
        }
        q
    }
}

/// The growth potential where each row starts: `growth_max × (row ÷ ROWS)²`
/// (the picture's square-root scale), in whole money units.
pub fn growth_bounds(growth_max: f64) -> [f64; ROWS + 1] {
    let mut b = [0.0; ROWS + 1];
    for (j, v) in b.iter_mut().enumerate() {
        *v = (growth_max * (j as f64 / ROWS as f64).powi(2)).round();
    }
    b
}

fn share_bound(col: usize) -> f64 {
    col as f64 / COLS as f64
}

/// The accounts drawn one by one (at most [`DETAILED`], all of them when
/// there are no more) and the cells holding the rest.
pub fn split(p: &Portfolio, selected: Option<AccountId>, growth_max: f64) -> (Vec<&Entry>, Vec<Cell>) {
    if p.entries.len() <= DETAILED {
        return (p.entries.iter().collect(), Vec::new());
    }
    let tier = |e: &Entry| {
        if selected == Some(e.account.id) {
            0
        } else if e.candidate {
            1
        } else if !e.reconsider.is_empty() {
            2
        } else if e.account.plan_state != PlanState::NoPlan {
            3
        } else {
            4
        }
    };
    let mut order: Vec<&Entry> = p.entries.iter().collect();
    order.sort_by(|a, b| tier(a).cmp(&tier(b)).then(b.point.revenue.total_cmp(&a.point.revenue)).then(a.account.id.cmp(&b.account.id)));
    let rest = order.split_off(DETAILED);
    let bounds = growth_bounds(growth_max);
    let mut counts = vec![0usize; COLS * ROWS];
    for e in rest {
        let col = (1..COLS).filter(|i| e.point.share >= share_bound(*i)).count();
        let row = (1..ROWS).filter(|j| e.point.growth >= bounds[*j]).count();
        counts[row * COLS + col] += 1;
    }
    let cells = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| {
            let (row, col) = (i / COLS, i % COLS);
            Cell {
                col,
                row,
                count: *n,
                share_min: share_bound(col),
                share_max: (col + 1 < COLS).then(|| share_bound(col + 1)),
                growth_min: bounds[row],
                growth_max: (row + 1 < ROWS).then(|| bounds[row + 1]),
            }
        })
        .collect();
    (order, cells)
}
