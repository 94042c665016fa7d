//! The whitespace API end to end: offerings, business units and cells with
//! versions and field errors, organisation scoping, the OpenAPI description,
//! and the demo matrices.

use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{OTHER_ORG, assert_error, id};
use crate::whitespace::matrix;

#[tokio::test]
async fn api_offerings_crud_versions_and_fields() {
    let m = matrix().await;
    let api = &m.manager;
    for (body, field) in [
        (json!({}), "name"),
        (json!({"name": "   "}), "name"),
        (json!({"name": "x".repeat(121)}), "name"),
        (json!({"name": "Sensors"}), "name"),
        (json!({"name": "sensors"}), "name"),
        (json!({"name": "Pumps", "colour": "red"}), "colour"),
        (json!({"name": "Pumps", "description": ["a"]}), "description"),
    ] {
        assert_error(&api.post("/offerings", body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }
    let path = format!("/offerings/{}", m.valves);
    let (s, v) = api.patch(&path, json!({"name": "Control valves", "description": "DN15-DN100", "version": 1})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        (v["name"].as_str(), v["description"].as_str(), v["version"].as_i64()),
        (Some("Control valves"), Some("DN15-DN100"), Some(2))
    );
    let got = api.patch(&path, json!({"name": "Stale", "version": 1})).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    assert_eq!(got.1["error"]["current_version"], 2);
    assert_error(&api.patch(&path, json!({"name": "No version"})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("version"));
    assert_error(
        &api.patch(&path, json!({"retired": "yes", "version": 2})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("retired"),
    );
    assert_error(&api.patch(&path, json!({"retired": true, "version": 1})).await, StatusCode::CONFLICT, "conflict", None);

    let (s, v) = api.patch(&path, json!({"retired": true, "version": 2})).await;
    assert_eq!((s, v["retired"].as_bool(), v["version"].as_i64()), (StatusCode::OK, Some(true), Some(3)));
    let names = |v: Value| v.as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(names(api.get("/offerings").await.1), ["Sensors"]);
    assert_eq!(names(api.get("/offerings?include_retired=true").await.1), ["Sensors", "Control valves"]);
    assert_error(&api.get("/offerings?include_retired=maybe").await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("include_retired"));
    // A retired offering takes no new cells.
    let got = m.put(m.valves, m.powertrain, "opportunity", json!(1), 0).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("offering_id"));

    let (s, list) = api.post(&format!("/offerings/{}/move", m.valves), json!({"direction": "up"})).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(names(list), ["Control valves", "Sensors"]);
    assert_error(
        &api.post(&format!("/offerings/{}/move", m.valves), json!({})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("direction"),
    );

    let (s, _) = api.delete(&path).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_error(&api.delete(&path).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&api.patch(&path, json!({"name": "Gone", "version": 3})).await, StatusCode::NOT_FOUND, "not_found", None);
    // KAMs read the list but do not change it.
    assert_eq!(m.p.api.get("/offerings").await.0, StatusCode::OK);
    assert_error(
        &m.p.api.patch(&format!("/offerings/{}", m.sensors), json!({"name": "Mine", "version": 1})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(&m.p.api.delete(&format!("/offerings/{}", m.sensors)).await, StatusCode::FORBIDDEN, "forbidden", None);
}

#[tokio::test]
async fn api_units_and_cells_with_versions() {
    let m = matrix().await;
    let units = format!("/accounts/{}/business-units", m.p.account);
    assert_error(&m.p.api.post(&units, json!({"name": "chassis"})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    assert_error(&m.p.api.post(&units, json!({"name": ""})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    assert_error(
        &m.p.api.post(&units, json!({"name": "X", "description": "no"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("description"),
    );
    let unit = format!("/business-units/{}", m.chassis);
    let (s, v) = m.p.api.patch(&unit, json!({"name": "Chassis systems", "version": 1})).await;
    assert_eq!((s, v["version"].as_i64()), (StatusCode::OK, Some(2)));
    let got = m.p.api.patch(&unit, json!({"name": "Stale", "version": 1})).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    assert_eq!(got.1["error"]["current_version"], 2);
    let (s, list) = m.p.api.post(&format!("{unit}/move"), json!({"direction": "up"})).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(list[0]["name"], "Chassis systems");

    // Cells: created from version 0, then each change names the version it is based on.
    let (s, cell) = m.put(m.sensors, m.powertrain, "opportunity", json!(250000), 0).await;
    assert_eq!(s, StatusCode::OK, "{cell}");
    assert_eq!((cell["status"].as_str(), cell["value"].as_f64(), cell["version"].as_i64()), (Some("opportunity"), Some(250000.0), Some(1)));
    assert_eq!(cell["updated_by"], m.p.kam.id.get());
    let got = m.put(m.sensors, m.powertrain, "sold", json!(1), 0).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    assert_eq!(got.1["error"]["current_version"], 1);
    let (s, cell) = m.put(m.sensors, m.powertrain, "sold", json!("240000"), 1).await;
    assert_eq!((s, cell["version"].as_i64(), cell["value"].as_f64()), (StatusCode::OK, Some(2), Some(240000.0)));
    let got = m.put(m.sensors, m.powertrain, "in_progress", json!(1), 1).await;
    assert_eq!(got.1["error"]["current_version"], 2);

    let cells = format!("/accounts/{}/whitespace/cells", m.p.account);
    for (body, field) in [
        (json!({"business_unit_id": m.chassis, "status": "sold"}), "offering_id"),
        (json!({"offering_id": m.sensors, "status": "sold"}), "business_unit_id"),
        (json!({"offering_id": "abc", "business_unit_id": m.chassis}), "offering_id"),
        (json!({"offering_id": m.sensors, "business_unit_id": m.chassis, "status": "won"}), "status"),
        (json!({"offering_id": m.sensors, "business_unit_id": m.chassis, "status": "sold", "value": -1}), "value"),
        (json!({"offering_id": m.sensors, "business_unit_id": m.chassis, "status": "sold", "value": "lots"}), "value"),
        (json!({"offering_id": m.sensors, "business_unit_id": m.chassis, "status": "sold", "note": "x".repeat(501)}), "note"),
        (json!({"offering_id": m.sensors, "business_unit_id": m.chassis, "status": "sold", "version": "1"}), "version"),
        (json!({"offering_id": m.sensors, "business_unit_id": m.chassis, "status": "sold", "colour": "red"}), "colour"),
        (json!({"offering_id": 999_999, "business_unit_id": m.chassis, "status": "sold"}), "offering_id"),
        (json!({"offering_id": m.sensors, "business_unit_id": 999_999, "status": "sold"}), "business_unit_id"),
    ] {
        let got = m.p.api.call(Method::PUT, &cells, Some(body.clone())).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }
    let (s, _) = m.p.api.call(Method::PUT, &cells, None).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "no JSON body");

    // A business unit of another account is not a column here.
    let other = m.p.api.account("Other Account").await;
    let (_, far) = m.p.api.post(&format!("/accounts/{other}/business-units"), json!({"name": "Far away"})).await;
    assert_error(
        &m.put(m.sensors, id(&far), "sold", json!(1), 0).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("business_unit_id"),
    );

    // Clearing answers 204; a stale clear is 409.
    let got =
        m.p.api.call(Method::PUT, &cells, Some(json!({"offering_id": m.sensors, "business_unit_id": m.powertrain, "version": 1}))).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    let (s, _) = m
        .p
        .api
        .call(Method::PUT, &cells, Some(json!({"offering_id": m.sensors, "business_unit_id": m.powertrain, "status": "", "version": 2})))
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_eq!(m.whitespace().await["cells"], json!([]));

    // Deleting a unit takes its cells.
    m.put(m.valves, m.chassis, "sold", json!(5), 0).await;
    let (s, _) = m.p.api.delete(&unit).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let ws = m.whitespace().await;
    assert_eq!((ws["cells"].as_array().unwrap().len(), ws["business_units"].as_array().unwrap().len()), (0, 1));
    assert_error(&m.p.api.delete(&unit).await, StatusCode::NOT_FOUND, "not_found", None);
}

#[tokio::test]
async fn api_is_scoped_to_the_organisation() {
    let m = matrix().await;
    m.put(m.sensors, m.powertrain, "sold", json!(100), 0).await;
    m.p.app.user(OTHER_ORG, "bo@borealis.test", "Bo Boss", Role::Admin).await;
    let bo = m.p.app.api("bo@borealis.test").await;
    let (_, theirs) = bo.post("/offerings", json!({"name": "Sensors"})).await;
    assert_eq!(theirs["name"], "Sensors", "names are unique per organisation only");
    let their_account = bo.account("Borealis Customer").await;
    let (_, their_unit) = bo.post(&format!("/accounts/{their_account}/business-units"), json!({"name": "Powertrain"})).await;

    let acct = m.p.account;
    for path in [format!("/accounts/{acct}/whitespace"), format!("/accounts/{acct}/business-units")] {
        assert_error(&bo.get(&path).await, StatusCode::NOT_FOUND, "not_found", None);
    }
    assert_error(
        &bo.post(&format!("/accounts/{acct}/business-units"), json!({"name": "Intruder"})).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    assert_error(
        &bo.patch(&format!("/business-units/{}", m.chassis), json!({"name": "X", "version": 1})).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    assert_error(&bo.delete(&format!("/business-units/{}", m.chassis)).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(
        &bo.post(&format!("/business-units/{}/move", m.chassis), json!({"direction": "up"})).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    assert_error(
        &bo.patch(&format!("/offerings/{}", m.sensors), json!({"name": "X", "version": 1})).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    assert_error(&bo.delete(&format!("/offerings/{}", m.sensors)).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(
        &bo.post(&format!("/offerings/{}/move", m.sensors), json!({"direction": "up"})).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    );
    let put = |account: i64, body: Value| {
        let bo = &bo;
        async move { bo.call(Method::PUT, &format!("/accounts/{account}/whitespace/cells"), Some(body)).await }
    };
    let got = put(acct, json!({"offering_id": id(&theirs), "business_unit_id": m.powertrain, "status": "", "version": 1})).await;
    assert_error(&got, StatusCode::NOT_FOUND, "not_found", None);
    // Their own account with our offering or unit: refused by field.
    let got = put(their_account, json!({"offering_id": m.sensors, "business_unit_id": id(&their_unit), "status": "sold"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("offering_id"));
    let got = put(their_account, json!({"offering_id": id(&theirs), "business_unit_id": m.powertrain, "status": "sold"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("business_unit_id"));
    let (_, list) = bo.get("/offerings?include_retired=true").await;
    assert_eq!(list.as_array().unwrap().len(), 1);

    // Pages too.
    let s = m.p.app.login("bo@borealis.test").await;
    assert_eq!(s.get(&format!("/accounts/{acct}/whitespace")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(s.post(&format!("/business-units/{}/delete", m.chassis), &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(s.post(&format!("/admin/offerings/{}/delete", m.sensors), &[]).await.status(), StatusCode::NOT_FOUND);

    // Acme's matrix is untouched.
    let ws = m.whitespace().await;
    assert_eq!(
        (ws["offerings"].as_array().unwrap().len(), ws["business_units"].as_array().unwrap().len(), ws["cells"].as_array().unwrap().len()),
        (2, 2, 1)
    );
}

#[tokio::test]
async fn openapi_describes_the_whitespace_api() {
    let m = matrix().await;
    let (s, doc) = m.p.api.get("/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    for path in [
        "/api/v1/offerings",
        "/api/v1/offerings/{id}",
        "/api/v1/accounts/{id}/business-units",
        "/api/v1/business-units/{id}",
        "/api/v1/accounts/{id}/whitespace",
        "/api/v1/accounts/{id}/whitespace/cells",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} in the OpenAPI document");
    }
    assert!(doc["paths"]["/api/v1/accounts/{id}/whitespace/cells"]["put"].is_object());
    assert!(doc["components"]["schemas"]["WhitespaceDto"].is_object());
}

#[tokio::test]
async fn the_demo_matrices_add_up_to_the_accounts_revenue() {
    let app = TestApp::spawn_demo().await;
    let api = app.api("lena.hoffmann@northwind.example").await;
    let (_, accounts) = api.get("/accounts").await;
    let mut checked = 0;
    for a in accounts.as_array().unwrap() {
        let (_, ws) = api.get(&format!("/accounts/{}/whitespace", id(a))).await;
        if ws["cells"].as_array().unwrap().is_empty() {
            continue;
        }
        checked += 1;
        assert_eq!(ws["totals"]["current"].as_f64(), a["current_revenue"].as_f64(), "{}: sold cells = current revenue", a["name"]);
        assert!(ws["totals"]["open"].as_f64().unwrap() > 0.0);
    }
    assert_eq!(checked, 3, "Brightwater, Helix and Meridian have a matrix");
    let s = app.try_login("lena.hoffmann@northwind.example", keyplan_app::demo::DEMO_PASSWORD).await.expect("demo sign-in");
    let brightwater = accounts.as_array().unwrap().iter().find(|a| a["name"] == "Brightwater Foods").map(id).unwrap();
    let (status, page) = s.get(&format!("/accounts/{brightwater}/whitespace")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Leipzig (new plant)") && page.contains("PLC retrofit kits") && page.contains("Retired"));
}
