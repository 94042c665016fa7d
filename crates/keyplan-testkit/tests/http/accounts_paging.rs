//! The accounts list and `GET /api/v1/accounts` in pages: page size, `Link` and
//! `X-Total-Count` headers, sort orders, search, bad parameters; the search
//! endpoints behind the search fields stay inside the organisation; and the
//! search fields of the account forms resolve names (or name the field).

use keyplan_domain::Role;
use keyplan_domain::account::AccountInput;
use keyplan_testkit::{Api, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{ORG, OTHER_ORG, assert_error};
use keyplan_testkit::location;

/// `n` accounts "Acct 000"… with figures that make every sort order checkable:
/// every fifth lacks its total spend, every seventh its potential.
async fn org_with_accounts(n: usize) -> (TestApp, Api) {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    app.user(ORG, "mia@acme.test", "Mia Manager", Role::Manager).await;
    let org = app.org_id(ORG).await;
    for i in 0..n {
        let revenue = (i * 37 % 100 + 1) * 1000;
        let input = AccountInput {
            name: format!("Acct {i:03}"),
            region: if i % 2 == 0 { "Nordics".into() } else { "DACH".into() },
            crm_id: format!("CRM-{i:04}"),
            current_revenue: revenue.to_string(),
            total_spend: if i % 5 == 0 { String::new() } else { (revenue * (i % 9 + 2)).to_string() },
            potential: if i % 7 == 0 { String::new() } else { ((i * 53 % 100 + 1) * 5000).to_string() },
            ..Default::default()
        };
        app.store.create_account(org, &input.validate().expect("valid"), kim.id).await.expect("account");
    }
    let api = app.api("kim@acme.test").await;
    (app, api)
}

/// GET with the headers.
async fn get(api: &Api, path: &str) -> (StatusCode, reqwest::header::HeaderMap, Value) {
    let res = api.client.get(format!("{}/api/v1{path}", api.base)).bearer_auth(&api.token).send().await.expect("GET");
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.json().await.unwrap_or(Value::Null))
}

fn names(v: &Value) -> Vec<String> {
    v.as_array().expect("array").iter().map(|a| a["name"].as_str().unwrap_or_default().to_string()).collect()
}

fn figure(v: &Value, f: impl Fn(&Value) -> Option<f64>) -> Vec<Option<f64>> {
    v.as_array().expect("array").iter().map(f).collect()
}

/// Present values in order (descending when `desc`), absent ones after them.
#[track_caller]
fn assert_sorted(values: &[Option<f64>], desc: bool, what: &str) {
    let first_none = values.iter().position(Option::is_none).unwrap_or(values.len());
    assert!(values[first_none..].iter().all(Option::is_none), "{what}: accounts without the figure come last: {values:?}");
    let present: Vec<f64> = values[..first_none].iter().map(|v| v.unwrap()).collect();
    let ok = present.windows(2).all(|w| if desc { w[0] >= w[1] } else { w[0] <= w[1] });
    assert!(ok, "{what}: {present:?}");
}

