//! The organisation's settings page: its value discipline (seed 003), set once
//! by an administrator and shown in every plan's value proposition, and the
//! settings of `keyplan_domain::settings` (limits, portfolio lines; the form
//! is handled in `org_settings`).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::analysis::{ValueDiscipline, ValueDisciplineInput};
use keyplan_domain::settings::OrganisationSettings;
use serde::{Deserialize, Serialize};

use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::views::FormView;
use crate::{AppError, AppState};

pub struct DisciplineOption {
    pub value: &'static str,
    pub label: String,
    pub meaning: String,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    chrome: Chrome,
    form: FormView,
    options: Vec<DisciplineOption>,
    limits: FormView,
}

pub(super) async fn page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    form: Option<FormView>,
    limits: Option<FormView>,
    status: StatusCode,
) -> Result<Response, PageError> {
    keyplan_app::access::require(keyplan_domain::permissions::can_manage_users(auth.actor()))?;
    let form = match form {
        Some(f) => f,
        None => {
            let s = state.store.org_settings(auth.org()).await?;
            FormView::from_input(
                &ValueDisciplineInput {
                    value_discipline: s.value_discipline.map(|d| d.as_str().into()).unwrap_or_default(),
                    value_statement: s.value_statement.clone().unwrap_or_default(),
                },
                s.version,
            )
        }
    };
    let chrome = Chrome::new(auth, "organisation", headers);
    let t = chrome.t;
    let mut form = form;
    form.localise(t);
    let had_flash = chrome.flash.is_some();
    let options = ValueDiscipline::ALL
        .iter()
        .map(|d| DisciplineOption {
            value: d.as_str(),
            label: t.enum_label("org-discipline", d.as_str()),
            meaning: t.enum_label("org-meaning", d.as_str()),
        })
        .collect();
    let mut limits = match limits {
        Some(f) => f,
        None => form_of(&keyplan_app::settings::settings(&state.store, auth).await?),
    };
    limits.localise(t);
    Ok(render(status, &OrganisationPage { chrome, form, options, limits }, had_flash))
}

pub async fn show(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    page(&state, &auth, &headers, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct DisciplineForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: ValueDisciplineInput,
}

pub async fn save(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<DisciplineForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    match keyplan_app::content::update_value_discipline(&state.store, &auth, version, &form.input).await {
        Ok(_) => {
            let t = crate::lang::for_user(&auth, &headers);
            Ok(redirect_with("/admin/organisation", &t.s("org-saved")))
        }
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, version).with_errors(&errors);
            page(&state, &auth, &headers, Some(f), None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { current_version }) => {
            let s = state.store.org_settings(auth.org()).await?;
            let stored = ValueDisciplineInput {
                value_discipline: s.value_discipline.map(|d| d.as_str().into()).unwrap_or_default(),
                value_statement: s.value_statement.clone().unwrap_or_default(),
            };
            let f = FormView::conflicted(&stored, &form.input, current_version);
            page(&state, &auth, &headers, Some(f), None, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The form's fields, as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SettingsForm {
    pub active_plans_per_kam: String,
    pub master_plans_per_company: String,
    /// Percent.
    pub share_of_wallet_threshold: String,
    /// Percent; empty: the median.
    pub quadrant_share_line: String,
    /// An amount; empty: the median.
    pub quadrant_growth_line: String,
    /// Size limits; empty: unchanged.
    pub max_nodes_per_plan: String,
    pub max_items_per_plan: String,
    pub max_contacts_per_account: String,
    /// Characters per text field; empty: unchanged.
    pub max_text_chars: String,
    /// Days a new API token works; `never`: no expiry; empty: unchanged.
    pub api_token_days: String,
    /// Plans a committee session takes by default; empty: unchanged.
    pub committee_plans: String,
    /// Days a plan may go without an update or a review; empty: unchanged.
    pub update_interval_days: String,
    /// The quality scale's lowest and highest step and one label per line;
    /// all empty: unchanged.
    pub quality_scale_min: String,
    pub quality_scale_max: String,
    pub quality_scale_labels: String,
}

/// The settings as the form shows them.
pub(super) fn form_of(s: &OrganisationSettings) -> FormView {
    let pct = |f: f64| keyplan_app::num((f * 1000.0).round() / 10.0);
    FormView::from_input(
        &SettingsForm {
            active_plans_per_kam: s.active_plans_per_kam.to_string(),
            master_plans_per_company: s.master_plans_per_company.to_string(),
            share_of_wallet_threshold: pct(s.share_of_wallet_threshold),
            quadrant_share_line: s.quadrant_share_line.map(pct).unwrap_or_default(),
            quadrant_growth_line: s.quadrant_growth_line.map(keyplan_app::num).unwrap_or_default(),
            max_nodes_per_plan: s.max_nodes_per_plan.to_string(),
            max_items_per_plan: s.max_items_per_plan.to_string(),
            max_contacts_per_account: s.max_contacts_per_account.to_string(),
            max_text_chars: s.max_text_chars.to_string(),
            api_token_days: s.api_token_days.map_or_else(|| "never".to_string(), |d| d.to_string()),
            committee_plans: s.committee_plans.to_string(),
            update_interval_days: s.update_interval_days.to_string(),
            quality_scale_min: s.quality_scale.min.to_string(),
            quality_scale_max: s.quality_scale.max.to_string(),
            quality_scale_labels: s.quality_scale.labels.join("\n"),
        },
        0,
    )
}
