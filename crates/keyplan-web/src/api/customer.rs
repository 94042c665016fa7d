//! The customer at the table through the API: what the customer did on a plan
//! (joint commitments with their answers, comments through share links, and
//! the evidence the excellence ladder reads), offering a commitment to the
//! customer or taking it back, and choosing which customer comments every
//! share link shows. The customer's own side is the share page, not the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use keyplan_app::joint;
use keyplan_domain::customer::CustomerEvidence;
use keyplan_domain::{CustomerCommentId, NodeId, PlanId};
use keyplan_store::{CustomerComment, JointCommitment};
use serde::Serialize;
use serde_json::Value;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::JsonObject;
use super::schema::{Body, body, boolean, integer, nullable};
use crate::auth::ApiUser;
use crate::extract::Id;
use crate::{ApiError, AppError, AppState};

#[derive(Serialize, ToSchema)]
pub struct JointDto {
    /// The commitment (a node of the plan's tree).
    pub node_id: i64,
    pub title: String,
    /// The contact named on the customer's side.
    pub contact_id: Option<i64>,
    pub offered_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub offered_at: OffsetDateTime,
    /// `open`, `accepted` or `declined`.
    pub answer: String,
    /// The name the customer gave when answering.
    pub answered_name: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub answered_at: Option<OffsetDateTime>,
    /// The share link the answer came through, and its label.
    pub answered_via: Option<i64>,
    pub answered_via_label: Option<String>,
    /// Why the customer declined.
    pub answer_reason: Option<String>,
    /// Whether the share links show it: its owner on our side has accepted it.
    pub shown_to_customer: bool,
    pub version: i64,
}

