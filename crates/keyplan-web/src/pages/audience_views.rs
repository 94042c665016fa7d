//! What the audience views show: the customer excerpt (also the share page,
//! with its joint commitments and, there, the visitor's threads and forms)
//! and the management briefing, built from an already redacted bundle.

use std::collections::HashMap;

use keyplan_domain::analysis::{Category, ItemKind};
use keyplan_domain::template::SectionKind;
use keyplan_domain::tree::{Health, NodeKind, TreeNode};

use keyplan_app::bundle::PlanBundle;
use keyplan_i18n::Tr;

pub struct Line {
    /// The thread of comments on it (`node:12`).
    pub thread: String,
    pub depth: usize,
    pub kind: &'static str,
    pub kind_label: String,
    pub title: String,
    pub detail: String,
    pub done: bool,
}

pub struct GoalView {
    pub thread: String,
    pub title: String,
    pub measure: String,
    pub health: &'static str,
    pub health_label: String,
    pub lines: Vec<Line>,
}

pub struct ItemLine {
    pub thread: String,
    pub label: String,
    pub text: String,
    pub response: String,
}

pub struct SecView {
    /// The thread on the section's text (`section:4`); empty when only its items are shared.
    pub thread: String,
    pub title: String,
    pub items: Vec<ItemLine>,
    pub paragraphs: Vec<String>,
    pub so_what: String,
}

pub struct KpiLine {
    pub thread: String,
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
    /// Commitments offered to the customer, with their answers.
    pub joint: Vec<JointView>,
    /// On the share page: the visitor's threads and forms.
    pub discuss: Option<Discuss>,
}

/// A joint commitment as the customer reads it.
pub struct JointView {
    pub node_id: i64,
    pub thread: String,
    pub title: String,
    /// Who on our side owns it, and the contact named on the customer's side.
    pub owner: String,
    pub contact: String,
    pub due: String,
    pub done_criterion: String,
    /// How our side will deliver it.
    pub how: String,
    /// `open`, `accepted` or `declined`.
    pub answer: &'static str,
    /// "Accepted by Dana Ruiz on 5 May 2026", "Awaiting your answer".
    pub answer_line: String,
    /// Why it was declined (only on the link the answer came through).
    pub reason: String,
}

/// A visitor's comment in a thread of the share page.
pub struct ThreadComment {
    pub id: i64,
    pub author: String,
    pub initials: String,
    pub when: String,
    pub body: String,
}

/// What a form of the share page showed when it was refused: its values and
/// the problems, each with the field named in words.
#[derive(Default)]
pub struct FormState {
    /// `comment:node:12` or `answer:12`.
    pub form: String,
    pub values: HashMap<String, String>,
    pub errors: HashMap<String, String>,
}

/// The share page's interactive part: where its forms post, the form token,
/// the name the visitor gave last time, the threads by target, and a refused form.
pub struct Discuss {
    pub action: String,
    pub csrf: String,
    pub name: String,
    pub threads: HashMap<String, Vec<ThreadComment>>,
    pub failed: Option<FormState>,
}

impl Discuss {
    /// The comments on `target` (`plan`, `node:12`, ...) this link's visitors may read.
    pub fn thread(&self, target: impl std::fmt::Display) -> &[ThreadComment] {
        self.threads.get(&target.to_string()).map(Vec::as_slice).unwrap_or(&[])
    }
    /// Whether the comment form on `target` was refused (shown open, with its problems).
    pub fn comment_open(&self, target: impl std::fmt::Display) -> bool {
        self.is_open(&format!("comment:{target}"))
    }
    /// A field of the comment form on `target`.
    pub fn cv(&self, target: impl std::fmt::Display, field: &str) -> &str {
        self.v(&format!("comment:{target}"), field)
    }
    pub fn ce(&self, target: impl std::fmt::Display, field: &str) -> Option<&str> {
        self.e(&format!("comment:{target}"), field)
    }
    /// A field of the answer form of the joint commitment `node`.
    pub fn av(&self, node: impl std::fmt::Display, field: &str) -> &str {
        self.v(&format!("answer:{node}"), field)
    }
    pub fn ae(&self, node: impl std::fmt::Display, field: &str) -> Option<&str> {
        self.e(&format!("answer:{node}"), field)
    }
    /// Whether the refused answer to `node` was a decline (its form opens again).
    pub fn declining(&self, node: impl std::fmt::Display) -> bool {
        self.av(node, "answer") == "decline"
    }
    fn is_open(&self, form: &str) -> bool {
        self.failed.as_ref().is_some_and(|f| f.form == form)
    }
    /// What was typed into the refused form, else (for the name) the visitor's name.
    fn v(&self, form: &str, field: &str) -> &str {
        match &self.failed {
            Some(f) if f.form == form => f.values.get(field).map(String::as_str).unwrap_or(""),
            _ if field == "name" => &self.name,
            _ => "",
        }
    }
    fn e(&self, form: &str, field: &str) -> Option<&str> {
        self.failed.as_ref().filter(|f| f.form == form).and_then(|f| f.errors.get(field)).map(String::as_str)
    }
}

