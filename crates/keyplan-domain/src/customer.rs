//! The customer at the table (PRODUCT.md C9, excellence levels 4 and 5): what a
//! visitor of a share link may write — a comment on a shared part of the plan,
//! an answer to a joint commitment — checked once here, and the facts about a
//! plan's customer involvement that the excellence ladder reads.
//!
//! A visitor is not signed in: they give their name, and everything they write
//! is kept with the link it came through.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::validate::{FieldError, Validation, required};
use crate::{ItemId, KpiId, Message, NodeId, SectionId};

/// The longest name a visitor may give.
pub const NAME_MAX: usize = 80;
/// The longest comment a visitor may write.
pub const BODY_MAX: usize = 2000;
/// The longest reason for declining a joint commitment.
pub const REASON_MAX: usize = 1000;

/// The customer's answer to a joint commitment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JointAnswer {
    /// Offered, not answered yet.
    #[default]
    Open,
    Accepted,
    Declined,
}

impl JointAnswer {
    pub const ALL: [JointAnswer; 3] = [JointAnswer::Open, JointAnswer::Accepted, JointAnswer::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            JointAnswer::Open => "open",
            JointAnswer::Accepted => "accepted",
            JointAnswer::Declined => "declined",
        }
    }
}

/// What a visitor's comment is about: the plan, or one part of it that the
/// link shows. Written `plan`, `node:12`, `item:3`, `section:4` or `kpi:7`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CustomerTarget {
    Plan,
    Node(NodeId),
    Item(ItemId),
    Section(SectionId),
    Kpi(KpiId),
}

impl CustomerTarget {
    /// Reads a target as the share page's forms send it.
    pub fn parse(s: &str) -> Option<CustomerTarget> {
        let s = s.trim();
        if s == "plan" {
            return Some(CustomerTarget::Plan);
        }
        let (kind, id) = s.split_once(':')?;
        let id: i64 = id.parse().ok().filter(|i| *i > 0)?;
        CustomerTarget::from_parts(kind, id)
    }

    /// A target from its stored kind and id (`plan` ignores the id).
    pub fn from_parts(kind: &str, id: i64) -> Option<CustomerTarget> {
        match kind {
            "plan" => Some(CustomerTarget::Plan),
            "node" => Some(CustomerTarget::Node(NodeId::new(id))),
            "item" => Some(CustomerTarget::Item(ItemId::new(id))),
            "section" => Some(CustomerTarget::Section(SectionId::new(id))),
            "kpi" => Some(CustomerTarget::Kpi(KpiId::new(id))),
            _ => None,
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            CustomerTarget::Plan => "plan",
            CustomerTarget::Node(_) => "node",
            CustomerTarget::Item(_) => "item",
            CustomerTarget::Section(_) => "section",
            CustomerTarget::Kpi(_) => "kpi",
        }
    }

    /// The target's id; the plan's own comments store the plan's id.
    pub fn id(self) -> Option<i64> {
        match self {
            CustomerTarget::Plan => None,
            CustomerTarget::Node(i) => Some(i.get()),
            CustomerTarget::Item(i) => Some(i.get()),
            CustomerTarget::Section(i) => Some(i.get()),
            CustomerTarget::Kpi(i) => Some(i.get()),
        }
    }

    /// `plan`, `node:12`: what [`CustomerTarget::parse`] reads.
    pub fn key(self) -> String {
        match self.id() {
            Some(id) => format!("{}:{id}", self.kind()),
            None => "plan".to_string(),
        }
    }
}

/// The name a visitor signs with: trimmed, not empty, at most [`NAME_MAX`]
/// characters, on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitorName(String);

