//! Accounts: create, edit and delete, with the permission checks.

use keyplan_domain::account::AccountInput;
use keyplan_domain::permissions::{self};
use keyplan_domain::{AccountId, UserId};
use keyplan_store::{Account, Store};

use crate::access::{access, require};
use crate::num;
use crate::{AppError, Auth, Result};

pub async fn create_account(store: &Store, auth: &Auth, input: &AccountInput) -> Result<Account> {
    require(permissions::can_create_account(auth.actor()))?;
    let mut data = input.validate()?;
    if data.owner_id.is_none() && auth.role() == keyplan_domain::Role::Kam {
        data.owner_id = Some(auth.id());
    }
    Ok(store.create_account(auth.org(), &data, auth.id()).await?)
}

pub async fn update_account(store: &Store, auth: &Auth, id: AccountId, version: i64, input: &AccountInput) -> Result<Account> {
    let access = access(store, auth, id).await?;
    require(permissions::can_edit_account(auth.actor(), &access))?;
    let data = input.validate()?;
    Ok(store.update_account(auth.org(), id, version, &data, auth.id()).await?)
}

pub async fn delete_account(store: &Store, auth: &Auth, id: AccountId) -> Result<()> {
    let access = access(store, auth, id).await?;
    require(permissions::can_edit_account(auth.actor(), &access))?;
    Ok(store.delete_account(auth.org(), id).await?)
}

pub fn account_to_input(a: &Account) -> AccountInput {
    AccountInput {
        name: a.name.clone(),
        industry: a.industry.clone().unwrap_or_default(),
        region: a.region.clone().unwrap_or_default(),
        parent_id: a.parent_id.map(|i| i.to_string()).unwrap_or_default(),
        crm_id: a.crm_id.clone().unwrap_or_default(),
        annual_revenue: a.annual_revenue.map(num).unwrap_or_default(),
        current_revenue: a.current_revenue.map(num).unwrap_or_default(),
        total_spend: a.total_spend.map(num).unwrap_or_default(),
        potential: a.potential.map(num).unwrap_or_default(),
        growth_trend: a.growth_trend.map(|t| t.as_str().into()).unwrap_or_default(),
        owner_id: a.owner_id.map(|i| i.to_string()).unwrap_or_default(),
    }
}

/// Adds `user` to the account team with `function`, or changes their function.
/// `user` is the raw form or API value: it must name a colleague.
pub async fn set_team_member(store: &Store, auth: &Auth, account: AccountId, user: Option<UserId>, function: &str) -> Result<()> {
    let access = access(store, auth, account).await?;
    require(permissions::can_edit_account(auth.actor(), &access))?;
    let mut v = keyplan_domain::Validation::new();
    if user.is_none() {
        v.push("user_id", keyplan_domain::Message::new("err-colleague"));
    }
    let function = v.check(keyplan_domain::validate::required("function", function, 120));
    match (user, function) {
        (Some(u), Some(f)) if v.is_ok() => Ok(store.set_team_member(auth.org(), account, u, &f).await?),
        _ => Err(AppError::Validation(v.errors)),
    }
}

/// Takes `user` off the account team.
pub async fn remove_team_member(store: &Store, auth: &Auth, account: AccountId, user: UserId) -> Result<()> {
    let access = access(store, auth, account).await?;
    require(permissions::can_edit_account(auth.actor(), &access))?;
    Ok(store.remove_team_member(auth.org(), account, user).await?)
}
