//! The KAM scorecard (issue 17, `keyplan_app::scorecard`):
//! `GET /users/{id}/scorecard?from=&to=` as JSON. The user themself, and the
//! organisation's managers and administrators, may read it (others: 403).

use axum::Json;
use axum::extract::{Query, State};
use keyplan_app::scorecard::{self as svc, Scorecard};
use keyplan_domain::UserId;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppState};

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ScorecardQuery {
    /// The period's first day, YYYY-MM-DD; by default twelve months before `to`.
    pub from: Option<String>,
    /// The period's last day, YYYY-MM-DD; by default today.
    pub to: Option<String>,
}

/// A user's scorecard over a period, every figure derived from recorded events: plans held
/// (plans of their accounts, not drafts, running in the period) and their average rated quality
/// (ratings given in the period, as a share of the scale); reviews due in the period held on
/// time, late, overdue or upcoming; accepted commitments they own due in the period, delivered on
/// time, late (dated by the history line of their completion), missed, done without a recorded
/// date, or open; commitments they asked of others in the period, accepted, declined or pending,
/// with the median and average hours to the first recorded acceptance; and the goal progress of
/// their plans (mean KPI progress by the latest actual up to `to`).
#[utoipa::path(get, path = "/users/{id}/scorecard", tag = "users", params(("id" = i64, Path), ScorecardQuery),
    responses((status = 200, description = "`{\"user_id\", \"name\", \"from\", \"to\", \"plans\", \"reviews\", \"commitments_owned\", \"commitments_asked\", \"goals\", \"plan_rows\"}`", body = Object),
        (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<UserId>,
    Query(q): Query<ScorecardQuery>,
) -> Result<Json<Scorecard>, ApiError> {
    let (from, to) = svc::parse_period(q.from.as_deref(), q.to.as_deref())?;
    Ok(Json(svc::scorecard(&state.store, &auth, id, from, to).await?))
}
