//! The plan's sections as its template lays them out (analysis, SWOT,
//! stakeholder map, whitespace, goals, tree, action plan, scorecard, value
//! proposition, risks): the card views of the plan page.

use crate::views::{FormView, Opt};
use keyplan_app::bundle::PlanBundle;
use keyplan_app::bundle::clip;
use keyplan_domain::analysis::{Benefit, Category, ItemKind, LinkKind, SectionTextInput};
use keyplan_domain::coach::length::SectionLength;
use keyplan_domain::template::{Section, SectionKind};
use keyplan_domain::tree::{Acceptance, CommitmentStatus};
use keyplan_domain::{ItemId, NodeId};
use keyplan_i18n::Tr;

pub struct SizeView {
    pub label: String,
    pub over: bool,
}

pub struct ItemView {
    pub id: i64,
    /// The area of an analysis finding ("Customer", "Market"…), empty otherwise.
    pub tag: String,
    pub tag_class: &'static str,
    pub text: String,
    pub meta: String,
    pub derived: String,
    pub response: String,
    pub goals: Vec<String>,
    pub first: bool,
    pub last: bool,
    pub edit: FormView,
    /// Comments on this item (set by the plan page).
    pub comments: usize,
}

/// The items of one area (analysis), quadrant (SWOT) or list (opportunities, risks).
pub struct ItemGroup {
    pub kind: &'static str,
    pub category: &'static str,
    pub label: String,
    pub hint: String,
    /// The areas a finding can be filed under (analysis only).
    pub choices: Vec<Opt>,
    pub items: Vec<ItemView>,
    pub add: FormView,
}

pub struct SectionView {
    pub number: usize,
    pub key: String,
    pub title: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub guidance: String,
    pub size: Option<SizeView>,
    pub has_body: bool,
    pub has_so_what: bool,
    pub body: String,
    pub so_what: String,
    pub text_form: FormView,
    pub groups: Vec<ItemGroup>,
    /// Nothing written, listed or drawn yet: the guidance opens.
    pub empty: bool,
}

impl SectionView {
    pub fn is(&self, kind: &str) -> bool {
        self.kind == kind
    }
    pub fn empty_text(&self) -> bool {
        self.body.trim().is_empty() && self.so_what.trim().is_empty()
    }
    pub fn body_paragraphs(&self) -> Vec<&str> {
        self.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
    }
}

pub struct EvidenceView {
    pub link_id: i64,
    pub label: String,
}

pub struct ImplementView {
    pub title: String,
    pub owner: String,
    pub accepted: bool,
    pub acceptance_label: String,
    pub status_label: String,
}

pub struct GoalCard {
    pub id: i64,
    pub title: String,
    /// Comments on this goal (set by the plan page).
    pub comments: usize,
    pub measure: String,
    pub notes: String,
    pub benefit: &'static str,
    pub benefit_label: String,
    pub evidence: Vec<EvidenceView>,
    pub commitments: Vec<ImplementView>,
    pub link_form: FormView,
}

pub struct ActionRow {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub due: String,
    pub overdue: bool,
    pub accepted: bool,
    pub acceptance: &'static str,
    pub acceptance_label: String,
    pub status_label: String,
    pub serves: String,
}

/// The commitments of a plan whose tree shows them, summed up.
pub struct ActionsInTree {
    /// The tree section's key, for the link to it.
    pub tree_key: String,
    pub count: usize,
    pub unaccepted: usize,
    pub overdue: usize,
    /// The open commitment due first: (node id, title, owner, due date).
    pub next: Option<(i64, String, String, String)>,
}

pub struct KpiRow {
    pub title: String,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    pub unit: String,
    pub date: String,
    pub benefit_label: String,
}

