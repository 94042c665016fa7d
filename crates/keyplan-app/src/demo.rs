//! A realistic demo organisation for trying keyplan (`keyplan serve --demo`).
//! Dates are relative to today so the demo never looks stale.
//!
//! The plan coach finds something different in each plan: Kestrel's fresh
//! draft stands on level 1; Brightwater, Helix and Meridian on level 2, with
//! Brightwater showing blockers, warnings and hints together; Solace on level
//! 3; Arcadia, with the customer at the table, on level 5.

use keyplan_domain::account::{AccountData, GrowthTrend};
use keyplan_domain::contact::{Attitude, BuyingRole, ContactData};
use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE, default_period_end};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, ContactId, NodeId, OrgId, PlanId, Role, UserId};
use keyplan_store::{NewUser, NodeWrite, Store};
use time::{Date, Duration};

use crate::auth;

mod cockpit;
mod ladder;
mod one_page;
mod opportunities;
mod portfolio;
mod reviews;
mod sharing;
mod strategic;
mod whitespace;

pub const DEMO_PASSWORD: &str = "keyplan-demo";
pub const DEMO_ORG: &str = "Northwind Components";

/// Who to sign in as, printed on start-up.
pub const DEMO_SIGN_INS: &[(&str, &str)] = &[
    ("lena.hoffmann@northwind.example", "key account manager"),
    ("omar.haddad@northwind.example", "team member with commitments to accept"),
    ("martin.keller@northwind.example", "sales manager"),
    ("katrin.vogel@northwind.example", "administrator"),
];

const USERS: &[(&str, &str, Role)] = &[
    ("Katrin Vogel", "katrin.vogel", Role::Admin),
    ("Martin Keller", "martin.keller", Role::Manager),
    ("Sofia Brandt", "sofia.brandt", Role::Manager),
    ("Lena Hoffmann", "lena.hoffmann", Role::Kam),
    ("James Carter", "james.carter", Role::Kam),
    ("Priya Nair", "priya.nair", Role::Kam),
    ("Daniel Roth", "daniel.roth", Role::Kam),
    ("Aylin Demir", "aylin.demir", Role::Kam),
    ("Tom Becker", "tom.becker", Role::Member),
    ("Julia Weber", "julia.weber", Role::Member),
    ("Omar Haddad", "omar.haddad", Role::Member),
    ("Eva Fischer", "eva.fischer", Role::Viewer),
];

/// Loads the demo when the database has no users yet. Returns whether it did.
pub async fn load_if_empty(store: &Store) -> anyhow::Result<bool> {
    if store.count_users().await? > 0 {
        return Ok(false);
    }
    load(store, time::OffsetDateTime::now_utc().date()).await?;
    Ok(true)
}

struct Demo<'a> {
    store: &'a Store,
    org: OrgId,
    users: Vec<UserId>,
    today: Date,
}

