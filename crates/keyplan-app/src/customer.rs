//! The customer at the table, the visitor's side: a share link's visitor
//! comments on what the link shows and answers the joint commitments offered
//! to the customer. Nobody is signed in, so three things stand in for a
//! session: the link itself (live, or the answer is "gone"), a form token
//! signed for that link ([`form_token`]), and a rate limit per link and client
//! address kept in the database ([`LIMITS`]).
//!
//! Each write is one transaction with its history line, marked as from the
//! customer, and a notification to the plan's KAM.

use keyplan_domain::audience::Audience;
use keyplan_domain::customer::{self, CustomerAnswerInput, CustomerCommentInput, CustomerTarget, JointAnswer};
use keyplan_domain::tree::Acceptance;
use keyplan_domain::{Lang, Message, NodeId, UserId};
use keyplan_store::{
    CustomerComment, JointCommitment, NewCustomerAnswer, NewCustomerComment, NewNotification, ShareLimits, ShareLink, SideEffects, Store,
};
use time::Duration;

use crate::bundle::PlanBundle;
use crate::collab::shorten;
use crate::{AppError, Result, auth};

/// At most this many comments and answers through one link from one client
/// address in [`ADDRESS_WINDOW_MINUTES`] ...
pub const PER_ADDRESS: i64 = 20;
pub const ADDRESS_WINDOW_MINUTES: i64 = 10;
/// ... and from everyone through one link in [`LINK_WINDOW_MINUTES`].
pub const PER_LINK: i64 = 100;
pub const LINK_WINDOW_MINUTES: i64 = 60;

/// The limits as of now.
pub fn limits() -> ShareLimits {
    let now = time::OffsetDateTime::now_utc();
    ShareLimits {
        per_address: PER_ADDRESS,
        address_since: now - Duration::minutes(ADDRESS_WINDOW_MINUTES),
        per_link: PER_LINK,
        link_since: now - Duration::minutes(LINK_WINDOW_MINUTES),
    }
}

/// The name of the server secret that signs share-page form tokens.
const FORM_KEY: &str = "share-form-key";

/// The key share-page form tokens are signed with: made once, shared by every
/// server through the database. Servers keep it in memory after the first call.
pub async fn form_key(store: &Store) -> Result<String> {
    Ok(store.server_secret(FORM_KEY, &auth::random_token()).await?)
}

/// The token a share page's forms carry: an HMAC over the link and the
/// visitor's own random value (kept in a cookie scoped to the link). A page of
/// one link cannot post to another, and another site cannot make the token.
pub fn form_token(key: &str, link: &ShareLink, nonce: &str) -> String {
    let message = format!("keyplan share form\n{}\n{nonce}", link.id.get());
    hex::encode(auth::hmac_sha256(key.as_bytes(), message.as_bytes()))
}

/// Whether `sent` is the form token of this link and visitor (constant time).
pub fn form_token_ok(key: &str, link: &ShareLink, nonce: &str, sent: &str) -> bool {
    !nonce.is_empty() && auth::same_secret(sent, &form_token(key, link, nonce))
}

/// What a token finds.
pub enum Found {
    Live(ShareLink),
    /// Revoked or past its date.
    Gone,
    Unknown,
}

/// The link behind a token, without logging an opening (the share page's posts).
pub async fn find_link(store: &Store, token: &str) -> Result<Found> {
    // Tokens are 64 hex characters; anything else is not worth a query.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(Found::Unknown);
    }
    Ok(match store.share_link_by_hash(&auth::token_hash(token)).await? {
        Some(link) if link.live(crate::today()) => Found::Live(link),
        Some(_) => Found::Gone,
        None => Found::Unknown,
    })
}

/// The plan as this link's visitors see it (built-in template texts in `lang`).
pub async fn visible_plan(store: &Store, link: &ShareLink, lang: Lang) -> Result<PlanBundle> {
    let (b, _) = crate::audience::audience_bundle(store, link.org_id, None, link.plan_id, Audience::Customer, lang).await?;
    Ok(b)
}

/// The joint commitments a link shows: those offered whose owner on our side
/// has accepted them (a commitment still negotiated in the team is not shown).
/// Who answered, and why they declined, stays with the link the answer came through.
pub fn joint_for_link(b: &PlanBundle, link: &ShareLink) -> Vec<JointCommitment> {
    b.joint
        .iter()
        .filter(|j| j.node.acceptance() == Some(Acceptance::Accepted))
        .cloned()
        .map(|mut j| {
            if j.answered_via != Some(link.id) {
                j.answered_name = None;
                j.answer_reason = None;
                j.answered_via_label = None;
            }
            j
        })
        .collect()
}

