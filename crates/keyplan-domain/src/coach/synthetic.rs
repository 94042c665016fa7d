//! A large plan for benchmarks (issue 12: the coach over a plan with 300 nodes
//! and 100 items): a strategic plan document whose tree, items, links and
//! contacts are generated, with a realistic mix of defects so that every rule
//! has work to do.

use time::{Date, Duration};

use crate::analysis::{Benefit, Category, ItemKind};
use crate::audience::{Audience, Visibility};
use crate::contact::BuyingRole;
use crate::document::{DocContact, DocItem, DocLink, DocNode, DocPerson, DocPlan, DocSection, FORMAT, PlanDocument, VERSION};
use crate::plan::PlanStatus;
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};

/// A strategic plan over twelve months from `start`, with 300 nodes (4 goals,
/// 16 factors, 48 conditions, 96 obstacles, 136 commitments), 100 items,
/// 20 contacts and a text in every section.
pub fn large_plan_document(start: Date) -> PlanDocument {
    let mut ids = 0usize;
    let mut next_id = |prefix: &str| {
        ids += 1;
        format!("{prefix}{ids}")
    };
    let mut obstacles = 0usize;
    let goals: Vec<DocNode> = (0..4)
        .map(|g| {
            let mut goal = DocNode::new(next_id("n"), NodeKind::Goal, format!("Grow share of wallet in business unit {g}"));
            goal.metric = Some("Share of wallet".into());
            goal.baseline = Some(1_000_000.0 * (g + 1) as f64);
            // Every other goal is a flat uplift of its baseline.
            goal.target = Some(if g % 2 == 0 { 1_100_000.0 } else { 3_000_000.0 } * (g + 1) as f64);
            goal.target_date = (g != 3).then(|| start + Duration::days(360));
            goal.benefit = Some(if g == 0 { Benefit::Both } else { Benefit::Us });
            goal.children = (0..4)
                .map(|f| {
                    let mut csf = DocNode::new(next_id("n"), NodeKind::Csf, format!("Factor {f} of goal {g}"));
                    csf.children = (0..3)
                        .map(|c| {
                            let mut cond = DocNode::new(next_id("n"), NodeKind::Condition, format!("Condition {c} holds"));
                            cond.children = (0..2)
                                .map(|_| {
                                    obstacles += 1;
                                    let mut o = DocNode::new(next_id("n"), NodeKind::Obstacle, format!("Obstacle {obstacles}"));
                                    let n = if obstacles <= 40 { 2 } else { 1 };
                                    o.children = (0..n).map(|k| commitment(next_id("n"), obstacles * 2 + k, start)).collect();
                                    o
                                })
                                .collect();
                            cond
                        })
                        .collect();
                    csf
                })
                .collect();
            goal
        })
        .collect();

    let item_sections: [(&str, ItemKind, Option<Category>); 5] = [
        ("customer-profile", ItemKind::Analysis, Some(Category::Customer)),
        ("customer-objectives", ItemKind::Analysis, Some(Category::Customer)),
        ("market-competitors", ItemKind::Analysis, Some(Category::Market)),
        ("swot", ItemKind::Swot, Some(Category::Strength)),
        ("opportunities-risks", ItemKind::Risk, None),
    ];
    let items: Vec<DocItem> = (0..100)
        .map(|i| {
            let (section, kind, category) = item_sections[i % item_sections.len()];
            DocItem {
                id: format!("i{i}"),
                section: section.into(),
                kind,
                category,
                text: format!("Finding {i}: the customer consolidates suppliers in plant {} and expects lower total cost", i % 7),
                source: Some("Annual report and purchasing interview".into()),
                item_date: Some(start),
                derived_from: None,
                response: (i % 3 == 0).then(|| "We answer with a joint cost-down programme".into()),
                visibility: Visibility::Team,
            }
        })
        .collect();
    let links = (0..4usize)
        .filter(|g| g % 2 == 0)
        .map(|g| DocLink { goal: goals[g].id.clone(), item: Some(format!("i{}", g * 5)), section: None, contact: None, cell: None })
        .collect();
    let contacts = (0..20)
        .map(|c| DocContact {
            id: format!("c{c}"),
            name: format!("Contact {c}"),
            title: None,
            business_unit: None,
            buying_role: Some(if c == 0 { BuyingRole::DecisionMaker } else { BuyingRole::User }),
            influence: Some(1 + (c % 5) as i16),
            attitude: None,
            objective: (c % 2 == 0).then(|| "Agrees to the trial".into()),
            relationship_owner: (c % 3 == 0).then(|| DocPerson { email: Some("lena@northwind.example".into()), name: None }),
        })
        .collect();
    let sections = ["customer-profile", "buying-centre", "swot", "vision", "value-proposition", "history"]
        .into_iter()
        .map(|key| DocSection {
            key: key.into(),
            body: Some("The customer wants fewer suppliers and a partner for their new plant. ".repeat(6)),
            so_what: (key != "swot").then(|| "We must win the new plant's first frame contract.".into()),
            visibility: Visibility::Team,
        })
        .collect();
    PlanDocument {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: None,
        audience: Audience::Team,
        account: None,
        plan: DocPlan {
            title: "Large plan".into(),
            template: "strategic".into(),
            status: PlanStatus::Active,
            period_start: start,
            period_end: crate::plan::default_period_end(start),
        },
        contacts,
        goals,
        sections,
        items,
        links,
        kpis: Vec::new(),
    }
}

/// The `n`th generated commitment: most are complete and accepted; some are
/// vague, unaccepted, undated or late.
fn commitment(id: String, n: usize, start: Date) -> DocNode {
    let vague = n.is_multiple_of(9);
    let title = if vague { format!("Visit purchasing monthly ({n})") } else { format!("Agree trial scope {n} with the plant manager") };
    let mut c = DocNode::new(id, NodeKind::Commitment, title);
    c.owner = Some(DocPerson { email: Some("lena@northwind.example".into()), name: None });
    c.due_date = (!n.is_multiple_of(11)).then(|| start + Duration::days(((n * 37) % 360) as i64));
    c.done_criterion = (!n.is_multiple_of(13)).then(|| format!("Signed trial agreement for {} units", n * 10));
    // Progress only on accepted ones (a proposed commitment is not done).
    c.status = Some(if n.is_multiple_of(4) && !n.is_multiple_of(10) { CommitmentStatus::Done } else { CommitmentStatus::Open });
    c.acceptance = Some(match n % 10 {
        0 => Acceptance::Proposed,
        5 => Acceptance::DateProposed,
        _ => Acceptance::Accepted,
    });
    c.proposed_due_date = (n % 10 == 5).then(|| start + Duration::days(200));
    c
}
