//! The review forms when something is wrong: field errors next to their fields
//! with what was typed kept (422), holding only the version the user saw (409,
//! nothing held), and what reviews leave in the plan's history and in people's
//! notifications.

use keyplan_domain::Role;
use keyplan_testkit::{Session, hidden_value};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, assert_error, enclosing, id, planned};

const MANAGER: &str = "mia@acme.test";

/// The `<label>` holding the input named `name`, in the reviews card when the
/// page has one (the plan's tree, above it, has fields of the same names).
fn label_of<'a>(html: &'a str, name: &str) -> &'a str {
    let html = html.find("id=\"reviews\"").map_or(html, |at| &html[at..]);
    enclosing(html, &format!("name=\"{name}\""), "<label", "</label>")
}

async fn page(s: &Session, path: &str) -> String {
    let (status, html) = s.get(path).await;
    assert_eq!(status, StatusCode::OK, "{path}");
    html
}

async fn body(res: reqwest::Response) -> (StatusCode, String) {
    let status = res.status();
    (status, res.text().await.unwrap())
}

#[tokio::test]
async fn review_forms_mark_the_field_and_keep_what_was_typed() {
    let p = planned().await;
    p.app.user(ORG, MANAGER, "Mia Manager", Role::Manager).await;
    let kam = p.app.login("kim@acme.test").await;
    let plan = format!("/plans/{}", p.plan);

    // Planning a review: unknown kind, then an impossible date.
    let (s, html) = body(kam.post(&format!("{plan}/reviews"), &[("kind", "weekly"), ("review_date", "2027-02-01")]).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(label_of(&html, "kind").contains("field-error"), "the error sits at the kind");
    assert!(label_of(&html, "review_date").contains(r#"value="2027-02-01""#), "the date is kept");
    let (s, html) = body(kam.post(&format!("{plan}/reviews"), &[("kind", "management"), ("review_date", "2027-02-30")]).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let date = label_of(&html, "review_date");
    assert!(date.contains("field-error") && date.contains(r#"value="2027-02-30""#) && date.contains("aria-invalid"), "{date}");
    assert!(label_of(&html, "kind").contains(r#"value="management" selected"#), "the kind is kept");
    assert!(!label_of(&html, "kind").contains("field-error"));
    assert_eq!(p.api.get(&format!("{plan}/reviews")).await.1, json!([]), "nothing was planned");

    // The review schedule.
    let version =
        hidden_value(enclosing(&page(&kam, &format!("{plan}?tab=reviews")).await, "id=\"review-schedule\"", "<form", "</form>"), "version")
            .unwrap();
    let fields = [("version", version.as_str()), ("review_cadence_months", "99"), ("next_review_date", "2027-03-15")];
    let (s, html) = body(kam.post(&format!("{plan}/review-schedule"), &fields).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(label_of(&html, "review_cadence_months").contains("field-error"));
    assert!(label_of(&html, "review_cadence_months").contains(r#"value="99""#));
    assert!(label_of(&html, "next_review_date").contains(r#"value="2027-03-15""#));
    assert!(html.contains(r#"<details class="rv-schedule" open>"#), "the schedule form is open");

    // Notes and decisions on the review page; what was typed comes back escaped.
    let (_, r) = p.api.post(&format!("{plan}/reviews"), json!({"kind": "management", "review_date": "2027-02-01"})).await;
    let review = format!("/reviews/{}", id(&r));
    let v = r["version"].to_string();
    let typed = [("version", v.as_str()), ("review_date", "01/02/2027"), ("notes", "Trial <b>on track</b>"), ("decisions", "Go")];
    let (s, html) = body(kam.post(&review, &typed).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let date = label_of(&html, "review_date");
    assert!(date.contains("field-error") && date.contains(r#"value="01/02/2027""#), "{date}");
    let notes = label_of(&html, "notes");
    assert!(notes.contains("Trial &#60;b&#62;on track&#60;/b&#62;") || notes.contains("Trial &lt;b&gt;on track&lt;/b&gt;"), "{notes}");
    assert!(label_of(&html, "decisions").contains(">Go</textarea>"));
    assert_eq!(p.api.get(&review).await.1["notes"], Value::Null, "nothing was saved");

    // A manager's sign-off asking for changes without saying which.
    let (_, got) = p.api.get(&review).await;
    p.api.post(&format!("{review}/hold"), json!({"version": got["version"]})).await;
    let mia = p.app.login(MANAGER).await;
    let v = hidden_value(enclosing(&page(&mia, &review).await, "id=\"signoff-form\"", "<form", "</form>"), "version").unwrap();
    let (s, html) =
        body(mia.post(&format!("{review}/signoff"), &[("version", &v), ("decision", "changes_requested"), ("comment", " ")]).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(label_of(&html, "comment").contains("field-error"));
    assert!(html.contains(r#"value="changes_requested" checked"#), "the decision is kept");
    assert!(!html.contains(r#"value="approved" checked"#));
    assert_eq!(p.api.get(&review).await.1["signoff"], Value::Null);

    // The API names the field.
    let bad = p.api.post(&format!("{plan}/reviews"), json!({"kind": "team", "review_date": "2027-02-30"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review_date"));
    let bad = p.api.patch(&review, json!({"version": 1, "review_date": "soon"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("review_date"));
    let manager = p.app.api(MANAGER).await;
    let bad = manager.post(&format!("{review}/signoff"), json!({"decision": "maybe"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("decision"));
}

#[tokio::test]
async fn holding_takes_the_version_that_was_seen() {
    let p = planned().await;
    let kam = p.app.login("kim@acme.test").await;
    let (_, r) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": "2027-01-15"})).await;
    let review = format!("/reviews/{}", id(&r));
    let seen = hidden_value(enclosing(&page(&kam, &review).await, "id=\"hold-review\"", "<form", "</form>"), "version").unwrap();
    assert_eq!(seen, "1");
    // Someone else edits the review meanwhile.
    let (s, _) = p.api.patch(&review, json!({"version": 1, "notes": "Agenda changed"})).await;
    assert_eq!(s, StatusCode::OK);

    let (s, html) = body(kam.post(&format!("{review}/hold"), &[("version", &seen)]).await).await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(html.contains("id=\"hold-error\"") && html.contains("it was not held"), "a clear message at the button");
    assert!(html.contains("Agenda changed"), "the page as it is now");
    let api = p.api.post(&format!("{review}/hold"), json!({"version": 1})).await;
    assert_error(&api, StatusCode::CONFLICT, "conflict", None);
    assert_eq!(api.1["error"]["current_version"], 2);
    let missing = p.api.post(&format!("{review}/hold"), json!({})).await;
    assert_error(&missing, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("version"));
    let (_, now) = p.api.get(&review).await;
    assert_eq!((now["held_at"].clone(), now["snapshot_id"].clone()), (Value::Null, Value::Null), "nothing held");
    assert_eq!(p.api.get(&format!("/plans/{}/snapshots", p.plan)).await.1, json!([]), "no snapshot taken");

    // With the version now shown, it holds.
    let fresh = hidden_value(enclosing(&page(&kam, &review).await, "id=\"hold-review\"", "<form", "</form>"), "version").unwrap();
    assert_eq!(kam.post(&format!("{review}/hold"), &[("version", &fresh)]).await.status(), StatusCode::SEE_OTHER);
    assert!(p.api.get(&review).await.1["snapshot_id"].is_i64());
}

fn of_kind(notifications: &Value, kind: &str) -> Vec<String> {
    notifications["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .map(|n| n["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn reviews_are_recorded_and_the_people_concerned_told() {
    let p = planned().await;
    let omar = p.app.user(ORG, "omar@acme.test", "Omar Haddad", Role::Member).await;
    p.app.user(ORG, MANAGER, "Mia Manager", Role::Manager).await;
    let omar_api = p.app.api("omar@acme.test").await;
    let manager = p.app.api(MANAGER).await;
    let (s, r) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "management", "review_date": "2027-01-15"})).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    let review = format!("/reviews/{}", id(&r));

    // Omar takes part: told once, however often he is added; told again when the date moves.
    let (_, r) = p.api.patch(&review, json!({"version": 1, "add_user_id": omar.id.get()})).await;
    let (_, r) = p.api.patch(&review, json!({"version": r["version"], "add_user_id": omar.id.get()})).await;
    let told = of_kind(&omar_api.get("/me/notifications").await.1, "review_scheduled");
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].contains("Kim Kamara") && told[0].contains("management review of 15 Jan 2027") && told[0].contains("Globex plan 2027"));
    let (_, r) = p.api.patch(&review, json!({"version": r["version"], "review_date": "2027-01-22"})).await;
    let told = of_kind(&omar_api.get("/me/notifications").await.1, "review_scheduled");
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(told.iter().any(|m| m.contains("22 Jan 2027")));
    assert!(of_kind(&p.api.get("/me/notifications").await.1, "review_scheduled").is_empty(), "not told of one's own doing");

    // Held, then a manager asks for changes: the KAM hears of it with the comment.
    let (s, held) = p.api.post(&format!("{review}/hold"), json!({"version": r["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{held}");
    let body = json!({"decision": "changes_requested", "comment": "Add a KPI for uptime", "version": held["version"]});
    let (s, signed) = manager.post(&format!("{review}/signoff"), body).await;
    assert_eq!(s, StatusCode::OK, "{signed}");
    let told = of_kind(&p.api.get("/me/notifications").await.1, "review_signoff");
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].contains("Mia Manager requested changes") && told[0].contains("Add a KPI for uptime"), "{told:?}");
    let (s, _) = manager.post(&format!("{review}/signoff"), json!({"decision": "approved", "version": signed["version"]})).await;
    assert_eq!(s, StatusCode::OK);
    let told = of_kind(&p.api.get("/me/notifications").await.1, "review_signoff");
    assert_eq!(told.len(), 2);
    assert!(told.iter().any(|m| m.contains("Mia Manager approved Globex plan 2027")), "{told:?}");

    // A participant removed through the page.
    let kam = p.app.login("kim@acme.test").await;
    let (_, got) = p.api.get(&review).await;
    let pid = got["participants"][0]["id"].as_i64().unwrap();
    assert_eq!(kam.post(&format!("{review}/participants/{pid}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);

    let (_, history) = p.api.get(&format!("/plans/{}/activity", p.plan)).await;
    let entries: Vec<(String, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["target_kind"] == "review")
        .map(|a| (a["action"].as_str().unwrap().to_string(), a["summary"].as_str().unwrap().to_string()))
        .collect();
    let actions: Vec<&str> = entries.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "participant_removed",
            "review_signed_off",
            "review_signed_off",
            "review_held",
            "review_rescheduled",
            "participant_added",
            "review_scheduled"
        ],
        "newest first, one entry per event: {entries:?}"
    );
    assert!(entries.iter().any(|(_, s)| s == "removed Omar Haddad from the management review of 22 Jan 2027"), "{entries:?}");
    assert!(entries.iter().any(|(_, s)| s.contains("requested changes: Add a KPI for uptime")), "{entries:?}");
    assert!(entries.iter().any(|(_, s)| s == "scheduled the management review of 15 Jan 2027"), "{entries:?}");
}

#[tokio::test]
async fn a_snapshot_keeps_every_kpi_actual_and_the_diff_reads_them() {
    let p = planned().await;
    let (_, k) = p.api.post(&format!("/plans/{}/kpis", p.plan), json!({"name": "Uptime", "unit": "h", "period": "quarter"})).await;
    let kpi = id(&k);
    for (day, value) in [("2027-01-10", 10), ("2027-04-10", 12)] {
        let (s, v) =
            p.api.call(reqwest::Method::PUT, &format!("/kpis/{kpi}/actuals"), Some(json!({"period_start": day, "value": value}))).await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
    let (_, r) = p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "team", "review_date": "2027-05-01"})).await;
    let (_, held) = p.api.post(&format!("/reviews/{}/hold", id(&r)), json!({"version": r["version"]})).await;
    let snap = held["snapshot_id"].as_i64().unwrap();
    let (_, s) = p.api.get(&format!("/snapshots/{snap}")).await;
    let actuals = s["data"]["kpis"][0]["actuals"].as_array().cloned().unwrap_or_default();
    let kept: Vec<(&str, &str, &str)> =
        actuals.iter().map(|a| (a["period"].as_str().unwrap(), a["value"].as_str().unwrap(), a["recorded_by"].as_str().unwrap())).collect();
    assert_eq!(kept, [("Q1 2027", "10", "Kim Kamara"), ("Q2 2027", "12", "Kim Kamara")], "{s}");

    // Correct one, add another: the diff names both.
    let (_, list) = p.api.get(&format!("/plans/{}/kpis", p.plan)).await;
    let q2 = list[0]["actuals"][1].clone();
    let body = json!({"period_start": "2027-04-01", "value": 13, "version": q2["version"]});
    assert_eq!(p.api.call(reqwest::Method::PUT, &format!("/kpis/{kpi}/actuals"), Some(body)).await.0, StatusCode::OK);
    let body = json!({"period_start": "2027-07-01", "value": 15});
    assert_eq!(p.api.call(reqwest::Method::PUT, &format!("/kpis/{kpi}/actuals"), Some(body)).await.0, StatusCode::OK);
    let (_, d) = p.api.get(&format!("/plans/{}/diff?from={snap}&to=current", p.plan)).await;
    let texts: Vec<&str> = d["changes"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"KPI “Uptime”: actual for Q2 2027 12 → 13 (by Kim Kamara)"), "{texts:?}");
    assert!(texts.contains(&"KPI “Uptime”: actual for Q3 2027 recorded: 15 (by Kim Kamara)"), "{texts:?}");
}
