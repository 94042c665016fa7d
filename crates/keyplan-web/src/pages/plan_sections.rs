//! The plan's sections as its template lays them out (analysis, SWOT, stakeholder
//! map, whitespace, goals, tree, action plan, scorecard, value proposition, risks),
//! the forms that write them, and the story view.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::analysis::{Benefit, Category, ItemInput, ItemKind, LinkInput, SectionTextInput};
use keyplan_domain::story::Story;
use keyplan_domain::template::{Section, SectionKind};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{ItemId, LinkId, NodeId, PlanId};
use serde::Deserialize;

use super::plans::{PlanForms, plan_page};
use super::{Chrome, form_version, path_id, redirect_with, render};
use crate::auth::PageUser;
use crate::plan_content::{self, clip, goal_measure};
use crate::service::{self, PlanBundle};
use crate::views::{self, FormView, Opt};
use crate::{AppError, AppState};

pub struct SizeView {
    pub label: String,
    pub over: bool,
}

pub struct ItemView {
    pub id: i64,
    /// The area of an analysis finding ("Customer", "Market"…), empty otherwise.
    pub tag: &'static str,
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
    pub label: &'static str,
    pub hint: &'static str,
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
    pub kind_label: &'static str,
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
    pub acceptance_label: &'static str,
    pub status_label: &'static str,
}

pub struct GoalCard {
    pub id: i64,
    pub title: String,
    /// Comments on this goal (set by the plan page).
    pub comments: usize,
    pub measure: String,
    pub notes: String,
    pub benefit: &'static str,
    pub benefit_label: &'static str,
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
    pub acceptance_label: &'static str,
    pub status_label: &'static str,
    pub serves: String,
}

pub struct KpiRow {
    pub title: String,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    pub unit: String,
    pub date: String,
    pub benefit_label: &'static str,
}

