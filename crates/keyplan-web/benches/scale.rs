//! Pages and API answers at scale: the demo organisation grown to 10,000
//! accounts, 50,000 contacts and 300 plans, on SQLite and (with
//! `KEYPLAN_TEST_PG=postgres://…`) on a fresh PostgreSQL database. Prints the
//! median and p99 time to answer, the statements per request and the body size
//! of each, and an OVER BUDGET line for anything above 150 KB.
//!
//! Then sixteen requests at once: the accounts list and the portfolio asked by
//! 16 concurrent clients, 10 requests each, with the median and p99 each client
//! waited.
//!
//! Run: `cargo bench -p keyplan-web --bench scale` (`KEYPLAN_SCALE_RUNS=N` for
//! another number of timed requests, default 60; `KEYPLAN_SCALE_ONLY=text` to
//! time only the requests whose label contains it, for a profiler).

#[path = "fixture.rs"]
mod fixture;
#[path = "scale_fixture.rs"]
mod scale_fixture;

use std::time::{Duration, Instant};

use axum::http::StatusCode;

const ACCOUNTS: usize = 10_000;
const CONTACTS: usize = 50_000;
const PLANS: usize = 300;
const BUDGET_KB: f64 = 150.0;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        let runs = std::env::var("KEYPLAN_SCALE_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(60usize);
        let f = fixture::Fixture::demo().await;
        measure(&f, "SQLite", runs).await;
        f.cleanup_async().await;
        match std::env::var("KEYPLAN_TEST_PG") {
            Ok(url) if !url.trim().is_empty() => {
                let f = fixture::Fixture::demo_postgres(url.trim()).await;
                measure(&f, "PostgreSQL", runs).await;
                f.cleanup_async().await;
            }
            _ => println!("\nPostgreSQL: skipped (set KEYPLAN_TEST_PG=postgres://USER@HOST:PORT/DB)"),
        }
    });
}

async fn measure(f: &fixture::Fixture, db: &str, runs: usize) {
    let started = Instant::now();
    let grown = scale_fixture::grow(&f.store, &f.url, ACCOUNTS, CONTACTS, PLANS).await;
    // As the server's minutely purge leaves the change marks after the import.
    f.store.purge_changes().await.expect("purge the change marks' rows");
    // As a CRM import of this size leaves the planner's statistics (and as
    // PostgreSQL's autovacuum does within a minute of any bulk write).
    f.store.refresh_statistics().await.expect("refresh the planner's statistics");
    println!("\n{db}: {ACCOUNTS} accounts, {CONTACTS} contacts, {PLANS} plans loaded in {:.1} s", started.elapsed().as_secs_f64());
    let plan = grown.plan.map(|p| p.get()).unwrap_or(1);
    let account = format!("/accounts/{}", grown.account);
    let plan_path = format!("/plans/{plan}");
    let paths: Vec<(&str, String)> = vec![
        ("accounts, first page", "/accounts".into()),
        ("accounts, by share of wallet, page 3", "/accounts?sort=share&dir=desc&page=3".into()),
        ("accounts, by plan state", "/accounts?sort=plan_state".into()),
        ("accounts, search", "/accounts?q=logistics%2000".into()),
        ("API accounts, first page", "/api/v1/accounts".into()),
        ("API accounts, 200 by potential", "/api/v1/accounts?sort=potential&dir=desc&per_page=200".into()),
        ("API accounts, search", "/api/v1/accounts?q=sc-0042&per_page=10".into()),
        ("account page", account),
        ("plan page", plan_path),
        ("my commitments", "/me/commitments".into()),
        ("portfolio", "/portfolio".into()),
        ("portfolio, by revenue, page 5", "/portfolio?sort=revenue&dir=desc&page=5".into()),
        ("portfolio, one region", "/portfolio?region=DACH".into()),
        ("portfolio picture (SVG)", "/portfolio.svg".into()),
        ("API portfolio", "/api/v1/portfolio".into()),
        ("API portfolio, 1,000 by growth", "/api/v1/portfolio?sort=growth&per_page=1000".into()),
        ("cockpit", "/cockpit".into()),
        ("API cockpit", "/api/v1/cockpit".into()),
    ];
    println!("{:<38} {:>9} {:>9} {:>6} {:>9}", "request", "median", "p99", "stmts", "KB");
    let mut over = Vec::new();
    let only = std::env::var("KEYPLAN_SCALE_ONLY").unwrap_or_default();
    for (label, path) in paths.iter().filter(|(label, _)| label.contains(only.as_str())) {
        let (status, _) = f.get(path).await;
        if status == StatusCode::NOT_FOUND {
            println!("{label:<38} not present ({path})");
            continue;
        }
        assert_eq!(status, StatusCode::OK, "{path}");
        for _ in 0..3 {
            f.get(path).await;
        }
        let mut times = Vec::with_capacity(runs);
        let mut statements = 0;
        let mut size = 0;
        for _ in 0..runs {
            let before = f.store.query_count();
            let t = Instant::now();
            let (_, len) = f.get(path).await;
            times.push(t.elapsed());
            statements = f.store.query_count() - before;
            size = len;
        }
        times.sort();
        let kb = size as f64 / 1024.0;
        println!(
            "{label:<38} {:>9} {:>9} {statements:>6} {kb:>9.1}   {path}",
            ms(times[runs / 2]),
            ms(times[(runs * 99).div_ceil(100) - 1])
        );
        // The budget is a page's: an API client that asks for 1,000 rows gets them.
        if kb > BUDGET_KB && !path.contains("per_page=1000") {
            over.push(format!("OVER BUDGET ({db}): {label} is {kb:.1} KB (budget {BUDGET_KB} KB)"));
        }
    }
    let concurrent = if only.is_empty() { &["/accounts", "/accounts?q=logistics%2000", "/portfolio", "/cockpit"][..] } else { &[][..] };
    for path in concurrent {
        let (median, p99) = at_once(f, path, 16, 10).await;
        println!("{:<38} {:>9} {:>9}   16 at once, {path}", "  16 connections", ms(median), ms(p99));
    }
    for line in &over {
        println!("{line}");
    }
    if over.is_empty() {
        println!("{db}: every page and answer is under {BUDGET_KB} KB");
    }
}

/// `clients` concurrent clients asking `path` `each` times: the median and p99 wait.
async fn at_once(f: &fixture::Fixture, path: &str, clients: usize, each: usize) -> (Duration, Duration) {
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (router, cookie, path) = (f.router.clone(), f.cookie.clone(), path.to_string());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(each);
            for _ in 0..each {
                let t = Instant::now();
                let (status, _) = fixture::get_with(&router, &cookie, &path).await;
                assert_eq!(status, StatusCode::OK, "{path}");
                times.push(t.elapsed());
            }
            times
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("client"));
    }
    all.sort();
    (all[all.len() / 2], all[(all.len() * 99).div_ceil(100) - 1])
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
