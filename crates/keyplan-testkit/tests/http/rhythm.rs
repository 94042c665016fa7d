//! A defined update interval (issue 17, point 7) over HTTP: the settings keys
//! `update_interval_days` and `quality_scale` (read by everyone, changed by
//! administrators, refused with the key named), the plan's update due date
//! that follows them, the administrators' form, and the KAM's reminder sent
//! once however many times the reminders run.

use keyplan_domain::Role;
use reqwest::StatusCode;
use serde_json::json;
use time::Duration;

use crate::helpers::{ORG, assert_error, planned};

#[tokio::test]
async fn the_update_interval_and_quality_scale_are_settings() {
    let p = planned().await;
    let (s, v) = p.api.get("/organisation/settings").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["update_interval_days"], 90);
    assert_eq!(v["quality_scale"], json!({"min": 1, "max": 5, "labels": ["Poor", "Weak", "Adequate", "Good", "Excellent"]}));
    assert_error(
        &p.api.patch("/organisation/settings", json!({"update_interval_days": 30})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );

    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let ada = p.app.api("ada@acme.test").await;
    for bad in [json!(0), json!(3651), json!("30"), json!(null), json!(1.5)] {
        let got = ada.patch("/organisation/settings", json!({ "update_interval_days": bad })).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("update_interval_days"));
    }
    for bad in [
        json!({"min": 1, "max": 3, "labels": ["a", "b"]}),
        json!({"min": 5, "max": 1, "labels": []}),
        json!({"min": 1, "max": 2, "labels": ["a", ""]}),
        json!([1, 2, 3]),
        json!(null),
    ] {
        let got = ada.patch("/organisation/settings", json!({ "quality_scale": bad })).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("quality_scale"));
    }
    assert_eq!(p.api.get("/organisation/settings").await.1, v, "nothing changed");
    let scale = json!({"min": 1, "max": 3, "labels": ["Weak", "Sound", "Strong"]});
    let (s, v) = ada.patch("/organisation/settings", json!({"update_interval_days": 30, "quality_scale": scale})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((&v["update_interval_days"], &v["quality_scale"]), (&json!(30), &scale));

    // The plan's schedule follows: updated today, due for an update in 30 days, not stale.
    let today = keyplan_app::today();
    let (s, sched) = p.api.get(&format!("/plans/{}/review-schedule", p.plan)).await;
    assert_eq!(s, StatusCode::OK, "{sched}");
    assert_eq!(sched["last_update"].as_str(), Some(today.to_string().as_str()));
    assert_eq!(sched["update_due"].as_str(), Some((today + Duration::days(30)).to_string().as_str()));
    assert_eq!(sched["stale"], false);

    // The administrators' form sets both.
    let s = p.app.login("ada@acme.test").await;
    let page = crate::helpers::page_in(&s, "/admin/organisation", "").await;
    assert!(
        page.contains("name=\"update_interval_days\" inputmode=\"numeric\" value=\"30\"") && page.contains("Sound"),
        "the current values"
    );
    let form = [
        ("active_plans_per_kam", "3"),
        ("master_plans_per_company", "15"),
        ("share_of_wallet_threshold", "60"),
        ("update_interval_days", "120"),
        ("quality_scale_min", "1"),
        ("quality_scale_max", "4"),
        ("quality_scale_labels", "Poor\nFair\nGood\nExcellent"),
    ];
    assert_eq!(s.post("/admin/organisation/settings", &form).await.status(), StatusCode::SEE_OTHER);
    let (_, v) = p.api.get("/organisation/settings").await;
    assert_eq!((&v["update_interval_days"], &v["quality_scale"]["labels"][3]), (&json!(120), &json!("Excellent")));
    let mut wrong = form.to_vec();
    wrong[6] = ("quality_scale_labels", "Poor\nFair");
    let res = s.post("/admin/organisation/settings", &wrong).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("needs exactly 4 labels"), "the scale's error on the form");
}

#[tokio::test]
async fn the_kam_is_reminded_once_before_the_interval_runs_out() {
    let p = planned().await;
    let today = keyplan_app::today();
    // Eight days before the interval runs out: nothing yet.
    assert_eq!(keyplan_app::rhythm::send_update_reminders(&p.app.store, today + Duration::days(82)).await.unwrap(), 0);
    // Seven days before: once, however many rounds run (here three at once, then another).
    let day = today + Duration::days(83);
    let (a, b, c) = tokio::join!(
        keyplan_app::rhythm::send_update_reminders(&p.app.store, day),
        keyplan_app::rhythm::send_update_reminders(&p.app.store, day),
        keyplan_app::rhythm::send_update_reminders(&p.app.store, day + Duration::days(1)),
    );
    assert_eq!(a.unwrap() + b.unwrap() + c.unwrap(), 1);
    assert_eq!(keyplan_app::rhythm::send_update_reminders(&p.app.store, day + Duration::days(2)).await.unwrap(), 0, "not again");
    let (s, notes) = p.api.get("/me/notifications").await;
    assert_eq!(s, StatusCode::OK, "{notes}");
    let reminders: Vec<_> = notes["notifications"].as_array().unwrap().iter().filter(|n| n["kind"] == "plan_update_due").collect();
    assert_eq!(reminders.len(), 1, "{notes}");
    assert!(reminders[0]["message"].as_str().unwrap().contains("Globex plan 2027"), "{}", reminders[0]);
    assert_eq!(reminders[0]["link"].as_str(), Some(format!("/plans/{}", p.plan).as_str()));
}
