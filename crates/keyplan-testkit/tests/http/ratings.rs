//! The manager's quality judgement (issue 17, point 1) over HTTP, on the
//! database the suite runs on: managers and administrators rate a plan at a
//! held management review on the organisation's scale, with a comment and
//! the coach's score of that moment; KAMs never rate; the plan's KAM,
//! managers and administrators read the ratings, other KAMs and viewers do
//! not, and another organisation does not find the plan.

use keyplan_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{ORG, OTHER_ORG, assert_error, id, named_entities, planned};

async fn review(api: &keyplan_testkit::Api, plan: i64, kind: &str, hold: bool) -> i64 {
    let (s, r) = api.post(&format!("/plans/{plan}/reviews"), json!({"kind": kind, "review_date": "2027-01-15"})).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    if hold {
        let (s, v) = api.post(&format!("/reviews/{}/hold", id(&r)), json!({"version": r["version"]})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
    id(&r)
}

#[tokio::test]
async fn managers_rate_held_management_reviews_and_the_plans_kam_reads_them() {
    let p = planned().await;
    let held = review(&p.api, p.plan, "management", true).await;
    let planned_only = review(&p.api, p.plan, "management", false).await;
    let team = review(&p.api, p.plan, "team", true).await;
    p.app.user(ORG, "mia@acme.test", "Mia Manager", Role::Manager).await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    p.app.user(ORG, "otto@acme.test", "Otto Other", Role::Kam).await;
    p.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    p.app.user(OTHER_ORG, "bo@borealis.test", "Bo Boss", Role::Manager).await;
    let (mia, ada, otto, vic, bo) = (
        p.app.api("mia@acme.test").await,
        p.app.api("ada@acme.test").await,
        p.app.api("otto@acme.test").await,
        p.app.api("vic@acme.test").await,
        p.app.api("bo@borealis.test").await,
    );
    let path = format!("/plans/{}/ratings", p.plan);
    let body = |review: i64, score: i64, comment: &str| json!({"review_id": review, "score": score, "comment": comment});

    // KAMs never rate: not the plan's own, not another's; nor does a viewer.
    for who in [&p.api, &otto, &vic] {
        assert_error(&who.post(&path, body(held, 4, "Fine")).await, StatusCode::FORBIDDEN, "forbidden", None);
    }
    // Only at a held management review of this plan, on the scale, with a comment.
    assert_error(&mia.post(&path, body(planned_only, 4, "Fine")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review_id"));
    assert_error(&mia.post(&path, body(team, 4, "Fine")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review_id"));
    assert_error(&mia.post(&path, body(999_999, 4, "Fine")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review_id"));
    assert_error(&mia.post(&path, body(held, 6, "Fine")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("score"));
    assert_error(&mia.post(&path, body(held, 0, "Fine")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("score"));
    assert_error(&mia.post(&path, body(held, 4, "  ")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("comment"));
    assert_error(
        &mia.post(&path, json!({"review_id": held, "score": 4})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("comment"),
    );
    assert_error(&bo.post(&path, body(held, 4, "Fine")).await, StatusCode::NOT_FOUND, "not_found", None);

    let (s, g) = mia.post(&path, body(held, 4, "Clear goals; the pipeline is thin.")).await;
    assert_eq!(s, StatusCode::CREATED, "{g}");
    assert_eq!((g["score"].as_i64(), g["label"].as_str(), g["scale_max"].as_i64()), (Some(4), Some("Good"), Some(5)));
    assert_eq!((g["rated_by_name"].as_str(), g["review_id"].as_i64()), (Some("Mia Manager"), Some(held)));
    assert!(g["coach_score"].as_f64().is_some_and(|s| (0.0..=100.0).contains(&s)), "the coach's score at that moment: {g}");
    assert!(g["coach_level"].as_i64().is_some());
    // One rating per review.
    assert_error(&ada.post(&path, body(held, 2, "Again")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review_id"));
    // An administrator rates the next held management review, on a scale the organisation changed.
    let (s, v) =
        ada.patch("/organisation/settings", json!({"quality_scale": {"min": 0, "max": 2, "labels": ["No", "Partly", "Yes"]}})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let second = review(&p.api, p.plan, "management", true).await;
    assert_error(&ada.post(&path, body(second, 4, "Fine")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("score"));
    let (s, g2) = ada.post(&path, body(second, 2, "Much better")).await;
    assert_eq!(s, StatusCode::CREATED, "{g2}");
    assert_eq!((g2["label"].as_str(), g2["scale_min"].as_i64(), g2["scale_max"].as_i64()), (Some("Yes"), Some(0), Some(2)));

    // Who reads: the plan's KAM, managers and administrators; not other KAMs, viewers or another organisation.
    for who in [&p.api, &mia, &ada] {
        let (s, list) = who.get(&path).await;
        assert_eq!(s, StatusCode::OK, "{list}");
        let comments: Vec<&str> = list.as_array().unwrap().iter().filter_map(|g| g["comment"].as_str()).collect();
        assert_eq!(comments, ["Much better", "Clear goals; the pipeline is thin."], "newest first");
    }
    for who in [&otto, &vic] {
        assert_error(&who.get(&path).await, StatusCode::FORBIDDEN, "forbidden", None);
    }
    assert_error(&bo.get(&path).await, StatusCode::NOT_FOUND, "not_found", None);
}

#[tokio::test]
async fn the_review_page_rates_and_the_plan_shows_the_ratings_to_its_readers() {
    let p = planned().await;
    let held = review(&p.api, p.plan, "management", true).await;
    p.app.user(ORG, "mia@acme.test", "Mia Manager", Role::Manager).await;
    p.app.user(ORG, "otto@acme.test", "Otto Other", Role::Kam).await;
    let mia = p.app.login("mia@acme.test").await;
    let (s, page) = mia.get(&format!("/reviews/{held}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("id=\"rating-form\"") && page.contains("<option value=\"5\""), "the form with the scale's steps");
    // A missing comment comes back next to the field, with what was chosen.
    let res = mia.post(&format!("/reviews/{held}/rating"), &[("score", "3"), ("comment", "")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("a comment is required") && body.contains("<option value=\"3\" selected"), "the error and the choice kept");
    let res = mia.post(&format!("/reviews/{held}/rating"), &[("score", "3"), ("comment", "Solid <b>plan</b>")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = named_entities(&mia.get(&format!("/reviews/{held}")).await.1);
    assert!(
        page.contains("3 of 5: Adequate") && page.contains("Solid &lt;b&gt;plan&lt;/b&gt;"),
        "the rating, escaped: {}",
        crate::helpers::section(&page, "id=\"rating\"", "</section>")
    );
    assert!(!page.contains("id=\"rating-form\""), "rated once");

    // The plan's KAM sees it on the plan page; a KAM of another plan does not, and may not rate.
    let kim = p.app.login("kim@acme.test").await;
    let plan_page = named_entities(&kim.get(&format!("/plans/{}?tab=reviews", p.plan)).await.1);
    assert!(plan_page.contains("3 of 5: Adequate") && plan_page.contains("Solid &lt;b&gt;plan&lt;/b&gt;"));
    let otto = p.app.login("otto@acme.test").await;
    let plan_page = named_entities(&otto.get(&format!("/plans/{}?tab=reviews", p.plan)).await.1);
    assert!(!plan_page.contains("Solid &lt;b&gt;plan"), "another KAM does not read the comment");
    let review_page = named_entities(&otto.get(&format!("/reviews/{held}")).await.1);
    assert!(!review_page.contains("Solid &lt;b&gt;plan") && !review_page.contains("id=\"rating-form\""));
    assert_eq!(otto.post(&format!("/reviews/{held}/rating"), &[("score", "5"), ("comment", "Mine")]).await.status(), StatusCode::FORBIDDEN);
}
