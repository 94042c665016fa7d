//! German administration pages: users, offerings, plan templates and the
//! template editor, value discipline, the whitespace matrix, a contact and the
//! sharing page show German texts, German numbers and money, and none of the
//! English interface texts they replace. English stays as it was.

use keyplan_domain::Role;
use keyplan_testkit::{Api, location};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{GERMAN, ORG, Planned, has_all, has_none, id, input_value, page_in, planned, section};

const ADA: &str = "ada@acme.test";

/// A planned organisation with an administrator, three offerings (Sensors,
/// Valves, and Gauges on no matrix), two business units and three filled
/// cells on the KAM's account.
async fn with_matrix() -> (Planned, Api) {
    let p = planned().await;
    p.app.user(ORG, ADA, "Ada Admin", Role::Admin).await;
    let admin = p.app.api(ADA).await;
    let (s, sensors) = admin.post("/offerings", json!({"name": "Sensors", "description": "Pressure and flow"})).await;
    assert_eq!(s, StatusCode::CREATED, "{sensors}");
    let (_, valves) = admin.post("/offerings", json!({"name": "Valves"})).await;
    admin.post("/offerings", json!({"name": "Gauges"})).await;
    let units = format!("/accounts/{}/business-units", p.account);
    let (_, powertrain) = p.api.post(&units, json!({"name": "Powertrain"})).await;
    let (_, chassis) = p.api.post(&units, json!({"name": "Chassis"})).await;
    let cells = format!("/accounts/{}/whitespace/cells", p.account);
    for (o, u, status, value) in [
        (&sensors, &powertrain, "sold", json!(1_300_000)),
        (&sensors, &chassis, "opportunity", json!(250000)),
        (&valves, &powertrain, "not_relevant", Value::Null),
    ] {
        let body = json!({"offering_id": id(o), "business_unit_id": id(u), "status": status, "value": value, "version": 0});
        let (s, v) = p.api.call(Method::PUT, &cells, Some(body)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
    (p, admin)
}

#[tokio::test]
async fn i18n_admin_pages_in_german() {
    let (p, _) = with_matrix().await;
    let ada = p.app.login(ADA).await;

    let users = page_in(&ada, "/admin/users", GERMAN).await;
    has_all(
        &users,
        "users",
        &[
            "<html lang=\"de\">",
            "Rolle und Zugang",
            "Passwort zurücksetzen",
            "Benutzer hinzufügen",
            "Erstes Passwort",
            "kann sich anmelden",
            "liest alles, ändert nichts",
            "Leser",
        ],
    );
    has_none(
        &users,
        "users",
        &[
            "Role and access",
            "Reset password",
            "Add a user",
            "Initial password",
            "can sign in",
            "reads everything",
            "Tell it to them in person",
            ">Viewer<",
            ">Set<",
        ],
    );

    let offerings = page_in(&ada, "/admin/offerings", GERMAN).await;
    has_all(
        &offerings,
        "offerings",
        &[
            "Unsere Leistungen",
            "3 im Angebot",
            "Leistung hinzufügen",
            "Verwendet in 1 Account · 2 Zellen",
            "Noch in keiner Matrix verwendet",
            "Ausmustern",
            "z. B. Drucksensoren",
        ],
    );
    has_none(
        &offerings,
        "offerings",
        &[
            "Our offerings",
            "offered",
            "Add an offering",
            "Used by",
            "Not used on any matrix",
            ">Retire<",
            "Pressure sensors",
            "Move up",
            "Save offering",
        ],
    );

    let templates = page_in(&ada, "/admin/templates", GERMAN).await;
    has_all(
        &templates,
        "templates",
        &[
            "Planvorlagen",
            "Neue Vorlage",
            "für neue Pläne angeboten",
            "Abschnitte",
            "noch keine Pläne",
            "So funktionieren Vorlagen",
            "Vorlagendatei importieren",
            "Exportieren",
        ],
    );
    has_none(
        &templates,
        "templates",
        &[
            "Plan templates",
            "New template",
            "offered for new plans",
            " sections<",
            "no plans yet",
            "How templates work",
            "Import a template file",
            ">Export<",
            ">Copy<",
        ],
    );

    // The editor of the first template.
    let marker = "<a class=\"strong\" href=\"";
    let rest = &templates[templates.find(marker).expect("a template") + marker.len()..];
    let first = rest[..rest.find('"').unwrap()].to_string();
    let editor = page_in(&ada, &first, GERMAN).await;
    has_all(
        &editor,
        "template editor",
        &["Versionsverlauf", "Arten von Abschnitten", "Hinweise für die Verfasser", "Zeile hinzufügen", "Wörter"],
    );
    has_none(
        &editor,
        "template editor",
        &["Version history", "Section kinds", "Guidance for the writer", "Add a row", "Discard changes", "Length budget"],
    );

    let org = page_in(&ada, "/admin/organisation", GERMAN).await;
    has_all(
        &org,
        "value discipline",
        &["Unsere Wertdisziplin", "Operative Exzellenz", "Produktführerschaft", "Kundennähe", "Wertdisziplin speichern"],
    );
    has_none(
        &org,
        "value discipline",
        &["Our value discipline", "Operational excellence", "Product leadership", "Customer intimacy", "Not decided yet"],
    );

    // English is unchanged.
    let users_en = page_in(&ada, "/admin/users", "").await;
    has_all(&users_en, "users in English", &["Role and access", "Add a user", "reads everything, changes nothing"]);
    let offerings_en = page_in(&ada, "/admin/offerings", "").await;
    has_all(
        &offerings_en,
        "offerings in English",
        &["Our offerings", "3 offered", "Used by 1 account · 2 cells", "Not used on any matrix yet"],
    );
}

#[tokio::test]
async fn i18n_admin_whitespace_contact_and_sharing_in_german() {
    let (p, _) = with_matrix().await;
    let kim = p.app.login("kim@acme.test").await;

    let ws = page_in(&kim, &format!("/accounts/{}/whitespace", p.account), GERMAN).await;
    let table = section(&ws, "<table class=\"ws-matrix\">", "</table>");
    has_all(
        table,
        "matrix",
        &[
            "verkauft",
            "Chance",
            "nicht relevant",
            "1,3\u{a0}Mio.\u{a0}€",
            "250\u{a0}Tsd.\u{a0}€",
            "Summe",
            "Leistung",
            "Geschäftsbereich →",
            "offen",
        ],
    );
    has_none(
        table,
        "matrix",
        &[">Sold<", ">Opportunity<", "Not relevant", "€1.3m", "€250k", ">Total<", "Business unit →", " open<", "Assess"],
    );
    has_all(
        &ws,
        "whitespace page",
        &[
            "Bestehendes Geschäft",
            "Offenes Potenzial",
            "Noch nicht bewertet",
            "Geschäftsbereiche",
            "Geschäftsbereich hinzufügen",
            "Legende",
            "nicht bewertet",
        ],
    );
    has_none(
        &ws,
        "whitespace page",
        &[
            "Current business",
            "Open potential",
            "Not yet assessed",
            "Business units",
            "Add a business unit",
            "Select a cell",
            "Back to account",
            "Move left",
        ],
    );

    // The cell form.
    // The first cell on the matrix (Sensors × Powertrain, sold) links to its form.
    let rest = &ws[ws.find("whitespace?cell=").expect("a cell link")..];
    let link = &rest[..rest.find('#').unwrap()];
    let form = page_in(&kim, &format!("/accounts/{}/{link}", p.account), GERMAN).await;
    has_all(&form, "cell form", &["Wert pro Jahr (EUR)", "Zelle speichern", "Zuletzt geändert am", "— nicht bewertet (leer)"]);
    has_none(&form, "cell form", &["Value per year", "Save cell", "Last changed", "Not assessed (empty)"]);

    // A contact.
    let (s, contact) = p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Dana Ruiz"})).await;
    assert!(s.is_success(), "{contact}");
    let c = page_in(&kim, &format!("/contacts/{}", id(&contact)), GERMAN).await;
    has_all(
        &c,
        "contact",
        &["Kontakt bei Globex Chemicals", "Rolle im Buying Center", "Haltung uns gegenüber", "Kontakt speichern", "Entscheider"],
    );
    has_none(
        &c,
        "contact",
        &["Contact at", "Buying-centre role", "Attitude towards us", "Save contact", "Decision maker", "Remove this contact"],
    );

    // The sharing page, with a share link.
    let path = format!("/plans/{}/sharing", p.plan);
    let expires = input_value(&page_in(&kim, &path, "").await, "expires_on").expect("a default expiry");
    let res = kim.post(&format!("/plans/{}/share-links", p.plan), &[("label", "Einkauf"), ("expires_on", &expires)]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let sharing = page_in(&kim, &path, GERMAN).await;
    has_all(
        &sharing,
        "sharing",
        &[
            "Freigabelinks",
            "Wer sieht was",
            "Sichtbar für",
            "Nur Team",
            "Für den Kunden freigebbar",
            "Sichtbarkeit speichern",
            "Freigabelink erstellen",
            "Aktiv",
            "Erstellt am ",
            "nie",
            "Account-Umsatzziel",
        ],
    );
    has_none(
        &sharing,
        "sharing",
        &[
            "Share links",
            "Who sees what",
            "Visible to",
            "Team only",
            "Shareable with the customer",
            "Save visibility",
            "Create share link",
            ">Live<",
            "never",
            "Account sales goal",
        ],
    );

    // English is unchanged.
    let en = page_in(&kim, &format!("/accounts/{}/whitespace", p.account), "").await;
    let table = section(&en, "<table class=\"ws-matrix\">", "</table>");
    has_all(table, "matrix in English", &["Sold", "€1.3m", "+€250k open"]);
    let en = page_in(&kim, &path, "").await;
    has_all(&en, "sharing in English", &["Share links", "Who sees what", "Team only", "Live", "Created ", "never"]);

    // Saving sets a German flash message when the user chose German.
    let res = kim.post("/me/language", &[("language", "de")]).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let res = kim.post(&format!("/accounts/{}/business-units", p.account), &[("name", "Interieur")]).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let next = page_in(&kim, &location(&res), "").await;
    has_all(&next, "flash", &["Geschäftsbereich „Interieur“ hinzugefügt."]);
}
