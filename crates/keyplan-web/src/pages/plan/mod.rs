//! The plan page: the whole constraint tree on one screen, then the sections
//! of its template, the KPI scorecard and the reviews card. Each card is built
//! by its own module here; the handlers that write (in `pages::plans`,
//! `pages::sections`, `pages::kpis`, `pages::reviews`) re-render the page
//! through [`plan_page`], never through each other.

pub mod coach_panel;
pub mod customer_card;
pub mod node_edit;
pub mod reviews_card;
pub mod scorecard;
pub mod sections;

use super::{Chrome, render};
use crate::AppState;
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::{FormView, Opt};
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::bundle::PlanBundle;
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind, TreeNode};
use keyplan_domain::{NodeId, PlanId, UserId};
use keyplan_i18n::Tr;

/// One node as the page shows it.
pub struct NodeView {
    pub id: i64,
    pub kind: &'static str,
    pub title: String,
    pub notes: String,
    pub health: &'static str,
    pub health_label: String,
    pub measure: String,
    pub owner: String,
    pub owner_initials: String,
    pub contact: String,
    pub due: String,
    pub done_criterion: String,
    /// How the owner will deliver a commitment (empty: not said).
    pub how: String,
    pub status: &'static str,
    pub status_label: String,
    pub acceptance: &'static str,
    pub acceptance_label: String,
    pub accepted: bool,
    pub decline_reason: String,
    pub proposed_due: String,
    pub overdue: bool,
    pub mine_to_answer: bool,
    pub version: i64,
    pub first: bool,
    pub last: bool,
    pub edit: FormView,
    pub add: FormView,
    pub children: Vec<NodeView>,
    /// Comments on this node.
    pub comments: usize,
    /// Offered to the customer: `open`, `accepted` or `declined`; empty when not.
    pub joint: &'static str,
    pub joint_label: String,
}

impl NodeView {
    pub fn is_commitment(&self) -> bool {
        self.kind == "commitment"
    }
    /// Commitments hanging directly under a goal (not under an obstacle).
    pub fn direct_commitments(&self) -> Vec<&NodeView> {
        self.children.iter().filter(|c| c.is_commitment()).collect()
    }
    pub fn factors(&self) -> Vec<&NodeView> {
        self.children.iter().filter(|c| !c.is_commitment()).collect()
    }
}

#[derive(Default)]
pub struct PlanForms {
    pub edit: Option<(NodeId, FormView)>,
    /// The add form under this parent (`None`: a new goal).
    pub add: Option<(Option<NodeId>, FormView)>,
    pub plan: Option<FormView>,
    pub sections: sections::SectionForms,
    pub reviews: reviews_card::CardForms,
    /// The "offer to the customer" form, as refused.
    pub customer: Option<FormView>,
    /// A commitment's owner just chosen: offered a place on the account team if not on it.
    pub offer_team: Option<UserId>,
    /// The tab under the plan asked for (`?tab=`): its panel is in the page.
    pub tab: Option<Tab>,
}

/// The tabs under the plan (issue 15), each a panel of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Reviews,
    Timeline,
    Coach,
    Customer,
    Discussion,
}

impl Tab {
    pub fn parse(raw: &str) -> Option<Tab> {
        match raw.trim() {
            "reviews" => Some(Tab::Reviews),
            "timeline" => Some(Tab::Timeline),
            "coach" => Some(Tab::Coach),
            "customer" => Some(Tab::Customer),
            "discussion" => Some(Tab::Discussion),
            _ => None,
        }
    }
}

