//! The open plan document through the API: its JSON Schema, and importing a
//! document into an account. (Exporting is `GET /plans/{id}/export?format=json`.)

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use keyplan_domain::AccountId;
use keyplan_domain::document;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::schema::{body, integer, nullable, object, objects, text};
use crate::auth::ApiUser;
use crate::{ApiError, AppError, AppState};

/// The JSON Schema of the plan document, version 1 (public, like the OpenAPI document).
#[utoipa::path(get, path = "/schema/plan.json", tag = "sharing", security(()),
    responses((status = 200, description = "A JSON Schema (draft 2020-12)", content_type = "application/schema+json")))]
pub async fn schema() -> Response {
    ([(header::CONTENT_TYPE, "application/schema+json"), (header::CACHE_CONTROL, "public, max-age=3600")], document::SCHEMA).into_response()
}

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// The account the new plan belongs to.
    #[serde(default)]
    pub account_id: String,
}

body! {
    /// A plan document, version 1. Its full JSON Schema is `/api/v1/schema/plan.json`.
    PlanDocumentBody {
        /// Always `keyplan-plan`.
        format: text(),
        /// Always 1.
        version: integer(),
        /// When the file was written (RFC 3339); not read on import.
        exported_at: nullable(text()),
        /// `team`, `management` or `customer`.
        audience: nullable(text()),
        account: nullable(object("`/api/v1/schema/plan.json`")),
        /// Title, template, period and the plan's other settings.
        plan: object("`/api/v1/schema/plan.json`"),
        contacts: nullable(objects("`/api/v1/schema/plan.json`")),
        /// The constraint tree: goals with their factors, conditions, obstacles and commitments.
        goals: nullable(objects("`/api/v1/schema/plan.json`")),
        sections: nullable(objects("`/api/v1/schema/plan.json`")),
        items: nullable(objects("`/api/v1/schema/plan.json`")),
        links: nullable(objects("`/api/v1/schema/plan.json`")),
        kpis: nullable(objects("`/api/v1/schema/plan.json`")),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ImportedDto {
    /// The new plan's id.
    pub id: i64,
    pub title: String,
    pub account_id: i64,
    /// The plan's page.
    pub url: String,
    /// Contacts the account did not have yet, added from the document.
    pub contacts_added: usize,
    /// What could not be placed in this account and was left out.
    pub skipped: Vec<String>,
}

/// Creates a new plan in an account from a plan document (the body; see
/// `/api/v1/schema/plan.json`). Owners are found by e-mail among the
/// organisation's users, contacts by name among the account's (missing ones are
/// added). An invalid document answers 422 with the path of the first error in
/// `field` (e.g. `goals[0].children[1].due_date`), and nothing is stored.
#[utoipa::path(post, path = "/plans/import", tag = "sharing", params(ImportQuery),
    request_body(content = PlanDocumentBody, description = "A plan document", content_type = "application/json"),
    responses((status = 201, body = ImportedDto), (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody),
        (status = 422, body = super::dto::ErrorBody)))]
pub async fn import(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> Result<(StatusCode, Json<ImportedDto>), ApiError> {
    let account = match q.account_id.trim().parse::<i64>() {
        Ok(n) if n > 0 => AccountId::new(n),
        _ => return Err(AppError::field("account_id", keyplan_domain::Message::new("err-import-account")).into()),
    };
    let doc = document::parse(&body).map_err(|e| AppError::field(&e.path, e.message))?;
    let imported = keyplan_app::documents::import(&state.store, &auth, account, &doc).await?;
    let p = &imported.plan;
    Ok((
        StatusCode::CREATED,
        Json(ImportedDto {
            id: p.id.get(),
            title: p.title.clone(),
            account_id: p.account_id.get(),
            url: format!("/plans/{}", p.id),
            contacts_added: imported.contacts_added,
            skipped: imported.skipped,
        }),
    ))
}
