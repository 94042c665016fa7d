//! A regular sales meeting's agenda (issue 17 point 4) as PDF and Markdown:
//! the plans in order with why each is there, then per plan what changed
//! since the last meeting, its open asks, what it needs from management, and
//! the decisions and follow-up commitments recorded. Both formats read the
//! same [`Agenda`], built once in the reader's language.
//!
//! The meeting is internal (managers and their KAMs), so nothing here goes to
//! a customer; the agenda carries no more than the meeting page shows.

use keyplan_app::meetings::{AgendaPlan, MeetingView};
use keyplan_domain::Lang;
use keyplan_i18n::Tr;
use keyplan_pdf::{Block, Document, Layout, PdfError, Rendered, Table};

use crate::changes::{grouped, snapshot_label};

/// Changes a plan lists before "and N more": the agenda stays a page or so per plan.
const MAX_CHANGES: usize = 20;

/// The agenda in words, ready for either format.
pub struct Agenda {
    pub title: String,
    pub subtitle: String,
    pub since: String,
    /// Column heads and one row per plan: number, account, plan, KAM, why.
    pub head: [String; 5],
    pub rows: Vec<[String; 5]>,
    pub plans: Vec<AgendaSection>,
}

/// One plan's part of the agenda: a heading and titled lists.
pub struct AgendaSection {
    pub heading: String,
    pub kam: String,
    pub parts: Vec<(String, Vec<String>)>,
}

/// The meeting's title as the reader sees it: the one given, else "Sales meeting".
pub fn meeting_title(view: &MeetingView, t: Tr) -> String {
    match view.meeting.title.trim() {
        "" => t.s("meeting-default-title"),
        s => s.to_string(),
    }
}

/// Builds the agenda's words.
pub fn agenda(view: &MeetingView, t: Tr) -> Agenda {
    let m = &view.meeting;
    let rows = view
        .agenda
        .iter()
        .enumerate()
        .map(|(i, a)| {
            [
                (i + 1).to_string(),
                a.plan.account_name.clone(),
                a.plan.plan_title.clone(),
                a.plan.kam_name.clone().unwrap_or_else(|| "—".into()),
                reasons(a, t).join("; "),
            ]
        })
        .collect();
    Agenda {
        title: meeting_title(view, t),
        subtitle: t.s1("meeting-agenda-subtitle", "date", t.date(m.held_on)),
        since: match view.last_meeting {
            Some(d) => t.s1("meeting-since-last", "date", t.date(d)),
            None => t.s1("meeting-since-first", "date", t.date(view.since)),
        },
        head: ["committee-col-no", "committee-col-account", "committee-col-plan", "committee-col-kam", "meeting-col-why"].map(|k| t.s(k)),
        rows,
        plans: view.agenda.iter().enumerate().map(|(i, a)| section(i + 1, a, t)).collect(),
    }
}

fn reasons(a: &AgendaPlan, t: Tr) -> Vec<String> {
    if a.reasons.is_empty() { vec![t.s("meeting-reason-chosen")] } else { a.reasons.iter().map(|r| t.msg(&r.message())).collect() }
}

/// What a plan's changes compare against, in words.
pub fn changes_heading(a: &AgendaPlan, t: Tr) -> String {
    match &a.base {
        Some(b) => match b.meeting_on {
            Some(d) => t.s1("meeting-changes-since-meeting", "date", t.date(d)),
            None => t.s1("meeting-changes-since-snapshot", "label", snapshot_label(&b.label, t)),
        },
        None => t.s("meeting-changes"),
    }
}

/// The plan's changes as lines ("Goal: …"), at most [`MAX_CHANGES`] and a count of the rest.
pub fn change_lines(a: &AgendaPlan, t: Tr) -> Vec<String> {
    if a.base.is_none() {
        return vec![t.s("meeting-changes-no-base")];
    }
    if a.changes.is_empty() {
        return vec![t.s("meeting-changes-none")];
    }
    let mut lines: Vec<String> =
        grouped(&a.changes, t).into_iter().flat_map(|g| g.changes.into_iter().map(|c| c.text).collect::<Vec<_>>()).collect();
    if lines.len() > MAX_CHANGES {
        let more = lines.len() - MAX_CHANGES;
        lines.truncate(MAX_CHANGES);
        lines.push(t.s1("meeting-changes-more", "count", more));
    }
    lines
}

