//! The accounts list's reads on both databases (issue 13): one page with the
//! count of all pages (a search counts in the same statement), the order by
//! share of wallet that the `accounts_org_share` index serves, the review
//! schedules of only the accounts a page shows, and the planner's statistics
//! refreshed after a bulk import, and the search over name, industry, region
//! and CRM id (kept lowered in one column), and the organisation's change mark
//! read with the session, before and after a purge of many change rows.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::plan::TEMPLATE_ONE_PAGE;
use keyplan_store::{AccountFilter, AccountSort, Store};

on_both_databases! {
    a_page_comes_with_its_count => sqlite_a_page_comes_with_its_count, postgres_a_page_comes_with_its_count;
    schedules_are_read_for_the_accounts_shown => sqlite_schedules_are_read_for_the_accounts_shown, postgres_schedules_are_read_for_the_accounts_shown;
    search_reads_each_field_and_follows_edits => sqlite_search_reads_each_field_and_follows_edits, postgres_search_reads_each_field_and_follows_edits;
    the_change_mark_comes_with_the_session => sqlite_the_change_mark_comes_with_the_session, postgres_the_change_mark_comes_with_the_session;
}

fn input(name: &str, industry: &str, region: &str, revenue: &str, spend: &str) -> AccountInput {
    AccountInput {
        name: name.into(),
        industry: industry.into(),
        region: region.into(),
        current_revenue: revenue.into(),
        total_spend: spend.into(),
        ..Default::default()
    }
}

async fn a_page_comes_with_its_count(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let ann = kam(store, org, "Ann Archer").await;
    for i in [
        input("contoso ltd", "Retail", "", "300", "1000"),
        input("Fabrikam", "", "Nordics", "900", "1000"),
        input("Northwind Traders", "", "", "100", "1000"),
        input("Tailspin", "", "", "500", ""),
    ] {
        store.create_account(org, &i.validate().unwrap(), ann.id).await.unwrap();
    }
    let names = |(rows, n): (Vec<keyplan_store::AccountSummary>, i64)| (rows.into_iter().map(|s| s.account.name).collect::<Vec<_>>(), n);
    let page = |search: &str, sort: AccountSort, limit: i64, offset: i64| AccountFilter {
        search: Some(search.into()),
        sort,
        descending: sort == AccountSort::Share,
        limit,
        offset,
        ..Default::default()
    };
    let counted = |f: AccountFilter| async move { names(store.list_accounts_counted(org, &f).await.unwrap()) };
    assert_eq!(counted(page("", AccountSort::Name, 1, 1)).await, (vec!["Fabrikam".to_string()], 4));
    // contoso, Northwind and Tailspin hold a t; Fabrikam (Nordics) does not.
    assert_eq!(counted(page("t", AccountSort::Name, 1, 1)).await, (vec!["Northwind Traders".to_string()], 3));
    assert_eq!(counted(page("t", AccountSort::Name, 1, 9)).await, (vec![], 3), "a page past the last still counts");
    assert_eq!(counted(page("japan", AccountSort::Name, 10, 0)).await, (vec![], 0));
    // Largest share first; an account without spend has no share and comes last.
    let by_share = counted(page("", AccountSort::Share, 10, 0)).await.0;
    assert_eq!(by_share, ["Fabrikam", "contoso ltd", "Northwind Traders", "Tailspin"]);
    // Other organisations' accounts never count.
    let other = store.ensure_org("Globex").await.unwrap().id;
    let gus = kam(store, other, "Gus Grant").await;
    store.create_account(other, &input("Tiny Tim", "", "", "", "").validate().unwrap(), gus.id).await.unwrap();
    assert_eq!(counted(page("t", AccountSort::Name, 10, 0)).await.1, 3);
    // After a bulk import the planner's statistics are refreshed; the lists read the same.
    store.refresh_statistics().await.unwrap();
    assert_eq!(counted(page("", AccountSort::Share, 10, 0)).await.0, by_share);
}

