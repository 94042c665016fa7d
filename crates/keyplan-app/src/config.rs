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
    /// The address people reach keyplan at (`https://plans.example.com`), for
    /// links in e-mails. Empty: `http://` plus `bind`.
    pub public_url: String,
    pub smtp: SmtpConfig,
}

/// E-mail delivery of notifications. Off unless `enabled` is set.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SmtpConfig {
    pub enabled: bool,
    pub host: String,
    pub port: u16,
    /// Empty: no authentication.
    pub username: String,
    pub password: String,
    /// The sender, `keyplan <keyplan@example.com>`.
    pub from: String,
    pub tls: SmtpTls,
    /// How often pending notifications are mailed.
    pub interval_seconds: u64,
}

/// How the connection to the mail server is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (port 587); refuses servers without it.
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same host or network.
    None,
}

impl Default for SmtpConfig {
    fn default() -> Self {
        SmtpConfig {
            enabled: false,
            host: "localhost".into(),
            port: 587,
            username: String::new(),
            password: String::new(),
            from: "keyplan <keyplan@localhost>".into(),
            tls: SmtpTls::Starttls,
            interval_seconds: 60,
        }
    }
}

// The password never reaches a log line.
impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("enabled", &self.enabled)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &if self.password.is_empty() { "" } else { "***" })
            .field("from", &self.from)
            .field("tls", &self.tls)
            .field("interval_seconds", &self.interval_seconds)
            .finish()
    }
}

impl Config {
    /// Where links in e-mails point.
    pub fn public_url(&self) -> String {
        let url = if self.public_url.is_empty() { format!("http://{}", self.bind) } else { self.public_url.clone() };
        url.trim_end_matches('/').to_string()
    }
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
            public_url: String::new(),
            smtp: SmtpConfig::default(),
        }
    }
}
