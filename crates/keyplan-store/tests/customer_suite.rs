//! The customer at the table on both databases: joint commitments are offered,
//! answered once (until offered again) and withdrawn, with versions; comments
//! written through a share link stay with that link unless the team marks them
//! customer-visible; every write of a visitor comes with its history line and
//! notification; the evidence for the excellence ladder is one statement; the
//! rate limit counts per link and client address; the server secret is made once.
//! Everything stays inside its organisation.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{TODAY, assert_conflict, assert_not_found, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::contact::ContactInput;
use keyplan_domain::customer::{CustomerEvidence, CustomerTarget, JointAnswer};
use keyplan_domain::review::ReviewKind;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{Message, NodeId, OrgId, ShareLinkId};
use keyplan_store::{
    Contact, NewCustomerAnswer, NewCustomerComment, NewNotification, NodeWrite, Plan, ReviewText, ShareLimits, ShareLink, SideEffects,
    Store, User,
};
use time::macros::date;
use time::{Date, Duration, OffsetDateTime};

on_both_databases! {
    offers_are_answered_once_and_versioned => sqlite_offers_are_answered_once_and_versioned, postgres_offers_are_answered_once_and_versioned;
    comments_stay_with_their_link => sqlite_comments_stay_with_their_link, postgres_comments_stay_with_their_link;
    visitor_writes_come_with_history_and_notice => sqlite_visitor_writes_come_with_history_and_notice, postgres_visitor_writes_come_with_history_and_notice;
    evidence_is_one_statement => sqlite_evidence_is_one_statement, postgres_evidence_is_one_statement;
    rate_limit_counts_per_link_and_address => sqlite_rate_limit_counts_per_link_and_address, postgres_rate_limit_counts_per_link_and_address;
    server_secret_is_made_once => sqlite_server_secret_is_made_once, postgres_server_secret_is_made_once;
}

struct World {
    acme: OrgId,
    globex: OrgId,
    ann: User,
    plan: Plan,
    dana: Contact,
    /// An accepted commitment of Ann's, due `due`.
    commitment: NodeId,
    link_a: ShareLink,
    link_b: ShareLink,
}

fn fake_hash() -> String {
    (0..4).map(|_| format!("{:016x}", rand::random::<u64>())).collect()
}

async fn commitment(store: &Store, org: OrgId, plan: &Plan, parent: NodeId, owner: &User, title: &str, due: Date) -> NodeId {
    let mut w = NodeWrite::titled(title);
    w.owner_id = Some(owner.id);
    w.author_id = Some(owner.id);
    w.acceptance = Some(Acceptance::Accepted);
    w.status = Some(CommitmentStatus::Open);
    w.due_date = Some(due);
    store.create_node(org, plan.id, NodeKind::Commitment, Some(parent), &w, owner.id).await.unwrap().id
}

/// Acme (Ann, account Northwind with contact Dana, a plan with a goal and a
/// commitment, two share links) and Globex, which must see none of it.
async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = kam(store, acme, "Ann Archer").await;
    kam(store, globex, "Gil Grey").await;
    let data = AccountInput { name: "Northwind".into(), owner_id: ann.id.to_string(), ..Default::default() }.validate().unwrap();
    let acct = store.create_account(acme, &data, ann.id).await.unwrap();
    let cdata = ContactInput { name: "Dana Ruiz".into(), ..Default::default() }.validate().unwrap();
    let dana = store.create_contact(acme, acct.id, &cdata, ann.id).await.unwrap();
    let plan = store.create_plan(acme, acct.id, &plan_input("FY26 Northwind"), "one_page_constraint", ann.id).await.unwrap();
    let goal = store.create_node(acme, plan.id, NodeKind::Goal, None, &NodeWrite::titled("Grow"), ann.id).await.unwrap();
    let commitment = commitment(store, acme, &plan, goal.id, &ann, "Joint pilot at the Bremen plant", date!(2026 - 05 - 31)).await;
    let link_a = store.create_share_link(acme, plan.id, &fake_hash(), "Q3 review", date!(2026 - 06 - 30), ann.id).await.unwrap();
    let link_b = store.create_share_link(acme, plan.id, &fake_hash(), "Procurement", date!(2026 - 06 - 30), ann.id).await.unwrap();
    World { acme, globex, ann, plan, dana, commitment, link_a, link_b }
}

