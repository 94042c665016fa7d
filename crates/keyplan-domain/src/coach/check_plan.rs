//! The rules about the plan as a whole: conclusions drawn from the analysis,
//! length, the review rhythm, the people at the customer, and the value
//! proposition's anchor in the company's value discipline.

use super::finding::{Finding, Target, TargetKind};
use super::input::filled;
use super::length::{page_report, section_size};
use super::rules::RuleId;
use super::view::PlanView;
use crate::Message;
use crate::contact::BuyingRole;
use crate::template::{BudgetUnit, SectionKind};

pub(super) fn check(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    section_without_so_what(v, out);
    over_length(v, out);
    review_overdue(v, out);
    people(v, out);
    value_proposition(v, out);
}

fn section_target(key: &str) -> Target {
    Target::new(TargetKind::Section, key)
}

fn has_items(v: &PlanView<'_, '_>, key: &str) -> bool {
    v.input.items.iter().any(|i| i.section == key)
}

fn section_without_so_what(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    let kinds = |k| matches!(k, SectionKind::Analysis | SectionKind::Swot | SectionKind::FreeText);
    for (key, _) in v.sections_where(kinds) {
        let text = v.text(key);
        let content = text.is_some_and(|t| filled(t.body)) || has_items(v, key);
        if content && !text.is_some_and(|t| filled(t.so_what)) {
            out.push(Finding::new(
                RuleId::SectionWithoutSoWhat,
                section_target(key),
                Message::new("coach-section-without-so-what").arg("section", v.title(key)),
                Message::new("coach-section-without-so-what-hint"),
            ));
        }
    }
}

/// A length in pages with one decimal, written in the reader's language.
fn pages(p: f64) -> Message {
    // Page counts are small and already rounded to tenths; the cast cannot overflow.
    let tenths = (p * 10.0).round() as i64;
    Message::new("coach-decimal").arg("whole", tenths / 10).arg("tenth", tenths % 10)
}

fn over_length(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    let Some(template) = v.input.template.as_deref() else { return };
    if let Some(report) = page_report(v).filter(|r| r.over) {
        out.push(Finding::new(
            RuleId::OverLengthBudget,
            Target::new(TargetKind::Plan, v.input.plan_id.as_ref()),
            Message::new("coach-over-length-plan").arg("pages", pages(report.pages)).arg("budget", pages(report.budget_pages)),
            Message::new("coach-over-length-plan-hint"),
        ));
    }
    for s in &template.sections {
        if let Some(size) = section_size(v, s).filter(|r| r.over) {
            let message = match size.unit {
                BudgetUnit::Words => Message::new("coach-over-length-section-words"),
                BudgetUnit::Items => Message::new("coach-over-length-section-items"),
            };
            out.push(Finding::new(
                RuleId::OverLengthBudget,
                section_target(&s.key),
                message.arg("section", s.title.as_str()).arg("used", i64::from(size.used)).arg("limit", i64::from(size.limit)),
                Message::new("coach-over-length-section-hint"),
            ));
        }
    }
}

/// The next review date has passed and no review was held on or after it.
/// Archived plans are never overdue (as on the plan page).
fn review_overdue(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    let input = v.input;
    let Some(due) = input.next_review else { return };
    if !crate::review::is_overdue(due, input.status, input.today) || input.reviews.iter().any(|r| r.held && r.date >= due) {
        return;
    }
    // The finding points at the review still waiting to be held, if one is planned.
    let target = match input.reviews.iter().filter(|r| !r.held).min_by_key(|r| r.date) {
        Some(r) => Target::new(TargetKind::Review, r.id.as_ref()),
        None => Target::new(TargetKind::Plan, input.plan_id.as_ref()),
    };
    out.push(Finding::new(
        RuleId::ReviewOverdue,
        target,
        Message::new("coach-review-overdue").date("date", due),
        Message::new("coach-review-overdue-hint"),
    ));
}

fn people(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    let contacts = &v.input.contacts;
    if let Some((key, _)) = v.sections_where(|k| k == SectionKind::StakeholderMap).next()
        && !contacts.iter().any(|c| matches!(c.buying_role, Some(BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer)))
    {
        out.push(Finding::new(
            RuleId::DecisionMakerUnmapped,
            section_target(key),
            Message::new("coach-decision-maker-unmapped").arg("section", v.title(key)),
            Message::new("coach-decision-maker-unmapped-hint"),
        ));
    }
    for c in contacts.iter().filter(|c| c.is_key_person() && !c.has_relationship_owner) {
        out.push(Finding::new(
            RuleId::ContactWithoutOwner,
            Target::new(TargetKind::Contact, c.id.as_ref()),
            Message::new("coach-contact-without-owner").arg("name", c.name),
            Message::new("coach-contact-without-owner-hint").arg("name", c.name),
        ));
    }
    for c in contacts.iter().filter(|c| c.is_key_person() && !filled(c.objective)) {
        out.push(Finding::new(
            RuleId::ContactWithoutObjective,
            Target::new(TargetKind::Contact, c.id.as_ref()),
            Message::new("coach-contact-without-objective").arg("name", c.name),
            Message::new("coach-contact-without-objective-hint").arg("name", c.name),
        ));
    }
}

/// Seed 003: the value proposition follows from the company's value discipline.
/// Without a database the discipline is unknown, and only emptiness counts.
fn value_proposition(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    let no_discipline = v.input.value_discipline_chosen == Some(false);
    for (key, _) in v.sections_where(|k| k == SectionKind::ValueProposition) {
        let text = v.text(key);
        let empty = !text.is_some_and(|t| filled(t.body) || filled(t.so_what)) && !has_items(v, key);
        let (message, hint) = match (empty, no_discipline) {
            (false, false) => continue,
            (true, false) => (Message::new("coach-value-proposition-empty"), Message::new("coach-value-proposition-empty-hint")),
            (false, true) => {
                (Message::new("coach-value-proposition-no-discipline"), Message::new("coach-value-proposition-no-discipline-hint"))
            }
            (true, true) => (Message::new("coach-value-proposition-empty"), Message::new("coach-value-proposition-both-hint")),
        };
        out.push(Finding::new(RuleId::ValuePropositionUnanchored, section_target(key), message.arg("section", v.title(key)), hint));
    }
}
