//! An account's contacts through the API.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use keyplan_domain::contact::ContactInput;
use keyplan_domain::{AccountId, ContactId};

use super::JsonObject;
use super::dto::{ContactDto, ContactWrite};
use super::schema::Body;
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppState};

/// The account's contacts (its buying centre).
#[utoipa::path(get, path = "/accounts/{id}/contacts", tag = "contacts", params(("id" = i64, Path)), responses((status = 200, body = [ContactDto])))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<AccountId>) -> Result<Json<Vec<ContactDto>>, ApiError> {
    state.store.account(auth.org(), id).await?;
    let contacts = state.store.contacts(auth.org(), id).await?;
    Ok(Json(contacts.iter().map(ContactDto::from).collect()))
}

#[utoipa::path(post, path = "/accounts/{id}/contacts", tag = "contacts", params(("id" = i64, Path)), request_body = ContactWrite,
    responses((status = 201, body = ContactDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<AccountId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<ContactDto>), ApiError> {
    let input: ContactInput = body.merge_into(&ContactInput::default(), &ContactWrite::fields_except(&["version"]), &[])?;
    let contact = keyplan_app::contacts::create_contact(&state.store, &auth, id, &input).await?;
    Ok((StatusCode::CREATED, Json(ContactDto::from(&contact))))
}

#[utoipa::path(get, path = "/contacts/{id}", tag = "contacts", params(("id" = i64, Path)), responses((status = 200, body = ContactDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn get(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<ContactId>) -> Result<Json<ContactDto>, ApiError> {
    let contact = state.store.contact(auth.org(), id).await?;
    Ok(Json(ContactDto::from(&contact)))
}

#[utoipa::path(patch, path = "/contacts/{id}", tag = "contacts", params(("id" = i64, Path)), request_body = ContactWrite,
    responses((status = 200, body = ContactDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<ContactId>,
    body: JsonObject,
) -> Result<Json<ContactDto>, ApiError> {
    let current = state.store.contact(auth.org(), id).await?;
    let version = body.version()?;
    let input =
        body.merge_into(&keyplan_app::contacts::contact_to_input(&current), &ContactWrite::fields_except(&["version"]), &["version"])?;
    let contact = keyplan_app::contacts::update_contact(&state.store, &auth, id, version, &input).await?;
    Ok(Json(ContactDto::from(&contact)))
}

#[utoipa::path(delete, path = "/contacts/{id}", tag = "contacts", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = super::dto::ErrorBody)))]
pub async fn delete(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<ContactId>) -> Result<StatusCode, ApiError> {
    keyplan_app::contacts::delete_contact(&state.store, &auth, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Contacts of every account of the organisation whose name or e-mail contains
/// `q`, by name, at most `per_page` (default 50, at most 200).
#[utoipa::path(get, path = "/contacts", tag = "contacts", params(super::users::SearchQuery), responses((status = 200, body = [ContactDto])))]
pub async fn search(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(query): Query<super::users::SearchQuery>,
) -> Result<Json<Vec<ContactDto>>, ApiError> {
    let (q, per_page) = query.parse()?;
    let contacts = state.store.search_contacts(auth.org(), &q, per_page).await?;
    Ok(Json(contacts.iter().map(ContactDto::from).collect()))
}
