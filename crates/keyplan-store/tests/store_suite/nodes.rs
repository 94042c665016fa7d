//! The constraint tree on both databases: nodes with their kinds and fields,
//! order and deletion, a user's commitments, organisation scoping, and loading a
//! whole tree in one statement.

use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind, build_tree};
use keyplan_domain::{NodeId, Role};
use keyplan_store::{NodeWrite, Store, User};
use time::macros::date;

use super::common::{self, TODAY, assert_conflict, assert_invalid, assert_not_found, plan_input, user};
use super::{account, children, commitment, contact_input, ids, node, plan, world};

on_both_databases! {
    constraint_tree => sqlite_constraint_tree, postgres_constraint_tree;
    node_order_and_deletion => sqlite_node_order_and_deletion, postgres_node_order_and_deletion;
    my_commitments => sqlite_my_commitments, postgres_my_commitments;
    nodes_are_scoped_to_their_org => sqlite_nodes_are_scoped_to_their_org, postgres_nodes_are_scoped_to_their_org;
    nodes_load_in_one_query => sqlite_nodes_load_in_one_query, postgres_nodes_load_in_one_query;
}

// --- 7. the constraint tree --------------------------------------------------------------------

async fn constraint_tree(store: &Store) {
    let w = world(store).await;
    let (acme, ann, ben, plan) = (w.acme, &w.ann, &w.ben, w.plan.id);
    let dana = store.create_contact(acme, w.acct.id, &contact_input("Dana Ruiz"), ann.id).await.unwrap();

    let goal_w = NodeWrite {
        notes: Some("Two lines\nand ✓ unicode".into()),
        metric: Some("Revenue".into()),
        baseline: Some(0.1 + 0.2),
        target: Some(1_234_567.891_011_12),
        unit: Some("EUR".into()),
        target_date: Some(date!(2028 - 02 - 29)),
        ..NodeWrite::titled("Grow Northwind to €1.2M")
    };
    let goal = node(store, acme, plan, NodeKind::Goal, None, goal_w.clone(), ann).await;
    assert_eq!(NodeWrite::from_node(&goal), goal_w, "every field round-trips exactly");
    assert_eq!((goal.kind(), goal.plan_id, goal.parent_id, goal.position, goal.version), (NodeKind::Goal, plan, None, 1, 1));
    let extremes = NodeWrite { baseline: Some(-f64::MIN_POSITIVE), target: Some(f64::MAX), ..NodeWrite::titled("Extremes") };
    let extreme = node(store, acme, plan, NodeKind::Goal, None, extremes.clone(), ann).await;
    assert_eq!(NodeWrite::from_node(&store.node(acme, extreme.id).await.unwrap()), extremes);
    store.delete_node(acme, extreme.id).await.unwrap();

    let csf = node(store, acme, plan, NodeKind::Csf, Some(&goal), NodeWrite::titled("Preferred supplier"), ann).await;
    let cond = node(store, acme, plan, NodeKind::Condition, Some(&csf), NodeWrite::titled("Procurement trusts us"), ann).await;
    let obstacle = node(store, acme, plan, NodeKind::Obstacle, Some(&cond), NodeWrite::titled("Late deliveries in 2025"), ann).await;
    let commit_w = NodeWrite {
        contact_id: Some(dana.id),
        start_date: Some(date!(2026 - 04 - 01)),
        done_criterion: Some("Workshop minutes signed".into()),
        proposed_due_date: Some(date!(2026 - 07 - 15)),
        decline_reason: Some("kept for the record".into()),
        ..commitment("Run a delivery workshop", ben.id, ann.id, Acceptance::Accepted, Some(date!(2026 - 06 - 30)))
    };
    let commit = node(store, acme, plan, NodeKind::Commitment, Some(&obstacle), commit_w.clone(), ann).await;
    assert_eq!(NodeWrite::from_node(&commit), commit_w);
    assert_eq!((commit.parent_id, commit.position), (Some(obstacle.id), 1));
    let direct = node(
        store,
        acme,
        plan,
        NodeKind::Commitment,
        Some(&goal),
        commitment("Quarterly review", ann.id, ann.id, Acceptance::Proposed, None),
        ann,
    )
    .await;
    assert_eq!(direct.position, 2, "new nodes go after their siblings");

    let created = [&goal, &csf, &cond, &obstacle, &commit, &direct];
    let stored = store.nodes(acme, plan).await.unwrap();
    assert_eq!(stored.len(), created.len());
    for n in created {
        assert_eq!(stored.iter().find(|s| s.id == n.id), Some(n), "stored node {} differs", n.title);
    }
    let (tree, summary) = build_tree(stored, TODAY);
    assert_eq!(tree.len(), 1);
    let root = &tree[0];
    assert_eq!(root.node.id, goal.id);
    assert_eq!(root.children.iter().map(|c| c.node.id).collect::<Vec<_>>(), [csf.id, direct.id]);
    let leaf = &root.children[0].children[0].children[0].children[0];
    assert_eq!(leaf.node, commit);
    assert!(leaf.children.is_empty());
    assert_eq!((summary.goals, summary.factors, summary.conditions, summary.obstacles), (1, 1, 1, 1));
    assert_eq!((summary.commitments, summary.commitments_accepted, summary.commitments_unaccepted), (2, 1, 1));

    // Parents must be of the right kind and in the same plan.
    let titled = NodeWrite::titled("Misplaced");
    let create = |kind, parent: Option<NodeId>, w: NodeWrite| async move { store.create_node(acme, plan, kind, parent, &w, ann.id).await };
    assert_invalid(create(NodeKind::Goal, Some(goal.id), titled.clone()).await, "parent_id");
    assert_invalid(create(NodeKind::Csf, None, titled.clone()).await, "parent_id");
    assert_invalid(create(NodeKind::Condition, Some(goal.id), titled.clone()).await, "parent_id");
    assert_invalid(create(NodeKind::Obstacle, Some(csf.id), titled.clone()).await, "parent_id");
    assert_invalid(create(NodeKind::Commitment, Some(cond.id), titled.clone()).await, "parent_id");
    assert_invalid(create(NodeKind::Csf, Some(NodeId::new(999_999)), titled.clone()).await, "parent_id");
    let other_plan = self::plan(store, acme, &w.acct, "Another plan", ann).await;
    assert_invalid(store.create_node(acme, other_plan.id, NodeKind::Csf, Some(goal.id), &titled, ann.id).await, "parent_id");

    // People must belong here: the contact to the plan's account, the owner to the organisation.
    let contoso = account(store, acme, "Contoso", ann).await;
    let fay = store.create_contact(acme, contoso.id, &contact_input("Fay Lee"), ann.id).await.unwrap();
    let wrong_contact = NodeWrite { contact_id: Some(fay.id), ..commit_w.clone() };
    assert_invalid(create(NodeKind::Commitment, Some(obstacle.id), wrong_contact.clone()).await, "contact_id");
    let foreign_owner = NodeWrite { owner_id: Some(w.gus.id), ..commit_w.clone() };
    assert_invalid(create(NodeKind::Commitment, Some(obstacle.id), foreign_owner.clone()).await, "owner_id");
    let cy = user(store, acme, "Cy Gone", Role::Member).await;
    store.update_user(acme, cy.id, 1, &cy.name, Role::Member, false).await.unwrap();
    let inactive_owner = NodeWrite { owner_id: Some(cy.id), ..commit_w.clone() };
    assert_invalid(create(NodeKind::Commitment, Some(obstacle.id), inactive_owner).await, "owner_id");
    assert_invalid(store.update_node(acme, commit.id, 1, &wrong_contact, ann.id).await, "contact_id");
    assert_invalid(store.update_node(acme, commit.id, 1, &foreign_owner, ann.id).await, "owner_id");
    assert_eq!(store.nodes(acme, plan).await.unwrap().len(), created.len());
    assert!(store.nodes(acme, other_plan.id).await.unwrap().is_empty());
    assert_eq!(store.node(acme, commit.id).await.unwrap(), commit);

    // Updates write every field, guarded by the version.
    let done_w = NodeWrite {
        title: "Delivery workshop held".into(),
        status: Some(CommitmentStatus::Done),
        contact_id: None,
        due_date: Some(date!(2026 - 05 - 31)),
        ..commit_w.clone()
    };
    let done = store.update_node(acme, commit.id, 1, &done_w, ben.id).await.unwrap();
    assert_eq!(NodeWrite::from_node(&done), done_w);
    assert_eq!((done.version, done.position, done.parent_id, done.kind()), (2, commit.position, commit.parent_id, NodeKind::Commitment));
    assert_conflict(store.update_node(acme, commit.id, 1, &commit_w, ann.id).await, 2);
    assert_eq!(store.node(acme, commit.id).await.unwrap(), done);
    let summary = &store.plans_of_account(acme, w.acct.id).await.unwrap();
    let this = summary.iter().find(|s| s.plan.id == plan).unwrap();
    assert_eq!((this.commitments, this.commitments_accepted, this.commitments_done), (2, 1, 1));
}

