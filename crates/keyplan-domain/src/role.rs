//! The roles a user may have.

use serde::{Deserialize, Serialize};

/// What a user may do. Enforced on the server; see [`crate::permissions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users and everything else in the organisation.
    Admin,
    /// Sales or business-area manager: edits and approves all plans.
    Manager,
    /// Key account manager: owns accounts and their plans.
    Kam,
    /// Account-team member: edits plans of accounts whose team they are on.
    Member,
    /// Reads only.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Admin, Role::Manager, Role::Kam, Role::Member, Role::Viewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Kam => "kam",
            Role::Member => "member",
            Role::Viewer => "viewer",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::Manager => "Manager",
            Role::Kam => "Key account manager",
            Role::Member => "Team member",
            Role::Viewer => "Viewer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim().to_ascii_lowercase())
    }

    /// Admins and managers see and edit everything in their organisation.
    pub fn is_manager_like(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
