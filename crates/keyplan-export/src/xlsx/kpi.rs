//! The KPI scorecard: measures with baseline, target, latest actual and one
//! column per period.

use std::collections::BTreeMap;

use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;
use time::Date;

use super::{Cell, Col, Sheet};

/// The scorecard: each KPI with baseline, target, latest actual, progress and
/// one column of actuals per period; with `goals`, the goals' measures first.
pub(super) fn kpi_sheet(b: &PlanBundle, goals: bool, t: Tr) -> Sheet {
    let all = b.kpi_progress();
    // The periods that have an actual, oldest first, each named as its KPI counts it.
    let mut periods: BTreeMap<Date, String> = BTreeMap::new();
    for p in &all {
        for a in &p.actuals {
            periods.entry(a.period_start).or_insert_with(|| t.period(p.period, a.period_start));
        }
    }
    let mut cols = vec![
        Col::wrap(t.s("xlsx-col-measure"), 40.0),
        Col::new(t.s("xlsx-col-type"), 10.0),
        Col::new(t.s("export-unit"), 10.0).optional(),
        Col::new(t.s("export-baseline"), 12.0),
        Col::new(t.s("export-target"), 12.0),
        Col::new(t.s("export-target-date"), 13.0).optional(),
        Col::new(t.s("export-latest"), 12.0).optional(),
        Col::new(t.s("xlsx-col-latest-period"), 14.0).optional(),
        Col::new(t.s("export-progress-col"), 11.0).optional(),
        Col::new(t.s("xlsx-col-judgement"), 12.0).optional(),
    ];
    cols.extend(periods.values().map(|label| Col::new(label.clone(), 11.0)));
    let mut sheet = Sheet::new(cols);
    if goals {
        for g in b.goals().into_iter().filter(|g| g.metric().is_some() || g.baseline().is_some() || g.target().is_some()) {
            let name = match &g.metric() {
                Some(m) => format!("{} ({m})", g.title),
                None => g.title.clone(),
            };
            let mut row = vec![
                Cell::Text(name),
                Cell::Text(t.s("export-goal")),
                Cell::text(g.unit().as_deref()),
                Cell::Num(g.baseline()),
                Cell::Num(g.target()),
                Cell::Date(g.target_date()),
            ];
            row.extend((0..4 + periods.len()).map(|_| Cell::Empty));
            sheet.rows.push(row);
        }
    }
    for p in &all {
        let k = p.kpi;
        let judged = p.progress.is_some();
        let mut row = vec![
            Cell::Text(k.name.clone()),
            Cell::Text(t.s("export-kpi")),
            Cell::text(k.unit.as_deref()),
            Cell::Num(k.baseline),
            Cell::Num(k.target),
            Cell::Date(k.target_date),
            Cell::Num(p.latest.map(|a| a.value)),
            Cell::text(p.latest.map(|a| t.period(p.period, a.period_start)).as_deref()),
            Cell::Pct(p.progress),
            if judged { Cell::Text(t.enum_label("export-judgement", p.judgement.as_str())) } else { Cell::Empty },
        ];
        row.extend(periods.keys().map(|d| Cell::Num(p.actuals.iter().find(|a| a.period_start == *d).map(|a| a.value))));
        sheet.rows.push(row);
    }
    sheet
}
