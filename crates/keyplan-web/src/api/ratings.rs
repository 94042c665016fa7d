//! The manager's quality ratings of a plan (issue 17): `GET /plans/{id}/ratings`
//! (managers, administrators and the plan's KAM) and `POST /plans/{id}/ratings`
//! (managers and administrators, at a held management review of the plan).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use keyplan_domain::{PlanId, ReviewId, UserId};
use keyplan_store::Rating;
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::JsonObject;
use super::schema::{body, integer, text};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct RatingDto {
    pub id: i64,
    pub plan_id: i64,
    /// The held management review the rating was given at.
    pub review_id: i64,
    pub score: i32,
    /// The organisation's scale when the rating was given, and the score's label on it.
    pub scale_min: i32,
    pub scale_max: i32,
    pub label: String,
    pub comment: String,
    /// The plan coach's score (0 to 100) and level (1 to 5) at the moment of rating.
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    pub rated_by: Option<i64>,
    pub rated_by_name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub rated_at: OffsetDateTime,
}

impl From<&Rating> for RatingDto {
    fn from(r: &Rating) -> Self {
        RatingDto {
            id: r.id,
            plan_id: r.plan_id.get(),
            review_id: r.review_id.get(),
            score: r.score,
            scale_min: r.scale_min,
            scale_max: r.scale_max,
            label: r.label.clone(),
            comment: r.comment.clone(),
            coach_score: r.coach_score,
            coach_level: r.coach_level,
            rated_by: r.rated_by.map(UserId::get),
            rated_by_name: r.rated_by_name.clone(),
            rated_at: r.rated_at,
        }
    }
}

body! {
    /// A manager's rating of the plan's quality at one of its held management reviews.
    NewRatingSchema {
        /// A held management review of this plan; one rating per review.
        review_id: integer(),
        /// A step of the organisation's `quality_scale`.
        score: integer(),
        /// Why: required.
        comment: text(),
    }
}

/// The plan's quality ratings, newest first: managers, administrators and the plan's KAM (others: 403).
#[utoipa::path(get, path = "/plans/{id}/ratings", tag = "reviews", params(("id" = i64, Path)),
    responses((status = 200, body = [RatingDto]), (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody)))]
pub async fn list(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<Vec<RatingDto>>, ApiError> {
    let ratings = keyplan_app::rhythm::ratings(&state.store, &auth, id).await?;
    Ok(Json(ratings.iter().map(RatingDto::from).collect()))
}

/// Rates the plan's quality (managers and administrators): `{"review_id", "score", "comment"}`.
/// The coach's current score is kept with the rating.
#[utoipa::path(post, path = "/plans/{id}/ratings", tag = "reviews", params(("id" = i64, Path)), request_body = NewRatingSchema,
    responses((status = 201, body = RatingDto), (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody),
        (status = 422, body = super::dto::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<PlanId>,
    body: JsonObject,
) -> Result<(StatusCode, Json<RatingDto>), ApiError> {
    for key in body.0.keys() {
        if !["review_id", "score", "comment"].contains(&key.as_str()) {
            let m = keyplan_domain::Message::new("err-not-a-field").arg("allowed", "review_id, score, comment");
            return Err(AppError::field(key, m).into());
        }
    }
    let review = body.id_field("review_id")?.map(ReviewId::new);
    let score = match body.0.get("score") {
        Some(v) => v.as_i64().ok_or_else(|| AppError::field("score", keyplan_domain::Message::new("templates-err-whole")))?,
        None => return Err(AppError::field("score", keyplan_domain::Message::new("rating-err-score-missing")).into()),
    };
    let Some(review) = review else {
        return Err(AppError::field("review_id", keyplan_domain::Message::new("rating-err-review")).into());
    };
    let comment = body.str_field("comment")?.unwrap_or_default();
    let r = keyplan_app::rhythm::rate(&state.store, &auth, id, review, score, &comment).await?;
    Ok((StatusCode::CREATED, Json(RatingDto::from(&r))))
}
