//! Who may read what: one plan, three audiences (PRODUCT.md principle 4).
//!
//! Every item a user writes carries a [`Visibility`]: the widest audience it
//! may reach. The audiences are nested — the team sees everything, management
//! sees what is marked for management or the customer, the customer sees only
//! what is marked for the customer. Some content never reaches the customer,
//! whatever its mark ([`never_for_customer`]). Pages, exports, the API and
//! share links all ask [`shown`]; none of them decides itself.

use serde::{Deserialize, Serialize};

use crate::analysis::{Category, ItemKind};
use crate::template::SectionKind;
use crate::tree::{Acceptance, NodeKind};
use crate::validate::FieldError;

/// The widest audience an item may reach. Ordered: team < management < customer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Team,
    Management,
    Customer,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Team, Visibility::Management, Visibility::Customer];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Team => "team",
            Visibility::Management => "management",
            Visibility::Customer => "customer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Reads a submitted value; empty means the default (team only).
    pub fn validate(field: &str, s: &str) -> Result<Self, FieldError> {
        match s.trim() {
            "" => Ok(Visibility::Team),
            v => Self::parse(v).ok_or_else(|| FieldError::new(field, crate::Message::new("review-err-kind"))),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Visibility::Team => "Team only",
            Visibility::Management => "Team and management",
            Visibility::Customer => "Shareable with the customer",
        }
    }
}

/// Who a rendering of the plan is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    #[default]
    Team,
    Management,
    Customer,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Team, Audience::Management, Audience::Customer];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Team => "team",
            Audience::Management => "management",
            Audience::Customer => "customer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Reads a query parameter; empty means the team's view.
    pub fn validate(field: &str, s: &str) -> Result<Self, FieldError> {
        match s.trim() {
            "" => Ok(Audience::Team),
            v => Self::parse(v).ok_or_else(|| FieldError::new(field, crate::Message::new("review-err-kind"))),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Audience::Team => "Team",
            Audience::Management => "Management briefing",
            Audience::Customer => "Customer excerpt",
        }
    }

    /// The least visibility an item needs to reach this audience.
    fn needs(self) -> Visibility {
        match self {
            Audience::Team => Visibility::Team,
            Audience::Management => Visibility::Management,
            Audience::Customer => Visibility::Customer,
        }
    }
}

/// A piece of plan content, as far as sharing is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// A node of the constraint tree; commitments carry their acceptance.
    Node(NodeKind, Option<Acceptance>),
    /// An analysis item, SWOT entry, opportunity or risk.
    Item(ItemKind, Option<Category>),
    /// The writer's text (body and "so what?") of a section of this kind.
    SectionText(SectionKind),
    Kpi,
    /// "What we need from management": written for management only.
    ManagementAsk,
    /// Free notes on a node or KPI actual, decline reasons, proposed dates.
    InternalNote,
    /// Team comments on the plan or its items.
    Comment,
    /// A contact's attitude towards us, influence rating, buying role or contact objective.
    ContactAssessment,
    /// Our revenue, the customer's spend, potential, CRM id, whitespace values.
    CommercialFigures,
    /// Anything about another account.
    OtherAccount,
}

/// Content that never reaches the customer, whatever its visibility says.
pub fn never_for_customer(c: Content) -> bool {
    match c {
        // Only accepted commitments are part of the plan; a declined or still
        // negotiated one is the team's business.
        Content::Node(NodeKind::Commitment, a) => a != Some(Acceptance::Accepted),
        Content::Node(..) => false,
        Content::Item(ItemKind::Swot, cat) => matches!(cat, Some(Category::Weakness | Category::Threat) | None),
        Content::Item(..) => false,
        // A buying-centre map is about attitudes and influence; the matrix about our figures.
        Content::SectionText(kind) => matches!(kind, SectionKind::StakeholderMap | SectionKind::Whitespace),
        Content::Kpi => false,
        Content::ManagementAsk
        | Content::InternalNote
        | Content::Comment
        | Content::ContactAssessment
        | Content::CommercialFigures
        | Content::OtherAccount => true,
    }
}

/// Whether a goal shown to the customer keeps its figures (metric, baseline,
/// target): only a goal for the customer's own benefit. A goal for us, or for
/// both, is about our business (revenue, share of wallet) and reaches the
/// customer without them, whatever its mark.
pub fn goal_figures_for_customer(benefit: Option<crate::analysis::Benefit>) -> bool {
    benefit == Some(crate::analysis::Benefit::Customer)
}

/// Whether `audience` sees content of this kind marked `visibility`.
pub fn shown(audience: Audience, visibility: Visibility, content: Content) -> bool {
    match audience {
        Audience::Team => content != Content::OtherAccount,
        Audience::Customer if never_for_customer(content) => false,
        // Internal content without a mark of its own goes to management.
        Audience::Management
            if matches!(
                content,
                Content::ManagementAsk | Content::InternalNote | Content::Comment | Content::ContactAssessment | Content::CommercialFigures
            ) =>
        {
            true
        }
        Audience::Management if content == Content::OtherAccount => false,
        // The briefing is internal and tells the truth: the whole tree (every
        // open obstacle, every commitment at risk) and every KPI, whatever
        // their marks. Marks only choose which extra analysis it shows.
        Audience::Management if matches!(content, Content::Node(..) | Content::Kpi) => true,
        a => visibility >= a.needs(),
    }
}

/// Whether content with no visibility of its own (notes, assessments, figures) is shown.
pub fn shown_unmarked(audience: Audience, content: Content) -> bool {
    shown(audience, Visibility::Management, content)
}

