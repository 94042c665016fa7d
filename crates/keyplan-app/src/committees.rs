//! The management committee (issue 17 point 3): managers and administrators
//! open a session (a date, participants and plans; by default the plans of
//! greatest potential), download its pack, and record per plan whether the
//! committee endorsed it, endorsed it with conditions or sent it back. Each
//! outcome lands in the plan's history and notifies its KAM.

use keyplan_domain::audience::Audience;
use keyplan_domain::committee::{self, Outcome, OutcomeInput, SessionInput};
use keyplan_domain::{CommitteeId, Lang, Message, PlanId, Role};
use keyplan_store::{Committee, CommitteeSummary, NewNotification, Store};

use crate::access::require;
use crate::bundle::PlanBundle;
use crate::coach::CoachReport;
use crate::{AppError, Auth, Result};

/// Who runs committees: managers and administrators.
pub fn may_run(auth: &Auth) -> bool {
    matches!(auth.role(), Role::Manager | Role::Admin)
}

/// How many plans a session takes by default.
pub async fn plans_per_session(store: &Store, auth: &Auth) -> Result<usize> {
    Ok(store.organisation_settings(auth.org()).await?.0.committee_plans as usize)
}

/// The default choice of plans for a new session.
pub async fn default_plans(store: &Store, auth: &Auth) -> Result<Vec<PlanId>> {
    Ok(choices(store, auth).await?.1)
}

/// Every plan that may go before the committee, ranked by potential, and the
/// default choice: the first `committee_plans` of them.
pub async fn choices(store: &Store, auth: &Auth) -> Result<(Vec<keyplan_domain::committee::Candidate>, Vec<PlanId>)> {
    require(may_run(auth))?;
    let (mut candidates, n) =
        tokio::try_join!(async { store.committee_candidates(auth.org()).await.map_err(AppError::from) }, plans_per_session(store, auth))?;
    committee::rank(&mut candidates);
    let chosen = candidates.iter().take(n).map(|c| c.plan).collect();
    Ok((candidates, chosen))
}

/// Opens a session; without plans, the default choice.
pub async fn create(store: &Store, auth: &Auth, input: &SessionInput) -> Result<Committee> {
    require(may_run(auth))?;
    let data = input.validate().map_err(AppError::Validation)?;
    let plans = match data.plans {
        Some(p) => p,
        None => default_plans(store, auth).await?,
    };
    if plans.is_empty() {
        return Err(AppError::Validation(vec![keyplan_domain::FieldError::new("plan_ids", Message::new("err-committee-no-plans"))]));
    }
    let id = store.create_committee(auth.org(), data.held_on, &data.participants, &plans, auth.id()).await?;
    Ok(store.committee(auth.org(), id).await?)
}

pub async fn list(store: &Store, auth: &Auth) -> Result<Vec<CommitteeSummary>> {
    require(may_run(auth))?;
    Ok(store.committees(auth.org()).await?)
}

pub async fn get(store: &Store, auth: &Auth, id: CommitteeId) -> Result<Committee> {
    require(may_run(auth))?;
    Ok(store.committee(auth.org(), id).await?)
}

/// Records the committee's outcome for one of the session's plans: the plan's
/// history says it, and its KAM is told (unless the KAM recorded it).
pub async fn record_outcome(store: &Store, auth: &Auth, id: CommitteeId, plan: PlanId, input: &OutcomeInput) -> Result<Committee> {
    require(may_run(auth))?;
    let data = input.validate().map_err(AppError::Validation)?;
    let session = store.committee(auth.org(), id).await?;
    let entry = session.plans.iter().find(|p| p.plan_id == plan).ok_or(AppError::NotFound)?;
    let date = keyplan_domain::validate::format_date(session.held_on);
    let code = match (data.outcome, data.text.is_some()) {
        (Outcome::Endorsed, false) => "committee-history-endorsed",
        (Outcome::Endorsed, true) => "committee-history-endorsed-note",
        (Outcome::EndorsedWithConditions, _) => "committee-history-conditions",
        (Outcome::SentBack, false) => "committee-history-sent-back",
        (Outcome::SentBack, true) => "committee-history-sent-back-note",
    };
    let mut history = Message::new(code).arg("date", date.clone());
    if let Some(text) = &data.text {
        history = history.arg("text", text.clone());
    }
    let notice = history.clone().arg("plan", entry.plan_title.clone());
    let notice = Message { code: format!("{code}-notice"), args: notice.args };
    let link = format!("/plans/{}", plan.get());
    let notify = entry.kam_id.filter(|k| *k != auth.id()).map(|user| NewNotification {
        org: auth.org(),
        user,
        kind: "committee_outcome",
        plan: Some(plan),
        message: &notice,
        link: &link,
        dedupe_key: None,
    });
    store.record_committee_outcome(auth.org(), id, plan, &data, auth.id(), &history, notify.as_ref()).await?;
    Ok(store.committee(auth.org(), id).await?)
}

/// One plan of a pack: what management may see of it, and what the coach says.
pub struct PackPlan {
    pub bundle: PlanBundle,
    pub coach: CoachReport,
}

/// Everything the committee pack prints: the session and, per plan, the
/// management audience's bundle (redacted on the server) with the coach's
/// report of the whole plan.
pub async fn pack(store: &Store, auth: &Auth, id: CommitteeId, lang: Lang) -> Result<(Committee, Vec<PackPlan>)> {
    require(may_run(auth))?;
    let session = store.committee(auth.org(), id).await?;
    let settings = store.coach_settings(auth.org()).await?;
    let today = crate::today();
    let mut plans = Vec::with_capacity(session.plans.len());
    for p in &session.plans {
        let (team, vis) = tokio::try_join!(crate::bundle::plan_bundle_for(store, auth.org(), None, p.plan_id, lang), async {
            store.visibilities(auth.org(), p.plan_id).await.map_err(AppError::from)
        })?;
        let evidence = crate::coach::gather_evidence(store, auth.org(), &team, today).await?;
        let coach = crate::coach::coach_of_bundle(&team, &settings, &evidence, today);
        plans.push(PackPlan { bundle: crate::audience::redact(team, &vis, Audience::Management), coach });
    }
    Ok((session, plans))
}
