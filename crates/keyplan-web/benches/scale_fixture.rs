//! Grows the demo organisation to many accounts, contacts and plans with bulk
//! inserts in one transaction (through a second connection), for the scale
//! benchmark and the statement-count test of the accounts list.
#![allow(dead_code)]

use keyplan_domain::plan::PlanInput;
use keyplan_domain::{AccountId, PlanId};

use keyplan_store::Store;

/// What a grown organisation offers the measurements.
pub struct Grown {
    /// A grown account with a parent, five contacts and (maybe) a plan.
    pub account: AccountId,
    /// A plan of a grown account.
    pub plan: Option<PlanId>,
}

const INDUSTRIES: &[&str] = &["Automotive", "Chemicals", "Retail", "Logistics", "Energy", "Machinery", "Food", "Pharma"];
const REGIONS: &[&str] = &["DACH", "Nordics", "Benelux", "Iberia", "UK", "France", "Italy", "Poland"];
const ROLES: &[&str] = &["decision_maker", "economic_buyer", "user", "technical", "influencer", "gatekeeper", "coach"];

/// Rows per INSERT (SQLite allows 32,766 parameters per statement).
const BATCH: usize = 500;

macro_rules! load {
    ($pool:expr, $db:ty, $ts:expr, $org:expr, $owners:expr, $accounts:expr, $contacts:expr) => {{
        let mut tx = $pool.begin().await.expect("begin");
        let (org, owners, accounts, contacts) = ($org, $owners, $accounts, $contacts);
        for start in (0..accounts).step_by(BATCH) {
            let mut qb = sqlx::QueryBuilder::<$db>::new(
                "INSERT INTO accounts (org_id, name, industry, region, crm_id, current_revenue, total_spend, potential, growth_trend, \
                 owner_id, created_at, updated_at) ",
            );
            qb.push_values(start..(start + BATCH).min(accounts), |mut b, i| {
                let revenue = (i * 7919 % 900 + 100) as f64 * 1000.0;
                let spend = if i % 10 == 3 { None } else { Some(revenue * (2.0 + (i % 7) as f64)) };
                b.push_bind(org)
                    .push_bind(format!("Scale {} {:05}", INDUSTRIES[i % INDUSTRIES.len()], i))
                    .push_bind(INDUSTRIES[i % INDUSTRIES.len()])
                    .push_bind(REGIONS[i / 3 % REGIONS.len()])
                    .push_bind(format!("SC-{:06}", i))
                    .push_bind(if i % 17 == 5 { None } else { Some(revenue) })
                    .push_bind(spend)
                    .push_bind(if i % 13 == 7 { None } else { Some(revenue * 3.5) })
                    .push_bind(["growing", "stable", "declining"][i % 3])
                    .push_bind(owners[i % owners.len()])
                    .push_bind($ts)
                    .push_bind($ts);
            });
            qb.build().execute(&mut *tx).await.expect("insert accounts");
        }
        let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM accounts WHERE org_id = $1 AND crm_id LIKE 'SC-%' ORDER BY id")
            .bind(org)
            .fetch_all(&mut *tx)
            .await
            .expect("ids");
        // Every tenth grown account belongs to the one before it.
        for pair in ids.chunks(10) {
            if pair.len() > 1 {
                sqlx::query("UPDATE accounts SET parent_id = $1 WHERE org_id = $2 AND id = $3")
                    .bind(pair[0].0)
                    .bind(org)
                    .bind(pair[1].0)
                    .execute(&mut *tx)
                    .await
                    .expect("parent");
            }
        }
        for start in (0..contacts).step_by(BATCH) {
            let mut qb = sqlx::QueryBuilder::<$db>::new(
                "INSERT INTO contacts (org_id, account_id, name, title, buying_role, influence, attitude, relationship_owner_id, email, \
                 created_at, updated_at) ",
            );
            qb.push_values(start..(start + BATCH).min(contacts), |mut b, i| {
                b.push_bind(org)
                    .push_bind(ids[i % ids.len()].0)
                    .push_bind(format!("Contact {:06}", i))
                    .push_bind("Head of Purchasing")
                    .push_bind(ROLES[i % ROLES.len()])
                    .push_bind((i % 5 + 1) as i16)
                    .push_bind(["supporter", "neutral", "sceptic", "opponent"][i % 4])
                    .push_bind(owners[i % owners.len()])
                    .push_bind(format!("contact{i}@customer.example"))
                    .push_bind($ts)
                    .push_bind($ts);
            });
            qb.build().execute(&mut *tx).await.expect("insert contacts");
        }
        tx.commit().await.expect("commit");
        ids.into_iter().map(|r| AccountId::new(r.0)).collect::<Vec<_>>()
    }};
}

/// Adds `accounts` accounts (every tenth the parent of the next), `contacts`
/// contacts spread over them and plans until the organisation has `plans`.
pub async fn grow(store: &Store, url: &str, accounts: usize, contacts: usize, plans: usize) -> Grown {
    let kam = store.user_by_email(keyplan_app::demo::DEMO_SIGN_INS[0].0).await.expect("lookup").expect("demo KAM");
    let org = kam.org_id;
    let owners: Vec<i64> = store.list_users(org).await.expect("users").iter().map(|u| u.id.get()).collect();
    let ids = if url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(url).await.expect("connect");
        let ts = time::OffsetDateTime::now_utc();
        let ids = load!(pool, sqlx::Postgres, ts, org.get(), &owners, accounts, contacts);
        pool.close().await;
        ids
    } else {
        let pool = sqlx::SqlitePool::connect(url).await.expect("connect");
        let ts = "2026-01-05T09:30:00.000000Z";
        let ids = load!(pool, sqlx::Sqlite, ts, org.get(), &owners, accounts, contacts);
        pool.close().await;
        ids
    };
    let existing = store.open_plans(org).await.expect("plans").len();
    let today = time::OffsetDateTime::now_utc().date();
    let mut plan = None;
    for i in 0..plans.saturating_sub(existing).min(ids.len()) {
        let status = ["active", "draft", "in_review", "approved"][i % 4];
        let input = PlanInput { title: format!("Account plan {i}"), status: status.into(), ..Default::default() };
        let data = input.validate(today).expect("plan input");
        let account = ids[(i * 31 + 1) % ids.len()];
        let p = store.create_plan(org, account, &data, keyplan_domain::plan::TEMPLATE_ONE_PAGE, kam.id).await.expect("plan");
        plan.get_or_insert(p.id);
    }
    Grown { account: ids.get(1).copied().unwrap_or(ids[0]), plan }
}
