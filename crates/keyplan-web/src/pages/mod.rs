//! Server-rendered pages. Every page works without JavaScript; forms post back
//! and redirect (or re-render with the problems marked next to the fields).

mod account_list;
mod accounts;
mod admin;
mod audience_views;
mod budget;
mod coach_rules;
pub mod cockpit;
mod collab;
mod commitments;
mod committees;
mod compare;
mod contacts;
mod crm_import;
mod crm_import_upload;
mod customer;
mod kpis;
mod language;
mod login;
mod meeting_page;
mod meetings;
mod offerings;
pub(crate) mod opportunities;
pub(crate) mod opportunities_coverage;
mod org_settings;
mod organisation;
mod plan;
mod plans;
pub(crate) mod portfolio;
mod progress;
mod progress_view;
mod reviews;
mod scorecard;
mod search_fields;
mod sections;
mod share;
mod share_visit;
mod template_editor;
mod template_form;
mod templates;
mod timeline;
mod tokens;
mod whitespace;
mod whitespace_matrix;

use askama::Template;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};

pub use collab::base_url;
pub use language::parse_choice as parse_language_choice;

use crate::auth::{self, Auth};
use crate::error::PageError;
use crate::{AppError, AppState};
use keyplan_i18n::Tr;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/accounts") }))
        .route("/login", get(login::show).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/accounts", get(account_list::list).post(account_list::create))
        .route("/accounts/{id}", get(accounts::show).post(accounts::update))
        .route("/accounts/{id}/delete", post(accounts::delete))
        .route("/accounts/{id}/team", post(accounts::add_team_member))
        .route("/accounts/{id}/team/{user_id}/remove", post(accounts::remove_team_member))
        .route("/accounts/{id}/contacts", post(contacts::create))
        .route("/accounts/{id}/plans", post(plans::create))
        .route("/accounts/{id}/plans/import", post(accounts::import_plan))
        .route("/contacts/{id}", get(contacts::show).post(contacts::update))
        .route("/contacts/{id}/delete", post(contacts::delete))
        .route("/accounts/{id}/opportunities/new", get(opportunities::new))
        .route("/accounts/{id}/opportunities", post(opportunities::create))
        .route("/opportunities/{id}", get(opportunities::show).post(opportunities::update))
        .route("/opportunities/{id}/delete", post(opportunities::delete))
        .route("/plans/{id}", get(plan::show).post(plans::update))
        .route("/plans/{id}/delete", post(plans::delete))
        .route("/plans/{id}/nodes", post(plans::add_node))
        .route("/plans/{id}/story", get(sections::story))
        .route("/plans/{id}/view/{audience}", get(share::view))
        .route("/plans/{id}/management-asks", post(share::save_asks))
        .route("/plans/{id}/sharing", get(share::sharing))
        .route("/plans/{id}/visibility", post(share::save_visibility))
        .route("/plans/{id}/share-links", post(share::create_link))
        .route("/plans/{id}/top-to-top.pdf", get(share::top_to_top))
        .route("/plans/{id}/{file}", get(share::export))
        .route("/share-links/{id}/revoke", post(share::revoke_link))
        .route("/s/{token}", get(share_visit::open))
        .route("/s/{token}/comments", post(share_visit::comment))
        .route("/s/{token}/commitments/{node}", post(share_visit::answer))
        .route("/plans/{id}/sections/{key}", post(sections::save_text))
        .route("/plans/{id}/items", post(sections::add_item))
        .route("/plans/{id}/links", post(sections::add_link))
        .route("/plans/{id}/actions", post(sections::add_action))
        .route("/items/{id}", post(sections::edit_item))
        .route("/items/{id}/delete", post(sections::delete_item))
        .route("/items/{id}/move", post(sections::move_item))
        .route("/links/{id}/delete", post(sections::delete_link))
        .route("/nodes/{id}", post(plans::edit_node))
        .route("/nodes/{id}/edit", get(plan::node_edit::show))
        .route("/nodes/{id}/delete", post(plans::delete_node))
        .route("/nodes/{id}/move", post(plans::move_node))
        .route("/nodes/{id}/progress", post(progress::add))
        .route("/plans/{id}/reviews", post(reviews::create))
        .route("/plans/{id}/review-schedule", post(reviews::schedule))
        .route("/plans/{id}/compare", get(compare::compare))
        .route("/reviews/{id}", get(reviews::show).post(reviews::update))
        .route("/reviews/{id}/hold", post(reviews::hold))
        .route("/reviews/{id}/signoff", post(reviews::signoff))
        .route("/reviews/{id}/rating", post(reviews::rate))
        .route("/reviews/{id}/participants", post(reviews::add_participant))
        .route("/reviews/{id}/participants/{pid}/remove", post(reviews::remove_participant))
        .route("/commitments/{id}/respond", post(commitments::respond))
        .route("/plans/{id}/kpis", post(kpis::add_kpi))
        .route("/plans/{id}/timeline", get(timeline::show))
        .route("/kpis/{id}", post(kpis::edit_kpi))
        .route("/kpis/{id}/delete", post(kpis::delete_kpi))
        .route("/kpis/{id}/move", post(kpis::move_kpi))
        .route("/kpis/{id}/actuals", post(kpis::record_actual))
        .route("/kpi-actuals/{id}/delete", post(kpis::delete_actual))
        .route("/me/commitments", get(commitments::mine))
        .route("/me/notifications", get(collab::notifications))
        .route("/me/language", post(language::set))
        .route("/me/tokens", get(tokens::show).post(tokens::create))
        .route("/crm/import", get(crm_import::show).post(crm_import::receive))
        .route("/crm/import/{id}", get(crm_import::mapping).post(crm_import::run))
        .route("/me/tokens/{id}/revoke", post(tokens::revoke))
        .route("/me/notifications/read-all", post(collab::read_all))
        .route("/notifications/{id}/open", post(collab::open_notification))
        .route("/me/calendar", get(collab::calendar).post(collab::calendar_submit))
        .route("/calendar/{file}", get(collab::feed))
        .route("/plans/{id}/comments", post(collab::add_comment))
        .route("/plans/{id}/joint", post(customer::offer))
        .route("/commitments/{id}/joint", post(customer::change))
        .route("/customer-comments/{id}/visibility", post(customer::comment_visibility))
        .route("/plans/{id}/activity", get(collab::activity))
        .route("/admin/users", get(admin::users).post(admin::add_user))
        .route("/admin/organisation", get(organisation::show).post(organisation::save))
        .route("/admin/organisation/settings", post(org_settings::save))
        .route("/admin/coach", get(coach_rules::show).post(coach_rules::save))
        .route("/admin/users/{id}", post(admin::update_user))
        .route("/admin/users/{id}/password", post(admin::reset_password))
        .route("/admin/templates", get(templates::list).post(template_editor::create))
        .route("/admin/templates/new", get(template_editor::new))
        .route("/admin/templates/import", post(templates::import))
        .route("/admin/templates/{id}", get(template_editor::show).post(template_editor::submit))
        .route("/admin/templates/{id}/export", get(templates::export))
        .route("/admin/templates/{id}/retire", post(templates::retire))
        .route("/admin/templates/{id}/move", post(templates::move_template))
        .route("/accounts/{id}/whitespace", get(whitespace::show))
        .route("/accounts/{id}/whitespace/cells", post(whitespace::set_cell))
        .route("/accounts/{id}/business-units", post(whitespace::add_unit))
        .route("/business-units/{id}", post(whitespace::update_unit))
        .route("/business-units/{id}/move", post(whitespace::move_unit))
        .route("/business-units/{id}/delete", post(whitespace::delete_unit))
        .route("/admin/offerings", get(offerings::list).post(offerings::create))
        .route("/admin/offerings/{id}", post(offerings::update))
        .route("/admin/offerings/{id}/move", post(offerings::move_offering))
        .route("/admin/offerings/{id}/retire", post(offerings::retire))
        .route("/admin/offerings/{id}/delete", post(offerings::delete))
        .route("/portfolio", get(portfolio::show))
        .route("/portfolio.svg", get(portfolio::svg))
        .route("/portfolio.xlsx", get(portfolio::xlsx))
        .route("/portfolio.pdf", get(portfolio::pdf))
        .route("/committees", get(committees::list).post(committees::create))
        .route("/committees/new", get(committees::new))
        .route("/committees/{id}", get(committees::show))
        .route("/committees/{id}/pack.pdf", get(committees::pack))
        .route("/committees/{id}/outcomes/{plan_id}", post(committees::record))
        .route("/meetings", get(meetings::list).post(meetings::create))
        .route("/meetings/new", get(meetings::new))
        .route("/meetings/{id}", get(meeting_page::show))
        .route("/meetings/{id}/decisions", post(meeting_page::decide))
        .route("/meetings/{id}/follow-ups", post(meeting_page::follow_up))
        .route("/meetings/{id}/close", post(meeting_page::close))
        .route("/meetings/{id}/agenda.pdf", get(meeting_page::agenda_pdf))
        .route("/meetings/{id}/agenda.md", get(meeting_page::agenda_md))
        .route("/cockpit", get(cockpit::show))
        .route("/budget-basis", get(budget::page))
        .route("/users/{id}/scorecard", get(scorecard::page))
        .route("/users/{id}/scorecard.xlsx", get(scorecard::xlsx))
        .route("/cockpit/items", get(cockpit::items))
        .route("/cockpit.xlsx", get(cockpit::export))
        .route("/static/app.css", get(|| asset(include_str!("../../static/app.css"), "text/css; charset=utf-8")))
        .route("/static/app.js", get(|| asset(include_str!("../../static/app.js"), "text/javascript; charset=utf-8")))
        .route("/favicon.svg", get(|| asset(include_str!("../../static/favicon.svg"), "image/svg+xml")))
        .fallback(|| async { PageError(AppError::NotFound) })
}

