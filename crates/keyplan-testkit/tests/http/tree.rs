//! Editing the tree and deleting records: moves keep versions, deletes take
//! what hangs underneath, and the roll-up follows.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{ORG, assert_error, commitment, contact_count, id, node_count, planned};

fn titles(children: &Value) -> Vec<String> {
    children.as_array().unwrap().iter().map(|c| c["title"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn moving_nodes_reorders_siblings_without_touching_versions() {
    let p = planned().await;
    let goal = p.tree[0];
    let second = id(&p.api.node(p.plan, json!({"kind": "csf", "parent_id": goal, "title": "Second factor"})).await);
    let third = id(&p.api.node(p.plan, json!({"kind": "csf", "parent_id": goal, "title": "Third factor"})).await);
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(titles(&plan["tree"][0]["children"]), ["Approved supplier", "Second factor", "Third factor"]);

    let (status, plan) = p.api.post(&format!("/nodes/{third}/move"), json!({"direction": "up"})).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(titles(&plan["tree"][0]["children"]), ["Approved supplier", "Third factor", "Second factor"]);
    // Already first: nothing changes.
    let (status, plan) = p.api.post(&format!("/nodes/{}/move", p.tree[1]), json!({"direction": "up"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(titles(&plan["tree"][0]["children"]), ["Approved supplier", "Third factor", "Second factor"]);
    assert_error(
        &p.api.post(&format!("/nodes/{second}/move"), json!({"direction": "sideways"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        Some("direction"),
    );

    // Through the page form.
    let s = p.app.login("kim@acme.test").await;
    let res = s.post(&format!("/nodes/{}/move", p.tree[1]), &[("direction", "down")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(titles(&plan["tree"][0]["children"]), ["Third factor", "Approved supplier", "Second factor"]);
    for n in [p.tree[1], second, third] {
        assert_eq!(p.api.get(&format!("/nodes/{n}")).await.1["version"], 1, "order is not content");
    }
}

#[tokio::test]
async fn deleting_a_node_takes_its_subtree_and_updates_the_roll_up() {
    let p = planned().await;
    let own = commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Brief the engineers", "2027-02-28").await;
    let (status, c) = p.api.patch(&format!("/nodes/{}", id(&own)), json!({"status": "done", "version": 1})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(plan["summary"]["percent_resolved"], 100);

    // A second obstacle, not yet addressed, halves the share.
    let second = id(&p.api.node(p.plan, json!({"kind": "obstacle", "parent_id": p.tree[2], "title": "Price gap"})).await);
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!((plan["summary"]["obstacles"].as_i64(), plan["summary"]["percent_resolved"].as_i64()), (Some(2), Some(50)));
    let (status, _) = p.api.delete(&format!("/nodes/{second}")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_error(&p.api.get(&format!("/nodes/{second}")).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_eq!(p.api.get(&format!("/plans/{}", p.plan)).await.1["summary"]["percent_resolved"], 100);

    // Deleting the factor through the page takes condition, obstacle and commitment with it.
    let s = p.app.login("kim@acme.test").await;
    let res = s.post(&format!("/nodes/{}/delete", p.tree[1]), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 1, "only the goal is left");
    assert_error(&p.api.get(&format!("/nodes/{}", id(&own))).await, StatusCode::NOT_FOUND, "not_found", None);
    let (_, plan) = p.api.get(&format!("/plans/{}", p.plan)).await;
    assert_eq!(
        (plan["summary"]["obstacles"].as_i64(), plan["summary"]["commitments"].as_i64(), plan["summary"]["percent_resolved"].as_i64()),
        (Some(0), Some(0), Some(0))
    );
    assert_error(&p.api.delete(&format!("/nodes/{}", p.tree[1])).await, StatusCode::NOT_FOUND, "not_found", None);
}

#[tokio::test]
async fn deleting_an_account_takes_contacts_plans_and_trees() {
    let p = planned().await;
    let (_, c) = p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Dana Ruiz"})).await;
    let contact = id(&c);
    let cm = commitment(&p.api, p.plan, p.tree[3], p.kam.id.get(), "Visit Dana", "2027-02-28").await;
    let (status, linked) = p.api.patch(&format!("/nodes/{}", id(&cm)), json!({"contact_id": contact, "version": 1})).await;
    assert_eq!((status, linked["contact_id"].as_i64()), (StatusCode::OK, Some(contact)), "{linked}");
    let (_, child) = p.api.post("/accounts", json!({"name": "Globex Subsidiary", "parent_id": p.account})).await;

    // Removing the contact keeps the commitment, without the contact.
    let (status, _) = p.api.delete(&format!("/contacts/{contact}")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, after) = p.api.get(&format!("/nodes/{}", id(&cm))).await;
    assert!(after["contact_id"].is_null(), "{after}");
    assert_eq!(after["title"], "Visit Dana");
    p.api.post(&format!("/accounts/{}/contacts", p.account), json!({"name": "Second contact"})).await;

    let s = p.app.login("kim@acme.test").await;
    let res = s.post(&format!("/accounts/{}/delete", p.account), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_error(&p.api.get(&format!("/accounts/{}", p.account)).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&p.api.get(&format!("/plans/{}", p.plan)).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_error(&p.api.get(&format!("/nodes/{}", p.tree[0])).await, StatusCode::NOT_FOUND, "not_found", None);
    assert_eq!(contact_count(&p.app, ORG, p.account).await, 0);
    assert_eq!(node_count(&p.app, ORG, p.plan).await, 0);
    let (_, orphan) = p.api.get(&format!("/accounts/{}", id(&child))).await;
    assert!(orphan["parent_id"].is_null(), "the subsidiary stays, without its parent: {orphan}");
    assert_eq!(s.get(&format!("/plans/{}", p.plan)).await.0, StatusCode::NOT_FOUND);
}
