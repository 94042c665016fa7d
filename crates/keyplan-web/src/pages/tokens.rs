//! The *API tokens* page (`/me/tokens`): make a token (its secret shown once),
//! see when each was made, last used and expires, and revoke it.
//! Administrators also see and revoke every token of the organisation.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_app::tokens::{self, Life};
use keyplan_domain::TokenId;
use keyplan_i18n::Tr;
use keyplan_store::ApiToken;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Chrome, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::views::FormView;
use crate::{AppError, AppState};

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub user: String,
    pub created: String,
    pub last_used: String,
    pub expires: String,
    /// `live`, `expired` or `revoked`.
    pub state: &'static str,
    pub state_label: String,
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    chrome: Chrome,
    mine: Vec<TokenRow>,
    /// Everyone's, for administrators; empty otherwise.
    everyone: Vec<TokenRow>,
    form: FormView,
    /// The organisation's default life, in days; `None`: no expiry.
    default_days: Option<u32>,
    /// The secret just made, shown once.
    new_token: Option<String>,
}

fn when(at: OffsetDateTime, t: Tr) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!("{}, {:02}:{:02}", t.date(at.date()), at.hour(), at.minute())
}

fn row(tok: &ApiToken, t: Tr, now: OffsetDateTime) -> TokenRow {
    TokenRow {
        id: tok.id.get(),
        name: tok.name.clone(),
        user: format!("{} <{}>", tok.user_name, tok.user_email),
        created: when(tok.created_at, t),
        last_used: tok.last_used_at.map(|at| when(at, t)).unwrap_or_else(|| t.s("tokens-never-used")),
        expires: tok.expires_at.map(|at| when(at, t)).unwrap_or_else(|| t.s("tokens-no-expiry")),
        state: tok.state(now),
        state_label: t.s(&format!("tokens-state-{}", tok.state(now))),
    }
}

#[derive(Default, Deserialize, Serialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    /// Empty: the organisation's default; `never`; or days.
    #[serde(default)]
    life: String,
}

async fn page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    mut form: FormView,
    new_token: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let chrome = Chrome::new(auth, "tokens", headers);
    let t = chrome.t;
    let now = OffsetDateTime::now_utc();
    let mine = tokens::list(&state.store, auth, false).await?.iter().map(|x| row(x, t, now)).collect();
    let everyone =
        if chrome.is_admin { tokens::list(&state.store, auth, true).await?.iter().map(|x| row(x, t, now)).collect() } else { Vec::new() };
    let default_days = keyplan_app::settings::settings(&state.store, auth).await?.api_token_days;
    form.localise(t);
    let page = TokensPage { chrome, mine, everyone, form, default_days, new_token };
    let had_flash = page.chrome.flash.is_some();
    Ok(render(status, &page, had_flash))
}

/// `GET /me/tokens`.
pub async fn show(State(state): State<AppState>, PageUser(auth): PageUser, headers: HeaderMap) -> Result<Response, PageError> {
    page(&state, &auth, &headers, FormView::default(), None, StatusCode::OK).await
}

/// `POST /me/tokens`: makes a token and shows its secret once.
pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Form(input): Form<TokenForm>,
) -> Result<Response, PageError> {
    let made = match Life::parse("life", &input.life) {
        Ok(life) => tokens::create(&state.store, &auth, &input.name, life).await,
        Err(e) => {
            // Every mistake at once: the name too.
            let name = keyplan_domain::validate::required("name", &input.name, keyplan_domain::text::MAX_NAME).err();
            Err(AppError::Validation(name.into_iter().chain([e]).collect()))
        }
    };
    match made {
        Ok((_, secret)) => page(&state, &auth, &headers, FormView::default(), Some(secret), StatusCode::CREATED).await,
        Err(AppError::Validation(errors)) => {
            let form = FormView::from_input(&input, 0).with_errors(&errors);
            page(&state, &auth, &headers, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /me/tokens/{id}/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<TokenId>,
) -> Result<Response, PageError> {
    let token = tokens::revoke(&state.store, &auth, id).await?;
    let t = crate::lang::for_user(&auth, &headers);
    Ok(redirect_with("/me/tokens", &t.s1("tokens-revoked", "name", token.name.as_str())))
}
