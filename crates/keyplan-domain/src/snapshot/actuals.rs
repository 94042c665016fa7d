//! What changed in the recorded values of the KPIs both versions have: one
//! change per period recorded, corrected or removed.

use super::{Change, ChangeKind, SnapActual, SnapKpi};

/// A snapshot from before every actual was kept: it knows only the latest one.
fn old_shape(k: &SnapKpi) -> bool {
    k.actuals.is_empty() && !k.latest_actual.is_empty()
}

fn change(kind: ChangeKind, kpi: &str, field: String, before: Option<&str>, after: Option<&str>, text: String) -> Change {
    Change {
        kind,
        entity: "KPI".into(),
        subject: kpi.into(),
        field: Some(field),
        before: before.map(str::to_string),
        after: after.map(str::to_string),
        text,
    }
}

fn by(a: &SnapActual) -> String {
    if a.recorded_by.is_empty() { String::new() } else { format!(" (by {})", a.recorded_by) }
}

pub(super) fn diff_actuals(a: &[SnapKpi], b: &[SnapKpi], out: &mut Vec<Change>) {
    for new in b {
        let Some(old) = a.iter().find(|o| o.id == new.id) else { continue };
        let name = &old.name;
        if old_shape(old) || old_shape(new) {
            // Only the latest value can be compared with an old snapshot.
            if old.latest_actual != new.latest_actual {
                out.push(Change::changed("KPI", name, "latest actual", &old.latest_actual, &new.latest_actual));
            }
            continue;
        }
        for gone in old.actuals.iter().filter(|x| !new.actuals.iter().any(|n| n.period_start == x.period_start)) {
            let field = format!("actual for {}", gone.period);
            let text = format!("KPI “{name}”: {field} removed (was {})", gone.value);
            out.push(change(ChangeKind::Removed, name, field, Some(&gone.value), None, text));
        }
        for now in &new.actuals {
            let field = format!("actual for {}", now.period);
            match old.actuals.iter().find(|x| x.period_start == now.period_start) {
                None => {
                    let text = format!("KPI “{name}”: {field} recorded: {}{}", now.value, by(now));
                    out.push(change(ChangeKind::Added, name, field, None, Some(&now.value), text));
                }
                Some(was) => {
                    if was.value != now.value {
                        let text = format!("KPI “{name}”: {field} {} → {}{}", was.value, now.value, by(now));
                        out.push(change(ChangeKind::Changed, name, field, Some(&was.value), Some(&now.value), text));
                    }
                    if was.note != now.note {
                        let field = format!("note for {}", now.period);
                        out.push(Change::changed("KPI", name, &field, &was.note, &now.note));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{PlanSnapshot, diff};
    use super::*;

    fn actual(start: &str, period: &str, value: &str, who: &str) -> SnapActual {
        SnapActual { period_start: start.into(), period: period.into(), value: value.into(), recorded_by: who.into(), note: String::new() }
    }

    fn with(actuals: Vec<SnapActual>) -> PlanSnapshot {
        PlanSnapshot { kpis: vec![SnapKpi { id: 7, name: "Revenue".into(), actuals, ..Default::default() }], ..Default::default() }
    }

    #[test]
    fn recorded_corrected_and_removed_actuals_read_as_sentences() {
        let a = with(vec![actual("2027-01-01", "Q1 2027", "1,100,000", "Kim"), actual("2027-04-01", "Q2 2027", "900", "Kim")]);
        let b = with(vec![actual("2027-01-01", "Q1 2027", "1,200,000", "Lena"), actual("2027-07-01", "Q3 2027", "1,300,000", "Kim")]);
        let changes = diff(&a, &b);
        let texts: Vec<&str> = changes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "KPI “Revenue”: actual for Q2 2027 removed (was 900)",
                "KPI “Revenue”: actual for Q1 2027 1,100,000 → 1,200,000 (by Lena)",
                "KPI “Revenue”: actual for Q3 2027 recorded: 1,300,000 (by Kim)",
            ]
        );
        assert_eq!(changes[2].kind, ChangeKind::Added);
        assert_eq!((changes[2].field.as_deref(), changes[2].after.as_deref()), (Some("actual for Q3 2027"), Some("1,300,000")));
        assert_eq!((changes[1].before.as_deref(), changes[1].after.as_deref()), (Some("1,100,000"), Some("1,200,000")));
    }

    #[test]
    fn same_actuals_and_who_recorded_them_alone_are_no_change() {
        let a = with(vec![actual("2027-01-01", "Q1 2027", "5", "Kim")]);
        assert!(diff(&a, &a).is_empty());
        let b = with(vec![actual("2027-01-01", "Q1 2027", "5", "Lena")]);
        assert!(diff(&a, &b).is_empty(), "the value is what counts");
        let mut noted = b.clone();
        noted.kpis[0].actuals[0].note = "Estimated".into();
        assert_eq!(diff(&b, &noted)[0].text, "KPI “Revenue”: note for Q1 2027 (empty) → Estimated");
    }

    #[test]
    fn an_old_snapshot_is_compared_by_its_latest_actual() {
        let mut old = with(vec![]);
        old.kpis[0].latest_actual = "5 (2027-01-01)".into();
        let mut new = with(vec![actual("2027-01-01", "Q1 2027", "5", "Kim"), actual("2027-04-01", "Q2 2027", "8", "Kim")]);
        new.kpis[0].latest_actual = "8 (2027-04-01)".into();
        let texts: Vec<String> = diff(&old, &new).into_iter().map(|c| c.text).collect();
        assert_eq!(texts, ["KPI “Revenue”: latest actual 5 (2027-01-01) → 8 (2027-04-01)"], "no flood of every period as new");
    }
}
