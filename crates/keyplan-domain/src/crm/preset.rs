//! Presets: which CRM wrote the file, so its headers, dates and numbers are
//! read as that CRM writes them; and the detection of preset and kind from the
//! headers alone.

use crate::crm::fields::{Field, Kind};
use crate::crm::headers::{self, Table};

/// The CRM a file comes from; `Generic` reads any file through a mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Salesforce,
    Hubspot,
    Dynamics,
    Pipedrive,
    Generic,
}

impl Preset {
    pub const ALL: [Preset; 5] = [Preset::Salesforce, Preset::Hubspot, Preset::Dynamics, Preset::Pipedrive, Preset::Generic];

    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Salesforce => "salesforce",
            Preset::Hubspot => "hubspot",
            Preset::Dynamics => "dynamics",
            Preset::Pipedrive => "pipedrive",
            Preset::Generic => "generic",
        }
    }

    /// A preset by name; `auto` is not one (the caller detects then).
    pub fn parse(s: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.as_str() == s.trim().to_ascii_lowercase())
    }

    fn table(self, kind: Kind) -> Table {
        match self {
            Preset::Salesforce => headers::salesforce(kind),
            Preset::Hubspot => headers::hubspot(kind),
            Preset::Dynamics => headers::dynamics(kind),
            Preset::Pipedrive => headers::pipedrive(kind),
            Preset::Generic => &[],
        }
    }

    /// The field this preset fills from a header, for one kind.
    pub fn field_for(self, kind: Kind, header: &str) -> Option<Field> {
        let key = header_key(header);
        if let Some((_, f)) = self.table(kind).iter().find(|(h, _)| *h == key) {
            return Some(*f);
        }
        // Dynamics' other hidden columns (row checksum, modified on) mean nothing here.
        (self == Preset::Dynamics && key.starts_with("(do not modify)")).then_some(Field::Skip)
    }

    /// How many of the headers this preset knows for a kind.
    fn score(self, kind: Kind, headers: &[String]) -> usize {
        let table = self.table(kind);
        headers.iter().map(|h| header_key(h)).filter(|k| table.iter().any(|(h, _)| h == k)).count()
    }

    /// The kind whose headers this preset knows best (at least two of them).
    pub fn detect_kind(self, headers: &[String]) -> Option<Kind> {
        best(Kind::ALL.into_iter().map(|k| (self, k)), headers)
    }

    /// HubSpot writes a deal's probability as a share of one (0.25 for 25 %).
    pub fn probability_is_fraction(self) -> bool {
        self == Preset::Hubspot
    }
}

fn best(candidates: impl Iterator<Item = (Preset, Kind)>, headers: &[String]) -> Option<Kind> {
    best_pair(candidates, headers).map(|(_, k)| k)
}

/// The candidate with the most known headers; earlier ones win ties. Two known
/// headers are the least that tells anything.
fn best_scored(candidates: impl Iterator<Item = (Preset, Kind)>, headers: &[String]) -> Option<(Preset, Kind, usize)> {
    let mut best: Option<(Preset, Kind, usize)> = None;
    for (p, k) in candidates {
        let s = p.score(k, headers);
        if s >= 2 && best.is_none_or(|(_, _, b)| s > b) {
            best = Some((p, k, s));
        }
    }
    best
}

fn best_pair(candidates: impl Iterator<Item = (Preset, Kind)>, headers: &[String]) -> Option<(Preset, Kind)> {
    best_scored(candidates, headers).map(|(p, k, _)| (p, k))
}

/// Detects the CRM and the kind from the headers: the preset and kind whose
/// known headers cover the most columns. `None` when nothing fits (the
/// generic preset with a mapping is the way then).
pub fn detect(headers: &[String]) -> Option<(Preset, Kind)> {
    detect_scored(headers).map(|(p, k, _)| (p, k))
}

/// [`detect`], with the number of headers the preset knows.
pub fn detect_scored(headers: &[String]) -> Option<(Preset, Kind, usize)> {
    let pairs = Preset::ALL.into_iter().filter(|p| *p != Preset::Generic).flat_map(|p| Kind::ALL.into_iter().map(move |k| (p, k)));
    best_scored(pairs, headers)
}

