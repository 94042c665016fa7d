//! The plan as PDF: an audience-redacted [`PlanBundle`] mapped to the neutral
//! document model of `keyplan_pdf`. The one-page constraint plan is set on one
//! A4 landscape page; every other template (or a forced compact layout) runs
//! over as many portrait pages as it needs, section by section.

use keyplan_domain::audience::Audience;
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Node, NodeKind, TreeNode};
use keyplan_pdf::{Block, Document, Lang, Layout, PdfError, Rendered, Table, Tone};

use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;

/// The builtin template that is printed on one page.
pub const ONE_PAGE_TEMPLATE: &str = "one_page_constraint";

/// The typesetting language for a UI language.
pub fn pdf_lang(l: keyplan_domain::Lang) -> Lang {
    match l {
        keyplan_domain::Lang::En => Lang::En,
        keyplan_domain::Lang::De => Lang::De,
    }
}

/// The UI language of a typesetting language.
pub fn ui_lang(l: Lang) -> keyplan_domain::Lang {
    match l {
        Lang::En => keyplan_domain::Lang::En,
        Lang::De => keyplan_domain::Lang::De,
    }
}

/// Parses the messages of `lang` and builds the typesetter's fonts and
/// template now (together some milliseconds), so that a process which will
/// print can do it while it reads the plan.
pub fn warm_up(lang: keyplan_domain::Lang) {
    keyplan_i18n::warm_up(lang);
    keyplan_pdf::warm_up(pdf_lang(lang));
}

/// Typesets the plan: CPU-bound, so callers on an async runtime run it on a blocking thread.
pub fn render(b: &PlanBundle, lang: Lang, compact: bool) -> Result<Rendered, PdfError> {
    keyplan_pdf::render(&document(b, lang, compact))
}

/// The pages a plan document (see [`document`]) takes in its layout (1 for a
/// one-page plan that fits at the smallest readable size), remembered per
/// content: CPU-bound like [`render`] the first time a plan is counted.
pub fn page_count_of(doc: &Document) -> Result<u32, PdfError> {
    keyplan_pdf::page_count(doc).map(|n| u32::try_from(n).unwrap_or(u32::MAX))
}

/// The count [`page_count_of`] remembers for `doc`, without typesetting.
pub fn remembered_page_count(doc: &Document) -> Option<u32> {
    keyplan_pdf::remembered_page_count(doc).map(|n| u32::try_from(n).unwrap_or(u32::MAX))
}

/// The document for `b`, in the template's layout unless `compact` forces the multi-page one.
pub fn document(b: &PlanBundle, lang: Lang, compact: bool) -> Document {
    let one_page = !compact && b.doc.key == ONE_PAGE_TEMPLATE;
    let layout = if one_page { Layout::OnePage } else { Layout::Compact };
    let t = Tr::new(ui_lang(lang));
    let mut doc = Document::new(b.plan.title.clone(), lang, layout);
    let audience = t.enum_label("export-audience", b.audience.as_str());
    let template = keyplan_i18n::templates::localise_name(&b.doc.key, &b.doc.name, t);
    doc.subtitle = format!("{} · {template} · {audience}", b.account.name);
    if let Some(owner) = b.user_name(b.account.owner_id) {
        doc.meta.push(t.s1("export-owner-meta", "name", owner));
    }
    doc.meta.push(t.s2("export-period-meta", "start", t.date(b.plan.period_start), "end", t.date(b.plan.period_end)));
    doc.meta.push(t.s1("export-as-of", "date", t.date(keyplan_app::today())));
    doc.footer = match b.audience {
        Audience::Customer => t.s("export-footer-customer"),
        Audience::Team => t.s("export-footer-team"),
        _ => t.s1("export-footer-audience", "audience", audience),
    };
    doc.blocks = if one_page { one_page_blocks(b, t) } else { compact_blocks(b, t) };
    doc
}

