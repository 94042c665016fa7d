//! The whole workbook for a small plan, in English and German.

use super::names::MAX_SHEET_NAME;
use super::*;
use calamine::{Data, Reader, Xlsx};
use keyplan_domain::Lang;
use keyplan_domain::tree::{Acceptance, CommitmentDetail, CommitmentStatus, GoalFields, NodeDetail, NodeKind};
use std::io::Cursor;

/// A small plan: one branch of the tree from the goal down to an overdue
/// commitment, and a KPI with one actual, on the one-page template.
fn bundle() -> PlanBundle {
    use keyplan_domain::tree::{Node, build_tree};
    use keyplan_domain::{AccountId, KpiActualId, KpiId, NodeId, OrgId, PlanId};
    let day = |y, m, d| Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap();
    let now = time::OffsetDateTime::UNIX_EPOCH;
    let plan_id = PlanId::new(1);
    let node = |id: i64, parent: Option<i64>, kind: NodeKind, title: &str| Node {
        version: 0,
        ..Node::new(NodeId::new(id), plan_id, parent.map(NodeId::new), kind, title)
    };
    let mut goal = node(1, None, NodeKind::Goal, "Grow to 2m");
    goal.detail = NodeDetail::Goal(GoalFields {
        metric: Some("Revenue".into()),
        baseline: Some(1.2),
        target: Some(2.0),
        target_date: Some(day(2027, 12, 31)),
        benefit: Some(keyplan_domain::analysis::Benefit::Both),
        ..GoalFields::default()
    });
    let mut commitment = node(5, Some(4), NodeKind::Commitment, "Run the plant trial");
    commitment.detail = NodeDetail::Commitment(CommitmentDetail {
        due_date: Some(day(2020, 3, 15)),
        done_criterion: Some("Trial report signed".into()),
        status: Some(CommitmentStatus::InProgress),
        acceptance: Some(Acceptance::Accepted),
        ..CommitmentDetail::default()
    });
    let nodes = vec![
        goal,
        node(2, Some(1), NodeKind::Csf, "Approved supplier"),
        node(3, Some(2), NodeKind::Condition, "Specified in the design"),
        node(4, Some(3), NodeKind::Obstacle, "Engineers know only the competitor"),
        commitment,
        node(6, None, NodeKind::Goal, "Enter the coatings business"),
    ];
    let (tree, summary) = build_tree(nodes, keyplan_app::today());
    let doc = keyplan_domain::builtin::builtin_templates().into_iter().find(|d| d.key == "one_page_constraint").unwrap();
    PlanBundle {
        plan: keyplan_store::Plan {
            id: plan_id,
            org_id: OrgId::new(1),
            account_id: AccountId::new(1),
            title: "Globex plan 2027".into(),
            template: doc.key.clone(),
            template_version_id: None,
            status: keyplan_domain::plan::PlanStatus::Active,
            period_start: day(2026, 1, 1),
            period_end: day(2027, 12, 31),
            version: 0,
            created_by: None,
            created_at: now,
            updated_at: now,
            updated_by: None,
            customer_title: None,
        },
        account: keyplan_store::Account {
            id: AccountId::new(1),
            org_id: OrgId::new(1),
            name: "Globex Chemicals".into(),
            industry: Some("Chemicals".into()),
            region: None,
            parent_id: None,
            crm_id: None,
            annual_revenue: None,
            current_revenue: Some(1_200_000.0),
            total_spend: Some(4_000_000.0),
            potential: None,
            growth_trend: None,
            owner_id: None,
            version: 0,
            created_at: now,
            updated_at: now,
            updated_by: None,
        },
        access: keyplan_domain::permissions::AccountAccess { owner_id: None, team: Vec::new() },
        tree,
        summary,
        users: Vec::new(),
        contacts: Vec::new(),
        team: Vec::new(),
        can_edit: false,
        doc,
        template_version: 1,
        sections: Vec::new(),
        items: Vec::new(),
        links: Vec::new(),
        settings: keyplan_store::OrgSettings { value_discipline: None, value_statement: None, version: 0, currency: "EUR".into() },
        whitespace: None,
        kpis: vec![keyplan_store::Kpi {
            id: KpiId::new(1),
            plan_id,
            goal_id: Some(NodeId::new(1)),
            name: "Share of wallet".into(),
            unit: Some("%".into()),
            baseline: Some(10.0),
            target: Some(30.0),
            target_date: Some(day(2027, 12, 31)),
            period: keyplan_domain::kpi::Period::Quarter,
            position: 0,
            version: 0,
            updated_at: now,
            updated_by: None,
        }],
        kpi_actuals: vec![keyplan_store::KpiActual {
            id: KpiActualId::new(1),
            kpi_id: KpiId::new(1),
            period_start: day(2026, 1, 1),
            value: 15.5,
            note: None,
            recorded_by: None,
            recorded_at: now,
            version: 0,
        }],
        reviews: Vec::new(),
        joint: Vec::new(),
        limit_exception: None,
        opportunities: Vec::new(),
        schedule: None,
        progress: Vec::new(),
        audience: Audience::Team,
        printed_pages: None,
    }
}

