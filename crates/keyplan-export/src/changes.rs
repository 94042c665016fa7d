//! What changed between two snapshots, in the reader's language: the changes
//! grouped for reading, and snapshot labels. The review page, the meeting page
//! and the meeting agenda's PDF and Markdown all read changes through here.

use keyplan_domain::Lang;
use keyplan_domain::analysis::{Benefit, Category, ItemKind};
use keyplan_domain::contact::{Attitude, BuyingRole};
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::snapshot::{Change, ChangeKind};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_i18n::{Arg, Tr};

pub struct ChangeView {
    pub kind: &'static str,
    pub entity: String,
    pub subject: String,
    /// The subject in quotation marks: “Run the trial” / „Run the trial“.
    pub quoted: String,
    pub field: String,
    pub before: String,
    pub after: String,
    pub text: String,
}

impl ChangeView {
    fn new(c: &Change, t: Tr) -> Self {
        let kind = match c.kind {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        };
        let quoted = t.s1("review-quoted", "text", &c.subject);
        if t.lang == Lang::En {
            // The domain writes English: shown as it is.
            return ChangeView {
                kind,
                entity: c.entity.clone(),
                subject: c.subject.clone(),
                quoted,
                field: c.field.clone().unwrap_or_default(),
                before: c.before.clone().unwrap_or_default(),
                after: c.after.clone().unwrap_or_default(),
                text: c.text.clone(),
            };
        }
        let entity = change_entity(&c.entity, t);
        let field = c.field.as_deref().map(|f| change_field(f, t)).unwrap_or_default();
        let before = c.before.as_deref().map(|v| change_value(v, t)).unwrap_or_default();
        let after = c.after.as_deref().map(|v| change_value(v, t)).unwrap_or_default();
        let shown = |v: &str| if v.is_empty() { t.s("review-empty") } else { v.to_string() };
        let text = match (c.kind, c.field.is_some(), c.subject.is_empty()) {
            (ChangeKind::Added, false, _) => t.s2("review-text-added", "entity", &entity, "subject", &c.subject),
            (ChangeKind::Removed, false, _) => t.s2("review-text-removed", "entity", &entity, "subject", &c.subject),
            (_, _, true) => t.a(
                "review-text-changed-plain",
                &[
                    ("entity", entity.as_str().arg()),
                    ("field", field.as_str().arg()),
                    ("before", shown(&before).arg()),
                    ("after", shown(&after).arg()),
                ],
            ),
            _ => t.a(
                "review-text-changed",
                &[
                    ("entity", entity.as_str().arg()),
                    ("subject", c.subject.as_str().arg()),
                    ("field", field.as_str().arg()),
                    ("before", shown(&before).arg()),
                    ("after", shown(&after).arg()),
                ],
            ),
        };
        ChangeView { kind, entity, subject: c.subject.clone(), quoted, field, before, after, text }
    }
}

/// What sort of thing changed, as the domain names it in English, in `t`'s language.
fn change_entity(entity: &str, t: Tr) -> String {
    let fixed = [
        ("Plan", "review-entity-plan"),
        ("KPI", "review-entity-kpi"),
        ("Contact", "review-entity-contact"),
        ("Section", "review-entity-section"),
        ("Goal link", "review-entity-goal-link"),
    ];
    if let Some((_, id)) = fixed.iter().find(|(en, _)| *en == entity) {
        return t.s(id);
    }
    if let Some(k) = NodeKind::ALL.iter().find(|k| k.label() == entity) {
        return t.enum_label("node-kind", k.as_str());
    }
    if let Some(c) = Category::ALL.iter().find(|c| c.label() == entity) {
        return t.enum_label("item-category", c.as_str());
    }
    if let Some(k) = ItemKind::ALL.iter().find(|k| k.label() == entity) {
        return t.enum_label("item-kind", k.as_str());
    }
    entity.to_string()
}

