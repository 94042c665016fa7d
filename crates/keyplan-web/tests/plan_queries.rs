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
    // Session, plan, account, team, nodes, users, contacts, template version, section
    // texts, items, links, organisation settings, three for the whitespace matrix,
    // three for KPIs, actuals and review dates, and the reviews, discussion and
    // activity cards: a fixed number, run side by side where they are independent.
    // The coach panel adds three: the organisation's rule settings and the
    // ladder's two statements of evidence (22 before the coach); the pipeline
    // behind the goals one (issue 16), the ETag's change mark one (issue 18).
    // The reviews are read once, with the plan, for the timeline's marks, the
    // reviews card and the coach's evidence (they were read three times). The
    // change mark comes with the session, in the statement that finds the reader.
    assert!(small <= 24, "the plan page takes {small} statements");
    assert!(strategic_small <= 24, "the strategic plan page takes {strategic_small} statements");
}
