//! The organisation's settings in one place: `GET`/`PATCH
//! /api/v1/organisation/settings` with exactly the documented keys and their
//! defaults, partial changes by administrators only, refusals that name the
//! key and change nothing, and each organisation its own.

use keyplan_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, planned};

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().cloned().collect();
    k.sort();
    k
}

#[tokio::test]
async fn settings_have_documented_keys_and_change_only_by_administrators() {
    let p = planned().await;
    let (s, v) = p.api.get("/organisation/settings").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        keys(&v),
        [
            "active_plans_per_kam",
            "api_token_days",
            "committee_plans",
            "master_plans_per_company",
            "max_contacts_per_account",
            "max_items_per_plan",
            "max_nodes_per_plan",
            "max_text_chars",
            "quadrant_growth_line",
            "quadrant_share_line",
            "quality_scale",
            "share_of_wallet_threshold",
            "update_interval_days"
        ]
    );
    assert_eq!(
        v,
        json!({"active_plans_per_kam": 3, "master_plans_per_company": 15, "share_of_wallet_threshold": 0.6,
               "quadrant_share_line": null, "quadrant_growth_line": null,
               "max_nodes_per_plan": 500, "max_items_per_plan": 500, "max_contacts_per_account": 2000,
               "max_text_chars": 20000, "api_token_days": 90, "update_interval_days": 90, "committee_plans": 10,
               "quality_scale": {"min": 1, "max": 5, "labels": ["Poor", "Weak", "Adequate", "Good", "Excellent"]}}),
        "the defaults of seeds 003 and 004"
    );

    // A KAM reads them but may not change them.
    let (s, _) = p.api.patch("/organisation/settings", json!({"active_plans_per_kam": 10})).await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = p.app.api("ada@acme.test").await;
    let (s, v) = admin.patch("/organisation/settings", json!({"active_plans_per_kam": 4, "quadrant_growth_line": 250000})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((&v["active_plans_per_kam"], &v["quadrant_growth_line"]), (&json!(4), &json!(250000.0)));
    assert_eq!(v["master_plans_per_company"], 15, "keys not named keep their value");
    let (_, v) = admin.patch("/organisation/settings", json!({"quadrant_growth_line": null, "share_of_wallet_threshold": 0.5})).await;
    assert_eq!((&v["quadrant_growth_line"], &v["share_of_wallet_threshold"]), (&Value::Null, &json!(0.5)));

    // Wrong values and unknown keys: 422 naming the key, and nothing changes.
    let before = p.api.get("/organisation/settings").await.1;
    assert_error(
        &admin.patch("/organisation/settings", json!({"share_of_wallet_threshold": 60})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("share_of_wallet_threshold"),
    );
    assert_error(
        &admin.patch("/organisation/settings", json!({"plans_per_kam": 2})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("plans_per_kam"),
    );
    let (s, v) = admin.patch("/organisation/settings", json!({"active_plans_per_kam": 2, "master_plans_per_company": -1})).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["error"]["field"], "master_plans_per_company");
    assert!(v["error"]["message"].as_str().unwrap().contains("whole number"), "{v}");
    assert_eq!(p.api.get("/organisation/settings").await.1, before, "nothing of a refused change is stored");
    let (s, _) = admin.patch("/organisation/settings", json!([1, 2])).await;
    assert!(s.is_client_error());

    // Another organisation keeps its own.
    p.app.user(OTHER_ORG, "eve@other.test", "Eve Other", Role::Admin).await;
    let eve = p.app.api("eve@other.test").await;
    assert_eq!(eve.get("/organisation/settings").await.1["active_plans_per_kam"], 3);
    let (s, _) = eve.patch("/organisation/settings", json!({"active_plans_per_kam": 9})).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(p.api.get("/organisation/settings").await.1["active_plans_per_kam"], 4);
}

#[tokio::test]
async fn administrators_change_the_settings_on_the_organisation_page() {
    let p = planned().await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let s = p.app.login("ada@acme.test").await;
    let page = crate::helpers::page_in(&s, "/admin/organisation", "").await;
    assert!(page.contains("name=\"active_plans_per_kam\" inputmode=\"numeric\" value=\"3\""), "the current limit");
    assert!(page.contains("name=\"share_of_wallet_threshold\" inputmode=\"decimal\" value=\"60\""), "shares as percentages");
    let fields = [
        ("active_plans_per_kam", "5"),
        ("master_plans_per_company", "12"),
        ("share_of_wallet_threshold", "55"),
        ("quadrant_share_line", ""),
        ("quadrant_growth_line", "300000"),
    ];
    let res = s.post("/admin/organisation/settings", &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, v) = p.api.get("/organisation/settings").await;
    assert_eq!(
        v,
        json!({"active_plans_per_kam": 5, "master_plans_per_company": 12, "share_of_wallet_threshold": 0.55,
               "quadrant_share_line": null, "quadrant_growth_line": 300000.0,
               "max_nodes_per_plan": 500, "max_items_per_plan": 500, "max_contacts_per_account": 2000,
               "max_text_chars": 20000, "api_token_days": 90, "update_interval_days": 90, "committee_plans": 10,
               "quality_scale": {"min": 1, "max": 5, "labels": ["Poor", "Weak", "Adequate", "Good", "Excellent"]}})
    );
    // A wrong value is shown next to its field, and nothing changes.
    let res = s.post("/admin/organisation/settings", &[("active_plans_per_kam", "drei"), ("share_of_wallet_threshold", "150")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("must be a number") && body.contains("value=\"drei\""), "the error and the typed value");
    assert_eq!(p.api.get("/organisation/settings").await.1, v);
    // Not for a KAM.
    let kim = p.app.login("kim@acme.test").await;
    assert_eq!(kim.post("/admin/organisation/settings", &fields).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_organisation_page_sets_the_text_ceiling_and_the_life_of_new_tokens() {
    let p = planned().await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let s = p.app.login("ada@acme.test").await;
    let page = crate::helpers::page_in(&s, "/admin/organisation", "").await;
    assert!(page.contains("name=\"max_text_chars\" inputmode=\"numeric\" value=\"20000\""), "the current ceiling");
    assert!(page.contains("<option value=\"90\" selected>"), "the current token life");
    let res = s
        .post(
            "/admin/organisation/settings",
            &[
                ("active_plans_per_kam", "3"),
                ("master_plans_per_company", "15"),
                ("share_of_wallet_threshold", "60"),
                ("max_text_chars", "5000"),
                ("api_token_days", "never"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, v) = p.api.get("/organisation/settings").await;
    assert_eq!((&v["max_text_chars"], &v["api_token_days"]), (&json!(5000), &Value::Null), "{v}");
    let res = s
        .post(
            "/admin/organisation/settings",
            &[
                ("active_plans_per_kam", "3"),
                ("master_plans_per_company", "15"),
                ("share_of_wallet_threshold", "60"),
                ("api_token_days", "30"),
                ("max_text_chars", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, v) = p.api.get("/organisation/settings").await;
    assert_eq!((&v["max_text_chars"], &v["api_token_days"]), (&json!(5000), &json!(30)), "empty: unchanged");
    let res = s
        .post(
            "/admin/organisation/settings",
            &[
                ("active_plans_per_kam", "3"),
                ("master_plans_per_company", "15"),
                ("share_of_wallet_threshold", "60"),
                ("max_text_chars", "50"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("from 100 to 20000"), "the range is named");
}
