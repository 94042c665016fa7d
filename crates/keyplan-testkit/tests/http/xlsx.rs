//! XLSX export over HTTP, read back with a spreadsheet reader: one sheet per
//! section after an overview, a header row, dates as dates, numbers as
//! numbers, text that looks like a formula kept as text, and parameter checks.
//!
//! Frozen header rows are not checked here: the reader does not report panes.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use keyplan_testkit::Api;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{assert_error, commitment, id, planned};

const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FORMULA_TITLE: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";

/// Status, content type, content disposition and body of a GET with the API token.
async fn fetch(api: &Api, path: &str) -> (StatusCode, String, String, Vec<u8>) {
    let res = api.client.get(format!("{}{path}", api.base)).bearer_auth(&api.token).send().await.expect("request");
    let status = res.status();
    let header = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let (ctype, disposition) = (header("content-type"), header("content-disposition"));
    (status, ctype, disposition, res.bytes().await.expect("body").to_vec())
}

/// The workbook in `bytes`, opened for reading.
pub fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("a readable XLSX workbook")
}

/// Every sheet name and every cell value of every sheet, one per line.
pub fn all_text(bytes: &[u8]) -> String {
    let mut book = open(bytes);
    let mut out = String::new();
    for name in book.sheet_names() {
        out.push_str(&name);
        out.push('\n');
        let range = book.worksheet_range(&name).expect("a sheet");
        for (_, _, cell) in range.used_cells() {
            out.push_str(&cell.to_string());
            out.push('\n');
        }
    }
    out
}

/// The row whose first cell is the string `first`.
#[track_caller]
fn row_of<'a>(range: &'a Range<Data>, first: &str) -> &'a [Data] {
    range.rows().find(|r| r.first().is_some_and(|c| c == &Data::String(first.to_string()))).unwrap_or_else(|| panic!("no row for {first}"))
}

fn header(range: &Range<Data>) -> Vec<String> {
    range.rows().next().expect("a header row").iter().map(|c| c.to_string()).collect()
}

#[tokio::test]
async fn the_workbook_has_a_sheet_per_section_with_typed_cells_and_no_formulas() {
    let p = planned().await;
    let (api, plan, [goal, _, _, obst]) = (&p.api, p.plan, p.tree);
    commitment(api, plan, obst, p.kam.id.get(), FORMULA_TITLE, "2027-03-15").await;
    commitment(api, plan, obst, p.kam.id.get(), "+49 call the plant manager", "2027-04-30").await;
    let (s, k) = api
        .post(
            &format!("/plans/{plan}/kpis"),
            json!({"name": "Share of wallet", "unit": "%", "baseline": 10, "target": 30, "target_date": "2027-12-31", "period": "quarter", "goal_id": goal}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{k}");
    let (s, a) = api
        .call(Method::PUT, &format!("/kpis/{}/actuals", id(&k)), Some(json!({"period_start": "2026-02-10", "value": 15.5, "version": 0})))
        .await;
    assert_eq!(s, StatusCode::OK, "{a}");

    let (s, ctype, disposition, bytes) = fetch(api, &format!("/api/v1/plans/{plan}/export?format=xlsx")).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(ctype, CONTENT_TYPE);
    assert!(disposition.contains("filename=\"globex-plan-2027-team.xlsx\""), "{disposition}");

    let mut book = open(&bytes);
    let names = book.sheet_names();
    assert_eq!(&names[..4], ["Overview", "From goal to commitments", "Commitments and owners", "KPI scorecard"], "{names:?}");

    let overview = book.worksheet_range("Overview").expect("overview");
    assert_eq!(row_of(&overview, "Title")[1], Data::String("Globex plan 2027".into()));
    assert_eq!(row_of(&overview, "Account")[1], Data::String("Globex Chemicals".into()));
    assert_eq!(row_of(&overview, "Commitments")[1], Data::Float(2.0));
    assert!(matches!(row_of(&overview, "Period from")[1], Data::DateTime(_)), "{overview:?}");

    let tree = book.worksheet_range("From goal to commitments").expect("tree sheet");
    assert_eq!(&header(&tree)[..3], ["Level", "Element", "Title"]);
    let titles: Vec<String> = tree.rows().skip(1).map(|r| r[2].to_string()).collect();
    assert_eq!(
        titles[..4],
        ["Grow to 2m", "Approved supplier", "Specified in the design", "Engineers know only the competitor"],
        "{titles:?}"
    );
    assert_eq!(tree.rows().nth(1).expect("the goal")[0], Data::Float(1.0));

    let actions = book.worksheet_range("Commitments and owners").expect("action plan sheet");
    assert_eq!(header(&actions), ["Commitment", "Owner", "Due", "Status", "Done when", "Serves goal"]);
    let row = row_of(&actions, FORMULA_TITLE);
    assert_eq!(row[0], Data::String(FORMULA_TITLE.into()), "a formula-like title stays a string");
    assert_eq!(row[1], Data::String("Kim Kamara".into()));
    match &row[2] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), 46461.0, "15 Mar 2027"),
        other => panic!("the due date is not a date: {other:?}"),
    }
    assert_eq!(row[5], Data::String("Grow to 2m".into()));
    assert_eq!(row_of(&actions, "+49 call the plant manager")[0], Data::String("+49 call the plant manager".into()));

    let kpis = book.worksheet_range("KPI scorecard").expect("KPI sheet");
    let head = header(&kpis);
    assert_eq!(&head[..2], ["Measure", "Type"]);
    let kpi = row_of(&kpis, "Share of wallet");
    let col = |name: &str| head.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name} in {head:?}"));
    assert_eq!(kpi[col("Baseline")], Data::Float(10.0));
    assert_eq!(kpi[col("Target")], Data::Float(30.0));
    assert_eq!(kpi[col("Q1 2026")], Data::Float(15.5));
    assert!(matches!(kpi[col("Target date")], Data::DateTime(_)));
    assert_eq!(kpi[col("Progress")], Data::Float(0.275));

    for name in &names {
        let formulas = book.worksheet_formula(name).expect("formulas");
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{name} has a formula");
    }
}

#[tokio::test]
async fn a_bad_format_names_the_field_and_the_page_link_downloads_the_workbook() {
    let p = planned().await;
    let plan = p.plan;
    let (s, v) = p.api.get(&format!("/plans/{plan}/export?format=xls")).await;
    assert_error(&(s, v.clone()), StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("format"));
    assert!(v["error"]["message"].as_str().is_some_and(|m| m.contains("xlsx")), "{v}");

    let session = p.app.login("kim@acme.test").await;
    let (s, page) = session.get(&format!("/plans/{plan}/view/management")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(&format!("/plans/{plan}/export.xlsx?audience=management")), "the audience view links the workbook");
    let res = session.client.get(format!("{}/plans/{plan}/export.xlsx?audience=management", session.base)).send().await.expect("GET");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], CONTENT_TYPE);
    let bytes = res.bytes().await.expect("body");
    let overview = open(&bytes).worksheet_range("Overview").expect("overview");
    assert_eq!(row_of(&overview, "Audience")[1], Data::String("Management briefing".into()));
    // The briefing tells the truth: the goal is there, marked or not.
    let text = all_text(&bytes);
    assert!(text.contains("Globex plan 2027") && text.contains("Grow to 2m"), "{text}");
}
