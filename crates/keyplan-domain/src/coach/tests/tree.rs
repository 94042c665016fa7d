//! The constraint-tree and commitment rules: each fires on the defect and stays
//! silent without it.

use time::macros::date;

use super::fixture::*;
use crate::MsgArg;
use crate::coach::{CoachInput, Severity, findings};
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

#[test]
fn tree_incomplete_walks_goal_factor_condition_in_constraint_plans() {
    let mut d = one_page();
    d.goals.push(goal("g2", "No factors yet"));
    d.goals[0].children.push(node("f2", NodeKind::Csf, "No condition yet", Vec::new()));
    d.goals[0].children[0].children.push(node("k2", NodeKind::Condition, "No obstacle yet", Vec::new()));
    let f = of(&d, "tree-incomplete");
    let got: Vec<(&str, &str)> = f.iter().map(|f| (f.target.id.as_str(), f.message.code.as_str())).collect();
    assert_eq!(
        got,
        [
            ("k2", "coach-tree-condition-without-obstacle"),
            ("f2", "coach-tree-factor-without-condition"),
            ("g2", "coach-tree-goal-without-factor"),
        ]
    );
    // A plan without a constraint-tree section is not held to its shape.
    let mut d = strategic();
    d.goals.push(goal("g2", "No factors"));
    assert!(of(&d, "tree-incomplete").is_empty());
}

#[test]
fn a_goal_served_only_by_direct_commitments_still_lacks_factors() {
    let mut d = one_page();
    d.goals = vec![node("g1", NodeKind::Goal, "Grow", vec![commitment("m1", "Sign the frame contract")])];
    assert_eq!(targets(&d, "tree-incomplete"), ["g1"]);
}

#[test]
fn obstacle_without_commitment_needs_an_accepted_one() {
    let mut d = strategic();
    assert!(of(&d, "obstacle-without-commitment").is_empty());
    for acceptance in [Acceptance::Proposed, Acceptance::Declined, Acceptance::DateProposed] {
        m1(&mut d).acceptance = Some(acceptance);
        let f = of(&d, "obstacle-without-commitment");
        assert_eq!((f.len(), f[0].target.id.as_str(), f[0].severity), (1, "o1", Severity::Blocker), "{acceptance:?}");
    }
    o1(&mut d).children.clear();
    assert_eq!(targets(&d, "obstacle-without-commitment"), ["o1"]);
}

#[test]
fn commitment_incomplete_names_owner_date_and_criterion() {
    let mut d = strategic();
    m1(&mut d).owner = None;
    m1(&mut d).due_date = None;
    m1(&mut d).done_criterion = Some("".into());
    let f = of(&d, "commitment-incomplete");
    assert_eq!((f.len(), f[0].severity, f[0].target.id.as_str()), (1, Severity::Blocker, "m1"));
    assert_eq!(f[0].message.args.get("count"), Some(&MsgArg::Int(3)));
    let Some(MsgArg::Msg(list)) = f[0].message.args.get("missing") else { panic!("no list") };
    assert_eq!(list.code, "coach-list-3");

    // A customer's document names the owner without an e-mail: still an owner.
    let mut d = strategic();
    m1(&mut d).owner = Some(crate::document::DocPerson { email: None, name: Some("Lena".into()) });
    assert!(of(&d, "commitment-incomplete").is_empty());
    m1(&mut d).done_criterion = None;
    let f = of(&d, "commitment-incomplete");
    assert_eq!(f[0].message.args.get("missing"), Some(&MsgArg::Msg(Box::new(crate::Message::new("coach-field-done-criterion")))));
}

#[test]
fn commitment_unaccepted_gives_one_finding_per_commitment() {
    let mut d = strategic();
    let mut m2 = commitment("m2", "Run the line trial");
    m2.acceptance = Some(Acceptance::Declined);
    let mut m3 = commitment("m3", "Train the plant staff");
    m3.acceptance = Some(Acceptance::DateProposed);
    m3.proposed_due_date = Some(date!(2027 - 10 - 15));
    let mut m4 = commitment("m4", "Send the offer");
    m4.acceptance = None;
    o1(&mut d).children.extend([m2, m3, m4]);
    let f = of(&d, "commitment-unaccepted");
    let got: Vec<(&str, &str)> = f.iter().map(|f| (f.target.id.as_str(), f.message.code.as_str())).collect();
    assert_eq!(got, [("m2", "coach-commitment-declined"), ("m3", "coach-commitment-date-proposed"), ("m4", "coach-commitment-proposed")]);
    assert_eq!(f[1].message.args.get("date"), Some(&MsgArg::Date(date!(2027 - 10 - 15))));
    assert!(of(&strategic(), "commitment-unaccepted").is_empty());
}

