//! Conditional GET for plan pages and plan API answers (issue 18).
//!
//! The tag is derived from everything the answer depends on: the
//! organisation's change mark (any committed write in it changes the mark,
//! see `keyplan_store::ChangeMark`), the reader and their session (forms
//! carry its CSRF token), the language, the request's path and query (the
//! audience and the open forms), and today's date (commitments fall overdue
//! overnight). The mark is read with the session, so a request whose
//! `If-None-Match` names the current tag gets 304 after the one statement that
//! finds the reader, without the plan being read or rendered. A request
//! without it is answered from the answers kept by tag ([`crate::answers`])
//! when the same reader asked the same before and nothing changed since.
//!
//! The tag is weak (`W/"…"`): the same answer may go out gzip-compressed or
//! not. Answers stay `Cache-Control: no-store` (issue 14), so browsers do not
//! keep them; API clients and proxies that keep their own copy revalidate.

use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use keyplan_app::auth::Auth;
use sha2::{Digest, Sha256};

use crate::{AppError, AppState};

/// The current tag of an answer for `auth` at `uri`.
pub async fn tag(state: &AppState, auth: &Auth, uri: &Uri) -> Result<HeaderValue, AppError> {
    // Read with the session, in the statement that found the reader.
    let mark = match auth.user.change_mark() {
        Some(mark) => mark,
        None => state.store.change_mark(auth.org()).await?,
    };
    let mut h = Sha256::new();
    let lang = crate::lang::current();
    let reader = format!(
        "{}|{}|{}|{}|{:?}|{}|{}|{}|{}",
        auth.org().get(),
        mark.latest,
        mark.kept,
        auth.id().get(),
        auth.via,
        auth.csrf(),
        lang.as_str(),
        uri.path_and_query().map(|p| p.as_str()).unwrap_or(""),
        keyplan_app::today(),
    );
    h.update(reader.as_bytes());
    let digest = h.finalize();
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    Ok(HeaderValue::from_str(&format!("W/\"{hex}\"")).expect("hex is a valid header value"))
}

/// Whether the request's `If-None-Match` names `tag` (weak comparison).
pub fn matches(headers: &HeaderMap, tag: &HeaderValue) -> bool {
    let want = tag.to_str().unwrap_or("");
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || bare(t) == bare(want))
}

/// 304 with the tag.
pub fn not_modified(tag: HeaderValue) -> Response {
    (StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response()
}

/// The answer for `tag`: 304 when the request names it, else the answer
/// kept for it (see [`crate::answers`]), else `render`'s, kept for the next
/// request with the same tag.
pub async fn answer<E>(
    state: &AppState,
    headers: &HeaderMap,
    tag: HeaderValue,
    render: impl Future<Output = Result<Response, E>>,
) -> Result<Response, E> {
    if matches(headers, &tag) {
        return Ok(not_modified(tag));
    }
    if let Some(kept) = state.answers.get(&tag) {
        return Ok(tagged(kept, tag));
    }
    let rendered = render.await?;
    Ok(tagged(state.answers.keep(&tag, rendered).await, tag))
}

/// Puts the tag on a successful answer.
pub fn tagged(mut response: Response, tag: HeaderValue) -> Response {
    if response.status() == StatusCode::OK {
        response.headers_mut().insert(header::ETAG, tag);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_in_lists() {
        let tag = HeaderValue::from_static("W/\"abc\"");
        let mut h = HeaderMap::new();
        assert!(!matches(&h, &tag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"x\", \"abc\""));
        assert!(matches(&h, &tag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("W/\"abd\""));
        assert!(!matches(&h, &tag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(matches(&h, &tag));
    }
}
