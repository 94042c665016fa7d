//! Plan templates and their versions.
//!
//! A template row holds what may change without touching plans (its position in
//! the list, whether it is retired, which version is current); the content lives
//! in `template_versions`, which are never changed once written. Saving a changed
//! template writes version n+1; plans keep pointing at the version they were made with.

use keyplan_domain::builtin::builtin_templates;
use keyplan_domain::template::{FORMAT, FORMAT_VERSION, Section, TemplateDoc};
use keyplan_domain::{OrgId, TemplateId, TemplateVersionId, UserId};
use serde::Serialize;
use time::OffsetDateTime;

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, now, on_pool, on_tx};

/// A template with its current version's content.
#[derive(Clone, Debug, sqlx::FromRow, Serialize)]
pub struct Template {
    pub id: TemplateId,
    pub key: String,
    pub position: i32,
    pub retired: bool,
    pub current_version: i32,
    pub version: i64,
    pub updated_at: OffsetDateTime,
    pub version_id: TemplateVersionId,
    pub name: String,
    pub description: String,
    pub budget_pages: f64,
    #[serde(skip)]
    pub sections: String,
    /// Plans made from any version of this template.
    pub plans: i64,
}

/// One stored version of a template.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, serde::Deserialize)]
pub struct TemplateVersion {
    pub id: TemplateVersionId,
    pub template_id: TemplateId,
    pub key: String,
    pub number: i32,
    pub name: String,
    pub description: String,
    pub budget_pages: f64,
    #[serde(skip_serializing)]
    pub sections: String,
    #[serde(deserialize_with = "crate::json_rows::ts")]
    pub created_at: OffsetDateTime,
    pub created_by: Option<UserId>,
    pub author_name: Option<String>,
}

fn parse_sections(json: &str) -> Vec<Section> {
    serde_json::from_str(json).unwrap_or_else(|e| {
        tracing::error!(error = %e, "stored template sections are not valid JSON");
        Vec::new()
    })
}

impl Template {
    pub fn doc(&self) -> TemplateDoc {
        TemplateDoc {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            key: self.key.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            budget_pages: self.budget_pages,
            sections: parse_sections(&self.sections),
        }
    }
}

impl TemplateVersion {
    pub fn doc(&self) -> TemplateDoc {
        TemplateDoc {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            key: self.key.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            budget_pages: self.budget_pages,
            sections: parse_sections(&self.sections),
        }
    }
}

/// What an import did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Created,
    NewVersion,
    Unchanged,
}

const TEMPLATE_SELECT: &str = "SELECT t.id, t.key, t.position, t.retired, t.current_version, t.version, t.updated_at, \
    v.id AS version_id, v.name, v.description, v.budget_pages, v.sections, \
    (SELECT COUNT(*) FROM plans p JOIN template_versions pv ON pv.id = p.template_version_id WHERE pv.template_id = t.id) AS plans \
    FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.number = t.current_version";

pub(crate) const VERSION_COLUMNS: &str = "v.id, v.template_id, t.key, v.number, v.name, v.description, v.budget_pages, v.sections, \
    v.created_at, v.created_by, u.name AS author_name";
const VERSION_FROM: &str = "FROM template_versions v JOIN templates t ON t.id = v.template_id LEFT JOIN users u ON u.id = v.created_by";

fn sections_json(doc: &TemplateDoc) -> StoreResult<String> {
    serde_json::to_string(&doc.sections).map_err(|e| StoreError::Config(format!("cannot write template sections: {e}")))
}

fn check(doc: &TemplateDoc) -> StoreResult<()> {
    doc.validate().map_err(|mut e| StoreError::Invalid(e.remove(0)))
}

