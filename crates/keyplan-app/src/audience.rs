//! One plan, three audiences: the server-side redaction that every page, export,
//! API answer and share link of a non-team view goes through. The rules are in
//! [`keyplan_domain::audience`]; this applies them to a loaded [`PlanBundle`].

use std::collections::HashSet;

use keyplan_domain::audience::{self, Audience, Content, Visibility};
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::{self, Node, NodeKind, TreeNode};
use keyplan_domain::{OrgId, PlanId, permissions};
use keyplan_store::{Store, Visibilities, VisibilityTarget};

use crate::AppError;
use crate::Result;
use crate::bundle::PlanBundle;

/// Where "what we need from management" is written: a section text outside
/// every template, so it never shows up among the plan's own sections.
pub const MANAGEMENT_ASKS_KEY: &str = "_management_asks";

/// The plan as `audience` may see it: loaded, then redacted on the server;
/// built-in template texts in `lang`. The commitments' progress notes are
/// loaded only for an audience that sees internal notes (never the customer).
pub async fn audience_bundle(
    store: &Store,
    org: OrgId,
    viewer: Option<permissions::Actor>,
    id: PlanId,
    audience: Audience,
    lang: keyplan_domain::Lang,
) -> Result<(PlanBundle, Visibilities)> {
    let internal = audience::shown_unmarked(audience, Content::InternalNote);
    let (mut b, vis, progress) = tokio::try_join!(
        crate::bundle::plan_bundle_for(store, org, viewer, id, lang),
        async { store.visibilities(org, id).await.map_err(AppError::from) },
        async { if internal { store.plan_progress_notes(org, id).await.map_err(AppError::from) } else { Ok(Vec::new()) } },
    )?;
    b.progress = progress;
    Ok((redact(b, &vis, audience), vis))
}

/// What a section text is, for the sharing rules.
fn section_content(b: &PlanBundle, key: &str) -> Content {
    match b.doc.section(key) {
        Some(s) => Content::SectionText(s.kind),
        None if key == MANAGEMENT_ASKS_KEY => Content::ManagementAsk,
        // Text of a section the template no longer has: nobody outside the team.
        None => Content::OtherAccount,
    }
}

fn node_content(n: &Node) -> Content {
    Content::Node(n.kind(), if n.kind() == NodeKind::Commitment { n.acceptance() } else { None })
}

