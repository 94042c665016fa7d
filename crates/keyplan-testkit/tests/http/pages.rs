//! Page details found while testing: the plan page's head, and account search.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{planned, section};

/// The `<title>` holds the plan's title only; the delete form belongs in the body.
#[tokio::test]
async fn plan_page_title_is_just_the_title() {
    let p = planned().await;
    let s = p.app.login("kim@acme.test").await;
    let (status, page) = s.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(status, StatusCode::OK);
    let title = section(&page, "<title>", "</title>");
    assert_eq!(title, "<title>Globex plan 2027 · keyplan</title>");
    let delete_forms = page.matches(&format!("action=\"/plans/{}/delete\"", p.plan)).count();
    assert_eq!(delete_forms, 1, "one delete form, in the body");
}

#[tokio::test]
async fn account_search_finds_name_industry_and_region() {
    let p = planned().await;
    p.api.post("/accounts", json!({"name": "Initech", "industry": "Software", "region": "Nordics", "crm_id": "CRM-4711"})).await;
    let names = |v: serde_json::Value| v.as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(names(p.api.get("/accounts?q=INIT").await.1), vec!["Initech"]);
    assert_eq!(names(p.api.get("/accounts?q=software").await.1), vec!["Initech"]);
    assert_eq!(names(p.api.get("/accounts?q=nordic").await.1), vec!["Initech"]);
    assert_eq!(names(p.api.get("/accounts?q=crm-4711").await.1), vec!["Initech"]);
    assert_eq!(names(p.api.get("/accounts?q=").await.1), vec!["Globex Chemicals", "Initech"]);
    let s = p.app.login("kim@acme.test").await;
    let (_, page) = s.get("/accounts?q=initech").await;
    assert!(page.contains(">Initech</a>") && !page.contains(">Globex Chemicals</a>"));
}

/// CRM ids often contain underscores; searching for one must find it.
#[tokio::test]
async fn account_search_finds_crm_ids_with_underscores() {
    let p = planned().await;
    let (status, _) = p.api.post("/accounts", json!({"name": "Initech", "crm_id": "SAP_100234"})).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, found) = p.api.get("/accounts?q=SAP_100234").await;
    let names: Vec<&str> = found.as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Initech"]);
    // Wildcards typed by the user are not wildcards: no account name holds a '%'.
    let (_, found) = p.api.get("/accounts?q=%25").await;
    assert_eq!(found, json!([]));
}

#[tokio::test]
async fn the_plan_comes_before_its_reviews_and_timeline() {
    let p = planned().await;
    // Something dated, so that the plan has a timeline (an empty plan shows none).
    crate::helpers::commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Run the trial", "2027-03-31").await;
    let s = p.app.login("kim@acme.test").await;
    // The tabs under the plan link their panels; a panel asked for comes after the tree.
    let (status, html) = s.get(&format!("/plans/{}?tab=reviews", p.plan)).await;
    assert_eq!(status, StatusCode::OK);
    let at = |marker: &str| html.find(marker).unwrap_or_else(|| panic!("{marker} on the plan page"));
    let tree = at(&format!("id=\"node-{}\"", p.tree[0]));
    assert!(tree < at("id=\"reviews\""), "the goal and its tree before the reviews card");
    assert!(tree < at(&format!("href=\"/plans/{}?tab=timeline#timeline\"", p.plan)), "the goal and its tree before the timeline's tab");
    let (_, html) = s.get(&format!("/plans/{}?tab=timeline", p.plan)).await;
    let (tree, timeline) = (html.find(&format!("id=\"node-{}\"", p.tree[0])), html.find("id=\"timeline\""));
    assert!(tree.is_some() && timeline.is_some() && tree < timeline, "the goal and its tree before the timeline");
}

#[tokio::test]
async fn an_empty_section_shows_its_guidance_not_a_missing_conclusion() {
    let p = planned().await;
    let (s, plan) = p.api.post(&format!("/accounts/{}/plans", p.account), json!({"title": "Strategic", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let id = plan["id"].as_i64().unwrap();
    let session = p.app.login("kim@acme.test").await;
    let missing = "No conclusion yet";
    let (_, html) = session.get(&format!("/plans/{id}")).await;
    assert_eq!(html.matches(missing).count(), 0, "nothing to conclude from yet");
    assert!(html.contains("class=\"guidance\" open"), "the guidance of an empty section is open");
    let item = json!({"section": "customer-profile", "kind": "analysis", "category": "customer", "text": "Plant runs 24/7"});
    assert_eq!(p.api.post(&format!("/plans/{id}/items"), item).await.0, StatusCode::CREATED);
    let (_, html) = session.get(&format!("/plans/{id}")).await;
    assert_eq!(html.matches(missing).count(), 1, "the section with a finding asks for its conclusion");
}