/// The joint commitments of `b` as the customer reads them. `b` holds what the
/// reader may see: on the share page, answers from other links without name and reason.
pub fn joint_views(b: &PlanBundle, joint: &[keyplan_store::JointCommitment], t: Tr) -> Vec<JointView> {
    joint
        .iter()
        .map(|j| {
            let when = j.answered_at.map(|at| t.date(at.date())).unwrap_or_default();
            let answer_line = match (j.answer.as_str(), j.answered_name.as_deref()) {
                ("open", _) => t.s("share-joint-open"),
                ("accepted", Some(name)) => t.s2("share-joint-accepted-by", "name", name, "date", &when),
                ("accepted", None) => t.s1("share-joint-accepted", "date", &when),
                (_, Some(name)) => t.s2("share-joint-declined-by", "name", name, "date", &when),
                (_, None) => t.s1("share-joint-declined", "date", &when),
            };
            JointView {
                node_id: j.node.id.get(),
                thread: format!("node:{}", j.node.id.get()),
                title: j.node.title.clone(),
                owner: b.user_name(j.node.owner_id()).unwrap_or_default().to_string(),
                contact: b.contact_name(j.contact_id.or(j.node.contact_id())).unwrap_or_default().to_string(),
                due: t.opt_date(j.node.due_date()),
                done_criterion: j.node.done_criterion().clone().unwrap_or_default(),
                how: j.node.how().clone().unwrap_or_default(),
                answer: j.answer.as_str(),
                answer_line,
                reason: j.answer_reason.clone().unwrap_or_default(),
            }
        })
        .collect()
}

impl Excerpt {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.sections.is_empty() && self.kpis.is_empty() && self.joint.is_empty()
    }
}

fn lines(b: &PlanBundle, node: &TreeNode, depth: usize, out: &mut Vec<Line>, t: Tr) {
    let n = &node.node;
    let detail = if n.kind() == NodeKind::Commitment {
        let mut parts = Vec::new();
        if let Some(who) = b.user_name(n.owner_id()) {
            parts.push(who.to_string());
        }
        if let Some(c) = b.contact_name(n.contact_id()) {
            parts.push(t.s1("excerpt-with", "name", c));
        }
        if let Some(d) = n.due_date() {
            parts.push(t.s1("excerpt-due", "date", t.date(d)));
        }
        if let Some(c) = &n.done_criterion() {
            parts.push(t.s1("excerpt-done-when", "criterion", c));
        }
        if let Some(h) = &n.how() {
            parts.push(t.s1("excerpt-how", "how", h));
        }
        parts.join(" · ")
    } else {
        String::new()
    };
    out.push(Line {
        thread: format!("node:{}", n.id.get()),
        depth,
        kind: n.kind().as_str(),
        kind_label: t.enum_label("node-kind", n.kind().as_str()),
        title: n.title.clone(),
        detail,
        done: node.health == Health::Resolved,
    });
    for c in &node.children {
        lines(b, c, depth + 1, out, t);
    }
}

/// A goal's measure as the excerpt writes it: `Revenue 2 → 3 m€ by 5 Mar 2026`.
fn measure(n: &keyplan_domain::tree::Node, t: Tr) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &n.metric() {
        parts.push(m.clone());
    }
    match (n.baseline(), n.target()) {
        (Some(b), Some(target)) => parts.push(format!("{} → {}", t.num(b), t.num(target))),
        (None, Some(target)) => parts.push(format!("→ {}", t.num(target))),
        (Some(b), None) => parts.push(t.s1("excerpt-measure-from", "value", t.num(b))),
        _ => {}
    }
    if let Some(u) = &n.unit() {
        parts.push(u.clone());
    }
    if let Some(d) = n.target_date() {
        parts.push(t.s1("excerpt-measure-by", "date", t.date(d)));
    }
    parts.join(" ")
}

