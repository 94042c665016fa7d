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

fn log(e: &AppError) {
    if let AppError::Internal(e) = e {
        tracing::error!(error = ?e, "internal error");
    }
}

/// What the user is told, in `t`'s language (the API's is English). Every
/// reason is a message by code, written here once.
fn message_in(e: &AppError, t: Tr) -> String {
    match e {
        AppError::NotFound => t.s("error-not-found"),
        AppError::Unauthorized => t.s("error-unauthorized"),
        AppError::Conflict { current_version } => t.s1("error-conflict", "version", current_version.to_string()),
        AppError::Internal(_) => t.s("error-internal"),
        AppError::Validation(errors) => {
            errors.iter().map(|e| format!("{}: {}", t.field_name(&e.field), t.msg(&e.message))).collect::<Vec<_>>().join("; ")
        }
        AppError::Forbidden(m) | AppError::BadRequest(m) | AppError::State(m) | AppError::TooManyRequests(m) => t.msg(m),
    }
}

/// What the API says: English, with each field by its key (`due_date: must be a date`),
/// as the field is named in the request.
fn message(e: &AppError) -> String {
    match e {
        AppError::Validation(errors) => {
            let en = Tr::new(Lang::En);
            errors.iter().map(|e| format!("{}: {}", e.field, en.msg(&e.message))).collect::<Vec<_>>().join("; ")
        }
        _ => message_in(e, Tr::new(Lang::En)),
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
        Err(_) => (status, message_in(e, t)).into_response(),
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
        assert_eq!(message_in(&AppError::state("review-err-hold-first"), de), de.s("review-err-hold-first"));
        assert_eq!(message_in(&AppError::state("review-err-hold-first"), Tr::new(Lang::En)), "Hold the review before signing it off.");
    }
}
