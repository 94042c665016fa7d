//! The management committee: `POST`/`GET /committees`, `GET /committees/{id}`,
//! `GET /committees/{id}/pack.pdf` and `PUT /committees/{id}/outcomes/{plan_id}`.
//! Managers and administrators only.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use keyplan_domain::committee::{OutcomeInput, SessionInput};
use keyplan_domain::{CommitteeId, PlanId};
use keyplan_store::{Committee, CommitteeSummary};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::dto::ErrorBody;
use crate::auth::ApiUser;
use crate::extract::{Id, Ids};
use crate::{ApiError, AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct ParticipantDto {
    pub user_id: i64,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct CommitteePlanDto {
    pub plan_id: i64,
    pub position: i32,
    pub plan_title: String,
    pub account_id: i64,
    pub account_name: String,
    pub potential: Option<f64>,
    pub kam_id: Option<i64>,
    pub kam_name: Option<String>,
    /// `endorsed`, `endorsed_with_conditions`, `sent_back`, or `null` before the committee decided.
    pub outcome: Option<String>,
    /// The conditions, or the committee's note.
    pub text: Option<String>,
    pub decided_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub decided_at: Option<OffsetDateTime>,
}

#[derive(Serialize, ToSchema)]
pub struct CommitteeDto {
    pub id: i64,
    /// The session's date (`YYYY-MM-DD`).
    #[schema(value_type = String)]
    pub date: Date,
    pub created_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub participants: Vec<ParticipantDto>,
    pub plans: Vec<CommitteePlanDto>,
}

impl CommitteeDto {
    fn new(c: &Committee) -> Self {
        CommitteeDto {
            id: c.id.get(),
            date: c.held_on,
            created_by: c.created_by.map(|u| u.get()),
            created_at: c.created_at,
            participants: c.participants.iter().map(|p| ParticipantDto { user_id: p.user_id.get(), name: p.name.clone() }).collect(),
            plans: c
                .plans
                .iter()
                .map(|p| CommitteePlanDto {
                    plan_id: p.plan_id.get(),
                    position: p.position,
                    plan_title: p.plan_title.clone(),
                    account_id: p.account_id.get(),
                    account_name: p.account_name.clone(),
                    potential: p.potential,
                    kam_id: p.kam_id.map(|u| u.get()),
                    kam_name: p.kam_name.clone(),
                    outcome: p.outcome().map(|o| o.as_str().to_string()),
                    text: p.outcome_text.clone(),
                    decided_by: p.decided_by.map(|u| u.get()),
                    decided_at: p.decided_at,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CommitteeSummaryDto {
    pub id: i64,
    #[schema(value_type = String)]
    pub date: Date,
    pub plans: i64,
    pub decided: i64,
    pub endorsed: i64,
    pub endorsed_with_conditions: i64,
    pub sent_back: i64,
}

impl From<&CommitteeSummary> for CommitteeSummaryDto {
    fn from(s: &CommitteeSummary) -> Self {
        CommitteeSummaryDto {
            id: s.id.get(),
            date: s.held_on,
            plans: s.plans,
            decided: s.decided,
            endorsed: s.endorsed,
            endorsed_with_conditions: s.with_conditions,
            sent_back: s.sent_back,
        }
    }
}

/// A session to open.
#[derive(Serialize, ToSchema)]
pub struct CommitteeWrite {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub participant_ids: Vec<i64>,
    /// Left out: the plans of greatest potential (organisation setting `committee_plans`, default 10).
    pub plan_ids: Option<Vec<i64>>,
}

/// An outcome to record.
#[derive(Serialize, ToSchema)]
pub struct OutcomeWrite {
    /// `endorsed`, `endorsed_with_conditions` or `sent_back`.
    pub outcome: String,
    /// The conditions (required with `endorsed_with_conditions`), or a note.
    pub text: Option<String>,
}

/// Opens a committee session.
#[utoipa::path(post, path = "/committees", tag = "committees", request_body = CommitteeWrite,
    responses((status = 201, body = CommitteeDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: super::JsonObject,
) -> Result<(StatusCode, Json<CommitteeDto>), ApiError> {
    body.only(&["date", "participant_ids", "plan_ids"])?;
    let input = SessionInput {
        date: body.str_field("date")?.unwrap_or_default(),
        participant_ids: body.id_list("participant_ids")?.unwrap_or_default(),
        plan_ids: body.id_list("plan_ids")?,
    };
    let c = keyplan_app::committees::create(&state.store, &auth, &input).await?;
    Ok((StatusCode::CREATED, Json(CommitteeDto::new(&c))))
}

/// The organisation's sessions, newest first, with their outcome counts.
#[utoipa::path(get, path = "/committees", tag = "committees",
    responses((status = 200, body = [CommitteeSummaryDto]), (status = 403, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<Vec<CommitteeSummaryDto>>, ApiError> {
    let list = keyplan_app::committees::list(&state.store, &auth).await?;
    Ok(Json(list.iter().map(CommitteeSummaryDto::from).collect()))
}

/// One session: participants, and the plans with their outcomes.
#[utoipa::path(get, path = "/committees/{id}", tag = "committees", params(("id" = i64, Path)),
    responses((status = 200, body = CommitteeDto), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<CommitteeId>) -> Result<Json<CommitteeDto>, ApiError> {
    Ok(Json(CommitteeDto::new(&keyplan_app::committees::get(&state.store, &auth, id).await?)))
}

/// Records the committee's outcome for one of the session's plans; it lands in
/// the plan's history and its KAM is notified.
#[utoipa::path(put, path = "/committees/{id}/outcomes/{plan_id}", tag = "committees",
    params(("id" = i64, Path), ("plan_id" = i64, Path)), request_body = OutcomeWrite,
    responses((status = 200, body = CommitteeDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_outcome(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Ids(id, plan): Ids<CommitteeId, PlanId>,
    body: super::JsonObject,
) -> Result<Json<CommitteeDto>, ApiError> {
    body.only(&["outcome", "text"])?;
    let input = OutcomeInput { outcome: body.str_field("outcome")?.unwrap_or_default(), text: body.str_field("text")? };
    let c = keyplan_app::committees::record_outcome(&state.store, &auth, id, plan, &input).await?;
    Ok(Json(CommitteeDto::new(&c)))
}

/// The committee pack: a cover page with the agenda, a table of contents, and
/// each plan's management briefing, with page numbers.
#[utoipa::path(get, path = "/committees/{id}/pack.pdf", tag = "committees", params(("id" = i64, Path)),
    responses((status = 200, description = "The pack (application/pdf)"), (status = 404, body = ErrorBody)))]
pub async fn pack(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<CommitteeId>) -> Result<Response, ApiError> {
    let lang = crate::lang::current();
    Ok(pack_response(&state, &auth, id, lang).await?)
}

/// The pack as a download, for the API and the session page.
pub(crate) async fn pack_response(
    state: &AppState,
    auth: &keyplan_app::Auth,
    id: CommitteeId,
    lang: keyplan_domain::Lang,
) -> Result<Response, AppError> {
    let (session, plans) = keyplan_app::committees::pack(&state.store, auth, id, lang).await?;
    let date = keyplan_domain::validate::format_date(session.held_on);
    let pdf_lang = keyplan_export::pdf::pdf_lang(lang);
    let rendered = keyplan_export::typeset(move || keyplan_export::committee_pdf::render(&session, &plans, pdf_lang))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("committee pack: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("committee pack: {e}")))?;
    let disposition = format!("attachment; filename=\"committee-{date}.pdf\"");
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_string()), (header::CONTENT_DISPOSITION, disposition)], rendered.bytes)
        .into_response())
}
