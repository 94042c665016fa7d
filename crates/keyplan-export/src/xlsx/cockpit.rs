//! The sales manager's cockpit as a workbook (`/cockpit.xlsx`): one row per
//! KAM with their figures, one row per plan they hold, and what needs
//! attention, most urgent first. Made from the same [`Cockpit`] as the page,
//! so it holds only what the reader may see, with the filters applied.

use keyplan_app::cockpit::Cockpit;
use keyplan_i18n::Tr;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use super::write::{Styles, header_text, write_table};
use super::{Cell, Col, Sheet, Tone};

/// The cockpit as the bytes of an `.xlsx` file, labelled in `t`'s language.
pub fn workbook(c: &Cockpit, t: Tr) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new(t);
    let mut wb = Workbook::new();
    let title = t.s("cockpit-title");
    wb.set_properties(&DocProperties::new().set_title(&title));
    let filters: Vec<&str> =
        [c.filters.region.as_str(), c.filters.industry.as_str(), c.filters.team.as_str()].into_iter().filter(|f| !f.is_empty()).collect();
    let right = if filters.is_empty() { t.date(c.as_of) } else { format!("{} · {}", filters.join(", "), t.date(c.as_of)) };
    let footer = t.s("cockpit-title");
    let header = format!("&L{}&R{}", header_text(&title), header_text(&right));
    write_table(&mut wb, &st, t.s("xlsx-cockpit-kams"), kams(c, t), header.clone(), &footer)?;
    write_table(&mut wb, &st, t.s("xlsx-cockpit-plans"), plans(c, t), header.clone(), &footer)?;
    write_table(&mut wb, &st, t.s("xlsx-cockpit-attention"), attention(c, t), header, &footer)?;
    wb.save_to_buffer()
}

fn count(n: i64) -> Cell {
    Cell::Num(Some(n as f64))
}

fn kams(c: &Cockpit, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("cockpit-col-kam"), 24.0),
        Col::new(t.s("cockpit-team"), 16.0).optional(),
        Col::new(t.s("xlsx-cockpit-active"), 12.0),
        Col::new(t.s("xlsx-cockpit-limit"), 10.0),
        Col::new(t.s("cockpit-over-limit"), 14.0),
        Col::new(t.s("cockpit-fig-overdue_commitments"), 16.0),
        Col::new(t.s("cockpit-fig-unaccepted_commitments"), 16.0),
        Col::new(t.s("cockpit-fig-blocked_obstacles"), 16.0),
        Col::new(t.s("cockpit-fig-overdue_reviews"), 14.0),
        Col::new(t.s("cockpit-fig-stale_reviews"), 14.0),
        Col::new(t.s("cockpit-fig-goal_progress"), 14.0),
    ]);
    for r in &c.kams {
        sheet.rows.push(vec![
            Cell::Label(r.name.clone()),
            Cell::text(r.team.as_deref()),
            count(r.active_plans),
            Cell::Num(Some(f64::from(r.limit))),
            if r.over_limit { Cell::Toned(t.s("cockpit-over-limit"), Some(Tone::Danger)) } else { Cell::Empty },
            count(r.overdue_commitments),
            count(r.unaccepted_commitments),
            count(r.blocked_obstacles),
            count(r.overdue_reviews),
            count(r.stale_reviews),
            Cell::Pct(r.goal_progress),
        ]);
    }
    sheet
}

fn plans(c: &Cockpit, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("cockpit-col-kam"), 22.0),
        Col::wrap(t.s("cockpit-col-plan"), 40.0),
        Col::new(t.s("cockpit-col-account"), 28.0),
        Col::new(t.s("xlsx-cockpit-status"), 14.0),
        Col::new(t.s("xlsx-cockpit-score"), 10.0),
        Col::new(t.s("xlsx-cockpit-level"), 8.0),
        Col::new(t.s("xlsx-cockpit-review"), 14.0),
        Col::new(t.s("cockpit-next-review"), 14.0),
        Col::new(t.s("cockpit-fig-goal_progress"), 14.0),
    ]);
    for r in &c.kams {
        for p in &r.plans {
            let tone = match p.review {
                keyplan_domain::cockpit::ReviewState::Overdue => Some(Tone::Danger),
                keyplan_domain::cockpit::ReviewState::Stale => Some(Tone::Warning),
                keyplan_domain::cockpit::ReviewState::Ok => Some(Tone::Ok),
                keyplan_domain::cockpit::ReviewState::None => Some(Tone::Muted),
            };
            sheet.rows.push(vec![
                Cell::Text(r.name.clone()),
                Cell::Text(p.title.clone()),
                Cell::Text(p.account_name.clone()),
                Cell::Text(t.enum_label("plan-status", p.status.as_str())),
                Cell::Num(p.coach_score.map(f64::round)),
                Cell::Num(p.coach_level.map(f64::from)),
                Cell::Toned(t.enum_label("cockpit-review", p.review.as_str()), tone),
                Cell::Date(Some(p.next_review)),
                Cell::Pct(p.goal_progress),
            ]);
        }
    }
    sheet
}

fn attention(c: &Cockpit, t: Tr) -> Sheet {
    let mut sheet = Sheet::new(vec![
        Col::new(t.s("xlsx-cockpit-kind"), 24.0),
        Col::wrap(t.s("cockpit-col-item"), 44.0),
        Col::wrap(t.s("cockpit-col-plan"), 34.0),
        Col::new(t.s("cockpit-col-account"), 26.0),
        Col::new(t.s("cockpit-col-owner"), 20.0),
        Col::new(t.s("xlsx-cockpit-since"), 14.0),
        Col::new(t.s("xlsx-cockpit-days"), 8.0),
    ]);
    for a in &c.needs_attention {
        sheet.rows.push(vec![
            Cell::Label(t.enum_label("cockpit-kind", a.kind.as_str())),
            Cell::Text(a.item_title.clone()),
            Cell::Text(a.plan_title.clone()),
            Cell::Text(a.account_name.clone()),
            Cell::text(a.owner_name.as_deref()),
            Cell::Date(Some(a.since)),
            count(a.days),
        ]);
    }
    sheet
}
