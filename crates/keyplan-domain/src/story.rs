//! The story of a plan (seed 004): analysis -> so what -> goal -> commitments,
//! read left to right, with what "hangs in the air" marked:
//!
//! * an analysis item with no consequence: neither it nor its section's "so
//!   what?" leads to a goal;
//! * a section with analysis but no "so what?";
//! * a goal with no evidence (no link to analysis, a so-what, SWOT, whitespace or
//!   a contact);
//! * a goal with no commitment that implements it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::analysis::LinkKind;

/// One piece of analysis as the story needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnalysisIn {
    pub id: i64,
    pub section_key: String,
    pub label: String,
    pub text: String,
}

/// One section that carries analysis (or at least a so-what).
#[derive(Clone, Debug, PartialEq)]
pub struct SectionIn {
    pub key: String,
    pub title: String,
    /// The stored section row, when there is one (links to a so-what name it).
    pub id: Option<i64>,
    pub so_what: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalIn {
    pub id: i64,
    pub title: String,
    pub measure: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommitmentIn {
    pub id: i64,
    pub title: String,
    pub owner: Option<String>,
    pub accepted: bool,
    pub status: String,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkIn {
    pub id: i64,
    pub goal_id: i64,
    pub kind: LinkKind,
    pub target_id: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryItem {
    pub id: i64,
    pub label: String,
    pub text: String,
    /// Goals this item justifies directly.
    pub goals: Vec<i64>,
    /// Neither the item nor its section's so-what leads to a goal.
    pub no_consequence: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StorySection {
    pub key: String,
    pub title: String,
    pub items: Vec<StoryItem>,
    pub so_what: Option<String>,
    pub so_what_id: Option<i64>,
    /// Goals the so-what justifies.
    pub so_what_goals: Vec<i64>,
    /// Items are there but no conclusion is drawn from them.
    pub missing_so_what: bool,
    /// A so-what is drawn but no goal follows from it.
    pub so_what_unused: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub link_id: i64,
    pub kind: LinkKind,
    pub target_id: i64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryGoal {
    pub id: i64,
    pub title: String,
    pub measure: Option<String>,
    pub evidence: Vec<Evidence>,
    pub commitments: Vec<CommitmentIn>,
    pub no_evidence: bool,
    pub no_commitment: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Gaps {
    pub analysis_without_consequence: usize,
    pub sections_without_so_what: usize,
    pub so_whats_without_goal: usize,
    pub goals_without_evidence: usize,
    pub goals_without_commitment: usize,
}

impl Gaps {
    pub fn total(&self) -> usize {
        self.analysis_without_consequence
            + self.sections_without_so_what
            + self.so_whats_without_goal
            + self.goals_without_evidence
            + self.goals_without_commitment
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Story {
    pub sections: Vec<StorySection>,
    pub goals: Vec<StoryGoal>,
    pub gaps: Gaps,
}

/// Everything the story is built from. `labels` names link targets that are not
/// analysis items or sections (whitespace cells and contacts), keyed by kind and id;
/// links to targets that no longer exist are left out.
pub struct StoryInput<'a> {
    pub sections: &'a [SectionIn],
    pub items: &'a [AnalysisIn],
    pub goals: &'a [GoalIn],
    pub commitments: &'a [(i64, CommitmentIn)],
    pub links: &'a [LinkIn],
    pub labels: &'a HashMap<(LinkKind, i64), String>,
}

pub fn build(input: StoryInput<'_>) -> Story {
    let goal_ids: HashSet<i64> = input.goals.iter().map(|g| g.id).collect();
    let links: Vec<&LinkIn> = input.links.iter().filter(|l| goal_ids.contains(&l.goal_id)).collect();
    let goals_of = |kind: LinkKind, id: i64| -> Vec<i64> {
        let mut g: Vec<i64> = links.iter().filter(|l| l.kind == kind && l.target_id == id).map(|l| l.goal_id).collect();
        g.sort_unstable();
        g.dedup();
        g
    };

    let mut gaps = Gaps::default();
    let mut sections = Vec::new();
    for s in input.sections {
        let so_what = s.so_what.clone().filter(|t| !t.trim().is_empty());
        let so_what_goals = match (s.id, &so_what) {
            (Some(id), Some(_)) => goals_of(LinkKind::Section, id),
            _ => Vec::new(),
        };
        let items: Vec<StoryItem> = input
            .items
            .iter()
            .filter(|i| i.section_key == s.key)
            .map(|i| {
                let goals = goals_of(LinkKind::Item, i.id);
                let no_consequence = goals.is_empty() && so_what_goals.is_empty();
                StoryItem { id: i.id, label: i.label.clone(), text: i.text.clone(), goals, no_consequence }
            })
            .collect();
        let missing_so_what = so_what.is_none() && !items.is_empty();
        let so_what_unused = so_what.is_some() && so_what_goals.is_empty();
        gaps.analysis_without_consequence += items.iter().filter(|i| i.no_consequence).count();
        gaps.sections_without_so_what += missing_so_what as usize;
        gaps.so_whats_without_goal += so_what_unused as usize;
        if items.is_empty() && so_what.is_none() {
            continue;
        }
        sections.push(StorySection {
            key: s.key.clone(),
            title: s.title.clone(),
            items,
            so_what,
            so_what_id: s.id,
            so_what_goals,
            missing_so_what,
            so_what_unused,
        });
    }

    let mut goals = Vec::new();
    for g in input.goals {
        let evidence: Vec<Evidence> = links
            .iter()
            .filter(|l| l.goal_id == g.id)
            .filter_map(|l| {
                let label = match l.kind {
                    LinkKind::Item => input.items.iter().find(|i| i.id == l.target_id).map(|i| format!("{}: {}", i.label, i.text)),
                    LinkKind::Section => input.sections.iter().find(|s| s.id == Some(l.target_id)).and_then(|s| {
                        let w = s.so_what.as_ref().filter(|t| !t.trim().is_empty())?;
                        // The caller may word it in the reader's language.
                        Some(input.labels.get(&(l.kind, l.target_id)).cloned().unwrap_or_else(|| format!("So what ({}): {w}", s.title)))
                    }),
                    LinkKind::Cell | LinkKind::Contact => input.labels.get(&(l.kind, l.target_id)).cloned(),
                }?;
                Some(Evidence { link_id: l.id, kind: l.kind, target_id: l.target_id, label })
            })
            .collect();
        let commitments: Vec<CommitmentIn> = input.commitments.iter().filter(|(gid, _)| *gid == g.id).map(|(_, c)| c.clone()).collect();
        let no_evidence = evidence.is_empty();
        let no_commitment = commitments.is_empty();
        gaps.goals_without_evidence += no_evidence as usize;
        gaps.goals_without_commitment += no_commitment as usize;
        goals.push(StoryGoal {
            id: g.id,
            title: g.title.clone(),
            measure: g.measure.clone(),
            evidence,
            commitments,
            no_evidence,
            no_commitment,
        });
    }
    Story { sections, goals, gaps }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(key: &str, id: Option<i64>, so_what: Option<&str>) -> SectionIn {
        SectionIn { key: key.into(), title: key.to_uppercase(), id, so_what: so_what.map(Into::into) }
    }
    fn item(id: i64, key: &str) -> AnalysisIn {
        AnalysisIn { id, section_key: key.into(), label: "Customer".into(), text: format!("finding {id}") }
    }
    fn link(id: i64, goal_id: i64, kind: LinkKind, target_id: i64) -> LinkIn {
        LinkIn { id, goal_id, kind, target_id }
    }
    fn commitment(id: i64) -> CommitmentIn {
        CommitmentIn { id, title: format!("do {id}"), owner: Some("Lena".into()), accepted: true, status: "open".into() }
    }

    #[test]
    fn the_story_marks_what_hangs_in_the_air() {
        let sections =
            [section("customer", Some(10), Some("They buy on uptime")), section("market", None, None), section("empty", None, None)];
        let items = [item(1, "customer"), item(2, "market"), item(3, "market")];
        let goals = [
            GoalIn { id: 100, title: "Uptime partner".into(), measure: None },
            GoalIn { id: 200, title: "Grow share".into(), measure: None },
        ];
        let commitments = [(100, commitment(7))];
        let mut labels = HashMap::new();
        labels.insert((LinkKind::Contact, 5), "Dr. Berg".to_string());
        let links = [
            link(1, 100, LinkKind::Section, 10),
            link(2, 200, LinkKind::Item, 2),
            link(3, 200, LinkKind::Contact, 5),
            link(4, 200, LinkKind::Cell, 99), // deleted cell: no label, left out
            link(5, 999, LinkKind::Item, 3),  // goal gone
        ];
        let story = build(StoryInput {
            sections: &sections,
            items: &items,
            goals: &goals,
            commitments: &commitments,
            links: &links,
            labels: &labels,
        });
        assert_eq!(story.sections.len(), 2, "the empty section is not part of the story");
        let customer = &story.sections[0];
        assert_eq!(customer.so_what_goals, [100]);
        assert!(!customer.items[0].no_consequence, "its so-what leads to a goal");
        let market = &story.sections[1];
        assert!(market.missing_so_what);
        assert!(!market.items[0].no_consequence);
        assert!(market.items[1].no_consequence);
        let g200 = &story.goals[1];
        assert_eq!(g200.evidence.len(), 2);
        assert_eq!(g200.evidence[1].label, "Dr. Berg");
        assert!(g200.no_commitment && !g200.no_evidence);
        assert!(!story.goals[0].no_commitment);
        assert_eq!(
            story.gaps,
            Gaps {
                analysis_without_consequence: 1,
                sections_without_so_what: 1,
                so_whats_without_goal: 0,
                goals_without_evidence: 0,
                goals_without_commitment: 1
            }
        );
    }

    #[test]
    fn a_so_what_without_goal_and_a_goal_without_evidence_are_gaps() {
        let sections = [section("swot", Some(1), Some("We must fix delivery"))];
        let goals = [GoalIn { id: 1, title: "G".into(), measure: None }];
        let story =
            build(StoryInput { sections: &sections, items: &[], goals: &goals, commitments: &[], links: &[], labels: &HashMap::new() });
        assert!(story.sections[0].so_what_unused);
        assert!(story.goals[0].no_evidence);
        assert_eq!(story.gaps.total(), 3);
    }
}
