//! The organisation's limits on active plans over HTTP: a fourth active plan
//! for one KAM, or one plan over the company's limit, is refused naming the
//! limit and the plans that fill it, and nothing changes; a manager allows the
//! exception with a reason, which lands in the plan's history and in the
//! managers' list of exceptions; other organisations are not counted.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error};

async fn active_plan(api: &Api, account: &str, title: &str) -> (StatusCode, Value) {
    let account = api.account(account).await;
    api.post(&format!("/accounts/{account}/plans"), json!({"title": title, "status": "active"})).await
}

async fn status_of(api: &Api, plan: i64) -> Value {
    api.get(&format!("/plans/{plan}")).await.1["status"].clone()
}

#[tokio::test]
async fn activating_over_a_limit_needs_a_managers_reason() {
    let app = keyplan_testkit::TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let kim = app.api("kim@acme.test").await;
    let max = app.api("max@acme.test").await;
    for (account, title) in [("Globex", "Globex 2027"), ("Initech", "Initech 2027"), ("Umbrella", "Umbrella 2027")] {
        let (s, v) = active_plan(&kim, account, title).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    // A plan from another organisation never counts.
    app.user(OTHER_ORG, "eve@other.test", "Eve Other", Role::Kam).await;
    let eve = app.api("eve@other.test").await;
    assert_eq!(active_plan(&eve, "Borealis Foods", "Borealis 2027").await.0, StatusCode::CREATED);

    // A fourth active plan for Kim: refused, naming the limit and her plans.
    let got = active_plan(&kim, "Hooli", "Hooli 2027").await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("status"));
    let message = got.1["error"]["message"].as_str().unwrap();
    assert!(message.contains("active_plans_per_kam") && message.contains("3 active plans"), "{message}");
    assert!(message.contains("Globex 2027") && message.contains("Umbrella 2027") && !message.contains("Borealis"), "{message}");
    // As a draft it is fine; activating it later is refused the same way, and it stays a draft.
    let account = kim.account("Hooli Cloud").await;
    let (s, draft) = kim.post(&format!("/accounts/{account}/plans"), json!({"title": "Hooli Cloud 2027"})).await;
    assert_eq!(s, StatusCode::CREATED, "{draft}");
    let plan = draft["id"].as_i64().unwrap();
    let version = draft["version"].clone();
    let got = kim.patch(&format!("/plans/{plan}"), json!({"version": version, "status": "active"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("status"));
    assert_eq!(status_of(&kim, plan).await, "draft");
    // A KAM's reason is not enough.
    let got = kim.patch(&format!("/plans/{plan}"), json!({"version": version, "status": "active", "limit_exception": "Board asked"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("status"));
    assert!(got.1["error"]["message"].as_str().unwrap().contains("Only a manager"), "{}", got.1);
    // A manager without a reason is refused too; with one, the plan is active.
    let got = max.patch(&format!("/plans/{plan}"), json!({"version": version, "status": "active"})).await;
    assert_eq!(got.0, StatusCode::UNPROCESSABLE_ENTITY, "{}", got.1);
    let reason = "Hooli is tendering its whole cloud estate this year";
    let (s, v) = max.patch(&format!("/plans/{plan}"), json!({"version": version, "status": "active", "limit_exception": reason})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(status_of(&kim, plan).await, "active");
    let (_, history) = kim.get(&format!("/plans/{plan}/activity")).await;
    assert!(history.to_string().contains(reason), "the exception is in the plan's history: {history}");
    // The plan page shows it to the team; the customer's excerpt and the management briefing do not.
    let page = app.login("kim@acme.test").await;
    let (s, html) = page.get(&format!("/plans/{plan}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("Exception to the plan limits") && html.contains(reason) && html.contains("Max Manager"),
        "the plan shows the exception"
    );
    for view in ["customer", "management"] {
        let (s, html) = page.get(&format!("/plans/{plan}/view/{view}")).await;
        assert_eq!(s, StatusCode::OK, "{view}");
        assert!(!html.contains(reason) && !html.contains("Exception to the plan limits"), "the {view} view keeps the exception internal");
    }

    // Managers list every exception; a KAM may not.
    let (s, list) = max.get("/organisation/limit-exceptions").await;
    assert_eq!(s, StatusCode::OK, "{list}");
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(
        (list[0]["plan_id"].as_i64(), list[0]["limits"].as_str(), list[0]["reason"].as_str()),
        (Some(plan), Some("active_plans_per_kam"), Some(reason))
    );
    assert_eq!(list[0]["allowed_by_name"], "Max Manager");
    assert_eq!(kim.get("/organisation/limit-exceptions").await.0, StatusCode::FORBIDDEN);
    assert_eq!(eve.get("/organisation/limit-exceptions").await.0, StatusCode::FORBIDDEN);

    // The company's limit counts every KAM: with room for four, another KAM's plan is refused.
    let ada = app.api("ada@acme.test").await;
    let (s, v) = ada.patch("/organisation/settings", json!({"master_plans_per_company": 4})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    app.user(ORG, "kai@acme.test", "Kai Kramer", Role::Kam).await;
    let kai = app.api("kai@acme.test").await;
    let got = active_plan(&kai, "Stark", "Stark 2027").await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("status"));
    assert!(got.1["error"]["message"].as_str().unwrap().contains("master_plans_per_company"), "{}", got.1);
    // Raising the limit lets it through.
    ada.patch("/organisation/settings", json!({"master_plans_per_company": 15})).await;
    assert_eq!(active_plan(&kai, "Stark Industries", "Stark 2027").await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn activations_at_the_same_moment_cannot_both_take_the_last_place() {
    let app = keyplan_testkit::TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let kim = app.api("kim@acme.test").await;
    for (account, title) in [("Globex", "Globex 2027"), ("Initech", "Initech 2027")] {
        assert_eq!(active_plan(&kim, account, title).await.0, StatusCode::CREATED);
    }
    // Six drafts, activated all at once: one place is left under the limit of 3.
    let mut drafts = Vec::new();
    for i in 0..6 {
        let account = kim.account(&format!("Draft account {i}")).await;
        let (s, v) = kim.post(&format!("/accounts/{account}/plans"), json!({"title": format!("Draft {i}")})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        drafts.push((v["id"].as_i64().unwrap(), v["version"].clone()));
    }
    let mut tries = tokio::task::JoinSet::new();
    for (plan, version) in drafts {
        let (client, url, token) = (kim.client.clone(), format!("{}/api/v1/plans/{plan}", kim.base), kim.token.clone());
        tries.spawn(async move {
            client
                .patch(url)
                .bearer_auth(token)
                .json(&json!({"version": version, "status": "active"}))
                .send()
                .await
                .expect("PATCH")
                .status()
        });
    }
    let answers: Vec<StatusCode> = tries.join_all().await;
    let ok = answers.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(ok, 1, "exactly one activation takes the last place: {answers:?}");
    assert!(answers.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::UNPROCESSABLE_ENTITY), "{answers:?}");
    let (_, plans) = kim.get("/plans?status=active").await;
    let active = plans.as_array().map(|a| a.iter().filter(|p| p["status"] == "active").count());
    assert!(active.is_none_or(|n| n == 3), "{plans}");
}
