//! Plans for the coach's tests: a clean strategic plan and a clean one-page
//! constraint plan (no findings at all), and small builders to spoil them one
//! defect at a time.

use time::Date;
use time::macros::date;

use crate::analysis::{Benefit, Category, ItemKind};
use crate::audience::{Audience, Visibility};
use crate::coach::{CoachInput, Finding, findings};
use crate::contact::BuyingRole;
use crate::document::{DocContact, DocItem, DocLink, DocNode, DocPerson, DocPlan, DocSection, FORMAT, PlanDocument, VERSION};
use crate::plan::PlanStatus;
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

/// The day the tests run the coach on.
pub const TODAY: Date = date!(2027 - 03 - 01);

pub fn person() -> DocPerson {
    DocPerson { email: Some("lena@northwind.example".into()), name: None }
}

/// A measurable goal for both sides.
pub fn goal(id: &str, title: &str) -> DocNode {
    let mut g = DocNode::new(id, NodeKind::Goal, title);
    g.metric = Some("Revenue".into());
    g.baseline = Some(1_800_000.0);
    g.target = Some(2_400_000.0);
    g.target_date = Some(date!(2027 - 12 - 31));
    g.benefit = Some(Benefit::Both);
    g
}

/// An owned, dated, measurable, accepted, open commitment due in September.
pub fn commitment(id: &str, title: &str) -> DocNode {
    let mut c = DocNode::new(id, NodeKind::Commitment, title);
    c.owner = Some(person());
    c.due_date = Some(date!(2027 - 09 - 30));
    c.done_criterion = Some("Frame contract for 2028 signed by purchasing".into());
    c.status = Some(CommitmentStatus::Open);
    c.acceptance = Some(Acceptance::Accepted);
    c
}

pub fn node(id: &str, kind: NodeKind, title: &str, children: Vec<DocNode>) -> DocNode {
    DocNode { children, ..DocNode::new(id, kind, title) }
}

/// Goal g1 → factor f1 → condition k1 → obstacle o1 → commitment m1.
pub fn tree() -> DocNode {
    let m1 = commitment("m1", "Agree the 2028 frame contract with purchasing");
    let o1 = node("o1", NodeKind::Obstacle, "No budget for a trial", vec![m1]);
    let k1 = node("k1", NodeKind::Condition, "Trial passed", vec![o1]);
    let f1 = node("f1", NodeKind::Csf, "Preferred supplier status", vec![k1]);
    DocNode { children: vec![f1], ..goal("g1", "Grow revenue to 2.4m") }
}

pub fn item(id: &str, section: &str, kind: ItemKind, category: Option<Category>, text: &str) -> DocItem {
    DocItem {
        id: id.into(),
        section: section.into(),
        kind,
        category,
        text: text.into(),
        source: None,
        item_date: None,
        derived_from: None,
        response: None,
        visibility: Visibility::Team,
    }
}

pub fn section(key: &str, body: Option<&str>, so_what: Option<&str>) -> DocSection {
    DocSection { key: key.into(), body: body.map(Into::into), so_what: so_what.map(Into::into), visibility: Visibility::Team }
}

pub fn contact(id: &str, name: &str, role: Option<BuyingRole>, influence: Option<i16>) -> DocContact {
    DocContact {
        id: id.into(),
        name: name.into(),
        title: None,
        business_unit: None,
        buying_role: role,
        influence,
        attitude: None,
        objective: Some("Agrees to the trial".into()),
        relationship_owner: Some(person()),
    }
}

pub fn link_item(goal: &str, item: &str) -> DocLink {
    DocLink { goal: goal.into(), item: Some(item.into()), section: None, contact: None, cell: None }
}

pub fn link_so_what(goal: &str, section: &str) -> DocLink {
    DocLink { goal: goal.into(), item: None, section: Some(section.into()), contact: None, cell: None }
}

/// A plan of `template` for 2027, with nothing in it.
pub fn empty(template: &str) -> PlanDocument {
    PlanDocument {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: None,
        audience: Audience::Team,
        account: None,
        plan: DocPlan {
            title: "Brightwater 2027".into(),
            template: template.into(),
            status: PlanStatus::Active,
            period_start: date!(2027 - 01 - 01),
            period_end: date!(2027 - 12 - 31),
        },
        contacts: Vec::new(),
        goals: Vec::new(),
        sections: Vec::new(),
        items: Vec::new(),
        links: Vec::new(),
        kpis: Vec::new(),
    }
}

/// A strategic plan the coach has nothing to say about.
pub fn strategic() -> PlanDocument {
    let mut d = empty("strategic");
    d.goals = vec![tree()];
    d.items = vec![item("i1", "customer-profile", ItemKind::Analysis, Some(Category::Customer), "They open a new plant in 2027")];
    d.sections = vec![
        section("customer-profile", None, Some("The new plant is where we can grow")),
        section("value-proposition", Some("Fewer line stops in the new plant, proven in the trial"), None),
    ];
    d.links = vec![link_item("g1", "i1")];
    d.contacts = vec![contact("c1", "Dana Ruiz", Some(BuyingRole::DecisionMaker), Some(5))];
    d
}

/// A one-page constraint plan the coach has nothing to say about.
pub fn one_page() -> PlanDocument {
    let mut d = empty("one_page_constraint");
    d.goals = vec![tree()];
    d
}

pub fn run(doc: &PlanDocument) -> Vec<Finding> {
    findings(&CoachInput::from_document(doc, None, TODAY))
}

/// The findings of one rule.
pub fn of(doc: &PlanDocument, rule: &str) -> Vec<Finding> {
    run(doc).into_iter().filter(|f| f.rule == rule).collect()
}

/// The targets' ids of one rule's findings.
pub fn targets(doc: &PlanDocument, rule: &str) -> Vec<String> {
    of(doc, rule).into_iter().map(|f| f.target.id).collect()
}

/// The first goal, its first factor, condition, obstacle and commitment.
pub fn g1(d: &mut PlanDocument) -> &mut DocNode {
    &mut d.goals[0]
}
pub fn o1(d: &mut PlanDocument) -> &mut DocNode {
    &mut d.goals[0].children[0].children[0].children[0]
}
pub fn m1(d: &mut PlanDocument) -> &mut DocNode {
    &mut o1(d).children[0]
}
