//! The sales manager's cockpit (issue 13): one row per KAM with the plans they
//! hold against the limit, the organisation's totals and their trend against
//! 90 days ago, what needs attention first, the exceptions to the limits, and
//! the items behind every figure. The page, the API and the XLSX export all
//! read [`cockpit`]; the items behind a figure come from [`items`].
//!
//! Who sees what: managers and administrators every KAM; a KAM their own row
//! and those of KAMs of the same team; members and viewers are refused (their
//! work is on "My commitments"). The rows, totals, attention list and limit
//! exceptions only ever hold what the reader may see.
//!
//! Every answer takes a fixed number of statements, however many accounts,
//! plans and commitments there are: the figures are aggregated in the
//! database (see `keyplan_store::cockpit`) and put together here.

use std::collections::{BTreeMap, HashMap};

use keyplan_domain::cockpit::{self, Attention, AttentionKind, ReviewFacts, ReviewState, Totals, Trend};
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::portfolio::limits;
use keyplan_domain::{AccountId, OrgId, PlanId, Role, UserId, kpi};
use keyplan_store::{CockpitChoices, CockpitCommitment, CockpitFilter, CockpitObstacle, CockpitPlan, LimitException, Store, User};
use serde::Serialize;
use time::Date;

use crate::access::require;
use crate::{AppError, Auth, Result};

/// The filters as asked for: exact region and industry of the accounts, and
/// the KAMs' team; empty for all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filters {
    pub region: String,
    pub industry: String,
    pub team: String,
}

impl Filters {
    pub fn trimmed(&self) -> Filters {
        Filters { region: self.region.trim().into(), industry: self.industry.trim().into(), team: self.team.trim().into() }
    }
    pub fn is_empty(&self) -> bool {
        self.region.is_empty() && self.industry.is_empty() && self.team.is_empty()
    }
    fn store(&self) -> CockpitFilter {
        CockpitFilter { region: self.region.clone(), industry: self.industry.clone() }
    }
}

/// A plan in a KAM's row.
#[derive(Clone, Debug, Serialize)]
pub struct PlanLine {
    pub id: PlanId,
    pub title: String,
    pub account_id: AccountId,
    pub account_name: String,
    pub status: PlanStatus,
    /// Whether it counts against the limit (active, in review or approved).
    pub counts: bool,
    pub coach_score: Option<f64>,
    pub coach_level: Option<i32>,
    pub coach_blockers: Option<i32>,
    pub review: ReviewState,
    pub next_review: Date,
    pub goal_progress: Option<f64>,
    pub overdue_commitments: i64,
    pub unaccepted_commitments: i64,
    pub blocked_obstacles: i64,
}

/// One KAM's row.
#[derive(Clone, Debug, Serialize)]
pub struct KamRow {
    pub id: UserId,
    pub name: String,
    pub team: Option<String>,
    pub active_plans: i64,
    pub limit: u32,
    pub over_limit: bool,
    pub plans: Vec<PlanLine>,
    pub overdue_commitments: i64,
    pub unaccepted_commitments: i64,
    pub blocked_obstacles: i64,
    pub overdue_reviews: i64,
    pub stale_reviews: i64,
    pub goal_progress: Option<f64>,
}

/// Something that needs attention.
#[derive(Clone, Debug, Serialize)]
pub struct AttentionItem {
    pub kind: AttentionKind,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub account_id: AccountId,
    pub account_name: String,
    /// The commitment or obstacle; `None` for a review (the plan is the item).
    pub item_id: Option<i64>,
    pub item_title: String,
    pub owner_id: Option<UserId>,
    pub owner_name: Option<String>,
    pub kam_id: UserId,
    pub since: Date,
    pub days: i64,
    pub href: String,
}

impl Attention for AttentionItem {
    fn kind(&self) -> AttentionKind {
        self.kind
    }
    fn since(&self) -> Date {
        self.since
    }
}

