//! The built-in templates in German: a German plan page shows the German name,
//! section titles and guidance of an unedited built-in template, keeps what the
//! company edited as written, and English pages keep the English texts.

use keyplan_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{GERMAN, ORG, has_all, has_none, id, page_in, planned};

#[tokio::test]
async fn a_german_plan_page_shows_the_builtin_template_in_german() {
    let p = planned().await;
    let kim = p.app.login("kim@acme.test").await;
    let path = format!("/plans/{}", p.plan);

    let de = page_in(&kim, &path, GERMAN).await;
    has_all(
        &de,
        "German plan",
        &[
            "<html lang=\"de\">",
            ">Vom Ziel zu den Zusagen</h2>",
            ">Zusagen und Verantwortliche</h2>",
            "Einseitiger Engpassplan",
            "ist wieder zum Datenfriedhof geworden.",
        ],
    );
    has_none(
        &de,
        "German plan",
        &["From goal to commitments", "Commitments and owners", "One-page constraint plan", "has turned back into a data dump"],
    );

    // Without the header the same page keeps the English texts.
    let en = page_in(&kim, &path, "").await;
    has_all(&en, "English plan", &[">From goal to commitments</h2>", ">Commitments and owners</h2>", "One-page constraint plan"]);
    has_none(&en, "English plan", &["Vom Ziel zu den Zusagen", "Einseitiger Engpassplan"]);

    // The new-plan form offers the templates by their German names.
    let account = page_in(&kim, &format!("/accounts/{}", p.account), GERMAN).await;
    has_all(&account, "German account", &["Einseitiger Engpassplan", "Strategischer Account-Plan", "Master-Maßnahmenplan"]);
    has_none(&account, "German account", &["One-page constraint plan", "Strategic key account plan", "Master action plan"]);
}

#[tokio::test]
async fn texts_the_company_edited_stay_as_written_in_german() {
    let p = planned().await;
    p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = p.app.api("ada@acme.test").await;

    // The admin renames the strategic template and its first section; the rest stays built-in.
    let (s, mut doc) = admin.get("/templates/strategic").await;
    assert_eq!(s, StatusCode::OK, "{doc}");
    doc["name"] = json!("Acme account plan");
    doc["sections"][0]["title"] = json!("Acme customer snapshot");
    let (s, v) = admin.call(Method::PUT, "/templates/strategic", Some(doc)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["outcome"], "new_version", "{v}");

    let (s, plan): (StatusCode, Value) =
        p.api.post(&format!("/accounts/{}/plans", p.account), json!({"title": "Globex strategic", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");

    let kim = p.app.login("kim@acme.test").await;
    let de = page_in(&kim, &format!("/plans/{}", id(&plan)), GERMAN).await;
    has_all(
        &de,
        "German strategic plan",
        &[
            ">Acme customer snapshot</h2>",
            "Acme account plan",
            ">Die wichtigsten Ziele und Projekte des Kunden</h2>",
            ">Markt- und Wettbewerbsumfeld</h2>",
            ">SWOT-Analyse</h2>",
        ],
    );
    has_none(
        &de,
        "German strategic plan",
        &["Customer profile and key figures", "Market and competitor environment", "Strategic key account plan"],
    );

    // The new-plan form keeps the edited name too.
    let account = page_in(&kim, &format!("/accounts/{}", p.account), GERMAN).await;
    has_all(&account, "German account", &["Acme account plan", "Einseitiger Engpassplan"]);

    // Showing the pages in German changed nothing stored.
    let (s, stored) = admin.get("/templates/strategic").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(stored["sections"][1]["title"], "Customer's top objectives and projects");
}
