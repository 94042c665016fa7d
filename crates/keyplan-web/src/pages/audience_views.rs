//! What the audience views show: the customer excerpt (also the share page)
//! and the management briefing, built from an already redacted bundle.

use keyplan_domain::analysis::{Category, ItemKind};
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Health, NodeKind, TreeNode};

use crate::service::PlanBundle;
use crate::views;

pub struct Line {
    pub depth: usize,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub title: String,
    pub detail: String,
    pub done: bool,
}

pub struct GoalView {
    pub title: String,
    pub measure: String,
    pub health: &'static str,
    pub health_label: &'static str,
    pub lines: Vec<Line>,
}

pub struct ItemLine {
    pub label: &'static str,
    pub text: String,
    pub response: String,
}

pub struct SecView {
    pub title: String,
    pub items: Vec<ItemLine>,
    pub paragraphs: Vec<String>,
    pub so_what: String,
}

pub struct KpiLine {
    pub name: String,
    pub target: String,
    pub latest: String,
}

/// The plan as the customer reads it.
pub struct Excerpt {
    pub title: String,
    pub account: String,
    pub period: String,
    pub goals: Vec<GoalView>,
    pub sections: Vec<SecView>,
    pub kpis: Vec<KpiLine>,
}

impl Excerpt {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.sections.is_empty() && self.kpis.is_empty()
    }
}

fn lines(b: &PlanBundle, t: &TreeNode, depth: usize, out: &mut Vec<Line>) {
    let n = &t.node;
    let detail = if n.kind == NodeKind::Commitment {
        let mut parts = Vec::new();
        if let Some(who) = b.user_name(n.owner_id) {
            parts.push(who.to_string());
        }
        if let Some(c) = b.contact_name(n.contact_id) {
            parts.push(format!("with {c}"));
        }
        if let Some(d) = n.due_date {
            parts.push(format!("due {}", views::date(d)));
        }
        if let Some(c) = &n.done_criterion {
            parts.push(format!("done when: {c}"));
        }
        parts.join(" · ")
    } else {
        String::new()
    };
    out.push(Line {
        depth,
        kind: n.kind.as_str(),
        kind_label: n.kind.label(),
        title: n.title.clone(),
        detail,
        done: t.health == Health::Resolved,
    });
    for c in &t.children {
        lines(b, c, depth + 1, out);
    }
}

pub fn excerpt(b: &PlanBundle) -> Excerpt {
    let goals = b
        .tree
        .iter()
        .map(|g| {
            let mut ls = Vec::new();
            for c in &g.children {
                lines(b, c, 0, &mut ls);
            }
            GoalView {
                title: g.node.title.clone(),
                measure: crate::plan_content::goal_measure(&g.node),
                health: g.health.as_str(),
                health_label: g.health.label(),
                lines: ls,
            }
        })
        .collect();
    let mut sections = Vec::new();
    for s in &b.doc.sections {
        if matches!(s.kind, SectionKind::ConstraintTree | SectionKind::StakeholderMap | SectionKind::Whitespace) {
            continue;
        }
        let items: Vec<ItemLine> = b
            .items_of(&s.key)
            .map(|i| ItemLine { label: i.label(), text: i.text.clone(), response: i.response.clone().unwrap_or_default() })
            .collect();
        let text = b.section_text(&s.key);
        let paragraphs: Vec<String> = text
            .and_then(|t| t.body.as_deref())
            .map(|body| body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect())
            .unwrap_or_default();
        let so_what = text.and_then(|t| t.so_what.clone()).unwrap_or_default();
        if items.is_empty() && paragraphs.is_empty() && so_what.is_empty() {
            continue;
        }
        sections.push(SecView { title: s.title.clone(), items, paragraphs, so_what });
    }
    let kpis = b
        .kpis
        .iter()
        .map(|k| {
            let unit = k.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            let latest = b.kpi_actuals.iter().filter(|a| a.kpi_id == k.id).max_by_key(|a| a.period_start);
            KpiLine {
                name: k.name.clone(),
                target: k.target.map(|t| format!("{}{unit}", views::figure(t))).unwrap_or_default(),
                latest: latest.map(|a| format!("{}{unit} ({})", views::figure(a.value), views::date(a.period_start))).unwrap_or_default(),
            }
        })
        .collect();
    Excerpt {
        title: b.plan.title.clone(),
        account: b.account.name.clone(),
        period: format!("{} – {}", views::date(b.plan.period_start), views::date(b.plan.period_end)),
        goals,
        sections,
        kpis,
    }
}

