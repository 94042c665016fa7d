use axum::Json;
use axum::extract::State;

use super::dto::{MeDto, OrgDto, UserDto};
use crate::auth::ApiUser;
use crate::{ApiError, AppState};

/// The caller.
#[utoipa::path(get, path = "/api/v1/me", tag = "users", responses((status = 200, body = MeDto), (status = 401, body = super::dto::ErrorBody)))]
pub async fn me(ApiUser(auth): ApiUser) -> Json<MeDto> {
    let u = &auth.user.user;
    Json(MeDto {
        id: u.id.get(),
        email: u.email.clone(),
        name: u.name.clone(),
        role: u.role_text.clone(),
        organisation: OrgDto { id: u.org_id.get(), name: auth.user.org_name.clone() },
    })
}

/// The users of the caller's organisation.
#[utoipa::path(get, path = "/api/v1/users", tag = "users", responses((status = 200, body = [UserDto])))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<Vec<UserDto>>, ApiError> {
    let users = state.store.list_users(auth.org()).await?;
    Ok(Json(users.iter().map(UserDto::from).collect()))
}