impl Demo<'_> {
    fn user(&self, login: &str) -> UserId {
        let i = USERS.iter().position(|u| u.1 == login).unwrap_or(0);
        self.users[i]
    }

    fn day(&self, offset: i64) -> Date {
        self.today + Duration::days(offset)
    }

    #[allow(clippy::too_many_arguments)]
    async fn account(
        &self,
        name: &str,
        industry: &str,
        region: &str,
        owner: &str,
        revenue: f64,
        spend: f64,
        potential: f64,
        trend: GrowthTrend,
        parent: Option<AccountId>,
        crm: &str,
    ) -> anyhow::Result<AccountId> {
        let data = AccountData {
            name: name.into(),
            industry: Some(industry.into()),
            region: Some(region.into()),
            parent_id: parent,
            crm_id: Some(crm.into()),
            annual_revenue: None,
            current_revenue: Some(revenue),
            total_spend: Some(spend),
            potential: Some(potential),
            growth_trend: Some(trend),
            owner_id: Some(self.user(owner)),
        };
        Ok(self.store.create_account(self.org, &data, self.user(owner)).await?.id)
    }

    #[allow(clippy::too_many_arguments)]
    async fn contact(
        &self,
        account: AccountId,
        name: &str,
        title: &str,
        unit: &str,
        reports_to: Option<ContactId>,
        role: BuyingRole,
        influence: i16,
        attitude: Attitude,
        owner: Option<&str>,
        objective: &str,
    ) -> anyhow::Result<ContactId> {
        let data = ContactData {
            name: name.into(),
            title: Some(title.into()),
            business_unit: Some(unit.into()),
            reports_to_id: reports_to,
            buying_role: Some(role),
            influence: Some(influence),
            attitude: Some(attitude),
            relationship_owner_id: owner.map(|o| self.user(o)),
            objective: (!objective.is_empty()).then(|| objective.to_string()),
            last_contact_date: Some(self.day(-((influence as i64) * 9))),
            email: None,
            phone: None,
            crm_id: None,
        };
        let author = owner.map(|o| self.user(o)).unwrap_or(self.users[0]);
        Ok(self.store.create_contact(self.org, account, &data, author).await?.id)
    }

    /// Holds a review as on its own date (the afternoon of it), so that its
    /// snapshot's time matches the review's date.
    async fn hold_on_its_date(&self, r: &keyplan_store::Review, by: UserId) -> anyhow::Result<()> {
        let held = crate::reviews::hold_as(self.store, self.org, r, None, Some(by)).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        if held.review_date < self.today {
            let at = held.review_date.with_hms(15, 0, 0).map_err(|e| anyhow::anyhow!("{e}"))?.assume_utc();
            self.store.date_held_review(self.org, held.id, at).await?;
        }
        Ok(())
    }

    async fn plan(&self, account: AccountId, title: &str, status: PlanStatus, start_offset: i64, author: &str) -> anyhow::Result<PlanId> {
        let start = self.day(start_offset);
        let data =
            PlanData { title: title.into(), status, period_start: start, period_end: default_period_end(start), customer_title: None };
        Ok(self.store.create_plan(self.org, account, &data, TEMPLATE_ONE_PAGE, self.user(author)).await?.id)
    }

    async fn node(&self, plan: PlanId, kind: NodeKind, parent: Option<NodeId>, title: &str, author: &str) -> anyhow::Result<NodeId> {
        let w = NodeWrite::titled(title);
        Ok(self.store.create_node(self.org, plan, kind, parent, &w, self.user(author)).await?.id)
    }

    #[allow(clippy::too_many_arguments)]
    async fn goal(
        &self,
        plan: PlanId,
        title: &str,
        metric: &str,
        baseline: f64,
        target: f64,
        unit: &str,
        days: i64,
        author: &str,
    ) -> anyhow::Result<NodeId> {
        let w = self.measured(title, metric, (baseline, target), unit, days);
        Ok(self.store.create_node(self.org, plan, NodeKind::Goal, None, &w, self.user(author)).await?.id)
    }

    /// A goal's fields: metric, baseline, target and the date `days` from today.
    fn measured(&self, title: &str, metric: &str, (baseline, target): (f64, f64), unit: &str, days: i64) -> NodeWrite {
        let mut w = NodeWrite::titled(title);
        w.metric = Some(metric.into());
        w.baseline = Some(baseline);
        w.target = Some(target);
        w.unit = Some(unit.into());
        w.target_date = Some(self.day(days));
        w
    }

    #[allow(clippy::too_many_arguments)]
    async fn commitment(
        &self,
        plan: PlanId,
        obstacle: NodeId,
        title: &str,
        owner: &str,
        author: &str,
        (start, due): (i64, i64),
        done: &str,
        state: (Acceptance, CommitmentStatus),
        contact: Option<ContactId>,
    ) -> anyhow::Result<NodeId> {
        let mut w = NodeWrite::titled(title);
        w.owner_id = Some(self.user(owner));
        w.author_id = Some(self.user(author));
        w.contact_id = contact;
        w.start_date = Some(self.day(start));
        w.due_date = Some(self.day(due));
        w.done_criterion = Some(done.into());
        w.acceptance = Some(state.0);
        w.status = Some(state.1);
        match state.0 {
            Acceptance::Declined => {
                w.decline_reason = Some("Product management cannot support this before the next release; ask again next quarter.".into())
            }
            Acceptance::DateProposed => w.proposed_due_date = Some(self.day(due + 45)),
            _ => {}
        }
        Ok(self.store.create_node(self.org, plan, NodeKind::Commitment, Some(obstacle), &w, self.user(author)).await?.id)
    }
}

