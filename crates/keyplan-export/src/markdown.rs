//! Plain exports of a plan: Markdown for people, JSON for programs.

use std::fmt::Write;

use keyplan_domain::analysis::{LinkKind, ValueDiscipline};
use keyplan_domain::story::Story;
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::{Acceptance, NodeKind, TreeNode};

use keyplan_i18n::FluentValue;

use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::{Arg, Tr};

/// The plan as Markdown in English (the command line's default).
pub fn markdown(b: &PlanBundle) -> String {
    markdown_in(b, Tr::default())
}

/// The plan as Markdown: its sections in the template's order, each with its
/// content, then the gaps in the plan's story; labels, dates and numbers in `t`'s language.
pub fn markdown_in(b: &PlanBundle, t: Tr) -> String {
    let mut out = String::new();
    let s = &b.summary;
    let length = b.page_report();
    let _ = writeln!(out, "# {}\n", md(&b.plan.title));
    let meta = t.a(
        "export-md-meta",
        &[
            ("account", md(&b.account.name).arg()),
            ("status", t.enum_label("plan-status", b.plan.status().as_str()).arg()),
            ("start", t.date(b.plan.period_start).arg()),
            ("end", t.date(b.plan.period_end).arg()),
            ("template", md(&keyplan_i18n::templates::localise_name(&b.doc.key, &b.doc.name, t)).arg()),
            ("version", b.template_version.to_string().arg()),
            ("length", t.length(&length).arg()),
        ],
    );
    let _ = writeln!(out, "{meta}\n");
    let progress = t.a("export-md-progress", &progress_args(s));
    let _ = writeln!(out, "{progress}\n");
    let story = b.story(t);
    // The template's own words in `t`'s language (a built-in text the company has not edited).
    let tdoc = keyplan_i18n::templates::localised(b.doc.clone(), t);
    for (i, sec) in tdoc.sections.iter().enumerate() {
        let size = b
            .section_size(sec)
            .map(|r| format!(" _({}{})_", t.size(&r), if r.over { format!(", {}", t.s("export-over-budget")) } else { String::new() }))
            .unwrap_or_default();
        let _ = writeln!(out, "## {}. {}{size}\n", i + 1, md(&sec.title));
        match sec.kind {
            SectionKind::ConstraintTree => write_tree(&mut out, b, t),
            SectionKind::Goals => {
                for g in &story.goals {
                    let node = b.goals().into_iter().find(|n| n.id.get() == g.id);
                    let benefit = node
                        .and_then(|n| n.benefit())
                        .map(|x| format!(" ({})", t.enum_label("export-benefit", x.as_str())))
                        .unwrap_or_default();
                    let _ = writeln!(out, "### {}{benefit}\n", md(&g.title));
                    if let Some(m) = &g.measure {
                        let _ = writeln!(out, "{}\n", md(m));
                    }
                    if let Some(notes) = node.and_then(|n| n.notes.as_deref()) {
                        let _ = writeln!(out, "{}\n", t.s1("export-md-strategy", "text", md(notes)));
                    }
                    for e in &g.evidence {
                        let _ = writeln!(out, "- {}", t.s1("export-md-based-on", "label", md(&e.label)));
                    }
                    for c in &g.commitments {
                        let _ = writeln!(
                            out,
                            "- {}{}",
                            t.s1("export-md-implemented-by", "title", md(&c.title)),
                            c.owner.as_deref().map(|o| format!(" — {}", md(o))).unwrap_or_default()
                        );
                    }
                    out.push('\n');
                }
            }
            SectionKind::ActionPlan => {
                for (g, c) in b.goal_commitments() {
                    let goal = b.goals().into_iter().find(|n| n.id == g).map(|n| n.title.clone()).unwrap_or_default();
                    let who = b.user_name(c.owner_id()).unwrap_or("—");
                    let due = c.due_date().map(|d| format!(", {}", t.s1("export-due", "date", t.date(d)))).unwrap_or_default();
                    let state = match c.acceptance() {
                        Some(Acceptance::Accepted) => t.enum_label("status", c.status().map(|s| s.as_str()).unwrap_or("open")),
                        Some(a) => t.enum_label("acceptance", a.as_str()),
                        None => String::new(),
                    };
                    let serves = t.s1("export-serves", "goal", md(&goal));
                    let _ = writeln!(out, "- {} — {}{due} ({state}); {serves}", md(&c.title), md(who));
                    commitment_lines(&mut out, b, c, "", t);
                }
                out.push('\n');
            }
            SectionKind::KpiScorecard => {
                let head =
                    ["export-goal", "export-metric", "export-baseline", "export-target", "export-unit", "export-by"].map(|id| t.s(id));
                let _ = writeln!(out, "| {} |\n|---|---|---|---|---|---|", head.join(" | "));
                for g in b.goals() {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {} | {} |",
                        md(&g.title),
                        md(g.metric().as_deref().unwrap_or("")),
                        g.baseline().map(|x| t.num(x)).unwrap_or_default(),
                        g.target().map(|x| t.num(x)).unwrap_or_default(),
                        md(g.unit().as_deref().unwrap_or("")),
                        t.opt_date(g.target_date())
                    );
                }
                out.push('\n');
                write_kpis(&mut out, b, t);
            }
            SectionKind::StakeholderMap => {
                for c in &b.contacts {
                    let role =
                        c.buying_role().map(|r| t.enum_label("buying-role", r.as_str())).unwrap_or_else(|| t.s("export-role-unknown"));
                    let att = c.attitude().map(|a| t.enum_label("attitude", a.as_str())).unwrap_or_else(|| t.s("export-attitude-unknown"));
                    let owner = b.user_name(c.relationship_owner_id).map(md).unwrap_or_else(|| t.s("export-no-relationship-owner"));
                    let objective = c.stated_objective();
                    let _ = writeln!(
                        out,
                        "- **{}**{} — {role}, {att}; {}{}",
                        md(&c.name),
                        c.title.as_deref().map(|x| format!(", {}", md(x))).unwrap_or_default(),
                        t.s1("export-our-contact", "name", owner),
                        objective.map(|o| format!("; {}", t.s1("export-contact-objective", "objective", md(o)))).unwrap_or_default()
                    );
                }
                out.push('\n');
            }
            SectionKind::Whitespace => {
                if let Some(ws) = &b.whitespace {
                    let totals = ws.totals();
                    let cur = &b.settings.currency;
                    let line =
                        t.s2("export-ws-totals", "current", t.money(Some(totals.current), cur), "open", t.money(Some(totals.open), cur));
                    let _ = writeln!(out, "{line}\n");
                }
            }
            SectionKind::ValueProposition => {
                if let Some(d) = b.settings.value_discipline() {
                    let (label, meaning) = value_discipline(t, d);
                    let _ = writeln!(out, "**{}:** {label} — {meaning}\n", t.s("export-value-discipline"));
                }
            }
            _ => {}
        }
        for item in b.items_of(&sec.key) {
            let mut line = format!("- **{}:** {}", t.item_label(item), md(&item.text));
            if let Some(src) = &item.source {
                let dated = format!("{}{}", md(src), item.item_date.map(|d| format!(", {}", t.date(d))).unwrap_or_default());
                let _ = write!(line, " _({})_", t.s1("export-source", "source", dated));
            }
            if let Some(r) = &item.response {
                let _ = write!(line, " — {}", md(r));
            }
            let _ = writeln!(out, "{line}");
        }
        if b.items_of(&sec.key).next().is_some() {
            out.push('\n');
        }
        if let Some(text) = b.section_text(&sec.key) {
            if let Some(body) = &text.body {
                for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                    let _ = writeln!(out, "{}\n", md(para));
                }
            }
            if let Some(w) = &text.so_what {
                let _ = writeln!(out, "> **{}** {}\n", t.s("export-so-what"), md(w));
            }
        }
    }
    // KPIs are kept whatever the template; without a scorecard section they close the plan.
    if !b.kpis.is_empty() && !b.doc.sections.iter().any(|sec| sec.kind == SectionKind::KpiScorecard) {
        let _ = writeln!(out, "## {}\n", t.s("export-kpi-scorecard"));
        write_kpis(&mut out, b, t);
    }
    // The story's gaps are the team's homework, not part of a briefing or excerpt.
    if story.gaps.total() > 0 && b.audience == keyplan_domain::audience::Audience::Team {
        let _ = writeln!(out, "## {}\n", t.s("export-gaps"));
        for line in story_gaps_in(&story, t) {
            let _ = writeln!(out, "- {}", md(&line));
        }
        out.push('\n');
    }
    out
}

