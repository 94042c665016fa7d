//! The sales manager's cockpit over HTTP, on the demo organisation: managers
//! see every KAM, a KAM only their own row and their team's, members and
//! viewers are refused; another organisation's data never appears; every
//! drill-down link resolves and lists the items behind its figure; the
//! filters work; the API answers the documented shape; the workbook
//! downloads; administrators set a user's team.

use keyplan_app::demo::DEMO_PASSWORD;
use keyplan_domain::Role;
use keyplan_testkit::{Session, TestApp, hidden_value};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::OTHER_ORG;

const MANAGER: &str = "martin.keller@northwind.example";
const LENA: &str = "lena.hoffmann@northwind.example";
const JAMES: &str = "james.carter@northwind.example";
const SLIPPED: &str = "Send the cleaning-validation summary to Helix quality assurance";

fn names(v: &Value) -> Vec<String> {
    v["kams"].as_array().expect("kams").iter().map(|k| k["name"].as_str().unwrap_or_default().to_string()).collect()
}

fn kam<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["kams"].as_array().unwrap().iter().find(|k| k["name"] == name).unwrap_or_else(|| panic!("{name} in {v}"))
}

async fn sign_in(app: &TestApp, email: &str) -> Session {
    app.try_login(email, DEMO_PASSWORD).await.expect("demo sign-in")
}

