//! A commitment's "how" and its dated progress notes on both databases: the
//! "how" is written and read with the rest of the commitment (and by the plan
//! import), a note is stored with the plan's history line in one transaction
//! and moves the organisation's change mark, notes read newest first per
//! commitment, per plan and for someone's own commitments, go with their
//! node, and nothing crosses organisations or lands on another kind of node.
//!
//! Every scenario runs once on a fresh SQLite file (`sqlite_*`) and once on a
//! fresh PostgreSQL database (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;

use common::{assert_not_found, kam, plan_input};
use keyplan_domain::account::AccountInput;
use keyplan_domain::audience::Visibility;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind, ProgressData};
use keyplan_domain::{AccountId, Message, NodeId, OrgId, PlanId};
use keyplan_store::{ImportNode, ImportProgress, NodeWrite, PlanImport, Store, User};
use time::macros::date;

on_both_databases! {
    how_is_kept_with_the_commitment => sqlite_how_is_kept_with_the_commitment, postgres_how_is_kept_with_the_commitment;
    notes_are_kept_newest_first_with_a_history_line => sqlite_notes_are_kept_newest_first_with_a_history_line, postgres_notes_are_kept_newest_first_with_a_history_line;
    notes_stay_on_commitments_of_their_organisation => sqlite_notes_stay_on_commitments_of_their_organisation, postgres_notes_stay_on_commitments_of_their_organisation;
    an_import_brings_how_and_notes => sqlite_an_import_brings_how_and_notes, postgres_an_import_brings_how_and_notes;
}

struct World {
    org: OrgId,
    kim: User,
    account: AccountId,
    plan: PlanId,
    goal: NodeId,
    commitment: NodeId,
}

fn commitment(title: &str, owner: &User, how: Option<&str>) -> NodeWrite {
    NodeWrite {
        owner_id: Some(owner.id),
        due_date: Some(date!(2026 - 06 - 30)),
        done_criterion: Some("Trial report signed".into()),
        how: how.map(str::to_string),
        status: Some(CommitmentStatus::Open),
        acceptance: Some(Acceptance::Accepted),
        ..NodeWrite::titled(title)
    }
}

async fn world(store: &Store, org_name: &str) -> World {
    let org = store.ensure_org(org_name).await.unwrap().id;
    let kim = kam(store, org, &format!("Kim {}", org_name.split_whitespace().next().unwrap())).await;
    let input = AccountInput { name: "Northwind".into(), owner_id: kim.id.to_string(), ..Default::default() };
    let account = store.create_account(org, &input.validate().unwrap(), kim.id).await.unwrap().id;
    let plan = store.create_plan(org, account, &plan_input("Northwind 2026"), "one_page_constraint", kim.id).await.unwrap().id;
    let goal = store.create_node(org, plan, NodeKind::Goal, None, &NodeWrite::titled("Grow"), kim.id).await.unwrap().id;
    let w = commitment("Run the trial", &kim, Some("Weekly calls with the plant manager"));
    let commitment = store.create_node(org, plan, NodeKind::Commitment, Some(goal), &w, kim.id).await.unwrap().id;
    World { org, kim, account, plan, goal, commitment }
}

fn note(on: time::Date, text: &str) -> ProgressData {
    ProgressData { on, text: text.into() }
}

fn history(title: &str, on: time::Date) -> Message {
    Message::new("stored-progress-noted").arg("title", title).iso_date("date", on)
}

async fn how_is_kept_with_the_commitment(store: &Store) {
    let w = world(store, "Acme Sales").await;
    let n = store.node(w.org, w.commitment).await.unwrap();
    assert_eq!(n.how().as_deref(), Some("Weekly calls with the plant manager"));
    let (nodes, _) = store.nodes_with_offers(w.org, w.plan).await.unwrap();
    assert_eq!(nodes.iter().find(|x| x.id == w.commitment).unwrap().how(), n.how(), "the bundle's query reads it too");

    let mut edit = NodeWrite::from_node(&n);
    edit.how = Some("Samples first, then a line trial".into());
    let edited = store.update_node(w.org, w.commitment, n.version, &edit, w.kim.id).await.unwrap();
    assert_eq!(edited.how().as_deref(), Some("Samples first, then a line trial"));
    edit.how = None;
    let cleared = store.update_node(w.org, w.commitment, edited.version, &edit, w.kim.id).await.unwrap();
    assert_eq!(cleared.how(), &None);

    // Only commitments have one: another kind stores none.
    let mut goal = NodeWrite::titled("Grow more");
    goal.how = Some("somehow".into());
    let g = store.create_node(w.org, w.plan, NodeKind::Goal, None, &goal, w.kim.id).await.unwrap();
    assert_eq!(g.how(), &None);
    let stored = store.nodes(w.org, w.plan).await.unwrap().into_iter().find(|x| x.id == g.id).and_then(|x| x.how().clone());
    assert_eq!(stored, None);
}

