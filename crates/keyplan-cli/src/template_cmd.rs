//! `keyplan template list | export | import`: the organisation's plan templates
//! as template files (`docs/template-format.md`), for versioning them in a
//! repository or carrying them from one keyplan to another.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Subcommand;
use keyplan_app::AppError;
use keyplan_app::templates as tpl;
use keyplan_store::{ImportOutcome, Organisation, Store, StoreError};

use crate::{DbArg, open};

#[derive(Subcommand)]
pub enum TemplateCommand {
    /// List the templates: key, name, current version, sections, retired.
    List {
        /// Organisation (the default organisation when omitted).
        #[arg(long)]
        org: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Write a template file (JSON) to standard output or to --output.
    Export {
        /// The template's key, as `template list` shows it.
        key: String,
        #[arg(long)]
        org: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Read a template file: a new key creates a template, a known key gets a new version when it changed.
    Import {
        file: PathBuf,
        #[arg(long)]
        org: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
}

async fn organisation(store: &Store, name: Option<String>) -> anyhow::Result<Organisation> {
    match name {
        Some(n) => store.org_by_name(n.trim()).await?.with_context(|| format!("no organisation called \"{}\"", n.trim())),
        None => Ok(store.default_org().await?),
    }
}

/// A problem with a template file, on one line.
fn problem(e: AppError) -> anyhow::Error {
    match e {
        AppError::Validation(_) => anyhow::anyhow!(crate::english(&e)),
        AppError::BadRequest(m) => anyhow::anyhow!(keyplan_app::english(&m).trim_end_matches('.').to_string()),
        other => anyhow::anyhow!(other.to_string()),
    }
}

pub async fn run(command: TemplateCommand) -> anyhow::Result<()> {
    match command {
        TemplateCommand::List { org, db } => {
            let store = open(&db).await?;
            let org = organisation(&store, org).await?;
            let templates = store.templates(org.id, true).await?;
            let rows: Vec<[String; 5]> = templates
                .iter()
                .map(|t| {
                    [
                        t.key.clone(),
                        t.name.clone(),
                        t.current_version.to_string(),
                        t.doc().sections.len().to_string(),
                        if t.retired { "retired".into() } else { String::new() },
                    ]
                })
                .collect();
            let head = ["KEY", "NAME", "VERSION", "SECTIONS", "RETIRED"].map(String::from);
            let width = |i: usize| rows.iter().chain([&head]).map(|r| r[i].chars().count()).max().unwrap_or(0);
            let (w0, w1, w2, w3) = (width(0), width(1), width(2), width(3));
            let mut out = String::new();
            for r in [&head].into_iter().chain(&rows) {
                let line = format!("{:<w0$}  {:<w1$}  {:>w2$}  {:>w3$}  {}", r[0], r[1], r[2], r[3], r[4]);
                out.push_str(line.trim_end());
                out.push('\n');
            }
            std::io::stdout().write_all(out.as_bytes())?;
            Ok(())
        }
        TemplateCommand::Export { key, org, output, db } => {
            let store = open(&db).await?;
            let org = organisation(&store, org).await?;
            let t = store.template_by_key(org.id, key.trim()).await.map_err(|e| match e {
                StoreError::NotFound => anyhow::anyhow!("no template \"{}\" in {} (see keyplan template list)", key.trim(), org.name),
                e => e.into(),
            })?;
            let text = tpl::to_file(&t.doc()).map_err(problem)?;
            match output {
                Some(path) => {
                    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
                    eprintln!("Wrote {} (version {}) to {}.", t.key, t.current_version, path.display());
                }
                None => std::io::stdout().write_all(text.as_bytes())?,
            }
            Ok(())
        }
        TemplateCommand::Import { file, org, db } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let doc = match tpl::parse_file(&text) {
                Ok(doc) => doc,
                Err(e) => bail!("{}: {}", file.display(), problem(e)),
            };
            let store = open(&db).await?;
            let org = organisation(&store, org).await?;
            let (t, outcome) = match store.import_template(org.id, &doc, None).await {
                Ok(done) => done,
                Err(StoreError::Invalid(e)) => bail!("{}: {}: {}", file.display(), e.field, keyplan_app::english(&e.message)),
                Err(e) => return Err(e.into()),
            };
            match outcome {
                ImportOutcome::Created => println!("Created template {} \"{}\" (version 1) in {}.", t.key, t.name, org.name),
                ImportOutcome::NewVersion => println!(
                    "Template {} now at new version {}; plans made earlier keep the version they were made with.",
                    t.key, t.current_version
                ),
                ImportOutcome::Unchanged => println!("Template {} is unchanged (version {}).", t.key, t.current_version),
            }
            Ok(())
        }
    }
}
