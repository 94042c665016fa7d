//! The plan page's "With the customer" card: the commitments offered to the
//! customer as joint commitments, each with the customer's answer (who, when,
//! through which link, and why they declined), and the form that offers
//! another one. Built from the bundle: no query of its own.

use keyplan_app::bundle::PlanBundle;
use keyplan_domain::customer::JointAnswer;
use keyplan_domain::tree::{Acceptance, NodeKind};
use keyplan_i18n::Tr;
use keyplan_store::JointCommitment;

use crate::views::{FormView, Opt};

/// One offered commitment as the team reads it.
pub struct JointTeamView {
    pub node_id: i64,
    pub title: String,
    /// `open`, `accepted` or `declined`.
    pub answer: &'static str,
    /// "Accepted by Dana Ruiz (customer, via share link “Q3 review”) on 5 May 2026".
    pub state: String,
    /// The contact named, and who offered it when.
    pub meta: String,
    pub reason: String,
    /// Set while the customer cannot see it: its owner has not accepted it.
    pub hidden: String,
    pub contact_id: String,
    pub version: i64,
}

pub struct CustomerCard {
    pub joint: Vec<JointTeamView>,
    /// Accepted commitments not offered yet.
    pub offerable: Vec<Opt>,
    pub contacts: Vec<Opt>,
    pub form: FormView,
}

/// The customer's answer as the team reads it.
pub fn answer_line(j: &JointCommitment, t: Tr) -> String {
    let when = j.answered_at.map(|at| t.date(at.date())).unwrap_or_default();
    let who = || {
        t.s2(
            "customer-party",
            "name",
            j.answered_name.clone().unwrap_or_default(),
            "link",
            j.answered_via_label.clone().unwrap_or_else(|| t.s("joint-revoked-link")),
        )
    };
    match j.answer {
        JointAnswer::Open => t.s("joint-waiting"),
        JointAnswer::Accepted => t.s2("joint-accepted-by", "who", who(), "date", when),
        JointAnswer::Declined => t.s2("joint-declined-by", "who", who(), "date", when),
    }
}

fn joint_view(b: &PlanBundle, j: &JointCommitment, t: Tr) -> JointTeamView {
    let contact = b.contact_name(j.contact_id).unwrap_or_default();
    let offered = t.date(j.offered_at.date());
    let meta = match b.user_name(j.offered_by) {
        Some(by) => t.s3("joint-meta-by", "contact", contact, "date", offered, "name", by),
        None => t.s2("joint-meta", "contact", contact, "date", offered),
    };
    let hidden = if j.node.acceptance() == Some(Acceptance::Accepted) {
        String::new()
    } else {
        t.s1("joint-hidden", "name", b.user_name(j.node.owner_id()).unwrap_or_default())
    };
    JointTeamView {
        node_id: j.node.id.get(),
        title: j.node.title.clone(),
        answer: j.answer.as_str(),
        state: answer_line(j, t),
        meta,
        reason: j.answer_reason.clone().unwrap_or_default(),
        hidden,
        contact_id: j.contact_id.map(|c| c.to_string()).unwrap_or_default(),
        version: j.version,
    }
}

/// The card for `b` (the team's bundle); `form`: the offer form as refused, if it was.
pub fn card(b: &PlanBundle, form: Option<FormView>, t: Tr) -> CustomerCard {
    let offered: Vec<i64> = b.joint.iter().map(|j| j.node.id.get()).collect();
    let offerable = b
        .all_nodes()
        .into_iter()
        .filter(|n| n.kind() == NodeKind::Commitment && n.is_accepted_commitment() && !offered.contains(&n.id.get()))
        .map(|n| Opt::new(n.id, n.title.clone()))
        .collect();
    let mut form = form.unwrap_or_default();
    form.localise(t);
    CustomerCard {
        joint: b.joint.iter().map(|j| joint_view(b, j, t)).collect(),
        offerable,
        contacts: b.contacts.iter().map(|c| Opt::new(c.id, &c.name)).collect(),
        form,
    }
}