/// Which panels are in the page: the tab asked for, and any whose form came
/// back refused. The others are fetched when opened (issue 18: a light page).
pub struct Tabs {
    pub reviews: bool,
    pub timeline: bool,
    pub coach: bool,
    pub customer: bool,
    pub discussion: bool,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    chrome: Chrome,
    id: i64,
    title: String,
    account_id: i64,
    account_name: String,
    status: &'static str,
    status_label: String,
    period: String,
    months: i32,
    goals: Vec<NodeView>,
    s: keyplan_domain::tree::TreeSummary,
    can_edit: bool,
    plan_form: FormView,
    /// What customer outputs call the plan when no title is written for them.
    customer_title_default: String,
    add_goal: FormView,
    users: Vec<Opt>,
    contacts: Vec<Opt>,
    statuses: Vec<Opt>,
    plan_statuses: Vec<Opt>,
    unaccepted: Vec<String>,
    sx: sections::SectionsView,
    dx: super::collab::Discussion,
    rv: reviews_card::ReviewsCard,
    cx: customer_card::CustomerCard,
    coach: coach_panel::CoachPanel,
    /// The exception to the limits on active plans a manager allowed, if any.
    limit_note: Option<String>,
    /// The pipeline coverage of the money goals.
    pipeline: super::opportunities_coverage::Pipeline,
    /// An owner not on the account team, offered a place on it: (user id, name).
    team_offer: Option<(i64, String)>,
    tabs: Tabs,
    /// Whether the plan has a timeline to show (dated commitments).
    has_timeline: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct ShowQuery {
    /// After an add: the parent whose add form opens again (`goal`: a new goal), focused.
    #[serde(default)]
    add: String,
    /// After an add: the new commitment's owner, offered a place on the account team.
    #[serde(default)]
    team: String,
    /// The tab under the plan whose panel is sent with the page.
    #[serde(default)]
    tab: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    uri: axum::http::Uri,
    Id(id): Id<PlanId>,
    axum::extract::Query(q): axum::extract::Query<ShowQuery>,
) -> Result<Response, PageError> {
    // A pending one-time message is shown once: such a request always renders.
    let flash = headers.get(axum::http::header::COOKIE).and_then(|c| c.to_str().ok()).is_some_and(|c| c.contains(super::FLASH_COOKIE));
    let tag = crate::etag::tag(&state, &auth, &uri).await?;
    let again = FormView { open: true, focus: true, ..Default::default() };
    let add = match q.add.trim() {
        "goal" => Some((None, again)),
        p => crate::extract::parse_id::<keyplan_domain::NodeId>(p).map(|n| (Some(n), again)),
    };
    let offer_team = crate::extract::parse_id::<UserId>(q.team.trim());
    let tab = Tab::parse(&q.tab);
    let page = plan_page(&state, &auth, &headers, id, PlanForms { add, offer_team, tab, ..Default::default() }, StatusCode::OK);
    if flash {
        return page.await;
    }
    crate::etag::answer(&state, &headers, tag, page).await
}

pub async fn plan_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: PlanId,
    mut forms: PlanForms,
    status: StatusCode,
) -> Result<Response, PageError> {
    let mut b = keyplan_app::bundle::plan_bundle(&state.store, auth, id, crate::lang::current()).await?;
    crate::printed::count_pages(&mut b).await;
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;
    if let Some(f) = forms.plan.as_mut() {
        f.localise(t);
    }
    if let Some((_, f)) = forms.edit.as_mut() {
        f.localise(t);
    }
    if let Some((_, f)) = forms.add.as_mut() {
        f.localise(t);
    }
    let count = b.tree.len();
    let mut goals: Vec<NodeView> =
        b.tree.iter().enumerate().map(|(i, n)| node_view(t, &b, auth.id(), n, i == 0, i + 1 == count, &mut forms)).collect();
    let unaccepted = collect_unaccepted(t, &b);
    let had_flash = chrome.flash.is_some();
    let plan_status = b.plan.status();
    let add_goal = match forms.add.take() {
        Some((None, f)) => f,
        _ => FormView::default(),
    };
    let mut sx = sections::build(t, &b, &mut forms.sections);
    // The discussion, the reviews card and the coach's settings and evidence, side by side.
    let (dx, rv, report) = tokio::try_join!(
        super::collab::discussion_in(&state.store, auth, &b, t),
        reviews_card::card_in(state, auth.actor(), &b, std::mem::take(&mut forms.reviews), t),
        coach_panel::load(state, &b),
    )?;
    count_comments(&mut goals, &dx);
    for it in sx.sections.iter_mut().flat_map(|s| s.groups.iter_mut()).flat_map(|g| g.items.iter_mut()) {
        it.comments = dx.count("item", it.id);
    }
    for g in &mut sx.goal_cards {
        g.comments = dx.count("node", g.id);
    }
    let coach = coach_panel::panel(&report, &b, "", Some(&rv.trend), t);
    let cx = customer_card::card(&b, forms.customer.take(), t);
    let limit_note = b.limit_exception.as_ref().map(|e| limit_note(t, e));
    let pipeline = super::opportunities_coverage::Pipeline::of_bundle(&b, t);
    let team_offer = forms
        .offer_team
        .filter(|u| b.can_edit && b.account.owner_id != Some(*u) && !b.team.iter().any(|m| m.user_id == *u))
        .and_then(|u| b.users.iter().find(|x| x.id == u && x.active))
        .map(|u| (u.id.get(), u.name.clone()));
    let tab = forms.tab;
    let tabs = Tabs {
        reviews: tab == Some(Tab::Reviews) || rv.add.open || rv.sched.open,
        timeline: tab == Some(Tab::Timeline),
        coach: tab == Some(Tab::Coach),
        customer: tab == Some(Tab::Customer) || cx.form.open,
        discussion: tab == Some(Tab::Discussion),
    };
    let page = PlanPage {
        has_timeline: !sx.timeline_svg.is_empty(),
        tabs,
        team_offer,
        pipeline,
        limit_note,
        coach,
        cx,
        rv,
        sx,
        dx,
        chrome,
        id: b.plan.id.get(),
        title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        status: plan_status.as_str(),
        status_label: t.enum_label("plan-status", plan_status.as_str()),
        period: format!("{} – {}", t.date(b.plan.period_start), t.date(b.plan.period_end)),
        months: keyplan_domain::plan::period_months(b.plan.period_start, b.plan.period_end),
        goals,
        s: b.summary.clone(),
        can_edit: b.can_edit,
        plan_form: forms.plan.take().unwrap_or_else(|| FormView::from_input(&keyplan_app::plans::plan_to_input(&b.plan), b.plan.version)),
        customer_title_default: keyplan_domain::plan::customer_title(None, &b.account.name, b.plan.period_start, b.plan.period_end),
        add_goal,
        users: plan_people(&b, auth.id()),
        contacts: b.contacts.iter().map(|c| Opt::new(c.id, &c.name)).collect(),
        statuses: CommitmentStatus::ALL.iter().map(|s| Opt::new(s.as_str(), t.enum_label("status", s.as_str()))).collect(),
        plan_statuses: offered_statuses(b.plan.status(), keyplan_domain::permissions::can_approve_plans(auth.actor()))
            .map(|s| Opt::new(s.as_str(), t.enum_label("plan-status", s.as_str())))
            .collect(),
        unaccepted,
    };
    Ok(render(status, &page, had_flash))
}