/// The first row of a sheet, as text.
fn header_of(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<String> {
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().next().unwrap().iter().map(|c| c.to_string()).collect()
}

#[test]
fn the_workbook_speaks_english_and_german() {
    let b = bundle();
    let mut en: Xlsx<_> = Xlsx::new(Cursor::new(workbook(&b).unwrap())).unwrap();
    assert_eq!(en.sheet_names(), ["Overview", "From goal to commitments", "Commitments and owners", "KPI scorecard", "Open gaps"]);
    assert_eq!(header_of(&mut en, "Commitments and owners"), ["Commitment", "Owner", "Due", "Status", "Done when", "Serves goal"]);

    let de_bytes = workbook_in(&b, Tr::new(Lang::De)).unwrap();
    let mut de: Xlsx<_> = Xlsx::new(Cursor::new(de_bytes)).unwrap();
    let names = de.sheet_names();
    assert_eq!(names, ["Überblick", "Vom Ziel zu den Zusagen", "Zusagen und Verantwortliche", "Kennzahlen", "Offene Lücken"]);
    assert!(names.iter().all(|n| n.encode_utf16().count() <= MAX_SHEET_NAME), "{names:?}");

    let tree = header_of(&mut de, &names[1]);
    assert_eq!(&tree[..7], ["Ebene", "Element", "Titel", "Fällig", "Status", "Zustand", "Erledigt, wenn"]);
    let actions = header_of(&mut de, &names[2]);
    assert_eq!(actions, ["Zusage", "Verantwortlich", "Fällig", "Status", "Erledigt, wenn", "Dient dem Ziel"]);
    let kpis = header_of(&mut de, "Kennzahlen");
    assert_eq!(&kpis[..3], ["Messgröße", "Typ", "Einheit"]);
    assert!(kpis.contains(&"Q1 2026".to_string()), "{kpis:?}");

    let overview = de.worksheet_range("Überblick").unwrap();
    let value = |label: &str| {
        let row = overview.rows().find(|r| r[0] == Data::String(label.into())).unwrap_or_else(|| panic!("no row {label}"));
        row[1].clone()
    };
    assert_eq!(value("Titel"), Data::String("Globex plan 2027".into()));
    assert_eq!(value("Status"), Data::String("Aktiv".into()));
    assert_eq!(value("Zielgruppe"), Data::String("Team".into()));
    assert_eq!(value("Unser Umsatz (EUR)"), Data::Float(1_200_000.0));
    assert_eq!(value("Lieferanteil"), Data::Float(0.3));
    assert!(matches!(value("Zeitraum von"), Data::DateTime(_)), "a date stays a date");

    // Labels and states in German: the tree's elements, health and an overdue commitment.
    let tree = de.worksheet_range(&names[1]).unwrap();
    let cells: Vec<String> = tree.used_cells().map(|(_, _, c)| c.to_string()).collect();
    for german in ["Account-Umsatzziel", "Erfolgsfaktor", "Voraussetzung", "Hindernis", "Zusage", "In Arbeit · überfällig"] {
        assert!(cells.iter().any(|c| c == german), "{german} missing in {cells:?}");
    }

    // No English header or label is left anywhere in the German workbook.
    let mut all = Vec::new();
    for name in &names {
        all.extend(de.worksheet_range(name).unwrap().used_cells().map(|(_, _, c)| c.to_string()));
    }
    let english = [
        "Overview",
        "Title",
        "Account owner",
        "Period from",
        "Audience",
        "As of",
        "Length",
        "Goals",
        "Critical success factors",
        "Obstacles overcome",
        "Commitments accepted",
        "Level",
        "Health",
        "Done when",
        "Owner",
        "Due",
        "Commitment",
        "Serves goal",
        "Measure",
        "Type",
        "Unit",
        "Baseline",
        "Target",
        "Target date",
        "Latest",
        "Latest period",
        "Progress",
        "Judgement",
        "Open gap in the story",
        "Goal without commitment: Enter the coatings business",
        "Account sales goal",
        "In progress · overdue",
        "Active",
        "On track",
        "Behind",
        "KPI scorecard",
    ];
    let left: Vec<_> = english.iter().filter(|e| all.iter().any(|c| c == *e)).collect();
    assert!(left.is_empty(), "English left in the German workbook: {left:?}");
}
