//! PDF export over HTTP: the one-page constraint plan on one A4 landscape page,
//! the compact layout for everything else or on request, the customer excerpt
//! without internal content, parameter validation and organisation scoping.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use lopdf::{Document, Object};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{OTHER_ORG, Planned, assert_error, commitment, id, planned};

/// Status, content type and body of a GET with the API token.
pub(crate) async fn fetch(api: &Api, path: &str) -> (StatusCode, String, Vec<u8>) {
    let res = api.client.get(format!("{}{path}", api.base)).bearer_auth(&api.token).send().await.expect("request");
    let status = res.status();
    let ctype = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, ctype, res.bytes().await.expect("body").to_vec())
}

pub(crate) fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_object(id).and_then(Object::as_dict).expect("a page");
            let media = page.get(b"MediaBox").and_then(Object::as_array).expect("a media box");
            let n: Vec<f32> = media.iter().map(|o| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).expect("a number")).collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

/// The text without whitespace and hyphens, so that phrases are found however they were broken.
fn text(pdf: &[u8]) -> String {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let all = doc.extract_text(&pages).expect("extractable text");
    squeeze(&all)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}').collect()
}

async fn vis(api: &Api, plan: i64, kind: &str, target: i64, v: &str) {
    let body = json!({"target_kind": kind, "target_id": target, "visibility": v});
    let (s, body) = api.call(Method::PUT, &format!("/plans/{plan}/visibility"), Some(body)).await;
    assert_eq!(s, StatusCode::OK, "{body}");
}

async fn add(api: &Api, plan: i64, kind: &str, parent: i64, title: &str) -> i64 {
    id(&api.node(plan, json!({"kind": kind, "parent_id": parent, "title": title})).await)
}

/// A constraint plan of normal size: 1 goal, 3 factors, 6 conditions, 8 obstacles, 12 commitments.
pub(crate) async fn normal_plan() -> (Planned, Vec<String>) {
    let p = planned().await;
    let (api, plan, [goal, csf, cond, obst]) = (&p.api, p.plan, p.tree);
    let csfs =
        [csf, add(api, plan, "csf", goal, "Trusted service partner").await, add(api, plan, "csf", goal, "Competitive total cost").await];
    let mut conds = vec![cond];
    for (i, c) in csfs.iter().enumerate() {
        for j in 0..2 {
            if i == 0 && j == 0 {
                continue;
            }
            conds.push(add(api, plan, "condition", *c, &format!("Condition {i}.{j} is met")).await);
        }
    }
    let mut obsts = vec![obst];
    for k in 1..8 {
        obsts.push(add(api, plan, "obstacle", conds[k % conds.len()], &format!("Obstacle number {k} in the way")).await);
    }
    let mut titles = Vec::new();
    for k in 0..12 {
        let title = format!("Commitment {k} removes an obstacle");
        commitment(api, plan, obsts[k % obsts.len()], p.kam.id.get(), &title, "2027-03-15").await;
        titles.push(title);
    }
    (p, titles)
}

