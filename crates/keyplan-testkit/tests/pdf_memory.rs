//! The memory of the largest plan the default limits allow, exported as PDF
//! (issue 14): 500 nodes and 500 items with every text at its longest, the
//! free-text sections full. A measurement, not part of the normal test run:
//! it reports the server's peak and resident memory around the export, and
//! fails only when the peak passes `KEYPLAN_PDF_PEAK_MIB` (default 300) or
//! the memory is not given back.
//!
//! Run against the release binary:
//! `cargo build --release -p keyplan-cli`, then
//! `KEYPLAN_BIN=<target>/release/keyplan cargo test -p keyplan-testkit --test pdf_memory -- --nocapture`.

use std::time::{Duration, Instant};

use keyplan_domain::Role;
use keyplan_store::{NewUser, Store};
use keyplan_testkit::process::{FreshDb, ServerProcess, memory};
use keyplan_testkit::{Api, PASSWORD};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Text of exactly `n` characters, words and spaces like a real paragraph.
fn text(n: usize, seed: usize) -> String {
    let words = ["Leipzig", "cold-chain", "tender", "Müller", "quality", "audit", "forecast", "service", "pricing", "rollout"];
    let mut s = String::new();
    let mut i = seed;
    while s.chars().count() < n {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i += 7;
    }
    s.chars().take(n).collect::<String>().trim_end().to_string() + "."
}

async fn made(api: &Api, path: &str, body: Value) -> i64 {
    let (s, v) = api.post(path, body).await;
    assert_eq!(s, StatusCode::CREATED, "{path}: {v}");
    v["id"].as_i64().expect("id")
}

/// 1 goal, 4 factors, 20 conditions, 80 obstacles, 395 commitments (500
/// nodes), 500 analysis items, the free-text sections at their longest.
async fn largest_plan(api: &Api, owner: i64) -> i64 {
    let account = api.account("Brightwater Foods International").await;
    let (s, plan) = api.post(&format!("/accounts/{account}/plans"), json!({"title": "Largest plan", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let plan = plan["id"].as_i64().unwrap();
    let nodes = format!("/plans/{plan}/nodes");
    let node = |kind: &str, parent: Option<i64>, i: usize| {
        let mut b = json!({"kind": kind, "title": text(199, i), "notes": text(3999, i)});
        if let Some(p) = parent {
            b["parent_id"] = json!(p);
        }
        if kind == "goal" {
            b.as_object_mut().unwrap().extend([
                ("metric".to_string(), json!("Revenue")),
                ("baseline".to_string(), json!(1_000_000)),
                ("target".to_string(), json!(2_000_000)),
                ("unit".to_string(), json!("EUR")),
            ]);
        }
        if kind == "commitment" {
            b["owner_id"] = json!(owner);
            b["due_date"] = json!("2027-03-31");
            b["done_criterion"] = json!(text(999, i));
        }
        b
    };
    let mut count = 0;
    let goal = made(api, &nodes, node("goal", None, 0)).await;
    count += 1;
    let mut obstacles = Vec::new();
    for f in 0..4 {
        let csf = made(api, &nodes, node("csf", Some(goal), f)).await;
        count += 1;
        for c in 0..5 {
            let cond = made(api, &nodes, node("condition", Some(csf), c)).await;
            count += 1;
            for o in 0..4 {
                obstacles.push(made(api, &nodes, node("obstacle", Some(cond), o)).await);
                count += 1;
            }
        }
    }
    let mut i = 0;
    while count < 500 {
        made(api, &nodes, node("commitment", Some(obstacles[i % obstacles.len()]), i)).await;
        count += 1;
        i += 1;
    }
    let sections = ["customer-profile", "customer-objectives", "market-competitors", "own-position"];
    for i in 0..500 {
        let body = json!({"section": sections[i % 4], "kind": "analysis", "category": "customer",
            "text": text(1999, i), "source": text(199, i), "item_date": "2026-11-30"});
        made(api, &format!("/plans/{plan}/items"), body).await;
    }
    for key in ["vision", "value-proposition", "financial-planning", "history"] {
        let (s, v) = api
            .call(
                reqwest::Method::PUT,
                &format!("/plans/{plan}/sections/{key}"),
                Some(json!({"version": 0, "body": text(19_999, 3), "so_what": text(1999, 5)})),
            )
            .await;
        assert!(s == StatusCode::OK || s == StatusCode::NOT_FOUND, "{key}: {s} {v}");
    }
    plan
}

#[tokio::test]
async fn the_largest_allowed_plan_exports_as_pdf_within_bounded_memory() {
    let db = FreshDb::sqlite();
    // The server migrates the database it is given.
    let server = ServerProcess::start(&db.url, &[]).await;
    let store = Store::connect(&db.url).await.expect("connect");
    let org = store.ensure_org("Acme").await.expect("organisation");
    let hash = keyplan_app::auth::hash_password(PASSWORD.into()).await.expect("hash");
    let kim = store
        .create_user(org.id, NewUser { email: "kim@acme.test", name: "Kim Kamara", role: Role::Kam, password_hash: &hash })
        .await
        .expect("user");
    let token = keyplan_app::auth::new_api_token();
    store.create_api_token(kim.id, "test", &keyplan_app::auth::token_hash(&token), None).await.expect("token");
    let api = Api { client: reqwest::Client::new(), token, base: server.base.clone() };
    let plan = largest_plan(&api, kim.id.get()).await;

    let before = server.memory();
    let pid = server.pid;
    let (stop_tx, mut stop_rx) = tokio::sync::oneshot::channel::<()>();
    let sampler = tokio::spawn(async move {
        let mut peak = 0;
        // Bounded: at most ten minutes of samples.
        for _ in 0..60_000 {
            peak = peak.max(memory(pid).rss);
            if stop_rx.try_recv().is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        peak
    });
    let started = Instant::now();
    let url = format!("{}/api/v1/plans/{plan}/export?format=pdf&audience=team&layout=compact", server.base);
    let res = api.client.get(url).bearer_auth(&api.token).send().await.expect("export");
    let status = res.status();
    let bytes = res.bytes().await.expect("body");
    let took = started.elapsed();
    let _ = stop_tx.send(());
    let peak = sampler.await.unwrap();
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&bytes[..bytes.len().min(500)]));
    assert!(bytes.starts_with(b"%PDF"));
    let pages = bytes.windows(b"/Type /Page\n".len()).filter(|w| *w == b"/Type /Page\n").count();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let after = server.memory();
    let mib = |k: u64| k / 1024;
    eprintln!(
        "largest plan as PDF: {} KiB{} in {:.1} s; server RSS before {} MiB, peak {} MiB (VmHWM {} MiB), 3 s after {} MiB (anon {} MiB)",
        bytes.len() / 1024,
        if pages > 0 { format!(", {pages} pages") } else { String::new() },
        took.as_secs_f64(),
        mib(before.rss),
        mib(peak),
        mib(after.hwm),
        mib(after.rss),
        mib(after.anon),
    );
    let limit: u64 = std::env::var("KEYPLAN_PDF_PEAK_MIB").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    assert!(mib(after.hwm) <= limit, "peak {} MiB over {limit} MiB", mib(after.hwm));
    assert!(
        mib(after.rss) <= mib(before.rss) + 64,
        "the memory is given back: {} MiB after, {} MiB before",
        mib(after.rss),
        mib(before.rss)
    );
}
