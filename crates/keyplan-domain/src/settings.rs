//! The organisation's settings in one place (issue 13): an administrator's
//! settings page and `GET`/`PATCH /api/v1/organisation/settings` read and
//! write this one JSON object. Later features add their keys here.
//!
//! | key | type | default | meaning |
//! |---|---|---|---|
//! | `active_plans_per_kam` | integer 0–1000 | 3 | active plans one KAM may hold (seed 004) |
//! | `master_plans_per_company` | integer 0–100000 | 15 | active plans the company may hold (seed 003) |
//! | `share_of_wallet_threshold` | number 0–1 | 0.6 | share of wallet from which an account is no plan candidate |
//! | `quadrant_share_line` | number 0–1 or null | null | the portfolio's vertical line; null: the median |
//! | `quadrant_growth_line` | number ≥ 0 or null | null | the portfolio's horizontal line (money); null: the median |
//! | `max_nodes_per_plan` | integer 1–100000 | 500 | goals, factors, conditions, obstacles and commitments one plan may hold |
//! | `max_items_per_plan` | integer 1–100000 | 500 | analysis items, SWOT entries, opportunities and risks one plan may hold |
//! | `max_contacts_per_account` | integer 1–100000 | 2000 | contacts one account may hold |
//! | `max_text_chars` | integer 100–20000 | 20000 | characters any one text field may hold |
//! | `api_token_days` | integer 1–3650 or null | 90 | days a new API token works unless its creator says otherwise; null: no expiry |
//! | `committee_plans` | integer 1–50 | 10 | plans a management committee session takes by default (seed 004) |
//! | `update_interval_days` | integer 1–3650 | 90 | the longest a plan may go without an update or a held review before it is stale (seed 002) |
//! | `quality_scale` | object | 1–5, labelled | the scale a manager rates a plan's quality on: `{"min", "max", "labels"}` (see [`crate::quality`]) |
//!
//! Each kind of text field also has its own built-in ceiling (see
//! [`crate::text::MAX_NAME`] and its neighbours); `max_text_chars` can only
//! lower it, never raise it.
//!
//! Shares are fractions: 0.6 is 60 %. A `PATCH` names only the keys it
//! changes; an unknown key or a wrong value is a field error naming the key,
//! and then nothing changes.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::Message;
use crate::portfolio::DEFAULT_SHARE_THRESHOLD;
use crate::portfolio::limits::{DEFAULT_PER_COMPANY, DEFAULT_PER_KAM, PlanLimits};
use crate::quality::QualityScale;
use crate::validate::FieldError;

/// Every key, in the order the object lists them.
pub const KEYS: [&str; 13] = [
    "active_plans_per_kam",
    "master_plans_per_company",
    "share_of_wallet_threshold",
    "quadrant_share_line",
    "quadrant_growth_line",
    "max_nodes_per_plan",
    "max_items_per_plan",
    "max_contacts_per_account",
    "max_text_chars",
    "api_token_days",
    "committee_plans",
    "update_interval_days",
    "quality_scale",
];

/// Nodes a plan may hold unless the organisation says otherwise.
pub const DEFAULT_MAX_NODES: u32 = 500;
/// Items a plan may hold unless the organisation says otherwise.
pub const DEFAULT_MAX_ITEMS: u32 = 500;
/// Contacts an account may hold unless the organisation says otherwise.
pub const DEFAULT_MAX_CONTACTS: u32 = 2000;
/// Characters a text field may hold unless the organisation says otherwise.
pub const DEFAULT_MAX_TEXT: u32 = crate::text::MAX_LONG_TEXT as u32;
/// The fewest characters an organisation may allow per text field.
pub const MIN_MAX_TEXT: u32 = 100;
/// Days a new API token works unless the organisation says otherwise.
pub const DEFAULT_TOKEN_DAYS: u32 = 90;
/// The longest life an API token may be given, in days (ten years).
pub const MAX_TOKEN_DAYS: u32 = 3650;
/// The longest a plan may go without an update or a review unless the organisation says otherwise.
pub const DEFAULT_UPDATE_INTERVAL_DAYS: u32 = 90;
/// The longest update interval an organisation may set, in days (ten years).
pub const MAX_UPDATE_INTERVAL_DAYS: u32 = 3650;

/// The organisation's settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrganisationSettings {
    pub active_plans_per_kam: u32,
    pub master_plans_per_company: u32,
    pub share_of_wallet_threshold: f64,
    pub quadrant_share_line: Option<f64>,
    pub quadrant_growth_line: Option<f64>,
    pub max_nodes_per_plan: u32,
    pub max_items_per_plan: u32,
    pub max_contacts_per_account: u32,
    pub max_text_chars: u32,
    pub api_token_days: Option<u32>,
    pub committee_plans: u32,
    pub update_interval_days: u32,
    pub quality_scale: QualityScale,
}

