//! Plain exports of a plan: Markdown for people, JSON for programs.

use std::fmt::Write;

use keyplan_domain::analysis::LinkKind;
use keyplan_domain::story::Story;
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::{Acceptance, NodeKind, TreeNode};

use crate::service::PlanBundle;
use crate::views;

/// The plan as Markdown: its sections in the template's order, each with its
/// content, then the gaps in the plan's story.
pub fn markdown(b: &PlanBundle) -> String {
    let mut out = String::new();
    let s = &b.summary;
    let length = b.page_report();
    let _ = writeln!(out, "# {}\n", md(&b.plan.title));
    let _ = writeln!(
        out,
        "**Account:** {} · **Status:** {} · **Period:** {} – {} · **Template:** {} (version {}) · **Length:** {}\n",
        md(&b.account.name),
        b.plan.status().label(),
        views::date(b.plan.period_start),
        views::date(b.plan.period_end),
        md(&b.doc.name),
        b.template_version,
        length.label()
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
    let story = b.story();
    for (i, sec) in b.doc.sections.iter().enumerate() {
        let size =
            b.section_size(sec).map(|r| format!(" _({}{})_", r.label(), if r.over { ", over budget" } else { "" })).unwrap_or_default();
        let _ = writeln!(out, "## {}. {}{size}\n", i + 1, md(&sec.title));
        match sec.kind {
            SectionKind::ConstraintTree => write_tree(&mut out, b),
            SectionKind::Goals => {
                for g in &story.goals {
                    let node = b.goals().into_iter().find(|n| n.id.get() == g.id);
                    let benefit = node.and_then(|n| n.benefit).map(|x| format!(" ({})", x.label())).unwrap_or_default();
                    let _ = writeln!(out, "### {}{benefit}\n", md(&g.title));
                    if let Some(m) = &g.measure {
                        let _ = writeln!(out, "{}\n", md(m));
                    }
                    if let Some(notes) = node.and_then(|n| n.notes.as_deref()) {
                        let _ = writeln!(out, "**Strategy:** {}\n", md(notes));
                    }
                    for e in &g.evidence {
                        let _ = writeln!(out, "- Based on: {}", md(&e.label));
                    }
                    for c in &g.commitments {
                        let _ = writeln!(
                            out,
                            "- Implemented by: {}{}",
                            md(&c.title),
                            c.owner.as_deref().map(|o| format!(" — {}", md(o))).unwrap_or_default()
                        );
                    }
                    out.push('\n');
                }
            }
            SectionKind::ActionPlan => {
                for (g, c) in b.goal_commitments() {
                    let goal = b.goals().into_iter().find(|n| n.id == g).map(|n| n.title.clone()).unwrap_or_default();
                    let who = b.user_name(c.owner_id).unwrap_or("—");
                    let due = c.due_date.map(|d| format!(", due {}", views::date(d))).unwrap_or_default();
                    let state = match c.acceptance {
                        Some(Acceptance::Accepted) => c.status.map(|s| s.label()).unwrap_or("Open"),
                        Some(a) => a.label(),
                        None => "",
                    };
                    let _ = writeln!(out, "- {} — {}{due} ({state}); serves: {}", md(&c.title), md(who), md(&goal));
                }
                out.push('\n');
            }
            SectionKind::KpiScorecard => {
                let _ = writeln!(out, "| Goal | Metric | Baseline | Target | Unit | By |\n|---|---|---|---|---|---|");
                for g in b.goals() {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {} | {} |",
                        md(&g.title),
                        md(g.metric.as_deref().unwrap_or("")),
                        g.baseline.map(views::figure).unwrap_or_default(),
                        g.target.map(views::figure).unwrap_or_default(),
                        md(g.unit.as_deref().unwrap_or("")),
                        views::opt_date(g.target_date)
                    );
                }
                out.push('\n');
                write_kpis(&mut out, b);
            }
            SectionKind::StakeholderMap => {
                for c in &b.contacts {
                    let role = c.buying_role().map(|r| r.label()).unwrap_or("role unknown");
                    let att = c.attitude().map(|a| a.label()).unwrap_or("attitude unknown");
                    let owner = b.user_name(c.relationship_owner_id).unwrap_or("no relationship owner");
                    let _ = writeln!(
                        out,
                        "- **{}**{} — {role}, {att}; our contact: {}",
                        md(&c.name),
                        c.title.as_deref().map(|t| format!(", {}", md(t))).unwrap_or_default(),
                        md(owner)
                    );
                }
                out.push('\n');
            }
            SectionKind::Whitespace => {
                if let Some(ws) = &b.whitespace {
                    let t = ws.totals();
                    let _ = writeln!(
                        out,
                        "Current business {} · open potential {}\n",
                        views::short_money(t.current, &b.settings.currency),
                        views::short_money(t.open, &b.settings.currency)
                    );
                }
            }
            SectionKind::ValueProposition => {
                if let Some(d) = b.settings.value_discipline() {
                    let _ = writeln!(out, "**Our value discipline:** {} — {}\n", d.label(), d.meaning());
                }
            }
            _ => {}
        }
        for item in b.items_of(&sec.key) {
            let mut line = format!("- **{}:** {}", item.label(), md(&item.text));
            if let Some(src) = &item.source {
                let _ =
                    write!(line, " _(source: {}{})_", md(src), item.item_date.map(|d| format!(", {}", views::date(d))).unwrap_or_default());
            }
            if let Some(r) = &item.response {
                let _ = write!(line, " — {}", md(r));
            }
            let _ = writeln!(out, "{line}");
        }
        if b.items_of(&sec.key).next().is_some() {
            out.push('\n');
        }
        if let Some(t) = b.section_text(&sec.key) {
            if let Some(body) = &t.body {
                for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                    let _ = writeln!(out, "{}\n", md(para));
                }
            }
            if let Some(w) = &t.so_what {
                let _ = writeln!(out, "> **So what?** {}\n", md(w));
            }
        }
    }
    // KPIs are kept whatever the template; without a scorecard section they close the plan.
    if !b.kpis.is_empty() && !b.doc.sections.iter().any(|sec| sec.kind == SectionKind::KpiScorecard) {
        let _ = writeln!(out, "## KPI scorecard\n");
        write_kpis(&mut out, b);
    }
    // The story's gaps are the team's homework, not part of a briefing or excerpt.
    if story.gaps.total() > 0 && b.audience == keyplan_domain::audience::Audience::Team {
        let _ = writeln!(out, "## Open gaps in the story\n");
        for line in story_gaps(&story) {
            let _ = writeln!(out, "- {}", md(&line));
        }
        out.push('\n');
    }
    out
}

