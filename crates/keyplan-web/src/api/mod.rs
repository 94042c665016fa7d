//! The JSON API under `/api/v1`, described by the OpenAPI document at
//! `/api/v1/openapi.json`. Authenticated by `Authorization: Bearer TOKEN`, or by
//! the session cookie plus an `X-CSRF-Token` header for state-changing calls.

mod accounts;
mod collab;
mod contacts;
pub mod content;
mod documents;
pub mod dto;
mod export;
pub mod kpis;
mod plans;
mod reviews;
mod shares;
mod templates;
mod users;
mod whitespace;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::FromRequest;
use axum::http::header;
use axum::routing::{get, post};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::OpenApi;

use crate::{ApiError, AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/schema/plan.json", get(documents::schema))
        .route("/plans/import", post(documents::import))
        .route("/me", get(users::me))
        .route("/me/language", axum::routing::put(users::put_language))
        .route("/me/commitments", get(plans::my_commitments))
        .route("/me/notifications", get(collab::notifications))
        .route("/me/notifications/read-all", post(collab::read_all))
        .route("/notifications/{id}/read", post(collab::read))
        .route("/me/calendar", post(collab::create_calendar).delete(collab::delete_calendar))
        .route("/plans/{id}/comments", get(collab::list_comments).post(collab::create_comment))
        .route("/plans/{id}/activity", get(collab::activity))
        .route("/users", get(users::list))
        .route("/accounts", get(accounts::list).post(accounts::create))
        .route("/accounts/{id}", get(accounts::get).patch(accounts::update).delete(accounts::delete))
        .route("/accounts/{id}/team", get(accounts::team))
        .route("/accounts/{id}/team/{user_id}", axum::routing::put(accounts::set_team_member).delete(accounts::remove_team_member))
        .route("/accounts/{id}/contacts", get(contacts::list).post(contacts::create))
        .route("/contacts/{id}", get(contacts::get).patch(contacts::update).delete(contacts::delete))
        .route("/accounts/{id}/plans", get(plans::list).post(plans::create))
        .route("/plans/{id}", get(plans::get).patch(plans::update).delete(plans::delete))
        .route("/plans/{id}/nodes", post(plans::create_node))
        .route("/plans/{id}/sections/{key}", axum::routing::put(content::put_section))
        .route("/plans/{id}/items", get(content::list_items).post(content::create_item))
        .route("/items/{id}", axum::routing::patch(content::update_item).delete(content::delete_item))
        .route("/items/{id}/move", post(content::move_item))
        .route("/plans/{id}/links", post(content::create_link))
        .route("/links/{id}", axum::routing::delete(content::delete_link))
        .route("/plans/{id}/story", get(content::story))
        .route("/plans/{id}/export", get(export::export))
        .route("/plans/{id}/views/{audience}", get(shares::view))
        .route("/plans/{id}/visibility", axum::routing::put(shares::put_visibility))
        .route("/plans/{id}/share-links", get(shares::list).post(shares::create))
        .route("/share-links/{id}/revoke", post(shares::revoke))
        .route("/organisation/value-discipline", get(content::get_discipline).put(content::put_discipline))
        .route("/nodes/{id}", get(plans::get_node).patch(plans::update_node).delete(plans::delete_node))
        .route("/nodes/{id}/move", post(plans::move_node))
        .route("/commitments/{id}/accept", post(plans::accept))
        .route("/commitments/{id}/decline", post(plans::decline))
        .route("/commitments/{id}/propose-date", post(plans::propose_date))
        .route("/commitments/{id}/accept-date", post(plans::accept_date))
        .route("/commitments/{id}/reject-date", post(plans::reject_date))
        .route("/offerings", get(whitespace::list_offerings).post(whitespace::create_offering))
        .route("/offerings/{id}", axum::routing::patch(whitespace::update_offering).delete(whitespace::delete_offering))
        .route("/offerings/{id}/move", post(whitespace::move_offering))
        .route("/accounts/{id}/business-units", get(whitespace::list_units).post(whitespace::create_unit))
        .route("/business-units/{id}", axum::routing::patch(whitespace::update_unit).delete(whitespace::delete_unit))
        .route("/business-units/{id}/move", post(whitespace::move_unit))
        .route("/accounts/{id}/whitespace", get(whitespace::get_whitespace))
        .route("/accounts/{id}/whitespace/cells", axum::routing::put(whitespace::put_cell))
        .route("/plans/{id}/reviews", get(reviews::list).post(reviews::create))
        .route("/reviews/{id}", get(reviews::get).patch(reviews::update))
        .route("/reviews/{id}/hold", post(reviews::hold))
        .route("/reviews/{id}/signoff", post(reviews::signoff))
        .route("/plans/{id}/snapshots", get(reviews::list_snapshots))
        .route("/snapshots/{id}", get(reviews::get_snapshot))
        .route("/plans/{id}/diff", get(reviews::diff))
        .route("/plans/{id}/review-schedule", get(reviews::get_schedule).put(reviews::put_schedule))
        .route("/plans/{id}/kpis", get(kpis::list).post(kpis::create))
        .route("/kpis/{id}", axum::routing::patch(kpis::update).delete(kpis::delete))
        .route("/kpis/{id}/actuals", axum::routing::put(kpis::put_actual))
        .route("/kpis/{id}/move", post(kpis::move_kpi))
        .route("/kpi-actuals/{id}", axum::routing::delete(kpis::delete_actual))
        .route("/templates", get(templates::list).post(templates::import))
        .route("/templates/{key}", get(templates::get).put(templates::put))
        .route("/templates/{key}/versions", get(templates::versions))
        .route("/templates/{key}/versions/{number}", get(templates::get_version))
        .route("/templates/{key}/retire", post(templates::retire))
        .route("/templates/{key}/restore", post(templates::restore))
        .route("/templates/{key}/move", post(templates::move_template))
        .fallback(|| async { ApiError(AppError::NotFound) })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "keyplan API",
        description = "Key-account plans: accounts, contacts, plans with their constraint tree, and commitments with acceptance. \
            Authenticate with `Authorization: Bearer TOKEN` (create one with `keyplan token create --email E`). \
            Errors answer `{\"error\": {\"code\", \"message\", \"field\"}}`. Editable objects carry a `version`; \
            a PATCH must send the version it is based on and answers 409 when that is stale."
    ),
    paths(
        users::me, users::put_language, users::list,
        accounts::list, accounts::create, accounts::get, accounts::update, accounts::delete,
        accounts::team, accounts::set_team_member, accounts::remove_team_member,
        contacts::list, contacts::create, contacts::get, contacts::update, contacts::delete,
        plans::list, plans::create, plans::get, plans::update, plans::delete,
        plans::create_node, plans::get_node, plans::update_node, plans::delete_node, plans::move_node,
        plans::accept, plans::decline, plans::propose_date, plans::accept_date, plans::reject_date, plans::my_commitments,
        content::put_section, content::list_items, content::create_item, content::update_item, content::delete_item, content::move_item,
        content::create_link, content::delete_link, content::story, content::get_discipline, content::put_discipline,
        whitespace::list_offerings, whitespace::create_offering, whitespace::update_offering, whitespace::delete_offering,
        whitespace::move_offering,
        whitespace::list_units, whitespace::create_unit, whitespace::update_unit, whitespace::delete_unit, whitespace::move_unit,
        whitespace::get_whitespace, whitespace::put_cell,
        templates::list, templates::get, templates::versions, templates::get_version, templates::import, templates::put,
        templates::retire, templates::restore, templates::move_template,
        kpis::list, kpis::create, kpis::update, kpis::delete, kpis::put_actual, kpis::delete_actual, kpis::move_kpi,
        collab::list_comments, collab::create_comment, collab::activity, collab::notifications, collab::read, collab::read_all,
        collab::create_calendar, collab::delete_calendar,
        reviews::list, reviews::create, reviews::get, reviews::update, reviews::hold, reviews::signoff,
        shares::view, shares::put_visibility, export::export, documents::schema, documents::import, shares::list, shares::create, shares::revoke,
        reviews::list_snapshots, reviews::get_snapshot, reviews::diff, reviews::get_schedule, reviews::put_schedule,
    ),
    components(schemas(dto::ErrorBody, dto::ErrorDetail)),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
    }
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// A JSON object body. Malformed JSON answers 400; field checks happen later and answer 422.
pub struct JsonObject(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json") || v.contains("+json"));
        if !is_json {
            return Err(AppError::BadRequest("Send a JSON body with Content-Type: application/json.".into()).into());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|_| AppError::BadRequest("The body could not be read.".into()))?;
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| AppError::BadRequest(format!("The body is not valid JSON: {e}.")))?;
        match value {
            Value::Object(map) => Ok(JsonObject(map)),
            _ => Err(AppError::BadRequest("The body must be a JSON object.".into()).into()),
        }
    }
}