impl Default for OrganisationSettings {
    fn default() -> Self {
        OrganisationSettings {
            active_plans_per_kam: DEFAULT_PER_KAM,
            master_plans_per_company: DEFAULT_PER_COMPANY,
            share_of_wallet_threshold: DEFAULT_SHARE_THRESHOLD,
            quadrant_share_line: None,
            quadrant_growth_line: None,
            max_nodes_per_plan: DEFAULT_MAX_NODES,
            max_items_per_plan: DEFAULT_MAX_ITEMS,
            max_contacts_per_account: DEFAULT_MAX_CONTACTS,
            max_text_chars: DEFAULT_MAX_TEXT,
            api_token_days: Some(DEFAULT_TOKEN_DAYS),
            committee_plans: crate::committee::DEFAULT_PLANS,
            update_interval_days: DEFAULT_UPDATE_INTERVAL_DAYS,
            quality_scale: QualityScale::default(),
        }
    }
}

impl OrganisationSettings {
    pub fn limits(&self) -> PlanLimits {
        PlanLimits { per_kam: self.active_plans_per_kam, per_company: self.master_plans_per_company }
    }

    /// These settings with `patch` applied: every key checked, all errors at
    /// once, nothing applied when one is wrong.
    pub fn patched(&self, patch: &Map<String, Value>) -> Result<OrganisationSettings, Vec<FieldError>> {
        let mut next = self.clone();
        let mut errors = Vec::new();
        for (key, value) in patch {
            let result = match key.as_str() {
                "active_plans_per_kam" => whole(value, 1000).map(|n| next.active_plans_per_kam = n),
                "master_plans_per_company" => whole(value, 100_000).map(|n| next.master_plans_per_company = n),
                "share_of_wallet_threshold" => fraction(value).map(|f| next.share_of_wallet_threshold = f),
                "quadrant_share_line" => optional(value, fraction).map(|f| next.quadrant_share_line = f),
                "quadrant_growth_line" => optional(value, amount).map(|f| next.quadrant_growth_line = f),
                "max_nodes_per_plan" => at_least_one(value).map(|n| next.max_nodes_per_plan = n),
                "max_items_per_plan" => at_least_one(value).map(|n| next.max_items_per_plan = n),
                "max_contacts_per_account" => at_least_one(value).map(|n| next.max_contacts_per_account = n),
                "max_text_chars" => between(value, MIN_MAX_TEXT, DEFAULT_MAX_TEXT).map(|n| next.max_text_chars = n),
                "api_token_days" => {
                    if value.is_null() { Ok(None) } else { between(value, 1, MAX_TOKEN_DAYS).map(Some) }.map(|d| next.api_token_days = d)
                }
                "committee_plans" => between(value, 1, crate::committee::MAX_PLANS as u32).map(|n| next.committee_plans = n),
                "update_interval_days" => between(value, 1, MAX_UPDATE_INTERVAL_DAYS).map(|d| next.update_interval_days = d),
                "quality_scale" => QualityScale::from_json(value).map(|q| next.quality_scale = q),
                _ => Err(Message::new("settings-err-unknown").arg("keys", KEYS.join(", "))),
            };
            if let Err(m) = result {
                errors.push(FieldError::new(key, m));
            }
        }
        if errors.is_empty() { Ok(next) } else { Err(errors) }
    }
}

/// A whole number from 0 to `max`.
fn whole(v: &Value, max: u32) -> Result<u32, Message> {
    v.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n <= max)
        .ok_or_else(|| Message::new("settings-err-whole").arg("max", i64::from(max)))
}

/// A whole number from `min` to `max`.
fn between(v: &Value, min: u32, max: u32) -> Result<u32, Message> {
    v.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| Message::new("settings-err-between").arg("min", i64::from(min)).arg("max", i64::from(max)))
}

/// A size limit: a whole number from 1 to 100,000.
fn at_least_one(v: &Value) -> Result<u32, Message> {
    whole(v, 100_000).and_then(|n| if n == 0 { Err(Message::new("settings-err-whole").arg("max", 100_000i64)) } else { Ok(n) })
}

/// Refuses adding `adding` to `have` when that passes `max` (a size limit of
/// the organisation); `field` and `code` name the limit (`{ $max }`).
pub fn within_limit(field: &str, code: &str, have: usize, adding: usize, max: u32) -> Result<(), FieldError> {
    if have.saturating_add(adding) > max as usize {
        return Err(FieldError::new(field, Message::new(code).arg("max", i64::from(max))));
    }
    Ok(())
}

/// A share: a number from 0 to 1.
fn fraction(v: &Value) -> Result<f64, Message> {
    v.as_f64().filter(|f| (0.0..=1.0).contains(f)).ok_or_else(|| Message::new("settings-err-fraction"))
}

/// An amount of money: a number of 0 or more.
fn amount(v: &Value) -> Result<f64, Message> {
    v.as_f64().filter(|f| f.is_finite() && *f >= 0.0).ok_or_else(|| Message::new("settings-err-amount"))
}

