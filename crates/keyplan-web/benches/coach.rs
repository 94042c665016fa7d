//! Time of the plan coach on a page view (`cargo bench -p keyplan-web --bench coach`):
//! the coach over a loaded bundle (no statements) for the demo's strategic plan
//! and for that plan grown to about 300 nodes, the coach over a generated plan
//! document of 300 nodes and 100 items, and the plan page's length measure
//! (every section's size, emptiness and the page count), once per bundle as
//! the page now does it and per section as it did before. Medians.

// Only the store and the growing of a plan: no request is served here.
#[path = "fixture.rs"]
mod fixture;

use std::hint::black_box;
use std::time::{Duration, Instant};

use keyplan_app::bundle::{PlanBundle, plan_bundle_for};
use keyplan_app::coach::{PlanEvidence, coach_of_bundle, gather_evidence, lint_document};
use keyplan_domain::coach::{CoachSettings, large_plan_document};
use keyplan_domain::{Lang, PlanId};

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..runs / 10 {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn line(label: &str, d: Duration) {
    println!("{label:<62} median {:>8.1} µs", d.as_secs_f64() * 1e6);
}

async fn loaded(f: &fixture::Fixture, plan: PlanId) -> (PlanBundle, CoachSettings, PlanEvidence) {
    let org = f.store.plan_org(plan).await.expect("plan");
    let today = keyplan_app::today();
    let b = plan_bundle_for(&f.store, org, None, plan, Lang::En).await.expect("bundle");
    let settings = f.store.coach_settings(org).await.expect("settings");
    let evidence = gather_evidence(&f.store, org, &b, today).await.expect("evidence");
    (b, settings, evidence)
}

fn time_bundle(label: &str, (b, settings, evidence): &(PlanBundle, CoachSettings, PlanEvidence)) {
    let today = keyplan_app::today();
    let nodes = b.all_nodes().len();
    let report = coach_of_bundle(b, settings, evidence, today);
    let findings = report.assessment.findings.len();
    line(
        &format!("coach, {label} ({nodes} nodes, {} items, {findings} findings)", b.items.len()),
        median(400, || {
            black_box(coach_of_bundle(b, settings, evidence, today));
        }),
    );
    line(
        &format!("length measure once per bundle, {label}"),
        median(400, || {
            black_box(b.lengths());
        }),
    );
    line(
        &format!("length measure per section (before), {label}"),
        median(100, || {
            for s in &b.doc.sections {
                black_box(b.section_size(s));
                black_box(b.section_is_empty(s));
            }
            black_box(b.over_budget());
            black_box(b.page_report());
        }),
    );
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        let f = fixture::Fixture::demo().await;
        let strategic = PlanId::new(4);
        time_bundle("demo strategic plan", &loaded(&f, strategic).await);
        f.grow(strategic, 15).await;
        time_bundle("strategic plan grown by 285 nodes", &loaded(&f, strategic).await);
        f.cleanup();
    });
    let today = keyplan_app::today();
    let doc = large_plan_document(today);
    let report = lint_document(&doc, today);
    line(
        &format!("coach, plan document of 300 nodes and 100 items ({} findings)", report.assessment.findings.len()),
        median(400, || {
            black_box(lint_document(&doc, today));
        }),
    );
}
