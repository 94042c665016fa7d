//! The plan as the rules walk it, worked out once per run: which nodes are
//! placed in the tree and under whom, and what kind each section is.

use std::collections::HashMap;

use super::input::{CoachInput, CoachNode, CoachSection};
use crate::analysis::ItemKind;
use crate::template::SectionKind;
use crate::tree::NodeKind;

pub(super) struct PlanView<'i, 'a> {
    pub input: &'i CoachInput<'a>,
    /// The placed nodes (indices into `input.nodes`), depth first, each parent
    /// before its children, siblings in input order.
    pub order: Vec<usize>,
    /// The placed children of each node, by index into `input.nodes`.
    children: Vec<Vec<usize>>,
    /// Each section's kind by key, in template order.
    kinds: Vec<(&'i str, SectionKind)>,
}

impl<'i, 'a> PlanView<'i, 'a> {
    pub fn new(input: &'i CoachInput<'a>) -> Self {
        let nodes = &input.nodes;
        let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
        for (i, n) in nodes.iter().enumerate() {
            by_id.entry(n.id.as_ref()).or_insert(i);
        }
        let mut children = vec![Vec::new(); nodes.len()];
        let mut roots = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            match n.parent.as_deref() {
                None if n.kind() == NodeKind::Goal => roots.push(i),
                None => {}
                // The plan page drops what cannot hang where it hangs; so does the coach.
                Some(p) => {
                    if let Some(&j) = by_id.get(p)
                        && j != i
                        && n.kind().allowed_parents().contains(&nodes[j].kind())
                    {
                        children[j].push(i);
                    }
                }
            }
        }
        // Kinds only ever hang under higher kinds, so the walk cannot loop.
        let mut order = Vec::with_capacity(nodes.len());
        let mut stack: Vec<usize> = roots.into_iter().rev().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            stack.extend(children[i].iter().rev());
        }
        PlanView { input, order, children, kinds: section_kinds(input) }
    }

    pub fn node(&self, i: usize) -> &'i CoachNode<'a> {
        &self.input.nodes[i]
    }

    /// The placed nodes, parents first.
    pub fn nodes(&self) -> impl Iterator<Item = &'i CoachNode<'a>> + '_ {
        self.order.iter().map(|&i| self.node(i))
    }

    /// The placed nodes of one kind, with their index.
    pub fn of_kind(&self, kind: NodeKind) -> impl Iterator<Item = (usize, &'i CoachNode<'a>)> + '_ {
        self.order.iter().map(|&i| (i, self.node(i))).filter(move |(_, n)| n.kind() == kind)
    }

    pub fn children(&self, i: usize) -> impl Iterator<Item = &'i CoachNode<'a>> + '_ {
        self.children[i].iter().map(|&c| self.node(c))
    }

    /// Whether any node below `i` (at any depth) is of `kind`.
    pub fn has_below(&self, i: usize, kind: NodeKind) -> bool {
        self.children[i].iter().any(|&c| self.node(c).kind() == kind || self.has_below(c, kind))
    }

    /// A section's kind, from the template (or inferred from its items).
    pub fn section_kind(&self, key: &str) -> Option<SectionKind> {
        self.kinds.iter().find(|(k, _)| *k == key).map(|(_, kind)| *kind)
    }

    /// The sections of the template (or the inferred ones) whose kind passes `f`.
    pub fn sections_where<'b>(&'b self, f: impl Fn(SectionKind) -> bool + 'b) -> impl Iterator<Item = (&'i str, SectionKind)> + 'b {
        self.kinds.iter().copied().filter(move |(_, k)| f(*k))
    }

    /// The text stored for a section, if any.
    pub fn text(&self, key: &str) -> Option<&'i CoachSection<'a>> {
        self.input.sections.iter().find(|s| s.key == key)
    }

    /// A section's title as its template names it (the key when the template is unknown).
    pub fn title(&self, key: &'i str) -> &'i str {
        self.input.template.as_deref().and_then(|t| t.section(key)).map_or(key, |s| s.title.as_str())
    }
}

/// Section kinds by key: the template's, or, when the template is unknown, what
/// the items show (an analysis item sits in an analysis section, and so on).
/// Sections with text only cannot be told apart then, and get no kind.
fn section_kinds<'i>(input: &'i CoachInput<'_>) -> Vec<(&'i str, SectionKind)> {
    if let Some(t) = input.template.as_deref() {
        return t.sections.iter().map(|s| (s.key.as_str(), s.kind)).collect();
    }
    let mut kinds: Vec<(&str, SectionKind)> = Vec::new();
    for item in &input.items {
        if !kinds.iter().any(|(k, _)| *k == item.section) {
            let kind = match item.kind {
                ItemKind::Analysis => SectionKind::Analysis,
                ItemKind::Swot => SectionKind::Swot,
                ItemKind::Opportunity | ItemKind::Risk => SectionKind::Risks,
            };
            kinds.push((item.section, kind));
        }
    }
    kinds
}