fn optional(v: &Value, read: fn(&Value) -> Result<f64, Message>) -> Result<Option<f64>, Message> {
    if v.is_null() { Ok(None) } else { read(v).map(Some) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn patch(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn defaults_follow_the_seeds() {
        let d = OrganisationSettings::default();
        assert_eq!((d.active_plans_per_kam, d.master_plans_per_company, d.share_of_wallet_threshold), (3, 15, 0.6));
        assert_eq!((d.quadrant_share_line, d.quadrant_growth_line), (None, None));
        assert_eq!((d.max_nodes_per_plan, d.max_items_per_plan, d.max_contacts_per_account), (500, 500, 2000));
        assert_eq!((d.max_text_chars, d.api_token_days, d.committee_plans), (20_000, Some(90), 10));
        assert_eq!(d.patched(&patch(json!({"committee_plans": 5}))).unwrap().committee_plans, 5);
        for bad in [json!(0), json!(51), json!(null)] {
            assert_eq!(fields(&d.patched(&patch(json!({ "committee_plans": bad }))).unwrap_err()), ["committee_plans"]);
        }
        assert!(d.patched(&patch(json!({"max_text_chars": 20_001}))).is_err(), "never above the built-in ceiling");
        assert!(d.patched(&patch(json!({"max_text_chars": 99}))).is_err());
        assert_eq!(d.patched(&patch(json!({"max_text_chars": 500}))).unwrap().max_text_chars, 500);
        assert_eq!(d.patched(&patch(json!({"api_token_days": null}))).unwrap().api_token_days, None, "null: no expiry");
        assert_eq!(d.patched(&patch(json!({"api_token_days": 30}))).unwrap().api_token_days, Some(30));
        for bad in [json!(0), json!(3651), json!("30"), json!(1.5)] {
            assert_eq!(fields(&d.patched(&patch(json!({ "api_token_days": bad }))).unwrap_err()), ["api_token_days"]);
        }
        assert_eq!(d.update_interval_days, 90);
        assert_eq!(d.patched(&patch(json!({"update_interval_days": 30}))).unwrap().update_interval_days, 30);
        for bad in [json!(0), json!(3651), json!(null), json!("90"), json!(2.5)] {
            assert_eq!(fields(&d.patched(&patch(json!({ "update_interval_days": bad }))).unwrap_err()), ["update_interval_days"]);
        }
        let scale = json!({"min": 0, "max": 2, "labels": ["No", "Partly", "Yes"]});
        assert_eq!(d.patched(&patch(json!({ "quality_scale": scale }))).unwrap().quality_scale.labels, ["No", "Partly", "Yes"]);
        for bad in [json!(null), json!({"min": 1, "max": 3, "labels": ["a"]})] {
            assert_eq!(fields(&d.patched(&patch(json!({ "quality_scale": bad }))).unwrap_err()), ["quality_scale"]);
        }
        assert!(d.patched(&patch(json!({"max_nodes_per_plan": 0}))).is_err(), "a plan holds at least one node");
        assert_eq!(d.patched(&patch(json!({"max_items_per_plan": 20}))).unwrap().max_items_per_plan, 20);
        assert!(within_limit("nodes", "err-limit-nodes", 499, 1, 500).is_ok());
        assert_eq!(within_limit("nodes", "err-limit-nodes", 500, 1, 500).unwrap_err().field, "nodes");
        let keys: Vec<String> = serde_json::to_value(&d).unwrap().as_object().unwrap().keys().cloned().collect();
        let mut documented = KEYS.map(String::from).to_vec();
        documented.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, documented, "the object has exactly the documented keys");
    }

    #[test]
    fn a_patch_changes_only_what_it_names() {
        let d = OrganisationSettings::default();
        let next = d.patched(&patch(json!({"active_plans_per_kam": 5, "quadrant_growth_line": 250000.5}))).unwrap();
        assert_eq!(next, OrganisationSettings { active_plans_per_kam: 5, quadrant_growth_line: Some(250000.5), ..d.clone() });
        let back = next.patched(&patch(json!({"quadrant_growth_line": null}))).unwrap();
        assert_eq!(back.quadrant_growth_line, None, "null: back to the median");
        assert_eq!(d.patched(&Map::new()).unwrap(), d);
    }

    #[test]
    fn wrong_values_and_unknown_keys_are_refused_all_at_once() {
        let d = OrganisationSettings::default();
        let errors = d
            .patched(&patch(json!({
                "active_plans_per_kam": -1,
                "master_plans_per_company": 2.5,
                "share_of_wallet_threshold": 60,
                "quadrant_share_line": "half",
                "quadrant_growth_line": -10,
                "plans_per_kam": 3
            })))
            .unwrap_err();
        let mut named = fields(&errors);
        named.sort();
        assert_eq!(
            named,
            [
                "active_plans_per_kam",
                "master_plans_per_company",
                "plans_per_kam",
                "quadrant_growth_line",
                "quadrant_share_line",
                "share_of_wallet_threshold"
            ]
        );
        assert!(d.patched(&patch(json!({"active_plans_per_kam": 1001}))).is_err());
        assert!(d.patched(&patch(json!({"active_plans_per_kam": 0}))).is_ok(), "zero: no plans without an exception");
        assert!(d.patched(&patch(json!({"share_of_wallet_threshold": null}))).is_err(), "the threshold is never empty");
    }
}
