//! Authentication, CSRF protection and the layers every response passes through.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::auth::{self, Auth, Via};
use crate::error::{PageError, localise_error_page};
use crate::{ApiError, AppError, AppState};

/// The API's documents that need no sign-in (documented without 401).
const PUBLIC_API: [&str; 2] = ["/api/v1/openapi.json", "/api/v1/schema/plan.json"];

/// Finds the caller (session cookie or bearer token) and rejects state-changing
/// requests that lack the session's CSRF token.
pub async fn authenticate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // Assets and the health check are the same for everyone: no session lookup.
    let path = req.uri().path();
    if req.method() == Method::GET && (path.starts_with("/static/") || path == "/favicon.svg" || path == "/healthz") {
        return next.run(req).await;
    }
    let is_api = req.uri().path().starts_with("/api/");
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(|t| t.trim().to_string());
    let session = auth::cookie(req.headers(), auth::SESSION_COOKIE);

    let found = match (&bearer, &session) {
        (Some(token), _) => match state.store.token_user(&auth::token_hash(token)).await {
            Ok(Some(u)) => Some(Auth { user: Arc::new(u), via: Via::Token }),
            // The API's public documents answer anyone, whatever token they send.
            Ok(None) if PUBLIC_API.contains(&req.uri().path()) => None,
            Ok(None) => return ApiError(AppError::Unauthorized).into_response_with_message("The API token is not valid."),
            Err(e) => return fail(is_api, e.into()),
        },
        (None, Some(token)) => match state.store.session_user(&auth::token_hash(token)).await {
            Ok(Some(u)) => Some(Auth { user: Arc::new(u), via: Via::Session }),
            Ok(None) => None,
            Err(e) => return fail(is_api, e.into()),
        },
        (None, None) => None,
    };
    // Error pages are built without the request at hand: they read the language from here.
    let lang = crate::lang::resolve(found.as_ref().and_then(|a| a.user.language()), req.headers());
    let max_body = state.config.max_body_bytes;
    // The organisation's ceiling on any one text field, for what is about to be written.
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let max_text = match &found {
        Some(a) if writes => match state.store.organisation_settings(a.org()).await {
            Ok((s, _)) => Some(s.max_text_chars as usize),
            Err(e) => return fail(is_api, e.into()),
        },
        _ => None,
    };
    let limits = Limits { max_body, max_text };
    let response = crate::lang::scope(lang, check_csrf_and_run(req, found, is_api, limits, next)).await;
    localise_error_page(response, lang)
}

/// The sizes a request must keep to.
#[derive(Clone, Copy)]
struct Limits {
    max_body: usize,
    /// Characters per text field, for a signed-in user's writes.
    max_text: Option<usize>,
}

