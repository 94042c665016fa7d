//! The stakeholder map's pixel layout: the account's contacts as an org chart
//! (who reports to whom, from `keyplan_domain::stakeholder`), each in a box, and
//! a row of our colleagues with a "calls on" line from every contact to the
//! colleague who owns the relationship.
//!
//! Whole pixels; [`super`] draws it as SVG. The chart is compact: a manager's
//! direct reports without reports of their own are stacked in indented columns
//! under the manager; reports with teams of their own get their own band side by
//! side (a tidy tree, the manager centred above). When the bands would get wider
//! than [`MAX_WIDTH`], the lowest of three fallbacks wins: narrower bands, the
//! bands in rows, or the bands listed downwards (the `chart` module). Separate org trees
//! are packed side by side and wrap onto further rows. Boxes never overlap and
//! reports-to lines only run through the gaps between boxes; "calls on" lines
//! are meant to be drawn beneath the boxes.

mod chart;

use keyplan_domain::contact::{Attitude, BuyingRole};
use keyplan_domain::stakeholder::{self, Forest, MapContact, MapOwner, MapSummary, name_order};
use keyplan_domain::{ContactId, UserId};

use chart::{Block, Engine};

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

/// Lays out the map. `owners` may list more people than are referenced; only those
/// who call on a contact get a box. An owner id missing from `owners` still gets one.
pub fn layout(contacts: &[MapContact], owners: &[MapOwner]) -> StakeholderMap {
    let forest = Forest::new(contacts);
    let mut engine = Engine::new(&forest);

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
                no_owner: c.no_owner(),
                decision_maker_unmapped: c.decision_maker_unmapped(),
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
    let summary = stakeholder::summary(contacts);
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

#[cfg(test)]
mod tests;
