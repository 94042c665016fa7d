//! keyplan's application layer: what pages, the API and the command line do,
//! without HTTP. Each service checks permissions, validates input into domain
//! types, calls the store, and records the side effects (history lines,
//! notifications, mail). Pages and API call the same function for the same
//! change; the language is always a parameter.
#![forbid(unsafe_code)]

pub mod access;
pub mod accounts;
pub mod audience;
pub mod auth;
pub mod budget;
pub mod bundle;
pub mod coach;
pub mod cockpit;
pub mod collab;
pub mod committees;
pub mod config;
pub mod contacts;
pub mod content;
pub mod crm_import;
pub mod customer;
pub mod demo;
pub mod documents;
mod error;
pub mod hashing;
pub mod jobs;
pub mod joint;
pub mod kpis;
pub mod mail;
pub mod meetings;
pub mod nodes;
pub mod opportunities;
pub mod plans;
pub mod portfolio;
pub mod progress;
pub mod review_events;
pub mod reviews;
pub mod rhythm;
pub mod scorecard;
pub mod settings;
pub mod sharing;
pub mod snapshots;
pub mod templates;
pub mod tokens;
pub mod users;
pub mod whitespace;

pub use auth::Auth;
pub use bundle::PlanBundle;
pub use config::{Config, SmtpConfig, SmtpTls};
pub use error::{AppError, Result, english};

/// Today in UTC: the date every rule about "overdue" and "due" uses.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// A number as a user would type it back (no exponent, no trailing ".0").
pub fn num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}
