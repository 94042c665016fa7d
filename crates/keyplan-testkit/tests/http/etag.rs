//! Plan pages and plan API answers carry an ETag. A request naming the
//! current tag in `If-None-Match` gets 304 with no body; any write in the
//! organisation, another reader or another language gives a new tag.

use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::ORG;

async fn get(client: &reqwest::Client, url: &str, token: Option<&str>, tag: Option<&str>) -> (StatusCode, Option<String>, usize) {
    let mut req = client.get(url);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(t) = tag {
        req = req.header("if-none-match", t);
    }
    let res = req.send().await.unwrap();
    let etag = res.headers().get("etag").map(|v| v.to_str().unwrap().to_string());
    let status = res.status();
    (status, etag, res.bytes().await.unwrap().len())
}

#[tokio::test]
async fn an_unchanged_plan_answers_304_and_any_change_gives_a_new_tag() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "mia@acme.test", "Mia Manager", Role::Manager).await;
    let kim = app.api("kim@acme.test").await;
    let mia = app.api("mia@acme.test").await;
    let account = kim.account("Northwind").await;
    let plan = kim.plan(account, "Northwind 2027").await;
    let [goal, ..] = kim.skeleton(plan).await;
    let url = format!("{}/api/v1/plans/{plan}", kim.base);

    let (s, tag, len) = get(&kim.client, &url, Some(&kim.token), None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(len > 100);
    let tag = tag.expect("the plan carries an ETag");
    assert!(tag.starts_with("W/\""), "{tag}");
    let (s, again, len) = get(&kim.client, &url, Some(&kim.token), Some(&tag)).await;
    assert_eq!((s, len), (StatusCode::NOT_MODIFIED, 0), "unchanged: 304 without a body");
    assert_eq!(again.as_deref(), Some(tag.as_str()));
    let (s, _, _) = get(&kim.client, &url, Some(&kim.token), Some("W/\"something-else\", \"x\"")).await;
    assert_eq!(s, StatusCode::OK, "another tag: the whole answer");

    // Another reader has a tag of their own.
    let (s, mias, _) = get(&mia.client, &url, Some(&mia.token), Some(&tag)).await;
    assert_eq!(s, StatusCode::OK);
    assert_ne!(mias.as_deref(), Some(tag.as_str()));

    // A change to a node (not to the plan's own row) makes the tag stale.
    let (s, v) = kim.patch(&format!("/nodes/{goal}"), json!({"version": 1, "title": "Grow Northwind to 2.6m"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, fresh, _) = get(&kim.client, &url, Some(&kim.token), Some(&tag)).await;
    assert_eq!(s, StatusCode::OK, "changed: the whole answer again");
    let fresh = fresh.unwrap();
    assert_ne!(fresh, tag);
    let (s, _, _) = get(&kim.client, &url, Some(&kim.token), Some(&fresh)).await;
    assert_eq!(s, StatusCode::NOT_MODIFIED);

    // Another language is another answer.
    let (s, v) = kim.call(reqwest::Method::PUT, "/me/language", Some(json!({"language": "de"}))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, german, _) = get(&kim.client, &url, Some(&kim.token), Some(&fresh)).await;
    assert_eq!(s, StatusCode::OK);
    assert_ne!(german.as_deref(), Some(fresh.as_str()));

    // A plan of another organisation is not found, tag or not.
    app.user("Globex", "gus@globex.test", "Gus Globex", Role::Kam).await;
    let gus = app.api("gus@globex.test").await;
    let (s, _, _) = get(&gus.client, &url, Some(&gus.token), None).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_plan_page_answers_304_until_the_plan_changes() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let kim = app.api("kim@acme.test").await;
    let account = kim.account("Northwind").await;
    let plan = kim.plan(account, "Northwind 2027").await;
    kim.skeleton(plan).await;
    let web = app.login("kim@acme.test").await;
    let url = format!("{}/plans/{plan}", web.base);
    let (s, tag, _) = get(&web.client, &url, None, None).await;
    assert_eq!(s, StatusCode::OK);
    let tag = tag.expect("the plan page carries an ETag");
    let (s, _, len) = get(&web.client, &url, None, Some(&tag)).await;
    assert_eq!((s, len), (StatusCode::NOT_MODIFIED, 0));
    // The same page with a form opened is another answer.
    let (s, other, _) = get(&web.client, &format!("{url}?add=goal"), None, Some(&tag)).await;
    assert_eq!(s, StatusCode::OK);
    assert_ne!(other.as_deref(), Some(tag.as_str()));
    // A KPI added elsewhere in the plan changes the page.
    let (s, v) = kim.post(&format!("/plans/{plan}/kpis"), json!({"name": "Revenue", "unit": "EUR"})).await;
    assert!(s.is_success(), "{s} {v}");
    let (s, _, _) = get(&web.client, &url, None, Some(&tag)).await;
    assert_eq!(s, StatusCode::OK);
}

/// The server keeps a rendered plan page and plan answer by its tag: a
/// repeated request gets the same bytes, a write anywhere in the organisation
/// gives the new content at once, and no reader ever gets another's page.
#[tokio::test]
async fn a_kept_answer_is_never_stale_and_never_another_readers() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "mia@acme.test", "Mia Manager", Role::Manager).await;
    let kim = app.api("kim@acme.test").await;
    let account = kim.account("Northwind").await;
    let plan = kim.plan(account, "Northwind 2027").await;
    let [goal, ..] = kim.skeleton(plan).await;
    let kims = app.login("kim@acme.test").await;
    let mias = app.login("mia@acme.test").await;
    let path = format!("/plans/{plan}");

    let (s, first) = kims.get(&path).await;
    assert_eq!(s, StatusCode::OK);
    let (_, again) = kims.get(&path).await;
    assert_eq!(first, again, "the same reader, nothing changed: the same page");
    assert!(first.contains(&kims.csrf), "Kim's forms carry Kim's token");
    let (s, hers) = mias.get(&path).await;
    assert_eq!(s, StatusCode::OK);
    assert!(hers.contains(&mias.csrf) && !hers.contains(&kims.csrf), "Mia's page is her own");
    assert!(hers.contains("Mia Manager"));
    let (_, kims_again) = kims.get(&path).await;
    assert!(kims_again.contains(&kims.csrf) && !kims_again.contains(&mias.csrf));

    let (s, v) = kim.get(&format!("/plans/{plan}")).await;
    assert_eq!(s, StatusCode::OK);
    let (_, v2) = kim.get(&format!("/plans/{plan}")).await;
    assert_eq!(v, v2);

    // A write shows on the next request, on the page and in the API.
    let (s, v) = kim.patch(&format!("/nodes/{goal}"), json!({"version": 1, "title": "Grow Northwind to 2.9m"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, page) = kims.get(&path).await;
    assert!(page.contains("Grow Northwind to 2.9m"), "the page after the write");
    let (_, v) = kim.get(&format!("/plans/{plan}")).await;
    assert!(v.to_string().contains("Grow Northwind to 2.9m"), "the API after the write");

    // Signed out: the kept page is not answered to the old cookie.
    let res = kims.post("/logout", &[("_csrf", kims.csrf.as_str())]).await;
    assert!(res.status().is_redirection() || res.status().is_success(), "{}", res.status());
    let res = kims.client.get(format!("{}{path}", kims.base)).send().await.unwrap();
    let body = res.text().await.unwrap();
    assert!(!body.contains("Grow Northwind to 2.9m"), "signed out: no plan");
}
