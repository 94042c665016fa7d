//! The forms that write a plan's sections (texts, items, links, actions) and
//! the story view.

use super::plan::sections::{SectionForms, evidence_label};
use super::plan::{PlanForms, plan_page};
use super::{Chrome, form_version, redirect_with, render};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::{Id, IdAnd};
use crate::views::FormView;
use crate::{AppError, AppState};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::analysis::{ItemInput, LinkInput, SectionTextInput};
use keyplan_domain::story::Story;
use keyplan_domain::tree::NodeKind;
use keyplan_domain::{ItemId, LinkId, NodeId, PlanId};
use serde::Deserialize;

// --- forms ---------------------------------------------------------------------------------

async fn rerender(
    state: &AppState,
    auth: &crate::auth::Auth,
    headers: &HeaderMap,
    plan: PlanId,
    s: SectionForms,
    status: StatusCode,
) -> Result<Response, PageError> {
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
    IdAnd(plan, key): IdAnd<PlanId>,
    Form(form): Form<SectionTextForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    match keyplan_app::content::save_section(&state.store, &auth, plan, &key, version, &form.input).await {
        Ok(_) => Ok(redirect_with(&format!("/plans/{plan}#s-{key}"), &crate::lang::for_user(&auth, &headers).s("plan-section-saved"))),
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
        Err(e) => Err(e.into()),
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
    Id(id): Id<PlanId>,
    Form(form): Form<AddItemForm>,
) -> Result<Response, PageError> {
    let plan = id;
    match keyplan_app::content::create_item(&state.store, &auth, plan, &form.section, &form.input).await {
        Ok(i) => {
            let t = crate::lang::for_user(&auth, &headers);
            Ok(redirect_with(
                &format!("/plans/{plan}#item-{}", i.id),
                &t.s1("items-added", "kind", t.enum_label("item-kind", i.kind().as_str())),
            ))
        }
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
        Err(e) => Err(e.into()),
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
    Id(id): Id<ItemId>,
    Form(form): Form<EditItemForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let current = state.store.item(auth.org(), id).await?;
    let mut input = form.input;
    input.kind = current.kind.as_str().into();
    match keyplan_app::content::update_item(&state.store, &auth, id, version, &input).await {
        Ok(i) => Ok(redirect_with(&format!("/plans/{}#item-{}", i.plan_id, i.id), &crate::lang::for_user(&auth, &headers).s("tree-saved"))),
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
            let f = FormView::conflicted(&keyplan_app::content::item_to_input(&stored), &input, current_version);
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
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_item(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ItemId>,
) -> Result<Response, PageError> {
    let i = keyplan_app::content::delete_item(&state.store, &auth, id).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let message = t.s1("items-deleted", "kind", t.enum_label("item-kind", i.kind().as_str()));
    Ok(redirect_with(&format!("/plans/{}#s-{}", i.plan_id, i.section_key), &message))
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

pub async fn move_item(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<ItemId>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let i = keyplan_app::content::move_item(&state.store, &auth, id, form.direction == "up").await?;
    Ok(axum::response::IntoResponse::into_response(axum::response::Redirect::to(&format!("/plans/{}#item-{}", i.plan_id, i.id))))
}

pub async fn add_link(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(input): Form<LinkInput>,
) -> Result<Response, PageError> {
    let plan = id;
    match keyplan_app::content::create_link(&state.store, &auth, plan, &input).await {
        Ok(l) => Ok(redirect_with(&format!("/plans/{plan}#goal-{}", l.goal_id), &crate::lang::for_user(&auth, &headers).s("goals-linked"))),
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
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_link(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<LinkId>,
) -> Result<Response, PageError> {
    let l = keyplan_app::content::delete_link(&state.store, &auth, id).await?;
    Ok(redirect_with(&format!("/plans/{}#goal-{}", l.plan_id, l.goal_id), &crate::lang::for_user(&auth, &headers).s("goals-link-removed")))
}

#[derive(Deserialize)]
pub struct AddActionForm {
    #[serde(default)]
    goal_id: String,
    /// The owner's name or e-mail as typed in the search field.
    #[serde(default)]
    owner: Option<String>,
    #[serde(flatten)]
    input: keyplan_domain::tree::NodeInput,
}

/// A commitment serving a goal directly (the action plan of a strategic plan).
pub async fn add_action(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(form): Form<AddActionForm>,
) -> Result<Response, PageError> {
    let plan = id;
    let goal = form.goal_id.trim().parse::<i64>().ok().filter(|n| *n > 0).map(NodeId::new);
    let mut input = form.input;
    let owner = super::search_fields::resolve_node_owner(&state.store, auth.org(), form.owner.as_deref(), &mut input).await;
    let result = match (goal, owner) {
        (_, Err(e)) => Err(e),
        (Some(g), Ok(())) => keyplan_app::nodes::create_node(&state.store, &auth, plan, NodeKind::Commitment, Some(g), &input).await,
        (None, Ok(())) => Err(AppError::field("goal_id", keyplan_domain::Message::new("plan-actions-choose-goal"))),
    };
    match result {
        Ok(n) => {
            Ok(redirect_with(&format!("/plans/{plan}#action-{}", n.id), &crate::lang::for_user(&auth, &headers).s("plan-actions-added")))
        }
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::from_input(&input, 0).with_errors(&errors);
            f.values.insert("goal_id".into(), form.goal_id.clone());
            f.values.insert("owner".into(), form.owner.clone().unwrap_or_default());
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
        Err(e) => Err(e.into()),
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
    coach: super::plan::coach_panel::CoachPanel,
    /// The pipeline coverage of the money goals.
    pipeline: super::opportunities_coverage::Pipeline,
}

pub async fn story(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
) -> Result<Response, PageError> {
    let mut b = keyplan_app::bundle::plan_bundle(&state.store, &auth, id, crate::lang::current()).await?;
    crate::printed::count_pages(&mut b).await;
    let chrome = Chrome::new(&auth, "accounts", &headers);
    let t = chrome.t;
    let story = b.story(keyplan_i18n::Tr::new(crate::lang::current()));
    let report = super::plan::coach_panel::load(&state, &b).await?;
    let coach = super::plan::coach_panel::panel(&report, &b, &format!("/plans/{}", b.plan.id), None, t);
    let label_of =
        |id: i64, english: &str| b.items.iter().find(|x| x.id.get() == id).map(|x| t.item_label(x)).unwrap_or_else(|| english.to_string());
    let goals = b.goals();
    let rows = story
        .goals
        .iter()
        .map(|g| {
            let mut analysis: Vec<String> = Vec::new();
            let mut so_whats = Vec::new();
            for s in &story.sections {
                let via_so_what = s.so_what_goals.contains(&g.id);
                for i in &s.items {
                    let line = format!("{}: {}", label_of(i.id, &i.label), i.text);
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
                    analysis.push(evidence_label(t, &b, e.kind, e.target_id).unwrap_or_else(|| e.label.clone()));
                }
            }
            StoryRow {
                goal_id: g.id,
                goal: g.title.clone(),
                measure: goals.iter().find(|n| n.id.get() == g.id).map(|n| keyplan_app::bundle::goal_measure(n, t)).unwrap_or_default(),
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
        .flat_map(|s| {
            s.items.iter().filter(|i| i.no_consequence).map(|i| (s.title.clone(), format!("{}: {}", label_of(i.id, &i.label), i.text)))
        })
        .collect();
    let loose_so_whats =
        story.sections.iter().filter(|s| s.so_what_unused).map(|s| (s.title.clone(), s.so_what.clone().unwrap_or_default())).collect();
    let missing_so_what = story.sections.iter().filter(|s| s.missing_so_what).map(|s| s.title.clone()).collect();
    let had_flash = chrome.flash.is_some();
    let pipeline = super::opportunities_coverage::Pipeline::of_bundle(&b, t);
    let page = StoryPage {
        pipeline,
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
        coach,
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}