#[tokio::test]
async fn a_normal_constraint_plan_is_one_a4_landscape_page_with_goal_and_commitments() {
    let (p, titles) = normal_plan().await;
    let (s, ctype, pdf) = fetch(&p.api, &format!("/api/v1/plans/{}/export?format=pdf", p.plan)).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(ctype, "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), 1, "{sizes:?}");
    let (w, h) = sizes[0];
    assert!((w - 841.89).abs() < 1.0 && (h - 595.28).abs() < 1.0, "{sizes:?}");
    let text = text(&pdf);
    assert!(text.contains(&squeeze("Grow to 2m")), "{text}");
    for t in &titles {
        assert!(text.contains(&squeeze(t)), "{t} missing: {text}");
    }

    // The page download says the same, as an attachment named after the plan.
    let session = p.app.login("kim@acme.test").await;
    // The team's tab links its exports like the other audiences.
    let (_, page) = session.get(&format!("/plans/{}", p.plan)).await;
    // The reference plan fits the built-in template's budget, as its PDF fits one page.
    assert!(page.contains("class=\"size-chip \""), "not flagged over budget");
    assert!(!page.contains("size-chip over"), "not flagged over budget");
    for ext in ["pdf", "xlsx", "md", "json"] {
        assert!(page.contains(&format!("href=\"/plans/{}/export.{ext}?audience=team\"", p.plan)), "team export link {ext}");
    }
    let res = session.client.get(format!("{}/plans/{}/export.pdf?audience=team", session.base, p.plan)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert_eq!(disposition, "attachment; filename=\"globex-plan-2027-team.pdf\"");
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF-"));
}

#[tokio::test]
async fn the_customer_pdf_shows_only_what_is_marked_for_the_customer() {
    let p = planned().await;
    let (api, plan, [goal, csf, cond, obst]) = (&p.api, p.plan, p.tree);
    let shared = commitment(api, plan, obst, p.kam.id.get(), "CUSTVISIBLEPDF workshop", "2027-02-01").await;
    commitment(api, plan, obst, p.kam.id.get(), "TEAMONLYPDF pricing floor", "2027-02-01").await;
    for (kind, target) in [("node", goal), ("node", csf), ("node", cond), ("node", obst), ("node", id(&shared))] {
        vis(api, plan, kind, target, "customer").await;
    }
    for layout in ["", "&layout=compact"] {
        let (s, _, pdf) = fetch(api, &format!("/api/v1/plans/{plan}/export?format=pdf&audience=customer{layout}")).await;
        assert_eq!(s, StatusCode::OK);
        let text = text(&pdf);
        assert!(text.contains("CUSTVISIBLEPDF"), "{text}");
        assert!(!text.contains("TEAMONLYPDF"), "{text}");
        assert!(text.contains("Customerexcerpt"), "{text}");
    }
    let (_, _, team) = fetch(api, &format!("/api/v1/plans/{plan}/export?format=pdf")).await;
    assert!(text(&team).contains("TEAMONLYPDF"));
    let (s, _, md) = fetch(api, &format!("/api/v1/plans/{plan}/export?format=md&audience=customer")).await;
    assert_eq!(s, StatusCode::OK);
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("CUSTVISIBLEPDF") && !md.contains("TEAMONLYPDF"), "{md}");
}

#[tokio::test]
async fn an_oversize_one_page_plan_is_refused_and_the_compact_layout_runs_over_pages() {
    let p = planned().await;
    let long = "so that the plant engineering team at every site can specify our dosing units without a detour through procurement";
    for k in 0..45 {
        commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), &format!("Commitment {k} {long}"), "2027-03-15").await;
    }
    let (s, _, body) = fetch(&p.api, &format!("/api/v1/plans/{}/export?format=pdf", p.plan)).await;
    let body: Value = serde_json::from_slice(&body).expect("a JSON error");
    assert_error(&(s, body.clone()), StatusCode::UNPROCESSABLE_ENTITY, "too_big_for_one_page", None);
    assert!(body["error"]["message"].as_str().unwrap().contains("does not fit on one page"), "{body}");

    let session = p.app.login("kim@acme.test").await;
    let (s, html) = session.get(&format!("/plans/{}/export.pdf", p.plan)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("does not fit on one page") && html.contains("layout=compact"), "{html}");

    let (s, ctype, pdf) = fetch(&p.api, &format!("/api/v1/plans/{}/export?format=pdf&layout=compact", p.plan)).await;
    assert_eq!((s, ctype.as_str()), (StatusCode::OK, "application/pdf"));
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() > 1, "{sizes:?}");
    assert!(sizes.iter().all(|(w, h)| (w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0), "{sizes:?}");
}

