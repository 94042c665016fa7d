//! keyplan's web application: server-rendered pages, the JSON API under
//! `/api/v1`, sign-in and sessions. [`Application::build`] binds the listener
//! first, so tests can start the real server on port 0 and ask for its port.
// Denied, not forbidden: `memory::release` makes the one foreign call.
#![deny(unsafe_code)]

mod answers;
pub mod api;
pub mod auth;
pub mod error;
mod etag;
pub mod extract;
pub mod lang;
mod listing;
pub mod memory;
mod middleware;
mod pages;
mod pickers;
mod printed;
pub mod serve;
mod state;
mod views;

use std::future::Future;

use anyhow::Context;
use axum::Router;
use axum::routing::get;
use keyplan_store::Store;
use tokio::net::TcpListener;

pub use error::{ApiError, AppError, PageError};
pub use keyplan_app::{Config, SmtpConfig, SmtpTls};
pub use state::AppState;

/// A configured, bound, not yet serving keyplan.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    mailer: Option<keyplan_app::mail::Mailer>,
}

impl Application {
    /// Connects to the database, runs migrations, loads demo data when asked,
    /// and binds the address (`127.0.0.1:0` picks a free port).
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let store = Store::connect(&config.database_url).await.context("opening the database")?;
        store.migrate().await.context("migrating the database")?;
        if config.demo {
            keyplan_app::demo::load_if_empty(&store).await.context("loading demo data")?;
        }
        let listener = TcpListener::bind(&config.bind).await.with_context(|| format!("binding {}", config.bind))?;
        let mailer = match config.smtp.enabled {
            true => Some(keyplan_app::mail::Mailer::new(&config.smtp, &config.public_url()).context("e-mail settings ([smtp])")?),
            false => None,
        };
        Ok(Application { listener, state: AppState::new(store, config), mailer })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn store(&self) -> Store {
        self.state.store.clone()
    }

    pub fn router(&self) -> Router {
        router(self.state.clone())
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let app = router(self.state.clone());
        let limits = serve::Limits::from_config(&self.state.config);
        let hour = std::time::Duration::from_secs(3600);
        let purger = keyplan_app::jobs::spawn_leased(self.state.store.clone(), "purge-expired", hour, |store| async move {
            if let Err(e) = store.purge_expired().await {
                tracing::warn!(error = %e, "purging expired sessions failed");
            }
        });
        // The change marks' rows are purged every minute, so that counting
        // them (PostgreSQL's mark counts the rows kept) stays cheap after a
        // bulk write such as a CRM import of 10,000 accounts.
        let minute = std::time::Duration::from_secs(60);
        let changes = keyplan_app::jobs::spawn_leased(self.state.store.clone(), "purge-changes", minute, |store| async move {
            if let Err(e) = store.purge_changes().await {
                tracing::warn!(error = %e, "purging the change marks' rows failed");
            }
        });
        let reminders = keyplan_app::collab::spawn_reminders(self.state.store.clone(), std::time::Duration::from_secs(3600));
        let every = std::time::Duration::from_secs(self.state.config.smtp.interval_seconds.max(1));
        let mailer = self.mailer.map(|m| keyplan_app::mail::spawn_mailer(self.state.store.clone(), m, every));
        let trimmer = memory::spawn_trimmer(std::time::Duration::from_secs(1), self.state.hasher.clone(), self.state.store.clone());
        let result = serve::serve(self.listener, app, limits, shutdown).await;
        trimmer.abort();
        purger.abort();
        changes.abort();
        reminders.abort();
        if let Some(m) = mailer {
            m.abort();
        }
        self.state.store.close().await;
        result
    }
}

/// The whole application's routes.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let state_upload = state.config.crm_import_max_bytes;
    let routes = Router::new().route("/healthz", get(health)).merge(pages::router()).merge(api::router()).with_state(state.clone());
    let authenticate = axum::middleware::from_fn_with_state(state, middleware::authenticate);
    middleware::with_common_layers(routes, authenticate, max_body, state_upload)
}

async fn health(axum::extract::State(state): axum::extract::State<AppState>) -> Result<&'static str, PageError> {
    state.store.ping().await.map_err(|e| AppError::Internal(anyhow::anyhow!("database unreachable: {e}")))?;
    Ok("ok")
}

/// A file download: the export's content type and file name, the same from
/// every page, the API and the share page.
pub(crate) fn download(file: keyplan_export::ExportFile) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let disposition = format!("attachment; filename=\"{}\"", file.file_name);
    ([(header::CONTENT_TYPE, file.content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)], file.bytes).into_response()
}
