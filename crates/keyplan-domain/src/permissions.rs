//! Who may do what. The web layer asks these questions; it never decides itself.
//!
//! - viewer: reads only;
//! - member: edits plans and contacts of accounts whose team they are on;
//! - kam: creates accounts and edits the accounts (and their plans) they own or are on the team of;
//! - manager: edits and approves everything in the organisation;
//! - admin: as manager, and manages users.

use crate::{Role, UserId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
}

/// Who owns an account and who is on its team.
#[derive(Clone, Debug, Default)]
pub struct AccountAccess {
    pub owner_id: Option<UserId>,
    pub team: Vec<UserId>,
}

impl AccountAccess {
    fn involves(&self, user: UserId) -> bool {
        self.owner_id == Some(user) || self.team.contains(&user)
    }
}

pub fn can_create_account(actor: Actor) -> bool {
    matches!(actor.role, Role::Admin | Role::Manager | Role::Kam)
}

/// Account master data, its team and deleting it.
pub fn can_edit_account(actor: Actor, access: &AccountAccess) -> bool {
    match actor.role {
        Role::Admin | Role::Manager => true,
        Role::Kam => access.involves(actor.user_id),
        Role::Member | Role::Viewer => false,
    }
}

/// Plans (and their trees) and contacts of the account.
pub fn can_edit_plans(actor: Actor, access: &AccountAccess) -> bool {
    match actor.role {
        Role::Admin | Role::Manager => true,
        Role::Kam | Role::Member => access.involves(actor.user_id),
        Role::Viewer => false,
    }
}

/// Approving a plan is a management decision.
pub fn can_approve_plans(actor: Actor) -> bool {
    actor.role.is_manager_like()
}

/// The company's list of offerings (the rows of every whitespace matrix).
pub fn can_manage_offerings(actor: Actor) -> bool {
    actor.role.is_manager_like()
}

pub fn can_manage_users(actor: Actor) -> bool {
    actor.role == Role::Admin
}

/// The company's plan templates: creating, editing, reordering, retiring, importing.
pub fn can_manage_templates(actor: Actor) -> bool {
    actor.role == Role::Admin
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: i64, role: Role) -> Actor {
        Actor { user_id: UserId::new(id), role }
    }

    #[test]
    fn roles_decide() {
        let access = AccountAccess { owner_id: Some(UserId::new(1)), team: vec![UserId::new(2)] };
        let owner = actor(1, Role::Kam);
        let other_kam = actor(9, Role::Kam);
        let member_on_team = actor(2, Role::Member);
        let member_elsewhere = actor(3, Role::Member);
        let viewer_on_team = Actor { user_id: UserId::new(2), role: Role::Viewer };
        let manager = actor(4, Role::Manager);

        assert!(can_edit_account(owner, &access));
        assert!(!can_edit_account(other_kam, &access));
        assert!(!can_edit_account(member_on_team, &access));
        assert!(can_edit_account(manager, &access));

        assert!(can_edit_plans(owner, &access));
        assert!(can_edit_plans(member_on_team, &access));
        assert!(!can_edit_plans(member_elsewhere, &access));
        assert!(!can_edit_plans(viewer_on_team, &access));
        assert!(!can_edit_plans(other_kam, &access));

        assert!(can_create_account(owner) && !can_create_account(member_on_team));
        assert!(can_approve_plans(manager) && !can_approve_plans(owner));
        assert!(can_manage_users(actor(5, Role::Admin)) && !can_manage_users(manager));
        assert!(can_manage_offerings(manager) && can_manage_offerings(actor(5, Role::Admin)) && !can_manage_offerings(owner));
    }
}
