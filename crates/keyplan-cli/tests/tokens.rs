//! `keyplan token create|list|revoke` as an operator meets them: a token made
//! with a life shows it in the list, a revoked one stops opening the store's
//! lookup, and mistakes are one clear line with a non-zero exit.

#[allow(dead_code)]
mod common;

use std::process::Output;

use common::{TempDb, keyplan};

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn tokens_are_made_listed_and_revoked_from_the_command_line() {
    let db = TempDb::new("kp-tokens");
    let url = db.url();
    for (email, name) in [("kim@example.com", "Kim Kam"), ("lu@example.com", "Lu Kam")] {
        let o = keyplan(
            &["user", "add", "--email", email, "--name", name, "--role", "kam", "--org", "Acme", "--db", &url],
            "long-password-1\n",
        );
        assert!(o.status.success(), "{}", err(&o));
    }
    let make = |email: &str, name: &str, days: &str| {
        let o = keyplan(&["token", "create", "--email", email, "--name", name, "--expires-in-days", days, "--db", &url], "");
        assert!(o.status.success(), "{}", err(&o));
        out(&o).trim_end().lines().last().expect("token line").to_string()
    };
    let sync = make("kim@example.com", "CRM sync", "30");
    let _forever = make("kim@example.com", "Nightly report", "never");
    let _lu = make("lu@example.com", "Lu's script", "7");

    let o = keyplan(&["token", "list", "--email", "kim@example.com", "--json", "--db", &url], "");
    assert!(o.status.success(), "{}", err(&o));
    let list: serde_json::Value = serde_json::from_str(&out(&o)).expect("JSON");
    let list = list.as_array().expect("a list");
    assert_eq!(list.len(), 2, "only Kim's: {list:?}");
    assert!(!out(&o).contains(&sync), "never the secret");
    let crm = list.iter().find(|t| t["name"] == "CRM sync").expect("CRM sync listed");
    assert_eq!(crm["state"], "live");
    let expires = time::OffsetDateTime::parse(crm["expires_at"].as_str().unwrap(), &time::format_description::well_known::Rfc3339).unwrap();
    let days = (expires - time::OffsetDateTime::now_utc()).whole_hours();
    assert!((29 * 24..=30 * 24).contains(&days), "30 days ahead, got {days} hours");
    assert!(list.iter().any(|t| t["name"] == "Nightly report" && t["expires_at"].is_null()));

    let o = keyplan(&["token", "list", "--db", &url], "");
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o).lines().count(), 3, "every organisation's tokens, one line each: {}", out(&o));
    assert!(out(&o).contains("lu@example.com"));

    let id = crm["id"].as_i64().unwrap().to_string();
    let o = keyplan(&["token", "revoke", &id, "--db", &url], "");
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("CRM sync"), "{}", out(&o));
    let o = keyplan(&["token", "list", "--email", "kim@example.com", "--json", "--db", &url], "");
    let list: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().iter().find(|t| t["name"] == "CRM sync").unwrap()["state"], "revoked");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = keyplan_store::Store::connect(&url).await.expect("open");
        assert!(store.token_user(&keyplan_app::auth::token_hash(&sync)).await.unwrap().is_none(), "revoked: opens nothing");
        store.close().await;
    });

    for (args, says) in [
        (vec!["token", "revoke", "9999"], "no API token with id 9999"),
        (vec!["token", "create", "--email", "kim@example.com", "--expires-in-days", "0"], "--expires-in-days"),
        (vec!["token", "list", "--email", "nobody@example.com"], "nobody@example.com"),
    ] {
        let mut args = args;
        args.extend(["--db", &url]);
        let o = keyplan(&args, "");
        assert!(!o.status.success(), "{args:?} should fail");
        assert_eq!(err(&o).trim_end().lines().count(), 1, "one line: {}", err(&o));
        assert!(err(&o).contains(says), "{} should say {says}", err(&o));
    }
}
