//! The KPI scorecard card of the plan page: each KPI with its progress to
//! target, a sparkline of its actuals and who recorded them.

use crate::views::{self, FormView, Opt};
use keyplan_app::bundle::PlanBundle;
use keyplan_app::bundle::clip;
use keyplan_app::kpis::KpiProgress;
use keyplan_domain::kpi::{ActualInput, KpiInput, Period};
use keyplan_domain::validate::format_date;
use keyplan_i18n::{Arg, Tr};
use std::fmt::Write;

pub struct ActualRow {
    pub id: i64,
    pub period: String,
    pub value: String,
    pub note: String,
    pub recorded: String,
}

pub struct KpiCard {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub period_label: String,
    /// "12 → 20 by 31 Dec 2026".
    pub journey: String,
    pub latest: String,
    pub latest_period: String,
    /// 0..=100, for the bar.
    pub percent: u32,
    pub progress_label: String,
    /// "62% to target".
    pub to_target: String,
    pub status: &'static str,
    pub status_label: String,
    pub sparkline: String,
    pub goal_title: String,
    pub goal_id: i64,
    pub actuals: Vec<ActualRow>,
    pub first: bool,
    pub last: bool,
    pub edit: FormView,
    pub record: FormView,
}

pub struct ScorecardView {
    pub cards: Vec<KpiCard>,
    pub add: FormView,
    pub goal_opts: Vec<Opt>,
    pub period_opts: Vec<Opt>,
}

impl ScorecardView {
    /// "Share of wallet — 62% to target" for each KPI measuring the goal.
    pub fn measures(&self, goal: &i64) -> Vec<String> {
        self.cards.iter().filter(|c| c.goal_id == *goal).map(|c| format!("{} — {}", c.name, c.to_target)).collect()
    }
}

/// The KPI and actual forms that came back with errors (0 for the add form,
/// else the KPI's id): the scorecard shows them in place.
pub struct KpiForms<'a> {
    pub kpi: &'a mut Option<(i64, FormView)>,
    pub actual: &'a mut Option<(i64, FormView)>,
}

/// The scorecard of the plan page, its texts in `t`'s language.
pub fn scorecard_in(b: &PlanBundle, forms: KpiForms<'_>, t: Tr) -> ScorecardView {
    let all = b.kpi_progress();
    let count = all.len();
    let goals = b.goals();
    let cards = all
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let k = p.kpi;
            let unit = k.unit.clone().unwrap_or_default();
            let fig = |v: Option<f64>| v.map(|v| with_unit(v, &unit, t)).unwrap_or_else(|| "?".into());
            let journey = match k.target_date {
                Some(d) => {
                    t.a("kpi-journey-by", &[("from", fig(k.baseline).arg()), ("to", fig(k.target).arg()), ("date", t.date(d).arg())])
                }
                None => t.s2("kpi-journey", "from", fig(k.baseline), "to", fig(k.target)),
            };
            let mut edit = match &forms.kpi {
                Some((id, _)) if *id == k.id.get() => forms.kpi.take().map(|(_, f)| f).unwrap_or_default(),
                _ => FormView::from_input(&keyplan_app::kpis::kpi_to_input(k), k.version),
            };
            edit.localise(t);
            let mut record = match &forms.actual {
                Some((id, _)) if *id == k.id.get() => forms.actual.take().map(|(_, f)| f).unwrap_or_default(),
                _ => FormView::from_input(
                    &ActualInput { period_start: format_date(keyplan_app::kpis::current_period(k)), ..Default::default() },
                    0,
                ),
            };
            record.localise(t);
            let progress_label = progress_label(p, t);
            let goal = k.goal_id.and_then(|g| goals.iter().find(|n| n.id == g));
            KpiCard {
                id: k.id.get(),
                name: k.name.clone(),
                period_label: t.enum_label("kpi-period", p.period.as_str()),
                journey,
                latest: p.latest.map(|a| with_unit(a.value, &unit, t)).unwrap_or_default(),
                latest_period: p.latest.map(|a| t.period(p.period, a.period_start)).unwrap_or_default(),
                unit,
                percent: p.progress.map(|x| (x * 100.0).round() as u32).unwrap_or(0),
                to_target: t.s1("kpi-to-target", "progress", &progress_label),
                progress_label,
                status: p.judgement.as_str(),
                status_label: t.enum_label("kpi-judgement", p.judgement.as_str()),
                sparkline: sparkline(p, t),
                goal_title: goal.map(|g| clip(&g.title, 60)).unwrap_or_default(),
                goal_id: goal.map(|g| g.id.get()).unwrap_or(0),
                actuals: p
                    .actuals
                    .iter()
                    .rev()
                    .map(|a| ActualRow {
                        id: a.id.get(),
                        period: t.period(p.period, a.period_start),
                        value: figure(a.value, t),
                        note: a.note.clone().unwrap_or_default(),
                        recorded: t.s2(
                            "kpi-recorded",
                            "name",
                            b.user_name(a.recorded_by).unwrap_or("—"),
                            "date",
                            t.date(a.recorded_at.date()),
                        ),
                    })
                    .collect(),
                first: i == 0,
                last: i + 1 == count,
                edit,
                record,
            }
        })
        .collect();
    let mut add = match &forms.kpi {
        Some((0, _)) => forms.kpi.take().map(|(_, f)| f).unwrap_or_default(),
        _ => FormView::from_input(&KpiInput { period: "quarter".into(), ..Default::default() }, 0),
    };
    add.localise(t);
    ScorecardView {
        cards,
        add,
        goal_opts: goals.iter().map(|g| Opt::new(g.id, clip(&g.title, 80))).collect(),
        period_opts: [Period::Quarter, Period::Month]
            .iter()
            .map(|p| Opt::new(p.as_str(), t.enum_label("kpi-period", p.as_str())))
            .collect(),
    }
}

