//! The layout's promises for many shapes of organisation: no overlaps, lines
//! only through gaps, a readable size, and the same picture for the same people.

use keyplan_domain::stakeholder::ContactRef;

use super::*;

fn contact(id: i64, name: &str, reports_to: Option<i64>) -> MapContact {
    MapContact {
        id: ContactId::new(id),
        name: name.into(),
        title: Some("Head of Something".into()),
        reports_to: reports_to.map(ContactId::new),
        role: None,
        influence: Some(3),
        attitude: Some(Attitude::Neutral),
        owner: Some(UserId::new(1 + id % 4)),
    }
}

fn owners() -> Vec<MapOwner> {
    (1..=4).map(|i| MapOwner { id: UserId::new(i), name: format!("Colleague {i}") }).collect()
}

/// Deterministic pseudo-random numbers (a linear congruential generator).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn flat(n: i64) -> Vec<MapContact> {
    (1..=n).map(|i| contact(i, &format!("Person {i:02}"), None)).collect()
}
fn chain(n: i64) -> Vec<MapContact> {
    (1..=n).map(|i| contact(i, &format!("Person {i:02}"), (i > 1).then(|| i - 1))).collect()
}
fn wide(n: i64) -> Vec<MapContact> {
    (1..=n).map(|i| contact(i, &format!("Person {i:02}"), (i > 1).then_some(1))).collect()
}
/// Each new person reports to someone earlier (or nobody), chosen pseudo-randomly.
fn mixed(n: i64, seed: u64) -> Vec<MapContact> {
    let mut rng = Lcg(seed);
    (1..=n)
        .map(|i| {
            let boss = if i == 1 || rng.below(8) == 0 { None } else { Some(1 + rng.below((i - 1) as u64) as i64) };
            contact(i, &format!("P{:03}", rng.below(1000)), boss)
        })
        .collect()
}
/// A realistic organisation: a board, directors with departments, teams.
fn org(n: i64) -> Vec<MapContact> {
    let mut v = vec![contact(1, "CEO", None)];
    for i in 2..=n {
        let boss = match i {
            2..=5 => 1,
            6..=13 => 2 + (i - 6) % 4,
            _ => 6 + (i - 14) % 8,
        };
        v.push(contact(i, &format!("Person {i:02}"), Some(boss)));
    }
    v
}

fn assert_sound(name: &str, contacts: &[MapContact]) -> StakeholderMap {
    let map = layout(contacts, &owners());
    assert_eq!(map.boxes.len(), contacts.len(), "{name}: one box per contact");
    let mut ids: Vec<_> = map.boxes.iter().map(|b| b.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), contacts.len(), "{name}: every contact once");
    let mut all: Vec<Rect> = map.boxes.iter().map(|b| b.rect).collect();
    all.extend(map.team.iter().map(|t| t.rect));
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert!(!a.overlaps(b), "{name}: {a:?} overlaps {b:?}");
        }
        assert!(
            a.x >= MARGIN && a.y >= MARGIN && a.right() <= map.width - MARGIN && a.bottom() <= map.height - MARGIN,
            "{name}: {a:?} outside"
        );
    }
    assert!(map.width <= MAX_WIDTH + 2 * MARGIN, "{name}: {} px wide", map.width);
    // Reports-to lines are orthogonal and run only through gaps: they may touch
    // boxes (their own ends) but never cross one's inside.
    for line in &map.reports {
        assert!(line.points.len() >= 2, "{name}: {line:?}");
        for seg in line.points.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            assert!(a.x == b.x || a.y == b.y, "{name}: slanted segment {a:?}-{b:?}");
            let seg_rect = Rect { x: a.x.min(b.x), y: a.y.min(b.y), w: (a.x - b.x).abs().max(1), h: (a.y - b.y).abs().max(1) };
            for bx in &map.boxes {
                let inner = Rect { x: bx.rect.x + 1, y: bx.rect.y + 1, w: bx.rect.w - 2, h: bx.rect.h - 2 };
                assert!(!seg_rect.overlaps(&inner), "{name}: line {:?}->{:?} crosses {}", line.manager, line.report, bx.name);
            }
        }
        let manager = map.boxes.iter().find(|b| b.id == line.manager).unwrap().rect;
        let report = map.boxes.iter().find(|b| b.id == line.report).unwrap().rect;
        let (start, end) = (line.points[0], *line.points.last().unwrap());
        assert!(start.y == manager.bottom() && (manager.x..=manager.right()).contains(&start.x), "{name}: starts at the manager");
        assert!(
            (end.x == report.x && (report.y..=report.bottom()).contains(&end.y))
                || (end.y == report.y && (report.x..=report.right()).contains(&end.x)),
            "{name}: ends at the report"
        );
    }
    let with_manager = contacts.iter().filter(|c| c.reports_to.is_some()).count();
    assert!(map.reports.len() <= with_manager, "{name}");
    map
}

