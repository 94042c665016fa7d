//! The plan's 12-month timeline as a standalone SVG picture: commitments as bars
//! (start to due) or diamonds (due only) under their goals, coloured by acceptance
//! and status, overdue work outlined in red, reviews on the top lane and today's
//! line. The layout is `keyplan_domain::timeline`; this draws it.
//!
//! Presentation attributes only (no `<style>`, no script); all text goes through
//! askama's HTML escaping.

use askama::Template;
use keyplan_domain::timeline::{self, CommitmentIn, GoalIn, ReviewIn, Timeline};
use keyplan_domain::tree::{NodeKind, TreeNode};
use time::Date;

use keyplan_app::bundle::PlanBundle;
use keyplan_app::bundle::clip;
use keyplan_i18n::Tr;

pub struct TimelinePicture {
    pub svg: String,
    pub rows: usize,
    pub overdue: usize,
    /// The reviews on the picture's review lane.
    pub reviews: usize,
}

impl TimelinePicture {
    /// Nothing dated: no commitment with a date and no review (no empty timeline).
    pub fn is_empty(&self) -> bool {
        self.rows == 0 && self.reviews == 0
    }
}

struct RowView {
    y: f64,
    stripe: bool,
    label: String,
    label_fill: &'static str,
    tooltip: String,
    bar: Option<BarView>,
    /// "no due date" or "outside these 12 months".
    note: String,
}

struct BarView {
    x: f64,
    w: f64,
    diamond: bool,
    points: String,
    fill: &'static str,
    stroke: &'static str,
    stroke_width: f64,
    dash: &'static str,
    overdue: bool,
}

struct TickView {
    x: f64,
    label: String,
    bold: bool,
}

struct ReviewView {
    x: f64,
    fill: &'static str,
    tooltip: String,
}

struct HeadingView {
    y: f64,
    /// Clipped to stay left of the chart (bold 12 px, about 7 px a letter, in 270 px).
    title: String,
    full: String,
}

#[derive(Template)]
#[template(path = "timeline.svg", escape = "html")]
struct TimelineSvg {
    t: Tr,
    width: f64,
    height: f64,
    chart_x: f64,
    chart_right: f64,
    head_h: f64,
    lane_h: f64,
    row_h: f64,
    goal_h: f64,
    title: String,
    ticks: Vec<TickView>,
    reviews: Vec<ReviewView>,
    headings: Vec<HeadingView>,
    rows: Vec<RowView>,
    today_x: Option<f64>,
    empty: bool,
}

/// (fill, stroke, dash) per class.
fn colours(class: &str) -> (&'static str, &'static str, &'static str) {
    match class {
        "open" => ("#bee3f8", "#2b6cb0", ""),
        "in_progress" => ("#3182ce", "#2c5282", ""),
        "done" => ("#48bb78", "#276749", ""),
        "missed" => ("#fc8181", "#9b2c2c", ""),
        "proposed" => ("#fffaf0", "#c05621", "4 3"),
        "date_proposed" => ("#fefcbf", "#b7791f", "4 3"),
        _ => ("#edf2f7", "#a0aec0", "2 3"),
    }
}

fn class_label(class: &str, t: Tr) -> String {
    match class {
        "open" | "in_progress" | "done" | "missed" | "proposed" | "date_proposed" => t.enum_label("timeline-class", class),
        _ => t.s("timeline-class-declined"),
    }
}

fn commitments_of(t: &TreeNode, b: &PlanBundle, tr: Tr, out: &mut Vec<CommitmentIn>) {
    for c in &t.children {
        if c.node.kind() == NodeKind::Commitment {
            let n = &c.node;
            out.push(CommitmentIn {
                id: n.id.get(),
                title: n.title.clone(),
                owner: b.user_name(n.owner_id()).map(str::to_string).unwrap_or_else(|| tr.s("timeline-no-owner")),
                start: n.start_date(),
                due: n.due_date(),
                status: n.status(),
                acceptance: n.acceptance(),
            });
        }
        commitments_of(c, b, tr, out);
    }
}

/// The timeline of a plan's commitments and reviews, as of `today` (in English).
pub fn plan_timeline(b: &PlanBundle, today: Date) -> TimelinePicture {
    plan_timeline_in(b, today, Tr::default())
}

/// [`plan_timeline`] with its texts, months and dates in `t`'s language.
pub fn plan_timeline_in(b: &PlanBundle, today: Date, tr: Tr) -> TimelinePicture {
    let goals: Vec<GoalIn> = b
        .tree
        .iter()
        .map(|g| {
            let mut commitments = Vec::new();
            commitments_of(g, b, tr, &mut commitments);
            GoalIn { title: g.node.title.clone(), commitments }
        })
        .filter(|g| !g.commitments.is_empty())
        .collect();
    let reviews: Vec<ReviewIn> = b
        .review_marks()
        .iter()
        .map(|r| ReviewIn {
            date: r.review_date,
            label: match r.kind.as_str() {
                "management" | "customer" => tr.enum_label("review-kind", r.kind.as_str()),
                _ => tr.s("review-kind-team"),
            },
            held: r.held_at.is_some(),
        })
        .collect();
    let t = timeline::layout(b.plan.period_start, today, goals, &reviews);
    TimelinePicture {
        svg: render(&t, &b.plan.title, b.plan.period_start, tr),
        rows: t.rows.len(),
        overdue: t.overdue,
        reviews: reviews.len(),
    }
}