/// The plan header's counts as message arguments (`overcome`, `obstacles`,
/// `percent`, `met`, `conditions`, `accepted`, `done`, `awaiting`, `overdue`).
pub fn progress_args(s: &keyplan_domain::tree::TreeSummary) -> Vec<(&'static str, FluentValue<'static>)> {
    [
        ("overcome", s.obstacles_overcome.to_string()),
        ("obstacles", s.obstacles.to_string()),
        ("percent", s.percent_resolved.to_string()),
        ("met", s.conditions_met.to_string()),
        ("conditions", s.conditions.to_string()),
        ("accepted", s.commitments_accepted.to_string()),
        ("done", s.commitments_done.to_string()),
        ("awaiting", s.commitments_unaccepted.to_string()),
        ("overdue", s.commitments_overdue.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.arg()))
    .collect()
}

/// The value discipline's name and what it means for a plan.
pub fn value_discipline(t: Tr, d: ValueDiscipline) -> (String, String) {
    let code = d.as_str();
    (t.s(&format!("export-vd-{code}")), t.s(&format!("export-vd-{code}-meaning")))
}

/// The KPIs: where each started, where it stands (latest actual and its period),
/// where it is headed and how far along.
fn write_kpis(out: &mut String, b: &PlanBundle, t: Tr) {
    let all = b.kpi_progress();
    if all.is_empty() {
        return;
    }
    let head = [
        "export-kpi",
        "export-unit",
        "export-baseline",
        "export-latest-actual",
        "export-target",
        "export-target-date",
        "export-progress-col",
    ]
    .map(|id| t.s(id));
    let _ = writeln!(out, "| {} |\n|---|---|---|---|---|---|---|", head.join(" | "));
    for p in &all {
        let k = p.kpi;
        let latest = p.latest.map(|a| format!("{} ({})", t.num(a.value), t.period(p.period, a.period_start))).unwrap_or_else(|| "—".into());
        let progress = match p.progress {
            Some(x) => format!("{} ({})", t.pct(Some(x)), t.enum_label("export-judgement", p.judgement.as_str())),
            None => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            md(&k.name),
            md(k.unit.as_deref().unwrap_or("")),
            k.baseline.map(|x| t.num(x)).unwrap_or_default(),
            md(&latest),
            k.target.map(|x| t.num(x)).unwrap_or_default(),
            t.opt_date(k.target_date),
            md(&progress)
        );
    }
    out.push('\n');
}

