//! The KPI scorecard and the timeline end to end: KPIs and actuals through the
//! API (versions, field errors, permissions, organisation scoping), progress in
//! the full plan JSON, and the plan page's scorecard, forms and timeline picture.

use keyplan_domain::Role;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{NodeId, PlanId};
use keyplan_store::NodeWrite;
use keyplan_testkit::Api;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::helpers::{ORG, OTHER_ORG, assert_error, commitment, id, planned};

const PERIOD: &str = "2026-02-10";

async fn put_actual(api: &Api, kpi: i64, body: Value) -> (StatusCode, Value) {
    api.call(Method::PUT, &format!("/kpis/{kpi}/actuals"), Some(body)).await
}

fn kpi_body(goal: Option<i64>) -> Value {
    json!({"name": "Share of wallet", "unit": "%", "baseline": 10, "target": 30, "target_date": "2027-12-31", "period": "quarter", "goal_id": goal})
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn kpis_and_actuals_through_the_api() {
    let p = planned().await;
    let (api, plan, goal) = (&p.api, p.plan, p.tree[0]);
    let (s, k) = api.post(&format!("/plans/{plan}/kpis"), kpi_body(Some(goal))).await;
    assert_eq!(s, StatusCode::CREATED, "{k}");
    let kpi = id(&k);
    assert_eq!((k["goal_id"].as_i64(), k["period"].as_str(), k["version"].as_i64()), (Some(goal), Some("quarter"), Some(1)));
    assert_eq!((k["progress"].clone(), k["status"].as_str()), (Value::Null, Some("unknown")));

    // Field errors name the field.
    let (s, _) = api.post(&format!("/plans/{plan}/kpis"), json!({"name": "", "unit": "%"})).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_error(
        &api.post(&format!("/plans/{plan}/kpis"), json!({"name": "X", "baseline": "lots"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("baseline"),
    );
    assert_error(
        &api.post(&format!("/plans/{plan}/kpis"), json!({"name": "X", "period": "week"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("period"),
    );
    assert_error(
        &api.post(&format!("/plans/{plan}/kpis"), json!({"name": "X", "goal_id": p.tree[1]})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("goal_id"),
    );

    // Edits carry the version; a stale one is a conflict.
    let (s, k2) = api.patch(&format!("/kpis/{kpi}"), json!({"name": "Share of wallet (EU)", "version": 1})).await;
    assert_eq!(s, StatusCode::OK, "{k2}");
    assert_eq!((k2["name"].as_str(), k2["unit"].as_str(), k2["version"].as_i64()), (Some("Share of wallet (EU)"), Some("%"), Some(2)));
    assert_error(&api.patch(&format!("/kpis/{kpi}"), json!({"name": "Stale", "version": 1})).await, StatusCode::CONFLICT, "conflict", None);

    // Actuals: one per period, the date moved to the quarter's first day.
    let (s, a) = put_actual(api, kpi, json!({"period_start": PERIOD, "value": 15, "note": "QBR", "version": 0})).await;
    assert_eq!(s, StatusCode::OK, "{a}");
    assert_eq!((a["period_start"].as_str(), a["value"].as_f64(), a["version"].as_i64()), (Some("2026-01-01"), Some(15.0), Some(1)));
    assert_eq!(a["recorded_by"].as_i64(), Some(p.kam.id.get()));
    assert_error(
        &put_actual(api, kpi, json!({"period_start": "2026-03-31", "value": 16, "version": 0})).await,
        StatusCode::CONFLICT,
        "conflict",
        None,
    );
    let (s, a2) = put_actual(api, kpi, json!({"period_start": "2026-03-31", "value": 20, "version": 1})).await;
    assert_eq!((s, a2["id"].clone(), a2["version"].as_i64()), (StatusCode::OK, a["id"].clone(), Some(2)));
    assert_error(
        &put_actual(api, kpi, json!({"period_start": "soon", "value": "x"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("period_start"),
    );
    assert_error(&put_actual(api, kpi, json!({"period_start": PERIOD})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("value"));

    // Progress in the list and in the full plan: (20 - 10) / (30 - 10) = 50%.
    let (_, list) = api.get(&format!("/plans/{plan}/kpis")).await;
    assert_eq!(list[0]["progress"].as_f64(), Some(0.5), "{list}");
    let (_, full) = api.get(&format!("/plans/{plan}")).await;
    let fk = &full["kpis"][0];
    assert_eq!((fk["id"].as_i64(), fk["latest"].as_f64(), fk["progress"].as_f64()), (Some(kpi), Some(20.0), Some(0.5)), "{full}");
    assert_eq!(fk["actuals"].as_array().map(Vec::len), Some(1));
    assert!(["on_track", "behind", "ahead"].contains(&fk["status"].as_str().unwrap()), "{fk}");

    let actual = id(&a2);
    assert_eq!(api.delete(&format!("/kpi-actuals/{actual}")).await.0, StatusCode::NO_CONTENT);
    assert_eq!(api.delete(&format!("/kpi-actuals/{actual}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(api.delete(&format!("/kpis/{kpi}")).await.0, StatusCode::NO_CONTENT);
    assert_eq!(api.get(&format!("/plans/{plan}/kpis")).await.1, json!([]));
    assert_eq!(api.patch(&format!("/kpis/{kpi}"), json!({"name": "Gone", "version": 2})).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn other_orgs_see_nothing_and_viewers_change_nothing() {
    let p = planned().await;
    let (s, k) = p.api.post(&format!("/plans/{}/kpis", p.plan), kpi_body(None)).await;
    assert_eq!(s, StatusCode::CREATED);
    let kpi = id(&k);
    let (_, a) = put_actual(&p.api, kpi, json!({"period_start": PERIOD, "value": 12})).await;
    let actual = id(&a);

    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Admin", Role::Admin).await;
    let olga = p.app.api("olga@borealis.test").await;
    assert_eq!(olga.get(&format!("/plans/{}/kpis", p.plan)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(olga.post(&format!("/plans/{}/kpis", p.plan), kpi_body(None)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(olga.patch(&format!("/kpis/{kpi}"), json!({"name": "Mine", "version": 1})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(put_actual(&olga, kpi, json!({"period_start": PERIOD, "value": 1, "version": 1})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(olga.delete(&format!("/kpi-actuals/{actual}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(olga.delete(&format!("/kpis/{kpi}")).await.0, StatusCode::NOT_FOUND);

    p.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let vic = p.app.api("vic@acme.test").await;
    assert_eq!(vic.get(&format!("/plans/{}/kpis", p.plan)).await.0, StatusCode::OK);
    assert_error(&vic.post(&format!("/plans/{}/kpis", p.plan), kpi_body(None)).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(
        &vic.patch(&format!("/kpis/{kpi}"), json!({"name": "Vic's", "version": 1})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(
        &put_actual(&vic, kpi, json!({"period_start": PERIOD, "value": 1, "version": 1})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(&vic.delete(&format!("/kpi-actuals/{actual}")).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&vic.delete(&format!("/kpis/{kpi}")).await, StatusCode::FORBIDDEN, "forbidden", None);
    let (_, list) = p.api.get(&format!("/plans/{}/kpis", p.plan)).await;
    assert_eq!((list[0]["name"].as_str(), list[0]["actuals"].as_array().map(Vec::len)), (Some("Share of wallet"), Some(1)));
}

/// A strategic plan (its template has a scorecard section) with one goal.
async fn strategic(api: &Api) -> (i64, i64) {
    let account = api.account("Initech").await;
    let (s, plan) = api.post(&format!("/accounts/{account}/plans"), json!({"title": "Initech 2027", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let plan = id(&plan);
    let goal = id(&api.node(plan, json!({"kind": "goal", "title": "Become preferred supplier"})).await);
    (plan, goal)
}

#[tokio::test]
async fn plan_page_shows_the_scorecard_and_its_forms_work() {
    let p = planned().await;
    let (plan, goal) = strategic(&p.api).await;
    let s = p.app.login("kim@acme.test").await;

    // Add a KPI through the page form.
    let res = s
        .post(
            &format!("/plans/{plan}/kpis"),
            &[
                ("name", "Spend under contract"),
                ("unit", "EUR k"),
                ("baseline", "100"),
                ("target", "300"),
                ("target_date", "2027-12-31"),
                ("period", "quarter"),
                ("goal_id", &goal.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, list) = p.api.get(&format!("/plans/{plan}/kpis")).await;
    let kpi = id(&list[0]);
    // A bad value comes back with the field marked.
    let res = s.post(&format!("/kpis/{kpi}/actuals"), &[("period_start", "2026-05-05"), ("value", "lots")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("must be a number"), "the error is shown");
    // Record, then record the same quarter again: the value is replaced.
    for v in ["150", "200"] {
        let res = s.post(&format!("/kpis/{kpi}/actuals"), &[("period_start", "2026-05-05"), ("value", v), ("note", "From the ERP")]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let (status, html) = s.get(&format!("/plans/{plan}")).await;
    assert_eq!(status, StatusCode::OK);
    let card = crate::helpers::enclosing(&html, &format!("id=\"kpi-{kpi}\""), "<article", "</article>");
    assert!(card.contains("Spend under contract"));
    assert!(card.contains("100 EUR k → 300 EUR k by 31 Dec 2027"), "{card}");
    assert!(card.contains("<strong>200 EUR k</strong>") && card.contains("Q2 2026"), "{card}");
    assert!(card.contains("50% to target"), "{card}");
    assert!(card.contains("class=\"sparkline\""), "a trend picture");
    assert!(card.contains("Kim Kamara"), "who recorded it");
    assert!(card.contains("Measures goal"), "the goal it measures");
    assert!(html.contains("Measured by KPI: Spend under contract — 50% to target"), "the goal card names its KPI");
    // Edit with a stale version: conflict shown, nothing saved.
    let res = s.post(&format!("/kpis/{kpi}"), &[("version", "7"), ("name", "Renamed"), ("period", "quarter")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Someone else changed this"));
    let res = s.post(&format!("/kpis/{kpi}/delete"), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(p.api.get(&format!("/plans/{plan}/kpis")).await.1, json!([]));
}

#[tokio::test]
async fn plan_page_draws_one_timeline_bar_per_commitment() {
    let p = planned().await;
    let obstacle = p.tree[3];
    let today = OffsetDateTime::now_utc().date();
    for (i, t) in ["Plant visit", "Pilot order", "Contract signed"].iter().enumerate() {
        let due = today + Duration::days(30 * (i as i64 + 1));
        commitment(&p.api, p.plan, obstacle, p.kam.id.get(), t, &keyplan_domain::validate::format_date(due)).await;
    }
    let s = p.app.login("kim@acme.test").await;
    let (status, html) = s.get(&format!("/plans/{}?tab=timeline", p.plan)).await;
    assert_eq!(status, StatusCode::OK);
    let svg = crate::helpers::section(&html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"", "</svg>");
    assert_eq!(count(svg, "class=\"tl-bar\""), 3, "{svg}");
    assert!(svg.contains("Contract signed") && svg.contains("Today"));
    assert!(!svg.contains("<script") && !svg.contains("<style"));
}

#[tokio::test]
async fn timeline_page_renders_two_hundred_commitments() {
    let p = planned().await;
    let org = p.app.org_id(ORG).await;
    let today = OffsetDateTime::now_utc().date();
    for i in 0..200i64 {
        let w = NodeWrite {
            owner_id: Some(p.kam.id),
            author_id: Some(p.kam.id),
            start_date: (i % 5 != 0).then(|| today + Duration::days(i)),
            due_date: Some(today + Duration::days(i + 20)),
            status: Some(if i % 3 == 0 { CommitmentStatus::InProgress } else { CommitmentStatus::Open }),
            acceptance: Some(if i % 4 == 0 { Acceptance::Proposed } else { Acceptance::Accepted }),
            ..NodeWrite::titled(format!("Commitment <{i}> & more"))
        };
        p.app.store.create_node(org, PlanId::new(p.plan), NodeKind::Commitment, Some(NodeId::new(p.tree[3])), &w, p.kam.id).await.unwrap();
    }
    let s = p.app.login("kim@acme.test").await;
    let started = std::time::Instant::now();
    let (status, html) = s.get(&format!("/plans/{}/timeline", p.plan)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(count(&html, "class=\"tl-bar\""), 200);
    assert!(html.contains("Commitment &#60;7&#62; &#38; more") || html.contains("Commitment &lt;7&gt; &amp; more"), "titles are escaped");
    assert!(html.contains("200 commitments"));
}

#[tokio::test]
async fn kpis_move_through_the_api() {
    let p = planned().await;
    let plan = p.plan;
    let first = id(&p.api.post(&format!("/plans/{plan}/kpis"), kpi_body(None)).await.1);
    let (_, second) = p.api.post(&format!("/plans/{plan}/kpis"), json!({"name": "Visits", "period": "month"})).await;
    let second = id(&second);
    let names = |list: &Value| list.as_array().unwrap().iter().map(|k| k["name"].as_str().unwrap_or("").to_string()).collect::<Vec<_>>();

    let (s, moved) = p.api.post(&format!("/kpis/{second}/move"), json!({"direction": "up"})).await;
    assert_eq!(s, StatusCode::OK, "{moved}");
    assert_eq!(moved["id"].as_i64(), Some(second));
    assert_eq!(names(&p.api.get(&format!("/plans/{plan}/kpis")).await.1), ["Visits", "Share of wallet"]);
    let (s, _) = p.api.post(&format!("/kpis/{second}/move"), json!({"direction": "down"})).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(names(&p.api.get(&format!("/plans/{plan}/kpis")).await.1), ["Share of wallet", "Visits"]);

    let bad = p.api.post(&format!("/kpis/{first}/move"), json!({"direction": "sideways"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("direction"));
    p.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let vic = p.app.api("vic@acme.test").await;
    assert_error(&vic.post(&format!("/kpis/{first}/move"), json!({"direction": "down"})).await, StatusCode::FORBIDDEN, "forbidden", None);
    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Admin", Role::Admin).await;
    let olga = p.app.api("olga@borealis.test").await;
    assert_error(&olga.post(&format!("/kpis/{first}/move"), json!({"direction": "down"})).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_eq!(names(&p.api.get(&format!("/plans/{plan}/kpis")).await.1), ["Share of wallet", "Visits"], "refused moves change nothing");

    let (_, doc) = p.api.get("/openapi.json").await;
    assert!(doc["paths"]["/api/v1/kpis/{id}/move"]["post"].is_object(), "the move is described in the OpenAPI document");
}

/// A date as the pages write it: `5 Mar 2026`.
fn long_date(d: time::Date) -> String {
    format!("{} {} {}", d.day(), keyplan_domain::plan::month_name(d.month()), d.year())
}

#[tokio::test]
async fn timeline_shows_the_plans_reviews_and_today() {
    let p = planned().await;
    let today = OffsetDateTime::now_utc().date();
    let fmt = keyplan_domain::validate::format_date;
    let (s, held) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": fmt(today)})).await;
    assert_eq!(s, StatusCode::CREATED, "{held}");
    let (s, r) = p.api.post(&format!("/reviews/{}/hold", id(&held)), json!({"version": held["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let later = today + Duration::days(60);
    let (s, _) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "management", "review_date": fmt(later)})).await;
    assert_eq!(s, StatusCode::CREATED);

    let s = p.app.login("kim@acme.test").await;
    for path in [format!("/plans/{}?tab=timeline", p.plan), format!("/plans/{}/timeline", p.plan)] {
        let (status, html) = s.get(&path).await;
        assert_eq!(status, StatusCode::OK);
        let svg = crate::helpers::section(&html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"", "</svg>");
        let held_tip = format!("<title>Team review, {} (held)</title>", long_date(today));
        let planned_tip = format!("<title>Management review, {}</title>", long_date(later));
        assert!(svg.contains(&held_tip), "held review on the timeline: {svg}");
        assert!(svg.contains(&planned_tip), "planned review on the timeline: {svg}");
        assert_eq!(count(svg, "stroke=\"#6b46c1\" stroke-width=\"1.6\""), 2, "one marker per review");
        assert!(svg.contains("fill=\"#6b46c1\" stroke=\"#6b46c1\""), "a held review is filled");
        assert!(svg.contains("r=\"6\" fill=\"#ffffff\""), "a planned review is open");
        assert!(svg.contains(">Today</text>"), "today's line");
    }
}

#[tokio::test]
async fn the_markdown_export_lists_the_kpi_scorecard() {
    let p = planned().await;
    let org = p.app.org_id(ORG).await;
    let export = |plan: i64| {
        let store = p.app.store.clone();
        async move {
            let b =
                keyplan_app::bundle::plan_bundle_for(&store, org, None, PlanId::new(plan), keyplan_domain::Lang::En).await.expect("plan");
            keyplan_export::markdown::markdown(&b)
        }
    };
    assert!(!export(p.plan).await.contains("KPI scorecard"), "no KPIs, no scorecard");

    // A one-page plan (no scorecard section in its template): the KPIs close the plan.
    let (s, k) = p.api.post(&format!("/plans/{}/kpis", p.plan), kpi_body(None)).await;
    assert_eq!(s, StatusCode::CREATED, "{k}");
    assert_eq!(put_actual(&p.api, id(&k), json!({"period_start": "2027-01-05", "value": 14})).await.0, StatusCode::OK);
    assert_eq!(put_actual(&p.api, id(&k), json!({"period_start": "2027-04-20", "value": 20})).await.0, StatusCode::OK);
    p.api.post(&format!("/plans/{}/kpis", p.plan), json!({"name": "Plant | visits", "period": "month"})).await;
    let md = export(p.plan).await;
    let table = &md[md.find("## KPI scorecard").expect("a scorecard section")..];
    assert!(table.contains("| KPI | Unit | Baseline | Latest actual | Target | Target date | Progress |"), "{table}");
    assert!(
        table.contains("| Share of wallet | % | 10 | 20 (Q2 2027) | 30 | 31 Dec 2027 | 50% ("),
        "latest actual with its period: {table}"
    );
    assert!(table.contains("| Plant \\| visits |  |  | — |  |  | — |"), "escaped, and empty where nothing is known: {table}");

    // A strategic plan lists them in its scorecard section.
    let (plan, _) = strategic(&p.api).await;
    p.api
        .post(&format!("/plans/{plan}/kpis"), json!({"name": "Uptime", "unit": "h", "baseline": 100, "target": 200, "period": "month"}))
        .await;
    let md = export(plan).await;
    assert_eq!(md.matches("| KPI | Unit |").count(), 1, "{md}");
    assert!(!md.contains("## KPI scorecard"), "inside the template's own section");
    assert!(md.contains("| Uptime | h | 100 | — | 200 |  | — |"), "{md}");
}
