//! The coach's findings, rule names and ladder as a reader sees them, in
//! English and German: every message the coach produces renders, with its
//! arguments in place.

use keyplan_domain::Lang;
use keyplan_domain::coach::{self, CoachInput, CoachSettingsInput, LadderEvidence, RULES, RuleSettingInput, Severity};
use keyplan_domain::document;
use time::macros::date;

use crate::Tr;

const TODAY: time::Date = date!(2027 - 03 - 01);

fn en() -> Tr {
    Tr::new(Lang::En)
}
fn de() -> Tr {
    Tr::new(Lang::De)
}

/// A one-page plan with a goal that lacks its date, a vague and unaccepted
/// commitment, and far too much text.
fn plan_json() -> String {
    let long = "word ".repeat(500);
    format!(
        r#"{{"format": "keyplan-plan", "version": 1,
        "plan": {{"title": "Brightwater 2027", "template": "one_page_constraint", "period_start": "2027-01-01", "period_end": "2027-12-31"}},
        "goals": [{{"id": "g1", "kind": "goal", "title": "Grow revenue", "metric": "Revenue", "baseline": 0, "target": 2.4, "benefit": "us",
            "children": [{{"id": "m1", "kind": "commitment", "title": "Stay in touch with purchasing", "owner": {{"email": "lena@northwind.example"}},
                "due_date": "2027-02-15", "acceptance": "date_proposed", "proposed_due_date": "2027-04-30"}}]}}],
        "sections": [{{"key": "notes", "body": "{long}"}}]}}"#
    )
}

fn rendered(t: Tr) -> Vec<(String, String, String)> {
    let doc = document::parse(plan_json().as_bytes()).unwrap();
    let input = CoachInput::from_document(&doc, None, TODAY);
    coach::findings(&input).iter().map(|f| (f.rule.to_string(), t.msg(&f.message), t.msg(&f.hint))).collect()
}

fn message_of(all: &[(String, String, String)], rule: &str) -> String {
    all.iter().find(|(r, ..)| r == rule).map(|(_, m, _)| m.clone()).unwrap_or_else(|| panic!("no {rule} in {all:#?}"))
}

#[test]
fn findings_read_naturally_in_english() {
    let all = rendered(en());
    assert_eq!(message_of(&all, "goal-not-measurable"), "Goal “Grow revenue” is not measurable: the target date is missing.");
    assert_eq!(
        message_of(&all, "commitment-vague"),
        "Commitment “Stay in touch with purchasing” is vague: “stay in touch” is not an action."
    );
    assert_eq!(
        message_of(&all, "commitment-unaccepted"),
        "The owner of commitment “Stay in touch with purchasing” has proposed a new due date: 30 Apr 2027."
    );
    assert_eq!(message_of(&all, "commitment-incomplete"), "Commitment “Stay in touch with purchasing” lacks a done criterion.");
    assert_eq!(message_of(&all, "over-length-budget"), "The plan is about 1.1 pages long, over its template's page budget of 1.");
    assert_eq!(message_of(&all, "tree-incomplete"), "Goal “Grow revenue” has no critical success factor.");
}

#[test]
fn findings_read_naturally_in_german() {
    let all = rendered(de());
    assert_eq!(message_of(&all, "goal-not-measurable"), "Das Ziel „Grow revenue“ ist nicht messbar: Es fehlt das Zieldatum.");
    assert_eq!(
        message_of(&all, "commitment-vague"),
        "Die Zusage „Stay in touch with purchasing“ ist vage: „stay in touch“ ist keine Maßnahme."
    );
    assert_eq!(
        message_of(&all, "commitment-overdue"),
        "Die Zusage „Stay in touch with purchasing“ war am 15. Februar 2027 fällig und ist nicht erledigt."
    );
    assert_eq!(
        message_of(&all, "over-length-budget"),
        "Der Plan ist etwa 1,1 Seiten lang und damit über dem Seitenbudget seiner Vorlage von 1."
    );
}

#[test]
fn every_finding_of_a_large_plan_renders_in_both_languages() {
    let doc = coach::large_plan_document(date!(2027 - 01 - 01));
    let mut input = CoachInput::from_document(&doc, None, TODAY);
    // What only the database knows, so that those rules speak too.
    input.next_review = Some(date!(2027 - 02 - 01));
    input.value_discipline_chosen = Some(false);
    let findings = coach::findings(&input);
    for t in [en(), de()] {
        for f in &findings {
            for text in [t.msg(&f.message), t.msg(&f.hint)] {
                assert!(!text.is_empty() && !text.contains('{') && !text.contains("coach-"), "{} {}: {text}", t.lang, f.rule);
            }
        }
    }
    let de_texts: Vec<String> = findings.iter().map(|f| de().msg(&f.message)).collect();
    assert!(de_texts.iter().any(|t| t.contains("Überprüfung")), "{de_texts:#?}");
}

#[test]
fn rule_and_severity_names_exist_for_the_settings_page() {
    for t in [en(), de()] {
        for r in RULES {
            let label = t.msg(&r.id.label());
            assert!(!label.is_empty() && !label.starts_with("coach-"), "{} {}", t.lang, r.id);
        }
        for s in Severity::ALL {
            assert!(!t.msg(&s.label()).starts_with("coach-"));
        }
    }
    assert_eq!(en().msg(&coach::RuleId::CommitmentVague.label()), "Vague wording in a commitment");
    assert_eq!(de().msg(&coach::RuleId::CommitmentVague.label()), "Vage Formulierung einer Zusage");
    assert_eq!(de().msg(&Severity::Warning.label()), "Warnung");

    let mut body = CoachSettingsInput::default();
    body.0.insert("review-overdue".into(), RuleSettingInput { enabled: None, severity: Some("fatal".into()) });
    let errors = body.validate().unwrap_err();
    assert_eq!(de().msg(&errors[0].message), "muss blocker, warning oder hint sein");
}

#[test]
fn the_ladder_says_what_is_missing_in_both_languages() {
    let evidence = LadderEvidence {
        today: TODAY,
        plan_start: date!(2027 - 01 - 01),
        team_contributed: true,
        team_reviews_held: vec![date!(2027 - 02 - 10)],
        cadence_months: 3,
        last_share_open: None,
        joint_reviews_held: Vec::new(),
        customer_accepted_commitments: 0,
        customer_commitment_overdue: false,
    };
    let ladder = coach::ladder(&evidence);
    assert_eq!(en().msg(&ladder.title()), "The team contributed");
    assert_eq!(de().msg(&ladder.title()), "Das Team hat mitgewirkt");
    let missing = &ladder.next.as_ref().unwrap().missing;
    assert_eq!(en().msg(&missing[0]), "At least two team reviews held since 1 Jan 2027 (one so far).");
    assert_eq!(de().msg(&missing[0]), "Mindestens zwei Team-Überprüfungen seit dem 1. Januar 2027 (bisher eine).");
}
