//! How the application's error reaches people: pages render an HTML error page
//! in the reader's language, the API answers
//! `{"error": {"code", "message", "field"}}`. Internal errors are logged with
//! their cause and shown only as "something went wrong".

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
pub use keyplan_app::AppError;
use keyplan_domain::Lang;
use keyplan_i18n::Tr;
use serde_json::json;

/// What a refused form that is too large says.
pub const FORM_TOO_LARGE: &str = "The form is too large.";
/// What a form without (or with a wrong) CSRF token says.
pub const CSRF_FAILED: &str = "This form has expired or did not come from keyplan. Go back, reload the page and try again.";
/// What a form without its version says.
pub const NO_VERSION: &str = "The form is missing its version; reload the page and try again.";

fn status(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict { .. } | AppError::State(_) => StatusCode::CONFLICT,
        AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn code(e: &AppError) -> &'static str {
    match e {
        AppError::NotFound => "not_found",
        AppError::Unauthorized => "unauthorized",
        AppError::Forbidden(_) => "forbidden",
        AppError::BadRequest(_) => "bad_request",
        AppError::Validation(_) => "invalid",
        AppError::Conflict { .. } => "conflict",
        AppError::State(_) => "invalid_state",
        AppError::TooManyRequests(_) => "too_many_requests",
        AppError::Internal(_) => "internal",
    }
}

/// What the user is told, in English (the API's language).
fn message(e: &AppError) -> String {
    match e {
        AppError::NotFound => "Not found.".into(),
        AppError::Unauthorized => "Sign in first (session cookie or Authorization: Bearer TOKEN).".into(),
        AppError::Forbidden(m) | AppError::BadRequest(m) | AppError::State(m) | AppError::TooManyRequests(m) => m.clone(),
        AppError::Validation(errors) => errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; "),
        AppError::Conflict { current_version } => format!(
            "This record was changed by someone else (it is now at version {current_version}). Nothing was stored; reload it and apply your change again."
        ),
        AppError::Internal(_) => "Something went wrong on our side. It has been logged; please try again.".into(),
    }
}

fn log(e: &AppError) {
    if let AppError::Internal(e) = e {
        tracing::error!(error = ?e, "internal error");
    }
}

/// What the user is told on an error page, in `t`'s language. Messages
/// written elsewhere in English are translated when they are known ones.
fn message_in(e: &AppError, t: Tr) -> String {
    if t.lang == Lang::En {
        return message(e);
    }
    match e {
        AppError::NotFound => t.s("error-not-found"),
        AppError::Conflict { current_version } => t.s1("error-conflict", "version", current_version.to_string()),
        AppError::Internal(_) => t.s("error-internal"),
        AppError::Validation(errors) => {
            errors.iter().map(|e| format!("{}: {}", e.field, t.field_error(&e.message))).collect::<Vec<_>>().join("; ")
        }
        AppError::Forbidden(m) | AppError::BadRequest(m) | AppError::State(m) | AppError::TooManyRequests(m) => {
            let known = [
                (keyplan_app::FORBIDDEN, "error-forbidden"),
                (CSRF_FAILED, "error-csrf"),
                (FORM_TOO_LARGE, "error-form-too-large"),
                (NO_VERSION, "error-no-version"),
            ];
            known.iter().find(|(english, _)| english == m).map(|(_, id)| t.s(id)).unwrap_or_else(|| state_message(m, t))
        }
        AppError::Unauthorized => message(e),
    }
}

