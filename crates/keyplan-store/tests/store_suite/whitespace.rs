//! The whitespace matrix on both databases: offerings, business units, cells,
//! versions, organisation scoping, totals, and goal links that go with deleted cells.

use keyplan_domain::analysis::LinkKind;
use keyplan_domain::tree::NodeKind;
use keyplan_domain::whitespace::{CellData, CellStatus};
use keyplan_domain::{AccountId, BusinessUnitId, CellId, OfferingId, OrgId};
use keyplan_store::{BusinessUnit, Cell, NodeWrite, Offering, Store};

use super::common::{self, assert_conflict, assert_invalid, assert_not_found};
use super::{World, account, world};

on_both_databases! {
    whitespace_offerings => sqlite_whitespace_offerings, postgres_whitespace_offerings;
    whitespace_units => sqlite_whitespace_units, postgres_whitespace_units;
    whitespace_cells_and_versions => sqlite_whitespace_cells_and_versions, postgres_whitespace_cells_and_versions;
    whitespace_is_scoped_to_its_org => sqlite_whitespace_is_scoped_to_its_org, postgres_whitespace_is_scoped_to_its_org;
    whitespace_totals_in_three_queries => sqlite_whitespace_totals_in_three_queries, postgres_whitespace_totals_in_three_queries;
    whitespace_deletes_take_goal_links => sqlite_whitespace_deletes_take_goal_links, postgres_whitespace_deletes_take_goal_links;
}

fn data(status: CellStatus, value: Option<f64>) -> CellData {
    CellData { status, value, note: None }
}

async fn offering(store: &Store, org: OrgId, name: &str) -> Offering {
    store.create_offering(org, name, None).await.expect("create offering")
}

async fn unit(store: &Store, org: OrgId, account: AccountId, name: &str) -> BusinessUnit {
    store.create_business_unit(org, account, name).await.expect("create business unit")
}

/// Sets a cell that is empty now.
async fn fill(store: &Store, w: &World, o: &Offering, u: &BusinessUnit, status: CellStatus, value: Option<f64>) -> Cell {
    store.set_cell(w.acme, w.acct.id, o.id, u.id, 0, Some(&data(status, value)), w.ann.id).await.expect("set cell").expect("a cell")
}

fn names_of_offerings(list: &[Offering]) -> Vec<&str> {
    list.iter().map(|o| o.name.as_str()).collect()
}

fn names_of_units(list: &[BusinessUnit]) -> Vec<&str> {
    list.iter().map(|u| u.name.as_str()).collect()
}

async fn whitespace_offerings(store: &Store) {
    let w = world(store).await;
    let org = w.acme;
    let sensors = store.create_offering(org, "Sensors", Some("Pressure and flow sensors")).await.unwrap();
    assert_eq!((sensors.version, sensors.retired, sensors.description.as_deref()), (1, false, Some("Pressure and flow sensors")));
    let valves = offering(store, org, "Valves").await;
    let service = offering(store, org, "Field service").await;
    assert_eq!(names_of_offerings(&store.offerings(org, false).await.unwrap()), ["Sensors", "Valves", "Field service"]);

    // Names are unique in the organisation, whatever their case; another organisation may reuse them.
    assert_invalid(store.create_offering(org, "sensors", None).await, "name");
    assert_invalid(store.update_offering(org, valves.id, 1, "SENSORS", None).await, "name");
    offering(store, w.globex, "Sensors").await;

    let renamed = store.update_offering(org, valves.id, 1, "Control valves", Some("DN15-DN100")).await.unwrap();
    assert_eq!((renamed.name.as_str(), renamed.version), ("Control valves", 2));
    // A stale edit is refused and changes nothing.
    assert_conflict(store.update_offering(org, valves.id, 1, "Stale", None).await, 2);
    assert_eq!(store.offering(org, valves.id).await.unwrap().name, "Control valves");
    // Keeping one's own name (in another case) is not a duplicate.
    assert_eq!(store.update_offering(org, valves.id, 2, "Control Valves", None).await.unwrap().version, 3);

    // Order.
    assert!(store.move_offering(org, service.id, true).await.unwrap());
    assert!(!store.move_offering(org, sensors.id, true).await.unwrap(), "already first");
    assert!(!store.move_offering(org, valves.id, false).await.unwrap(), "already last");
    assert_eq!(names_of_offerings(&store.offerings(org, false).await.unwrap()), ["Sensors", "Field service", "Control Valves"]);
    assert_eq!(store.offering(org, service.id).await.unwrap().version, 1, "moving is not an edit");

    // Retiring hides it from the list in use, keeps it in the full list.
    let retired = store.set_offering_retired(org, service.id, 1, true).await.unwrap();
    assert!(retired.retired && retired.version == 2);
    assert_conflict(store.set_offering_retired(org, service.id, 1, false).await, 2);
    assert_eq!(names_of_offerings(&store.offerings(org, false).await.unwrap()), ["Sensors", "Control Valves"]);
    assert_eq!(store.offerings(org, true).await.unwrap().len(), 3);
    assert!(!store.set_offering_retired(org, service.id, 2, false).await.unwrap().retired);

    store.delete_offering(org, sensors.id).await.unwrap();
    assert_not_found(store.offering(org, sensors.id).await);
    assert_not_found(store.delete_offering(org, sensors.id).await);
    let after = store.create_offering(org, "Spare parts", None).await.unwrap();
    assert_eq!(names_of_offerings(&store.offerings(org, false).await.unwrap()), ["Field service", "Control Valves", "Spare parts"]);
    assert!(after.position > store.offering(org, valves.id).await.unwrap().position);
}