/// Removes from `b` everything `audience` may not see. The team's view is the bundle as loaded.
pub fn redact(mut b: PlanBundle, vis: &Visibilities, audience: Audience) -> PlanBundle {
    b.audience = audience;
    if audience == Audience::Team {
        return b;
    }
    let customer = audience == Audience::Customer;
    b.can_edit = false;
    b.printed_pages = None;
    b.limit_exception = None;

    // The tree: a node with everything above it.
    let mut nodes = Vec::new();
    fn walk(t: &TreeNode, path: &mut Vec<(Visibility, Content)>, vis: &Visibilities, audience: Audience, out: &mut Vec<Node>) {
        path.push((vis.get(VisibilityTarget::Node, t.node.id.get()), node_content(&t.node)));
        if audience::node_shown(audience, path) {
            out.push(t.node.clone());
            for c in &t.children {
                walk(c, path, vis, audience, out);
            }
        }
        path.pop();
    }
    for t in &b.tree {
        walk(t, &mut Vec::new(), vis, audience, &mut nodes);
    }
    if customer {
        // Figures about our business never reach the customer: a goal for us
        // (or for both) shows without them, and the plan under the title
        // written for the customer, never the internal one.
        for n in &mut nodes {
            if let Some(g) = n.detail.goal_mut()
                && !audience::goal_figures_for_customer(g.benefit)
            {
                g.metric = None;
                g.baseline = None;
                g.target = None;
                g.unit = None;
            }
        }
        let p = &mut b.plan;
        p.title = keyplan_domain::plan::customer_title(p.customer_title.as_deref(), &b.account.name, p.period_start, p.period_end);
        p.customer_title = None;
    }
    if !audience::shown_unmarked(audience, Content::InternalNote) {
        for n in &mut nodes {
            n.notes = None;
            if let Some(c) = n.detail.commitment_mut() {
                c.decline_reason = None;
                c.proposed_due_date = None;
                c.author_id = None;
            }
        }
    }
    // Offering a commitment to the customer shares it; one its owner has not
    // accepted is still the team's business.
    b.joint.retain(|j| !customer || j.node.acceptance() == Some(keyplan_domain::tree::Acceptance::Accepted));
    if !audience::shown_unmarked(audience, Content::InternalNote) {
        for j in &mut b.joint {
            j.node.notes = None;
            if let Some(c) = j.node.detail.commitment_mut() {
                c.decline_reason = None;
                c.proposed_due_date = None;
                c.author_id = None;
            }
        }
    }
    let (tree, summary) = tree::build_tree(nodes, crate::today());
    b.tree = tree;
    // Management judges the whole plan's progress; the customer only what they see.
    if customer {
        b.summary = summary;
    }
    let node_ids: HashSet<i64> = b.all_nodes().iter().map(|n| n.id.get()).collect();
    // Progress notes are internal notes: only on the commitments shown, and never for the customer.
    if customer || !audience::shown_unmarked(audience, Content::InternalNote) {
        b.progress.clear();
    }
    b.progress.retain(|p| node_ids.contains(&p.node_id.get()));

    // Sections the audience may not see at all drop out of the document.
    if customer {
        b.doc.sections.retain(|s| !matches!(s.kind, SectionKind::StakeholderMap | SectionKind::Whitespace));
    }
    let sections = std::mem::take(&mut b.sections);
    b.sections = sections
        .into_iter()
        .filter(|s| audience::shown(audience, vis.get(VisibilityTarget::Section, s.id.get()), section_content(&b, &s.section_key)))
        .collect();

    b.items.retain(|i| audience::shown(audience, vis.get(VisibilityTarget::Item, i.id.get()), Content::Item(i.kind(), i.category())));
    let item_ids: HashSet<i64> = b.items.iter().map(|i| i.id.get()).collect();
    for i in &mut b.items {
        if i.derived_from_id.is_some_and(|d| !item_ids.contains(&d.get())) {
            i.derived_from_id = None;
        }
        if customer {
            // Where a finding came from (a call, a colleague) is the team's business.
            i.source = None;
            i.author_id = None;
        }
    }

    b.kpis.retain(|k| audience::shown(audience, vis.get(VisibilityTarget::Kpi, k.id.get()), Content::Kpi));
    let kpi_ids: HashSet<i64> = b.kpis.iter().map(|k| k.id.get()).collect();
    for k in &mut b.kpis {
        if k.goal_id.is_some_and(|g| !node_ids.contains(&g.get())) {
            k.goal_id = None;
        }
    }
    b.kpi_actuals.retain(|a| kpi_ids.contains(&a.kpi_id.get()));
    // The pipeline is a commercial figure: only for those who see them, and only behind goals they see.
    let pipeline = audience::shown_unmarked(audience, Content::CommercialFigures);
    b.opportunities.retain(|o| pipeline && o.goal_id.is_some_and(|g| node_ids.contains(&g.get())));
    if customer {
        for a in &mut b.kpi_actuals {
            a.note = None;
            a.recorded_by = None;
        }
    }

    let section_ids: HashSet<i64> = b.sections.iter().map(|s| s.id.get()).collect();
    let cells = audience::shown_unmarked(audience, Content::CommercialFigures);
    let assessments = audience::shown_unmarked(audience, Content::ContactAssessment);
    b.links.retain(|l| {
        node_ids.contains(&l.goal_id.get())
            && match l.target_kind() {
                keyplan_domain::analysis::LinkKind::Item => item_ids.contains(&l.target_id),
                keyplan_domain::analysis::LinkKind::Section => section_ids.contains(&l.target_id),
                keyplan_domain::analysis::LinkKind::Cell => cells,
                keyplan_domain::analysis::LinkKind::Contact => assessments,
            }
    });

    if !cells {
        b.whitespace = None;
        let a = &mut b.account;
        a.current_revenue = None;
        a.total_spend = None;
        a.potential = None;
        a.growth_trend = None;
        a.crm_id = None;
    }
    if customer {
        b.account.parent_id = None;
        b.account.owner_id = None;
        b.account.updated_by = None;
        b.plan.created_by = None;
        b.plan.updated_by = None;
        b.reviews.clear();
        b.team.clear();
        // Only the people named next to what the customer sees, by name.
        let people: HashSet<i64> =
            b.all_nodes().iter().copied().chain(b.joint.iter().map(|j| &j.node)).filter_map(|n| n.owner_id()).map(|u| u.get()).collect();
        b.users.retain(|u| people.contains(&u.id.get()));
        for u in &mut b.users {
            u.email = String::new();
        }
        let contacts: HashSet<i64> = b
            .all_nodes()
            .iter()
            .filter_map(|n| n.contact_id())
            .chain(b.joint.iter().filter_map(|j| j.contact_id.or(j.node.contact_id())))
            .map(|c| c.get())
            .collect();
        b.contacts.retain(|c| contacts.contains(&c.id.get()));
    }
    if !assessments {
        for c in &mut b.contacts {
            c.buying_role = None;
            c.influence = None;
            c.attitude = None;
            c.relationship_owner_id = None;
            c.objective = None;
            c.last_contact_date = None;
            c.reports_to_id = None;
            c.email = None;
            c.phone = None;
            c.updated_by = None;
        }
    }
    b
}

/// "What we need from management", if anyone wrote it.
pub fn management_asks(b: &PlanBundle) -> Option<&keyplan_store::PlanSection> {
    b.section_text(MANAGEMENT_ASKS_KEY)
}
