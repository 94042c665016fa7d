//! Dated progress notes on a commitment (issue 15 point 7). Its owner, or
//! anyone who may edit the plan, notes what happened on a day (today or
//! earlier); the note lands in the plan's history in the same transaction.
//! Notes are the team's own record: [`crate::audience::redact`] drops them for
//! every audience that does not see internal notes, the customer above all.

use keyplan_domain::tree::{NodeKind, ProgressInput};
use keyplan_domain::{Message, NodeId, Role, UserId, permissions};
use keyplan_store::{ProgressNote, Store};

use crate::access::{access, require};
use crate::{AppError, Auth, Result};

/// The commitment `id` of the organisation (another kind of node has no notes: not found).
async fn commitment(store: &Store, auth: &Auth, id: NodeId) -> Result<keyplan_domain::tree::Node> {
    let node = store.node(auth.org(), id).await?;
    if node.kind() != NodeKind::Commitment {
        return Err(AppError::NotFound);
    }
    Ok(node)
}

/// Whether `auth` may note progress on a commitment owned by `owner`: anyone
/// who may edit the plan, and its owner unless they only read.
pub fn may_note(auth: &Auth, can_edit_plan: bool, owner: Option<UserId>) -> bool {
    can_edit_plan || (owner == Some(auth.id()) && auth.role() != Role::Viewer)
}

/// Adds a note to commitment `id`: checked for who may write it, then for what
/// it says (a day no later than today, 1 to 2000 characters), then stored with
/// its history line.
pub async fn add(store: &Store, auth: &Auth, id: NodeId, input: &ProgressInput) -> Result<ProgressNote> {
    let node = commitment(store, auth, id).await?;
    let plan = store.plan(auth.org(), node.plan_id).await?;
    let access = access(store, auth, plan.account_id).await?;
    require(may_note(auth, permissions::can_edit_plans(auth.actor(), &access), node.owner_id()))?;
    let data = input.validate(crate::today())?;
    let history = Message::new("stored-progress-noted").arg("title", crate::collab::shorten(&node.title, 80)).iso_date("date", data.on);
    let note = store.add_progress_note(auth.org(), id, auth.id(), &data, &history).await?;
    // A note is a write to the plan like any other: keep the coach's mark current.
    crate::coach::marks::remark(store, auth.org(), node.plan_id).await;
    Ok(note)
}

/// The notes on commitment `id`, newest first.
pub async fn list(store: &Store, auth: &Auth, id: NodeId) -> Result<Vec<ProgressNote>> {
    commitment(store, auth, id).await?;
    Ok(store.progress_notes(auth.org(), id).await?)
}
