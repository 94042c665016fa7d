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
    /// Started with `--demo`: the demo's sign-ins (address, what the person does), shown under the form.
    demo: Vec<(&'static str, String)>,
    demo_password: &'static str,
}

/// What each of `keyplan_app::demo::DEMO_SIGN_INS` does, as message ids (same order).
const DEMO_ROLES: [&str; 4] = ["login-demo-kam", "login-demo-member", "login-demo-manager", "login-demo-admin"];

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    auth: Option<axum::Extension<Auth>>,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Response {
    if auth.is_some() {
        return Redirect::to("/accounts").into_response();
    }
    let t = crate::lang::from_headers(&headers);
    login_page(t, StatusCode::OK, String::new(), safe_next(q.next.as_deref()), None, &state)
}

fn login_page(t: Tr, status: StatusCode, email: String, next: String, error: Option<String>, state: &AppState) -> Response {
    let secure = state.config.cookies_secure();
    // Double-submit token for the sign-in form: the cookie and the field must match.
    let csrf = auth::random_token();
    let demo = if state.config.demo {
        keyplan_app::demo::DEMO_SIGN_INS.iter().zip(DEMO_ROLES).map(|((email, _), role)| (*email, t.s(role))).collect()
    } else {
        Vec::new()
    };
    let page = LoginPage { t, csrf: csrf.clone(), email, next, error, demo, demo_password: keyplan_app::demo::DEMO_PASSWORD };
    let mut r = super::render(status, &page, false);
    // The sign-in page's own cookie: `Secure` like the session's.
    if let Ok(v) = HeaderValue::from_str(&auth::set_cookie(auth::LOGIN_CSRF_COOKIE, &csrf, 3600, secure)) {
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
        return Ok(login_page(t, StatusCode::UNPROCESSABLE_ENTITY, email, next, Some(t.s("login-missing")), &state));
    }
    // Counted before the password is checked, in one statement each: of many
    // simultaneous attempts, those over the limit are refused without Argon2.
    let window = time::Duration::minutes(WINDOW_MINUTES);
    let (email_key, ip_key) = (format!("email:{email}"), format!("ip:{ip}"));
    let by_email = state.store.count_login_attempt(&email_key, window).await?;
    let by_ip = state.store.count_login_attempt(&ip_key, window).await?;
    if by_email > MAX_FAILURES_PER_EMAIL || by_ip > MAX_FAILURES_PER_IP {
        tracing::warn!(%ip, "sign-in rate limit reached");
        let message = t.s1("login-rate-limited", "minutes", WINDOW_MINUTES);
        return Ok(login_page(t, StatusCode::TOO_MANY_REQUESTS, email, next, Some(message), &state));
    }
    let found = state.store.user_for_login(&email).await?;
    let (user, hash) = match found {
        Some((u, h)) if u.active => (Some(u), h),
        _ => (None, auth::dummy_hash().to_string()),
    };
    let ok = match state.hasher.verify(form.password.clone(), hash).await {
        Ok(ok) => ok && user.is_some(),
        Err(keyplan_app::hashing::Busy) => {
            // Not the caller's fault: the attempt does not count.
            state.store.uncount_login_attempt(&email_key).await?;
            state.store.uncount_login_attempt(&ip_key).await?;
            let mut r = login_page(t, StatusCode::SERVICE_UNAVAILABLE, email, next, Some(t.s("login-busy")), &state);
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return Ok(r);
        }
    };
    state.store.record_login_attempt(&email, &ip, ok).await?;
    if ok {
        // Only failures count against the limits.
        state.store.uncount_login_attempt(&email_key).await?;
        state.store.uncount_login_attempt(&ip_key).await?;
    }
    let Some(user) = user.filter(|_| ok) else {
        return Ok(login_page(t, StatusCode::UNAUTHORIZED, email, next, Some(t.s("login-mismatch")), &state));
    };
    let token = auth::random_token();
    let hours = state.config.session_hours.max(1);
    let expires = time::OffsetDateTime::now_utc() + time::Duration::hours(hours);
    state.store.create_session(user.id, &auth::token_hash(&token), &auth::random_token(), expires).await?;
    tracing::info!(user_id = user.id.get(), "signed in");
    let mut r = Redirect::to(&next).into_response();
    let cookie = auth::set_cookie(auth::SESSION_COOKIE, &token, hours * 3600, state.config.cookies_secure());
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

/// The client's address. Behind load balancers (`trust_proxy`), the
/// right-most `X-Forwarded-For` entry that is not a trusted proxy: each proxy
/// appends the address it was reached from, so entries left of the last
/// trusted hop are whatever the client chose to send.
pub(crate) fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    let peer_ip = peer.map(|p| p.ip());
    if !state.config.trust_proxy {
        return peer_ip.map(|p| p.to_string()).unwrap_or_else(|| "unknown".into());
    }
    let forwarded: Vec<String> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .collect();
    forwarded_client(&forwarded, peer_ip, &state.config.trusted_proxies).unwrap_or_else(|| "unknown".into())
}