fn write_tree(out: &mut String, b: &PlanBundle, t: Tr) {
    let nodes: Vec<_> = b.tree.iter().map(|g| g.node.clone()).collect();
    let coverage = keyplan_app::opportunities::coverage_of(&nodes, &b.opportunities, keyplan_app::today());
    for goal in &b.tree {
        let _ = writeln!(out, "### {}\n", t.s1("export-goal-heading", "title", md(&goal.node.title)));
        let measure = goal_measure(goal, t);
        if !measure.is_empty() {
            let _ = writeln!(out, "{measure}\n");
        }
        if let Some(c) = coverage.get(&goal.node.id) {
            crate::markdown_pipeline::write_pipeline(out, b, goal.node.id, c, t, md);
        }
        let _ = writeln!(out, "{}\n", t.s1("export-health", "health", t.enum_label("health", goal.health.as_str())));
        for child in &goal.children {
            write_node(out, b, child, 0, t);
        }
        out.push('\n');
    }
}

/// What hangs in the air, one line each (English).
pub fn story_gaps(story: &Story) -> Vec<String> {
    story_gaps_in(story, Tr::default())
}

/// What hangs in the air, one line each, in `t`'s language.
pub fn story_gaps_in(story: &Story, t: Tr) -> Vec<String> {
    let mut lines = Vec::new();
    for s in &story.sections {
        if s.missing_so_what {
            lines.push(t.s1("export-gap-no-so-what", "section", &s.title));
        }
        if s.so_what_unused {
            lines.push(t.s1("export-gap-so-what-unused", "section", &s.title));
        }
        for i in s.items.iter().filter(|i| i.no_consequence) {
            lines.push(t.s2("export-gap-no-consequence", "section", &s.title, "text", &i.text));
        }
    }
    for g in &story.goals {
        if g.no_evidence {
            lines.push(t.s1("export-gap-no-evidence", "goal", &g.title));
        }
        if g.no_commitment {
            lines.push(t.s1("export-gap-no-commitment", "goal", &g.title));
        }
    }
    lines
}

