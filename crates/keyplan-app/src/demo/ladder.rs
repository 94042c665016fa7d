//! The demo's plans on the coach's higher rungs, so a newcomer sees the
//! excellence ladder at work next to the plans with gaps:
//!
//! * Solace Medical Devices (level 3): the team works on the plan and reviews
//!   it in rhythm, but the customer has not yet seen any of it.
//! * Arcadia Packaging (level 5): reviewed by the team, opened by the customer
//!   through a share link, reviewed jointly with decisions recorded, and a
//!   joint commitment the customer accepted on the share page, not overdue.

use keyplan_domain::analysis::Benefit;
use keyplan_domain::customer::CustomerAnswerInput;
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, ContactId, Lang, Message, NodeId, PlanId};
use keyplan_store::{ReviewText, SideEffects};

use super::Demo;
use crate::collab::shorten;

/// A held review: kind, days from today, notes, decisions.
struct Held<'a> {
    kind: ReviewKind,
    day: i64,
    notes: &'a str,
    decisions: &'a str,
}

impl Demo<'_> {
    /// The account's contact of that name (the demo creates them all).
    async fn contact_named(&self, account: AccountId, name: &str) -> anyhow::Result<ContactId> {
        let contacts = self.store.contacts(self.org, account).await?;
        contacts.iter().find(|c| c.name == name).map(|c| c.id).ok_or_else(|| anyhow::anyhow!("demo contact {name} is missing"))
    }

    /// A measurable goal that says who gains from it.
    #[allow(clippy::too_many_arguments)]
    async fn goal_for(
        &self,
        plan: PlanId,
        title: &str,
        metric: &str,
        (baseline, target): (f64, f64),
        unit: &str,
        days: i64,
        benefit: Benefit,
        author: &str,
    ) -> anyhow::Result<NodeId> {
        let mut w = self.measured(title, metric, (baseline, target), unit, days);
        w.benefit = Some(benefit);
        Ok(self.store.create_node(self.org, plan, NodeKind::Goal, None, &w, self.user(author)).await?.id)
    }

    /// Holds a review as the team does: participants, notes and decisions, then held.
    async fn hold(&self, plan: PlanId, kam: &str, people: &[&str], guests: &[ContactId], h: Held<'_>) -> anyhow::Result<()> {
        let by = self.user(kam);
        let r = self.store.create_review(self.org, plan, h.kind, self.day(h.day), Some(by)).await?;
        for login in people {
            self.store.add_participant(self.org, r.id, Some(self.user(login)), None).await?;
        }
        for guest in guests {
            self.store.add_participant(self.org, r.id, None, Some(*guest)).await?;
        }
        let text = ReviewText { review_date: r.review_date, notes: Some(h.notes.into()), decisions: Some(h.decisions.into()) };
        let r = self.store.update_review(self.org, r.id, r.version, &text, by).await?;
        self.hold_on_its_date(&r, by).await?;
        Ok(())
    }

    /// Plans 5 and 6: Solace on level 3, Arcadia on level 5.
    pub(super) async fn ladder_plans(&self, solace: AccountId, arcadia: AccountId) -> anyhow::Result<()> {
        self.solace_plan(solace).await?;
        self.arcadia_plan(arcadia).await
    }

    /// Level 3: team contributions and two team reviews in rhythm; the customer not yet involved.
    async fn solace_plan(&self, solace: AccountId) -> anyhow::Result<()> {
        let d = self;
        let kam = "priya.nair";
        let pieter = d.contact_named(solace, "Pieter de Vries").await?;
        let p = d.plan(solace, "Solace Medical — designed into the next infusion pump", PlanStatus::Active, -150, kam).await?;
        let g = d
            .goal_for(
                p,
                "Be designed into the new infusion pump and grow Solace to €800k",
                "Revenue with Solace Medical Devices",
                (420_000.0, 800_000.0),
                "EUR",
                200,
                Benefit::Us,
                kam,
            )
            .await?;
        let f1 = d.node(p, NodeKind::Csf, Some(g), "Pass Solace's supplier audit under ISO 13485", kam).await?;
        let k1 = d.node(p, NodeKind::Condition, Some(f1), "Our quality records meet the auditor's checklist", kam).await?;
        let b1 = d.node(p, NodeKind::Obstacle, Some(k1), "Change-control records of the micro-dosing module are incomplete", kam).await?;
        d.commitment(
            p,
            b1,
            "Complete the change-control records for the last three module revisions",
            "omar.haddad",
            kam,
            (-140, -100),
            "Records complete and signed off by our quality manager",
            (Acceptance::Accepted, CommitmentStatus::Done),
            None,
        )
        .await?;
        d.commitment(
            p,
            b1,
            "Run a mock audit with an external ISO 13485 auditor",
            kam,
            kam,
            (-40, 20),
            "Mock audit report with no major non-conformity",
            (Acceptance::Accepted, CommitmentStatus::InProgress),
            None,
        )
        .await?;
        let f2 = d.node(p, NodeKind::Csf, Some(g), "R&D designs our micro-dosing module into the pump", kam).await?;
        let k2 = d.node(p, NodeKind::Condition, Some(f2), "A prototype doses within ±1 % at the lowest flow rate", kam).await?;
        let b2 = d.node(p, NodeKind::Obstacle, Some(k2), "Our standard module reaches only ±2 % below 1 ml/h", kam).await?;
        d.commitment(
            p,
            b2,
            "Build three low-flow prototypes and test them with Pieter de Vries's team",
            "omar.haddad",
            "omar.haddad",
            (-90, 30),
            "Three prototypes tested in Solace's lab; results logged",
            (Acceptance::Accepted, CommitmentStatus::InProgress),
            Some(pieter),
        )
        .await?;
        d.commitment(
            p,
            b2,
            "Deliver the accuracy test report for the low-flow prototypes",
            "omar.haddad",
            kam,
            (40, 110),
            "Report accepted by Solace R&D as design input",
            (Acceptance::Proposed, CommitmentStatus::Open),
            Some(pieter),
        )
        .await?;
        let k3 = d.node(p, NodeKind::Condition, Some(f2), "Our price fits the pump's cost target", kam).await?;
        let b3 = d.node(p, NodeKind::Obstacle, Some(k3), "Our list price is 20 % above the cost target for dosing", kam).await?;
        d.commitment(
            p,
            b3,
            "Offer a volume price ladder for 10,000 to 50,000 units a year",
            kam,
            kam,
            (10, 75),
            "Price ladder approved by our sales director and sent to Solace",
            (Acceptance::Accepted, CommitmentStatus::Open),
            None,
        )
        .await?;

        let team = ["priya.nair", "omar.haddad"];
        let held = [
            Held {
                kind: ReviewKind::Team,
                day: -110,
                notes: "Audit date confirmed for spring; change-control records were the biggest gap.",
                decisions: "Omar finishes the records first; Priya books the external mock audit.",
            },
            Held {
                kind: ReviewKind::Team,
                day: -20,
                notes: "Records done; the prototypes reach ±1.2 % so far. Solace has not seen our plan yet.",
                decisions: "Omar proposes a date for the test report; Priya prepares the price ladder before the next review.",
            },
        ];
        for h in held {
            d.hold(p, kam, &team, &[], h).await?;
        }
        Ok(())
    }

    /// Level 5: the team, the rhythm, and the customer at the table.
    async fn arcadia_plan(&self, arcadia: AccountId) -> anyhow::Result<()> {
        let d = self;
        let kam = "james.carter";
        let oliver = d.contact_named(arcadia, "Oliver Grant").await?;
        let amelia = d.contact_named(arcadia, "Amelia Hughes").await?;
        d.store.set_team_member(d.org, arcadia, d.user("tom.becker"), "Service").await?;
        let p = d.plan(arcadia, "Arcadia Packaging — glue dosing on every Leeds carton line", PlanStatus::Active, -200, kam).await?;
        let g = d
            .goal_for(
                p,
                "Equip all six Leeds carton lines with our hot-melt dosing and halve glue rejects",
                "Leeds carton lines running our dosing units",
                (2.0, 6.0),
                "lines",
                150,
                Benefit::Both,
                kam,
            )
            .await?;
        let f1 = d.node(p, NodeKind::Csf, Some(g), "Prove the reject reduction on line 3 before the budget round", kam).await?;
        let k1 = d.node(p, NodeKind::Condition, Some(f1), "Reject data from line 3, before and after, signed off by Arcadia", kam).await?;
        let b1 = d.node(p, NodeKind::Obstacle, Some(k1), "Arcadia cannot measure rejects by cause on its lines", kam).await?;
        d.commitment(
            p,
            b1,
            "Install a glue-bead camera on line 3 for an eight-week measurement",
            "tom.becker",
            kam,
            (-190, -160),
            "Camera running; reject causes logged per shift",
            (Acceptance::Accepted, CommitmentStatus::Done),
            Some(amelia),
        )
        .await?;
        d.commitment(
            p,
            b1,
            "Send the line-3 before-and-after reject report to Amelia Hughes",
            "julia.weber",
            "julia.weber",
            (-120, -95),
            "Report shows rejects from glue faults down from 2.4 % to 1.1 %; signed by Amelia Hughes",
            (Acceptance::Accepted, CommitmentStatus::Done),
            Some(amelia),
        )
        .await?;
        let k2 = d.node(p, NodeKind::Condition, Some(f1), "The operations director funds the roll-out", kam).await?;
        let b2 = d.node(p, NodeKind::Obstacle, Some(k2), "Arcadia's capital budget closes before a full trial would end", kam).await?;
        d.commitment(
            p,
            b2,
            "Present the line-3 business case to Oliver Grant at the budget meeting",
            kam,
            kam,
            (-60, -35),
            "Roll-out to lines 4 to 6 approved in the capital budget",
            (Acceptance::Accepted, CommitmentStatus::Done),
            Some(oliver),
        )
        .await?;
        let f2 = d.node(p, NodeKind::Csf, Some(g), "Convert the lines without losing production", kam).await?;
        let k3 = d.node(p, NodeKind::Condition, Some(f2), "Each line converted within a planned weekend shutdown", kam).await?;
        let b3 = d.node(p, NodeKind::Obstacle, Some(k3), "Shutdowns last 36 hours; a conversion takes our engineers 48", kam).await?;
        d.commitment(
            p,
            b3,
            "Pre-assemble a dosing kit per line so a conversion takes under 30 hours",
            "julia.weber",
            kam,
            (-20, 40),
            "Kit for line 4 assembled; conversion rehearsed in our workshop in 28 hours",
            (Acceptance::Accepted, CommitmentStatus::InProgress),
            None,
        )
        .await?;
        let calendar = d
            .commitment(
                p,
                b3,
                "Agree the conversion dates for lines 4 to 6 with Arcadia's maintenance planning",
                kam,
                kam,
                (0, 60),
                "Three shutdown dates confirmed in Arcadia's maintenance plan",
                (Acceptance::Accepted, CommitmentStatus::InProgress),
                Some(amelia),
            )
            .await?;
        d.commitment(
            p,
            b3,
            "Convert lines 4 to 6, one per planned shutdown",
            "tom.becker",
            kam,
            (60, 140),
            "Lines 4 to 6 running our dosing units; glue rejects below 1.2 % for a month",
            (Acceptance::Accepted, CommitmentStatus::Open),
            Some(amelia),
        )
        .await?;
        let k4 = d.node(p, NodeKind::Condition, Some(f2), "Arcadia's operators run and clean the units themselves", kam).await?;
        let b4 = d.node(p, NodeKind::Obstacle, Some(k4), "The night shift has never worked with hot-melt dosing", kam).await?;
        d.commitment(
            p,
            b4,
            "Train both Leeds shifts and certify two super-users per shift",
            "tom.becker",
            kam,
            (40, 120),
            "Twelve operators certified; super-users named in the shift plan",
            (Acceptance::Accepted, CommitmentStatus::Open),
            None,
        )
        .await?;

        let team = ["james.carter", "julia.weber", "tom.becker"];
        let team_reviews = [
            Held {
                kind: ReviewKind::Team,
                day: -150,
                notes: "The camera is running on line 3; first data show most rejects come from open glue joints.",
                decisions: "Julia writes the before-and-after report; James asks Oliver Grant for a slot at the budget meeting.",
            },
            Held {
                kind: ReviewKind::Team,
                day: -45,
                notes: "Report signed by Amelia Hughes; the business case is ready for the budget meeting.",
                decisions: "Julia designs the pre-assembled kits; Tom plans the operator training.",
            },
        ];
        for h in team_reviews {
            d.hold(p, kam, &team, &[], h).await?;
        }
        let joint = Held {
            kind: ReviewKind::Customer,
            day: -30,
            notes: "Oliver Grant confirmed the budget for lines 4 to 6; Amelia Hughes wants the conversions done before the peak season.",
            decisions: "Lines 4 to 6 are converted in planned shutdowns; Arcadia names two super-users per shift for the training.",
        };
        d.hold(p, kam, &["james.carter", "julia.weber"], &[oliver, amelia], joint).await?;
        d.customer_at_the_table(p, calendar, amelia).await
    }

    /// Offers the conversion calendar to the customer, and the customer opens
    /// the share link and accepts it, as on the share page.
    async fn customer_at_the_table(&self, plan: PlanId, node: NodeId, contact: ContactId) -> anyhow::Result<()> {
        let kam = self.user("james.carter");
        let n = self.store.node(self.org, node).await?;
        let history = Message::new("stored-joint-offered").arg("title", shorten(&n.title, 80)).arg("contact", "Amelia Hughes");
        let effects = SideEffects { action: "joint_offered", actor: Some(kam), history: &history, notify: None };
        self.store.offer_joint(self.org, plan, node, contact, 0, &effects).await?;

        let token = crate::auth::random_token();
        let hash = crate::auth::token_hash(&token);
        self.store.create_share_link(self.org, plan, &hash, "Arcadia operations team", self.day(60), kam).await?;
        let link = match crate::sharing::open(self.store, &token, "192.0.2.44", Lang::En, None).await? {
            crate::sharing::Opened::Plan(_, _, link) => link,
            _ => anyhow::bail!("the demo share link for Arcadia does not open"),
        };
        let input = CustomerAnswerInput { answer: "accept".into(), name: "Amelia Hughes".into(), reason: String::new() };
        crate::customer::answer(self.store, &link, "192.0.2.44", node, &input).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(())
    }
}
