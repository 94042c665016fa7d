//! Runtime settings: defaults, `keyplan.toml`, `KEYPLAN_*` variables and flags.

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
    /// Mark cookies `Secure`. They are whenever `public_url` is `https://…`,
    /// whatever this says.
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For`, set by a load balancer:
    /// the right-most entry that is not one of `trusted_proxies`.
    pub trust_proxy: bool,
    /// The load balancers' addresses (`10.0.0.5`) or networks (`10.0.0.0/8`),
    /// as a list or one comma-separated string. Default: loopback.
    #[serde(deserialize_with = "list_or_string")]
    pub trusted_proxies: Vec<String>,
    /// Seconds a client has to send a request's headers.
    pub header_read_timeout_seconds: u64,
    /// Seconds a connection may stay open without any traffic.
    pub idle_timeout_seconds: u64,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// The largest request body, in bytes.
    pub max_body_bytes: usize,
    /// The largest CRM export an import takes (API and browser upload), in
    /// bytes; these routes have this limit instead of `max_body_bytes`.
    pub crm_import_max_bytes: usize,
    /// Password checks (Argon2) run at once; 0: one per core. Sign-ins over
    /// it wait briefly, then get 503 "try again".
    pub login_concurrency: usize,
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

/// A list given as a list (`keyplan.toml`) or as one comma-separated string
/// (an environment variable).
fn list_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        List(Vec<String>),
        One(String),
    }
    Ok(match Either::deserialize(d)? {
        Either::List(l) => l.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        Either::One(s) => s.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
    })
}

impl Config {
    /// Whether cookies are marked `Secure`: when asked, and always when people
    /// reach keyplan over HTTPS.
    pub fn cookies_secure(&self) -> bool {
        self.secure_cookies || self.public_url.trim().to_ascii_lowercase().starts_with("https://")
    }

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
            trusted_proxies: vec!["127.0.0.1".into(), "::1".into()],
            header_read_timeout_seconds: 30,
            idle_timeout_seconds: 60,
            max_connections: 512,
            max_body_bytes: 2 * 1024 * 1024,
            crm_import_max_bytes: 50 * 1024 * 1024,
            login_concurrency: 0,
            session_hours: 12,
            public_url: String::new(),
            smtp: SmtpConfig::default(),
        }
    }
}
