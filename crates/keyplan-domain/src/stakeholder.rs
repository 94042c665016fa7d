//! The buying-centre map: the account's contacts as an org chart (who reports to
//! whom), each with role, influence and attitude, and a row of our colleagues with
//! a "calls on" line from every contact to the colleague who owns the relationship.
//!
//! Pure layout in whole pixels; the web layer draws it (SVG). The chart is compact:
//! a manager's direct reports without reports of their own are stacked in indented
//! columns under the manager; reports with teams of their own get their own band
//! side by side (a tidy tree, the manager centred above). When the bands would get
//! wider than [`MAX_WIDTH`], the lowest of three fallbacks wins: narrower bands,
//! the bands in rows, or the bands listed downwards. Separate org trees are packed
//! side by side and wrap onto further rows. Boxes never overlap and reports-to lines
//! only run through the gaps between boxes; "calls on" lines are meant to be drawn
//! beneath the boxes.

use std::collections::HashMap;

use crate::contact::{Attitude, BuyingRole};
use crate::{ContactId, UserId};

/// A contact's box.
pub const BOX_W: i32 = 208;
pub const BOX_H: i32 = 92;
/// One of our colleagues in the team row.
pub const TEAM_W: i32 = 184;
pub const TEAM_H: i32 = 48;
/// The chart wraps (and wide teams are listed downwards) beyond this width.
pub const MAX_WIDTH: i32 = 1400;
/// Space around the whole picture.
pub const MARGIN: i32 = 24;

/// Between sibling bands and between trees in a row.
const HGAP: i32 = 24;
/// From a manager's bottom to the top of the bands under them.
const VGAP: i32 = 44;
/// How far stacked reports sit to the right of their spine's column.
const INDENT: i32 = 28;
/// Between boxes stacked in a column, and above the first one.
const SGAP: i32 = 14;
/// Between the columns of a stack.
const CGAP: i32 = 16;
/// Between a listed-downwards manager's bands.
const LIST_GAP: i32 = 18;
/// Between rows of trees.
const ROW_GAP: i32 = 40;
/// From the chart's bottom to our team row (room for the "calls on" fan).
const TEAM_GAP: i32 = 96;
const TEAM_HGAP: i32 = 16;
const TEAM_VGAP: i32 = 20;
/// A stack gets another column rather than more rows than this.
const MAX_STACK_ROWS: usize = 6;
/// Narrower budgets than one indented column are not worth trying.
const MIN_BUDGET: i32 = BOX_W + INDENT;

/// A contact as the map needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct MapContact {
    pub id: ContactId,
    pub name: String,
    pub title: Option<String>,
    pub reports_to: Option<ContactId>,
    pub role: Option<BuyingRole>,
    /// 1 (little) to 5 (decisive).
    pub influence: Option<i16>,
    pub attitude: Option<Attitude>,
    /// Our colleague who calls on this person.
    pub owner: Option<UserId>,
}

/// One of our colleagues who may own relationships.
#[derive(Clone, Debug, PartialEq)]
pub struct MapOwner {
    pub id: UserId,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

const fn pt(x: i32, y: i32) -> Point {
    Point { x, y }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    pub fn right(&self) -> i32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> i32 {
        self.y + self.h
    }
    pub fn centre_x(&self) -> i32 {
        self.x + self.w / 2
    }
    /// Whether the two share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }
}

/// A contact's box and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactBox {
    pub id: ContactId,
    pub rect: Rect,
    pub name: String,
    pub title: Option<String>,
    pub role: Option<BuyingRole>,
    /// The role's label, empty when the role is unknown.
    pub role_label: &'static str,
    /// 1 to 5 when known.
    pub influence: Option<i16>,
    pub attitude: Option<Attitude>,
    pub owner: Option<UserId>,
    pub owner_name: Option<String>,
    /// Nobody on our side calls on this person.
    pub no_owner: bool,
    /// A decision maker or economic buyer without an owner or with unknown attitude.
    pub decision_maker_unmapped: bool,
}

/// A reports-to connector from a manager down to a report, as polyline points.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportLine {
    pub manager: ContactId,
    pub report: ContactId,
    pub points: Vec<Point>,
}