async fn node_order_and_deletion(store: &Store) {
    let w = world(store).await;
    let (acme, ann, plan) = (w.acme, &w.ann, w.plan.id);
    let goal = node(store, acme, plan, NodeKind::Goal, None, NodeWrite::titled("Goal"), ann).await;
    let csf = |t: &str| NodeWrite::titled(t);
    let a = node(store, acme, plan, NodeKind::Csf, Some(&goal), csf("A"), ann).await;
    let b = node(store, acme, plan, NodeKind::Csf, Some(&goal), csf("B"), ann).await;
    let c = node(store, acme, plan, NodeKind::Csf, Some(&goal), csf("C"), ann).await;
    assert_eq!((a.position, b.position, c.position), (1, 2, 3));
    let x = node(store, acme, plan, NodeKind::Condition, Some(&a), NodeWrite::titled("X under A"), ann).await;
    assert_eq!(x.position, 1, "positions count per parent");

    let order = || children(store, acme, plan, &goal);
    assert!(!store.move_node(acme, a.id, true).await.unwrap(), "first cannot move up");
    assert!(!store.move_node(acme, c.id, false).await.unwrap(), "last cannot move down");
    assert!(!store.move_node(acme, goal.id, true).await.unwrap());
    assert!(!store.move_node(acme, x.id, false).await.unwrap(), "only child");
    assert_eq!(order().await, [a.id, b.id, c.id]);
    assert!(store.move_node(acme, b.id, true).await.unwrap());
    assert_eq!(order().await, [b.id, a.id, c.id]);
    assert!(store.move_node(acme, b.id, false).await.unwrap());
    assert_eq!(order().await, [a.id, b.id, c.id]);
    assert!(store.move_node(acme, a.id, false).await.unwrap());
    assert!(store.move_node(acme, c.id, true).await.unwrap());
    assert_eq!(order().await, [b.id, c.id, a.id]);
    assert!(!store.move_node(acme, b.id, true).await.unwrap());
    assert!(!store.move_node(acme, a.id, false).await.unwrap());
    let d = node(store, acme, plan, NodeKind::Csf, Some(&goal), csf("D"), ann).await;
    assert_eq!(order().await, [b.id, c.id, a.id, d.id]);
    // Order is not content: versions stay, the subtree moves with its node.
    let nodes = store.nodes(acme, plan).await.unwrap();
    assert!(nodes.iter().all(|n| n.version == 1));
    assert_eq!(store.node(acme, x.id).await.unwrap(), x);
    assert_eq!(ids(&nodes), [goal.id, b.id, x.id, c.id, a.id, d.id], "nodes() is ordered by position, then id");

    // Deleting a node deletes everything under it.
    let ob = node(store, acme, plan, NodeKind::Obstacle, Some(&x), NodeWrite::titled("Obstacle"), ann).await;
    let cm =
        node(store, acme, plan, NodeKind::Commitment, Some(&ob), commitment("Fix it", ann.id, ann.id, Acceptance::Accepted, None), ann)
            .await;
    store.delete_node(acme, a.id).await.unwrap();
    for gone in [a.id, x.id, ob.id, cm.id] {
        assert_not_found(store.node(acme, gone).await);
    }
    assert_eq!(order().await, [b.id, c.id, d.id]);
    assert_eq!(store.nodes(acme, plan).await.unwrap().len(), 4);
    assert_not_found(store.delete_node(acme, a.id).await);
    assert_not_found(store.move_node(acme, a.id, true).await);
    assert!(store.move_node(acme, d.id, true).await.unwrap());
    assert_eq!(order().await, [b.id, d.id, c.id]);
    store.delete_node(acme, goal.id).await.unwrap();
    assert!(store.nodes(acme, plan).await.unwrap().is_empty());
}

