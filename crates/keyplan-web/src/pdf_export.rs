//! The plan as PDF: an audience-redacted [`PlanBundle`] mapped to the neutral
//! document model of `keyplan_pdf`. The one-page constraint plan is set on one
//! A4 landscape page; every other template (or a forced compact layout) runs
//! over as many portrait pages as it needs, section by section.

use keyplan_domain::audience::Audience;
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Node, NodeKind, TreeNode};
use keyplan_pdf::{Block, Document, Lang, Layout, PdfError, Rendered, Table, Tone};

use crate::AppError;
use crate::service::PlanBundle;
use crate::views;

/// The builtin template that is printed on one page.
pub const ONE_PAGE_TEMPLATE: &str = "one_page_constraint";

/// Reads the `lang` parameter: empty means English.
pub fn parse_lang(field: &str, s: &str) -> Result<Lang, AppError> {
    match s.trim() {
        "" | "en" => Ok(Lang::En),
        "de" => Ok(Lang::De),
        _ => Err(AppError::field(field, "must be en or de")),
    }
}

/// Reads the `layout` parameter: empty means the template's own layout.
pub fn parse_compact(field: &str, s: &str) -> Result<bool, AppError> {
    match s.trim() {
        "" | "auto" => Ok(false),
        "compact" => Ok(true),
        _ => Err(AppError::field(field, "must be compact or left out")),
    }
}

/// Typesets the plan off the async runtime: layout is CPU-bound.
pub async fn render(b: &PlanBundle, lang: Lang, compact: bool) -> Result<Result<Rendered, PdfError>, AppError> {
    let doc = document(b, lang, compact);
    tokio::task::spawn_blocking(move || keyplan_pdf::render(&doc)).await.map_err(|e| AppError::Internal(e.into()))
}

/// A file name for the download: the plan title in ASCII letters, digits and dashes.
pub fn file_name(title: &str, audience: Audience, ext: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    let stem = if stem.is_empty() { "plan".to_string() } else { stem };
    format!("{stem}-{}.{ext}", audience.as_str())
}

/// The document for `b`, in the template's layout unless `compact` forces the multi-page one.
pub fn document(b: &PlanBundle, lang: Lang, compact: bool) -> Document {
    let one_page = !compact && b.doc.key == ONE_PAGE_TEMPLATE;
    let layout = if one_page { Layout::OnePage } else { Layout::Compact };
    let mut doc = Document::new(b.plan.title.clone(), lang, layout);
    doc.subtitle = format!("{} · {} · {}", b.account.name, b.doc.name, b.audience.label());
    if let Some(owner) = b.user_name(b.account.owner_id) {
        doc.meta.push(format!("Owner: {owner}"));
    }
    doc.meta.push(format!("Period: {} – {}", views::date(b.plan.period_start), views::date(b.plan.period_end)));
    doc.meta.push(format!("As of {}", views::date(crate::service::today())));
    doc.footer = match b.audience {
        Audience::Customer => "Customer excerpt".to_string(),
        Audience::Team => "keyplan · Team view".to_string(),
        a => format!("keyplan · {}", a.label()),
    };
    doc.blocks = if one_page { one_page_blocks(b) } else { compact_blocks(b) };
    doc
}

fn collect<'a>(t: &'a TreeNode, kind: NodeKind, out: &mut Vec<&'a TreeNode>) {
    for c in &t.children {
        if c.node.kind == kind {
            out.push(c);
        }
        collect(c, kind, out);
    }
}

fn of_kind(b: &PlanBundle, kind: NodeKind) -> Vec<&TreeNode> {
    let mut out = Vec::new();
    for g in &b.tree {
        collect(g, kind, &mut out);
    }
    out
}

fn commitment_state(t: &TreeNode) -> (String, Option<Tone>) {
    let n = &t.node;
    match n.acceptance {
        Some(Acceptance::Accepted) | None => {
            let status = n.status.unwrap_or(CommitmentStatus::Open);
            let tone = match status {
                CommitmentStatus::Done => Some(Tone::Ok),
                CommitmentStatus::Missed => Some(Tone::Danger),
                _ if t.overdue => Some(Tone::Danger),
                _ if t.health == keyplan_domain::tree::Health::AtRisk => Some(Tone::Warning),
                _ => None,
            };
            let label = if t.overdue && status != CommitmentStatus::Done {
                format!("{} · overdue", status.label())
            } else {
                status.label().into()
            };
            (label, tone)
        }
        Some(Acceptance::Declined) => (Acceptance::Declined.label().into(), Some(Tone::Muted)),
        Some(a) => (a.label().into(), Some(Tone::Warning)),
    }
}

