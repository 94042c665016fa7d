//! The whitespace matrix as pages and the API both change it: who may, and what
//! input is accepted. The company's offerings are for managers and admins;
//! business units and cells for whoever may edit the account's plans.

use keyplan_domain::permissions;
use keyplan_domain::validate;
use keyplan_domain::whitespace::{CellInput, NameInput};
use keyplan_domain::{AccountId, BusinessUnitId, OfferingId};
use keyplan_store::{BusinessUnit, Cell, Offering, Store};

use crate::Result;
use crate::access::require;
use crate::auth::Auth;
use crate::num;

/// Cells on one side of a matrix: which offering, which business unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellRef {
    pub offering: OfferingId,
    pub unit: BusinessUnitId,
}

impl CellRef {
    /// `"12-34"`: offering 12, business unit 34 (as written in page links).
    pub fn parse(raw: &str) -> Option<CellRef> {
        let (o, u) = raw.trim().split_once('-')?;
        let (o, u) = (o.parse::<i64>().ok().filter(|n| *n > 0)?, u.parse::<i64>().ok().filter(|n| *n > 0)?);
        Some(CellRef { offering: OfferingId::new(o), unit: BusinessUnitId::new(u) })
    }

    pub fn key(self) -> String {
        format!("{}-{}", self.offering, self.unit)
    }
}

fn require_offering_manager(auth: &Auth) -> Result<()> {
    require(permissions::can_manage_offerings(auth.actor()))
}

async fn require_plan_editor(store: &Store, auth: &Auth, account: AccountId) -> Result<()> {
    let access = crate::access::access(store, auth, account).await?;
    require(permissions::can_edit_plans(auth.actor(), &access))
}

/// Whether the signed-in user may change this account's business units and cells.
pub async fn can_edit(store: &Store, auth: &Auth, account: AccountId) -> Result<bool> {
    let access = crate::access::access(store, auth, account).await?;
    Ok(permissions::can_edit_plans(auth.actor(), &access))
}

// --- offerings -------------------------------------------------------------------------

pub async fn create_offering(store: &Store, auth: &Auth, input: &NameInput) -> Result<Offering> {
    require_offering_manager(auth)?;
    let (name, description) = input.validate()?;
    Ok(store.create_offering(auth.org(), &name, description.as_deref()).await?)
}

pub async fn update_offering(store: &Store, auth: &Auth, id: OfferingId, version: i64, input: &NameInput) -> Result<Offering> {
    require_offering_manager(auth)?;
    let (name, description) = input.validate()?;
    Ok(store.update_offering(auth.org(), id, version, &name, description.as_deref()).await?)
}

pub async fn set_offering_retired(store: &Store, auth: &Auth, id: OfferingId, version: i64, retired: bool) -> Result<Offering> {
    require_offering_manager(auth)?;
    Ok(store.set_offering_retired(auth.org(), id, version, retired).await?)
}

/// Deletes an offering with its cells in every account; answers what was deleted.
pub async fn delete_offering(store: &Store, auth: &Auth, id: OfferingId) -> Result<Offering> {
    require_offering_manager(auth)?;
    let current = store.offering(auth.org(), id).await?;
    store.delete_offering(auth.org(), id).await?;
    Ok(current)
}

pub async fn move_offering(store: &Store, auth: &Auth, id: OfferingId, up: bool) -> Result<Offering> {
    require_offering_manager(auth)?;
    let current = store.offering(auth.org(), id).await?;
    store.move_offering(auth.org(), id, up).await?;
    Ok(current)
}

pub fn offering_to_input(o: &Offering) -> NameInput {
    NameInput { name: o.name.clone(), description: o.description.clone().unwrap_or_default() }
}

// --- business units --------------------------------------------------------------------

/// A business unit's name: required, at most 120 characters.
fn unit_name(input: &NameInput) -> Result<String> {
    Ok(validate::required("name", &input.name, 120)?)
}

pub async fn create_business_unit(store: &Store, auth: &Auth, account: AccountId, input: &NameInput) -> Result<BusinessUnit> {
    require_plan_editor(store, auth, account).await?;
    let name = unit_name(input)?;
    Ok(store.create_business_unit(auth.org(), account, &name).await?)
}

pub async fn update_business_unit(store: &Store, auth: &Auth, id: BusinessUnitId, version: i64, input: &NameInput) -> Result<BusinessUnit> {
    let current = store.business_unit(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    let name = unit_name(input)?;
    Ok(store.update_business_unit(auth.org(), id, version, &name).await?)
}

/// Deletes a business unit with its cells; answers what was deleted.
pub async fn delete_business_unit(store: &Store, auth: &Auth, id: BusinessUnitId) -> Result<BusinessUnit> {
    let current = store.business_unit(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    store.delete_business_unit(auth.org(), id).await?;
    Ok(current)
}

pub async fn move_business_unit(store: &Store, auth: &Auth, id: BusinessUnitId, up: bool) -> Result<BusinessUnit> {
    let current = store.business_unit(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    store.move_business_unit(auth.org(), id, up).await?;
    Ok(current)
}

// --- cells -----------------------------------------------------------------------------

/// Fills, changes or (empty status) clears a cell. `version` is the one the
/// caller saw, 0 for an empty cell. Answers the cell, or `None` when cleared.
pub async fn set_cell(
    store: &Store,
    auth: &Auth,
    account: AccountId,
    at: CellRef,
    version: i64,
    input: &CellInput,
) -> Result<Option<Cell>> {
    require_plan_editor(store, auth, account).await?;
    let data = input.validate()?;
    Ok(store.set_cell(auth.org(), account, at.offering, at.unit, version, data.as_ref(), auth.id()).await?)
}

pub fn cell_to_input(c: Option<&Cell>) -> CellInput {
    match c {
        None => CellInput::default(),
        Some(c) => CellInput {
            status: c.status.as_str().into(),
            value: c.value.map(num).unwrap_or_default(),
            note: c.note.clone().unwrap_or_default(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_refs_parse() {
        let r = CellRef::parse("12-34").unwrap();
        assert_eq!((r.offering.get(), r.unit.get(), r.key()), (12, 34, "12-34".to_string()));
        for bad in ["", "12", "12-", "-3", "a-b", "0-1", "1--2", "1-2-3"] {
            assert_eq!(CellRef::parse(bad), None, "{bad:?}");
        }
    }
}