/// The rest of [`authenticate`]: CSRF for state-changing requests, the
/// organisation's ceiling on text fields, then the handler.
async fn check_csrf_and_run(req: Request, found: Option<Auth>, is_api: bool, limits: Limits, next: Next) -> Response {
    let Limits { max_body, max_text } = limits;
    let mut req = req;
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method {
        if is_api {
            if let Some(a) = &found
                && a.via == Via::Session
            {
                let sent = req.headers().get(auth::CSRF_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
                if !auth::same_secret(sent, a.csrf()) {
                    let reason = keyplan_domain::Message::new("error-csrf-header").arg("header", auth::CSRF_HEADER);
                    return ApiError(AppError::Forbidden(reason)).into_response();
                }
            }
            if let Some(max) = max_text
                && !UPLOAD_PATHS.contains(&req.uri().path())
            {
                match json_within(req, max_body, max).await {
                    Ok(r) => req = r,
                    Err(r) => return *r,
                }
            }
        } else if UPLOAD_PATHS.contains(&req.uri().path()) {
            // A file upload (multipart): the form's CSRF token comes in the
            // query string (`?_csrf=`), so that the body (up to the upload
            // limit) is read once, by the handler.
            let sent = req.uri().query().and_then(|q| {
                serde_urlencoded::from_str::<Vec<(String, String)>>(q)
                    .ok()?
                    .into_iter()
                    .find(|(k, _)| k == auth::CSRF_FIELD)
                    .map(|(_, v)| v)
            });
            let Some(a) = &found else { return axum::response::Redirect::to("/login").into_response() };
            if !auth::same_secret(sent.as_deref().unwrap_or(""), a.csrf()) || a.csrf().is_empty() {
                return PageError(AppError::Forbidden(keyplan_domain::Message::new("error-csrf"))).into_response();
            }
        } else if req.uri().path().starts_with("/s/") {
            // The share page's visitors are not signed in: its forms carry a
            // token of their link instead, checked by its handlers.
        } else {
            let (parts, body) = req.into_parts();
            let bytes = match axum::body::to_bytes(body, max_body).await {
                Ok(b) => b,
                Err(_) => return PageError(AppError::bad_request("error-form-too-large")).into_response(),
            };
            let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
            let sent = form.iter().find(|(k, _)| k == auth::CSRF_FIELD).map(|(_, v)| v.as_str()).unwrap_or("");
            let expected = if parts.uri.path() == "/login" {
                auth::cookie(&parts.headers, auth::LOGIN_CSRF_COOKIE).unwrap_or_default()
            } else {
                found.as_ref().map(|a| a.csrf().to_string()).unwrap_or_default()
            };
            if expected.is_empty() && found.is_none() && parts.uri.path() != "/login" {
                // Not signed in (or the session ended): go and sign in.
                return axum::response::Redirect::to("/login").into_response();
            }
            if expected.is_empty() || !auth::same_secret(sent, &expected) {
                return PageError(AppError::Forbidden(keyplan_domain::Message::new("error-csrf"))).into_response();
            }
            if let Some(max) = max_text
                && let Some(e) = form.iter().find_map(|(k, v)| keyplan_domain::text::within(k, v, max).err())
            {
                return PageError(AppError::Validation(vec![e])).into_response();
            }
            req = Request::from_parts(parts, Body::from(bytes));
        }
    }
    if let Some(a) = found {
        tracing::Span::current().record("user_id", a.id().get());
        req.extensions_mut().insert(a);
    }
    next.run(req).await
}

/// Refuses a JSON body with a string longer than `max` characters (422,
/// naming its path); hands the request back otherwise. Other bodies (files)
/// are the handlers' to check.
async fn json_within(req: Request, max_body: usize, max: usize) -> Result<Request, Box<Response>> {
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") || v.contains("+json"));
    if !is_json {
        return Ok(req);
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, max_body).await {
        Ok(b) => b,
        Err(_) => return Err(Box::new(StatusCode::PAYLOAD_TOO_LARGE.into_response())),
    };
    // Malformed JSON is the handler's to refuse (400).
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes)
        && let Err(e) = keyplan_domain::text::within_json("", &value, max)
    {
        return Err(Box::new(ApiError(AppError::Validation(vec![e])).into_response()));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

fn fail(is_api: bool, e: AppError) -> Response {
    if is_api { ApiError(e).into_response() } else { PageError(e).into_response() }
}

impl ApiError {
    fn into_response_with_message(self, message: &str) -> Response {
        let mut r = self.into_response();
        if let Ok(v) = HeaderValue::from_str(&format!("Bearer error=\"invalid_token\", error_description=\"{message}\"")) {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
        }
        r
    }
}

/// The routes that take a CRM export, with their own, larger body limit.
pub const UPLOAD_PATHS: [&str; 2] = ["/api/v1/crm/imports", "/crm/import"];

/// Tracing, body limit, timeout, caching and security headers, around every
/// request, with `inner` (such as [`authenticate`]) innermost.
///
/// The layers wrap the router once, as one service, rather than each of its
/// routes (`Router::layer`): that way a request does not clone a boxed
/// service per layer (issue 18: a tenth of a cached plan answer's cost).
pub fn with_common_layers<L>(router: axum::Router, inner: L, max_body: usize, max_upload: usize) -> axum::Router
where
    L: tower::Layer<axum::Router> + Send + Sync + 'static,
    L::Service: tower::Service<Request, Response = Response, Error = std::convert::Infallible> + Clone + Send + Sync + 'static,
    <L::Service as tower::Service<Request>>::Future: Send + 'static,
{
    let csp = HeaderValue::from_static(
        "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    );
    let service = tower::ServiceBuilder::new()
        .layer(TraceLayer::new_for_http().make_span_with(MakeSpan))
        .layer(axum::middleware::from_fn(move |req: Request, next: Next| too_large_as_json(req, next, max_body)))
        .layer(axum::middleware::from_fn(move |req: Request, next: Next| body_limit(req, next, max_body, max_upload)))
        .layer(axum::extract::DefaultBodyLimit::max(max_body))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, csp))
        .layer(axum::middleware::from_fn(no_store))
        .map_response(|r: axum::http::Response<_>| r.into_response())
        .layer(compression())
        .layer(inner)
        .service(router);
    axum::Router::new().fallback_service(service)
}

/// Text answers over 1 KB (HTML, JSON, CSV, SVG, Markdown, CSS, JavaScript)
/// go out gzip-compressed when the client accepts it. PDFs and workbooks are
/// compressed already and pass as they are. Measured with
/// `benches/compression.rs` on the demo's 118 KB plan page: gzip at level 4
/// adds 0.9 ms and sends 15 KB; brotli at the same level added 2 ms for 13 KB,
/// so brotli is not offered.
pub fn compression() -> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{Predicate, SizeAbove};
    use tower_http::compression::{CompressionLayer, CompressionLevel};
    let text = |_: StatusCode, _: axum::http::Version, headers: &axum::http::HeaderMap, _: &axum::http::Extensions| {
        let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        COMPRESSIBLE.iter().any(|t| ct.starts_with(t))
    };
    CompressionLayer::new().quality(CompressionLevel::Precise(4)).compress_when(SizeAbove::new(MIN_COMPRESSED).and(text))
}