fn effects<'a>(action: &'a str, history: &'a Message) -> SideEffects<'a> {
    SideEffects { action, actor: None, history, notify: None }
}

fn answer<'a>(w: &World, link: &ShareLink, a: JointAnswer, reason: Option<&'a str>) -> NewCustomerAnswer<'a> {
    NewCustomerAnswer { org: w.acme, plan: w.plan.id, node: w.commitment, link: link.id, answer: a, reason, name: "Dana Ruiz" }
}

async fn offers_are_answered_once_and_versioned(store: &Store) {
    let w = world(store).await;
    let line = Message::new("stored-joint-offered");
    let offered = store.offer_joint(w.acme, w.plan.id, w.commitment, w.dana.id, 0, &effects("joint_offered", &line)).await.unwrap();
    assert_eq!((offered.answer, offered.contact_id, offered.version), (JointAnswer::Open, Some(w.dana.id), 1));
    assert_eq!(offered.node.title, "Joint pilot at the Bremen plant");
    assert_conflict(store.offer_joint(w.acme, w.plan.id, w.commitment, w.dana.id, 0, &effects("x", &line)).await, 1);

    // The tree and its offers come in one query.
    let before = store.query_count();
    let (nodes, joint) = store.nodes_with_offers(w.acme, w.plan.id).await.unwrap();
    assert_eq!(store.query_count() - before, 1);
    assert_eq!(nodes.len(), 2);
    assert_eq!(joint.len(), 1);
    assert_eq!(joint[0].node.id, w.commitment);

    let accepted = store.answer_joint(&answer(&w, &w.link_a, JointAnswer::Accepted, None), &effects("customer_accepted", &line)).await;
    let accepted = accepted.unwrap().expect("an open offer is answered");
    assert_eq!(accepted.answer, JointAnswer::Accepted);
    assert_eq!((accepted.answered_name.as_deref(), accepted.answered_via), (Some("Dana Ruiz"), Some(w.link_a.id)));
    assert_eq!(accepted.answered_via_label.as_deref(), Some("Q3 review"));
    assert!(accepted.answered_at.is_some());
    assert_eq!(accepted.version, 2);
    let again = store.answer_joint(&answer(&w, &w.link_b, JointAnswer::Declined, Some("No budget")), &effects("x", &line)).await;
    assert!(again.unwrap().is_none(), "answered once");
    assert_eq!(store.joint_commitment(w.acme, w.commitment).await.unwrap().answer, JointAnswer::Accepted, "unchanged");

    // Offering again is a new question: the answer is cleared.
    assert_conflict(store.offer_joint(w.acme, w.plan.id, w.commitment, w.dana.id, 1, &effects("x", &line)).await, 2);
    let reoffered = store.offer_joint(w.acme, w.plan.id, w.commitment, w.dana.id, 2, &effects("x", &line)).await.unwrap();
    assert_eq!((reoffered.answer, reoffered.answered_name, reoffered.answered_via), (JointAnswer::Open, None, None));
    let declined = store.answer_joint(&answer(&w, &w.link_b, JointAnswer::Declined, Some("No budget")), &effects("x", &line)).await;
    let declined = declined.unwrap().unwrap();
    assert_eq!((declined.answer, declined.answer_reason.as_deref()), (JointAnswer::Declined, Some("No budget")));

    // Another organisation sees nothing and changes nothing.
    assert_not_found(store.joint_commitment(w.globex, w.commitment).await);
    assert!(store.nodes_with_offers(w.globex, w.plan.id).await.unwrap().0.is_empty());
    let theirs = NewCustomerAnswer { org: w.globex, ..answer(&w, &w.link_a, JointAnswer::Accepted, None) };
    assert!(store.answer_joint(&theirs, &effects("x", &line)).await.unwrap().is_none());
    assert_not_found(store.withdraw_joint(w.globex, w.plan.id, w.commitment, None, &effects("x", &line)).await);

    assert_conflict(store.withdraw_joint(w.acme, w.plan.id, w.commitment, Some(1), &effects("x", &line)).await, 4);
    store.withdraw_joint(w.acme, w.plan.id, w.commitment, Some(4), &effects("joint_withdrawn", &line)).await.unwrap();
    assert_not_found(store.joint_commitment(w.acme, w.commitment).await);
    assert!(store.nodes_with_offers(w.acme, w.plan.id).await.unwrap().1.is_empty());
    assert_not_found(store.withdraw_joint(w.acme, w.plan.id, w.commitment, None, &effects("x", &line)).await);
}

