//! Dated progress notes on a commitment in the pages (issue 15 point 7): the
//! list and the form on the node's edit page and under each commitment in
//! "My commitments", and `POST /nodes/{id}/progress`, which goes back where
//! the form was with a message, or shows that page again with what was typed
//! and the problem next to the field, the field named in words.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::NodeId;
use keyplan_domain::tree::ProgressInput;
use serde::Deserialize;

use super::redirect_with;
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::Id;
use crate::views::FormView;
use crate::{AppError, AppState};

#[derive(Deserialize)]
pub struct ProgressForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    text: String,
    /// Where the form was (a path of this site); by default the node's edit page.
    #[serde(default)]
    back: String,
}

/// `POST /nodes/{id}/progress`.
pub async fn add(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<NodeId>,
    Form(form): Form<ProgressForm>,
) -> Result<Response, PageError> {
    // Where to go afterwards is settled before anything is saved.
    let back = super::local_path(form.back.trim()).map(str::to_string).unwrap_or_else(|| format!("/nodes/{id}/edit#progress"));
    let input = ProgressInput { on: form.on.clone(), text: form.text.clone() };
    match keyplan_app::progress::add(&state.store, &auth, id, &input).await {
        Ok(_) => Ok(redirect_with(&back, &crate::lang::for_user(&auth, &headers).s("progress-flash-added"))),
        Err(AppError::Validation(errors)) => {
            let mut f = FormView::default().with_errors(&errors);
            f.values.insert("action".into(), "progress".into());
            f.values.insert("on".into(), form.on);
            f.values.insert("text".into(), form.text);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            if back.starts_with("/me/commitments") {
                super::commitments::mine_page(&state, &auth, &headers, Some((id.get(), f)), status).await
            } else {
                super::plan::node_edit::edit_page_with(&state, &auth, &headers, id, None, Some(f), status).await
            }
        }
        Err(e) => Err(e.into()),
    }
}