async fn my_commitments(store: &Store) {
    let w = world(store).await;
    let (acme, ann, ben) = (w.acme, &w.ann, &w.ben);
    let cy = user(store, acme, "Cy Dale", Role::Member).await;
    let goal = node(store, acme, w.plan.id, NodeKind::Goal, None, NodeWrite::titled("Grow"), ann).await;
    let add = |title: &str, owner: &User, author: &User, acceptance, due| {
        let w = commitment(title, owner.id, author.id, acceptance, due);
        node(store, acme, goal.plan_id, NodeKind::Commitment, Some(&goal), w, ann)
    };
    let proposal = add("Send proposal", ben, ann, Acceptance::Accepted, Some(date!(2026 - 05 - 01))).await;
    let call = add("Call procurement", ben, ann, Acceptance::Proposed, None).await;
    let samples_w = NodeWrite {
        proposed_due_date: Some(date!(2026 - 04 - 15)),
        ..commitment("Ship samples", cy.id, ben.id, Acceptance::DateProposed, Some(date!(2026 - 04 - 01)))
    };
    let samples = node(store, acme, w.plan.id, NodeKind::Commitment, Some(&goal), samples_w.clone(), ann).await;
    let visit = add("Site visit", &cy, ben, Acceptance::Proposed, None).await;
    let owned_factor = NodeWrite { owner_id: Some(ben.id), ..NodeWrite::titled("A factor with an owner") };
    node(store, acme, w.plan.id, NodeKind::Csf, Some(&goal), owned_factor, ann).await;
    // A commitment in another account's plan, and one in an archived plan.
    let contoso = account(store, acme, "Contoso", ann).await;
    let contoso_plan = plan(store, acme, &contoso, "Contoso FY26", ann).await;
    let contoso_goal = node(store, acme, contoso_plan.id, NodeKind::Goal, None, NodeWrite::titled("Enter Contoso"), ann).await;
    let intro_w = commitment("Intro meeting", ben.id, ben.id, Acceptance::Accepted, Some(date!(2026 - 03 - 01)));
    let intro = node(store, acme, contoso_plan.id, NodeKind::Commitment, Some(&contoso_goal), intro_w, ben).await;
    let archived = PlanData { status: PlanStatus::Archived, ..plan_input("Old plan") };
    let archived = store.create_plan(acme, contoso.id, &archived, TEMPLATE_ONE_PAGE, ann.id).await.unwrap();
    let old_goal = node(store, acme, archived.id, NodeKind::Goal, None, NodeWrite::titled("Old goal"), ann).await;
    node(
        store,
        acme,
        archived.id,
        NodeKind::Commitment,
        Some(&old_goal),
        commitment("Archived work", ben.id, ann.id, Acceptance::Accepted, None),
        ann,
    )
    .await;

    // Owned commitments plus proposed dates waiting for the author; by due date, undated last.
    let bens = store.my_commitments(acme, ben.id).await.unwrap();
    let got: Vec<_> = bens.iter().map(|m| m.node.id).collect();
    assert_eq!(got, [intro.id, samples.id, proposal.id, call.id]);
    let s = &bens[1];
    assert_eq!(NodeWrite::from_node(&s.node), samples_w);
    assert_eq!((s.plan_title.as_str(), s.account_id, s.account_name.as_str()), ("FY26 Northwind", w.acct.id, "Northwind Traders"));
    assert_eq!((s.author_name.as_deref(), s.owner_name.as_deref()), (Some("Ben Cole"), Some("Cy Dale")));
    let i = &bens[0];
    assert_eq!((i.plan_title.as_str(), i.account_id, i.account_name.as_str()), ("Contoso FY26", contoso.id, "Contoso"));
    assert_eq!((i.author_name.as_deref(), i.owner_name.as_deref()), (Some("Ben Cole"), Some("Ben Cole")));

    let cys: Vec<_> = store.my_commitments(acme, cy.id).await.unwrap().into_iter().map(|m| m.node.id).collect();
    assert_eq!(cys, [samples.id, visit.id]);
    assert!(store.my_commitments(acme, ann.id).await.unwrap().is_empty(), "ann authored only accepted or proposed ones");
    assert!(store.my_commitments(w.globex, ben.id).await.unwrap().is_empty());

    // Accepting the proposed date removes it from the author's list.
    let accepted =
        NodeWrite { acceptance: Some(Acceptance::Accepted), due_date: samples_w.proposed_due_date, proposed_due_date: None, ..samples_w };
    store.update_node(acme, samples.id, samples.version, &accepted, ben.id).await.unwrap();
    let got: Vec<_> = store.my_commitments(acme, ben.id).await.unwrap().into_iter().map(|m| m.node.id).collect();
    assert_eq!(got, [intro.id, proposal.id, call.id]);
}

