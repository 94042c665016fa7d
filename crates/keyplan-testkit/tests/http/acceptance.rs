//! Acceptance of commitments over the API: only the owner accepts, declines
//! or re-dates; only the author answers a new date; only accepted
//! commitments count in the plan.

use keyplan_domain::Role;
use keyplan_testkit::Api;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, Planned, assert_error, commitment, date, id, planned};

struct Flow {
    p: Planned,
    mel: Api,
    mel_id: i64,
    cm: i64,
}

/// The KAM asks Mel (a member, not on the account team) to overcome the obstacle.
async fn flow() -> Flow {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let c = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Run a line trial at the Ludwigshafen plant", "2027-03-31").await;
    let mel_api = p.app.api("mel@acme.test").await;
    Flow { mel: mel_api, mel_id: mel.id.get(), cm: id(&c), p }
}

async fn summary(api: &Api, plan: i64) -> Value {
    let (status, v) = api.get(&format!("/plans/{plan}")).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v["summary"].clone()
}

async fn node(api: &Api, id: i64) -> Value {
    let (status, v) = api.get(&format!("/nodes/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v
}

#[tokio::test]
async fn the_whole_acceptance_flow() {
    let f = flow().await;
    let (kam, mel, cm, plan) = (&f.p.api, &f.mel, f.cm, f.p.plan);
    let c = node(kam, cm).await;
    assert_eq!((c["acceptance"].as_str(), c["status"].as_str()), (Some("proposed"), Some("open")));
    assert_eq!((c["owner_id"].as_i64(), c["author_id"].as_i64()), (Some(f.mel_id), Some(f.p.kam.id.get())));
    let s = summary(kam, plan).await;
    assert_eq!(
        (s["commitments"].as_i64(), s["commitments_accepted"].as_i64(), s["commitments_unaccepted"].as_i64()),
        (Some(1), Some(0), Some(1))
    );

    // Mel sees it in her own list.
    let (status, mine) = mel.get("/me/commitments").await;
    assert_eq!(status, StatusCode::OK);
    let mine = mine.as_array().unwrap();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(
        (mine[0]["id"].as_i64(), mine[0]["role"].as_str(), mine[0]["acceptance"].as_str()),
        (Some(cm), Some("owner"), Some("proposed"))
    );
    assert_eq!((mine[0]["plan_id"].as_i64(), mine[0]["account_name"].as_str()), (Some(plan), Some("Globex Chemicals")));
    assert_eq!(kam.get("/me/commitments").await.1, json!([]), "nothing waits for the KAM yet");

    // Only the owner answers.
    assert_error(&kam.post(&format!("/commitments/{cm}/accept"), json!({})).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_eq!(node(kam, cm).await["acceptance"], "proposed");
    // Declining needs a reason.
    assert_error(
        &mel.post(&format!("/commitments/{cm}/decline"), json!({})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("reason"),
    );
    assert_error(
        &mel.post(&format!("/commitments/{cm}/decline"), json!({"reason": "  "})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("reason"),
    );
    assert_eq!(node(kam, cm).await["acceptance"], "proposed");
    // Nor can progress be reported before accepting.
    let got = mel.patch(&format!("/nodes/{cm}"), json!({"status": "done", "version": 1})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("status"));

    // Mel proposes another date.
    let (status, c) = mel.post(&format!("/commitments/{cm}/propose-date"), json!({"due_date": "2027-05-31"})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(c["acceptance"], "date_proposed");
    assert_eq!(date(&c["proposed_due_date"]).as_deref(), Some("2027-05-31"));
    assert_eq!(date(&c["due_date"]).as_deref(), Some("2027-03-31"), "the plan keeps its date until the author agrees");
    assert_eq!(summary(kam, plan).await["commitments_accepted"], 0);
    // The owner cannot answer her own proposal; the author now sees it.
    assert_error(&mel.post(&format!("/commitments/{cm}/accept-date"), json!({})).await, StatusCode::FORBIDDEN, "forbidden", None);
    let (_, waiting) = kam.get("/me/commitments").await;
    assert_eq!((waiting[0]["id"].as_i64(), waiting[0]["role"].as_str()), (Some(cm), Some("author")), "{waiting}");

    let (status, c) = kam.post(&format!("/commitments/{cm}/accept-date"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(c["acceptance"], "accepted");
    assert_eq!(date(&c["due_date"]).as_deref(), Some("2027-05-31"));
    assert!(c["proposed_due_date"].is_null(), "{c}");
    let stored = node(kam, cm).await;
    assert_eq!((stored["acceptance"].as_str(), date(&stored["due_date"]).as_deref()), (Some("accepted"), Some("2027-05-31")));
    let s = summary(kam, plan).await;
    assert_eq!(
        (s["commitments_accepted"].as_i64(), s["commitments_unaccepted"].as_i64(), s["obstacles_overcome"].as_i64()),
        (Some(1), Some(0), Some(0))
    );
    // Answering again does not fit the state.
    assert_error(&kam.post(&format!("/commitments/{cm}/accept-date"), json!({})).await, StatusCode::CONFLICT, "invalid_state", None);
    assert_error(&mel.post(&format!("/commitments/{cm}/accept"), json!({})).await, StatusCode::CONFLICT, "invalid_state", None);

    // Mel, not on the team, reports progress as the owner - but cannot change the promise.
    let version = stored["version"].as_i64().unwrap();
    let got = mel.patch(&format!("/nodes/{cm}"), json!({"due_date": "2027-12-31", "version": version})).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    let got = mel.patch(&format!("/nodes/{cm}"), json!({"title": "Something easier", "version": version})).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    let (status, c) = mel.patch(&format!("/nodes/{cm}"), json!({"status": "done", "notes": "Trial passed", "version": version})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(
        (c["status"].as_str(), c["acceptance"].as_str(), c["notes"].as_str()),
        (Some("done"), Some("accepted"), Some("Trial passed"))
    );
    let (_, full) = kam.get(&format!("/plans/{plan}")).await;
    let s = &full["summary"];
    assert_eq!(
        (s["obstacles"].as_i64(), s["obstacles_overcome"].as_i64(), s["percent_resolved"].as_i64()),
        (Some(1), Some(1), Some(100)),
        "{s}"
    );
    assert_eq!(
        (s["commitments_done"].as_i64(), s["conditions_met"].as_i64(), s["factors_secured"].as_i64()),
        (Some(1), Some(1), Some(1)),
        "{s}"
    );
    assert_eq!(full["tree"][0]["health"], "resolved", "{}", full["tree"][0]);

    // The KAM moves the date: Mel is asked again and the progress no longer counts.
    let version = c["version"].as_i64().unwrap();
    let (status, c) = kam.patch(&format!("/nodes/{cm}"), json!({"due_date": "2027-04-30", "version": version})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!((c["acceptance"].as_str(), c["status"].as_str()), (Some("proposed"), Some("open")));
    assert_eq!(date(&c["due_date"]).as_deref(), Some("2027-04-30"));
    let s = summary(kam, plan).await;
    assert_eq!(
        (s["commitments_accepted"].as_i64(), s["obstacles_overcome"].as_i64(), s["percent_resolved"].as_i64()),
        (Some(0), Some(0), Some(0)),
        "{s}"
    );
    assert_eq!(mel.get("/me/commitments").await.1[0]["acceptance"], "proposed");
}

#[tokio::test]
async fn declining_rejecting_and_answering_for_the_author() {
    let f = flow().await;
    f.p.app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let max = f.p.app.api("max@acme.test").await;
    let (kam, mel, cm) = (&f.p.api, &f.mel, f.cm);

    // A stale version in the answer is refused.
    let got = mel.post(&format!("/commitments/{cm}/decline"), json!({"reason": "No capacity", "version": 7})).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    let (status, c) = mel.post(&format!("/commitments/{cm}/decline"), json!({"reason": "No capacity in Q1", "version": 1})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!((c["acceptance"].as_str(), c["decline_reason"].as_str()), (Some("declined"), Some("No capacity in Q1")));
    let s = summary(kam, f.p.plan).await;
    assert_eq!((s["commitments_accepted"].as_i64(), s["commitments_unaccepted"].as_i64()), (Some(0), Some(0)), "declined is neither: {s}");
    assert_eq!(node(kam, cm).await["decline_reason"], "No capacity in Q1");

    // Mel changes her mind and proposes a date; the KAM rejects it.
    let (status, c) = mel.post(&format!("/commitments/{cm}/propose-date"), json!({"due_date": "2027-06-30"})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert!(c["decline_reason"].is_null());
    let got = mel.post(&format!("/commitments/{cm}/propose-date"), json!({"due_date": "30 June"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("due_date"));
    let (status, c) = kam.post(&format!("/commitments/{cm}/reject-date"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!((c["acceptance"].as_str(), date(&c["due_date"]).as_deref()), (Some("proposed"), Some("2027-03-31")));
    assert!(c["proposed_due_date"].is_null());

    // Proposing the planned date is pointless; accepting is the answer.
    let got = mel.post(&format!("/commitments/{cm}/propose-date"), json!({"due_date": "2027-03-31"})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("due_date"));
    // A manager may answer a date in the author's place.
    mel.post(&format!("/commitments/{cm}/propose-date"), json!({"due_date": "2027-04-15"})).await;
    let (status, c) = max.post(&format!("/commitments/{cm}/accept-date"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!((c["acceptance"].as_str(), date(&c["due_date"]).as_deref()), (Some("accepted"), Some("2027-04-15")));
    assert_eq!(summary(kam, f.p.plan).await["commitments_accepted"], 1);

    // A commitment one writes for oneself is accepted at once.
    let own = commitment(kam, f.p.plan, f.p.tree[3], f.p.kam.id.get(), "Brief the plant engineers", "2027-02-28").await;
    assert_eq!(own["acceptance"], "accepted");
    // Handing an accepted commitment to someone else asks them.
    let (status, c) = kam.patch(&format!("/nodes/{}", id(&own)), json!({"owner_id": f.mel_id, "version": 1})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!((c["acceptance"].as_str(), c["owner_id"].as_i64()), (Some("proposed"), Some(f.mel_id)));
    assert_eq!(mel.get("/me/commitments").await.1.as_array().unwrap().len(), 2);
}
