//! The plan page needs the same number of database statements however large
//! the plan is (no N+1 queries).

#[path = "../benches/fixture.rs"]
mod fixture;

use keyplan_domain::PlanId;

#[tokio::test]
async fn plan_page_query_count_does_not_grow_with_the_plan() {
    let f = fixture::Fixture::demo().await;
    let small = f.queries_for("/plans/1").await;
    f.grow(PlanId::new(1), 5).await;
    let large = f.queries_for("/plans/1").await;
    let api_small = f.queries_for("/api/v1/plans/2").await;
    f.grow(PlanId::new(2), 5).await;
    let api_large = f.queries_for("/api/v1/plans/2").await;
    f.cleanup();
    assert_eq!(small, large, "page statements: {small} before, {large} after adding 120 nodes");
    assert_eq!(api_small, api_large, "API statements: {api_small} before, {api_large} after adding 120 nodes");
    assert!(small <= 10, "the plan page takes {small} statements");
}
