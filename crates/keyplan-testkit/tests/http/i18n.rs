//! English and German: the language follows the user's setting, else the
//! browser's `Accept-Language`; German pages show German texts, dates and
//! numbers and none of the English interface texts they replace.

use keyplan_domain::Role;
use keyplan_testkit::{Session, TestApp, location};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{GERMAN, ORG, assert_error, commitment, has_all, has_none, page_in, planned};

const MEL: &str = "mel@acme.test";

/// A GET with an `Accept-Language` header (none when `lang` is empty).
async fn get_in(client: &reqwest::Client, url: &str, lang: &str) -> (StatusCode, String) {
    let mut req = client.get(url);
    if !lang.is_empty() {
        req = req.header("accept-language", lang);
    }
    let res = req.send().await.expect("GET");
    let status = res.status();
    (status, res.text().await.unwrap_or_default())
}

/// Mel, a team member, with a commitment Kim proposed to her (due 31 March 2027).
async fn mel_with_a_proposal() -> (crate::helpers::Planned, Session, i64) {
    let p = planned().await;
    let mel = p.app.user(ORG, MEL, "Mel Member", Role::Member).await;
    let c = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Run a line trial", "2027-03-31").await;
    let session = p.app.login(MEL).await;
    (p, session, crate::helpers::id(&c))
}

#[tokio::test]
async fn accept_language_german_translates_the_pages() {
    let (p, mel, _) = mel_with_a_proposal().await;

    let accounts = page_in(&mel, "/accounts", GERMAN).await;
    has_all(
        &accounts,
        "accounts",
        &["<html lang=\"de\">", "Meine Zusagen", "Abmelden", "Benachrichtigungen", "Wachstumspotenzial", "Lieferanteil", "Plan öffnen"],
    );
    has_none(
        &accounts,
        "accounts",
        &[
            "My commitments",
            "Sign out",
            ">Notifications<",
            "Growth potential",
            "Share of wallet",
            "Open plan",
            "Search accounts",
            "plans belong to",
        ],
    );

    let account = page_in(&mel, &format!("/accounts/{}", p.account), GERMAN).await;
    has_all(
        &account,
        "account",
        &["Account-Team", "Buying Center", "Pläne</h2>", "Unser Umsatz", "Noch keine Kontakte", "von 1 Zusagen angenommen"],
    );
    has_none(
        &account,
        "account",
        &["Account team", "Buying centre", "Plans</h2>", "Our revenue", "No contacts yet", "commitments accepted", "Whitespace matrix"],
    );

    let mine = page_in(&mel, "/me/commitments", GERMAN).await;
    has_all(
        &mine,
        "mine",
        &["<h1>Meine Zusagen</h1>", "Wartet auf Ihre Antwort", "Annehmen", "angefragt von Kim Kamara", "fällig am 31. März 2027"],
    );
    has_none(&mine, "mine", &["Waiting for your answer", ">Accept<", "Decline…", "asked by", "31 Mar 2027", "Propose another date"]);

    let notes = page_in(&mel, "/me/notifications", GERMAN).await;
    has_all(
        &notes,
        "notifications",
        &["<h1>Benachrichtigungen</h1>", "Ihnen vorgeschlagen", "Öffnen", "Alle als gelesen markieren", "1 ungelesen"],
    );
    has_none(&notes, "notifications", &["Mark all read", "Proposed to you", "Unread first", ">Open<", "1 unread"]);

    // The same pages without the header stay English.
    let english = page_in(&mel, "/me/commitments", "").await;
    has_all(&english, "english", &["<html lang=\"en\">", "Waiting for your answer", "due 31 Mar 2027", "asked by Kim Kamara"]);
}

