//! Audience views of a plan (management briefing, customer excerpt), the
//! sharing settings (who sees each item, share links) and audience exports.
//! The signed-out share page itself is in `share_visit`.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use keyplan_domain::audience::{self, Audience, Content, Visibility};
use keyplan_domain::tree::TreeNode;
use keyplan_domain::{PlanId, ShareLinkId};
use keyplan_store::{ShareLink, Visibilities, VisibilityTarget};
use serde::Deserialize;

use super::audience_views::{Briefing, Excerpt, briefing, excerpt};
use super::{Chrome, redirect_with, render};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::{Id, IdAnd};
use crate::{AppError, AppState};
use keyplan_app::audience::{MANAGEMENT_ASKS_KEY, audience_bundle, management_asks};
use keyplan_app::bundle::PlanBundle;
use keyplan_app::sharing;
use keyplan_export::{ExportError, Format, Layout};
use keyplan_i18n::Tr;

#[derive(Template)]
#[template(path = "audience.html")]
struct AudiencePage {
    chrome: Chrome,
    id: i64,
    title: String,
    account_id: i64,
    account_name: String,
    audience: &'static str,
    can_edit: bool,
    ex: Excerpt,
    br: Option<Briefing>,
    /// The coach's score and blockers: the management briefing only, never the customer excerpt.
    coach: Option<super::plan::coach_panel::CoachPanel>,
    asks: String,
    asks_version: i64,
}

fn audience_param(raw: &str) -> Result<Audience, PageError> {
    Audience::validate("audience", raw).map_err(|_| AppError::NotFound.into())
}

pub async fn view(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    IdAnd(id, which): IdAnd<PlanId>,
) -> Result<Response, PageError> {
    let aud = audience_param(&which)?;
    if aud == Audience::Team {
        return Ok(Redirect::to(&format!("/plans/{id}")).into_response());
    }
    let (b, _) = audience_bundle(&state.store, auth.org(), Some(auth.actor()), id, aud, crate::lang::current()).await?;
    // Editing the asks is a plan editor's job, whatever view they are in.
    let access = keyplan_app::access::access(&state.store, &auth, b.account.id).await?;
    let can_edit = keyplan_domain::permissions::can_edit_plans(auth.actor(), &access);
    let asks = management_asks(&b);
    let chrome = Chrome::new(&auth, "accounts", &headers);
    // The coach reads the plan as the team wrote it (the briefing's bundle is redacted
    // for management), so the briefing's score is the plan page's. Internal only:
    // the customer excerpt never runs it.
    let coach = match aud {
        Audience::Management => {
            let team = keyplan_app::bundle::plan_bundle(&state.store, &auth, id, crate::lang::current()).await?;
            let report = super::plan::coach_panel::load(&state, &team).await?;
            Some(super::plan::coach_panel::panel(&report, &team, &format!("/plans/{id}"), None, chrome.t))
        }
        _ => None,
    };
    let chrome_t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let page = AudiencePage {
        chrome,
        id: id.get(),
        title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        audience: aud.as_str(),
        can_edit,
        asks: asks.and_then(|a| a.body.clone()).unwrap_or_default(),
        asks_version: asks.map(|a| a.version).unwrap_or(0),
        br: (aud == Audience::Management).then(|| briefing(&b, chrome_t)),
        coach,
        ex: excerpt(&b, chrome_t),
    };
    Ok(render(StatusCode::OK, &page, had_flash))
}

#[derive(Deserialize)]
pub struct AsksForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    version: String,
}

pub async fn save_asks(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<PlanId>,
    Form(f): Form<AsksForm>,
) -> Result<Response, PageError> {
    let plan = state.store.plan(auth.org(), id).await?;
    keyplan_app::access::require_plan_editor(&state.store, &auth, plan.account_id).await?;
    let text = keyplan_domain::analysis::SectionTextInput { body: f.body, so_what: String::new() }.validate()?;
    let version = f.version.trim().parse::<i64>().unwrap_or(0);
    state.store.save_section(auth.org(), id, MANAGEMENT_ASKS_KEY, version, &text, auth.id()).await?;
    Ok(redirect_with(&format!("/plans/{id}/view/management"), "Saved what you need from management."))
}

// --- sharing settings ---------------------------------------------------------------

pub struct VisRow {
    pub name: String,
    pub depth: usize,
    pub kind_label: String,
    pub text: String,
    pub value: &'static str,
    /// Never reaches the customer, whatever the mark.
    pub internal: bool,
}

pub struct LinkRow {
    pub id: i64,
    pub label: String,
    pub expires: String,
    pub state: &'static str,
    pub state_label: String,
    pub live: bool,
    pub created: String,
    pub last_opened: String,
    pub opens: i64,
}