async fn whitespace_units(store: &Store) {
    let w = world(store).await;
    let (org, acct) = (w.acme, w.acct.id);
    let powertrain = unit(store, org, acct, "Powertrain").await;
    let chassis = unit(store, org, acct, "Chassis").await;
    let body = unit(store, org, acct, "Body").await;
    assert_eq!(names_of_units(&store.business_units(org, acct).await.unwrap()), ["Powertrain", "Chassis", "Body"]);
    // Unique per account; another account may have a unit of the same name.
    assert_invalid(store.create_business_unit(org, acct, "powertrain").await, "name");
    let other = account(store, org, "Other Account", &w.ann).await;
    unit(store, org, other.id, "Powertrain").await;
    assert_not_found(store.create_business_unit(org, AccountId::new(987_654), "Ghost").await);

    let renamed = store.update_business_unit(org, chassis.id, 1, "Chassis & suspension").await.unwrap();
    assert_eq!((renamed.name.as_str(), renamed.version), ("Chassis & suspension", 2));
    assert_conflict(store.update_business_unit(org, chassis.id, 1, "Stale").await, 2);
    assert_invalid(store.update_business_unit(org, chassis.id, 2, "BODY").await, "name");
    assert_eq!(store.business_unit(org, chassis.id).await.unwrap().name, "Chassis & suspension");

    assert!(store.move_business_unit(org, body.id, true).await.unwrap());
    assert!(!store.move_business_unit(org, powertrain.id, true).await.unwrap());
    assert_eq!(names_of_units(&store.business_units(org, acct).await.unwrap()), ["Powertrain", "Body", "Chassis & suspension"]);

    store.delete_business_unit(org, powertrain.id).await.unwrap();
    assert_not_found(store.delete_business_unit(org, powertrain.id).await);
    assert_eq!(names_of_units(&store.business_units(org, acct).await.unwrap()), ["Body", "Chassis & suspension"]);
}

