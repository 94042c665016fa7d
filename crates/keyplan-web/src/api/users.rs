use axum::Json;
use axum::extract::State;

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
    responses((status = 200, body = LanguageDto), (status = 422, body = super::dto::ErrorBody)))]
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

/// The users of the caller's organisation.
#[utoipa::path(get, path = "/users", tag = "users", responses((status = 200, body = [UserDto])))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<Vec<UserDto>>, ApiError> {
    let users = state.store.list_users(auth.org()).await?;
    Ok(Json(users.iter().map(UserDto::from).collect()))
}
