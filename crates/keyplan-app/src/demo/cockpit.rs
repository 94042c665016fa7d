//! The demo's sales teams, a commitment that slipped (so the cockpit has an
//! overdue one to show), and the cockpit's totals of 90 days ago, so it shows
//! a trend from the first day: then, more was overdue and less of the goals
//! was reached.

use keyplan_domain::cockpit::{Totals, comparison_day};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{OrgId, PlanId};
use keyplan_store::{NodeWrite, Store};
use time::{Date, Duration};

/// Who works in which sales team.
const TEAMS: &[(&str, &str)] = &[
    ("martin.keller", "DACH"),
    ("lena.hoffmann", "DACH"),
    ("priya.nair", "DACH"),
    ("tom.becker", "DACH"),
    ("sofia.brandt", "International"),
    ("james.carter", "International"),
    ("daniel.roth", "International"),
    ("aylin.demir", "International"),
    ("julia.weber", "International"),
];

/// Puts the demo users in their teams and keeps the totals of 90 days ago.
pub(super) async fn seed(store: &Store, org: OrgId, today: Date) -> anyhow::Result<()> {
    for (login, team) in TEAMS {
        let Some(user) = store.user_by_email(&format!("{login}@northwind.example")).await? else { continue };
        store.set_user_team(org, user.id, user.version, Some(team)).await?;
    }
    slipped_commitment(store, org, today).await?;
    let now = crate::cockpit::organisation_totals(store, org, today).await?;
    let then = Totals {
        kams: now.kams,
        active_plans: (now.active_plans - 1).max(0),
        kams_over_limit: now.kams_over_limit,
        overdue_commitments: now.overdue_commitments + 3,
        unaccepted_commitments: now.unaccepted_commitments + 2,
        blocked_obstacles: now.blocked_obstacles + 1,
        overdue_reviews: now.overdue_reviews + 1,
        stale_reviews: now.stale_reviews,
        goal_progress: now.goal_progress.map(|g| (g - 0.15).max(0.0)),
    };
    store.record_cockpit_totals(org, comparison_day(today), &then).await?;
    Ok(())
}

/// The Helix plan (plan 2, Lena Hoffmann's): Julia's validation summary was due
/// six days ago and is still in progress.
async fn slipped_commitment(store: &Store, org: OrgId, today: Date) -> anyhow::Result<()> {
    let plan = PlanId::new(2);
    let nodes = store.nodes(org, plan).await?;
    let Some(obstacle) = nodes.iter().find(|n| n.kind() == NodeKind::Obstacle) else { return Ok(()) };
    let (Some(julia), Some(lena)) =
        (store.user_by_email("julia.weber@northwind.example").await?, store.user_by_email("lena.hoffmann@northwind.example").await?)
    else {
        return Ok(());
    };
    let mut w = NodeWrite::titled("Send the cleaning-validation summary to Helix quality assurance");
    w.owner_id = Some(julia.id);
    w.author_id = Some(lena.id);
    w.start_date = Some(today - Duration::days(30));
    w.due_date = Some(today - Duration::days(6));
    w.done_criterion = Some("Summary received and acknowledged by Helix QA".into());
    w.acceptance = Some(Acceptance::Accepted);
    w.status = Some(CommitmentStatus::InProgress);
    store.create_node(org, plan, NodeKind::Commitment, Some(obstacle.id), &w, lena.id).await?;
    crate::coach::marks::remark(store, org, plan).await;
    Ok(())
}
