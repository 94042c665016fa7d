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
    // The strategic demo plan with its sections, items, links, stakeholder map,
    // whitespace matrix and story.
    let strategic_small = f.queries_for("/plans/4").await;
    let story_small = f.queries_for("/plans/4/story").await;
    f.grow(PlanId::new(4), 5).await;
    let strategic_large = f.queries_for("/plans/4").await;
    let story_large = f.queries_for("/plans/4/story").await;
    f.cleanup();
    assert_eq!(small, large, "page statements: {small} before, {large} after adding 120 nodes");
    assert_eq!(api_small, api_large, "API statements: {api_small} before, {api_large} after adding 120 nodes");
    assert_eq!(strategic_small, strategic_large, "strategic plan page: {strategic_small} before, {strategic_large} after");
    assert_eq!(story_small, story_large, "story page: {story_small} before, {story_large} after");
    // Issue 18: at most 10 statements for the page and the API. The page takes
    // seven: the session (with the change mark), the plan with everything but
    // its tree in one statement (account, team, contacts, texts, items, links,
    // KPIs, actuals, reviews, opportunities, schedule, whitespace matrix,
    // template version, settings and users as JSON columns), the tree with the
    // customer's answers, the discussion, the activity, and the coach's rule
    // settings and evidence. The API takes three: session, plan, tree.
    for (what, n) in [("plan page", small), ("strategic plan page", strategic_small), ("plan API", api_small), ("story page", story_small)]
    {
        assert!(n <= 10, "the {what} takes {n} statements");
    }
    assert!(small <= 7, "the plan page takes {small} statements");
    assert!(api_small <= 3, "the plan API takes {api_small} statements");
}
