//! The owner fields of the plan page are search fields: without a script a
//! KAM types a colleague's name or e-mail and the server resolves it (or names
//! the field); the page offers a short list of the plan's people, not the whole
//! organisation; the review's participant field works the same way.

use keyplan_domain::Role;
use keyplan_testkit::{TestApp, location};
use reqwest::StatusCode;

use crate::helpers::ORG;

#[tokio::test]
async fn owners_are_typed_and_resolved_and_the_page_does_not_list_everyone() {
    let app = TestApp::spawn().await;
    app.user(ORG, "kim@acme.test", "Kim Kamara", Role::Kam).await;
    let mo = app.user(ORG, "mo@acme.test", "Mo Member", Role::Member).await;
    app.user(ORG, "max.a@acme.test", "Max Weber", Role::Member).await;
    app.user(ORG, "max.b@acme.test", "Max Weber", Role::Member).await;
    for i in 0..40 {
        app.user(ORG, &format!("sales{i}@acme.test"), &format!("Seller Number{i:02}"), Role::Member).await;
    }
    let api = app.api("kim@acme.test").await;
    let account = api.account("Northwind").await;
    let plan = api.plan(account, "Northwind 2027").await;
    let [goal, csf, condition, obstacle] = api.skeleton(plan).await;
    let _ = (goal, csf, condition);
    let web = app.login("kim@acme.test").await;

    // Typed name → the colleague.
    let obstacle_s = obstacle.to_string();
    let add = |owner: &'static str, title: &'static str| {
        let obstacle_s = obstacle_s.clone();
        let web = &web;
        async move {
            web.post(
                &format!("/plans/{plan}/nodes"),
                &[
                    ("kind", "commitment"),
                    ("parent_id", &obstacle_s),
                    ("title", title),
                    ("owner", owner),
                    ("owner_id", ""),
                    ("due_date", "2027-03-31"),
                ],
            )
            .await
        }
    };
    let res = add("Mo Member", "Run the workshop").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let node: i64 = location(&res).rsplit("#node-").next().unwrap().parse().unwrap();
    let (_, v) = api.get(&format!("/nodes/{node}")).await;
    assert_eq!(v["owner_id"], mo.id.get());
    // An e-mail works too.
    let res = add("mo@acme.test", "Send the samples").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Nobody, or two people of that name: refused, naming the owner field, nothing stored.
    for (typed, says) in [("Nobody Here", "nobody matches"), ("Max Weber", "2 people match")] {
        let res = add(typed, "Should not be stored").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        let html = res.text().await.unwrap();
        assert!(html.contains(says) && html.contains("Owner:"), "{typed}: the error names the field");
        assert!(html.contains(&format!("value=\"{typed}\"")), "what was typed is kept");
    }
    let (_, full) = api.get(&format!("/plans/{plan}")).await;
    assert!(!full.to_string().contains("Should not be stored"));

    // The page offers the plan's people, not all 44 colleagues; the edit form shows the owner's name.
    let (_, page) = web.get(&format!("/plans/{plan}")).await;
    let list = &page[page.find("<datalist id=\"plan-people\">").expect("a datalist")..];
    let list = &list[..list.find("</datalist>").unwrap()];
    assert!(list.contains("Mo Member") && list.contains("Kim Kamara"), "{list}");
    assert!(!list.contains("Seller Number"), "{list}");
    assert!(!page.contains("Seller Number07"), "no colleague outside the plan is listed anywhere");
    assert!(!page.contains("<select name=\"owner_id\""));
    let (_, edit) = web.get(&format!("/nodes/{node}/edit")).await;
    assert!(edit.contains("name=\"owner\" value=\"Mo Member\""), "the edit form shows the owner's name");

    // Editing with a typed owner.
    let (_, v) = api.get(&format!("/nodes/{node}")).await;
    let version = v["version"].to_string();
    let res = web
        .post(
            &format!("/nodes/{node}"),
            &[
                ("version", &version),
                ("title", "Run the workshop"),
                ("owner", "kim@acme.test"),
                ("owner_id", &mo.id.get().to_string()),
                ("due_date", "2027-03-31"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, v) = api.get(&format!("/nodes/{node}")).await;
    assert_ne!(v["owner_id"], mo.id.get(), "the typed text wins over a stale hint");
}
