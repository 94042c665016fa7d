//! Reads every CRM export fixture (written in the shape of each CRM's real
//! exports) and checks what was detected and what the rows say.

use keyplan_domain::account::GrowthTrend;
use keyplan_domain::crm::{
    self, AccountRow, CellError, ContactRow, CrmFile, CrmId, ImportOptions, Kind, Mapping, OppStatus, OpportunityRow, ParsedRow, Preset,
    Record,
};
use time::macros::date;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crm").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Read {
    file_info: (String, String, Preset, Kind),
    ignored_columns: Vec<String>,
    rows: Vec<ParsedRow>,
    ignored_lines: u64,
}

fn read(name: &str, options: ImportOptions) -> Read {
    let mut file: CrmFile = crm::open(&fixture(name), &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let file_info = (file.encoding.as_str().to_string(), file.delimiter.as_str().to_string(), file.preset(), file.kind());
    let ignored_columns = file.ignored_columns().to_vec();
    let rows: Vec<ParsedRow> = file.by_ref().collect();
    Read { file_info, ignored_columns, rows, ignored_lines: file.ignored_lines() }
}

fn auto(name: &str) -> Read {
    read(name, ImportOptions::default())
}

fn info(r: &Read) -> (&str, &str, Preset, Kind) {
    (r.file_info.0.as_str(), r.file_info.1.as_str(), r.file_info.2, r.file_info.3)
}

fn account(r: &ParsedRow) -> &AccountRow {
    match &r.record {
        Record::Account(a) => a,
        other => panic!("not an account: {other:?}"),
    }
}

fn contact(r: &ParsedRow) -> &ContactRow {
    match &r.record {
        Record::Contact(c) => c,
        other => panic!("not a contact: {other:?}"),
    }
}

fn opportunity(r: &ParsedRow) -> &OpportunityRow {
    match &r.record {
        Record::Opportunity(o) => o,
        other => panic!("not an opportunity: {other:?}"),
    }
}

fn errors(r: &Read) -> Vec<(u64, Option<&str>, &str)> {
    r.rows.iter().flat_map(|p| p.errors.iter()).map(|e: &CellError| (e.row, e.column.as_deref(), e.message)).collect()
}

fn s(v: &Option<String>) -> Option<&str> {
    v.as_deref()
}

#[test]
fn salesforce_accounts_from_the_data_loader() {
    let r = auto("salesforce_accounts_dataloader.csv");
    assert_eq!(info(&r), ("utf-8", ",", Preset::Salesforce, Kind::Accounts));
    assert_eq!((r.rows.len(), r.ignored_lines), (4, 0));
    assert_eq!(r.ignored_columns, ["OwnerId"]);
    let a = account(&r.rows[0]);
    assert_eq!(s(&a.crm_id), Some("001Dn00000Kq7aBIAR"));
    assert_eq!(s(&a.name), Some("Müller Maschinenbau GmbH"));
    assert_eq!(a.annual_revenue, Some(4_250_000.5));
    assert_eq!(a.current_revenue, None);
    assert_eq!((s(&a.region), s(&a.currency), s(&a.owner_email)), (Some("Bayern"), Some("EUR"), Some("jane.doe@example.com")));
    let child = account(&r.rows[1]);
    assert_eq!(s(&child.parent_crm_id), Some("001Dn00000Kq7aBIAR"));
    assert_eq!((child.annual_revenue, s(&child.region)), (None, Some("Germany")));
    // Cells that look like formulas stay text, unchanged.
    assert_eq!(s(&account(&r.rows[2]).name), Some("@Home Wohnbau AG"));
    assert_eq!(s(&account(&r.rows[3]).name), Some("+Plus Logistik – Nord"));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
}

#[test]
fn salesforce_contacts_report_with_footer() {
    let r = auto("salesforce_contacts_report.csv");
    assert_eq!(info(&r), ("utf-8", ",", Preset::Salesforce, Kind::Contacts));
    // Four footer lines and the blank line before them.
    assert_eq!((r.rows.len(), r.ignored_lines), (4, 5));
    assert_eq!(r.ignored_columns, ["Reports To"]);
    let c = contact(&r.rows[0]);
    assert_eq!((s(&c.name), s(&c.title), s(&c.business_unit)), (Some("Jürgen Müller"), Some("Head of Procurement"), Some("Einkauf")));
    assert_eq!(s(&c.relationship_owner_name), Some("Jane Doe"));
    // The report's 15-character account id is the Data Loader's 18-character one.
    let id15 = CrmId::new(c.account_crm_id.as_deref().unwrap()).unwrap();
    assert_eq!(id15, CrmId::new("001Dn00000Kq7aBIAR").unwrap());
    let anna = contact(&r.rows[1]);
    assert_eq!((s(&anna.title), s(&anna.phone)), (Some("Buyer\nStrategic Sourcing"), Some("-")));
    assert_eq!(s(&contact(&r.rows[2]).business_unit), Some("=Finance"));
    assert_eq!(s(&contact(&r.rows[3]).name), Some("Schulz"));
    assert_eq!(errors(&r), [(4, Some("Account Name"), "crm-error-missing-account")]);
}

#[test]
fn salesforce_opportunities_report() {
    let r = auto("salesforce_opportunities_report.csv");
    assert_eq!(info(&r), ("utf-8", ",", Preset::Salesforce, Kind::Opportunities));
    // The totals row, the footer's four lines and two blank lines.
    assert_eq!((r.rows.len(), r.ignored_lines), (3, 7));
    let o = opportunity(&r.rows[0]);
    assert_eq!((o.amount, s(&o.currency), o.probability), (Some(1_250_000.0), Some("EUR"), Some(75.0)));
    assert_eq!((o.close_date, o.status), (Some(date!(2026 - 12 - 31)), Some(OppStatus::Open)));
    assert_eq!((s(&o.stage), s(&o.next_step)), (Some("Negotiation/Review"), Some("-send revised quote")));
    let won = opportunity(&r.rows[1]);
    assert_eq!((won.status, won.close_date), (Some(OppStatus::Won), Some(date!(2026 - 06 - 30))));
    let lost = opportunity(&r.rows[2]);
    assert_eq!((lost.status, lost.amount, s(&lost.currency)), (Some(OppStatus::Lost), Some(480_000.0), Some("USD")));
    assert_eq!(s(&lost.next_step), Some("=HYPERLINK(\"http://x\")"));
    assert_eq!(s(&lost.name), Some("Warehouse automation – phase 2"));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
}

#[test]
fn hubspot_contacts_in_german() {
    let r = auto("hubspot_contacts_de.csv");
    assert_eq!(info(&r), ("utf-8", ";", Preset::Hubspot, Kind::Contacts));
    assert_eq!((r.rows.len(), r.ignored_lines), (3, 0));
    assert_eq!(r.ignored_columns, ["Lebenszyklusphase"]);
    let c = contact(&r.rows[0]);
    assert_eq!((s(&c.crm_id), s(&c.name), s(&c.title)), (Some("51001"), Some("Jürgen Müller"), Some("Leiter Einkauf")));
    // With several associated companies and no primary column, the first wins.
    assert_eq!((s(&c.account_crm_id), s(&c.account_name)), (Some("18004511"), Some("Müller Maschinenbau GmbH")));
    assert_eq!(s(&c.relationship_owner_email), Some("jane.doe@example.com"));
    let sabine = contact(&r.rows[1]);
    assert_eq!((s(&sabine.name), s(&sabine.relationship_owner_name)), (Some("Sabine Groß"), Some("Max Weber")));
    assert_eq!(s(&contact(&r.rows[2]).name), Some("Tom"));
    assert_eq!(errors(&r), [(3, Some("Zugeordnetes Unternehmen"), "crm-error-missing-account")]);
}

#[test]
fn hubspot_companies_in_french() {
    let r = auto("hubspot_companies_fr.csv");
    assert_eq!(info(&r), ("utf-8", ",", Preset::Hubspot, Kind::Accounts));
    assert_eq!(r.rows.len(), 3);
    let a = account(&r.rows[0]);
    assert_eq!((s(&a.name), s(&a.industry)), (Some("Société Générale d'Équipement"), Some("Industrie")));
    assert_eq!((a.annual_revenue, a.current_revenue, s(&a.region)), (Some(4_250_000.5), None, Some("France")));
    assert_eq!(s(&a.owner_name), Some("Jane Doe"));
    assert_eq!(account(&r.rows[1]).annual_revenue, Some(980_000.0));
    assert_eq!(s(&account(&r.rows[2]).owner_email), Some("max.weber@example.com"));
    assert_eq!(r.ignored_columns, ["Date de création"]);
}

#[test]
fn hubspot_deals_in_english() {
    let r = auto("hubspot_deals_en.csv");
    assert_eq!(info(&r), ("utf-8", ",", Preset::Hubspot, Kind::Opportunities));
    assert_eq!(r.rows.len(), 4);
    let o = opportunity(&r.rows[0]);
    // The primary company wins over the first of the list; probability 0.25 is 25 %.
    assert_eq!((s(&o.account_crm_id), o.probability, o.amount), (Some("18004522"), Some(25.0), Some(125_000.5)));
    assert_eq!(
        (o.close_date, o.status, s(&o.owner_email)),
        (Some(date!(2026 - 12 - 31)), Some(OppStatus::Open), Some("jane.doe@example.com"))
    );
    let won = opportunity(&r.rows[1]);
    assert_eq!((won.status, won.probability, won.close_date), (Some(OppStatus::Won), Some(100.0), Some(date!(2026 - 12 - 15))));
    let lost = opportunity(&r.rows[2]);
    assert_eq!((lost.status, lost.amount, s(&lost.currency)), (Some(OppStatus::Lost), Some(9500.0), Some("USD")));
    assert_eq!(
        errors(&r),
        [
            (3, Some("Associated Company IDs"), "crm-error-missing-account"),
            (4, Some("Amount"), "crm-error-bad-number"),
            (4, Some("Close Date"), "crm-error-bad-date")
        ]
    );
    assert_eq!(r.ignored_columns, ["Pipeline"]);
}

#[test]
fn dynamics_accounts_from_a_german_excel() {
    let r = auto("dynamics_accounts.csv");
    assert_eq!(info(&r), ("windows-1252", ";", Preset::Dynamics, Kind::Accounts));
    assert_eq!(r.rows.len(), 3);
    // The row checksum and modified-on columns are dropped without a word.
    assert_eq!(r.ignored_columns, ["Main Phone", "Address 1: City", "Primary Contact"]);
    let a = account(&r.rows[0]);
    assert_eq!((s(&a.crm_id), s(&a.name)), (Some("8f2c1a3b-4d5e-6f70-8192-a3b4c5d6e7f8"), Some("Müller Maschinenbau GmbH")));
    assert_eq!((a.annual_revenue, s(&a.currency), s(&a.owner_name)), (Some(4_250_000.5), Some("EUR"), Some("Jane Doe")));
    let child = account(&r.rows[1]);
    assert_eq!((s(&child.name), s(&child.parent_name)), (Some("Müller Service – Süd"), Some("Müller Maschinenbau GmbH")));
    assert_eq!(child.annual_revenue, Some(980_000.0));
    assert_eq!(s(&account(&r.rows[2]).name), Some("Nord – Süd Logistik AG"));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
}

#[test]
fn dynamics_contacts_as_unicode_text() {
    let r = auto("dynamics_contacts_utf16le.txt");
    assert_eq!(info(&r), ("utf-16le", "\t", Preset::Dynamics, Kind::Contacts));
    assert_eq!(r.rows.len(), 3);
    assert_eq!(r.ignored_columns, ["Email (Account)"]);
    let c = contact(&r.rows[0]);
    assert_eq!((s(&c.name), s(&c.account_name)), (Some("Jürgen Müller"), Some("Müller Maschinenbau GmbH")));
    assert_eq!((s(&c.title), s(&c.phone)), (Some("Leiter Einkauf – Werk Nord"), Some("+49 89 5550100")));
    let id = CrmId::new(c.crm_id.as_deref().unwrap()).unwrap();
    assert_eq!(id, CrmId::new("a1b2c3d4-e5f6-4711-8899-aabbccddeeff").unwrap());
    let petra = contact(&r.rows[1]);
    assert_eq!(
        (s(&petra.name), s(&petra.title), s(&petra.relationship_owner_email)),
        (Some("Petra Straßer"), Some("@Einkauf"), Some("jane.doe@example.com"))
    );
    assert_eq!(errors(&r), [(3, Some("Company Name"), "crm-error-missing-account")]);
}

#[test]
fn pipedrive_deals() {
    let r = auto("pipedrive_deals.csv");
    assert_eq!(info(&r), ("utf-8", ",", Preset::Pipedrive, Kind::Opportunities));
    assert_eq!(r.rows.len(), 4);
    let o = opportunity(&r.rows[0]);
    assert_eq!((s(&o.crm_id), s(&o.account_crm_id), s(&o.account_name)), (Some("101"), Some("7"), Some("Müller Maschinenbau GmbH")));
    assert_eq!(
        (o.amount, o.probability, o.status, o.close_date),
        (Some(125_000.0), Some(60.0), Some(OppStatus::Open), Some(date!(2026 - 12 - 31)))
    );
    assert_eq!(opportunity(&r.rows[1]).status, Some(OppStatus::Won));
    assert_eq!(opportunity(&r.rows[1]).amount, Some(3000.5));
    assert_eq!(opportunity(&r.rows[2]).status, Some(OppStatus::Lost));
    let deleted = &r.rows[3];
    assert_eq!(opportunity(deleted).status, None);
    assert!(deleted.is_valid());
    assert_eq!(deleted.warnings.iter().map(|w| (w.row, w.message)).collect::<Vec<_>>(), [(4, "crm-warning-deal-deleted")]);
    assert_eq!(r.ignored_columns, ["Person - Name"]);
}

#[test]
fn pipedrive_people_import_sheet() {
    let r = auto("pipedrive_people_import.csv");
    assert_eq!(info(&r), ("utf-8", ",", Preset::Pipedrive, Kind::Contacts));
    // The instruction row under the header is not a person.
    assert_eq!((r.rows.len(), r.ignored_lines), (3, 1));
    assert_eq!(r.rows[0].row, 1);
    let c = contact(&r.rows[0]);
    assert_eq!(
        (s(&c.name), s(&c.account_name), s(&c.title)),
        (Some("Jürgen Müller"), Some("Müller Maschinenbau GmbH"), Some("Leiter Einkauf"))
    );
    assert_eq!(s(&contact(&r.rows[1]).title), Some("=Buyer"));
    assert_eq!(errors(&r), [(3, Some("Person - Organization"), "crm-error-missing-account")]);
}

#[test]
fn generic_erp_list_with_its_mapping() {
    let mapping = Mapping::from_json(std::str::from_utf8(&fixture("generic_erp_mapping.json")).unwrap()).unwrap();
    let r = read("generic_erp_customers.csv", ImportOptions { mapping: Some(mapping), ..Default::default() });
    assert_eq!(info(&r), ("utf-8", ";", Preset::Generic, Kind::Accounts));
    assert_eq!(r.rows.len(), 4);
    assert_eq!(r.ignored_columns, ["Letzte Bestellung"]);
    let a = account(&r.rows[0]);
    assert_eq!((s(&a.crm_id), a.current_revenue, a.potential), (Some("K-10001"), Some(1_234_567.89), Some(2_000_000.0)));
    assert_eq!((a.annual_revenue, a.growth_trend), (None, Some(GrowthTrend::Growing)));
    let b = account(&r.rows[1]);
    assert_eq!((b.current_revenue, s(&b.parent_crm_id), b.growth_trend), (Some(98_500.5), Some("K-10001"), Some(GrowthTrend::Stable)));
    assert_eq!(s(&b.name), Some("Müller Service – Süd"));
    let c = account(&r.rows[2]);
    assert_eq!((c.current_revenue, c.growth_trend), (Some(12.5), Some(GrowthTrend::Declining)));
    assert_eq!(errors(&r), [(4, Some("Umsatz 2026"), "crm-error-bad-number"), (4, Some("Trend"), "crm-error-bad-trend")]);
}

#[test]
fn generic_preset_needs_a_mapping_and_unknown_headers_need_one_too() {
    let bytes = fixture("generic_erp_customers.csv");
    let no_mapping = crm::open(&bytes, &ImportOptions::default()).err();
    assert_eq!(no_mapping, Some(crm::CrmError::KindUnknown));
    let generic = crm::open(&bytes, &ImportOptions { preset: Some(Preset::Generic), ..Default::default() }).err();
    assert_eq!(generic, Some(crm::CrmError::MappingRequired));
}

#[test]
fn preview_for_the_mapping_page() {
    let p = crm::preview(&fixture("dynamics_accounts.csv"), &ImportOptions::default(), 2).unwrap();
    assert_eq!((p.encoding.as_str(), p.delimiter.as_str(), p.preset, p.kind), ("windows-1252", ";", Preset::Dynamics, Kind::Accounts));
    assert_eq!(p.headers.len(), 11);
    assert_eq!(p.fields[0], Some("crm_id"));
    assert_eq!(p.fields[1], None);
    assert_eq!(p.fields[3], Some("name"));
    assert_eq!(p.fields[8], Some("annual_revenue"));
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[1][3], "Müller Service – Süd");
}

/// Every code this module produces has a text in English and German (the
/// translation crate checks that each message formats).
#[test]
fn every_code_has_a_text_in_both_languages() {
    let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../keyplan-i18n/locales");
    for lang in ["en-US", "de"] {
        let text = std::fs::read_to_string(locales.join(lang).join("crm.ftl")).unwrap();
        let ids: Vec<&str> = text.lines().filter_map(|l| l.split_once(" = ").map(|(id, _)| id)).collect();
        for code in crm::error::ALL_CODES {
            assert!(ids.contains(&code), "{code} has no text in {lang}");
        }
        assert_eq!(ids.len(), crm::error::ALL_CODES.len(), "{lang}: texts for codes nobody uses");
    }
    let err = crm::CrmError::MappingUnknownFields(vec!["revenue".into(), "stage".into()]).message();
    assert_eq!(err.code, "crm-error-mapping-unknown-fields");
    assert_eq!(err.args.get("detail"), Some(&keyplan_domain::MsgArg::Text("revenue, stage".into())));
}
