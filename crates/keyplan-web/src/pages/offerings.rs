//! The company's offerings (the rows of every whitespace matrix): add, rename and
//! describe, reorder, retire and restore, delete. For managers and administrators.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::whitespace::NameInput;
use keyplan_domain::{OfferingId, permissions};
use serde::Deserialize;

use super::whitespace::{MoveForm, direction_up};
use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::FormView;
use crate::{AppError, AppState};
use keyplan_app::whitespace as ws_service;

pub struct OfferingRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub retired: bool,
    pub version: i64,
    pub accounts: i64,
    pub cells: i64,
    pub first: bool,
    pub last: bool,
    pub edit: FormView,
}

#[derive(Template)]
#[template(path = "admin_offerings.html")]
struct OfferingsPage {
    chrome: Chrome,
    rows: Vec<OfferingRow>,
    in_use: usize,
    form: FormView,
}

fn require_manager(auth: &Auth) -> Result<(), PageError> {
    Ok(keyplan_app::access::require(permissions::can_manage_offerings(auth.actor()))?)
}

pub async fn list(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    require_manager(&auth)?;
    offerings_page(&state, &auth, &headers, FormView::default(), None, StatusCode::OK).await
}

async fn offerings_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    form: FormView,
    mut failed: Option<(OfferingId, FormView)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let chrome = Chrome::new(auth, "offerings", headers);
    let t = chrome.t;
    let mut form = form;
    form.localise(t);
    let offerings = state.store.offerings(auth.org(), true).await?;
    let usage = state.store.offering_usage(auth.org()).await?;
    let count = offerings.len();
    let rows = offerings
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let used = usage.iter().find(|u| u.offering_id == o.id);
            OfferingRow {
                id: o.id.get(),
                name: o.name.clone(),
                description: o.description.clone().unwrap_or_default(),
                retired: o.retired,
                version: o.version,
                accounts: used.map_or(0, |u| u.accounts),
                cells: used.map_or(0, |u| u.cells),
                first: i == 0,
                last: i + 1 == count,
                edit: match failed.take_if(|(id, _)| *id == o.id) {
                    Some((_, mut f)) => {
                        f.localise(t);
                        f
                    }
                    None => FormView::from_input(&ws_service::offering_to_input(o), o.version),
                },
            }
        })
        .collect();
    let had_flash = chrome.flash.is_some();
    let page = OfferingsPage { chrome, rows, in_use: offerings.iter().filter(|o| !o.retired).count(), form };
    Ok(render(status, &page, had_flash))
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(input): Form<NameInput>,
) -> Result<Response, PageError> {
    match ws_service::create_offering(&state.store, &auth, &input).await {
        Ok(o) => Ok(redirect_with(
            &format!("/admin/offerings#offering-{}", o.id),
            &crate::lang::for_user(&auth, &headers).s1("offerings-added", "name", &o.name),
        )),
        Err(AppError::Validation(errors)) => {
            let form = FormView::from_input(&input, 0).with_errors(&errors);
            offerings_page(&state, &auth, &headers, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct OfferingForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: NameInput,
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<OfferingId>,
    Form(form): Form<OfferingForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    match ws_service::update_offering(&state.store, &auth, id, version, &form.input).await {
        Ok(o) => Ok(redirect_with(
            &format!("/admin/offerings#offering-{id}"),
            &crate::lang::for_user(&auth, &headers).s1("offerings-saved", "name", &o.name),
        )),
        Err(AppError::Validation(errors)) => {
            let f = FormView::from_input(&form.input, version).with_errors(&errors);
            offerings_page(&state, &auth, &headers, FormView::default(), Some((id, f)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.offering(auth.org(), id).await?;
            let f = FormView::conflicted(&ws_service::offering_to_input(&stored), &form.input, current_version);
            offerings_page(&state, &auth, &headers, FormView::default(), Some((id, f)), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn retire(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<OfferingId>,
    Form(form): Form<super::RetireForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let retired = form.retired()?;
    let o = ws_service::set_offering_retired(&state.store, &auth, id, version, retired).await?;
    let t = crate::lang::for_user(&auth, &headers);
    let message = if o.retired { t.s1("offerings-retired-flash", "name", &o.name) } else { t.s1("offerings-restored", "name", &o.name) };
    Ok(redirect_with(&format!("/admin/offerings#offering-{id}"), &message))
}

pub async fn move_offering(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<OfferingId>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let up = direction_up(&form.direction)?;
    let o = ws_service::move_offering(&state.store, &auth, id, up).await?;
    Ok(redirect_with(
        &format!("/admin/offerings#offering-{id}"),
        &crate::lang::for_user(&auth, &headers).s1("offerings-moved", "name", &o.name),
    ))
}

pub async fn delete(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<OfferingId>,
) -> Result<Response, PageError> {
    let o = ws_service::delete_offering(&state.store, &auth, id).await?;
    Ok(redirect_with("/admin/offerings", &crate::lang::for_user(&auth, &headers).s1("offerings-deleted", "name", &o.name)))
}
