//! The plan coach where the team works (issue 12, point 6): the coach panel of
//! the plan page (score, excellence level with what the next level lacks, the
//! score at held reviews, the findings by severity, each linking to what it is
//! about), the markers next to the nodes, items and sections a finding names,
//! the same panel on the story view, and the score with the blockers in the
//! management briefing. Never on anything the customer reads.
//!
//! The coach runs over the bundle the page already holds
//! ([`keyplan_app::coach::coach_of_bundle`]): a page adds the organisation's
//! rule settings and the ladder's evidence, a fixed three statements ([`load`]).

use std::collections::HashMap;
use std::fmt::Write as _;

use keyplan_app::bundle::PlanBundle;
use keyplan_app::coach::{CoachReport, TrendPoint};
use keyplan_domain::coach::{Finding, Ladder, RuleId, Severity, TargetKind};
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::NodeKind;
use keyplan_i18n::Tr;
use keyplan_store::Review;

use crate::AppError;
use crate::AppState;
use crate::error::PageError;

/// One finding as the page lists it.
pub struct FindingView {
    pub rule: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub hint: String,
    /// Where the part it is about is shown: an anchor on the plan page
    /// (`#node-12`, `/plans/4#item-7` from elsewhere) or its own page (`/contacts/3`).
    pub href: String,
}

/// The findings of one severity: the first [`SHOWN`] listed, the rest folded away.
pub struct FindingGroup {
    pub severity: &'static str,
    pub label: String,
    pub findings: Vec<FindingView>,
    pub more: Vec<FindingView>,
}

impl FindingGroup {
    pub fn count(&self) -> usize {
        self.findings.len() + self.more.len()
    }
}

/// How many findings of one severity the panel lists before folding the rest
/// away: a large plan can have hundreds, and the plan comes first.
pub const SHOWN: usize = 6;

/// The marker next to a node, item or section the coach has findings about:
/// the worst severity, and every message as its title.
pub struct Marker {
    pub severity: &'static str,
    pub title: String,
    pub count: usize,
}

/// One held review's score in the trend.
pub struct TrendStep {
    pub date: String,
    pub score: String,
}

/// What the coach panel shows.
pub struct CoachPanel {
    /// The score with one decimal, in the reader's language.
    pub score: String,
    /// The score rounded to a whole number, for the ring.
    pub percent: u32,
    /// `good`, `fair` or `poor`: the ring's colour.
    pub band: &'static str,
    pub level: u8,
    pub level_title: String,
    /// The next level's number and name; 0 and empty at the top.
    pub next_level: u8,
    pub next_title: String,
    /// Exactly what the next level lacks.
    pub missing: Vec<String>,
    /// Blockers, warnings and hints, each only when there are any.
    pub groups: Vec<FindingGroup>,
    pub count: usize,
    /// Whether the page shows the score at held reviews.
    pub show_trend: bool,
    pub trend: Vec<TrendStep>,
    pub trend_svg: String,
    marks: HashMap<String, Marker>,
}

impl CoachPanel {
    /// The marker of a node, item or KPI (`kind` as a target kind: `node`, `item`, `kpi`).
    pub fn mark(&self, kind: impl std::fmt::Display, id: impl std::fmt::Display) -> Option<&Marker> {
        self.marks.get(&format!("{kind}:{id}"))
    }

    /// The marker of a section, by its key.
    pub fn section_mark(&self, key: impl std::fmt::Display) -> Option<&Marker> {
        self.marks.get(&format!("section:{key}"))
    }

    /// Every blocker (the management briefing lists only these).
    pub fn blockers(&self) -> Vec<&FindingView> {
        self.groups.iter().filter(|g| g.severity == Severity::Blocker.as_str()).flat_map(|g| g.findings.iter().chain(&g.more)).collect()
    }

    pub fn has_blockers(&self) -> bool {
        !self.blockers().is_empty()
    }
}

/// The coach over a loaded plan: the organisation's settings and the ladder's
/// evidence side by side (three statements, whatever the plan's size).
pub async fn load(state: &AppState, b: &PlanBundle) -> Result<CoachReport, PageError> {
    let org = b.plan.org_id;
    let today = keyplan_app::today();
    let (settings, evidence) = tokio::try_join!(
        async { state.store.coach_settings(org).await.map_err(AppError::from) },
        keyplan_app::coach::gather_evidence(&state.store, org, b, today)
    )?;
    Ok(keyplan_app::coach::coach_of_bundle(b, &settings, &evidence, today))
}

