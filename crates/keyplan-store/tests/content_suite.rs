//! A plan's template-driven content on both databases: the template version a
//! plan is made with, section text with versions, analysis items / SWOT entries /
//! opportunities and risks (order, kind and derivation rules), links from goals
//! to their evidence (target checks, duplicates, clean-up when a target goes),
//! organisation scoping, and the organisation's value-discipline settings.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{assert_conflict, assert_invalid, assert_not_found, assert_same, plan_input, user};
use keyplan_domain::account::AccountInput;
use keyplan_domain::analysis::{Category, ItemData, ItemKind, LinkKind, SectionText, ValueDiscipline};
use keyplan_domain::contact::ContactInput;
use keyplan_domain::plan::TEMPLATE_ONE_PAGE;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Node, NodeKind};
use keyplan_domain::{ItemId, LinkId, NodeId, OrgId, PlanId, Role};
use keyplan_store::{Account, Contact, Item, NodeWrite, Plan, Store, User};
use time::macros::date;

on_both_databases! {
    plans_take_the_current_template_version => sqlite_plans_take_the_current_template_version, postgres_plans_take_the_current_template_version;
    section_text_and_versions => sqlite_section_text_and_versions, postgres_section_text_and_versions;
    items_create_update_move_delete => sqlite_items_create_update_move_delete, postgres_items_create_update_move_delete;
    item_kind_and_derivation_rules => sqlite_item_kind_and_derivation_rules, postgres_item_kind_and_derivation_rules;
    goal_links_check_goal_and_target => sqlite_goal_links_check_goal_and_target, postgres_goal_links_check_goal_and_target;
    goal_links_go_with_their_targets => sqlite_goal_links_go_with_their_targets, postgres_goal_links_go_with_their_targets;
    content_is_scoped_to_its_org => sqlite_content_is_scoped_to_its_org, postgres_content_is_scoped_to_its_org;
    org_settings_versions => sqlite_org_settings_versions, postgres_org_settings_versions;
}

// --- fixtures --------------------------------------------------------------------------------

const STRATEGIC: &str = "strategic";

async fn account(store: &Store, org: OrgId, name: &str, owner: &User) -> Account {
    let data = AccountInput { name: name.into(), ..Default::default() }.validate().expect("valid account");
    store.create_account(org, &data, owner.id).await.expect("create account")
}

async fn contact(store: &Store, org: OrgId, account: &Account, name: &str, actor: &User) -> Contact {
    let data = ContactInput { name: name.into(), ..Default::default() }.validate().expect("valid contact");
    store.create_contact(org, account.id, &data, actor.id).await.expect("create contact")
}

async fn strategic_plan(store: &Store, org: OrgId, account: &Account, title: &str, actor: &User) -> Plan {
    store.create_plan(org, account.id, &plan_input(title), STRATEGIC, actor.id).await.expect("create plan")
}

async fn node(store: &Store, org: OrgId, plan: PlanId, kind: NodeKind, parent: Option<&Node>, title: &str, actor: &User) -> Node {
    store.create_node(org, plan, kind, parent.map(|p| p.id), &NodeWrite::titled(title), actor.id).await.expect("create node")
}

fn analysis(category: Category, text: &str) -> ItemData {
    ItemData {
        kind: ItemKind::Analysis,
        category: Some(category),
        text: text.into(),
        source: Some("Annual report 2025".into()),
        item_date: Some(date!(2026 - 02 - 01)),
        derived_from_id: None,
        response: None,
    }
}

fn swot(category: Category, text: &str) -> ItemData {
    ItemData {
        kind: ItemKind::Swot,
        category: Some(category),
        text: text.into(),
        source: None,
        item_date: None,
        derived_from_id: None,
        response: None,
    }
}

fn risk(text: &str, derived_from: Option<ItemId>) -> ItemData {
    ItemData {
        kind: ItemKind::Risk,
        category: None,
        text: text.into(),
        source: None,
        item_date: None,
        derived_from_id: derived_from.map(ItemId::get),
        response: Some("Second source qualified".into()),
    }
}

fn text(body: Option<&str>, so_what: Option<&str>) -> SectionText {
    SectionText { body: body.map(Into::into), so_what: so_what.map(Into::into) }
}

async fn add(store: &Store, org: OrgId, plan: PlanId, section: &str, data: &ItemData, actor: &User) -> Item {
    store.create_item(org, plan, section, data, actor.id).await.expect("create item")
}

/// The ids of a section's items in display order.
async fn order(store: &Store, org: OrgId, plan: PlanId, section: &str) -> Vec<ItemId> {
    store.items(org, plan).await.unwrap().into_iter().filter(|i| i.section_key == section).map(|i| i.id).collect()
}

