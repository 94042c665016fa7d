//! The management committee's pack (issue 17 point 3) as one PDF: a cover
//! page with the session's agenda, a table of contents with page numbers,
//! then each chosen plan's management briefing on a page (or two) of its own:
//! goal and progress with the pipeline behind it, top risks, open obstacles,
//! commitments at risk, what we need from management, and the coach's
//! blockers.
//!
//! Every plan arrives as the management audience's bundle, redacted on the
//! server (`keyplan_app::committees::pack`), so nothing reaches the pack that
//! management may not see. The facts about the tree are taken from the whole
//! tree, whatever the visibility flags say (issue 15 point 5).

use keyplan_app::committees::PackPlan;
use keyplan_domain::analysis::ItemKind;
use keyplan_domain::coach::Severity;
use keyplan_domain::tree::briefing;
use keyplan_i18n::Tr;
use keyplan_pdf::{Block, Document, Lang, Layout, PdfError, Rendered, Table};
use keyplan_store::Committee;

use crate::pdf::{Pipeline, ui_lang};

/// Entries a list of the briefing shows before "and N more": a plan keeps to one or two pages.
const TOP: usize = 8;

/// Typesets the pack: CPU-bound, so callers on an async runtime run it on a blocking thread.
pub fn render(session: &Committee, plans: &[PackPlan], lang: Lang) -> Result<Rendered, PdfError> {
    keyplan_pdf::render(&document(session, plans, lang))
}

/// The pack's document.
pub fn document(session: &Committee, plans: &[PackPlan], lang: Lang) -> Document {
    let t = Tr::new(ui_lang(lang));
    let mut doc = Document::new(t.s("committee-pack-title"), lang, Layout::Compact);
    doc.subtitle = t.s1("committee-pack-subtitle", "date", t.date(session.held_on));
    doc.meta.push(t.s1("export-as-of", "date", t.date(keyplan_app::today())));
    doc.footer = t.s("committee-pack-footer");
    let names: Vec<&str> = session.participants.iter().map(|p| p.name.as_str()).collect();
    doc.blocks.push(Block::key_values([
        (t.s("committee-date"), t.date(session.held_on)),
        (t.s("committee-participants"), if names.is_empty() { "—".to_string() } else { names.join(", ") }),
        (t.s("committee-plans"), session.plans.len().to_string()),
    ]));
    doc.blocks.push(Block::heading(2, t.s("committee-agenda")));
    let head =
        ["committee-col-no", "committee-col-account", "committee-col-plan", "committee-col-kam", "committee-col-potential"].map(|k| t.s(k));
    let mut agenda = Table::new(head).widths([0.0, 2.0, 3.0, 1.6, 0.0]);
    for (i, p) in session.plans.iter().enumerate() {
        let currency = plans.get(i).map(|b| b.bundle.settings.currency.as_str()).unwrap_or("EUR");
        agenda = agenda.row(
            [
                (i + 1).to_string(),
                p.account_name.clone(),
                p.plan_title.clone(),
                p.kam_name.clone().unwrap_or_else(|| "—".into()),
                p.potential.map(|v| t.money(Some(v), currency)).unwrap_or_else(|| "—".into()),
            ],
            None,
        );
    }
    doc.blocks.push(agenda.into());
    doc.blocks.push(Block::PageBreak);
    doc.blocks.push(Block::Outline { title: t.s("committee-contents") });
    for (i, p) in plans.iter().enumerate() {
        doc.blocks.push(Block::PageBreak);
        plan_blocks(&mut doc.blocks, i + 1, p, t);
    }
    doc
}

/// One plan's briefing.
fn plan_blocks(blocks: &mut Vec<Block>, number: usize, p: &PackPlan, t: Tr) {
    let b = &p.bundle;
    blocks.push(Block::heading(1, format!("{number}. {} — {}", b.account.name, b.plan.title)));
    let kam = b.user_name(b.account.owner_id.or(b.plan.created_by)).unwrap_or("—").to_string();
    let blockers: Vec<_> = p.coach.assessment.findings.iter().filter(|f| f.severity == Severity::Blocker).collect();
    blocks.push(Block::key_values([
        (t.s("committee-col-kam"), kam),
        (t.s("committee-period"), format!("{} – {}", t.date(b.plan.period_start), t.date(b.plan.period_end))),
        (
            t.s("committee-coach"),
            t.a(
                "committee-coach-line",
                &[
                    ("score", t.num(p.coach.assessment.score.rounded()).into()),
                    ("level", i64::from(p.coach.ladder.level).into()),
                    ("blockers", (blockers.len() as i64).into()),
                ],
            ),
        ),
    ]));
    let pipeline = Pipeline::of(b);
    for g in &b.tree {
        blocks.push(Block::callout(t.s("export-goal"), pipeline.goal_text(&g.node, t), None));
    }
    blocks.push(Block::paragraph(t.a("export-progress", &crate::markdown::progress_args(&b.summary))));

    let risks: Vec<String> = b
        .items
        .iter()
        .filter(|i| i.kind() == ItemKind::Risk)
        .map(|i| match i.response.as_deref() {
            Some(r) if !r.trim().is_empty() => format!("{} — {r}", i.text),
            _ => i.text.clone(),
        })
        .collect();
    let (open, at_risk) = briefing::facts(&b.tree);
    let obstacles: Vec<String> = open.iter().map(|o| format!("{} — {}", o.node.title, crate::briefing::obstacle_why(o, t))).collect();
    let commitments: Vec<String> = at_risk.iter().map(|r| format!("{} — {}", r.node.title, crate::briefing::why(b, r, t))).collect();
    list(blocks, t.s("committee-risks"), risks, t);
    list(blocks, t.s("committee-obstacles"), obstacles, t);
    list(blocks, t.s("committee-at-risk"), commitments, t);
    blocks.push(Block::heading(3, t.s("committee-asks")));
    match keyplan_app::audience::management_asks(b).and_then(|s| s.body.as_deref()).map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => blocks.push(Block::paragraph(text)),
        None => blocks.push(Block::paragraph(t.s("committee-none"))),
    }
    let coach: Vec<String> = blockers.iter().map(|f| t.msg(&f.message)).collect();
    list(blocks, t.s("committee-blockers"), coach, t);
}

/// A headed list of at most [`TOP`] entries, "none" when empty.
fn list(blocks: &mut Vec<Block>, title: String, mut items: Vec<String>, t: Tr) {
    blocks.push(Block::heading(3, title));
    if items.is_empty() {
        blocks.push(Block::paragraph(t.s("committee-none")));
        return;
    }
    let more = items.len().saturating_sub(TOP);
    items.truncate(TOP);
    if more > 0 {
        items.push(t.s1("committee-more", "count", more as i64));
    }
    blocks.push(Block::bullets(items));
}
