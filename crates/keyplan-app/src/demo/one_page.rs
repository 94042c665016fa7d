//! The demo's one-page constraint plans: Brightwater (complete, with
//! commitments in every state of acceptance), Helix Pharma, and a fresh Kestrel
//! draft that is overdue for its review.

use keyplan_domain::plan::PlanStatus;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, ContactId, PlanId};

use super::Demo;

/// The Brightwater and Helix people the plans name.
pub(super) struct Named {
    pub bw_ceo: ContactId,
    pub bw_eng: ContactId,
    pub bw_buy: ContactId,
    pub bw_bremen: ContactId,
    pub hx_head: ContactId,
    pub hx_qa: ContactId,
}

impl Demo<'_> {
    /// Plans 1 to 3; answers the Brightwater plan, which is shared with the customer.
    pub(super) async fn one_page_plans(
        &self,
        brightwater: AccountId,
        helix: AccountId,
        kestrel: AccountId,
        c: &Named,
    ) -> anyhow::Result<PlanId> {
        let d = self;
        // --- plan 1: Brightwater, a complete one-page plan with commitments in every state ---
        let p = d.plan(brightwater, "Brightwater Foods — grow to €2.6m", PlanStatus::Active, -60, "lena.hoffmann").await?;
        let g = d
            .goal(
                p,
                "Grow Brightwater revenue from €1.8m to €2.6m",
                "Revenue with Brightwater Foods",
                1_800_000.0,
                2_600_000.0,
                "EUR",
                300,
                "lena.hoffmann",
            )
            .await?;
        d.brightwater_opportunities(brightwater, g).await?;
        let csf1 = d.node(p, NodeKind::Csf, Some(g), "Become approved supplier for the new Leipzig plant", "lena.hoffmann").await?;
        let c11 = d
            .node(p, NodeKind::Condition, Some(csf1), "Our dosing units are specified in the Leipzig line design", "lena.hoffmann")
            .await?;
        let o111 =
            d.node(p, NodeKind::Obstacle, Some(c11), "Plant engineering only knows the competitor's dosing units", "lena.hoffmann").await?;
        d.commitment(
            p,
            o111,
            "Run a two-day dosing workshop for the Leipzig engineering team",
            "omar.haddad",
            "lena.hoffmann",
            (-50, -20),
            "Workshop held with at least 6 engineers; minutes signed by Markus Lang",
            (Acceptance::Accepted, CommitmentStatus::Done),
            Some(c.bw_eng),
        )
        .await?;
        d.commitment(
            p,
            o111,
            "Deliver a line-integration study with 3D layouts for lines 2 and 3",
            "julia.weber",
            "lena.hoffmann",
            (-15, 40),
            "Study accepted by plant engineering in the design review",
            (Acceptance::Accepted, CommitmentStatus::InProgress),
            Some(c.bw_eng),
        )
        .await?;
        let o112 =
            d.node(p, NodeKind::Obstacle, Some(c11), "No reference installation in a dairy plant of that size", "lena.hoffmann").await?;
        d.commitment(
            p,
            o112,
            "Take Markus Lang's team to the Alpenmilch reference site",
            "lena.hoffmann",
            "lena.hoffmann",
            (-40, -12),
            "Visit done; written feedback from 3 participants",
            (Acceptance::Accepted, CommitmentStatus::Done),
            Some(c.bw_eng),
        )
        .await?;
        let c12 = d.node(p, NodeKind::Condition, Some(csf1), "Procurement lists us in the framework tender", "lena.hoffmann").await?;
        let o121 = d.node(p, NodeKind::Obstacle, Some(c12), "Our payment terms do not meet their 90-day policy", "lena.hoffmann").await?;
        d.commitment(
            p,
            o121,
            "Get finance approval for 90-day terms on framework volumes",
            "martin.keller",
            "lena.hoffmann",
            (0, 30),
            "Signed approval from the CFO for volumes above €1m",
            (Acceptance::Proposed, CommitmentStatus::Open),
            Some(c.bw_buy),
        )
        .await?;
        let csf2 = d.node(p, NodeKind::Csf, Some(g), "Cut unplanned downtime on the existing lines", "lena.hoffmann").await?;
        let c21 = d.node(p, NodeKind::Condition, Some(csf2), "Service response under 8 hours at all three plants", "lena.hoffmann").await?;
        let o211 =
            d.node(p, NodeKind::Obstacle, Some(c21), "No service technician within 200 km of the Bremen plant", "lena.hoffmann").await?;
        d.commitment(
            p,
            o211,
            "Station a certified service technician in Bremen",
            "tom.becker",
            "lena.hoffmann",
            (5, 75),
            "Technician on site, 8-hour response measured over one month",
            (Acceptance::DateProposed, CommitmentStatus::Open),
            Some(c.bw_bremen),
        )
        .await?;
        d.commitment(
            p,
            o211,
            "Send the monthly downtime report to the three plant managers",
            "tom.becker",
            "lena.hoffmann",
            (-45, -10),
            "Report sent by the 5th working day, every month",
            (Acceptance::Accepted, CommitmentStatus::Missed),
            Some(c.bw_bremen),
        )
        .await?;
        let c22 = d.node(p, NodeKind::Condition, Some(csf2), "Critical spare parts available on site", "lena.hoffmann").await?;
        let o221 =
            d.node(p, NodeKind::Obstacle, Some(c22), "Their inventory policy does not allow consignment stock", "lena.hoffmann").await?;
        d.commitment(
            p,
            o221,
            "Propose a vendor-managed inventory pilot to the supply-chain director",
            "julia.weber",
            "lena.hoffmann",
            (20, 90),
            "Pilot agreement signed for the Bremen plant",
            (Acceptance::Declined, CommitmentStatus::Open),
            None,
        )
        .await?;
        d.commitment(
            p,
            o221,
            "Prepare a spare-parts criticality list with Bremen maintenance",
            "omar.haddad",
            "lena.hoffmann",
            (-5, -2),
            "List of top-30 parts agreed with Felix Braun",
            (Acceptance::Accepted, CommitmentStatus::InProgress),
            None,
        )
        .await?;
        d.commitment(
            p,
            o221,
            "Present total-cost-of-downtime figures to Dr. Richter",
            "omar.haddad",
            "lena.hoffmann",
            (15, 60),
            "Presentation held; follow-up meeting agreed",
            (Acceptance::Proposed, CommitmentStatus::Open),
            Some(c.bw_ceo),
        )
        .await?;

        d.reviewed_a_month_ago(p).await?;

        // --- plan 2: Helix Pharma ---
        let p2 = d.plan(helix, "Helix Pharma — win the Basel sterile-filling line", PlanStatus::Active, -30, "lena.hoffmann").await?;
        let g2 = d
            .goal(
                p2,
                "Win the Basel sterile-filling line and reach €1.5m",
                "Revenue with Helix Pharma",
                900_000.0,
                1_500_000.0,
                "EUR",
                330,
                "lena.hoffmann",
            )
            .await?;
        let f1 = d.node(p2, NodeKind::Csf, Some(g2), "Pass Helix's supplier qualification for sterile processes", "lena.hoffmann").await?;
        let k1 = d.node(p2, NodeKind::Condition, Some(f1), "A validation package QA accepts without findings", "lena.hoffmann").await?;
        let b1 = d.node(p2, NodeKind::Obstacle, Some(k1), "Our documentation lacks the GAMP 5 risk assessment", "lena.hoffmann").await?;
        d.commitment(
            p2,
            b1,
            "Write the GAMP 5 risk assessment for the filling module",
            "julia.weber",
            "lena.hoffmann",
            (-20, 25),
            "Assessment reviewed by Nina Baumann without major findings",
            (Acceptance::Accepted, CommitmentStatus::InProgress),
            Some(c.hx_qa),
        )
        .await?;
        d.commitment(
            p2,
            b1,
            "Hold a validation workshop with Helix QA",
            "omar.haddad",
            "lena.hoffmann",
            (30, 60),
            "Workshop held; open points list agreed",
            (Acceptance::Proposed, CommitmentStatus::Open),
            Some(c.hx_qa),
        )
        .await?;
        let f2 = d.node(p2, NodeKind::Csf, Some(g2), "Dr. Meier sees us as the lower-risk choice", "lena.hoffmann").await?;
        let k2 = d.node(p2, NodeKind::Condition, Some(f2), "A working trial on their product in our test centre", "lena.hoffmann").await?;
        let b2 = d.node(p2, NodeKind::Obstacle, Some(k2), "Test-centre capacity is booked until spring", "lena.hoffmann").await?;
        d.commitment(
            p2,
            b2,
            "Reserve a two-week trial slot in the test centre",
            "sofia.brandt",
            "lena.hoffmann",
            (-25, -5),
            "Slot confirmed in writing by the test-centre lead",
            (Acceptance::Accepted, CommitmentStatus::Done),
            Some(c.hx_head),
        )
        .await?;
        d.commitment(
            p2,
            b2,
            "Run the trial and send the report to Dr. Meier",
            "omar.haddad",
            "lena.hoffmann",
            (40, 80),
            "Trial report with fill-weight accuracy below 0.5%",
            (Acceptance::Accepted, CommitmentStatus::Open),
            Some(c.hx_head),
        )
        .await?;

        // --- plan 3: Kestrel, a fresh draft ---
        // Started a quarter ago: its first review date has passed (see `overdue_for_review`).
        let p3 = d.plan(kestrel, "Kestrel Marine — retrofit programme", PlanStatus::Draft, -100, "james.carter").await?;
        d.goal(
            p3,
            "Win the retrofit programme for 12 vessels",
            "Vessels retrofitted with our systems",
            0.0,
            12.0,
            "vessels",
            360,
            "james.carter",
        )
        .await?;

        d.overdue_for_review(p3, d.user("james.carter")).await?;
        Ok(p)
    }
}
