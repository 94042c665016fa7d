//! Plain exports of a plan: Markdown for people, JSON for programs.

use std::fmt::Write;

use keyplan_domain::tree::{Acceptance, NodeKind, TreeNode};

use crate::api::dto::PlanDto;
use crate::service::PlanBundle;
use crate::views;

/// The plan as Markdown: the goal, then the tree as nested lists.
pub fn markdown(b: &PlanBundle) -> String {
    let mut out = String::new();
    let s = &b.summary;
    let _ = writeln!(out, "# {}\n", md(&b.plan.title));
    let _ = writeln!(
        out,
        "**Account:** {} · **Status:** {} · **Period:** {} – {}\n",
        md(&b.account.name),
        b.plan.status().label(),
        views::date(b.plan.period_start),
        views::date(b.plan.period_end)
    );
    let _ = writeln!(
        out,
        "**Progress:** {} of {} obstacles overcome ({}%) · {} of {} conditions met · {} accepted commitments, {} done, {} awaiting acceptance, {} overdue\n",
        s.obstacles_overcome,
        s.obstacles,
        s.percent_resolved,
        s.conditions_met,
        s.conditions,
        s.commitments_accepted,
        s.commitments_done,
        s.commitments_unaccepted,
        s.commitments_overdue
    );
    for goal in &b.tree {
        let _ = writeln!(out, "## Goal: {}\n", md(&goal.node.title));
        let measure = goal_measure(goal);
        if !measure.is_empty() {
            let _ = writeln!(out, "{measure}\n");
        }
        let _ = writeln!(out, "Health: {}\n", goal.health.label());
        for child in &goal.children {
            write_node(&mut out, b, child, 0);
        }
        out.push('\n');
    }
    out
}

fn goal_measure(goal: &TreeNode) -> String {
    let n = &goal.node;
    let mut parts = Vec::new();
    if let Some(m) = &n.metric {
        parts.push(format!("**Metric:** {}", md(m)));
    }
    if let Some(b) = n.baseline {
        parts.push(format!("**Baseline:** {}", views::figure(b)));
    }
    if let Some(t) = n.target {
        parts.push(format!("**Target:** {}{}", views::figure(t), n.unit.as_deref().map(|u| format!(" {}", md(u))).unwrap_or_default()));
    }
    if let Some(d) = n.target_date {
        parts.push(format!("**By:** {}", views::date(d)));
    }
    parts.join(" · ")
}

fn write_node(out: &mut String, b: &PlanBundle, t: &TreeNode, depth: usize) {
    let indent = "  ".repeat(depth);
    let n = &t.node;
    match n.kind {
        NodeKind::Commitment => {
            let done = t.health == keyplan_domain::tree::Health::Resolved;
            let mut line = format!("{indent}- [{}] **Commitment:** {}", if done { "x" } else { " " }, md(&n.title));
            if let Some(owner) = b.user_name(n.owner_id) {
                let _ = write!(line, " — {}", md(owner));
            }
            if let Some(d) = n.due_date {
                let _ = write!(line, ", due {}", views::date(d));
            }
            match n.acceptance {
                Some(Acceptance::Accepted) => {
                    let _ = write!(line, " ({})", n.status.map(|s| s.label()).unwrap_or("Open"));
                }
                Some(a) => {
                    let _ = write!(line, " (*{}*)", a.label());
                }
                None => {}
            }
            if t.overdue {
                line.push_str(" **overdue**");
            }
            let _ = writeln!(out, "{line}");
            if let Some(c) = &n.done_criterion {
                let _ = writeln!(out, "{indent}  Done when: {}", md(c));
            }
        }
        kind => {
            let _ = writeln!(out, "{indent}- **{}:** {} _({})_", kind.label(), md(&n.title), t.health.label());
        }
    }
    for c in &t.children {
        write_node(out, b, c, depth + 1);
    }
}

/// Escapes characters that Markdown would otherwise interpret.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The plan as JSON: the API's plan object with the account and the people named.
pub fn json(b: &PlanBundle) -> serde_json::Value {
    let mut v = serde_json::json!({
        "format": "keyplan.plan",
        "format_version": 1,
        "account": crate::api::dto::AccountDto::from(&b.account),
        "plan": PlanDto::new(&b.plan, &b.tree, &b.summary),
        "users": b.users.iter().map(|u| serde_json::json!({"id": u.id.get(), "name": u.name, "email": u.email})).collect::<Vec<_>>(),
        "contacts": b.contacts.iter().map(crate::api::dto::ContactDto::from).collect::<Vec<_>>(),
    });
    if let Some(o) = v.as_object_mut() {
        o.retain(|_, x| !x.is_null());
    }
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_escapes() {
        assert_eq!(super::md("*bold* <b> #1\nx"), "\\*bold\\* \\<b\\> \\#1 x");
    }
}
