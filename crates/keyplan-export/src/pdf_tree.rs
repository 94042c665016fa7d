//! The constraint tree on the one-page PDF, laid out like the page in the
//! browser (issue 15, point 4): the goal above, then one column each for the
//! critical success factors, the conditions, the obstacles and the
//! commitments. Every entry spans the rows of what hangs under it, so a
//! condition sits level with its obstacles and an obstacle with the
//! commitments that remove it; the logic stays readable on paper.

use keyplan_domain::tree::{Health, NodeKind, TreeNode};
use keyplan_i18n::Tr;
use keyplan_pdf::{Tone, TreeCell, TreeGrid};

/// The column of each kind under the goal.
fn column(kind: NodeKind) -> Option<u32> {
    match kind {
        NodeKind::Csf => Some(0),
        NodeKind::Condition => Some(1),
        NodeKind::Obstacle => Some(2),
        NodeKind::Commitment => Some(3),
        NodeKind::Goal => None,
    }
}

/// The marker in front of an entry's text, by its rolled-up health; the
/// legend under the grid explains them.
fn marker(health: Health) -> &'static str {
    match health {
        Health::Resolved => "✓ ",
        Health::AtRisk => "! ",
        Health::OffTrack => "✗ ",
        Health::OnTrack | Health::Open => "",
    }
}

fn tone(health: Health) -> Option<Tone> {
    match health {
        Health::Resolved => Some(Tone::Ok),
        Health::AtRisk => Some(Tone::Warning),
        Health::OffTrack => Some(Tone::Danger),
        Health::OnTrack | Health::Open => None,
    }
}

/// The grid of everything under `goals` (their factors and below), with
/// `note` giving the small line under an entry (a commitment's owner and date).
pub fn tree_grid(goals: &[&TreeNode], t: Tr, note: &dyn Fn(&TreeNode) -> String) -> TreeGrid {
    let mut cells = Vec::new();
    let mut row = 0;
    for g in goals {
        for child in &g.children {
            place(child, &mut row, &mut cells, note);
        }
    }
    let header =
        ["export-csf-plural", "export-conditions-plural", "export-obstacles-plural", "export-commitments"].map(|id| t.s(id)).to_vec();
    TreeGrid { header, widths: vec![1.0, 1.1, 1.2, 1.5], rows: row, cells, legend: t.s("export-tree-legend") }
}

