//! The CRM import's write transaction on both databases: inserts and updates
//! of accounts, contacts and opportunities inside one transaction, undone by a
//! rollback and kept by a commit; updates bump versions; a deal moved to
//! another account loses the old account's goal link; CRM keys (a Salesforce
//! 15-character id finds its 18-character form) and every lookup stay inside
//! the organisation.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::contact::ContactInput;
use keyplan_domain::opportunity::{OppStatus, OpportunityInput};
use keyplan_domain::tree::NodeKind;
use keyplan_store::{NodeWrite, Store};

on_both_databases! {
    writes_are_undone_by_rollback_and_kept_by_commit => sqlite_writes_are_undone_by_rollback_and_kept_by_commit, postgres_writes_are_undone_by_rollback_and_kept_by_commit;
    updates_bump_versions_and_moves_clear_links => sqlite_updates_bump_versions_and_moves_clear_links, postgres_updates_bump_versions_and_moves_clear_links;
    lookups_stay_inside_the_organisation => sqlite_lookups_stay_inside_the_organisation, postgres_lookups_stay_inside_the_organisation;
}

fn account_data(name: &str, crm_id: &str, owner: keyplan_domain::UserId) -> keyplan_domain::account::AccountData {
    AccountInput { name: name.into(), crm_id: crm_id.into(), owner_id: owner.to_string(), ..Default::default() }.validate().unwrap()
}

fn deal(name: &str, crm_id: &str) -> keyplan_domain::opportunity::OpportunityData {
    OpportunityInput { name: name.into(), crm_id: crm_id.into(), amount: "125000".into(), ..Default::default() }.validate("EUR").unwrap()
}

async fn writes_are_undone_by_rollback_and_kept_by_commit(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let ann = kam(store, org, "Ann Archer").await;

    let mut tx = store.crm_begin().await.unwrap();
    let acct = tx.insert_account(org, &account_data("Müller Maschinenbau GmbH", "001Dn00000Kq7aBIAR", ann.id), ann.id).await.unwrap();
    let contact = ContactInput { name: "Jürgen Müller".into(), ..Default::default() }.validate().unwrap();
    tx.insert_contact(org, acct, &contact, ann.id).await.unwrap();
    tx.insert_opportunity(org, acct, &deal("Press line retrofit", "006Dn00000Op1Aa"), ann.id).await.unwrap();
    // Inside the transaction the writes are visible to its own lookups.
    assert_eq!(tx.account_refs(org).await.unwrap().len(), 1);
    let key = keyplan_domain::crm::CrmId::new("006Dn00000Op1Aa").unwrap().key().to_string();
    assert!(tx.opportunity_by_key(org, &key).await.unwrap().is_some());
    tx.rollback().await.unwrap();
    assert!(store.list_accounts(org, &Default::default()).await.unwrap().is_empty(), "a rollback leaves nothing");

    let mut tx = store.crm_begin().await.unwrap();
    let acct = tx.insert_account(org, &account_data("Müller Maschinenbau GmbH", "001Dn00000Kq7aBIAR", ann.id), ann.id).await.unwrap();
    tx.insert_contact(org, acct, &contact, ann.id).await.unwrap();
    let d = tx.insert_opportunity(org, acct, &deal("Press line retrofit", "006Dn00000Op1Aa"), ann.id).await.unwrap();
    tx.commit().await.unwrap();
    let stored = store.account(org, acct).await.unwrap();
    assert_eq!((stored.name.as_str(), stored.owner_id, stored.version), ("Müller Maschinenbau GmbH", Some(ann.id), 1));
    assert_eq!(store.contacts(org, acct).await.unwrap().len(), 1);
    let deals = store.opportunities(org, acct).await.unwrap();
    assert_eq!((deals.len(), deals[0].id, deals[0].amount, deals[0].status), (1, d.id, Some(125_000.0), OppStatus::Open));
    // The owner of an account created by an import joins its team.
    let team = store.team(org, acct).await.unwrap();
    assert!(team.iter().any(|m| m.user_id == ann.id), "{team:?}");
}

