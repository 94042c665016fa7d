//! The buying-centre map on the account page: a box per contact, and warnings
//! about contacts nobody calls on and decision makers not yet mapped.

use keyplan_app::demo::{DEMO_ORG, DEMO_PASSWORD};
use keyplan_domain::AccountId;
use keyplan_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{id, named_entities, section};

const LENA: &str = "lena.hoffmann@northwind.example";

/// The inline SVG of an account page.
fn map_svg(page: &str) -> &str {
    section(page, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stakeholder-map\"", "</svg>")
}

fn warnings(page: &str) -> String {
    named_entities(section(page, "<ul class=\"map-warnings\">", "</ul>"))
}

#[tokio::test]
async fn the_account_page_draws_the_buying_centre_and_names_the_gaps() {
    let app = TestApp::spawn_demo().await;
    let s = app.try_login(LENA, DEMO_PASSWORD).await.expect("demo sign-in");
    let api = app.api(LENA).await;
    let (_, accounts) = api.get("/accounts?q=Brightwater").await;
    let account = accounts.as_array().unwrap().iter().find(|a| a["name"] == "Brightwater Foods").map(id).expect("demo account");
    let contacts = app.store.contacts(app.org_id(DEMO_ORG).await, AccountId::new(account)).await.expect("contacts");
    assert!(contacts.len() >= 5, "the demo account has a buying centre");

    let (status, page) = s.get(&format!("/accounts/{account}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h2>Buying-centre map</h2>"));
    let svg = map_svg(&page);
    assert!(svg.contains("role=\"img\"") && svg.contains("<title id=\"stakeholder-map-title\">"), "an accessible picture");
    assert!(!svg.contains("<script") && !svg.contains("<style") && !svg.contains(" style=\""), "nothing the page's CSP would block");
    assert_eq!(svg.matches("<rect data-contact=\"").count(), contacts.len(), "a box per contact");
    for c in &contacts {
        assert!(svg.contains(&format!("<rect data-contact=\"{}\"", c.id)), "a box for {}", c.name);
    }
    assert!(svg.contains("OUR TEAM"), "our colleagues who call on them");
    // In the demo, nobody calls on Sabine Wolff yet.
    assert_eq!(warnings(&page), "<ul class=\"map-warnings\"><li>1 contact without a relationship owner: Sabine Wolff</li></ul>");

    // A decision maker added without an owner or attitude shows up in both warnings.
    let res = s.post(&format!("/accounts/{account}/contacts"), &[("name", "Zoe <Unowned>"), ("buying_role", "decision_maker")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = s.get(&format!("/accounts/{account}")).await;
    let svg = map_svg(&page);
    assert_eq!(svg.matches("<rect data-contact=\"").count(), contacts.len() + 1);
    assert!(named_entities(svg).contains("Zoe &lt;Unowned&gt;") && !page.contains("Zoe <Unowned>"), "escaped in the picture");
    let w = warnings(&page);
    assert!(w.contains("<li>2 contacts without a relationship owner: Sabine Wolff, Zoe &lt;Unowned&gt;</li>"), "{w}");
    assert!(w.contains("<li>Decision makers not yet mapped: Zoe &lt;Unowned&gt;</li>"), "{w}");
}

#[tokio::test]
async fn an_account_without_a_decision_maker_says_so() {
    let app = TestApp::spawn_demo().await;
    let s = app.try_login(LENA, DEMO_PASSWORD).await.expect("demo sign-in");
    let api = app.api(LENA).await;
    let (status, account) = api.post("/accounts", json!({"name": "Umbrella Logistics"})).await;
    assert_eq!(status, StatusCode::CREATED, "{account}");
    let account = id(&account);

    let (_, page) = s.get(&format!("/accounts/{account}")).await;
    assert!(!page.contains("class=\"stakeholder-map\""), "no picture before the first contact");

    let lena = app.store.user_by_email(LENA).await.expect("lookup").expect("Lena");
    let body = json!({"name": "Ida Buyer", "buying_role": "user", "attitude": "supporter", "relationship_owner_id": lena.id.get()});
    let (status, c) = api.post(&format!("/accounts/{account}/contacts"), body).await;
    assert_eq!(status, StatusCode::CREATED, "{c}");
    let (_, page) = s.get(&format!("/accounts/{account}")).await;
    assert_eq!(map_svg(&page).matches("<rect data-contact=\"").count(), 1);
    assert_eq!(warnings(&page), "<ul class=\"map-warnings\"><li>No decision maker identified yet</li></ul>", "Ida has an owner");
}
