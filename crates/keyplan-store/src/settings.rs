//! The organisation's settings (`keyplan_domain::settings`): columns of the
//! organisation, read in one statement and written only over the version
//! that was read, so that two administrators changing different keys at once
//! never lose one another's change (the caller reads again and retries).

use keyplan_domain::OrgId;
use keyplan_domain::quality::QualityScale;
use keyplan_domain::settings::OrganisationSettings;

use crate::error::OptionalExt;
use crate::{Store, StoreResult, on_pool};

const COLUMNS: &str = "active_plans_per_kam, master_plans_per_company, share_of_wallet_threshold, quadrant_share_line, quadrant_growth_line, \
     max_nodes_per_plan, max_items_per_plan, max_contacts_per_account, max_text_chars, api_token_days, committee_plans, update_interval_days, \
     quality_scale, version";

#[derive(sqlx::FromRow)]
struct Row {
    active_plans_per_kam: i32,
    master_plans_per_company: i32,
    share_of_wallet_threshold: f64,
    quadrant_share_line: Option<f64>,
    quadrant_growth_line: Option<f64>,
    max_nodes_per_plan: i32,
    max_items_per_plan: i32,
    max_contacts_per_account: i32,
    max_text_chars: i32,
    api_token_days: Option<i32>,
    committee_plans: i32,
    update_interval_days: i32,
    /// The scale as JSON; NULL: the default scale.
    quality_scale: Option<String>,
    version: i64,
}

impl Row {
    fn settings(self) -> (OrganisationSettings, i64) {
        let whole = |n: i32| u32::try_from(n).unwrap_or(0);
        let s = OrganisationSettings {
            active_plans_per_kam: whole(self.active_plans_per_kam),
            master_plans_per_company: whole(self.master_plans_per_company),
            share_of_wallet_threshold: self.share_of_wallet_threshold,
            quadrant_share_line: self.quadrant_share_line,
            quadrant_growth_line: self.quadrant_growth_line,
            max_nodes_per_plan: whole(self.max_nodes_per_plan),
            max_items_per_plan: whole(self.max_items_per_plan),
            max_contacts_per_account: whole(self.max_contacts_per_account),
            max_text_chars: whole(self.max_text_chars),
            api_token_days: self.api_token_days.map(whole),
            committee_plans: whole(self.committee_plans),
            update_interval_days: whole(self.update_interval_days),
            quality_scale: self
                .quality_scale
                .and_then(|json| serde_json::from_str::<QualityScale>(&json).ok())
                .filter(|q| q.check().is_ok())
                .unwrap_or_default(),
        };
        (s, self.version)
    }
}

impl Store {
    /// The organisation's settings and the version they were read at.
    pub async fn organisation_settings(&self, org: OrgId) -> StoreResult<(OrganisationSettings, i64)> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM organisations WHERE id = $1"));
        let row: Row = on_pool!(self, p => sqlx::query_as(sql).bind(org).fetch_optional(p).await)?.found()?;
        Ok(row.settings())
    }

    /// Writes the settings if the organisation is still at `version`: the new
    /// settings and version, or `None` when someone changed them meanwhile.
    pub async fn set_organisation_settings(
        &self,
        org: OrgId,
        version: i64,
        s: &OrganisationSettings,
    ) -> StoreResult<Option<(OrganisationSettings, i64)>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE organisations SET active_plans_per_kam = $1, master_plans_per_company = $2, share_of_wallet_threshold = $3, \
             quadrant_share_line = $4, quadrant_growth_line = $5, max_nodes_per_plan = $8, max_items_per_plan = $9, \
             max_contacts_per_account = $10, max_text_chars = $11, api_token_days = $12, \
             update_interval_days = $13, quality_scale = $14, committee_plans = $15, version = version + 1 WHERE id = $6 AND version = $7 RETURNING {COLUMNS}"
        ));
        let whole = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
        // The default scale is kept as NULL, so that it follows the default.
        let scale = (s.quality_scale != QualityScale::default())
            .then(|| serde_json::to_string(&s.quality_scale))
            .transpose()
            .map_err(|e| crate::StoreError::Config(e.to_string()))?;
        let row: Option<Row> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(whole(s.active_plans_per_kam)).bind(whole(s.master_plans_per_company)).bind(s.share_of_wallet_threshold)
            .bind(s.quadrant_share_line).bind(s.quadrant_growth_line).bind(org).bind(version)
            .bind(whole(s.max_nodes_per_plan)).bind(whole(s.max_items_per_plan)).bind(whole(s.max_contacts_per_account))
            .bind(whole(s.max_text_chars)).bind(s.api_token_days.map(whole))
            .bind(whole(s.update_interval_days)).bind(scale.as_deref()).bind(whole(s.committee_plans))
            .fetch_optional(p).await)?;
        Ok(row.map(Row::settings))
    }
}