async fn nodes_are_scoped_to_their_org(store: &Store) {
    let w = world(store).await;
    let (acme, globex, ann, gus) = (w.acme, w.globex, &w.ann, &w.gus);
    let goal = node(store, acme, w.plan.id, NodeKind::Goal, None, NodeWrite::titled("Acme goal"), ann).await;
    let theirs = node(store, globex, w.globex_plan.id, NodeKind::Goal, None, NodeWrite::titled("Globex goal"), gus).await;

    assert!(store.nodes(globex, w.plan.id).await.unwrap().is_empty());
    assert!(store.nodes(acme, w.globex_plan.id).await.unwrap().is_empty());
    assert_not_found(store.node(globex, goal.id).await);
    assert_not_found(store.update_node(globex, goal.id, 1, &NodeWrite::titled("Hijacked"), gus.id).await);
    assert_not_found(store.delete_node(globex, goal.id).await);
    assert_not_found(store.move_node(globex, goal.id, false).await);
    assert_not_found(store.create_node(globex, w.plan.id, NodeKind::Goal, None, &NodeWrite::titled("Intruder"), gus.id).await);
    let under_theirs = store.create_node(globex, w.globex_plan.id, NodeKind::Csf, Some(goal.id), &NodeWrite::titled("x"), gus.id).await;
    assert_invalid(under_theirs, "parent_id");
    let globex_contact = store.create_contact(globex, w.globex_acct.id, &contact_input("Their contact"), gus.id).await.unwrap();
    let w2 = NodeWrite { contact_id: Some(globex_contact.id), ..commitment("x", ann.id, ann.id, Acceptance::Accepted, None) };
    assert_invalid(store.create_node(acme, w.plan.id, NodeKind::Commitment, Some(goal.id), &w2, ann.id).await, "contact_id");

    assert_eq!(store.nodes(acme, w.plan.id).await.unwrap(), [goal]);
    assert_eq!(store.nodes(globex, w.globex_plan.id).await.unwrap(), [theirs]);
}

