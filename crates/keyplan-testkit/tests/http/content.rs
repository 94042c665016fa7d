//! A plan's template-driven content end to end: plans made from the strategic
//! template, section text with versions, analysis items / SWOT entries / risks
//! and the section kinds they belong to, links from goals to evidence, the story
//! and its gaps, length budgets, the value discipline, permissions and
//! organisation scoping, through the API and through the plan page and its forms.

use keyplan_domain::Role;
use keyplan_store::User;
use keyplan_testkit::{Api, Session, TestApp, location};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, commitment, id, input_value, section};

pub(crate) const KAM: &str = "kim@acme.test";
pub(crate) const STRATEGIC_KEYS: [&str; 14] = [
    "customer-profile",
    "customer-objectives",
    "buying-centre",
    "market-competitors",
    "own-position",
    "whitespace",
    "swot",
    "opportunities-risks",
    "vision",
    "top-goals",
    "value-proposition",
    "action-plan",
    "financial-planning",
    "history",
];

/// A KAM with an account and a plan made from the strategic template.
pub(crate) struct World {
    pub app: TestApp,
    pub kam: User,
    pub api: Api,
    pub account: i64,
    pub plan: i64,
}

pub(crate) async fn world() -> World {
    let app = TestApp::spawn().await;
    let kam = app.user(ORG, KAM, "Kim Kamara", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex Chemicals").await;
    let (s, plan) = api.post(&format!("/accounts/{account}/plans"), json!({"title": "Globex 2027", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    World { plan: id(&plan), app, kam, api, account }
}

impl World {
    pub async fn full(&self) -> Value {
        let (s, v) = self.api.get(&format!("/plans/{}", self.plan)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v
    }

    pub async fn story(&self) -> Value {
        let (s, v) = self.api.get(&format!("/plans/{}/story", self.plan)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v
    }

    pub async fn add_item(&self, body: Value) -> (StatusCode, Value) {
        self.api.post(&format!("/plans/{}/items", self.plan), body).await
    }

    /// Adds an item that must be accepted and answers it.
    pub async fn item(&self, body: Value) -> Value {
        let (s, v) = self.add_item(body).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        v
    }

    pub async fn put_section(&self, key: &str, body: Value) -> (StatusCode, Value) {
        self.api.call(Method::PUT, &format!("/plans/{}/sections/{key}", self.plan), Some(body)).await
    }

    pub async fn goal(&self, title: &str) -> i64 {
        id(&self.api.node(self.plan, json!({"kind": "goal", "title": title, "metric": "Revenue", "target": 2000000})).await)
    }

    pub async fn link(&self, goal: i64, kind: &str, target: i64) -> (StatusCode, Value) {
        self.api.post(&format!("/plans/{}/links", self.plan), json!({"goal_id": goal, "target_kind": kind, "target_id": target})).await
    }

    pub async fn items(&self) -> Vec<Value> {
        let (s, v) = self.api.get(&format!("/plans/{}/items", self.plan)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v.as_array().expect("a list").clone()
    }

    pub async fn page(&self, s: &Session) -> String {
        let (status, page) = s.get(&format!("/plans/{}", self.plan)).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        page
    }
}

pub(crate) fn analysis(section: &str, category: &str, text: &str) -> Value {
    json!({"section": section, "kind": "analysis", "category": category, "text": text, "source": "Annual report", "item_date": "2026-02-01"})
}

/// The section of a full plan with this key.
#[track_caller]
pub(crate) fn plan_section<'a>(plan: &'a Value, key: &str) -> &'a Value {
    plan["sections"].as_array().expect("sections").iter().find(|s| s["key"] == key).unwrap_or_else(|| panic!("no section {key} in {plan}"))
}

pub(crate) async fn put(api: &Api, body: Value) -> (StatusCode, Value) {
    api.call(Method::PUT, "/organisation/value-discipline", Some(body)).await
}

pub(crate) async fn body(res: reqwest::Response) -> (StatusCode, String) {
    let s = res.status();
    (s, res.text().await.unwrap_or_default())
}

// --- API: plans from a template ----------------------------------------------------------------

#[tokio::test]
async fn api_creates_a_plan_from_the_strategic_template() {
    let w = world().await;
    let plan = w.full().await;
    assert_eq!(plan["template"], "strategic");
    assert_eq!(plan["template_ref"]["key"], "strategic");
    assert_eq!(plan["template_ref"]["name"], "Strategic key account plan");
    assert_eq!(plan["template_ref"]["version"], 1);
    assert_eq!(plan["template_ref"]["budget_pages"], 4.0);
    let keys: Vec<&str> = plan["sections"].as_array().unwrap().iter().map(|s| s["key"].as_str().unwrap()).collect();
    assert_eq!(keys, STRATEGIC_KEYS);
    let profile = plan_section(&plan, "customer-profile");
    assert_eq!(profile["kind"], "analysis");
    assert_eq!(profile["title"], "Customer profile and key figures");
    assert_eq!(profile["size_label"], "0 / 8 items");
    assert_eq!(profile["size"], json!({"used": 0, "limit": 8, "unit": "items", "over": false}));
    assert_eq!((profile["text_version"].as_i64(), profile["text_id"].is_null(), profile["body"].is_null()), (Some(0), true, true));
    assert_eq!(plan_section(&plan, "vision")["size_label"], "0 / 80 words");
    assert_eq!(plan_section(&plan, "top-goals")["size_label"], "0 / 3 items");
    assert_eq!(plan["items"], json!([]));
    assert_eq!(plan["links"], json!([]));
    // The length is the PDF's page count: even empty, the strategic plan's
    // nine sections with their headings run onto a second page.
    assert_eq!(plan["length_label"], "2 of 4 pages");
    assert_eq!((plan["length"]["printed"].as_bool(), plan["length"]["pages"].as_f64()), (Some(true), Some(2.0)));
    assert_eq!(plan["length"]["over"], false);
    assert_eq!(plan["value_discipline"]["value_discipline"], Value::Null);

    // The template version is the current one: after an edit, new plans get version 2.
    w.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = w.app.api("ada@acme.test").await;
    let (s, mut doc) = admin.get("/templates/strategic").await;
    assert_eq!(s, StatusCode::OK, "{doc}");
    doc["name"] = json!("Strategic plan (2027 edition)");
    let (s, saved) = admin.call(Method::PUT, "/templates/strategic", Some(doc)).await;
    assert_eq!((s, saved["outcome"].as_str()), (StatusCode::OK, Some("new_version")), "{saved}");
    let (s, newer) = w.api.post(&format!("/accounts/{}/plans", w.account), json!({"title": "Globex 2028", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{newer}");
    assert_eq!(newer["template"], "strategic");
    let (s, newer) = w.api.get(&format!("/plans/{}", id(&newer))).await;
    assert_eq!(s, StatusCode::OK, "{newer}");
    assert_eq!(
        (newer["template_ref"]["version"].as_i64(), newer["template_ref"]["name"].as_str()),
        (Some(2), Some("Strategic plan (2027 edition)"))
    );

    // An unknown template is refused on the "template" field, and no plan is made.
    let (_, before) = w.api.get(&format!("/accounts/{}/plans", w.account)).await;
    let got = w.api.post(&format!("/accounts/{}/plans", w.account), json!({"title": "Nope", "template": "no-such-template"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("template"));
    let (_, after) = w.api.get(&format!("/accounts/{}/plans", w.account)).await;
    assert_eq!(after.as_array().map(Vec::len), before.as_array().map(Vec::len));
}

// --- API: items --------------------------------------------------------------------------------

#[tokio::test]
async fn api_items_must_fit_their_section() {
    let w = world().await;
    let a = w.item(analysis("customer-profile", "customer", "Revenue 2.1bn, growing 6%")).await;
    assert_eq!(a["section"], "customer-profile");
    assert_eq!(
        (a["kind"].as_str(), a["category"].as_str(), a["text"].as_str()),
        (Some("analysis"), Some("customer"), Some("Revenue 2.1bn, growing 6%"))
    );
    assert_eq!((a["source"].as_str(), a["item_date"].as_str()), (Some("Annual report"), Some("2026-02-01")));
    assert_eq!((a["position"].as_i64(), a["version"].as_i64(), a["author_id"].as_i64()), (Some(1), Some(1), Some(w.kam.id.get())));

    // A category outside the kind's areas, a kind the section does not hold, an unknown or missing section.
    let bad = w.add_item(analysis("customer-profile", "threat", "Volumes fall")).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("category"));
    assert!(bad.1["error"]["message"].as_str().unwrap().contains("own_position"), "{}", bad.1);
    let bad = w.add_item(analysis("swot", "customer", "An analysis item in the SWOT")).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kind"));
    let bad = w
        .add_item(json!({"section": "customer-profile", "kind": "swot", "category": "strength", "text": "A SWOT entry in the analysis"}))
        .await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kind"));
    let bad = w.add_item(json!({"section": "top-goals", "kind": "risk", "text": "Items in the goals section"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kind"));
    let bad = w.add_item(analysis("no-such-section", "customer", "Nowhere")).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("section"));
    let bad = w.add_item(json!({"kind": "analysis", "category": "customer", "text": "No section"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("section"));
    let bad = w.add_item(json!({"section": "customer-profile", "kind": "analysis", "category": "market", "text": "  "})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("text"));
    assert_eq!(w.items().await.len(), 1, "nothing refused was stored");

    // SWOT entries, and a risk derived from one; not from an analysis item.
    let threat = w.item(json!({"section": "swot", "kind": "swot", "category": "threat", "text": "Single-source dependency"})).await;
    let risk = w
        .item(json!({"section": "opportunities-risks", "kind": "risk", "text": "Supply interruption", "derived_from_id": id(&threat), "response": "Qualify a second source"}))
        .await;
    assert_eq!((risk["derived_from_id"].as_i64(), risk["category"].is_null()), (Some(id(&threat)), true));
    let opp = w.item(json!({"section": "opportunities-risks", "kind": "opportunity", "text": "Service contract"})).await;
    assert_eq!(opp["position"], 2);
    let bad = w.add_item(json!({"section": "opportunities-risks", "kind": "risk", "text": "Price war", "derived_from_id": id(&a)})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("derived_from_id"));

    // PATCH with the version read; a stale one answers 409; the kind stays.
    let (s, a2) = w.api.patch(&format!("/items/{}", id(&a)), json!({"text": "Revenue 2.2bn", "category": "market", "version": 1})).await;
    assert_eq!(s, StatusCode::OK, "{a2}");
    assert_eq!(
        (a2["version"].as_i64(), a2["text"].as_str(), a2["category"].as_str(), a2["source"].as_str()),
        (Some(2), Some("Revenue 2.2bn"), Some("market"), Some("Annual report"))
    );
    let stale = w.api.patch(&format!("/items/{}", id(&a)), json!({"text": "Lost update", "version": 1})).await;
    assert_error(&stale, StatusCode::CONFLICT, "conflict", None);
    let kind = w.api.patch(&format!("/items/{}", id(&threat)), json!({"kind": "analysis", "category": "customer", "version": 1})).await;
    assert_error(&kind, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kind"));
    let missing = w.api.patch(&format!("/items/{}", id(&a)), json!({"text": "No version"})).await;
    assert_error(&missing, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("version"));

    // Moving within the section.
    let b = w.item(analysis("customer-profile", "competitor", "Rival cut prices by 8%")).await;
    let (s, moved) = w.api.post(&format!("/items/{}/move", id(&b)), json!({"direction": "up"})).await;
    assert_eq!(s, StatusCode::OK, "{moved}");
    assert_eq!(moved["position"], 1);
    let order: Vec<i64> = w.items().await.iter().filter(|i| i["section"] == "customer-profile").map(id).collect();
    assert_eq!(order, [id(&b), id(&a)]);
    let bad = w.api.post(&format!("/items/{}/move", id(&b)), json!({"direction": "sideways"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("direction"));

    // Delete.
    let (s, _) = w.api.delete(&format!("/items/{}", id(&b))).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_error(&w.api.delete(&format!("/items/{}", id(&b))).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_eq!(w.items().await.len(), 4);
}

// --- API: section text ---------------------------------------------------------------------------

#[tokio::test]
async fn api_section_text_has_versions() {
    let w = world().await;
    let (s, v1) =
        w.put_section("vision", json!({"body": "Their uptime partner by 2030.", "so_what": "Invest in service.", "version": 0})).await;
    assert_eq!(s, StatusCode::OK, "{v1}");
    assert_eq!(
        (v1["key"].as_str(), v1["body"].as_str(), v1["so_what"].as_str()),
        (Some("vision"), Some("Their uptime partner by 2030."), Some("Invest in service."))
    );
    assert_eq!(v1["text_version"], 1);
    assert!(v1["text_id"].as_i64().is_some());
    assert_eq!(v1["size_label"], "8 / 80 words");

    // "New" again is stale now; so is any old version. Nothing changes.
    assert_error(&w.put_section("vision", json!({"body": "Other", "version": 0})).await, StatusCode::CONFLICT, "conflict", None);
    let (s, v2) = w.put_section("vision", json!({"so_what": "Invest in field service.", "version": 1})).await;
    assert_eq!(s, StatusCode::OK, "{v2}");
    assert_eq!(
        (v2["text_version"].as_i64(), v2["body"].as_str(), v2["so_what"].as_str()),
        (Some(2), Some("Their uptime partner by 2030."), Some("Invest in field service."))
    );
    assert_eq!(v2["text_id"], v1["text_id"]);
    let stale = w.put_section("vision", json!({"body": "Lost update", "version": 1})).await;
    assert_error(&stale, StatusCode::CONFLICT, "conflict", None);
    assert!(stale.1["error"]["message"].as_str().unwrap().contains("version 2"), "{}", stale.1);
    let vision = w.full().await;
    let vision = plan_section(&vision, "vision");
    assert_eq!((vision["body"].as_str(), vision["text_version"].as_i64()), (Some("Their uptime partner by 2030."), Some(2)));

    // An analysis section keeps only its so-what; a goals section keeps neither.
    let (s, profile) =
        w.put_section("customer-profile", json!({"body": "Ignored", "so_what": "Sell uptime, not parts.", "version": 0})).await;
    assert_eq!(s, StatusCode::OK, "{profile}");
    assert_eq!((profile["body"].is_null(), profile["so_what"].as_str()), (true, Some("Sell uptime, not parts.")));
    let (s, goals) = w.put_section("top-goals", json!({"body": "Ignored", "so_what": "Ignored", "version": 0})).await;
    assert_eq!(s, StatusCode::OK, "{goals}");
    assert_eq!((goals["body"].is_null(), goals["so_what"].is_null()), (true, true));

    // Unknown sections, missing versions and unknown fields are refused.
    assert_error(
        &w.put_section("no-such-section", json!({"body": "x", "version": 0})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("section"),
    );
    assert_error(&w.put_section("vision", json!({"body": "x"})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("version"));
    assert_error(
        &w.put_section("vision", json!({"title": "x", "version": 2})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("title"),
    );
}

// --- API: links and the story ------------------------------------------------------------------

#[tokio::test]
async fn api_links_goals_to_evidence_and_tells_the_story() {
    let w = world().await;
    let item = w.item(analysis("customer-profile", "customer", "Uptime is their board's KPI")).await;
    let goal = w.goal("Become their uptime partner").await;

    // Before any link: the goal hangs in the air on both sides, the finding leads nowhere.
    let story = w.story().await;
    assert_eq!(
        story["gaps"],
        json!({"analysis_without_consequence": 1, "sections_without_so_what": 1, "so_whats_without_goal": 0, "goals_without_evidence": 1, "goals_without_commitment": 1})
    );
    assert_eq!((story["goals"][0]["no_evidence"].as_bool(), story["goals"][0]["no_commitment"].as_bool()), (Some(true), Some(true)));

    let (s, link) = w.link(goal, "item", id(&item)).await;
    assert_eq!(s, StatusCode::CREATED, "{link}");
    assert_eq!(
        (link["goal_id"].as_i64(), link["target_kind"].as_str(), link["target_id"].as_i64()),
        (Some(goal), Some("item"), Some(id(&item)))
    );
    // Linking twice answers the same link.
    let (s, again) = w.link(goal, "item", id(&item)).await;
    assert_eq!((s, id(&again)), (StatusCode::CREATED, id(&link)));

    let story = w.story().await;
    let g = &story["goals"][0];
    assert_eq!((g["id"].as_i64(), g["title"].as_str()), (Some(goal), Some("Become their uptime partner")));
    assert_eq!(g["evidence"].as_array().unwrap().len(), 1, "{g}");
    assert_eq!(g["evidence"][0]["label"], "Customer: Uptime is their board's KPI");
    assert_eq!((g["evidence"][0]["kind"].as_str(), g["evidence"][0]["link_id"].as_i64()), (Some("item"), Some(id(&link))));
    assert_eq!((g["no_evidence"].as_bool(), g["no_commitment"].as_bool()), (Some(false), Some(true)));
    assert_eq!(
        story["gaps"],
        json!({"analysis_without_consequence": 0, "sections_without_so_what": 1, "so_whats_without_goal": 0, "goals_without_evidence": 0, "goals_without_commitment": 1})
    );
    let profile =
        story["sections"].as_array().unwrap().iter().find(|s| s["key"] == "customer-profile").expect("the profile is in the story");
    assert_eq!((profile["missing_so_what"].as_bool(), profile["items"][0]["goals"].clone()), (Some(true), json!([goal])));

    // A commitment under the goal implements it.
    let c = commitment(&w.api, w.plan, goal, w.kam.id.get(), "Run an uptime workshop", "2027-03-31").await;
    let story = w.story().await;
    let g = &story["goals"][0];
    assert_eq!(g["no_commitment"], false);
    assert_eq!(g["commitments"][0]["id"].as_i64(), Some(id(&c)));
    assert_eq!(g["commitments"][0]["owner"], "Kim Kamara");
    assert_eq!(story["gaps"]["goals_without_commitment"], 0);

    // A so-what closes the section gap and can itself be evidence; one without a goal is a gap.
    let (s, sec) = w.put_section("customer-profile", json!({"so_what": "Sell uptime, not parts.", "version": 0})).await;
    assert_eq!(s, StatusCode::OK, "{sec}");
    let story = w.story().await;
    assert_eq!((story["gaps"]["sections_without_so_what"].as_u64(), story["gaps"]["so_whats_without_goal"].as_u64()), (Some(0), Some(1)));
    let (s, so_link) = w.link(goal, "section", sec["text_id"].as_i64().unwrap()).await;
    assert_eq!(s, StatusCode::CREATED, "{so_link}");
    let story = w.story().await;
    assert_eq!(
        story["gaps"],
        json!({"analysis_without_consequence": 0, "sections_without_so_what": 0, "so_whats_without_goal": 0, "goals_without_evidence": 0, "goals_without_commitment": 0})
    );
    assert_eq!(story["goals"][0]["evidence"][1]["label"], "So what (Customer profile and key figures): Sell uptime, not parts.");

    // Bad links: not a goal, a target that is not there, an unknown kind.
    let csf = id(&w.api.node(w.plan, json!({"kind": "csf", "parent_id": goal, "title": "Approved supplier"})).await);
    assert_error(&w.link(csf, "item", id(&item)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("goal_id"));
    assert_error(&w.link(goal, "item", id(&item) + 10_000).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("target_id"));
    assert_error(&w.link(goal, "contact", 999_999).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("target_id"));
    assert_error(&w.link(goal, "rumour", 1).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("target_kind"));

    // The full plan carries all of it.
    let plan = w.full().await;
    assert_eq!(plan["items"].as_array().unwrap().len(), 1);
    assert_eq!(plan["items"][0]["id"].as_i64(), Some(id(&item)));
    let links: Vec<(i64, String)> = plan["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["goal_id"].as_i64().unwrap(), l["target_kind"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(links, [(goal, "item".to_string()), (goal, "section".to_string())]);
    let profile = plan_section(&plan, "customer-profile");
    assert_eq!((profile["size_label"].as_str(), profile["so_what"].as_str()), (Some("1 / 8 items"), Some("Sell uptime, not parts.")));
    assert_eq!(plan_section(&plan, "top-goals")["size_label"], "1 / 3 items");
    assert_eq!(plan_section(&plan, "action-plan")["size_label"], "1 / 12 items");
    assert_eq!(plan["length"]["printed"], true, "{}", plan["length"]);
    assert!(plan["length_label"].as_str().unwrap().ends_with(" of 4 pages"), "{}", plan["length_label"]);
    assert_eq!(plan["story"]["gaps"], story["gaps"]);

    // Removing the item takes its link; removing the link of the so-what leaves the goal without evidence.
    let (s, _) = w.api.delete(&format!("/items/{}", id(&item))).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = w.api.delete(&format!("/links/{}", id(&so_link))).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_error(&w.api.delete(&format!("/links/{}", id(&so_link))).await, StatusCode::NOT_FOUND, "not_found", None);
    let plan = w.full().await;
    assert_eq!(plan["links"], json!([]));
    assert_eq!(plan["story"]["goals"][0]["no_evidence"], true);
}

// --- API: permissions and scoping -----------------------------------------------------------------

#[tokio::test]
async fn other_orgs_see_nothing_and_viewers_change_nothing() {
    let w = world().await;
    let item = w.item(analysis("customer-profile", "customer", "Uptime is their KPI")).await;
    let goal = w.goal("Uptime partner").await;
    let (_, link) = w.link(goal, "item", id(&item)).await;
    let (p, i, l) = (w.plan, id(&item), id(&link));

    // Even an administrator of another organisation gets 404 for every id of this one.
    w.app.user(OTHER_ORG, "olga@borealis.test", "Olga Admin", Role::Admin).await;
    let other = w.app.api("olga@borealis.test").await;
    for path in [format!("/plans/{p}"), format!("/plans/{p}/story"), format!("/plans/{p}/items")] {
        assert_error(&other.get(&path).await, StatusCode::NOT_FOUND, "not_found", None);
    }
    assert_error(
        &other.patch(&format!("/items/{i}"), json!({"text": "Hijacked", "version": 1})).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    assert_error(&other.delete(&format!("/items/{i}")).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.post(&format!("/items/{i}/move"), json!({"direction": "up"})).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.delete(&format!("/links/{l}")).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(
        &other.post(&format!("/plans/{p}/items"), analysis("customer-profile", "market", "Hijacked")).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    assert_error(
        &other.post(&format!("/plans/{p}/links"), json!({"goal_id": goal, "target_kind": "item", "target_id": i})).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    let put = other.call(Method::PUT, &format!("/plans/{p}/sections/vision"), Some(json!({"body": "Hijacked", "version": 0}))).await;
    assert_error(&put, StatusCode::NOT_FOUND, "not_found", None);
    let s = w.app.login("olga@borealis.test").await;
    assert_eq!(s.get(&format!("/plans/{p}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(s.get(&format!("/plans/{p}/story")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(s.post(&format!("/items/{i}/delete"), &[]).await.status(), StatusCode::NOT_FOUND);

    // A viewer of this organisation reads, but every write answers 403.
    w.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let viewer = w.app.api("vic@acme.test").await;
    assert_eq!(viewer.get(&format!("/plans/{p}")).await.0, StatusCode::OK);
    assert_eq!(viewer.get(&format!("/plans/{p}/story")).await.0, StatusCode::OK);
    assert_eq!(viewer.get(&format!("/plans/{p}/items")).await.0, StatusCode::OK);
    assert_error(
        &viewer.post(&format!("/plans/{p}/items"), analysis("customer-profile", "market", "Viewer's finding")).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(
        &viewer.patch(&format!("/items/{i}"), json!({"text": "Viewer edit", "version": 1})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(&viewer.post(&format!("/items/{i}/move"), json!({"direction": "down"})).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&viewer.delete(&format!("/items/{i}")).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&viewer.delete(&format!("/links/{l}")).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(
        &viewer.post(&format!("/plans/{p}/links"), json!({"goal_id": goal, "target_kind": "item", "target_id": i})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    let put = viewer.call(Method::PUT, &format!("/plans/{p}/sections/vision"), Some(json!({"body": "Viewer text", "version": 0}))).await;
    assert_error(&put, StatusCode::FORBIDDEN, "forbidden", None);
    let vs = w.app.login("vic@acme.test").await;
    let (status, page) = vs.get(&format!("/plans/{p}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains(&format!("action=\"/plans/{p}/items\"")), "a viewer gets no item forms");
    let res = vs
        .post(&format!("/plans/{p}/items"), &[("section", "customer-profile"), ("kind", "analysis"), ("category", "market"), ("text", "x")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Nothing changed.
    let items = w.items().await;
    assert_eq!(items.len(), 1);
    assert_eq!((items[0]["text"].as_str(), items[0]["version"].as_i64()), (Some("Uptime is their KPI"), Some(1)));
    let plan = w.full().await;
    assert_eq!(plan["links"].as_array().unwrap().len(), 1);
    assert_eq!(plan_section(&plan, "vision")["text_version"], 0);
}

// --- API and page: value discipline ------------------------------------------------------------------

#[tokio::test]
async fn only_admins_set_the_value_discipline() {
    let w = world().await;
    w.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = w.app.api("ada@acme.test").await;
    let (s, v) = admin.get("/organisation/value-discipline").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v, json!({"value_discipline": null, "label": null, "value_statement": null, "version": 1}));

    let statement = "We tailor our service to their plants.";
    let (s, v) = put(&admin, json!({"value_discipline": "customer_intimacy", "value_statement": statement, "version": 1})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        v,
        json!({"value_discipline": "customer_intimacy", "label": "Customer intimacy", "value_statement": statement, "version": 2})
    );
    assert_error(
        &put(&admin, json!({"value_discipline": "product_leadership", "version": 1})).await,
        StatusCode::CONFLICT,
        "conflict",
        None,
    );
    assert_error(
        &put(&admin, json!({"value_discipline": "cheapest", "version": 2})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("value_discipline"),
    );

    // A KAM reads it but may not set it.
    let (s, v) = w.api.get("/organisation/value-discipline").await;
    assert_eq!((s, v["value_discipline"].as_str()), (StatusCode::OK, Some("customer_intimacy")));
    assert_error(
        &put(&w.api, json!({"value_discipline": "product_leadership", "version": 2})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    let (_, v) = admin.get("/organisation/value-discipline").await;
    assert_eq!(v["version"], 2);

    // Every plan shows it.
    let plan = w.full().await;
    assert_eq!(
        (plan["value_discipline"]["label"].as_str(), plan["value_discipline"]["version"].as_i64()),
        (Some("Customer intimacy"), Some(2))
    );
    let kam = w.app.login(KAM).await;
    let page = w.page(&kam).await;
    let vp = section(&page, "id=\"s-value-proposition\"", "</section>");
    assert!(vp.contains("Customer intimacy") && vp.contains(statement), "{vp}");

    // The organisation page: admins only.
    assert_eq!(kam.get("/admin/organisation").await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        kam.post("/admin/organisation", &[("value_discipline", "product_leadership"), ("version", "2")]).await.status(),
        StatusCode::FORBIDDEN
    );
    let ada = w.app.login("ada@acme.test").await;
    let (s, page) = ada.get("/admin/organisation").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(input_value(&page, "version").as_deref(), Some("2"));
    let res =
        ada.post("/admin/organisation", &[("value_discipline", "product_leadership"), ("value_statement", ""), ("version", "2")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/admin/organisation");
    let (s, page) = body(ada.post("/admin/organisation", &[("value_discipline", "customer_intimacy"), ("version", "2")]).await).await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(page.contains("Someone else changed this while you were editing."));
    let (_, v) = admin.get("/organisation/value-discipline").await;
    assert_eq!(
        (v["value_discipline"].as_str(), v["value_statement"].is_null(), v["version"].as_i64()),
        (Some("product_leadership"), true, Some(3))
    );
}
