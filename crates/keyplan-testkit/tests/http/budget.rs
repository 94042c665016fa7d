//! The budget basis (issue 17, point 6) over HTTP: the JSON figures of one
//! fiscal year per planned account and their totals per KAM, region and
//! industry, the workbook's typed cells, the CSV's neutralised text, and who
//! may ask (managers and administrators; KAMs get 403).

use keyplan_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, id};
use crate::whitespace::matrix;
use crate::xlsx::open;
use calamine::{Data, Reader};

async fn download(api: &keyplan_testkit::Api, path: &str) -> (StatusCode, String, Vec<u8>) {
    let res = api.client.get(format!("{}/api/v1{path}", api.base)).bearer_auth(&api.token).send().await.expect("request");
    let status = res.status();
    let ctype = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, ctype, res.bytes().await.expect("body").to_vec())
}

#[tokio::test]
async fn the_budget_basis_gives_each_planned_accounts_figures_and_totals() {
    let m = matrix().await;
    let (p, manager) = (&m.p, &m.manager);
    // The account's figures, an active plan with a money goal, whitespace, pipeline and a rating.
    let (_, acct) = p.api.get(&format!("/accounts/{}", p.account)).await;
    let fields =
        json!({"version": acct["version"], "region": "DACH", "industry": "Chemicals", "current_revenue": 1200000, "potential": 3000000});
    let (s, v) = p.api.patch(&format!("/accounts/{}", p.account), fields).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    let (s, plan) = p.api.patch(&format!("/plans/{}", p.plan), json!({"version": plan["version"], "status": "active"})).await;
    assert_eq!(s, StatusCode::OK, "{plan}");
    let year: i32 = plan["period_start"].as_str().unwrap()[..4].parse().unwrap();
    let goal = p
        .api
        .node(
            p.plan,
            json!({"kind": "goal", "title": "Grow to 1.5m", "metric": "Revenue", "unit": "k€", "baseline": 1200, "target": 1500,
            "target_date": format!("{year}-12-31")}),
        )
        .await;
    m.put(m.sensors, m.powertrain, "opportunity", json!(250000), 0).await;
    m.put(m.valves, m.powertrain, "opportunity", json!(50000), 0).await;
    m.put(m.sensors, m.chassis, "sold", json!(900000), 0).await;
    let opps = format!("/accounts/{}/opportunities", p.account);
    for (name, amount, probability, status) in
        [("Retrofit", 200000, 40, "open"), ("Spares", 100000, 50, "open"), ("Old deal", 500000, 90, "won")]
    {
        let (s, v) = p.api.post(&opps, json!({"name": name, "amount": amount, "probability": probability, "status": status})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let (_, r) =
        p.api.post(&format!("/plans/{}/reviews", p.plan), json!({"kind": "management", "review_date": format!("{year}-01-15")})).await;
    let (s, v) = p.api.post(&format!("/reviews/{}/hold", id(&r)), json!({"version": r["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, v) = manager.post(&format!("/plans/{}/ratings", p.plan), json!({"review_id": id(&r), "score": 4, "comment": "Solid"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    // A second KAM's account with a draft plan only is not planned; a third account, planned, has a formula-like name.
    p.app.user(ORG, "otto@acme.test", "Otto Other", Role::Kam).await;
    let otto = p.app.api("otto@acme.test").await;
    let draft = otto.account("Drafty").await;
    otto.plan(draft, "Draft only").await;
    let (s, evil) = otto.post("/accounts", json!({"name": "=HYPERLINK(\"x\")", "region": "Nordics", "current_revenue": 100000})).await;
    assert_eq!(s, StatusCode::CREATED, "{evil}");
    let (s, v) = otto.post(&format!("/accounts/{}/plans", id(&evil)), json!({"title": "Evil plan", "status": "active"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // KAMs may not; another organisation sees nothing of ours.
    assert_error(&p.api.get(&format!("/budget-basis?year={year}")).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&manager.get("/budget-basis?year=1850").await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("year"));
    p.app.user(OTHER_ORG, "bo@borealis.test", "Bo Boss", Role::Manager).await;
    let (s, theirs) = p.app.api("bo@borealis.test").await.get(&format!("/budget-basis?year={year}")).await;
    assert_eq!((s, theirs["accounts"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)), "{theirs}");

    let (s, b) = manager.get(&format!("/budget-basis?year={year}")).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!((b["year"].as_i64(), b["currency"].as_str()), (Some(i64::from(year)), Some("EUR")));
    let names: Vec<&str> = b["accounts"].as_array().unwrap().iter().map(|a| a["account"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["=HYPERLINK(\"x\")", "Globex Chemicals"], "planned accounts only, by name");
    let g = &b["accounts"][1];
    assert_eq!(
        (g["kam"]["name"].as_str(), g["region"].as_str(), g["industry"].as_str()),
        (Some("Kim Kamara"), Some("DACH"), Some("Chemicals"))
    );
    assert_eq!((g["current_revenue"].as_f64(), g["potential"].as_f64()), (Some(1200000.0), Some(3000000.0)));
    assert_eq!(g["whitespace_potential"].as_f64(), Some(300000.0), "the opportunity cells, not the sold one");
    assert_eq!(g["weighted_pipeline"].as_f64(), Some(130000.0), "200k × 40 % + 100k × 50 %; the won deal is no pipeline");
    let goals = g["goals"].as_array().unwrap();
    let money: Vec<&Value> = goals.iter().filter(|x| x["goal_id"] == goal["id"]).collect();
    assert_eq!(money.len(), 1, "{goals:?}");
    assert_eq!(
        (money[0]["baseline"].as_f64(), money[0]["target"].as_f64(), money[0]["currency"].as_str()),
        (Some(1200000.0), Some(1500000.0), Some("EUR"))
    );
    assert_eq!(money[0]["target_date"].as_str(), Some(format!("{year}-12-31").as_str()));
    assert_eq!((g["rating"]["score"].as_i64(), g["rating"]["label"].as_str()), (Some(4), Some("Good")));
    let t = &b["totals"];
    assert_eq!((t["all"]["accounts"].as_i64(), t["all"]["current_revenue"].as_f64()), (Some(2), Some(1300000.0)));
    let targets: f64 = goals.iter().filter(|x| x["currency"] == "EUR").filter_map(|x| x["target"].as_f64()).sum();
    assert!(targets >= 1500000.0);
    assert_eq!((t["all"]["goal_target"].as_f64(), t["all"]["weighted_pipeline"].as_f64()), (Some(targets), Some(130000.0)));
    let kams: Vec<(Option<&str>, Option<i64>)> =
        t["by_kam"].as_array().unwrap().iter().map(|k| (k["key"].as_str(), k["accounts"].as_i64())).collect();
    assert_eq!(kams, [(Some("Kim Kamara"), Some(1)), (Some("Otto Other"), Some(1))]);
    let regions: Vec<Option<&str>> = t["by_region"].as_array().unwrap().iter().map(|k| k["key"].as_str()).collect();
    assert_eq!(regions, [Some("DACH"), Some("Nordics")]);
    let industries: Vec<Option<&str>> = t["by_industry"].as_array().unwrap().iter().map(|k| k["key"].as_str()).collect();
    assert_eq!(industries, [Some("Chemicals"), None], "an account without an industry is grouped last");

    // The workbook: typed number cells, the formula-like name as text, the totals on their own sheets.
    let (s, ctype, bytes) = download(manager, &format!("/budget-basis.xlsx?year={year}&lang=en")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("application/vnd.openxmlformats"), "{ctype}");
    let mut book = open(&bytes);
    assert_eq!(book.sheet_names(), ["Accounts", "Goals", "By KAM", "By region", "By industry"]);
    let accounts = book.worksheet_range("Accounts").unwrap();
    let row = accounts.rows().find(|r| r[0] == Data::String("Globex Chemicals".into())).expect("the account's row");
    assert_eq!((&row[4], &row[5]), (&Data::Float(1200000.0), &Data::Float(3000000.0)), "revenue and potential as numbers");
    assert!(row.contains(&Data::Float(300000.0)) && row.contains(&Data::Float(130000.0)), "whitespace and pipeline as numbers: {row:?}");
    assert!(accounts.rows().any(|r| r[0] == Data::String("=HYPERLINK(\"x\")".into())), "text, never a formula");
    let formulas = book.worksheet_formula("Accounts").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell has a formula");
    let goals_sheet = book.worksheet_range("Goals").unwrap();
    let goal_row = goals_sheet.rows().find(|r| r[2] == Data::String("Grow to 1.5m".into())).expect("the goal's row");
    assert_eq!((&goal_row[4], &goal_row[5]), (&Data::Float(1200000.0), &Data::Float(1500000.0)));
    assert!(matches!(goal_row[6], Data::DateTime(_)), "the target date as a date: {:?}", goal_row[6]);
    let by_kam = book.worksheet_range("By KAM").unwrap();
    let total = by_kam.rows().find(|r| r[0] == Data::String("Total".into())).expect("a total row");
    assert_eq!((&total[1], &total[2]), (&Data::Float(2.0), &Data::Float(1300000.0)));

    // The CSV: the same rows, formula-like text neutralised.
    let (s, ctype, bytes) = download(manager, &format!("/budget-basis.csv?year={year}&lang=en")).await;
    assert_eq!((s, ctype.starts_with("text/csv")), (StatusCode::OK, true));
    let csv = String::from_utf8(bytes).unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "neutralised and quoted: {csv}");
    assert!(csv.contains("Globex Chemicals,Kim Kamara,DACH,Chemicals,1200000,3000000,"), "{csv}");
    assert!(csv.contains("By KAM") && csv.contains("Total,2,1300000"), "{csv}");
    assert_eq!(download(&p.api, &format!("/budget-basis.csv?year={year}")).await.0, StatusCode::FORBIDDEN);

    // The page for managers, with the downloads; not for KAMs.
    let s = p.app.login("max@acme.test").await;
    let (status, page) = s.get(&format!("/budget-basis?year={year}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("/api/v1/budget-basis.xlsx?year={year}")) && page.contains("Globex Chemicals"));
    assert!(page.contains("=HYPERLINK(&#34;x&#34;)") || page.contains("=HYPERLINK(&quot;x&quot;)"), "escaped");
    let kim = p.app.login("kim@acme.test").await;
    assert_eq!(kim.get(&format!("/budget-basis?year={year}")).await.0, StatusCode::FORBIDDEN);
}
