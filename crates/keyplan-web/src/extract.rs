//! Typed ids from the path: `/plans/{id}` arrives in a handler as a `PlanId`,
//! for pages and API alike. Anything that is not a positive whole number is
//! simply not found (an HTML page or the API's JSON, by the path's prefix).

use axum::extract::{FromRequestParts, OriginalUri, RawPathParams};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use keyplan_domain::TypedId;

use crate::{ApiError, AppError, PageError};

/// The route's first path parameter as a typed id.
pub struct Id<T>(pub T);

/// The route's first two path parameters as typed ids
/// (`/accounts/{id}/team/{user_id}`).
pub struct Ids<A, B>(pub A, pub B);

/// The route's first path parameter as a typed id and the second as text
/// (`/plans/{id}/sections/{key}`).
pub struct IdAnd<T>(pub T, pub String);

fn not_found(parts: &Parts) -> Response {
    // Inside a nested router the URI has lost its prefix; the original has it.
    let path = parts.extensions.get::<OriginalUri>().map(|u| u.path()).unwrap_or(parts.uri.path());
    if path.starts_with("/api/") { ApiError(AppError::NotFound).into_response() } else { PageError(AppError::NotFound).into_response() }
}

/// A positive whole number, as ids are.
pub fn parse_id<T: TypedId>(raw: &str) -> Option<T> {
    raw.parse::<i64>().ok().filter(|n| *n > 0).map(T::from_raw)
}

async fn params<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<Vec<String>, Response> {
    let raw = RawPathParams::from_request_parts(parts, state).await.map_err(|_| not_found(parts))?;
    Ok(raw.iter().map(|(_, v)| v.to_string()).collect())
}

impl<S: Send + Sync, T: TypedId + Send> FromRequestParts<S> for Id<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let p = params(parts, state).await?;
        p.first().and_then(|v| parse_id(v)).map(Id).ok_or_else(|| not_found(parts))
    }
}

impl<S: Send + Sync, A: TypedId + Send, B: TypedId + Send> FromRequestParts<S> for Ids<A, B> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let p = params(parts, state).await?;
        match (p.first().and_then(|v| parse_id(v)), p.get(1).and_then(|v| parse_id(v))) {
            (Some(a), Some(b)) => Ok(Ids(a, b)),
            _ => Err(not_found(parts)),
        }
    }
}

impl<S: Send + Sync, T: TypedId + Send> FromRequestParts<S> for IdAnd<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let p = params(parts, state).await?;
        match (p.first().and_then(|v| parse_id(v)), p.get(1)) {
            (Some(a), Some(b)) => Ok(IdAnd(a, b.clone())),
            _ => Err(not_found(parts)),
        }
    }
}

#[cfg(test)]
mod tests {
    use keyplan_domain::PlanId;

    use super::parse_id;

    #[test]
    fn ids_are_positive_whole_numbers() {
        assert_eq!(parse_id::<PlanId>("12"), Some(PlanId::new(12)));
        for bad in ["0", "-3", "1.5", "x", "", "99999999999999999999"] {
            assert_eq!(parse_id::<PlanId>(bad), None, "{bad}");
        }
    }
}
