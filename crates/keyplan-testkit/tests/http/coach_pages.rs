//! The plan coach where people read plans (issue 12, point 6): the plan
//! page's coach panel (score, level, what the next level lacks, the score at
//! held reviews, findings by severity linking to what they are about) and its
//! markers in the tree, the story view, the management briefing's score and
//! blockers, and no coach at all in what the customer reads.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{GERMAN, enclosing, id, page_in, planned};

async fn coach(api: &keyplan_testkit::Api, plan: i64) -> Value {
    let (s, v) = api.get(&format!("/plans/{plan}/coach")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

/// A score as the English pages write it: one decimal, none when whole.
fn shown(score: f64) -> String {
    if score.fract() == 0.0 { format!("{score:.0}") } else { format!("{score:.1}") }
}

/// Text as the pages escape it.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&#34;").replace('\'', "&#39;")
}

/// The English message of the finding of `rule`.
fn message(v: &Value, rule: &str) -> String {
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["rule"] == rule).unwrap_or_else(|| panic!("no {rule} in {v}"));
    f["message"].as_str().unwrap().to_string()
}

#[track_caller]
fn assert_no_coach(what: &str, page: &str, blocker: &str) {
    for s in ["id=\"coach\"", "coach-", "Plan coach", "Plan quality", "Score at held reviews", blocker] {
        assert!(!page.contains(s), "{what} shows the coach: {s:?}");
    }
}

#[tokio::test]
async fn the_plan_page_shows_the_coach_panel_and_marks_the_nodes_its_findings_name() {
    let p = planned().await;
    let v = coach(&p.api, p.plan).await;
    let obstacle = p.tree[3];
    let blocker = esc(&message(&v, "obstacle-without-commitment"));
    let s = p.app.login("kim@acme.test").await;
    let page = page_in(&s, &format!("/plans/{}?tab=coach", p.plan), "").await;

    let panel = enclosing(&page, "id=\"coach\"", "<section", "</section>");
    assert!(panel.contains(&shown(v["score"].as_f64().unwrap())), "the score: {panel}");
    assert!(panel.contains("Level 1 of 5") && panel.contains("Prepared by the KAM alone"), "the level: {panel}");
    // Exactly what the next level lacks.
    assert!(panel.contains("For level 2 (The team contributed) the plan still needs:"), "{panel}");
    for missing in v["next_level"]["missing"].as_array().unwrap() {
        assert!(panel.contains(&esc(missing.as_str().unwrap())), "missing {missing} in {panel}");
    }
    // Grouped by severity, blockers first; each finding links to what it is about.
    let blockers = panel.find("Blockers").expect("a blockers group");
    assert!(panel.find("Warnings").is_none_or(|w| w > blockers), "blockers come first");
    assert!(panel.contains(&format!("<a href=\"#node-{obstacle}\">{blocker}</a>")), "the finding links to its node: {panel}");
    assert!(panel.contains("obstacle-without-commitment"), "the rule's id");
    assert!(panel.contains("No review has been held with the coach yet"), "no trend yet");
    assert!(page.contains("Level 1 · score"), "the plan shows its level in its head");

    // The node the blocker is about carries a marker with the message as its title.
    let node = enclosing(&page, &format!("id=\"node-{obstacle}\""), "<div", "</p>");
    assert!(node.contains("class=\"coach-mark sev-blocker\""), "{node}");
    assert!(node.contains(&format!("title=\"Blocker: {blocker}\"")), "{node}");
    // And the anchor it links to exists once.
    assert_eq!(page.matches(&format!("id=\"node-{obstacle}\"")).count(), 1);

    // In German too.
    let de = page_in(&s, &format!("/plans/{}?tab=coach", p.plan), GERMAN).await;
    assert!(de.contains("Plan-Coach") && de.contains("Stufe 1 von 5") && de.contains("Blocker"), "German panel");

    // A held review keeps the score; the panel lists it.
    let (st, r) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": "2027-01-15"})).await;
    assert_eq!(st, StatusCode::CREATED, "{r}");
    let (st, held) = p.api.post(&format!("/reviews/{}/hold", id(&r)), json!({"version": r["version"]})).await;
    assert_eq!(st, StatusCode::OK, "{held}");
    let page = page_in(&s, &format!("/plans/{}?tab=coach", p.plan), "").await;
    let panel = enclosing(&page, "id=\"coach\"", "<section", "</section>");
    assert!(panel.contains("Score at held reviews") && panel.contains("15 Jan 2027:"), "{panel}");
    assert!(panel.contains(&format!("<strong>{}</strong>", shown(held["coach_score"].as_f64().unwrap()))), "{panel}");
}

