//! API tokens end with the access they stand for: a password reset or a
//! deactivation revokes every token of the user, and reactivating the user
//! does not bring an old token back. Tokens are made, listed and revoked
//! through the API and the *API tokens* page, each with its own life.

use keyplan_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;

use crate::helpers::{ORG, assert_error, planned};

#[tokio::test]
async fn a_password_reset_or_a_deactivation_revokes_the_users_tokens() {
    let p = planned().await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let ada = p.app.login("ada@acme.test").await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;

    // A password reset: the token stops working at once.
    let mel_api = p.app.api("mel@acme.test").await;
    assert_eq!(mel_api.get("/me").await.0, StatusCode::OK);
    let res = ada.post(&format!("/admin/users/{}/password", mel.id.get()), &[("password", "a new long password")]).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(mel_api.get("/me").await.0, StatusCode::UNAUTHORIZED, "the token was revoked by the reset");
    assert_eq!(p.api.get("/me").await.0, StatusCode::OK, "other users' tokens stay");

    // A deactivation: revoked, and reactivating does not bring it back.
    let mel_api = p.app.api("mel@acme.test").await;
    assert_eq!(mel_api.get("/me").await.0, StatusCode::OK);
    let version = p.app.store.user_by_email("mel@acme.test").await.unwrap().unwrap().version.to_string();
    let res =
        ada.post(&format!("/admin/users/{}", mel.id.get()), &[("version", &version), ("name", "Mel Member"), ("role", "member")]).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(mel_api.get("/me").await.0, StatusCode::UNAUTHORIZED);
    let version = p.app.store.user_by_email("mel@acme.test").await.unwrap().unwrap().version.to_string();
    let res = ada
        .post(
            &format!("/admin/users/{}", mel.id.get()),
            &[("version", &version), ("name", "Mel Member"), ("role", "member"), ("active", "on")],
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert!(p.app.store.user_by_email("mel@acme.test").await.unwrap().unwrap().active, "active again");
    assert_eq!(mel_api.get("/me").await.0, StatusCode::UNAUTHORIZED, "an old token stays revoked");
}

fn with_token(api: &keyplan_testkit::Api, token: &str) -> keyplan_testkit::Api {
    keyplan_testkit::Api { client: api.client.clone(), token: token.to_string(), base: api.base.clone() }
}

#[tokio::test]
async fn tokens_are_made_listed_and_revoked_through_the_api() {
    let p = planned().await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let ada = p.app.api("ada@acme.test").await;
    p.app.user(crate::helpers::OTHER_ORG, "zed@borealis.test", "Zed Other", Role::Admin).await;
    let zed = p.app.api("zed@borealis.test").await;

    // Made with the organisation's default life (90 days), with none, with 7 days.
    let (s, made) = p.api.post("/tokens", json!({"name": "CRM sync"})).await;
    assert_eq!(s, StatusCode::CREATED, "{made}");
    let secret = made["token"].as_str().expect("the secret, this once").to_string();
    assert!(secret.starts_with("kp_"));
    let expires = time::OffsetDateTime::parse(made["expires_at"].as_str().unwrap(), &Rfc3339).unwrap();
    let hours = (expires - time::OffsetDateTime::now_utc()).whole_hours();
    assert!((89 * 24..=90 * 24).contains(&hours), "the default: 90 days, got {hours} hours");
    let (s, never) = p.api.post("/tokens", json!({"name": "Report", "expires_in_days": null})).await;
    assert_eq!((s, &never["expires_at"]), (StatusCode::CREATED, &Value::Null));
    let (s, week) = p.api.post("/tokens", json!({"name": "Week", "expires_in_days": 7})).await;
    assert_eq!(s, StatusCode::CREATED, "{week}");

    // Bad input names the field; nothing is made.
    assert_error(&p.api.post("/tokens", json!({"name": " "})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("name"));
    for bad in [json!(0), json!(3651), json!("soon"), json!(-1)] {
        let got = p.api.post("/tokens", json!({"name": "x", "expires_in_days": bad})).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("expires_in_days"));
    }
    assert_error(
        &p.api.post("/tokens", json!({"name": "x", "scope": "all"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("scope"),
    );

    // The new token works and its use is noted; the list never shows a secret.
    let sync = with_token(&p.api, &secret);
    assert_eq!(sync.get("/me").await.0, StatusCode::OK);
    let (s, mine) = p.api.get("/tokens").await;
    assert_eq!(s, StatusCode::OK);
    let names: Vec<&str> = mine.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"CRM sync") && names.contains(&"Report") && names.contains(&"Week"), "{names:?}");
    assert!(mine.as_array().unwrap().iter().all(|t| t.get("token").is_none()), "no secret in a list");
    let crm = mine.as_array().unwrap().iter().find(|t| t["name"] == "CRM sync").unwrap();
    assert!(crm["last_used_at"].is_string(), "use is noted: {crm}");

    // Only administrators list everyone's; nobody else revokes another's.
    assert_eq!(p.api.get("/tokens?all=true").await.0, StatusCode::FORBIDDEN);
    let (s, all) = ada.get("/tokens?all=true").await;
    assert_eq!(s, StatusCode::OK);
    assert!(all.as_array().unwrap().iter().any(|t| t["name"] == "CRM sync" && t["user_email"] == "kim@acme.test"));
    let id = made["id"].as_i64().unwrap();
    let mel = {
        p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
        p.app.api("mel@acme.test").await
    };
    assert_eq!(mel.delete(&format!("/tokens/{id}")).await.0, StatusCode::NOT_FOUND, "another's token is not found");
    assert_eq!(zed.delete(&format!("/tokens/{id}")).await.0, StatusCode::NOT_FOUND, "another organisation's admin");
    assert_eq!(sync.get("/me").await.0, StatusCode::OK, "still works");

    // The owner revokes one; an administrator revokes another.
    let (s, revoked) = p.api.delete(&format!("/tokens/{id}")).await;
    assert_eq!((s, revoked["state"].as_str()), (StatusCode::OK, Some("revoked")), "{revoked}");
    assert_eq!(sync.get("/me").await.0, StatusCode::UNAUTHORIZED);
    for public in ["/openapi.json", "/schema/plan.json"] {
        assert_eq!(sync.get(public).await.0, StatusCode::OK, "{public} answers whatever token is sent");
    }
    let (s, again) = p.api.delete(&format!("/tokens/{id}")).await;
    assert_eq!((s, &again["revoked_at"]), (StatusCode::OK, &revoked["revoked_at"]), "again: unchanged");
    let week_id = week["id"].as_i64().unwrap();
    assert_eq!(ada.delete(&format!("/tokens/{week_id}")).await.0, StatusCode::OK);
    assert_eq!(p.api.get("/tokens").await.1.as_array().unwrap().iter().find(|t| t["id"] == week_id).unwrap()["state"], "revoked");

    // The organisation's default: no expiry.
    let (s, _) = ada.patch("/organisation/settings", json!({"api_token_days": null})).await;
    assert_eq!(s, StatusCode::OK);
    let (_, open) = p.api.post("/tokens", json!({"name": "Open-ended"})).await;
    assert_eq!(open["expires_at"], Value::Null, "{open}");
}

#[tokio::test]
async fn the_tokens_page_makes_shows_once_and_revokes() {
    let p = planned().await;
    let kim = p.app.login("kim@acme.test").await;
    let (s, html) = kim.get("/me/tokens").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("90 days"), "the organisation's default is offered");
    let res = kim.post("/me/tokens", &[("name", "Spreadsheet <sync>"), ("life", "30")]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let html = res.text().await.unwrap();
    let at = html.find("id=\"new-token\"").expect("the secret is shown once");
    let secret: String = html[at..].split("value=\"").nth(1).unwrap().chars().take_while(|c| *c != '"').collect();
    assert!(secret.starts_with("kp_"));
    assert!(crate::helpers::named_entities(&html).contains("Spreadsheet &lt;sync&gt;") && !html.contains("Spreadsheet <sync>"), "escaped");
    let (_, again) = kim.get("/me/tokens").await;
    assert!(!again.contains(&secret), "shown only once");
    assert!(with_token(&p.api, &secret).get("/me").await.0 == StatusCode::OK);

    let res = kim.post("/me/tokens", &[("name", ""), ("life", "0")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.matches("field-error").count() >= 2, "both fields named");

    let id = p.app.store.list_api_tokens(None, Some(p.kam.id)).await.unwrap().iter().find(|t| t.name == "Spreadsheet <sync>").unwrap().id;
    let res = kim.post(&format!("/me/tokens/{}/revoke", id.get()), &[]).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(with_token(&p.api, &secret).get("/me").await.0, StatusCode::UNAUTHORIZED);
    let (_, html) = kim.get("/me/tokens").await;
    assert!(html.contains("revoked"));

    // Another member cannot revoke Kim's token through the page either.
    p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let mel = p.app.login("mel@acme.test").await;
    let other = p.app.store.list_api_tokens(None, Some(p.kam.id)).await.unwrap()[0].id;
    let res = mel.post(&format!("/me/tokens/{}/revoke", other.get()), &[]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
