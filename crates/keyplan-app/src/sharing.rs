//! Setting who may see an item, and the customer's read-only share links:
//! the permission checks and validation shared by the pages and the API.

use keyplan_domain::audience::{Audience, Visibility};
use keyplan_domain::validate::{parse_date, required};
use keyplan_domain::{OrgId, PlanId, ShareLinkId};
use keyplan_store::{ShareLink, Store, VisibilityTarget};
use time::Date;

use crate::AppError;
use crate::Result;
use crate::auth::{self, Auth};
use crate::bundle::PlanBundle;

/// Share links last a year at most: an excerpt is a snapshot in time.
const MAX_DAYS: i64 = 366;

/// Sets the visibility of one item of a plan (plan editors only).
pub async fn set_visibility(store: &Store, auth: &Auth, plan: PlanId, target: &str, id: i64, visibility: &str) -> Result<Visibility> {
    let plan_row = store.plan(auth.org(), plan).await?;
    crate::access::require_plan_editor(store, auth, plan_row.account_id).await?;
    let target = VisibilityTarget::parse(target.trim())
        .ok_or_else(|| AppError::field("target_kind", keyplan_domain::Message::new("err-share-target-kind")))?;
    let v = Visibility::validate("visibility", visibility)?;
    store.set_visibility(auth.org(), plan, target, id, v).await.map_err(|e| match e {
        keyplan_store::StoreError::NotFound => AppError::field("target_id", keyplan_domain::Message::new("err-not-plan-item")),
        e => e.into(),
    })?;
    Ok(v)
}

/// A new share link and its token (shown once; only its hash is stored).
pub async fn create_link(store: &Store, auth: &Auth, plan: PlanId, label: &str, expires_on: &str) -> Result<(ShareLink, String)> {
    let plan_row = store.plan(auth.org(), plan).await?;
    crate::access::require_plan_editor(store, auth, plan_row.account_id).await?;
    let mut v = keyplan_domain::Validation::new();
    let label = v.check(required("label", label, 120));
    let expires = v.check(parse_date("expires_on", expires_on).and_then(|d| check_expiry(d, crate::today())));
    let (Some(label), Some(expires)) = (label, expires) else {
        return Err(AppError::Validation(v.errors));
    };
    let token = auth::random_token();
    let link = store.create_share_link(auth.org(), plan, &auth::token_hash(&token), &label, expires, auth.id()).await?;
    crate::collab::record_activity(
        store,
        auth,
        plan,
        "shared",
        "plan",
        Some(plan.get()),
        &keyplan_domain::Message::new("stored-share-created").arg("label", label),
    )
    .await;
    Ok((link, token))
}

fn check_expiry(d: Date, today: Date) -> std::result::Result<Date, keyplan_domain::FieldError> {
    if d < today {
        Err(keyplan_domain::FieldError::new("expires_on", keyplan_domain::Message::new("sharing-err-past")))
    } else if (d - today).whole_days() > MAX_DAYS {
        Err(keyplan_domain::FieldError::new("expires_on", keyplan_domain::Message::new("sharing-err-year")))
    } else {
        Ok(d)
    }
}

/// A plan's links; anyone who may read the plan may see them, editors act on them.
pub async fn links(store: &Store, auth: &Auth, plan: PlanId) -> Result<Vec<ShareLink>> {
    store.plan(auth.org(), plan).await?;
    Ok(store.share_links(auth.org(), plan).await?)
}

pub async fn revoke(store: &Store, auth: &Auth, id: ShareLinkId) -> Result<ShareLink> {
    let link = store.share_link(auth.org(), id).await?;
    let plan = store.plan(auth.org(), link.plan_id).await?;
    crate::access::require_plan_editor(store, auth, plan.account_id).await?;
    let revoked = store.revoke_share_link(auth.org(), id, auth.id()).await?;
    crate::collab::record_activity(
        store,
        auth,
        plan.id,
        "revoked",
        "plan",
        Some(plan.id.get()),
        &keyplan_domain::Message::new("stored-share-revoked").arg("label", &link.label),
    )
    .await;
    Ok(revoked)
}

/// What opening a token finds.
pub enum Opened {
    /// The customer excerpt and the visibilities it was redacted with.
    Plan(Box<PlanBundle>, Box<keyplan_store::Visibilities>, ShareLink),
    /// Revoked or past its date: the link existed, so say so kindly.
    Gone,
    Unknown,
}

/// Opens a share link: logs the opening and loads the customer excerpt, with
/// built-in template texts in `lang` (the visitor's browser language).
/// `viewer_org`: the organisation of a signed-in visitor; an opening by the
/// link's own organisation is logged as the team's.
pub async fn open(store: &Store, token: &str, client_addr: &str, lang: keyplan_domain::Lang, viewer_org: Option<OrgId>) -> Result<Opened> {
    // Tokens are 64 hex characters; anything else is not worth a query.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(Opened::Unknown);
    }
    let Some(link) = store.share_link_by_hash(&auth::token_hash(token)).await? else { return Ok(Opened::Unknown) };
    if !link.live(crate::today()) {
        return Ok(Opened::Gone);
    }
    let by_team = viewer_org == Some(link.org_id);
    store.record_share_opening_as(link.org_id, link.id, client_addr, by_team).await?;
    // A visitor's opening can lift the plan to level 4: mark it again, at
    // most once an hour per link so that reloading a page costs nothing.
    let recently = link.last_opened_at.is_some_and(|t| time::OffsetDateTime::now_utc() - t < time::Duration::HOUR);
    if !by_team && !recently {
        crate::coach::marks::remark(store, link.org_id, link.plan_id).await;
    }
    let org: OrgId = link.org_id;
    match crate::audience::audience_bundle(store, org, None, link.plan_id, Audience::Customer, lang).await {
        Ok((b, vis)) => Ok(Opened::Plan(Box::new(b), Box::new(vis), link)),
        Err(AppError::NotFound) => Ok(Opened::Gone),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    #[test]
    fn expiry_is_today_to_a_year_ahead() {
        let today = date!(2026 - 03 - 15);
        assert!(super::check_expiry(today, today).is_ok());
        assert!(super::check_expiry(date!(2026 - 03 - 14), today).is_err());
        assert!(super::check_expiry(date!(2027 - 03 - 15), today).is_ok());
        assert_eq!(super::check_expiry(date!(2027 - 06 - 01), today).unwrap_err().field, "expires_on");
    }
}
