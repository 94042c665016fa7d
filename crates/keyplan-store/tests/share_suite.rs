//! Visibility and customer share links on both databases: a link keeps only its
//! token's hash, is found by that hash with its plan and organisation, tells
//! revoked and expired apart from unknown, logs and counts its openings, and is
//! listed and revoked only within its organisation; each kind of item keeps the
//! visibility set on it, within its own plan and organisation.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{TODAY, assert_not_found, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::analysis::{Category, ItemData, ItemKind, SectionText};
use keyplan_domain::audience::Visibility;
use keyplan_domain::kpi::{KpiData, Period};
use keyplan_domain::tree::NodeKind;
use keyplan_domain::{OrgId, ShareLinkId};
use keyplan_store::{
    ContactRef, ImportItem, ImportKpi, ImportLink, ImportNode, ImportSection, LinkTarget, NodeWrite, Plan, PlanImport, Store, User,
    VisibilityTarget,
};
use time::macros::date;
use time::{Date, Duration, OffsetDateTime};

on_both_databases! {
    link_keeps_only_the_hash => sqlite_link_keeps_only_the_hash, postgres_link_keeps_only_the_hash;
    revoked_and_expired_are_not_unknown => sqlite_revoked_and_expired_are_not_unknown, postgres_revoked_and_expired_are_not_unknown;
    openings_are_logged_and_counted => sqlite_openings_are_logged_and_counted, postgres_openings_are_logged_and_counted;
    links_are_scoped_to_their_org => sqlite_links_are_scoped_to_their_org, postgres_links_are_scoped_to_their_org;
    visibility_persists_per_kind => sqlite_visibility_persists_per_kind, postgres_visibility_persists_per_kind;
    visibility_is_scoped => sqlite_visibility_is_scoped, postgres_visibility_is_scoped;
    import_writes_every_part => sqlite_import_writes_every_part, postgres_import_writes_every_part;
    a_failed_import_leaves_nothing => sqlite_a_failed_import_leaves_nothing, postgres_a_failed_import_leaves_nothing;
}

struct World {
    acme: OrgId,
    globex: OrgId,
    ann: User,
    gil: User,
    plan: Plan,
    second_plan: Plan,
    other_org_plan: Plan,
}

/// A token's stand-in hash: 64 hex characters, different for every call.
fn fake_hash() -> String {
    (0..4).map(|_| format!("{:016x}", rand::random::<u64>())).collect()
}

/// Acme (Ann, account Northwind with two plans) and Globex (Gil, one plan).
async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, acme, "Ann Archer").await;
    let gil = kam(store, globex, "Gil Grey").await;
    let data = AccountInput { name: "Northwind".into(), owner_id: ann.id.to_string(), ..Default::default() }.validate().unwrap();
    let acct = store.create_account(acme, &data, ann.id).await.unwrap();
    let plan = store.create_plan(acme, acct.id, &plan_input("FY26 Northwind"), "strategic", ann.id).await.unwrap();
    let second_plan = store.create_plan(acme, acct.id, &plan_input("FY27 Northwind"), "strategic", ann.id).await.unwrap();
    let gdata = AccountInput { name: "Initech".into(), ..Default::default() }.validate().unwrap();
    let gacct = store.create_account(globex, &gdata, gil.id).await.unwrap();
    let other_org_plan = store.create_plan(globex, gacct.id, &plan_input("Initech"), "strategic", gil.id).await.unwrap();
    World { acme, globex, ann, gil, plan, second_plan, other_org_plan }
}

