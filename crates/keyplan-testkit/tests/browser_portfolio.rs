//! The account portfolio in a real (headless) Chromium: reached from the top
//! navigation, the picture drawn with a link per bubble, the filter form
//! working without JavaScript, and a bubble leading to its account.
//! `KEYPLAN_SHOTS=DIR` saves screenshots there.
//!
//! ```sh
//! KEYPLAN_REQUIRE_BROWSER=1 cargo test -p keyplan-testkit --test browser_portfolio
//! ```

use keyplan_testkit::TestApp;
use keyplan_testkit::webdriver::{Browser, Options, Result};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portfolio_from_the_navigation_to_an_account() -> Result<()> {
    let Some(b) = Browser::for_test_with(Options::no_js()).await else { return Ok(()) };
    let app = TestApp::spawn_demo().await;
    b.set_window_size(1440, 1000).await?;
    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", "lena.hoffmann@northwind.example").await?;
    b.fill("input[name=password]", keyplan_app::demo::DEMO_PASSWORD).await?;
    let button = b.find("form[action='/login'] button[type=submit]").await?;
    b.click_and_wait(&button).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

    let nav = b.find_with_text("nav.mainnav a", "Portfolio").await?;
    b.click_and_wait(&nav).await?;
    b.wait_for_url("the portfolio", |u| u.ends_with("/portfolio")).await?;
    let bubbles = b.find_all("svg.portfolio-map a.pf-bubble").await?;
    assert!(!bubbles.is_empty(), "the demo's accounts are in the picture");
    assert!(b.find("svg.portfolio-map").await?.is_displayed().await?);
    let shots = std::env::var_os("KEYPLAN_SHOTS").filter(|d| !d.is_empty()).map(std::path::PathBuf::from);
    if let Some(dir) = &shots {
        std::fs::create_dir_all(dir).expect("create KEYPLAN_SHOTS");
        b.screenshot(dir.join("portfolio.png")).await?;
        b.set_window_size(1440, 2600).await?;
        b.screenshot(dir.join("portfolio-full.png")).await?;
        b.set_window_size(1440, 1000).await?;
    }

    // The filter form is a plain GET form.
    b.find("form.pf-filters select[name=state]").await?.select_by_value("no_plan").await?;
    let show = b.find("form.pf-filters button[type=submit]").await?;
    b.click_and_wait(&show).await?;
    let url = b.wait_for_url("the filtered portfolio", |u| u.contains("state=no_plan")).await?;
    assert!(url.contains("/portfolio?"), "{url}");
    for bubble in b.find_all("svg.portfolio-map a.pf-bubble").await? {
        assert_eq!(bubble.attribute("data-state").await?.as_deref(), Some("no_plan"));
    }
    if let Some(dir) = &shots {
        b.screenshot(dir.join("portfolio-filtered.png")).await?;
    }

    // A row of the table leads to its account.
    let first = b.find("table.pf-table tbody tr td a.strong").await?;
    let name = first.text().await?;
    b.click_and_wait(&first).await?;
    b.wait_for_url("the account", |u| u.contains("/accounts/")).await?;
    assert!(b.find("h1").await?.text().await?.contains(&name));
    Ok(())
}
