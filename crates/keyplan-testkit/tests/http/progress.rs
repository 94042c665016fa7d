//! A commitment's "how" and its dated progress notes (issue 15 point 7): the
//! owner or an editor of the plan notes progress through the API or the
//! form, notes list newest first with date, author and text, anyone else is
//! refused and another organisation finds nothing; the "how" goes through the
//! API, the forms, the plan page and the plan document, and the notes through
//! the team's files and back in by an import.

use keyplan_domain::Role;
use keyplan_testkit::{Api, location};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{OTHER_ORG, assert_error, id, planned};

const OWNER: &str = "mia@acme.test";

fn today() -> String {
    keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date())
}

fn days_from_today(days: i64) -> String {
    keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(days))
}

/// A plan of Kim's with a commitment owned by Mia, a member who is not on
/// the account's team (so she may not edit the plan).
struct World {
    p: crate::helpers::Planned,
    mia: Api,
    commitment: i64,
}

async fn world() -> World {
    let p = planned().await;
    let mia = p.app.user(crate::helpers::ORG, OWNER, "Mia Member", Role::Member).await;
    let c = p
        .api
        .node(
            p.plan,
            json!({"kind": "commitment", "parent_id": p.tree[3], "title": "Run the plant trial", "owner_id": mia.id.get(),
                   "due_date": days_from_today(60), "done_criterion": "Trial report signed", "how": "Samples first, then a line trial"}),
        )
        .await;
    let mia = p.app.api(OWNER).await;
    World { commitment: id(&c), p, mia }
}