/// The field that changed ("due date", "actual for Q1 2027") in `t`'s language.
pub fn change_field(field: &str, t: Tr) -> String {
    const FIELDS: &[(&str, &str)] = &[
        ("title", "review-field-title"),
        ("status", "review-field-status"),
        ("period start", "review-field-period-start"),
        ("period end", "review-field-period-end"),
        ("notes", "review-field-notes"),
        ("metric", "review-field-metric"),
        ("baseline", "review-field-baseline"),
        ("target", "review-field-target"),
        ("unit", "review-field-unit"),
        ("target date", "review-field-target-date"),
        ("benefit", "review-field-benefit"),
        ("owner", "review-field-owner"),
        ("customer contact", "review-field-customer-contact"),
        ("start date", "review-field-start-date"),
        ("due date", "review-field-due-date"),
        ("done when", "review-field-done-when"),
        ("how", "review-field-how"),
        ("acceptance", "review-field-acceptance"),
        ("text", "review-field-text"),
        ("source", "review-field-source"),
        ("response", "review-field-response"),
        ("so what", "review-field-so-what"),
        ("name", "review-field-name"),
        ("buying role", "review-field-buying-role"),
        ("influence", "review-field-influence"),
        ("attitude", "review-field-attitude"),
        ("reports to", "review-field-reports-to"),
        ("relationship owner", "review-field-relationship-owner"),
        ("latest actual", "review-field-latest-actual"),
    ];
    if let Some((_, id)) = FIELDS.iter().find(|(en, _)| *en == field) {
        return t.s(id);
    }
    if let Some(period) = field.strip_prefix("actual for ") {
        return t.s1("review-field-actual-for", "period", period_in(period, t));
    }
    if let Some(period) = field.strip_prefix("note for ") {
        return t.s1("review-field-note-for", "period", period_in(period, t));
    }
    field.to_string()
}

/// A month as a snapshot names it (`Mar 2027`) in `t`'s language; quarters
/// (`Q1 2027`) read the same in both.
fn period_in(period: &str, t: Tr) -> String {
    let Some((month, year)) = period.split_once(' ') else { return period.to_string() };
    let months = (1..=12u8).filter_map(|m| time::Month::try_from(m).ok());
    for m in months {
        if keyplan_domain::plan::month_name(m).get(..3) == Some(month) && year.parse::<i32>().is_ok() {
            return format!("{} {year}", keyplan_domain::lang::month_name(m, t.lang));
        }
    }
    period.to_string()
}

/// A value of a snapshot in `t`'s language: dates and the labels of statuses,
/// roles and attitudes; anything else (names, texts, numbers) as it was written.
fn change_value(value: &str, t: Tr) -> String {
    if let Ok(d) = keyplan_domain::validate::parse_date("value", value) {
        return t.date(d);
    }
    let labels = CommitmentStatus::ALL
        .iter()
        .map(|s| (s.label(), "status", s.as_str()))
        .chain(Acceptance::ALL.iter().map(|s| (s.label(), "acceptance", s.as_str())))
        .chain(PlanStatus::ALL.iter().map(|s| (s.label(), "plan-status", s.as_str())))
        .chain(BuyingRole::ALL.iter().map(|s| (s.label(), "buying-role", s.as_str())))
        .chain(Attitude::ALL.iter().map(|s| (s.label(), "attitude", s.as_str())))
        .chain(Benefit::ALL.iter().map(|s| (s.label(), "review-benefit", s.as_str())));
    for (label, kind, code) in labels {
        if label == value {
            return t.enum_label(kind, code);
        }
    }
    value.to_string()
}

