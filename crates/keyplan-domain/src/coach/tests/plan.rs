//! The rules about the plan as a whole: so-whats, length, reviews, people and
//! the value proposition.

use std::borrow::Cow;

use time::macros::date;

use super::fixture::*;
use crate::MsgArg;
use crate::analysis::{Category, ItemKind};
use crate::coach::{CoachInput, CoachReview, Finding, TargetKind, findings};
use crate::contact::BuyingRole;
use crate::document::PlanDocument;
use crate::plan::PlanStatus;

fn with_input(d: &PlanDocument, f: impl FnOnce(&mut CoachInput<'_>)) -> Vec<Finding> {
    let mut input = CoachInput::from_document(d, None, TODAY);
    f(&mut input);
    findings(&input)
}

fn rule<'f>(all: &'f [Finding], id: &str) -> Vec<&'f Finding> {
    all.iter().filter(|f| f.rule == id).collect()
}

#[test]
fn section_without_so_what_in_analysis_swot_and_free_text() {
    let mut d = strategic();
    d.sections[0].so_what = None;
    d.items.push(item("i2", "swot", ItemKind::Swot, Some(Category::Weakness), "Slow quotes"));
    d.sections.push(section("vision", Some("Their partner for the new plant"), Some("  ")));
    d.sections.push(section("history", None, None));
    let f = of(&d, "section-without-so-what");
    let got: Vec<&str> = f.iter().map(|f| f.target.id.as_str()).collect();
    assert_eq!(got, ["customer-profile", "swot", "vision"], "template order; an empty section is not asked");
    assert_eq!(f[0].target.kind, TargetKind::Section);
    assert_eq!(f[0].message.args.get("section"), Some(&MsgArg::Text("Customer profile and key figures".into())));

    // Risks and value propositions have no "so what?" to draw.
    let mut d = strategic();
    d.items.push(item("i2", "opportunities-risks", ItemKind::Risk, None, "Price war"));
    assert!(of(&d, "section-without-so-what").is_empty());
}

#[test]
fn over_length_budget_for_a_section_and_for_the_plan() {
    let mut d = strategic();
    for i in 2..=7 {
        d.items.push(item(&format!("i{i}"), "customer-objectives", ItemKind::Analysis, Some(Category::Customer), "Project"));
    }
    d.sections.push(section("customer-objectives", None, Some("They invest")));
    assert!(of(&d, "over-length-budget").is_empty(), "six of six items");
    d.items.push(item("i8", "customer-objectives", ItemKind::Analysis, Some(Category::Customer), "One more"));
    let f = of(&d, "over-length-budget");
    assert_eq!(
        (f.len(), f[0].target.id.as_str(), f[0].message.code.as_str()),
        (1, "customer-objectives", "coach-over-length-section-items")
    );
    assert_eq!((f[0].message.args.get("used"), f[0].message.args.get("limit")), (Some(&MsgArg::Int(7)), Some(&MsgArg::Int(6))));

    // One page is 450 words; text filed under a key the template does not know
    // still counts towards the plan, as on the plan page.
    let mut d = one_page();
    d.sections.push(section("vision", Some(&"word ".repeat(500)), None));
    let f = of(&d, "over-length-budget");
    assert_eq!(f.len(), 1, "the one-page template has no vision section: only the plan counts");
    assert_eq!((f[0].target.kind, f[0].message.code.as_str()), (TargetKind::Plan, "coach-over-length-plan"));
    let Some(MsgArg::Msg(pages)) = f[0].message.args.get("pages") else { panic!("no pages") };
    // 500 + the tree's five nodes (their titles and 4 words a line) ≈ 1.2 pages.
    assert_eq!((pages.args.get("whole"), pages.args.get("tenth")), (Some(&MsgArg::Int(1)), Some(&MsgArg::Int(2))));
}