/// Whether `target` is something this link's visitors can see in `b` (the
/// customer's view of the plan) or a joint commitment it shows.
fn shows(b: &PlanBundle, link: &ShareLink, target: CustomerTarget) -> bool {
    match target {
        CustomerTarget::Plan => true,
        CustomerTarget::Node(n) => b.all_nodes().iter().any(|x| x.id == n) || joint_for_link(b, link).iter().any(|j| j.node.id == n),
        CustomerTarget::Item(i) => b.items.iter().any(|x| x.id == i),
        CustomerTarget::Section(s) => b.sections.iter().any(|x| x.id == s),
        CustomerTarget::Kpi(k) => b.kpis.iter().any(|x| x.id == k),
    }
}

/// Counts one action through `link` from `client_addr`; over the limit: 429.
async fn admit(store: &Store, link: &ShareLink, client_addr: &str) -> Result<()> {
    if store.admit_share_action(link.org_id, link.id, client_addr, limits()).await? {
        Ok(())
    } else {
        tracing::warn!(link = link.id.get(), client_addr, "share link rate limit reached");
        Err(AppError::TooManyRequests(Message::new("customer-err-too-many").arg("minutes", ADDRESS_WINDOW_MINUTES)))
    }
}

/// Who hears of what the customer writes: the account's KAM (its owner), else
/// whoever made the plan.
async fn kam_of(store: &Store, link: &ShareLink) -> Result<(String, Option<UserId>)> {
    let plan = store.plan(link.org_id, link.plan_id).await?;
    let account = store.account(link.org_id, plan.account_id).await?;
    Ok((plan.title, account.owner_id.or(plan.created_by)))
}

/// "Dana Ruiz (customer, via share link “Q3 review”)": how history lines and
/// notifications name a visitor.
fn party(name: &str, link: &ShareLink) -> Message {
    Message::new("customer-party").arg("name", name).arg("link", &link.label)
}

/// A visitor's comment on `target` (as the form sends it: `plan`, `node:12`, ...).
/// The target must be something this link shows. Input is checked first; only
/// what passes counts against the rate limit, before anything is loaded or written.
pub async fn comment(
    store: &Store,
    link: &ShareLink,
    client_addr: &str,
    target: &str,
    input: &CustomerCommentInput,
    lang: Lang,
) -> Result<CustomerComment> {
    let target = CustomerTarget::parse(target);
    let data = input.validate();
    let (target, data) = match (target, data) {
        (Some(t), Ok(d)) => (t, d),
        (t, d) => {
            let mut errors = d.err().unwrap_or_default();
            if t.is_none() {
                errors.insert(0, keyplan_domain::FieldError::new("target", Message::new("customer-err-target")));
            }
            return Err(AppError::Validation(errors));
        }
    };
    admit(store, link, client_addr).await?;
    let b = visible_plan(store, link, lang).await?;
    if !shows(&b, link, target) {
        return Err(AppError::field("target", Message::new("customer-err-target")));
    }
    let about = about(&b, link, target);
    let who = party(data.name.as_str(), link);
    let history = match &about {
        Some(title) => Message::new("stored-customer-commented").arg("who", who.clone()).arg("title", title),
        None => Message::new("stored-customer-commented-plan").arg("who", who.clone()),
    };
    let (plan_title, kam) = kam_of(store, link).await?;
    let notice = Message::new("stored-notif-customer-comment")
        .arg("who", who)
        .arg("title", about.unwrap_or_else(|| plan_title.clone()))
        .arg("plan", &plan_title)
        .arg("body", shorten(&data.body, 80));
    let key = format!("customer_comment:{}:{}", link.id.get(), time::OffsetDateTime::now_utc().unix_timestamp_nanos());
    let plan_link = format!("/plans/{}?tab=discussion#discussion", link.plan_id.get());
    let effects = SideEffects {
        action: "customer_commented",
        actor: None,
        history: &history,
        notify: kam.map(|user| NewNotification {
            org: link.org_id,
            user,
            kind: "customer_comment",
            plan: Some(link.plan_id),
            message: &notice,
            link: &plan_link,
            dedupe_key: Some(&key),
        }),
    };
    let new = NewCustomerComment {
        org: link.org_id,
        plan: link.plan_id,
        link: link.id,
        target,
        author_name: data.name.as_str(),
        body: &data.body,
    };
    Ok(store.add_customer_comment(&new, &effects).await?)
}

