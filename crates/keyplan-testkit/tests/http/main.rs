//! End-to-end HTTP tests: the real keyplan server (see `keyplan_testkit::TestApp`)
//! on port 0 with a fresh database per test, driven like a browser (forms,
//! cookies, CSRF tokens) and like an API client (bearer tokens, JSON).
//!
//! Run with `cargo test -p keyplan-testkit --test http`; set
//! `KEYPLAN_TEST_DB=postgres` (and `KEYPLAN_TEST_PG`) to run on PostgreSQL.
//! Tests marked `#[ignore = "BUG: ..."]` assert the correct behaviour of a
//! known defect in the application; run them with `-- --ignored`.

mod acceptance;
mod acceptance_pages;
mod accounts_paging;
mod api_contract;
mod budget;
mod coach;
mod coach_marks;
mod coach_pages;
mod cockpit;
mod collab;
mod committees;
mod compression;
mod content;
mod content_pages;
mod crm_import;
mod crm_import_pages;
mod crm_opportunities;
mod csrf;
mod customer;
mod customer_figures;
mod customer_guard;
mod documents;
mod escaping;
mod etag;
mod health;
mod helpers;
mod i18n;
mod i18n_admin;
mod i18n_crawl;
mod i18n_exports;
mod i18n_plan;
mod i18n_review;
mod i18n_templates;
mod import_rules;
mod kpis;
mod limits;
mod mail;
mod meetings;
mod node_edit;
mod opportunities;
mod orgs;
mod owner_fields;
mod pages;
mod patch_atomic;
mod pdf;
mod plan_weight;
mod portfolio;
mod portfolio_pages;
mod printed_length;
mod progress;
mod ratings;
mod review_forms;
mod reviews;
mod rhythm;
mod roles;
mod scorecard;
mod server_limits;
mod settings;
mod sharing;
mod signin;
mod signin_burst;
mod size_limits;
mod stakeholder;
mod templates;
mod text_policy;
mod token_life;
mod tree;
mod trial_fixes;
mod validation;
mod versions;
mod whitespace;
mod whitespace_api;
mod workshop_entry;
mod xlsx;
