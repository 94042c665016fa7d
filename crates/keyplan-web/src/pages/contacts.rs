//! Adding and editing the people at the customer.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::contact::{Attitude, BuyingRole, ContactInput};
use keyplan_domain::{AccountId, ContactId};
use serde::Deserialize;

use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<AccountId>,
    Form(form): Form<NewContactForm>,
) -> Result<Response, PageError> {
    let mut input = form.input;
    let result = match form.pickers.apply(&state.store, auth.org(), &mut input).await {
        Ok(()) => keyplan_app::contacts::create_contact(&state.store, &auth, id, &input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(c) => Ok(redirect_with(
            &format!("/accounts/{id}#contacts"),
            &crate::lang::for_user(&auth, &headers).s1("account-contact-added", "name", &c.name),
        )),
        Err(AppError::Validation(errors)) => {
            super::accounts::contact_form_error(&state, &auth, &headers, id, &input, &form.pickers, &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct NewContactForm {
    #[serde(flatten)]
    input: ContactInput,
    #[serde(flatten)]
    pickers: super::search_fields::ContactPickers,
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    chrome: Chrome,
    id: i64,
    name: String,
    account_id: i64,
    account_name: String,
    form: FormView,
    can_edit: bool,
    contact_opts: Vec<Opt>,
    roles: Vec<Opt>,
    attitudes: Vec<Opt>,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ContactId>,
) -> Result<Response, PageError> {
    contact_page(&state, &auth, &headers, id, None, StatusCode::OK).await
}

async fn contact_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: ContactId,
    form: Option<FormView>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let c = state.store.contact(auth.org(), id).await?;
    let account = state.store.account(auth.org(), c.account_id).await?;
    let contacts = state.store.contacts(auth.org(), c.account_id).await?;
    let users = state.store.list_users(auth.org()).await?;
    let access = keyplan_app::access::access(&state.store, auth, c.account_id).await?;
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let mut form = form.unwrap_or_else(|| FormView::from_input(&keyplan_app::contacts::contact_to_input(&c), c.version));
    super::search_fields::fill_owner_name(&mut form, &users);
    form.localise(t);
    let page = ContactPage {
        chrome,
        id: c.id.get(),
        name: c.name.clone(),
        account_id: account.id.get(),
        account_name: account.name.clone(),
        form,
        can_edit: keyplan_domain::permissions::can_edit_plans(auth.actor(), &access),
        contact_opts: contacts.iter().filter(|x| x.id != c.id).map(|x| Opt::new(x.id, &x.name)).collect(),
        roles: BuyingRole::ALL.iter().map(|r| Opt::new(r.as_str(), t.enum_label("buying-role", r.as_str()))).collect(),
        attitudes: Attitude::ALL.iter().map(|r| Opt::new(r.as_str(), t.enum_label("attitude", r.as_str()))).collect(),
    };
    Ok(render(status, &page, had_flash))
}

#[derive(Deserialize)]
pub struct ContactForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    input: ContactInput,
    #[serde(flatten)]
    pickers: super::search_fields::ContactPickers,
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ContactId>,
    Form(form): Form<ContactForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let mut input = form.input;
    let result = match form.pickers.apply(&state.store, auth.org(), &mut input).await {
        Ok(()) => keyplan_app::contacts::update_contact(&state.store, &auth, id, version, &input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(c) => {
            let message = crate::lang::for_user(&auth, &headers).s1("account-contact-saved", "name", &c.name);
            Ok(redirect_with(&format!("/accounts/{}#contacts", c.account_id), &message))
        }
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::from_input(&input, version).with_errors(&errors);
            form.pickers.keep(&mut f);
            contact_page(&state, &auth, &headers, id, Some(f), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.contact(auth.org(), id).await?;
            let mut f = FormView::conflicted(&keyplan_app::contacts::contact_to_input(&stored), &input, current_version);
            form.pickers.keep(&mut f);
            contact_page(&state, &auth, &headers, id, Some(f), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ContactId>,
) -> Result<Response, PageError> {
    let c = keyplan_app::contacts::delete_contact(&state.store, &auth, id).await?;
    let message = crate::lang::for_user(&auth, &headers).s1("account-contact-removed", "name", &c.name);
    Ok(redirect_with(&format!("/accounts/{}#contacts", c.account_id), &message))
}
