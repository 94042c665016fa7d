//! The application layer's error: what went wrong, without HTTP. The web crate
//! maps each variant to a status and renders it as a page or as JSON.

use keyplan_domain::FieldError;
use keyplan_domain::acceptance::AcceptanceError;
use keyplan_store::StoreError;

pub type Result<T> = std::result::Result<T, AppError>;

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

/// What a refused permission says.
pub const FORBIDDEN: &str = "You do not have permission to do this.";

impl AppError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    pub fn forbidden() -> Self {
        AppError::Forbidden(FORBIDDEN.into())
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
