//! The portfolio page and `GET /api/v1/portfolio` need the same number of
//! database statements with the demo's handful of accounts as with a thousand
//! (no query per account), filtered or not.

#[path = "../benches/fixture.rs"]
mod fixture;

use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::{PlanInput, PlanStatus};

const PATHS: [&str; 4] = ["/portfolio", "/portfolio?state=no_plan&sort=revenue", "/api/v1/portfolio", "/api/v1/portfolio?region=North"];

#[tokio::test]
async fn portfolio_statement_count_does_not_grow_with_the_accounts() {
    let f = fixture::Fixture::demo().await;
    let mut small = Vec::new();
    for path in PATHS {
        small.push(f.queries_for(path).await);
    }
    let kam = f.store.user_by_email(keyplan_app::demo::DEMO_SIGN_INS[0].0).await.expect("lookup").expect("demo KAM");
    let org = kam.org_id;
    let today = time::OffsetDateTime::now_utc().date();
    let have = f.store.count_accounts(org).await.expect("count");
    for i in have..1000 {
        let input = AccountInput {
            name: format!("Bulk account {i:04}"),
            region: ["North", "South", "East", "West"][(i % 4) as usize].into(),
            industry: ["Chemicals", "Retail", "Energy"][(i % 3) as usize].into(),
            current_revenue: ((i * 7919) % 900 + 10).to_string() + "000",
            total_spend: ((i * 104_729) % 4000 + 1000).to_string() + "000",
            potential: ((i * 15_485_863) % 3000 + 500).to_string() + "000",
            owner_id: kam.id.to_string(),
            ..Default::default()
        };
        let account = f.store.create_account(org, &input.validate().expect("valid"), kam.id).await.expect("account");
        if i % 7 == 0 {
            let status = if i % 14 == 0 { "active" } else { "draft" };
            let plan = PlanInput { title: format!("Plan {i}"), status: status.into(), ..Default::default() }.validate(today).expect("plan");
            assert!(matches!(plan.status, PlanStatus::Active | PlanStatus::Draft));
            f.store.create_plan(org, account.id, &plan, "strategic", kam.id).await.expect("plan");
        }
    }
    assert_eq!(f.store.count_accounts(org).await.expect("count"), 1000);
    let mut large = Vec::new();
    for path in PATHS {
        large.push(f.queries_for(path).await);
    }
    f.cleanup();
    assert_eq!(small, large, "statements for {PATHS:?} with the demo's accounts and with 1,000");
    // Session, settings, organisation, the accounts (twice when filtered: the
    // organisation's lines), and the filter choices on the page.
    assert!(small.iter().all(|n| *n <= 8), "statements: {small:?}");
}

/// A committed write in the organisation: the kept portfolio is out of date.
async fn change(f: &fixture::Fixture, name: &str) {
    let kam = f.store.user_by_email(keyplan_app::demo::DEMO_SIGN_INS[0].0).await.expect("lookup").expect("demo KAM");
    let input = AccountInput { name: name.into(), current_revenue: "1000".into(), owner_id: kam.id.to_string(), ..Default::default() };
    f.store.create_account(kam.org_id, &input.validate().expect("valid"), kam.id).await.expect("account");
}

/// Sixteen requests that find the kept portfolio out of date at once build it
/// once: the others wait for that build and take its result (issue 18: each
/// reading and ranking every account held the memory of sixteen builds).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_that_miss_at_once_build_the_portfolio_once() {
    const AT_ONCE: u64 = 16;
    let f = fixture::Fixture::demo().await;
    let path = "/api/v1/portfolio";
    f.queries_for(path).await;
    let kept = f.queries_for(path).await;
    change(&f, "Changed once").await;
    let built = f.queries_for(path).await;
    assert!(built >= kept + 3, "a build reads the settings, the organisation and the accounts: {built} against {kept}");
    change(&f, "Changed twice").await;
    let before = f.store.query_count();
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..AT_ONCE {
        let (router, cookie) = (f.router.clone(), f.cookie.clone());
        requests.spawn(async move { fixture::get_with(&router, &cookie, path).await.0 });
    }
    while let Some(status) = requests.join_next().await {
        assert_eq!(status.expect("request"), axum::http::StatusCode::OK);
    }
    let total = f.store.query_count() - before;
    f.cleanup();
    // One build; every other request at most reads the mark once more after waiting.
    assert!(
        total <= built + (AT_ONCE - 1) * (kept + 1),
        "{total} statements for {AT_ONCE} requests at once (one build: {built}, kept: {kept})"
    );
}
