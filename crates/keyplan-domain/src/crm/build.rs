//! From a data row's cells to its typed record, through the column map: each
//! field takes the first non-empty cell of the columns that fill it; cells that
//! do not read as their field's type become cell errors naming the header.
//! Text cells are kept as written, only trimmed: `=SUM(…)`, `+49 …`, `-x` and
//! `@handle` stay text.

use time::Date;

use crate::account::GrowthTrend;
use crate::crm::error::{self, CellError};
use crate::crm::fields::{Field, Kind};
use crate::crm::mapping::ColumnMap;
use crate::crm::number::{self, Amount};
use crate::crm::reader::RawRow;
use crate::crm::record::{AccountRow, ContactRow, OppStatus, OpportunityRow, ParsedRow, Record};
use crate::crm::{date, error::WARN_DELETED};

struct Cells<'a> {
    map: &'a ColumnMap,
    raw: &'a RawRow,
    errors: Vec<CellError>,
    warnings: Vec<CellError>,
    /// The first currency symbol or code seen in a money cell.
    symbol: Option<String>,
}

impl<'a> Cells<'a> {
    /// The first non-empty cell for a field, after the mapping's `values`, with its header.
    fn cell(&self, field: Field) -> Option<(&'a str, &'a str)> {
        self.map.fields.iter().zip(&self.raw.cells).zip(&self.map.headers).find_map(|((f, cell), header)| {
            let t = cell.trim();
            (*f == Some(field) && !t.is_empty()).then(|| (self.map.translate(field, t).trim(), header.as_str()))
        })
    }

