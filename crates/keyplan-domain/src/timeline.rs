//! The 12-month timeline of a plan (Gantt style): one row per commitment, grouped
//! under its goal, a bar from start to due (a diamond when there is no start),
//! coloured by acceptance and status; reviews on a lane at the top; today's line.
//! Pure layout in pixels; drawing it is the web layer's job.

use time::{Date, Month};

use crate::tree::{Acceptance, CommitmentStatus};

pub const WIDTH: f64 = 1000.0;
/// Where the chart starts (the labels sit left of it).
pub const CHART_X: f64 = 280.0;
pub const CHART_RIGHT: f64 = WIDTH - 16.0;
pub const HEAD_H: f64 = 40.0;
pub const LANE_H: f64 = 28.0;
pub const GOAL_H: f64 = 26.0;
pub const ROW_H: f64 = 22.0;
const MIN_BAR: f64 = 4.0;

pub struct CommitmentIn {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub start: Option<Date>,
    pub due: Option<Date>,
    pub status: Option<CommitmentStatus>,
    pub acceptance: Option<Acceptance>,
}

pub struct GoalIn {
    pub title: String,
    pub commitments: Vec<CommitmentIn>,
}

pub struct ReviewIn {
    pub date: Date,
    pub label: String,
    pub held: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// January: the year is shown.
    pub year_start: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub w: f64,
    /// A due date without a start: a diamond at the due date.
    pub diamond: bool,
    /// `open`, `in_progress`, `done`, `missed` (accepted) or `proposed`, `declined`,
    /// `date_proposed` (not accepted yet).
    pub class: &'static str,
    pub overdue: bool,
    /// The bar runs on before or past the 12 months.
    pub clipped_left: bool,
    pub clipped_right: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub y: f64,
    pub title: String,
    pub owner: String,
    pub start: Option<Date>,
    pub due: Option<Date>,
    pub class: &'static str,
    pub overdue: bool,
    /// None: no due date, or outside the 12 months.
    pub bar: Option<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub y: f64,
    pub title: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewMarker {
    pub x: f64,
    pub date: Date,
    pub label: String,
    pub held: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub start: Date,
    pub end: Date,
    pub width: f64,
    pub height: f64,
    pub ticks: Vec<Tick>,
    pub reviews: Vec<ReviewMarker>,
    pub headings: Vec<Heading>,
    pub rows: Vec<Row>,
    pub today_x: Option<f64>,
    pub overdue: usize,
}

/// The class a commitment is drawn with.
pub fn class_of(status: Option<CommitmentStatus>, acceptance: Option<Acceptance>) -> &'static str {
    match acceptance.unwrap_or(Acceptance::Proposed) {
        Acceptance::Accepted => match status.unwrap_or(CommitmentStatus::Open) {
            CommitmentStatus::Open => "open",
            CommitmentStatus::InProgress => "in_progress",
            CommitmentStatus::Done => "done",
            CommitmentStatus::Missed => "missed",
        },
        Acceptance::Proposed => "proposed",
        Acceptance::Declined => "declined",
        Acceptance::DateProposed => "date_proposed",
    }
}

fn add_months(d: Date, n: u32) -> Date {
    let total = d.year() * 12 + (d.month() as i32 - 1) + n as i32;
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    Date::from_calendar_date(total.div_euclid(12), month, 1).unwrap_or(d)
}

fn short_month(m: Month) -> &'static str {
    crate::plan::month_name(m)
}

