//! The search fields of the account and contact forms: what was typed (a name,
//! CRM id or e-mail) is resolved to an id on the server; ids sent along are the
//! script's hints.

use keyplan_domain::account::AccountInput;
use keyplan_domain::contact::ContactInput;
use keyplan_store::Store;
use serde::Deserialize;

use crate::AppError;
use crate::views::FormView;

/// The search fields of the account forms: the typed parent account and key
/// account manager; the ids (`parent_id`, `owner_id`) come along as hints.
#[derive(Debug, Default, Deserialize)]
pub struct AccountPickers {
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    owner: Option<String>,
}

impl AccountPickers {
    /// Turns the typed texts into the input's ids (fields not sent keep the ids).
    pub async fn apply(&self, store: &Store, org: keyplan_domain::OrgId, input: &mut AccountInput) -> Result<(), AppError> {
        use crate::pickers::{OWNER, PARENT, resolve_all};
        let parent = self.parent.as_deref();
        let owner = self.owner.as_deref();
        let fields: Vec<_> = [(&PARENT, parent, input.parent_id.as_str()), (&OWNER, owner, input.owner_id.as_str())]
            .into_iter()
            .filter_map(|(f, text, hint)| text.map(|text| (f, text, hint)))
            .collect();
        let ids = resolve_all(store, org, &fields).await?;
        let mut ids = ids.into_iter();
        if parent.is_some() {
            input.parent_id = ids.next().unwrap_or_default();
        }
        if owner.is_some() {
            input.owner_id = ids.next().unwrap_or_default();
        }
        Ok(())
    }

    /// Puts the typed texts back into a re-shown form.
    pub fn keep(&self, form: &mut FormView) {
        for (k, v) in [("parent", &self.parent), ("owner", &self.owner)] {
            if let Some(v) = v {
                form.values.insert(k.into(), v.clone());
            }
        }
    }
}

/// The contact forms' search field for who calls on them: the typed name or
/// e-mail, with `relationship_owner_id` as the hint.
#[derive(Debug, Default, Deserialize)]
pub struct ContactPickers {
    #[serde(default)]
    relationship_owner: Option<String>,
}

impl ContactPickers {
    pub async fn apply(&self, store: &Store, org: keyplan_domain::OrgId, input: &mut ContactInput) -> Result<(), AppError> {
        if let Some(text) = &self.relationship_owner {
            let hint = input.relationship_owner_id.clone();
            input.relationship_owner_id = crate::pickers::resolve(store, org, &crate::pickers::CONTACT_OWNER, text, &hint).await?;
        }
        Ok(())
    }

    /// Puts the typed text back into a re-shown form.
    pub fn keep(&self, form: &mut FormView) {
        if let Some(text) = &self.relationship_owner {
            form.values.insert("relationship_owner".into(), text.clone());
        }
    }
}

/// Shows the name of who calls on them in the search field, unless the form
/// already has what was typed.
pub fn fill_owner_name(form: &mut FormView, users: &[keyplan_store::User]) {
    if form.values.contains_key("relationship_owner") {
        return;
    }
    let id = form.v("relationship_owner_id").parse::<i64>().ok();
    let name = id.and_then(|id| users.iter().find(|u| u.id.get() == id)).map(|u| u.name.clone()).unwrap_or_default();
    form.values.insert("relationship_owner".into(), name);
}

/// The owner search field of the plan's forms (goals, obstacles, commitments,
/// actions): the typed name or e-mail (`owner`), with `owner_id` as the hint.
/// A form that sends no `owner` keeps the `owner_id` it sent.
pub async fn resolve_node_owner(
    store: &Store,
    org: keyplan_domain::OrgId,
    typed: Option<&str>,
    input: &mut keyplan_domain::tree::NodeInput,
) -> Result<(), AppError> {
    if let Some(text) = typed {
        let hint = input.owner_id.clone();
        input.owner_id = crate::pickers::resolve(store, org, &crate::pickers::NODE_OWNER, text, &hint).await?;
    }
    Ok(())
}
