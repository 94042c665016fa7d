//! The sales meetings' list, the proposed agenda and a meeting's page need the
//! same number of database statements however many accounts, plans and
//! meetings the organisation has: the counts the agenda ranks by are
//! aggregated in the database, and a meeting reads per plan on its agenda only.

#[path = "../benches/fixture.rs"]
mod fixture;

use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::{PlanId, Role};
use keyplan_store::NewMeetingSnapshot;
use time::macros::date;

async fn add_accounts(f: &fixture::Fixture, n: usize) {
    let org = f.store.plan_org(PlanId::new(1)).await.expect("plan");
    let owner = f.store.list_users(org).await.expect("users").into_iter().find(|u| u.role == Role::Kam).expect("a KAM");
    let today = time::OffsetDateTime::now_utc().date();
    for i in 0..n {
        let input = AccountInput { name: format!("Scale account {i}"), owner_id: owner.id.get().to_string(), ..Default::default() };
        let account = f.store.create_account(org, &input.validate().expect("valid"), owner.id).await.expect("account");
        let data = PlanData {
            title: format!("Scale plan {i}"),
            status: PlanStatus::Active,
            period_start: today,
            period_end: today + time::Duration::days(365),
            customer_title: None,
        };
        f.store.create_plan(org, account.id, &data, TEMPLATE_ONE_PAGE, owner.id).await.expect("plan");
    }
}

async fn meeting(f: &fixture::Fixture, on: time::Date) -> i64 {
    let org = f.store.plan_org(PlanId::new(1)).await.expect("plan");
    let manager = f.store.list_users(org).await.expect("users").into_iter().find(|u| u.role == Role::Manager).expect("a manager");
    let agenda: Vec<_> = [1, 2].map(|p| NewMeetingSnapshot { plan: PlanId::new(p), data: "{\"title\": \"then\"}".into() }).into();
    f.store.create_meeting(org, "", on, &agenda, "Sales meeting", manager.id).await.expect("meeting").get()
}

#[tokio::test]
async fn meeting_statements_do_not_grow_with_the_organisation() {
    let f = fixture::Fixture::demo().await;
    // An earlier meeting first, so that each plan has a snapshot to compare against throughout.
    meeting(&f, date!(2025 - 12 - 01)).await;
    let first = meeting(&f, date!(2027 - 01 - 15)).await;
    let manager = f.sign_in("martin.keller@northwind.example").await;
    let paths = [
        "/meetings".to_string(),
        "/api/v1/meetings".into(),
        "/meetings/new".into(),
        format!("/meetings/{first}"),
        format!("/api/v1/meetings/{first}"),
    ];
    let mut small = Vec::new();
    for p in &paths {
        small.push(manager.queries_for(p).await);
    }
    add_accounts(&f, 1000).await;
    for i in 0..30 {
        meeting(&f, date!(2026 - 01 - 05) + time::Duration::days(7 * i)).await;
    }
    let mut large = Vec::new();
    for p in &paths {
        large.push(manager.queries_for(p).await);
    }
    f.cleanup();
    assert_eq!(small, large, "statements for {paths:?} with 10 accounts and two meetings, then 1,010 accounts and 32 meetings");
    assert!(small[0] <= 4, "the list takes {} statements", small[0]);
    // A meeting reads each agenda plan as it stands (to compare with the last meeting's snapshot).
    assert!(small[3] <= 5 + 2 * 25, "a meeting of two plans takes {} statements", small[3]);
}
