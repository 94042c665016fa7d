//! Accessibility in real (headless) Chromium: axe-core checks the main pages
//! of the demo organisation, and the target is no serious or critical
//! violation. Then the keyboard alone builds a node and accepts a commitment.
//!
//! axe-core is not part of the repository: it comes from the npm registry at
//! test time, and `KEYPLAN_AXE` names its `axe.min.js` (`.ci/run` installs it
//! outside the clone). Without it the axe test is skipped with a message,
//! unless `KEYPLAN_REQUIRE_AXE=1`. Skipped too when Chromium or chromedriver
//! is missing, unless `KEYPLAN_REQUIRE_BROWSER=1`.

use keyplan_app::demo::{DEMO_PASSWORD, DEMO_SIGN_INS};
use keyplan_testkit::TestApp;
use keyplan_testkit::webdriver::{Browser, Result};
use serde_json::json;

/// The axe-core script, or `None` (after saying so) when it is not installed.
fn axe_source() -> Option<String> {
    let path = std::env::var("KEYPLAN_AXE").ok().filter(|p| !p.trim().is_empty());
    match path.as_deref().map(std::fs::read_to_string) {
        Some(Ok(src)) => Some(src),
        other => {
            let why = match other {
                Some(Err(e)) => format!("KEYPLAN_AXE could not be read: {e}"),
                _ => "KEYPLAN_AXE is not set".to_string(),
            };
            if std::env::var("KEYPLAN_REQUIRE_AXE").is_ok_and(|v| v == "1") {
                panic!("KEYPLAN_REQUIRE_AXE=1 but {why}");
            }
            eprintln!("skipped: {why} (the path of axe-core's axe.min.js)");
            None
        }
    }
}

/// Runs axe-core on the current page: the serious and critical violations, one line each.
async fn violations(b: &Browser, axe: &str, page: &str) -> Result<Vec<String>> {
    b.execute(&format!("{axe}\n;return true;"), vec![]).await?;
    let found = b
        .execute(
            "return axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 8).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 100)
                              + (n.any[0] && n.any[0].data && n.any[0].data.fgColor ? ' [' + n.any[0].data.fgColor + ' on ' + n.any[0].data.bgColor + ' = ' + n.any[0].data.contrastRatio + ']' : ''))})));",
            vec![],
        )
        .await?;
    let list = found.as_array().cloned().unwrap_or_default();
    Ok(list.iter().map(|v| format!("{page}: {} ({}) {}: {}", v["id"], v["impact"], v["help"], v["nodes"])).collect())
}

