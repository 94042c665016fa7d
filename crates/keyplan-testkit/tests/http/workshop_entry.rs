//! Entering a plan at workshop speed without a script: several lines pasted
//! into one add form make one node per line (or none, when a line is bad),
//! and after an add the same form opens again, focused, for the next sibling.

use keyplan_domain::Role;
use keyplan_testkit::{TestApp, location};
use reqwest::StatusCode;

use crate::helpers::ORG;

#[tokio::test]
async fn pasted_lines_make_one_node_each_and_the_form_stays_open() {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let plan = api.plan(account, "Northwind 2027").await;
    let [_, _, _, obstacle] = api.skeleton(plan).await;
    let web = app.login("kim@acme.test").await;
    let (obstacle_s, kim_s) = (obstacle.to_string(), kim.id.get().to_string());
    let add = |title: String| {
        let (web, obstacle_s, kim_s) = (&web, obstacle_s.clone(), kim_s.clone());
        async move {
            let fields = [
                ("kind", "commitment"),
                ("parent_id", obstacle_s.as_str()),
                ("title", title.as_str()),
                ("owner_id", kim_s.as_str()),
                ("due_date", "2027-03-31"),
            ];
            web.post(&format!("/plans/{plan}/nodes"), &fields).await
        }
    };
    let titles = |v: &serde_json::Value| -> Vec<String> {
        let mut out = Vec::new();
        fn walk(n: &serde_json::Value, out: &mut Vec<String>) {
            if n["kind"] == "commitment" {
                out.push(n["title"].as_str().unwrap_or_default().to_string());
            }
            for c in n["children"].as_array().into_iter().flatten() {
                walk(c, out);
            }
        }
        for n in v["tree"].as_array().into_iter().flatten() {
            walk(n, &mut out);
        }
        out
    };

    let res = add("Run the workshop\r\n\r\n  Send the samples  \nBook the lab".into()).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    assert!(to.starts_with(&format!("/plans/{plan}?add={obstacle}#node-")), "{to}");
    let (_, full) = api.get(&format!("/plans/{plan}")).await;
    assert_eq!(titles(&full), ["Run the workshop", "Send the samples", "Book the lab"], "one per non-empty line, trimmed, in order");

    // The form under the obstacle opens again with the keyboard in its title; the others stay closed.
    let (s, page) = web.get(&to).await;
    assert_eq!(s, StatusCode::OK);
    let form = page.split(&format!("id=\"add-{obstacle}\"")).nth(1).expect("the obstacle's add form");
    let head = &form[..form.find("</details>").unwrap()];
    assert!(form.starts_with(" open"), "{}", &form[..80]);
    assert!(head.contains("autofocus"), "{head}");
    assert_eq!(page.matches("autofocus").count(), 1);
    assert!(page.contains("3 × Commitment added"), "the flash counts them");

    // One bad line (too long) adds none of them.
    let res = add(format!("Fine line\n{}", "x".repeat(301))).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, full) = api.get(&format!("/plans/{plan}")).await;
    assert_eq!(titles(&full).len(), 3, "nothing half-written");
}

#[tokio::test]
async fn an_owner_from_outside_the_team_is_offered_a_place_on_it() {
    let app = TestApp::spawn().await;
    let kim = app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let lea = app.user(ORG, "lea@acme.test", "Lea Logistik", Role::Member).await;
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let plan = api.plan(account, "Northwind 2027").await;
    let [_, _, _, obstacle] = api.skeleton(plan).await;
    let web = app.login("kim@acme.test").await;
    let (obstacle_s, kim_s, lea_s) = (obstacle.to_string(), kim.id.get().to_string(), lea.id.get().to_string());
    let add = |owner: String, title: &'static str| {
        let (web, obstacle_s) = (&web, obstacle_s.clone());
        async move {
            let fields = [
                ("kind", "commitment"),
                ("parent_id", obstacle_s.as_str()),
                ("title", title),
                ("owner_id", owner.as_str()),
                ("due_date", "2027-03-31"),
            ];
            location(&web.post(&format!("/plans/{plan}/nodes"), &fields).await)
        }
    };

    // The account's KAM: nothing to offer.
    let to = add(kim_s.clone(), "Run the workshop").await;
    assert!(!to.contains("team="), "{to}");
    let (_, page) = web.get(&to).await;
    assert!(!page.contains("team-offer"));
    // The owner lists offer the team (here its KAM) first.
    let people = page.split("<datalist id=\"plan-people\">").nth(1).unwrap();
    assert!(people.find("Kim Kamara").unwrap() < people.find("Lea Logistik").unwrap(), "the team first");

    // Someone from outside the team: offered a place on it.
    let to = add(lea_s.clone(), "Send the samples").await;
    assert!(to.contains(&format!("&team={lea_s}")), "{to}");
    let (s, page) = web.get(&to).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Lea Logistik is not on the account team of Northwind."), "the offer");
    assert!(page.contains(&format!("action=\"/accounts/{account}/team\"")));
    assert!(page.contains("name=\"function\" required"), "asks for the role on the team");
    let res = web
        .post(
            &format!("/accounts/{account}/team"),
            &[("user_id", lea_s.as_str()), ("function", "Logistics"), ("back", &format!("/plans/{plan}"))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/plans/{plan}"), "back to the plan");
    let (_, team) = api.get(&format!("/accounts/{account}/team")).await;
    assert!(team.as_array().unwrap().iter().any(|m| m["user_id"] == lea.id.get()), "{team}");

    // On the team now: no more offer. A forged way back goes to the account instead.
    let to = add(lea_s.clone(), "Book the lab").await;
    assert!(!to.contains("team="), "{to}");
    let res = web
        .post(&format!("/accounts/{account}/team"), &[("user_id", lea_s.as_str()), ("function", "Logistics"), ("back", "//evil.example/")])
        .await;
    assert_eq!(location(&res), format!("/accounts/{account}#team"));
}
