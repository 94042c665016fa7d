//! Input validation: 422 naming the field, 400 for bodies that are not JSON
//! objects, 404 for ids that cannot exist, and never a 500 for bad input.

use keyplan_domain::Role;
use keyplan_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, account_count, assert_error, contact_count, input_value, node_count, planned, section};

#[tokio::test]
async fn empty_account_names_the_field_and_stores_nothing() {
    let p = planned().await;
    let before = account_count(&p.app, ORG).await;
    let got = p.api.post("/accounts", json!({})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    let got = p.api.post("/accounts", json!({"name": "   ", "industry": "Chemicals"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    assert_eq!(account_count(&p.app, ORG).await, before);
}

#[tokio::test]
async fn contact_and_node_rules_name_their_field() {
    let p = planned().await;
    let contacts = format!("/accounts/{}/contacts", p.account);
    for (body, field) in [
        (json!({"name": "Dana", "influence": 7}), "influence"),
        (json!({"name": "Dana", "influence": 0}), "influence"),
        (json!({"name": "Dana", "influence": "3.5"}), "influence"),
        (json!({"name": "Dana", "influence": 99999}), "influence"),
        (json!({"name": "Dana", "email": "dana-at-globex"}), "email"),
        (json!({"name": "Dana", "attitude": "friendly"}), "attitude"),
        (json!({"name": "Dana", "last_contact_date": "31.12.2026"}), "last_contact_date"),
    ] {
        assert_error(&p.api.post(&contacts, body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }
    assert_eq!(contact_count(&p.app, ORG, p.account).await, 0);

    let nodes = format!("/plans/{}/nodes", p.plan);
    let [goal, csf, _, obstacle] = p.tree;
    let owner = p.kam.id.get();
    for (body, field) in [
        (json!({"kind": "commitment", "parent_id": obstacle, "title": "Trial", "owner_id": owner, "due_date": "2027-02-30"}), "due_date"),
        (json!({"kind": "commitment", "parent_id": obstacle, "title": "Trial", "owner_id": owner, "due_date": "next week"}), "due_date"),
        (
            json!({"kind": "commitment", "parent_id": obstacle, "title": "Trial", "owner_id": owner, "start_date": "2027-05-01", "due_date": "2027-04-01"}),
            "due_date",
        ),
        (json!({"kind": "commitment", "parent_id": obstacle, "title": "Trial", "due_date": "2027-03-31"}), "owner_id"),
        (json!({"kind": "commitment", "parent_id": obstacle, "title": "Trial", "owner_id": 999_999}), "owner_id"),
        (json!({"kind": "commitment", "parent_id": obstacle, "title": "Trial", "owner_id": owner, "status": "finished"}), "status"),
        (json!({"kind": "csf", "title": "Orphan factor"}), "parent_id"),
        (json!({"kind": "obstacle", "parent_id": goal, "title": "Misplaced obstacle"}), "parent_id"),
        (json!({"kind": "goal", "parent_id": csf, "title": "Nested goal"}), "parent_id"),
        (json!({"kind": "csf", "parent_id": 999_999, "title": "Dangling"}), "parent_id"),
        (json!({"kind": "root", "title": "Unknown kind"}), "kind"),
        (json!({"kind": "goal", "title": "Goal", "target": "lots"}), "target"),
        (json!({"kind": "goal", "title": ""}), "title"),
        (json!({"kind": "goal", "title": "x".repeat(301)}), "title"),
    ] {
        let got = p.api.post(&nodes, body.clone()).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(field));
    }
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 4, "nothing stored");
}

#[tokio::test]
async fn bodies_must_be_json_objects_with_known_fields() {
    let p = planned().await;
    let before = account_count(&p.app, ORG).await;
    let got = p.api.post("/accounts", json!({"name": "Colourful Ltd", "colour": "red"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("colour"));
    let got = p.api.patch(&format!("/nodes/{}", p.tree[1]), json!({"kind": "goal", "version": 1})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("kind"));
    let got = p.api.post("/accounts", json!({"name": {"first": "Nested"}})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    let got = p.api.post("/accounts", json!({"name": true})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));

    let raw = |body: &'static str, content_type: &'static str| {
        let req = p.api.client.post(format!("{}/api/v1/accounts", p.api.base)).bearer_auth(&p.api.token);
        async move {
            let res = req.header("content-type", content_type).body(body).send().await.unwrap();
            let status = res.status();
            (status, res.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    for (body, ct) in [
        ("{\"name\": \"Broken", "application/json"),
        ("not json at all", "application/json"),
        ("", "application/json"),
        ("[{\"name\": \"In a list\"}]", "application/json"),
        ("\"Just a string\"", "application/json"),
        ("42", "application/json"),
        ("null", "application/json"),
        ("{\"name\": \"Form Ltd\"}", "text/plain"),
        ("name=Form+Ltd", "application/x-www-form-urlencoded"),
    ] {
        assert_error(&raw(body, ct).await, StatusCode::BAD_REQUEST, "bad_request", None);
    }
    assert_eq!(account_count(&p.app, ORG).await, before, "nothing stored");
}

#[tokio::test]
async fn account_form_with_an_empty_name_shows_the_problem_and_keeps_the_rest() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let s = app.login("kim@acme.test").await;
    let res = s
        .post(
            "/accounts",
            &[
                ("name", "  "),
                ("industry", "Specialty chemicals"),
                ("region", "DACH"),
                ("current_revenue", "1,250,000"),
                ("growth_trend", "growing"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let form = section(&page, "<form method=\"post\" action=\"/accounts\"", "</form>");
    let name_label = section(form, "<label class=\"span2\">Name", "</label>");
    assert!(name_label.contains("aria-invalid=\"true\""), "{name_label}");
    assert!(
        name_label.contains("class=\"field-error\"") && name_label.contains("must not be empty"),
        "message next to the field: {name_label}"
    );
    assert_eq!(input_value(form, "industry").as_deref(), Some("Specialty chemicals"));
    assert_eq!(input_value(form, "region").as_deref(), Some("DACH"));
    assert_eq!(input_value(form, "current_revenue").as_deref(), Some("1,250,000"));
    assert!(form.contains("<option value=\"growing\" selected>"), "the chosen trend stays chosen");
    assert!(page.contains("id=\"new-account\" open"), "the form is open");
    assert_eq!(account_count(&app, ORG).await, 0);

    // Several problems at once are all shown.
    let res = s.post("/accounts", &[("name", "Negative Ltd"), ("current_revenue", "-5"), ("potential", "plenty")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("must not be negative") && page.contains("must be a number"), "both errors shown");
    assert_eq!(input_value(&page, "name").as_deref(), Some("Negative Ltd"));
    assert_eq!(account_count(&app, ORG).await, 0);
}

#[tokio::test]
async fn bad_input_never_causes_a_server_error() {
    let p = planned().await;
    let api = &p.api;
    let big = "9".repeat(400);
    let cases: Vec<(Value, StatusCode, Option<&str>)> = vec![
        (json!({"name": "Neg", "current_revenue": -5}), StatusCode::UNPROCESSABLE_ENTITY, Some("current_revenue")),
        (json!({"name": "Inf", "current_revenue": "1e400"}), StatusCode::UNPROCESSABLE_ENTITY, Some("current_revenue")),
        (json!({"name": "NaN", "potential": "NaN"}), StatusCode::UNPROCESSABLE_ENTITY, Some("potential")),
        (json!({"name": "Huge text", "total_spend": big}), StatusCode::UNPROCESSABLE_ENTITY, Some("total_spend")),
        (json!({"name": "Wallet", "current_revenue": 10, "total_spend": 5}), StatusCode::UNPROCESSABLE_ENTITY, Some("total_spend")),
        (json!({"name": "Owner", "owner_id": -3}), StatusCode::UNPROCESSABLE_ENTITY, Some("owner_id")),
        (json!({"name": "Owner", "owner_id": 1.5}), StatusCode::UNPROCESSABLE_ENTITY, Some("owner_id")),
        (json!({"name": "Owner", "owner_id": "99999999999999999999"}), StatusCode::UNPROCESSABLE_ENTITY, Some("owner_id")),
        (json!({"name": "Owner", "owner_id": i64::MAX}), StatusCode::UNPROCESSABLE_ENTITY, Some("owner_id")),
        (json!({"name": "Parent", "parent_id": i64::MAX}), StatusCode::UNPROCESSABLE_ENTITY, Some("parent_id")),
        (json!({"name": "Trend", "growth_trend": "sideways"}), StatusCode::UNPROCESSABLE_ENTITY, Some("growth_trend")),
        (json!({"name": "x".repeat(201)}), StatusCode::UNPROCESSABLE_ENTITY, Some("name")),
        (json!({"name": "Nul\u{0}Ltd"}), StatusCode::UNPROCESSABLE_ENTITY, Some("name")),
        (json!({"name": "Big but fine", "current_revenue": 1e300, "total_spend": 1.5e300}), StatusCode::CREATED, None),
    ];
    let mut created = 0;
    for (body, status, field) in cases {
        let got = api.post("/accounts", body.clone()).await;
        if status == StatusCode::CREATED {
            assert_eq!(got.0, status, "{body}: {}", got.1);
            created += 1;
        } else {
            assert_error(&got, status, "invalid", field);
        }
    }
    assert_eq!(account_count(&p.app, ORG).await, 1 + created);

    // A number JSON itself cannot hold is a malformed body, not a crash.
    let res = api
        .client
        .post(format!("{}/api/v1/accounts", api.base))
        .bearer_auth(&api.token)
        .header("content-type", "application/json")
        .body(format!("{{\"name\": \"Overflow\", \"current_revenue\": 1e400, \"potential\": {big}}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // Ids that cannot exist are simply not found.
    for path in [
        "/accounts/abc",
        "/accounts/0",
        "/accounts/-1",
        "/accounts/1.5",
        "/accounts/99999999999999999999",
        "/accounts/9223372036854775807",
        "/plans/abc",
        "/nodes/%20",
        "/contacts/1e3",
        "/accounts/abc/plans",
    ] {
        assert_error(&api.get(path).await, StatusCode::NOT_FOUND, "not_found", None);
    }
    assert_error(&api.patch("/accounts/abc", json!({"name": "x", "version": 1})).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&api.delete("/nodes/-7").await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&api.post("/commitments/abc/accept", json!({})).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&api.post(&format!("/commitments/{}/accept", p.tree[0]), json!({})).await, StatusCode::NOT_FOUND, "not_found", None);
    let s = p.app.login("kim@acme.test").await;
    for path in ["/accounts/abc", "/plans/-2", "/contacts/99999999999999999999", "/plans/0"] {
        assert_eq!(s.get(path).await.0, StatusCode::NOT_FOUND, "GET {path}");
    }
    // Odd form values answer 4xx too.
    for (path, fields) in [
        (format!("/plans/{}/nodes", p.plan), vec![("kind", "root"), ("title", "x")]),
        (format!("/plans/{}/nodes", p.plan), vec![("kind", "csf"), ("parent_id", "abc"), ("title", "x")]),
        (format!("/nodes/{}", p.tree[1]), vec![("version", "abc"), ("title", "x")]),
        (format!("/nodes/{}", p.tree[1]), vec![("version", "99999999999999999999999"), ("title", "x")]),
        (format!("/accounts/{}/contacts", p.account), vec![("name", "Dana"), ("influence", "99999999999")]),
        (format!("/commitments/{}/respond", p.tree[3]), vec![("action", "accept")]),
        ("/accounts".to_string(), vec![("name", "Huge"), ("potential", big.as_str())]),
    ] {
        let status = s.post(&path, &fields).await.status();
        assert!(status.is_client_error(), "POST {path} {fields:?}: {status}");
    }
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 4);
}

/// PostgreSQL refuses NUL characters in text; input that reaches a query with
/// one must be refused as bad input, not fail as a server error.
#[tokio::test]
async fn nul_characters_are_bad_input_not_server_errors() {
    let p = planned().await;
    let mut problems = Vec::new();
    let (client, csrf) = crate::helpers::login_form(&p.app).await;
    let res = crate::helpers::submit_login(&p.app, &client, &csrf, "kim\u{0}@acme.test", "whatever", "/accounts").await;
    if !res.status().is_client_error() {
        problems.push(format!("sign-in with NUL in the e-mail: {}", res.status()));
    }
    let (status, _) = p.api.get("/accounts?q=glo%00bex").await;
    if status.is_server_error() {
        problems.push(format!("API account search with NUL: {status}"));
    }
    let s = p.app.login("kim@acme.test").await;
    let (status, _) = s.get("/accounts?q=%00").await;
    if status.is_server_error() {
        problems.push(format!("accounts page search with NUL: {status}"));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The API promises `{"error": {...}}` for every error; a bad query parameter
/// is an error like any other.
#[tokio::test]
async fn bad_query_parameters_answer_json_errors() {
    let p = planned().await;
    for query in ["limit=abc", "owner_id=x", "offset=1.5"] {
        let got = p.api.get(&format!("/accounts?{query}")).await;
        assert!(got.0 == StatusCode::BAD_REQUEST || got.0 == StatusCode::UNPROCESSABLE_ENTITY, "{query}: {}", got.0);
        assert!(got.1["error"]["code"].is_string(), "{query}: JSON error body expected, got {}", got.1);
    }
}
