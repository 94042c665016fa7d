//! What every handler can reach: the store and the configuration.

use std::sync::Arc;

use keyplan_store::Store;

use keyplan_app::Config;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> Self {
        AppState { store, config: Arc::new(config) }
    }
}
