//! The organisation's settings in one place (`keyplan_domain::settings`):
//! every signed-in user may read them (the portfolio and the limits use
//! them); only an administrator changes them.

use keyplan_domain::permissions;
use keyplan_domain::settings::OrganisationSettings;
use keyplan_store::Store;
use serde_json::{Map, Value};

use crate::access::require;
use crate::{AppError, Auth, Result};

/// How often a change is tried again when another one landed in between.
const ATTEMPTS: usize = 5;

/// The organisation's settings.
pub async fn settings(store: &Store, auth: &Auth) -> Result<OrganisationSettings> {
    Ok(store.organisation_settings(auth.org()).await?.0)
}

/// Changes the keys `patch` names and answers every setting as it now is.
/// An unknown key or a wrong value is a field error naming the key, and then
/// nothing changes. A change landing in between is read and `patch` applied
/// over it. Administrators only.
pub async fn patch(store: &Store, auth: &Auth, patch: &Map<String, Value>) -> Result<OrganisationSettings> {
    require(permissions::can_manage_users(auth.actor()))?;
    for _ in 0..ATTEMPTS {
        let (current, version) = store.organisation_settings(auth.org()).await?;
        let next = current.patched(patch).map_err(AppError::Validation)?;
        if next == current {
            return Ok(current);
        }
        if let Some((saved, _)) = store.set_organisation_settings(auth.org(), version, &next).await? {
            return Ok(saved);
        }
    }
    let (_, version) = store.organisation_settings(auth.org()).await?;
    Err(AppError::Conflict { current_version: version })
}
