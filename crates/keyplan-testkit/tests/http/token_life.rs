//! API tokens end with the access they stand for: a password reset or a
//! deactivation revokes every token of the user, and reactivating the user
//! does not bring an old token back.

use keyplan_domain::Role;
use reqwest::StatusCode;

use crate::helpers::{ORG, planned};

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