impl Store {
    /// The organisation's templates in their order; retired ones only when asked.
    pub async fn templates(&self, org: OrgId, include_retired: bool) -> StoreResult<Vec<Template>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "{TEMPLATE_SELECT} WHERE t.org_id = $1 AND (t.retired = FALSE OR $2) ORDER BY t.retired, t.position, t.id"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(include_retired).fetch_all(p).await)?)
    }

    pub async fn template(&self, org: OrgId, id: TemplateId) -> StoreResult<Template> {
        let sql = sqlx::AssertSqlSafe(format!("{TEMPLATE_SELECT} WHERE t.org_id = $1 AND t.id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    pub async fn template_by_key(&self, org: OrgId, key: &str) -> StoreResult<Template> {
        let sql = sqlx::AssertSqlSafe(format!("{TEMPLATE_SELECT} WHERE t.org_id = $1 AND t.key = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(key).fetch_optional(p).await)?.found()
    }

    /// One version, such as the one a plan was made with.
    pub async fn template_version(&self, org: OrgId, id: TemplateVersionId) -> StoreResult<TemplateVersion> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE v.org_id = $1 AND v.id = $2"));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(p).await)?.found()
    }

    /// Every version of a template, newest first.
    pub async fn template_versions(&self, org: OrgId, id: TemplateId) -> StoreResult<Vec<TemplateVersion>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE v.org_id = $1 AND v.template_id = $2 ORDER BY v.number DESC"
        ));
        Ok(on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(id).fetch_all(p).await)?)
    }

    /// Creates a template (version 1) at the end of the list.
    pub async fn create_template(&self, org: OrgId, doc: &TemplateDoc, actor: Option<UserId>) -> StoreResult<Template> {
        check(doc)?;
        let sections = sections_json(doc)?;
        let mut tx = self.begin().await?;
        let (next,): (i32,) = on_tx!(self, tx, c => sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM templates WHERE org_id = $1")
            .bind(org).fetch_one(c).await)?;
        let inserted: Result<(TemplateId,), sqlx::Error> = on_tx!(self, tx, c => sqlx::query_as(
            "INSERT INTO templates (org_id, key, position, current_version, created_at, updated_at, updated_by) \
             VALUES ($1, $2, $3, 1, $4, $4, $5) RETURNING id")
            .bind(org).bind(&doc.key).bind(next).bind(now()).bind(actor).fetch_one(c).await);
        let (id,) = match inserted.map_err(StoreError::from) {
            Err(e) if e.is_unique_violation() => {
                return Err(StoreError::invalid("key", keyplan_domain::Message::new("err-template-exists").arg("key", doc.key.as_str())));
            }
            other => other?,
        };
        on_tx!(self, tx, c => sqlx::query(
            "INSERT INTO template_versions (org_id, template_id, number, name, description, budget_pages, sections, created_at, created_by) \
             VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8)")
            .bind(org).bind(id).bind(&doc.name).bind(&doc.description).bind(doc.budget_pages).bind(&sections).bind(now()).bind(actor)
            .execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        self.template(org, id).await
    }

    /// Saves new content for a template last read at `version`. Unchanged content
    /// writes nothing; changed content becomes the next version. The key stays.
    pub async fn save_template(
        &self,
        org: OrgId,
        id: TemplateId,
        version: i64,
        doc: &TemplateDoc,
        actor: Option<UserId>,
    ) -> StoreResult<(Template, bool)> {
        let current = self.template(org, id).await?;
        if current.version != version {
            return Err(StoreError::Conflict { current: current.version });
        }
        let mut doc = doc.clone();
        doc.key = current.key.clone();
        check(&doc)?;
        if current.doc().same_content(&doc) {
            return Ok((current, false));
        }
        let sections = sections_json(&doc)?;
        let mut tx = self.begin().await?;
        let bumped = on_tx!(self, tx, c => sqlx::query(
            "UPDATE templates SET current_version = current_version + 1, version = version + 1, updated_at = $1, updated_by = $2 \
             WHERE org_id = $3 AND id = $4 AND version = $5")
            .bind(now()).bind(actor).bind(org).bind(id).bind(version).execute(c).await.map(|r| r.rows_affected()))?;
        if bumped == 0 {
            drop(tx);
            return Err(StoreError::Conflict { current: self.template(org, id).await?.version });
        }
        on_tx!(self, tx, c => sqlx::query(
            "INSERT INTO template_versions (org_id, template_id, number, name, description, budget_pages, sections, created_at, created_by) \
             SELECT $1, $2, current_version, $3, $4, $5, $6, $7, $8 FROM templates WHERE id = $2")
            .bind(org).bind(id).bind(&doc.name).bind(&doc.description).bind(doc.budget_pages).bind(&sections).bind(now()).bind(actor)
            .execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok((self.template(org, id).await?, true))
    }

    /// Imports a template file: a new key creates a template, a known key gets a new
    /// version when the content differs.
    pub async fn import_template(&self, org: OrgId, doc: &TemplateDoc, actor: Option<UserId>) -> StoreResult<(Template, ImportOutcome)> {
        check(doc)?;
        match self.template_by_key(org, &doc.key).await {
            Ok(existing) => {
                let (t, changed) = self.save_template(org, existing.id, existing.version, doc, actor).await?;
                Ok((t, if changed { ImportOutcome::NewVersion } else { ImportOutcome::Unchanged }))
            }
            Err(StoreError::NotFound) => Ok((self.create_template(org, doc, actor).await?, ImportOutcome::Created)),
            Err(e) => Err(e),
        }
    }

    /// Retires a template (no longer offered for new plans) or brings it back.
    pub async fn set_template_retired(
        &self,
        org: OrgId,
        id: TemplateId,
        version: i64,
        retired: bool,
        actor: UserId,
    ) -> StoreResult<Template> {
        let n = on_pool!(self, p => sqlx::query(
            "UPDATE templates SET retired = $1, version = version + 1, updated_at = $2, updated_by = $3 WHERE org_id = $4 AND id = $5 AND version = $6")
            .bind(retired).bind(now()).bind(actor).bind(org).bind(id).bind(version).execute(p).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Err(StoreError::Conflict { current: self.template(org, id).await?.version });
        }
        self.template(org, id).await
    }

    /// Swaps a template with its neighbour in the list. False when already at the end.
    pub async fn move_template(&self, org: OrgId, id: TemplateId, up: bool) -> StoreResult<bool> {
        let me = self.template(org, id).await?;
        let mut tx = self.begin().await?;
        let sql = if up {
            "SELECT id, position FROM templates WHERE org_id = $1 AND retired = $2 AND (position < $3 OR (position = $3 AND id < $4)) \
             ORDER BY position DESC, id DESC LIMIT 1"
        } else {
            "SELECT id, position FROM templates WHERE org_id = $1 AND retired = $2 AND (position > $3 OR (position = $3 AND id > $4)) \
             ORDER BY position, id LIMIT 1"
        };
        let other: Option<(TemplateId, i32)> = on_tx!(self, tx, c => sqlx::query_as(sql)
            .bind(org).bind(me.retired).bind(me.position).bind(id).fetch_optional(c).await)?;
        let Some((other_id, other_pos)) = other else { return Ok(false) };
        let (a, b) = crate::swapped(me.position, other_pos, up);
        on_tx!(self, tx, c => sqlx::query("UPDATE templates SET position = $1 WHERE id = $2").bind(a).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        on_tx!(self, tx, c => sqlx::query("UPDATE templates SET position = $1 WHERE id = $2").bind(b).bind(other_id).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await?;
        Ok(true)
    }

    /// Gives an organisation its copies of the built-in templates, once: a company
    /// that deleted or renamed nothing still sees them; one that has its own
    /// templates keeps them as they are.
    pub async fn ensure_builtin_templates(&self, org: OrgId) -> StoreResult<()> {
        let (n,): (i64,) =
            on_pool!(self, p => sqlx::query_as("SELECT COUNT(*) FROM templates WHERE org_id = $1").bind(org).fetch_one(p).await)?;
        if n > 0 {
            return Ok(());
        }
        for doc in builtin_templates() {
            match self.create_template(org, &doc, None).await {
                Ok(_) => {}
                // Another server process seeded the same organisation at the same moment.
                Err(StoreError::Invalid(e)) if e.field == "key" => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Seeds every organisation's templates and files plans made before templates
    /// were versioned under version 1 of their template. Run after migrations.
    pub(crate) async fn seed_templates(&self) -> StoreResult<()> {
        let orgs: Vec<(OrgId,)> = on_pool!(self, p => sqlx::query_as("SELECT id FROM organisations ORDER BY id").fetch_all(p).await)?;
        for (org,) in orgs {
            self.ensure_builtin_templates(org).await?;
        }
        on_pool!(self, p => sqlx::query(
            "UPDATE plans SET template_version_id = (SELECT v.id FROM template_versions v JOIN templates t ON t.id = v.template_id \
             WHERE t.org_id = plans.org_id AND t.key = plans.template AND v.number = 1) WHERE template_version_id IS NULL")
            .execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
