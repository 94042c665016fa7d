//! The management committee (seed 004 #7): once a year a committee of top
//! management reviews the top plans, to secure its commitment. A session has
//! a date, participants and the plans chosen for it; the committee records an
//! outcome per plan. This module holds the rules without I/O: what a session
//! and an outcome must carry, and which plans are chosen by default.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::validate::{self, FieldError, Validation};
use crate::{Message, PlanId, UserId};

/// Plans a session takes unless the organisation says otherwise
/// (organisation setting `committee_plans`).
pub const DEFAULT_PLANS: u32 = 10;
/// The most plans one session may take (the pack stays printable).
pub const MAX_PLANS: usize = 50;
/// The most participants one session may name.
pub const MAX_PARTICIPANTS: usize = 50;

/// What the committee decided about one plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Endorsed,
    EndorsedWithConditions,
    SentBack,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Endorsed, Outcome::EndorsedWithConditions, Outcome::SentBack];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Endorsed => "endorsed",
            Outcome::EndorsedWithConditions => "endorsed_with_conditions",
            Outcome::SentBack => "sent_back",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s.trim())
    }
}

/// A session as asked for: the date, who takes part, and the plans (`None`:
/// the default choice, see [`default_choice`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionData {
    pub held_on: Date,
    pub participants: Vec<UserId>,
    pub plans: Option<Vec<PlanId>>,
}

/// A session as sent to the API or typed in the form, checked by [`SessionInput::validate`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SessionInput {
    pub date: String,
    pub participant_ids: Vec<i64>,
    pub plan_ids: Option<Vec<i64>>,
}

impl SessionInput {
    /// Every field error at once. Ids are deduplicated in the order given.
    pub fn validate(&self) -> Result<SessionData, Vec<FieldError>> {
        let mut v = Validation::new();
        let held_on = v.check(validate::required_date("date", &self.date));
        let participants = ids(&mut v, "participant_ids", &self.participant_ids, MAX_PARTICIPANTS);
        let plans = match &self.plan_ids {
            None => None,
            Some(list) if list.is_empty() => {
                v.push("plan_ids", Message::new("err-committee-no-plans"));
                None
            }
            Some(list) => Some(ids(&mut v, "plan_ids", list, MAX_PLANS)),
        };
        v.finish(|| SessionData {
            held_on: held_on.unwrap_or(Date::MIN),
            participants: participants.into_iter().map(UserId::new).collect(),
            plans: plans.map(|p| p.into_iter().map(PlanId::new).collect()),
        })
    }
}

fn ids(v: &mut Validation, field: &str, list: &[i64], max: usize) -> Vec<i64> {
    validate::unique_ids(v, field, list, max, "err-committee-too-many")
}

/// An outcome as recorded: conditions need their text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeData {
    pub outcome: Outcome,
    pub text: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct OutcomeInput {
    pub outcome: String,
    pub text: Option<String>,
}

impl OutcomeInput {
    pub fn validate(&self) -> Result<OutcomeData, Vec<FieldError>> {
        let mut v = Validation::new();
        let outcome = match Outcome::parse(&self.outcome) {
            Some(o) => Some(o),
            None => {
                v.push("outcome", Message::new("err-one-of-colon").arg("allowed", "endorsed, endorsed_with_conditions, sent_back"));
                None
            }
        };
        let text = v.check(validate::optional("text", self.text.as_deref(), crate::text::MAX_SHORT_TEXT)).flatten();
        if outcome == Some(Outcome::EndorsedWithConditions) && text.is_none() {
            v.push("text", Message::new("err-committee-conditions"));
        }
        v.finish(|| OutcomeData { outcome: outcome.unwrap_or(Outcome::Endorsed), text })
    }
}

/// A plan that may go before the committee, with what ranks it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub plan: PlanId,
    /// The account's potential (money); none ranks last.
    pub potential: Option<f64>,
    pub title: String,
}

/// Orders candidates by potential, largest first (ties by title, then id,
/// so the order is stable); none ranks last.
pub fn rank(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| {
        let pa = a.potential.unwrap_or(f64::NEG_INFINITY);
        let pb = b.potential.unwrap_or(f64::NEG_INFINITY);
        pb.total_cmp(&pa).then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase())).then(a.plan.cmp(&b.plan))
    });
}

/// The default choice: the `n` plans of greatest potential, in [`rank`] order.
pub fn default_choice(mut candidates: Vec<Candidate>, n: usize) -> Vec<PlanId> {
    rank(&mut candidates);
    candidates.into_iter().take(n).map(|c| c.plan).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: i64, potential: Option<f64>, title: &str) -> Candidate {
        Candidate { plan: PlanId::new(id), potential, title: title.into() }
    }

    #[test]
    fn the_default_choice_takes_the_greatest_potential_first() {
        let c = vec![
            cand(1, Some(1e6), "Brightwater"),
            cand(2, None, "Acme"),
            cand(3, Some(5e6), "Northwind"),
            cand(4, Some(1e6), "Atlas"),
            cand(5, Some(0.0), "Zeta"),
        ];
        assert_eq!(default_choice(c.clone(), 3), [PlanId::new(3), PlanId::new(4), PlanId::new(1)]);
        assert_eq!(default_choice(c.clone(), 10).len(), 5);
        assert_eq!(default_choice(c, 10).last(), Some(&PlanId::new(2)), "no potential ranks last");
        assert!(default_choice(Vec::new(), 10).is_empty());
    }

    #[test]
    fn a_session_needs_a_date_and_sane_ids() {
        let ok = SessionInput { date: "2027-03-15".into(), participant_ids: vec![3, 4, 3], plan_ids: None }.validate().unwrap();
        assert_eq!(ok.participants, [UserId::new(3), UserId::new(4)], "deduplicated in order");
        assert_eq!(ok.plans, None, "the default choice");
        let fields = |i: SessionInput| i.validate().unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(SessionInput { date: String::new(), ..Default::default() }), ["date"]);
        assert_eq!(fields(SessionInput { date: "15.03.2027".into(), ..Default::default() }), ["date"]);
        assert_eq!(fields(SessionInput { date: "2027-03-15".into(), plan_ids: Some(vec![]), ..Default::default() }), ["plan_ids"]);
        assert_eq!(fields(SessionInput { date: "2027-03-15".into(), participant_ids: vec![0], ..Default::default() }), ["participant_ids"]);
        let many = SessionInput { date: "2027-03-15".into(), plan_ids: Some((1..=51).collect()), ..Default::default() };
        assert_eq!(fields(many), ["plan_ids"]);
    }

    #[test]
    fn conditions_need_their_text() {
        let o = |outcome: &str, text: Option<&str>| OutcomeInput { outcome: outcome.into(), text: text.map(str::to_string) }.validate();
        assert_eq!(o("endorsed", None).unwrap(), OutcomeData { outcome: Outcome::Endorsed, text: None });
        assert_eq!(o("sent_back", Some(" Rework the goal ")).unwrap().text.as_deref(), Some("Rework the goal"));
        assert_eq!(o("endorsed_with_conditions", Some("  ")).unwrap_err()[0].field, "text");
        assert_eq!(o("approved", None).unwrap_err()[0].field, "outcome");
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
        }
    }
}
