//! A frozen copy of a whole plan and the comparison of two of them ("what changed
//! since the last review", PRODUCT.md C6).
//!
//! A snapshot keeps what a person reads, not database rows: names instead of user
//! ids, labels instead of codes. It is stored as JSON and never changes; every
//! field has a default so that snapshots taken by older versions still load.

use serde::{Deserialize, Serialize};

mod actuals;

/// The whole plan as it stood at one moment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSnapshot {
    pub title: String,
    pub status: String,
    pub period_start: String,
    pub period_end: String,
    pub nodes: Vec<SnapNode>,
    pub items: Vec<SnapItem>,
    pub sections: Vec<SnapSection>,
    pub kpis: Vec<SnapKpi>,
    pub contacts: Vec<SnapContact>,
    pub links: Vec<SnapLink>,
}

/// A node of the constraint tree: goal, factor, condition, obstacle or commitment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapNode {
    pub id: i64,
    pub parent_id: Option<i64>,
    /// "Goal", "Commitment", …
    pub kind: String,
    pub title: String,
    pub notes: String,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    pub unit: String,
    pub target_date: String,
    pub benefit: String,
    pub owner: String,
    pub contact: String,
    pub start_date: String,
    pub due_date: String,
    pub done_criterion: String,
    /// How the owner will deliver a commitment (empty in snapshots taken before it existed).
    pub how: String,
    pub status: String,
    pub acceptance: String,
}

/// An analysis item, SWOT entry, opportunity or risk.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapItem {
    pub id: i64,
    /// "Market", "Strengths", "Risk", …
    pub label: String,
    pub text: String,
    pub source: String,
    pub response: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapSection {
    pub key: String,
    pub title: String,
    pub body: String,
    pub so_what: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapKpi {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    pub target_date: String,
    /// The most recent actual, e.g. "42 (2026-07-01)". Snapshots taken before
    /// `actuals` existed have only this one.
    pub latest_actual: String,
    /// Every recorded actual, oldest period first.
    pub actuals: Vec<SnapActual>,
}

/// One recorded value of a KPI.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapActual {
    /// The period's first day, `2027-01-01`: what matches an actual across versions.
    pub period_start: String,
    /// The period as a person reads it: "Q1 2027", "Mar 2027".
    pub period: String,
    pub value: String,
    pub note: String,
    /// Who recorded it, by name.
    pub recorded_by: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapContact {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub role: String,
    pub influence: String,
    pub attitude: String,
    pub reports_to: String,
    pub relationship_owner: String,
}

/// A goal linked to the evidence behind it, both by their readable names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SnapLink {
    pub id: i64,
    pub goal: String,
    pub target: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One difference between two versions of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// What sort of thing changed: "Plan", "Goal", "Commitment", "KPI", "Contact", …
    pub entity: String,
    /// Which one, as a person names it: its title or name.
    pub subject: String,
    /// For `changed`: the field, as a person names it ("status").
    pub field: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The whole change in one sentence: `Commitment “Run the trial”: status In progress → Done`.
    pub text: String,
}

impl Change {
    fn added(entity: &str, subject: &str) -> Change {
        Change {
            kind: ChangeKind::Added,
            entity: entity.into(),
            subject: subject.into(),
            field: None,
            before: None,
            after: None,
            text: format!("{entity} “{subject}” added"),
        }
    }
    fn removed(entity: &str, subject: &str) -> Change {
        Change {
            kind: ChangeKind::Removed,
            entity: entity.into(),
            subject: subject.into(),
            field: None,
            before: None,
            after: None,
            text: format!("{entity} “{subject}” removed"),
        }
    }
    fn changed(entity: &str, subject: &str, field: &str, before: &str, after: &str) -> Change {
        let show = |v: &str| if v.is_empty() { "(empty)".to_string() } else { shorten(v) };
        let text = if subject.is_empty() {
            format!("{entity}: {field} {} → {}", show(before), show(after))
        } else {
            format!("{entity} “{subject}”: {field} {} → {}", show(before), show(after))
        };
        Change {
            kind: ChangeKind::Changed,
            entity: entity.into(),
            subject: subject.into(),
            field: Some(field.into()),
            before: Some(before.into()),
            after: Some(after.into()),
            text,
        }
    }
}

/// Long texts are cut in the one-line description (the full values stay in `before`/`after`).
fn shorten(v: &str) -> String {
    const MAX: usize = 80;
    let one_line = v.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX { one_line } else { format!("{}…", one_line.chars().take(MAX).collect::<String>()) }
}

