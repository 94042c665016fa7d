//! The `keyplan` binary: one program to serve the web application, migrate the
//! database, manage users and tokens, and export plans.
#![forbid(unsafe_code)]

mod coach_cmd;
mod crm_cmd;
mod import_cmd;
mod review_cmd;
mod template_cmd;
mod token_cmd;

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use keyplan_app::Config;
use keyplan_domain::audience::Audience;
use keyplan_domain::{PlanId, Role, validate};
use keyplan_export::{ExportError, Format as FileFormat, Layout};
use keyplan_store::{NewUser, Store};
use keyplan_web::Application;

#[derive(Parser)]
#[command(name = "keyplan", version, about = "Key-account plans that stay short, focused and alive.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone, Default)]
struct DbArg {
    /// Database URL: sqlite://FILE (default sqlite://keyplan.db) or postgres://USER@HOST/DB. Also KEYPLAN_DB.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application (migrates the database first).
    Serve {
        #[command(flatten)]
        db: DbArg,
        /// Address to listen on (default 127.0.0.1:8080). Also KEYPLAN_BIND.
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// Fill an empty database with a demo organisation and print how to sign in.
        #[arg(long)]
        demo: bool,
    },
    /// Bring the database schema up to date.
    Migrate {
        #[command(flatten)]
        db: DbArg,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: token_cmd::TokenCommand,
    },
    /// Export data.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Plan templates: list, export to a file, import from a file.
    Template {
        #[command(subcommand)]
        command: template_cmd::TemplateCommand,
    },
    /// A plan's reviews: list, plan one, hold one (freezes a snapshot).
    Review {
        #[command(subcommand)]
        command: review_cmd::ReviewCommand,
    },
    /// Import a plan document (JSON, see `keyplan export plan ID --format json`) as a new plan of an account.
    Import {
        /// The document; `-` reads standard input.
        file: std::path::PathBuf,
        /// The account the plan goes into.
        #[arg(long)]
        account: i64,
        /// Who imports it (e-mail): the plan's author. Default: the account's owner.
        #[arg(long = "as")]
        as_user: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
    /// The plan coach: findings, score and excellence level of a plan, or of a plan document without a database.
    /// Exit status 0 without blockers, 1 with at least one, 2 for a usage or read error.
    Coach(coach_cmd::CoachArgs),
    /// CRM exports: `keyplan crm import FILE --as EMAIL` brings in accounts or contacts.
    Crm {
        #[command(subcommand)]
        command: crm_cmd::CrmCommand,
    },
    /// What changed in a plan between two versions: snapshot ids or `current`.
    Diff {
        plan: i64,
        /// A snapshot id (see `keyplan review list`) or `current`.
        from: String,
        /// A snapshot id or `current`.
        to: String,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user. The password is read from standard input (one line) when it is
    /// not a terminal, otherwise prompted for.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Organisation (created if missing; the default organisation when omitted).
        #[arg(long)]
        org: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Export one plan to standard output or a file.
    Plan {
        id: i64,
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Who the export is for: anything not marked for them is left out.
        #[arg(long, value_enum, default_value = "team")]
        audience: AudienceArg,
        /// The language of the labels, dates and numbers (PDF, XLSX and Markdown).
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// `compact` sets a one-page plan over several pages when it does not fit on one.
        #[arg(long, value_enum, default_value = "auto")]
        layout: LayoutArg,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Manager,
    Kam,
    Member,
    Viewer,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Admin => Role::Admin,
            RoleArg::Manager => Role::Manager,
            RoleArg::Kam => Role::Kam,
            RoleArg::Member => Role::Member,
            RoleArg::Viewer => Role::Viewer,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum AudienceArg {
    Team,
    Management,
    Customer,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    De,
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    Auto,
    Compact,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// A PDF: the one-page constraint plan on one A4 landscape page, other templates over several pages.
    Pdf,
    /// An Excel workbook (XLSX): an overview sheet and one sheet per section of the plan.
    Xlsx,
    Md,
    /// The open plan document (JSON; its schema is served at /api/v1/schema/plan.json); `keyplan import` reads it back.
    Json,
    /// The plan's story: analysis -> so what -> goal -> commitments, with its gaps.
    Story,
}

fn main() -> ExitCode {
    // Before any thread starts: the allocator's arenas are capped (issue 18).
    keyplan_web::memory::limit_arenas();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp
                    | clap::error::ErrorKind::DisplayVersion
                    | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            let _ = e.print();
            return if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
        Err(e) => {
            eprintln!("keyplan: {} (see keyplan --help)", usage_error_line(&e.render().to_string()));
            return ExitCode::from(2);
        }
    };
    // The server answers many requests at once on every core; a command does
    // one thing, and on one thread it spends nothing on waking others
    // (an export's whole run is a target, issue 18).
    // A blocking thread (a PDF, a password hash) the server no longer needs
    // goes after two seconds rather than tokio's ten, and its stack and
    // allocator cache with it: a quiet server is small again (issue 18).
    let mut builder = if matches!(cli.command, Command::Serve { .. }) {
        let mut b = tokio::runtime::Builder::new_multi_thread();
        b.thread_keep_alive(std::time::Duration::from_secs(2));
        b
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("keyplan: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let command = match cli.command {
        // The coach answers its own exit status (0, 1 or 2).
        Command::Coach(args) => return runtime.block_on(coach_cmd::run(args)),
        // So does the CRM import (0, 1 or 2).
        Command::Crm { command } => return runtime.block_on(crm_cmd::run(command)),
        other => other,
    };
    match runtime.block_on(run(command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("keyplan: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// A usage error on one line: clap's first line, which names the problem, and
/// when it ends in a colon the indented lines it announces ("the following
/// required arguments were not provided: <PLAN|--file <DOC.json>>").
fn usage_error_line(text: &str) -> String {
    let mut lines = text.lines();
    let mut out = lines.next().unwrap_or("invalid arguments").trim_start_matches("error: ").trim_end().to_string();
    if out.ends_with(':') {
        let listed: Vec<&str> = lines.take_while(|l| l.starts_with(' ')).map(str::trim).filter(|l| !l.is_empty()).collect();
        if !listed.is_empty() {
            out = format!("{out} {}", listed.join(", "));
        }
    }
    out
}

/// The error and its causes on one line, without repeating a cause that the
/// message already contains.
fn one_line(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = english(cause);
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out.replace('\n', " ")
}

/// An error as text. Field errors carry a message by code, written here in
/// English (the command line's language).
fn english(cause: &(dyn std::error::Error + 'static)) -> String {
    let field = |f: &keyplan_domain::FieldError| format!("{}: {}", f.field, keyplan_app::english(&f.message));
    if let Some(keyplan_app::AppError::Validation(errors)) = cause.downcast_ref() {
        return errors.iter().map(field).collect::<Vec<_>>().join("; ");
    }
    if let Some(keyplan_store::StoreError::Invalid(f)) = cause.downcast_ref() {
        return field(f);
    }
    if let Some(f) = cause.downcast_ref::<keyplan_domain::FieldError>() {
        return field(f);
    }
    if let Some(d) = cause.downcast_ref::<keyplan_domain::document::DocError>() {
        return format!("{}: {}", d.path, keyplan_app::english(&d.message));
    }
    cause.to_string()
}

/// Defaults, then `keyplan.toml` (or the file in KEYPLAN_CONFIG), then KEYPLAN_*
/// variables; `KEYPLAN_SMTP_HOST` and its kin fill the `[smtp]` table.
fn settings() -> Figment {
    let file = std::env::var("KEYPLAN_CONFIG").unwrap_or_else(|_| "keyplan.toml".into());
    Figment::from(Serialized::defaults(Config::default()))
        .merge(Toml::file(file))
        .merge(Env::prefixed("KEYPLAN_").filter(|k| !k.as_str().starts_with("smtp_")))
        .merge(Env::prefixed("KEYPLAN_SMTP_").map(|k| format!("smtp.{}", k.as_str()).into()))
}

/// The settings, then flags.
fn config(db: &DbArg, bind: Option<&String>, demo: bool) -> anyhow::Result<Config> {
    let mut figment = settings();
    if let Some(url) = &db.db {
        figment = figment.merge(("db", url));
    }
    if let Some(b) = bind {
        figment = figment.merge(("bind", b));
    }
    if demo {
        figment = figment.merge(("demo", true));
    }
    figment.extract().context("reading the configuration")
}

async fn open(db: &DbArg) -> anyhow::Result<Store> {
    let cfg = config(db, None, false)?;
    migrated(Store::connect(&cfg.database_url).await?).await
}

/// With one connection: for a command that only reads, where each further
/// SQLite connection would read the schema again.
async fn open_single(db: &DbArg) -> anyhow::Result<Store> {
    let cfg = config(db, None, false)?;
    migrated(Store::connect_single(&cfg.database_url).await?).await
}

async fn migrated(store: Store) -> anyhow::Result<Store> {
    store.migrate().await?;
    Ok(store)
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve { db, bind, demo } => serve(config(&db, bind.as_ref(), demo)?).await,
        Command::Migrate { db } => {
            let cfg = config(&db, None, false)?;
            let store = Store::connect(&cfg.database_url).await?;
            store.migrate().await?;
            println!("Database is up to date ({}).", keyplan_store::redact(&cfg.database_url));
            Ok(())
        }
        Command::User { command: UserCommand::Add { email, name, role, org, db } } => {
            let email = validate::email("email", &email)?;
            let name = validate::required("name", &name, 200)?;
            let password = validate::password("password", &read_password()?)?;
            let store = open(&db).await?;
            let org = match org {
                Some(o) => store.ensure_org(&validate::required("org", &o, 200)?).await?,
                None => store.default_org().await?,
            };
            let hash = keyplan_app::auth::hash_password(password).await?;
            let user = store.create_user(org.id, NewUser { email: &email, name: &name, role: role.into(), password_hash: &hash }).await?;
            println!("Added {} <{}> as {} in {} (user id {}).", user.name, user.email, user.role(), org.name, user.id);
            Ok(())
        }
        Command::Token { command } => token_cmd::run(command).await,
        Command::Export { command: ExportCommand::Plan { id, format, audience, lang, layout, out, db } } => {
            let lang = match lang {
                LangArg::En => keyplan_domain::Lang::En,
                LangArg::De => keyplan_domain::Lang::De,
            };
            if matches!(format, ExportFormat::Pdf) {
                // The texts, fonts and template are made ready on another core while the plan is read.
                std::thread::spawn(move || keyplan_export::pdf::warm_up(lang));
            }
            let store = open_single(&db).await?;
            let plan = PlanId::new(id);
            let org = store.plan_org(plan).await.map_err(|e| match e {
                keyplan_store::StoreError::NotFound => anyhow::anyhow!("no plan with id {id}"),
                e => e.into(),
            })?;
            let audience = match audience {
                AudienceArg::Team => Audience::Team,
                AudienceArg::Management => Audience::Management,
                AudienceArg::Customer => Audience::Customer,
            };
            let (bundle, vis) = keyplan_app::audience::audience_bundle(&store, org, None, plan, audience, lang)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let format = match format {
                ExportFormat::Pdf => FileFormat::Pdf,
                ExportFormat::Xlsx => FileFormat::Xlsx,
                ExportFormat::Md => FileFormat::Markdown,
                ExportFormat::Json => FileFormat::Json,
                ExportFormat::Story => FileFormat::Story,
            };
            let layout = match layout {
                LayoutArg::Compact => Layout::Compact,
                LayoutArg::Auto => Layout::Template,
            };
            // Typeset on this thread: a command has nothing else to serve, and
            // the memory the reads just freed is reused rather than a new
            // thread's arena paged in.
            let bytes = match keyplan_export::render(&bundle, &vis, format, lang, layout) {
                Ok(file) => file.bytes,
                Err(e @ ExportError::TooBigForOnePage(_)) => bail!("{e} (--layout compact)"),
                Err(ExportError::Failed(e)) => return Err(e),
            };
            match out {
                Some(path) => std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?,
                None => std::io::stdout().write_all(&bytes)?,
            }
            Ok(())
        }
        Command::Template { command } => template_cmd::run(command).await,
        Command::Review { command } => review_cmd::run(command).await,
        Command::Import { file, account, as_user, db } => import_cmd::import_plan(&file, account, as_user.as_deref(), &db).await,
        // Run apart by `main`, which answers its exit status.
        Command::Coach(_) => bail!("the coach runs apart"),
        Command::Crm { .. } => bail!("the CRM import runs apart"),
        Command::Diff { plan, from, to, db } => review_cmd::diff(plan, &from, &to, &db).await,
    }
}

fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password for the new user (at least 8 characters, shown as you type): ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("reading the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        bail!("no password given on standard input");
    }
    Ok(password)
}

async fn serve(cfg: Config) -> anyhow::Result<()> {
    init_logging();
    let demo = cfg.demo;
    let db = keyplan_store::redact(&cfg.database_url);
    let app = Application::build(cfg).await?;
    let port = app.port();
    let store = app.store();
    tracing::info!(port, database = %db, "keyplan listening");
    println!("keyplan is running at http://127.0.0.1:{port}/  (database: {db})");
    if demo {
        println!("Demo sign-in (password \"{}\"):", keyplan_app::demo::DEMO_PASSWORD);
        for (email, who) in keyplan_app::demo::DEMO_SIGN_INS {
            println!("  {email:<36} {who}");
        }
    } else if store.count_users().await? == 0 {
        println!("No users yet: add one with  keyplan user add --email you@example.com --name \"Your Name\" --role admin");
    }
    tokio::spawn(keep_coach_marks_current(store.clone()));
    app.run_until_stopped(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Marks plans the coach has not marked today (new after an upgrade, or whose
/// date-driven findings may have changed overnight), just after start and then every
/// hour, and keeps each organisation's cockpit totals once a day. Both are
/// idempotent; the totals are also taken under a lease, so one server of many
/// reads them per round.
async fn keep_coach_marks_current(store: keyplan_store::Store) {
    let mut tick = keyplan_app::jobs::after_start(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let marked = keyplan_app::coach::marks::refresh_stale(&store, keyplan_app::coach::marks::start_of_today()).await;
        if marked > 0 {
            tracing::info!(plans = marked, "coach marks brought up to date");
        }
        // The cockpit's totals of the day, once per organisation, for its trend;
        // one server per round (the first to write a day's totals wins anyway).
        let every = std::time::Duration::from_secs(3600);
        keyplan_app::jobs::run_leased(&store, "cockpit-daily-totals", keyplan_app::jobs::lease_for(every), async {
            let kept = keyplan_app::cockpit::record_daily_totals(&store, keyplan_app::today()).await;
            if kept > 0 {
                tracing::info!(organisations = kept, "cockpit totals of the day kept");
            }
        })
        .await;
    }
}

/// Completes on Ctrl-C or SIGTERM; the server then finishes in-flight requests.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}

/// Structured logs: JSON lines when KEYPLAN_LOG_FORMAT=json, readable text otherwise.
/// The level comes from RUST_LOG (default: info).
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let json = std::env::var("KEYPLAN_LOG_FORMAT").is_ok_and(|v| v == "json");
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(std::io::stderr().is_terminal());
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}

#[cfg(test)]
// figment's Jail wants closures returning its own error type, which is large.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn smtp_settings_come_from_the_file_and_the_environment() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("KEYPLAN_CONFIG", "site.toml");
            jail.create_file("site.toml", "bind = \"0.0.0.0:9000\"\n[smtp]\nhost = \"mail.example.com\"\nport = 465\ntls = \"tls\"\n")?;
            jail.set_env("KEYPLAN_SMTP_USERNAME", "planner");
            jail.set_env("KEYPLAN_SMTP_PASSWORD", "s3cret");
            jail.set_env("KEYPLAN_SMTP_ENABLED", "true");
            jail.set_env("KEYPLAN_SESSION_HOURS", "8");
            let cfg: Config = settings().extract()?;
            assert_eq!(cfg.bind, "0.0.0.0:9000");
            assert_eq!(cfg.session_hours, 8);
            assert!(cfg.smtp.enabled);
            assert_eq!(cfg.smtp.host, "mail.example.com");
            assert_eq!(cfg.smtp.port, 465);
            assert_eq!(cfg.smtp.tls, keyplan_app::SmtpTls::Tls);
            assert_eq!(cfg.smtp.username, "planner");
            assert_eq!(cfg.smtp.password, "s3cret");
            assert!(!format!("{cfg:?}").contains("s3cret"), "the password stays out of logs");
            Ok(())
        });
    }

    #[test]
    fn mail_is_off_by_default() {
        figment::Jail::expect_with(|_| {
            let cfg: Config = settings().extract()?;
            assert!(!cfg.smtp.enabled);
            Ok(())
        });
    }

    #[test]
    fn server_limits_and_trusted_proxies_come_from_variables() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("KEYPLAN_TRUSTED_PROXIES", "10.0.0.5, 10.1.0.0/16");
            jail.set_env("KEYPLAN_MAX_CONNECTIONS", "900");
            jail.set_env("KEYPLAN_IDLE_TIMEOUT_SECONDS", "20");
            let cfg: Config = settings().extract()?;
            assert_eq!(cfg.trusted_proxies, vec!["10.0.0.5".to_string(), "10.1.0.0/16".to_string()]);
            assert_eq!((cfg.max_connections, cfg.idle_timeout_seconds, cfg.header_read_timeout_seconds), (900, 20, 30));
            Ok(())
        });
        figment::Jail::expect_with(|_| {
            let cfg: Config = settings().extract()?;
            assert_eq!(cfg.trusted_proxies, vec!["127.0.0.1".to_string(), "::1".to_string()]);
            Ok(())
        });
    }
}
