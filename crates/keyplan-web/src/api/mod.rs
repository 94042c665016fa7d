//! The JSON API under `/api/v1`, described by the OpenAPI document at
//! `/api/v1/openapi.json`. Authenticated by `Authorization: Bearer TOKEN`, or by
//! the session cookie plus an `X-CSRF-Token` header for state-changing calls.

mod accounts;
mod budget;
mod coach;
mod cockpit;
mod collab;
pub(crate) mod committees;
mod contacts;
pub mod content;
mod contract;
mod crm;
mod customer;
mod documents;
pub mod dto;
pub(crate) mod export;
pub mod kpis;
pub(crate) mod meetings;
mod opportunities;
mod plans;
mod portfolio;
mod progress;
mod ratings;
mod reviews;
mod schema;
pub(crate) mod scorecard;
mod settings;
mod shares;
mod templates;
mod tokens;
mod users;
mod whitespace;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::FromRequest;
use axum::http::header;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::{ApiError, AppError, AppState};

/// The API's routes, each documented by its handler's `#[utoipa::path]`: the
/// router that serves them and the OpenAPI document come from this one list.
pub fn routes() -> OpenApiRouter<AppState> {
    let v1 = OpenApiRouter::new()
        .routes(routes!(openapi))
        .routes(routes!(documents::schema))
        .routes(routes!(documents::import))
        .routes(routes!(users::me))
        .routes(routes!(users::put_language))
        .routes(routes!(plans::my_commitments))
        .routes(routes!(collab::notifications))
        .routes(routes!(collab::read_all))
        .routes(routes!(collab::read))
        .routes(routes!(collab::create_calendar, collab::delete_calendar))
        .routes(routes!(collab::list_comments, collab::create_comment))
        .routes(routes!(collab::activity))
        .routes(routes!(users::list))
        .routes(routes!(tokens::list, tokens::create))
        .routes(routes!(tokens::revoke))
        .routes(routes!(committees::list, committees::create))
        .routes(routes!(committees::get))
        .routes(routes!(committees::pack))
        .routes(routes!(committees::put_outcome))
        .routes(routes!(meetings::list, meetings::create))
        .routes(routes!(meetings::proposal))
        .routes(routes!(meetings::get))
        .routes(routes!(meetings::decide))
        .routes(routes!(meetings::follow_up))
        .routes(routes!(meetings::close))
        .routes(routes!(meetings::agenda_pdf))
        .routes(routes!(meetings::agenda_md))
        .routes(routes!(accounts::list, accounts::create))
        .routes(routes!(accounts::get, accounts::update, accounts::delete))
        .routes(routes!(accounts::team))
        .routes(routes!(accounts::set_team_member, accounts::remove_team_member))
        .routes(routes!(contacts::list, contacts::create))
        .routes(routes!(contacts::get, contacts::update, contacts::delete))
        .routes(routes!(contacts::search))
        .routes(routes!(opportunities::list, opportunities::create))
        .routes(routes!(opportunities::get, opportunities::update, opportunities::delete))
        .routes(routes!(plans::list, plans::create))
        .routes(routes!(plans::get, plans::update, plans::delete))
        .routes(routes!(plans::create_node))
        .routes(routes!(content::put_section))
        .routes(routes!(content::list_items, content::create_item))
        .routes(routes!(content::update_item, content::delete_item))
        .routes(routes!(content::move_item))
        .routes(routes!(content::create_link))
        .routes(routes!(content::delete_link))
        .routes(routes!(content::story))
        .routes(routes!(coach::coach))
        .routes(routes!(coach::trend))
        .routes(routes!(coach::get_rules, coach::put_rules))
        .routes(routes!(settings::get_settings, settings::patch_settings))
        .routes(routes!(settings::limit_exceptions))
        .routes(routes!(export::export))
        .routes(routes!(export::top_to_top))
        .routes(routes!(shares::view))
        .routes(routes!(shares::put_visibility))
        .routes(routes!(shares::list, shares::create))
        .routes(routes!(shares::revoke))
        .routes(routes!(customer::side))
        .routes(routes!(customer::offer, customer::withdraw))
        .routes(routes!(customer::set_visible))
        .routes(routes!(content::get_discipline, content::put_discipline))
        .routes(routes!(plans::get_node, plans::update_node, plans::delete_node))
        .routes(routes!(plans::move_node))
        .routes(routes!(progress::list, progress::create))
        .routes(routes!(plans::accept))
        .routes(routes!(plans::decline))
        .routes(routes!(plans::propose_date))
        .routes(routes!(plans::accept_date))
        .routes(routes!(plans::reject_date))
        .routes(routes!(whitespace::list_offerings, whitespace::create_offering))
        .routes(routes!(whitespace::update_offering, whitespace::delete_offering))
        .routes(routes!(whitespace::move_offering))
        .routes(routes!(whitespace::list_units, whitespace::create_unit))
        .routes(routes!(whitespace::update_unit, whitespace::delete_unit))
        .routes(routes!(whitespace::move_unit))
        .routes(routes!(whitespace::get_whitespace))
        .routes(routes!(whitespace::put_cell))
        .routes(routes!(reviews::list, reviews::create))
        .routes(routes!(reviews::get, reviews::update))
        .routes(routes!(reviews::hold))
        .routes(routes!(reviews::signoff))
        .routes(routes!(reviews::list_snapshots))
        .routes(routes!(reviews::get_snapshot))
        .routes(routes!(reviews::diff))
        .routes(routes!(reviews::get_schedule, reviews::put_schedule))
        .routes(routes!(ratings::list, ratings::create))
        .routes(routes!(kpis::list, kpis::create))
        .routes(routes!(kpis::update, kpis::delete))
        .routes(routes!(kpis::put_actual))
        .routes(routes!(kpis::move_kpi))
        .routes(routes!(kpis::delete_actual))
        .routes(routes!(templates::list, templates::import))
        .routes(routes!(templates::get, templates::put))
        .routes(routes!(templates::versions))
        .routes(routes!(templates::get_version))
        .routes(routes!(templates::retire))
        .routes(routes!(templates::restore))
        .routes(routes!(templates::move_template))
        .routes(routes!(portfolio::portfolio))
        .routes(routes!(cockpit::get_cockpit))
        .routes(routes!(cockpit::get_items))
        .routes(routes!(budget::json))
        .routes(routes!(budget::xlsx))
        .routes(routes!(budget::csv))
        .routes(routes!(scorecard::get))
        .routes(routes!(crm::import))
        .fallback(|| async { ApiError(AppError::NotFound) });
    OpenApiRouter::with_openapi(ApiDoc::openapi()).nest("/api/v1", v1)
}

