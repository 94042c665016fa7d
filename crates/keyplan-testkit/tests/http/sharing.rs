//! Audience views and customer share links over HTTP: nothing internal leaks
//! into the customer excerpt (page, share link, Markdown, JSON, XLSX, API), links
//! expire, are revoked, are logged and are stored only as a hash, and only
//! plan editors of the right organisation may manage them.

use keyplan_domain::{PlanId, Role, ShareLinkId};
use keyplan_testkit::{Api, Session, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, id};

const KAM: &str = "kim@acme.test";
const MEL: &str = "mel@acme.test";

/// Strings that must appear in the customer excerpt.
const SHARED: [&str; 8] =
    ["CUST-GOAL-7Q", "CUST-CSF-7Q", "CUST-COND-7Q", "CUST-OBST-7Q", "CUST-COMMIT-7Q", "CUST-STRENGTH-7Q", "CUST-VISION-7Q", "CUST-KPI-7Q"];

/// Strings that must never appear in it.
const INTERNAL: [&str; 17] = [
    "SECRET-GOALNOTE-7Q",
    "SECRET-COMMITNOTE-7Q",
    "SECRET-DECLINED-7Q",
    "SECRET-DECLINE-REASON-7Q",
    "SECRET-TEAMONLY-7Q",
    "SECRET-ORPHAN-7Q",
    "SECRET-MGMT-7Q",
    "SECRET-WEAKNESS-7Q",
    "SECRET-THREAT-7Q",
    "SECRET-SOURCE-7Q",
    "SECRET-ANALYSIS-7Q",
    "SECRET-SECTION-7Q",
    "SECRET-OBJECTIVE-7Q",
    "SECRET-COMMENT-7Q",
    "SECRET-ASK-7Q",
    "SECRET-KPI-7Q",
    "SECRET-OTHERACCOUNT-7Q",
];

struct World {
    app: TestApp,
    api: Api,
    plan: i64,
    session: Session,
}

async fn vis(api: &Api, plan: i64, kind: &str, target: i64, v: &str) {
    let (s, body) = api
        .call(Method::PUT, &format!("/plans/{plan}/visibility"), Some(json!({"target_kind": kind, "target_id": target, "visibility": v})))
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
}

async fn node(api: &Api, plan: i64, body: Value, v: &str) -> i64 {
    let n = id(&api.node(plan, body).await);
    vis(api, plan, "node", n, v).await;
    n
}

async fn item(api: &Api, plan: i64, body: Value, v: &str) -> i64 {
    let (s, it) = api.post(&format!("/plans/{plan}/items"), body).await;
    assert_eq!(s, StatusCode::CREATED, "{it}");
    vis(api, plan, "item", id(&it), v).await;
    id(&it)
}

