//! The plan coach (PRODUCT.md C7, issue 12): reads a plan the way an
//! experienced key-account coach would and says exactly what to fix, scores
//! the plan, and places it on seed 004's excellence ladder. Pure code: no I/O,
//! fast enough for every page view (one pass per rule, texts lower-cased once,
//! no regular expressions).
//!
//! # Using it
//!
//! 1. Build a [`CoachInput`]: from database rows in the application layer
//!    (fill the public fields; [`CoachNode::from_node`] converts the tree's
//!    nodes), or from an open plan document with [`CoachInput::from_document`]
//!    (target ids are then the document's local ids; the template is the one
//!    passed in, else the built-in template the document names).
//! 2. [`assess`] with the organisation's [`CoachSettings`] gives the findings
//!    (disabled rules dropped, severities as the organisation set them) and the
//!    [`Score`]. [`findings`] alone gives every rule's findings at default
//!    severity.
//! 3. [`ladder`] turns the [`LadderEvidence`] the application gathers into
//!    the plan's [`Ladder`] level and what the next level lacks.
//!
//! Messages and hints are [`Message`](crate::Message)s with `coach-…` codes;
//! the i18n crate's `Tr::msg` renders them. Rule names for the settings page:
//! [`RuleId::label`], [`Severity::label`]; level names: [`Ladder::title`].
//!
//! # Rules
//!
//! [`RULES`] lists every rule id with its default severity. Findings come in a
//! stable order: rule by rule in the order of [`RULES`], and within a rule in
//! plan order (the tree depth first, sections in template order, contacts and
//! reviews as given). Targets name the node, item, section (by key), contact,
//! review or the plan.
//!
//! # Score
//!
//! `score = 100 × 0.85^blockers × 0.94^warnings × 0.98^hints`, counted after
//! the organisation's settings: a blocker costs 15 % of what is left, a
//! warning 6 %, a hint 2 %. One more finding always lowers the score strictly;
//! it never reaches 0. Shown with one decimal ([`Score::rounded`]).
//!
//! # Length
//!
//! `over-length-budget` measures exactly as the plan page does; see the
//! [`length`] module for the measure, and [`CoachInput::page_report`] and
//! [`CoachInput::section_size`] to use it elsewhere.
//!
//! # A large plan
//!
//! `large_plan_document(start)` (public for benchmarks, hidden from these
//! docs) builds a plan document of 300 nodes and 100 items; the tests run the
//! coach over it.

mod check_goals;
mod check_plan;
mod check_tree;
mod decimal;
mod document;
mod finding;
mod input;
mod ladder;
pub mod length;
mod rules;
mod score;
mod settings;
mod severity;
mod synthetic;
#[cfg(test)]
mod tests;
mod view;
mod wording;

pub use document::{DOCUMENT_PLAN_ID, builtin_template};
pub use finding::{Finding, Severity, Target, TargetKind};
pub use input::{
    CoachCommitment, CoachContact, CoachDetail, CoachGoal, CoachInput, CoachItem, CoachLink, CoachNode, CoachReview, CoachSection,
    LinkTarget,
};
pub use ladder::{JointReview, Ladder, LadderEvidence, NextLevel, ladder};
pub use rules::{RULES, Rule, RuleId};
pub use score::{Score, weight};
pub use settings::{CoachSettings, CoachSettingsInput, RuleSetting, RuleSettingInput};
#[doc(hidden)]
pub use synthetic::large_plan_document;
pub use wording::MAX_GAP;

/// Every rule's findings at its default severity, in a stable order.
pub fn findings(input: &CoachInput<'_>) -> Vec<Finding> {
    let view = view::PlanView::new(input);
    let mut out = Vec::new();
    check_goals::check(&view, &mut out);
    check_tree::check(&view, &mut out);
    check_plan::check(&view, &mut out);
    out
}

/// What the coach says about a plan under the organisation's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub findings: Vec<Finding>,
    pub score: Score,
}

/// The findings as the organisation wants them, and the score they give.
pub fn assess(input: &CoachInput<'_>, settings: &CoachSettings) -> Assessment {
    let findings = settings.apply(findings(input));
    let score = Score::of(&findings);
    Assessment { findings, score }
}