/// (goal, kind, target) of a plan's links, in id order.
async fn links(store: &Store, org: OrgId, plan: PlanId) -> Vec<(NodeId, LinkKind, i64)> {
    store.goal_links(org, plan).await.unwrap().iter().map(|l| (l.goal_id, l.target_kind(), l.target_id)).collect()
}

/// Acme (Ann the KAM, Ben a team member, account Northwind with a strategic plan
/// and one goal in it) and Globex (Gus, with a strategic plan, a goal and a SWOT
/// entry of its own).
struct World {
    acme: OrgId,
    ann: User,
    ben: User,
    acct: Account,
    plan: Plan,
    goal: Node,
    globex: OrgId,
    gus: User,
    globex_plan: Plan,
    globex_goal: Node,
    globex_swot: Item,
}

async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = user(store, acme, "Ann Baker", Role::Kam).await;
    let ben = user(store, acme, "Ben Cole", Role::Member).await;
    let gus = user(store, globex, "Gus Dunn", Role::Kam).await;
    let acct = account(store, acme, "Northwind Traders", &ann).await;
    let plan = strategic_plan(store, acme, &acct, "FY26 Northwind", &ann).await;
    let goal = node(store, acme, plan.id, NodeKind::Goal, None, "Preferred supplier for sensors", &ann).await;
    let globex_acct = account(store, globex, "Globex Customer", &gus).await;
    let globex_plan = strategic_plan(store, globex, &globex_acct, "FY26 Globex", &gus).await;
    let globex_goal = node(store, globex, globex_plan.id, NodeKind::Goal, None, "Globex goal", &gus).await;
    let globex_swot = add(store, globex, globex_plan.id, "swot", &swot(Category::Strength, "Globex strength"), &gus).await;
    World { acme, ann, ben, acct, plan, goal, globex, gus, globex_plan, globex_goal, globex_swot }
}

// --- 1. the template version of a plan ------------------------------------------------------------

async fn plans_take_the_current_template_version(store: &Store) {
    let w = world(store).await;
    let t = store.template_by_key(w.acme, STRATEGIC).await.unwrap();
    assert_eq!((t.current_version, t.retired), (1, false));
    assert_eq!((w.plan.template.as_str(), w.plan.template_version_id), (STRATEGIC, Some(t.version_id)), "the plan has v1 of strategic");
    let v1 = store.template_version(w.acme, t.version_id).await.unwrap();
    assert_eq!((v1.number, v1.key.as_str()), (1, STRATEGIC));
    let keys: Vec<String> = v1.doc().sections.iter().map(|s| s.key.clone()).collect();
    assert_eq!(
        keys,
        [
            "customer-profile",
            "customer-objectives",
            "buying-centre",
            "market-competitors",
            "own-position",
            "whitespace",
            "swot",
            "opportunities-risks",
            "vision",
            "top-goals",
            "value-proposition",
            "action-plan",
            "financial-planning",
            "history",
        ]
    );

    // Each organisation has its own copy of the built-in template.
    let globex_t = store.template_by_key(w.globex, STRATEGIC).await.unwrap();
    assert_ne!(globex_t.version_id, t.version_id);
    assert_eq!(w.globex_plan.template_version_id, Some(globex_t.version_id));
    assert_not_found(store.template_version(w.globex, t.version_id).await);

    // After an edit, new plans take version 2.
    let mut doc = t.doc();
    doc.name = "Strategic account plan (2026 edition)".into();
    let (t2, changed) = store.save_template(w.acme, t.id, t.version, &doc, Some(w.ann.id)).await.unwrap();
    assert!(changed);
    assert_eq!(t2.current_version, 2);
    assert_ne!(t2.version_id, t.version_id);
    let newer = strategic_plan(store, w.acme, &w.acct, "FY27 Northwind", &w.ann).await;
    assert_eq!(newer.template_version_id, Some(t2.version_id));
    assert_eq!(store.plan(w.acme, newer.id).await.unwrap().template_version_id, Some(t2.version_id));
    assert_eq!(store.template_version(w.acme, t2.version_id).await.unwrap().number, 2);

    // Unknown and retired templates are refused on the "template" field, and nothing is created.
    let before = store.plans_of_account(w.acme, w.acct.id).await.unwrap().len();
    assert_invalid(store.create_plan(w.acme, w.acct.id, &plan_input("X"), "no-such-template", w.ann.id).await, "template");
    let t2 = store.set_template_retired(w.acme, t2.id, t2.version, true, w.ann.id).await.unwrap();
    assert!(t2.retired);
    assert_invalid(store.create_plan(w.acme, w.acct.id, &plan_input("X"), STRATEGIC, w.ann.id).await, "template");
    // Another organisation's template keys are not this one's concern: Globex's copy is still current.
    strategic_plan(store, w.globex, &store.account(w.globex, w.globex_plan.account_id).await.unwrap(), "Globex 2", &w.gus).await;
    assert_eq!(store.plans_of_account(w.acme, w.acct.id).await.unwrap().len(), before);
    // The one-page template is still there.
    let one_page = store.create_plan(w.acme, w.acct.id, &plan_input("One page"), TEMPLATE_ONE_PAGE, w.ann.id).await.unwrap();
    assert_eq!(one_page.template, TEMPLATE_ONE_PAGE);
    assert!(one_page.template_version_id.is_some());
}

