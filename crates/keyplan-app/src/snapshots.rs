//! The current plan as a [`PlanSnapshot`]: what a held review freezes and what
//! "what changed" compares. Built from the [`PlanBundle`] the plan page loads, plus
//! the plan's KPIs, so it needs no queries of its own beyond those.

use keyplan_domain::snapshot::{PlanSnapshot, SnapActual, SnapContact, SnapItem, SnapKpi, SnapLink, SnapNode, SnapSection};
use keyplan_domain::tree::TreeNode;
use keyplan_domain::validate::format_date;
use keyplan_domain::{OrgId, PlanId, SnapshotId};
use keyplan_store::{Kpi, KpiActual, Store};

use crate::AppError;
use crate::Result;
use crate::bundle::PlanBundle;
use crate::num;

/// The plan as it stands now. Snapshots keep section titles as the template
/// stores them (English for built-in ones), whoever holds the review.
pub async fn current(store: &Store, org: OrgId, plan: PlanId) -> Result<PlanSnapshot> {
    let (b, kpis, actuals) = tokio::try_join!(
        crate::bundle::plan_bundle_for(store, org, None, plan, keyplan_domain::Lang::En),
        async { store.kpis(org, plan).await.map_err(AppError::from) },
        async { store.kpi_actuals(org, plan).await.map_err(AppError::from) },
    )?;
    Ok(from_bundle(&b, &kpis, &actuals))
}

/// A stored snapshot of `plan` (not found when it belongs to another plan or organisation).
pub async fn stored(store: &Store, org: OrgId, plan: PlanId, id: SnapshotId) -> Result<PlanSnapshot> {
    let s = store.snapshot(org, id).await?;
    if s.info.plan_id != plan {
        return Err(AppError::NotFound);
    }
    serde_json::from_str(&s.data).map_err(|e| AppError::Internal(anyhow::anyhow!("snapshot {id} does not load: {e}")))
}

/// A version of a plan as the user names it: a snapshot id or `current`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Current,
    Snapshot(SnapshotId),
}

impl Version {
    pub fn parse(raw: &str) -> Option<Version> {
        match raw.trim() {
            "" | "current" => Some(Version::Current),
            s => s.parse::<i64>().ok().filter(|n| *n > 0).map(|n| Version::Snapshot(SnapshotId::new(n))),
        }
    }
    pub fn as_param(self) -> String {
        match self {
            Version::Current => "current".into(),
            Version::Snapshot(id) => id.to_string(),
        }
    }
}