#[test]
fn a_printed_count_is_the_length_and_sections_are_over_only_with_the_plan() {
    // Seven items in a six-item section: over its own budget by the estimate.
    let mut d = strategic();
    for i in 2..=8 {
        d.items.push(item(&format!("i{i}"), "customer-objectives", ItemKind::Analysis, Some(Category::Customer), "Project"));
    }
    assert_eq!(of(&d, "over-length-budget").len(), 1);
    // The PDF takes 3 of its 4 pages: nothing needs cutting, the section included.
    let fits = with_input(&d, |i| i.printed_pages = Some(3));
    assert!(rule(&fits, "over-length-budget").is_empty(), "{fits:?}");
    let input = CoachInput { printed_pages: Some(3), ..CoachInput::from_document(&d, None, TODAY) };
    let report = input.page_report().unwrap();
    assert_eq!((report.pages, report.printed, report.over), (3.0, true, false));
    let lengths = input.measure();
    assert!(lengths.sections.iter().filter_map(|s| s.size.as_ref()).all(|s| !s.over), "{lengths:?}");
    // Five pages: the plan is over, and the section over its own budget is where to cut.
    let over = with_input(&d, |i| i.printed_pages = Some(5));
    let f = rule(&over, "over-length-budget");
    let kinds: Vec<TargetKind> = f.iter().map(|f| f.target.kind).collect();
    assert_eq!(kinds, [TargetKind::Plan, TargetKind::Section], "{f:?}");
    // A budget of 3.5 pages allows a fourth page, not a fifth.
    assert!(!crate::template::PageReport::printed(0, 4, 3.5).over);
    assert!(crate::template::PageReport::printed(0, 5, 3.5).over);
}

#[test]
fn length_is_measured_as_the_plan_page_measures_it() {
    let mut d = strategic();
    d.items[0].source = Some("one two three four five six seven eight".into());
    d.items[0].response = Some("We answer".into());
    let input = CoachInput::from_document(&d, None, TODAY);
    let template = input.template.clone().unwrap();
    let used = |key: &str| template.section(key).and_then(|s| input.section_size(s)).map(|r| r.used);
    assert_eq!(used("customer-profile"), Some(1), "counted in items");
    assert_eq!(used("action-plan"), Some(1), "the one commitment");
    assert_eq!(used("value-proposition"), Some(11), "counted in words");
    assert_eq!(used("buying-centre"), Some(0));
    let report = input.page_report().unwrap();
    // Texts: the so-what 8 words, the value proposition 11. The item: text 7,
    // source capped at 6, response 2, and 4 for its line. The nodes: titles
    // 4, 3, 2, 5 and 7, the done criterion 7, and 4 for each line.
    assert_eq!(report.words, 8 + 11 + (7 + 6 + 2 + 4) + (4 + 3 + 2 + 5 + 7 + 7 + 5 * 4));
    assert_eq!((report.pages, report.over), (0.2, false));
}

#[test]
fn review_overdue_when_the_next_review_passed_without_a_held_one() {
    let d = strategic();
    let planned = |input: &mut CoachInput<'_>| {
        input.next_review = Some(date!(2027 - 02 - 15));
        input.reviews = vec![
            CoachReview { id: Cow::Borrowed("r1"), date: date!(2026 - 11 - 15), held: true },
            CoachReview { id: Cow::Borrowed("r2"), date: date!(2027 - 02 - 15), held: false },
        ];
    };
    let all = with_input(&d, planned);
    let f = rule(&all, "review-overdue");
    assert_eq!((f.len(), f[0].target.kind, f[0].target.id.as_str()), (1, TargetKind::Review, "r2"));
    assert_eq!(f[0].message.args.get("date"), Some(&MsgArg::Date(date!(2027 - 02 - 15))));

    let held_late = with_input(&d, |input| {
        planned(input);
        input.reviews[1].held = true;
        input.reviews[1].date = date!(2027 - 02 - 20);
    });
    assert!(rule(&held_late, "review-overdue").is_empty(), "held after its date");
    let not_yet = with_input(&d, |input| input.next_review = Some(TODAY));
    assert!(rule(&not_yet, "review-overdue").is_empty(), "due today");
    let unplanned = with_input(&d, |input| input.next_review = Some(date!(2027 - 01 - 01)));
    assert_eq!(rule(&unplanned, "review-overdue")[0].target.kind, TargetKind::Plan);
    let archived = with_input(&d, |input| {
        planned(input);
        input.status = PlanStatus::Archived;
    });
    assert!(rule(&archived, "review-overdue").is_empty());
    assert!(of(&d, "review-overdue").is_empty(), "a document has no reviews");
}