fn collect<'a>(t: &'a TreeNode, kind: NodeKind, out: &mut Vec<&'a TreeNode>) {
    for c in &t.children {
        if c.node.kind() == kind {
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

fn commitment_state(t: &TreeNode, tr: Tr) -> (String, Option<Tone>) {
    let n = &t.node;
    match n.acceptance() {
        Some(Acceptance::Accepted) | None => {
            let status = n.status().unwrap_or(CommitmentStatus::Open);
            let tone = match status {
                CommitmentStatus::Done => Some(Tone::Ok),
                CommitmentStatus::Missed => Some(Tone::Danger),
                _ if t.overdue => Some(Tone::Danger),
                _ if t.health == keyplan_domain::tree::Health::AtRisk => Some(Tone::Warning),
                _ => None,
            };
            let label = tr.enum_label("status", status.as_str());
            let label =
                if t.overdue && status != CommitmentStatus::Done { format!("{label} · {}", tr.s("export-overdue")) } else { label };
            (label, tone)
        }
        Some(Acceptance::Declined) => (tr.enum_label("acceptance", Acceptance::Declined.as_str()), Some(Tone::Muted)),
        Some(a) => (tr.enum_label("acceptance", a.as_str()), Some(Tone::Warning)),
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

fn commitments_table(b: &PlanBundle, t: Tr) -> Option<Block> {
    let list = of_kind(b, NodeKind::Commitment);
    if list.is_empty() {
        return None;
    }
    let head = ["export-commitment", "export-owner", "export-due-col", "export-status"].map(|id| t.s(id));
    let mut table = Table::new(head).widths([5.0, 2.0, 1.3, 1.7]);
    for tn in list {
        let n = &tn.node;
        let (state, tone) = commitment_state(tn, t);
        table = table.row([n.title.clone(), b.user_name(n.owner_id()).unwrap_or("—").to_string(), t.opt_date(n.due_date()), state], tone);
    }
    Some(table.into())
}

/// The pipeline coverage of the plan's money goals (none in a customer's
/// bundle, which carries no opportunities).
pub(crate) struct Pipeline(std::collections::HashMap<keyplan_domain::NodeId, keyplan_domain::opportunity::coverage::Coverage>);

impl Pipeline {
    pub(crate) fn of(b: &PlanBundle) -> Pipeline {
        let nodes: Vec<Node> = b.tree.iter().map(|g| g.node.clone()).collect();
        Pipeline(keyplan_app::opportunities::coverage_of(&nodes, &b.opportunities, keyplan_app::today()))
    }

    /// The goal's text, with a line on the pipeline behind it when it has a money target.
    pub(crate) fn goal_text(&self, n: &Node, t: Tr) -> String {
        let mut text = goal_text(n, t);
        if let Some(c) = self.0.get(&n.id) {
            let (headline, detail, warnings) = crate::markdown_pipeline::coverage_text(c, t);
            text.push_str(&format!("\n{}: {headline} · {detail}", t.s("cov-title")));
            for w in warnings {
                text.push_str(&format!("\n⚠ {w}"));
            }
        }
        text
    }
}

fn goal_text(n: &Node, t: Tr) -> String {
    let mut parts = vec![n.title.clone()];
    let mut measure = Vec::new();
    if let Some(m) = &n.metric() {
        measure.push(m.clone());
    }
    if let Some(b) = n.baseline() {
        measure.push(t.s1("export-measure-baseline", "value", t.num(b)));
    }
    if let Some(x) = n.target() {
        let value = format!("{}{}", t.num(x), n.unit().as_deref().map(|u| format!(" {u}")).unwrap_or_default());
        measure.push(t.s1("export-measure-target", "value", value));
    }
    if let Some(d) = n.target_date() {
        measure.push(t.s1("export-measure-by", "date", t.date(d)));
    }
    if !measure.is_empty() {
        parts.push(measure.join(" · "));
    }
    parts.join("\n")
}

fn one_page_blocks(b: &PlanBundle, t: Tr) -> Vec<Block> {
    let mut blocks = Vec::new();
    let pipeline = Pipeline::of(b);
    for g in &b.tree {
        blocks.push(Block::callout(t.s("export-goal"), pipeline.goal_text(&g.node, t), None));
    }
    blocks.push(Block::paragraph(t.a("export-progress", &crate::markdown::progress_args(&b.summary))));
    // The tree as in the browser: factor → condition → obstacle → commitment, each beside its parent.
    let goals: Vec<&TreeNode> = b.tree.iter().filter(|g| g.node.kind() == NodeKind::Goal).collect();
    let note = |tn: &TreeNode| {
        if tn.node.kind() != NodeKind::Commitment {
            return String::new();
        }
        let (state, _) = commitment_state(tn, t);
        let who = b.user_name(tn.node.owner_id()).unwrap_or("—");
        [who.to_string(), t.opt_date(tn.node.due_date()), state].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")
    };
    let grid = crate::pdf_tree::tree_grid(&goals, t, &note);
    if grid.rows > 0 {
        blocks.push(grid.into());
    }
    blocks
}

fn compact_blocks(b: &PlanBundle, t: Tr) -> Vec<Block> {
    let mut blocks = Vec::new();
    let tdoc = keyplan_i18n::templates::localised(b.doc.clone(), t);
    let pipeline = Pipeline::of(b);
    for (i, sec) in tdoc.sections.iter().enumerate() {
        blocks.push(Block::heading(1, format!("{}. {}", i + 1, sec.title)));
        match sec.kind {
            SectionKind::ConstraintTree => {
                for g in &b.tree {
                    blocks.push(Block::callout(t.s("export-goal"), pipeline.goal_text(&g.node, t), None));
                    let mut lines = Vec::new();
                    tree_lines(g, 0, &mut lines, t);
                    if !lines.is_empty() {
                        blocks.push(Block::bullets(lines));
                    }
                }
                if b.tree.iter().any(|g| !g.children.is_empty()) {
                    blocks.push(Block::paragraph(t.s("export-tree-legend")));
                }
                if let Some(table) = commitments_table(b, t) {
                    blocks.push(Block::heading(3, t.s("export-commitments")));
                    blocks.push(table);
                }
            }
            SectionKind::Goals => {
                for g in b.goals() {
                    blocks.push(Block::callout(t.s("export-goal"), pipeline.goal_text(g, t), None));
                }
            }
            SectionKind::ActionPlan => {
                let pairs = b.goal_commitments();
                if !pairs.is_empty() {
                    let head =
                        ["export-commitment", "export-owner", "export-due-col", "export-status", "export-serves-col"].map(|id| t.s(id));
                    let mut table = Table::new(head).widths([4.0, 2.0, 1.3, 1.5, 3.0]);
                    for (g, c) in pairs {
                        let goal = b.goals().into_iter().find(|n| n.id == g).map(|n| n.title.clone()).unwrap_or_default();
                        let (state, tone) = match c.acceptance() {
                            Some(Acceptance::Accepted) | None => {
                                let s = c.status().unwrap_or(CommitmentStatus::Open);
                                (t.enum_label("status", s.as_str()), matches!(s, CommitmentStatus::Done).then_some(Tone::Ok))
                            }
                            Some(a) => (t.enum_label("acceptance", a.as_str()), Some(Tone::Warning)),
                        };
                        let who = b.user_name(c.owner_id()).unwrap_or("—").to_string();
                        table = table.row([c.title.clone(), who, t.opt_date(c.due_date()), state, goal], tone);
                    }
                    blocks.push(table.into());
                }
                let picture = crate::timeline_svg::plan_timeline_in(b, keyplan_app::today(), t);
                // Nothing dated yet: no empty picture.
                if !picture.is_empty() {
                    blocks.push(Block::Svg { svg: picture.svg, width: 1.0, caption: t.s("export-timeline-caption") });
                }
            }
            SectionKind::KpiScorecard => kpi_blocks(b, &mut blocks, t),
            SectionKind::StakeholderMap if b.audience != Audience::Customer => {
                let picture = crate::stakeholder_svg::stakeholder_picture_in(&b.contacts, &b.users, t);
                blocks.push(Block::Svg { svg: picture.svg, width: 1.0, caption: t.s("export-buying-centre-caption") });
                // What we want to achieve with each contact (the master action plan's "objectives per contact").
                let with_objective: Vec<_> = b.contacts.iter().filter_map(|c| Some((c, c.stated_objective()?))).collect();
                if !with_objective.is_empty() {
                    let head = ["export-contact", "export-our-contact-col", "export-objective-col"].map(|id| t.s(id));
                    let mut table = Table::new(head).widths([2.0, 1.6, 4.4]);
                    for (c, objective) in with_objective {
                        let owner = b.user_name(c.relationship_owner_id).unwrap_or("—").to_string();
                        table = table.row([c.name.clone(), owner, objective.to_string()], None);
                    }
                    blocks.push(table.into());
                }
            }
            SectionKind::Whitespace => {
                if let Some(ws) = &b.whitespace {
                    let totals = ws.totals();
                    let cur = &b.settings.currency;
                    let line =
                        t.s2("export-ws-totals", "current", t.money(Some(totals.current), cur), "open", t.money(Some(totals.open), cur));
                    blocks.push(Block::paragraph(line));
                }
            }
            SectionKind::ValueProposition => {
                if let Some(d) = b.settings.value_discipline() {
                    let (label, meaning) = crate::markdown::value_discipline(t, d);
                    blocks.push(Block::key_values([(t.s("export-value-discipline"), format!("{label} — {meaning}"))]));
                }
            }
            _ => {}
        }
        let items: Vec<_> = b.items_of(&sec.key).collect();
        if !items.is_empty() {
            let mut table = Table::new([t.s("export-kind"), t.s("export-entry")]).widths([1.0, 5.0]);
            for item in items {
                let mut text = item.text.clone();
                if let Some(r) = &item.response {
                    text.push_str(&format!(" — {r}"));
                }
                if let Some(src) = &item.source {
                    text.push_str(&format!(" ({})", t.s1("export-source", "source", src)));
                }
                table = table.row([t.item_label(item), text], None);
            }
            blocks.push(table.into());
        }
        if let Some(text) = b.section_text(&sec.key) {
            if let Some(body) = &text.body {
                for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                    blocks.push(Block::paragraph(para));
                }
            }
            if let Some(w) = &text.so_what {
                blocks.push(Block::callout(t.s("export-so-what"), w.clone(), Some(Tone::Ok)));
            }
        }
    }
    if !b.kpis.is_empty() && !b.doc.sections.iter().any(|sec| sec.kind == SectionKind::KpiScorecard) {
        blocks.push(Block::heading(1, t.s("export-kpi-scorecard")));
        kpi_blocks(b, &mut blocks, t);
    }
    blocks
}

fn tree_lines(tn: &TreeNode, depth: usize, out: &mut Vec<String>, t: Tr) {
    for c in &tn.children {
        if c.node.kind() != NodeKind::Commitment {
            let kind = t.enum_label("node-kind", c.node.kind().as_str());
            let health = t.enum_label("health", c.health.as_str());
            out.push(format!("{}{kind}: {}{} ({health})", "    ".repeat(depth), node_tone(c), c.node.title));
            tree_lines(c, depth + 1, out, t);
        }
    }
}

fn kpi_blocks(b: &PlanBundle, blocks: &mut Vec<Block>, t: Tr) {
    let all = b.kpi_progress();
    if all.is_empty() {
        return;
    }
    let head = ["export-kpi", "export-unit", "export-baseline", "export-latest", "export-target", "export-by", "export-progress-col"]
        .map(|id| t.s(id));
    let mut table = Table::new(head).widths([3.0, 1.0, 1.2, 1.8, 1.2, 1.3, 1.8]);
    for p in &all {
        let k = p.kpi;
        let latest = p.latest.map(|a| format!("{} ({})", t.num(a.value), t.period(p.period, a.period_start))).unwrap_or_else(|| "—".into());
        let progress = p
            .progress
            .map(|x| format!("{} ({})", t.pct(Some(x)), t.enum_label("export-judgement", p.judgement.as_str())))
            .unwrap_or_else(|| "—".into());
        table = table.row(
            [
                k.name.clone(),
                k.unit.clone().unwrap_or_default(),
                k.baseline.map(|x| t.num(x)).unwrap_or_default(),
                latest,
                k.target.map(|x| t.num(x)).unwrap_or_default(),
                t.opt_date(k.target_date),
                progress,
            ],
            None,
        );
    }
    blocks.push(table.into());
}
