//! The constraint tree and its commitments (seeds 000 and 003): every branch
//! thought through down to an obstacle, every obstacle with an accepted
//! commitment, every commitment owned, dated, measurable, accepted, precise
//! and on time, and spread over the whole period.

use super::finding::{Finding, Target, TargetKind, list, node_target};
use super::input::filled;
use super::rules::RuleId;
use super::view::PlanView;
use super::wording::Words;
use crate::Message;
use crate::template::SectionKind;
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

pub(super) fn check(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    if v.sections_where(|k| k == SectionKind::ConstraintTree).next().is_some() {
        tree_incomplete(v, out);
    }
    for (i, o) in v.of_kind(NodeKind::Obstacle) {
        if !v.children(i).any(|c| c.commitment().is_some_and(|c| c.acceptance == Acceptance::Accepted)) {
            out.push(Finding::new(
                RuleId::ObstacleWithoutCommitment,
                node_target(&o.id),
                Message::new("coach-obstacle-without-commitment").arg("title", o.title),
                Message::new("coach-obstacle-without-commitment-hint"),
            ));
        }
    }
    commitments(v, out);
    actions_bunched(v, out);
}

fn tree_incomplete(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    for &i in &v.order {
        let n = v.node(i);
        let (needs, message, hint) = match n.kind() {
            NodeKind::Goal => {
                (NodeKind::Csf, Message::new("coach-tree-goal-without-factor"), Message::new("coach-tree-goal-without-factor-hint"))
            }
            NodeKind::Csf => (
                NodeKind::Condition,
                Message::new("coach-tree-factor-without-condition"),
                Message::new("coach-tree-factor-without-condition-hint"),
            ),
            NodeKind::Condition => (
                NodeKind::Obstacle,
                Message::new("coach-tree-condition-without-obstacle"),
                Message::new("coach-tree-condition-without-obstacle-hint"),
            ),
            NodeKind::Obstacle | NodeKind::Commitment => continue,
        };
        if !v.children(i).any(|c| c.kind() == needs) {
            out.push(Finding::new(RuleId::TreeIncomplete, node_target(&n.id), message.arg("title", n.title), hint));
        }
    }
}

/// The per-commitment rules, each rule's findings together, in tree order.
fn commitments(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    let all: Vec<_> = v.of_kind(NodeKind::Commitment).filter_map(|(_, n)| Some((n, n.commitment()?))).collect();
    for (n, c) in &all {
        let mut missing = Vec::new();
        if !c.has_owner {
            missing.push(Message::new("coach-field-owner"));
        }
        if c.due_date.is_none() {
            missing.push(Message::new("coach-field-due-date"));
        }
        if !filled(c.done_criterion) {
            missing.push(Message::new("coach-field-done-criterion"));
        }
        let count = missing.len();
        if let Some(missing) = list(missing) {
            out.push(Finding::new(
                RuleId::CommitmentIncomplete,
                node_target(&n.id),
                Message::new("coach-commitment-incomplete").arg("title", n.title).arg("missing", missing).arg("count", count),
                Message::new("coach-commitment-incomplete-hint"),
            ));
        }
    }
    for (n, c) in &all {
        let (message, hint) = match (c.acceptance, c.proposed_due_date) {
            (Acceptance::Accepted, _) => continue,
            (Acceptance::Proposed, _) | (Acceptance::DateProposed, None) => {
                (Message::new("coach-commitment-proposed"), Message::new("coach-commitment-proposed-hint"))
            }
            (Acceptance::Declined, _) => (Message::new("coach-commitment-declined"), Message::new("coach-commitment-declined-hint")),
            (Acceptance::DateProposed, Some(date)) => {
                (Message::new("coach-commitment-date-proposed").date("date", date), Message::new("coach-commitment-date-proposed-hint"))
            }
        };
        out.push(Finding::new(RuleId::CommitmentUnaccepted, node_target(&n.id), message.arg("title", n.title), hint));
    }
    for (n, c) in &all {
        let phrase = Words::new(n.title).vague().or_else(|| c.done_criterion.and_then(|d| Words::new(d).vague()));
        if let Some(phrase) = phrase {
            out.push(Finding::new(
                RuleId::CommitmentVague,
                node_target(&n.id),
                Message::new("coach-commitment-vague").arg("title", n.title).arg("phrase", phrase),
                Message::new("coach-commitment-vague-hint"),
            ));
        }
    }
    for (n, c) in &all {
        if let Some(due) = c.due_date
            && due < v.input.today
            && c.status != CommitmentStatus::Done
        {
            out.push(Finding::new(
                RuleId::CommitmentOverdue,
                node_target(&n.id),
                Message::new("coach-commitment-overdue").arg("title", n.title).date("date", due),
                Message::new("coach-commitment-overdue-hint"),
            ));
        }
    }
}

/// Seed 003: the plan encompasses the entire year. With a period of six months
/// or more and at least four dated commitments that are not declined: 75 % or
/// more due before the end of the period's first third, or none due on or
/// after its midpoint. Offsets are whole days from the period's start, compared
/// as fractions of the period's length in days (`end - start`) without rounding.
fn actions_bunched(v: &PlanView<'_, '_>, out: &mut Vec<Finding>) {
    let (start, end) = (v.input.period_start, v.input.period_end);
    if crate::plan::period_months(start, end) < 6 {
        return;
    }
    let span = (end - start).whole_days();
    let offsets: Vec<i64> = v
        .of_kind(NodeKind::Commitment)
        .filter_map(|(_, n)| n.commitment())
        .filter(|c| c.acceptance != Acceptance::Declined)
        .filter_map(|c| c.due_date)
        .map(|d| (d - start).whole_days())
        .collect();
    let total = offsets.len();
    if total < 4 || span <= 0 {
        return;
    }
    let early = offsets.iter().filter(|&&d| 3 * d < span).count();
    let late = offsets.iter().filter(|&&d| 2 * d >= span).count();
    let plan = Target::new(TargetKind::Plan, v.input.plan_id.as_ref());
    let hint = Message::new("coach-actions-bunched-hint");
    // The first whole day at or after a fraction of the period: "before" it
    // means the same as before the fraction itself.
    let day = |num: i64, den: i64| start.checked_add(time::Duration::days((span * num + den - 1) / den)).unwrap_or(end);
    if late == 0 {
        let m = Message::new("coach-actions-bunched-late").arg("count", total).date("date", day(1, 2));
        out.push(Finding::new(RuleId::ActionsBunched, plan, m, hint));
    } else if 4 * early >= 3 * total {
        let third = day(1, 3);
        let m = Message::new("coach-actions-bunched-early").arg("early", early).arg("count", total).date("date", third);
        out.push(Finding::new(RuleId::ActionsBunched, plan, m, hint));
    }
}
