//! The language of a request: the signed-in user's choice, else the browser's
//! `Accept-Language`, else English. Resolved once by the authentication
//! middleware; below the web crate the language is always a parameter.

use axum::http::{HeaderMap, header};
use keyplan_app::Auth;
use keyplan_domain::Lang;
use keyplan_i18n::Tr;

/// The language of a request: the user's choice, else the browser's, else English.
pub fn resolve(user_choice: Option<Lang>, headers: &HeaderMap) -> Lang {
    user_choice.or_else(|| from_accept_language(headers)).unwrap_or_default()
}

/// The browser's language, when it asks for one keyplan speaks.
pub fn from_accept_language(headers: &HeaderMap) -> Option<Lang> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::from_accept_language)
}

/// For signed-out pages: the browser's language.
pub fn from_headers(headers: &HeaderMap) -> Tr {
    Tr::new(resolve(None, headers))
}

/// For a signed-in user's request (flash messages in handlers): their choice,
/// else the browser's language.
pub fn for_user(auth: &Auth, headers: &HeaderMap) -> Tr {
    Tr::new(resolve(auth.user.language(), headers))
}

tokio::task_local! {
    /// The language of the request being handled (set by the authentication
    /// middleware), for responses built without the request at hand: error pages.
    static REQUEST_LANG: Lang;
}

/// Runs `f` with `lang` as the request's language.
pub async fn scope<F: std::future::Future>(lang: Lang, f: F) -> F::Output {
    REQUEST_LANG.scope(lang, f).await
}

/// The language of the request being handled; English outside a request.
pub fn current() -> Lang {
    REQUEST_LANG.try_with(|l| *l).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_choice_then_the_browsers() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9".parse().unwrap());
        assert_eq!(resolve(None, &h), Lang::De);
        assert_eq!(resolve(Some(Lang::En), &h), Lang::En);
        assert_eq!(resolve(None, &HeaderMap::new()), Lang::En);
    }
}
