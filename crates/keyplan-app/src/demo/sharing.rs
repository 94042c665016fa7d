//! The demo's sharing: parts of two plans marked for management or the
//! customer, and one live share link, so the audience views have content.

use keyplan_domain::PlanId;
use keyplan_domain::analysis::{Category, ItemKind};
use keyplan_domain::audience::Visibility;
use keyplan_domain::tree::NodeKind;
use keyplan_store::VisibilityTarget;

use super::Demo;

impl Demo<'_> {
    /// Plan 1: the goal and the first success factor's branch go to the
    /// customer, the rest to management. Plan 4: strengths, opportunities and
    /// the vision go to the customer, risks to management. Returns the demo
    /// share link's token.
    pub(super) async fn sharing(&self, one_page: PlanId, strategic: PlanId) -> anyhow::Result<String> {
        let nodes = self.store.nodes(self.org, one_page).await?;
        let first_csf = nodes.iter().filter(|n| n.kind() == NodeKind::Csf).min_by_key(|n| (n.position, n.id)).map(|n| n.id);
        let mut shared = std::collections::HashSet::new();
        for n in &nodes {
            // Parents come before children (ids grow as the tree is built).
            let under_first = Some(n.id) == first_csf || n.parent_id.is_some_and(|p| shared.contains(&p));
            let v = if n.kind() == NodeKind::Goal || under_first { Visibility::Customer } else { Visibility::Management };
            if under_first {
                shared.insert(n.id);
            }
            self.store.set_visibility(self.org, one_page, VisibilityTarget::Node, n.id.get(), v).await?;
        }
        for n in self.store.nodes(self.org, strategic).await? {
            let v = if n.kind() == NodeKind::Goal { Visibility::Customer } else { Visibility::Management };
            self.store.set_visibility(self.org, strategic, VisibilityTarget::Node, n.id.get(), v).await?;
        }
        for i in self.store.items(self.org, strategic).await? {
            let v = match (i.kind(), i.category()) {
                (ItemKind::Swot, Some(Category::Strength | Category::Opportunity)) | (ItemKind::Opportunity, _) => Visibility::Customer,
                (ItemKind::Analysis, Some(Category::Customer | Category::Market)) => Visibility::Customer,
                _ => Visibility::Management,
            };
            self.store.set_visibility(self.org, strategic, VisibilityTarget::Item, i.id.get(), v).await?;
        }
        for s in self.store.plan_sections(self.org, strategic).await? {
            let v = if s.section_key == "vision" { Visibility::Customer } else { Visibility::Management };
            self.store.set_visibility(self.org, strategic, VisibilityTarget::Section, s.id.get(), v).await?;
        }
        let token = crate::auth::random_token();
        self.store
            .create_share_link(
                self.org,
                one_page,
                &crate::auth::token_hash(&token),
                "Brightwater procurement team",
                self.today + time::Duration::days(30),
                self.user("lena.hoffmann"),
            )
            .await?;
        Ok(token)
    }
}
