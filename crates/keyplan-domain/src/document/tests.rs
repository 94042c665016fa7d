//! Reading, checking and writing back plan documents.

use super::*;
use crate::audience::Visibility;
use serde_json::json;

fn sample() -> serde_json::Value {
    json!({
        "format": "keyplan-plan",
        "version": 1,
        "audience": "team",
        "plan": {"title": "Brightwater 2027", "template": "one_page_constraint", "status": "active",
                 "period_start": "2027-01-01", "period_end": "2027-12-31"},
        "contacts": [{"id": "c1", "name": "Dana Ruiz", "buying_role": "decision_maker", "influence": 5,
                      "relationship_owner": {"email": "lena@northwind.example"}}],
        "goals": [{
            "id": "n1", "kind": "goal", "title": "Grow to 2.4m", "baseline": 1800000.0, "target": 2400000.0, "visibility": "customer",
            "children": [{"id": "n2", "kind": "csf", "title": "Preferred supplier", "children": [
                {"id": "n3", "kind": "condition", "title": "Trial passed", "children": [
                    {"id": "n4", "kind": "obstacle", "title": "No trial budget", "children": [
                        {"id": "n5", "kind": "commitment", "title": "Run the trial", "owner": {"email": "lena@northwind.example"},
                         "contact": "c1", "due_date": "2027-03-31", "status": "open", "acceptance": "accepted"}
                    ]}
                ]}
            ]}]
        }],
        "sections": [{"key": "analysis", "body": "Market grows", "so_what": "Win the trial", "visibility": "management"}],
        "items": [
            {"id": "i1", "section": "swot", "kind": "swot", "category": "strength", "text": "Fast service"},
            {"id": "i2", "section": "opps", "kind": "opportunity", "text": "New plant", "derived_from": "i1"}
        ],
        "links": [{"goal": "n1", "item": "i2"}, {"goal": "n1", "section": "analysis"}, {"goal": "n1", "contact": "c1"}],
        "kpis": [{"name": "Revenue", "period": "quarter", "goal": "n1", "baseline": 1.8, "target": 2.4,
                  "actuals": [{"period_start": "2027-01-01", "value": 1.9}]}]
    })
}

fn parse_value(v: &serde_json::Value) -> Result<PlanDocument, DocError> {
    parse(&serde_json::to_vec(v).unwrap())
}

fn error_of(f: impl FnOnce(&mut serde_json::Value)) -> DocError {
    let mut v = sample();
    f(&mut v);
    parse_value(&v).unwrap_err()
}

#[test]
fn a_complete_document_reads_and_writes_back_the_same() {
    let doc = parse_value(&sample()).unwrap();
    assert_eq!(doc.placed_nodes().len(), 5);
    assert_eq!(doc.placed_nodes()[4].parent, Some(3));
    assert_eq!(doc.goals[0].visibility, Visibility::Customer);
    assert_eq!(doc.sections[0].visibility, Visibility::Management);
    assert_eq!(doc.items[0].visibility, Visibility::Team, "team is the default");
    let again = parse(&serde_json::to_vec(&doc).unwrap()).unwrap();
    assert_eq!(again, doc);
}

#[test]
fn errors_name_the_path_of_the_first_problem() {
    let e = error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["due_date"] = json!("31.03.2027"));
    assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].due_date");
    let e = error_of(|v| v["goals"][0]["children"][0]["kind"] = json!("hurdle"));
    assert_eq!(e.path, "goals[0].children[0].kind");
    assert!(format!("{:?}", e.message.args).contains("hurdle"), "{e}");
    let e = error_of(|v| v["items"][1]["colour"] = json!("red"));
    assert_eq!(e.path, "items[1].colour");
    let e = error_of(|v| v["plan"].as_object_mut().unwrap().remove("title").map(|_| ()).unwrap());
    assert_eq!(e.path, "plan");
    assert!(format!("{:?}", e.message.args).contains("title"), "{e}");
}