pub struct Flagged {
    pub title: String,
    pub why: String,
}

/// The one-screen summary for management.
pub struct Briefing {
    pub goals: Vec<GoalView>,
    pub percent: u32,
    pub progress: String,
    pub risks: Vec<ItemLine>,
    pub obstacles: Vec<Flagged>,
    pub at_risk: Vec<Flagged>,
}

/// How many risks, obstacles and commitments a briefing lists: it has to fit one screen.
const TOP: usize = 5;

pub fn briefing(b: &PlanBundle) -> Briefing {
    let s = &b.summary;
    let goals = b
        .tree
        .iter()
        .map(|g| GoalView {
            title: g.node.title.clone(),
            measure: crate::plan_content::goal_measure(&g.node),
            health: g.health.as_str(),
            health_label: g.health.label(),
            lines: Vec::new(),
        })
        .collect();
    let risks = b
        .items
        .iter()
        .filter(|i| i.kind() == ItemKind::Risk || (i.kind() == ItemKind::Swot && i.category() == Some(Category::Threat)))
        .take(TOP)
        .map(|i| ItemLine { label: i.label(), text: i.text.clone(), response: i.response.clone().unwrap_or_default() })
        .collect();
    let mut obstacles = Vec::new();
    let mut at_risk = Vec::new();
    fn walk(b: &PlanBundle, t: &TreeNode, obstacles: &mut Vec<Flagged>, at_risk: &mut Vec<Flagged>) {
        let n = &t.node;
        if n.kind == NodeKind::Obstacle && t.health != Health::Resolved {
            let open = t.children.iter().filter(|c| c.node.is_accepted_commitment()).count();
            let why = if open == 0 { "no accepted commitment removes it yet".to_string() } else { t.health.label().to_string() };
            obstacles.push(Flagged { title: n.title.clone(), why });
        }
        if n.kind == NodeKind::Commitment {
            let who = b.user_name(n.owner_id).unwrap_or("nobody");
            let why = match n.acceptance {
                Some(Acceptance::Declined) => Some(format!("declined by {who}")),
                Some(Acceptance::Proposed) => Some(format!("waiting for {who} to accept")),
                Some(Acceptance::DateProposed) => Some(format!("{who} proposed another date")),
                _ if n.status == Some(CommitmentStatus::Missed) => Some(format!("missed — {who}")),
                _ if t.overdue => Some(format!("overdue since {} — {who}", views::opt_date(n.due_date))),
                _ => None,
            };
            if let Some(why) = why {
                at_risk.push(Flagged { title: n.title.clone(), why });
            }
        }
        for c in &t.children {
            walk(b, c, obstacles, at_risk);
        }
    }
    for t in &b.tree {
        walk(b, t, &mut obstacles, &mut at_risk);
    }
    obstacles.truncate(TOP);
    at_risk.truncate(TOP);
    Briefing {
        goals,
        percent: s.percent_resolved as u32,
        progress: format!(
            "{} of {} obstacles overcome · {} of {} conditions met · {} accepted commitments, {} done, {} overdue",
            s.obstacles_overcome,
            s.obstacles,
            s.conditions_met,
            s.conditions,
            s.commitments_accepted,
            s.commitments_done,
            s.commitments_overdue
        ),
        risks,
        obstacles,
        at_risk,
    }
}
