//! What guards the share page's forms, over HTTP: a form token of the link
//! and the visitor (403 without it), a rate limit per link and client address
//! (429), no comment or answer through a revoked or expired link (410), and
//! nothing one link's visitor writes reaching another link's visitors unless
//! the team marks it customer-visible.

use keyplan_domain::PlanId;
use keyplan_testkit::{TestApp, hidden_value};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::customer::{KAM, MEL, PILOT, Visitor, link, offer, world, world_with};
use crate::helpers::{ORG, assert_error};

async fn comments_stored(w: &crate::customer::World) -> usize {
    let (_, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    side["comments"].as_array().unwrap().len()
}

#[tokio::test]
async fn forms_need_the_token_of_their_link_and_visitor() {
    let w = world().await;
    let (a, b) = (link(&w.api, w.plan, "Q3 review").await, link(&w.api, w.plan, "Procurement").await);
    let on_a = Visitor::open(&w.app, &a).await;
    let on_b = Visitor::open(&w.app, &b).await;
    let target = format!("node:{}", w.goal);
    let fields =
        |csrf: &str| vec![("_csrf", csrf.to_string()), ("target", target.clone()), ("name", "Eve".into()), ("body", "Forged".into())];
    let post = |client: &reqwest::Client, token: &str, form: Vec<(&'static str, String)>| {
        client.post(w.app.url(&format!("/s/{token}/comments"))).form(&form).send()
    };

    // No token; a made-up one; link B's token posted to link A (with A's cookie).
    for csrf in [String::new(), "0".repeat(64), on_b.csrf.clone()] {
        let res = post(&on_a.client, &a, fields(&csrf)).await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{csrf}");
        let page = res.text().await.unwrap();
        assert!(page.contains("This form has expired") && page.contains(&format!("href=\"/s/{a}\"")), "a way back");
    }
    // The right token from another browser (another site making the visitor's browser post has no cookie).
    let stranger = w.app.client();
    assert_eq!(post(&stranger, &a, fields(&on_a.csrf)).await.unwrap().status(), StatusCode::FORBIDDEN);
    let res = stranger
        .post(w.app.url(&format!("/s/{a}/commitments/{}", w.pilot)))
        .form(&[("_csrf", on_a.csrf.as_str()), ("answer", "accept"), ("name", "Eve")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(comments_stored(&w).await, 0, "nothing forged was stored");

    // The form cookie stays with the link: scoped to its path, strict, not for scripts.
    let res = w.app.client().get(w.app.url(&format!("/s/{a}"))).send().await.unwrap();
    let cookie = crate::helpers::set_cookies(&res).into_iter().find(|c| c.starts_with("kp_share_form=")).expect("a form cookie");
    for part in [format!("Path=/s/{a}"), "HttpOnly".into(), "SameSite=Strict".into()] {
        assert!(cookie.split("; ").any(|p| p == part), "{part} in {cookie}");
    }
    assert_eq!(res.headers().get("referrer-policy").unwrap(), "no-referrer");

    // With the page's own token it works; a signed-in team member needs no session token here either.
    assert_eq!(post(&on_a.client, &a, fields(&on_a.csrf)).await.unwrap().status(), StatusCode::SEE_OTHER);
    let kim = w.app.login(KAM).await;
    let (_, page) = kim.get(&format!("/s/{a}")).await;
    let csrf = hidden_value(&page, "_csrf").unwrap();
    let res = kim.client.post(w.app.url(&format!("/s/{a}/comments"))).form(&fields(&csrf)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(comments_stored(&w).await, 2);
}

#[tokio::test]
async fn too_many_posts_from_one_address_answer_429() {
    let w = world_with(TestApp::spawn_configured(|c| c.trust_proxy = true).await).await;
    let token = link(&w.api, w.plan, "Q3 review").await;
    let v = Visitor::open(&w.app, &token).await;
    let from = |addr: &'static str, n: usize| {
        let v = &v;
        async move {
            let form = [("_csrf", v.csrf.as_str()), ("target", "plan"), ("name", "Dana"), ("body", &*format!("Comment {n}"))]
                .map(|(k, x)| (k, x.to_string()));
            v.client.post(format!("{}/s/{}/comments", v.base, v.token)).header("x-forwarded-for", addr).form(&form).send().await.unwrap()
        }
    };
    for n in 0..keyplan_app::customer::PER_ADDRESS as usize {
        assert_eq!(from("198.51.100.7", n).await.status(), StatusCode::SEE_OTHER, "comment {n}");
    }
    let res = from("198.51.100.7", 99).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let page = res.text().await.unwrap();
    assert!(page.contains("Please wait 10 minutes, then try again"), "a clear message");
    // Another address on the same link still may; the limited address may not answer either.
    assert_eq!(from("198.51.100.8", 0).await.status(), StatusCode::SEE_OTHER);
    offer(&w, w.pilot).await;
    let res = v
        .client
        .post(format!("{}/s/{}/commitments/{}", v.base, v.token, w.pilot))
        .header("x-forwarded-for", "198.51.100.7")
        .form(&[("_csrf", v.csrf.as_str()), ("answer", "accept"), ("name", "Dana")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "answers count too");
    assert_eq!(comments_stored(&w).await, keyplan_app::customer::PER_ADDRESS as usize + 1);
}

#[tokio::test]
async fn revoked_and_expired_links_take_no_comments_or_answers() {
    let w = world().await;
    offer(&w, w.pilot).await;
    let token = link(&w.api, w.plan, "Q3 review").await;
    let v = Visitor::open(&w.app, &token).await;
    let (_, links) = w.api.get(&format!("/plans/{}/share-links", w.plan)).await;
    let link_id = links[0]["id"].as_i64().unwrap();
    let (s, _) = w.api.post(&format!("/share-links/{link_id}/revoke"), json!({})).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v.page().await.0, StatusCode::GONE);
    let res = v.comment("plan", "Dana", "Still there?").await;
    assert_eq!(res.status(), StatusCode::GONE);
    assert!(res.text().await.unwrap().contains("no longer valid"));
    assert_eq!(v.answer(w.pilot, "accept", "Dana", "").await.status(), StatusCode::GONE);

    // Expired yesterday (made in the store: the forms refuse a date in the past).
    let old = keyplan_app::auth::random_token();
    let org = w.app.org_id(ORG).await;
    let kim = w.app.store.user_by_email(KAM).await.unwrap().unwrap();
    let yesterday = time::OffsetDateTime::now_utc().date() - time::Duration::days(1);
    w.app.store.create_share_link(org, PlanId::new(w.plan), &keyplan_app::auth::token_hash(&old), "Old", yesterday, kim.id).await.unwrap();
    let expired = Visitor { client: w.app.client(), base: w.app.base.clone(), token: old, csrf: v.csrf.clone() };
    assert_eq!(expired.page().await.0, StatusCode::GONE);
    assert_eq!(expired.comment("plan", "Dana", "Hello").await.status(), StatusCode::GONE);
    assert_eq!(expired.answer(w.pilot, "accept", "Dana", "").await.status(), StatusCode::GONE);
    let unknown = Visitor { token: keyplan_app::auth::random_token(), ..expired };
    assert_eq!(unknown.comment("plan", "Dana", "Hello").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(comments_stored(&w).await, 0);
    let (_, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    assert_eq!(side["joint_commitments"][0]["answer"], "open");
}

#[tokio::test]
async fn one_links_visitors_never_see_what_anothers_wrote_unless_the_team_shares_it() {
    let w = world().await;
    offer(&w, w.pilot).await;
    let (a, b) = (link(&w.api, w.plan, "Q3 review").await, link(&w.api, w.plan, "Procurement").await);
    let on_a = Visitor::open(&w.app, &a).await;
    let on_b = Visitor::open(&w.app, &b).await;
    assert_eq!(on_a.comment(&format!("node:{}", w.goal), "Dora Visitor", "SECRET-A-COMMENT").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(on_a.answer(w.pilot, "accept", "Dora Visitor", "").await.status(), StatusCode::SEE_OTHER);
    let (_, page_a) = on_a.page().await;
    assert!(page_a.contains("SECRET-A-COMMENT") && page_a.contains("Accepted by Dora Visitor"));
    let (_, page_b) = on_b.page().await;
    assert!(!page_b.contains("SECRET-A-COMMENT") && !page_b.contains("Dora Visitor"), "nothing of A's visitor on B");
    assert!(page_b.contains("Accepted on"), "B sees that it was accepted, not by whom");
    assert_eq!(on_b.answer(w.pilot, "decline", "Bob", "No").await.status(), StatusCode::CONFLICT, "and cannot answer again");

    // The team shows A's comment on every link (page form), then takes it back (API).
    let (_, side) = w.api.get(&format!("/plans/{}/customer", w.plan)).await;
    let comment = side["comments"][0]["id"].as_i64().unwrap();
    let mel = w.app.login(MEL).await;
    let res = mel.post(&format!("/customer-comments/{comment}/visibility"), &[("visible", "true")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "plan editors only");
    let kim = w.app.login(KAM).await;
    let (_, plan_page) = kim.get(&format!("/plans/{}?tab=discussion", w.plan)).await;
    assert!(plan_page.contains("Shown only on the share link it came through."));
    let res = kim.post(&format!("/customer-comments/{comment}/visibility"), &[("visible", "true")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page_b) = on_b.page().await;
    assert!(page_b.contains("SECRET-A-COMMENT"), "now customer-visible");
    assert!(page_b.contains(PILOT) && !page_b.contains("Accepted by Dora Visitor"), "the answer's name stays with A");
    let off = w.api.call(Method::PUT, &format!("/customer-comments/{comment}"), Some(json!({"customer_visible": false}))).await;
    assert_eq!((off.0, &off.1["customer_visible"]), (StatusCode::OK, &json!(false)), "{}", off.1);
    let (_, page_b) = on_b.page().await;
    assert!(!page_b.contains("SECRET-A-COMMENT"));
    let bad = w.api.call(Method::PUT, &format!("/customer-comments/{comment}"), Some(json!({"customer_visible": "yes"}))).await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid", Some("customer_visible"));
    let mel_api = w.app.api(MEL).await;
    let denied = mel_api.call(Method::PUT, &format!("/customer-comments/{comment}"), Some(json!({"customer_visible": true}))).await;
    assert_error(&denied, StatusCode::FORBIDDEN, "forbidden", None);

    // The customer excerpt inside keyplan and its exports carry nothing a visitor wrote.
    let (_, excerpt) = kim.get(&format!("/plans/{}/view/customer", w.plan)).await;
    assert!(!excerpt.contains("SECRET-A-COMMENT"));
    let (_, md) = kim.get(&format!("/plans/{}/export.md?audience=customer", w.plan)).await;
    assert!(!md.contains("SECRET-A-COMMENT") && !md.contains("Dora Visitor"));
}