// --- 8. query counting -------------------------------------------------------------------------

async fn nodes_load_in_one_query(store: &Store) {
    let w = world(store).await;
    let (acme, ann) = (w.acme, &w.ann);
    let small = w.plan.id;
    let goal = node(store, acme, small, NodeKind::Goal, None, NodeWrite::titled("Small goal"), ann).await;
    let csf = node(store, acme, small, NodeKind::Csf, Some(&goal), NodeWrite::titled("Factor"), ann).await;
    node(store, acme, small, NodeKind::Condition, Some(&csf), NodeWrite::titled("Condition"), ann).await;
    let big = plan(store, acme, &w.acct, "Big plan", ann).await.id;
    let big_goal = node(store, acme, big, NodeKind::Goal, None, NodeWrite::titled("Big goal"), ann).await;
    for i in 1..60 {
        node(store, acme, big, NodeKind::Csf, Some(&big_goal), NodeWrite::titled(format!("Factor {i}")), ann).await;
    }

    let before = store.query_count();
    let small_nodes = store.nodes(acme, small).await.unwrap();
    let small_cost = store.query_count() - before;
    let before = store.query_count();
    let big_nodes = store.nodes(acme, big).await.unwrap();
    let big_cost = store.query_count() - before;
    assert_eq!((small_nodes.len(), big_nodes.len()), (3, 60));
    assert_eq!((small_cost, big_cost), (1, 1));
    let (tree, _) = build_tree(big_nodes, TODAY);
    assert_eq!(tree[0].children.len(), 59);
}
