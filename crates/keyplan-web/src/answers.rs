//! Rendered plan pages and plan API answers, kept by their ETag (issue 18).
//!
//! An answer's tag ([`crate::etag::tag`]) is derived from everything the
//! answer depends on: the organisation's change mark (any committed write in
//! it, on any server, gives a new mark), the reader and their session, the
//! language, the path and query, and today's date. Two requests with the same
//! tag therefore get the same bytes, and the second need not read the plan
//! or render it: the server answers from here after the one statement that
//! found the reader and the mark. A reader who reloads a plan nobody changed,
//! or a client polling the API, costs that statement and a copy of the bytes.
//!
//! Nothing here is ever stale: a write changes the mark, so the old tag is
//! simply never asked for again and ages out. The store is bounded by the
//! bytes it holds ([`BUDGET`]), with quick_cache's scan-resistant eviction,
//! and it keeps only complete `200` answers without cookies.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

/// The most bytes of kept answers: about 60 plan pages of the demo's size.
/// Chosen small because the server's resident memory after a mixed load is
/// itself a target (issue 18, point 6).
pub const BUDGET: u64 = 2 * 1024 * 1024;

/// A single answer larger than this is not kept (a plan of hundreds of nodes
/// would push out many others for one reader).
const LARGEST: usize = 256 * 1024;

/// One kept answer: its headers as the handler set them, and its body.
#[derive(Clone)]
struct Kept {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<HeaderValue, Kept> for ByBytes {
    fn weight(&self, key: &HeaderValue, val: &Kept) -> u64 {
        // The body, the key and an allowance for the headers and the entry.
        (val.body.len() + key.len() + 256) as u64
    }
}

/// The kept answers of one server.
pub struct Answers {
    kept: quick_cache::sync::Cache<HeaderValue, Kept, ByBytes>,
}

impl Default for Answers {
    fn default() -> Self {
        Answers::with_budget(BUDGET)
    }
}

impl Answers {
    pub fn with_budget(bytes: u64) -> Self {
        Answers { kept: quick_cache::sync::Cache::with_weighter(64, bytes, ByBytes) }
    }

    /// The answer kept for `tag`, if any.
    pub fn get(&self, tag: &HeaderValue) -> Option<Response> {
        let kept = self.kept.get(tag)?;
        let mut response = Response::new(Body::from(kept.body));
        *response.headers_mut() = kept.headers;
        Some(response)
    }

    /// Keeps `response` under `tag` when it is a complete `200` without a
    /// cookie and not too large; answers it either way.
    pub async fn keep(&self, tag: &HeaderValue, response: Response) -> Response {
        if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
            return response;
        }
        let (parts, body) = response.into_parts();
        // Rendered answers are one piece of memory already: collecting them
        // copies nothing. A body that cannot be read whole is answered as an error.
        let body = match axum::body::to_bytes(body, usize::MAX).await {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::error!(error = %e, "reading a rendered answer failed");
                return Response::builder().status(StatusCode::INTERNAL_SERVER_ERROR).body(Body::empty()).unwrap_or_default();
            }
        };
        if body.len() <= LARGEST {
            self.kept.insert(tag.clone(), Kept { headers: parts.headers.clone(), body: body.clone() });
        }
        Response::from_parts(parts, Body::from(body))
    }

    /// The bytes held.
    #[cfg(test)]
    fn weight(&self) -> u64 {
        self.kept.weight()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    fn tag(s: &'static str) -> HeaderValue {
        HeaderValue::from_static(s)
    }

    async fn text(r: Response) -> String {
        String::from_utf8(axum::body::to_bytes(r.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn a_kept_answer_comes_back_with_its_headers() {
        let answers = Answers::default();
        assert!(answers.get(&tag("W/\"a\"")).is_none());
        let rendered = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], "<p>plan</p>").into_response();
        let out = answers.keep(&tag("W/\"a\""), rendered).await;
        assert_eq!(text(out).await, "<p>plan</p>");
        let hit = answers.get(&tag("W/\"a\"")).expect("kept");
        assert_eq!(hit.status(), StatusCode::OK);
        assert_eq!(hit.headers()[header::CONTENT_TYPE], "text/html; charset=utf-8");
        assert_eq!(text(hit).await, "<p>plan</p>");
        assert!(answers.get(&tag("W/\"b\"")).is_none(), "another tag is another answer");
    }

    #[tokio::test]
    async fn errors_cookies_and_large_answers_are_not_kept() {
        let answers = Answers::default();
        let missing = (StatusCode::NOT_FOUND, "gone").into_response();
        assert_eq!(answers.keep(&tag("W/\"n\""), missing).await.status(), StatusCode::NOT_FOUND);
        assert!(answers.get(&tag("W/\"n\"")).is_none());
        let cookie = ([(header::SET_COOKIE, "kp_flash=; Max-Age=0")], "page").into_response();
        assert_eq!(text(answers.keep(&tag("W/\"c\""), cookie).await).await, "page");
        assert!(answers.get(&tag("W/\"c\"")).is_none());
        let large = "x".repeat(LARGEST + 1);
        assert_eq!(text(answers.keep(&tag("W/\"l\""), large.clone().into_response()).await).await, large);
        assert!(answers.get(&tag("W/\"l\"")).is_none());
        assert_eq!(answers.weight(), 0);
    }

    #[tokio::test]
    async fn the_budget_bounds_what_is_kept() {
        let answers = Answers::with_budget(64 * 1024);
        for i in 0..100 {
            let t = HeaderValue::from_str(&format!("W/\"{i}\"")).unwrap();
            answers.keep(&t, "y".repeat(4000).into_response()).await;
        }
        assert!(answers.weight() <= 64 * 1024, "{} bytes kept", answers.weight());
        let kept = (0..100).filter(|i| answers.get(&HeaderValue::from_str(&format!("W/\"{i}\"")).unwrap()).is_some()).count();
        assert!((5..=16).contains(&kept), "{kept} answers kept");
    }
}