/// The label of the month tick `i` of a timeline starting in `start`'s month:
/// `Jan 26`, `Feb` / `Jan 26`, `Feb`, `Mär`.
fn tick_label(start: Date, i: i32, year_start: bool, english: &str, tr: Tr) -> String {
    if tr.lang == keyplan_domain::Lang::En {
        return english.to_string();
    }
    let m = keyplan_domain::review::add_months(start.replace_day(1).unwrap_or(start), i);
    let short: String = keyplan_domain::lang::month_name(m.month(), tr.lang).chars().take(3).collect();
    if year_start { format!("{short} {}", m.year() % 100) } else { short }
}

fn render(t: &Timeline, plan_title: &str, period_start: Date, tr: Tr) -> String {
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (fill, stroke, dash) = colours(r.class);
            let mid = r.y + timeline::ROW_H / 2.0;
            let dates = match (r.start, r.due) {
                (Some(s), Some(d)) => format!("{} → {}", tr.date(s), tr.date(d)),
                (None, Some(d)) => tr.s1("timeline-due", "date", tr.date(d)),
                _ => tr.s("timeline-no-due-date"),
            };
            let overdue = if r.overdue { format!(" · {}", tr.s("timeline-overdue-mark")) } else { String::new() };
            let status = class_label(r.class, tr);
            RowView {
                y: r.y,
                stripe: i % 2 == 1,
                label: clip(&r.title, 40),
                label_fill: if r.overdue { "#c53030" } else { "#1b2430" },
                tooltip: format!("{} — {}, {dates} · {status}{overdue}", r.title, r.owner),
                note: match (&r.bar, r.due) {
                    (Some(_), _) => String::new(),
                    (None, None) => tr.s("timeline-no-due-date"),
                    (None, Some(_)) => tr.s("timeline-outside"),
                },
                bar: r.bar.as_ref().map(|b| BarView {
                    x: b.x,
                    w: b.w,
                    diamond: b.diamond,
                    points: format!(
                        "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                        b.x,
                        mid - 7.0,
                        b.x + 7.0,
                        mid,
                        b.x,
                        mid + 7.0,
                        b.x - 7.0,
                        mid
                    ),
                    fill,
                    stroke: if b.overdue { "#c53030" } else { stroke },
                    stroke_width: if b.overdue { 2.2 } else { 1.0 },
                    dash: if b.overdue { "" } else { dash },
                    overdue: b.overdue,
                }),
            }
        })
        .collect();
    let page = TimelineSvg {
        t: tr,
        width: t.width,
        height: t.height,
        chart_x: timeline::CHART_X,
        chart_right: timeline::CHART_RIGHT,
        head_h: timeline::HEAD_H,
        lane_h: timeline::LANE_H,
        row_h: timeline::ROW_H,
        goal_h: timeline::GOAL_H,
        title: tr.s3("timeline-svg-title", "plan", plan_title, "count", t.rows.len(), "overdue", t.overdue),
        ticks: t
            .ticks
            .iter()
            .enumerate()
            .map(|(i, k)| TickView { x: k.x, label: tick_label(period_start, i as i32, k.year_start, &k.label, tr), bold: k.year_start })
            .collect(),
        reviews: t
            .reviews
            .iter()
            .map(|r| ReviewView {
                x: r.x,
                fill: if r.held { "#6b46c1" } else { "#ffffff" },
                tooltip: if r.held {
                    format!("{}, {} {}", r.label, tr.date(r.date), tr.s("timeline-review-held"))
                } else {
                    format!("{}, {}", r.label, tr.date(r.date))
                },
            })
            .collect(),
        headings: t.headings.iter().map(|h| HeadingView { y: h.y, title: clip(&h.title, 36), full: h.title.clone() }).collect(),
        empty: t.rows.is_empty(),
        rows,
        today_x: t.today_x,
    };
    page.render().unwrap_or_default()
}

#[cfg(test)]
mod i18n_tests {
    use keyplan_domain::Lang;
    use time::macros::date;

    use super::*;

    #[test]
    fn i18n_month_ticks_and_labels() {
        let (de, en) = (Tr::new(Lang::De), Tr::new(Lang::En));
        let start = date!(2026 - 11 - 23);
        assert_eq!(tick_label(start, 0, true, "Nov 26", de), "Nov 26");
        assert_eq!(tick_label(start, 1, false, "Dec", de), "Dez");
        assert_eq!(tick_label(start, 2, true, "Jan 27", de), "Jan 27");
        assert_eq!(tick_label(start, 4, false, "Mar", de), "Mär");
        assert_eq!(tick_label(start, 1, false, "Dec", en), "Dec");
        assert_eq!(class_label("open", en), "Accepted, open");
        assert_eq!(class_label("anything", en), "Declined");
        assert_eq!(class_label("date_proposed", de), "Anderer Termin vorgeschlagen");
    }
}