async fn notes_are_kept_newest_first_with_a_history_line(store: &Store) {
    let w = world(store, "Acme Sales").await;
    let before = store.change_mark(w.org).await.unwrap();
    let first = store
        .add_progress_note(
            w.org,
            w.commitment,
            w.kim.id,
            &note(date!(2026 - 03 - 01), "Trial plan agreed"),
            &history("Run the trial", date!(2026 - 03 - 01)),
        )
        .await
        .unwrap();
    assert_eq!((first.plan_id, first.node_id, first.author_id), (w.plan, w.commitment, w.kim.id));
    assert_eq!((first.on, first.text.as_str(), first.author_name.as_str()), (date!(2026 - 03 - 01), "Trial plan agreed", "Kim Acme"));
    assert_ne!(store.change_mark(w.org).await.unwrap(), before, "a note is a change of the organisation's data");

    // Written later about an earlier day, and a second note on the same day.
    store
        .add_progress_note(
            w.org,
            w.commitment,
            w.kim.id,
            &note(date!(2026 - 02 - 20), "Budget found"),
            &history("Run the trial", date!(2026 - 02 - 20)),
        )
        .await
        .unwrap();
    store
        .add_progress_note(
            w.org,
            w.commitment,
            w.kim.id,
            &note(date!(2026 - 03 - 01), "Samples sent"),
            &history("Run the trial", date!(2026 - 03 - 01)),
        )
        .await
        .unwrap();
    let texts = |notes: Vec<keyplan_store::ProgressNote>| notes.into_iter().map(|n| n.text).collect::<Vec<_>>();
    let newest_first = ["Samples sent", "Trial plan agreed", "Budget found"];
    assert_eq!(texts(store.progress_notes(w.org, w.commitment).await.unwrap()), newest_first);
    assert_eq!(texts(store.plan_progress_notes(w.org, w.plan).await.unwrap()), newest_first);
    assert_eq!(texts(store.my_progress_notes(w.org, w.kim.id).await.unwrap()), newest_first, "the owner's own list");

    let lines = store.activity(w.org, w.plan, None).await.unwrap();
    let progress: Vec<_> = lines.iter().filter(|a| a.action == "progress").collect();
    assert_eq!(progress.len(), 3, "one history line per note");
    assert_eq!((progress[0].target_kind.as_str(), progress[0].target_id), ("node", Some(w.commitment.get())));
    assert_eq!(progress[0].message().code, "stored-progress-noted");

    // Notes go with their commitment.
    store.delete_node(w.org, w.goal).await.unwrap();
    assert!(store.plan_progress_notes(w.org, w.plan).await.unwrap().is_empty());
}

async fn notes_stay_on_commitments_of_their_organisation(store: &Store) {
    let w = world(store, "Acme Sales").await;
    let other = world(store, "Globex Trading").await;
    let n = note(date!(2026 - 03 - 01), "Trial plan agreed");
    let h = history("Run the trial", date!(2026 - 03 - 01));
    store.add_progress_note(w.org, w.commitment, w.kim.id, &n, &h).await.unwrap();

    // Another organisation's commitment is not found, and neither is a goal.
    assert_not_found(store.add_progress_note(other.org, w.commitment, other.kim.id, &n, &h).await);
    assert_not_found(store.add_progress_note(w.org, w.goal, w.kim.id, &n, &h).await);
    assert!(store.progress_notes(other.org, w.commitment).await.unwrap().is_empty());
    assert!(store.plan_progress_notes(other.org, w.plan).await.unwrap().is_empty());
    assert!(store.my_progress_notes(other.org, w.kim.id).await.unwrap().is_empty());
    assert!(store.progress_notes(w.org, w.goal).await.unwrap().is_empty());
    // Nothing was written for the refused notes, not even a history line.
    assert_eq!(store.progress_notes(w.org, w.commitment).await.unwrap().len(), 1);
    assert_eq!(store.activity(w.org, w.plan, None).await.unwrap().iter().filter(|a| a.action == "progress").count(), 1);
    assert!(store.activity(other.org, other.plan, None).await.unwrap().iter().all(|a| a.action != "progress"));
}

async fn an_import_brings_how_and_notes(store: &Store) {
    let w = world(store, "Acme Sales").await;
    let import = PlanImport {
        plan: plan_input("Imported plan"),
        template: "one_page_constraint".into(),
        new_contacts: vec![],
        nodes: vec![
            ImportNode {
                kind: NodeKind::Goal,
                parent: None,
                write: NodeWrite::titled("Grow"),
                contact: None,
                visibility: Visibility::Team,
            },
            ImportNode {
                kind: NodeKind::Commitment,
                parent: Some(0),
                write: commitment("Run the trial", &w.kim, Some("Samples first")),
                contact: None,
                visibility: Visibility::Team,
            },
        ],
        sections: vec![],
        items: vec![],
        links: vec![],
        kpis: vec![],
        progress: vec![
            ImportProgress { node: 1, data: note(date!(2026 - 03 - 01), "Newer"), author: w.kim.id },
            ImportProgress { node: 1, data: note(date!(2026 - 03 - 01), "Older, same day"), author: w.kim.id },
        ],
    };
    let plan = store.import_plan(w.org, w.account, &import, w.kim.id).await.unwrap();
    let nodes = store.nodes(w.org, plan.id).await.unwrap();
    let c = nodes.iter().find(|n| n.kind() == NodeKind::Commitment).unwrap();
    assert_eq!(c.how().as_deref(), Some("Samples first"));
    let notes = store.progress_notes(w.org, c.id).await.unwrap();
    assert_eq!(notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["Newer", "Older, same day"], "the document's order");
    assert!(notes.iter().all(|n| n.plan_id == plan.id && n.author_id == w.kim.id));
}
