//! Plan templates on both databases: the built-in copies every organisation gets,
//! versions (a plan keeps the one it was made with), stale saves, imports,
//! order and retirement, and organisation scoping.

use keyplan_domain::TemplateId;
use keyplan_domain::builtin::builtin_templates;
use keyplan_domain::plan::TEMPLATE_ONE_PAGE;
use keyplan_domain::template::{Budget, BudgetUnit, Section, SectionKind, TemplateDoc};
use keyplan_store::{ImportOutcome, Store, Template};

use super::common::{self, assert_conflict, assert_invalid, assert_not_found};
use super::{plan_input, world};

on_both_databases! {
    templates_builtin_for_every_org => sqlite_templates_builtin_for_every_org, postgres_templates_builtin_for_every_org;
    templates_versions_and_plans => sqlite_templates_versions_and_plans, postgres_templates_versions_and_plans;
    templates_stale_save_conflicts => sqlite_templates_stale_save_conflicts, postgres_templates_stale_save_conflicts;
    templates_import_outcomes => sqlite_templates_import_outcomes, postgres_templates_import_outcomes;
    templates_move_and_retire => sqlite_templates_move_and_retire, postgres_templates_move_and_retire;
    templates_are_scoped_to_their_org => sqlite_templates_are_scoped_to_their_org, postgres_templates_are_scoped_to_their_org;
}

fn keys(list: &[Template]) -> Vec<&str> {
    list.iter().map(|t| t.key.as_str()).collect()
}

fn mini(key: &str) -> TemplateDoc {
    TemplateDoc {
        key: key.into(),
        name: "Mini plan".into(),
        description: "For tests".into(),
        budget_pages: 1.0,
        sections: vec![Section {
            key: "goal".into(),
            title: "Goal".into(),
            kind: SectionKind::Goals,
            guidance: "One measurable goal".into(),
            budget: Some(Budget { unit: BudgetUnit::Items, limit: 1 }),
        }],
        ..builtin_templates().remove(0)
    }
}

const BUILTIN_KEYS: [&str; 4] = ["one_page_constraint", "strategic", "nine_section", "master_action"];

async fn templates_builtin_for_every_org(store: &Store) {
    let org = store.ensure_org("Fresh Ltd").await.unwrap().id;
    let list = store.templates(org, false).await.unwrap();
    assert_eq!(keys(&list), BUILTIN_KEYS);
    for (t, doc) in list.iter().zip(builtin_templates()) {
        assert_eq!((t.current_version, t.version, t.retired, t.plans), (1, 1, false, 0));
        assert_eq!(t.doc(), doc, "the copy is the built-in, section for section");
    }
    // Seeding again (every start migrates) adds nothing.
    store.ensure_builtin_templates(org).await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(store.templates(org, true).await.unwrap().len(), 4);
}