/// The score and level kept with each held review, oldest first (as
/// `keyplan_app::coach::score_trend` answers it), from reviews already loaded.
pub fn trend_of(reviews: &[Review]) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = reviews
        .iter()
        .filter(|r| r.is_held())
        .filter_map(|r| {
            Some(TrendPoint { review_id: r.id, kind: r.kind, date: r.review_date, score: r.coach_score?, level: r.coach_level? })
        })
        .collect();
    points.sort_by_key(|p| (p.date, p.review_id));
    points
}

/// Where the parts of the plan are shown on its page.
struct Places<'a> {
    /// Prefix of anchors: empty on the plan page itself, `/plans/4` elsewhere.
    base: &'a str,
    tree: bool,
    goals: bool,
    actions: bool,
    kpis: bool,
    kinds: HashMap<String, NodeKind>,
}

impl<'a> Places<'a> {
    fn new(b: &PlanBundle, base: &'a str) -> Self {
        let has = |k: SectionKind| b.doc.sections.iter().any(|s| s.kind == k);
        Places {
            base,
            tree: has(SectionKind::ConstraintTree),
            goals: has(SectionKind::Goals),
            actions: has(SectionKind::ActionPlan),
            kpis: has(SectionKind::KpiScorecard),
            kinds: b.all_nodes().into_iter().map(|n| (n.id.to_string(), n.kind())).collect(),
        }
    }

    fn href(&self, f: &Finding) -> String {
        let (base, id) = (self.base, f.target.id.as_str());
        match f.target.kind {
            TargetKind::Contact => format!("/contacts/{id}"),
            TargetKind::Review => format!("/reviews/{id}"),
            TargetKind::Item => format!("{base}#item-{id}"),
            TargetKind::Section => format!("{base}#s-{id}"),
            TargetKind::Kpi if self.kpis => format!("{base}#kpi-{id}"),
            TargetKind::Node => match self.kinds.get(id) {
                Some(_) if self.tree => format!("{base}#node-{id}"),
                Some(NodeKind::Goal) if self.goals => format!("{base}#goal-{id}"),
                Some(NodeKind::Commitment) if self.actions => format!("{base}#action-{id}"),
                _ => format!("{base}#contents"),
            },
            TargetKind::Plan if f.rule == RuleId::ReviewOverdue => format!("{base}?tab=reviews#reviews"),
            TargetKind::Plan | TargetKind::Kpi => format!("{base}#contents"),
        }
    }
}

fn group_label(s: Severity) -> &'static str {
    match s {
        Severity::Blocker => "coach-panel-blockers",
        Severity::Warning => "coach-panel-warnings",
        Severity::Hint => "coach-panel-hints",
    }
}

/// The panel for `report` over the plan `b`; anchors prefixed with `base`
/// (empty on the plan page); `trend` as kept with held reviews, `None` where
/// the page does not show it.
pub fn panel(report: &CoachReport, b: &PlanBundle, base: &str, trend: Option<&[TrendPoint]>, t: Tr) -> CoachPanel {
    let places = Places::new(b, base);
    let mut marks: HashMap<String, Marker> = HashMap::new();
    let mut groups: Vec<FindingGroup> = Severity::ALL
        .iter()
        .map(|s| FindingGroup { severity: s.as_str(), label: t.s(group_label(*s)), findings: Vec::new(), more: Vec::new() })
        .collect();
    for f in &report.assessment.findings {
        let message = t.msg(&f.message);
        if f.target.kind != TargetKind::Plan {
            let line = t.s2("coach-panel-mark", "severity", t.msg(&f.severity.label()), "message", message.as_str());
            let key = format!("{}:{}", target_kind(f.target.kind), f.target.id);
            let m = marks.entry(key).or_insert(Marker { severity: f.severity.as_str(), title: String::new(), count: 0 });
            // Severities are declared worst first.
            if Severity::parse(m.severity).is_some_and(|s| f.severity < s) {
                m.severity = f.severity.as_str();
            }
            if !m.title.is_empty() {
                m.title.push('\n');
            }
            m.title.push_str(&line);
            m.count += 1;
        }
        let view =
            FindingView { rule: f.rule.as_str(), severity: f.severity.as_str(), message, hint: t.msg(&f.hint), href: places.href(f) };
        if let Some(g) = groups.iter_mut().find(|g| g.severity == f.severity.as_str()) {
            if g.findings.len() < SHOWN { g.findings.push(view) } else { g.more.push(view) }
        }
    }
    groups.retain(|g| !g.findings.is_empty());
    let score = report.assessment.score.rounded();
    let ladder = &report.ladder;
    let (next_level, next_title, missing) = match &ladder.next {
        Some(n) => (n.level, t.msg(&Ladder { level: n.level, next: None }.title()), n.missing.iter().map(|m| t.msg(m)).collect()),
        None => (0, String::new(), Vec::new()),
    };
    let points = trend.unwrap_or_default();
    CoachPanel {
        score: t.num(score),
        percent: score.round().clamp(0.0, 100.0) as u32,
        band: band(score),
        level: ladder.level,
        level_title: t.msg(&ladder.title()),
        next_level,
        next_title,
        missing,
        count: report.assessment.findings.len(),
        groups,
        show_trend: trend.is_some(),
        trend: points.iter().map(|p| TrendStep { date: t.date(p.date), score: t.num(p.score) }).collect(),
        trend_svg: sparkline(points),
        marks,
    }
}

