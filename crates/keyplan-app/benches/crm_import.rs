//! The CRM import at scale (issue 16, not a timed test): generates a
//! Salesforce-style export of 1,000 accounts and 100,000 contacts (reporting
//! lines in any row order, every tenth contact without one), imports both
//! into a fresh SQLite database, imports the contacts again (nothing to
//! change), and reports the time of each step and the process's peak memory.
//!
//! `cargo bench -p keyplan-app --bench crm_import` (optimised build);
//! `CRM_BENCH_ROWS=20000` for a smaller file.

use std::sync::Arc;
use std::time::Instant;

use keyplan_app::Auth;
use keyplan_app::auth::Via;
use keyplan_app::crm_import::{self, ImportRequest};
use keyplan_domain::Role;
use keyplan_store::{NewUser, SessionUser, Store};

/// The process's peak resident memory so far, in MB (Linux; 0 elsewhere).
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1024.0
}

fn accounts_file(n: usize) -> Vec<u8> {
    let mut out = String::from("\"Id\",\"Name\",\"Industry\",\"BillingCountry\",\"AnnualRevenue\"\r\n");
    for i in 0..n {
        out.push_str(&format!("\"001BENCH{i:07}\",\"Customer {i:04} GmbH\",\"Machinery\",\"Germany\",\"{}\"\r\n", 1_000_000 + i));
    }
    out.into_bytes()
}

fn contacts_file(rows: usize, accounts: usize) -> Vec<u8> {
    let mut out = String::from("\"Id\",\"FirstName\",\"LastName\",\"Title\",\"Email\",\"Phone\",\"AccountId\",\"ReportsToId\"\r\n");
    for i in 0..rows {
        let account = i % accounts;
        // The boss is a later row of the same account (any order), except for every tenth contact.
        let boss = if i % 10 == 0 || i + accounts >= rows { String::new() } else { format!("003BENCH{:07}", i + accounts) };
        out.push_str(&format!(
            "\"003BENCH{i:07}\",\"Jürgen\",\"Müller {i}\",\"Head of Procurement\",\"person{i}@example.com\",\"+49 89 {i:07}\",\"001BENCH{account:07}\",\"{boss}\"\r\n"
        ));
    }
    out.into_bytes()
}

fn main() {
    let rows: usize = std::env::var("CRM_BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async move {
        let path = std::env::temp_dir().join(format!("kp-crm-bench-{}.db", std::process::id()));
        let store = Store::connect(&format!("sqlite://{}", path.display())).await.expect("open");
        store.migrate().await.expect("migrate");
        let org = store.ensure_org("Bench").await.expect("org");
        let user = store
            .create_user(org.id, NewUser { email: "bench@example.com", name: "Bench", role: Role::Admin, password_hash: "x" })
            .await
            .expect("user");
        let auth = Auth { user: Arc::new(SessionUser::acting(user, "Bench")), via: Via::Token };
        let accounts = accounts_file(1_000);
        let contacts = contacts_file(rows, 1_000);
        println!("contacts file: {rows} rows, {:.1} MB; peak memory before importing: {:.0} MB", contacts.len() as f64 / 1e6, peak_mb());
        let req = ImportRequest::default();
        let step = |name: &str, started: Instant, r: &crm_import::Report| {
            println!(
                "{name}: {:.2} s, created {}, updated {}, unchanged {}, errors {}, warnings {}; peak memory {:.0} MB",
                started.elapsed().as_secs_f64(),
                r.created,
                r.updated,
                r.unchanged,
                r.errors.len(),
                r.warnings.len(),
                peak_mb()
            );
        };
        let t = Instant::now();
        let r = crm_import::import(&store, &auth, &accounts, &req).await.expect("accounts");
        step("1,000 accounts", t, &r);
        let t = Instant::now();
        let r = crm_import::import(&store, &auth, &contacts, &req).await.expect("contacts");
        step("contacts, first import", t, &r);
        let t = Instant::now();
        let r = crm_import::import(&store, &auth, &contacts, &req).await.expect("contacts again");
        step("contacts, same file again", t, &r);
        store.close().await;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    });
}
