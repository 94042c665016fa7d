//! Who the caller is, as HTTP sees it: the extractors that hand pages and the
//! API an [`Auth`], and the names of the cookies and CSRF fields.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
pub use keyplan_app::auth::{Auth, Via, dummy_hash, hash_password, new_api_token, random_token, same_secret, token_hash, verify_password};

use crate::{ApiError, AppError};

pub const SESSION_COOKIE: &str = "kp_session";
pub const LOGIN_CSRF_COOKIE: &str = "kp_login";
pub const CSRF_FIELD: &str = "_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A page's signed-in user; anonymous visitors are sent to the sign-in page.
pub struct PageUser(pub Auth);

impl<S: Send + Sync> FromRequestParts<S> for PageUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Auth>() {
            Some(auth) => Ok(PageUser(auth.clone())),
            None => {
                let next = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
                let target = if next == "/" { "/login".to_string() } else { format!("/login?next={}", urlencode(next)) };
                Err(Redirect::to(&target).into_response())
            }
        }
    }
}

/// An API caller; anonymous callers get 401.
pub struct ApiUser(pub Auth);

impl<S: Send + Sync> FromRequestParts<S> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Auth>().cloned().map(ApiUser).ok_or(ApiError(AppError::Unauthorized))
    }
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|e| e.trim_start_matches('=').to_string()).unwrap_or_default()
}

/// Reads one cookie from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers).get(name).map(|c| c.value().to_string())
}

/// A cookie for the whole site, never readable by scripts, sent along on
/// same-site requests and top-level navigation only; `Secure` when asked.
pub fn site_cookie(name: &'static str, value: String, max_age_secs: i64, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(time::Duration::seconds(max_age_secs))
        .secure(secure)
        .build()
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, whole site.
pub fn set_cookie(name: &'static str, value: &str, max_age_secs: i64, secure: bool) -> String {
    site_cookie(name, value.to_string(), max_age_secs, secure).to_string()
}

/// A `Set-Cookie` value that removes the cookie.
pub fn clear_cookie(name: &'static str) -> String {
    site_cookie(name, String::new(), 0, false).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_parse() {
        let mut h = axum::http::HeaderMap::new();
        h.insert(axum::http::header::COOKIE, "a=1; kp_session=xyz; b=2".parse().unwrap());
        assert_eq!(cookie(&h, "kp_session").as_deref(), Some("xyz"));
        assert_eq!(cookie(&h, "nope"), None);
        let set = set_cookie("s", "v", 10, true);
        for part in ["s=v", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=10", "Secure"] {
            assert!(set.split("; ").any(|p| p == part), "{part} in {set}");
        }
        assert!(clear_cookie("s").contains("Max-Age=0"));
        assert_eq!(urlencode("/plans/1?x=a b"), "%2Fplans%2F1%3Fx%3Da+b");
    }
}