async fn schedules_are_read_for_the_accounts_shown(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let ann = kam(store, org, "Ann Archer").await;
    let mut accounts = Vec::new();
    for name in ["Globex", "Initech", "Umbrella"] {
        let a = store.create_account(org, &input(name, "", "", "", "").validate().unwrap(), ann.id).await.unwrap();
        store.create_plan(org, a.id, &plan_input(&format!("{name} 2027")), TEMPLATE_ONE_PAGE, ann.id).await.unwrap();
        accounts.push(a.id);
    }
    let of = |ids: Vec<keyplan_domain::AccountId>| async move {
        let mut found: Vec<_> = store.review_schedules_of(org, &ids).await.unwrap().into_iter().map(|s| s.account_id).collect();
        found.sort();
        found
    };
    assert_eq!(of(vec![accounts[0], accounts[2]]).await, [accounts[0], accounts[2]]);
    assert_eq!(of(vec![]).await, [], "no accounts, no schedules");
    let other = store.ensure_org("Globex").await.unwrap().id;
    assert!(store.review_schedules_of(other, &accounts).await.unwrap().is_empty(), "scoped to the organisation");
}

async fn search_reads_each_field_and_follows_edits(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let ann = kam(store, org, "Ann Archer").await;
    let mut crm = input("Northwind Traders", "Logistics", "DACH", "", "");
    crm.crm_id = "SC-0042".into();
    let northwind = store.create_account(org, &crm.validate().unwrap(), ann.id).await.unwrap();
    store.create_account(org, &input("Contoso", "Retail", "Nordics", "", "").validate().unwrap(), ann.id).await.unwrap();
    let found = |text: &'static str| async move {
        let f = AccountFilter { search: Some(text.into()), limit: 10, ..Default::default() };
        let (rows, n) = store.list_accounts_counted(org, &f).await.unwrap();
        assert_eq!(n, store.count_matching_accounts(org, &f).await.unwrap(), "{text}: the page's count and the count agree");
        rows.into_iter().map(|s| s.account.name).collect::<Vec<_>>()
    };
    // Any of the four fields, in any case, and a CRM id typed in lower case.
    assert_eq!(found("WIND").await, ["Northwind Traders"]);
    assert_eq!(found("logist").await, ["Northwind Traders"]);
    assert_eq!(found("dach").await, ["Northwind Traders"]);
    assert_eq!(found("sc-0042").await, ["Northwind Traders"]);
    assert_eq!(found("r").await, ["Contoso", "Northwind Traders"]);
    // A match never spans two fields ("…Traders" + "Logistics").
    assert_eq!(found("traderslogistics").await, Vec::<String>::new());
    assert_eq!(found("traders logistics").await, Vec::<String>::new());
    // The user's wildcards are taken literally.
    assert_eq!(found("%").await, Vec::<String>::new());
    // An edit is found at once; the old name no longer is.
    let mut renamed = input("Northwind Freight", "Logistics", "Süd", "", "");
    renamed.crm_id = "SC-0042".into();
    store.update_account(org, northwind.id, northwind.version, &renamed.validate().unwrap(), ann.id).await.unwrap();
    assert_eq!(found("freight").await, ["Northwind Freight"]);
    assert_eq!(found("traders").await, Vec::<String>::new());
    assert_eq!(found("süd").await, ["Northwind Freight"]);
    // The search is scoped to the organisation.
    let other = store.ensure_org("Globex").await.unwrap().id;
    let f = AccountFilter { search: Some("northwind".into()), limit: 10, ..Default::default() };
    assert_eq!(store.list_accounts_counted(other, &f).await.unwrap().1, 0);
}

async fn the_change_mark_comes_with_the_session(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let ann = kam(store, org, "Ann Archer").await;
    let expires = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    store.create_session(ann.id, "ann-session", "csrf", expires).await.unwrap();
    let with_session = || async { store.session_user("ann-session").await.unwrap().expect("session").change_mark() };
    assert_eq!(with_session().await, Some(store.change_mark(org).await.unwrap()));
    // A bulk write, then the purge that keeps one row per organisation (and, on
    // PostgreSQL, vacuums the many it deleted): the mark reads the same after it.
    let before = store.change_mark(org).await.unwrap();
    for i in 0..1100 {
        store.create_account(org, &input(&format!("Bulk {i:04}"), "", "", "", "").validate().unwrap(), ann.id).await.unwrap();
    }
    let written = store.change_mark(org).await.unwrap();
    assert_ne!(written, before, "a write moves the mark");
    assert!(store.purge_changes().await.unwrap() >= 1000);
    assert_eq!(with_session().await, Some(store.change_mark(org).await.unwrap()));
    let after = store.change_mark(org).await.unwrap();
    store.create_account(org, &input("One more", "", "", "", "").validate().unwrap(), ann.id).await.unwrap();
    assert_ne!(store.change_mark(org).await.unwrap(), after, "a write after the purge moves it again");
    assert_eq!(with_session().await, Some(store.change_mark(org).await.unwrap()));
}
