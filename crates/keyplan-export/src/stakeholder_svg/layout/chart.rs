//! One org tree's layout: a manager over their reports, recursively, as narrow
//! as a width budget allows. Each subtree is a [`Block`] in its own coordinates;
//! the caller packs the trees and adds the margin.

use std::collections::HashMap;

use keyplan_domain::stakeholder::Forest;

use super::{BOX_H, BOX_W, CGAP, HGAP, INDENT, LIST_GAP, MAX_STACK_ROWS, MIN_BUDGET, Point, SGAP, VGAP, pt};

#[derive(Clone, Debug)]
pub(super) struct Line {
    pub(super) parent: usize,
    pub(super) child: usize,
    pub(super) points: Vec<Point>,
}

/// A laid-out piece of the chart in its own coordinates (top left at 0,0).
#[derive(Clone, Debug, Default)]
pub(super) struct Block {
    pub(super) w: i32,
    pub(super) h: i32,
    /// Where a line from above attaches, on the top edge.
    anchor: i32,
    pub(super) boxes: Vec<(usize, Point)>,
    pub(super) lines: Vec<Line>,
}

impl Block {
    fn leaf(i: usize) -> Block {
        Block { w: BOX_W, h: BOX_H, anchor: BOX_W / 2, boxes: vec![(i, pt(0, 0))], lines: Vec::new() }
    }

    pub(super) fn place(&mut self, other: &Block, dx: i32, dy: i32) {
        self.boxes.extend(other.boxes.iter().map(|&(i, p)| (i, pt(p.x + dx, p.y + dy))));
        self.lines.extend(other.lines.iter().map(|l| Line { parent: l.parent, child: l.child, points: shifted(&l.points, dx, dy) }));
    }
}

fn shifted(points: &[Point], dx: i32, dy: i32) -> Vec<Point> {
    points.iter().map(|p| pt(p.x + dx, p.y + dy)).collect()
}

/// What hangs under a manager: one report's subtree, or all the reports without
/// reports of their own stacked in columns.
enum Unit {
    Tree {
        root: usize,
        block: Block,
    },
    /// `entries` run from the stack's anchor to each report's box; the manager
    /// adds the way from their own box to the anchor.
    Stack {
        block: Block,
        columns: usize,
        entries: Vec<(usize, Vec<Point>)>,
    },
}

impl Unit {
    fn block(&self) -> &Block {
        match self {
            Unit::Tree { block, .. } | Unit::Stack { block, .. } => block,
        }
    }
}

pub(super) struct Engine<'a> {
    forest: &'a Forest,
    memo: HashMap<(usize, i32), Block>,
}