/// One of our colleagues who calls on at least one contact of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamBox {
    pub id: UserId,
    pub name: String,
    pub rect: Rect,
    /// How many of the contacts they call on.
    pub contacts: usize,
    /// 0, 1, 2, ... in the row's order; lets the drawing give each colleague a colour.
    pub index: usize,
}

/// "Calls on": from the bottom of the contact's box to the top of the owner's box.
#[derive(Clone, Debug, PartialEq)]
pub struct CallLine {
    pub contact: ContactId,
    pub owner: UserId,
    pub from: Point,
    pub to: Point,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactRef {
    pub id: ContactId,
    pub name: String,
}

/// What the map shows at a glance, for a line of warnings above it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapSummary {
    pub contacts: usize,
    /// Contacts nobody on our side calls on, by name.
    pub without_owner: Vec<ContactRef>,
    /// Whether anyone has the role decision maker or economic buyer.
    pub has_decision_maker: bool,
    /// Decision makers and economic buyers without an owner or with unknown attitude.
    pub unmapped_decision_makers: Vec<ContactRef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StakeholderMap {
    pub width: i32,
    pub height: i32,
    /// One per contact.
    pub boxes: Vec<ContactBox>,
    pub reports: Vec<ReportLine>,
    /// Where the team section starts (a separator can go here); `None` without a team.
    pub team_top: Option<i32>,
    pub team: Vec<TeamBox>,
    pub calls: Vec<CallLine>,
    pub summary: MapSummary,
}

fn is_decision_maker(role: Option<BuyingRole>) -> bool {
    matches!(role, Some(BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer))
}

/// Lays out the map. `owners` may list more people than are referenced; only those
/// who call on a contact get a box. An owner id missing from `owners` still gets one.
pub fn layout(contacts: &[MapContact], owners: &[MapOwner]) -> StakeholderMap {
    let forest = Forest::new(contacts);
    let mut engine = Engine { forest: &forest, memo: HashMap::new() };

    // The biggest org trees first, then the people placed in no tree by name; each
    // where it ends up highest, so that small trees fill the room beside big ones.
    let mut blocks: Vec<Block> = forest.roots.iter().map(|&r| engine.subtree(r, MAX_WIDTH)).collect();
    blocks.sort_by_key(|b| std::cmp::Reverse(if b.boxes.len() > 1 { b.boxes.len() } else { 0 }));
    let mut chart = Block::default();
    let mut skyline = Skyline::new(MAX_WIDTH);
    for block in &blocks {
        let at = skyline.place(block.w, block.h);
        chart.place(block, at.x, at.y);
        chart.w = chart.w.max(at.x + block.w);
        chart.h = chart.h.max(at.y + block.h);
    }

    let owner_name = |id: UserId| owners.iter().find(|o| o.id == id).map(|o| o.name.clone());
    let boxes: Vec<ContactBox> = chart
        .boxes
        .iter()
        .map(|&(i, p)| {
            let c = &contacts[i];
            let no_owner = c.owner.is_none();
            ContactBox {
                id: c.id,
                rect: Rect { x: MARGIN + p.x, y: MARGIN + p.y, w: BOX_W, h: BOX_H },
                name: c.name.clone(),
                title: c.title.clone().filter(|t| !t.trim().is_empty()),
                role: c.role,
                role_label: c.role.map(BuyingRole::label).unwrap_or(""),
                influence: c.influence.map(|v| v.clamp(1, 5)),
                attitude: c.attitude,
                owner: c.owner,
                owner_name: c.owner.map(|o| owner_name(o).unwrap_or_else(|| format!("Colleague #{o}"))),
                no_owner,
                decision_maker_unmapped: is_decision_maker(c.role) && (no_owner || c.attitude.is_none()),
            }
        })
        .collect();
    let reports = chart
        .lines
        .iter()
        .map(|l| ReportLine {
            manager: contacts[l.parent].id,
            report: contacts[l.child].id,
            points: simplify(l.points.iter().map(|p| pt(p.x + MARGIN, p.y + MARGIN)).collect()),
        })
        .collect();

    let team = team_row(&boxes, chart.w, MARGIN + chart.h);
    let summary = summarise(contacts, &boxes);
    StakeholderMap {
        width: chart.w.max(team.width) + 2 * MARGIN,
        height: team.bottom.unwrap_or(MARGIN + chart.h) + MARGIN,
        boxes,
        reports,
        team_top: team.top,
        team: team.boxes,
        calls: team.calls,
        summary,
    }
}

#[derive(Default)]
struct TeamRow {
    /// Where the section starts, above the boxes.
    top: Option<i32>,
    boxes: Vec<TeamBox>,
    calls: Vec<CallLine>,
    width: i32,
    bottom: Option<i32>,
}

/// Our colleagues in a row under the chart (wrapping when needed), ordered by where
/// the people they call on stand, so that the "calls on" lines cross as little as
/// possible; then each colleague's lines, spread along the top of their box.
fn team_row(boxes: &[ContactBox], chart_w: i32, chart_bottom: i32) -> TeamRow {
    let mut owners: Vec<(UserId, String, Vec<usize>)> = Vec::new();
    for (i, b) in boxes.iter().enumerate() {
        if let (Some(id), Some(name)) = (b.owner, &b.owner_name) {
            match owners.iter_mut().find(|o| o.0 == id) {
                Some(o) => o.2.push(i),
                None => owners.push((id, name.clone(), vec![i])),
            }
        }
    }
    if owners.is_empty() {
        return TeamRow::default();
    }
    let centre = |o: &(UserId, String, Vec<usize>)| o.2.iter().map(|&i| boxes[i].rect.centre_x() as i64).sum::<i64>() / o.2.len() as i64;
    owners.sort_by(|a, b| centre(a).cmp(&centre(b)).then_with(|| name_order(&a.1, &b.1)).then(a.0.cmp(&b.0)));

    let n = owners.len() as i32;
    let natural = n * (TEAM_W + TEAM_HGAP) - TEAM_HGAP;
    let avail = chart_w.max(natural.min(MAX_WIDTH));
    let per_row = ((avail + TEAM_HGAP) / (TEAM_W + TEAM_HGAP)).max(1);
    let team_w = per_row.min(n) * (TEAM_W + TEAM_HGAP) - TEAM_HGAP;
    let inner_w = chart_w.max(team_w);
    let top = chart_bottom + TEAM_GAP;

    let mut team = Vec::new();
    let mut calls = Vec::new();
    for (k, (id, name, members)) in owners.into_iter().enumerate() {
        let (row, col) = (k as i32 / per_row, k as i32 % per_row);
        let in_row = per_row.min(n - row * per_row);
        let row_w = in_row * (TEAM_W + TEAM_HGAP) - TEAM_HGAP;
        let rect = Rect {
            x: MARGIN + (inner_w - row_w) / 2 + col * (TEAM_W + TEAM_HGAP),
            y: top + row * (TEAM_H + TEAM_VGAP),
            w: TEAM_W,
            h: TEAM_H,
        };
        let mut members = members;
        members.sort_by_key(|&i| (boxes[i].rect.centre_x(), boxes[i].rect.y));
        let m = members.len() as i32;
        for (j, &i) in members.iter().enumerate() {
            let r = boxes[i].rect;
            let to = pt(rect.x + 12 + (TEAM_W - 24) * (j as i32 + 1) / (m + 1), rect.y);
            calls.push(CallLine { contact: boxes[i].id, owner: id, from: pt(r.centre_x(), r.bottom()), to });
        }
        team.push(TeamBox { id, name, rect, contacts: members.len(), index: k });
    }
    let bottom = team.iter().map(|t| t.rect.bottom()).max();
    TeamRow { top: Some(top - TEAM_GAP / 2), boxes: team, calls, width: team_w, bottom }
}

fn summarise(contacts: &[MapContact], boxes: &[ContactBox]) -> MapSummary {
    let mut by_name: Vec<&ContactBox> = boxes.iter().collect();
    by_name.sort_by(|a, b| name_order(&a.name, &b.name).then(a.id.cmp(&b.id)));
    let refs = |keep: fn(&ContactBox) -> bool| {
        by_name.iter().filter(|b| keep(b)).map(|b| ContactRef { id: b.id, name: b.name.clone() }).collect::<Vec<_>>()
    };
    MapSummary {
        contacts: contacts.len(),
        without_owner: refs(|b| b.no_owner),
        has_decision_maker: contacts.iter().any(|c| is_decision_maker(c.role)),
        unmapped_decision_makers: refs(|b| b.decision_maker_unmapped),
    }
}

fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b))
}

