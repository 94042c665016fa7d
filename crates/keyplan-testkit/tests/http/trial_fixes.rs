//! The smaller defects a first trial of the product found (issue 15, point 7):
//! the demo's sign-ins on the sign-in page, no "approved" offered to a KAM, no
//! empty timeline, field errors in words, text areas with their limits, and
//! the objectives per contact in the master action plan.

use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::ORG;

#[tokio::test]
async fn the_sign_in_page_lists_the_demo_sign_ins_only_in_the_demo() {
    let demo = TestApp::spawn_demo().await;
    let (status, html) = demo.client().get(demo.url("/login")).send().await.map(|r| (r.status(), r)).unwrap();
    assert_eq!(status, StatusCode::OK);
    let html = html.text().await.unwrap();
    for (email, _) in keyplan_app::demo::DEMO_SIGN_INS {
        assert!(html.contains(email), "{email} is listed");
    }
    assert!(html.contains(keyplan_app::demo::DEMO_PASSWORD), "the demo password is given");
    assert!(html.contains("sales manager"), "what each sign-in is for");

    let plain = TestApp::spawn().await;
    let html = plain.client().get(plain.url("/login")).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains(keyplan_app::demo::DEMO_PASSWORD) && !html.contains("demo-sign-ins"), "no demo sign-ins outside the demo");
}

#[tokio::test]
async fn a_kam_is_not_offered_the_approved_status_a_manager_is() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "mia@acme.test", "Mia Manager", Role::Manager).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let plan = api.plan(account, "Northwind 2027").await;
    let approved = r#"<option value="approved""#;
    let (_, kam_page) = app.login("kim@acme.test").await.get(&format!("/plans/{plan}")).await;
    assert!(kam_page.contains(r#"<option value="active""#), "the KAM chooses among the other statuses");
    assert!(!kam_page.contains(approved), "a KAM cannot approve, so it is not offered");
    let (_, manager_page) = app.login("mia@acme.test").await.get(&format!("/plans/{plan}")).await;
    assert!(manager_page.contains(approved), "a manager approves");
}

#[tokio::test]
async fn an_empty_plan_shows_no_empty_timeline() {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let plan = api.plan(account, "Northwind 2027").await;
    let web = app.login("kim@acme.test").await;
    let (_, html) = web.get(&format!("/plans/{plan}?tab=timeline")).await;
    assert!(!html.contains(r#"id="timeline""#) && !html.contains("tab=timeline#"), "nothing dated: no timeline card, no tab");
    let [_, _, _, obstacle] = api.skeleton(plan).await;
    api.node(
        plan,
        json!({"kind": "commitment", "parent_id": obstacle, "title": "Run the trial", "owner_id": kim.id.get(), "due_date": "2027-03-31"}),
    )
    .await;
    let (_, html) = web.get(&format!("/plans/{plan}?tab=timeline")).await;
    assert!(html.contains(r#"id="timeline""#), "a dated commitment: the timeline shows");
}

#[tokio::test]
async fn field_errors_name_the_field_in_words_and_text_areas_carry_their_limits() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let plan = api.plan(account, "Northwind 2027").await;
    let web = app.login("kim@acme.test").await;

    // A share link valid until a day long past.
    let res = web.post(&format!("/plans/{plan}/share-links"), &[("label", "Buyer"), ("expires_on", "2001-01-01")]).await;
    let html = if res.status().is_redirection() { web.get(&keyplan_testkit::location(&res)).await.1 } else { res.text().await.unwrap() };
    assert!(!html.contains("expires_on:"), "the field is named in words");
    assert!(html.contains("Works until:"), "the field is named as the form labels it");

    // A commitment under a parent that is not in the plan: the stray error names the parent in words.
    let res = web.post(&format!("/plans/{plan}/nodes"), &[("kind", "commitment"), ("parent_id", "999999"), ("title", "Orphan")]).await;
    let html = if res.status().is_redirection() { web.get(&keyplan_testkit::location(&res)).await.1 } else { res.text().await.unwrap() };
    assert!(!html.contains("parent_id:"), "no field key in the page");

    // The plan page, and with its forms that hold text areas open.
    let mut areas = Vec::new();
    for part in ["", "?add=goal", "?tab=discussion", "?tab=reviews", "?tab=customer"] {
        let (_, html) = web.get(&format!("/plans/{plan}{part}")).await;
        areas.extend(html.split("<textarea").skip(1).map(|s| s[..s.find('>').unwrap_or(s.len())].to_string()));
    }
    assert!(areas.len() >= 2, "the add form and the comment box at least");
    for a in areas {
        assert!(a.contains("maxlength=\""), "a text area without its limit: <textarea{a}>");
    }
}

#[tokio::test]
async fn the_master_action_plan_shows_the_objectives_per_contact() {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let objective = "Convince her that our service network halves downtime";
    let (s, c) = api
        .post(
            &format!("/accounts/{account}/contacts"),
            json!({"name": "Dana Buyer", "objective": objective, "relationship_owner_id": kim.id.get()}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let (s, p) =
        api.post(&format!("/accounts/{account}/plans"), json!({"title": "Northwind master plan", "template": "master_action"})).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let plan = p["id"].as_i64().unwrap();

    let web = app.login("kim@acme.test").await;
    let (_, html) = web.get(&format!("/plans/{plan}")).await;
    assert!(html.contains(objective), "the plan page lists the objective per contact");
    let (status, md) = web.get(&format!("/plans/{plan}/export.md")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(md.contains(objective), "the Markdown export carries it: {md}");
}