pub async fn load(store: &Store, org: OrgId, plan: PlanId, v: Version) -> Result<PlanSnapshot> {
    match v {
        Version::Current => current(store, org, plan).await,
        Version::Snapshot(id) => stored(store, org, plan, id).await,
    }
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn date(v: Option<time::Date>) -> String {
    v.map(format_date).unwrap_or_default()
}

fn number(v: Option<f64>) -> String {
    v.map(num).unwrap_or_default()
}

pub fn from_bundle(b: &PlanBundle, kpis: &[Kpi], actuals: &[KpiActual]) -> PlanSnapshot {
    let mut nodes = Vec::new();
    fn walk(b: &PlanBundle, list: &[TreeNode], out: &mut Vec<SnapNode>) {
        for t in list {
            let n = &t.node;
            out.push(SnapNode {
                id: n.id.get(),
                parent_id: n.parent_id.map(|p| p.get()),
                kind: n.kind().label().to_string(),
                title: n.title.clone(),
                notes: text(&n.notes),
                metric: text(n.metric()),
                baseline: number(n.baseline()),
                target: number(n.target()),
                unit: text(n.unit()),
                target_date: date(n.target_date()),
                benefit: n.benefit().map(|x| x.label().to_string()).unwrap_or_default(),
                owner: b.user_name(n.owner_id()).unwrap_or_default().to_string(),
                contact: b.contact_name(n.contact_id()).unwrap_or_default().to_string(),
                start_date: date(n.start_date()),
                due_date: date(n.due_date()),
                done_criterion: text(n.done_criterion()),
                how: text(n.how()),
                status: n.status().map(|s| s.label().to_string()).unwrap_or_default(),
                acceptance: n.acceptance().map(|a| a.label().to_string()).unwrap_or_default(),
            });
            walk(b, &t.children, out);
        }
    }
    walk(b, &b.tree, &mut nodes);
    let node_title = |id: i64| nodes.iter().find(|n| n.id == id).map(|n| n.title.clone()).unwrap_or_else(|| format!("#{id}"));
    let section_title =
        |key: &str| b.doc.sections.iter().find(|s| s.key == key).map(|s| s.title.clone()).unwrap_or_else(|| key.to_string());
    let items: Vec<SnapItem> = b
        .items
        .iter()
        .map(|i| SnapItem {
            id: i.id.get(),
            label: i.label().to_string(),
            text: i.text.clone(),
            source: text(&i.source),
            response: text(&i.response),
        })
        .collect();
    let links = b
        .links
        .iter()
        .map(|l| {
            let target = match l.target_kind.as_str() {
                "item" => items.iter().find(|i| i.id == l.target_id).map(|i| i.text.clone()),
                "contact" => b.contacts.iter().find(|c| c.id.get() == l.target_id).map(|c| c.name.clone()),
                "section" => {
                    b.sections.iter().find(|s| s.id.get() == l.target_id).map(|s| format!("{} (so what)", section_title(&s.section_key)))
                }
                _ => None,
            }
            .unwrap_or_else(|| format!("{} #{}", l.target_kind.as_str(), l.target_id));
            SnapLink { id: l.id.get(), goal: node_title(l.goal_id.get()), target }
        })
        .collect();
    let sections = b
        .sections
        .iter()
        .filter(|s| s.body.is_some() || s.so_what.is_some())
        .map(|s| SnapSection {
            key: s.section_key.clone(),
            title: section_title(&s.section_key),
            body: text(&s.body),
            so_what: text(&s.so_what),
        })
        .collect();
    let kpis = kpis
        .iter()
        .map(|k| {
            let latest = actuals.iter().filter(|a| a.kpi_id == k.id).max_by_key(|a| a.period_start);
            SnapKpi {
                id: k.id.get(),
                name: k.name.clone(),
                unit: text(&k.unit),
                baseline: number(k.baseline),
                target: number(k.target),
                target_date: date(k.target_date),
                latest_actual: latest.map(|a| format!("{} ({})", num(a.value), format_date(a.period_start))).unwrap_or_default(),
                actuals: {
                    let period = k.period;
                    let mut mine: Vec<&KpiActual> = actuals.iter().filter(|a| a.kpi_id == k.id).collect();
                    mine.sort_by_key(|a| a.period_start);
                    mine.iter()
                        .map(|a| SnapActual {
                            period_start: format_date(a.period_start),
                            period: period.label_of(a.period_start),
                            value: num(a.value),
                            note: text(&a.note),
                            recorded_by: b.user_name(a.recorded_by).unwrap_or_default().to_string(),
                        })
                        .collect()
                },
            }
        })
        .collect();
    let contact_name = |id: Option<keyplan_domain::ContactId>| b.contact_name(id).unwrap_or_default().to_string();
    let contacts = b
        .contacts
        .iter()
        .map(|c| SnapContact {
            id: c.id.get(),
            name: c.name.clone(),
            title: text(&c.title),
            role: c.buying_role().map(|r| r.label().to_string()).unwrap_or_default(),
            influence: c.influence.map(|i| i.to_string()).unwrap_or_default(),
            attitude: c.attitude().map(|a| a.label().to_string()).unwrap_or_default(),
            reports_to: contact_name(c.reports_to_id),
            relationship_owner: b.user_name(c.relationship_owner_id).unwrap_or_default().to_string(),
        })
        .collect();
    PlanSnapshot {
        title: b.plan.title.clone(),
        status: b.plan.status().label().to_string(),
        period_start: format_date(b.plan.period_start),
        period_end: format_date(b.plan.period_end),
        nodes,
        items,
        sections,
        kpis,
        contacts,
        links,
    }
}
