//! Acceptance of commitments (seed 003: "each participant in the plan must
//! acknowledge and accept responsibility for their portion of the plan").
//!
//! A commitment written by someone other than its owner starts as *proposed*.
//! The owner accepts it, declines it with a reason, or proposes another due date,
//! which the author accepts or rejects.

use time::Date;

use crate::UserId;
use crate::tree::{Acceptance, CommitmentStatus};
use crate::validate::{self, FieldError};

/// The acceptance-related state of one commitment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptanceState {
    pub owner_id: UserId,
    pub author_id: Option<UserId>,
    pub acceptance: Acceptance,
    pub due_date: Option<Date>,
    pub proposed_due_date: Option<Date>,
    pub decline_reason: Option<String>,
}

/// Who is acting, and whether they may answer for the author (managers may).
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub user_id: UserId,
    pub may_act_for_author: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    Accept,
    Decline { reason: String },
    ProposeDate { due_date: Date },
    AcceptProposedDate,
    RejectProposedDate,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AcceptanceError {
    #[error("only the owner of this commitment can answer it")]
    NotOwner,
    #[error("only the author of this commitment can answer the proposed date")]
    NotAuthor,
    #[error("{0}")]
    Invalid(FieldError),
    #[error("this commitment is {0}; that answer does not apply")]
    WrongState(&'static str),
}

/// Where a new commitment starts: accepted when the author is the owner.
pub fn initial(author: UserId, owner: UserId) -> Acceptance {
    if author == owner { Acceptance::Accepted } else { Acceptance::Proposed }
}

/// Where a commitment stands after an edit. Handing it to someone else, or
/// moving its date or changing what is promised behind the owner's back,
/// asks the owner again.
pub fn after_edit(state: &AcceptanceState, editor: UserId, new_owner: UserId, material_change: bool) -> Acceptance {
    if new_owner != state.owner_id {
        return initial(editor, new_owner);
    }
    if editor == state.owner_id || !material_change {
        return state.acceptance;
    }
    match state.acceptance {
        Acceptance::Accepted | Acceptance::Declined => Acceptance::Proposed,
        other => other,
    }
}

/// Applies an answer, returning the new state.
pub fn respond(state: &AcceptanceState, actor: Actor, response: Response) -> Result<AcceptanceState, AcceptanceError> {
    let mut next = state.clone();
    let is_owner = actor.user_id == state.owner_id;
    match response {
        Response::Accept => {
            if !is_owner {
                return Err(AcceptanceError::NotOwner);
            }
            if state.acceptance == Acceptance::Accepted {
                return Err(AcceptanceError::WrongState("already accepted"));
            }
            next.acceptance = Acceptance::Accepted;
            next.proposed_due_date = None;
            next.decline_reason = None;
        }
        Response::Decline { reason } => {
            if !is_owner {
                return Err(AcceptanceError::NotOwner);
            }
            if state.acceptance == Acceptance::Declined {
                return Err(AcceptanceError::WrongState("already declined"));
            }
            let reason = validate::required("reason", &reason, 1000).map_err(AcceptanceError::Invalid)?;
            next.acceptance = Acceptance::Declined;
            next.decline_reason = Some(reason);
            next.proposed_due_date = None;
        }
        Response::ProposeDate { due_date } => {
            if !is_owner {
                return Err(AcceptanceError::NotOwner);
            }
            if state.due_date == Some(due_date) {
                return Err(AcceptanceError::Invalid(FieldError::new("due_date", crate::Message::new("err-same-date"))));
            }
            next.acceptance = Acceptance::DateProposed;
            next.proposed_due_date = Some(due_date);
            next.decline_reason = None;
        }
        Response::AcceptProposedDate | Response::RejectProposedDate => {
            let is_author = state.author_id == Some(actor.user_id);
            if !is_author && !actor.may_act_for_author {
                return Err(AcceptanceError::NotAuthor);
            }
            if state.acceptance != Acceptance::DateProposed {
                return Err(AcceptanceError::WrongState(state.acceptance.as_str()));
            }
            if response == Response::AcceptProposedDate {
                next.due_date = state.proposed_due_date.or(state.due_date);
                next.acceptance = Acceptance::Accepted;
            } else {
                // Back to the owner, with the original date.
                next.acceptance = Acceptance::Proposed;
            }
            next.proposed_due_date = None;
        }
    }
    Ok(next)
}

/// Progress can only be reported on a commitment its owner has accepted.
pub fn check_status_change(acceptance: Acceptance, status: CommitmentStatus) -> Result<(), FieldError> {
    if status != CommitmentStatus::Open && acceptance != Acceptance::Accepted {
        return Err(FieldError::new("status", crate::Message::new("err-status-before-accept").label("status", "status", status.as_str())));
    }
    Ok(())
}

/// The combinations of a commitment's state that cannot happen through answers
/// (the rules [`respond`] and [`check_status_change`] keep): progress before
/// acceptance, a decline without its reason, a proposed date without the date,
/// and a reason or a proposed date on a commitment in another state. Used where
/// a whole state arrives at once (a plan document). Fields are named `status`,
/// `decline_reason`, `proposed_due_date`.
pub fn check_state(
    acceptance: Acceptance,
    status: CommitmentStatus,
    decline_reason: Option<&str>,
    proposed_due_date: Option<Date>,
) -> Result<(), FieldError> {
    check_status_change(acceptance, status)?;
    match acceptance {
        Acceptance::Declined => {
            validate::required("decline_reason", decline_reason.unwrap_or(""), 1000)?;
        }
        _ if decline_reason.is_some() => {
            return Err(FieldError::new("decline_reason", crate::Message::new("doc-err-decline-reason")));
        }
        _ => {}
    }
    match (acceptance, proposed_due_date) {
        (Acceptance::DateProposed, None) => Err(FieldError::new("proposed_due_date", crate::Message::new("err-required"))),
        (Acceptance::DateProposed, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err(FieldError::new("proposed_due_date", crate::Message::new("doc-err-proposed-date"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const KAM: UserId = UserId::new(1);
    const OWNER: UserId = UserId::new(2);
    const OTHER: UserId = UserId::new(3);

    fn proposed() -> AcceptanceState {
        AcceptanceState {
            owner_id: OWNER,
            author_id: Some(KAM),
            acceptance: initial(KAM, OWNER),
            due_date: Some(date!(2026 - 03 - 31)),
            proposed_due_date: None,
            decline_reason: None,
        }
    }

    fn by(user: UserId) -> Actor {
        Actor { user_id: user, may_act_for_author: false }
    }

    #[test]
    fn impossible_states_are_named_by_field() {
        use CommitmentStatus::{Done, Open};
        let field = |r: Result<(), FieldError>| r.unwrap_err().field;
        assert_eq!(field(check_state(Acceptance::Proposed, Done, None, None)), "status");
        assert_eq!(field(check_state(Acceptance::Declined, Open, None, None)), "decline_reason");
        assert_eq!(field(check_state(Acceptance::Declined, Open, Some("  "), None)), "decline_reason");
        assert_eq!(field(check_state(Acceptance::Accepted, Open, Some("why"), None)), "decline_reason");
        assert_eq!(field(check_state(Acceptance::DateProposed, Open, None, None)), "proposed_due_date");
        assert_eq!(field(check_state(Acceptance::Accepted, Done, None, Some(date!(2026 - 01 - 01)))), "proposed_due_date");
        assert!(check_state(Acceptance::Accepted, Done, None, None).is_ok());
        assert!(check_state(Acceptance::Declined, Open, Some("No budget"), None).is_ok());
        assert!(check_state(Acceptance::DateProposed, Open, None, Some(date!(2026 - 01 - 01))).is_ok());
    }

    #[test]
    fn own_commitments_are_accepted_at_once() {
        assert_eq!(initial(KAM, KAM), Acceptance::Accepted);
        assert_eq!(initial(KAM, OWNER), Acceptance::Proposed);
    }

    #[test]
    fn owner_accepts() {
        let s = respond(&proposed(), by(OWNER), Response::Accept).unwrap();
        assert_eq!(s.acceptance, Acceptance::Accepted);
        assert_eq!(respond(&s, by(OWNER), Response::Accept).unwrap_err(), AcceptanceError::WrongState("already accepted"));
        assert_eq!(respond(&proposed(), by(OTHER), Response::Accept).unwrap_err(), AcceptanceError::NotOwner);
        assert_eq!(respond(&proposed(), by(KAM), Response::Accept).unwrap_err(), AcceptanceError::NotOwner);
    }

    #[test]
    fn decline_needs_a_reason() {
        let e = respond(&proposed(), by(OWNER), Response::Decline { reason: "  ".into() }).unwrap_err();
        assert!(matches!(e, AcceptanceError::Invalid(f) if f.field == "reason"));
        let s = respond(&proposed(), by(OWNER), Response::Decline { reason: "No capacity in Q1".into() }).unwrap();
        assert_eq!((s.acceptance, s.decline_reason.as_deref()), (Acceptance::Declined, Some("No capacity in Q1")));
    }

    #[test]
    fn date_proposal_round_trip() {
        let s = respond(&proposed(), by(OWNER), Response::ProposeDate { due_date: date!(2026 - 04 - 30) }).unwrap();
        assert_eq!(s.acceptance, Acceptance::DateProposed);
        assert_eq!(respond(&s, by(OWNER), Response::AcceptProposedDate).unwrap_err(), AcceptanceError::NotAuthor);
        let accepted = respond(&s, by(KAM), Response::AcceptProposedDate).unwrap();
        assert_eq!(
            (accepted.acceptance, accepted.due_date, accepted.proposed_due_date),
            (Acceptance::Accepted, Some(date!(2026 - 04 - 30)), None)
        );
        let rejected = respond(&s, by(KAM), Response::RejectProposedDate).unwrap();
        assert_eq!((rejected.acceptance, rejected.due_date), (Acceptance::Proposed, Some(date!(2026 - 03 - 31))));
        let manager = Actor { user_id: OTHER, may_act_for_author: true };
        assert!(respond(&s, manager, Response::AcceptProposedDate).is_ok());
        assert!(matches!(respond(&proposed(), by(KAM), Response::AcceptProposedDate), Err(AcceptanceError::WrongState(_))));
        assert!(respond(&proposed(), by(OWNER), Response::ProposeDate { due_date: date!(2026 - 03 - 31) }).is_err());
    }

    #[test]
    fn edits_ask_the_owner_again() {
        let accepted = respond(&proposed(), by(OWNER), Response::Accept).unwrap();
        assert_eq!(after_edit(&accepted, KAM, OWNER, true), Acceptance::Proposed, "date moved by the KAM");
        assert_eq!(after_edit(&accepted, KAM, OWNER, false), Acceptance::Accepted, "a typo fix");
        assert_eq!(after_edit(&accepted, OWNER, OWNER, true), Acceptance::Accepted, "the owner's own change");
        assert_eq!(after_edit(&accepted, KAM, OTHER, false), Acceptance::Proposed, "handed to someone else");
        assert_eq!(after_edit(&accepted, KAM, KAM, false), Acceptance::Accepted, "taken over by the editor");
    }

    #[test]
    fn status_needs_acceptance() {
        assert!(check_status_change(Acceptance::Proposed, CommitmentStatus::Done).is_err());
        assert!(check_status_change(Acceptance::Proposed, CommitmentStatus::Open).is_ok());
        assert!(check_status_change(Acceptance::Accepted, CommitmentStatus::Missed).is_ok());
    }
}
