//! The `keyplan` binary as an administrator meets it.

#[allow(dead_code)]
mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use common::{BIN, TempDb, keyplan};
use std::time::{Duration, Instant};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// Errors are one line on standard error and a non-zero exit status.
fn assert_one_line_error(o: &Output, contains: &str) {
    assert!(!o.status.success(), "expected failure, got success: {}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr, got: {err:?}");
    assert!(err.contains(contains), "stderr {err:?} should mention {contains:?}");
}

#[test]
fn bad_flags_are_one_clear_line() {
    let o = keyplan(&["serve", "--no-such-flag"], "");
    assert_one_line_error(&o, "--no-such-flag");
    assert_eq!(o.status.code(), Some(2));
    let o = keyplan(&["user", "add", "--email", "a@b.example", "--name", "A", "--role", "boss"], "");
    assert_one_line_error(&o, "boss");
    let o = keyplan(&["export", "plan", "1", "--format", "docx"], "");
    assert_one_line_error(&o, "docx");
}

#[test]
fn unreachable_database_is_one_line() {
    let o = keyplan(&["migrate", "--db", "postgres://nobody@127.0.0.1:1/none"], "");
    assert_one_line_error(&o, "PostgreSQL");
    let o = keyplan(&["migrate", "--db", "mysql://x"], "");
    assert_one_line_error(&o, "unsupported database URL");
}