    /// The header of the first column (in file order) that fills one of the fields.
    fn column_of(&self, fields: &[Field]) -> Option<&'a str> {
        self.map.fields.iter().zip(&self.map.headers).find(|(f, _)| f.is_some_and(|f| fields.contains(&f))).map(|(_, h)| h.as_str())
    }

    fn error(&mut self, column: &str, code: &'static str) {
        self.errors.push(CellError::new(self.raw.row, Some(column), code));
    }

    fn text(&self, field: Field) -> Option<String> {
        self.cell(field).map(|(t, _)| t.to_string())
    }

    fn money(&mut self, field: Field) -> Option<f64> {
        let (t, header) = self.cell(field)?;
        match number::parse_amount(t, self.map.decimal_comma) {
            Some(Amount { value, currency }) => {
                if self.symbol.is_none() {
                    self.symbol = currency;
                }
                Some(value)
            }
            None => {
                self.error(header, error::BAD_NUMBER);
                None
            }
        }
    }

    fn date(&mut self, field: Field) -> Option<Date> {
        let (t, header) = self.cell(field)?;
        let d = date::parse_date(t, self.map.date_order);
        if d.is_none() {
            self.error(header, error::BAD_DATE);
        }
        d
    }

    fn probability(&mut self) -> Option<f64> {
        let (t, header) = self.cell(Field::Probability)?;
        let p = number::parse_probability(t, self.map.decimal_comma, self.map.probability_fraction);
        if p.is_none() {
            self.error(header, error::BAD_PROBABILITY);
        }
        p
    }

    fn boolean(&mut self, field: Field) -> Option<bool> {
        let (t, header) = self.cell(field)?;
        match t.to_lowercase().as_str() {
            "true" | "1" | "yes" | "y" | "x" | "ja" | "oui" | "wahr" | "vrai" => Some(true),
            "false" | "0" | "no" | "n" | "nein" | "non" | "falsch" | "faux" => Some(false),
            _ => {
                self.error(header, error::BAD_BOOLEAN);
                None
            }
        }
    }

    fn currency(&mut self) -> Option<String> {
        let (t, header) = self.cell(Field::Currency)?;
        let c = number::parse_currency(t);
        if c.is_none() {
            self.error(header, error::BAD_CURRENCY);
        }
        c
    }

    /// An owner cell holds an e-mail address or a full name.
    fn owner(&self) -> (Option<String>, Option<String>) {
        match self.text(Field::Owner) {
            Some(o) if o.contains('@') => (Some(o), None),
            Some(o) => (None, Some(o)),
            None => (None, None),
        }
    }

    /// The account's id: a primary id column, else the first of a list.
    fn account_crm_id(&self) -> Option<String> {
        self.text(Field::AccountCrmId).or_else(|| {
            let list = self.text(Field::AccountCrmIdList)?;
            list.split([';', ',']).map(str::trim).find(|s| !s.is_empty()).map(str::to_string)
        })
    }

    fn growth_trend(&mut self) -> Option<GrowthTrend> {
        let (t, header) = self.cell(Field::GrowthTrend)?;
        let trend = match t.to_lowercase().as_str() {
            "wachsend" | "croissant" => Some(GrowthTrend::Growing),
            "stabil" => Some(GrowthTrend::Stable),
            "rückläufig" | "en baisse" => Some(GrowthTrend::Declining),
            other => GrowthTrend::parse(other),
        };
        if trend.is_none() {
            self.error(header, error::BAD_TREND);
        }
        trend
    }

    /// A row that names no record at all cannot be imported.
    fn require_identity(&mut self, name: &Option<String>, crm_id: &Option<String>) {
        if name.is_none() && crm_id.is_none() {
            let column = self.column_of(&[Field::Name, Field::FirstName, Field::LastName]).map(str::to_string);
            self.errors.push(CellError { row: self.raw.row, column, message: error::MISSING_NAME });
        }
    }

    /// A contact or opportunity without a company, when the file has a company column.
    fn require_account(&mut self, crm_id: &Option<String>, name: &Option<String>) {
        if crm_id.is_some() || name.is_some() {
            return;
        }
        if let Some(column) = self.column_of(&[Field::AccountCrmId, Field::AccountCrmIdList, Field::AccountName]) {
            self.errors.push(CellError::new(self.raw.row, Some(column), error::MISSING_ACCOUNT));
        }
    }

    fn account(&mut self) -> AccountRow {
        let (owner_email, owner_name) = self.owner();
        let mut row = AccountRow {
            crm_id: self.text(Field::CrmId),
            name: self.text(Field::Name),
            industry: self.text(Field::Industry),
            region: self.text(Field::Region),
            annual_revenue: self.money(Field::AnnualRevenue),
            current_revenue: self.money(Field::CurrentRevenue),
            total_spend: self.money(Field::TotalSpend),
            potential: self.money(Field::Potential),
            growth_trend: self.growth_trend(),
            parent_crm_id: self.text(Field::ParentCrmId),
            parent_name: self.text(Field::ParentName),
            owner_email,
            owner_name,
            currency: None,
        };
        row.currency = self.currency().or_else(|| self.symbol.clone());
        self.require_identity(&row.name, &row.crm_id);
        row
    }

    fn contact(&mut self) -> ContactRow {
        let (relationship_owner_email, relationship_owner_name) = self.owner();
        let name = self.text(Field::Name).or_else(|| {
            let parts: Vec<String> = [Field::FirstName, Field::LastName].into_iter().filter_map(|f| self.text(f)).collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        let row = ContactRow {
            crm_id: self.text(Field::CrmId),
            name,
            title: self.text(Field::Title),
            business_unit: self.text(Field::BusinessUnit),
            email: self.text(Field::Email),
            phone: self.text(Field::Phone),
            account_crm_id: self.account_crm_id(),
            account_name: self.text(Field::AccountName),
            reports_to_crm_id: self.text(Field::ReportsToCrmId),
            relationship_owner_email,
            relationship_owner_name,
        };
        self.require_identity(&row.name, &row.crm_id);
        self.require_account(&row.account_crm_id, &row.account_name);
        row
    }

    /// The status cell first, then the won/closed flags, then the stage.
    fn status(&mut self, stage: &Option<String>) -> Option<OppStatus> {
        if let Some((t, header)) = self.cell(Field::Status) {
            if t.eq_ignore_ascii_case("deleted") {
                self.warnings.push(CellError::new(self.raw.row, Some(header), WARN_DELETED));
                return None;
            }
            let s = OppStatus::parse(t);
            if s.is_none() {
                self.error(header, error::BAD_STATUS);
            }
            return s;
        }
        match (self.boolean(Field::IsClosed), self.boolean(Field::IsWon)) {
            (Some(true), won) => return Some(if won == Some(true) { OppStatus::Won } else { OppStatus::Lost }),
            (Some(false), _) => return Some(OppStatus::Open),
            (None, Some(true)) => return Some(OppStatus::Won),
            _ => {}
        }
        stage.as_deref().map(OppStatus::from_stage)
    }

    fn opportunity(&mut self) -> OpportunityRow {
        let (owner_email, owner_name) = self.owner();
        let stage = self.text(Field::Stage);
        let mut row = OpportunityRow {
            crm_id: self.text(Field::CrmId),
            name: self.text(Field::Name),
            account_crm_id: self.account_crm_id(),
            account_name: self.text(Field::AccountName),
            status: self.status(&stage),
            stage,
            amount: self.money(Field::Amount),
            currency: None,
            probability: self.probability(),
            close_date: self.date(Field::CloseDate),
            owner_email,
            owner_name,
            next_step: self.text(Field::NextStep),
        };
        row.currency = self.currency().or_else(|| self.symbol.clone());
        self.require_identity(&row.name, &row.crm_id);
        self.require_account(&row.account_crm_id, &row.account_name);
        row
    }
}

/// Reads one data row into its record.
pub fn build(map: &ColumnMap, raw: &RawRow) -> ParsedRow {
    let mut cells = Cells { map, raw, errors: Vec::new(), warnings: Vec::new(), symbol: None };
    if raw.too_many_fields {
        cells.errors.push(CellError::new(raw.row, None, error::TOO_MANY_FIELDS));
    }
    let record = match map.kind {
        Kind::Accounts => Record::Account(cells.account()),
        Kind::Contacts => Record::Contact(cells.contact()),
        Kind::Opportunities => Record::Opportunity(cells.opportunity()),
    };
    ParsedRow { row: raw.row, record, errors: cells.errors, warnings: cells.warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::mapping::Mapping;
    use crate::crm::preset::Preset;
    use crate::crm::sniff::Delimiter;

    fn map(headers: &[&str], preset: Preset, kind: Kind, mapping: Option<&str>) -> ColumnMap {
        let headers: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
        let m = mapping.map(|j| Mapping::from_json(j).unwrap());
        ColumnMap::new(&headers, preset, kind, m.as_ref(), Delimiter::Comma).unwrap()
    }

    fn row(cells: &[&str]) -> RawRow {
        RawRow { row: 7, cells: cells.iter().map(|s| s.to_string()).collect(), too_many_fields: false }
    }

    fn opp(p: &ParsedRow) -> &OpportunityRow {
        match &p.record {
            Record::Opportunity(o) => o,
            _ => panic!("not an opportunity"),
        }
    }

    #[test]
    fn status_from_flags_then_stage() {
        let m = map(&["Id", "Name", "AccountId", "StageName", "IsWon", "IsClosed"], Preset::Salesforce, Kind::Opportunities, None);
        let status = |won: &str, closed: &str, stage: &str| opp(&build(&m, &row(&["006x", "Deal", "001x", stage, won, closed]))).status;
        assert_eq!(status("true", "true", "Prospecting"), Some(OppStatus::Won));
        assert_eq!(status("false", "true", "Prospecting"), Some(OppStatus::Lost));
        assert_eq!(status("false", "false", "Closed Won"), Some(OppStatus::Open));
        assert_eq!(status("", "", "Closed Won"), Some(OppStatus::Won));
        assert_eq!(status("", "", "Closed Lost"), Some(OppStatus::Lost));
        assert_eq!(status("", "", "Prospecting"), Some(OppStatus::Open));
        assert_eq!(status("", "", ""), None);
        let bad = build(&m, &row(&["006x", "Deal", "001x", "", "maybe", ""]));
        assert_eq!(bad.errors, [CellError::new(7, Some("IsWon"), error::BAD_BOOLEAN)]);
    }

    #[test]
    fn mapping_values_come_first() {
        let m = map(
            &["Nr", "Titel", "Kunde", "Stand", "Wert"],
            Preset::Generic,
            Kind::Opportunities,
            Some(
                r#"{"kind": "opportunities", "columns": {"Nr": "crm_id", "Titel": "name", "Kunde": "account_name", "Stand": "status", "Wert": "amount"},
                "values": {"status": {"in Arbeit": "open", "Auftrag": "won", "Absage": "lost"}}}"#,
            ),
        );
        let p = build(&m, &row(&["1", "Retrofit", "Müller", "Auftrag", "EUR 1.000"]));
        assert_eq!((opp(&p).status, opp(&p).amount, opp(&p).currency.as_deref()), (Some(OppStatus::Won), Some(1000.0), Some("EUR")));
        let p = build(&m, &row(&["2", "Retrofit", "Müller", "vielleicht", ""]));
        assert_eq!(p.errors, [CellError::new(7, Some("Stand"), error::BAD_STATUS)]);
        assert_eq!(opp(&p).amount, None);
    }

    #[test]
    fn contact_names_owners_and_text_cells() {
        let m = map(&["First Name", "Last Name", "Title", "Account Name", "Contact Owner"], Preset::Salesforce, Kind::Contacts, None);
        let p = build(&m, &row(&[" Jürgen ", "Müller", "=1+1", "@Home AG", "jane@example.com"]));
        let Record::Contact(c) = &p.record else { panic!() };
        assert_eq!((c.name.as_deref(), c.title.as_deref()), (Some("Jürgen Müller"), Some("=1+1")));
        assert_eq!((c.relationship_owner_email.as_deref(), c.relationship_owner_name.as_deref()), (Some("jane@example.com"), None));
        assert!(p.is_valid());
        let p = build(&m, &row(&["", "", "CEO", "Acme", ""]));
        assert_eq!(p.errors, [CellError::new(7, Some("First Name"), error::MISSING_NAME)]);
    }

    #[test]
    fn a_row_with_too_many_fields_is_an_error() {
        let m = map(&["Account Name", "Industry"], Preset::Salesforce, Kind::Accounts, None);
        let mut r = row(&["Acme", "Steel"]);
        r.too_many_fields = true;
        let p = build(&m, &r);
        assert_eq!(p.errors, [CellError::new(7, None, error::TOO_MANY_FIELDS)]);
    }

    #[test]
    fn annual_revenue_never_fills_current_revenue() {
        let m = map(&["Account Name", "Annual Revenue"], Preset::Salesforce, Kind::Accounts, None);
        let Record::Account(a) = build(&m, &row(&["Acme", "$3,000"])).record else { panic!() };
        assert_eq!((a.annual_revenue, a.current_revenue, a.currency.as_deref()), (Some(3000.0), None, Some("USD")));
    }
}
