//! The rest of Northwind's portfolio: about thirty more accounts spread over the
//! four quadrants (develop, maintain, harvest, selective), held by five KAMs, a
//! few lacking the figures the portfolio needs, and a handful of light plans.
//!
//! The story at first sight: several growth accounts have no plan yet (plan
//! candidates); Westfalen Steel has an active plan although we already hold most
//! of its spend (a plan to reconsider); Lena Hoffmann holds four active plans
//! against a limit of three, the fourth allowed by Martin Keller with a reason;
//! Castell Paper's plan is overdue for review.

use std::sync::Arc;

use keyplan_domain::account::{AccountData, GrowthTrend};
use keyplan_domain::plan::{PlanInput, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, PlanId};
use keyplan_store::SessionUser;

use super::{DEMO_ORG, Demo};
use crate::auth::{Auth, Via};

use GrowthTrend::*;

/// (name, industry, region, KAM, revenue, total spend, potential, trend, CRM id)
type Row = (&'static str, &'static str, &'static str, &'static str, f64, f64, f64, GrowthTrend, &'static str);

const ACCOUNTS: &[Row] = &[
    // Develop: a small share of a large spend, much to win.
    ("Nordhafen Brewing", "Food & beverage", "Germany", "lena.hoffmann", 380_000.0, 3_400_000.0, 1_600_000.0, Growing, "CRM-13001"),
    ("Alpenmilch Dairy", "Food & beverage", "Austria", "lena.hoffmann", 520_000.0, 2_800_000.0, 1_500_000.0, Growing, "CRM-13002"),
    (
        "Caledonia Distillers",
        "Food & beverage",
        "United Kingdom",
        "james.carter",
        210_000.0,
        2_400_000.0,
        1_300_000.0,
        Growing,
        "CRM-13003",
    ),
    ("Rhône Pharma Services", "Pharmaceuticals", "France", "aylin.demir", 450_000.0, 3_900_000.0, 1_900_000.0, Growing, "CRM-13004"),
    ("Baltic Shipyards", "Shipbuilding", "Nordics", "daniel.roth", 300_000.0, 2_700_000.0, 1_200_000.0, Stable, "CRM-13005"),
    ("Lumen Cosmetics", "Consumer goods", "Italy", "aylin.demir", 180_000.0, 1_900_000.0, 900_000.0, Growing, "CRM-13006"),
    ("Tatra Chemicals", "Chemicals", "Poland", "daniel.roth", 260_000.0, 3_100_000.0, 1_400_000.0, Growing, "CRM-13007"),
    ("Fjord Aquaculture", "Food & beverage", "Nordics", "daniel.roth", 150_000.0, 1_600_000.0, 850_000.0, Growing, "CRM-13008"),
    ("Castell Paper Mills", "Paper", "Spain", "aylin.demir", 340_000.0, 2_200_000.0, 1_100_000.0, Stable, "CRM-13009"),
    // Maintain: we hold much of the spend and the spend still grows.
    ("Hanse Logistics Automation", "Logistics", "Germany", "priya.nair", 2_100_000.0, 3_000_000.0, 3_400_000.0, Growing, "CRM-13010"),
    ("Oberland Beverages", "Food & beverage", "Austria", "lena.hoffmann", 1_500_000.0, 2_200_000.0, 2_400_000.0, Growing, "CRM-13011"),
    ("Verdant Agritech", "Agriculture", "Benelux", "aylin.demir", 1_100_000.0, 1_700_000.0, 1_900_000.0, Growing, "CRM-13012"),
    ("Saxony Glassworks", "Glass", "Germany", "daniel.roth", 1_300_000.0, 2_000_000.0, 2_000_000.0, Stable, "CRM-13013"),
    // Harvest: most of the spend is ours already.
    ("Westfalen Steel Service", "Metals", "Germany", "daniel.roth", 2_600_000.0, 3_000_000.0, 2_800_000.0, Stable, "CRM-13014"),
    ("Tyne Foods", "Food & beverage", "United Kingdom", "james.carter", 900_000.0, 1_100_000.0, 1_000_000.0, Stable, "CRM-13015"),
    ("Lyon Textiles", "Textiles", "France", "aylin.demir", 700_000.0, 950_000.0, 780_000.0, Declining, "CRM-13016"),
    ("Danube Plastics", "Plastics", "Austria", "priya.nair", 1_000_000.0, 1_400_000.0, 1_150_000.0, Stable, "CRM-13017"),
    ("Porto Cork Industries", "Consumer goods", "Spain", "aylin.demir", 480_000.0, 620_000.0, 520_000.0, Declining, "CRM-13018"),
    // Selective: small share of a small spend.
    ("Eifel Stoneworks", "Construction", "Germany", "lena.hoffmann", 90_000.0, 700_000.0, 250_000.0, Stable, "CRM-13019"),
    ("Kraków Furniture Group", "Furniture", "Poland", "daniel.roth", 120_000.0, 900_000.0, 300_000.0, Stable, "CRM-13020"),
    ("Mistral Ceramics", "Construction", "France", "aylin.demir", 150_000.0, 1_000_000.0, 320_000.0, Declining, "CRM-13021"),
    ("Antwerp Port Services", "Logistics", "Benelux", "priya.nair", 200_000.0, 1_300_000.0, 420_000.0, Stable, "CRM-13022"),
    ("Aurora Hotels Nordic", "Hospitality", "Nordics", "james.carter", 60_000.0, 600_000.0, 150_000.0, Stable, "CRM-13023"),
    ("Bavarian Tooling", "Machinery", "Germany", "priya.nair", 230_000.0, 800_000.0, 400_000.0, Stable, "CRM-13024"),
    ("Thames Water Technologies", "Utilities", "United Kingdom", "james.carter", 180_000.0, 1_400_000.0, 480_000.0, Growing, "CRM-13025"),
    ("Zürich Precision Instruments", "Machinery", "Switzerland", "lena.hoffmann", 400_000.0, 900_000.0, 700_000.0, Stable, "CRM-13026"),
    ("Milano Food Machinery", "Machinery", "Italy", "aylin.demir", 520_000.0, 1_200_000.0, 1_000_000.0, Growing, "CRM-13027"),
    ("Gdańsk Marine Coatings", "Chemicals", "Poland", "daniel.roth", 330_000.0, 900_000.0, 800_000.0, Growing, "CRM-13028"),
];

impl Demo<'_> {
    /// The portfolio's other accounts and their plans; with their plans.
    pub(super) async fn portfolio(&self) -> anyhow::Result<()> {
        let mut ids: Vec<(&str, AccountId)> = Vec::new();
        for (name, industry, region, kam, revenue, spend, potential, trend, crm) in ACCOUNTS {
            let id = self.account(name, industry, region, kam, *revenue, *spend, *potential, *trend, None, crm).await?;
            ids.push((name, id));
        }
        // Accounts the portfolio cannot place yet: the figures are missing.
        for (name, industry, region, kam, revenue, spend, potential, crm) in [
            ("Sierra Solar Iberia", "Energy", "Spain", "aylin.demir", Some(150_000.0), None, Some(600_000.0), "CRM-13029"),
            ("Cobalt Battery Works", "Energy", "Nordics", "daniel.roth", Some(0.0), Some(2_500_000.0), None, "CRM-13030"),
            ("Helvetia Chocolatiers", "Food & beverage", "Switzerland", "lena.hoffmann", Some(210_000.0), Some(0.0), None, "CRM-13031"),
        ] {
            let data = AccountData {
                name: name.into(),
                industry: Some(industry.into()),
                region: Some(region.into()),
                parent_id: None,
                crm_id: Some(crm.into()),
                annual_revenue: None,
                current_revenue: revenue,
                total_spend: spend,
                potential,
                growth_trend: None,
                owner_id: Some(self.user(kam)),
            };
            self.store.create_account(self.org, &data, self.user(kam)).await?;
        }
        let id = |name: &str| ids.iter().find(|(n, _)| *n == name).map(|(_, id)| *id).expect("demo account");

        self.light_plan(
            id("Alpenmilch Dairy"),
            "Alpenmilch Dairy — dosing on the new Salzburg line",
            PlanStatus::Active,
            -95,
            "lena.hoffmann",
        )
        .await?;
        self.light_plan(
            id("Baltic Shipyards"),
            "Baltic Shipyards — coating lines for the ferry programme",
            PlanStatus::Active,
            -70,
            "daniel.roth",
        )
        .await?;
        self.light_plan(
            id("Westfalen Steel Service"),
            "Westfalen Steel — keep the framework contract",
            PlanStatus::Active,
            -160,
            "daniel.roth",
        )
        .await?;
        self.light_plan(id("Saxony Glassworks"), "Saxony Glassworks — furnace rebuild 2027", PlanStatus::Draft, -5, "daniel.roth").await?;
        let castell = self
            .light_plan(id("Castell Paper Mills"), "Castell Paper — win the Girona mill", PlanStatus::Active, -120, "aylin.demir")
            .await?;
        self.overdue_for_review(castell, self.user("aylin.demir")).await?;
        self.light_plan(id("Hanse Logistics Automation"), "Hanse Logistics — sorter retrofits", PlanStatus::Active, -45, "priya.nair")
            .await?;

        // Lena already holds three active plans: Martin allows a fourth.
        self.over_the_limit(id("Nordhafen Brewing")).await?;
        Ok(())
    }

    /// A short plan: a measured goal, one factor down to one commitment, part of it overdue.
    async fn light_plan(&self, account: AccountId, title: &str, status: PlanStatus, start: i64, kam: &str) -> anyhow::Result<PlanId> {
        let plan = self.plan(account, title, status, start, kam).await?;
        let goal = self.goal(plan, "Grow revenue with the account", "Yearly revenue", 0.0, 1.0, "m€", 300, kam).await?;
        let csf = self.node(plan, NodeKind::Csf, Some(goal), "Be specified in the next project", kam).await?;
        let cond = self.node(plan, NodeKind::Condition, Some(csf), "Engineering knows our solution", kam).await?;
        let obstacle = self.node(plan, NodeKind::Obstacle, Some(cond), "No reference on their site yet", kam).await?;
        self.commitment(
            plan,
            obstacle,
            "Run a trial installation with their engineers",
            kam,
            kam,
            (start + 20, start + 80),
            "Trial report signed by their plant engineer",
            (Acceptance::Accepted, CommitmentStatus::InProgress),
            None,
        )
        .await?;
        Ok(plan)
    }

    /// Nordhafen's plan, activated by the sales manager over Lena's limit of
    /// three active plans, through the same service a manager's form uses.
    async fn over_the_limit(&self, nordhafen: AccountId) -> anyhow::Result<()> {
        let user = self.store.user(self.org, self.user("martin.keller")).await?;
        let auth = Auth { user: Arc::new(SessionUser::acting(user, DEMO_ORG)), via: Via::Session };
        let input = PlanInput {
            title: "Nordhafen Brewing — become the brewhouse standard".into(),
            status: "active".into(),
            limit_exception:
                "Nordhafen decides its brewhouse supplier in the first quarter; Lena leads the bid until the Helix plan closes.".into(),
            ..PlanInput::default()
        };
        let plan = crate::plans::create_plan(self.store, &auth, nordhafen, &input, TEMPLATE_ONE_PAGE)
            .await
            .map_err(|e| anyhow::anyhow!("the demo's exception to the limits: {e}"))?;
        let kam = "lena.hoffmann";
        let goal =
            self.goal(plan.id, "Become Nordhafen's brewhouse standard", "Brewhouses on our dosing", 0.0, 3.0, "sites", 330, kam).await?;
        self.node(plan.id, NodeKind::Csf, Some(goal), "Win the brewhouse tender", kam).await?;
        Ok(())
    }
}