/// A snapshot's label in `t`'s language: holding a review names its snapshot
/// `Team review 2027-01-15`, written with the date in the reader's form
/// ("Team review 15 Jan 2027"); other labels are the user's own words.
pub fn snapshot_label(label: &str, t: Tr) -> String {
    // Meetings name their snapshots `Sales meeting 2027-01-15` (keyplan_app::meetings).
    let meeting = label.strip_prefix("Sales meeting ").and_then(|d| keyplan_domain::validate::parse_date("label", d).ok());
    if let Some(d) = meeting {
        return t.s1("meeting-snapshot-label", "date", t.date(d));
    }
    for k in ReviewKind::ALL {
        let date = label.strip_prefix(k.label()).and_then(|r| r.strip_prefix(' '));
        if let Some(d) = date.and_then(|d| keyplan_domain::validate::parse_date("label", d).ok()) {
            return t.s2("review-from-label", "kind", t.enum_label("review-kind", k.as_str()), "date", t.date(d));
        }
    }
    label.to_string()
}

/// Changes grouped by what sort of thing changed, for reading.
pub struct ChangeGroup {
    pub entity: String,
    pub changes: Vec<ChangeView>,
}

pub fn grouped(changes: &[Change], t: Tr) -> Vec<ChangeGroup> {
    let mut groups: Vec<ChangeGroup> = Vec::new();
    for c in changes {
        let view = ChangeView::new(c, t);
        match groups.iter_mut().find(|g| g.entity == view.entity) {
            Some(g) => g.changes.push(view),
            None => groups.push(ChangeGroup { entity: view.entity.clone(), changes: vec![view] }),
        }
    }
    groups
}

#[cfg(test)]
mod i18n_tests {
    use super::*;

    fn change(kind: ChangeKind, entity: &str, field: Option<&str>, before: &str, after: &str) -> Change {
        Change {
            kind,
            entity: entity.into(),
            subject: "Run the trial".into(),
            field: field.map(str::to_string),
            before: field.map(|_| before.to_string()),
            after: field.map(|_| after.to_string()),
            text: "the domain's sentence".into(),
        }
    }

    #[test]
    fn i18n_changes_read_in_german_and_stay_as_they_were_in_english() {
        let (de, en) = (Tr::new(Lang::De), Tr::new(Lang::En));
        let c = change(ChangeKind::Changed, "Commitment", Some("status"), "Open", "In progress");
        let v = ChangeView::new(&c, de);
        assert_eq!((v.entity.as_str(), v.field.as_str(), v.before.as_str(), v.after.as_str()), ("Zusage", "Status", "Offen", "In Arbeit"));
        assert_eq!(v.text, "Zusage „Run the trial“: Status Offen → In Arbeit");
        let v = ChangeView::new(&change(ChangeKind::Changed, "KPI", Some("target date"), "", "2027-03-31"), de);
        assert_eq!((v.entity.as_str(), v.field.as_str(), v.after.as_str()), ("Kennzahl", "Zieldatum", "31. März 2027"));
        assert!(v.text.ends_with("(leer) → 31. März 2027"), "{}", v.text);
        assert_eq!(
            ChangeView::new(&change(ChangeKind::Added, "SWOT entry", None, "", ""), de).text,
            "SWOT-Eintrag „Run the trial“ hinzugefügt"
        );
        assert_eq!(change_field("actual for Mar 2027", de), "Istwert für März 2027");
        assert_eq!(change_field("actual for Q1 2027", de), "Istwert für Q1 2027");
        assert_eq!(snapshot_label("Team review 2027-01-15", de), "Team-Überprüfung vom 15. Januar 2027");
        assert_eq!(snapshot_label("Team review 2027-01-15", en), "Team review of 15 Jan 2027");
        assert_eq!(snapshot_label("Before the workshop", de), "Before the workshop");
        let v = ChangeView::new(&c, en);
        assert_eq!(
            (v.entity.as_str(), v.before.as_str(), v.text.as_str(), v.quoted.as_str()),
            ("Commitment", "Open", "the domain's sentence", "“Run the trial”")
        );
    }

    #[test]
    fn i18n_meeting_snapshots_read_in_german() {
        assert_eq!(snapshot_label("Sales meeting 2027-01-15", Tr::new(Lang::De)), "Vertriebsbesprechung 15. Januar 2027");
        assert_eq!(snapshot_label("Sales meeting 2027-01-15", Tr::new(Lang::En)), "Sales meeting 15 Jan 2027");
    }
}
