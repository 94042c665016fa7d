//! Plan templates: the editor (versions, reordering without saving, errors next
//! to the row), who may change templates, retiring, the new-plan choice, and the
//! template file through the API and the pages.

use keyplan_domain::Role;
use keyplan_testkit::{Api, Session, TestApp, hidden_value, location};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, assert_error, id, input_value, textarea_value};

const ADMIN: &str = "ada@acme.test";
const KAM: &str = "kim@acme.test";

struct World {
    app: TestApp,
    admin: Api,
    kam: Api,
    account: i64,
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    app.user(ORG, ADMIN, "Ada Admin", Role::Admin).await;
    app.user(ORG, KAM, "Kim Kamara", Role::Kam).await;
    let admin = app.api(ADMIN).await;
    let kam = app.api(KAM).await;
    let account = kam.account("Globex Chemicals").await;
    World { app, admin, kam, account }
}

/// The template's id, from the API list.
async fn template_id(api: &Api, key: &str) -> i64 {
    let (s, list) = api.get("/templates").await;
    assert_eq!(s, StatusCode::OK, "{list}");
    let t = list.as_array().unwrap().iter().find(|t| t["key"] == key).unwrap_or_else(|| panic!("no template {key} in {list}"));
    id(t)
}

async fn plan_from(api: &Api, account: i64, title: &str, template: &str) -> i64 {
    let (s, v) = api.post(&format!("/accounts/{account}/plans"), json!({"title": title, "template": template})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    id(&v)
}

fn section_titles(plan: &Value) -> Vec<String> {
    plan["sections"].as_array().expect("sections").iter().map(|s| s["title"].as_str().unwrap().to_string()).collect()
}

/// The editor form's fields for a template file, as a browser would send them.
fn editor_fields(doc: &Value, version: &str) -> Vec<(String, String)> {
    let mut f = vec![
        ("version".to_string(), version.to_string()),
        ("name".into(), doc["name"].as_str().unwrap().into()),
        ("description".into(), doc["description"].as_str().unwrap_or_default().into()),
        ("budget_pages".into(), doc["budget_pages"].to_string()),
    ];
    for (i, s) in doc["sections"].as_array().unwrap().iter().enumerate() {
        let field = |name: &str| format!("sections[{i}].{name}");
        f.push((field("key"), s["key"].as_str().unwrap().into()));
        f.push((field("title"), s["title"].as_str().unwrap().into()));
        f.push((field("kind"), s["kind"].as_str().unwrap().into()));
        f.push((field("guidance"), s["guidance"].as_str().unwrap_or_default().into()));
        f.push((field("budget_unit"), s["budget"]["unit"].as_str().unwrap_or("words").into()));
        f.push((field("budget_limit"), s["budget"]["limit"].as_u64().map(|n| n.to_string()).unwrap_or_default()));
    }
    f
}

fn set(fields: &mut [(String, String)], name: &str, value: &str) {
    fields.iter_mut().find(|(k, _)| k == name).unwrap_or_else(|| panic!("no field {name}")).1 = value.into();
}

async fn post(s: &Session, path: &str, fields: &[(String, String)]) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    s.post(path, &borrowed).await
}

/// Opens the editor and returns its form as a browser would send it unchanged.
async fn open_editor(s: &Session, api: &Api, key: &str) -> (i64, Vec<(String, String)>) {
    let tid = template_id(api, key).await;
    let (status, page) = s.get(&format!("/admin/templates/{tid}")).await;
    assert_eq!(status, StatusCode::OK);
    let version = hidden_value(&page, "version").expect("the editor carries the template's version");
    let (_, doc) = api.get(&format!("/templates/{key}")).await;
    (tid, editor_fields(&doc, &version))
}