pub async fn load(store: &Store, today: Date) -> anyhow::Result<()> {
    let org = store.ensure_org(DEMO_ORG).await?;
    let hash = auth::hash_password(DEMO_PASSWORD.to_string()).await?;
    let mut users = Vec::new();
    for (name, login, role) in USERS {
        let email = format!("{login}@northwind.example");
        let u = store.create_user(org.id, NewUser { email: &email, name, role: *role, password_hash: &hash }).await?;
        users.push(u.id);
    }
    let d = Demo { store, org: org.id, users, today };
    use Attitude::*;
    use BuyingRole::*;
    use GrowthTrend::*;

    // --- accounts ---
    let brightwater = d
        .account(
            "Brightwater Foods",
            "Food & beverage",
            "DACH",
            "lena.hoffmann",
            1_800_000.0,
            6_500_000.0,
            3_200_000.0,
            Growing,
            None,
            "CRM-10422",
        )
        .await?;
    let helix = d
        .account(
            "Helix Pharma",
            "Pharmaceuticals",
            "Switzerland",
            "lena.hoffmann",
            900_000.0,
            4_000_000.0,
            2_100_000.0,
            Growing,
            None,
            "CRM-10871",
        )
        .await?;
    let kestrel = d
        .account(
            "Kestrel Marine Systems",
            "Shipbuilding",
            "Nordics",
            "james.carter",
            1_200_000.0,
            2_600_000.0,
            1_900_000.0,
            Stable,
            None,
            "CRM-11003",
        )
        .await?;
    let arcadia = d
        .account(
            "Arcadia Packaging",
            "Packaging",
            "United Kingdom",
            "james.carter",
            650_000.0,
            3_100_000.0,
            1_400_000.0,
            Growing,
            None,
            "CRM-11240",
        )
        .await?;
    let meridian = d
        .account(
            "Meridian Automotive Parts",
            "Automotive",
            "Germany",
            "priya.nair",
            2_400_000.0,
            2_900_000.0,
            2_600_000.0,
            Declining,
            None,
            "CRM-09311",
        )
        .await?;
    let solace = d
        .account(
            "Solace Medical Devices",
            "Medical devices",
            "Benelux",
            "priya.nair",
            420_000.0,
            1_800_000.0,
            1_100_000.0,
            Growing,
            None,
            "CRM-12077",
        )
        .await?;
    let granite = d
        .account(
            "Granite Building Materials",
            "Construction",
            "Austria",
            "lena.hoffmann",
            760_000.0,
            1_500_000.0,
            900_000.0,
            Stable,
            None,
            "CRM-08765",
        )
        .await?;
    let vireo = d
        .account("Vireo Water", "Utilities", "France", "james.carter", 310_000.0, 2_200_000.0, 1_000_000.0, Growing, None, "CRM-12630")
        .await?;
    let _iberia = d
        .account(
            "Brightwater Foods Iberia",
            "Food & beverage",
            "Spain",
            "lena.hoffmann",
            240_000.0,
            1_100_000.0,
            600_000.0,
            Growing,
            Some(brightwater),
            "CRM-10423",
        )
        .await?;

    // --- teams ---
    for (account, login, function) in [
        (brightwater, "tom.becker", "Service"),
        (brightwater, "julia.weber", "Product management"),
        (brightwater, "omar.haddad", "Application engineering"),
        (brightwater, "martin.keller", "Management sponsor"),
        (helix, "julia.weber", "Product management"),
        (helix, "omar.haddad", "Application engineering"),
        (helix, "sofia.brandt", "Management sponsor"),
        (kestrel, "tom.becker", "Service"),
        (arcadia, "julia.weber", "Product management"),
        (meridian, "tom.becker", "Service"),
        (meridian, "martin.keller", "Management sponsor"),
        (solace, "omar.haddad", "Application engineering"),
        (vireo, "tom.becker", "Service"),
    ] {
        store.set_team_member(org.id, account, d.user(login), function).await?;
    }

    // --- contacts ---
    let bw_ceo = d
        .contact(
            brightwater,
            "Dr. Anja Richter",
            "Chief Operating Officer",
            "Operations",
            None,
            DecisionMaker,
            5,
            Neutral,
            Some("martin.keller"),
            "Sees us as the partner for plant uptime",
        )
        .await?;
    let bw_eng = d
        .contact(
            brightwater,
            "Markus Lang",
            "Head of Plant Engineering",
            "Leipzig project",
            Some(bw_ceo),
            Technical,
            4,
            Sceptic,
            Some("omar.haddad"),
            "Specifies our dosing units for the Leipzig line",
        )
        .await?;
    let bw_buy = d
        .contact(
            brightwater,
            "Claire Dubois",
            "Category Manager MRO",
            "Procurement",
            Some(bw_ceo),
            EconomicBuyer,
            4,
            Neutral,
            Some("lena.hoffmann"),
            "Lists us in the framework tender",
        )
        .await?;
    let bw_bremen = d
        .contact(
            brightwater,
            "Jonas Petersen",
            "Plant Manager Bremen",
            "Bremen plant",
            Some(bw_ceo),
            User,
            3,
            Supporter,
            Some("tom.becker"),
            "References our service in the group",
        )
        .await?;
    d.contact(brightwater, "Sabine Wolff", "Supply Chain Director", "Supply chain", Some(bw_ceo), Influencer, 3, Opponent, None, "")
        .await?;
    d.contact(
        brightwater,
        "Felix Braun",
        "Maintenance Engineer",
        "Bremen plant",
        Some(bw_bremen),
        Coach,
        2,
        Supporter,
        Some("tom.becker"),
        "Early warning on line problems",
    )
    .await?;

    let hx_head = d
        .contact(
            helix,
            "Dr. Stefan Meier",
            "VP Manufacturing Science",
            "Basel site",
            None,
            DecisionMaker,
            5,
            Sceptic,
            Some("sofia.brandt"),
            "Chooses us for the sterile-filling line",
        )
        .await?;
    let hx_qa = d
        .contact(
            helix,
            "Nina Baumann",
            "Head of Quality Assurance",
            "Quality",
            Some(hx_head),
            Gatekeeper,
            4,
            Neutral,
            Some("omar.haddad"),
            "Approves our validation package",
        )
        .await?;
    d.contact(
        helix,
        "Luca Rossi",
        "Strategic Buyer",
        "Procurement",
        None,
        EconomicBuyer,
        4,
        Neutral,
        Some("lena.hoffmann"),
        "Agrees a three-year supply contract",
    )
    .await?;
    d.contact(helix, "Mia Keller", "Process Engineer", "Basel site", Some(hx_head), Coach, 2, Supporter, Some("julia.weber"), "").await?;

    // (account, name, title, role, attitude, relationship owner, objective)
    for (account, name, title, role, att, owner, objective) in [
        (kestrel, "Henrik Lund", "Technical Director", DecisionMaker, Supporter, None, ""),
        (kestrel, "Sara Nyström", "Purchasing Manager", EconomicBuyer, Neutral, None, ""),
        (
            arcadia,
            "Oliver Grant",
            "Operations Director",
            DecisionMaker,
            Neutral,
            Some("james.carter"),
            "Funds our dosing units for all six Leeds lines",
        ),
        (
            arcadia,
            "Amelia Hughes",
            "Engineering Lead",
            Technical,
            Supporter,
            Some("julia.weber"),
            "Makes our dosing units the Leeds standard",
        ),
        (meridian, "Thomas Krüger", "Head of Purchasing", EconomicBuyer, Sceptic, None, ""),
        (meridian, "Birgit Schulz", "Plant Director Zwickau", DecisionMaker, Neutral, None, ""),
        (
            solace,
            "Pieter de Vries",
            "R&D Director",
            Technical,
            Supporter,
            Some("omar.haddad"),
            "Designs our micro-dosing module into the pump",
        ),
        (granite, "Florian Gruber", "Managing Director", DecisionMaker, Supporter, None, ""),
        (vireo, "Camille Laurent", "Network Operations Director", DecisionMaker, Neutral, None, ""),
        (vireo, "Hugo Martin", "Procurement Officer", Gatekeeper, Sceptic, None, ""),
    ] {
        d.contact(account, name, title, "", None, role, 4, att, owner, objective).await?;
    }

    let named = one_page::Named { bw_ceo, bw_eng, bw_buy, bw_bremen, hx_head, hx_qa };
    let p = d.one_page_plans(brightwater, helix, kestrel, &named).await?;

    // --- whitespace: Northwind's offerings against three customers' business units ---
    d.whitespace(brightwater, helix, meridian).await?;

    // --- plan 4: Meridian, a strategic plan telling its story ---
    d.strategic_plan(meridian).await?;

    // --- sharing: audience marks and a customer share link ---
    // The link's token is a secret: never logged; the plan's sharing page shows the link.
    let _token = d.sharing(p, PlanId::new(4)).await?;
    tracing::info!("demo share link for the Brightwater plan made (see the plan's sharing page)");

    // --- plans 5 and 6: the coach's ladder at levels 3 and 5 ---
    d.ladder_plans(solace, arcadia).await?;

    // --- the rest of the portfolio: thirty more accounts, light plans, an exception to the limits ---
    d.portfolio().await?;

    // --- the coach's mark of every plan, for the account list ---
    crate::coach::marks::refresh_stale(store, time::OffsetDateTime::now_utc()).await;

    // --- the cockpit: sales teams and the totals of 90 days ago ---
    cockpit::seed(store, org.id, today).await?;
    Ok(())
}
