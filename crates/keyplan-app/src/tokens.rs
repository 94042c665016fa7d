//! API tokens (issue 14): everyone makes, lists and revokes their own;
//! administrators list and revoke everyone's in their organisation. A new
//! token works for the organisation's default number of days unless its
//! maker chooses another life or none. The secret is shown once; only its
//! hash is kept.

use keyplan_domain::settings::MAX_TOKEN_DAYS;
use keyplan_domain::validate::{self, Validation};
use keyplan_domain::{FieldError, Message, TokenId, permissions};
use keyplan_store::{ApiToken, Store};
use time::{Duration, OffsetDateTime};

use crate::{AppError, Auth, Result};

/// How long a new token works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Life {
    /// The organisation's default (`api_token_days`).
    Default,
    /// No expiry.
    Never,
    /// This many days, 1 to [`MAX_TOKEN_DAYS`].
    Days(u32),
}

impl Life {
    /// Reads a form or command-line value: empty is the default, `never` no
    /// expiry, else a number of days.
    pub fn parse(field: &str, text: &str) -> std::result::Result<Life, FieldError> {
        match text.trim() {
            "" | "default" => Ok(Life::Default),
            "never" => Ok(Life::Never),
            t => t.parse::<u32>().ok().filter(|d| (1..=MAX_TOKEN_DAYS).contains(d)).map(Life::Days).ok_or_else(|| days_error(field)),
        }
    }

    /// Checks a number of days given as a number.
    pub fn days(field: &str, days: i64) -> std::result::Result<Life, FieldError> {
        u32::try_from(days).ok().filter(|d| (1..=MAX_TOKEN_DAYS).contains(d)).map(Life::Days).ok_or_else(|| days_error(field))
    }
}

fn days_error(field: &str) -> FieldError {
    FieldError::new(field, Message::new("settings-err-between").arg("min", 1i64).arg("max", i64::from(MAX_TOKEN_DAYS)))
}

/// When a token made now with `life` stops working, given the organisation's default.
pub fn expiry(life: Life, org_default: Option<u32>, now: OffsetDateTime) -> Option<OffsetDateTime> {
    let days = match life {
        Life::Default => org_default?,
        Life::Never => return None,
        Life::Days(d) => d,
    };
    Some(now + Duration::days(i64::from(days)))
}

fn is_admin(auth: &Auth) -> bool {
    permissions::can_manage_users(auth.actor())
}

/// Makes a token for the caller: the token as listed, and its secret (shown once).
pub async fn create(store: &Store, auth: &Auth, name: &str, life: Life) -> Result<(ApiToken, String)> {
    let mut v = Validation::new();
    let name = v.check(validate::required("name", name, keyplan_domain::text::MAX_NAME));
    let name = v.finish(|| name.unwrap_or_default()).map_err(AppError::Validation)?;
    let (settings, _) = store.organisation_settings(auth.org()).await?;
    let expires_at = expiry(life, settings.api_token_days, OffsetDateTime::now_utc());
    let secret = crate::auth::new_api_token();
    let id = store.create_api_token(auth.id(), &name, &crate::auth::token_hash(&secret), expires_at).await?;
    let token = store.api_token(Some(auth.org()), id).await?.ok_or(AppError::NotFound)?;
    Ok((token, secret))
}

/// The caller's tokens; with `everyone`, every token of the organisation
/// (administrators only).
pub async fn list(store: &Store, auth: &Auth, everyone: bool) -> Result<Vec<ApiToken>> {
    if everyone && !is_admin(auth) {
        return Err(AppError::Forbidden(Message::new("tokens-err-admin")));
    }
    let user = if everyone { None } else { Some(auth.id()) };
    Ok(store.list_api_tokens(Some(auth.org()), user).await?)
}

/// Revokes a token: the caller's own, or any of the organisation's for an
/// administrator. Another's token is not found for anyone else.
pub async fn revoke(store: &Store, auth: &Auth, id: TokenId) -> Result<ApiToken> {
    let token = store.api_token(Some(auth.org()), id).await?.ok_or(AppError::NotFound)?;
    if token.user_id != auth.id() && !is_admin(auth) {
        return Err(AppError::NotFound);
    }
    store.revoke_api_token(Some(auth.org()), id).await?;
    store.api_token(Some(auth.org()), id).await?.ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_life_is_the_default_never_or_days_within_ten_years() {
        assert_eq!(Life::parse("expires_in_days", " ").unwrap(), Life::Default);
        assert_eq!(Life::parse("expires_in_days", "never").unwrap(), Life::Never);
        assert_eq!(Life::parse("expires_in_days", "30").unwrap(), Life::Days(30));
        for bad in ["0", "-3", "3651", "soon", "1.5"] {
            assert_eq!(Life::parse("expires_in_days", bad).unwrap_err().field, "expires_in_days", "{bad}");
        }
        assert!(Life::days("d", 0).is_err() && Life::days("d", 3650).is_ok());
        let now = OffsetDateTime::UNIX_EPOCH;
        assert_eq!(expiry(Life::Default, Some(90), now), Some(now + Duration::days(90)));
        assert_eq!(expiry(Life::Default, None, now), None, "the organisation's default may be no expiry");
        assert_eq!(expiry(Life::Never, Some(90), now), None);
        assert_eq!(expiry(Life::Days(7), None, now), Some(now + Duration::days(7)));
    }
}