#[tokio::test]
async fn owner_and_editors_note_progress_newest_first_and_others_are_refused() {
    let w = world().await;
    let c = w.commitment;
    let path = format!("/nodes/{c}/progress");
    let (s, list) = w.p.api.get(&path).await;
    assert_eq!((s, list), (StatusCode::OK, json!([])));

    // The plan's editor notes an earlier day; the owner, who may not edit the plan, notes today's.
    let (s, first) = w.p.api.post(&path, json!({"on": days_from_today(-7), "text": "Trial budget found"})).await;
    assert_eq!(s, StatusCode::CREATED, "{first}");
    assert_eq!((first["node_id"].as_i64(), first["on"].as_str()), (Some(c), Some(days_from_today(-7).as_str())));
    assert_eq!((first["author_id"].as_i64(), first["author_name"].as_str()), (Some(w.p.kam.id.get()), Some("Kim Kamara")));
    assert!(first["id"].as_i64().is_some() && first["created_at"].as_str().is_some_and(|t| t.contains('T')), "{first}");
    let (s, second) = w.mia.post(&path, json!({"text": "Samples sent to the plant"})).await;
    assert_eq!(s, StatusCode::CREATED, "{second}");
    assert_eq!((second["on"].as_str(), second["author_name"].as_str()), (Some(today().as_str()), Some("Mia Member")), "no day: today");
    let (s, list) = w.mia.get(&path).await;
    assert_eq!(s, StatusCode::OK);
    let texts: Vec<&str> = list.as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Samples sent to the plant", "Trial budget found"], "newest first");

    // What a note must be.
    assert_error(&w.p.api.post(&path, json!({"text": "  "})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("text"));
    let long = "x".repeat(2001);
    assert_error(&w.p.api.post(&path, json!({"text": long})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("text"));
    let future = json!({"on": days_from_today(1), "text": "Tomorrow"});
    assert_error(&w.p.api.post(&path, future).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("on"));
    let bad = json!({"on": "tomorrow", "text": "Soon"});
    assert_error(&w.p.api.post(&path, bad).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("on"));
    let extra = json!({"text": "x", "mood": "good"});
    assert_error(&w.p.api.post(&path, extra).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("mood"));

    // Neither owner nor editor: refused, also a viewer; the node must be a commitment.
    w.p.app.user(crate::helpers::ORG, "max@acme.test", "Max Member", Role::Member).await;
    w.p.app.user(crate::helpers::ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    for who in ["max@acme.test", "vic@acme.test"] {
        let api = w.p.app.api(who).await;
        assert_error(&api.post(&path, json!({"text": "Not mine"})).await, StatusCode::FORBIDDEN, "forbidden", None);
        assert_eq!(api.get(&path).await.0, StatusCode::OK, "{who} may read the notes");
    }
    let goal = format!("/nodes/{}/progress", w.p.tree[0]);
    assert_error(&w.p.api.post(&goal, json!({"text": "A goal has none"})).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&w.p.api.get(&goal).await, StatusCode::NOT_FOUND, "not_found", None);

    // Another organisation finds nothing, even its administrator.
    w.p.app.user(OTHER_ORG, "ola@borealis.test", "Ola Admin", Role::Admin).await;
    let other = w.p.app.api("ola@borealis.test").await;
    assert_error(&other.get(&path).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&other.post(&path, json!({"text": "Sneaking in"})).await, StatusCode::NOT_FOUND, "not_found", None);
    let (_, list) = w.p.api.get(&path).await;
    assert_eq!(list.as_array().unwrap().len(), 2, "nothing refused was stored");

    // Each note is a line of the plan's history.
    let (_, history) = w.p.api.get(&format!("/plans/{}/activity", w.p.plan)).await;
    let lines: Vec<&Value> = history.as_array().unwrap().iter().filter(|a| a["action"] == "progress").collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert_eq!((lines[0]["target_kind"].as_str(), lines[0]["target_id"].as_i64()), (Some("node"), Some(c)));
    assert!(lines[0]["summary"].as_str().unwrap().contains("noted progress on commitment “Run the plant trial”"), "{}", lines[0]);

    // The API document describes both operations and the body.
    let (_, doc) = w.p.api.get("/openapi.json").await;
    let ops = &doc["paths"]["/api/v1/nodes/{id}/progress"];
    assert!(ops["get"].is_object() && ops["post"].is_object(), "{ops}");
    let body = &doc["components"]["schemas"]["ProgressWriteDto"];
    assert_eq!(body["required"], json!(["text"]), "{body}");
    assert!(doc["components"]["schemas"]["NodeWriteDto"]["properties"]["how"].is_object());
}

#[tokio::test]
async fn a_note_is_a_write_to_the_plan() {
    let w = world().await;
    let url = w.p.app.url(&format!("/api/v1/plans/{}", w.p.plan));
    let res = w.p.api.client.get(&url).bearer_auth(&w.p.api.token).send().await.unwrap();
    let tag = res.headers()["etag"].to_str().unwrap().to_string();
    let again = w.p.api.client.get(&url).bearer_auth(&w.p.api.token).header("if-none-match", &tag).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    let (s, _) = w.mia.post(&format!("/nodes/{}/progress", w.commitment), json!({"text": "Samples sent"})).await;
    assert_eq!(s, StatusCode::CREATED);
    let after = w.p.api.client.get(&url).bearer_auth(&w.p.api.token).header("if-none-match", &tag).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::OK, "the plan is not the same after a note");
}

#[tokio::test]
async fn how_goes_through_the_api_and_the_plan_document_with_the_notes() {
    let w = world().await;
    let c = w.commitment;
    let (_, node) = w.p.api.get(&format!("/nodes/{c}")).await;
    assert_eq!(node["how"], "Samples first, then a line trial", "{node}");

    // An editor changes it; the owner may too, without editing the plan; and it may be cleared.
    let (s, node) = w.p.api.patch(&format!("/nodes/{c}"), json!({"version": node["version"], "how": "Line trial in week 12"})).await;
    assert_eq!((s, node["how"].as_str()), (StatusCode::OK, Some("Line trial in week 12")), "{node}");
    assert_eq!(node["acceptance"], "proposed", "still waiting for the owner, who was never asked anything new");
    let (s, node) = w.mia.patch(&format!("/nodes/{c}"), json!({"version": node["version"], "how": "Line trial, then the report"})).await;
    assert_eq!((s, node["how"].as_str()), (StatusCode::OK, Some("Line trial, then the report")), "{node}");
    let long = json!({"version": node["version"], "how": "x".repeat(1001)});
    assert_error(&w.p.api.patch(&format!("/nodes/{c}"), long).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("how"));
    let (_, tree) = w.p.api.get(&format!("/plans/{}", w.p.plan)).await;
    assert!(tree.to_string().contains("Line trial, then the report"), "the plan's tree carries it");

    // The team's plan document has the "how" and the notes, and they import back.
    w.mia.post(&format!("/nodes/{c}/progress"), json!({"on": days_from_today(-3), "text": "Budget found"})).await;
    w.p.api.post(&format!("/nodes/{c}/progress"), json!({"text": "Samples sent"})).await;
    let (s, doc) = w.p.api.get(&format!("/plans/{}/export?format=json&audience=team", w.p.plan)).await;
    assert_eq!(s, StatusCode::OK, "{doc}");
    let exported = &doc["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0];
    assert_eq!(exported["how"], "Line trial, then the report", "{exported}");
    assert_eq!(exported["progress"][0]["text"], "Samples sent");
    assert_eq!(exported["progress"][0]["author"]["email"], "kim@acme.test");
    assert_eq!(exported["progress"][1]["on"], days_from_today(-3));
    let url = w.p.app.url(&format!("/api/v1/plans/{}/export?format=md", w.p.plan));
    let res = w.p.api.client.get(url).bearer_auth(&w.p.api.token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let md = res.text().await.unwrap();
    assert!(md.contains("How: Line trial, then the report") && md.contains("Progress:") && md.contains("Samples sent"), "{md}");

    let account = w.p.api.account("Initech").await;
    let (s, imported) = w.p.api.post(&format!("/plans/import?account_id={account}"), doc.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{imported}");
    let plan = id(&imported);
    let (_, again) = w.p.api.get(&format!("/plans/{plan}/export?format=json&audience=team")).await;
    let back = &again["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0];
    assert_eq!(back["how"], exported["how"]);
    assert_eq!(back["progress"], exported["progress"], "the notes, their days, texts and authors, in order");
}

#[tokio::test]
async fn the_pages_show_and_take_notes_and_the_how() {
    let w = world().await;
    let c = w.commitment;
    let web = w.p.app.login("kim@acme.test").await;

    // The plan page shows the "how" under the commitment, and its edit page a field for it.
    let (_, page) = web.get(&format!("/plans/{}", w.p.plan)).await;
    assert!(page.contains("How: Samples first, then a line trial"), "the plan page shows it");
    let (s, edit) = web.get(&format!("/nodes/{c}/edit")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(edit.contains("name=\"how\"") && edit.contains("Samples first, then a line trial"));
    assert!(edit.contains(&format!("action=\"/nodes/{c}/progress\"")) && edit.contains("No progress noted yet."));
    let version = keyplan_testkit::hidden_value(&edit, "version").unwrap();
    let owner = w.p.app.store.node(w.p.app.org_id(crate::helpers::ORG).await, keyplan_domain::NodeId::new(c)).await.unwrap();
    let owner_id = owner.owner_id().unwrap().to_string();
    let res = web
        .post(
            &format!("/nodes/{c}"),
            &[("version", &version), ("title", "Run the plant trial"), ("owner_id", &owner_id), ("how", "Two samples, one trial")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, node) = w.p.api.get(&format!("/nodes/{c}")).await;
    assert_eq!(node["how"], "Two samples, one trial");

    // A note through the form, back to the edit page with a message.
    let back = format!("/nodes/{c}/edit#progress");
    let earlier = days_from_today(-2);
    let res = web
        .post(&format!("/nodes/{c}/progress"), &[("on", &earlier), ("text", "Plant manager agreed to the trial"), ("back", &back)])
        .await;
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, back.clone()));
    let (_, edit) = web.get(&format!("/nodes/{c}/edit")).await;
    assert!(edit.contains("Plant manager agreed to the trial") && edit.contains("Kim Kamara"), "listed with its author");
    assert!(edit.contains(&format!("datetime=\"{earlier}\"")), "and its day");
    assert!(edit.contains("Progress noted."), "the message");

    // Refused: the page again, with what was typed and the field named in words.
    let res = web.post(&format!("/nodes/{c}/progress"), &[("on", &earlier), ("text", "   "), ("back", &back)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("Note: must not be empty"), "the field named in words");
    assert!(body.contains(&format!("value=\"{earlier}\"")), "the day as typed");
    let tomorrow = days_from_today(1);
    let res = web.post(&format!("/nodes/{c}/progress"), &[("on", &tomorrow), ("text", "Trial booked"), ("back", &back)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("Date: must not be after today"), "the day named in words");
    assert!(body.contains("Trial booked") && body.contains(&format!("value=\"{tomorrow}\"")), "what was typed");
    // A target that is not a path of this site is not followed.
    let res = web.post(&format!("/nodes/{c}/progress"), &[("text", "Trial booked"), ("back", "https://evil.example/")]).await;
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, back.clone()));

    // The owner sees the notes under the commitment in "My commitments" and adds one there.
    let (s, _) = w.mia.post(&format!("/commitments/{c}/accept"), json!({})).await;
    assert_eq!(s, StatusCode::OK);
    let mine = w.p.app.login(OWNER).await;
    let (_, list) = mine.get("/me/commitments").await;
    let row = crate::helpers::enclosing(&list, &format!("id=\"c-{c}\""), "<tr", "</tr>");
    assert!(row.contains("Plant manager agreed to the trial") && row.contains("How: Two samples, one trial"), "{row}");
    let back = format!("/me/commitments#c-{c}");
    let res = mine.post(&format!("/nodes/{c}/progress"), &[("text", "Trial date set"), ("back", &back)]).await;
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, back.clone()));
    let res = mine.post(&format!("/nodes/{c}/progress"), &[("on", "someday"), ("text", "Kept as typed"), ("back", &back)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    let row = crate::helpers::enclosing(&body, &format!("id=\"c-{c}\""), "<tr", "</tr>");
    assert!(row.contains("Date: must be a date written YYYY-MM-DD") && row.contains("Kept as typed"), "{row}");
    let (_, list) = mine.get("/me/commitments").await;
    let row = crate::helpers::enclosing(&list, &format!("id=\"c-{c}\""), "<tr", "</tr>");
    let (newest, older) = (row.find("Trial date set").unwrap(), row.find("Plant manager agreed to the trial").unwrap());
    assert!(newest < older, "newest first");

    // The form does not write for someone who may not.
    w.p.app.user(crate::helpers::ORG, "max@acme.test", "Max Member", Role::Member).await;
    let max = w.p.app.login("max@acme.test").await;
    let res = max.post(&format!("/nodes/{c}/progress"), &[("text", "Not mine"), ("back", "/me/commitments")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn german_pages_say_it_in_german() {
    let w = world().await;
    let web = w.p.app.login("kim@acme.test").await;
    let edit = crate::helpers::page_in(&web, &format!("/nodes/{}/edit", w.commitment), crate::helpers::GERMAN).await;
    for text in ["Fortschrittsnotizen", "Noch kein Fortschritt notiert.", "Notiz hinzufügen", "Wie es geliefert wird"] {
        assert!(edit.contains(text), "{text}");
    }
    let res = web
        .client
        .post(format!("{}/nodes/{}/progress", web.base, w.commitment))
        .header("accept-language", crate::helpers::GERMAN)
        .form(&[("_csrf", web.csrf.as_str()), ("text", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Notiz: darf nicht leer sein"));
}
