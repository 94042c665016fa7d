//! Exports in English and German: the `lang` parameter, else the user's
//! language (the browser's `Accept-Language` here), decides the labels, dates
//! and numbers of the Markdown and PDF files.

use keyplan_testkit::Api;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{commitment, planned};

/// A GET with the API token and extra headers: status and body bytes.
async fn fetch(api: &Api, path: &str, accept_language: Option<&str>) -> (StatusCode, Vec<u8>) {
    let mut req = api.client.get(format!("{}/api/v1{path}", api.base)).bearer_auth(&api.token);
    if let Some(l) = accept_language {
        req = req.header("accept-language", l);
    }
    let res = req.send().await.expect("request");
    let status = res.status();
    (status, res.bytes().await.expect("body").to_vec())
}

fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text").chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}').collect()
}

async fn fixture() -> (crate::helpers::Planned, i64) {
    let p = planned().await;
    commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Run the trial", "2027-03-15").await;
    let (s, _) = p.api.patch(&format!("/nodes/{}", p.tree[0]), json!({"version": 1, "target": "2400000.5"})).await;
    assert_eq!(s, StatusCode::OK);
    let plan = p.plan;
    (p, plan)
}

#[tokio::test]
async fn markdown_follows_the_lang_parameter_and_else_the_browser() {
    let (p, plan) = fixture().await;
    let english = String::from_utf8(fetch(&p.api, &format!("/plans/{plan}/export?format=md"), None).await.1).unwrap();
    assert!(english.contains("**Progress:**") && english.contains("**Commitment:**"), "{english}");
    assert!(english.contains("due 15 Mar 2027") && english.contains("2,400,000.5"), "{english}");

    let (s, body) = fetch(&p.api, &format!("/plans/{plan}/export?format=md&lang=de"), None).await;
    assert_eq!(s, StatusCode::OK);
    let german = String::from_utf8(body).unwrap();
    for de in ["**Fortschritt:**", "**Zusage:**", "fällig am 15. März 2027", "2.400.000,5", "**Zeitraum:**", "Hindernissen überwunden"] {
        assert!(german.contains(de), "{de:?} missing in {german}");
    }
    for en in ["**Progress:**", "**Commitment:**", "**Period:**", "obstacles overcome", "due 15", "Health:"] {
        assert!(!german.contains(en), "{en:?} left in {german}");
    }
    // Without a parameter the browser's language decides; an explicit one wins.
    let from_browser =
        String::from_utf8(fetch(&p.api, &format!("/plans/{plan}/export?format=md"), Some("de-DE,de;q=0.9")).await.1).unwrap();
    assert!(from_browser.contains("**Fortschritt:**"), "{from_browser}");
    let explicit = String::from_utf8(fetch(&p.api, &format!("/plans/{plan}/export?format=md&lang=en"), Some("de")).await.1).unwrap();
    assert!(explicit.contains("**Progress:**"), "{explicit}");
    let (s, body) = fetch(&p.api, &format!("/plans/{plan}/export?format=md&lang=fr"), None).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(String::from_utf8_lossy(&body).contains("\"lang\""));
}

#[tokio::test]
async fn the_pdf_is_typeset_in_german_on_request() {
    let (p, plan) = fixture().await;
    let (s, pdf) = fetch(&p.api, &format!("/plans/{plan}/export?format=pdf&lang=de"), None).await;
    assert_eq!(s, StatusCode::OK);
    let text = pdf_text(&pdf);
    for de in ["Erfolgsfaktoren", "Voraussetzungen", "Hindernisse", "Zusagen", "Verantwortlich", "15.März2027", "Zeitraum:"] {
        assert!(text.contains(de), "{de:?} missing in {text}");
    }
    for en in ["Criticalsuccessfactors", "Necessaryconditions", "Owner", "Period:", "obstaclesovercome"] {
        assert!(!text.contains(en), "{en:?} left in {text}");
    }
    let (_, pdf) = fetch(&p.api, &format!("/plans/{plan}/export?format=pdf&lang=en"), None).await;
    let text = pdf_text(&pdf);
    assert!(text.contains("Criticalsuccessfactors") && text.contains("15Mar2027"), "{text}");
}