async fn whitespace_cells_and_versions(store: &Store) {
    let w = world(store).await;
    let (org, acct, ann) = (w.acme, w.acct.id, w.ann.id);
    let sensors = offering(store, org, "Sensors").await;
    let pt = unit(store, org, acct, "Powertrain").await;
    let opportunity = CellData { status: CellStatus::Opportunity, value: Some(250_000.0), note: Some("New e-axle line".into()) };

    // Created from version 0 (the cell was empty).
    let cell = store.set_cell(org, acct, sensors.id, pt.id, 0, Some(&opportunity), ann).await.unwrap().unwrap();
    assert_eq!(
        (cell.status(), cell.value, cell.note.as_deref(), cell.version),
        (CellStatus::Opportunity, Some(250_000.0), Some("New e-axle line"), 1)
    );
    assert_eq!(cell.updated_by, Some(ann));
    assert_eq!(store.cell(org, cell.id).await.unwrap().version, 1);
    // Someone else who also saw it empty is refused.
    assert_conflict(store.set_cell(org, acct, sensors.id, pt.id, 0, Some(&data(CellStatus::Sold, None)), w.ben.id).await, 1);

    let won =
        store.set_cell(org, acct, sensors.id, pt.id, 1, Some(&data(CellStatus::Sold, Some(240_000.0))), w.ben.id).await.unwrap().unwrap();
    assert_eq!((won.id, won.status(), won.version, won.updated_by), (cell.id, CellStatus::Sold, 2, Some(w.ben.id)));
    assert_conflict(store.set_cell(org, acct, sensors.id, pt.id, 1, Some(&data(CellStatus::NotRelevant, None)), ann).await, 2);
    assert_conflict(store.set_cell(org, acct, sensors.id, pt.id, 1, None, ann).await, 2);
    assert_eq!(store.cells(org, acct).await.unwrap()[0].status(), CellStatus::Sold, "stale edits changed nothing");

    // Clearing.
    assert!(store.set_cell(org, acct, sensors.id, pt.id, 2, None, ann).await.unwrap().is_none());
    assert!(store.cells(org, acct).await.unwrap().is_empty());
    assert_not_found(store.cell(org, cell.id).await);
    // Clearing an empty cell is nothing to do; editing a cell someone cleared is a conflict (now empty: 0).
    assert!(store.set_cell(org, acct, sensors.id, pt.id, 0, None, ann).await.unwrap().is_none());
    assert_conflict(store.set_cell(org, acct, sensors.id, pt.id, 2, Some(&opportunity), ann).await, 0);

    // References must belong: the offering to the organisation, the unit to this account.
    let other = account(store, org, "Other Account", &w.ann).await;
    let other_unit = unit(store, org, other.id, "Elsewhere").await;
    assert_invalid(store.set_cell(org, acct, sensors.id, other_unit.id, 0, Some(&opportunity), ann).await, "business_unit_id");
    assert_invalid(store.set_cell(org, acct, OfferingId::new(987_654), pt.id, 0, Some(&opportunity), ann).await, "offering_id");
    assert_invalid(
        store.set_cell(org, acct, sensors.id, BusinessUnitId::new(987_654), 0, Some(&opportunity), ann).await,
        "business_unit_id",
    );
    assert_not_found(store.set_cell(org, AccountId::new(987_654), sensors.id, pt.id, 0, Some(&opportunity), ann).await);

    // A retired offering takes no new cells; its existing cells can still be changed or cleared.
    let kept = store.set_cell(org, acct, sensors.id, pt.id, 0, Some(&opportunity), ann).await.unwrap().unwrap();
    let retired = store.set_offering_retired(org, sensors.id, 1, true).await.unwrap();
    let chassis = unit(store, org, acct, "Chassis").await;
    assert_invalid(store.set_cell(org, acct, retired.id, chassis.id, 0, Some(&opportunity), ann).await, "offering_id");
    let changed = store.set_cell(org, acct, retired.id, pt.id, kept.version, Some(&data(CellStatus::InProgress, None)), ann).await;
    assert_eq!(changed.unwrap().unwrap().version, 2);
}

