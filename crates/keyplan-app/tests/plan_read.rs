//! The plan's one-statement read (issue 18) answers exactly what the
//! one-table reads answer, on both databases: every demo plan (one-page and
//! strategic, with KPIs, reviews, opportunities, a whitespace matrix and a
//! limit exception) is read both ways and compared field by field, after
//! texts that JSON must escape were written into it.
//!
//! Runs once on a fresh SQLite file and once on a fresh PostgreSQL database
//! (`KEYPLAN_TEST_PG`; see the store suite's `common`).

#[path = "../../keyplan-store/tests/common/mod.rs"]
#[macro_use]
#[allow(dead_code)]
mod common;

use common::assert_same;
use keyplan_domain::analysis::SectionText;
use keyplan_domain::{PlanId, Role};
use keyplan_store::{PlanLimitNote, Store, StoreError};

on_both_databases! {
    the_plan_read_answers_what_each_table_answers => sqlite_the_plan_read_answers_what_each_table_answers, postgres_the_plan_read_answers_what_each_table_answers;
}

/// Texts JSON must escape, and numbers and dates at their edges.
const TRICKY: &str = "Quotes \"here\", a back\\slash, a tab\tand\nline breaks; Grüße, ß, 日本, 🚀 and <b>tags</b> & 'apostrophes'";

async fn the_plan_read_answers_what_each_table_answers(store: &Store) {
    keyplan_app::demo::load(store, keyplan_app::today()).await.expect("demo data");
    let mut compared = 0;
    // What the compared plans covered: actuals, reviews, matrix cells, items and
    // links, opportunities, an exception, the escaped section text.
    let mut seen = [false; 7];
    for id in 1.. {
        let plan = PlanId::new(id);
        let org = match store.plan_org(plan).await {
            Ok(org) => org,
            Err(StoreError::NotFound) => break,
            Err(e) => panic!("plan {id}: {e}"),
        };
        let p = store.plan(org, plan).await.unwrap();
        // The first plan with section texts gets one JSON must escape.
        let written = match store.plan_sections(org, plan).await.unwrap().first() {
            Some(s) if !seen[6] => {
                let author = store.list_users(org).await.unwrap().into_iter().find(|u| u.role == Role::Kam).unwrap();
                let text = SectionText { body: Some(TRICKY.into()), so_what: Some(format!("{TRICKY}\r\n")) };
                store.save_section(org, plan, &s.section_key, s.version, &text, author.id).await.unwrap();
                seen[6] = true;
                Some(s.section_key.clone())
            }
            _ => None,
        };
        let r = store.plan_reads(org, plan).await.unwrap_or_else(|e| panic!("plan {id}: {e}"));
        assert_same(&r.plan, &p);
        // The latest exception allowed for the plan, as its note.
        let latest = store.plan_limit_exceptions(org, plan).await.unwrap().into_iter().max_by_key(|e| e.id);
        let note = latest.map(|e| PlanLimitNote {
            limits: e.limits,
            reason: e.reason,
            allowed_by_name: e.allowed_by_name,
            allowed_at: e.allowed_at,
        });
        assert_same(&r.limit_exception, &note);
        assert_same(&r.account, &store.account(org, p.account_id).await.unwrap());
        assert_same(&r.team, &store.team(org, p.account_id).await.unwrap());
        assert_same(&r.contacts, &store.contacts(org, p.account_id).await.unwrap());
        assert_same(&r.sections, &store.plan_sections(org, plan).await.unwrap());
        assert_same(&r.items, &store.items(org, plan).await.unwrap());
        assert_same(&r.links, &store.goal_links(org, plan).await.unwrap());
        assert_same(&r.kpis, &store.kpis(org, plan).await.unwrap());
        assert_same(&r.kpi_actuals, &store.kpi_actuals(org, plan).await.unwrap());
        assert_same(&r.reviews, &store.reviews(org, plan).await.unwrap());
        assert_same(&r.opportunities, &store.plan_opportunities(org, plan).await.unwrap());
        assert_same(&r.schedule, &store.review_schedule(org, plan).await.unwrap());
        assert_same(&r.whitespace, &store.whitespace(org, p.account_id).await.unwrap());
        let version = match p.template_version_id {
            Some(v) => Some(store.template_version(org, v).await.unwrap()),
            None => None,
        };
        assert_same(&r.template_version, &version);
        assert_same(&r.settings, &store.org_settings(org).await.unwrap());
        assert_same(&r.users, &store.list_users(org).await.unwrap());
        if let Some(key) = written {
            let tricky = r.sections.iter().find(|s| s.section_key == key).expect("the written section");
            assert_eq!(tricky.body.as_deref(), Some(TRICKY));
        }
        for (i, covered) in [
            !r.kpi_actuals.is_empty(),
            !r.reviews.is_empty(),
            !r.whitespace.cells.is_empty(),
            !r.items.is_empty() && !r.links.is_empty(),
            !r.opportunities.is_empty(),
            r.limit_exception.is_some(),
        ]
        .into_iter()
        .enumerate()
        {
            seen[i] |= covered;
        }
        compared += 1;
    }
    assert!(compared >= 4, "the demo has plans to compare ({compared})");
    assert_eq!(seen, [true; 7], "the demo covers every part");
    // Another organisation's plan is not found: the read is scoped like every other.
    let other = store.ensure_org("Someone Else GmbH").await.unwrap().id;
    assert!(matches!(store.plan_reads(other, PlanId::new(1)).await, Err(StoreError::NotFound)));
}