async fn templates_versions_and_plans(store: &Store) {
    let w = world(store).await;
    let org = w.acme;
    let t = store.template_by_key(org, TEMPLATE_ONE_PAGE).await.unwrap();
    let v1 = t.version_id;
    assert_eq!(w.plan.template_version_id, Some(v1), "the plan records the version it was made with");
    assert_eq!(store.template(org, t.id).await.unwrap().plans, 1);

    let mut doc = t.doc();
    doc.sections[0].title = "Goal, factors and obstacles".into();
    doc.key = "ignored: the key stays".into();
    let (t2, changed) = store.save_template(org, t.id, t.version, &doc, Some(w.ann.id)).await.unwrap();
    assert!(changed);
    assert_eq!((t2.key.as_str(), t2.current_version, t2.version), (TEMPLATE_ONE_PAGE, 2, 2));
    assert_ne!(t2.version_id, v1);
    assert_eq!(t2.doc().sections[0].title, "Goal, factors and obstacles");

    // The old version is untouched and still what the plan uses.
    let old = store.template_version(org, v1).await.unwrap();
    assert_eq!((old.number, old.doc().sections[0].title.as_str()), (1, "From goal to commitments"));
    assert_eq!(store.plan(org, w.plan.id).await.unwrap().template_version_id, Some(v1));
    let newer = store.create_plan(org, w.acct.id, &plan_input("FY27 Northwind"), TEMPLATE_ONE_PAGE, w.ann.id).await.unwrap();
    assert_eq!(newer.template_version_id, Some(t2.version_id));

    // Unchanged content writes nothing.
    let (same, changed) = store.save_template(org, t.id, t2.version, &t2.doc(), Some(w.ann.id)).await.unwrap();
    assert!(!changed);
    assert_eq!((same.current_version, same.version), (2, 2));
    let history = store.template_versions(org, t.id).await.unwrap();
    assert_eq!(history.iter().map(|v| v.number).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(history[0].author_name.as_deref(), Some("Ann Baker"));
    assert_eq!((history[1].created_by, history[1].author_name.as_deref()), (None, None), "the built-in copy has no author");

    // Invalid content is refused with the field named.
    let mut bad = t2.doc();
    bad.sections[0].title = " ".into();
    assert_invalid(store.save_template(org, t.id, t2.version, &bad, None).await, "sections[0].title");
    assert_eq!(store.template(org, t.id).await.unwrap().current_version, 2);
}

async fn templates_stale_save_conflicts(store: &Store) {
    let w = world(store).await;
    let t = store.template_by_key(w.acme, "strategic").await.unwrap();
    let mut first = t.doc();
    first.name = "Strategic (first)".into();
    store.save_template(w.acme, t.id, t.version, &first, Some(w.ann.id)).await.unwrap();
    let mut second = t.doc();
    second.name = "Strategic (second)".into();
    assert_conflict(store.save_template(w.acme, t.id, t.version, &second, Some(w.ben.id)).await, 2);
    assert_conflict(store.set_template_retired(w.acme, t.id, t.version, true, w.ben.id).await, 2);
    let now = store.template(w.acme, t.id).await.unwrap();
    assert_eq!((now.name.as_str(), now.current_version, now.retired), ("Strategic (first)", 2, false));
}

async fn templates_import_outcomes(store: &Store) {
    let w = world(store).await;
    let (t, outcome) = store.import_template(w.acme, &mini("mini"), None).await.unwrap();
    assert_eq!((outcome, t.current_version), (ImportOutcome::Created, 1));
    assert_eq!(keys(&store.templates(w.acme, false).await.unwrap()).last(), Some(&"mini"), "created at the end of the list");
    let (_, outcome) = store.import_template(w.acme, &mini("mini"), None).await.unwrap();
    assert_eq!(outcome, ImportOutcome::Unchanged);
    let mut changed = mini("mini");
    changed.budget_pages = 2.0;
    let (t, outcome) = store.import_template(w.acme, &changed, Some(w.ann.id)).await.unwrap();
    assert_eq!((outcome, t.current_version, t.budget_pages), (ImportOutcome::NewVersion, 2, 2.0));
    assert_invalid(store.create_template(w.acme, &mini("mini"), None).await, "key");
    let mut bad = mini("mini-2");
    bad.sections[0].kind = SectionKind::Swot;
    bad.sections.push(bad.sections[0].clone());
    assert_invalid(store.import_template(w.acme, &bad, None).await, "sections[1].key");
    assert_not_found(store.template_by_key(w.acme, "mini-2").await);
}

async fn templates_move_and_retire(store: &Store) {
    let w = world(store).await;
    let org = w.acme;
    let nine = store.template_by_key(org, "nine_section").await.unwrap();
    assert!(store.move_template(org, nine.id, true).await.unwrap());
    assert_eq!(keys(&store.templates(org, false).await.unwrap()), ["one_page_constraint", "nine_section", "strategic", "master_action"]);
    assert!(store.move_template(org, nine.id, true).await.unwrap());
    assert!(!store.move_template(org, nine.id, true).await.unwrap(), "already first");
    let master = store.template_by_key(org, "master_action").await.unwrap();
    assert!(!store.move_template(org, master.id, false).await.unwrap(), "already last");
    assert_eq!(keys(&store.templates(org, false).await.unwrap()), ["nine_section", "one_page_constraint", "strategic", "master_action"]);

    // Retired: not offered, listed last when asked for, refused for new plans, kept by old ones.
    let plan = store.create_plan(org, w.acct.id, &plan_input("Nine"), "nine_section", w.ann.id).await.unwrap();
    let nine = store.template(org, nine.id).await.unwrap();
    let retired = store.set_template_retired(org, nine.id, nine.version, true, w.ann.id).await.unwrap();
    assert!(retired.retired);
    assert_eq!(keys(&store.templates(org, false).await.unwrap()), ["one_page_constraint", "strategic", "master_action"]);
    assert_eq!(keys(&store.templates(org, true).await.unwrap()).last(), Some(&"nine_section"));
    assert_invalid(store.create_plan(org, w.acct.id, &plan_input("Nine again"), "nine_section", w.ann.id).await, "template");
    assert_invalid(store.create_plan(org, w.acct.id, &plan_input("Unknown"), "no-such", w.ann.id).await, "template");
    assert_eq!(store.plan(org, plan.id).await.unwrap().template, "nine_section");
    let restored = store.set_template_retired(org, nine.id, retired.version, false, w.ann.id).await.unwrap();
    assert!(!restored.retired);
    store.create_plan(org, w.acct.id, &plan_input("Nine again"), "nine_section", w.ann.id).await.unwrap();
}

async fn templates_are_scoped_to_their_org(store: &Store) {
    let w = world(store).await;
    let acme = store.template_by_key(w.acme, "strategic").await.unwrap();
    let globex = store.template_by_key(w.globex, "strategic").await.unwrap();
    assert_ne!(acme.id, globex.id, "each organisation has its own copy");
    assert_not_found(store.template(w.globex, acme.id).await);
    assert_not_found(store.template_version(w.globex, acme.version_id).await);
    assert!(store.template_versions(w.globex, acme.id).await.unwrap().is_empty());
    assert_not_found(store.save_template(w.globex, acme.id, acme.version, &acme.doc(), None).await);
    assert_not_found(store.move_template(w.globex, acme.id, false).await);
    assert_not_found(store.set_template_retired(w.globex, acme.id, acme.version, true, w.gus.id).await);
    store.import_template(w.acme, &mini("acme-only"), None).await.unwrap();
    assert_not_found(store.template_by_key(w.globex, "acme-only").await);
    assert_not_found(store.template(w.acme, TemplateId::new(i64::MAX)).await);
    let untouched = store.template(w.acme, acme.id).await.unwrap();
    assert_eq!((untouched.version, untouched.retired), (1, false));
}