async fn comment_on(store: &Store, w: &World, link: &ShareLink, target: CustomerTarget, body: &str) -> keyplan_store::CustomerComment {
    let new = NewCustomerComment { org: w.acme, plan: w.plan.id, link: link.id, target, author_name: "Dana Ruiz", body };
    let line = Message::new("stored-customer-commented");
    store.add_customer_comment(&new, &effects("customer_commented", &line)).await.unwrap()
}

async fn comments_stay_with_their_link(store: &Store) {
    let w = world(store).await;
    let on_a = comment_on(store, &w, &w.link_a, CustomerTarget::Node(w.commitment), "From A <b>bold</b>").await;
    let on_b = comment_on(store, &w, &w.link_b, CustomerTarget::Plan, "From B").await;
    assert_eq!(
        (on_a.target(), on_a.link_label.as_str(), on_a.customer_visible),
        (Some(CustomerTarget::Node(w.commitment)), "Q3 review", false)
    );
    assert_eq!((on_b.target(), on_b.target_id), (Some(CustomerTarget::Plan), w.plan.id.get()));
    assert_eq!(on_a.body, "From A <b>bold</b>", "stored as written; pages escape it");

    let bodies = |list: Vec<keyplan_store::CustomerComment>| list.into_iter().map(|c| c.body).collect::<Vec<_>>();
    assert_eq!(bodies(store.customer_comments_for_link(w.acme, w.plan.id, w.link_a.id).await.unwrap()), ["From A <b>bold</b>"]);
    assert_eq!(bodies(store.customer_comments_for_link(w.acme, w.plan.id, w.link_b.id).await.unwrap()), ["From B"]);
    // The team marks B's comment customer-visible: A's visitors see it too; A's stays with A.
    let shown = store.set_customer_comment_visible(w.acme, on_b.id, true).await.unwrap();
    assert!(shown.customer_visible);
    assert_eq!(bodies(store.customer_comments_for_link(w.acme, w.plan.id, w.link_a.id).await.unwrap()), ["From A <b>bold</b>", "From B"]);
    assert_eq!(bodies(store.customer_comments_for_link(w.acme, w.plan.id, w.link_b.id).await.unwrap()), ["From B"]);
    store.set_customer_comment_visible(w.acme, on_b.id, false).await.unwrap();
    assert_eq!(store.customer_comments_for_link(w.acme, w.plan.id, w.link_a.id).await.unwrap().len(), 1);

    // The team's discussion: both kinds in one query, each oldest first.
    store.add_comment(w.acme, w.plan.id, "plan", w.plan.id.get(), w.ann.id, "Team note").await.unwrap();
    let before = store.query_count();
    let (team, customer) = store.plan_comments(w.acme, w.plan.id).await.unwrap();
    assert_eq!(store.query_count() - before, 1);
    assert_eq!(team.iter().map(|c| c.body.as_str()).collect::<Vec<_>>(), ["Team note"]);
    assert_eq!(team[0].author_name, "Ann Archer");
    assert_eq!(
        customer.iter().map(|c| (c.body.as_str(), c.link_label.as_str())).collect::<Vec<_>>(),
        [("From A <b>bold</b>", "Q3 review"), ("From B", "Procurement")]
    );
    assert_eq!(store.customer_comments(w.acme, w.plan.id).await.unwrap().len(), 2);

    // Nothing of it for another organisation.
    assert!(store.customer_comments(w.globex, w.plan.id).await.unwrap().is_empty());
    assert!(store.customer_comments_for_link(w.globex, w.plan.id, w.link_a.id).await.unwrap().is_empty());
    let (t, c) = store.plan_comments(w.globex, w.plan.id).await.unwrap();
    assert!(t.is_empty() && c.is_empty());
    assert_not_found(store.customer_comment(w.globex, on_a.id).await);
    assert_not_found(store.set_customer_comment_visible(w.globex, on_a.id, true).await);
    assert!(!store.customer_comment(w.acme, on_a.id).await.unwrap().customer_visible);
}

