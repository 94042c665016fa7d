//! The organisation's coach: every signed-in user may read which rules run and
//! how severe each is; only an administrator changes it (issue 12: the company
//! owns the coach).

use keyplan_domain::coach::{CoachSettings, CoachSettingsInput, RuleId, Severity};
use keyplan_domain::permissions;
use keyplan_store::{RuleChange, Store};

use crate::access::require;
use crate::{AppError, Auth, Result};

/// The organisation's settings of every rule.
pub async fn settings(store: &Store, auth: &Auth) -> Result<CoachSettings> {
    Ok(store.coach_settings(auth.org()).await?)
}

/// Changes the rules `input` names, in one transaction, and answers every
/// rule's setting as it now is. Rules the input does not name, and the
/// `enabled` or `severity` a rule's entry leaves out, keep the organisation's
/// current setting. Unknown rule ids and severities are field errors naming
/// the rule (`commitment-vage`, `review-overdue.severity`); nothing is stored
/// then. Administrators only.
pub async fn save_settings(store: &Store, auth: &Auth, input: &CoachSettingsInput) -> Result<CoachSettings> {
    require(permissions::can_manage_users(auth.actor()))?;
    input.validate().map_err(AppError::Validation)?;
    let changes: Vec<RuleChange> = input
        .0
        .iter()
        .filter_map(|(id, s)| {
            Some(RuleChange {
                rule: RuleId::parse(id)?,
                enabled: s.enabled,
                severity: s.severity.as_deref().and_then(|v| Severity::parse(v.trim())),
            })
        })
        .collect();
    let saved = store.set_coach_rules(auth.org(), &changes).await?;
    super::marks::remark_organisation(store, auth.org()).await;
    Ok(saved)
}
