//! The KAM scorecard (issue 17, point 2) over HTTP, on the database the suite
//! runs on: the figures come from recorded events (reviews held, commitments
//! accepted and marked done or missed, a manager's rating), the period is
//! checked, and who may read it (the KAM, managers and administrators; not
//! another KAM or a member; nobody of another organisation). The page and its
//! workbook answer the same figures.

use calamine::{Data, Reader};
use keyplan_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::helpers::{ORG, OTHER_ORG, assert_error, commitment, id, planned};

fn day(offset: i64) -> String {
    (OffsetDateTime::now_utc().date() + Duration::days(offset)).to_string()
}

async fn review(api: &keyplan_testkit::Api, plan: i64, date: &str, hold: bool) -> i64 {
    let (s, r) = api.post(&format!("/plans/{plan}/reviews"), json!({"kind": "management", "review_date": date})).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    if hold {
        let (s, v) = api.post(&format!("/reviews/{}/hold", id(&r)), json!({"version": r["version"]})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
    id(&r)
}

async fn set_status(api: &keyplan_testkit::Api, node: i64, status: &str) {
    let (_, n) = api.get(&format!("/nodes/{node}")).await;
    let (s, v) = api.patch(&format!("/nodes/{node}"), json!({"status": status, "version": n["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

#[tokio::test]
async fn the_scorecard_counts_recorded_events_for_those_who_may_read_it() {
    let p = planned().await;
    let kam_id = p.kam.id.get();
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    let (s, v) = p.api.patch(&format!("/plans/{}", p.plan), json!({"version": plan["version"], "status": "active"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    p.app.user(ORG, "mia@acme.test", "Mia Manager", Role::Manager).await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    p.app.user(ORG, "otto@acme.test", "Otto Other", Role::Kam).await;
    p.app.user(OTHER_ORG, "bo@borealis.test", "Bo Boss", Role::Manager).await;
    let (mia, mel_api, otto, bo) = (
        p.app.api("mia@acme.test").await,
        p.app.api("mel@acme.test").await,
        p.app.api("otto@acme.test").await,
        p.app.api("bo@borealis.test").await,
    );

    // Reviews: one held late, one held before its date, one overdue, one not yet due.
    let late = review(&p.api, p.plan, &day(-10), true).await;
    review(&p.api, p.plan, &day(5), true).await;
    review(&p.api, p.plan, &day(-2), false).await;
    review(&p.api, p.plan, &day(20), false).await;
    let (s, v) = mia.post(&format!("/plans/{}/ratings", p.plan), json!({"review_id": late, "score": 4, "comment": "Solid"})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // Commitments Kim owns: done on time, done late, missed, open past due, open not yet due.
    let obstacle = p.tree[3];
    let on_time = id(&commitment(&p.api, p.plan, obstacle, kam_id, "On time", &day(10)).await);
    let done_late = id(&commitment(&p.api, p.plan, obstacle, kam_id, "Late", &day(-3)).await);
    let missed = id(&commitment(&p.api, p.plan, obstacle, kam_id, "Missed", &day(-4)).await);
    commitment(&p.api, p.plan, obstacle, kam_id, "Forgotten", &day(-1)).await;
    commitment(&p.api, p.plan, obstacle, kam_id, "Later", &day(15)).await;
    set_status(&p.api, on_time, "done").await;
    set_status(&p.api, done_late, "done").await;
    set_status(&p.api, missed, "missed").await;

    // Commitments Kim asked of Mel: one accepted, one declined, one unanswered.
    let mel_id = mel.id.get();
    let accepted = id(&commitment(&p.api, p.plan, obstacle, mel_id, "Line trial", &day(30)).await);
    let declined = id(&commitment(&p.api, p.plan, obstacle, mel_id, "Plant visit", &day(30)).await);
    commitment(&p.api, p.plan, obstacle, mel_id, "Samples", &day(30)).await;
    let (s, v) = mel_api.post(&format!("/commitments/{accepted}/accept"), json!({})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, v) = mel_api.post(&format!("/commitments/{declined}/decline"), json!({"reason": "No capacity"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");

    let path = format!("/users/{kam_id}/scorecard?from={}&to={}", day(-30), day(30));
    let (s, c) = p.api.get(&path).await;
    assert_eq!(s, StatusCode::OK, "{c}");
    let n = |v: &Value| v.as_i64();
    assert_eq!((n(&c["user_id"]), c["from"].as_str(), c["to"].as_str()), (Some(kam_id), Some(day(-30).as_str()), Some(day(30).as_str())));
    let pl = &c["plans"];
    assert_eq!(
        (n(&pl["held"]), n(&pl["ratings"]), pl["average_quality"].as_f64(), pl["average_score"].as_f64()),
        (Some(1), Some(1), Some(0.75), Some(4.0)),
        "{c}"
    );
    let r = &c["reviews"];
    assert_eq!(
        [n(&r["due"]), n(&r["on_time"]), n(&r["late"]), n(&r["overdue"]), n(&r["upcoming"])],
        [Some(4), Some(1), Some(1), Some(1), Some(1)],
        "{c}"
    );
    let o = &c["commitments_owned"];
    assert_eq!(
        [n(&o["due"]), n(&o["on_time"]), n(&o["late"]), n(&o["missed"]), n(&o["done_undated"]), n(&o["open"])],
        [Some(5), Some(1), Some(1), Some(2), Some(0), Some(1)],
        "{c}"
    );
    let a = &c["commitments_asked"];
    assert_eq!([n(&a["asked"]), n(&a["accepted"]), n(&a["declined"]), n(&a["pending"])], [Some(3), Some(1), Some(1), Some(1)], "{c}");
    let hours = a["median_hours_to_accept"].as_f64().expect("an acceptance time");
    assert!((0.0..1.0).contains(&hours), "{hours}");
    assert_eq!(c["plan_rows"].as_array().map(Vec::len), Some(1));

    // Before the events: nothing counted.
    let (s, empty) = p.api.get(&format!("/users/{kam_id}/scorecard?from=2001-01-01&to=2001-12-31")).await;
    assert_eq!((s, n(&empty["plans"]["held"]), n(&empty["commitments_asked"]["asked"])), (StatusCode::OK, Some(0), Some(0)));

    // Who reads: Kim and a manager; not another KAM or a member; another organisation finds nobody.
    let (s, theirs) = mia.get(&path).await;
    assert_eq!((s, theirs["reviews"].clone()), (StatusCode::OK, c["reviews"].clone()));
    assert_error(&otto.get(&path).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&mel_api.get(&path).await, StatusCode::FORBIDDEN, "forbidden", None);
    let (s, own) = mel_api.get(&format!("/users/{mel_id}/scorecard")).await;
    assert_eq!(s, StatusCode::OK, "{own}");
    assert_eq!(bo.get(&path).await.0, StatusCode::NOT_FOUND);

    // Bad periods name their field.
    assert_error(
        &p.api.get(&format!("/users/{kam_id}/scorecard?from=2026-13-01")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("from"),
    );
    assert_error(&p.api.get(&format!("/users/{kam_id}/scorecard?to=soon")).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("to"));
    assert_error(
        &p.api.get(&format!("/users/{kam_id}/scorecard?from=2026-05-01&to=2026-04-01")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("to"),
    );

    // The page and its workbook, for a manager; another KAM is refused.
    let web = p.app.login("mia@acme.test").await;
    let page = format!("/users/{kam_id}/scorecard?from={}&to={}", day(-30), day(30));
    let (s, html) = web.get(&page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Kim Kamara") && html.contains("Globex plan 2027") && html.contains("75 %"), "{html}");
    assert!(html.contains(&format!("/users/{kam_id}/scorecard.xlsx?from=")), "{html}");
    let (s, html) = web.get(&format!("/users/{kam_id}/scorecard?from=yesterday")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("role=\"alert\""), "{html}");
    let res =
        web.client.get(format!("{}/users/{kam_id}/scorecard.xlsx?from={}&to={}", web.base, day(-30), day(30))).send().await.expect("xlsx");
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.expect("body");
    assert!(bytes.starts_with(b"PK"), "a zip file");
    let mut book = crate::xlsx::open(&bytes);
    let figures = book.worksheet_range("Figures").expect("the figures sheet");
    // Plans held, then the reviews held on time: typed number cells.
    assert_eq!(figures.get_value((1, 2)), Some(&Data::Float(1.0)));
    assert_eq!(figures.get_value((6, 2)), Some(&Data::Float(1.0)));
    assert_eq!(p.app.login("otto@acme.test").await.get(&page).await.0, StatusCode::FORBIDDEN);
}