#[tokio::test]
async fn a_strategic_plan_runs_over_several_pages() {
    let p = planned().await;
    let (s, plan) =
        p.api.post(&format!("/accounts/{}/plans", p.account), json!({"title": "Globex strategic", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let plan = id(&plan);
    let goal = id(&p.api.node(plan, json!({"kind": "goal", "title": "Win the axle line", "target": 5, "unit": "lines"})).await);
    for k in 0..10 {
        commitment(&p.api, plan, goal, p.kam.id.get(), &format!("Strategic commitment {k}"), "2027-04-01").await;
    }
    let (s, _, pdf) = fetch(&p.api, &format!("/api/v1/plans/{plan}/export?format=pdf&lang=de")).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() > 1, "{sizes:?}");
    assert!(text(&pdf).contains("Winthe"), "{}", text(&pdf));
}

#[tokio::test]
async fn parameters_are_checked_and_other_organisations_see_nothing() {
    let p = planned().await;
    let plan = p.plan;
    for (query, field) in [("format=docx", "format"), ("audience=board&format=pdf", "audience"), ("format=pdf&lang=fr", "lang")] {
        let (s, v) = p.api.get(&format!("/plans/{plan}/export?{query}")).await;
        assert_error(&(s, v), StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }
    let (s, v) = p.api.get(&format!("/plans/{plan}/export")).await;
    assert_error(&(s, v), StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("format"));
    let (s, v) = p.api.get(&format!("/plans/{plan}/export?format=json&audience=management")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["audience"], "management");

    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = p.app.api("olga@borealis.test").await;
    let (s, v) = other.get(&format!("/plans/{plan}/export?format=pdf")).await;
    assert_error(&(s, v), StatusCode::NOT_FOUND, "not_found", None);
    let session = p.app.login("olga@borealis.test").await;
    let (s, _) = session.get(&format!("/plans/{plan}/export.pdf")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_export_is_in_the_openapi_document() {
    let p = planned().await;
    let (s, doc) = p.api.get("/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    let params = &doc["paths"]["/api/v1/plans/{id}/export"]["get"]["parameters"];
    let names: Vec<&str> = params.as_array().expect("parameters").iter().filter_map(|p| p["name"].as_str()).collect();
    assert!(["id", "format", "audience", "lang"].iter().all(|n| names.contains(n)), "{names:?}");
}

#[tokio::test]
async fn the_pipeline_behind_a_money_goal_is_printed_for_us_and_never_for_the_customer() {
    let p = planned().await;
    let (api, plan, goal) = (&p.api, p.plan, p.tree[0]);
    let deal = json!({"name": "Line 4 retrofit", "amount": 250000, "probability": 40, "goal_id": goal, "close_date": "2020-06-30"});
    let (s, body) = api.post(&format!("/accounts/{}/opportunities", p.account), deal).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    vis(api, plan, "node", goal, "customer").await;
    for (audience, layout) in [("team", ""), ("team", "&layout=compact"), ("management", "")] {
        let (s, _, pdf) = fetch(api, &format!("/api/v1/plans/{plan}/export?format=pdf&audience={audience}{layout}")).await;
        assert_eq!(s, StatusCode::OK);
        let text = text(&pdf);
        // Weighted 100k of a 1m gap; the deal is open past its close date.
        assert!(text.contains("10%covered") && text.contains("1openopportunitypastitsclosedate"), "{audience}{layout}: {text}");
    }
    let (_, _, pdf) = fetch(api, &format!("/api/v1/plans/{plan}/export?format=pdf&audience=customer")).await;
    let text = text(&pdf);
    assert!(text.contains(&squeeze("Grow to 2m")) && !text.contains("covered") && !text.contains("250"), "{text}");
}

#[tokio::test]
async fn the_top_to_top_briefing_is_one_page_and_keeps_attitudes_internal() {
    let p = planned().await;
    let (api, plan) = (&p.api, p.plan);
    let contact =
        json!({"name": "Dr. Anja Richter", "title": "Chief Operating Officer", "buying_role": "decision_maker", "attitude": "sceptic"});
    let (s, c) = api.post(&format!("/accounts/{}/contacts", p.account), contact).await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let path =
        |audience: &str| format!("/api/v1/plans/{plan}/top-to-top.pdf?meeting=Board%20meeting%20XYZ&date=2027-03-12&audience={audience}");
    let (s, ctype, pdf) = fetch(api, &path("management")).await;
    assert_eq!((s, ctype.as_str()), (StatusCode::OK, "application/pdf"), "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(page_sizes(&pdf).len(), 1, "one page");
    let internal = text(&pdf);
    assert!(internal.contains("BoardmeetingXYZ") && internal.contains("Executiverelationships"), "{internal}");
    assert!(internal.contains("Dr.AnjaRichter") && internal.contains("Sceptic") && internal.contains("Grow"), "{internal}");
    let (s, _, pdf) = fetch(api, &path("customer")).await;
    assert_eq!(s, StatusCode::OK);
    let customer = text(&pdf);
    assert!(customer.contains("BoardmeetingXYZ") && !customer.contains("Sceptic") && !customer.contains("Attitude"), "{customer}");
    assert!(!customer.contains("Internal"), "{customer}");
    let (s, _, body) = fetch(api, &format!("/api/v1/plans/{plan}/top-to-top.pdf?date=12.03.2027")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{}", String::from_utf8_lossy(&body));
    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = p.app.api("olga@borealis.test").await;
    assert_eq!(fetch(&other, &format!("/api/v1/plans/{plan}/top-to-top.pdf")).await.0, StatusCode::NOT_FOUND);
}