#[derive(Template)]
#[template(path = "sharing.html")]
struct SharingPage {
    chrome: Chrome,
    id: i64,
    title: String,
    account_id: i64,
    account_name: String,
    can_edit: bool,
    rows: Vec<VisRow>,
    visibilities: Vec<(&'static str, String)>,
    links: Vec<LinkRow>,
    new_link: String,
    default_expiry: String,
    errors: Vec<String>,
    customer_count: usize,
    /// The plan's title as the customer reads it.
    customer_title: String,
    /// Goals marked for the customer that reach them without their figures.
    goals_without_figures: Vec<String>,
    /// Exactly what the customer sees: the excerpt of the customer's view.
    ex: super::audience_views::Excerpt,
}

fn vis_rows(b: &PlanBundle, vis: &Visibilities, tr: Tr) -> Vec<VisRow> {
    let mut rows = Vec::new();
    fn walk(t: &TreeNode, depth: usize, vis: &Visibilities, tr: Tr, rows: &mut Vec<VisRow>) {
        let n = &t.node;
        let content = Content::Node(n.kind(), if n.kind() == keyplan_domain::tree::NodeKind::Commitment { n.acceptance() } else { None });
        rows.push(VisRow {
            name: format!("node-{}", n.id),
            depth,
            kind_label: tr.enum_label("node-kind", n.kind().as_str()),
            text: n.title.clone(),
            value: vis.get(VisibilityTarget::Node, n.id.get()).as_str(),
            internal: audience::never_for_customer(content),
        });
        for c in &t.children {
            walk(c, depth + 1, vis, tr, rows);
        }
    }
    for t in &b.tree {
        walk(t, 0, vis, tr, &mut rows);
    }
    for s in &b.doc.sections {
        if let Some(t) = b.section_text(&s.key) {
            let text = t.body.as_deref().or(t.so_what.as_deref()).unwrap_or_default();
            rows.push(VisRow {
                name: format!("section-{}", t.id),
                depth: 0,
                kind_label: tr.s1("sharing-text-of", "section", &s.title),
                text: text.chars().take(140).collect(),
                value: vis.get(VisibilityTarget::Section, t.id.get()).as_str(),
                internal: audience::never_for_customer(Content::SectionText(s.kind)),
            });
        }
        for i in b.items_of(&s.key) {
            rows.push(VisRow {
                name: format!("item-{}", i.id),
                depth: 0,
                kind_label: format!("{} · {}", s.title, tr.item_label(i)),
                text: i.text.clone(),
                value: vis.get(VisibilityTarget::Item, i.id.get()).as_str(),
                internal: audience::never_for_customer(Content::Item(i.kind(), i.category())),
            });
        }
    }
    for k in &b.kpis {
        rows.push(VisRow {
            name: format!("kpi-{}", k.id),
            depth: 0,
            kind_label: tr.s("sharing-kpi"),
            text: k.name.clone(),
            value: vis.get(VisibilityTarget::Kpi, k.id.get()).as_str(),
            internal: false,
        });
    }
    rows
}

/// A problem with the new-link form: "Valid until: must be within a year", in the page's language.
fn link_problem(field: &str, message: &keyplan_domain::Message, tr: Tr) -> String {
    let field = match field {
        "label" => tr.s("sharing-for-whom"),
        "expires_on" => tr.s("sharing-until"),
        other => tr.field_name(other),
    };
    format!("{field}: {}", tr.msg(message))
}

fn link_row(l: &ShareLink, tr: Tr) -> LinkRow {
    let today = keyplan_app::today();
    let state = if l.revoked_at.is_some() {
        "revoked"
    } else if l.expired(today) {
        "expired"
    } else {
        "live"
    };
    let created = tr.date(l.created_at.date());
    LinkRow {
        id: l.id.get(),
        label: l.label.clone(),
        expires: tr.date(l.expires_on),
        state,
        state_label: tr.enum_label("sharing-state", state),
        live: l.live(today),
        created: match l.created_by_name.as_deref() {
            Some(name) => tr.s2("sharing-created-on-by", "date", created, "name", name),
            None => tr.s1("sharing-created-on", "date", created),
        },
        last_opened: l.last_opened_at.map(|t| tr.date(t.date())).unwrap_or_else(|| tr.s("sharing-never")),
        opens: l.open_count,
    }
}

async fn sharing_page(
    state: &AppState,
    auth: &crate::auth::Auth,
    headers: &HeaderMap,
    id: PlanId,
    new_link: String,
    errors: Vec<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (b, vis) = audience_bundle(&state.store, auth.org(), Some(auth.actor()), id, Audience::Team, crate::lang::current()).await?;
    let links = sharing::links(&state.store, auth, id).await?;
    let chrome = Chrome::new(auth, "accounts", headers);
    let tr = chrome.t;
    let rows = vis_rows(&b, &vis, tr);
    let had_flash = chrome.flash.is_some();
    let goals_without_figures = b
        .all_nodes()
        .iter()
        .filter(|n| vis.get(keyplan_store::VisibilityTarget::Node, n.id.get()) == Visibility::Customer)
        .filter(|n| {
            n.detail.goal().is_some_and(|g| {
                !keyplan_domain::audience::goal_figures_for_customer(g.benefit) && (g.target.is_some() || g.baseline.is_some())
            })
        })
        .map(|n| n.title.clone())
        .collect();
    let customer_view = keyplan_app::audience::redact(b.clone(), &vis, Audience::Customer);
    let customer_title = customer_view.plan.title.clone();
    let ex = excerpt(&customer_view, tr);
    let page = SharingPage {
        chrome,
        id: id.get(),
        title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        can_edit: b.can_edit,
        customer_count: rows.iter().filter(|r| r.value == "customer" && !r.internal).count(),
        rows,
        visibilities: Visibility::ALL.iter().map(|v| (v.as_str(), tr.enum_label("sharing-vis", v.as_str()))).collect(),
        links: links.iter().map(|l| link_row(l, tr)).collect(),
        new_link,
        default_expiry: keyplan_domain::validate::format_date(keyplan_app::today() + time::Duration::days(30)),
        errors,
        customer_title,
        goals_without_figures,
        ex,
    };
    Ok(render(status, &page, had_flash))
}

pub async fn sharing(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
) -> Result<Response, PageError> {
    sharing_page(&state, &auth, &headers, id, String::new(), Vec::new(), StatusCode::OK).await
}

/// Saves the visibility of every item whose choice changed.
pub async fn save_visibility(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let current = state.store.visibilities(auth.org(), id).await?;
    let mut changed = 0;
    for (name, value) in &fields {
        let Some((kind, raw)) = name.split_once('-') else { continue };
        let (Some(target), Ok(item)) = (VisibilityTarget::parse(kind), raw.parse::<i64>()) else { continue };
        if current.get(target, item).as_str() != value {
            sharing::set_visibility(&state.store, &auth, id, kind, item, value).await?;
            changed += 1;
        }
    }
    let msg = crate::lang::for_user(&auth, &headers).s1("sharing-saved", "count", changed);
    Ok(redirect_with(&format!("/plans/{id}/sharing"), &msg))
}

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    expires_on: String,
}

