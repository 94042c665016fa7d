//! Server-side time to render the plan page (`cargo bench -p keyplan-web`).
//!
//! Serves GET /plans/{id} through the real router (authentication, store,
//! template) against an embedded SQLite database with the demo organisation,
//! and reports the median and 95th percentile, and the statements per request.

#[path = "fixture.rs"]
mod fixture;

use std::time::{Duration, Instant};

use keyplan_domain::PlanId;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        let f = fixture::Fixture::demo().await;
        report(&f, "/plans/1", "demo plan page (18 nodes)").await;
        report(&f, "/accounts", "accounts list").await;
        report(&f, "/accounts/1", "account page (with buying-centre map)").await;
        report(&f, "/plans/4", "strategic plan page (14 sections)").await;
        report(&f, "/plans/4/story", "story view").await;
        report(&f, "/api/v1/plans/4", "whole plan JSON (API)").await;
        report(&f, "/accounts/1/whitespace", "whitespace matrix page").await;
        report(&f, "/me/commitments", "my commitments").await;
        f.grow(PlanId::new(1), 16).await;
        report(&f, "/plans/1", "large plan page (+16 factors, 192 more commitments)").await;
        f.cleanup();
    });
}

async fn report(f: &fixture::Fixture, path: &str, label: &str) {
    for _ in 0..30 {
        f.get(path).await;
    }
    let queries = f.queries_for(path).await;
    let runs = 300;
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let (_, n) = f.get(path).await;
        times.push(t.elapsed());
        bytes = n;
    }
    times.sort();
    let median = times[runs / 2];
    let p95 = times[runs * 95 / 100];
    println!(
        "{label:<55} median {:>7.3} ms   p95 {:>7.3} ms   {queries} statements   {} kB",
        median.as_secs_f64() * 1000.0,
        p95.as_secs_f64() * 1000.0,
        bytes / 1024
    );
}