/// Lays out 12 months from the month `period_start` falls in.
pub fn layout(period_start: Date, today: Date, goals: Vec<GoalIn>, reviews: &[ReviewIn]) -> Timeline {
    let start = Date::from_calendar_date(period_start.year(), period_start.month(), 1).unwrap_or(period_start);
    let end = add_months(start, 12);
    let days = (end - start).whole_days().max(1) as f64;
    let span = CHART_RIGHT - CHART_X;
    let x_of = |d: Date| CHART_X + ((d - start).whole_days() as f64 / days).clamp(0.0, 1.0) * span;
    let inside = |d: Date| d >= start && d < end;

    let ticks = (0..12)
        .map(|i| {
            let m = add_months(start, i);
            let year_start = m.month() == Month::January || i == 0;
            let label =
                if year_start { format!("{} {}", short_month(m.month()), m.year() % 100) } else { short_month(m.month()).to_string() };
            Tick { x: x_of(m), label, year_start }
        })
        .collect();
    let reviews = reviews
        .iter()
        .filter(|r| inside(r.date))
        .map(|r| ReviewMarker { x: x_of(r.date), date: r.date, label: r.label.clone(), held: r.held })
        .collect();

    let mut y = HEAD_H + LANE_H;
    let mut headings = Vec::new();
    let mut rows = Vec::new();
    let mut overdue_count = 0;
    for g in goals {
        headings.push(Heading { y, title: g.title, count: g.commitments.len() });
        y += GOAL_H;
        let mut cs = g.commitments;
        cs.sort_by_key(|c| (c.due.is_none(), c.due, c.id));
        for c in cs {
            let class = class_of(c.status, c.acceptance);
            let overdue = c.due.is_some_and(|d| d < today) && !matches!(c.status, Some(CommitmentStatus::Done | CommitmentStatus::Missed));
            overdue_count += usize::from(overdue);
            let bar = c.due.and_then(|due| {
                let from = c.start.filter(|s| *s <= due);
                let first = from.unwrap_or(due);
                if due < start || first >= end {
                    return None;
                }
                let x1 = x_of(first);
                let x2 = x_of(due);
                Some(match from {
                    Some(s) => Bar {
                        x: x1,
                        w: (x2 - x1).max(MIN_BAR).min(CHART_RIGHT - x1).max(0.0),
                        diamond: false,
                        class,
                        overdue,
                        clipped_left: s < start,
                        clipped_right: due >= end,
                    },
                    None => Bar { x: x2, w: 0.0, diamond: true, class, overdue, clipped_left: false, clipped_right: false },
                })
            });
            rows.push(Row { id: c.id, y, title: c.title, owner: c.owner, start: c.start, due: c.due, class, overdue, bar });
            y += ROW_H;
        }
    }
    let today_x = inside(today).then(|| x_of(today));
    Timeline { start, end, width: WIDTH, height: y + 8.0, ticks, reviews, headings, rows, today_x, overdue: overdue_count }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn c(id: i64, start: Option<Date>, due: Option<Date>, status: CommitmentStatus, acceptance: Acceptance) -> CommitmentIn {
        CommitmentIn { id, title: format!("C{id}"), owner: "Ann".into(), start, due, status: Some(status), acceptance: Some(acceptance) }
    }

    #[test]
    fn months_ticks_reviews_and_today() {
        let t = layout(
            date!(2026 - 01 - 15),
            date!(2026 - 07 - 01),
            vec![],
            &[
                ReviewIn { date: date!(2026 - 03 - 31), label: "Team review".into(), held: true },
                ReviewIn { date: date!(2028 - 01 - 01), label: "Far away".into(), held: false },
            ],
        );
        assert_eq!((t.start, t.end), (date!(2026 - 01 - 01), date!(2027 - 01 - 01)));
        assert_eq!(t.ticks.len(), 12);
        assert_eq!(t.ticks[0].label, "Jan 26");
        assert_eq!(t.ticks[1].label, "Feb");
        assert_eq!(t.ticks[0].x, CHART_X);
        assert_eq!(t.reviews.len(), 1, "reviews outside the 12 months are left out");
        let tx = t.today_x.unwrap();
        assert!(tx > CHART_X + (CHART_RIGHT - CHART_X) * 0.49 && tx < CHART_X + (CHART_RIGHT - CHART_X) * 0.51);
        assert!(layout(date!(2026 - 01 - 01), date!(2030 - 01 - 01), vec![], &[]).today_x.is_none());
    }

    #[test]
    fn bars_diamonds_classes_and_overdue() {
        use Acceptance::*;
        use CommitmentStatus::*;
        let today = date!(2026 - 06 - 01);
        let goals = vec![GoalIn {
            title: "Grow".into(),
            commitments: vec![
                c(1, Some(date!(2026 - 02 - 01)), Some(date!(2026 - 04 - 30)), InProgress, Accepted),
                c(2, None, Some(date!(2026 - 03 - 01)), Open, Proposed),
                c(3, Some(date!(2025 - 10 - 01)), Some(date!(2027 - 06 - 01)), Open, Accepted),
                c(4, None, None, Open, Accepted),
                c(5, Some(date!(2026 - 01 - 01)), Some(date!(2026 - 02 - 01)), Done, Accepted),
            ],
        }];
        let t = layout(date!(2026 - 01 - 01), today, goals, &[]);
        let ids: Vec<i64> = t.rows.iter().map(|r| r.id).collect();
        assert_eq!(ids, [5, 2, 1, 3, 4], "by due date, undated last");
        let row = |id| t.rows.iter().find(|r| r.id == id).unwrap();
        assert_eq!(row(1).class, "in_progress");
        assert!(row(1).overdue && !row(5).overdue, "done work is never overdue");
        assert_eq!(row(2).class, "proposed");
        assert!(row(2).bar.as_ref().unwrap().diamond);
        let b3 = row(3).bar.as_ref().unwrap();
        assert!(b3.clipped_left && b3.clipped_right);
        assert_eq!(b3.x, CHART_X);
        assert!((b3.x + b3.w - CHART_RIGHT).abs() < 0.001);
        assert!(row(4).bar.is_none());
        assert_eq!(t.overdue, 2);
        assert_eq!(t.headings.len(), 1);
        assert_eq!(class_of(Some(Missed), Some(Accepted)), "missed");
        assert_eq!(class_of(None, Some(Declined)), "declined");
        assert_eq!(class_of(None, Some(DateProposed)), "date_proposed");
    }

    #[test]
    fn two_hundred_commitments_fit() {
        let start = date!(2026 - 01 - 01);
        let goals: Vec<GoalIn> = (0..10)
            .map(|g| GoalIn {
                title: format!("Goal {g}"),
                commitments: (0..20)
                    .map(|i| {
                        let n = g * 20 + i;
                        let s = start + time::Duration::days(n - 10);
                        let due = s + time::Duration::days(30 + n % 90);
                        let begin = if n % 7 == 0 { None } else { Some(s) };
                        c(n, begin, Some(due), CommitmentStatus::Open, Acceptance::Accepted)
                    })
                    .collect(),
            })
            .collect();
        let t = layout(start, date!(2026 - 05 - 01), goals, &[]);
        assert_eq!(t.rows.len(), 200);
        assert_eq!(t.headings.len(), 10);
        let mut last_y = 0.0;
        for r in &t.rows {
            assert!(r.y >= last_y + ROW_H || last_y == 0.0, "rows never overlap");
            last_y = r.y;
            let b = r.bar.as_ref().expect("every commitment is in the window");
            assert!(b.x >= CHART_X && b.x + b.w <= CHART_RIGHT + 0.001, "bar {} inside the chart", r.id);
        }
        assert!(t.height >= HEAD_H + LANE_H + 10.0 * GOAL_H + 200.0 * ROW_H);
    }
}
