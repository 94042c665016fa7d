//! Typed ids: an `AccountId` can never be passed where a `PlanId` is expected.

/// Every typed id: built from the raw number the database and URLs carry.
pub trait TypedId: Copy {
    fn from_raw(raw: i64) -> Self;
}

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

        impl $crate::ids::TypedId for $name {
            fn from_raw(raw: i64) -> Self {
                Self(raw)
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
    /// One of the company's offerings (a row of the whitespace matrix).
    OfferingId,
    /// A business unit of a customer (a column of the whitespace matrix).
    BusinessUnitId,
    /// A filled cell of an account's whitespace matrix.
    CellId,
    /// A sales opportunity of an account, usually mirrored from the CRM.
    OpportunityId,
    /// A management committee session.
    CommitteeId,
    /// A regular sales meeting.
    MeetingId,
    /// A company's plan template.
    TemplateId,
    /// One immutable version of a template; a plan keeps the one it was made with.
    TemplateVersionId,
    /// The stored text (body and "so what?") of one section of a plan.
    SectionId,
    /// An analysis item, SWOT entry, opportunity or risk of a plan.
    ItemId,
    /// A link from a goal to the evidence that justifies it.
    LinkId,
    /// A key performance indicator of a plan.
    KpiId,
    /// One recorded value of a KPI.
    KpiActualId,
    /// A review of a plan (team, management or with the customer).
    ReviewId,
    /// A frozen copy of a plan.
    SnapshotId,
    /// A comment on a plan or one of its items.
    CommentId,
    /// A dated progress note on a commitment.
    ProgressNoteId,
    /// An in-app notification.
    NotificationId,
    /// A read-only link to a plan's customer excerpt.
    ShareLinkId,
    /// A comment a customer wrote through a share link.
    CustomerCommentId,
);
