//! `keyplan review list | add | hold` and `keyplan diff`: a plan's reviews, and what
//! changed between two versions of a plan (snapshot ids or `current`).

use anyhow::Context;
use clap::Subcommand;
use keyplan_app::AppError;
use keyplan_app::snapshots::Version;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::validate::{format_date, parse_date};
use keyplan_domain::{OrgId, PlanId, ReviewId};
use keyplan_store::{Store, StoreError};

use crate::{DbArg, open};

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// List a plan's reviews (latest first) and its snapshots.
    List {
        plan: i64,
        #[command(flatten)]
        db: DbArg,
    },
    /// Plan a review.
    Add {
        plan: i64,
        /// team, management or customer.
        #[arg(long, default_value = "team")]
        kind: String,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Hold a review: freeze the plan as it is now as the review's snapshot.
    Hold {
        review: i64,
        /// The review's version as you saw it (`review list` shows it); refused when it changed since.
        #[arg(long)]
        version: Option<i64>,
        #[command(flatten)]
        db: DbArg,
    },
}

/// The problem, on one line.
fn problem(e: AppError) -> anyhow::Error {
    match e {
        AppError::Validation(_) => anyhow::anyhow!(crate::english(&e)),
        AppError::Conflict { current_version } => {
            anyhow::anyhow!("it was changed in the meantime (now at version {current_version}); nothing was written")
        }
        e => anyhow::anyhow!("{e}"),
    }
}

async fn plan_org(store: &Store, id: i64) -> anyhow::Result<OrgId> {
    store.plan_org(PlanId::new(id)).await.map_err(|e| match e {
        StoreError::NotFound => anyhow::anyhow!("no plan with id {id}"),
        e => e.into(),
    })
}

pub async fn run(command: ReviewCommand) -> anyhow::Result<()> {
    match command {
        ReviewCommand::List { plan, db } => {
            let store = open(&db).await?;
            let org = plan_org(&store, plan).await?;
            let id = PlanId::new(plan);
            let sched = keyplan_app::reviews::schedule(&store, org, id).await.map_err(problem)?;
            println!(
                "Reviewed every {} months; next review {}{}",
                sched.cadence_months,
                format_date(sched.due),
                if sched.overdue { " (overdue)" } else { "" }
            );
            let reviews = store.reviews(org, id).await?;
            if reviews.is_empty() {
                println!("No reviews yet.");
            }
            for r in &reviews {
                let held = match (r.held_at, r.snapshot_id) {
                    (Some(_), Some(s)) => format!("held, snapshot {s}"),
                    _ => "planned".into(),
                };
                let signoff = r.signoff().map(|s| format!(", {}", s.label().to_lowercase())).unwrap_or_default();
                println!("{:>5}  {}  {:<22} {held}{signoff}, version {}", r.id, format_date(r.review_date), r.kind().label(), r.version);
            }
            Ok(())
        }
        ReviewCommand::Add { plan, kind, date, db } => {
            let kind = ReviewKind::parse(&kind).context("--kind must be team, management or customer")?;
            let date = match date {
                Some(d) => parse_date("date", &d).map_err(|e| anyhow::anyhow!("--date {}", keyplan_app::english(&e.message)))?,
                None => keyplan_app::today(),
            };
            let store = open(&db).await?;
            let org = plan_org(&store, plan).await?;
            let r = store.create_review(org, PlanId::new(plan), kind, date, None).await?;
            println!("Planned {} on {} (review id {}).", r.kind().label().to_lowercase(), format_date(r.review_date), r.id);
            Ok(())
        }
        ReviewCommand::Hold { review, version, db } => {
            let store = open(&db).await?;
            let id = ReviewId::new(review);
            let org = store.review_org(id).await.map_err(|e| match e {
                StoreError::NotFound => anyhow::anyhow!("no review with id {review}"),
                e => e.into(),
            })?;
            let r = store.review(org, id).await?;
            let held = keyplan_app::reviews::hold_as(&store, org, &r, version, None).await.map_err(problem)?;
            println!(
                "Held review {}: the plan is frozen as snapshot {}.",
                held.id,
                held.snapshot_id.map(|s| s.to_string()).unwrap_or_default()
            );
            Ok(())
        }
    }
}

/// `keyplan diff PLAN FROM TO`: the readable list of changes, one per line.
pub async fn diff(plan: i64, from: &str, to: &str, db: &DbArg) -> anyhow::Result<()> {
    let parse = |raw: &str| Version::parse(raw).with_context(|| format!("\"{raw}\" is neither a snapshot id nor current"));
    let (from, to) = (parse(from)?, parse(to)?);
    let store = open(db).await?;
    let org = plan_org(&store, plan).await?;
    let changes = keyplan_app::reviews::diff(&store, org, PlanId::new(plan), from, to).await.map_err(|e| match e {
        AppError::NotFound => anyhow::anyhow!("no such snapshot of plan {plan}"),
        e => problem(e),
    })?;
    if changes.is_empty() {
        println!("No changes.");
        return Ok(());
    }
    for c in &changes {
        let mark = match c.kind {
            keyplan_domain::snapshot::ChangeKind::Added => '+',
            keyplan_domain::snapshot::ChangeKind::Removed => '-',
            keyplan_domain::snapshot::ChangeKind::Changed => '~',
        };
        println!("{mark} {}", c.text);
    }
    println!("{} {}", changes.len(), if changes.len() == 1 { "change" } else { "changes" });
    Ok(())
}
