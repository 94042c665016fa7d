//! The accounts list, the accounts API and the account page need the same number
//! of statements whether the organisation has 10 or 1,000 more accounts, and the
//! account page does not grow with them (no picker lists every account).

#[path = "../benches/fixture.rs"]
mod fixture;
#[path = "../benches/scale_fixture.rs"]
mod scale_fixture;

#[tokio::test]
async fn account_pages_do_not_grow_with_the_number_of_accounts() {
    let small = fixture::Fixture::demo().await;
    let large = fixture::Fixture::demo().await;
    let a = scale_fixture::grow(&small.store, &small.url, 10, 30, 0).await;
    let b = scale_fixture::grow(&large.store, &large.url, 1_000, 3_000, 0).await;
    let paths = |account: keyplan_domain::AccountId| {
        [
            "/accounts".to_string(),
            "/accounts?sort=plan_state&dir=desc&page=2".to_string(),
            "/accounts?q=scale".to_string(),
            "/api/v1/accounts".to_string(),
            "/api/v1/accounts?sort=share&per_page=200".to_string(),
            format!("/accounts/{account}"),
        ]
    };
    let mut problems = Vec::new();
    for (p, q) in paths(a.account).iter().zip(paths(b.account).iter()) {
        let (n_small, n_large) = (small.queries_for(p).await, large.queries_for(q).await);
        if n_small != n_large {
            problems.push(format!("{p}: {n_small} statements with 10 accounts, {n_large} with 1,000"));
        }
        if n_small > 12 {
            problems.push(format!("{p}: {n_small} statements"));
        }
    }
    // Both grown accounts have a parent, five-ish contacts and no plan of their own.
    let (_, size_small) = small.get(&format!("/accounts/{}", a.account)).await;
    let (_, size_large) = large.get(&format!("/accounts/{}", b.account)).await;
    let (_, list_small) = small.get("/accounts").await;
    let (_, list_large) = large.get("/accounts").await;
    small.cleanup();
    large.cleanup();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(size_large.abs_diff(size_small) < 1024, "account page: {size_small} bytes with 10 accounts, {size_large} with 1,000");
    // One page of 50 accounts either way (the small organisation has fewer).
    assert!(list_large < 150 * 1024, "accounts list: {list_large} bytes");
    assert!(list_large.abs_diff(list_small) < 40 * 1024, "accounts list: {list_small} bytes with 10 accounts, {list_large} with 1,000");
}
