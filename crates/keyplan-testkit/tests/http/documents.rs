//! The open plan document over HTTP: the published JSON Schema, export -> import
//! -> export of every demo plan giving the same document, invalid documents
//! refused with the path of the first error and nothing stored, roles and
//! organisations respected.

use keyplan_domain::Role;
use keyplan_testkit::{Api, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{OTHER_ORG, assert_error, commitment, id, planned};

/// A change that breaks a document.
type Change = Box<dyn Fn(&mut Value)>;

/// The document without what may differ between two exports: the time of export.
fn comparable(mut doc: Value) -> Value {
    doc.as_object_mut().expect("an object").remove("exported_at");
    doc
}

/// The document as an import by `importer` stores it: commitments of other
/// people are proposed to them again, open, without an earlier answer.
fn proposed_unless_owned_by(mut doc: Value, importer: &str) -> Value {
    fn walk(nodes: &mut Value, importer: &str) {
        for n in nodes.as_array_mut().into_iter().flatten() {
            if n["kind"] == "commitment" && n["owner"]["email"] != importer {
                let o = n.as_object_mut().expect("a node");
                o.insert("acceptance".into(), json!("proposed"));
                o.insert("status".into(), json!("open"));
                o.remove("decline_reason");
                o.remove("proposed_due_date");
            }
            if let Some(children) = n.get_mut("children") {
                walk(children, importer);
            }
        }
    }
    walk(&mut doc["goals"], importer);
    doc
}

async fn export(api: &Api, plan: i64, audience: &str) -> Value {
    let (s, doc) = api.get(&format!("/plans/{plan}/export?format=json&audience={audience}")).await;
    assert_eq!(s, StatusCode::OK, "{doc}");
    doc
}

async fn import(api: &Api, account: i64, doc: &Value) -> (StatusCode, Value) {
    api.call(Method::POST, &format!("/plans/import?account_id={account}"), Some(doc.clone())).await
}

async fn schema(app: &TestApp) -> jsonschema::Validator {
    let res = reqwest::get(format!("{}/api/v1/schema/plan.json", app.base)).await.expect("request");
    assert_eq!(res.status(), StatusCode::OK, "published without signing in");
    let ctype = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(ctype.contains("schema+json"), "{ctype}");
    let schema: Value = res.json().await.expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not match the schema: {errors:?}");
}

#[tokio::test]
async fn every_demo_plan_survives_export_import_export() {
    let app = TestApp::spawn_demo().await;
    let validator = schema(&app).await;
    let api = app.api("katrin.vogel@northwind.example").await;
    let (_, accounts) = api.get("/accounts").await;
    let mut checked = 0;
    let mut kinds = std::collections::HashSet::new();
    for account in accounts.as_array().expect("accounts") {
        let account = id(account);
        let (_, plans) = api.get(&format!("/accounts/{account}/plans")).await;
        for plan in plans.as_array().expect("plans").clone() {
            let plan = id(&plan);
            let first = export(&api, plan, "team").await;
            assert_eq!((first["format"].as_str(), first["version"].as_i64()), (Some("keyplan-plan"), Some(1)));
            assert_valid(&validator, &first, &format!("plan {plan}"));
            for key in ["contacts", "goals", "sections", "items", "links", "kpis"] {
                if first[key].as_array().is_some_and(|a| !a.is_empty()) {
                    kinds.insert(key);
                }
            }
            let (s, made) = import(&api, account, &first).await;
            assert_eq!(s, StatusCode::CREATED, "plan {plan}: {made}");
            assert_eq!(made["contacts_added"], 0, "the account's contacts are found by name");
            assert_eq!(made["skipped"], json!([]));
            let copy = id(&made);
            assert_ne!(copy, plan);
            let second = export(&api, copy, "team").await;
            let expected = proposed_unless_owned_by(comparable(first.clone()), "katrin.vogel@northwind.example");
            assert_eq!(comparable(second), expected, "plan {plan} changed on its way through a file");
            // The customer's document is a document too, and reads back in.
            let customer = export(&api, plan, "customer").await;
            assert_valid(&validator, &customer, &format!("the customer document of plan {plan}"));
            assert_eq!(customer["audience"], "customer");
            assert!(!customer.to_string().contains("@northwind.example"), "our people's e-mail stays out of the customer's copy");
            // Its commitments name people without e-mail: the import says so and stores nothing.
            let got = import(&api, account, &customer).await;
            if customer.to_string().contains("\"owner\"") {
                assert_eq!(got.0, StatusCode::UNPROCESSABLE_ENTITY, "{}", got.1);
                assert!(got.1["error"]["field"].as_str().unwrap().ends_with(".owner.email"), "{}", got.1);
            } else {
                assert_eq!(got.0, StatusCode::CREATED, "{}", got.1);
            }
            checked += 1;
        }
    }
    assert!(checked >= 3, "the demo has several plans ({checked})");
    assert_eq!(kinds.len(), 6, "the demo documents hold every part: {kinds:?}");
}

#[tokio::test]
async fn invalid_documents_are_refused_with_the_path_and_nothing_is_stored() {
    let p = planned().await;
    let (api, plan) = (&p.api, p.plan);
    commitment(api, plan, p.tree[3], p.kam.id.get(), "Run the trial", "2027-03-15").await;
    let doc = export(api, plan, "team").await;
    let plans_before = api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    let commitment_path = "goals[0].children[0].children[0].children[0].children[0]";
    assert_eq!(doc["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["title"], "Run the trial");

    let cases: Vec<(Change, String)> = vec![
        (
            Box::new(|d: &mut Value| {
                d["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["due_date"] = json!("15.03.2027")
            }),
            format!("{commitment_path}.due_date"),
        ),
        (
            Box::new(|d: &mut Value| {
                d["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["owner"] =
                    json!({"email": "nobody@elsewhere.test"})
            }),
            format!("{commitment_path}.owner.email"),
        ),
        (Box::new(|d: &mut Value| d["goals"][0]["children"][0]["kind"] = json!("commitment")), "goals[0].children[0].owner".into()),
        (Box::new(|d: &mut Value| d["plan"]["template"] = json!("no_such_template")), "plan.template".into()),
        (Box::new(|d: &mut Value| d["sections"] = json!([{"key": "no_such_section", "body": "x"}])), "sections[0].key".into()),
        (Box::new(|d: &mut Value| d["version"] = json!(2)), "version".into()),
        (Box::new(|d: &mut Value| d["kpis"] = json!([{"name": "Share", "period": "yearly"}])), "kpis[0].period".into()),
        (Box::new(|d: &mut Value| d["plan"]["status"] = json!("approved")), "plan.status".into()),
    ];
    for (change, path) in cases {
        let mut bad = doc.clone();
        change(&mut bad);
        let got = import(api, p.account, &bad).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(&path));
    }
    // Not JSON at all, and no account named.
    let res = api
        .client
        .post(format!("{}/api/v1/plans/import?account_id={}", api.base, p.account))
        .bearer_auth(&api.token)
        .header("content-type", "application/json")
        .body("{\"format\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["field"], "$");
    assert_error(
        &api.call(Method::POST, "/plans/import", Some(doc.clone())).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("account_id"),
    );

    let plans_after = api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    assert_eq!(plans_after, plans_before, "nothing was stored");
    // The same document, untouched, goes in.
    let (s, made) = import(api, p.account, &doc).await;
    assert_eq!(s, StatusCode::CREATED, "{made}");
    assert_eq!(made["url"], format!("/plans/{}", id(&made)));
}

#[tokio::test]
async fn only_plan_editors_of_the_organisation_import() {
    let p = planned().await;
    let doc = export(&p.api, p.plan, "team").await;
    p.app.user(crate::helpers::ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let viewer = p.app.api("vic@acme.test").await;
    assert_error(&import(&viewer, p.account, &doc).await, StatusCode::FORBIDDEN, "forbidden", None);
    // Someone of another organisation cannot reach the account at all.
    p.app.user(OTHER_ORG, "olga@other.test", "Olga Other", Role::Admin).await;
    let other = p.app.api("olga@other.test").await;
    assert_error(&import(&other, p.account, &doc).await, StatusCode::NOT_FOUND, "not_found", None);
    // Without a token: unauthorised.
    let res = reqwest::Client::new()
        .post(format!("{}/api/v1/plans/import?account_id={}", p.app.base, p.account))
        .json(&doc)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_kam_pastes_a_plan_document_on_the_account_page() {
    let p = planned().await;
    let doc = export(&p.api, p.plan, "team").await;
    let kim = p.app.login("kim@acme.test").await;
    let (_, page) = kim.get(&format!("/accounts/{}", p.account)).await;
    assert!(page.contains(&format!("action=\"/accounts/{}/plans/import\"", p.account)), "the account page offers the import");

    // A broken document: the problem names its path, the pasted text stays, nothing is stored.
    let mut broken = doc.clone();
    broken["goals"][0]["children"][0]["kind"] = json!("hurdle");
    let res = kim
        .client
        .post(format!("{}/accounts/{}/plans/import", kim.base, p.account))
        .form(&[("_csrf", kim.csrf.as_str()), ("document", &broken.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("goals[0].children[0].kind"), "the path of the problem is shown");
    assert!(html.contains("hurdle"), "the pasted document is kept");
    // The same problem for a German reader.
    let res = kim
        .client
        .post(format!("{}/accounts/{}/plans/import", kim.base, p.account))
        .header("accept-language", "de")
        .form(&[("_csrf", kim.csrf.as_str()), ("document", &broken.to_string())])
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains("goals[0].children[0].kind: unbekannter Wert „hurdle“; erlaubt: goal, csf"), "German problem");
    let plans = p.api.get(&format!("/accounts/{}/plans", p.account)).await.1;
    assert_eq!(plans.as_array().unwrap().len(), 1, "nothing was stored");

    // Without the CSRF token: refused.
    let res = kim
        .client
        .post(format!("{}/accounts/{}/plans/import", kim.base, p.account))
        .form(&[("document", doc.to_string().as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The document as exported: a new plan, and the browser goes there.
    let res = kim
        .client
        .post(format!("{}/accounts/{}/plans/import", kim.base, p.account))
        .form(&[("_csrf", kim.csrf.as_str()), ("document", &doc.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/plans/") && to != format!("/plans/{}", p.plan), "{to}");
    let (s, html) = kim.get(&to).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Globex plan 2027"), "the imported plan keeps its title");
}

/// A contact's relationship owner travels by e-mail: export writes it, import
/// into another account sets it on the contact it adds, and exporting again
/// gives the same document. An e-mail nobody of the organisation has is
/// refused with its path, and nothing is stored.
#[tokio::test]
async fn a_contacts_relationship_owner_survives_export_and_import() {
    let p = planned().await;
    let (api, kim) = (&p.api, p.kam.id.get());
    let (s, c) = api
        .post(
            &format!("/accounts/{}/contacts", p.account),
            json!({"name": "Dana Decider", "buying_role": "decision_maker", "influence": 5, "relationship_owner_id": kim}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let doc = export(api, p.plan, "team").await;
    let dana = doc["contacts"].as_array().unwrap().iter().find(|c| c["name"] == "Dana Decider").expect("the contact").clone();
    assert_eq!(dana["relationship_owner"]["email"], "kim@acme.test", "{dana}");

    let elsewhere = api.account("Initech Plastics").await;
    let (s, made) = import(api, elsewhere, &doc).await;
    assert_eq!(s, StatusCode::CREATED, "{made}");
    let (_, contacts) = api.get(&format!("/accounts/{elsewhere}/contacts")).await;
    let added = contacts.as_array().unwrap().iter().find(|c| c["name"] == "Dana Decider").expect("added").clone();
    assert_eq!(added["relationship_owner_id"], kim, "{added}");
    let again = export(api, id(&made), "team").await;
    let mut expected = comparable(doc.clone());
    expected["account"]["name"] = json!("Initech Plastics");
    assert_eq!(comparable(again), expected);

    let mut unknown = doc.clone();
    let at = doc["contacts"].as_array().unwrap().iter().position(|c| c["name"] == "Dana Decider").unwrap();
    unknown["contacts"][at]["relationship_owner"] = json!({"email": "nobody@acme.test"});
    let third = api.account("Umbrella Foods").await;
    let field = format!("contacts[{at}].relationship_owner.email");
    assert_error(&import(api, third, &unknown).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(&field));
    let (_, plans) = api.get(&format!("/accounts/{third}/plans")).await;
    assert_eq!(plans, json!([]), "nothing stored");
}