/// A header as compared: without spaces around it or a byte-order mark, inner
/// runs of spaces as one, in lower case.
pub fn header_key(h: &str) -> String {
    h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn salesforce_api_names_and_report_labels() {
        let acc = h(&["Id", "Name", "ParentId", "Industry", "BillingCountry", "AnnualRevenue", "OwnerId"]);
        assert_eq!(detect(&acc), Some((Preset::Salesforce, Kind::Accounts)));
        let con = h(&["Id", "FirstName", "LastName", "AccountId", "ReportsToId", "Email", "Title"]);
        assert_eq!(detect(&con), Some((Preset::Salesforce, Kind::Contacts)));
        let opp = h(&["Id", "Name", "AccountId", "StageName", "CloseDate", "Amount", "IsWon", "IsClosed"]);
        assert_eq!(detect(&opp), Some((Preset::Salesforce, Kind::Opportunities)));
        let report = h(&["Contact ID", "First Name", "Last Name", "Title", "Account Name", "Account ID", "Email", "Contact Owner"]);
        assert_eq!(detect(&report), Some((Preset::Salesforce, Kind::Contacts)));
        let opp_report = h(&["Opportunity Name", "Account Name", "Stage", "Close Date", "Amount", "Probability (%)", "Opportunity Owner"]);
        assert_eq!(detect(&opp_report), Some((Preset::Salesforce, Kind::Opportunities)));
        let acc_report = h(&["Account ID", "Account Name", "Parent Account", "Billing State/Province", "Account Owner"]);
        assert_eq!(detect(&acc_report), Some((Preset::Salesforce, Kind::Accounts)));
    }

    #[test]
    fn hubspot_in_three_languages() {
        let de = h(&["Datensatz-ID", "Vorname", "Nachname", "E-Mail", "Position", "Zugeordnetes Unternehmen", "Kontaktinhaber"]);
        assert_eq!(detect(&de), Some((Preset::Hubspot, Kind::Contacts)));
        let fr = h(&["Record ID", "Nom de l'entreprise", "Secteur d'activité", "Chiffre d'affaires annuel", "Pays/Région"]);
        assert_eq!(detect(&fr), Some((Preset::Hubspot, Kind::Accounts)));
        let en = h(&["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Deal owner", "Deal probability"]);
        assert_eq!(detect(&en), Some((Preset::Hubspot, Kind::Opportunities)));
        assert_eq!(Preset::Hubspot.field_for(Kind::Contacts, "Nom"), Some(Field::LastName));
        assert_eq!(Preset::Hubspot.field_for(Kind::Contacts, "Prénom"), Some(Field::FirstName));
    }

    #[test]
    fn dynamics_and_its_hidden_columns() {
        let acc = h(&[
            "(Do Not Modify) Account",
            "(Do Not Modify) Row Checksum",
            "(Do Not Modify) Modified On",
            "Account Name",
            "Main Phone",
            "Owner",
        ]);
        assert_eq!(detect(&acc), Some((Preset::Dynamics, Kind::Accounts)));
        assert_eq!(Preset::Dynamics.field_for(Kind::Accounts, "(Do Not Modify) Row Checksum"), Some(Field::Skip));
        let con =
            h(&["(Do Not Modify) Contact", "(Do Not Modify) Row Checksum", "Full Name", "Company Name", "Job Title", "Email (Account)"]);
        assert_eq!(detect(&con), Some((Preset::Dynamics, Kind::Contacts)));
        let opp = h(&["(Do Not Modify) Opportunity", "Topic", "Potential Customer", "Est. Close Date", "Est. Revenue", "Status"]);
        assert_eq!(detect(&opp), Some((Preset::Dynamics, Kind::Opportunities)));
    }

    #[test]
    fn pipedrive_prefixes() {
        let deals = h(&["Deal - ID", "Deal - Title", "Deal - Value", "Deal - Currency", "Organization - Name", "Person - Name"]);
        assert_eq!(detect(&deals), Some((Preset::Pipedrive, Kind::Opportunities)));
        let people = h(&["Person - Name", "Person - Email", "Person - Phone", "Person - Organization", "Person - Job title"]);
        assert_eq!(detect(&people), Some((Preset::Pipedrive, Kind::Contacts)));
        let orgs = h(&["Organization - ID", "Organization - Name", "Organization - Industry", "Organization - Annual revenue"]);
        assert_eq!(detect(&orgs), Some((Preset::Pipedrive, Kind::Accounts)));
    }

    #[test]
    fn unknown_headers_detect_nothing() {
        assert_eq!(detect(&h(&["Kundennummer", "Kunde", "Umsatz 2026"])), None);
        assert_eq!(Preset::parse("HubSpot"), Some(Preset::Hubspot));
        assert_eq!(Preset::parse("auto"), None);
        assert_eq!(header_key("\u{feff}  Deal -  Title "), "deal - title");
    }
}
