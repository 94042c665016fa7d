//! The plan bundle: everything the plan page, the plan API and the exports
//! show, loaded side by side with a fixed number of queries.

use keyplan_domain::permissions::{self, AccountAccess};
use keyplan_domain::tree::{self, TreeNode, TreeSummary};
use keyplan_domain::{ContactId, Lang, PlanId, UserId};
use keyplan_i18n::Tr;
use keyplan_store::{Account, Contact, Plan, Store, TeamMember, User};

use crate::{Auth, Result, today};

mod coach_input;
mod views;

pub use views::{budget_label, clip, goal_measure, item_kinds};

/// Everything the plan page, the plan API and the exports show, loaded with a
/// fixed number of queries however large the plan.
#[derive(Clone)]
pub struct PlanBundle {
    pub plan: Plan,
    pub account: Account,
    pub access: AccountAccess,
    pub tree: Vec<TreeNode>,
    pub summary: TreeSummary,
    pub users: Vec<User>,
    pub contacts: Vec<Contact>,
    pub team: Vec<TeamMember>,
    pub can_edit: bool,
    /// The template version the plan was made with, and its number.
    pub doc: keyplan_domain::template::TemplateDoc,
    pub template_version: i32,
    pub sections: Vec<keyplan_store::PlanSection>,
    pub items: Vec<keyplan_store::Item>,
    pub links: Vec<keyplan_store::GoalLink>,
    pub settings: keyplan_store::OrgSettings,
    pub whitespace: Option<keyplan_store::Whitespace>,
    pub kpis: Vec<keyplan_store::Kpi>,
    pub kpi_actuals: Vec<keyplan_store::KpiActual>,
    /// The plan's reviews, latest date first (the timeline's marks, the reviews
    /// card and the coach's evidence all read them here).
    pub reviews: Vec<keyplan_store::Review>,
    /// The commitments offered to the customer, with the customer's answers
    /// (loaded with the tree, in the same query).
    pub joint: Vec<keyplan_store::JointCommitment>,
    /// The latest exception to the limits on active plans allowed for this
    /// plan (internal: dropped for every other audience).
    pub limit_exception: Option<keyplan_store::PlanLimitNote>,
    /// The opportunities linked to the plan's goals (one statement), for the
    /// pipeline coverage; internal commercial figures, dropped for the customer.
    pub opportunities: Vec<keyplan_store::Opportunity>,
    /// When the plan is reviewed and was last updated (read with the plan;
    /// `None` in bundles made without the store, such as tests of files).
    pub schedule: Option<keyplan_store::ReviewSchedule>,
    /// The commitments' dated progress notes, newest first: loaded only for
    /// the files of an audience that sees internal notes (see
    /// [`crate::audience::audience_bundle`]), empty otherwise.
    pub progress: Vec<keyplan_store::ProgressNote>,
    /// Who this bundle is for; anything but the team has been through [`crate::audience::redact`].
    pub audience: keyplan_domain::audience::Audience,
    /// The pages the plan's PDF takes, when a caller typeset it (the plan page
    /// and the plan API do): the plan's length is then that count.
    pub printed_pages: Option<u32>,
}

impl PlanBundle {
    /// The review dates for the timeline and the coach, oldest first: the
    /// plan's reviews as marks.
    pub fn review_marks(&self) -> Vec<keyplan_store::ReviewMark> {
        let mut marks: Vec<keyplan_store::ReviewMark> = self
            .reviews
            .iter()
            .map(|r| keyplan_store::ReviewMark { id: r.id.get(), kind: r.kind, review_date: r.review_date, held_at: r.held_at })
            .collect();
        marks.sort_by_key(|m| (m.review_date, m.id));
        marks
    }

    pub fn user_name(&self, id: Option<UserId>) -> Option<&str> {
        id.and_then(|id| self.users.iter().find(|u| u.id == id)).map(|u| u.name.as_str())
    }
    pub fn contact_name(&self, id: Option<ContactId>) -> Option<&str> {
        id.and_then(|id| self.contacts.iter().find(|c| c.id == id)).map(|c| c.name.as_str())
    }
    /// The progress notes on commitment `id`, newest first (none unless loaded).
    pub fn progress_of(&self, id: keyplan_domain::NodeId) -> impl Iterator<Item = &keyplan_store::ProgressNote> {
        self.progress.iter().filter(move |p| p.node_id == id)
    }
}

/// The plan as `auth` sees it; built-in template texts in `lang`.
pub async fn plan_bundle(store: &Store, auth: &Auth, id: PlanId, lang: Lang) -> Result<PlanBundle> {
    plan_bundle_for(store, auth.org(), Some(auth.actor()), id, lang).await
}

/// The bundle for an organisation; `viewer` decides `can_edit` (none: read-only,
/// as for command-line exports).
pub async fn plan_bundle_for(
    store: &Store,
    org: keyplan_domain::OrgId,
    viewer: Option<permissions::Actor>,
    id: PlanId,
    lang: Lang,
) -> Result<PlanBundle> {
    // Two statements side by side, however large the plan (issue 18): the
    // tree with the customer's answers, and the plan with everything else.
    let (r, (nodes, joint)) = tokio::try_join!(store.plan_reads(org, id), store.nodes_with_offers(org, id))?;
    let keyplan_store::PlanReads {
        plan,
        limit_exception,
        account,
        team,
        contacts,
        sections,
        items,
        links,
        kpis,
        kpi_actuals,
        reviews,
        opportunities,
        schedule,
        whitespace,
        template_version,
        settings,
        users,
    } = r;
    let (doc, template_version) = match template_version {
        Some(v) => (v.doc(), v.number),
        // A plan from before template versions: its template's current version.
        None => plan_template(store, org, &plan).await?,
    };
    let doc = keyplan_i18n::templates::localised(doc, Tr::new(lang));
    let access = AccountAccess { owner_id: account.owner_id, team: team.iter().map(|t| t.user_id).collect() };
    let (tree, summary) = tree::build_tree(nodes, today());
    let can_edit = viewer.is_some_and(|a| permissions::can_edit_plans(a, &access));
    let whitespace = Some(whitespace);
    Ok(PlanBundle {
        plan,
        account,
        access,
        tree,
        summary,
        users,
        contacts,
        team,
        can_edit,
        doc,
        template_version,
        sections,
        items,
        links,
        settings,
        whitespace,
        kpis,
        kpi_actuals,
        reviews,
        joint,
        limit_exception,
        opportunities,
        schedule: Some(schedule),
        progress: Vec::new(),
        audience: keyplan_domain::audience::Audience::Team,
        printed_pages: None,
    })
}

/// The template document of a plan: the version it was made with.
pub async fn plan_template(store: &Store, org: keyplan_domain::OrgId, plan: &Plan) -> Result<(keyplan_domain::template::TemplateDoc, i32)> {
    let version = match plan.template_version_id {
        Some(v) => store.template_version(org, v).await?,
        None => {
            let t = store.template_by_key(org, &plan.template).await?;
            store.template_version(org, t.version_id).await?
        }
    };
    Ok((version.doc(), version.number))
}