fn node_tone(t: &TreeNode) -> &'static str {
    use keyplan_domain::tree::Health;
    match t.health {
        Health::Resolved => "✓ ",
        Health::AtRisk => "! ",
        Health::OffTrack => "✗ ",
        _ => "",
    }
}

fn commitments_table(b: &PlanBundle) -> Option<Block> {
    let list = of_kind(b, NodeKind::Commitment);
    if list.is_empty() {
        return None;
    }
    let mut table = Table::new(["Commitment", "Owner", "Due", "Status"]).widths([5.0, 2.0, 1.3, 1.7]);
    for t in list {
        let n = &t.node;
        let (state, tone) = commitment_state(t);
        table = table.row([n.title.clone(), b.user_name(n.owner_id).unwrap_or("—").to_string(), views::opt_date(n.due_date), state], tone);
    }
    Some(table.into())
}

fn goal_text(n: &Node) -> String {
    let mut parts = vec![n.title.clone()];
    let mut measure = Vec::new();
    if let Some(m) = &n.metric {
        measure.push(m.clone());
    }
    if let Some(b) = n.baseline {
        measure.push(format!("baseline {}", views::figure(b)));
    }
    if let Some(t) = n.target {
        measure.push(format!("target {}{}", views::figure(t), n.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default()));
    }
    if let Some(d) = n.target_date {
        measure.push(format!("by {}", views::date(d)));
    }
    if !measure.is_empty() {
        parts.push(measure.join(" · "));
    }
    parts.join("\n")
}

fn one_page_blocks(b: &PlanBundle) -> Vec<Block> {
    let mut blocks = Vec::new();
    for g in &b.tree {
        blocks.push(Block::callout("Goal", goal_text(&g.node), None));
    }
    let s = &b.summary;
    blocks.push(Block::paragraph(format!(
        "{} of {} obstacles overcome ({}%) · {} of {} conditions met · {} accepted commitments, {} done, {} overdue",
        s.obstacles_overcome,
        s.obstacles,
        s.percent_resolved,
        s.conditions_met,
        s.conditions,
        s.commitments_accepted,
        s.commitments_done,
        s.commitments_overdue
    )));
    let column = |title: &str, kind: NodeKind| {
        let items: Vec<String> = of_kind(b, kind).iter().map(|t| format!("{}{}", node_tone(t), t.node.title)).collect();
        let mut col = vec![Block::heading(3, title)];
        col.push(if items.is_empty() { Block::paragraph("—") } else { Block::bullets(items) });
        col
    };
    blocks.push(Block::columns(vec![
        column("Critical success factors", NodeKind::Csf),
        column("Necessary conditions", NodeKind::Condition),
        column("Obstacles", NodeKind::Obstacle),
    ]));
    if let Some(t) = commitments_table(b) {
        blocks.push(Block::heading(3, "Commitments"));
        blocks.push(t);
    }
    blocks
}