async fn visitor_writes_come_with_history_and_notice(store: &Store) {
    let w = world(store).await;
    let line = Message::new("stored-customer-commented").arg("title", "Grow");
    let notice = Message::new("stored-notif-customer-comment");
    let new = NewCustomerComment {
        org: w.acme,
        plan: w.plan.id,
        link: w.link_a.id,
        target: CustomerTarget::Plan,
        author_name: "Dana",
        body: "Hi",
    };
    let effects = SideEffects {
        action: "customer_commented",
        actor: None,
        history: &line,
        notify: Some(NewNotification {
            org: w.acme,
            user: w.ann.id,
            kind: "customer_comment",
            plan: Some(w.plan.id),
            message: &notice,
            link: "/plans/1#discussion",
            dedupe_key: Some("customer_comment:1"),
        }),
    };
    store.add_customer_comment(&new, &effects).await.unwrap();
    let history = store.activity(w.acme, w.plan.id, None).await.unwrap();
    let entry = history.iter().find(|a| a.action == "customer_commented").expect("a history line");
    assert_eq!((entry.actor_id, entry.message_code.as_str(), entry.target_kind.as_str()), (None, "stored-customer-commented", "plan"));
    let notes = store.notifications(w.acme, w.ann.id, 10).await.unwrap();
    assert_eq!(notes.iter().filter(|n| n.kind == "customer_comment").count(), 1);
    // The dedupe key keeps a notice from repeating; the comment itself is still stored.
    store.add_customer_comment(&new, &effects).await.unwrap();
    assert_eq!(store.notifications(w.acme, w.ann.id, 10).await.unwrap().len(), notes.len());
    assert_eq!(store.customer_comments(w.acme, w.plan.id).await.unwrap().len(), 2);
}

