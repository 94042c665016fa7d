//! The review page (opening with what changed since the last review) and the
//! forms of reviews.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use keyplan_domain::Lang;
use keyplan_domain::analysis::{Benefit, Category, ItemKind};
use keyplan_domain::contact::{Attitude, BuyingRole};
use keyplan_domain::permissions;
use keyplan_domain::plan::PlanStatus;
use keyplan_domain::review::ReviewKind;
use keyplan_domain::snapshot::{Change, ChangeKind};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, NodeKind};
use keyplan_domain::{ContactId, PlanId, ReviewId, UserId};
use keyplan_store::Review;
use serde::{Deserialize, Serialize};

use super::plan::reviews_card::{CardForms, NewReviewForm, ReviewRow, ScheduleInput, localise_review_errors};
use super::plan::{PlanForms, plan_page};
use super::{Chrome, form_version, redirect_with, render};
use crate::auth::{Auth, PageUser};
use crate::error::PageError;
use crate::extract::{Id, IdAnd};
use crate::views::{FormView, Opt};
use crate::{AppError, AppState};
use keyplan_i18n::{Arg, Tr};

// --- the review page -------------------------------------------------------------------

pub struct ChangeView {
    pub kind: &'static str,
    pub entity: String,
    pub subject: String,
    /// The subject in quotation marks: “Run the trial” / „Run the trial“.
    pub quoted: String,
    pub field: String,
    pub before: String,
    pub after: String,
    pub text: String,
}

impl ChangeView {
    fn new(c: &Change, t: Tr) -> Self {
        let kind = match c.kind {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        };
        let quoted = t.s1("review-quoted", "text", &c.subject);
        if t.lang == Lang::En {
            // The domain writes English: shown as it is.
            return ChangeView {
                kind,
                entity: c.entity.clone(),
                subject: c.subject.clone(),
                quoted,
                field: c.field.clone().unwrap_or_default(),
                before: c.before.clone().unwrap_or_default(),
                after: c.after.clone().unwrap_or_default(),
                text: c.text.clone(),
            };
        }
        let entity = change_entity(&c.entity, t);
        let field = c.field.as_deref().map(|f| change_field(f, t)).unwrap_or_default();
        let before = c.before.as_deref().map(|v| change_value(v, t)).unwrap_or_default();
        let after = c.after.as_deref().map(|v| change_value(v, t)).unwrap_or_default();
        let shown = |v: &str| if v.is_empty() { t.s("review-empty") } else { v.to_string() };
        let text = match (c.kind, c.field.is_some(), c.subject.is_empty()) {
            (ChangeKind::Added, false, _) => t.s2("review-text-added", "entity", &entity, "subject", &c.subject),
            (ChangeKind::Removed, false, _) => t.s2("review-text-removed", "entity", &entity, "subject", &c.subject),
            (_, _, true) => t.a(
                "review-text-changed-plain",
                &[
                    ("entity", entity.as_str().arg()),
                    ("field", field.as_str().arg()),
                    ("before", shown(&before).arg()),
                    ("after", shown(&after).arg()),
                ],
            ),
            _ => t.a(
                "review-text-changed",
                &[
                    ("entity", entity.as_str().arg()),
                    ("subject", c.subject.as_str().arg()),
                    ("field", field.as_str().arg()),
                    ("before", shown(&before).arg()),
                    ("after", shown(&after).arg()),
                ],
            ),
        };
        ChangeView { kind, entity, subject: c.subject.clone(), quoted, field, before, after, text }
    }
}

/// What sort of thing changed, as the domain names it in English, in `t`'s language.
fn change_entity(entity: &str, t: Tr) -> String {
    let fixed = [
        ("Plan", "review-entity-plan"),
        ("KPI", "review-entity-kpi"),
        ("Contact", "review-entity-contact"),
        ("Section", "review-entity-section"),
        ("Goal link", "review-entity-goal-link"),
    ];
    if let Some((_, id)) = fixed.iter().find(|(en, _)| *en == entity) {
        return t.s(id);
    }
    if let Some(k) = NodeKind::ALL.iter().find(|k| k.label() == entity) {
        return t.enum_label("node-kind", k.as_str());
    }
    if let Some(c) = Category::ALL.iter().find(|c| c.label() == entity) {
        return t.enum_label("item-category", c.as_str());
    }
    if let Some(k) = ItemKind::ALL.iter().find(|k| k.label() == entity) {
        return t.enum_label("item-kind", k.as_str());
    }
    entity.to_string()
}

