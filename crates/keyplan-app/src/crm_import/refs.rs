//! Finding what a row refers to: the organisation's users (owners), its
//! accounts by CRM key or name, and the header of the column a reference came
//! from (errors name it). Only ids, keys and names are kept here.

use std::collections::HashMap;

use keyplan_domain::crm::{CrmId, Field, mapping::ColumnMap};
use keyplan_domain::{AccountId, OrgId, UserId};
use keyplan_store::{CrmAccountRef, CrmTx};

use super::report::Report;

/// The canonical key of a CRM id cell.
pub(super) fn key(id: Option<&str>) -> Option<String> {
    id.and_then(CrmId::new).map(|i| i.key().to_string())
}

/// A name as names are compared: trimmed, without case.
pub(super) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The header of the first column that fills one of `fields`.
pub(super) fn column(map: &ColumnMap, fields: &[Field]) -> Option<String> {
    map.fields.iter().zip(&map.headers).find(|(f, _)| f.is_some_and(|f| fields.contains(&f))).map(|(_, h)| h.clone())
}

/// The organisation's users, by e-mail and by full name.
pub(super) struct Owners {
    by_email: HashMap<String, UserId>,
    /// `None`: two users share the name, so it names nobody.
    by_name: HashMap<String, Option<UserId>>,
}

/// An owner looked up.
pub(super) enum Owner {
    NotGiven,
    Found(UserId),
    Unmatched,
}

impl Owners {
    pub(super) async fn load(store: &keyplan_store::Store, org: OrgId) -> crate::Result<Owners> {
        let users = store.list_users(org).await?;
        let mut by_name: HashMap<String, Option<UserId>> = HashMap::new();
        for u in users.iter().filter(|u| u.active) {
            by_name.entry(name_key(&u.name)).and_modify(|e| *e = None).or_insert(Some(u.id));
        }
        let by_email = users.iter().filter(|u| u.active).map(|u| (name_key(&u.email), u.id)).collect();
        Ok(Owners { by_email, by_name })
    }

    /// By e-mail, then by full name (either cell may hold either).
    pub(super) fn find(&self, email: Option<&str>, name: Option<&str>) -> Owner {
        let given: Vec<String> = [email, name].into_iter().flatten().map(name_key).filter(|s| !s.is_empty()).collect();
        if given.is_empty() {
            return Owner::NotGiven;
        }
        given
            .iter()
            .find_map(|g| self.by_email.get(g).copied())
            .or_else(|| given.iter().find_map(|g| self.by_name.get(g).copied().flatten()))
            .map_or(Owner::Unmatched, Owner::Found)
    }

    /// The owner to write: found, else nothing with a warning on the column.
    pub(super) fn resolve(
        &self,
        email: Option<&str>,
        name: Option<&str>,
        row: u64,
        column: Option<&str>,
        report: &mut Report,
    ) -> Option<UserId> {
        match self.find(email, name) {
            Owner::NotGiven => None,
            Owner::Found(id) => Some(id),
            Owner::Unmatched => {
                report.warn(row, column, "crm-import-warning-no-owner");
                None
            }
        }
    }
}

/// A name among accounts: one account, or several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NameHit<T> {
    One(T),
    Many,
}

impl<T: PartialEq + Copy> NameHit<T> {
    pub(super) fn add(slot: &mut Option<NameHit<T>>, value: T) {
        *slot = match *slot {
            None => Some(NameHit::One(value)),
            Some(NameHit::One(v)) if v == value => Some(NameHit::One(v)),
            Some(_) => Some(NameHit::Many),
        };
    }
}

/// The organisation's stored accounts, by CRM key and by name.
pub(super) struct AccountIndex {
    pub(super) by_key: HashMap<String, AccountId>,
    pub(super) by_name: HashMap<String, NameHit<AccountId>>,
    pub(super) owner: HashMap<AccountId, Option<UserId>>,
    /// Accounts without a CRM key (a file row may adopt one by its name).
    pub(super) keyless: std::collections::HashSet<AccountId>,
}

impl AccountIndex {
    pub(super) async fn load(tx: &mut CrmTx, org: OrgId) -> crate::Result<AccountIndex> {
        let refs: Vec<CrmAccountRef> = tx.account_refs(org).await?;
        let mut index =
            AccountIndex { by_key: HashMap::new(), by_name: HashMap::new(), owner: HashMap::new(), keyless: Default::default() };
        for a in refs {
            match a.crm_key {
                Some(k) => {
                    index.by_key.insert(k, a.id);
                }
                None => {
                    index.keyless.insert(a.id);
                }
            }
            let mut slot = index.by_name.get(&name_key(&a.name)).copied();
            NameHit::add(&mut slot, a.id);
            if let Some(s) = slot {
                index.by_name.insert(name_key(&a.name), s);
            }
            index.owner.insert(a.id, a.owner_id);
        }
        Ok(index)
    }

    /// A stored account by name: `Err(())` when several share it.
    pub(super) fn by_name(&self, name: &str) -> Result<Option<AccountId>, ()> {
        match self.by_name.get(&name_key(name)) {
            None => Ok(None),
            Some(NameHit::One(id)) => Ok(Some(*id)),
            Some(NameHit::Many) => Err(()),
        }
    }
}

/// Texts longer than the fields take are row errors, as in the forms.
pub(super) fn too_long(value: &Option<String>, max: usize) -> bool {
    value.as_ref().is_some_and(|v| v.chars().count() > max)
}

/// The stored account a row names by CRM key (`id`), else by name. `Err(None)`
/// when it names none (the parser has said so already), else the message and
/// the column.
pub(super) fn resolve_account(
    id: Option<&str>,
    name: Option<&str>,
    stored: &AccountIndex,
    id_column: &Option<String>,
    name_column: &Option<String>,
) -> Result<AccountId, Option<(&'static str, Option<String>)>> {
    let by_key = key(id);
    if let Some(k) = &by_key
        && let Some(found) = stored.by_key.get(k)
    {
        return Ok(*found);
    }
    match name.map(|n| stored.by_name(n)) {
        Some(Ok(Some(found))) => Ok(found),
        Some(Err(())) => Err(Some(("crm-import-error-ambiguous-account", name_column.clone()))),
        Some(Ok(None)) if by_key.is_none() => Err(Some(("crm-import-error-no-account", name_column.clone()))),
        _ if by_key.is_some() => Err(Some(("crm-import-error-no-account", id_column.clone()))),
        _ => Err(None),
    }
}
