//! The loaded plan as the coach reads it: a [`CoachInput`] borrowed from the
//! bundle, with database ids as text (`"42"`). The plan page's length measure
//! is the coach's (`keyplan_domain::coach::length`), so the page and the
//! `over-length-budget` rule never disagree.

use std::borrow::Cow;

use keyplan_domain::analysis::LinkKind;
use keyplan_domain::coach::{CoachContact, CoachInput, CoachItem, CoachLink, CoachNode, CoachReview, CoachSection, LinkTarget};
use time::Date;

use super::PlanBundle;

impl PlanBundle {
    /// The plan as the coach reads it on `today`. `next_review` is when the
    /// next review is due (see `crate::reviews::ScheduleView`); `None` leaves
    /// the review rule silent, as for a document.
    pub fn coach_input(&self, today: Date, next_review: Option<Date>) -> CoachInput<'_> {
        let nodes = self.all_nodes().into_iter().map(CoachNode::from_node).collect();
        let links = self
            .links
            .iter()
            .filter_map(|l| {
                let target = match l.target_kind() {
                    LinkKind::Item => LinkTarget::Item(Cow::Owned(l.target_id.to_string())),
                    LinkKind::Section => LinkTarget::SoWhat(self.sections.iter().find(|s| s.id.get() == l.target_id)?.section_key.as_str()),
                    // Contacts and whitespace cells are no analysis.
                    _ => return None,
                };
                Some(CoachLink { goal: Cow::Owned(l.goal_id.to_string()), target })
            })
            .collect();
        CoachInput {
            plan_id: Cow::Owned(self.plan.id.to_string()),
            template: Some(Cow::Borrowed(&self.doc)),
            status: self.plan.status,
            period_start: self.plan.period_start,
            period_end: self.plan.period_end,
            today,
            nodes,
            sections: self
                .sections
                .iter()
                .map(|s| CoachSection { key: &s.section_key, body: s.body.as_deref(), so_what: s.so_what.as_deref() })
                .collect(),
            items: self
                .items
                .iter()
                .map(|i| CoachItem {
                    id: Cow::Owned(i.id.to_string()),
                    section: &i.section_key,
                    kind: i.kind,
                    text: &i.text,
                    source: i.source.as_deref(),
                    response: i.response.as_deref(),
                })
                .collect(),
            links,
            contacts: self
                .contacts
                .iter()
                .map(|c| CoachContact {
                    id: Cow::Owned(c.id.to_string()),
                    name: &c.name,
                    buying_role: c.buying_role,
                    influence: c.influence,
                    has_relationship_owner: c.relationship_owner_id.is_some(),
                    objective: c.objective.as_deref(),
                })
                .collect(),
            whitespace_cells: self.whitespace.as_ref().map_or(0, |w| w.cells.len()),
            reviews: self
                .review_marks()
                .iter()
                .map(|r| CoachReview { id: Cow::Owned(r.id.to_string()), date: r.review_date, held: r.held_at.is_some() })
                .collect(),
            next_review,
            value_discipline_chosen: Some(self.settings.value_discipline.is_some()),
            printed_pages: self.printed_pages,
        }
    }
}