fn target_kind(k: TargetKind) -> &'static str {
    match k {
        TargetKind::Plan => "plan",
        TargetKind::Node => "node",
        TargetKind::Item => "item",
        TargetKind::Section => "section",
        TargetKind::Contact => "contact",
        TargetKind::Review => "review",
        TargetKind::Kpi => "kpi",
    }
}

/// The colour band of a score: a blocker alone takes a plan below 85.
fn band(score: f64) -> &'static str {
    if score >= 85.0 {
        "good"
    } else if score >= 65.0 {
        "fair"
    } else {
        "poor"
    }
}

/// A small line of the scores at held reviews (decorative: the list beside it
/// says the same in words). Empty for fewer than two points.
fn sparkline(points: &[TrendPoint]) -> String {
    if points.len() < 2 {
        return String::new();
    }
    let (w, h, pad) = (132.0_f64, 36.0_f64, 4.0_f64);
    let lo = points.iter().map(|p| p.score).fold(f64::MAX, f64::min);
    let hi = points.iter().map(|p| p.score).fold(f64::MIN, f64::max);
    // At least ten points of range, so that a steady score draws a flat line mid-height.
    let (lo, hi) = if hi - lo < 10.0 { ((lo + hi) / 2.0 - 5.0, (lo + hi) / 2.0 + 5.0) } else { (lo, hi) };
    let step = (w - 2.0 * pad) / (points.len() - 1) as f64;
    let xy = |i: usize, s: f64| (pad + step * i as f64, h - pad - (s - lo) / (hi - lo) * (h - 2.0 * pad));
    let mut line = String::new();
    let mut dots = String::new();
    for (i, p) in points.iter().enumerate() {
        let (x, y) = xy(i, p.score);
        let _ = write!(line, "{}{x:.1},{y:.1}", if i == 0 { "" } else { " " });
        let _ = write!(dots, r#"<circle cx="{x:.1}" cy="{y:.1}" r="2.6"/>"#);
    }
    format!(
        r#"<svg class="coach-spark" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" focusable="false"><polyline points="{line}"/>{dots}</svg>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyplan_domain::ReviewId;
    use keyplan_domain::review::ReviewKind;
    use time::macros::date;

    fn point(day: u8, score: f64) -> TrendPoint {
        TrendPoint {
            review_id: ReviewId::new(i64::from(day)),
            kind: ReviewKind::Team,
            date: date!(2026 - 03 - 01).replace_day(day).unwrap(),
            score,
            level: 2,
        }
    }

    #[test]
    fn the_sparkline_draws_every_held_review_and_nothing_for_one() {
        assert_eq!(sparkline(&[point(1, 70.0)]), "");
        let svg = sparkline(&[point(1, 71.0), point(2, 84.0), point(3, 84.0)]);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("aria-hidden=\"true\""));
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        let flat = sparkline(&[point(1, 80.0), point(2, 80.0)]);
        assert!(!flat.contains("NaN"), "{flat}");
    }

    #[test]
    fn bands_follow_the_score() {
        assert_eq!(band(100.0), "good");
        assert_eq!(band(85.0 * 0.94), "fair");
        assert_eq!(band(40.0), "poor");
    }
}
