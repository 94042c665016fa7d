//! The account's whitespace page: the matrix of our offerings against the
//! customer's business units, a form for one cell at a time, and the business
//! units themselves (add, rename, reorder, delete).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::whitespace::{CellInput, NameInput};
use keyplan_domain::{AccountId, BusinessUnitId, FieldError, permissions};
use serde::Deserialize;

use super::whitespace_matrix::{self, WhitespaceView, cell_anchor, whitespace_view_in};
use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};
use keyplan_app::whitespace::{self as ws_service, CellRef};

/// The form of the selected cell.
pub struct CellEditor {
    pub key: String,
    pub offering_id: i64,
    pub unit_id: i64,
    pub offering: String,
    pub unit: String,
    pub exists: bool,
    pub changed: String,
    pub form: FormView,
}

/// A business unit in the list beside the matrix.
pub struct UnitRow {
    pub id: i64,
    pub name: String,
    pub cells: usize,
    pub first: bool,
    pub last: bool,
    pub edit: FormView,
}

#[derive(Default)]
pub struct WhitespaceForms {
    /// The cell whose form is open, with what it shows.
    pub cell: Option<(CellRef, Option<FormView>)>,
    pub add_unit: FormView,
    pub edit_unit: Option<(BusinessUnitId, FormView)>,
}

#[derive(Template)]
#[template(path = "whitespace.html")]
struct WhitespacePage {
    chrome: Chrome,
    account_id: i64,
    account_name: String,
    ws: WhitespaceView,
    can_edit: bool,
    can_manage_offerings: bool,
    offering_count: usize,
    editor: Option<CellEditor>,
    /// A failed cell save whose cell is no longer shown.
    problem: Option<String>,
    units: Vec<UnitRow>,
    add_unit: FormView,
    statuses: Vec<Opt>,
    currency: String,
}

#[derive(Deserialize)]
pub struct ShowQuery {
    #[serde(default)]
    cell: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let forms = WhitespaceForms { cell: CellRef::parse(&q.cell).map(|r| (r, None)), ..Default::default() };
    whitespace_page(&state, &auth, &headers, id, forms, StatusCode::OK).await
}

pub async fn whitespace_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: AccountId,
    forms: WhitespaceForms,
    status: StatusCode,
) -> Result<Response, PageError> {
    let org = auth.org();
    let account = state.store.account(org, id).await?;
    let currency = state.store.org(org).await?.currency;
    let can_edit = ws_service::can_edit(&state.store, auth, id).await?;
    let ws = state.store.whitespace(org, id).await?;
    let base = format!("/accounts/{id}/whitespace");
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;

    // The selected cell's form: what was typed (after a failed save) or what is stored.
    let mut editor = None;
    let mut problem = None;
    if let Some((at, typed)) = forms.cell
        && can_edit
    {
        let offering = ws.offerings.iter().find(|o| o.id == at.offering);
        let unit = ws.units.iter().find(|u| u.id == at.unit);
        if let (Some(o), Some(u)) = (offering, unit) {
            let stored = ws.cell(o.id, u.id);
            let changed = match stored {
                Some(c) => {
                    let who = match c.updated_by {
                        Some(uid) => state.store.user(org, uid).await.ok().map(|u| u.name),
                        None => None,
                    };
                    let date = t.date(c.updated_at.date());
                    match who {
                        Some(name) => t.s2("ws-last-changed-by", "date", date, "name", name),
                        None => t.s1("ws-last-changed", "date", date),
                    }
                }
                None => String::new(),
            };
            editor = Some(CellEditor {
                key: at.key(),
                offering_id: o.id.get(),
                unit_id: u.id.get(),
                offering: o.name.clone(),
                unit: u.name.clone(),
                exists: stored.is_some(),
                changed,
                form: match typed {
                    Some(mut f) => {
                        f.localise(t);
                        f
                    }
                    None => FormView::from_input(&ws_service::cell_to_input(stored), stored.map_or(0, |c| c.version)),
                },
            });
        } else if let Some(mut f) = typed.filter(FormView::has_errors) {
            f.localise(t);
            // The cell is no longer on the matrix (e.g. its offering was just retired).
            problem = Some(f.other_errors("").join("; "));
        }
    }
    let selected = editor.as_ref().map(|e| e.key.clone());

    let count = ws.units.len();
    let mut edit_unit = forms.edit_unit;
    let units = ws
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| UnitRow {
            id: u.id.get(),
            name: u.name.clone(),
            cells: ws.cells.iter().filter(|c| c.business_unit_id == u.id).count(),
            first: i == 0,
            last: i + 1 == count,
            edit: match edit_unit.take_if(|(uid, _)| *uid == u.id) {
                Some((_, mut f)) => {
                    f.localise(t);
                    f
                }
                None => FormView::from_input(&NameInput { name: u.name.clone(), description: String::new() }, u.version),
            },
        })
        .collect();

    let mut add_unit = forms.add_unit;
    add_unit.localise(t);
    let had_flash = chrome.flash.is_some();
    let page = WhitespacePage {
        chrome,
        account_id: account.id.get(),
        account_name: account.name.clone(),
        offering_count: ws.offerings.len(),
        ws: {
            let view = whitespace_view_in(&ws, &currency, t);
            if can_edit { view.editable(base, selected.as_deref()) } else { view }
        },
        can_edit,
        can_manage_offerings: permissions::can_manage_offerings(auth.actor()),
        editor,
        problem,
        units,
        add_unit,
        statuses: whitespace_matrix::statuses(t).into_iter().map(|(v, l)| Opt::new(v, l)).collect(),
        currency,
    };
    Ok(render(status, &page, had_flash))
}