#[tokio::test]
async fn a_template_edit_leaves_existing_plans_unchanged() {
    let w = world().await;
    let old_plan = plan_from(&w.kam, w.account, "Before the edit", "strategic").await;
    let (_, before) = w.kam.get(&format!("/plans/{old_plan}")).await;
    assert_eq!(before["template"], "strategic");
    assert_eq!(before["template_ref"]["version"], 1);
    let old_titles = section_titles(&before);
    assert_eq!(old_titles[0], "Customer profile and key figures");

    // The admin renames the first section, drops the last and saves through the editor.
    let s = w.app.login(ADMIN).await;
    let (tid, mut fields) = open_editor(&s, &w.admin, "strategic").await;
    set(&mut fields, "sections[0].title", "Who the customer is");
    let last = old_titles.len() - 1;
    fields.push((format!("sections[{last}].remove"), "on".into()));
    let res = post(&s, &format!("/admin/templates/{tid}"), &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/admin/templates/{tid}"));
    let (_, page) = s.get(&format!("/admin/templates/{tid}")).await;
    assert!(page.contains("Saved as version 2."), "flash after saving");
    assert!(page.contains("Version 2"), "the editor shows the new version");
    assert!(page.contains("saving creates version 3"), "and says what the next save does");

    // The existing plan is exactly as it was.
    let (_, after) = w.kam.get(&format!("/plans/{old_plan}")).await;
    assert_eq!(after["template_ref"]["version"], 1, "{}", after["template_ref"]);
    assert_eq!(section_titles(&after), old_titles);
    let (_, plan_page) = w.app.login(KAM).await.get(&format!("/plans/{old_plan}")).await;
    assert!(plan_page.contains("Customer profile and key figures") && !plan_page.contains("Who the customer is"));

    // A new plan gets the new version.
    let new_plan = plan_from(&w.kam, w.account, "After the edit", "strategic").await;
    let (_, fresh) = w.kam.get(&format!("/plans/{new_plan}")).await;
    assert_eq!(fresh["template_ref"]["version"], 2);
    let titles = section_titles(&fresh);
    assert_eq!(titles[0], "Who the customer is");
    assert_eq!(titles.len(), old_titles.len() - 1);

    // Saving the same form again writes nothing.
    let (_, fields) = open_editor(&s, &w.admin, "strategic").await;
    let res = post(&s, &format!("/admin/templates/{tid}"), &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, versions) = w.admin.get("/templates/strategic/versions").await;
    assert_eq!(versions.as_array().unwrap().iter().map(|v| v["number"].as_i64().unwrap()).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(versions[0]["author"], "Ada Admin");
}

#[tokio::test]
async fn rows_move_and_get_added_without_saving_and_keep_what_was_typed() {
    let w = world().await;
    let s = w.app.login(ADMIN).await;
    let (tid, mut fields) = open_editor(&s, &w.admin, "one_page_constraint").await;
    let first = input_value_of(&fields, "sections[0].title");
    let second = input_value_of(&fields, "sections[1].title");
    set(&mut fields, "name", "Typed, not saved");
    set(&mut fields, "sections[1].guidance", "Typed guidance");
    fields.push(("move".into(), "up:1".into()));
    let res = post(&s, &format!("/admin/templates/{tid}"), &fields).await;
    assert_eq!(res.status(), StatusCode::OK, "a move re-renders the form");
    let page = res.text().await.unwrap();
    assert_eq!(input_value(&page, "sections[0].title").as_deref(), Some(second.as_str()));
    assert_eq!(input_value(&page, "sections[1].title").as_deref(), Some(first.as_str()));
    assert_eq!(textarea_value(&page, "sections[0].guidance").as_deref(), Some("Typed guidance"), "typed text moves with its row");
    assert_eq!(input_value(&page, "name").as_deref(), Some("Typed, not saved"));
    assert!(page.contains("not saved yet"), "the page says nothing was saved");
    assert!(input_value(&page, "sections[2].title").is_some_and(|t| t.is_empty()), "an empty row for a new section");

    // Add a row: a second empty row; still nothing saved.
    let mut fields = editor_fields_from_page(&page);
    set(&mut fields, "sections[2].title", "Risks we watch");
    set(&mut fields, "sections[2].kind", "risks");
    fields.push(("move".into(), "add".into()));
    let page = post(&s, &format!("/admin/templates/{tid}"), &fields).await.text().await.unwrap();
    assert_eq!(input_value(&page, "sections[2].title").as_deref(), Some("Risks we watch"));
    assert!(input_value(&page, "sections[3].title").is_some_and(|t| t.is_empty()));
    let (_, t) = w.admin.get("/templates/one_page_constraint").await;
    assert_eq!(t["name"], "One-page constraint plan", "moving and adding rows stores nothing");
    assert_eq!(t["sections"][0]["title"], first.as_str());

    // Saving keeps the new order as version 2.
    let fields = editor_fields_from_page(&page);
    let res = post(&s, &format!("/admin/templates/{tid}"), &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, t) = w.admin.get("/templates/one_page_constraint").await;
    let titles: Vec<&str> = t["sections"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(titles, [second.as_str(), first.as_str(), "Risks we watch"]);
    assert_eq!(t["sections"][2]["key"], "risks-we-watch", "a new section gets a key from its title");
    assert_eq!(t["name"], "Typed, not saved");
}

fn input_value_of(fields: &[(String, String)], name: &str) -> String {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
}

/// The editor's fields as a re-rendered page holds them (what a browser would post back).
fn editor_fields_from_page(page: &str) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = ["version", "based_on", "key", "name", "budget_pages"]
        .iter()
        .map(|n| (n.to_string(), input_value(page, n).unwrap_or_default()))
        .collect();
    f.push(("description".into(), textarea_value(page, "description").unwrap_or_default()));
    for i in 0.. {
        let field = |name: &str| format!("sections[{i}].{name}");
        let Some(title) = input_value(page, &field("title")) else { break };
        f.push((field("key"), input_value(page, &field("key")).unwrap_or_default()));
        f.push((field("title"), title));
        f.push((field("kind"), selected(page, &field("kind"))));
        f.push((field("guidance"), textarea_value(page, &field("guidance")).unwrap_or_default()));
        f.push((field("budget_unit"), selected(page, &field("budget_unit"))));
        f.push((field("budget_limit"), input_value(page, &field("budget_limit")).unwrap_or_default()));
    }
    f
}

/// The selected option of `<select name="NAME">`.
fn selected(page: &str, name: &str) -> String {
    let start = page.find(&format!("<select name=\"{name}\"")).unwrap_or_else(|| panic!("no select {name}"));
    let select = &page[start..start + page[start..].find("</select>").unwrap()];
    let at = select.find(" selected").unwrap_or_else(|| panic!("nothing selected in {name}"));
    let open = select[..at].rfind("value=\"").unwrap() + "value=\"".len();
    select[open..open + select[open..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn errors_are_named_after_the_row_and_the_form_keeps_what_was_typed() {
    let w = world().await;
    let s = w.app.login(ADMIN).await;
    let (tid, mut fields) = open_editor(&s, &w.admin, "nine_section").await;
    set(&mut fields, "name", "Nine sections, our way");
    set(&mut fields, "sections[2].title", "  ");
    set(&mut fields, "sections[2].guidance", "Guidance typed for a section without a title");
    set(&mut fields, "sections[4].kind", "poem");
    let res = post(&s, &format!("/admin/templates/{tid}"), &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let row2 = crate::helpers::section(&page, "id=\"row-2\"", "</li>");
    assert!(row2.contains("name=\"sections[2].title\"") && row2.contains("aria-invalid=\"true\""), "{row2}");
    assert!(row2.contains("class=\"field-error\""), "the message is next to the row's title: {row2}");
    assert_eq!(textarea_value(&page, "sections[2].guidance").as_deref(), Some("Guidance typed for a section without a title"));
    let row4 = crate::helpers::section(&page, "id=\"row-4\"", "</li>");
    assert!(row4.contains("is not a section kind") || row4.contains("choose one of the section kinds"), "{row4}");
    assert_eq!(input_value(&page, "name").as_deref(), Some("Nine sections, our way"));
    let (_, t) = w.admin.get("/templates/nine_section").await;
    assert_eq!(t["name"], "Nine-section plan", "nothing was saved");

    // A new template with a blank name: the error is next to the name.
    let res = post(&s, "/admin/templates", &[("name".into(), " ".into()), ("sections[0].title".into(), "Goal".into())]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(crate::helpers::enclosing(&page, "name=\"name\"", "<label", "</label>").contains("field-error"));
    assert_eq!(input_value(&page, "sections[0].title").as_deref(), Some("Goal"));
}

#[tokio::test]
async fn a_stale_editor_form_is_refused_with_what_changed() {
    let w = world().await;
    let s = w.app.login(ADMIN).await;
    let (tid, mut mine) = open_editor(&s, &w.admin, "master_action").await;
    let (_, doc) = w.admin.get("/templates/master_action").await;
    let mut theirs = doc.clone();
    theirs["name"] = json!("Master plan (theirs)");
    assert_eq!(w.admin.post("/templates", theirs).await.1["outcome"], "new_version");
    set(&mut mine, "name", "Master plan (mine)");
    let res = post(&s, &format!("/admin/templates/{tid}"), &mine).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    assert!(page.contains("Someone else changed this"), "the conflict box");
    assert!(page.contains("Master plan (theirs)") && page.contains("Master plan (mine)"));
    // Saving the shown form again is a deliberate overwrite and makes version 3.
    let res = post(&s, &format!("/admin/templates/{tid}"), &editor_fields_from_page(&page)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, t) = w.admin.get("/templates/master_action").await;
    assert_eq!(t["name"], "Master plan (mine)");
    assert_eq!(w.admin.get("/templates/master_action/versions").await.1.as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn only_administrators_change_templates() {
    let w = world().await;
    w.app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let tid = template_id(&w.admin, "strategic").await;
    for email in [KAM, "max@acme.test"] {
        let s = w.app.login(email).await;
        let (status, page) = s.get("/admin/templates").await;
        assert_eq!(status, StatusCode::OK, "everyone signed in may look");
        assert!(page.contains("Strategic key account plan") && !page.contains("/retire"), "read-only for {email}");
        let (status, page) = s.get(&format!("/admin/templates/{tid}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("<fieldset class=\"plain\" disabled>"), "the editor is read-only for {email}");
        assert_eq!(s.get("/admin/templates/new").await.0, StatusCode::FORBIDDEN);
        assert!(!s.get("/accounts").await.1.contains("href=\"/admin/templates\""), "no Templates link in the navigation for {email}");
        for (path, fields) in [
            (format!("/admin/templates/{tid}"), vec![("version", "1"), ("name", "Mine")]),
            ("/admin/templates".to_string(), vec![("name", "Mine"), ("sections[0].title", "A")]),
            ("/admin/templates/import".to_string(), vec![("json", "{}")]),
            (format!("/admin/templates/{tid}/retire"), vec![("version", "1"), ("retired", "true")]),
            (format!("/admin/templates/{tid}/move"), vec![("direction", "down")]),
        ] {
            assert_eq!(s.post(&path, &fields).await.status(), StatusCode::FORBIDDEN, "POST {path} as {email}");
        }
        let api = w.app.api(email).await;
        assert_eq!(api.get("/templates").await.0, StatusCode::OK);
        let (_, doc) = api.get("/templates/strategic").await;
        assert_error(&api.post("/templates", doc.clone()).await, StatusCode::FORBIDDEN, "forbidden", None);
        assert_error(&api.call(Method::PUT, "/templates/strategic", Some(doc)).await, StatusCode::FORBIDDEN, "forbidden", None);
        assert_error(&api.post("/templates/strategic/retire", json!({})).await, StatusCode::FORBIDDEN, "forbidden", None);
    }
    let (_, t) = w.admin.get("/templates/strategic/versions").await;
    assert_eq!(t.as_array().unwrap().len(), 1, "nothing changed");
    let (_, page) = w.app.login(ADMIN).await.get("/accounts").await;
    assert!(page.contains("href=\"/admin/templates\""), "admins find Templates in the navigation");
}

#[tokio::test]
async fn the_new_plan_form_offers_the_current_templates() {
    let w = world().await;
    let s = w.app.login(KAM).await;
    let (_, page) = s.get(&format!("/accounts/{}", w.account)).await;
    let form = crate::helpers::section(&page, "id=\"new-plan\"", "</details>");
    assert!(form.contains(">New plan</summary>"));
    for key in ["one_page_constraint", "strategic", "nine_section", "master_action"] {
        assert!(form.contains(&format!("name=\"template\" value=\"{key}\"")), "{key} offered");
    }
    assert!(form.contains("value=\"one_page_constraint\" checked"), "the first template is chosen by default");
    assert!(form.contains("Strategic key account plan") && form.contains("14 sections · 4 pages"));

    // The chosen template is used; a failed form keeps the choice.
    let res = s.post(&format!("/accounts/{}/plans", w.account), &[("template", "nine_section"), ("title", "")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("value=\"nine_section\" checked") && !page.contains("value=\"one_page_constraint\" checked"));
    let res = s.post(&format!("/accounts/{}/plans", w.account), &[("template", "nine_section"), ("title", "Nine for Globex")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let plan: i64 = location(&res).trim_start_matches("/plans/").parse().unwrap();
    let (_, v) = w.kam.get(&format!("/plans/{plan}")).await;
    assert_eq!((v["template"].as_str(), v["template_ref"]["version"].as_i64()), (Some("nine_section"), Some(1)));
}

#[tokio::test]
async fn a_retired_template_is_not_offered_and_new_plans_cannot_use_it() {
    let w = world().await;
    let kept = plan_from(&w.kam, w.account, "Made before retiring", "nine_section").await;
    let admin = w.app.login(ADMIN).await;
    let tid = template_id(&w.admin, "nine_section").await;
    let (_, page) = admin.get("/admin/templates").await;
    // The row's retire form carries the template's version (the first one after the row starts).
    let row = crate::helpers::section(&page, &format!("id=\"template-{tid}\""), "</ol>");
    let version = hidden_value(row, "version").unwrap();
    let res = admin.post(&format!("/admin/templates/{tid}/retire"), &[("version", version.as_str()), ("retired", "true")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = admin.get("/admin/templates").await;
    assert!(crate::helpers::section(&page, &format!("id=\"template-{tid}\""), "</ul>").contains("Retired"));

    let (_, page) = w.app.login(KAM).await.get(&format!("/accounts/{}", w.account)).await;
    assert!(!page.contains("value=\"nine_section\""), "a retired template is not offered");
    assert!(page.contains("value=\"strategic\""));
    assert_error(
        &w.kam.post(&format!("/accounts/{}/plans", w.account), json!({"title": "X", "template": "nine_section"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("template"),
    );
    assert_error(
        &w.kam.post(&format!("/accounts/{}/plans", w.account), json!({"title": "X", "template": "no-such-template"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("template"),
    );
    let (s, v) = w.kam.get(&format!("/plans/{kept}")).await;
    assert_eq!((s, v["template"].as_str()), (StatusCode::OK, Some("nine_section")), "plans made from it keep it");

    // Restored through the API, it is offered again; the last current template cannot be retired.
    let (s, v) = w.admin.post("/templates/nine_section/restore", json!({})).await;
    assert_eq!((s, v["retired"].as_bool()), (StatusCode::OK, Some(false)), "{v}");
    plan_from(&w.kam, w.account, "After restoring", "nine_section").await;
    for key in ["one_page_constraint", "strategic", "nine_section"] {
        assert_eq!(w.admin.post(&format!("/templates/{key}/retire"), json!({})).await.0, StatusCode::OK);
    }
    assert_error(&w.admin.post("/templates/master_action/retire", json!({})).await, StatusCode::CONFLICT, "invalid_state", None);
}

#[tokio::test]
async fn template_files_round_trip_through_the_api_and_the_pages() {
    let w = world().await;
    let (s, original) = w.admin.get("/templates/strategic").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!((original["format"].as_str(), original["format_version"].as_i64()), (Some("keyplan-template"), Some(1)));

    // The page's export is the same file, as a download.
    let session = w.app.login(ADMIN).await;
    let tid = template_id(&w.admin, "strategic").await;
    let res = session.client.get(format!("{}/admin/templates/{tid}/export", session.base)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment") && disposition.contains("strategic-v1.json"), "{disposition}");
    let exported: Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    assert_eq!(exported, original);

    // Importing it unchanged changes nothing; a modified file is the next version.
    let (s, v) = w.admin.post("/templates", original.clone()).await;
    assert_eq!((s, v["outcome"].as_str(), v["template"]["current_version"].as_i64()), (StatusCode::OK, Some("unchanged"), Some(1)));
    let mut changed = original.clone();
    changed["sections"][1]["title"] = json!("What the customer wants this year");
    let (s, v) = w.admin.post("/templates", changed.clone()).await;
    assert_eq!((s, v["outcome"].as_str(), v["template"]["current_version"].as_i64()), (StatusCode::OK, Some("new_version"), Some(2)));
    assert_eq!(w.admin.get("/templates/strategic").await.1, changed);
    assert_eq!(w.admin.get("/templates/strategic/versions/1").await.1, original, "older versions stay readable");
    assert_eq!(w.admin.get("/templates/strategic/versions/9").await.0, StatusCode::NOT_FOUND);

    // A new key creates a template.
    let mut new = original.clone();
    new["key"] = json!("strategic-lite");
    new["name"] = json!("Strategic, lite");
    let (s, v) = w.admin.post("/templates", new).await;
    assert_eq!((s, v["outcome"].as_str()), (StatusCode::CREATED, Some("created")), "{v}");

    // Bad files name the field; text that is not JSON is a bad request.
    let mut bad = original.clone();
    bad["sections"][1]["kind"] = json!("poem");
    assert_error(&w.admin.post("/templates", bad).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("sections[1].kind"));
    let mut bad = original.clone();
    bad["sections"][2]["title"] = json!("");
    assert_error(&w.admin.post("/templates", bad).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("sections[2].title"));
    let mut bad = original.clone();
    bad["format"] = json!("keyplan-plan");
    assert_error(&w.admin.post("/templates", bad).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("format"));
    let res = w
        .admin
        .client
        .post(format!("{}/api/v1/templates", w.admin.base))
        .bearer_auth(&w.admin.token)
        .header("content-type", "application/json")
        .body("{\"format\": \"keyplan-template\",")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: Value = res.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("not valid JSON"), "{body}");

    // PUT saves content for the key in the URL, refusing a stale version.
    let (_, list) = w.admin.get("/templates").await;
    let version = list.as_array().unwrap().iter().find(|t| t["key"] == "strategic").unwrap()["version"].clone();
    let mut put = changed.clone();
    put["name"] = json!("Strategic (put)");
    put["version"] = json!(version.as_i64().unwrap() - 1);
    let got = w.admin.call(Method::PUT, "/templates/strategic", Some(put.clone())).await;
    assert_error(&got, StatusCode::CONFLICT, "conflict", None);
    put["version"] = version;
    let (s, v) = w.admin.call(Method::PUT, "/templates/strategic", Some(put.clone())).await;
    assert_eq!(
        (s, v["outcome"].as_str(), v["template"]["current_version"].as_i64()),
        (StatusCode::OK, Some("new_version"), Some(3)),
        "{v}"
    );
    put["key"] = json!("other");
    assert_error(
        &w.admin.call(Method::PUT, "/templates/strategic", Some(put)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("key"),
    );
    assert_eq!(w.admin.call(Method::PUT, "/templates/nope", Some(changed)).await.0, StatusCode::NOT_FOUND);

    // The page import: pasted JSON, with the problems shown and the text kept.
    let mut file = original.clone();
    file["key"] = json!("pasted");
    let text = serde_json::to_string_pretty(&file).unwrap();
    let res = session.post("/admin/templates/import", &[("json", text.as_str())]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = session.get(&location(&res)).await;
    assert!(page.contains("as a new template (version 1)"), "flash after importing");
    let res = session.post("/admin/templates/import", &[("json", "{\"format\": ")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("Nothing was imported") && page.contains("not valid JSON"));
    assert_eq!(textarea_value(&page, "json").as_deref(), Some("{&#34;format&#34;: "), "the pasted text is kept");
}

#[tokio::test]
async fn new_templates_start_empty_or_as_a_copy() {
    let w = world().await;
    let s = w.app.login(ADMIN).await;
    let tid = template_id(&w.admin, "one_page_constraint").await;
    let (status, page) = s.get(&format!("/admin/templates/new?copy={tid}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(input_value(&page, "name").as_deref(), Some("Copy of One-page constraint plan"));
    let mut fields = editor_fields_from_page(&page);
    set(&mut fields, "name", "Weekly constraint plan");
    let res = post(&s, "/admin/templates", &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, t) = w.admin.get("/templates/weekly-constraint-plan").await;
    assert_eq!(t["sections"].as_array().unwrap().len(), 2, "{t}");
    let (_, list) = w.admin.get("/templates").await;
    assert_eq!(list.as_array().unwrap().last().unwrap()["key"], "weekly-constraint-plan", "new templates go to the end");

    // Move it to the top of the list.
    let new_id = template_id(&w.admin, "weekly-constraint-plan").await;
    for _ in 0..4 {
        assert_eq!(s.post(&format!("/admin/templates/{new_id}/move"), &[("direction", "up")]).await.status(), StatusCode::SEE_OTHER);
    }
    let (_, list) = w.admin.get("/templates").await;
    assert_eq!(list[0]["key"], "weekly-constraint-plan");
    let (_, page) = w.app.login(KAM).await.get(&format!("/accounts/{}", w.account)).await;
    assert!(page.contains("value=\"weekly-constraint-plan\" checked"), "the first template is the default choice");
}

#[tokio::test]
async fn templates_belong_to_their_organisation() {
    let w = world().await;
    w.app.user(OTHER_ORG, "bo@borealis.test", "Bo Admin", Role::Admin).await;
    let other = w.app.api("bo@borealis.test").await;
    let mut doc = w.admin.get("/templates/strategic").await.1;
    doc["key"] = json!("acme-only");
    assert_eq!(w.admin.post("/templates", doc).await.0, StatusCode::CREATED);
    let acme_id = template_id(&w.admin, "acme-only").await;
    assert_eq!(other.get("/templates/acme-only").await.0, StatusCode::NOT_FOUND);
    assert_eq!(other.post("/templates/acme-only/retire", json!({})).await.0, StatusCode::NOT_FOUND);
    let s = w.app.login("bo@borealis.test").await;
    assert_eq!(s.get(&format!("/admin/templates/{acme_id}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        s.post(&format!("/admin/templates/{acme_id}/retire"), &[("version", "1"), ("retired", "true")]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(other.get("/templates").await.1.as_array().unwrap().len(), 4, "the other organisation has its own built-ins");
}

#[tokio::test]
async fn template_forms_and_calls_need_the_csrf_token() {
    let w = world().await;
    let s = w.app.login(ADMIN).await;
    let tid = template_id(&w.admin, "strategic").await;
    for (path, fields) in [
        (format!("/admin/templates/{tid}"), vec![("version", "1"), ("name", "No token")]),
        ("/admin/templates/import".to_string(), vec![("json", "{}")]),
        (format!("/admin/templates/{tid}/retire"), vec![("version", "1"), ("retired", "true")]),
    ] {
        assert_eq!(s.post_raw(&path, &fields).await.status(), StatusCode::FORBIDDEN, "POST {path} without _csrf");
    }
    let (_, doc) = w.admin.get("/templates/strategic").await;
    let got = s.api(Method::POST, "/templates", Some(doc.clone()), false).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    let (status, v) = s.api(Method::POST, "/templates", Some(doc), true).await;
    assert_eq!((status, v["outcome"].as_str()), (StatusCode::OK, Some("unchanged")), "with the header it works");
    assert_eq!(w.admin.get("/templates/strategic/versions").await.1.as_array().unwrap().len(), 1);
}