// --- 2. section text ----------------------------------------------------------------------------

async fn section_text_and_versions(store: &Store) {
    let w = world(store).await;
    let (org, plan) = (w.acme, w.plan.id);
    assert!(store.plan_section(org, plan, "customer-profile").await.unwrap().is_none());
    assert!(store.plan_sections(org, plan).await.unwrap().is_empty());

    // Version 0: the section has no text yet.
    let first = text(Some("Northwind makes pumps."), Some("They buy on uptime."));
    let s1 = store.save_section(org, plan, "customer-profile", 0, &first, w.ann.id).await.unwrap();
    assert_eq!((s1.plan_id, s1.section_key.as_str(), s1.version), (plan, "customer-profile", 1));
    assert_eq!(
        (s1.body.as_deref(), s1.so_what.as_deref(), s1.updated_by),
        (Some("Northwind makes pumps."), Some("They buy on uptime."), Some(w.ann.id))
    );
    assert_same(&store.plan_section(org, plan, "customer-profile").await.unwrap().unwrap(), &s1);

    // Saving "new" again when it exists is stale: the conflict tells the stored version.
    assert_conflict(store.save_section(org, plan, "customer-profile", 0, &text(Some("Other"), None), w.ben.id).await, 1);
    assert_same(&store.plan_section(org, plan, "customer-profile").await.unwrap().unwrap(), &s1);

    // The right version updates and counts up; the id stays.
    let second = text(Some("Northwind makes pumps and valves."), None);
    let s2 = store.save_section(org, plan, "customer-profile", 1, &second, w.ben.id).await.unwrap();
    assert_eq!((s2.id, s2.version, s2.updated_by), (s1.id, 2, Some(w.ben.id)));
    assert_eq!((s2.body.as_deref(), s2.so_what.as_deref()), (Some("Northwind makes pumps and valves."), None));

    // A stale version changes nothing and names the current one.
    assert_conflict(store.save_section(org, plan, "customer-profile", 1, &first, w.ann.id).await, 2);
    assert_conflict(store.save_section(org, plan, "customer-profile", 7, &first, w.ann.id).await, 2);
    assert_same(&store.plan_section(org, plan, "customer-profile").await.unwrap().unwrap(), &s2);

    // A version other than 0 for a section without text is stale too (current 0), and writes nothing.
    assert_conflict(store.save_section(org, plan, "vision", 3, &text(Some("Be their partner"), None), w.ann.id).await, 0);
    assert!(store.plan_section(org, plan, "vision").await.unwrap().is_none());

    // Sections are kept per plan and key.
    let vision = store.save_section(org, plan, "vision", 0, &text(Some("Be their partner"), None), w.ann.id).await.unwrap();
    assert_eq!(vision.version, 1);
    let other = strategic_plan(store, org, &w.acct, "FY27 Northwind", &w.ann).await;
    let elsewhere = store.save_section(org, other.id, "customer-profile", 0, &first, w.ann.id).await.unwrap();
    assert_eq!(elsewhere.version, 1);
    assert_ne!(elsewhere.id, s1.id);
    let keys: Vec<String> = store.plan_sections(org, plan).await.unwrap().into_iter().map(|s| s.section_key).collect();
    assert_eq!(keys, ["customer-profile", "vision"]);
    assert_same(&store.plan_section(org, plan, "customer-profile").await.unwrap().unwrap(), &s2);

    // No plan, no section.
    assert_not_found(store.save_section(org, PlanId::new(w.plan.id.get() + 10_000), "vision", 0, &first, w.ann.id).await);
}

// --- 3. items -----------------------------------------------------------------------------------