async fn asset(body: &'static str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body).into_response()
}

/// What every signed-in page shows around its content.
pub struct Chrome {
    pub user_id: i64,
    pub user_name: String,
    pub user_initials: String,
    pub org_name: String,
    pub role_label: String,
    pub is_admin: bool,
    /// Managers and admins keep the company's offerings.
    pub can_manage_offerings: bool,
    /// Managers and admins approve plans and allow exceptions to the limits.
    pub is_manager: bool,
    /// Managers, administrators and KAMs open the cockpit.
    pub can_open_cockpit: bool,
    pub csrf: String,
    /// Which navigation entry is current.
    pub nav: &'static str,
    pub flash: Option<String>,
    /// Unread notifications (the badge in the top bar).
    pub unread: i64,
    /// The page's language: the user's choice, else the browser's, else English.
    pub lang: keyplan_domain::Lang,
    /// The language the user chose (`None`: the browser's), for the language menu.
    pub chosen_lang: Option<keyplan_domain::Lang>,
    /// Translates into [`Chrome::lang`]; `base.html` makes it `t` for every page.
    pub t: Tr,
}

impl Chrome {
    pub fn new(auth: &Auth, nav: &'static str, headers: &HeaderMap) -> Self {
        let chosen_lang = auth.user.language();
        let lang = crate::lang::resolve(chosen_lang, headers);
        let t = Tr::new(lang);
        Chrome {
            user_id: auth.id().get(),
            user_name: auth.name().to_string(),
            user_initials: auth.user.user.initials(),
            org_name: auth.user.org_name.clone(),
            role_label: t.enum_label("role", auth.role().as_str()),
            is_admin: auth.role() == keyplan_domain::Role::Admin,
            can_manage_offerings: keyplan_domain::permissions::can_manage_offerings(auth.actor()),
            is_manager: keyplan_domain::permissions::can_approve_plans(auth.actor()),
            can_open_cockpit: keyplan_domain::cockpit::can_open(auth.role()),
            csrf: auth.csrf().to_string(),
            nav,
            flash: auth::cookie(headers, FLASH_COOKIE).as_deref().and_then(decode_flash),
            unread: auth.user.unread_notifications,
            lang,
            chosen_lang,
            t,
        }
    }

