//! What a loaded plan says about itself: its length against the template's
//! budgets (measured as the coach measures it, see `coach_input.rs`), the
//! story from analysis to commitments, and the labels of what goals are
//! linked to. Pure reads of the bundle, no store calls.

use std::collections::HashMap;

use keyplan_domain::NodeId;
use keyplan_domain::analysis::{ItemKind, LinkKind};
use keyplan_domain::coach::length::Lengths;
use keyplan_domain::story::{self, AnalysisIn, CommitmentIn, GoalIn, LinkIn, SectionIn, Story};
use keyplan_domain::template::{Budget, BudgetUnit, PageReport, Section, SectionKind, SizeReport};
use keyplan_domain::tree::{Acceptance, Node, NodeKind, TreeNode};
use keyplan_i18n::Tr;
use keyplan_store::{Item, PlanSection};

use super::PlanBundle;

impl PlanBundle {
    pub fn section_text(&self, key: &str) -> Option<&PlanSection> {
        self.sections.iter().find(|s| s.section_key == key)
    }

    pub fn items_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.section_key == key)
    }

    /// Every node of the tree, depth first.
    pub fn all_nodes(&self) -> Vec<&Node> {
        fn walk<'a>(t: &'a TreeNode, out: &mut Vec<&'a Node>) {
            out.push(&t.node);
            for c in &t.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for t in &self.tree {
            walk(t, &mut out);
        }
        out
    }

    pub fn goals(&self) -> Vec<&Node> {
        self.tree.iter().map(|t| &t.node).filter(|n| n.kind() == NodeKind::Goal).collect()
    }

    /// The commitments that implement each goal: every commitment under it.
    pub fn goal_commitments(&self) -> Vec<(NodeId, &Node)> {
        fn walk<'a>(goal: NodeId, t: &'a TreeNode, out: &mut Vec<(NodeId, &'a Node)>) {
            if t.node.kind() == NodeKind::Commitment {
                out.push((goal, &t.node));
            }
            for c in &t.children {
                walk(goal, c, out);
            }
        }
        let mut out = Vec::new();
        for t in self.tree.iter().filter(|t| t.node.kind() == NodeKind::Goal) {
            for c in &t.children {
                walk(t.node.id, c, &mut out);
            }
        }
        out
    }

    /// The size of one section against its budget, if it has one, measured
    /// as the coach measures it (`keyplan_domain::coach::length`).
    pub fn section_size(&self, s: &Section) -> Option<SizeReport> {
        self.coach_input(crate::today(), None).section_size(s)
    }

    /// The whole plan's estimated length against the template's page budget. Nodes
    /// count once, however many sections show them.
    pub fn page_report(&self) -> PageReport {
        let measured = self.coach_input(crate::today(), None).page_report();
        measured.unwrap_or_else(|| PageReport::new(0, self.doc.budget_pages))
    }

    /// The whole plan's length and every section's size and emptiness, from
    /// one reading of the plan: what a page showing all sections calls, once
    /// (asking [`Self::section_size`] per section reads the whole plan again each time).
    pub fn lengths(&self) -> Lengths {
        self.coach_input(crate::today(), None).measure()
    }

    /// The sections whose size is over budget.
    pub fn over_budget(&self) -> Vec<(&Section, SizeReport)> {
        Self::over_budget_in(&self.doc.sections, &self.lengths())
    }

    /// The sections whose size is over budget, by already measured lengths.
    pub fn over_budget_in<'a>(sections: &'a [Section], lengths: &Lengths) -> Vec<(&'a Section, SizeReport)> {
        sections.iter().filter_map(|s| lengths.section(&s.key)?.size.clone().filter(|r| r.over).map(|r| (s, r))).collect()
    }

    /// Labels of whitespace cells and contacts, for links to them, in `t`'s language.
    pub fn link_labels(&self, t: Tr) -> HashMap<(LinkKind, i64), String> {
        let mut labels = HashMap::new();
        for c in &self.contacts {
            let role = c.buying_role().map(|r| format!(" ({})", t.enum_label("buying-role", r.as_str()))).unwrap_or_default();
            labels.insert((LinkKind::Contact, c.id.get()), t.s2("export-link-contact", "name", &c.name, "role", role));
        }
        if let Some(ws) = &self.whitespace {
            for c in &ws.cells {
                let offering = ws.offerings.iter().find(|o| o.id == c.offering_id).map(|o| o.name.as_str()).unwrap_or("?");
                let unit = ws.units.iter().find(|u| u.id == c.business_unit_id).map(|u| u.name.as_str()).unwrap_or("?");
                let value = c.value.map(|v| format!(", {}", t.money(Some(v), &self.settings.currency))).unwrap_or_default();
                let status = format!("{}{value}", t.enum_label("ws-status", c.status().as_str()));
                labels.insert((LinkKind::Cell, c.id.get()), t.s3("export-link-cell", "offering", offering, "unit", unit, "status", status));
            }
        }
        labels
    }

    /// Analysis -> so what -> goal -> commitments, with the gaps marked; its
    /// measures and evidence labels in `t`'s language.
    pub fn story(&self, t: Tr) -> Story {
        let story_kinds = |k: SectionKind| k.has_so_what() || matches!(k, SectionKind::Analysis | SectionKind::Swot | SectionKind::Risks);
        let doc = keyplan_i18n::templates::localised(self.doc.clone(), t);
        let sections: Vec<SectionIn> = doc
            .sections
            .iter()
            .filter(|s| story_kinds(s.kind))
            .map(|s| {
                let t = self.section_text(&s.key);
                SectionIn {
                    key: s.key.clone(),
                    title: s.title.clone(),
                    id: t.map(|t| t.id.get()),
                    so_what: t.and_then(|t| t.so_what.clone()),
                }
            })
            .collect();
        let items: Vec<AnalysisIn> = self
            .items
            .iter()
            .map(|i| AnalysisIn { id: i.id.get(), section_key: i.section_key.clone(), label: t.item_label(i), text: i.text.clone() })
            .collect();
        let goals: Vec<GoalIn> = self
            .goals()
            .into_iter()
            .map(|g| GoalIn { id: g.id.get(), title: g.title.clone(), measure: Some(goal_measure(g, t)).filter(|m| !m.is_empty()) })
            .collect();
        let commitments: Vec<(i64, CommitmentIn)> = self
            .goal_commitments()
            .into_iter()
            .map(|(g, c)| {
                (
                    g.get(),
                    CommitmentIn {
                        id: c.id.get(),
                        title: c.title.clone(),
                        owner: self.user_name(c.owner_id()).map(str::to_string),
                        accepted: c.acceptance() == Some(Acceptance::Accepted),
                        status: c.status().map(|s| s.as_str()).unwrap_or("open").to_string(),
                    },
                )
            })
            .collect();
        let links: Vec<LinkIn> = self
            .links
            .iter()
            .map(|l| LinkIn { id: l.id.get(), goal_id: l.goal_id.get(), kind: l.target_kind(), target_id: l.target_id })
            .collect();
        let mut labels = self.link_labels(t);
        for sec in &sections {
            if let (Some(id), Some(w)) = (sec.id, sec.so_what.as_deref()) {
                labels.insert((LinkKind::Section, id), t.s2("export-link-so-what", "section", &sec.title, "text", w));
            }
        }
        let mut story = story::build(story::StoryInput {
            sections: &sections,
            items: &items,
            goals: &goals,
            commitments: &commitments,
            links: &links,
            labels: &labels,
        });
        if sections.is_empty() {
            // A format without analysis (the one-page constraint plan) has nothing a
            // goal could be based on in the plan itself: not a gap of the writer's.
            for g in &mut story.goals {
                g.no_evidence = false;
            }
            story.gaps.goals_without_evidence = 0;
        }
        story
    }

    /// Whether a section has nothing in it yet (no text, items or nodes).
    pub fn section_is_empty(&self, s: &Section) -> bool {
        let input = self.coach_input(crate::today(), None);
        [BudgetUnit::Words, BudgetUnit::Items].into_iter().all(|unit| {
            let probe = Section { budget: Some(Budget { unit, limit: 0 }), ..s.clone() };
            input.section_size(&probe).is_none_or(|r| r.used == 0)
        })
    }
}

pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max - 1).collect::<String>().trim_end()) }
}

/// A goal's measure: "Revenue 1,200,000 → 1,500,000 EUR by 31 Dec 2027".
pub fn goal_measure(n: &Node, t: Tr) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &n.metric() {
        parts.push(m.clone());
    }
    match (n.baseline(), n.target()) {
        (Some(b), Some(g)) => parts.push(format!("{} → {}", t.num(b), t.num(g))),
        (None, Some(g)) => parts.push(format!("→ {}", t.num(g))),
        (Some(b), None) => parts.push(t.s1("plan-measure-from", "value", t.num(b))),
        _ => {}
    }
    if let Some(u) = &n.unit() {
        parts.push(u.clone());
    }
    if let Some(d) = n.target_date() {
        parts.push(t.s1("plan-measure-by", "date", t.date(d)));
    }
    parts.join(" ")
}

/// The item kinds a section kind holds.
pub fn item_kinds(kind: SectionKind) -> &'static [ItemKind] {
    match kind {
        SectionKind::Analysis => &[ItemKind::Analysis],
        SectionKind::Swot => &[ItemKind::Swot],
        SectionKind::Risks => &[ItemKind::Opportunity, ItemKind::Risk],
        _ => &[],
    }
}

/// A budget as a short phrase: "150 words", "3 items".
pub fn budget_label(b: Option<Budget>) -> String {
    match b {
        Some(b) => format!("{} {}", b.limit, b.unit.as_str()),
        None => String::new(),
    }
}
