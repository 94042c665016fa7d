//! The language menu in the top bar: automatic (the browser's), English or German.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::Response;
use keyplan_domain::Lang;
use serde::Deserialize;

use super::redirect_with;
use crate::auth::PageUser;
use crate::error::PageError;
use crate::{AppError, AppState};
use keyplan_i18n::{self, Tr};

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
}

/// `auto` (or empty) follows the browser; otherwise a language code.
pub fn parse_choice(raw: &str) -> Option<Option<Lang>> {
    match raw.trim() {
        "" | "auto" => Some(None),
        other => Lang::parse(other).filter(|l| l.as_str() == other.to_ascii_lowercase()).map(Some),
    }
}

pub async fn set(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Result<Response, PageError> {
    let Some(choice) = parse_choice(&form.language) else {
        return Err(AppError::field("language", keyplan_domain::Message::new("lang-invalid")).into());
    };
    keyplan_app::users::set_language(&state.store, &auth, choice).await?;
    let t = Tr::new(crate::lang::resolve(choice, &headers));
    let message = if choice.is_none() { t.s("lang-saved-auto") } else { t.s("lang-saved") };
    Ok(redirect_with(&back(&headers), &message))
}

/// Back to the page the menu was used on (same site only), else the accounts.
fn back(headers: &HeaderMap) -> String {
    let referer = headers.get(header::REFERER).and_then(|v| v.to_str().ok()).unwrap_or("");
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let path = ["http://", "https://"]
        .iter()
        .find_map(|scheme| referer.strip_prefix(scheme))
        .and_then(|rest| rest.strip_prefix(host))
        .filter(|_| !host.is_empty())
        .unwrap_or("");
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') && !path.chars().any(char::is_control) {
        path.to_string()
    } else {
        "/accounts".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_and_way_back() {
        assert_eq!(parse_choice("auto"), Some(None));
        assert_eq!(parse_choice(""), Some(None));
        assert_eq!(parse_choice("de"), Some(Some(Lang::De)));
        assert_eq!(parse_choice("en"), Some(Some(Lang::En)));
        assert_eq!(parse_choice("de-AT"), None);
        assert_eq!(parse_choice("fr"), None);
        let mut h = HeaderMap::new();
        h.insert(header::HOST, "keyplan.example".parse().unwrap());
        h.insert(header::REFERER, "https://keyplan.example/plans/3?x=1".parse().unwrap());
        assert_eq!(back(&h), "/plans/3?x=1");
        h.insert(header::REFERER, "https://evil.example/plans/3".parse().unwrap());
        assert_eq!(back(&h), "/accounts");
        h.insert(header::REFERER, "https://keyplan.example//evil.example".parse().unwrap());
        assert_eq!(back(&h), "/accounts");
    }
}