impl From<&JointCommitment> for JointDto {
    fn from(j: &JointCommitment) -> Self {
        JointDto {
            node_id: j.node.id.get(),
            title: j.node.title.clone(),
            contact_id: j.contact_id.map(|c| c.get()),
            offered_by: j.offered_by.map(|u| u.get()),
            offered_at: j.offered_at,
            answer: j.answer.as_str().into(),
            answered_name: j.answered_name.clone(),
            answered_at: j.answered_at,
            answered_via: j.answered_via.map(|l| l.get()),
            answered_via_label: j.answered_via_label.clone(),
            answer_reason: j.answer_reason.clone(),
            shown_to_customer: j.node.is_accepted_commitment(),
            version: j.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CustomerCommentDto {
    pub id: i64,
    /// `plan`, `node`, `item`, `section` or `kpi`.
    pub target_kind: String,
    pub target_id: i64,
    /// The name the customer gave.
    pub author_name: String,
    pub body: String,
    /// The share link it came through, and its label.
    pub share_link_id: i64,
    pub share_link_label: String,
    /// Shown to the visitors of every share link of the plan (else only to its own link's).
    pub customer_visible: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&CustomerComment> for CustomerCommentDto {
    fn from(c: &CustomerComment) -> Self {
        CustomerCommentDto {
            id: c.id.get(),
            target_kind: c.target_kind.clone(),
            target_id: c.target_id,
            author_name: c.author_name.clone(),
            body: c.body.clone(),
            share_link_id: c.share_link_id.get(),
            share_link_label: c.link_label.clone(),
            customer_visible: c.customer_visible,
            created_at: c.created_at,
        }
    }
}

/// The facts the excellence ladder reads (levels 4 and 5).
#[derive(Serialize, ToSchema)]
pub struct EvidenceDto {
    /// The last day a visitor (not someone of the organisation) opened a share link of the plan.
    pub last_link_open: Option<Date>,
    pub last_customer_review: Option<Date>,
    pub last_customer_review_with_decisions: Option<Date>,
    pub customer_comments: u32,
    pub last_customer_comment: Option<Date>,
    pub joint_open: u32,
    pub joint_accepted: u32,
    pub joint_declined: u32,
    /// Customer-accepted commitments past their due date, neither done nor missed.
    pub joint_accepted_overdue: u32,
    pub joint_accepted_missed: u32,
}

impl From<&CustomerEvidence> for EvidenceDto {
    fn from(e: &CustomerEvidence) -> Self {
        EvidenceDto {
            last_link_open: e.last_link_open,
            last_customer_review: e.last_customer_review,
            last_customer_review_with_decisions: e.last_customer_review_with_decisions,
            customer_comments: e.customer_comments,
            last_customer_comment: e.last_customer_comment,
            joint_open: e.joint_open,
            joint_accepted: e.joint_accepted,
            joint_declined: e.joint_declined,
            joint_accepted_overdue: e.joint_accepted_overdue,
            joint_accepted_missed: e.joint_accepted_missed,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CustomerSideDto {
    pub joint_commitments: Vec<JointDto>,
    pub comments: Vec<CustomerCommentDto>,
    pub evidence: EvidenceDto,
}

body! {
    /// Body of `PUT /commitments/{id}/joint`.
    JointWrite {
        /// A contact of the plan's account: the customer's side of the commitment.
        contact_id: integer(),
        /// The offer's version when offering again (0 or left out for a new offer).
        version: nullable(integer()),
    }
}

body! {
    /// Body of `PUT /customer-comments/{id}`.
    CustomerCommentWrite {
        customer_visible: boolean(),
    }
}

/// Refuses fields the body does not have.
fn only<B: Body>(body: &JsonObject) -> Result<(), AppError> {
    match body.0.keys().find(|k| !B::FIELDS.contains(&k.as_str())) {
        Some(k) => Err(AppError::field(k, keyplan_domain::Message::new("err-not-a-field").arg("allowed", B::FIELDS.join(", ")))),
        None => Ok(()),
    }
}

/// What the customer did on the plan: joint commitments with their answers,
/// comments through every share link, and the evidence for the excellence ladder.
#[utoipa::path(get, path = "/plans/{id}/customer", tag = "sharing", params(("id" = i64, Path)),
    responses((status = 200, body = CustomerSideDto), (status = 404, body = super::dto::ErrorBody)))]
pub async fn side(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<PlanId>) -> Result<Json<CustomerSideDto>, ApiError> {
    let side = joint::customer_side(&state.store, &auth, id).await?;
    Ok(Json(CustomerSideDto {
        joint_commitments: side.joint.iter().map(JointDto::from).collect(),
        comments: side.comments.iter().map(CustomerCommentDto::from).collect(),
        evidence: EvidenceDto::from(&side.evidence),
    }))
}

/// Offers the commitment to the customer as a joint commitment, naming a contact,
/// or offers it again (an earlier answer is cleared; send the offer's `version`).
/// Its owner must have accepted it. Plan editors only.
#[utoipa::path(put, path = "/commitments/{id}/joint", tag = "sharing", params(("id" = i64, Path)), request_body = JointWrite,
    responses((status = 200, body = JointDto), (status = 403, body = super::dto::ErrorBody), (status = 409, body = super::dto::ErrorBody),
        (status = 422, body = super::dto::ErrorBody)))]
pub async fn offer(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<NodeId>,
    body: JsonObject,
) -> Result<Json<JointDto>, ApiError> {
    only::<JointWrite>(&body)?;
    let contact = body.id_field("contact_id")?.map(|c| c.to_string()).unwrap_or_default();
    let version = body.optional_version()?.unwrap_or(0);
    let j = joint::offer(&state.store, &auth, id, &contact, version).await?;
    Ok(Json(JointDto::from(&j)))
}

/// Takes the offer back: the share links no longer show the commitment. Plan editors only.
#[utoipa::path(delete, path = "/commitments/{id}/joint", tag = "sharing", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = super::dto::ErrorBody), (status = 404, body = super::dto::ErrorBody)))]
pub async fn withdraw(State(state): State<AppState>, ApiUser(auth): ApiUser, Id(id): Id<NodeId>) -> Result<StatusCode, ApiError> {
    joint::withdraw(&state.store, &auth, id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shows a customer's comment to the visitors of every share link of the plan,
/// or (`false`) only to those of the link it came through. Plan editors only.
#[utoipa::path(put, path = "/customer-comments/{id}", tag = "sharing", params(("id" = i64, Path)), request_body = CustomerCommentWrite,
    responses((status = 200, body = CustomerCommentDto), (status = 403, body = super::dto::ErrorBody), (status = 422, body = super::dto::ErrorBody)))]
pub async fn set_visible(
    State(state): State<AppState>,
    ApiUser(auth): ApiUser,
    Id(id): Id<CustomerCommentId>,
    body: JsonObject,
) -> Result<Json<CustomerCommentDto>, ApiError> {
    only::<CustomerCommentWrite>(&body)?;
    let visible = match body.0.get("customer_visible") {
        Some(Value::Bool(b)) => *b,
        _ => return Err(AppError::field("customer_visible", keyplan_domain::Message::new("err-bool")).into()),
    };
    let c = joint::set_comment_visible(&state.store, &auth, id, visible).await?;
    Ok(Json(CustomerCommentDto::from(&c)))
}