/// The KPIs: where each started, where it stands (latest actual and its period),
/// where it is headed and how far along.
fn write_kpis(out: &mut String, b: &PlanBundle) {
    let all = b.kpi_progress();
    if all.is_empty() {
        return;
    }
    let _ = writeln!(out, "| KPI | Unit | Baseline | Latest actual | Target | Target date | Progress |\n|---|---|---|---|---|---|---|");
    for p in &all {
        let k = p.kpi;
        let latest =
            p.latest.map(|a| format!("{} ({})", views::figure(a.value), p.period.label_of(a.period_start))).unwrap_or_else(|| "—".into());
        let progress = match p.progress {
            Some(_) => format!("{} ({})", p.progress_label(), p.judgement.label()),
            None => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            md(&k.name),
            md(k.unit.as_deref().unwrap_or("")),
            k.baseline.map(views::figure).unwrap_or_default(),
            md(&latest),
            k.target.map(views::figure).unwrap_or_default(),
            views::opt_date(k.target_date),
            md(&progress)
        );
    }
    out.push('\n');
}

fn write_tree(out: &mut String, b: &PlanBundle) {
    for goal in &b.tree {
        let _ = writeln!(out, "### Goal: {}\n", md(&goal.node.title));
        let measure = goal_measure(goal);
        if !measure.is_empty() {
            let _ = writeln!(out, "{measure}\n");
        }
        let _ = writeln!(out, "Health: {}\n", goal.health.label());
        for child in &goal.children {
            write_node(out, b, child, 0);
        }
        out.push('\n');
    }
}

/// What hangs in the air, one line each.
pub fn story_gaps(story: &Story) -> Vec<String> {
    let mut lines = Vec::new();
    for s in &story.sections {
        if s.missing_so_what {
            lines.push(format!("“{}” has findings but no so-what", s.title));
        }
        if s.so_what_unused {
            lines.push(format!("The so-what of “{}” leads to no goal", s.title));
        }
        for i in s.items.iter().filter(|i| i.no_consequence) {
            lines.push(format!("Finding without consequence ({}): {}", s.title, i.text));
        }
    }
    for g in &story.goals {
        if g.no_evidence {
            lines.push(format!("Goal without evidence: {}", g.title));
        }
        if g.no_commitment {
            lines.push(format!("Goal without commitment: {}", g.title));
        }
    }
    lines
}

/// The story as plain text, left to right per goal (for the command line).
pub fn story_text(b: &PlanBundle) -> String {
    let story = b.story();
    let mut out = String::new();
    let _ = writeln!(out, "{} — the story\n", b.plan.title);
    for g in &story.goals {
        let mut shown = std::collections::HashSet::new();
        let _ = writeln!(out, "GOAL  {}{}", g.title, g.measure.as_deref().map(|m| format!("  [{m}]")).unwrap_or_default());
        for sec in &story.sections {
            let via = sec.so_what_goals.contains(&g.id);
            for i in sec.items.iter().filter(|i| via || i.goals.contains(&g.id)) {
                if shown.insert(i.id) {
                    let _ = writeln!(out, "  analysis   {}: {}", i.label, i.text);
                }
            }
            if via && let Some(w) = &sec.so_what {
                let _ = writeln!(out, "  so what    {w}");
            }
        }
        for e in g.evidence.iter().filter(|e| matches!(e.kind, LinkKind::Cell | LinkKind::Contact)) {
            let _ = writeln!(out, "  evidence   {}", e.label);
        }
        for c in &g.commitments {
            let who = c.owner.as_deref().unwrap_or("nobody");
            let _ = writeln!(out, "  commitment {} — {who}{}", c.title, if c.accepted { "" } else { " (not yet accepted)" });
        }
        if g.no_evidence {
            let _ = writeln!(out, "  ! no evidence");
        }
        if g.no_commitment {
            let _ = writeln!(out, "  ! no commitment");
        }
        out.push('\n');
    }
    let gaps = story_gaps(&story);
    if gaps.is_empty() {
        let _ = writeln!(out, "No gaps: every finding leads to a goal and every goal to a commitment.");
    } else {
        let _ = writeln!(out, "{} open gaps:", gaps.len());
        for g in gaps {
            let _ = writeln!(out, "  - {g}");
        }
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
        "audience": b.audience.as_str(),
        "account": crate::api::dto::AccountDto::from(&b.account),
        "plan": crate::api::content::FullPlanDto::new(b),
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
