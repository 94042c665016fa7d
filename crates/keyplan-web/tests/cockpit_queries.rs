//! The cockpit page, its API and its workbook need the same number of
//! database statements however many accounts, plans, commitments and
//! obstacles the organisation has: the figures are aggregated in the
//! database, never fetched per KAM or per plan.

#[path = "../benches/fixture.rs"]
mod fixture;

use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{NodeId, PlanId};
use keyplan_store::NodeWrite;

/// Adds `n` accounts, each with an active plan owned by one of the demo's KAMs.
async fn add_accounts(f: &fixture::Fixture, n: usize) -> Vec<PlanId> {
    let org = f.store.plan_org(PlanId::new(1)).await.expect("plan");
    let kams: Vec<_> = f.store.list_users(org).await.expect("users").into_iter().filter(|u| u.role == keyplan_domain::Role::Kam).collect();
    let today = time::OffsetDateTime::now_utc().date();
    let mut plans = Vec::new();
    for i in 0..n {
        let owner = &kams[i % kams.len()];
        let input = AccountInput {
            name: format!("Scale account {i}"),
            region: ["DACH", "Nordics", "France"][i % 3].into(),
            industry: "Food & beverage".into(),
            owner_id: owner.id.get().to_string(),
            ..Default::default()
        };
        let account = f.store.create_account(org, &input.validate().expect("valid"), owner.id).await.expect("account");
        let status = if i % 4 == 0 { PlanStatus::Active } else { PlanStatus::Draft };
        let data = PlanData {
            title: format!("Scale plan {i}"),
            status,
            period_start: today,
            period_end: today + time::Duration::days(365),
            customer_title: None,
        };
        plans.push(f.store.create_plan(org, account.id, &data, TEMPLATE_ONE_PAGE, owner.id).await.expect("plan").id);
    }
    plans
}

/// A goal, factor, condition and two obstacles: one with an overdue, a proposed
/// and a done commitment, one blocked by a missed commitment.
async fn tree(f: &fixture::Fixture, plan: PlanId) {
    let org = f.store.plan_org(plan).await.expect("plan");
    let owner = f.store.plan(org, plan).await.expect("plan").created_by.expect("author");
    let today = time::OffsetDateTime::now_utc().date();
    let add = |kind, parent: Option<NodeId>, w: NodeWrite| {
        let store = f.store.clone();
        async move { store.create_node(org, plan, kind, parent, &w, owner).await.expect("node").id }
    };
    let goal = add(NodeKind::Goal, None, NodeWrite::titled("Grow")).await;
    let csf = add(NodeKind::Csf, Some(goal), NodeWrite::titled("Factor")).await;
    let cond = add(NodeKind::Condition, Some(csf), NodeWrite::titled("Condition")).await;
    for (o, states) in [
        (
            "Open",
            vec![
                (Acceptance::Accepted, CommitmentStatus::InProgress, -5),
                (Acceptance::Proposed, CommitmentStatus::Open, 10),
                (Acceptance::Accepted, CommitmentStatus::Done, -1),
            ],
        ),
        ("Blocked", vec![(Acceptance::Accepted, CommitmentStatus::Missed, -9)]),
    ] {
        let obstacle = add(NodeKind::Obstacle, Some(cond), NodeWrite::titled(o)).await;
        for (acceptance, status, due) in states {
            let mut w = NodeWrite::titled(format!("{o} commitment"));
            w.owner_id = Some(owner);
            w.author_id = Some(owner);
            w.acceptance = Some(acceptance);
            w.status = Some(status);
            w.due_date = Some(today + time::Duration::days(due));
            add(NodeKind::Commitment, Some(obstacle), w).await;
        }
    }
}

#[tokio::test]
async fn cockpit_statements_do_not_grow_with_the_organisation() {
    let f = fixture::Fixture::demo().await;
    // Signed in as the demo's manager, who sees every KAM.
    let manager = f.sign_in("martin.keller@northwind.example").await;
    let paths = ["/cockpit", "/api/v1/cockpit", "/cockpit.xlsx", "/cockpit?region=DACH", "/cockpit/items?what=overdue_commitments"];
    let mut small = Vec::new();
    for p in paths {
        small.push(manager.queries_for(p).await);
    }
    // From 10 accounts to more than 1,000, with more plans, commitments and obstacles.
    let plans = add_accounts(&f, 1000).await;
    for plan in plans.iter().step_by(50) {
        tree(&f, *plan).await;
    }
    f.grow(PlanId::new(1), 3).await;
    let mut large = Vec::new();
    for p in paths {
        large.push(manager.queries_for(p).await);
    }
    f.cleanup();
    assert_eq!(small, large, "statements for {paths:?} with 10 accounts, then with 1,010");
    // Session, settings, users, plans, KPIs, commitments, obstacles, limit
    // exceptions, filter choices, and the kept totals of 90 days ago.
    assert!(small[0] <= 11, "the cockpit page takes {} statements", small[0]);
}