/// The story as plain text, left to right per goal (for the command line).
pub fn story_text(b: &PlanBundle, t: Tr) -> String {
    let story = b.story(t);
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

fn goal_measure(goal: &TreeNode, t: Tr) -> String {
    let n = &goal.node;
    let mut parts = Vec::new();
    if let Some(m) = &n.metric() {
        parts.push(format!("**{}:** {}", t.s("export-metric"), md(m)));
    }
    if let Some(b) = n.baseline() {
        parts.push(format!("**{}:** {}", t.s("export-baseline"), t.num(b)));
    }
    if let Some(x) = n.target() {
        let unit = n.unit().as_deref().map(|u| format!(" {}", md(u))).unwrap_or_default();
        parts.push(format!("**{}:** {}{unit}", t.s("export-target"), t.num(x)));
    }
    if let Some(d) = n.target_date() {
        parts.push(format!("**{}:** {}", t.s("export-by"), t.date(d)));
    }
    parts.join(" · ")
}

fn write_node(out: &mut String, b: &PlanBundle, tn: &TreeNode, depth: usize, t: Tr) {
    let indent = "  ".repeat(depth);
    let n = &tn.node;
    match n.kind() {
        NodeKind::Commitment => {
            let done = tn.health == keyplan_domain::tree::Health::Resolved;
            let mut line = format!("{indent}- [{}] **{}:** {}", if done { "x" } else { " " }, t.s("export-commitment"), md(&n.title));
            if let Some(owner) = b.user_name(n.owner_id()) {
                let _ = write!(line, " — {}", md(owner));
            }
            if let Some(d) = n.due_date() {
                let _ = write!(line, ", {}", t.s1("export-due", "date", t.date(d)));
            }
            match n.acceptance() {
                Some(Acceptance::Accepted) => {
                    let _ = write!(line, " ({})", t.enum_label("status", n.status().map(|s| s.as_str()).unwrap_or("open")));
                }
                Some(a) => {
                    let _ = write!(line, " (*{}*)", t.enum_label("acceptance", a.as_str()));
                }
                None => {}
            }
            if tn.overdue {
                let _ = write!(line, " **{}**", t.s("export-overdue"));
            }
            let _ = writeln!(out, "{line}");
            commitment_lines(out, b, n, &indent, t);
        }
        kind => {
            let _ = writeln!(
                out,
                "{indent}- **{}:** {} _({})_",
                t.enum_label("node-kind", kind.as_str()),
                md(&n.title),
                t.enum_label("health", tn.health.as_str())
            );
        }
    }
    for c in &tn.children {
        write_node(out, b, c, depth + 1, t);
    }
}

/// The lines under a commitment: when it is done, how it is delivered, and
/// its progress notes, newest first (internal: only the bundle of an audience
/// that sees internal notes has them).
fn commitment_lines(out: &mut String, b: &PlanBundle, n: &keyplan_domain::tree::Node, indent: &str, t: Tr) {
    if let Some(c) = &n.done_criterion() {
        let _ = writeln!(out, "{indent}  {}", t.s1("export-done-when", "criterion", md(c)));
    }
    if let Some(h) = &n.how() {
        let _ = writeln!(out, "{indent}  {}", t.s1("export-how", "how", md(h)));
    }
    let mut notes = b.progress_of(n.id).peekable();
    if notes.peek().is_some() {
        let _ = writeln!(out, "{indent}  {}", t.s("export-progress-notes"));
        for p in notes {
            let _ = writeln!(out, "{indent}  - {} ({}): {}", t.date(p.on), md(&p.author_name), md(&p.text));
        }
    }
}

/// Escapes characters that Markdown would otherwise interpret.
fn md(s: &str) -> String {
    escape(s)
}

/// Escapes characters that Markdown would otherwise interpret; a line break becomes a space.
pub fn escape(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_escapes() {
        assert_eq!(super::md("*bold* <b> #1\nx"), "\\*bold\\* \\<b\\> \\#1 x");
    }
}