async fn whitespace_is_scoped_to_its_org(store: &Store) {
    let w = world(store).await;
    let (acme, globex) = (w.acme, w.globex);
    let sensors = offering(store, acme, "Sensors").await;
    let pt = unit(store, acme, w.acct.id, "Powertrain").await;
    let cell = fill(store, &w, &sensors, &pt, CellStatus::Sold, Some(100.0)).await;
    let theirs = offering(store, globex, "Their offering").await;
    let their_unit = unit(store, globex, w.globex_acct.id, "Their unit").await;

    // Globex sees none of Acme's matrix, and cannot reach it by id.
    assert_eq!(names_of_offerings(&store.offerings(globex, true).await.unwrap()), ["Their offering"]);
    assert!(store.business_units(globex, w.acct.id).await.unwrap().is_empty());
    assert!(store.cells(globex, w.acct.id).await.unwrap().is_empty());
    let seen = store.whitespace(globex, w.acct.id).await.unwrap();
    assert!(seen.units.is_empty() && seen.cells.is_empty());
    assert_eq!(names_of_offerings(&seen.offerings), ["Their offering"]);
    assert_not_found(store.offering(globex, sensors.id).await);
    assert_not_found(store.update_offering(globex, sensors.id, 1, "Hijacked", None).await);
    assert_not_found(store.set_offering_retired(globex, sensors.id, 1, true).await);
    assert_not_found(store.delete_offering(globex, sensors.id).await);
    assert_not_found(store.move_offering(globex, sensors.id, true).await);
    assert_not_found(store.business_unit(globex, pt.id).await);
    assert_not_found(store.update_business_unit(globex, pt.id, 1, "Hijacked").await);
    assert_not_found(store.delete_business_unit(globex, pt.id).await);
    assert_not_found(store.move_business_unit(globex, pt.id, false).await);
    assert_not_found(store.cell(globex, cell.id).await);
    assert_not_found(store.create_business_unit(globex, w.acct.id, "Intruder").await);
    assert_not_found(store.set_cell(globex, w.acct.id, theirs.id, pt.id, 1, None, w.gus.id).await);
    // Mixing the organisations' rows is refused by field.
    let gus = w.gus.id;
    assert_invalid(
        store.set_cell(globex, w.globex_acct.id, sensors.id, their_unit.id, 0, Some(&data(CellStatus::Sold, None)), gus).await,
        "offering_id",
    );
    assert_invalid(
        store.set_cell(globex, w.globex_acct.id, theirs.id, pt.id, 0, Some(&data(CellStatus::Sold, None)), gus).await,
        "business_unit_id",
    );
    assert_invalid(
        store.set_cell(acme, w.acct.id, theirs.id, pt.id, 0, Some(&data(CellStatus::Sold, None)), w.ann.id).await,
        "offering_id",
    );

    // Acme's matrix is untouched.
    let mine = store.whitespace(acme, w.acct.id).await.unwrap();
    assert_eq!((mine.offerings.len(), mine.units.len(), mine.cells.len()), (1, 1, 1));
    assert_eq!(store.offering(acme, sensors.id).await.unwrap().name, "Sensors");
    let usage = store.offering_usage(acme).await.unwrap();
    assert_eq!(usage.iter().map(|u| (u.offering_id, u.accounts, u.cells)).collect::<Vec<_>>(), [(sensors.id, 1, 1)]);
    assert!(store.offering_usage(globex).await.unwrap().is_empty());
}

