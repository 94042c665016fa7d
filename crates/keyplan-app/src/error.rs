//! The application layer's error: what went wrong, without HTTP. The web crate
//! maps each variant to a status and renders it as a page or as JSON. Reasons
//! are messages by code (Fluent ids with arguments), written in the reader's
//! language only where the error is shown.

use keyplan_domain::acceptance::AcceptanceError;
use keyplan_domain::{FieldError, Lang, Message};
use keyplan_store::StoreError;

pub type Result<T> = std::result::Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign in first")]
    Unauthorized,
    /// Not allowed, and why.
    #[error("{}", english(.0))]
    Forbidden(Message),
    /// A request keyplan cannot read (not a field of a form).
    #[error("{}", english(.0))]
    BadRequest(Message),
    /// Input that does not pass validation; every field that failed.
    #[error("invalid input")]
    Validation(Vec<FieldError>),
    /// The edit was based on an old version; nothing was stored.
    #[error("changed by someone else")]
    Conflict { current_version: i64 },
    /// The request does not fit the record's current state (e.g. accepting twice).
    #[error("{}", english(.0))]
    State(Message),
    #[error("{}", english(.0))]
    TooManyRequests(Message),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// A message as the command line and the logs show it: in English.
pub fn english(m: &Message) -> String {
    keyplan_i18n::Tr::new(Lang::En).msg(m)
}

impl AppError {
    pub fn field(field: &str, message: keyplan_domain::Message) -> Self {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    /// A refused permission.
    pub fn forbidden() -> Self {
        AppError::Forbidden(Message::new("error-forbidden"))
    }

    /// A refused state change, by code.
    pub fn state(code: &str) -> Self {
        AppError::State(Message::new(code))
    }

    /// A request that cannot be read, by code.
    pub fn bad_request(code: &str) -> Self {
        AppError::BadRequest(Message::new(code))
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
            AcceptanceError::NotOwner => AppError::Forbidden(Message::new("err-not-owner")),
            AcceptanceError::NotAuthor => AppError::Forbidden(Message::new("err-not-author")),
            // The domain names the state as English has always shown it
            // ("already accepted", "date_proposed"); the label is the state's own.
            AcceptanceError::WrongState(state) => {
                let code = state.strip_prefix("already ").unwrap_or(state);
                AppError::State(Message::new("err-wrong-state").arg("state", state).label("label", "acceptance", code))
            }
        }
    }
}