/// The cockpit as the reader may see it.
#[derive(Clone, Debug, Serialize)]
pub struct Cockpit {
    pub as_of: Date,
    pub limit: u32,
    pub filters: Filters,
    /// Whether the reader sees the whole organisation unfiltered: only then do
    /// the totals compare with the organisation's kept totals of 90 days ago.
    pub whole_organisation: bool,
    /// The day of the kept totals compared with; `None`: no comparison yet.
    pub compared_with: Option<Date>,
    pub totals: Vec<Trend>,
    pub kams: Vec<KamRow>,
    pub needs_attention: Vec<AttentionItem>,
    pub limit_exceptions: Vec<LimitException>,
    #[serde(skip)]
    pub choices: CockpitChoices,
    /// All overdue and unaccepted commitments and blocked obstacles of the
    /// rows shown (the drill-down lists), not serialised.
    #[serde(skip)]
    pub behind: Behind,
}

/// What stands behind the figures of the rows shown.
#[derive(Clone, Debug, Default)]
pub struct Behind {
    pub commitments: Vec<AttentionItem>,
    pub obstacles: Vec<AttentionItem>,
}

/// What a drill-down lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    Plans,
    ActivePlans,
    OverdueCommitments,
    UnacceptedCommitments,
    OverdueReviews,
    StaleReviews,
    BlockedObstacles,
}

impl What {
    pub const ALL: [What; 7] = [
        What::Plans,
        What::ActivePlans,
        What::OverdueCommitments,
        What::UnacceptedCommitments,
        What::OverdueReviews,
        What::StaleReviews,
        What::BlockedObstacles,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            What::Plans => "plans",
            What::ActivePlans => "active_plans",
            What::OverdueCommitments => "overdue_commitments",
            What::UnacceptedCommitments => "unaccepted_commitments",
            What::OverdueReviews => "overdue_reviews",
            What::StaleReviews => "stale_reviews",
            What::BlockedObstacles => "blocked_obstacles",
        }
    }
    pub fn parse(s: &str) -> Option<What> {
        What::ALL.into_iter().find(|w| w.as_str() == s.trim())
    }
}

/// One line of a drill-down.
#[derive(Clone, Debug, Serialize)]
pub struct ItemLine {
    pub title: String,
    pub href: String,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub account_name: String,
    pub owner_name: Option<String>,
    /// Due date, proposed on, blocked since, review due.
    pub date: Option<Date>,
    pub days: Option<i64>,
    pub status: Option<PlanStatus>,
    pub review: Option<ReviewState>,
}

/// The cockpit for `auth` with `filters`.
pub async fn cockpit(store: &Store, auth: &Auth, filters: &Filters) -> Result<Cockpit> {
    require(cockpit::can_open(auth.role()))?;
    let filters = filters.trimmed();
    let today = crate::today();
    let whole = auth.role().is_manager_like() && filters.is_empty();
    let me = auth.id();
    let sf = filters.store();
    let (users, settings, plans, kpis, commitments, obstacles, exceptions, choices, then) = tokio::try_join!(
        store.list_users(auth.org()),
        store.organisation_settings(auth.org()),
        store.cockpit_plans(auth.org(), &sf, today),
        store.cockpit_kpis(auth.org(), &sf),
        store.cockpit_commitments(auth.org(), &sf, today),
        store.cockpit_blocked_obstacles(auth.org(), &sf),
        store.limit_exceptions(auth.org()),
        store.cockpit_choices(auth.org()),
        async { if whole { store.cockpit_totals_on_or_before(auth.org(), cockpit::comparison_day(today)).await } else { Ok(None) } },
    )?;
    let my_team = users.iter().find(|u| u.id == me).and_then(|u| u.team.clone());
    let role = auth.role();
    let visible = |u: &User| cockpit::sees(role, me, my_team.as_deref(), u.id, u.team.as_deref());
    let input = Input { users: &users, plans, kpis: &kpis, commitments, obstacles, limit: settings.0.active_plans_per_kam, today };
    let mut c = assemble(input, &filters, &visible);
    c.limit_exceptions = exceptions.into_iter().filter(|e| e.kam_id.is_some_and(|k| c.kams.iter().any(|r| r.id == k)) || whole).collect();
    c.whole_organisation = whole;
    c.compared_with = then.as_ref().map(|t| t.0);
    c.totals = cockpit::trends(&totals_of(&c.kams), then.as_ref().map(|t| &t.1));
    c.choices = choices;
    Ok(c)
}

