//! The plan's sections as its template lays them out: section text, analysis
//! items, links from goals to their evidence, the story and the length budgets.
//! Shared by the plan page, the API and the exports.

use keyplan_domain::analysis::{ItemInput, LinkInput, SectionTextInput, ValueDisciplineInput};
use keyplan_domain::template::{Section, TemplateDoc};
use keyplan_domain::validate::format_date;
use keyplan_domain::{ItemId, LinkId, Message, NodeId, PlanId};
use keyplan_store::{GoalLink, Item, OrgSettings, PlanSection, Store};

use crate::AppError;
use crate::Result;
use crate::access::require;
use crate::auth::Auth;
use crate::bundle::item_kinds;

// --- writes -----------------------------------------------------------------------------

async fn editable_plan(store: &Store, auth: &Auth, plan: PlanId) -> Result<(keyplan_store::Plan, TemplateDoc)> {
    let p = store.plan(auth.org(), plan).await?;
    crate::access::require_plan_editor(store, auth, p.account_id).await?;
    let (doc, _) = crate::bundle::plan_template(store, auth.org(), &p).await?;
    Ok((p, doc))
}

fn section_of<'a>(doc: &'a TemplateDoc, key: &str, field: &str) -> Result<&'a Section> {
    doc.section(key).ok_or_else(|| AppError::field(field, keyplan_domain::Message::new("err-no-section").arg("key", key)))
}

pub async fn save_section(
    store: &Store,
    auth: &Auth,
    plan: PlanId,
    key: &str,
    version: i64,
    input: &SectionTextInput,
) -> Result<PlanSection> {
    let (_, doc) = editable_plan(store, auth, plan).await?;
    let section = section_of(&doc, key, "section")?;
    let mut text = input.validate()?;
    if !section.kind.has_body() {
        text.body = None;
    }
    if !section.kind.has_so_what() {
        text.so_what = None;
    }
    let saved = store.save_section(auth.org(), plan, key, version, &text, auth.id()).await?;
    crate::collab::record_activity(
        store,
        auth,
        plan,
        "updated",
        "section",
        Some(saved.id.get()),
        &Message::new("stored-section-edited").arg("section", key),
    )
    .await;
    Ok(saved)
}

pub async fn create_item(store: &Store, auth: &Auth, plan: PlanId, section_key: &str, input: &ItemInput) -> Result<Item> {
    let (_, doc) = editable_plan(store, auth, plan).await?;
    let section = section_of(&doc, section_key, "section")?;
    let data = input.validate()?;
    let ((settings, _), items) = tokio::try_join!(store.organisation_settings(auth.org()), store.items(auth.org(), plan))?;
    keyplan_domain::settings::within_limit("items", "err-limit-items", items.len(), 1, settings.max_items_per_plan)?;
    if !item_kinds(section.kind).contains(&data.kind) {
        let allowed: Vec<&str> = item_kinds(section.kind).iter().map(|k| k.as_str()).collect();
        return Err(AppError::field(
            "kind",
            if allowed.is_empty() {
                keyplan_domain::Message::new("err-section-no-items").arg("section", section.title.as_str())
            } else {
                keyplan_domain::Message::new("err-section-holds")
                    .arg("section", section.title.as_str())
                    .arg("kinds", allowed.join(" and "))
                    .arg("list", allowed.join(", "))
            },
        ));
    }
    let item = store.create_item(auth.org(), plan, section_key, &data, auth.id()).await?;
    crate::collab::item_activity(store, auth, "created", &item).await;
    Ok(item)
}

pub async fn update_item(store: &Store, auth: &Auth, id: ItemId, version: i64, input: &ItemInput) -> Result<Item> {
    let current = store.item(auth.org(), id).await?;
    editable_plan(store, auth, current.plan_id).await?;
    let data = input.validate()?;
    let item = store.update_item(auth.org(), id, version, &data, auth.id()).await?;
    crate::collab::item_activity(store, auth, "updated", &item).await;
    Ok(item)
}

pub async fn delete_item(store: &Store, auth: &Auth, id: ItemId) -> Result<Item> {
    let current = store.item(auth.org(), id).await?;
    editable_plan(store, auth, current.plan_id).await?;
    store.delete_item(auth.org(), id).await?;
    crate::collab::item_activity(store, auth, "deleted", &current).await;
    Ok(current)
}

pub async fn move_item(store: &Store, auth: &Auth, id: ItemId, up: bool) -> Result<Item> {
    let current = store.item(auth.org(), id).await?;
    editable_plan(store, auth, current.plan_id).await?;
    store.move_item(auth.org(), id, up).await?;
    Ok(current)
}

pub fn item_to_input(i: &Item) -> ItemInput {
    ItemInput {
        kind: i.kind.as_str().into(),
        category: i.category.map(|c| c.as_str().into()).unwrap_or_default(),
        text: i.text.clone(),
        source: i.source.clone().unwrap_or_default(),
        item_date: i.item_date.map(format_date).unwrap_or_default(),
        derived_from_id: i.derived_from_id.map(|d| d.to_string()).unwrap_or_default(),
        response: i.response.clone().unwrap_or_default(),
    }
}

pub async fn create_link(store: &Store, auth: &Auth, plan: PlanId, input: &LinkInput) -> Result<GoalLink> {
    editable_plan(store, auth, plan).await?;
    let (goal, kind, target) = input.validate()?;
    let link = store.create_link(auth.org(), plan, NodeId::new(goal), kind, target, auth.id()).await?;
    crate::collab::record_activity(store, auth, plan, "created", "link", Some(link.id.get()), &Message::new("stored-link-added")).await;
    Ok(link)
}

pub async fn delete_link(store: &Store, auth: &Auth, id: LinkId) -> Result<GoalLink> {
    let link = store.goal_link(auth.org(), id).await?;
    editable_plan(store, auth, link.plan_id).await?;
    store.delete_link(auth.org(), id).await?;
    crate::collab::record_activity(store, auth, link.plan_id, "deleted", "link", Some(id.get()), &Message::new("stored-link-removed"))
        .await;
    Ok(link)
}

// --- the organisation's value discipline -------------------------------------------------

pub async fn update_value_discipline(store: &Store, auth: &Auth, version: i64, input: &ValueDisciplineInput) -> Result<OrgSettings> {
    require(keyplan_domain::permissions::can_manage_users(auth.actor()))?;
    let (discipline, statement) = input.validate()?;
    let settings = store.update_org_settings(auth.org(), version, discipline, statement.as_deref()).await?;
    crate::coach::marks::remark_organisation(store, auth.org()).await;
    Ok(settings)
}