async fn items_create_update_move_delete(store: &Store) {
    let w = world(store).await;
    let (org, plan) = (w.acme, w.plan.id);
    let a = add(store, org, plan, "customer-profile", &analysis(Category::Customer, "Revenue 2.1bn, growing 6%"), &w.ann).await;
    assert_eq!(
        (a.plan_id, a.section_key.as_str(), a.kind(), a.category()),
        (plan, "customer-profile", ItemKind::Analysis, Some(Category::Customer))
    );
    assert_eq!(
        (a.text.as_str(), a.source.as_deref(), a.item_date),
        ("Revenue 2.1bn, growing 6%", Some("Annual report 2025"), Some(date!(2026 - 02 - 01)))
    );
    assert_eq!((a.position, a.version, a.author_id, a.updated_by, a.derived_from_id), (1, 1, Some(w.ann.id), Some(w.ann.id), None));
    assert_eq!((a.label(), a.kind.as_str(), a.category.map(Category::as_str)), ("Customer", "analysis", Some("customer")));
    assert_same(&store.item(org, a.id).await.unwrap(), &a);
    let b = add(store, org, plan, "customer-profile", &analysis(Category::Market, "Market grows 3%"), &w.ben).await;
    let c = add(store, org, plan, "customer-profile", &analysis(Category::Competitor, "Rival cut prices by 8%"), &w.ann).await;
    assert_eq!((b.position, c.position), (2, 3));
    // Positions count per section.
    let other = add(store, org, plan, "market-competitors", &analysis(Category::Market, "Consolidation ahead"), &w.ann).await;
    assert_eq!(other.position, 1);
    // Sorted by section key, then position.
    let all: Vec<ItemId> = store.items(org, plan).await.unwrap().into_iter().map(|i| i.id).collect();
    assert_eq!(all, [a.id, b.id, c.id, other.id]);

    // Update with the right version; a stale one changes nothing.
    let mut changed = analysis(Category::OwnPosition, "We hold 18% of their spend");
    changed.source = None;
    changed.item_date = None;
    let b2 = store.update_item(org, b.id, 1, &changed, w.ben.id).await.unwrap();
    assert_eq!(
        (b2.version, b2.text.as_str(), b2.category(), b2.source.as_deref(), b2.item_date),
        (2, "We hold 18% of their spend", Some(Category::OwnPosition), None, None)
    );
    assert_eq!(
        (b2.position, b2.section_key.as_str(), b2.author_id, b2.updated_by, b2.created_at),
        (2, "customer-profile", Some(w.ben.id), Some(w.ben.id), b.created_at)
    );
    assert_conflict(store.update_item(org, b.id, 1, &analysis(Category::Market, "Lost"), w.ann.id).await, 2);
    assert_same(&store.item(org, b.id).await.unwrap(), &b2);

    // Moves swap neighbours within the section and leave versions alone.
    assert!(store.move_item(org, c.id, true).await.unwrap());
    assert_eq!(order(store, org, plan, "customer-profile").await, [a.id, c.id, b.id]);
    assert!(store.move_item(org, c.id, true).await.unwrap());
    assert_eq!(order(store, org, plan, "customer-profile").await, [c.id, a.id, b.id]);
    assert!(!store.move_item(org, c.id, true).await.unwrap(), "already first");
    assert!(!store.move_item(org, b.id, false).await.unwrap(), "already last");
    assert!(!store.move_item(org, other.id, true).await.unwrap(), "alone in its section");
    assert!(store.move_item(org, a.id, false).await.unwrap());
    assert_eq!(order(store, org, plan, "customer-profile").await, [c.id, b.id, a.id]);
    assert_eq!(store.item(org, b.id).await.unwrap().version, 2);
    assert_eq!(store.item(org, c.id).await.unwrap().version, 1);
    assert_eq!(order(store, org, plan, "market-competitors").await, [other.id]);

    // A new item goes to the end, after the moves.
    let d = add(store, org, plan, "customer-profile", &analysis(Category::Customer, "New CFO since January"), &w.ann).await;
    assert_eq!(order(store, org, plan, "customer-profile").await, [c.id, b.id, a.id, d.id]);

    // Delete.
    store.delete_item(org, b.id).await.unwrap();
    assert_not_found(store.item(org, b.id).await);
    assert_not_found(store.delete_item(org, b.id).await);
    assert_not_found(store.update_item(org, b.id, 2, &changed, w.ann.id).await);
    assert_not_found(store.move_item(org, b.id, true).await);
    assert_eq!(order(store, org, plan, "customer-profile").await, [c.id, a.id, d.id]);
    assert!(store.move_item(org, a.id, true).await.unwrap());
    assert_eq!(order(store, org, plan, "customer-profile").await, [a.id, c.id, d.id]);

    // No plan, no item.
    assert_not_found(store.create_item(org, PlanId::new(plan.get() + 10_000), "swot", &swot(Category::Threat, "x"), w.ann.id).await);
    // Deleting the plan takes its items.
    store.delete_plan(org, plan).await.unwrap();
    assert!(store.items(org, plan).await.unwrap().is_empty());
    assert_not_found(store.item(org, a.id).await);
}