struct Input<'a> {
    users: &'a [User],
    plans: Vec<CockpitPlan>,
    kpis: &'a [keyplan_store::CockpitKpi],
    commitments: Vec<CockpitCommitment>,
    obstacles: Vec<CockpitObstacle>,
    limit: u32,
    today: Date,
}

/// Builds the rows the reader may see (`visible`), in the team filter.
fn assemble(i: Input<'_>, filters: &Filters, visible: &dyn Fn(&User) -> bool) -> Cockpit {
    let today = i.today;
    let by_id: HashMap<UserId, &User> = i.users.iter().map(|u| (u.id, u)).collect();
    let shown = |id: UserId| {
        by_id
            .get(&id)
            .is_some_and(|u| visible(u) && (filters.team.is_empty() || cockpit::same_team(Some(&filters.team), u.team.as_deref())))
    };
    let mut progress: HashMap<PlanId, Vec<f64>> = HashMap::new();
    for k in i.kpis {
        if let Some(p) = kpi::progress(k.baseline, k.target, k.latest) {
            progress.entry(k.plan_id).or_default().push(p);
        }
    }
    // Rows: every active KAM (unless an account filter is set), and whoever holds a plan shown.
    let mut rows: BTreeMap<UserId, KamRow> = BTreeMap::new();
    let new_row = |u: &User, limit: u32| KamRow {
        id: u.id,
        name: u.name.clone(),
        team: u.team.clone(),
        active_plans: 0,
        limit,
        over_limit: false,
        plans: Vec::new(),
        overdue_commitments: 0,
        unaccepted_commitments: 0,
        blocked_obstacles: 0,
        overdue_reviews: 0,
        stale_reviews: 0,
        goal_progress: None,
    };
    if filters.region.is_empty() && filters.industry.is_empty() {
        for u in i.users.iter().filter(|u| u.active && u.role == Role::Kam && shown(u.id)) {
            rows.insert(u.id, new_row(u, i.limit));
        }
    }
    let mut plan_of: HashMap<PlanId, (String, AccountId, String, UserId)> = HashMap::new();
    let mut attention = Vec::new();
    for p in i.plans {
        let Some(kam) = p.kam_id.filter(|k| shown(*k)) else { continue };
        let Some(user) = by_id.get(&kam) else { continue };
        let facts = ReviewFacts {
            status: p.status,
            period_start: p.period_start,
            cadence_months: p.review_cadence_months,
            next_set: p.next_review_date,
            last_held: p.last_held,
            last_update: keyplan_store::last_update(p.plan_updated_at, p.last_activity),
            update_interval_days: u32::try_from(p.update_interval_days).unwrap_or(1),
        };
        let review = facts.judge(today);
        let line = PlanLine {
            id: p.id,
            title: p.title.clone(),
            account_id: p.account_id,
            account_name: p.account_name.clone(),
            status: p.status,
            counts: limits::counts(p.status),
            coach_score: p.coach_score,
            coach_level: p.coach_level,
            coach_blockers: p.coach_blockers,
            review,
            next_review: facts.next_due(),
            goal_progress: cockpit::goal_progress(progress.get(&p.id).map_or(&[][..], Vec::as_slice), p.obstacles_overcome, p.obstacles),
            overdue_commitments: p.overdue_commitments,
            unaccepted_commitments: p.unaccepted_commitments,
            blocked_obstacles: p.blocked_obstacles,
        };
        if review == ReviewState::Overdue {
            attention.push(AttentionItem {
                kind: AttentionKind::OverdueReview,
                plan_id: p.id,
                plan_title: p.title.clone(),
                account_id: p.account_id,
                account_name: p.account_name.clone(),
                item_id: None,
                item_title: p.title.clone(),
                owner_id: Some(kam),
                owner_name: Some(user.name.clone()),
                kam_id: kam,
                since: line.next_review,
                days: cockpit::days_since(line.next_review, today),
                href: format!("/plans/{}?tab=reviews#reviews", p.id),
            });
        }
        plan_of.insert(p.id, (p.title, p.account_id, p.account_name, kam));
        let row = rows.entry(kam).or_insert_with(|| new_row(user, i.limit));
        row.plans.push(line);
    }
    for row in rows.values_mut() {
        row.active_plans = row.plans.iter().filter(|p| p.counts).count() as i64;
        row.over_limit = row.active_plans > i64::from(row.limit);
        row.overdue_commitments = row.plans.iter().map(|p| p.overdue_commitments).sum();
        row.unaccepted_commitments = row.plans.iter().map(|p| p.unaccepted_commitments).sum();
        row.blocked_obstacles = row.plans.iter().map(|p| p.blocked_obstacles).sum();
        row.overdue_reviews = row.plans.iter().filter(|p| p.review == ReviewState::Overdue).count() as i64;
        row.stale_reviews = row.plans.iter().filter(|p| p.review == ReviewState::Stale).count() as i64;
        row.goal_progress = cockpit::mean(row.plans.iter().filter_map(|p| p.goal_progress));
    }
    let item = |kind, plan: PlanId, id: i64, title: String, owner: (Option<UserId>, Option<String>), since: Date| {
        let (plan_title, account_id, account_name, kam) = plan_of.get(&plan)?.clone();
        Some(AttentionItem {
            kind,
            plan_id: plan,
            plan_title,
            account_id,
            account_name,
            item_id: Some(id),
            item_title: title,
            owner_id: owner.0,
            owner_name: owner.1,
            kam_id: kam,
            since,
            days: cockpit::days_since(since, today),
            href: format!("/plans/{plan}#node-{id}"),
        })
    };
    let commitments: Vec<AttentionItem> = i
        .commitments
        .into_iter()
        .filter_map(|c| {
            let (kind, since) = if c.overdue {
                (AttentionKind::OverdueCommitment, c.due_date.unwrap_or(today))
            } else {
                (AttentionKind::UnacceptedCommitment, c.created_at.date())
            };
            item(kind, c.plan_id, c.id.get(), c.title, (c.owner_id, c.owner_name), since)
        })
        .collect();
    let obstacles: Vec<AttentionItem> = i
        .obstacles
        .into_iter()
        .filter_map(|o| {
            let kam = plan_of.get(&o.plan_id).map(|p| p.3);
            let owner = (kam, kam.and_then(|k| by_id.get(&k)).map(|u| u.name.clone()));
            item(AttentionKind::BlockedObstacle, o.plan_id, o.id.get(), o.title, owner, o.blocked_since.date())
        })
        .collect();
    attention.extend(commitments.iter().cloned());
    attention.extend(obstacles.iter().cloned());
    let mut kams: Vec<KamRow> = rows.into_values().collect();
    kams.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
    Cockpit {
        as_of: today,
        limit: i.limit,
        filters: filters.clone(),
        whole_organisation: false,
        compared_with: None,
        totals: Vec::new(),
        kams,
        needs_attention: cockpit::needs_attention(attention, today),
        limit_exceptions: Vec::new(),
        choices: CockpitChoices::default(),
        behind: Behind { commitments, obstacles },
    }
}

