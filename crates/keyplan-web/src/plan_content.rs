//! The plan's sections as its template lays them out: section text, analysis
//! items, links from goals to their evidence, the story and the length budgets.
//! Shared by the plan page, the API and the exports.

use std::collections::HashMap;

use keyplan_domain::analysis::{ItemInput, ItemKind, LinkInput, LinkKind, SectionTextInput, ValueDisciplineInput};
use keyplan_domain::story::{self, AnalysisIn, CommitmentIn, GoalIn, LinkIn, SectionIn, Story};
use keyplan_domain::template::{self, Budget, BudgetUnit, PageReport, Section, SectionKind, SizeReport, TemplateDoc};
use keyplan_domain::tree::{Acceptance, Node, NodeKind, TreeNode};
use keyplan_domain::validate::format_date;
use keyplan_domain::{ItemId, LinkId, NodeId, PlanId};
use keyplan_store::{GoalLink, Item, OrgSettings, PlanSection, Store};

use crate::AppError;
use crate::auth::Auth;
use crate::i18n::Tr;
use crate::service::{self, PlanBundle, Result, require};

/// Words a list line (an item, a node) takes beyond its own text when printed.
const LINE_OVERHEAD_WORDS: u32 = 4;

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
        self.tree.iter().map(|t| &t.node).filter(|n| n.kind == NodeKind::Goal).collect()
    }

    /// The commitments that implement each goal: every commitment under it.
    pub fn goal_commitments(&self) -> Vec<(NodeId, &Node)> {
        fn walk<'a>(goal: NodeId, t: &'a TreeNode, out: &mut Vec<(NodeId, &'a Node)>) {
            if t.node.kind == NodeKind::Commitment {
                out.push((goal, &t.node));
            }
            for c in &t.children {
                walk(goal, c, out);
            }
        }
        let mut out = Vec::new();
        for t in self.tree.iter().filter(|t| t.node.kind == NodeKind::Goal) {
            for c in &t.children {
                walk(t.node.id, c, &mut out);
            }
        }
        out
    }

    /// The size of one section against its budget, if it has one.
    pub fn section_size(&self, s: &Section) -> Option<SizeReport> {
        let budget = s.budget?;
        Some(SizeReport::new(self.section_measure(s, budget.unit), budget))
    }

    fn section_measure(&self, s: &Section, unit: BudgetUnit) -> u32 {
        let text = self.section_text(&s.key);
        let text_words = text.map(|t| words(&t.body) + words(&t.so_what)).unwrap_or(0);
        let items: Vec<&Item> = self.items_of(&s.key).collect();
        let nodes: Vec<&Node> = match s.kind {
            SectionKind::ConstraintTree => self.all_nodes(),
            SectionKind::Goals | SectionKind::KpiScorecard => self.goals(),
            SectionKind::ActionPlan => self.all_nodes().into_iter().filter(|n| n.kind == NodeKind::Commitment).collect(),
            _ => Vec::new(),
        };
        match unit {
            BudgetUnit::Items => match s.kind {
                SectionKind::Analysis | SectionKind::Swot | SectionKind::Risks => items.len() as u32,
                SectionKind::StakeholderMap => self.contacts.len() as u32,
                SectionKind::Whitespace => self.whitespace.as_ref().map(|w| w.cells.len() as u32).unwrap_or(0),
                SectionKind::FreeText | SectionKind::ValueProposition => {
                    text.and_then(|t| t.body.as_deref()).map(|b| b.lines().filter(|l| !l.trim().is_empty()).count() as u32).unwrap_or(0)
                }
                _ => nodes.len() as u32,
            },
            BudgetUnit::Words => {
                text_words + items.iter().map(|i| item_words(i)).sum::<u32>() + nodes.iter().map(|n| node_words(n)).sum::<u32>()
            }
        }
    }

    /// The whole plan's estimated length against the template's page budget. Nodes
    /// count once, however many sections show them.
    pub fn page_report(&self) -> PageReport {
        let text: u32 = self.sections.iter().map(|t| words(&t.body) + words(&t.so_what)).sum();
        let items: u32 = self.items.iter().map(item_words).sum();
        let nodes: u32 = self.all_nodes().iter().map(|n| node_words(n)).sum();
        PageReport::new(text + items + nodes, self.doc.budget_pages)
    }

    /// The sections whose size is over budget.
    pub fn over_budget(&self) -> Vec<(&Section, SizeReport)> {
        self.doc.sections.iter().filter_map(|s| self.section_size(s).filter(|r| r.over).map(|r| (s, r))).collect()
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

    /// Analysis -> so what -> goal -> commitments, with the gaps marked, in the
    /// request's language (English outside a request).
    pub fn story(&self) -> Story {
        self.story_in(Tr::new(crate::i18n::current()))
    }

    /// The story with its measures and evidence labels in `t`'s language.
    pub fn story_in(&self, t: Tr) -> Story {
        let story_kinds = |k: SectionKind| k.has_so_what() || matches!(k, SectionKind::Analysis | SectionKind::Swot | SectionKind::Risks);
        let doc = crate::template_i18n::localised(self.doc.clone(), t);
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
                        owner: self.user_name(c.owner_id).map(str::to_string),
                        accepted: c.acceptance == Some(Acceptance::Accepted),
                        status: c.status.map(|s| s.as_str()).unwrap_or("open").to_string(),
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
        self.section_measure(s, BudgetUnit::Words) == 0 && self.section_measure(s, BudgetUnit::Items) == 0
    }
}

