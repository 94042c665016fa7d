//! User administration: add users, set roles, reset passwords.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::users::{self, NewUserInput, UserChange};
use keyplan_domain::{Role, UserId};
use serde::Deserialize;

use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};
use keyplan_i18n::Tr;

pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: &'static str,
    pub active: bool,
    pub version: i64,
    pub is_me: bool,
    pub team: String,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    chrome: Chrome,
    rows: Vec<UserRow>,
    form: FormView,
    roles: Vec<Opt>,
    failed_row: Option<(i64, String)>,
}

fn require_admin(auth: &Auth) -> Result<(), PageError> {
    Ok(keyplan_app::access::require(keyplan_domain::permissions::can_manage_users(auth.actor()))?)
}

pub async fn users(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    require_admin(&auth)?;
    users_page(&state, &auth, &headers, FormView::default(), None, StatusCode::OK).await
}

async fn users_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    form: FormView,
    failed_row: Option<(i64, String)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let users = state.store.list_users(auth.org()).await?;
    let chrome = Chrome::new(auth, "admin", headers);
    let t = chrome.t;
    let had_flash = chrome.flash.is_some();
    let mut form = form;
    for (field, m) in &form.messages {
        form.errors.insert(field.clone(), message(t, m));
    }
    if form.v("role").is_empty() {
        form.values.insert("role".into(), "member".into());
    }
    let page = UsersPage {
        chrome,
        rows: users
            .iter()
            .map(|u| UserRow {
                id: u.id.get(),
                name: u.name.clone(),
                email: u.email.clone(),
                role: u.role().as_str(),
                active: u.active,
                version: u.version,
                is_me: u.id == auth.id(),
                team: u.team.clone().unwrap_or_default(),
            })
            .collect(),
        form,
        roles: Role::ALL.iter().map(|r| Opt::new(r.as_str(), t.enum_label("role", r.as_str()))).collect(),
        failed_row,
    };
    Ok(render(status, &page, had_flash))
}

/// A field error in the page's language, including this page's own messages.
fn message(t: Tr, m: &keyplan_domain::Message) -> String {
    t.msg(m)
}

#[derive(Deserialize)]
pub struct AddUserForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

pub async fn add_user(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(form): Form<AddUserForm>,
) -> Result<Response, PageError> {
    let input = NewUserInput { name: &form.name, email: &form.email, role: &form.role, password: &form.password };
    match users::create_user(&state.store, &auth, &input).await {
        Ok(u) => {
            Ok(redirect_with("/admin/users", &crate::lang::for_user(&auth, &headers).s2("users-added", "name", &u.name, "email", &u.email)))
        }
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::default().with_errors(&errors);
            f.values.insert("name".into(), form.name);
            f.values.insert("email".into(), form.email);
            f.values.insert("role".into(), form.role);
            users_page(&state, &auth, &headers, f, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct UpdateUserForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    active: String,
    /// Left out: the team stays as it is.
    team: Option<String>,
}

pub async fn update_user(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<UserId>,
    Form(form): Form<UpdateUserForm>,
) -> Result<Response, PageError> {
    let version = form_version(&form.version)?;
    let active = form.active == "on" || form.active == "true";
    let t = crate::lang::for_user(&auth, &headers);
    let refused = match users::update_user(&state.store, &auth, id, version, &form.name, &form.role, active, form.team.as_deref()).await? {
        Ok(user) => return Ok(redirect_with("/admin/users", &t.s1("users-updated", "name", &user.name))),
        Err(UserChange::UnknownRole) => t.s("users-row-err-role"),
        Err(UserChange::Own) => t.s("users-err-self"),
    };
    users_page(&state, &auth, &headers, FormView::default(), Some((id.get(), refused)), StatusCode::UNPROCESSABLE_ENTITY).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
}

pub async fn reset_password(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<UserId>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    match users::set_password(&state.store, &auth, id, &form.password).await {
        Ok(user) => Ok(redirect_with("/admin/users", &crate::lang::for_user(&auth, &headers).s1("users-password-set", "name", &user.name))),
        Err(AppError::Validation(errors)) => {
            let f = errors
                .into_iter()
                .next()
                .unwrap_or_else(|| keyplan_domain::FieldError::new("password", keyplan_domain::Message::new("err-required")));
            let t = crate::lang::for_user(&auth, &headers);
            users_page(
                &state,
                &auth,
                &headers,
                FormView::default(),
                Some((id.get(), t.s1("users-row-err-password", "message", message(t, &f.message)))),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