/// The totals of the rows.
pub fn totals_of(rows: &[KamRow]) -> Totals {
    Totals {
        kams: rows.len() as i64,
        active_plans: rows.iter().map(|r| r.active_plans).sum(),
        kams_over_limit: rows.iter().filter(|r| r.over_limit).count() as i64,
        overdue_commitments: rows.iter().map(|r| r.overdue_commitments).sum(),
        unaccepted_commitments: rows.iter().map(|r| r.unaccepted_commitments).sum(),
        blocked_obstacles: rows.iter().map(|r| r.blocked_obstacles).sum(),
        overdue_reviews: rows.iter().map(|r| r.overdue_reviews).sum(),
        stale_reviews: rows.iter().map(|r| r.stale_reviews).sum(),
        goal_progress: cockpit::mean(rows.iter().flat_map(|r| r.plans.iter().filter_map(|p| p.goal_progress))),
    }
}

/// The items behind one figure: of one KAM's row (`kam`), else of every row shown.
/// A KAM the reader may not see (or not in the filters) answers "not found".
pub fn items(c: &Cockpit, kam: Option<UserId>, what: What) -> Result<Vec<ItemLine>> {
    if let Some(k) = kam
        && !c.kams.iter().any(|r| r.id == k)
    {
        return Err(AppError::NotFound);
    }
    let of_kam = |id: UserId| kam.is_none_or(|k| k == id);
    let plan_lines = |keep: &dyn Fn(&PlanLine) -> bool| -> Vec<ItemLine> {
        c.kams
            .iter()
            .filter(|r| of_kam(r.id))
            .flat_map(|r| r.plans.iter().filter(|p| keep(p)).map(move |p| (r, p)))
            .map(|(r, p)| ItemLine {
                title: p.title.clone(),
                href: format!("/plans/{}", p.id),
                plan_id: p.id,
                plan_title: p.title.clone(),
                account_name: p.account_name.clone(),
                owner_name: Some(r.name.clone()),
                date: Some(p.next_review),
                days: (p.review == ReviewState::Overdue).then(|| cockpit::days_since(p.next_review, c.as_of)),
                status: Some(p.status),
                review: Some(p.review),
            })
            .collect()
    };
    let listed = |list: &[AttentionItem], kind: AttentionKind| -> Vec<ItemLine> {
        list.iter()
            .filter(|a| a.kind == kind && of_kam(a.kam_id))
            .map(|a| ItemLine {
                title: a.item_title.clone(),
                href: a.href.clone(),
                plan_id: a.plan_id,
                plan_title: a.plan_title.clone(),
                account_name: a.account_name.clone(),
                owner_name: a.owner_name.clone(),
                date: Some(a.since),
                days: Some(a.days),
                status: None,
                review: None,
            })
            .collect()
    };
    Ok(match what {
        What::Plans => plan_lines(&|_| true),
        What::ActivePlans => plan_lines(&|p| p.counts),
        What::OverdueReviews => plan_lines(&|p| p.review == ReviewState::Overdue),
        What::StaleReviews => plan_lines(&|p| p.review == ReviewState::Stale),
        What::OverdueCommitments => listed(&c.behind.commitments, AttentionKind::OverdueCommitment),
        What::UnacceptedCommitments => listed(&c.behind.commitments, AttentionKind::UnacceptedCommitment),
        What::BlockedObstacles => listed(&c.behind.obstacles, AttentionKind::BlockedObstacle),
    })
}