#[test]
fn format_and_version_are_checked_first() {
    assert_eq!(error_of(|v| v["format"] = json!("something-else")).path, "format");
    let e = error_of(|v| {
        v["version"] = json!(2);
        v["goals"] = json!("whatever a later version holds");
    });
    assert_eq!(e.path, "version");
    assert_eq!((e.message.code.as_str(), e.message.args.get("detail")), ("doc-err-version", Some(&"2".into())), "{e}");
    assert_eq!(parse(b"[1, 2]").unwrap_err().path, "$");
    assert_eq!(parse(b"{not json").unwrap_err().message.code, "doc-err-json");
}

#[test]
fn the_tree_keeps_its_shape() {
    let e = error_of(|v| v["goals"][0]["kind"] = json!("obstacle"));
    assert_eq!(e.path, "goals[0].kind");
    let e = error_of(|v| v["goals"][0]["children"][0]["children"][0]["kind"] = json!("goal"));
    assert_eq!(e.path, "goals[0].children[0].children[0].kind");
    let e = error_of(|v| v["goals"][0]["children"][0]["metric"] = json!("share"));
    assert_eq!(e.path, "goals[0].children[0].metric");
    let e = error_of(|v| v["goals"][0]["owner"] = json!({"email": "a@b.example"}));
    assert_eq!(e.path, "goals[0].owner");
}

#[test]
fn commitments_need_an_owner_and_consistent_dates() {
    let e = error_of(|v| {
        v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0].as_object_mut().unwrap().remove("owner");
    });
    assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].owner");
    let e = error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["start_date"] = json!("2027-06-01"));
    assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].due_date");
    let e = error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["decline_reason"] = json!("no time"));
    assert_eq!(e.path, "goals[0].children[0].children[0].children[0].children[0].decline_reason");
}

#[test]
fn references_must_resolve_and_ids_be_unique() {
    assert_eq!(error_of(|v| v["goals"][0]["children"][0]["id"] = json!("n1")).path, "goals[0].children[0].id");
    assert_eq!(error_of(|v| v["links"][0]["goal"] = json!("n2")).path, "links[0].goal");
    assert_eq!(error_of(|v| v["links"][0]["item"] = json!("i9")).path, "links[0].item");
    assert_eq!(error_of(|v| v["links"][1]["item"] = json!("i1")).path, "links[1]");
    assert_eq!(error_of(|v| v["links"][2]["contact"] = json!("c7")).path, "links[2].contact");
    assert_eq!(error_of(|v| v["items"][1]["derived_from"] = json!("i2")).path, "items[1].derived_from");
    assert_eq!(error_of(|v| v["kpis"][0]["goal"] = json!("n5")).path, "kpis[0].goal");
    assert_eq!(
        error_of(|v| v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]["contact"] = json!("c2")).path,
        "goals[0].children[0].children[0].children[0].children[0].contact"
    );
}

#[test]
fn items_kpis_and_contacts_follow_their_rules() {
    assert_eq!(error_of(|v| v["items"][0]["category"] = json!("market")).path, "items[0].category");
    assert_eq!(error_of(|v| v["items"][0]["text"] = json!("  ")).path, "items[0].text");
    assert_eq!(error_of(|v| v["kpis"][0]["actuals"][0]["period_start"] = json!("2027-02-01")).path, "kpis[0].actuals[0].period_start");
    assert_eq!(error_of(|v| v["kpis"][0]["target"] = json!(1.8)).path, "kpis[0].target");
    assert_eq!(error_of(|v| v["contacts"][0]["influence"] = json!(9)).path, "contacts[0].influence");
    assert_eq!(error_of(|v| v["plan"]["period_end"] = json!("2026-01-01")).path, "plan.period_end");
    assert_eq!(error_of(|v| v["plan"]["title"] = json!("x".repeat(201))).path, "plan.title");
}

#[test]
fn the_schema_is_json_and_names_the_format() {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
    assert_eq!(schema["properties"]["version"]["const"], VERSION);
}

