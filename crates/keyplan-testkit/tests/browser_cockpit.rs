//! The sales manager's cockpit in a real (headless) Chromium: the demo's
//! manager signs in, opens the cockpit from the navigation, clicks a KAM's
//! overdue-commitments figure and sees the overdue commitment listed, then
//! goes to the portfolio filtered by a region.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`. `KEYPLAN_SHOTS=DIR` saves screenshots there.

use keyplan_testkit::TestApp;
use keyplan_testkit::webdriver::{Browser, Result};

const SLIPPED: &str = "Send the cleaning-validation summary to Helix quality assurance";

fn shot(name: &str) -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("KEYPLAN_SHOTS").filter(|d| !d.is_empty()).map(std::path::PathBuf::from)?;
    std::fs::create_dir_all(&dir).expect("create KEYPLAN_SHOTS");
    Some(dir.join(name))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_drills_from_the_cockpit_to_overdue_commitments() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn_demo().await;
    b.set_window_size(1440, 1100).await?;

    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", "martin.keller@northwind.example").await?;
    b.fill("input[name=password]", keyplan_app::demo::DEMO_PASSWORD).await?;
    b.click_and_wait(&b.find("form[action='/login'] button[type=submit]").await?).await?;
    b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;

    // The cockpit, from the navigation.
    b.click_and_wait(&b.find_with_text("nav.mainnav a", "Cockpit").await?).await?;
    b.wait_for_url("the cockpit", |u| u.ends_with("/cockpit")).await?;
    assert_eq!(b.find("h1").await?.text().await?, "Cockpit");
    let row = b.find_with_text("tr.kam-row", "Lena Hoffmann").await?;
    assert!(b.find_with_text("#limit-exceptions h2", "Limit exceptions").await.is_ok());
    assert!(b.find_with_text("#attention .attention", SLIPPED).await.is_ok(), "the slipped commitment needs attention");
    if let Some(path) = shot("cockpit.png") {
        b.screenshot(path).await?;
    }

    // Lena's overdue commitments.
    let figure = row.find("a[data-what=overdue_commitments]").await?;
    let overdue: u32 = figure.text().await?.trim().parse().expect("a count");
    assert!(overdue >= 1, "Lena has overdue commitments");
    b.click_and_wait(&figure).await?;
    let url = b.wait_for_url("the items behind the figure", |u| u.contains("/cockpit/items")).await?;
    assert!(url.contains("what=overdue_commitments"), "{url}");
    assert_eq!(b.find("h1").await?.text().await?, "Overdue commitments");
    assert_eq!(b.find(".page-head p").await?.text().await?, "Lena Hoffmann");
    let item = b.find_with_text("table.cockpit-items tbody tr", SLIPPED).await?;
    assert!(item.text().await?.contains("Julia Weber"));
    if let Some(path) = shot("cockpit_items.png") {
        b.screenshot(path).await?;
    }
    // The commitment's link opens it on its plan.
    b.click_and_wait(&item.find("a.strong").await?).await?;
    let url = b.wait_for_url("the plan", |u| u.contains("/plans/")).await?;
    assert!(url.contains("#node-"), "{url}");

    // The portfolio, from the navigation, filtered by a region with the form.
    b.click_and_wait(&b.find_with_text("nav.mainnav a", "Portfolio").await?).await?;
    b.wait_for_url("the portfolio", |u| u.ends_with("/portfolio")).await?;
    assert_eq!(b.find("h1").await?.text().await?, "Account portfolio");
    assert!(b.find_with_text("table.pf-table tbody tr", "Helix Pharma").await.is_ok(), "every region at first");
    b.find("form.pf-filters select[name=region]").await?.select_by_text("Austria").await?;
    b.click_and_wait(&b.find("form.pf-filters button[type=submit]").await?).await?;
    let url = b.wait_for_url("the filtered portfolio", |u| u.contains("region=Austria")).await?;
    assert!(url.contains("/portfolio?"), "{url}");
    let rows = b.find_all("table.pf-table tbody tr").await?;
    let mut names = Vec::new();
    for r in &rows {
        names.push(r.text().await?);
    }
    assert!(names.iter().any(|n| n.contains("Alpenmilch Dairy")), "Austrian accounts are listed: {names:?}");
    assert!(!names.iter().any(|n| n.contains("Helix Pharma") || n.contains("Brightwater Foods")), "only Austria: {names:?}");
    if let Some(path) = shot("portfolio_region.png") {
        b.screenshot(path).await?;
    }
    Ok(())
}
