//! The review page: the review, its participants, what changed since the last
//! review and the sign-off; and how a refused review form comes back.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::permissions;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::{PlanId, ReviewId};
use keyplan_store::Review;
use serde::{Deserialize, Serialize};

use super::changes::{ChangeGroup, grouped, snapshot_label};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::Id;
use crate::pages::plan::reviews_card::{CardForms, ReviewRow, localise_review_errors};
use crate::pages::plan::{PlanForms, plan_page};
use crate::pages::{Chrome, redirect_with, render};
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};
use keyplan_i18n::Tr;

pub struct ParticipantView {
    pub id: i64,
    pub initial: String,
    pub name: String,
    pub detail: String,
    pub customer: bool,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage {
    chrome: Chrome,
    r: ReviewRow,
    plan_id: i64,
    plan_title: String,
    account_id: i64,
    account_name: String,
    version: i64,
    signoff_comment: String,
    signoff_by: String,
    from_label: String,
    has_baseline: bool,
    compare_link: String,
    change_count: usize,
    groups: Vec<ChangeGroup>,
    participants: Vec<ParticipantView>,
    user_opts: Vec<Opt>,
    contact_opts: Vec<Opt>,
    can_edit: bool,
    can_signoff: bool,
    is_management: bool,
    notes_form: FormView,
    signoff_form: FormView,
    hold_error: String,
    rating: super::rating::RatingSection,
}

/// The review page's forms coming back after a refused post.
#[derive(Default)]
pub struct ReviewForms {
    pub(super) notes: Option<FormView>,
    pub(super) signoff: Option<FormView>,
    /// Why holding was refused.
    pub(super) hold: Option<String>,
    pub(super) rating: Option<FormView>,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
) -> Result<Response, PageError> {
    review_page(&state, &auth, &headers, id, ReviewForms::default(), StatusCode::OK).await
}

pub(super) async fn review_page(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    id: ReviewId,
    forms: ReviewForms,
    status: StatusCode,
) -> Result<Response, PageError> {
    let r = state.store.review(auth.org(), id).await?;
    let chrome = Chrome::new(auth, "accounts", headers);
    let t = chrome.t;
    let (b, participants, wc) = tokio::try_join!(
        keyplan_app::bundle::plan_bundle(&state.store, auth, r.plan_id, crate::lang::current()),
        async { state.store.participants(auth.org(), id).await.map_err(AppError::from) },
        keyplan_app::reviews::what_changed(&state.store, auth.org(), &r),
    )?;
    let participants: Vec<ParticipantView> = participants
        .iter()
        .map(|p| match (p.user_id, p.contact_id) {
            (Some(u), _) => {
                let user = b.users.iter().find(|x| x.id == u);
                ParticipantView {
                    id: p.id,
                    initial: String::new(),
                    name: user.map(|x| x.name.clone()).unwrap_or_default(),
                    detail: user.map(|x| t.enum_label("role", x.role().as_str())).unwrap_or_default(),
                    customer: false,
                }
            }
            (None, c) => {
                let contact = b.contacts.iter().find(|x| Some(x.id) == c);
                ParticipantView {
                    id: p.id,
                    initial: String::new(),
                    name: contact.map(|x| x.name.clone()).unwrap_or_default(),
                    detail: contact.and_then(|x| x.title.clone()).unwrap_or_else(|| b.account.name.clone()),
                    customer: true,
                }
            }
        })
        .map(|mut p: ParticipantView| {
            p.initial = p.name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
            p
        })
        .collect();
    let compare_link = match wc.from {
        Some(from) => format!("/plans/{}/compare?from={}&to={}", b.plan.id, from.as_param(), wc.to.as_param()),
        None => format!("/plans/{}/compare", b.plan.id),
    };
    let rating = super::rating::section(state, auth, &b, &r, forms.rating, t).await?;
    let had_flash = chrome.flash.is_some();
    let mut notes_form = forms.notes.unwrap_or_else(|| FormView::from_input(&ReviewForm::of(&r), r.version));
    localise_review_errors(&mut notes_form, t);
    let mut signoff_form = forms.signoff.unwrap_or_else(|| {
        let fresh = SignoffForm { version: String::new(), decision: "approved".into(), comment: String::new() };
        FormView::from_input(&fresh, r.version)
    });
    localise_review_errors(&mut signoff_form, t);
    let from_label = match wc.from_review {
        Some((kind, date)) => t.s2("review-from-label", "kind", t.enum_label("review-kind", kind.as_str()), "date", t.date(date)),
        None => snapshot_label(&wc.from_label, t),
    };
    let page = ReviewPage {
        notes_form,
        signoff_form,
        hold_error: forms.hold.unwrap_or_default(),
        rating,
        chrome,
        r: ReviewRow::new(&r, t),
        plan_id: b.plan.id.get(),
        plan_title: b.plan.title.clone(),
        account_id: b.account.id.get(),
        account_name: b.account.name.clone(),
        version: r.version,
        signoff_comment: r.signoff_comment.clone().unwrap_or_default(),
        signoff_by: b.user_name(r.signoff_by).unwrap_or_default().to_string(),
        from_label,
        has_baseline: wc.from.is_some(),
        compare_link,
        change_count: wc.changes.len(),
        groups: grouped(&wc.changes, t),
        user_opts: crate::pages::plan::plan_people(&b, auth.id())
            .into_iter()
            .filter(|u| !participants.iter().any(|p| !p.customer && p.name == u.label))
            .collect(),
        contact_opts: b
            .contacts
            .iter()
            .filter(|c| !participants.iter().any(|p| p.customer && p.name == c.name))
            .map(|c| Opt::new(c.id, &c.name))
            .collect(),
        participants,
        can_edit: b.can_edit,
        can_signoff: permissions::can_approve_plans(auth.actor()) && r.kind() == ReviewKind::Management && r.is_held(),
        is_management: r.kind() == ReviewKind::Management,
    };
    Ok(render(status, &page, had_flash))
}

/// What went wrong, for a flash message after a form that has no field to mark.
pub(super) fn problem(e: &AppError) -> Option<String> {
    let t = tr();
    match e {
        AppError::Validation(errors) => {
            Some(errors.iter().map(|f| format!("{}: {}", t.field_name(&f.field), t.msg(&f.message))).collect::<Vec<_>>().join("; "))
        }
        AppError::Conflict { .. } => Some(t.s("review-conflict")),
        AppError::State(m) => Some(t.msg(m)),
        _ => None,
    }
}

/// The translator for a flash message: the request's language.
pub(super) fn tr() -> Tr {
    Tr::new(crate::lang::current())
}

/// Redirects with the outcome: success message, or the problem for known errors.
pub(super) fn outcome<T>(result: Result<T, AppError>, to: &str, ok: &str) -> Result<Response, PageError> {
    match result {
        Ok(_) => Ok(redirect_with(to, ok)),
        Err(e) => match problem(&e) {
            Some(msg) => Ok(redirect_with(to, &msg)),
            None => Err(e.into()),
        },
    }
}

/// The plan page again, its reviews card showing the refused form.
pub(super) async fn plan_again(
    state: &AppState,
    auth: &Auth,
    headers: &HeaderMap,
    plan: PlanId,
    f: CardForms,
    status: StatusCode,
) -> Result<Response, PageError> {
    let forms = PlanForms { reviews: f, ..Default::default() };
    plan_page(state, auth, headers, plan, forms, status).await
}

#[derive(Deserialize, Serialize)]
pub struct ReviewForm {
    #[serde(default, skip_serializing)]
    pub(super) version: String,
    #[serde(default)]
    pub(super) review_date: String,
    #[serde(default)]
    pub(super) notes: String,
    #[serde(default)]
    pub(super) decisions: String,
}

impl ReviewForm {
    pub(super) fn of(r: &Review) -> Self {
        ReviewForm {
            version: r.version.to_string(),
            review_date: keyplan_domain::validate::format_date(r.review_date),
            notes: r.notes.clone().unwrap_or_default(),
            decisions: r.decisions.clone().unwrap_or_default(),
        }
    }
}

#[derive(Deserialize, Serialize)]
pub struct SignoffForm {
    #[serde(default, skip_serializing)]
    pub(super) version: String,
    #[serde(default)]
    pub(super) decision: String,
    #[serde(default)]
    pub(super) comment: String,
}