/// What the template-driven part of the plan page shows.
pub struct SectionsView {
    pub sections: Vec<SectionView>,
    pub goal_cards: Vec<GoalCard>,
    pub actions: Vec<ActionRow>,
    /// Set when a tree section shows the commitments already: the action plan
    /// then sums them up instead of listing them a second time.
    pub actions_in_tree: Option<ActionsInTree>,
    pub kpis: Vec<KpiRow>,
    pub scorecard: super::scorecard::ScorecardView,
    /// The 12-month picture of commitments and reviews (SVG).
    /// Empty when nothing in the plan is dated yet: no empty timeline.
    pub timeline_svg: String,
    pub evidence_groups: Vec<(String, Vec<(String, String)>)>,
    pub goal_opts: Vec<Opt>,
    pub swot_opts: Vec<Opt>,
    pub add_action: FormView,
    pub template_name: String,
    pub template_version: i32,
    pub pages_label: String,
    pub pages_over: bool,
    /// Whether the length is the PDF's page count rather than an estimate.
    pub pages_printed: bool,
    pub over_budget: Vec<String>,
    pub discipline_label: String,
    pub discipline_meaning: String,
    pub discipline_statement: String,
    pub stakeholder_svg: String,
    pub stakeholder_warnings: Vec<String>,
    /// Contacts with an objective: name, our contact, what we want to achieve with them.
    pub contact_objectives: Vec<(String, String, String)>,
    pub ws: Option<super::super::whitespace_matrix::WhitespaceView>,
    pub gaps: usize,
    /// Errors of a posted form that has no place on the page (a hand-made request).
    pub stray_errors: Vec<String>,
}

/// Forms of the sections that come back with errors or conflicts.
#[derive(Default)]
pub struct SectionForms {
    pub text: Option<(String, FormView)>,
    /// The add form of one group: section key, category (or kind for lists).
    pub add_item: Option<(String, String, FormView)>,
    pub edit_item: Option<(ItemId, FormView)>,
    pub link: Option<(NodeId, FormView)>,
    pub add_action: Option<FormView>,
    /// A KPI form: 0 for the add form, else the KPI's id.
    pub kpi: Option<(i64, FormView)>,
    /// The record-an-actual form of a KPI.
    pub actual: Option<(i64, FormView)>,
}

/// The groups of a section: kind, category, ids of the label and the hint.
fn groups_for(kind: SectionKind) -> Vec<(ItemKind, Option<Category>, &'static str, &'static str)> {
    match kind {
        SectionKind::Analysis => vec![(ItemKind::Analysis, None, "items-group-findings", "items-hint-findings")],
        SectionKind::Swot => vec![
            (ItemKind::Swot, Some(Category::Strength), "items-group-strengths", "items-hint-strengths"),
            (ItemKind::Swot, Some(Category::Weakness), "items-group-weaknesses", "items-hint-weaknesses"),
            (ItemKind::Swot, Some(Category::Opportunity), "items-group-swot-opportunities", "items-hint-swot-opportunities"),
            (ItemKind::Swot, Some(Category::Threat), "items-group-threats", "items-hint-threats"),
        ],
        SectionKind::Risks => vec![
            (ItemKind::Opportunity, None, "items-group-opportunities", "items-hint-opportunities"),
            (ItemKind::Risk, None, "items-group-risks", "items-hint-risks"),
        ],
        _ => Vec::new(),
    }
}

/// What a goal can be linked to, in the page's language: an item, a section's
/// so-what, a whitespace cell or a contact.
pub fn evidence_label(t: Tr, b: &PlanBundle, kind: LinkKind, target: i64) -> Option<String> {
    match kind {
        LinkKind::Item => b.items.iter().find(|i| i.id.get() == target).map(|i| format!("{}: {}", t.item_label(i), i.text)),
        LinkKind::Section => {
            let text = b.sections.iter().find(|s| s.id.get() == target)?;
            let w = text.so_what.as_deref().filter(|w| !w.trim().is_empty())?;
            let title = b.doc.sections.iter().find(|s| s.key == text.section_key).map(|s| s.title.as_str()).unwrap_or("");
            Some(t.s2("goals-evidence-so-what-of", "section", title, "text", w))
        }
        LinkKind::Contact => b.contacts.iter().find(|c| c.id.get() == target).map(|c| match c.buying_role() {
            Some(r) => t.s2("goals-evidence-contact-role", "name", &c.name, "role", t.enum_label("buying-role", r.as_str())),
            None => t.s1("goals-evidence-contact", "name", &c.name),
        }),
        LinkKind::Cell => {
            let ws = b.whitespace.as_ref()?;
            let c = ws.cells.iter().find(|c| c.id.get() == target)?;
            let offering = ws.offerings.iter().find(|o| o.id == c.offering_id).map(|o| o.name.as_str()).unwrap_or("?");
            let unit = ws.units.iter().find(|u| u.id == c.business_unit_id).map(|u| u.name.as_str()).unwrap_or("?");
            let value = c.value.map(|v| format!(", {}", t.money(Some(v), &b.settings.currency))).unwrap_or_default();
            let status = t.enum_label("goals-cell-status", c.status().as_str());
            Some(format!("{}{value}", t.s3("goals-evidence-cell", "offering", offering, "unit", unit, "status", status)))
        }
    }
}