#[tokio::test]
async fn the_api_pages_with_link_and_total_headers() {
    let (_app, api) = org_with_accounts(120).await;
    let (status, headers, body) = get(&api, "/accounts").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.as_array().unwrap().len(), 50, "the documented page size");
    assert_eq!(headers["x-total-count"], "120");
    let link = headers["link"].to_str().unwrap();
    assert!(link.contains("/api/v1/accounts?page=2&per_page=50>; rel=\"next\""), "{link}");
    assert!(link.starts_with("<http://"), "an absolute URL: {link}");
    assert!(!link.contains("rel=\"prev\""), "{link}");

    // Following the links visits every account once.
    let mut seen = names(&body);
    let mut next = link.split(", ").find(|l| l.ends_with("rel=\"next\"")).map(|l| l[1..l.find('>').unwrap()].to_string());
    while let Some(url) = next {
        let res = api.client.get(&url).bearer_auth(&api.token).send().await.unwrap();
        let link = res.headers().get("link").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
        assert!(link.contains("rel=\"prev\""), "{link}");
        seen.extend(names(&res.json().await.unwrap()));
        next = link.split(", ").find(|l| l.ends_with("rel=\"next\"")).map(|l| l[1..l.find('>').unwrap()].to_string());
    }
    let expected: Vec<String> = (0..120).map(|i| format!("Acct {i:03}")).collect();
    assert_eq!(seen, expected);

    let (_, headers, body) = get(&api, "/accounts?page=3").await;
    assert_eq!(names(&body).first().map(String::as_str), Some("Acct 100"));
    assert_eq!(body.as_array().unwrap().len(), 20);
    assert!(!headers["link"].to_str().unwrap().contains("rel=\"next\""));
    let (_, headers, body) = get(&api, "/accounts?per_page=200").await;
    assert_eq!(body.as_array().unwrap().len(), 120);
    assert!(headers.get("link").is_none(), "one page, no links");
    // The older limit/offset paging still works and its links keep that form.
    let (_, headers, body) = get(&api, "/accounts?limit=10&offset=20").await;
    assert_eq!(names(&body).first().map(String::as_str), Some("Acct 020"));
    assert!(headers["link"].to_str().unwrap().contains("offset=30&limit=10>; rel=\"next\""));
    // Past the end: an empty page, the total still told.
    let (status, headers, body) = get(&api, "/accounts?page=9").await;
    assert_eq!((status, body.as_array().unwrap().len()), (StatusCode::OK, 0));
    assert_eq!(headers["x-total-count"], "120");
}

