//! Roles: viewers read, members edit plans of their teams' accounts, KAMs their
//! own accounts, managers everything, admins also users.

use keyplan_domain::Role;
use keyplan_testkit::{PASSWORD, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{ORG, account_count, assert_error, contact_count, node_count, planned};

#[tokio::test]
async fn viewers_read_but_change_nothing() {
    let p = planned().await;
    p.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let api = p.app.api("vic@acme.test").await;
    assert_eq!(api.get("/accounts").await.1.as_array().unwrap().len(), 1);
    assert_eq!(api.get(&format!("/plans/{}", p.plan)).await.0, StatusCode::OK);

    assert_error(&api.post("/accounts", json!({"name": "Viewer Ltd"})).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(
        &api.patch(&format!("/accounts/{}", p.account), json!({"name": "X", "version": 1})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(
        &api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Dana"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(
        &api.post(&format!("/plans/{}/nodes", p.plan), json!({"kind": "goal", "title": "G"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(&api.delete(&format!("/plans/{}", p.plan)).await, StatusCode::FORBIDDEN, "forbidden", None);

    let s = p.app.login("vic@acme.test").await;
    let (status, page) = s.get("/accounts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("method=\"post\" action=\"/accounts\""), "no new-account form for viewers");
    let (status, page) = s.get(&format!("/accounts/{}", p.account)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains(&format!("action=\"/accounts/{}/contacts\"", p.account)), "no contact form for viewers");
    let (_, page) = s.get(&format!("/plans/{}", p.plan)).await;
    assert!(!page.contains(&format!("action=\"/plans/{}/nodes\"", p.plan)), "no node forms for viewers");

    let goal = p.tree[0].to_string();
    for (path, fields) in [
        ("/accounts".to_string(), vec![("name", "Viewer Ltd")]),
        (format!("/accounts/{}/contacts", p.account), vec![("name", "Dana")]),
        (format!("/plans/{}/nodes", p.plan), vec![("kind", "csf"), ("parent_id", goal.as_str()), ("title", "F")]),
        (format!("/nodes/{}/delete", p.tree[3]), vec![]),
    ] {
        let res = s.post(&path, &fields).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "POST {path}");
    }
    assert_eq!(account_count(&p.app, ORG).await, 1);
    assert_eq!(contact_count(&p.app, ORG, p.account).await, 0);
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 4);
}

#[tokio::test]
async fn members_edit_plans_only_once_on_the_team() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let api = p.app.api("mel@acme.test").await;
    let csf = json!({"kind": "condition", "parent_id": p.tree[1], "title": "Samples approved"});
    assert_error(&api.post(&format!("/plans/{}/nodes", p.plan), csf.clone()).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(
        &api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Dana"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    assert_error(&api.post("/accounts", json!({"name": "Member Ltd"})).await, StatusCode::FORBIDDEN, "forbidden", None);
    let s = p.app.login("mel@acme.test").await;
    let parent = p.tree[1].to_string();
    let res = s
        .post(&format!("/plans/{}/nodes", p.plan), &[("kind", "condition"), ("parent_id", parent.as_str()), ("title", "Form condition")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 4);

    // Members cannot put themselves on the team.
    let got = api.call(Method::PUT, &format!("/accounts/{}/team/{}", p.account, mel.id), Some(json!({"function": "Service"}))).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
    // The KAM must name a function.
    let got = p.api.call(Method::PUT, &format!("/accounts/{}/team/{}", p.account, mel.id), Some(json!({}))).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("function"));
    let (status, team) =
        p.api.call(Method::PUT, &format!("/accounts/{}/team/{}", p.account, mel.id), Some(json!({"function": "Service"}))).await;
    assert_eq!(status, StatusCode::OK, "{team}");
    assert!(team.as_array().unwrap().iter().any(|m| m["user_id"] == mel.id.get() && m["function"] == "Service"), "{team}");

    let (status, node) = api.post(&format!("/plans/{}/nodes", p.plan), csf).await;
    assert_eq!(status, StatusCode::CREATED, "{node}");
    let res = s
        .post(&format!("/plans/{}/nodes", p.plan), &[("kind", "condition"), ("parent_id", parent.as_str()), ("title", "Form condition")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, _) = api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Dana"})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 6);
    // The account's master data stays with the KAM.
    assert_error(
        &api.patch(&format!("/accounts/{}", p.account), json!({"name": "X", "version": 1})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );

    // Off the team again, the right goes with it.
    let (status, _) = p.api.call(Method::DELETE, &format!("/accounts/{}/team/{}", p.account, mel.id), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let got = api.post(&format!("/plans/{}/nodes", p.plan), json!({"kind": "condition", "parent_id": p.tree[1], "title": "Late"})).await;
    assert_error(&got, StatusCode::FORBIDDEN, "forbidden", None);
}

#[tokio::test]
async fn kams_edit_their_own_accounts_managers_all() {
    let p = planned().await;
    p.app.user(ORG, "kai@acme.test", "Kai Kowalski", Role::Kam).await;
    p.app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let kai = p.app.api("kai@acme.test").await;
    let max = p.app.api("max@acme.test").await;
    let path = format!("/accounts/{}", p.account);

    assert_error(&kai.patch(&path, json!({"name": "Kai's now", "version": 1})).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(&kai.delete(&path).await, StatusCode::FORBIDDEN, "forbidden", None);
    assert_error(
        &kai.post(&format!("/plans/{}/nodes", p.plan), json!({"kind": "goal", "title": "G"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        None,
    );
    let s = p.app.login("kai@acme.test").await;
    let res = s.post(&path, &[("version", "1"), ("name", "Kai's now")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (_, stored) = p.api.get(&path).await;
    assert_eq!((stored["name"].as_str(), stored["version"].as_i64()), (Some("Globex Chemicals"), Some(1)));

    // A KAM's new account is their own.
    let (status, own) = kai.post("/accounts", json!({"name": "Kai Account"})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(own["owner_id"], kai.get("/me").await.1["id"]);

    let (status, changed) = max.patch(&path, json!({"name": "Globex Chemicals AG", "version": 1})).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    let (_, stored) = p.api.get(&path).await;
    assert_eq!((stored["name"].as_str(), stored["version"].as_i64()), (Some("Globex Chemicals AG"), Some(2)));
    let (status, _) = max.post(&format!("/plans/{}/nodes", p.plan), json!({"kind": "goal", "title": "Second goal"})).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn only_managers_approve_plans() {
    let p = planned().await;
    p.app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let path = format!("/plans/{}", p.plan);
    let got = p.api.patch(&path, json!({"status": "approved", "version": 1})).await;
    assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("status"));
    assert_eq!(p.api.get(&path).await.1["status"], "draft");
    let max = p.app.api("max@acme.test").await;
    let (status, plan) = max.patch(&path, json!({"status": "approved", "version": 1})).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(p.api.get(&path).await.1["status"], "approved");
}

#[tokio::test]
async fn only_admins_manage_users() {
    let app = TestApp::spawn().await;
    let roles = [
        ("ada@acme.test", Role::Admin),
        ("max@acme.test", Role::Manager),
        ("kim@acme.test", Role::Kam),
        ("mel@acme.test", Role::Member),
        ("vic@acme.test", Role::Viewer),
    ];
    for (email, role) in roles {
        app.user(ORG, email, &format!("User {}", role.as_str()), role).await;
    }
    for (email, role) in &roles[1..] {
        let s = app.login(email).await;
        let (status, page) = s.get("/admin/users").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role} opens /admin/users");
        assert!(!page.contains("ada@acme.test"), "no user list for {role}");
        let res = s
            .post("/admin/users", &[("name", "Eve Extra"), ("email", "eve@acme.test"), ("role", "admin"), ("password", "long enough pw")])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{role} adds a user");
        let (_, accounts) = s.get("/accounts").await;
        assert!(!accounts.contains("href=\"/admin/users\""), "no admin link for {role}");
    }
    assert!(app.store.user_by_email("eve@acme.test").await.unwrap().is_none());

    let admin = app.login("ada@acme.test").await;
    let (status, page) = admin.get("/admin/users").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("mel@acme.test") && page.contains("vic@acme.test"));

    // Bad input is shown, not stored.
    let res = admin
        .post("/admin/users", &[("name", "Eve Extra"), ("email", "not-an-address"), ("role", "kam"), ("password", "long enough pw")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("must be an e-mail address"), "{page}");
    assert!(page.contains("value=\"Eve Extra\""), "typed name kept");
    let res =
        admin.post("/admin/users", &[("name", "Dup"), ("email", "mel@acme.test"), ("role", "kam"), ("password", "long enough pw")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "e-mail already used");

    let res = admin
        .post("/admin/users", &[("name", "Eve Extra"), ("email", "Eve@Acme.test"), ("role", "kam"), ("password", "long enough pw")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let eve = app.store.user_by_email("eve@acme.test").await.unwrap().expect("stored");
    assert_eq!((eve.name.as_str(), eve.role()), ("Eve Extra", Role::Kam));
    assert!(app.try_login("eve@acme.test", PASSWORD).await.is_err(), "only with her own password");
    let s = app.try_login("eve@acme.test", "long enough pw").await.expect("the new user signs in");
    let (_, me) = s.api(Method::GET, "/me", None, false).await;
    assert_eq!(me["role"], "kam");
}
