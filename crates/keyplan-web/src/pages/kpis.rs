//! The KPI scorecard on the plan page: each KPI with its progress to target, a
//! sparkline of its actuals, who recorded them, and the forms that write them.

use std::fmt::Write;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::kpi::{ActualInput, KpiInput, Period};
use keyplan_domain::validate::format_date;
use keyplan_domain::{KpiActualId, KpiId, PlanId};
use serde::Deserialize;

use super::plan_sections::SectionForms;
use super::plans::{PlanForms, plan_page};
use super::{form_version, path_id, redirect_with};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::views::{self, FormView, Opt};
use crate::{AppError, AppState};
use keyplan_app::bundle::PlanBundle;
use keyplan_app::bundle::clip;
use keyplan_app::kpis::KpiProgress;
use keyplan_i18n::{Arg, Tr};

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

/// The scorecard of the plan page, its texts in `t`'s language.
pub fn scorecard_in(b: &PlanBundle, forms: &mut SectionForms, t: Tr) -> ScorecardView {
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
fn figure(v: f64, t: Tr) -> String {
    if t.lang == keyplan_domain::Lang::En { views::figure(v) } else { t.num(v) }
}

fn with_unit(v: f64, unit: &str, t: Tr) -> String {
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

/// The translator for a flash message: the request's language.
fn tr() -> Tr {
    Tr::new(crate::lang::current())
}

// --- forms ------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct KpiForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: KpiInput,
}

async fn rerender(
    state: &AppState,
    auth: &crate::auth::Auth,
    headers: &HeaderMap,
    plan: PlanId,
    s: SectionForms,
) -> Result<Response, PageError> {
    plan_page(state, auth, headers, plan, PlanForms { sections: s, ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
}

pub async fn add_kpi(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<KpiForm>,
) -> Result<Response, PageError> {
    let plan = PlanId::new(path_id(&id)?);
    match keyplan_app::kpis::create_kpi(&state.store, &auth, plan, &form.input).await {
        Ok(k) => Ok(redirect_with(&format!("/plans/{plan}#kpi-{}", k.id), &tr().s("kpi-added"))),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, 0).with_errors(&errors);
            rerender(&state, &auth, &headers, plan, SectionForms { kpi: Some((0, f)), ..Default::default() }).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_kpi(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<KpiForm>,
) -> Result<Response, PageError> {
    let id = KpiId::new(path_id(&id)?);
    let version = form_version(&form.version)?;
    let current = state.store.kpi(auth.org(), id).await?;
    let plan = current.plan_id;
    let f = match keyplan_app::kpis::update_kpi(&state.store, &auth, id, version, &form.input).await {
        Ok(k) => return Ok(redirect_with(&format!("/plans/{plan}#kpi-{}", k.id), &tr().s("kpi-saved"))),
        Err(AppError::Validation(errors)) => FormView::from_input(&form.input, version).with_errors(&errors),
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.kpi(auth.org(), id).await?;
            FormView::conflicted(&keyplan_app::kpis::kpi_to_input(&stored), &form.input, current_version)
        }
        Err(e) => return Err(e.into()),
    };
    rerender(&state, &auth, &headers, plan, SectionForms { kpi: Some((id.get(), f)), ..Default::default() }).await
}

pub async fn delete_kpi(State(state): State<AppState>, PageUser(auth): PageUser, Path(id): Path<String>) -> Result<Response, PageError> {
    let k = keyplan_app::kpis::delete_kpi(&state.store, &auth, KpiId::new(path_id(&id)?)).await?;
    Ok(redirect_with(&format!("/plans/{}#scorecard", k.plan_id), &tr().s1("kpi-deleted", "name", clip(&k.name, 60))))
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

pub async fn move_kpi(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let k = keyplan_app::kpis::move_kpi(&state.store, &auth, KpiId::new(path_id(&id)?), form.direction != "down").await?;
    Ok(redirect_with(&format!("/plans/{}#kpi-{}", k.plan_id, k.id), &tr().s("kpi-moved")))
}

#[derive(Deserialize)]
pub struct ActualForm {
    #[serde(flatten)]
    input: ActualInput,
}

/// Records a value from the page: the form names any day of the period; what is
/// stored for that period is overwritten (the table above the form shows it).
pub async fn record_actual(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<ActualForm>,
) -> Result<Response, PageError> {
    let id = KpiId::new(path_id(&id)?);
    let k = state.store.kpi(auth.org(), id).await?;
    let period = k.period;
    let stored = state.store.kpi_actuals(auth.org(), k.plan_id).await?;
    let version = form
        .input
        .validate(period)
        .ok()
        .and_then(|d| stored.iter().find(|a| a.kpi_id == id && a.period_start == d.period_start).map(|a| a.version))
        .unwrap_or(0);
    match keyplan_app::kpis::record_actual(&state.store, &auth, id, version, &form.input).await {
        Ok(a) => Ok(redirect_with(
            &format!("/plans/{}#kpi-{id}", k.plan_id),
            &tr().s2("kpi-value-recorded", "value", figure(a.value, tr()), "period", tr().period(period, a.period_start)),
        )),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, 0).with_errors(&errors);
            rerender(&state, &auth, &headers, k.plan_id, SectionForms { actual: Some((id.get(), f)), ..Default::default() }).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_actual(State(state): State<AppState>, PageUser(auth): PageUser, Path(id): Path<String>) -> Result<Response, PageError> {
    let a = keyplan_app::kpis::delete_actual(&state.store, &auth, KpiActualId::new(path_id(&id)?)).await?;
    let k = state.store.kpi(auth.org(), a.kpi_id).await?;
    Ok(redirect_with(&format!("/plans/{}#kpi-{}", k.plan_id, k.id), &tr().s("kpi-value-removed")))
}

#[cfg(test)]
mod i18n_tests {
    use keyplan_domain::Lang;
    use keyplan_domain::kpi::Judgement;
    use time::macros::date;

    use super::*;

    #[test]
    fn i18n_english_kpi_labels_match_the_domain() {
        let en = Tr::new(Lang::En);
        for j in [Judgement::OnTrack, Judgement::Behind, Judgement::Ahead, Judgement::Unknown] {
            assert_eq!(en.enum_label("kpi-judgement", j.as_str()), j.label());
        }
        for p in [Period::Month, Period::Quarter] {
            assert_eq!(en.enum_label("kpi-period", p.as_str()), p.label());
            assert_eq!(en.period(p, date!(2027 - 03 - 01)), p.label_of(date!(2027 - 03 - 01)));
        }
        assert_eq!(with_unit(1234.5, "%", en), "1234.5%");
    }

    #[test]
    fn i18n_german_periods_and_figures() {
        let de = Tr::new(Lang::De);
        assert_eq!(de.period(Period::Month, date!(2027 - 03 - 01)), "März 2027");
        assert_eq!(de.period(Period::Quarter, date!(2027 - 04 - 01)), "Q2 2027");
        assert_eq!(with_unit(1234.5, "EUR k", de), "1.234,5 EUR k");
        assert_eq!(with_unit(12.0, "%", de), "12\u{a0}%");
    }
}
