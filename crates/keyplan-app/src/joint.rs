//! The customer at the table, the team's side: offering a commitment to the
//! customer as a joint commitment (naming a contact of the account), taking the
//! offer back, choosing which customer comments every share link shows, and
//! reading what the customer did — the evidence the excellence ladder needs.
//!
//! Offering is sharing: an offered commitment is shown on every live share
//! link of the plan once its owner on our side has accepted it (title, owner,
//! named contact, due date and done criterion; never its notes), whatever the
//! visibility of its place in the tree.

use keyplan_domain::customer::CustomerEvidence;
use keyplan_domain::tree::{Acceptance, NodeKind};
use keyplan_domain::{ContactId, CustomerCommentId, Message, NodeId, PlanId};
use keyplan_store::{CustomerComment, JointCommitment, SideEffects, Store};
use serde::Serialize;

use crate::collab::{record_activity, shorten};
use crate::{AppError, Auth, Result};

/// Offers a commitment to the customer, naming `contact` (as the form or the API
/// sends it: the contact's id), or offers it again. `version`: the offer's
/// version the caller saw, 0 when there was none. Plan editors only; the
/// commitment must be accepted by its owner first.
pub async fn offer(store: &Store, auth: &Auth, node: NodeId, contact: &str, version: i64) -> Result<JointCommitment> {
    let n = store.node(auth.org(), node).await?;
    let plan = store.plan(auth.org(), n.plan_id).await?;
    crate::access::require_plan_editor(store, auth, plan.account_id).await?;
    if n.kind() != NodeKind::Commitment {
        return Err(AppError::state("joint-err-not-commitment"));
    }
    let contact_id = match contact.trim() {
        "" => return Err(AppError::field("contact_id", Message::new("joint-err-contact"))),
        raw => raw.parse::<i64>().ok().filter(|i| *i > 0).map(ContactId::new),
    };
    let contact = match contact_id {
        Some(id) => store.contact(auth.org(), id).await.ok().filter(|c| c.account_id == plan.account_id),
        None => None,
    }
    .ok_or_else(|| AppError::field("contact_id", Message::new("joint-err-contact-account")))?;
    if n.acceptance() != Some(Acceptance::Accepted) {
        return Err(AppError::state("joint-err-not-accepted"));
    }
    let history = Message::new("stored-joint-offered").arg("title", shorten(&n.title, 80)).arg("contact", &contact.name);
    let effects = SideEffects { action: "joint_offered", actor: Some(auth.id()), history: &history, notify: None };
    Ok(store.offer_joint(auth.org(), plan.id, node, contact.id, version, &effects).await?)
}

/// Takes an offer back (`version`: the one the caller saw; none: whatever it is now).
pub async fn withdraw(store: &Store, auth: &Auth, node: NodeId, version: Option<i64>) -> Result<()> {
    let n = store.node(auth.org(), node).await?;
    let plan = store.plan(auth.org(), n.plan_id).await?;
    crate::access::require_plan_editor(store, auth, plan.account_id).await?;
    let history = Message::new("stored-joint-withdrawn").arg("title", shorten(&n.title, 80));
    let effects = SideEffects { action: "joint_withdrawn", actor: Some(auth.id()), history: &history, notify: None };
    Ok(store.withdraw_joint(auth.org(), plan.id, node, version, &effects).await?)
}

/// Shows a customer's comment to the visitors of every share link of the plan
/// (`visible`), or again only to those of the link it came through. Plan editors only.
pub async fn set_comment_visible(store: &Store, auth: &Auth, id: CustomerCommentId, visible: bool) -> Result<CustomerComment> {
    let c = store.customer_comment(auth.org(), id).await?;
    let plan = store.plan(auth.org(), c.plan_id).await?;
    crate::access::require_plan_editor(store, auth, plan.account_id).await?;
    let c = store.set_customer_comment_visible(auth.org(), id, visible).await?;
    let code = if visible { "stored-customer-comment-shared" } else { "stored-customer-comment-unshared" };
    let line = Message::new(code).arg("name", &c.author_name).arg("body", shorten(&c.body, 60));
    record_activity(store, auth, plan.id, "customer_comment_visibility", &c.target_kind, Some(c.target_id), &line).await;
    Ok(c)
}

/// Everything the customer did on a plan, for the team.
#[derive(Clone, Debug, Serialize)]
pub struct CustomerSide {
    pub joint: Vec<JointCommitment>,
    pub comments: Vec<CustomerComment>,
    pub evidence: CustomerEvidence,
}

/// The plan's joint commitments with the customer's answers, the customer's
/// comments through every link, and the evidence; anyone who may read the plan.
pub async fn customer_side(store: &Store, auth: &Auth, plan: PlanId) -> Result<CustomerSide> {
    store.plan(auth.org(), plan).await?;
    let ((_, joint), comments, evidence) = tokio::try_join!(
        store.nodes_with_offers(auth.org(), plan),
        store.customer_comments(auth.org(), plan),
        store.customer_evidence(auth.org(), plan, crate::today()),
    )?;
    Ok(CustomerSide { joint, comments, evidence })
}

/// The facts about a plan's customer involvement that the excellence ladder
/// reads (levels 4 and 5), in one statement; anyone who may read the plan.
pub async fn evidence(store: &Store, auth: &Auth, plan: PlanId) -> Result<CustomerEvidence> {
    store.plan(auth.org(), plan).await?;
    evidence_in(store, auth.org(), plan).await
}

/// [`evidence`] without a caller, for code that already holds the organisation
/// (the coach over a loaded plan, the command line).
pub async fn evidence_in(store: &Store, org: keyplan_domain::OrgId, plan: PlanId) -> Result<CustomerEvidence> {
    Ok(store.customer_evidence(org, plan, crate::today()).await?)
}
