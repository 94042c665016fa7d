//! CRM import edge cases: files that are not data, a header alone, the
//! caller's choices, and a large file read one row at a time.

use keyplan_domain::crm::{self, CrmError, ImportOptions, Kind, Preset, Record};

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn files_that_are_not_data() {
    let open = |b: &[u8]| crm::open(b, &ImportOptions::default()).err();
    assert_eq!(open(b""), Some(CrmError::Empty));
    assert_eq!(open(b"\xEF\xBB\xBF\r\n"), Some(CrmError::Empty));
    assert_eq!(open(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Some(CrmError::Binary));
    assert_eq!(open(&[0xFE, 0xFF, 0x00]), Some(CrmError::Undecodable));
}

#[test]
fn a_header_alone_has_no_rows() {
    let mut file = crm::open(b"Id,Name,AccountId,StageName,CloseDate\r\n", &ImportOptions::default()).unwrap();
    assert_eq!((file.preset(), file.kind()), (Preset::Salesforce, Kind::Opportunities));
    assert_eq!(file.next(), None);
    assert_eq!(file.ignored_lines(), 0);
}

#[test]
fn the_callers_preset_and_kind_win() {
    let bytes = b"Account Name,Industry\nAcme,Steel\n";
    let opts = ImportOptions { preset: Some(Preset::Dynamics), kind: Some(Kind::Accounts), mapping: None };
    let mut file = crm::open(bytes, &opts).unwrap();
    assert_eq!((file.preset(), file.kind()), (Preset::Dynamics, Kind::Accounts));
    let Some(Record::Account(a)) = file.next().map(|r| r.record) else { panic!() };
    assert_eq!((a.name.as_deref(), a.industry.as_deref()), (Some("Acme"), Some("Steel")));
    // A preset without a kind: the kind that preset knows best.
    let opts = ImportOptions { preset: Some(Preset::Dynamics), ..Default::default() };
    assert_eq!(crm::open(bytes, &opts).unwrap().kind(), Kind::Accounts);
}

#[test]
fn delimiters_and_line_ends_of_each_kind() {
    for (sep, end) in [(",", "\n"), (";", "\r\n"), ("\t", "\r\n"), ("|", "\n")] {
        let text = ["Person - Name", "Person - Email", "Person - Organization"].join(sep)
            + end
            + &["\"Müller, Jürgen\"", "j@example.com", "\"Straße | Co; KG\""].join(sep)
            + end;
        let mut file = crm::open(text.as_bytes(), &ImportOptions::default()).unwrap();
        assert_eq!(file.delimiter.as_str(), sep);
        let Some(Record::Contact(c)) = file.next().map(|r| r.record) else { panic!() };
        assert_eq!((c.name.as_deref(), c.account_name.as_deref()), (Some("Müller, Jürgen"), Some("Straße | Co; KG")));
    }
}

/// 100,000 rows go through one at a time; nothing in the API collects them.
#[test]
fn a_large_file_streams() {
    let mut text = String::from("First Name\tLast Name\tEmail\tAccount ID\tContact ID\r\n");
    for i in 0..100_000 {
        text.push_str(&format!("Jürgen{i}\tMüller\tj{i}@example.com\t001Dn00000Kq7aB\t003Dn{i:010}\r\n"));
    }
    let mut file = crm::open(&utf16le(&text), &ImportOptions::default()).unwrap();
    assert_eq!((file.encoding.as_str(), file.kind()), ("utf-16le", Kind::Contacts));
    let (mut rows, mut last, mut invalid) = (0u64, 0u64, 0u64);
    for r in file.by_ref() {
        rows += 1;
        last = r.row;
        invalid += u64::from(!r.is_valid());
    }
    assert_eq!((rows, last, invalid, file.ignored_lines()), (100_000, 100_000, 0, 0));
}

#[test]
fn a_mapping_beats_a_chance_likeness_to_a_crm() {
    // "Name" and "Industry" are also Salesforce and HubSpot account headers.
    let bytes = "Name;Industry;Umsatz;Kdnr\nMüller AG;Maschinenbau;1.234,50;K-1\n".as_bytes();
    assert_eq!(crm::open(bytes, &ImportOptions::default()).unwrap().preset(), Preset::Salesforce);
    let mapping = crm::Mapping::from_json(
        r#"{"kind": "accounts", "columns": {"Name": "name", "Industry": "industry", "Umsatz": "current_revenue", "Kdnr": "crm_id"}}"#,
    )
    .unwrap();
    let mut file = crm::open(bytes, &ImportOptions { mapping: Some(mapping.clone()), ..Default::default() }).unwrap();
    assert_eq!(file.preset(), Preset::Generic);
    let Some(Record::Account(a)) = file.next().map(|r| r.record) else { panic!() };
    assert_eq!((a.current_revenue, a.crm_id.as_deref()), (Some(1234.5), Some("K-1")));
    // Stated with a preset, the mapping extends it.
    let opts = ImportOptions { preset: Some(Preset::Hubspot), mapping: Some(mapping), ..Default::default() };
    assert_eq!(crm::open(bytes, &opts).unwrap().preset(), Preset::Hubspot);
}

#[test]
fn excels_sep_line_names_the_delimiter() {
    let mut file =
        crm::open(b"sep=;\r\nOrganization - Name;Organization - Industry\r\nAcme, Inc.;Steel\r\n", &ImportOptions::default()).unwrap();
    assert_eq!((file.delimiter.as_str(), file.preset(), file.kind()), (";", Preset::Pipedrive, Kind::Accounts));
    let Some(Record::Account(a)) = file.next().map(|r| r.record) else { panic!() };
    assert_eq!(a.name.as_deref(), Some("Acme, Inc."));
}