async fn item_kind_and_derivation_rules(store: &Store) {
    let w = world(store).await;
    let (org, plan) = (w.acme, w.plan.id);
    let a = add(store, org, plan, "customer-profile", &analysis(Category::Customer, "Plant 3 closes in 2027"), &w.ann).await;

    // The kind stays: an analysis item cannot become a SWOT entry.
    assert_invalid(store.update_item(org, a.id, 1, &swot(Category::Threat, "Plant 3 closes in 2027"), w.ann.id).await, "kind");
    assert_same(&store.item(org, a.id).await.unwrap(), &a);

    // An opportunity or risk may come from a SWOT entry of the same plan.
    let s = add(store, org, plan, "swot", &swot(Category::Threat, "Single-source dependency"), &w.ann).await;
    assert_eq!((s.kind(), s.category(), s.label()), (ItemKind::Swot, Some(Category::Threat), "Threats"));
    let r = add(store, org, plan, "opportunities-risks", &risk("Supply interruption", Some(s.id)), &w.ann).await;
    assert_eq!(
        (r.kind(), r.category(), r.derived_from_id, r.response.as_deref()),
        (ItemKind::Risk, None, Some(s.id), Some("Second source qualified"))
    );
    assert_eq!(r.label(), "Risk");

    // ... but not from an analysis item, an unknown id, another plan's or another organisation's SWOT entry.
    let other_plan = strategic_plan(store, org, &w.acct, "FY27 Northwind", &w.ann).await;
    let foreign_swot = add(store, org, other_plan.id, "swot", &swot(Category::Strength, "Other plan's strength"), &w.ann).await;
    for bad in [a.id, ItemId::new(a.id.get() + 10_000), foreign_swot.id, w.globex_swot.id] {
        assert_invalid(
            store.create_item(org, plan, "opportunities-risks", &risk("Price war", Some(bad)), w.ann.id).await,
            "derived_from_id",
        );
        assert_invalid(store.update_item(org, r.id, 1, &risk("Price war", Some(bad)), w.ann.id).await, "derived_from_id");
    }
    assert_eq!(order(store, org, plan, "opportunities-risks").await, [r.id]);
    assert_same(&store.item(org, r.id).await.unwrap(), &r);

    // Not from itself either (even were it a SWOT entry, it is not one).
    assert_invalid(store.update_item(org, r.id, 1, &risk("Supply interruption", Some(r.id)), w.ann.id).await, "derived_from_id");
    // A SWOT entry that names itself is refused too.
    let mut self_swot = swot(Category::Threat, "Single-source dependency");
    self_swot.derived_from_id = Some(s.id.get());
    assert_invalid(store.update_item(org, s.id, 1, &self_swot, w.ann.id).await, "derived_from_id");

    // Re-deriving from another SWOT entry of the plan works; so does dropping the origin.
    let s2 = add(store, org, plan, "swot", &swot(Category::Weakness, "Slow quotes"), &w.ann).await;
    let r2 = store.update_item(org, r.id, 1, &risk("Supply interruption", Some(s2.id)), w.ben.id).await.unwrap();
    assert_eq!((r2.version, r2.derived_from_id), (2, Some(s2.id)));
    // An opportunity derived from the same entry.
    let o = ItemData { kind: ItemKind::Opportunity, ..risk("Faster quoting wins tenders", Some(s2.id)) };
    let o = add(store, org, plan, "opportunities-risks", &o, &w.ann).await;
    assert_eq!((o.kind(), o.position), (ItemKind::Opportunity, 2));

    // Deleting the SWOT entry leaves what came from it, without an origin.
    store.delete_item(org, s2.id).await.unwrap();
    let r3 = store.item(org, r.id).await.unwrap();
    assert_eq!((r3.derived_from_id, r3.text.as_str()), (None, "Supply interruption"));
    assert_eq!(store.item(org, o.id).await.unwrap().derived_from_id, None);
    let r4 = store.update_item(org, r.id, r3.version, &risk("Supply interruption", None), w.ann.id).await.unwrap();
    assert_eq!(r4.derived_from_id, None);
}

// --- 4. goal links ------------------------------------------------------------------------------

