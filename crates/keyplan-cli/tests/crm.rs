//! `keyplan crm import` over the CRM fixtures: exit statuses, the JSON
//! report, idempotent re-imports and a changed re-export.

#[allow(dead_code)]
mod common;

use std::path::PathBuf;

use common::keyplan;

use serde_json::Value;

/// A database file and a scratch directory, removed afterwards.
struct Temp(PathBuf);

impl Temp {
    fn new() -> Temp {
        let dir = std::env::temp_dir().join(format!("kp-crm-{:016x}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        Temp(dir)
    }
    fn url(&self) -> String {
        format!("sqlite://{}", self.0.join("kp.db").display())
    }
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write file");
        p.display().to_string()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> String {
    format!("{}/../keyplan-domain/tests/fixtures/crm/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A database with a manager (Jane Doe), a KAM (Max Weber) and a viewer.
fn world() -> Temp {
    let t = Temp::new();
    let url = t.url();
    for (email, name, role) in [
        ("jane.doe@example.com", "Jane Doe", "manager"),
        ("max.weber@example.com", "Max Weber", "kam"),
        ("vic@example.com", "Vic View", "viewer"),
    ] {
        let o = keyplan(
            &["user", "add", "--email", email, "--name", name, "--role", role, "--org", "Acme", "--db", &url],
            "a-long-password-1\n",
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    t
}

/// Runs an import with `--json`; answers the exit status and the report.
fn import(t: &Temp, file: &str, extra: &[&str]) -> (i32, Value) {
    let url = t.url();
    let mut args = vec!["crm", "import", file, "--db", &url, "--json"];
    if !extra.contains(&"--as") {
        args.extend(["--as", "jane.doe@example.com"]);
    }
    args.extend(extra);
    let o = keyplan(&args, "");
    let code = o.status.code().expect("exit status");
    let report = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    (code, report)
}

fn figures(r: &Value) -> [u64; 4] {
    ["created", "updated", "unchanged", "skipped"].map(|k| r[k].as_u64().unwrap_or(u64::MAX))
}

#[test]
fn accounts_import_once_and_re_import_changes_only_what_changed() {
    let t = world();
    let file = fixture("salesforce_accounts_dataloader.csv");
    let (code, r) = import(&t, &file, &[]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(
        (r["kind"].as_str(), r["preset"].as_str(), r["encoding"].as_str(), r["delimiter"].as_str()),
        (Some("accounts"), Some("salesforce"), Some("utf-8"), Some(","))
    );
    assert_eq!((r["rows"].as_u64(), figures(&r)), (Some(4), [4, 0, 0, 0]));
    assert_eq!(r["dry_run"], Value::Bool(false));
    assert!(r["errors"].as_array().is_some_and(|e| e.is_empty()), "{r}");

    // The same file again: nothing to do.
    let (code, r) = import(&t, &file, &[]);
    assert_eq!((code, figures(&r)), (0, [0, 0, 4, 0]), "{r}");

    // A re-export with one changed industry and 15-character ids updates exactly that account.
    let text = std::fs::read_to_string(&file).unwrap();
    let changed = text.replace(
        "\"001Dn00000Kq7cDIAR\",\"@Home Wohnbau AG\",\"\",\"Construction\"",
        "\"001Dn00000Kq7cD\",\"@Home Wohnbau AG\",\"\",\"Real estate\"",
    );
    assert_ne!(changed, text);
    let changed_file = t.file("next-month.txt", changed.as_bytes());
    let (code, r) = import(&t, &changed_file, &["--dry-run"]);
    assert_eq!((code, figures(&r), r["dry_run"].as_bool()), (0, [0, 1, 3, 0], Some(true)), "{r}");
    let (code, r) = import(&t, &changed_file, &[]);
    assert_eq!((code, figures(&r)), (0, [0, 1, 3, 0]), "{r}");
    let (_, r) = import(&t, &changed_file, &[]);
    assert_eq!(figures(&r), [0, 0, 4, 0], "{r}");
}

#[test]
fn invalid_rows_store_nothing_unless_skipped() {
    let t = world();
    assert_eq!(import(&t, &fixture("salesforce_accounts_dataloader.csv"), &[]).0, 0);
    let contacts = fixture("salesforce_contacts_report.csv");
    // Row 4 names no company: the whole file is refused, with what the valid rows would have done.
    let (code, r) = import(&t, &contacts, &[]);
    assert_eq!((code, figures(&r)), (1, [3, 0, 0, 1]), "{r}");
    assert_eq!(r["errors"][0]["row"].as_u64(), Some(4), "{r}");
    let (code, r) = import(&t, &contacts, &["--dry-run", "--skip-invalid"]);
    assert_eq!((code, figures(&r)), (0, [3, 0, 0, 1]), "{r}");
    // Still nothing stored: the valid rows are new again.
    let (code, r) = import(&t, &contacts, &["--skip-invalid"]);
    assert_eq!((code, figures(&r)), (0, [3, 0, 0, 1]), "{r}");
    let (code, r) = import(&t, &contacts, &["--skip-invalid"]);
    assert_eq!((code, figures(&r)), (0, [0, 0, 3, 1]), "{r}");
}

#[test]
fn contacts_need_their_accounts() {
    let t = world();
    // No accounts yet: every contact's account reference is a row error naming the column.
    let (code, r) = import(&t, &fixture("salesforce_contacts_report.csv"), &[]);
    assert_eq!((code, figures(&r)), (1, [0, 0, 0, 4]), "{r}");
    assert_eq!(r["errors"][0]["column"].as_str(), Some("Account ID"), "{r}");
}

#[test]
fn usage_errors_exit_2() {
    let t = world();
    let file = fixture("salesforce_accounts_dataloader.csv");
    let url = t.url();
    for args in [
        vec!["crm", "import", "/nonexistent/file.csv", "--as", "jane.doe@example.com", "--db", &url],
        vec!["crm", "import", &file, "--as", "jane.doe@example.com", "--preset", "sap", "--db", &url],
        vec!["crm", "import", &file, "--as", "jane.doe@example.com", "--kind", "deals", "--db", &url],
        vec!["crm", "import", &file, "--as", "jane.doe@example.com", "--preset", "generic", "--db", &url],
        vec!["crm", "import", &file, "--as", "nobody@example.com", "--db", &url],
        vec!["crm", "import", &file, "--as", "vic@example.com", "--db", &url],
    ] {
        let o = keyplan(&args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(!o.stderr.is_empty(), "{args:?} says why");
    }
}

#[test]
fn unreadable_files_exit_1() {
    let t = world();
    let empty = t.file("empty.csv", b"");
    let (code, r) = import(&t, &empty, &[]);
    assert_eq!(code, 1, "{r}");
    assert_eq!(r["errors"].as_array().map(Vec::len), Some(1), "{r}");
    let binary = t.file("binary.csv", &[0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0, 7]);
    assert_eq!(import(&t, &binary, &[]).0, 1);
    let header_only = t.file("header.csv", b"\"Id\",\"Name\",\"ParentId\",\"Industry\",\"AnnualRevenue\"\r\n");
    let (code, r) = import(&t, &header_only, &[]);
    assert_eq!((code, r["rows"].as_u64()), (0, Some(0)), "{r}");
}

#[test]
fn generic_mapping_and_readable_summary() {
    let t = world();
    let url = t.url();
    let file = fixture("generic_erp_customers.csv");
    let mapping = fixture("generic_erp_mapping.json");
    // Row 4 has a revenue of "viel": refused, exit 1, and the summary names the row.
    let o = keyplan(&["crm", "import", &file, "--as", "jane.doe@example.com", "--mapping", &mapping, "--db", &url], "");
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("row 4") && out.contains("nothing was stored"), "{out}");
    let (code, r) = import(&t, &file, &["--mapping", &mapping, "--skip-invalid", "--preset", "generic"]);
    assert_eq!((code, r["preset"].as_str(), figures(&r)), (0, Some("generic"), [3, 0, 0, 1]), "{r}");
}

#[test]
fn kams_import_only_into_their_own_accounts() {
    let t = world();
    let file = fixture("hubspot_companies_fr.csv");
    let (code, r) = import(&t, &file, &["--as", "max.weber@example.com"]);
    assert_eq!((code, figures(&r)), (0, [3, 0, 0, 0]), "{r}");
    // A manager's import sets the owner the file names (Jane Doe on the first company) ...
    let (code, r) = import(&t, &file, &[]);
    assert_eq!((code, figures(&r)), (0, [0, 1, 2, 0]), "{r}");
    // ... and that account is no longer the KAM's to import into: refused, nothing stored.
    let (code, r) = import(&t, &file, &["--as", "max.weber@example.com"]);
    assert_eq!((code, figures(&r)), (1, [0, 0, 2, 1]), "{r}");
    assert_eq!(r["errors"][0]["row"].as_u64(), Some(1), "{r}");
}

#[test]
fn hubspot_deals_after_their_companies() {
    let t = world();
    let (code, r) = import(&t, &fixture("hubspot_companies_fr.csv"), &[]);
    assert_eq!((code, r["created"].as_u64()), (0, Some(3)), "{r}");
    let deals = fixture("hubspot_deals_en.csv");
    // Rows 3 and 4 are invalid (no company; a bad amount and date): nothing is stored, exit 1.
    let (code, r) = import(&t, &deals, &["--kind", "opportunities"]);
    assert_eq!(
        (code, r["kind"].as_str(), r["created"].as_u64(), r["skipped"].as_u64()),
        (1, Some("opportunities"), Some(2), Some(2)),
        "{r}"
    );
    let (code, r) = import(&t, &deals, &["--skip-invalid", "--dry-run"]);
    assert_eq!((code, r["created"].as_u64(), r["dry_run"].as_bool()), (0, Some(2), Some(true)), "{r}");
    let (code, r) = import(&t, &deals, &["--skip-invalid"]);
    assert_eq!((code, r["created"].as_u64(), r["updated"].as_u64()), (0, Some(2), Some(0)), "{r}");
    let (code, r) = import(&t, &deals, &["--skip-invalid"]);
    assert_eq!((code, r["created"].as_u64(), r["unchanged"].as_u64()), (0, Some(0), Some(2)), "{r}");
    // Without --json: a readable summary.
    let url = t.url();
    let o = keyplan(&["crm", "import", &deals, "--as", "jane.doe@example.com", "--skip-invalid", "--db", &url], "");
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.starts_with("opportunities (hubspot, utf-8, delimiter ,): 4 rows"), "{out}");
    assert!(out.contains("created 0, updated 0, unchanged 2, skipped 2") && out.contains("imported"), "{out}");
}
