//! Typed ids: an `AccountId` can never be passed where a `PlanId` is expected.

macro_rules! typed_id {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(i64);

        impl $name {
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    )+};
}

typed_id!(
    /// An organisation: the company using keyplan. Every row belongs to one.
    OrgId,
    /// One of our staff.
    UserId,
    /// A customer company.
    AccountId,
    /// A person at the customer.
    ContactId,
    /// A key-account plan.
    PlanId,
    /// A node of a plan's constraint tree (goal, factor, condition, obstacle, commitment).
    NodeId,
    /// An API token.
    TokenId,
);