/// Keeps today's totals of every organisation that has none for today (the
/// background refresh of `keyplan serve` calls it hourly; the first server to
/// write wins). Returns how many organisations it wrote.
pub async fn record_daily_totals(store: &Store, today: Date) -> usize {
    let orgs = match store.orgs_without_cockpit_totals(today).await {
        Ok(o) => o,
        Err(e) => {
            tracing::warn!(error = %e, "listing organisations for the cockpit's totals failed");
            return 0;
        }
    };
    let mut written = 0;
    for org in orgs {
        match organisation_totals(store, org, today).await {
            Ok(t) => match store.record_cockpit_totals(org, today, &t).await {
                Ok(true) => written += 1,
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, org = org.get(), "keeping the cockpit's totals failed"),
            },
            Err(e) => tracing::warn!(error = %e, org = org.get(), "reading the cockpit's totals failed"),
        }
    }
    written
}

/// The organisation's totals today, unfiltered, as a manager sees them.
pub async fn organisation_totals(store: &Store, org: OrgId, today: Date) -> Result<Totals> {
    let filter = CockpitFilter::default();
    let (users, settings, plans, kpis) = tokio::try_join!(
        store.list_users(org),
        store.organisation_settings(org),
        store.cockpit_plans(org, &filter, today),
        store.cockpit_kpis(org, &filter),
    )?;
    let input = Input {
        users: &users,
        plans,
        kpis: &kpis,
        commitments: Vec::new(),
        obstacles: Vec::new(),
        limit: settings.0.active_plans_per_kam,
        today,
    };
    let c = assemble(input, &Filters::default(), &|_| true);
    Ok(totals_of(&c.kams))
}