#[test]
fn fifty_contacts_never_overlap_in_any_shape() {
    let shapes: Vec<(&str, Vec<MapContact>)> = vec![
        ("flat", flat(50)),
        ("chain", chain(50)),
        ("wide", wide(50)),
        ("org", org(50)),
        ("mixed 1", mixed(50, 1)),
        ("mixed 2", mixed(50, 2)),
        ("mixed 3", mixed(50, 42)),
    ];
    for (name, contacts) in shapes {
        let map = assert_sound(name, &contacts);
        assert_eq!(map.reports.len(), contacts.iter().filter(|c| c.reports_to.is_some()).count(), "{name}: a line per report");
    }
    for seed in 0..200 {
        assert_sound(&format!("seed {seed}"), &mixed(1 + (seed % 80) as i64, seed));
    }
}

#[test]
fn fifty_contacts_stay_readable() {
    // Heights include our team row. Random trees are deep (7 to 9 levels), far
    // deeper than a real buying centre, and so the tallest.
    let shapes = [("flat", flat(50), 1400), ("wide", wide(50), 1450), ("org", org(50), 1750), ("mixed", mixed(50, 7), 3200)];
    for (name, contacts, max_h) in shapes {
        let map = layout(&contacts, &owners());
        assert!(map.width <= MAX_WIDTH + 2 * MARGIN, "{name}: {} px wide", map.width);
        assert!(map.height <= max_h, "{name}: {} px high", map.height);
    }
}

#[test]
fn a_manager_with_only_individual_reports_stacks_them_under_them() {
    let map = layout(&wide(4), &owners());
    let boss = map.boxes.iter().find(|b| b.name == "Person 01").unwrap().rect;
    let reports: Vec<Rect> = map.boxes.iter().filter(|b| b.name != "Person 01").map(|b| b.rect).collect();
    assert!(reports.iter().all(|r| r.x == boss.x + INDENT), "indented in one column: {reports:?}");
    assert!(reports.windows(2).all(|w| w[1].y > w[0].y), "downwards by name");
    assert!(map.boxes.iter().map(|b| b.rect.right()).max() == Some(MARGIN + BOX_W + INDENT));
}

#[test]
fn managers_with_teams_get_bands_with_the_boss_centred_above() {
    let contacts = vec![
        contact(1, "Boss", None),
        contact(2, "Anna", Some(1)),
        contact(3, "Bert", Some(1)),
        contact(4, "Anna's report", Some(2)),
        contact(5, "Bert's report", Some(3)),
    ];
    let map = assert_sound("bands", &contacts);
    let r = |n: &str| map.boxes.iter().find(|b| b.name == n).unwrap().rect;
    assert_eq!(r("Anna").y, r("Bert").y, "side by side");
    assert!(r("Anna").x < r("Bert").x, "by name");
    let middle = (r("Anna").centre_x() + r("Bert").centre_x()) / 2;
    assert!((r("Boss").centre_x() - middle).abs() <= 1, "centred");
}