async fn evidence_is_one_statement(store: &Store) {
    let w = world(store).await;
    let none = store.customer_evidence(w.acme, w.plan.id, TODAY).await.unwrap();
    assert_eq!(none, CustomerEvidence::default());

    store.record_share_opening_as(w.acme, w.link_a.id, "127.0.0.1", true).await.unwrap();
    let after_team = store.customer_evidence(w.acme, w.plan.id, TODAY).await.unwrap();
    assert_eq!(after_team.last_link_open, None, "the team looking at its own link is no evidence");
    store.record_share_opening(w.acme, w.link_b.id, "203.0.113.7").await.unwrap();

    let line = Message::new("x");
    store.offer_joint(w.acme, w.plan.id, w.commitment, w.dana.id, 0, &effects("x", &line)).await.unwrap();
    store.answer_joint(&answer(&w, &w.link_a, JointAnswer::Accepted, None), &effects("x", &line)).await.unwrap();
    // A second commitment, due before TODAY and accepted by the customer: overdue.
    let goal = store.nodes(w.acme, w.plan.id).await.unwrap().into_iter().find(|n| n.kind() == NodeKind::Goal).unwrap().id;
    let late = commitment(store, w.acme, &w.plan, goal, &w.ann, "Late one", date!(2026 - 03 - 01)).await;
    store.offer_joint(w.acme, w.plan.id, late, w.dana.id, 0, &effects("x", &line)).await.unwrap();
    let late_answer = NewCustomerAnswer { node: late, ..answer(&w, &w.link_b, JointAnswer::Accepted, None) };
    store.answer_joint(&late_answer, &effects("x", &line)).await.unwrap();
    let open = commitment(store, w.acme, &w.plan, goal, &w.ann, "Still open", date!(2026 - 09 - 01)).await;
    store.offer_joint(w.acme, w.plan.id, open, w.dana.id, 0, &effects("x", &line)).await.unwrap();
    comment_on(store, &w, &w.link_a, CustomerTarget::Plan, "Looks right").await;

    // A held customer review with decisions, a held one without, a team review.
    for (kind, day, decisions) in [
        (ReviewKind::Customer, date!(2026 - 01 - 20), Some("Start the pilot")),
        (ReviewKind::Customer, date!(2026 - 02 - 10), None),
        (ReviewKind::Team, date!(2026 - 03 - 01), Some("x")),
    ] {
        let r = store.create_review(w.acme, w.plan.id, kind, day, Some(w.ann.id)).await.unwrap();
        let text = ReviewText { review_date: day, notes: None, decisions: decisions.map(String::from) };
        let r = store.update_review(w.acme, r.id, r.version, &text, w.ann.id).await.unwrap();
        store.hold_review(w.acme, r.id, r.version, "{}", None, day + Duration::days(90), Some(w.ann.id)).await.unwrap();
    }

    let before = store.query_count();
    let e = store.customer_evidence(w.acme, w.plan.id, TODAY).await.unwrap();
    assert_eq!(store.query_count() - before, 1, "one statement");
    let today = OffsetDateTime::now_utc().date();
    assert_eq!(e.last_link_open, Some(today));
    assert_eq!(e.last_customer_review, Some(date!(2026 - 02 - 10)));
    assert_eq!(e.last_customer_review_with_decisions, Some(date!(2026 - 01 - 20)));
    assert_eq!((e.customer_comments, e.last_customer_comment), (1, Some(today)));
    assert_eq!((e.joint_open, e.joint_accepted, e.joint_declined), (1, 2, 0));
    assert_eq!((e.joint_accepted_overdue, e.joint_accepted_missed), (1, 0));
    assert!(!e.customer_commitments_on_time() && e.developed_with_customer());

    // Marked missed, it is no longer overdue but missed.
    let node = store.node(w.acme, late).await.unwrap();
    let mut wr = NodeWrite::from_node(&node);
    wr.status = Some(CommitmentStatus::Missed);
    store.update_node(w.acme, late, node.version, &wr, w.ann.id).await.unwrap();
    let e = store.customer_evidence(w.acme, w.plan.id, TODAY).await.unwrap();
    assert_eq!((e.joint_accepted_overdue, e.joint_accepted_missed), (0, 1));

    assert_eq!(store.customer_evidence(w.globex, w.plan.id, TODAY).await.unwrap(), CustomerEvidence::default());
}

async fn rate_limit_counts_per_link_and_address(store: &Store) {
    let w = world(store).await;
    let now = OffsetDateTime::now_utc();
    let limits =
        ShareLimits { per_address: 2, address_since: now - Duration::minutes(10), per_link: 3, link_since: now - Duration::hours(1) };
    let admit = |link: ShareLinkId, addr: &'static str| async move { store.admit_share_action(w.acme, link, addr, limits).await.unwrap() };
    assert!(admit(w.link_a.id, "198.51.100.1").await);
    assert!(admit(w.link_a.id, "198.51.100.1").await);
    assert!(!admit(w.link_a.id, "198.51.100.1").await, "the third from one address within the window");
    assert!(admit(w.link_a.id, "198.51.100.2").await, "another address still may");
    assert!(!admit(w.link_a.id, "198.51.100.3").await, "the link's own limit");
    assert!(admit(w.link_b.id, "198.51.100.1").await, "another link counts on its own");
    // A window that starts now counts nothing before it.
    let fresh = ShareLimits {
        address_since: OffsetDateTime::now_utc() + Duration::seconds(1),
        link_since: OffsetDateTime::now_utc() + Duration::seconds(1),
        ..limits
    };
    assert!(store.admit_share_action(w.acme, w.link_a.id, "198.51.100.1", fresh).await.unwrap());
    assert_eq!(store.purge_share_actions(OffsetDateTime::now_utc() + Duration::seconds(5)).await.unwrap(), 5);
    assert!(admit(w.link_a.id, "198.51.100.1").await, "purged");
}

async fn server_secret_is_made_once(store: &Store) {
    assert_eq!(store.server_secret("share-form-key", "first").await.unwrap(), "first");
    assert_eq!(store.server_secret("share-form-key", "second").await.unwrap(), "first", "the first stays for every server");
    assert_eq!(store.server_secret("another", "third").await.unwrap(), "third");
}
