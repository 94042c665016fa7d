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
    let count = b.execute("return document.querySelectorAll('section.goal .node-actions a').length", vec![]).await?;
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
    // Moving up and down comes with the form (the page carries no move form per entry).
    b.find(".inline-edit form.moves button[value=down]").await?;
    b.fill(".inline-edit textarea[name=title]", "Become the preferred supplier in DACH").await?;
    b.click_and_wait(&b.find(".inline-edit button[type=submit]").await?).await?;
    b.wait_for("the saved title on the plan page", || async {
        let v = b.execute("return (document.querySelector('section.goal') || {}).textContent || ''", vec![]).await?;
        Ok(v.as_str().unwrap_or_default().contains("preferred supplier in DACH").then_some(()))
    })
    .await?;
    Ok(())
}

/// The nodes of `plan` with `title` among their titles, by the API.
async fn ids_titled(api: &keyplan_testkit::Api, plan: i64, titles: &[&str]) -> Vec<i64> {
    let (_, v) = api.get(&format!("/plans/{plan}")).await;
    fn walk(v: &serde_json::Value, out: &mut Vec<(String, i64)>) {
        if let (Some(t), Some(id)) = (v["title"].as_str(), v["id"].as_i64())
            && v.get("kind").is_some()
        {
            out.push((t.to_string(), id));
        }
        for key in ["tree", "children"] {
            if let Some(list) = v[key].as_array() {
                list.iter().for_each(|c| walk(c, out));
            }
        }
    }
    let mut all = Vec::new();
    walk(&v, &mut all);
    titles.iter().map(|t| all.iter().find(|(x, _)| x == t).unwrap_or_else(|| panic!("{t:?} not in the plan")).1).collect()
}

/// One submission of the add form under `parent` (`goal` for a new goal):
/// the lines pasted into its title, with an owner and a due date for commitments.
async fn add(b: &Browser, parent: &str, lines: &[&str], owner: Option<&str>, due: Option<&str>) -> Result<()> {
    let details = b.open_add(parent).await?;
    let title = details.find("textarea[name=title]").await?;
    title.clear().await?;
    title.send_keys(&lines.join("\n")).await?;
    if let Some(owner) = owner {
        let field = details.find("input[name=owner]").await?;
        field.clear().await?;
        field.send_keys(owner).await?;
    }
    if let Some(due) = due {
        details.find("input[name=due_date]").await?.set_date(due).await?;
    }
    let submit = details.find("button[type=submit]").await?;
    b.execute("arguments[0].scrollIntoView({block: 'center'})", vec![submit.json()]).await?;
    submit.click().await?;
    // The add is done without a reload: the reopened form is empty again.
    let last = lines.last().copied().unwrap_or_default().to_string();
    b.wait_for("the add to land", || {
        let last = last.clone();
        async move {
            let found = b
                .execute(
                    "return document.querySelector('.tree, section.plan-section').closest('main').innerText.includes(arguments[0])",
                    vec![serde_json::Value::from(last.as_str())],
                )
                .await?;
            Ok((found.as_bool() == Some(true)).then_some(()))
        }
    })
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reference_plan_is_entered_in_at_most_25_submissions_without_reloads() -> Result<()> {
    let Some(b) = Browser::for_test().await else { return Ok(()) };
    let app = TestApp::spawn().await;
    app.user("Acme", KAM, "Kim Kamp", Role::Kam).await;
    for (email, name) in [("omar@acme.test", "Omar Haddad"), ("julia@acme.test", "Julia Weber"), ("tom@acme.test", "Tom Becker")] {
        app.user("Acme", email, name, Role::Member).await;
    }
    let api = app.api(KAM).await;
    let account = api.account("Globex").await;
    b.sign_in(&app.url("/login"), KAM, PASSWORD).await?;
    let started = std::time::Instant::now();
    let mut submissions = 0;

    // The plan.
    b.goto(&app.url(&format!("/accounts/{account}"))).await?;
    let new_plan = b.find("details#new-plan").await?;
    new_plan.open_details().await?;
    b.click_and_wait(&new_plan.find("button[type=submit]").await?).await?;
    submissions += 1;
    let url = b.wait_for_url("the new plan", |u| u.contains("/plans/")).await?;
    let plan: i64 =
        url.rsplit("/plans/").next().and_then(|s| s.split(['?', '#', '/']).next()).and_then(|s| s.parse().ok()).expect("plan id");
    // No reload from here on: a marker on the window survives only if the page stays.
    b.execute("window.__stayed = true", vec![]).await?;

    add(&b, "goal", &["Grow Globex to 2.6m EUR"], None, None).await?;
    submissions += 1;
    let [goal] = ids_titled(&api, plan, &["Grow Globex to 2.6m EUR"]).await[..] else { unreachable!() };
    let factors = ["Trusted service partner", "Specified in new lines", "Competitive total cost"];
    add(&b, &goal.to_string(), &factors, None, None).await?;
    submissions += 1;
    let factor_ids = ids_titled(&api, plan, &factors).await;
    let mut conditions = Vec::new();
    for (i, f) in factor_ids.iter().enumerate() {
        let pair = [format!("Condition {i}a holds"), format!("Condition {i}b holds")];
        add(&b, &f.to_string(), &[&pair[0], &pair[1]], None, None).await?;
        submissions += 1;
        conditions.extend(pair);
    }
    let condition_ids = ids_titled(&api, plan, &conditions.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let mut obstacles = Vec::new();
    for (i, c) in condition_ids.iter().enumerate() {
        let mut lines = vec![format!("Obstacle {i}a in the way")];
        if i < 2 {
            lines.push(format!("Obstacle {i}b in the way"));
        }
        add(&b, &c.to_string(), &lines.iter().map(String::as_str).collect::<Vec<_>>(), None, None).await?;
        submissions += 1;
        obstacles.extend(lines);
    }
    assert_eq!(obstacles.len(), 8);
    let obstacle_ids = ids_titled(&api, plan, &obstacles.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let owners = ["Omar Haddad", "Julia Weber", "Tom Becker"];
    for k in 0..12 {
        let title = format!("Commitment {k} removes its obstacle");
        let due = format!("2027-{:02}-15", k % 12 + 1);
        add(&b, &obstacle_ids[k % 8].to_string(), &[&title], Some(owners[k % 3]), Some(&due)).await?;
        submissions += 1;
    }
    let stayed = b.execute("return window.__stayed === true", vec![]).await?;
    let elapsed = started.elapsed();
    println!("reference plan entered: {submissions} form submissions in {:.1} s", elapsed.as_secs_f64());

    let (_, v) = api.get(&format!("/plans/{plan}")).await;
    let s = &v["summary"];
    let counts = [&s["goals"], &s["factors"], &s["conditions"], &s["obstacles"], &s["commitments"]].map(|c| c.as_u64().unwrap_or(0));
    assert_eq!(counts, [1, 3, 6, 8, 12], "the reference plan: {s}");
    let dated = ids_titled(&api, plan, &["Commitment 5 removes its obstacle"]).await[0];
    let (_, c) = api.get(&format!("/nodes/{dated}")).await;
    assert_eq!(c["due_date"].as_str(), Some("2027-06-15"), "{c}");
    assert!(c["owner_id"].is_i64(), "the typed owner was resolved: {c}");
    assert!(submissions <= 25, "{submissions} submissions");
    assert_eq!(stayed, serde_json::Value::Bool(true), "the adds did not reload the page");
    Ok(())
}
