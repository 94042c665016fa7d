//! A plan document obeys the rules of the API: a commitment for someone else
//! arrives proposed to them (whatever the file says) and they are told, as when
//! it is proposed through the API; the importer's own commitments keep their
//! state; impossible states are refused with their path and nothing is stored.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, Planned, assert_error, commitment, id, planned};

async fn import(api: &Api, account: i64, doc: &Value) -> (StatusCode, Value) {
    api.call(Method::POST, &format!("/plans/import?account_id={account}"), Some(doc.clone())).await
}

/// The obstacle's commitments in an exported document.
fn commitments(doc: &mut Value) -> &mut Vec<Value> {
    doc["goals"][0]["children"][0]["children"][0]["children"][0]["children"].as_array_mut().expect("commitments")
}

const AT: &str = "goals[0].children[0].children[0].children[0].children";

/// Kim's plan with one own commitment and one for Mara (a manager); both accepted.
async fn two_commitments(p: &Planned) -> Value {
    let mara = p.app.user(ORG, "mara@acme.test", "Mara Manager", Role::Manager).await;
    let mara_api = p.app.api("mara@acme.test").await;
    commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Run the trial", "2027-03-15").await;
    let hers = commitment(&p.api, p.plan, p.tree[3], mara.id.get(), "Sponsor the trial", "2027-04-15").await;
    assert_eq!(mara_api.post(&format!("/commitments/{}/accept", id(&hers)), json!({})).await.0, StatusCode::OK);
    let (s, doc) = p.api.get(&format!("/plans/{}/export?format=json&audience=team", p.plan)).await;
    assert_eq!(s, StatusCode::OK, "{doc}");
    doc
}

/// The plan's commitments (from the nested tree): title, acceptance, status, id.
async fn imported_commitments(api: &Api, plan: i64) -> Vec<Value> {
    fn walk(nodes: &[Value], out: &mut Vec<Value>) {
        for n in nodes {
            if n["kind"] == "commitment" {
                out.push(json!({"id": n["id"], "title": n["title"], "acceptance": n["acceptance"], "status": n["status"]}));
            }
            walk(n["children"].as_array().map(Vec::as_slice).unwrap_or_default(), out);
        }
    }
    let (s, full) = api.get(&format!("/plans/{plan}")).await;
    assert_eq!(s, StatusCode::OK, "{full}");
    let mut out = Vec::new();
    walk(full["tree"].as_array().expect("tree"), &mut out);
    out
}

#[tokio::test]
async fn a_commitment_for_someone_else_arrives_proposed_and_they_are_told() {
    let p = planned().await;
    let mut doc = two_commitments(&p).await;
    // The file claims Mara accepted and finished hers, and Kim finished his own.
    for c in commitments(&mut doc).iter_mut() {
        c["acceptance"] = json!("accepted");
        c["status"] = json!("done");
    }
    let mara_api = p.app.api("mara@acme.test").await;
    let unread_before = mara_api.get("/me/notifications").await.1["unread"].as_i64().unwrap();

    let (s, made) = import(&p.api, p.account, &doc).await;
    assert_eq!(s, StatusCode::CREATED, "{made}");
    let got = imported_commitments(&p.api, id(&made)).await;
    let by_title = |t: &str| got.iter().find(|c| c["title"] == t).unwrap_or_else(|| panic!("{t} in {got:?}")).clone();
    let hers = by_title("Sponsor the trial");
    assert_eq!((hers["acceptance"].as_str(), hers["status"].as_str()), (Some("proposed"), Some("open")), "{hers}");
    let own = by_title("Run the trial");
    assert_eq!((own["acceptance"].as_str(), own["status"].as_str()), (Some("accepted"), Some("done")), "{own}");

    // Mara hears of it exactly as from the API, and can answer it.
    let (_, n) = mara_api.get("/me/notifications").await;
    assert_eq!(n["unread"].as_i64().unwrap(), unread_before + 1, "{n}");
    let newest = n["notifications"].as_array().unwrap().iter().find(|x| x["kind"] == "commitment_proposed").expect("told").clone();
    assert_eq!(newest["message"], "Kim Kamara proposed a commitment to you: Sponsor the trial", "{newest}");
    assert_eq!(mara_api.post(&format!("/commitments/{}/accept", id(&hers)), json!({})).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_member_cannot_forge_a_managers_acceptance_by_file() {
    let p = planned().await;
    let doc = two_commitments(&p).await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let mel_api = p.app.api("mel@acme.test").await;
    // Mel may edit this account's plans.
    let (s, v) =
        p.api.call(Method::PUT, &format!("/accounts/{}/team/{}", p.account, mel.id.get()), Some(json!({"function": "Engineer"}))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, made) = import(&mel_api, p.account, &doc).await;
    assert_eq!(s, StatusCode::CREATED, "{made}");
    for c in imported_commitments(&mel_api, id(&made)).await {
        assert_eq!(c["acceptance"], "proposed", "nobody's acceptance travels in Mel's file: {c}");
        assert_eq!(c["status"], "open", "{c}");
    }
}

#[tokio::test]
async fn impossible_states_are_refused_with_their_path() {
    let p = planned().await;
    let doc = two_commitments(&p).await;
    let plans_before = p.api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    let cases: [(&str, Value, &str); 5] = [
        ("declined without a reason", json!({"acceptance": "declined"}), "decline_reason"),
        ("declined with a blank reason", json!({"acceptance": "declined", "decline_reason": "  "}), "decline_reason"),
        ("done while proposed", json!({"acceptance": "proposed", "status": "done"}), "status"),
        ("in progress while declined", json!({"acceptance": "declined", "decline_reason": "No", "status": "in_progress"}), "status"),
        ("a date proposed without the date", json!({"acceptance": "date_proposed"}), "proposed_due_date"),
    ];
    for (what, change, field) in cases {
        let mut bad = doc.clone();
        let c = &mut commitments(&mut bad)[0];
        for key in ["acceptance", "status", "decline_reason", "proposed_due_date"] {
            c.as_object_mut().unwrap().remove(key);
        }
        for (k, v) in change.as_object().unwrap() {
            c[k] = v.clone();
        }
        let got = import(&p.api, p.account, &bad).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some(&format!("{AT}[0].{field}")));
        eprintln!("{what}: {}", got.1["error"]["message"]);
    }
    let plans_after = p.api.get(&format!("/accounts/{}/plans", p.account)).await.1.as_array().unwrap().len();
    assert_eq!(plans_after, plans_before, "nothing was stored");
}
