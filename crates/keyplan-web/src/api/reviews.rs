//! Reviews, snapshots and "what changed" through the API.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use keyplan_domain::snapshot::{Change, PlanSnapshot};
use keyplan_domain::{ContactId, PlanId, ReviewId, SnapshotId, UserId};
use keyplan_store::{Participant, Review, SnapshotInfo};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

use super::JsonObject;
use super::schema::{Body, body, date, integer, nullable, text};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};
use keyplan_app::reviews::ScheduleView;
use keyplan_app::snapshots::Version;

#[derive(Serialize, ToSchema)]
pub struct ParticipantDto {
    pub id: i64,
    pub user_id: Option<i64>,
    pub contact_id: Option<i64>,
}

impl From<&Participant> for ParticipantDto {
    fn from(p: &Participant) -> Self {
        ParticipantDto { id: p.id, user_id: p.user_id.map(UserId::get), contact_id: p.contact_id.map(ContactId::get) }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReviewDto {
    pub id: i64,
    pub plan_id: i64,
    /// `team`, `management` or `customer`.
    pub kind: String,
    pub review_date: Date,
    pub notes: Option<String>,
    pub decisions: Option<String>,
    /// When the review was held (its snapshot taken); null while planned.
    #[serde(with = "time::serde::rfc3339::option")]
    pub held_at: Option<OffsetDateTime>,
    pub snapshot_id: Option<i64>,
    /// `approved` or `changes_requested` (management reviews).
    pub signoff: Option<String>,
    pub signoff_comment: Option<String>,
    pub signoff_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub signoff_at: Option<OffsetDateTime>,
    /// The plan coach's score (0 to 100, one decimal) when the review was held; null while planned.
    pub coach_score: Option<f64>,
    /// The plan's excellence level (1 to 5) when the review was held; null while planned.
    pub coach_level: Option<i32>,
    pub participants: Vec<ParticipantDto>,
    pub version: i64,
}

impl ReviewDto {
    fn new(r: &Review, participants: &[Participant]) -> Self {
        ReviewDto {
            id: r.id.get(),
            plan_id: r.plan_id.get(),
            kind: r.kind.as_str().into(),
            review_date: r.review_date,
            notes: r.notes.clone(),
            decisions: r.decisions.clone(),
            held_at: r.held_at,
            snapshot_id: r.snapshot_id.map(SnapshotId::get),
            signoff: r.signoff.map(|s| s.as_str().into()),
            signoff_comment: r.signoff_comment.clone(),
            signoff_by: r.signoff_by.map(UserId::get),
            signoff_at: r.signoff_at,
            coach_score: r.coach_score,
            coach_level: r.coach_level,
            participants: participants.iter().map(ParticipantDto::from).collect(),
            version: r.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SnapshotInfoDto {
    pub id: i64,
    pub plan_id: i64,
    pub label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub taken_at: OffsetDateTime,
    pub taken_by: Option<i64>,
}

impl From<&SnapshotInfo> for SnapshotInfoDto {
    fn from(s: &SnapshotInfo) -> Self {
        SnapshotInfoDto {
            id: s.id.get(),
            plan_id: s.plan_id.get(),
            label: s.label.clone(),
            taken_at: s.taken_at,
            taken_by: s.taken_by.map(UserId::get),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SnapshotDto {
    #[serde(flatten)]
    pub info: SnapshotInfoDto,
    /// The plan as it stood: title, status, period, tree nodes, items, section texts, KPIs, contacts and goal links.
    #[schema(value_type = Object)]
    pub data: PlanSnapshot,
}

#[derive(Serialize, ToSchema)]
pub struct ChangeDto {
    /// `added`, `removed` or `changed`.
    pub kind: String,
    /// "Plan", "Goal", "Commitment", "KPI", "Contact", "Section", …
    pub entity: String,
    pub subject: String,
    pub field: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// One readable sentence, e.g. `Commitment “Run the trial”: status In progress → Done`.
    pub text: String,
}

impl From<&Change> for ChangeDto {
    fn from(c: &Change) -> Self {
        let kind = serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        ChangeDto {
            kind,
            entity: c.entity.clone(),
            subject: c.subject.clone(),
            field: c.field.clone(),
            before: c.before.clone(),
            after: c.after.clone(),
            text: c.text.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DiffDto {
    pub from: String,
    pub to: String,
    pub changes: Vec<ChangeDto>,
}

#[derive(Serialize, ToSchema)]
pub struct ScheduleDto {
    pub review_cadence_months: i32,
    pub next_review_date: Option<Date>,
    /// When the next review is due: the date set, else one cadence after the last held review or the period start.
    pub due: Date,
    pub overdue: bool,
    pub last_held: Option<Date>,
    /// The day of the plan's latest update (any change to the plan, its tree, sections or items).
    pub last_update: Date,
    /// The last day of the organisation's update interval (`update_interval_days` after the later of
    /// the last update and the last held review).
    pub update_due: Date,
    /// Past that day: the plan is stale.
    pub stale: bool,
}

impl From<&ScheduleView> for ScheduleDto {
    fn from(s: &ScheduleView) -> Self {
        ScheduleDto {
            review_cadence_months: s.cadence_months,
            next_review_date: s.next_review_date,
            due: s.due,
            overdue: s.overdue,
            last_held: s.last_held,
            last_update: s.last_update,
            update_due: s.update_due,
            stale: s.unrefreshed,
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct DiffQuery {
    /// A snapshot id or `current`.
    pub from: Option<String>,
    /// A snapshot id or `current` (the default).
    pub to: Option<String>,
}

async fn review_dto(state: &AppState, auth: &crate::auth::Auth, r: &Review) -> Result<ReviewDto, AppError> {
    let participants = state.store.participants(auth.org(), r.id).await?;
    Ok(ReviewDto::new(r, &participants))
}

body! {
    /// A review to plan.
    ReviewWrite {
        /// `team`, `management` or `customer`.
        kind: text(),
        review_date: date(),
    }
}

body! {
    /// An edit of a review; fields left out keep their value.
    ReviewEdit {
        /// The review's version as the caller saw it; 409 when someone changed it since.
        version: integer(),
        review_date: nullable(date()),
        notes: nullable(text()),
        decisions: nullable(text()),
        /// Adds a user as participant.
        add_user_id: nullable(integer()),
        /// Adds one of the account's contacts as participant.
        add_contact_id: nullable(integer()),
    }
}

body! {
    /// The review as the caller saw it.
    ReviewVersion {
        /// The review's version; 409 when someone changed it since.
        version: integer(),
    }
}

body! {
    /// A manager's sign-off of a held management review.
    SignoffWrite {
        /// `approved` or `changes_requested`.
        decision: text(),
        comment: nullable(text()),
        /// The review's version as the caller saw it; 409 when someone changed it since.
        version: nullable(integer()),
    }
}

body! {
    /// The plan's review cadence and next review date.
    ScheduleWrite {
        /// The plan's version as the caller saw it.
        version: integer(),
        /// Months between reviews (1 to 24).
        review_cadence_months: integer(),
        /// Null or left out: one cadence after the last review.
        next_review_date: nullable(date()),
    }
}

/// The plan's reviews, latest first.
#[utoipa::path(get, path = "/plans/{id}/reviews", tag = "reviews", params(("id" = i64, Path)), responses((status = 200, body = [ReviewDto])))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<Vec<ReviewDto>>, ApiError> {
    let plan = id;
    state.store.plan(auth.org(), plan).await?;
    let mut out = Vec::new();
    for r in state.store.reviews(auth.org(), plan).await? {
        out.push(review_dto(&state, &auth, &r).await?);
    }
    Ok(Json(out))
}

/// Plans a review: `{"kind": "team"|"management"|"customer", "review_date": "YYYY-MM-DD"}`.
#[utoipa::path(post, path = "/plans/{id}/reviews", tag = "reviews", params(("id" = i64, Path)), request_body = ReviewWrite,
    responses((status = 201, body = ReviewDto), (status = 422, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<ReviewDto>), ApiError> {
    let plan = id;
    let kind = body.str_field("kind")?.unwrap_or_default();
    let date = body.str_field("review_date")?.unwrap_or_default();
    let r = keyplan_app::reviews::create_review(&state.store, &auth, plan, &kind, &date).await?;
    Ok((StatusCode::CREATED, Json(review_dto(&state, &auth, &r).await?)))
}

#[utoipa::path(get, path = "/reviews/{id}", tag = "reviews", params(("id" = i64, Path)), responses((status = 200, body = ReviewDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn get(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<ReviewId>) -> Result<Json<ReviewDto>, ApiError> {
    let r = state.store.review(auth.org(), id).await?;
    Ok(Json(review_dto(&state, &auth, &r).await?))
}

/// Edits date, notes and decisions (`version` required; 409 when stale). `add_user_id` / `add_contact_id` add a participant.
#[utoipa::path(patch, path = "/reviews/{id}", tag = "reviews", params(("id" = i64, Path)), request_body = ReviewEdit,
    responses((status = 200, body = ReviewDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<ReviewId>,
    body: JsonObject,
) -> Result<Json<ReviewDto>, ApiError> {
    if let Some(key) = body.0.keys().find(|k| !ReviewEdit::FIELDS.contains(&k.as_str())) {
        return Err(AppError::field(key, keyplan_domain::Message::new("err-review-fields")).into());
    }
    let version = body.version()?;
    let current = state.store.review(auth.org(), id).await?;
    let notes = match body.0.contains_key("notes") {
        true => body.str_field("notes")?,
        false => current.notes.clone(),
    };
    let decisions = match body.0.contains_key("decisions") {
        true => body.str_field("decisions")?,
        false => current.decisions.clone(),
    };
    let date = body.str_field("review_date")?;
    // Everything is read and checked before anything is written (one edit, all or nothing).
    let user = body.id_field("add_user_id")?.map(UserId::new);
    let contact = body.id_field("add_contact_id")?.map(ContactId::new);
    let participant = (user.is_some() || contact.is_some()).then_some((user, contact));
    let r = keyplan_app::reviews::update_review(
        &state.store,
        &auth,
        id,
        version,
        date.as_deref(),
        notes.as_deref(),
        decisions.as_deref(),
        participant,
    )
    .await?;
    Ok(Json(review_dto(&state, &auth, &r).await?))
}

/// Holds the review: freezes a snapshot of the whole plan and moves the plan's next review date.
/// `{"version": REVIEW_VERSION}` (required): the review as the caller saw it; 409 when someone changed it since.
#[utoipa::path(post, path = "/reviews/{id}/hold", tag = "reviews", params(("id" = i64, Path)), request_body = ReviewVersion,
    responses((status = 200, body = ReviewDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn hold(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<ReviewId>,
    body: JsonObject,
) -> Result<Json<ReviewDto>, ApiError> {
    let version = body.version()?;
    let r = keyplan_app::reviews::hold_review(&state.store, &auth, id, version).await?;
    Ok(Json(review_dto(&state, &auth, &r).await?))
}

/// A manager signs off a held management review: `{"decision": "approved"|"changes_requested", "comment": "…"}`.
/// The plan becomes approved, or active again.
#[utoipa::path(post, path = "/reviews/{id}/signoff", tag = "reviews", params(("id" = i64, Path)), request_body = SignoffWrite,
    responses((status = 200, body = ReviewDto), (status = 403, body = super::dto::ErrorBody), (status = 409, body = super::dto::ErrorBody)))]
pub async fn signoff(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<ReviewId>,
    body: JsonObject,
) -> Result<Json<ReviewDto>, ApiError> {
    let decision = body.str_field("decision")?.unwrap_or_default();
    let comment = body.str_field("comment")?;
    let version = body.optional_version()?;
    let r = keyplan_app::reviews::signoff(&state.store, &auth, id, version, &decision, comment.as_deref()).await?;
    Ok(Json(review_dto(&state, &auth, &r).await?))
}

/// The plan's snapshots, oldest first.
#[utoipa::path(get, path = "/plans/{id}/snapshots", tag = "reviews", params(("id" = i64, Path)), responses((status = 200, body = [SnapshotInfoDto])))]
pub async fn list_snapshots(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
) -> Result<Json<Vec<SnapshotInfoDto>>, ApiError> {
    let plan = id;
    state.store.plan(auth.org(), plan).await?;
    Ok(Json(state.store.snapshots(auth.org(), plan).await?.iter().map(SnapshotInfoDto::from).collect()))
}

#[utoipa::path(get, path = "/snapshots/{id}", tag = "reviews", params(("id" = i64, Path)), responses((status = 200, body = SnapshotDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn get_snapshot(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<SnapshotId>,
) -> Result<Json<SnapshotDto>, ApiError> {
    let s = state.store.snapshot(auth.org(), id).await?;
    let data = keyplan_app::snapshots::stored(&state.store, auth.org(), s.info.plan_id, s.info.id).await?;
    Ok(Json(SnapshotDto { info: SnapshotInfoDto::from(&s.info), data }))
}

/// What changed between two versions of the plan (`from`, `to`: a snapshot id or `current`).
#[utoipa::path(get, path = "/plans/{id}/diff", tag = "reviews", params(("id" = i64, Path), DiffQuery),
    responses((status = 200, body = DiffDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn diff(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    Query(q): Query<DiffQuery>,
) -> Result<Json<DiffDto>, ApiError> {
    let plan = id;
    let version = |field: &str, raw: Option<&str>| {
        Version::parse(raw.unwrap_or("current")).ok_or_else(|| AppError::field(field, keyplan_domain::Message::new("err-snapshot-version")))
    };
    let (from, to) = (version("from", q.from.as_deref())?, version("to", q.to.as_deref())?);
    let changes = keyplan_app::reviews::diff(&state.store, auth.org(), plan, from, to).await?;
    Ok(Json(DiffDto { from: from.as_param(), to: to.as_param(), changes: changes.iter().map(ChangeDto::from).collect() }))
}

#[utoipa::path(get, path = "/plans/{id}/review-schedule", tag = "reviews", params(("id" = i64, Path)), responses((status = 200, body = ScheduleDto)))]
pub async fn get_schedule(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
) -> Result<Json<ScheduleDto>, ApiError> {
    let s = keyplan_app::reviews::schedule(&state.store, auth.org(), id).await?;
    Ok(Json(ScheduleDto::from(&s)))
}

/// Sets the cadence and the next review date: `{"version": PLAN_VERSION, "review_cadence_months": 3, "next_review_date": "YYYY-MM-DD"|null}`.
#[utoipa::path(put, path = "/plans/{id}/review-schedule", tag = "reviews", params(("id" = i64, Path)), request_body = ScheduleWrite,
    responses((status = 200, body = ScheduleDto), (status = 409, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn put_schedule(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<Json<ScheduleDto>, ApiError> {
    let plan = id;
    let version = body.version()?;
    let cadence = match body.0.get("review_cadence_months") {
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => body.str_field("review_cadence_months")?.unwrap_or_default(),
    };
    let next = body.str_field("next_review_date")?.unwrap_or_default();
    let s = keyplan_app::reviews::set_schedule(&state.store, &auth, plan, version, &cadence, &next).await?;
    Ok(Json(ScheduleDto::from(&s)))
}
