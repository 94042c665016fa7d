//! The goal rules: each fires on the defect and stays silent without it.

use super::fixture::*;
use crate::MsgArg;
use crate::analysis::{Benefit, ItemKind};
use crate::coach::{Severity, TargetKind};
use crate::tree::{Acceptance, NodeKind};

#[test]
fn clean_plans_have_no_findings() {
    assert_eq!(run(&strategic()), vec![], "strategic");
    assert_eq!(run(&one_page()), vec![], "one page");
}

#[test]
fn goal_not_measurable_names_what_is_missing() {
    let mut d = strategic();
    g1(&mut d).metric = Some("  ".into());
    g1(&mut d).target_date = None;
    let f = of(&d, "goal-not-measurable");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].severity, f[0].target.kind, f[0].target.id.as_str()), (Severity::Blocker, TargetKind::Node, "g1"));
    assert_eq!(f[0].message.code, "coach-goal-not-measurable");
    assert_eq!(f[0].message.args.get("title"), Some(&MsgArg::Text("Grow revenue to 2.4m".into())));
    assert_eq!(f[0].message.args.get("count"), Some(&MsgArg::Int(2)));
    let Some(MsgArg::Msg(list)) = f[0].message.args.get("missing") else { panic!("no list of what is missing") };
    assert_eq!(list.code, "coach-list-2");
    assert_eq!(list.args.get("a"), Some(&MsgArg::Msg(Box::new(crate::Message::new("coach-field-metric")))));

    for field in 0..4 {
        let mut d = strategic();
        let g = g1(&mut d);
        match field {
            0 => g.metric = None,
            1 => g.baseline = None,
            2 => g.target = None,
            _ => g.target_date = None,
        }
        assert_eq!(targets(&d, "goal-not-measurable"), ["g1"], "field {field}");
    }
}

#[test]
fn a_baseline_of_zero_is_a_baseline() {
    let mut d = strategic();
    g1(&mut d).baseline = Some(0.0);
    assert!(of(&d, "goal-not-measurable").is_empty());
    assert!(of(&d, "goal-last-year-plus").is_empty(), "from 0, any target is more than 15 %");
}

#[test]
fn goal_without_evidence_needs_analysis_swot_or_risks_behind_the_goal() {
    let mut d = strategic();
    d.links.clear();
    assert_eq!(targets(&d, "goal-without-evidence"), ["g1"]);

    // The so-what of an analysis section is evidence; that of a vision is not.
    d.links = vec![link_so_what("g1", "customer-profile")];
    assert!(of(&d, "goal-without-evidence").is_empty());
    d.sections.push(section("vision", Some("Their partner for the new plant"), Some("We grow with them")));
    d.links = vec![link_so_what("g1", "vision")];
    assert_eq!(targets(&d, "goal-without-evidence"), ["g1"]);

    // A SWOT entry or a risk is evidence; an item filed under a goals section is not.
    d.items.push(item("i2", "swot", ItemKind::Swot, Some(crate::analysis::Category::Strength), "Fast service"));
    d.items.push(item("i3", "opportunities-risks", ItemKind::Risk, None, "Price war"));
    d.items.push(item("i4", "top-goals", ItemKind::Analysis, Some(crate::analysis::Category::Market), "Misfiled"));
    for (link, fires) in [("i2", false), ("i3", false), ("i4", true)] {
        d.links = vec![link_item("g1", link)];
        assert_eq!(of(&d, "goal-without-evidence").len(), usize::from(fires), "{link}");
    }
}

#[test]
fn an_empty_so_what_is_no_evidence() {
    let mut d = strategic();
    d.sections[0].so_what = Some(" ".into());
    d.links = vec![link_so_what("g1", "customer-profile")];
    assert_eq!(targets(&d, "goal-without-evidence"), ["g1"]);
}

#[test]
fn a_plan_without_analysis_sections_asks_for_no_evidence() {
    let d = one_page();
    assert!(d.links.is_empty());
    assert!(of(&d, "goal-without-evidence").is_empty());
}

