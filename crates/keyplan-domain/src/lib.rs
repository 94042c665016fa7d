//! keyplan's domain: the key-account plan as pure data and rules, without I/O.
//!
//! Everything here is validated once at the edge (`*Input::validate`) and then
//! trusted; storage and the web layer only move these types around.
#![forbid(unsafe_code)]

pub mod acceptance;
pub mod account;
pub mod analysis;
pub mod audience;
pub mod budget;
pub mod builtin;
pub mod calendar;
pub mod coach;
pub mod cockpit;
pub mod committee;
pub mod contact;
pub mod crm;
pub mod customer;
pub mod document;
pub mod ids;
pub mod kpi;
pub mod lang;
pub mod meeting;
pub mod message;
pub mod opportunity;
pub mod permissions;
pub mod plan;
pub mod portfolio;
pub mod quality;
pub mod review;
pub mod role;
pub mod scorecard;
pub mod settings;
pub mod snapshot;
pub mod stakeholder;
pub mod stored;
pub mod story;
pub mod template;
pub mod text;
pub mod timeline;
pub mod tree;
pub mod validate;
pub mod whitespace;

pub use ids::*;
pub use lang::Lang;
pub use message::{Message, MsgArg};
pub use role::Role;
pub use stored::UnknownText;
pub use validate::{FieldError, Validation};
