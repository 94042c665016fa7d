//! What a store call can fail with.

use keyplan_domain::{FieldError, UnknownText};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// The row changed since the caller read it; nothing was written.
    #[error("this record was changed by someone else (now at version {current})")]
    Conflict { current: i64 },
    /// A reference or uniqueness rule failed; the field says which input caused it.
    #[error("{0}")]
    Invalid(FieldError),
    #[error("{0}")]
    Config(String),
    /// A stored value this code cannot read, such as an enumeration text that names
    /// no value: corrupt data, or data written by a newer version. Never a default.
    #[error("stored data cannot be read: column {column}: {value}")]
    Corrupt { column: String, value: UnknownText },
    #[error("database error: {0}")]
    Db(sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            // The column's typed decode (see `keyplan_domain::stored`) met a text it does not know.
            sqlx::Error::ColumnDecode { index, source } => match source.downcast::<UnknownText>() {
                Ok(value) => StoreError::Corrupt { column: index.trim_matches('"').to_string(), value: *value },
                Err(source) => StoreError::Db(sqlx::Error::ColumnDecode { index, source }),
            },
            e => StoreError::Db(e),
        }
    }
}

impl StoreError {
    pub fn invalid(field: &str, message: keyplan_domain::Message) -> Self {
        StoreError::Invalid(FieldError::new(field, message))
    }

    /// True when a unique constraint rejected the write.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Db(sqlx::Error::Database(e)) if e.is_unique_violation())
    }
}

/// Turns "no row" into [`StoreError::NotFound`].
pub(crate) trait OptionalExt<T> {
    fn found(self) -> StoreResult<T>;
}

impl<T> OptionalExt<T> for Option<T> {
    fn found(self) -> StoreResult<T> {
        self.ok_or(StoreError::NotFound)
    }
}