/// Another organisation with a KAM, an account, an active plan and an overdue commitment.
async fn other_org(app: &TestApp) {
    app.user(OTHER_ORG, "eve@other.test", "Eve Elsewhere", Role::Kam).await;
    let eve = app.api("eve@other.test").await;
    let account = eve.account("Borealis Secret Account").await;
    let (s, plan) = eve.post(&format!("/accounts/{account}/plans"), json!({"title": "Borealis secret plan", "status": "active"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let [_, _, _, obstacle] = eve.skeleton(plan["id"].as_i64().unwrap()).await;
    let me = eve.get("/me").await.1["id"].as_i64().unwrap();
    eve.node(
        plan["id"].as_i64().unwrap(),
        json!({"kind": "commitment", "parent_id": obstacle, "title": "Borealis secret task", "owner_id": me, "due_date": "2020-01-01"}),
    )
    .await;
}

#[tokio::test]
async fn who_sees_which_rows() {
    let app = TestApp::spawn_demo().await;
    other_org(&app).await;
    let manager = app.api(MANAGER).await;
    let (s, all) = manager.get("/cockpit").await;
    assert_eq!(s, StatusCode::OK, "{all}");
    assert_eq!(names(&all), ["Aylin Demir", "Daniel Roth", "James Carter", "Lena Hoffmann", "Priya Nair"]);
    let text = all.to_string();
    assert!(!text.contains("Borealis") && !text.contains("Eve Elsewhere"), "another organisation's data: {text}");

    // Lena (DACH) sees herself and Priya (DACH), not James, Daniel or Aylin (International).
    let (s, lena) = app.api(LENA).await.get("/cockpit").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(names(&lena), ["Lena Hoffmann", "Priya Nair"]);
    assert!(lena["totals"]["kams"]["ninety_days_ago"].is_null(), "a team's view has no organisation trend: {}", lena["totals"]);
    let (_, james) = app.api(JAMES).await.get("/cockpit").await;
    assert_eq!(names(&james), ["Aylin Demir", "Daniel Roth", "James Carter"]);
    // ... and cannot drill into another team's row.
    let lena_id = kam(&all, "Lena Hoffmann")["id"].as_i64().unwrap();
    let (s, _) = app.api(JAMES).await.get(&format!("/cockpit/items?kam={lena_id}&what=plans")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let james_session = sign_in(&app, JAMES).await;
    assert_eq!(james_session.get(&format!("/cockpit/items?kam={lena_id}&what=plans")).await.0, StatusCode::NOT_FOUND);

    // Members and viewers are refused, and have no link to it.
    for who in ["omar.haddad@northwind.example", "eva.fischer@northwind.example"] {
        assert_eq!(app.api(who).await.get("/cockpit").await.0, StatusCode::FORBIDDEN, "{who}");
        let session = sign_in(&app, who).await;
        assert_eq!(session.get("/cockpit").await.0, StatusCode::FORBIDDEN, "{who}");
        assert!(!session.get("/accounts").await.1.contains("href=\"/cockpit\""), "{who} sees the nav link");
    }
    let page = sign_in(&app, MANAGER).await.get("/accounts").await.1;
    assert!(page.contains("href=\"/cockpit\""), "managers have the nav link");

    // Eve's cockpit holds only her organisation.
    let (_, eve) = app.api("eve@other.test").await.get("/cockpit").await;
    assert_eq!(names(&eve), ["Eve Elsewhere"]);
    assert_eq!(eve["kams"][0]["overdue_commitments"], 1);
    assert!(!eve.to_string().contains("Northwind") && !eve.to_string().contains("Lena"));
}

#[tokio::test]
async fn the_api_answers_the_documented_shape() {
    let app = TestApp::spawn_demo().await;
    let (s, c) = app.api(MANAGER).await.get("/cockpit").await;
    assert_eq!(s, StatusCode::OK);
    assert!(c["as_of"].is_string() && c["limit"] == 3 && c["filters"].is_object());
    for figure in [
        "active_plans",
        "overdue_commitments",
        "unaccepted_commitments",
        "blocked_obstacles",
        "overdue_reviews",
        "stale_reviews",
        "goal_progress",
    ] {
        let t = &c["totals"][figure];
        assert!(t["now"].is_number(), "{figure}: {t}");
        assert!(t["ninety_days_ago"].is_number(), "the demo keeps totals of 90 days ago: {figure}: {t}");
    }
    let lena = kam(&c, "Lena Hoffmann");
    for key in [
        "id",
        "name",
        "team",
        "active_plans",
        "limit",
        "over_limit",
        "plans",
        "overdue_commitments",
        "unaccepted_commitments",
        "blocked_obstacles",
        "goal_progress",
    ] {
        assert!(lena.get(key).is_some(), "{key} missing in {lena}");
    }
    assert_eq!(lena["team"], "DACH");
    assert!(lena["overdue_commitments"].as_i64().unwrap() >= 1, "the demo has an overdue commitment: {lena}");
    let plan = &lena["plans"][0];
    for key in ["id", "title", "status", "coach_score", "coach_level", "review", "next_review"] {
        assert!(plan.get(key).is_some(), "{key} missing in {plan}");
    }
    assert!(plan["account"]["id"].is_i64() && plan["account"]["name"].is_string());
    assert!(["ok", "stale", "overdue", "none"].contains(&plan["review"].as_str().unwrap()));
    let attention = c["needs_attention"].as_array().unwrap();
    assert!(!attention.is_empty());
    let urgencies: Vec<i64> = attention.iter().map(|a| a["urgency"].as_i64().unwrap()).collect();
    assert!(urgencies.windows(2).all(|w| w[0] <= w[1]), "ordered by urgency: {urgencies:?}");
    let slipped = attention.iter().find(|a| a["item"]["title"] == SLIPPED).expect("the slipped commitment needs attention");
    assert_eq!(slipped["kind"], "overdue_commitment");
    assert_eq!(slipped["days"], 6);
    assert_eq!(slipped["owner"]["name"], "Julia Weber");
    assert!(slipped["plan"]["id"].is_i64() && slipped["account"]["name"] == "Helix Pharma" && slipped["href"].is_string());
    assert!(c["limit_exceptions"].is_array());
}

#[tokio::test]
async fn drill_down_links_resolve() {
    let app = TestApp::spawn_demo().await;
    let session = sign_in(&app, MANAGER).await;
    let (s, page) = session.get("/cockpit").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Limit exceptions") && page.contains("Needs attention"), "sections on the page");
    let links: Vec<String> = page
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| h.starts_with("/cockpit/items"))
        .map(|h| h.replace("&amp;", "&").replace("&#38;", "&"))
        .collect();
    assert!(links.len() > 20, "every figure links to its items: {links:?}");
    for link in &links {
        let (s, body) = session.get(link).await;
        assert_eq!(s, StatusCode::OK, "{link}");
        assert!(body.contains("<h1>"), "{link}");
    }
    let (_, c) = app.api(MANAGER).await.get("/cockpit").await;
    let overdue = kam(&c, "Lena Hoffmann")["links"]["overdue_commitments"].as_str().unwrap().to_string();
    let (_, items) = session.get(&overdue).await;
    assert!(items.contains(SLIPPED) && items.contains("Julia Weber"), "{items}");
    // The items link to plans that open.
    for a in c["needs_attention"].as_array().unwrap() {
        let href = a["href"].as_str().unwrap();
        let path = href.split('#').next().unwrap();
        assert_eq!(session.get(path).await.0, StatusCode::OK, "{href}");
    }
    // Unknown figures and KAMs are refused.
    assert_eq!(session.get("/cockpit/items?what=nothing").await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.api(MANAGER).await.get("/cockpit/items?kam=abc&what=plans").await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(session.get("/cockpit/items?kam=999999&what=plans").await.0, StatusCode::NOT_FOUND);
    let (s, items) = app.api(MANAGER).await.get("/cockpit/items?what=overdue_commitments").await;
    assert_eq!(s, StatusCode::OK);
    assert!(items.as_array().unwrap().iter().any(|i| i["title"] == SLIPPED));
}

#[tokio::test]
async fn filters_narrow_rows_totals_and_the_export() {
    let app = TestApp::spawn_demo().await;
    let manager = app.api(MANAGER).await;
    let (_, c) = manager.get("/cockpit?team=International").await;
    assert_eq!(names(&c), ["Aylin Demir", "Daniel Roth", "James Carter"]);
    assert_eq!(c["filters"]["team"], "International");
    assert!(c["totals"]["kams"]["ninety_days_ago"].is_null(), "filtered figures are not compared: {}", c["totals"]);
    let (_, c) = manager.get("/cockpit?region=Switzerland").await;
    assert_eq!(names(&c), ["Lena Hoffmann"]);
    let lena = kam(&c, "Lena Hoffmann");
    assert_eq!(lena["plans"].as_array().unwrap().len(), 1);
    assert_eq!(lena["plans"][0]["account"]["name"], "Helix Pharma");
    assert_eq!(c["totals"]["active_plans"]["now"], 1.0);
    let (_, c) = manager.get("/cockpit?industry=Packaging").await;
    assert_eq!(names(&c), ["James Carter"]);
    let (_, c) = manager.get("/cockpit?region=Atlantis").await;
    assert!(names(&c).is_empty());

    let session = sign_in(&app, MANAGER).await;
    let (_, page) = session.get("/cockpit?region=Switzerland").await;
    assert!(page.contains("Helix Pharma") && !page.contains("Brightwater Foods — grow"), "the page follows the filter");
    assert!(page.contains("/cockpit.xlsx?region=Switzerland"));
    let res = session.client.get(app.url("/cockpit.xlsx?region=Switzerland")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().contains("spreadsheetml"));
    let bytes = res.bytes().await.unwrap();
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names: Vec<String> = book.sheet_names().to_vec();
    assert_eq!(names, ["Key account managers", "Plans", "Needs attention"]);
    let plans = book.worksheet_range("Plans").unwrap();
    let text: Vec<String> = plans.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(text.iter().any(|t| t.contains("Helix")) && !text.iter().any(|t| t.contains("Brightwater")), "{text:?}");
    let attention = book.worksheet_range("Needs attention").unwrap();
    assert!(attention.rows().any(|r| r.iter().any(|c| matches!(c, calamine::Data::String(s) if s == SLIPPED))));
}

#[tokio::test]
async fn administrators_set_a_users_team() {
    let app = TestApp::spawn_demo().await;
    let admin = sign_in(&app, "katrin.vogel@northwind.example").await;
    let james = app.store.user_by_email(JAMES).await.unwrap().unwrap();
    assert_eq!(james.team.as_deref(), Some("International"));
    let (_, page) = admin.get("/admin/users").await;
    assert!(page.contains("value=\"International\""), "the team is shown for editing");
    let version = james.version.to_string();
    let res = admin
        .post(
            &format!("/admin/users/{}", james.id.get()),
            &[("version", &version), ("name", "James Carter"), ("role", "kam"), ("active", "on"), ("team", "DACH")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, users) = app.api(MANAGER).await.get("/users").await;
    let j = users.as_array().unwrap().iter().find(|u| u["name"] == "James Carter").unwrap();
    assert_eq!(j["team"], "DACH");
    // Now Lena's team includes James.
    let (_, lena) = app.api(LENA).await.get("/cockpit").await;
    assert_eq!(names(&lena), ["James Carter", "Lena Hoffmann", "Priya Nair"]);
    // A form without the field keeps the team.
    let james = app.store.user_by_email(JAMES).await.unwrap().unwrap();
    let version = james.version.to_string();
    admin
        .post(
            &format!("/admin/users/{}", james.id.get()),
            &[("version", &version), ("name", "James Carter"), ("role", "kam"), ("active", "on")],
        )
        .await;
    assert_eq!(app.store.user_by_email(JAMES).await.unwrap().unwrap().team.as_deref(), Some("DACH"));
    let _ = hidden_value;
}