impl VisitorName {
    pub fn validate(field: &str, raw: &str) -> Result<VisitorName, FieldError> {
        let name = required(field, raw, NAME_MAX)?;
        if name.contains(['\n', '\r', '\t']) {
            return Err(FieldError::new(field, Message::new("err-control")));
        }
        Ok(VisitorName(name.split_whitespace().collect::<Vec<_>>().join(" ")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A visitor's comment as typed.
#[derive(Clone, Debug, Default)]
pub struct CustomerCommentInput {
    pub name: String,
    pub body: String,
}

/// A visitor's comment, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerCommentData {
    pub name: VisitorName,
    pub body: String,
}

impl CustomerCommentInput {
    /// Every problem at once, each naming its field (`name`, `body`).
    pub fn validate(&self) -> Result<CustomerCommentData, Vec<FieldError>> {
        let mut v = Validation::new();
        let name = v.check(VisitorName::validate("name", &self.name));
        let body = v.check(required("body", &self.body, BODY_MAX));
        match (name, body) {
            (Some(name), Some(body)) if v.is_ok() => Ok(CustomerCommentData { name, body }),
            _ => Err(v.errors),
        }
    }
}

/// A visitor's answer to a joint commitment as typed: `answer` is `accept` or `decline`.
#[derive(Clone, Debug, Default)]
pub struct CustomerAnswerInput {
    pub answer: String,
    pub name: String,
    pub reason: String,
}

/// A visitor's answer, checked: declining needs a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerAnswer {
    pub name: VisitorName,
    /// `None`: accepted; `Some(reason)`: declined.
    pub declined_because: Option<String>,
}

impl CustomerAnswer {
    pub fn answer(&self) -> JointAnswer {
        if self.declined_because.is_some() { JointAnswer::Declined } else { JointAnswer::Accepted }
    }
}

impl CustomerAnswerInput {
    /// Every problem at once, each naming its field (`answer`, `name`, `reason`).
    pub fn validate(&self) -> Result<CustomerAnswer, Vec<FieldError>> {
        let mut v = Validation::new();
        let decline = match self.answer.trim() {
            "accept" => Some(false),
            "decline" => Some(true),
            _ => {
                v.push("answer", Message::new("customer-err-answer"));
                None
            }
        };
        let name = v.check(VisitorName::validate("name", &self.name));
        let reason = match decline {
            Some(true) => v.check(required("reason", &self.reason, REASON_MAX).map_err(|e| match e.message.code.as_str() {
                "err-required" => FieldError::new("reason", Message::new("customer-err-reason")),
                _ => e,
            })),
            _ => None,
        };
        match (name, decline) {
            (Some(name), Some(decline)) if v.is_ok() => Ok(CustomerAnswer { name, declined_because: if decline { reason } else { None } }),
            _ => Err(v.errors),
        }
    }
}

/// Whether a joint commitment standing at `current` may be answered: only once,
/// until the team offers it again.
pub fn check_answerable(current: JointAnswer) -> Result<(), Message> {
    match current {
        JointAnswer::Open => Ok(()),
        answered => Err(Message::new("customer-err-answered").label("answer", "joint-answer", answered.as_str())),
    }
}

/// What a plan's customer involvement looks like, as the excellence ladder
/// (levels 4 and 5) reads it. Filled by the store in one statement
/// (`Store::customer_evidence`); dates are UTC calendar days.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CustomerEvidence {
    /// The last day someone not signed in to the organisation opened one of the
    /// plan's share links (the team checking its own link does not count).
    pub last_link_open: Option<Date>,
    /// The date of the latest held customer joint review.
    pub last_customer_review: Option<Date>,
    /// The date of the latest held customer joint review that recorded decisions.
    pub last_customer_review_with_decisions: Option<Date>,
    /// Comments written by the customer through any link of the plan.
    pub customer_comments: u32,
    /// The day of the latest of them.
    pub last_customer_comment: Option<Date>,
    /// Joint commitments offered and not answered yet.
    pub joint_open: u32,
    /// Joint commitments the customer accepted.
    pub joint_accepted: u32,
    /// Joint commitments the customer declined.
    pub joint_declined: u32,
    /// Customer-accepted commitments past their due date and neither done nor missed.
    pub joint_accepted_overdue: u32,
    /// Customer-accepted commitments marked missed.
    pub joint_accepted_missed: u32,
}

impl CustomerEvidence {
    /// "Parts shown to the customer to gain insights" (level 4): since `since`,
    /// a customer opened a share link or a customer joint review was held.
    pub fn shown_to_customer_since(&self, since: Date) -> bool {
        self.last_link_open.is_some_and(|d| d >= since) || self.last_customer_review.is_some_and(|d| d >= since)
    }

    /// "Developed together with the customer" (level 5): the customer accepted
    /// a joint commitment, or a held customer review recorded decisions.
    pub fn developed_with_customer(&self) -> bool {
        self.joint_accepted > 0 || self.last_customer_review_with_decisions.is_some()
    }