async fn link_keeps_only_the_hash(store: &Store) {
    let w = world(store).await;
    let hash = fake_hash();
    let before = OffsetDateTime::now_utc() - Duration::seconds(5);
    let link = store.create_share_link(w.acme, w.plan.id, &hash, "For the QBR", date!(2026 - 06 - 30), w.ann.id).await.unwrap();
    assert_eq!((link.org_id, link.plan_id, link.label.as_str()), (w.acme, w.plan.id, "For the QBR"));
    assert_eq!(link.expires_on, date!(2026 - 06 - 30));
    assert_eq!((link.created_by, link.created_by_name.as_deref()), (Some(w.ann.id), Some("Ann Archer")));
    assert!(link.created_at >= before, "created now: {}", link.created_at);
    assert_eq!((link.revoked_at, link.last_opened_at, link.open_count), (None, None, 0));
    assert!(link.live(TODAY));
    // What is stored is exactly the hash it was given, and nothing in the link
    // as answered carries it.
    assert_eq!(store.share_link_hash(w.acme, link.id).await.unwrap(), hash);
    assert!(!format!("{link:?}").contains(&hash), "the link does not carry its hash: {link:?}");

    // Found by its hash, with its plan and organisation; other hashes find nothing.
    let found = store.share_link_by_hash(&hash).await.unwrap().expect("found by hash");
    assert_eq!((found.id, found.org_id, found.plan_id), (link.id, w.acme, w.plan.id));
    assert!(store.share_link_by_hash(&fake_hash()).await.unwrap().is_none());
    assert!(store.share_link_by_hash(&hash.to_uppercase()).await.unwrap().is_none(), "hashes compare exactly");
    assert!(store.share_link_by_hash("").await.unwrap().is_none());

    // A second link for the same plan has its own hash; the list is newest first.
    let hash2 = fake_hash();
    let second = store.create_share_link(w.acme, w.plan.id, &hash2, "Board", date!(2026 - 04 - 01), w.ann.id).await.unwrap();
    assert_eq!(store.share_link_by_hash(&hash2).await.unwrap().map(|l| l.id), Some(second.id));
    let ids: Vec<ShareLinkId> = store.share_links(w.acme, w.plan.id).await.unwrap().iter().map(|l| l.id).collect();
    assert_eq!(ids, [second.id, link.id]);
    assert!(store.share_links(w.acme, w.second_plan.id).await.unwrap().is_empty(), "links belong to their plan");
}

async fn revoked_and_expired_are_not_unknown(store: &Store) {
    let w = world(store).await;
    let (revoked_hash, expired_hash, live_hash) = (fake_hash(), fake_hash(), fake_hash());
    let to_revoke = store.create_share_link(w.acme, w.plan.id, &revoked_hash, "Revoked", date!(2026 - 12 - 31), w.ann.id).await.unwrap();
    let expired = store.create_share_link(w.acme, w.plan.id, &expired_hash, "Old", date!(2026 - 03 - 14), w.ann.id).await.unwrap();
    let live = store.create_share_link(w.acme, w.plan.id, &live_hash, "Today", TODAY, w.ann.id).await.unwrap();

    let revoked = store.revoke_share_link(w.acme, to_revoke.id, w.ann.id).await.unwrap();
    let revoked_at = revoked.revoked_at.expect("revoked");
    assert!(!revoked.live(TODAY));
    // Revoking again changes nothing.
    let again = store.revoke_share_link(w.acme, to_revoke.id, w.ann.id).await.unwrap();
    assert_eq!(again.revoked_at, Some(revoked_at));

    // Both are still found by their hash (unlike an unknown token), and say why they no longer work.
    let r = store.share_link_by_hash(&revoked_hash).await.unwrap().expect("a revoked link is still known");
    assert_eq!(r.revoked_at, Some(revoked_at));
    assert!(!r.expired(TODAY) && !r.live(TODAY));
    let e = store.share_link_by_hash(&expired_hash).await.unwrap().expect("an expired link is still known");
    assert_eq!(e.id, expired.id);
    assert!(e.revoked_at.is_none() && e.expired(TODAY) && !e.live(TODAY));
    let l = store.share_link_by_hash(&live_hash).await.unwrap().expect("live link");
    assert_eq!(l.id, live.id);
    assert!(l.live(TODAY), "a link works through its last day");
    assert!(!l.live(TODAY + Duration::days(1)));
    assert!(store.share_link_by_hash(&fake_hash()).await.unwrap().is_none());

    // Revoking an unknown link is not found.
    assert_not_found(store.revoke_share_link(w.acme, ShareLinkId::new(live.id.get() + 10_000), w.ann.id).await);
}

