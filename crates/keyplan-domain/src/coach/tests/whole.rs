//! The coach as a whole: the document adapter, the order of findings, the
//! organisation's settings, the database-side adapter, and a large plan.

use std::borrow::Cow;

use time::macros::date;

use super::fixture::*;
use crate::analysis::{Benefit, Category, ItemKind};
use crate::coach::{
    CoachDetail, CoachInput, CoachNode, CoachSettings, RULES, RuleId, RuleSetting, Score, Severity, assess, builtin_template, findings,
    large_plan_document,
};
use crate::tree::{Acceptance, CommitmentDetail, GoalFields, Node, NodeDetail, NodeKind};
use crate::{NodeId, PlanId, UserId};

/// A strategic plan with one defect for many rules.
fn messy() -> crate::document::PlanDocument {
    let mut d = strategic();
    d.links.clear();
    g1(&mut d).target_date = None;
    g1(&mut d).benefit = Some(Benefit::Us);
    m1(&mut d).title = "Visit the buyer monthly".into();
    m1(&mut d).acceptance = Some(Acceptance::Proposed);
    d.contacts[0].objective = None;
    d.goals.push(goal("g2", "Second goal"));
    d.goals[1].benefit = Some(Benefit::Us);
    d
}

#[test]
fn findings_come_rule_by_rule_in_plan_order() {
    let f = run(&messy());
    let got: Vec<(&str, &str)> = f.iter().map(|f| (f.rule.as_str(), f.target.id.as_str())).collect();
    assert_eq!(
        got,
        [
            ("goal-not-measurable", "g1"),
            ("goal-without-evidence", "g1"),
            ("goal-without-evidence", "g2"),
            ("no-customer-goal", "plan"),
            ("goal-without-commitment", "g2"),
            ("obstacle-without-commitment", "o1"),
            ("commitment-unaccepted", "m1"),
            ("commitment-vague", "m1"),
            ("contact-without-objective", "c1"),
        ]
    );
    let order: Vec<usize> = f.iter().map(|f| RULES.iter().position(|r| r.id == f.rule).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(run(&messy()), f, "the same plan gives the same findings");
}

#[test]
fn findings_serialise_as_the_api_names_them() {
    let f = &run(&messy())[0];
    let v = serde_json::to_value(f).unwrap();
    assert_eq!(v["rule"], "goal-not-measurable");
    assert_eq!(v["severity"], "blocker");
    assert_eq!(v["target"], serde_json::json!({"kind": "node", "id": "g1"}));
    assert_eq!(v["message"]["code"], "coach-goal-not-measurable");
    assert_eq!(v["hint"]["code"], "coach-goal-not-measurable-hint");
}

#[test]
fn assess_applies_the_organisations_settings_to_findings_and_score() {
    let d = messy();
    let input = CoachInput::from_document(&d, None, TODAY);
    let all = assess(&input, &CoachSettings::default());
    assert_eq!(all.findings, findings(&input));
    assert_eq!(all.score, Score::of(&all.findings));
    assert!(all.score.exact() < 100.0);

    let mut settings = CoachSettings::default();
    settings.set(RuleId::CommitmentVague, RuleSetting { enabled: false, severity: Severity::Warning });
    settings.set(RuleId::ContactWithoutObjective, RuleSetting { enabled: true, severity: Severity::Blocker });
    let mine = assess(&input, &settings);
    assert_eq!(mine.findings.len(), all.findings.len() - 1);
    assert!(mine.findings.iter().all(|f| f.rule != RuleId::CommitmentVague));
    assert_eq!(mine.findings.last().map(|f| f.severity), Some(Severity::Blocker));
}

#[test]
fn a_given_template_wins_over_the_builtin_one() {
    let mut d = one_page();
    d.goals.push(goal("g2", "Second goal"));
    assert_eq!(targets(&d, "too-many-goals"), ["plan"]);
    let strategic = builtin_template("strategic").unwrap();
    let input = CoachInput::from_document(&d, Some(&strategic), TODAY);
    assert!(findings(&input).iter().all(|f| f.rule != "too-many-goals"));
    assert!(builtin_template("acme-plan").is_none());
}

#[test]
fn an_unknown_template_is_read_from_the_items() {
    let mut d = strategic();
    d.plan.template = "acme-plan".into();
    assert!(run(&d).is_empty(), "the goal's item is analysis: evidence, and its so-what is there");
    d.sections[0].so_what = None;
    d.links.clear();
    let f = run(&d);
    let rules: Vec<&str> = f.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["goal-without-evidence", "section-without-so-what"]);
    assert_eq!(f[1].message.args.get("section"), Some(&crate::MsgArg::Text("customer-profile".into())), "no title without a template");
    let input = CoachInput::from_document(&d, None, TODAY);
    assert!(input.page_report().is_none(), "no budget without a template");
}

