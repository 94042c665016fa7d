//! Enumerations as the database keeps them: the text of their `as_str`.
//!
//! Reading one back is strict. A text that names no value is an [`UnknownText`]
//! error, never a default: a corrupt row, or one written by a newer version,
//! must not pass for an obstacle or a viewer. `parse` stays lenient (it trims,
//! and some fold case) because it reads what people type; stored text is
//! always written by `as_str`, so it must match exactly.
//!
//! With the `sqlx` feature every such enumeration is also a column type, decoded
//! through the same check, so the storage layer's rows hold typed values and a
//! bad text fails the query that read it.

use crate::Lang;
use crate::Role;
use crate::account::GrowthTrend;
use crate::analysis::{Benefit, Category, ItemKind, LinkKind, ValueDiscipline};
use crate::audience::Visibility;
use crate::contact::{Attitude, BuyingRole};
use crate::crm::OppStatus;
use crate::customer::JointAnswer;
use crate::kpi::Period;
use crate::plan::PlanStatus;
use crate::review::{ReviewKind, Signoff};
use crate::tree::{Acceptance, CommitmentStatus, NodeKind};
use crate::whitespace::CellStatus;

/// A stored text that names no value of the enumeration it was read as.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {text:?}")]
pub struct UnknownText {
    /// What the text should have named ("node kind", "role").
    pub what: &'static str,
    /// The text as it was stored.
    pub text: String,
}

/// Gives each enumeration its strict reading from text and, with the `sqlx`
/// feature, its column type. Each needs `ALL` and `as_str`.
macro_rules! stored_enum {
    ($($ty:ty => $what:literal),+ $(,)?) => {
        $(
            impl TryFrom<&str> for $ty {
                type Error = UnknownText;
                fn try_from(s: &str) -> Result<Self, UnknownText> {
                    <$ty>::ALL.into_iter().find(|v| v.as_str() == s).ok_or_else(|| UnknownText { what: $what, text: s.to_owned() })
                }
            }

            impl TryFrom<String> for $ty {
                type Error = UnknownText;
                fn try_from(s: String) -> Result<Self, UnknownText> {
                    Self::try_from(s.as_str())
                }
            }

            // Stored as text: whatever the database takes for a `String`.
            #[cfg(feature = "sqlx")]
            impl<DB: sqlx::Database> sqlx::Type<DB> for $ty
            where
                String: sqlx::Type<DB>,
            {
                fn type_info() -> DB::TypeInfo {
                    <String as sqlx::Type<DB>>::type_info()
                }
                fn compatible(ty: &DB::TypeInfo) -> bool {
                    <String as sqlx::Type<DB>>::compatible(ty)
                }
            }

            #[cfg(feature = "sqlx")]
            impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $ty
            where
                &'r str: sqlx::Decode<'r, DB>,
            {
                fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                    let text = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                    Ok(Self::try_from(text)?)
                }
            }
        )+

        /// One check per enumeration, for the tests below.
        #[cfg(test)]
        const CHECKS: &[fn()] = &[$(|| tests::check::<$ty>($what, &<$ty>::ALL, <$ty>::as_str)),+];
    };
}

stored_enum!(
    Role => "role",
    Lang => "language",
    GrowthTrend => "growth trend",
    BuyingRole => "buying role",
    Attitude => "attitude",
    PlanStatus => "plan status",
    NodeKind => "node kind",
    CommitmentStatus => "commitment status",
    Acceptance => "acceptance",
    Benefit => "benefit",
    ItemKind => "item kind",
    Category => "item category",
    LinkKind => "link target kind",
    ValueDiscipline => "value discipline",
    Visibility => "visibility",
    CellStatus => "whitespace cell status",
    ReviewKind => "review kind",
    Signoff => "sign-off",
    Period => "KPI period",
    JointAnswer => "joint commitment answer",
    OppStatus => "opportunity status",
);

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use super::*;

    pub(super) fn check<T>(what: &'static str, all: &[T], text: fn(T) -> &'static str)
    where
        T: Copy + Debug + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
        T: for<'a> TryFrom<&'a str, Error = UnknownText> + TryFrom<String, Error = UnknownText>,
    {
        for &v in all {
            assert_eq!(T::try_from(text(v)), Ok(v), "{what} reads back what it writes");
            assert_eq!(T::try_from(text(v).to_string()), Ok(v), "{what} from an owned text");
            // The API and the plan document write the same text as the database.
            assert_eq!(serde_json::to_value(v).unwrap(), text(v), "{what} serialises as stored");
            // A row read as JSON (the plan's one-statement read) reads the same text back.
            assert_eq!(serde_json::from_value::<T>(text(v).into()).ok(), Some(v), "{what} deserialises from the stored text");
        }
        let unknown = |s: &str| UnknownText { what, text: s.to_string() };
        for bad in ["banana", "", " ", "wizard"] {
            assert_eq!(T::try_from(bad), Err(unknown(bad)), "{what} rejects {bad:?}");
        }
        // Stored text is exact: what `parse` forgives in typed input is corrupt here.
        let first = text(all[0]);
        for near in [format!(" {first}"), format!("{first} "), first.to_uppercase()] {
            assert_eq!(T::try_from(near.clone()), Err(unknown(&near)), "{what} rejects {near:?}");
        }
    }

    #[test]
    fn every_stored_enumeration_reads_back_exactly_what_it_writes() {
        assert_eq!(CHECKS.len(), 21);
        for check in CHECKS {
            check();
        }
    }

    #[test]
    fn an_unknown_text_is_an_error_that_names_it() {
        assert_eq!(NodeKind::try_from("banana").unwrap_err().to_string(), r#"unknown node kind "banana""#);
        assert_eq!(Role::try_from("wizard").unwrap_err(), UnknownText { what: "role", text: "wizard".into() });
        // Not a viewer, not an obstacle: the silent defaults this replaces.
        assert!(Role::try_from("Viewer").is_err());
        assert!(NodeKind::try_from("obstacles").is_err());
        // Lenient parsing of typed input is unchanged.
        assert_eq!(Role::parse(" Admin "), Some(Role::Admin));
        assert_eq!(Lang::parse("de-AT"), Some(Lang::De));
        assert!(Lang::try_from("de-AT").is_err());
    }
}
