//! Sign in and sign out.

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::net::SocketAddr;

use crate::auth::{self, Auth};
use crate::error::PageError;
use crate::{AppError, AppState};
use keyplan_i18n::Tr;

/// Failed attempts allowed per e-mail, and per client address, in the window.
const MAX_FAILURES_PER_EMAIL: i64 = 5;
const MAX_FAILURES_PER_IP: i64 = 20;
const WINDOW_MINUTES: i64 = 15;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    t: Tr,
    csrf: String,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn show(auth: Option<axum::Extension<Auth>>, headers: HeaderMap, Query(q): Query<NextQuery>) -> Response {
    if auth.is_some() {
        return Redirect::to("/accounts").into_response();
    }
    login_page(crate::lang::from_headers(&headers), StatusCode::OK, String::new(), safe_next(q.next.as_deref()), None)
}

fn login_page(t: Tr, status: StatusCode, email: String, next: String, error: Option<String>) -> Response {
    // Double-submit token for the sign-in form: the cookie and the field must match.
    let csrf = auth::random_token();
    let page = LoginPage { t, csrf: csrf.clone(), email, next, error };
    let mut r = super::render(status, &page, false);
    if let Ok(v) = HeaderValue::from_str(&auth::set_cookie(auth::LOGIN_CSRF_COOKIE, &csrf, 3600, false)) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// Only same-site paths, so the sign-in page cannot send people elsewhere.
fn safe_next(next: Option<&str>) -> String {
    next.and_then(super::local_path).unwrap_or("/accounts").to_string()
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ClientAddr(peer): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    // Control characters (NUL included) are never part of an address.
    let email: String = form.email.trim().to_lowercase().chars().filter(|c| !c.is_control()).collect();
    let next = safe_next(Some(&form.next));
    let ip = client_ip(&state, &headers, peer);
    let t = crate::lang::from_headers(&headers);
    if email.is_empty() || form.password.is_empty() {
        return Ok(login_page(t, StatusCode::UNPROCESSABLE_ENTITY, email, next, Some(t.s("login-missing"))));
    }
    let since = time::OffsetDateTime::now_utc() - time::Duration::minutes(WINDOW_MINUTES);
    let (by_email, by_ip) = state.store.recent_failures(&email, &ip, since).await?;
    if by_email >= MAX_FAILURES_PER_EMAIL || by_ip >= MAX_FAILURES_PER_IP {
        tracing::warn!(%email, %ip, "sign-in rate limit reached");
        let message = t.s1("login-rate-limited", "minutes", WINDOW_MINUTES);
        return Ok(login_page(t, StatusCode::TOO_MANY_REQUESTS, email, next, Some(message)));
    }
    let found = state.store.user_for_login(&email).await?;
    let (user, hash) = match found {
        Some((u, h)) if u.active => (Some(u), h),
        _ => (None, auth::dummy_hash().to_string()),
    };
    let ok = auth::verify_password(form.password.clone(), hash).await && user.is_some();
    state.store.record_login_attempt(&email, &ip, ok).await?;
    let Some(user) = user.filter(|_| ok) else {
        return Ok(login_page(t, StatusCode::UNAUTHORIZED, email, next, Some(t.s("login-mismatch"))));
    };
    let token = auth::random_token();
    let hours = state.config.session_hours.max(1);
    let expires = time::OffsetDateTime::now_utc() + time::Duration::hours(hours);
    state.store.create_session(user.id, &auth::token_hash(&token), &auth::random_token(), expires).await?;
    tracing::info!(user_id = user.id.get(), "signed in");
    let mut r = Redirect::to(&next).into_response();
    let cookie = auth::set_cookie(auth::SESSION_COOKIE, &token, hours * 3600, state.config.secure_cookies);
    r.headers_mut().append(header::SET_COOKIE, HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.into()))?);
    r.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&auth::clear_cookie(auth::LOGIN_CSRF_COOKIE)).map_err(|e| AppError::Internal(e.into()))?,
    );
    Ok(r)
}

pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, PageError> {
    if let Some(token) = auth::cookie(&headers, auth::SESSION_COOKIE) {
        state.store.delete_session(&auth::token_hash(&token)).await?;
    }
    let mut r = Redirect::to("/login").into_response();
    if let Ok(v) = HeaderValue::from_str(&auth::clear_cookie(auth::SESSION_COOKIE)) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

pub(crate) fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    if state.config.trust_proxy
        && let Some(first) = headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()).and_then(|v| v.split(',').next())
    {
        return first.trim().to_string();
    }
    peer.map(|p| p.ip().to_string()).unwrap_or_else(|| "unknown".into())
}

/// The peer address, when the server was started with connection info.
pub struct ClientAddr(pub Option<SocketAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0)))
    }
}
