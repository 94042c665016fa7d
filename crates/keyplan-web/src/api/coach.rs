//! The plan coach through the API: a plan's findings, score and excellence
//! level (`GET /plans/{id}/coach`, the object `keyplan coach --json` prints
//! too), the score kept at each held review, and the organisation's rule
//! settings (`GET`/`PUT /organisation/coach-rules`).

use axum::Json;
use axum::extract::{Query, State};
use keyplan_app::coach::{CoachJson, TrendPoint};
use keyplan_domain::coach::{CoachSettings, CoachSettingsInput, RULES, RuleSettingInput};
use keyplan_domain::{FieldError, Message, PlanId};
use keyplan_i18n::Tr;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};

use super::JsonObject;
use super::schema::{body, boolean, integer, list_of, nullable, number, object_of, text};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};

#[derive(Deserialize, IntoParams)]
pub struct CoachQuery {
    /// `en` or `de`: the language of `message`, `hint` and `missing`. By default
    /// the user's language (their setting, else `Accept-Language`, else English).
    #[serde(default)]
    pub lang: String,
}

body! {
    /// Where a finding points: `kind` is `plan`, `node`, `item`, `section`, `contact`, `review` or `kpi`;
    /// `id` is always a string: the database id (`"42"`), or a section's key (`"swot"`).
    TargetSchema { kind: text(), id: text() }
}

body! {
    /// One thing the coach would tell the team to fix.
    FindingSchema {
        /// The rule's id, e.g. `commitment-vague`.
        rule: text(),
        /// `blocker`, `warning` or `hint`, as the organisation set the rule.
        severity: text(),
        /// What is wrong, naming the part of the plan.
        message: text(),
        /// What to do about it.
        hint: text(),
        target: object_of::<TargetSchema>(),
    }
}

body! {
    /// The next rung of the excellence ladder and exactly what it lacks.
    NextLevelSchema { level: integer(), missing: list_of::<String>() }
}

body! {
    /// The coach's reading of a plan: exactly these four keys.
    CoachSchema {
        /// 0 to 100 with one decimal: `100 × 0.85^blockers × 0.94^warnings × 0.98^hints`.
        score: number(),
        /// The excellence level, 1 to 5 (seed 004's ladder).
        level: integer(),
        /// Blockers, warnings and hints, rule by rule in a stable order.
        findings: list_of::<FindingSchema>(),
        /// Null at level 5.
        next_level: nullable(object_of::<NextLevelSchema>()),
    }
}

