//! Reviews end to end: planning and holding a review freezes a snapshot that never
//! changes afterwards; "what changed" as JSON and on the review page; sign-off by
//! managers moves the plan's status; versions, organisation scoping; and plans
//! overdue for review marked on the accounts list, the account page and the plan.

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, commitment, id};

const KAM: &str = "kim@acme.test";
const MANAGER: &str = "mia@acme.test";

struct World {
    app: TestApp,
    api: Api,
    kam: i64,
    account: i64,
    plan: i64,
    obstacle: i64,
    commitment: Value,
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let kam = app.user(ORG, KAM, "Kim Kamara", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex Chemicals").await;
    let plan = api.plan(account, "Globex 2027").await;
    let [_, _, _, obstacle] = api.skeleton(plan).await;
    let commitment = commitment(&api, plan, obstacle, kam.id.get(), "Run the trial", "2027-03-31").await;
    World { app, api, kam: kam.id.get(), account, plan, obstacle, commitment }
}

impl World {
    async fn review(&self, kind: &str) -> Value {
        let (s, v) = self.api.post(&format!("/plans/{}/reviews", self.plan), json!({"kind": kind, "review_date": "2027-01-15"})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v
    }

    async fn hold(&self, review: i64) -> Value {
        let (_, r) = self.api.get(&format!("/reviews/{review}")).await;
        let (s, v) = self.api.post(&format!("/reviews/{review}/hold"), json!({"version": r["version"]})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v
    }

    async fn set_status(&self, status: &str) {
        let (s, node) = self.api.get(&format!("/nodes/{}", id(&self.commitment))).await;
        assert_eq!(s, StatusCode::OK, "{node}");
        let (s, v) =
            self.api.patch(&format!("/nodes/{}", id(&self.commitment)), json!({"version": node["version"], "status": status})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }

    async fn diff(&self, from: &str, to: &str) -> Vec<Value> {
        let (s, v) = self.api.get(&format!("/plans/{}/diff?from={from}&to={to}", self.plan)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v["changes"].as_array().cloned().unwrap_or_default()
    }
}

fn texts(changes: &[Value]) -> Vec<String> {
    changes.iter().map(|c| c["text"].as_str().unwrap_or_default().to_string()).collect()
}

#[tokio::test]
async fn a_held_reviews_snapshot_never_changes_when_the_plan_is_edited() {
    let w = world().await;
    let r = w.review("team").await;
    assert_eq!((r["kind"].as_str(), r["held_at"].is_null()), (Some("team"), true));
    let held = w.hold(id(&r)).await;
    let snap = held["snapshot_id"].as_i64().expect("holding takes a snapshot");
    let (s, before) = w.api.get(&format!("/snapshots/{snap}")).await;
    assert_eq!(s, StatusCode::OK, "{before}");
    assert_eq!(before["data"]["title"], "Globex 2027");
    assert!(w.diff(&snap.to_string(), "current").await.is_empty(), "nothing changed yet");

    // Edit the plan afterwards: status of the commitment, a new node, the title.
    w.set_status("done").await;
    w.api
        .node(
            w.plan,
            json!({"kind": "commitment", "parent_id": w.obstacle, "title": "Visit the plant", "owner_id": w.kam, "due_date": "2027-04-30"}),
        )
        .await;
    let (_, plan) = w.api.get(&format!("/plans/{}", w.plan)).await;
    let (s, v) = w.api.patch(&format!("/plans/{}", w.plan), json!({"version": plan["version"], "title": "Globex 2027 (revised)"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");

    let (_, after) = w.api.get(&format!("/snapshots/{snap}")).await;
    assert_eq!(after, before, "a stored snapshot never changes");
    let (_, again) = w.api.post(&format!("/reviews/{}/hold", id(&r)), json!({"version": held["version"]})).await;
    assert_eq!(again["error"]["code"], "invalid_state", "a review is held once: {again}");
    assert!(w.diff(&snap.to_string(), &snap.to_string()).await.is_empty());

    let changes = w.diff(&snap.to_string(), "current").await;
    let t = texts(&changes);
    assert!(t.contains(&"Commitment “Run the trial”: status Open → Done".to_string()), "{t:?}");
    assert!(t.contains(&"Commitment “Visit the plant” added".to_string()), "{t:?}");
    assert!(t.contains(&"Plan: title Globex 2027 → Globex 2027 (revised)".to_string()), "{t:?}");
    let status = changes.iter().find(|c| c["field"] == "status").unwrap();
    assert_eq!(
        (status["kind"].as_str(), status["before"].as_str(), status["after"].as_str()),
        (Some("changed"), Some("Open"), Some("Done"))
    );
    // The other direction reads as a removal.
    assert!(texts(&w.diff("current", &snap.to_string()).await).contains(&"Commitment “Visit the plant” removed".to_string()));

    // Listing snapshots, and the stored copy is still the same after all of that.
    let (_, list) = w.api.get(&format!("/plans/{}/snapshots", w.plan)).await;
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let (_, last) = w.api.get(&format!("/snapshots/{snap}")).await;
    assert_eq!(last, before);
}

#[tokio::test]
async fn the_review_page_opens_with_what_changed_since_the_last_review() {
    let w = world().await;
    let first = w.review("team").await;
    let snap = w.hold(id(&first)).await["snapshot_id"].as_i64().unwrap();
    w.set_status("in_progress").await;
    let second = w.review("customer").await;
    let kam = w.app.login(KAM).await;
    let (s, html) = kam.get(&format!("/reviews/{}", id(&second))).await;
    assert_eq!(s, StatusCode::OK);
    let what = html.find("What changed since the last review").expect("the page opens with what changed");
    assert!(what < html.find("Participants").unwrap());
    assert!(html.contains("“Run the trial”") && html.contains("In progress"), "{html}");
    assert!(html.contains("Team review of"), "names the review compared with");
    // The compare page shows the same and lets one pick versions.
    let (s, html) = kam.get(&format!("/plans/{}/compare?from={}&to=current", w.plan, snap)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("“Run the trial”") && html.contains("The plan as it is now"));
    // Forms: plan a review, add a participant, save notes, hold it.
    let res = kam.post(&format!("/plans/{}/reviews", w.plan), &[("kind", "management"), ("review_date", "2027-02-01")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = keyplan_testkit::location(&res);
    assert!(to.starts_with("/reviews/"), "{to}");
    let (_, page) = kam.get(&to).await;
    let version = keyplan_testkit::hidden_value(&page, "version").unwrap();
    assert!(page.contains(r#"name="review_date" value="2027-02-01""#), "the date input holds the ISO date");
    kam.post(&format!("{to}/participants"), &[("user_id", &w.kam.to_string())]).await;
    let res =
        kam.post(&to, &[("version", &version), ("review_date", "2027-02-01"), ("notes", "Trial on track"), ("decisions", "Go")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = kam.get(&to).await;
    let version = keyplan_testkit::hidden_value(&page, "version").unwrap();
    let res = kam.post(&format!("{to}/hold"), &[("version", &version)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = kam.get(&to).await;
    assert!(page.contains("Trial on track") && page.contains("Kim Kamara") && page.contains("rv-held"), "{page}");
}

#[tokio::test]
async fn managers_sign_off_held_management_reviews() {
    let w = world().await;
    w.app.user(ORG, MANAGER, "Mia Manager", Role::Manager).await;
    let manager = w.app.api(MANAGER).await;
    let team = w.review("team").await;
    w.hold(id(&team)).await;
    let mgmt = w.review("management").await;
    let signoff = |r: i64, body: Value| {
        let api = &manager;
        async move { api.post(&format!("/reviews/{r}/signoff"), body).await }
    };
    let early = signoff(id(&mgmt), json!({"decision": "approved"})).await;
    assert_error(&early, StatusCode::CONFLICT, "invalid_state", None);
    let held = w.hold(id(&mgmt)).await;
    let by_kam = w.api.post(&format!("/reviews/{}/signoff", id(&mgmt)), json!({"decision": "approved"})).await;
    assert_error(&by_kam, StatusCode::FORBIDDEN, "forbidden", None);
    let on_team = signoff(id(&team), json!({"decision": "approved"})).await;
    assert_error(&on_team, StatusCode::CONFLICT, "invalid_state", None);
    let no_reason = signoff(id(&mgmt), json!({"decision": "changes_requested"})).await;
    assert_error(&no_reason, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("comment"));

    let (s, v) = signoff(id(&mgmt), json!({"decision": "approved", "comment": "Good plan", "version": held["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((v["signoff"].as_str(), v["signoff_comment"].as_str()), (Some("approved"), Some("Good plan")));
    let (_, plan) = w.api.get(&format!("/plans/{}", w.plan)).await;
    assert_eq!(plan["status"], "approved");
    let stale = signoff(id(&mgmt), json!({"decision": "changes_requested", "comment": "x", "version": held["version"]})).await;
    assert_error(&stale, StatusCode::CONFLICT, "conflict", None);
    let (s, _) = signoff(id(&mgmt), json!({"decision": "changes_requested", "comment": "Add a KPI"})).await;
    assert_eq!(s, StatusCode::OK);
    let (_, plan) = w.api.get(&format!("/plans/{}", w.plan)).await;
    assert_eq!(plan["status"], "active");
}

#[tokio::test]
async fn versions_permissions_and_other_organisations() {
    let w = world().await;
    let r = w.review("team").await;
    let path = format!("/reviews/{}", id(&r));
    let (s, v) = w.api.patch(&path, json!({"version": 1, "notes": "First notes"})).await;
    assert_eq!((s, v["notes"].as_str(), v["version"].as_i64()), (StatusCode::OK, Some("First notes"), Some(2)));
    let stale = w.api.patch(&path, json!({"version": 1, "notes": "Lost"})).await;
    assert_error(&stale, StatusCode::CONFLICT, "conflict", None);
    let bad = w.api.patch(&path, json!({"version": 2, "kind": "management"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kind"));
    let bad = w.api.post(&format!("/plans/{}/reviews", w.plan), json!({"kind": "weekly"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kind"));
    let held = w.hold(id(&r)).await;
    let snap = held["snapshot_id"].as_i64().unwrap();

    w.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let viewer = w.app.api("vic@acme.test").await;
    assert_eq!(viewer.get(&path).await.0, StatusCode::OK, "everyone in the organisation reads reviews");
    let denied = viewer.post(&format!("/plans/{}/reviews", w.plan), json!({"kind": "team"})).await;
    assert_error(&denied, StatusCode::FORBIDDEN, "forbidden", None);

    w.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = w.app.api("olga@borealis.test").await;
    for p in
        [path.clone(), format!("/snapshots/{snap}"), format!("/plans/{}/reviews", w.plan), format!("/plans/{}/diff?from={snap}", w.plan)]
    {
        let got = other.get(&p).await;
        assert_error(&got, StatusCode::NOT_FOUND, "not_found", None);
    }
    let got = other.post(&format!("{path}/hold"), json!({"version": 1})).await;
    assert_error(&got, StatusCode::NOT_FOUND, "not_found", None);
    let got = w.api.get(&format!("/plans/{}/diff?from=banana", w.plan)).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("from"));
}

#[tokio::test]
async fn a_plan_overdue_for_review_is_marked_everywhere() {
    let w = world().await;
    let kam = w.app.login(KAM).await;
    let (_, accounts) = kam.get("/accounts").await;
    assert!(!accounts.contains("stale-marker"));
    let (_, plan) = w.api.get(&format!("/plans/{}", w.plan)).await;
    let (s, v) = w
        .api
        .call(
            Method::PUT,
            &format!("/plans/{}/review-schedule", w.plan),
            Some(json!({"version": plan["version"], "review_cadence_months": 6, "next_review_date": "2020-01-31"})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((v["overdue"].as_bool(), v["due"].as_str(), v["review_cadence_months"].as_i64()), (Some(true), Some("2020-01-31"), Some(6)));
    let stale = w
        .api
        .call(
            Method::PUT,
            &format!("/plans/{}/review-schedule", w.plan),
            Some(json!({"version": plan["version"], "review_cadence_months": 3})),
        )
        .await;
    assert_error(&stale, StatusCode::CONFLICT, "conflict", None);

    let (_, accounts) = kam.get("/accounts").await;
    assert!(accounts.contains("stale-marker"), "accounts list");
    let (_, account) = kam.get(&format!("/accounts/{}", w.account)).await;
    assert!(account.contains("stale-marker"), "account page");
    let (_, page) = kam.get(&format!("/plans/{}?tab=reviews", w.plan)).await;
    assert!(page.contains("stale-marker") && page.contains("Review overdue"), "plan page");

    // Holding a review moves the next date one cadence ahead: no longer stale.
    let r = w.review("team").await;
    w.hold(id(&r)).await;
    let (_, sched) = w.api.get(&format!("/plans/{}/review-schedule", w.plan)).await;
    assert_eq!(sched["overdue"], false, "{sched}");
    let (_, accounts) = kam.get("/accounts").await;
    assert!(!accounts.contains("stale-marker"));
}
