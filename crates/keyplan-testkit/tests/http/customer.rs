//! The customer at the table over HTTP: a signed-out visitor of a share link
//! comments on what it shows and accepts or declines the joint commitments
//! offered to the customer; the team sees both, marked as from the customer
//! (plan page, history, API), and the plan's KAM is notified. Refused input
//! names its field in words. Also the team's side: offering, offering again,
//! taking back, and who may.

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp, hidden_value, location};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, id, named_entities};

pub const KAM: &str = "kim@acme.test";
pub const MEL: &str = "mel@acme.test";
pub const GOAL: &str = "CUST-GOAL Double the service base";
pub const PILOT: &str = "Run a joint pilot at the Bremen plant";
pub const AUDIT: &str = "Audit the spare-parts stock together";
pub const SECRET: &str = "TEAMONLY-OBSTACLE Their buyer prefers the competitor";

pub struct World {
    pub app: TestApp,
    pub api: Api,
    pub plan: i64,
    pub goal: i64,
    pub pilot: i64,
    pub audit: i64,
    pub secret: i64,
    pub dana: i64,
}

/// A share link's token, created through the API.
pub async fn link(api: &Api, plan: i64, label: &str) -> String {
    let until = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
    let (s, v) = api.post(&format!("/plans/{plan}/share-links"), json!({"label": label, "expires_on": until})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["url"].as_str().unwrap().rsplit('/').next().unwrap().to_string()
}

/// Kim (KAM, account owner) and Mel (member, not on the team); a plan whose
/// goal and two accepted commitments are shared, one obstacle kept with the
/// team; contact Dana Ruiz at the customer.
pub async fn world_with(app: TestApp) -> World {
    let kim = app.user(ORG, KAM, "Kim Kamara", Role::Kam).await;
    app.user(ORG, MEL, "Mel Member", Role::Member).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex Chemicals").await;
    let plan = api.plan(account, "Globex 2027").await;
    let vis = |kind: &'static str, target: i64| {
        let api = &api;
        async move {
            let body = json!({"target_kind": kind, "target_id": target, "visibility": "customer"});
            let (s, v) = api.call(Method::PUT, &format!("/plans/{plan}/visibility"), Some(body)).await;
            assert_eq!(s, StatusCode::OK, "{v}");
        }
    };
    let goal = id(&api.node(plan, json!({"kind": "goal", "title": GOAL})).await);
    vis("node", goal).await;
    let commitment = |title: &'static str| {
        let api = &api;
        async move {
            let due = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(60));
            let body = json!({"kind": "commitment", "parent_id": goal, "title": title, "owner_id": kim.id.get(), "due_date": due,
                "done_criterion": "Signed pilot report"});
            id(&api.node(plan, body).await)
        }
    };
    let pilot = commitment(PILOT).await;
    let audit = commitment(AUDIT).await;
    let csf = id(&api.node(plan, json!({"kind": "csf", "parent_id": goal, "title": "Approved supplier"})).await);
    let cond = id(&api.node(plan, json!({"kind": "condition", "parent_id": csf, "title": "Specified"})).await);
    let secret = id(&api.node(plan, json!({"kind": "obstacle", "parent_id": cond, "title": SECRET})).await);
    let (s, c) = api.post(&format!("/accounts/{account}/contacts"), json!({"name": "Dana Ruiz", "title": "Head of Maintenance"})).await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    World { app, api, plan, goal, pilot, audit, secret, dana: id(&c) }
}

pub async fn world() -> World {
    world_with(TestApp::spawn().await).await
}

/// A signed-out visitor of one link: their own cookies and the page's form token.
pub struct Visitor {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
    pub csrf: String,
}

impl Visitor {
    pub async fn open(app: &TestApp, token: &str) -> Visitor {
        let mut v = Visitor { client: app.client(), base: app.base.clone(), token: token.to_string(), csrf: String::new() };
        let (s, page) = v.page().await;
        assert_eq!(s, StatusCode::OK, "{page}");
        v.csrf = hidden_value(&page, "_csrf").expect("the share page's forms carry a token");
        v
    }

