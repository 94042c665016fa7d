//! Entering a new plan in a real (headless) Chromium with JavaScript: the
//! title field holds a suggestion, and clicking into it selects the
//! suggestion, so that typing replaces it instead of adding to it.
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

    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", KAM).await?;
    b.fill("input[name=password]", PASSWORD).await?;
    b.click_and_wait(&b.find("form[action='/login'] button[type=submit]").await?).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

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