#[tokio::test]
async fn german_flash_messages_and_field_errors() {
    let (p, mel, id) = mel_with_a_proposal().await;
    let kim = p.app.login("kim@acme.test").await;
    // A new account with a too long name: the field error is German.
    let long = "x".repeat(201);
    let res = kim
        .client
        .post(format!("{}/accounts", kim.base))
        .header("accept-language", "de")
        .form(&[("_csrf", kim.csrf.as_str()), ("name", long.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("darf höchstens 200 Zeichen lang sein"), "German field error");
    assert!(!body.contains("must be at most"), "English field error left");

    // Declining without a reason, then with one: German error, then German flash.
    let post = |fields: Vec<(&'static str, String)>| {
        let mut form = vec![("_csrf", mel.csrf.clone())];
        form.extend(fields);
        mel.client.post(format!("{}/commitments/{id}/respond", mel.base)).header("accept-language", "de").form(&form).send()
    };
    let res = post(vec![("action", "decline".into()), ("reason", " ".into())]).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("darf nicht leer sein"));
    let res = post(vec![("action", "accept".into())]).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let after = page_in(&mel, "/me/commitments", "de").await;
    assert!(after.contains("Angenommen. Die Zusage ist jetzt Teil des Plans."), "German flash");
    assert!(after.contains("Angenommen – in Arbeit"));
}

#[tokio::test]
async fn the_users_choice_wins_over_the_browser_and_automatic_clears_it() {
    let (p, mel, _) = mel_with_a_proposal().await;
    let set = |language: &'static str| {
        mel.client
            .post(format!("{}/me/language", mel.base))
            .header("accept-language", GERMAN)
            .header("referer", format!("{}/me/commitments", mel.base))
            .form(&[("_csrf", mel.csrf.as_str()), ("language", language)])
            .send()
    };

    // English chosen: a German browser still gets English, and the way back is the page it came from.
    let res = set("en").await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/me/commitments");
    let en = page_in(&mel, "/me/commitments", GERMAN).await;
    has_all(&en, "chosen English", &["<html lang=\"en\">", "Language set to English.", "My commitments", "due 31 Mar 2027"]);
    let mel_api = p.app.api(MEL).await;
    assert_eq!(mel_api.get("/me").await.1["language"], "en");

    // German chosen: a browser without a preference gets German.
    set("de").await.unwrap();
    let de = page_in(&mel, "/accounts", "").await;
    has_all(&de, "chosen German", &["<html lang=\"de\">", "Die Sprache ist jetzt Deutsch.", "Meine Zusagen"]);
    has_all(&page_in(&mel, "/accounts", "en-GB,en").await, "chosen German, English browser", &["Meine Zusagen"]);
    assert_eq!(mel_api.get("/me").await.1["language"], "de");

    // Automatic: the browser decides again.
    set("auto").await.unwrap();
    has_all(&page_in(&mel, "/accounts", "en").await, "automatic, English browser", &["My commitments"]);
    has_all(&page_in(&mel, "/accounts", GERMAN).await, "automatic, German browser", &["Meine Zusagen"]);
    assert!(mel_api.get("/me").await.1["language"].is_null());

    // The menu shows the choice.
    set("de").await.unwrap();
    let menu = page_in(&mel, "/accounts", "").await;
    assert!(menu.contains("value=\"de\" checked"), "the menu marks the choice");

    // Nonsense is refused and changes nothing.
    let res = set("fr").await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(mel_api.get("/me").await.1["language"], "de");
}

#[tokio::test]
async fn the_api_sets_the_language() {
    let (p, _, _) = mel_with_a_proposal().await;
    let api = p.app.api(MEL).await;
    let (s, v) = api.call(Method::PUT, "/me/language", Some(json!({"language": "de"}))).await;
    assert_eq!((s, v["language"].clone()), (StatusCode::OK, json!("de")), "{v}");
    assert_eq!(api.get("/me").await.1["language"], "de");
    assert_error(
        &api.call(Method::PUT, "/me/language", Some(json!({"language": "fr"}))).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("language"),
    );
    let (s, v) = api.call(Method::PUT, "/me/language", Some(json!({"language": null}))).await;
    assert_eq!((s, v["language"].clone()), (StatusCode::OK, json!(null)), "{v}");
    assert!(api.get("/me").await.1["language"].is_null());
    // Documented.
    let (_, doc) = api.get("/openapi.json").await;
    assert!(doc["paths"].get("/api/v1/me/language").is_some(), "the OpenAPI document lists the endpoint");
}