// --- cells -------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct CellForm {
    #[serde(default)]
    offering_id: String,
    #[serde(default)]
    business_unit_id: String,
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: CellInput,
}

pub async fn set_cell(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(form): Form<CellForm>,
) -> Result<Response, PageError> {
    let t = crate::lang::for_user(&auth, &headers);
    let at = CellRef::parse(&format!("{}-{}", form.offering_id.trim(), form.business_unit_id.trim()))
        .ok_or_else(|| AppError::bad_request("ws-err-which-cell"))?;
    let version = form_version(&form.version)?;
    let base = format!("/accounts/{id}/whitespace");
    match ws_service::set_cell(&state.store, &auth, id, at, version, &form.input).await {
        Ok(Some(cell)) => {
            let ws = state.store.whitespace(auth.org(), id).await?;
            let currency = state.store.org(auth.org()).await?.currency;
            let label = whitespace_matrix::cell_labels_in(&ws, &currency, t).into_iter().find(|(c, _)| *c == cell.id).map(|(_, l)| l);
            let message = label.map(|l| t.s1("ws-saved-cell", "cell", l)).unwrap_or_else(|| t.s("ws-cell-saved"));
            Ok(redirect_with(&format!("{base}#{}", cell_anchor(cell.id)), &message))
        }
        Ok(None) => Ok(redirect_with(&format!("{base}#ws-matrix"), &t.s("ws-cell-cleared"))),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, version).with_errors(&errors);
            let forms = WhitespaceForms { cell: Some((at, Some(f))), ..Default::default() };
            whitespace_page(&state, &auth, &headers, id, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.whitespace(auth.org(), id).await?;
            let stored = ws_service::cell_to_input(stored.cell(at.offering, at.unit));
            let f = FormView::conflicted(&stored, &form.input, current_version);
            let forms = WhitespaceForms { cell: Some((at, Some(f))), ..Default::default() };
            whitespace_page(&state, &auth, &headers, id, forms, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

// --- business units ----------------------------------------------------------------------

pub async fn add_unit(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(input): Form<NameInput>,
) -> Result<Response, PageError> {
    match ws_service::create_business_unit(&state.store, &auth, id, &input).await {
        Ok(u) => Ok(redirect_with(
            &format!("/accounts/{id}/whitespace#unit-{}", u.id),
            &crate::lang::for_user(&auth, &headers).s1("ws-unit-added", "name", &u.name),
        )),
        Err(AppError::Validation(errors)) => {
            let forms = WhitespaceForms { add_unit: FormView::from_input(&input, 0).with_errors(&errors), ..Default::default() };
            whitespace_page(&state, &auth, &headers, id, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: NameInput,
}

pub async fn update_unit(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<BusinessUnitId>,
    Form(form): Form<UnitForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let unit = state.store.business_unit(auth.org(), id).await?;
    let back = format!("/accounts/{}/whitespace#unit-{id}", unit.account_id);
    let failed = |f: FormView| WhitespaceForms { edit_unit: Some((id, f)), ..Default::default() };
    match ws_service::update_business_unit(&state.store, &auth, id, version, &form.input).await {
        Ok(u) => Ok(redirect_with(&back, &crate::lang::for_user(&auth, &headers).s1("ws-unit-saved", "name", &u.name))),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, version).with_errors(&errors);
            whitespace_page(&state, &auth, &headers, unit.account_id, failed(f), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.business_unit(auth.org(), id).await?;
            let stored = NameInput { name: stored.name, description: String::new() };
            let f = FormView::conflicted(&stored, &form.input, current_version);
            whitespace_page(&state, &auth, &headers, unit.account_id, failed(f), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    pub direction: String,
}

/// `up`/`left` or `down`/`right`.
pub fn direction_up(raw: &str) -> Result<bool, PageError> {
    match raw.trim() {
        "up" | "left" => Ok(true),
        "down" | "right" => Ok(false),
        _ => Err(AppError::from(FieldError::new("direction", keyplan_domain::Message::new("err-direction"))).into()),
    }
}

pub async fn move_unit(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<BusinessUnitId>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let up = direction_up(&form.direction)?;
    let u = ws_service::move_business_unit(&state.store, &auth, id, up).await?;
    Ok(redirect_with(
        &format!("/accounts/{}/whitespace#unit-{id}", u.account_id),
        &crate::lang::for_user(&auth, &headers).s1("ws-unit-moved", "name", &u.name),
    ))
}

pub async fn delete_unit(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<BusinessUnitId>,
) -> Result<Response, PageError> {
    let u = ws_service::delete_business_unit(&state.store, &auth, id).await?;
    Ok(redirect_with(
        &format!("/accounts/{}/whitespace#units", u.account_id),
        &crate::lang::for_user(&auth, &headers).s1("ws-unit-deleted", "name", &u.name),
    ))
}