/// The smallest answer worth compressing, in bytes.
pub const MIN_COMPRESSED: u64 = 1024;

/// The content types compressed on the way out.
const COMPRESSIBLE: [&str; 7] =
    ["text/html", "application/json", "text/csv", "image/svg+xml", "text/markdown", "text/css", "application/javascript"];

/// Answers whose rendering leaves much freed memory behind (see [`crate::memory`]).
const HEAVY: [&[u8]; 3] = [b"application/pdf", b"application/vnd.openxmlformats", b"application/zip"];

/// Pages, API answers and downloads are the signed-in user's (or a share
/// link's) own: no browser or proxy keeps them. Static assets may be cached.
/// A PDF or workbook also marks the allocator for trimming.
async fn no_store(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let asset = path.starts_with("/static/") || path == "/favicon.svg";
    let mut response = next.run(req).await;
    let ct = response.headers().get(header::CONTENT_TYPE).map(|v| v.as_bytes()).unwrap_or_default();
    if HEAVY.iter().any(|t| ct.starts_with(t)) {
        crate::memory::after_heavy_work();
    }
    crate::memory::answered();
    if !asset {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Limits the request body: `max_upload` for the CRM import routes, which
/// check it themselves and say so in the reader's language, else `max_body`.
async fn body_limit(req: Request, next: Next, max_body: usize, max_upload: usize) -> Response {
    let limit = if req.method() == Method::POST && UPLOAD_PATHS.contains(&req.uri().path()) { max_upload } else { max_body };
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if limit == max_body && declared.is_some_and(|n| n > limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = req.into_parts();
    next.run(Request::from_parts(parts, Body::new(http_body_util::Limited::new(body, limit)))).await
}

/// A body over the limit: the API says so in its own JSON, naming the limit.
async fn too_large_as_json(req: Request, next: Next, max_body: usize) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    let is_json = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !is_api || response.status() != StatusCode::PAYLOAD_TOO_LARGE || is_json {
        return response;
    }
    let body = serde_json::json!({ "error": {
        "code": "payload_too_large",
        "message": format!("The request body is larger than the limit of {max_body} bytes."),
        "field": null,
        "limit_bytes": max_body,
    }});
    (StatusCode::PAYLOAD_TOO_LARGE, axum::Json(body)).into_response()
}

/// One span per request, with the fields the logs are searched by.
#[derive(Clone, Copy)]
pub struct MakeSpan;

impl<B> tower_http::trace::MakeSpan<B> for MakeSpan {
    fn make_span(&mut self, req: &axum::http::Request<B>) -> tracing::Span {
        tracing::info_span!("request", method = %req.method(), path = %loggable_path(req.uri().path()), user_id = tracing::field::Empty)
    }
}

/// A request path fit for the logs: the secret of a share link or calendar
/// feed in it is replaced by `…`.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in ["/s/", "/calendar/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find(['/', '.']).map(|i| &rest[i..]).unwrap_or("");
            return format!("{prefix}\u{2026}{tail}").into();
        }
    }
    path.into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_in_paths_are_not_logged() {
        assert_eq!(super::loggable_path("/s/abc123/comments"), "/s/\u{2026}/comments");
        assert_eq!(super::loggable_path("/s/abc123"), "/s/\u{2026}");
        assert_eq!(super::loggable_path("/calendar/abc123.ics"), "/calendar/\u{2026}.ics");
        assert_eq!(super::loggable_path("/plans/3"), "/plans/3");
    }
}
