//! The review pages, the KPI scorecard, the timeline, the discussion, the
//! history and the calendar feed in German: German texts, dates and months,
//! and none of the English interface texts they replace.

use keyplan_testkit::{Api, Session};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Planned, commitment, has_all, has_none, id, page_in, planned};

const KAM: &str = "kim@acme.test";

/// Kim, the KAM, has chosen German; her plan has a commitment due 31 March 2027.
async fn german_kim() -> (Planned, Session, Value) {
    let p = planned().await;
    let (s, v) = p.api.call(Method::PUT, "/me/language", Some(json!({"language": "de"}))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let c = commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Run the trial", "2027-03-31").await;
    let session = p.app.login(KAM).await;
    (p, session, c)
}

async fn review(api: &Api, plan: i64, kind: &str, date: &str) -> Value {
    let (s, v) = api.post(&format!("/plans/{plan}/reviews"), json!({"kind": kind, "review_date": date})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v
}

#[tokio::test]
async fn the_review_page_and_the_comparison_read_in_german() {
    let (p, kim, c) = german_kim().await;
    // A team review held on 15 January 2027, then the commitment moves on.
    let team = review(&p.api, p.plan, "team", "2027-01-15").await;
    let (s, v) = p.api.post(&format!("/reviews/{}/hold", id(&team)), json!({"version": team["version"]})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, node) = p.api.get(&format!("/nodes/{}", id(&c))).await;
    let (s, v) = p.api.patch(&format!("/nodes/{}", id(&c)), json!({"version": node["version"], "status": "in_progress"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");

    // The next review is planned through the page: German flash message.
    let res = kim.post(&format!("/plans/{}/reviews", p.plan), &[("kind", "management"), ("review_date", "2027-04-20")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = keyplan_testkit::location(&res);
    let html = page_in(&kim, &to, "").await;
    has_all(
        &html,
        "review",
        &[
            "<html lang=\"de\">",
            "Überprüfung geplant.",
            "Management-Überprüfung · 20. April 2027",
            "Geplant",
            "Überprüfung von",
            "Überprüfung durchführen",
            "Was sich seit der letzten Überprüfung geändert hat",
            "1 Änderung",
            "Team-Überprüfung vom 15. Januar 2027",
            "bis zum aktuellen Stand des Plans",
            "Andere Versionen vergleichen",
            "Geändert",
            "Zusage",
            "„Run the trial“",
            "Status",
            "Offen",
            "In Arbeit",
            "Teilnehmende",
            "Noch niemand hinzugefügt.",
            "Jemand von uns",
            "Kontakt beim Kunden",
            "Notizen und Entscheidungen",
            "Notizen speichern",
            "Freigabe",
            "gibt eine Führungskraft diese Management-Überprüfung frei",
        ],
    );
    has_none(
        &html,
        "review",
        &[
            "Review planned",
            "Management review",
            "Team review",
            "Apr 2027",
            "Jan 2027",
            ">Planned<",
            "Review of",
            "Hold the review",
            "What changed since the last review",
            "1 change<",
            "this review's snapshot",
            "the plan as it is now",
            "Compare other versions",
            ">Changed<",
            "In progress",
            "Participants",
            "Nobody added yet",
            "One of us",
            "Customer contact",
            "Notes and decisions",
            "Save notes",
            "Sign-off",
            "a manager signs off",
            "status Open",
        ],
    );

    let compare = page_in(&kim, &format!("/plans/{}/compare", p.plan), "").await;
    has_all(
        &compare,
        "compare",
        &[
            "<h1>Was sich geändert hat</h1>",
            "Der aktuelle Stand des Plans",
            "Team-Überprüfung vom 15. Januar 2027 (aufgenommen am",
            "aufgenommen am",
            "Vergleichen",
            "Als JSON",
            "Änderungen",
            "In Arbeit",
        ],
    );
    has_none(
        &compare,
        "compare",
        &["The plan as it is now", "Compare any two", ">Compare<", "(taken ", "As JSON", ">Changes<", "In progress", "Team review"],
    );

    // The plan page's reviews card.
    let plan = page_in(&kim, &format!("/plans/{}?tab=reviews", p.plan), "").await;
    let card = crate::helpers::enclosing(&plan, "id=\"reviews\"", "<section", "</section>");
    has_all(
        card,
        "reviews card",
        &[
            "Überprüfungen</h2>",
            "Nächste Überprüfung am",
            "Überprüfungsrhythmus: vierteljährlich.",
            "Durchgeführt",
            "Überprüfung planen",
            "Team-Überprüfung · 15. Januar 2027",
        ],
    );
    has_none(
        card,
        "reviews card",
        &["Reviews</h2>", "Next review", "Reviewed quarterly", ">Held<", "Plan a review", "Review schedule", "Save schedule"],
    );
}

#[tokio::test]
async fn the_kpi_scorecard_reads_in_german() {
    let (p, kim, _) = german_kim().await;
    let account = p.api.account("Initech").await;
    let (s, plan) = p.api.post(&format!("/accounts/{account}/plans"), json!({"title": "Initech 2027", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let plan = id(&plan);
    let goal = id(&p.api.node(plan, json!({"kind": "goal", "title": "Become preferred supplier"})).await);
    let body = json!({"name": "Spend under contract", "unit": "EUR k", "baseline": 100, "target": 3000, "target_date": "2027-12-31", "period": "month", "goal_id": goal});
    let (s, k) = p.api.post(&format!("/plans/{plan}/kpis"), body).await;
    assert_eq!(s, StatusCode::CREATED, "{k}");
    let kpi = id(&k);
    let (s, a) = p
        .api
        .call(Method::PUT, &format!("/kpis/{kpi}/actuals"), Some(json!({"period_start": "2026-03-05", "value": 1500.5, "version": 0})))
        .await;
    assert_eq!(s, StatusCode::OK, "{a}");

    let html = page_in(&kim, &format!("/plans/{plan}"), "").await;
    let card = crate::helpers::enclosing(&html, &format!("id=\"kpi-{kpi}\""), "<article", "</article>");
    has_all(
        card,
        "kpi card",
        &[
            "100 EUR k → 3.000 EUR k bis 31. Dezember 2027",
            "Monatlich",
            "<strong>1.500,5 EUR k</strong>",
            "März 2026",
            "zum Zielwert",
            "Misst das Ziel",
            "1 erfasster Wert · erfassen",
            "Erfasst von",
            "Wert erfassen",
            "Zeitraum (ein beliebiger Tag darin)",
            "Kennzahl speichern",
            "Zielwert",
            "Ausgangswert",
            "Verlauf von 1 erfasstem Wert",
        ],
    );
    has_none(
        card,
        "kpi card",
        &[
            " by 31 Dec",
            "Monthly",
            "Mar 2026",
            "to target",
            "Measures goal",
            "recorded value",
            "Recorded by",
            "Record value",
            "any day in it",
            "Save KPI",
            ">Baseline",
            ">Target",
            "Trend of",
            "Move up",
            ">Delete<",
        ],
    );
    has_all(&html, "scorecard", &["+ Kennzahl hinzufügen"]);
    has_none(&html, "scorecard", &["+ Add KPI", ">Add KPI<"]);

    // A wrong value comes back with a German field error.
    let res = kim.post(&format!("/kpis/{kpi}/actuals"), &[("period_start", "2026-05-05"), ("value", "lots")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("muss eine Zahl sein"), "German field error");
    assert!(!html.contains("must be a number"));
    // Recording through the page: a German flash message with a German month.
    let res = kim.post(&format!("/kpis/{kpi}/actuals"), &[("period_start", "2026-05-05"), ("value", "1700")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = page_in(&kim, &format!("/plans/{plan}"), "").await;
    assert!(html.contains("1.700 für Mai 2026 erfasst."), "German flash");
}

#[tokio::test]
async fn the_timeline_discussion_history_and_calendar_read_in_german() {
    let (p, kim, _) = german_kim().await;
    let today = time::OffsetDateTime::now_utc().date();
    review(&p.api, p.plan, "customer", &keyplan_domain::validate::format_date(today)).await;

    let html = page_in(&kim, &format!("/plans/{}/timeline", p.plan), "").await;
    has_all(
        &html,
        "timeline",
        &[
            "<h1>Zeitleiste</h1>",
            "1 Zusage",
            "Zurück zum Plan",
            "Zwölf Monate ab Beginn des Planzeitraums",
            "aria-label=\"Legende\"",
            "Termin vorgeschlagen",
            "◆ nur Fälligkeit",
            ">ÜBERPRÜFUNGEN</text>",
            ">Heute</text>",
            ">Dez",
            ">Mai",
            ">Okt",
            "fällig am 31. März 2027",
            "Gemeinsame Überprüfung mit dem Kunden, ",
        ],
    );
    has_none(
        &html,
        "timeline",
        &[
            "<h1>Timeline</h1>",
            "1 commitment",
            "Back to the plan",
            "Twelve months",
            "aria-label=\"Legend\"",
            "Date proposed",
            "due date only",
            ">REVIEWS<",
            ">Today<",
            ">Dec",
            ">May",
            ">Oct",
            "due 31",
            "31 Mar 2027",
            "Customer joint review",
            "Timeline of",
        ],
    );

    // Comment through the page, then read the discussion card and the history.
    let res = kim.post(&format!("/plans/{}/comments", p.plan), &[("target", "plan"), ("body", "Looks good")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let plan = page_in(&kim, &format!("/plans/{}?tab=discussion", p.plan), "").await;
    let card = crate::helpers::enclosing(&plan, "id=\"discussion\"", "<section", "</section>");
    has_all(
        card,
        "discussion",
        &[
            "Diskussion",
            "1 Kommentar",
            "Kommentare</h3>",
            "Betrifft",
            "Der Plan als Ganzes",
            "Kommentar hinzufügen",
            "Letzte Änderungen",
            "Gesamter Verlauf",
        ],
    );
    has_none(
        card,
        "discussion",
        &["Discussion &", "1 comment", "Comments</h3>", "About", "The plan as a whole", "Add comment", "Recent activity", "Full history"],
    );
    assert!(plan.contains("Kommentar hinzugefügt."), "German flash");

    let history = page_in(&kim, &format!("/plans/{}/activity", p.plan), "").await;
    has_all(&history, "history", &["<h1>Verlauf</h1>", "Wer was in diesem Plan wann geändert hat"]);
    has_none(&history, "history", &["<h1>History</h1>", "Who changed what"]);

    let calendar = page_in(&kim, "/me/calendar", "").await;
    has_all(
        &calendar,
        "calendar",
        &["<h1>Kalender-Feed</h1>", "Ihre geheime Feed-Adresse", "Sie haben noch keinen Kalender-Feed.", "Feed-Adresse erstellen"],
    );
    has_none(&calendar, "calendar", &["Calendar feed", "Your secret feed address", "no calendar feed yet", "Create feed address"]);
}