/// Something in a snapshot that can be matched across versions and compared field by field.
trait Entity {
    fn key(&self) -> String;
    fn entity(&self) -> String;
    fn subject(&self) -> String;
    fn fields(&self) -> Vec<(&'static str, &str)>;
}

impl Entity for SnapNode {
    fn key(&self) -> String {
        self.id.to_string()
    }
    fn entity(&self) -> String {
        self.kind.clone()
    }
    fn subject(&self) -> String {
        self.title.clone()
    }
    fn fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("title", &self.title),
            ("notes", &self.notes),
            ("metric", &self.metric),
            ("baseline", &self.baseline),
            ("target", &self.target),
            ("unit", &self.unit),
            ("target date", &self.target_date),
            ("benefit", &self.benefit),
            ("owner", &self.owner),
            ("customer contact", &self.contact),
            ("start date", &self.start_date),
            ("due date", &self.due_date),
            ("done when", &self.done_criterion),
            ("how", &self.how),
            ("status", &self.status),
            ("acceptance", &self.acceptance),
        ]
    }
}

impl Entity for SnapItem {
    fn key(&self) -> String {
        self.id.to_string()
    }
    fn entity(&self) -> String {
        self.label.clone()
    }
    fn subject(&self) -> String {
        shorten(&self.text)
    }
    fn fields(&self) -> Vec<(&'static str, &str)> {
        vec![("text", &self.text), ("source", &self.source), ("response", &self.response)]
    }
}

impl Entity for SnapSection {
    fn key(&self) -> String {
        self.key.clone()
    }
    fn entity(&self) -> String {
        "Section".into()
    }
    fn subject(&self) -> String {
        self.title.clone()
    }
    fn fields(&self) -> Vec<(&'static str, &str)> {
        vec![("text", &self.body), ("so what", &self.so_what)]
    }
}

impl Entity for SnapKpi {
    fn key(&self) -> String {
        self.id.to_string()
    }
    fn entity(&self) -> String {
        "KPI".into()
    }
    fn subject(&self) -> String {
        self.name.clone()
    }
    fn fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", &self.name),
            ("unit", &self.unit),
            ("baseline", &self.baseline),
            ("target", &self.target),
            ("target date", &self.target_date),
        ]
    }
}

impl Entity for SnapContact {
    fn key(&self) -> String {
        self.id.to_string()
    }
    fn entity(&self) -> String {
        "Contact".into()
    }
    fn subject(&self) -> String {
        self.name.clone()
    }
    fn fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("name", &self.name),
            ("title", &self.title),
            ("buying role", &self.role),
            ("influence", &self.influence),
            ("attitude", &self.attitude),
            ("reports to", &self.reports_to),
            ("relationship owner", &self.relationship_owner),
        ]
    }
}

impl Entity for SnapLink {
    fn key(&self) -> String {
        self.id.to_string()
    }
    fn entity(&self) -> String {
        "Goal link".into()
    }
    fn subject(&self) -> String {
        format!("{} ← {}", self.goal, self.target)
    }
    fn fields(&self) -> Vec<(&'static str, &str)> {
        vec![]
    }
}

/// Compares one list of entities: removed first, then added and changed in `b`'s order.
fn diff_list<T: Entity>(a: &[T], b: &[T], out: &mut Vec<Change>) {
    for old in a {
        if !b.iter().any(|n| n.key() == old.key()) {
            out.push(Change::removed(&old.entity(), &old.subject()));
        }
    }
    for new in b {
        match a.iter().find(|o| o.key() == new.key()) {
            None => out.push(Change::added(&new.entity(), &new.subject())),
            Some(old) => {
                // Name the entity as it was, so "title A → B" reads naturally.
                let subject = old.subject();
                for ((field, before), (_, after)) in old.fields().into_iter().zip(new.fields()) {
                    if before != after {
                        out.push(Change::changed(&new.entity(), &subject, field, before, after));
                    }
                }
            }
        }
    }
}

