//! User administration: add users, set roles, reset passwords.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::{Role, UserId, Validation, validate};
use keyplan_store::NewUser;
use serde::Deserialize;

use super::{Chrome, form_version, path_id, redirect_with, render};
use crate::auth::{self, Auth, PageUser};
use crate::error::PageError;
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
    for m in form.errors.values_mut() {
        *m = message(t, m);
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
            })
            .collect(),
        form,
        roles: Role::ALL.iter().map(|r| Opt::new(r.as_str(), t.enum_label("role", r.as_str()))).collect(),
        failed_row,
    };
    Ok(render(status, &page, had_flash))
}

/// A field error in the page's language, including this page's own messages.
fn message(t: Tr, m: &str) -> String {
    match m {
        "choose a role" => t.s("users-err-role"),
        "must be at least 8 characters" => t.s("users-err-password-short"),
        _ => t.field_error(m),
    }
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
    require_admin(&auth)?;
    let mut v = Validation::new();
    let name = v.check(validate::required("name", &form.name, 200));
    let email = v.check(validate::email("email", &form.email));
    let role = Role::parse(&form.role);
    if role.is_none() {
        v.push("role", "choose a role");
    }
    let password = v.check(validate::password("password", &form.password));
    let result = match (name, email, role, password) {
        (Some(name), Some(email), Some(role), Some(password)) if v.is_ok() => {
            let hash = auth::hash_password(password).await?;
            state
                .store
                .create_user(auth.org(), NewUser { email: &email, name: &name, role, password_hash: &hash })
                .await
                .map_err(AppError::from)
        }
        _ => Err(AppError::Validation(v.errors)),
    };
    match result {
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
}

pub async fn update_user(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<UpdateUserForm>,
) -> Result<Response, PageError> {
    require_admin(&auth)?;
    let id = UserId::new(path_id(&id)?);
    let version = form_version(&form.version)?;
    let current = state.store.user(auth.org(), id).await?;
    let name = if form.name.trim().is_empty() { current.name.clone() } else { form.name.trim().to_string() };
    let Some(role) = Role::parse(&form.role) else {
        return users_page(
            &state,
            &auth,
            &headers,
            FormView::default(),
            Some((id.get(), crate::lang::for_user(&auth, &headers).s("users-row-err-role"))),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let active = form.active == "on" || form.active == "true";
    if id == auth.id() && (role != Role::Admin || !active) {
        return users_page(
            &state,
            &auth,
            &headers,
            FormView::default(),
            Some((id.get(), crate::lang::for_user(&auth, &headers).s("users-err-self"))),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    state.store.update_user(auth.org(), id, version, &name, role, active).await?;
    Ok(redirect_with("/admin/users", &crate::lang::for_user(&auth, &headers).s1("users-updated", "name", &name)))
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
    Path(id): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    require_admin(&auth)?;
    let id = UserId::new(path_id(&id)?);
    let user = state.store.user(auth.org(), id).await?;
    match validate::password("password", &form.password) {
        Ok(p) => {
            let hash = auth::hash_password(p).await?;
            state.store.set_password(auth.org(), id, &hash).await?;
            Ok(redirect_with("/admin/users", &crate::lang::for_user(&auth, &headers).s1("users-password-set", "name", &user.name)))
        }
        Err(f) => {
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
    }
}
