//! A realistic demo organisation for trying keyplan (`keyplan serve --demo`).
//! Dates are relative to today so the demo never looks stale.

use keyplan_domain::account::{AccountData, GrowthTrend};
use keyplan_domain::contact::{Attitude, BuyingRole, ContactData};
use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE, default_period_end};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{AccountId, ContactId, NodeId, OrgId, PlanId, Role, UserId};
use keyplan_store::{NewUser, NodeWrite, Store};
use time::{Date, Duration};

use crate::auth;

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
        };
        let author = owner.map(|o| self.user(o)).unwrap_or(self.users[0]);
        Ok(self.store.create_contact(self.org, account, &data, author).await?.id)
    }

    async fn plan(&self, account: AccountId, title: &str, status: PlanStatus, start_offset: i64, author: &str) -> anyhow::Result<PlanId> {
        let start = self.day(start_offset);
        let data = PlanData { title: title.into(), status, period_start: start, period_end: default_period_end(start) };
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
        let mut w = NodeWrite::titled(title);
        w.metric = Some(metric.into());
        w.baseline = Some(baseline);
        w.target = Some(target);
        w.unit = Some(unit.into());
        w.target_date = Some(self.day(days));
        Ok(self.store.create_node(self.org, plan, NodeKind::Goal, None, &w, self.user(author)).await?.id)
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

    for (account, name, title, role, att) in [
        (kestrel, "Henrik Lund", "Technical Director", DecisionMaker, Supporter),
        (kestrel, "Sara Nyström", "Purchasing Manager", EconomicBuyer, Neutral),
        (arcadia, "Oliver Grant", "Operations Director", DecisionMaker, Neutral),
        (arcadia, "Amelia Hughes", "Engineering Lead", Technical, Supporter),
        (meridian, "Thomas Krüger", "Head of Purchasing", EconomicBuyer, Sceptic),
        (meridian, "Birgit Schulz", "Plant Director Zwickau", DecisionMaker, Neutral),
        (solace, "Pieter de Vries", "R&D Director", Technical, Supporter),
        (granite, "Florian Gruber", "Managing Director", DecisionMaker, Supporter),
        (vireo, "Camille Laurent", "Network Operations Director", DecisionMaker, Neutral),
        (vireo, "Hugo Martin", "Procurement Officer", Gatekeeper, Sceptic),
    ] {
        d.contact(account, name, title, "", None, role, 4, att, None, "").await?;
    }

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
    let csf1 = d.node(p, NodeKind::Csf, Some(g), "Become approved supplier for the new Leipzig plant", "lena.hoffmann").await?;
    let c11 =
        d.node(p, NodeKind::Condition, Some(csf1), "Our dosing units are specified in the Leipzig line design", "lena.hoffmann").await?;
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
        Some(bw_eng),
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
        Some(bw_eng),
    )
    .await?;
    let o112 = d.node(p, NodeKind::Obstacle, Some(c11), "No reference installation in a dairy plant of that size", "lena.hoffmann").await?;
    d.commitment(
        p,
        o112,
        "Take Markus Lang's team to the Alpenmilch reference site",
        "lena.hoffmann",
        "lena.hoffmann",
        (-40, -12),
        "Visit done; written feedback from 3 participants",
        (Acceptance::Accepted, CommitmentStatus::Done),
        Some(bw_eng),
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
        Some(bw_buy),
    )
    .await?;
    let csf2 = d.node(p, NodeKind::Csf, Some(g), "Cut unplanned downtime on the existing lines", "lena.hoffmann").await?;
    let c21 = d.node(p, NodeKind::Condition, Some(csf2), "Service response under 8 hours at all three plants", "lena.hoffmann").await?;
    let o211 = d.node(p, NodeKind::Obstacle, Some(c21), "No service technician within 200 km of the Bremen plant", "lena.hoffmann").await?;
    d.commitment(
        p,
        o211,
        "Station a certified service technician in Bremen",
        "tom.becker",
        "lena.hoffmann",
        (5, 75),
        "Technician on site, 8-hour response measured over one month",
        (Acceptance::DateProposed, CommitmentStatus::Open),
        Some(bw_bremen),
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
        Some(bw_bremen),
    )
    .await?;
    let c22 = d.node(p, NodeKind::Condition, Some(csf2), "Critical spare parts available on site", "lena.hoffmann").await?;
    let o221 = d.node(p, NodeKind::Obstacle, Some(c22), "Their inventory policy does not allow consignment stock", "lena.hoffmann").await?;
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
        Some(bw_ceo),
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
        Some(hx_qa),
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
        Some(hx_qa),
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
        Some(hx_head),
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
        Some(hx_head),
    )
    .await?;

    // --- plan 3: Kestrel, a fresh draft ---
    let p3 = d.plan(kestrel, "Kestrel Marine — retrofit programme", PlanStatus::Draft, 0, "james.carter").await?;
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

    // --- whitespace: Northwind's offerings against three customers' business units ---
    d.whitespace(brightwater, helix, meridian).await?;

    // --- plan 4: Meridian, a strategic plan telling its story ---
    d.strategic_plan(meridian).await?;

    // --- sharing: audience marks and a customer share link (its token is only logged here) ---
    let token = d.sharing(p, PlanId::new(4)).await?;
    tracing::info!(path = %format!("/s/{token}"), "demo share link for the Brightwater plan");
    Ok(())
}