    /// Whether the language menu's entry `code` (`auto`, `en`, `de`) is the user's choice.
    pub fn chose(&self, code: &str) -> bool {
        self.chosen_lang.map(keyplan_domain::Lang::as_str).unwrap_or("auto") == code
    }
}

const FLASH_COOKIE: &str = "kp_flash";

/// The message in a flash cookie (written form-urlencoded by [`redirect_with`]).
fn decode_flash(raw: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&format!("m={raw}")).ok()?;
    pairs.into_iter().next().map(|(_, m)| m).filter(|m| !m.is_empty())
}

/// Renders a page; a flash message shown on it is cleared.
pub fn render<T: Template>(status: StatusCode, page: &T, had_flash: bool) -> Response {
    match page.render() {
        Ok(html) => {
            let mut r = (status, Html(html)).into_response();
            if had_flash && let Ok(v) = HeaderValue::from_str(&auth::clear_cookie(FLASH_COOKIE)) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(e) => PageError(AppError::Internal(anyhow::anyhow!("rendering failed: {e}"))).into_response(),
    }
}

/// Redirects after a successful post, with a message for the next page.
/// `raw` when it is a path of this site that may go into a `Location` header
/// (starts with one `/`, no backslash, no white space or control character);
/// redirect targets from forms pass here before anything is saved.
pub fn local_path(raw: &str) -> Option<&str> {
    let ok =
        raw.starts_with('/') && !raw.starts_with("//") && !raw.contains('\\') && !raw.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then_some(raw)
}

pub fn redirect_with(to: &str, message: &str) -> Response {
    // A target that cannot be a header goes home rather than failing after a write.
    let to = if to.starts_with('/') && HeaderValue::from_str(to).is_ok() { to } else { "/" };
    let mut r = Redirect::to(to).into_response();
    if let Ok(v) = HeaderValue::from_str(&auth::set_cookie(FLASH_COOKIE, &auth::urlencode(message), 60, false)) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// The form that retires or restores a row (an offering, a template).
#[derive(serde::Deserialize)]
pub struct RetireForm {
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    retired: String,
}

impl RetireForm {
    /// The `retired` checkbox or hidden field: `true`/`on` or `false`/empty.
    pub fn retired(&self) -> Result<bool, PageError> {
        match self.retired.trim() {
            "true" | "on" => Ok(true),
            "false" | "" => Ok(false),
            _ => Err(AppError::field("retired", keyplan_domain::Message::new("err-bool")).into()),
        }
    }
}

/// The `version` field of a form.
pub fn form_version(raw: &str) -> Result<i64, PageError> {
    raw.trim().parse::<i64>().map_err(|_| AppError::bad_request("error-no-version").into())
}
