//! The portfolio of a large organisation: the page shows one page of the
//! table, the picture draws the marked and largest accounts one by one and
//! groups the rest, each group opening the table of exactly its area; the page
//! stays small; `GET /api/v1/portfolio` pages with `Link` and `X-Total-Count`;
//! bad paging and area parameters are refused naming the parameter.

use keyplan_domain::Role;
use keyplan_domain::account::AccountInput;
use keyplan_testkit::{Api, Session, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{ORG, assert_error};

/// `n` accounts with figures spread over the picture; every tenth lacks its potential.
async fn large_org(n: usize) -> (TestApp, Api, Session) {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let org = app.org_id(ORG).await;
    for i in 0..n {
        let revenue = (i * 37 % 100 + 1) * 1000;
        let input = AccountInput {
            name: format!("Acct {i:04}"),
            region: if i % 2 == 0 { "Nordics".into() } else { "DACH".into() },
            current_revenue: revenue.to_string(),
            total_spend: (revenue * (i % 9 + 2)).to_string(),
            potential: if i % 10 == 9 { String::new() } else { (revenue + (i * 53 % 100 + 1) * 5000).to_string() },
            ..Default::default()
        };
        app.store.create_account(org, &input.validate().expect("valid"), kim.id).await.expect("account");
    }
    let api = app.api("kim@acme.test").await;
    let web = app.login("kim@acme.test").await;
    (app, api, web)
}

async fn get(api: &Api, path: &str) -> (StatusCode, reqwest::header::HeaderMap, Value) {
    let res = api.client.get(format!("{}/api/v1{path}", api.base)).bearer_auth(&api.token).send().await.expect("GET");
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.json().await.unwrap_or(Value::Null))
}

fn ids(v: &Value) -> Vec<i64> {
    v["accounts"].as_array().expect("accounts").iter().map(|a| a["id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn a_large_portfolio_pages_its_table_and_groups_its_picture() {
    let (_app, _api, web) = large_org(600).await;
    let (s, html) = web.get("/portfolio").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.len() < 150_000, "the page stays small: {} bytes", html.len());
    assert!(html.contains("540 accounts placed"), "the intro counts every placed account");
    assert_eq!(html.matches("<tr id=\"account-").count(), 50, "one page of the table");
    assert!(html.contains("1–50 of 540") && html.contains("rel=\"next\""), "a pager");
    assert!(html.contains("60 more accounts lack figures") || html.contains("lacks potential"), "the accounts lacking figures");
    assert_eq!(html.matches("class=\"pf-bubble\"").count(), 150, "the picture draws 150 accounts one by one");
    assert!(html.contains("class=\"pf-group\""), "and groups the rest");

    // The last page.
    let (s, last) = web.get("/portfolio?sort=name&dir=asc&page=11").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(last.matches("<tr id=\"account-").count(), 40);
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));

    // A group opens the table of exactly its area: the count it names.
    let start = html.find("<a href=\"/portfolio?share_min=").expect("a group link") + "<a href=\"".len();
    let href = html[start..start + html[start..].find('"').unwrap()].replace("&amp;", "&");
    let count_at = html[start..].find("data-count=\"").unwrap() + start + "data-count=\"".len();
    let grouped: usize = html[count_at..count_at + html[count_at..].find('"').unwrap()].parse().unwrap();
    let (s, area) = web.get(&href).await;
    assert_eq!(s, StatusCode::OK, "{href}");
    assert!(area.contains("Showing the accounts of one area of the picture"), "{href}");
    let rows = area.matches("<tr id=\"account-").count();
    assert!(rows >= grouped.min(50), "{href}: {rows} rows for a group of {grouped}");
}

#[tokio::test]
async fn the_api_pages_the_portfolio() {
    let (_app, api, _web) = large_org(260).await;
    let (s, headers, v) = get(&api, "/portfolio").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["total"], 234);
    assert_eq!(headers["x-total-count"], "234");
    assert_eq!(v["accounts"].as_array().unwrap().len(), 100, "100 by default");
    assert_eq!(v["missing_figures"].as_array().unwrap().len(), 26);
    assert_eq!(v["missing_total"], 26);
    // The accounts lacking figures are paged like the others.
    let (_, _, small) = get(&api, "/portfolio?per_page=10&page=3").await;
    assert_eq!(small["missing_figures"].as_array().unwrap().len(), 6, "26 lacking: 10, 10, then 6");
    assert_eq!(small["missing_total"], 26);
    let (_, headers, past) = get(&api, "/portfolio?per_page=10&page=23").await;
    assert_eq!(past["accounts"].as_array().unwrap().len(), 10, "234 placed: page 23 still has accounts");
    assert_eq!(past["missing_figures"], serde_json::json!([]));
    assert!(headers["link"].to_str().unwrap().contains("rel=\"next\""), "page 24 has the last 4");
    let quadrants: i64 = ["develop", "maintain", "harvest", "selective"].iter().map(|q| v["quadrants"][q].as_i64().unwrap()).sum();
    assert_eq!(quadrants, 234, "the quadrant counts cover every page");
    let link = headers["link"].to_str().unwrap().to_string();
    assert!(link.contains("page=2") && link.contains("rel=\"next\""), "{link}");

    let (_, headers, first) = get(&api, "/portfolio?sort=growth&per_page=100").await;
    let next = headers["link"].to_str().unwrap();
    let next = &next[next.find("/api/v1").unwrap() + "/api/v1".len()..next.find('>').unwrap()];
    let (_, _, second) = get(&api, next).await;
    let growth = |v: &Value| v["accounts"].as_array().unwrap().iter().map(|a| a["growth_potential"].as_f64().unwrap()).collect::<Vec<_>>();
    let (g1, g2) = (growth(&first), growth(&second));
    assert!(g1.windows(2).all(|w| w[0] >= w[1]) && g1.last() >= g2.first(), "growth descending across pages");
    let both: std::collections::HashSet<i64> = ids(&first).into_iter().chain(ids(&second)).collect();
    assert_eq!(both.len(), 200, "no account twice");

    let (_, _, area) = get(&api, "/portfolio?share_min=0.2&share_max=0.3&per_page=1000").await;
    assert!(area["accounts"].as_array().unwrap().iter().all(|a| {
        let s = a["share_of_wallet"].as_f64().unwrap();
        (0.2..0.3).contains(&s)
    }));
    assert!(area["total"].as_i64().unwrap() > 0);

    for (query, field) in [
        ("per_page=0", "per_page"),
        ("per_page=1001", "per_page"),
        ("page=-5", "page"),
        ("page=0", "page"),
        ("sort=size", "sort"),
        ("dir=up", "dir"),
        ("share_max=1.5", "share_max"),
        ("growth_min=-1", "growth_min"),
    ] {
        let (s, _, v) = get(&api, &format!("/portfolio?{query}")).await;
        assert_error(&(s, v), StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }
}
