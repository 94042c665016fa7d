//! A plan's history line and a notification written inside a caller's
//! transaction, for the services that must record both with their own change
//! or not at all (committee outcomes, meeting decisions).

use keyplan_domain::{Message, OrgId, PlanId, UserId};

use crate::collab::{NewNotification, args_json};
use crate::{Store, StoreResult, Tx, now, on_tx};

impl Store {
    /// Adds a line to the plan's history within `tx`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn history_line_tx(
        &self,
        tx: &mut Tx,
        org: OrgId,
        plan: PlanId,
        actor: UserId,
        action: &str,
        target: (&str, i64),
        message: &Message,
    ) -> StoreResult<()> {
        on_tx!(self, *tx, c => sqlx::query(
            "INSERT INTO activity (org_id, plan_id, actor_id, action, target_kind, target_id, summary, message_code, message_args, at) \
             VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9)")
            .bind(org).bind(plan).bind(actor).bind(action).bind(target.0).bind(target.1)
            .bind(&message.code).bind(args_json(message)).bind(now())
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Creates a notification within `tx` (a used dedupe key changes nothing).
    pub(crate) async fn notify_tx(&self, tx: &mut Tx, n: &NewNotification<'_>) -> StoreResult<()> {
        on_tx!(self, *tx, c => sqlx::query(
            "INSERT INTO notifications (org_id, user_id, kind, plan_id, message, message_code, message_args, link, dedupe_key, created_at) \
             VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9) ON CONFLICT (user_id, dedupe_key) DO NOTHING")
            .bind(n.org).bind(n.user).bind(n.kind).bind(n.plan).bind(&n.message.code).bind(args_json(n.message))
            .bind(n.link).bind(n.dedupe_key).bind(now())
            .execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