/// The coach over the plan as it is now, under the organisation's rule
/// settings: findings (each with rule, severity, message, fix hint and the
/// part of the plan it is about), the score, the excellence level and what the
/// next level lacks.
#[utoipa::path(get, path = "/plans/{id}/coach", tag = "coach", params(("id" = i64, Path), CoachQuery),
    responses((status = 200, body = CoachSchema), (status = 404, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn coach(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    Query(q): Query<CoachQuery>,
) -> Result<Json<CoachJson>, ApiError> {
    let lang = keyplan_export::parse_lang("lang", &q.lang, crate::lang::current()).map_err(AppError::from)?;
    let report = keyplan_app::coach::plan_coach(&state.store, &auth, id, lang, keyplan_app::today()).await?;
    Ok(Json(report.to_json(Tr::new(lang))))
}

/// The score and level kept with one held review.
#[derive(Serialize, ToSchema)]
pub struct TrendPointDto {
    pub review_id: i64,
    /// `team`, `management` or `customer`.
    pub kind: String,
    pub date: time::Date,
    pub score: f64,
    pub level: i32,
}

#[derive(Serialize, ToSchema)]
pub struct TrendDto {
    /// Oldest first; reviews held before the coach existed are left out.
    pub trend: Vec<TrendPointDto>,
}

impl From<&TrendPoint> for TrendPointDto {
    fn from(p: &TrendPoint) -> Self {
        TrendPointDto { review_id: p.review_id.get(), kind: p.kind.as_str().into(), date: p.date, score: p.score, level: p.level }
    }
}

/// The coach's score and level at each held review of the plan: the trend.
#[utoipa::path(get, path = "/plans/{id}/coach/trend", tag = "coach", params(("id" = i64, Path)),
    responses((status = 200, body = TrendDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn trend(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<TrendDto>, ApiError> {
    let points = keyplan_app::coach::score_trend(&state.store, &auth, id).await?;
    Ok(Json(TrendDto { trend: points.iter().map(TrendPointDto::from).collect() }))
}

body! {
    /// How the organisation wants one rule.
    RuleSettingSchema {
        enabled: boolean(),
        /// `blocker`, `warning` or `hint`.
        severity: text(),
    }
}

/// Every rule of the coach by id, each `{"enabled", "severity"}`.
pub struct CoachRulesSchema;

impl PartialSchema for CoachRulesSchema {
    fn schema() -> RefOr<Schema> {
        let object = ObjectBuilder::new().schema_type(Type::Object).description(Some(
            "Every rule of the coach, by id. A PUT may name only the rules it changes, and leave out `enabled` or `severity`; \
             what it leaves out keeps the organisation's current setting.",
        ));
        RULES.iter().fold(object, |o, r| o.property(r.id.as_str(), RuleSettingSchema::schema()).required(r.id.as_str())).into()
    }
}

impl ToSchema for CoachRulesSchema {}

/// Which rules of the coach run in this organisation, and how severe each is.
#[utoipa::path(get, path = "/organisation/coach-rules", tag = "coach", responses((status = 200, body = CoachRulesSchema)))]
pub async fn get_rules(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<CoachSettings>, ApiError> {
    Ok(Json(keyplan_app::coach::settings(&state.store, &auth).await?))
}

/// Changes rules of the coach for the organisation (administrators), e.g.
/// `{"commitment-vague": {"enabled": false}, "actions-bunched": {"severity": "warning"}}`.
/// Rules not named, and fields left out, keep their current setting. An
/// unknown rule id or severity answers 422 naming it (`commitment-vage`,
/// `review-overdue.severity`) and nothing is changed. Answers every rule.
#[utoipa::path(put, path = "/organisation/coach-rules", tag = "coach", request_body = CoachRulesSchema,
    responses((status = 200, body = CoachRulesSchema), (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn put_rules(State(state): State<AppState>, ApiUser(auth): ApiUser, body: JsonObject) -> Result<Json<CoachSettings>, ApiError> {
    let input = rules_input(body)?;
    Ok(Json(keyplan_app::coach::save_settings(&state.store, &auth, &input).await?))
}

/// Reads the body rule by rule, so that a wrongly typed value is a field
/// error naming the rule and its field.
fn rules_input(body: JsonObject) -> Result<CoachSettingsInput, AppError> {
    let mut input = CoachSettingsInput::default();
    let mut errors = Vec::new();
    for (rule, value) in body.0 {
        let Value::Object(fields) = value else {
            errors.push(FieldError::new(&rule, Message::new("doc-err-object")));
            continue;
        };
        let mut setting = RuleSettingInput::default();
        for (name, v) in fields {
            let field = format!("{rule}.{name}");
            match (name.as_str(), v) {
                ("enabled", Value::Bool(b)) => setting.enabled = Some(b),
                ("enabled", _) => errors.push(FieldError::new(&field, Message::new("err-bool"))),
                ("severity", Value::String(s)) => setting.severity = Some(s),
                ("severity", _) => errors.push(FieldError::new(&field, Message::new("templates-file-string"))),
                _ => errors.push(FieldError::new(&field, Message::new("err-not-a-field").arg("allowed", "enabled, severity"))),
            }
        }
        input.0.insert(rule, setting);
    }
    if errors.is_empty() { Ok(input) } else { Err(AppError::Validation(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::schema::Body;

    /// The document lists exactly the keys the coach's object has.
    #[test]
    fn the_schema_names_the_served_keys() {
        let sample = CoachJson { score: 100.0, level: 5, findings: Vec::new(), next_level: None };
        let served = serde_json::to_value(sample).unwrap();
        let mut keys: Vec<&str> = served.as_object().unwrap().keys().map(String::as_str).collect();
        let mut documented = CoachSchema::FIELDS.to_vec();
        keys.sort_unstable();
        documented.sort_unstable();
        assert_eq!(keys, documented);
        let mut finding = FindingSchema::FIELDS.to_vec();
        finding.sort_unstable();
        assert_eq!(finding, ["hint", "message", "rule", "severity", "target"]);
        let rules = serde_json::to_value(CoachRulesSchema::schema()).unwrap();
        assert_eq!(rules["properties"].as_object().unwrap().len(), RULES.len());
    }
}