/// The statuses the plan's editor may choose: only a manager approves or
/// withdraws an approval, so others are offered neither (an approved plan
/// keeps its one status for them).
fn offered_statuses(current: PlanStatus, can_approve: bool) -> impl Iterator<Item = PlanStatus> {
    PlanStatus::ALL.into_iter().filter(move |s| can_approve || *s == current || (!s.needs_manager() && !current.needs_manager()))
}

/// "Activated over the limit of active plans per KAM, allowed by … on …: reason".
fn limit_note(t: Tr, e: &keyplan_store::PlanLimitNote) -> String {
    let limits: Vec<String> = e.limits.split(',').map(|k| t.s(&format!("limit-name-{}", k.trim()))).collect();
    let m = keyplan_domain::Message::new("plan-limit-exception-note")
        .arg("limits", limits.join(", "))
        .arg("by", e.allowed_by_name.clone().unwrap_or_else(|| "—".into()))
        .arg("date", t.date(e.allowed_at.date()))
        .arg("reason", e.reason.clone());
    t.msg(&m)
}

fn count_comments(nodes: &mut [NodeView], dx: &super::collab::Discussion) {
    for n in nodes {
        n.comments = dx.count("node", n.id);
        count_comments(&mut n.children, dx);
    }
}

fn collect_unaccepted(t: Tr, b: &PlanBundle) -> Vec<String> {
    fn walk(t: Tr, b: &PlanBundle, tn: &TreeNode, out: &mut Vec<String>) {
        let n = &tn.node;
        if n.kind() == NodeKind::Commitment && n.acceptance() != Some(Acceptance::Accepted) {
            let who = b.user_name(n.owner_id()).map(str::to_string).unwrap_or_else(|| t.s("tree-someone"));
            let id = match n.acceptance() {
                Some(Acceptance::Declined) => "tree-unaccepted-declined",
                Some(Acceptance::DateProposed) => "tree-unaccepted-date",
                _ => "tree-unaccepted-waits",
            };
            out.push(t.s2(id, "name", who, "title", &n.title));
        }
        for c in &tn.children {
            walk(t, b, c, out);
        }
    }
    let mut out = Vec::new();
    for tn in &b.tree {
        walk(t, b, tn, &mut out);
    }
    out
}

/// With up to this many active users, the owner fields offer every one of them.
const EVERYONE_UP_TO: usize = 30;

