//! A KAM's scorecard (page, API and workbook) needs the same number of
//! database statements however many accounts, plans and commitments the KAM
//! and the organisation have: every figure is read in a fixed set of
//! statements, never per plan or per commitment.

#[path = "../benches/fixture.rs"]
mod fixture;

use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{PlanId, Role};
use keyplan_store::NodeWrite;

#[tokio::test]
async fn scorecard_statements_do_not_grow_with_the_kams_plans() {
    let f = fixture::Fixture::demo().await;
    let org = f.store.plan_org(PlanId::new(1)).await.expect("plan");
    let users = f.store.list_users(org).await.expect("users");
    let kam = users.iter().find(|u| u.role == Role::Kam).expect("a KAM").clone();
    let other = users.iter().find(|u| u.role == Role::Manager).expect("a manager").clone();
    let manager = f.sign_in("martin.keller@northwind.example").await;
    let id = kam.id.get();
    let paths = [
        format!("/users/{id}/scorecard"),
        format!("/api/v1/users/{id}/scorecard"),
        format!("/users/{id}/scorecard.xlsx"),
        format!("/users/{id}/scorecard?from=2025-01-01&to=2027-12-31"),
    ];
    let mut small = Vec::new();
    for p in &paths {
        small.push(manager.queries_for(p).await);
    }
    let today = time::OffsetDateTime::now_utc().date();
    for i in 0..300 {
        let input = AccountInput { name: format!("Scale account {i}"), owner_id: id.to_string(), ..Default::default() };
        let account = f.store.create_account(org, &input.validate().expect("valid"), kam.id).await.expect("account");
        let data = PlanData {
            title: format!("Scale plan {i}"),
            status: PlanStatus::Active,
            period_start: today,
            period_end: today + time::Duration::days(365),
            customer_title: None,
        };
        let plan = f.store.create_plan(org, account.id, &data, TEMPLATE_ONE_PAGE, kam.id).await.expect("plan").id;
        if i % 10 == 0 {
            let goal = f.store.create_node(org, plan, NodeKind::Goal, None, &NodeWrite::titled("Grow"), kam.id).await.expect("goal").id;
            for (owner, acceptance, status, due) in [
                (kam.id, Acceptance::Accepted, CommitmentStatus::Done, -3),
                (kam.id, Acceptance::Accepted, CommitmentStatus::Missed, -9),
                (other.id, Acceptance::Proposed, CommitmentStatus::Open, 10),
            ] {
                let mut w = NodeWrite::titled("Scale commitment");
                w.owner_id = Some(owner);
                w.author_id = Some(kam.id);
                w.acceptance = Some(acceptance);
                w.status = Some(status);
                w.due_date = Some(today + time::Duration::days(due));
                f.store.create_node(org, plan, NodeKind::Commitment, Some(goal), &w, kam.id).await.expect("commitment");
            }
        }
    }
    let mut large = Vec::new();
    for p in &paths {
        large.push(manager.queries_for(p).await);
    }
    f.cleanup();
    assert_eq!(small, large, "statements for {paths:?} before and after 300 more plans for the KAM");
    assert!(small[0] <= 15, "the scorecard page takes {} statements", small[0]);
}
