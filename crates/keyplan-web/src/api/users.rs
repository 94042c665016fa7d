//! The signed-in user, the organisation's users and languages through the API.

use axum::Json;
use axum::extract::{Query, State};

use super::dto::{LanguageDto, LanguageWrite, MeDto, OrgDto, UserDto};
use crate::auth::ApiUser;
use crate::{ApiError, AppError, AppState};

/// The caller.
#[utoipa::path(get, path = "/me", tag = "users", responses((status = 200, body = MeDto), (status = 401, body = super::dto::ErrorBody)))]
pub async fn me(ApiUser(auth): ApiUser) -> Json<MeDto> {
    let u = &auth.user.user;
    Json(MeDto {
        id: u.id.get(),
        email: u.email.clone(),
        name: u.name.clone(),
        role: u.role.as_str().into(),
        organisation: OrgDto { id: u.org_id.get(), name: auth.user.org_name.clone() },
        language: auth.user.language().map(|l| l.as_str().to_string()),
    })
}

/// Sets the language of the caller's interface and exports; `null` follows the browser.
#[utoipa::path(put, path = "/me/language", tag = "users", request_body = LanguageWrite,
    responses((status = 200, body = LanguageDto), (status = 422, body = super::dto::ErrorBody),
        (status = 415, description = "The body is not `application/json`.", body = super::dto::ErrorBody)))]
pub async fn put_language(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Json(body): Json<LanguageWrite>,
) -> Result<Json<LanguageDto>, ApiError> {
    let choice = crate::pages::parse_language_choice(body.language.as_deref().unwrap_or("auto"))
        .ok_or_else(|| AppError::field("language", keyplan_domain::Message::new("err-language")))?;
    keyplan_app::users::set_language(&state.store, &auth, choice).await?;
    Ok(Json(LanguageDto { language: choice.map(|l| l.as_str().to_string()) }))
}

/// Search parameters of `GET /users` and `GET /contacts`.
#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct SearchQuery {
    /// Part of the name or e-mail (case-insensitive).
    pub q: Option<String>,
    /// At most this many, 1 to 200 (default 50 when searching).
    #[param(value_type = Option<i64>)]
    pub per_page: Option<String>,
}

impl SearchQuery {
    /// The search text and the page size, checked.
    pub fn parse(&self) -> Result<(String, i64), AppError> {
        let per_page = match self.per_page.as_deref().map(str::trim) {
            None | Some("") => crate::listing::PAGE_SIZE,
            Some(v) => v.parse::<i64>().ok().filter(|n| (1..=crate::listing::MAX_PER_PAGE).contains(n)).ok_or_else(|| {
                AppError::field(
                    "per_page",
                    keyplan_domain::Message::new("listing-err-per-page").arg("max", crate::listing::MAX_PER_PAGE.to_string()),
                )
            })?,
        };
        Ok((self.q.clone().unwrap_or_default(), per_page))
    }
}

/// The users of the caller's organisation; with `q` or `per_page`, those whose
/// name or e-mail contains `q`, by name, at most `per_page`.
#[utoipa::path(get, path = "/users", tag = "users", params(SearchQuery), responses((status = 200, body = [UserDto])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(query): Query<SearchQuery>,
) -> Result<Json<Vec<UserDto>>, ApiError> {
    let users = if query.q.is_none() && query.per_page.is_none() {
        state.store.list_users(auth.org()).await?
    } else {
        let (q, per_page) = query.parse()?;
        state.store.search_users(auth.org(), &q, per_page).await?
    };
    Ok(Json(users.iter().map(UserDto::from).collect()))
}
