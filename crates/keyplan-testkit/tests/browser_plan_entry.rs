//! Entering a new plan in a real (headless) Chromium with JavaScript: the
//! title field holds a suggestion, and clicking into it selects the
//! suggestion, so that typing replaces it instead of adding to it; a node's
//! edit form is fetched into place from its own page.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`.

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Result};
use keyplan_testkit::{PASSWORD, TestApp};

const KAM: &str = "kim.kamp@acme.test";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_replaces_the_suggested_plan_title() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let account = app.api(KAM).await.account("Globex").await;

    b.sign_in(&app.url("/login"), KAM, PASSWORD).await?;

    b.goto(&app.url(&format!("/accounts/{account}"))).await?;
    let new_plan = b.find("details#new-plan").await?;
    new_plan.open_details().await?;
    let title = new_plan.find("input[name=title]").await?;
    let suggested = title.value().await?;
    assert!(!suggested.is_empty(), "a suggested title");
    title.click().await?;
    title.send_keys("Globex growth plan").await?;
    assert_eq!(title.value().await?, "Globex growth plan", "the suggestion {suggested:?} was replaced");
    b.click_and_wait(&new_plan.find("button[type=submit]").await?).await?;
    b.wait_for_url("the new plan", |u| u.contains("/plans/")).await?;
    assert_eq!(b.find("h1").await?.text().await?, "Globex growth plan");
    Ok(())
}

/// A KAM signed in, with a plan holding one goal.
async fn plan_with_a_goal(b: &Browser) -> Result<(TestApp, i64)> {
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex").await;
    let plan = api.plan(account, "Globex plan").await;
    api.node(plan, serde_json::json!({"kind": "goal", "title": "Become preferred supplier"})).await;
    b.sign_in(&app.url("/login"), KAM, PASSWORD).await?;
    Ok((app, plan))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn node_controls_show_on_hover_and_keyboard_focus_only() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let (app, plan) = plan_with_a_goal(&b).await?;
    b.goto(&app.url(&format!("/plans/{plan}"))).await?;
    // Move the pointer away from the tree.
    b.execute("window.scrollTo(0, 0)", vec![]).await?;
    let opacity = |script: &'static str| {
        let b = &b;
        async move { b.execute(script, vec![]).await.map(|v| v.as_str().unwrap_or_default().to_string()) }
    };
    const FIRST: &str = "return getComputedStyle(document.querySelector('section.goal .node-actions')).opacity";
    assert_eq!(opacity(FIRST).await?, "0", "hidden until wanted");
    let count = b.execute("return document.querySelectorAll('section.goal .node-actions button').length", vec![]).await?;
    assert!(count.as_u64().unwrap_or(0) > 0, "the controls are in the page for keyboards and screen readers");
    b.execute("document.querySelector('section.goal .node-actions a[data-inline-edit]').focus()", vec![]).await?;
    b.wait_for("the focused control's group to show", || async {
        let o = opacity(FIRST).await?;
        Ok((o == "1").then_some(()))
    })
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nodes_edit_form_is_fetched_into_place() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let (app, plan) = plan_with_a_goal(&b).await?;
    b.goto(&app.url(&format!("/plans/{plan}"))).await?;
    let forms = b.execute("return document.querySelectorAll('form.node-edit-form').length", vec![]).await?;
    assert_eq!(forms.as_u64(), Some(0), "the page carries no edit form");
    b.execute("document.querySelector('section.goal a[data-inline-edit]').click()", vec![]).await?;
    b.wait_for("the edit form fetched into place", || async {
        let v = b.execute("return !!document.querySelector('.inline-edit form.node-edit-form textarea[name=title]')", vec![]).await?;
        Ok((v.as_bool() == Some(true)).then_some(()))
    })
    .await?;
    let url = b.execute("return location.pathname", vec![]).await?;
    assert_eq!(url.as_str(), Some(format!("/plans/{plan}").as_str()), "still on the plan page");
    b.fill(".inline-edit textarea[name=title]", "Become the preferred supplier in DACH").await?;
    b.click_and_wait(&b.find(".inline-edit button[type=submit]").await?).await?;
    b.wait_for("the saved title on the plan page", || async {
        let v = b.execute("return (document.querySelector('section.goal') || {}).textContent || ''", vec![]).await?;
        Ok(v.as_str().unwrap_or_default().contains("preferred supplier in DACH").then_some(()))
    })
    .await?;
    Ok(())
}