/// What the template-driven part of the plan page shows.
pub struct SectionsView {
    pub sections: Vec<SectionView>,
    pub goal_cards: Vec<GoalCard>,
    pub actions: Vec<ActionRow>,
    pub kpis: Vec<KpiRow>,
    pub scorecard: super::kpis::ScorecardView,
    /// The 12-month picture of commitments and reviews (SVG).
    pub timeline_svg: String,
    pub evidence_groups: Vec<(String, Vec<(String, String)>)>,
    pub goal_opts: Vec<Opt>,
    pub swot_opts: Vec<Opt>,
    pub add_action: FormView,
    pub template_name: String,
    pub template_version: i32,
    pub pages_label: String,
    pub pages_over: bool,
    pub over_budget: Vec<String>,
    pub discipline_label: String,
    pub discipline_meaning: String,
    pub discipline_statement: String,
    pub stakeholder_svg: String,
    pub stakeholder_warnings: Vec<String>,
    pub ws: Option<super::whitespace_matrix::WhitespaceView>,
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

fn groups_for(kind: SectionKind) -> Vec<(ItemKind, Option<Category>, &'static str, &'static str)> {
    match kind {
        SectionKind::Analysis => vec![(
            ItemKind::Analysis,
            None,
            "Findings",
            "Facts about the customer, their market, competitors and our own position — each with its source",
        )],
        SectionKind::Swot => vec![
            (ItemKind::Swot, Some(Category::Strength), "Strengths", "Where we are better than the alternatives"),
            (ItemKind::Swot, Some(Category::Weakness), "Weaknesses", "Where we fall short in their eyes"),
            (ItemKind::Swot, Some(Category::Opportunity), "Opportunities", "What could work in our favour"),
            (ItemKind::Swot, Some(Category::Threat), "Threats", "What could work against us"),
        ],
        SectionKind::Risks => vec![
            (ItemKind::Opportunity, None, "Opportunities", "What we will pursue, and how"),
            (ItemKind::Risk, None, "Risks", "What could derail the plan, and how we counter it"),
        ],
        _ => Vec::new(),
    }
}

pub fn build(b: &PlanBundle, forms: &mut SectionForms) -> SectionsView {
    let story = b.story();
    let goal_titles: Vec<(i64, String)> = b.goals().iter().map(|g| (g.id.get(), g.title.clone())).collect();
    let goal_title = |id: i64| goal_titles.iter().find(|(g, _)| *g == id).map(|(_, t)| clip(t, 40)).unwrap_or_default();
    let item_goals = |id: i64| -> Vec<String> {
        story.sections.iter().flat_map(|s| &s.items).filter(|i| i.id == id).flat_map(|i| i.goals.iter().map(|g| goal_title(*g))).collect()
    };

    let mut sections = Vec::new();
    for (i, s) in b.doc.sections.iter().enumerate() {
        sections.push(section_view(b, i + 1, s, forms, &item_goals));
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
                measure: goal_measure(g),
                notes: g.notes.clone().unwrap_or_default(),
                benefit: g.benefit.map(Benefit::as_str).unwrap_or(""),
                benefit_label: g.benefit.map(Benefit::label).unwrap_or(""),
                evidence: sg
                    .map(|sg| sg.evidence.iter().map(|e| EvidenceView { link_id: e.link_id, label: clip(&e.label, 140) }).collect())
                    .unwrap_or_default(),
                commitments: b
                    .goal_commitments()
                    .into_iter()
                    .filter(|(gid, _)| *gid == g.id)
                    .map(|(_, c)| {
                        let a = c.acceptance.unwrap_or(Acceptance::Proposed);
                        ImplementView {
                            title: c.title.clone(),
                            owner: b.user_name(c.owner_id).unwrap_or("—").to_string(),
                            accepted: a == Acceptance::Accepted,
                            acceptance_label: a.label(),
                            status_label: c.status.map(CommitmentStatus::label).unwrap_or("Open"),
                        }
                    })
                    .collect(),
                link_form,
            }
        })
        .collect();

    let today = service::today();
    let actions = b
        .goal_commitments()
        .into_iter()
        .map(|(g, c)| {
            let a = c.acceptance.unwrap_or(Acceptance::Proposed);
            ActionRow {
                id: c.id.get(),
                title: c.title.clone(),
                owner: b.user_name(c.owner_id).unwrap_or("—").to_string(),
                due: views::opt_date(c.due_date),
                overdue: c.is_overdue(today),
                accepted: a == Acceptance::Accepted,
                acceptance: a.as_str(),
                acceptance_label: a.label(),
                status_label: c.status.map(CommitmentStatus::label).unwrap_or("Open"),
                serves: goal_title(g.get()),
            }
        })
        .collect();

    let kpis = b
        .goals()
        .into_iter()
        .map(|g| KpiRow {
            title: g.title.clone(),
            metric: g.metric.clone().unwrap_or_default(),
            baseline: g.baseline.map(views::figure).unwrap_or_default(),
            target: g.target.map(views::figure).unwrap_or_default(),
            unit: g.unit.clone().unwrap_or_default(),
            date: views::opt_date(g.target_date),
            benefit_label: g.benefit.map(Benefit::label).unwrap_or(""),
        })
        .collect();

    let pages = b.page_report();
    let discipline = b.settings.value_discipline();
    let has_map = b.doc.sections.iter().any(|s| s.kind == SectionKind::StakeholderMap);
    let picture = has_map.then(|| crate::stakeholder_svg::stakeholder_picture(&b.contacts, &b.users));
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
        kpis,
        scorecard: super::kpis::scorecard(b, forms),
        timeline_svg: crate::timeline_svg::plan_timeline(b, today).svg,
        evidence_groups: b.evidence_options(),
        goal_opts: goal_titles.iter().map(|(id, t)| Opt::new(id, clip(t, 80))).collect(),
        swot_opts: b
            .items
            .iter()
            .filter(|i| i.kind() == ItemKind::Swot)
            .map(|i| Opt::new(i.id, format!("{}: {}", i.label(), clip(&i.text, 70))))
            .collect(),
        add_action: forms.add_action.take().unwrap_or_default(),
        template_name: b.doc.name.clone(),
        template_version: b.template_version,
        pages_label: pages.label(),
        pages_over: pages.over,
        over_budget: b.over_budget().iter().map(|(s, r)| format!("{}: {}", s.title, r.label())).collect(),
        discipline_label: discipline.map(|d| d.label().to_string()).unwrap_or_default(),
        discipline_meaning: discipline.map(|d| d.meaning().to_string()).unwrap_or_default(),
        discipline_statement: b.settings.value_statement.clone().unwrap_or_default(),
        stakeholder_warnings: picture.as_ref().map(|p| p.warnings()).unwrap_or_default(),
        stakeholder_svg: picture.map(|p| p.svg).unwrap_or_default(),
        ws: b
            .whitespace
            .as_ref()
            .filter(|_| b.doc.sections.iter().any(|s| s.kind == SectionKind::Whitespace))
            .map(|w| super::whitespace_matrix::whitespace_view(w, &b.settings.currency)),
        gaps: story.gaps.total(),
    }
}