/// Places `n` at `row` and everything under it below; returns after moving
/// `row` past the rows it takes (at least one).
fn place(n: &TreeNode, row: &mut u32, cells: &mut Vec<TreeCell>, note: &dyn Fn(&TreeNode) -> String) {
    let first = *row;
    for c in &n.children {
        place(c, row, cells, note);
    }
    if *row == first {
        *row += 1;
    }
    if let Some(column) = column(n.node.kind()) {
        cells.push(TreeCell {
            column,
            row: first,
            rowspan: *row - first,
            text: format!("{}{}", marker(n.health), n.node.title),
            note: note(n),
            tone: tone(n.health),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyplan_domain::Lang;
    use keyplan_domain::tree::{Node, build_tree};
    use keyplan_domain::{NodeId, PlanId};

    fn node(id: i64, parent: Option<i64>, kind: NodeKind) -> Node {
        Node::new(NodeId::new(id), PlanId::new(1), parent.map(NodeId::new), kind, format!("{} {id}", kind.as_str()))
    }

    #[test]
    fn every_entry_spans_the_rows_of_what_hangs_under_it() {
        // goal 1 → factors 2, 3; 2 → conditions 4, 5; 4 → obstacles 6, 7; 6 → commitments 8, 9; 3 has nothing yet.
        let nodes = vec![
            node(1, None, NodeKind::Goal),
            node(2, Some(1), NodeKind::Csf),
            node(3, Some(1), NodeKind::Csf),
            node(4, Some(2), NodeKind::Condition),
            node(5, Some(2), NodeKind::Condition),
            node(6, Some(4), NodeKind::Obstacle),
            node(7, Some(4), NodeKind::Obstacle),
            node(8, Some(6), NodeKind::Commitment),
            node(9, Some(6), NodeKind::Commitment),
        ];
        let (tree, _) = build_tree(nodes, time::Date::from_calendar_date(2027, time::Month::January, 1).unwrap());
        let goals: Vec<&TreeNode> = tree.iter().collect();
        let grid = tree_grid(&goals, Tr::new(Lang::En), &|_| String::new());
        let at = |title: &str| grid.cells.iter().find(|c| c.text.ends_with(title)).unwrap_or_else(|| panic!("{title}"));
        let span = |title: &str| (at(title).row, at(title).row + at(title).rowspan);
        assert_eq!(grid.rows, 5, "8, 9, 7, 5 and the empty factor 3 take a row each");
        assert_eq!(span("csf 2"), (0, 4));
        assert_eq!(span("condition 4"), (0, 3));
        assert_eq!(span("obstacle 6"), (0, 2));
        assert_eq!(span("commitment 8"), (0, 1));
        assert_eq!(span("commitment 9"), (1, 2));
        assert_eq!(span("obstacle 7"), (2, 3));
        assert_eq!(span("condition 5"), (3, 4));
        assert_eq!(span("csf 3"), (4, 5));
        assert_eq!([at("csf 2").column, at("condition 4").column, at("obstacle 6").column, at("commitment 8").column], [0, 1, 2, 3]);
        assert!(grid.cells.iter().all(|c| !c.text.contains("goal")), "the goal stands above the grid");
        assert!(!grid.legend.is_empty());
    }

    /// The reference plan of the trial (1 goal, 3 factors, 6 conditions, 8
    /// obstacles, 12 commitments with owners and dates), typeset for real.
    #[test]
    fn the_reference_plan_fits_one_page_with_each_obstacle_level_with_its_condition() {
        let mut nodes = vec![node(1, None, NodeKind::Goal)];
        let mut id = 1;
        let mut next = |parent: i64, kind: NodeKind, title: String, nodes: &mut Vec<Node>| {
            id += 1;
            let mut n = node(id, Some(parent), kind);
            n.title = title;
            nodes.push(n);
            id
        };
        let mut conditions = Vec::new();
        for f in 0..3 {
            let factor =
                next(1, NodeKind::Csf, format!("FACTOR{f} the customer trusts our service network to keep the lines running"), &mut nodes);
            for c in 0..2 {
                conditions.push(next(
                    factor,
                    NodeKind::Condition,
                    format!("COND{} spare parts are held within four hours of every plant", f * 2 + c),
                    &mut nodes,
                ));
            }
        }
        let mut obstacles = Vec::new();
        for o in 0..8 {
            let parent = conditions[o % conditions.len()];
            obstacles.push((
                parent,
                next(parent, NodeKind::Obstacle, format!("OBST{o} purchasing does not know our technicians by name yet"), &mut nodes),
            ));
        }
        for k in 0..12 {
            let parent = obstacles[k % obstacles.len()].1;
            next(parent, NodeKind::Commitment, format!("COMMIT{k} run a joint workshop with the maintenance team in Leipzig"), &mut nodes);
        }
        let (tree, _) = build_tree(nodes, time::Date::from_calendar_date(2027, time::Month::January, 1).unwrap());
        let goals: Vec<&TreeNode> = tree.iter().collect();
        let t = Tr::new(Lang::En);
        let grid = tree_grid(&goals, t, &|n| {
            if n.node.kind() == NodeKind::Commitment { "Lena Hoffmann · 15 Mar 2027 · Open".into() } else { String::new() }
        });
        let mut doc = keyplan_pdf::Document::new("Globex Chemicals — grow to €2.6m", keyplan_pdf::Lang::En, keyplan_pdf::Layout::OnePage);
        doc.blocks.push(keyplan_pdf::Block::callout("Goal", "Grow revenue with Globex from 1.8m to 2.6m EUR by December 2027", None));
        doc.blocks.push(grid.into());

        let pdf = keyplan_pdf::render(&doc).expect("typeset");
        assert_eq!(pdf.pages, 1, "one A4 landscape page");
        assert!(pdf.base_font_pt >= 7.0, "readable: {} pt", pdf.base_font_pt);

        let placed = keyplan_pdf::text_positions(&doc).expect("positions");
        let top =
            |token: &str| placed.iter().find(|p| p.text.contains(token)).map(|p| p.y).unwrap_or_else(|| panic!("{token} not typeset"));
        // Condition k's band runs from its own top to the next condition's top (or the page's end).
        let mut bands: Vec<(usize, f64)> = (0..6).map(|c| (c, top(&format!("COND{c}")))).collect();
        bands.sort_by(|a, b| a.1.total_cmp(&b.1));
        let band_of = |c: usize| {
            let i = bands.iter().position(|(k, _)| *k == c).unwrap();
            (bands[i].1, bands.get(i + 1).map(|b| b.1).unwrap_or(f64::MAX))
        };
        for o in 0..8 {
            let condition = o % 6;
            let (from, to) = band_of(condition);
            let y = top(&format!("OBST{o}"));
            assert!(y >= from - 0.5 && y < to, "obstacle {o} at {y} is not level with condition {condition} ({from}..{to})");
        }
    }
}
