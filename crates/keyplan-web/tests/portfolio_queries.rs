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