/// The English messages of refused state changes (reviews, commitments) in `t`'s
/// language; others stay as written.
fn state_message(m: &str, t: Tr) -> String {
    let known = [
        ("This review has already been held.", "review-err-already-held"),
        ("Only a management review is signed off.", "review-err-only-management"),
        ("Hold the review before signing it off.", "review-err-hold-first"),
        ("A held review is part of the plan's history and stays.", "review-err-held-stays"),
        ("only the owner of this commitment can answer it", "err-not-owner"),
        ("only the author of this commitment can answer the proposed date", "err-not-author"),
        ("this commitment has no owner yet", "err-no-owner"),
    ];
    if let Some((_, id)) = known.iter().find(|(english, _)| *english == m) {
        return t.s(id);
    }
    match m.strip_prefix("this commitment is ").and_then(|r| r.strip_suffix("; that answer does not apply")) {
        Some(state) => {
            let state = match state.strip_prefix("already ") {
                Some(code) => t.enum_label("acceptance", code),
                None => t.enum_label("acceptance", state),
            };
            t.s1("err-wrong-state", "state", state)
        }
        None => m.to_string(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: Tr,
    status: u16,
    title: String,
    message: String,
}

/// A page's error. Rendered in English when made; the authentication
/// middleware, which knows the request's language, renders it again in that
/// language (see [`PendingPage`]).
#[derive(Debug)]
pub struct PageError(pub AppError);

impl<E: Into<AppError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

/// An error page still to be rendered in the request's language.
#[derive(Clone)]
pub struct PendingPage(pub Arc<AppError>);

/// The HTML error page for `e` in `lang`.
pub fn error_page(e: &AppError, lang: Lang) -> Response {
    let status = status(e);
    if matches!(e, AppError::Unauthorized) {
        return axum::response::Redirect::to("/login").into_response();
    }
    let t = Tr::new(lang);
    let title = match status {
        StatusCode::NOT_FOUND => "error-title-not-found",
        StatusCode::FORBIDDEN => "error-title-forbidden",
        StatusCode::CONFLICT => "error-title-conflict",
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => "error-title-input",
        StatusCode::TOO_MANY_REQUESTS => "error-title-too-many",
        _ => "error-title-internal",
    };
    let page = ErrorPage { t, status: status.as_u16(), title: t.s(title), message: message_in(e, t) };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, message(e)).into_response(),
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        log(&self.0);
        let mut r = error_page(&self.0, Lang::En);
        r.extensions_mut().insert(PendingPage(Arc::new(self.0)));
        r
    }
}

/// Renders a page error in the request's language, if the response is one.
pub fn localise_error_page(r: Response, lang: Lang) -> Response {
    match (lang, r.extensions().get::<PendingPage>().cloned()) {
        (Lang::En, _) | (_, None) => r,
        (lang, Some(PendingPage(e))) => error_page(&e, lang),
    }
}

/// The API's rendering of [`AppError`].
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        log(&e);
        let field = match &e {
            AppError::Validation(errors) => errors.first().map(|f| f.field.clone()),
            _ => None,
        };
        let mut body = json!({ "error": { "code": code(&e), "message": message(&e), "field": field } });
        if let AppError::Validation(errors) = &e
            && errors.len() > 1
        {
            body["error"]["fields"] = json!(errors);
        }
        if let AppError::Conflict { current_version } = &e {
            body["error"]["current_version"] = json!(current_version);
        }
        (status(&e), Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use keyplan_domain::acceptance::AcceptanceError;

    use super::*;

    #[test]
    fn refused_state_changes_read_in_german() {
        let de = Tr::new(Lang::De);
        let wrong = AppError::from(AcceptanceError::WrongState("already accepted"));
        assert_eq!(message_in(&wrong, de), "Diese Zusage hat den Stand „Angenommen“; diese Antwort passt nicht dazu.");
        assert_eq!(message_in(&wrong, Tr::new(Lang::En)), "this commitment is already accepted; that answer does not apply");
        let not_owner = AppError::from(AcceptanceError::NotOwner);
        assert_eq!(message_in(&not_owner, de), de.s("err-not-owner"));
        assert_eq!(message_in(&AppError::State("Hold the review before signing it off.".into()), de), de.s("review-err-hold-first"));
        assert_eq!(message_in(&AppError::State("Something new".into()), de), "Something new");
    }
}