/// Drops repeated points and middle points of straight runs.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last() == Some(&p) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// Bottom-left packing of the org trees: each goes where its top is highest (then
/// leftmost), keeping [`HGAP`] and [`ROW_GAP`] to the others.
struct Skyline {
    width: i32,
    /// Disjoint spans `[x0, x1)` covering the width, each with the first free y.
    spans: Vec<(i32, i32, i32)>,
}

impl Skyline {
    fn new(width: i32) -> Skyline {
        Skyline { width, spans: vec![(0, width, 0)] }
    }

    fn place(&mut self, w: i32, h: i32) -> Point {
        let top_at = |x: i32| self.spans.iter().filter(|s| s.0 < x + w && x < s.1).map(|s| s.2).max().unwrap_or(0);
        let best =
            self.spans.iter().map(|s| s.0).filter(|&x| x == 0 || x + w <= self.width).map(|x| (top_at(x), x)).min().unwrap_or((0, 0));
        let (y, x) = best;
        let (x0, x1, free) = (x, x + w + HGAP, y + h + ROW_GAP);
        let mut spans = Vec::with_capacity(self.spans.len() + 2);
        for &(a, b, top) in &self.spans {
            if b <= x0 || a >= x1 {
                spans.push((a, b, top));
                continue;
            }
            if a < x0 {
                spans.push((a, x0, top));
            }
            if b > x1 {
                spans.push((x1, b, top));
            }
        }
        spans.push((x0, x1, free));
        spans.sort();
        self.spans = spans;
        pt(x, y)
    }
}