#[test]
fn users_tokens_and_exports() {
    let db = TempDb::new("kp-cli");
    let url = db.url();
    let o = keyplan(&["migrate", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));

    // The password comes from standard input when it is not a terminal.
    let o = keyplan(
        &["user", "add", "--email", "Anna@Example.com", "--name", "Anna Admin", "--role", "admin", "--org", "Acme", "--db", &url],
        "s3cret-passw0rd\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("anna@example.com"), "{}", stdout(&o));
    let o =
        keyplan(&["user", "add", "--email", "anna@example.com", "--name", "Again", "--role", "kam", "--db", &url], "another-password\n");
    assert_one_line_error(&o, "email");
    let o = keyplan(&["user", "add", "--email", "bo@example.com", "--name", "Bo", "--role", "kam", "--db", &url], "short\n");
    assert_one_line_error(&o, "password");
    // Without --org the user joins the default (first) organisation.
    let o = keyplan(&["user", "add", "--email", "kim@example.com", "--name", "Kim Kam", "--role", "kam", "--db", &url], "kim-password-1\n");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("in Acme"), "{}", stdout(&o));

    let o = keyplan(&["token", "create", "--email", "kim@example.com", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let token = out.trim_end().lines().last().expect("token line").to_string();
    assert!(token.starts_with("kp_") && token.len() > 40, "{token}");
    let o = keyplan(&["token", "create", "--email", "nobody@example.com", "--db", &url], "");
    assert_one_line_error(&o, "nobody@example.com");

    // The token works against the running server, and the stored hash is not the token.
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = keyplan_store::Store::connect(&url).await.expect("open");
        let user = store.token_user(&keyplan_app::auth::token_hash(&token)).await.expect("lookup").expect("token is valid");
        assert_eq!(user.user.email, "kim@example.com");
        assert!(store.token_user(&token).await.expect("lookup").is_none(), "the raw token is not what is stored");
        keyplan_app::demo::load(&store, time::OffsetDateTime::now_utc().date()).await.expect("demo data");
        store.close().await;
    });

    let o = keyplan(&["export", "plan", "1", "--format", "md", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("# Brightwater Foods"), "{md}");
    assert!(md.contains("**Commitment:**") && md.contains("Awaiting acceptance"), "{md}");

    let o = keyplan(&["export", "plan", "1", "--format", "json", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!((v["format"].as_str(), v["version"].as_i64()), (Some("keyplan-plan"), Some(1)));
    assert_eq!(v["goals"][0]["kind"], "goal");
    assert!(v["goals"][0]["children"].as_array().is_some_and(|c| !c.is_empty()));

    // The document goes back in as a new plan of the account, and comes out the same.
    let doc = std::env::temp_dir().join(format!("kp-cli-{:016x}.json", rand::random::<u64>()));
    std::fs::write(&doc, &o.stdout).expect("write the document");
    let o = keyplan(&["import", &doc.display().to_string(), "--account", "1", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let copy = stdout(&o).trim().to_string();
    assert!(copy.parse::<i64>().is_ok_and(|n| n > 1), "the new plan's id: {copy}");
    let o = keyplan(&["export", "plan", &copy, "--format", "json", "--db", &url], "");
    let mut again: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let mut first = v.clone();
    first.as_object_mut().unwrap().remove("exported_at");
    again.as_object_mut().unwrap().remove("exported_at");
    // The importer is the account's KAM: their own commitments keep their
    // state; everyone else's arrive proposed and open, to be accepted anew.
    let kam = first["goals"][0]["children"][0]["children"][0]["children"][1]["children"][0]["owner"]["email"].clone();
    fn reproposed(node: &mut serde_json::Value, importer: &serde_json::Value) -> usize {
        let mut changed = 0;
        if node["kind"] == "commitment" && node["owner"]["email"] != *importer && node["acceptance"] != "proposed" {
            let n = node.as_object_mut().unwrap();
            n.insert("acceptance".into(), serde_json::json!("proposed"));
            n.insert("status".into(), serde_json::json!("open"));
            n.remove("decline_reason");
            n.remove("proposed_due_date");
            changed += 1;
        }
        if let Some(children) = node.get_mut("children").and_then(|c| c.as_array_mut()) {
            changed += children.iter_mut().map(|c| reproposed(c, importer)).sum::<usize>();
        }
        changed
    }
    let changed: usize = first["goals"].as_array_mut().unwrap().iter_mut().map(|g| reproposed(g, &kam)).sum();
    assert!(changed > 0, "the demo plan has others' accepted commitments");
    assert_eq!(again, first);
    // A broken document: one line with the path of the problem, nothing imported.
    let mut broken = v.clone();
    broken["goals"][0]["title"] = serde_json::json!("");
    std::fs::write(&doc, broken.to_string()).expect("write");
    let o = keyplan(&["import", &doc.display().to_string(), "--account", "1", "--db", &url], "");
    assert_one_line_error(&o, "goals[0].title: must not be empty");
    assert!(stderr(&o).contains("nothing was imported"), "{}", stderr(&o));
    let o = keyplan(&["import", &doc.display().to_string(), "--account", "999", "--db", &url], "");
    assert!(!o.status.success());
    let _ = std::fs::remove_file(&doc);

    // A PDF to a file; the customer excerpt without what is internal (a declined commitment).
    let pdf = std::env::temp_dir().join(format!("kp-cli-{:016x}.pdf", rand::random::<u64>()));
    let path = pdf.display().to_string();
    let o = keyplan(&["export", "plan", "1", "--format", "pdf", "--out", &path, "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&pdf).expect("the PDF file");
    let _ = std::fs::remove_file(&pdf);
    assert!(bytes.starts_with(b"%PDF-") && o.stdout.is_empty(), "{}", stdout(&o));
    // An Excel workbook to a file: a zip archive (XLSX), nothing on standard output.
    let xlsx = std::env::temp_dir().join(format!("kp-cli-{:016x}.xlsx", rand::random::<u64>()));
    let path = xlsx.display().to_string();
    let o = keyplan(&["export", "plan", "1", "--format", "xlsx", "--audience", "customer", "--out", &path, "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&xlsx).expect("the XLSX file");
    let _ = std::fs::remove_file(&xlsx);
    assert!(bytes.starts_with(b"PK\x03\x04") && o.stdout.is_empty(), "{}", stdout(&o));
    assert!(md.contains("vendor-managed inventory"), "{md}");
    let o = keyplan(&["export", "plan", "1", "--format", "md", "--audience", "customer", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let excerpt = stdout(&o);
    assert!(excerpt.starts_with("# Brightwater Foods"), "{excerpt}");
    assert!(!excerpt.contains("vendor-managed inventory") && !excerpt.contains("Open gaps"), "{excerpt}");
    let o = keyplan(&["export", "plan", "1", "--format", "md", "--audience", "board", "--db", &url], "");
    assert_one_line_error(&o, "board");

    let o = keyplan(&["export", "plan", "999", "--format", "md", "--db", &url], "");
    assert_one_line_error(&o, "no plan with id 999");
}

#[test]
fn serve_starts_and_stops_cleanly_on_sigterm() {
    let db = TempDb::new("kp-cli");
    let mut child = Command::new(BIN)
        .args(["serve", "--db", &db.url(), "--bind", "127.0.0.1:0", "--demo"])
        .env("KEYPLAN_CONFIG", "/nonexistent/keyplan.toml")
        .env("KEYPLAN_LOG_FORMAT", "json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start keyplan serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().expect("a line").expect("utf-8");
    let port: u16 = first.split("127.0.0.1:").nth(1).and_then(|r| r.split('/').next()).and_then(|p| p.parse().ok()).expect(&first);
    let rest: Vec<String> = lines.take(5).map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.contains("lena.hoffmann@northwind.example")), "the demo sign-in is printed: {rest:?}");

    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let body = reqwest::get(format!("http://127.0.0.1:{port}/healthz")).await.expect("healthz").text().await.expect("body");
        assert_eq!(body, "ok");
    });

    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("send SIGTERM");
    assert!(status.success());
    let started = Instant::now();
    loop {
        if let Some(code) = child.try_wait().expect("wait") {
            assert!(code.success(), "exits cleanly after SIGTERM: {code}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "did not stop within 10 s of SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut logs = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut logs).expect("logs");
    let structured = logs.lines().filter(|l| !l.trim().is_empty()).all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok());
    assert!(structured, "with KEYPLAN_LOG_FORMAT=json every log line is JSON: {logs}");
    assert!(logs.contains("shutting down"), "{logs}");
}

#[test]
fn templates_list_export_and_import() {
    let db = TempDb::new("kp-cli");
    let url = db.url();
    let o = keyplan(&["template", "list", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&o);
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines[0].starts_with("KEY") && lines[0].contains("VERSION") && lines[0].contains("RETIRED"), "{list}");
    assert!(lines[2].starts_with("strategic") && lines[2].contains("Strategic key account plan"), "{list}");
    assert_eq!(lines.len(), 5, "a header and the four built-ins: {list}");

    // Export to a file, change it, import it: a new version; importing it again changes nothing.
    let file = std::env::temp_dir().join(format!("kp-template-{:016x}.json", rand::random::<u64>()));
    let path = file.display().to_string();
    let o = keyplan(&["template", "export", "strategic", "--output", &path, "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "the file, not standard output");
    let o = keyplan(&["template", "export", "strategic", "--db", &url], "");
    let text = std::fs::read_to_string(&file).expect("exported file");
    assert_eq!(stdout(&o), text, "standard output by default, the same file");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!((doc["format"].as_str(), doc["key"].as_str()), (Some("keyplan-template"), Some("strategic")));
    let o = keyplan(&["template", "import", &path, "--db", &url], "");
    assert!(o.status.success() && stdout(&o).contains("unchanged"), "{}{}", stdout(&o), stderr(&o));
    doc["sections"][0]["title"] = "Who the customer is".into();
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let o = keyplan(&["template", "import", &path, "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("new version 2"), "{}", stdout(&o));
    let o = keyplan(&["template", "list", "--db", &url], "");
    assert!(stdout(&o).lines().any(|l| l.starts_with("strategic") && l.split_whitespace().any(|w| w == "2")), "{}", stdout(&o));

    // A new key creates a template; --org names the organisation.
    doc["key"] = "strategic-lite".into();
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let o = keyplan(&["template", "import", &path, "--org", "My company", "--db", &url], "");
    assert!(o.status.success() && stdout(&o).contains("Created template strategic-lite"), "{}{}", stdout(&o), stderr(&o));
    let o = keyplan(&["template", "list", "--org", "Nobody Ltd", "--db", &url], "");
    assert_one_line_error(&o, "Nobody Ltd");

    // Broken files: one line naming the problem, nothing stored.
    doc["sections"][3]["kind"] = "poem".into();
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let o = keyplan(&["template", "import", &path, "--db", &url], "");
    assert_one_line_error(&o, "sections[3].kind");
    std::fs::write(&file, "{\"format\": \"keyplan-template\",\n").unwrap();
    let o = keyplan(&["template", "import", &path, "--db", &url], "");
    assert_one_line_error(&o, "not valid JSON");
    let o = keyplan(&["template", "import", "/nonexistent/template.json", "--db", &url], "");
    assert_one_line_error(&o, "/nonexistent/template.json");
    let o = keyplan(&["template", "export", "nope", "--db", &url], "");
    assert_one_line_error(&o, "no template \"nope\"");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn reviews_and_diff() {
    let db = TempDb::new("kp-cli");
    let url = db.url();
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = keyplan_store::Store::connect(&url).await.expect("open");
        store.migrate().await.expect("migrate");
        keyplan_app::demo::load(&store, time::OffsetDateTime::now_utc().date()).await.expect("demo data");
        store.close().await;
    });

    // The demo's Brightwater plan had a team review a month ago, frozen as snapshot 1.
    let o = keyplan(&["review", "list", "1", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&o);
    assert!(list.contains("Team review") && list.contains("held, snapshot 1"), "{list}");
    assert!(list.contains("Management review") && list.contains("planned"), "{list}");

    let o = keyplan(&["diff", "1", "1", "current", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(
        diff.contains("~ Commitment “Prepare a spare-parts criticality list with Bremen maintenance”: status In progress → Done"),
        "{diff}"
    );
    assert!(diff.contains("+ Commitment “Publish the Alpenmilch case study with measured uptime” added"), "{diff}");
    assert!(diff.trim_end().ends_with("2 changes"), "{diff}");

    // Plan and hold another review: the plan as it is now becomes snapshot 2.
    let o = keyplan(&["review", "add", "1", "--kind", "customer", "--date", "2027-01-10", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let added = stdout(&o);
    let id = added.trim().trim_end_matches(").").rsplit(' ').next().expect("review id").to_string();
    let o = keyplan(&["review", "list", "1", "--db", &url], "");
    assert!(stdout(&o).contains("planned, version 1"), "the list shows the version to hold: {}", stdout(&o));
    let o = keyplan(&["review", "hold", &id, "--version", "7", "--db", &url], "");
    assert_one_line_error(&o, "now at version 1");
    let o = keyplan(&["review", "hold", &id, "--version", "1", "--db", &url], "");
    assert!(o.status.success(), "{}", stderr(&o));
    // Snapshot ids count across the organisation (the demo's other plans hold reviews too).
    let held = stdout(&o);
    let snapshot = held.split("snapshot ").nth(1).map(|r| r.trim_end().trim_end_matches('.').to_string()).expect("a snapshot id");
    assert!(snapshot.parse::<i64>().is_ok_and(|n| n > 1), "{held}");
    let o = keyplan(&["diff", "1", &snapshot, "current", "--db", &url], "");
    assert_eq!(stdout(&o).trim(), "No changes.");
    let o = keyplan(&["diff", "1", "current", "1", "--db", &url], "");
    assert!(stdout(&o).contains("- Commitment “Publish the Alpenmilch case study with measured uptime” removed"), "{}", stdout(&o));

    let o = keyplan(&["review", "hold", &id, "--db", &url], "");
    assert_one_line_error(&o, "already been held");
    let o = keyplan(&["diff", "1", "banana", "current", "--db", &url], "");
    assert_one_line_error(&o, "\"banana\" is neither a snapshot id nor current");
    let o = keyplan(&["diff", "2", "1", "current", "--db", &url], "");
    assert_one_line_error(&o, "no such snapshot of plan 2");
}