/// Walks from the connection's peer leftwards through `forwarded` and answers
/// the first address that is not a trusted proxy (all trusted: the left-most).
pub(crate) fn forwarded_client(forwarded: &[String], peer: Option<std::net::IpAddr>, trusted: &[String]) -> Option<String> {
    let mut hops: Vec<String> = forwarded.to_vec();
    if let Some(p) = peer {
        hops.push(p.to_string());
    }
    for hop in hops.iter().rev() {
        match hop.parse::<std::net::IpAddr>() {
            Ok(ip) if trusted.iter().any(|t| in_network(ip, t)) => continue,
            // Not an address (a forged entry, say): it is what the client sent.
            _ => return Some(hop.clone()),
        }
    }
    hops.first().cloned()
}

/// Whether `ip` is `net`: one address, or a network `ADDR/BITS`.
fn in_network(ip: std::net::IpAddr, net: &str) -> bool {
    use std::net::IpAddr;
    let (addr, bits) = match net.split_once('/') {
        Some((a, b)) => (a, b.trim().parse::<u32>().ok()),
        None => (net, None),
    };
    let Ok(addr) = addr.trim().parse::<IpAddr>() else { return false };
    let ip = match (ip, addr) {
        (IpAddr::V6(v6), IpAddr::V4(_)) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        _ => ip,
    };
    match (ip, addr) {
        (IpAddr::V4(a), IpAddr::V4(b)) => {
            let bits = bits.unwrap_or(32).min(32);
            let mask = if bits == 0 { 0 } else { u32::MAX << (32 - bits) };
            u32::from(a) & mask == u32::from(b) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(b)) => {
            let bits = bits.unwrap_or(128).min(128);
            let mask = if bits == 0 { 0 } else { u128::MAX << (128 - bits) };
            u128::from(a) & mask == u128::from(b) & mask
        }
        _ => false,
    }
}

/// The peer address, when the server was started with connection info.
pub struct ClientAddr(pub Option<SocketAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::forwarded_client;

    fn client(xff: &[&str], peer: &str, trusted: &[&str]) -> Option<String> {
        let xff: Vec<String> = xff.iter().map(|s| s.to_string()).collect();
        let trusted: Vec<String> = trusted.iter().map(|s| s.to_string()).collect();
        forwarded_client(&xff, peer.parse().ok(), &trusted)
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let lb = ["127.0.0.1", "::1"];
        assert_eq!(client(&["203.0.113.7"], "127.0.0.1", &lb).as_deref(), Some("203.0.113.7"));
        // A forged left-most entry does not win.
        assert_eq!(client(&["1.2.3.4", "203.0.113.7"], "127.0.0.1", &lb).as_deref(), Some("203.0.113.7"));
        // Two proxies in a chain, both trusted by network.
        let chain = ["10.0.0.0/8", "127.0.0.1"];
        assert_eq!(client(&["1.2.3.4", "198.51.100.2", "10.1.2.3"], "127.0.0.1", &chain).as_deref(), Some("198.51.100.2"));
        // A peer that is not a trusted proxy is the client, whatever it sends.
        assert_eq!(client(&["1.2.3.4"], "192.0.2.9", &lb).as_deref(), Some("192.0.2.9"));
        // Garbage is what the client sent.
        assert_eq!(client(&["1.2.3.4", "not-an-ip"], "127.0.0.1", &lb).as_deref(), Some("not-an-ip"));
        // Everything trusted: the left-most.
        assert_eq!(client(&["10.0.0.1"], "127.0.0.1", &chain).as_deref(), Some("10.0.0.1"));
        // An IPv4 peer seen as IPv6-mapped is still loopback.
        assert_eq!(client(&["203.0.113.7"], "::ffff:127.0.0.1", &lb).as_deref(), Some("203.0.113.7"));
    }
}