impl JsonObject {
    /// The `version` a PATCH is based on (required).
    pub fn version(&self) -> Result<i64, AppError> {
        match self.0.get("version") {
            Some(Value::Number(n)) => n.as_i64().ok_or_else(|| AppError::field("version", "must be a whole number")),
            Some(_) => Err(AppError::field("version", "must be a whole number")),
            None => Err(AppError::field("version", "is required: send the version you are editing")),
        }
    }

    pub fn optional_version(&self) -> Result<Option<i64>, AppError> {
        if self.0.contains_key("version") { self.version().map(Some) } else { Ok(None) }
    }

    /// Overlays the body's fields onto `base` (the current record, or defaults)
    /// and reads the result as the input type. Only `allowed` fields may appear
    /// (besides those in `ignore`); values must be strings, numbers or null.
    pub fn merge_into<T: serde::Serialize + DeserializeOwned>(&self, base: &T, allowed: &[&str], ignore: &[&str]) -> Result<T, AppError> {
        let mut merged = match serde_json::to_value(base).map_err(|e| AppError::Internal(e.into()))? {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        for (key, value) in &self.0 {
            if ignore.contains(&key.as_str()) {
                continue;
            }
            if !allowed.contains(&key.as_str()) {
                return Err(AppError::field(key, format!("is not a field here; allowed: {}", allowed.join(", "))));
            }
            let text = match value {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return Err(AppError::field(key, "must be a string, a number or null")),
            };
            merged.insert(key.clone(), Value::String(text));
        }
        serde_json::from_value(Value::Object(merged)).map_err(|e| AppError::Internal(e.into()))
    }

    pub fn str_field(&self, key: &str) -> Result<Option<String>, AppError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(AppError::field(key, "must be a string")),
        }
    }

    pub fn id_field(&self, key: &str) -> Result<Option<i64>, AppError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n.as_i64().filter(|n| *n > 0).map(Some).ok_or_else(|| AppError::field(key, "must be an id")),
            Some(Value::String(s)) => {
                s.trim().parse::<i64>().ok().filter(|n| *n > 0).map(Some).ok_or_else(|| AppError::field(key, "must be an id"))
            }
            Some(_) => Err(AppError::field(key, "must be an id")),
        }
    }
}

/// A path id; anything that is not a positive number is simply not found.
pub fn path_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>().ok().filter(|n| *n > 0).ok_or(AppError::NotFound)
}