    pub async fn page(&self) -> (StatusCode, String) {
        let res = self.client.get(format!("{}/s/{}", self.base, self.token)).send().await.expect("GET share page");
        (res.status(), res.text().await.unwrap_or_default())
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form = vec![("_csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        self.client.post(format!("{}/s/{}{path}", self.base, self.token)).form(&form).send().await.expect("POST")
    }

    pub async fn comment(&self, target: &str, name: &str, body: &str) -> reqwest::Response {
        self.post("/comments", &[("target", target), ("name", name), ("body", body)]).await
    }

    pub async fn answer(&self, node: i64, answer: &str, name: &str, reason: &str) -> reqwest::Response {
        self.post(&format!("/commitments/{node}"), &[("answer", answer), ("name", name), ("reason", reason)]).await
    }
}

/// Offers a commitment to the customer through the API.
pub async fn offer(w: &World, node: i64) -> Value {
    let (s, v) = w.api.call(Method::PUT, &format!("/commitments/{node}/joint"), Some(json!({"contact_id": w.dana}))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

fn notifications(v: &Value) -> Vec<String> {
    v["notifications"].as_array().unwrap().iter().map(|n| n["message"].as_str().unwrap_or_default().to_string()).collect()
}

#[tokio::test]
async fn a_visitor_comments_and_the_team_sees_it_marked() {
    let w = world().await;
    let token = link(&w.api, w.plan, "Q3 review").await;
    let visitor = Visitor::open(&w.app, &token).await;
    let (_, page) = visitor.page().await;
    assert!(page.contains(GOAL) && !page.contains("TEAMONLY-OBSTACLE"), "only what is shared");
    assert!(page.contains(&format!("value=\"node:{}\"", w.goal)) && page.contains("value=\"plan\""), "a comment form per shared part");

    let res = visitor.comment(&format!("node:{}", w.goal), "Dana Ruiz", "Is <script>alert(1)</script> the base in units or euros?").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with(&format!("/s/{token}#c-")), "{}", location(&res));
    let page = named_entities(&visitor.page().await.1);
    assert!(page.contains("Thank you: your comment was sent"), "a thank-you");
    assert!(page.contains("Is &lt;script&gt;alert(1)&lt;/script&gt; the base") && !page.contains("<script>alert"), "escaped");
    assert!(page.contains("value=\"Dana Ruiz\""), "the name is remembered for the next form");

    let res = visitor.comment("plan", "Dana Ruiz", "Looks right overall.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The team: the plan page's discussion, the history, the KAM's notification.
    let kim = w.app.login(KAM).await;
    let (s, plan_page) = kim.get(&format!("/plans/{}?tab=discussion", w.plan)).await;
    assert_eq!(s, StatusCode::OK);
    let plan_page = named_entities(&plan_page);
    let card = &plan_page[plan_page.find("id=\"discussion\"").expect("discussion card")..];
    assert!(card.contains("Dana Ruiz") && card.contains("customer, via share link “Q3 review”"), "marked as from the customer");
    assert!(card.contains("Is &lt;script&gt;alert(1)&lt;/script&gt;") && !card.contains("<script>alert"), "escaped for the team too");
    assert!(card.contains("2 comments"), "counted with the team's comments");
    assert!(plan_page.contains("class=\"comment-count\""), "the goal shows its comment");
    let (_, history) = kim.get(&format!("/plans/{}/activity", w.plan)).await;
    assert!(
        history.contains("Dana Ruiz (customer, via share link “Q3 review”) commented on “CUST-GOAL Double the service base”"),
        "{history}"
    );
    assert!(history.contains("Dana Ruiz (customer, via share link “Q3 review”) commented on the plan"));
    let (_, api_history) = w.api.get(&format!("/plans/{}/activity", w.plan)).await;
    let line = api_history.as_array().unwrap().iter().find(|a| a["action"] == "customer_commented").expect("in the API history");
    assert!(line["actor_id"].is_null(), "nobody of the organisation: {line}");
    let (_, n) = w.api.get("/me/notifications").await;
    let m = notifications(&n);
    assert!(
        m.iter().any(|x| x.starts_with(
            "Dana Ruiz (customer, via share link “Q3 review”) commented on “CUST-GOAL Double the service base” in Globex 2027"
        )),
        "{m:?}"
    );

    let (s, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    assert_eq!(s, StatusCode::OK, "{side}");
    assert_eq!(side["comments"].as_array().unwrap().len(), 2);
    assert_eq!(side["comments"][0]["share_link_label"], "Q3 review");
    assert_eq!(side["comments"][0]["customer_visible"], false);
    assert_eq!(side["evidence"]["customer_comments"], 2);
    assert!(side["evidence"]["last_link_open"].is_string(), "a visitor opened the link: {side}");
}

#[tokio::test]
async fn refused_input_names_the_field_in_words() {
    let w = world().await;
    let token = link(&w.api, w.plan, "Q3 review").await;
    let visitor = Visitor::open(&w.app, &token).await;
    let target = format!("node:{}", w.goal);

    let res = visitor.comment(&target, "  ", "Kept as typed").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("Your name: must not be empty"), "names the field in words");
    assert!(page.contains("Kept as typed"), "what was typed is kept");
    let res = visitor.comment(&target, &"x".repeat(81), "").await;
    let page = res.text().await.unwrap();
    assert!(page.contains("Your name: must be at most 80 characters") && page.contains("Comment: must not be empty"), "every problem");
    // Something the link does not show, or nothing at all.
    for bad in [format!("node:{}", w.secret), "node:999999".to_string(), "review:1".to_string(), String::new()] {
        let res = visitor.comment(&bad, "Dana", "Hello").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(res.text().await.unwrap().contains("What you comment on: is not part of what this link shows"), "{bad}");
    }
    offer(&w, w.pilot).await;
    let res = visitor.answer(w.pilot, "decline", "Dana", "").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Reason: tell us why you decline"));
    let res = visitor.answer(w.pilot, "maybe", "Dana", "").await;
    assert!(res.text().await.unwrap().contains("Answer: must be accept or decline"));
    assert_eq!(visitor.answer(w.audit, "accept", "Dana", "").await.status(), StatusCode::NOT_FOUND, "not offered");
    assert_eq!(visitor.answer(w.goal, "accept", "Dana", "").await.status(), StatusCode::NOT_FOUND, "not a commitment");

    // German, when the browser asks for it.
    let res = visitor
        .client
        .post(format!("{}/s/{token}/comments", w.app.base))
        .header("accept-language", "de-DE,de;q=0.9")
        .form(&[("_csrf", visitor.csrf.as_str()), ("target", target.as_str()), ("name", ""), ("body", "Hallo")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Ihr Name: darf nicht leer sein"));
    let (_, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    assert!(side["comments"].as_array().unwrap().is_empty(), "nothing refused was stored");
}

#[tokio::test]
async fn a_visitor_accepts_and_declines_joint_commitments() {
    let w = world().await;
    let token = link(&w.api, w.plan, "Q3 review").await;
    let visitor = Visitor::open(&w.app, &token).await;
    let (_, page) = visitor.page().await;
    assert!(!page.contains(PILOT), "a commitment under a shared goal is not shared by itself");

    let offered = offer(&w, w.pilot).await;
    assert_eq!((offered["answer"].as_str(), offered["contact_id"].as_i64()), (Some("open"), Some(w.dana)));
    assert_eq!(offered["shown_to_customer"], true);
    offer(&w, w.audit).await;
    let (_, page) = visitor.page().await;
    assert!(page.contains("Commitments we propose to take on together") && page.contains(PILOT) && page.contains(AUDIT));
    assert!(
        page.contains("Dana Ruiz") && page.contains("Kim Kamara") && page.contains("Signed pilot report"),
        "both sides and the criterion"
    );
    assert!(page.contains(&format!("action=\"/s/{token}/commitments/{}\"", w.pilot)));

    let res = visitor.answer(w.pilot, "accept", "Dana Ruiz", "").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/s/{token}#joint-{}", w.pilot));
    let (_, page) = visitor.page().await;
    assert!(page.contains("Accepted by Dana Ruiz on"), "the answer is shown");
    let res = visitor.answer(w.pilot, "decline", "Dana Ruiz", "Changed my mind").await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "answered once");
    assert!(res.text().await.unwrap().contains("already accepted"));

    let res = visitor.answer(w.audit, "decline", "Dana Ruiz", "Our stock system <is> being replaced").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = named_entities(&visitor.page().await.1);
    assert!(page.contains("Declined by Dana Ruiz on") && page.contains("Our stock system &lt;is&gt; being replaced"));

    // The team sees both answers, marked as from the customer, and the KAM heard of them.
    let (_, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    let joint = side["joint_commitments"].as_array().unwrap();
    let pilot = joint.iter().find(|j| j["node_id"] == w.pilot).unwrap();
    assert_eq!((pilot["answer"].as_str(), pilot["answered_name"].as_str()), (Some("accepted"), Some("Dana Ruiz")));
    assert_eq!(pilot["answered_via_label"], "Q3 review");
    let audit = joint.iter().find(|j| j["node_id"] == w.audit).unwrap();
    assert_eq!(
        (audit["answer"].as_str(), audit["answer_reason"].as_str()),
        (Some("declined"), Some("Our stock system <is> being replaced"))
    );
    assert_eq!((side["evidence"]["joint_accepted"].as_i64(), side["evidence"]["joint_declined"].as_i64()), (Some(1), Some(1)));
    let kim = w.app.login(KAM).await;
    let plan_page = named_entities(&kim.get(&format!("/plans/{}?tab=customer", w.plan)).await.1);
    let card = &plan_page[plan_page.find("id=\"customer\"").expect("the customer card")..];
    assert!(card.contains("Accepted by Dana Ruiz (customer, via share link “Q3 review”) on"), "marked as from the customer");
    assert!(card.contains("Declined by Dana Ruiz (customer, via share link “Q3 review”) on"));
    assert!(card.contains("Our stock system &lt;is&gt; being replaced"), "escaped");
    assert!(plan_page.contains("Accepted by the customer"), "the commitment in the tree carries the answer");
    let (_, history) = kim.get(&format!("/plans/{}/activity", w.plan)).await;
    assert!(history.contains(&format!("Dana Ruiz (customer, via share link “Q3 review”) accepted the joint commitment “{PILOT}”")));
    let (_, n) = w.api.get("/me/notifications").await;
    let m = notifications(&n);
    assert!(m.iter().any(|x| x.contains("accepted the joint commitment") && x.ends_with("(Globex 2027)")), "{m:?}");
    assert!(m.iter().any(|x| x.contains("declined the joint commitment")), "{m:?}");

    // Asking again clears the answer (with the offer's version); then it can be answered anew.
    let stale = w.api.call(Method::PUT, &format!("/commitments/{}/joint", w.audit), Some(json!({"contact_id": w.dana}))).await;
    assert_error(&stale, StatusCode::CONFLICT, "conflict", None);
    let again = json!({"contact_id": w.dana, "version": audit["version"]});
    let (s, v) = w.api.call(Method::PUT, &format!("/commitments/{}/joint", w.audit), Some(again)).await;
    assert_eq!((s, v["answer"].as_str()), (StatusCode::OK, Some("open")), "{v}");
    assert_eq!(visitor.answer(w.audit, "accept", "Dana Ruiz", "").await.status(), StatusCode::SEE_OTHER);
    // Taken back: the link no longer shows it.
    let (s, _) = w.api.delete(&format!("/commitments/{}/joint", w.audit)).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, page) = visitor.page().await;
    assert!(!page.contains(AUDIT));
    assert_eq!(visitor.answer(w.audit, "accept", "Dana Ruiz", "").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_plan_editors_offer_and_only_accepted_commitments() {
    let w = world().await;
    let mel = w.app.api(MEL).await;
    let body = json!({"contact_id": w.dana});
    let path = format!("/commitments/{}/joint", w.pilot);
    assert_error(&mel.call(Method::PUT, &path, Some(body.clone())).await, StatusCode::FORBIDDEN, "forbidden", None);
    w.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = w.app.api("olga@borealis.test").await;
    assert_error(&other.call(Method::PUT, &path, Some(body.clone())).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.get(&format!("/plans/{}/customer", w.plan)).await, StatusCode::NOT_FOUND, "not_found", None);

    // A commitment proposed to Mel and not accepted yet; a contact of another account; no contact.
    let mel_id = w.app.store.user_by_email(MEL).await.unwrap().unwrap().id.get();
    let asked =
        id(&w.api.node(w.plan, json!({"kind": "commitment", "parent_id": w.goal, "title": "Mel's task", "owner_id": mel_id})).await);
    let refused = w.api.call(Method::PUT, &format!("/commitments/{asked}/joint"), Some(body.clone())).await;
    assert_error(&refused, StatusCode::CONFLICT, "invalid_state", None);
    assert!(refused.1["error"]["message"].as_str().unwrap().contains("not accepted this commitment yet"));
    let elsewhere = w.api.account("Initech").await;
    let (_, c) = w.api.post(&format!("/accounts/{elsewhere}/contacts"), json!({"name": "Ivan Else"})).await;
    let wrong = w.api.call(Method::PUT, &path, Some(json!({"contact_id": id(&c)}))).await;
    assert_error(&wrong, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("contact_id"));
    assert_error(&w.api.call(Method::PUT, &path, Some(json!({}))).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("contact_id"));
    let extra = w.api.call(Method::PUT, &path, Some(json!({"contact_id": w.dana, "colour": "red"}))).await;
    assert_error(&extra, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("colour"));
    let goal = w.api.call(Method::PUT, &format!("/commitments/{}/joint", w.goal), Some(body.clone())).await;
    assert_error(&goal, StatusCode::CONFLICT, "invalid_state", None);

    // The page form: the field named next to it, in a 422 page.
    let kim = w.app.login(KAM).await;
    let res = kim.post(&format!("/plans/{}/joint", w.plan), &[("node_id", &w.pilot.to_string()), ("contact_id", "")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("choose the contact at the customer"));
    let res =
        kim.post(&format!("/plans/{}/joint", w.plan), &[("node_id", &w.pilot.to_string()), ("contact_id", &w.dana.to_string())]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/plans/{}?tab=customer#customer", w.plan));
    let (_, page) = kim.get(&format!("/plans/{}?tab=customer", w.plan)).await;
    assert!(page.contains("Waiting for the customer’s answer") && page.contains("With Dana Ruiz"));
    let (_, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    let version = side["joint_commitments"][0]["version"].as_i64().unwrap().to_string();
    let mel_web = w.app.login(MEL).await;
    let res = mel_web.post(&format!("/commitments/{}/joint", w.pilot), &[("action", "withdraw"), ("version", &version)]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = kim.post(&format!("/commitments/{}/joint", w.pilot), &[("action", "withdraw"), ("version", &version)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    assert!(side["joint_commitments"].as_array().unwrap().is_empty());
}
