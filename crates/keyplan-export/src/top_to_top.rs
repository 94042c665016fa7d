//! The top-to-top briefing (issue 17 point 5, seed 004 #5): one landscape
//! page for a named executive meeting with the customer's top management.
//! It shows the customer's top objectives, our goals for them, the
//! relationship map limited to executive contacts, the open joint
//! commitments, and the asks.
//!
//! The bundle arrives redacted for its audience. Attitudes towards us and our
//! notes on contacts are internal: they are printed only for the team and
//! management, never for the customer. The asks are the commitments offered
//! to the customer that still wait for their answer, and, for internal
//! audiences only, what we need from our own management.

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::audience::Audience;
use keyplan_domain::contact::BuyingRole;
use keyplan_domain::customer::JointAnswer;
use keyplan_domain::tree::CommitmentStatus;
use keyplan_i18n::Tr;
use keyplan_pdf::{Block, Document, Lang, Layout, PdfError, Rendered, Table};
use time::Date;

use crate::pdf::{Pipeline, ui_lang};

/// Entries per list: the briefing is one page.
const TOP: usize = 6;
/// The analysis section that holds the customer's objectives in the built-in strategic template.
const OBJECTIVES: &str = "customer-objectives";

/// Whether a contact belongs on an executive map: a decision maker or
/// economic buyer, or anyone of the highest influence.
pub fn is_executive(role: Option<BuyingRole>, influence: Option<i16>) -> bool {
    matches!(role, Some(BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer)) || influence.is_some_and(|i| i >= 5)
}

/// Typesets the briefing: CPU-bound, so callers on an async runtime run it on a blocking thread.
pub fn render(b: &PlanBundle, meeting: &str, on: Option<Date>, lang: Lang) -> Result<Rendered, PdfError> {
    keyplan_pdf::render(&document(b, meeting, on, lang))
}

pub fn document(b: &PlanBundle, meeting: &str, on: Option<Date>, lang: Lang) -> Document {
    let t = Tr::new(ui_lang(lang));
    let internal = b.audience != Audience::Customer;
    let title = if meeting.trim().is_empty() { t.s("t2t-title") } else { meeting.trim().to_string() };
    let mut doc = Document::new(title, lang, Layout::OnePage);
    doc.subtitle = format!("{} · {}", b.account.name, t.s("t2t-title"));
    if let Some(d) = on {
        doc.meta.push(t.s1("t2t-on", "date", t.date(d)));
    }
    doc.meta.push(t.s1("export-as-of", "date", t.date(keyplan_app::today())));
    doc.footer = if internal { t.s("t2t-footer-internal") } else { t.s("export-footer-customer") };

    let objectives: Vec<String> = b.items.iter().filter(|i| i.section_key == OBJECTIVES).map(|i| i.text.clone()).take(TOP).collect();
    let mut left = vec![Block::heading(3, t.s("t2t-objectives"))];
    left.push(if objectives.is_empty() { Block::paragraph(t.s("t2t-none")) } else { Block::bullets(objectives) });
    left.push(Block::heading(3, t.s("t2t-goals")));
    let pipeline = Pipeline::of(b);
    let goals: Vec<Block> = b.goals().into_iter().take(TOP).map(|g| Block::callout("", pipeline.goal_text(g, t), None)).collect();
    if goals.is_empty() {
        left.push(Block::paragraph(t.s("t2t-none")));
    } else {
        left.extend(goals);
    }

    let mut middle = vec![Block::heading(3, t.s("t2t-executives"))];
    let execs: Vec<_> = b.contacts.iter().filter(|c| is_executive(c.buying_role, c.influence)).take(TOP + 2).collect();
    if execs.is_empty() {
        middle.push(Block::paragraph(t.s("t2t-no-executives")));
    } else {
        let mut head = vec![t.s("t2t-col-contact"), t.s("t2t-col-role"), t.s("t2t-col-ours")];
        if internal {
            head.push(t.s("t2t-col-attitude"));
        }
        let mut table = Table::new(head);
        for c in execs {
            let who = match &c.title {
                Some(title) => format!("{}\n{title}", c.name),
                None => c.name.clone(),
            };
            let role = c.buying_role.map(|r| t.enum_label("buying-role", r.as_str())).unwrap_or_default();
            let ours = b.user_name(c.relationship_owner_id).unwrap_or("—").to_string();
            let mut row = vec![who, role, ours];
            if internal {
                row.push(c.attitude.map(|a| t.enum_label("attitude", a.as_str())).unwrap_or_else(|| "—".into()));
            }
            table = table.row(row, None);
        }
        middle.push(table.into());
    }

    let mut right = vec![Block::heading(3, t.s("t2t-joint"))];
    let open: Vec<String> = b
        .joint
        .iter()
        .filter(|j| {
            j.answer == JointAnswer::Accepted && !matches!(j.node.status(), Some(CommitmentStatus::Done | CommitmentStatus::Missed))
        })
        .take(TOP)
        .map(|j| match j.node.due_date() {
            Some(d) => format!("{} — {}", j.node.title, t.date(d)),
            None => j.node.title.clone(),
        })
        .collect();
    right.push(if open.is_empty() { Block::paragraph(t.s("t2t-none")) } else { Block::bullets(open) });
    right.push(Block::heading(3, t.s("t2t-asks")));
    let mut asks: Vec<String> = b
        .joint
        .iter()
        .filter(|j| j.answer == JointAnswer::Open)
        .take(TOP)
        .map(|j| t.s1("t2t-ask-answer", "title", j.node.title.as_str()))
        .collect();
    if internal
        && let Some(text) =
            keyplan_app::audience::management_asks(b).and_then(|s| s.body.as_deref()).map(str::trim).filter(|s| !s.is_empty())
    {
        asks.push(t.s1("t2t-ask-management", "text", text));
    }
    right.push(if asks.is_empty() { Block::paragraph(t.s("t2t-none")) } else { Block::bullets(asks) });

    doc.blocks.push(Block::columns(vec![left, middle, right]));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executives_are_the_deciders_and_the_most_influential() {
        assert!(is_executive(Some(BuyingRole::DecisionMaker), None));
        assert!(is_executive(Some(BuyingRole::EconomicBuyer), Some(2)));
        assert!(is_executive(Some(BuyingRole::Technical), Some(5)));
        assert!(!is_executive(Some(BuyingRole::Technical), Some(4)));
        assert!(!is_executive(None, None));
    }
}