/// What a comment is about, as the customer's view names it (none: the whole plan).
fn about(b: &PlanBundle, link: &ShareLink, target: CustomerTarget) -> Option<String> {
    let short = |s: &str| shorten(s, 80);
    match target {
        CustomerTarget::Plan => None,
        CustomerTarget::Node(n) => b
            .all_nodes()
            .iter()
            .find(|x| x.id == n)
            .map(|x| short(&x.title))
            .or_else(|| joint_for_link(b, link).iter().find(|j| j.node.id == n).map(|j| short(&j.node.title))),
        CustomerTarget::Item(i) => b.items.iter().find(|x| x.id == i).map(|x| short(&x.text)),
        CustomerTarget::Section(s) => {
            let key = b.sections.iter().find(|x| x.id == s).map(|x| x.section_key.clone())?;
            b.doc.section(&key).map(|d| short(&d.title))
        }
        CustomerTarget::Kpi(k) => b.kpis.iter().find(|x| x.id == k).map(|x| short(&x.name)),
    }
}

/// A visitor accepts a joint commitment, or declines it with a reason. Only an
/// offer the link shows, and only once (until the team offers it again).
pub async fn answer(
    store: &Store,
    link: &ShareLink,
    client_addr: &str,
    node: NodeId,
    input: &CustomerAnswerInput,
) -> Result<JointCommitment> {
    let data = input.validate()?;
    admit(store, link, client_addr).await?;
    let joint = store.joint_commitment(link.org_id, node).await?;
    if joint.node.plan_id != link.plan_id || joint.node.acceptance() != Some(Acceptance::Accepted) {
        return Err(AppError::NotFound);
    }
    customer::check_answerable(joint.answer).map_err(AppError::State)?;
    let who = party(data.name.as_str(), link);
    let title = shorten(&joint.node.title, 80);
    let history = match &data.declined_because {
        None => Message::new("stored-customer-accepted").arg("who", who.clone()).arg("title", &title),
        Some(r) => Message::new("stored-customer-declined").arg("who", who.clone()).arg("title", &title).arg("reason", r),
    };
    let (plan_title, kam) = kam_of(store, link).await?;
    let notice = Message::new("stored-notif-customer-answer").arg("line", history.clone()).arg("plan", &plan_title);
    let key = format!("customer_answer:{}:{}", node.get(), joint.version);
    let plan_link = format!("/plans/{}?tab=customer#customer", link.plan_id.get());
    let (action, answer) = match data.answer() {
        JointAnswer::Declined => ("customer_declined", JointAnswer::Declined),
        _ => ("customer_accepted", JointAnswer::Accepted),
    };
    let effects = SideEffects {
        action,
        actor: None,
        history: &history,
        notify: kam.map(|user| NewNotification {
            org: link.org_id,
            user,
            kind: "customer_answer",
            plan: Some(link.plan_id),
            message: &notice,
            link: &plan_link,
            dedupe_key: Some(&key),
        }),
    };
    let new = NewCustomerAnswer {
        org: link.org_id,
        plan: link.plan_id,
        node,
        link: link.id,
        answer,
        reason: data.declined_because.as_deref(),
        name: data.name.as_str(),
    };
    let answered = store.answer_joint(&new, &effects).await?.ok_or_else(|| AppError::state("customer-err-answered-meanwhile"))?;
    crate::coach::marks::remark(store, link.org_id, link.plan_id).await;
    Ok(answered)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(id: i64) -> ShareLink {
        ShareLink {
            id: keyplan_domain::ShareLinkId::new(id),
            org_id: keyplan_domain::OrgId::new(1),
            plan_id: keyplan_domain::PlanId::new(2),
            label: "Q3 review".into(),
            expires_on: time::macros::date!(2026 - 06 - 30),
            created_by: None,
            created_by_name: None,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            revoked_at: None,
            last_opened_at: None,
            open_count: 0,
        }
    }

    #[test]
    fn form_tokens_belong_to_one_link_and_one_visitor() {
        let key = "k".repeat(64);
        let t = form_token(&key, &link(7), "nonce-a");
        assert_eq!(t.len(), 64);
        assert!(form_token_ok(&key, &link(7), "nonce-a", &t));
        assert!(!form_token_ok(&key, &link(8), "nonce-a", &t), "another link");
        assert!(!form_token_ok(&key, &link(7), "nonce-b", &t), "another visitor");
        assert!(!form_token_ok("other key", &link(7), "nonce-a", &t), "another server secret");
        assert!(!form_token_ok(&key, &link(7), "", &form_token(&key, &link(7), "")), "no cookie, no token");
        assert!(!form_token_ok(&key, &link(7), "nonce-a", ""));
    }

    #[test]
    fn a_visitor_is_named_with_the_link() {
        let en = keyplan_i18n::Tr::new(Lang::En);
        let line = Message::new("stored-customer-commented").arg("who", party("Dana Ruiz", &link(1))).arg("title", "Grow");
        assert_eq!(en.msg(&line), "Dana Ruiz (customer, via share link \u{201c}Q3 review\u{201d}) commented on \u{201c}Grow\u{201d}");
    }
}
