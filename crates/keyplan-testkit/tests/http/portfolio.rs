//! The account portfolio: the page with its filters, sorting and marks, the
//! API's shape, the downloads' content types, and each organisation its own
//! (another organisation's accounts never appear); signed-out visitors are
//! sent to sign in (pages) or refused (API).

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, redirected_to_login};

async fn account(api: &Api, body: Value) -> i64 {
    let (s, v) = api.post("/accounts", body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_i64().expect("id")
}

struct World {
    app: TestApp,
    kim: Api,
    kim_id: i64,
    ids: [i64; 4],
}

/// Acme: Kim's Northwind (no plan, most growth), Contoso (an active plan,
/// share at the threshold), Tailspin (a draft) and Fabrikam (no figures);
/// Lee's Litware in another region. Borealis: Zephyr.
async fn world() -> World {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "lee@acme.test", "Lee Larsen", Role::Kam).await;
    app.user(OTHER_ORG, "bo@borealis.test", "Bo Berg", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let lee = app.api("lee@acme.test").await;
    let bo = app.api("bo@borealis.test").await;
    let northwind = account(
        &api,
        json!({"name": "Northwind <Traders>", "region": "North", "industry": "Chemicals", "current_revenue": 200000, "total_spend": 2000000, "potential": 1500000}),
    )
    .await;
    let contoso = account(
        &api,
        json!({"name": "Contoso", "region": "North", "industry": "Retail", "current_revenue": 800000, "total_spend": 1000000, "potential": 900000}),
    )
    .await;
    let (s, v) = api.post(&format!("/accounts/{contoso}/plans"), json!({"title": "Contoso 2027", "status": "active"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let tailspin = account(
        &api,
        json!({"name": "Tailspin", "region": "South", "industry": "Retail", "current_revenue": 100000, "total_spend": 500000, "potential": 400000}),
    )
    .await;
    api.plan(tailspin, "Tailspin draft").await;
    let fabrikam = account(&api, json!({"name": "Fabrikam", "region": "South", "current_revenue": 10000})).await;
    account(&lee, json!({"name": "Litware", "region": "West", "current_revenue": 50000, "total_spend": 400000, "potential": 300000})).await;
    account(&bo, json!({"name": "Zephyr Secret", "region": "North", "current_revenue": 1, "total_spend": 2, "potential": 3})).await;
    World { app, kim: api, kim_id: kim.id.get(), ids: [northwind, contoso, tailspin, fabrikam] }
}

#[tokio::test]
async fn the_api_answers_the_documented_shape() {
    let w = world().await;
    let (s, v) = w.kim.get("/portfolio").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["lines"]["source"], "median");
    assert!(v["lines"]["share"].is_f64() && v["lines"]["growth"].is_f64());
    assert_eq!(v["share_of_wallet_threshold"], 0.6);
    let names: Vec<&str> = v["accounts"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Contoso", "Litware", "Northwind <Traders>", "Tailspin"], "placed accounts by name, only Acme's");
    let northwind = &v["accounts"][2];
    let mut keys: Vec<&String> = northwind.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "candidate",
            "coach_level",
            "coach_score",
            "current_revenue",
            "growth_potential",
            "id",
            "industry",
            "kam",
            "name",
            "plan_id",
            "plan_state",
            "potential",
            "quadrant",
            "reconsider",
            "region",
            "share_of_wallet",
            "total_spend"
        ]
    );
    assert_eq!(northwind["id"], w.ids[0]);
    assert_eq!(northwind["kam"], json!({"id": w.kim_id, "name": "Kim Kamara"}));
    assert_eq!((&northwind["share_of_wallet"], &northwind["growth_potential"]), (&json!(0.1), &json!(1300000.0)));
    assert_eq!(
        (&northwind["plan_state"], &northwind["candidate"], &northwind["quadrant"]),
        (&json!("no_plan"), &json!(true), &json!("develop"))
    );
    let contoso = &v["accounts"][0];
    assert_eq!((&contoso["plan_state"], &contoso["candidate"]), (&json!("active"), &json!(false)));
    assert!(contoso["plan_id"].is_i64());
    assert_eq!(contoso["reconsider"], json!(["share_at_threshold", "little_growth"]));
    assert_eq!(v["accounts"][3]["plan_state"], "draft");
    assert_eq!(v["missing_figures"], json!([{"id": w.ids[3], "name": "Fabrikam", "missing": ["spend", "potential"]}]));

    // Filters: KAM, region, industry and plan state; the lines stay the organisation's.
    let (_, f) = w.kim.get(&format!("/portfolio?kam={}&region=North", w.kim_id)).await;
    let names: Vec<&str> = f["accounts"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Contoso", "Northwind <Traders>"]);
    assert_eq!(f["lines"], v["lines"]);
    let (_, f) = w.kim.get("/portfolio?state=draft&industry=Retail").await;
    assert_eq!(f["accounts"].as_array().unwrap().len(), 1);
    assert_eq!(f["missing_figures"], json!([]));
    assert_error(&w.kim.get("/portfolio?state=archived").await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("state"));
    assert_error(&w.kim.get("/portfolio?kam=kim").await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kam"));

    // Another organisation sees only its own.
    let bo = w.app.api("bo@borealis.test").await;
    let (_, b) = bo.get("/portfolio").await;
    assert_eq!(b["accounts"].as_array().unwrap().len(), 1);
    assert_eq!(b["accounts"][0]["name"], "Zephyr Secret");
    // Without a token: 401.
    let res = w.app.client().get(w.app.url("/api/v1/portfolio")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // The OpenAPI document describes it.
    let (_, doc) = w.kim.get("/openapi.json").await;
    assert!(doc["paths"]["/api/v1/portfolio"]["get"].is_object() || doc["paths"]["/portfolio"]["get"].is_object());
}

#[tokio::test]
async fn the_page_shows_the_picture_filters_marks_and_the_lacking() {
    let w = world().await;
    let s = w.app.login("kim@acme.test").await;
    let (status, html) = s.get("/portfolio").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/portfolio\" aria-current=\"page\""), "the navigation marks the page");
    assert!(html.contains("<svg") && html.contains("class=\"portfolio-map\""));
    for id in &w.ids[..3] {
        assert!(html.contains(&format!("<a href=\"/accounts/{id}\" class=\"pf-bubble\"")), "bubble of {id}");
    }
    assert!(html.contains("Northwind &lt;Traders&gt;") || html.contains("Northwind &#60;Traders&#62;"));
    assert!(!html.contains("Northwind <Traders>"), "names are escaped");
    assert!(!html.contains("Zephyr"), "another organisation's accounts never appear");
    for text in ["Develop", "plan here", "Plan candidates", "Plans to reconsider", "Accounts lacking figures", "Reconsider the plan"] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(html.contains(&format!("href=\"/accounts/{}#edit-account\"", w.ids[3])), "a link to enter Fabrikam's figures");
    assert!(html.contains("lacks total spend, potential"));
    assert!(html.contains("name=\"kam\"") && html.contains("<option>North</option>") && html.contains("value=\"overdue_review\""));
    assert!(
        html.contains("href=\"/portfolio.pdf\"") && html.contains("href=\"/portfolio.xlsx\"") && html.contains("href=\"/portfolio.svg\"")
    );

    // Filtered and sorted: the form's choices stay selected, the links keep the filters.
    let (status, html) = s.get("/portfolio?region=South&sort=name&dir=asc").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<option selected>South</option>"));
    assert!(html.contains("href=\"/portfolio.xlsx?region=South\""));
    assert!(html.contains("aria-sort=\"ascending\""));
    assert!(!html.contains("class=\"pf-bubble\" data-state=\"no_plan\""), "Northwind is in the North");
    assert!(html.contains(&format!("/accounts/{}\" class=\"pf-bubble\" data-state=\"draft\"", w.ids[2])));
    let (_, html) = s.get(&format!("/portfolio?selected={}", w.ids[1])).await;
    assert!(html.contains("class=\"pf-selected\""));
    let (status, _) = s.get("/portfolio?sort=nonsense").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // German.
    s.post("/me/language", &[("language", "de")]).await;
    let (_, html) = s.get("/portfolio").await;
    for text in ["Entwickeln", "Hier planen", "Plan-Kandidaten", "Lieferanteil"] {
        assert!(html.contains(text), "{text} missing");
    }

    // Signed out: to the sign-in page, for the page and every download.
    for path in ["/portfolio", "/portfolio.svg", "/portfolio.pdf", "/portfolio.xlsx"] {
        assert!(redirected_to_login(&w.app.client(), &w.app.url(path)).await, "{path}");
    }
}

#[tokio::test]
async fn downloads_have_their_content_types_and_honour_the_filters() {
    let w = world().await;
    let s = w.app.login("kim@acme.test").await;
    let get = |path: &str| s.client.get(format!("{}{path}", s.base)).send();
    let res = get("/portfolio.svg?region=North").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("portfolio.svg"));
    let svg = res.text().await.unwrap();
    assert!(svg.starts_with("<svg") && svg.contains(&format!("/accounts/{}\"", w.ids[0])));
    assert!(!svg.contains(&format!("/accounts/{}\"", w.ids[2])), "Tailspin is in the South");
    let res = get("/portfolio.xlsx").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(res.bytes().await.unwrap().starts_with(b"PK"));
    let res = get("/portfolio.pdf?state=active").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF-"));
}