async fn updates_bump_versions_and_moves_clear_links(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap().id;
    let ann = kam(store, org, "Ann Archer").await;
    let mut tx = store.crm_begin().await.unwrap();
    let north = tx.insert_account(org, &account_data("Northwind", "001A", ann.id), ann.id).await.unwrap();
    let south = tx.insert_account(org, &account_data("Southwind", "001B", ann.id), ann.id).await.unwrap();
    tx.commit().await.unwrap();
    let plan = store.create_plan(org, north, &plan_input("FY27 Northwind"), "strategic", ann.id).await.unwrap().id;
    let w = NodeWrite { target: Some(2.0), baseline: Some(1.0), unit: Some("m€".into()), ..NodeWrite::titled("Grow to 2m") };
    let goal = store.create_node(org, plan, NodeKind::Goal, None, &w, ann.id).await.unwrap().id;
    let linked = keyplan_domain::opportunity::OpportunityData { goal_id: Some(goal), ..deal("Retrofit", "9001") };
    let created = store.create_opportunity(org, north, &linked, ann.id).await.unwrap();

    let mut tx = store.crm_begin().await.unwrap();
    let mut renamed = account_data("Northwind Holding", "001A", ann.id);
    renamed.annual_revenue = Some(4_250_000.5);
    tx.update_account(org, north, &renamed, ann.id).await.unwrap();
    let same_account = keyplan_domain::opportunity::OpportunityData { amount: Some(130_000.0), ..linked.clone() };
    let kept = tx.update_opportunity(org, created.id, None, &same_account, ann.id).await.unwrap();
    assert_eq!((kept.version, kept.goal_id, kept.amount), (2, Some(goal), Some(130_000.0)));
    let moved_data = keyplan_domain::opportunity::OpportunityData { goal_id: None, ..same_account };
    let moved = tx.update_opportunity(org, created.id, Some(south), &moved_data, ann.id).await.unwrap();
    assert_eq!((moved.account_id, moved.goal_id, moved.version), (south, None, 3));
    tx.commit().await.unwrap();
    let a = store.account(org, north).await.unwrap();
    assert_eq!((a.name.as_str(), a.version, a.annual_revenue), ("Northwind Holding", 2, Some(4_250_000.5)));
    assert!(store.opportunities(org, north).await.unwrap().is_empty());
}

async fn lookups_stay_inside_the_organisation(store: &Store) {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, acme, "Ann Archer").await;
    let zed = kam(store, globex, "Zed Zorn").await;
    // The same CRM ids in both organisations.
    let mut tx = store.crm_begin().await.unwrap();
    let theirs = tx.insert_account(globex, &account_data("Initech", "001Dn00000Kq7aBIAR", zed.id), zed.id).await.unwrap();
    let contact = ContactInput { name: "Dana Ruiz".into(), crm_id: "003-77".into(), ..Default::default() }.validate().unwrap();
    tx.insert_contact(globex, theirs, &contact, zed.id).await.unwrap();
    // Stored with the 18-character form of the id.
    let long = keyplan_domain::crm::CrmId::new("006Dn00000Op1Aa").unwrap().key().to_string();
    assert_eq!(long.len(), 18);
    tx.insert_opportunity(globex, theirs, &deal("Pilot", &long), zed.id).await.unwrap();
    let ours = tx.insert_account(acme, &account_data("Initech", "001Dn00000Kq7aBIAR", ann.id), ann.id).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.crm_begin().await.unwrap();
    let refs = tx.account_refs(acme).await.unwrap();
    assert_eq!(refs.iter().map(|r| r.id).collect::<Vec<_>>(), [ours]);
    assert!(tx.contact_refs(acme).await.unwrap().is_empty(), "Globex's contact is not Acme's");
    // The 15-character id keys as the 18-character one, but only Globex has the deal.
    let key = keyplan_domain::crm::CrmId::new("006Dn00000Op1Aa").unwrap().key().to_string();
    assert!(tx.opportunity_by_key(acme, &key).await.unwrap().is_none());
    assert!(tx.opportunity_by_key(globex, &key).await.unwrap().is_some());
    assert!(tx.opportunity_without_id(acme, theirs, "Pilot").await.unwrap().is_none());
    // Writing into another organisation's account is refused.
    assert!(tx.insert_opportunity(acme, theirs, &deal("Stolen", ""), ann.id).await.is_err());
    assert!(tx.update_account(acme, theirs, &account_data("Stolen", "", ann.id), ann.id).await.is_err());
    tx.rollback().await.unwrap();
    assert_eq!(store.account(globex, theirs).await.unwrap().name, "Initech");
}