#[test]
fn stored_nodes_are_read_as_the_tree_reads_them() {
    let mut goal = Node::new(NodeId::new(1), PlanId::new(7), None, NodeKind::Goal, "Grow");
    goal.detail = NodeDetail::Goal(GoalFields { metric: Some("Revenue".into()), baseline: Some(0.0), ..GoalFields::default() });
    let mut c = Node::new(NodeId::new(2), PlanId::new(7), Some(NodeId::new(1)), NodeKind::Commitment, "Sign");
    c.detail = NodeDetail::Commitment(CommitmentDetail { owner_id: Some(UserId::new(3)), ..CommitmentDetail::default() });
    let (g, c) = (CoachNode::from_node(&goal), CoachNode::from_node(&c));
    assert_eq!((g.id.as_ref(), g.parent.as_deref()), ("1", None));
    assert_eq!(g.goal().map(|f| (f.metric, f.baseline)), Some((Some("Revenue"), Some(0.0))));
    assert_eq!(c.parent.as_deref(), Some("1"));
    let Some(cm) = c.commitment() else { panic!("not a commitment") };
    assert!(cm.has_owner);
    assert_eq!((cm.status, cm.acceptance), (crate::tree::CommitmentStatus::Open, Acceptance::Proposed), "empty columns");
    assert!(matches!(g.detail, CoachDetail::Goal(_)));

    let d = strategic();
    let mut input = CoachInput::from_document(&d, None, TODAY);
    input.plan_id = Cow::Borrowed("7");
    input.nodes = vec![g, c];
    input.links.clear();
    let f = findings(&input);
    let got: Vec<(&str, &str)> = f.iter().map(|f| (f.rule.as_str(), f.target.id.as_str())).collect();
    assert_eq!(
        &got[..5],
        [
            ("goal-not-measurable", "1"),
            ("goal-without-evidence", "1"),
            ("no-customer-goal", "7"),
            ("commitment-incomplete", "2"),
            ("commitment-unaccepted", "2")
        ]
    );
}

#[test]
fn the_large_plan_has_300_nodes_and_100_items_and_keeps_the_coach_busy() {
    let d = large_plan_document(date!(2027 - 01 - 01));
    assert_eq!((d.placed_nodes().len(), d.items.len()), (300, 100));
    crate::document::check(&d).unwrap();
    let input = CoachInput::from_document(&d, None, TODAY);
    let f = findings(&input);
    let mut rules: Vec<RuleId> = f.iter().map(|f| f.rule).collect();
    rules.dedup();
    assert!(rules.len() >= 10, "{rules:?}");
    assert!(Score::of(&f).exact() > 0.0);
}

#[test]
fn an_item_of_an_unknown_section_is_no_evidence() {
    let mut d = strategic();
    d.items.push(item("i9", "archive", ItemKind::Analysis, Some(Category::Market), "Old finding"));
    d.links = vec![link_item("g1", "i9")];
    assert_eq!(targets(&d, "goal-without-evidence"), ["g1"]);
}
