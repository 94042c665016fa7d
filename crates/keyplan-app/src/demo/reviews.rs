//! The demo's reviews: Brightwater's plan had a team review a month ago (its snapshot
//! frozen then), changed since, and has a management review coming up that opens
//! with what changed; Kestrel's draft is overdue for review, so the stale marker shows.

use keyplan_domain::review::ReviewKind;
use keyplan_domain::tree::{CommitmentStatus, NodeKind};
use keyplan_domain::{PlanId, UserId};
use keyplan_store::NodeWrite;

use super::Demo;

impl Demo<'_> {
    /// A team review held a month ago, then changes, then an upcoming management review.
    pub(super) async fn reviewed_a_month_ago(&self, plan: PlanId) -> anyhow::Result<()> {
        let kam = self.user("lena.hoffmann");
        let r = self.store.create_review(self.org, plan, ReviewKind::Team, self.day(-30), Some(kam)).await?;
        for login in ["lena.hoffmann", "tom.becker", "julia.weber", "omar.haddad"] {
            self.store.add_participant(self.org, r.id, Some(self.user(login)), None).await?;
        }
        let text = keyplan_store::ReviewText {
            review_date: r.review_date,
            notes: Some("Leipzig workshop went well; Bremen service coverage is the open risk.".into()),
            decisions: Some("Julia starts the line-integration study now; Tom proposes a date for the Bremen technician.".into()),
        };
        let r = self.store.update_review(self.org, r.id, r.version, &text, kam).await?;
        self.hold_on_its_date(&r, kam).await?;

        // Since then: a commitment moved on and a new one was added.
        let nodes = self.store.nodes(self.org, plan).await?;
        if let Some(n) = nodes.iter().find(|n| n.title.starts_with("Prepare a spare-parts criticality list")) {
            let mut w = NodeWrite::from_node(n);
            w.status = Some(CommitmentStatus::Done);
            self.store.update_node(self.org, n.id, n.version, &w, self.user("omar.haddad")).await?;
        }
        if let Some(o) = nodes.iter().find(|n| n.kind() == NodeKind::Obstacle && n.title.starts_with("No reference installation")) {
            self.commitment(
                plan,
                o.id,
                "Publish the Alpenmilch case study with measured uptime",
                "julia.weber",
                "julia.weber",
                (0, 45),
                "Case study approved by Alpenmilch and sent to Markus Lang",
                (keyplan_domain::tree::Acceptance::Accepted, CommitmentStatus::InProgress),
                None,
            )
            .await?;
        }
        let upcoming = self.store.create_review(self.org, plan, ReviewKind::Management, self.day(7), Some(kam)).await?;
        for login in ["lena.hoffmann", "martin.keller"] {
            self.store.add_participant(self.org, upcoming.id, Some(self.user(login)), None).await?;
        }
        Ok(())
    }

    /// A plan whose next review date has passed.
    pub(super) async fn overdue_for_review(&self, plan: PlanId, by: UserId) -> anyhow::Result<()> {
        let p = self.store.plan(self.org, plan).await?;
        self.store.set_review_schedule(self.org, plan, p.version, 3, Some(self.day(-12)), by).await?;
        Ok(())
    }
}
