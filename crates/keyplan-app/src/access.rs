//! Who may do what: the permission checks every service starts with.

use keyplan_domain::AccountId;
use keyplan_domain::permissions::{self, AccountAccess};
use keyplan_store::Store;

use crate::{AppError, Auth, Result};

/// The owner and team of an account, for the permission rules.
pub async fn access(store: &Store, auth: &Auth, account: AccountId) -> Result<AccountAccess> {
    Ok(store.account_access(auth.org(), account).await?)
}

/// Forbidden unless `allowed`.
pub fn require(allowed: bool) -> Result<()> {
    if allowed { Ok(()) } else { Err(AppError::forbidden()) }
}

/// Fails unless `auth` may edit the plans of `account`.
pub async fn require_plan_editor(store: &Store, auth: &Auth, account: AccountId) -> Result<()> {
    let access = access(store, auth, account).await?;
    require(permissions::can_edit_plans(auth.actor(), &access))
}
