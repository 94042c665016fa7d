//! The constraint tree from goals down to commitments, and the action plan:
//! the commitments with owner, due date and the goal each serves.

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Health, Node, NodeKind, TreeNode};
use keyplan_i18n::Tr;

use super::{Cell, Col, MAX_INDENT, Sheet, Tone};

fn health_tone(h: Health) -> Option<Tone> {
    match h {
        Health::Resolved => Some(Tone::Ok),
        Health::AtRisk => Some(Tone::Warning),
        Health::OffTrack => Some(Tone::Danger),
        Health::OnTrack | Health::Open => None,
    }
}

/// A commitment's state as the plan shows it: its status once accepted, else where its acceptance stands.
fn commitment_state(n: &Node, overdue: bool, t: Tr) -> (String, Option<Tone>) {
    match n.acceptance() {
        Some(Acceptance::Accepted) | None => {
            let status = n.status().unwrap_or(CommitmentStatus::Open);
            let tone = match status {
                CommitmentStatus::Done => Some(Tone::Ok),
                CommitmentStatus::Missed => Some(Tone::Danger),
                _ if overdue => Some(Tone::Danger),
                _ => None,
            };
            let label = t.enum_label("status", status.as_str());
            let label = if overdue && status != CommitmentStatus::Done { format!("{label} · {}", t.s("export-overdue")) } else { label };
            (label, tone)
        }
        Some(Acceptance::Declined) => (t.enum_label("acceptance", Acceptance::Declined.as_str()), Some(Tone::Muted)),
        Some(a) => (t.enum_label("acceptance", a.as_str()), Some(Tone::Warning)),
    }
}

pub(super) fn tree_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("xlsx-col-level"), 7.0),
        Col::new(t.s("xlsx-col-element"), 24.0),
        Col::wrap(t.s("xlsx-title"), 60.0),
        Col::new(t.s("export-owner"), 22.0).optional(),
        Col::new(t.s("export-due-col"), 13.0).optional(),
        Col::new(t.s("export-status"), 22.0).optional(),
        Col::new(t.s("xlsx-col-health"), 13.0),
        Col::wrap(t.s("xlsx-col-done-when"), 40.0).optional(),
        Col::wrap(t.s("xlsx-col-how"), 40.0).optional(),
        Col::wrap(t.s("export-metric"), 28.0).optional(),
        Col::new(t.s("export-baseline"), 12.0).optional(),
        Col::new(t.s("export-target"), 12.0).optional(),
        Col::new(t.s("export-unit"), 10.0).optional(),
        Col::new(t.s("export-target-date"), 13.0).optional(),
    ]);
    fn walk(b: &PlanBundle, tn: &TreeNode, depth: u8, t: Tr, rows: &mut Vec<Vec<Cell>>) {
        let n = &tn.node;
        let (status, tone) = if n.kind() == NodeKind::Commitment { commitment_state(n, tn.overdue, t) } else { (String::new(), None) };
        rows.push(vec![
            Cell::Num(Some(f64::from(depth) + 1.0)),
            Cell::Text(t.enum_label("node-kind", n.kind().as_str())),
            Cell::Indented(n.title.clone(), depth.min(MAX_INDENT)),
            Cell::text(b.user_name(n.owner_id())),
            Cell::Date(n.due_date()),
            Cell::Toned(status, tone),
            Cell::Toned(t.enum_label("health", tn.health.as_str()), health_tone(tn.health)),
            Cell::text(n.done_criterion().as_deref()),
            Cell::text(n.how().as_deref()),
            Cell::text(n.metric().as_deref()),
            Cell::Num(n.baseline()),
            Cell::Num(n.target()),
            Cell::text(n.unit().as_deref()),
            Cell::Date(n.target_date()),
        ]);
        for c in &tn.children {
            walk(b, c, depth.saturating_add(1), t, rows);
        }
    }
    for tn in &b.tree {
        walk(b, tn, 0, t, &mut sheet.rows);
    }
    sheet
}

pub(super) fn action_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::wrap(t.s("export-commitment"), 50.0),
        Col::new(t.s("export-owner"), 22.0),
        Col::new(t.s("xlsx-col-start"), 13.0).optional(),
        Col::new(t.s("export-due-col"), 13.0),
        Col::new(t.s("export-status"), 24.0),
        Col::wrap(t.s("xlsx-col-done-when"), 40.0).optional(),
        Col::wrap(t.s("xlsx-col-how"), 40.0).optional(),
        Col::wrap(t.s("xlsx-col-serves-goal"), 40.0),
    ]);
    let today = keyplan_app::today();
    let goals = b.goals();
    for (g, c) in b.goal_commitments() {
        let goal = goals.iter().find(|n| n.id == g).map(|n| n.title.clone()).unwrap_or_default();
        let (state, tone) = commitment_state(c, c.is_overdue(today), t);
        sheet.rows.push(vec![
            Cell::Text(c.title.clone()),
            Cell::text(b.user_name(c.owner_id())),
            Cell::Date(c.start_date()),
            Cell::Date(c.due_date()),
            Cell::Toned(state, tone),
            Cell::text(c.done_criterion().as_deref()),
            Cell::text(c.how().as_deref()),
            Cell::Text(goal),
        ]);
    }
    sheet
}