#[tokio::test]
async fn the_api_sorts_searches_and_names_bad_parameters() {
    let (app, api) = org_with_accounts(60).await;
    let all = |path: String| {
        let api = &api;
        async move { get(api, &path).await.2 }
    };
    let pot = |a: &Value| a["potential"].as_f64();
    let rev = |a: &Value| a["current_revenue"].as_f64();
    let share = |a: &Value| match (a["current_revenue"].as_f64(), a["total_spend"].as_f64()) {
        (Some(r), Some(t)) if t > 0.0 => Some(r / t),
        _ => None,
    };
    assert_sorted(&figure(&all("/accounts?sort=potential&per_page=200".into()).await, pot), false, "potential asc");
    assert_sorted(&figure(&all("/accounts?sort=potential&dir=desc&per_page=200".into()).await, pot), true, "potential desc");
    assert_sorted(&figure(&all("/accounts?sort=revenue&dir=desc&per_page=200".into()).await, rev), true, "revenue desc");
    let by_share = all("/accounts?sort=share&dir=desc&per_page=200".into()).await;
    assert_sorted(&figure(&by_share, share), true, "share of wallet desc");
    assert_sorted(&figure(&all("/accounts?sort=share&per_page=200".into()).await, share), false, "share of wallet asc");
    let desc = names(&all("/accounts?sort=name&dir=desc&per_page=3".into()).await);
    assert_eq!(desc, ["Acct 059", "Acct 058", "Acct 057"]);

    // Plan state: draft, in review, approved, active; accounts without a plan last.
    let ids: Vec<i64> = all("/accounts?per_page=4".into()).await.as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
    let mia = app.api("mia@acme.test").await;
    for (id, status) in ids.iter().zip(["active", "draft", "approved", "in_review"]) {
        let (s, v) = mia.post(&format!("/accounts/{id}/plans"), serde_json::json!({"title": "Plan", "status": status})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let (_, _, by_state) = get(&mia, "/accounts?sort=plan_state&per_page=5").await;
    assert_eq!(names(&by_state), ["Acct 001", "Acct 003", "Acct 002", "Acct 000", "Acct 004"]);
    let (_, _, by_state) = get(&mia, "/accounts?sort=plan_state&dir=desc&per_page=5").await;
    assert_eq!(names(&by_state), ["Acct 000", "Acct 002", "Acct 003", "Acct 001", "Acct 004"]);

    // Search: name, CRM id, region, any case; the total counts the matches.
    let (_, headers, found) = get(&api, "/accounts?q=acct%2004").await;
    assert_eq!(names(&found), (40..50).map(|i| format!("Acct {i:03}")).collect::<Vec<_>>());
    assert_eq!(headers["x-total-count"], "10");
    assert_eq!(names(&get(&api, "/accounts?q=crm-0007").await.2), ["Acct 007"]);
    assert_eq!(get(&api, "/accounts?q=NORDICS&per_page=200").await.2.as_array().unwrap().len(), 30);
    assert_eq!(get(&api, "/accounts?q=50%25").await.2.as_array().unwrap().len(), 0, "wildcards are literal");

    for (query, field) in [
        ("sort=size", "sort"),
        ("dir=up", "dir"),
        ("page=0", "page"),
        ("page=two", "page"),
        ("per_page=201", "per_page"),
        ("per_page=0", "per_page"),
    ] {
        let got = api.get(&format!("/accounts?{query}")).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
        assert!(got.1["error"]["message"].as_str().unwrap().contains(' '), "{query}: {}", got.1);
    }
}

#[tokio::test]
async fn the_accounts_page_shows_one_page_with_links() {
    let (app, _api) = org_with_accounts(120).await;
    let s = app.login("kim@acme.test").await;
    let (status, html) = s.get("/accounts").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("<tr>").count() - 1, 50, "50 rows and the head");
    assert!(html.contains("1–50 of 120"), "the position in the list");
    assert!(html.contains("href=\"/accounts?page=2\""), "a next link");
    assert!(!html.contains("rel=\"prev\""));
    let (_, html) = s.get("/accounts?page=3").await;
    assert!(html.contains("101–120 of 120"));
    assert!(html.contains("rel=\"prev\" href=\"/accounts?page=2\""));
    assert!(html.contains("Acct 119") && !html.contains("Acct 099"));
    // Sortable heads: the current one says how it is sorted and turns around.
    let (_, html) = s.get("/accounts?sort=potential&dir=desc").await;
    assert!(html.contains("aria-sort=\"descending\""), "{html}");
    assert!(html.contains("href=\"/accounts?sort=potential&#38;dir=asc\""), "the head turns the order around");
    assert!(html.contains("rel=\"next\" href=\"/accounts?sort=potential&#38;dir=desc&#38;page=2\""), "the next page keeps the order");
    // Search keeps the order and pages through the matches.
    let (_, html) = s.get("/accounts?q=dach&sort=name&dir=desc").await;
    assert!(html.contains("1–50 of 60"), "matches counted");
    assert!(html.find("Acct 119").unwrap() < html.find("Acct 117").unwrap());
    let (status, html) = s.get("/accounts?page=99").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("past the end"));
    let (status, _) = s.get("/accounts?sort=size").await;
    assert!(status.is_client_error(), "{status}");
}

