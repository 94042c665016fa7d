//! Issue 18, point 1: light plan pages. The page carries no form per entry:
//! an entry's "+ Add …" is a link to the page with that form open, editing and
//! moving happen on the entry's own page, and the tabs under the plan send
//! only the panel asked for. The demo one-page plan stays within 40 KB and a
//! 200-node plan within 200 KB.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{ORG, commitment, node_count, page_in, planned};

#[tokio::test]
async fn the_demo_plan_page_is_light_and_each_part_is_one_link_away() {
    let app = keyplan_testkit::TestApp::spawn_demo().await;
    let lena = app.try_login("lena.hoffmann@northwind.example", keyplan_app::demo::DEMO_PASSWORD).await.expect("the demo sign-in");
    let page = page_in(&lena, "/plans/1", "").await;
    assert!(page.len() <= 40_000, "the demo one-page plan is {} bytes", page.len());
    assert!(!page.contains("action=\"/plans/1/nodes\""), "no add form is sent until one is opened");
    assert!(!page.contains("/move\""), "no move form per entry");
    assert!(page.contains("href=\"/plans/1?add=goal#add-goal\""), "a new goal is one link away");
    for tab in ["reviews", "timeline", "coach", "customer", "discussion"] {
        assert!(page.contains(&format!("href=\"/plans/1?tab={tab}#{tab}\"")), "the {tab} tab links its panel");
        assert!(!page.contains(&format!("id=\"{tab}\"")), "the {tab} panel is not sent with the plan");
        let with = page_in(&lena, &format!("/plans/1?tab={tab}"), "").await;
        assert!(with.contains(&format!("id=\"{tab}\"")), "?tab={tab} sends its panel");
    }

    // An add link opens the page with that form, the keyboard in it.
    let at = page.find("?add=").expect("an add link");
    let parent: String = page[at + 5..].chars().take_while(char::is_ascii_digit).collect();
    let opened = page_in(&lena, &format!("/plans/1?add={parent}"), "").await;
    assert!(opened.contains(&format!("<details class=\"add\" id=\"add-{parent}\" open>")), "the add form is open");
    assert!(opened.contains(&format!("name=\"parent_id\" value=\"{parent}\"")) && opened.contains("autofocus"));

    // Moving is on the entry's own page, with the edit form.
    let edit = page_in(&lena, &format!("/nodes/{parent}/edit"), "").await;
    assert!(edit.contains(&format!("action=\"/nodes/{parent}/move\"")) && edit.contains("class=\"node-edit-inline\""));
}

#[tokio::test]
async fn a_plan_of_200_entries_stays_under_200_kb() {
    let p = planned().await;
    let session = p.app.login("kim@acme.test").await;
    let [goal, ..] = p.tree;
    let owner = p.kam.id.get();
    let mut nodes = 4;
    let mut factor_no = 0;
    while nodes + 28 <= 200 {
        factor_no += 1;
        let title = |what: &str, n: usize| format!("{what} {factor_no}.{n}: purchasing and plant engineering agree on the dosing trial");
        let factor =
            p.api.node(p.plan, json!({"kind": "csf", "parent_id": goal, "title": title("Factor", 0)})).await["id"].as_i64().unwrap();
        nodes += 1;
        for c in 0..3 {
            let cond = p.api.node(p.plan, json!({"kind": "condition", "parent_id": factor, "title": title("Condition", c)})).await["id"]
                .as_i64()
                .unwrap();
            nodes += 1;
            for o in 0..2 {
                let obstacle =
                    p.api.node(p.plan, json!({"kind": "obstacle", "parent_id": cond, "title": title("Obstacle", o)})).await["id"]
                        .as_i64()
                        .unwrap();
                nodes += 1;
                for k in 0..3 {
                    commitment(&p.api, p.plan, obstacle, owner, &title("Commitment", k), "2027-05-31").await;
                    nodes += 1;
                }
            }
        }
    }
    let count = node_count(&p.app, ORG, p.plan).await;
    assert!((196..=200).contains(&count), "the plan holds {count} entries");
    let (s, page) = session.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.len() <= 200_000, "a plan of {count} entries is {} bytes", page.len());
    assert!(page.contains("Commitment 7.2: purchasing"), "every entry is on the page");
}
