//! The demo's strategic plan: Meridian Automotive Parts, a large account whose
//! business is shrinking, told as analysis -> so what -> goals -> actions, with two
//! deliberate gaps for the story view to show.

use keyplan_domain::analysis::{Benefit, Category, ItemData, ItemKind, LinkKind, SectionText, ValueDiscipline};
use keyplan_domain::plan::{PlanData, PlanStatus, default_period_end};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, ItemId, NodeId, PlanId};
use keyplan_store::NodeWrite;

use super::Demo;

impl Demo<'_> {
    #[allow(clippy::too_many_arguments)]
    async fn item(
        &self,
        plan: PlanId,
        section: &str,
        kind: ItemKind,
        category: Option<Category>,
        text: &str,
        source: &str,
        days: i64,
    ) -> anyhow::Result<ItemId> {
        let data = ItemData {
            kind,
            category,
            text: text.into(),
            source: (!source.is_empty()).then(|| source.into()),
            item_date: (!source.is_empty()).then(|| self.day(days)),
            derived_from_id: None,
            response: None,
        };
        Ok(self.store.create_item(self.org, plan, section, &data, self.user("priya.nair")).await?.id)
    }

    async fn text(&self, plan: PlanId, section: &str, body: Option<&str>, so_what: Option<&str>) -> anyhow::Result<i64> {
        let t = SectionText { body: body.map(Into::into), so_what: so_what.map(Into::into) };
        Ok(self.store.save_section(self.org, plan, section, 0, &t, self.user("priya.nair")).await?.id.get())
    }

    async fn link(&self, plan: PlanId, goal: NodeId, kind: LinkKind, target: i64) -> anyhow::Result<()> {
        self.store.create_link(self.org, plan, goal, kind, target, self.user("priya.nair")).await?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn strategic_goal(
        &self,
        plan: PlanId,
        title: &str,
        strategy: &str,
        metric: &str,
        (baseline, target): (f64, f64),
        unit: &str,
        benefit: Benefit,
    ) -> anyhow::Result<NodeId> {
        let mut w = NodeWrite::titled(title);
        w.notes = Some(strategy.into());
        w.metric = Some(metric.into());
        w.baseline = Some(baseline);
        w.target = Some(target);
        w.unit = Some(unit.into());
        w.target_date = Some(self.day(330));
        w.benefit = Some(benefit);
        Ok(self.store.create_node(self.org, plan, NodeKind::Goal, None, &w, self.user("priya.nair")).await?.id)
    }

    async fn action(
        &self,
        plan: PlanId,
        goal: NodeId,
        title: &str,
        owner: &str,
        due: i64,
        state: (Acceptance, CommitmentStatus),
    ) -> anyhow::Result<()> {
        let mut w = NodeWrite::titled(title);
        w.owner_id = Some(self.user(owner));
        w.author_id = Some(self.user("priya.nair"));
        w.start_date = Some(self.day(0));
        w.due_date = Some(self.day(due));
        w.acceptance = Some(state.0);
        w.status = Some(state.1);
        self.store.create_node(self.org, plan, NodeKind::Commitment, Some(goal), &w, self.user("priya.nair")).await?;
        Ok(())
    }

    pub(super) async fn strategic_plan(&self, meridian: AccountId) -> anyhow::Result<()> {
        let settings = self.store.org_settings(self.org).await?;
        self.store
            .update_org_settings(
                self.org,
                settings.version,
                Some(ValueDiscipline::CustomerIntimacy),
                Some("We engineer components into our customers' processes and stay with them on the shop floor."),
            )
            .await?;

        let start = self.day(-20);
        let data = PlanData {
            title: "Meridian Automotive — defend the core, win the e-axle line".into(),
            status: PlanStatus::Draft,
            period_start: start,
            period_end: default_period_end(start),
            customer_title: None,
        };
        let plan = self.store.create_plan(self.org, meridian, &data, "strategic", self.user("priya.nair")).await?.id;

        use Category::{Competitor, Customer, Market, OwnPosition, Strength, Threat, Weakness};
        use ItemKind::{Analysis, Risk, Swot};
        self.item(
            plan,
            "customer-profile",
            Analysis,
            Some(Customer),
            "Revenue down 6% as combustion platforms run out; e-axle volumes ramp from 2027",
            "Annual report",
            -40,
        )
        .await?;
        let consolidation = self
            .item(
                plan,
                "customer-profile",
                Analysis,
                Some(Customer),
                "Purchasing consolidates to two suppliers per commodity by next autumn",
                "Interview T. Krüger",
                -25,
            )
            .await?;
        self.item(plan, "customer-profile", Analysis, Some(Customer), "We hold 83% of their spend in our categories", "CRM", -10).await?;
        let profile_sw = self
            .text(
                plan,
                "customer-profile",
                None,
                Some("We must be one of the two remaining suppliers — on price and on proof of delivery performance."),
            )
            .await?;

        let eaxle = self
            .item(
                plan,
                "customer-objectives",
                Analysis,
                Some(Customer),
                "New e-axle line in Zwickau: sourcing decision for sensors and actuators in Q3",
                "Plant visit",
                -15,
            )
            .await?;
        let eaxle_sw = self
            .text(
                plan,
                "customer-objectives",
                None,
                Some("The e-axle line decides our share for the next ten years: we must be specified before Q3."),
            )
            .await?;

        self.item(
            plan,
            "market-competitors",
            Analysis,
            Some(Competitor),
            "A low-cost competitor quotes 12% below us on standard sensors",
            "Lost quote, May",
            -60,
        )
        .await?;
        self.item(
            plan,
            "market-competitors",
            Analysis,
            Some(Market),
            "Steel and copper prices are easing after two years of increases",
            "Market report",
            -30,
        )
        .await?;

        let otd = self
            .item(
                plan,
                "own-position",
                Analysis,
                Some(OwnPosition),
                "On-time delivery to Zwickau fell to 91% after the logistics change",
                "Supplier scorecard",
                -20,
            )
            .await?;

        let s1 = self.item(plan, "swot", Swot, Some(Strength), "Application engineers on site every week", "", 0).await?;
        self.item(plan, "swot", Swot, Some(Weakness), "Price gap to the low-cost competitor on standard parts", "", 0).await?;
        self.item(plan, "swot", Swot, Some(Category::Opportunity), "E-axle line needs sensors qualified for higher temperatures", "", 0)
            .await?;
        let threat =
            self.item(plan, "swot", Swot, Some(Threat), "Dual sourcing could cut our share on standard sensors by half", "", 0).await?;
        let swot_sw = self
            .text(plan, "swot", None, Some("Sell engineering where it matters (e-axle) and make standard parts cheaper to buy from us."))
            .await?;

        let risk = ItemData {
            kind: Risk,
            category: None,
            text: "Losing the standard-sensor business in the consolidation".into(),
            source: None,
            item_date: None,
            derived_from_id: Some(threat.get()),
            response: Some("Offer a three-year price path with consignment stock".into()),
        };
        self.store.create_item(self.org, plan, "opportunities-risks", &risk, self.user("priya.nair")).await?;
        let opp = ItemData {
            kind: ItemKind::Opportunity,
            category: None,
            text: "Co-develop the high-temperature sensor with their plant engineering".into(),
            source: None,
            item_date: None,
            derived_from_id: Some(s1.get()),
            response: Some("Joint workshop with Birgit Schulz's team".into()),
        };
        self.store.create_item(self.org, plan, "opportunities-risks", &opp, self.user("priya.nair")).await?;

        self.text(
            plan,
            "vision",
            Some("In three years Meridian sees us as the engineering partner for its electric drivetrain, not as one of many parts suppliers."),
            None,
        )
        .await?;

        let g1 = self
            .strategic_goal(
                plan,
                "Be specified for the Zwickau e-axle line",
                "Qualify the high-temperature sensor with their engineers before the sourcing decision.",
                "Share of e-axle sensor volume",
                (0.0, 60.0),
                "%",
                Benefit::Both,
            )
            .await?;
        let g2 = self
            .strategic_goal(
                plan,
                "Stay one of the two suppliers for standard sensors",
                "Close the price gap with a three-year price path and fix delivery performance.",
                "Revenue from standard sensors",
                (2_100_000.0, 1_900_000.0),
                "EUR",
                Benefit::Us,
            )
            .await?;
        let g3 = self
            .strategic_goal(plan, "Restore on-time delivery to Zwickau", "", "On-time delivery", (91.0, 98.0), "%", Benefit::Customer)
            .await?;

        self.link(plan, g1, LinkKind::Item, eaxle.get()).await?;
        self.link(plan, g1, LinkKind::Section, eaxle_sw).await?;
        self.link(plan, g2, LinkKind::Item, consolidation.get()).await?;
        self.link(plan, g2, LinkKind::Item, threat.get()).await?;
        self.link(plan, g2, LinkKind::Section, profile_sw).await?;
        self.link(plan, g1, LinkKind::Section, swot_sw).await?;
        // Delivery has its evidence but nobody has committed to anything yet: the story view flags it.
        self.link(plan, g3, LinkKind::Item, otd.get()).await?;

        self.action(
            plan,
            g1,
            "Run a joint design workshop with Zwickau plant engineering",
            "omar.haddad",
            30,
            (Acceptance::Accepted, CommitmentStatus::InProgress),
        )
        .await?;
        self.action(
            plan,
            g1,
            "Deliver 20 qualified high-temperature samples",
            "julia.weber",
            75,
            (Acceptance::Proposed, CommitmentStatus::Open),
        )
        .await?;
        self.action(
            plan,
            g2,
            "Present a three-year price path to Thomas Krüger",
            "priya.nair",
            45,
            (Acceptance::Accepted, CommitmentStatus::Open),
        )
        .await?;

        self.text(
            plan,
            "value-proposition",
            Some(
                "We put an application engineer into the e-axle ramp-up and take the qualification work off their plant engineering team.",
            ),
            None,
        )
        .await?;
        self.strategic_kpis(plan, g3).await?;
        Ok(())
    }

    /// The scorecard: three KPIs with a year of quarterly actuals, one measuring a goal.
    async fn strategic_kpis(&self, plan: PlanId, g3: NodeId) -> anyhow::Result<()> {
        use keyplan_domain::kpi::{ActualData, KpiData, Period};
        // (name, unit, baseline, target, goal, quarterly values, who recorded the latest two)
        let kpis = [
            ("On-time delivery to Zwickau", "%", 94.0, 98.0, Some(g3), [89.5, 91.0, 93.5, 94.4], ["julia.weber", "julia.weber"]),
            ("Price gap to the lowest bidder", "%", 8.0, 3.0, None, [8.4, 8.0, 8.3, 8.6], ["priya.nair", "priya.nair"]),
            ("Joint engineering hours", "h", 40.0, 200.0, None, [30.0, 40.0, 55.0, 110.0], ["omar.haddad", "priya.nair"]),
        ];
        for (name, unit, baseline, target, goal, values, who) in kpis {
            let data = KpiData {
                name: name.into(),
                unit: Some(unit.into()),
                baseline: Some(baseline),
                target: Some(target),
                target_date: Some(self.day(345)),
                period: Period::Quarter,
                goal_id: goal.map(NodeId::get),
            };
            let kpi = self.store.create_kpi(self.org, plan, &data, self.user("priya.nair")).await?;
            for (i, value) in values.into_iter().enumerate() {
                let by = if i < 2 { "priya.nair" } else { who[i - 2] };
                let at = Period::Quarter.start_of(self.day(-91 * (3 - i as i64)));
                let actual = ActualData { period_start: at, value, note: (i == 3).then(|| "From the quarterly business review".into()) };
                self.store.record_actual(self.org, kpi.id, 0, &actual, self.user(by)).await?;
            }
        }
        Ok(())
    }
}