/// A strategic plan with every kind of internal content, some of it marked for the customer.
async fn world() -> World {
    let app = TestApp::spawn().await;
    let kam = app.user(ORG, KAM, "Kim Kamara", Role::Kam).await;
    let mel = app.user(ORG, MEL, "Mel Member", Role::Member).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex Chemicals").await;
    let (s, _) = api.call(Method::PUT, &format!("/accounts/{account}/team/{}", mel.id), Some(json!({"function": "Service"}))).await;
    assert!(s.is_success(), "{s}");
    let (s, _) = api.patch(&format!("/accounts/{account}"), json!({"current_revenue": 7654321, "version": 1})).await;
    assert!(s.is_success());
    let (s, plan) = api.post(&format!("/accounts/{account}/plans"), json!({"title": "Globex 2027", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let plan = id(&plan);

    let goal = node(&api, plan, json!({"kind": "goal", "title": "CUST-GOAL-7Q", "notes": "SECRET-GOALNOTE-7Q"}), "customer").await;
    let csf = node(&api, plan, json!({"kind": "csf", "parent_id": goal, "title": "CUST-CSF-7Q"}), "customer").await;
    node(&api, plan, json!({"kind": "csf", "parent_id": goal, "title": "SECRET-MGMT-7Q"}), "management").await;
    let cond = node(&api, plan, json!({"kind": "condition", "parent_id": csf, "title": "CUST-COND-7Q"}), "customer").await;
    let obst = node(&api, plan, json!({"kind": "obstacle", "parent_id": cond, "title": "CUST-OBST-7Q"}), "customer").await;
    let hidden = node(&api, plan, json!({"kind": "obstacle", "parent_id": cond, "title": "SECRET-TEAMONLY-7Q"}), "team").await;
    node(&api, plan, json!({"kind": "commitment", "parent_id": hidden, "title": "SECRET-ORPHAN-7Q", "owner_id": kam.id.get()}), "customer")
        .await;
    node(
        &api,
        plan,
        json!({"kind": "commitment", "parent_id": obst, "title": "CUST-COMMIT-7Q", "owner_id": kam.id.get(), "notes": "SECRET-COMMITNOTE-7Q"}),
        "customer",
    )
    .await;
    let declined = node(
        &api,
        plan,
        json!({"kind": "commitment", "parent_id": obst, "title": "SECRET-DECLINED-7Q", "owner_id": mel.id.get()}),
        "customer",
    )
    .await;
    let mel_api = app.api(MEL).await;
    let (s, v) = mel_api.post(&format!("/commitments/{declined}/decline"), json!({"reason": "SECRET-DECLINE-REASON-7Q"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");

    item(&api, plan, json!({"section": "swot", "kind": "swot", "category": "weakness", "text": "SECRET-WEAKNESS-7Q"}), "customer").await;
    item(&api, plan, json!({"section": "swot", "kind": "swot", "category": "threat", "text": "SECRET-THREAT-7Q"}), "customer").await;
    item(
        &api,
        plan,
        json!({"section": "swot", "kind": "swot", "category": "strength", "text": "CUST-STRENGTH-7Q", "source": "SECRET-SOURCE-7Q"}),
        "customer",
    )
    .await;
    item(
        &api,
        plan,
        json!({"section": "customer-profile", "kind": "analysis", "category": "customer", "text": "SECRET-ANALYSIS-7Q"}),
        "team",
    )
    .await;

    let (s, vision) =
        api.call(Method::PUT, &format!("/plans/{plan}/sections/vision"), Some(json!({"body": "CUST-VISION-7Q", "version": 0}))).await;
    assert_eq!(s, StatusCode::OK, "{vision}");
    let vision_id = vision["text_id"].as_i64().or_else(|| vision["id"].as_i64()).expect("section text id");
    vis(&api, plan, "section", vision_id, "customer").await;
    let (s, _) =
        api.call(Method::PUT, &format!("/plans/{plan}/sections/history"), Some(json!({"body": "SECRET-SECTION-7Q", "version": 0}))).await;
    assert_eq!(s, StatusCode::OK);

    let (s, k) = api.post(&format!("/plans/{plan}/kpis"), json!({"name": "CUST-KPI-7Q", "unit": "%", "target": 40})).await;
    assert_eq!(s, StatusCode::CREATED, "{k}");
    vis(&api, plan, "kpi", id(&k), "customer").await;
    let (s, _) = api.post(&format!("/plans/{plan}/kpis"), json!({"name": "SECRET-KPI-7Q", "unit": "%"})).await;
    assert_eq!(s, StatusCode::CREATED);

    let (s, _) = api
        .post(
            &format!("/accounts/{account}/contacts"),
            json!({"name": "Dora Opponent", "attitude": "opponent", "influence": "5", "objective": "SECRET-OBJECTIVE-7Q"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = api.post(&format!("/plans/{plan}/comments"), json!({"body": "SECRET-COMMENT-7Q"})).await;
    assert_eq!(s, StatusCode::CREATED);

    let other = api.account("Initech").await;
    let other_plan = api.plan(other, "Initech plan").await;
    node(&api, other_plan, json!({"kind": "goal", "title": "SECRET-OTHERACCOUNT-7Q"}), "customer").await;

    let session = app.login(KAM).await;
    let res = session.post(&format!("/plans/{plan}/management-asks"), &[("body", "SECRET-ASK-7Q"), ("version", "0")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    World { app, api, plan, session }
}

#[track_caller]
fn assert_customer_safe(what: &str, body: &str) {
    assert_safe(what, body, &SHARED);
}

/// The Markdown export follows the template: the strategic plan shows goals and
/// their commitments, not the tree's middle levels.
#[track_caller]
fn assert_safe(what: &str, body: &str, shared: &[&str]) {
    for s in shared {
        assert!(body.contains(s), "{what}: the shared {s} is missing");
    }
    for s in INTERNAL {
        assert!(!body.contains(s), "{what}: the internal {s} leaked");
    }
    assert!(!body.contains(KAM) && !body.contains(MEL), "{what}: an e-mail address leaked");
    assert!(!body.contains("7654321"), "{what}: our revenue leaked");
    assert!(!body.contains("Dora Opponent"), "{what}: a contact assessment leaked");
}

/// Creates a share link through the page and returns its token.
async fn share_link(w: &World, label: &str) -> String {
    let res = w.session.post(&format!("/plans/{}/share-links", w.plan), &[("label", label), ("expires_on", "2099-01-01")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "too far ahead");
    let until = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
    let res = w.session.post(&format!("/plans/{}/share-links", w.plan), &[("label", label), ("expires_on", &until)]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let page = res.text().await.unwrap();
    let start = page.find("/s/").expect("the new link is shown") + 3;
    page[start..start + 64].to_string()
}

#[tokio::test]
async fn nothing_internal_reaches_the_customer() {
    let w = world().await;
    let p = w.plan;

    // The obstacle shows in the plan's history, on the discussion tab.
    let (s, team) = w.session.get(&format!("/plans/{p}?tab=discussion")).await;
    assert_eq!(s, StatusCode::OK);
    for t in ["SECRET-TEAMONLY-7Q", "SECRET-WEAKNESS-7Q", "CUST-GOAL-7Q", "Management briefing"] {
        assert!(team.contains(t), "team view lacks {t}");
    }

    let (s, page) = w.session.get(&format!("/plans/{p}/view/customer")).await;
    assert_eq!(s, StatusCode::OK);
    assert_customer_safe("customer excerpt page", &page);

    let token = share_link(&w, "Globex procurement").await;
    let anon = w.app.client();
    let res = anon.get(w.app.url(&format!("/s/{token}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let shared = res.text().await.unwrap();
    assert_customer_safe("share page", &shared);
    assert!(!shared.contains("/accounts") && !shared.contains("Sign out"), "the share page has no internal navigation");

    let (s, md) = w.session.get(&format!("/plans/{p}/export.md?audience=customer")).await;
    assert_eq!(s, StatusCode::OK);
    assert_safe("customer Markdown", &md, &["CUST-GOAL-7Q", "CUST-COMMIT-7Q", "CUST-STRENGTH-7Q", "CUST-VISION-7Q"]);
    let (s, js) = w.session.get(&format!("/plans/{p}/export.json?audience=customer")).await;
    assert_eq!(s, StatusCode::OK);
    assert_customer_safe("customer JSON", &js);
    let (s, v) = w.api.get(&format!("/plans/{p}/views/customer")).await;
    assert_eq!(s, StatusCode::OK);
    assert_customer_safe("API customer view", &v.to_string());

    let xlsx = workbook_text(&w.session, &format!("/plans/{p}/export.xlsx?audience=customer")).await;
    assert_safe("customer XLSX", &xlsx, &["CUST-GOAL-7Q", "CUST-COMMIT-7Q", "CUST-STRENGTH-7Q", "CUST-VISION-7Q", "CUST-KPI-7Q"]);

    // The team's export still has everything, so the checks above can fail.
    let (_, md_team) = w.session.get(&format!("/plans/{p}/export.md")).await;
    assert!(md_team.contains("SECRET-ANALYSIS-7Q") && md_team.contains("SECRET-WEAKNESS-7Q"));
    let xlsx_team = workbook_text(&w.session, &format!("/plans/{p}/export.xlsx")).await;
    for s in [
        "SECRET-ANALYSIS-7Q",
        "SECRET-WEAKNESS-7Q",
        "SECRET-GOALNOTE-7Q",
        "SECRET-DECLINED-7Q",
        "SECRET-SOURCE-7Q",
        "SECRET-KPI-7Q",
        "7654321",
    ] {
        assert!(xlsx_team.contains(s), "the team's XLSX lacks {s}");
    }
}

/// Every sheet name and cell of the workbook a page download answers, as text.
async fn workbook_text(session: &Session, path: &str) -> String {
    let res = session.client.get(format!("{}{path}", session.base)).send().await.expect("GET");
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    crate::xlsx::all_text(&res.bytes().await.expect("body"))
}

#[tokio::test]
async fn management_sees_the_whole_tree_its_items_and_the_asks_but_not_team_only_items() {
    let w = world().await;
    let (s, page) = w.session.get(&format!("/plans/{}/view/management", w.plan)).await;
    assert_eq!(s, StatusCode::OK);
    // The briefing tells the truth: every open obstacle and commitment at risk, whatever its mark.
    for t in ["CUST-GOAL-7Q", "SECRET-ASK-7Q", "SECRET-DECLINED-7Q", "SECRET-TEAMONLY-7Q", "Commitments at risk"] {
        assert!(page.contains(t), "briefing lacks {t}");
    }
    assert!(!page.contains("SECRET-ANALYSIS-7Q"), "extra analysis only by its mark");
    let (_, v) = w.api.get(&format!("/plans/{}/views/management", w.plan)).await;
    assert!(v.to_string().contains("SECRET-MGMT-7Q") && v.to_string().contains("SECRET-TEAMONLY-7Q"));
    assert!(!v.to_string().contains("SECRET-ANALYSIS-7Q") && !v.to_string().contains("SECRET-OTHERACCOUNT-7Q"));
    assert_error(
        &w.api.get(&format!("/plans/{}/views/everyone", w.plan)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("audience"),
    );
}

#[tokio::test]
async fn share_links_are_logged_hashed_revoked_and_expire() {
    let w = world().await;
    let token = share_link(&w, "Globex board").await;
    let org = w.app.org_id(ORG).await;
    let links = w.app.store.share_links(org, PlanId::new(w.plan)).await.unwrap();
    assert_eq!(links.len(), 1);
    let link = links[0].id;
    let hash = w.app.store.share_link_hash(org, link).await.unwrap();
    assert_eq!(hash, keyplan_app::auth::token_hash(&token));
    assert_ne!(hash, token);

    let anon = w.app.client();
    let url = w.app.url(&format!("/s/{token}"));
    assert_eq!(anon.get(&url).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(anon.get(&url).header("x-forwarded-for", "203.0.113.9").send().await.unwrap().status(), StatusCode::OK);
    let openings = w.app.store.share_openings(org, link).await.unwrap();
    assert_eq!(openings.len(), 2);
    // No trusted proxy is configured: the socket address counts, not the header.
    assert!(openings.iter().all(|o| o.client_addr == "127.0.0.1"), "{openings:?}");
    let (_, list) = w.api.get(&format!("/plans/{}/share-links", w.plan)).await;
    assert_eq!(list[0]["open_count"], 2);
    assert!(list[0]["last_opened_at"].is_string() && list[0].get("url").is_none(), "{list}");
    let (_, page) = w.session.get(&format!("/plans/{}/sharing", w.plan)).await;
    assert!(page.contains("Globex board") && page.contains("Revoke"));

    let res = w.session.post(&format!("/share-links/{link}/revoke"), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = anon.get(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::GONE);
    let body = res.text().await.unwrap();
    assert!(body.contains("no longer shared") && !body.contains("CUST-GOAL-7Q"));
    assert_eq!(w.app.store.share_openings(org, link).await.unwrap().len(), 2, "a refused opening is not logged as one");

    // Expired yesterday.
    let old = keyplan_app::auth::random_token();
    let yesterday = time::OffsetDateTime::now_utc().date() - time::Duration::days(1);
    let kam = w.app.store.user_by_email(KAM).await.unwrap().unwrap();
    w.app.store.create_share_link(org, PlanId::new(w.plan), &keyplan_app::auth::token_hash(&old), "Old", yesterday, kam.id).await.unwrap();
    assert_eq!(anon.get(w.app.url(&format!("/s/{old}"))).send().await.unwrap().status(), StatusCode::GONE);
    let unknown = keyplan_app::auth::random_token();
    assert_eq!(anon.get(w.app.url(&format!("/s/{unknown}"))).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(anon.get(w.app.url("/s/short")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_plan_editors_of_the_organisation_manage_links_and_visibility() {
    let w = world().await;
    let p = w.plan;
    let (s, created) = w
        .api
        .post(
            &format!("/plans/{p}/share-links"),
            json!({"label": "API link", "expires_on": keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date())}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    assert!(created["url"].as_str().is_some_and(|u| u.contains("/s/")));
    let link = id(&created);

    w.app.user(ORG, "nora@acme.test", "Nora Elsewhere", Role::Member).await;
    let outsider = w.app.api("nora@acme.test").await;
    assert_error(
        &outsider.post(&format!("/plans/{p}/share-links"), json!({"label": "x", "expires_on": "2027-01-01"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(&outsider.post(&format!("/share-links/{link}/revoke"), json!({})).await, StatusCode::FORBIDDEN, "forbidden", None);
    let nora = w.app.login("nora@acme.test").await;
    let res = nora.post(&format!("/plans/{p}/share-links"), &[("label", "x"), ("expires_on", "2027-01-01")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    w.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let viewer = w.app.api("vic@acme.test").await;
    assert_error(
        &viewer
            .call(
                Method::PUT,
                &format!("/plans/{p}/visibility"),
                Some(json!({"target_kind": "node", "target_id": 1, "visibility": "customer"})),
            )
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );

    w.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Admin).await;
    let other = w.app.api("olga@borealis.test").await;
    assert_error(&other.get(&format!("/plans/{p}/share-links")).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.post(&format!("/share-links/{link}/revoke"), json!({})).await, StatusCode::NOT_FOUND, "not_found", None);
    let org = w.app.org_id(ORG).await;
    assert!(w.app.store.share_link(org, ShareLinkId::new(link)).await.unwrap().revoked_at.is_none());

    let bad = w
        .api
        .call(Method::PUT, &format!("/plans/{p}/visibility"), Some(json!({"target_kind": "node", "target_id": 1, "visibility": "public"})))
        .await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("visibility"));
    let bad = w
        .api
        .call(
            Method::PUT,
            &format!("/plans/{p}/visibility"),
            Some(json!({"target_kind": "node", "target_id": 999999, "visibility": "team"})),
        )
        .await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("target_id"));
    let bad = w.api.post(&format!("/plans/{p}/share-links"), json!({"label": "", "expires_on": "soon"})).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", None);
}