fn vague_with(title: &str, criterion: Option<&str>) -> usize {
    let mut d = strategic();
    m1(&mut d).title = title.into();
    m1(&mut d).done_criterion = criterion.map(Into::into);
    of(&d, "commitment-vague").len()
}

#[test]
fn commitment_vague_in_english() {
    for t in [
        "Visit the buyer monthly",
        "Visit purchasing once a month",
        "Introduce our CEO to upper management",
        "Work with management to submit the lowest bid",
        "Follow up on the offer",
        "Stay in touch with Dana",
        "Keep them informed",
        "Improve the relationship",
        "Support as needed",
        "Try to win the trial",
        "Call Dana regularly",
    ] {
        assert_eq!(vague_with(t, Some("Signed order")), 1, "{t}");
    }
}

#[test]
fn commitment_vague_in_german_and_in_the_done_criterion() {
    for t in [
        "Regelmäßig beim Einkauf anrufen",
        "Beim Angebot nachfassen",
        "Mit Frau Berg in Kontakt bleiben",
        "Die Beziehung zum Einkauf pflegen",
        "Beziehung verbessern",
        "Technik bei Bedarf unterstützen",
        "Versuchen, den Versuch zu gewinnen",
        "Das günstigste Angebot abgeben",
        "Niedrigstes Angebot einreichen",
        "Den Einkauf monatlich besuchen",
        "Herrn Kurz der Geschäftsleitung vorstellen",
    ] {
        assert_eq!(vague_with(t, Some("Unterschriebener Rahmenvertrag")), 1, "{t}");
    }
    assert_eq!(vague_with("Agree the frame contract", Some("Customer kept informed")), 1);
    assert_eq!(vague_with("Visit regularly and stay in touch", Some("Relationship improved")), 1, "one finding per commitment");
}

#[test]
fn commitment_vague_ignores_case_and_allows_three_words_between() {
    assert_eq!(vague_with("VISIT THE BUYER MONTHLY", None), 1);
    assert_eq!(vague_with("vIsIt tHe BuYeR mOnThLy", None), 1);
    assert_eq!(vague_with("Visit the Hamburg buyer monthly", None), 1, "three words between");
    assert_eq!(vague_with("Visit the new Hamburg buyer monthly", None), 0, "four words between");
    assert_eq!(vague_with("Beziehung zu drei Werken pflegen", None), 1);
    assert_eq!(vague_with("Beziehung zu allen drei Werken pflegen", None), 0);
}

#[test]
fn a_specific_dated_measurable_visit_is_not_vague() {
    assert_eq!(
        vague_with("Visit the Hamburg plant with Dr. Berg on 15 March 2027", Some("Trial scope for line 3 signed, 500 units by 30 June")),
        0
    );
    assert_eq!(vague_with("Werk Hamburg am 15.03. besuchen", Some("Versuchsauftrag über 500 Stück unterschrieben")), 0);
}

#[test]
fn commitment_overdue_means_past_due_and_not_done() {
    let mut d = strategic();
    m1(&mut d).due_date = Some(date!(2027 - 02 - 28));
    let f = of(&d, "commitment-overdue");
    assert_eq!((f.len(), f[0].target.id.as_str()), (1, "m1"));
    assert_eq!(f[0].message.args.get("date"), Some(&MsgArg::Date(date!(2027 - 02 - 28))));
    m1(&mut d).status = Some(CommitmentStatus::Missed);
    assert_eq!(of(&d, "commitment-overdue").len(), 1, "missed is not done");
    m1(&mut d).status = Some(CommitmentStatus::Done);
    assert!(of(&d, "commitment-overdue").is_empty());
    m1(&mut d).status = Some(CommitmentStatus::InProgress);
    m1(&mut d).due_date = Some(TODAY);
    assert!(of(&d, "commitment-overdue").is_empty(), "due today is not overdue yet");
}