/// The API's router, served under `/api/v1`.
pub fn router() -> Router<AppState> {
    let not_found = || async { ApiError(AppError::NotFound) };
    routes()
        .split_for_parts()
        .0
        .route("/api", axum::routing::any(not_found))
        .route("/api/{*rest}", axum::routing::any(not_found))
        .layer(axum::middleware::from_fn(contract::json_errors))
}

/// The OpenAPI document of exactly the routes served.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: std::sync::OnceLock<utoipa::openapi::OpenApi> = std::sync::OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = routes().into_openapi();
        contract::complete(&mut doc);
        doc
    })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "keyplan API",
        description = "Key-account plans: accounts, contacts, plans with their constraint tree, and commitments with acceptance. \
            Authenticate with `Authorization: Bearer TOKEN` (make one on the *API tokens* page, with `POST /tokens`, or with `keyplan token create --email E`). \
            Errors answer `{\"error\": {\"code\", \"message\", \"field\"}}`. Editable objects carry a `version`; \
            a PATCH must send the version it is based on and answers 409 when that is stale."
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

/// This document: every route of the API, with its parameters, bodies and answers.
#[utoipa::path(get, path = "/openapi.json", tag = "meta", security(()), responses((status = 200, description = "The OpenAPI document")))]
async fn openapi() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(document())
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
            return Err(AppError::bad_request("api-err-content-type").into());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|_| AppError::bad_request("api-err-body-unreadable"))?;
        let value: Value = serde_json::from_slice(&bytes)
            .map_err(|e| AppError::BadRequest(keyplan_domain::Message::new("api-err-body-json").arg("detail", e.to_string())))?;
        // The text policy: no NUL or other control character in any string (422, naming the field).
        keyplan_domain::text::check_json("", &value).map_err(AppError::from)?;
        match value {
            Value::Object(map) => Ok(JsonObject(map)),
            _ => Err(AppError::bad_request("api-err-body-object").into()),
        }
    }
}

