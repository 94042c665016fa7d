//! What an import brings in (accounts, contacts or opportunities) and the
//! fields a column can fill, with the names a mapping file uses for them.

/// The kind of records a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Accounts,
    Contacts,
    Opportunities,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Accounts, Kind::Contacts, Kind::Opportunities];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Accounts => "accounts",
            Kind::Contacts => "contacts",
            Kind::Opportunities => "opportunities",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s.trim().to_ascii_lowercase())
    }
}

/// A field a column fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    CrmId,
    Name,
    FirstName,
    LastName,
    Industry,
    Region,
    AnnualRevenue,
    CurrentRevenue,
    TotalSpend,
    Potential,
    GrowthTrend,
    ParentCrmId,
    ParentName,
    /// An owner's e-mail address or full name; the cell tells which.
    Owner,
    Title,
    BusinessUnit,
    Email,
    Phone,
    AccountCrmId,
    /// Several account ids separated by `;` (HubSpot); the first counts
    /// unless a primary id column is there.
    AccountCrmIdList,
    AccountName,
    ReportsToCrmId,
    Stage,
    Status,
    IsWon,
    IsClosed,
    Amount,
    Currency,
    Probability,
    CloseDate,
    NextStep,
    /// A column known to carry nothing for keyplan (Dynamics' row checksum):
    /// left out without being listed as ignored.
    Skip,
}

/// The fields of each kind, by the names a mapping file uses. Owners may be
/// named by e-mail or full name; both names fill the same field.
const ACCOUNTS: &[(&str, Field)] = &[
    ("crm_id", Field::CrmId),
    ("name", Field::Name),
    ("industry", Field::Industry),
    ("region", Field::Region),
    ("annual_revenue", Field::AnnualRevenue),
    ("current_revenue", Field::CurrentRevenue),
    ("total_spend", Field::TotalSpend),
    ("potential", Field::Potential),
    ("growth_trend", Field::GrowthTrend),
    ("parent_crm_id", Field::ParentCrmId),
    ("parent_name", Field::ParentName),
    ("owner_email", Field::Owner),
    ("owner_name", Field::Owner),
    ("currency", Field::Currency),
    ("ignore", Field::Skip),
];

const CONTACTS: &[(&str, Field)] = &[
    ("crm_id", Field::CrmId),
    ("name", Field::Name),
    ("first_name", Field::FirstName),
    ("last_name", Field::LastName),
    ("title", Field::Title),
    ("business_unit", Field::BusinessUnit),
    ("email", Field::Email),
    ("phone", Field::Phone),
    ("account_crm_id", Field::AccountCrmId),
    ("account_crm_ids", Field::AccountCrmIdList),
    ("account_name", Field::AccountName),
    ("reports_to_crm_id", Field::ReportsToCrmId),
    ("relationship_owner_email", Field::Owner),
    ("relationship_owner_name", Field::Owner),
    ("ignore", Field::Skip),
];

const OPPORTUNITIES: &[(&str, Field)] = &[
    ("crm_id", Field::CrmId),
    ("name", Field::Name),
    ("account_crm_id", Field::AccountCrmId),
    ("account_crm_ids", Field::AccountCrmIdList),
    ("account_name", Field::AccountName),
    ("stage", Field::Stage),
    ("status", Field::Status),
    ("is_won", Field::IsWon),
    ("is_closed", Field::IsClosed),
    ("amount", Field::Amount),
    ("currency", Field::Currency),
    ("probability", Field::Probability),
    ("close_date", Field::CloseDate),
    ("owner_email", Field::Owner),
    ("owner_name", Field::Owner),
    ("next_step", Field::NextStep),
    ("ignore", Field::Skip),
];

fn table(kind: Kind) -> &'static [(&'static str, Field)] {
    match kind {
        Kind::Accounts => ACCOUNTS,
        Kind::Contacts => CONTACTS,
        Kind::Opportunities => OPPORTUNITIES,
    }
}

impl Field {
    /// The field a mapping file names, for one kind.
    pub fn from_name(kind: Kind, name: &str) -> Option<Field> {
        let n = name.trim().to_ascii_lowercase();
        table(kind).iter().find(|(k, _)| *k == n).map(|(_, f)| *f)
    }

    /// The name a mapping file (and the mapping preview) uses for the field.
    pub fn name(self, kind: Kind) -> &'static str {
        table(kind).iter().find(|(_, f)| *f == self).map(|(k, _)| *k).unwrap_or("ignore")
    }

    /// Whether a file of this kind has a use for the field.
    pub fn belongs_to(self, kind: Kind) -> bool {
        table(kind).iter().any(|(_, f)| *f == self)
    }

    /// Every field name a mapping of this kind may use.
    pub fn names(kind: Kind) -> impl Iterator<Item = &'static str> {
        table(kind).iter().map(|(k, _)| *k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            for name in Field::names(kind) {
                let f = Field::from_name(kind, name).unwrap();
                assert!(f.belongs_to(kind));
                assert_eq!(Field::from_name(kind, f.name(kind)), Some(f));
            }
        }
        assert_eq!(Field::from_name(Kind::Contacts, "relationship_owner_email"), Some(Field::Owner));
        assert_eq!(Field::Owner.name(Kind::Contacts), "relationship_owner_email");
        assert_eq!(Field::from_name(Kind::Accounts, "stage"), None);
        assert_eq!(Field::from_name(Kind::Accounts, " Current_Revenue "), Some(Field::CurrentRevenue));
    }
}
