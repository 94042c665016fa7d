//! The KPI scorecard's forms: add, edit, delete and reorder KPIs, record actuals.

use super::plan::scorecard::figure;
use super::plan::sections::SectionForms;
use super::plan::{PlanForms, plan_page};
use super::{form_version, redirect_with};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::Id;
use crate::views::FormView;
use crate::{AppError, AppState};
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::bundle::clip;
use keyplan_domain::kpi::{ActualInput, KpiInput};
use keyplan_domain::{KpiActualId, KpiId, PlanId};
use keyplan_i18n::Tr;
use serde::Deserialize;

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
    Id(id): Id<PlanId>,
    Form(form): Form<KpiForm>,
) -> Result<Response, PageError> {
    let plan = id;
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
    Id(id): Id<KpiId>,
    Form(form): Form<KpiForm>,
) -> Result<Response, PageError> {
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

pub async fn delete_kpi(State(state): State<AppState>, PageUser(auth): PageUser, Id(id): Id<KpiId>) -> Result<Response, PageError> {
    let k = keyplan_app::kpis::delete_kpi(&state.store, &auth, id).await?;
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
    Id(id): Id<KpiId>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let k = keyplan_app::kpis::move_kpi(&state.store, &auth, id, form.direction != "down").await?;
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
    Id(id): Id<KpiId>,
    Form(form): Form<ActualForm>,
) -> Result<Response, PageError> {
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

pub async fn delete_actual(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<KpiActualId>,
) -> Result<Response, PageError> {
    let a = keyplan_app::kpis::delete_actual(&state.store, &auth, id).await?;
    let k = state.store.kpi(auth.org(), a.kpi_id).await?;
    Ok(redirect_with(&format!("/plans/{}#kpi-{}", k.plan_id, k.id), &tr().s("kpi-value-removed")))
}

#[cfg(test)]
mod i18n_tests {
    use crate::pages::plan::scorecard::with_unit;
    use keyplan_domain::Lang;
    use keyplan_domain::kpi::Judgement;
    use keyplan_domain::kpi::Period;
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