/// A recorded or target figure: as before in English (`1234.5`), in the
/// language's own way otherwise (`1.234,5`).
pub fn figure(v: f64, t: Tr) -> String {
    if t.lang == keyplan_domain::Lang::En { views::figure(v) } else { t.num(v) }
}

pub(crate) fn with_unit(v: f64, unit: &str, t: Tr) -> String {
    match unit {
        "" => figure(v, t),
        "%" if t.lang == keyplan_domain::Lang::En => format!("{}%", figure(v, t)),
        "%" => format!("{}\u{a0}%", figure(v, t)),
        u => format!("{} {u}", figure(v, t)),
    }
}

/// "62%" / "62 %" or "—".
fn progress_label(p: &KpiProgress<'_>, t: Tr) -> String {
    if t.lang == keyplan_domain::Lang::En { p.progress_label() } else { t.pct(p.progress) }
}

/// A 120×32 picture of the actuals (line and dots) against the target (dashed)
/// and the baseline (dotted). Numbers only: nothing to escape.
fn sparkline(p: &KpiProgress<'_>, t: Tr) -> String {
    const W: f64 = 120.0;
    const H: f64 = 32.0;
    const PAD: f64 = 4.0;
    let values: Vec<f64> = p.actuals.iter().map(|a| a.value).collect();
    let mut all: Vec<f64> = values.clone();
    all.extend(p.kpi.baseline);
    all.extend(p.kpi.target);
    // The label is ours, not the user's: no characters to escape in it.
    let mut svg = format!(
        r##"<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" role="img" aria-label="{}">"##,
        t.s1("kpi-spark-label", "count", values.len())
    );
    if all.is_empty() {
        svg.push_str("</svg>");
        return svg;
    }
    let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = if (hi - lo).abs() < f64::EPSILON { 1.0 } else { hi - lo };
    let y = |v: f64| PAD + (hi - v) / span * (H - 2.0 * PAD);
    let slots = values.len().max(2) - 1;
    let x = |i: usize| PAD + i as f64 * (W - 2.0 * PAD) / slots as f64;
    if let Some(t) = p.kpi.target {
        let _ = write!(
            svg,
            r##"<line x1="0" x2="{W}" y1="{0:.1}" y2="{0:.1}" stroke="#2f855a" stroke-width="1" stroke-dasharray="4 3"/>"##,
            y(t)
        );
    }
    if let Some(b) = p.kpi.baseline {
        let _ = write!(
            svg,
            r##"<line x1="0" x2="{W}" y1="{0:.1}" y2="{0:.1}" stroke="#a0aec0" stroke-width="1" stroke-dasharray="1 2"/>"##,
            y(b)
        );
    }
    let colour = match p.judgement.as_str() {
        "behind" => "#c53030",
        "ahead" => "#2f855a",
        _ => "#2b6cb0",
    };
    if values.len() > 1 {
        let pts: Vec<String> = values.iter().enumerate().map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v))).collect();
        let _ = write!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="1.8" stroke-linejoin="round"/>"#,
            pts.join(" ")
        );
    }
    for (i, v) in values.iter().enumerate() {
        let r = if i + 1 == values.len() { 3.0 } else { 1.8 };
        let _ = write!(svg, r#"<circle cx="{:.1}" cy="{:.1}" r="{r}" fill="{colour}"/>"#, x(i), y(*v));
    }
    svg.push_str("</svg>");
    svg
}
