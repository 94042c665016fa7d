//! The plan coach's storage: the organisation's setting of each rule, and the
//! facts about a plan's life the excellence ladder reads (who besides the KAM
//! wrote in it, its review rhythm, when a customer last opened a share link),
//! gathered in one statement, and the coach's latest mark of each plan, which
//! lists read without running the coach. The score kept with a held review is
//! a column of the review (see `reviews.rs`).

use keyplan_domain::coach::{CoachSettings, RuleId, RuleSetting, Severity};
use keyplan_domain::{OrgId, PlanId, UnknownText, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::OptionalExt;
use crate::{Store, StoreError, StoreResult, Ts, on_pool, on_tx};

/// One rule's change as an administrator sent it: what is `None` keeps the
/// organisation's current setting (the default when it has none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleChange {
    pub rule: RuleId,
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

/// The coach's mark of a plan, kept with a held review.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoachMark {
    /// 0 to 100, one decimal.
    pub score: f64,
    /// 1 to 5.
    pub level: i32,
}

/// The coach's latest mark of a plan, as lists show it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct PlanMark {
    /// 0 to 100, one decimal.
    pub score: f64,
    /// 1 to 5.
    pub level: i32,
    pub blockers: i32,
}

/// What the ladder and the review rule need to know about a plan beyond its
/// content (see [`Store::coach_facts`]).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct CoachFacts {
    pub period_start: Date,
    pub review_cadence_months: i32,
    /// The next review date the team set, if any.
    pub next_review_date: Option<Date>,
    /// The date of the latest held review of any kind.
    pub last_held: Option<Date>,
    /// Someone other than the KAM wrote content in the plan or answered a
    /// commitment (by the plan's history).
    pub others_wrote: bool,
    /// When a customer last opened one of the plan's share links.
    pub last_share_open: Option<OffsetDateTime>,
}

fn corrupt(column: &str, what: &'static str, text: String) -> StoreError {
    StoreError::Corrupt { column: column.into(), value: UnknownText { what, text } }
}

/// The history actions that mean someone wrote content or took on a commitment
/// (not comments, reviews or sharing).
const CONTRIBUTIONS: &str = "'created', 'updated', 'accepted', 'date_proposed'";
const CONTENT_KINDS: &str = "'node', 'item', 'section', 'link', 'kpi'";

impl Store {
    /// The organisation's coach: every rule, as saved, else at its default.
    /// A stored rule id or severity this version does not know fails the read.
    pub async fn coach_settings(&self, org: OrgId) -> StoreResult<CoachSettings> {
        let rows: Vec<(String, bool, String)> = on_pool!(self, p => sqlx::query_as(
            "SELECT rule, enabled, severity FROM coach_rules WHERE org_id = $1 ORDER BY rule")
            .bind(org).fetch_all(p).await)?;
        let mut settings = CoachSettings::default();
        for (rule, enabled, severity) in rows {
            let Some(id) = RuleId::parse(&rule) else { return Err(corrupt("rule", "coach rule", rule)) };
            let Some(severity) = Severity::parse(&severity) else { return Err(corrupt("severity", "coach severity", severity)) };
            settings.set(id, RuleSetting { enabled, severity });
        }
        Ok(settings)
    }

    /// Applies the changes, all or nothing, and answers the settings as they
    /// now are. Each rule is written in one statement that keeps what the change
    /// leaves out, so two administrators changing different rules (or different
    /// halves of one) never undo each other.
    pub async fn set_coach_rules(&self, org: OrgId, changes: &[RuleChange]) -> StoreResult<CoachSettings> {
        self.org(org).await?;
        let mut tx = self.begin().await?;
        for c in changes {
            let enabled = c.enabled.unwrap_or(true);
            let severity = c.severity.unwrap_or(c.rule.default_severity());
            on_tx!(self, tx, conn => sqlx::query(
                "INSERT INTO coach_rules (org_id, rule, enabled, severity) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (org_id, rule) DO UPDATE SET enabled = COALESCE($5, coach_rules.enabled), \
                 severity = COALESCE($6, coach_rules.severity)")
                .bind(org).bind(c.rule.as_str()).bind(enabled).bind(severity.as_str())
                .bind(c.enabled).bind(c.severity.map(Severity::as_str))
                .execute(conn).await.map(|r| r.rows_affected()))?;
        }
        tx.commit().await?;
        self.coach_settings(org).await
    }

