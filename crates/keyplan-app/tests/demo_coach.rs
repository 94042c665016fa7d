//! The demo organisation shows the plan coach at work (issue 12): seeded into
//! a fresh SQLite database and read by the real coach on the demo's own date,
//! its plans stand on different rungs of the excellence ladder (at least 2, 3
//! and 5) and one plan has blockers, warnings and hints together.

use std::collections::BTreeMap;

use keyplan_app::coach::{CoachReport, report_for};
use keyplan_domain::coach::Severity;
use keyplan_domain::{Lang, PlanId};
use keyplan_store::{Store, StoreError};
use time::Date;
use time::macros::date;

/// Every demo plan's coach report, by plan id, with the demo seeded on `today`.
async fn demo_reports(today: Date) -> BTreeMap<i64, CoachReport> {
    let store = Store::connect("sqlite::memory:").await.expect("open");
    store.migrate().await.expect("migrate");
    keyplan_app::demo::load(&store, today).await.expect("demo data");
    let mut out = BTreeMap::new();
    for id in 1.. {
        let plan = PlanId::new(id);
        let org = match store.plan_org(plan).await {
            Ok(org) => org,
            Err(StoreError::NotFound) => break,
            Err(e) => panic!("plan {id}: {e}"),
        };
        let report = report_for(&store, org, plan, Lang::En, today).await.expect("coach report");
        // The account list shows every plan's mark from the start.
        let mark = store.plan_mark(org, plan).await.expect("read the mark");
        if today == keyplan_app::today() {
            assert_eq!(mark, Some(report.plan_mark()), "plan {id}: the demo keeps the coach's mark");
        }
        out.insert(id, report);
    }
    store.close().await;
    out
}

fn summary(reports: &BTreeMap<i64, CoachReport>) -> String {
    let line = |(id, r): (&i64, &CoachReport)| {
        let count = |s: Severity| r.assessment.findings.iter().filter(|f| f.severity == s).count();
        let (b, w, h) = (count(Severity::Blocker), count(Severity::Warning), count(Severity::Hint));
        format!("plan {id}: level {}, {b} blockers, {w} warnings, {h} hints", r.ladder.level)
    };
    reports.iter().map(line).collect::<Vec<_>>().join("\n")
}

fn assert_coach_at_work(today: Date, reports: &BTreeMap<i64, CoachReport>) {
    let all = summary(reports);
    assert!(reports.len() >= 6, "on {today}: the demo's plans\n{all}");
    for level in [2, 3, 5] {
        assert!(reports.values().any(|r| r.ladder.level == level), "on {today}: no demo plan on level {level}\n{all}");
    }
    let mixed = reports.values().any(|r| Severity::ALL.iter().all(|s| r.assessment.findings.iter().any(|f| f.severity == *s)));
    assert!(mixed, "on {today}: no demo plan has blockers, warnings and hints together\n{all}");
    // The plan at the top is one to learn from: nothing blocks it, and nothing is left to climb.
    for r in reports.values().filter(|r| r.ladder.level == 5) {
        assert!(!r.has_blocker() && r.ladder.next.is_none(), "on {today}: the level-5 plan\n{all}");
    }
}

#[tokio::test]
async fn the_demo_shows_the_coach_at_work_today() {
    let today = keyplan_app::today();
    let reports = demo_reports(today).await;
    assert_coach_at_work(today, &reports);
}

/// Dates in the demo are relative to the day it is seeded: the rungs hold at
/// the end of a month, on a leap day and at the turn of the year as well.
#[tokio::test]
async fn the_rungs_hold_on_awkward_dates() {
    for today in [date!(2028 - 02 - 29), date!(2027 - 08 - 31), date!(2027 - 01 - 01)] {
        let reports = demo_reports(today).await;
        assert_coach_at_work(today, &reports);
    }
}
