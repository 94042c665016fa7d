//! Our staff: administrators add users, change their role or deactivate them,
//! and set new passwords; everyone chooses their own language.

use keyplan_domain::validate::{self, Validation};
use keyplan_domain::{Lang, Role, UserId, permissions};
use keyplan_store::{NewUser, Store, User};

use crate::access::require;
use crate::{AppError, Auth, Result};

fn require_admin(auth: &Auth) -> Result<()> {
    require(permissions::can_manage_users(auth.actor()))
}

/// What an administrator types to add a user.
pub struct NewUserInput<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub role: &'a str,
    pub password: &'a str,
}

/// Adds a user to the administrator's organisation.
pub async fn create_user(store: &Store, auth: &Auth, input: &NewUserInput<'_>) -> Result<User> {
    require_admin(auth)?;
    let mut v = Validation::new();
    let name = v.check(validate::required("name", input.name, 200));
    let email = v.check(validate::email("email", input.email));
    let role = Role::parse(input.role);
    if role.is_none() {
        v.push("role", keyplan_domain::Message::new("users-err-role"));
    }
    let password = v.check(validate::password("password", input.password));
    match (name, email, role, password) {
        (Some(name), Some(email), Some(role), Some(password)) if v.is_ok() => {
            let hash = crate::auth::hash_password(password).await?;
            Ok(store.create_user(auth.org(), NewUser { email: &email, name: &name, role, password_hash: &hash }).await?)
        }
        _ => Err(AppError::Validation(v.errors)),
    }
}

/// Why an administrator's change to a user was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum UserChange {
    /// Not a role keyplan knows.
    UnknownRole,
    /// Administrators cannot take away their own rights or deactivate themselves.
    Own,
}

/// Changes a user's name (empty keeps it), role, whether they may sign in and,
/// when `team` is given, their sales team (empty: none).
#[allow(clippy::too_many_arguments)]
pub async fn update_user(
    store: &Store,
    auth: &Auth,
    id: UserId,
    version: i64,
    name: &str,
    role: &str,
    active: bool,
    team: Option<&str>,
) -> Result<std::result::Result<User, UserChange>> {
    require_admin(auth)?;
    let current = store.user(auth.org(), id).await?;
    let name = if name.trim().is_empty() { current.name.clone() } else { validate::required("name", name, 200)? };
    let team = match team {
        None => None,
        Some(t) => Some(validate::optional("team", Some(t), 100)?),
    };
    let Some(role) = Role::parse(role) else { return Ok(Err(UserChange::UnknownRole)) };
    if id == auth.id() && (role != Role::Admin || !active) {
        return Ok(Err(UserChange::Own));
    }
    let user = store.update_user(auth.org(), id, version, &name, role, active).await?;
    match team {
        Some(team) if team != user.team => Ok(Ok(store.set_user_team(auth.org(), id, user.version, team.as_deref()).await?)),
        _ => Ok(Ok(user)),
    }
}

/// Sets a new password for a user; the user is named in the answer.
pub async fn set_password(store: &Store, auth: &Auth, id: UserId, password: &str) -> Result<User> {
    require_admin(auth)?;
    let user = store.user(auth.org(), id).await?;
    let password = validate::password("password", password)?;
    let hash = crate::auth::hash_password(password).await?;
    store.set_password(auth.org(), id, &hash).await?;
    Ok(user)
}

/// The caller's interface language; `None` follows the browser.
pub async fn set_language(store: &Store, auth: &Auth, choice: Option<Lang>) -> Result<()> {
    Ok(store.set_user_language(auth.org(), auth.id(), choice).await?)
}