#[test]
fn goal_last_year_plus_catches_a_flat_uplift_without_evidence() {
    let mut d = strategic();
    d.links.clear();
    g1(&mut d).target = Some(2_070_000.0); // exactly 115 %
    assert_eq!(targets(&d, "goal-last-year-plus"), ["g1"]);
    g1(&mut d).baseline = Some(1.8);
    g1(&mut d).target = Some(2.07); // exactly 115 %, though not so in floating point
    assert_eq!(targets(&d, "goal-last-year-plus"), ["g1"]);
    g1(&mut d).target = Some(2.0700001);
    assert!(of(&d, "goal-last-year-plus").is_empty(), "more than 15 %");
    g1(&mut d).target = Some(1.8);
    assert!(of(&d, "goal-last-year-plus").is_empty(), "no uplift");

    // With evidence behind it, a modest uplift is a goal like any other.
    g1(&mut d).target = Some(1.9);
    d.links = vec![link_item("g1", "i1")];
    assert!(of(&d, "goal-last-year-plus").is_empty());
}

#[test]
fn goal_last_year_plus_reads_the_title_in_every_template() {
    for title in ["Revenue last year + 10 %", "Umsatz wie Vorjahr plus 8 %", "Previous year plus a little"] {
        let mut d = one_page();
        g1(&mut d).title = title.into();
        assert_eq!(targets(&d, "goal-last-year-plus"), ["g1"], "{title}");
        let mut d = strategic();
        g1(&mut d).title = title.into();
        assert!(of(&d, "goal-last-year-plus").is_empty(), "{title}: linked to analysis");
    }
    let mut d = one_page();
    g1(&mut d).title = "Win back last year's volume with the new plant".into();
    assert!(of(&d, "goal-last-year-plus").is_empty());
}

#[test]
fn no_customer_goal_wants_a_goal_for_the_customer() {
    let mut d = strategic();
    for (benefit, fires) in [(Some(Benefit::Us), true), (None, true), (Some(Benefit::Customer), false), (Some(Benefit::Both), false)] {
        g1(&mut d).benefit = benefit;
        let f = of(&d, "no-customer-goal");
        assert_eq!(f.len(), usize::from(fires), "{benefit:?}");
        if fires {
            assert_eq!((f[0].target.kind, f[0].target.id.as_str()), (TargetKind::Plan, "plan"));
        }
    }
    d.goals.clear();
    assert_eq!(of(&d, "no-customer-goal").len(), 1, "no goal at all");
}

#[test]
fn too_many_goals_is_one_on_a_page_and_three_elsewhere() {
    let mut d = one_page();
    assert!(of(&d, "too-many-goals").is_empty());
    d.goals.push(goal("g2", "Second goal"));
    let f = of(&d, "too-many-goals");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].message.args.get("count"), f[0].message.args.get("max")), (Some(&MsgArg::Int(2)), Some(&MsgArg::Int(1))));

    let mut d = strategic();
    d.goals.push(goal("g2", "Second"));
    d.goals.push(goal("g3", "Third"));
    assert!(of(&d, "too-many-goals").is_empty());
    d.goals.push(goal("g4", "Fourth"));
    assert_eq!(targets(&d, "too-many-goals"), ["plan"]);
}

#[test]
fn goal_without_commitment_looks_anywhere_below_the_goal() {
    let mut d = strategic();
    o1(&mut d).children.clear();
    assert_eq!(targets(&d, "goal-without-commitment"), ["g1"]);

    // A commitment straight under the goal, even a declined one, is a commitment.
    let mut direct = commitment("m9", "Present the trial results to the plant manager");
    direct.acceptance = Some(Acceptance::Declined);
    g1(&mut d).children.push(direct);
    assert!(of(&d, "goal-without-commitment").is_empty());

    let mut d = strategic();
    d.goals.push(node("g2", NodeKind::Goal, "Bare goal", Vec::new()));
    assert_eq!(targets(&d, "goal-without-commitment"), ["g2"]);
}