async fn whitespace_totals_in_three_queries(store: &Store) {
    let w = world(store).await;
    let (org, acct) = (w.acme, w.acct.id);
    let sensors = offering(store, org, "Sensors").await;
    let valves = offering(store, org, "Valves").await;
    let old = offering(store, org, "Legacy gauges").await;
    let unused_old = offering(store, org, "Discontinued pumps").await;
    let pt = unit(store, org, acct, "Powertrain").await;
    let ch = unit(store, org, acct, "Chassis").await;
    fill(store, &w, &sensors, &pt, CellStatus::Sold, Some(400_000.0)).await;
    fill(store, &w, &sensors, &ch, CellStatus::Opportunity, Some(250_000.0)).await;
    fill(store, &w, &valves, &pt, CellStatus::InProgress, Some(120_000.0)).await;
    fill(store, &w, &valves, &ch, CellStatus::NotRelevant, None).await;
    let legacy = fill(store, &w, &old, &pt, CellStatus::Sold, Some(30_000.0)).await;
    store.set_offering_retired(org, old.id, 1, true).await.unwrap();
    store.set_offering_retired(org, unused_old.id, 1, true).await.unwrap();

    let before = store.query_count();
    let ws = store.whitespace(org, acct).await.unwrap();
    assert_eq!(store.query_count() - before, 3, "offerings, units, cells");
    // Retired offerings stay on the matrix while they still have cells here.
    assert_eq!(names_of_offerings(&ws.offerings), ["Sensors", "Valves", "Legacy gauges"]);
    assert_eq!(names_of_units(&ws.units), ["Powertrain", "Chassis"]);
    assert_eq!(ws.cells.len(), 5);
    assert_eq!(ws.cell(old.id, pt.id).map(|c| c.id), Some(legacy.id));
    assert!(ws.cell(old.id, ch.id).is_none());

    let t = ws.totals();
    assert_eq!((t.current, t.open), (430_000.0, 370_000.0));
    assert_eq!((t.sold_cells, t.open_cells, t.empty_cells), (2, 2, 1));
    let row = ws.offering_totals(sensors.id);
    assert_eq!((row.current, row.open, row.empty_cells), (400_000.0, 250_000.0, 0));
    let col = ws.unit_totals(ch.id);
    assert_eq!((col.current, col.open, col.empty_cells), (0.0, 250_000.0, 1));

    // The same three queries for a much larger matrix.
    for i in 0..12 {
        let u = unit(store, org, acct, &format!("Unit {i}")).await;
        fill(store, &w, &valves, &u, CellStatus::Opportunity, Some(1_000.0)).await;
    }
    let before = store.query_count();
    let big = store.whitespace(org, acct).await.unwrap();
    assert_eq!(store.query_count() - before, 3);
    assert_eq!((big.units.len(), big.cells.len()), (14, 17));
    assert_eq!(big.totals().open, 382_000.0);
}

async fn whitespace_deletes_take_goal_links(store: &Store) {
    let w = world(store).await;
    let (org, acct, ann) = (w.acme, w.acct.id, &w.ann);
    let goal = store.create_node(org, w.plan.id, NodeKind::Goal, None, &NodeWrite::titled("Grow"), ann.id).await.unwrap();
    let sensors = offering(store, org, "Sensors").await;
    let valves = offering(store, org, "Valves").await;
    let pt = unit(store, org, acct, "Powertrain").await;
    let ch = unit(store, org, acct, "Chassis").await;
    let a = fill(store, &w, &sensors, &pt, CellStatus::Opportunity, Some(1.0)).await;
    let b = fill(store, &w, &valves, &pt, CellStatus::Opportunity, Some(2.0)).await;
    let c = fill(store, &w, &sensors, &ch, CellStatus::Opportunity, Some(3.0)).await;
    let d = fill(store, &w, &valves, &ch, CellStatus::Opportunity, Some(4.0)).await;
    for cell in [&a, &b, &c, &d] {
        store.create_link(org, w.plan.id, goal.id, LinkKind::Cell, cell.id.get(), ann.id).await.expect("link goal to cell");
    }
    let linked = |store: Store| async move {
        let mut ids: Vec<i64> = store.goal_links(org, w.plan.id).await.unwrap().iter().map(|l| l.target_id).collect();
        ids.sort();
        ids
    };
    let ids = |cells: &[&Cell]| -> Vec<i64> { cells.iter().map(|c| c.id.get()).collect() };
    assert_eq!(linked(store.clone()).await, ids(&[&a, &b, &c, &d]));

    // Clearing a cell takes its link.
    store.set_cell(org, acct, valves.id, ch.id, d.version, None, ann.id).await.unwrap();
    assert_eq!(linked(store.clone()).await, ids(&[&a, &b, &c]));
    // Deleting a unit takes its cells and their links, and nothing else.
    store.delete_business_unit(org, pt.id).await.unwrap();
    assert_eq!(linked(store.clone()).await, ids(&[&c]));
    let left: Vec<CellId> = store.cells(org, acct).await.unwrap().iter().map(|x| x.id).collect();
    assert_eq!(left, [c.id]);
    // Deleting an offering takes its cells in every account, with their links.
    store.delete_offering(org, sensors.id).await.unwrap();
    assert!(linked(store.clone()).await.is_empty());
    assert!(store.cells(org, acct).await.unwrap().is_empty());
    assert_eq!(store.business_units(org, acct).await.unwrap().len(), 1);
}
