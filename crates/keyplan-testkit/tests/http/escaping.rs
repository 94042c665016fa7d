//! Whatever users type is shown as text, never run as markup.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{id, named_entities, planned, section};

const SCRIPT: &str = "<script>alert(1)</script>";
const ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt;";

#[tokio::test]
async fn a_contact_named_like_a_script_is_shown_as_text() {
    let p = planned().await;
    let (status, c) =
        p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": SCRIPT, "objective": "<b>bold</b> & more"})).await;
    assert_eq!(status, StatusCode::CREATED, "{c}");
    assert_eq!(c["name"], SCRIPT, "stored exactly as typed");
    let contact = id(&c);

    let s = p.app.login("kim@acme.test").await;
    let (status, page) = s.get(&format!("/accounts/{}", p.account)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(named_entities(&page).contains(ESCAPED), "escaped in the contact list");
    assert!(!page.contains(SCRIPT), "never raw on the account page");
    assert!(named_entities(&page).contains("&lt;b&gt;bold&lt;/b&gt; &amp; more"), "objective escaped too");
    assert!(!page.contains("<b>bold</b>"));

    let (status, page) = s.get(&format!("/contacts/{contact}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(named_entities(&page).contains(ESCAPED) && !page.contains(SCRIPT), "contact page");

    // A contact added through the form: the confirmation message is escaped as well.
    let res = s.post(&format!("/accounts/{}/contacts", p.account), &[("name", "<img src=x onerror=alert(2)>")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = s.get(&format!("/accounts/{}", p.account)).await;
    let page = named_entities(&page);
    let flash = section(&page, "<div class=\"flash\"", "</div>");
    assert!(flash.contains("&lt;img src=x onerror=alert(2)&gt; added."), "{flash}");
    assert!(!page.contains("<img src=x"), "never raw");
}

#[tokio::test]
async fn names_in_attributes_and_plan_trees_are_escaped() {
    let p = planned().await;
    let evil = "Globex\" autofocus onfocus=\"alert(3)";
    let (status, _) = p.api.patch(&format!("/accounts/{}", p.account), json!({"name": evil, "version": 1})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = p
        .api
        .patch(&format!("/nodes/{}", p.tree[1]), json!({"title": SCRIPT, "notes": "</textarea><script>alert(4)</script>", "version": 1}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let c = p
        .api
        .node(p.plan, json!({"kind": "commitment", "parent_id": p.tree[3], "title": "<iframe src=//evil.example>", "owner_id": p.kam.id.get(), "done_criterion": "<svg onload=alert(5)>"}))
        .await;
    assert_eq!(c["acceptance"], "accepted");

    let s = p.app.login("kim@acme.test").await;
    for path in ["/accounts".to_string(), format!("/accounts/{}", p.account), format!("/plans/{}", p.plan), "/me/commitments".to_string()] {
        let (status, page) = s.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!page.contains("\" autofocus onfocus=\""), "attribute break-out on {path}");
        assert!(!page.contains(SCRIPT) && !page.contains("<script>alert(4)"), "script on {path}");
        assert!(!page.contains("<iframe") && !page.contains("<svg onload"), "markup on {path}");
    }
    let page = named_entities(&s.get(&format!("/plans/{}", p.plan)).await.1);
    assert!(page.contains(ESCAPED), "factor title shown as text");
    assert!(page.contains("&lt;iframe src=//evil.example&gt;"), "commitment title shown as text");
    assert!(page.contains("&lt;/textarea&gt;&lt;script&gt;alert(4)"), "notes cannot close the textarea");
    let page = named_entities(&s.get(&format!("/accounts/{}", p.account)).await.1);
    assert!(page.contains("name=\"name\" value=\"Globex&quot; autofocus onfocus=&quot;alert(3)\""), "quote escaped in the edit form");
}