impl<'a> Engine<'a> {
    pub(super) fn new(forest: &'a Forest) -> Engine<'a> {
        Engine { forest, memo: HashMap::new() }
    }

    /// The subtree under `n`, as narrow as `budget` allows (or as narrow as it gets).
    pub(super) fn subtree(&mut self, n: usize, budget: i32) -> Block {
        let budget = budget.max(MIN_BUDGET);
        if let Some(b) = self.memo.get(&(n, budget)) {
            return b.clone();
        }
        let block = if self.forest.children[n].is_empty() { Block::leaf(n) } else { self.manager(n, budget) };
        self.memo.insert((n, budget), block.clone());
        block
    }

    fn manager(&mut self, n: usize, budget: i32) -> Block {
        let specs = self.specs(n);
        let units: Vec<Unit> = specs.iter().map(|s| self.build(s, budget)).collect();
        if matches!(units.as_slice(), [Unit::Stack { columns: 1, .. }]) {
            return listed(n, &units);
        }
        let side_by_side = horizontal(n, &units);
        if side_by_side.w <= budget || units.len() == 1 {
            return side_by_side;
        }
        // Too wide. Candidates: narrower bands side by side (narrow bands keep their
        // width, the wide ones share the rest); the bands in rows under the manager;
        // the bands listed downwards. The lowest that fits wins.
        let natural: Vec<i32> = units.iter().map(|u| u.block().w).collect();
        let shares = water_fill(&natural, budget - (units.len() as i32 - 1) * HGAP);
        let narrower: Vec<Unit> = specs.iter().zip(shares).map(|(s, share)| self.build(s, share)).collect();
        let indented: Vec<Unit> = specs.iter().map(|s| self.build(s, budget - INDENT)).collect();
        [horizontal(n, &narrower), rows(n, &indented, budget - INDENT), listed(n, &indented)]
            .into_iter()
            .min_by_key(|b| (b.w > budget, b.h, b.w))
            .unwrap_or(side_by_side)
    }

    /// What hangs under `n`: its reports without reports as one stack, then each
    /// report with a team.
    fn specs(&self, n: usize) -> Vec<Spec> {
        let children = &self.forest.children[n];
        let leaves: Vec<usize> = children.iter().copied().filter(|&c| self.forest.children[c].is_empty()).collect();
        let mut specs = Vec::new();
        if !leaves.is_empty() {
            specs.push(Spec::Stack(leaves));
        }
        specs.extend(children.iter().copied().filter(|&c| !self.forest.children[c].is_empty()).map(Spec::Tree));
        specs
    }

    fn build(&mut self, spec: &Spec, budget: i32) -> Unit {
        match spec {
            Spec::Stack(leaves) => stack(leaves, budget),
            Spec::Tree(root) => Unit::Tree { root: *root, block: self.subtree(*root, budget) },
        }
    }
}

enum Spec {
    Stack(Vec<usize>),
    Tree(usize),
}

/// Splits `total` among items that would like `wants`: those wanting less than an
/// equal share get what they want, the others share the rest equally.
fn water_fill(wants: &[i32], total: i32) -> Vec<i32> {
    let mut shares = vec![0; wants.len()];
    let mut open: Vec<usize> = (0..wants.len()).collect();
    let mut left = total;
    while !open.is_empty() {
        let share = left / open.len() as i32;
        let (small, big): (Vec<usize>, Vec<usize>) = open.iter().partition(|&&i| wants[i] <= share);
        if small.is_empty() {
            for &i in &big {
                shares[i] = share;
            }
            break;
        }
        for &i in &small {
            shares[i] = wants[i];
            left -= wants[i];
        }
        open = big;
    }
    shares
}

/// Reports without reports, in columns of at most [`MAX_STACK_ROWS`] (more when the
/// budget allows no more columns), filled downwards. Each column has a spine on its
/// left; a bus along the top joins the spines.
fn stack(leaves: &[usize], budget: i32) -> Unit {
    let stride = INDENT + BOX_W + CGAP;
    let fit = ((budget.max(MIN_BUDGET) + CGAP) / stride).max(1) as usize;
    let n = leaves.len();
    let columns = n.div_ceil(MAX_STACK_ROWS).clamp(1, fit);
    let rows = n.div_ceil(columns);
    let columns = n.div_ceil(rows);
    let spine = |col: i32| col * stride + INDENT / 2;
    let anchor = (spine(0) + spine(columns as i32 - 1)) / 2;
    let mut block = Block {
        w: columns as i32 * (INDENT + BOX_W) + (columns as i32 - 1) * CGAP,
        h: SGAP + rows as i32 * (BOX_H + SGAP) - SGAP,
        anchor,
        ..Block::default()
    };
    let mut entries = Vec::with_capacity(n);
    for (k, &leaf) in leaves.iter().enumerate() {
        let (col, row) = ((k / rows) as i32, (k % rows) as i32);
        let at = pt(col * stride + INDENT, SGAP + row * (BOX_H + SGAP));
        block.boxes.push((leaf, at));
        let mid = at.y + BOX_H / 2;
        entries.push((leaf, vec![pt(anchor, 0), pt(spine(col), 0), pt(spine(col), mid), pt(at.x, mid)]));
    }
    Unit::Stack { block, columns, entries }
}

/// The manager centred over their bands, which stand side by side.
fn horizontal(n: usize, units: &[Unit]) -> Block {
    let top = BOX_H + VGAP;
    let bus = BOX_H + VGAP / 2;
    let mut xs = Vec::with_capacity(units.len());
    let mut x = 0;
    for u in units {
        xs.push(x);
        x += u.block().w + HGAP;
    }
    let units_w = x - HGAP;
    let first = xs[0] + units[0].block().anchor;
    let last = xs[units.len() - 1] + units[units.len() - 1].block().anchor;
    let centre = (first + last) / 2;
    let shift = (BOX_W / 2 - centre).max(0);
    let (px, pcx) = (centre - BOX_W / 2 + shift, centre + shift);

    let mut out = Block { w: (units_w + shift).max(px + BOX_W), h: BOX_H, anchor: pcx, boxes: vec![(n, pt(px, 0))], lines: Vec::new() };
    for (u, ux) in units.iter().zip(xs) {
        let b = u.block();
        let ux = ux + shift;
        // A stack's bus runs above its first row, so that row lines up with the other bands' tops.
        let uy = if matches!(u, Unit::Stack { .. }) { top - SGAP } else { top };
        out.place(b, ux, uy);
        out.h = out.h.max(uy + b.h);
        let ax = ux + b.anchor;
        attach(&mut out, n, u, &[pt(pcx, BOX_H), pt(pcx, bus), pt(ax, bus), pt(ax, uy)], ux, uy);
    }
    out
}

/// The manager on top, their bands in rows under them, each row hanging from a bus
/// off a spine on the manager's left.
fn rows(n: usize, units: &[Unit], width: i32) -> Block {
    let spine = INDENT / 2;
    let mut rows: Vec<Vec<&Unit>> = Vec::new();
    let mut x = 0;
    for u in units {
        match rows.last_mut() {
            Some(row) if x + u.block().w <= width => row.push(u),
            _ => {
                rows.push(vec![u]);
                x = 0;
            }
        }
        x += u.block().w + HGAP;
    }
    let mut out = Block { w: BOX_W, h: BOX_H, anchor: BOX_W / 2, boxes: vec![(n, pt(0, 0))], lines: Vec::new() };
    let mut y = BOX_H;
    for row in rows {
        let (bus, top) = (y + VGAP / 2, y + VGAP);
        let mut x = INDENT;
        for u in row {
            let b = u.block();
            let uy = if matches!(u, Unit::Stack { .. }) { top - SGAP } else { top };
            out.place(b, x, uy);
            let ax = x + b.anchor;
            let from_manager = [pt(spine, BOX_H), pt(spine, bus), pt(ax, bus), pt(ax, uy)];
            attach(&mut out, n, u, &from_manager, x, uy);
            out.w = out.w.max(x + b.w);
            y = y.max(uy + b.h);
            x += b.w + HGAP;
        }
    }
    out.h = y;
    out
}

/// Lines from the manager `n` into a band placed at `dx, dy`, starting with `from_manager`.
fn attach(out: &mut Block, n: usize, u: &Unit, from_manager: &[Point], dx: i32, dy: i32) {
    match u {
        Unit::Tree { root, .. } => out.lines.push(Line { parent: n, child: *root, points: from_manager.to_vec() }),
        Unit::Stack { entries, .. } => {
            for (leaf, pts) in entries {
                let mut points = from_manager.to_vec();
                points.extend(shifted(pts, dx, dy));
                out.lines.push(Line { parent: n, child: *leaf, points });
            }
        }
    }
}

/// The manager on top, their bands listed downwards along a spine on the left.
fn listed(n: usize, units: &[Unit]) -> Block {
    let spine = INDENT / 2;
    let mut out = Block { w: BOX_W, h: BOX_H, anchor: BOX_W / 2, boxes: vec![(n, pt(0, 0))], lines: Vec::new() };
    let mut y = BOX_H;
    for u in units {
        match u {
            // The stack's first spine continues the manager's.
            Unit::Stack { block, entries, .. } => {
                out.place(block, 0, y);
                for (leaf, pts) in entries {
                    let mut points = vec![pt(spine, BOX_H), pt(spine, y)];
                    points.extend(shifted(pts, 0, y));
                    out.lines.push(Line { parent: n, child: *leaf, points });
                }
                out.w = out.w.max(block.w);
                y += block.h;
            }
            Unit::Tree { root, block } => {
                y += LIST_GAP;
                out.place(block, INDENT, y);
                let root_left = INDENT + block.anchor - BOX_W / 2;
                let mid = y + BOX_H / 2;
                out.lines.push(Line { parent: n, child: *root, points: vec![pt(spine, BOX_H), pt(spine, mid), pt(root_left, mid)] });
                out.w = out.w.max(INDENT + block.w);
                y += block.h;
            }
        }
    }
    out.h = y;
    out
}
