//! A node's edit form is its own page (`/nodes/{id}/edit`): the plan page
//! links to it instead of carrying a form per node, a refused edit comes back
//! to it with the errors, and only those who may edit the plan open it.

use keyplan_domain::Role;
use keyplan_testkit::{TestApp, location};
use reqwest::StatusCode;

use crate::helpers::ORG;

#[tokio::test]
async fn the_plan_page_links_each_node_to_its_edit_page() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let plan = api.plan(account, "Northwind 2027").await;
    let [goal, csf, _, obstacle] = api.skeleton(plan).await;
    let web = app.login("kim@acme.test").await;

    let (s, page) = web.get(&format!("/plans/{plan}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(page.matches("class=\"form-grid node-edit-form\"").count(), 0, "no edit form per node");
    assert_eq!(page.matches("class=\"node-delete-form\"").count(), 0, "no delete form per node");
    for id in [goal, csf, obstacle] {
        assert!(page.contains(&format!("href=\"/nodes/{id}/edit\"")), "node {id} links to its edit page");
        assert!(page.contains(&format!("href=\"/nodes/{id}/edit#delete\"")), "and to its deletion there");
    }

    let (s, edit) = web.get(&format!("/nodes/{csf}/edit")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(edit.matches("class=\"form-grid node-edit-form\"").count(), 1);
    assert!(edit.contains(&format!("action=\"/nodes/{csf}\"")), "it posts where the inline form did");
    assert!(edit.contains(&format!("href=\"/plans/{plan}#node-{csf}\"")), "and leads back to the node");
    assert!(edit.contains(&format!("action=\"/nodes/{csf}/delete\"")), "deleting is asked there");

    // A refused edit comes back to the edit page, with what was typed.
    let (_, v) = api.get(&format!("/plans/{plan}")).await;
    let version = v["tree"][0]["children"][0]["version"].as_i64().expect("the factor's version").to_string();
    let res = web.post(&format!("/nodes/{csf}"), &[("version", version.as_str()), ("title", "")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("node-edit-form") && body.contains("aria-invalid=\"true\""), "the edit page with the error");
    assert!(!body.contains("class=\"tree"), "not the whole plan page");

    // Saved: back to the plan at the node.
    let res = web.post(&format!("/nodes/{csf}"), &[("version", version.as_str()), ("title", "Quality first")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/plans/{plan}#node-{csf}"));

    // A viewer may read the plan, not edit it; another organisation sees nothing.
    let viewer = app.login("vic@acme.test").await;
    let (s, _) = viewer.get(&format!("/nodes/{csf}/edit")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.user("Globex", "gus@globex.test", "Gus Globex", Role::Kam).await;
    let gus = app.login("gus@globex.test").await;
    let (s, _) = gus.get(&format!("/nodes/{csf}/edit")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}
