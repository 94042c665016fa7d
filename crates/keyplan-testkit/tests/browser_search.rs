//! The parent-account search field in a real (headless) Chromium: typing part of
//! a name shows suggestions from the API, picking one fills the field and saving
//! makes it the parent. Skipped when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`.

use keyplan_domain::Role;
use keyplan_testkit::webdriver::{Browser, Result};
use keyplan_testkit::{PASSWORD, TestApp};

const KAM: &str = "kim.kamp@acme.test";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kam_picks_the_parent_account_from_suggestions() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let child = api.account("Globex Automotive Bremen").await;
    for name in ["Globex Holding", "Globex Logistics", "Initech"] {
        api.account(name).await;
    }

    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", KAM).await?;
    b.fill("input[name=password]", PASSWORD).await?;
    b.click_and_wait(&b.find("form[action='/login'] button[type=submit]").await?).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

    b.goto(&app.url(&format!("/accounts/{child}"))).await?;
    b.open_details("#edit-account").await?;
    let field = b.find("#edit-account input[name=parent]").await?;
    field.send_keys("glob").await?;
    let choice = b
        .wait_for("a suggestion for Globex Holding", || async {
            let buttons = b.find_all("#edit-account .suggest button").await?;
            for button in buttons {
                if button.text().await?.starts_with("Globex Holding") {
                    return Ok(Some(button));
                }
            }
            Ok(None)
        })
        .await?;
    assert!(!b.find("#edit-account .suggest").await?.text().await?.contains("Initech"), "only matches are suggested");
    choice.click().await?;
    assert_eq!(field.value().await?, "Globex Holding");
    let hidden = b.find("#edit-account input[name=parent_id]").await?;
    assert!(!hidden.value().await?.is_empty(), "the chosen id goes along");
    b.click_and_wait(&b.find("#edit-account button[type=submit]").await?).await?;
    assert_eq!(b.find("nav.crumbs a[href^='/accounts/']").await?.text().await?, "Globex Holding", "the parent in the breadcrumbs");
    let (_, v) = api.get(&format!("/accounts/{child}")).await;
    assert!(v["parent_id"].is_i64(), "{v}");
    Ok(())
}
