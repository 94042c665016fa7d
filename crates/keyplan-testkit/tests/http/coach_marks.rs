//! The coach's mark in lists: the account list and the account page show each
//! plan's score and level, the same as the coach's own answer, kept current by
//! the writes that change it (the tree, a team member's acceptance, a
//! contact, the organisation's rule settings), and only for the organisation's
//! own plans.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{GERMAN, ORG, OTHER_ORG, commitment, id, page_in, planned};

async fn coach(api: &Api, plan: i64) -> Value {
    let (s, v) = api.get(&format!("/plans/{plan}/coach")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

/// The mark on a page: `data-score="…" data-level="…"` of the first mark.
fn mark_on(page: &str) -> Option<(String, String)> {
    let at = page.find("class=\"plan-mark ")?;
    let rest = &page[at..];
    let attr = |name: &str| {
        let start = rest.find(&format!("{name}=\""))? + name.len() + 2;
        Some(rest[start..start + rest[start..].find('"')?].to_string())
    };
    Some((attr("data-score")?, attr("data-level")?))
}

/// What the coach's answer looks like as a mark: the score rounded to a whole number.
fn expected(v: &Value) -> (String, String) {
    (format!("{}", v["score"].as_f64().unwrap().round() as i64), v["level"].to_string())
}

#[tokio::test]
async fn lists_show_the_coachs_mark_and_follow_the_plans_changes() {
    let p = planned().await;
    let kam = p.app.login("kim@acme.test").await;
    let first = coach(&p.api, p.plan).await;
    let account_page = format!("/accounts/{}", p.account);
    assert_eq!(mark_on(&page_in(&kam, "/accounts", "").await), Some(expected(&first)), "the account list");
    assert_eq!(mark_on(&page_in(&kam, &account_page, "").await), Some(expected(&first)), "the account page");

    // A commitment for the obstacle removes a blocker: the score rises at once.
    commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Run the trial at the Zwickau plant", "2027-03-31").await;
    let second = coach(&p.api, p.plan).await;
    assert_ne!(second["score"], first["score"], "{second}");
    assert_eq!(mark_on(&page_in(&kam, "/accounts", "").await), Some(expected(&second)));

    // A team member accepting a commitment lifts the level, and the list follows.
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let (s, v) =
        p.api.call(Method::PUT, &format!("/accounts/{}/team/{}", p.account, mel.id.get()), Some(json!({"function": "service"}))).await;
    assert!(s.is_success(), "{v}");
    let c = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Qualify the second coating line", "2027-04-30").await;
    let (s, v) = p.app.api("mel@acme.test").await.post(&format!("/commitments/{}/accept", id(&c)), json!({})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let third = coach(&p.api, p.plan).await;
    assert_eq!(third["level"], 2, "{third}");
    assert_eq!(mark_on(&page_in(&kam, &account_page, "").await), Some(expected(&third)));

    // The organisation switching a rule off changes every plan's mark.
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = p.app.api("ada@acme.test").await;
    let off: serde_json::Map<String, Value> = third["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), json!({"enabled": false})))
        .collect();
    let (s, v) = admin.call(Method::PUT, "/organisation/coach-rules", Some(Value::Object(off))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let fourth = coach(&p.api, p.plan).await;
    assert_eq!(fourth["score"], 100.0, "every finding's rule is off: {fourth}");
    // The marks are read again in the background: wait for them, bounded.
    let mut shown = None;
    for _ in 0..50 {
        shown = mark_on(&page_in(&kam, "/accounts", "").await);
        if shown == Some(expected(&fourth)) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(shown, Some(expected(&fourth)));

    // In German, the level reads as a "Stufe".
    let de = page_in(&kam, &account_page, GERMAN).await;
    assert!(de.contains("Stufe 2") && de.contains("Coach-Bewertung"), "German mark");

    // Another organisation never sees it.
    p.app.user(OTHER_ORG, "eve@other.test", "Eve Other", Role::Admin).await;
    let eve = p.app.login("eve@other.test").await;
    assert_eq!(mark_on(&page_in(&eve, "/accounts", "").await), None);
    let (status, _) = eve.get(&account_page).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_demo_shows_every_open_plans_mark_from_the_start() {
    let app = keyplan_testkit::TestApp::spawn_demo().await;
    let lena = app.try_login("lena.hoffmann@northwind.example", keyplan_app::demo::DEMO_PASSWORD).await.expect("the demo sign-in");
    let page = page_in(&lena, "/accounts", "").await;
    let with_plan = page.matches("accounts-open-plan").count().max(page.matches(">Open plan</a>").count());
    let marked = page.matches("class=\"plan-mark ").count() - page.matches("class=\"plan-mark none").count();
    assert!(with_plan >= 6, "the demo's accounts with a plan: {with_plan}");
    assert_eq!(marked, with_plan, "every account with a plan shows its mark");
}
