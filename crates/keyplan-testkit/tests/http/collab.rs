//! Working together over HTTP: comments and the activity history, notifications
//! about commitments (proposed, accepted, declined, re-dated) and comments, the
//! idempotent due/review reminders, the unread badge, and the calendar feed.

use keyplan_domain::Role;
use keyplan_testkit::location;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, OTHER_ORG, commitment, id, planned};

fn messages(v: &Value) -> Vec<String> {
    v["notifications"].as_array().unwrap().iter().map(|n| n["message"].as_str().unwrap_or_default().to_string()).collect()
}

#[tokio::test]
async fn comments_and_activity_are_recorded_and_scoped() {
    let p = planned().await;
    let (api, plan) = (&p.api, p.plan);
    // Edits leave history behind.
    let (s, v) = api.patch(&format!("/nodes/{}", p.tree[1]), json!({"version": 1, "title": "Approved and preferred supplier"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, history) = api.get(&format!("/plans/{plan}/activity")).await;
    assert_eq!(s, StatusCode::OK);
    let summaries: Vec<&str> = history.as_array().unwrap().iter().map(|a| a["summary"].as_str().unwrap()).collect();
    assert!(summaries[0].contains("edited critical success factor") || summaries[0].starts_with("edited"), "{summaries:?}");
    assert!(summaries.contains(&"created the plan"), "{summaries:?}");
    assert!(summaries.iter().filter(|s| s.starts_with("added")).count() >= 4, "the skeleton's four nodes: {summaries:?}");
    assert_eq!(history[0]["actor_name"], "Kim Kamara");

    // Comments on the plan and on a node, through the API and the page.
    let (s, c) = api.post(&format!("/plans/{plan}/comments"), json!({"body": "Are we on track?"})).await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    assert_eq!((c["target_kind"].as_str(), c["author_name"].as_str()), (Some("plan"), Some("Kim Kamara")));
    let (s, v) = api.post(&format!("/plans/{plan}/comments"), json!({"body": "  "})).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, v) = api.post(&format!("/plans/{plan}/comments"), json!({"body": "x", "target_kind": "node", "target_id": 999999})).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");

    let web = p.app.login("kim@acme.test").await;
    let target = format!("node:{}", p.tree[0]);
    let res = web.post(&format!("/plans/{plan}/comments"), &[("target", &target), ("body", "Revenue target <b>confirmed</b>")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/plans/{plan}?tab=discussion#discussion"));
    let (s, page) = web.get(&format!("/plans/{plan}?tab=discussion")).await;
    assert_eq!(s, StatusCode::OK);
    let card = &page[page.find("id=\"discussion\"").expect("discussion card")..];
    assert!(card.contains("Are we on track?"));
    assert!(card.contains("confirmed") && !card.contains("<b>confirmed"), "escaped");
    assert!(card.contains("on <em>Grow to 2m</em>"), "names the node");
    assert!(card.contains("2 comments"));
    assert!(card.contains(&format!("href=\"/plans/{plan}/activity\"")));
    let (s, full) = web.get(&format!("/plans/{plan}/activity")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(full.contains("commented on “Grow to 2m”"), "{full}");

    let (s, list) = api.get(&format!("/plans/{plan}/comments")).await;
    assert_eq!((s, list.as_array().unwrap().len()), (StatusCode::OK, 2));

    // Another organisation sees none of it.
    p.app.user(OTHER_ORG, "olga@borealis.test", "Olga Other", Role::Kam).await;
    let other = p.app.api("olga@borealis.test").await;
    for path in [format!("/plans/{plan}/comments"), format!("/plans/{plan}/activity")] {
        assert_eq!(other.get(&path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(other.post(&format!("/plans/{plan}/comments"), json!({"body": "hi"})).await.0, StatusCode::NOT_FOUND);
    let olga = p.app.login("olga@borealis.test").await;
    assert_eq!(olga.get(&format!("/plans/{plan}/activity")).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn commitments_notify_owner_and_author() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let mel_api = p.app.api("mel@acme.test").await;
    let c1 = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Run a line trial", "2027-03-31").await;
    let c2 = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Host a plant visit", "2027-04-30").await;
    let c3 = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Write the case study", "2027-05-31").await;

    let (_, n) = mel_api.get("/me/notifications").await;
    assert_eq!(n["unread"], 3, "{n}");
    assert!(messages(&n).iter().any(|m| m == "Kim Kamara proposed a commitment to you: Run a line trial"), "{n}");

    assert_eq!(mel_api.post(&format!("/commitments/{}/accept", id(&c1)), json!({})).await.0, StatusCode::OK);
    assert_eq!(mel_api.post(&format!("/commitments/{}/decline", id(&c2)), json!({"reason": "No budget"})).await.0, StatusCode::OK);
    let (s, v) = mel_api.post(&format!("/commitments/{}/propose-date", id(&c3)), json!({"due_date": "2027-07-15"})).await;
    assert_eq!(s, StatusCode::OK, "{v}");

    let (_, n) = p.api.get("/me/notifications").await;
    let m = messages(&n);
    assert_eq!(n["unread"], 3, "{n}");
    assert!(m.contains(&"Mel Member accepted commitment “Run a line trial”".to_string()), "{m:?}");
    assert!(m.contains(&"Mel Member declined commitment “Host a plant visit”: No budget".to_string()), "{m:?}");
    assert!(m.iter().any(|x| x.starts_with("Mel Member proposed a new date for commitment “Write the case study”")), "{m:?}");

    // The author answers the new date: the owner hears of it.
    assert_eq!(p.api.post(&format!("/commitments/{}/accept-date", id(&c3)), json!({})).await.0, StatusCode::OK);
    let (_, n) = mel_api.get("/me/notifications").await;
    assert!(messages(&n).iter().any(|x| x == "Kim Kamara accepted commitment “Write the case study”"), "{n}");

    // Read one, then all; someone else's is not found.
    let first = n["notifications"][0]["id"].as_i64().unwrap();
    assert_eq!(mel_api.post(&format!("/notifications/{first}/read"), json!({})).await.0, StatusCode::NO_CONTENT);
    assert_eq!(p.api.post(&format!("/notifications/{first}/read"), json!({})).await.0, StatusCode::NOT_FOUND);
    let (_, n2) = mel_api.get("/me/notifications").await;
    assert_eq!(n2["unread"].as_i64(), Some(n["unread"].as_i64().unwrap() - 1));
    assert_eq!(mel_api.post("/me/notifications/read-all", json!({})).await.0, StatusCode::NO_CONTENT);
    assert_eq!(mel_api.get("/me/notifications").await.1["unread"], 0);

    // The history shows the answers.
    let (_, history) = p.api.get(&format!("/plans/{}/activity", p.plan)).await;
    let actions: Vec<&str> = history.as_array().unwrap().iter().map(|a| a["action"].as_str().unwrap()).collect();
    for a in ["accepted", "declined", "date_proposed"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
}

#[tokio::test]
async fn badge_page_and_comment_notifications() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let c = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Run a line trial", "2027-03-31").await;
    let web = p.app.login("mel@acme.test").await;
    let (_, page) = web.get("/me/commitments").await;
    assert!(page.contains("<span class=\"bell-count\" aria-label=\"1 unread\">1</span>"), "badge in the top bar");

    // Kim comments on Mel's commitment: Mel hears of it; Kim (the commenter) does not.
    let (s, v) =
        p.api.post(&format!("/plans/{}/comments", p.plan), json!({"body": "Need help?", "target_kind": "node", "target_id": id(&c)})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, page) = web.get("/me/notifications").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Kim Kamara commented on “Run a line trial” in Globex plan 2027: Need help?"), "{page}");
    assert!(page.contains("aria-label=\"2 unread\""));
    assert_eq!(p.api.get("/me/notifications").await.1["unread"], 0);

    // Opening one marks it read and follows its link; "mark all read" clears the badge.
    let nid = web.api(reqwest::Method::GET, "/me/notifications", None, false).await.1["notifications"][0]["id"].as_i64().unwrap();
    let res = web.post(&format!("/notifications/{nid}/open"), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/plans/") || location(&res) == "/me/commitments", "{}", location(&res));
    let res = web.post("/me/notifications/read-all", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = web.get("/me/notifications").await;
    assert!(!page.contains("bell-count"), "no badge when all is read");
}

#[tokio::test]
async fn reminders_are_idempotent() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let mel_api = p.app.api("mel@acme.test").await;
    let soon = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Soon", "2027-03-10").await;
    let late = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Late", "2027-02-01").await;
    let far = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Far", "2027-09-01").await;
    let unaccepted = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Not accepted", "2027-03-09").await;
    for c in [&soon, &late, &far] {
        assert_eq!(mel_api.post(&format!("/commitments/{}/accept", id(c)), json!({})).await.0, StatusCode::OK);
    }
    let _ = unaccepted;
    mel_api.post("/me/notifications/read-all", json!({})).await;

    let today = time::macros::date!(2027 - 03 - 05);
    let created = keyplan_app::collab::generate_reminders(&p.app.store, today).await.expect("reminders");
    assert_eq!(created, 2, "soon and late; not far, not unaccepted");
    assert_eq!(keyplan_app::collab::generate_reminders(&p.app.store, today).await.unwrap(), 0, "idempotent");
    let (_, n) = mel_api.get("/me/notifications").await;
    assert_eq!(n["unread"], 2);
    let m = messages(&n);
    assert!(m.iter().any(|x| x.starts_with("Due in 5 days") && x.contains("Soon")), "{m:?}");
    assert!(m.iter().any(|x| x.starts_with("Overdue since") && x.contains("Late")), "{m:?}");
    // A day later: nothing new for the same dates.
    assert_eq!(keyplan_app::collab::generate_reminders(&p.app.store, today.next_day().unwrap()).await.unwrap(), 0);
}

#[tokio::test]
async fn calendar_feed_has_accepted_commitments_only_and_can_be_revoked() {
    let p = planned().await;
    let mel = p.app.user(ORG, "mel@acme.test", "Mel Member", Role::Member).await;
    let mel_api = p.app.api("mel@acme.test").await;
    let long_title = "Run a line trial at the Ludwigshafen plant, with the process engineers; report results \\ next steps";
    let accepted = commitment(&p.api, p.plan, p.tree[3], mel.id.get(), long_title, "2027-03-31").await;
    commitment(&p.api, p.plan, p.tree[3], mel.id.get(), "Only proposed", "2027-04-30").await;
    assert_eq!(mel_api.post(&format!("/commitments/{}/accept", id(&accepted)), json!({})).await.0, StatusCode::OK);

    // Through the settings page: the address is shown once.
    let web = p.app.login("mel@acme.test").await;
    let (s, page) = web.get("/me/calendar").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("no calendar feed yet"));
    let res = web.post("/me/calendar", &[("action", "create")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    let start = page.find("/calendar/").expect("feed address");
    let end = page[start..].find('"').unwrap() + start;
    let path = page[start..end].to_string();
    assert!(path.ends_with(".ics") && path.len() == "/calendar/".len() + 64 + 4, "{path}");

    let anon = reqwest::Client::new();
    let res = anon.get(p.app.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let ics = res.text().await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains(&format!("\r\nUID:commitment-{}@keyplan\r\n", id(&accepted))));
    assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20270331\r\n"));
    assert!(!ics.contains("Only proposed"), "proposed commitments are not in the feed");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "folded: {} octets: {line:?}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains(
            "SUMMARY:Due: Run a line trial at the Ludwigshafen plant\\, with the process engineers\\; report results \\\\ next steps\r\n"
        ),
        "{unfolded}"
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);

    // A new address replaces the old; revoking ends it.
    let (s, v) = mel_api.post("/me/calendar", json!({})).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let new_url = v["url"].as_str().unwrap();
    let new_path = &new_url[new_url.find("/calendar/").unwrap()..];
    assert_eq!(anon.get(p.app.url(&path)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(anon.get(p.app.url(new_path)).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(mel_api.delete("/me/calendar").await.0, StatusCode::NO_CONTENT);
    assert_eq!(anon.get(p.app.url(new_path)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(anon.get(p.app.url("/calendar/nonsense.ics")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_plan_page_counts_comments_next_to_each_item() {
    let p = planned().await;
    let api = &p.api;
    let comment = |plan: i64, kind: &'static str, target: i64, n: usize| async move {
        for i in 0..n {
            let body = json!({"body": format!("Note {i}"), "target_kind": kind, "target_id": target});
            let (s, v) = api.post(&format!("/plans/{plan}/comments"), body).await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
        }
    };
    let web = p.app.login("kim@acme.test").await;

    // The one-page plan: its tree.
    let (plan, goal, obstacle) = (p.plan, p.tree[0], p.tree[3]);
    let c = id(&commitment(api, plan, obstacle, p.kam.id.get(), "Run the trial", "2027-03-31").await);
    comment(plan, "node", goal, 2).await;
    comment(plan, "node", c, 1).await;
    comment(plan, "plan", plan, 1).await;
    let (_, html) = web.get(&format!("/plans/{plan}")).await;
    let head = crate::helpers::enclosing(&html, "class=\"goal-title\"", "<div class=\"goal-head\"", "</p>");
    assert!(head.contains(">2 comments</a>"), "next to the goal: {head}");
    let cm = crate::helpers::enclosing(&html, &format!("id=\"node-{c}\""), "<article", "</article>");
    assert!(cm.contains(">1 comment</a>"), "{cm}");
    let quiet = crate::helpers::enclosing(&html, &format!("id=\"node-{obstacle}\""), "<div", "</div>");
    assert!(!quiet.contains("comment-count"), "nothing shown without comments: {quiet}");
    assert_eq!(html.matches("class=\"comment-count\"").count(), 2, "the plan-wide comment is on no item");

    // A strategic plan: goal cards and section items.
    let (s, sp) = api.post(&format!("/accounts/{}/plans", p.account), json!({"title": "Globex strategic", "template": "strategic"})).await;
    assert_eq!(s, StatusCode::CREATED, "{sp}");
    let plan = id(&sp);
    let goal = id(&api.node(plan, json!({"kind": "goal", "title": "Become preferred supplier"})).await);
    let body = json!({"section": "customer-profile", "kind": "analysis", "category": "customer", "text": "Plant runs 24/7"});
    let (s, item) = api.post(&format!("/plans/{plan}/items"), body).await;
    assert_eq!(s, StatusCode::CREATED, "{item}");
    let item = id(&item);
    comment(plan, "node", goal, 3).await;
    comment(plan, "item", item, 1).await;
    let (_, html) = web.get(&format!("/plans/{plan}")).await;
    let card = crate::helpers::enclosing(&html, &format!("id=\"goal-{goal}\""), "<article", "</header>");
    assert!(card.contains(">3 comments</a>"), "{card}");
    let li = crate::helpers::enclosing(&html, &format!("id=\"item-{item}\""), "<li", "</li>");
    assert!(li.contains(">1 comment</a>"), "{li}");
}
