//! The goals with their measures, the evidence they rest on and the
//! commitments that implement them (the plan's story, per goal).

use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;

use super::{Cell, Col, Sheet};

pub(super) fn goals_sheet(b: &PlanBundle, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::wrap(t.s("export-goal"), 40.0),
        Col::new(t.s("xlsx-col-for"), 14.0).optional(),
        Col::wrap(t.s("export-metric"), 28.0).optional(),
        Col::new(t.s("export-baseline"), 12.0).optional(),
        Col::new(t.s("export-target"), 12.0).optional(),
        Col::new(t.s("export-unit"), 10.0).optional(),
        Col::new(t.s("export-target-date"), 13.0).optional(),
        Col::wrap(t.s("xlsx-col-strategy"), 50.0).optional(),
        Col::wrap(t.s("xlsx-col-based-on"), 50.0).optional(),
        Col::wrap(t.s("xlsx-col-implemented-by"), 50.0).optional(),
    ]);
    let story = b.story(t);
    let not_yet = format!(" ({})", t.s("xlsx-not-yet-accepted"));
    for g in b.goals() {
        let sg = story.goals.iter().find(|s| s.id == g.id.get());
        let evidence = sg.map(|s| s.evidence.iter().map(|e| e.label.clone()).collect::<Vec<_>>().join("\n")).unwrap_or_default();
        let commitments = sg
            .map(|s| {
                s.commitments
                    .iter()
                    .map(|c| {
                        let who = c.owner.as_deref().map(|o| format!(" — {o}")).unwrap_or_default();
                        format!("{}{who}{}", c.title, if c.accepted { "" } else { not_yet.as_str() })
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        sheet.rows.push(vec![
            Cell::Text(g.title.clone()),
            Cell::text(g.benefit().map(|x| t.enum_label("export-benefit", x.as_str())).as_deref()),
            Cell::text(g.metric().as_deref()),
            Cell::Num(g.baseline()),
            Cell::Num(g.target()),
            Cell::text(g.unit().as_deref()),
            Cell::Date(g.target_date()),
            Cell::text(g.notes.as_deref()),
            Cell::Text(evidence),
            Cell::Text(commitments),
        ]);
    }
    sheet
}