/// The demo's main plan (Brightwater's one-page plan, with reviews) and its account.
async fn demo_plan(app: &TestApp, email: &str) -> (i64, i64) {
    let user = app.store.user_by_email(email).await.expect("lookup").expect("demo user");
    let plans = app.store.open_plans(user.org_id).await.expect("plans");
    let s = plans
        .iter()
        .find(|s| s.plan.template == "one_page_constraint" && s.account_name.starts_with("Brightwater"))
        .expect("Brightwater's one-page plan in the demo");
    (s.plan.id.get(), s.plan.account_id.get())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_pages_have_no_serious_accessibility_violations() -> Result<()> {
    let Some(axe) = axe_source() else { return Ok(()) };
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn_demo().await;
    let kam = DEMO_SIGN_INS[0].0;
    let api = app.api(kam).await;
    let mut found = Vec::new();

    b.goto(&app.url("/login")).await?;
    found.extend(violations(&b, &axe, "sign-in").await?);

    let (plan, account) = demo_plan(&app, kam).await;
    let mut plans = vec![("plan, one-page constraint", plan)];
    for template in ["strategic", "nine_section", "master_action"] {
        let (s, p) =
            api.post(&format!("/accounts/{account}/plans"), json!({"title": format!("Plan {template}"), "template": template})).await;
        assert!(s.is_success(), "{template}: {s} {p}");
        plans.push((template, p["id"].as_i64().expect("id")));
    }
    let (s, link) = api
        .post(
            &format!("/plans/{plan}/share-links"),
            json!({"label": "Buyer", "expires_on": (time::OffsetDateTime::now_utc().date() + time::Duration::days(30)).to_string()}),
        )
        .await;
    assert!(s.is_success(), "share link: {s} {link}");
    let share = link["url"].as_str().expect("url").to_string();
    let share_path = &share[share.find("/s/").expect("share path")..];
    let (_, reviews) = api.get(&format!("/plans/{plan}/reviews")).await;
    let review = reviews.as_array().and_then(|r| r.first()).and_then(|r| r["id"].as_i64());

    b.sign_in(&app.url("/login"), kam, DEMO_PASSWORD).await?;
    let mut pages: Vec<(String, String)> = vec![
        ("accounts".into(), "/accounts".into()),
        ("account".into(), format!("/accounts/{account}")),
        ("my commitments".into(), "/me/commitments".into()),
        ("management briefing".into(), format!("/plans/{plan}/view/management")),
        ("customer excerpt".into(), format!("/plans/{plan}/view/customer")),
        ("story".into(), format!("/plans/{plan}/story")),
    ];
    pages.extend(plans.iter().map(|(label, id)| (label.to_string(), format!("/plans/{id}"))));
    // The tabs under the plan: each panel as the page sends it when asked for.
    for tab in ["reviews", "timeline", "coach", "customer", "discussion"] {
        pages.push((format!("plan, {tab} tab"), format!("/plans/{plan}?tab={tab}#{tab}")));
    }
    if let Some(r) = review {
        pages.push(("review".into(), format!("/reviews/{r}")));
    }
    for (label, path) in &pages {
        b.goto(&app.url(path)).await?;
        found.extend(violations(&b, &axe, label).await?);
    }
    b.goto(&app.url(share_path)).await?;
    found.extend(violations(&b, &axe, "share page").await?);

    assert!(review.is_some(), "the demo plan has a review to check");
    assert!(found.is_empty(), "{} serious or critical violations:\n{}", found.len(), found.join("\n"));
    Ok(())
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// Signs in with the keyboard: the address field has the focus when the page opens.
async fn sign_in_by_keyboard(b: &Browser, app: &TestApp, email: &str) -> Result<()> {
    b.goto(&app.url("/login")).await?;
    b.press(email).await?;
    b.press(TAB).await?;
    b.press(keyplan_testkit::PASSWORD).await?;
    b.press(ENTER).await?;
    b.wait_for_url("the signed-in start page", |u| !u.contains("/login")).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keyboard_alone_builds_a_node_and_accepts_a_commitment() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    let (kam, member) = ("kim@acme.test", "mo@acme.test");
    app.user("Acme", kam, "Kim Kamp", keyplan_domain::Role::Kam).await;
    let mo = app.user("Acme", member, "Mo Member", keyplan_domain::Role::Member).await;
    let api = app.api(kam).await;
    let account = api.account("Globex").await;
    let plan = api.plan(account, "Globex plan").await;
    let goal = api.node(plan, json!({"kind": "goal", "title": "Become preferred supplier"})).await["id"].as_i64().expect("goal");

    // The KAM adds a critical success factor under the goal: Tab to its add control, open it, type, submit.
    sign_in_by_keyboard(&b, &app, kam).await?;
    b.goto(&app.url(&format!("/plans/{plan}"))).await?;
    b.tab_to(&format!("a.add-link#add-{goal}"), 200).await?;
    b.press(ENTER).await?;
    // The form comes into the link's place with the keyboard in its first field.
    b.find(&format!("details.add#add-{goal}[open] textarea[name=title]")).await?;
    b.press("Reliable deliveries").await?;
    b.tab_to(&format!("#add-{goal} button[type=submit]"), 40).await?;
    b.press(ENTER).await?;
    b.wait_for("the new factor", || async {
        let (_, v) = api.get(&format!("/plans/{plan}")).await;
        Ok(v.to_string().contains("Reliable deliveries").then_some(()))
    })
    .await?;

    // A commitment for Mo, who accepts it from their list with the keyboard.
    let [_, _, _, obstacle] = api.skeleton(plan).await;
    let c = api
        .node(plan, json!({"kind": "commitment", "parent_id": obstacle, "title": "Run the trial", "owner_id": mo.id.get(), "due_date": "2027-03-31"}))
        .await;
    let commitment = c["id"].as_i64().expect("commitment");
    b.goto(&app.url("/logout")).await.ok();
    let b2 = Browser::for_test().await.expect("a second browser");
    sign_in_by_keyboard(&b2, &app, member).await?;
    b2.goto(&app.url("/me/commitments")).await?;
    b2.tab_to(&format!("form[action='/commitments/{commitment}/respond'] button[type=submit]"), 200).await?;
    b2.press(ENTER).await?;
    b2.wait_for("the commitment accepted", || async {
        let (_, v) = api.get(&format!("/nodes/{commitment}")).await;
        Ok((v["acceptance"] == "accepted").then_some(()))
    })
    .await?;
    Ok(())
}
