//! A plan's template-driven content on the plan page and its forms: sections,
//! items, links and the story as a KAM edits them without the API. The API is
//! tested in `content`.

use keyplan_testkit::location;
use reqwest::StatusCode;
use serde_json::json;

use crate::content::{KAM, STRATEGIC_KEYS, analysis, body, plan_section, world};
use crate::helpers::{commitment, enclosing, id, input_value, named_entities, section, textarea_value};

#[tokio::test]
async fn plan_page_shows_the_strategic_template() {
    let w = world().await;
    w.item(analysis("customer-profile", "customer", "Revenue 2.1bn, growing 6%")).await;
    let (s, _) = w.put_section("customer-profile", json!({"so_what": "They can afford a premium for uptime.", "version": 0})).await;
    assert_eq!(s, StatusCode::OK);
    let plan = w.full().await;
    let kam = w.app.login(KAM).await;
    let page = named_entities(&w.page(&kam).await);

    assert!(page.contains("Strategic key account plan") && page.contains(">v1</span>"), "template name and version in the head");
    for title in [
        "Customer profile and key figures",
        "Customer&apos;s top objectives and projects",
        "Buying centre and relationships",
        "Market and competitor environment",
        "Our position with the account",
        "Where we could grow",
        "SWOT",
        "Opportunities and risks",
        "Vision",
        "Top 3 goals and strategies",
        "Unique value proposition",
        "Action plan",
        "Financial planning",
        "History of change",
    ] {
        assert!(page.contains(&format!(">{title}</h2>")), "section {title:?} on the page");
    }
    for key in STRATEGIC_KEYS {
        assert!(page.contains(&format!("id=\"s-{key}\"")), "section {key} has its anchor");
    }
    // The so-what of the profile, and its size.
    let profile = section(&page, "id=\"s-customer-profile\"", "</section>");
    assert!(profile.contains("So what?") && profile.contains("They can afford a premium for uptime."), "{profile}");
    assert!(profile.contains("1 / 8 items"), "{profile}");
    assert!(profile.contains("Revenue 2.1bn, growing 6%"));
    // The page budget, as the API tells it.
    let label = plan["length_label"].as_str().unwrap();
    assert!(label.ends_with(" of 4 pages") && plan["length"]["printed"] == true, "{label}");
    assert!(page.contains(&format!("PDF: {label}")), "the page shows {label:?}");
    assert!(!page.contains("Over budget."));
    // The story link counts the open gaps (the finding leads to no goal... its so-what neither).
    let gaps = plan["story"]["gaps"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum::<u64>();
    assert!(page.contains(&format!("{gaps} open gap")), "{gaps} gaps in the story link");
}

#[tokio::test]
async fn item_form_with_an_empty_text_keeps_what_was_typed() {
    let w = world().await;
    let kam = w.app.login(KAM).await;
    let path = format!("/plans/{}/items", w.plan);
    let fields = [
        ("section", "customer-profile"),
        ("kind", "analysis"),
        ("category", "market"),
        ("text", "   "),
        ("source", "Interview with their CFO"),
        ("item_date", "2026-02-01"),
    ];
    let (s, page) = body(kam.post(&path, &fields).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let profile = section(&page, "id=\"s-customer-profile\"", "</section>");
    let form = section(profile, &format!("<form method=\"post\" action=\"/plans/{}/items\"", w.plan), "</form>");
    assert!(form.contains("<p class=\"field-error\" role=\"alert\">must not be empty</p>"), "{form}");
    assert_eq!(input_value(form, "source").as_deref(), Some("Interview with their CFO"));
    assert_eq!(input_value(form, "item_date").as_deref(), Some("2026-02-01"));
    assert!(form.contains("<option value=\"market\" selected>"), "the chosen area stays selected: {form}");
    assert!(enclosing(profile, "must not be empty", "<details", "</details>").contains("open"), "the form is open");
    // Other sections' add forms are untouched.
    let other = section(&page, "id=\"s-market-competitors\"", "</section>");
    assert!(!other.contains("Interview with their CFO") && !other.contains("must not be empty"));
    assert!(w.items().await.is_empty());

    // A kind the section does not hold (only a hand-made post can send one) is refused with 422 and stores nothing.
    let (s, _) =
        body(kam.post(&path, &[("section", "swot"), ("kind", "analysis"), ("category", "market"), ("text", "Wrong place")]).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(w.items().await.is_empty());

    // The corrected form adds the finding.
    let mut fixed = fields;
    fixed[3] = ("text", "Market grows 3% a year");
    let res = kam.post(&path, &fixed).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let items = w.items().await;
    assert_eq!(items.len(), 1);
    assert_eq!(location(&res), format!("/plans/{}#item-{}", w.plan, id(&items[0])));
    assert_eq!((items[0]["source"].as_str(), items[0]["category"].as_str()), (Some("Interview with their CFO"), Some("market")));
    let page = w.page(&kam).await;
    assert!(page.contains(&format!("id=\"item-{}\"", id(&items[0]))) && page.contains("Market grows 3% a year"));
}

#[tokio::test]
async fn forms_edit_move_link_and_delete_items() {
    let w = world().await;
    let a = w.item(analysis("customer-profile", "customer", "First finding")).await;
    let b = w.item(analysis("customer-profile", "market", "Second finding")).await;
    let goal = w.goal("Uptime partner").await;
    let kam = w.app.login(KAM).await;

    // Edit (the kind stays whatever the form says), with a stale version -> 409 and the conflict.
    let res = kam
        .post(
            &format!("/items/{}", id(&a)),
            &[("version", "1"), ("kind", "swot"), ("category", "own_position"), ("text", "First finding, revised")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (s, page) =
        body(kam.post(&format!("/items/{}", id(&a)), &[("version", "1"), ("category", "customer"), ("text", "Lost update")]).await).await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(page.contains("Someone else changed this while you were editing."));
    let items = w.items().await;
    assert_eq!(
        (items[0]["kind"].as_str(), items[0]["category"].as_str(), items[0]["version"].as_i64()),
        (Some("analysis"), Some("own_position"), Some(2))
    );

    // Move the second up.
    let res = kam.post(&format!("/items/{}/move", id(&b)), &[("direction", "up")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let order: Vec<i64> = w.items().await.iter().map(id).collect();
    assert_eq!(order, [id(&b), id(&a)]);

    // Link the goal to the first finding through the goal card's form; a bad target re-renders with 422.
    let res =
        kam.post(&format!("/plans/{}/links", w.plan), &[("goal_id", &goal.to_string()), ("target", &format!("item:{}", id(&a)))]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/plans/{}#goal-{goal}", w.plan));
    let (s, page) =
        body(kam.post(&format!("/plans/{}/links", w.plan), &[("goal_id", &goal.to_string()), ("target", "item:999999")]).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let card = section(&page, &format!("id=\"goal-{goal}\""), "</article>");
    assert!(card.contains("must be an analysis item"), "{card}");
    let plan = w.full().await;
    assert_eq!(plan["links"].as_array().unwrap().len(), 1);
    let link = id(&plan["links"][0]);
    let page = w.page(&kam).await;
    let card = section(&page, &format!("id=\"goal-{goal}\""), "</article>");
    assert!(card.contains("Own position: First finding, revised"), "{card}");
    assert!(card.contains(&format!("action=\"/links/{link}/delete\"")));

    // An action under the goal through the action plan form.
    let owner = w.kam.id.get().to_string();
    let fields = [
        ("goal_id", goal.to_string()),
        ("title", "Run an uptime workshop".into()),
        ("owner_id", owner),
        ("due_date", "2027-03-31".into()),
        ("done_criterion", "Workshop held".into()),
    ];
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = kam.post(&format!("/plans/{}/actions", w.plan), &borrowed).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with(&format!("/plans/{}#action-", w.plan)));
    assert_eq!(w.story().await["goals"][0]["no_commitment"], false);

    // Deleting the linked finding takes the link; then delete the link-less one's... link form path.
    let res = kam.post(&format!("/items/{}/delete", id(&a)), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/plans/{}#s-customer-profile", w.plan));
    let plan = w.full().await;
    assert_eq!(plan["links"], json!([]));
    assert_eq!(plan["items"].as_array().unwrap().len(), 1);
    assert_eq!(kam.post(&format!("/links/{link}/delete"), &[]).await.status(), StatusCode::NOT_FOUND);
    let (_, l2) = w.link(goal, "item", id(&b)).await;
    let res = kam.post(&format!("/links/{}/delete", id(&l2)), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(w.full().await["links"], json!([]));
}

#[tokio::test]
async fn stale_section_form_answers_409_with_the_conflict() {
    let w = world().await;
    let kam = w.app.login(KAM).await;
    let path = format!("/plans/{}/sections/vision", w.plan);
    let res = kam.post(&path, &[("version", "0"), ("body", "Their uptime partner by 2030."), ("so_what", "Invest in service.")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/plans/{}#s-vision", w.plan));

    // A second writer who also started from "nothing written yet".
    let (s, page) =
        body(kam.post(&path, &[("version", "0"), ("body", "Cheapest supplier in the region."), ("so_what", "Cut prices.")]).await).await;
    assert_eq!(s, StatusCode::CONFLICT);
    let vision = section(&page, "id=\"s-vision\"", "</section>");
    assert!(vision.contains("Someone else changed this while you were editing."), "{vision}");
    assert!(vision.contains("Their uptime partner by 2030."), "what is stored is shown");
    assert_eq!(textarea_value(vision, "body").as_deref(), Some("Cheapest supplier in the region."), "what was typed is kept");
    assert_eq!(textarea_value(vision, "so_what").as_deref(), Some("Cut prices."));
    assert_eq!(input_value(vision, "version").as_deref(), Some("1"), "saving again applies on top of the stored version");
    let plan = w.full().await;
    let stored = plan_section(&plan, "vision");
    assert_eq!((stored["body"].as_str(), stored["text_version"].as_i64()), (Some("Their uptime partner by 2030."), Some(1)));

    // Saving again from the conflict form goes through.
    let res = kam.post(&path, &[("version", "1"), ("body", "Cheapest supplier in the region."), ("so_what", "Cut prices.")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let plan = w.full().await;
    assert_eq!(plan_section(&plan, "vision")["text_version"], 2);
    // A section the template does not have.
    let (s, _) = body(kam.post(&format!("/plans/{}/sections/no-such-section", w.plan), &[("version", "0"), ("body", "x")]).await).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn story_page_flags_goals_that_hang_in_the_air() {
    let w = world().await;
    let item = w.item(analysis("customer-profile", "customer", "Uptime is their KPI")).await;
    let goal = w.goal("Become their uptime partner").await;
    w.link(goal, "item", id(&item)).await;
    let kam = w.app.login(KAM).await;
    let story_path = format!("/plans/{}/story", w.plan);

    let (s, page) = kam.get(&story_path).await;
    assert_eq!(s, StatusCode::OK);
    let row = section(&page, &format!("id=\"story-goal-{goal}\""), "</div>\n  </div>");
    assert!(row.contains("Become their uptime partner"), "{row}");
    assert!(row.contains("Customer: Uptime is their KPI"), "the evidence is in the row: {row}");
    assert!(row.contains("Hangs in the air: nobody has committed to anything for this goal."), "{row}");
    assert!(!row.contains("no analysis behind this goal") && !row.contains("No evidence linked"), "{row}");
    assert!(page.contains("<strong>1</strong> goals without commitment"));
    assert!(page.contains("<strong>0</strong> goals without evidence"));
    assert!(page.contains("<strong>1</strong> sections without so-what"));
    assert!(page.contains("has findings but no so-what"));

    // A second goal with nothing behind it hangs in the air on both sides.
    let bare = w.goal("Grow share to 30%").await;
    let (_, page) = kam.get(&story_path).await;
    let row = section(&page, &format!("id=\"story-goal-{bare}\""), "</div>\n  </div>");
    assert!(row.contains("Hangs in the air: no analysis behind this goal.") && row.contains("No evidence linked"), "{row}");
    assert!(page.contains("<strong>1</strong> goals without evidence"));
    assert!(page.contains("<strong>2</strong> goals without commitment"));

    // With a commitment the first goal no longer hangs in the air.
    commitment(&w.api, w.plan, goal, w.kam.id.get(), "Run an uptime workshop", "2027-03-31").await;
    let (_, page) = kam.get(&story_path).await;
    let row = section(&page, &format!("id=\"story-goal-{goal}\""), "</div>\n  </div>");
    assert!(!row.contains("Hangs in the air"), "{row}");
    assert!(row.contains("Run an uptime workshop"), "{row}");
    assert!(page.contains("<strong>1</strong> goals without commitment"));
}

#[tokio::test]
async fn four_goals_count_against_the_top_goals_budget_but_only_a_plan_too_long_to_print_is_over() {
    let w = world().await;
    for n in 1..=3 {
        w.goal(&format!("Goal number {n}")).await;
    }
    let kam = w.app.login(KAM).await;
    let page = w.page(&kam).await;
    let goals = section(&page, "id=\"s-top-goals\"", "</header>");
    assert!(goals.contains("3 / 3 items") && !goals.contains("over budget"), "{goals}");
    assert!(!page.contains("Over budget."));

    // A fourth goal is over the section's own budget, but the plan's PDF still
    // fits its four pages: the size chip, the section and the PDF agree that
    // nothing needs cutting (issue 15).
    w.goal("Goal number 4").await;
    let page = w.page(&kam).await;
    let goals = section(&page, "id=\"s-top-goals\"", "</header>");
    assert!(goals.contains("4 / 3 items") && !goals.contains("over budget"), "{goals}");
    assert!(!goals.contains("size-chip over"), "{goals}");
    assert!(!page.contains("Over budget."));
    let toc = section(&page, "<nav class=\"toc card\"", "</nav>");
    assert!(toc.contains("4 / 3 items"), "{toc}");
    // The scorecard counts the same goals against its own budget.
    assert!(section(&page, "id=\"s-financial-planning\"", "</header>").contains("4 / 8 items"));

    let plan = w.full().await;
    assert_eq!((plan["length"]["printed"].as_bool(), plan["length"]["over"].as_bool()), (Some(true), Some(false)), "{}", plan["length"]);
    let top = plan_section(&plan, "top-goals");
    assert_eq!(top["size"], json!({"used": 4, "limit": 3, "unit": "items", "over": false}));
    assert_eq!(top["size_label"], "4 / 3 items");
}
