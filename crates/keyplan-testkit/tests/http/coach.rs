//! The plan coach over HTTP: `GET /api/v1/plans/{id}/coach` with exactly the
//! documented shape in the reader's language, the organisation's rule settings
//! (`GET`/`PUT /api/v1/organisation/coach-rules` and the administrators' page),
//! which the coach applies at once, the excellence level rising with the
//! team's work, and the score kept with every held review.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{GERMAN, ORG, OTHER_ORG, Planned, assert_error, commitment, id, page_in, planned};

const ADMIN: &str = "ada@acme.test";

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().cloned().collect();
    k.sort();
    k
}

async fn coach(api: &Api, plan: i64) -> Value {
    let (s, v) = api.get(&format!("/plans/{plan}/coach")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

/// The rule ids of the findings, with their severities.
fn rules(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["severity"].as_str().unwrap().to_string()))
        .collect()
}

fn has(v: &Value, rule: &str) -> Option<String> {
    rules(v).into_iter().find(|(r, _)| r == rule).map(|(_, s)| s)
}

async fn with_admin() -> (Planned, Api) {
    let p = planned().await;
    p.app.user(ORG, ADMIN, "Ada Admin", Role::Admin).await;
    let admin = p.app.api(ADMIN).await;
    (p, admin)
}

