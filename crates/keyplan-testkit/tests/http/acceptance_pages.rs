//! The acceptance flow through the HTML pages: "My commitments" and the plan page.

use keyplan_domain::Role;
use keyplan_testkit::location;
use reqwest::StatusCode;

use crate::helpers::{ORG, commitment, enclosing, id, input_value, planned, section};

const TITLE: &str = "Run a line trial at the Ludwigshafen plant";

#[tokio::test]
async fn accepting_on_my_commitments_puts_it_into_the_plan() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let cm = id(&commitment(&p.api, p.plan, p.tree[3], mel.id.get(), TITLE, "2027-03-31").await);
    let s = p.app.login("mel@acme.test").await;

    let (status, page) = s.get("/me/commitments").await;
    assert_eq!(status, StatusCode::OK);
    let waiting = section(&page, "<section class=\"card\" id=\"to-answer\">", "</section>");
    assert!(waiting.contains("Waiting for your answer"), "{waiting}");
    assert!(waiting.contains(TITLE), "listed under Waiting for your answer: {waiting}");
    assert!(waiting.contains("asked by Kim Kamara") && waiting.contains("due 31 Mar 2027"), "{waiting}");
    let accepted = section(&page, "<section class=\"card\" id=\"accepted\">", "</section>");
    assert!(!accepted.contains(TITLE), "not yet accepted");
    let item = section(waiting, &format!("id=\"c-{cm}\""), "</article>");
    assert_eq!(input_value(item, "version").as_deref(), Some("1"));

    // On the plan page it waits for Mel, who gets an Accept button there too.
    let (_, plan) = s.get(&format!("/plans/{}", p.plan)).await;
    let article = enclosing(&plan, &format!("id=\"node-{cm}\""), "<article", "</article>");
    assert!(article.contains("Awaiting acceptance"), "{article}");
    assert!(plan.contains("waits for Mel Member"), "listed as not yet part of the plan");

    let res = s.post(&format!("/commitments/{cm}/respond"), &[("action", "accept"), ("version", "1")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/me/commitments");
    let (_, stored) = p.api.get(&format!("/nodes/{cm}")).await;
    assert_eq!((stored["acceptance"].as_str(), stored["version"].as_i64()), (Some("accepted"), Some(2)));

    let (_, page) = s.get("/me/commitments").await;
    assert!(page.contains("Accepted. It is now part of the plan."), "confirmation shown");
    let waiting = section(&page, "<section class=\"card\" id=\"to-answer\">", "</section>");
    assert!(!waiting.contains(TITLE) && waiting.contains("Nothing to answer"), "{waiting}");
    let accepted = section(&page, "<section class=\"card\" id=\"accepted\">", "</section>");
    assert!(accepted.contains(TITLE), "{accepted}");

    // The KAM's plan page shows it accepted and counts it.
    let kam = p.app.login("kim@acme.test").await;
    let (status, plan) = kam.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(status, StatusCode::OK);
    let article = enclosing(&plan, &format!("id=\"node-{cm}\""), "<article", "</article>");
    assert!(!article.contains("unaccepted") && !article.contains("Awaiting acceptance"), "{article}");
    assert!(article.contains("class=\"badge st-open\""), "shown with its progress status: {article}");
    assert!(plan.contains("<strong>1</strong> accepted commitments"), "counted in the roll-up");
    assert!(plan.contains("<strong>0</strong> awaiting acceptance"));
    assert!(!plan.contains("Not yet part of the plan"));

    // Mel reports it done from her list; the obstacle is overcome.
    let res = s.post(&format!("/commitments/{cm}/respond"), &[("action", "status"), ("status", "done"), ("version", "2")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, plan) = kam.get(&format!("/plans/{}", p.plan)).await;
    assert!(plan.contains("1 of 1 obstacles overcome") && plan.contains("<span>100%</span>"), "roll-up after done");
}

#[tokio::test]
async fn declining_on_the_page_needs_a_reason() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let cm = id(&commitment(&p.api, p.plan, p.tree[3], mel.id.get(), TITLE, "2027-03-31").await);
    let s = p.app.login("mel@acme.test").await;

    let res = s.post(&format!("/commitments/{cm}/respond"), &[("action", "decline"), ("reason", " "), ("version", "1")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let item = section(&page, &format!("id=\"c-{cm}\""), "</article>");
    assert!(item.contains("must not be empty"), "the problem is shown at the item: {item}");
    assert!(item.contains("<details class=\"pop\" open>"), "the decline form is open again");
    assert_eq!(p.api.get(&format!("/nodes/{cm}")).await.1["acceptance"], "proposed");

    // The KAM cannot answer in the owner's place through the page either.
    let kam = p.app.login("kim@acme.test").await;
    let res = kam.post(&format!("/commitments/{cm}/respond"), &[("action", "accept"), ("version", "1")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let back = format!("/plans/{}#node-{cm}", p.plan);
    let res = s
        .post(
            &format!("/commitments/{cm}/respond"),
            &[("action", "decline"), ("reason", "No capacity in Q1"), ("version", "1"), ("back", back.as_str())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), back, "back to where the answer was given");
    let (_, stored) = p.api.get(&format!("/nodes/{cm}")).await;
    assert_eq!((stored["acceptance"].as_str(), stored["decline_reason"].as_str()), (Some("declined"), Some("No capacity in Q1")));
    let (_, plan) = kam.get(&format!("/plans/{}", p.plan)).await;
    assert!(plan.contains("Mel Member declined"), "the KAM sees the decline");
    assert!(plan.contains("Declined: No capacity in Q1"));

    // `back` only leads to plan pages.
    let res = s
        .post(
            &format!("/commitments/{cm}/respond"),
            &[("action", "propose_date"), ("due_date", "2027-06-30"), ("version", "2"), ("back", "https://evil.example/")],
        )
        .await;
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/me/commitments".to_string()));
    let (_, page) = s.get("/me/commitments").await;
    assert!(page.contains("Your date proposals, waiting for the author") && page.contains("you proposed 30 Jun 2027"), "{page}");
}
