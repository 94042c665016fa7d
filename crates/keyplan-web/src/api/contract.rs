//! The API contract, made whole in one place rather than in every handler:
//! [`complete`] gives the OpenAPI document a description on every response,
//! the answers every operation can give (401, 400, 404, 409, 422), query
//! parameters declared as query and unique operation ids; [`json_errors`]
//! turns every error the router or an extractor answers by itself (405, a bad
//! query string or path) into the API's `{"error": {...}}` JSON.

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Required, ResponseBuilder};

/// What a status code means, for responses declared without a description.
fn meaning(status: &str) -> &'static str {
    match status {
        "200" => "Success.",
        "201" => "Created.",
        "204" => "Done; no content.",
        "400" => "The request is malformed: its JSON, its content type, its query string or a path segment.",
        "401" => "Not signed in: send `Authorization: Bearer TOKEN`.",
        "403" => "The signed-in user's role does not allow this.",
        "404" => "No such object in the organisation.",
        "405" => "The path does not answer this method.",
        "409" => "The object changed since the `version` sent, or its state does not allow this.",
        "413" => "The request body is too large.",
        "422" => "A field is invalid; `error.field` names it.",
        "429" => "Too many requests; try again later.",
        _ => "See the error body.",
    }
}

/// The operations of a path, with their method.
fn operations(item: &mut PathItem) -> Vec<(&'static str, &mut Operation)> {
    [
        ("get", item.get.as_mut()),
        ("put", item.put.as_mut()),
        ("post", item.post.as_mut()),
        ("delete", item.delete.as_mut()),
        ("patch", item.patch.as_mut()),
        ("head", item.head.as_mut()),
        ("options", item.options.as_mut()),
        ("trace", item.trace.as_mut()),
    ]
    .into_iter()
    .filter_map(|(m, op)| op.map(|op| (m, op)))
    .collect()
}

/// Whether the operation is open without signing in (`security(())`).
fn is_public(op: &Operation) -> bool {
    op.security.as_ref().is_some_and(|reqs| reqs.iter().all(|r| serde_json::to_value(r).is_ok_and(|v| v == json!({}))))
}

/// Completes the document generated from the handlers' `#[utoipa::path]`s.
pub fn complete(doc: &mut OpenApi) {
    let error =
        || ContentBuilder::new().schema(Some(RefOr::<utoipa::openapi::schema::Schema>::Ref(Ref::from_schema_name("ErrorBody")))).build();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for (path, item) in doc.paths.paths.iter_mut() {
        let in_template: BTreeSet<String> =
            path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))).map(str::to_string).collect();
        for (method, op) in operations(item) {
            // Parameters that are not in the path template are query parameters;
            // those that may be null or absent are optional.
            let mut has_query = false;
            for param in op.parameters.iter_mut().flatten() {
                if let RefOr::T(p) = param
                    && matches!(p.parameter_in, ParameterIn::Path)
                    && !in_template.contains(&p.name)
                {
                    p.parameter_in = ParameterIn::Query;
                    let nullable = serde_json::to_value(&p.schema)
                        .is_ok_and(|s| s["type"].as_array().is_some_and(|t| t.iter().any(|t| t == "null")) || s.get("oneOf").is_some());
                    if nullable {
                        p.required = Required::False;
                    }
                }
                if let RefOr::T(p) = param
                    && matches!(p.parameter_in, ParameterIn::Query)
                {
                    has_query = true;
                }
            }
            let public = is_public(op);
            let mut wanted = Vec::new();
            if !public {
                wanted.push("401");
            }
            if op.request_body.is_some() || has_query || !in_template.is_empty() {
                wanted.extend(["400", "422"]);
            }
            if !in_template.is_empty() {
                wanted.push("404");
            }
            if matches!(method, "put" | "patch" | "post" | "delete") && !public {
                wanted.push("403");
            }
            if matches!(method, "put" | "patch") {
                wanted.push("409");
            }
            for status in wanted {
                op.responses.responses.entry(status.to_string()).or_insert_with(|| {
                    ResponseBuilder::new().description(meaning(status)).content("application/json", error()).build().into()
                });
            }
            for (status, response) in op.responses.responses.iter_mut() {
                if let RefOr::T(r) = response
                    && r.description.trim().is_empty()
                {
                    r.description = meaning(status).to_string();
                }
            }
            if let Some(id) = &op.operation_id {
                *ids.entry(id.clone()).or_default() += 1;
            }
        }
    }
    // Operation ids come from the handlers' function names, which repeat
    // across modules (`list`, `create`): prefix a repeated one with its tag,
    // and fall back to the method and path.
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (path, item) in doc.paths.paths.iter_mut() {
        for (method, op) in operations(item) {
            let Some(id) = op.operation_id.clone() else { continue };
            let mut unique = id.clone();
            if ids.get(&id).copied().unwrap_or(0) > 1 {
                let tag = op.tags.as_ref().and_then(|t| t.first()).cloned().unwrap_or_default();
                unique = format!("{}_{id}", tag.replace(' ', "_"));
            }
            if seen.contains(&unique) {
                let slug: String = path.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
                unique = format!("{method}{slug}");
            }
            seen.insert(unique.clone());
            op.operation_id = Some(unique);
        }
    }
}

/// Answers an error that did not come from the API's own [`crate::ApiError`]
/// (a rejection by the router or an axum extractor: 405, a bad query string or
/// path, an unreadable body) as `{"error": {...}}` JSON like every other.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") || v.contains("+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_string(),
        Err(_) => String::new(),
    };
    let code = match status {
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    let message = if text.is_empty() || status.is_server_error() { status.canonical_reason().unwrap_or("error").to_string() } else { text };
    let body = serde_json::to_vec(&json!({ "error": { "code": code, "message": message, "field": null } })).unwrap_or_default();
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body)).into_response()
}
