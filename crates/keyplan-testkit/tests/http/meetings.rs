//! The regular sales meeting over HTTP (both databases): the default agenda
//! takes the plans with the most change or risk, field errors name the field,
//! managers only, organisation scoping, decisions and follow-up commitments
//! that go into the plan (the follow-up through the usual acceptance), the
//! next meeting's "what changed" against the snapshot of the last one, and the
//! agenda as Markdown and PDF in the reader's language.

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp};
use lopdf::Document;
use reqwest::StatusCode;
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::helpers::id;

struct World {
    app: TestApp,
    mia: Api,
    kim: Api,
    kim_id: i64,
    /// Busy (a new obstacle), Late (an overdue commitment), Quiet (nothing).
    busy: i64,
    late: i64,
    quiet: i64,
    /// Busy's goal and obstacle.
    goal: i64,
    obstacle: i64,
}

fn day(offset: i64) -> String {
    let d = OffsetDateTime::now_utc().date() + Duration::days(offset);
    keyplan_domain::validate::format_date(d)
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    app.user("Acme", "mia@acme.test", "Mia Manager", Role::Manager).await;
    let kim = app.user("Acme", "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let (mia, kim_api) = (app.api("mia@acme.test").await, app.api("kim@acme.test").await);
    let mut plans = Vec::new();
    for name in ["Busy", "Late", "Quiet"] {
        let (s, a) = mia.post("/accounts", json!({"name": name, "owner_id": kim.id.get()})).await;
        assert_eq!(s, StatusCode::CREATED, "{a}");
        let (s, p) =
            kim_api.post(&format!("/accounts/{}/plans", id(&a)), json!({"title": format!("{name} FY27"), "status": "active"})).await;
        assert_eq!(s, StatusCode::CREATED, "{p}");
        plans.push(id(&p));
    }
    let [goal, _, _, obstacle] = kim_api.skeleton(plans[0]).await;
    let late_goal = kim_api.node(plans[1], json!({"kind": "goal", "title": "Keep the volume"})).await;
    let overdue = json!({"kind": "commitment", "parent_id": late_goal["id"], "title": "Send the price sheet",
        "owner_id": kim.id.get(), "due_date": day(-3)});
    kim_api.node(plans[1], overdue).await;
    World { app, mia, kim: kim_api, kim_id: kim.id.get(), busy: plans[0], late: plans[1], quiet: plans[2], goal, obstacle }
}

fn plan_ids(m: &Value) -> Vec<i64> {
    m["plans"].as_array().unwrap().iter().map(|p| p["plan_id"].as_i64().unwrap()).collect()
}

fn reasons(p: &Value) -> Vec<&str> {
    p["reasons"].as_array().unwrap().iter().map(|r| r["reason"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_default_agenda_takes_the_plans_with_the_most_change_or_risk() {
    let w = world().await;
    let (s, p) = w.mia.get(&format!("/meetings/proposal?date={}", day(0))).await;
    assert_eq!(s, StatusCode::OK, "{p}");
    let chosen: Vec<i64> = p["chosen"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
    assert_eq!(chosen, [w.busy, w.late], "the new blocker first, the quiet plan left out");

    let (s, m) = w.mia.post("/meetings", json!({"date": day(0), "title": "KAM round"})).await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    assert_eq!(plan_ids(&m), [w.busy, w.late]);
    assert_eq!((m["title"].as_str(), m["closed_at"].as_str()), (Some("KAM round"), None));
    assert!(reasons(&m["plans"][0]).contains(&"new_blockers"), "{m}");
    assert!(reasons(&m["plans"][1]).contains(&"overdue_commitments"), "{m}");
    assert_eq!(m["plans"][1]["reasons"][0]["count"], 1);
    assert_eq!(m["plans"][0]["kam_name"], "Kim Kamara");
    assert_eq!(m["plans"][0]["changes_since"], Value::Null, "no earlier snapshot to compare against");

    // Chosen by hand, in the order given; the quiet plan is there "by hand".
    let (s, m2) = w.mia.post("/meetings", json!({"date": day(1), "plan_ids": [w.quiet, w.busy]})).await;
    assert_eq!((s, plan_ids(&m2)), (StatusCode::CREATED, vec![w.quiet, w.busy]), "{m2}");
    assert!(reasons(&m2["plans"][0]).is_empty());

    let (s, list) = w.mia.get("/meetings").await;
    assert_eq!(s, StatusCode::OK);
    let dates: Vec<&str> = list.as_array().unwrap().iter().map(|m| m["date"].as_str().unwrap()).collect();
    assert_eq!(dates, [day(1), day(0)], "latest first");
    assert_eq!((list[1]["plans"].as_i64(), list[1]["decisions"].as_i64()), (Some(2), Some(0)));
}

#[tokio::test]
async fn bad_meetings_name_the_field_and_only_managers_run_them() {
    let w = world().await;
    for (body, field) in [
        (json!({"date": "15.03.2027"}), "date"),
        (json!({}), "date"),
        (json!({"date": day(0), "plan_ids": []}), "plan_ids"),
        (json!({"date": day(0), "plan_ids": [999_999]}), "plan_ids"),
        (json!({"date": day(0), "plan_ids": "all"}), "plan_ids"),
        (json!({"date": day(0), "title": "x".repeat(201)}), "title"),
        (json!({"date": day(0), "agenda": []}), "agenda"),
    ] {
        let (s, v) = w.mia.post("/meetings", body.clone()).await;
        assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{body}: {v}");
    }
    assert_eq!(w.kim.post("/meetings", json!({"date": day(0)})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(w.kim.get("/meetings").await.0, StatusCode::FORBIDDEN);

    // Another organisation neither sees the meeting nor puts its plans on an agenda.
    let (_, m) = w.mia.post("/meetings", json!({"date": day(0)})).await;
    w.app.user("Globex", "zed@globex.test", "Zed Boss", Role::Manager).await;
    let zed = w.app.api("zed@globex.test").await;
    assert_eq!(zed.get(&format!("/meetings/{}", id(&m))).await.0, StatusCode::NOT_FOUND);
    let (s, v) = zed.post("/meetings", json!({"date": day(0), "plan_ids": [w.busy]})).await;
    assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("plan_ids")), "{v}");
    let (s, _) = zed.post(&format!("/meetings/{}/decisions", id(&m)), json!({"plan_id": w.busy, "text": "Mine now"})).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, zl) = zed.get("/meetings").await;
    assert_eq!(zl.as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn decisions_and_follow_ups_go_into_the_plan_and_the_next_meeting_shows_what_changed() {
    let w = world().await;
    let (_, m) = w.mia.post("/meetings", json!({"date": day(0)})).await;
    let meeting = id(&m);

    // A decision lands in the plan's history and tells the KAM.
    let path = format!("/meetings/{meeting}/decisions");
    let (s, d) = w.mia.post(&path, json!({"plan_id": w.busy, "text": "Escalate the design review to Martin"})).await;
    assert_eq!((s, d["kind"].as_str()), (StatusCode::CREATED, Some("decision")), "{d}");
    for (body, field) in [
        (json!({"plan_id": w.busy, "text": "  "}), "text"),
        (json!({"plan_id": w.quiet, "text": "Not on the agenda"}), "plan_id"),
        (json!({"text": "No plan"}), "plan_id"),
    ] {
        let (s, v) = w.mia.post(&path, body.clone()).await;
        assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{body}: {v}");
    }
    let (_, history) = w.kim.get(&format!("/plans/{}/activity", w.busy)).await;
    let summaries: Vec<&str> = history.as_array().unwrap().iter().filter_map(|a| a["summary"].as_str()).collect();
    assert!(summaries.iter().any(|s| s.contains("decided: Escalate the design review to Martin")), "{summaries:?}");
    let (_, n) = w.kim.get("/me/notifications").await;
    let messages: Vec<&str> = n["notifications"].as_array().unwrap().iter().filter_map(|m| m["message"].as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("Busy FY27") && m.contains("Escalate the design review")), "{messages:?}");

    // A follow-up commitment enters the tree and waits for its owner's acceptance.
    let fpath = format!("/meetings/{meeting}/follow-ups");
    let body = json!({"plan_id": w.busy, "parent_id": w.obstacle, "title": "Book the engineers' workshop", "owner_id": w.kim_id, "due_date": day(14)});
    let (s, f) = w.mia.post(&fpath, body).await;
    assert_eq!((s, f["acceptance"].as_str()), (StatusCode::CREATED, Some("proposed")), "{f}");
    let node = f["node_id"].as_i64().unwrap();
    let (s, v) = w.kim.post(&format!("/commitments/{node}/accept"), json!({})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let csf = w.kim.node(w.busy, json!({"kind": "csf", "parent_id": w.goal, "title": "Second sponsor"})).await;
    for (body, field) in [
        (
            json!({"plan_id": w.busy, "parent_id": id(&csf), "title": "Under a factor", "owner_id": w.kim_id, "due_date": day(7)}),
            "parent_id",
        ),
        (json!({"plan_id": w.busy, "title": "No parent", "owner_id": w.kim_id, "due_date": day(7)}), "parent_id"),
        (json!({"plan_id": w.busy, "parent_id": w.obstacle, "title": "", "owner_id": w.kim_id, "due_date": day(7)}), "title"),
        (json!({"plan_id": w.late, "parent_id": w.obstacle, "title": "Wrong plan", "owner_id": w.kim_id, "due_date": day(7)}), "parent_id"),
    ] {
        let (s, v) = w.mia.post(&fpath, body.clone()).await;
        assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{body}: {v}");
    }
    let (_, m) = w.mia.get(&format!("/meetings/{meeting}")).await;
    let busy = &m["plans"][0];
    assert_eq!(busy["decisions"][0]["text"], "Escalate the design review to Martin");
    assert_eq!(
        (busy["follow_ups"][0]["text"].as_str(), busy["follow_ups"][0]["node_id"].as_i64()),
        (Some("Book the engineers' workshop"), Some(node))
    );
    assert_eq!(m["plans"][1]["open_asks"].as_array().map(Vec::len), Some(0), "Kim's own commitment needs no acceptance");

    // Closing snapshots the plans; a closed meeting is not closed again.
    let (s, closed) = w.mia.post(&format!("/meetings/{meeting}/close"), json!({})).await;
    assert_eq!(s, StatusCode::OK, "{closed}");
    assert!(closed["closed_at"].is_string());
    let (s, v) = w.mia.post(&format!("/meetings/{meeting}/close"), json!({})).await;
    assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("meeting")), "{v}");

    // After the meeting the goal changes and someone is asked for something.
    let (_, g) = w.kim.get(&format!("/nodes/{}", w.goal)).await;
    let (s, v) = w.kim.patch(&format!("/nodes/{}", w.goal), json!({"version": g["version"], "title": "Grow to 2.5m"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    w.app.user("Acme", "sam@acme.test", "Sam Specialist", Role::Member).await;
    let (_, users) = w.mia.get("/users").await;
    let sam = users.as_array().unwrap().iter().find(|u| u["name"] == "Sam Specialist").map(id).unwrap();
    let ask = json!({"kind": "commitment", "parent_id": w.obstacle, "title": "Run the lab trial", "owner_id": sam, "due_date": day(20)});
    w.kim.node(w.busy, ask).await;

    let (s, next) = w.mia.post("/meetings", json!({"date": day(7), "plan_ids": [w.busy]})).await;
    assert_eq!(s, StatusCode::CREATED, "{next}");
    let busy = &next["plans"][0];
    assert_eq!(busy["changes_since"]["meeting_date"].as_str(), Some(day(0).as_str()), "{busy}");
    assert_eq!(next["last_meeting"].as_str(), Some(day(0).as_str()));
    let changes: Vec<&str> = busy["changes"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(changes.iter().any(|c| c.contains("Grow to 2.5m")), "{changes:?}");
    assert!(changes.iter().any(|c| c.contains("Run the lab trial")), "{changes:?}");
    assert!(!changes.iter().any(|c| c.contains("Book the engineers' workshop")), "discussed at the last meeting: {changes:?}");
    let asks: Vec<&str> = busy["open_asks"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(asks, ["Run the lab trial"]);
    assert_eq!(busy["open_asks"][0]["owner_name"], "Sam Specialist");

    // The agenda downloads as Markdown and PDF, in the reader's language.
    let next_id = id(&next);
    let md =
        w.mia.client.get(format!("{}/api/v1/meetings/{next_id}/agenda.md", w.mia.base)).bearer_auth(&w.mia.token).send().await.unwrap();
    assert_eq!(md.status(), StatusCode::OK);
    assert!(md.headers()["content-type"].to_str().unwrap().starts_with("text/markdown"));
    let text = md.text().await.unwrap();
    for needle in [
        "# Sales meeting",
        "Busy — Busy FY27",
        "What changed since the meeting on",
        "Grow to 2.5m",
        "Open asks",
        "Run the lab trial — Sam Specialist: Awaiting acceptance",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let de = w
        .mia
        .client
        .get(format!("{}/api/v1/meetings/{next_id}/agenda.md", w.mia.base))
        .bearer_auth(&w.mia.token)
        .header("Accept-Language", "de")
        .send()
        .await
        .unwrap();
    let text = de.text().await.unwrap();
    assert!(text.contains("# Vertriebsbesprechung") && text.contains("Offene Bitten") && text.contains("Tagesordnung"), "{text}");
    let pdf =
        w.mia.client.get(format!("{}/api/v1/meetings/{next_id}/agenda.pdf", w.mia.base)).bearer_auth(&w.mia.token).send().await.unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-disposition"], format!("attachment; filename=\"meeting-{}.pdf\"", day(7)));
    let doc = Document::load_mem(&pdf.bytes().await.unwrap()).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text: String = doc.extract_text(&pages).unwrap().chars().filter(|c| !c.is_whitespace() && *c != '\u{ad}').collect();
    assert!(text.contains("BusyFY27") && text.contains("Grow") && text.contains("Runthelabtrial"), "{text}");
    let kim_pdf =
        w.kim.client.get(format!("{}/api/v1/meetings/{next_id}/agenda.pdf", w.kim.base)).bearer_auth(&w.kim.token).send().await.unwrap();
    assert_eq!(kim_pdf.status(), StatusCode::FORBIDDEN);
}