#[test]
fn cycles_and_unknown_managers_become_roots() {
    let contacts = vec![
        contact(1, "Ann", Some(3)),
        contact(2, "Ben", Some(1)),
        contact(3, "Cid", Some(2)),
        contact(4, "Dee", Some(4)),
        contact(5, "Eve", Some(99)),
        contact(6, "Fay", Some(5)),
    ];
    let map = assert_sound("cycle", &contacts);
    let managers: Vec<(String, String)> = map
        .reports
        .iter()
        .map(|l| {
            let name = |id| map.boxes.iter().find(|b| b.id == id).unwrap().name.clone();
            (name(l.manager), name(l.report))
        })
        .collect();
    // Ann, first by name, loses her manager; Dee reports to herself; Eve's manager is unknown.
    assert_eq!(managers.len(), 3, "{managers:?}");
    for pair in [("Ann", "Ben"), ("Ben", "Cid"), ("Eve", "Fay")] {
        assert!(managers.contains(&(pair.0.into(), pair.1.into())), "{managers:?}");
    }
    // A long cycle finishes too.
    let mut ring = chain(50);
    ring[0].reports_to = Some(ContactId::new(50));
    assert_sound("ring", &ring);
}

#[test]
fn flags_and_summary() {
    let mut contacts = vec![
        contact(1, "Dora Decider", None),
        contact(2, "Eli Economist", Some(1)),
        contact(3, "Nora Nobody", Some(1)),
        contact(4, "Max Mapped", Some(1)),
    ];
    contacts[0].role = Some(BuyingRole::DecisionMaker);
    contacts[0].attitude = None;
    contacts[1].role = Some(BuyingRole::EconomicBuyer);
    contacts[1].owner = None;
    contacts[2].owner = None;
    contacts[3].role = Some(BuyingRole::DecisionMaker);
    let map = layout(&contacts, &owners());
    let b = |n: &str| map.boxes.iter().find(|b| b.name == n).unwrap();
    assert!(b("Dora Decider").decision_maker_unmapped && !b("Dora Decider").no_owner, "attitude unknown");
    assert!(b("Eli Economist").decision_maker_unmapped && b("Eli Economist").no_owner, "nobody calls on him");
    assert!(!b("Nora Nobody").decision_maker_unmapped && b("Nora Nobody").no_owner);
    assert!(!b("Max Mapped").decision_maker_unmapped && !b("Max Mapped").no_owner);
    assert_eq!(b("Eli Economist").role_label, "Economic buyer");
    assert_eq!(b("Max Mapped").owner_name.as_deref(), Some("Colleague 1"));

    fn names(v: &[ContactRef]) -> Vec<&str> {
        v.iter().map(|c| c.name.as_str()).collect()
    }
    assert!(map.summary.has_decision_maker);
    assert_eq!(names(&map.summary.without_owner), ["Eli Economist", "Nora Nobody"]);
    assert_eq!(names(&map.summary.unmapped_decision_makers), ["Dora Decider", "Eli Economist"]);

    // Only referenced colleagues get a box; each line ends on its colleague's box.
    assert_eq!(map.team.len(), 2);
    assert_eq!(map.calls.len(), 2);
    for call in &map.calls {
        let t = map.team.iter().find(|t| t.id == call.owner).unwrap();
        assert_eq!(call.to.y, t.rect.y);
        assert!((t.rect.x..=t.rect.right()).contains(&call.to.x));
    }

    let nobody = layout(&[contact(1, "Solo", None)], &[]);
    assert!(!nobody.summary.has_decision_maker);
    assert_eq!(nobody.team[0].name, "Colleague #2", "an owner missing from the list still shows");
}

#[test]
fn empty_and_deterministic() {
    let empty = layout(&[], &owners());
    assert!(empty.boxes.is_empty() && empty.team.is_empty() && empty.team_top.is_none());
    let mut contacts = mixed(30, 9);
    let a = layout(&contacts, &owners());
    contacts.reverse();
    assert_eq!(a, layout(&contacts, &owners()), "input order does not matter");
}
