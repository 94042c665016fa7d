//! `keyplan crm import FILE --as EMAIL`: accounts and contacts from a CRM
//! export (Salesforce, HubSpot, Dynamics 365, Pipedrive, or any CSV through a
//! mapping file), with the same report as the API.
//!
//! Exit status: 0 when imported (or a clean dry run), 1 when the file or some
//! of its rows are invalid and nothing was stored, 2 for a usage error (a
//! path that does not exist, an unknown option value, the generic preset
//! without a mapping, an unknown user).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use keyplan_app::crm_import::{self, ImportRequest, Report};
use keyplan_app::{AppError, Auth};
use keyplan_domain::Lang;
use keyplan_domain::crm::{Kind, Preset};
use keyplan_i18n::Tr;
use keyplan_store::SessionUser;

use crate::{DbArg, open};

#[derive(Subcommand)]
pub enum CrmCommand {
    /// Import accounts or contacts from a CRM export (CSV in any common encoding and delimiter).
    /// Exit status 0 when imported (or a clean dry run), 1 when the file or rows are invalid and nothing was stored,
    /// 2 for a usage error.
    Import(ImportArgs),
}

#[derive(Args)]
pub struct ImportArgs {
    /// The exported file; its name and extension do not matter.
    file: PathBuf,
    /// Who imports (e-mail): a KAM (into accounts they own or create), a manager or an administrator.
    #[arg(long = "as", value_name = "EMAIL")]
    as_user: String,
    /// What the file holds; detected from the headers when left out.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Whose export it is; `auto` detects it from the headers.
    #[arg(long, value_enum, default_value = "auto")]
    preset: PresetArg,
    /// A mapping file (JSON, see the README) for the generic preset, or to adjust a preset's columns.
    #[arg(long, value_name = "MAP.json")]
    mapping: Option<PathBuf>,
    /// Report what would happen; store nothing.
    #[arg(long)]
    dry_run: bool,
    /// Store the valid rows even when others are invalid (those are reported as skipped).
    #[arg(long)]
    skip_invalid: bool,
    /// Print the report as JSON (the same object as POST /api/v1/crm/imports).
    #[arg(long)]
    json: bool,
    /// The language of the messages.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    db: DbArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Accounts,
    Contacts,
    Opportunities,
}

#[derive(Clone, Copy, ValueEnum)]
enum PresetArg {
    Auto,
    Salesforce,
    Hubspot,
    Dynamics,
    Pipedrive,
    Generic,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    De,
}

/// Runs `keyplan crm …` and answers the exit status.
pub async fn run(command: CrmCommand) -> ExitCode {
    let CrmCommand::Import(args) = command;
    let t = Tr::new(match args.lang {
        LangArg::En => Lang::En,
        LangArg::De => Lang::De,
    });
    let report = match import(&args, t).await {
        Ok(r) => r,
        Err(Failure::Usage(text)) => {
            eprintln!("keyplan: {text}");
            return ExitCode::from(2);
        }
        Err(Failure::Other(e)) => {
            eprintln!("keyplan: {}", crate::one_line(&e));
            return ExitCode::FAILURE;
        }
    };
    let text = if args.json {
        serde_json::to_string_pretty(&report.to_json(t)).map(|s| s + "\n").unwrap_or_default()
    } else {
        summary(&report, t)
    };
    if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
        eprintln!("keyplan: cannot write the report: {e}");
        return ExitCode::from(2);
    }
    if report.refused { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

enum Failure {
    Usage(String),
    Other(anyhow::Error),
}

async fn import(args: &ImportArgs, t: Tr) -> Result<Report, Failure> {
    let usage = |m: String| Failure::Usage(m);
    let bytes = std::fs::read(&args.file).map_err(|e| usage(format!("cannot read {}: {e}", args.file.display())))?;
    let mapping = match &args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
            Some(crm_import::parse_mapping(&text).map_err(|e| usage(app_message(&e, t)))?)
        }
        None => None,
    };
    let req = ImportRequest {
        kind: args.kind.map(|k| match k {
            KindArg::Accounts => Kind::Accounts,
            KindArg::Contacts => Kind::Contacts,
            KindArg::Opportunities => Kind::Opportunities,
        }),
        preset: match args.preset {
            PresetArg::Auto => None,
            PresetArg::Salesforce => Some(Preset::Salesforce),
            PresetArg::Hubspot => Some(Preset::Hubspot),
            PresetArg::Dynamics => Some(Preset::Dynamics),
            PresetArg::Pipedrive => Some(Preset::Pipedrive),
            PresetArg::Generic => Some(Preset::Generic),
        },
        mapping,
        dry_run: args.dry_run,
        skip_invalid: args.skip_invalid,
        trace_rows: 0,
    };
    if req.preset == Some(Preset::Generic) && req.mapping.is_none() {
        return Err(usage(t.s("crm-error-mapping-required")));
    }
    let store = open(&args.db).await.map_err(Failure::Other)?;
    let user = store.user_by_email(&args.as_user).await.map_err(|e| Failure::Other(e.into()))?;
    let Some(user) = user.filter(|u| u.active) else {
        return Err(usage(format!("no active user with e-mail {}", args.as_user)));
    };
    let org_name = store.org(user.org_id).await.map_err(|e| Failure::Other(e.into()))?.name;
    let auth = Auth { user: Arc::new(SessionUser::acting(user, org_name)), via: keyplan_app::auth::Via::Token };
    crm_import::import(&store, &auth, &bytes, &req).await.map_err(|e| match e {
        AppError::BadRequest(_) | AppError::Forbidden(_) => usage(app_message(&e, t)),
        e => Failure::Other(e.into()),
    })
}

fn app_message(e: &AppError, t: Tr) -> String {
    match e {
        AppError::BadRequest(m) | AppError::Forbidden(m) => t.msg(m),
        e => e.to_string(),
    }
}

/// The report for a reader: figures, then each error and warning on a line.
fn summary(r: &Report, t: Tr) -> String {
    let mut out = String::new();
    let opt = |s: Option<&str>| s.unwrap_or("-").to_string();
    let delimiter = match r.delimiter {
        Some('\t') => "tab".to_string(),
        Some(c) => c.to_string(),
        None => "-".into(),
    };
    out.push_str(&format!(
        "{} ({}, {}, delimiter {}): {} rows\n",
        opt(r.kind.map(Kind::as_str)),
        opt(r.preset.map(Preset::as_str)),
        opt(r.encoding),
        delimiter,
        r.rows
    ));
    out.push_str(&format!(
        "created {}, updated {}, unchanged {}, skipped {}, ignored lines {}\n",
        r.created, r.updated, r.unchanged, r.skipped, r.ignored_lines
    ));
    for (label, list) in [("error", &r.errors), ("warning", &r.warnings)] {
        for i in list.iter() {
            let place = match (&i.column, i.row) {
                (_, 0) => String::new(),
                (Some(c), row) => format!("row {row}, {c}: "),
                (None, row) => format!("row {row}: "),
            };
            out.push_str(&format!("{label}: {place}{}\n", t.msg(&i.message)));
        }
    }
    out.push_str(if r.stored {
        "imported\n"
    } else if r.refused {
        "nothing was stored\n"
    } else {
        "dry run: nothing was stored\n"
    });
    out
}
