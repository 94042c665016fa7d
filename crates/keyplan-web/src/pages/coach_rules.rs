//! The organisation's coach for administrators: every rule of the plan coach
//! with a switch and its severity (issue 12: the company owns the coach). The
//! form sends every rule; the same service as `PUT
//! /api/v1/organisation/coach-rules` stores it in one transaction.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::coach::{CoachSettings, CoachSettingsInput, RULES, RuleSettingInput, Severity};
use keyplan_domain::{FieldError, permissions};

use super::{Chrome, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::views::Opt;
use crate::{AppError, AppState};

pub struct RuleRow {
    pub id: &'static str,
    pub label: String,
    pub enabled: bool,
    pub severity: &'static str,
    pub default_severity: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin_coach.html")]
struct CoachRulesPage {
    chrome: Chrome,
    rows: Vec<RuleRow>,
    severities: Vec<Opt>,
}

fn require_admin(auth: &Auth) -> Result<(), PageError> {
    Ok(keyplan_app::access::require(permissions::can_manage_users(auth.actor()))?)
}

async fn page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    shown: Option<(CoachSettings, Vec<FieldError>)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    require_admin(auth)?;
    let (settings, errors) = match shown {
        Some(s) => s,
        None => (keyplan_app::coach::settings(&state.store, auth).await?, Vec::new()),
    };
    let chrome = Chrome::new(auth, "coach", headers);
    let t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let rows = settings
        .iter()
        .map(|(rule, s)| RuleRow {
            id: rule.as_str(),
            label: t.msg(&rule.label()),
            enabled: s.enabled,
            severity: s.severity.as_str(),
            default_severity: t.msg(&rule.default_severity().label()),
            error: errors.iter().find(|e| e.field.split('.').next() == Some(rule.as_str())).map(|e| t.msg(&e.message)),
        })
        .collect();
    let severities = Severity::ALL.iter().map(|s| Opt::new(s.as_str(), t.msg(&s.label()))).collect();
    Ok(render(status, &CoachRulesPage { chrome, rows, severities }, had_flash))
}

pub async fn show(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    page(&state, &auth, &headers, None, StatusCode::OK).await
}

/// The form as the coach's input: a rule is on when its box is ticked
/// (`enabled` = the rule's id), its severity is `severity-<rule>`.
fn input_of(form: &[(String, String)]) -> CoachSettingsInput {
    let value = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let on = |id: &str| form.iter().any(|(k, v)| k == "enabled" && v == id);
    CoachSettingsInput(
        RULES
            .iter()
            .map(|r| {
                let id = r.id.as_str();
                (id.to_string(), RuleSettingInput { enabled: Some(on(id)), severity: value(&format!("severity-{id}")) })
            })
            .collect(),
    )
}

pub async fn save(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = input_of(&form);
    match keyplan_app::coach::save_settings(&state.store, &auth, &input).await {
        Ok(_) => Ok(redirect_with("/admin/coach", &crate::lang::for_user(&auth, &headers).s("coach-settings-saved"))),
        Err(AppError::Validation(errors)) => {
            // Show what was sent: the valid rules as chosen, the others as stored.
            let mut shown = keyplan_app::coach::settings(&state.store, &auth).await?;
            for (id, s) in &input.0 {
                if let (Some(rule), Some(sev)) = (keyplan_domain::coach::RuleId::parse(id), s.severity.as_deref().and_then(Severity::parse))
                {
                    shown.set(rule, keyplan_domain::coach::RuleSetting { enabled: s.enabled.unwrap_or(true), severity: sev });
                }
            }
            page(&state, &auth, &headers, Some((shown, errors)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
