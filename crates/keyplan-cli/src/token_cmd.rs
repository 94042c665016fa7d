//! `keyplan token create|list|revoke`: API tokens for the operator of the
//! server, who reaches the database directly (the same life cycle as the
//! *API tokens* page and `/api/v1/tokens`).

use anyhow::{Context, bail};
use clap::Subcommand;
use keyplan_app::tokens::{Life, expiry};
use keyplan_domain::TokenId;
use keyplan_store::ApiToken;
use time::OffsetDateTime;

use crate::{DbArg, open};

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user; the token is printed as the last line.
    Create {
        #[arg(long)]
        email: String,
        /// A label to recognise the token by.
        #[arg(long, default_value = "command line")]
        name: String,
        /// Days the token works (1 to 3650), or `never`; default: the organisation's setting.
        #[arg(long, value_name = "DAYS")]
        expires_in_days: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
    /// List API tokens (never their secrets): one user's with --email, else every organisation's.
    List {
        #[arg(long)]
        email: Option<String>,
        /// Print JSON, one object per token, as GET /api/v1/tokens does.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArg,
    },
    /// Revoke an API token by its id (see `keyplan token list`).
    Revoke {
        id: i64,
        #[command(flatten)]
        db: DbArg,
    },
}

fn rfc3339(at: Option<OffsetDateTime>) -> serde_json::Value {
    at.and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok()).map_or(serde_json::Value::Null, serde_json::Value::from)
}

fn json_of(t: &ApiToken, now: OffsetDateTime) -> serde_json::Value {
    serde_json::json!({
        "id": t.id.get(), "name": t.name, "user_id": t.user_id.get(), "user_name": t.user_name, "user_email": t.user_email,
        "created_at": rfc3339(Some(t.created_at)), "last_used_at": rfc3339(t.last_used_at),
        "expires_at": rfc3339(t.expires_at), "revoked_at": rfc3339(t.revoked_at), "state": t.state(now),
    })
}

fn day(at: Option<OffsetDateTime>, none: &str) -> String {
    at.map(|t| format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())).unwrap_or_else(|| none.to_string())
}

pub async fn run(command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create { email, name, expires_in_days, db } => {
            let store = open(&db).await?;
            let email = email.trim().to_lowercase();
            let user = store.user_by_email(&email).await?.with_context(|| format!("no user with e-mail {email}"))?;
            if !user.active {
                bail!("{email} cannot sign in (deactivated)");
            }
            let name = keyplan_domain::validate::required("name", &name, keyplan_domain::text::MAX_NAME)?;
            let life = Life::parse("expires-in-days", expires_in_days.as_deref().unwrap_or(""))
                .map_err(|_| anyhow::anyhow!("--expires-in-days must be a number of days from 1 to 3650, or `never`"))?;
            let (settings, _) = store.organisation_settings(user.org_id).await?;
            let expires_at = expiry(life, settings.api_token_days, OffsetDateTime::now_utc());
            let token = keyplan_app::auth::new_api_token();
            store.create_api_token(user.id, &name, &keyplan_app::auth::token_hash(&token), expires_at).await?;
            eprintln!("API token for {} ({}) — shown once, store it now:", user.email, day(expires_at, "no expiry"));
            println!("{token}");
            Ok(())
        }
        TokenCommand::List { email, json, db } => {
            let store = open(&db).await?;
            let (org, user) = match email {
                Some(e) => {
                    let e = e.trim().to_lowercase();
                    let u = store.user_by_email(&e).await?.with_context(|| format!("no user with e-mail {e}"))?;
                    (Some(u.org_id), Some(u.id))
                }
                None => (None, None),
            };
            let tokens = store.list_api_tokens(org, user).await?;
            let now = OffsetDateTime::now_utc();
            if json {
                let list: Vec<_> = tokens.iter().map(|t| json_of(t, now)).collect();
                println!("{}", serde_json::to_string_pretty(&list)?);
                return Ok(());
            }
            if tokens.is_empty() {
                println!("No API tokens.");
            }
            for t in &tokens {
                println!(
                    "{:>5}  {:<8} {:<24} {:<32} made {}  last used {}  expires {}",
                    t.id.get(),
                    t.state(now),
                    t.name,
                    t.user_email,
                    day(Some(t.created_at), "-"),
                    day(t.last_used_at, "never"),
                    day(t.expires_at, "never"),
                );
            }
            Ok(())
        }
        TokenCommand::Revoke { id, db } => {
            let store = open(&db).await?;
            let id = TokenId::new(id);
            if !store.revoke_api_token(None, id).await? {
                bail!("no API token with id {}", id.get());
            }
            let t = store.api_token(None, id).await?.context("the token vanished")?;
            println!("Revoked API token {} “{}” of {}.", t.id.get(), t.name, t.user_email);
            Ok(())
        }
    }
}
