//! The administrators' form for the organisation's settings
//! (`keyplan_domain::settings`) on the organisation page: the limits on active
//! plans and the portfolio's lines. Shares are typed as percentages here
//! (60 for 0.6); an empty line means the organisation's median. The form goes
//! through the same service as `PATCH /api/v1/organisation/settings`.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::{FieldError, Message};
use serde_json::{Map, Value};

use super::organisation::SettingsForm;
use super::redirect_with;
use crate::auth::PageUser;
use crate::error::PageError;
use crate::views::FormView;
use crate::{AppError, AppState};

/// The typed fields as a change of the settings: numbers read (percentages
/// divided by 100), empty lines as "the median". What is not a number is a
/// field error; the ranges are the domain's to check.
fn patch_of(f: &SettingsForm) -> Result<Map<String, Value>, Vec<FieldError>> {
    let mut patch = Map::new();
    let mut errors = Vec::new();
    let number = |v: &str| v.trim().replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite());
    for (key, text, percent, optional) in [
        ("active_plans_per_kam", &f.active_plans_per_kam, false, false),
        ("master_plans_per_company", &f.master_plans_per_company, false, false),
        ("share_of_wallet_threshold", &f.share_of_wallet_threshold, true, false),
        ("quadrant_share_line", &f.quadrant_share_line, true, true),
        ("quadrant_growth_line", &f.quadrant_growth_line, false, true),
        ("max_nodes_per_plan", &f.max_nodes_per_plan, false, false),
        ("max_items_per_plan", &f.max_items_per_plan, false, false),
        ("max_contacts_per_account", &f.max_contacts_per_account, false, false),
        ("max_text_chars", &f.max_text_chars, false, false),
        ("api_token_days", &f.api_token_days, false, true),
        ("update_interval_days", &f.update_interval_days, false, false),
        ("committee_plans", &f.committee_plans, false, false),
    ] {
        // A size limit or token life left empty (or not on the form) stays as it is.
        if text.trim().is_empty() && (key.starts_with("max_") || key.ends_with("_days") || key == "committee_plans") {
            continue;
        }
        if key == "api_token_days" && text.trim() == "never" {
            patch.insert(key.into(), Value::Null);
            continue;
        }
        if text.trim().is_empty() && optional {
            patch.insert(key.into(), Value::Null);
            continue;
        }
        match number(text) {
            Some(n)
                if key.ends_with("_kam")
                    || key.ends_with("_company")
                    || key.starts_with("max_")
                    || key.ends_with("_days")
                    || key == "committee_plans" =>
            {
                let whole = (n.fract() == 0.0 && n >= 0.0).then_some(n as u64);
                patch.insert(key.into(), whole.map(Value::from).unwrap_or(Value::from(n)));
            }
            Some(n) => {
                patch.insert(key.into(), Value::from(if percent { n / 100.0 } else { n }));
            }
            None => errors.push(FieldError::new(key, Message::new("settings-err-number"))),
        }
    }
    match scale_of(f) {
        Ok(Some(scale)) => {
            patch.insert("quality_scale".into(), scale);
        }
        Ok(None) => {}
        Err(e) => errors.push(e),
    }
    if errors.is_empty() { Ok(patch) } else { Err(errors) }
}

/// The quality scale as typed: its lowest and highest step and one label per
/// line, as the setting's JSON (checked by the domain); `None` when all three
/// are empty (unchanged).
fn scale_of(f: &SettingsForm) -> Result<Option<Value>, FieldError> {
    let (min, max, labels) = (f.quality_scale_min.trim(), f.quality_scale_max.trim(), f.quality_scale_labels.trim());
    if min.is_empty() && max.is_empty() && labels.is_empty() {
        return Ok(None);
    }
    let (Ok(min), Ok(max)) = (min.parse::<i64>(), max.parse::<i64>()) else {
        return Err(FieldError::new("quality_scale", Message::new("settings-err-number")));
    };
    let labels: Vec<&str> = labels.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    Ok(Some(serde_json::json!({"min": min, "max": max, "labels": labels})))
}

/// `POST /admin/organisation/settings`.
pub async fn save(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<SettingsForm>,
) -> Result<Response, PageError> {
    let result = match patch_of(&form) {
        Ok(patch) => keyplan_app::settings::patch(&state.store, &auth, &patch).await,
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match result {
        Ok(_) => {
            let t = crate::lang::for_user(&auth, &headers);
            Ok(redirect_with("/admin/organisation#settings", &t.s("org-settings-saved")))
        }
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form, 0).with_errors(&errors);
            super::organisation::page(&state, &auth, &headers, None, Some(f), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::organisation::form_of;
    use super::*;
    use keyplan_domain::settings::OrganisationSettings;

    #[test]
    fn percentages_and_empty_lines_become_the_settings_object() {
        let f = SettingsForm {
            active_plans_per_kam: "4".into(),
            master_plans_per_company: " 12 ".into(),
            share_of_wallet_threshold: "55,5".into(),
            quadrant_share_line: String::new(),
            quadrant_growth_line: "250000".into(),
            ..Default::default()
        };
        let p = patch_of(&f).unwrap();
        assert_eq!(
            Value::Object(p),
            serde_json::json!({"active_plans_per_kam": 4, "master_plans_per_company": 12,
            "share_of_wallet_threshold": 0.555, "quadrant_share_line": null, "quadrant_growth_line": 250000.0})
        );
        let scale = SettingsForm {
            update_interval_days: "60".into(),
            quality_scale_min: "0".into(),
            quality_scale_max: "2".into(),
            quality_scale_labels: "No\n\n Partly \nYes\n".into(),
            ..f.clone()
        };
        let p = patch_of(&scale).unwrap();
        assert_eq!(p["update_interval_days"], 60);
        assert_eq!(p["quality_scale"], serde_json::json!({"min": 0, "max": 2, "labels": ["No", "Partly", "Yes"]}));
        let bad_scale = SettingsForm { quality_scale_min: "one".into(), ..scale };
        assert_eq!(patch_of(&bad_scale).unwrap_err()[0].field, "quality_scale");
        let bad = SettingsForm { active_plans_per_kam: "three".into(), ..f };
        assert_eq!(patch_of(&bad).unwrap_err()[0].field, "active_plans_per_kam");
        let shown = form_of(&OrganisationSettings::default());
        assert_eq!((shown.v("share_of_wallet_threshold"), shown.v("quadrant_share_line")), ("60", ""));
    }
}
