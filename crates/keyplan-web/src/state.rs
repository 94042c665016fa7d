//! What every handler can reach: the store, the configuration, and the key
//! share-page form tokens are signed with (read from the database once).

use std::sync::Arc;

use keyplan_store::Store;
use tokio::sync::OnceCell;

use keyplan_app::Config;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    /// Sign-ins' password checks, at most `login_concurrency` at once.
    pub hasher: Arc<keyplan_app::hashing::Hasher>,
    /// Rendered plan pages and plan API answers, by their ETag.
    pub answers: Arc<crate::answers::Answers>,
    share_form_key: Arc<OnceCell<String>>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> Self {
        let hasher = Arc::new(keyplan_app::hashing::Hasher::new(config.login_concurrency));
        AppState { store, config: Arc::new(config), hasher, answers: Arc::default(), share_form_key: Arc::new(OnceCell::new()) }
    }

    /// The key that signs share-page form tokens: shared by every server
    /// through the database, kept in memory after the first request needs it.
    pub async fn share_form_key(&self) -> Result<&str, keyplan_app::AppError> {
        let key = self.share_form_key.get_or_try_init(|| keyplan_app::customer::form_key(&self.store)).await?;
        Ok(key.as_str())
    }
}