async fn goal_links_check_goal_and_target(store: &Store) {
    let w = world(store).await;
    let (org, plan, goal) = (w.acme, w.plan.id, w.goal.id);
    let item = add(store, org, plan, "customer-profile", &analysis(Category::Customer, "Uptime is their KPI"), &w.ann).await;

    let l = store.create_link(org, plan, goal, LinkKind::Item, item.id.get(), w.ann.id).await.unwrap();
    assert_eq!((l.plan_id, l.goal_id, l.target_kind(), l.target_id), (plan, goal, LinkKind::Item, item.id.get()));
    assert_eq!(l.target_kind.as_str(), "item");
    assert_same(&store.goal_link(org, l.id).await.unwrap(), &l);
    // Linking twice answers the existing link.
    let again = store.create_link(org, plan, goal, LinkKind::Item, item.id.get(), w.ben.id).await.unwrap();
    assert_same(&again, &l);
    assert_eq!(links(store, org, plan).await, [(goal, LinkKind::Item, item.id.get())]);

    // The goal must be a goal of this plan.
    let csf = node(store, org, plan, NodeKind::Csf, Some(&w.goal), "Approved supplier", &w.ann).await;
    let commitment = NodeWrite {
        owner_id: Some(w.ben.id),
        author_id: Some(w.ann.id),
        acceptance: Some(Acceptance::Proposed),
        status: Some(CommitmentStatus::Open),
        ..NodeWrite::titled("Visit the plant")
    };
    let com = store.create_node(org, plan, NodeKind::Commitment, Some(goal), &commitment, w.ann.id).await.unwrap();
    let other_plan = strategic_plan(store, org, &w.acct, "FY27 Northwind", &w.ann).await;
    let other_goal = node(store, org, other_plan.id, NodeKind::Goal, None, "Other plan's goal", &w.ann).await;
    for bad_goal in [csf.id, com.id, other_goal.id, w.globex_goal.id, NodeId::new(goal.get() + 10_000)] {
        assert_invalid(store.create_link(org, plan, bad_goal, LinkKind::Item, item.id.get(), w.ann.id).await, "goal_id");
    }

    // Items: of this plan only.
    let other_item = add(store, org, other_plan.id, "customer-profile", &analysis(Category::Market, "Elsewhere"), &w.ann).await;
    for bad in [other_item.id.get(), w.globex_swot.id.get(), item.id.get() + 10_000] {
        assert_invalid(store.create_link(org, plan, goal, LinkKind::Item, bad, w.ann.id).await, "target_id");
    }

    // Sections: of this plan, and only with a so-what.
    let bare = store.save_section(org, plan, "customer-profile", 0, &text(Some("Facts only"), None), w.ann.id).await.unwrap();
    assert_invalid(store.create_link(org, plan, goal, LinkKind::Section, bare.id.get(), w.ann.id).await, "target_id");
    let blank = store.save_section(org, plan, "market-competitors", 0, &text(None, Some("")), w.ann.id).await.unwrap();
    assert_invalid(store.create_link(org, plan, goal, LinkKind::Section, blank.id.get(), w.ann.id).await, "target_id");
    let concluded =
        store.save_section(org, plan, "customer-profile", 1, &text(Some("Facts"), Some("Sell uptime, not parts")), w.ann.id).await.unwrap();
    let sl = store.create_link(org, plan, goal, LinkKind::Section, concluded.id.get(), w.ann.id).await.unwrap();
    assert_eq!((sl.target_kind(), sl.target_id), (LinkKind::Section, concluded.id.get()));
    let elsewhere =
        store.save_section(org, other_plan.id, "customer-profile", 0, &text(None, Some("Other so-what")), w.ann.id).await.unwrap();
    assert_invalid(store.create_link(org, plan, goal, LinkKind::Section, elsewhere.id.get(), w.ann.id).await, "target_id");
    assert_invalid(store.create_link(org, plan, goal, LinkKind::Section, 999_999, w.ann.id).await, "target_id");

    // Contacts: of the plan's account only.
    let berg = contact(store, org, &w.acct, "Dr. Berg", &w.ann).await;
    let cl = store.create_link(org, plan, goal, LinkKind::Contact, berg.id.get(), w.ann.id).await.unwrap();
    assert_eq!((cl.target_kind(), cl.target_id), (LinkKind::Contact, berg.id.get()));
    let other_acct = account(store, org, "Contoso", &w.ann).await;
    let stranger = contact(store, org, &other_acct, "Ms. Stranger", &w.ann).await;
    assert_invalid(store.create_link(org, plan, goal, LinkKind::Contact, stranger.id.get(), w.ann.id).await, "target_id");
    // Cells: of the plan's account only (none exists yet).
    assert_invalid(store.create_link(org, plan, goal, LinkKind::Cell, 1, w.ann.id).await, "target_id");

    // The same target may back several goals.
    let second_goal = node(store, org, plan, NodeKind::Goal, None, "Grow share to 30%", &w.ann).await;
    store.create_link(org, plan, second_goal.id, LinkKind::Item, item.id.get(), w.ann.id).await.unwrap();
    assert_eq!(
        links(store, org, plan).await,
        [
            (goal, LinkKind::Item, item.id.get()),
            (goal, LinkKind::Section, concluded.id.get()),
            (goal, LinkKind::Contact, berg.id.get()),
            (second_goal.id, LinkKind::Item, item.id.get()),
        ]
    );
    assert!(store.goal_links(org, other_plan.id).await.unwrap().is_empty());

    // Deleting a link.
    store.delete_link(org, cl.id).await.unwrap();
    assert_not_found(store.goal_link(org, cl.id).await);
    assert_not_found(store.delete_link(org, cl.id).await);
    assert_eq!(links(store, org, plan).await.len(), 3);
    assert_not_found(store.create_link(org, PlanId::new(plan.get() + 10_000), goal, LinkKind::Item, item.id.get(), w.ann.id).await);
}