#[test]
fn decision_maker_unmapped_where_the_template_maps_the_buying_centre() {
    let mut d = strategic();
    d.contacts[0].buying_role = Some(BuyingRole::EconomicBuyer);
    assert!(of(&d, "decision-maker-unmapped").is_empty());
    d.contacts[0].buying_role = Some(BuyingRole::Influencer);
    let f = of(&d, "decision-maker-unmapped");
    assert_eq!((f.len(), f[0].target.kind, f[0].target.id.as_str()), (1, TargetKind::Section, "buying-centre"));
    d.contacts.clear();
    assert_eq!(of(&d, "decision-maker-unmapped").len(), 1, "no contacts at all");
    let mut d = one_page();
    d.contacts.clear();
    assert!(of(&d, "decision-maker-unmapped").is_empty(), "no stakeholder map in this template");
}

#[test]
fn key_contacts_need_an_owner_and_an_objective() {
    let mut d = strategic();
    d.contacts = vec![
        contact("c1", "Dana Ruiz", Some(BuyingRole::DecisionMaker), None),
        contact("c2", "Omar Haddad", Some(BuyingRole::EconomicBuyer), Some(2)),
        contact("c3", "Ines Kurz", Some(BuyingRole::User), Some(4)),
        contact("c4", "Tom Berg", Some(BuyingRole::User), Some(3)),
        contact("c5", "Eva Lind", None, None),
    ];
    for c in &mut d.contacts {
        c.relationship_owner = None;
        c.objective = Some(" ".into());
    }
    assert_eq!(targets(&d, "contact-without-owner"), ["c1", "c2", "c3"]);
    assert_eq!(targets(&d, "contact-without-objective"), ["c1", "c2", "c3"]);
    let f = of(&d, "contact-without-objective");
    assert_eq!((f[0].target.kind, f[0].severity), (TargetKind::Contact, crate::coach::Severity::Hint));
    assert_eq!(f[0].message.args.get("name"), Some(&MsgArg::Text("Dana Ruiz".into())));

    // A customer's document names the owner without an e-mail.
    for c in &mut d.contacts {
        c.relationship_owner = Some(crate::document::DocPerson { email: None, name: Some("Lena".into()) });
        c.objective = Some("Sponsors the trial".into());
    }
    assert!(of(&d, "contact-without-owner").is_empty());
    assert!(of(&d, "contact-without-objective").is_empty());
}

#[test]
fn value_proposition_unanchored_when_empty_or_without_a_discipline() {
    let mut d = strategic();
    d.sections.retain(|s| s.key != "value-proposition");
    let f = of(&d, "value-proposition-unanchored");
    assert_eq!((f.len(), f[0].target.id.as_str(), f[0].message.code.as_str()), (1, "value-proposition", "coach-value-proposition-empty"));

    let d = strategic();
    assert!(of(&d, "value-proposition-unanchored").is_empty(), "a document cannot tell the discipline");
    let all = with_input(&d, |input| input.value_discipline_chosen = Some(false));
    let f = rule(&all, "value-proposition-unanchored");
    assert_eq!((f.len(), f[0].message.code.as_str()), (1, "coach-value-proposition-no-discipline"));
    let all = with_input(&d, |input| input.value_discipline_chosen = Some(true));
    assert!(rule(&all, "value-proposition-unanchored").is_empty());

    let mut d = one_page();
    d.sections.clear();
    assert!(of(&d, "value-proposition-unanchored").is_empty(), "no value proposition in this template");
}