fn words(t: &Option<String>) -> u32 {
    t.as_deref().map(template::count_words).unwrap_or(0)
}

fn item_words(i: &Item) -> u32 {
    template::count_words(&i.text) + words(&i.source).min(6) + words(&i.response) + LINE_OVERHEAD_WORDS
}

fn node_words(n: &Node) -> u32 {
    template::count_words(&n.title) + words(&n.notes) + words(&n.done_criterion) + LINE_OVERHEAD_WORDS
}

pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max - 1).collect::<String>().trim_end()) }
}

/// A goal's measure: "Revenue 1,200,000 → 1,500,000 EUR by 31 Dec 2027".
pub fn goal_measure(n: &Node, t: Tr) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &n.metric {
        parts.push(m.clone());
    }
    match (n.baseline, n.target) {
        (Some(b), Some(g)) => parts.push(format!("{} → {}", t.num(b), t.num(g))),
        (None, Some(g)) => parts.push(format!("→ {}", t.num(g))),
        (Some(b), None) => parts.push(t.s1("plan-measure-from", "value", t.num(b))),
        _ => {}
    }
    if let Some(u) = &n.unit {
        parts.push(u.clone());
    }
    if let Some(d) = n.target_date {
        parts.push(t.s1("plan-measure-by", "date", t.date(d)));
    }
    parts.join(" ")
}

/// The template document of a plan: the version it was made with.
pub async fn plan_template(store: &Store, org: keyplan_domain::OrgId, plan: &keyplan_store::Plan) -> Result<(TemplateDoc, i32)> {
    let version = match plan.template_version_id {
        Some(v) => store.template_version(org, v).await?,
        None => {
            let t = store.template_by_key(org, &plan.template).await?;
            store.template_version(org, t.version_id).await?
        }
    };
    Ok((version.doc(), version.number))
}

// --- writes -----------------------------------------------------------------------------

async fn editable_plan(store: &Store, auth: &Auth, plan: PlanId) -> Result<(keyplan_store::Plan, TemplateDoc)> {
    let p = store.plan(auth.org(), plan).await?;
    service::require_plan_editor(store, auth, p.account_id).await?;
    let (doc, _) = plan_template(store, auth.org(), &p).await?;
    Ok((p, doc))
}

fn section_of<'a>(doc: &'a TemplateDoc, key: &str, field: &str) -> Result<&'a Section> {
    doc.section(key).ok_or_else(|| AppError::field(field, format!("this plan's template has no section \"{key}\"")))
}