/// The options of the link-evidence form, grouped by section.
fn evidence_options(t: Tr, b: &PlanBundle) -> Vec<(String, Vec<(String, String)>)> {
    let mut groups = Vec::new();
    for s in &b.doc.sections {
        let mut opts: Vec<(String, String)> =
            b.items_of(&s.key).map(|i| (format!("item:{}", i.id), format!("{}: {}", t.item_label(i), clip(&i.text, 90)))).collect();
        if let Some(text) = b.section_text(&s.key)
            && let Some(w) = text.so_what.as_deref().filter(|w| !w.trim().is_empty())
        {
            opts.push((format!("section:{}", text.id), t.s1("goals-evidence-so-what", "text", clip(w, 90))));
        }
        if !opts.is_empty() {
            groups.push((s.title.clone(), opts));
        }
    }
    let mut cells: Vec<(String, String)> = b
        .whitespace
        .iter()
        .flat_map(|ws| &ws.cells)
        .filter_map(|c| evidence_label(t, b, LinkKind::Cell, c.id.get()).map(|l| (format!("cell:{}", c.id), l)))
        .collect();
    cells.sort_by(|a, b| a.1.cmp(&b.1));
    if !cells.is_empty() {
        groups.push((t.s("goals-evidence-whitespace"), cells));
    }
    let mut contacts: Vec<(String, String)> = b
        .contacts
        .iter()
        .filter_map(|c| evidence_label(t, b, LinkKind::Contact, c.id.get()).map(|l| (format!("contact:{}", c.id), l)))
        .collect();
    contacts.sort_by(|a, b| a.1.cmp(&b.1));
    if !contacts.is_empty() {
        groups.push((t.s("goals-evidence-contacts"), contacts));
    }
    groups
}