#[test]
fn a_contact_names_its_relationship_owner_like_a_commitment_names_its_owner() {
    let doc = parse_value(&sample()).unwrap();
    let owner = doc.contacts[0].relationship_owner.as_ref().unwrap();
    assert_eq!(owner.email.as_deref(), Some("lena@northwind.example"));
    let written = serde_json::to_value(&doc).unwrap();
    assert_eq!(written["contacts"][0]["relationship_owner"], json!({"email": "lena@northwind.example"}));

    // Optional: a document without it is still version 1 and reads as before.
    let mut v = sample();
    v["contacts"][0].as_object_mut().unwrap().remove("relationship_owner");
    let doc = parse_value(&v).unwrap();
    assert_eq!(doc.contacts[0].relationship_owner, None);
    assert!(!serde_json::to_string(&doc).unwrap().contains("relationship_owner"));

    // A customer's document names people only; nothing at all is not a person.
    let mut v = sample();
    v["contacts"][0]["relationship_owner"] = json!({"name": "Lena Vogt"});
    assert!(parse_value(&v).is_ok());
    assert_eq!(
        error_of(|v| v["contacts"][0]["relationship_owner"] = json!({"email": "lena"})).path,
        "contacts[0].relationship_owner.email"
    );
    assert_eq!(error_of(|v| v["contacts"][0]["relationship_owner"] = json!({"name": " "})).path, "contacts[0].relationship_owner");
    assert_eq!(error_of(|v| v["contacts"][0]["relationship_owner"]["phone"] = json!("1")).path, "contacts[0].relationship_owner.phone");
    assert_eq!(error_of(|v| v["contacts"][0]["owner"] = json!({"email": "a@b.example"})).path, "contacts[0].owner");

    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(schema["$defs"]["contact"]["properties"]["relationship_owner"]["$ref"], "#/$defs/person");
    assert_eq!(schema["$defs"]["contact"]["additionalProperties"], false);
}

/// The sample's commitment.
fn commitment(v: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut v["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0]
}

#[test]
fn a_commitment_carries_its_how_and_its_progress_notes() {
    let mut v = sample();
    commitment(&mut v)["how"] = json!("Weekly calls with the plant manager");
    commitment(&mut v)["progress"] = json!([
        {"on": "2027-02-10", "text": "Trial plan agreed", "author": {"email": "lena@northwind.example", "name": "Lena Vogt"}},
        {"on": "2027-01-20", "text": "Budget found"}
    ]);
    let doc = parse_value(&v).unwrap();
    let n = doc.placed_nodes()[4].node;
    assert_eq!(n.how.as_deref(), Some("Weekly calls with the plant manager"));
    assert_eq!(n.progress.len(), 2);
    assert_eq!((n.progress[1].on, n.progress[1].author.as_ref()), (time::macros::date!(2027 - 01 - 20), None));
    assert_eq!(parse(&serde_json::to_vec(&doc).unwrap()).unwrap(), doc, "written back the same");

    let path = "goals[0].children[0].children[0].children[0].children[0]";
    let refused = |f: &dyn Fn(&mut serde_json::Value)| error_of(|v| f(commitment(v))).path;
    assert_eq!(refused(&|n| n["how"] = json!("x".repeat(1001))), format!("{path}.how"));
    assert_eq!(refused(&|n| n["progress"] = json!([{"on": "2027-01-20", "text": " "}])), format!("{path}.progress[0].text"));
    assert_eq!(refused(&|n| n["progress"] = json!([{"on": "2027-01-20", "text": "x".repeat(2001)}])), format!("{path}.progress[0].text"));
    assert_eq!(refused(&|n| n["progress"] = json!([{"on": "20.01.2027", "text": "x"}])), format!("{path}.progress[0].on"));
    assert_eq!(
        refused(&|n| n["progress"] = json!([{"on": "2027-01-20", "text": "x", "mood": "good"}])),
        format!("{path}.progress[0].mood")
    );
    // Only commitments have them.
    assert_eq!(error_of(|v| v["goals"][0]["how"] = json!("somehow")).path, "goals[0].how");
    assert_eq!(error_of(|v| v["goals"][0]["progress"] = json!([{"on": "2027-01-20", "text": "x"}])).path, "goals[0].progress");

    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(schema["$defs"]["node"]["properties"]["how"]["maxLength"], 1000);
    assert_eq!(schema["$defs"]["node"]["properties"]["progress"]["items"]["$ref"], "#/$defs/progress");
    assert_eq!(schema["$defs"]["progress"]["required"], json!(["on", "text"]));
}