pub async fn create_link(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(f): Form<LinkForm>,
) -> Result<Response, PageError> {
    match sharing::create_link(&state.store, &auth, id, &f.label, &f.expires_on).await {
        // The token is shown this once, on this page, and never stored.
        Ok((_, token)) => {
            let url = format!("{}/s/{token}", super::base_url(&headers, state.config.cookies_secure()));
            sharing_page(&state, &auth, &headers, id, url, Vec::new(), StatusCode::CREATED).await
        }
        Err(AppError::Validation(errs)) => {
            let tr = crate::lang::for_user(&auth, &headers);
            let errors = errs.iter().map(|e| link_problem(&e.field, &e.message, tr)).collect();
            sharing_page(&state, &auth, &headers, id, String::new(), errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_link(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ShareLinkId>,
) -> Result<Response, PageError> {
    let link = sharing::revoke(&state.store, &auth, id).await?;
    let message = crate::lang::for_user(&auth, &headers).s1("sharing-revoked", "label", &link.label);
    Ok(redirect_with(&format!("/plans/{}/sharing", link.plan_id), &message))
}

// --- exports ------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct AudienceQuery {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    layout: String,
    #[serde(default)]
    lang: String,
}

#[derive(Template)]
#[template(path = "pdf_too_big.html")]
struct PdfTooBig {
    /// The export's language (its `lang`, else the user's).
    t: Tr,
    /// How many pages the plan needs at the smallest readable type.
    pages: usize,
    compact_url: String,
    id: PlanId,
}

impl PdfTooBig {
    fn t(&self) -> Tr {
        self.t
    }

    fn text(&self) -> String {
        self.t.s1("pdf-too-big-text", "count", self.pages)
    }
}

pub async fn export(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    IdAnd(id, file): IdAnd<PlanId>,
    Query(q): Query<AudienceQuery>,
) -> Result<Response, PageError> {
    let format = match file.strip_prefix("export.").map(|ext| Format::parse("format", ext)) {
        Some(Ok(f)) => f,
        _ => return Err(AppError::NotFound.into()),
    };
    let aud = Audience::validate("audience", &q.audience)?;
    let lang = keyplan_export::parse_lang("lang", &q.lang, crate::lang::current())?;
    let layout = Layout::parse("layout", &q.layout)?;
    let (b, vis) = audience_bundle(&state.store, auth.org(), Some(auth.actor()), id, aud, lang).await?;
    match keyplan_export::render_blocking(b, vis, format, lang, layout).await {
        Ok(file) => Ok(crate::download(file)),
        Err(e @ ExportError::TooBigForOnePage(_)) => {
            let pages = e.pages_at_minimum().unwrap_or_default();
            let compact_url = format!("/plans/{id}/export.pdf?audience={}&layout=compact", aud.as_str());
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &PdfTooBig { t: Tr::new(lang), pages, compact_url, id }, false))
        }
        Err(ExportError::Failed(e)) => Err(AppError::Internal(e).into()),
    }
}

/// `GET /plans/{id}/top-to-top.pdf?meeting=&date=&audience=`: the top-to-top briefing.
pub async fn top_to_top(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: axum::http::HeaderMap,
    crate::extract::Id(id): crate::extract::Id<PlanId>,
    Query(q): Query<crate::api::export::TopToTopQuery>,
) -> Result<Response, PageError> {
    let lang = crate::lang::for_user(&auth, &headers).lang;
    Ok(crate::api::export::top_to_top_response(&state, &auth, id, &q, lang).await?)
}