async fn goal_links_go_with_their_targets(store: &Store) {
    let w = world(store).await;
    let (org, plan, goal) = (w.acme, w.plan.id, w.goal.id);
    let second = node(store, org, plan, NodeKind::Goal, None, "Grow share to 30%", &w.ann).await;
    let item = add(store, org, plan, "customer-profile", &analysis(Category::Customer, "Uptime is their KPI"), &w.ann).await;
    let kept = add(store, org, plan, "customer-profile", &analysis(Category::Market, "Market grows 3%"), &w.ann).await;
    let section = store.save_section(org, plan, "swot", 0, &text(None, Some("Lead with service")), w.ann.id).await.unwrap();
    let berg = contact(store, org, &w.acct, "Dr. Berg", &w.ann).await;
    let lind = contact(store, org, &w.acct, "Ms. Lind", &w.ann).await;
    for (g, kind, target) in [
        (goal, LinkKind::Item, item.id.get()),
        (goal, LinkKind::Item, kept.id.get()),
        (goal, LinkKind::Section, section.id.get()),
        (goal, LinkKind::Contact, berg.id.get()),
        (second.id, LinkKind::Item, item.id.get()),
        (second.id, LinkKind::Section, section.id.get()),
        (second.id, LinkKind::Contact, lind.id.get()),
    ] {
        store.create_link(org, plan, g, kind, target, w.ann.id).await.unwrap();
    }
    assert_eq!(links(store, org, plan).await.len(), 7);

    // Deleting an item removes every link that named it.
    store.delete_item(org, item.id).await.unwrap();
    assert_eq!(
        links(store, org, plan).await,
        [
            (goal, LinkKind::Item, kept.id.get()),
            (goal, LinkKind::Section, section.id.get()),
            (goal, LinkKind::Contact, berg.id.get()),
            (second.id, LinkKind::Section, section.id.get()),
            (second.id, LinkKind::Contact, lind.id.get()),
        ]
    );

    // Deleting a contact removes its links, and only its own.
    store.delete_contact(org, berg.id).await.unwrap();
    assert_eq!(
        links(store, org, plan).await,
        [
            (goal, LinkKind::Item, kept.id.get()),
            (goal, LinkKind::Section, section.id.get()),
            (second.id, LinkKind::Section, section.id.get()),
            (second.id, LinkKind::Contact, lind.id.get()),
        ]
    );

    // Deleting the goal node removes its links (cascade); the other goal keeps its own.
    store.delete_node(org, goal).await.unwrap();
    assert_eq!(
        links(store, org, plan).await,
        [(second.id, LinkKind::Section, section.id.get()), (second.id, LinkKind::Contact, lind.id.get())]
    );
    assert_same(&store.item(org, kept.id).await.unwrap(), &kept);

    // Deleting a node under a goal leaves the goal's links alone.
    let csf = node(store, org, plan, NodeKind::Csf, Some(&second), "Approved supplier", &w.ann).await;
    store.delete_node(org, csf.id).await.unwrap();
    assert_eq!(links(store, org, plan).await.len(), 2);

    // Deleting the plan removes the rest.
    store.delete_plan(org, plan).await.unwrap();
    assert!(store.goal_links(org, plan).await.unwrap().is_empty());
}

// --- 5. organisation scoping ----------------------------------------------------------------------

