//! What a user writes into a node, from a form or a JSON body, validated per kind.

use serde::{Deserialize, Serialize};
use time::Date;

use super::kind::{CommitmentStatus, NodeKind};
use super::node::GoalFields;
use crate::analysis::Benefit;
use crate::validate::{self, FieldError, Validation};
use crate::{ContactId, UserId};

/// The most characters a commitment's "how" may have.
pub const MAX_HOW: usize = 1000;

/// A commitment's fields as a user writes them: unlike a stored commitment
/// ([`super::CommitmentDetail`]) it always has an owner and a status.
#[derive(Clone, Debug, PartialEq)]
pub struct CommitmentFields {
    pub owner_id: UserId,
    pub contact_id: Option<ContactId>,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub done_criterion: Option<String>,
    /// How the owner will deliver it.
    pub how: Option<String>,
    pub status: CommitmentStatus,
}

/// The content a user writes into a node; validated per kind.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeContent {
    pub title: String,
    pub notes: Option<String>,
    pub goal: GoalFields,
    pub commitment: Option<CommitmentFields>,
}

/// Raw node fields from a form or a JSON body (numbers and dates as text).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct NodeInput {
    pub title: String,
    pub notes: String,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    pub unit: String,
    pub target_date: String,
    /// customer, us or both (goals only).
    pub benefit: String,
    pub owner_id: String,
    pub contact_id: String,
    pub start_date: String,
    pub due_date: String,
    pub done_criterion: String,
    /// How the owner will deliver it (commitments only).
    pub how: String,
    pub status: String,
}

impl NodeInput {
    pub fn validate(&self, kind: NodeKind) -> Result<NodeContent, Vec<FieldError>> {
        let mut v = Validation::new();
        let title = v.check(validate::required("title", &self.title, 300));
        let notes = v.check(validate::optional("notes", Some(&self.notes), 4000)).flatten();
        let mut goal = GoalFields::default();
        let mut commitment = None;
        match kind {
            NodeKind::Goal => {
                goal.metric = v.check(validate::optional("metric", Some(&self.metric), 200)).flatten();
                goal.baseline = v.check(validate::optional_number("baseline", Some(&self.baseline))).flatten();
                goal.target = v.check(validate::optional_number("target", Some(&self.target))).flatten();
                goal.unit = v.check(validate::optional("unit", Some(&self.unit), 40)).flatten();
                goal.target_date = v.check(validate::optional_date("target_date", Some(&self.target_date))).flatten();
                goal.benefit = match self.benefit.trim() {
                    "" => None,
                    s => {
                        let b = Benefit::parse(s);
                        if b.is_none() {
                            v.push("benefit", crate::Message::new("err-benefit"));
                        }
                        b
                    }
                };
            }
            NodeKind::Commitment => {
                let owner = match self.owner_id.trim() {
                    "" => {
                        v.push("owner_id", crate::Message::new("err-owner"));
                        None
                    }
                    s => match s.parse::<i64>() {
                        Ok(n) if n > 0 => Some(UserId::new(n)),
                        _ => {
                            v.push("owner_id", crate::Message::new("err-user"));
                            None
                        }
                    },
                };
                let contact = match self.contact_id.trim() {
                    "" => Some(None),
                    s => match s.parse::<i64>() {
                        Ok(n) if n > 0 => Some(Some(ContactId::new(n))),
                        _ => {
                            v.push("contact_id", crate::Message::new("err-contact"));
                            None
                        }
                    },
                };
                let start = v.check(validate::optional_date("start_date", Some(&self.start_date))).flatten();
                let due = v.check(validate::optional_date("due_date", Some(&self.due_date))).flatten();
                if let (Some(s), Some(d)) = (start, due)
                    && d < s
                {
                    v.push("due_date", crate::Message::new("err-before-start"));
                }
                let done_criterion = v.check(validate::optional("done_criterion", Some(&self.done_criterion), 1000)).flatten();
                let how = v.check(validate::optional("how", Some(&self.how), MAX_HOW)).flatten();
                let status = match self.status.trim() {
                    "" => Some(CommitmentStatus::Open),
                    s => {
                        let st = CommitmentStatus::parse(s);
                        if st.is_none() {
                            v.push("status", crate::Message::new("err-commitment-status"));
                        }
                        st
                    }
                };
                if let (Some(owner_id), Some(contact_id), Some(status)) = (owner, contact, status) {
                    commitment =
                        Some(CommitmentFields { owner_id, contact_id, start_date: start, due_date: due, done_criterion, how, status });
                }
            }
            NodeKind::Csf | NodeKind::Condition | NodeKind::Obstacle => {}
        }
        v.finish(|| NodeContent { title: title.unwrap_or_default(), notes, goal, commitment })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_input_validates_per_kind() {
        let goal =
            NodeInput { title: "Grow to 2.4m".into(), target: "2400000".into(), baseline: "1,800,000.0".into(), ..Default::default() }
                .validate(NodeKind::Goal)
                .unwrap();
        assert_eq!((goal.goal.baseline, goal.goal.target), (Some(1_800_000.0), Some(2_400_000.0)));
        let errs = NodeInput { title: "Run trial".into(), due_date: "soon".into(), ..Default::default() }
            .validate(NodeKind::Commitment)
            .unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["owner_id", "due_date"]);
        let errs = NodeInput {
            title: "Run trial".into(),
            owner_id: "3".into(),
            start_date: "2026-05-01".into(),
            due_date: "2026-04-01".into(),
            ..Default::default()
        }
        .validate(NodeKind::Commitment)
        .unwrap_err();
        assert_eq!(errs[0].field, "due_date");
        assert_eq!(NodeInput::default().validate(NodeKind::Obstacle).unwrap_err()[0].field, "title");
    }

    #[test]
    fn a_commitment_says_how_it_is_delivered_in_at_most_1000_characters() {
        let input = |how: String| NodeInput { title: "Run trial".into(), owner_id: "3".into(), how, ..Default::default() };
        let c = input("  Weekly calls with the plant manager  ".into()).validate(NodeKind::Commitment).unwrap().commitment.unwrap();
        assert_eq!(c.how.as_deref(), Some("Weekly calls with the plant manager"));
        assert_eq!(input(" ".into()).validate(NodeKind::Commitment).unwrap().commitment.unwrap().how, None);
        assert!(input("x".repeat(MAX_HOW)).validate(NodeKind::Commitment).is_ok());
        let errs = input("x".repeat(MAX_HOW + 1)).validate(NodeKind::Commitment).unwrap_err();
        assert_eq!((errs[0].field.as_str(), errs[0].message.code.as_str()), ("how", "err-too-long"));
        // Other kinds have no "how": it is not read.
        assert!(NodeInput { title: "Factor".into(), how: "x".repeat(MAX_HOW + 1), ..Default::default() }.validate(NodeKind::Csf).is_ok());
    }
}