/// The plan's open asks as lines: the commitment, its owner, and where it stands.
pub fn ask_lines(a: &AgendaPlan, t: Tr) -> Vec<String> {
    a.open_asks
        .iter()
        .map(|ask| {
            let state = t.enum_label("acceptance", ask.acceptance.as_str());
            let owner = ask.owner_name.clone().unwrap_or_else(|| "—".into());
            let mut line = t.s3("meeting-ask-line", "title", ask.title.as_str(), "owner", owner, "state", state);
            if let Some(d) = ask.due_date {
                line = format!("{line} · {}", t.s1("meeting-ask-due", "date", t.date(d)));
            }
            line
        })
        .collect()
}

fn section(number: usize, a: &AgendaPlan, t: Tr) -> AgendaSection {
    let mut parts = vec![(t.s("meeting-why"), reasons(a, t)), (changes_heading(a, t), change_lines(a, t))];
    let asks = ask_lines(a, t);
    parts.push((t.s("meeting-open-asks"), if asks.is_empty() { vec![t.s("meeting-none")] } else { asks }));
    if let Some(text) = &a.management_asks {
        parts.push((t.s("committee-asks"), vec![text.clone()]));
    }
    let decisions: Vec<String> = a.decisions.iter().map(|d| d.text.clone()).collect();
    parts.push((t.s("meeting-decisions"), if decisions.is_empty() { vec![t.s("meeting-none")] } else { decisions }));
    let follow: Vec<String> = a.follow_ups.iter().map(|d| d.text.clone()).collect();
    parts.push((t.s("meeting-follow-ups"), if follow.is_empty() { vec![t.s("meeting-none")] } else { follow }));
    AgendaSection {
        heading: format!("{number}. {} — {}", a.plan.account_name, a.plan.plan_title),
        kam: t.s1("meeting-kam", "name", a.plan.kam_name.clone().unwrap_or_else(|| "—".into())),
        parts,
    }
}

/// The agenda as a PDF: CPU-bound, so callers on an async runtime run it on a blocking thread.
pub fn pdf(view: &MeetingView, lang: Lang) -> Result<Rendered, PdfError> {
    keyplan_pdf::render(&document(view, lang))
}

/// The agenda's PDF document.
pub fn document(view: &MeetingView, lang: Lang) -> Document {
    let t = Tr::new(lang);
    let a = agenda(view, t);
    let mut doc = Document::new(a.title.clone(), crate::pdf::pdf_lang(lang), Layout::Compact);
    doc.subtitle = a.subtitle.clone();
    doc.meta.push(a.since.clone());
    doc.footer = t.s("meeting-footer");
    doc.blocks.push(Block::heading(2, t.s("committee-agenda")));
    let mut table = Table::new(a.head.clone()).widths([0.0, 2.0, 2.6, 1.4, 3.0]);
    for r in &a.rows {
        table = table.row(r.clone(), None);
    }
    doc.blocks.push(table.into());
    for s in &a.plans {
        doc.blocks.push(Block::heading(2, s.heading.clone()));
        doc.blocks.push(Block::paragraph(s.kam.clone()));
        for (title, lines) in &s.parts {
            doc.blocks.push(Block::heading(3, title.clone()));
            doc.blocks.push(Block::bullets(lines.clone()));
        }
    }
    doc
}

/// The agenda as Markdown, for pasting into the meeting's invitation or minutes.
pub fn markdown(view: &MeetingView, lang: Lang) -> String {
    let t = Tr::new(lang);
    let a = agenda(view, t);
    let mut out = format!("# {}\n\n{}  \n{}\n\n## {}\n\n", md(&a.title), md(&a.subtitle), md(&a.since), md(&t.s("committee-agenda")));
    out.push_str(&format!("| {} |\n|{}\n", a.head.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | "), "---|".repeat(5)));
    for r in &a.rows {
        out.push_str(&format!("| {} |\n", r.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")));
    }
    for s in &a.plans {
        out.push_str(&format!("\n## {}\n\n{}\n", md(&s.heading), md(&s.kam)));
        for (title, lines) in &s.parts {
            out.push_str(&format!("\n### {}\n\n", md(title)));
            for l in lines {
                out.push_str(&format!("- {}\n", md(l)));
            }
        }
    }
    out
}

/// Escapes characters that Markdown would otherwise interpret; a line break becomes a space.
fn md(s: &str) -> String {
    crate::markdown::escape(s)
}