#[tokio::test]
async fn search_endpoints_stay_inside_the_organisation() {
    let (app, api) = org_with_accounts(3).await;
    let other = app.user(OTHER_ORG, "olga@borealis.test", "Olga Acct", Role::Kam).await;
    let other_api = app.api("olga@borealis.test").await;
    let theirs = other_api.account("Acct Borealis").await;
    let (s, _) = other_api.post(&format!("/accounts/{theirs}/contacts"), serde_json::json!({"name": "Acct Contact"})).await;
    assert_eq!(s, StatusCode::CREATED);
    let mine = api.get("/accounts?q=acct&per_page=10").await.1;
    assert_eq!(names(&mine), ["Acct 000", "Acct 001", "Acct 002"]);
    let users = api.get("/users?q=o").await.1;
    assert!(users.as_array().unwrap().iter().all(|u| u["id"] != other.id.get()), "{users}");
    assert_eq!(api.get("/users?q=kim@").await.1.as_array().unwrap().len(), 1);
    assert_eq!(api.get("/contacts?q=acct").await.1.as_array().unwrap().len(), 0);
    assert_eq!(other_api.get("/contacts?q=ACCT").await.1.as_array().unwrap().len(), 1);
    assert_error(&api.get("/users?q=a&per_page=500").await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("per_page"));
    // Signed-out callers get nothing.
    let res = app.client().get(app.url("/api/v1/users?q=kim")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn search_fields_resolve_names_or_name_the_field() {
    let (app, api) = org_with_accounts(3).await;
    api.account("Twin").await;
    api.account("Twin").await;
    let s = app.login("kim@acme.test").await;
    // No JavaScript: the parent and the KAM typed by name.
    let res = s.post("/accounts", &[("name", "Child GmbH"), ("parent", "acct 001"), ("owner", "Kim Kamara")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let child: i64 = location(&res).trim_start_matches("/accounts/").parse().unwrap();
    let (_, v) = api.get(&format!("/accounts/{child}")).await;
    let parent = names(&api.get("/accounts?q=acct%20001").await.1);
    assert_eq!(parent, ["Acct 001"]);
    assert_eq!(v["parent_id"], api.get("/accounts?q=acct%20001").await.1[0]["id"]);
    assert!(v["owner_id"].is_i64(), "{v}");
    // The edit form shows the parent's name, and a CRM id finds it too.
    let (_, html) = s.get(&format!("/accounts/{child}")).await;
    assert!(html.contains("name=\"parent\" value=\"Acct 001\""), "the parent's name in the field");
    assert!(!html.contains("<option value=\"") || !html.contains(">Acct 002</option>"), "no picker lists the accounts");

    // Nothing found, or several: the form comes back naming the field.
    let res = s.post("/accounts", &[("name", "Orphan"), ("parent", "Nowhere Ltd")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("Parent account: no account matches “Nowhere Ltd”"), "{html}");
    assert!(html.contains("value=\"Nowhere Ltd\""), "what was typed stays");
    let res = s.post("/accounts", &[("name", "Orphan"), ("parent", "twin")]).await;
    let html = res.text().await.unwrap();
    assert!(html.contains("Parent account: 2 accounts match “twin”"), "{html}");
    // The script's hint picks one of several of the same name.
    let twin = api.get("/accounts?q=twin").await.1[1]["id"].as_i64().unwrap();
    let res = s.post("/accounts", &[("name", "Twin child"), ("parent", "Twin"), ("parent_id", &twin.to_string())]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id: i64 = location(&res).trim_start_matches("/accounts/").parse().unwrap();
    assert_eq!(api.get(&format!("/accounts/{id}")).await.1["parent_id"], twin);
    // In German.
    let res = s
        .client
        .post(format!("{}/accounts", s.base))
        .header("accept-language", "de")
        .form(&[("_csrf", s.csrf.as_str()), ("name", "Waise"), ("parent", "Nirgendwo")])
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains("Übergeordneter Account: Kein Account passt zu „Nirgendwo“"), "{html}");

    // A colleague added to the team by name; an unknown one named.
    let res = s.post(&format!("/accounts/{child}/team"), &[("user", "mia manager"), ("function", "Sponsor")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let team = api.get(&format!("/accounts/{child}/team")).await.1;
    assert!(team.as_array().unwrap().iter().any(|m| m["name"] == "Mia Manager"), "{team}");
    let res = s.post(&format!("/accounts/{child}/team"), &[("user", "Zed"), ("function", "")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Colleague: nobody matches “Zed”"));
    // A contact's owner by e-mail.
    let res = s.post(&format!("/accounts/{child}/contacts"), &[("name", "Pia Buyer"), ("relationship_owner", "kim@acme.test")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let contacts = api.get(&format!("/accounts/{child}/contacts")).await.1;
    assert!(contacts[0]["relationship_owner_id"].is_i64(), "{contacts}");
}
