//! What compressing answers costs and saves (`cargo bench -p keyplan-web --bench compression`).
//!
//! Serves pages and API answers of the demo organisation through the real
//! router, once without `Accept-Encoding` and once with gzip,
//! and reports per request the median time (which includes compressing) and
//! the bytes sent.

#[path = "fixture.rs"]
mod fixture;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use tower::ServiceExt;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        let f = fixture::Fixture::demo().await;
        for (path, label) in [
            ("/plans/1", "demo one-page plan page"),
            ("/plans/4", "strategic plan page"),
            ("/api/v1/plans/4", "whole plan JSON (API)"),
            ("/accounts", "accounts list"),
            ("/portfolio", "portfolio"),
        ] {
            let mut line = format!("{label:<28}");
            for encoding in ["identity", "gzip"] {
                let (median, bytes) = measure(&f, path, encoding).await;
                line.push_str(&format!("  {encoding:>8} {:>6.2} ms {:>7.1} kB", median.as_secs_f64() * 1000.0, bytes as f64 / 1024.0));
            }
            println!("{line}");
        }
        f.cleanup();
    });
}

async fn measure(f: &fixture::Fixture, path: &str, encoding: &str) -> (Duration, usize) {
    let runs = 200;
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for i in 0..runs + 20 {
        let req = Request::get(path).header("cookie", &f.cookie).header("accept-encoding", encoding).body(Body::empty()).expect("request");
        let t = Instant::now();
        let res = f.router.clone().oneshot(req).await.expect("response");
        let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("body");
        if i >= 20 {
            times.push(t.elapsed());
        }
        bytes = body.len();
    }
    times.sort();
    (times[runs / 2], bytes)
}
