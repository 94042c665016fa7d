//! Contacts at a customer: create, edit and delete. The coach reads them
//! (decision makers, relationship owners), so each write marks the account's
//! plans again.

use keyplan_domain::contact::ContactInput;
use keyplan_domain::validate::format_date;
use keyplan_domain::{AccountId, ContactId};
use keyplan_store::{Contact, Store};

use crate::access::require_plan_editor;
use crate::{Auth, Result};

pub async fn create_contact(store: &Store, auth: &Auth, account: AccountId, input: &ContactInput) -> Result<Contact> {
    require_plan_editor(store, auth, account).await?;
    let data = input.validate()?;
    let ((settings, _), contacts) = tokio::try_join!(store.organisation_settings(auth.org()), store.contacts(auth.org(), account))?;
    keyplan_domain::settings::within_limit("contacts", "err-limit-contacts", contacts.len(), 1, settings.max_contacts_per_account)?;
    let contact = store.create_contact(auth.org(), account, &data, auth.id()).await?;
    crate::coach::marks::remark_account(store, auth.org(), account).await;
    Ok(contact)
}

pub async fn update_contact(store: &Store, auth: &Auth, id: ContactId, version: i64, input: &ContactInput) -> Result<Contact> {
    let current = store.contact(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    let data = input.validate()?;
    let contact = store.update_contact(auth.org(), id, version, &data, auth.id()).await?;
    crate::coach::marks::remark_account(store, auth.org(), current.account_id).await;
    Ok(contact)
}

pub async fn delete_contact(store: &Store, auth: &Auth, id: ContactId) -> Result<Contact> {
    let current = store.contact(auth.org(), id).await?;
    require_plan_editor(store, auth, current.account_id).await?;
    store.delete_contact(auth.org(), id).await?;
    crate::coach::marks::remark_account(store, auth.org(), current.account_id).await;
    Ok(current)
}

pub fn contact_to_input(c: &Contact) -> ContactInput {
    ContactInput {
        name: c.name.clone(),
        title: c.title.clone().unwrap_or_default(),
        business_unit: c.business_unit.clone().unwrap_or_default(),
        reports_to_id: c.reports_to_id.map(|i| i.to_string()).unwrap_or_default(),
        buying_role: c.buying_role.map(|r| r.as_str().into()).unwrap_or_default(),
        influence: c.influence.map(|i| i.to_string()).unwrap_or_default(),
        attitude: c.attitude.map(|a| a.as_str().into()).unwrap_or_default(),
        relationship_owner_id: c.relationship_owner_id.map(|i| i.to_string()).unwrap_or_default(),
        objective: c.objective.clone().unwrap_or_default(),
        last_contact_date: c.last_contact_date.map(format_date).unwrap_or_default(),
        email: c.email.clone().unwrap_or_default(),
        phone: c.phone.clone().unwrap_or_default(),
        crm_id: c.crm_id.clone().unwrap_or_default(),
    }
}
