//! The whitespace matrix: the organisation's offerings (rows), an account's
//! business units (columns) and the cells where we sell, are selling or could sell.
//!
//! Deleting a cell, or the offering or business unit it belongs to, also deletes
//! the goal links that point at it (`goal_links.target_kind = 'cell'`), in the
//! same transaction, so no goal keeps a link to nothing.

use keyplan_domain::whitespace::{self, CellData, CellStatus, Totals};
use keyplan_domain::{AccountId, BusinessUnitId, CellId, OfferingId, OrgId, UserId};
use serde::Serialize;
use time::OffsetDateTime;

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, now, on_pool, on_tx, swapped};

pub(crate) const OFFERING_COLUMNS: &str = "id, org_id, name, description, position, retired, version, created_at, updated_at";
pub(crate) const UNIT_COLUMNS: &str = "id, org_id, account_id, name, position, version, created_at, updated_at";
// `updated_by` is INTEGER (not BIGINT) in the PostgreSQL schema; the cast keeps it an i64.
pub(crate) const CELL_COLUMNS: &str =
    "id, org_id, account_id, offering_id, business_unit_id, status, value, note, version, updated_at, updated_by";

/// One of the company's offerings: a row of every account's matrix.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Offering {
    pub id: OfferingId,
    pub org_id: OrgId,
    pub name: String,
    pub description: Option<String>,
    pub position: i32,
    /// Retired offerings get no new cells; existing cells stay visible.
    #[serde(deserialize_with = "crate::json_rows::flag")]
    pub retired: bool,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
}

/// A business unit of the customer: a column of the account's matrix.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct BusinessUnit {
    pub id: BusinessUnitId,
    pub org_id: OrgId,
    pub account_id: AccountId,
    pub name: String,
    pub position: i32,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
}

/// A filled cell of the matrix.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct Cell {
    pub id: CellId,
    pub org_id: OrgId,
    pub account_id: AccountId,
    pub offering_id: OfferingId,
    pub business_unit_id: BusinessUnitId,
    pub status: CellStatus,
    pub value: Option<f64>,
    pub note: Option<String>,
    pub version: i64,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub updated_at: OffsetDateTime,
    pub updated_by: Option<UserId>,
}

impl Cell {
    pub fn status(&self) -> CellStatus {
        self.status
    }
}

/// How much an offering is used: in how many accounts' matrices, with how many cells.
#[derive(Clone, Copy, Debug, sqlx::FromRow, Serialize)]
pub struct OfferingUsage {
    pub offering_id: OfferingId,
    pub accounts: i64,
    pub cells: i64,
}

/// An account's whole matrix, as [`Store::whitespace`] loads it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Whitespace {
    /// The rows: offerings in use (not retired), plus retired ones that still have cells here.
    pub offerings: Vec<Offering>,
    /// The columns, in the account's order.
    pub units: Vec<BusinessUnit>,
    /// The filled cells; a missing pair is an empty cell.
    pub cells: Vec<Cell>,
}

impl Whitespace {
    pub fn cell(&self, offering: OfferingId, unit: BusinessUnitId) -> Option<&Cell> {
        self.cells.iter().find(|c| c.offering_id == offering && c.business_unit_id == unit)
    }

    /// Current business and open potential over the whole matrix.
    pub fn totals(&self) -> Totals {
        self.totals_where(|_| true, self.offerings.len() * self.units.len())
    }

    /// Totals of one row.
    pub fn offering_totals(&self, offering: OfferingId) -> Totals {
        self.totals_where(|c| c.offering_id == offering, self.units.len())
    }

    /// Totals of one column.
    pub fn unit_totals(&self, unit: BusinessUnitId) -> Totals {
        self.totals_where(|c| c.business_unit_id == unit, self.offerings.len())
    }

