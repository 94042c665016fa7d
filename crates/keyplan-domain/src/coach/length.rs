//! A plan's length, measured the way the plan page measures it (the
//! application's plan bundle, `section_size` and `page_report`), so that the
//! coach and the page never disagree about what is over budget.
//!
//! * Words are counted with [`template::count_words`] (a word has a letter or a
//!   digit).
//! * An item counts its text, at most 6 words of its source, its response,
//!   and [`LINE_OVERHEAD_WORDS`] for its line; a node counts its title, notes
//!   and done criterion, and the same overhead.
//! * A section budgeted in words counts its body and "so what?", its items,
//!   and the nodes it shows: the whole tree in a constraint-tree section, the
//!   goals in a goals or KPI-scorecard section, the commitments in an action plan.
//! * A section budgeted in items counts its items (analysis, SWOT, risks), the
//!   account's contacts (stakeholder map), whitespace cells (whitespace
//!   matrix), non-empty lines of its body (free text, value proposition), or
//!   the nodes it shows (every other kind).
//! * The plan counts every section's text, every item and every node once, at
//!   [`template::WORDS_PER_PAGE`] words a page, rounded to a tenth of a page,
//!   against the template's page budget ([`PageReport`]), unless the caller
//!   typeset the plan (`CoachInput::printed_pages`): then the PDF's page count
//!   is the length, and sections are over budget only while the plan is.

use super::input::{CoachInput, CoachItem, CoachNode};
use super::view::PlanView;
use crate::template::{self, BudgetUnit, PageReport, Section, SectionKind, SizeReport};
use crate::tree::NodeKind;

/// Words a list line (an item, a node) takes beyond its own text when printed.
pub const LINE_OVERHEAD_WORDS: u32 = 4;

fn words(t: Option<&str>) -> u32 {
    t.map(template::count_words).unwrap_or(0)
}

fn item_words(i: &CoachItem<'_>) -> u32 {
    template::count_words(i.text) + words(i.source).min(6) + words(i.response) + LINE_OVERHEAD_WORDS
}

fn node_words(n: &CoachNode<'_>) -> u32 {
    let done = n.commitment().and_then(|c| c.done_criterion);
    template::count_words(n.title) + words(n.notes) + words(done) + LINE_OVERHEAD_WORDS
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One section's size against its budget; `None` when it has no budget.
pub(super) fn section_size(v: &PlanView<'_, '_>, s: &Section) -> Option<SizeReport> {
    let budget = s.budget?;
    let text = v.text(&s.key);
    let items = || v.input.items.iter().filter(|i| i.section == s.key);
    let shown = |n: &&CoachNode<'_>| match s.kind {
        SectionKind::ConstraintTree => true,
        SectionKind::Goals | SectionKind::KpiScorecard => n.kind() == NodeKind::Goal,
        SectionKind::ActionPlan => n.kind() == NodeKind::Commitment,
        _ => false,
    };
    let used = match budget.unit {
        BudgetUnit::Items => match s.kind {
            SectionKind::Analysis | SectionKind::Swot | SectionKind::Risks => count(items().count()),
            SectionKind::StakeholderMap => count(v.input.contacts.len()),
            SectionKind::Whitespace => count(v.input.whitespace_cells),
            SectionKind::FreeText | SectionKind::ValueProposition => {
                count(text.and_then(|t| t.body).map_or(0, |b| b.lines().filter(|l| !l.trim().is_empty()).count()))
            }
            _ => count(v.nodes().filter(shown).count()),
        },
        BudgetUnit::Words => {
            let text_words = text.map_or(0, |t| words(t.body) + words(t.so_what));
            text_words + items().map(item_words).sum::<u32>() + v.nodes().filter(shown).map(node_words).sum::<u32>()
        }
    };
    let mut size = SizeReport::new(used, budget);
    // A printed plan within its page budget has no section to cut.
    size.over &= !printed_within_budget(v);
    Some(size)
}

/// Whether the caller typeset the plan and its PDF stays within the page budget.
fn printed_within_budget(v: &PlanView<'_, '_>) -> bool {
    match (v.input.printed_pages, v.input.template.as_deref()) {
        (Some(p), Some(t)) => !PageReport::printed(0, p, t.budget_pages).over,
        _ => false,
    }
}

/// The whole plan's estimated length; `None` when the template is unknown.
pub(super) fn page_report(v: &PlanView<'_, '_>) -> Option<PageReport> {
    let budget = v.input.template.as_deref()?.budget_pages;
    let text: u32 = v.input.sections.iter().map(|t| words(t.body) + words(t.so_what)).sum();
    let items: u32 = v.input.items.iter().map(item_words).sum();
    let nodes: u32 = v.nodes().map(node_words).sum();
    let words = text + items + nodes;
    Some(match v.input.printed_pages {
        Some(p) => PageReport::printed(words, p, budget),
        None => PageReport::new(words, budget),
    })
}

/// The plan's whole length and every section's size, measured over one walk
/// of the plan (see [`CoachInput::measure`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Lengths {
    /// The plan against its page budget; `None` when the template is unknown.
    pub pages: Option<PageReport>,
    /// Each section of the template, in template order: its key, its size
    /// against its budget (`None` without a budget), and whether nothing is in
    /// it yet (no text, items or nodes).
    pub sections: Vec<SectionLength>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionLength {
    pub key: String,
    pub size: Option<SizeReport>,
    pub empty: bool,
}

impl Lengths {
    /// The measure of one section by key.
    pub fn section(&self, key: &str) -> Option<&SectionLength> {
        self.sections.iter().find(|s| s.key == key)
    }
}

impl CoachInput<'_> {
    /// The plan's length and every template section's size and emptiness, all
    /// from one view of the plan: what a page showing every section needs,
    /// without walking the plan again per section. Empty when the template is
    /// unknown.
    pub fn measure(&self) -> Lengths {
        let v = PlanView::new(self);
        let sections = self
            .template
            .as_deref()
            .map(|t| {
                t.sections
                    .iter()
                    .map(|s| {
                        let empty = [BudgetUnit::Words, BudgetUnit::Items].into_iter().all(|unit| {
                            let probe = Section { budget: Some(template::Budget { unit, limit: 0 }), ..s.clone() };
                            section_size(&v, &probe).is_none_or(|r| r.used == 0)
                        });
                        SectionLength { key: s.key.clone(), size: section_size(&v, s), empty }
                    })
                    .collect()
            })
            .unwrap_or_default();
        Lengths { pages: page_report(&v), sections }
    }

    /// The plan's length against its template's page budget, as the coach
    /// measures it; `None` when the template is unknown.
    pub fn page_report(&self) -> Option<PageReport> {
        page_report(&PlanView::new(self))
    }

    /// A section's size against its budget, as the coach measures it.
    pub fn section_size(&self, section: &Section) -> Option<SizeReport> {
        section_size(&PlanView::new(self), section)
    }
}
