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

use crate::plan_content::clip;
use crate::service::PlanBundle;
use crate::views;

pub struct TimelinePicture {
    pub svg: String,
    pub rows: usize,
    pub overdue: usize,
}

struct RowView {
    y: f64,
    stripe: bool,
    label: String,
    label_fill: &'static str,
    tooltip: String,
    bar: Option<BarView>,
    /// "no due date" or "outside these 12 months".
    note: &'static str,
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
    title: String,
}

#[derive(Template)]
#[template(path = "timeline.svg", escape = "html")]
struct TimelineSvg {
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

fn class_label(class: &str) -> &'static str {
    match class {
        "open" => "Accepted, open",
        "in_progress" => "In progress",
        "done" => "Done",
        "missed" => "Missed",
        "proposed" => "Proposed, not accepted yet",
        "date_proposed" => "Another date proposed",
        _ => "Declined",
    }
}

fn commitments_of(t: &TreeNode, b: &PlanBundle, out: &mut Vec<CommitmentIn>) {
    for c in &t.children {
        if c.node.kind == NodeKind::Commitment {
            let n = &c.node;
            out.push(CommitmentIn {
                id: n.id.get(),
                title: n.title.clone(),
                owner: b.user_name(n.owner_id).unwrap_or("no owner").to_string(),
                start: n.start_date,
                due: n.due_date,
                status: n.status,
                acceptance: n.acceptance,
            });
        }
        commitments_of(c, b, out);
    }
}

/// The timeline of a plan's commitments and reviews, as of `today`.
pub fn plan_timeline(b: &PlanBundle, today: Date) -> TimelinePicture {
    let goals: Vec<GoalIn> = b
        .tree
        .iter()
        .map(|g| {
            let mut commitments = Vec::new();
            commitments_of(g, b, &mut commitments);
            GoalIn { title: g.node.title.clone(), commitments }
        })
        .filter(|g| !g.commitments.is_empty())
        .collect();
    let reviews: Vec<ReviewIn> = b
        .review_marks
        .iter()
        .map(|r| ReviewIn {
            date: r.review_date,
            label: match r.kind.as_str() {
                "management" => "Management review".into(),
                "customer" => "Customer joint review".into(),
                _ => "Team review".into(),
            },
            held: r.held_at.is_some(),
        })
        .collect();
    let t = timeline::layout(b.plan.period_start, today, goals, &reviews);
    TimelinePicture { svg: render(&t, &b.plan.title), rows: t.rows.len(), overdue: t.overdue }
}

fn render(t: &Timeline, plan_title: &str) -> String {
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (fill, stroke, dash) = colours(r.class);
            let mid = r.y + timeline::ROW_H / 2.0;
            let dates = match (r.start, r.due) {
                (Some(s), Some(d)) => format!("{} → {}", views::date(s), views::date(d)),
                (None, Some(d)) => format!("due {}", views::date(d)),
                _ => "no due date".into(),
            };
            let overdue = if r.overdue { " · OVERDUE" } else { "" };
            let status = class_label(r.class);
            RowView {
                y: r.y,
                stripe: i % 2 == 1,
                label: clip(&r.title, 40),
                label_fill: if r.overdue { "#c53030" } else { "#1b2430" },
                tooltip: format!("{} — {}, {dates} · {status}{overdue}", r.title, r.owner),
                note: match (&r.bar, r.due) {
                    (Some(_), _) => "",
                    (None, None) => "no due date",
                    (None, Some(_)) => "outside these 12 months",
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
        width: t.width,
        height: t.height,
        chart_x: timeline::CHART_X,
        chart_right: timeline::CHART_RIGHT,
        head_h: timeline::HEAD_H,
        lane_h: timeline::LANE_H,
        row_h: timeline::ROW_H,
        goal_h: timeline::GOAL_H,
        title: format!("Timeline of {}: {} commitments, {} overdue", plan_title, t.rows.len(), t.overdue),
        ticks: t.ticks.iter().map(|k| TickView { x: k.x, label: k.label.clone(), bold: k.year_start }).collect(),
        reviews: t
            .reviews
            .iter()
            .map(|r| ReviewView {
                x: r.x,
                fill: if r.held { "#6b46c1" } else { "#ffffff" },
                tooltip: format!("{}, {}{}", r.label, views::date(r.date), if r.held { " (held)" } else { "" }),
            })
            .collect(),
        headings: t.headings.iter().map(|h| HeadingView { y: h.y, title: clip(&h.title, 70) }).collect(),
        empty: t.rows.is_empty(),
        rows,
        today_x: t.today_x,
    };
    page.render().unwrap_or_default()
}
