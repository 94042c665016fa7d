//! One error type for the whole application. Pages render it as HTML, the API as
//! `{"error": {"code", "message", "field"}}`. Internal errors are logged with
//! their cause and shown to the user only as "something went wrong".

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use keyplan_domain::FieldError;
use keyplan_domain::acceptance::AcceptanceError;
use keyplan_store::StoreError;
use serde_json::json;

use crate::i18n::Tr;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign in first")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    BadRequest(String),
    /// Input that does not pass validation; every field that failed.
    #[error("invalid input")]
    Validation(Vec<FieldError>),
    /// The edit was based on an old version; nothing was stored.
    #[error("changed by someone else")]
    Conflict { current_version: i64 },
    /// The request does not fit the record's current state (e.g. accepting twice).
    #[error("{0}")]
    State(String),
    #[error("{0}")]
    TooManyRequests(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    pub fn forbidden() -> Self {
        AppError::Forbidden(FORBIDDEN.into())
    }

    fn status(&self) -> StatusCode {
        match self {
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

    fn code(&self) -> &'static str {
        match self {
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

    /// What the user is told.
    fn message(&self) -> String {
        match self {
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

    fn log(&self) {
        if let AppError::Internal(e) = self {
            tracing::error!(error = ?e, "internal error");
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict { current } => AppError::Conflict { current_version: current },
            StoreError::Invalid(f) => AppError::Validation(vec![f]),
            other => AppError::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<FieldError> for AppError {
    fn from(f: FieldError) -> Self {
        AppError::Validation(vec![f])
    }
}

impl From<Vec<FieldError>> for AppError {
    fn from(errors: Vec<FieldError>) -> Self {
        AppError::Validation(errors)
    }
}

impl From<AcceptanceError> for AppError {
    fn from(e: AcceptanceError) -> Self {
        match e {
            AcceptanceError::Invalid(f) => AppError::Validation(vec![f]),
            AcceptanceError::NotOwner | AcceptanceError::NotAuthor => AppError::Forbidden(e.to_string()),
            AcceptanceError::WrongState(_) => AppError::State(e.to_string()),
        }
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

impl AppError {
    /// What the user is told on an error page, in `t`'s language. Messages
    /// written elsewhere in English are translated when they are known ones.
    fn message_in(&self, t: Tr) -> String {
        if t.lang == keyplan_domain::Lang::En {
            return self.message();
        }
        match self {
            AppError::NotFound => t.s("error-not-found"),
            AppError::Conflict { current_version } => t.s1("error-conflict", "version", current_version.to_string()),
            AppError::Internal(_) => t.s("error-internal"),
            AppError::Validation(errors) => {
                errors.iter().map(|e| format!("{}: {}", e.field, t.field_error(&e.message))).collect::<Vec<_>>().join("; ")
            }
            AppError::Forbidden(m) | AppError::BadRequest(m) | AppError::State(m) | AppError::TooManyRequests(m) => {
                let known = [
                    (FORBIDDEN, "error-forbidden"),
                    (crate::middleware::CSRF_FAILED, "error-csrf"),
                    (crate::middleware::FORM_TOO_LARGE, "error-form-too-large"),
                    (crate::pages::NO_VERSION, "error-no-version"),
                ];
                known.iter().find(|(english, _)| english == m).map(|(_, id)| t.s(id)).unwrap_or_else(|| state_message(m, t))
            }
            AppError::Unauthorized => self.message(),
        }
    }
}

const FORBIDDEN: &str = "You do not have permission to do this.";

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

/// Pages: an HTML error page, in the request's language.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        if matches!(self, AppError::Unauthorized) {
            return axum::response::Redirect::to("/login").into_response();
        }
        let t = Tr::new(crate::i18n::current());
        let title = match status {
            StatusCode::NOT_FOUND => "error-title-not-found",
            StatusCode::FORBIDDEN => "error-title-forbidden",
            StatusCode::CONFLICT => "error-title-conflict",
            StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => "error-title-input",
            StatusCode::TOO_MANY_REQUESTS => "error-title-too-many",
            _ => "error-title-internal",
        };
        let page = ErrorPage { t, status: status.as_u16(), title: t.s(title), message: self.message_in(t) };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, self.message()).into_response(),
        }
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
        e.log();
        let field = match &e {
            AppError::Validation(errors) => errors.first().map(|f| f.field.clone()),
            _ => None,
        };
        let mut body = json!({ "error": { "code": e.code(), "message": e.message(), "field": field } });
        if let AppError::Validation(errors) = &e
            && errors.len() > 1
        {
            body["error"]["fields"] = json!(errors);
        }
        if let AppError::Conflict { current_version } = &e {
            body["error"]["current_version"] = json!(current_version);
        }
        (e.status(), Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use keyplan_domain::Lang;
    use keyplan_domain::acceptance::AcceptanceError;

    use super::*;

    #[test]
    fn refused_state_changes_read_in_german() {
        let de = Tr::new(Lang::De);
        let wrong = AppError::from(AcceptanceError::WrongState("already accepted"));
        assert_eq!(wrong.message_in(de), "Diese Zusage hat den Stand „Angenommen“; diese Antwort passt nicht dazu.");
        assert_eq!(wrong.message_in(Tr::new(Lang::En)), "this commitment is already accepted; that answer does not apply");
        let not_owner = AppError::from(AcceptanceError::NotOwner);
        assert_eq!(not_owner.message_in(de), de.s("err-not-owner"));
        assert_eq!(AppError::State("Hold the review before signing it off.".into()).message_in(de), de.s("review-err-hold-first"));
        assert_eq!(AppError::State("Something new".into()).message_in(de), "Something new");
    }
}