async fn openings_are_logged_and_counted(store: &Store) {
    let w = world(store).await;
    let link = store.create_share_link(w.acme, w.plan.id, &fake_hash(), "QBR", date!(2026 - 12 - 31), w.ann.id).await.unwrap();
    let quiet = store.create_share_link(w.acme, w.plan.id, &fake_hash(), "Quiet", date!(2026 - 12 - 31), w.ann.id).await.unwrap();
    assert!(store.share_openings(w.acme, link.id).await.unwrap().is_empty());

    let before = OffsetDateTime::now_utc() - Duration::seconds(5);
    store.record_share_opening(w.acme, link.id, "203.0.113.7").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    store.record_share_opening(w.acme, link.id, "2001:db8::1").await.unwrap();
    let after = OffsetDateTime::now_utc() + Duration::seconds(5);

    let openings = store.share_openings(w.acme, link.id).await.unwrap();
    let addrs: Vec<&str> = openings.iter().map(|o| o.client_addr.as_str()).collect();
    assert_eq!(addrs, ["2001:db8::1", "203.0.113.7"], "newest first");
    for o in &openings {
        assert!(o.opened_at >= before && o.opened_at <= after, "opened now: {}", o.opened_at);
    }
    assert!(openings[0].opened_at >= openings[1].opened_at);

    let counted = store.share_link(w.acme, link.id).await.unwrap();
    assert_eq!(counted.open_count, 2);
    assert_eq!(counted.last_opened_at, Some(openings[0].opened_at), "last opened is the newest opening");
    let listed = store.share_links(w.acme, w.plan.id).await.unwrap();
    let in_list = listed.iter().find(|l| l.id == link.id).expect("listed");
    assert_eq!((in_list.open_count, in_list.last_opened_at), (2, counted.last_opened_at));
    // The other link was not opened.
    let q = store.share_link(w.acme, quiet.id).await.unwrap();
    assert_eq!((q.open_count, q.last_opened_at), (0, None));
    assert!(store.share_openings(w.acme, quiet.id).await.unwrap().is_empty());

    // Openings of an unknown link, or of a link in another organisation, are refused and not logged.
    assert_not_found(store.record_share_opening(w.acme, ShareLinkId::new(link.id.get() + 10_000), "198.51.100.1").await);
    assert_not_found(store.record_share_opening(w.globex, link.id, "198.51.100.1").await);
    assert_eq!(store.share_openings(w.acme, link.id).await.unwrap().len(), 2);
    assert!(store.share_openings(w.globex, link.id).await.unwrap().is_empty(), "another org sees no openings");
    assert_eq!(store.share_link(w.acme, link.id).await.unwrap().open_count, 2);
}

async fn links_are_scoped_to_their_org(store: &Store) {
    let w = world(store).await;
    let link = store.create_share_link(w.acme, w.plan.id, &fake_hash(), "Ours", date!(2026 - 12 - 31), w.ann.id).await.unwrap();
    let theirs_hash = fake_hash();
    let theirs =
        store.create_share_link(w.globex, w.other_org_plan.id, &theirs_hash, "Theirs", date!(2026 - 12 - 31), w.gil.id).await.unwrap();
    assert_eq!(store.share_link_by_hash(&theirs_hash).await.unwrap().map(|l| (l.id, l.org_id)), Some((theirs.id, w.globex)));

    // Another organisation's plan cannot get a link, and does not list ours.
    assert_not_found(store.create_share_link(w.acme, w.other_org_plan.id, &fake_hash(), "x", date!(2026 - 12 - 31), w.ann.id).await);
    assert_not_found(store.create_share_link(w.globex, w.plan.id, &fake_hash(), "x", date!(2026 - 12 - 31), w.gil.id).await);
    assert!(store.share_links(w.globex, w.plan.id).await.unwrap().is_empty());
    assert_eq!(store.share_links(w.globex, w.other_org_plan.id).await.unwrap().iter().map(|l| l.id).collect::<Vec<_>>(), [theirs.id]);
    assert_eq!(store.share_links(w.acme, w.plan.id).await.unwrap().iter().map(|l| l.id).collect::<Vec<_>>(), [link.id]);

    // Another organisation can neither read nor revoke our link, nor read its hash.
    assert_not_found(store.share_link(w.globex, link.id).await);
    assert_not_found(store.share_link_hash(w.globex, link.id).await);
    assert_not_found(store.revoke_share_link(w.globex, link.id, w.gil.id).await);
    assert!(store.share_link(w.acme, link.id).await.unwrap().revoked_at.is_none(), "still live after the foreign revoke");
    assert_not_found(store.revoke_share_link(w.acme, theirs.id, w.ann.id).await);
    assert!(store.share_link(w.globex, theirs.id).await.unwrap().revoked_at.is_none());
}

