//! The regular sales meeting: `POST`/`GET /meetings`, `GET /meetings/proposal`,
//! `GET /meetings/{id}`, `POST /meetings/{id}/decisions`,
//! `POST /meetings/{id}/follow-ups`, `POST /meetings/{id}/close`, and the
//! agenda as `GET /meetings/{id}/agenda.pdf` and `agenda.md`. Managers and
//! administrators only.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use keyplan_app::meetings::{self as svc, AgendaPlan, FollowUpInput, MeetingView};
use keyplan_domain::meeting::{DecisionInput, MeetingInput, Reason};
use keyplan_domain::snapshot::Change;
use keyplan_domain::{Lang, MeetingId};
use keyplan_store::{MeetingItem, MeetingSummary, OpenAsk};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

use super::dto::ErrorBody;
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct MeetingItemDto {
    pub id: i64,
    pub plan_id: i64,
    /// `decision` or `follow_up`.
    pub kind: String,
    pub text: String,
    /// The follow-up's commitment in the plan's tree.
    pub node_id: Option<i64>,
    pub created_by: Option<i64>,
    pub created_by_name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&MeetingItem> for MeetingItemDto {
    fn from(i: &MeetingItem) -> Self {
        MeetingItemDto {
            id: i.id,
            plan_id: i.plan_id.get(),
            kind: i.kind.clone(),
            text: i.text.clone(),
            node_id: i.node_id.map(|n| n.get()),
            created_by: i.created_by.map(|u| u.get()),
            created_by_name: i.created_by_name.clone(),
            created_at: i.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OpenAskDto {
    pub node_id: i64,
    pub title: String,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    /// `proposed`, `date_proposed` or `declined`.
    pub acceptance: String,
    #[schema(value_type = Option<String>)]
    pub due_date: Option<Date>,
    #[schema(value_type = Option<String>)]
    pub proposed_due_date: Option<Date>,
    pub decline_reason: Option<String>,
}

impl From<&OpenAsk> for OpenAskDto {
    fn from(a: &OpenAsk) -> Self {
        OpenAskDto {
            node_id: a.node_id.get(),
            title: a.title.clone(),
            owner_id: a.owner_id.map(|u| u.get()),
            owner_name: a.owner_name.clone(),
            acceptance: a.acceptance.as_str().to_string(),
            due_date: a.due_date,
            proposed_due_date: a.proposed_due_date,
            decline_reason: a.decline_reason.clone(),
        }
    }
}

/// What a plan's changes compare against.
#[derive(Serialize, ToSchema)]
pub struct ChangesSinceDto {
    /// The snapshot's label.
    pub label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub taken_at: OffsetDateTime,
    /// The earlier meeting's date; `null` when the snapshot is a review's or taken on demand.
    #[schema(value_type = Option<String>)]
    pub meeting_date: Option<Date>,
}

#[derive(Serialize, ToSchema)]
pub struct AgendaPlanDto {
    pub plan_id: i64,
    pub position: i32,
    pub plan_title: String,
    pub account_id: i64,
    pub account_name: String,
    pub kam_id: Option<i64>,
    pub kam_name: Option<String>,
    /// Why the plan is on the agenda: `{"reason": "new_blockers" | "overdue_commitments" |
    /// "changed_goals", "count"}` or `{"reason": "review_overdue" | "review_due", "due"}`.
    #[schema(value_type = Vec<Object>)]
    pub reasons: Vec<Reason>,
    /// What the changes compare against: the snapshot of the last meeting that
    /// discussed the plan, else its latest earlier snapshot; `null` when none.
    pub changes_since: Option<ChangesSinceDto>,
    /// `{"kind": "added" | "removed" | "changed", "entity", "subject", "field", "before", "after", "text"}`.
    #[schema(value_type = Vec<Object>)]
    pub changes: Vec<Change>,
    pub open_asks: Vec<OpenAskDto>,
    /// "What we need from management", if the plan says it.
    pub management_asks: Option<String>,
    pub decisions: Vec<MeetingItemDto>,
    pub follow_ups: Vec<MeetingItemDto>,
}

impl From<&AgendaPlan> for AgendaPlanDto {
    fn from(a: &AgendaPlan) -> Self {
        let p = &a.plan;
        AgendaPlanDto {
            plan_id: p.plan_id.get(),
            position: p.position,
            plan_title: p.plan_title.clone(),
            account_id: p.account_id.get(),
            account_name: p.account_name.clone(),
            kam_id: p.kam_id.map(|u| u.get()),
            kam_name: p.kam_name.clone(),
            reasons: a.reasons.clone(),
            changes_since: a.base.as_ref().map(|b| ChangesSinceDto {
                label: b.label.clone(),
                taken_at: b.taken_at,
                meeting_date: b.meeting_on,
            }),
            changes: a.changes.clone(),
            open_asks: a.open_asks.iter().map(OpenAskDto::from).collect(),
            management_asks: a.management_asks.clone(),
            decisions: a.decisions.iter().map(MeetingItemDto::from).collect(),
            follow_ups: a.follow_ups.iter().map(MeetingItemDto::from).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    pub id: i64,
    /// The title given, or empty.
    pub title: String,
    /// The meeting's date (`YYYY-MM-DD`).
    #[schema(value_type = String)]
    pub date: Date,
    /// When the meeting was closed; `null` while it is open.
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    pub created_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Where "since the last meeting" starts: the last meeting's date, else 30 days before.
    #[schema(value_type = String)]
    pub since: Date,
    #[schema(value_type = Option<String>)]
    pub last_meeting: Option<Date>,
    pub plans: Vec<AgendaPlanDto>,
}

impl From<&MeetingView> for MeetingDto {
    fn from(v: &MeetingView) -> Self {
        let m = &v.meeting;
        MeetingDto {
            id: m.id.get(),
            title: m.title.clone(),
            date: m.held_on,
            closed_at: m.closed_at,
            created_by: m.created_by.map(|u| u.get()),
            created_at: m.created_at,
            since: v.since,
            last_meeting: v.last_meeting,
            plans: v.agenda.iter().map(AgendaPlanDto::from).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MeetingSummaryDto {
    pub id: i64,
    pub title: String,
    #[schema(value_type = String)]
    pub date: Date,
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    pub plans: i64,
    pub decisions: i64,
    pub follow_ups: i64,
}

impl From<&MeetingSummary> for MeetingSummaryDto {
    fn from(s: &MeetingSummary) -> Self {
        MeetingSummaryDto {
            id: s.id.get(),
            title: s.title.clone(),
            date: s.held_on,
            closed_at: s.closed_at,
            plans: s.plans,
            decisions: s.decisions,
            follow_ups: s.follow_ups,
        }
    }
}

/// A meeting to make.
#[derive(Serialize, ToSchema)]
pub struct MeetingWrite {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: Option<String>,
    /// Left out: the plans with the most change or risk since the last meeting (at most 10).
    pub plan_ids: Option<Vec<i64>>,
}

/// A decision to record.
#[derive(Serialize, ToSchema)]
pub struct DecisionWrite {
    pub plan_id: i64,
    pub text: String,
}

/// A follow-up commitment to add to a plan on the agenda.
#[derive(Serialize, ToSchema)]
pub struct FollowUpWrite {
    pub plan_id: i64,
    /// The goal or obstacle of the plan it serves.
    pub parent_id: i64,
    pub title: String,
    pub owner_id: i64,
    /// `YYYY-MM-DD`.
    pub due_date: String,
    pub done_criterion: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FollowUpDto {
    pub item: MeetingItemDto,
    /// The new commitment in the plan's tree, awaiting its owner's acceptance
    /// unless the owner added it.
    pub node_id: i64,
    pub acceptance: String,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ProposalQuery {
    /// The meeting's date, YYYY-MM-DD; by default today.
    pub date: Option<String>,
}

/// Makes a meeting. Each agenda plan is snapshotted with it.
#[utoipa::path(post, path = "/meetings", tag = "meetings", request_body = MeetingWrite,
    responses((status = 201, body = MeetingDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: super::JsonObject,
) -> Result<(StatusCode, Json<MeetingDto>), ApiError> {
    body.only(&["date", "title", "plan_ids"])?;
    let input = MeetingInput {
        date: body.str_field("date")?.unwrap_or_default(),
        title: body.str_field("title")?,
        plan_ids: body.id_list("plan_ids")?,
    };
    let m = svc::create(&state.store, &auth, &input).await?;
    let view = svc::view(&state.store, &auth, m.id).await?;
    Ok((StatusCode::CREATED, Json(MeetingDto::from(&view))))
}

/// The organisation's meetings, latest first.
#[utoipa::path(get, path = "/meetings", tag = "meetings",
    responses((status = 200, body = [MeetingSummaryDto]), (status = 403, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<Vec<MeetingSummaryDto>>, ApiError> {
    Ok(Json(svc::list(&state.store, &auth).await?.iter().map(MeetingSummaryDto::from).collect()))
}

/// The default agenda a meeting on `date` would get: every plan where
/// something moved since the last meeting, ranked, with why; `chosen` are the
/// plans the agenda takes.
#[utoipa::path(get, path = "/meetings/proposal", tag = "meetings", params(ProposalQuery),
    responses((status = 200, description = "`{\"on\", \"since\", \"last_meeting\", \"ranked\": [{\"plan\", \"title\", \"account_name\", \"new_obstacles\", \"declined\", \"overdue\", \"changed_goals\", \"review_due\", \"reasons\"}], \"chosen\"}`", body = Object),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn proposal(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Query(q): Query<ProposalQuery>,
) -> Result<Json<svc::Proposal>, ApiError> {
    let on = match q.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => keyplan_domain::validate::parse_date("date", d).map_err(|e| AppError::Validation(vec![e]))?,
        None => keyplan_app::today(),
    };
    Ok(Json(svc::proposal(&state.store, &auth, on).await?))
}

/// One meeting: per plan why it is there, what changed since the last
/// meeting, its open asks, and the decisions and follow-ups recorded.
#[utoipa::path(get, path = "/meetings/{id}", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDto), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<MeetingId>) -> Result<Json<MeetingDto>, ApiError> {
    Ok(Json(MeetingDto::from(&svc::view(&state.store, &auth, id).await?)))
}

/// Records a decision about a plan on the agenda; it lands in the plan's
/// history and its KAM is notified.
#[utoipa::path(post, path = "/meetings/{id}/decisions", tag = "meetings", params(("id" = i64, Path)), request_body = DecisionWrite,
    responses((status = 201, body = MeetingItemDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<MeetingId>,
    body: super::JsonObject,
) -> Result<(StatusCode, Json<MeetingItemDto>), ApiError> {
    body.only(&["plan_id", "text"])?;
    let input = DecisionInput { plan_id: body.id_field("plan_id")?.unwrap_or_default(), text: body.str_field("text")?.unwrap_or_default() };
    let item = svc::decide(&state.store, &auth, id, &input).await?;
    Ok((StatusCode::CREATED, Json(MeetingItemDto::from(&item))))
}

/// Adds a follow-up commitment to a plan on the agenda. It enters the plan's
/// tree under the given goal or obstacle and follows the usual acceptance.
#[utoipa::path(post, path = "/meetings/{id}/follow-ups", tag = "meetings", params(("id" = i64, Path)), request_body = FollowUpWrite,
    responses((status = 201, body = FollowUpDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn follow_up(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<MeetingId>,
    body: super::JsonObject,
) -> Result<(StatusCode, Json<FollowUpDto>), ApiError> {
    body.only(&["plan_id", "parent_id", "title", "owner_id", "due_date", "done_criterion"])?;
    let input = FollowUpInput {
        plan_id: body.id_field("plan_id")?.unwrap_or_default(),
        parent_id: body.id_field("parent_id")?.unwrap_or_default(),
        title: body.str_field("title")?.unwrap_or_default(),
        owner_id: body.id_field("owner_id")?.map(|o| o.to_string()).unwrap_or_default(),
        due_date: body.str_field("due_date")?.unwrap_or_default(),
        done_criterion: body.str_field("done_criterion")?.unwrap_or_default(),
    };
    let (item, node) = svc::follow_up(&state.store, &auth, id, &input).await?;
    let acceptance = node.acceptance().map(|a| a.as_str().to_string()).unwrap_or_default();
    Ok((StatusCode::CREATED, Json(FollowUpDto { item: MeetingItemDto::from(&item), node_id: node.id.get(), acceptance })))
}

/// Closes the meeting: each plan is snapshotted as it stands, for the next
/// meeting's "what changed". A closed meeting answers 422.
#[utoipa::path(post, path = "/meetings/{id}/close", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn close(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<MeetingId>) -> Result<Json<MeetingDto>, ApiError> {
    svc::close(&state.store, &auth, id).await?;
    Ok(Json(MeetingDto::from(&svc::view(&state.store, &auth, id).await?)))
}

/// The agenda as PDF: per plan why it is there, what changed, open asks, decisions and follow-ups.
#[utoipa::path(get, path = "/meetings/{id}/agenda.pdf", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, description = "The agenda (application/pdf)"), (status = 404, body = ErrorBody)))]
pub async fn agenda_pdf(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<MeetingId>) -> Result<Response, ApiError> {
    Ok(agenda_response(&state, &auth, id, crate::lang::current(), Format::Pdf).await?)
}

/// The agenda as Markdown.
#[utoipa::path(get, path = "/meetings/{id}/agenda.md", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, description = "The agenda (text/markdown)"), (status = 404, body = ErrorBody)))]
pub async fn agenda_md(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<MeetingId>) -> Result<Response, ApiError> {
    Ok(agenda_response(&state, &auth, id, crate::lang::current(), Format::Markdown).await?)
}

#[derive(Clone, Copy)]
pub(crate) enum Format {
    Pdf,
    Markdown,
}

/// The agenda as a download, for the API and the meeting page.
pub(crate) async fn agenda_response(
    state: &AppState,
    auth: &keyplan_app::Auth,
    id: MeetingId,
    lang: Lang,
    format: Format,
) -> Result<Response, AppError> {
    let view = svc::view(&state.store, auth, id).await?;
    let date = keyplan_domain::validate::format_date(view.meeting.held_on);
    match format {
        Format::Markdown => {
            let text = keyplan_export::meeting_agenda::markdown(&view, lang);
            let disposition = format!("attachment; filename=\"meeting-{date}.md\"");
            Ok(([(header::CONTENT_TYPE, "text/markdown; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, disposition)], text)
                .into_response())
        }
        Format::Pdf => {
            let rendered = keyplan_export::typeset(move || keyplan_export::meeting_agenda::pdf(&view, lang))
                .await
                .map_err(|e| AppError::Internal(anyhow::anyhow!("meeting agenda: {e}")))?
                .map_err(|e| AppError::Internal(anyhow::anyhow!("meeting agenda: {e}")))?;
            let disposition = format!("attachment; filename=\"meeting-{date}.pdf\"");
            Ok(([(header::CONTENT_TYPE, "application/pdf".to_string()), (header::CONTENT_DISPOSITION, disposition)], rendered.bytes)
                .into_response())
        }
    }
}