fn section_view(
    b: &PlanBundle,
    number: usize,
    s: &Section,
    forms: &mut SectionForms,
    item_goals: &dyn Fn(i64) -> Vec<String>,
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
                        _ => FormView::from_input(&plan_content::item_to_input(i), i.version),
                    };
                    let mut meta = Vec::new();
                    if let Some(src) = &i.source {
                        meta.push(format!("Source: {src}"));
                    }
                    if let Some(d) = i.item_date {
                        meta.push(views::date(d));
                    }
                    if let Some(a) = b.user_name(i.author_id) {
                        meta.push(a.to_string());
                    }
                    let derived = i
                        .derived_from_id
                        .and_then(|d| b.items.iter().find(|x| x.id == d))
                        .map(|x| format!("From {}: {}", x.label().to_lowercase(), clip(&x.text, 60)))
                        .unwrap_or_default();
                    let tagged = kind == ItemKind::Analysis;
                    ItemView {
                        id: i.id.get(),
                        tag: if tagged { i.label() } else { "" },
                        tag_class: if tagged { i.category_text.as_deref().map(area_class).unwrap_or("") } else { "" },
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
                ItemKind::Analysis.categories().iter().map(|c| Opt::new(c.as_str(), c.label())).collect()
            } else {
                Vec::new()
            };
            ItemGroup { kind: kind.as_str(), category: cat, label, hint, choices, items, add }
        })
        .collect();
    SectionView {
        number,
        key: s.key.clone(),
        title: s.title.clone(),
        kind: s.kind.as_str(),
        kind_label: s.kind.label(),
        guidance: s.guidance.clone(),
        size: b.section_size(s).map(|r| SizeView { label: r.label(), over: r.over }),
        has_body: s.kind.has_body(),
        has_so_what: s.kind.has_so_what(),
        body: stored.and_then(|t| t.body.clone()).unwrap_or_default(),
        so_what: stored.and_then(|t| t.so_what.clone()).unwrap_or_default(),
        text_form,
        groups,
        empty: b.section_is_empty(s),
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

// --- forms ---------------------------------------------------------------------------------

async fn rerender(
    state: &AppState,
    auth: &crate::auth::Auth,
    headers: &HeaderMap,
    plan: PlanId,
    s: SectionForms,
    status: StatusCode,
) -> Result<Response, AppError> {
    plan_page(state, auth, headers, plan, PlanForms { sections: s, ..Default::default() }, status).await
}

#[derive(Deserialize)]
pub struct SectionTextForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: SectionTextInput,
}

