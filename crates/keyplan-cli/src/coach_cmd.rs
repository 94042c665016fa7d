//! `keyplan coach`: the plan coach on the command line, for a plan in the
//! database (`keyplan coach PLAN_ID`) or for an open plan document without any
//! database (`keyplan coach --file DOC.json`), so a company can check plans in
//! its own pipelines.
//!
//! Exit status: 0 when there is no blocker, 1 when there is at least one, 2
//! for a usage or read error (bad flags, an unreadable or invalid file, an
//! unknown plan, an unreachable database).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{ArgGroup, Args, ValueEnum};
use keyplan_app::coach::{self, CoachJson, CoachReport};
use keyplan_domain::coach::Severity;
use keyplan_domain::{Lang, PlanId};
use keyplan_i18n::Tr;

use crate::{DbArg, open};

#[derive(Args)]
#[command(group(ArgGroup::new("what").required(true).args(["plan", "file"])))]
pub struct CoachArgs {
    /// The plan's id. Findings name the database ids of the parts they are about.
    plan: Option<i64>,
    /// An open plan document (JSON) to check without any database; `-` reads standard input.
    /// Findings name the document's local ids (`n4`, `i2`, `c1`, `plan`); every rule runs at its default severity.
    #[arg(long, value_name = "DOC.json", conflicts_with_all = ["plan", "db"])]
    file: Option<PathBuf>,
    /// Print the same JSON object as GET /api/v1/plans/{id}/coach.
    #[arg(long)]
    json: bool,
    /// The language of messages, hints and labels.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    db: DbArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    De,
}

/// Runs the coach and answers the exit status.
pub async fn run(args: CoachArgs) -> ExitCode {
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::De => Lang::De,
    };
    let today = keyplan_app::today();
    let report = match (&args.file, args.plan) {
        (Some(file), _) => read_document(file).map(|doc| coach::lint_document(&doc, today)),
        (None, Some(plan)) => plan_report(plan, lang, &args.db).await,
        (None, None) => Err(anyhow::anyhow!("name a plan id or --file DOC.json")),
    };
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            eprintln!("keyplan: {}", crate::one_line(&e));
            return ExitCode::from(2);
        }
    };
    let t = Tr::new(lang);
    let json = report.to_json(t);
    let text = if args.json { serde_json::to_string_pretty(&json).map(|s| s + "\n").unwrap_or_default() } else { human(&json, &report, t) };
    if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
        eprintln!("keyplan: cannot write the report: {e}");
        return ExitCode::from(2);
    }
    if report.has_blocker() { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn read_document(file: &Path) -> anyhow::Result<keyplan_domain::document::PlanDocument> {
    let bytes = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?
    };
    keyplan_domain::document::parse(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}: {}", file.display(), e.path, keyplan_app::english(&e.message)))
}

async fn plan_report(plan: i64, lang: Lang, db: &DbArg) -> anyhow::Result<CoachReport> {
    let store = open(db).await?;
    let id = PlanId::new(plan);
    let org = store.plan_org(id).await.map_err(|e| match e {
        keyplan_store::StoreError::NotFound => anyhow::anyhow!("no plan with id {plan}"),
        e => e.into(),
    })?;
    let report = coach::report_for(&store, org, id, lang, keyplan_app::today()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    store.close().await;
    Ok(report)
}

/// The report for a reader: the score and level, the findings grouped by
/// severity (worst first) with message, hint and what they are about, and
/// what the next level lacks.
fn human(json: &CoachJson, report: &CoachReport, t: Tr) -> String {
    let mut out = String::new();
    let title = t.msg(&report.ladder.title());
    out.push_str(
        &t.a("coach-cli-summary", &[("score", t.num(json.score).into()), ("level", i64::from(json.level).into()), ("title", title.into())]),
    );
    out.push('\n');
    if json.findings.is_empty() {
        out.push_str(&format!("\n{}\n", t.s("coach-cli-no-findings")));
    }
    for severity in Severity::ALL {
        let group: Vec<_> = json.findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{} ({})\n", t.msg(&severity.label()), group.len()));
        for f in group {
            let kind = serde_json::to_value(f.target.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            out.push_str(&format!("  - {}  [{} {} {}]\n    {}\n", f.message, f.rule, kind, f.target.id, f.hint));
        }
    }
    match (&json.next_level, &report.ladder.next) {
        (Some(next), Some(level)) => {
            let title = t.msg(&keyplan_domain::coach::Ladder { level: level.level, next: None }.title());
            out.push_str(&format!("\n{}\n", t.a("coach-cli-next", &[("level", i64::from(next.level).into()), ("title", title.into())])));
            for m in &next.missing {
                out.push_str(&format!("  - {m}\n"));
            }
        }
        _ => out.push_str(&format!("\n{}\n", t.s("coach-cli-top"))),
    }
    out
}