async fn content_is_scoped_to_its_org(store: &Store) {
    let w = world(store).await;
    let (acme, plan, goal) = (w.acme, w.plan.id, w.goal.id);
    let (globex, gus) = (w.globex, w.gus.id);
    let item = add(store, acme, plan, "customer-profile", &analysis(Category::Customer, "Uptime is their KPI"), &w.ann).await;
    let item2 = add(store, acme, plan, "customer-profile", &analysis(Category::Market, "Market grows 3%"), &w.ann).await;
    let section = store.save_section(acme, plan, "customer-profile", 0, &text(Some("Facts"), Some("Sell uptime")), w.ann.id).await.unwrap();
    let link = store.create_link(acme, plan, goal, LinkKind::Item, item.id.get(), w.ann.id).await.unwrap();
    let items_before = store.items(acme, plan).await.unwrap();

    // Reads from Globex see nothing of Acme's plan.
    assert_not_found(store.item(globex, item.id).await);
    assert_not_found(store.goal_link(globex, link.id).await);
    assert!(store.items(globex, plan).await.unwrap().is_empty());
    assert!(store.goal_links(globex, plan).await.unwrap().is_empty());
    assert!(store.plan_sections(globex, plan).await.unwrap().is_empty());
    assert!(store.plan_section(globex, plan, "customer-profile").await.unwrap().is_none());

    // Writes from Globex with Acme's ids answer NotFound and change nothing.
    assert_not_found(store.update_item(globex, item.id, 1, &analysis(Category::Market, "Hijacked"), gus).await);
    assert_not_found(store.move_item(globex, item2.id, true).await);
    assert_not_found(store.delete_item(globex, item.id).await);
    assert_not_found(store.delete_link(globex, link.id).await);
    assert_not_found(store.save_section(globex, plan, "customer-profile", 1, &text(Some("Hijacked"), None), gus).await);
    assert_not_found(store.save_section(globex, plan, "vision", 0, &text(Some("Hijacked"), None), gus).await);
    assert_not_found(store.create_item(globex, plan, "swot", &swot(Category::Threat, "Hijacked"), gus).await);
    assert_not_found(store.create_link(globex, plan, goal, LinkKind::Item, item.id.get(), gus).await);

    // Globex's own plan cannot reach Acme's content, nor Acme's plan Globex's goals.
    assert_invalid(store.create_link(globex, w.globex_plan.id, w.globex_goal.id, LinkKind::Item, item.id.get(), gus).await, "target_id");
    assert_invalid(
        store.create_link(globex, w.globex_plan.id, w.globex_goal.id, LinkKind::Section, section.id.get(), gus).await,
        "target_id",
    );
    assert_invalid(store.create_link(acme, plan, w.globex_goal.id, LinkKind::Item, item.id.get(), w.ann.id).await, "goal_id");
    assert_invalid(
        store.create_item(globex, w.globex_plan.id, "opportunities-risks", &risk("Hijack", Some(item.id)), gus).await,
        "derived_from_id",
    );

    // Acme's content is as it was.
    assert_eq!(store.items(acme, plan).await.unwrap().len(), items_before.len());
    for (now, before) in store.items(acme, plan).await.unwrap().iter().zip(&items_before) {
        assert_same(now, before);
    }
    assert_same(&store.plan_section(acme, plan, "customer-profile").await.unwrap().unwrap(), &section);
    assert!(store.plan_section(acme, plan, "vision").await.unwrap().is_none());
    assert_same(&store.goal_link(acme, link.id).await.unwrap(), &link);
    assert_eq!(links(store, acme, plan).await, [(goal, LinkKind::Item, item.id.get())]);
    assert_eq!(store.items(globex, w.globex_plan.id).await.unwrap().len(), 1, "only Globex's own SWOT entry");
    assert!(store.goal_links(globex, w.globex_plan.id).await.unwrap().is_empty());

    // Unknown ids are simply not found.
    assert_not_found(store.goal_link(acme, LinkId::new(link.id.get() + 10_000)).await);
}

// --- 6. organisation settings -------------------------------------------------------------------

async fn org_settings_versions(store: &Store) {
    let w = world(store).await;
    let s = store.org_settings(w.acme).await.unwrap();
    assert_eq!((s.value_discipline(), s.value_statement.as_deref(), s.version, s.currency.as_str()), (None, None, 1, "EUR"));

    let statement = "We know their processes better than anyone";
    let s2 = store.update_org_settings(w.acme, 1, Some(ValueDiscipline::CustomerIntimacy), Some(statement)).await.unwrap();
    assert_eq!(
        (s2.value_discipline(), s2.value_discipline.map(ValueDiscipline::as_str), s2.value_statement.as_deref(), s2.version),
        (Some(ValueDiscipline::CustomerIntimacy), Some("customer_intimacy"), Some(statement), 2)
    );
    assert_same(&store.org_settings(w.acme).await.unwrap(), &s2);

    // A stale version changes nothing and names the current one.
    assert_conflict(store.update_org_settings(w.acme, 1, Some(ValueDiscipline::ProductLeadership), None).await, 2);
    assert_conflict(store.update_org_settings(w.acme, 0, None, None).await, 2);
    assert_same(&store.org_settings(w.acme).await.unwrap(), &s2);

    let s3 = store.update_org_settings(w.acme, 2, Some(ValueDiscipline::OperationalExcellence), None).await.unwrap();
    assert_eq!((s3.value_discipline(), s3.value_statement.as_deref(), s3.version), (Some(ValueDiscipline::OperationalExcellence), None, 3));
    let s4 = store.update_org_settings(w.acme, 3, None, None).await.unwrap();
    assert_eq!((s4.value_discipline(), s4.version), (None, 4));

    // Another organisation's settings are its own.
    let g = store.org_settings(w.globex).await.unwrap();
    assert_eq!((g.value_discipline(), g.version), (None, 1));
    // The organisation's name and currency are untouched by these writes.
    assert_eq!(store.org(w.acme).await.unwrap().name, "Acme Sales");
    assert_not_found(store.org_settings(OrgId::new(w.globex.get() + 10_000)).await);
    assert_not_found(store.update_org_settings(OrgId::new(w.globex.get() + 10_000), 1, None, None).await);
}
