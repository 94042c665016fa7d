//! `keyplan coach` as a company pipeline meets it: a plan document checked
//! without any database, a plan of the demo database checked by id, the JSON
//! the API answers, German texts, and the exit status (0 no blocker, 1 at
//! least one blocker, 2 a usage or read error).

use std::collections::BTreeSet;
use std::process::{Command, Output};

use serde_json::{Value, json};
use time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_keyplan");

/// A file in the temporary directory, removed when dropped (with SQLite's side files).
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(ext: &str) -> TempFile {
        TempFile(std::env::temp_dir().join(format!("kp-coach-{:016x}.{ext}", rand::random::<u64>())))
    }
    fn path(&self) -> String {
        self.0.display().to_string()
    }
    fn write(self, text: &str) -> TempFile {
        std::fs::write(&self.0, text).expect("write the file");
        self
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        for s in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{s}", self.0.display()));
        }
    }
}

fn keyplan(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env_remove("KEYPLAN_DB").env("KEYPLAN_CONFIG", "/nonexistent/keyplan.toml").output().expect("run keyplan")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Exit status 2, nothing on standard output, one line on standard error naming the problem.
fn assert_usage_error(o: &Output, contains: &str) {
    assert_eq!(o.status.code(), Some(2), "stdout: {} stderr: {}", stdout(o), stderr(o));
    assert!(o.stdout.is_empty(), "{}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.contains(contains), "stderr {err:?} should mention {contains:?}");
}

/// A clean one-page plan document, dated around today: goal → factor →
/// condition → obstacle → an accepted, owned, dated, measurable commitment.
fn good_document() -> Value {
    let today = time::OffsetDateTime::now_utc().date();
    let day = |d: i64| (today + Duration::days(d)).to_string();
    let commitment = json!({
        "id": "m1", "kind": "commitment", "title": "Lend the pilot district's sensors for six months",
        "owner": {"name": "James Carter"}, "due_date": day(120),
        "done_criterion": "Loan agreement signed by Camille Laurent", "status": "open", "acceptance": "accepted"
    });
    let obstacle = json!({"id": "o1", "kind": "obstacle", "title": "No budget for a pilot this year", "children": [commitment]});
    let condition = json!({"id": "k1", "kind": "condition", "title": "Network operations approves the pilot", "children": [obstacle]});
    let factor =
        json!({"id": "f1", "kind": "csf", "title": "Our flow sensors prove themselves in a pilot district", "children": [condition]});
    let goal = json!({
        "id": "g1", "kind": "goal", "title": "Cut water lost to leaks in the Lyon network",
        "metric": "Water lost to leaks", "baseline": 18, "target": 12, "unit": "%", "target_date": day(300), "benefit": "both",
        "children": [factor]
    });
    json!({
        "format": "keyplan-plan",
        "version": 1,
        "account": {"name": "Vireo Water"},
        "plan": {
            "title": "Vireo Water — leak detection in Lyon",
            "template": "one_page_constraint",
            "status": "active",
            "period_start": day(-30),
            "period_end": day(334),
        },
        "goals": [goal]
    })
}

/// The same document with a commitment nobody can check: a blocker.
fn document_with_blocker() -> Value {
    let mut doc = good_document();
    let commitment = &mut doc["goals"][0]["children"][0]["children"][0]["children"][0]["children"][0];
    commitment.as_object_mut().expect("the commitment").remove("done_criterion");
    doc
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().expect("an object").keys().map(String::as_str).collect()
}

/// The object GET /api/v1/plans/{id}/coach answers, with exactly its keys.
fn assert_coach_json(v: &Value) {
    assert_eq!(keys(v), BTreeSet::from(["score", "level", "findings", "next_level"]), "{v}");
    assert!(v["score"].as_f64().is_some_and(|s| s > 0.0 && s <= 100.0), "{v}");
    assert!(v["level"].as_u64().is_some_and(|l| (1..=5).contains(&l)), "{v}");
    for f in v["findings"].as_array().expect("findings") {
        assert_eq!(keys(f), BTreeSet::from(["rule", "severity", "message", "hint", "target"]), "{f}");
        assert_eq!(keys(&f["target"]), BTreeSet::from(["kind", "id"]), "{f}");
        assert!(f["target"]["id"].is_string() && f["message"].is_string() && f["hint"].is_string(), "{f}");
        assert!(["blocker", "warning", "hint"].contains(&f["severity"].as_str().unwrap_or_default()), "{f}");
    }
    match &v["next_level"] {
        Value::Null => assert_eq!(v["level"], 5, "{v}"),
        next => {
            assert_eq!(keys(next), BTreeSet::from(["level", "missing"]), "{v}");
            assert_eq!(next["level"].as_u64(), v["level"].as_u64().map(|l| l + 1), "{v}");
            assert!(next["missing"].as_array().is_some_and(|m| !m.is_empty() && m.iter().all(Value::is_string)), "{v}");
        }
    }
}

#[test]
fn a_document_is_checked_without_a_database() {
    let good = TempFile::new("json").write(&good_document().to_string());
    let o = keyplan(&["coach", "--file", &good.path()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Score 100 of 100 · level 1 of 5"), "{out}");
    assert!(out.contains("No findings"), "{out}");

    let bad = TempFile::new("json").write(&document_with_blocker().to_string());
    let o = keyplan(&["coach", "--file", &bad.path()]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Blocker (1)"), "{out}");
    assert!(out.contains("[commitment-incomplete node m1]"), "the rule and the document's own id: {out}");
    assert!(out.contains("Commitment “Lend the pilot district's sensors for six months” lacks a done criterion."), "{out}");

    // Standard input works as well, for a pipeline.
    let mut child = Command::new(BIN)
        .args(["coach", "--file", "-"])
        .env("KEYPLAN_CONFIG", "/nonexistent/keyplan.toml")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run keyplan");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), document_with_blocker().to_string().as_bytes()).expect("write");
    assert_eq!(child.wait_with_output().expect("wait").status.code(), Some(1));
}

#[test]
fn json_and_german() {
    let bad = TempFile::new("json").write(&document_with_blocker().to_string());
    let o = keyplan(&["coach", "--file", &bad.path(), "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_coach_json(&v);
    let f = &v["findings"][0];
    assert_eq!((f["rule"].as_str(), f["severity"].as_str()), (Some("commitment-incomplete"), Some("blocker")), "{v}");
    assert_eq!(f["target"], json!({"kind": "node", "id": "m1"}));
    assert_eq!(v["score"], 85.0, "one blocker costs 15 %: {v}");
    assert_eq!(v["level"], 1, "a document carries no history: {v}");

    let o = keyplan(&["coach", "--file", &bad.path(), "--lang", "de"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Punktzahl 85 von 100 · Stufe 1 von 5"), "{out}");
    assert!(out.contains("Bei der Zusage „Lend the pilot district's sensors for six months“"), "{out}");
    assert!(out.contains("Erledigt-Kriterium") && !out.contains("lacks"), "{out}");
    let o = keyplan(&["coach", "--file", &bad.path(), "--lang", "de", "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_coach_json(&v);
    assert_eq!(v["findings"][0]["rule"], "commitment-incomplete", "rule ids are the same in every language");
    assert!(v["findings"][0]["message"].as_str().is_some_and(|m| m.contains("Erledigt-Kriterium")), "{v}");
}

#[test]
fn usage_and_read_errors_exit_2() {
    let o = keyplan(&["coach"]);
    assert_usage_error(&o, "the following required arguments were not provided: <PLAN|--file <DOC.json>>");
    let o = keyplan(&["coach", "--file", "/nonexistent/plan.json"]);
    assert_usage_error(&o, "cannot read /nonexistent/plan.json");
    let broken = TempFile::new("json").write("{\"format\": \"keyplan-plan\",\n");
    let o = keyplan(&["coach", "--file", &broken.path()]);
    assert_usage_error(&o, "not valid JSON");
    assert!(stderr(&o).contains(&broken.path()), "names the file: {}", stderr(&o));
    let mut wrong = good_document();
    wrong["goals"][0]["title"] = json!("");
    let wrong = TempFile::new("json").write(&wrong.to_string());
    let o = keyplan(&["coach", "--file", &wrong.path()]);
    assert_usage_error(&o, "goals[0].title: must not be empty");
    let o = keyplan(&["coach", "--file", &wrong.path(), "--lang", "fr"]);
    assert_usage_error(&o, "fr");
    let o = keyplan(&["coach", "1", "--file", &wrong.path()]);
    assert_usage_error(&o, "--file");
}

#[test]
fn plans_of_the_demo_database_by_id() {
    let db = TempFile::new("db");
    let url = format!("sqlite://{}", db.path());
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = keyplan_store::Store::connect(&url).await.expect("open");
        store.migrate().await.expect("migrate");
        keyplan_app::demo::load(&store, time::OffsetDateTime::now_utc().date()).await.expect("demo data");
        store.close().await;
    });

    // Brightwater: an obstacle without an accepted commitment blocks the plan.
    let o = keyplan(&["coach", "1", "--db", &url]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("[obstacle-without-commitment node "), "{out}");
    assert!(out.contains("level 2 of 5") && out.contains("For level 3"), "{out}");

    // Every demo plan answers the API's object; the exit status follows its blockers.
    let mut levels = BTreeSet::new();
    for plan in ["1", "2", "3", "4", "5", "6"] {
        let o = keyplan(&["coach", plan, "--json", "--db", &url]);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("plan {plan}: {e}: {}", stderr(&o)));
        assert_coach_json(&v);
        let blocked = v["findings"].as_array().expect("findings").iter().any(|f| f["severity"] == "blocker");
        assert_eq!(o.status.code(), Some(i32::from(blocked)), "plan {plan}: {v}");
        levels.insert(v["level"].as_u64().expect("level"));
    }
    assert!(levels.is_superset(&BTreeSet::from([2, 3, 5])), "{levels:?}");

    // Arcadia, with the customer at the table: the top of the ladder, in German too.
    let o = keyplan(&["coach", "6", "--lang", "de", "--db", &url]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Stufe 5 von 5: Gemeinsam mit dem Kunden entwickelt und umgesetzt"), "{out}");
    assert!(out.contains("Der Plan steht auf der obersten Stufe der Leiter."), "{out}");

    let o = keyplan(&["coach", "999", "--db", &url]);
    assert_usage_error(&o, "no plan with id 999");
    let o = keyplan(&["coach", "1", "--db", "postgres://nobody@127.0.0.1:1/none"]);
    assert_usage_error(&o, "PostgreSQL");
}