fn swot_item(text: &str) -> ItemData {
    ItemData {
        kind: ItemKind::Swot,
        category: Some(Category::Strength),
        text: text.into(),
        source: None,
        item_date: None,
        derived_from_id: None,
        response: None,
    }
}

fn kpi_data(name: &str) -> KpiData {
    KpiData {
        name: name.into(),
        unit: Some("%".into()),
        baseline: Some(10.0),
        target: Some(20.0),
        target_date: Some(date!(2026 - 12 - 31)),
        period: Period::Quarter,
        goal_id: None,
    }
}

/// One of each kind of item in a plan: (target, id).
async fn one_of_each(store: &Store, org: OrgId, plan: &Plan, actor: &User) -> [(VisibilityTarget, i64); 4] {
    let node = store.create_node(org, plan.id, NodeKind::Goal, None, &NodeWrite::titled("Grow share"), actor.id).await.unwrap();
    let item = store.create_item(org, plan.id, "swot", &swot_item("Service network"), actor.id).await.unwrap();
    let text = SectionText { body: Some("A family-owned group".into()), so_what: None };
    let section = store.save_section(org, plan.id, "customer-profile", 0, &text, actor.id).await.unwrap();
    let kpi = store.create_kpi(org, plan.id, &kpi_data("Share of wallet"), actor.id).await.unwrap();
    [
        (VisibilityTarget::Node, node.id.get()),
        (VisibilityTarget::Item, item.id.get()),
        (VisibilityTarget::Section, section.id.get()),
        (VisibilityTarget::Kpi, kpi.id.get()),
    ]
}

async fn visibility_persists_per_kind(store: &Store) {
    let w = world(store).await;
    let targets = one_of_each(store, w.acme, &w.plan, &w.ann).await;
    let vis = store.visibilities(w.acme, w.plan.id).await.unwrap();
    for (t, id) in targets {
        assert_eq!(vis.get(t, id), Visibility::Team, "{t:?} is team only by default");
    }

    for v in [Visibility::Customer, Visibility::Management, Visibility::Team, Visibility::Customer] {
        for (i, &(t, id)) in targets.iter().enumerate() {
            store.set_visibility(w.acme, w.plan.id, t, id, v).await.unwrap();
            // Only this item changed; the ones set later in this round still show the previous round's value.
            let vis = store.visibilities(w.acme, w.plan.id).await.unwrap();
            assert_eq!(vis.get(t, id), v, "{t:?} {id}");
            for &(other, other_id) in &targets[i + 1..] {
                assert_ne!((other, vis.get(other, other_id)), (t, v), "setting {t:?} does not touch {other:?}");
            }
        }
    }
    let vis = store.visibilities(w.acme, w.plan.id).await.unwrap();
    for (t, id) in targets {
        assert_eq!(vis.get(t, id), Visibility::Customer, "{t:?}");
    }

    let (node_id, item_id) = (targets[0].1, targets[1].1);

    // Sharing is not content: the versions stay.
    let node = store.node(w.acme, keyplan_domain::NodeId::new(node_id)).await.unwrap();
    assert_eq!(node.version, 1, "setting visibility does not bump the node's version");
    let item = store.item(w.acme, keyplan_domain::ItemId::new(item_id)).await.unwrap();
    assert_eq!(item.version, 1);
    let kpi = store.kpi(w.acme, keyplan_domain::KpiId::new(targets[3].1)).await.unwrap();
    assert_eq!(kpi.version, 1);

    // Unknown ids are not found, whatever the kind.
    for (t, id) in targets {
        assert_not_found(store.set_visibility(w.acme, w.plan.id, t, id + 10_000, Visibility::Team).await);
    }
}

