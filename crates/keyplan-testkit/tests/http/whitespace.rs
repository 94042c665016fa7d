//! The whitespace matrix end to end on the pages: the account's whitespace page
//! (matrix, totals, cell form, business units) and the offerings admin page.
//! The API is in `whitespace_api`.

use keyplan_domain::{AccountId, Role};
use keyplan_testkit::{Api, Session, TestApp, location};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ORG, Planned, assert_error, id, input_value, planned, section, textarea_value};

/// A planned organisation with a manager, two offerings (Sensors, Valves) and
/// two business units on the KAM's account (Powertrain, Chassis).
pub(crate) struct Matrix {
    pub p: Planned,
    pub manager: Api,
    pub sensors: i64,
    pub valves: i64,
    pub powertrain: i64,
    pub chassis: i64,
}

pub(crate) async fn matrix() -> Matrix {
    let p = planned().await;
    p.app.user(ORG, "max@acme.test", "Max Manager", Role::Manager).await;
    let manager = p.app.api("max@acme.test").await;
    let (s, sensors) = manager.post("/offerings", json!({"name": "Sensors", "description": "Pressure and flow"})).await;
    assert_eq!(s, StatusCode::CREATED, "{sensors}");
    let (_, valves) = manager.post("/offerings", json!({"name": "Valves"})).await;
    let units = format!("/accounts/{}/business-units", p.account);
    let (s, powertrain) = p.api.post(&units, json!({"name": "Powertrain"})).await;
    assert_eq!(s, StatusCode::CREATED, "{powertrain}");
    let (_, chassis) = p.api.post(&units, json!({"name": "Chassis"})).await;
    Matrix { sensors: id(&sensors), valves: id(&valves), powertrain: id(&powertrain), chassis: id(&chassis), manager, p }
}

impl Matrix {
    fn page(&self) -> String {
        format!("/accounts/{}/whitespace", self.p.account)
    }

    /// Sets a cell through the API and answers it.
    pub async fn put(&self, offering: i64, unit: i64, status: &str, value: Value, version: i64) -> (StatusCode, Value) {
        let body = json!({"offering_id": offering, "business_unit_id": unit, "status": status, "value": value, "version": version});
        self.p.api.call(Method::PUT, &format!("/accounts/{}/whitespace/cells", self.p.account), Some(body)).await
    }