#[tokio::test]
async fn the_coach_answers_exactly_the_documented_shape() {
    let p = planned().await;
    let v = coach(&p.api, p.plan).await;
    assert_eq!(keys(&v), ["findings", "level", "next_level", "score"]);
    let score = v["score"].as_f64().expect("a number");
    assert!((0.0..100.0).contains(&score), "{v}");
    assert_eq!((score * 10.0).round() / 10.0, score, "one decimal");
    assert_eq!(v["level"], 1, "the KAM alone");
    assert_eq!(keys(&v["next_level"]), ["level", "missing"]);
    assert_eq!(v["next_level"]["level"], 2);
    assert!(v["next_level"]["missing"][0].as_str().is_some_and(|m| !m.is_empty()));
    let findings = v["findings"].as_array().unwrap();
    for f in findings {
        assert_eq!(keys(f), ["hint", "message", "rule", "severity", "target"], "{f}");
        assert!(["blocker", "warning", "hint"].contains(&f["severity"].as_str().unwrap()), "{f}");
        assert_eq!(keys(&f["target"]), ["id", "kind"]);
        assert!(f["target"]["id"].is_string(), "ids are strings: {f}");
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()) && f["hint"].as_str().is_some_and(|h| !h.is_empty()));
    }
    // The skeleton's obstacle has no commitment: a blocker about that node, by its database id as text.
    let obstacle = findings.iter().find(|f| f["rule"] == "obstacle-without-commitment").expect("a blocker");
    assert_eq!(obstacle["severity"], "blocker");
    assert_eq!(obstacle["target"], json!({"kind": "node", "id": p.tree[3].to_string()}));

    // German on request; the rule ids and targets stay as they are.
    let (s, de) = p.api.get(&format!("/plans/{}/coach?lang=de", p.plan)).await;
    assert_eq!(s, StatusCode::OK, "{de}");
    assert_eq!(rules(&de), rules(&v));
    let de_obstacle = de["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "obstacle-without-commitment").unwrap();
    assert!(de_obstacle["message"].as_str().unwrap().contains("Hindernis"), "{de_obstacle}");
    assert_error(&p.api.get(&format!("/plans/{}/coach?lang=fr", p.plan)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("lang"));

    // The user's own language is the default.
    let (s, _) = p.api.call(Method::PUT, "/me/language", Some(json!({"language": "de"}))).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(coach(&p.api, p.plan).await["findings"], de["findings"]);

    // Anyone of the organisation may read it; nobody else.
    p.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let viewer = p.app.api("vic@acme.test").await;
    assert_eq!(rules(&coach(&viewer, p.plan).await), rules(&v));
    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = p.app.api("olga@borealis.test").await;
    assert_error(&other.get(&format!("/plans/{}/coach", p.plan)).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&p.api.get("/plans/999999/coach").await, StatusCode::NOT_FOUND, "not_found", None);

    // The OpenAPI document describes the route.
    let (_, doc) = p.api.get("/openapi.json").await;
    assert!(doc["paths"]["/api/v1/plans/{id}/coach"]["get"].is_object(), "documented");
    assert!(doc["paths"]["/api/v1/organisation/coach-rules"]["put"].is_object(), "documented");
}

#[tokio::test]
async fn administrators_switch_rules_off_and_change_their_severity() {
    let (p, admin) = with_admin().await;
    let (s, all) = p.api.get("/organisation/coach-rules").await;
    assert_eq!(s, StatusCode::OK, "every signed-in user reads the settings: {all}");
    assert_eq!(all.as_object().unwrap().len(), 20);
    assert_eq!(all["commitment-vague"], json!({"enabled": true, "severity": "warning"}));
    assert_eq!(all["goal-not-measurable"], json!({"enabled": true, "severity": "blocker"}));

    let before = coach(&p.api, p.plan).await;
    assert_eq!(has(&before, "obstacle-without-commitment").as_deref(), Some("blocker"));
    assert_eq!(has(&before, "no-customer-goal").as_deref(), Some("warning"));

    let (s, saved) = admin
        .call(
            Method::PUT,
            "/organisation/coach-rules",
            Some(json!({"obstacle-without-commitment": {"enabled": false}, "no-customer-goal": {"enabled": true, "severity": "hint"}})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{saved}");
    assert_eq!(saved.as_object().unwrap().len(), 20, "answers every rule");
    assert_eq!(saved["obstacle-without-commitment"], json!({"enabled": false, "severity": "blocker"}));
    assert_eq!(saved["no-customer-goal"], json!({"enabled": true, "severity": "hint"}));
    assert_eq!(saved["commitment-vague"], all["commitment-vague"], "rules not named keep their setting");

    let after = coach(&p.api, p.plan).await;
    assert_eq!(has(&after, "obstacle-without-commitment"), None, "a disabled rule finds nothing");
    assert_eq!(has(&after, "no-customer-goal").as_deref(), Some("hint"));
    assert!(after["score"].as_f64().unwrap() > before["score"].as_f64().unwrap(), "{before} -> {after}");

    // A field left out keeps the current setting.
    let (s, again) = admin.call(Method::PUT, "/organisation/coach-rules", Some(json!({"no-customer-goal": {"enabled": false}}))).await;
    assert_eq!(s, StatusCode::OK, "{again}");
    assert_eq!(again["no-customer-goal"], json!({"enabled": false, "severity": "hint"}));
    assert_eq!(again["obstacle-without-commitment"]["enabled"], false);

    // The other organisation's coach is untouched.
    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = p.app.api("olga@borealis.test").await;
    assert_eq!(other.get("/organisation/coach-rules").await.1["obstacle-without-commitment"]["enabled"], true);
}

#[tokio::test]
async fn bad_settings_are_refused_naming_the_rule_and_nothing_changes() {
    let (p, admin) = with_admin().await;
    let put = |body: Value| admin.call(Method::PUT, "/organisation/coach-rules", Some(body));
    let got = put(json!({"commitment-vague": {"enabled": false}, "commitment-vage": {"enabled": false}})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("commitment-vage"));
    let got = put(json!({"review-overdue": {"severity": "fatal"}})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review-overdue.severity"));
    let got = put(json!({"review-overdue": {"enabled": "yes"}})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review-overdue.enabled"));
    let got = put(json!({"review-overdue": {"colour": "red"}})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review-overdue.colour"));
    let got = put(json!({"review-overdue": true})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review-overdue"));
    let (_, now) = admin.get("/organisation/coach-rules").await;
    assert_eq!(now["commitment-vague"]["enabled"], true, "nothing of a refused body is stored");

    // Only administrators change the coach.
    let got = p.api.call(Method::PUT, "/organisation/coach-rules", Some(json!({"commitment-vague": {"enabled": false}}))).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    p.app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let manager = p.app.api("max@acme.test").await;
    let got = manager.call(Method::PUT, "/organisation/coach-rules", Some(json!({"commitment-vague": {"enabled": false}}))).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);

    // With the session cookie, a write needs the CSRF header, as every API write does.
    let s = p.app.login(ADMIN).await;
    let body = json!({"commitment-vague": {"severity": "hint"}});
    let (status, _) = s.api(Method::PUT, "/organisation/coach-rules", Some(body.clone()), false).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, v) = s.api(Method::PUT, "/organisation/coach-rules", Some(body), true).await;
    assert_eq!((status, &v["commitment-vague"]["severity"]), (StatusCode::OK, &json!("hint")), "{v}");
}

#[tokio::test]
async fn the_settings_page_shows_every_rule_and_saves_them() {
    let (p, _admin) = with_admin().await;
    let s = p.app.login(ADMIN).await;
    let page = page_in(&s, "/admin/coach", "").await;
    assert!(page.contains("href=\"/admin/coach\""), "linked from the admin navigation");
    assert!(page.contains("Vague wording in a commitment") && page.contains("commitment-vague"), "rules by name and id");
    assert_eq!(page.matches("name=\"enabled\"").count(), 20);
    let de = page_in(&s, "/admin/coach", GERMAN).await;
    assert!(de.contains("Vage Formulierung einer Zusage") && de.contains("Schweregrad"), "in German too");

    // The form sends every rule: the boxes ticked, the severities chosen.
    let mut form: Vec<(String, String)> = Vec::new();
    for (id, setting) in p.api.get("/organisation/coach-rules").await.1.as_object().unwrap() {
        if id != "commitment-vague" {
            form.push(("enabled".into(), id.clone()));
        }
        let severity = if id == "actions-bunched" { "blocker" } else { setting["severity"].as_str().unwrap() };
        form.push((format!("severity-{id}"), severity.into()));
    }
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = s.post("/admin/coach", &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, now) = p.api.get("/organisation/coach-rules").await;
    assert_eq!(now["commitment-vague"], json!({"enabled": false, "severity": "warning"}));
    assert_eq!(now["actions-bunched"], json!({"enabled": true, "severity": "blocker"}));
    assert_eq!(now["goal-not-measurable"], json!({"enabled": true, "severity": "blocker"}));

    // A severity nobody offers is refused on the page, naming the rule.
    let res = s.post("/admin/coach", &[("enabled", "review-overdue"), ("severity-review-overdue", "fatal")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("must be blocker, warning or hint"));

    // Not for anyone else.
    let kam = p.app.login("kim@acme.test").await;
    let (status, _) = kam.get("/admin/coach").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page_in(&kam, "/accounts", "").await.contains("href=\"/admin/coach\""));
    let res = kam.post("/admin/coach", &[("severity-review-overdue", "hint")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_level_rises_with_the_team_and_held_reviews_keep_the_score() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let (s, v) =
        p.api.call(Method::PUT, &format!("/accounts/{}/team/{}", p.account, mel.id.get()), Some(json!({"function": "service"}))).await;
    assert!(s.is_success(), "{v}");
    let c = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Run the trial at the Zwickau plant", "2027-03-31").await;
    assert_eq!(coach(&p.api, p.plan).await["level"], 1, "proposed to Mel, not yet hers");
    let mel_api = p.app.api("mel@acme.test").await;
    let (s, v) = mel_api.post(&format!("/commitments/{}/accept", id(&c)), json!({})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let now = coach(&p.api, p.plan).await;
    assert_eq!(now["level"], 2, "another team member accepted a commitment: {now}");
    assert_eq!(now["next_level"]["level"], 3);

    // Holding a review keeps the coach's score and level with it, and the trend lists it.
    let (s, r) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": "2027-01-15"})).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    assert!(r["coach_score"].is_null() && r["coach_level"].is_null(), "not held yet: {r}");
    let (s, held) = p.api.post(&format!("/reviews/{}/hold", id(&r)), json!({"version": r["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{held}");
    assert_eq!(held["coach_score"], now["score"], "{held}");
    assert_eq!(held["coach_level"], 2);
    let (s, trend) = p.api.get(&format!("/plans/{}/coach/trend", p.plan)).await;
    assert_eq!(s, StatusCode::OK, "{trend}");
    assert_eq!(trend["trend"], json!([{"review_id": id(&r), "kind": "team", "date": "2027-01-15", "score": now["score"], "level": 2}]));
    assert_eq!(keys(&coach(&p.api, p.plan).await), ["findings", "level", "next_level", "score"], "the coach keeps its shape");
}