async fn visibility_is_scoped(store: &Store) {
    let w = world(store).await;
    let ours = one_of_each(store, w.acme, &w.plan, &w.ann).await;
    let second = one_of_each(store, w.acme, &w.second_plan, &w.ann).await;
    let theirs = one_of_each(store, w.globex, &w.other_org_plan, &w.gil).await;

    for ((t, id), (_, their_id)) in ours.into_iter().zip(theirs) {
        // Through another organisation, or through another plan of ours, an item is not found.
        assert_not_found(store.set_visibility(w.globex, w.plan.id, t, id, Visibility::Customer).await);
        assert_not_found(store.set_visibility(w.globex, w.other_org_plan.id, t, id, Visibility::Customer).await);
        assert_not_found(store.set_visibility(w.acme, w.second_plan.id, t, id, Visibility::Customer).await);
        assert_not_found(store.set_visibility(w.acme, w.other_org_plan.id, t, their_id, Visibility::Customer).await);
        assert_not_found(store.set_visibility(w.acme, w.plan.id, t, their_id, Visibility::Customer).await);
    }
    // Nothing changed anywhere.
    for (org, plan, items) in [(w.acme, &w.plan, ours), (w.acme, &w.second_plan, second), (w.globex, &w.other_org_plan, theirs)] {
        let vis = store.visibilities(org, plan.id).await.unwrap();
        for (t, id) in items {
            assert_eq!(vis.get(t, id), Visibility::Team, "{t:?} {id} in {}", plan.title);
        }
    }
    // Another organisation does not even see our visibilities.
    for (t, id) in ours {
        store.set_visibility(w.acme, w.plan.id, t, id, Visibility::Customer).await.unwrap();
    }
    let foreign = store.visibilities(w.globex, w.plan.id).await.unwrap();
    for (t, id) in ours {
        assert_eq!(foreign.get(t, id), Visibility::Team, "{t:?} is not read through another org");
    }
    // Setting one plan's items leaves the same kinds in the other plan alone.
    let vis = store.visibilities(w.acme, w.second_plan.id).await.unwrap();
    for (t, id) in second {
        assert_eq!(vis.get(t, id), Visibility::Team);
    }
}

/// Visibility is typed in the store; a submitted value is checked before it gets there.
#[test]
fn invalid_visibility_is_rejected_before_the_store() {
    assert_eq!(Visibility::validate("visibility", "customer").unwrap(), Visibility::Customer);
    assert_eq!(Visibility::validate("visibility", "").unwrap(), Visibility::Team);
    assert_eq!(Visibility::validate("visibility", "public").unwrap_err().field, "visibility");
    assert!(Visibility::validate("visibility", "Customer").is_err());
    assert!(VisibilityTarget::parse("contact").is_none());
    assert_eq!(VisibilityTarget::parse("kpi"), Some(VisibilityTarget::Kpi));
}

// --- importing a whole plan -------------------------------------------------------------