// --- the tree ---------------------------------------------------------------------------

/// Who reports to whom, with cycles and dangling references made into roots.
struct Forest {
    roots: Vec<usize>,
    /// Each contact's reports, by name.
    children: Vec<Vec<usize>>,
}

impl Forest {
    fn new(contacts: &[MapContact]) -> Forest {
        let mut order: Vec<usize> = (0..contacts.len()).collect();
        order.sort_by(|&a, &b| name_order(&contacts[a].name, &contacts[b].name).then(contacts[a].id.cmp(&contacts[b].id)));
        let mut rank = vec![0; contacts.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        let index: HashMap<ContactId, usize> = contacts.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut parent: Vec<Option<usize>> =
            contacts.iter().enumerate().map(|(i, c)| c.reports_to.and_then(|p| index.get(&p).copied()).filter(|&p| p != i)).collect();

        // Walk up from everyone; a walk that meets itself found a cycle, which is
        // broken at its first member by name.
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; contacts.len()];
        for &start in &order {
            let mut path = Vec::new();
            let mut cur = Some(start);
            while let Some(c) = cur {
                match state[c] {
                    DONE => break,
                    ON_PATH => {
                        let from = path.iter().position(|&p| p == c).unwrap_or(0);
                        if let Some(&first) = path[from..].iter().min_by_key(|&&p| rank[p]) {
                            parent[first] = None;
                        }
                        break;
                    }
                    _ => {
                        state[c] = ON_PATH;
                        path.push(c);
                        cur = parent[c];
                    }
                }
            }
            for p in path {
                state[p] = DONE;
            }
        }

        let mut children = vec![Vec::new(); contacts.len()];
        let mut roots = Vec::new();
        for &i in &order {
            match parent[i] {
                Some(p) => children[p].push(i),
                None => roots.push(i),
            }
        }
        Forest { roots, children }
    }
}

// --- the layout engine ------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Line {
    parent: usize,
    child: usize,
    points: Vec<Point>,
}

/// A laid-out piece of the chart in its own coordinates (top left at 0,0).
#[derive(Clone, Debug, Default)]
struct Block {
    w: i32,
    h: i32,
    /// Where a line from above attaches, on the top edge.
    anchor: i32,
    boxes: Vec<(usize, Point)>,
    lines: Vec<Line>,
}