/// A strategic plan whose obstacle carries commitments due on these dates.
fn due_on(dates: &[time::Date]) -> crate::document::PlanDocument {
    let mut d = strategic();
    o1(&mut d).children = dates
        .iter()
        .enumerate()
        .map(|(i, due)| {
            let mut c = commitment(&format!("m{}", i + 1), "Deliver the trial report");
            c.due_date = Some(*due);
            c
        })
        .collect();
    d
}

#[test]
fn actions_bunched_when_three_quarters_fall_in_the_first_third() {
    // 2027: 364 days from start to end; the first third ends after 121⅓ days,
    // so 2 May (day 121) is in it and 3 May (day 122) is not.
    let early = [date!(2027 - 01 - 15), date!(2027 - 03 - 01), date!(2027 - 05 - 02), date!(2027 - 11 - 30)];
    let f = of(&due_on(&early), "actions-bunched");
    assert_eq!((f.len(), f[0].severity, f[0].target.id.as_str()), (1, Severity::Hint, "plan"));
    assert_eq!(f[0].message.code, "coach-actions-bunched-early");
    assert_eq!(f[0].message.args.get("date"), Some(&MsgArg::Date(date!(2027 - 05 - 03))));
    let later = [date!(2027 - 01 - 15), date!(2027 - 03 - 01), date!(2027 - 05 - 03), date!(2027 - 11 - 30)];
    assert!(of(&due_on(&later), "actions-bunched").is_empty(), "only half in the first third");
}

#[test]
fn actions_bunched_when_nothing_is_due_from_the_midpoint_on() {
    // The midpoint is day 182: 2 July.
    let before = [date!(2027 - 02 - 01), date!(2027 - 05 - 10), date!(2027 - 06 - 20), date!(2027 - 07 - 01)];
    let f = of(&due_on(&before), "actions-bunched");
    assert_eq!((f.len(), f[0].message.code.as_str()), (1, "coach-actions-bunched-late"));
    assert_eq!(f[0].message.args.get("date"), Some(&MsgArg::Date(date!(2027 - 07 - 02))));
    let on_midpoint = [date!(2027 - 02 - 01), date!(2027 - 05 - 10), date!(2027 - 06 - 20), date!(2027 - 07 - 02)];
    assert!(of(&due_on(&on_midpoint), "actions-bunched").is_empty());
}

#[test]
fn actions_bunched_needs_four_dated_live_commitments_and_six_months() {
    let early = [date!(2027 - 01 - 15), date!(2027 - 02 - 01), date!(2027 - 03 - 01), date!(2027 - 03 - 15)];
    assert_eq!(of(&due_on(&early), "actions-bunched").len(), 1);
    assert!(of(&due_on(&early[..3]), "actions-bunched").is_empty(), "three commitments");

    let mut d = due_on(&early);
    o1(&mut d).children[3].acceptance = Some(Acceptance::Declined);
    assert!(of(&d, "actions-bunched").is_empty(), "declined ones do not count");
    let mut d = due_on(&early);
    o1(&mut d).children[3].due_date = None;
    assert!(of(&d, "actions-bunched").is_empty(), "undated ones do not count");

    let mut d = due_on(&early);
    d.plan.period_end = date!(2027 - 05 - 31);
    assert!(of(&d, "actions-bunched").is_empty(), "five months");
    d.plan.period_end = date!(2027 - 06 - 30);
    assert_eq!(of(&d, "actions-bunched").len(), 1, "six months");
}

#[test]
fn nodes_that_cannot_hang_where_they_hang_are_ignored() {
    let d = strategic();
    let mut input = CoachInput::from_document(&d, None, TODAY);
    // An obstacle straight under a goal, and a commitment under a missing parent.
    input.nodes[3].parent = Some("g1".into());
    input.nodes[4].parent = Some("gone".into());
    let f = findings(&input);
    assert!(f.iter().all(|f| f.target.id != "o1" && f.target.id != "m1"), "{f:?}");
    assert!(f.iter().any(|f| f.rule == "goal-without-commitment"));
}