/// A plan with one of everything: a goal with a commitment shared with a new
/// contact, a section with its so-what, a SWOT entry and an opportunity listed
/// before it, links of three kinds, a KPI with two actuals.
fn whole_plan(w: &World) -> PlanImport {
    let mut contact =
        keyplan_domain::contact::ContactInput { name: "Dana Ruiz".into(), attitude: "supporter".into(), ..Default::default() }
            .validate()
            .unwrap();
    contact.relationship_owner_id = Some(w.ann.id);
    let commitment = NodeWrite {
        owner_id: Some(w.ann.id),
        due_date: Some(date!(2026 - 06 - 30)),
        status: Some(keyplan_domain::tree::CommitmentStatus::InProgress),
        acceptance: Some(keyplan_domain::tree::Acceptance::Accepted),
        ..NodeWrite::titled("Run the trial")
    };
    let item = |kind: ItemKind, category: Option<Category>, text: &str| ItemData {
        kind,
        category,
        text: text.into(),
        source: None,
        item_date: None,
        derived_from_id: None,
        response: None,
    };
    let kpi = KpiData {
        name: "Share of wallet".into(),
        unit: Some("%".into()),
        baseline: Some(20.0),
        target: Some(35.0),
        target_date: None,
        period: Period::Quarter,
        goal_id: None,
    };
    let actual = |d: Date, v: f64| keyplan_domain::kpi::ActualData { period_start: d, value: v, note: None };
    PlanImport {
        plan: plan_input("Imported plan"),
        template: "strategic".into(),
        new_contacts: vec![contact],
        nodes: vec![
            ImportNode {
                kind: NodeKind::Goal,
                parent: None,
                write: NodeWrite::titled("Grow share"),
                contact: None,
                visibility: Visibility::Customer,
            },
            ImportNode {
                kind: NodeKind::Commitment,
                parent: Some(0),
                write: commitment,
                contact: Some(ContactRef::New(0)),
                visibility: Visibility::Management,
            },
        ],
        sections: vec![ImportSection {
            key: "analysis".into(),
            text: SectionText { body: Some("The market grows".into()), so_what: Some("Win the trial".into()) },
            visibility: Visibility::Customer,
        }],
        items: vec![
            ImportItem {
                section_key: "opportunities".into(),
                data: item(ItemKind::Opportunity, None, "New plant"),
                derived_from: Some(1),
                visibility: Visibility::Team,
            },
            ImportItem {
                section_key: "swot".into(),
                data: item(ItemKind::Swot, Some(Category::Strength), "Fast service"),
                derived_from: None,
                visibility: Visibility::Management,
            },
        ],
        progress: vec![],
        links: vec![
            ImportLink { goal: 0, target: LinkTarget::Item(0) },
            ImportLink { goal: 0, target: LinkTarget::Section("analysis".into()) },
            ImportLink { goal: 0, target: LinkTarget::Contact(ContactRef::New(0)) },
        ],
        kpis: vec![ImportKpi {
            data: kpi,
            goal: Some(0),
            visibility: Visibility::Customer,
            actuals: vec![actual(date!(2026 - 01 - 01), 22.0), actual(date!(2026 - 04 - 01), 25.5)],
        }],
    }
}