pub async fn save_text(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path((id, key)): Path<(String, String)>,
    Form(form): Form<SectionTextForm>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    let version = form_version(&form.version)?;
    match plan_content::save_section(&state.store, &auth, plan, &key, version, &form.input).await {
        Ok(_) => Ok(redirect_with(&format!("/plans/{plan}#s-{key}"), "Section saved.")),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, version).with_errors(&errors);
            rerender(
                &state,
                &auth,
                &headers,
                plan,
                SectionForms { text: Some((key, f)), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.plan_section(auth.org(), plan, &key).await?;
            let stored = SectionTextInput {
                body: stored.as_ref().and_then(|s| s.body.clone()).unwrap_or_default(),
                so_what: stored.as_ref().and_then(|s| s.so_what.clone()).unwrap_or_default(),
            };
            let f = FormView::conflicted(&stored, &form.input, current_version);
            rerender(&state, &auth, &headers, plan, SectionForms { text: Some((key, f)), ..Default::default() }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct AddItemForm {
    #[serde(default)]
    section: String,
    #[serde(flatten)]
    input: ItemInput,
}

pub async fn add_item(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<AddItemForm>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    match plan_content::create_item(&state.store, &auth, plan, &form.section, &form.input).await {
        Ok(i) => Ok(redirect_with(&format!("/plans/{plan}#item-{}", i.id), &format!("{} added.", i.kind().label()))),
        Err(AppError::Validation(errors)) => {
            // SWOT forms are one per quadrant; the others one per kind.
            let group = if form.input.kind == "swot" { form.input.category.clone() } else { form.input.kind.clone() };
            let f = FormView::from_input(&form.input, 0).with_errors(&errors);
            rerender(
                &state,
                &auth,
                &headers,
                plan,
                SectionForms { add_item: Some((form.section, group, f)), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct EditItemForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: ItemInput,
}

pub async fn edit_item(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<EditItemForm>,
) -> Result<Response, AppError> {
    let id = ItemId::new(path_id(&id)?);
    let version = form_version(&form.version)?;
    let current = state.store.item(auth.org(), id).await?;
    let mut input = form.input;
    input.kind = current.kind_text.clone();
    match plan_content::update_item(&state.store, &auth, id, version, &input).await {
        Ok(i) => Ok(redirect_with(&format!("/plans/{}#item-{}", i.plan_id, i.id), "Saved.")),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&input, version).with_errors(&errors);
            rerender(
                &state,
                &auth,
                &headers,
                current.plan_id,
                SectionForms { edit_item: Some((id, f)), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.item(auth.org(), id).await?;
            let f = FormView::conflicted(&plan_content::item_to_input(&stored), &input, current_version);
            rerender(
                &state,
                &auth,
                &headers,
                current.plan_id,
                SectionForms { edit_item: Some((id, f)), ..Default::default() },
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

pub async fn delete_item(State(state): State<AppState>, PageUser(auth): PageUser, Path(id): Path<String>) -> Result<Response, AppError> {
    let i = plan_content::delete_item(&state.store, &auth, ItemId::new(path_id(&id)?)).await?;
    Ok(redirect_with(&format!("/plans/{}#s-{}", i.plan_id, i.section_key), &format!("{} deleted.", i.kind().label())))
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

pub async fn move_item(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Path(id): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let i = plan_content::move_item(&state.store, &auth, ItemId::new(path_id(&id)?), form.direction == "up").await?;
    Ok(axum::response::IntoResponse::into_response(axum::response::Redirect::to(&format!("/plans/{}#item-{}", i.plan_id, i.id))))
}

pub async fn add_link(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(input): Form<LinkInput>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    match plan_content::create_link(&state.store, &auth, plan, &input).await {
        Ok(l) => Ok(redirect_with(&format!("/plans/{plan}#goal-{}", l.goal_id), "Evidence linked to the goal.")),
        Err(AppError::Validation(errors)) => {
            let goal = NodeId::new(input.goal_id.trim().parse().unwrap_or(0));
            let f = FormView::from_input(&input, 0).with_errors(&errors);
            rerender(
                &state,
                &auth,
                &headers,
                plan,
                SectionForms { link: Some((goal, f)), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

pub async fn delete_link(State(state): State<AppState>, PageUser(auth): PageUser, Path(id): Path<String>) -> Result<Response, AppError> {
    let l = plan_content::delete_link(&state.store, &auth, LinkId::new(path_id(&id)?)).await?;
    Ok(redirect_with(&format!("/plans/{}#goal-{}", l.plan_id, l.goal_id), "Link removed."))
}

#[derive(Deserialize)]
pub struct AddActionForm {
    #[serde(default)]
    goal_id: String,
    #[serde(flatten)]
    input: keyplan_domain::tree::NodeInput,
}

/// A commitment serving a goal directly (the action plan of a strategic plan).
pub async fn add_action(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<AddActionForm>,
) -> Result<Response, AppError> {
    let plan = PlanId::new(path_id(&id)?);
    let goal = form.goal_id.trim().parse::<i64>().ok().filter(|n| *n > 0).map(NodeId::new);
    let result = match goal {
        Some(g) => service::create_node(&state.store, &auth, plan, NodeKind::Commitment, Some(g), &form.input).await,
        None => Err(AppError::field("goal_id", "choose the goal this action serves")),
    };
    match result {
        Ok(n) => Ok(redirect_with(&format!("/plans/{plan}#action-{}", n.id), "Action added. Its owner is asked to accept it.")),
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::from_input(&form.input, 0).with_errors(&errors);
            f.values.insert("goal_id".into(), form.goal_id.clone());
            rerender(
                &state,
                &auth,
                &headers,
                plan,
                SectionForms { add_action: Some(f), ..Default::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

// --- the story ------------------------------------------------------------------------------

/// One row of the story: a goal with what justifies it and what implements it.
pub struct StoryRow {
    pub goal_id: i64,
    pub goal: String,
    pub measure: String,
    pub analysis: Vec<String>,
    pub so_whats: Vec<String>,
    pub commitments: Vec<(String, String, bool)>,
    pub no_evidence: bool,
    pub no_commitment: bool,
}

#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage {
    chrome: Chrome,
    id: i64,
    title: String,
    account_id: i64,
    account_name: String,
    template_name: String,
    rows: Vec<StoryRow>,
    loose_items: Vec<(String, String)>,
    loose_so_whats: Vec<(String, String)>,
    missing_so_what: Vec<String>,
    story: Story,
}

pub async fn story(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let b = service::plan_bundle(&state.store, &auth, PlanId::new(path_id(&id)?)).await?;
    let story = b.story();
    let rows = story
        .goals
        .iter()
        .map(|g| {
            let mut analysis: Vec<String> = Vec::new();
            let mut so_whats = Vec::new();
            for s in &story.sections {
                let via_so_what = s.so_what_goals.contains(&g.id);
                for i in &s.items {
                    let line = format!("{}: {}", i.label, i.text);
                    if (i.goals.contains(&g.id) || via_so_what) && !analysis.contains(&line) {
                        analysis.push(line);
                    }
                }
                if via_so_what && let Some(w) = &s.so_what {
                    so_whats.push(format!("{} — {w}", s.title));
                }
            }
            for e in &g.evidence {
                if matches!(e.kind, keyplan_domain::analysis::LinkKind::Cell | keyplan_domain::analysis::LinkKind::Contact) {
                    analysis.push(e.label.clone());
                }
            }
            StoryRow {
                goal_id: g.id,
                goal: g.title.clone(),
                measure: g.measure.clone().unwrap_or_default(),
                analysis,
                so_whats,
                commitments: g.commitments.iter().map(|c| (c.title.clone(), c.owner.clone().unwrap_or_default(), c.accepted)).collect(),
                no_evidence: g.no_evidence,
                no_commitment: g.no_commitment,
            }
        })
        .collect();
    let loose_items = story
        .sections
        .iter()
        .flat_map(|s| s.items.iter().filter(|i| i.no_consequence).map(move |i| (s.title.clone(), format!("{}: {}", i.label, i.text))))
        .collect();
    let loose_so_whats =
        story.sections.iter().filter(|s| s.so_what_unused).map(|s| (s.title.clone(), s.so_what.clone().unwrap_or_default())).collect();
    let missing_so_what = story.sections.iter().filter(|s| s.missing_so_what).map(|s| s.title.clone()).collect();
    let chrome = Chrome::new(&auth, "accounts", &headers);
    let had_flash = chrome.flash.is_some();
    let page = StoryPage {
        chrome,
        id: b.plan.id.get(),
        title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        template_name: b.doc.name.clone(),
        rows,
        loose_items,
        loose_so_whats,
        missing_so_what,
        story,
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}