    /// No customer-accepted commitment is overdue (level 5).
    pub fn customer_commitments_on_time(&self) -> bool {
        self.joint_accepted_overdue == 0
    }
}

/// The first day of the twelve months that end `today` (a year back, the 29th
/// of February falling back to the 28th).
pub fn twelve_months_before(today: Date) -> Date {
    today.replace_year(today.year() - 1).unwrap_or_else(|_| Date::from_calendar_date(today.year() - 1, today.month(), 28).unwrap_or(today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn targets_read_and_write_their_key() {
        for key in ["plan", "node:12", "item:3", "section:4", "kpi:7"] {
            assert_eq!(CustomerTarget::parse(key).map(CustomerTarget::key).as_deref(), Some(key));
        }
        for bad in ["", "node", "node:", "node:0", "node:-3", "node:x", "comment:4", "review:1"] {
            assert_eq!(CustomerTarget::parse(bad), None, "{bad:?}");
        }
        assert_eq!(CustomerTarget::from_parts("plan", 99), Some(CustomerTarget::Plan));
        assert_eq!(CustomerTarget::Plan.id(), None);
    }

    #[test]
    fn a_comment_needs_a_name_and_a_body() {
        let ok = CustomerCommentInput { name: "  Dana   Ruiz ".into(), body: " Looks right. ".into() }.validate().unwrap();
        assert_eq!((ok.name.as_str(), ok.body.as_str()), ("Dana Ruiz", "Looks right."));
        let errs = CustomerCommentInput::default().validate().unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "body"]);
        let long = CustomerCommentInput { name: "x".repeat(NAME_MAX + 1), body: "y".repeat(BODY_MAX + 1) }.validate().unwrap_err();
        assert!(long.iter().all(|e| e.message.code == "err-too-long"), "{long:?}");
        let two_lines = CustomerCommentInput { name: "Dana\nRuiz".into(), body: "a\nb".into() }.validate().unwrap_err();
        assert_eq!(two_lines.len(), 1, "a comment may have lines, a name not: {two_lines:?}");
        assert_eq!(two_lines[0].field, "name");
        let nul = CustomerCommentInput { name: "Dana".into(), body: "a\u{0}b".into() }.validate().unwrap_err();
        assert_eq!(nul[0].field, "body");
    }

    #[test]
    fn declining_needs_a_reason_accepting_does_not() {
        let accept = CustomerAnswerInput { answer: "accept".into(), name: "Dana".into(), reason: "ignored".into() }.validate().unwrap();
        assert_eq!((accept.answer(), accept.declined_because), (JointAnswer::Accepted, None));
        let decline = CustomerAnswerInput { answer: "decline".into(), name: "Dana".into(), reason: " Budget is frozen ".into() };
        let decline = decline.validate().unwrap();
        assert_eq!((decline.answer(), decline.declined_because.as_deref()), (JointAnswer::Declined, Some("Budget is frozen")));
        let bare = CustomerAnswerInput { answer: "decline".into(), name: "Dana".into(), reason: "  ".into() }.validate().unwrap_err();
        assert_eq!((bare[0].field.as_str(), bare[0].message.code.as_str()), ("reason", "customer-err-reason"));
        let odd = CustomerAnswerInput { answer: "maybe".into(), name: String::new(), reason: String::new() }.validate().unwrap_err();
        let fields: Vec<&str> = odd.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["answer", "name"]);
    }

    #[test]
    fn a_joint_commitment_is_answered_once() {
        assert!(check_answerable(JointAnswer::Open).is_ok());
        assert_eq!(check_answerable(JointAnswer::Accepted).unwrap_err().code, "customer-err-answered");
        assert!(check_answerable(JointAnswer::Declined).is_err());
    }

    #[test]
    fn evidence_answers_the_ladders_questions() {
        let today = date!(2026 - 03 - 15);
        let since = twelve_months_before(today);
        assert_eq!(since, date!(2025 - 03 - 15));
        assert_eq!(twelve_months_before(date!(2028 - 02 - 29)), date!(2027 - 02 - 28));
        let none = CustomerEvidence::default();
        assert!(!none.shown_to_customer_since(since) && !none.developed_with_customer() && none.customer_commitments_on_time());
        let opened = CustomerEvidence { last_link_open: Some(date!(2025 - 03 - 15)), ..Default::default() };
        assert!(opened.shown_to_customer_since(since));
        let long_ago = CustomerEvidence { last_link_open: Some(date!(2025 - 03 - 14)), ..Default::default() };
        assert!(!long_ago.shown_to_customer_since(since));
        let reviewed = CustomerEvidence { last_customer_review: Some(today), ..Default::default() };
        assert!(reviewed.shown_to_customer_since(since) && !reviewed.developed_with_customer());
        let accepted = CustomerEvidence { joint_accepted: 1, joint_accepted_overdue: 1, ..Default::default() };
        assert!(accepted.developed_with_customer() && !accepted.customer_commitments_on_time());
        let decided = CustomerEvidence { last_customer_review_with_decisions: Some(today), ..Default::default() };
        assert!(decided.developed_with_customer());
    }
}