/// The field that changed ("due date", "actual for Q1 2027") in `t`'s language.
fn change_field(field: &str, t: Tr) -> String {
    const FIELDS: &[(&str, &str)] = &[
        ("title", "review-field-title"),
        ("status", "review-field-status"),
        ("period start", "review-field-period-start"),
        ("period end", "review-field-period-end"),
        ("notes", "review-field-notes"),
        ("metric", "review-field-metric"),
        ("baseline", "review-field-baseline"),
        ("target", "review-field-target"),
        ("unit", "review-field-unit"),
        ("target date", "review-field-target-date"),
        ("benefit", "review-field-benefit"),
        ("owner", "review-field-owner"),
        ("customer contact", "review-field-customer-contact"),
        ("start date", "review-field-start-date"),
        ("due date", "review-field-due-date"),
        ("done when", "review-field-done-when"),
        ("acceptance", "review-field-acceptance"),
        ("text", "review-field-text"),
        ("source", "review-field-source"),
        ("response", "review-field-response"),
        ("so what", "review-field-so-what"),
        ("name", "review-field-name"),
        ("buying role", "review-field-buying-role"),
        ("influence", "review-field-influence"),
        ("attitude", "review-field-attitude"),
        ("reports to", "review-field-reports-to"),
        ("relationship owner", "review-field-relationship-owner"),
        ("latest actual", "review-field-latest-actual"),
    ];
    if let Some((_, id)) = FIELDS.iter().find(|(en, _)| *en == field) {
        return t.s(id);
    }
    if let Some(period) = field.strip_prefix("actual for ") {
        return t.s1("review-field-actual-for", "period", period_in(period, t));
    }
    if let Some(period) = field.strip_prefix("note for ") {
        return t.s1("review-field-note-for", "period", period_in(period, t));
    }
    field.to_string()
}

/// A month as a snapshot names it (`Mar 2027`) in `t`'s language; quarters
/// (`Q1 2027`) read the same in both.
fn period_in(period: &str, t: Tr) -> String {
    let Some((month, year)) = period.split_once(' ') else { return period.to_string() };
    let months = (1..=12u8).filter_map(|m| time::Month::try_from(m).ok());
    for m in months {
        if keyplan_domain::plan::month_name(m).get(..3) == Some(month) && year.parse::<i32>().is_ok() {
            return format!("{} {year}", keyplan_domain::lang::month_name(m, t.lang));
        }
    }
    period.to_string()
}

/// A value of a snapshot in `t`'s language: dates and the labels of statuses,
/// roles and attitudes; anything else (names, texts, numbers) as it was written.
fn change_value(value: &str, t: Tr) -> String {
    if let Ok(d) = keyplan_domain::validate::parse_date("value", value) {
        return t.date(d);
    }
    let labels = CommitmentStatus::ALL
        .iter()
        .map(|s| (s.label(), "status", s.as_str()))
        .chain(Acceptance::ALL.iter().map(|s| (s.label(), "acceptance", s.as_str())))
        .chain(PlanStatus::ALL.iter().map(|s| (s.label(), "plan-status", s.as_str())))
        .chain(BuyingRole::ALL.iter().map(|s| (s.label(), "buying-role", s.as_str())))
        .chain(Attitude::ALL.iter().map(|s| (s.label(), "attitude", s.as_str())))
        .chain(Benefit::ALL.iter().map(|s| (s.label(), "review-benefit", s.as_str())));
    for (label, kind, code) in labels {
        if label == value {
            return t.enum_label(kind, code);
        }
    }
    value.to_string()
}

/// A snapshot's label in `t`'s language: holding a review names its snapshot
/// `Team review 2027-01-15`; other labels are the user's own words.
pub(super) fn snapshot_label(label: &str, t: Tr) -> String {
    if t.lang == Lang::En {
        return label.to_string();
    }
    for k in ReviewKind::ALL {
        let date = label.strip_prefix(k.label()).and_then(|r| r.strip_prefix(' '));
        if let Some(d) = date.and_then(|d| keyplan_domain::validate::parse_date("label", d).ok()) {
            return t.s2("review-from-label", "kind", t.enum_label("review-kind", k.as_str()), "date", t.date(d));
        }
    }
    label.to_string()
}