    fn totals_where(&self, keep: impl Fn(&Cell) -> bool, size: usize) -> Totals {
        // Only cells that are on the matrix count (a row or column may be hidden).
        let shown = |c: &&Cell| {
            keep(c) && self.offerings.iter().any(|o| o.id == c.offering_id) && self.units.iter().any(|u| u.id == c.business_unit_id)
        };
        whitespace::totals(self.cells.iter().filter(shown).map(|c| (c.status(), c.value)), size)
    }
}

/// Turns "no such row" for a referenced id into a field error.
fn missing_as(field: &'static str, code: &'static str) -> impl Fn(StoreError) -> StoreError {
    move |e| match e {
        StoreError::NotFound => StoreError::invalid(field, keyplan_domain::Message::new(code)),
        e => e,
    }
}

fn duplicate_name(e: StoreError) -> StoreError {
    if e.is_unique_violation() { StoreError::invalid("name", keyplan_domain::Message::new("ws-err-name-used")) } else { e }
}

impl Store {
    // --- offerings -------------------------------------------------------------------------

    /// The organisation's offerings in their order; retired ones only when asked.
    pub async fn offerings(&self, org: OrgId, include_retired: bool) -> StoreResult<Vec<Offering>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {OFFERING_COLUMNS} FROM offerings WHERE org_id = $1 AND ($2 OR retired = FALSE) ORDER BY position, id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(include_retired).fetch_all(p).await)?)
    }

    pub async fn offering(&self, org: OrgId, id: OfferingId) -> StoreResult<Offering> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {OFFERING_COLUMNS} FROM offerings WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// For each offering in use: how many accounts and cells use it.
    pub async fn offering_usage(&self, org: OrgId) -> StoreResult<Vec<OfferingUsage>> {
        const SQL: &str = "SELECT offering_id, COUNT(DISTINCT account_id) AS accounts, COUNT(*) AS cells \
                           FROM whitespace_cells WHERE org_id = $1 GROUP BY offering_id";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).fetch_all(p).await)?)
    }

    /// Adds an offering at the end of the list. Names are unique in the
    /// organisation, whatever their case.
    pub async fn create_offering(&self, org: OrgId, name: &str, description: Option<&str>) -> StoreResult<Offering> {
        let mut tx = self.begin().await?;
        // Lock the organisation: concurrent additions take turns for the next position.
        on_tx!(self, tx, c => sqlx::query("UPDATE organisations SET version = version WHERE id = $1")
            .bind(org).execute(c).await.map(|r| r.rows_affected()))?;
        let (dups,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
            "SELECT COUNT(*) FROM offerings WHERE org_id = $1 AND LOWER(name) = LOWER($2)")
            .bind(org).bind(name).fetch_one(c).await)?;
        if dups > 0 {
            return Err(StoreError::invalid("name", keyplan_domain::Message::new("ws-err-name-used")));
        }
        let (next,): (i32,) = on_tx!(self, tx, c => sqlx::query_as(
            "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS INTEGER) FROM offerings WHERE org_id = $1")
            .bind(org).fetch_one(c).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO offerings (org_id, name, description, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) \
             RETURNING {OFFERING_COLUMNS}"
        ));
        let o: Offering = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(org).bind(name).bind(description).bind(next).bind(now()).fetch_one(c).await)
        .map_err(|e| duplicate_name(e.into()))?;
        tx.commit().await?;
        Ok(o)
    }

    /// Renames or re-describes an offering, if it is still at `version`.
    pub async fn update_offering(
        &self,
        org: OrgId,
        id: OfferingId,
        version: i64,
        name: &str,
        description: Option<&str>,
    ) -> StoreResult<Offering> {
        let current = self.offering(org, id).await?;
        if current.version != version {
            return Err(StoreError::Conflict { current: current.version });
        }
        let (dups,): (i64,) = on_pool!(self, p => sqlx::query_as(
            "SELECT COUNT(*) FROM offerings WHERE org_id = $1 AND LOWER(name) = LOWER($2) AND id <> $3")
            .bind(org).bind(name).bind(id).fetch_one(p).await)?;
        if dups > 0 {
            return Err(StoreError::invalid("name", keyplan_domain::Message::new("ws-err-name-used")));
        }
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE offerings SET name = $1, description = $2, version = version + 1, updated_at = $3 \
             WHERE org_id = $4 AND id = $5 AND version = $6 RETURNING {OFFERING_COLUMNS}"
        ));
        let updated: Option<Offering> = on_pool!(self, p => sqlx::query_as(sql)
            .bind(name).bind(description).bind(now()).bind(org).bind(id).bind(version).fetch_optional(p).await)
        .map_err(|e| duplicate_name(e.into()))?;
        match updated {
            Some(o) => Ok(o),
            None => Err(StoreError::Conflict { current: self.offering(org, id).await?.version }),
        }
    }

    /// Retires (or restores) an offering, if it is still at `version`.
    pub async fn set_offering_retired(&self, org: OrgId, id: OfferingId, version: i64, retired: bool) -> StoreResult<Offering> {
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE offerings SET retired = $1, version = version + 1, updated_at = $2 \
             WHERE org_id = $3 AND id = $4 AND version = $5 RETURNING {OFFERING_COLUMNS}"
        ));
        let updated: Option<Offering> =
            on_pool!(self, p => sqlx::query_as(sql).bind(retired).bind(now()).bind(org).bind(id).bind(version).fetch_optional(p).await)?;
        match updated {
            Some(o) => Ok(o),
            None => Err(StoreError::Conflict { current: self.offering(org, id).await?.version }),
        }
    }

    /// Deletes an offering with its cells in every account (and their goal links).
    pub async fn delete_offering(&self, org: OrgId, id: OfferingId) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query(
            "DELETE FROM goal_links WHERE org_id = $1 AND target_kind = 'cell' \
             AND target_id IN (SELECT id FROM whitespace_cells WHERE org_id = $1 AND offering_id = $2)")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("DELETE FROM whitespace_cells WHERE org_id = $1 AND offering_id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        let n = on_tx!(self, tx, c => sqlx::query("DELETE FROM offerings WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await
    }

    /// Swaps an offering with the previous (`up`) or next one. Returns false when it
    /// is already first or last. Order is not content: versions stay as they are.
    pub async fn move_offering(&self, org: OrgId, id: OfferingId, up: bool) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("UPDATE organisations SET version = version WHERE id = $1")
            .bind(org).execute(c).await.map(|r| r.rows_affected()))?;
        let me: Option<(i32,)> = on_tx!(self, tx, c => sqlx::query_as("SELECT position FROM offerings WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).fetch_optional(c).await)?;
        let (position,) = me.found()?;
        let sql = if up {
            "SELECT id, position FROM offerings WHERE org_id = $1 AND (position < $2 OR (position = $2 AND id < $3)) \
             ORDER BY position DESC, id DESC LIMIT 1"
        } else {
            "SELECT id, position FROM offerings WHERE org_id = $1 AND (position > $2 OR (position = $2 AND id > $3)) \
             ORDER BY position, id LIMIT 1"
        };
        let other: Option<(OfferingId, i32)> =
            on_tx!(self, tx, c => sqlx::query_as(sql).bind(org).bind(position).bind(id).fetch_optional(c).await)?;
        let Some((other_id, other_pos)) = other else {
            return Ok(false);
        };
        let (mine, theirs) = swapped(position, other_pos, up);
        on_tx!(self, tx, c => sqlx::query("UPDATE offerings SET position = $1 WHERE id = $2").bind(mine).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("UPDATE offerings SET position = $1 WHERE id = $2").bind(theirs).bind(other_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    // --- business units --------------------------------------------------------------------

    pub async fn business_units(&self, org: OrgId, account: AccountId) -> StoreResult<Vec<BusinessUnit>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {UNIT_COLUMNS} FROM business_units WHERE org_id = $1 AND account_id = $2 ORDER BY position, id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(account).fetch_all(p).await)?)
    }

    pub async fn business_unit(&self, org: OrgId, id: BusinessUnitId) -> StoreResult<BusinessUnit> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {UNIT_COLUMNS} FROM business_units WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// Adds a business unit as the account's last column. Names are unique per
    /// account, whatever their case.
    pub async fn create_business_unit(&self, org: OrgId, account: AccountId, name: &str) -> StoreResult<BusinessUnit> {
        self.account(org, account).await?;
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("UPDATE accounts SET version = version WHERE id = $1")
            .bind(account).execute(c).await.map(|r| r.rows_affected()))?;
        let (dups,): (i64,) = on_tx!(self, tx, c => sqlx::query_as(
            "SELECT COUNT(*) FROM business_units WHERE account_id = $1 AND LOWER(name) = LOWER($2)")
            .bind(account).bind(name).fetch_one(c).await)?;
        if dups > 0 {
            return Err(StoreError::invalid("name", keyplan_domain::Message::new("ws-err-unit-exists")));
        }
        let (next,): (i32,) = on_tx!(self, tx, c => sqlx::query_as(
            "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS INTEGER) FROM business_units WHERE account_id = $1")
            .bind(account).fetch_one(c).await)?;
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO business_units (org_id, account_id, name, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) \
             RETURNING {UNIT_COLUMNS}"
        ));
        let u: BusinessUnit = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(org).bind(account).bind(name).bind(next).bind(now()).fetch_one(c).await)
        .map_err(|e| duplicate_name(e.into()))?;
        tx.commit().await?;
        Ok(u)
    }

    /// Renames a business unit, if it is still at `version`.
    pub async fn update_business_unit(&self, org: OrgId, id: BusinessUnitId, version: i64, name: &str) -> StoreResult<BusinessUnit> {
        let current = self.business_unit(org, id).await?;
        if current.version != version {
            return Err(StoreError::Conflict { current: current.version });
        }
        let (dups,): (i64,) = on_pool!(self, p => sqlx::query_as(
            "SELECT COUNT(*) FROM business_units WHERE account_id = $1 AND LOWER(name) = LOWER($2) AND id <> $3")
            .bind(current.account_id).bind(name).bind(id).fetch_one(p).await)?;
        if dups > 0 {
            return Err(StoreError::invalid("name", keyplan_domain::Message::new("ws-err-unit-exists")));
        }
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE business_units SET name = $1, version = version + 1, updated_at = $2 \
             WHERE org_id = $3 AND id = $4 AND version = $5 RETURNING {UNIT_COLUMNS}"
        ));
        let updated: Option<BusinessUnit> =
            on_pool!(self, p => sqlx::query_as(sql).bind(name).bind(now()).bind(org).bind(id).bind(version).fetch_optional(p).await)
                .map_err(|e| duplicate_name(e.into()))?;
        match updated {
            Some(u) => Ok(u),
            None => Err(StoreError::Conflict { current: self.business_unit(org, id).await?.version }),
        }
    }

    /// Deletes a business unit with its cells (and their goal links).
    pub async fn delete_business_unit(&self, org: OrgId, id: BusinessUnitId) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query(
            "DELETE FROM goal_links WHERE org_id = $1 AND target_kind = 'cell' \
             AND target_id IN (SELECT id FROM whitespace_cells WHERE org_id = $1 AND business_unit_id = $2)")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("DELETE FROM whitespace_cells WHERE org_id = $1 AND business_unit_id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        let n = on_tx!(self, tx, c => sqlx::query("DELETE FROM business_units WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await
    }

    /// Swaps a business unit with its left (`up`) or right neighbour. Returns false
    /// when it is already first or last. Versions stay as they are.
    pub async fn move_business_unit(&self, org: OrgId, id: BusinessUnitId, up: bool) -> StoreResult<bool> {
        let account = self.business_unit(org, id).await?.account_id;
        let mut tx = self.begin().await?;
        on_tx!(self, tx, c => sqlx::query("UPDATE accounts SET version = version WHERE id = $1")
            .bind(account).execute(c).await.map(|r| r.rows_affected()))?;
        let me: Option<(i32,)> = on_tx!(self, tx, c => sqlx::query_as("SELECT position FROM business_units WHERE org_id = $1 AND id = $2")
            .bind(org).bind(id).fetch_optional(c).await)?;
        let (position,) = me.found()?;
        let sql = if up {
            "SELECT id, position FROM business_units WHERE account_id = $1 AND (position < $2 OR (position = $2 AND id < $3)) \
             ORDER BY position DESC, id DESC LIMIT 1"
        } else {
            "SELECT id, position FROM business_units WHERE account_id = $1 AND (position > $2 OR (position = $2 AND id > $3)) \
             ORDER BY position, id LIMIT 1"
        };
        let other: Option<(BusinessUnitId, i32)> =
            on_tx!(self, tx, c => sqlx::query_as(sql).bind(account).bind(position).bind(id).fetch_optional(c).await)?;
        let Some((other_id, other_pos)) = other else {
            return Ok(false);
        };
        let (mine, theirs) = swapped(position, other_pos, up);
        on_tx!(self, tx, c => sqlx::query("UPDATE business_units SET position = $1 WHERE id = $2").bind(mine).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("UPDATE business_units SET position = $1 WHERE id = $2").bind(theirs).bind(other_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    // --- cells -----------------------------------------------------------------------------

    /// The account's filled cells.
    pub async fn cells(&self, org: OrgId, account: AccountId) -> StoreResult<Vec<Cell>> {
        let sql =
            sqlx::AssertSqlSafe(format!("SELECT {CELL_COLUMNS} FROM whitespace_cells WHERE org_id = $1 AND account_id = $2 ORDER BY id"));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(account).fetch_all(p).await)?)
    }

    pub async fn cell(&self, org: OrgId, id: CellId) -> StoreResult<Cell> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {CELL_COLUMNS} FROM whitespace_cells WHERE org_id = $1 AND id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    async fn cell_at(&self, org: OrgId, offering: OfferingId, unit: BusinessUnitId) -> StoreResult<Option<Cell>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {CELL_COLUMNS} FROM whitespace_cells WHERE org_id = $1 AND offering_id = $2 AND business_unit_id = $3"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(offering).bind(unit).fetch_optional(p).await)?)
    }

    /// Fills, changes or (with `None`) clears the cell of `offering` x `unit`.
    ///
    /// `expected_version` is the version the caller saw: 0 when the cell was empty.
    /// When the stored cell differs, nothing is written and the answer is
    /// [`StoreError::Conflict`] with the stored version (0: the cell is empty now).
    /// Returns the cell, or `None` when it was cleared.
    #[allow(clippy::too_many_arguments)]
    pub async fn set_cell(
        &self,
        org: OrgId,
        account: AccountId,
        offering: OfferingId,
        unit: BusinessUnitId,
        expected_version: i64,
        data: Option<&CellData>,
        actor: UserId,
    ) -> StoreResult<Option<Cell>> {
        self.account(org, account).await?;
        let o = self.offering(org, offering).await.map_err(missing_as("offering_id", "ws-err-no-offering"))?;
        let u = self.business_unit(org, unit).await.map_err(missing_as("business_unit_id", "ws-err-no-unit"))?;
        if u.account_id != account {
            return Err(StoreError::invalid("business_unit_id", keyplan_domain::Message::new("ws-err-other-account")));
        }
        let existing = self.cell_at(org, offering, unit).await?;
        let stored_version = existing.as_ref().map_or(0, |c| c.version);
        if stored_version != expected_version {
            return Err(StoreError::Conflict { current: stored_version });
        }
        match (existing, data) {
            (None, None) => Ok(None),
            (None, Some(d)) => {
                if o.retired {
                    return Err(StoreError::invalid("offering_id", keyplan_domain::Message::new("ws-err-retired")));
                }
                let sql = sqlx::AssertSqlSafe(format!(
                    "INSERT INTO whitespace_cells (org_id, account_id, offering_id, business_unit_id, status, value, note, updated_at, updated_by) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (offering_id, business_unit_id) DO NOTHING RETURNING {CELL_COLUMNS}"
                ));
                let inserted: Option<Cell> = on_pool!(self, p => sqlx::query_as(sql)
                    .bind(org).bind(account).bind(offering).bind(unit).bind(d.status.as_str()).bind(d.value).bind(&d.note)
                    .bind(now()).bind(actor).fetch_optional(p).await)?;
                match inserted {
                    Some(c) => Ok(Some(c)),
                    // Someone filled it a moment ago.
                    None => Err(self.conflict_at(org, offering, unit).await),
                }
            }
            (Some(c), Some(d)) => {
                let sql = sqlx::AssertSqlSafe(format!(
                    "UPDATE whitespace_cells SET status = $1, value = $2, note = $3, version = version + 1, updated_at = $4, updated_by = $5 \
                     WHERE org_id = $6 AND id = $7 AND version = $8 RETURNING {CELL_COLUMNS}"
                ));
                let updated: Option<Cell> = on_pool!(self, p => sqlx::query_as(sql)
                    .bind(d.status.as_str()).bind(d.value).bind(&d.note).bind(now()).bind(actor)
                    .bind(org).bind(c.id).bind(expected_version).fetch_optional(p).await)?;
                match updated {
                    Some(c) => Ok(Some(c)),
                    None => Err(self.conflict_at(org, offering, unit).await),
                }
            }
            (Some(c), None) => {
                let mut tx = self.begin().await?;
                let n = on_tx!(self, tx, t => sqlx::query("DELETE FROM whitespace_cells WHERE org_id = $1 AND id = $2 AND version = $3")
                    .bind(org).bind(c.id).bind(expected_version).execute(t).await.map(|r| r.rows_affected()))?;
                if n == 0 {
                    drop(tx);
                    return Err(self.conflict_at(org, offering, unit).await);
                }
                on_tx!(self, tx, t => sqlx::query("DELETE FROM goal_links WHERE org_id = $1 AND target_kind = 'cell' AND target_id = $2")
                    .bind(org).bind(c.id).execute(t).await.map(|r| r.rows_affected()))?;
                tx.commit().await?;
                Ok(None)
            }
        }
    }

    /// The conflict to report for a cell that changed under the caller.
    async fn conflict_at(&self, org: OrgId, offering: OfferingId, unit: BusinessUnitId) -> StoreError {
        match self.cell_at(org, offering, unit).await {
            Ok(c) => StoreError::Conflict { current: c.map_or(0, |c| c.version) },
            Err(e) => e,
        }
    }

    /// The account's whole matrix in exactly three queries, whatever its size.
    /// Rows: offerings not retired, plus retired ones that still have cells in this
    /// account. (The account itself is not checked: an account of another
    /// organisation simply has no units and no cells here.)
    pub async fn whitespace(&self, org: OrgId, account: AccountId) -> StoreResult<Whitespace> {
        let cols = OFFERING_COLUMNS.split(", ").map(|c| format!("o.{c}")).collect::<Vec<_>>().join(", ");
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {cols} FROM offerings o WHERE o.org_id = $1 AND (o.retired = FALSE OR EXISTS \
             (SELECT 1 FROM whitespace_cells c WHERE c.offering_id = o.id AND c.account_id = $2)) ORDER BY o.position, o.id"
        ));
        let offerings: Vec<Offering> = on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(account).fetch_all(p).await)?;
        let units = self.business_units(org, account).await?;
        let cells = self.cells(org, account).await?;
        Ok(Whitespace { offerings, units, cells })
    }
}