    pub async fn whitespace(&self) -> Value {
        let (s, v) = self.p.api.get(&format!("/accounts/{}/whitespace", self.p.account)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v
    }
}

/// The cell form of a page (from its `<form>` to its end).
fn cell_form(page: &str, account: i64) -> &str {
    section(page, &format!("<form method=\"post\" action=\"/accounts/{account}/whitespace/cells\""), "</form>")
}

pub(crate) async fn cell_count(app: &TestApp, account: i64) -> usize {
    app.store.cells(app.org_id(ORG).await, AccountId::new(account)).await.expect("cells").len()
}

// --- pages -------------------------------------------------------------------------------

#[tokio::test]
async fn matrix_page_shows_cells_and_totals() {
    let m = matrix().await;
    let (s, sold) = m.put(m.sensors, m.powertrain, "sold", json!(400000), 0).await;
    assert_eq!(s, StatusCode::OK, "{sold}");
    m.put(m.sensors, m.chassis, "opportunity", json!(250000), 0).await;
    m.put(m.valves, m.powertrain, "in_progress", json!("120000"), 0).await;
    m.put(m.valves, m.chassis, "not_relevant", Value::Null, 0).await;
    let s = m.p.app.login("kim@acme.test").await;

    let (status, account) = s.get(&format!("/accounts/{}", m.p.account)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(account.contains(&format!("href=\"/accounts/{}/whitespace\"", m.p.account)), "the account page links to the matrix");

    let (status, page) = s.get(&m.page()).await;
    assert_eq!(status, StatusCode::OK);
    let table = section(&page, "<table class=\"ws-matrix\">", "</table>");
    for name in ["Sensors", "Valves", "Powertrain", "Chassis", "Pressure and flow"] {
        assert!(table.contains(name), "{name} on the matrix");
    }
    let sold_cell = section(table, &format!("id=\"ws-cell-{}\"", id(&sold)), "</a>");
    assert!(sold_cell.contains("Sold") && sold_cell.contains("€400k"), "{sold_cell}");
    assert!(table.contains("ws-cell ws-sold") && table.contains("ws-cell ws-opportunity") && table.contains("ws-cell ws-in_progress"));
    assert!(table.contains("ws-cell ws-not_relevant"));
    // Row totals: Sensors sold 400k, open 250k; grand totals: 400k current, 370k open.
    let sensors_row = section(table, "Sensors</span>", "</tr>");
    assert!(sensors_row.contains("<span class=\"ws-cur\">€400k</span>") && sensors_row.contains("+€250k open"), "{sensors_row}");
    let foot = section(table, "<tfoot>", "</tfoot>");
    assert!(foot.contains("€400k") && foot.contains("+€370k open"), "{foot}");
    let summary = section(&page, "<div class=\"ws-summary\">", "</div>\n</div>");
    assert!(summary.contains("Current business</span><strong>€400k</strong>"), "{summary}");
    assert!(summary.contains("Open potential</span><strong>€370k</strong>"), "{summary}");
    assert!(summary.contains("<strong>0</strong><small>of 4 cells empty"), "{summary}");
    // Editors get links to each cell's form.
    assert!(table.contains(&format!("href=\"/accounts/{}/whitespace?cell={}-{}#cell-edit\"", m.p.account, m.valves, m.chassis)));

    // The API tells the same totals.
    let ws = m.whitespace().await;
    assert_eq!(ws["totals"], json!({"current": 400000.0, "open": 370000.0, "sold_cells": 1, "open_cells": 2, "empty_cells": 0}));
    assert_eq!(ws["currency"], "EUR");
}

#[tokio::test]
async fn a_kam_sets_a_cell_through_the_form() {
    let m = matrix().await;
    let s = m.p.app.login("kim@acme.test").await;
    let key = format!("{}-{}", m.sensors, m.chassis);
    let (status, page) = s.get(&format!("{}?cell={key}", m.page())).await;
    assert_eq!(status, StatusCode::OK);
    let form = cell_form(&page, m.p.account);
    assert!(page.contains("Sensors × Chassis"));
    assert_eq!(input_value(form, "version").as_deref(), Some("0"), "an empty cell is at version 0");

    let (offering, unit) = (m.sensors.to_string(), m.chassis.to_string());
    let fields = |status: &'static str, value: &'static str, version: &'static str| {
        vec![
            ("offering_id", offering.clone()),
            ("business_unit_id", unit.clone()),
            ("version", version.into()),
            ("status", status.into()),
            ("value", value.into()),
            ("note", "E-axle line".into()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>| {
        let s: &Session = &s;
        let path = format!("/accounts/{}/whitespace/cells", m.p.account);
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            s.post(&path, &f).await
        }
    };
    let res = post(fields("opportunity", "250,000.00", "0")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let ws = m.whitespace().await;
    let cell = &ws["cells"][0];
    assert_eq!(
        (cell["status"].as_str(), cell["value"].as_f64(), cell["note"].as_str()),
        (Some("opportunity"), Some(250000.0), Some("E-axle line"))
    );
    assert_eq!(location(&res), format!("{}#ws-cell-{}", m.page(), id(cell)));
    let (_, page) = s.get(&m.page()).await;
    assert!(page.contains("Saved: Sensors × Chassis: Opportunity, €250k."), "flash names the cell");

    // The form now edits version 1; saving it wins the cell.
    let (_, page) = s.get(&format!("{}?cell={key}", m.page())).await;
    let form = cell_form(&page, m.p.account);
    assert_eq!(input_value(form, "version").as_deref(), Some("1"));
    assert_eq!(input_value(form, "value").as_deref(), Some("250000"));
    assert!(form.contains("<option value=\"opportunity\" selected>"));
    assert_eq!(post(fields("sold", "240000", "1")).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(m.whitespace().await["totals"]["current"], 240000.0);

    // No status clears the cell.
    assert_eq!(post(fields("", "", "2")).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(cell_count(&m.p.app, m.p.account).await, 0);
}

#[tokio::test]
async fn cell_form_errors_name_the_field_and_keep_the_input() {
    let m = matrix().await;
    let s = m.p.app.login("kim@acme.test").await;
    let (o, u) = (m.sensors.to_string(), m.powertrain.to_string());
    let path = format!("/accounts/{}/whitespace/cells", m.p.account);
    let res = s
        .post(
            &path,
            &[
                ("offering_id", &o),
                ("business_unit_id", &u),
                ("version", "0"),
                ("status", "opportunity"),
                ("value", "-5"),
                ("note", "typed note"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let form = cell_form(&page, m.p.account);
    let value_label = section(form, "Value per year", "</label>");
    assert!(value_label.contains("aria-invalid=\"true\"") && value_label.contains("must not be negative"), "{value_label}");
    assert_eq!(input_value(form, "value").as_deref(), Some("-5"));
    assert_eq!(textarea_value(form, "note").as_deref(), Some("typed note"));
    assert!(form.contains("<option value=\"opportunity\" selected>"));

    let res = s.post(&path, &[("offering_id", &o), ("business_unit_id", &u), ("version", "0"), ("status", "maybe")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let status_label = section(cell_form(&page, m.p.account), "Status", "</label>");
    assert!(status_label.contains("must be sold, in_progress, opportunity or not_relevant"), "{status_label}");

    // A form that does not say which cell it is for, or its version, is a bad request.
    assert_eq!(s.post(&path, &[("offering_id", "x"), ("business_unit_id", &u), ("version", "0")]).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(s.post(&path, &[("offering_id", &o), ("business_unit_id", &u), ("status", "sold")]).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(cell_count(&m.p.app, m.p.account).await, 0, "nothing stored");
}

#[tokio::test]
async fn a_stale_cell_form_shows_what_is_stored() {
    let m = matrix().await;
    let s = m.p.app.login("kim@acme.test").await;
    m.put(m.sensors, m.powertrain, "opportunity", json!(250000), 0).await;
    // Someone else wins the deal while Kim's form still shows version 1.
    let (status, _) = m.put(m.sensors, m.powertrain, "sold", json!(300000), 1).await;
    assert_eq!(status, StatusCode::OK);
    let (o, u) = (m.sensors.to_string(), m.powertrain.to_string());
    let res = s
        .post(
            &format!("/accounts/{}/whitespace/cells", m.p.account),
            &[("offering_id", &o), ("business_unit_id", &u), ("version", "1"), ("status", "in_progress"), ("value", "111")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    let form = cell_form(&page, m.p.account);
    assert!(form.contains("changed this while you were editing"), "{form}");
    assert!(form.contains("<td>300000</td>") && form.contains("<td>sold</td>"), "shows the stored value: {form}");
    assert_eq!(input_value(form, "value").as_deref(), Some("111"), "keeps what was typed");
    assert_eq!(input_value(form, "version").as_deref(), Some("2"));
    let cell = &m.whitespace().await["cells"][0];
    assert_eq!((cell["status"].as_str(), cell["version"].as_i64()), (Some("sold"), Some(2)));
}

#[tokio::test]
async fn business_units_are_managed_on_the_page() {
    let m = matrix().await;
    let s = m.p.app.login("kim@acme.test").await;
    let add = format!("/accounts/{}/business-units", m.p.account);
    let res = s.post(&add, &[("name", "Aftermarket")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, units) = m.p.api.get(&add).await;
    let names: Vec<&str> = units.as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Powertrain", "Chassis", "Aftermarket"]);
    let aftermarket = id(&units[2]);

    // A duplicate is refused next to the field, with the typed name kept.
    let res = s.post(&add, &[("name", "chassis")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let form = section(&page, &format!("action=\"{add}\""), "</form>");
    assert!(form.contains("is already a business unit of this account") && form.contains("aria-invalid=\"true\""), "{form}");
    assert_eq!(input_value(form, "name").as_deref(), Some("chassis"));

    // Rename, then a stale rename shows the stored name.
    let path = format!("/business-units/{aftermarket}");
    assert_eq!(s.post(&path, &[("version", "1"), ("name", "Aftermarket & service")]).await.status(), StatusCode::SEE_OTHER);
    let res = s.post(&path, &[("version", "1"), ("name", "Spares")]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    let form = section(&page, &format!("action=\"{path}\""), "</form>");
    assert!(form.contains("Aftermarket &amp; service") || form.contains("Aftermarket &#38; service"), "{form}");
    assert_eq!(input_value(form, "name").as_deref(), Some("Spares"));

    // Reorder: Aftermarket moves left of Chassis.
    assert_eq!(s.post(&format!("{path}/move"), &[("direction", "up")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.post(&format!("{path}/move"), &[("direction", "sideways")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, units) = m.p.api.get(&add).await;
    assert_eq!(units[1]["name"], "Aftermarket & service");

    // Deleting a unit takes its cells.
    m.put(m.sensors, m.chassis, "sold", json!(1), 0).await;
    m.put(m.sensors, m.powertrain, "sold", json!(1), 0).await;
    assert_eq!(s.post(&format!("/business-units/{}/delete", m.chassis), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(cell_count(&m.p.app, m.p.account).await, 1);
    let (_, page) = s.get(&m.page()).await;
    assert!(page.contains("Business unit “Chassis” deleted with its cells."));
}

#[tokio::test]
async fn viewers_read_the_matrix_but_cannot_post() {
    let m = matrix().await;
    m.put(m.sensors, m.powertrain, "sold", json!(1000), 0).await;
    m.p.app.user(ORG, "vic@acme.test", "Vic Viewer", Role::Viewer).await;
    let s = m.p.app.login("vic@acme.test").await;
    let (status, page) = s.get(&format!("{}?cell={}-{}", m.page(), m.sensors, m.powertrain)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("ws-cell ws-sold"), "the matrix is there");
    assert!(!page.contains("/whitespace/cells"), "no cell form");
    assert!(!page.contains("?cell="), "no edit links");
    assert!(!page.contains("/business-units"), "no unit forms");

    let (o, u) = (m.sensors.to_string(), m.chassis.to_string());
    for (path, fields) in [
        (
            format!("/accounts/{}/whitespace/cells", m.p.account),
            vec![("offering_id", o.as_str()), ("business_unit_id", u.as_str()), ("version", "0"), ("status", "sold")],
        ),
        (format!("/accounts/{}/business-units", m.p.account), vec![("name", "Viewer unit")]),
        (format!("/business-units/{}", m.chassis), vec![("version", "1"), ("name", "Renamed")]),
        (format!("/business-units/{}/move", m.chassis), vec![("direction", "up")]),
        (format!("/business-units/{}/delete", m.chassis), vec![]),
        ("/admin/offerings".to_string(), vec![("name", "Viewer offering")]),
    ] {
        assert_eq!(s.post(&path, &fields).await.status(), StatusCode::FORBIDDEN, "POST {path}");
    }
    let ws = m.whitespace().await;
    assert_eq!((ws["cells"].as_array().unwrap().len(), ws["business_units"].as_array().unwrap().len()), (1, 2));
    assert_eq!(ws["business_units"][1]["name"], "Chassis");
}

#[tokio::test]
async fn whitespace_forms_need_the_csrf_token() {
    let m = matrix().await;
    let s = m.p.app.login("kim@acme.test").await;
    m.p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = m.p.app.login("ada@acme.test").await;
    let (o, u) = (m.sensors.to_string(), m.powertrain.to_string());
    let cells = format!("/accounts/{}/whitespace/cells", m.p.account);
    let res = s.post_raw(&cells, &[("offering_id", &o), ("business_unit_id", &u), ("version", "0"), ("status", "sold")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = s.post_raw(&format!("/accounts/{}/business-units", m.p.account), &[("name", "No token")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = s.post_raw(&format!("/business-units/{}/delete", m.powertrain), &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = admin.post_raw("/admin/offerings", &[("name", "No token")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = admin.post_raw(&format!("/admin/offerings/{}/delete", m.sensors), &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // The API with the session cookie needs the header.
    let body = json!({"offering_id": m.sensors, "business_unit_id": m.powertrain, "status": "sold"});
    let (status, _) = s.api(Method::PUT, &format!("/accounts/{}/whitespace/cells", m.p.account), Some(body), false).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let ws = m.whitespace().await;
    assert_eq!(ws["cells"], json!([]));
    assert_eq!((ws["offerings"].as_array().unwrap().len(), ws["business_units"].as_array().unwrap().len()), (2, 2));
}

#[tokio::test]
async fn offerings_are_managed_by_admins_and_managers_only() {
    let m = matrix().await;
    let kam = m.p.app.login("kim@acme.test").await;
    let (status, page) = kam.get("/admin/offerings").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, page_a) = kam.get("/accounts").await;
    assert!(!page_a.contains("href=\"/admin/offerings\""), "no nav link for a KAM: {}", page.len());
    assert_eq!(kam.post("/admin/offerings", &[("name", "KAM offering")]).await.status(), StatusCode::FORBIDDEN);
    assert_error(&m.p.api.post("/offerings", json!({"name": "KAM offering"})).await, StatusCode::FORBIDDEN, "forbidden", None);

    m.p.app.user(ORG, "ada@acme.test", "Ada Admin", Role::Admin).await;
    let admin = m.p.app.login("ada@acme.test").await;
    let (status, page) = admin.get("/admin/offerings").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("href=\"/admin/offerings\" aria-current=\"page\""), "nav link, current");
    assert!(page.contains("Sensors") && page.contains("Valves"));

    let res = admin.post("/admin/offerings", &[("name", "Field service"), ("description", "Maintenance contracts")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, list) = m.p.api.get("/offerings").await;
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Sensors", "Valves", "Field service"]);
    let service = id(&list[2]);

    // Duplicate: the error sits next to the name, which is kept.
    let res = admin.post("/admin/offerings", &[("name", "SENSORS"), ("description", "typed")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let form = section(&page, "<form method=\"post\" action=\"/admin/offerings\" class=\"stack\">", "</form>");
    assert!(form.contains("is already used") && form.contains("aria-invalid=\"true\""), "{form}");
    assert_eq!(input_value(form, "name").as_deref(), Some("SENSORS"));
    assert_eq!(textarea_value(form, "description").as_deref(), Some("typed"));

    // Rename, then a stale rename shows the stored name and keeps the typed one.
    let path = format!("/admin/offerings/{service}");
    assert_eq!(admin.post(&path, &[("version", "1"), ("name", "Field service contracts")]).await.status(), StatusCode::SEE_OTHER);
    let res = admin.post(&path, &[("version", "1"), ("name", "Service")]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    let form = section(&page, &format!("action=\"{path}\""), "</form>");
    assert!(form.contains("Field service contracts") && form.contains("changed this while you were editing"), "{form}");
    assert_eq!(input_value(form, "name").as_deref(), Some("Service"));

    // Reorder, retire, restore, delete.
    assert_eq!(admin.post(&format!("{path}/move"), &[("direction", "up")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(admin.post(&format!("{path}/retire"), &[("version", "2"), ("retired", "true")]).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = admin.get("/admin/offerings").await;
    let row = section(&page, &format!("<li id=\"offering-{service}\""), "</li>");
    assert!(row.contains("Retired") && row.contains("Restore"), "{row}");
    assert_eq!(m.p.api.get("/offerings").await.1.as_array().unwrap().len(), 2, "retired offerings leave the list in use");
    assert_eq!(admin.post(&format!("{path}/retire"), &[("version", "2"), ("retired", "false")]).await.status(), StatusCode::CONFLICT);
    assert_eq!(admin.post(&format!("{path}/retire"), &[("version", "3"), ("retired", "false")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(admin.post(&format!("{path}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, list) = m.p.api.get("/offerings?include_retired=true").await;
    assert_eq!(list.as_array().unwrap().len(), 2);

    // Managers may too.
    let manager = m.p.app.login("max@acme.test").await;
    assert_eq!(manager.post("/admin/offerings", &[("name", "Spare parts")]).await.status(), StatusCode::SEE_OTHER);
}
