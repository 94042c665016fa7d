use serde::{Deserialize, Serialize};

/// Runtime settings. The binary fills them from defaults, then `keyplan.toml`,
/// then `KEYPLAN_*` variables, then flags.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `sqlite://FILE` (embedded) or `postgres://...`.
    #[serde(rename = "db")]
    pub database_url: String,
    pub bind: String,
    /// Fill an empty database with the demo organisation.
    pub demo: bool,
    /// Mark cookies `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Trust `X-Forwarded-For` from a load balancer for the client address.
    pub trust_proxy: bool,
    pub session_hours: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://keyplan.db".into(),
            bind: "127.0.0.1:8080".into(),
            demo: false,
            secure_cookies: false,
            trust_proxy: false,
            session_hours: 12,
        }
    }
}
