//! The organisation's settings in one place: `GET`/`PATCH
//! /organisation/settings` (keys documented in `keyplan_domain::settings`).

use axum::Json;
use axum::extract::State;
use keyplan_domain::settings::OrganisationSettings;

use super::JsonObject;
use super::schema::{body, integer, list_of, nullable, number, object_of, text};
use crate::auth::ApiUser;
use crate::{ApiError, AppState};

body! {
    /// The organisation's settings. Shares are fractions (0.6 is 60 %). A PATCH
    /// names only the keys it changes; an unknown key or a wrong value answers
    /// 422 naming the key, and nothing changes.
    OrganisationSettingsSchema {
        /// Active plans (active, in review or approved) one KAM may hold; default 3.
        active_plans_per_kam: integer(),
        /// Active plans the company may hold; default 15.
        master_plans_per_company: integer(),
        /// Share of wallet (0 to 1) from which an account is no plan candidate and its plan is worth reconsidering; default 0.6.
        share_of_wallet_threshold: number(),
        /// Where the portfolio's share-of-wallet line stands (0 to 1); null: the organisation's median.
        quadrant_share_line: nullable(number()),
        /// Where the portfolio's growth-potential line stands (an amount); null: the organisation's median.
        quadrant_growth_line: nullable(number()),
        /// Goals, factors, conditions, obstacles and commitments one plan may hold (1 to 100,000); default 500.
        max_nodes_per_plan: integer(),
        /// Analysis items, SWOT entries, opportunities and risks one plan may hold (1 to 100,000); default 500.
        max_items_per_plan: integer(),
        /// Contacts one account may hold (1 to 100,000); default 2,000.
        max_contacts_per_account: integer(),
        /// Characters any one text field may hold (100 to 20,000); default 20,000.
        max_text_chars: integer(),
        /// Days a new API token works unless its maker chooses (1 to 3650); null: no expiry; default 90.
        api_token_days: nullable(integer()),
        /// Plans a management committee session takes by default (1 to 50); default 10.
        committee_plans: integer(),
        /// The longest a plan may go without an update or a held review before it is stale, in days (1 to 3650); default 90.
        update_interval_days: integer(),
        /// The scale a manager rates a plan's quality on; default 1 to 5, labelled.
        quality_scale: object_of::<QualityScaleSchema>(),
    }
}

body! {
    /// A rating scale: whole steps from `min` to `max` (0 to 100, at most 11 steps), with one label per step.
    QualityScaleSchema {
        min: integer(),
        max: integer(),
        /// One label per step, from `min` up.
        labels: list_of::<String>(),
    }
}

/// The organisation's settings (every signed-in user).
#[utoipa::path(get, path = "/organisation/settings", tag = "organisation", responses((status = 200, body = OrganisationSettingsSchema)))]
pub async fn get_settings(State(state): State<AppState>, ApiUser(auth): ApiUser) -> Result<Json<OrganisationSettings>, ApiError> {
    Ok(Json(keyplan_app::settings::settings(&state.store, &auth).await?))
}

/// Changes the settings the body names (administrators), e.g.
/// `{"active_plans_per_kam": 4, "quadrant_growth_line": null}`; answers every setting.
#[utoipa::path(patch, path = "/organisation/settings", tag = "organisation", request_body = OrganisationSettingsSchema,
    responses((status = 200, body = OrganisationSettingsSchema), (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn patch_settings(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    body: JsonObject,
) -> Result<Json<OrganisationSettings>, ApiError> {
    Ok(Json(keyplan_app::settings::patch(&state.store, &auth, &body.0).await?))
}

/// Every exception to the limits on active plans that a manager allowed, newest
/// first, with the plan, the limits broken, the reason and who allowed it
/// (managers and administrators).
#[utoipa::path(get, path = "/organisation/limit-exceptions", tag = "organisation",
    responses((status = 200, body = [LimitExceptionSchema]), (status = 403, body = super::dto::ErrorBody)))]
pub async fn limit_exceptions(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
) -> Result<Json<Vec<keyplan_store::LimitException>>, ApiError> {
    Ok(Json(keyplan_app::plans::limit_exceptions(&state.store, &auth).await?))
}

body! {
    /// An exception to the limits on active plans.
    LimitExceptionSchema {
        id: integer(),
        plan_id: integer(),
        plan_title: text(),
        account_name: text(),
        /// The plan's KAM: the account's owner, else whoever made the plan.
        kam_id: nullable(integer()),
        kam_name: nullable(text()),
        /// The limits broken, as setting keys separated by commas (`active_plans_per_kam,master_plans_per_company`).
        limits: text(),
        reason: text(),
        allowed_by: nullable(integer()),
        allowed_by_name: nullable(text()),
        /// RFC 3339.
        allowed_at: text(),
    }
}