/// A tree node is shown only when it and every node above it are: a visible
/// obstacle under a hidden condition would lose its meaning (and hint at the
/// hidden part).
pub fn node_shown(audience: Audience, path: &[(Visibility, Content)]) -> bool {
    path.iter().all(|(v, c)| shown(audience, *v, *c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Audience as A;
    use Visibility as V;

    const ACCEPTED: Content = Content::Node(NodeKind::Commitment, Some(Acceptance::Accepted));

    #[test]
    fn only_goals_for_the_customer_keep_their_figures_in_customer_outputs() {
        use crate::analysis::Benefit;
        assert!(goal_figures_for_customer(Some(Benefit::Customer)));
        for b in [Some(Benefit::Us), Some(Benefit::Both), None] {
            assert!(!goal_figures_for_customer(b), "{b:?}");
        }
    }

    #[test]
    fn audiences_are_nested() {
        let finding = Content::Item(ItemKind::Analysis, Some(Category::Market));
        for (v, team, mgmt, customer) in
            [(V::Team, true, false, false), (V::Management, true, true, false), (V::Customer, true, true, true)]
        {
            assert_eq!(shown(A::Team, v, finding), team, "{v:?}");
            assert_eq!(shown(A::Management, v, finding), mgmt, "{v:?}");
            assert_eq!(shown(A::Customer, v, finding), customer, "{v:?}");
        }
        // The tree and the KPIs reach management whatever their marks; the customer only by its mark.
        for c in [Content::Node(NodeKind::Goal, None), Content::Node(NodeKind::Obstacle, None), Content::Kpi] {
            assert!(shown(A::Management, V::Team, c), "{c:?}");
            assert!(!shown(A::Customer, V::Management, c), "{c:?}");
        }
        assert_eq!(Visibility::default(), V::Team);
    }

    #[test]
    fn some_content_never_reaches_the_customer() {
        let never = [
            Content::Item(ItemKind::Swot, Some(Category::Weakness)),
            Content::Item(ItemKind::Swot, Some(Category::Threat)),
            Content::Node(NodeKind::Commitment, Some(Acceptance::Declined)),
            Content::Node(NodeKind::Commitment, Some(Acceptance::Proposed)),
            Content::Node(NodeKind::Commitment, Some(Acceptance::DateProposed)),
            Content::SectionText(SectionKind::StakeholderMap),
            Content::SectionText(SectionKind::Whitespace),
            Content::ManagementAsk,
            Content::InternalNote,
            Content::Comment,
            Content::ContactAssessment,
            Content::CommercialFigures,
            Content::OtherAccount,
        ];
        for c in never {
            assert!(never_for_customer(c), "{c:?}");
            assert!(!shown(A::Customer, V::Customer, c), "{c:?} marked for the customer still stays internal");
        }
        let may = [
            ACCEPTED,
            Content::Node(NodeKind::Obstacle, None),
            Content::Item(ItemKind::Swot, Some(Category::Strength)),
            Content::Item(ItemKind::Swot, Some(Category::Opportunity)),
            Content::Item(ItemKind::Analysis, Some(Category::Market)),
            Content::Item(ItemKind::Risk, None),
            Content::SectionText(SectionKind::FreeText),
            Content::Kpi,
        ];
        for c in may {
            assert!(shown(A::Customer, V::Customer, c), "{c:?}");
            assert!(!shown(A::Customer, V::Management, c), "{c:?} needs the customer mark");
        }
    }

    #[test]
    fn management_sees_internal_assessments_and_the_whole_tree_but_not_team_only_items() {
        assert!(shown_unmarked(A::Management, Content::ContactAssessment));
        assert!(shown_unmarked(A::Management, Content::ManagementAsk));
        assert!(!shown_unmarked(A::Customer, Content::ManagementAsk));
        assert!(shown(A::Management, V::Team, Content::Node(NodeKind::Obstacle, None)), "the briefing sees every obstacle");
        assert!(!shown(A::Management, V::Team, Content::Item(ItemKind::Analysis, None)), "extra analysis only by its mark");
        assert!(shown(A::Management, V::Management, Content::Node(NodeKind::Commitment, Some(Acceptance::Declined))));
        assert!(!shown(A::Management, V::Customer, Content::OtherAccount));
        assert!(!shown(A::Team, V::Customer, Content::OtherAccount));
        assert!(shown(A::Team, V::Team, Content::Comment));
    }

    #[test]
    fn a_node_needs_its_ancestors() {
        let goal = (V::Customer, Content::Node(NodeKind::Goal, None));
        let hidden_csf = (V::Team, Content::Node(NodeKind::Csf, None));
        let open_csf = (V::Customer, Content::Node(NodeKind::Csf, None));
        let commitment = (V::Customer, ACCEPTED);
        assert!(node_shown(A::Customer, &[goal, open_csf, commitment]));
        assert!(!node_shown(A::Customer, &[goal, hidden_csf, commitment]));
        assert!(node_shown(A::Team, &[goal, hidden_csf, commitment]));
    }

    #[test]
    fn values_parse_and_name_the_field() {
        assert_eq!(Visibility::validate("visibility", "customer"), Ok(V::Customer));
        assert_eq!(Visibility::validate("visibility", ""), Ok(V::Team));
        let e = Visibility::validate("visibility", "public").unwrap_err();
        assert_eq!(e.field, "visibility");
        assert_eq!(Audience::validate("audience", "management"), Ok(A::Management));
        assert!(Audience::validate("audience", "everyone").is_err());
        for v in Visibility::ALL {
            assert_eq!(Visibility::parse(v.as_str()), Some(v));
        }
    }
}