fn compact_blocks(b: &PlanBundle) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (i, sec) in b.doc.sections.iter().enumerate() {
        blocks.push(Block::heading(1, format!("{}. {}", i + 1, sec.title)));
        match sec.kind {
            SectionKind::ConstraintTree => {
                for g in &b.tree {
                    blocks.push(Block::callout("Goal", goal_text(&g.node), None));
                    let mut lines = Vec::new();
                    tree_lines(g, 0, &mut lines);
                    if !lines.is_empty() {
                        blocks.push(Block::bullets(lines));
                    }
                }
                if let Some(t) = commitments_table(b) {
                    blocks.push(Block::heading(3, "Commitments"));
                    blocks.push(t);
                }
            }
            SectionKind::Goals => {
                for g in b.goals() {
                    blocks.push(Block::callout("Goal", goal_text(g), None));
                }
            }
            SectionKind::ActionPlan => {
                let pairs = b.goal_commitments();
                if !pairs.is_empty() {
                    let mut table = Table::new(["Commitment", "Owner", "Due", "Status", "Serves"]).widths([4.0, 2.0, 1.3, 1.5, 3.0]);
                    for (g, c) in pairs {
                        let goal = b.goals().into_iter().find(|n| n.id == g).map(|n| n.title.clone()).unwrap_or_default();
                        let (state, tone) = match c.acceptance {
                            Some(Acceptance::Accepted) | None => {
                                let s = c.status.unwrap_or(CommitmentStatus::Open);
                                (s.label().to_string(), matches!(s, CommitmentStatus::Done).then_some(Tone::Ok))
                            }
                            Some(a) => (a.label().to_string(), Some(Tone::Warning)),
                        };
                        let who = b.user_name(c.owner_id).unwrap_or("—").to_string();
                        table = table.row([c.title.clone(), who, views::opt_date(c.due_date), state, goal], tone);
                    }
                    blocks.push(table.into());
                }
                let picture = crate::timeline_svg::plan_timeline(b, crate::service::today());
                blocks.push(Block::Svg { svg: picture.svg, width: 1.0, caption: "Timeline of the commitments and reviews".into() });
            }
            SectionKind::KpiScorecard => kpi_blocks(b, &mut blocks),
            SectionKind::StakeholderMap if b.audience != Audience::Customer => {
                let picture = crate::stakeholder_svg::stakeholder_picture(&b.contacts, &b.users);
                blocks.push(Block::Svg { svg: picture.svg, width: 1.0, caption: "The buying centre".into() });
            }
            SectionKind::Whitespace => {
                if let Some(ws) = &b.whitespace {
                    let t = ws.totals();
                    blocks.push(Block::paragraph(format!(
                        "Current business {} · open potential {}",
                        views::short_money(t.current, &b.settings.currency),
                        views::short_money(t.open, &b.settings.currency)
                    )));
                }
            }
            SectionKind::ValueProposition => {
                if let Some(d) = b.settings.value_discipline() {
                    blocks.push(Block::key_values([("Our value discipline", format!("{} — {}", d.label(), d.meaning()))]));
                }
            }
            _ => {}
        }
        let items: Vec<_> = b.items_of(&sec.key).collect();
        if !items.is_empty() {
            let mut table = Table::new(["Kind", "Entry"]).widths([1.0, 5.0]);
            for item in items {
                let mut text = item.text.clone();
                if let Some(r) = &item.response {
                    text.push_str(&format!(" — {r}"));
                }
                if let Some(src) = &item.source {
                    text.push_str(&format!(" (source: {src})"));
                }
                table = table.row([item.label().to_string(), text], None);
            }
            blocks.push(table.into());
        }
        if let Some(t) = b.section_text(&sec.key) {
            if let Some(body) = &t.body {
                for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                    blocks.push(Block::paragraph(para));
                }
            }
            if let Some(w) = &t.so_what {
                blocks.push(Block::callout("So what?", w.clone(), Some(Tone::Ok)));
            }
        }
    }
    if !b.kpis.is_empty() && !b.doc.sections.iter().any(|sec| sec.kind == SectionKind::KpiScorecard) {
        blocks.push(Block::heading(1, "KPI scorecard"));
        kpi_blocks(b, &mut blocks);
    }
    blocks
}

fn tree_lines(t: &TreeNode, depth: usize, out: &mut Vec<String>) {
    for c in &t.children {
        if c.node.kind != NodeKind::Commitment {
            out.push(format!("{}{}: {}{} ({})", "    ".repeat(depth), c.node.kind.label(), node_tone(c), c.node.title, c.health.label()));
            tree_lines(c, depth + 1, out);
        }
    }
}

fn kpi_blocks(b: &PlanBundle, blocks: &mut Vec<Block>) {
    let all = b.kpi_progress();
    if all.is_empty() {
        return;
    }
    let mut table =
        Table::new(["KPI", "Unit", "Baseline", "Latest", "Target", "By", "Progress"]).widths([3.0, 1.0, 1.2, 1.8, 1.2, 1.3, 1.8]);
    for p in &all {
        let k = p.kpi;
        let latest =
            p.latest.map(|a| format!("{} ({})", views::figure(a.value), p.period.label_of(a.period_start))).unwrap_or_else(|| "—".into());
        let progress = p.progress.map(|_| format!("{} ({})", p.progress_label(), p.judgement.label())).unwrap_or_else(|| "—".into());
        table = table.row(
            [
                k.name.clone(),
                k.unit.clone().unwrap_or_default(),
                k.baseline.map(views::figure).unwrap_or_default(),
                latest,
                k.target.map(views::figure).unwrap_or_default(),
                views::opt_date(k.target_date),
                progress,
            ],
            None,
        );
    }
    blocks.push(table.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_ascii() {
        assert_eq!(file_name("Northwind 2027: Grow ÄÖ!", Audience::Customer, "pdf"), "northwind-2027-grow-customer.pdf");
        assert_eq!(file_name("ÄÖ", Audience::Team, "pdf"), "plan-team.pdf");
    }

    #[test]
    fn lang_and_layout_parameters() {
        assert!(matches!(parse_lang("lang", "de"), Ok(Lang::De)));
        assert!(parse_lang("lang", "fr").is_err());
        assert!(parse_compact("layout", "compact").unwrap());
        assert!(parse_compact("layout", "huge").is_err());
    }
}