/// Whom the owner fields offer without the script, the account's team (and
/// its KAM) first: every active user of a small organisation, else the plan's
/// people (the KAM, the account team, the owners in the plan and the reader),
/// so the page does not grow with the organisation. The script searches everyone.
pub(crate) fn plan_people(b: &PlanBundle, me: UserId) -> Vec<Opt> {
    let on_team = |id: UserId| b.account.owner_id == Some(id) || b.team.iter().any(|m| m.user_id == id);
    let mut active: Vec<_> = b.users.iter().filter(|u| u.active).collect();
    // Stable: each group keeps the users' order.
    active.sort_by_key(|u| !on_team(u.id));
    let active = active.into_iter();
    if active.len() <= EVERYONE_UP_TO {
        return active.map(|u| Opt::new(u.id, &u.name)).collect();
    }
    fn owners(nodes: &[TreeNode], out: &mut std::collections::HashSet<UserId>) {
        for n in nodes {
            out.extend(n.node.owner_id());
            owners(&n.children, out);
        }
    }
    let mut ids: std::collections::HashSet<UserId> = b.team.iter().map(|m| m.user_id).collect();
    ids.extend(b.account.owner_id);
    ids.insert(me);
    owners(&b.tree, &mut ids);
    active.filter(|u| ids.contains(&u.id)).map(|u| Opt::new(u.id, &u.name)).collect()
}

fn node_view(tr: Tr, b: &PlanBundle, me: UserId, t: &TreeNode, first: bool, last: bool, forms: &mut PlanForms) -> NodeView {
    let n = &t.node;
    let edit = match &forms.edit {
        Some((id, _)) if *id == n.id => forms.edit.take().map(|(_, f)| f).unwrap_or_default(),
        _ => {
            let mut f = FormView::from_input(&keyplan_app::nodes::node_to_input(n), n.version);
            f.values.insert("owner".into(), b.user_name(n.owner_id()).unwrap_or_default().to_string());
            f
        }
    };
    let add = match &forms.add {
        Some((Some(parent), _)) if *parent == n.id => forms.add.take().map(|(_, f)| f).unwrap_or_default(),
        // No owner preselected: assigning a commitment is a deliberate choice.
        _ => FormView::default(),
    };
    let count = t.children.len();
    let children = t.children.iter().enumerate().map(|(i, c)| node_view(tr, b, me, c, i == 0, i + 1 == count, forms)).collect();
    let measure = if n.kind() == NodeKind::Goal { keyplan_app::bundle::goal_measure(n, tr) } else { String::new() };
    let owner = b.user_name(n.owner_id()).unwrap_or_default().to_string();
    let acceptance = n.acceptance().unwrap_or(Acceptance::Proposed);
    NodeView {
        id: n.id.get(),
        kind: n.kind().as_str(),
        title: n.title.clone(),
        notes: n.notes.clone().unwrap_or_default(),
        health: t.health.as_str(),
        health_label: tr.enum_label("health", t.health.as_str()),
        measure,
        owner_initials: owner.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect(),
        owner,
        contact: b.contact_name(n.contact_id()).unwrap_or_default().to_string(),
        due: tr.opt_date(n.due_date()),
        done_criterion: n.done_criterion().clone().unwrap_or_default(),
        how: n.how().clone().unwrap_or_default(),
        status: n.status().map(CommitmentStatus::as_str).unwrap_or("open"),
        status_label: tr.enum_label("status", n.status().map(CommitmentStatus::as_str).unwrap_or("open")),
        acceptance: acceptance.as_str(),
        acceptance_label: tr.enum_label("acceptance", acceptance.as_str()),
        accepted: acceptance == Acceptance::Accepted,
        decline_reason: n.decline_reason().clone().unwrap_or_default(),
        proposed_due: tr.opt_date(n.proposed_due_date()),
        overdue: t.overdue,
        mine_to_answer: n.kind() == NodeKind::Commitment
            && ((n.owner_id() == Some(me) && matches!(acceptance, Acceptance::Proposed))
                || (n.author_id() == Some(me) && acceptance == Acceptance::DateProposed)),
        version: n.version,
        first,
        last,
        edit,
        add,
        children,
        comments: 0,
        joint: b.joint.iter().find(|j| j.node.id == n.id).map(|j| j.answer.as_str()).unwrap_or(""),
        joint_label: b
            .joint
            .iter()
            .find(|j| j.node.id == n.id)
            .map(|j| tr.enum_label("joint-badge", j.answer.as_str()))
            .unwrap_or_default(),
    }
}
