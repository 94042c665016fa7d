//! The goal rules: measurable, grounded in the analysis, not last year plus a
//! few percent, something in it for the customer, few of them, and each with
//! someone committed to it.

use std::collections::HashSet;

use super::decimal::is_flat_uplift;
use super::finding::{Finding, Target, TargetKind, list, node_target};
use super::input::{LinkTarget, filled};
use super::rules::RuleId;
use super::view::PlanView;
use super::wording::says_last_year_plus;
use crate::Message;
use crate::analysis::Benefit;
use crate::plan::TEMPLATE_ONE_PAGE;
use crate::template::SectionKind;
use crate::tree::NodeKind;

/// The sections whose items and "so what?" are evidence for a goal.
fn is_evidence_kind(k: SectionKind) -> bool {
    matches!(k, SectionKind::Analysis | SectionKind::Swot | SectionKind::Risks)
}

pub(super) fn check(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    not_measurable(v, out);
    let evidenced = evidenced_goals(v);
    if v.sections_where(is_evidence_kind).next().is_some() {
        for (_, g) in v.of_kind(NodeKind::Goal).filter(|(_, g)| !evidenced.contains(g.id.as_ref())) {
            out.push(Finding::new(
                RuleId::GoalWithoutEvidence,
                node_target(&g.id),
                Message::new("coach-goal-without-evidence").arg("title", g.title),
                Message::new("coach-goal-without-evidence-hint"),
            ));
        }
    }
    for (_, g) in v.of_kind(NodeKind::Goal).filter(|(_, g)| !evidenced.contains(g.id.as_ref())) {
        let uplift = g.goal().is_some_and(|f| matches!((f.baseline, f.target), (Some(b), Some(t)) if is_flat_uplift(b, t)));
        if uplift || says_last_year_plus(g.title) {
            out.push(Finding::new(
                RuleId::GoalLastYearPlus,
                node_target(&g.id),
                Message::new("coach-goal-last-year-plus").arg("title", g.title),
                Message::new("coach-goal-last-year-plus-hint"),
            ));
        }
    }
    let for_customer = |b: Option<Benefit>| matches!(b, Some(Benefit::Customer | Benefit::Both));
    if !v.of_kind(NodeKind::Goal).any(|(_, g)| for_customer(g.goal().and_then(|f| f.benefit))) {
        out.push(Finding::new(
            RuleId::NoCustomerGoal,
            Target::new(TargetKind::Plan, v.input.plan_id.as_ref()),
            Message::new("coach-no-customer-goal"),
            Message::new("coach-no-customer-goal-hint"),
        ));
    }
    let one_page = v.input.template.as_deref().is_some_and(|t| t.key == TEMPLATE_ONE_PAGE);
    let max: usize = if one_page { 1 } else { 3 };
    let goals = v.of_kind(NodeKind::Goal).count();
    if goals > max {
        out.push(Finding::new(
            RuleId::TooManyGoals,
            Target::new(TargetKind::Plan, v.input.plan_id.as_ref()),
            Message::new("coach-too-many-goals").arg("count", goals).arg("max", max),
            Message::new("coach-too-many-goals-hint").arg("max", max),
        ));
    }
    for (i, g) in v.of_kind(NodeKind::Goal) {
        if !v.has_below(i, NodeKind::Commitment) {
            out.push(Finding::new(
                RuleId::GoalWithoutCommitment,
                node_target(&g.id),
                Message::new("coach-goal-without-commitment").arg("title", g.title),
                Message::new("coach-goal-without-commitment-hint"),
            ));
        }
    }
}

fn not_measurable(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    for (_, g) in v.of_kind(NodeKind::Goal) {
        let Some(f) = g.goal() else { continue };
        let mut missing = Vec::new();
        if !filled(f.metric) {
            missing.push(Message::new("coach-field-metric"));
        }
        // A baseline of 0 is a baseline.
        if f.baseline.is_none() {
            missing.push(Message::new("coach-field-baseline"));
        }
        if f.target.is_none() {
            missing.push(Message::new("coach-field-target"));
        }
        if f.target_date.is_none() {
            missing.push(Message::new("coach-field-target-date"));
        }
        let count = missing.len();
        if let Some(missing) = list(missing) {
            out.push(Finding::new(
                RuleId::GoalNotMeasurable,
                node_target(&g.id),
                Message::new("coach-goal-not-measurable").arg("title", g.title).arg("missing", missing).arg("count", count),
                Message::new("coach-goal-not-measurable-hint"),
            ));
        }
    }
}

/// Goals linked to an item of an analysis, SWOT or risks section, or to such a
/// section's "so what?" (one that says something).
fn evidenced_goals<'i>(v: &PlanView<'i, '_>) -> HashSet<&'i str> {
    let evidence_section = |key: &str| v.section_kind(key).is_some_and(is_evidence_kind);
    v.input
        .links
        .iter()
        .filter(|l| match &l.target {
            LinkTarget::Item(id) => v.input.items.iter().any(|i| i.id == *id && evidence_section(i.section)),
            LinkTarget::SoWhat(key) => evidence_section(key) && v.text(key).is_some_and(|s| filled(s.so_what)),
        })
        .map(|l| l.goal.as_ref())
        .collect()
}