#[tokio::test]
async fn the_story_view_and_the_management_briefing_show_the_coach() {
    let p = planned().await;
    let v = coach(&p.api, p.plan).await;
    let score = shown(v["score"].as_f64().unwrap());
    let blocker = esc(&message(&v, "obstacle-without-commitment"));
    let s = p.app.login("kim@acme.test").await;

    let story = page_in(&s, &format!("/plans/{}/story", p.plan), "").await;
    let panel = enclosing(&story, "id=\"coach\"", "<section", "</section>");
    assert!(panel.contains(&score) && panel.contains("Level 1 of 5"), "{panel}");
    assert!(
        panel.contains(&format!("<a href=\"/plans/{}#node-{}\">{blocker}</a>", p.plan, p.tree[3])),
        "links into the plan page: {panel}"
    );

    let brief = page_in(&s, &format!("/plans/{}/view/management", p.plan), "").await;
    let card = enclosing(&brief, "id=\"coach\"", "<section", "</section>");
    assert!(card.contains(&score) && card.contains("Level 1 of 5"), "{card}");
    assert!(card.contains("1 blocker") || card.contains("blockers"), "{card}");
    assert!(card.contains(&blocker), "the blocker: {card}");
    // Only blockers: the warnings stay on the plan page.
    let warning = v["findings"].as_array().unwrap().iter().find(|f| f["severity"] == "warning").expect("a warning");
    assert!(!card.contains(&esc(warning["message"].as_str().unwrap())), "{card}");
    let de = page_in(&s, &format!("/plans/{}/view/management", p.plan), GERMAN).await;
    assert!(de.contains("Qualität des Plans") && de.contains("Stufe 1 von 5"), "German briefing");
}

#[tokio::test]
async fn nothing_of_the_coach_reaches_the_customer() {
    let p = planned().await;
    let v = coach(&p.api, p.plan).await;
    let blocker = esc(&message(&v, "obstacle-without-commitment"));
    let s = p.app.login("kim@acme.test").await;
    // Share the goal, so that the customer's pages have something in them.
    let body = json!({"target_kind": "node", "target_id": p.tree[0], "visibility": "customer"});
    let (st, r) = p.api.call(reqwest::Method::PUT, &format!("/plans/{}/visibility", p.plan), Some(body)).await;
    assert_eq!(st, StatusCode::OK, "{r}");

    let excerpt = page_in(&s, &format!("/plans/{}/view/customer", p.plan), "").await;
    assert_no_coach("customer excerpt", &excerpt, &blocker);

    let until = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
    let res = s.post(&format!("/plans/{}/share-links", p.plan), &[("label", "Globex procurement"), ("expires_on", &until)]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created = res.text().await.unwrap();
    let start = created.find("/s/").expect("the new link is shown") + 3;
    let token = &created[start..start + 64];
    let shared = p.app.client().get(p.app.url(&format!("/s/{token}"))).send().await.unwrap();
    assert_eq!(shared.status(), StatusCode::OK);
    assert_no_coach("share page", &shared.text().await.unwrap(), &blocker);

    let (st, md) = s.get(&format!("/plans/{}/export.md?audience=customer", p.plan)).await;
    assert_eq!(st, StatusCode::OK);
    assert!(!md.contains(&message(&v, "obstacle-without-commitment")), "customer Markdown shows the coach");
}