#[tokio::test]
async fn the_language_form_needs_the_csrf_token() {
    let (p, mel, _) = mel_with_a_proposal().await;
    let res = mel
        .client
        .post(format!("{}/me/language", mel.base))
        .header("accept-language", GERMAN)
        .form(&[("language", "de")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body = res.text().await.unwrap();
    // The refusal is itself German: the browser asks for it.
    assert!(body.contains("Nicht erlaubt") && body.contains("Dieses Formular ist abgelaufen"), "{body}");
    let api = p.app.api(MEL).await;
    assert!(api.get("/me").await.1["language"].is_null(), "nothing changed");
}

#[tokio::test]
async fn signed_out_pages_follow_the_browser() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let (_, login) = get_in(&anon, &app.url("/login"), GERMAN).await;
    has_all(&login, "login", &["<html lang=\"de\">", "Anmelden", "Passwort", "E-Mail"]);
    has_none(&login, "login", &["Sign in", "Password", "The few plans"]);
    let (_, english) = get_in(&anon, &app.url("/login"), "fr,en;q=0.5").await;
    has_all(&english, "login", &["<html lang=\"en\">", "Sign in"]);

    let (s, missing) = get_in(&anon, &app.url("/s/0123456789abcdef0123456789abcdef"), GERMAN).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    has_all(&missing, "unknown link", &["Link nicht gefunden", "Account-Plan"]);
    has_none(&missing, "unknown link", &["Link not found", "Account plan"]);

    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let kim = app.login("kim@acme.test").await;
    let (s, not_found) = get_in(&kim.client, &app.url("/accounts/999999"), GERMAN).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    has_all(&not_found, "error page", &["<html lang=\"de\">", "Nicht gefunden", "Zurück zu den Accounts"]);
    has_none(&not_found, "error page", &["Not found", "Back to accounts"]);
}

#[tokio::test]
async fn the_share_page_speaks_the_customers_language() {
    let p = planned().await;
    let expires = time::OffsetDateTime::now_utc().date() + time::Duration::days(40);
    let german_month = keyplan_domain::lang::month_name(expires.month(), keyplan_domain::Lang::De);
    let until_de = format!("nur zum Lesen freigegeben bis {}. {german_month} {}", expires.day(), expires.year());
    let until_en =
        format!("shared read-only until {} {} {}", expires.day(), keyplan_domain::plan::month_name(expires.month()), expires.year());
    let (s, v) = p
        .api
        .call(
            Method::PUT,
            &format!("/plans/{}/visibility", p.plan),
            Some(json!({"target_kind": "node", "target_id": p.tree[0], "visibility": "customer"})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // A goal for the customer's benefit keeps its figures on the share page.
    let (_, goal) = p.api.get(&format!("/nodes/{}", p.tree[0])).await;
    let (s, v) = p.api.patch(&format!("/nodes/{}", p.tree[0]), json!({"version": goal["version"], "benefit": "customer"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, created) = p
        .api
        .post(
            &format!("/plans/{}/share-links", p.plan),
            json!({"label": "Für Globex", "expires_on": keyplan_domain::validate::format_date(expires)}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    let url = created["url"].as_str().expect("url");
    let path = &url[url.find("/s/").expect("share path")..];
    let anon = p.app.client();

    let (s, de) = get_in(&anon, &p.app.url(path), GERMAN).await;
    assert_eq!(s, StatusCode::OK);
    has_all(
        &de,
        "share page",
        &[
            "<html lang=\"de\">",
            "Account-Plan · für Sie freigegeben",
            &until_de,
            "Ihr Account-Team",
            "Grow to 2m",
            "bis 30. Juni 2027",
            "1.000.000 → 2.000.000",
        ],
    );
    has_none(&de, "share page", &["shared with you", "shared read-only until", "excerpt of our plan", "by 30 Jun 2027"]);

    let (_, en) = get_in(&anon, &p.app.url(path), "en-US").await;
    has_all(&en, "share page", &["Account plan · shared with you", &until_en, "by 30 Jun 2027"]);
}

/// Field errors are messages by code, written where they are shown: the
/// plan page's form in the reader's language, the JSON API in English (its
/// documented language) whatever the header says; one from the domain, one
/// from the store.
#[tokio::test]
async fn field_errors_read_in_the_readers_language() {
    let p = planned().await;
    let kim = p.app.login("kim@acme.test").await;
    let [goal, _, _, _] = p.tree;
    let goal = goal.to_string();
    for (form, field, english, german) in [
        (
            vec![("kind", "obstacle"), ("parent_id", goal.as_str())],
            "parent_id",
            "a obstacle must hang under a condition, not under a goal",
            "„Hindernis“ gehört unter „Voraussetzung“, nicht unter „Account-Umsatzziel“",
        ),
        // A parent that does not exist has no form on the page: the API only.
        (vec![("kind", "csf"), ("parent_id", "999999")], "parent_id", "no such node", ""),
    ] {
        let mut fields = vec![("_csrf", kim.csrf.as_str()), ("title", "Misplaced")];
        fields.extend(form.iter().copied());
        let res = kim.client.post(format!("{}/plans/{}/nodes", kim.base, p.plan)).header("accept-language", GERMAN).form(&fields).send();
        let res = res.await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let page = res.text().await.unwrap();
        if !german.is_empty() {
            assert!(page.contains(german) && !page.contains(english), "German form for {field}: {german}");
        }

        let body: serde_json::Map<String, serde_json::Value> = form.iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
        let mut body = serde_json::Value::Object(body);
        body["title"] = json!("Misplaced");
        if let Some(id) = body.get("parent_id").and_then(|v| v.as_str()).map(|s| s.parse::<i64>().unwrap()) {
            body["parent_id"] = json!(id);
        }
        let req = p.api.client.post(format!("{}/api/v1/plans/{}/nodes", p.api.base, p.plan));
        let res = req.bearer_auth(&p.api.token).header("accept-language", GERMAN).json(&body).send().await.unwrap();
        let v: serde_json::Value = res.json().await.unwrap();
        assert_eq!(v["error"]["field"], field, "{v}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| m.contains(english)), "English API error: {v}");
    }
}