    /// The plan's review rhythm, whether anyone but `kam` (the account's owner)
    /// wrote in it, and the last time a visitor (not the team checking its own
    /// link) opened one of its share links: one statement.
    pub async fn coach_facts(&self, org: OrgId, plan: PlanId, kam: Option<UserId>) -> StoreResult<CoachFacts> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT p.period_start, p.review_cadence_months, p.next_review_date, \
             (SELECT MAX(r.review_date) FROM reviews r WHERE r.org_id = p.org_id AND r.plan_id = p.id AND r.held_at IS NOT NULL) AS last_held, \
             EXISTS (SELECT 1 FROM activity a WHERE a.org_id = p.org_id AND a.plan_id = p.id AND a.actor_id IS NOT NULL \
               AND ($3 IS NULL OR a.actor_id <> $3) AND a.action IN ({CONTRIBUTIONS}) AND a.target_kind IN ({CONTENT_KINDS})) AS others_wrote, \
             (SELECT MAX(o.opened_at) FROM share_link_openings o JOIN share_links s ON s.id = o.share_link_id \
               WHERE s.org_id = p.org_id AND s.plan_id = p.id AND NOT o.by_team) AS last_share_open \
             FROM plans p WHERE p.org_id = $1 AND p.id = $2"
        ));
        on_pool!(self, p => sqlx::query_as(sql).bind(org).bind(plan).bind(kam).fetch_optional(p).await)?.found()
    }

    /// Keeps the coach's mark of a plan read at `read_at`, unless a mark read
    /// later is already kept (two writers finishing out of order).
    pub async fn set_plan_mark(&self, org: OrgId, plan: PlanId, mark: PlanMark, read_at: OffsetDateTime) -> StoreResult<()> {
        const SQL: &str = "INSERT INTO plan_coach_marks (plan_id, org_id, score, level, blockers, computed_at) \
            SELECT p.id, p.org_id, $3, $4, $5, $6 FROM plans p WHERE p.org_id = $1 AND p.id = $2 \
            ON CONFLICT (plan_id) DO UPDATE SET score = excluded.score, level = excluded.level, blockers = excluded.blockers, \
              computed_at = excluded.computed_at WHERE plan_coach_marks.computed_at <= excluded.computed_at";
        on_pool!(self, p => sqlx::query(SQL).bind(org).bind(plan).bind(mark.score).bind(mark.level).bind(mark.blockers).bind(Ts(micros(read_at)))
            .execute(p).await.map(|_| ()))?;
        Ok(())
    }

    /// The coach's kept mark of a plan, if it has one.
    pub async fn plan_mark(&self, org: OrgId, plan: PlanId) -> StoreResult<Option<PlanMark>> {
        const SQL: &str = "SELECT score, level, blockers FROM plan_coach_marks WHERE org_id = $1 AND plan_id = $2";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(org).bind(plan).fetch_optional(p).await)?)
    }

    /// Plans whose mark is older than `before` or missing, oldest first, at
    /// most `limit` of them, across organisations: for the job that keeps
    /// marks current (rules that read today's date change without an edit).
    pub async fn plans_to_mark(&self, before: OffsetDateTime, limit: i64) -> StoreResult<Vec<(OrgId, PlanId)>> {
        const SQL: &str = "SELECT p.org_id, p.id FROM plans p LEFT JOIN plan_coach_marks m ON m.plan_id = p.id \
            WHERE m.plan_id IS NULL OR m.computed_at < $1 ORDER BY m.computed_at IS NOT NULL, m.computed_at, p.id LIMIT $2";
        Ok(on_pool!(self, p => sqlx::query_as(SQL).bind(Ts(before)).bind(limit).fetch_all(p).await)?)
    }

    /// Forgets the marks of every plan of the organisation (its coach settings
    /// changed): the job marks them again.
    pub async fn forget_plan_marks(&self, org: OrgId) -> StoreResult<()> {
        on_pool!(self, p => sqlx::query("DELETE FROM plan_coach_marks WHERE org_id = $1").bind(org).execute(p).await.map(|_| ()))?;
        Ok(())
    }
}

/// `t` to the microsecond, as PostgreSQL keeps it (both databases then agree).
fn micros(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(t.nanosecond() / 1000 * 1000).unwrap_or(t)
}
