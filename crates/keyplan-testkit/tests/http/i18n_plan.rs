//! The plan page and the story view in German: the demo's one-page constraint
//! plan and its strategic plan, each shown in English and in German by its
//! owner. Every English interface text checked here is on the English page and
//! gone from the German one, where its German counterpart stands.

use keyplan_app::demo::DEMO_PASSWORD;
use keyplan_testkit::{Session, TestApp};
use reqwest::StatusCode;

use crate::helpers::id;

const GERMAN: &str = "de-DE,de;q=0.9,en;q=0.8";
const ENGLISH: &str = "en-GB,en;q=0.9";
const LENA: &str = "lena.hoffmann@northwind.example";
const PRIYA: &str = "priya.nair@northwind.example";

/// A page as the browser asking for `lang` sees it.
async fn page(s: &Session, path: &str, lang: &str) -> String {
    let res = s.client.get(format!("{}{path}", s.base)).header("accept-language", lang).send().await.expect("GET");
    let status = res.status();
    let body = res.text().await.unwrap_or_default();
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

/// The English texts are on the English page; in German they are replaced by
/// the German ones.
#[track_caller]
fn translated(english_page: &str, german_page: &str, what: &str, pairs: &[(&str, &str)]) {
    assert!(german_page.contains("<html lang=\"de\">"), "{what}: not a German page");
    for (en, de) in pairs {
        assert!(english_page.contains(en), "{what}: English {en:?} missing from the English page");
        assert!(!english_page.contains(de), "{what}: German {de:?} in the English page");
        assert!(german_page.contains(de), "{what}: German {de:?} missing");
        assert!(!german_page.contains(en), "{what}: English {en:?} left in the German page");
    }
}

/// The demo plan of `email`'s account whose title starts with `title`.
async fn demo_plan(app: &TestApp, email: &str, title: &str) -> i64 {
    let api = app.api(email).await;
    let (_, accounts) = api.get("/accounts").await;
    for account in accounts.as_array().expect("accounts") {
        let (_, plans) = api.get(&format!("/accounts/{}/plans", id(account))).await;
        if let Some(p) = plans.as_array().expect("plans").iter().find(|p| p["title"].as_str().is_some_and(|t| t.starts_with(title))) {
            return id(p);
        }
    }
    panic!("no demo plan {title:?}");
}

#[tokio::test]
async fn the_one_page_constraint_plan_reads_in_german() {
    let app = TestApp::spawn_demo().await;
    let lena = app.try_login(LENA, DEMO_PASSWORD).await.expect("demo sign-in");
    let plan = demo_plan(&app, LENA, "Brightwater Foods").await;
    let path = format!("/plans/{plan}");
    let en = page(&lena, &path, ENGLISH).await;
    let de = page(&lena, &path, GERMAN).await;
    translated(
        &en,
        &de,
        "one-page plan",
        &[
            (">Plan settings<", ">Plan-Einstellungen<"),
            ("Story view", "Story-Ansicht"),
            ("PDF: 1 of 1 page", "PDF: 1 von 1 Seite"),
            ("12 months of commitments and reviews", "12 Monate Zusagen und Überprüfungen"),
            ("aria-label=\"Who this view is for\"", "aria-label=\"Für wen diese Ansicht ist\""),
            (">Management briefing<", ">Management-Briefing<"),
            (">Customer excerpt<", ">Auszug für den Kunden<"),
            ("accepted commitments", "angenommene Zusage"),
            ("obstacles overcome", "Hindernissen überwunden"),
            (">Critical success factors<", ">Erfolgsfaktoren<"),
            (">Necessary conditions<", ">Voraussetzungen<"),
            ("Add critical success factor", "Erfolgsfaktor hinzufügen"),
            ("Add necessary condition", "Voraussetzung hinzufügen"),
            (">Period starts", ">Zeitraum beginnt"),
            (">Save plan<", ">Plan speichern<"),
            (">Delete this plan<", ">Diesen Plan löschen<"),
            ("It cannot be undone.", "Das kann nicht rückgängig gemacht werden."),
        ],
    );
    // The timeline's tab and a commitment's add form, each sent when asked for.
    let obstacle = en
        .split("class=\"node node-obstacle")
        .nth(1)
        .and_then(|r| r.split("id=\"node-").nth(1))
        .and_then(|r| r.split('"').next())
        .expect("an obstacle")
        .to_string();
    let opened = format!("/plans/{plan}?tab=timeline&add={obstacle}");
    translated(
        &page(&lena, &opened, ENGLISH).await,
        &page(&lena, &opened, GERMAN).await,
        "the timeline tab and a commitment's add form",
        &[
            (">Timeline</h2>", ">Zeitleiste</h2>"),
            ("What will be delivered", "Was geliefert wird"),
            ("Done when…", "Erledigt, wenn …"),
            ("Customer contact involved", "Beteiligter Ansprechpartner beim Kunden"),
        ],
    );
    // A node's edit form is its own page (the goal's is linked first).
    let goal = en.split("href=\"/nodes/").nth(1).and_then(|r| r.split('/').next()).expect("a node's edit link").to_string();
    let edit = format!("/nodes/{goal}/edit");
    let (en_edit, de_edit) = (page(&lena, &edit, ENGLISH).await, page(&lena, &edit, GERMAN).await);
    translated(
        &en_edit,
        &de_edit,
        "a node's edit page",
        &[
            ("Edit account sales goal", "Account-Umsatzziel bearbeiten"),
            ("Back to the plan", "Zurück zum Plan"),
            ("title=\"Move down\"", "title=\"Nach unten\""),
        ],
    );
    let commitment = en
        .split("<article class=\"commit")
        .nth(1)
        .and_then(|r| r.split("id=\"node-").nth(1))
        .and_then(|r| r.split('"').next())
        .expect("a commitment")
        .to_string();
    let edit = format!("/nodes/{commitment}/edit");
    let (en_edit, de_edit) = (page(&lena, &edit, ENGLISH).await, page(&lena, &edit, GERMAN).await);
    translated(&en_edit, &de_edit, "a commitment's edit page", &[(">In progress</option>", ">In Arbeit</option>")]);
    // Labels the handler computes: enumerations, the period, the size.
    translated(
        &en,
        &de,
        "one-page plan labels",
        &[(">Account sales goal · ", ">Account-Umsatzziel · "), (" months)", " Monate)"), (">Constraint tree<", ">Ziel-Baum<")],
    );

    // The story view.
    let path = format!("/plans/{plan}/story");
    let en = page(&lena, &path, ENGLISH).await;
    let de = page(&lena, &path, GERMAN).await;
    translated(
        &en,
        &de,
        "story",
        &[
            ("The story of the plan", "Die Story des Plans"),
            ("Back to the plan", "Zurück zum Plan"),
            ("findings without consequence", "Erkenntnisse ohne Konsequenz"),
            ("goals without commitment", "Ziele ohne Zusage"),
            ("read left to right", "von links nach rechts lesen"),
        ],
    );
}

#[tokio::test]
async fn the_strategic_plan_reads_in_german() {
    let app = TestApp::spawn_demo().await;
    let priya = app.try_login(PRIYA, DEMO_PASSWORD).await.expect("demo sign-in");
    let plan = demo_plan(&app, PRIYA, "Meridian Automotive").await;
    let path = format!("/plans/{plan}");
    let en = page(&priya, &path, ENGLISH).await;
    let de = page(&priya, &path, GERMAN).await;
    translated(
        &en,
        &de,
        "strategic plan",
        &[
            ("<h4>Based on</h4>", "<h4>Beruht auf</h4>"),
            ("<h4>Implemented by</h4>", "<h4>Umgesetzt durch</h4>"),
            ("Link evidence", "Beleg verknüpfen"),
            ("This goal is based on", "Dieses Ziel beruht auf"),
            (">So what?<", ">Was folgt daraus?<"),
            ("Add finding", "Erkenntnis hinzufügen"),
            ("Add to strengths", "Zu Stärken hinzufügen"),
            ("Derived from SWOT", "Abgeleitet aus SWOT"),
            ("Counter-measure", "Gegenmaßnahme"),
            ("<th>Serves</th>", "<th>Dient</th>"),
            ("Add action", "Maßnahme hinzufügen"),
            (">Save section<", ">Abschnitt speichern<"),
            ("aria-label=\"Edit item\"", "aria-label=\"Eintrag bearbeiten\""),
            ("Delete this entry? Links from goals to it go too.", "Diesen Eintrag löschen?"),
            ("How to write this section", "So schreiben Sie diesen Abschnitt"),
            ("Sections of this plan", "Abschnitte dieses Plans"),
            ("For the customer", "Für den Kunden"),
        ],
    );
    translated(&en, &de, "strategic plan labels", &[(">Analysis list<", ">Analyseliste<"), (">Action plan<", ">Maßnahmenplan<")]);
}