impl Block {
    fn leaf(i: usize) -> Block {
        Block { w: BOX_W, h: BOX_H, anchor: BOX_W / 2, boxes: vec![(i, pt(0, 0))], lines: Vec::new() }
    }

    fn place(&mut self, other: &Block, dx: i32, dy: i32) {
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

struct Engine<'a> {
    forest: &'a Forest,
    memo: HashMap<(usize, i32), Block>,
}

impl Engine<'_> {
    /// The subtree under `n`, as narrow as `budget` allows (or as narrow as it gets).
    fn subtree(&mut self, n: usize, budget: i32) -> Block {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(id: i64, name: &str, reports_to: Option<i64>) -> MapContact {
        MapContact {
            id: ContactId::new(id),
            name: name.into(),
            title: Some("Head of Something".into()),
            reports_to: reports_to.map(ContactId::new),
            role: None,
            influence: Some(3),
            attitude: Some(Attitude::Neutral),
            owner: Some(UserId::new(1 + id % 4)),
        }
    }

    fn owners() -> Vec<MapOwner> {
        (1..=4).map(|i| MapOwner { id: UserId::new(i), name: format!("Colleague {i}") }).collect()
    }

    /// Deterministic pseudo-random numbers (a linear congruential generator).
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    fn flat(n: i64) -> Vec<MapContact> {
        (1..=n).map(|i| contact(i, &format!("Person {i:02}"), None)).collect()
    }
    fn chain(n: i64) -> Vec<MapContact> {
        (1..=n).map(|i| contact(i, &format!("Person {i:02}"), (i > 1).then(|| i - 1))).collect()
    }
    fn wide(n: i64) -> Vec<MapContact> {
        (1..=n).map(|i| contact(i, &format!("Person {i:02}"), (i > 1).then_some(1))).collect()
    }
    /// Each new person reports to someone earlier (or nobody), chosen pseudo-randomly.
    fn mixed(n: i64, seed: u64) -> Vec<MapContact> {
        let mut rng = Lcg(seed);
        (1..=n)
            .map(|i| {
                let boss = if i == 1 || rng.below(8) == 0 { None } else { Some(1 + rng.below((i - 1) as u64) as i64) };
                contact(i, &format!("P{:03}", rng.below(1000)), boss)
            })
            .collect()
    }
    /// A realistic organisation: a board, directors with departments, teams.
    fn org(n: i64) -> Vec<MapContact> {
        let mut v = vec![contact(1, "CEO", None)];
        for i in 2..=n {
            let boss = match i {
                2..=5 => 1,
                6..=13 => 2 + (i - 6) % 4,
                _ => 6 + (i - 14) % 8,
            };
            v.push(contact(i, &format!("Person {i:02}"), Some(boss)));
        }
        v
    }

    fn assert_sound(name: &str, contacts: &[MapContact]) -> StakeholderMap {
        let map = layout(contacts, &owners());
        assert_eq!(map.boxes.len(), contacts.len(), "{name}: one box per contact");
        let mut ids: Vec<_> = map.boxes.iter().map(|b| b.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), contacts.len(), "{name}: every contact once");
        let mut all: Vec<Rect> = map.boxes.iter().map(|b| b.rect).collect();
        all.extend(map.team.iter().map(|t| t.rect));
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(!a.overlaps(b), "{name}: {a:?} overlaps {b:?}");
            }
            assert!(
                a.x >= MARGIN && a.y >= MARGIN && a.right() <= map.width - MARGIN && a.bottom() <= map.height - MARGIN,
                "{name}: {a:?} outside"
            );
        }
        assert!(map.width <= MAX_WIDTH + 2 * MARGIN, "{name}: {} px wide", map.width);
        // Reports-to lines are orthogonal and run only through gaps: they may touch
        // boxes (their own ends) but never cross one's inside.
        for line in &map.reports {
            assert!(line.points.len() >= 2, "{name}: {line:?}");
            for seg in line.points.windows(2) {
                let (a, b) = (seg[0], seg[1]);
                assert!(a.x == b.x || a.y == b.y, "{name}: slanted segment {a:?}-{b:?}");
                let seg_rect = Rect { x: a.x.min(b.x), y: a.y.min(b.y), w: (a.x - b.x).abs().max(1), h: (a.y - b.y).abs().max(1) };
                for bx in &map.boxes {
                    let inner = Rect { x: bx.rect.x + 1, y: bx.rect.y + 1, w: bx.rect.w - 2, h: bx.rect.h - 2 };
                    assert!(!seg_rect.overlaps(&inner), "{name}: line {:?}->{:?} crosses {}", line.manager, line.report, bx.name);
                }
            }
            let manager = map.boxes.iter().find(|b| b.id == line.manager).unwrap().rect;
            let report = map.boxes.iter().find(|b| b.id == line.report).unwrap().rect;
            let (start, end) = (line.points[0], *line.points.last().unwrap());
            assert!(start.y == manager.bottom() && (manager.x..=manager.right()).contains(&start.x), "{name}: starts at the manager");
            assert!(
                (end.x == report.x && (report.y..=report.bottom()).contains(&end.y))
                    || (end.y == report.y && (report.x..=report.right()).contains(&end.x)),
                "{name}: ends at the report"
            );
        }
        let with_manager = contacts.iter().filter(|c| c.reports_to.is_some()).count();
        assert!(map.reports.len() <= with_manager, "{name}");
        map
    }

    #[test]
    fn fifty_contacts_never_overlap_in_any_shape() {
        let shapes: Vec<(&str, Vec<MapContact>)> = vec![
            ("flat", flat(50)),
            ("chain", chain(50)),
            ("wide", wide(50)),
            ("org", org(50)),
            ("mixed 1", mixed(50, 1)),
            ("mixed 2", mixed(50, 2)),
            ("mixed 3", mixed(50, 42)),
        ];
        for (name, contacts) in shapes {
            let map = assert_sound(name, &contacts);
            assert_eq!(map.reports.len(), contacts.iter().filter(|c| c.reports_to.is_some()).count(), "{name}: a line per report");
        }
        for seed in 0..200 {
            assert_sound(&format!("seed {seed}"), &mixed(1 + (seed % 80) as i64, seed));
        }
    }

    #[test]
    fn fifty_contacts_stay_readable() {
        // Heights include our team row. Random trees are deep (7 to 9 levels), far
        // deeper than a real buying centre, and so the tallest.
        let shapes = [("flat", flat(50), 1400), ("wide", wide(50), 1450), ("org", org(50), 1750), ("mixed", mixed(50, 7), 3200)];
        for (name, contacts, max_h) in shapes {
            let map = layout(&contacts, &owners());
            assert!(map.width <= MAX_WIDTH + 2 * MARGIN, "{name}: {} px wide", map.width);
            assert!(map.height <= max_h, "{name}: {} px high", map.height);
        }
    }

    #[test]
    fn a_manager_with_only_individual_reports_stacks_them_under_them() {
        let map = layout(&wide(4), &owners());
        let boss = map.boxes.iter().find(|b| b.name == "Person 01").unwrap().rect;
        let reports: Vec<Rect> = map.boxes.iter().filter(|b| b.name != "Person 01").map(|b| b.rect).collect();
        assert!(reports.iter().all(|r| r.x == boss.x + INDENT), "indented in one column: {reports:?}");
        assert!(reports.windows(2).all(|w| w[1].y > w[0].y), "downwards by name");
        assert!(map.boxes.iter().map(|b| b.rect.right()).max() == Some(MARGIN + BOX_W + INDENT));
    }

    #[test]
    fn managers_with_teams_get_bands_with_the_boss_centred_above() {
        let contacts = vec![
            contact(1, "Boss", None),
            contact(2, "Anna", Some(1)),
            contact(3, "Bert", Some(1)),
            contact(4, "Anna's report", Some(2)),
            contact(5, "Bert's report", Some(3)),
        ];
        let map = assert_sound("bands", &contacts);
        let r = |n: &str| map.boxes.iter().find(|b| b.name == n).unwrap().rect;
        assert_eq!(r("Anna").y, r("Bert").y, "side by side");
        assert!(r("Anna").x < r("Bert").x, "by name");
        let middle = (r("Anna").centre_x() + r("Bert").centre_x()) / 2;
        assert!((r("Boss").centre_x() - middle).abs() <= 1, "centred");
    }

    #[test]
    fn cycles_and_unknown_managers_become_roots() {
        let contacts = vec![
            contact(1, "Ann", Some(3)),
            contact(2, "Ben", Some(1)),
            contact(3, "Cid", Some(2)),
            contact(4, "Dee", Some(4)),
            contact(5, "Eve", Some(99)),
            contact(6, "Fay", Some(5)),
        ];
        let map = assert_sound("cycle", &contacts);
        let managers: Vec<(String, String)> = map
            .reports
            .iter()
            .map(|l| {
                let name = |id| map.boxes.iter().find(|b| b.id == id).unwrap().name.clone();
                (name(l.manager), name(l.report))
            })
            .collect();
        // Ann, first by name, loses her manager; Dee reports to herself; Eve's manager is unknown.
        assert_eq!(managers.len(), 3, "{managers:?}");
        for pair in [("Ann", "Ben"), ("Ben", "Cid"), ("Eve", "Fay")] {
            assert!(managers.contains(&(pair.0.into(), pair.1.into())), "{managers:?}");
        }
        // A long cycle finishes too.
        let mut ring = chain(50);
        ring[0].reports_to = Some(ContactId::new(50));
        assert_sound("ring", &ring);
    }

    #[test]
    fn flags_and_summary() {
        let mut contacts = vec![
            contact(1, "Dora Decider", None),
            contact(2, "Eli Economist", Some(1)),
            contact(3, "Nora Nobody", Some(1)),
            contact(4, "Max Mapped", Some(1)),
        ];
        contacts[0].role = Some(BuyingRole::DecisionMaker);
        contacts[0].attitude = None;
        contacts[1].role = Some(BuyingRole::EconomicBuyer);
        contacts[1].owner = None;
        contacts[2].owner = None;
        contacts[3].role = Some(BuyingRole::DecisionMaker);
        let map = layout(&contacts, &owners());
        let b = |n: &str| map.boxes.iter().find(|b| b.name == n).unwrap();
        assert!(b("Dora Decider").decision_maker_unmapped && !b("Dora Decider").no_owner, "attitude unknown");
        assert!(b("Eli Economist").decision_maker_unmapped && b("Eli Economist").no_owner, "nobody calls on him");
        assert!(!b("Nora Nobody").decision_maker_unmapped && b("Nora Nobody").no_owner);
        assert!(!b("Max Mapped").decision_maker_unmapped && !b("Max Mapped").no_owner);
        assert_eq!(b("Eli Economist").role_label, "Economic buyer");
        assert_eq!(b("Max Mapped").owner_name.as_deref(), Some("Colleague 1"));

        fn names(v: &[ContactRef]) -> Vec<&str> {
            v.iter().map(|c| c.name.as_str()).collect()
        }
        assert!(map.summary.has_decision_maker);
        assert_eq!(names(&map.summary.without_owner), ["Eli Economist", "Nora Nobody"]);
        assert_eq!(names(&map.summary.unmapped_decision_makers), ["Dora Decider", "Eli Economist"]);

        // Only referenced colleagues get a box; each line ends on its colleague's box.
        assert_eq!(map.team.len(), 2);
        assert_eq!(map.calls.len(), 2);
        for call in &map.calls {
            let t = map.team.iter().find(|t| t.id == call.owner).unwrap();
            assert_eq!(call.to.y, t.rect.y);
            assert!((t.rect.x..=t.rect.right()).contains(&call.to.x));
        }

        let nobody = layout(&[contact(1, "Solo", None)], &[]);
        assert!(!nobody.summary.has_decision_maker);
        assert_eq!(nobody.team[0].name, "Colleague #2", "an owner missing from the list still shows");
    }

    #[test]
    fn empty_and_deterministic() {
        let empty = layout(&[], &owners());
        assert!(empty.boxes.is_empty() && empty.team.is_empty() && empty.team_top.is_none());
        let mut contacts = mixed(30, 9);
        let a = layout(&contacts, &owners());
        contacts.reverse();
        assert_eq!(a, layout(&contacts, &owners()), "input order does not matter");
    }
}