/// Everything that differs from `a` (the older version) to `b` (the newer one).
pub fn diff(a: &PlanSnapshot, b: &PlanSnapshot) -> Vec<Change> {
    let mut out = Vec::new();
    for (field, before, after) in [
        ("title", &a.title, &b.title),
        ("status", &a.status, &b.status),
        ("period start", &a.period_start, &b.period_start),
        ("period end", &a.period_end, &b.period_end),
    ] {
        if before != after {
            out.push(Change::changed("Plan", "", field, before, after));
        }
    }
    diff_list(&a.nodes, &b.nodes, &mut out);
    diff_list(&a.kpis, &b.kpis, &mut out);
    actuals::diff_actuals(&a.kpis, &b.kpis, &mut out);
    diff_list(&a.contacts, &b.contacts, &mut out);
    diff_list(&a.links, &b.links, &mut out);
    diff_list(&a.items, &b.items, &mut out);
    diff_list(&a.sections, &b.sections, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commitment(id: i64, title: &str, status: &str) -> SnapNode {
        SnapNode {
            id,
            parent_id: Some(1),
            kind: "Commitment".into(),
            title: title.into(),
            owner: "Lena Hoffmann".into(),
            status: status.into(),
            acceptance: "Accepted".into(),
            ..Default::default()
        }
    }

    fn plan() -> PlanSnapshot {
        PlanSnapshot {
            title: "Brightwater 2027".into(),
            status: "Active".into(),
            period_start: "2027-01-01".into(),
            period_end: "2027-12-31".into(),
            nodes: vec![
                SnapNode { id: 1, kind: "Goal".into(), title: "Grow to 2 M".into(), target: "2000000".into(), ..Default::default() },
                commitment(2, "Run the trial", "In progress"),
            ],
            kpis: vec![SnapKpi { id: 7, name: "Revenue".into(), target: "2000000".into(), ..Default::default() }],
            contacts: vec![SnapContact { id: 3, name: "Dr. Ines Roth".into(), attitude: "Neutral".into(), ..Default::default() }],
            sections: vec![SnapSection {
                key: "vision".into(),
                title: "Vision".into(),
                body: "Be their partner".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn same_plan_has_no_changes() {
        assert!(diff(&plan(), &plan()).is_empty());
    }

    #[test]
    fn status_change_reads_like_a_sentence() {
        let a = plan();
        let mut b = plan();
        b.nodes[1].status = "Done".into();
        let changes = diff(&a, &b);
        assert_eq!(changes.len(), 1);
        let c = &changes[0];
        assert_eq!(c.kind, ChangeKind::Changed);
        assert_eq!(c.field.as_deref(), Some("status"));
        assert_eq!((c.before.as_deref(), c.after.as_deref()), (Some("In progress"), Some("Done")));
        assert_eq!(c.text, "Commitment “Run the trial”: status In progress → Done");
    }

    #[test]
    fn added_and_removed_entities() {
        let a = plan();
        let mut b = plan();
        b.nodes.push(commitment(9, "Visit the plant", "Open"));
        b.contacts.clear();
        let texts: Vec<String> = diff(&a, &b).into_iter().map(|c| c.text).collect();
        assert_eq!(texts, vec!["Commitment “Visit the plant” added", "Contact “Dr. Ines Roth” removed"]);
    }

    #[test]
    fn renames_are_named_by_the_old_title_and_ids_match() {
        let a = plan();
        let mut b = plan();
        b.nodes[1].title = "Run the pilot".into();
        let changes = diff(&a, &b);
        assert_eq!(changes.len(), 1, "a rename is a change, not a removal and an addition");
        assert_eq!(changes[0].text, "Commitment “Run the trial”: title Run the trial → Run the pilot");
    }

    #[test]
    fn plan_kpi_contact_and_section_fields() {
        let a = plan();
        let mut b = plan();
        b.status = "Approved".into();
        b.kpis[0].latest_actual = "1200000 (2027-03-01)".into();
        b.contacts[0].attitude = "Supporter".into();
        b.sections[0].body = String::new();
        let texts: Vec<String> = diff(&a, &b).into_iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            vec![
                "Plan: status Active → Approved",
                "KPI “Revenue”: latest actual (empty) → 1200000 (2027-03-01)",
                "Contact “Dr. Ines Roth”: attitude Neutral → Supporter",
                "Section “Vision”: text Be their partner → (empty)",
            ]
        );
    }

    #[test]
    fn long_texts_are_shortened_in_the_sentence_only() {
        let a = plan();
        let mut b = plan();
        b.sections[0].body = "word ".repeat(40);
        let c = &diff(&a, &b)[0];
        assert!(c.text.ends_with('…'), "{}", c.text);
        assert_eq!(c.after.as_deref(), Some(b.sections[0].body.as_str()));
    }

    #[test]
    fn old_snapshots_without_new_fields_still_load() {
        let s: PlanSnapshot = serde_json::from_str(r#"{"title":"Old","nodes":[{"id":1,"kind":"Goal","title":"G"}]}"#).unwrap();
        assert_eq!(s.nodes[0].title, "G");
        assert!(s.kpis.is_empty());
        // A KPI as snapshots stored it before every actual was kept: only the latest.
        let old = r#"{"title":"Old","kpis":[{"id":7,"name":"Revenue","unit":"EUR","baseline":"1","target":"2",
            "target_date":"2027-12-31","latest_actual":"42 (2027-01-01)"}]}"#;
        let s: PlanSnapshot = serde_json::from_str(old).unwrap();
        assert_eq!((s.kpis[0].latest_actual.as_str(), s.kpis[0].actuals.len()), ("42 (2027-01-01)", 0));
        let round: PlanSnapshot = serde_json::from_str(&serde_json::to_string(&plan()).unwrap()).unwrap();
        assert_eq!(round, plan());
    }
}