pub fn build(t: Tr, b: &PlanBundle, forms: &mut SectionForms) -> SectionsView {
    localise_forms(t, forms);
    let story = b.story(keyplan_i18n::Tr::new(crate::lang::current()));
    let goal_titles: Vec<(i64, String)> = b.goals().iter().map(|g| (g.id.get(), g.title.clone())).collect();
    let goal_title = |id: i64| goal_titles.iter().find(|(g, _)| *g == id).map(|(_, t)| clip(t, 40)).unwrap_or_default();
    let item_goals = |id: i64| -> Vec<String> {
        story.sections.iter().flat_map(|s| &s.items).filter(|i| i.id == id).flat_map(|i| i.goals.iter().map(|g| goal_title(*g))).collect()
    };

    // Every section's size, measured over one reading of the plan.
    let lengths = b.lengths();
    let mut sections = Vec::new();
    for (i, s) in b.doc.sections.iter().enumerate() {
        sections.push(section_view(t, b, i + 1, s, forms, &item_goals, lengths.section(&s.key)));
    }

    let goal_cards = b
        .goals()
        .into_iter()
        .map(|g| {
            let sg = story.goals.iter().find(|x| x.id == g.id.get());
            let link_form = match &forms.link {
                Some((id, _)) if *id == g.id => forms.link.take().map(|(_, f)| f).unwrap_or_default(),
                _ => FormView::default(),
            };
            GoalCard {
                id: g.id.get(),
                title: g.title.clone(),
                comments: 0,
                measure: keyplan_app::bundle::goal_measure(g, t),
                notes: g.notes.clone().unwrap_or_default(),
                benefit: g.benefit().map(Benefit::as_str).unwrap_or(""),
                benefit_label: t.enum_label("plan-benefit", g.benefit().map(Benefit::as_str).unwrap_or("")),
                evidence: sg
                    .map(|sg| {
                        sg.evidence
                            .iter()
                            .map(|e| {
                                let label = evidence_label(t, b, e.kind, e.target_id).unwrap_or_else(|| e.label.clone());
                                EvidenceView { link_id: e.link_id, label: clip(&label, 140) }
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                commitments: b
                    .goal_commitments()
                    .into_iter()
                    .filter(|(gid, _)| *gid == g.id)
                    .map(|(_, c)| {
                        let a = c.acceptance().unwrap_or(Acceptance::Proposed);
                        ImplementView {
                            title: c.title.clone(),
                            owner: b.user_name(c.owner_id()).unwrap_or("—").to_string(),
                            accepted: a == Acceptance::Accepted,
                            acceptance_label: t.enum_label("acceptance", a.as_str()),
                            status_label: t.enum_label("status", c.status().map(CommitmentStatus::as_str).unwrap_or("open")),
                        }
                    })
                    .collect(),
                link_form,
            }
        })
        .collect();

    let today = keyplan_app::today();
    let actions: Vec<ActionRow> = b
        .goal_commitments()
        .into_iter()
        .map(|(g, c)| {
            let a = c.acceptance().unwrap_or(Acceptance::Proposed);
            ActionRow {
                id: c.id.get(),
                title: c.title.clone(),
                owner: b.user_name(c.owner_id()).unwrap_or("—").to_string(),
                due: t.opt_date(c.due_date()),
                overdue: c.is_overdue(today),
                accepted: a == Acceptance::Accepted,
                acceptance: a.as_str(),
                acceptance_label: t.enum_label("acceptance", a.as_str()),
                status_label: t.enum_label("status", c.status().map(CommitmentStatus::as_str).unwrap_or("open")),
                serves: goal_title(g.get()),
            }
        })
        .collect();

    let tree_key = b.doc.sections.iter().find(|s| s.kind == SectionKind::ConstraintTree).map(|s| s.key.clone());
    let actions_in_tree = tree_key.map(|tree_key| {
        let next = next_due(b);
        ActionsInTree {
            tree_key,
            count: actions.len(),
            unaccepted: actions.iter().filter(|a| !a.accepted).count(),
            overdue: actions.iter().filter(|a| a.overdue).count(),
            next: next
                .map(|c| (c.id.get(), c.title.clone(), b.user_name(c.owner_id()).unwrap_or("—").to_string(), t.opt_date(c.due_date()))),
        }
    });
    let actions = if actions_in_tree.is_some() { Vec::new() } else { actions };

    let kpis = b
        .goals()
        .into_iter()
        .map(|g| KpiRow {
            title: g.title.clone(),
            metric: g.metric().clone().unwrap_or_default(),
            baseline: g.baseline().map(|n| t.num(n)).unwrap_or_default(),
            target: g.target().map(|n| t.num(n)).unwrap_or_default(),
            unit: g.unit().clone().unwrap_or_default(),
            date: t.opt_date(g.target_date()),
            benefit_label: t.enum_label("plan-benefit", g.benefit().map(Benefit::as_str).unwrap_or("")),
        })
        .collect();

    let pages = lengths.pages.clone().unwrap_or_else(|| keyplan_domain::template::PageReport::new(0, b.doc.budget_pages));
    let discipline = b.settings.value_discipline();
    let has_map = b.doc.sections.iter().any(|s| s.kind == SectionKind::StakeholderMap);
    let picture = has_map.then(|| keyplan_export::stakeholder_svg::stakeholder_picture_in(&b.contacts, &b.users, t));
    let stray_errors = forms
        .add_item
        .take()
        .map(|(_, _, f)| f.other_errors(""))
        .into_iter()
        .chain(forms.link.take().map(|(_, f)| f.other_errors("")))
        .flatten()
        .collect();
    SectionsView {
        stray_errors,
        sections,
        goal_cards,
        actions,
        actions_in_tree,
        kpis,
        scorecard: super::scorecard::scorecard_in(b, super::scorecard::KpiForms { kpi: &mut forms.kpi, actual: &mut forms.actual }, t),
        timeline_svg: Some(keyplan_export::timeline_svg::plan_timeline_in(b, today, t))
            .filter(|p| !p.is_empty())
            .map(|p| p.svg)
            .unwrap_or_default(),
        evidence_groups: evidence_options(t, b),
        goal_opts: goal_titles.iter().map(|(id, t)| Opt::new(id, clip(t, 80))).collect(),
        swot_opts: b
            .items
            .iter()
            .filter(|i| i.kind() == ItemKind::Swot)
            .map(|i| Opt::new(i.id, format!("{}: {}", t.item_label(i), clip(&i.text, 70))))
            .collect(),
        add_action: forms.add_action.take().unwrap_or_default(),
        template_name: b.doc.name.clone(),
        template_version: b.template_version,
        pages_label: t.length(&pages),
        pages_over: pages.over,
        pages_printed: pages.printed,
        over_budget: PlanBundle::over_budget_in(&b.doc.sections, &lengths)
            .iter()
            .map(|(s, r)| format!("{}: {}", s.title, t.size(r)))
            .collect(),
        discipline_label: discipline.map(|d| t.enum_label("export-vd", d.as_str())).unwrap_or_default(),
        discipline_meaning: discipline.map(|d| t.s(&format!("export-vd-{}-meaning", d.as_str()))).unwrap_or_default(),
        discipline_statement: b.settings.value_statement.clone().unwrap_or_default(),
        stakeholder_warnings: picture.as_ref().map(|p| p.warnings_in(t)).unwrap_or_default(),
        stakeholder_svg: picture.map(|p| p.svg).unwrap_or_default(),
        contact_objectives: if has_map { contact_objectives(b) } else { Vec::new() },
        ws: b
            .whitespace
            .as_ref()
            .filter(|_| b.doc.sections.iter().any(|s| s.kind == SectionKind::Whitespace))
            .map(|w| super::super::whitespace_matrix::whitespace_view_in(w, &b.settings.currency, t)),
        gaps: story.gaps.total(),
    }
}

/// Field errors of the forms that come back, in the page's language.
fn localise_forms(t: Tr, forms: &mut SectionForms) {
    let SectionForms { text, add_item, edit_item, link, add_action, .. } = forms;
    for f in text.iter_mut().map(|(_, f)| f).chain(add_item.iter_mut().map(|(_, _, f)| f)) {
        f.localise(t);
    }
    for f in edit_item.iter_mut().map(|(_, f)| f).chain(link.iter_mut().map(|(_, f)| f)).chain(add_action.iter_mut()) {
        f.localise(t);
    }
}

fn section_view(
    t: Tr,
    b: &PlanBundle,
    number: usize,
    s: &Section,
    forms: &mut SectionForms,
    item_goals: &dyn Fn(i64) -> Vec<String>,
    measured: Option<&SectionLength>,
) -> SectionView {
    let stored = b.section_text(&s.key);
    let text_form = match &forms.text {
        Some((key, _)) if *key == s.key => forms.text.take().map(|(_, f)| f).unwrap_or_default(),
        _ => FormView::from_input(
            &SectionTextInput {
                body: stored.and_then(|t| t.body.clone()).unwrap_or_default(),
                so_what: stored.and_then(|t| t.so_what.clone()).unwrap_or_default(),
            },
            stored.map(|t| t.version).unwrap_or(0),
        ),
    };
    let groups = groups_for(s.kind)
        .into_iter()
        .map(|(kind, category, label, hint)| {
            let cat = category.map(Category::as_str).unwrap_or(kind.as_str());
            let items: Vec<&keyplan_store::Item> =
                b.items_of(&s.key).filter(|i| i.kind() == kind && (category.is_none() || i.category() == category)).collect();
            let count = items.len();
            let items = items
                .into_iter()
                .enumerate()
                .map(|(n, i)| {
                    let edit = match &forms.edit_item {
                        Some((id, _)) if *id == i.id => forms.edit_item.take().map(|(_, f)| f).unwrap_or_default(),
                        _ => FormView::from_input(&keyplan_app::content::item_to_input(i), i.version),
                    };
                    let mut meta = Vec::new();
                    if let Some(src) = &i.source {
                        meta.push(t.s1("items-source-meta", "source", src));
                    }
                    if let Some(d) = i.item_date {
                        meta.push(t.date(d));
                    }
                    if let Some(a) = b.user_name(i.author_id) {
                        meta.push(a.to_string());
                    }
                    let derived = i
                        .derived_from_id
                        .and_then(|d| b.items.iter().find(|x| x.id == d))
                        .map(|x| {
                            let from = x.category.map(|c| c.as_str().into()).unwrap_or_else(|| format!("kind-{}", x.kind.as_str()));
                            t.s3("items-derived", "from", from, "label", t.item_label(x), "text", clip(&x.text, 60))
                        })
                        .unwrap_or_default();
                    let tagged = kind == ItemKind::Analysis;
                    ItemView {
                        id: i.id.get(),
                        tag: if tagged { t.item_label(i) } else { String::new() },
                        tag_class: if tagged { i.category.map(|c| area_class(c.as_str())).unwrap_or("") } else { "" },
                        text: i.text.clone(),
                        meta: meta.join(" · "),
                        derived,
                        response: i.response.clone().unwrap_or_default(),
                        goals: item_goals(i.id.get()),
                        first: n == 0,
                        last: n + 1 == count,
                        edit,
                        comments: 0,
                    }
                })
                .collect();
            let add = match &forms.add_item {
                Some((key, c, _)) if *key == s.key && c == cat => forms.add_item.take().map(|(_, _, f)| f).unwrap_or_default(),
                _ => FormView::default(),
            };
            let choices = if kind == ItemKind::Analysis {
                ItemKind::Analysis.categories().iter().map(|c| Opt::new(c.as_str(), t.enum_label("item-category", c.as_str()))).collect()
            } else {
                Vec::new()
            };
            ItemGroup { kind: kind.as_str(), category: cat, label: t.s(label), hint: t.s(hint), choices, items, add }
        })
        .collect();
    SectionView {
        number,
        key: s.key.clone(),
        title: s.title.clone(),
        kind: s.kind.as_str(),
        kind_label: t.enum_label("plan-section-kind", s.kind.as_str()),
        guidance: s.guidance.clone(),
        size: measured.and_then(|m| m.size.as_ref()).map(|r| SizeView { label: t.size(r), over: r.over }),
        has_body: s.kind.has_body(),
        has_so_what: s.kind.has_so_what(),
        body: stored.and_then(|t| t.body.clone()).unwrap_or_default(),
        so_what: stored.and_then(|t| t.so_what.clone()).unwrap_or_default(),
        text_form,
        groups,
        empty: measured.is_none_or(|m| m.empty),
    }
}

fn area_class(c: &str) -> &'static str {
    match c {
        "customer" => "area-customer",
        "market" => "area-market",
        "competitor" => "area-competitor",
        _ => "area-own",
    }
}

/// The contacts we have an objective for, in the map's order.
fn contact_objectives(b: &PlanBundle) -> Vec<(String, String, String)> {
    b.contacts
        .iter()
        .filter_map(|c| {
            let objective = c.stated_objective()?;
            Some((c.name.clone(), b.user_name(c.relationship_owner_id).unwrap_or("—").to_string(), objective.to_string()))
        })
        .collect()
}

/// The open commitment (not done, not missed) due first.
fn next_due(b: &PlanBundle) -> Option<&keyplan_domain::tree::Node> {
    b.goal_commitments()
        .into_iter()
        .map(|(_, c)| c)
        .filter(|c| !matches!(c.status(), Some(CommitmentStatus::Done | CommitmentStatus::Missed)) && c.due_date().is_some())
        .min_by_key(|c| c.due_date())
}