pub fn excerpt(b: &PlanBundle, t: Tr) -> Excerpt {
    let goals = b
        .tree
        .iter()
        .map(|g| {
            let mut ls = Vec::new();
            for c in &g.children {
                lines(b, c, 0, &mut ls, t);
            }
            GoalView {
                thread: format!("node:{}", g.node.id.get()),
                title: g.node.title.clone(),
                measure: measure(&g.node, t),
                health: g.health.as_str(),
                health_label: t.enum_label("health", g.health.as_str()),
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
            .map(|i| ItemLine {
                thread: format!("item:{}", i.id.get()),
                label: t.item_label(i),
                text: i.text.clone(),
                response: i.response.clone().unwrap_or_default(),
            })
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
        let thread = text.map(|x| format!("section:{}", x.id.get())).unwrap_or_default();
        sections.push(SecView { thread, title: s.title.clone(), items, paragraphs, so_what });
    }
    let kpis = b
        .kpis
        .iter()
        .map(|k| {
            let unit = k.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            let latest = b.kpi_actuals.iter().filter(|a| a.kpi_id == k.id).max_by_key(|a| a.period_start);
            KpiLine {
                thread: format!("kpi:{}", k.id.get()),
                name: k.name.clone(),
                target: k.target.map(|target| format!("{}{unit}", t.num(target))).unwrap_or_default(),
                latest: latest.map(|a| format!("{}{unit} ({})", t.num(a.value), t.date(a.period_start))).unwrap_or_default(),
            }
        })
        .collect();
    Excerpt {
        title: b.plan.title.clone(),
        account: b.account.name.clone(),
        period: format!("{} – {}", t.date(b.plan.period_start), t.date(b.plan.period_end)),
        goals,
        sections,
        kpis,
        joint: joint_views(b, &b.joint, t),
        discuss: None,
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
    /// `percent` as a share, for the language's percent format.
    pub share: f64,
    pub progress: String,
    pub risks: Vec<ItemLine>,
    pub obstacles: Vec<Flagged>,
    pub at_risk: Vec<Flagged>,
    /// The pipeline coverage of the money goals (none when the audience sees no commercial figures).
    pub pipeline: super::opportunities_coverage::Pipeline,
}

/// How many risks, obstacles and commitments a briefing lists: it has to fit one screen.
const TOP: usize = 5;

pub fn briefing(b: &PlanBundle, t: Tr) -> Briefing {
    let s = &b.summary;
    let goals = b
        .tree
        .iter()
        .map(|g| GoalView {
            thread: format!("node:{}", g.node.id.get()),
            title: g.node.title.clone(),
            measure: keyplan_app::bundle::goal_measure(&g.node, t),
            health: g.health.as_str(),
            health_label: t.enum_label("health", g.health.as_str()),
            lines: Vec::new(),
        })
        .collect();
    let risks = b
        .items
        .iter()
        .filter(|i| i.kind() == ItemKind::Risk || (i.kind() == ItemKind::Swot && i.category() == Some(Category::Threat)))
        .take(TOP)
        .map(|i| ItemLine {
            thread: format!("item:{}", i.id.get()),
            label: t.item_label(i),
            text: i.text.clone(),
            response: i.response.clone().unwrap_or_default(),
        })
        .collect();
    let (open, risky) = keyplan_domain::tree::briefing::facts(&b.tree);
    let mut obstacles: Vec<Flagged> =
        open.into_iter().map(|o| Flagged { title: o.node.title.clone(), why: keyplan_export::briefing::obstacle_why(&o, t) }).collect();
    let mut at_risk: Vec<Flagged> =
        risky.into_iter().map(|r| Flagged { title: r.node.title.clone(), why: keyplan_export::briefing::why(b, &r, t) }).collect();
    obstacles.truncate(TOP);
    at_risk.truncate(TOP);
    Briefing {
        pipeline: super::opportunities_coverage::Pipeline::of_bundle(b, t),
        goals,
        percent: s.percent_resolved as u32,
        share: f64::from(s.percent_resolved) / 100.0,
        progress: t.a("aud-progress", &keyplan_export::markdown::progress_args(s)),
        risks,
        obstacles,
        at_risk,
    }
}