/// Changes grouped by what sort of thing changed, for reading.
pub struct ChangeGroup {
    pub entity: String,
    pub changes: Vec<ChangeView>,
}

pub(super) fn grouped(changes: &[Change], t: Tr) -> Vec<ChangeGroup> {
    let mut groups: Vec<ChangeGroup> = Vec::new();
    for c in changes {
        let view = ChangeView::new(c, t);
        match groups.iter_mut().find(|g| g.entity == view.entity) {
            Some(g) => g.changes.push(view),
            None => groups.push(ChangeGroup { entity: view.entity.clone(), changes: vec![view] }),
        }
    }
    groups
}

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
}

/// The review page's forms coming back after a refused post.
#[derive(Default)]
pub struct ReviewForms {
    notes: Option<FormView>,
    signoff: Option<FormView>,
    /// Why holding was refused.
    hold: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
) -> Result<Response, PageError> {
    review_page(&state, &auth, &headers, id, ReviewForms::default(), StatusCode::OK).await
}

async fn review_page(
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
        user_opts: b
            .users
            .iter()
            .filter(|u| u.active && !participants.iter().any(|p| !p.customer && p.name == u.name))
            .map(|u| Opt::new(u.id, &u.name))
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
fn problem(e: &AppError) -> Option<String> {
    let t = tr();
    match e {
        AppError::Validation(errors) => Some(
            errors.iter().map(|f| format!("{}: {}", f.field.replace('_', " "), t.field_error(&f.message))).collect::<Vec<_>>().join("; "),
        ),
        AppError::Conflict { .. } => Some(t.s("review-conflict")),
        AppError::State(m) => Some(state_message(m, t)),
        _ => None,
    }
}

/// Why the review service refused, in `t`'s language.
fn state_message(m: &str, t: Tr) -> String {
    match m {
        "This review has already been held." => t.s("review-err-already-held"),
        "Only a management review is signed off." => t.s("review-err-only-management"),
        "Hold the review before signing it off." => t.s("review-err-hold-first"),
        "A held review is part of the plan's history and stays." => t.s("review-err-held-stays"),
        _ => m.to_string(),
    }
}

/// The translator for a flash message: the request's language.
fn tr() -> Tr {
    Tr::new(crate::lang::current())
}

/// Redirects with the outcome: success message, or the problem for known errors.
fn outcome<T>(result: Result<T, AppError>, to: &str, ok: &str) -> Result<Response, PageError> {
    match result {
        Ok(_) => Ok(redirect_with(to, ok)),
        Err(e) => match problem(&e) {
            Some(msg) => Ok(redirect_with(to, &msg)),
            None => Err(e.into()),
        },
    }
}

/// The plan page again, its reviews card showing the refused form.
async fn plan_again(
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

pub async fn create(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(f): Form<NewReviewForm>,
) -> Result<Response, PageError> {
    let plan = id;
    match keyplan_app::reviews::create_review(&state.store, &auth, plan, &f.kind, &f.review_date).await {
        Ok(r) => Ok(redirect_with(&format!("/reviews/{}", r.id), &tr().s("review-planned-flash"))),
        Err(AppError::Validation(errors)) => {
            let add = FormView::from_input(&f, 0).with_errors(&errors);
            plan_again(&state, &auth, &headers, plan, CardForms { add: Some(add), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    review_cadence_months: String,
    #[serde(default)]
    next_review_date: String,
}

pub async fn schedule(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<PlanId>,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, PageError> {
    let plan = id;
    let version = form_version(&f.version)?;
    let typed = ScheduleInput { review_cadence_months: f.review_cadence_months.clone(), next_review_date: f.next_review_date.clone() };
    let (sched, status) =
        match keyplan_app::reviews::set_schedule(&state.store, &auth, plan, version, &f.review_cadence_months, &f.next_review_date).await {
            Ok(_) => return Ok(redirect_with(&format!("/plans/{plan}#reviews"), &tr().s("review-schedule-saved"))),
            Err(AppError::Validation(errors)) => {
                (FormView::from_input(&typed, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(AppError::Conflict { current_version }) => {
                let now = keyplan_app::reviews::schedule(&state.store, auth.org(), plan).await?;
                let stored = ScheduleInput {
                    review_cadence_months: now.cadence_months.to_string(),
                    next_review_date: now.next_review_date.map(keyplan_domain::validate::format_date).unwrap_or_default(),
                };
                (FormView::conflicted(&stored, &typed, current_version), StatusCode::CONFLICT)
            }
            Err(e) => return Err(e.into()),
        };
    plan_again(&state, &auth, &headers, plan, CardForms { sched: Some(sched), ..Default::default() }, status).await
}

#[derive(Deserialize, Serialize)]
pub struct ReviewForm {
    #[serde(default, skip_serializing)]
    version: String,
    #[serde(default)]
    review_date: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    decisions: String,
}

impl ReviewForm {
    fn of(r: &Review) -> Self {
        ReviewForm {
            version: r.version.to_string(),
            review_date: keyplan_domain::validate::format_date(r.review_date),
            notes: r.notes.clone().unwrap_or_default(),
            decisions: r.decisions.clone().unwrap_or_default(),
        }
    }
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    let version = form_version(&f.version)?;
    let r = keyplan_app::reviews::update_review(&state.store, &auth, id, version, Some(&f.review_date), Some(&f.notes), Some(&f.decisions))
        .await;
    let (notes, status) = match r {
        Ok(_) => return Ok(redirect_with(&format!("/reviews/{id}"), &tr().s("review-notes-saved"))),
        Err(AppError::Validation(errors)) => (FormView::from_input(&f, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.review(auth.org(), id).await?;
            (FormView::conflicted(&ReviewForm::of(&stored), &f, current_version), StatusCode::CONFLICT)
        }
        Err(e) => return Err(e.into()),
    };
    review_page(&state, &auth, &headers, id, ReviewForms { notes: Some(notes), ..Default::default() }, status).await
}

#[derive(Deserialize)]
pub struct ParticipantForm {
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    contact_id: String,
}

pub async fn add_participant(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    Id(id): Id<ReviewId>,
    Form(f): Form<ParticipantForm>,
) -> Result<Response, PageError> {
    let user = f.user_id.trim().parse::<i64>().ok().map(UserId::new);
    let contact = f.contact_id.trim().parse::<i64>().ok().map(ContactId::new);
    let r = keyplan_app::reviews::add_participant(&state.store, &auth, id, user, contact).await;
    outcome(r, &format!("/reviews/{id}#participants"), &tr().s("review-participant-added"))
}

pub async fn remove_participant(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    IdAnd(id, pid): IdAnd<ReviewId>,
) -> Result<Response, PageError> {
    let pid = pid.parse::<i64>().ok().filter(|n| *n > 0).ok_or(AppError::NotFound)?;
    let r = keyplan_app::reviews::remove_participant(&state.store, &auth, id, pid).await;
    outcome(r, &format!("/reviews/{id}#participants"), &tr().s("review-participant-removed"))
}

#[derive(Deserialize)]
pub struct HoldForm {
    #[serde(default)]
    version: String,
}

/// Holds the review the user saw: a stale version answers 409 with the page as it
/// is now and nothing held.
pub async fn hold(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
    Form(f): Form<HoldForm>,
) -> Result<Response, PageError> {
    let version = form_version(&f.version)?;
    match keyplan_app::reviews::hold_review(&state.store, &auth, id, version).await {
        Err(AppError::Conflict { current_version }) => {
            let msg = tr().s1("review-hold-conflict", "version", current_version);
            review_page(&state, &auth, &headers, id, ReviewForms { hold: Some(msg), ..Default::default() }, StatusCode::CONFLICT).await
        }
        r => outcome(r, &format!("/reviews/{id}"), &tr().s("review-held-flash")),
    }
}

#[derive(Deserialize, Serialize)]
pub struct SignoffForm {
    #[serde(default, skip_serializing)]
    version: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

pub async fn signoff(
    State(state): State<AppState>,
    PageUser(auth): PageUser,
    headers: HeaderMap,
    Id(id): Id<ReviewId>,
    Form(f): Form<SignoffForm>,
) -> Result<Response, PageError> {
    let version = form_version(&f.version)?;
    let (form, status) = match keyplan_app::reviews::signoff(&state.store, &auth, id, Some(version), &f.decision, Some(&f.comment)).await {
        Ok(_) => return Ok(redirect_with(&format!("/reviews/{id}"), &tr().s("review-signed-off"))),
        Err(AppError::Validation(errors)) => (FormView::from_input(&f, version).with_errors(&errors), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict { current_version }) => {
            let stored = state.store.review(auth.org(), id).await?;
            let now = SignoffForm {
                version: String::new(),
                decision: stored.signoff().map(|s| s.as_str().to_string()).unwrap_or_default(),
                comment: stored.signoff_comment.clone().unwrap_or_default(),
            };
            (FormView::conflicted(&now, &f, current_version), StatusCode::CONFLICT)
        }
        Err(e) => return outcome::<()>(Err(e), &format!("/reviews/{id}#signoff"), ""),
    };
    review_page(&state, &auth, &headers, id, ReviewForms { signoff: Some(form), ..Default::default() }, status).await
}

#[cfg(test)]
mod i18n_tests {
    use crate::pages::plan::reviews_card::cadence_label;
    use keyplan_domain::review::Signoff;

    use super::*;

    fn change(kind: ChangeKind, entity: &str, field: Option<&str>, before: &str, after: &str) -> Change {
        Change {
            kind,
            entity: entity.into(),
            subject: "Run the trial".into(),
            field: field.map(str::to_string),
            before: field.map(|_| before.to_string()),
            after: field.map(|_| after.to_string()),
            text: "the domain's sentence".into(),
        }
    }

    #[test]
    fn i18n_english_review_labels_match_the_domain() {
        let en = Tr::new(Lang::En);
        for k in ReviewKind::ALL {
            assert_eq!(en.enum_label("review-kind", k.as_str()), k.label());
        }
        for s in [Signoff::Approved, Signoff::ChangesRequested] {
            assert_eq!(en.enum_label("review-signoff", s.as_str()), s.label());
        }
        for b in Benefit::ALL {
            assert_eq!(en.enum_label("review-benefit", b.as_str()), b.label());
        }
        assert_eq!(cadence_label(3, en), "quarterly");
        assert_eq!(cadence_label(4, en), "every 4 months");
    }

    #[test]
    fn i18n_changes_read_in_german_and_stay_as_they_were_in_english() {
        let (de, en) = (Tr::new(Lang::De), Tr::new(Lang::En));
        let c = change(ChangeKind::Changed, "Commitment", Some("status"), "Open", "In progress");
        let v = ChangeView::new(&c, de);
        assert_eq!((v.entity.as_str(), v.field.as_str(), v.before.as_str(), v.after.as_str()), ("Zusage", "Status", "Offen", "In Arbeit"));
        assert_eq!(v.text, "Zusage „Run the trial“: Status Offen → In Arbeit");
        let v = ChangeView::new(&change(ChangeKind::Changed, "KPI", Some("target date"), "", "2027-03-31"), de);
        assert_eq!((v.entity.as_str(), v.field.as_str(), v.after.as_str()), ("Kennzahl", "Zieldatum", "31. März 2027"));
        assert!(v.text.ends_with("(leer) → 31. März 2027"), "{}", v.text);
        assert_eq!(
            ChangeView::new(&change(ChangeKind::Added, "SWOT entry", None, "", ""), de).text,
            "SWOT-Eintrag „Run the trial“ hinzugefügt"
        );
        assert_eq!(change_field("actual for Mar 2027", de), "Istwert für März 2027");
        assert_eq!(change_field("actual for Q1 2027", de), "Istwert für Q1 2027");
        assert_eq!(snapshot_label("Team review 2027-01-15", de), "Team-Überprüfung vom 15. Januar 2027");
        assert_eq!(snapshot_label("Team review 2027-01-15", en), "Team review 2027-01-15");
        assert_eq!(snapshot_label("Before the workshop", de), "Before the workshop");
        let v = ChangeView::new(&c, en);
        assert_eq!(
            (v.entity.as_str(), v.before.as_str(), v.text.as_str(), v.quoted.as_str()),
            ("Commitment", "Open", "the domain's sentence", "“Run the trial”")
        );
    }
}