async fn import_writes_every_part(store: &Store) {
    let w = world(store).await;
    let plan = store.import_plan(w.acme, w.plan.account_id, &whole_plan(&w), w.ann.id).await.expect("imported");
    assert_eq!((plan.title.as_str(), plan.template.as_str(), plan.account_id), ("Imported plan", "strategic", w.plan.account_id));

    let nodes = store.nodes(w.acme, plan.id).await.unwrap();
    assert_eq!(nodes.len(), 2);
    let (goal, commitment) = (&nodes[0], &nodes[1]);
    assert_eq!((goal.kind(), goal.parent_id), (NodeKind::Goal, None));
    assert_eq!(commitment.parent_id, Some(goal.id));
    assert_eq!((commitment.owner_id(), commitment.author_id()), (Some(w.ann.id), Some(w.ann.id)));
    assert_eq!(commitment.due_date(), Some(date!(2026 - 06 - 30)));
    assert_eq!(commitment.acceptance(), Some(keyplan_domain::tree::Acceptance::Accepted));
    let contacts = store.contacts(w.acme, w.plan.account_id).await.unwrap();
    assert_eq!(contacts.len(), 1, "the new contact was added to the account");
    assert_eq!((contacts[0].name.as_str(), commitment.commitment().unwrap().contact_id), ("Dana Ruiz", Some(contacts[0].id)));
    assert_eq!(contacts[0].relationship_owner_id, Some(w.ann.id), "who calls on the new contact");

    let items = store.items(w.acme, plan.id).await.unwrap();
    let opp = items.iter().find(|i| i.text == "New plant").unwrap();
    let swot = items.iter().find(|i| i.text == "Fast service").unwrap();
    assert_eq!(opp.derived_from_id, Some(swot.id), "derived from an entry listed after it");
    let section = store.plan_section(w.acme, plan.id, "analysis").await.unwrap().expect("section text");
    assert_eq!(section.so_what.as_deref(), Some("Win the trial"));

    let mut links: Vec<(String, i64)> =
        store.goal_links(w.acme, plan.id).await.unwrap().iter().map(|l| (l.target_kind.as_str().to_string(), l.target_id)).collect();
    links.sort();
    assert_eq!(
        links,
        [("contact".to_string(), contacts[0].id.get()), ("item".to_string(), opp.id.get()), ("section".to_string(), section.id.get())]
    );

    let kpis = store.kpis(w.acme, plan.id).await.unwrap();
    assert_eq!((kpis.len(), kpis[0].goal_id), (1, Some(goal.id)));
    let actuals: Vec<(Date, f64)> = store.kpi_actuals(w.acme, plan.id).await.unwrap().iter().map(|a| (a.period_start, a.value)).collect();
    assert_eq!(actuals, [(date!(2026 - 01 - 01), 22.0), (date!(2026 - 04 - 01), 25.5)]);

    let vis = store.visibilities(w.acme, plan.id).await.unwrap();
    assert_eq!(vis.get(VisibilityTarget::Node, goal.id.get()), Visibility::Customer);
    assert_eq!(vis.get(VisibilityTarget::Node, commitment.id.get()), Visibility::Management);
    assert_eq!(vis.get(VisibilityTarget::Item, swot.id.get()), Visibility::Management);
    assert_eq!(vis.get(VisibilityTarget::Section, section.id.get()), Visibility::Customer);
    assert_eq!(vis.get(VisibilityTarget::Kpi, kpis[0].id.get()), Visibility::Customer);

    // An existing contact is referred to, not copied.
    let mut again = whole_plan(&w);
    again.new_contacts.clear();
    again.nodes[1].contact = Some(ContactRef::Existing(contacts[0].id));
    again.links[2].target = LinkTarget::Contact(ContactRef::Existing(contacts[0].id));
    store.import_plan(w.acme, w.plan.account_id, &again, w.ann.id).await.expect("imported again");
    assert_eq!(store.contacts(w.acme, w.plan.account_id).await.unwrap().len(), 1);

    // Another organisation's account is not found.
    let other = store.import_plan(w.globex, w.plan.account_id, &whole_plan(&w), w.gil.id).await;
    assert_not_found(other);
}

async fn a_failed_import_leaves_nothing(store: &Store) {
    let w = world(store).await;
    let before = store.plans_of_account(w.acme, w.plan.account_id).await.unwrap().len();
    // The very last part refers to a goal that is not there: everything before it is undone.
    let mut broken = whole_plan(&w);
    broken.kpis[0].goal = Some(7);
    assert!(store.import_plan(w.acme, w.plan.account_id, &broken, w.ann.id).await.is_err());
    assert_eq!(store.plans_of_account(w.acme, w.plan.account_id).await.unwrap().len(), before, "no plan");
    assert!(store.contacts(w.acme, w.plan.account_id).await.unwrap().is_empty(), "no contact");
    // A retired or unknown template is refused before anything is written.
    let mut unknown = whole_plan(&w);
    unknown.template = "no_such_template".into();
    match store.import_plan(w.acme, w.plan.account_id, &unknown, w.ann.id).await {
        Err(keyplan_store::StoreError::Invalid(e)) => assert_eq!(e.field, "template"),
        other => panic!("expected an invalid template, got {other:?}"),
    }
    assert_eq!(store.plans_of_account(w.acme, w.plan.account_id).await.unwrap().len(), before);
}
