//! The management committee over HTTP: the default choice of plans by
//! potential (and the organisation's `committee_plans`), field errors,
//! managers only, organisation scoping, outcomes that land in the plan's
//! history and notify its KAM, and the pack parsed as a PDF (pages, contents,
//! every plan, nothing the management audience may not see).

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp};
use lopdf::Document;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::id;

struct World {
    app: TestApp,
    mia: Api,
    kim: Api,
    mia_id: i64,
    /// Plans by potential: Northwind 5m, Initech 3m, Globex 1m.
    plans: [i64; 3],
    draft: i64,
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let mia = app.user("Acme", "mia@acme.test", "Mia Manager", Role::Manager).await;
    let kim = app.user("Acme", "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user("Acme", "ada@acme.test", "Ada Admin", Role::Admin).await;
    let (mia_api, kim_api) = (app.api("mia@acme.test").await, app.api("kim@acme.test").await);
    let mut plans = Vec::new();
    for (name, potential) in [("Northwind", 5e6), ("Initech", 3e6), ("Globex", 1e6)] {
        let (s, a) = mia_api.post("/accounts", json!({"name": name, "potential": potential, "owner_id": kim.id.get()})).await;
        assert_eq!(s, StatusCode::CREATED, "{a}");
        let body = json!({"title": format!("{name} FY27"), "status": "active", "template": "strategic"});
        let (s, p) = kim_api.post(&format!("/accounts/{}/plans", id(&a)), body).await;
        assert_eq!(s, StatusCode::CREATED, "{p}");
        plans.push(id(&p));
    }
    // A draft of the largest account never goes before the committee by default.
    let (_, big) = mia_api.post("/accounts", json!({"name": "Umbrella", "potential": 9e6, "owner_id": kim.id.get()})).await;
    let (_, draft) = kim_api.post(&format!("/accounts/{}/plans", id(&big)), json!({"title": "Umbrella draft", "status": "draft"})).await;
    World { app, mia: mia_api, kim: kim_api, mia_id: mia.id.get(), plans: [plans[0], plans[1], plans[2]], draft: id(&draft) }
}

fn plan_ids(c: &Value) -> Vec<i64> {
    c["plans"].as_array().unwrap().iter().map(|p| p["plan_id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn a_session_takes_the_plans_of_greatest_potential_unless_told() {
    let w = world().await;
    let (s, c) = w.mia.post("/committees", json!({"date": "2027-03-15", "participant_ids": [w.mia_id]})).await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    assert_eq!(plan_ids(&c), w.plans, "live plans by potential, the draft left out");
    assert!(!plan_ids(&c).contains(&w.draft));
    assert_eq!((c["date"].as_str(), c["participants"][0]["name"].as_str()), (Some("2027-03-15"), Some("Mia Manager")));
    assert_eq!(c["plans"][0]["kam_name"], "Kim Kamara");
    assert_eq!(c["plans"][0]["outcome"], Value::Null);

    // The organisation takes two by default from now on.
    let admin = w.app.api("ada@acme.test").await;
    let (s, v) = admin.call(Method::PATCH, "/organisation/settings", Some(json!({"committee_plans": 2}))).await;
    assert_eq!((s, v["committee_plans"].as_i64()), (StatusCode::OK, Some(2)), "{v}");
    let (_, c2) = w.mia.post("/committees", json!({"date": "2027-09-15", "participant_ids": []})).await;
    assert_eq!(plan_ids(&c2), w.plans[..2]);
    // Chosen by hand, in the order given.
    let (s, c3) = w.mia.post("/committees", json!({"date": "2027-10-01", "participant_ids": [], "plan_ids": [w.plans[2], w.draft]})).await;
    assert_eq!((s, plan_ids(&c3)), (StatusCode::CREATED, vec![w.plans[2], w.draft]), "{c3}");

    let (s, list) = w.mia.get("/committees").await;
    assert_eq!(s, StatusCode::OK);
    let dates: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2027-10-01", "2027-09-15", "2027-03-15"], "newest first");
    assert_eq!((list[2]["plans"].as_i64(), list[2]["decided"].as_i64()), (Some(3), Some(0)));

    for (body, field) in [
        (json!({"date": "15.03.2027", "participant_ids": []}), "date"),
        (json!({"participant_ids": []}), "date"),
        (json!({"date": "2027-03-15", "participant_ids": [], "plan_ids": []}), "plan_ids"),
        (json!({"date": "2027-03-15", "participant_ids": "everyone"}), "participant_ids"),
        (json!({"date": "2027-03-15", "participant_ids": [999_999]}), "participant_ids"),
        (json!({"date": "2027-03-15", "participant_ids": [], "plan_ids": [999_999]}), "plan_ids"),
        (json!({"date": "2027-03-15", "participant_ids": [], "room": "B2"}), "room"),
    ] {
        let (s, v) = w.mia.post("/committees", body.clone()).await;
        assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{body}: {v}");
    }

    // KAMs do not run committees; another organisation sees none of it.
    assert_eq!(w.kim.get("/committees").await.0, StatusCode::FORBIDDEN);
    assert_eq!(w.kim.post("/committees", json!({"date": "2027-03-15", "participant_ids": []})).await.0, StatusCode::FORBIDDEN);
    w.app.user("Globex Inc", "gil@globex.test", "Gil Globex", Role::Manager).await;
    let gil = w.app.api("gil@globex.test").await;
    assert_eq!(gil.get(&format!("/committees/{}", id(&c))).await.0, StatusCode::NOT_FOUND);
    assert_eq!(gil.get("/committees").await.1, json!([]));
    let (s, v) = gil.post("/committees", json!({"date": "2027-03-15", "participant_ids": [], "plan_ids": [w.plans[0]]})).await;
    assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("plan_ids")), "{v}");
}

#[tokio::test]
async fn outcomes_land_in_the_plans_history_and_tell_the_kam() {
    let w = world().await;
    let (_, c) = w.mia.post("/committees", json!({"date": "2027-03-15", "participant_ids": [w.mia_id]})).await;
    let session = id(&c);
    let path = |plan: i64| format!("/committees/{session}/outcomes/{plan}");
    let put = |plan: i64, body: Value| {
        let path = path(plan);
        let mia = &w.mia;
        async move { mia.call(Method::PUT, &path, Some(body)).await }
    };

    let (s, v) = put(w.plans[0], json!({"outcome": "endorsed_with_conditions"})).await;
    assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("text")), "{v}");
    let (s, v) = put(w.plans[0], json!({"outcome": "approved"})).await;
    assert_eq!((s, v["error"]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("outcome")), "{v}");
    let (s, v) = put(w.plans[0], json!({"outcome": "endorsed_with_conditions", "text": "Add a second sponsor by June"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        (v["plans"][0]["outcome"].as_str(), v["plans"][0]["text"].as_str()),
        (Some("endorsed_with_conditions"), Some("Add a second sponsor by June"))
    );
    let (s, v) = put(w.plans[1], json!({"outcome": "sent_back", "text": "The goal has no figure"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(put(w.plans[2], json!({"outcome": "endorsed"})).await.0, StatusCode::OK);
    // A plan not in the session, and the KAM: refused.
    assert_eq!(put(w.draft, json!({"outcome": "endorsed"})).await.0, StatusCode::NOT_FOUND);
    let (s, _) = w.kim.call(Method::PUT, &path(w.plans[0]), Some(json!({"outcome": "endorsed"}))).await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    let (_, list) = w.mia.get("/committees").await;
    assert_eq!(
        ["decided", "endorsed", "endorsed_with_conditions", "sent_back"].map(|k| list[0][k].as_i64()),
        [Some(3), Some(1), Some(1), Some(1)]
    );
    let (_, history) = w.kim.get(&format!("/plans/{}/activity", w.plans[0])).await;
    let summaries: Vec<&str> = history.as_array().unwrap().iter().filter_map(|a| a["summary"].as_str()).collect();
    assert!(summaries.iter().any(|s| s.contains("endorsed the plan") && s.contains("Add a second sponsor by June")), "{summaries:?}");
    let (_, n) = w.kim.get("/me/notifications").await;
    let messages: Vec<&str> = n["notifications"].as_array().unwrap().iter().filter_map(|m| m["message"].as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("sent Initech FY27 back") && m.contains("The goal has no figure")), "{messages:?}");
    assert_eq!(messages.iter().filter(|m| m.contains("management committee")).count(), 3, "{messages:?}");
}

fn pdf_text(pdf: &[u8]) -> (usize, String) {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("extractable text");
    (pages.len(), text.chars().filter(|c| !c.is_whitespace() && *c != '\u{ad}').collect())
}

#[tokio::test]
async fn the_pack_has_a_cover_contents_and_each_plans_briefing() {
    let w = world().await;
    let plan = w.plans[0];
    let (s, goal) = w.kim.post(&format!("/plans/{plan}/nodes"), json!({"kind": "goal", "title": "Become preferred supplier"})).await;
    assert_eq!(s, StatusCode::CREATED, "{goal}");
    let risk = json!({"section": "opportunities-risks", "kind": "risk", "text": "MGMTRISK supply interruption"});
    let (s, risk) = w.kim.post(&format!("/plans/{plan}/items"), risk).await;
    assert_eq!(s, StatusCode::CREATED, "{risk}");
    let shown = json!({"target_kind": "item", "target_id": id(&risk), "visibility": "management"});
    assert_eq!(w.kim.call(Method::PUT, &format!("/plans/{plan}/visibility"), Some(shown)).await.0, StatusCode::OK);
    let secret = json!({"section": "opportunities-risks", "kind": "risk", "text": "TEAMONLYSECRET price floor"});
    assert_eq!(w.kim.post(&format!("/plans/{plan}/items"), secret).await.0, StatusCode::CREATED);

    let (_, c) = w.mia.post("/committees", json!({"date": "2027-03-15", "participant_ids": [w.mia_id]})).await;
    let res =
        w.mia.client.get(format!("{}/api/v1/committees/{}/pack.pdf", w.mia.base, id(&c))).bearer_auth(&w.mia.token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.headers()["content-disposition"], "attachment; filename=\"committee-2027-03-15.pdf\"");
    let (pages, text) = pdf_text(&res.bytes().await.unwrap());
    assert!(pages >= 5, "a cover, the contents and a page per plan: {pages}");
    assert!(pages <= 2 + 2 * 3, "one to two pages per plan: {pages}");
    assert!(text.contains("Agenda") && text.contains("Contents") && text.contains("MiaManager"), "{text}");
    for name in ["1.Northwind—NorthwindFY27", "2.Initech—InitechFY27", "3.Globex—GlobexFY27"] {
        assert!(text.matches(name).count() >= 2, "{name} in the contents and as a heading: {text}");
    }
    assert!(text.contains("Becomepreferredsupplier") && text.contains("MGMTRISKsupplyinterruption"), "{text}");
    assert!(!text.contains("TEAMONLYSECRET"), "team-only items never reach the pack");
    assert!(text.contains("Page1of") && text.contains("Whatweneedfrommanagement"), "{text}");

    // Only managers and administrators download it.
    let res = w.kim.client.get(format!("{}/api/v1/committees/{}/pack.pdf", w.kim.base, id(&c))).bearer_auth(&w.kim.token).send().await;
    assert_eq!(res.unwrap().status(), StatusCode::FORBIDDEN);
}