impl JsonObject {
    /// The `version` a PATCH is based on (required).
    pub fn version(&self) -> Result<i64, AppError> {
        match self.0.get("version") {
            Some(Value::Number(n)) => {
                n.as_i64().ok_or_else(|| AppError::field("version", keyplan_domain::Message::new("templates-err-whole")))
            }
            Some(_) => Err(AppError::field("version", keyplan_domain::Message::new("templates-err-whole"))),
            None => Err(AppError::field("version", keyplan_domain::Message::new("err-version-required"))),
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
                return Err(AppError::field(key, keyplan_domain::Message::new("err-not-a-field").arg("allowed", allowed.join(", "))));
            }
            let text = match value {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return Err(AppError::field(key, keyplan_domain::Message::new("err-scalar"))),
            };
            merged.insert(key.clone(), Value::String(text));
        }
        serde_json::from_value(Value::Object(merged)).map_err(|e| AppError::Internal(e.into()))
    }

    pub fn str_field(&self, key: &str) -> Result<Option<String>, AppError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(AppError::field(key, keyplan_domain::Message::new("templates-file-string"))),
        }
    }

    /// Refuses a key the body may not carry, naming it.
    pub fn only(&self, allowed: &[&str]) -> Result<(), AppError> {
        match self.0.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(key) => Err(AppError::field(key, keyplan_domain::Message::new("err-not-a-field").arg("allowed", allowed.join(", ")))),
            None => Ok(()),
        }
    }

    /// A list of ids; absent or `null`: none given.
    pub fn id_list(&self, key: &str) -> Result<Option<Vec<i64>>, AppError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_i64().ok_or_else(|| AppError::field(key, keyplan_domain::Message::new("err-id-list"))))
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(_) => Err(AppError::field(key, keyplan_domain::Message::new("err-id-list"))),
        }
    }

    pub fn id_field(&self, key: &str) -> Result<Option<i64>, AppError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => {
                n.as_i64().filter(|n| *n > 0).map(Some).ok_or_else(|| AppError::field(key, keyplan_domain::Message::new("err-id")))
            }
            Some(Value::String(s)) => s
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .map(Some)
                .ok_or_else(|| AppError::field(key, keyplan_domain::Message::new("err-id"))),
            Some(_) => Err(AppError::field(key, keyplan_domain::Message::new("err-id"))),
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every route of the API is added through `routes!`, which takes its path
    /// and method from the handler's `#[utoipa::path]`; a route added any
    /// other way would be served without being documented.
    #[test]
    fn every_served_route_is_documented() {
        let source = include_str!("mod.rs");
        let start = source.find("pub fn routes()").expect("routes()");
        let body = &source[start..source[start..].find("\n}\n").map(|e| start + e).expect("end of routes()")];
        for undocumented in [".route(", ".route_service(", ".nest_service(", ".merge("] {
            assert!(
                !body.contains(undocumented),
                "routes() adds a route with {undocumented}: document it with #[utoipa::path] and routes!"
            );
        }
        assert!(body.matches(".routes(routes!(").count() > 60);
        // And the document lists them all.
        let doc = super::document();
        assert!(doc.paths.paths.len() >= body.matches(".routes(routes!(").count());
    }
}
