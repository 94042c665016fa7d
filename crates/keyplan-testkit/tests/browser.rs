//! End-to-end tests in a real (headless) Chromium: the steps under test are
//! clicks and typing; set-up data comes from the API.
//!
//! Skipped (with a message) when Chromium or chromedriver is missing, unless
//! `KEYPLAN_REQUIRE_BROWSER=1`. `KEYPLAN_SHOTS=DIR` saves screenshots there.
//!
//! ```sh
//! KEYPLAN_REQUIRE_BROWSER=1 cargo test -p keyplan-testkit --test browser
//! ```

use keyplan_domain::{NodeId, Role};
use keyplan_testkit::webdriver::{Browser, Options, Result};
use keyplan_testkit::{PASSWORD, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use time::macros::date;

const KAM: &str = "kim.kamp@acme.test";
const MEMBER: &str = "mo.member@acme.test";

/// Signs in through the form and waits for the signed-in page.
async fn sign_in(b: &Browser, app: &TestApp, email: &str, password: &str, name: &str) -> Result<()> {
    b.goto(&app.url("/login")).await?;
    b.fill("input[name=email]", email).await?;
    b.fill("input[name=password]", password).await?;
    let button = b.find("form[action='/login'] button[type=submit]").await?;
    assert_eq!(button.text().await?, "Sign in");
    b.click_and_wait(&button).await?;
    let url = b.wait_for_url("to leave the sign-in page", |u| !u.contains("/login")).await?;
    assert!(url.ends_with("/accounts"), "after sign-in: {url}");
    assert_eq!(b.find("header .me-name strong").await?.text().await?, name, "the header shows who is signed in");
    Ok(())
}

async fn sign_out(b: &Browser) -> Result<()> {
    let button = b.find_with_text("header form[action='/logout'] button", "Sign out").await?;
    b.click_and_wait(&button).await?;
    b.wait_for_url("the sign-in page", |u| u.contains("/login")).await?;
    b.find("input[name=email]").await?;
    Ok(())
}

/// The id in a URL ending in `#node-N`.
fn node_in_url(url: &str) -> i64 {
    url.rsplit_once("#node-").and_then(|(_, id)| id.parse().ok()).unwrap_or_else(|| panic!("no #node-N in {url}"))
}

/// The add form (a `<details class="add">`) for a `kind` under `parent`, opened
/// through its link.
async fn open_add(b: &Browser, kind: &str, parent: i64) -> Result<keyplan_testkit::webdriver::Element> {
    let details = b.open_add(&parent.to_string()).await?;
    details.find(&format!(":scope > form input[name=kind][value={kind}]")).await?;
    Ok(details)
}

/// The number in the roll-up chip whose text ends in `label`.
async fn rollup_chip(b: &Browser, label: &str) -> Result<String> {
    let chip = b.find_with_text("section.rollup ul.chips li", label).await?;
    chip.find("strong").await?.text().await
}

/// goal -> csf -> condition through the API; returns their ids.
async fn goal_csf_condition(api: &keyplan_testkit::Api, plan: i64) -> [i64; 3] {
    let goal = api.node(plan, json!({"kind": "goal", "title": "Grow to 2m", "metric": "Revenue", "baseline": 1000000, "target": 2000000, "unit": "EUR", "target_date": "2027-06-30"})).await;
    let csf = api.node(plan, json!({"kind": "csf", "parent_id": goal["id"], "title": "Approved supplier"})).await;
    let cond = api.node(plan, json!({"kind": "condition", "parent_id": csf["id"], "title": "Specified in the design"})).await;
    [goal["id"].as_i64().unwrap(), csf["id"].as_i64().unwrap(), cond["id"].as_i64().unwrap()]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_add_obstacle_and_commitment_then_owner_accepts() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let member = app.user("Acme", MEMBER, "Mo Member", Role::Member).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex").await;
    let plan = api.plan(account, "Globex growth plan").await;
    let [_goal, _csf, cond] = goal_csf_condition(&api, plan).await;

    // The KAM signs in and opens the plan.
    sign_in(&b, &app, KAM, PASSWORD, "Kim Kamp").await?;
    b.goto(&app.url(&format!("/plans/{plan}"))).await?;
    assert_eq!(b.find("h1").await?.text().await?, "Globex growth plan");
    b.find(&format!("#node-{cond}")).await?;
    let gap = b.find(&format!(".row.lvl-condition:has(> .cell #node-{cond}) > .branch > .gap")).await?;
    assert_eq!(gap.text().await?, "What stops us from meeting this condition?");

    // + Add obstacle under the condition.
    let obstacle_title = "Engineers only know the competitor's part";
    let details = open_add(&b, "obstacle", cond).await?;
    assert_eq!(details.find(":scope > summary").await?.text().await?, "+ Add obstacle");
    let title = details.find("textarea[name=title]").await?;
    assert!(title.is_displayed().await?, "the opened form's title field is visible");
    title.send_keys(obstacle_title).await?;
    let add = details.find("button[type=submit]").await?;
    assert_eq!(add.text().await?, "Add obstacle");
    add.click().await?; // added in place (no reload with the script): the address names the new node
    let url = b.wait_for_url("the plan with the new node", |u| u.contains("#node-")).await?;
    let obstacle = node_in_url(&url);
    assert!(b.find(".flash").await?.text().await?.contains("Obstacle added"), "flash after adding");
    let obst_el = b.find(&format!(".node-obstacle#node-{obstacle}")).await?;
    assert_eq!(obst_el.find(".node-title").await?.text().await?, obstacle_title);
    assert!(obst_el.has_class("flash-node").await?, "with JavaScript on, app.js highlights the node in the URL fragment");
    assert!(b.find(&format!(".row.lvl-obstacle:has(#node-{obstacle}) .gap")).await?.text().await?.contains("No commitment yet"));

    // + Add commitment under the new obstacle, owned by the member.
    let what = "Run a design-in workshop with the customer's engineers";
    let details = open_add(&b, "commitment", obstacle).await?;
    assert_eq!(details.find(":scope > summary").await?.text().await?, "+ Add commitment");
    details.find("textarea[name=title]").await?.send_keys(what).await?;
    let owner = details.find("input[name=owner]").await?;
    assert_eq!(owner.value().await?, "", "no owner is preselected: assigning is a deliberate choice");
    // The owner is a search field: typing suggests colleagues, picking one fills it.
    owner.send_keys("Mo").await?;
    let choice = b
        .wait_for("a suggestion for Mo Member", || async {
            for button in details.find_all(".suggest button").await? {
                if button.text().await?.starts_with("Mo Member") {
                    return Ok(Some(button));
                }
            }
            Ok(None)
        })
        .await?;
    choice.click().await?;
    assert_eq!(owner.value().await?, "Mo Member");
    assert_eq!(details.find("input[name=owner_id]").await?.value().await?, member.id.get().to_string());
    let due = details.find("input[type=date][name=due_date]").await?;
    let typed = due.set_date("2027-03-31").await?;
    if !typed {
        eprintln!("note: typing into input[type=date] did not take; the value was set by script");
    }
    details.find("input[name=done_criterion]").await?.send_keys("Workshop held, 5 engineers attended, minutes signed").await?;
    let add = details.find("button[type=submit]").await?;
    assert_eq!(add.text().await?, "Add commitment");
    add.click().await?; // added in place (no reload with the script): the address names the new node
    let url = b.wait_for_url("the plan with the commitment", |u| u.contains("#node-") && node_in_url(u) != obstacle).await?;
    let commitment = node_in_url(&url);
    assert!(b.find(".flash").await?.text().await?.contains("Commitment added"));

    let card = b.find(&format!("article.commit#node-{commitment}")).await?;
    assert!(card.has_class("unaccepted").await?, "class: {:?}", card.attribute("class").await?);
    let text = card.text().await?;
    assert!(text.contains(what), "{text}");
    assert!(text.contains("Awaiting acceptance"), "{text}");
    assert_eq!(card.find(".owner").await?.text().await?, "Mo Member");
    assert!(text.contains("Done when: Workshop held"), "{text}");
    assert!(card.find_all(".answer").await?.is_empty(), "the author is not asked to answer");
    assert_eq!(rollup_chip(&b, "accepted commitments").await?, "0");
    assert_eq!(rollup_chip(&b, "awaiting acceptance").await?, "1");
    let callout = b.open_details("details.callout").await?;
    assert!(callout.text().await?.contains(&format!("“{what}” waits for Mo Member")), "{}", callout.text().await?);

    // What the browser submitted is stored.
    let (s, node) = api.get(&format!("/nodes/{commitment}")).await;
    assert_eq!(s, StatusCode::OK, "{node}");
    assert_eq!(node["title"], what);
    assert_eq!(node["parent_id"], obstacle);
    assert_eq!(node["owner_id"], member.id.get());
    // The date through the store: the API writes dates as [year, ordinal]
    // (see `api_writes_dates_as_iso_strings`).
    let stored = app.store.node(app.org_id("Acme").await, NodeId::new(commitment)).await.expect("stored commitment");
    assert_eq!(stored.due_date(), Some(date!(2027 - 03 - 31)), "typed: {typed}");
    assert_eq!(node["done_criterion"], "Workshop held, 5 engineers attended, minutes signed");
    assert_eq!(node["acceptance"], "proposed");

    // The member signs in, finds it under "Waiting for your answer" and accepts.
    sign_out(&b).await?;
    sign_in(&b, &app, MEMBER, PASSWORD, "Mo Member").await?;
    let nav = b.find_with_text("nav.mainnav a", "My commitments").await?;
    b.click_and_wait(&nav).await?;
    b.wait_for_url("my commitments", |u| u.ends_with("/me/commitments")).await?;
    let to_answer = b.find("section#to-answer").await?;
    assert_eq!(to_answer.find("h2").await?.text().await?, "Waiting for your answer");
    assert_eq!(to_answer.find(".count").await?.text().await?, "1");
    let task = to_answer.find(&format!("article#c-{commitment}")).await?;
    assert_eq!(task.find(".task-title").await?.text().await?, what);
    assert!(task.text().await?.contains("asked by Kim Kamp"), "{}", task.text().await?);
    let accept = task.find_with_text("button", "Accept").await?;
    b.click_and_wait(&accept).await?;
    let flash = b.find(".flash").await?.text().await?;
    assert_eq!(flash, "Accepted. It is now part of the plan.");
    b.wait_gone(&format!("section#to-answer #c-{commitment}")).await?;
    let row = b.find(&format!("section#accepted tr#c-{commitment}")).await?;

    // The plan now counts it.
    let link = row.find("a[href^='/plans/']").await?;
    b.click_and_wait(&link).await?;
    b.wait_for_url("the plan page", |u| u.contains(&format!("/plans/{plan}"))).await?;
    let card = b.find(&format!("article.commit#node-{commitment}")).await?;
    assert!(!card.has_class("unaccepted").await?, "class: {:?}", card.attribute("class").await?);
    assert!(card.has_class("c-st-open").await?, "class: {:?}", card.attribute("class").await?);
    assert_eq!(rollup_chip(&b, "accepted commitments").await?, "1");
    assert_eq!(rollup_chip(&b, "awaiting acceptance").await?, "0");
    for callout in b.find_all("details.callout").await? {
        let text = callout.text().await?;
        assert!(!text.contains(what), "still listed as not yet part of the plan: {text}");
    }
    let (_, node) = api.get(&format!("/nodes/{commitment}")).await;
    assert_eq!(node["acceptance"], "accepted");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_message_next_to_field_keeps_input() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    sign_in(&b, &app, KAM, PASSWORD, "Kim Kamp").await?;

    let panel = b.open_details("details#new-account").await?;
    assert_eq!(panel.find(":scope > summary").await?.text().await?, "New account");
    let region = panel.find("input[name=region]").await?;
    region.send_keys("Nordics").await?;
    panel.find("input[name=current_revenue]").await?.send_keys("lots").await?;
    let create = panel.find_with_text("button[type=submit]", "Create account").await?;

    // The name is `required`: the browser itself refuses to send the form.
    create.click().await?;
    assert!(b.exists("details#new-account input[name=name]:invalid").await?, "the empty name is flagged by the browser");
    assert!(b.current_url().await?.ends_with("/accounts"));
    assert_eq!(region.value().await?, "Nordics", "still the same page, nothing was posted");

    // Without the browser's check (old browsers, scripts turned off by policy…)
    // the server answers with messages next to the fields.
    b.execute("arguments[0].noValidate = true;", vec![b.find("details#new-account form").await?.json()]).await?;
    b.click_and_wait(&create).await?;
    let panel = b.find("details#new-account").await?;
    assert_eq!(panel.property("open").await?, json!(true), "the form stays open to show its errors");
    let name_error = b.find("label:has(> input[name=name]) .field-error").await?;
    assert!(!name_error.text().await?.is_empty());
    assert!(name_error.is_displayed().await?);
    let revenue_error = b.find("label:has(> input[name=current_revenue]) .field-error").await?;
    assert!(!revenue_error.text().await?.is_empty());
    assert!(revenue_error.is_displayed().await?);
    assert_eq!(b.find("input[name=region]").await?.value().await?, "Nordics", "typed values are kept");
    assert_eq!(b.find("input[name=current_revenue]").await?.value().await?, "lots");
    assert_eq!(b.find("input[name=name]").await?.attribute("aria-invalid").await?.as_deref(), Some("true"));
    assert_eq!(b.find("input[name=current_revenue]").await?.attribute("aria-invalid").await?.as_deref(), Some("true"));
    assert!(b.find_all("label:has(> input[name=region]) .field-error").await?.is_empty(), "no error on a valid field");
    eprintln!("name error: {:?}; revenue error: {:?}", name_error.text().await?, revenue_error.text().await?);

    // Correcting the name (and the revenue) creates the account.
    b.fill("input[name=name]", "Initech").await?;
    b.fill("input[name=current_revenue]", "250000").await?;
    let create = b.find_with_text("details#new-account button[type=submit]", "Create account").await?;
    b.click_and_wait(&create).await?;
    b.wait_for_url("the new account", |u| u.contains("/accounts/")).await?;
    assert_eq!(b.find("h1").await?.text().await?, "Initech");
    assert!(b.find(".flash").await?.text().await?.contains("created"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_work_without_javascript_basics() -> Result<()> {
    let Some(b) = Browser::for_test_with(Options::no_js()).await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex").await;
    let plan = api.plan(account, "Globex growth plan").await;
    let goal = api.node(plan, json!({"kind": "goal", "title": "Grow to 2m"})).await["id"].as_i64().unwrap();

    sign_in(&b, &app, KAM, PASSWORD, "Kim Kamp").await?;
    // Through links, not URLs: accounts -> account -> plan.
    let account_link = b.find_with_text("table.accounts a", "Globex").await?;
    b.click_and_wait(&account_link).await?;
    let plan_link = b.find_with_text("#plans a", "Globex growth plan").await?;
    b.click_and_wait(&plan_link).await?;
    b.wait_for_url("the plan page", |u| u.ends_with(&format!("/plans/{plan}"))).await?;

    let details = open_add(&b, "csf", goal).await?;
    assert_eq!(details.find(":scope > summary").await?.text().await?, "+ Add critical success factor");
    details.find("textarea[name=title]").await?.send_keys("Approved supplier status").await?;
    let add = details.find("button[type=submit]").await?;
    b.click_and_wait(&add).await?;
    let url = b.wait_for_url("the plan with the new node", |u| u.contains("#node-")).await?;
    let csf = node_in_url(&url);
    let node = b.find(&format!(".node-csf#node-{csf}")).await?;
    assert_eq!(node.find(".node-title").await?.text().await?, "Approved supplier status");
    assert!(b.find(".flash").await?.text().await?.contains("added"));
    // Proof that page scripts did not run: app.js would have highlighted the node.
    assert!(!node.has_class("flash-node").await?, "app.js ran although JavaScript is off");
    // The next level is offered right away.
    let next = b.find(&format!("a.add-link#add-{csf}")).await?;
    assert_eq!(next.text().await?, "+ Add necessary condition");
    // Followed without the script, the link opens the page with that form.
    let details = b.open_add(&csf.to_string()).await?;
    details.find(":scope > form input[name=kind][value=condition]").await?;
    assert!(b.current_url().await?.contains(&format!("?add={csf}")), "the page with the form open");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn xss_is_shown_as_text() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex").await;
    let evil = "<img src=x onerror=alert(1)>";
    let (s, contact) =
        api.post(&format!("/accounts/{account}/contacts"), json!({ "name": evil, "title": "<script>alert(2)</script>" })).await;
    assert_eq!(s, StatusCode::CREATED, "{contact}");
    let contact = contact["id"].as_i64().unwrap();

    sign_in(&b, &app, KAM, PASSWORD, "Kim Kamp").await?;
    b.goto(&app.url(&format!("/accounts/{account}"))).await?;
    let link = b.find(&format!("#contacts a[href='/contacts/{contact}']")).await?;
    assert_eq!(link.text().await?, evil);
    assert!(b.find_all("#contacts img, main img").await?.is_empty(), "no <img> was injected");
    assert_eq!(b.alert_text().await?, None, "no alert is open");

    // Its own page too (title, heading, forms).
    b.click_and_wait(&link).await?;
    b.wait_for_url("the contact page", |u| u.ends_with(&format!("/contacts/{contact}"))).await?;
    assert_eq!(b.find("h1").await?.text().await?, evil);
    assert!(b.title().await?.starts_with(evil), "title: {}", b.title().await?);
    assert!(b.find_all("main img").await?.is_empty());
    assert_eq!(b.alert_text().await?, None, "no alert is open");

    // And as an option of the commitment form on a plan.
    let plan = api.plan(account, "Plan").await;
    let [_, _, _, obstacle] = api.skeleton(plan).await;
    b.goto(&app.url(&format!("/plans/{plan}"))).await?;
    let form = open_add(&b, "commitment", obstacle).await?;
    let contacts = form.find("select[name=contact_id]").await?;
    contacts.select_by_text(evil).await?;
    assert_eq!(contacts.value().await?, contact.to_string());
    assert!(b.find_all("main img").await?.is_empty());
    assert_eq!(b.alert_text().await?, None, "no alert is open");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screenshots_of_the_main_pages() -> Result<()> {
    let Some(dir) = std::env::var_os("KEYPLAN_SHOTS").filter(|d| !d.is_empty()).map(std::path::PathBuf::from) else {
        eprintln!("skipped: set KEYPLAN_SHOTS=DIR to save screenshots");
        return Ok(());
    };
    std::fs::create_dir_all(&dir).expect("create KEYPLAN_SHOTS");
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn_demo().await;
    sign_in(&b, &app, "lena.hoffmann@northwind.example", keyplan_app::demo::DEMO_PASSWORD, "Lena Hoffmann").await?;
    b.screenshot(dir.join("accounts.png")).await?;
    let plan = b.find_with_text("table.accounts tr", "Brightwater Foods").await?.find("a[href^='/plans/']").await?;
    b.click_and_wait(&plan).await?;
    b.find("section.rollup").await?;
    b.screenshot(dir.join("plan.png")).await?;
    // A tall window shows the whole tree.
    let height = b.execute("return document.documentElement.scrollHeight;", vec![]).await?.as_u64().unwrap_or(900).clamp(900, 8000);
    b.set_window_size(1280, height as u32).await?;
    b.screenshot(dir.join("plan-full.png")).await?;
    b.set_window_size(390, 844).await?;
    b.screenshot(dir.join("plan-phone.png")).await?;
    b.set_window_size(1280, 900).await?;
    let mine = b.find_with_text("nav.mainnav a", "My commitments").await?;
    b.click_and_wait(&mine).await?;
    b.screenshot(dir.join("my-commitments.png")).await?;
    for name in ["accounts.png", "plan.png", "plan-full.png", "plan-phone.png", "my-commitments.png"] {
        let bytes = std::fs::read(dir.join(name)).expect("screenshot written");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{name} is a PNG");
    }
    Ok(())
}

/// The tab title is the plan's title only: no form markup, and never the
/// session's CSRF token (which would end up in the browser history).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_page_title_is_the_plan_title() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let plan = api.plan(api.account("Globex").await, "Globex growth plan").await;
    sign_in(&b, &app, KAM, PASSWORD, "Kim Kamp").await?;
    b.goto(&app.url(&format!("/plans/{plan}"))).await?;
    let title = b.title().await?;
    assert!(!title.contains("_csrf"), "the CSRF token is in the title: {title}");
    assert_eq!(title, "Globex growth plan · keyplan");
    Ok(())
}

/// The API writes dates as ISO `"2027-03-31"` (as it reads them and as the
/// OpenAPI schema says) and timestamps as RFC 3339. No browser needed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_writes_dates_as_iso_strings() {
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let plan = api.plan(api.account("Globex").await, "Plan").await;
    let goal = api.node(plan, json!({"kind": "goal", "title": "Grow", "target_date": "2027-03-31"})).await;
    assert_eq!(goal["target_date"], "2027-03-31", "{goal}");
}

/// The id in a URL ending in `#PREFIX-N`.
fn id_in_url(url: &str, prefix: &str) -> i64 {
    url.rsplit_once(&format!("#{prefix}-")).and_then(|(_, id)| id.parse().ok()).unwrap_or_else(|| panic!("no #{prefix}-N in {url}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn strategic_plan_analysis_so_what_goal_and_story() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let account = api.account("Globex").await;

    // Create a plan from the strategic template on the account page.
    sign_in(&b, &app, KAM, PASSWORD, "Kim Kamp").await?;
    b.goto(&app.url(&format!("/accounts/{account}"))).await?;
    let new_plan = b.find("details#new-plan").await?;
    new_plan.open_details().await?;
    b.fill("details#new-plan input[name=title]", "Globex strategic plan").await?;
    if let Ok(select) = new_plan.find("select[name=template]").await {
        select.select_by_value("strategic").await?;
    } else {
        new_plan.find("input[name=template][value=strategic]").await?.click().await?;
    }
    let create = new_plan.find("button[type=submit]").await?;
    b.click_and_wait(&create).await?;
    let url = b.wait_for_url("the new plan", |u| u.contains("/plans/")).await?;
    let plan: i64 = url.rsplit_once("/plans/").and_then(|(_, rest)| rest.split(['#', '?']).next()?.parse().ok()).expect("plan id");
    assert_eq!(b.find("h1").await?.text().await?, "Globex strategic plan");
    assert!(b.find(".page-head").await?.text().await?.contains("Strategic key account plan"));
    let section = b.find("section#s-customer-profile").await?;
    assert_eq!(section.find("h2").await?.text().await?, "Customer profile and key figures");

    // Add an analysis item (a finding) to the customer profile.
    let finding = "Purchasing consolidates to two suppliers per commodity";
    let add = section.find("details.add:has(> form input[name=section][value=customer-profile])").await?;
    add.open_details().await?;
    add.find("select[name=category]").await?.select_by_text("Customer").await?;
    add.find("textarea[name=text]").await?.send_keys(finding).await?;
    add.find("input[name=source]").await?.send_keys("Interview with purchasing").await?;
    let button = add.find("button[type=submit]").await?;
    b.click_and_wait(&button).await?;
    let url = b.wait_for_url("the plan with the new item", |u| u.contains("#item-")).await?;
    let item = id_in_url(&url, "item");
    assert!(b.find(".flash").await?.text().await?.contains("Analysis item added"));
    let li = b.find(&format!("li#item-{item}")).await?;
    assert!(li.text().await?.contains(finding));
    assert!(li.text().await?.contains("Source: Interview with purchasing"));

    // Its so-what.
    let so_what = "We must be one of the two remaining suppliers";
    let edit = b.find("section#s-customer-profile details.text-edit").await?;
    edit.open_details().await?;
    edit.find("textarea[name=so_what]").await?.send_keys(so_what).await?;
    let save = edit.find("button[type=submit]").await?;
    assert_eq!(save.text().await?, "Save section");
    b.click_and_wait(&save).await?;
    b.wait_for_url("back at the section", |u| u.contains("#s-customer-profile")).await?;
    assert_eq!(b.find("section#s-customer-profile .so-what p").await?.text().await?, so_what);

    // A goal in the goals section, then link it to the finding.
    let goals = b.find("section#s-top-goals").await?;
    goals.find("a.add-link#add-goal").await?;
    let add_goal = b.open_add("goal").await?;
    add_goal.find("textarea[name=title]").await?.send_keys("Stay a preferred supplier").await?;
    let button = add_goal.find("button[type=submit]").await?;
    button.click().await?; // added in place: the address names the new node
    let url = b.wait_for_url("the plan with the goal", |u| u.contains("#node-")).await?;
    let goal = node_in_url(&url);
    let card = b.find(&format!("article#goal-{goal}")).await?;
    assert!(card.text().await?.contains("No evidence"), "{}", card.text().await?);
    let link = card.find("details.add:has(> form[action$='/links'])").await?;
    link.open_details().await?;
    link.find("select[name=target]").await?.select_by_value(&format!("item:{item}")).await?;
    let button = link.find("button[type=submit]").await?;
    b.click_and_wait(&button).await?;
    b.wait_for_url("the goal", |u| u.contains(&format!("#goal-{goal}"))).await?;
    assert_eq!(b.find(".flash").await?.text().await?, "Evidence linked to the goal.");
    let evidence = b.find(&format!("article#goal-{goal} ul.evidence")).await?.text().await?;
    assert!(evidence.contains(finding), "{evidence}");
    assert!(b.find(&format!("li#item-{item} .item-goals")).await?.text().await?.contains("Stay a preferred supplier"));

    // The story view reads analysis -> so what -> goal -> commitments and flags the missing commitment.
    b.goto(&app.url(&format!("/plans/{plan}"))).await?;
    let story_link = b.find("a.story-link").await?;
    b.click_and_wait(&story_link).await?;
    b.wait_for_url("the story", |u| u.ends_with(&format!("/plans/{plan}/story"))).await?;
    assert_eq!(b.find("h1").await?.text().await?, "The story of the plan");
    let row = b.find(&format!("#story-goal-{goal}")).await?;
    let cells = row.find_all(".story-cell").await?;
    assert_eq!(cells.len(), 4);
    assert!(cells[0].text().await?.contains(finding), "analysis: {}", cells[0].text().await?);
    assert!(cells[2].text().await?.contains("Stay a preferred supplier"));
    assert!(cells[3].text().await?.contains("nobody has committed"), "commitments: {}", cells[3].text().await?);
    let gaps = b.find("ul.story-gaps").await?.text().await?;
    assert!(gaps.contains("0 findings without consequence"), "{gaps}");
    assert!(gaps.contains("1 goals without commitment"), "{gaps}");
    if let Ok(dir) = std::env::var("KEYPLAN_SHOTS") {
        std::fs::create_dir_all(&dir).expect("create KEYPLAN_SHOTS");
        b.screenshot(format!("{dir}/story.png")).await?;
    }

    // What the browser wrote is what the API reads.
    let (s, story) = api.get(&format!("/plans/{plan}/story")).await;
    assert_eq!(s, StatusCode::OK, "{story}");
    assert_eq!(story["goals"][0]["evidence"][0]["target_id"], item);
    assert_eq!(story["sections"][0]["so_what"], so_what);
    Ok(())
}

/// An administrator adds a section to a template in the editor, moves it up
/// (the form re-renders without saving) and saves: version 2, in that order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_adds_a_template_section_moves_it_up_and_saves_version_2() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", "ada.admin@acme.test", "Ada Admin", Role::Admin).await;
    let api = app.api("ada.admin@acme.test").await;
    let (_, before) = api.get("/templates/one_page_constraint").await;
    let titles = |doc: &serde_json::Value| -> Vec<String> {
        doc["sections"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap().to_string()).collect()
    };
    let old = titles(&before);
    assert_eq!(old.len(), 2);

    sign_in(&b, &app, "ada.admin@acme.test", PASSWORD, "Ada Admin").await?;
    let nav = b.find_with_text("nav.mainnav a", "Templates").await?;
    b.click_and_wait(&nav).await?;
    b.wait_for_url("the templates list", |u| u.ends_with("/admin/templates")).await?;
    let row = b.find_with_text("li.tpl-item", "One-page constraint plan").await?;
    let edit = row.find_with_text("a.btn", "Edit").await?;
    b.click_and_wait(&edit).await?;
    b.wait_for_url("the editor", |u| u.contains("/admin/templates/")).await?;
    assert_eq!(b.find("h1").await?.text().await?, "One-page constraint plan");
    assert!(b.find("#history").await?.text().await?.contains("saving creates version 2"));

    // The empty row at the end takes the new section.
    let new_row = b.find("li.tpl-row.is-new").await?;
    assert_eq!(new_row.attribute("id").await?.as_deref(), Some("row-2"));
    new_row.find("input[name='sections[2].title']").await?.send_keys("What the customer wants").await?;
    new_row.find("select[name='sections[2].kind']").await?.select_by_text("Analysis list").await?;
    new_row.find("textarea[name='sections[2].guidance']").await?.send_keys("Their three most important objectives this year.").await?;
    new_row.find("input[name='sections[2].budget_limit']").await?.send_keys("3").await?;
    new_row.find("select[name='sections[2].budget_unit']").await?.select_by_value("items").await?;

    // ↑ moves it above the second section; nothing is saved yet.
    let up = new_row.find("button[value='up:2']").await?;
    b.click_and_wait(&up).await?;
    b.wait_for_url("the re-rendered editor", |u| u.ends_with("#row-1")).await?;
    assert!(b.find(".notice").await?.text().await?.contains("not saved yet"));
    assert_eq!(b.find("input[name='sections[1].title']").await?.value().await?, "What the customer wants");
    assert_eq!(b.find("select[name='sections[1].kind']").await?.value().await?, "analysis");
    assert_eq!(b.find("textarea[name='sections[1].guidance']").await?.value().await?, "Their three most important objectives this year.");
    assert_eq!(b.find("input[name='sections[2].title']").await?.value().await?, old[1]);
    assert!(b.exists("li.tpl-row.is-new#row-3").await?, "a fresh empty row at the end");
    assert_eq!(titles(&api.get("/templates/one_page_constraint").await.1), old, "moving saved nothing");

    // Save: version 2.
    let save = b.find_with_text(".tpl-savebar button", "Save version 2").await?;
    b.click_and_wait(&save).await?;
    b.wait_for_url("the saved editor", |u| !u.contains('#')).await?;
    assert!(b.find(".flash").await?.text().await?.contains("Saved as version 2"));
    assert_eq!(b.find(".page-head .badge").await?.text().await?, "Version 2");
    let history = b.find_all("#history .tpl-history li").await?;
    assert_eq!(history.len(), 2);
    assert!(history[0].text().await?.contains("Version 2") && history[0].text().await?.contains("Ada Admin"));
    let (_, after) = api.get("/templates/one_page_constraint").await;
    assert_eq!(titles(&after), [old[0].clone(), "What the customer wants".into(), old[1].clone()]);
    assert_eq!(after["sections"][1]["budget"], json!({"unit": "items", "limit": 3}));
    let (_, list) = api.get("/templates").await;
    assert_eq!(list[0]["current_version"], 2);
    Ok(())
}

/// A KAM plans a review on the plan page, holds it, the plan changes, and the next
/// review opens with "what changed since the last review" listing that change.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kam_holds_a_review_and_the_next_one_shows_what_changed() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    let kam = app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    let api = app.api(KAM).await;
    let plan = api.plan(api.account("Globex").await, "Globex growth plan").await;
    let [_, _, cond] = goal_csf_condition(&api, plan).await;
    let obstacle = api.node(plan, json!({"kind": "obstacle", "parent_id": cond, "title": "Engineers know only the competitor"})).await;
    let c = api
        .node(plan, json!({"kind": "commitment", "parent_id": obstacle["id"], "title": "Run the trial", "owner_id": kam.id.get(), "due_date": "2027-03-31", "status": "in_progress"}))
        .await;
    sign_in(&b, &app, KAM, PASSWORD, "Kim Kamp").await?;

    // Plan a team review from the plan page's Reviews tab.
    b.goto(&app.url(&format!("/plans/{plan}#reviews"))).await?;
    b.find("#reviews select[name=kind]").await?.select_by_value("team").await?;
    let button = b.find_with_text("#reviews form#plan-review button", "Plan a review").await?;
    b.click_and_wait(&button).await?;
    let url = b.wait_for_url("the review page", |u| u.contains("/reviews/")).await?;
    assert!(b.find("#what-changed").await?.text().await?.contains("first review"));

    // Hold it: the plan is frozen.
    let hold = b.find("#hold-review").await?;
    b.click_and_wait(&hold).await?;
    b.wait_for("the review to be held", || async { Ok(b.exists(".badge.rv-held").await?.then_some(())) }).await?;
    assert!(!b.exists("#hold-review").await?, "a held review cannot be held again");

    // The commitment moves on.
    let (s, v) = api.patch(&format!("/nodes/{}", c["id"]), json!({"version": c["version"], "status": "done"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");

    // The next review opens with what changed since the last one.
    b.goto(&app.url(&format!("/plans/{plan}#reviews"))).await?;
    assert!(b.find("#reviews").await?.text().await?.contains("Held"));
    b.find("#reviews select[name=kind]").await?.select_by_value("management").await?;
    let button = b.find_with_text("#reviews form#plan-review button", "Plan a review").await?;
    b.click_and_wait(&button).await?;
    let next = b.wait_for_url("the new review page", |u| u.contains("/reviews/") && u != url).await?;
    assert_ne!(next, url);
    let what = b.find("#what-changed").await?;
    assert!(what.text().await?.contains("What changed since the last review"));
    let change = b.find_with_text("#what-changed li.rv-changed", "Run the trial").await?;
    let text = change.text().await?;
    assert!(text.contains("status") && text.contains("In progress") && text.contains("Done"), "{text}");
    if let Ok(dir) = std::env::var("KEYPLAN_SHOTS") {
        std::fs::create_dir_all(&dir).expect("create KEYPLAN_SHOTS");
        b.screenshot(format!("{dir}/review-what-changed.png")).await?;
    }
    Ok(())
}