pub async fn save_section(
    store: &Store,
    auth: &Auth,
    plan: PlanId,
    key: &str,
    version: i64,
    input: &SectionTextInput,
) -> Result<PlanSection> {
    let (_, doc) = editable_plan(store, auth, plan).await?;
    let section = section_of(&doc, key, "section")?;
    let mut text = input.validate()?;
    if !section.kind.has_body() {
        text.body = None;
    }
    if !section.kind.has_so_what() {
        text.so_what = None;
    }
    let saved = store.save_section(auth.org(), plan, key, version, &text, auth.id()).await?;
    crate::collab::record_activity(store, auth, plan, "updated", "section", Some(saved.id.get()), &format!("edited the section {key}"))
        .await;
    Ok(saved)
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

pub async fn create_item(store: &Store, auth: &Auth, plan: PlanId, section_key: &str, input: &ItemInput) -> Result<Item> {
    let (_, doc) = editable_plan(store, auth, plan).await?;
    let section = section_of(&doc, section_key, "section")?;
    let data = input.validate()?;
    if !item_kinds(section.kind).contains(&data.kind) {
        let allowed: Vec<&str> = item_kinds(section.kind).iter().map(|k| k.as_str()).collect();
        return Err(AppError::field(
            "kind",
            if allowed.is_empty() {
                format!("the section \"{}\" holds no items", section.title)
            } else {
                format!("the section \"{}\" holds {}", section.title, allowed.join(" and "))
            },
        ));
    }
    let item = store.create_item(auth.org(), plan, section_key, &data, auth.id()).await?;
    crate::collab::item_activity(store, auth, "created", &item).await;
    Ok(item)
}

pub async fn update_item(store: &Store, auth: &Auth, id: ItemId, version: i64, input: &ItemInput) -> Result<Item> {
    let current = store.item(auth.org(), id).await?;
    editable_plan(store, auth, current.plan_id).await?;
    let data = input.validate()?;
    let item = store.update_item(auth.org(), id, version, &data, auth.id()).await?;
    crate::collab::item_activity(store, auth, "updated", &item).await;
    Ok(item)
}

pub async fn delete_item(store: &Store, auth: &Auth, id: ItemId) -> Result<Item> {
    let current = store.item(auth.org(), id).await?;
    editable_plan(store, auth, current.plan_id).await?;
    store.delete_item(auth.org(), id).await?;
    crate::collab::item_activity(store, auth, "deleted", &current).await;
    Ok(current)
}

pub async fn move_item(store: &Store, auth: &Auth, id: ItemId, up: bool) -> Result<Item> {
    let current = store.item(auth.org(), id).await?;
    editable_plan(store, auth, current.plan_id).await?;
    store.move_item(auth.org(), id, up).await?;
    Ok(current)
}

pub fn item_to_input(i: &Item) -> ItemInput {
    ItemInput {
        kind: i.kind_text.clone(),
        category: i.category_text.clone().unwrap_or_default(),
        text: i.text.clone(),
        source: i.source.clone().unwrap_or_default(),
        item_date: i.item_date.map(format_date).unwrap_or_default(),
        derived_from_id: i.derived_from_id.map(|d| d.to_string()).unwrap_or_default(),
        response: i.response.clone().unwrap_or_default(),
    }
}

pub async fn create_link(store: &Store, auth: &Auth, plan: PlanId, input: &LinkInput) -> Result<GoalLink> {
    editable_plan(store, auth, plan).await?;
    let (goal, kind, target) = input.validate()?;
    let link = store.create_link(auth.org(), plan, NodeId::new(goal), kind, target, auth.id()).await?;
    crate::collab::record_activity(store, auth, plan, "created", "link", Some(link.id.get()), "linked a goal to its evidence").await;
    Ok(link)
}

pub async fn delete_link(store: &Store, auth: &Auth, id: LinkId) -> Result<GoalLink> {
    let link = store.goal_link(auth.org(), id).await?;
    editable_plan(store, auth, link.plan_id).await?;
    store.delete_link(auth.org(), id).await?;
    crate::collab::record_activity(store, auth, link.plan_id, "deleted", "link", Some(id.get()), "removed a link from a goal").await;
    Ok(link)
}

// --- the organisation's value discipline -------------------------------------------------

pub async fn update_value_discipline(store: &Store, auth: &Auth, version: i64, input: &ValueDisciplineInput) -> Result<OrgSettings> {
    require(keyplan_domain::permissions::can_manage_users(auth.actor()))?;
    let (discipline, statement) = input.validate()?;
    Ok(store.update_org_settings(auth.org(), version, discipline, statement.as_deref()).await?)
}

/// A budget as a short phrase: "150 words", "3 items".
pub fn budget_label(b: Option<Budget>) -> String {
    match b {
        Some(b) => format!("{} {}", b.limit, b.unit.as_str()),
        None => String::new(),
    }
}
