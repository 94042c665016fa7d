//! Figures about our business never reach the customer (issue 15): a goal for
//! our benefit marked customer-visible reaches every customer output without
//! its figures, a goal for the customer keeps them, our revenue never shows,
//! and customer outputs carry the title written for the customer (by default
//! the account's name and the period), never the internal one. The sharing
//! page previews exactly that. A customer-visible commitment shows its "how"
//! wherever it shows its done criterion, and its progress notes never reach
//! any customer output.

use keyplan_domain::Role;
use keyplan_testkit::{Api, Session, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{ORG, id};

const KAM: &str = "kim@acme.test";
const INTERNAL_TITLE: &str = "INTERNAL-TITLE grow to EUR 2.6m";

/// A progress note on the customer-visible commitment: internal, never for the customer.
const PROGRESS_NOTE: &str = "PROGRESS-Q9 their buyer is about to leave";

/// Our goal's figures as any output might write them.
const OUR_FIGURES: [&str; 8] = ["1800000", "1,800,000", "1.800.000", "2600000", "2,600,000", "2.600.000", "Revenue with Globex", "7654321"];

async fn vis(api: &Api, plan: i64, kind: &str, target: i64) {
    let body = json!({"target_kind": kind, "target_id": target, "visibility": "customer"});
    let (s, v) = api.call(Method::PUT, &format!("/plans/{plan}/visibility"), Some(body)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

struct World {
    app: TestApp,
    api: Api,
    session: Session,
    plan: i64,
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, KAM, "Kim Kamara", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex Chemicals").await;
    let (s, _) = api.patch(&format!("/accounts/{account}"), json!({"current_revenue": 7654321, "version": 1})).await;
    assert!(s.is_success());
    let (s, plan) = api.post(&format!("/accounts/{account}/plans"), json!({"title": INTERNAL_TITLE, "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{plan}");
    let plan = id(&plan);
    let ours = api
        .node(
            plan,
            json!({"kind": "goal", "title": "OUR-GOAL-Q9", "metric": "Revenue with Globex", "baseline": 1800000, "target": 2600000,
            "unit": "EUR", "benefit": "us"}),
        )
        .await;
    let theirs = api
        .node(
            plan,
            json!({"kind": "goal", "title": "THEIR-GOAL-Q9", "metric": "Lead time in days", "baseline": 420, "target": 170,
            "unit": "days", "benefit": "customer"}),
        )
        .await;
    vis(&api, plan, "node", id(&ours)).await;
    vis(&api, plan, "node", id(&theirs)).await;
    let promise = api
        .node(
            plan,
            json!({"kind": "commitment", "parent_id": id(&ours), "title": "OUR-COMMITMENT-Q9", "owner_id": kim.id.get(),
            "done_criterion": "DONE-Q9 trial report signed", "how": "HOW-Q9 weekly plant visits"}),
        )
        .await;
    vis(&api, plan, "node", id(&promise)).await;
    let (s, v) = api.post(&format!("/nodes/{}/progress", id(&promise)), json!({"text": PROGRESS_NOTE})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let session = app.login(KAM).await;
    World { app, api, session, plan }
}

#[track_caller]
fn assert_no_figures(what: &str, body: &str, title: &str) {
    for f in OUR_FIGURES {
        assert!(!body.contains(f), "{what}: our figure {f} leaked");
    }
    assert!(!body.contains("INTERNAL-TITLE"), "{what}: the internal title leaked");
    assert!(body.contains("OUR-GOAL-Q9") && body.contains("THEIR-GOAL-Q9"), "{what}: both goals are shown");
    assert!(body.contains(title), "{what}: the customer's title {title} is missing");
    assert!(!body.contains("PROGRESS-Q9"), "{what}: a progress note leaked");
    assert!(!body.contains("DONE-Q9") || body.contains("HOW-Q9"), "{what}: the commitment's how goes with its done criterion");
}

async fn workbook(s: &Session, path: &str) -> String {
    let res = s.client.get(format!("{}{path}", s.base)).send().await.expect("GET");
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    crate::xlsx::all_text(&res.bytes().await.expect("body"))
}

async fn every_customer_output(w: &World, title: &str) {
    let p = w.plan;
    let (s, page) = w.session.get(&format!("/plans/{p}/view/customer")).await;
    assert_eq!(s, StatusCode::OK);
    assert_no_figures("customer excerpt", &page, title);
    assert!(page.contains("170") && page.contains("Lead time in days"), "the customer's own goal keeps its figures");
    for path in [format!("/plans/{p}/export.md?audience=customer"), format!("/plans/{p}/export.json?audience=customer")] {
        let (s, body) = w.session.get(&path).await;
        assert_eq!(s, StatusCode::OK, "{path}");
        assert_no_figures(&path, &body, title);
    }
    let (s, v) = w.api.get(&format!("/plans/{p}/views/customer")).await;
    assert_eq!(s, StatusCode::OK);
    assert_no_figures("API customer view", &v.to_string(), title);
    let xlsx = workbook(&w.session, &format!("/plans/{p}/export.xlsx?audience=customer")).await;
    assert_no_figures("customer XLSX", &xlsx, title);

    let until = keyplan_domain::validate::format_date(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
    let res = w.session.post(&format!("/plans/{p}/share-links"), &[("label", "Procurement"), ("expires_on", &until)]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created = res.text().await.unwrap();
    let start = created.find("/s/").expect("the new link") + 3;
    let token = &created[start..start + 64];
    let shared = w.app.client().get(w.app.url(&format!("/s/{token}"))).send().await.unwrap().text().await.unwrap();
    assert_no_figures("share page", &shared, title);
}

#[tokio::test]
async fn our_figures_and_internal_title_never_reach_the_customer() {
    let w = world().await;
    // The team sees everything, so the checks below can fail.
    let (_, team) = w.session.get(&format!("/plans/{}/export.md", w.plan)).await;
    assert!(team.contains("INTERNAL-TITLE") && team.contains("Revenue with Globex"), "{team}");
    assert!(team.contains(PROGRESS_NOTE) && team.contains("HOW-Q9"), "the team's file has the notes and the how: {team}");
    let (_, customer) = w.session.get(&format!("/plans/{}/export.json?audience=customer", w.plan)).await;
    assert!(customer.contains("OUR-COMMITMENT-Q9") && customer.contains("HOW-Q9"), "a customer-visible commitment keeps its how");

    let (_, plan) = w.api.get(&format!("/plans/{}", w.plan)).await;
    let start = time::Date::parse(plan["period_start"].as_str().unwrap(), &time::format_description::well_known::Iso8601::DATE).unwrap();
    let end = time::Date::parse(plan["period_end"].as_str().unwrap(), &time::format_description::well_known::Iso8601::DATE).unwrap();
    let default = keyplan_domain::plan::customer_title(None, "Globex Chemicals", start, end);
    assert!(default.starts_with("Globex Chemicals · 20"), "{default}");
    every_customer_output(&w, &default).await;

    // The sharing page says what the customer reads, which goals lose their figures, and previews it.
    let (s, sharing) = w.session.get(&format!("/plans/{}/sharing", w.plan)).await;
    assert_eq!(s, StatusCode::OK);
    let preview = &sharing[sharing.find("customer-preview").expect("a preview")..];
    assert!(preview.contains(&default) && preview.contains("without their figures"), "the sharing page names the rule");
    assert!(preview.contains("OUR-GOAL-Q9"));
    assert!(!preview.contains("PROGRESS-Q9"), "the preview has no progress notes");
    assert!(!preview.contains("2,600,000") && !preview.contains("2600000"), "the preview is the customer's view");

    // A title written for the customer replaces the default everywhere; an edit without the field keeps it.
    let (s, v) = w
        .api
        .patch(&format!("/plans/{}", w.plan), json!({"version": plan["version"], "customer_title": "Globex and Acme · Partnership 2027"}))
        .await;
    assert_eq!((s, &v["customer_title"]), (StatusCode::OK, &json!("Globex and Acme · Partnership 2027")), "{v}");
    let (s, v) = w.api.patch(&format!("/plans/{}", w.plan), json!({"version": v["version"], "status": "active"})).await;
    assert_eq!((s, &v["customer_title"]), (StatusCode::OK, &json!("Globex and Acme · Partnership 2027")), "{v}");
    every_customer_output(&w, "Globex and Acme · Partnership 2027").await;
}
